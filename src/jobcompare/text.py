"""Plain-text helpers: making data safe for a terminal, and the little English the
summary sentences need. No Rich here: the JSON writer and error messages use these too."""

from __future__ import annotations

import re
from collections.abc import Sequence

# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides that can
# make a line read differently from what it holds.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """``text`` with every terminal control character removed (tabs become spaces)."""
    return _UNSAFE.sub("", text.replace("\t", " "))


def casual(title: str) -> str:
    """A title as it reads mid-sentence: "Patient Accounts" -> "patient accounts".

    Only words in plain title case are lowered, so "HIPAA" or "iOS" keep their spelling.
    """
    return " ".join(
        word.lower() if word[:1].isupper() and word[1:].islower() else word
        for word in title.split(" ")
    )


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def with_article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def plural(noun: str) -> str:
    """Regular English plural of the last word: coordinator -> coordinators."""
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def possessive_plural(noun: str) -> str:
    return plural(noun) + "'"


def join_words(words: Sequence[str], *, oxford: bool = False) -> str:
    """ "a", "a and b", "a, b and c" (or "a, b, and c" with ``oxford``)."""
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + ("," if oxford else "") + " and " + words[-1]
