"""The cast of the permission tests: one person per role, around two organisations."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from corridor.directory.models import Affiliation, Organisation, Role, User
from corridor.directory.tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

ROLES = ["anonymous", "member", "other_member", "focal_point", "secretariat", "administrator"]
BACKEND = "django.contrib.auth.backends.ModelBackend"


def sign_in(client, user: User | None):
    """Sign ``user`` in on ``client`` (or nobody, for None)."""
    if user is not None:
        client.force_login(user, backend=BACKEND)
    return client


@dataclass
class Cast:
    organisation: Organisation
    other_organisation: Organisation
    member: User
    other_member: User
    focal_point: User
    secretariat: User
    administrator: User

    def user(self, role: str) -> User | None:
        return None if role == "anonymous" else getattr(self, role)

    def user_or_anonymous(self, role: str) -> User | AnonymousUser:
        """The person in ``role``, or an ``AnonymousUser`` for "anonymous" (as a request has)."""
        return self.user(role) or AnonymousUser()


@pytest.fixture
def cast(db, no_staff_mfa) -> Cast:
    organisation = OrganisationFactory(name="Migrant Voices", slug="migrant-voices")
    other = OrganisationFactory(name="Other Org", slug="other-org")
    member = UserFactory(email="member@example.org", full_name="Mara Member")
    other_member = UserFactory(email="other@example.org", full_name="Otto Other")
    focal_point = UserFactory(email="focal@example.org", full_name="Fiona Focal")
    AffiliationFactory(person=member, organisation=organisation)
    AffiliationFactory(person=other_member, organisation=other)
    AffiliationFactory(
        person=focal_point, organisation=organisation, role=Affiliation.Role.FOCAL_POINT
    )
    secretariat = UserFactory(
        email="secretariat@example.org", full_name="Sam Secretariat", roles=[Role.SECRETARIAT]
    )
    administrator = UserFactory(
        email="admin@example.org", full_name="Ada Admin", is_staff=True, is_superuser=True
    )
    return Cast(organisation, other, member, other_member, focal_point, secretariat, administrator)
