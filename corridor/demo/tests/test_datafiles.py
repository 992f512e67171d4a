"""The data files are checked before anything is written, with errors naming file and entry."""

import shutil

import pytest
import yaml

from corridor.demo.datafiles import DATA_DIR, DemoDataError, _DataLoader, read_data
from corridor.demo.loader import load_demo
from corridor.directory.models import Organisation
from corridor.taxonomy.models import Theme


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_data_is_valid():
    data = read_data()
    assert len(data.organisations) == 24
    assert {plan["slug"] for plan in data.workplans} == {
        "un-network-on-migration-workplan-2019",
        "un-network-on-migration-multi-annual-workplan-draft",
        "migration-action-group-workplan-2019",
    }
    assert data.objectives <= set(range(1, 24))


def test_unknown_objective_is_reported_with_its_entry(data_dir):
    replace(
        data_dir / "workplans/network-2019.yaml",
        "objectives: [13, 7, 10]",
        "objectives: [13, 7, 24]",
    )
    with pytest.raises(DemoDataError) as error:
        read_data(data_dir)
    message = str(error.value)
    assert "workplans/network-2019.yaml, workstream 'thematic-2'" in message
    assert "unknown GCM objective 24" in message


def test_ocr_objective_is_rejected(data_dir):
    replace(data_dir / "workplans/network-2019.yaml", "objectives: [5, 7]", "objectives: [S, 7]")
    with pytest.raises(DemoDataError, match=r"workstream 'thematic-3': unknown GCM objective 'S'"):
        read_data(data_dir)


def test_unknown_organisation_is_reported(data_dir):
    replace(
        data_dir / "workplans/network-2019.yaml",
        "leads: [UNICEF, UNHCR, IOM]",
        "leads: [UNICEF, UNHRC, IOM]",
    )
    with pytest.raises(
        DemoDataError, match=r"workstream 'thematic-2': unknown organisation 'UNHRC'"
    ):
        read_data(data_dir)


def test_unknown_country_is_reported(data_dir):
    replace(data_dir / "organisations.yaml", "country: AT", "country: XK1")
    replace(data_dir / "research_agenda.yaml", "countries: [ER, KP]", "countries: [ER, QQ]")
    with pytest.raises(DemoDataError) as error:
        read_data(data_dir)
    message = str(error.value)
    assert "2 problem(s)" in message
    assert "organisation 'UNODC': country 'XK1' must be an ISO 3166-1 alpha-2 code" in message
    assert "topic 7 'mag-state-sponsored-forced-labour': unknown country code 'QQ'" in message


def test_unknown_theme_field_and_choice_are_reported(data_dir):
    replace(data_dir / "workplans/network-2019.yaml", "themes: [hiv-health]", "themes: [hiv]")
    replace(data_dir / "events.yaml", "date_precision: month", "date_precision: week")
    replace(data_dir / "groups.yaml", "  acronym: MAG\n", "  acronym: MAG\n  colour: blue\n")
    with pytest.raises(DemoDataError) as error:
        read_data(data_dir)
    message = str(error.value)
    assert "workstream 'future-hiv': unknown theme 'hiv'" in message
    assert "'date_precision' is 'week'" in message
    assert "group 'migration-action-group': unknown field 'colour'" in message


def test_due_date_must_match_the_timeline(data_dir):
    replace(
        data_dir / "workplans/network-2019.yaml", "due_date: 2020-05-31", "due_date: 2020-05-01"
    )
    with pytest.raises(
        DemoDataError,
        match=r"'core-1-1': timeline 'Delivered by May 2020' means due_date 2020-05-31",
    ):
        read_data(data_dir)


def test_a_bad_file_writes_nothing(data_dir, vocabulary):
    replace(data_dir / "people.yaml", "email: member@example.org", "email: member@iom.int")
    with pytest.raises(
        DemoDataError, match=r"people.yaml, person 'member@iom.int': demo people must"
    ):
        load_demo(data_dir=data_dir)
    assert not Organisation.objects.exists()


def test_missing_vocabulary_is_a_clear_error(vocabulary):
    Theme.objects.filter(slug="hiv-health").delete()
    with pytest.raises(DemoDataError, match=r"not in the database \(themes hiv-health\).*migrate"):
        load_demo()
    assert not Organisation.objects.exists()


def test_country_codes_stay_text():
    """Plain YAML 1.1 reads NO (Norway) as false; the data files' loader does not. NA stays NA."""
    assert yaml.safe_load("[NA, NO]") == ["NA", False]
    assert yaml.load("[NA, NO, yes, true]", Loader=_DataLoader) == ["NA", "NO", "yes", True]  # noqa: S506
