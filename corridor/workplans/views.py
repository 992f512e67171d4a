# Placeholder views, replaced by the workplan pages work.
from django.http import HttpResponse


def workplan_list(request):
    return HttpResponse("workplans")


def workstream_list(request):
    return HttpResponse("workstreams")


def workplan_detail(request, slug):
    return HttpResponse(slug)


def workstream_detail(request, workplan_slug, slug):
    return HttpResponse(slug)
