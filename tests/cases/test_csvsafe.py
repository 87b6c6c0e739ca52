import codecs
import csv
import io

import pytest

from cases.csvsafe import encode_rows, neutralise, write_csv


def read_back(rows):
    data = b"".join(encode_rows(rows))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("cell", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_starts_like_a_formula_gets_a_leading_apostrophe(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize(
    "cell",
    [
        "\uff1d1+1",  # full-width equals sign
        "\ufe661+1",  # small equals sign
        "\uff0bx",  # full-width plus
        "\uff0dx",  # full-width hyphen-minus
        "\uff20SUM(A1)",  # full-width at sign
        "\u2212x",  # minus sign
        " =1",  # after a space
        "\u3000\uff1d1",  # after an ideographic space
        "\ufeff=1",  # after an invisible byte-order mark
    ],
)
def test_a_look_alike_formula_start_gets_a_leading_apostrophe(cell):
    assert neutralise(cell) == "'" + cell


def test_the_hyperlink_payload_is_shown_as_text():
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize("cell", ["Oslo", "a=b", "e-mail", "2+2", "", "'quoted", "1 − 2"])
def test_an_ordinary_cell_is_left_as_it_is(cell):
    assert neutralise(cell) == cell


def test_an_empty_value_becomes_an_empty_cell():
    assert neutralise(None) == ""


def test_a_number_becomes_its_text():
    assert neutralise(2020) == "2020"


def test_the_file_starts_with_a_utf8_byte_order_mark():
    data = b"".join(encode_rows([["Bærum"]]))
    assert data.startswith(codecs.BOM_UTF8)


def test_nordic_letters_survive_the_round_trip():
    assert read_back([["Bærum", "Göteborg", "Ørestad", "Århus"]]) == [
        ["Bærum", "Göteborg", "Ørestad", "Århus"]
    ]


def test_commas_quotes_and_line_breaks_stay_inside_their_cell():
    row = ["a, b", 'say "hi"', "line one\nline two"]
    assert read_back([row]) == [row]


def test_every_cell_of_every_row_is_neutralised():
    assert read_back([["=a", "b"], ["c", "@d"]]) == [["'=a", "b"], ["c", "'@d"]]


def test_lines_end_with_crlf_as_excel_expects():
    data = b"".join(encode_rows([["a"], ["b"]]))
    assert data == codecs.BOM_UTF8 + b"a\r\nb\r\n"


def test_write_csv_writes_the_same_bytes_to_a_stream():
    stream = io.BytesIO()
    write_csv(stream, [["slug", "title"], ["x", "=y"]])
    assert stream.getvalue() == b"".join(encode_rows([["slug", "title"], ["x", "=y"]]))


def test_a_semicolon_separated_file_quotes_cells_holding_semicolons():
    data = b"".join(encode_rows([["a;b", "c,d", "=e"]], delimiter=";"))
    assert data == codecs.BOM_UTF8 + b'"a;b";c,d;\'=e\r\n'


def test_write_csv_takes_the_separator_too():
    stream = io.BytesIO()
    write_csv(stream, [["x", "y"]], delimiter=";")
    assert stream.getvalue() == codecs.BOM_UTF8 + b"x;y\r\n"
