import re

import pytest

from corridor.community.models import Event
from corridor.directory.tests.factories import OrganisationFactory
from corridor.knowledge.models import Visibility
from corridor.knowledge.tests.factories import ResourceFactory
from corridor.workplans.tests.factories import WorkstreamFactory


def figure(content: bytes, label: str) -> int:
    match = re.search(rb'<span class="figure">(\d+)</span> ' + label.encode(), content)
    assert match, f"no figure for {label}"
    return int(match.group(1))


@pytest.mark.django_db
def test_counts_come_from_the_database(client):
    before = client.get("/").content
    OrganisationFactory.create_batch(3)
    OrganisationFactory(is_active=False)
    WorkstreamFactory.create_batch(2)
    ResourceFactory()
    ResourceFactory(visibility=Visibility.MEMBERS)
    after = client.get("/").content
    assert figure(after, "organisations") == figure(before, "organisations") + 3
    assert figure(after, "workstreams and items") == figure(before, "workstreams and items") + 2
    assert figure(after, "workplans") == figure(before, "workplans") + 2
    assert figure(after, "knowledge resources") == figure(before, "knowledge resources") + 1


@pytest.mark.django_db
def test_latest_changes_list_the_newest_first(client):
    old = WorkstreamFactory(title="Older workstream")
    new = OrganisationFactory(name="Newest organisation")
    content = client.get("/").content.decode()
    assert content.index(new.name) < content.index(old.title)


@pytest.mark.django_db
def test_latest_changes_never_show_hidden_resources(client):
    ResourceFactory(title="Confidential draft", visibility=Visibility.RESTRICTED)
    assert b"Confidential draft" not in client.get("/").content


@pytest.mark.django_db
def test_base_layout_landmarks_and_skip_link(client):
    content = client.get("/").content.decode()
    assert content.index('class="skip-link" href="#main"') < content.index("<header")
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in content
    assert '<html lang="en" dir="ltr">' in content
    assert "http://" not in content.split("<body>")[0].replace('href="http://testserver', "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [
        ("/ar/", "ar", "rtl"),
        ("/fr/", "fr", "ltr"),
        ("/zh-hans/", "zh-hans", "ltr"),
        ("/", "en", "ltr"),
    ],
)
def test_language_prefix_sets_lang_and_direction(client, prefix, lang, direction):
    content = client.get(prefix).content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in content


@pytest.mark.django_db
def test_language_switcher_links_to_the_same_page(client):
    content = client.get("/community/events/").content.decode()
    for prefix in ("/ar/", "/zh-hans/", "/fr/", "/ru/", "/es/"):
        assert f'href="{prefix}community/events/"' in content


@pytest.mark.django_db
def test_home_query_count_is_bounded(client, django_assert_max_num_queries):
    WorkstreamFactory.create_batch(3)
    with django_assert_max_num_queries(16):
        client.get("/")
    WorkstreamFactory.create_batch(30)
    OrganisationFactory.create_batch(30)
    Event.objects.all().delete()
    with django_assert_max_num_queries(16):
        client.get("/")
