"""``jobcompare table``: chosen figures of many roles, one row per role, for analysts.

What a row holds comes from the figure registry (:mod:`jobcompare.fields`): a column is a
declared figure, named by its JSON key (``overview.yearly_salary``,
``salary.percentiles.p50``), so the table and a comparison can never disagree about
what a figure is or how it is written. The writers here are thin: CSV and JSON reuse the
comparison's own encodings (exports.py, jsonout.py), and Markdown its display strings.
No Rich here: a table of every occupation is written in well under a second.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.errors import FieldError
from jobcompare.fields import Field, Kind, all_fields
from jobcompare.model import Role
from jobcompare.sections import Section

if TYPE_CHECKING:
    from jobcompare.store import Figure
    from jobcompare.store_types import Area, AreaPay

#: Shown when no ``--fields`` are given: what a role is and what it pays, in brief.
DEFAULT_FIELDS = (
    "overview.category",
    "overview.yearly_salary",
    "overview.hourly_rate",
    "overview.number_of_jobs",
    "salary.percentiles.p10",
    "salary.percentiles.p50",
    "salary.percentiles.p90",
)

#: Kinds a cell can hold: lists (duties, skills) have no single value per role.
_TABULAR = tuple(k for k in Kind if k not in (Kind.LIST, Kind.SKILLS))


class Column(NamedTuple):
    section: Section
    field: Field

    @property
    def name(self) -> str:
        """The column's name: the figure's JSON key, ``section.key``."""
        return f"{self.section.value}.{self.field.key}"


class BulkTable(NamedTuple):
    """The chosen figures of each role, in the order asked for."""

    columns: tuple[Column, ...]
    roles: tuple[Role, ...]

    def values(self, role: Role) -> list[object]:
        return [column.field.get(role) for column in self.columns]


def available() -> list[Column]:
    """Every figure a table can show, in the order comparisons show them."""
    # The SOC code is a column of every table already.
    return [Column(s, f) for s, f in all_fields() if f.kind in _TABULAR and f.key != "soc"]


def columns(names: Sequence[str] | None) -> tuple[Column, ...]:
    """The columns ``names`` ask for (commas separate names too): a full key
    (``overview.number_of_jobs``) or a key that only one section has
    (``number_of_jobs``). FieldError names every unknown or ambiguous one at once."""
    if not names:
        names = DEFAULT_FIELDS
    wanted = [n.strip() for name in names for n in name.split(",") if n.strip()]
    every = available()
    by_name = {c.name: c for c in every}
    found: list[Column] = []
    problems: list[str] = []
    for name in wanted:
        key = name.lower()
        if key in by_name:
            found.append(by_name[key])
            continue
        matches = [c for c in every if c.field.key == key]
        if len(matches) == 1:
            found.append(matches[0])
        elif matches:
            listed = " or ".join(f"'{c.name}'" for c in matches)
            problems.append(f"field '{name}' is in several sections: use {listed}")
        else:
            import difflib

            close = difflib.get_close_matches(key, list(by_name), n=3, cutoff=0.6)
            hint = f". Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            problems.append(f"unknown field '{name}'{hint}")
    if problems:
        raise FieldError("\n".join(problems) + "\n(jobcompare table --fields list: every field)")
    return tuple(dict.fromkeys(found))  # each once, in the order first asked


# -- writers ------------------------------------------------------------------------------

IDENTITY = ("slug", "title", "soc")


def fields_text() -> str:
    """``--fields list``: every field a table can show, with its label and unit."""
    lines = [f"{c.name}\t{c.field.label}\t{c.field.csv_unit}".rstrip() for c in available()]
    return "\n".join(lines) + "\n"


def _csv_cells(column: Column, value: object) -> Iterator[tuple[str, str]]:
    """(header, cell) for each CSV column a figure takes: the comparison CSV's fields
    (a range is ``.min`` and ``.max``), and a ``.bound`` column beside each wage, which
    says ``at_least`` for a top-coded one: a lower bound is never a plain number."""
    from jobcompare.compare import Row
    from jobcompare.exports import csv_figures

    row = Row(column.field, (value,))
    wages = column.field.kind in (Kind.MONEY, Kind.RATE, Kind.RANGE)
    for field, cell, _unit, bound in csv_figures(row, value, ()):
        name = f"{column.section.value}.{field}"
        yield name, cell
        if wages:
            yield f"{name}.bound", bound


def table_csv(table: BulkTable) -> str:
    """One record per role: slug, title, SOC code, then each figure as the source wrote
    it (``69770``; empty when missing). Text a spreadsheet would run is quoted with '."""
    from jobcompare.exports import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header: list[str] = list(IDENTITY)
    for column in table.columns:
        header += [name for name, _ in _csv_cells(column, None)]
    writer.writerow(header)
    for role in table.roles:
        record = [csv_cell(role.slug), csv_cell(role.title), csv_cell(role.soc)]
        for column, value in zip(table.columns, table.values(role), strict=True):
            record += [cell for _, cell in _csv_cells(column, value)]
        writer.writerow(record)
    return buffer.getvalue()


def table_json(table: BulkTable) -> str:
    """An array of ``{slug, title, soc, <section>: {<key>: value}}``: each value as in a
    comparison's JSON (a top-coded wage is ``{"at_least": …}``, missing is null)."""
    from jobcompare.compare import Row
    from jobcompare.jsonout import JSONValue, dumps, json_value, put

    rows: list[JSONValue] = []
    for role in table.roles:
        document: dict[str, JSONValue] = {"slug": role.slug, "title": role.title, "soc": role.soc}
        for column, value in zip(table.columns, table.values(role), strict=True):
            section = document.setdefault(column.section.value, {})
            put(section, column.field.key, json_value(Row(column.field, (value,)), value, ()))
        rows.append(document)
    return dumps(rows)


def table_markdown(table: BulkTable) -> str:
    """A GitHub table: one row per role, each figure as the terminal shows it."""
    from jobcompare.display import cell
    from jobcompare.exports import md_text

    header = ["Slug", "Title", "SOC", *(c.field.label for c in table.columns)]
    labels = [c.field.label for c in table.columns]
    # Two sections may name a figure alike ("Average age"): then the section says which.
    header = header[:3] + [
        f"{label} ({c.section.value})" if labels.count(label) > 1 else label
        for label, c in zip(labels, table.columns, strict=True)
    ]
    lines = [
        "| " + " | ".join(md_text(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    for role in table.roles:
        cells = [md_text(role.slug), md_text(role.title), md_text(role.soc or "—")]
        cells += [
            md_text(cell(c.field.kind, v))
            for c, v in zip(table.columns, table.values(role), strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# -- one area: jobcompare table --area ----------------------------------------------------

#: The measures an area table can show (BLS OEWS in one area), by their store names.
AREA_DEFAULT = ("employment", "annual_mean", "hourly_mean", "annual_p10", "annual_p50",
                "annual_p90")  # fmt: skip


class AreaMeasure(NamedTuple):
    name: str  # the store's measure ("annual_p50")
    label: str
    kind: str  # MONEY, RATE, COUNT, NUMBER


class AreaTable(NamedTuple):
    """The chosen OEWS measures of each role in one area (``pay`` None: no estimate)."""

    area: Area
    measures: tuple[AreaMeasure, ...]
    rows: tuple[tuple[Role, AreaPay | None], ...]


def area_measures(names: Sequence[str] | None) -> tuple[AreaMeasure, ...]:
    """The measures ``names`` ask for (commas separate names too); FieldError names every
    unknown one at once."""
    from jobcompare.areas import JOB_MEASURES, PAY_MEASURES

    every = {m: AreaMeasure(m, label, kind) for m, label, kind in (*JOB_MEASURES, *PAY_MEASURES)}
    wanted = [n.strip().lower() for name in (names or AREA_DEFAULT) for n in name.split(",")]
    unknown = [n for n in wanted if n and n not in every]
    if unknown:
        import difflib

        problems = []
        for name in unknown:
            close = difflib.get_close_matches(name, list(every), n=2, cutoff=0.6)
            hint = f". Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            problems.append(f"unknown area field '{name}'{hint}")
        raise FieldError("\n".join(problems) + f"\n(with --area: {', '.join(every)})")
    return tuple(dict.fromkeys(every[n] for n in wanted if n))


def _area_value(figure: Figure | None, kind: str) -> object:
    from jobcompare.model import Amount

    if figure is None or figure.value is None:
        return None
    return Amount(figure.value, figure.at_least) if kind in ("MONEY", "RATE") else figure.value


def _reasons(table: AreaTable, pay: AreaPay | None) -> dict[str, str]:
    """Why each measure shown is missing, in the publisher's words."""
    from jobcompare.store import NOT_PUBLISHED

    if pay is None:
        return {m.name: f"BLS publishes no estimate for this occupation in {table.area.name}."
                for m in table.measures}  # fmt: skip
    return {m.name: pay.figures[m.name].reason or NOT_PUBLISHED for m in table.measures
            if pay.figures[m.name].value is None}  # fmt: skip


def area_csv(table: AreaTable) -> str:
    """One record per role: slug, title, SOC code, the area's BLS code and name, each
    measure as BLS published it (a wage with its ``.bound``), and why any is missing."""
    from jobcompare.exports import csv_cell, csv_figures

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = [*IDENTITY, "area_code", "area"]
    for measure in table.measures:
        header.append(measure.name)
        if measure.kind in ("MONEY", "RATE"):
            header.append(f"{measure.name}.bound")
    writer.writerow([*header, "not_published"])
    for role, pay in table.rows:
        record = [csv_cell(role.slug), csv_cell(role.title), csv_cell(role.soc),
                  table.area.code, csv_cell(table.area.name)]  # fmt: skip
        for measure in table.measures:
            value = _area_value(None if pay is None else pay.figures[measure.name], measure.kind)
            field = Field(measure.name, measure.label, Kind[measure.kind], lambda r: None)
            from jobcompare.compare import Row

            for _, cell, _unit, bound in csv_figures(Row(field, (value,)), value, ()):
                record.append(cell)
                if measure.kind in ("MONEY", "RATE"):
                    record.append(bound)
        reasons = _reasons(table, pay)
        record.append(csv_cell("; ".join(f"{k}: {v}" for k, v in reasons.items())))
        writer.writerow(record)
    return buffer.getvalue()


def area_json(table: AreaTable) -> str:
    """An array of ``{slug, title, soc, area: {code, name}, figures: {measure: value},
    not_published: {measure: reason}}``; a top-coded wage is ``{"at_least": …}``."""
    from jobcompare.jsonout import JSONValue, amount, dumps
    from jobcompare.model import Amount

    rows: list[JSONValue] = []
    for role, pay in table.rows:
        figures: dict[str, JSONValue] = {}
        for measure in table.measures:
            value = _area_value(None if pay is None else pay.figures[measure.name], measure.kind)
            figures[measure.name] = amount(value) if isinstance(value, Amount) else value
        rows.append({"slug": role.slug, "title": role.title, "soc": role.soc,
                     "area": {"code": table.area.code, "name": table.area.name},
                     "figures": figures, "not_published": _reasons(table, pay)})  # fmt: skip
    return dumps(rows)


def area_markdown(table: AreaTable) -> str:
    """A GitHub table: one row per role, each measure as the terminal shows it."""
    from jobcompare.display import cell
    from jobcompare.exports import md_text

    header = ["Slug", "Title", "SOC", *(m.label for m in table.measures)]
    lines = [
        f"Figures for {md_text(table.area.name)} (BLS area {table.area.code}), BLS OEWS.",
        "",
        "| " + " | ".join(md_text(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    for role, pay in table.rows:
        cells = [md_text(role.slug), md_text(role.title), md_text(role.soc or "—")]
        for measure in table.measures:
            value = _area_value(None if pay is None else pay.figures[measure.name], measure.kind)
            cells.append(md_text(cell(Kind[measure.kind], value)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
