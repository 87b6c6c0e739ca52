"""Where the feedback e-mails go, as the environment says; and a mail server that fails
loses no message."""

import json
import smtplib
import subprocess
import sys

import pytest
from django.conf import settings

from feedback.models import FeedbackMessage
from tests.feedback.builders import feedback_data, set_contact

SECRET = {"SECRET_KEY": "k" * 60}
PRINT_MAILER = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.MAILERS['default']))"
)


def mailer(**env):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "malnordic.settings", **env}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_MAILER],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_developer_machine_prints_e_mails_to_the_console():
    assert mailer(DEBUG="true")["BACKEND"].endswith("console.EmailBackend")


def test_smtp_comes_from_the_environment():
    config = mailer(
        **SECRET,
        EMAIL_HOST="smtp.example.fi",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="mal",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="false",
    )
    assert config["BACKEND"].endswith("smtp.EmailBackend")
    options = config["OPTIONS"]
    assert (options["host"], options["port"], options["username"]) == (
        "smtp.example.fi",
        465,
        "mal",
    )
    assert (options["password"], options["use_tls"]) == ("secret", False)


def test_production_without_a_host_sends_to_this_machine_over_smtp():
    config = mailer(**SECRET)
    assert config["BACKEND"].endswith("smtp.EmailBackend")
    assert config["OPTIONS"]["host"] == "localhost"


def test_a_bad_port_is_refused():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "malnordic.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**env, **SECRET, "EMAIL_PORT": "smtp"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert "EMAIL_PORT must be a whole number" in result.stderr


@pytest.mark.django_db
def test_a_failing_mail_server_loses_no_message(client, monkeypatch):
    set_contact()

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.message.EmailMessage.send", refuse)
    response = client.post("/feedback/", feedback_data(message="Kept all the same."))
    assert response.status_code == 302
    assert FeedbackMessage.objects.get().message == "Kept all the same."
