"""The search page: one box, every facet a link or a checkbox in the query string."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from corridor.search import selectors
from corridor.search.forms import SearchParams


@require_safe
def search(request):
    params = SearchParams.from_query(request.GET)
    page = selectors.search(
        user=request.user,
        q=params.q,
        filters=params.filters,
        sort=params.sort,
        page=params.page,
    )
    for facet in page.facets:
        for option in facet.selected:  # the checkboxes need no address; a removal link does
            option.url = params.toggled(facet.name, option.value)
    for option in page.types:
        option.url = params.with_type(option.value)
    active_filters = [
        (facet, option) for facet in page.facets for option in facet.options if option.selected
    ]
    type_filter = params.filters.get("type", [])
    context = {
        "params": params,
        "page": page,
        "active_filters": active_filters,
        "current_type": type_filter[0] if len(type_filter) == 1 else None,
        "all_types_url": params.with_type(None),
        "sorts": [
            (key, label, params.url(sort=key), key == page.sort)
            for key, label in selectors.SORTS.items()
        ],
        "suggestion_url": params.url(q=page.suggestion) if page.suggestion else "",
        "clear_filters_url": params.without_filters(),
    }
    return render(request, "search/search.html", context)
