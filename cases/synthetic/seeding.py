"""Writing synthetic cases to the database fast: bulk inserts, then search columns in bulk.

Nothing here goes through `save()`: rows are bulk-created, so no signal fires and
django-simple-history records no history. What the signals would do is done here in bulk
instead: the search columns are filled batch by batch, and the content version is renewed
once at the end. For benchmark and scaling databases, not for real content.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from cases import search
from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Party,
    Source,
    TaggedCase,
    Theme,
)
from cases.synthetic import additions
from cases.synthetic import vocabulary as words
from cases.synthetic.additions import genitive, slug_of
from cases.synthetic.writing import write_case
from networks.models import CityRegion, Network, Organisation
from publishing.models import ContentVersion, PublicationState

COUNTRY_WEIGHTS = {"SE": 30, "NO": 30, "DK": 22, "FI": 18}
SCALE_WEIGHTS = {"regional": 50, "municipal": 25, "national": 12, "district": 13}
INSTRUMENT_WEIGHTS = {
    "agreement": 22,
    "statutory-plan": 10,
    "strategic-plan": 12,
    "funding-scheme": 10,
    "national-policy": 6,
    "development-company": 6,
    "partnership": 14,
    "climate-contract": 8,
    "infrastructure-project": 12,
}
THEME_WEIGHTS = {"transport": 35, "land-use": 30, "housing": 20, "services": 8, "business": 7}
EVIDENCE_WEIGHTS = {"well-sourced": 35, "partly-sourced": 50, "weak": 15}
ARCHIVED_SHARE = 0.01
PUBLISHED_FROM = datetime(2023, 1, 1, tzinfo=UTC)


@dataclass
class Summary:
    cases: int = 0
    states: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)
    added: dict = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, batch, counts):
        for name, n in counts.items():
            self.rows[name] = self.rows.get(name, 0) + n
        for plan in batch:
            self.states[plan.case.state] = self.states.get(plan.case.state, 0) + 1

    def line(self):
        states = PublicationState
        rows = ", ".join(f"{n:,} {name}" for name, n in self.rows.items())
        added = ", ".join(f"{n:,} {name}" for name, n in self.added.items())
        return (
            f"Seeded {self.cases:,} cases ({self.states.get(states.PUBLISHED, 0):,} published, "
            f"{self.states.get(states.DRAFT, 0):,} drafts, "
            f"{self.states.get(states.ARCHIVED, 0):,} archived) with {rows}; "
            f"added {added}; in {self.seconds:.0f} s."
        )


def seed(cases, seed=0, drafts=0.1, batch_size=1000, log=None):
    """Add `cases` synthetic cases, reproducibly from `seed`; return a Summary.

    Existing rows stay and serve as vocabulary; regions, organisations, goals and networks
    are added up to `additions.sizes(cases)`. A share `drafts` of the cases are drafts,
    about 1 % archived, the rest published. The same seed on the same database gives the
    same content.
    """
    began = time.perf_counter()
    summary = Summary(cases=cases)
    with transaction.atomic():
        summary.added = additions.grow(random.Random(f"vocabulary-{seed}"), cases)
        planner = Planner(random.Random(seed), drafts)
        for start in range(0, cases, batch_size):
            batch = [planner.plan() for _ in range(min(batch_size, cases - start))]
            summary.add(batch, insert(batch))
            write_search_columns([plan.case.pk for plan in batch])
            if log:
                seconds = time.perf_counter() - began
                log(f"{start + len(batch):>9,} of {cases:,} cases  {seconds:6.1f} s")
        ContentVersion.bump(connection.alias)
    if connection.vendor == "postgresql":
        # As after any bulk load: the planner's statistics know the tables' new sizes at
        # once, rather than when autovacuum next gets to them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    summary.seconds = time.perf_counter() - began
    return summary


# Planning the cases.


@dataclass
class Plan:
    case: Case
    regions: list
    parties: list
    networks: list
    goals: list
    themes: list
    text: dict
    money: dict = field(default_factory=dict)


CURRENCY = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "FI": "EUR"}
PURPOSES = [p for p in Funding.Purpose.values if p]
INDICATORS = [
    ("Passenger car traffic", "% change from the baseline year", "down", 0),
    ("Greenhouse gas emissions", "% change from the baseline year", "down", -50),
    ("Sustainable mode share", "%", "up", 60),
    ("New homes near stations", "homes", "up", 20000),
]


def money(rng, country, parties, goals):
    """0–4 funding rows (one for the whole, the rest by purpose), 0–3 commitments and 0–3
    indicators with targets (some with measured values), as field dicts; most cases get
    some, a few none, as in the starter content."""
    if rng.random() < 0.15:
        return {"funding": [], "commitments": [], "indicators": []}
    currency = CURRENCY[country]
    whole = rng.choice([1, 2, 5, 8, 12, 20]) * 10 ** rng.choice([8, 9])
    funding = [{"payer_kind": Party.STATE, "amount": whole, "currency": currency, "purpose": ""}]
    for purpose in rng.sample(PURPOSES, rng.randint(0, 3)):
        funding.append(
            {
                "payer_kind": rng.choice([Party.STATE, Party.MUNICIPAL, Party.CHARGES]),
                "amount": whole // rng.choice([2, 4, 5, 10]),
                "currency": currency,
                "purpose": purpose,
                "share": rng.choice([None, 25, 50]),
            }
        )
    commitments = [
        {
            "party_kind": Party.MUNICIPAL,
            "party_id": rng.choice(parties) if parties else None,
            "kind": kind,
            "text_en": f"The municipalities commit to {label.lower()}.",
            "goal_id": rng.choice(goals) if goals else None,
        }
        for kind, label in rng.sample(Commitment.Kind.choices, rng.randint(0, 3))
    ]
    indicators = []
    for name, unit, direction, target in rng.sample(INDICATORS, rng.randint(0, 3)):
        baseline = rng.choice([2005, 2009, 2015, 2017, 2019])
        indicators.append(
            {
                "fields": {
                    "goal_id": rng.choice(goals) if goals else None,
                    "name_en": name,
                    "unit_en": unit,
                    "direction": direction,
                    "baseline_year": baseline,
                    "target_value": target,
                    "target_year": rng.choice([2025, 2030, 2035, 2045]),
                },
                "measured": [
                    (year, rng.randint(-30, 30))
                    for year in sorted(rng.sample(range(baseline + 1, 2026), rng.randint(0, 2)))
                ],
            }
        )
    return {"funding": funding, "commitments": commitments, "indicators": indicators}


class Weighted:
    """Items with weights; `pick(k)` gives k distinct ones, heavier ones more often."""

    def __init__(self, rng, items, weights):
        self.rng, self.items = rng, list(items)
        total, self.cumulative = 0, []
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def pick(self, k=1):
        k = min(k, len(self.items))
        chosen = []
        while len(chosen) < k:
            item = self.rng.choices(self.items, cum_weights=self.cumulative)[0]
            if item not in chosen:
                chosen.append(item)
        return chosen

    def one(self):
        return self.pick(1)[0]


def zipf(rng, items, exponent=0.8):
    """Items weighted 1, 1/2^s, 1/3^s, … in a shuffled order: a few are common, most rare."""
    items = list(items)
    rng.shuffle(items)
    return Weighted(rng, items, [1 / (rank + 1) ** exponent for rank in range(len(items))])


class Planner:
    """Draws one case after another from the database's vocabulary."""

    def __init__(self, rng, drafts):
        self.rng, self.drafts = rng, drafts
        self.slugs = set(Case.objects.values_list("slug", flat=True))
        self.number = Case.objects.count()
        r = rng
        self.countries = Weighted(r, COUNTRY_WEIGHTS, COUNTRY_WEIGHTS.values())
        self.scales = Weighted(r, SCALE_WEIGHTS, SCALE_WEIGHTS.values())
        self.instruments = Weighted(r, INSTRUMENT_WEIGHTS, INSTRUMENT_WEIGHTS.values())
        self.evidence = Weighted(r, EVIDENCE_WEIGHTS, EVIDENCE_WEIGHTS.values())
        themes = dict(Theme.objects.values_list("slug", "pk"))
        self.theme_pks = themes
        self.themes = Weighted(r, THEME_WEIGHTS, THEME_WEIGHTS.values())

        regions = by_slug(CityRegion, "pk", "country", "latitude", "longitude")
        # Regions around the bigger towns (listed first) get more cases, as in real data.
        self.region_town, by_country = {}, {}
        for pk, country, lat, lon in regions:
            rank, town = nearest_town(country, lat, lon)
            self.region_town[pk] = town
            by_country.setdefault(country, []).append((rank, pk))
        self.regions = {
            country: Weighted(
                r, [pk for _rank, pk in ranked], [1 / (rank + 1) ** 0.8 for rank, _pk in ranked]
            )
            for country, ranked in by_country.items()
        }
        self.any_region = zipf(r, self.region_town)

        orgs = by_slug(Organisation, "pk", "name", "slug", "kind", "level", "country")
        self.org_names, self.org_slugs, groups = {}, {}, {}
        self.municipality_of = {}
        for pk, name, slug, kind, level, country in orgs:
            self.org_names[pk], self.org_slugs[pk] = name, slug
            group = level or "other"
            groups.setdefault((country, group), []).append(pk)
            if kind == "municipality":
                self.municipality_of.setdefault(name.split()[0].casefold(), pk)
        self.parties = {key: zipf(r, pks, 0.5) for key, pks in groups.items()}
        self.any_party = zipf(r, self.org_names)

        networks = by_slug(Network, "pk", "countries")
        self.networks = {
            country: zipf(r, [pk for pk, cs in networks if not cs or country in cs])
            for country in COUNTRY_WEIGHTS
        }
        self.goals = zipf(r, [pk for (pk,) in by_slug(ClimateGoal, "pk")])

    def plan(self):
        rng = self.rng
        country = self.countries.one()
        regions = self.pick_regions(country)
        town, of = self.region_town[regions[0]]
        instrument = self.instruments.one()
        start = max(1990, 2027 - int(rng.expovariate(1 / 8)))
        status, end = self.status_and_end(start)
        state = self.state()
        parties = self.pick_parties(country, town, of)
        evidence = self.evidence.one()
        themes = self.themes.pick(rng.choices([1, 2, 3, 4, 5], [10, 30, 35, 15, 10])[0])
        slug_base = slug_of(f"{town} {instrument} {self.number + 1}")
        facts = {
            "country": country,
            "town": town,
            "of": of,
            "parties": [self.org_names[pk] for pk in parties],
            "party_roots": [self.org_slugs[pk] for pk in parties],
            "instrument": instrument,
            "themes": themes,
            "start": start,
            "end": end,
            "status": status,
            "evidence_level": evidence,
            "slug": slug_base,
        }
        text = write_case(rng, facts)
        case = Case(
            title_en=text["title"][:200],
            original_name=text["original_name"][:300],
            slug=self.new_slug(text["title"]),
            country=country,
            scale=self.scales.one(),
            instrument=instrument,
            instrument_detail_en=text["instrument_detail"][:300],
            start_year=start,
            end_year=end,
            is_ongoing=status in ("ongoing", "planned"),
            status=status,
            status_note_en=text["status_note"][:300],
            is_comparison=country == "FI",
            summary_en=text["summary"],
            challenge_en=text["challenge"],
            how_it_works_en=text["how_it_works"],
            climate_goals_en=text["climate_goals"],
            results_en=text["results"],
            lessons_for_finland_en=text["lessons_for_finland"],
            evidence_level=evidence,
            evidence_note_en=text["evidence_note"],
            last_verified=(
                date(2023, 1, 1) + timedelta(days=rng.randrange(1430))
                if rng.random() < 0.9
                else None
            ),
            state=state,
            published_at=(
                None
                if state == PublicationState.DRAFT
                else PUBLISHED_FROM + timedelta(seconds=rng.randrange(4 * 365 * 86400))
            ),
        )
        networks = self.networks[country].pick(rng.choices([0, 1, 2, 3], [40, 35, 18, 7])[0])
        goals = self.goals.pick(rng.randint(2, 4))
        themes = [self.theme_pks[t] for t in themes]
        plan = Plan(case, regions, parties, networks, goals, themes, text)
        plan.money = money(rng, country, parties, goals)
        return plan

    def new_slug(self, title):
        while True:
            self.number += 1
            slug = f"{slug_of(title)[:90].strip('-')}-{self.number}"
            if slug not in self.slugs:
                self.slugs.add(slug)
                return slug

    def pick_regions(self, country):
        regions = self.regions.get(country, self.any_region)
        first = regions.one()
        if self.rng.random() < 0.7:
            return [first]
        pool = regions if self.rng.random() < 0.8 else self.any_region
        second = pool.one()
        return [first] if second == first else [first, second]

    def pick_parties(self, country, town, of):
        """3–8 parties: municipalities (the town's own first), regional and state bodies,
        and companies or associations."""
        rng = self.rng

        def some(group, low, high):
            pool = self.parties.get((country, group))
            return pool.pick(rng.randint(low, high)) if pool else []

        own = self.municipality_of.get(town.casefold()) or self.municipality_of.get(of.casefold())
        chosen = [own] if own else []
        for group, low, high in (
            ("municipal", 1, 3),
            ("state", 1, 2),
            ("regional", 0, 2),
            ("other", 0, 2),
        ):
            chosen += [pk for pk in some(group, low, high) if pk not in chosen]
        size = rng.randint(3, 8)
        while len(chosen) < min(3, len(self.org_names)):
            chosen += [pk for pk in self.any_party.pick() if pk not in chosen]
        return chosen[: max(size, 3)]

    def status_and_end(self, start):
        rng = self.rng
        if start >= 2026:
            return "planned", rng.choice([None, start + rng.randint(4, 10)])
        status = rng.choices(
            ["ongoing", "completed", "discontinued", "planned"],
            [55, 30, 5, 10 if start >= 2023 else 0],
        )[0]
        if status in ("completed", "discontinued"):
            return status, min(2026, start + rng.randint(1, 12))
        if status == "ongoing" and rng.random() < 0.5:
            return status, max(2026, start + rng.randint(4, 15))
        return status, None

    def state(self):
        draw = self.rng.random()
        if draw < self.drafts:
            return PublicationState.DRAFT
        if draw < self.drafts + ARCHIVED_SHARE:
            return PublicationState.ARCHIVED
        return PublicationState.PUBLISHED


def by_slug(model, *fields):
    """The rows' `fields`, in the order of their slugs as Python sorts them: the same on
    every database (collations differ), so a seed gives the same cases on each."""
    rows = model.objects.values_list("slug", *fields)
    return [row[1:] for row in sorted(rows)]


def nearest_town(country, lat, lon):
    """(rank within its country, (name, genitive)) of the listed town of `country` closest
    to the coordinates."""
    towns = [t for t in words.TOWNS if t[1] == country] or words.TOWNS
    rank, town = min(
        enumerate(towns), key=lambda t: (t[1][2] - lat) ** 2 + ((t[1][3] - lon) / 2) ** 2
    )
    return rank, (town[0], genitive(town[0], town[1], town[4]))


# Writing the cases.


def insert(batch):
    """Bulk-create a batch of planned cases and everything that hangs on them."""
    cases = Case.objects.bulk_create([plan.case for plan in batch])
    rows = {
        "sources": [],
        "key figures": [],
        "milestones": [],
        "funding rows": [],
        "commitments": [],
    }
    links = {"regions": [], "parties": [], "networks": [], "themes": [], "goals": []}
    indicators, measured = [], []
    for plan, case in zip(batch, cases, strict=True):
        for name, model, planned in [
            ("funding rows", Funding, plan.money["funding"]),
            ("commitments", Commitment, plan.money["commitments"]),
        ]:
            rows[name] += [
                model(case_id=case.pk, position=i, from_case_sources=True, **row)
                for i, row in enumerate(planned, start=1)
            ]
        for i, indicator in enumerate(plan.money["indicators"], start=1):
            indicators.append(
                Indicator(
                    case_id=case.pk, position=i, from_case_sources=True, **indicator["fields"]
                )
            )
            measured.append(indicator["measured"])
        rows["sources"] += [Source(case_id=case.pk, **row) for row in plan.text["sources"]]
        rows["key figures"] += [KeyFigure(case_id=case.pk, **row) for row in plan.text["figures"]]
        rows["milestones"] += [
            Milestone(case_id=case.pk, **row) for row in plan.text["milestones"]
        ]
        links["regions"] += [(case.pk, pk) for pk in plan.regions]
        links["parties"] += [(case.pk, pk) for pk in plan.parties]
        links["networks"] += [(case.pk, pk) for pk in plan.networks]
        links["themes"] += [(case.pk, pk) for pk in plan.themes]
        links["goals"] += [(case.pk, pk) for pk in plan.goals]
    for objects in rows.values():
        if objects:
            type(objects[0]).objects.bulk_create(objects)
    for name in ("regions", "parties", "networks", "themes"):
        through = getattr(Case, name).through
        target = getattr(Case, name).field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(case_id=case, **{f"{target}_id": pk}) for case, pk in links[name]
        )
    TaggedCase.objects.bulk_create(
        TaggedCase(content_object_id=case, tag_id=pk) for case, pk in links["goals"]
    )
    indicators = Indicator.objects.bulk_create(indicators)
    measurements = Measurement.objects.bulk_create(
        Measurement(indicator_id=indicator.pk, year=year, value=value)
        for indicator, values in zip(indicators, measured, strict=True)
        for year, value in values
    )
    counts = {name: len(objects) for name, objects in rows.items()}
    counts.update({"indicators": len(indicators), "measured values": len(measurements)})
    counts.update({f"{name} links": len(pairs) for name, pairs in links.items()})
    return counts


def write_search_columns(case_ids):
    """Fill the search columns of the given cases: `search.refresh()` writes a batch of
    cases in one statement on PostgreSQL."""
    search.refresh(case_ids)
