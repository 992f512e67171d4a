from django.db.models import Q, QuerySet

from corridor.core.permissions import is_member, is_secretariat
from corridor.knowledge.models import Resource, Visibility


def resource_visibility_filter(user) -> Q:
    """Which resources ``user`` may see: published public ones; members also see members-only."""
    if is_secretariat(user):
        return Q()
    visible = Q(status=Resource.Status.PUBLISHED, visibility=Visibility.PUBLIC)
    if is_member(user):
        visible |= Q(status=Resource.Status.PUBLISHED, visibility=Visibility.MEMBERS)
    return visible


def resource_list(*, user, type: str | None = None) -> QuerySet[Resource]:
    qs = Resource.objects.filter(resource_visibility_filter(user)).select_related(
        "publisher", "group"
    )
    if type:
        qs = qs.filter(type=type)
    return qs.prefetch_related("objectives")


def resource_get(*, user, slug: str) -> Resource | None:
    return resource_list(user=user).filter(slug=slug).first()
