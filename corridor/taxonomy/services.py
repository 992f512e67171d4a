"""Writes for the vocabulary: loading it from ``vocabulary.py`` and ``countries.py``.

``load_vocabulary`` is idempotent: rows are matched by their natural key (objective and principle
number, area number, theme slug, SDG target code, M49 code, alpha-2 code), created when missing and
updated in place when a value differs; running it twice changes nothing. Nothing is ever deleted:
other data points at these rows.

It runs from the data migration ``0002_load_vocabulary`` with the migration's historical models
(``apps``), and from ``manage.py load_vocabulary`` with the real ones. Fields a historical model
does not have yet are skipped, so old migrations keep working as the models grow.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, transaction

from corridor.taxonomy import countries, vocabulary

# Model name -> the label a summary prints, in loading order.
MODEL_LABELS: dict[str, str] = {
    "Objective": "GCM objectives",
    "GuidingPrinciple": "guiding principles",
    "ThematicArea": "thematic areas",
    "Theme": "cross-cutting themes",
    "SdgTarget": "SDG targets",
    "Region": "regions",
    "Country": "countries and territories",
}


@dataclass
class LoadSummary:
    """What one run of ``load_vocabulary`` did, per model name."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    @property
    def changed(self) -> bool:
        return bool(self.total_created or self.total_updated)

    def lines(self) -> list[str]:
        rows = []
        for model_name, label in MODEL_LABELS.items():
            created = self.created[model_name]
            updated = self.updated[model_name]
            total = created + updated + self.unchanged[model_name]
            rows.append(f"{label}: {total} ({created} created, {updated} updated)")
        return rows


def load_vocabulary(apps=None, *, using: str = DEFAULT_DB_ALIAS) -> LoadSummary:
    """Create or update every vocabulary row; return what changed.

    ``apps`` is a migration's app registry (``apps.get_model``); None means the installed models.
    """
    if apps is None:
        from django.apps import apps as installed_apps

        apps = installed_apps

    summary = LoadSummary()
    with transaction.atomic(using=using):
        objectives = _sync(
            apps.get_model("taxonomy", "Objective"),
            "number",
            [
                {"number": o.number, "short_name": o.short_name, "title": o.title}
                for o in vocabulary.OBJECTIVES
            ],
            summary,
            using,
        )
        _sync(
            apps.get_model("taxonomy", "GuidingPrinciple"),
            "number",
            [
                {"number": p.number, "name": p.name, "description": p.description}
                for p in vocabulary.GUIDING_PRINCIPLES
            ],
            summary,
            using,
        )
        _load_thematic_areas(apps, objectives, summary, using)
        _sync(
            apps.get_model("taxonomy", "Theme"),
            "slug",
            [{"slug": t.slug, "name": t.name} for t in vocabulary.THEMES],
            summary,
            using,
        )
        _sync(
            apps.get_model("taxonomy", "SdgTarget"),
            "code",
            [
                {"code": t.code, "title": t.title, "sort_key": vocabulary.sdg_sort_key(t.code)}
                for t in vocabulary.SDG_TARGETS
            ],
            summary,
            using,
        )
        regions = _load_regions(apps, summary, using)
        _sync(
            apps.get_model("taxonomy", "Country"),
            "code",
            [
                {
                    "code": c.code,
                    "alpha3": c.alpha3,
                    "numeric": c.numeric,
                    "name": c.name,
                    "official_name": c.official_name,
                    "region_id": regions[c.region].pk if c.region else None,
                    "subregion_id": regions[c.subregion].pk if c.subregion else None,
                    "intermediate_region_id": (
                        regions[c.intermediate_region].pk if c.intermediate_region else None
                    ),
                    "is_territory": c.is_territory,
                }
                for c in countries.country_data()
            ],
            summary,
            using,
        )
    return summary


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def _sync(model, key: str, rows: list[dict], summary: LoadSummary, using: str) -> dict:
    """Make ``model``'s rows match ``rows`` by ``key``; return every row's object by key."""
    objects, outcomes = _sync_rows(model, key, rows, using)
    _count(summary, model.__name__, outcomes)
    return objects


def _sync_rows(model, key: str, rows: list[dict], using: str) -> tuple[dict, dict]:
    """(objects by key, outcome by key): create what is missing, update what differs."""
    known = {f.attname for f in model._meta.concrete_fields}
    manager = model._default_manager.using(using)
    existing = {getattr(obj, key): obj for obj in manager.all()}
    outcomes: dict = {}
    to_create = []
    for row in rows:
        values = {name: value for name, value in row.items() if name in known}
        obj = existing.get(values[key])
        if obj is None:
            to_create.append(model(**values))
            outcomes[values[key]] = CREATED
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(using=using, update_fields=changed)
        outcomes[values[key]] = UPDATED if changed else UNCHANGED
    if to_create:
        manager.bulk_create(to_create)
        existing = {
            getattr(obj, key): obj for obj in manager.filter(**{f"{key}__in": list(outcomes)})
        }
    return existing, outcomes


def _count(summary: LoadSummary, model_name: str, outcomes: dict) -> None:
    for outcome in outcomes.values():
        getattr(summary, outcome)[model_name] += 1


def _load_thematic_areas(apps, objectives: dict, summary: LoadSummary, using: str) -> None:
    """The five areas, each grouping exactly the objectives the workplan lists for it."""
    ThematicArea = apps.get_model("taxonomy", "ThematicArea")
    areas, outcomes = _sync_rows(
        ThematicArea,
        "number",
        [{"number": a.number, "name": a.name} for a in vocabulary.THEMATIC_AREAS],
        using,
    )
    links = ThematicArea.objectives.through._default_manager.using(using)
    Link = links.model
    current: dict[int, set[int]] = {}
    for area_id, objective_id in links.values_list("thematicarea_id", "objective_id"):
        current.setdefault(area_id, set()).add(objective_id)
    for data in vocabulary.THEMATIC_AREAS:
        area = areas[data.number]
        wanted = {objectives[number].pk for number in data.objectives}
        have = current.get(area.pk, set())
        if wanted == have:
            continue
        if have - wanted:
            links.filter(thematicarea_id=area.pk, objective_id__in=have - wanted).delete()
        links.bulk_create(
            [Link(thematicarea_id=area.pk, objective_id=pk) for pk in sorted(wanted - have)]
        )
        if outcomes[data.number] == UNCHANGED:
            outcomes[data.number] = UPDATED
    _count(summary, ThematicArea.__name__, outcomes)


def _load_regions(apps, summary: LoadSummary, using: str) -> dict:
    """M49 regions, parents before children; return every region by M49 code."""
    Region = apps.get_model("taxonomy", "Region")
    regions: dict = {}
    for level in ("world", "region", "subregion", "intermediate"):
        rows = [
            {
                "m49": r.m49,
                "name": r.name,
                "level": r.level,
                "parent_id": regions[r.parent].pk if r.parent else None,
            }
            for r in countries.REGIONS
            if r.level == level
        ]
        regions.update(_sync(Region, "m49", rows, summary, using))
    return regions


VOCABULARY_MIGRATION = ("taxonomy", "0002_load_vocabulary")


def ensure_vocabulary(apps=None, *, using: str = DEFAULT_DB_ALIAS) -> LoadSummary | None:
    """Load the vocabulary if its tables are empty (after ``flush``); else do nothing.

    Runs on post_migrate. Does nothing before the vocabulary's data migration has been applied
    (the tables may not exist yet, or be migrated back), and nothing when objectives and
    countries are already there: ``manage.py load_vocabulary`` is the way to refresh them.
    """
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    if apps is None:
        from django.apps import apps as installed_apps

        apps = installed_apps
    connection = connections[using]
    if VOCABULARY_MIGRATION not in MigrationRecorder(connection).applied_migrations():
        return None
    try:
        Objective = apps.get_model("taxonomy", "Objective")
        Country = apps.get_model("taxonomy", "Country")
    except LookupError:
        return None
    tables = set(connection.introspection.table_names())
    if not {Objective._meta.db_table, Country._meta.db_table} <= tables:
        return None
    if (
        Objective._default_manager.using(using).exists()
        and Country._default_manager.using(using).exists()
    ):
        return None
    return load_vocabulary(apps, using=using)
