"""How sure: whether two survey estimates differ by more than the survey's margin.

BLS OEWS publishes, for each estimate of employment and of the mean wage, its percent
relative standard error (PRSE): the estimate's standard error as a percent of the
estimate. Two estimates ``a`` and ``b``, with standard errors ``se = PRSE / 100 * estimate``,
differ significantly at the 90% level when

    |a - b| > 1.645 * sqrt(se_a**2 + se_b**2)

and otherwise the difference is *within the survey's margin*: the survey cannot tell
them apart (1.645 is the standard normal's two-sided 90% point). The two estimates are
taken as independent, as BLS's own test of two estimates does.

Computed exactly: the figures and errors as the decimals BLS prints them (rationals, no
binary rounding), and the squares of both sides compared (no square root), so that a
difference exactly on the bound is within it. Unknown (None) when either figure or its
error is missing, or when a figure is a top-coded lower bound ("$239,200 or more" is not
the estimate: BLS publishes no mean above its top code).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from jobcompare.model import Amount

#: The standard normal's two-sided 90% point.
Z_90 = Fraction(1645, 1000)


def _exact(value: object) -> Fraction | None:
    """A figure (or an error) as the decimal it is written as; None when there is none,
    or it is only a lower bound."""
    if isinstance(value, Amount):
        if value.at_least:
            return None
        value = value.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Fraction(str(value))


def within_margin(a: object, rse_a: object, b: object, rse_b: object) -> bool | None:
    """Whether ``a`` and ``b`` (figures with their percent relative standard errors) are
    within the survey's margin of each other: not significantly different at 90%. None
    when that is unknown (a figure or an error missing, negative, or a lower bound)."""
    x, y, ex, ey = _exact(a), _exact(b), _exact(rse_a), _exact(rse_b)
    if x is None or y is None or ex is None or ey is None or min(x, y, ex, ey) < 0:
        return None
    se_a, se_b = ex / 100 * x, ey / 100 * y
    gap = x - y
    return gap * gap <= Z_90 * Z_90 * (se_a * se_a + se_b * se_b)


def margins(values: Sequence[object], errors: Sequence[object]) -> tuple[bool | None, ...]:
    """For each figure, whether it is within the survey's margin of the first one (the
    first's own entry is None): differences are against the first role, or area."""
    if len(values) < 2:
        return ()
    first, error = values[0], errors[0]
    later = zip(values[1:], errors[1:], strict=True)
    return (None, *(within_margin(first, error, v, e) for v, e in later))


def apart(values: Sequence[object], errors: Sequence[object], i: int, j: int) -> bool | None:
    """Whether figures ``i`` and ``j`` of ``values`` differ beyond the survey's margin:
    False when they are within it, None when that is unknown."""
    within = within_margin(values[i], errors[i], values[j], errors[j])
    return None if within is None else not within
