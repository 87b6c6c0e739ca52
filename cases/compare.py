"""The rows of the comparison table: one per attribute, one cell per case.

A cell is a list of `Line`s. Interface words (labels, vocabularies) are in the page's
language; case content is in English and names in their own language, so each line says
which language its text is in, for the `lang` attribute.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _


class Line(NamedTuple):
    text: str
    lang: str = ""  # empty: the interface language
    prefix: str = ""  # in the interface language, before the text


def label(value):
    return [Line(str(value))]


def english(*texts):
    return [Line(text, "en") for text in texts if text]


def parties_by_level(case):
    return [
        Line(", ".join(p.name for p in parties), case.language, f"{level}: ")
        for level, parties in case.parties_by_level()
    ]


def years(case):
    return label(case.years)


def figures(case):
    return english(
        *(
            f"{f.label}: {f.value} {f.unit}".strip() + (f" ({f.year})" if f.year else "")
            for f in case.key_figures.all()
        )
    )


ROWS = [
    (_("Country"), "list", lambda c: label(c.get_country_display())),
    (_("City regions"), "list", lambda c: english(*(r.name for r in c.regions.all()))),
    (_("Instrument"), "list", lambda c: label(c.get_instrument_display())),
    (_("Instrument in detail"), "list", lambda c: english(c.instrument_detail)),
    (_("Parties"), "list", parties_by_level),
    (_("MALPE themes"), "list", lambda c: [Line(str(t.name)) for t in c.themes.all()]),
    (_("Climate goals"), "list", lambda c: english(*(g.name for g in c.sorted_goals()))),
    (_("Years"), "list", years),
    (_("Status"), "list", lambda c: label(c.get_status_display()) + english(c.status_note)),
    (_("Key figures"), "list", figures),
    (_("Results"), "text", lambda c: english(c.results)),
    (_("Lessons for Finland"), "text", lambda c: english(c.lessons_for_finland)),
    (_("Evidence level"), "list", lambda c: label(c.get_evidence_level_display())),
]


def comparison_rows(cases):
    """[(label, kind, [lines of each case])]; kind "text" cells are paragraphs."""
    return [(label, kind, [cell(case) for case in cases]) for label, kind, cell in ROWS]
