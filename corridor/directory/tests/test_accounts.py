"""Sign-in with email through allauth, mandatory verification, and TOTP for staff roles."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import generate_totp_secret

from corridor.directory.accounts import (
    account_activate_totp,
    account_ensure_verified_email,
    current_totp_code,
    requires_mfa,
)
from corridor.directory.models import Role
from corridor.directory.tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def sign_in(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


@pytest.mark.django_db
def test_member_signs_in_with_email():
    user = UserFactory(email="member@example.org")
    account_ensure_verified_email(user=user)
    from django.test import Client

    client = Client()
    response = sign_in(client, "MEMBER@example.org")
    assert response.status_code == 302
    assert client.get("/").context["user"] == user


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    user = UserFactory(email="member@example.org")
    account_ensure_verified_email(user=user)
    response = sign_in(client, "member@example.org", "not-the-password")
    assert response.status_code == 200
    assert b"not correct" in response.content
    assert not response.context["user"].is_authenticated


@pytest.mark.django_db
def test_unverified_address_must_be_confirmed_first(client, mailoutbox):
    UserFactory(email="new@example.org")
    response = sign_in(client, "new@example.org")
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert len(mailoutbox) == 1
    assert not client.get("/").context["user"].is_authenticated


@pytest.mark.django_db
def test_signup_sends_a_verification_email(client, mailoutbox):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "someone@example.org",
            "password1": "a-long-pass-phrase-1",
            "password2": "a-long-pass-phrase-1",
        },
    )
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="someone@example.org").verified is False
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_signup_with_a_taken_address_creates_nothing_and_reveals_nothing(client, mailoutbox):
    """allauth answers as for a new address (no account enumeration) and warns the owner by email."""
    from corridor.directory.models import User

    UserFactory(email="taken@example.org")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "taken@example.org",
            "password1": "a-long-pass-phrase-1",
            "password2": "a-long-pass-phrase-1",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert [message.to for message in mailoutbox] == [["taken@example.org"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, False),
        ({"roles": [Role.REVIEWER]}, False),
        ({"roles": [Role.EXPERT]}, False),
        ({"roles": [Role.SECRETARIAT]}, True),
        ({"roles": [Role.FUND_MANAGER]}, True),
        ({"is_staff": True}, True),
        ({"is_superuser": True}, True),
    ],
)
def test_which_roles_require_mfa(kwargs, expected):
    assert requires_mfa(UserFactory(**kwargs)) is expected


@pytest.mark.django_db
def test_staff_without_totp_are_sent_to_set_it_up(client):
    user = UserFactory(email="sec@example.org", roles=[Role.SECRETARIAT])
    account_ensure_verified_email(user=user)
    sign_in(client, "sec@example.org")
    response = client.get("/directory/organisations/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before an authenticator is added.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert b"Authenticator" in response.content
    # Public API reads and sign-out stay reachable.
    assert client.get("/api/v1/openapi.json").status_code == 200


@pytest.mark.django_db
def test_staff_redirect_keeps_the_language_prefix(client):
    user = UserFactory(email="sec@example.org", roles=[Role.SECRETARIAT])
    account_ensure_verified_email(user=user)
    sign_in(client, "sec@example.org")
    response = client.get("/fr/directory/organisations/")
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_staff_with_totp_give_a_code_at_sign_in(client):
    user = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    account_ensure_verified_email(user=user)
    secret = generate_totp_secret()
    account_activate_totp(user=user, secret=secret)

    response = sign_in(client, "admin@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not client.get("/").context["user"].is_authenticated

    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert not client.get("/").context["user"].is_authenticated

    response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/").context["user"] == user
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_activating_totp_twice_keeps_one_authenticator():
    user = UserFactory()
    first = account_activate_totp(user=user, secret=generate_totp_secret())
    second = account_activate_totp(user=user, secret=generate_totp_secret())
    assert first.pk == second.pk


@pytest.mark.django_db
def test_sign_out_requires_post(client):
    user = UserFactory(email="member@example.org")
    account_ensure_verified_email(user=user)
    sign_in(client, "member@example.org")
    client.get("/accounts/logout/")
    assert client.get("/").context["user"].is_authenticated
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated
