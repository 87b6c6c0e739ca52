"""The rows of the comparison table: one per attribute, one cell per case.

A cell is a list of `Line`s. Interface words (labels, vocabularies) are in the page's
language; case content is in the page's language where it is written in it (otherwise in
English) and names in their own language, so each line says which language its text is in
when that is not the page's, for the `lang` attribute.
"""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

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
    (_("Key figures"), "list", figures),
    (_("Results"), "text", lambda c: content([c], "results")),
    (_("Lessons for Finland"), "text", lambda c: content([c], "lessons_for_finland")),
    (_("Glossary terms"), "list", lambda c: content(c.terms.all(), "name")),
    (_("Evidence level"), "list", lambda c: label(c.get_evidence_level_display())),
]


def comparison_rows(cases):
    """[(label, kind, [lines of each case])]; kind "text" cells are paragraphs."""
    return [(label, kind, [cell(case) for case in cases]) for label, kind, cell in ROWS]
