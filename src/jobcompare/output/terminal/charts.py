"""Pictures drawn with text: bars of a share, and salary ranges on one common axis.

Every picture reads without colour (NO_COLOR, pipes): its shapes are characters, and
colour only adds emphasis. Lengths are comparable across roles because each picture uses
one scale for all of them.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from jobcompare import text as fmt
from jobcompare.model import Amount
from jobcompare.output.axis import labelled_ticks, tick_amount
from jobcompare.output.blocks import RangeChart, TrendChart
from jobcompare.output.terminal import plain
from jobcompare.text import safe

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
    """A bar of ``width`` cells for ``value`` on ``scale``, as a listing draws one."""
    return plain.bar(value / scale, width) if scale > 0 and width > 0 else ""


def range_chart(chart: RangeChart, width: int) -> list[Text]:
    """Each series' range, middle half, median and average on one axis."""
    pays = chart.series
    amounts = [a.value for pay in pays for a in pay.amounts()]
    low, high = min(amounts), max(amounts)
    # The whole width, but for a margin: a wide terminal gets a finer axis.
    cells = max(20, min(width - 2, max(64, width - 16)))
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
    ruler, labels = _axis(low, high, cells, left, right, show)
    lines += [Text("  " + ruler, "dim"), Text("  " + labels, "dim")]
    shown = [(glyphs, chart.span if glyphs == LEGEND[0][0] else meaning)
             for glyphs, meaning in LEGEND if set(glyphs) & used]  # fmt: skip
    lines += [Text("  " + line, "dim") for line in _legend([f"{g} {m}" for g, m in shown],
                                                          width - 2)]  # fmt: skip
    return lines


#: A year's mark on a trend chart.
POINT = "●"


def trend_chart(chart: TrendChart, width: int) -> list[Text]:
    """Each series' figures year by year on one axis: the series' label, then a line per
    year, its label ("2021") and a mark where the year's figure is ("—" when BLS
    published none; "▶" after a top-coded lower bound)."""
    amounts = [a.value for a in chart.amounts()]
    low, high = min(amounts), max(amounts)
    if high <= low:  # one figure, or all the same: an axis around it
        low, high = low * 0.9 if low > 0 else low - 1, high * 1.1 if high > 0 else high + 1
    label = max((len(p.label) for s in chart.series for p in s.points), default=0)
    margin = 2 + label + 1
    cells = max(20, min(width - margin - 2, max(60, width - margin - 12)))
    show = fmt.money if chart.per == "year" else fmt.rate

    def at(amount: Amount) -> int:
        return round((amount.value - low) / (high - low) * (cells - 1))

    lines: list[Text] = []
    used: set[str] = set()
    for series in chart.series:
        lines.append(Text(safe(series.label), style="bold"))
        for point in series.points:
            drawing = Text("  " + safe(point.label).ljust(label) + " ", "dim")
            if point.amount is None:
                drawing.append(fmt.MISSING, "dim")
            else:
                line = [" "] * (cells + 1)
                line[at(point.amount)] = POINT
                if point.amount.at_least:
                    line[at(point.amount) + 1] = MORE
                used.update(line)
                drawing.append("".join(line).rstrip(), "bold")
            lines.append(drawing)
    bound = any(a.at_least for a in chart.amounts() if a.value == high)
    left, right = show(Amount(low)), show(Amount(high, at_least=bound))
    ruler, labels = _axis(low, high, cells, left, right, show)
    pad = " " * margin
    lines += [Text(pad + ruler, "dim"), Text(pad + labels, "dim")]
    legend = [f"{POINT} {chart.what}"]
    if MORE in used:
        legend.append(f"{MORE} or more (top-coded)")
    lines += [Text(pad + line, "dim") for line in _legend(legend, width - margin)]
    return lines


def _axis(low: float, high: float, cells: int, left: str, right: str,
          show: Callable[[Amount], str]) -> tuple[str, str]:  # fmt: skip
    """A ruler under the ranges, ``┬`` at each labelled figure, and the labels: the two
    ends and a few round figures between, as many as fit with room between them (at
    least one, wherever one fits)."""

    def at(value: float) -> int:
        return round((value - low) / (high - low) * (cells - 1))

    ruler = ["─"] * cells
    label = [" "] * cells
    taken: list[tuple[int, int]] = []

    def place(text: str, start: int) -> bool:
        start = max(0, min(start, cells - len(text)))
        end = start + len(text)
        if any(start < b + 3 and a < end + 3 for a, b in taken):
            return False
        label[start:end] = text
        taken.append((start, end))
        return True

    place(left, 0)
    place(right, cells - len(right))
    ruler[0], ruler[-1] = "┬", "┬"
    widest = max(len(left), len(right))

    def said(tick: float) -> str:
        return show(tick_amount(tick))

    most = max(1, min(4, cells // (widest + 4) - 1))

    def label_at(tick: float) -> tuple[float, float]:
        size = len(said(tick))
        return at(tick) - size // 2, size

    for tick in labelled_ticks(low, high, cells, (len(left), len(right)), label_at,
                               gap=3, most=most):  # fmt: skip
        text = said(tick)
        if place(text, at(tick) - len(text) // 2):
            ruler[at(tick)] = "┬"
    return "".join(ruler), "".join(label).rstrip()


def _legend(entries: list[str], width: int) -> list[str]:
    """The legend's entries on as few lines as fit, never one split across two."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 3 + len(entry) <= width:
            lines[-1] += "   " + entry
        else:
            lines.append(entry)
    return lines
