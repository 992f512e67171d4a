"""Writes for the knowledge platform: resources and their files, and every step of peer review.

Each service checks that ``actor`` may act (``actor=None`` is the system itself: a management
command), validates, saves with ``full_clean()``, records the step as a ``ReviewEvent``, queues the
emails and background work after commit, and returns the object. A person's mistake raises
``ApplicationError`` (or ``ValidationError`` for a field) with a message for them.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from corridor.core.errors import ApplicationError
from corridor.core.permissions import is_reviewer, is_secretariat
from corridor.directory.models import Affiliation, User
from corridor.knowledge import files as documents
from corridor.knowledge import notifications, selectors
from corridor.knowledge.models import (
    Audience,
    CallForPractices,
    Resource,
    ResourceFile,
    ReviewAssignment,
    ReviewEvent,
)
from corridor.search.services import document_refresh

logger = logging.getLogger(__name__)

Status = Resource.Status
Event = ReviewEvent.Kind
Recommendation = ReviewAssignment.Recommendation

# What a submitter (and the secretariat) may set on a resource; status, slug, versions and the
# review fields change only through the workflow services below.
CONTENT_FIELDS = frozenset(
    {
        "type",
        "title",
        "summary",
        "body",
        "language",
        "other_languages",
        "visibility",
        "published_on",
        "publisher",
        "group",
        "workstream",
        "audiences",
        "scope",
        "source",
        "links",
        "licence",
        "research_status",
        "lead_organisation",
        "expected_on",
        "plan_country",
        "plan_status",
        "period_start",
        "period_end",
        "repository",
        "call",
    }
)
M2M_FIELDS = frozenset(
    {
        "authors",
        "partners",
        "countries",
        "regions",
        "objectives",
        "principles",
        "thematic_areas",
        "themes",
    }
)
SECRETARIAT_FIELDS = frozenset({"last_reviewed_on"})
ALL_FIELDS = CONTENT_FIELDS | M2M_FIELDS | SECRETARIAT_FIELDS

# Fields that belong to one type only; they are emptied when a resource is of another type.
TYPE_FIELDS = {
    Resource.Type.RESEARCH: {"research_status", "lead_organisation", "partners", "expected_on"},
    Resource.Type.NATIONAL_PLAN: {"plan_country", "plan_status", "period_start", "period_end"},
    Resource.Type.PRACTICE: {"repository"},
}
SUMMARY_MAX_LENGTH = 2_000
BODY_MAX_LENGTH = 200_000
MAX_LINKS = 20


def review_days() -> int:
    return getattr(settings, "KNOWLEDGE_REVIEW_DAYS", 21)


def panel_minimum() -> tuple[int, int]:
    """(internal, external) reviewers a panel needs by default."""
    return (
        getattr(settings, "KNOWLEDGE_REVIEW_MIN_INTERNAL", 1),
        getattr(settings, "KNOWLEDGE_REVIEW_MIN_EXTERNAL", 2),
    )


# -- helpers -------------------------------------------------------------------------------------


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


def _unique_slug(title: str) -> str:
    base = slugify(title)[:100].strip("-") or f"resource-{uuid.uuid4().hex[:8]}"
    slug, n = base, 2
    while Resource.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _clean_links(links: Any) -> list[dict]:
    cleaned = []
    validate = URLValidator(schemes=["http", "https"])
    for link in links or []:
        url = (link.get("url") or "").strip()
        title = (link.get("title") or "").strip()[:200]
        try:
            validate(url)
        except ValidationError as error:
            raise ValidationError(
                {"links": _("%(url)s is not a web address (http:// or https://).") % {"url": url}}
            ) from error
        cleaned.append({"url": url, "title": title})
    if len(cleaned) > MAX_LINKS:
        raise ValidationError({"links": _("Give at most %(n)s links.") % {"n": MAX_LINKS}})
    return cleaned


def _apply(resource: Resource, data: dict[str, Any], *, actor: User | None) -> dict[str, Any]:
    """Set the simple fields of ``data`` on ``resource``; return the many-to-many ones."""
    unknown = set(data) - ALL_FIELDS
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if set(data) & SECRETARIAT_FIELDS and actor is not None and not is_secretariat(actor):
        raise PermissionDenied
    m2m = {name: value for name, value in data.items() if name in M2M_FIELDS}
    for name, value in data.items():
        if name in M2M_FIELDS:
            continue
        if name == "links":
            value = _clean_links(value)
        elif name in {"other_languages", "audiences"}:
            value = [str(code) for code in (value or [])]
        elif name in {"title", "summary", "source"}:
            value = (value or "").strip()
        elif value is None and isinstance(Resource._meta.get_field(name).default, str):
            value = ""
        setattr(resource, name, value)
    for type_, names in TYPE_FIELDS.items():
        if resource.type == type_:
            continue
        for name in names:
            if name in M2M_FIELDS:
                m2m[name] = []
            else:
                field = Resource._meta.get_field(name)
                setattr(resource, name, None if field.null else "")
    errors = {}
    if len(resource.summary) > SUMMARY_MAX_LENGTH:
        errors["summary"] = _("Keep the summary under %(n)s characters.") % {
            "n": SUMMARY_MAX_LENGTH
        }
    if len(resource.body) > BODY_MAX_LENGTH:
        errors["body"] = _("Keep the text under %(n)s characters.") % {"n": BODY_MAX_LENGTH}
    audiences = set(Audience.values)
    if any(code not in audiences for code in resource.audiences):
        errors["audiences"] = _("Choose audiences from the list.")
    if (
        resource.period_start
        and resource.period_end
        and resource.period_end < resource.period_start
    ):
        errors["period_end"] = _("The period cannot end before it starts.")
    if errors:
        raise ValidationError(errors)
    return m2m


def _set_m2m(resource: Resource, m2m: dict[str, Iterable]) -> None:
    for name, values in m2m.items():
        getattr(resource, name).set(list(values or []))


def _check_complete(resource: Resource) -> None:
    """What a submission needs before the secretariat sees it."""
    missing = []
    if not resource.summary:
        missing.append(_("a summary"))
    if not resource.language:
        missing.append(_("the language"))
    if resource.type == Resource.Type.RESEARCH:
        if not resource.research_status:
            missing.append(_("the research status"))
        if resource.lead_organisation_id is None:
            missing.append(_("the lead organisation"))
    if resource.type == Resource.Type.NATIONAL_PLAN:
        if resource.plan_country_id is None:
            missing.append(_("the country of the plan"))
        if not resource.plan_status:
            missing.append(_("the status of the plan"))
    if resource.type == Resource.Type.PRACTICE and not resource.repository:
        missing.append(_("the thematic repository"))
    if not resource.body and not resource.files.exists() and not resource.links:
        missing.append(_("a text, a file or a link"))
    if missing:
        raise ApplicationError(
            _("Before submitting, add %(missing)s.") % {"missing": ", ".join(missing)}
        )


def _check_call(resource: Resource) -> None:
    call = resource.call
    if call is not None and not call.is_open():
        raise ApplicationError(
            _("The call “%(call)s” is closed (its deadline was %(deadline)s).")
            % {"call": call.title, "deadline": call.deadline.isoformat()}
        )


def _resource_path(resource: Resource) -> str:
    return reverse("knowledge:resource_detail", args=[resource.slug])


# -- files ---------------------------------------------------------------------------------------


def _read_upload(upload) -> tuple[str, bytes]:
    """The name and bytes of an uploaded file (or a ``(name, bytes)`` pair), refusing a huge one
    before reading it."""
    if isinstance(upload, tuple):
        return upload
    name = upload.name.rsplit("/", 1)[-1]
    limit = documents.max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ApplicationError(documents.too_large_message(name, upload.size))
    upload.seek(0)
    return name, upload.read(limit + 1)


def _checked_uploads(uploads: Sequence) -> list[tuple[str, bytes, documents.CheckedFile]]:
    checked = []
    for upload in uploads:
        name, data = _read_upload(upload)
        checked.append((name, data, documents.check_file(data, name=name)))
    return checked


def _attach(
    resource: Resource, name: str, data: bytes, checked: documents.CheckedFile, actor
) -> ResourceFile:
    sha256 = hashlib.sha256(data).hexdigest()
    if resource.files.filter(sha256=sha256).exists():
        raise ApplicationError(_("%(name)s is already attached to this resource.") % {"name": name})
    stem = name.rsplit(".", 1)[0] if "." in name else name
    record = ResourceFile(
        resource=resource,
        original_name=f"{stem}.{checked.kind}"[:255],
        kind=checked.kind,
        size=checked.size,
        sha256=sha256,
        pages=checked.pages,
        uploaded_by=actor,
    )
    record.file = ContentFile(data, name=record.original_name)
    record.full_clean(exclude=["file"])
    record.save()
    from corridor.knowledge.tasks import extract_file_text

    transaction.on_commit(partial(extract_file_text.enqueue, record.pk))
    return record


@transaction.atomic
def resource_add_file(*, resource: Resource, actor: User | None, upload) -> ResourceFile:
    """Attach a PDF or DOCX; its text is extracted in the background after commit."""
    if actor is not None:
        _require(actor.has_perm("knowledge.edit_resource", resource))
    ((name, data, checked),) = _checked_uploads([upload])
    record = _attach(resource, name, data, checked, actor)
    resource._history_user = actor
    resource._change_reason = f"file added: {record.original_name}"[:100]
    resource.save(update_fields=["updated_at"])
    return record


@transaction.atomic
def resource_remove_file(*, file: ResourceFile, actor: User | None) -> None:
    resource = file.resource
    if actor is not None:
        _require(actor.has_perm("knowledge.edit_resource", resource))
    file.delete()  # the stored file stays: history and citations may refer to it
    if resource.status == Status.PUBLISHED:
        _refresh_search(resource)


@transaction.atomic
def file_extract_text(*, file_id: int) -> ResourceFile | None:
    """Extract a file's text and detect its language (the background task's body)."""
    record = (
        ResourceFile.objects.select_for_update().select_related("resource").filter(pk=file_id)
    ).first()
    if record is None:
        return None
    try:
        with record.file.open("rb") as handle:
            data = handle.read()
        text = documents.extract_text(data, record.kind)
    except Exception as error:  # a file that passed the checks may still defeat the extractor
        logger.exception("Text extraction failed for file %s", file_id)
        record.extraction = ResourceFile.Extraction.FAILED
        record.extraction_error = str(error)[:300]
        record.save(update_fields=["extraction", "extraction_error", "updated_at"])
        return record
    record.extracted_text = text
    record.language = documents.detect_language(text)
    record.extraction = ResourceFile.Extraction.DONE if text else ResourceFile.Extraction.EMPTY
    record.extraction_error = ""
    record.save(
        update_fields=["extracted_text", "language", "extraction", "extraction_error", "updated_at"]
    )
    resource = record.resource
    if not resource.language and record.language:
        resource.language = record.language
        _save(resource, actor=None, reason="language detected from its file")
    if resource.status == Status.PUBLISHED:
        _refresh_search(resource)
    return record


# -- resources -----------------------------------------------------------------------------------


@transaction.atomic
def resource_create(
    *,
    actor: User | None,
    data: dict[str, Any],
    uploads: Sequence = (),
    slug: str = "",
    publish: bool = False,
) -> Resource:
    """A new draft by ``actor`` (a member), with its files; nothing is saved if a file is bad.

    ``publish`` (the secretariat or the system only, e.g. a bulk import) publishes it at once.
    """
    if actor is not None:
        _require(actor.has_perm("knowledge.create_resource"))
        if publish:
            _require(is_secretariat(actor))
    checked = _checked_uploads(uploads)  # every file is judged before anything is written
    resource = Resource(submitter=actor, status=Status.DRAFT)
    m2m = _apply(resource, data, actor=actor)
    if not resource.title:
        raise ValidationError({"title": _("Give the resource a title.")})
    resource.slug = slug or _unique_slug(resource.title)
    if resource.call is not None:
        _check_call(resource)
    _save(resource, actor=actor, reason="created")
    _set_m2m(resource, m2m)
    for name, content, result in checked:
        _attach(resource, name, content, result, actor)
    _record(resource, Event.CREATED, actor=actor)
    if publish:
        _publish(resource, actor=actor, note="")
    return resource


@transaction.atomic
def resource_update(*, resource: Resource, actor: User | None, data: dict[str, Any]) -> Resource:
    """Change a resource's content. The submitter may while it is a draft or being revised; the
    secretariat at any time before withdrawal. A change to a published resource is a new
    published version."""
    if actor is not None:
        _require(actor.has_perm("knowledge.edit_resource", resource))
    if resource.status == Status.WITHDRAWN:
        raise ApplicationError(_("A withdrawn resource cannot be changed."))
    if not data:
        return resource  # nothing changed: no new version
    m2m = _apply(resource, data, actor=actor)
    if "call" in data and resource.call is not None and resource.status == Status.DRAFT:
        _check_call(resource)
    published = resource.status == Status.PUBLISHED
    if published:
        resource.version += 1
    _save(resource, actor=actor, reason="updated")
    _set_m2m(resource, m2m)
    if published:
        _record(
            resource, Event.UPDATED, actor=actor, note=_("Version %(n)s") % {"n": resource.version}
        )
        _refresh_search(resource)
    return resource


@transaction.atomic
def resource_submit(*, resource: Resource, actor: User) -> Resource:
    """draft -> submitted: the submitter hands the draft to the secretariat."""
    _require(actor.has_perm("knowledge.submit_resource", resource))
    _require_status(resource, Status.DRAFT, action=_("submitted"))
    _check_complete(resource)
    _check_call(resource)
    resource.status = Status.SUBMITTED
    resource.submitted_at = timezone.now()
    _save(resource, actor=actor, reason="submitted")
    _record(resource, Event.SUBMITTED, actor=actor)
    notifications.notify(
        users=notifications.secretariat_people(),
        subject=gettext_lazy("New submission: %(title)s"),
        body=gettext_lazy(
            "%(title)s was submitted to the knowledge platform and awaits screening.\n\n%(url)s"
        ),
        params={
            "title": resource.title,
            "url": notifications.absolute(
                reverse("knowledge:resource_manage", args=[resource.slug])
            ),
        },
    )
    return resource


@transaction.atomic
def resource_screen(*, resource: Resource, actor: User, accept: bool, note: str = "") -> Resource:
    """submitted -> in_review (accepted for peer review) or rejected, by the secretariat."""
    _require(is_secretariat(actor))
    _require_status(resource, Status.SUBMITTED, action=_("screened"))
    if not accept:
        return _reject(resource, actor=actor, note=note)
    resource.status = Status.IN_REVIEW
    resource.review_round = max(resource.review_round, 1)
    _save(resource, actor=actor, reason="accepted for review")
    _record(resource, Event.SCREENED_IN, actor=actor, note=note)
    _tell_submitter(
        resource,
        subject=gettext_lazy("Your submission is in peer review: %(title)s"),
        body=gettext_lazy(
            "The secretariat accepted %(title)s for peer review. Follow it at %(url)s"
        ),
    )
    return resource


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


# -- reviewers -----------------------------------------------------------------------------------


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


# -- decisions -----------------------------------------------------------------------------------


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


@transaction.atomic
def resource_request_revision(*, resource: Resource, actor: User, note: str) -> Resource:
    """in_review -> revising: the secretariat sends the reviews back to the submitter."""
    _require(is_secretariat(actor))
    _require_status(resource, Status.IN_REVIEW, action=_("sent back for revision"))
    _open_reviews_block(resource, _("ask for a revision"))
    resource.status = Status.REVISING
    _save(resource, actor=actor, reason="revision requested")
    _record(resource, Event.REVISION_REQUESTED, actor=actor, note=(note or "").strip())
    _tell_submitter(
        resource,
        subject=gettext_lazy("Please revise: %(title)s"),
        body=gettext_lazy(
            "The reviewers and the secretariat ask you to revise %(title)s. Their comments are on "
            "your submissions page:\n\n%(url)s"
        ),
    )
    return resource


@transaction.atomic
def resource_resubmit(*, resource: Resource, actor: User, note: str = "") -> Resource:
    """revising -> in_review, as a new review round: the submitter hands in the revision."""
    _require(resource.submitter_id == actor.pk)
    _require_status(resource, Status.REVISING, action=_("resubmitted"))
    _check_complete(resource)
    resource.status = Status.IN_REVIEW
    resource.review_round += 1
    _save(resource, actor=actor, reason="revision submitted")
    _record(resource, Event.RESUBMITTED, actor=actor, note=(note or "").strip())
    notifications.notify(
        users=notifications.secretariat_people(),
        subject=gettext_lazy("Revised: %(title)s"),
        body=gettext_lazy(
            "The submitter revised %(title)s. Publish it, or send it to reviewers again.\n\n%(url)s"
        ),
        params={
            "title": resource.title,
            "url": notifications.absolute(
                reverse("knowledge:resource_manage", args=[resource.slug])
            ),
        },
    )
    return resource


def _publish(resource: Resource, *, actor: User | None, note: str) -> None:
    now = timezone.now()
    resource.status = Status.PUBLISHED
    resource.version += 1
    resource.first_published_at = resource.first_published_at or now
    resource.published_on = resource.published_on or timezone.localdate(now)
    resource.last_reviewed_on = timezone.localdate(now)
    _save(resource, actor=actor, reason=f"published (version {resource.version})")
    _record(resource, Event.PUBLISHED, actor=actor, note=note)
    _refresh_search(resource)


@transaction.atomic
def resource_publish(*, resource: Resource, actor: User, note: str = "") -> Resource:
    """submitted or in_review -> published, by the secretariat.

    From "submitted" it skips peer review (for a statement or a blog post, say); from "in review"
    every review of the round must be in, and a split decision's further review too.
    """
    _require(is_secretariat(actor))
    _require_status(resource, Status.SUBMITTED, Status.IN_REVIEW, action=_("published"))
    if resource.status == Status.IN_REVIEW:
        _open_reviews_block(resource, _("publish"))
    _publish(resource, actor=actor, note=(note or "").strip())
    _tell_submitter(
        resource,
        subject=gettext_lazy("Published: %(title)s"),
        body=gettext_lazy(
            "%(title)s is published on the knowledge platform. Thank you!\n\n%(url)s"
        ),
    )
    return resource


def _cancel_open_reviews(resource: Resource, actor: User | None) -> None:
    for assignment in resource.reviews.filter(status__in=ReviewAssignment.OPEN_STATUSES):
        assignment.status = ReviewAssignment.Status.CANCELLED
        assignment._history_user = actor
        assignment.save()


def _reject(resource: Resource, *, actor: User, note: str) -> Resource:
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Tell the submitter why it is not accepted.")})
    _cancel_open_reviews(resource, actor)
    resource.status = Status.REJECTED
    _save(resource, actor=actor, reason="not accepted")
    _record(resource, Event.REJECTED, actor=actor, note=note)
    _tell_submitter(
        resource,
        subject=gettext_lazy("Not accepted: %(title)s"),
        body=gettext_lazy(
            "The secretariat did not accept %(title)s for publication:\n\n%(note)s\n\n%(url)s"
        ),
        note=note,
    )
    return resource


@transaction.atomic
def resource_reject(*, resource: Resource, actor: User, note: str) -> Resource:
    """submitted, in_review or revising -> rejected, by the secretariat, with the reason."""
    _require(is_secretariat(actor))
    _require_status(
        resource, Status.SUBMITTED, Status.IN_REVIEW, Status.REVISING, action=_("declined")
    )
    return _reject(resource, actor=actor, note=note)


@transaction.atomic
def resource_withdraw(*, resource: Resource, actor: User | None, reason: str) -> Resource:
    """Withdraw a resource. The secretariat withdraws a published one (it leaves a tombstone with
    the reason); a submitter may withdraw their own submission before publication."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why it is withdrawn.")})
    if resource.status == Status.PUBLISHED:
        if actor is not None:
            _require(is_secretariat(actor))
    else:
        _require_status(
            resource,
            Status.DRAFT,
            Status.SUBMITTED,
            Status.IN_REVIEW,
            Status.REVISING,
            action=_("withdrawn"),
        )
        if actor is not None:
            _require(is_secretariat(actor) or resource.submitter_id == actor.pk)
    was_public = resource.status == Status.PUBLISHED
    _cancel_open_reviews(resource, actor)
    resource.status = Status.WITHDRAWN
    resource.withdrawn_at = timezone.now()
    resource.withdrawal_reason = reason
    _save(resource, actor=actor, reason="withdrawn")
    _record(resource, Event.WITHDRAWN, actor=actor, note=reason)
    if was_public:
        _refresh_search(resource)
    return resource


# -- reminders -----------------------------------------------------------------------------------


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


# -- calls for practices -------------------------------------------------------------------------


@transaction.atomic
def call_create(
    *, actor: User | None, data: dict[str, Any], themes=(), objectives=(), thematic_areas=()
) -> CallForPractices:
    if actor is not None:
        _require(is_secretariat(actor))
    call = CallForPractices(**data)
    if not call.slug:
        call.slug = slugify(call.title)[:100] or f"call-{uuid.uuid4().hex[:8]}"
    call.full_clean()
    call._history_user = actor
    call.save()
    call.themes.set(themes)
    call.objectives.set(objectives)
    call.thematic_areas.set(thematic_areas)
    return call
