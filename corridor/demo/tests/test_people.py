"""Demo people: one per role, all fictional, able to sign in with the demo password."""

import re
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

from corridor.demo.datafiles import DATA_DIR
from corridor.demo.loader import DEMO_PASSWORD, load_demo
from corridor.directory.models import Affiliation, Role, User

pytestmark = pytest.mark.django_db

SEEDS = Path("/work/shared/seeds")
# Real people the seeds name (the IOM press release); they must never become demo people.
REAL_PEOPLE = ("Anh Nguyen", "Andria Kenney", "Nguyen", "Kenney")


def test_one_person_for_each_role(demo):
    assert User.objects.count() == 9
    admin = User.objects.get(email="admin@example.org")
    assert admin.is_superuser and admin.is_staff
    secretariat = User.objects.get(email="secretariat@example.org")
    assert secretariat.is_staff and not secretariat.is_superuser
    roles = {
        role: set(User.objects.filter(groups__name=role).values_list("email", flat=True))
        for role in Role.values
    }
    assert roles == {
        "requester": {"requester@example.org"},
        "expert": {"expert@example.org"},
        "reviewer": {"reviewer@example.org"},
        "secretariat": {"secretariat@example.org"},
        "fund_manager": {"fund.manager@example.org"},
    }
    member = Affiliation.objects.get(person__email="member@example.org")
    assert (member.organisation.acronym, member.role) == ("IOM", "member")
    focal = Affiliation.objects.get(person__email="focal.point@example.org")
    assert (focal.organisation.acronym, focal.role) == ("UNICEF", "focal_point")
    requester = User.objects.get(email="requester@example.org")
    assert requester.country_id == "MG"
    assert requester.affiliations.get().organisation.slug == "government-of-madagascar"


def test_person_with_lived_experience_uses_a_pseudonym(demo):
    person = User.objects.get(email="lived.experience@example.org")
    assert person.full_name and person.pseudonym
    assert person.public_name == person.pseudonym != person.full_name
    assert not person.is_profile_public


def test_demo_people_sign_in_with_the_demo_password(demo, client):
    for person in User.objects.all():
        assert person.check_password(DEMO_PASSWORD), person.email
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 9
    assert client.login(email="member@example.org", password=DEMO_PASSWORD)


def test_a_changed_password_is_not_reset(demo):
    member = User.objects.get(email="member@example.org")
    member.set_password("a-new-password-of-their-own")
    member.save()
    assert load_demo()["directory.User"] == {"created": 0, "updated": 0, "deleted": 0}
    member.refresh_from_db()
    assert member.check_password("a-new-password-of-their-own")


def test_demo_people_are_fictional(demo):
    for person in User.objects.all():
        assert person.email.endswith("@example.org")
        for real in REAL_PEOPLE:
            assert real.lower() not in f"{person.full_name} {person.pseudonym}".lower()
    for path in DATA_DIR.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for real in REAL_PEOPLE:
            assert real not in text, path


def test_real_people_list_covers_the_press_release():
    """The names checked above are the ones the press release gives (a guard for this test)."""
    text = (SEEDS / "mag-2018-workshop-press-release.txt").read_text(encoding="utf-8")
    assert re.search(r"said Anh Nguyen", text) and "Andria Kenney" in text
