# Placeholder views, replaced by the directory pages work.
from django.http import HttpResponse


def organisation_list(request):
    return HttpResponse("organisations")


def organisation_detail(request, slug):
    return HttpResponse(slug)


def group_list(request):
    return HttpResponse("groups")


def group_detail(request, slug):
    return HttpResponse(slug)


def person_detail(request, pk):
    return HttpResponse(str(pk))


def profile(request):
    return HttpResponse("profile")
