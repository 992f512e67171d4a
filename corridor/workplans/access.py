"""Permission-checked fetches for workplans: 404 when not visible to the user."""

from django.http import Http404

from corridor.workplans import selectors
from corridor.workplans.models import Workplan, Workstream


def access_workplan(user, slug: str) -> Workplan:
    workplan = selectors.workplan_get(user=user, slug=slug)
    if workplan is None:
        raise Http404
    return workplan


def access_workstream(user, workplan_slug: str, slug: str) -> Workstream:
    workstream = selectors.workstream_get(user=user, workplan_slug=workplan_slug, slug=slug)
    if workstream is None:
        raise Http404
    return workstream
