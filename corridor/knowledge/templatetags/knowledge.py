from django import template
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def freshness(day) -> str:
    """'reviewed 8 months ago' for a date; 'reviewed today' for today's."""
    if not day:
        return ""
    today = timezone.localdate()
    if day >= today:
        return _("reviewed today")
    return _("reviewed %(since)s ago") % {"since": timesince(day, today, depth=1)}


@register.filter
def language_name(code, names) -> str:
    return str(names.get(code, code)) if names else code
