import pytest

from corridor.directory.models import Affiliation, GroupMembership
from corridor.directory.tests.factories import (
    AffiliationFactory,
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from corridor.directory.tests.fixtures import sign_in
from corridor.taxonomy.models import Country
from corridor.workplans.tests.factories import (
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/directory"


@pytest.fixture
def directory(db):
    network = GroupFactory(slug="network", name="The Network", kind="network")
    kenya = Country.objects.get(code="KE")
    ilo = OrganisationFactory(
        name="International Labour Organization", acronym="ILO", slug="ilo", type="un_entity",
        country=kenya, website="https://www.ilo.org",
    )  # fmt: skip
    GroupMembershipFactory(group=network, organisation=ilo, role=GroupMembership.Role.CO_CHAIR)
    for n in range(4):
        OrganisationFactory(name=f"Civil {n}", slug=f"civil-{n}")
    OrganisationFactory(name="Former", slug="former", is_active=False)
    return {"network": network, "ilo": ilo}


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_organisations_list(client, directory):
    response = client.get(f"{API}/organisations")
    body = response.json()
    assert body["count"] == 5
    ilo = next(item for item in body["items"] if item["slug"] == "ilo")
    assert ilo == {
        "slug": "ilo",
        "name": "International Labour Organization",
        "acronym": "ILO",
        "url": "http://testserver/directory/organisations/ilo/",
        "type": "un_entity",
        "type_label": "UN entity",
        "country": {"code": "KE", "name": "Kenya"},
        "website": "https://www.ilo.org",
        "logo": None,
        "member_since": None,
        "is_active": True,
        "groups": ["network"],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "un_entity"}, ["ilo"]),
        ({"country": "KE"}, ["ilo"]),
        ({"country": "ke"}, ["ilo"]),
        ({"group": "network"}, ["ilo"]),
        ({"q": "labour"}, ["ilo"]),
        ({"q": "civil 3"}, ["civil-3"]),
        ({"type": "civil_society", "q": "civil"}, ["civil-0", "civil-1", "civil-2", "civil-3"]),
    ],
)
def test_organisation_filters(client, directory, query, expected):
    assert slugs(client.get(f"{API}/organisations", query)) == expected


def test_pagination(client, directory):
    response = client.get(f"{API}/organisations", {"limit": 2, "offset": 1})
    assert response.json()["count"] == 5
    assert slugs(response) == ["civil-1", "civil-2"]
    # A page holds 200 items at most; asking for more is a 422 that says so.
    for n in range(200):
        OrganisationFactory(name=f"Bulk {n:03}", slug=f"bulk-{n}")
    response = client.get(f"{API}/organisations", {"limit": 200})
    assert len(response.json()["items"]) == 200
    assert response.json()["count"] == 205
    response = client.get(f"{API}/organisations", {"limit": 1000})
    assert response.status_code == 422
    assert "less than or equal to 200" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"type": "charity"}, 422, "Input should be"),
        ({"country": "ZZ"}, 400, "country"),
        ({"group": "no-such-group"}, 400, "group"),
        ({"q": "x" * 201}, 422, "at most 200"),
        ({"q": "nul\x00"}, 400, "Null characters"),
        ({"limit": 0}, 422, "greater than"),
        ({"limit": "many"}, 422, "valid integer"),
        ({"offset": -1}, 422, "greater than"),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(client, directory, query, status, message):
    response = client.get(f"{API}/organisations", query)
    assert response.status_code == status
    assert message in str(response.json()["detail"])


def test_organisation_detail(client, cast, directory):
    ilo = directory["ilo"]
    plan = WorkplanFactory(slug="plan")
    WorkstreamOrganisationFactory(
        workstream=WorkstreamFactory(workplan=plan, slug="ws", reference="1.1"), organisation=ilo
    )
    public = UserFactory(full_name="Pat Public", is_profile_public=True, job_title="Officer")
    AffiliationFactory(person=public, organisation=ilo, role=Affiliation.Role.FOCAL_POINT)
    AffiliationFactory(person=UserFactory(full_name="Private Person"), organisation=ilo)

    body = client.get(f"{API}/organisations/ilo").json()
    assert body["memberships"] == [
        {
            "group": {
                "slug": "network", "name": "The Network", "acronym": "",
                "url": "http://testserver/directory/groups/network/",
            },
            "role": "co_chair", "role_label": "Co-chair", "since": None,
        }
    ]  # fmt: skip
    assert body["workstreams"] == [
        {
            "role": "lead", "workplan": "plan", "slug": "ws", "reference": "1.1",
            "title": body["workstreams"][0]["title"], "status": "ongoing",
            "url": "http://testserver/workplans/plan/ws/",
        }
    ]  # fmt: skip
    assert [p["person"]["name"] for p in body["people"]] == ["Pat Public"]
    assert body["people"][0]["role"] == "focal_point"
    assert "@" not in response_text(client, f"{API}/organisations/ilo")

    sign_in(client, cast.secretariat)
    names = [p["person"]["name"] for p in client.get(f"{API}/organisations/ilo").json()["people"]]
    assert names == ["Pat Public", "Private Person"]


def test_former_member_detail_is_public(client, directory):
    assert client.get(f"{API}/organisations/former").json()["is_active"] is False


@pytest.mark.parametrize(
    "path", ["organisations/nobody", "groups/nothing", "organisations/%3Cscript%3E"]
)
def test_unknown_slugs_are_404_json(client, path):
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not Found"}


def test_groups(client, cast, directory):
    mag = GroupFactory(slug="mag", name="Migration Action Group", kind="action_group",
                       parent=directory["network"])  # fmt: skip
    GroupMembershipFactory(group=mag, organisation=directory["ilo"], role="co_lead")
    GroupMembershipFactory(group=mag, organisation=OrganisationFactory(slug="zz", name="ZZ"))
    GroupMembership.objects.create(group=mag, person=cast.member)  # private profile
    public = UserFactory(full_name="Pat Public", is_profile_public=True)
    GroupMembership.objects.create(group=mag, person=public, role="chair")
    WorkplanFactory(group=mag, slug="mag-2019", status="draft")

    listed = client.get(f"{API}/groups").json()
    assert [g["slug"] for g in listed["items"]] == ["mag", "network"]
    assert listed["items"][0]["parent"] == "network"
    assert slugs(client.get(f"{API}/groups", {"kind": "network"})) == ["network"]
    assert client.get(f"{API}/groups", {"kind": "club"}).status_code == 422

    body = client.get(f"{API}/groups/mag").json()
    assert [
        (m["role"], (m["organisation"] or {}).get("slug"), (m["person"] or {}).get("name"))
        for m in body["memberships"]
    ] == [("chair", None, "Pat Public"), ("co_lead", "ilo", None), ("member", "zz", None)]
    assert body["workplans"][0]["status"] == "draft"
    assert "@" not in response_text(client, f"{API}/groups/mag")

    sign_in(client, cast.secretariat)
    body = client.get(f"{API}/groups/mag").json()
    assert "Mara Member" in [(m["person"] or {}).get("name") for m in body["memberships"]]


def test_people_lists_public_profiles_only(client, cast):
    public = UserFactory(full_name="Pat Public", is_profile_public=True, job_title="Officer")
    AffiliationFactory(person=public, organisation=cast.organisation)
    UserFactory(full_name="Gone", is_profile_public=True, is_active=False)
    for user in [None, cast.member, cast.secretariat]:
        sign_in(client, user)
        body = client.get(f"{API}/people").json()
        assert [p["name"] for p in body["items"]] == ["Pat Public"]
    person = body["items"][0]
    assert set(person) == {"id", "name", "url", "job_title", "bio", "country", "organisations"}
    assert person["organisations"][0]["slug"] == "migrant-voices"
    assert [p["name"] for p in client.get(f"{API}/people", {"organisation": "migrant-voices"}).json()["items"]] == ["Pat Public"]  # fmt: skip
    assert client.get(f"{API}/people", {"organisation": "other-org"}).json()["count"] == 0
    response = client.get(f"{API}/people", {"organisation": "nobody"})
    assert response.status_code == 400 and "organisation" in response.json()["detail"]


def test_openapi_schema_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ["organisations", "organisations/{slug}", "groups", "groups/{slug}", "people"]:
        assert f"{API}/{path}" in paths


def response_text(client, url) -> str:
    return client.get(url).content.decode()
