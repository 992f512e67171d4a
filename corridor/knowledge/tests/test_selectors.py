import pytest

from corridor.directory.models import Role
from corridor.directory.tests.factories import AffiliationFactory, UserFactory
from corridor.knowledge.models import Resource, Visibility
from corridor.knowledge.selectors import resource_get, resource_list
from corridor.knowledge.tests.factories import ResourceFactory


@pytest.fixture
def resources(db):
    return {
        "public": ResourceFactory(slug="public"),
        "members": ResourceFactory(slug="members", visibility=Visibility.MEMBERS),
        "restricted": ResourceFactory(slug="restricted", visibility=Visibility.RESTRICTED),
        "draft": ResourceFactory(slug="draft", status=Resource.Status.DRAFT),
        "withdrawn": ResourceFactory(slug="withdrawn", status=Resource.Status.WITHDRAWN),
    }


def visible_slugs(user):
    return set(resource_list(user=user).values_list("slug", flat=True))


def test_visitor_sees_only_published_public(resources):
    from django.contrib.auth.models import AnonymousUser

    assert visible_slugs(AnonymousUser()) == {"public"}


def test_signed_in_person_without_organisation_is_not_a_member(resources):
    assert visible_slugs(UserFactory()) == {"public"}


def test_member_also_sees_members_only(resources):
    member = AffiliationFactory().person
    assert visible_slugs(member) == {"public", "members"}


def test_member_of_inactive_organisation_is_not_a_member(resources):
    affiliation = AffiliationFactory(organisation__is_active=False)
    assert visible_slugs(affiliation.person) == {"public"}


@pytest.mark.parametrize(
    "roles", [[Role.REVIEWER], [Role.EXPERT], [Role.REQUESTER], [Role.FUND_MANAGER]]
)
def test_other_roles_see_what_a_visitor_sees(resources, roles):
    assert visible_slugs(UserFactory(roles=roles)) == {"public"}


def test_secretariat_and_administrator_see_everything(resources):
    everything = set(resources)
    assert visible_slugs(UserFactory(roles=[Role.SECRETARIAT])) == everything
    assert visible_slugs(UserFactory(is_superuser=True)) == everything


def test_get_hides_what_the_list_hides(resources):
    from django.contrib.auth.models import AnonymousUser

    assert resource_get(user=AnonymousUser(), slug="draft") is None
    assert resource_get(user=AnonymousUser(), slug="public") == resources["public"]
