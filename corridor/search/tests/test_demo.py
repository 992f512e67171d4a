"""The demo data, made searchable as ``make run`` does (``load_demo`` then ``search_reindex``)."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from corridor.community.models import Event, ResearchTopic
from corridor.demo.loader import load_demo
from corridor.directory.models import Organisation, User
from corridor.knowledge.selectors import resource_list
from corridor.search.models import Document
from corridor.search.selectors import search
from corridor.search.services import documents_rebuild_from_sources, search_rebuild
from corridor.workplans.models import Workstream

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    documents_rebuild_from_sources()
    search_rebuild()


def objective_13_in_the_database(user) -> int:
    return (
        Workstream.objects.filter(objectives__number=13).distinct().count()
        + Event.objects.filter(objectives__number=13).distinct().count()
        + ResearchTopic.objects.filter(objectives__number=13).distinct().count()
        + resource_list(user=user).filter(objectives__number=13).distinct().count()
    )


def test_the_demo_is_found(demo):
    anonymous = AnonymousUser()
    page = search(user=anonymous, q="detention")
    titles = [item.title for item in page.items]
    assert "Alternatives to detention are promoted and utilized" in titles
    workstream = Workstream.objects.get(title="Alternatives to detention are promoted and utilized")
    item = next(i for i in page.items if i.title == workstream.title)
    assert item.url == workstream.get_absolute_url()
    assert "<mark>" in item.snippet or item.summary

    everything = search(user=anonymous)
    objective = next(f for f in everything.facets if f.name == "objective")
    count_13 = next(o.count for o in objective.options if o.value == "13")
    assert count_13 == objective_13_in_the_database(anonymous) > 0
    assert search(user=anonymous, filters={"objective": ["13"]}).total == count_13

    types = {option.value: option.count for option in everything.types}
    assert types["workstream"] == Workstream.objects.count()
    assert types["organisation"] == Organisation.objects.filter(is_active=True).count()
    assert (
        types.get("person", 0)
        == User.objects.filter(is_active=True, is_profile_public=True).count()
    )
    assert types["resource"] == resource_list(user=anonymous).count()

    # The pseudonymous demo person, even with a public profile, is found by pseudonym only.
    people = User.objects.exclude(pseudonym="").exclude(full_name="")
    assert people.exists()
    for person in people:
        User.objects.filter(pk=person.pk).update(is_profile_public=True)
    documents_rebuild_from_sources()
    for person in people:
        assert search(user=AnonymousUser(), q=person.pseudonym).total >= 1
        assert search(user=AnonymousUser(), q=f'"{person.full_name}"').total == 0
        assert not Document.objects.filter(title__icontains=person.full_name).exists()
        assert not Document.objects.filter(body__icontains=person.full_name).exists()


def test_search_reindex_after_load_demo(search_index):
    load_demo()
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "workstream" in out.getvalue() and "Search index up to date" in out.getvalue()
    assert Document.objects.filter(type="workstream").count() == Workstream.objects.count()
    assert search(user=AnonymousUser(), q="detention").total > 0
    # Again: nothing changes.
    before = Document.objects.count()
    counts = documents_rebuild_from_sources()
    assert Document.objects.count() == before
    assert sum(c["created"] + c["updated"] + c["deleted"] for c in counts.values()) == 0
