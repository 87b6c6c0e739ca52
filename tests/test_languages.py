"""Every translated interface language has a complete catalogue, compiled and current."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
# The languages with a catalogue: all but English, the language of the source strings.
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
ENTRY_START = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(\[\d\])?) ", re.M)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")

pytestmark = pytest.mark.parametrize("language", TRANSLATED)


def po_path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def entries(language):
    """(flags, fields) for each entry of the language's .po file, the header left out."""
    for block in po_path(language).read_text(encoding="utf-8").split("\n\n")[1:]:
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


def name(fields):
    return (fields.get("msgctxt"), fields["msgid"])


def msgstrs(fields):
    return {key: value for key, value in fields.items() if key.startswith("msgstr")}


def test_the_catalogue_exists(language):
    assert po_path(language).is_file()


def test_no_translation_is_fuzzy(language):
    assert [name(f) for flags, f in entries(language) if any("fuzzy" in x for x in flags)] == []


def test_every_string_is_translated(language):
    missing = [name(f) for _flags, f in entries(language) if not all(msgstrs(f).values())]
    assert missing == []


def test_every_plural_has_both_forms(language):
    # Finnish and Swedish both have two: one, and everything else.
    wrong = [
        name(f)
        for _flags, f in entries(language)
        if "msgid_plural" in f and set(msgstrs(f)) != {"msgstr[0]", "msgstr[1]"}
    ]
    assert wrong == []


def test_translations_name_only_the_placeholders_of_the_original(language):
    wrong = []
    for _flags, f in entries(language):
        known = set(PLACEHOLDER.findall(f["msgid"] + f.get("msgid_plural", "")))
        for key, value in msgstrs(f).items():
            used = set(PLACEHOLDER.findall(value))
            # The plural form may name the counter the singular leaves implicit, and back.
            if not used <= known or ("msgid_plural" not in f and used != known):
                wrong.append((name(f), key))
    assert wrong == []


def test_the_catalogue_holds_the_same_strings_as_the_finnish_one(language):
    assert {name(f) for _flags, f in entries(language)} == {
        name(f) for _flags, f in entries(settings.LANGUAGE_CODE)
    }


def test_the_compiled_catalogue_is_up_to_date(language):
    with open(po_path(language).with_suffix(".mo"), "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    stale = []
    for _flags, f in entries(language):
        context, msgid = f.get("msgctxt"), f["msgid"]
        if "msgid_plural" in f:
            for n, key in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                if context:
                    got = catalogue.npgettext(context, msgid, f["msgid_plural"], n)
                else:
                    got = catalogue.ngettext(msgid, f["msgid_plural"], n)
                if got != f[key]:
                    stale.append((context, msgid, key))
        else:
            got = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
            if got != f["msgstr"]:
                stale.append((context, msgid))
    assert stale == []


def test_the_compiled_catalogue_holds_nothing_the_po_file_does_not(language):
    with open(po_path(language).with_suffix(".mo"), "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    compiled = {key if isinstance(key, str) else key[0] for key in catalogue._catalog}
    in_po = {
        f"{f['msgctxt']}\x04{f['msgid']}" if "msgctxt" in f else f["msgid"]
        for _flags, f in entries(language)
    }
    assert compiled - {""} == in_po
