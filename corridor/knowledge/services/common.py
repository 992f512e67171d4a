"""What every knowledge service shares: settings, permission and status checks, saving with
history, the review log, search refresh, telling the submitter."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from corridor.core.errors import ApplicationError
from corridor.directory.models import User
from corridor.knowledge import notifications
from corridor.knowledge.models import Resource, ReviewAssignment, ReviewEvent
from corridor.search.services import document_refresh

Status = Resource.Status
Event = ReviewEvent.Kind
Recommendation = ReviewAssignment.Recommendation


def review_days() -> int:
    return getattr(settings, "KNOWLEDGE_REVIEW_DAYS", 21)


def panel_minimum() -> tuple[int, int]:
    """(internal, external) reviewers a panel needs by default."""
    return (
        getattr(settings, "KNOWLEDGE_REVIEW_MIN_INTERNAL", 1),
        getattr(settings, "KNOWLEDGE_REVIEW_MIN_EXTERNAL", 2),
    )


def _refresh_search(resource: Resource) -> None:
    """Bring the search document of ``resource`` up to date: what the public may find changed.
    (The search provider drops anything not published.)"""
    document_refresh(resource)


def _record(
    resource: Resource,
    kind: str,
    *,
    actor: User | None,
    note: str = "",
    private_note: str = "",
    assignment: ReviewAssignment | None = None,
) -> ReviewEvent:
    event = ReviewEvent(
        resource=resource,
        kind=kind,
        actor=actor,
        assignment=assignment,
        round=resource.review_round,
        note=note,
        private_note=private_note,
    )
    event.full_clean()
    event.save()
    return event


def _save(resource: Resource, *, actor: User | None, reason: str = "") -> None:
    resource.full_clean(validate_unique=True)
    resource._history_user = actor
    if reason:
        resource._change_reason = reason[:100]
    resource.save()


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _require_status(resource: Resource, *allowed: str, action: str) -> None:
    if resource.status not in allowed:
        raise ApplicationError(
            _("This cannot be %(action)s: it is %(status)s.")
            % {"action": action, "status": resource.get_status_display().lower()}
        )


def _tell_submitter(resource: Resource, *, subject, body, note: str = "") -> None:
    notifications.notify(
        users=[resource.submitter],
        subject=subject,
        body=body,
        params={
            "title": resource.title,
            "note": note,
            "url": notifications.absolute(reverse("knowledge:my_submissions")),
        },
    )


def _open_reviews_block(resource: Resource, action: str) -> None:
    open_count = resource.reviews.filter(
        round=resource.review_round, status__in=ReviewAssignment.OPEN_STATUSES
    ).count()
    if open_count:
        raise ApplicationError(
            ngettext(
                "%(n)s review is still to come: wait for it, or remove the reviewer, before you %(action)s.",
                "%(n)s reviews are still to come: wait for them, or remove the reviewers, before you %(action)s.",
                open_count,
            )
            % {"n": open_count, "action": action}
        )


def _cancel_open_reviews(resource: Resource, actor: User | None) -> None:
    for assignment in resource.reviews.filter(status__in=ReviewAssignment.OPEN_STATUSES):
        assignment.status = ReviewAssignment.Status.CANCELLED
        assignment._history_user = actor
        assignment.save()
