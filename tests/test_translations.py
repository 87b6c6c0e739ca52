"""The Finnish catalogue is complete, and the compiled .mo file matches the .po file."""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "fi" / "LC_MESSAGES" / "django.po"
ENTRY_START = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(\[\d\])?) ", re.M)


def entries():
    """(flags, fields) for each entry of the .po file, the header left out."""
    for block in PO.read_text(encoding="utf-8").split("\n\n")[1:]:
        flags = [line for line in block.splitlines() if line.startswith("#,")]
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = ENTRY_START.match(line)
            if match:
                key = match.group(1)
                line = line[match.end() :]
            fields[key] = fields.get(key, "") + ast.literal_eval(line)
        yield flags, fields


def test_no_translation_is_fuzzy():
    assert [f["msgid"] for flags, f in entries() if any("fuzzy" in x for x in flags)] == []


def test_every_string_is_translated():
    missing = [
        f["msgid"]
        for _flags, f in entries()
        if not all(value for key, value in f.items() if key.startswith("msgstr"))
    ]
    assert missing == []


def test_the_compiled_catalogue_is_up_to_date():
    with open(PO.with_suffix(".mo"), "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    stale = []
    for _flags, f in entries():
        context = f.get("msgctxt")
        if "msgid_plural" in f:
            got = (
                catalogue.npgettext(context, f["msgid"], f["msgid_plural"], 1)
                if context
                else (catalogue.ngettext(f["msgid"], f["msgid_plural"], 1))
            )
            wanted = f["msgstr[0]"]
        else:
            got = (
                catalogue.pgettext(context, f["msgid"])
                if context
                else catalogue.gettext(f["msgid"])
            )
            wanted = f["msgstr"]
        if got != wanted:
            stale.append(f["msgid"])
    assert stale == []
