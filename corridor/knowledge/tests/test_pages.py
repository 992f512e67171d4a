"""The whole way through the pages, without JavaScript: submit with a PDF, screen, assign, declare,
review, revise, publish, withdraw; and the pages around it."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from corridor.knowledge.models import Resource, ReviewAssignment
from corridor.knowledge.tests.documents import make_pdf
from corridor.knowledge.tests.factories import CallFactory, ResourceFactory

FORM = {
    "type": "practice",
    "title": "Bilateral labour agreement with fair recruitment",
    "summary": "An agreement that bans recruitment fees for migrant workers.",
    "body": "Workers pay **no** fees.",
    "language": "en",
    "scope": "global",
    "visibility": "public",
    "repository": "labour_migration",
    "audiences": ["policymakers"],
    "links": "https://example.org/agreement The agreement",
}


def post_create(client, **extra):
    data = dict(FORM)
    data.update(extra)
    return client.post("/knowledge/submit/", data)


def test_create_page_needs_a_member(people, client):
    assert client.get("/knowledge/submit/").status_code == 302
    client.force_login(people["outsider"])
    assert client.get("/knowledge/submit/").status_code == 403
    client.force_login(people["submitter"])
    assert client.get("/knowledge/submit/").status_code == 200


def test_a_bad_file_is_explained_and_nothing_is_saved(people, client):
    client.force_login(people["submitter"])
    response = post_create(
        client, file=SimpleUploadedFile("report.pdf", b"<html><body>not a pdf</body></html>")
    )
    assert response.status_code == 200
    assert "is a web page or XML file, not a PDF" in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert not Resource.objects.exists()


def test_the_whole_way(people, client, django_capture_on_commit_callbacks):
    # A member writes a draft with a PDF and submits it.
    client.force_login(people["submitter"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_create(
            client, file=SimpleUploadedFile("agreement.pdf", make_pdf("Zero fees for workers"))
        )
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/knowledge/resources/{resource.slug}/edit/"
    assert resource.links == [{"url": "https://example.org/agreement", "title": "The agreement"}]
    assert "Zero fees" in resource.extracted_text
    edit = client.get(response["Location"])
    assert edit.status_code == 200 and "agreement.pdf" in edit.content.decode()
    response = client.post(f"/knowledge/resources/{resource.slug}/submit/")
    assert response.status_code == 302
    status_page = client.get(f"/knowledge/resources/{resource.slug}/status/").content.decode()
    assert "The secretariat is screening it." in status_page

    # The secretariat accepts it for review and assigns a panel.
    client.force_login(people["secretariat"])
    assert client.get(f"/knowledge/resources/{resource.slug}/manage/").status_code == 200
    manage = f"/knowledge/resources/{resource.slug}/manage/"
    assert client.post(manage + "screen/", {"decision": "accept"}).status_code == 302
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    too_small = client.post(
        manage + "assign/", {"reviewers": [people["external1"].pk], "due_on": due}
    )
    assert too_small.status_code == 200
    assert "A review panel needs at least" in too_small.content.decode()
    panel = [people[k].pk for k in ("internal", "external1", "external2")]
    assert client.post(manage + "assign/", {"reviewers": panel, "due_on": due}).status_code == 302
    assert ReviewAssignment.objects.filter(resource=resource).count() == 3

    # Each reviewer declares no conflict and reviews.
    for key, recommendation in [("internal", "accept"), ("external1", "revise"), ("external2", "accept")]:  # fmt: skip
        assignment = ReviewAssignment.objects.get(resource=resource, reviewer=people[key])
        client.force_login(people[key])
        url = f"/knowledge/reviews/{assignment.pk}/"
        assert client.post(url, {"has_conflict": "no"}).status_code == 302
        missing = client.post(url, {"recommendation": "revise", "comments": ""})
        assert "Tell the submitter what to change" in missing.content.decode()
        response = client.post(url, {"recommendation": recommendation, "comments": "Add costs."})
        assert response.status_code == 302
    assert client.get("/knowledge/my/reviews/").status_code == 200

    # The secretariat asks for a revision; the submitter revises and resubmits.
    client.force_login(people["secretariat"])
    assert (
        client.post(manage + "decide/", {"decision": "revise", "note": "Costs"}).status_code == 302
    )
    client.force_login(people["submitter"])
    edit_data = dict(FORM, body="Workers pay no fees. It costs 10 USD per worker.")
    assert client.post(f"/knowledge/resources/{resource.slug}/edit/", edit_data).status_code == 302
    response = client.post(f"/knowledge/resources/{resource.slug}/submit/", {"note": "Costs added"})
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Resource.Status.IN_REVIEW and resource.review_round == 2

    # The secretariat publishes: everyone can read it.
    client.force_login(people["secretariat"])
    response = client.post(manage + "decide/", {"decision": "publish"})
    assert response.status_code == 302
    client.logout()
    page = client.get(resource.get_absolute_url())
    assert page.status_code == 200
    content = page.content.decode()
    assert "It costs 10 USD per worker." in content
    assert "reviewed today" in content
    assert "Bilateral labour migration agreements" in content

    # And withdraws it.
    client.force_login(people["secretariat"])
    withdraw = f"/knowledge/resources/{resource.slug}/withdraw/"
    assert client.get(withdraw).status_code == 200
    assert client.post(withdraw, {"reason": "Agreement expired."}).status_code == 302
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 410


def test_conflict_via_the_page(people, in_review, client):
    assignment = in_review.reviews.get(reviewer=people["external1"])
    client.force_login(people["external1"])
    url = f"/knowledge/reviews/{assignment.pk}/"
    response = client.post(url, {"has_conflict": "yes", "conflict_note": ""})
    assert "Say briefly what the conflict of interest is." in response.content.decode()
    assert client.post(url, {"has_conflict": "yes", "conflict_note": "My NGO"}).status_code == 302
    page = client.get(url).content.decode()
    assert "You declared a conflict of interest" in page
    assert "Case workers meet them every week" not in page
    assert client.post(url, {"recommendation": "accept"}).status_code == 403


def test_workflow_errors_are_messages_not_500s(people, in_review, client):
    client.force_login(people["secretariat"])
    manage = f"/knowledge/resources/{in_review.slug}/manage/"
    response = client.post(manage + "decide/", {"decision": "publish"}, follow=True)
    assert response.status_code == 200
    assert "3 reviews are still to come" in response.content.decode()
    assert client.post(manage + "nonsense/").status_code == 404
    assert client.post(manage + "remove-reviewer/", {"assignment": "x"}).status_code == 404


def test_upload_and_remove_a_file_on_the_edit_page(people, draft, client):
    client.force_login(people["submitter"])
    add = f"/knowledge/resources/{draft.slug}/files/add/"
    response = client.post(add, {"file": SimpleUploadedFile("x.pdf", b"")}, follow=True)
    assert "empty" in response.content.decode()
    response = client.post(add, {"file": SimpleUploadedFile("x.pdf", make_pdf("A"))}, follow=True)
    assert "The file is attached" in response.content.decode()
    record = draft.files.get()
    client.force_login(people["other_member"])
    assert (
        client.post(f"/knowledge/resources/{draft.slug}/files/{record.pk}/remove/").status_code
        == 404
    )
    client.force_login(people["submitter"])
    client.post(f"/knowledge/resources/{draft.slug}/files/{record.pk}/remove/")
    assert not draft.files.exists()


def test_calls_for_practices(people, client):
    call = CallFactory(title="Return and reintegration practices")
    closed = CallFactory(
        deadline=timezone.localdate() - timedelta(days=1),
        opens_on=timezone.localdate() - timedelta(days=30),
    )
    ResourceFactory(call=call, title="Reintegration in Senegal")
    ResourceFactory(call=call, title="Hidden draft answer", status=Resource.Status.DRAFT)
    listing = client.get("/knowledge/calls/").content.decode()
    assert call.title in listing and closed.title in listing
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Reintegration in Senegal" in page and "Hidden draft answer" not in page
    assert "Sign in to answer this call" in page
    client.force_login(people["submitter"])
    page = client.get(call.get_absolute_url()).content.decode()
    assert f"/knowledge/submit/?call={call.slug}" in page
    form = client.get(f"/knowledge/submit/?call={call.slug}").content.decode()
    assert "You are answering the call" in form
    assert (
        "Share a practice for this call"
        not in client.get(closed.get_absolute_url()).content.decode()
    )


def test_secretariat_opens_a_call(people, client):
    client.force_login(people["submitter"])
    assert client.get("/knowledge/calls/new/").status_code == 403
    client.force_login(people["secretariat"])
    deadline = (timezone.localdate() + timedelta(days=30)).isoformat()
    response = client.post(
        "/knowledge/calls/new/",
        {
            "title": "Access to services",
            "resource_type": "practice",
            "opens_on": timezone.localdate().isoformat(),
            "deadline": deadline,
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    assert client.get("/knowledge/calls/access-to-services/").status_code == 200


def test_list_shows_only_published(people, draft, client):
    client.force_login(people["submitter"])
    assert draft.title not in client.get("/knowledge/").content.decode()


@pytest.mark.parametrize("type_", ["research", "national_plan"])
def test_per_type_fields_on_the_page(db, client, type_):
    from corridor.directory.tests.factories import OrganisationFactory

    lead = OrganisationFactory(name="Migration Research Centre")
    resource = ResourceFactory(
        type=type_,
        research_status="ongoing" if type_ == "research" else "",
        lead_organisation=lead if type_ == "research" else None,
        plan_status="adopted" if type_ == "national_plan" else "",
    )
    content = client.get(resource.get_absolute_url()).content.decode()
    if type_ == "research":
        assert "On-going" in content and "Migration Research Centre" in content
    else:
        assert "Adopted" in content


def test_detail_query_count_is_bounded(db, client, django_assert_max_num_queries):
    resource = ResourceFactory()
    with django_assert_max_num_queries(16):
        assert client.get(resource.get_absolute_url()).status_code == 200


def test_out_of_range_numbers_are_404s(people, draft, client):
    huge = "9" * 25
    client.force_login(people["submitter"])
    for url in [
        f"/knowledge/reviews/{huge}/",
        f"/knowledge/resources/{draft.slug}/v/{huge}/",
        f"/knowledge/resources/{draft.slug}/files/{huge}/",
        f"/knowledge/resources/{draft.slug}/diff/?from=1&to={huge}",
    ]:
        assert client.get(url).status_code == 404, url


def test_saving_without_changes_makes_no_new_version(people, draft):
    from corridor.knowledge import services

    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_publish(resource=draft, actor=people["secretariat"])
    services.resource_update(resource=draft, actor=people["secretariat"], data={})
    assert draft.version == 1


def test_out_of_range_reviewer_id_on_manage(people, in_review, client):
    client.force_login(people["secretariat"])
    url = f"/knowledge/resources/{in_review.slug}/manage/remove-reviewer/"
    assert client.post(url, {"assignment": "9" * 25}).status_code == 404
