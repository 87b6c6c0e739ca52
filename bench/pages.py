"""The Django side of the benchmark: URL lists per scenario, and in-process timings.

bench/run.py runs this with the environment of the database under test (production
settings: DEBUG off). Two commands:

    python bench/pages.py urls DIR
        Write DIR/<scenario>.txt for every scenario, one path a line, picked from what the
        database holds (200 or more distinct URLs wherever the site has that many pages).
    python bench/pages.py time DIR [SCENARIO ...]
        Request up to 20 URLs of each scenario's list through the Django test client, in
        this process, and print JSON: the median and slowest milliseconds and the SQL
        query counts per scenario, and the first request's milliseconds (cold caches).
"""

import json
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
# (name, what the table calls it). The order is the order of the tables.
SCENARIOS = [
    ("robots", "/robots.txt"),
    ("home", "home"),
    ("browse", "/cases/ (pages)"),
    ("facets", "/cases/ country+theme+instrument"),
    ("search", "/cases/?q=word"),
    ("detail", "case detail"),
    ("compare", "compare 2-4 cases"),
    ("networks", "networks list"),
    ("network", "network detail"),
    ("regions", "regions list"),
    ("region", "region detail"),
    ("goals", "goals list"),
    ("goal", "goal detail"),
    ("feed", "feed, filtered"),
    ("sitemap", "sitemap index and pages"),
    ("csv", "export.csv, filtered"),
    ("json", "export.json, filtered"),
    ("report", "report, filtered"),
]
WANTED = 240  # distinct URLs per scenario where the site has that many pages
TIMED = 20  # URLs per scenario timed in process
# Words and phrases to search for: planning terms of the kind the synthetic and the starter
# cases use, besides the names of towns, goals and parties added below.
SEARCH_TERMS = """agreement transport letbane bypakke byvekstavtale stadsmiljoavtal
bybane tramway raitiotie light+rail bus+rapid+transit cycle+superhighways commuter+rail
housing rental+homes land+use densification station+district port+redevelopment
road+tolls toll+ring congestion parking zero+growth car+traffic climate+neutral emissions
steering+group secretariat indicators evaluation renegotiated municipal+plan
regional+plan structure+plan master+plan growth+centres development+company partnership
climate+contract funding+scheme national+target MAL+agreement municipalities county
state+budget co-funding building+rights schools+and+health business+parks labour+market
public+transport mode+share walking cycling stormwater timber""".split()


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "malnordic.settings")
    import django

    django.setup()


def url_lists(rng):
    """{scenario: [path, …]} for the database's content."""
    from django.db.models import Count

    from cases import search
    from cases.models import CASE_COUNTRIES, Case, ClimateGoal, Theme
    from cases.searchquery import terms
    from malnordic.sitemaps import SITEMAPS
    from networks.models import CityRegion, Network, Organisation

    published = Case.objects.published()
    total = published.count()
    slugs = sorted(published.values_list("slug", flat=True))
    countries = [country.value for country in CASE_COUNTRIES]
    themes = list(Theme.objects.order_by("position").values_list("slug", flat=True))
    instruments = [value for value, _label in Case.Instrument.choices]

    def both_languages(paths):
        return [*paths, *(f"/en{path}" for path in paths)]

    # Three facets: every country x theme x instrument, and the second page of each one
    # that has one.
    combos = Case.objects.published().values("country", "themes__slug", "instrument")
    sizes = {
        (row["country"], row["themes__slug"], row["instrument"]): row["n"]
        for row in combos.annotate(n=Count("pk", distinct=True)).order_by()
    }
    facets, filters = [], []
    for country in countries:
        for theme in themes:
            for instrument in instruments:
                query = {"country": country, "theme": theme, "instrument": instrument}
                filters.append(urlencode(query))
                facets.append(f"/cases/?{urlencode(query)}")
                if sizes.get((country, theme, instrument), 0) > 20:
                    facets.append(f"/cases/?{urlencode({**query, 'page': 2})}")
    # The exports, feed and report take the same three facets, or a goal instead of the
    # instrument (the most used goals), for 200 or more selections.
    common = ClimateGoal.objects.with_published_cases().order_by("-case_count", "slug")
    for goal in common.values_list("slug", flat=True)[:6]:
        for country in countries:
            for theme in themes:
                filters.append(urlencode({"country": country, "theme": theme, "goal": goal}))

    # Searches: planning terms and the names of towns, goals and parties found in the data.
    candidates = [term.replace("+", " ") for term in SEARCH_TERMS]
    candidates += sorted(
        {name.split()[0] for name in CityRegion.objects.values_list("name_en", flat=True)}
    )
    candidates += sorted(ClimateGoal.objects.values_list("name_en", flat=True))
    parties = sorted(Organisation.objects.values_list("name", flat=True))
    candidates += rng.sample(parties, min(len(parties), 200))
    queries = []
    for query in dict.fromkeys(candidates):
        if len(queries) >= WANTED:
            break
        if search.matching(published, terms(query)).exists():
            queries.append(f"/cases/?{urlencode({'q': query})}")

    pages = math.ceil(total / 20)
    sorts = ["", "&sort=newest", "&sort=title", "&sort=start"]
    browse = [f"/cases/?page={n}{rng.choice(sorts)}" for n in range(1, pages + 1)]
    compare = []
    for _ in range(WANTED):
        chosen = rng.sample(slugs, rng.randint(2, 4))
        compare.append("/cases/compare/?" + urlencode([("case", slug) for slug in chosen]))
    networks = sorted(Network.objects.published().values_list("slug", flat=True))
    regions = sorted(CityRegion.objects.with_published_cases().values_list("slug", flat=True))
    goals = sorted(ClimateGoal.objects.with_published_cases().values_list("slug", flat=True))
    sitemap = ["/sitemap.xml"]
    for section, sitemap_class in SITEMAPS.items():
        for number in sitemap_class().paginator.page_range:
            sitemap.append(f"/sitemap-{section}.xml?p={number}")
    filtered = rng.sample(filters, min(len(filters), WANTED))
    return {
        "robots": ["/robots.txt"],
        "home": both_languages(["/"]),
        "browse": rng.sample(browse, min(len(browse), WANTED)),
        "facets": rng.sample(facets, min(len(facets), WANTED)),
        "search": queries,
        "detail": [f"/cases/{slug}/" for slug in rng.sample(slugs, min(len(slugs), WANTED))],
        "compare": compare,
        "networks": both_languages(["/networks/"]),
        "network": both_languages([f"/networks/{slug}/" for slug in networks])[:WANTED],
        "regions": both_languages(["/regions/"]),
        "region": both_languages([f"/regions/{slug}/" for slug in regions])[:WANTED],
        "goals": both_languages(["/goals/"]),
        "goal": both_languages([f"/goals/{slug}/" for slug in goals])[:WANTED],
        "feed": [f"/cases/feed/?{query}" for query in filtered],
        "sitemap": sitemap,
        "csv": [f"/cases/export.csv?{query}" for query in filtered],
        "json": [f"/cases/export.json?{query}" for query in filtered],
        "report": [f"/cases/report/?{query}" for query in filtered],
    }


def write_urls(folder):
    lists = url_lists(random.Random(0))
    folder.mkdir(parents=True, exist_ok=True)
    for name, paths in lists.items():
        (folder / f"{name}.txt").write_text("\n".join(paths) + "\n")
    print(json.dumps({name: len(paths) for name, paths in lists.items()}))


def time_pages(folder, names):
    """{scenario: {median_ms, max_ms, first_ms, queries: [min, max], urls, failures}}."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="127.0.0.1")
    results = {}
    for name in names:
        paths = (folder / f"{name}.txt").read_text().split()
        step = max(1, len(paths) // TIMED)
        sample = paths[::step][:TIMED]
        timings, queries, failures, first = [], [], 0, None
        for path in [sample[0], *sample]:  # the first URL twice: once cold, then warm
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)
                milliseconds = (time.perf_counter() - began) * 1000
            if first is None:
                first = milliseconds
                continue
            failures += response.status_code != 200
            timings.append(milliseconds)
            queries.append(len(captured))
        results[name] = {
            "median_ms": statistics.median(timings),
            "max_ms": max(timings),
            "first_ms": first,
            "queries": [min(queries), max(queries)],
            "urls": len(sample),
            "failures": failures,
        }
    print(json.dumps(results))


def main(argv):
    if len(argv) < 2 or argv[0] not in ("urls", "time"):
        sys.exit(__doc__)
    setup_django()
    folder = Path(argv[1])
    if argv[0] == "urls":
        write_urls(folder)
    else:
        time_pages(folder, argv[2:] or [name for name, _label in SCENARIOS])


if __name__ == "__main__":
    main(sys.argv[1:])
