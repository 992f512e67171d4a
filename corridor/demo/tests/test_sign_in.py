"""The demo logins printed by ``make run`` work end to end, two-factor included for staff."""

from allauth.mfa.models import Authenticator
from django.core.management import call_command

from corridor.demo.loader import (
    DEMO_ADMIN_EMAIL,
    DEMO_MEMBER_EMAIL,
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
)
from corridor.directory.accounts import current_totp_code
from corridor.directory.models import User


def test_demo_member_signs_in_with_the_printed_password(client, demo):
    response = client.post(
        "/accounts/login/", {"login": DEMO_MEMBER_EMAIL, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/directory/profile/").status_code == 200


def test_demo_administrator_signs_in_with_a_two_factor_code(client, demo):
    response = client.post(
        "/accounts/login/", {"login": DEMO_ADMIN_EMAIL, "password": DEMO_PASSWORD}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": current_totp_code(DEMO_TOTP_SECRET)}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_only_staff_demo_accounts_have_an_authenticator(demo):
    with_totp = set(
        Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list(
            "user__email", flat=True
        )
    )
    staff = {
        user.email
        for user in User.objects.all()
        if user.is_staff or user.groups.filter(name__in=["secretariat", "fund_manager"]).exists()
    }
    assert with_totp == staff
    assert DEMO_ADMIN_EMAIL in with_totp
    assert DEMO_MEMBER_EMAIL not in with_totp


def test_demo_totp_code_command_prints_six_digits(capsys):
    call_command("demo_totp_code")
    assert capsys.readouterr().out.strip().isdigit()
