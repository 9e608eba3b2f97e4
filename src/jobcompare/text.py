"""Text: making data safe for a terminal, the little English the sentences need, and
figures as people read them ($35,695, $17.16, 148,258, 34%, 12.0%, — for missing).

Shares keep the precision the source gave them: an integer share prints as ``34%`` and a
float as written (``12.0%``), because ``12.0`` and ``12`` are different claims.

The ground floor: nothing of jobcompare is imported here (the model's values are read by
their shape), so every layer may use it. No Rich.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

# C0 and C1 controls (but tab and newline), DEL, and the bidirectional overrides that can
# make a line read differently from what it holds.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """``text`` with every terminal control character removed (tabs become spaces)."""
    if text.isprintable():  # the common case, checked in C: no control characters at all
        return text
    return _UNSAFE.sub("", text.replace("\t", " "))


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """ "Bill and Account Collectors" -> "bill-and-account-collectors"."""
    return _NOT_ALNUM.sub("-", text.lower()).strip("-")


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


# -- figures as people read them --------------------------------------------------------


if TYPE_CHECKING:  # the shapes the helpers below read (a Protocol costs start-up)
    from datetime import date

    class _Amount(Protocol):
        """A sum of money (model.Amount): its value, and whether it is a lower bound."""

        @property
        def value(self) -> int | float: ...

        @property
        def at_least(self) -> bool: ...

    class _Range(Protocol):
        @property
        def min(self) -> _Amount: ...

        @property
        def max(self) -> _Amount: ...

    class _Degree(Protocol):
        @property
        def name(self) -> str: ...

        @property
        def share(self) -> int | float | None: ...

    class _Duration(Protocol):
        @property
        def min_months(self) -> int: ...

        @property
        def max_months(self) -> int: ...


MISSING = "—"


def money(amount: _Amount | None) -> str:
    """A yearly sum: whole dollars unless the source gave cents."""
    if amount is None:
        return MISSING
    value = amount.value
    text = (
        f"${value:,.2f}"
        if isinstance(value, float) and not value.is_integer()
        else f"${value:,.0f}"
    )
    return f"≥ {text}" if amount.at_least else text


def rate(amount: _Amount | None) -> str:
    """An hourly rate, always to the cent."""
    if amount is None:
        return MISSING
    text = f"${amount.value:,.2f}"
    return f"≥ {text}" if amount.at_least else text


def weekly(value: float | None) -> str:
    """A week's pay, said as one so that it is never read as a year's: "$1,261 a week"."""
    if value is None:
        return MISSING
    text = f"${value:,.2f}" if not float(value).is_integer() else f"${value:,.0f}"
    return f"{text} a week"


def salary_range(value: _Range | None) -> str:
    if value is None:
        return MISSING
    return f"{money(value.min)} – {money(value.max)}"


def whole(value: float) -> int | float:
    """12.0 -> 12: a difference or a count written without a needless decimal."""
    return int(value) if float(value).is_integer() else value


def count(value: int | None) -> str:
    return MISSING if value is None else f"{value:,}"


def number(value: int | float | None) -> str:
    """A plain figure as the source wrote it: 46, 12, 3.5."""
    if value is None:
        return MISSING
    if value == 0:
        value = abs(value)  # never "-0.0"
    return f"{value:,}"  # a float as Python prints it, grouped: 3,391.0, 4.12


def percent(value: int | float | None) -> str:
    return MISSING if value is None else f"{number(value)}%"


def degree(value: _Degree | None) -> str:
    if value is None:
        return MISSING
    return value.name if value.share is None else f"{value.name}, {percent(value.share)}"


def duration(value: _Duration | None) -> str:
    """6-12 months; whole years when both ends are whole years (1-2 years)."""
    if value is None:
        return MISSING
    low, high = value.min_months, value.max_months
    if low % 12 == 0 and high % 12 == 0 and high >= 12:
        low, high, unit = low // 12, high // 12, "years"
    else:
        unit = "months"
    if low == high:
        singular = unit[:-1] if low == 1 else unit
        return f"{low} {singular}"
    return f"{low}-{high} {unit}"


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


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def long_date(day: date) -> str:
    """A date as a page says it, whatever the locale: "6 December 2026"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def prepared_line(prepared_for: str | None, day: date | None) -> str:
    """What a handed-over page says under its title: "Prepared for Maria · 6 December
    2026", the date alone, or "" for neither."""
    said = [f"Prepared for {prepared_for}" if prepared_for else "",
            long_date(day) if day is not None else ""]  # fmt: skip
    return " · ".join(s for s in said if s)
