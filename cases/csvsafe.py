"""CSV that opens safely and correctly in a spreadsheet.

Two traps: a cell that starts like a formula is run as one when the file is opened (CSV
injection; OWASP's guidance is to prefix such a cell with an apostrophe, which shows it as
text), and Excel reads a CSV file without a byte-order mark in the local ANSI code page, so
ä, ö, å, ø and æ come out garbled. Framework-free: any binary stream or iterable of bytes.
"""

import codecs
import csv
import io
import unicodedata

# The first characters that make a spreadsheet treat a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets also read the look-alikes of these as the operator itself: the full-width
# and small forms (＝, ＋, －, ＠, ﹦, …), which Unicode's compatibility mapping folds into
# ASCII, and the minus signs, which it does not.
MINUS_SIGNS = "\u2212\u2012\u2013\u2014\ufe63\uff0d"


# Characters a spreadsheet may skip before it looks for an operator.
LEADING_BLANKS = " \u00a0\u200b\u200c\u200d\u2060\ufeff\u3000\n\x0b\x0c"


def is_formula(text):
    """Whether a spreadsheet could read `text` as a formula: its first character, after
    any leading blanks or invisible characters, is an operator or one of its look-alikes."""
    if text.startswith(FORMULA_STARTS):
        return True
    stripped = text.lstrip(LEADING_BLANKS)
    if not stripped:
        return False
    first = stripped[0]
    return unicodedata.normalize("NFKC", first).startswith(FORMULA_STARTS) or first in MINUS_SIGNS


def neutralise(value):
    """The cell as text, with a leading apostrophe if a spreadsheet would run it as a formula.

    None becomes an empty cell; anything else goes through str().
    """
    text = "" if value is None else str(value)
    if is_formula(text):
        return "'" + text
    return text


def encode_rows(rows, delimiter=","):
    """A CSV file as UTF-8 bytes: the byte-order mark, then one chunk per row.

    Every cell is neutralised; the csv module quotes cells holding the `delimiter`,
    quotes or line breaks and ends each line with CRLF (RFC 4180), as Excel expects.
    `delimiter` is what the reader's spreadsheet expects: "," (RFC 4180, and Excel in
    English), ";" for Excel in a language with a decimal comma, such as Finnish.
    """
    yield codecs.BOM_UTF8
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()


def write_csv(stream, rows, delimiter=","):
    """Write `rows` (iterables of cells) to a binary stream as spreadsheet-safe CSV."""
    for chunk in encode_rows(rows, delimiter):
        stream.write(chunk)
