"""Versions: every change kept with who and when, citable published versions, diffs, tombstones."""

import pytest

from corridor.knowledge import services
from corridor.knowledge.diff import record_diff
from corridor.knowledge.models import Resource
from corridor.knowledge.selectors import resource_published_versions


@pytest.fixture
def published(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_publish(resource=draft, actor=people["secretariat"])
    return draft


def test_every_change_is_kept_with_who_and_when(people, published):
    services.resource_update(
        resource=published, actor=people["secretariat"], data={"summary": "Shorter."}
    )
    records = list(published.history.order_by("history_id"))
    assert [r.status for r in records] == ["draft", "submitted", "published", "published"]
    assert [r.history_user for r in records] == [
        people["submitter"],
        people["submitter"],
        people["secretariat"],
        people["secretariat"],
    ]
    assert all(r.history_date for r in records)
    assert records[-1].summary == "Shorter." and records[-2].summary != "Shorter."


def test_updating_a_published_resource_makes_a_new_citable_version(people, published, client):
    old_title = published.title
    services.resource_update(
        resource=published, actor=people["secretariat"], data={"title": "Community case management"}
    )
    assert published.version == 2
    assert [r.version for r in resource_published_versions(resource=published)] == [1, 2]
    v1 = client.get(f"/knowledge/resources/{published.slug}/v/1/")
    assert v1.status_code == 200
    assert (
        old_title in v1.content.decode() and "Read the current version (2)" in v1.content.decode()
    )
    v2 = client.get(f"/knowledge/resources/{published.slug}/v/2/")
    assert "Community case management" in v2.content.decode()
    assert client.get(f"/knowledge/resources/{published.slug}/v/3/").status_code == 404
    page = client.get(published.get_absolute_url()).content.decode()
    assert f"/knowledge/resources/{published.slug}/v/1/" in page


def test_draft_states_are_not_citable(people, draft, client):
    assert client.get(f"/knowledge/resources/{draft.slug}/v/1/").status_code == 404
    client.force_login(people["submitter"])
    assert client.get(f"/knowledge/resources/{draft.slug}/v/1/").status_code == 404


def test_diff_between_versions(people, in_review, client):
    for key in ("internal", "external1", "external2"):
        assignment = in_review.reviews.get(reviewer=people[key])
        services.review_declare_conflict(
            assignment=assignment, actor=people[key], has_conflict=False
        )
        services.review_submit(
            assignment=assignment, actor=people[key], recommendation="revise", comments="Costs?"
        )
    services.resource_request_revision(resource=in_review, actor=people["secretariat"], note="")
    services.resource_update(
        resource=in_review,
        actor=people["submitter"],
        data={
            "body": "Families stay together.\n\nIt costs a third of detention.",
            "scope": "national",
        },
    )
    old, new = in_review.history.order_by("-history_id")[1], in_review.history.latest()
    changes = {c["field"]: c for c in record_diff(old, new)}
    assert ("-", "Case workers meet them every week.") in changes["text"]["lines"]
    assert ("+", "It costs a third of detention.") in changes["text"]["lines"]
    assert (changes["scope"]["old"], changes["scope"]["new"]) == ("Global", "National")

    client.force_login(people["external1"])  # a reviewer of the submission
    response = client.get(
        f"/knowledge/resources/{in_review.slug}/diff/?from={old.history_id}&to={new.history_id}"
    )
    assert response.status_code == 200
    assert "<ins>+ It costs a third of detention.</ins>" in response.content.decode()
    history = client.get(f"/knowledge/resources/{in_review.slug}/history/")
    assert history.status_code == 200
    bad = client.get(f"/knowledge/resources/{in_review.slug}/diff/?from=x&to=1")
    assert bad.status_code == 404
    client.force_login(people["other_member"])
    assert (
        client.get(
            f"/knowledge/resources/{in_review.slug}/diff/?from={old.history_id}&to={new.history_id}"
        ).status_code
        == 404
    )


def test_withdrawn_resource_leaves_a_tombstone(people, published, client):
    services.resource_withdraw(
        resource=published, actor=people["secretariat"], reason="Superseded by the 2026 edition."
    )
    for url in (published.get_absolute_url(), f"/knowledge/resources/{published.slug}/v/1/"):
        response = client.get(url)
        assert response.status_code == 410
        content = response.content.decode()
        assert published.title in content
        assert "Superseded by the 2026 edition." in content
        assert "Case workers meet them every week" not in content
    assert published.title not in client.get("/knowledge/").content.decode()
    client.force_login(people["secretariat"])
    assert client.get(published.get_absolute_url()).status_code == 410


def test_tombstone_respects_the_visibility_it_had(people, published, client):
    Resource.objects.filter(pk=published.pk).update(visibility="members")
    published.refresh_from_db()
    services.resource_withdraw(resource=published, actor=people["secretariat"], reason="Old.")
    assert client.get(published.get_absolute_url()).status_code == 404
    client.force_login(people["other_member"])
    assert client.get(published.get_absolute_url()).status_code == 410


def test_a_never_published_withdrawal_is_no_tombstone(people, draft, client):
    services.resource_withdraw(resource=draft, actor=people["submitter"], reason="Changed my mind")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(people["submitter"])
    assert client.get(draft.get_absolute_url()).status_code == 200
