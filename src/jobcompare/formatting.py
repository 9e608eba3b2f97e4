"""Figures as people read them: $35,695, $17.16, 148,258, 34%, 12.0%, — for missing.

Shares keep the precision the source gave them: an integer share prints as ``34%`` and a
float as written (``12.0%``), because ``12.0`` and ``12`` are different claims.
"""

from __future__ import annotations

from jobcompare.model import Amount, Degree, Number, SalaryRange, TimeToBecome

MISSING = "—"


def money(amount: Amount | None) -> str:
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


def rate(amount: Amount | None) -> str:
    """An hourly rate, always to the cent."""
    if amount is None:
        return MISSING
    text = f"${amount.value:,.2f}"
    return f"≥ {text}" if amount.at_least else text


def salary_range(value: SalaryRange | None) -> str:
    if value is None:
        return MISSING
    return f"{money(value.min)} – {money(value.max)}"


def count(value: int | None) -> str:
    return MISSING if value is None else f"{value:,}"


def number(value: Number | None) -> str:
    """A plain figure as the source wrote it: 46, 12, 3.5."""
    if value is None:
        return MISSING
    if value == 0:
        value = abs(value)  # never "-0.0"
    return f"{value:,}"  # a float as Python prints it, grouped: 3,391.0, 4.12


def percent(value: Number | None) -> str:
    return MISSING if value is None else f"{number(value)}%"


def degree(value: Degree | None) -> str:
    if value is None:
        return MISSING
    return value.name if value.share is None else f"{value.name}, {percent(value.share)}"


def duration(value: TimeToBecome | None) -> str:
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
