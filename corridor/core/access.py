"""The check behind every app's ``access_*`` helpers: 404 when not visible, 403 when not allowed."""

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404

T = TypeVar("T")


def check_access(user, obj: T | None, *, perm: str | None = None) -> T:
    """``obj`` as a selector fetched it for ``user``: None (not visible to them) is a 404; with
    ``perm`` (e.g. "directory.change_organisation"), an object they do not hold it for is a 403."""
    if obj is None:
        raise Http404
    if perm is not None and not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj
