"""Full-text search over cases.

Each case keeps two derived columns, refreshed by signals (cases/signals.py) whenever the
case, its parties, regions, networks or climate goals change:
- `search_text`: the normalised document, for the SQLite fallback (every term must occur);
- `search_vector`: on PostgreSQL, a weighted tsvector (title and original name highest),
  built with the accent-folding `mal_search` configuration and backed by a GIN index.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import F, Value
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import GreaterThan

from cases.searchquery import normalise, tsquery
from networks.models import PublicationState

CONFIG = "mal_search"


def is_postgres(alias):
    return connections[alias].vendor == "postgresql"


def document(case):
    """The searchable text of a case, by weight: A most important, C least.

    Needs the case's parties, regions, networks and goals; prefetch them for many cases.
    """
    related = [
        *(f"{p.name} {p.name_en}" for p in case.parties.all()),
        *(r.name for r in case.regions.all()),
        *(f"{n.name} {n.original_name}" for n in case.networks.all()),
        *(g.name for g in case.goals.all()),
    ]
    return {
        "A": f"{case.title} {case.original_name}",
        "B": " ".join([case.summary, case.instrument_detail, *related]),
        "C": " ".join(
            [
                case.challenge,
                case.how_it_works,
                case.climate_goals,
                case.results,
                case.lessons_for_finland,
                case.status_note,
            ]
        ),
    }


def refresh(case_ids, model=None):
    """Recompute the search columns of the given cases (one UPDATE per case).

    `model` is the Case model to use; migrations pass their historical one.
    """
    if model is None:
        from cases.models import Case as model

    network = model._meta.get_field("networks").related_model
    published = models.Prefetch(
        "networks", queryset=network._base_manager.filter(state=PublicationState.PUBLISHED)
    )
    cases = model._base_manager.filter(pk__in=list(case_ids)).prefetch_related(
        "parties", "regions", published, "goals"
    )
    for case in cases:
        parts = {weight: normalise(text) for weight, text in document(case).items()}
        values = {"search_text": "\n".join(parts.values())}
        if is_postgres(cases.db):
            vectors = [
                SearchVector(Value(text), weight=weight, config=CONFIG)
                for weight, text in parts.items()
            ]
            values["search_vector"] = vectors[0] + vectors[1] + vectors[2]
        model._base_manager.filter(pk=case.pk).update(**values)


def matching(queryset, words):
    """Cases that contain every one of `words` (searchquery.terms; the last word also as a
    prefix)."""
    if not words:
        return queryset
    if is_postgres(queryset.db):
        return queryset.filter(search_vector=_tsquery(words))
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def ranked(queryset, words):
    """`queryset` annotated with `rank`, higher for a better match to `words`."""
    if not words:
        return queryset.annotate(rank=Value(0.0))
    if is_postgres(queryset.db):
        return queryset.annotate(rank=SearchRank(F("search_vector"), _tsquery(words)))
    # The fallback ranks a case higher for each word found in its title or original name:
    # the first line of the normalised document.
    first_line = Substr("search_text", 1, StrIndex("search_text", Value("\n")))
    rank = sum(
        (
            models.Case(
                models.When(GreaterThan(StrIndex(first_line, Value(word)), 0), then=1.0),
                default=0.0,
            )
            for word in words
        ),
        start=Value(0.0),
    )
    return queryset.annotate(rank=rank)


def _tsquery(words):
    return SearchQuery(tsquery(words), search_type="raw", config=CONFIG)
