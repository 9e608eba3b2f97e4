"""``jobcompare where ROLE``: the areas where one occupation pays best (or employs most).

The store ranks the occupation's rows (read through the primary key, one occupation's
rows only); a top-coded wage ranks at its lower bound ("≥ $239,200"). Ranking by
``adjusted`` divides each area's median by its BEA Regional Price Parity / 100; areas
without a parity (territories, nonmetropolitan areas) come last, with BEA's reason.

Writers for the terminal (Rich, imported only there), Markdown, CSV and JSON are here:
a ranking is one table, not a comparison's sections. No Rich at import time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from jobcompare.areas import ADJUSTED_NOTE, AreaError, adjust, area_json, csv_cell, kind_label
from jobcompare.text import capitalise

if TYPE_CHECKING:
    from jobcompare.model import Amount, Role
    from jobcompare.store import Figure, Store
    from jobcompare.store_types import AreaPay, Parity

#: --by choices: (label, store ranking key, annual measure, hourly measure).
BY = {
    "median": ("Median", "median", "annual_p50", "hourly_p50"),
    "mean": ("Average salary", "mean", "annual_mean", "hourly_mean"),
    "adjusted": ("Median, adjusted", "median", "annual_p50", "hourly_p50"),
    "employment": ("Employment", "employment", "employment", "employment"),
    "lq": ("Location quotient", "lq", "location_quotient", "location_quotient"),
}
KINDS = {"states": "state", "metros": "metro", "nonmetros": "nonmetro"}
DEFAULT_TOP = 20
_HOURLY_KEYS = {"median": "hourly_median", "mean": "hourly_mean"}


class Ranked(NamedTuple):
    """One area's place: its OEWS figures and its price parity."""

    rank: int | None  # None: no figure to rank by
    pay: AreaPay
    parity: Parity
    median: str  # the measure shown as "Median": annual_p50, or hourly_p50

    def figure(self, measure: str) -> Figure:
        return self.pay.figures[measure]

    def adjusted(self) -> Amount | None:
        return adjust(self.figure(self.median), self.parity, self.median)

    def key_value(self, by: str) -> Amount | float | None:
        """The figure ranked by (an Amount for pay, a number otherwise)."""
        from jobcompare.model import Amount

        if by == "adjusted":
            return self.adjusted()
        figure = self.figure(self.measure(by))
        if figure.value is None:
            return None
        if by in ("median", "mean"):
            return Amount(figure.value, figure.at_least)
        return float(figure.value)

    def measure(self, by: str) -> str:
        _, _, annual, hourly = BY[by]
        return hourly if self.median.startswith("hourly") else annual


class Ranking(NamedTuple):
    role: Role
    by: str
    kind: str | None  # state, metro, nonmetro, or None for all three
    hourly: bool  # ranked by hourly pay: BLS publishes no annual figure for the role
    areas: tuple[Ranked, ...]  # the first --top
    total: int  # how many areas have a row for the role (of that kind)
    oews: str
    rpp: str | None

    @property
    def title(self) -> str:
        where = {"state": "states", "metro": "metro areas", "nonmetro": "nonmetro areas"}.get(
            self.kind or "", "areas"
        )
        return f"Where {self.role.plural_noun} {_by_phrase(self.by)}: {where}"

    @property
    def top_coded(self) -> bool:
        """Whether some shown pay figure is a lower bound (BLS's top code)."""
        return any(
            item.figure(measure).at_least
            for item in self.areas
            for measure in (item.median, item.measure("mean"))
        )

    @property
    def lead(self) -> str:
        hourly = (
            " BLS publishes no annual figures for this occupation: its hourly pay is shown"
            + (" and ranked." if self.by in ("median", "mean", "adjusted") else ".")
            if self.hourly
            else ""
        )
        bound = (
            " A figure shown as ≥ is top-coded by BLS and ranked at that lower bound."
            if self.top_coded
            else ""
        )
        return (
            f"The top {len(self.areas)} of {self.total} areas with an estimate, by "
            f"{BY[self.by][0].lower()}; BLS OEWS May 2025 (release 2025A01).{hourly}{bound} "
            + ADJUSTED_NOTE
        )


def _by_phrase(by: str) -> str:
    return {
        "median": "are paid best",
        "mean": "are paid best on average",
        "adjusted": "are paid best for what money buys",
        "employment": "work most",
        "lq": "are most concentrated",
    }[by]


def rank(
    store: Store, role: Role, by: str = "median", kind: str | None = None, top: int = DEFAULT_TOP
) -> Ranking:
    """The areas of ``kind`` ranked by ``by`` for ``role`` (which needs a SOC code)."""
    from jobcompare.areas import NO_SOC

    if by not in BY:
        raise AreaError(f"cannot rank by '{by}': one of {', '.join(BY)}")
    if top < 1:
        raise AreaError("--top must be 1 or more")
    if not role.soc:
        raise AreaError(f"role '{role.slug}': {NO_SOC}")
    key = BY[by][1]
    rows = store.rank_areas(role.soc, key, kind)
    # An occupation BLS reports by the hour only has no annual pay anywhere: its hourly
    # pay is shown (and ranked, when ranking by pay) instead.
    hourly = all(r.figures["annual_p50"].value is None for r in rows) and any(
        r.figures["hourly_p50"].value is not None for r in rows
    )
    if hourly and key in _HOURLY_KEYS:
        rows = store.rank_areas(role.soc, _HOURLY_KEYS[key], kind)
    parities = store.parities()
    median = "hourly_p50" if hourly else "annual_p50"
    ranked = [Ranked(None, row, parities[row.area.code], median) for row in rows]
    if by == "adjusted":

        def order(item: Ranked) -> tuple[bool, float, int, str]:
            amount = item.adjusted()
            jobs = item.figure("employment").value
            return (
                amount is None,
                -float(amount.value) if amount is not None else 0.0,
                -int(jobs) if jobs is not None else 1,
                item.pay.area.code,
            )

        ranked.sort(key=order)
    numbered = []
    place = 0
    for item in ranked:
        value = item.key_value(by)
        if value is not None:
            place += 1
        numbered.append(Ranked(place if value is not None else None, item.pay, item.parity,
                               median))  # fmt: skip
    return Ranking(role, by, kind, hourly, tuple(numbered[:top]), len(numbered),
                   store.oews_attribution(), store.attribution("rpp"))  # fmt: skip


# -- figures as shown -------------------------------------------------------------------------


def _money(amount: Amount | None, hourly: bool) -> str:
    from jobcompare import formatting as fmt

    return fmt.rate(amount) if hourly else fmt.money(amount)


def _pay(figure: Figure, hourly: bool) -> str:
    from jobcompare import formatting as fmt
    from jobcompare.model import Amount

    if figure.value is None:
        return fmt.MISSING
    return _money(Amount(figure.value, figure.at_least), hourly)


def _number(figure: Figure) -> str:
    from jobcompare import formatting as fmt

    value = figure.value
    if value is None:
        return fmt.MISSING
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


class Line(NamedTuple):
    """One area's row as every writer shows it."""

    rank: str
    area: str
    kind: str
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
    from jobcompare import formatting as fmt

    figures = [_plain(item.key_value(ranking.by)) for item in ranking.areas]
    scale = max((f for f in figures if f is not None), default=0.0)
    out = []
    for item, number in zip(ranking.areas, figures, strict=True):
        out.append(
            Line(
                rank=str(item.rank) if item.rank is not None else fmt.MISSING,
                area=item.pay.area.name,
                kind=kind_label(item.pay.area),
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
            found.append((label, figure.reason or "Not published by BLS."))
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


# -- writers ----------------------------------------------------------------------------------


def print_table(ranking: Ranking, *, charts: bool = True) -> None:
    """The ranking for the terminal, with a bar beside the ranked figure. Plain aligned
    text, not a Rich table: a ranking of every area (~580 rows) draws in milliseconds."""
    import shutil

    from jobcompare.outputs import write_stdout

    width = shutil.get_terminal_size().columns
    write_stdout("".join(line + "\n" for line in table_lines(ranking, width, charts=charts)))


BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``share`` (0-1) of ``width`` cells, in eighths of a cell, as the charts
    draw them (render/charts.py, not imported: it loads Rich)."""
    if share <= 0:
        return ""
    eighths = max(1, round(min(share, 1.0) * width * 8))
    whole, part = divmod(eighths, 8)
    return "█" * whole + (_EIGHTHS[part] if part else "")


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, initial_indent=indent,
                         subsequent_indent=" " * len(indent)) or [""]  # fmt: skip


def table_lines(ranking: Ranking, width: int, *, charts: bool = True) -> list[str]:
    """Title, lead, the table (area names wrapped to fit ``width``), notes, sources."""
    from jobcompare.text import safe

    width = max(width, 40)
    header = _header(ranking)
    shown = lines(ranking)
    rows = [[safe(c) for c in _cells(line, ranking)] for line in shown]
    shares = [line.share for line in shown]
    column = _bar_column(ranking)
    if charts:
        header.insert(column + 1, "")
        for row, share in zip(rows, shares, strict=True):
            row.insert(column + 1, bar(share) if share is not None else "")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    others = sum(w for i, w in enumerate(widths) if i != 1) + 2 * (len(widths) - 1)
    if charts and width - others < 12:  # too narrow for the bars: the figures come first
        return table_lines(ranking, width, charts=False)
    if width - others < 12:  # too narrow for columns: each area as a short paragraph
        return _stacked_lines(ranking, width)
    widths[1] = max(12, min(widths[1], width - others))
    bar_at = column + 1 if charts else -1

    def cells(row: list[str]) -> list[str]:
        names = _wrap(row[1], widths[1])
        out = []
        for number, name in enumerate(names):
            parts = []
            for i, cell in enumerate(row):
                if i == 1:
                    parts.append(name.ljust(widths[1]))
                elif number:
                    parts.append(" " * widths[i])
                elif i == bar_at:
                    parts.append(cell.ljust(widths[i]))
                else:
                    parts.append(cell.rjust(widths[i]))
            out.append("  ".join(parts).rstrip())
        return out

    text = [safe(ranking.title), "", *_wrap(safe(ranking.lead), width), ""]
    text += cells(header)
    text.append("─" * min(width, sum(widths) + 2 * (len(widths) - 1)))
    for row in rows:
        text += cells(row)
    return text + _ending(ranking, width)


def _ending(ranking: Ranking, width: int) -> list[str]:
    from jobcompare.text import safe

    text: list[str] = []
    for title, items in (("Not published", notes(ranking)), ("Sources", sources(ranking))):
        if items:
            text += ["", title]
            for item in items:
                text += _wrap(safe(item), width, "• ")
    return text


def _stacked_lines(ranking: Ranking, width: int) -> list[str]:
    """The ranking for a terminal too narrow for its columns: per area, its rank and
    name, then each figure with its label, wrapped under the name."""
    from jobcompare.text import safe

    header = _header(ranking)
    text = [safe(ranking.title), "", *_wrap(safe(ranking.lead), width), ""]
    for line in lines(ranking):
        cells = [safe(c) for c in _cells(line, ranking)]
        lead = f"{cells[0]}  ".ljust(len(str(len(ranking.areas))) + 2)
        text += _wrap(cells[1], width, lead)
        # A label and its figure stay on one line: joined by a no-break space while wrapping.
        figures = " · ".join(
            f"{label}\u00a0{cell}".replace(" ", "\u00a0")
            for label, cell in zip(header[2:], cells[2:], strict=True)
        )
        text += [w.replace("\u00a0", " ") for w in _wrap(figures, width, " " * len(lead))]
    return text + _ending(ranking, width)


def markdown(ranking: Ranking) -> str:
    from jobcompare.exports import md_paragraph, md_text

    header = _header(ranking)
    rows = [[md_text(c) for c in _cells(line, ranking)] for line in lines(ranking)]
    table = "\n".join("| " + " | ".join(r) + " |" for r in [header, ["---"] * len(header), *rows])
    parts = [f"# {md_text(ranking.title)}", md_paragraph(ranking.lead), table]
    found = notes(ranking)
    if found:
        parts.append("## Not published\n\n" + "\n".join(f"- {md_paragraph(n)}" for n in found))
    parts.append("## Sources\n\n" + "\n".join(f"- {md_paragraph(s)}" for s in sources(ranking)))
    return "\n\n".join(parts) + "\n"


CSV_HEADER = (
    "rank", "area_code", "area", "type", "median", "median_bound", "adjusted",
    "adjusted_bound", "rpp", "employment", "location_quotient", "mean", "mean_bound", "unit",
    "missing",
)  # fmt: skip


def csv_text(ranking: Ranking) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    unit = "USD/hour" if ranking.hourly else "USD/year"
    for item in ranking.areas:
        median, mean = item.figure(item.median), item.figure(item.measure("mean"))
        adjusted = item.adjusted()
        jobs, lq = item.figure("employment"), item.figure("location_quotient")
        writer.writerow((
            "" if item.rank is None else item.rank, item.pay.area.code,
            csv_cell(item.pay.area.name), item.pay.area.type,
            _raw(median.value), "at_least" if median.at_least else "",
            "" if adjusted is None else adjusted.value,
            "at_least" if adjusted is not None and adjusted.at_least else "",
            _raw(item.parity.all_items), _raw(jobs.value), _raw(lq.value),
            _raw(mean.value), "at_least" if mean.at_least else "", unit,
            csv_cell("; ".join(f"{label}: {reason}" for label, reason in _missing(item, ranking))),
        ))  # fmt: skip
    # One row per area and nothing else, so that every column keeps one type: why a figure
    # is missing is in the row's own "missing" column; the sources are in --json and
    # `jobcompare sources`.
    return buffer.getvalue()


def ranking_document(ranking: Ranking) -> Any:
    """The ranking as the presentation's blocks (present.py), for the HTML writer: one
    table, one row per area, then the notes and the sources."""
    from jobcompare.fields import Kind
    from jobcompare.present import (
        Cell,
        Document,
        FigureTable,
        Heading,
        NoteList,
        Paragraph,
        TableRow,
    )

    header = _header(ranking)
    rows = []
    for item, line in zip(ranking.areas, lines(ranking), strict=True):
        cells = _cells(line, ranking)
        label = f"{cells[0]}. {cells[1]}" if item.rank is not None else cells[1]
        rows.append(
            TableRow(item.pay.area.code, label, Kind.TEXT,
                     tuple(Cell(text, text) for text in [line.kind, *cells[2:]]))
        )  # fmt: skip
    blocks: list[Any] = [
        Heading(ranking.title, 1),
        Paragraph(ranking.lead, "lead"),
        FigureTable(("Type", *header[2:]), tuple(rows)),
    ]
    found = notes(ranking)
    if found:
        blocks.append(NoteList("Not published", tuple(found)))
    blocks.append(NoteList("Sources", tuple(sources(ranking))))
    return Document(ranking.title, (), tuple(blocks))


def _raw(value: object) -> str:
    return "" if value is None else repr(value) if isinstance(value, float) else str(value)


def ranking_json(ranking: Ranking) -> dict[str, Any]:
    """Schema: ``schema/areas.schema.json#/$defs/ranking``."""
    from jobcompare import __version__
    from jobcompare.areas import figure_json, figure_reason
    from jobcompare.jsonout import SCHEMA_VERSION, amount

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
        "per": "hour" if ranking.hourly else "year",
        "total": ranking.total,
        "areas": areas,
        "notes": notes(ranking),
        "sources": sources(ranking),
    }  # fmt: skip


def area_list_json(areas: Sequence[Any]) -> dict[str, Any]:
    from jobcompare import __version__
    from jobcompare.jsonout import SCHEMA_VERSION

    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "kind": "area-list",
        "areas": [{**area_json(a), "kind": kind_label(a)} for a in areas],
    }
