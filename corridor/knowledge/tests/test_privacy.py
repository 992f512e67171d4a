"""Nobody but the entitled sees drafts, submissions in review, reviews or comments: every role,
every page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from corridor.knowledge import services
from corridor.knowledge.selectors import resource_get, resource_list
from corridor.knowledge.tests.documents import make_pdf

ROLES = [
    "anonymous",
    "outsider",
    "other_member",
    "colleague",
    "conflicted",
    "internal",
    "submitter",
    "secretariat",
]
SECRET_COMMENT = "Confidential remark about methodology"
REVIEW_COMMENT = "The costs section needs figures"


@pytest.fixture
def reviewed(people, in_review):
    """A submission in review: the internal reviewer has reviewed, a conflicted reviewer withdrew,
    a file is attached."""
    services.resource_add_file(
        resource=in_review,
        actor=people["secretariat"],
        upload=SimpleUploadedFile("study.pdf", make_pdf("Study")),
    )
    services.resource_assign_reviewers(
        resource=in_review,
        actor=people["secretariat"],
        reviewers=[people["conflicted"]],
        allow_incomplete_panel=True,
    )
    conflicted = in_review.reviews.get(reviewer=people["conflicted"])
    services.review_declare_conflict(
        assignment=conflicted, actor=people["conflicted"], has_conflict=True, note="My project."
    )
    mine = in_review.reviews.get(reviewer=people["internal"])
    services.review_declare_conflict(assignment=mine, actor=people["internal"], has_conflict=False)
    services.review_submit(
        assignment=mine,
        actor=people["internal"],
        recommendation="revise",
        comments=REVIEW_COMMENT,
        confidential_comments=SECRET_COMMENT,
    )
    return in_review


def login(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    return client


SEES_SUBMISSION = {"internal", "submitter", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_selectors_show_a_submission_in_review_only_to_the_entitled(people, reviewed, role):
    visible = resource_get(user=people[role], slug=reviewed.slug) is not None
    assert visible == (role in SEES_SUBMISSION)
    listed = resource_list(user=people[role]).filter(pk=reviewed.pk).exists()
    assert listed == (role in SEES_SUBMISSION)


@pytest.mark.parametrize("role", ROLES)
def test_draft_is_seen_by_submitter_and_secretariat_only(people, draft, role, client):
    login(client, people, role)
    status = client.get(f"/knowledge/resources/{draft.slug}/").status_code
    assert status == (200 if role in {"submitter", "secretariat"} else 404)


@pytest.mark.parametrize("role", ROLES)
def test_submission_pages_per_role(people, reviewed, role, client):
    login(client, people, role)
    slug = reviewed.slug
    detail = client.get(f"/knowledge/resources/{slug}/")
    assert detail.status_code == (200 if role in SEES_SUBMISSION else 404)
    file_pk = reviewed.files.get().pk
    download = client.get(f"/knowledge/resources/{slug}/files/{file_pk}/")
    assert download.status_code == (200 if role in SEES_SUBMISSION else 404)
    if download.status_code == 200:
        # Read it through the test client's wrapper, which closes it without closing the database.
        assert b"".join(download.streaming_content).startswith(b"%PDF-")

    status_page = client.get(f"/knowledge/resources/{slug}/status/")
    expected = {"anonymous": 302, "submitter": 200, "secretariat": 200, "internal": 403}
    assert status_page.status_code == expected.get(role, 404)
    if status_page.status_code == 200:
        content = status_page.content.decode()
        assert REVIEW_COMMENT in content
        assert SECRET_COMMENT not in content  # never on the submitter's page
        assert people["internal"].full_name not in content  # reviewers are anonymous

    manage = client.get(f"/knowledge/resources/{slug}/manage/")
    expected = {"anonymous": 302, "secretariat": 200}.get(role, 403)
    assert manage.status_code == expected
    if role == "secretariat":
        content = manage.content.decode()
        assert SECRET_COMMENT in content and "My project." in content

    history = client.get(f"/knowledge/resources/{slug}/history/")
    if role == "anonymous":
        assert history.status_code == 302
    else:
        assert history.status_code == (200 if role in SEES_SUBMISSION else 404)


@pytest.mark.parametrize("role", ROLES)
def test_review_pages_belong_to_their_reviewer(people, reviewed, role, client):
    login(client, people, role)
    internal = reviewed.reviews.get(reviewer=people["internal"])
    response = client.get(f"/knowledge/reviews/{internal.pk}/")
    if role == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == (200 if role == "internal" else 404)


def test_a_reviewer_sees_nothing_before_declaring(people, in_review, client):
    assignment = in_review.reviews.get(reviewer=people["external1"])
    client.force_login(people["external1"])
    page = client.get(f"/knowledge/reviews/{assignment.pk}/").content.decode()
    assert in_review.title in page
    assert "Case workers meet them every week" not in page
    assert client.get(f"/knowledge/resources/{in_review.slug}/").status_code == 404


def test_reviewers_see_other_reviews_only_after_their_own(people, reviewed, client):
    other = reviewed.reviews.get(reviewer=people["external1"])
    services.review_declare_conflict(
        assignment=other, actor=people["external1"], has_conflict=False
    )
    client.force_login(people["external1"])
    page = client.get(f"/knowledge/reviews/{other.pk}/").content.decode()
    assert "Case workers meet them every week" in page
    assert REVIEW_COMMENT not in page
    services.review_submit(
        assignment=other, actor=people["external1"], recommendation="accept", comments="Fine."
    )
    page = client.get(f"/knowledge/reviews/{other.pk}/").content.decode()
    assert REVIEW_COMMENT in page
    assert SECRET_COMMENT not in page
    assert people["internal"].full_name not in page


def test_my_submissions_lists_only_mine(people, draft, client):
    client.force_login(people["colleague"])
    assert draft.title not in client.get("/knowledge/my/submissions/").content.decode()
    client.force_login(people["submitter"])
    page = client.get("/knowledge/my/submissions/").content.decode()
    assert draft.title in page and "Draft" in page


def test_restricted_resources_for_their_organisations(people, draft):
    services.resource_update(
        resource=draft,
        actor=people["secretariat"],
        data={
            "visibility": "restricted",
            "publisher": people["submitter"].affiliations.get().organisation,
        },
    )
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_publish(resource=draft, actor=people["secretariat"])
    assert resource_get(user=people["colleague"], slug=draft.slug) is not None
    assert resource_get(user=people["other_member"], slug=draft.slug) is None
    assert resource_get(user=people["anonymous"], slug=draft.slug) is None


def test_queue_is_for_the_secretariat(people, reviewed, client):
    client.force_login(people["submitter"])
    assert client.get("/knowledge/secretariat/queue/").status_code == 403
    client.force_login(people["secretariat"])
    page = client.get("/knowledge/secretariat/queue/")
    assert page.status_code == 200 and reviewed.title in page.content.decode()
