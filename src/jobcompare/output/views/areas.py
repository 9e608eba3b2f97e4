"""The area comparison's view: ``jobcompare ROLE ... --area ...``, its document, JSON
``schema/areas.schema.json#/$defs/comparison`` and CSV, one record per figure and column;
and a figure in an area as JSON, which the ranking's view shares."""

from __future__ import annotations

from typing import Any

from jobcompare import __version__
from jobcompare.engine.areas import (
    ADJUSTED,
    ADJUSTED_NOTE,
    JOB_MEASURES,
    PAY_MEASURES,
    AreaComparison,
    area_section,
    figure_reason,
    mean_margins,
    unpublished,
)
from jobcompare.output.blocks import (
    Block,
    Document,
    Heading,
    NoteList,
    Paragraph,
    SectionBlock,
)
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.area_list import area_json
from jobcompare.output.views.encode import amount, figure_json
from jobcompare.output.views.notes import differences_note, margin_note
from jobcompare.output.views.sections import figure_table, margin_shown
from jobcompare.output.views.shape import SCHEMA_VERSION, JSONValue
from jobcompare.sources.store import MEASURES, NO_ESTIMATE
from jobcompare.sources.store_types import AreaPay

# -- an area comparison -------------------------------------------------------------------


def document(result: AreaComparison, options: Options) -> Document:
    """The blocks every writer draws: title, what the figures are, the table, notes."""
    section = area_section(result)
    table = figure_table(section.rows, tuple(c.label for c in result.columns))
    what = "BLS OEWS May 2025 (release 2025A01)"
    if result.by_area:
        lead = (
            f"Figures for each area from {what}; the United States column is the national "
            "figure, for reference."
        )
    else:
        lead = (
            f"Figures for {result.columns[0].area.name} from {what}; each row marked "
            "(U.S.) is the national figure, for reference."
        )
    if result.adjust:
        lead += " " + ADJUSTED_NOTE
    from jobcompare.engine.areas import area_key_differences

    # Key differences first: the median in the area, and adjusted for its prices.
    lines = tuple(f"{k.label}: {k.text}" for k in area_key_differences(result))
    blocks: list[Block] = [NoteList("Key differences", lines, lead=True)]
    if result.your_pay is not None:  # --pay: where it falls in each area
        from jobcompare.output.views import pay

        blocks += pay.blocks(result.your_pay)
    blocks.append(Heading("Pay and jobs", 2))
    if table.differences:  # never beside the U.S. column, which is a reference
        blocks.append(Paragraph(differences_note([c.role for c in result.columns]), "note"))
    if margin_shown([section]):  # the difference, or each figure after the first's
        first = None if table.differences else result.columns[0].label
        blocks.append(Paragraph(margin_note(first), "note"))
    blocks.append(table)
    tail: list[Block] = []
    notes = unpublished(result)
    if notes:
        tail.append(NoteList("Not published", tuple(notes)))
    sources = [result.oews]
    if result.rpp:
        sources.append(result.rpp)
    tail.append(NoteList("Sources", tuple(sources)))
    return Document(
        result.title,
        (
            Heading(result.title, 1),
            Paragraph(lead, "lead"),
            SectionBlock(section.section.value, tuple(blocks)),
            *tail,
        ),
    )


def _measures_json(pay: AreaPay | None, key: str, unpublished: dict[str, str]) -> dict[str, Any]:
    """The OEWS measures of one column; the reason for each null one goes into
    ``unpublished`` under ``key.measure``."""
    figures = {}
    for m, _ in MEASURES:
        figure = None if pay is None else pay.figures[m]
        reason = figure_reason(figure)
        if reason is not None:
            unpublished[f"{key}.{m}"] = reason
        figures[m] = figure_json(figure)
    return figures


def data(result: AreaComparison) -> JSONValue:
    """The area comparison as JSON (schema: ``schema/areas.schema.json#/$defs/comparison``)."""
    from jobcompare.engine.areas import area_key_differences

    columns = []
    within = mean_margins(result)
    for index, column in enumerate(result.columns):
        missing: dict[str, str] = {}
        entry: dict[str, Any] = {
            "label": column.label,
            "role": {"slug": column.role.slug, "title": column.role.title,
                     "soc": column.role.soc},
            "area": area_json(column.area),
            "published": column.pay is not None,
            "reason": None if column.pay is not None else NO_ESTIMATE,
            "figures": _measures_json(column.pay, "figures", missing),
            "national": _measures_json(column.national, "national", missing),
            "unpublished": missing,
            # Keyed like ``unpublished``: "figures.annual_mean", "national.annual_mean".
            "within_margin": {
                f"{'national' if k.endswith('_us') else 'figures'}.{k.removesuffix('_us')}":
                found[index] for k, found in within.items()
            },
        }  # fmt: skip
        if result.adjust:
            parity = column.parity
            entry["rpp"] = {
                "all_items": None if parity is None else parity.all_items,
                "reason": None if parity is None else parity.reason,
            }
            entry["adjusted"] = {m: amount(column.adjusted(m)) for m in ADJUSTED}
        columns.append(entry)
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "kind": "area-comparison",
        "title": result.title,
        "by": "area" if result.by_area else "role",
        "adjusted": result.adjust,
        "columns": columns,
        "key_differences": [
            {"topic": k.topic, "label": k.label, "text": k.text, "sources": list(k.sources)}
            for k in area_key_differences(result)
        ],
        "notes": unpublished(result),
        "sources": [s for s in (result.oews, result.rpp) if s],
        **({} if result.your_pay is None else {"your_pay": _pay_json(result)}),
    }


def _pay_json(result: AreaComparison) -> Any:
    from jobcompare.output.views import pay

    assert result.your_pay is not None
    return pay.data(result.your_pay)


CSV_HEADER = ("role", "area_code", "area", "field", "value", "unit", "bound", "reason",
              "within_margin")  # fmt: skip
_UNITS = {"MONEY": "USD/year", "RATE": "USD/hour", "COUNT": "jobs", "NUMBER": "", "PERCENT": "%"}


def records(result: AreaComparison) -> Records:
    """One record per figure and column: role slug, area, field (the OEWS measure, or
    ``…_us`` / ``…_adjusted`` / ``rpp``), the value as BLS (or BEA) gives it, its unit,
    ``at_least`` for a lower bound, and why a missing figure is missing."""
    rows: list[tuple[object, ...]] = []
    measures = [*JOB_MEASURES, *PAY_MEASURES]
    within = mean_margins(result)
    for index, column in enumerate(result.columns):
        base = (column.role.slug, column.area.code, column.area.name)
        for measure, _, kind in measures:
            for key, figure in ((measure, column.figure(measure)),
                                (f"{measure}_us", column.reference(measure))):  # fmt: skip
                value = None if figure is None else figure.value
                bound = "at_least" if figure is not None and figure.at_least else ""
                reason = (
                    NO_ESTIMATE if figure is None else "" if figure.value is not None
                    else figure.reason or ""
                )  # fmt: skip
                inside = within[key][index] if key in within else None
                rows.append((*base, key, value, _UNITS[kind], bound, reason, inside))
            if result.adjust and measure in ADJUSTED:
                adjusted = column.adjusted(measure)
                parity = column.parity
                reason = "" if adjusted is not None else (
                    parity.reason if parity is not None and parity.reason else NO_ESTIMATE
                )  # fmt: skip
                rows.append((
                    *base, f"{measure}_adjusted", None if adjusted is None else adjusted.value,
                    _UNITS[kind], "at_least" if adjusted is not None and adjusted.at_least else "",
                    reason or "", None,
                ))  # fmt: skip
        if result.adjust and column.parity is not None:
            parity = column.parity
            rows.append((*base, "rpp", parity.all_items, "U.S. = 100", "", parity.reason or "",
                         None))  # fmt: skip
    if result.your_pay is not None:
        from jobcompare.output.views import pay

        names = {c.area.code: c.area.name for c in result.columns}
        names.update({c.national.area.code: c.national.area.name
                      for c in result.columns if c.national is not None})  # fmt: skip
        rows += pay.area_records(result.your_pay, names)
    return Records(CSV_HEADER, tuple(rows))
