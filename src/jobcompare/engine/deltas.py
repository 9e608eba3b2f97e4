"""Arithmetic on figures that never invents one: a difference only between exact
figures (a top-coded lower bound is never used as if exact), percentages only where a
ratio means something, extremes only where the order is certain, no binary noise."""

from __future__ import annotations

import math

from jobcompare.engine.results import Delta, DeltaUnit
from jobcompare.model import Amount, Degree
from jobcompare.registry.fields import Kind


def comparable(kind: Kind, value: object) -> float | None:
    """The figure to compare, or None when there is none or it is not exact."""
    if value is None:
        return None
    if isinstance(value, Amount):
        return None if value.at_least else float(value.value)
    if kind in (Kind.WEEKLY, Kind.COUNT, Kind.PERCENT, Kind.GROWTH, Kind.NUMBER) and isinstance(
        value, (int, float)
    ):
        return float(value)
    return None


def delta(kind: Kind, values: tuple[object, ...]) -> Delta | None:
    first, second = values
    if kind is Kind.DEGREE:
        # A share difference means something only for the same degree.
        if (
            isinstance(first, Degree)
            and isinstance(second, Degree)
            and first.name == second.name
            and first.share is not None
            and second.share is not None
        ):
            return Delta(clean(second.share - first.share), "points")
        return None
    a, b = comparable(kind, first), comparable(kind, second)
    if a is None or b is None:
        return None
    unit: DeltaUnit = {
        Kind.MONEY: "dollars",
        Kind.RATE: "dollars",
        Kind.WEEKLY: "dollars",
        Kind.COUNT: "count",
        Kind.PERCENT: "points",
        Kind.GROWTH: "points",
    }.get(kind, "number")  # type: ignore[assignment]
    ratio = relative_percent(b, a) if unit in ("dollars", "count") else None
    difference = finite(b - a)
    if difference is None:
        return None
    return Delta(clean(difference), unit, ratio, max(_places(first), _places(second)))


def _places(value: object) -> int:
    """How many decimals a figure is written with: 0 for 12, 1 for 3,391.0 and 42.3."""
    if isinstance(value, Amount):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, float):
        return 0
    text = repr(value)
    if "e" in text or "." not in text:
        return 0
    return min(len(text.split(".")[1]), 6)


#: A relative difference beyond this many percent (ten thousand times) says nothing a
#: reader can use, and only a near-zero base gives one: it is left out as not meaningful.
MAX_PERCENT = 1_000_000.0


def finite(value: float) -> float | None:
    """``value`` when it is a finite figure; None (not meaningful) when arithmetic on
    extreme figures overflowed."""
    return value if math.isfinite(value) else None


def relative_percent(new: float, base: float) -> float | None:
    """How much ``new`` is above (or below) ``base``, in percent of ``base``; None when
    that is not meaningful: a zero base, an overflow, or beyond MAX_PERCENT."""
    if not base:
        return None
    try:
        ratio = (new - base) / base * 100
    except (OverflowError, ZeroDivisionError):
        return None
    return ratio if math.isfinite(ratio) and abs(ratio) <= MAX_PERCENT else None


def clean(value: float) -> float:
    """Undo binary noise: 73.4 - 88.0 is -14.6, not -14.599999999999994."""
    return round(value, 6)


def extremes(kind: Kind, values: tuple[object, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(roles with the highest figure, roles with the lowest), when the figures differ and
    the order is certain: a lower bound ("≥ $239,200") is above every exact figure it
    exceeds, but two bounds, or a bound below an exact figure, cannot be ordered."""
    exact = [comparable(kind, v) for v in values]
    bounds = [float(v.value) if isinstance(v, Amount) and v.at_least else None for v in values]
    known = [f for f in exact if f is not None]
    bound = [b for b in bounds if b is not None]
    if len(known) + len(bound) < 2:
        return (), ()
    if bound:
        if len(bound) > 1 or (known and max(known) >= bound[0]):
            return (), ()
        highest = tuple(i for i, b in enumerate(bounds) if b is not None)
        lowest = tuple(i for i, f in enumerate(exact) if known and f == min(known))
        return highest, lowest
    if len(set(known)) == 1:
        return (), ()
    top, bottom = max(known), min(known)
    return (
        tuple(i for i, f in enumerate(exact) if f == top),
        tuple(i for i, f in enumerate(exact) if f == bottom),
    )
