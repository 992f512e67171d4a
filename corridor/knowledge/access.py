"""Permission-checked fetches: 404 when the user may not see the object, 403 when they may not act."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from corridor.knowledge import selectors
from corridor.knowledge.models import Resource, ReviewAssignment


def access_resource(user, slug: str, *, perm: str | None = None) -> Resource:
    """The resource with ``slug`` if ``user`` may see it; with ``perm``, only if they hold it."""
    resource = selectors.resource_get(user=user, slug=slug)
    if resource is None:
        raise Http404
    if perm is not None and not user.has_perm(perm, resource):
        raise PermissionDenied
    return resource


def access_assignment(user, pk: int) -> ReviewAssignment:
    """A review assignment of ``user``'s own; nobody else's (not even the secretariat's view)."""
    assignment = selectors.assignment_get_for_reviewer(user=user, pk=pk)
    if assignment is None:
        raise Http404
    return assignment
