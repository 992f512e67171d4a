"""Reads for workplans and workstreams.

Workplans are public, drafts included: the network publishes its draft workplans, and pages label
them. Selectors still take the user, so a future restriction has one place to go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.text import capfirst

from corridor.core.permissions import person_display_name
from corridor.directory.models import Organisation
from corridor.directory.selectors import person_pseudonym_note
from corridor.taxonomy.models import Objective
from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)

HISTORY_LIMIT = 30
_HISTORY_M2M_FIELDS = ("objectives", "thematic_areas", "themes")


def workplan_list(*, user) -> QuerySet[Workplan]:
    """Every workplan, newest first, with its group and its number of workstreams (one query)."""
    return (
        Workplan.objects.select_related("group")
        .annotate(workstream_count=Count("workstreams"))
        .order_by("-issued", "title", "pk")
    )


def workplan_get(*, user, slug: str) -> Workplan | None:
    return (
        Workplan.objects.select_related("group")
        .annotate(workstream_count=Count("workstreams"))
        .filter(slug=slug)
        .first()
    )


def _lead_roles() -> Prefetch:
    return Prefetch(
        "organisation_roles",
        queryset=WorkstreamOrganisation.objects.filter(role=WorkstreamOrganisation.Role.LEAD)
        .select_related("organisation")
        .order_by("order", "pk"),
        to_attr="lead_roles",
    )


@dataclass
class OutlineNode:
    """A section of a workplan with its workstreams and its sub-sections, in order."""

    section: Section | None
    workstreams: list[Workstream] = field(default_factory=list)
    children: list[OutlineNode] = field(default_factory=list)


def workplan_outline(*, user, workplan: Workplan) -> list[OutlineNode]:
    """The workplan's sections as a tree, each with its workstreams and their leads (three queries).

    Workstreams that belong to no section come last, in a node whose ``section`` is None.
    """
    sections = list(Section.objects.filter(workplan=workplan).order_by("order", "pk"))
    nodes = {section.pk: OutlineNode(section) for section in sections}
    roots: list[OutlineNode] = []
    for section in sections:
        parent = nodes.get(section.parent_id)
        (parent.children if parent else roots).append(nodes[section.pk])
    loose = OutlineNode(None)
    workstreams = (
        Workstream.objects.filter(workplan=workplan)
        .prefetch_related(_lead_roles())
        .order_by("order", "pk")
    )
    for workstream in workstreams:
        workstream.workplan = workplan
        nodes.get(workstream.section_id, loose).workstreams.append(workstream)
    if loose.workstreams:
        roots.append(loose)
    return roots


def workstream_list(
    *,
    user,
    objective: int | None = None,
    organisation: str | None = None,
    status: str | None = None,
    workplan: str | None = None,
    thematic_area: int | None = None,
    q: str | None = None,
) -> QuerySet[Workstream]:
    """Workstreams across workplans, filtered; each with its workplan, objectives and organisations.

    ``organisation`` (a slug) matches leads and participants; ``objective`` and ``thematic_area``
    are numbers; ``q`` searches the reference, title and purpose. Five queries for a page of any size
    (rows, then objectives and organisations prefetched; the count for pagination).
    """
    qs = Workstream.objects.all()
    if objective is not None:
        qs = qs.filter(objectives__number=objective)
    if thematic_area is not None:
        qs = qs.filter(thematic_areas__number=thematic_area)
    if organisation:
        qs = qs.filter(
            pk__in=WorkstreamOrganisation.objects.filter(
                organisation__slug=organisation,
                role__in=[
                    WorkstreamOrganisation.Role.LEAD,
                    WorkstreamOrganisation.Role.PARTICIPANT,
                ],
            ).values("workstream_id")
        )
    if status:
        qs = qs.filter(status=status)
    if workplan:
        qs = qs.filter(workplan__slug=workplan)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(reference__icontains=q) | Q(purpose__icontains=q))
    return (
        qs.select_related("workplan", "section")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            _lead_roles(),
        )
        .order_by("-workplan__issued", "workplan__title", "workplan_id", "order", "pk")
    )


def workstream_get(*, user, workplan_slug: str, slug: str) -> Workstream | None:
    """One workstream with everything its page shows (six queries)."""
    return (
        Workstream.objects.filter(workplan__slug=workplan_slug, slug=slug)
        .select_related("workplan__group", "section__parent")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            "thematic_areas",
            "themes",
            Prefetch("activities", queryset=Activity.objects.order_by("order", "pk")),
            Prefetch(
                "organisation_roles",
                queryset=WorkstreamOrganisation.objects.select_related("organisation").order_by(
                    "order", "organisation__name"
                ),
            ),
        )
        .first()
    )


def workstream_organisations(workstream: Workstream) -> dict[str, list[Organisation]]:
    """The workstream's organisations by role (lead, participant, interest), from its prefetch."""
    grouped: dict[str, list[Organisation]] = {
        role: [] for role in WorkstreamOrganisation.Role.values
    }
    for link in workstream.organisation_roles.all():
        grouped[link.role].append(link.organisation)
    return grouped


@dataclass(frozen=True)
class HistoryEntry:
    """One change to a workstream: when, by whom (as ``user`` may see them), what changed."""

    date: datetime
    action: str
    who: str | None
    who_note: str  # the pseudonym, for those who see the real name instead
    changed: list[str]
    reason: str


def workstream_history(*, user, workstream: Workstream, limit: int = HISTORY_LIMIT) -> list:
    """The workstream's recorded changes, most recent first (four queries, whatever the length).

    Each entry names the fields that changed since the previous record, tags included. The person
    who made a change is named with ``person_display_name``: a pseudonym stays a pseudonym.
    """
    history_model = Workstream.history.model
    m2m_prefetch = [f"historicalworkstream_{name}_set" for name in _HISTORY_M2M_FIELDS]
    records = list(
        workstream.history.select_related("history_user")
        .prefetch_related(*m2m_prefetch)
        .order_by("-history_date", "-history_id")[: limit + 1]
    )
    tracked = [
        f
        for f in history_model._meta.fields
        if f.name in {field.name for field in Workstream._meta.concrete_fields}
        and f.name not in {"id", "created_at", "updated_at"}
    ]
    labels = {f.name: capfirst(Workstream._meta.get_field(f.name).verbose_name) for f in tracked}
    labels.update(
        {
            name: capfirst(Workstream._meta.get_field(name).verbose_name)
            for name in _HISTORY_M2M_FIELDS
        }
    )
    actions = dict(history_model._meta.get_field("history_type").choices)

    def tag_ids(record, name):
        related = getattr(record, f"historicalworkstream_{name}_set").all()
        column = Workstream._meta.get_field(name).m2m_reverse_field_name()
        return {getattr(row, f"{column}_id") for row in related}

    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changed = []
        if previous is not None and record.history_type == "~":
            changed = [
                labels[f.name]
                for f in tracked
                if getattr(record, f.attname) != getattr(previous, f.attname)
            ]
            changed += [
                labels[name]
                for name in _HISTORY_M2M_FIELDS
                if tag_ids(record, name) != tag_ids(previous, name)
            ]
        person = record.history_user
        entries.append(
            HistoryEntry(
                date=record.history_date,
                action=str(actions.get(record.history_type, record.history_type)),
                who=person_display_name(user, person) if person is not None else None,
                who_note=person_pseudonym_note(user, person),
                changed=changed,
                reason=record.history_change_reason or "",
            )
        )
    return entries
