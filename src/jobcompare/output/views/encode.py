"""A declared figure's value as data: its JSON value and its CSV fields, by its kind. The
comparison, profile and table views all encode figures so, so a figure is written the
same way wherever it appears.

Numbers stay numbers as the source wrote them (``35695``, ``17.16``, ``12.0``), missing is
null (JSON) or empty (CSV), and a lower bound (a top-coded wage) is ``{"at_least":
239200}`` in JSON and ``at_least`` in CSV's ``bound`` column, never a plain number.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING

from jobcompare.engine.shared import is_shared
from jobcompare.model import (
    Amount,
    Degree,
    Exposure,
    Factor,
    Place,
    SalaryRange,
    Skill,
    Technology,
    TimeToBecome,
)
from jobcompare.output.views.shape import JSONValue
from jobcompare.registry.fields import Field, Kind

if TYPE_CHECKING:
    from jobcompare.sources.store_types import Figure

#: One CSV field of a figure: its key, value, unit and bound ("at_least" or "").
CSVField = tuple[str, object, str, str]


def put(target: dict[str, JSONValue], dotted: str, value: JSONValue) -> None:
    """Set ``value`` at a dotted key ("percentiles.p10"), making the objects on the way."""
    *parents, leaf = dotted.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[leaf] = value


def amount(value: Amount | None) -> JSONValue:
    if value is None:
        return None
    return {"at_least": value.value} if value.at_least else value.value


def figure_json(figure: Figure | None) -> JSONValue:
    """A store figure (OEWS) as :func:`amount` writes one: ``86070``, ``{"at_least":
    239200}`` for a top-coded lower bound, or null when BLS did not publish it (its reason
    goes beside it, in an ``unpublished`` map)."""
    return amount(None if figure is None else figure.amount())


def json_value(kind: Kind, value: object, shared: Sequence[str] = ()) -> JSONValue:
    """A figure of ``kind`` as JSON."""
    if value is None:
        return None
    if isinstance(value, Amount):
        return amount(value)
    if isinstance(value, SalaryRange):
        return {"min": amount(value.min), "max": amount(value.max)}
    if isinstance(value, Place):
        return {"name": value.name, "kind": value.kind, "average_salary": amount(value.pay)}
    if isinstance(value, Exposure):
        return exposure(value)
    if kind is Kind.SKILLS and isinstance(value, tuple):
        return [_skill(s, shared) for s in value if isinstance(s, Skill)]
    if kind is Kind.TECHNOLOGY and isinstance(value, tuple):
        return [
            {"name": t.name, "hot": t.hot, "in_demand": t.in_demand}
            for t in value
            if isinstance(t, Technology)
        ]
    if kind is Kind.REASONS and isinstance(value, tuple):
        return [_reason(f) for f in value if isinstance(f, Factor)]
    if isinstance(value, tuple):
        return list(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def exposure(value: Exposure) -> dict[str, JSONValue]:
    """A published AI exposure score as JSON: the score as published, how many of the
    measure's rated occupations score strictly lower, how many it rates, and that share
    in percent, rounded down."""
    return {
        "score": value.score,
        "lower": value.lower,
        "rated": value.rated,
        "higher_than_percent": value.higher_than,
    }


def _skill(skill: Skill, shared: Sequence[str]) -> dict[str, JSONValue]:
    document: dict[str, JSONValue] = {"name": skill.name, "share": skill.share}
    if skill.importance is not None:  # O*NET's ratings, for official roles
        document["importance"] = skill.importance
        document["level"] = skill.level
    document["shared"] = is_shared(skill, shared)
    return document


def _reason(factor: Factor) -> dict[str, JSONValue]:
    """One of BLS's reasons (EP table 1.12): its sentence exactly, with what it names."""
    return {
        "industry": factor.industry,
        "industry_code": factor.industry_code,
        "factors": list(factor.factors),
        "direction": factor.direction,
        "text": factor.text,
        "mentions_ai": factor.mentions_ai,
    }


def csv_fields(field: Field, value: object, shared: Sequence[str] = ()) -> Iterator[CSVField]:
    """A figure's CSV fields: ``(key, value, unit, bound)``, the key its JSON key (a range
    is ``.min`` and ``.max``, a list item ``.1``, ``.2`` ...)."""
    key, kind = field.key, field.kind
    if kind in (Kind.MONEY, Kind.RATE):
        yield _amount(key, value, field.csv_unit)
    elif kind is Kind.RANGE:
        low, high = (value.min, value.max) if isinstance(value, SalaryRange) else (None, None)
        yield _amount(f"{key}.min", low, field.csv_unit)
        yield _amount(f"{key}.max", high, field.csv_unit)
    elif kind is Kind.PLACE:
        place = value if isinstance(value, Place) else None
        yield f"{key}.name", place.name if place else None, "", ""
        yield f"{key}.kind", place.kind if place else None, "", ""
        yield _amount(f"{key}.average_salary", place.pay if place else None, "USD/year")
    elif kind is Kind.EXPOSURE:
        found = value if isinstance(value, Exposure) else None
        yield f"{key}.score", found.score if found else None, field.csv_unit, ""
        yield f"{key}.lower", found.lower if found else None, "occupations", ""
        yield f"{key}.rated", found.rated if found else None, "occupations", ""
        yield f"{key}.higher_than_percent", found.higher_than if found else None, "%", ""
    elif kind is Kind.DEGREE:
        name, share = (value.name, value.share) if isinstance(value, Degree) else (None, None)
        yield f"{key}.name", name, "", ""
        yield f"{key}.share", _number(share), "%", ""
    elif kind is Kind.DURATION:
        time = value if isinstance(value, TimeToBecome) else None
        yield f"{key}.min_months", time.min_months if time else None, "months", ""
        yield f"{key}.max_months", time.max_months if time else None, "months", ""
    elif kind in (Kind.LIST, Kind.TECHNOLOGY):
        items = value if isinstance(value, tuple) else ()
        for rank, item in enumerate(items, start=1):
            if isinstance(item, Technology):  # its name and O*NET's flags, each a field
                yield f"{key}.{rank}.name", item.name, "", ""
                yield f"{key}.{rank}.hot", item.hot, "", ""
                yield f"{key}.{rank}.in_demand", item.in_demand, "", ""
                continue
            yield f"{key}.{rank}", str(item), "", ""
    elif kind is Kind.SKILLS:
        skills = [s for s in value if isinstance(s, Skill)] if isinstance(value, tuple) else []
        for rank, skill in enumerate(skills, start=1):
            yield f"{key}.{rank}.name", skill.name, "", ""
            yield f"{key}.{rank}.share", _number(skill.share), "%", ""
            if skill.importance is not None:  # O*NET's ratings, for official roles
                yield f"{key}.{rank}.importance", _number(skill.importance), "rating 1-5", ""
                yield f"{key}.{rank}.level", _number(skill.level), "rating 0-7", ""
            yield f"{key}.{rank}.shared", is_shared(skill, shared), "", ""
    elif kind is Kind.REASONS:
        reasons = [f for f in value if isinstance(f, Factor)] if isinstance(value, tuple) else []
        for rank, factor in enumerate(reasons, start=1):
            yield f"{key}.{rank}.industry", factor.industry, "", ""
            yield f"{key}.{rank}.industry_code", factor.industry_code, "", ""
            yield f"{key}.{rank}.factors", "; ".join(factor.factors) or None, "", ""
            yield f"{key}.{rank}.direction", factor.direction, "", ""
            yield f"{key}.{rank}.text", factor.text, "", ""
            yield f"{key}.{rank}.mentions_ai", factor.mentions_ai, "", ""
    elif kind in (Kind.TEXT, Kind.PARAGRAPH):
        yield key, value if isinstance(value, str) else None, "", ""
    else:  # COUNT, PERCENT, GROWTH, NUMBER
        yield key, _number(value), field.csv_unit, ""


def _amount(key: str, value: object, unit: str) -> CSVField:
    if not isinstance(value, Amount):
        return key, None, unit, ""
    return key, value.value, unit, "at_least" if value.at_least else ""


def _number(value: object) -> int | float | None:
    """A number as the source wrote it; None for anything else (a bool is no figure)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value
