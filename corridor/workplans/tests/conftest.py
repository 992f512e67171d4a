from corridor.workplans.tests.fixtures import mag_workplan  # noqa: F401 — a fixture
