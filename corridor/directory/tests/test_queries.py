"""Query budgets: every list page and list endpoint costs the same number of queries for 3 rows as
for 30 (select_related / prefetch_related), and stays within a fixed budget."""

import pytest

from corridor.directory.models import GroupMembership
from corridor.directory.tests.factories import (
    AffiliationFactory,
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from corridor.directory.tests.fixtures import sign_in
from corridor.taxonomy.models import Country

pytestmark = pytest.mark.django_db

# Anonymous visitor: the page's own queries. A signed-in person adds the session and the user.
BUDGETS = {
    "/directory/organisations/": 6,
    "/directory/organisations/?type=civil_society&country=KE&group=network&q=org": 8,
    "/directory/groups/": 1,
    "/api/v1/directory/organisations": 3,
    "/api/v1/directory/organisations?country=KE&group=network": 5,
    "/api/v1/directory/groups": 2,
    "/api/v1/directory/people": 3,
}


def populate(rows: int, start: int) -> None:
    """``rows`` organisations, each in a group, with a public person; and ``rows`` subgroups."""
    kenya = Country.objects.get(code="KE")
    network = GroupFactory(slug="network", name="Network", kind="network")
    for index in range(start, start + rows):
        organisation = OrganisationFactory(
            name=f"Organisation {index}", slug=f"org-{index}", country=kenya
        )
        GroupMembershipFactory(group=network, organisation=organisation)
        GroupMembershipFactory(
            group=GroupFactory(slug=f"wg-{index}", parent=network),
            organisation=organisation,
            role=GroupMembership.Role.CO_LEAD,
        )
        person = UserFactory(
            is_profile_public=True, pseudonym=f"Alias {index}" if index % 2 else ""
        )
        AffiliationFactory(person=person, organisation=organisation)


@pytest.mark.parametrize("url", list(BUDGETS))
def test_list_costs_the_same_for_3_and_30_rows(client, url, assert_flat_query_cost):
    assert_flat_query_cost(client, url, budget=BUDGETS[url], populate=populate)


@pytest.mark.parametrize("url", ["/directory/organisations/", "/directory/groups/"])
def test_signed_in_lists_add_only_the_session(client, url, cast, assert_flat_query_cost):
    sign_in(client, cast.member)
    assert_flat_query_cost(client, url, budget=BUDGETS[url] + 2, populate=populate)
