"""Writes for the directory. Every change to an organisation or a person's profile goes through here."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from corridor.core.permissions import is_secretariat
from corridor.directory.models import Organisation, User

# What a focal point may change on their organisation's profile; the secretariat may also rename,
# retype and date an organisation. Activation and slugs stay in the admin.
ORGANISATION_PROFILE_FIELDS = frozenset({"acronym", "country", "website", "description", "logo"})
ORGANISATION_SECRETARIAT_FIELDS = ORGANISATION_PROFILE_FIELDS | {"name", "type", "member_since"}
ORGANISATION_DESCRIPTION_MAX_LENGTH = 20_000

# What a person may change on their own profile, in the order the profile form and the admin show it.
PERSON_PROFILE_FIELD_ORDER = (
    "full_name",
    "pseudonym",
    "job_title",
    "bio",
    "country",
    "preferred_language",
    "is_profile_public",
)
PERSON_PROFILE_FIELDS = frozenset(PERSON_PROFILE_FIELD_ORDER)
PERSON_BIO_MAX_LENGTH = 4_000


def _check_fields(data: dict[str, Any], *, known: frozenset, allowed: frozenset) -> None:
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if set(data) - allowed:
        raise PermissionDenied


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: User, data: dict[str, Any]
) -> Organisation:
    """Change an organisation's profile. Focal points of the organisation and the secretariat may.

    ``data`` maps field names to new values; for ``logo``, a file replaces it and a false value
    (a cleared file input) removes it. Old logo files are kept: the history refers to them.
    """
    if not actor.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    allowed = (
        ORGANISATION_SECRETARIAT_FIELDS if is_secretariat(actor) else ORGANISATION_PROFILE_FIELDS
    )
    _check_fields(data, known=ORGANISATION_SECRETARIAT_FIELDS, allowed=allowed)
    for name, value in data.items():
        if name == "logo" and not value:
            value = ""
        setattr(organisation, name, value)
    if len(organisation.description) > ORGANISATION_DESCRIPTION_MAX_LENGTH:
        raise ValidationError(
            {
                "description": _("Keep the description under %(limit)s characters.")
                % {"limit": ORGANISATION_DESCRIPTION_MAX_LENGTH}
            }
        )
    organisation.full_clean()
    organisation._history_user = actor
    organisation.save()
    return organisation


@transaction.atomic
def person_update_profile(*, person: User, actor: User, data: dict[str, Any]) -> User:
    """Change a person's own profile: names, job title, bio, country, language, visibility.

    Only the person themselves (or an administrator) may. The email address and the password are
    changed through the account pages, not here.
    """
    if not actor.has_perm("directory.change_person", person):
        raise PermissionDenied
    _check_fields(data, known=PERSON_PROFILE_FIELDS, allowed=PERSON_PROFILE_FIELDS)
    for name, value in data.items():
        setattr(person, name, value)
    errors = {}
    if len(person.bio) > PERSON_BIO_MAX_LENGTH:
        errors["bio"] = _("Keep this under %(limit)s characters.") % {
            "limit": PERSON_BIO_MAX_LENGTH
        }
    languages = {code for code, _name in settings.LANGUAGES}
    if person.preferred_language and person.preferred_language not in languages:
        errors["preferred_language"] = _("Choose one of the platform's languages.")
    if errors:
        raise ValidationError(errors)
    # Validate the profile fields only: the rest of the account is not this service's business.
    person.full_clean(exclude=[f.name for f in User._meta.fields if f.name not in data])
    person.save(update_fields=sorted(data) or None)
    return person
