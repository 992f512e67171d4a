import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from corridor.directory.models import Organisation, User
from corridor.directory.services import organisation_update, person_update_profile
from corridor.directory.tests.factories import UserFactory
from corridor.taxonomy.models import Country

pytestmark = pytest.mark.django_db


# --- organisation_update --------------------------------------------------------------------


def test_focal_point_updates_the_profile_and_history_names_them(cast):
    kenya = Country.objects.get(code="KE")
    organisation = organisation_update(
        organisation=cast.organisation,
        actor=cast.focal_point,
        data={
            "acronym": "MV",
            "website": "https://voices.example.org",
            "description": "We **work** with migrants.",
            "country": kenya,
        },
    )
    organisation.refresh_from_db()
    assert organisation.acronym == "MV"
    assert organisation.country == kenya
    record = organisation.history.order_by("-history_date").first()
    assert record.history_user == cast.focal_point
    assert record.acronym == "MV"


def test_focal_point_cannot_rename_or_retype(cast):
    with pytest.raises(PermissionDenied):
        organisation_update(
            organisation=cast.organisation, actor=cast.focal_point, data={"name": "Renamed"}
        )
    cast.organisation.refresh_from_db()
    assert cast.organisation.name == "Migrant Voices"


def test_secretariat_may_rename_retype_and_date(cast):
    organisation_update(
        organisation=cast.organisation,
        actor=cast.secretariat,
        data={"name": "Migrant Voices Network", "type": Organisation.Type.ACADEMIA},
    )
    cast.organisation.refresh_from_db()
    assert cast.organisation.name == "Migrant Voices Network"
    assert cast.organisation.type == Organisation.Type.ACADEMIA
    assert cast.organisation.slug == "migrant-voices"  # addresses stay stable


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_members_may_not_update(cast, role):
    with pytest.raises(PermissionDenied):
        organisation_update(
            organisation=cast.organisation, actor=cast.user(role), data={"acronym": "X"}
        )


def test_focal_point_of_another_organisation_may_not_update(cast):
    with pytest.raises(PermissionDenied):
        organisation_update(
            organisation=cast.other_organisation, actor=cast.focal_point, data={"acronym": "X"}
        )


def test_invalid_values_are_refused_and_nothing_is_saved(cast):
    with pytest.raises(ValidationError) as error:
        organisation_update(
            organisation=cast.organisation,
            actor=cast.focal_point,
            data={"acronym": "A" * 10_000, "website": "javascript:alert(1)"},
        )
    assert {"acronym", "website"} <= set(error.value.message_dict)
    assert Organisation.objects.get(pk=cast.organisation.pk).acronym == ""


def test_a_too_long_description_is_refused(cast):
    with pytest.raises(ValidationError):
        organisation_update(
            organisation=cast.organisation,
            actor=cast.focal_point,
            data={"description": "x" * 20_001},
        )


def test_unknown_fields_are_a_programming_error(cast):
    with pytest.raises(ValueError):
        organisation_update(
            organisation=cast.organisation, actor=cast.secretariat, data={"is_staff": True}
        )


def test_logo_upload_and_removal(cast):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    organisation_update(organisation=cast.organisation, actor=cast.focal_point, data={"logo": logo})
    assert Organisation.objects.get(pk=cast.organisation.pk).logo.name.startswith(
        "organisations/logos/"
    )
    organisation_update(
        organisation=cast.organisation, actor=cast.focal_point, data={"logo": False}
    )
    assert not Organisation.objects.get(pk=cast.organisation.pk).logo


# --- person_update_profile ------------------------------------------------------------------


def test_person_updates_their_own_profile(cast):
    person_update_profile(
        person=cast.member,
        actor=cast.member,
        data={
            "full_name": "Mara M.",
            "pseudonym": "Nightingale",
            "job_title": "Researcher",
            "bio": "Hello",
            "country": Country.objects.get(code="NA"),
            "preferred_language": "fr",
            "is_profile_public": True,
        },
    )
    person = User.objects.get(pk=cast.member.pk)
    assert person.pseudonym == "Nightingale"
    assert person.country.code == "NA"  # Namibia, not a missing value
    assert person.preferred_language == "fr"
    assert person.is_profile_public
    assert person.email == "member@example.org"


@pytest.mark.parametrize("role", ["other_member", "focal_point", "secretariat"])
def test_others_may_not_update_a_profile(cast, role):
    with pytest.raises(PermissionDenied):
        person_update_profile(person=cast.member, actor=cast.user(role), data={"bio": "hacked"})
    assert User.objects.get(pk=cast.member.pk).bio == ""


def test_administrator_may_update_a_profile(cast):
    person_update_profile(person=cast.member, actor=cast.administrator, data={"job_title": "Lead"})
    assert User.objects.get(pk=cast.member.pk).job_title == "Lead"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"full_name": "x" * 10_000}, "full_name"),
        ({"pseudonym": "x" * 81}, "pseudonym"),
        ({"bio": "x" * 4_001}, "bio"),
        ({"preferred_language": "xx"}, "preferred_language"),
    ],
)
def test_invalid_profile_values_are_refused(cast, data, field):
    with pytest.raises(ValidationError) as error:
        person_update_profile(person=cast.member, actor=cast.member, data=data)
    assert field in error.value.message_dict
    assert User.objects.get(pk=cast.member.pk).full_name == "Mara Member"


def test_profile_fields_only(cast):
    with pytest.raises(ValueError):
        person_update_profile(person=cast.member, actor=cast.member, data={"is_superuser": True})
    with pytest.raises(ValueError):
        person_update_profile(
            person=cast.member, actor=cast.member, data={"email": "x@example.org"}
        )


def test_an_account_without_password_can_still_update_its_profile(db):
    person = User.objects.create(email="nopassword@example.org")
    person_update_profile(person=person, actor=person, data={"full_name": "No Password"})
    assert User.objects.get(pk=person.pk).full_name == "No Password"


def test_inactive_account_cannot_update(db):
    person = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        person_update_profile(person=person, actor=person, data={"bio": "x"})
