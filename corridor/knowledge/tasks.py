"""Background work for the knowledge platform. Tasks take primary keys and call services."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def extract_file_text(file_id: int) -> None:
    """Extract the text of an uploaded file and detect its language."""
    from corridor.knowledge.services import file_extract_text

    file_extract_text(file_id=file_id)


@task()
def send_email(*, recipients: list[str], subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
