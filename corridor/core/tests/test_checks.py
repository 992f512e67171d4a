from django.core.management import call_command


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_no_missing_migrations(db):
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)
