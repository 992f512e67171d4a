from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from corridor.directory.accounts import has_totp, requires_mfa


class StaffMFARequiredMiddleware:
    """Send signed-in staff without a TOTP authenticator to set one up before anything else.

    Only the pages needed to do that (MFA setup, sign-out, email verification, static files and
    language switching) stay reachable; everything else redirects.
    """

    allowed_url_names = (
        "mfa_activate_totp",
        "mfa_index",
        "account_logout",
        "account_reauthenticate",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "CORRIDOR_REQUIRE_STAFF_MFA", True) and self._must_set_up(request):
            setup_url = reverse("mfa_activate_totp")
            messages.warning(
                request,
                _(
                    "Your role gives you access to confidential information. Set up two-factor authentication to continue."
                ),
            )
            return redirect(setup_url)
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        user = getattr(request, "user", None)
        if not requires_mfa(user):
            return False
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/i18n/", "/api/")):
            return False
        # LocaleMiddleware has already activated the language, so reverse() gives this prefix.
        if path in {reverse(name) for name in self.allowed_url_names}:
            return False
        if "/accounts/confirm-email/" in path:
            return False
        return not has_totp(user)
