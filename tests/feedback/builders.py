"""Builders for the feedback app's test data; each takes overrides."""

import itertools

from feedback.models import FeedbackMessage, ServiceContact, sender_hash

_numbers = itertools.count(1)

COORDINATOR_EMAIL = "coordinator@example.fi"


def set_contact(**fields):
    """The one ServiceContact row (a migration makes it), with a coordinator and `fields`."""
    contact = ServiceContact.objects.current()
    values = {
        "coordinator_name": "Service coordinator",
        "coordinator_email": COORDINATOR_EMAIL,
        **fields,
    }
    for name, value in values.items():
        setattr(contact, name, value)
    contact.save()
    return contact


def make_message(address="192.0.2.1", **fields):
    n = next(_numbers)
    values = {"message": f"Feedback message {n}.", "sender_hash": sender_hash(address), **fields}
    return FeedbackMessage.objects.create(**values)


def feedback_data(**fields):
    """What a person filling in the form would post."""
    return {
        "message": "The map cannot be used with a keyboard.",
        "name": "",
        "email": "",
        "page": "",
        "website": "",
        **fields,
    }
