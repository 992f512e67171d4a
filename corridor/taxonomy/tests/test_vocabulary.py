"""The vocabulary data itself, before any database."""

import pytest

from corridor.taxonomy import vocabulary
from corridor.taxonomy.models import GuidingPrinciple, Objective, SdgTarget, ThematicArea, Theme

# As network-draft-multiannual-workplan.txt lists them, in its order.
SEED_GROUPINGS = {
    1: (1, 3, 17, 23),
    2: (2, 7, 8, 12, 13, 23),
    3: (9, 10, 11, 14, 21, 23),
    4: (5, 6, 18, 19, 20, 23),
    5: (4, 16, 15, 22, 23),
}


def test_counts():
    assert len(vocabulary.OBJECTIVES) == 23
    assert [o.number for o in vocabulary.OBJECTIVES] == list(range(1, 24))
    assert len(vocabulary.GUIDING_PRINCIPLES) == 10
    assert [p.number for p in vocabulary.GUIDING_PRINCIPLES] == list(range(1, 11))
    assert len(vocabulary.THEMATIC_AREAS) == 5


def test_official_titles():
    titles = {o.number: o.title for o in vocabulary.OBJECTIVES}
    assert titles[3] == "Provide accurate and timely information at all stages of migration"
    assert titles[21] == (
        "Cooperate in facilitating safe and dignified return and readmission, as well as "
        "sustainable reintegration"
    )
    assert titles[23] == (
        "Strengthen international cooperation and global partnerships for safe, orderly and "
        "regular migration"
    )
    assert all(not title.endswith((".", " ")) for title in titles.values())


@pytest.mark.parametrize("number, objectives", SEED_GROUPINGS.items())
def test_thematic_area_groupings_follow_the_workplan(number, objectives):
    assert vocabulary.THEMATIC_AREAS_BY_NUMBER[number].objectives == objectives


def test_objective_23_is_in_every_area_and_every_objective_in_some_area():
    assert all(23 in area.objectives for area in vocabulary.THEMATIC_AREAS)
    grouped = {n for area in vocabulary.THEMATIC_AREAS for n in area.objectives}
    assert grouped == set(range(1, 24))


def test_thematic_area_names_as_in_the_workplan():
    names = {a.number: a.name for a in vocabulary.THEMATIC_AREAS}
    assert names[1].startswith("Promoting fact-based and data-driven migration discourse")
    assert names[3] == (
        "Addressing irregular migration including through managing borders and combatting "
        "transnational crime"
    )
    assert names[5] == "Improving the social inclusion and integration of migrants"


def test_themes_cover_the_cross_cutting_issues():
    slugs = set(vocabulary.THEMES_BY_SLUG)
    assert {
        "gender",
        "children-youth",
        "hiv-health",
        "climate-disasters",
        "human-rights",
        "disability",
        "xenophobia-discrimination",
        "forced-labour",
        "human-trafficking",
        "migrant-smuggling",
        "labour-migration",
        "data",
    } <= slugs
    assert len(slugs) == len(vocabulary.THEMES)


def test_sdg_targets_include_8_7_and_10_7():
    assert vocabulary.SDG_TARGETS_BY_CODE["8.7"].title.startswith(
        "Take immediate and effective measures to eradicate forced labour"
    )
    assert vocabulary.SDG_TARGETS_BY_CODE["10.7"].title == (
        "Facilitate orderly, safe, regular and responsible migration and mobility of people, "
        "including through the implementation of planned and well-managed migration policies"
    )


def test_sdg_sort_key_orders_as_the_agenda():
    codes = ["17.18", "10.c", "8.7", "10.7", "17.2", "3.8", "10.a"]
    assert sorted(codes, key=vocabulary.sdg_sort_key) == [
        "3.8",
        "8.7",
        "10.7",
        "10.a",
        "10.c",
        "17.2",
        "17.18",
    ]
    assert vocabulary.sdg_sort_key("nonsense") == 0


def test_every_string_fits_its_column():
    def limit(model, name):
        return model._meta.get_field(name).max_length

    for o in vocabulary.OBJECTIVES:
        assert len(o.short_name) <= limit(Objective, "short_name")
        assert len(o.title) <= limit(Objective, "title")
    for p in vocabulary.GUIDING_PRINCIPLES:
        assert len(p.name) <= limit(GuidingPrinciple, "name")
    for a in vocabulary.THEMATIC_AREAS:
        assert len(a.name) <= limit(ThematicArea, "name")
    for t in vocabulary.THEMES:
        assert len(t.name) <= limit(Theme, "name")
        assert len(t.slug) <= limit(Theme, "slug")
    for s in vocabulary.SDG_TARGETS:
        assert len(s.title) <= limit(SdgTarget, "title")
        assert len(s.code) <= limit(SdgTarget, "code")


def test_msgids_name_every_display_string():
    assert vocabulary.MSGIDS["Information provision"] == "objective"
    assert vocabulary.MSGIDS["People-centred"] == "guiding principle"
    assert vocabulary.MSGIDS["Human trafficking"] == "theme"


def test_strings_reach_the_catalogue_through_gettext_noop():
    """makemessages finds gettext_noop calls: every name in the module is wrapped in one."""
    from pathlib import Path

    source = Path(vocabulary.__file__).read_text(encoding="utf-8")
    assert source.count("gettext_noop(") >= 23 * 2 + 10 * 2 + 5 + len(vocabulary.THEMES) + len(
        vocabulary.SDG_TARGETS
    )


@pytest.mark.parametrize(
    "text, number",
    [
        ("Thematic Area 3 - Addressing irregular migration", 3),
        ("Thematic Area 1 – Promoting fact-based and data-driven migration discourse", 1),
        ("4", 4),
        ("Improving the social inclusion and integration of migrants", 5),
        (
            "Protecting safety and wellbeing of migrants, including through addressing the "
            "drivers and mitigating situations of vulnerability in migration",
            2,
        ),
        (
            "Enhancing pathways for regular migration, decent work and the positive development "
            "effects of human mobility",
            4,
        ),
        ("Thematic Area 9", None),
        ("", None),
        (None, None),
        ("Something else", None),
    ],
)
def test_thematic_area_lookup(text, number):
    assert vocabulary.thematic_area_lookup(text) == number


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("21, 7, 10, 12, 15, and 16", [21, 7, 10, 12, 15, 16]),
        ("13, 7 and 10", [13, 7, 10]),
        ("S and 7", [7]),
        ("GCM Objectives 1-23", list(range(1, 24))),
        ("1, 3, 17, 23", [1, 3, 17, 23]),
        ("Delivered by July 2020", []),
        ("", []),
        (None, []),
    ],
)
def test_parse_objective_numbers(text, numbers):
    assert vocabulary.parse_objective_numbers(text) == numbers
