"""The regions, organisations, climate goals and networks added beside the existing ones.

A database of N synthetic cases gets about as many of each as real data of that size
would have (`sizes()`); names come from the real towns and bodies in `vocabulary`, so the
rows read like real ones. Rows whose slug exists already are kept and not duplicated.
"""

import math

from django.utils.text import slugify

from cases.models import ClimateGoal
from cases.searchquery import normalise
from cases.synthetic import vocabulary as words
from cases.synthetic.writing import swedish_genitive
from networks.models import CityRegion, Network, Organisation
from publishing.models import PublicationState

EVIDENCE_LEVELS = ["well-sourced", "partly-sourced", "weak"]


# Enough of each for a few cases in an empty database: parties of every level and regions
# in every country.
MINIMUM = {"regions": 20, "organisations": 300, "goals": 15, "networks": 15}


def sizes(cases):
    """How many regions, organisations, goals and networks a database of `cases` cases
    would have: about 100, 2,000, 40 and 60 for 10,000 cases."""
    wanted = {
        "regions": round(math.sqrt(cases)),
        "organisations": cases // 5,
        "goals": round(4 * cases**0.25),
        "networks": round(6 * cases**0.25),
    }
    return {name: max(n, MINIMUM[name]) for name, n in wanted.items()}


def in_turn(groups):
    """The items of the groups (one per country) taken in turn, so that any first few
    hold some of every country."""
    iterators = [iter(group) for group in groups]
    while iterators:
        for iterator in list(iterators):
            item = next(iterator, None)
            if item is None:
                iterators.remove(iterator)
            else:
                yield item


def towns():
    """The listed towns, the largest of each country first, the countries in turn."""
    countries = dict.fromkeys(town[1] for town in words.TOWNS)
    return list(in_turn([town for town in words.TOWNS if town[1] == c] for c in countries))


def grow(rng, cases):
    """Create the regions, organisations, goals and networks missing for `cases` cases."""
    wanted = sizes(cases)
    return {
        "regions": add_rows(CityRegion, region_rows(rng), wanted["regions"]),
        "organisations": add_rows(Organisation, organisation_rows(), wanted["organisations"]),
        "goals": add_rows(ClimateGoal, goal_rows(), wanted["goals"]),
        "networks": add_rows(Network, network_rows(rng), wanted["networks"]),
    }


def add_rows(model, candidates, total):
    """Bulk-create rows from `candidates` (dicts with a slug) until the model has `total`
    rows; candidates whose slug exists already are skipped. Returns how many were added."""
    existing = set(model.objects.values_list("slug", flat=True))
    missing = total - len(existing)
    new = []
    for row in candidates:
        if len(new) >= missing:
            break
        if row["slug"] not in existing:
            existing.add(row["slug"])
            new.append(model(**row))
    model.objects.bulk_create(new)
    return len(new)


def slug_of(text):
    """A slug with Nordic letters folded (ø→o) and dashes kept as word breaks."""
    return slugify(normalise(text).replace("–", " "))[:100].strip("-")


def genitive(town, country, finnish):
    return finnish or (swedish_genitive(town) if country == "SE" else town)


def region_rows(rng):
    """A region per town that has none near it yet, then corridors between nearby towns."""
    taken = list(CityRegion.objects.values_list("country", "latitude", "longitude"))

    def near(country, lat, lon):
        return any(
            c == country and abs(lat - la) < 0.3 and abs(lon - lo) < 0.5 for c, la, lo in taken
        )

    for town, country, lat, lon, _finnish in towns():
        if not near(country, lat, lon):
            taken.append((country, lat, lon))
            name = words.REGION_NAMES[country].format(town=town)
            yield region(rng, name, country, lat, lon, town)
    pairs = sorted(
        (abs(a[2] - b[2]) + abs(a[3] - b[3]), a, b)
        for i, a in enumerate(words.TOWNS)
        for b in words.TOWNS[i + 1 :]
        if a[1] == b[1]
    )
    for _distance, a, b in pairs:
        name = f"{a[0]}–{b[0]} corridor"
        yield region(rng, name, a[1], (a[2] + b[2]) / 2, (a[3] + b[3]) / 2, a[0])


def region(rng, name, country, lat, lon, town):
    body = rng.choice(["a joint steering group", "a regional council", "a growth partnership"])
    description = (
        f"{town} and its neighbouring municipalities plan land use, housing and transport "
        f"together through {body}. "
        + rng.choice(
            [
                "Most of the growth is to come near the rail stations.",
                "Commuting by car across municipal borders is the main challenge.",
                "The region has grown quickly since the 2000s.",
            ]
        )
    )
    return {
        "name_en": name,
        "slug": slug_of(name),
        "country": country,
        "latitude": round(lat, 2),
        "longitude": round(lon, 2),
        "description_en": description,
    }


def organisation_rows():
    """State and regional bodies, municipalities, then towns' companies and associations;
    the countries in turn."""
    for level, kind, bodies in (
        ("state", "state", words.STATE_BODIES),
        ("regional", "region", words.REGIONAL_BODIES),
    ):
        for country, name, english in in_turn(
            [(country, *body) for body in group] for country, group in bodies.items()
        ):
            yield organisation(name, english, kind, level, country)
    for town, country, _lat, _lon, finnish in towns():
        local, english = words.MUNICIPALITY[country]
        of = genitive(town, country, finnish)
        yield organisation(
            local.format(town=town, of=of),
            english.format(town=town),
            "municipality",
            "municipal",
            country,
        )
    for part in words.PARTS:
        for index in range(len(words.TOWN_BODIES["SE"])):
            for town, country, _lat, _lon, finnish in towns():
                kind, level, local, english = words.TOWN_BODIES[country][index]
                of = genitive(town, country, finnish)
                name = local.format(town=town, of=of, part=part)
                yield organisation(
                    name, english.format(town=town, part=part), kind, level, country
                )


def organisation(name, english, kind, level, country):
    return {
        "name": name,
        "name_en": english if english != name else "",
        "slug": slug_of(name),
        "kind": kind,
        "level": level,
        "country": country,
    }


def goal_rows():
    for name, description in words.GOALS:
        yield {"name_en": name, "slug": slug_of(name), "description_en": description}
    for year in words.GOAL_YEARS:
        for name, description in words.GOALS:
            if not any(char.isdigit() for char in name):
                named = f"{name} by {year}"
                yield {"name_en": named, "slug": slug_of(named), "description_en": description}


def network_rows(rng):
    countries = list(words.COUNTRY_NAMES)
    for round_ in range(100):
        for topic in words.NETWORK_TOPICS:
            for template, kind, original in words.NETWORK_TEMPLATES:
                country = countries[(round_ + len(topic)) % len(countries)]
                town = words.TOWNS[(round_ * 7 + len(topic) * 3) % len(words.TOWNS)][0]
                slots = {"topic": topic, "town": town, "country": words.COUNTRY_NAMES[country]}
                name = template.format(**slots)
                if round_:
                    name = f"{name} {round_ + 1}"
                yield network(rng, name, original.format(**slots), kind, country, topic)


def network(rng, name, original, kind, country, topic):
    if kind in ("eu", "global", "research-funding"):
        members = []
    elif kind == "nordic":
        members = ["DK", "FI", "NO", "SE"]
    else:
        members = [country]
    founded = rng.randint(1990, 2024)
    return {
        "name_en": name,
        "original_name": original,
        "slug": slug_of(name),
        "kind": kind,
        "kind_detail_en": f"Network on {topic}, founded in {founded}",
        "countries": members,
        "founded_year": founded,
        "members_en": f"About {rng.randint(5, 120)} municipalities, regions and agencies.",
        "summary_en": f"{name} brings together cities and agencies working on {topic}.",
        "mal_relevance_en": (
            f"It spreads experience of {topic} between city regions and helps members plan "
            "land use, housing and transport together."
        ),
        "website": f"https://www.{slug_of(name)}.example",
        "evidence_level": rng.choice(EVIDENCE_LEVELS),
        "state": PublicationState.DRAFT if rng.random() < 0.05 else PublicationState.PUBLISHED,
    }
