from itertools import chain

from corridor.community.models import Event, ResearchTopic
from corridor.directory.models import Group, Organisation
from corridor.knowledge.selectors import resource_list
from corridor.taxonomy.models import Country, Objective
from corridor.workplans.models import Workplan, Workstream


def platform_counts(*, user) -> list[tuple[str, int, str]]:
    """What the platform holds, as (key, count, url name) — every figure from the database."""
    return [
        ("workplans", Workplan.objects.count(), "workplans:workplan_list"),
        ("workstreams", Workstream.objects.count(), "workplans:workstream_list"),
        (
            "organisations",
            Organisation.objects.filter(is_active=True).count(),
            "directory:organisation_list",
        ),
        ("groups", Group.objects.count(), "directory:group_list"),
        ("resources", resource_list(user=user).count(), "knowledge:resource_list"),
        ("research_topics", ResearchTopic.objects.count(), "community:research_agenda"),
        ("events", Event.objects.count(), "community:event_list"),
        ("objectives", Objective.objects.count(), "taxonomy:index"),
        ("countries", Country.objects.count(), "taxonomy:index"),
    ]


def latest_changes(*, user, limit: int = 8) -> list:
    """The most recently changed public items across the platform, newest first."""
    candidates = chain(
        Workstream.objects.select_related("workplan").order_by("-updated_at")[:limit],
        Organisation.objects.filter(is_active=True).order_by("-updated_at")[:limit],
        resource_list(user=user).order_by("-updated_at")[:limit],
        Event.objects.order_by("-updated_at")[:limit],
    )
    return sorted(candidates, key=lambda obj: obj.updated_at, reverse=True)[:limit]
