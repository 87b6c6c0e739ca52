"""The texts of one synthetic case: titles, the long fields and the inline rows.

Framework-free: `write_case()` takes a random generator and the case's facts (country,
town, parties, instrument, themes, years, …) and returns plain dicts, so the same seed
always gives the same words. The templates are in `phrases`.
"""

from cases.synthetic import phrases
from cases.synthetic.vocabulary import COUNTRY_NAMES, CURRENCIES, NORDIC_PUBLISHERS, PUBLISHERS


def swedish_genitive(name):
    return name if name[-1].lower() in "aeiouyåäösxz" else f"{name}s"


def count(n):
    """A whole number with thousands separated by commas, as the texts write them."""
    return f"{n:,}"


def write_case(rng, facts):
    """The text fields and inline rows of one case.

    `facts` holds country, town, of (the town's genitive), parties (names) and
    party_roots (their slugs), instrument, themes (slugs), start, end (or None), status,
    evidence_level and slug. Returns a dict with the case's text fields and `sources`,
    `figures` and `milestones` (lists of dicts for the inline rows).
    """
    country, instrument = facts["country"], facts["instrument"]
    start, end, status, themes = facts["start"], facts["end"], facts["status"], facts["themes"]
    projects = [p for p in phrases.PROJECTS[country] if p[0] in themes] or [
        p for p in phrases.PROJECTS[country] if p[0] != "transport"
    ]
    _theme, _weight, project, project_short, project_local = rng.choices(
        projects, [p[1] for p in projects]
    )[0]
    y2 = end or start + rng.randint(4, 12)
    slots = {
        "town": facts["town"],
        "of": facts["of"],
        "country": COUNTRY_NAMES[country],
        "p1": facts["parties"][0],
        "p2": facts["parties"][1],
        "p3": facts["parties"][2],
        "y0": start - rng.randint(2, 10),
        "y1": start,
        "y2": y2,
        "y3": min(max(start + 1, 2020), 2026),
        "until": f" to {end}" if end else "",
        "noun": phrases.NOUNS[instrument],
        "Noun": phrases.NOUNS[instrument].capitalize(),
        "themes": themes_phrase(themes),
        "cur": CURRENCIES[country],
        "growth": count(rng.randrange(500, 20000, 100)),
        "homes": count(rng.randrange(2000, 60000, 500)),
        "done": count(rng.randrange(500, 20000, 100)),
        "amount": f"{rng.uniform(0.5, 40):.1f}",
        "toll": count(rng.randrange(100, 3000, 10)),
        "share": rng.randrange(30, 71, 5),
        "km": rng.choice([0.5, 0.8, 1, 1.5, 2]),
        "parking": rng.choice([0.2, 0.5, 0.8, 1.0]),
        "staff": rng.randint(2, 12),
        "nodes": rng.randint(3, 14),
        "target": rng.choice([2030, 2035, 2040, 2045]),
        "base": rng.choice([1990, 2005, 2015, 2019]),
        **{f"pct{i}": rng.randint(3, 45) for i in range(1, 9)},
    }
    slots["project_short"] = project_short
    slots["project"] = project.format(**slots)
    slots["project_local"] = project_local.format(**slots)

    def fill(template):
        return template.format(**slots)

    def some(pools, low, high):
        """low to high sentences from the theme-free pool and the case's themes' pools."""
        pool = [t for key in (None, *themes) for t in pools.get(key, [])]
        return [fill(t) for t in rng.sample(pool, min(len(pool), rng.randint(low, high)))]

    title = fill(rng.choice(phrases.TITLES[instrument][country]))
    if rng.random() < 0.3:
        title += rng.choice([f", stage {rng.randint(2, 4)}", f" {start}", " (revised)"])
    slots["title"] = title
    workings = some(phrases.WORKINGS, 5, 9)
    cut = rng.randint(2, len(workings) - 2)
    early = status == "planned" or start >= 2024
    results = (
        " ".join(rng.sample(phrases.EARLY_RESULTS, rng.randint(1, 2)))
        if early
        else " ".join(some(phrases.RESULTS, 1, 4))
    )
    return {
        "title": title,
        "original_name": fill(rng.choice(phrases.ORIGINAL_NAMES[instrument][country])),
        "instrument_detail": fill(rng.choice(phrases.DETAILS[instrument])),
        "status_note": fill(rng.choice(phrases.STATUS_NOTES[status])),
        "summary": fill(rng.choice(phrases.SUMMARIES)) + fill(rng.choice(phrases.SUMMARY_ENDS)),
        "challenge": " ".join(some(phrases.CHALLENGES, 2, 4)),
        "how_it_works": " ".join(workings[:cut]) + "\n\n" + " ".join(workings[cut:]),
        "climate_goals": " ".join(some(phrases.CLIMATE, 1, 3)),
        "results": results,
        "lessons_for_finland": " ".join(some(phrases.LESSONS, 1, 3)),
        "evidence_note": fill(rng.choice(phrases.EVIDENCE_NOTES[facts["evidence_level"]])),
        "sources": sources(rng, slots, facts),
        "figures": figures(rng, slots),
        "milestones": milestones(rng, slots, start, y2),
    }


def themes_phrase(slugs):
    words = [phrases.THEME_WORDS[slug] for slug in slugs]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def sources(rng, slots, facts):
    """2–4 sources. Their addresses are under the reserved .example domain: a synthetic
    source must never point at a page on a real site."""
    publishers = list(zip(facts["parties"][:3], facts["party_roots"][:3], strict=True))
    publishers += PUBLISHERS[facts["country"]] + NORDIC_PUBLISHERS
    rows = []
    for n, template in enumerate(rng.sample(phrases.SOURCE_TITLES, rng.randint(2, 4)), 1):
        publisher, root = rng.choice(publishers)
        rows.append(
            {
                "title": template.format(publisher=publisher, **slots),
                "url": f"https://www.{root}.example/{facts['slug']}/{n}",
                "publisher": publisher,
                "year": rng.choice([None, rng.randint(min(facts["start"], 2026), 2026)]),
            }
        )
    return rows


def figures(rng, slots):
    """3–5 key figures with distinct labels; some without a year."""
    rows = []
    for label, unit, low, high, decimals in rng.sample(phrases.FIGURES, rng.randint(3, 5)):
        value = rng.uniform(low, high)
        rows.append(
            {
                "label_en": label,
                "value_en": f"{value:.{decimals}f}" if decimals else count(round(value)),
                "unit_en": unit.format(**slots),
                "year": rng.choice([None, slots["y1"], slots["y3"]]),
                "note_en": rng.choice(phrases.FIGURE_NOTES),
                "position": len(rows) + 1,
            }
        )
    return rows


def milestones(rng, slots, first, last):
    """3–6 distinct events in date order; about a third give only the year, some the day."""
    last = max(first + 1, min(last, 2027))
    rows = []
    for template in rng.sample(phrases.EVENTS, rng.randint(3, 6)):
        month = rng.choice([None, rng.randint(1, 12), rng.randint(1, 12)])
        rows.append(
            {
                "year": rng.randint(first - 1, last),
                "month": month,
                "day": rng.randint(1, 28) if month and rng.random() < 0.5 else None,
                "event_en": template.format(**slots),
            }
        )
    rows.sort(key=lambda row: (row["year"], row["month"] or 0, row["day"] or 0))
    return [{**row, "position": n} for n, row in enumerate(rows, 1)]
