"""Cases related to a case: the most shared goals, regions, networks, themes and instrument."""

from django.utils.translation import gettext_lazy as _

from cases.facetindex import current_index, links_of
from cases.models import Case, Theme
from publishing.prefetch import STAND_IN_PK, CompiledQuery
from publishing.translation import columns

# How much one shared item of each kind counts towards relatedness.
WEIGHTS = {"goal": 2, "region": 3, "network": 2, "theme": 1, "instrument": 2}
REASONS = {
    "goal": _("Shared climate goals"),
    "region": _("Same city region"),
    "network": _("Shared networks"),
    "theme": _("Shared themes"),
    "instrument": _("Same instrument"),
}

LIMIT = 4  # on a case page


def _card_rows(pks):
    # A related case's card shows its title and links to its page: nothing else is read.
    return Case.objects.only("pk", "slug", *columns("title")).filter(pk__in=pks)


# A case page's cards, their SQL compiled once for LIMIT cases.
_page_card_rows = CompiledQuery(
    lambda *pks: _card_rows(pks), *(STAND_IN_PK - n for n in range(LIMIT))
)


def _cards(pks):
    """{pk: case} of the cards of `pks`; fewer than LIMIT repeat the first."""
    if len(pks) <= LIMIT:
        rows = _page_card_rows(*pks, *pks[:1] * (LIMIT - len(pks)))
    else:
        rows = _card_rows(pks)
    return {row.pk: row for row in rows}


def related_cases(case, limit=LIMIT):
    """The `limit` published cases most related to `case`, each with `related_reasons`,
    a list of (reason, names); ties go to the older case (the lower primary key).

    Scored in the facet index from the case's own links (already loaded on its page), so
    the cost does not grow with the number of cases: one query for the chosen cases.
    """
    index = current_index()
    links = links_of(case)
    weighted = [
        (WEIGHTS[kind], index.values[kind].get(value, 0))
        for kind, values in links.items()
        for value in values
    ]
    chosen = index.most_related(weighted, case.pk, limit)
    if not chosen:
        return []
    found = _cards(chosen)
    results = []
    for pk in chosen:
        related = found[pk]
        bit = 1 << index.position[pk]
        related.related_reasons = [
            (REASONS[kind], sorted(names))
            for kind, values in links.items()
            if (
                names := [
                    name(index, kind, value)
                    for value in values
                    if index.values[kind].get(value, 0) & bit
                ]
            )
        ]
        results.append(related)
    return results


def name(index, kind, value):
    if kind == "theme":
        return str(Theme.Slug(value).label)
    if kind == "instrument":
        return str(Case.Instrument(value).label)
    return index.name(kind, value)
