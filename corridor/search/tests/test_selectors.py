"""Results and facet counts on the small world of ``fixtures.py``, checked against answers worked
out by hand; visibility per role; the page of hits checked again against the database."""

import pytest
from django.contrib.auth.models import AnonymousUser

from corridor.directory.models import User
from corridor.knowledge.models import Resource
from corridor.search.models import Document
from corridor.search.selectors import audience_for, search, similar
from corridor.search.services import document_refresh, search_catch_up

ANONYMOUS = AnonymousUser()


def found(page) -> set[str]:
    return {item.title for item in page.items}


def counts(page, name) -> dict[str, int]:
    if name == "type":
        return {option.value: option.count for option in page.types}
    facet = next(f for f in page.facets if f.name == name)
    return {option.value: option.count for option in facet.options}


def test_everything_public_with_every_facet_counted(world):
    page = search(user=ANONYMOUS)
    assert page.total == 8
    assert found(page) == {
        "International Organization for Migration (IOM)",
        "Labour Alliance",
        "Amira Haddad",
        "Sunrise",
        "Alternatives to detention",
        "Fair recruitment of migrant workers",
        "Regional consultation on labour migration",
        "Impact of detention on children",
    }
    assert counts(page, "type") == {
        "resource": 1, "workstream": 1, "organisation": 2, "person": 2, "event": 1,
        "research_topic": 1,
    }  # fmt: skip
    assert [o.value for o in page.types] == [
        "resource", "workstream", "organisation", "person", "event", "research_topic",
    ]  # fmt: skip
    assert page.type_total == 8
    assert counts(page, "objective") == {"6": 2, "13": 2}
    assert counts(page, "country") == {"FR": 2, "CH": 1, "ES": 1, "MX": 1}
    assert counts(page, "region") == {"150": 4, "155": 3, "039": 1, "019": 1, "419": 1}
    assert counts(page, "organisation") == {"iom": 3, "labour": 3}
    assert counts(page, "year") == {"2021": 1, "2019": 2}
    assert counts(page, "language") == {"en": 4}
    assert counts(page, "principle") == {}
    # Labels in the reader's language, values in their own order.
    objective = next(f for f in page.facets if f.name == "objective")
    assert [o.label for o in objective.options] == [
        "6. Fair recruitment and decent work",
        "13. Alternatives to detention",
    ]
    assert [o.label for o in next(f for f in page.facets if f.name == "language").options] == [
        "English"
    ]


def test_words_and_filters(world):
    assert found(search(user=ANONYMOUS, q="detention")) == {
        "Alternatives to detention",
        "Impact of detention on children",
    }
    assert found(search(user=ANONYMOUS, q="labour")) == {
        "Labour Alliance",
        "Amira Haddad",
        "Sunrise",
        "Regional consultation on labour migration",
    }
    # Through the English stemmer.
    assert found(search(user=ANONYMOUS, q="recruiting")) == {"Fair recruitment of migrant workers"}

    page = search(user=ANONYMOUS, filters={"objective": ["13"], "country": ["MX"]})
    assert found(page) == {"Impact of detention on children"}
    assert counts(page, "objective") == {"13": 1}  # under country=MX
    assert counts(page, "country") == {"MX": 1}  # under objective=13
    assert counts(page, "type") == {"research_topic": 1}
    assert [o.value for f in page.facets for o in f.selected] == ["13", "MX"]

    assert search(user=ANONYMOUS, filters={"objective": ["6", "13"]}).total == 4
    page = search(user=ANONYMOUS, filters={"objective": ["6"], "type": ["event"]})
    assert found(page) == {"Regional consultation on labour migration"}
    assert counts(page, "type") == {"resource": 1, "event": 1}
    assert search(user=ANONYMOUS, filters={"organisation": ["iom"]}).total == 3
    assert search(user=ANONYMOUS, filters={"region": ["150"], "year": ["2019"]}).total == 1


def test_sort_by_date_and_pages(world):
    page = search(user=ANONYMOUS, sort="date", per_page=3)
    assert [item.title for item in page.items] == [
        "Fair recruitment of migrant workers",
        "Alternatives to detention",
        "Regional consultation on labour migration",
    ]
    assert (page.num_pages, page.has_next(), page.has_previous()) == (3, True, False)
    last = search(user=ANONYMOUS, sort="date", per_page=3, page=3)
    assert len(last.items) == 2 and last.has_previous() and not last.has_next()
    assert search(user=ANONYMOUS, sort="nonsense").sort == "relevance"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", set()),
        ("outsider", set()),
        ("member", {"Guide de surveillance de la détention"}),
        (
            "other_member",
            {"Guide de surveillance de la détention", "Confidential detention review"},
        ),
        (
            "secretariat",
            {"Guide de surveillance de la détention", "Confidential detention review"},
        ),
    ],
)
def test_each_role_finds_what_it_may_see(world, role, expected):
    user = ANONYMOUS if role == "anonymous" else getattr(world, role)
    public = {"Alternatives to detention", "Impact of detention on children"}
    page = search(user=user, q="detention")
    assert found(page) == public | expected
    assert page.total == len(public | expected)
    assert counts(page, "objective") == {"13": len(public | expected)}
    # The draft is never found, the restricted review is in the index all the same.
    assert "Draft detention paper" not in found(search(user=world.secretariat, q="draft"))
    assert Document.objects.filter(key=f"resource:{world.restricted.pk}").exists()


def test_audiences(world):
    assert audience_for(ANONYMOUS).levels == {"public"}
    member = audience_for(world.member)
    assert member.levels == {"public", "members"}
    assert member.organisation_ids == {world.iom.pk}
    outsider = audience_for(world.outsider)
    assert outsider.levels == {"public"} and outsider.person_id == world.outsider.pk
    assert audience_for(world.secretariat).everything


def test_inactive_organisations_and_private_profiles_are_not_found(world):
    assert search(user=world.secretariat, q="rights network").total == 0
    assert search(user=world.secretariat, q="hidden").total == 0


def test_a_pseudonymous_person_is_found_by_pseudonym_never_by_real_name(world):
    assert found(search(user=ANONYMOUS, q="sunrise")) == {"Sunrise"}
    for user in (ANONYMOUS, world.member, world.secretariat):
        for words in ("Secretname", "Realperson", "secret.person", "secret.person@example.org"):
            assert search(user=user, q=words).total == 0, words
    for row in Document.objects.all():
        text = " ".join(str(value) for value in row.__dict__.values())
        assert "Secretname" not in text and "Realperson" not in text
        assert "@example.org" not in text


def test_the_database_has_the_last_word_before_the_index_catches_up(world, settings):
    settings.SEARCH_CATCH_UP_ON_SEARCH = False
    # Made members-only behind the services' back: the table and the index still say public.
    Resource.objects.filter(pk=world.recruitment.pk).update(visibility="members")
    page = search(user=ANONYMOUS, q="recruitment")
    assert page.total == 1  # the index's count...
    assert page.items == []  # ...but the hit is not shown
    assert found(search(user=world.member, q="recruitment")) == {
        "Fair recruitment of migrant workers"
    }

    # Made restricted through the service, but the index has not caught up (no commit yet).
    Resource.objects.filter(pk=world.recruitment.pk).update(visibility="restricted")
    world.recruitment.refresh_from_db()
    document_refresh(world.recruitment)
    assert found(search(user=world.member, q="recruitment")) == set()
    assert found(search(user=world.other_member, q="recruitment")) == {
        "Fair recruitment of migrant workers"
    }
    search_catch_up()
    assert search(user=world.member, q="recruitment").total == 0

    # A profile made private in the database.
    User.objects.filter(pk=world.amira.pk).update(is_profile_public=False)
    assert found(search(user=ANONYMOUS, q="amira")) == set()


def test_what_is_shown_comes_from_the_table(world, settings):
    settings.SEARCH_CATCH_UP_ON_SEARCH = False
    Document.objects.filter(key=f"event:{world.event.pk}").update(title="Renamed consultation")
    assert found(search(user=ANONYMOUS, q="consultation")) == {"Renamed consultation"}


def test_similar_items_respect_visibility(world):
    # Like the detention workstream: the topic on detention; the members' guide for members only.
    titles = [item.title for item in similar(user=ANONYMOUS, obj=world.workstream)]
    assert titles[0] == "Impact of detention on children"
    assert "Guide de surveillance de la détention" not in titles
    assert "Confidential detention review" not in titles
    assert "Confidential detention review" in [
        item.title for item in similar(user=world.other_member, obj=world.workstream, limit=10)
    ]
    resources = similar(user=world.secretariat, obj=world.workstream, types=["resource"])
    assert resources and all(item.type == "resource" for item in resources)
    assert similar(user=ANONYMOUS, obj=world.draft) == []
