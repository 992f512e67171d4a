from django import forms
from django.utils.translation import gettext_lazy as _

from corridor.directory.forms import FilterForm
from corridor.directory.models import Organisation
from corridor.taxonomy.models import Objective, ThematicArea
from corridor.workplans.models import Workplan, Workstream, WorkstreamOrganisation

SEARCH_MAX_LENGTH = 200


def _objective_choices():
    return [("", _("All objectives"))] + [
        (objective.number, str(objective)) for objective in Objective.objects.order_by("number")
    ]


def _thematic_area_choices():
    return [("", _("All thematic areas"))] + [
        (area.number, str(area)) for area in ThematicArea.objects.order_by("number")
    ]


def _workplan_choices():
    return [("", _("All workplans"))] + list(
        Workplan.objects.order_by("-issued", "title").values_list("slug", "title")
    )


def _organisation_choices():
    involved = WorkstreamOrganisation.objects.filter(
        role__in=[WorkstreamOrganisation.Role.LEAD, WorkstreamOrganisation.Role.PARTICIPANT]
    ).values("organisation_id")
    return [("", _("Any organisation"))] + list(
        Organisation.objects.filter(pk__in=involved).order_by("name").values_list("slug", "name")
    )


class WorkstreamFilterForm(FilterForm):
    """Validates the workstream list's filters, for the page and for the API, and draws them.

    Each choice query runs once, and only when the filter is used or its select is drawn.
    """

    q = forms.CharField(
        label=_("Words"), required=False, max_length=SEARCH_MAX_LENGTH, widget=forms.SearchInput
    )
    objective = forms.TypedChoiceField(
        label=_("GCM objective"), required=False, coerce=int, empty_value=None
    )
    thematic_area = forms.TypedChoiceField(
        label=_("Thematic area"), required=False, coerce=int, empty_value=None
    )
    organisation = forms.ChoiceField(label=_("Organisation (lead or participant)"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status"))] + Workstream.Status.choices,
    )
    workplan = forms.ChoiceField(label=_("Workplan"), required=False)

    query_choices = {
        "objective": _objective_choices,
        "thematic_area": _thematic_area_choices,
        "organisation": _organisation_choices,
        "workplan": _workplan_choices,
    }
