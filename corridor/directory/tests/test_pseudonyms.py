"""A person who chose a pseudonym is shown only by it, to everyone but themselves and the
secretariat, on every page and in the API; no one's email address is ever shown."""

import pytest

from corridor.directory.models import GroupMembership
from corridor.directory.tests.factories import AffiliationFactory, GroupFactory, UserFactory
from corridor.directory.tests.fixtures import ROLES, sign_in
from corridor.workplans.tests.factories import WorkplanFactory, WorkstreamFactory

pytestmark = pytest.mark.django_db

REAL_NAME = "Amina Realname"
EMAIL = "amina.realname@example.org"
PSEUDONYM = "Nightingale"
SEES_REAL_NAME = {"secretariat", "administrator", "themselves"}


@pytest.fixture
def survivor(cast):
    person = UserFactory(
        email=EMAIL, full_name=REAL_NAME, pseudonym=PSEUDONYM, is_profile_public=True
    )
    AffiliationFactory(person=person, organisation=cast.organisation, title="Advocate")
    group = GroupFactory(slug="survivors-council", name="Survivors' Council")
    GroupMembership.objects.create(group=group, person=person, role=GroupMembership.Role.CO_CHAIR)
    workstream = WorkstreamFactory(workplan=WorkplanFactory(slug="plan"), slug="voices")
    workstream._history_user = person
    workstream.title = "Edited by a survivor"
    workstream.save()
    return person


def urls(person) -> list[str]:
    return [
        f"/directory/people/{person.pk}/",
        "/directory/organisations/migrant-voices/",
        "/directory/groups/survivors-council/",
        "/workplans/plan/voices/",
        f"/api/v1/directory/people?q={PSEUDONYM}",
        "/api/v1/directory/organisations/migrant-voices",
        "/api/v1/directory/groups/survivors-council",
    ]


@pytest.mark.parametrize("role", [*ROLES, "themselves"])
def test_real_name_only_for_themselves_and_the_secretariat(client, cast, survivor, role):
    sign_in(client, survivor if role == "themselves" else cast.user(role))
    for url in urls(survivor):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert (REAL_NAME in content) is (role in SEES_REAL_NAME), url
        if role not in SEES_REAL_NAME or not url.startswith("/api/"):
            # Those who see the real name are reminded of the pseudonym on every page.
            assert PSEUDONYM in content, url
        assert EMAIL not in content, url
        assert "@example.org" not in content, url  # nobody's address, on any of these


@pytest.mark.parametrize("role", [*ROLES, "themselves"])
def test_searching_people_by_the_real_name_finds_nothing(client, cast, survivor, role):
    sign_in(client, survivor if role == "themselves" else cast.user(role))
    for query in ["Amina", "Realname", "amina.realname", "example.org"]:
        response = client.get("/api/v1/directory/people", {"q": query})
        assert response.json() == {"items": [], "count": 0}, query


def test_the_public_name_is_what_everyone_else_sees_in_the_title(client, survivor):
    content = client.get(f"/directory/people/{survivor.pk}/").content.decode()
    assert f"<title>{PSEUDONYM} ·" in content
    assert f"<h1>{PSEUDONYM}</h1>" in content


def test_the_secretariat_is_reminded_that_the_name_is_confidential(client, cast, survivor):
    sign_in(client, cast.secretariat)
    content = client.get(f"/directory/people/{survivor.pk}/").content.decode()
    assert "pseudonym" in content and "Only the secretariat sees the name above" in content


def test_the_person_sees_how_others_see_them(client, survivor):
    sign_in(client, survivor)
    content = client.get(f"/directory/people/{survivor.pk}/").content.decode()
    assert f"Other people see you as “{PSEUDONYM}”" in content
    profile = client.get("/directory/profile/").content.decode()
    assert EMAIL in profile  # their own address, on their own private page
