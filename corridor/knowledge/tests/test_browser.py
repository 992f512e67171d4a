"""The knowledge platform in Chromium: a practice submitted with a PDF without JavaScript, and
every page of the repository and of peer review checked against WCAG 2.1 A/AA (axe-core), in
English and Arabic.

The ``page``, ``page_without_javascript`` and ``axe`` fixtures are in the root conftest.py.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from corridor.directory.tests import fixtures
from corridor.knowledge import services
from corridor.knowledge.models import Resource
from corridor.knowledge.tests.conftest import practice_data
from corridor.knowledge.tests.documents import make_pdf
from corridor.knowledge.tests.factories import CallFactory

pytestmark = pytest.mark.browser


def sign_in(page, user, url: str) -> None:
    client = fixtures.sign_in(Client(), user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


@pytest.fixture
def world(transactional_db, people):
    """A published practice with a PDF (then updated: two versions), one withdrawn, one in review
    with a review in, and a call for practices."""
    published = services.resource_create(
        actor=people["submitter"],
        data=practice_data(title="Published practice"),
        uploads=[("practice.pdf", make_pdf("Alternatives to detention work"))],
    )
    services.resource_submit(resource=published, actor=people["submitter"])
    services.resource_publish(resource=published, actor=people["secretariat"])
    services.resource_update(
        resource=published, actor=people["secretariat"], data={"summary": "Updated summary."}
    )
    gone = services.resource_create(actor=people["submitter"], data=practice_data(title="Gone"))
    services.resource_submit(resource=gone, actor=people["submitter"])
    services.resource_publish(resource=gone, actor=people["secretariat"])
    services.resource_withdraw(resource=gone, actor=people["secretariat"], reason="Superseded.")
    review = services.resource_create(
        actor=people["submitter"], data=practice_data(title="In review")
    )
    services.resource_submit(resource=review, actor=people["submitter"])
    services.resource_screen(resource=review, actor=people["secretariat"], accept=True)
    services.resource_assign_reviewers(
        resource=review,
        actor=people["secretariat"],
        reviewers=[people["internal"], people["external1"], people["external2"]],
    )
    done = review.reviews.get(reviewer=people["internal"])
    services.review_declare_conflict(assignment=done, actor=people["internal"], has_conflict=False)
    services.review_submit(
        assignment=done, actor=people["internal"], recommendation="revise", comments="More data."
    )
    call = CallFactory(title="Return and reintegration")
    return {"published": published, "gone": gone, "review": review, "call": call}


def check(page, axe, paths, prefix, statuses=None):
    problems = []
    for path in paths:
        response = page.goto(f"{prefix}{path}")
        expected = (statuses or {}).get(path, 200)
        assert response is not None and response.status == expected, path
        assert page.locator("h1").count() == 1, path
        if wcag := axe.report(page):
            problems.append(wcag)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_knowledge_pages_meet_wcag(page, axe, live_server, world, people, prefix):
    published, review = world["published"], world["review"]
    public = [
        "/knowledge/",
        published.get_absolute_url(),
        f"/knowledge/resources/{published.slug}/v/1/",
        world["gone"].get_absolute_url(),
        "/knowledge/calls/",
        world["call"].get_absolute_url(),
    ]
    check(page, axe, public, prefix, {world["gone"].get_absolute_url(): 410})

    sign_in(page, people["submitter"], live_server.url)
    history = published.history.order_by("history_id")
    diff = (
        f"/knowledge/resources/{published.slug}/diff/"
        f"?from={history.first().history_id}&to={history.last().history_id}"
    )
    check(
        page,
        axe,
        [
            "/knowledge/submit/",
            f"/knowledge/resources/{published.slug}/history/",
            diff,
            "/knowledge/my/submissions/",
            f"/knowledge/resources/{review.slug}/status/",
            f"/knowledge/resources/{review.slug}/withdraw/",
        ],
        prefix,
    )

    sign_in(page, people["external1"], live_server.url)
    invited = review.reviews.get(reviewer=people["external1"])
    check(page, axe, ["/knowledge/my/reviews/", invited.get_absolute_url()], prefix)
    sign_in(page, people["internal"], live_server.url)
    check(page, axe, [review.reviews.get(reviewer=people["internal"]).get_absolute_url()], prefix)

    sign_in(page, people["secretariat"], live_server.url)
    check(
        page,
        axe,
        [
            "/knowledge/secretariat/queue/",
            f"/knowledge/resources/{review.slug}/manage/",
            f"/knowledge/resources/{published.slug}/edit/",
            "/knowledge/calls/new/",
        ],
        prefix,
    )


def test_submit_a_practice_with_a_pdf_without_javascript(
    page_without_javascript, live_server, people, transactional_db, tmp_path
):
    # (axe-core needs JavaScript: the same pages are checked in the test above.)
    page = page_without_javascript
    pdf = Path(tmp_path) / "practice.pdf"
    pdf.write_bytes(make_pdf("Case management in the community"))
    sign_in(page, people["submitter"], live_server.url)
    page.goto("/knowledge/submit/")
    page.select_option("#id_type", "practice")
    page.fill("#id_title", "Community case management")
    page.fill("#id_summary", "Families stay together while their cases are decided.")
    page.select_option("#id_repository", "alternatives_to_detention")
    page.set_input_files("#id_file", str(pdf))
    page.get_by_role("button", name="Save the draft").click()
    assert "/edit/" in page.url
    assert page.get_by_text("practice.pdf").count() >= 1
    page.get_by_role("button", name="Submit", exact=True).click()
    assert "/status/" in page.url
    resource = Resource.objects.get(title="Community case management")
    assert resource.status == Resource.Status.SUBMITTED
    assert "Case management in the community" in resource.extracted_text
