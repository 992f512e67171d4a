"""Writes for the knowledge platform: resources and their files, and every step of peer review.

Each service checks that ``actor`` may act (``actor=None`` is the system itself: a management
command), validates, saves with ``full_clean()``, records the step as a ``ReviewEvent``, queues the
emails and background work after commit, and returns the object. A person's mistake raises
``ApplicationError`` (or ``ValidationError`` for a field) with a message for them.

``resources``: writing a resource and its way from draft to publication and withdrawal; calls for
practices. ``uploads``: its files. ``review``: peer review. ``common``: what they share.
"""

from corridor.knowledge.services.common import panel_minimum, review_days
from corridor.knowledge.services.resources import (
    ALL_FIELDS,
    BODY_MAX_LENGTH,
    CONTENT_FIELDS,
    M2M_FIELDS,
    SECRETARIAT_FIELDS,
    SUMMARY_MAX_LENGTH,
    TYPE_FIELDS,
    call_create,
    resource_create,
    resource_publish,
    resource_reject,
    resource_request_revision,
    resource_resubmit,
    resource_screen,
    resource_submit,
    resource_update,
    resource_withdraw,
)
from corridor.knowledge.services.review import (
    resource_assign_reviewers,
    review_declare_conflict,
    review_remove,
    review_send_reminder,
    review_submit,
)
from corridor.knowledge.services.uploads import (
    file_extract_text,
    resource_add_file,
    resource_remove_file,
)

__all__ = [
    "ALL_FIELDS",
    "BODY_MAX_LENGTH",
    "CONTENT_FIELDS",
    "M2M_FIELDS",
    "SECRETARIAT_FIELDS",
    "SUMMARY_MAX_LENGTH",
    "TYPE_FIELDS",
    "call_create",
    "file_extract_text",
    "panel_minimum",
    "resource_add_file",
    "resource_assign_reviewers",
    "resource_create",
    "resource_publish",
    "resource_reject",
    "resource_remove_file",
    "resource_request_revision",
    "resource_resubmit",
    "resource_screen",
    "resource_submit",
    "resource_update",
    "resource_withdraw",
    "review_days",
    "review_declare_conflict",
    "review_remove",
    "review_send_reminder",
    "review_submit",
]
