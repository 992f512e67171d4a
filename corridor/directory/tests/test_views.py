from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from corridor.directory.models import Affiliation, GroupMembership, Organisation, User
from corridor.directory.tests.factories import (
    AffiliationFactory,
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from corridor.directory.tests.fixtures import sign_in
from corridor.taxonomy.models import Country
from corridor.workplans.models import WorkstreamOrganisation
from corridor.workplans.tests.factories import (
    WorkplanFactory,
    WorkstreamFactory,
    WorkstreamOrganisationFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def text(response) -> str:
    return response.content.decode()


def png(size=(4, 4)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, "blue").save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


# --- organisation directory ---------------------------------------------------------------------


def test_directory_lists_filters_and_counts(client):
    network = GroupFactory(slug="network", name="The Network")
    kenya = Country.objects.get(code="KE")
    ilo = OrganisationFactory(
        name="International Labour Organization", acronym="ILO", slug="ilo", type="un_entity",
        country=kenya,
    )  # fmt: skip
    GroupMembershipFactory(group=network, organisation=ilo)
    OrganisationFactory(name="Civil One", slug="civil-one")
    OrganisationFactory(name="Gone", slug="gone", is_active=False)

    response = client.get("/directory/organisations/")
    assert response.status_code == 200
    page = text(response)
    assert page.count("<h1>") == 1
    assert "2 organisations" in page
    assert "International Labour Organization" in page and "Civil One" in page
    assert "Gone" not in page
    assert "UN entity (1)" in page and "Civil society (1)" in page
    assert "Kenya (1)" in page
    assert "The Network (1)" in page

    response = client.get("/directory/organisations/?type=un_entity&country=ke&group=network")
    page = text(response)
    assert "1 organisation<" in page
    assert "Civil One" not in page
    assert '<option value="un_entity" selected>' in page
    assert '<option value="KE" selected>' in page


def test_directory_paginates_and_keeps_filters_in_links(client):
    for n in range(30):
        OrganisationFactory(name=f"Body {n:02}", slug=f"body-{n}")
    page = text(client.get("/directory/organisations/?q=body"))
    assert "30 organisations" in page
    assert "Page 1 of 2" in page
    assert 'href="?q=body&amp;page=2"' in page
    second = text(client.get("/directory/organisations/?q=body&page=2"))
    assert "Body 29" in second and "Body 00" not in second
    assert client.get("/directory/organisations/?page=abc").status_code == 200
    assert client.get("/directory/organisations/?page=999").status_code == 200


@pytest.mark.parametrize(
    "query",
    ["country=ZZ", "type=nonsense", "group=no-such-group", "q=" + "x" * 10_000, "q=%00"],
)
def test_bad_filters_show_an_error_not_a_500(client, query):
    OrganisationFactory(name="Still Listed")
    response = client.get(f"/directory/organisations/?{query}")
    assert response.status_code == 200
    assert 'class="errorlist"' in text(response)
    assert "Still Listed" in text(response)  # the bad filter is dropped, the page still works


def test_names_are_escaped_in_the_directory(client):
    OrganisationFactory(name=f"Evil {SCRIPT}", slug="evil")
    page = text(client.get("/directory/organisations/"))
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page


# --- organisation page --------------------------------------------------------------------------


def test_organisation_page(client, cast):
    organisation = cast.organisation
    organisation.acronym = "MV"
    organisation.website = "https://voices.example.org"
    organisation.description = f"We **help**. {SCRIPT}"
    organisation.country = Country.objects.get(code="NA")
    organisation.save()
    group = GroupFactory(name="Working Group on Returns", slug="returns")
    GroupMembershipFactory(
        group=group, organisation=organisation, role=GroupMembership.Role.CO_LEAD
    )
    plan = WorkplanFactory(slug="plan")
    led = WorkstreamFactory(workplan=plan, slug="led", title="Led workstream", reference="1.1")
    joined = WorkstreamFactory(workplan=plan, slug="joined", title="Joined workstream")
    WorkstreamOrganisationFactory(workstream=led, organisation=organisation)
    WorkstreamOrganisationFactory(
        workstream=joined, organisation=organisation, role=WorkstreamOrganisation.Role.PARTICIPANT
    )
    public = UserFactory(full_name="Pat Public", is_profile_public=True)
    AffiliationFactory(person=public, organisation=organisation, title="Researcher")

    response = client.get("/directory/organisations/migrant-voices/")
    assert response.status_code == 200
    page = text(response)
    assert page.count("<h1>") == 1
    assert "Civil society" in page and "Namibia" in page
    assert 'href="https://voices.example.org"' in page
    assert "<strong>help</strong>" in page and SCRIPT not in page
    assert 'href="/directory/groups/returns/"' in page and "Co-lead" in page
    assert 'href="/workplans/plan/led/"' in page and 'href="/workplans/plan/joined/"' in page
    assert "Leads" in page and "Participates in" in page
    assert "Pat Public" in page and "Researcher" in page
    # Private profiles and every email address stay off the page.
    assert "Mara Member" not in page and "Fiona Focal" not in page
    assert "@example.org" not in page
    assert "Edit this profile" not in page


def test_organisation_page_shows_the_logo(client, cast):
    from corridor.directory.services import organisation_update

    organisation_update(
        organisation=cast.organisation, actor=cast.secretariat, data={"logo": png()}
    )
    page = text(client.get("/directory/organisations/migrant-voices/"))
    assert '<img src="/media/organisations/logos/' in page
    assert 'alt="Logo of Migrant Voices"' in page


def test_unknown_organisation_is_404(client):
    assert client.get("/directory/organisations/nobody/").status_code == 404


def test_former_member_page_is_labelled(client):
    OrganisationFactory(name="Former", slug="former", is_active=False)
    assert "No longer an active member" in text(client.get("/directory/organisations/former/"))


@pytest.mark.parametrize(("role", "can_edit"), [("focal_point", True), ("secretariat", True),
                                                ("member", False), ("other_member", False)])  # fmt: skip
def test_edit_link_only_for_those_who_may(client, cast, role, can_edit):
    sign_in(client, cast.user(role))
    page = text(client.get("/directory/organisations/migrant-voices/"))
    assert ("/directory/organisations/migrant-voices/edit/" in page) is can_edit


# --- editing an organisation --------------------------------------------------------------------

EDIT_URL = "/directory/organisations/migrant-voices/edit/"


def test_anonymous_is_sent_to_sign_in(client, cast):
    response = client.get(EDIT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(EDIT_URL, {"acronym": "X"}).status_code == 302
    assert Organisation.objects.get(slug="migrant-voices").acronym == ""


@pytest.mark.parametrize("role", ["member", "other_member"])
def test_others_get_403(client, cast, role):
    sign_in(client, cast.user(role))
    assert client.get(EDIT_URL).status_code == 403
    assert client.post(EDIT_URL, {"acronym": "X"}).status_code == 403
    assert Organisation.objects.get(slug="migrant-voices").acronym == ""


def test_focal_point_cannot_edit_someone_elses_organisation(client, cast):
    sign_in(client, cast.focal_point)
    url = "/directory/organisations/other-org/edit/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"acronym": "HACK"}).status_code == 403
    assert Organisation.objects.get(slug="other-org").acronym == ""


def test_editing_an_unknown_organisation_is_404(client, cast):
    sign_in(client, cast.secretariat)
    assert client.get("/directory/organisations/nobody/edit/").status_code == 404


def test_focal_point_edits_the_profile(client, cast):
    sign_in(client, cast.focal_point)
    page = text(client.get(EDIT_URL))
    assert 'name="acronym"' in page and 'name="name"' not in page
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="id_website">' in page
    response = client.post(
        EDIT_URL,
        {
            "acronym": "MV",
            "country": "KE",
            "website": "voices.example.org",
            "description": "Our *work*.",
            "name": "Renamed by a focal point",  # not a field of their form: ignored
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/directory/organisations/migrant-voices/"
    organisation = Organisation.objects.get(slug="migrant-voices")
    assert organisation.acronym == "MV"
    assert organisation.country_id == "KE"
    assert organisation.website == "https://voices.example.org"
    assert organisation.name == "Migrant Voices"
    assert organisation.history.first().history_user == cast.focal_point
    assert "has been saved" in text(client.get(response["Location"]))


def test_secretariat_edits_name_type_and_date(client, cast):
    sign_in(client, cast.secretariat)
    response = client.post(
        EDIT_URL,
        {"name": "Migrant Voices International", "type": "academia", "member_since": "2019-01-15"},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="migrant-voices")
    assert organisation.name == "Migrant Voices International"
    assert organisation.member_since.isoformat() == "2019-01-15"


def test_secretariat_cannot_take_another_organisations_name(client, cast):
    sign_in(client, cast.secretariat)
    response = client.post(EDIT_URL, {"name": "Other Org", "type": "academia"})
    assert response.status_code == 200
    assert "already exists" in text(response)
    assert Organisation.objects.get(slug="migrant-voices").name == "Migrant Voices"


@pytest.mark.parametrize(
    "data",
    [
        {"website": "javascript:alert(1)"},
        {"website": "not a url"},
        {"acronym": "A" * 10_000},
        {"description": "d" * 20_001},
        {"country": "ZZ"},
        {"acronym": "nul\x00byte"},
    ],
)
def test_invalid_edits_show_errors_and_save_nothing(client, cast, data):
    sign_in(client, cast.focal_point)
    before = Organisation.objects.get(slug="migrant-voices")
    response = client.post(EDIT_URL, data)
    assert response.status_code == 200
    page = text(response)
    assert "Nothing was saved" in page
    assert 'class="errorlist' in page
    assert page.count("<h1>") == 1 and "Edit the profile of Migrant Voices<" in page
    after = Organisation.objects.get(slug="migrant-voices")
    assert (after.acronym, after.website, after.description, after.country_id) == (
        before.acronym, before.website, before.description, before.country_id,
    )  # fmt: skip
    assert after.history.count() == before.history.count()


def test_html_in_fields_is_rendered_escaped(client, cast):
    sign_in(client, cast.focal_point)
    client.post(
        EDIT_URL,
        {"acronym": "<b>MV</b>", "description": f"Hello {SCRIPT} <img src=x onerror=alert(1)>"},
    )
    page = text(client.get("/directory/organisations/migrant-voices/"))
    assert SCRIPT not in page
    assert "<img src=x" not in page
    assert "&lt;b&gt;MV&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>", "image/svg+xml"),
            "valid image",
        ),
        (SimpleUploadedFile("logo.png", b"not an image", "image/png"), "valid image"),
    ],
)
def test_logo_must_be_a_real_image(client, cast, upload, message):
    sign_in(client, cast.focal_point)
    response = client.post(EDIT_URL, {"logo": upload})
    assert response.status_code == 200
    assert message in text(response)
    assert not Organisation.objects.get(slug="migrant-voices").logo


def test_logo_size_is_limited(client, cast, monkeypatch):
    monkeypatch.setattr("corridor.directory.forms.LOGO_MAX_BYTES", 10)
    sign_in(client, cast.focal_point)
    response = client.post(EDIT_URL, {"logo": png()})
    assert "1 MB or smaller" in text(response)
    assert not Organisation.objects.get(slug="migrant-voices").logo


def test_logo_upload(client, cast):
    sign_in(client, cast.focal_point)
    assert client.post(EDIT_URL, {"logo": png()}).status_code == 302
    assert Organisation.objects.get(slug="migrant-voices").logo


def test_post_without_csrf_token_is_rejected(cast):
    client = sign_in(Client(enforce_csrf_checks=True), cast.focal_point)
    response = client.post(EDIT_URL, {"acronym": "CSRF"})
    assert response.status_code == 403
    assert Organisation.objects.get(slug="migrant-voices").acronym == ""


# --- groups -------------------------------------------------------------------------------------


def test_group_list_shows_the_tree(client):
    network = GroupFactory(name="UN Network on Migration", slug="network", kind="network")
    GroupFactory(name="Working Group on Returns", slug="returns", parent=network)
    response = client.get("/directory/groups/")
    page = text(response)
    assert response.status_code == 200
    assert page.count("<h1>") == 1
    assert 'href="/directory/groups/network/"' in page
    assert 'href="/directory/groups/returns/"' in page
    assert "Groups within it" in page


def test_group_page(client, cast):
    alliance = GroupFactory(name="Alliance 8.7", slug="alliance", kind="alliance")
    group = GroupFactory(
        name="Migration Action Group", slug="mag", kind="action_group", parent=alliance,
        description="Coordinates **action**.",
    )  # fmt: skip
    GroupFactory(name="Research Stream", slug="research", parent=group)
    GroupMembershipFactory(group=group, organisation=OrganisationFactory(name="Zeta Member"))
    GroupMembershipFactory(
        group=group, organisation=OrganisationFactory(name="Alpha Chair"), role="co_chair"
    )
    public = UserFactory(full_name="Pat Public", is_profile_public=True)
    GroupMembership.objects.create(group=group, person=public, role="focal_point")
    GroupMembership.objects.create(group=group, person=cast.member)  # private profile
    WorkplanFactory(group=group, title="MAG 2019 workplan", slug="mag-2019", status="draft")

    response = client.get("/directory/groups/mag/")
    page = text(response)
    assert response.status_code == 200
    assert page.count("<h1>") == 1
    assert "Action group" in page and 'href="/directory/groups/alliance/"' in page
    assert "<strong>action</strong>" in page
    assert 'href="/directory/groups/research/"' in page
    assert page.index("<h3>Co-chairs") < page.index("<h3>Focal points") < page.index("<h3>Members")
    assert page.index("Alpha Chair") < page.index("Zeta Member")
    assert "Pat Public" in page
    assert "Mara Member" not in page
    assert 'href="/workplans/mag-2019/"' in page and "Draft" in page


def test_unknown_group_is_404(client):
    assert client.get("/directory/groups/nothing/").status_code == 404


# --- people -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("member", 200), ("other_member", 404), ("focal_point", 404),
     ("secretariat", 200), ("administrator", 200)],
)  # fmt: skip
def test_private_profile_page_is_404_except_to_themselves_and_secretariat(
    client, cast, role, status
):
    sign_in(client, cast.user(role))
    assert client.get(f"/directory/people/{cast.member.pk}/").status_code == status


def test_public_profile_page(client, cast):
    person = UserFactory(
        full_name="Pat Public", job_title="Researcher", bio=f"About *me* {SCRIPT}",
        is_profile_public=True, country=Country.objects.get(code="NA"),
    )  # fmt: skip
    AffiliationFactory(
        person=person, organisation=cast.organisation, role=Affiliation.Role.FOCAL_POINT
    )
    GroupMembership.objects.create(group=GroupFactory(name="Returns"), person=person)
    page = text(client.get(f"/directory/people/{person.pk}/"))
    assert "<h1>Pat Public</h1>" in page
    assert "Researcher" in page and "Namibia" in page
    assert "<em>me</em>" in page and SCRIPT not in page
    assert 'href="/directory/organisations/migrant-voices/"' in page and "Focal point" in page
    assert "Returns" in page
    assert "@example.org" not in page


def test_unknown_person_is_404(client):
    assert client.get("/directory/people/999999/").status_code == 404


# --- one's own profile ----------------------------------------------------------------------------


def test_profile_requires_sign_in(client):
    response = client.get("/directory/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/directory/profile/")


def test_profile_page_shows_the_form_and_own_email(client, cast):
    sign_in(client, cast.member)
    response = client.get("/directory/profile/")
    page = text(response)
    assert response.status_code == 200
    assert page.count("<h1>") == 1
    assert "member@example.org" in page
    for field in ["full_name", "pseudonym", "job_title", "bio", "country", "preferred_language",
                  "is_profile_public"]:  # fmt: skip
        assert f'<label for="id_{field}">' in page
    assert 'name="email"' not in page


def test_profile_saves(client, cast):
    sign_in(client, cast.member)
    response = client.post(
        "/directory/profile/",
        {
            "full_name": "Mara M. Member",
            "pseudonym": "Nightingale",
            "job_title": "Researcher",
            "bio": "Hello",
            "country": "NA",
            "preferred_language": "ar",
            "is_profile_public": "on",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(pk=cast.member.pk)
    assert (person.full_name, person.pseudonym, person.country_id, person.preferred_language) == (
        "Mara M. Member", "Nightingale", "NA", "ar",
    )  # fmt: skip
    assert person.is_profile_public
    page = text(client.get("/directory/profile/"))
    assert "Your profile has been saved" in page
    assert "Nightingale" in page


@pytest.mark.parametrize(
    "data",
    [
        {"full_name": "x" * 10_000},
        {"pseudonym": "p" * 10_000},
        {"job_title": "j" * 10_000},
        {"bio": "b" * 10_000},
        {"country": "ZZ"},
        {"preferred_language": "klingon"},
        {"full_name": "nul\x00byte"},
    ],
)
def test_invalid_profile_shows_errors_and_saves_nothing(client, cast, data):
    sign_in(client, cast.member)
    response = client.post("/directory/profile/", {"full_name": "Changed", **data})
    assert response.status_code == 200
    assert "Nothing was saved" in text(response)
    person = User.objects.get(pk=cast.member.pk)
    assert person.full_name == "Mara Member"
    assert (person.pseudonym, person.job_title, person.bio) == ("", "", "")


def test_html_in_the_profile_is_escaped_everywhere(client, cast):
    sign_in(client, cast.member)
    client.post(
        "/directory/profile/",
        {"full_name": SCRIPT, "job_title": SCRIPT, "bio": SCRIPT, "is_profile_public": "on"},
    )
    for url in [f"/directory/people/{cast.member.pk}/", "/directory/organisations/migrant-voices/",
                "/directory/profile/"]:  # fmt: skip
        page = text(client.get(url))
        assert SCRIPT not in page, url
        assert "&lt;script&gt;" in page, url


def test_profile_post_without_csrf_is_rejected(cast):
    client = sign_in(Client(enforce_csrf_checks=True), cast.member)
    assert client.post("/directory/profile/", {"full_name": "CSRF"}).status_code == 403
    assert User.objects.get(pk=cast.member.pk).full_name == "Mara Member"


def test_profile_only_changes_ones_own_account(client, cast):
    sign_in(client, cast.member)
    client.post("/directory/profile/", {"full_name": "Me", "pk": cast.other_member.pk,
                                         "email": "stolen@example.org", "is_superuser": "on"})  # fmt: skip
    other = User.objects.get(pk=cast.other_member.pk)
    me = User.objects.get(pk=cast.member.pk)
    assert other.full_name == "Otto Other"
    assert me.full_name == "Me" and me.email == "member@example.org" and not me.is_superuser


@pytest.mark.parametrize(
    "url",
    ["/directory/organisations/", "/directory/organisations/migrant-voices/", "/directory/groups/",
     "/workplans/", "/workplans/workstreams/"],
)  # fmt: skip
def test_read_only_pages_answer_get_and_head_only(client, cast, url):
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
