import re

import pytest

from corridor.core.tests.pages import assert_headings_in_order
from corridor.directory.tests.factories import OrganisationFactory
from corridor.taxonomy.models import Objective, ThematicArea, Theme
from corridor.workplans.models import Workplan, Workstream, WorkstreamOrganisation
from corridor.workplans.tests.factories import (
    ActivityFactory,
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# --- workplan list ------------------------------------------------------------------------------


def test_workplan_list(client, mag_workplan):
    WorkplanFactory(
        title="Network workplan 2019", slug="network-2019", status=Workplan.Status.ADOPTED,
        period_start="2019-01-01", period_end="2020-12-31", issued="2019-03-01",
    )  # fmt: skip
    page = text(client.get("/workplans/"))
    assert_headings_in_order(page)
    assert 'href="/workplans/mag-2019/"' in page and 'href="/workplans/network-2019/"' in page
    assert 'href="/directory/groups/mag/"' in page
    assert '<span class="badge status-draft">Draft</span>' in page
    assert "Adopted" in page
    assert "January 2019 to December 2020" in page
    assert "<dd>9</dd>" in page  # workstreams of the draft


def test_empty_workplan_list(client):
    assert "No workplan has been published yet" in text(client.get("/workplans/"))


# --- workplan page ------------------------------------------------------------------------------


def test_workplan_page_shows_nested_sections_in_order(client, mag_workplan):
    page = text(client.get("/workplans/mag-2019/"))
    assert_headings_in_order(page)
    assert "<h1>Migration Action Group work plan 2019" in page
    assert "Draft" in page and "has not been adopted" in page
    coordinated = page.index("Items to be coordinated by the Migration Action Group</h2>")
    menu = page.index("Menu of items for group members to take up</h2>")
    assert coordinated < menu
    streams = [m.start() for m in re.finditer(r"<h3[^>]*>Research and Knowledge</h3>", page)]
    assert len(streams) == 2 and streams[0] < menu < streams[1]
    assert page.count("<h3") == 8
    first = page.index("Establish migration-focused research agenda")
    second = page.index("Contribute to Delta 8.7 agenda")
    assert first < second < page.index("Seek multi-donor funds")
    assert 'href="/workplans/mag-2019/item-1/"' in page
    assert 'href="/directory/organisations/ilo/">ILO</a>' in page  # the lead
    assert "IOM</a>" not in page  # a participant, not a lead
    assert '<span class="badge status-ongoing">Ongoing</span>' in page


def test_adopted_workplan_is_not_labelled_draft(client):
    WorkplanFactory(slug="adopted", status=Workplan.Status.ADOPTED)
    page = text(client.get("/workplans/adopted/"))
    assert "status-draft" not in page and "has not been adopted" not in page


def test_unknown_workplan_is_404(client):
    assert client.get("/workplans/nothing/").status_code == 404


def test_workplan_text_is_sanitised(client):
    WorkplanFactory(slug="plan", title=f"Plan {SCRIPT}", introduction=f"**Intro** {SCRIPT}")
    page = text(client.get("/workplans/plan/"))
    assert SCRIPT not in page
    assert "<strong>Intro</strong>" in page


# --- workstream list ----------------------------------------------------------------------------


def test_workstream_list_filters_and_form(client, mag_workplan):
    other = WorkstreamFactory(slug="other", title="Unrelated", status=Workstream.Status.COMPLETED)
    Objective.objects.get(number=23)
    other.objectives.add(Objective.objects.get(number=23))
    page = text(client.get("/workplans/workstreams/"))
    assert_headings_in_order(page)
    assert "10 workstreams" in page
    for name in ["q", "objective", "thematic_area", "organisation", "status", "workplan"]:
        assert f'<label for="id_{name}">' in page
    assert '<option value="23">23. ' in page
    assert '<option value="ilo">International Labour Organization</option>' in page

    page = text(client.get("/workplans/workstreams/?objective=23"))
    assert "1 workstream<" in page and "Unrelated" in page
    assert '<option value="23" selected>' in page
    page = text(client.get("/workplans/workstreams/?organisation=ilo&workplan=mag-2019&q=agenda"))
    assert "2 workstreams" in page
    page = text(client.get("/workplans/workstreams/?status=completed"))
    assert "1 workstream<" in page
    page = text(client.get("/workplans/workstreams/?q=nothing+like+this"))
    assert "No workstream matches these filters" in page


def test_workstream_list_paginates(client, mag_workplan):
    for n in range(20):
        WorkstreamFactory(workplan=mag_workplan, slug=f"extra-{n}", title=f"Extra {n}")
    page = text(client.get("/workplans/workstreams/?workplan=mag-2019"))
    assert "29 workstreams" in page and "Page 1 of 2" in page
    assert 'href="?workplan=mag-2019&amp;page=2"' in page


@pytest.mark.parametrize(
    "query",
    ["objective=abc", "objective=99", "status=finished", "workplan=nope", "organisation=nobody",
     "thematic_area=9", "q=" + "x" * 10_000, "q=%00"],
)  # fmt: skip
def test_bad_workstream_filters_show_errors_not_500(client, mag_workplan, query):
    page = text(client.get(f"/workplans/workstreams/?{query}"))
    assert 'class="errorlist' in page
    assert "9 workstreams" in page  # the bad filter is dropped


# --- workstream page ----------------------------------------------------------------------------


@pytest.fixture
def workstream(db):
    workplan = WorkplanFactory(slug="network-2019", title="Network workplan 2019")
    workstream = WorkstreamFactory(
        workplan=workplan, slug="core-1-1", reference="Core workstream 1.1",
        title="Start-up fund for safe, orderly and regular migration",
        purpose=f"Support **joint programmes**. {SCRIPT}", timeline="2019-2020",
        lead_note="Network secretariat", participants_note="All members",
        membership_note="Open to all members", status=Workstream.Status.UNDER_DEVELOPMENT,
        status_note="Terms of reference drafted",
    )  # fmt: skip
    workstream.objectives.add(Objective.objects.get(number=23), Objective.objects.get(number=2))
    workstream.thematic_areas.add(ThematicArea.objects.get(number=1))
    workstream.themes.add(Theme.objects.order_by("pk").first())
    for slug, role in [("iom", "lead"), ("unicef", "participant"), ("keen", "interest")]:
        WorkstreamOrganisationFactory(
            workstream=workstream, organisation=OrganisationFactory(slug=slug, name=slug.upper()),
            role=role,
        )  # fmt: skip
    ActivityFactory(workstream=workstream, order=2, description="Second activity", due="2020")
    ActivityFactory(workstream=workstream, order=1, description="First activity")
    return workstream


def test_workstream_page(client, workstream):
    page = text(client.get("/workplans/network-2019/core-1-1/"))
    assert_headings_in_order(page)
    assert "Core workstream 1.1" in page
    assert "<h1>Start-up fund for safe, orderly and regular migration</h1>" in page
    assert "<strong>joint programmes</strong>" in page and SCRIPT not in page
    assert '<span class="badge status-under_development">Under development</span>' in page
    assert "Terms of reference drafted" in page and "2019-2020" in page
    assert page.index("/vocabulary/objectives/2/") < page.index("/vocabulary/objectives/23/")
    assert ThematicArea.objects.get(number=1).display_name in page
    assert Theme.objects.order_by("pk").first().display_name in page
    assert page.index("First activity") < page.index("Second activity")
    lead, participating, interest = (
        page.index(">Lead</h3>"), page.index(">Participating</h3>"),
        page.index(">Expressions of interest</h3>"),
    )  # fmt: skip
    assert lead < page.index('href="/directory/organisations/iom/"') < participating
    assert participating < page.index('href="/directory/organisations/unicef/"') < interest
    assert interest < page.index('href="/directory/organisations/keen/"')
    for note in ["Network secretariat", "All members", "Open to all members"]:
        assert note in page
    assert '<th scope="col">' in page  # the change history table
    assert "Created" in page


def test_objective_links_use_the_vocabulary_pages(client, workstream):
    from django.urls import reverse

    page = text(client.get("/workplans/network-2019/core-1-1/"))
    assert f'href="{reverse("taxonomy:objective_detail", args=[23])}"' in page
    assert client.get(reverse("taxonomy:objective_detail", args=[23])).status_code == 200


def test_workstream_history_newest_first(client, workstream):
    workstream.status = Workstream.Status.ONGOING
    workstream.save()
    workstream.timeline = "2019-2021"
    workstream.save()
    page = text(client.get("/workplans/network-2019/core-1-1/"))
    history = page[page.index("Change history") :]
    assert history.index("Timeline") < history.index("Status") < history.index("Created")


def test_workstream_in_a_draft_workplan_is_labelled(client, mag_workplan):
    page = text(client.get("/workplans/mag-2019/item-1/"))
    assert "status-draft" in page and "has not been adopted" in page
    assert "Research and Knowledge" in page  # its section, under its part


@pytest.mark.parametrize(
    "url", ["/workplans/network-2019/nothing/", "/workplans/nothing/core-1-1/"]
)
def test_unknown_workstream_is_404(client, workstream, url):
    assert client.get(url).status_code == 404


def test_workstream_slug_belongs_to_its_workplan(client, workstream):
    WorkplanFactory(slug="other-plan")
    assert client.get("/workplans/other-plan/core-1-1/").status_code == 404


def test_lead_note_stands_in_for_lead_organisations_in_lists(client, db):
    workplan = WorkplanFactory(slug="plan")
    WorkstreamFactory(workplan=workplan, lead_note="The secretariat")
    page = text(client.get("/workplans/plan/"))
    assert "Lead: The secretariat" in page


def test_interest_is_not_lead_in_lists(client, workstream):
    WorkstreamOrganisation.objects.filter(role="lead").delete()
    page = text(client.get("/workplans/workstreams/"))
    assert 'href="/directory/organisations/keen/"' not in page
