from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.filter
def objective_url(objective) -> str:
    """The vocabulary page of a GCM objective: ``taxonomy:objective_detail`` by its number."""
    try:
        return reverse("taxonomy:objective_detail", args=[objective.number])
    except NoReverseMatch:
        # Until the vocabulary pages exist: the same address, in the current language.
        return f"{reverse('taxonomy:index')}objectives/{objective.number}/"


@register.filter
def heading_level(level) -> int:
    """A heading level for nested sections, never deeper than h6."""
    return min(int(level), 6)
