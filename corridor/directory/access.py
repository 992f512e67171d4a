"""Permission-checked fetches: 404 when the user may not see the object, 403 when they may not act."""

from corridor.core.access import check_access
from corridor.directory import selectors
from corridor.directory.models import Group, Organisation, User


def access_organisation(user, slug: str, *, perm: str | None = None) -> Organisation:
    """The organisation with ``slug``; with ``perm`` (e.g. "directory.change_organisation"), only
    if ``user`` holds it for this organisation."""
    return check_access(user, selectors.organisation_get(user=user, slug=slug), perm=perm)


def access_group(user, slug: str) -> Group:
    return check_access(user, selectors.group_get(user=user, slug=slug))


def access_person(user, pk: int, *, perm: str | None = None) -> User:
    """A person whose profile ``user`` may see (public, their own, or any for the secretariat)."""
    return check_access(user, selectors.person_get(user=user, pk=pk), perm=perm)
