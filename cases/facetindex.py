"""Which facet values each published case has, as bitsets, for counting without SQL.

The browse page counts every option of every facet with the other filters applied. Asked of
the database, that is one filtered query per facet over the whole table; here it is one
AND and one population count of two Python integers per option, whatever the number of
cases. Bit `i` of every bitset stands for the `i`-th published case in primary-key order.

The index is built from the database in a handful of queries and kept in the process under
the content version (publishing.models.ContentVersion), which every change to public
content renews in the same transaction: so it is rebuilt after a change, and never serves
content older than the version it was read under.
"""

from collections import defaultdict

from django.db.models import Value

from cases.models import Case, Funding, Indicator, TaggedCase
from networks.models import Network
from publishing.models import ContentVersion, PublicationState
from publishing.translation import FALLBACK, LANGUAGES, active_language, columns

# The facets the index knows, with where their values come from.
FIELD_FACETS = ("country", "instrument", "status")
LINK_FACETS = ("theme", "goal", "network", "region", "level", "pays_for", "target")


class FacetIndex:
    def __init__(self, token, cases, links):
        """`cases`: (pk, country, instrument, status, start_year, published_at, slug,
        title in each of LANGUAGES); `links`: {facet: [(case pk, value, name in each of
        LANGUAGES)]} for the linked facets."""
        self.token = token
        cases = sorted(cases)
        self.pks = [row[0] for row in cases]
        self.position = {pk: i for i, pk in enumerate(self.pks)}
        # Ties in every order are broken by slug, as the database orders do: primary keys
        # differ between databases holding the same content.
        self.titles = {code: [(_in(row[7:], code), row[6]) for row in cases] for code in LANGUAGES}
        self.all = (1 << len(self.pks)) - 1
        self.values = {facet: defaultdict(int) for facet in (*FIELD_FACETS, *LINK_FACETS)}
        self.names = {facet: {} for facet in LINK_FACETS}
        self.years = defaultdict(int)
        for i, (_pk, country, instrument, status, start_year, *_rest) in enumerate(cases):
            bit = 1 << i
            self.values["country"][country] |= bit
            self.values["instrument"][instrument] |= bit
            self.values["status"][status] |= bit
            if start_year is not None:
                self.years[start_year] |= bit
        for facet, rows in links.items():
            for pk, value, *names in rows:
                i = self.position.get(pk)
                if i is not None and value not in (None, ""):
                    self.values[facet][value] |= 1 << i
                    self.names[facet][value] = names
        self.values = {facet: dict(bits) for facet, bits in self.values.items()}
        english = self.titles[FALLBACK]
        self.orders = {
            "newest": self._order(
                cases,
                lambda i, r: (r[5] is None, -r[5].timestamp() if r[5] else 0, english[i]),
            ),
            "start": self._order(cases, lambda i, r: (r[4] is None, -(r[4] or 0), english[i])),
        }
        for code, titles in self.titles.items():
            self.orders[f"title-{code}"] = self._order(cases, lambda i, r, t=titles: t[i])

    @staticmethod
    def _order(cases, key):
        return [i for i, _row in sorted(enumerate(cases), key=lambda item: key(*item))]

    @classmethod
    def build(cls, token, using="default"):
        published = Case.objects.using(using).published()
        cases = published.values_list(
            "pk",
            "country",
            "instrument",
            "status",
            "start_year",
            "published_at",
            "slug",
            *columns("title"),
        )
        through = {
            "theme": Case.themes.through,
            "network": Case.networks.through,
            "region": Case.regions.through,
            "level": Case.parties.through,
        }
        links = {
            "theme": through["theme"]
            .objects.using(using)
            .filter(case__state=PublicationState.PUBLISHED)
            .values_list("case_id", "theme__slug", *["theme__slug"] * len(LANGUAGES)),
            "goal": TaggedCase.objects.using(using)
            .filter(content_object__state=PublicationState.PUBLISHED)
            .values_list("content_object_id", "tag__slug", *columns("tag__name")),
            "network": through["network"]
            .objects.using(using)
            .filter(
                case__state=PublicationState.PUBLISHED,
                network__in=Network.objects.using(using).published(),
            )
            .values_list("case_id", "network__slug", *columns("network__name")),
            "region": through["region"]
            .objects.using(using)
            .filter(case__state=PublicationState.PUBLISHED)
            .values_list("case_id", "cityregion__slug", *columns("cityregion__name")),
            "level": through["level"]
            .objects.using(using)
            .filter(case__state=PublicationState.PUBLISHED)
            .values_list(
                "case_id", "organisation__level", *["organisation__level"] * len(LANGUAGES)
            )
            .distinct(),
            # What some funding row pays for (not "the whole": it says nothing of a purpose).
            "pays_for": Funding.objects.using(using)
            .filter(case__state=PublicationState.PUBLISHED)
            .exclude(purpose="")
            .values_list("case_id", "purpose", *["purpose"] * len(LANGUAGES))
            .order_by()
            .distinct(),
            # "yes" for a case with at least one indicator that has a target value.
            "target": Indicator.objects.using(using)
            .filter(case__state=PublicationState.PUBLISHED, target_value__isnull=False)
            .annotate(has_target=Value("yes"))
            .values_list("case_id", "has_target", *["has_target"] * len(LANGUAGES))
            .order_by()
            .distinct(),
        }
        return cls(token, list(cases), {facet: list(rows) for facet, rows in links.items()})

    def __len__(self):
        return len(self.pks)

    # Sets of cases, as bitsets.

    def any_of(self, facet, values):
        """The cases with at least one of `values` in `facet`."""
        bits = 0
        for value in values:
            bits |= self.values[facet].get(value, 0)
        return bits

    def started_between(self, first=None, last=None):
        """The cases whose start year lies in [first, last] (either end open)."""
        bits = 0
        for year, cases in self.years.items():
            if (first is None or year >= first) and (last is None or year <= last):
                bits |= cases
        return bits

    def of(self, pks):
        """The cases among `pks` (others, such as drafts, are left out)."""
        bits = 0
        for pk in pks:
            i = self.position.get(pk)
            if i is not None:
                bits |= 1 << i
        return bits

    def counts(self, facet, within):
        """{value: number of cases within `within` that have it} for every value of `facet`."""
        return {value: (bits & within).bit_count() for value, bits in self.values[facet].items()}

    def totals(self, facet):
        """{value: number of published cases that have it}, for values some case has."""
        return {value: bits.bit_count() for value, bits in self.values[facet].items() if bits}

    def name(self, facet, value):
        """The name of a linked facet's value in the active language (or English)."""
        return _in(self.names[facet][value], active_language())

    def choices(self, facet):
        """(value, name) of every value of a linked facet that a published case has, by
        name in the active language."""
        named = [(value, self.name(facet, value)) for value in self.names[facet]]
        return sorted(named, key=lambda item: (item[1], item[0]))

    # Order.

    def ordered(self, bits, sort, start=0, stop=None, ranks=None):
        """The primary keys of the cases in `bits`, from `start` to `stop` in `sort` order.

        `ranks` ({pk: rank}) orders by relevance: highest rank first, then by title.
        Titles are in the active language.
        """
        language = active_language()
        titles = self.titles[language]
        if ranks is not None:
            positions = sorted(
                (self.position[pk] for pk in ranks if pk in self.position),
                key=lambda i: (-ranks[self.pks[i]], titles[i]),
            )
        else:
            positions = self.orders[f"title-{language}" if sort == "title" else sort]
        flags = bits.to_bytes((len(self.pks) + 7) // 8, "little")
        found, wanted = [], None if stop is None else stop
        for i in positions:
            if flags[i >> 3] >> (i & 7) & 1:
                found.append(self.pks[i])
                if wanted is not None and len(found) >= wanted:
                    break
        return found[start:stop]

    # Related cases.

    def most_related(self, weighted, exclude_pk, limit):
        """The `limit` primary keys with the highest summed weight over `weighted`, a list of
        (weight, bitset); ties go to the lower primary key, and a case sharing nothing is
        never chosen.

        Scores are kept bit-sliced (slice `j` holds bit `j` of every case's score), so the
        whole calculation is a few big-integer operations per shared value, not a loop
        over the cases.
        """
        candidates = 0
        for _weight, bits in weighted:
            candidates |= bits
        i = self.position.get(exclude_pk)
        if i is not None:
            candidates &= ~(1 << i)
        slices = []
        for weight, bits in weighted:
            bits &= candidates
            shift = 0
            while weight >> shift:
                if weight >> shift & 1:
                    carry, j = bits, shift
                    while carry:
                        while j >= len(slices):
                            slices.append(0)
                        slices[j], carry = slices[j] ^ carry, slices[j] & carry
                        j += 1
                shift += 1
        chosen, tied = 0, candidates
        for bits in reversed(slices):
            higher = tied & bits
            if (chosen | higher).bit_count() >= limit:
                tied = higher
            else:
                chosen |= higher
                tied &= ~bits
        result = self._positions(chosen)
        result += self._positions(tied)[: max(0, limit - len(result))]

        def score(position):
            bit = 1 << position
            return sum(weight for weight, bits in weighted if bits & bit)

        result.sort(key=lambda position: (-score(position), position))
        return [self.pks[position] for position in result[:limit]]

    @staticmethod
    def _positions(bits):
        positions = []
        while bits:
            low = bits & -bits
            positions.append(low.bit_length() - 1)
            bits ^= low
        return positions


def _in(names, code):
    """The name in language `code` from names in LANGUAGES order, or the English one."""
    by_language = dict(zip(LANGUAGES, names, strict=True))
    return by_language[code] or by_language[FALLBACK]


_indexes = {}


def current_index(using="default"):
    """The index of the content as it is now: rebuilt only when the content changed."""
    token = ContentVersion.current(using)
    index = _indexes.get(using)
    if index is None or index.token != token:
        index = _indexes[using] = FacetIndex.build(token, using)
    return index


# A case's own links, as the index names its facets, for finding related cases.
def links_of(case):
    """{facet: [values]} of a case with its themes, goals, networks and regions loaded."""
    return {
        "goal": [goal.slug for goal in case.goals.all()],
        "region": [region.slug for region in case.regions.all()],
        "network": [n.slug for n in case.networks.all() if n.state == PublicationState.PUBLISHED],
        "theme": [theme.slug for theme in case.themes.all()],
        "instrument": [case.instrument],
    }
