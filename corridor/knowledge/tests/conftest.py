import pytest
from django.contrib.auth.models import AnonymousUser

from corridor.directory.models import Role
from corridor.directory.tests.factories import OrganisationFactory, UserFactory
from corridor.knowledge import services
from corridor.knowledge.tests.factories import member, reviewer


@pytest.fixture(autouse=True)
def _knowledge_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    settings.KNOWLEDGE_MAX_FILE_BYTES = 200_000


@pytest.fixture
def people(db, no_staff_mfa):
    """One person for each role the knowledge platform tells apart."""
    organisation = OrganisationFactory()
    return {
        "anonymous": AnonymousUser(),
        "outsider": UserFactory(),
        "secretariat": UserFactory(roles=[Role.SECRETARIAT]),
        "submitter": member(organisation),
        "colleague": member(organisation),
        "other_member": member(),
        "internal": reviewer(internal=True),
        "external1": reviewer(internal=False),
        "external2": reviewer(internal=False),
        "further": reviewer(internal=False),
        "conflicted": reviewer(internal=False),
    }


def practice_data(**overrides):
    data = {
        "type": "practice",
        "title": "Community case management as an alternative to detention",
        "summary": "Case workers support families in the community while their cases are decided.",
        "body": "Families stay together.\n\nCase workers meet them every week.",
        "language": "en",
        "repository": "alternatives_to_detention",
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(people):
    return services.resource_create(actor=people["submitter"], data=practice_data())


@pytest.fixture
def in_review(people, draft):
    services.resource_submit(resource=draft, actor=people["submitter"])
    services.resource_screen(resource=draft, actor=people["secretariat"], accept=True)
    services.resource_assign_reviewers(
        resource=draft,
        actor=people["secretariat"],
        reviewers=[people["internal"], people["external1"], people["external2"]],
    )
    draft.refresh_from_db()
    return draft
