"""Settings come from the environment (12-factor), with safe laptop defaults."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'options': s.DATABASES['default'].get('OPTIONS', {}), 'email': s.EMAIL_BACKEND, "
    "'email_host': getattr(s, 'EMAIL_HOST', ''), 'cache': s.CACHES['default']['BACKEND'], "
    "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS}))"
)


def settings_with(tmp_path, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "EMAIL_URL", "REDIS_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE="config.settings.base", DATA_DIR=str(tmp_path), **environment)
    output = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout)


def test_laptop_defaults_are_sqlite_in_wal_mode_with_a_busy_timeout(tmp_path):
    probe = settings_with(tmp_path)
    assert probe["engine"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in probe["options"]["init_command"]
    assert "busy_timeout" in probe["options"]["init_command"]
    assert probe["email"] == "django.core.mail.backends.console.EmailBackend"
    assert probe["cache"].endswith("LocMemCache")


def test_postgres_smtp_redis_and_hosts_from_the_environment(tmp_path):
    probe = settings_with(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        EMAIL_URL="submission://user:secret@smtp.example.org:587",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DEBUG="false",
        ALLOWED_HOSTS="corridor.example.org, www.corridor.example.org",
    )
    assert probe["engine"] == "django.db.backends.postgresql"
    assert probe["options"] == {}
    assert probe["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert probe["email_host"] == "smtp.example.org"
    assert probe["cache"].endswith("RedisCache")
    assert probe["debug"] is False
    assert probe["hosts"] == ["corridor.example.org", "www.corridor.example.org"]


def test_production_refuses_the_development_secret_key(tmp_path):
    env = dict(
        os.environ, DJANGO_SETTINGS_MODULE="config.settings.production", DATA_DIR=str(tmp_path)
    )
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
