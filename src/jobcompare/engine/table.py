"""``jobcompare table``: chosen figures of many roles, one row per role, for analysts.

A column is a declared figure of the registry (:mod:`jobcompare.registry.fields`), named
by its JSON key (``overview.yearly_salary``, ``salary.percentiles.p50``), so the table
and a comparison can never disagree about what a figure is or how it is written. With
``--area``, the columns are BLS's measures in that area, read by primary key per role.
The table view (output/views/table.py) writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.errors import FieldError
from jobcompare.model import Role
from jobcompare.registry.fields import MANY, Field, Kind, all_fields
from jobcompare.registry.section import Section

if TYPE_CHECKING:
    from jobcompare.sources.store_types import Area, AreaPay


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
_TABULAR = tuple(k for k in Kind if k not in MANY)


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
        return [column.field.value(role) for column in self.columns]


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
    from jobcompare.engine.areas import JOB_MEASURES, PAY_MEASURES

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


class FieldList(NamedTuple):
    """``jobcompare table --fields list``: every figure a table can show."""

    columns: tuple[Column, ...]
