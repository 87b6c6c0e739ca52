"""One object's relations with their SQL compiled once (publishing/prefetch.py): the same
rows, in the same order, as Django's own prefetch, in every language."""

import psycopg
import pytest
from django.db import connection
from django.db.models import Prefetch
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cases.models import Case
from cases.views import CaseDetailView
from networks.models import PublicationState
from publishing.prefetch import CompiledQuery, OnePrefetch
from publishing.translation import localised
from tests.community.builders import make_contact
from tests.factories import (
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_key_figure,
    make_milestone,
    make_network,
    make_organisation,
    make_region,
    make_source,
    make_term,
)

pytestmark = pytest.mark.django_db

RELATIONS = [
    "themes",
    "regions",
    "networks",
    "parties",
    "sources",
    "key_figures",
    "milestones",
    "goals",
    "terms",
    "funding",
    "commitments",
    "indicators",
    "contacts",
]


@pytest.fixture
def cases():
    """Three cases sharing some rows, with texts that sort differently by language, and a
    draft network and a draft term that the page must not show."""
    goals = [
        make_goal(name_en=f"{letter} goal", name_sv=f"{sv} mål") for letter, sv in ["ab", "ba"]
    ]
    regions = [make_region(), make_region()]
    parties = [make_organisation(name=name) for name in ["Bergen", "Askøy", "Vestland"]]
    draft = make_network(state=PublicationState.DRAFT)
    networks = [make_network(name_en="Zeta", name_sv="Alfa"), make_network(name_en="Alpha"), draft]
    made = []
    for i in range(3):
        case = make_case(
            themes=["transport", "housing"][: i + 1],
            goals=goals[i % 2 :],
            regions=regions[: i + 1],
            networks=networks[: 3 - i],
            parties=parties[i:],
        )
        for n in range(i + 2):
            make_source(case, title=f"Source {3 - n}")
            make_key_figure(case, label_en=f"Figure {n}", label_sv=f"Siffra {9 - n}")
            make_milestone(case, year=2030 - n)
        make_funding(case)
        make_funding(case, payer=parties[-1])
        make_commitment(case, party=parties[-1], goal=goals[-1])
        make_indicator(case, goal=goals[0], measurements=[(2020, 90), (2022, 85 - i)])
        make_contact(case, organisation=parties[-1])
        make_contact(case)
        made.append(case)
    make_term(cases=made, name_en="Bypakke", name_sv="Stadspaket")
    make_term(cases=made[1:], name_en="Areal", name_sv="Yta")
    make_term(cases=made, state=PublicationState.DRAFT)
    return made


def as_django_prefetches(case):
    return Case.objects.for_detail().with_contacts().get(pk=case.pk)


def rows(case):
    """What the page reads of each relation, by primary key in its order, with the
    measured values of each indicator."""
    read = {name: [row.pk for row in getattr(case, name).all()] for name in RELATIONS}
    read["measurements"] = [
        [m.pk for m in indicator.measurements.all()] for indicator in case.indicators.all()
    ]
    return read


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_rows_and_their_order_are_those_of_djangos_prefetch(cases, language):
    with translation.override(language):
        for case in cases:
            ours = CaseDetailView.page_rows(Case.objects.get(pk=case.pk))
            with CaptureQueriesContext(connection) as queries:
                read = rows(ours)
            assert read == rows(as_django_prefetches(case))
            assert not queries.captured_queries, "a relation was not in the prefetch cache"
            assert all(source.case is ours for source in ours.sources.all())
            assert read["terms"] and read["networks"] and read["measurements"]


def test_a_draft_network_or_term_is_left_out_as_the_prefetch_querysets_say(cases):
    case = CaseDetailView.page_rows(Case.objects.get(pk=cases[2].pk))
    assert all(n.state == PublicationState.PUBLISHED for n in case.networks.all())
    assert all(t.state == PublicationState.PUBLISHED for t in case.terms.all())
    assert [n.name_en for n in case.networks.all()] == ["Zeta"]
    assert [t.name_en for t in case.terms.all()] == ["Areal", "Bypakke"]


def test_each_relation_is_compiled_once_and_queried_once(cases, monkeypatch):
    prefetch = OnePrefetch(
        lambda: [*Case.objects.detail_lookups(), *Case.objects.contact_lookups()]
    )
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(self) or as_sql(self, *a, **k)
    )
    first = Case.objects.get(pk=cases[0].pk)
    with CaptureQueriesContext(connection) as queries:
        prefetch(first)
    compiled_first, queried = len(compiled), len(queries.captured_queries)
    assert queried == len(RELATIONS) + 1  # and one for the measured values

    second = Case.objects.get(pk=cases[1].pk)
    compiled.clear()
    with CaptureQueriesContext(connection) as queries:
        prefetch(second)
    assert len(queries.captured_queries) == queried
    # Only the indicators' measured values (a lookup across two relations) go Django's
    # usual way.
    assert len(compiled) == 1 < compiled_first
    assert rows(second) == rows(as_django_prefetches(cases[1]))


def test_a_to_attr_prefetch_is_refused():
    prefetch = OnePrefetch(lambda: [Prefetch("sources", to_attr="listed")])
    with pytest.raises(ValueError, match="to_attr"):
        prefetch(make_case())


def test_on_postgresql_the_relations_go_to_the_database_in_one_round_trip(cases, monkeypatch):
    """psycopg's pipeline mode sends every compiled query before reading any answer; SQLite
    runs them one after the other in process."""
    pipelines = []
    pipeline = psycopg.Connection.pipeline
    monkeypatch.setattr(
        psycopg.Connection, "pipeline", lambda self: pipelines.append(self) or pipeline(self)
    )
    case = CaseDetailView.page_rows(Case.objects.get(pk=cases[0].pk))
    assert rows(case) == rows(as_django_prefetches(cases[0]))
    assert len(pipelines) == (1 if connection.vendor == "postgresql" else 0)


# CompiledQuery: any small read with its SQL compiled once.

STAND_IN_COUNTRY = "stand-in"


def titles_by_country():
    return CompiledQuery(
        lambda country: Case.objects.filter(country=country).order_by("title_en"),
        STAND_IN_COUNTRY,
    )


def test_a_compiled_query_reads_what_its_queryset_reads_for_each_value(monkeypatch):
    made = [
        make_case(country=country, title_en=title)
        for country, title in [("SE", "b"), ("SE", "a"), ("NO", "c")]
    ]
    query = titles_by_country()
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(self) or as_sql(self, *a, **k)
    )
    assert list(query("SE")) == [made[1], made[0]]
    compiled.clear()
    assert list(query("NO")) == [made[2]]
    assert list(query("DK")) == []
    assert not compiled  # the SQL of the first call, with the value in its place


def test_a_compiled_query_is_compiled_anew_in_another_language():
    """Its SQL may follow the language (a localised ordering)."""
    query = CompiledQuery(
        lambda country: Case.objects.filter(country=country).order_by(localised("title")),
        STAND_IN_COUNTRY,
    )
    made = [
        make_case(country="SE", title_en=en, title_sv=sv) for en, sv in [("a", "b"), ("b", "a")]
    ]
    with translation.override("en"):
        assert list(query("SE")) == made
    with translation.override("sv"):
        assert list(query("SE")) == made[::-1]


def test_a_query_that_does_not_use_its_stand_in_is_refused():
    query = CompiledQuery(lambda country: Case.objects.all(), STAND_IN_COUNTRY)
    with pytest.raises(ValueError, match="stand-in"):
        list(query("SE"))
