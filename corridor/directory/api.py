"""The directory API, mounted at /api/v1/directory/: organisations, groups and public people.

Read-only; the same visibility as the pages (a signed-in session sees what its pages show). A
person is always named with ``person_display_name`` for the requesting user, so a pseudonym stays
the only name others see; email addresses are never part of any response.
"""

from datetime import date
from typing import Any

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from corridor.api.errors import validated_filters
from corridor.api.pagination import Pagination
from corridor.api.resolvers import absolute_url
from corridor.core.permissions import person_display_name
from corridor.directory import selectors
from corridor.directory.access import access_group, access_organisation
from corridor.directory.forms import SEARCH_MAX_LENGTH, OrganisationFilterForm, PersonFilterForm
from corridor.directory.models import Group, GroupMembership, Organisation, User

router = Router()


def _viewer(context: Any):
    from django.contrib.auth.models import AnonymousUser

    request = (context or {}).get("request")
    return getattr(request, "user", None) or AnonymousUser()


# --- Schemas ----------------------------------------------------------------------------------


class CountryRef(Schema):
    code: str
    name: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.display_name


class OrganisationRef(Schema):
    slug: str
    name: str
    acronym: str
    url: str

    @staticmethod
    def resolve_url(obj: Organisation, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class OrganisationOut(OrganisationRef):
    type: Organisation.Type
    type_label: str
    country: CountryRef | None
    website: str
    logo: str | None = Field(None, description="Address of the logo image, if any.")
    member_since: date | None
    is_active: bool
    groups: list[str] = Field(..., description="Slugs of the groups the organisation belongs to.")

    @staticmethod
    def resolve_type_label(obj: Organisation) -> str:
        return str(obj.get_type_display())

    @staticmethod
    def resolve_logo(obj: Organisation, context: Any = None) -> str | None:
        return absolute_url(context, obj.logo.url) if obj.logo else None

    @staticmethod
    def resolve_groups(obj: Organisation) -> list[str]:
        return [membership.group.slug for membership in obj.group_memberships.all()]


class PersonRef(Schema):
    """A person, by the name the requesting user may see. Never an email address."""

    id: int
    name: str
    url: str

    @staticmethod
    def resolve_name(obj: User, context: Any = None) -> str:
        return person_display_name(_viewer(context), obj)

    @staticmethod
    def resolve_url(obj: User, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class GroupRef(Schema):
    slug: str
    name: str
    acronym: str
    url: str

    @staticmethod
    def resolve_url(obj: Group, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class GroupRoleOut(Schema):
    group: GroupRef
    role: GroupMembership.Role
    role_label: str
    since: date | None

    @staticmethod
    def resolve_role_label(obj: GroupMembership) -> str:
        return str(obj.get_role_display())


class AffiliationOut(Schema):
    person: PersonRef
    role: str
    role_label: str
    title: str

    @staticmethod
    def resolve_role_label(obj) -> str:
        return str(obj.get_role_display())


class WorkstreamRoleOut(Schema):
    """A workstream an organisation leads, takes part in or has expressed interest in."""

    role: str = Field(..., description="lead, participant or interest")
    workplan: str
    slug: str
    reference: str
    title: str
    status: str
    url: str

    @staticmethod
    def resolve_workplan(obj) -> str:
        return obj.workstream.workplan.slug

    @staticmethod
    def resolve_slug(obj) -> str:
        return obj.workstream.slug

    @staticmethod
    def resolve_reference(obj) -> str:
        return obj.workstream.reference

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.workstream.title

    @staticmethod
    def resolve_status(obj) -> str:
        return obj.workstream.status

    @staticmethod
    def resolve_url(obj, context: Any = None) -> str:
        return absolute_url(context, obj.workstream.get_absolute_url())


class OrganisationDetailOut(OrganisationOut):
    description: str
    memberships: list[GroupRoleOut] = Field(..., alias="profile.memberships")
    workstreams: list[WorkstreamRoleOut] = Field(..., alias="profile.workstream_links")
    people: list[AffiliationOut] = Field(
        ..., alias="profile.affiliations", description="People whose profile you may see."
    )


class GroupOut(GroupRef):
    kind: Group.Kind
    kind_label: str
    parent: str | None = Field(None, description="Slug of the group this one is part of.")
    established: date | None

    @staticmethod
    def resolve_kind_label(obj: Group) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_parent(obj: Group) -> str | None:
        return obj.parent.slug if obj.parent_id else None


class MembershipOut(Schema):
    role: GroupMembership.Role
    role_label: str
    since: date | None
    organisation: OrganisationRef | None
    person: PersonRef | None

    @staticmethod
    def resolve_role_label(obj: GroupMembership) -> str:
        return str(obj.get_role_display())


class WorkplanRef(Schema):
    slug: str
    title: str
    status: str
    url: str

    @staticmethod
    def resolve_url(obj, context: Any = None) -> str:
        return absolute_url(context, obj.get_absolute_url())


class GroupDetailOut(GroupOut):
    description: str
    subgroups: list[GroupRef]
    memberships: list[MembershipOut] = Field(
        ...,
        alias="visible_memberships",
        description="Co-chairs, chairs and co-leads first; people only if you may see their profile.",
    )
    workplans: list[WorkplanRef] = Field(..., alias="workplan_list")


class PersonOut(PersonRef):
    job_title: str
    bio: str
    country: CountryRef | None
    organisations: list[OrganisationRef]

    @staticmethod
    def resolve_organisations(obj: User) -> list[Organisation]:
        return [affiliation.organisation for affiliation in obj.affiliations.all()]


# --- Filters ----------------------------------------------------------------------------------


class OrganisationFilters(Schema):
    type: Organisation.Type | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code, e.g. KE.")
    group: str | None = Field(None, description="Slug of a group the organisation belongs to.")
    q: str | None = Field(
        None, max_length=SEARCH_MAX_LENGTH, description="Words of the name or acronym."
    )


class GroupFilters(Schema):
    kind: Group.Kind | None = None


class PersonFilters(Schema):
    organisation: str | None = Field(None, description="Slug of the person's organisation.")
    q: str | None = Field(None, max_length=SEARCH_MAX_LENGTH, description="Words of the name.")


# --- Endpoints --------------------------------------------------------------------------------


@router.get("/organisations", response=list[OrganisationOut], summary="Member organisations")
@paginate(Pagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    """Active member organisations, by name. Unknown filter values are a 400 that says which."""
    valid = validated_filters(OrganisationFilterForm, filters.dict())
    return selectors.organisation_list(user=request.user, **valid)


@router.get(
    "/organisations/{slug}", response=OrganisationDetailOut, summary="One organisation's profile"
)
def get_organisation(request, slug: str):
    organisation = access_organisation(request.user, slug)
    organisation.profile = selectors.organisation_profile(
        user=request.user, organisation=organisation
    )
    return organisation


@router.get("/groups", response=list[GroupOut], summary="Groups")
@paginate(Pagination)
def list_groups(request, filters: Query[GroupFilters]):
    """The network, its committees, alliances, action groups and working groups, by name."""
    return selectors.group_list(user=request.user, kind=filters.kind)


@router.get("/groups/{slug}", response=GroupDetailOut, summary="One group, with its members")
def get_group(request, slug: str):
    group = access_group(request.user, slug)
    roles = selectors.group_members(user=request.user, group=group)
    group.visible_memberships = [
        membership for entry in roles for membership in entry.organisations + entry.people
    ]
    group.workplan_list = selectors.group_workplans(user=request.user, group=group)
    return group


@router.get("/people", response=list[PersonOut], summary="People with a public profile")
@paginate(Pagination)
def list_people(request, filters: Query[PersonFilters]):
    """Public profiles only, by the name others see; ``q`` matches that name, never a real name
    hidden behind a pseudonym."""
    valid = validated_filters(PersonFilterForm, filters.dict())
    return selectors.person_list(user=request.user, **valid)
