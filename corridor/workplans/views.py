"""The workplans' pages: the list of workplans, a workplan's outline, workstreams and their history."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from corridor.workplans import selectors
from corridor.workplans.access import access_workplan, access_workstream
from corridor.workplans.forms import WorkstreamFilterForm


@require_safe
def workplan_list(request):
    workplans = selectors.workplan_list(user=request.user)
    page = Paginator(workplans, settings.CORRIDOR_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "workplans/workplan_list.html", {"page": page})


@require_safe
def workplan_detail(request, slug):
    workplan = access_workplan(request.user, slug)
    outline = selectors.workplan_outline(user=request.user, workplan=workplan)
    return render(
        request, "workplans/workplan_detail.html", {"workplan": workplan, "outline": outline}
    )


@require_safe
def workstream_list(request):
    form = WorkstreamFilterForm(request.GET)
    form.is_valid()
    filters = form.filters()
    workstreams = selectors.workstream_list(user=request.user, **filters)
    page = Paginator(workstreams, settings.CORRIDOR_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workplans/workstream_list.html",
        {"form": form, "page": page, "filtered": any(v is not None for v in filters.values())},
    )


@require_safe
def workstream_detail(request, workplan_slug, slug):
    workstream = access_workstream(request.user, workplan_slug, slug)
    return render(
        request,
        "workplans/workstream_detail.html",
        {
            "workstream": workstream,
            "workplan": workstream.workplan,
            "organisations": selectors.workstream_organisations(workstream),
            "history": selectors.workstream_history(user=request.user, workstream=workstream),
        },
    )
