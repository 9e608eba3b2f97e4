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
    if text.isprintable():  # the common case, checked in C: no control characters at all
        return text
    return _UNSAFE.sub("", text.replace("\t", " "))


def casual(title: str) -> str:
    """A title as it reads mid-sentence: "Patient Accounts" -> "patient accounts".

    Only words in plain title case are lowered, so "HIPAA" or "iOS" keep their spelling.
    """
    return " ".join(_casual_word(word) for word in title.split(" "))


#: Small words a Title Case name leaves in lower case ("Operation and Control").
_MINOR = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the",
                    "to", "with"})  # fmt: skip


def title_cased(names: Sequence[str]) -> bool:
    """Whether every name is written in plain Title Case: each word a capital and then
    lower-case letters (or a small word such as "and"), as the seed page's and O*NET's
    skill lists are. Such a list's capitals are its style, and a sentence lowers them
    (:func:`casual`); a list with any other spelling ("SQL", "iOS", "data entry") is
    spelled on purpose, and a sentence keeps it as it is."""
    return all(
        word in _MINOR or casual(word) != word for name in names for word in name.split(" ") if word
    )


def _casual_word(word: str) -> str:
    parts = word.split("-")  # "First-Line" is title case too
    if all(p[:1].isupper() and (p[1:].islower() or not p[1:]) for p in parts if p) and any(
        p[1:] for p in parts
    ):
        return word.lower()
    return word


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def with_article(noun: str) -> str:
    """ "a coordinator", "an analyst", and "an HR analyst" (an acronym is read by letters)."""
    first = noun.split(" ", 1)[0]
    if len(first) > 1 and first.isupper() and first.isalpha():
        vowel_sound = first[0] in "AEFHILMNORSX"
    else:
        vowel_sound = first[:1].lower() in "aeiou"
    return ("an " if vowel_sound else "a ") + noun


def plural(noun: str) -> str:
    """Regular English plural of the head noun: "coordinator" -> "coordinators",
    "surgeon (all other)" -> "surgeons (all other)", "clerk, except legal" -> "clerks, ..."."""
    qualified = re.search(r" \(|, except\b", noun)
    head, qualifier = (noun[: qualified.start()], noun[qualified.start() :]) if qualified else (
        noun, ""
    )  # fmt: skip
    if re.search(r"(s|x|z|ch|sh)$", head):
        head += "es"
    elif re.search(r"[^aeiou]y$", head):
        head = head[:-1] + "ies"
    else:
        head += "s"
    return head + qualifier


def possessive(plural_noun: str) -> str:
    """ "coordinators" -> "coordinators'", "people" -> "people's"."""
    return plural_noun + ("'" if plural_noun.endswith("s") else "'s")


def join_words(words: Sequence[str], *, oxford: bool = False, conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c" (or "a, b, and c" with ``oxford``; "or" for "and").

    Three or more names of which one has a comma ("dentists, general") are separated by
    semicolons, so that the list reads one way only: "a, b; c; and d"."""
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    if any("," in word for word in words):
        return "; ".join(words[:-1]) + f"; {conjunction} " + words[-1]
    return ", ".join(words[:-1]) + ("," if oxford else "") + f" {conjunction} " + words[-1]


#: ASCII stand-ins for the characters our output uses, for an output that cannot encode
#: them (as render's console does for tables).
STAND_INS = {
    "—": "-", "–": "-", "≥": ">=", "≤": "<=", "◆": "*", "•": "*", "…": "...", "▲": "^",
    "▼": "v", "─": "-", "├": "|", "┤": "|", "━": "=", "┃": "|", "●": "o", "▶": ">",
    "█": "#", "▏": "#", "▎": "#", "▍": "#", "▌": "#", "▋": "#", "▊": "#", "▉": "#",
    "’": "'", "‘": "'", "“": '"', "”": '"', "·": "-", "×": "x",
}  # fmt: skip
STAND_IN_ERRORS = "jobcompare-stand-in"


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    piece = error.object[error.start : error.end]
    return "".join(STAND_INS.get(c, "?") for c in piece), error.end


def use_stand_ins(stream: object) -> None:
    """Make ``stream`` (a text stream) write an ASCII stand-in, or "?", for each character
    its encoding lacks, instead of raising UnicodeEncodeError."""
    import codecs

    try:
        codecs.lookup_error(STAND_IN_ERRORS)
    except LookupError:
        codecs.register_error(STAND_IN_ERRORS, _stand_in)
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if not encoding.startswith("utf") and reconfigure is not None:
        reconfigure(errors=STAND_IN_ERRORS)
