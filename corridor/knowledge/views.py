from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from corridor.knowledge import selectors
from corridor.knowledge.models import Resource


def resource_list(request):
    type_filter = request.GET.get("type", "")
    if type_filter not in Resource.Type.values:
        type_filter = ""
    resources = selectors.resource_list(user=request.user, type=type_filter or None)
    page = Paginator(resources, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/resource_list.html",
        {"page": page, "types": Resource.Type.choices, "type_filter": type_filter},
    )


def resource_detail(request, slug):
    resource = selectors.resource_get(user=request.user, slug=slug)
    if resource is None:
        raise Http404
    return render(request, "knowledge/resource_detail.html", {"resource": resource})
