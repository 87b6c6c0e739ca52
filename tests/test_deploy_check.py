"""Django's deployment check passes with the settings production documents, and fails on a
short secret key. Run as production runs: the real settings, only the given variables."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# README.md, section Production: what it must and should set, as behind one proxy with
# PostgreSQL, Redis and a mail server. Nothing here is connected to: the check reads
# the settings only.
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "mal.example.fi",
    "CSRF_TRUSTED_ORIGINS": "https://mal.example.fi",
    "DATABASE_URL": "postgres://malnordic@127.0.0.1:5432/malnordic",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "PROXY_COUNT": "1",
    "EMAIL_HOST": "smtp.example.fi",
}


def deploy_check(**env):
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "malnordic.settings", **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


# The least production must set (README, Production), and the whole documented set.
REQUIRED = {key: PRODUCTION[key] for key in ("SECRET_KEY", "ALLOWED_HOSTS")}


@pytest.mark.parametrize("env", [REQUIRED, PRODUCTION], ids=["required", "documented"])
def test_the_documented_production_settings_pass_the_deploy_check(env):
    result = deploy_check(**env)
    assert result.returncode == 0, result.stderr


def test_a_short_secret_key_fails_the_deploy_check():
    result = deploy_check(**{**PRODUCTION, "SECRET_KEY": "k" * 49})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_long_key_of_few_characters_fails_the_deploy_check():
    result = deploy_check(**{**PRODUCTION, "SECRET_KEY": "k" * 60})
    assert result.returncode != 0
    assert "security.W009" in result.stderr
