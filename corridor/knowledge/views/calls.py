"""Calls for practices."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from corridor.core.permissions import is_member, is_secretariat
from corridor.knowledge import selectors, services
from corridor.knowledge.forms import (
    CallForm,
)
from corridor.knowledge.views.common import Status, _run, _secretariat


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
