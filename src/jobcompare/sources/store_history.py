"""An occupation's national OEWS figures year by year, read from the store: May 2021 to
May 2024 from BLS's national files (``oews_history``, importers/oews_history.py) and May
2025 from the time-series files (``oews_pay``'s national row, importers/oews.py).

Each year's figures come out exactly as BLS published them in that year's file: integers
scaled back, a value BLS marked ``*`` or ``**`` None with BLS's words for the mark, a
top-coded wage (``#``) as that year's top code with ``at_least``. Nothing is carried from
one year to another.

**Breaks** (:func:`split`; docs/history.md). Two neighbouring years belong to one series
when the occupation is in both years' files as a detailed occupation (its SOC code among
the rows BLS marks ``detailed``; All Occupations: ``total``) under the same title. A
series breaks where a year's file has no detailed row for the code (BLS published no
estimate for it, or only an aggregate: May 2022 has none for Prosthodontists, 29-1024),
and where BLS's title differs from the next year's: a change of title may be a change of
what the code covers. Titles are compared as written, except that "&" reads as "and" and
May 2025's titles (BLS's time-series file ``oe.occupation``, which holds at most 100
characters) may be a 100-character beginning of the year before's. The years before a
break are a series of their own; nothing is ever joined or compared across one.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.sources.store import NATION, NOT_PUBLISHED
from jobcompare.sources.store_types import Figure

if TYPE_CHECKING:
    from jobcompare.sources.store import Store

#: The figures of a year, in the store's column order, with their scale (as importers'):
#: hourly wages in cents, relative standard errors in tenths of a percent.
MEASURES: tuple[tuple[str, int], ...] = (
    ("employment", 1), ("hourly_mean", 100), ("annual_mean", 1),
    ("hourly_p10", 100), ("hourly_p25", 100), ("hourly_p50", 100), ("hourly_p75", 100),
    ("hourly_p90", 100),
    ("annual_p10", 1), ("annual_p25", 1), ("annual_p50", 1), ("annual_p75", 1),
    ("annual_p90", 1),
    ("employment_rse", 10), ("mean_rse", 10),
)  # fmt: skip
_COLUMNS = ", ".join(name for name, _ in MEASURES)
#: The year of the store's own OEWS release (importers/oews.py), the series' last.
LATEST = 2025
#: How a year's file names BLS's flags (its "Field Descriptions": 'Contains "TRUE" if
#: only annual wages are released', ... hourly ...).
_ONLY = {"annual": "ANNUAL", "hourly": "HOURLY"}
_TOP_RE = re.compile(
    r"equal to or greater than \$(?P<hourly>[0-9][0-9,]*\.[0-9]{2}) per hour"
    r" or \$(?P<annual>[0-9][0-9,]*) per year",
    re.IGNORECASE,
)


class YearSource(NamedTuple):
    """One year of the series: where its figures come from, and its top code."""

    year: int
    release: str  # "May 2021"
    #: The store source the year is read from: "oews-history" or "oews".
    source: str
    #: The file (2021-2024: "national_M2021_dl.xlsx") or release ("2025A01") read.
    file: str
    #: The top code: a wage BLS marks as at least this much (hourly in dollars, annual).
    top_hourly: float | None
    top_annual: int | None
    #: BLS's own words for it ("# = indicates a wage equal to or greater than ...").
    top_words: str | None


class YearPay(NamedTuple):
    """One occupation's national figures in one year's file, by measure name (see
    :data:`MEASURES`), each a :class:`Figure` with BLS's reason where it is None."""

    year: int
    title: str  # BLS's title of the occupation in that year's file
    figures: dict[str, Figure]
    #: BLS's ANNUAL and HOURLY flags in that year's file (None: the file has none: May
    #: 2025's time-series files say it by footnote 4 instead).
    annual_only: bool | None
    hourly_only: bool | None


def has_history(store: Store) -> bool:
    """Whether the store holds the May 2021–2024 national files (oews-history)."""
    return "oews_history" in store.tables


#: Each store's years, read once (the same for every role: ``table --all`` reads 831).
_YEARS: weakref.WeakKeyDictionary[Store, tuple[YearSource, ...]] = weakref.WeakKeyDictionary()


def years(store: Store) -> tuple[YearSource, ...]:
    """Every year the store holds, oldest first: the national files' (when imported) and
    May 2025."""
    held = _YEARS.get(store)
    if held is None:
        held = _YEARS[store] = _read_years(store)
    return held


def _read_years(store: Store) -> tuple[YearSource, ...]:
    found: list[YearSource] = []
    if has_history(store):
        marks = _marks(store)
        for year, release, file, hourly, annual in store.query(
            "SELECT year, release, file, top_hourly, top_annual FROM oews_history_year "
            "ORDER BY year"
        ):
            words = marks.get(int(year), {}).get("#")
            found.append(
                YearSource(int(year), str(release), "oews-history", str(file),
                           int(hourly) / 100, int(annual), f"# = {words}" if words else None)
            )  # fmt: skip
    top = next((t for t in _footnotes(store).values() if _TOP_RE.search(t)), None)
    matched = _TOP_RE.search(top) if top else None
    row = store.source_rows.get("oews")
    release = str(row[2]) if row is not None else f"May {LATEST}"
    code = release.split("(")[-1].rstrip(")") if "(" in release else release
    found.append(
        YearSource(
            LATEST,
            f"May {LATEST}",
            "oews",
            code,
            float(matched.group("hourly").replace(",", "")) if matched else None,
            int(matched.group("annual").replace(",", "")) if matched else None,
            top,
        )
    )
    return tuple(found)


def _footnotes(store: Store) -> dict[str, str]:
    if "oews_footnote" not in store.tables:
        return {}
    return {str(c): str(t) for c, t in store.query("SELECT code, text FROM oews_footnote")}


def _marks(store: Store) -> dict[int, dict[str, str]]:
    """year -> BLS's mark -> its words in that year's file."""
    found: dict[int, dict[str, str]] = {}
    for year, mark, text in store.query("SELECT year, mark, text FROM oews_history_mark"):
        found.setdefault(int(year), {})[str(mark)] = str(text)
    return found


def history(store: Store, soc: str) -> list[YearPay]:
    """The occupation's figures in every year's file that has it, oldest first (a year
    whose file has no row for it is simply not there: the engine says why)."""
    found: list[YearPay] = []
    if has_history(store):
        notes: dict[int, dict[str, str]] = {}
        for year, measure, mark in store.query(
            "SELECT year, measure, mark FROM oews_history_note WHERE soc = ?", (soc,)
        ):
            notes.setdefault(int(year), {})[str(measure)] = str(mark)
        marks = _marks(store) if notes else {}
        rows = store.query(
            f"SELECT year, title, {_COLUMNS}, annual_only, hourly_only, at_least "
            "FROM oews_history WHERE soc = ? ORDER BY year",
            (soc,),
        )
        for row in rows:
            year, title = int(row[0]), str(row[1])
            values = row[2 : 2 + len(MEASURES)]
            annual_only, hourly_only, at_least = (int(v) for v in row[2 + len(MEASURES) :])
            figures: dict[str, Figure] = {}
            for index, ((name, scale), raw) in enumerate(zip(MEASURES, values, strict=True)):
                if raw is None:
                    said = _reason(year, name, notes.get(year, {}).get(name), marks,
                                   bool(annual_only), bool(hourly_only))  # fmt: skip
                    figures[name] = Figure(None, reason=said)
                    continue
                value: int | float = raw if scale == 1 else raw / scale
                figures[name] = Figure(value, at_least >> index & 1 == 1)
            found.append(YearPay(year, title, figures, bool(annual_only), bool(hourly_only)))
    latest = _latest(store, soc)
    if latest is not None:
        found.append(latest)
    return found


def _reason(
    year: int,
    measure: str,
    mark: str | None,
    marks: dict[int, dict[str, str]],
    annual_only: bool,
    hourly_only: bool,
) -> str:
    """BLS's words for the mark in a year's file ("*  = indicates that a wage estimate is
    not available"), led by its flag when the occupation's wages are released one way
    only. Said without the year (the figure's place names it), so that one reason for
    several years is said once."""
    words = marks.get(year, {}).get(mark or "")
    only = "annual" if annual_only else "hourly" if hourly_only else None
    other = "hourly" if only == "annual" else "annual"
    if only is not None and measure.startswith(f"{other}_"):
        marked = f" and marks the figure {mark} ({words})" if words else ""
        return (
            f"BLS releases only {only} wages for this occupation: its national file flags it "
            f"{_ONLY[only]} = TRUE{marked}."
        )
    return f"BLS OEWS national file: {mark} = {words}." if words else NOT_PUBLISHED


def _latest(store: Store, soc: str) -> YearPay | None:
    """May 2025's national figures (the store's own OEWS release), None when the store
    has no such occupation."""
    titles = store.query("SELECT title FROM occupation WHERE soc = ?", (soc,))
    if not titles:
        return None
    pay = store.pay(soc, NATION)
    figures = {name: (pay or {}).get(name, Figure(None, reason=NOT_PUBLISHED))
               for name, _ in MEASURES}  # fmt: skip
    return YearPay(LATEST, str(titles[0][0]), figures, None, None)


#: How the reason for a year left out of a series begins (output/cells.py says it so).
LEFT_OUT = "Left out, before a break in the series"


class Break(NamedTuple):
    """Where a series ends and the next begins: the last year of the earlier one, the
    first of the later one, and why they are not joined."""

    before: int
    after: int
    reason: str


_SPACES = re.compile(r"\s+")
#: The most characters BLS's time-series file ``oe.occupation`` holds in a title.
TITLE_LIMIT = 100


def _plain(title: str) -> str:
    return _SPACES.sub(" ", title.replace("&", " and ")).strip().casefold()


def same_title(earlier: str, later: str) -> bool:
    """Whether two years' titles name the same occupation (module doc): equal with "&"
    read as "and", or the later one a cut to 100 characters of the earlier (May 2025's
    ``oe.occupation`` keeps no more)."""
    a, b = _plain(earlier), _plain(later)
    if a == b:
        return True
    return len(later) == TITLE_LIMIT and a.startswith(b + " ")


def split(
    points: Sequence[YearPay], soc: str, releases: dict[int, str]
) -> tuple[list[list[YearPay]], list[Break]]:
    """The points cut into series at every break (module doc), oldest first, with the
    breaks. ``releases``: every year the store holds (year -> "May 2021"), so that a year
    missing from the occupation's points is a break too."""
    by_year = {p.year: p for p in points}
    series: list[list[YearPay]] = []
    breaks: list[Break] = []
    run: list[YearPay] = []
    known = sorted(releases)
    for index, year in enumerate(known):
        point = by_year.get(year)
        if point is None:
            if run:
                later = next((y for y in known[index + 1 :] if y in by_year), None)
                if later is not None:
                    breaks.append(Break(run[-1].year, later, _absent(year, soc, releases, run)))
                series.append(run)
                run = []
            continue
        if run and not same_title(run[-1].title, point.title):
            before = run[-1]
            breaks.append(
                Break(
                    before.year,
                    year,
                    f"BLS's title changed between {releases[before.year]} ({before.title}) "
                    f"and {releases[year]} ({point.title}): what the code covers may have "
                    "changed, so the years before are not joined to the years after.",
                )
            )
            series.append(run)
            run = []
        run.append(point)
    if run:
        series.append(run)
    return series, breaks


def _absent(year: int, soc: str, releases: dict[int, str], run: list[YearPay]) -> str:
    return (
        f"BLS's {releases[year]} national file has no detailed row for {soc} "
        f"({run[-1].title}): BLS published no estimate for it that year, or only as part of "
        "a broader group, so the years before are not joined to the years after."
    )


def medians(store: Store, soc: str) -> tuple[dict[int, Figure], dict[int, Figure]]:
    """The annual and the hourly median of every year the store holds (year -> Figure),
    for the years of the series ending in May 2025; a year before a break, or missing
    from its file, is None with the reason."""
    held = years(store)
    releases = {y.year: y.release for y in held}
    points = history(store, soc)
    runs, breaks = split(points, soc, releases)
    current = runs[-1] if runs and runs[-1][-1].year == LATEST else []
    in_series = {p.year: p for p in current}
    first = current[0].year if current else LATEST + 1
    joined = next((k for k in breaks if k.after == first), None)
    annual: dict[int, Figure] = {}
    hourly: dict[int, Figure] = {}
    published = {p.year for p in points}
    for year in releases:
        point = in_series.get(year)
        if point is not None:
            annual[year], hourly[year] = point.figures["annual_p50"], point.figures["hourly_p50"]
            continue
        if year in published and joined is not None:
            why = f"{LEFT_OUT}: {joined.reason}"
        else:
            why = (
                f"BLS's {releases[year]} national file has no detailed row for {soc}: BLS "
                "published no estimate for it that year, or only as part of a broader group."
            )
        annual[year] = hourly[year] = Figure(None, reason=why)
    return annual, hourly
