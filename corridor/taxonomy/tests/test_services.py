"""Loading the vocabulary: from the data migration, again by command, and repairing drift."""

from io import StringIO

from django.core.management import call_command

from corridor.taxonomy import vocabulary
from corridor.taxonomy.countries import REGIONS
from corridor.taxonomy.models import (
    Country,
    GuidingPrinciple,
    Objective,
    Region,
    SdgTarget,
    ThematicArea,
    Theme,
)
from corridor.taxonomy.services import ensure_vocabulary, load_vocabulary

MODELS = (Objective, GuidingPrinciple, ThematicArea, Theme, SdgTarget, Region, Country)


def snapshot():
    """Every vocabulary row's values, and the thematic areas' objectives."""
    rows = {model.__name__: sorted(model.objects.values_list()) for model in MODELS}
    rows["links"] = sorted(ThematicArea.objectives.through.objects.values_list())
    return rows


def test_the_migration_loaded_everything(db):
    assert Objective.objects.count() == 23
    assert GuidingPrinciple.objects.count() == 10
    assert ThematicArea.objects.count() == 5
    assert Theme.objects.count() == len(vocabulary.THEMES)
    assert SdgTarget.objects.count() == len(vocabulary.SDG_TARGETS)
    assert Region.objects.count() == len(REGIONS)
    assert Country.objects.count() == 249


def test_each_area_groups_the_objectives_the_workplan_lists(db):
    for area in ThematicArea.objects.prefetch_related("objectives"):
        numbers = {objective.number for objective in area.objectives.all()}
        assert numbers == set(vocabulary.THEMATIC_AREAS_BY_NUMBER[area.number].objectives)
        assert 23 in numbers


def test_loading_again_changes_nothing(db):
    before = snapshot()
    summary = load_vocabulary()
    assert summary.total_created == 0
    assert summary.total_updated == 0
    assert not summary.changed
    assert summary.unchanged["Country"] == 249
    assert snapshot() == before
    summary = load_vocabulary()
    assert summary.total_created == 0
    assert snapshot() == before


def test_loading_into_empty_tables(db):
    Country.objects.all().delete()
    Region.objects.filter(level=Region.Level.INTERMEDIATE).delete()
    Region.objects.filter(level=Region.Level.SUBREGION).delete()
    Region.objects.filter(level=Region.Level.REGION).delete()
    Region.objects.all().delete()
    for model in (ThematicArea, Objective, GuidingPrinciple, Theme, SdgTarget):
        model.objects.all().delete()

    summary = load_vocabulary()

    assert summary.created["Objective"] == 23
    assert summary.created["Country"] == 249
    assert summary.created["Region"] == len(REGIONS)
    assert summary.total_updated == 0
    assert Country.objects.get(code="NA").intermediate_region.m49 == "018"
    assert list(ThematicArea.objects.get(number=5).objectives.values_list("number", flat=True)) == [
        4,
        15,
        16,
        22,
        23,
    ]
    assert load_vocabulary().changed is False


def test_loading_repairs_drift_in_place(db):
    objective = Objective.objects.get(number=3)
    objective.title = "Edited by hand"
    objective.save()
    area = ThematicArea.objects.get(number=1)
    area.objectives.remove(Objective.objects.get(number=17))
    area.objectives.add(Objective.objects.get(number=9))
    Country.objects.filter(code="NA").update(name="Namibia (edited)", is_territory=True)
    SdgTarget.objects.filter(code="8.7").update(sort_key=0)
    pks = dict(Objective.objects.values_list("number", "pk"))

    summary = load_vocabulary()

    assert summary.updated == {"Objective": 1, "ThematicArea": 1, "Country": 1, "SdgTarget": 1}
    assert summary.total_created == 0
    assert Objective.objects.get(number=3).title == vocabulary.OBJECTIVES_BY_NUMBER[3].title
    assert sorted(area.objectives.values_list("number", flat=True)) == [1, 3, 17, 23]
    namibia = Country.objects.get(code="NA")
    assert (namibia.name, namibia.is_territory) == ("Namibia", False)
    assert dict(Objective.objects.values_list("number", "pk")) == pks


def test_loading_keeps_rows_it_does_not_know(db):
    Theme.objects.create(slug="local-theme", name="A theme added by an administrator")
    assert load_vocabulary().changed is False
    assert Theme.objects.filter(slug="local-theme").exists()


def test_sdg_targets_in_agenda_order(db):
    codes = list(SdgTarget.objects.values_list("code", flat=True))
    assert codes.index("8.7") < codes.index("10.7") < codes.index("10.c") < codes.index("17.18")


def test_sdg_target_clean_sets_the_sort_key(db):
    target = SdgTarget(code="10.a", title="Implement the principle of special and differential")
    target.full_clean()
    assert target.sort_key == 1050


def test_management_command_reports_zero_created(db):
    out = StringIO()
    call_command("load_vocabulary", stdout=out)
    output = out.getvalue()
    assert "GCM objectives: 23 (0 created, 0 updated)" in output
    assert "countries and territories: 249 (0 created, 0 updated)" in output
    assert "0 created, 0 updated." in output


def test_management_command_reports_what_it_created(db):
    Theme.objects.filter(slug="disability").delete()
    out = StringIO()
    call_command("load_vocabulary", stdout=out)
    assert "Vocabulary loaded: 1 created, 0 updated." in out.getvalue()


def test_ensure_vocabulary_does_nothing_when_loaded(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        assert ensure_vocabulary() is None


def test_flush_puts_the_vocabulary_back(transactional_db):
    """flush (between transactional tests) empties every table; post_migrate reloads this one."""
    call_command("flush", interactive=False, verbosity=0)
    assert Objective.objects.count() == 23
    assert Country.objects.count() == 249
    assert ThematicArea.objects.get(number=2).objectives.count() == 6
