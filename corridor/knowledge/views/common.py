"""Helpers of the knowledge pages: sign-in and secretariat checks, showing service errors."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.core.errors import ApplicationError
from corridor.core.permissions import is_secretariat
from corridor.knowledge.forms import (
    add_service_errors,
)
from corridor.knowledge.models import Resource

Status = Resource.Status


def _signed_in(request):
    """A redirect to the sign-in page for a visitor, else None."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _run(request, form, action):
    """Call a service; show a person's error on the form (or as a message). True if it worked."""
    try:
        action()
    except ValidationError as error:
        if form is not None:
            add_service_errors(form, error)
        else:
            for message in error.messages:
                messages.error(request, message)
        return False
    except ApplicationError as error:
        if form is not None:
            form.add_error(None, error.message)
        else:
            messages.error(request, error.message)
        return False
    return True


def _secretariat(request):
    if response := _signed_in(request):
        return response
    if not is_secretariat(request.user):
        raise PermissionDenied
    return None
