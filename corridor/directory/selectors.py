"""Reads for the directory: organisations, groups and people, with visibility applied in one place.

Organisations and groups are public bodies: anyone may read their pages. The public directory lists
active organisations only; a former member's page stays reachable (workstreams still link to it).
People are private by default: a person's page and name appear only when their profile is public,
to themselves, and to the secretariat. Names always go through ``person_display_name`` so that a
pseudonym is the only name anyone else ever sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from corridor.core.permissions import is_secretariat, is_signed_in, person_display_name
from corridor.directory.models import Affiliation, Group, GroupMembership, Organisation, User
from corridor.taxonomy.countries import translated_country_name

# The roles on a group's page, in order (those who steer the group first), with their headings.
GROUP_ROLE_HEADINGS = {
    GroupMembership.Role.CO_CHAIR: _("Co-chairs"),
    GroupMembership.Role.CHAIR: _("Chairs"),
    GroupMembership.Role.CO_LEAD: _("Co-leads"),
    GroupMembership.Role.FOCAL_POINT: _("Focal points"),
    GroupMembership.Role.MEMBER: _("Members"),
}


def _public_name_expression(prefix: str = ""):
    """The name everyone may see, as SQL: the pseudonym when set, otherwise the full name.

    Used to sort people, so that not even the position in a list can reveal the real name of
    someone who chose a pseudonym. ``prefix`` reaches a person through a relation ("person__").
    """
    return Case(
        When(~Q(**{f"{prefix}pseudonym": ""}), then=F(f"{prefix}pseudonym")),
        default=F(f"{prefix}full_name"),
        output_field=CharField(),
    )


# --- People ---------------------------------------------------------------------------------


def person_visibility_filter(user) -> Q:
    """Which people ``user`` may see: public, active profiles; their own; the secretariat sees all."""
    if is_secretariat(user):
        return Q()
    visible = Q(is_active=True, is_profile_public=True)
    if is_signed_in(user):
        visible |= Q(pk=user.pk)
    return visible


def person_pseudonym_note(viewer, person) -> str:
    """For those who see a pseudonymous person's real name (themselves, the secretariat): a
    reminder of the only name everyone else sees. Empty for everyone else."""
    if person is None or not person.pseudonym:
        return ""
    if person_display_name(viewer, person) == person.pseudonym:
        return ""
    return gettext("(others see “%(pseudonym)s”)") % {"pseudonym": person.pseudonym}


def person_list(*, user, organisation: str | None = None, q: str | None = None) -> QuerySet[User]:
    """The public directory of people: public, active profiles only, whoever asks.

    ``q`` matches the public name only (the pseudonym when set), never the real name or the email.
    """
    qs = User.objects.filter(is_active=True, is_profile_public=True).annotate(
        public_sort_name=Lower(_public_name_expression())
    )
    if organisation:
        qs = qs.filter(
            pk__in=Affiliation.objects.filter(organisation__slug=organisation).values("person_id")
        )
    if q:
        qs = qs.filter(Q(pseudonym__icontains=q) | Q(pseudonym="", full_name__icontains=q))
    return (
        qs.select_related("country")
        .prefetch_related(
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.select_related("organisation").order_by(
                    "organisation__name"
                ),
            )
        )
        .order_by("public_sort_name", "pk")
    )


def person_get(*, user, pk: int) -> User | None:
    """One person, if ``user`` may see their profile."""
    return (
        User.objects.filter(person_visibility_filter(user), pk=pk)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "affiliations",
                queryset=Affiliation.objects.filter(organisation__is_active=True)
                .select_related("organisation")
                .order_by("organisation__name"),
            ),
            Prefetch(
                "group_memberships",
                queryset=GroupMembership.objects.select_related("group").order_by("group__name"),
            ),
        )
        .first()
    )


# --- Organisations --------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    """One value of a filter, with the number of results it would give."""

    value: str
    label: str
    count: int
    selected: bool = False


def _organisation_base(*, user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True)


def _organisation_filter(
    qs: QuerySet[Organisation],
    *,
    type: str | None = None,
    country: str | None = None,
    group: str | None = None,
    q: str | None = None,
) -> QuerySet[Organisation]:
    if type:
        qs = qs.filter(type=type)
    if country:
        qs = qs.filter(country_id=country)
    if group:
        qs = qs.filter(
            pk__in=GroupMembership.objects.filter(
                group__slug=group, organisation__isnull=False
            ).values("organisation_id")
        )
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(acronym__icontains=q))
    return qs


def organisation_list(
    *,
    user,
    type: str | None = None,
    country: str | None = None,
    group: str | None = None,
    q: str | None = None,
) -> QuerySet[Organisation]:
    """Active member organisations, filtered; each with its country and its groups."""
    qs = _organisation_filter(
        _organisation_base(user=user), type=type, country=country, group=group, q=q
    )
    return qs.select_related("country").prefetch_related(
        Prefetch(
            "group_memberships",
            queryset=GroupMembership.objects.select_related("group").order_by("group__name"),
        )
    )


def organisation_facets(
    *,
    user,
    type: str | None = None,
    country: str | None = None,
    group: str | None = None,
    q: str | None = None,
) -> dict[str, list[FacetOption]]:
    """For each filter, its values with result counts given the *other* filters (three queries)."""
    base = _organisation_base(user=user)
    filters = {"type": type, "country": country, "group": group, "q": q}

    def without(name):
        return _organisation_filter(base, **{**filters, name: None})

    type_labels = dict(Organisation.Type.choices)
    type_counts = dict(
        without("type").order_by().values("type").annotate(n=Count("pk")).values_list("type", "n")
    )
    types = [
        FacetOption(value, str(label), type_counts.get(value, 0), value == type)
        for value, label in type_labels.items()
        if type_counts.get(value) or value == type
    ]

    country_rows = (
        without("country")
        .filter(country__isnull=False)
        .order_by()
        .values_list("country__code", "country__name")
        .annotate(n=Count("pk"))
    )
    countries = [
        FacetOption(code, translated_country_name(code, name), n, code == country)
        for code, name, n in country_rows
    ]
    countries.sort(key=lambda option: option.label)

    group_rows = (
        GroupMembership.objects.filter(organisation__in=without("group"))
        .order_by()
        .values_list("group__slug", "group__name")
        .annotate(n=Count("organisation_id", distinct=True))
    )
    groups = sorted(
        (FacetOption(slug, name, n, slug == group) for slug, name, n in group_rows),
        key=lambda option: option.label,
    )
    return {"type": types, "country": countries, "group": groups}


def organisation_get(*, user, slug: str) -> Organisation | None:
    """Any organisation by its slug (organisation pages are public), with its country."""
    return Organisation.objects.select_related("country").filter(slug=slug).first()


@dataclass
class OrganisationProfile:
    """What an organisation's page shows besides the organisation itself."""

    memberships: list[GroupMembership]
    workstream_links: list  # WorkstreamOrganisation, with workstream and workplan
    affiliations: list[Affiliation]

    @property
    def workstream_roles(self) -> dict[str, list]:
        """The workstreams by the organisation's role in them: lead, participant, interest."""
        from corridor.workplans.models import WorkstreamOrganisation

        grouped: dict[str, list] = {role: [] for role in WorkstreamOrganisation.Role}
        for link in self.workstream_links:
            grouped[WorkstreamOrganisation.Role(link.role)].append(link.workstream)
        return {role: items for role, items in grouped.items() if items}


def organisation_profile(*, user, organisation: Organisation) -> OrganisationProfile:
    """Groups, workstreams and people of ``organisation`` that ``user`` may see (three queries)."""
    from corridor.workplans.models import WorkstreamOrganisation

    memberships = list(
        organisation.group_memberships.select_related("group").order_by("group__name")
    )
    links = list(
        WorkstreamOrganisation.objects.filter(organisation=organisation)
        .select_related("workstream__workplan")
        .order_by("workstream__workplan__title", "workstream__order", "workstream__pk")
    )
    affiliations = list(
        Affiliation.objects.filter(organisation=organisation)
        .filter(person__in=User.objects.filter(person_visibility_filter(user)).values("pk"))
        .select_related("person")
        .annotate(public_sort_name=Lower(_public_name_expression("person__")))
        .order_by(
            Case(When(role=Affiliation.Role.FOCAL_POINT, then=Value(0)), default=Value(1)),
            "public_sort_name",
            "pk",
        )
    )
    return OrganisationProfile(
        memberships=memberships, workstream_links=links, affiliations=affiliations
    )


# --- Groups ---------------------------------------------------------------------------------


def group_list(*, user, kind: str | None = None) -> QuerySet[Group]:
    """Groups by name, each with its parent and its number of member organisations."""
    qs = Group.objects.select_related("parent").annotate(
        organisation_count=Count("memberships", filter=Q(memberships__organisation__isnull=False))
    )
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name", "pk")


def group_tree(*, user) -> list[Group]:
    """Every group as a tree: the top-level groups, each with its ``children`` (one query)."""
    groups = list(group_list(user=user))
    by_pk = {group.pk: group for group in groups}
    for group in groups:
        group.children = []
    roots = []
    for group in groups:
        parent = by_pk.get(group.parent_id)
        if parent is None:
            roots.append(group)
        else:
            parent.children.append(group)
    return roots


def group_get(*, user, slug: str) -> Group | None:
    return (
        Group.objects.select_related("parent")
        .prefetch_related(
            Prefetch("subgroups", queryset=Group.objects.order_by("name")),
        )
        .filter(slug=slug)
        .first()
    )


@dataclass
class RoleMembers:
    role: str
    label: str
    organisations: list[GroupMembership]
    people: list[GroupMembership]


def group_members(*, user, group: Group) -> list[RoleMembers]:
    """The group's memberships grouped by role, steering roles first (one query).

    Organisations appear while they are active members of the network; people only if ``user``
    may see their profile.
    """
    memberships = (
        GroupMembership.objects.filter(group=group)
        .filter(
            Q(organisation__is_active=True)
            | Q(person__in=User.objects.filter(person_visibility_filter(user)).values("pk"))
        )
        .select_related("organisation__country", "person")
        .annotate(
            organisation_sort=Lower("organisation__name"),
            person_sort=Lower(_public_name_expression("person__")),
        )
        .order_by("organisation_sort", "person_sort", "pk")
    )
    grouped = {
        role: RoleMembers(role, str(heading), [], [])
        for role, heading in GROUP_ROLE_HEADINGS.items()
    }
    for membership in memberships:
        entry = grouped[GroupMembership.Role(membership.role)]
        if membership.organisation_id:
            entry.organisations.append(membership)
        else:
            entry.people.append(membership)
    return [entry for entry in grouped.values() if entry.organisations or entry.people]


def group_workplans(*, user, group: Group) -> QuerySet:
    from corridor.workplans.selectors import workplan_list

    return workplan_list(user=user).filter(group=group)
