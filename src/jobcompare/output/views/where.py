"""The where view: a ranking of areas as a listing (a bar beside the figure ranked by),
with what the figures are, why some are missing and the sources; its JSON document
(``schema/areas.schema.json#/$defs/ranking``) and one CSV record per area."""

from __future__ import annotations

from typing import Any, NamedTuple

from jobcompare import __version__
from jobcompare import text as fmt
from jobcompare.engine.areas import ADJUSTED_NOTE, figure_reason
from jobcompare.engine.where import BY, Ranked, Ranking
from jobcompare.model import Amount
from jobcompare.output.blocks import Block, Document, Heading, Listing, NoteList, Paragraph
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.area_list import area_json
from jobcompare.output.views.encode import amount, figure_json
from jobcompare.output.views.shape import SCHEMA_VERSION
from jobcompare.sources.store import NOT_PUBLISHED
from jobcompare.sources.store_types import Figure
from jobcompare.text import capitalise


def lead(ranking: Ranking) -> str:
    """What the figures are, said above the table."""
    hourly = (
        " BLS publishes no annual figures for this occupation: its hourly pay is shown"
        + (" and ranked." if ranking.by in ("median", "mean", "adjusted") else ".")
        if ranking.hourly
        else ""
    )
    bound = (
        " A figure shown as ≥ is top-coded by BLS and ranked at that lower bound."
        if ranking.top_coded
        else ""
    )
    state = "" if ranking.within is None else f" of {ranking.within.name}"
    crossing = (
        " A metro area that crosses state lines (its name ends with each state's postal "
        "code) is listed in each of its states."
        if ranking.crosses
        else ""
    )
    shown, total = len(ranking.areas), ranking.total
    by = BY[ranking.by][0].lower()
    which = (
        f"The top {shown} of {total} areas{state} with an estimate, by {by};"
        if shown < total
        else f"The one area{state} with an estimate, by {by};"
        if total == 1
        else f"All {total} areas{state} with an estimate, by {by};"
        if total
        else f"No area{state} has an estimate for this occupation in"
    )
    said = f"{which} BLS OEWS May 2025 (release 2025A01).{hourly}{bound}{crossing}"
    return f"{said} {ADJUSTED_NOTE}" if total else said


def _money(amount: Amount | None, hourly: bool) -> str:
    return fmt.rate(amount) if hourly else fmt.money(amount)


def _pay(figure: Figure, hourly: bool) -> str:
    found = figure.amount()
    return fmt.MISSING if found is None else _money(found, hourly)


def _number(figure: Figure) -> str:
    value = figure.value
    if value is None:
        return fmt.MISSING
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


class Line(NamedTuple):
    """One area's row as every writer shows it."""

    rank: str
    area: str
    median: str
    adjusted: str
    employment: str
    lq: str
    mean: str
    share: float | None  # the ranked figure as a fraction of the first's (the bar)


def _plain(value: Amount | float | None) -> float | None:
    if value is None:
        return None
    return value if isinstance(value, float) else float(value.value)


def lines(ranking: Ranking) -> list[Line]:
    figures = [_plain(item.key_value(ranking.by)) for item in ranking.areas]
    scale = max((f for f in figures if f is not None), default=0.0)
    out = []
    for item, number in zip(ranking.areas, figures, strict=True):
        out.append(
            Line(
                rank=str(item.rank) if item.rank is not None else fmt.MISSING,
                area=item.pay.area.name,
                median=_pay(item.figure(item.median), ranking.hourly),
                adjusted=_money(item.adjusted(), ranking.hourly),
                employment=_number(item.figure("employment")),
                lq=_number(item.figure("location_quotient")),
                mean=_pay(item.figure(item.measure("mean")), ranking.hourly),
                share=None if number is None or not scale else number / scale,
            )
        )
    return out


def _header(ranking: Ranking) -> list[str]:
    per = "hourly " if ranking.hourly else ""
    header = ["#", "Area", f"Median {per}pay", "Adjusted", "Employment", "LQ"]
    if ranking.by == "mean":
        header.append(f"Average {per}pay")
    return header


def _cells(line: Line, ranking: Ranking) -> list[str]:
    cells = [line.rank, line.area, line.median, line.adjusted, line.employment, line.lq]
    if ranking.by == "mean":
        cells.append(line.mean)
    return cells


def _bar_column(ranking: Ranking) -> int:
    """The column the bar is drawn beside: the one ranked by."""
    return {"median": 2, "adjusted": 3, "employment": 4, "lq": 5, "mean": 6}[ranking.by]


def _missing(item: Ranked, ranking: Ranking) -> list[tuple[str, str]]:
    """(figure, reason) for each figure the area's row lacks, as the notes say it."""
    shown = {item_measure: label for item_measure, label in (
        ("median", "median pay"), ("employment", "employment"),
        ("location_quotient", "location quotient"),
    )}  # fmt: skip
    if ranking.by == "mean":
        shown["mean"] = "average pay"
    found = []
    for key, label in shown.items():
        measure = item.median if key == "median" else item.measure("mean") if key == "mean" \
            else key  # fmt: skip
        figure = item.figure(measure)
        if figure.value is None:
            found.append((label, figure.reason or NOT_PUBLISHED))
    if item.parity.all_items is None and item.parity.reason:
        found.append(("adjusted pay", item.parity.reason))
    return found


def notes(ranking: Ranking) -> list[str]:
    """Why figures are missing (per reason, naming the areas), and the sources."""
    missing: dict[tuple[str, str], list[str]] = {}
    for item in ranking.areas:
        for label, reason in _missing(item, ranking):
            missing.setdefault((label, reason), []).append(item.pay.area.name)
    return [
        f"{capitalise(label)} in {'; '.join(dict.fromkeys(names))} — {reason}"
        for (label, reason), names in missing.items()
    ]


def sources(ranking: Ranking) -> list[str]:
    return [s for s in (ranking.oews, ranking.rpp) if s]


CSV_HEADER = (
    "rank", "area_code", "area", "type", "median", "median_bound", "adjusted",
    "adjusted_bound", "rpp", "employment", "location_quotient", "mean", "mean_bound", "unit",
    "missing",
)  # fmt: skip


def records(ranking: Ranking) -> Records:
    """One record per area and nothing else, so that every column keeps one type: why a
    figure is missing is in the row's own "missing" column; the sources are in the JSON
    and ``jobcompare sources``."""
    unit = "USD/hour" if ranking.hourly else "USD/year"
    rows = []
    for item in ranking.areas:
        median, mean = item.figure(item.median), item.figure(item.measure("mean"))
        adjusted = item.adjusted()
        jobs, lq = item.figure("employment"), item.figure("location_quotient")
        rows.append((
            item.rank, item.pay.area.code, item.pay.area.name, item.pay.area.type,
            median.value, "at_least" if median.at_least else "",
            None if adjusted is None else adjusted.value,
            "at_least" if adjusted is not None and adjusted.at_least else "",
            item.parity.all_items, jobs.value, lq.value,
            mean.value, "at_least" if mean.at_least else "", unit,
            "; ".join(f"{label}: {reason}" for label, reason in _missing(item, ranking)),
        ))  # fmt: skip
    return Records(CSV_HEADER, tuple(rows))


def document(ranking: Ranking, options: Options) -> Document:
    """The title, what the figures are, the ranking (a bar beside the figure ranked by),
    why figures are missing, and the sources."""
    header = _header(ranking)
    shown = lines(ranking)
    blocks: list[Block] = [Heading(ranking.title, 1), Paragraph(lead(ranking), "lead")]
    if shown:  # nothing to rank: the lead says so, and no empty table is drawn
        blocks.append(Listing(
            tuple(header),
            tuple(tuple(_cells(line, ranking)) for line in shown),
            right=tuple(i for i in range(len(header)) if i != 1),
            wrap=1,
            bars=tuple(line.share for line in shown) if options.charts else (),
            bar_after=_bar_column(ranking),
            stack_lead=2,
            labelled=True,
        ))  # fmt: skip
    found = notes(ranking)
    if found:
        blocks.append(NoteList("Not published", tuple(found)))
    blocks.append(NoteList("Sources", tuple(sources(ranking))))
    return Document(ranking.title, tuple(blocks))


def data(ranking: Ranking) -> dict[str, Any]:
    """Schema: ``schema/areas.schema.json#/$defs/ranking``."""
    areas = []
    for item in ranking.areas:
        figures = {
            "median": item.figure(item.median),
            "mean": item.figure(item.measure("mean")),
            "employment": item.figure("employment"),
            "location_quotient": item.figure("location_quotient"),
            "jobs_per_1000": item.figure("jobs_per_1000"),
        }
        unpublished = {}
        for key, figure in figures.items():
            reason = figure_reason(figure)
            if reason is not None:
                unpublished[key] = reason
        areas.append({
            "rank": item.rank,
            "area": area_json(item.pay.area),
            **{key: figure_json(figure) for key, figure in figures.items()},
            "unpublished": unpublished,
            "rpp": {"all_items": item.parity.all_items, "reason": item.parity.reason},
            "adjusted": amount(item.adjusted()),
        })  # fmt: skip
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "kind": "area-ranking",
        "title": ranking.title,
        "role": {"slug": ranking.role.slug, "title": ranking.role.title,
                 "soc": ranking.role.soc},
        "by": ranking.by,
        "area_type": ranking.kind,
        "state": None if ranking.within is None else area_json(ranking.within),
        "per": "hour" if ranking.hourly else "year",
        "total": ranking.total,
        "areas": areas,
        "notes": notes(ranking),
        "sources": sources(ranking),
    }  # fmt: skip
