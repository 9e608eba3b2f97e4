"""The one JSON shape of a comparison (and of a role, and of the role list).

The shape is pinned by ``schema/comparison.schema.json``, shipped in the package and
checked against every output in the tests. Numbers are numbers, missing is null, and a
lower bound (a top-coded wage) is ``{"at_least": 239200}`` so nobody mistakes it for an
exact figure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

from jobcompare import __version__
from jobcompare.compare import Comparison, Kind, Row, SectionResult, is_shared, unpublished_keys
from jobcompare.model import Amount, Listed, Place, Role, SalaryRange, Skill, Technology

JSONValue = Any
SCHEMA_VERSION = 1


def dumps(document: JSONValue) -> str:
    # ensure_ascii: control characters and odd code points leave as \u escapes, so the
    # JSON is safe to print to a terminal whatever the dataset holds.
    # allow_nan=False: JSON is always strict; a non-finite figure is a bug, never output.
    return json.dumps(document, indent=2, ensure_ascii=True, allow_nan=False) + "\n"


def comparison_document(comparison: Comparison) -> dict[str, JSONValue]:
    roles = comparison.roles
    summary = comparison.summary
    pay = summary.pay
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "sections": [s.section.value for s in comparison.sections],
        "roles": [
            role_document(r, comparison.sections, i, summary.shared_skills)
            for i, r in enumerate(roles)
        ],
        "summary": {
            "sentences": list(summary.sentences),
            "pay": None
            if pay is None
            else {
                # Equal pay has no highest or lowest: null, and "equal" says why.
                "highest": None if pay.equal else roles[pay.highest].slug,
                "lowest": None if pay.equal else roles[pay.lowest].slug,
                "equal": pay.equal,
                "difference": _number(pay.difference),
                "difference_percent": None if pay.percent is None else round(pay.percent, 4),
                "per": pay.per,
                "measure": pay.measure,
            },
            "top_skills": {
                r.slug: list(top) for r, top in zip(roles, summary.top_skills, strict=True)
            },
            "shared_skills": list(summary.shared_skills),
        },
        "differences": _differences(comparison) if len(roles) == 2 else None,
    }


def role_document(
    role: Role,
    sections: Sequence[SectionResult],
    index: int = 0,
    shared: Sequence[str] = (),
) -> dict[str, JSONValue]:
    """One role: identity, then its values in each section, keyed as the section's rows."""
    document: dict[str, JSONValue] = {
        "slug": role.slug,
        "title": role.title,
        "soc": role.soc,
        "category": role.category,
        "source": role.source,
        "unpublished": unpublished_keys(role, [s.section for s in sections]),
    }
    sources: dict[str, JSONValue] = {}
    for result in sections:
        values: dict[str, JSONValue] = {}
        for row in result.rows:
            _put(values, row.key, _value(row, row.values[index], shared))
            citation = role.citations.get(row.field.origin or "")
            if citation is not None and row.values[index] is not None:
                sources[f"{result.section.value}.{row.key}"] = {
                    "source": citation.name,
                    "release": citation.release,
                    "year": citation.year,
                }
        document[result.section.value] = values
    if role.citations:  # official roles: where each figure they have comes from
        document["sources"] = sources
    notes = _notes(role, sections)
    if notes:
        document["notes"] = notes
    return document


def _notes(role: Role, sections: Sequence[SectionResult]) -> dict[str, JSONValue]:
    """What the notes under each section say of this role, as the tables print them: what
    a figure measures and the caveats its source attaches (a CPS row that covers several
    occupations, an EP education row that is not an exact match with the ACS)."""
    from jobcompare import fields

    notes: dict[str, JSONValue] = {}
    for result in sections:
        declared = fields.spec(result.section)
        said = list(declared.notes([role])) if declared.notes else []
        if said:
            notes[result.section.value] = said
    return notes


def list_document(roles: Sequence[Listed]) -> list[dict[str, JSONValue]]:
    return [{"slug": r.slug, "title": r.title, "category": r.category, "soc": r.soc} for r in roles]


def _put(target: dict[str, JSONValue], dotted: str, value: JSONValue) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[leaf] = value


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def amount(value: Amount | None) -> JSONValue:
    if value is None:
        return None
    return {"at_least": value.value} if value.at_least else value.value


def _value(row: Row, value: object, shared: Sequence[str]) -> JSONValue:
    if value is None:
        return None
    if isinstance(value, Amount):
        return amount(value)
    if isinstance(value, SalaryRange):
        return {"min": amount(value.min), "max": amount(value.max)}
    if isinstance(value, Place):
        return {"name": value.name, "kind": value.kind, "average_salary": amount(value.pay)}
    if row.kind is Kind.SKILLS and isinstance(value, tuple):
        return [_skill(s, shared) for s in value if isinstance(s, Skill)]
    if isinstance(value, tuple) and value and isinstance(value[0], Technology):
        return [
            {"name": t.name, "hot": t.hot, "in_demand": t.in_demand}
            for t in value
            if isinstance(t, Technology)
        ]
    if isinstance(value, tuple):
        return list(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def _skill(skill: Skill, shared: Sequence[str]) -> dict[str, JSONValue]:
    document: dict[str, JSONValue] = {"name": skill.name, "share": skill.share}
    if skill.importance is not None:  # O*NET's ratings, for official roles
        document["importance"] = skill.importance
        document["level"] = skill.level
    document["shared"] = is_shared(skill, shared)
    return document


def _differences(comparison: Comparison) -> dict[str, JSONValue]:
    differences: dict[str, JSONValue] = {}
    for result in comparison.sections:
        section: dict[str, JSONValue] = {}
        for row in result.rows:
            if row.delta is not None:
                delta = row.delta
                _put(
                    section,
                    row.key,
                    {
                        "value": _number(delta.value),
                        "unit": delta.unit,
                        "percent": None if delta.percent is None else round(delta.percent, 4),
                    },
                )
        differences[result.section.value] = section
    return differences


#: For other writers of figures (the bulk table, bulk.py): the same encodings.
json_value = _value
put = _put
