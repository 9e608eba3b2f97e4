"""The labelled figures of a salary chart's axis, for the terminal and the HTML page alike:
round figures between the axis's two ends, as many as fit beside the ends' own labels at
the axis's width, at every width at least one wherever one fits. No Rich here."""

from __future__ import annotations

import math
from collections.abc import Callable

from jobcompare.model import Amount


def tick_amount(tick: float) -> Amount:
    """A labelled figure as an amount to write: a whole one without decimals."""
    return Amount(int(tick) if float(tick).is_integer() else tick)


#: Steps between labelled ticks, per power of ten: round figures a reader adds up.
_STEPS = (1, 2, 2.5, 5)


def _series(low: float, high: float) -> list[list[float]]:
    """Every regular series of round figures strictly between ``low`` and ``high``, from
    the finest step to the coarsest (at most a few dozen figures each)."""
    if high <= low:
        return []
    power = 10 ** math.floor(math.log10(high - low))
    found = []
    for scale in (power / 100, power / 10, power, power * 10):
        for step in _STEPS:
            size = step * scale
            first = math.floor(low / size) * size + size
            count = int((high - first) / size) + 1
            if count > 40:
                continue
            ticks = [first + i * size for i in range(count)]
            ticks = [round(t, 10) for t in ticks if low < t < high]
            if ticks:
                found.append(ticks)
    return found


def labelled_ticks(
    low: float,
    high: float,
    length: float,
    ends: tuple[float, float],
    label: Callable[[float], tuple[float, float]],
    *,
    gap: float,
    most: int = 4,
) -> list[float]:
    """The round figures an axis of ``length`` (cells, or pixels) labels between its ends:
    each label where ``label(figure)`` puts it (its start and length, centred on the
    figure as the writer draws it), kept within the axis and ``gap`` from the ends'
    labels (``ends``: their lengths) and from each other. The
    finest regular series of at most ``most`` round figures, those of it that fit; when
    none of it fits (a narrow axis), the coarsest series of which one does: an axis is
    never labelled at its ends alone where a figure fits between them."""
    left, right = ends

    def fitting(series: list[float]) -> list[float]:
        taken = [(0.0, float(left)), (length - right, float(length))]
        placed: list[float] = []
        for tick in series:
            start, width = label(tick)
            start = max(0.0, min(start, length - width))
            end = start + width
            if not any(start < b + gap and a < end + gap for a, b in taken):
                taken.append((start, end))
                placed.append(tick)
        return placed[:most]

    found = _series(low, high)
    first = next((s for s in found if len(s) <= most), None)
    placed = fitting(first) if first is not None else []
    if placed or most < 1:
        return placed
    for series in reversed(found):
        placed = fitting(series)
        if placed:
            return placed
    return []
