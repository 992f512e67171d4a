"""Permission-checked fetches: 404 when the user may not see the object, 403 when they may not act."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from corridor.directory import selectors
from corridor.directory.models import Group, Organisation, User


def access_organisation(user, slug: str, *, perm: str | None = None) -> Organisation:
    """The organisation with ``slug``; with ``perm`` (e.g. "directory.change_organisation"), only
    if ``user`` holds it for this organisation."""
    organisation = selectors.organisation_get(user=user, slug=slug)
    if organisation is None:
        raise Http404
    if perm is not None and not user.has_perm(perm, organisation):
        raise PermissionDenied
    return organisation


def access_group(user, slug: str) -> Group:
    group = selectors.group_get(user=user, slug=slug)
    if group is None:
        raise Http404
    return group


def access_person(user, pk: int, *, perm: str | None = None) -> User:
    """A person whose profile ``user`` may see (public, their own, or any for the secretariat)."""
    person = selectors.person_get(user=user, pk=pk)
    if person is None:
        raise Http404
    if perm is not None and not user.has_perm(perm, person):
        raise PermissionDenied
    return person
