from django import template

from corridor.core.permissions import person_display_name

register = template.Library()


@register.filter
def display_name(person, viewer):
    """``{{ person|display_name:user }}``: the name ``viewer`` may see (a pseudonym stays one)."""
    if person is None:
        return ""
    return person_display_name(viewer, person)
