"""The e-mail that tells the coordinator a feedback message has arrived."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def notify_coordinator(message, contact, request):
    """Send `message` to the coordinator's address; True if it was sent.

    The message is already stored, so a mail server that is down or missing loses nothing:
    it is logged, and the message waits in the admin.
    """
    if not contact.coordinator_email:
        logger.warning(
            "Feedback message %s stored; no coordinator e-mail address to send to.", message.pk
        )
        return False
    # In the service's own language, whatever page the sender used.
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = request.build_absolute_uri(
            reverse("admin:feedback_feedbackmessage_change", args=[message.pk])
        )
        context = {"message": message, "admin_url": admin_url}
        subject = render_to_string("feedback/email_subject.txt", context).strip()
        body = render_to_string("feedback/email_body.txt", context)
    email = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[contact.coordinator_email],
        reply_to=[message.email] if message.email else None,
    )
    try:
        email.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Feedback message %s stored but not sent by e-mail.", message.pk)
        return False
    return True
