"""Turning free text into search terms, the same way for documents and queries.

Framework-free, so it can be tested alone, and the same for both databases: each word is
stemmed with the Snowball stemmer of its language (Finnish, Swedish, Norwegian, Danish,
English), then folded to lower-case ASCII (ä→a, ø→o, æ→ae). Stemming comes first because
the Finnish stemmer needs ä and ö to find a word's ending.

A query word's language is not known, so it is stemmed in every language. Its stems
match a document's stems as prefixes ("joukkoliik" finds "joukkoliikent"), and shortened
by a few letters too: Finnish inflection gives one word several stems ("joukkoliikenteen"
→ "joukkoliikent", "joukkoliikenne" → "joukkoliik", "kasvusopimuksen" → "kasvusopimuks").
"""

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Stems match as prefixes when they keep PREFIX_MIN letters; the Finnish stem also as a
# prefix up to PREFIX_CUT letters shorter ("kasvusopimuks" → "kasvusopimu", the stem of
# "kasvusopimus"), and shortened by up to WHOLE_CUT letters (keeping WHOLE_MIN) as whole
# stems ("joukkoliikent" → "joukkoliik").
WHOLE_CUT, WHOLE_MIN = 3, 4
PREFIX_CUT, PREFIX_MIN = 2, 6

STEMMERS = {
    code: snowballstemmer.stemmer(algorithm)
    for code, algorithm in {
        "fi": "finnish",
        "sv": "swedish",
        "no": "norwegian",
        "da": "danish",
        "en": "english",
    }.items()
}

# Letters that Unicode does not decompose into a base letter and an accent.
FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss", "ł": "l"})
WORD = re.compile(r"[^\W_]+")


def normalise(text):
    """Lower case with accents removed and Nordic letters folded to ASCII."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(FOLDS))
    return "".join(char for char in text if not unicodedata.combining(char))


def words(text):
    """The lower-case words of a text, accents kept."""
    return WORD.findall(unicodedata.normalize("NFC", text.casefold()))


def stems(text, language):
    """The folded stems of the words of `text`, stemmed as `language` (a code of
    STEMMERS); words in a language without a stemmer are only folded."""
    if language not in STEMMERS:
        return [folded(word) for word in words(text)]
    return [stem(language, word) for word in words(text)]


# Documents repeat their words: each is stemmed and folded once per process.
@lru_cache(maxsize=200_000)
def stem(language, word):
    """The folded Snowball stem of a lower-case word."""
    return normalise(STEMMERS[language].stemWord(word))


@lru_cache(maxsize=200_000)
def folded(word):
    return normalise(word)


def terms(query):
    """The words of a query, lower case with accents kept, at most MAX_TERMS of them,
    duplicates removed."""
    return list(dict.fromkeys(words(query[:MAX_QUERY_LENGTH])))[:MAX_TERMS]


def is_truncated(query):
    """Whether `terms` had to leave part of the query out."""
    return len(query) > MAX_QUERY_LENGTH or len(dict.fromkeys(words(query))) > MAX_TERMS


class Alternatives(NamedTuple):
    prefixes: list  # stems a document stem may begin with
    whole: list  # stems a document stem may equal


def alternatives(term):
    """What a query word matches in a document: its stem in each language as a prefix
    (the Finnish one also shortened a little), and its Finnish stem shortened by up to
    WHOLE_CUT letters as whole stems."""
    word = normalise(term)
    found = {word} | {normalise(s.stemWord(term)) for s in STEMMERS.values()}
    # A stem much shorter than the word ("letbane" → Norwegian "letb") would match too much
    # as a prefix: it matches only as a whole stem.
    prefixes = {stem for stem in found if len(stem) >= min(PREFIX_MIN, len(word))}
    finnish = normalise(STEMMERS["fi"].stemWord(term))
    prefixes.update(
        finnish[:-cut] for cut in range(1, PREFIX_CUT + 1) if len(finnish) - cut >= PREFIX_MIN
    )
    # Finnish inflection changes the end of a stem ("joukkoliikenne" → "joukkoliik",
    # "joukkoliikenteen" → "joukkoliikent"): the Finnish stem, shortened, matches whole.
    whole = (found - prefixes) | {
        finnish[:-cut] for cut in range(1, WHOLE_CUT + 1) if len(finnish) - cut >= WHOLE_MIN
    }
    # A whole stem that one of the prefixes already matches adds nothing.
    whole = {stem for stem in whole if not any(stem.startswith(p) for p in prefixes)}
    # Nor does a prefix that begins with another prefix.
    prefixes = {p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes)}
    return Alternatives(sorted(prefixes), sorted(whole))


class Parsed(NamedTuple):
    text: str  # as given
    terms: list  # the words searched for
    truncated: bool  # whether part of the text was left out
    corrected_from: str = ""  # the words as typed, when a typo was corrected


def parse(query):
    """A search text, parsed once: its terms and whether any were left out."""
    return Parsed(query, terms(query), is_truncated(query))


def tsquery(query_terms):
    """A PostgreSQL tsquery (for the `simple` configuration over stems) that matches a
    document with every one of `query_terms`."""
    return " & ".join(_any_of(term, "'{}':*", "'{}'", " | ") for term in query_terms)


def fts_query(query_terms):
    """The same as `tsquery`, for SQLite's FTS5."""
    return " AND ".join(_any_of(term, '"{}"*', '"{}"', " OR ") for term in query_terms)


def _any_of(term, prefix, whole, joiner):
    found = alternatives(term)
    options = [prefix.format(p) for p in found.prefixes] + [whole.format(w) for w in found.whole]
    return "(" + joiner.join(options) + ")"


def trigrams(word):
    """The trigrams of a word as PostgreSQL's pg_trgm counts them (padded with two spaces
    before and one after), so both databases rank spelling corrections alike."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two words."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second) if first | second else 0.0
