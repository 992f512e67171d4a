"""Import resources in bulk from a folder of PDF/DOCX files or from a CSV file.

    manage.py import_resources path/to/folder  [--type report] [--status published] ...
    manage.py import_resources path/to/resources.csv

A CSV has a header row; ``title`` is required, every other column is optional: slug, type,
summary, body, language, visibility, status, published_on (YYYY-MM-DD), publisher (organisation
slug or acronym), authors, objectives (numbers), countries (ISO codes), themes (slugs), links
(addresses), licence, source, and file (a PDF or DOCX, relative to the CSV). Lists are separated
by semicolons. Each row is imported by the same service as the web form, in its own transaction:
a bad row is skipped with its reason and the others go in. Running the import again skips what is
already there (same slug, same title, or the same file).
"""

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from corridor.core.errors import ApplicationError
from corridor.directory.models import Organisation, User
from corridor.knowledge import files as documents
from corridor.knowledge import services
from corridor.knowledge.models import Resource, ResourceFile, Visibility
from corridor.taxonomy.models import Country, Objective, Theme

FILE_SUFFIXES = {".pdf", ".docx"}


class Skip(Exception):
    pass


@dataclass
class Summary:
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _split(value: str) -> list[str]:
    return [item.strip() for item in (value or "").split(";") if item.strip()]


def _number(value: str) -> int:
    if not value.isdigit() or len(value) > 4:
        raise ValueError(value)
    return int(value)


class Command(BaseCommand):
    help = "Import resources from a folder of PDF/DOCX files or from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A folder of .pdf/.docx files, or a .csv file.")
        parser.add_argument(
            "--type", default=Resource.Type.REPORT, choices=Resource.Type.values,
            help="Type of resources without a type column (default: report).",
        )  # fmt: skip
        parser.add_argument(
            "--status", default="published", choices=["published", "draft"],
            help="Publish the resources (default) or leave them as drafts.",
        )  # fmt: skip
        parser.add_argument(
            "--visibility", default=Visibility.PUBLIC, choices=Visibility.values,
            help="Visibility of resources without a visibility column (default: public).",
        )  # fmt: skip
        parser.add_argument("--publisher", help="Organisation slug or acronym, for every row.")
        parser.add_argument(
            "--as", dest="actor", metavar="EMAIL",
            help="Record the import as done by this secretariat account (default: the system).",
        )  # fmt: skip
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, path, **options):
        source = Path(path)
        if not source.exists():
            raise CommandError(f"{source} does not exist.")
        self.options = options
        self.actor = None
        if options["actor"]:
            self.actor = User.objects.filter(email__iexact=options["actor"]).first()
            if self.actor is None:
                raise CommandError(f"No account with the email address {options['actor']}.")
        self.default_publisher = (
            self._organisation(options["publisher"]) if options["publisher"] else None
        )
        if source.is_dir():
            items = [
                (str(p.relative_to(source)), {"file": str(p)})
                for p in sorted(source.rglob("*"))
                if p.is_file() and p.suffix.lower() in FILE_SUFFIXES
            ]
            base = source
        elif source.suffix.lower() == ".csv":
            with source.open(newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.DictReader(handle))
            items = [
                (f"row {n}", {(k or "").strip(): (v or "").strip() for k, v in row.items()})
                for n, row in enumerate(rows, start=2)
            ]
            base = source.parent
        else:
            raise CommandError("Give a folder or a .csv file.")

        summary = Summary()
        progress = tqdm(
            items,
            desc="Importing",
            unit="resource",
            file=self.stderr._out,
            disable=options["no_progress"] or not items,
        )
        for label, row in progress:
            try:
                resource = self._import(row, base)
            except Skip as reason:
                summary.skipped.append((label, str(reason)))
            except ApplicationError as error:
                summary.skipped.append((label, error.message))
            except ValidationError as error:
                summary.skipped.append((label, "; ".join(error.messages)))
            except PermissionDenied:
                raise CommandError(
                    f"{options['actor']} may not import resources (use a secretariat account)."
                ) from None
            else:
                summary.imported.append(f"{label}: {resource.slug}")
        progress.close()
        self._report(summary)

    def _report(self, summary: Summary) -> None:
        self.stdout.write(f"Imported {len(summary.imported)}, skipped {len(summary.skipped)}.")
        for line in summary.imported:
            self.stdout.write(f"  imported {line}")
        for label, reason in summary.skipped:
            self.stdout.write(f"  skipped {label}: {reason}")

    # -- one row ---------------------------------------------------------------------------------

    def _import(self, row: dict, base: Path) -> Resource:
        upload = None
        if row.get("file"):
            path = Path(row["file"])
            path = path if path.is_absolute() else base / path
            if not path.is_file():
                raise Skip(f"file not found: {row['file']}")
            if path.stat().st_size > documents.max_upload_bytes():
                raise Skip(documents.too_large_message(path.name, path.stat().st_size))
            content = path.read_bytes()
            sha256 = hashlib.sha256(content).hexdigest()
            existing = ResourceFile.objects.filter(sha256=sha256).select_related("resource").first()
            if existing is not None:
                raise Skip(f"already imported, as {existing.resource.slug}")
            upload = (path.name, content)
        title = row.get("title", "")
        if not title and upload is not None:
            checked = documents.check_file(upload[1], name=upload[0])
            title = documents.document_title(upload[1], checked.kind) or self._title_from(upload[0])
        if not title:
            raise Skip("no title")
        slug = row.get("slug", "")
        if slug and Resource.objects.filter(slug=slug).exists():
            raise Skip(f"already imported, as {slug}")
        if not slug and Resource.objects.filter(title=title).exists():
            raise Skip(f"a resource titled “{title}” exists already")
        data = self._data(row, title)
        m2m = {
            "authors": [self._organisation(key) for key in _split(row.get("authors", ""))],
            "objectives": self._lookup(Objective, "number", row.get("objectives", ""), _number),
            "countries": self._lookup(Country, "code", row.get("countries", ""), str.upper),
            "themes": self._lookup(Theme, "slug", row.get("themes", ""), str),
        }
        data.update({name: values for name, values in m2m.items() if values})
        status = row.get("status") or self.options["status"]
        if status not in {"published", "draft"}:
            raise Skip(f"unknown status {status!r} (published or draft)")
        return services.resource_create(
            actor=self.actor,
            data=data,
            uploads=[upload] if upload else [],
            slug=slug,
            publish=status == "published",
        )

    def _data(self, row: dict, title: str) -> dict:
        type_ = row.get("type") or self.options["type"]
        if type_ not in Resource.Type.values:
            raise Skip(f"unknown type {type_!r}")
        visibility = row.get("visibility") or self.options["visibility"]
        if visibility not in Visibility.values:
            raise Skip(f"unknown visibility {visibility!r}")
        data = {
            "type": type_,
            "title": title,
            "summary": row.get("summary", ""),
            "body": row.get("body", ""),
            # Without a language column, the language is detected from the file's text.
            "language": row.get("language", ""),
            "visibility": visibility,
            "source": row.get("source", ""),
            "links": [{"url": url, "title": ""} for url in _split(row.get("links", ""))],
        }
        if row.get("licence"):
            data["licence"] = row["licence"]
        if row.get("published_on"):
            try:
                data["published_on"] = date.fromisoformat(row["published_on"])
            except ValueError:
                raise Skip(
                    f"published_on is not a date (YYYY-MM-DD): {row['published_on']}"
                ) from None
        publisher = row.get("publisher")
        data["publisher"] = self._organisation(publisher) if publisher else self.default_publisher
        return data

    def _organisation(self, key: str) -> Organisation:
        organisation = Organisation.objects.filter(
            Q(slug=key) | Q(acronym__iexact=key) | Q(name__iexact=key)
        ).first()
        if organisation is None:
            raise Skip(f"unknown organisation {key!r}")
        return organisation

    def _lookup(self, model, field_name: str, value: str, convert) -> list:
        keys = []
        for item in _split(value):
            try:
                keys.append(convert(item))
            except ValueError:
                raise Skip(f"unknown {model._meta.verbose_name} {item!r}") from None
        found = {
            getattr(obj, field_name): obj
            for obj in model.objects.filter(**{f"{field_name}__in": keys})
        }
        missing = [str(key) for key in keys if key not in found]
        if missing:
            raise Skip(f"unknown {model._meta.verbose_name} {', '.join(missing)}")
        return [found[key] for key in keys]

    @staticmethod
    def _title_from(filename: str) -> str:
        stem = Path(filename).stem.replace("_", " ").replace("-", " ")
        return " ".join(stem.split()).capitalize()
