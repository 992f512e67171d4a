"""Staff in a role reach the admin pages of what they manage, and nothing else."""

import pytest
from django.contrib.auth.models import Group as AuthGroup

from corridor.directory.models import Role
from corridor.directory.roles import ensure_role_groups
from corridor.directory.tests.factories import UserFactory


@pytest.mark.django_db
def test_every_role_has_its_auth_group_after_migrate():
    assert set(AuthGroup.objects.values_list("name", flat=True)) >= set(Role.values)


@pytest.mark.django_db
def test_setting_up_roles_twice_changes_nothing():
    before = {
        g.name: set(g.permissions.values_list("codename", flat=True))
        for g in AuthGroup.objects.all()
    }
    ensure_role_groups()
    after = {
        g.name: set(g.permissions.values_list("codename", flat=True))
        for g in AuthGroup.objects.all()
    }
    assert before == after


@pytest.mark.django_db
def test_secretariat_manages_content_in_the_admin(client, no_staff_mfa):
    user = UserFactory(is_staff=True, roles=[Role.SECRETARIAT])
    client.force_login(user)
    assert client.get("/admin/workplans/workstream/").status_code == 200
    assert client.get("/admin/workplans/workstream/add/").status_code == 200
    assert client.get("/admin/directory/organisation/add/").status_code == 200
    assert client.get("/admin/taxonomy/country/").status_code == 200
    assert client.get("/admin/taxonomy/country/add/").status_code == 403
    # Accounts and roles are the administrator's.
    assert client.get("/admin/directory/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403


@pytest.mark.django_db
def test_reviewer_with_staff_flag_still_gets_no_admin_pages(client, no_staff_mfa):
    user = UserFactory(is_staff=True, roles=[Role.REVIEWER])
    client.force_login(user)
    assert client.get("/admin/workplans/workstream/").status_code == 403


@pytest.mark.django_db
def test_taking_a_permission_away_by_hand_is_restored_on_migrate():
    secretariat = AuthGroup.objects.get(name=Role.SECRETARIAT)
    secretariat.permissions.clear()
    ensure_role_groups()
    assert secretariat.permissions.filter(codename="change_workstream").exists()


@pytest.mark.django_db
def test_secretariat_handles_review_work_in_the_admin_but_cannot_rewrite_the_log(client, no_staff_mfa):
    user = UserFactory(is_staff=True, roles=[Role.SECRETARIAT])
    client.force_login(user)
    assert client.get("/admin/knowledge/callforpractices/add/").status_code == 200
    assert client.get("/admin/knowledge/reviewassignment/").status_code == 200
    assert client.get("/admin/knowledge/reviewevent/").status_code == 200
    assert client.get("/admin/knowledge/reviewevent/add/").status_code == 403
