"""The history view: ``jobcompare history ROLE...`` (each role's national OEWS figures per
year, May 2021 to May 2025, and their change) as a document, its JSON (``$defs/history``
of the schema) and one CSV record per figure (long: role, series, year, measure, value,
unit, bound, note). What a series and a change are: engine/history.py, docs/history.md.
"""

from __future__ import annotations

from jobcompare import __version__
from jobcompare import text as fmt
from jobcompare.engine.history import (
    CAUTION,
    COMPUTED,
    NOMINAL,
    SHOWN,
    Change,
    History,
    RoleHistory,
    Series,
    Unit,
    figure_of,
)
from jobcompare.model import Amount, Number
from jobcompare.output import blocks as b
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.encode import figure_json
from jobcompare.output.views.shape import SCHEMA_VERSION, JSONValue
from jobcompare.registry.fields import Kind
from jobcompare.registry.section import PERCENTILES
from jobcompare.sources.store import NOT_PUBLISHED
from jobcompare.sources.store_history import MEASURES, YearPay
from jobcompare.sources.store_types import Figure
from jobcompare.text import MISSING, join_words

#: The measures' labels in the tables, by SHOWN name.
LABELS = dict(SHOWN)
#: Each stored measure's CSV unit (a pay measure's by its name's prefix).
_UNITS = {"employment": "jobs", "employment_rse": "%", "mean_rse": "%"}
_PERCENTILES = tuple(key for key, _ in PERCENTILES)


def _unit(measure: str) -> str:
    if measure in _UNITS:
        return _UNITS[measure]
    return "USD/hour" if measure.startswith("hourly_") else "USD/year"


def _column(measure: str, unit: Unit) -> str:
    """The stored measure a SHOWN one is in ``unit``: "p50" -> "annual_p50"."""
    if measure == "employment":
        return measure
    return f"{'annual' if unit == 'year' else 'hourly'}_{measure}"


def _shown(figure: Figure, measure: str, unit: Unit) -> str:
    if figure.value is None:
        return MISSING
    if measure == "employment":
        return fmt.count(int(figure.value))
    amount = Amount(figure.value, figure.at_least)
    return fmt.money(amount) if unit == "year" else fmt.rate(amount)


def _signed(value: float | int | None, measure: str, unit: Unit) -> str:
    """A change as a table shows it: "+$19,950", "+$5.57", "-16,130" ("—": none)."""
    if value is None:
        return MISSING
    sign = "+" if value > 0 else "-" if value < 0 else "±"
    size = abs(value)
    if measure == "employment":
        return f"{sign}{size:,}"
    return f"{sign}${size:,.0f}" if unit == "year" else f"{sign}${size:,.2f}"


def _percent(value: float | None) -> str:
    if value is None:
        return MISSING
    said = f"{value:+.1f}%"
    return "0.0%" if said in ("+0.0%", "-0.0%") else said  # a change rounded to nothing


def _title(found: History) -> str:
    names = join_words([r.title for r in found.roles])
    return f"Pay over time: {names}"


def _span(found: History) -> str:
    years = [y.year for y in found.years]
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def document(found: History, options: Options) -> b.Document:
    """What ``jobcompare history`` shows: a table of each role's figures per year and one
    of their change, the median on one axis, the notes and each year's source."""
    blocks: list[b.Block | b.SectionBlock] = [
        b.Heading(_title(found), 1),
        b.Paragraph(
            f"National employment and wages as BLS OEWS published them each May, "
            f"{_span(found)}; pay in nominal dollars (not adjusted for inflation).",
            "lead",
        ),
    ]
    notes: list[str] = []
    for role in found.roles:
        blocks.append(b.SectionBlock(role.slug, tuple(_role(role, notes))))
    if options.charts:
        blocks += _charts(found)
    top = _top_codes(found)
    if top:
        notes.append(top)
    notes += [NOMINAL, CAUTION, COMPUTED]
    blocks.append(b.NoteList("Notes", tuple(notes)))
    blocks.append(b.NoteList("Sources", found.sources))
    return b.Document(_title(found), tuple(blocks))


def _role(role: RoleHistory, notes: list[str]) -> list[b.Block]:
    heading = f"{role.title} ({role.soc})" if role.soc else role.title
    blocks: list[b.Block] = [b.Heading(heading, 2)]
    if role.reason is not None:
        blocks.append(b.Paragraph(f"No series: {role.reason}.", "plain"))
        return blocks
    if role.unit == "hour":
        blocks.append(b.Paragraph(_per_hour(role), "muted"))
    current = role.current
    earlier = [s for s in role.series if not s.current]
    if current is not None:
        blocks.append(_table(current, role.unit))
        blocks.append(b.Heading(f"Change, May {current.first} to May {current.last}", 3))
        blocks.append(_changes(current, role.unit))
        why: dict[str, list[str]] = {}
        for change in current.changes:
            if change.reason is not None:
                why.setdefault(change.reason, []).append(LABELS[change.measure].lower())
        notes += [
            f"{role.title}, no change ({', '.join(labels)}): {reason}."
            for reason, labels in why.items()
        ]
    for series in reversed(earlier):
        split = next((k for k in role.breaks if k.before == series.last), None)
        span = f"May {series.first}" + (
            f" to May {series.last}" if series.last != series.first else ""
        )
        blocks.append(b.Heading(f"Before the break: {span}", 3))
        if split is not None:
            blocks.append(b.Paragraph(split.reason, "muted"))
        blocks.append(_table(series, role.unit))
    notes += _missing(role)
    return blocks


def _per_hour(role: RoleHistory) -> str:
    """What an hourly-only occupation's page says of its yearly figures: BLS's reasons for
    leaving them out, each once with its years ("2021–2024: .... 2025: ....")."""
    years: dict[str, list[int]] = {}
    for series in role.series:
        for point in series.years:
            for name, figure in point.figures.items():
                if name.startswith("annual_") and figure.value is None and figure.reason:
                    listed = years.setdefault(figure.reason, [])
                    if point.year not in listed:
                        listed.append(point.year)
    said = " ".join(
        (str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}") + f": {reason.rstrip('.')}."
        for reason, ys in years.items()
    )
    return "Pay per hour: the yearly figures are not published." + (f" {said}" if said else "")


def _table(series: Series, unit: Unit) -> b.FigureTable:
    columns = tuple(str(point.year) for point in series.years)
    rows = []
    for measure, label in SHOWN:
        kind = (
            Kind.COUNT if measure == "employment" else Kind.MONEY if unit == "year" else Kind.RATE
        )
        cells = tuple(
            b.Cell(_shown(f, measure, unit), f.amount() if measure != "employment" else f.value)
            for f in (figure_of(point, measure, unit) for point in series.years)
        )
        rows.append(b.TableRow(measure, label, kind, cells))
    return b.FigureTable(columns, tuple(rows), compact=True)


def _changes(series: Series, unit: Unit) -> b.FigureTable:
    rows = []
    for change in series.changes:
        texts = (
            _signed(change.difference, change.measure, unit),
            _percent(change.percent),
            _percent(change.per_year),
        )
        values = (change.difference, change.percent, change.per_year)
        rows.append(
            b.TableRow(
                change.measure,
                LABELS[change.measure],
                Kind.NUMBER,
                tuple(b.Cell(t, v) for t, v in zip(texts, values, strict=True)),
            )
        )
    return b.FigureTable(("Change", "Percent", "Yearly"), tuple(rows), compact=True)


def _missing(role: RoleHistory) -> list[str]:
    """Why a figure shown is missing, once per reason: "Models, 2021: mean, 10th
    percentile, ...: BLS OEWS May 2021: * = indicates that a wage estimate is not
    available."."""
    said: dict[tuple[int, str], list[str]] = {}
    for series in role.series:
        for point in series.years:
            for measure, label in SHOWN:
                figure = figure_of(point, measure, role.unit)
                if figure.value is None:
                    reason = figure.reason or NOT_PUBLISHED
                    said.setdefault((point.year, reason), []).append(label.lower())
    return [
        f"{role.title}, {year}: {', '.join(labels)} not published — {reason}"
        for (year, reason), labels in said.items()
    ]


def _top_codes(found: History) -> str | None:
    """The note on ≥, naming each year's top code, when a figure shown is top-coded."""
    shown = [
        point.year
        for role in found.roles
        for series in role.series
        for point in series.years
        for measure, _ in SHOWN
        if figure_of(point, measure, role.unit).at_least
    ]
    if not shown:
        return None
    # Years of one top code together: "May 2022–May 2024: $115.00 an hour, ...".
    codes: dict[str, list[int]] = {}
    for year in found.years:
        if year.year in shown and year.top_hourly is not None and year.top_annual is not None:
            said = (f"{fmt.rate(Amount(year.top_hourly))} an hour, "
                    f"{fmt.money(Amount(year.top_annual))} a year")  # fmt: skip
            codes.setdefault(said, []).append(year.year)
    listed = "; ".join(
        (f"May {ys[0]}" if len(ys) == 1 else f"May {ys[0]}–May {ys[-1]}") + f": {said}"
        for said, ys in codes.items()
    )
    return (
        "≥: top-coded. BLS publishes only that the wage is at least that year's top code "
        f"({listed}); a lower bound is never used in a change."
    )


def _charts(found: History) -> list[b.Block]:
    """The median by year of every role on one axis (an axis per unit: a year's pay, an
    hour's), each series apart."""
    charts: list[b.Block] = []
    for unit, title in (("year", "Median pay by year"), ("hour", "Median hourly pay by year")):
        series = []
        for role in found.roles:
            if role.unit != unit:
                continue
            for part in reversed(role.series):
                label = role.title if part.current else f"{role.title} (before the break)"
                points = tuple(
                    b.TrendPoint(str(p.year), figure_of(p, "p50", role.unit).amount())
                    for p in part.years
                )
                series.append(b.TrendSeries(label, points))
        chart = b.TrendChart(title, unit, tuple(series))  # type: ignore[arg-type]
        if chart.amounts():
            charts.append(chart)
    return charts


# -- JSON ----------------------------------------------------------------------------------


def _year_json(point: YearPay) -> dict[str, JSONValue]:
    figures = point.figures
    document: dict[str, JSONValue] = {
        "year": point.year,
        "title": point.title,
        "annual_only": point.annual_only,
        "hourly_only": point.hourly_only,
        "employment": figures["employment"].value,
        "employment_rse": figures["employment_rse"].value,
        "annual_mean": figure_json(figures["annual_mean"]),
        "hourly_mean": figure_json(figures["hourly_mean"]),
        "mean_rse": figures["mean_rse"].value,
        "annual_percentiles": {p: figure_json(figures[f"annual_{p}"]) for p in _PERCENTILES},
        "hourly_percentiles": {p: figure_json(figures[f"hourly_{p}"]) for p in _PERCENTILES},
        "unpublished": {
            name: figure.reason or NOT_PUBLISHED
            for name, figure in figures.items()
            if figure.value is None
        },
    }
    return document


def _bounded(value: Number | None, at_least: bool) -> JSONValue:
    """A figure, {"at_least": N} when it is a top-coded lower bound (never a plain number)."""
    return {"at_least": value} if at_least and value is not None else value


def _change_json(change: Change) -> dict[str, JSONValue]:
    return {
        "from": change.first,
        "to": change.last,
        "start": _bounded(change.start, change.start_at_least),
        "end": _bounded(change.end, change.end_at_least),
        "difference": change.difference,
        "percent": change.percent,
        "per_year_percent": change.per_year,
        "reason": change.reason,
    }


def data(found: History) -> dict[str, JSONValue]:
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "dollars": NOMINAL,
        "caution": CAUTION,
        "change_rule": COMPUTED,
        "years": [
            {
                "year": y.year,
                "release": y.release,
                "source": y.source,
                "file": y.file,
                "top_code": {"hourly": y.top_hourly, "annual": y.top_annual},
                "top_code_words": y.top_words,
            }
            for y in found.years
        ],
        "roles": [
            {
                "slug": role.slug,
                "title": role.title,
                "soc": role.soc,
                "unit": role.unit,
                "reason": role.reason,
                "series": [
                    {
                        "first": s.first,
                        "last": s.last,
                        "current": s.current,
                        "years": [_year_json(p) for p in s.years],
                        "changes": {c.measure: _change_json(c) for c in s.changes}
                        if s.current
                        else None,
                    }
                    for s in role.series
                ],
                "breaks": [
                    {"before": k.before, "after": k.after, "reason": k.reason} for k in role.breaks
                ],
            }
            for role in found.roles
        ],
        "sources": list(found.sources),
    }


# -- CSV -----------------------------------------------------------------------------------

HISTORY_CSV_HEADER = ("role", "year", "measure", "value", "unit", "bound", "series", "note")


def records(found: History) -> Records:
    """One record per figure of every year, long: role (slug), year, measure, value (as
    published; empty when missing), unit, bound ("at_least" for a top-coded lower bound),
    the series it belongs to ("2021-2025") and a note (why a figure is missing). First,
    each role's title, SOC code and unit (measures "title", "soc", "unit"); after its
    years, each change of the series ending in May 2025 (year "2021-2025", measures
    ``MEASURE.change``, ``MEASURE.change_percent``, ``MEASURE.per_year_percent``) and
    each break (measure "series_break", the years it separates, the reason); last, what
    every history says (measure "note": nominal dollars, BLS's caution, the change rule)
    and the sources (measure "source", the citation as the value)."""
    rows: list[tuple[object, ...]] = []
    for role in found.roles:
        rows += [
            (role.slug, "", "title", role.title, "", "", "", None),
            (role.slug, "", "soc", role.soc, "", "", "", None),
            (role.slug, "", "unit", role.unit, "", "", "", role.reason),
        ]
        for series in role.series:
            span = str(series.first) if series.first == series.last else (
                f"{series.first}-{series.last}")  # fmt: skip
            for point in series.years:
                for name, _ in MEASURES:
                    figure = point.figures[name]
                    bound = "at_least" if figure.at_least else ""
                    note = None if figure.value is not None else figure.reason
                    rows.append((role.slug, point.year, name, figure.value, _unit(name), bound,
                                 span, note))  # fmt: skip
            for change in series.changes:
                column = _column(change.measure, role.unit)
                rows += [
                    (role.slug, span, f"{column}.change", change.difference, _unit(column), "",
                     span, change.reason),
                    (role.slug, span, f"{column}.change_percent", change.percent, "%", "",
                     span, change.reason),
                    (role.slug, span, f"{column}.per_year_percent", change.per_year, "%/year",
                     "", span, change.reason),
                ]  # fmt: skip
        for split in role.breaks:
            rows.append((role.slug, f"{split.before}-{split.after}", "series_break", None, "",
                         "", "", split.reason))  # fmt: skip
    rows += [("notes", "", "note", note, "", "", "", None) for note in (NOMINAL, CAUTION,
                                                                          COMPUTED)]  # fmt: skip
    rows += [("sources", "", "source", source, "", "", "", None) for source in found.sources]
    return Records(HISTORY_CSV_HEADER, tuple(rows))
