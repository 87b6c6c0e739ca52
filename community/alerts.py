"""The digests of followed selections, for `manage.py send_alerts`.

A digest lists the cases of the selection, as it matches now, that were published or
substantially updated since the last digest and have not been sent to this subscription
before. What was sent is recorded in the same transaction that moves `last_sent_at`, with
the subscription locked: a second run, or one running at the same time, finds the cases
already recorded and sends nothing twice. If sending fails, the transaction is rolled
back and the next run tries again.
"""

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation

from cases.filters import CaseFilter
from community.links import leave_url
from community.models import SentAlert, Subscription
from community.notify import render_mail

# A digest lists at most this many cases; the rest are on the browse page it links to.
MOST_CASES = 50


@dataclass
class Outcome:
    subscription: Subscription
    cases: int  # how many cases the digest listed; 0 when there was nothing new


def new_cases(subscription):
    """The published cases of the subscription's selection that are new to it."""
    since = subscription.last_sent_at or subscription.confirmed_at
    selected = CaseFilter(QueryDict(subscription.query)).selected().published()
    changed = Q(published_at__gt=since) | Q(updated_at__gt=since)
    already = SentAlert.objects.filter(subscription=subscription).values("case_id")
    return (
        selected.filter(changed)
        .exclude(pk__in=already)
        .order_by("-published_at", "slug")[:MOST_CASES]
    )


def digest(subscription, cases):
    """The e-mail of one digest, with its one-click leave link in the body and headers."""
    url = leave_url(subscription)
    with translation.override(subscription.language):
        browse = subscription.site.rstrip("/") + reverse("cases:list")
        subject, body = render_mail(
            "digest",
            {
                "subscription": subscription,
                "cases": cases,
                "site": subscription.site.rstrip("/"),
                "browse_url": f"{browse}?{subscription.query}" if subscription.query else browse,
                "leave_url": url,
            },
        )
    return EmailMessage(
        subject=subject,
        body=body,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_digest(subscription_pk, now=None):
    """Send one subscription its digest, if it has anything new; the Outcome, or None when
    the subscription is gone or unconfirmed by now."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.confirmed().select_for_update().filter(pk=subscription_pk).first()
        )
        if subscription is None:
            return None
        cases = list(new_cases(subscription))
        if cases:
            SentAlert.objects.bulk_create(
                [SentAlert(subscription=subscription, case=case, sent_at=now) for case in cases]
            )
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
        if cases:
            # Inside the transaction: a failure rolls back the record of what was sent.
            digest(subscription, cases).send()
    return Outcome(subscription, len(cases))


def send_all(now=None):
    """Each confirmed subscription's digest in turn, as Outcomes."""
    for pk in Subscription.objects.confirmed().order_by("pk").values_list("pk", flat=True):
        outcome = send_digest(pk, now)
        if outcome is not None:
            yield outcome
