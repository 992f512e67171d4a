import pytest

from corridor.taxonomy.models import Objective, ThematicArea
from corridor.workplans.models import Workstream
from corridor.workplans.tests.factories import (
    ActivityFactory,
    WorkplanFactory,
    WorkstreamFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/workplans"


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_workplans_list(client, mag_workplan):
    WorkplanFactory(slug="network-2019", issued="2019-03-01")
    body = client.get(f"{API}/workplans").json()
    assert body["count"] == 2
    mag = next(w for w in body["items"] if w["slug"] == "mag-2019")
    assert mag["status"] == "draft" and mag["status_label"] == "Draft"
    assert mag["group"]["slug"] == "mag"
    assert mag["workstream_count"] == 9
    assert mag["url"] == "http://testserver/workplans/mag-2019/"


def test_workplan_detail_has_nested_sections(client, mag_workplan):
    body = client.get(f"{API}/workplans/mag-2019").json()
    assert [s["kind"] for s in body["sections"]] == ["coordinated", "menu"]
    research = body["sections"][0]["sections"][0]
    assert research["title"] == "Research and Knowledge" and research["kind"] == "stream"
    assert [w["slug"] for w in research["workstreams"]] == ["item-1", "item-2"]
    assert [o["slug"] for o in research["workstreams"][0]["leads"]] == ["ilo"]
    assert len(body["sections"][1]["sections"]) == 4
    assert body["workstreams_without_section"] == []


def test_workstreams_list_and_filters(client, mag_workplan):
    other = WorkstreamFactory(slug="other", title="Returns", status=Workstream.Status.COMPLETED)
    other.objectives.add(Objective.objects.get(number=21))
    other.thematic_areas.add(ThematicArea.objects.get(number=4))
    assert len(items(client.get(f"{API}/workstreams"))) == 10
    cases = {
        "objective=21": ["other"],
        "thematic_area=4": ["other"],
        "status=completed": ["other"],
        "organisation=iom": [f"item-{n}" for n in range(1, 10)],
        "workplan=mag-2019&q=research": ["item-1", "item-6"],
        "q=RETURNS": ["other"],
    }
    for query, expected in cases.items():
        assert sorted(w["slug"] for w in items(client.get(f"{API}/workstreams?{query}"))) == sorted(
            expected
        ), query
    first = items(client.get(f"{API}/workstreams?objective=21"))[0]
    assert first["objectives"] == [21]


def test_workstreams_pagination(client, mag_workplan):
    body = client.get(f"{API}/workstreams", {"limit": 4, "offset": 8}).json()
    assert body["count"] == 9
    assert [w["slug"] for w in body["items"]] == ["item-9"]
    assert len(client.get(f"{API}/workstreams", {"limit": 200}).json()["items"]) == 9
    assert client.get(f"{API}/workstreams", {"limit": 500}).status_code == 422


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("objective=abc", 422, "valid integer"),
        ("objective=0", 422, "greater than or equal to 1"),
        ("objective=99", 400, "objective"),
        ("thematic_area=9", 400, "thematic_area"),
        ("status=finished", 422, "Input should be"),
        ("workplan=nope", 400, "workplan"),
        ("organisation=nobody", 400, "organisation"),
        ("q=" + "x" * 201, 422, "at most 200"),
        ("q=%00", 400, "Null characters"),
        ("limit=-5", 422, "greater than"),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(client, mag_workplan, query, status, message):
    response = client.get(f"{API}/workstreams?{query}")
    assert response.status_code == status
    assert message in str(response.json()["detail"])


def test_workstream_detail(client, mag_workplan):
    workstream = Workstream.objects.get(slug="item-1")
    workstream.objectives.add(Objective.objects.get(number=2))
    ActivityFactory(workstream=workstream, order=0, description="Step zero")
    body = client.get(f"{API}/workstreams/mag-2019/item-1").json()
    assert body["title"] == "Establish migration-focused research agenda"
    assert body["workplan_status"] == "draft"
    assert body["section"]["title"] == "Research and Knowledge"
    assert body["objectives"] == [{"number": 2, "short_name": body["objectives"][0]["short_name"]}]
    assert [a["description"] for a in body["activities"]] == [
        "Step zero",
        "First step of Establish migration-focused research agenda",
    ]
    assert [(o["role"], o["organisation"]["slug"]) for o in body["organisations"]] == [
        ("lead", "ilo"),
        ("participant", "iom"),
    ]
    assert [o["slug"] for o in body["leads"]] == ["ilo"]


@pytest.mark.parametrize(
    "path",
    ["workplans/nothing", "workstreams/mag-2019/nothing", "workstreams/nothing/item-1"],
)
def test_unknown_slugs_are_404_json(client, mag_workplan, path):
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_openapi_documents_the_filters(client):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"][f"{API}/workstreams"]["get"]["parameters"]}
    assert {"objective", "organisation", "status", "workplan", "thematic_area", "q"} <= parameters
    assert {"limit", "offset"} <= parameters
