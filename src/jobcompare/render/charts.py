"""Pictures drawn with text: bars of a share, and salary ranges on one common axis.

Every picture reads without colour (NO_COLOR, pipes): its shapes are characters, and
colour only adds emphasis. Lengths are comparable across roles because each picture uses
one scale for all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from jobcompare import formatting as fmt
from jobcompare.model import Amount, Role
from jobcompare.text import safe

_EIGHTHS = " ▏▎▍▌▋▊▉"

RANGE, BAND, MEDIAN, AVERAGE, MORE = "─", "━", "┃", "●", "▶"
STYLES = {RANGE: "cyan", "├": "cyan", "┤": "cyan", BAND: "bold cyan", MEDIAN: "bold",
          AVERAGE: "bold green", MORE: "cyan"}  # fmt: skip
LEGEND = (
    ("├─┤", "10th–90th percentile"),
    (BAND, "25th–75th"),
    (MEDIAN, "median"),
    (AVERAGE, "average"),
    (MORE, "or more"),
)


def bar(value: float, scale: float, width: int) -> str:
    """A bar of ``width`` cells for ``scale``, in eighths of a cell; a share above zero is
    never drawn as nothing."""
    if scale <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(min(value / scale, 1.0) * width * 8))
    whole, part = divmod(eighths, 8)
    return "█" * whole + (_EIGHTHS[part] if part else "")


@dataclass(frozen=True)
class _Pay:
    """One role's figures on the salary axis (None where the role has none)."""

    low: Amount | None
    high: Amount | None
    p25: Amount | None
    median: Amount | None
    p75: Amount | None
    average: Amount | None

    def amounts(self) -> list[Amount]:
        return [a for a in (self.low, self.high, self.p25, self.median, self.p75,
                            self.average) if a is not None]  # fmt: skip


def _pay(role: Role) -> _Pay:
    salary = role.salary
    percentiles = salary.percentiles
    low = salary.range.min if salary.range else percentiles.p10 if percentiles else None
    high = salary.range.max if salary.range else percentiles.p90 if percentiles else None
    return _Pay(
        low=low,
        high=high,
        p25=percentiles.p25 if percentiles else None,
        median=percentiles.p50 if percentiles else None,
        p75=percentiles.p75 if percentiles else None,
        average=salary.average,
    )


def salary_chart(roles: Sequence[Role], width: int) -> list[Text]:
    """Each role's salary range, middle half, median and average on one axis; empty when
    fewer than one role has a range to draw."""
    pays = [_pay(role) for role in roles]
    amounts = [a.value for pay in pays for a in pay.amounts()]
    if not any(p.low and p.high for p in pays) or min(amounts) == max(amounts):
        return []
    low, high = min(amounts), max(amounts)
    cells = max(20, min(width - 2, 64))

    def at(amount: Amount) -> int:
        return round((amount.value - low) / (high - low) * (cells - 1))

    lines: list[Text] = []
    used: set[str] = set()
    for role, pay in zip(roles, pays, strict=True):
        # One cell past the axis, for the arrow of a top-coded figure ("or more").
        line = [" "] * (cells + 1)
        if pay.low and pay.high:
            for i in range(at(pay.low), at(pay.high) + 1):
                line[i] = RANGE
            line[at(pay.low)] = "├"
            line[at(pay.high)] = "┤"
        if pay.p25 and pay.p75:
            for i in range(at(pay.p25), at(pay.p75) + 1):
                line[i] = BAND
        if pay.median:
            line[at(pay.median)] = MEDIAN
        if pay.average:
            line[at(pay.average)] = AVERAGE
        if any(a.at_least for a in pay.amounts()):
            line[max(at(a) for a in pay.amounts() if a.at_least) + 1] = MORE
        used.update(line)
        drawing = Text("  ")
        for glyph in line:
            drawing.append(glyph, STYLES.get(glyph, ""))
        lines += [Text(safe(role.title), style="bold"), drawing]
    top_is_bound = any(a.at_least for pay in pays for a in pay.amounts() if a.value == high)
    left, right = fmt.money(Amount(low)), fmt.money(Amount(high, at_least=top_is_bound))
    lines.append(Text("  " + left + " " * max(1, cells - len(left) - len(right)) + right, "dim"))
    shown = [(glyphs, meaning) for glyphs, meaning in LEGEND if set(glyphs) & used]
    lines.append(Text("  " + "   ".join(f"{g} {m}" for g, m in shown), "dim"))
    return lines
