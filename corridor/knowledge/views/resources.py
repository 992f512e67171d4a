"""The repository's pages, and a submitter's: reading, versions, history, writing, submitting."""

import copy

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from corridor.core.permissions import is_member, is_reviewer, is_secretariat
from corridor.knowledge import selectors, services
from corridor.knowledge.access import access_resource
from corridor.knowledge.diff import record_diff
from corridor.knowledge.forms import (
    LANGUAGE_NAMES,
    FileUploadForm,
    NoteForm,
    ResourceCreateForm,
    ResourceFilterForm,
    ResourceForm,
    ResourceSecretariatForm,
    WithdrawForm,
)
from corridor.knowledge.models import Resource
from corridor.knowledge.views.common import Status, _run, _signed_in


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
