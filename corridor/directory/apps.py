from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "corridor.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        # Permissions exist only once every app has migrated; the roles' auth groups are set up
        # (and kept exact) after each migrate, like Django's own permissions.
        post_migrate.connect(_set_up_roles, dispatch_uid="corridor.directory.set_up_roles")


def _set_up_roles(sender, using, apps=None, **kwargs):
    from django.apps import apps as registry

    # post_migrate is sent once per app with models; act on the last one, when every table exists.
    if sender is not [config for config in registry.get_app_configs() if config.models_module][-1]:
        return
    from corridor.directory.roles import ensure_role_groups

    ensure_role_groups(using=using)
