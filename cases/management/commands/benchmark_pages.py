"""Benchmark: SQL queries and time per public page as the number of cases grows.

Adds synthetic published cases inside a transaction that is rolled back at the end, so the
database is left as it was. Prints a table; run on SQLite or, with DATABASE_URL, PostgreSQL.
"""

import itertools
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from cases import search
from cases.models import Case, ClimateGoal, TaggedCase, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState

PAGES = [
    ("home", "/"),
    ("browse", "/cases/"),
    ("browse, search + 3 filters", "/cases/?q=agreement&country=SE&country=NO&theme=transport"),
    ("case detail", None),
    ("compare 4", None),
    ("region", "/regions/oslo/"),
    ("export.csv", "/cases/export.csv?country=NO"),
    ("feed", "/cases/feed/"),
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Print SQL queries and median milliseconds per page for growing numbers of cases."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, nargs="+", default=[40, 400, 4000])
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, cases, repeat, **options):
        self.stdout.write(f"database: {connection.vendor}; median of {repeat} requests\n")
        rows = {}
        try:
            with transaction.atomic(), override_settings(ALLOWED_HOSTS=["testserver"]):
                for total in sorted(cases):
                    self.grow_to(total)
                    rows[total] = self.measure(repeat)
                raise Rollback
        except Rollback:
            pass
        header = f"{'page':30}" + "".join(f"{n:>8} cases  " for n in rows)
        self.stdout.write(header)
        for name, _path in PAGES:
            cells = "".join(f"{rows[n][name][0]:>5} q {rows[n][name][1]:>6.1f} ms" for n in rows)
            self.stdout.write(f"{name:30}{cells}")

    def grow_to(self, total):
        missing = total - Case.objects.published().count()
        if missing <= 0:
            return
        start = Case.objects.count()
        regions, networks = list(CityRegion.objects.all()), list(Network.objects.published())
        parties, goals = list(Organisation.objects.all()[:50]), list(ClimateGoal.objects.all())
        themes = list(Theme.objects.all())
        countries = itertools.cycle(["SE", "NO", "DK", "FI"])
        now = timezone.now()
        new = Case.objects.bulk_create(
            Case(
                title=f"Synthetic agreement {start + n}",
                slug=f"synthetic-{start + n}",
                country=next(countries),
                scale=Case.Scale.REGIONAL,
                instrument=Case.Instrument.AGREEMENT,
                summary="A synthetic agreement on land use and transport.",
                start_year=1990 + n % 35,
                state=PublicationState.PUBLISHED,
                published_at=now,
            )
            for n in range(missing)
        )
        through = Case.themes.through
        through.objects.bulk_create(
            through(case=case, theme=themes[i % 5]) for i, case in enumerate(new)
        )
        through = Case.regions.through
        through.objects.bulk_create(
            through(case=case, cityregion=regions[i % len(regions)]) for i, case in enumerate(new)
        )
        through = Case.networks.through
        through.objects.bulk_create(
            through(case=case, network=networks[i % len(networks)]) for i, case in enumerate(new)
        )
        through = Case.parties.through
        through.objects.bulk_create(
            through(case=case, organisation=parties[i % len(parties)])
            for i, case in enumerate(new)
        )
        TaggedCase.objects.bulk_create(
            TaggedCase(content_object=case, tag=goals[i % len(goals)])
            for i, case in enumerate(new)
        )
        search.refresh([case.pk for case in new])

    def measure(self, repeat):
        client = Client()
        slugs = list(Case.objects.published().order_by("slug").values_list("slug", flat=True))
        paths = dict(PAGES)
        paths["case detail"] = f"/cases/{slugs[0]}/"
        paths["compare 4"] = "/cases/compare/?" + "&".join(f"case={s}" for s in slugs[:4])
        results = {}
        for name, path in paths.items():
            timings = []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(path)
                    timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            results[name] = (len(queries), statistics.median(timings))
        return results
