from django.utils import translation

from corridor.taxonomy import selectors
from corridor.taxonomy.models import Region


def test_lists_in_order(db):
    assert [o.number for o in selectors.objective_list()] == list(range(1, 24))
    assert [p.number for p in selectors.principle_list()] == list(range(1, 11))
    codes = [t.code for t in selectors.sdg_target_list()]
    assert codes.index("8.7") < codes.index("10.7")


def test_thematic_area_list_prefetches_objectives(db, django_assert_num_queries):
    with django_assert_num_queries(2):
        areas = list(selectors.thematic_area_list())
        groupings = {a.number: [o.number for o in a.objectives.all()] for a in areas}
    assert groupings[5] == [4, 15, 16, 22, 23]


def test_region_tree(db, django_assert_num_queries):
    with django_assert_num_queries(2):
        roots = selectors.region_tree()
    assert [root.region.m49 for root in roots] == ["001"]
    world = roots[0]
    assert [node.region.name for node in world.children] == [
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
    ]
    assert world.country_count == 249
    assert [c.code for c in world.countries] == ["AQ"]  # in no M49 region
    africa = world.children[0]
    ssa = next(node for node in africa.children if node.region.m49 == "202")
    southern = next(node for node in ssa.children if node.region.m49 == "018")
    assert "NA" in [c.code for c in southern.countries]
    assert ssa.countries == []
    northern_europe = next(node for node in world.children[3].children if node.region.m49 == "154")
    assert {c.code for c in northern_europe.children[0].countries} == {"GG", "JE"}
    assert "GB" in {c.code for c in northern_europe.countries}
    assert len(northern_europe.all_countries()) == northern_europe.country_count


def test_country_list_by_region_at_every_level(db):
    in_africa = selectors.country_list(region="002")
    in_ssa = selectors.country_list(region="202")
    in_southern_africa = selectors.country_list(region=Region.objects.get(m49="018"))
    assert set(in_southern_africa.values_list("code", flat=True)) == {"BW", "LS", "NA", "SZ", "ZA"}
    assert in_southern_africa.count() < in_ssa.count() < in_africa.count()


def test_country_list_search(db):
    def codes(**kwargs):
        return set(selectors.country_list(**kwargs).values_list("code", flat=True))

    assert codes(q="namib") == {"NA"}
    assert codes(q="Swaziland") == {"SZ"}
    assert codes(q="nam") >= {"NA", "VN"}
    assert codes(q="DEU") == {"DE"}
    assert codes(q="Kingdom of Eswatini") == {"SZ"}
    assert codes(q="  ") == set(selectors.country_list().values_list("code", flat=True))
    with translation.override("ar"):
        assert codes(q="ناميبيا") == {"NA"}
    with translation.override("fr"):
        assert "DE" in codes(q="allemagne")


def test_country_list_territories(db):
    assert selectors.country_list(is_territory=True).count() == 54
    assert selectors.country_list(is_territory=False, region="021").count() == 2  # CA, US


def test_country_get(db):
    assert selectors.country_get(code="na").code == "NA"
    assert selectors.country_get(code=" NA ").code == "NA"
    assert selectors.country_get(code="ZZ") is None
    assert selectors.country_get(code="NAM") is None
    assert selectors.country_get(code="") is None


def test_objective_neighbours(db):
    first = selectors.objective_get(number=1)
    assert selectors.objective_neighbours(objective=first) == {
        "previous": None,
        "next": selectors.objective_get(number=2),
    }
    last = selectors.objective_get(number=23)
    assert selectors.objective_neighbours(objective=last)["next"] is None


def test_factories_reuse_the_loaded_vocabulary_and_invent_clear_codes(db):
    from corridor.taxonomy.models import Country
    from corridor.taxonomy.tests.factories import (
        CountryFactory,
        GuidingPrincipleFactory,
        ObjectiveFactory,
        SdgTargetFactory,
    )

    assert CountryFactory().name == "Namibia"
    assert ObjectiveFactory(number=3).short_name == "Information provision"
    assert GuidingPrincipleFactory(number=1).name == "People-centred"
    assert SdgTargetFactory(code="8.7").sort_key == 807
    invented = [CountryFactory(code=code, alpha3=f"X{code}") for code in ("XA", "XB", "XC", "XD")]
    assert all(int(country.numeric) >= 900 for country in invented)
    assert Country.objects.count() == 249 + 4
    assert SdgTargetFactory(code="1.1").sort_key == 101
