"""The platform roles as Django auth groups, with the model permissions the admin site needs.

Which objects a role may see is decided by selectors and ``corridor.core.permissions``; these
model permissions only open the matching pages of the Django admin to staff in that role.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from corridor.directory.models import Role

# app label -> models the role manages in the admin (add, change, delete, view).
_MANAGE = {
    Role.SECRETARIAT: {
        "directory": ["organisation", "affiliation", "group", "groupmembership"],
        "workplans": ["workplan", "section", "workstream", "workstreamorganisation", "activity"],
        "knowledge": ["resource", "resourcefile", "callforpractices", "reviewassignment"],
        "community": ["researchtopic", "event"],
    },
}
# app label -> models the role may look at in the admin.
_VIEW = {
    Role.SECRETARIAT: {
        "knowledge": ["reviewevent"],
        "search": ["document", "change"],
        "taxonomy": [
            "objective",
            "guidingprinciple",
            "thematicarea",
            "theme",
            "sdgtarget",
            "region",
            "country",
        ],
    },
    Role.FUND_MANAGER: {
        "directory": ["organisation", "group", "groupmembership"],
        "workplans": ["workplan", "workstream"],
    },
}


def ensure_role_groups(apps=global_apps, using="default") -> None:
    """Create every role's auth group and give it exactly its admin permissions; idempotent."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    AuthGroup = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in Role:
        group, _created = AuthGroup.objects.using(using).get_or_create(name=role.value)
        codenames = []
        for app_label, models in _MANAGE.get(role, {}).items():
            codenames += [
                (app_label, f"{action}_{model}")
                for model in models
                for action in ("add", "change", "delete", "view")
            ]
        for app_label, models in _VIEW.get(role, {}).items():
            codenames += [(app_label, f"view_{model}") for model in models]
        wanted = [
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in codenames
        ]
        group.permissions.set(wanted)
