"""The workplans API, mounted at /api/v1/workplans/: workplans with their sections, workstreams.

Read-only and public, drafts included (their ``status`` says so), like the pages.
"""

from datetime import date, datetime
from typing import Any

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from corridor.api.errors import validated_filters
from corridor.api.pagination import Pagination
from corridor.api.resolvers import absolute_url
from corridor.directory.api import GroupRef, OrganisationRef
from corridor.workplans import selectors
from corridor.workplans.access import access_workplan, access_workstream
from corridor.workplans.forms import SEARCH_MAX_LENGTH, WorkstreamFilterForm
from corridor.workplans.models import Section, Workplan, Workstream

router = Router()


# --- Schemas ----------------------------------------------------------------------------------


class WorkstreamRef(Schema):
    workplan: str
    slug: str
    reference: str
    title: str
    kind: Workstream.Kind
    status: Workstream.Status
    status_label: str
    leads: list[OrganisationRef]
    url: str

    @staticmethod
    def resolve_workplan(obj: Workstream) -> str:
        return obj.workplan.slug

    @staticmethod
    def resolve_status_label(obj: Workstream) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_leads(obj: Workstream) -> list:
        return [role.organisation for role in obj.lead_roles]

    @staticmethod
    def resolve_url(obj: Workstream, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class WorkstreamOut(WorkstreamRef):
    workplan_title: str
    objectives: list[int] = Field(..., description="Numbers of the GCM objectives.")

    @staticmethod
    def resolve_workplan_title(obj: Workstream) -> str:
        return obj.workplan.title

    @staticmethod
    def resolve_objectives(obj: Workstream) -> list[int]:
        return [objective.number for objective in obj.objectives.all()]


class SectionOut(Schema):
    id: int
    kind: Section.Kind
    kind_label: str
    title: str
    description: str
    workstreams: list[WorkstreamRef]
    sections: list["SectionOut"] = Field(..., description="Sub-sections, in order.")


SectionOut.model_rebuild()


class WorkplanOut(Schema):
    slug: str
    title: str
    status: Workplan.Status
    status_label: str
    group: GroupRef
    issued: date | None
    period_start: date | None
    period_end: date | None
    workstream_count: int
    url: str

    @staticmethod
    def resolve_status_label(obj: Workplan) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_url(obj: Workplan, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class WorkplanDetailOut(WorkplanOut):
    introduction: str
    source: str
    sections: list[SectionOut] = Field(..., alias="outline_sections")
    workstreams_without_section: list[WorkstreamRef] = Field(..., alias="outline_loose")


class ObjectiveRef(Schema):
    number: int
    short_name: str


class ThematicAreaRef(Schema):
    number: int
    name: str


class ThemeRef(Schema):
    slug: str
    name: str


class ActivityOut(Schema):
    order: int
    description: str
    due: str


class WorkstreamOrganisationOut(Schema):
    role: str = Field(..., description="lead, participant or interest")
    role_label: str
    organisation: OrganisationRef

    @staticmethod
    def resolve_role_label(obj) -> str:
        return str(obj.get_role_display())


class SectionRef(Schema):
    id: int
    title: str


class WorkstreamDetailOut(WorkstreamOut):
    workplan_status: Workplan.Status
    section: SectionRef | None
    purpose: str
    scope: str
    timeline: str
    due_date: date | None
    status_note: str
    lead_note: str
    participants_note: str
    membership_note: str
    objectives: list[ObjectiveRef]
    thematic_areas: list[ThematicAreaRef]
    themes: list[ThemeRef]
    activities: list[ActivityOut]
    organisations: list[WorkstreamOrganisationOut] = Field(..., alias="organisation_roles")
    updated_at: datetime

    @staticmethod
    def resolve_workplan_status(obj: Workstream) -> str:
        return obj.workplan.status

    @staticmethod
    def resolve_leads(obj: Workstream) -> list:
        return [role.organisation for role in obj.organisation_roles.all() if role.role == "lead"]

    @staticmethod
    def resolve_objectives(obj: Workstream) -> list:
        return list(obj.objectives.all())


# --- Filters ----------------------------------------------------------------------------------


class WorkstreamFilters(Schema):
    objective: int | None = Field(None, ge=1, description="Number of a GCM objective (1-23).")
    organisation: str | None = Field(
        None, description="Slug of an organisation that leads or takes part."
    )
    status: Workstream.Status | None = None
    workplan: str | None = Field(None, description="Slug of a workplan.")
    thematic_area: int | None = Field(None, ge=1, description="Number of a thematic area (1-5).")
    q: str | None = Field(
        None, max_length=SEARCH_MAX_LENGTH, description="Words of the reference, title or purpose."
    )


# --- Endpoints --------------------------------------------------------------------------------


def _section_dict(node) -> dict:
    section = node.section
    return {
        "id": section.pk,
        "kind": section.kind,
        "kind_label": str(section.get_kind_display()),
        "title": section.title,
        "description": section.description,
        "workstreams": node.workstreams,
        "sections": [_section_dict(child) for child in node.children],
    }


@router.get("/workplans", response=list[WorkplanOut], summary="Workplans")
@paginate(Pagination)
def list_workplans(request):
    """Every workplan, newest first; drafts included, with ``status`` "draft"."""
    return selectors.workplan_list(user=request.user)


@router.get("/workplans/{slug}", response=WorkplanDetailOut, summary="One workplan, with sections")
def get_workplan(request, slug: str):
    workplan = access_workplan(request.user, slug)
    outline = selectors.workplan_outline(user=request.user, workplan=workplan)
    workplan.outline_sections = [_section_dict(node) for node in outline if node.section]
    workplan.outline_loose = [
        ws for node in outline if node.section is None for ws in node.workstreams
    ]
    return workplan


@router.get("/workstreams", response=list[WorkstreamOut], summary="Workstreams")
@paginate(Pagination)
def list_workstreams(request, filters: Query[WorkstreamFilters]):
    """Workstreams across workplans. Filters combine; an unknown value is a 400 that says which."""
    valid = validated_filters(WorkstreamFilterForm, filters.dict())
    return selectors.workstream_list(user=request.user, **valid)


@router.get(
    "/workstreams/{workplan_slug}/{slug}",
    response=WorkstreamDetailOut,
    summary="One workstream, with activities and organisations",
)
def get_workstream(request, workplan_slug: str, slug: str):
    return access_workstream(request.user, workplan_slug, slug)
