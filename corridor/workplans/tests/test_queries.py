"""Query budgets: the workplan and workstream lists cost the same for 3 rows as for 30."""

import pytest

from corridor.directory.tests.factories import GroupFactory, OrganisationFactory
from corridor.taxonomy.models import Objective, ThematicArea
from corridor.workplans.models import Section, Workplan, WorkstreamOrganisation
from corridor.workplans.tests.factories import (
    ActivityFactory,
    SectionFactory,
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)

pytestmark = pytest.mark.django_db

BUDGETS = {
    "/workplans/": 2,
    "/workplans/workstreams/": 8,
    "/workplans/workstreams/?objective=1&organisation=lead-org&status=ongoing"
    "&workplan=plan&thematic_area=1&q=Workstream": 8,
    "/workplans/plan/": 4,
    "/api/v1/workplans/workplans": 2,
    "/api/v1/workplans/workstreams": 4,
    "/api/v1/workplans/workstreams?objective=1&organisation=lead-org&status=ongoing"
    "&workplan=plan&thematic_area=1": 8,
    "/api/v1/workplans/workplans/plan": 4,
}


def populate(rows: int, start: int) -> None:
    """``rows`` workplans and ``rows`` workstreams in the "plan" workplan, each fully tagged."""
    group = GroupFactory(slug="network")
    plan = Workplan.objects.filter(slug="plan").first() or WorkplanFactory(slug="plan", group=group)
    lead = OrganisationFactory(slug="lead-org")
    objective = Objective.objects.get(number=1)
    area = ThematicArea.objects.get(number=1)
    parent = Section.objects.filter(workplan=plan).first() or SectionFactory(workplan=plan)
    for index in range(start, start + rows):
        WorkplanFactory(slug=f"plan-{index}", group=group)
        section = SectionFactory(workplan=plan, parent=parent, order=index)
        workstream = WorkstreamFactory(
            workplan=plan, section=section, slug=f"ws-{index}", title=f"Workstream {index}"
        )
        workstream.objectives.add(objective, Objective.objects.get(number=2 + index % 20))
        workstream.thematic_areas.add(area)
        WorkstreamOrganisationFactory(workstream=workstream, organisation=lead)
        WorkstreamOrganisationFactory(
            workstream=workstream,
            organisation=OrganisationFactory(),
            role=WorkstreamOrganisation.Role.PARTICIPANT,
        )
        ActivityFactory(workstream=workstream)


@pytest.mark.parametrize("url", list(BUDGETS))
def test_list_costs_the_same_for_3_and_30_rows(client, url, assert_flat_query_cost):
    assert_flat_query_cost(client, url, budget=BUDGETS[url], populate=populate)
