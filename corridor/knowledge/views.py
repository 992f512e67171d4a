"""The knowledge platform's pages: the repository, submitting, peer review, history and calls."""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from corridor.core.errors import ApplicationError
from corridor.core.permissions import is_member, is_reviewer, is_secretariat
from corridor.knowledge import selectors, services
from corridor.knowledge.access import access_assignment, access_resource
from corridor.knowledge.diff import record_diff
from corridor.knowledge.forms import (
    LANGUAGE_NAMES,
    AssignReviewersForm,
    CallForm,
    ConflictForm,
    DecisionForm,
    FileUploadForm,
    NoteForm,
    ResourceCreateForm,
    ResourceFilterForm,
    ResourceForm,
    ResourceSecretariatForm,
    ReviewForm,
    ScreenForm,
    WithdrawForm,
    add_service_errors,
)
from corridor.knowledge.models import Resource, ReviewAssignment

Status = Resource.Status


def _signed_in(request):
    """A redirect to the sign-in page for a visitor, else None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _run(request, form, action):
    """Call a service; show a person's error on the form (or as a message). True if it worked."""
    try:
        action()
    except ValidationError as error:
        if form is not None:
            add_service_errors(form, error)
        else:
            for message in error.messages:
                messages.error(request, message)
        return False
    except ApplicationError as error:
        if form is not None:
            form.add_error(None, error.message)
        else:
            messages.error(request, error.message)
        return False
    return True


# -- the repository ------------------------------------------------------------------------------


@require_safe
def resource_list(request):
    form = ResourceFilterForm(request.GET)
    type_filter = form.cleaned_data["type"] if form.is_valid() else ""
    resources = selectors.resource_list(
        user=request.user, type=type_filter or None, status=Status.PUBLISHED
    )
    page = Paginator(resources, settings.CORRIDOR_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/resource_list.html",
        {
            "page": page,
            "types": Resource.Type.choices,
            "type_filter": type_filter,
            "open_calls": selectors.call_open_list()[:3],
            "can_submit": is_member(request.user),
            "is_reviewer": is_reviewer(request.user),
            "is_secretariat": is_secretariat(request.user),
        },
    )


def _tombstone(request, slug):
    resource = selectors.resource_tombstone_get(user=request.user, slug=slug)
    if resource is None:
        raise Http404
    return render(
        request,
        "knowledge/resource_tombstone.html",
        {
            "resource": resource,
            "can_see_history": request.user.has_perm("knowledge.view_resource_history", resource),
        },
        status=410,
    )


@require_safe
def resource_detail(request, slug):
    resource = selectors.resource_detail_get(user=request.user, slug=slug)
    if resource is None or (resource.status == Status.WITHDRAWN and resource.was_published):
        return _tombstone(request, slug)
    user = request.user
    return render(
        request,
        "knowledge/resource_detail.html",
        {
            "resource": resource,
            "versions": selectors.resource_published_versions(resource=resource),
            "language_names": LANGUAGE_NAMES,
            "can_edit": user.has_perm("knowledge.edit_resource", resource),
            "can_see_status": user.has_perm("knowledge.view_resource_log", resource),
            "can_see_history": user.has_perm("knowledge.view_resource_history", resource),
            "can_manage": is_secretariat(user),
        },
    )


@require_safe
def resource_version(request, slug, number):
    resource = selectors.resource_get(user=request.user, slug=slug)
    if resource is None or (resource.status == Status.WITHDRAWN and resource.was_published):
        return _tombstone(request, slug)
    record = selectors.resource_version_get(resource=resource, number=number)
    if record is None:
        raise Http404
    return render(
        request,
        "knowledge/resource_version.html",
        {"resource": resource, "record": record, "number": number},
    )


@require_safe
def file_download(request, slug, pk):
    record = selectors.resource_file_get(user=request.user, slug=slug, pk=pk)
    if record is None:
        raise Http404
    content_type = (
        "application/pdf"
        if record.kind == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = FileResponse(
        record.file.open("rb"),
        as_attachment=record.kind != "pdf",
        filename=record.original_name,
        content_type=content_type,
    )
    if record.resource.status != Status.PUBLISHED:
        response["Cache-Control"] = "private, no-store"
    return response


# -- history -------------------------------------------------------------------------------------


@require_safe
def resource_history(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.view_resource_history")
    records = selectors.resource_history(resource=resource)
    return render(
        request, "knowledge/resource_history.html", {"resource": resource, "records": records}
    )


@require_safe
def resource_diff(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.view_resource_history")
    try:
        ids = sorted({int(request.GET.get("from", "")), int(request.GET.get("to", ""))})
    except ValueError:
        raise Http404 from None
    if len(ids) != 2 or not all(selectors.valid_id(i) for i in ids):
        raise Http404
    records = {r.history_id: r for r in resource.history.filter(history_id__in=ids)}
    if len(records) != 2:
        raise Http404
    old, new = records[ids[0]], records[ids[1]]
    return render(
        request,
        "knowledge/resource_diff.html",
        {"resource": resource, "old": old, "new": new, "changes": record_diff(old, new)},
    )


# -- writing and submitting ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def resource_create(request):
    if response := _signed_in(request):
        return response
    if not request.user.has_perm("knowledge.create_resource"):
        raise PermissionDenied
    call = None
    if request.GET.get("call"):
        call = selectors.call_get(user=request.user, slug=request.GET["call"])
    posted = request.method == "POST"
    form = ResourceCreateForm(
        request.POST if posted else None, request.FILES if posted else None, call=call
    )
    if posted and form.is_valid():
        upload = form.cleaned_data.get("file")
        data = form.data_for_create()
        result = {}

        def create():
            result["resource"] = services.resource_create(
                actor=request.user, data=data, uploads=[upload] if upload else []
            )

        if _run(request, form, create):
            messages.success(
                request,
                _("Your draft is saved. Add files if you wish, then submit it for review."),
            )
            return redirect("knowledge:resource_edit", slug=result["resource"].slug)
    return render(request, "knowledge/resource_form.html", {"form": form, "call": call})


@require_http_methods(["GET", "POST"])
def resource_edit(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.edit_resource")
    form_class = ResourceSecretariatForm if is_secretariat(request.user) else ResourceForm
    posted = request.method == "POST"
    form = form_class(request.POST if posted else None, instance=copy.copy(resource))
    if posted and form.is_valid():
        changes = form.changes()
        if _run(
            request,
            form,
            lambda: services.resource_update(resource=resource, actor=request.user, data=changes),
        ):
            messages.success(request, _("Your changes are saved."))
            return redirect("knowledge:resource_edit", slug=resource.slug)
    return render(
        request,
        "knowledge/resource_form.html",
        {
            "form": form,
            "resource": resource,
            "files": resource.files.all(),
            "upload_form": FileUploadForm(),
            "can_submit": request.user.has_perm("knowledge.submit_resource", resource),
            "similar_research": _similar_research(request.user, resource),
        },
    )


def _similar_research(user, resource):
    if resource.type != Resource.Type.RESEARCH or resource.status == Status.PUBLISHED:
        return []
    return selectors.similar_ongoing_research(
        user=user, title=resource.title, summary=resource.summary, exclude_pk=resource.pk
    )


@require_POST
def file_add(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.edit_resource")
    form = FileUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
    elif _run(
        request,
        None,
        lambda: services.resource_add_file(
            resource=resource, actor=request.user, upload=form.cleaned_data["file"]
        ),
    ):
        messages.success(
            request, _("The file is attached. Its text will be extracted in a moment.")
        )
    return redirect("knowledge:resource_edit", slug=resource.slug)


@require_POST
def file_remove(request, slug, pk):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.edit_resource")
    record = resource.files.filter(pk=pk).first()
    if record is None:
        raise Http404
    if _run(request, None, lambda: services.resource_remove_file(file=record, actor=request.user)):
        messages.success(request, _("The file is removed."))
    return redirect("knowledge:resource_edit", slug=resource.slug)


@require_POST
def resource_submit(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug)
    if resource.submitter_id != request.user.pk:
        raise PermissionDenied
    form = NoteForm(request.POST)
    form.is_valid()
    note = form.cleaned_data.get("note", "")
    if resource.status == Status.REVISING:
        done = _run(
            request,
            None,
            lambda: services.resource_resubmit(resource=resource, actor=request.user, note=note),
        )
    else:
        done = _run(
            request, None, lambda: services.resource_submit(resource=resource, actor=request.user)
        )
    if done:
        messages.success(request, _("Submitted. The secretariat will be in touch."))
        return redirect("knowledge:submission_status", slug=resource.slug)
    return redirect("knowledge:resource_edit", slug=resource.slug)


@require_http_methods(["GET", "POST"])
def resource_withdraw(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug)
    allowed = is_secretariat(request.user) or (
        resource.submitter_id == request.user.pk and resource.status != Status.PUBLISHED
    )
    if not allowed or resource.status in {Status.WITHDRAWN, Status.REJECTED}:
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if _run(
            request,
            form,
            lambda: services.resource_withdraw(
                resource=resource, actor=request.user, reason=reason
            ),
        ):
            messages.success(request, _("Withdrawn."))
            return redirect(resource.get_absolute_url())
    return render(request, "knowledge/resource_withdraw.html", {"resource": resource, "form": form})


# -- where a submission stands -------------------------------------------------------------------


@require_safe
def my_submissions(request):
    if response := _signed_in(request):
        return response
    return render(
        request,
        "knowledge/my_submissions.html",
        {
            "submissions": selectors.submission_list_for_submitter(user=request.user),
            "can_submit": is_member(request.user),
        },
    )


@require_safe
def submission_status(request, slug):
    if response := _signed_in(request):
        return response
    resource = access_resource(request.user, slug, perm="knowledge.view_resource_log")
    is_submitter = resource.submitter_id == request.user.pk
    return render(
        request,
        "knowledge/submission_status.html",
        {
            "resource": resource,
            "events": selectors.review_events(resource=resource, for_submitter=True),
            "reviews": selectors.reviews_for_submitter(resource=resource),
            "is_submitter": is_submitter,
            "can_edit": request.user.has_perm("knowledge.edit_resource", resource),
            "can_submit": is_submitter and resource.status in {Status.DRAFT, Status.REVISING},
            "can_withdraw": is_submitter
            and resource.status
            in {Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.REVISING},
            "note_form": NoteForm(),
            "similar_research": _similar_research(request.user, resource),
        },
    )


# -- the secretariat -----------------------------------------------------------------------------


def _secretariat(request):
    if response := _signed_in(request):
        return response
    if not is_secretariat(request.user):
        raise PermissionDenied
    return None


@require_safe
def submission_queue(request):
    if response := _secretariat(request):
        return response
    status = request.GET.get("status", "")
    if status not in {Status.SUBMITTED, Status.IN_REVIEW, Status.REVISING}:
        status = ""
    return render(
        request,
        "knowledge/submission_queue.html",
        {
            "submissions": selectors.submission_queue(status=status or None),
            "status": status,
            "statuses": [
                (s, Status(s).label) for s in (Status.SUBMITTED, Status.IN_REVIEW, Status.REVISING)
            ],
        },
    )


def _manage_context(resource, **forms):
    assignments = list(selectors.review_assignments(resource=resource))
    rounds = {}
    for assignment in assignments:
        rounds.setdefault(assignment.round, []).append(assignment)
    context = {
        "resource": resource,
        "rounds": sorted(rounds.items(), reverse=True),
        "events": selectors.review_events(resource=resource, for_submitter=False),
        "screen_form": ScreenForm(),
        "assign_form": AssignReviewersForm(resource=resource),
        "decision_form": DecisionForm(),
        "withdraw_form": WithdrawForm(),
    }
    context.update(forms)
    return context


@require_safe
def resource_manage(request, slug):
    if response := _secretariat(request):
        return response
    resource = access_resource(request.user, slug)
    return render(request, "knowledge/resource_manage.html", _manage_context(resource))


@require_POST
def resource_manage_action(request, slug, action):
    if response := _secretariat(request):
        return response
    resource = access_resource(request.user, slug)
    actor = request.user
    if action == "screen":
        form = ScreenForm(request.POST)
        key = "screen_form"

        def act():
            decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
            if decision == "publish":
                services.resource_publish(resource=resource, actor=actor, note=note)
            else:
                services.resource_screen(
                    resource=resource, actor=actor, accept=decision == "accept", note=note
                )

    elif action == "assign":
        form = AssignReviewersForm(request.POST, resource=resource)
        key = "assign_form"

        def act():
            services.resource_assign_reviewers(
                resource=resource,
                actor=actor,
                reviewers=list(form.cleaned_data["reviewers"]),
                due_on=form.cleaned_data["due_on"],
                allow_incomplete_panel=form.cleaned_data["allow_incomplete_panel"],
            )

    elif action == "decide":
        form = DecisionForm(request.POST)
        key = "decision_form"

        def act():
            decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
            if decision == "publish":
                services.resource_publish(resource=resource, actor=actor, note=note)
            elif decision == "revise":
                services.resource_request_revision(resource=resource, actor=actor, note=note)
            else:
                services.resource_reject(resource=resource, actor=actor, note=note)

    elif action == "remove-reviewer":
        assignment_id = request.POST.get("assignment", "")
        assignment = (
            resource.reviews.filter(pk=int(assignment_id)).first()
            if assignment_id.isdigit() and selectors.valid_id(int(assignment_id))
            else None
        )
        if assignment is None:
            raise Http404
        if _run(request, None, lambda: services.review_remove(assignment=assignment, actor=actor)):
            messages.success(request, _("The reviewer is removed."))
        return redirect("knowledge:resource_manage", slug=resource.slug)
    else:
        raise Http404
    if form.is_valid() and _run(request, form, act):
        messages.success(
            request,
            _("Done: the resource is now %(status)s.")
            % {"status": resource.get_status_display().lower()},
        )
        return redirect("knowledge:resource_manage", slug=resource.slug)
    return render(
        request, "knowledge/resource_manage.html", _manage_context(resource, **{key: form})
    )


# -- reviewers -----------------------------------------------------------------------------------


@require_safe
def review_list(request):
    if response := _signed_in(request):
        return response
    return render(
        request,
        "knowledge/review_list.html",
        {"assignments": selectors.assignment_list_for_reviewer(user=request.user)},
    )


@require_http_methods(["GET", "POST"])
def review_detail(request, pk):
    if response := _signed_in(request):
        return response
    assignment = access_assignment(request.user, pk)
    resource = assignment.resource
    conflict_form = review_form = None
    posted = request.method == "POST"
    if assignment.status == ReviewAssignment.Status.INVITED:
        conflict_form = ConflictForm(request.POST if posted else None)
        if posted and conflict_form.is_valid():
            data = conflict_form.cleaned_data
            if _run(
                request,
                conflict_form,
                lambda: services.review_declare_conflict(
                    assignment=assignment,
                    actor=request.user,
                    has_conflict=data["has_conflict"],
                    note=data["conflict_note"],
                ),
            ):
                messages.success(
                    request,
                    _("Thank you. The secretariat has been told.")
                    if data["has_conflict"]
                    else _("Thank you. You can now read the submission and review it."),
                )
                return redirect(assignment)
    elif assignment.status == ReviewAssignment.Status.ACCEPTED:
        review_form = ReviewForm(request.POST if posted else None)
        if posted and review_form.is_valid():
            data = review_form.cleaned_data
            if _run(
                request,
                review_form,
                lambda: services.review_submit(assignment=assignment, actor=request.user, **data),
            ):
                messages.success(request, _("Thank you: your review is submitted."))
                return redirect(assignment)
    elif posted:
        raise PermissionDenied
    sees_submission = assignment.status in {
        ReviewAssignment.Status.ACCEPTED,
        ReviewAssignment.Status.SUBMITTED,
    }
    return render(
        request,
        "knowledge/review_detail.html",
        {
            "assignment": assignment,
            "resource": resource,
            "sees_submission": sees_submission,
            "files": resource.files.all() if sees_submission else [],
            "authors": resource.authors.all(),
            "conflict_form": conflict_form,
            "review_form": review_form,
            "other_reviews": selectors.reviews_for_reviewer(assignment=assignment),
        },
    )


# -- calls for practices -------------------------------------------------------------------------


@require_safe
def call_list(request):
    return render(
        request,
        "knowledge/call_list.html",
        {
            "calls": selectors.call_list(user=request.user),
            "can_create": is_secretariat(request.user),
        },
    )


@require_safe
def call_detail(request, slug):
    call = selectors.call_get(user=request.user, slug=slug)
    if call is None:
        raise Http404
    answers = selectors.resource_list(user=request.user, status=Status.PUBLISHED).filter(call=call)
    return render(
        request,
        "knowledge/call_detail.html",
        {
            "call": call,
            "answers": answers,
            "can_answer": call.is_open() and is_member(request.user),
            "answer_url": f"{reverse('knowledge:resource_create')}?call={call.slug}",
        },
    )


@require_http_methods(["GET", "POST"])
def call_create(request):
    if response := _secretariat(request):
        return response
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = {}

        def create():
            result["call"] = services.call_create(actor=request.user, **form.service_arguments())

        if _run(request, form, create):
            messages.success(request, _("The call is saved."))
            return redirect(result["call"])
    return render(request, "knowledge/call_form.html", {"form": form})
