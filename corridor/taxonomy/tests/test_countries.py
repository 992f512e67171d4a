"""Countries, territories and M49 regions: the data, the lookups and the translated names."""

import pytest
from django.utils import translation

from corridor.taxonomy.countries import (
    REGIONS,
    REGIONS_BY_M49,
    country_data,
    country_lookup,
    translated_country_name,
)
from corridor.taxonomy.models import Country, Region


def record(code):
    return next(r for r in country_data() if r.code == code)


def test_every_iso_country_and_territory():
    records = country_data()
    assert len(records) == 249
    assert len({r.code for r in records}) == 249
    assert len({r.alpha3 for r in records}) == 249
    assert len({r.numeric for r in records}) == 249


def test_member_and_observer_states_are_not_territories():
    records = country_data()
    assert sum(1 for r in records if not r.is_territory) == 193 + 2


def test_namibia_is_not_a_missing_value():
    namibia = record("NA")
    assert namibia.alpha3 == "NAM"
    assert namibia.numeric == "516"
    assert namibia.name == "Namibia"
    assert namibia.is_territory is False
    assert REGIONS_BY_M49[namibia.region].name == "Africa"
    assert REGIONS_BY_M49[namibia.subregion].name == "Sub-Saharan Africa"
    assert REGIONS_BY_M49[namibia.intermediate_region].name == "Southern Africa"


@pytest.mark.parametrize("code", ["GL", "PR", "HK", "TW", "GG", "AQ", "EH", "BM"])
def test_territories(code):
    assert record(code).is_territory is True


@pytest.mark.parametrize("code", ["VA", "PS"])
def test_observer_states_are_not_territories(code):
    assert record(code).is_territory is False


@pytest.mark.parametrize(
    "code, region, subregion, intermediate",
    [
        ("FR", "150", "155", None),
        ("MX", "019", "419", "013"),
        ("US", "019", "021", None),
        ("GL", "019", "021", None),
        ("TR", "142", "145", None),
        ("AU", "009", "053", None),
        ("EG", "002", "015", None),
        ("NG", "002", "202", "011"),
        ("JE", "150", "154", "830"),
        ("AQ", None, None, None),
    ],
)
def test_m49_areas(code, region, subregion, intermediate):
    r = record(code)
    assert (r.region, r.subregion, r.intermediate_region) == (region, subregion, intermediate)


def test_region_hierarchy_is_well_formed():
    assert REGIONS_BY_M49["001"].parent is None
    assert {r.name for r in REGIONS if r.level == "region"} == {
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
    }
    for region in REGIONS:
        if region.parent:
            parent = REGIONS_BY_M49[region.parent]
            expected = {"region": "world", "subregion": "region", "intermediate": "subregion"}
            assert parent.level == expected[region.level]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Swaziland", "SZ"),
        ("Eswatini", "SZ"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Macedonia", "MK"),
        ("North Macedonia", "MK"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("North Korea", "KP"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Republic of Korea", "KR"),
        ("Iran", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Bolivia (Plurinational State of)", "BO"),
        ("State of Palestine", "PS"),
        ("Holy See", "VA"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("UK", "GB"),
        ("the Netherlands", "NL"),
        ("Democratic Republic of the Congo", "CD"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("  namibia  ", "NA"),
        ("NA", "NA"),
        ("na", "NA"),
        ("NAM", "NA"),
        ("516", "NA"),
        ("4", "AF"),
        ("gbr", "GB"),
    ],
)
def test_country_lookup(text, code):
    assert country_lookup(text) == code


@pytest.mark.parametrize(
    "text",
    [None, "", "   ", "Global", "Regional", "Kosovo", "XX", "Europe", "999", "1234", "x" * 500],
)
def test_country_lookup_unknown(text):
    assert country_lookup(text) is None


@pytest.mark.parametrize(
    "language, code, name",
    [
        ("ar", "NA", "ناميبيا"),
        ("ar", "TR", "تركيا"),
        ("fr", "NA", "Namibie"),
        ("fr", "DE", "Allemagne"),
        ("zh-hans", "NA", "纳米比亚"),
        ("zh-hans", "CN", "中国"),
        ("ru", "NA", "Намибия"),
        ("es", "DE", "Alemania"),
    ],
)
def test_translated_country_name(language, code, name):
    with translation.override(language):
        assert translated_country_name(code, "fallback") == name


def test_translated_country_name_falls_back():
    with translation.override("en"):
        assert translated_country_name("NA", "Namibia (stored)") == "Namibia (stored)"
    with translation.override("fr"):
        # Same in French as in English: the stored name.
        assert translated_country_name("CA", "Canada") == "Canada"
        assert translated_country_name("ZZ", "Nowhere") == "Nowhere"
        assert translated_country_name("", "Nowhere") == "Nowhere"


def test_display_name_is_translated(db):
    namibia = Country.objects.get(code="NA")
    with translation.override("ar"):
        assert namibia.display_name == "ناميبيا"
        assert str(namibia) == "ناميبيا"
    with translation.override("en"):
        assert namibia.display_name == "Namibia"


def test_loaded_namibia(db):
    namibia = Country.objects.select_related("region", "subregion", "intermediate_region").get(
        code="NA"
    )
    assert namibia.alpha3 == "NAM"
    assert namibia.region.name == "Africa"
    assert namibia.subregion.name == "Sub-Saharan Africa"
    assert namibia.intermediate_region.name == "Southern Africa"
    assert namibia.intermediate_region.parent == namibia.subregion
    assert namibia.subregion.parent == namibia.region
    assert namibia.region.parent.m49 == "001"
    assert not Country.objects.filter(code="").exists()


def test_loaded_territories_and_observers(db):
    assert Country.objects.get(code="GL").is_territory
    assert Country.objects.get(code="PR").is_territory
    assert Country.objects.get(code="HK").is_territory
    assert not Country.objects.get(code="VA").is_territory
    assert not Country.objects.get(code="PS").is_territory
    assert Country.objects.filter(is_territory=False).count() == 195


def test_loaded_regions(db):
    assert Region.objects.get(m49="001").level == Region.Level.WORLD
    assert Region.objects.filter(level=Region.Level.REGION).count() == 5
    assert Region.objects.filter(parent__isnull=True).count() == 1
    assert Region.objects.count() == len(REGIONS)


def test_country_converter_columns_are_read_as_strings():
    """The trap: pandas reads Namibia's ISO2 "NA" as missing. The csv module keeps it."""
    import csv

    from corridor.taxonomy.countries import country_converter_data_file

    with country_converter_data_file().open(encoding="utf-8", newline="") as handle:
        rows = {row["ISO3"]: row for row in csv.DictReader(handle, delimiter="\t")}
    assert rows["NAM"]["ISO2"] == "NA"
    assert rows["NAM"]["UNregion"] == "Southern Africa"
    assert {"ISO3", "ISO2", "UNregion", "UNmember"} <= set(rows["NAM"])
