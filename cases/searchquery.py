"""Turning free text into search terms, the same way for documents and queries.

Framework-free, so it can be tested alone. Both databases see normalised text: lower case,
accents and Nordic letters folded (ä→a, ø→o, æ→ae), so "stadsmiljoavtal" finds
"stadsmiljöavtal" and the other way round.
"""

import re
import unicodedata
from typing import NamedTuple

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10

# Letters that Unicode does not decompose into a base letter and an accent.
FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ß": "ss", "ł": "l"})
WORD = re.compile(r"\w+")


def normalise(text):
    """Lower case with accents removed and Nordic letters folded to ASCII."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(FOLDS))
    return "".join(char for char in text if not unicodedata.combining(char))


def terms(query):
    """The normalised words of a query, at most MAX_TERMS of them, duplicates removed."""
    words = WORD.findall(normalise(query[:MAX_QUERY_LENGTH]).replace("_", " "))
    return list(dict.fromkeys(words))[:MAX_TERMS]


def is_truncated(query):
    """Whether `terms` had to leave part of the query out."""
    words = WORD.findall(normalise(query).replace("_", " "))
    return len(query) > MAX_QUERY_LENGTH or len(dict.fromkeys(words)) > MAX_TERMS


class Parsed(NamedTuple):
    text: str  # as given
    terms: list  # the words searched for
    truncated: bool  # whether part of the text was left out


def parse(query):
    """A search text, parsed once: its terms and whether any were left out."""
    return Parsed(query, terms(query), is_truncated(query))


def tsquery(words):
    """A PostgreSQL tsquery matching every word, the last one also as a prefix.

    The words come from `terms`, so they hold only word characters and need no quoting.
    """
    if not words:
        return ""
    return " & ".join([*words[:-1], f"{words[-1]}:*"])
