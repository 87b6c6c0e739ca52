"""The rows of the comparison table: one per attribute, one cell per case.

A cell is a list of `Line`s. Interface words (labels, vocabularies) are in the page's
language; case content is in the page's language where it is written in it (otherwise in
English) and names in their own language, so each line says which language its text is in
when that is not the page's, for the `lang` attribute.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from cases.models import Funding, Party
from publishing.translation import fallback_language


class Line(NamedTuple):
    text: str
    lang: str = ""  # empty: the interface language
    prefix: str = ""  # in the interface language, before the text


def label(value):
    return [Line(str(value))]


def content(objects, name):
    """A line for each object's translated field `name`, marked when it falls back."""
    return [
        Line(getattr(obj, name), fallback_language(obj, name))
        for obj in objects
        if getattr(obj, name)
    ]


def parties_by_level(case):
    return [
        Line(", ".join(p.name for p in parties), case.language, f"{level}: ")
        for level, parties in case.parties_by_level()
    ]


def years(case):
    return label(case.years)


def figures(case):
    lines = []
    for f in case.key_figures.all():
        text = f"{f.label}: {f.value} {f.unit}".strip() + (f" ({f.year})" if f.year else "")
        lines.append(Line(text, fallback_language(f, "label")))
    return lines


def funding(payer_kind):
    """The case's funding from `payer_kind` for the whole (not split by purpose): the amount
    or share, its period, and the note that says what the figure is."""

    def cell(case):
        return [
            funding_line(row)
            for row in case.funding.all()
            if row.payer_kind == payer_kind and row.purpose == Funding.Purpose.WHOLE
        ]

    return cell


def funding_line(row, prefix=""):
    if not row.note:
        return Line(row.figure_text, prefix=prefix)
    return Line(f"{row.figure_text} ({row.note})", fallback_language(row, "note"), prefix)


def state_pays_for(case):
    return [
        funding_line(row, f"{row.get_purpose_display()}: ")
        for row in case.funding.all()
        if row.payer_kind == Party.STATE and row.purpose != Funding.Purpose.WHOLE
    ]


def commitments(case):
    return [
        Line(
            row.text,
            fallback_language(row, "text"),
            f"{row.party_text}: ",
        )
        for row in case.commitments.all()
    ]


def shared_goals(cases):
    """The climate goals that indicators of at least two of `cases` measure (of the one
    case, when only one is compared), in the order they first appear."""
    counts = {}
    for case in cases:
        for goal in dict.fromkeys(i.goal for i in case.indicators.all() if i.goal_id):
            counts[goal] = counts.get(goal, 0) + 1
    return [goal for goal, n in counts.items() if n >= min(2, len(cases))]


def targets_for(goal):
    def cell(case):
        return [
            Line(
                f"{row.baseline_text} → {row.target_text}",
                prefix=f"{row.name}: ",
                lang=fallback_language(row, "name"),
            )
            for row in case.indicators.all()
            if row.goal_id == goal.pk
        ]

    return cell


ROWS = [
    (_("Country"), "list", lambda c: label(c.get_country_display())),
    (_("City regions"), "list", lambda c: content(c.regions.all(), "name")),
    (_("Instrument"), "list", lambda c: label(c.get_instrument_display())),
    (_("Instrument in detail"), "list", lambda c: content([c], "instrument_detail")),
    (_("Parties"), "list", parties_by_level),
    (_("MALPE themes"), "list", lambda c: [Line(str(t.name)) for t in c.themes.all()]),
    (_("Climate goals"), "list", lambda c: content(c.sorted_goals(), "name")),
    (_("Years"), "list", years),
    (_("Status"), "list", lambda c: label(c.get_status_display()) + content([c], "status_note")),
    (_("Total funding"), "list", funding(Party.ALL)),
    (_("State funding"), "list", funding(Party.STATE)),
    (_("What the state pays for"), "list", state_pays_for),
    (_("Commitments"), "list", commitments),
    (_("Key figures"), "list", figures),
    (_("Results"), "text", lambda c: content([c], "results")),
    (_("Lessons for Finland"), "text", lambda c: content([c], "lessons_for_finland")),
    (_("Glossary terms"), "list", lambda c: content(c.terms.all(), "name")),
    (_("Evidence level"), "list", lambda c: label(c.get_evidence_level_display())),
]


def comparison_rows(cases):
    """[(label, kind, [lines of each case])]; kind "text" cells are paragraphs. After the
    fixed rows, one for each climate goal whose numeric targets the cases share."""
    rows = [*ROWS]
    at = next(i for i, row in enumerate(rows) if row[2] is commitments) + 1
    rows[at:at] = [
        (_("Targets: %(goal)s") % {"goal": goal.name}, "list", targets_for(goal))
        for goal in shared_goals(cases)
    ]
    return [(label, kind, [cell(case) for case in cases]) for label, kind, cell in rows]
