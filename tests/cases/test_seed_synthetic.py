"""Synthetic cases for benchmarks: counts, shares, reproducibility and search columns."""

import hashlib
import json
import random

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count

from cases import search
from cases.models import Case, ClimateGoal
from cases.searchquery import terms
from cases.synthetic import additions, seeding
from networks.models import CityRegion, Network, Organisation
from publishing.models import ContentVersion, PublicationState

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def seeded(**options):
    """The cases seed() adds, and its summary."""
    before = set(Case.objects.values_list("pk", flat=True))
    summary = seeding.seed(**{"cases": 50, "seed": 7, **options})
    return Case.objects.exclude(pk__in=before), summary


def digest(cases):
    """A fingerprint of everything the given cases hold, links and inline rows included."""
    # The search columns are derived, and on PostgreSQL they list a case's goals in the
    # order taggit's prefetch happens to give, which depends on primary keys.
    skip = {"id", "created_at", "updated_at", "search_text", "search_vector"}
    fields = [f.attname for f in Case._meta.concrete_fields if f.attname not in skip]
    rows = []
    for case in cases.order_by("slug").prefetch_related(
        "regions",
        "parties",
        "networks",
        "themes",
        "goals",
        "sources",
        "key_figures",
        "milestones",
        "funding",
        "commitments",
        "indicators__measurements",
    ):
        rows.append(
            [
                [str(getattr(case, name)) for name in fields],
                *(
                    sorted(item.slug for item in getattr(case, name).all())
                    for name in ("regions", "parties", "networks", "themes", "goals")
                ),
                sorted([s.title, s.url, s.publisher, s.year] for s in case.sources.all()),
                sorted([f.label, f.value, f.unit, f.year, f.note] for f in case.key_figures.all()),
                [[m.year, m.month, m.day, m.event] for m in case.milestones.all()],
                [[f.payer_kind, f.amount, f.currency, f.purpose] for f in case.funding.all()],
                [[c.kind, c.text, c.goal_id is None] for c in case.commitments.all()],
                [
                    [
                        i.name,
                        i.target_value,
                        i.target_year,
                        [m.value for m in i.measurements.all()],
                    ]
                    for i in case.indicators.all()
                ],
            ]
        )
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def digest_of_seed(seed):
    """The digest of 50 cases seeded from `seed`, which are then rolled back."""
    try:
        with transaction.atomic():
            cases, _summary = seeded(seed=seed)
            result = digest(cases)
            raise Rollback
    except Rollback:
        return result


def test_the_command_adds_the_cases_and_prints_a_summary(capsys):
    before = Case.objects.count()
    call_command("seed_synthetic", "--cases", "20", "--seed", "3")
    assert Case.objects.count() == before + 20
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("Seeded 20 cases (")


def test_about_the_asked_share_of_cases_are_drafts_and_a_few_archived():
    cases, summary = seeded(cases=200, drafts=0.25)
    drafts = cases.filter(state=PublicationState.DRAFT)
    assert 30 <= drafts.count() <= 70
    assert not drafts.exclude(published_at=None).exists()
    assert cases.filter(state=PublicationState.ARCHIVED).count() <= 10
    assert summary.cases == 200


def test_seeding_works_in_an_empty_database():
    for model in (Case, Organisation, CityRegion, Network, ClimateGoal):
        model.objects.all().delete()
    cases, summary = seeded(cases=30)
    assert cases.count() == 30
    parties = cases.annotate(n=Count("parties")).values_list("n", flat=True)
    assert all(3 <= n <= 8 for n in parties)
    assert summary.added["organisations"] == additions.MINIMUM["organisations"]


def test_every_case_has_its_inline_rows_and_links_in_range():
    cases, _summary = seeded()
    counts = {
        "sources": (2, 4),
        "key_figures": (3, 5),
        "milestones": (3, 6),
        "goals": (2, 4),
        "regions": (1, 2),
        "parties": (3, 8),
        "themes": (1, 5),
        "networks": (0, 3),
        "funding": (0, 4),
        "commitments": (0, 3),
        "indicators": (0, 3),
    }
    for case in cases.prefetch_related(*counts):
        for name, (low, high) in counts.items():
            assert low <= len(getattr(case, name).all()) <= high, (case.slug, name)


def test_most_cases_get_money_commitments_and_targets_that_fit_them():
    cases, _summary = seeded(cases=200)
    with_funding = cases.exclude(funding=None).distinct().count()
    assert 0.7 * 200 <= with_funding < 200  # most, not all: some state none
    for case in cases.prefetch_related("funding", "goals", "indicators__measurements"):
        goals = {goal.pk for goal in case.goals.all()}
        for row in case.funding.all():
            assert (
                row.currency == {"SE": "SEK", "NO": "NOK", "DK": "DKK", "FI": "EUR"}[case.country]
            )
        for indicator in case.indicators.all():
            assert indicator.goal_id in goals and indicator.target_value is not None
            assert all(m.year > indicator.baseline_year for m in indicator.measurements.all())


def test_cases_vary_where_real_ones_do():
    cases, _summary = seeded()
    assert set(cases.values_list("country", flat=True)) == {"SE", "NO", "DK", "FI"}
    assert cases.values("instrument").distinct().count() >= 6
    assert cases.filter(milestones__month=None).exists()
    assert cases.filter(milestones__day__isnull=False).exists()
    assert cases.filter(end_year=None).exists() and cases.exclude(end_year=None).exists()
    levels = set(Organisation.objects.filter(cases__in=cases).values_list("level", flat=True))
    assert levels == {"municipal", "regional", "state", ""}


def test_seeding_renews_the_content_version():
    before = ContentVersion.current()
    seeded(cases=5)
    assert ContentVersion.current() != before


def test_the_same_seed_gives_the_same_content_and_another_seed_other_content():
    assert digest_of_seed(7) == digest_of_seed(7)
    assert digest_of_seed(7) != digest_of_seed(8)


def test_the_vocabulary_grows_to_realistic_numbers_for_10000_cases():
    additions.grow(random.Random(0), 10_000)
    counts = [CityRegion, Organisation, ClimateGoal, Network]
    assert [model.objects.count() for model in counts] == [100, 2000, 40, 60]


def test_search_finds_a_seeded_case_by_a_word_of_its_text():
    cases, _summary = seeded()
    case = cases.filter(state=PublicationState.PUBLISHED).order_by("slug").first()
    word = case.challenge.split()[1]  # the town or region name in most challenges
    assert case in search.matching(Case.objects.published(), terms(word))


def search_columns(case_ids):
    """{pk: (words of each line of search_text, lexemes and weights of search_vector)}, in
    sorted order: refresh() lists goals in no set order on PostgreSQL (see digest)."""
    table = Case._meta.db_table
    vector = "NULL"
    if connection.vendor == "postgresql":
        vector = (
            "(SELECT array_agg(lexeme || ':' || array_to_string(weights, '') ORDER BY lexeme)"
            " FROM unnest(search_vector))"
        )
    with connection.cursor() as cursor:
        ids = ", ".join(str(int(pk)) for pk in case_ids)
        cursor.execute(f"SELECT id, search_text, {vector} FROM {table} WHERE id IN ({ids})")
        return {
            pk: ([sorted(line.split()) for line in text.split("\n")], lexemes)
            for pk, text, lexemes in cursor.fetchall()
        }


def test_the_search_columns_are_what_a_refresh_would_write():
    cases, _summary = seeded()
    sample = list(cases.order_by("slug").values_list("pk", flat=True)[:10])
    before = search_columns(sample)
    if connection.vendor == "postgresql":
        assert all(lexemes for _words, lexemes in before.values())
    search.refresh(sample)
    assert search_columns(sample) == before


def test_on_postgresql_the_planner_knows_the_seeded_tables_size_at_once():
    """SQLite has no statistics to renew; PostgreSQL's are renewed by the seeding itself,
    as after any bulk load (pg_class.reltuples is -1 for a table never analysed)."""
    seeded(cases=30)
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Case._meta.db_table])
        [(estimate,)] = cursor.fetchall()
    assert estimate >= 30
