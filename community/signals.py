"""Whom to ask about a case is shown on its page: a change renews the content version."""

from community.models import Contact
from publishing.signals import track

track(Contact)
