"""Pay over time: an occupation's national OEWS figures per year, May 2021 to May 2025, as
BLS published them each year, in series that are never joined across a change of code or
title, and the change from the first to the last year of the series ending in May 2025
(``jobcompare history``; the rules are in docs/history.md).

**Breaks** (sources/store_history.py, ``split``): a series is never joined across a year
whose file has no detailed row for the code, nor across a change of BLS's title. The
years before a break are a series of their own, shown apart with the reason; no change is
ever computed across a break.

**Changes** (computed by jobcompare, not published by BLS), for the series ending in May
2025 only, from its first year to May 2025, for each measure in the occupation's unit
(a year's pay; an hour's for an occupation BLS pays by the hour only): the difference
(last minus first), the percent change ((last - first) / first x 100) and the compound
annual rate ((last / first) ^ (1 / years) - 1, in percent), both rounded to one decimal.
None, with the reason, where either end is not published, is a top-coded lower bound
(never used as if exact), or the series has a single year. Dollars are nominal: no price
index is applied.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from jobcompare.engine.deltas import clean, relative_percent
from jobcompare.registry.section import PERCENTILES
from jobcompare.sources.store_history import (
    LATEST,
    Break,
    YearPay,
    YearSource,
    history,
    split,
    years,
)

if TYPE_CHECKING:
    from jobcompare.model import Number, Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Figure

Unit = Literal["year", "hour"]

#: The measures a series shows (and changes), in order, with their labels: employment,
#: then pay in the occupation's unit ("mean" is the annual or the hourly mean).
SHOWN: tuple[tuple[str, str], ...] = (
    ("employment", "Employment"),
    ("mean", "Mean"),
    *PERCENTILES,
)

#: What is said with every series: the dollars' kind and BLS's caution (its words on the
#: OEWS pages), and that the changes are jobcompare's arithmetic.
NOMINAL = "Nominal dollars (not adjusted for inflation): jobcompare bundles no price index."
CAUTION = (
    "BLS cautions that OEWS estimates are not designed for comparisons over time: its "
    "methods, sample and occupational codes change from one year to the next. Each year "
    "is shown as BLS published it."
)
COMPUTED = (
    "Change (computed by jobcompare, not published by BLS): from the first year of the "
    "series ending in May 2025 to May 2025, the difference, the percent change and, "
    "yearly, the compound annual rate ((last / first) ^ (1 / years) - 1), both rounded to "
    "one decimal; none where either end is not published or is a top-coded lower bound."
)
NO_SOC = "a hand-written role has no SOC code: BLS publishes no series for it"


class Change(NamedTuple):
    """One measure's change over the series ending in May 2025 (jobcompare's arithmetic),
    or the reason there is none."""

    measure: str  # a SHOWN name
    first: int  # the year it is from
    last: int  # and to
    start: Number | None
    end: Number | None
    difference: Number | None = None  # end - start, in the measure's unit
    percent: float | None = None  # (end - start) / start x 100, one decimal
    per_year: float | None = None  # compound annual rate, percent, one decimal
    reason: str | None = None
    #: Whether ``start`` / ``end`` is a top-coded lower bound (then there is no change).
    start_at_least: bool = False
    end_at_least: bool = False


class Series(NamedTuple):
    """Neighbouring years of one occupation that no break separates, oldest first."""

    years: tuple[YearPay, ...]
    #: Ends in May 2025: the series the changes are computed for.
    current: bool
    changes: tuple[Change, ...] = ()

    @property
    def first(self) -> int:
        return self.years[0].year

    @property
    def last(self) -> int:
        return self.years[-1].year


class RoleHistory(NamedTuple):
    slug: str
    title: str
    soc: str | None
    unit: Unit
    #: Oldest first; the last ends in May 2025 (``current``).
    series: tuple[Series, ...]
    breaks: tuple[Break, ...] = ()
    #: Why the role has no series at all (a hand-written role without a SOC code).
    reason: str | None = None

    @property
    def current(self) -> Series | None:
        return next((s for s in self.series if s.current), None)


class History(NamedTuple):
    """``jobcompare history``: each role's series, and the years' sources."""

    roles: tuple[RoleHistory, ...]
    years: tuple[YearSource, ...]
    #: The citation of every year: "May 2021: U.S. Bureau of Labor Statistics, ..."
    sources: tuple[str, ...]


def figure_of(point: YearPay, measure: str, unit: Unit) -> Figure:
    """A SHOWN measure's figure in a year: employment, or pay in ``unit``."""
    if measure == "employment":
        return point.figures["employment"]
    prefix = "annual" if unit == "year" else "hourly"
    return point.figures[f"{prefix}_{measure}"]


def unit_of(points: Sequence[YearPay]) -> Unit:
    """A year's pay, or an hour's for an occupation BLS pays by the hour only: its latest
    year publishes an hourly mean and no annual one (BLS's footnote 4, HOURLY = TRUE)."""
    if not points:
        return "year"
    latest = points[-1].figures
    hourly_only = latest["annual_mean"].value is None and latest["hourly_mean"].value is not None
    return "hour" if hourly_only else "year"


def changes(series: Sequence[YearPay], unit: Unit) -> tuple[Change, ...]:
    """Each SHOWN measure's change over ``series`` (module doc)."""
    first, last = series[0], series[-1]
    found = []
    for measure, _ in SHOWN:
        start, end = figure_of(first, measure, unit), figure_of(last, measure, unit)
        base = Change(measure, first.year, last.year, start.value, end.value,
                      start_at_least=start.at_least, end_at_least=end.at_least)  # fmt: skip
        reason = _no_change(first, last, start, end)
        if reason is not None:
            found.append(base._replace(reason=reason))
            continue
        assert start.value is not None and end.value is not None
        a, b = float(start.value), float(end.value)
        years_apart = last.year - first.year
        difference: Number = clean(b - a)
        if isinstance(start.value, int) and isinstance(end.value, int):
            difference = int(difference)
        else:
            difference = round(difference, 2)
        percent = relative_percent(b, a)
        per_year = None
        if a > 0 and b > 0:
            rate = (b / a) ** (1 / years_apart) - 1
            per_year = round(rate * 100, 1) if math.isfinite(rate) else None
        found.append(
            base._replace(
                difference=difference,
                percent=None if percent is None else round(percent, 1),
                per_year=per_year,
            )
        )
    return tuple(found)


def _no_change(first: YearPay, last: YearPay, start: Figure, end: Figure) -> str | None:
    """Why a measure has no change over the series (None: it has one)."""
    if first.year == last.year:
        return "a single year: nothing to compare"
    for point, figure in ((first, start), (last, end)):
        if figure.value is None:
            return f"May {point.year}'s figure is not published"
        if figure.at_least:
            return f"May {point.year}'s figure is top-coded (a lower bound, never used as if exact)"
    return None


def role_history(store: Store, role: Role, releases: dict[int, str]) -> RoleHistory:
    """One role's series (module doc)."""
    if role.soc is None:
        return RoleHistory(role.slug, role.title, None, "year", (), reason=NO_SOC)
    points = history(store, role.soc)
    unit = unit_of(points)
    runs, breaks = split(points, role.soc, releases)
    series = tuple(
        Series(tuple(run), current=run[-1].year == LATEST,
               changes=changes(run, unit) if run[-1].year == LATEST else ())
        for run in runs
    )  # fmt: skip
    reason = None if series else f"the store holds no OEWS figures for {role.soc}"
    return RoleHistory(role.slug, role.title, role.soc, unit, series, tuple(breaks), reason)


def build_history(store: Store, roles: Sequence[Role]) -> History:
    """Every role's series, with the years' sources."""
    held = years(store)
    releases = {y.year: y.release for y in held}
    found = tuple(role_history(store, role, releases) for role in roles)
    return History(found, held, tuple(_citation(store, y) for y in held))


def _citation(store: Store, year: YearSource) -> str:
    """ "May 2021: BLS ... national estimates (national_M2021_dl.xlsx)"; May 2025 by the
    store's OEWS attribution (its release named)."""
    if year.source == "oews":
        return f"{year.release}: {store.oews_attribution()}"
    row = store.source_rows.get(year.source)
    name = str(row[1]) if row is not None else "BLS OEWS national estimates"
    return f"{year.release}: {name} ({year.file})"
