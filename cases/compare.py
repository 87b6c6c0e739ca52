"""The rows of the comparison table: one per attribute, one cell per case."""

from django.utils.translation import gettext_lazy as _

from networks.models import Organisation


def parties_by_level(case):
    levels = {level.value: [] for level in Organisation.Level}
    others = []
    for party in case.parties.all():
        levels.get(party.level, others).append(party.name)
    lines = [
        f"{Organisation.Level(level).label}: {', '.join(names)}"
        for level, names in reversed(levels.items())
        if names
    ]
    if others:
        lines.append(f"{_('Other parties')}: {', '.join(others)}")
    return lines


def years(case):
    end = case.end_year or ""
    ongoing = f" ({_('ongoing')})" if case.is_ongoing else ""
    return [f"{case.start_year or '?'}–{end}{ongoing}"]


def figures(case):
    return [
        f"{f.label}: {f.value} {f.unit}".strip() + (f" ({f.year})" if f.year else "")
        for f in case.key_figures.all()
    ]


ROWS = [
    (_("Country"), "list", lambda c: [c.get_country_display()]),
    (_("City regions"), "list", lambda c: [r.name for r in c.regions.all()]),
    (_("Instrument"), "list", lambda c: [c.get_instrument_display(), c.instrument_detail]),
    (_("Parties"), "list", parties_by_level),
    (_("MALPE themes"), "list", lambda c: [str(t.name) for t in c.themes.all()]),
    (_("Climate goals"), "list", lambda c: sorted(g.name for g in c.goals.all())),
    (_("Years"), "list", years),
    (_("Status"), "list", lambda c: [c.get_status_display(), c.status_note]),
    (_("Key figures"), "list", figures),
    (_("Results"), "text", lambda c: [c.results]),
    (_("Lessons for Finland"), "text", lambda c: [c.lessons_for_finland]),
    (_("Evidence level"), "list", lambda c: [c.get_evidence_level_display()]),
]


def comparison_rows(cases):
    """[(label, kind, [lines for each case])]; empty lines are dropped."""
    return [
        (label, kind, [[line for line in cell(case) if line] for case in cases])
        for label, kind, cell in ROWS
    ]
