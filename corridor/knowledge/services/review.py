"""Peer review: assigning reviewers from the roster, conflicts of interest, reviews, split
decisions and reminders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from corridor.core.errors import ApplicationError
from corridor.core.permissions import is_reviewer, is_secretariat
from corridor.directory.models import Affiliation, User
from corridor.knowledge import notifications, selectors
from corridor.knowledge.models import (
    Resource,
    ReviewAssignment,
)
from corridor.knowledge.services.common import (
    Event,
    Recommendation,
    Status,
    _record,
    _require,
    _require_status,
    panel_minimum,
    review_days,
)


def _panel(resource: Resource) -> list[ReviewAssignment]:
    return list(
        resource.reviews.filter(
            round=resource.review_round, status__in=ReviewAssignment.ACTIVE_STATUSES
        ).select_related("reviewer")
    )


def _check_reviewer(resource: Resource, reviewer: User) -> None:
    name = reviewer.full_name or reviewer.email
    if not is_reviewer(reviewer) or not reviewer.is_active:
        raise ApplicationError(_("%(name)s is not on the reviewer roster.") % {"name": name})
    if reviewer.pk == resource.submitter_id:
        raise ApplicationError(_("%(name)s submitted this resource.") % {"name": name})
    if resource.submitter_id and (
        Affiliation.objects.filter(person=reviewer, organisation__is_active=True)
        .filter(organisation__affiliations__person_id=resource.submitter_id)
        .exists()
    ):
        raise ApplicationError(
            _("%(name)s works in the same organisation as the submitter.") % {"name": name}
        )
    if resource.reviews.filter(reviewer=reviewer, status=ReviewAssignment.Status.CONFLICT).exists():
        raise ApplicationError(
            _("%(name)s declared a conflict of interest with this resource.") % {"name": name}
        )
    if resource.reviews.filter(round=resource.review_round, reviewer=reviewer).exists():
        raise ApplicationError(_("%(name)s is already assigned in this round.") % {"name": name})


def _assign(
    resource: Resource,
    reviewer: User,
    *,
    actor: User | None,
    due_on: date,
    further: bool = False,
) -> ReviewAssignment:
    assignment = ReviewAssignment(
        resource=resource,
        reviewer=reviewer,
        round=resource.review_round,
        kind=(
            ReviewAssignment.Kind.INTERNAL
            if selectors.reviewer_is_internal(reviewer)
            else ReviewAssignment.Kind.EXTERNAL
        ),
        assigned_by=actor,
        due_on=due_on,
        is_further_reviewer=further,
    )
    assignment.full_clean()
    assignment._history_user = actor
    assignment.save()
    _record(
        resource,
        Event.REVIEWER_ASSIGNED,
        actor=actor,
        assignment=assignment,
        private_note=reviewer.full_name or reviewer.email,
    )
    notifications.notify(
        users=[reviewer],
        subject=gettext_lazy("Please review: %(title)s"),
        body=gettext_lazy(
            "You are invited to review %(title)s by %(due)s. First declare whether you have a "
            "conflict of interest; then you will see the submission.\n\n%(url)s"
        ),
        params={
            "title": resource.title,
            "due": due_on.isoformat(),
            "url": notifications.absolute(assignment.get_absolute_url()),
        },
    )
    return assignment


@transaction.atomic
def resource_assign_reviewers(
    *,
    resource: Resource,
    actor: User,
    reviewers: Sequence[User],
    due_on: date | None = None,
    allow_incomplete_panel: bool = False,
) -> list[ReviewAssignment]:
    """The secretariat assigns reviewers from the roster for the current round.

    By default the round's panel must then hold at least one internal reviewer (of a UN entity
    member) and two external ones; ``allow_incomplete_panel`` assigns anyway.
    """
    _require(is_secretariat(actor))
    _require_status(resource, Status.IN_REVIEW, action=_("sent to reviewers"))
    reviewers = list(dict.fromkeys(reviewers))
    if not reviewers:
        raise ApplicationError(_("Choose at least one reviewer."))
    due_on = due_on or timezone.localdate() + timedelta(days=review_days())
    if due_on < timezone.localdate():
        raise ApplicationError(_("The review deadline cannot be in the past."))
    for reviewer in reviewers:
        _check_reviewer(resource, reviewer)
    internal_needed, external_needed = panel_minimum()
    panel = _panel(resource)
    internal = sum(a.kind == ReviewAssignment.Kind.INTERNAL for a in panel)
    internal += sum(selectors.reviewer_is_internal(r) for r in reviewers)
    external = len(panel) + len(reviewers) - internal
    if not allow_incomplete_panel and (internal < internal_needed or external < external_needed):
        raise ApplicationError(
            _(
                "A review panel needs at least %(internal_needed)s internal and "
                "%(external_needed)s external reviewers; with these it would have "
                "%(internal)s internal and %(external)s external. Add reviewers, or tick "
                "“assign anyway”."
            )
            % {
                "internal_needed": internal_needed,
                "external_needed": external_needed,
                "internal": internal,
                "external": external,
            }
        )
    return [_assign(resource, reviewer, actor=actor, due_on=due_on) for reviewer in reviewers]


@transaction.atomic
def review_remove(*, assignment: ReviewAssignment, actor: User) -> ReviewAssignment:
    _require(is_secretariat(actor))
    if not assignment.is_open:
        raise ApplicationError(_("Only a review still to be done can be removed."))
    assignment.status = ReviewAssignment.Status.CANCELLED
    assignment._history_user = actor
    assignment.save()
    _record(
        assignment.resource,
        Event.REVIEWER_REMOVED,
        actor=actor,
        assignment=assignment,
        private_note=assignment.reviewer.full_name or assignment.reviewer.email,
    )
    return assignment


@transaction.atomic
def review_declare_conflict(
    *, assignment: ReviewAssignment, actor: User, has_conflict: bool, note: str = ""
) -> ReviewAssignment:
    """The reviewer says whether they have a conflict of interest, before seeing the submission.

    A conflict removes them from the review and tells the secretariat.
    """
    _require(assignment.reviewer_id == actor.pk)
    if assignment.status != ReviewAssignment.Status.INVITED:
        raise ApplicationError(_("You have already answered this invitation."))
    if assignment.resource.status != Status.IN_REVIEW:
        raise ApplicationError(_("This submission is no longer in review."))
    note = (note or "").strip()
    assignment.conflict_declared_at = timezone.now()
    assignment.conflict_note = note
    resource = assignment.resource
    if has_conflict:
        if not note:
            raise ValidationError(
                {"conflict_note": _("Say briefly what the conflict of interest is.")}
            )
        assignment.status = ReviewAssignment.Status.CONFLICT
        assignment._history_user = actor
        assignment.full_clean()
        assignment.save()
        _record(
            resource,
            Event.CONFLICT_DECLARED,
            actor=actor,
            assignment=assignment,
            private_note=f"{actor.full_name or actor.email}: {note}",
        )
        notifications.notify(
            users=notifications.secretariat_people(),
            subject=gettext_lazy("Conflict of interest declared: %(title)s"),
            body=gettext_lazy(
                "%(reviewer)s declared a conflict of interest and was removed from the review of "
                "%(title)s. Assign another reviewer:\n\n%(url)s"
            ),
            params={
                "title": resource.title,
                "reviewer": actor.full_name or actor.email,
                "url": notifications.absolute(
                    reverse("knowledge:resource_manage", args=[resource.slug])
                ),
            },
        )
        return assignment
    assignment.status = ReviewAssignment.Status.ACCEPTED
    assignment._history_user = actor
    assignment.full_clean()
    assignment.save()
    _record(resource, Event.REVIEW_STARTED, actor=actor, assignment=assignment)
    return assignment


@transaction.atomic
def review_submit(
    *,
    assignment: ReviewAssignment,
    actor: User,
    recommendation: str,
    comments: str,
    confidential_comments: str = "",
) -> ReviewAssignment:
    """The reviewer recommends accept, revise or reject, with comments for the submitter."""
    _require(assignment.reviewer_id == actor.pk)
    if assignment.status != ReviewAssignment.Status.ACCEPTED:
        raise ApplicationError(
            _("Declare your conflicts of interest first.")
            if assignment.status == ReviewAssignment.Status.INVITED
            else _("This review can no longer be submitted.")
        )
    resource = assignment.resource
    if resource.status != Status.IN_REVIEW:
        raise ApplicationError(_("This submission is no longer in review."))
    if recommendation not in Recommendation.values:
        raise ValidationError({"recommendation": _("Choose accept, revise or reject.")})
    comments = (comments or "").strip()
    if recommendation != Recommendation.ACCEPT and not comments:
        raise ValidationError(
            {"comments": _("Tell the submitter what to change, or why not to publish.")}
        )
    assignment.recommendation = recommendation
    assignment.comments = comments
    assignment.confidential_comments = (confidential_comments or "").strip()
    assignment.status = ReviewAssignment.Status.SUBMITTED
    assignment.submitted_at = timezone.now()
    assignment._history_user = actor
    assignment.full_clean()
    assignment.save()
    _record(
        resource,
        Event.REVIEW_SUBMITTED,
        actor=actor,
        assignment=assignment,
        note=assignment.get_recommendation_display(),
    )
    _after_review(resource, actor=actor)
    return assignment


def _after_review(resource: Resource, *, actor: User) -> None:
    """When the round's last review is in: a split decision calls a further reviewer; otherwise
    the secretariat is told the reviews are complete."""
    panel = _panel(resource)
    if any(a.is_open for a in panel):
        return
    recommendations = {a.recommendation for a in panel}
    split = {Recommendation.ACCEPT, Recommendation.REJECT} <= recommendations
    manage_url = notifications.absolute(reverse("knowledge:resource_manage", args=[resource.slug]))
    if split and not any(a.is_further_reviewer for a in panel):
        further = _further_reviewer(resource)
        _record(
            resource,
            Event.SPLIT_DECISION,
            actor=None,
            private_note=(further.full_name or further.email) if further else "",
        )
        if further is not None:
            _assign(
                resource,
                further,
                actor=None,
                due_on=timezone.localdate() + timedelta(days=review_days()),
                further=True,
            )
        notifications.notify(
            users=notifications.secretariat_people(),
            subject=gettext_lazy("Split decision: %(title)s"),
            body=(
                gettext_lazy(
                    "The reviewers of %(title)s disagree; %(reviewer)s was invited as a further "
                    "reviewer.\n\n%(url)s"
                )
                if further
                else gettext_lazy(
                    "The reviewers of %(title)s disagree and no further reviewer is free on the "
                    "roster: assign one.\n\n%(url)s"
                )
            ),
            params={
                "title": resource.title,
                "reviewer": (further.full_name or further.email) if further else "",
                "url": manage_url,
            },
        )
        return
    notifications.notify(
        users=notifications.secretariat_people(),
        subject=gettext_lazy("Reviews complete: %(title)s"),
        body=gettext_lazy(
            "Every review of %(title)s is in. Decide: publish, ask for a revision, or decline.\n\n"
            "%(url)s"
        ),
        params={"title": resource.title, "url": manage_url},
    )


def _further_reviewer(resource: Resource) -> User | None:
    """The roster reviewer with the fewest open reviews who is free to review this resource."""
    for candidate in selectors.reviewer_roster().order_by("open_reviews", "pk"):
        try:
            _check_reviewer(resource, candidate)
        except ApplicationError:
            continue
        return candidate
    return None


@transaction.atomic
def review_send_reminder(*, assignment: ReviewAssignment, now=None) -> ReviewAssignment:
    """Email a reviewer whose review is due soon or overdue, and note it in the log."""
    now = now or timezone.now()
    overdue = assignment.due_on < timezone.localdate(now)
    notifications.notify(
        users=[assignment.reviewer],
        subject=(
            gettext_lazy("Overdue review: %(title)s")
            if overdue
            else gettext_lazy("Review due %(due)s: %(title)s")
        ),
        body=gettext_lazy(
            "Your review of %(title)s is due on %(due)s. If you cannot do it, tell the "
            "secretariat.\n\n%(url)s"
        ),
        params={
            "title": assignment.resource.title,
            "due": assignment.due_on.isoformat(),
            "url": notifications.absolute(assignment.get_absolute_url()),
        },
    )
    assignment.reminded_at = now
    assignment.save(update_fields=["reminded_at", "updated_at"])
    _record(
        assignment.resource,
        Event.REMINDER_SENT,
        actor=None,
        assignment=assignment,
        private_note=assignment.reviewer.full_name or assignment.reviewer.email,
    )
    return assignment
