from cases.searchquery import (
    MAX_TERMS,
    alternatives,
    fts_query,
    is_truncated,
    normalise,
    terms,
    tsquery,
)


def test_normalising_folds_case_accents_and_nordic_letters():
    assert normalise("Stadsmiljöavtal FÆRØ Åland Kööpenhamina") == (
        "stadsmiljoavtal faero aland koopenhamina"
    )


def test_terms_are_the_lower_case_words_without_repeats_accents_kept():
    # The stemmers need the accents (Finnish ä and ö); folding comes after stemming.
    assert terms("Zero-growth, zero GROWTH; Bærum!") == ["zero", "growth", "bærum"]


def test_terms_are_capped():
    assert len(terms(" ".join(f"word{n}" for n in range(50)))) == MAX_TERMS


def test_a_long_query_is_reported_as_truncated():
    assert is_truncated("x" * 5000)
    assert not is_truncated("koalaplan")


def test_operators_in_a_query_are_only_words():
    assert terms("a & b | !c <-> 'd':*") == ["a", "b", "c", "d"]


def test_a_word_matches_its_stems_as_prefixes():
    assert alternatives("zero") == (["zero"], [])
    # Every language's stem is a prefix ("growth" in English, "growt" in Finnish), but a
    # prefix that begins with another adds nothing.
    assert alternatives("growth").prefixes == ["growth"]


def test_a_finnish_inflected_form_also_matches_the_stems_of_its_base_form():
    # "joukkoliikenne" has the stem "joukkoliik", "joukkoliikenteen" "joukkoliikent".
    found = alternatives("joukkoliikenteen")
    assert "joukkoliik" in found.whole
    assert any("joukkoliikent".startswith(prefix) for prefix in found.prefixes)
    # "rakennus" is its own stem; "rakennuksen" has "rakennuks".
    assert any("rakennus".startswith(p) for p in alternatives("rakennuksen").prefixes)


def test_a_stem_much_shorter_than_the_word_matches_only_whole():
    # The Norwegian stemmer makes "kystbane" "kystb", which would begin too many words.
    found = alternatives("kystbane")
    assert "kystb" in found.whole
    assert "kystb" not in found.prefixes


def test_the_tsquery_matches_every_word_each_by_its_alternatives():
    growth = alternatives("growth")
    expected = " | ".join(
        [*(f"'{p}':*" for p in growth.prefixes), *(f"'{w}'" for w in growth.whole)]
    )
    assert tsquery(["zero", "growth"]) == f"('zero':*) & ({expected})"


def test_the_fts_query_matches_every_word_each_by_its_alternatives():
    growth = alternatives("growth")
    expected = " OR ".join(
        [*(f'"{p}"*' for p in growth.prefixes), *(f'"{w}"' for w in growth.whole)]
    )
    assert fts_query(["zero", "growth"]) == f'("zero"*) AND ({expected})'


def test_an_empty_query_gives_an_empty_tsquery():
    assert tsquery(terms("  -- ")) == ""
    assert fts_query(terms("  -- ")) == ""
