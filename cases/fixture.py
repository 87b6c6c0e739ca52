"""Export cases as a Django fixture that loads into an empty database.

Natural keys throughout, so a file loads by slug into a database that already holds some of
its rows (updating them) and into an empty one alike. Rows come in a total order on what is
exported, with empty values first (PostgreSQL would put them last, SQLite first), so the
same content gives the same bytes from any database, however its rows were numbered.
"""

import datetime
from itertools import batched

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Prefetch

from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Source,
    TaggedCase,
    Theme,
)
from glossary.models import Term
from networks.models import CityRegion, Network, NetworkSource, Organisation


def fixture_objects(cases, everything=False, public=False):
    """Every row the given cases need, dependencies first.

    With `everything`, also the regions, organisations, networks and goals no case uses:
    the whole knowledge base rather than a selection. With `public`, networks and glossary
    terms that are not published are left out, and so are the cases' links to them. A
    glossary term lists only the exported cases among its cases.
    """
    networks = Network.objects.published() if public else Network.objects.all()
    # The serializer takes many-to-many values from the prefetch cache when there is one.
    cases = cases.order_by("slug").prefetch_related(
        "regions", "parties", "themes", Prefetch("networks", queryset=networks)
    )
    if everything:
        regions, organisations = CityRegion.objects.all(), Organisation.objects.all()
        goals = ClimateGoal.objects.all()
    else:
        regions = CityRegion.objects.filter(cases__in=cases).distinct()
        organisations = Organisation.objects.filter(cases__in=cases).distinct()
        networks = networks.filter(cases__in=cases).distinct()
        goals = ClimateGoal.objects.filter(tagged_cases__content_object__in=cases).distinct()
    terms = Term.objects.published() if public else Term.objects.all()
    if not everything:
        terms = terms.filter(cases__in=cases).distinct()
    terms = terms.order_by("slug").prefetch_related(
        Prefetch("cases", queryset=cases.model.objects.filter(pk__in=cases.values("pk")))
    )
    children = {"case__in": cases}
    groups = [
        Theme.objects.order_by("position", "slug"),
        goals.order_by("slug"),
        regions.order_by("slug"),
        organisations.order_by("slug"),
        networks.order_by("slug"),
        NetworkSource.objects.filter(network__in=networks)
        .select_related("network")
        .order_by("network__slug", "url"),
        cases,
        TaggedCase.objects.filter(content_object__in=cases)
        .select_related("content_object", "tag")
        .order_by("content_object__slug", "tag__slug"),
        Source.objects.filter(**children).select_related("case").order_by("case__slug", "url"),
        # In the curator's order; (case, label, year) is unique, but not when the year is
        # empty: then the other fields decide, and rows alike in every field give the same
        # bytes in any order.
        KeyFigure.objects.filter(**children)
        .select_related("case")
        .order_by(
            "case__slug",
            "position",
            "label_en",
            F("year").asc(nulls_first=True),
            "value_en",
            "unit_en",
            "note_en",
        ),
        Milestone.objects.filter(**children)
        .select_related("case")
        .order_by(
            "case__slug",
            "position",
            "year",
            F("month").asc(nulls_first=True),
            F("day").asc(nulls_first=True),
            "event_en",
        ),
        # Money, duties and targets in the curator's order; the key makes it total.
        *(
            model.objects.filter(**children)
            .select_related("case", "source__case", *related)
            .order_by("case__slug", "position", "key")
            for model, related in [
                (Funding, ["payer"]),
                (Commitment, ["party", "goal"]),
                (Indicator, ["goal"]),
            ]
        ),
        Measurement.objects.filter(indicator__case__in=cases)
        .select_related("indicator", "source__case")
        .order_by("indicator__case__slug", "indicator__position", "indicator__key", "year"),
        # Whom to ask about each case, in the curator's order: the community app's model,
        # found through the relation, as community builds on cases.
        Case._meta.get_field("contacts")
        .related_model.objects.filter(**children)
        .select_related("case", "organisation")
        .order_by("case__slug", "position", "key"),
        terms,
    ]
    for queryset in groups:
        # In chunks (with their prefetched links), so memory stays the same at any size.
        yield from queryset.iterator(chunk_size=BATCH)


BATCH = 500


class FixtureEncoder(DjangoJSONEncoder):
    """Times always to the millisecond, as "2026-11-27T21:23:20.000Z".

    Django's encoder cuts microseconds to milliseconds but leaves the fraction out when
    there are none: a time 120 microseconds past a second is written ".000Z", loaded back
    as a whole second, and then written without the fraction, so the round trip changed
    the bytes. Always writing the milliseconds makes it stable.
    """

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat(timespec="milliseconds")
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def fixture_chunks(cases, everything=False, public=False):
    """The fixture as text, a batch of rows at a time: the same bytes as serialising every
    row at once, which gives "[", then each row after a line break, commas between rows,
    and a line break, "]" and a line break at the end."""
    first = True
    yield "["
    for batch in batched(fixture_objects(cases, everything, public), BATCH):
        text = serializers.serialize(
            "json",
            batch,
            indent=1,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
            cls=FixtureEncoder,
        )
        rows = text[1 : -len("\n]\n")]  # without the batch's own brackets
        yield rows if first else "," + rows
        first = False
    yield "\n]\n"


def write_fixture(cases, stream, everything=False, public=False):
    for chunk in fixture_chunks(cases, everything, public):
        stream.write(chunk)
