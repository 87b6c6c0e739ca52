"""The service's contact details are shown in the accessibility statement and
security.txt: a change renews the content version."""

from feedback.models import ServiceContact
from publishing.signals import track

track(ServiceContact)
