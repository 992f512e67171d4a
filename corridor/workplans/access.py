"""Permission-checked fetches for workplans: 404 when not visible to the user."""

from corridor.core.access import check_access
from corridor.workplans import selectors
from corridor.workplans.models import Workplan, Workstream


def access_workplan(user, slug: str) -> Workplan:
    return check_access(user, selectors.workplan_get(user=user, slug=slug))


def access_workstream(user, workplan_slug: str, slug: str) -> Workstream:
    return check_access(
        user, selectors.workstream_get(user=user, workplan_slug=workplan_slug, slug=slug)
    )
