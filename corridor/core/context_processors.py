from django.conf import settings
from django.utils.translation import get_language_bidi


def site(request):
    return {
        "site_name": settings.CORRIDOR_SITE_NAME,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
