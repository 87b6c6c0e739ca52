"""Builders for the community app's test data; each takes overrides."""

import itertools

from community.models import Contact, Subscription

_numbers = itertools.count(1)


def make_contact(case, **fields):
    n = next(_numbers)
    values = {
        "organisation_name": f"Planning office {n}",
        "role_en": f"Regional planning unit {n}",
        "email": f"unit{n}@example.org",
        **fields,
    }
    contact = Contact(case=case, **values)
    contact.full_clean()
    contact.save()
    return contact


def make_subscription(**fields):
    n = next(_numbers)
    values = {
        "email": f"reader{n}@example.org",
        "query": "",
        "language": "en",
        "site": "http://testserver",
        **fields,
    }
    return Subscription.objects.create(**values)


def proposal_data(**fields):
    """What a member filling in the proposal form would post."""
    return {
        "kind": "case",
        "title": "Zebrafield corridor pact",
        "country": "SE",
        "description": "Three municipalities tie housing targets to a new tram line.",
        "source_url": "https://example.org/zebrafield",
        "name": "",
        "email": "",
        "organisation": "",
        "website": "",
        **fields,
    }
