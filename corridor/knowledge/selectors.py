"""Reads for the knowledge platform. Visibility is decided here, once, for pages and the API."""

import re
from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from corridor.core.permissions import is_member, is_secretariat, is_signed_in
from corridor.directory.models import Affiliation, Organisation, Role, User
from corridor.knowledge.models import (
    CallForPractices,
    Resource,
    ResourceFile,
    ReviewAssignment,
    ReviewEvent,
    Visibility,
)

Status = Resource.Status
# The largest id a database integer column holds; a larger number in a URL finds nothing.
MAX_ID = 2**31 - 1


def valid_id(value) -> bool:
    return isinstance(value, int) and 0 < value <= MAX_ID


def _organisations_of(user) -> QuerySet:
    return Affiliation.objects.filter(person=user, organisation__is_active=True).values(
        "organisation"
    )


def _published_visibility(user) -> Q:
    """Which published resources ``user`` may read, by visibility level."""
    visible = Q(visibility=Visibility.PUBLIC)
    if is_member(user):
        visible |= Q(visibility=Visibility.MEMBERS)
    if is_signed_in(user):
        # Restricted: the people of the publishing and authoring organisations.
        organisations = _organisations_of(user)
        authored = Resource.authors.through.objects.filter(organisation__in=organisations).values(
            "resource"
        )
        visible |= Q(visibility=Visibility.RESTRICTED) & (
            Q(publisher__in=organisations) | Q(pk__in=authored)
        )
    return visible


def resource_visibility_filter(user) -> Q:
    """Which resources ``user`` may see.

    Everyone: published public ones. Members: also members-only. People of the publishing or
    authoring organisations: also restricted ones. Submitters: their own, in any state. Reviewers
    who declared no conflict: what they review while it is in review. The secretariat: all.
    """
    if is_secretariat(user):
        return Q()
    visible = Q(status=Status.PUBLISHED) & _published_visibility(user)
    if is_signed_in(user):
        visible |= Q(submitter=user)
        reviewing = ReviewAssignment.objects.filter(
            reviewer=user,
            status__in=[ReviewAssignment.Status.ACCEPTED, ReviewAssignment.Status.SUBMITTED],
        ).values("resource")
        visible |= Q(status__in=[Status.IN_REVIEW, Status.REVISING], pk__in=reviewing)
    return visible


def resource_list(
    *, user, type: str | None = None, status: str | None = None
) -> QuerySet[Resource]:
    qs = Resource.objects.filter(resource_visibility_filter(user)).select_related(
        "publisher", "group"
    )
    if type:
        qs = qs.filter(type=type)
    if status:
        qs = qs.filter(status=status)
    return qs.prefetch_related("objectives")


def resource_get(*, user, slug: str) -> Resource | None:
    return resource_list(user=user).filter(slug=slug).first()


def resource_detail_get(*, user, slug: str) -> Resource | None:
    """One resource with everything its page shows, if ``user`` may see it."""
    return (
        Resource.objects.filter(resource_visibility_filter(user), slug=slug)
        .select_related(
            "publisher",
            "group",
            "workstream__workplan",
            "lead_organisation",
            "plan_country",
            "submitter",
            "call",
        )
        .prefetch_related(
            "authors",
            "partners",
            "countries",
            "regions",
            "objectives",
            "principles",
            "thematic_areas",
            "themes",
            Prefetch("files", queryset=ResourceFile.objects.defer("extracted_text")),
        )
        .first()
    )


def resource_tombstone_get(*, user, slug: str) -> Resource | None:
    """A withdrawn resource that was once published where ``user`` could read it, else None."""
    qs = Resource.objects.filter(slug=slug, status=Status.WITHDRAWN, version__gt=0)
    if not is_secretariat(user):
        qs = qs.filter(_published_visibility(user) | Q(submitter_id=getattr(user, "pk", None)))
    return qs.select_related("publisher").first()


def resource_published_versions(*, resource: Resource) -> list:
    """The last historical record of each published version, oldest first."""
    records = resource.history.filter(status=Status.PUBLISHED, version__gt=0).order_by(
        "version", "-history_date", "-history_id"
    )
    latest = {}
    for record in records:
        latest.setdefault(record.version, record)
    return [latest[number] for number in sorted(latest)]


def resource_version_get(*, resource: Resource, number: int):
    """The published version ``number`` as it last stood, or None."""
    if not valid_id(number):
        return None
    return (
        resource.history.filter(status=Status.PUBLISHED, version=number)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )


def resource_history(*, resource: Resource) -> QuerySet:
    return resource.history.select_related("history_user").order_by("-history_date", "-history_id")


def resource_file_get(*, user, slug: str, pk: int) -> ResourceFile | None:
    if not valid_id(pk):
        return None
    resource = resource_get(user=user, slug=slug)
    if resource is None:
        return None
    return ResourceFile.objects.filter(resource=resource, pk=pk).select_related("resource").first()


# -- submissions and review ----------------------------------------------------------------------


def submission_list_for_submitter(*, user) -> QuerySet[Resource]:
    """The signed-in person's own submissions, newest first, with their last step."""
    if not is_signed_in(user):
        return Resource.objects.none()
    return (
        Resource.objects.filter(submitter=user)
        .select_related("call")
        .annotate(
            reviews_in=Count(
                "reviews",
                filter=Q(reviews__status=ReviewAssignment.Status.SUBMITTED),
                distinct=True,
            )
        )
        .order_by("-updated_at", "-pk")
    )


def submission_queue(*, status: str | None = None) -> QuerySet[Resource]:
    """What the secretariat works on: everything submitted and not yet decided."""
    statuses = [status] if status else [Status.SUBMITTED, Status.IN_REVIEW, Status.REVISING]
    open_reviews = Q(reviews__status__in=ReviewAssignment.OPEN_STATUSES)
    return (
        Resource.objects.filter(status__in=statuses)
        .select_related("submitter", "publisher", "call")
        .annotate(
            open_reviews=Count("reviews", filter=open_reviews, distinct=True),
            done_reviews=Count(
                "reviews",
                filter=Q(reviews__status=ReviewAssignment.Status.SUBMITTED),
                distinct=True,
            ),
        )
        .order_by("submitted_at", "pk")
    )


def review_assignments(*, resource: Resource, round: int | None = None) -> QuerySet:
    qs = resource.reviews.select_related("reviewer")
    if round is not None:
        qs = qs.filter(round=round)
    return qs.order_by("round", "created_at", "pk")


def reviews_for_submitter(*, resource: Resource) -> list[ReviewAssignment]:
    """Submitted reviews, numbered per round ("Reviewer 1"...), without reviewers' names."""
    reviews = list(
        resource.reviews.filter(status=ReviewAssignment.Status.SUBMITTED).order_by(
            "round", "submitted_at", "pk"
        )
    )
    _number(reviews)
    return reviews


def reviews_for_reviewer(*, assignment: ReviewAssignment) -> list[ReviewAssignment]:
    """The other submitted reviews of the same round, once this reviewer has submitted theirs."""
    if assignment.status != ReviewAssignment.Status.SUBMITTED:
        return []
    reviews = list(
        assignment.resource.reviews.filter(
            round=assignment.round, status=ReviewAssignment.Status.SUBMITTED
        ).order_by("submitted_at", "pk")
    )
    _number(reviews)
    return [review for review in reviews if review.pk != assignment.pk]


def _number(reviews: list[ReviewAssignment]) -> None:
    counters: dict[int, int] = {}
    for review in reviews:
        counters[review.round] = counters.get(review.round, 0) + 1
        review.number = counters[review.round]


def review_events(*, resource: Resource, for_submitter: bool) -> QuerySet[ReviewEvent]:
    qs = resource.events.select_related("actor", "assignment__reviewer").order_by(
        "created_at", "pk"
    )
    if for_submitter:
        qs = qs.filter(kind__in=ReviewEvent.SUBMITTER_KINDS)
    return qs


def assignment_list_for_reviewer(*, user) -> QuerySet[ReviewAssignment]:
    if not is_signed_in(user):
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(status=ReviewAssignment.Status.CANCELLED)
        .select_related("resource")
        .order_by("status", "due_on", "pk")
    )


def assignment_get_for_reviewer(*, user, pk: int) -> ReviewAssignment | None:
    if not is_signed_in(user) or not valid_id(pk):
        return None
    return (
        ReviewAssignment.objects.filter(pk=pk, reviewer=user)
        .exclude(status=ReviewAssignment.Status.CANCELLED)
        .select_related("resource__publisher", "resource__submitter")
        .first()
    )


def reviewer_roster() -> QuerySet[User]:
    """People with the reviewer role, each marked ``is_internal`` (of a UN entity member) or not."""
    un_staff = Affiliation.objects.filter(
        organisation__is_active=True, organisation__type=Organisation.Type.UN_ENTITY
    ).values("person")
    return (
        User.objects.filter(groups__name=Role.REVIEWER, is_active=True)
        .annotate(
            open_reviews=Count(
                "review_assignments",
                filter=Q(review_assignments__status__in=ReviewAssignment.OPEN_STATUSES),
                distinct=True,
            )
        )
        .annotate(is_internal=Q(pk__in=un_staff))
        .distinct()
        .order_by("full_name", "email")
    )


def reviewer_is_internal(user: User) -> bool:
    return Affiliation.objects.filter(
        person=user,
        organisation__is_active=True,
        organisation__type=Organisation.Type.UN_ENTITY,
    ).exists()


def reviews_due_for_reminder(*, within_days: int, now=None) -> QuerySet[ReviewAssignment]:
    """Open assignments due within ``within_days`` (or overdue), not reminded in the last day."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    horizon = today + timedelta(days=within_days)
    return (
        ReviewAssignment.objects.filter(
            status__in=ReviewAssignment.OPEN_STATUSES,
            due_on__lte=horizon,
            resource__status=Status.IN_REVIEW,
        )
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=now - timedelta(hours=20)))
        .select_related("reviewer", "resource")
        .order_by("due_on", "pk")
    )


# -- calls for practices -------------------------------------------------------------------------


def call_list(*, user) -> QuerySet[CallForPractices]:
    qs = CallForPractices.objects.all()
    if not is_secretariat(user):
        qs = qs.filter(is_published=True)
    published = Q(submissions__status=Status.PUBLISHED)
    return qs.annotate(published_answers=Count("submissions", filter=published)).prefetch_related(
        "themes", "objectives"
    )


def call_get(*, user, slug: str) -> CallForPractices | None:
    return call_list(user=user).filter(slug=slug).first()


def call_open_list() -> QuerySet[CallForPractices]:
    today = timezone.localdate()
    return CallForPractices.objects.filter(
        is_published=True, opens_on__lte=today, deadline__gte=today
    ).order_by("deadline")


# -- duplicate research --------------------------------------------------------------------------

# Words too common in this field to say two studies are alike.
_COMMON_WORDS = frozenset(
    [
        "about",
        "after",
        "against",
        "among",
        "and",
        "are",
        "based",
        "between",
        "both",
        "but",
        "can",
        "case",
        "cases",
        "country",
        "countries",
        "does",
        "during",
        "each",
        "for",
        "from",
        "global",
        "have",
        "into",
        "its",
        "migrant",
        "migrants",
        "migration",
        "more",
        "national",
        "new",
        "not",
        "on-going",
        "ongoing",
        "other",
        "over",
        "project",
        "regional",
        "report",
        "research",
        "should",
        "study",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "this",
        "those",
        "through",
        "under",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
        "work",
    ]
)
_WORD = re.compile(r"\w{3,}", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _COMMON_WORDS}


def similar_ongoing_research(
    *, user, title: str, summary: str = "", exclude_pk: int | None = None, limit: int = 5
) -> list[Resource]:
    """Planned or on-going research that ``user`` can see and that looks like the given one, most
    alike first ("avoid unnecessary duplication"): word overlap of title and summary."""
    mine = _words(title) | _words(summary)
    mine_title = _words(title)
    if not mine_title:
        return []
    candidates = (
        Resource.objects.filter(resource_visibility_filter(user), type=Resource.Type.RESEARCH)
        .filter(
            research_status__in=[Resource.ResearchStatus.PLANNED, Resource.ResearchStatus.ONGOING]
        )
        .exclude(pk=exclude_pk or 0)
        .exclude(status__in=[Status.WITHDRAWN, Status.REJECTED, Status.DRAFT])
        .only("pk", "slug", "title", "summary", "research_status")
    )
    scored = []
    for candidate in candidates.iterator(chunk_size=500):
        theirs_title = _words(candidate.title)
        theirs = theirs_title | _words(candidate.summary)
        title_overlap = len(mine_title & theirs_title) / len(mine_title | theirs_title or {""})
        overall = len(mine & theirs) / len(mine | theirs or {""})
        score = max(title_overlap, overall)
        if title_overlap >= 0.4 or overall >= 0.3:
            scored.append((score, candidate.pk, candidate))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [candidate for _score, _pk, candidate in scored[:limit]]
