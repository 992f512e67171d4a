import datetime

import pytest

from corridor.community.models import Event, ResearchTopic
from corridor.directory.tests.factories import GroupFactory


@pytest.mark.django_db
def test_research_agenda_lists_topics_in_priority_order(client):
    group = GroupFactory(name="Migration Action Group")
    ResearchTopic.objects.create(group=group, title="Second topic", slug="second", priority_rank=2)
    ResearchTopic.objects.create(group=group, title="First topic", slug="first", priority_rank=1)
    content = client.get("/community/research-agenda/").content.decode()
    assert content.index("First topic") < content.index("Second topic")


@pytest.mark.django_db
def test_events_show_dates_at_their_precision(client):
    Event.objects.create(
        title="Strategic workshop",
        slug="workshop",
        kind=Event.Kind.WORKSHOP,
        start_date=datetime.date(2018, 11, 29),
        end_date=datetime.date(2018, 11, 30),
        location="Geneva",
    )
    Event.objects.create(
        title="Pathfinder consultation",
        slug="pathfinder",
        kind=Event.Kind.CONSULTATION,
        start_date=datetime.date(2018, 10, 1),
        date_precision=Event.DatePrecision.MONTH,
    )
    content = client.get("/community/events/").content.decode()
    assert "29 November 2018 – 30 November 2018" in content
    assert "October 2018" in content
    assert "1 October 2018" not in content


@pytest.mark.django_db
def test_list_pages_have_bounded_queries(client, django_assert_max_num_queries):
    group = GroupFactory()
    for n in range(30):
        ResearchTopic.objects.create(group=group, title=f"Topic {n}", slug=f"t{n}", priority_rank=n)
        Event.objects.create(
            title=f"Event {n}",
            slug=f"e{n}",
            kind=Event.Kind.MEETING,
            start_date=datetime.date(2019, 1, 1),
        )
    with django_assert_max_num_queries(8):
        client.get("/community/research-agenda/")
    with django_assert_max_num_queries(8):
        client.get("/community/events/")
