"""Resources: writing them, and their way from draft to publication and withdrawal; calls for
practices."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from corridor.core.errors import ApplicationError
from corridor.core.permissions import is_secretariat
from corridor.directory.models import User
from corridor.knowledge import notifications
from corridor.knowledge.models import (
    Audience,
    CallForPractices,
    Resource,
)
from corridor.knowledge.services.common import (
    Event,
    Status,
    _cancel_open_reviews,
    _open_reviews_block,
    _record,
    _refresh_search,
    _require,
    _require_status,
    _save,
    _tell_submitter,
)
from corridor.knowledge.services.uploads import _attach, _checked_uploads

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
