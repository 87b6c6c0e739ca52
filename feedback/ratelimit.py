"""How many messages one address may send, counted in the database.

Counting the stored messages (by the hash of their sender's address) rather than in a
process's memory makes the limits hold across every server of the site.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feedback.models import FeedbackMessage

# At most one message a minute, and five a day, from one address.
MINUTE = timedelta(seconds=60)
DAY = timedelta(days=1)
PER_MINUTE = 1
PER_DAY = 5


def refusal(digest, now=None):
    """(message, seconds to wait) if the sender with this hash has sent enough for now,
    otherwise None. One query."""
    now = now or timezone.now()
    sent = FeedbackMessage.objects.from_sender(digest, now - DAY).aggregate(
        minute=Count("pk", filter=Q(created_at__gte=now - MINUTE)), day=Count("pk")
    )
    if sent["day"] >= PER_DAY:
        text = ngettext(
            "You have already sent %(n)d message today, the most we take from one address "
            "in a day. Please send this one tomorrow; your text is kept below.",
            "You have already sent %(n)d messages today, the most we take from one address "
            "in a day. Please send this one tomorrow; your text is kept below.",
            sent["day"],
        ) % {"n": sent["day"]}
        return text, int(DAY.total_seconds())
    if sent["minute"] >= PER_MINUTE:
        text = _(
            "You sent a message less than a minute ago. Please wait a minute and send this "
            "one again; your text is kept below."
        )
        return text, int(MINUTE.total_seconds())
    return None
