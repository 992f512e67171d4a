"""Registering research warns when similar on-going research exists."""

from corridor.knowledge import services
from corridor.knowledge.selectors import similar_ongoing_research
from corridor.knowledge.tests.conftest import practice_data
from corridor.knowledge.tests.factories import ResourceFactory


def test_similar_ongoing_research_is_flagged(people, client):
    alike = ResourceFactory(
        type="research",
        research_status="ongoing",
        title="Child labour in agriculture: migrant children in West Africa",
    )
    ResourceFactory(
        type="research",
        research_status="completed",
        title="Child labour in agriculture among migrant children in West Africa, 2010",
    )
    ResourceFactory(type="research", research_status="ongoing", title="Remittance costs in Asia")
    ResourceFactory(
        type="research",
        research_status="ongoing",
        status="draft",
        title="Child labour in agriculture in West Africa (someone's draft)",
    )
    found = similar_ongoing_research(
        user=people["submitter"],
        title="Migrant children working in agriculture in West Africa: child labour",
    )
    assert found == [alike]
    assert similar_ongoing_research(user=people["submitter"], title="Migration") == []

    draft = services.resource_create(
        actor=people["submitter"],
        data=practice_data(
            type="research", title="Child labour of migrant children in West African agriculture"
        ),
    )
    client.force_login(people["submitter"])
    page = client.get(f"/knowledge/resources/{draft.slug}/edit/").content.decode()
    assert "Similar research is already under way." in page and alike.title in page
    page = client.get(f"/knowledge/resources/{draft.slug}/status/").content.decode()
    assert alike.title in page
