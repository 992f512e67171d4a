from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "corridor.taxonomy"
    label = "taxonomy"
    verbose_name = _("Vocabulary")

    def ready(self):
        # The data migration loads the vocabulary once; `flush` (run between transactional tests,
        # or by hand) empties every table and then sends post_migrate, like the contenttypes and
        # permissions Django re-creates the same way. Put the vocabulary back when it is gone.
        post_migrate.connect(
            _restore_vocabulary, sender=self, dispatch_uid="corridor.taxonomy.restore_vocabulary"
        )


def _restore_vocabulary(sender, using, apps=None, **kwargs):
    from corridor.taxonomy.services import ensure_vocabulary

    ensure_vocabulary(apps, using=using)
