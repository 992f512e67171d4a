"""Account rules on top of django-allauth: verified addresses, and TOTP required for staff roles."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.db import transaction

from corridor.core.permissions import is_fund_manager, is_secretariat


def requires_mfa(user) -> bool:
    """Staff roles (administrators, staff, secretariat, fund managers) must sign in with TOTP."""
    if not (user and user.is_authenticated):
        return False
    return bool(user.is_staff or user.is_superuser or is_secretariat(user) or is_fund_manager(user))


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@transaction.atomic
def account_ensure_verified_email(*, user) -> EmailAddress:
    """Record the user's address as verified and primary (for accounts created by the platform)."""
    address, _created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])
    return address


@transaction.atomic
def account_activate_totp(*, user, secret: str) -> Authenticator:
    """Give ``user`` a TOTP authenticator with a known secret (demo accounts); idempotent."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        return existing
    return TOTP.activate(user, secret).instance


def current_totp_code(secret: str, *, at: float | None = None) -> str:
    import time

    from allauth.mfa import app_settings

    counter = int(at if at is not None else time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
