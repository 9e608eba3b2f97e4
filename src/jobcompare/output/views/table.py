"""The table views: ``jobcompare table`` (chosen figures of many roles, one row each),
``table --area`` (BLS's measures of each role in each area, one row per role and area),
``table --fields list`` (every figure a table can show, and how many roles of each kind
have it) and ``table --area AREA --fields list`` (the measures of an area table). The
terminal, Markdown and HTML get a listing of the figures as a comparison shows them; JSON
and CSV reuse the comparison's encodings. Every row says its kind (official, total,
hand-written), and a column of one concept (``Field.official``) says each row's source."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jobcompare.engine.table import (
    AreaFieldList,
    AreaTable,
    BulkTable,
    Column,
    FieldList,
    kind_of,
)
from jobcompare.model import Role
from jobcompare.output.blocks import Document, Listing, Paragraph
from jobcompare.output.cells import cell
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.encode import csv_fields, json_value, put
from jobcompare.output.views.shape import JSONValue
from jobcompare.registry.fields import NUMERIC, Field, Kind
from jobcompare.sources.store import NOT_PUBLISHED
from jobcompare.sources.store_types import PAY_KINDS, Area, AreaPay
from jobcompare.text import join_words

IDENTITY = ("slug", "title", "soc", "kind")

Table = BulkTable | AreaTable | FieldList | AreaFieldList


def document(table: Table, options: Options) -> Document:
    if isinstance(table, FieldList):
        rows = tuple(
            (u.column.name, u.column.field.label, u.column.field.csv_unit or None,
             str(u.official), str(u.hand_written), u.column.official_name)
            for u in table.fields
        )  # fmt: skip
        header = ("Field", "Label", "Unit", f"Official (of {table.official})",
                  f"Hand-written (of {table.hand_written})", "Official field")  # fmt: skip
        return Document("Fields", (Listing(header, rows, right=(3, 4), records=True),))
    if isinstance(table, AreaFieldList):
        measures = tuple((m.name, m.label, _measure_field(m.name, m.label, m.kind).csv_unit or None)
                         for m in table.measures)  # fmt: skip
        listing = Listing(("Field", "Label", "Unit"), measures, records=True)
        return Document("Area fields", (listing,))
    if isinstance(table, AreaTable):
        kinds = [Kind[m.kind] for m in table.measures]
        labels = [m.label for m in table.measures]
        values = [[_area_value(pay, m.name, m.kind) for m in table.measures]
                  for _, _, pay in table.rows]  # fmt: skip
        roles = [role for role, _, _ in table.rows]
        named = join_words([f"{a.name} (BLS area {a.code})" for a in table.areas])
        lead = f"Figures for {named}, BLS OEWS."
        # One area: the lead names it; several: each row says its own.
        areas = [a.name for _, a, _ in table.rows] if len(table.areas) > 1 else None
        listing = _listing(roles, labels, kinds, values, areas)
        title = table.areas[0].name if len(table.areas) == 1 else "Areas"
        return Document(title, (Paragraph(lead), listing))
    labels = [c.field.label for c in table.columns]
    # Two sections may name a figure alike ("Average age"): then the section says which.
    labels = [f"{label} ({c.section.value})" if labels.count(label) > 1 else label
              for label, c in zip(labels, table.columns, strict=True)]  # fmt: skip
    kinds = [c.field.kind for c in table.columns]
    values = [table.values(role) for role in table.roles]
    blocks: list[Paragraph | Listing] = [_listing(table.roles, labels, kinds, values)]
    concepts = [c for c in table.columns if c.official is not None]
    if concepts:
        said = "; ".join(
            f"{c.field.label}: for an official occupation, its {c.official[1].note_name} "
            f"({c.official_name} in a comparison); for a hand-written role, its own"
            for c in concepts if c.official is not None
        )  # fmt: skip
        blocks.append(Paragraph(f"{said}. CSV and JSON give each row's source.", "note"))
    return Document("Table", tuple(blocks))


def _listing(
    roles: Sequence[Role], labels: list[str], kinds: list[Kind], values: list[list[object]],
    areas: Sequence[str] | None = None,
) -> Listing:  # fmt: skip
    """One row per role (and area): slug, title, SOC code, kind, the area when there are
    several, then each figure as a comparison shows it."""
    where = [(a,) for a in areas] if areas is not None else [()] * len(roles)
    rows = tuple(
        (role.slug, role.title, role.soc, kind_of(role), *area,
         *(cell(kind, value) for kind, value in zip(kinds, row, strict=True)))
        for role, area, row in zip(roles, where, values, strict=True)
    )  # fmt: skip
    lead = 4 + (areas is not None)
    right = tuple(lead + i for i, kind in enumerate(kinds) if kind in NUMERIC)
    header = ("Slug", "Title", "SOC", "Kind", *(("Area",) if areas is not None else ()))
    return Listing((*header, *labels), rows, right=right, wrap=1, labelled=True)


def data(table: Table) -> JSONValue:
    """An array, one object per row: ``{slug, title, soc, kind, <section>: {<key>:
    value}}``, each value as in a comparison's JSON, and ``sources: {<column>: source}``
    for a column of one concept, ``not_published: {<column>: reason}``; with --area
    ``{..., kind, area: {code, name}, figures:
    {measure: value}, not_published: {measure: reason}}``, one per role and area."""
    if isinstance(table, FieldList | AreaFieldList):
        return list(_fields(table))
    if isinstance(table, AreaTable):
        found: list[JSONValue] = []
        for role, area, pay in table.rows:
            figures: dict[str, JSONValue] = {}
            for measure in table.measures:
                value = _area_value(pay, measure.name, measure.kind)
                figures[measure.name] = json_value(Kind[measure.kind], value)
            found.append({"slug": role.slug, "title": role.title, "soc": role.soc,
                          "kind": kind_of(role), "area": {"code": area.code, "name": area.name},
                          "figures": figures,
                          "not_published": _reasons(table, area, pay)})  # fmt: skip
        return found
    concepts = [c for c in table.columns if c.official is not None]
    rows: list[JSONValue] = []
    for role in table.roles:
        document: dict[str, JSONValue] = {"slug": role.slug, "title": role.title,
                                          "soc": role.soc, "kind": kind_of(role)}  # fmt: skip
        for column, value in zip(table.columns, table.values(role), strict=True):
            part, key = column.path
            section = document.setdefault(part, {})
            put(section, key, json_value(column.field.kind, value))
        if concepts:
            document["sources"] = {c.name: c.source(role) for c in concepts}
        document["not_published"] = dict(_unpublished(table, role))
        rows.append(document)
    return rows


def _unpublished(table: BulkTable, role: Role) -> dict[str, str]:
    """Why each figure of the table a role lacks is missing, in its source's words, by
    the column's name (as the area table's ``not_published``): only where a source says."""
    found: dict[str, str] = {}
    for column, value in zip(table.columns, table.values(role), strict=True):
        reason = role.unpublished.get(column.figure(role).source or "")
        if value is None and reason:
            found[column.name] = reason
    return found


def records(table: Table) -> Records:
    """One record per role: slug, title, SOC code, kind, then each figure as the source
    wrote it (empty when missing), a wage with its ``.bound`` (``at_least`` for a top-coded
    one: a lower bound is never a plain number), a column of one concept with its
    ``.source``, and why any figure is missing (``not_published``); with --area, one per
    role and area: the area, each measure and why any is missing."""
    if isinstance(table, FieldList | AreaFieldList):
        listed = _fields(table)
        return Records(tuple(listed[0]), tuple(tuple(row.values()) for row in listed))
    if isinstance(table, AreaTable):
        return _area_records(table)
    header: list[str] = list(IDENTITY)
    for column in table.columns:
        header += [name for name, _ in _cells(column, None, None)]
    rows = []
    for role in table.roles:
        record: list[object] = [role.slug, role.title, role.soc, kind_of(role)]
        for column, value in zip(table.columns, table.values(role), strict=True):
            record += [value for _, value in _cells(column, value, role)]
        reasons = _unpublished(table, role)
        record.append("; ".join(f"{k}: {v}" for k, v in reasons.items()))
        rows.append(tuple(record))
    return Records((*header, "not_published"), tuple(rows))


def _fields(table: FieldList | AreaFieldList) -> list[dict[str, JSONValue]]:
    """A field list's rows, keyed as JSON and CSV name their fields."""
    if isinstance(table, AreaFieldList):
        return [{"field": m.name, "label": m.label,
                 "unit": _measure_field(m.name, m.label, m.kind).csv_unit}
                for m in table.measures]  # fmt: skip
    return [{"field": u.column.name, "label": u.column.field.label,
             "unit": u.column.field.csv_unit, "official": u.official,
             "hand_written": u.hand_written, "official_field": u.column.official_name}
            for u in table.fields]  # fmt: skip


def _cells(column: Column, value: object, role: Role | None) -> Iterator[tuple[str, object]]:
    """(header, value) for each CSV column a figure takes: the comparison CSV's fields (a
    range is ``.min`` and ``.max``), a ``.bound`` column beside each wage, and a
    ``.source`` column after a column of one concept."""
    wages = column.field.kind in (Kind.MONEY, Kind.RATE, Kind.RANGE)
    part, own = column.path
    for key, found, _unit, bound in csv_fields(column.field, value):
        name = f"{part}.{own}{key.removeprefix(column.field.key)}"
        yield name, found
        if wages:
            yield f"{name}.bound", bound
    if column.official is not None:
        yield f"{column.name}.source", None if role is None else column.source(role)


# -- areas ------------------------------------------------------------------------------------


def _measure_field(name: str, label: str, kind: str) -> Field:
    """An area measure as a Field, for its CSV encoding and unit."""
    return Field(name, label, Kind[kind])


def _area_value(pay: AreaPay | None, measure: str, kind: str) -> object:
    return None if pay is None else pay.figures[measure].shown(kind)


def _reasons(table: AreaTable, area: Area, pay: AreaPay | None) -> dict[str, str]:
    """Why each measure shown is missing, in the publisher's words."""
    if pay is None:
        return {m.name: f"BLS publishes no estimate for this occupation in {area.name}."
                for m in table.measures}  # fmt: skip
    return {m.name: pay.figures[m.name].reason or NOT_PUBLISHED for m in table.measures
            if pay.figures[m.name].value is None}  # fmt: skip


def _area_records(table: AreaTable) -> Records:
    header = [*IDENTITY, "area_code", "area"]
    for measure in table.measures:
        header.append(measure.name)
        if measure.kind in PAY_KINDS:
            header.append(f"{measure.name}.bound")
    fields = [_measure_field(m.name, m.label, m.kind) for m in table.measures]
    rows = []
    for role, area, pay in table.rows:
        record: list[object] = [role.slug, role.title, role.soc, kind_of(role), area.code,
                                area.name]  # fmt: skip
        for measure, field in zip(table.measures, fields, strict=True):
            value = _area_value(pay, measure.name, measure.kind)
            for _, found, _unit, bound in csv_fields(field, value):
                record.append(found)
                if measure.kind in PAY_KINDS:
                    record.append(bound)
        reasons = _reasons(table, area, pay)
        record.append("; ".join(f"{k}: {v}" for k, v in reasons.items()))
        rows.append(tuple(record))
    return Records((*header, "not_published"), tuple(rows))
