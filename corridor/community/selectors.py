from django.db.models import QuerySet

from corridor.community.models import Event, ResearchTopic


def research_topic_list(*, user) -> QuerySet[ResearchTopic]:
    """The research agenda is public: every visitor sees every topic."""
    return ResearchTopic.objects.select_related("group").prefetch_related("objectives", "countries")


def event_list(*, user) -> QuerySet[Event]:
    return Event.objects.select_related("country").prefetch_related("organisers", "groups")
