import pytest
from django.apps import apps
from django.db import transaction

from corridor.demo.loader import load_demo
from corridor.taxonomy.models import Objective


@pytest.fixture
def vocabulary(db):
    """The vocabulary the taxonomy migrations load (loaded here too if a test database lacks it)."""
    if not Objective.objects.exists():
        from corridor.taxonomy.services import load_vocabulary

        load_vocabulary()


@pytest.fixture
def demo(vocabulary):
    """The demo data, loaded once into the test's database; the loader's counts."""
    return load_demo()


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo data loaded once for a module of read-only tests, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        if not Objective.objects.exists():
            from corridor.taxonomy.services import load_vocabulary

            load_vocabulary()
        yield load_demo()
        transaction.set_rollback(True)


def history_row_count() -> int:
    """Rows in every django-simple-history table (including the many-to-many ones)."""
    return sum(
        model._default_manager.count()
        for model in apps.get_models()
        if model._meta.model_name.startswith("historical")
    )
