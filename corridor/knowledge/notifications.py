"""Email to the people a step concerns, in each person's preferred language, sent after commit."""

from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from corridor.directory.models import Role, User


def secretariat_people() -> list[User]:
    """Who is told about submissions: the secretariat; the administrators if it has nobody."""
    people = list(
        User.objects.filter(groups__name=Role.SECRETARIAT, is_active=True).exclude(email="")
    )
    if not people:
        people = list(User.objects.filter(Q(is_superuser=True), is_active=True).exclude(email=""))
    return people


def absolute(path: str) -> str:
    return getattr(settings, "CORRIDOR_SITE_URL", "").rstrip("/") + path


def notify(*, users: Iterable[User | None], subject, body, params: dict | None = None) -> None:
    """Queue one email per person, after the transaction commits.

    ``subject`` and ``body`` are lazy translations with ``%(name)s`` placeholders filled from
    ``params``; each person gets them in their preferred language.
    """
    from corridor.knowledge.tasks import send_email

    params = params or {}
    seen = set()
    for user in users:
        if user is None or not user.email or user.pk in seen:
            continue
        seen.add(user.pk)
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            values = {key: str(value) for key, value in params.items()}
            text_subject = str(subject) % values
            text_body = str(body) % values
        transaction.on_commit(
            partial(
                send_email.enqueue,
                recipients=[user.email],
                subject=f"[{settings.CORRIDOR_SITE_NAME}] {text_subject}",
                body=text_body,
            )
        )
