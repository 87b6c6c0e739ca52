"""The e-mails of the community app: a proposal to the coordinator, a confirmation link to
someone who wants to follow a selection.

The coordinator's address is the one the feedback form writes to (feedback's
ServiceContact); as there, a mail server that is down loses nothing that is stored.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from community.links import confirm_url
from feedback.models import ServiceContact

logger = logging.getLogger(__name__)


def render_mail(name, context):
    """(subject, body) from templates/community/email/<name>_subject.txt and _body.txt."""
    subject = render_to_string(f"community/email/{name}_subject.txt", context)
    body = render_to_string(f"community/email/{name}_body.txt", context)
    return " ".join(subject.split()), body


def send(email, what):
    try:
        email.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("%s not sent by e-mail.", what)
        return False
    return True


def notify_coordinator(proposal, request):
    """Tell the coordinator a proposal has arrived; True if it was sent."""
    contact = ServiceContact.objects.current()
    if not contact.coordinator_email:
        logger.warning("Proposal %s stored; no coordinator e-mail address.", proposal.pk)
        return False
    # In the service's own language, whatever page the member used.
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = request.build_absolute_uri(
            reverse("admin:community_proposal_change", args=[proposal.pk])
        )
        subject, body = render_mail("proposal", {"proposal": proposal, "admin_url": admin_url})
    email = EmailMessage(
        subject=subject,
        body=body,
        to=[contact.coordinator_email],
        reply_to=[proposal.email] if proposal.email and proposal.may_contact else None,
    )
    return send(email, f"Proposal {proposal.pk} stored but")


def send_confirmation(subscription):
    """The one message sent before a subscription is confirmed: its confirmation link."""
    with translation.override(subscription.language):
        subject, body = render_mail(
            "confirm", {"subscription": subscription, "confirm_url": confirm_url(subscription)}
        )
    email = EmailMessage(subject=subject, body=body, to=[subscription.email])
    return send(email, f"Confirmation of subscription {subscription.pk}")
