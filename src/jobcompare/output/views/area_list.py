"""The view of ``jobcompare areas``: the areas BLS publishes figures for, as a listing,
JSON (``schema/areas.schema.json#/$defs/list``) and CSV, one record per area; and an area
as JSON, as every area view gives it."""

from __future__ import annotations

from typing import Any

from jobcompare import __version__
from jobcompare.engine.areas import AreaList, kind_label
from jobcompare.output.blocks import Document, Listing
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.shape import SCHEMA_VERSION, JSONValue
from jobcompare.sources.store_types import Area

HEADER = ("code", "kind", "state", "name", "type", "territory", "district", "cbsa")


def area_json(area: Area) -> dict[str, Any]:
    """An area as every area view's JSON gives it: its fields, in their order (code, name,
    type, state, territory, district, cbsa)."""
    return dict(area._asdict())


def document(result: AreaList, options: Options) -> Document:
    """Code, kind, postal code and name in aligned columns, names wrapped under their
    column."""
    rows = tuple((a.code, kind_label(a), a.state or "", a.name) for a in result.areas)
    listing = Listing(("Code", "Kind", "State", "Name"), rows, wrap=3, stack_lead=1)
    return Document("Areas", (listing,) if rows else ())


def data(result: AreaList) -> JSONValue:
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "kind": "area-list",
        "areas": [{**area_json(a), "kind": kind_label(a)} for a in result.areas],
    }


def records(result: AreaList) -> Records:
    return Records(HEADER, tuple(
        (a.code, kind_label(a), a.state, a.name, a.type, a.territory, a.district, a.cbsa)
        for a in result.areas
    ))  # fmt: skip
