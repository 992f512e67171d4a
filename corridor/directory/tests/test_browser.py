"""The directory's and the workplans' pages in Chromium, on the demo data: WCAG 2.1 A/AA (axe-core)
in English and Arabic, signed out and signed in, and the forms working without JavaScript.

The ``page``, ``page_without_javascript`` and ``axe`` fixtures are in the root conftest.py.
"""

import pytest
from django.conf import settings
from django.test import Client

from corridor.demo.loader import load_demo
from corridor.directory.models import Affiliation, Organisation, User
from corridor.directory.tests import fixtures
from corridor.workplans.models import Workstream

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db, no_staff_mfa):
    load_demo()


def sign_in(page, user: User, url: str) -> None:
    """Give the browser at ``url`` the session of ``user`` (no password typing needed)."""
    client = fixtures.sign_in(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


def public_paths() -> list[str]:
    organisation = (
        Organisation.objects.filter(workstream_roles__isnull=False, is_active=True)
        .distinct()
        .order_by("slug")
        .first()
    )
    workstream = (
        Workstream.objects.filter(activities__isnull=False, organisation_roles__isnull=False)
        .select_related("workplan")
        .order_by("pk")
        .first()
    )
    public_person = User.objects.filter(is_profile_public=True).order_by("pk").first()
    return [
        "/directory/organisations/",
        "/directory/organisations/?type=un_entity&q=international",
        "/directory/organisations/?country=ZZ",  # a form error on the page
        organisation.get_absolute_url(),
        "/directory/groups/",
        "/directory/groups/migration-action-group/",
        public_person.get_absolute_url(),
        "/workplans/",
        workstream.workplan.get_absolute_url(),
        "/workplans/workstreams/",
        "/workplans/workstreams/?objective=abc&status=ongoing",
        workstream.get_absolute_url(),
    ]


@pytest.mark.parametrize("prefix, direction", [("", "ltr"), ("/ar", "rtl")])
def test_public_pages_meet_wcag(page, axe, demo, prefix, direction):
    problems = []
    for path in public_paths():
        response = page.goto(f"{prefix}{path}")
        assert response is not None and response.status == 200, path
        assert page.locator("html").get_attribute("dir") == direction
        assert page.locator("h1").count() == 1, path
        if wcag := axe.report(page):
            problems.append(wcag)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_signed_in_pages_meet_wcag(page, axe, live_server, demo, prefix):
    focal_point = User.objects.get(email="focal.point@example.org")
    organisation = Affiliation.objects.get(person=focal_point, role="focal_point").organisation
    sign_in(page, focal_point, live_server.url)
    problems = []
    for path in [
        f"/directory/organisations/{organisation.slug}/edit/",
        "/directory/profile/",
        focal_point.get_absolute_url(),
    ]:
        response = page.goto(f"{prefix}{path}")
        assert response is not None and response.status == 200, path
        if wcag := axe.report(page):
            problems.append(wcag)
    # A form with errors.
    page.goto(f"{prefix}/directory/profile/")
    page.eval_on_selector("#id_full_name", "field => field.removeAttribute('maxlength')")
    page.fill("#id_full_name", "x" * 151)
    page.click("main form[method=post] button[type=submit]")
    assert page.locator("#id_full_name[aria-invalid=true]").count() == 1
    if wcag := axe.report(page):
        problems.append(f"profile with errors\n{wcag}")
    assert not problems, "\n\n".join(problems)


def test_filters_and_forms_work_without_javascript(page_without_javascript, live_server, demo):
    page = page_without_javascript
    page.goto("/directory/organisations/")
    page.select_option("#id_type", "un_entity")
    page.click("form[role=search] button[type=submit]")
    assert "type=un_entity" in page.url
    assert page.locator("#id_type option[selected]").get_attribute("value") == "un_entity"
    page.goto("/workplans/workstreams/")
    page.select_option("#id_status", "ongoing")
    page.click("form[role=search] button[type=submit]")
    assert "status=ongoing" in page.url

    member = User.objects.get(email="member@example.org")
    sign_in(page, member, live_server.url)
    page.goto("/directory/profile/")
    page.fill("#id_job_title", "Edited without JavaScript")
    page.click("main form[method=post] button[type=submit]")
    assert page.url.endswith("/directory/profile/")
    assert User.objects.get(pk=member.pk).job_title == "Edited without JavaScript"
