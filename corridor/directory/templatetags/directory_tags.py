from django import template

from corridor.core.permissions import person_display_name
from corridor.directory.selectors import person_pseudonym_note

register = template.Library()


@register.filter
def display_name(person, viewer):
    """``{{ person|display_name:user }}``: the name ``viewer`` may see (a pseudonym stays one)."""
    if person is None:
        return ""
    return person_display_name(viewer, person)


@register.filter
def pseudonym_note(person, viewer) -> str:
    """``{{ person|pseudonym_note:user }}``: see ``person_pseudonym_note``."""
    return person_pseudonym_note(viewer, person)
