import pytest

from publishing.text import clean_text, link_target


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x1f", "\x7f", "\x9f"])
def test_control_characters_are_removed(character):
    assert clean_text(f"Oslo{character}pakke") == "Osl" + "opakke"


@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\u2028", "\u2029", "\x85"])
def test_vertical_tabs_and_form_feeds_become_line_breaks(character):
    assert clean_text(f"First line{character}second line") == "First line\nsecond line"


def test_tabs_line_breaks_and_letters_are_kept():
    text = "Kööpenhamina\tÅrhus\nØresund\r\nletbane – 8,5 mrd. kr"
    assert clean_text(text) == text


def test_values_that_are_not_text_pass_through():
    assert clean_text(None) is None and clean_text(3) == 3


@pytest.mark.parametrize(
    "url", ["https://www.regjeringen.no/no/tema/", "http://example.org/a?b=c", "HTTPS://x.dk"]
)
def test_web_addresses_may_be_links(url):
    assert link_target(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "ftp://files.example/",
        "",
        None,
    ],
)
def test_other_addresses_are_never_links(url):
    assert link_target(url) == ""
