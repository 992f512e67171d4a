"""Every step of submission and peer review, and who may take it."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from corridor.core.errors import ApplicationError
from corridor.knowledge import services
from corridor.knowledge.models import Resource, ReviewAssignment, ReviewEvent
from corridor.knowledge.tests.conftest import practice_data
from corridor.knowledge.tests.factories import CallFactory, reviewer

Status = Resource.Status


def kinds(resource):
    return list(resource.events.values_list("kind", flat=True))


def assignment_of(resource, person, round=None):
    return resource.reviews.get(reviewer=person, round=round or resource.review_round)


def start(assignment, person):
    return services.review_declare_conflict(assignment=assignment, actor=person, has_conflict=False)


def review(resource, person, recommendation, comments="Some comments."):
    assignment = start(assignment_of(resource, person), person)
    return services.review_submit(
        assignment=assignment, actor=person, recommendation=recommendation, comments=comments
    )


# -- drafts and submission -----------------------------------------------------------------------


def test_member_creates_a_draft(people, draft):
    assert draft.status == Status.DRAFT
    assert draft.submitter == people["submitter"]
    assert draft.slug == "community-case-management-as-an-alternative-to-detention"
    assert kinds(draft) == [ReviewEvent.Kind.CREATED]
    assert draft.history.first().history_user == people["submitter"]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_only_members_create(people, who):
    with pytest.raises(PermissionDenied):
        services.resource_create(actor=people[who], data=practice_data())


def test_create_requires_title_and_checks_fields(people):
    with pytest.raises(ValidationError):
        services.resource_create(actor=people["submitter"], data=practice_data(title=""))
    with pytest.raises(ValidationError):
        services.resource_create(
            actor=people["submitter"], data=practice_data(links=[{"url": "javascript:alert(1)"}])
        )
    assert not Resource.objects.exists()


def test_type_specific_fields_are_cleared_for_other_types(people):
    resource = services.resource_create(
        actor=people["submitter"],
        data=practice_data(type="report", research_status="ongoing", repository="other"),
    )
    assert resource.research_status == "" and resource.repository == ""


def test_submit_needs_what_the_type_needs(people):
    research = services.resource_create(
        actor=people["submitter"], data=practice_data(type="research")
    )
    with pytest.raises(ApplicationError, match="research status.*lead organisation"):
        services.resource_submit(resource=research, actor=people["submitter"])


def test_submit(people, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_submit(resource=draft, actor=people["submitter"])
    assert draft.status == Status.SUBMITTED and draft.submitted_at
    assert [m.to for m in mail.outbox] == [[people["secretariat"].email]]


@pytest.mark.parametrize("who", ["colleague", "other_member", "secretariat"])
def test_only_the_submitter_submits(people, draft, who):
    with pytest.raises(PermissionDenied):
        services.resource_submit(resource=draft, actor=people[who])


def test_submitter_edits_only_while_draft_or_revising(people, draft):
    services.resource_update(resource=draft, actor=people["submitter"], data={"title": "New"})
    services.resource_submit(resource=draft, actor=people["submitter"])
    with pytest.raises(PermissionDenied):
        services.resource_update(resource=draft, actor=people["submitter"], data={"title": "X"})
    with pytest.raises(PermissionDenied):
        services.resource_update(resource=draft, actor=people["colleague"], data={"title": "X"})


def test_screening(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    with pytest.raises(PermissionDenied):
        services.resource_screen(resource=draft, actor=people["internal"], accept=True)
    services.resource_screen(resource=draft, actor=people["secretariat"], accept=True)
    assert draft.status == Status.IN_REVIEW and draft.review_round == 1
    with pytest.raises(ApplicationError):
        services.resource_screen(resource=draft, actor=people["secretariat"], accept=True)


def test_screening_out_needs_a_reason(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    with pytest.raises(ValidationError):
        services.resource_screen(resource=draft, actor=people["secretariat"], accept=False)
    services.resource_screen(
        resource=draft, actor=people["secretariat"], accept=False, note="Out of scope."
    )
    assert draft.status == Status.REJECTED


# -- reviewers -----------------------------------------------------------------------------------


def test_panel_needs_one_internal_and_two_external(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_screen(resource=draft, actor=people["secretariat"], accept=True)
    with pytest.raises(ApplicationError, match="0 internal and 2 external"):
        services.resource_assign_reviewers(
            resource=draft,
            actor=people["secretariat"],
            reviewers=[people["external1"], people["external2"]],
        )
    assignments = services.resource_assign_reviewers(
        resource=draft,
        actor=people["secretariat"],
        reviewers=[people["external1"]],
        allow_incomplete_panel=True,
    )
    assert assignments[0].kind == ReviewAssignment.Kind.EXTERNAL


def test_assignment_kinds_and_emails(people, draft, django_capture_on_commit_callbacks):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_screen(resource=draft, actor=people["secretariat"], accept=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.resource_assign_reviewers(
            resource=draft,
            actor=people["secretariat"],
            reviewers=[people["internal"], people["external1"], people["external2"]],
        )
    kinds_by_person = {a.reviewer_id: a.kind for a in draft.reviews.all()}
    assert kinds_by_person[people["internal"].pk] == ReviewAssignment.Kind.INTERNAL
    assert kinds_by_person[people["external1"].pk] == ReviewAssignment.Kind.EXTERNAL
    assert {m.to[0] for m in mail.outbox} == {
        people[k].email for k in ("internal", "external1", "external2")
    }
    due = draft.reviews.first().due_on
    assert due == timezone.localdate() + timedelta(days=services.review_days())


def test_who_cannot_be_a_reviewer(people, in_review):
    secretariat = people["secretariat"]
    for person in (people["other_member"], people["submitter"], people["internal"]):
        with pytest.raises(ApplicationError):
            services.resource_assign_reviewers(
                resource=in_review,
                actor=secretariat,
                reviewers=[person],
                allow_incomplete_panel=True,
            )
    colleague_reviewer = people["colleague"]
    colleague_reviewer.groups.add(*people["internal"].groups.all())
    colleague_reviewer._corridor_roles = None
    with pytest.raises(ApplicationError, match="same organisation"):
        services.resource_assign_reviewers(
            resource=in_review,
            actor=secretariat,
            reviewers=[colleague_reviewer],
            allow_incomplete_panel=True,
        )


def test_conflict_of_interest_removes_the_reviewer_and_tells_the_secretariat(
    people, in_review, django_capture_on_commit_callbacks
):
    services.resource_assign_reviewers(
        resource=in_review,
        actor=people["secretariat"],
        reviewers=[people["conflicted"]],
        allow_incomplete_panel=True,
    )
    assignment = assignment_of(in_review, people["conflicted"])
    with pytest.raises(ValidationError):
        services.review_declare_conflict(
            assignment=assignment, actor=people["conflicted"], has_conflict=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.review_declare_conflict(
            assignment=assignment,
            actor=people["conflicted"],
            has_conflict=True,
            note="I advised the authors.",
        )
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.CONFLICT
    assert [m.to for m in mail.outbox] == [[people["secretariat"].email]]
    assert "conflict" in mail.outbox[0].subject.lower()
    with pytest.raises(ApplicationError, match="declared a conflict"):
        services.resource_assign_reviewers(
            resource=in_review,
            actor=people["secretariat"],
            reviewers=[people["conflicted"]],
            allow_incomplete_panel=True,
        )


def test_only_the_reviewer_declares_and_reviews(people, in_review):
    assignment = assignment_of(in_review, people["internal"])
    with pytest.raises(PermissionDenied):
        start(assignment, people["external1"])
    with pytest.raises(ApplicationError, match="conflicts of interest first"):
        services.review_submit(
            assignment=assignment, actor=people["internal"], recommendation="accept", comments=""
        )
    start(assignment, people["internal"])
    with pytest.raises(PermissionDenied):
        services.review_submit(
            assignment=assignment, actor=people["external1"], recommendation="accept", comments=""
        )
    with pytest.raises(ValidationError):
        services.review_submit(
            assignment=assignment, actor=people["internal"], recommendation="revise", comments=""
        )
    with pytest.raises(ApplicationError, match="already answered"):
        start(assignment, people["internal"])


def test_unanimous_accept_then_publish(people, in_review, django_capture_on_commit_callbacks):
    for key in ("internal", "external1"):
        review(in_review, people[key], "accept")
    with pytest.raises(ApplicationError, match="1 review is still to come"):
        services.resource_publish(resource=in_review, actor=people["secretariat"])
    with django_capture_on_commit_callbacks(execute=True):
        review(in_review, people["external2"], "accept")
    assert any("Reviews complete" in m.subject for m in mail.outbox)
    with pytest.raises(PermissionDenied):
        services.resource_publish(resource=in_review, actor=people["submitter"])
    services.resource_publish(resource=in_review, actor=people["secretariat"])
    in_review.refresh_from_db()
    assert in_review.status == Status.PUBLISHED
    assert in_review.version == 1
    assert in_review.last_reviewed_on == timezone.localdate()
    assert ReviewEvent.Kind.PUBLISHED in kinds(in_review)


def test_split_decision_brings_in_a_further_reviewer(people, in_review):
    review(in_review, people["internal"], "accept")
    review(in_review, people["external1"], "reject")
    review(in_review, people["external2"], "revise")
    assert ReviewEvent.Kind.SPLIT_DECISION in kinds(in_review)
    further = in_review.reviews.get(is_further_reviewer=True)
    assert further.reviewer in {people["further"], people["conflicted"]}
    assert further.status == ReviewAssignment.Status.INVITED
    with pytest.raises(ApplicationError, match="still to come"):
        services.resource_publish(resource=in_review, actor=people["secretariat"])
    review(in_review, further.reviewer, "reject")
    # The further review settles it: no second further reviewer.
    assert in_review.reviews.filter(is_further_reviewer=True).count() == 1


def test_split_decision_without_free_reviewer_tells_the_secretariat(
    people, in_review, django_capture_on_commit_callbacks
):
    people["further"].groups.clear()
    people["conflicted"].groups.clear()
    review(in_review, people["internal"], "accept")
    review(in_review, people["external1"], "accept")
    with django_capture_on_commit_callbacks(execute=True):
        review(in_review, people["external2"], "reject")
    assert not in_review.reviews.filter(is_further_reviewer=True).exists()
    assert any("Split decision" in m.subject for m in mail.outbox)


def test_revision_round_and_resubmission(people, in_review):
    for key in ("internal", "external1", "external2"):
        review(in_review, people[key], "revise", "Add the costs.")
    services.resource_request_revision(
        resource=in_review, actor=people["secretariat"], note="Please add costs."
    )
    assert in_review.status == Status.REVISING
    services.resource_update(
        resource=in_review,
        actor=people["submitter"],
        data={"body": in_review.body + "\n\nIt costs less than detention."},
    )
    services.resource_resubmit(resource=in_review, actor=people["submitter"], note="Costs added.")
    assert in_review.status == Status.IN_REVIEW and in_review.review_round == 2
    # The same reviewers may be asked again in the new round.
    services.resource_assign_reviewers(
        resource=in_review,
        actor=people["secretariat"],
        reviewers=[people["internal"], people["external1"], people["external2"]],
    )
    for key in ("internal", "external1", "external2"):
        review(in_review, people[key], "accept")
    services.resource_publish(resource=in_review, actor=people["secretariat"])
    assert in_review.status == Status.PUBLISHED
    steps = kinds(in_review)
    assert steps.index(ReviewEvent.Kind.REVISION_REQUESTED) < steps.index(
        ReviewEvent.Kind.RESUBMITTED
    )


def test_resubmit_only_by_submitter_and_only_when_revising(people, in_review):
    with pytest.raises(PermissionDenied):
        services.resource_resubmit(resource=in_review, actor=people["colleague"])
    with pytest.raises(ApplicationError):
        services.resource_resubmit(resource=in_review, actor=people["submitter"])


def test_reject_after_review_cancels_open_reviews(people, in_review):
    review(in_review, people["internal"], "reject", "Not a practice.")
    services.resource_reject(
        resource=in_review, actor=people["secretariat"], note="Not a practice."
    )
    assert in_review.status == Status.REJECTED
    assert not in_review.reviews.filter(status__in=ReviewAssignment.OPEN_STATUSES).exists()


def test_secretariat_removes_a_reviewer(people, in_review):
    assignment = assignment_of(in_review, people["external2"])
    with pytest.raises(PermissionDenied):
        services.review_remove(assignment=assignment, actor=people["submitter"])
    services.review_remove(assignment=assignment, actor=people["secretariat"])
    assert assignment.status == ReviewAssignment.Status.CANCELLED


def test_publish_without_peer_review_from_submitted(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_publish(resource=draft, actor=people["secretariat"], note="A statement.")
    assert draft.status == Status.PUBLISHED


def test_submitter_withdraws_before_publication(people, in_review):
    with pytest.raises(PermissionDenied):
        services.resource_withdraw(resource=in_review, actor=people["colleague"], reason="No")
    services.resource_withdraw(resource=in_review, actor=people["submitter"], reason="Outdated")
    assert in_review.status == Status.WITHDRAWN
    assert not in_review.reviews.filter(status__in=ReviewAssignment.OPEN_STATUSES).exists()


def test_only_secretariat_withdraws_published(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_publish(resource=draft, actor=people["secretariat"])
    with pytest.raises(PermissionDenied):
        services.resource_withdraw(resource=draft, actor=people["submitter"], reason="x")
    with pytest.raises(ValidationError):
        services.resource_withdraw(resource=draft, actor=people["secretariat"], reason=" ")
    services.resource_withdraw(resource=draft, actor=people["secretariat"], reason="Superseded.")
    assert draft.status == Status.WITHDRAWN and draft.withdrawn_at


# -- calls for practices -------------------------------------------------------------------------


def test_submissions_answer_an_open_call_only(people):
    call = CallFactory()
    resource = services.resource_create(actor=people["submitter"], data=practice_data(call=call))
    assert resource.call == call
    call.deadline = timezone.localdate() - timedelta(days=1)
    call.opens_on = call.deadline - timedelta(days=10)
    call.save()
    resource.refresh_from_db()
    with pytest.raises(ApplicationError, match="closed"):
        services.resource_submit(resource=resource, actor=people["submitter"])


def test_call_create_by_secretariat_only(people):
    data = {"title": "Return and reintegration", "deadline": timezone.localdate()}
    with pytest.raises(PermissionDenied):
        services.call_create(actor=people["submitter"], data=data)
    call = services.call_create(actor=people["secretariat"], data=data)
    assert call.slug == "return-and-reintegration" and call.is_open()


# -- reminders -----------------------------------------------------------------------------------


def test_send_review_reminders(people, in_review, django_capture_on_commit_callbacks):
    ReviewAssignment.objects.filter(reviewer=people["internal"]).update(
        due_on=timezone.localdate() - timedelta(days=2)
    )
    ReviewAssignment.objects.filter(reviewer=people["external1"]).update(
        due_on=timezone.localdate() + timedelta(days=1)
    )
    review(in_review, people["external2"], "accept")  # done: no reminder
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=io.StringIO())
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([people["internal"].email, people["external1"].email])
    assert any(m.subject.startswith("[Corridor] Overdue review") for m in mail.outbox)
    assert in_review.events.filter(kind=ReviewEvent.Kind.REMINDER_SENT).count() == 2
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # not twice in a day


def test_reviewer_fixture_roles(db):
    person = reviewer(internal=True)
    from corridor.knowledge.selectors import reviewer_is_internal

    assert reviewer_is_internal(person)
