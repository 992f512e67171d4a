from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from corridor.core import selectors

COUNT_LABELS = {
    "workplans": _("workplans"),
    "workstreams": _("workstreams and items"),
    "organisations": _("organisations"),
    "groups": _("groups"),
    "resources": _("knowledge resources"),
    "research_topics": _("research topics"),
    "events": _("events"),
    "objectives": _("GCM objectives"),
    "countries": _("countries and territories"),
}


def home(request):
    counts = [
        {"label": COUNT_LABELS[key], "count": count, "url_name": url_name}
        for key, count, url_name in selectors.platform_counts(user=request.user)
    ]
    changes = selectors.latest_changes(user=request.user)
    return render(request, "core/home.html", {"counts": counts, "changes": changes})
