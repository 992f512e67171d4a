import pytest
from django.urls import reverse

from corridor.core.tests.pages import assert_headings_in_order
from corridor.taxonomy.models import Objective, Region
from corridor.taxonomy.tests.factories import CountryFactory, RegionFactory, ThemeFactory
from corridor.workplans.tests.factories import WorkstreamFactory


def test_index_url_name():
    assert reverse("taxonomy:index") == "/vocabulary/"
    assert reverse("taxonomy:objective_detail", args=[7]) == "/vocabulary/objectives/7/"


def test_vocabulary_page(client, db):
    response = client.get("/vocabulary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<main id="main"' in html
    assert "Provide accurate and timely information at all stages of migration" in html
    assert "Information provision" in html
    assert 'href="/vocabulary/objectives/3/"' in html
    assert "People-centred" in html
    assert "Whole-of-society approach" in html
    assert "Addressing irregular migration including through managing borders" in html
    assert "Forced labour and modern slavery" in html
    assert "10.7" in html and "Facilitate orderly, safe, regular and responsible migration" in html
    assert "Southern Africa" in html and "Namibia" in html
    assert '<th scope="col">' in html and '<th scope="row">' in html
    assert "<details" in html and "<summary>" in html
    assert "Greenland" in html and "(territory)" in html


def test_heading_levels_do_not_skip(client, db):
    assert_headings_in_order(client.get("/vocabulary/").content.decode())


def test_vocabulary_page_in_arabic(client, db):
    response = client.get("/ar/vocabulary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "ناميبيا" in html
    assert 'href="/ar/vocabulary/objectives/1/"' in html


def test_vocabulary_page_in_chinese(client, db):
    html = client.get("/zh-hans/vocabulary/").content.decode()
    assert "纳米比亚" in html


def test_vocabulary_page_query_budget(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/vocabulary/").status_code == 200
    # More rows, same number of queries.
    africa = Region.objects.get(m49="002")
    extra = RegionFactory(m49="990", name="Extra", level=Region.Level.SUBREGION, parent=africa)
    for code in ("XA", "XB", "XC"):
        CountryFactory(code=code, alpha3=f"X{code}", region=africa, subregion=extra)
    ThemeFactory.create_batch(5)
    with django_assert_max_num_queries(8):
        response = client.get("/vocabulary/")
    assert "Country XB" in response.content.decode()


def test_objective_page(client, db):
    workstream = WorkstreamFactory(title="Alternatives to detention are promoted")
    workstream.objectives.add(Objective.objects.get(number=13))
    other = WorkstreamFactory(title="Not about detention")
    other.objectives.add(Objective.objects.get(number=1))

    response = client.get("/vocabulary/objectives/13/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Objective 13: Alternatives to detention" in html
    assert "Use migration detention only as a measure of last resort" in html
    assert "Thematic area 2:" in html
    assert 'href="/vocabulary/#area-2"' in html
    assert f'href="{workstream.get_absolute_url()}"' in html
    assert "Alternatives to detention are promoted" in html
    assert "Not about detention" not in html
    assert 'href="/vocabulary/objectives/12/"' in html
    assert 'href="/vocabulary/objectives/14/"' in html


def test_objective_page_with_no_workstreams(client, db):
    response = client.get("/vocabulary/objectives/23/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "No workstream is tagged with this objective yet." in html
    assert html.count("Thematic area ") >= 5
    assert 'rel="next"' not in html


@pytest.mark.parametrize("path", ["/vocabulary/objectives/0/", "/vocabulary/objectives/24/"])
def test_unknown_objective_is_404(client, db, path):
    assert client.get(path).status_code == 404


def test_objective_page_query_budget(client, db, django_assert_max_num_queries):
    objective = Objective.objects.get(number=5)
    for _ in range(4):
        WorkstreamFactory().objectives.add(objective)
    with django_assert_max_num_queries(4):
        assert client.get("/vocabulary/objectives/5/").status_code == 200


def test_pages_are_read_only(client, db):
    assert client.post("/vocabulary/").status_code == 405
    assert client.head("/vocabulary/objectives/1/").status_code == 200
