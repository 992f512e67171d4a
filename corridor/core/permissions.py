"""Who may do what: the roles of PRODUCT.md as ``rules`` predicates, in one place.

Platform-wide roles (secretariat, fund manager, reviewer, expert, requester) are Django auth groups
named after ``directory.models.Role``; membership of an organisation is an ``Affiliation``;
administrators are superusers. Selectors and ``access_*`` helpers call these predicates.
"""

import rules

from corridor.directory.models import Affiliation, Role

is_administrator = rules.is_superuser


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _has_role(role: str):
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        if not is_signed_in(user):
            return False
        cached = getattr(user, "_corridor_roles", None)
        if cached is None:
            cached = set(user.groups.values_list("name", flat=True))
            user._corridor_roles = cached
        return role in cached

    return predicate


is_secretariat = _has_role(Role.SECRETARIAT) | is_administrator
is_fund_manager = _has_role(Role.FUND_MANAGER) | is_administrator
is_reviewer = _has_role(Role.REVIEWER)
is_expert = _has_role(Role.EXPERT)
is_requester = _has_role(Role.REQUESTER)


@rules.predicate
def is_member(user) -> bool:
    """A person of a member organisation (any active affiliation), or staff who act for the network."""
    if not is_signed_in(user):
        return False
    if is_secretariat(user):
        return True
    return Affiliation.objects.filter(person=user, organisation__is_active=True).exists()


@rules.predicate
def is_focal_point_of(user, organisation) -> bool:
    if not is_signed_in(user) or organisation is None:
        return False
    return Affiliation.objects.filter(
        person=user, organisation=organisation, role=Affiliation.Role.FOCAL_POINT
    ).exists()


@rules.predicate
def is_self(user, person) -> bool:
    return is_signed_in(user) and person is not None and user.pk == person.pk


rules.add_perm("directory.change_organisation", is_focal_point_of | is_secretariat)
rules.add_perm("directory.view_real_name", is_self | is_secretariat)
rules.add_perm("directory.view_private_profile", is_self | is_secretariat)
rules.add_perm("directory.change_person", is_self | is_administrator)
rules.add_perm("workplans.change_workplan", is_secretariat)
rules.add_perm("core.use_staff_admin", is_secretariat | is_fund_manager)


def person_display_name(viewer, person) -> str:
    """The name ``viewer`` may see for ``person``: the real name only for themselves and the secretariat."""
    if person.pseudonym and not viewer.has_perm("directory.view_real_name", person):
        return person.pseudonym
    return person.full_name or person.public_name
