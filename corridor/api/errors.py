"""Errors the API answers with: a bad filter value is a 400 that says which field and why."""

from corridor.core.errors import ApplicationError


def form_errors_message(form) -> str:
    """A form's errors as one readable sentence per field, for a 400 response."""
    return " ".join(
        f"{field}: {' '.join(str(message) for message in messages)}"
        for field, messages in form.errors.items()
    )


def validated_filters(form_class, data: dict) -> dict:
    """Filters checked by the same form as the page; a bad value is a 400 with the form's message.

    ``form_class`` is a page's filter form with a ``filters()`` method; ``None`` values in
    ``data`` (query parameters not given) are left out.
    """
    form = form_class({key: value for key, value in data.items() if value is not None})
    if not form.is_valid():
        raise ApplicationError(form_errors_message(form))
    return form.filters()
