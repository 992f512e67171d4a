"""The secretariat's and the reviewers' pages: the queue, managing a submission, reviewing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from corridor.knowledge import selectors, services
from corridor.knowledge.access import access_assignment, access_resource
from corridor.knowledge.forms import (
    AssignReviewersForm,
    ConflictForm,
    DecisionForm,
    ReviewForm,
    ScreenForm,
    WithdrawForm,
)
from corridor.knowledge.models import ReviewAssignment
from corridor.knowledge.views.common import Status, _run, _secretariat, _signed_in


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
