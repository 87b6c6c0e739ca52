"""Full-text search over cases, in every language a case is written in.

Each case keeps a derived document, refreshed by signals (cases/signals.py,
glossary/signals.py) whenever the case, its parties, regions, networks, climate goals or
glossary terms change. The document is the case's stems (cases/searchquery.py): every
language version of its texts, stemmed as that language, and every name of the glossary
terms it uses, so that a Finnish word finds a case written in Norwegian or English.

The stems are computed in Python for both databases, so that a query finds the same cases
on either; each database indexes them its own way:
- `search_text` holds the stems in three lines, by weight (A: names, B: summary and what
  the case links to, C: the rest). On SQLite, an FTS5 table follows it by triggers
  (migration 0013) and is queried with prefix and whole-stem matches.
- `search_vector`, on PostgreSQL, holds the same stems as a weighted tsvector (the
  `simple` configuration: the stems need no more processing), backed by a GIN index.

`SearchWord` keeps the words (not stems) the documents hold, for correcting a typo: on
PostgreSQL with pg_trgm, on SQLite with the same trigram similarity in Python.
"""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, models
from django.db.models import F, Value
from django.db.models.expressions import RawSQL

from cases import searchquery
from cases.searchquery import folded, normalise, stems, words
from publishing.models import PublicationState

CONFIG = "simple"
FTS_TABLE = "cases_case_search"
WEIGHTS = ("A", "B", "C")
TEXTS_B = ("summary", "instrument_detail")
TEXTS_C = (
    "challenge",
    "how_it_works",
    "climate_goals",
    "results",
    "lessons_for_finland",
    "status_note",
    "evidence_note",
)
LANGUAGES = ("fi", "sv", "en")
# Names in no known language (original names of networks, variant names of terms) are
# stemmed in every language.
ANY_LANGUAGE = ("fi", "sv", "no", "da", "en")
# Words shorter than this are not offered as corrections.
MIN_CORRECTION = 4
MAX_DISTANCE = 2  # letters a correction's length may differ by
THRESHOLD = 0.3  # pg_trgm's default similarity threshold


def is_postgres(alias):
    return connections[alias].vendor == "postgresql"


def translations(obj, name):
    """(text, language) of each language version of translated field `name`."""
    return [(getattr(obj, f"{name}_{code}"), code) for code in LANGUAGES]


def document(case):
    """{weight: [(text, language)]}: the searchable texts of a case. `language` None for a
    text in no known language.

    Needs the case's parties, regions, networks, goals and terms; prefetch them for many
    cases.
    """
    from networks.models import language_of

    related = []
    for party in case.parties.all():
        related += [(party.name, language_of(party.country) or None), (party.name_en, "en")]
    for region in case.regions.all():
        related += translations(region, "name")
    for network in case.networks.all():
        related += [*translations(network, "name"), (network.original_name, None)]
    for goal in case.goals.all():
        related += translations(goal, "name")
    for term in case.terms.all():
        # Term.names() by hand: migrations pass historical models, which have no methods.
        related += [(getattr(term, f"name_{code}"), code) for code in ANY_LANGUAGE]
        related.append((term.other_names, None))
    return {
        "A": [*translations(case, "title"), (case.original_name, language_of(case.country))],
        "B": [t for name in TEXTS_B for t in translations(case, name)] + related,
        "C": [t for name in TEXTS_C for t in translations(case, name)],
    }


def document_stems(texts):
    """The distinct stems of (text, language) pairs, in order of appearance."""
    found = {}
    for text, language in texts:
        if not text:
            continue
        for code in ANY_LANGUAGE if language is None else (language,):
            found.update(dict.fromkeys(stems(text, code)))
    return list(found)


# {database alias: ids of the cases to refresh} while `refreshed_once` collects them.
_collected = {}


@contextmanager
def refreshed_once(using="default"):
    """Within it, refreshes of `using` are collected and done once for each case when it
    ends without an error: a fixture load would otherwise refresh a case for each of its
    links."""
    if using in _collected:
        yield
        return
    _collected[using] = set()
    try:
        yield
    except BaseException:
        _collected.pop(using)
        raise
    refresh(_collected.pop(using), using=using)


def refresh(case_ids, model=None, using=None):
    """Recompute the search columns of the given cases, and note their words.

    `model` is the Case model to use; migrations pass their historical one.
    """
    if model is None:
        from cases.models import Case as model

        collecting = _collected.get(using or "default")
        if collecting is not None:
            collecting.update(case_ids)
            return

    published = PublicationState.PUBLISHED
    network = model._meta.get_field("networks").related_model
    term = model._meta.get_field("terms").related_model
    cases = model._base_manager.filter(pk__in=list(case_ids)).prefetch_related(
        "parties",
        "regions",
        models.Prefetch("networks", queryset=network._base_manager.filter(state=published)),
        "goals",
        models.Prefetch("terms", queryset=term._base_manager.filter(state=published)),
    )
    if using is not None:
        cases = cases.using(using)
    rows, vocabulary = [], set()
    for case in cases:
        texts = document(case)
        lines = [" ".join(document_stems(texts[weight])) for weight in WEIGHTS]
        rows.append((case.pk, lines))
        for text, _language in (pair for weight in WEIGHTS for pair in texts[weight]):
            vocabulary.update(w for w in map(folded, words(text)) if len(w) >= MIN_CORRECTION)
    write(model, rows, cases.db)
    word_model = model._meta.apps.get_model("cases", "SearchWord")
    word_model._base_manager.using(cases.db).bulk_create(
        [
            word_model(word=word, length=len(word))
            for word in sorted(vocabulary)
            if len(word) <= 100
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def write(model, rows, using):
    """Store [(pk, [line A, line B, line C])] in the search columns, one statement for all
    rows on PostgreSQL, one per row on SQLite (where the FTS table follows by trigger)."""
    if not rows:
        return
    table, pk = model._meta.db_table, model._meta.pk.column
    with connections[using].cursor() as cursor:
        if not is_postgres(using):
            cursor.executemany(
                f"UPDATE {table} SET search_text = %s WHERE {pk} = %s",
                [("\n".join(lines), case_id) for case_id, lines in rows],
            )
            return
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            values = ", ".join(["(%s::bigint, %s::text, %s::text, %s::text)"] * len(batch))
            vector = " || ".join(
                f"setweight(to_tsvector('{CONFIG}'::regconfig, v.{part}), '{weight}')"
                for part, weight in zip("abc", WEIGHTS, strict=True)
            )
            cursor.execute(
                f"UPDATE {table} SET search_text = v.a || E'\\n' || v.b || E'\\n' || v.c, "
                f"search_vector = {vector} "
                f"FROM (VALUES {values}) AS v(id, a, b, c) WHERE {table}.{pk} = v.id",
                [value for case_id, lines in batch for value in (case_id, *lines)],
            )


def matching(queryset, terms):
    """Cases that match every one of `terms` (searchquery.terms)."""
    if not terms:
        return queryset
    if is_postgres(queryset.db):
        return queryset.filter(search_vector=_tsquery(terms))
    found = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts(terms)])
    return queryset.filter(pk__in=found)


def ranked(queryset, terms):
    """`queryset` annotated with `rank`, higher for a better match to `terms`."""
    if not terms:
        return queryset.annotate(rank=Value(0.0))
    if is_postgres(queryset.db):
        return queryset.annotate(rank=SearchRank(F("search_vector"), _tsquery(terms)))
    # A case ranks by where each word is found: 3 in a name, 1 in the summary or links,
    # from one FTS5 lookup per word and column (FTS5's bm25 would have to match again for
    # every row, and gives a word found in most cases no weight at all).
    rank = Value(0.0)
    for term in terms:
        for column, weight in (("a", 3.0), ("b", 1.0)):
            found = RawSQL(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [f"{column} : {_fts([term])}"],
            )
            rank = rank + models.Case(
                models.When(pk__in=found, then=Value(weight)),
                default=Value(0.0),
                output_field=models.FloatField(),
            )
    return queryset.annotate(rank=rank)


def corrected(queryset, terms):
    """`terms` with each word that finds nothing in `queryset` replaced by the most similar
    word the documents hold, or None when no word could be corrected so that the search
    finds something."""
    from cases.models import SearchWord

    fixed, changed = [], False
    for term in terms:
        if matching(queryset, [term]).exists():
            fixed.append(term)
            continue
        for candidate in similar_words(SearchWord, normalise(term), queryset.db):
            if matching(queryset, [candidate]).exists():
                fixed.append(candidate)
                changed = True
                break
        else:
            return None
    if not changed or not matching(queryset, fixed).exists():
        return None
    return fixed


def similar_words(word_model, word, using, limit=3):
    """The `limit` stored words most similar to `word`, best first (ties by the word)."""
    if len(word) < MIN_CORRECTION:
        return []
    near = word_model.objects.using(using).filter(
        length__gte=len(word) - MAX_DISTANCE, length__lte=len(word) + MAX_DISTANCE
    )
    if is_postgres(using):
        near = near.filter(word__trigram_similar=word)
    candidates = [
        (searchquery.similarity(word, other), other)
        for other in near.values_list("word", flat=True).iterator()
        if other != word
    ]
    candidates = [(score, other) for score, other in candidates if score >= THRESHOLD]
    candidates.sort(key=lambda item: (-item[0], item[1]))
    return [other for _score, other in candidates[:limit]]


def _tsquery(terms):
    return SearchQuery(searchquery.tsquery(terms), search_type="raw", config=CONFIG)


def _fts(terms):
    return searchquery.fts_query(terms)
