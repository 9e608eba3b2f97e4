"""The table views: ``jobcompare table`` (chosen figures of many roles, one row each),
``table --area`` (BLS's measures of each role in one area) and ``table --fields list``
(every figure a table can show). The terminal, Markdown and HTML get a listing of the
figures as a comparison shows them; JSON and CSV reuse the comparison's encodings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jobcompare.engine.table import AreaTable, BulkTable, Column, FieldList
from jobcompare.model import Role
from jobcompare.output.blocks import Document, Listing, Paragraph
from jobcompare.output.cells import cell
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.encode import csv_fields, json_value, put
from jobcompare.output.views.shape import JSONValue
from jobcompare.registry.fields import NUMERIC, Field, Kind
from jobcompare.sources.store import NOT_PUBLISHED
from jobcompare.sources.store_types import PAY_KINDS, AreaPay

IDENTITY = ("slug", "title", "soc")

Table = BulkTable | AreaTable | FieldList


def document(table: Table, options: Options) -> Document:
    if isinstance(table, FieldList):
        rows = tuple((c.name, c.field.label, c.field.csv_unit or None) for c in table.columns)
        return Document("Fields", (Listing(("Field", "Label", "Unit"), rows, records=True),))
    if isinstance(table, AreaTable):
        kinds = [Kind[m.kind] for m in table.measures]
        labels = [m.label for m in table.measures]
        values = [[_area_value(pay, m.name, m.kind) for m in table.measures]
                  for _, pay in table.rows]  # fmt: skip
        roles = [role for role, _ in table.rows]
        lead = f"Figures for {table.area.name} (BLS area {table.area.code}), BLS OEWS."
        listing = _listing(roles, labels, kinds, values)
        return Document(table.area.name, (Paragraph(lead), listing))
    labels = [c.field.label for c in table.columns]
    # Two sections may name a figure alike ("Average age"): then the section says which.
    labels = [f"{label} ({c.section.value})" if labels.count(label) > 1 else label
              for label, c in zip(labels, table.columns, strict=True)]  # fmt: skip
    kinds = [c.field.kind for c in table.columns]
    values = [table.values(role) for role in table.roles]
    return Document("Table", (_listing(table.roles, labels, kinds, values),))


def _listing(
    roles: Sequence[Role], labels: list[str], kinds: list[Kind], values: list[list[object]]
) -> Listing:
    """One row per role: slug, title, SOC code, then each figure as a comparison shows it."""
    rows = tuple(
        (role.slug, role.title, role.soc,
         *(cell(kind, value) for kind, value in zip(kinds, row, strict=True)))
        for role, row in zip(roles, values, strict=True)
    )  # fmt: skip
    right = tuple(3 + i for i, kind in enumerate(kinds) if kind in NUMERIC)
    return Listing(("Slug", "Title", "SOC", *labels), rows, right=right, wrap=1, labelled=True)


def data(table: Table) -> JSONValue:
    """An array, one object per row: ``{slug, title, soc, <section>: {<key>: value}}``,
    each value as in a comparison's JSON; with --area ``{..., area: {code, name},
    figures: {measure: value}, not_published: {measure: reason}}``."""
    if isinstance(table, FieldList):
        return [{"field": c.name, "label": c.field.label, "unit": c.field.csv_unit}
                for c in table.columns]  # fmt: skip
    if isinstance(table, AreaTable):
        found: list[JSONValue] = []
        for role, pay in table.rows:
            figures: dict[str, JSONValue] = {}
            for measure in table.measures:
                value = _area_value(pay, measure.name, measure.kind)
                figures[measure.name] = json_value(Kind[measure.kind], value)
            found.append({"slug": role.slug, "title": role.title, "soc": role.soc,
                          "area": {"code": table.area.code, "name": table.area.name},
                          "figures": figures, "not_published": _reasons(table, pay)})  # fmt: skip
        return found
    rows: list[JSONValue] = []
    for role in table.roles:
        document: dict[str, JSONValue] = {"slug": role.slug, "title": role.title, "soc": role.soc}
        for column, value in zip(table.columns, table.values(role), strict=True):
            section = document.setdefault(column.section.value, {})
            put(section, column.field.key, json_value(column.field.kind, value))
        rows.append(document)
    return rows


def records(table: Table) -> Records:
    """One record per role: slug, title, SOC code, then each figure as the source wrote
    it (empty when missing), a wage with its ``.bound`` (``at_least`` for a top-coded
    one: a lower bound is never a plain number); with --area, the area, each measure and
    why any is missing."""
    if isinstance(table, FieldList):
        return Records(("field", "label", "unit"), tuple(
            (c.name, c.field.label, c.field.csv_unit) for c in table.columns
        ))  # fmt: skip
    if isinstance(table, AreaTable):
        return _area_records(table)
    header: list[str] = list(IDENTITY)
    for column in table.columns:
        header += [name for name, _ in _cells(column, None)]
    rows = []
    for role in table.roles:
        record: list[object] = [role.slug, role.title, role.soc]
        for column, value in zip(table.columns, table.values(role), strict=True):
            record += [value for _, value in _cells(column, value)]
        rows.append(tuple(record))
    return Records(tuple(header), tuple(rows))


def _cells(column: Column, value: object) -> Iterator[tuple[str, object]]:
    """(header, value) for each CSV column a figure takes: the comparison CSV's fields (a
    range is ``.min`` and ``.max``), and a ``.bound`` column beside each wage."""
    wages = column.field.kind in (Kind.MONEY, Kind.RATE, Kind.RANGE)
    for key, found, _unit, bound in csv_fields(column.field, value):
        name = f"{column.section.value}.{key}"
        yield name, found
        if wages:
            yield f"{name}.bound", bound


# -- one area ---------------------------------------------------------------------------------


def _area_value(pay: AreaPay | None, measure: str, kind: str) -> object:
    return None if pay is None else pay.figures[measure].shown(kind)


def _reasons(table: AreaTable, pay: AreaPay | None) -> dict[str, str]:
    """Why each measure shown is missing, in the publisher's words."""
    if pay is None:
        return {m.name: f"BLS publishes no estimate for this occupation in {table.area.name}."
                for m in table.measures}  # fmt: skip
    return {m.name: pay.figures[m.name].reason or NOT_PUBLISHED for m in table.measures
            if pay.figures[m.name].value is None}  # fmt: skip


def _area_records(table: AreaTable) -> Records:
    header = [*IDENTITY, "area_code", "area"]
    for measure in table.measures:
        header.append(measure.name)
        if measure.kind in PAY_KINDS:
            header.append(f"{measure.name}.bound")
    fields = [Field(m.name, m.label, Kind[m.kind]) for m in table.measures]
    rows = []
    for role, pay in table.rows:
        record: list[object] = [role.slug, role.title, role.soc, table.area.code,
                                table.area.name]  # fmt: skip
        for measure, field in zip(table.measures, fields, strict=True):
            value = _area_value(pay, measure.name, measure.kind)
            for _, found, _unit, bound in csv_fields(field, value):
                record.append(found)
                if measure.kind in PAY_KINDS:
                    record.append(bound)
        reasons = _reasons(table, pay)
        record.append("; ".join(f"{k}: {v}" for k, v in reasons.items()))
        rows.append(tuple(record))
    return Records((*header, "not_published"), tuple(rows))
