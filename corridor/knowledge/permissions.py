"""Who may do what with a resource and its reviews, as ``rules`` predicates (registered as perms).

Reading is decided by ``selectors.resource_visibility_filter``; these decide acting on a resource
someone can already see, and seeing its private parts (history, reviews, the review log).
The names differ from Django's model permissions (``add_resource``...), which open the admin.
"""

import rules

from corridor.core.permissions import is_member, is_secretariat, is_signed_in
from corridor.knowledge.models import Resource, ReviewAssignment


@rules.predicate
def is_submitter(user, resource) -> bool:
    return is_signed_in(user) and resource is not None and resource.submitter_id == user.pk


@rules.predicate
def is_editable(user, resource) -> bool:
    return resource is not None and resource.is_editable_by_submitter


@rules.predicate
def is_draft(user, resource) -> bool:
    return resource is not None and resource.status == Resource.Status.DRAFT


@rules.predicate
def is_active_reviewer(user, resource) -> bool:
    """Assigned to the resource, declared no conflict (reviewing or done)."""
    if not is_signed_in(user) or resource is None:
        return False
    return ReviewAssignment.objects.filter(
        resource=resource,
        reviewer=user,
        status__in=[ReviewAssignment.Status.ACCEPTED, ReviewAssignment.Status.SUBMITTED],
    ).exists()


@rules.predicate
def is_not_withdrawn(user, resource) -> bool:
    return resource is not None and resource.status != Resource.Status.WITHDRAWN


can_edit_resource = (is_submitter & is_editable) | (is_secretariat & is_not_withdrawn)

rules.add_perm("knowledge.create_resource", is_member)
rules.add_perm("knowledge.edit_resource", can_edit_resource)
rules.add_perm("knowledge.submit_resource", is_submitter & is_draft)
rules.add_perm("knowledge.manage_submissions", is_secretariat)
rules.add_perm(
    "knowledge.view_resource_history", is_secretariat | is_submitter | is_active_reviewer
)
rules.add_perm("knowledge.view_resource_reviews", is_secretariat | is_submitter)
rules.add_perm("knowledge.view_resource_log", is_secretariat | is_submitter)
