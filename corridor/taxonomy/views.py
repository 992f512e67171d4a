"""The vocabulary's pages: everything on one page, and one page per GCM objective."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from corridor.taxonomy import selectors


@require_safe
def index(request):
    """Objectives, principles, thematic areas, themes, SDG targets, regions and their countries."""
    context = {
        "objectives": selectors.objective_list(),
        "principles": selectors.principle_list(),
        "thematic_areas": selectors.thematic_area_list(),
        "themes": selectors.theme_list(),
        "sdg_targets": selectors.sdg_target_list(),
        "region_tree": selectors.region_tree(),
    }
    return render(request, "taxonomy/index.html", context)


@require_safe
def objective_detail(request, number: int):
    objective = selectors.objective_get(number=number)
    if objective is None:
        raise Http404("No such GCM objective.")
    context = {
        "objective": objective,
        "thematic_areas": list(objective.thematic_areas.all()),
        "workstreams": list(selectors.objective_workstreams(objective=objective)),
        "neighbours": selectors.objective_neighbours(objective=objective),
    }
    return render(request, "taxonomy/objective_detail.html", context)
