import pytest

API = "/api/v1/vocabulary"


def get(client, path, **headers):
    return client.get(f"{API}{path}", **headers)


def test_objectives(client, db):
    response = get(client, "/objectives")
    assert response.status_code == 200
    data = response.json()
    assert len(data) == 23
    assert data[2] == {
        "number": 3,
        "code": "gcm-3",
        "short_name": "Information provision",
        "short_name_localised": "Information provision",
        "title": "Provide accurate and timely information at all stages of migration",
        "title_localised": "Provide accurate and timely information at all stages of migration",
    }


def test_one_objective_with_its_areas(client, db):
    data = get(client, "/objectives/23").json()
    assert data["number"] == 23
    assert data["thematic_areas"] == [1, 2, 3, 4, 5]
    assert get(client, "/objectives/13").json()["thematic_areas"] == [2]


@pytest.mark.parametrize("number", ["0", "24", "99999999999999999999999999", "-1"])
def test_unknown_objective_is_404_json(client, db, number):
    response = get(client, f"/objectives/{number}")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_objective_number_must_be_a_number(client, db):
    assert get(client, "/objectives/three").status_code == 422


def test_principles_themes_sdgs(client, db):
    principles = get(client, "/principles").json()
    assert len(principles) == 10
    assert principles[0]["name"] == "People-centred"
    assert principles[0]["description"]
    themes = {t["slug"]: t for t in get(client, "/themes").json()}
    assert themes["hiv-health"]["name"] == "HIV and health"
    assert themes["hiv-health"]["name_localised"] == "HIV and health"
    codes = [t["code"] for t in get(client, "/sdg-targets").json()]
    assert codes.index("8.7") < codes.index("10.7")


def test_thematic_areas_with_objective_numbers(client, db):
    areas = get(client, "/thematic-areas").json()
    assert [a["number"] for a in areas] == [1, 2, 3, 4, 5]
    assert areas[0]["objectives"] == [1, 3, 17, 23]
    assert areas[2]["objectives"] == [9, 10, 11, 14, 21, 23]
    assert all(23 in area["objectives"] for area in areas)


def test_regions(client, db):
    regions = {r["m49"]: r for r in get(client, "/regions").json()}
    assert regions["001"]["parent"] is None
    assert regions["018"] == {
        "m49": "018",
        "name": "Southern Africa",
        "name_localised": "Southern Africa",
        "level": "intermediate",
        "parent": "202",
    }


def test_countries_paginated(client, db):
    data = get(client, "/countries").json()
    assert data["count"] == 249
    assert len(data["items"]) == 100
    page = get(client, "/countries?limit=200&offset=200").json()
    assert len(page["items"]) == 49
    codes = [c["code"] for c in get(client, "/countries?limit=200").json()["items"]]
    codes += [c["code"] for c in page["items"]]
    assert len(set(codes)) == 249


def test_country_filters(client, db):
    data = get(client, "/countries?region=018").json()
    assert {c["code"] for c in data["items"]} == {"BW", "LS", "NA", "SZ", "ZA"}
    assert get(client, "/countries?region=18").json()["count"] == 5
    assert get(client, "/countries?region=202").json()["count"] > 5
    assert get(client, "/countries?region=002").json()["count"] > 50
    assert get(client, "/countries?is_territory=true").json()["count"] == 54
    assert get(client, "/countries?is_territory=false&region=021").json()["count"] == 2
    items = get(client, "/countries?q=swaziland").json()["items"]
    assert [c["code"] for c in items] == ["SZ"]


def test_country_names_in_the_request_language(client, db):
    items = get(client, "/countries?q=namibia", HTTP_ACCEPT_LANGUAGE="ar").json()["items"]
    assert items[0]["name"] == "Namibia"
    assert items[0]["name_localised"] == "ناميبيا"
    one = get(client, "/countries/NA?lang=fr").json()
    assert one["name_localised"] == "Namibie"
    one = get(client, "/countries/NA?lang=zh-hans", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert one["name_localised"] == "纳米比亚"
    arabic = get(client, "/countries?q=ناميبيا", HTTP_ACCEPT_LANGUAGE="ar").json()
    assert [c["code"] for c in arabic["items"]] == ["NA"]


def test_one_country_any_case(client, db):
    for code in ("NA", "na", "Na"):
        response = get(client, f"/countries/{code}")
        assert response.status_code == 200
        data = response.json()
        assert data["code"] == "NA"
        assert (data["region"], data["subregion"], data["intermediate_region"]) == (
            "002",
            "202",
            "018",
        )
        assert data["is_territory"] is False


@pytest.mark.parametrize("code", ["ZZ", "NAM", "x", "%00"])
def test_unknown_country_is_404_json(client, db, code):
    response = get(client, f"/countries/{code}")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_unknown_region_is_404(client, db):
    response = get(client, "/countries?region=999")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "region=africa",
        "region=0022",
        "is_territory=maybe",
        "limit=0",
        "limit=201",
        "limit=abc",
        "offset=-1",
        "offset=99999999999999999999999999",
        "q=%00",
        "q=" + "x" * 101,
        "lang=de",
    ],
)
def test_bad_parameters_are_4xx(client, db, query):
    response = get(client, f"/countries?{query}")
    assert 400 <= response.status_code < 500, (query, response.status_code)


def test_bad_lang_elsewhere_is_422(client, db):
    assert get(client, "/objectives?lang=xx").status_code == 422


def test_countries_query_budget(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert get(client, "/countries?limit=200").status_code == 200


def test_openapi_lists_the_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/objectives",
        "/objectives/{number}",
        "/principles",
        "/thematic-areas",
        "/themes",
        "/sdg-targets",
        "/regions",
        "/countries",
        "/countries/{code}",
    ):
        assert f"{API}{path}" in paths
