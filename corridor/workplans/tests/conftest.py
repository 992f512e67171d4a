import pytest

from corridor.directory.tests.fixtures import cast  # noqa: F401 — a fixture
from corridor.workplans.tests.fixtures import mag_workplan  # noqa: F401 — a fixture


@pytest.fixture
def no_staff_mfa(settings):
    """The secretariat must set up TOTP before browsing; tests that are not about that use this."""
    settings.CORRIDOR_REQUIRE_STAFF_MFA = False
