"""Load the demo data: the seed documents' organisations, groups, workplans, research agenda,
events and policy recommendations, and a fictional person for each role.

``load_demo`` runs in one transaction and is idempotent: every object is found again by its natural
key (slug, email, number, position) and saved only when a field actually differs, so a second run
creates nothing, changes nothing and adds no history rows. The data files are checked first
(``datafiles.read_data``); nothing is written if any entry is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group as AuthGroup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from corridor.community.models import Event, ResearchTopic
from corridor.demo.datafiles import DemoData, DemoDataError, read_data
from corridor.directory.accounts import account_activate_totp, requires_mfa
from corridor.directory.models import Affiliation, Group, GroupMembership, Organisation, User
from corridor.knowledge.models import Resource
from corridor.taxonomy.models import Country, Objective, ThematicArea, Theme
from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)

# Every demo account signs in with this password. The accounts are fictional and for
# demonstration only: never load the demo data into a public installation.
DEMO_PASSWORD = "corridor-demo"  # noqa: S105
# Staff roles must use two-factor authentication; demo staff share this authenticator secret so a
# demonstration needs no phone: ``manage.py demo_totp_code`` prints the current code.
DEMO_TOTP_SECRET = "CORRIDORDEMOSECRETKEY234"  # noqa: S105
DEMO_ADMIN_EMAIL = "admin@example.org"
DEMO_MEMBER_EMAIL = "member@example.org"

__all__ = [
    "DEMO_ADMIN_EMAIL",
    "DEMO_MEMBER_EMAIL",
    "DEMO_PASSWORD",
    "DEMO_TOTP_SECRET",
    "DemoDataError",
    "demo_logins",
    "format_summary",
    "load_demo",
]

# The models the loader writes, in the order the summary lists them.
MODELS: tuple[type[models.Model], ...] = (
    Organisation,
    Group,
    GroupMembership,
    AuthGroup,
    User,
    EmailAddress,
    Affiliation,
    Workplan,
    Section,
    Workstream,
    WorkstreamOrganisation,
    Activity,
    ResearchTopic,
    Event,
    Resource,
)


@transaction.atomic
def load_demo(stdout: TextIO | None = None, data_dir: Path | str | None = None) -> dict:
    """Load (or bring up to date) the demo data; return ``{model label: {created, updated, deleted}}``.

    Raises ``DemoDataError`` when a data file is wrong or the vocabulary is not in the database.
    """
    data = read_data(data_dir)
    vocabulary = _Vocabulary(data)
    writer = _Writer()
    organisations = _load_organisations(writer, data, vocabulary)
    groups = _load_groups(writer, data, organisations)
    _load_people(writer, data, vocabulary, organisations, groups)
    for plan in data.workplans:
        _load_workplan(writer, plan, vocabulary, organisations, groups)
    _load_research_agenda(writer, data, vocabulary, groups)
    _load_events(writer, data, vocabulary, organisations, groups)
    _load_resources(writer, data, vocabulary, organisations, groups)
    if stdout is not None:
        stdout.write(format_summary(writer.counts) + "\n")
    return writer.counts


def demo_logins(data_dir: Path | str | None = None) -> list[tuple[str, str]]:
    """``(label, email)`` of every demo account, in the data file's order."""
    return [(person["label"], person["email"]) for person in read_data(data_dir).people]


def format_summary(counts: dict) -> str:
    width = max(len(label) for label in counts)
    lines = []
    for label, count in counts.items():
        line = f"  {label:<{width}}  {count['created']:>4} created  {count['updated']:>4} updated"
        if count["deleted"]:
            line += f"  {count['deleted']:>4} deleted"
        lines.append(line)
    return "\n".join(lines)


# -- writing, only what differs ------------------------------------------------------------------


class _Writer:
    def __init__(self):
        self.counts = {
            model._meta.label: {"created": 0, "updated": 0, "deleted": 0} for model in MODELS
        }

    def save(
        self,
        model: type[models.Model],
        lookup: dict,
        values: dict,
        m2m: dict[str, Iterable[models.Model]] | None = None,
        m2m_add: dict[str, Iterable[models.Model]] | None = None,
        prepare: Callable[[models.Model], None] | None = None,
    ) -> models.Model:
        """Find the object by ``lookup``; create it, or save it only if ``values`` differ.

        ``m2m`` relations are made exactly the given targets; ``m2m_add`` only gains missing ones.
        """
        obj = model._default_manager.filter(**lookup).order_by("pk").first()
        created = obj is None
        changed = False
        if created:
            obj = model(**lookup, **values)
            if prepare is not None:
                prepare(obj)
            self._clean_and_save(obj, lookup)
        else:
            differing = [name for name, value in values.items() if _differs(obj, name, value)]
            if differing:
                for name in differing:
                    setattr(obj, name, values[name])
                self._clean_and_save(obj, lookup)
                changed = True
        for name, targets in (m2m or {}).items():
            changed |= _sync_m2m(obj, name, targets, created)
        for name, targets in (m2m_add or {}).items():
            changed |= _add_m2m(obj, name, targets, created)
        if created:
            self.counts[model._meta.label]["created"] += 1
        elif changed:
            self.counts[model._meta.label]["updated"] += 1
        return obj

    def delete(self, queryset: models.QuerySet) -> None:
        count = queryset.count()
        if count:
            queryset.delete()
            self.counts[queryset.model._meta.label]["deleted"] += count

    def _clean_and_save(self, obj: models.Model, lookup: dict) -> None:
        # Field validation here; uniqueness and constraints are the database's to enforce (the
        # natural-key lookups already avoid duplicates, and a query per check would be slow).
        key = ", ".join(f"{name}={value}" for name, value in lookup.items())
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise DemoDataError(f"{obj._meta.label} ({key}): {error.messages}") from error
        try:
            obj.save()
        except IntegrityError as error:
            raise DemoDataError(f"{obj._meta.label} ({key}) clashes with a row: {error}") from error


def _differs(obj: models.Model, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        return getattr(obj, field.attname) != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def _sync_m2m(obj: models.Model, name: str, targets: Iterable[models.Model], new: bool) -> bool:
    targets = list(targets)
    manager = getattr(obj, name)
    if new:  # nothing to compare with
        if targets:
            manager.add(*targets)
        return bool(targets)
    if set(manager.values_list("pk", flat=True)) == {target.pk for target in targets}:
        return False
    manager.set(targets)
    return True


def _add_m2m(obj: models.Model, name: str, targets: Iterable[models.Model], new: bool) -> bool:
    manager = getattr(obj, name)
    present = set() if new else set(manager.values_list("pk", flat=True))
    missing = [target for target in targets if target.pk not in present]
    if missing:
        manager.add(*missing)
    return bool(missing)


# -- vocabulary ----------------------------------------------------------------------------------


class _Vocabulary:
    """The objectives, thematic areas, themes and countries the data uses, fetched once."""

    def __init__(self, data: DemoData):
        self.objectives = {
            o.number: o for o in Objective.objects.filter(number__in=data.objectives)
        }
        self.areas = {
            a.number: a for a in ThematicArea.objects.filter(number__in=data.thematic_areas)
        }
        self.themes = {t.slug: t for t in Theme.objects.filter(slug__in=data.themes)}
        self.countries = {c.code: c for c in Country.objects.filter(code__in=data.countries)}
        missing = [
            (what, sorted(set(wanted) - set(found)))
            for what, wanted, found in (
                ("GCM objectives", data.objectives, self.objectives),
                ("thematic areas", data.thematic_areas, self.areas),
                ("themes", data.themes, self.themes),
                ("countries", data.countries, self.countries),
            )
        ]
        missing = [(what, keys) for what, keys in missing if keys]
        if missing:
            listed = "; ".join(f"{what} {', '.join(map(str, keys))}" for what, keys in missing)
            raise DemoDataError(
                f"The vocabulary the demo data uses is not in the database ({listed}). "
                "It is loaded by the corridor.taxonomy migrations: run `manage.py migrate` "
                "(or `manage.py load_vocabulary`) first."
            )

    def country(self, code: str) -> Country | None:
        return self.countries[code] if code else None

    def tags(self, entry: dict, *kinds: str) -> dict[str, list[models.Model]]:
        """``m2m`` for ``_Writer.save``: each of the entry's ``kinds`` of tags ("objectives",
        "thematic_areas", "themes", "countries"), from its numbers, slugs or codes to the rows."""
        rows = {
            "objectives": self.objectives,
            "thematic_areas": self.areas,
            "themes": self.themes,
            "countries": self.countries,
        }
        return {kind: [rows[kind][key] for key in entry[kind]] for kind in kinds}


# -- each kind of data ---------------------------------------------------------------------------


def _load_organisations(writer: _Writer, data: DemoData, vocabulary: _Vocabulary) -> dict:
    organisations = {}
    for entry in data.organisations:
        organisations[entry["key"]] = writer.save(
            Organisation,
            {"slug": entry["slug"]},
            {
                "name": entry["name"],
                "acronym": entry["acronym"],
                "type": entry["type"],
                "country": vocabulary.country(entry["country"]),
                "website": entry["website"],
                "description": entry["description"],
            },
        )
    return organisations


def _load_groups(writer: _Writer, data: DemoData, organisations: dict) -> dict:
    groups: dict[str, Group] = {}
    for entry in data.groups:
        group = writer.save(
            Group,
            {"slug": entry["slug"]},
            {
                "name": entry["name"],
                "acronym": entry["acronym"],
                "kind": entry["kind"],
                "parent": groups[entry["parent"]] if entry["parent"] else None,
                "description": entry["description"],
                "established": entry["established"],
            },
        )
        groups[entry["slug"]] = group
        for membership in entry["memberships"]:
            writer.save(
                GroupMembership,
                {"group": group, "organisation": organisations[membership["org"]]},
                {"role": membership["role"]},
            )
    return groups


def _load_people(
    writer: _Writer, data: DemoData, vocabulary: _Vocabulary, organisations: dict, groups: dict
) -> None:
    role_groups = {
        role: writer.save(AuthGroup, {"name": role}, {})
        for role in dict.fromkeys(role for entry in data.people for role in entry["roles"])
    }
    for entry in data.people:
        person = writer.save(
            User,
            {"email": entry["email"]},
            {
                "full_name": entry["full_name"],
                "pseudonym": entry["pseudonym"],
                "job_title": entry["job_title"],
                "bio": entry["bio"],
                "country": vocabulary.country(entry["country"]),
                "is_staff": entry["is_staff"],
                "is_superuser": entry["is_superuser"],
                "is_profile_public": entry["is_profile_public"],
            },
            # Roles are added, never taken away: someone may have given a demo person more.
            m2m_add={"groups": [role_groups[role] for role in entry["roles"]]},
            # Set once: a password someone has changed since is left alone.
            prepare=lambda user: user.set_password(DEMO_PASSWORD),
        )
        # Signing in needs a verified address (ACCOUNT_EMAIL_VERIFICATION is mandatory).
        writer.save(
            EmailAddress,
            {"user": person, "email": person.email},
            {"verified": True, "primary": True},
        )
        if requires_mfa(person):
            account_activate_totp(user=person, secret=DEMO_TOTP_SECRET)
        for affiliation in entry["affiliations"]:
            writer.save(
                Affiliation,
                {"person": person, "organisation": organisations[affiliation["org"]]},
                {"role": affiliation["role"], "title": affiliation["title"]},
            )
        for membership in entry["groups"]:
            writer.save(
                GroupMembership,
                {"group": groups[membership["group"]], "person": person},
                {"role": membership["role"]},
            )


def _load_workplan(
    writer: _Writer, plan: dict, vocabulary: _Vocabulary, organisations: dict, groups: dict
) -> None:
    workplan = writer.save(
        Workplan,
        {"slug": plan["slug"]},
        {
            "title": plan["title"],
            "group": groups[plan["group"]],
            "status": plan["status"],
            "issued": plan["issued"],
            "period_start": plan["period_start"],
            "period_end": plan["period_end"],
            "introduction": plan["introduction"],
            "source": plan["source"],
        },
    )
    sections: dict[tuple, Section] = {}
    for entry in plan["section_list"]:
        sections[entry["path"]] = writer.save(
            Section,
            {
                "workplan": workplan,
                "parent": sections[entry["parent_path"]] if entry["parent_path"] else None,
                "order": entry["order"],
            },
            {"kind": entry["kind"], "title": entry["title"], "description": entry["description"]},
        )
    for entry in plan["workstream_list"]:
        workstream = writer.save(
            Workstream,
            {"workplan": workplan, "slug": entry["slug"]},
            {
                "section": sections[entry["section_path"]],
                "kind": entry["kind"],
                "reference": entry["reference"],
                "title": entry["title"],
                "purpose": entry["purpose"],
                "scope": entry["scope"],
                "timeline": entry["timeline"],
                "due_date": entry["due_date"],
                "status": entry["status"],
                "status_note": entry["status_note"],
                "lead_note": entry["lead_note"],
                "participants_note": entry["participants_note"],
                "membership_note": entry["membership_note"],
                "order": entry["order"],
            },
            m2m=vocabulary.tags(entry, "objectives", "thematic_areas", "themes"),
        )
        _load_workstream_organisations(writer, workstream, entry, organisations)
        for order, activity in enumerate(entry["activities"], 1):
            writer.save(
                Activity,
                {"workstream": workstream, "order": order},
                {"description": activity["text"], "due": activity["due"]},
            )
        writer.delete(
            Activity.objects.filter(workstream=workstream, order__gt=len(entry["activities"]))
        )


def _load_workstream_organisations(
    writer: _Writer, workstream: Workstream, entry: dict, organisations: dict
) -> None:
    kept = []
    for role, keys in (
        (WorkstreamOrganisation.Role.LEAD, entry["leads"]),
        (WorkstreamOrganisation.Role.PARTICIPANT, entry["participants"]),
        (WorkstreamOrganisation.Role.INTEREST, entry["interest"]),
    ):
        for order, key in enumerate(keys, 1):
            row = writer.save(
                WorkstreamOrganisation,
                {"workstream": workstream, "organisation": organisations[key], "role": role},
                {"order": order},
            )
            kept.append(row.pk)
    writer.delete(WorkstreamOrganisation.objects.filter(workstream=workstream).exclude(pk__in=kept))


def _load_research_agenda(
    writer: _Writer, data: DemoData, vocabulary: _Vocabulary, groups: dict
) -> None:
    agenda = data.research_agenda
    for topic in agenda["topics"]:
        writer.save(
            ResearchTopic,
            {"slug": topic["slug"]},
            {
                "group": groups[agenda["group"]],
                "title": topic["title"],
                "description": topic["description"],
                "priority_rank": topic["priority_rank"],
                "source": agenda["source"],
            },
            m2m=vocabulary.tags(topic, "countries", "themes", "objectives"),
        )


def _load_events(
    writer: _Writer, data: DemoData, vocabulary: _Vocabulary, organisations: dict, groups: dict
) -> None:
    for entry in data.events:
        writer.save(
            Event,
            {"slug": entry["slug"]},
            {
                "title": entry["title"],
                "kind": entry["kind"],
                "description": entry["description"],
                "start_date": entry["start_date"],
                "end_date": entry["end_date"],
                "date_precision": entry["date_precision"],
                "location": entry["location"],
                "country": vocabulary.country(entry["country"]),
                "source": entry["source"],
            },
            m2m={
                "organisers": [organisations[key] for key in entry["organisers"]],
                "groups": [groups[slug] for slug in entry["groups"]],
                **vocabulary.tags(entry, "objectives"),
            },
        )


def _load_resources(
    writer: _Writer, data: DemoData, vocabulary: _Vocabulary, organisations: dict, groups: dict
) -> None:
    for entry in data.resources:
        writer.save(
            Resource,
            {"slug": entry["slug"]},
            {
                "type": entry["type"],
                "title": entry["title"],
                "summary": entry["summary"],
                "body": entry["body"],
                "language": entry["language"],
                "status": entry["status"],
                "visibility": entry["visibility"],
                "published_on": entry["published_on"],
                "publisher": organisations[entry["publisher"]] if entry["publisher"] else None,
                "group": groups[entry["group"]] if entry["group"] else None,
                "scope": entry["scope"],
                "source": entry["source"],
            },
            m2m={
                "authors": [organisations[key] for key in entry["authors"]],
                **vocabulary.tags(entry, "countries", "objectives", "themes"),
            },
        )
