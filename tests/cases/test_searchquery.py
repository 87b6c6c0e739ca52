from cases.searchquery import MAX_TERMS, is_truncated, normalise, terms, tsquery


def test_normalising_folds_case_accents_and_nordic_letters():
    assert normalise("Stadsmiljöavtal FÆRØ Åland Kööpenhamina") == (
        "stadsmiljoavtal faero aland koopenhamina"
    )


def test_terms_are_the_normalised_words_without_repeats():
    assert terms("Zero-growth, zero GROWTH; Bærum!") == ["zero", "growth", "baerum"]


def test_terms_are_capped():
    assert len(terms(" ".join(f"word{n}" for n in range(50)))) == MAX_TERMS


def test_a_long_query_is_reported_as_truncated():
    assert is_truncated("x" * 5000)
    assert not is_truncated("fingerplan")


def test_operators_in_a_query_are_only_words():
    assert terms("a & b | !c <-> 'd':*") == ["a", "b", "c", "d"]


def test_the_tsquery_matches_every_word_and_the_last_as_a_prefix():
    assert tsquery(["zero", "growth"]) == "zero & growth:*"


def test_an_empty_query_gives_an_empty_tsquery():
    assert tsquery(terms("  -- ")) == ""
