"""The knowledge platform's pages: the repository, submitting, peer review, history and calls."""

from corridor.knowledge.views.calls import call_create, call_detail, call_list
from corridor.knowledge.views.resources import (
    file_add,
    file_download,
    file_remove,
    my_submissions,
    resource_create,
    resource_detail,
    resource_diff,
    resource_edit,
    resource_history,
    resource_list,
    resource_submit,
    resource_version,
    resource_withdraw,
    submission_status,
)
from corridor.knowledge.views.review import (
    resource_manage,
    resource_manage_action,
    review_detail,
    review_list,
    submission_queue,
)

__all__ = [
    "call_create",
    "call_detail",
    "call_list",
    "file_add",
    "file_download",
    "file_remove",
    "my_submissions",
    "resource_create",
    "resource_detail",
    "resource_diff",
    "resource_edit",
    "resource_history",
    "resource_list",
    "resource_manage",
    "resource_manage_action",
    "resource_submit",
    "resource_version",
    "resource_withdraw",
    "review_detail",
    "review_list",
    "submission_queue",
    "submission_status",
]
