"""Read and check the demo data files (``data/*.yaml``) before anything touches the database.

The files were entered by hand from the seed documents. ``read_data`` parses them, checks every
entry (unknown GCM objective, thematic area, theme, country code, organisation or group, bad
choice, missing field, text too long for its column, ...) and returns them with every optional
field filled in, so the loader never has to guess. Every problem is reported at once, each naming
its file and entry, in one ``DemoDataError``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.db import models

DATA_DIR = Path(__file__).resolve().parent / "data"
WORKPLAN_FILES = (
    "workplans/network-2019.yaml",
    "workplans/network-multiannual-draft.yaml",
    "workplans/mag-2019.yaml",
)
GCM_OBJECTIVES = range(1, 24)
THEMATIC_AREAS = range(1, 6)
SLUG = re.compile(r"^[-a-z0-9]+$")
DELIVERED_BY = re.compile(r"^Delivered by (?P<month>[A-Z][a-z]+) (?P<year>\d{4})$")
FICTIONAL_EMAIL = re.compile(r"^[a-z0-9.]+@example\.org$")


class DemoDataError(Exception):
    """The demo data files are wrong; the message lists every problem with its file and entry."""


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed


class _DataLoader(_SafeLoader):
    """YAML 1.1 without its surprises: only true/false are booleans ("NO" stays Norway's code)."""


_BOOL = "tag:yaml.org,2002:bool"
_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))


@dataclass
class DemoData:
    organisations: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    workplans: list[dict] = field(default_factory=list)
    research_agenda: dict = field(default_factory=dict)
    events: list[dict] = field(default_factory=list)
    resources: list[dict] = field(default_factory=list)
    # Vocabulary the entries use, for the loader to fetch (and report missing) in one go.
    objectives: set[int] = field(default_factory=set)
    thematic_areas: set[int] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def read_data(data_dir: Path | str | None = None) -> DemoData:
    """Parse and check every data file; raise ``DemoDataError`` listing all problems."""
    checker = _Checker(Path(data_dir) if data_dir else DATA_DIR)
    data = checker.run()
    if checker.errors:
        problems = "\n".join(f"  - {error}" for error in checker.errors)
        raise DemoDataError(
            f"The demo data in {checker.data_dir} has {len(checker.errors)} problem(s):\n{problems}"
        )
    return data


def _known_themes() -> set[str] | None:
    try:
        from corridor.taxonomy.vocabulary import THEMES_BY_SLUG
    except ImportError:  # the vocabulary module is not there: the database check still applies
        return None
    return set(THEMES_BY_SLUG)


def _country_exists(code: str) -> bool:
    import pycountry

    try:
        return pycountry.countries.get(alpha_2=code) is not None
    except (KeyError, LookupError):
        return False


def _choices(choices: type[models.TextChoices]) -> set[str]:
    return {value for value, _label in choices.choices}


class _Checker:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.errors: list[str] = []
        self.data = DemoData()
        self.org_keys: set[str] = set()
        self.group_slugs: set[str] = set()
        self.themes = _known_themes()

    # -- reading -------------------------------------------------------------------------------

    def run(self) -> DemoData:
        organisations = self.load("organisations.yaml", list)
        groups = self.load("groups.yaml", list)
        people = self.load("people.yaml", list)
        workplans = [(name, self.load(name, dict)) for name in WORKPLAN_FILES]
        agenda = self.load("research_agenda.yaml", dict)
        events = self.load("events.yaml", list)
        resources = self.load("resources.yaml", dict)

        self.data.organisations = [
            self.organisation(i, entry) for i, entry in enumerate(organisations or [], 1)
        ]
        self.data.groups = [self.group(i, entry) for i, entry in enumerate(groups or [], 1)]
        self.data.people = [self.person(i, entry) for i, entry in enumerate(people or [], 1)]
        self.data.workplans = [self.workplan(name, entry) for name, entry in workplans if entry]
        self.data.research_agenda = self.agenda("research_agenda.yaml", agenda or {})
        self.data.events = [self.event(i, entry) for i, entry in enumerate(events or [], 1)]
        self.data.resources = self.resource_list("resources.yaml", resources or {})
        return self.data

    def load(self, name: str, kind: type) -> Any:
        path = self.data_dir / name
        try:
            with path.open(encoding="utf-8") as handle:
                content = yaml.load(handle, Loader=_DataLoader)  # noqa: S506 (a SafeLoader)
        except FileNotFoundError:
            self.errors.append(f"{name}: the file is missing")
            return None
        except yaml.YAMLError as error:
            self.errors.append(f"{name}: not valid YAML: {error}")
            return None
        if not isinstance(content, kind):
            self.errors.append(f"{name}: expected a {'list' if kind is list else 'mapping'}")
            return None
        return content

    # -- generic checks ------------------------------------------------------------------------

    def named(self, prefix: str, entry: Any, key: str, fallback: str) -> str:
        """``prefix 'identifier'`` for messages, or ``prefix fallback`` when the entry has none."""
        if isinstance(entry, dict) and isinstance(entry.get(key), str) and entry[key]:
            return f"{prefix} {entry[key]!r}"
        return f"{prefix} {fallback}"

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def fields(
        self, where: str, entry: Any, required: tuple[str, ...], optional: dict[str, Any]
    ) -> dict | None:
        """The entry with its optional fields defaulted; errors for missing and unknown keys."""
        if not isinstance(entry, dict):
            self.error(where, "expected a mapping of fields")
            return None
        for name in required:
            if entry.get(name) in (None, ""):
                self.error(where, f"'{name}' is required")
        unknown = set(entry) - set(required) - set(optional)
        for name in sorted(unknown):
            self.error(where, f"unknown field '{name}'")
        values = {name: entry.get(name) for name in required}
        for name, default in optional.items():
            value = entry.get(name, default)
            if value is None and isinstance(default, str | list):
                value = type(default)()
            values[name] = list(value) if isinstance(value, list) else value
        return values

    def text(self, where: str, model: type[models.Model], values: dict, names: tuple[str, ...]):
        for name in names:
            value = values.get(name)
            if value is None:
                values[name] = ""
                continue
            if not isinstance(value, str):
                self.error(where, f"'{name}' must be text, not {value!r}")
                values[name] = str(value)
                continue
            values[name] = value.strip()
            limit = model._meta.get_field(name).max_length
            if limit and len(values[name]) > limit:
                self.error(where, f"'{name}' is {len(values[name])} characters; at most {limit}")

    def choice(self, where: str, name: str, value: Any, choices: type[models.TextChoices]):
        allowed = _choices(choices)
        if value not in allowed:
            self.error(
                where, f"'{name}' is {value!r}; expected one of {', '.join(sorted(allowed))}"
            )

    def slug(self, where: str, value: Any, seen: set[str] | None = None, limit: int = 80) -> None:
        if not isinstance(value, str) or not SLUG.match(value):
            self.error(where, f"slug {value!r} must be lower-case letters, digits and hyphens")
            return
        if len(value) > limit:
            self.error(where, f"slug {value!r} is longer than {limit} characters")
        if seen is not None:
            if value in seen:
                self.error(where, f"slug {value!r} is used twice")
            seen.add(value)

    def date(self, where: str, name: str, value: Any) -> None:
        if value is not None and (
            not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
        ):
            self.error(where, f"'{name}' must be a date (YYYY-MM-DD) or null, not {value!r}")

    def objectives(self, where: str, numbers: Any) -> None:
        for number in self.as_list(where, "objectives", numbers):
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or number not in GCM_OBJECTIVES
            ):
                self.error(
                    where, f"unknown GCM objective {number!r} (objectives are numbered 1-23)"
                )
            else:
                self.data.objectives.add(number)

    def thematic_areas(self, where: str, numbers: Any) -> None:
        for number in self.as_list(where, "thematic_areas", numbers):
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or number not in THEMATIC_AREAS
            ):
                self.error(where, f"unknown thematic area {number!r} (areas are numbered 1-5)")
            else:
                self.data.thematic_areas.add(number)

    def theme_slugs(self, where: str, slugs: Any) -> None:
        for slug in self.as_list(where, "themes", slugs):
            if not isinstance(slug, str) or not SLUG.match(slug):
                self.error(where, f"theme {slug!r} is not a theme slug")
            elif self.themes is not None and slug not in self.themes:
                self.error(
                    where,
                    f"unknown theme {slug!r} (themes are listed in corridor/taxonomy/vocabulary.py)",
                )
            else:
                self.data.themes.add(slug)

    def country(self, where: str, code: Any) -> None:
        if code in (None, ""):
            return
        if not isinstance(code, str) or len(code) != 2 or not code.isupper():
            self.error(where, f"country {code!r} must be an ISO 3166-1 alpha-2 code such as 'NA'")
        elif not _country_exists(code):
            self.error(where, f"unknown country code {code!r} (not in ISO 3166-1)")
        else:
            self.data.countries.add(code)

    def countries(self, where: str, codes: Any) -> None:
        for code in self.as_list(where, "countries", codes):
            if code in (None, ""):
                self.error(where, "empty country code")
            else:
                self.country(where, code)

    def org(self, where: str, key: Any) -> None:
        if key not in self.org_keys:
            self.error(where, f"unknown organisation {key!r} (not a key in organisations.yaml)")

    def orgs(self, where: str, name: str, keys: Any) -> None:
        keys = self.as_list(where, name, keys)
        for key in keys:
            self.org(where, key)
        if len(set(map(str, keys))) != len(keys):
            self.error(where, f"'{name}' names an organisation twice")

    def group_ref(self, where: str, slug: Any) -> None:
        if slug not in self.group_slugs:
            self.error(where, f"unknown group {slug!r} (not a slug in groups.yaml)")

    def as_list(self, where: str, name: str, value: Any) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(where, f"'{name}' must be a list")
            return []
        return value

    # -- entities ------------------------------------------------------------------------------

    def organisation(self, position: int, entry: Any) -> dict:
        from corridor.directory.models import Organisation

        where = self.named("organisations.yaml, organisation", entry, "key", str(position))
        values = self.fields(
            where,
            entry,
            ("key", "name", "slug", "type"),
            {"acronym": "", "country": "", "website": "", "description": ""},
        )
        if values is None:
            return {}
        if values["key"] in self.org_keys:
            self.error(where, "the key is used twice")
        self.org_keys.add(values["key"])
        self.slug(where, values["slug"], self._seen("organisation"))
        self.choice(where, "type", values["type"], Organisation.Type)
        self.country(where, values["country"])
        self.text(where, Organisation, values, ("name", "acronym", "website", "description"))
        if values["website"] and not values["website"].startswith("https://"):
            self.error(where, "the website must be an https:// address")
        return values

    def group(self, position: int, entry: Any) -> dict:
        from corridor.directory.models import Group, GroupMembership

        where = self.named("groups.yaml, group", entry, "slug", str(position))
        values = self.fields(
            where,
            entry,
            ("slug", "name", "kind"),
            {
                "acronym": "",
                "parent": "",
                "established": None,
                "description": "",
                "memberships": [],
            },
        )
        if values is None:
            return {}
        if values["parent"] and values["parent"] not in self.group_slugs:
            self.error(where, f"parent {values['parent']!r} must be a group listed above it")
        self.slug(where, values["slug"], self.group_slugs)
        self.choice(where, "kind", values["kind"], Group.Kind)
        self.date(where, "established", values["established"])
        self.text(where, Group, values, ("name", "acronym", "description"))
        memberships = []
        for membership in self.as_list(where, "memberships", values["memberships"]):
            item = self.fields(where, membership, ("org", "role"), {})
            if item:
                self.org(where, item["org"])
                self.choice(where, "role", item["role"], GroupMembership.Role)
                memberships.append(item)
        if len({m["org"] for m in memberships}) != len(memberships):
            self.error(where, "an organisation is listed twice in 'memberships'")
        values["memberships"] = memberships
        return values

    def person(self, position: int, entry: Any) -> dict:
        from corridor.directory.models import Affiliation, GroupMembership, Role, User

        where = self.named("people.yaml, person", entry, "email", str(position))
        values = self.fields(
            where,
            entry,
            ("email", "full_name", "label"),
            {
                "pseudonym": "",
                "job_title": "",
                "bio": "",
                "country": "",
                "is_staff": False,
                "is_superuser": False,
                "is_profile_public": False,
                "roles": [],
                "affiliations": [],
                "groups": [],
            },
        )
        if values is None:
            return {}
        if not isinstance(values["email"], str) or not FICTIONAL_EMAIL.match(values["email"]):
            self.error(where, "demo people must have a lower-case address at example.org")
        if values["email"] in self._seen("person"):
            self.error(where, "the address is used twice")
        self._seen("person").add(values["email"])
        self.text(where, User, values, ("full_name", "pseudonym", "job_title", "bio"))
        self.country(where, values["country"])
        for flag in ("is_staff", "is_superuser", "is_profile_public"):
            if not isinstance(values[flag], bool):
                self.error(where, f"'{flag}' must be true or false")
        for role in self.as_list(where, "roles", values["roles"]):
            self.choice(where, "roles", role, Role)
        affiliations = []
        for affiliation in self.as_list(where, "affiliations", values["affiliations"]):
            item = self.fields(where, affiliation, ("org", "role"), {"title": ""})
            if item:
                self.org(where, item["org"])
                self.choice(where, "affiliation role", item["role"], Affiliation.Role)
                self.text(where, Affiliation, item, ("title",))
                affiliations.append(item)
        values["affiliations"] = affiliations
        groups = []
        for membership in self.as_list(where, "groups", values["groups"]):
            item = self.fields(where, membership, ("group", "role"), {})
            if item:
                self.group_ref(where, item["group"])
                self.choice(where, "group role", item["role"], GroupMembership.Role)
                groups.append(item)
        values["groups"] = groups
        return values

    def workplan(self, name: str, entry: dict) -> dict:
        from corridor.workplans.models import Workplan, Workstream

        where = self.named(f"{name}, workplan", entry, "slug", "")
        values = self.fields(
            where,
            entry,
            ("slug", "title", "group", "status"),
            {
                "issued": None,
                "period_start": None,
                "period_end": None,
                "introduction": "",
                "source": "",
                "default_kind": Workstream.Kind.WORKSTREAM.value,
                "default_status": "",
                "sections": [],
            },
        )
        if values is None:
            return {}
        self.slug(where, values["slug"], self._seen("workplan"))
        self.group_ref(where, values["group"])
        self.choice(where, "status", values["status"], Workplan.Status)
        for date_field in ("issued", "period_start", "period_end"):
            self.date(where, date_field, values[date_field])
        self.text(where, Workplan, values, ("title", "introduction", "source"))
        self.choice(where, "default_kind", values["default_kind"], Workstream.Kind)
        if values["default_status"]:
            self.choice(where, "default_status", values["default_status"], Workstream.Status)
        # Sections and workstreams are flattened in document order: a section's own workstreams,
        # then its child sections'. ``path`` is the section's position, e.g. (1, 2).
        values["section_list"] = []
        values["workstream_list"] = []
        self._sections(name, values, values.pop("sections"), parent=None, seen=set())
        return values

    def _sections(self, name: str, plan: dict, sections: Any, parent: tuple | None, seen: set):
        from corridor.workplans.models import Section

        for position, entry in enumerate(self.as_list(name, "sections", sections), 1):
            path = (*(parent or ()), position)
            where = f"{name}, section {'.'.join(map(str, path))}"
            values = self.fields(
                where,
                entry,
                ("kind", "title"),
                {"description": "", "workstreams": [], "children": []},
            )
            if values is None:
                continue
            self.choice(where, "kind", values["kind"], Section.Kind)
            self.text(where, Section, values, ("title", "description"))
            values["path"] = path
            values["parent_path"] = parent
            values["order"] = position
            workstreams = values.pop("workstreams")
            children = values.pop("children")
            plan["section_list"].append(values)
            for item in self.as_list(where, "workstreams", workstreams):
                workstream = self.workstream(name, plan, item, seen)
                if workstream:
                    workstream["section_path"] = path
                    workstream["order"] = len(plan["workstream_list"]) + 1
                    plan["workstream_list"].append(workstream)
            self._sections(name, plan, children, parent=path, seen=seen)

    def workstream(self, name: str, plan: dict, entry: Any, seen: set) -> dict | None:
        from corridor.taxonomy.models import Scope
        from corridor.workplans.models import Activity, Workstream

        where = self.named(f"{name}, workstream", entry, "slug", "without a slug")
        values = self.fields(
            where,
            entry,
            ("slug", "title"),
            {
                "reference": "",
                "kind": plan["default_kind"],
                "purpose": "",
                "objectives": [],
                "thematic_areas": [],
                "themes": [],
                "scope": Scope.GLOBAL.value,
                "timeline": "",
                "due_date": None,
                "status": plan["default_status"] or None,
                "status_note": "",
                "lead_note": "",
                "participants_note": "",
                "membership_note": "",
                "leads": [],
                "participants": [],
                "interest": [],
                "activities": [],
            },
        )
        if values is None:
            return None
        self.slug(where, values["slug"], seen, limit=120)
        self.choice(where, "kind", values["kind"], Workstream.Kind)
        self.choice(where, "status", values["status"], Workstream.Status)
        self.choice(where, "scope", values["scope"], Scope)
        self.text(
            where,
            Workstream,
            values,
            (
                "reference",
                "title",
                "purpose",
                "timeline",
                "status_note",
                "lead_note",
                "participants_note",
                "membership_note",
            ),
        )
        self.objectives(where, values["objectives"])
        self.thematic_areas(where, values["thematic_areas"])
        self.theme_slugs(where, values["themes"])
        self.date(where, "due_date", values["due_date"])
        self._due_date_matches_timeline(where, values)
        for role in ("leads", "participants", "interest"):
            self.orgs(where, role, values[role])
        activities = []
        for position, item in enumerate(self.as_list(where, "activities", values["activities"]), 1):
            if isinstance(item, str):
                item = {"text": item}
            activity = self.fields(f"{where}, activity {position}", item, ("text",), {"due": ""})
            if activity:
                self.text(f"{where}, activity {position}", Activity, activity, ("due",))
                activity["text"] = " ".join(str(activity["text"]).split())
                activities.append(activity)
        values["activities"] = activities
        return values

    def _due_date_matches_timeline(self, where: str, values: dict) -> None:
        """A "Delivered by <Month> <year>" timeline is due on the last day of that month."""
        match = DELIVERED_BY.match(values["timeline"] or "")
        if not match:
            if values["due_date"] is not None:
                self.error(where, "a due_date needs a 'Delivered by <Month> <year>' timeline")
            return
        try:
            month = list(calendar.month_name).index(match["month"])
        except ValueError:
            self.error(where, f"unknown month in timeline {values['timeline']!r}")
            return
        year = int(match["year"])
        expected = datetime.date(year, month, calendar.monthrange(year, month)[1])
        if values["due_date"] != expected:
            self.error(where, f"timeline {values['timeline']!r} means due_date {expected}")

    def agenda(self, name: str, entry: dict) -> dict:
        from corridor.community.models import ResearchTopic

        values = self.fields(name, entry, ("group", "topics"), {"source": ""})
        if values is None:
            return {}
        self.group_ref(name, values["group"])
        self.text(name, ResearchTopic, values, ("source",))
        topics = []
        seen = self._seen("topic")
        for rank, item in enumerate(self.as_list(name, "topics", values["topics"]), 1):
            where = self.named(f"{name}, topic {rank}", item, "slug", "")
            topic = self.fields(
                where,
                item,
                ("slug", "title"),
                {"description": "", "countries": [], "themes": [], "objectives": []},
            )
            if topic is None:
                continue
            self.slug(where, topic["slug"], seen, limit=120)
            self.text(where, ResearchTopic, topic, ("title", "description"))
            self.countries(where, topic["countries"])
            self.theme_slugs(where, topic["themes"])
            self.objectives(where, topic["objectives"])
            topic["priority_rank"] = rank
            topics.append(topic)
        values["topics"] = topics
        return values

    def event(self, position: int, entry: Any) -> dict:
        from corridor.community.models import Event

        where = self.named("events.yaml, event", entry, "slug", str(position))
        values = self.fields(
            where,
            entry,
            ("slug", "title", "kind", "start_date"),
            {
                "end_date": None,
                "date_precision": Event.DatePrecision.DAY.value,
                "location": "",
                "country": "",
                "organisers": [],
                "groups": [],
                "objectives": [],
                "description": "",
                "source": "",
            },
        )
        if values is None:
            return {}
        self.slug(where, values["slug"], self._seen("event"), limit=120)
        self.choice(where, "kind", values["kind"], Event.Kind)
        self.choice(where, "date_precision", values["date_precision"], Event.DatePrecision)
        self.date(where, "start_date", values["start_date"])
        self.date(where, "end_date", values["end_date"])
        start, end = values["start_date"], values["end_date"]
        if isinstance(start, datetime.date) and isinstance(end, datetime.date) and end < start:
            self.error(where, "end_date is before start_date")
        if isinstance(start, datetime.date) and (
            (values["date_precision"] == "month" and start.day != 1)
            or (values["date_precision"] == "year" and (start.month, start.day) != (1, 1))
        ):
            self.error(where, "with month or year precision, start_date is the first day")
        self.text(where, Event, values, ("title", "location", "description", "source"))
        self.country(where, values["country"])
        self.orgs(where, "organisers", values["organisers"])
        for group in self.as_list(where, "groups", values["groups"]):
            self.group_ref(where, group)
        self.objectives(where, values["objectives"])
        return values

    def resource_list(self, name: str, entry: dict) -> list[dict]:
        top = self.fields(name, entry, ("resources",), {"defaults": {}})
        if top is None:
            return []
        defaults = top["defaults"] if isinstance(top["defaults"], dict) else {}
        return [
            self.resource(i, {**defaults, **item})
            for i, item in enumerate(self.as_list(name, "resources", top["resources"]), 1)
            if isinstance(item, dict)
        ]

    def resource(self, position: int, entry: Any) -> dict:
        from corridor.knowledge.models import Resource, Visibility
        from corridor.taxonomy.models import Scope

        where = self.named("resources.yaml, resource", entry, "slug", str(position))
        values = self.fields(
            where,
            entry,
            ("slug", "type", "title", "status", "visibility"),
            {
                "summary": "",
                "body": "",
                "language": "en",
                "published_on": None,
                "publisher": "",
                "authors": [],
                "group": "",
                "scope": Scope.GLOBAL.value,
                "countries": [],
                "objectives": [],
                "themes": [],
                "source": "",
            },
        )
        if values is None:
            return {}
        self.slug(where, values["slug"], self._seen("resource"), limit=120)
        self.choice(where, "type", values["type"], Resource.Type)
        self.choice(where, "status", values["status"], Resource.Status)
        self.choice(where, "visibility", values["visibility"], Visibility)
        self.choice(where, "scope", values["scope"], Scope)
        self.date(where, "published_on", values["published_on"])
        self.text(where, Resource, values, ("title", "summary", "body", "language", "source"))
        if values["publisher"]:
            self.org(where, values["publisher"])
        self.orgs(where, "authors", values["authors"])
        if values["group"]:
            self.group_ref(where, values["group"])
        self.countries(where, values["countries"])
        self.objectives(where, values["objectives"])
        self.theme_slugs(where, values["themes"])
        return values

    def _seen(self, kind: str) -> set:
        return self.__dict__.setdefault(f"_seen_{kind}", set())
