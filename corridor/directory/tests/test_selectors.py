import pytest

from corridor.directory import selectors
from corridor.directory.models import Affiliation, Group, GroupMembership, Organisation
from corridor.directory.tests.factories import (
    AffiliationFactory,
    GroupFactory,
    GroupMembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from corridor.directory.tests.fixtures import ROLES
from corridor.taxonomy.models import Country
from corridor.workplans.models import WorkstreamOrganisation
from corridor.workplans.tests.factories import WorkstreamFactory, WorkstreamOrganisationFactory

pytestmark = pytest.mark.django_db

# --- people -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_a_private_profile(cast, role):
    private = UserFactory()  # profiles are private by default
    visible = selectors.person_get(user=cast.user_or_anonymous(role), pk=private.pk) is not None
    assert visible == (role in {"secretariat", "administrator"})


def test_a_person_always_sees_their_own_profile(cast):
    assert selectors.person_get(user=cast.member, pk=cast.member.pk) == cast.member


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_public_profile(cast, role):
    public = UserFactory(is_profile_public=True)
    assert selectors.person_get(user=cast.user_or_anonymous(role), pk=public.pk) == public


@pytest.mark.parametrize("role", ["anonymous", "member", "focal_point"])
def test_a_deactivated_public_profile_is_hidden(cast, role):
    gone = UserFactory(is_profile_public=True, is_active=False)
    assert selectors.person_get(user=cast.user_or_anonymous(role), pk=gone.pk) is None


def test_people_list_holds_public_active_profiles_only_whoever_asks(cast):
    public = UserFactory(is_profile_public=True, full_name="Pat Public")
    UserFactory(is_profile_public=True, is_active=False)
    for role in ROLES:
        assert list(selectors.person_list(user=cast.user_or_anonymous(role))) == [public]


def test_people_search_never_matches_a_real_name_behind_a_pseudonym(db):
    hidden = UserFactory(full_name="Amina Real", pseudonym="Nightingale", is_profile_public=True)
    plain = UserFactory(full_name="Amina Plain", is_profile_public=True)
    assert list(selectors.person_list(user=None, q="Amina")) == [plain]
    assert list(selectors.person_list(user=None, q="night")) == [hidden]


def test_people_are_sorted_by_the_name_others_see(db):
    zed = UserFactory(full_name="Aaron Real", pseudonym="Zed", is_profile_public=True)
    bea = UserFactory(full_name="Bea", is_profile_public=True)
    assert list(selectors.person_list(user=None)) == [bea, zed]


def test_people_filtered_by_organisation(cast):
    inside = UserFactory(is_profile_public=True)
    AffiliationFactory(person=inside, organisation=cast.organisation)
    UserFactory(is_profile_public=True)
    assert list(selectors.person_list(user=None, organisation="migrant-voices")) == [inside]


# --- organisations ----------------------------------------------------------------------------


@pytest.fixture
def directory(db):
    kenya, namibia = Country.objects.get(code="KE"), Country.objects.get(code="NA")
    network = GroupFactory(slug="network", name="The Network", kind=Group.Kind.NETWORK)
    un = OrganisationFactory(
        name="International Labour Organization", acronym="ILO", slug="ilo",
        type=Organisation.Type.UN_ENTITY, country=kenya,
    )  # fmt: skip
    csos = [
        OrganisationFactory(name=f"Civil Society {n}", slug=f"cso-{n}", country=namibia)
        for n in range(3)
    ]
    former = OrganisationFactory(name="Former Member", slug="former", is_active=False)
    GroupMembershipFactory(group=network, organisation=un, role=GroupMembership.Role.CO_CHAIR)
    GroupMembershipFactory(group=network, organisation=csos[0])
    GroupMembershipFactory(group=network, organisation=former)
    return {"un": un, "csos": csos, "former": former, "network": network}


def test_directory_lists_active_organisations_by_name(directory):
    names = [o.name for o in selectors.organisation_list(user=None)]
    assert names == [
        "Civil Society 0", "Civil Society 1", "Civil Society 2", "International Labour Organization",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "slugs"),
    [
        ({"type": "un_entity"}, ["ilo"]),
        ({"country": "NA"}, ["cso-0", "cso-1", "cso-2"]),
        ({"group": "network"}, ["cso-0", "ilo"]),
        ({"q": "ilo"}, ["ilo"]),  # the acronym
        ({"q": "society 1"}, ["cso-1"]),
        ({"q": "100%_"}, []),  # LIKE wildcards are plain characters
        ({"type": "civil_society", "group": "network"}, ["cso-0"]),
    ],
)
def test_organisation_filters(directory, filters, slugs):
    assert [o.slug for o in selectors.organisation_list(user=None, **filters)] == slugs


def test_facets_count_each_value_under_the_other_filters(directory):
    facets = selectors.organisation_facets(user=None, type="civil_society")
    assert [(o.value, o.count, o.selected) for o in facets["type"]] == [
        ("un_entity", 1, False),
        ("civil_society", 3, True),
    ]
    assert [(o.value, o.count) for o in facets["country"]] == [("NA", 3)]
    assert [(o.value, o.count) for o in facets["group"]] == [("network", 1)]  # not the former


def test_a_selected_value_with_no_results_stays_offered(directory):
    facets = selectors.organisation_facets(user=None, type="donor", q="ilo")
    assert ("donor", 0, True) in [(o.value, o.count, o.selected) for o in facets["type"]]


def test_former_members_keep_their_page(directory):
    assert selectors.organisation_get(user=None, slug="former") == directory["former"]


def test_organisation_profile_groups_workstreams_people(cast, directory):
    organisation = directory["un"]
    lead = WorkstreamFactory(title="Led")
    part = WorkstreamFactory(title="Joined")
    WorkstreamOrganisationFactory(workstream=lead, organisation=organisation)
    WorkstreamOrganisationFactory(
        workstream=part, organisation=organisation, role=WorkstreamOrganisation.Role.PARTICIPANT
    )
    public = UserFactory(is_profile_public=True, full_name="Zoe Public")
    focal = UserFactory(is_profile_public=True, full_name="Yan Focal")
    private = UserFactory(full_name="Hidden Private")
    AffiliationFactory(person=public, organisation=organisation)
    AffiliationFactory(person=focal, organisation=organisation, role=Affiliation.Role.FOCAL_POINT)
    AffiliationFactory(person=private, organisation=organisation)

    profile = selectors.organisation_profile(user=None, organisation=organisation)
    assert [m.group.slug for m in profile.memberships] == ["network"]
    assert {role: [w.title for w in items] for role, items in profile.workstream_roles.items()} == {
        "lead": ["Led"],
        "participant": ["Joined"],
    }
    assert [a.person for a in profile.affiliations] == [focal, public]  # focal points first

    as_secretariat = selectors.organisation_profile(
        user=cast.secretariat, organisation=organisation
    )
    assert private in [a.person for a in as_secretariat.affiliations]
    as_themselves = selectors.organisation_profile(user=private, organisation=organisation)
    assert private in [a.person for a in as_themselves.affiliations]


# --- groups -----------------------------------------------------------------------------------


def test_group_tree(db):
    network = GroupFactory(name="Network", slug="network")
    committee = GroupFactory(name="Executive Committee", slug="ec", parent=network)
    GroupFactory(name="Alpha Working Group", slug="alpha", parent=committee)
    alliance = GroupFactory(name="Alliance 8.7", slug="alliance")
    roots = selectors.group_tree(user=None)
    assert roots == [alliance, network]
    assert roots[1].children == [committee]
    assert [g.slug for g in roots[1].children[0].children] == ["alpha"]


def test_group_members_steering_roles_first_and_private_people_hidden(cast):
    group = GroupFactory()
    member_org = OrganisationFactory(name="A Member")
    chair_org = OrganisationFactory(name="Z Chair")
    co_chair_org = OrganisationFactory(name="Y Co-chair")
    GroupMembershipFactory(group=group, organisation=member_org)
    GroupMembershipFactory(group=group, organisation=chair_org, role=GroupMembership.Role.CHAIR)
    GroupMembershipFactory(
        group=group, organisation=co_chair_org, role=GroupMembership.Role.CO_CHAIR
    )
    public = UserFactory(is_profile_public=True)
    GroupMembership.objects.create(group=group, person=public, role=GroupMembership.Role.CO_LEAD)
    GroupMembership.objects.create(group=group, person=cast.member)  # private profile

    roles = selectors.group_members(user=None, group=group)
    assert [entry.role for entry in roles] == ["co_chair", "chair", "co_lead", "member"]
    assert [m.organisation for m in roles[0].organisations] == [co_chair_org]
    assert [m.person for m in roles[2].people] == [public]
    assert roles[3].people == []

    as_secretariat = selectors.group_members(user=cast.secretariat, group=group)
    assert [m.person for m in as_secretariat[3].people] == [cast.member]


def test_former_members_are_not_listed_in_groups(db):
    group = GroupFactory()
    GroupMembershipFactory(group=group, organisation=OrganisationFactory(is_active=False))
    assert selectors.group_members(user=None, group=group) == []
