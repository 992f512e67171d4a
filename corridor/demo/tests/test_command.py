from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from corridor.demo.loader import DEMO_PASSWORD
from corridor.taxonomy.models import Objective

pytestmark = pytest.mark.django_db


def test_command_loads_and_prints_the_logins(vocabulary):
    out = StringIO()
    call_command("load_demo", stdout=out)
    output = out.getvalue()
    assert "workplans.Workstream" in output and "73 created" in output
    assert f"admin@example.org / {DEMO_PASSWORD}" in output
    assert f"member@example.org / {DEMO_PASSWORD}" in output

    again = StringIO()
    call_command("load_demo", stdout=again)
    assert "already up to date" in again.getvalue()


def test_command_reports_a_missing_vocabulary(vocabulary):
    Objective.objects.filter(number=13).delete()
    with pytest.raises(CommandError, match="GCM objectives 13"):
        call_command("load_demo", stdout=StringIO())
