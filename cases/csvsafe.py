"""CSV that opens safely and correctly in a spreadsheet.

Two traps: a cell that starts like a formula is run as one when the file is opened (CSV
injection; OWASP's guidance is to prefix such a cell with an apostrophe, which shows it as
text), and Excel reads a CSV file without a byte-order mark in the local ANSI code page, so
ä, ö, å, ø and æ come out garbled. Framework-free: any binary stream or iterable of bytes.
"""

import codecs
import csv
import io

# The first characters that make a spreadsheet treat a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as text, with a leading apostrophe if a spreadsheet would run it as a formula.

    None becomes an empty cell; anything else goes through str().
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def encode_rows(rows):
    """A CSV file as UTF-8 bytes: the byte-order mark, then one chunk per row.

    Every cell is neutralised; the csv module quotes cells holding commas, quotes or line
    breaks and ends each line with CRLF (RFC 4180), as Excel expects.
    """
    yield codecs.BOM_UTF8
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()


def write_csv(stream, rows):
    """Write `rows` (iterables of cells) to a binary stream as spreadsheet-safe CSV."""
    for chunk in encode_rows(rows):
        stream.write(chunk)
