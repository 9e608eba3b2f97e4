"""The JSON Schema of the comparison's, a profile's and the listings' JSON documents,
generated: each section's figures from the registry (a figure's key, kind and unit say its
shape), the rest (the summary, the differences, moves, search hits, the table) declared
here once. The shipped ``schema/comparison.schema.json`` is this module's output, and a
test fails when they differ. Regenerate it after declaring a figure or a section:

    python -m jobcompare.output.schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jobcompare.output.schema_documents import DOCUMENTS
from jobcompare.output.schema_parts import DEFS, HEAD, PROPERTIES, ROLE, TABLE
from jobcompare.output.schema_pay import PAY_DEFS, YOUR_PAY
from jobcompare.registry.fields import Field, Kind, SectionSpec, specs
from jobcompare.registry.section import Section

SCHEMA_FILE = Path(__file__).parent.parent / "schema" / "comparison.schema.json"

#: Each kind's JSON shape.
KINDS: dict[Kind, dict[str, Any]] = {
    Kind.MONEY: {"$ref": "#/$defs/money"},
    Kind.RATE: {"$ref": "#/$defs/money"},
    Kind.WEEKLY: {"type": ["integer", "null"], "minimum": 0},
    Kind.RANGE: {"$ref": "#/$defs/range"},
    Kind.COUNT: {"type": ["integer", "null"], "minimum": 0},
    Kind.PERCENT: {"$ref": "#/$defs/share"},
    Kind.GROWTH: {"$ref": "#/$defs/number"},
    Kind.NUMBER: {"$ref": "#/$defs/number"},
    Kind.TEXT: {"$ref": "#/$defs/text"},
    Kind.PARAGRAPH: {"$ref": "#/$defs/text"},
    Kind.DEGREE: {"$ref": "#/$defs/degree"},
    Kind.DURATION: {"$ref": "#/$defs/duration"},
    Kind.PLACE: {"$ref": "#/$defs/place"},
    Kind.EXPOSURE: {"$ref": "#/$defs/exposure"},
    Kind.LIST: {"type": ["array", "null"], "items": {"type": "string"}},
    Kind.SKILLS: {"$ref": "#/$defs/skills"},
    Kind.TECHNOLOGY: {"$ref": "#/$defs/technology"},
    Kind.REASONS: {"$ref": "#/$defs/reasons"},
}


def figure(field: Field) -> dict[str, Any]:
    """A figure's shape, said in words by its label and unit (unless the label already
    says it: "All jobs, 2024 (thousands)")."""
    unit = f" ({field.csv_unit})" if field.csv_unit and not field.label.endswith(")") else ""
    return {**KINDS[field.kind], "description": field.label + unit}


def _object() -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": [], "properties": {}}


def section(declared: SectionSpec) -> dict[str, Any]:
    """A section's object: its figures keyed as its rows (dotted keys nest), every figure
    required (null when the role has none), so every role object has the same keys."""
    top = _object()
    for field in declared.fields:
        *parents, leaf = field.key.split(".")
        target = top
        for part in parents:
            if part not in target["required"]:
                target["required"].append(part)
            target = target["properties"].setdefault(part, _object())
        target["properties"][leaf] = figure(field)
        target["required"].append(leaf)
    return top


def build() -> dict[str, Any]:
    """The whole schema."""
    role = {**ROLE, "properties": {**ROLE["properties"], "your_pay": YOUR_PAY}}
    table = json.loads(json.dumps(TABLE))
    for declared in specs():
        name = declared.section.value
        role["properties"][name] = section(declared)
        table["items"]["properties"][name] = {"type": "object"}
    sections = {"section_name": {"enum": [s.value for s in Section]}}
    defs = {**sections, **DEFS, **PAY_DEFS, **DOCUMENTS, "role": role, "table": table}
    return {**HEAD, "properties": {**PROPERTIES, "your_pay": YOUR_PAY}, "$defs": defs}


def text() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(text(), encoding="utf-8")
