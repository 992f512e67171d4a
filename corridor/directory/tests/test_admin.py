"""Every model of the directory and the workplans has a working admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from corridor.directory.models import Affiliation, Group, GroupMembership, Organisation, User
from corridor.directory.tests.factories import (
    AffiliationFactory,
    GroupMembershipFactory,
    UserFactory,
)
from corridor.directory.tests.fixtures import sign_in
from corridor.workplans.models import (
    Activity,
    Section,
    Workplan,
    Workstream,
    WorkstreamOrganisation,
)
from corridor.workplans.tests.factories import ActivityFactory, WorkstreamOrganisationFactory

pytestmark = pytest.mark.django_db

MODELS = [
    User, Organisation, Affiliation, Group, GroupMembership,
    Workplan, Section, Workstream, WorkstreamOrganisation, Activity,
]  # fmt: skip
HISTORISED = [Organisation, Group, Workplan, Workstream, Activity]


def test_every_model_is_registered():
    for model in MODELS:
        assert admin.site.is_registered(model), model


def test_historised_models_have_a_history_admin():
    from simple_history.admin import SimpleHistoryAdmin

    for model in HISTORISED:
        assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


@pytest.fixture
def admin_client(client, cast):
    AffiliationFactory()
    GroupMembershipFactory()
    WorkstreamOrganisationFactory()
    ActivityFactory()
    return sign_in(client, cast.administrator)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_pages_load(admin_client, model):
    def url(view, *args):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)

    assert admin_client.get(url("changelist")).status_code == 200
    assert admin_client.get(url("changelist"), {"q": "x"}).status_code == 200
    assert admin_client.get(url("add")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(url("change", obj.pk)).status_code == 200
    if model in HISTORISED:
        assert admin_client.get(url("history", obj.pk)).status_code == 200


def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        reverse("admin:directory_user_add"),
        {"email": "New.Person@Example.org", "usable_password": "false"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert not user.has_usable_password()


def test_admin_refuses_a_duplicate_email(admin_client):
    UserFactory(email="taken@example.org")
    response = admin_client.post(
        reverse("admin:directory_user_add"),
        {"email": "TAKEN@example.org", "usable_password": "false"},
    )
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_admin_searches_people_by_name_email_and_pseudonym(admin_client):
    UserFactory(email="hidden@example.org", full_name="Real Name", pseudonym="Alias")
    url = reverse("admin:directory_user_changelist")
    for query in ["Real Name", "hidden@", "Alias"]:
        assert "hidden@example.org" in admin_client.get(url, {"q": query}).content.decode()


def test_admin_inlines(admin_client, cast):
    page = admin_client.get(
        reverse("admin:directory_organisation_change", args=[cast.organisation.pk])
    ).content.decode()
    assert "affiliations-TOTAL_FORMS" in page and "group_memberships-TOTAL_FORMS" in page
    workstream = Workstream.objects.first()
    page = admin_client.get(
        reverse("admin:workplans_workstream_change", args=[workstream.pk])
    ).content.decode()
    assert "organisation_roles-TOTAL_FORMS" in page and "activities-TOTAL_FORMS" in page
