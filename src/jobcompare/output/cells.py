"""A figure of a declared kind as a table cell shows it ("$35,695", "—"), a difference
("+$2,243 (+6.3%)"), and the marks tables use. No Rich, so every view shares them."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from jobcompare import text as fmt
from jobcompare.engine.results import Delta
from jobcompare.model import (
    Amount,
    Degree,
    Exposure,
    Place,
    SalaryRange,
    Technology,
    TimeToBecome,
)
from jobcompare.registry.fields import Kind


def _as(kind_type: type, show: Callable[..., str]) -> Callable[[object], str]:
    def display(value: object) -> str:
        return show(value) if isinstance(value, kind_type) else fmt.MISSING

    return display


def _number(value: object) -> str:
    return fmt.number(value) if isinstance(value, (int, float)) else fmt.MISSING


def _percent(value: object) -> str:
    return fmt.percent(value) if isinstance(value, (int, float)) else fmt.MISSING


#: What a place is called beside its name when the name alone would mislead.
PLACE_QUALIFIERS = {"district": " (not a state)", "territory": " (a U.S. territory)"}


def _place(value: object) -> str:
    """ "San Jose-Sunnyvale-Santa Clara, CA: $216,740", "District of Columbia (not a state):
    $150,000" (the average annual wage there; — when BLS published none)."""
    if not isinstance(value, Place):
        return fmt.MISSING
    return f"{value.name}{PLACE_QUALIFIERS.get(value.kind, '')}: {fmt.money(value.pay)}"


def _weekly(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return fmt.MISSING
    return fmt.weekly(value)


def exposure_score(value: Exposure) -> str:
    """An AI exposure score on screen: two decimals ("0.46"); JSON and CSV keep every
    digit the authors publish (docs/ai-exposure.md)."""
    return f"{value.score:.2f}"


def _exposure(value: object) -> str:
    """ "0.46 · higher than 72%": the score, and the share of the occupations its measure
    rates that score strictly lower (rounded down: Exposure.higher_than)."""
    if not isinstance(value, Exposure):
        return fmt.MISSING
    return f"{exposure_score(value)} · higher than {value.higher_than}%"


def _text(value: object) -> str:
    return value if isinstance(value, str) else fmt.MISSING


_DISPLAY: dict[Kind, Callable[[object], str]] = {
    Kind.MONEY: _as(Amount, fmt.money),
    Kind.RATE: _as(Amount, fmt.rate),
    Kind.WEEKLY: _weekly,
    Kind.RANGE: _as(SalaryRange, fmt.salary_range),
    Kind.COUNT: _as(int, fmt.count),
    Kind.PERCENT: _percent,
    Kind.GROWTH: _percent,
    Kind.NUMBER: _number,
    Kind.TEXT: _text,
    Kind.PARAGRAPH: _text,
    Kind.DEGREE: _as(Degree, fmt.degree),
    Kind.DURATION: _as(TimeToBecome, fmt.duration),
    Kind.PLACE: _place,
    Kind.EXPOSURE: _exposure,
}

#: With three or four roles, what marks a row's highest and lowest figure.
HIGHEST_MARK, LOWEST_MARK = "▲", "▼"
#: What marks a skill every compared role lists.
SHARED_MARK = "◆"
#: What marks a difference (two columns), or a figure against the first column's (more),
#: within the survey's margin: not significant at 90% (engine/margin.py).
MARGIN_MARK = "≈"


def cell(kind: Kind, value: object) -> str:
    """One figure as shown in a table cell ("—" when missing)."""
    return _DISPLAY[kind](value)


def _trim(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _kept(value: float, places: int | None) -> str:
    """A difference with as many decimals as its figures (42.3 - 38.3: "4.0")."""
    if not places:
        return _trim(value)
    return f"{value:,.{places}f}"


def difference(delta: Delta | None, kind: Kind, *, plain: bool = False) -> str:
    """+$2,243 (+6.3%), +$1.08 (+6.3%), -108,145 (-73.0%), +14 pp, +2; "same" for none.
    ``plain``: in words for a handed-over page ("+14 points", not "pp")."""
    if delta is None:
        return ""
    if delta.value == 0:
        return "same"
    sign = "+" if delta.value > 0 else "-"
    size = abs(delta.value)
    if delta.unit == "dollars":
        whole = kind is not Kind.RATE and float(size).is_integer()
        text = f"{sign}${size:,.0f}" if whole else f"{sign}${size:,.2f}"
    elif delta.unit == "points":
        text = f"{sign}{_kept(size, delta.places)} {'points' if plain else 'pp'}"
    else:
        text = f"{sign}{_kept(size, delta.places)}"
    if delta.percent is not None:
        text += f" ({delta.percent:+,.1f}%)"
    return text


def technology_text(item: Technology) -> str:
    """An O*NET technology skill with its flags: "Docker (hot, in demand)"."""
    flags = [f for f, on in (("hot", item.hot), ("in demand", item.in_demand)) if on]
    return f"{item.name} ({', '.join(flags)})" if flags else item.name


#: BLS's footnote on an occupation paid one way only: which way is said by the row's kind.
_ONE_WAY = "reported either as hourly wages or annual salaries"


#: How the reason for a year left out of a pay series begins (a year BLS published, before
#: a break in the series: sources/store_history.py's LEFT_OUT): no figure is missing.
LEFT_OUT = "Left out, before a break in the series"


class _Known(NamedTuple):
    """A reason said in brief: a substring of the source's reason; what a cell says after
    "not published: "; what the concise page's "Not published" says after the source's
    name (None: the cell says no more, the note says it whole)."""

    marker: str
    cell: str | None
    note: str | None


#: The few reasons said in brief (JSON and --full keep every word), in one place.
_KNOWN_REASONS = (
    _Known("Recommend Suppress = Y", "low precision (O*NET)",
           "O*NET recommends suppressing it (low precision)"),
    _Known("base is less than 50,000", "too few in the survey (CPS)", None),
    _Known("most common level cannot be named", "a suppressed share could be the largest", None),
    # The cell says which way from its row's kind (withheld_text).
    _Known(_ONE_WAY, None, "BLS reports this occupation's pay by the hour or by the year only"),
)  # fmt: skip


#: A source's term in a reason, and what a handed-over page says instead.
_PLAIN_REASONS = (
    ("recommends suppressing this value (Recommend Suppress = Y: low precision",
     "advises against using this value (too imprecise"),
    ("suppresses their rating (Recommend Suppress = Y: low precision)",
     "finds their rating too imprecise"),
    ("O*NET suppresses the share of", "O*NET does not publish the share of"),
)  # fmt: skip


def plain_reason(reason: str) -> str:
    """A source's reason for a page handed to a reader, its database terms in words."""
    for term, words in _PLAIN_REASONS:
        reason = reason.replace(term, words)
    return reason


def withheld_text(reason: str | None, kind: Kind | None = None) -> str:
    """A cell's text for a figure its source did not publish: "not published", and with
    the ``reason``, what it says in brief ("not published: low precision (O*NET)"; for
    a yearly figure of an occupation BLS pays by the hour, "BLS reports hourly pay only")."""
    if reason is not None and reason.startswith(LEFT_OUT):
        return "left out (before a break)"
    if reason is not None and _ONE_WAY in reason and kind is not None:
        other = "yearly" if kind is Kind.RATE else "hourly"
        return f"not published: BLS reports {other} pay only"
    for known in _KNOWN_REASONS:
        if reason is not None and known.cell is not None and known.marker in reason:
            return f"not published: {known.cell}"
    return "not published"


def brief_reason(reason: str) -> str:
    """A reason as the concise page's "Not published" says it: its source as the reason
    names it, then a brief where one is known; else the whole reason."""
    for known in _KNOWN_REASONS:
        if known.note is not None and known.marker in reason:
            source, found, _ = reason.partition(": ")
            named = found and source.startswith(("O*NET", "BLS"))
            return f"{source}: {known.note}" if named else known.note
    return reason
