"""The directory's pages: organisations, groups, people and one's own profile."""

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from corridor.core.permissions import is_secretariat
from corridor.directory import selectors, services
from corridor.directory.access import access_group, access_organisation, access_person
from corridor.directory.forms import (
    OrganisationFilterForm,
    OrganisationForm,
    OrganisationSecretariatForm,
    ProfileForm,
)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's validation errors on the form: by field where it has one, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@require_safe
def organisation_list(request):
    form = OrganisationFilterForm(request.GET)
    form.is_valid()
    filters = form.filters()
    organisations = selectors.organisation_list(user=request.user, **filters)
    page = Paginator(organisations, settings.CORRIDOR_PAGE_SIZE).get_page(request.GET.get("page"))
    facets = selectors.organisation_facets(user=request.user, **filters)
    return render(
        request,
        "directory/organisation_list.html",
        {"form": form, "filters": filters, "facets": facets, "page": page},
    )


@require_safe
def organisation_detail(request, slug):
    organisation = access_organisation(request.user, slug)
    profile = selectors.organisation_profile(user=request.user, organisation=organisation)
    can_edit = request.user.has_perm("directory.change_organisation", organisation)
    return render(
        request,
        "directory/organisation_detail.html",
        {"organisation": organisation, "profile": profile, "can_edit": can_edit},
    )


@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = access_organisation(request.user, slug, perm="directory.change_organisation")
    form_class = OrganisationSecretariatForm if is_secretariat(request.user) else OrganisationForm
    # The form validates a copy, so the page keeps showing the saved organisation until it is saved.
    posted = request.method == "POST"
    form = form_class(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=copy.copy(organisation),
    )
    if posted and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation, actor=request.user, data=form.changes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation's profile has been saved."))
            return redirect(organisation)
    return render(
        request, "directory/organisation_form.html", {"organisation": organisation, "form": form}
    )


@require_safe
def group_list(request):
    groups = selectors.group_tree(user=request.user)
    return render(request, "directory/group_list.html", {"groups": groups})


@require_safe
def group_detail(request, slug):
    group = access_group(request.user, slug)
    return render(
        request,
        "directory/group_detail.html",
        {
            "group": group,
            "roles": selectors.group_members(user=request.user, group=group),
            "workplans": selectors.group_workplans(user=request.user, group=group),
        },
    )


@require_safe
def person_detail(request, pk):
    person = access_person(request.user, pk)
    return render(
        request,
        "directory/person_detail.html",
        {
            "person": person,
            "sees_real_name": request.user.has_perm("directory.view_real_name", person),
            "is_self": request.user.pk == person.pk,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    person = access_person(request.user, request.user.pk, perm="directory.change_person")
    posted = request.method == "POST"
    form = ProfileForm(request.POST if posted else None, instance=copy.copy(person))
    if posted and form.is_valid():
        try:
            services.person_update_profile(person=person, actor=request.user, data=form.changes())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect("directory:profile")
    return render(request, "directory/profile.html", {"person": person, "form": form})
