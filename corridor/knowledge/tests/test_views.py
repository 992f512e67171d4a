import pytest

from corridor.knowledge.models import Resource, Visibility
from corridor.knowledge.tests.factories import ResourceFactory


@pytest.mark.django_db
def test_list_and_detail_of_a_public_resource(client):
    ResourceFactory(
        slug="education", title="Accessible, inclusive education", body="**All** children"
    )
    response = client.get("/knowledge/")
    assert response.status_code == 200
    assert b"Accessible, inclusive education" in response.content
    response = client.get("/knowledge/resources/education/")
    assert response.status_code == 200
    assert b"<strong>All</strong> children" in response.content


@pytest.mark.django_db
def test_hidden_resources_are_404_not_403(client):
    ResourceFactory(slug="draft", title="Unpublished draft", status=Resource.Status.DRAFT)
    ResourceFactory(slug="members", title="Members only", visibility=Visibility.MEMBERS)
    assert client.get("/knowledge/resources/draft/").status_code == 404
    assert client.get("/knowledge/resources/members/").status_code == 404
    listing = client.get("/knowledge/").content
    assert b"Unpublished draft" not in listing
    assert b"Members only" not in listing


@pytest.mark.django_db
def test_body_markdown_is_sanitised(client):
    ResourceFactory(slug="x", body="<script>alert(1)</script>\n\n[link](javascript:alert(1))")
    content = client.get("/knowledge/resources/x/").content
    assert b"<script>alert(1)" not in content
    assert b'href="javascript' not in content


@pytest.mark.django_db
def test_unknown_type_filter_is_ignored_not_an_error(client):
    ResourceFactory()
    response = client.get("/knowledge/?type=%00nonsense&page=abc")
    assert response.status_code == 200


@pytest.mark.django_db
def test_list_query_count_is_bounded(client, django_assert_max_num_queries):
    ResourceFactory.create_batch(3)
    with django_assert_max_num_queries(8):
        client.get("/knowledge/")
    ResourceFactory.create_batch(30)
    with django_assert_max_num_queries(8):
        client.get("/knowledge/")
