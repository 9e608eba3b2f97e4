"""Pictures drawn with text: bars of a share, and salary ranges on one common axis.

Every picture reads without colour (NO_COLOR, pipes): its shapes are characters, and
colour only adds emphasis. Lengths are comparable across roles because each picture uses
one scale for all of them.
"""

from __future__ import annotations

from rich.text import Text

from jobcompare import formatting as fmt
from jobcompare.model import Amount
from jobcompare.present import RangeChart
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


def range_chart(chart: RangeChart, width: int) -> list[Text]:
    """Each series' range, middle half, median and average on one axis."""
    pays = chart.series
    amounts = [a.value for pay in pays for a in pay.amounts()]
    low, high = min(amounts), max(amounts)
    cells = max(20, min(width - 2, 64))
    show = fmt.money if chart.per == "year" else fmt.rate

    def at(amount: Amount) -> int:
        return round((amount.value - low) / (high - low) * (cells - 1))

    lines: list[Text] = []
    used: set[str] = set()
    for pay in pays:
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
        lines += [Text(safe(pay.label), style="bold"), drawing]
    top_is_bound = any(a.at_least for pay in pays for a in pay.amounts() if a.value == high)
    left, right = show(Amount(low)), show(Amount(high, at_least=top_is_bound))
    lines.append(Text("  " + left + " " * max(1, cells - len(left) - len(right)) + right, "dim"))
    shown = [(glyphs, chart.span if glyphs == LEGEND[0][0] else meaning)
             for glyphs, meaning in LEGEND if set(glyphs) & used]  # fmt: skip
    lines.append(Text("  " + "   ".join(f"{g} {m}" for g, m in shown), "dim"))
    return lines
