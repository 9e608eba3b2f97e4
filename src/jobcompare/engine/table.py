"""``jobcompare table``: chosen figures of many roles, one row per role, for analysts.

A column is a declared figure of the registry (:mod:`jobcompare.registry.fields`), named
by its JSON key (``overview.yearly_salary``, ``salary.percentiles.p50``), so the table
and a comparison can never disagree about what a figure is or how it is written.

One column per concept: where official occupations publish a concept under another field
than hand-written roles (the seed page's growth rate is BLS Employment Projections'
projected change for an occupation; the registry says so with ``Field.official``), the
table shows both in the hand-written field's column, each row's figure read from the
field of its own kind of role (a role has only one of the two, so nothing is filled from
another source), with the row's source beside it. Every row says its kind: an official
occupation, BLS's all-occupations total, or a hand-written role.

With ``--area``, the columns are BLS's measures in each area asked for, one row per role
and area, read by primary key. The table view (output/views/table.py) writes them.
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

#: A row's kind: an official occupation (the store's), BLS's total of all occupations
#: (SOC 00-0000, a baseline rather than an occupation), or a hand-written (TOML) role.
OFFICIAL, TOTAL, HAND_WRITTEN = "official", "total", "hand-written"
#: BLS's code for the total of all occupations (as sources/store.py's ALL_OCCUPATIONS).
ALL_OCCUPATIONS = "00-0000"


def kind_of(role: Role) -> str:
    """Whether ``role`` is an official occupation, the all-occupations total or a
    hand-written role: official roles cite the sources of their figures, hand-written ones
    none (their ``source`` says it), whatever SOC code they give."""
    if not role.official:
        return HAND_WRITTEN
    return TOTAL if role.soc == ALL_OCCUPATIONS else OFFICIAL


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
    #: The field official occupations give the same concept by (``Field.official``): its
    #: section and field; None when they give it by ``field`` itself.
    official: tuple[Section, Field] | None = None
    #: The name it was asked for by, when that is official occupations' own key
    #: (``--fields projected_change`` gives a column ``overview.projected_change``).
    called: str | None = None

    @property
    def name(self) -> str:
        """The column's name: the figure's JSON key, ``section.key`` (the official
        occupations' key of the concept, when asked for by it)."""
        return self.called or f"{self.section.value}.{self.field.key}"

    @property
    def path(self) -> tuple[str, str]:
        """Its name as (section, key within the section): where JSON puts it."""
        section, _, key = self.name.partition(".")
        return section, key

    @property
    def official_name(self) -> str | None:
        """The JSON key official occupations' figure has in a comparison, when another."""
        return None if self.official is None else f"{self.official[0].value}.{self.official[1].key}"

    def figure(self, role: Role) -> Field:
        """The field ``role``'s figure is read from: its own kind of role's."""
        if self.official is not None and kind_of(role) != HAND_WRITTEN:
            return self.official[1]
        return self.field

    def value(self, role: Role) -> object:
        return self.figure(role).value(role)

    def source(self, role: Role) -> str | None:
        """Where a concept column's figure of ``role`` comes from: the publisher official
        occupations' field cites ("BLS Employment Projections 2024–34"), or a hand-written
        role's own source; None for another column, or when the role has no figure."""
        if self.official is None or self.value(role) is None:
            return None
        if kind_of(role) == HAND_WRITTEN:
            return role.source
        citation = role.citations.get(self.official[1].origin or "")
        return None if citation is None else citation.label


class BulkTable(NamedTuple):
    """The chosen figures of each role, in the order asked for."""

    columns: tuple[Column, ...]
    roles: tuple[Role, ...]

    def values(self, role: Role) -> list[object]:
        return [column.value(role) for column in self.columns]


def _concepts() -> tuple[list[Column], dict[str, Column]]:
    """Every column, and the columns official occupations' own fields are shown in, by
    the field's JSON key (``overview.projected_change`` -> ``overview.growth_rate``)."""
    declared = {f"{s.value}.{f.key}": (s, f) for s, f in all_fields()}
    every: list[Column] = []
    shown_in: dict[str, Column] = {}
    for section, field in all_fields():
        official = None if field.official is None else declared[field.official]
        column = Column(section, field, official)
        every.append(column)
        if field.official is not None:
            shown_in[field.official] = column
    return [c for c in every if c.name not in shown_in], shown_in


def available() -> list[Column]:
    """Every figure a table can show, in the order comparisons show them: one column per
    concept (official occupations' projected change is in the growth rate's column)."""
    # The SOC code is a column of every table already.
    every, _ = _concepts()
    return [c for c in every if c.field.kind in _TABULAR and c.field.key != "soc"]


def columns(names: Sequence[str] | None) -> tuple[Column, ...]:
    """The columns ``names`` ask for (commas separate names too): a full key
    (``overview.number_of_jobs``) or a key that only one section has
    (``number_of_jobs``). FieldError names every unknown or ambiguous one at once."""
    if not names:
        names = DEFAULT_FIELDS
    wanted = [n.strip() for name in names for n in name.split(",") if n.strip()]
    every = available()
    _, shown_in = _concepts()
    # Official occupations' own name of a concept is its column's name too.
    by_name = {**shown_in, **{c.name: c for c in every}}
    found: list[Column] = []
    problems: list[str] = []
    for name in wanted:
        key = name.lower()
        if key in shown_in:  # asked for by official occupations' own key: named so
            found.append(shown_in[key]._replace(called=key))
            continue
        if key in by_name:
            found.append(by_name[key])
            continue
        matches = [c for c in every if c.field.key == key]
        matches += [c._replace(called=name) for name, c in shown_in.items()
                    if name.split(".", 1)[1] == key and c not in matches]  # fmt: skip
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
    # Each concept once, in the order first asked, by the name it was first asked by.
    first: dict[tuple[Section, str], Column] = {}
    for column in found:
        first.setdefault((column.section, column.field.key), column)
    return tuple(first.values())


#: The measures an area table can show (BLS OEWS in one area), by their store names.
AREA_DEFAULT = ("employment", "annual_mean", "hourly_mean", "annual_p10", "annual_p50",
                "annual_p90")  # fmt: skip


class AreaMeasure(NamedTuple):
    name: str  # the store's measure ("annual_p50")
    label: str
    kind: str  # MONEY, RATE, COUNT, NUMBER


class AreaTable(NamedTuple):
    """The chosen OEWS measures of each role in each area asked for: one row per role and
    area, a role's areas together, in the order given (``pay`` None: no estimate)."""

    areas: tuple[Area, ...]
    measures: tuple[AreaMeasure, ...]
    rows: tuple[tuple[Role, Area, AreaPay | None], ...]


def every_measure() -> dict[str, AreaMeasure]:
    """Every measure an area table can show, by its store name, in BLS's order."""
    from jobcompare.engine.areas import JOB_MEASURES, PAY_MEASURES

    return {m: AreaMeasure(m, label, kind) for m, label, kind in (*JOB_MEASURES, *PAY_MEASURES)}


def area_measures(names: Sequence[str] | None) -> tuple[AreaMeasure, ...]:
    """The measures ``names`` ask for (commas separate names too); FieldError names every
    unknown one at once."""
    every = every_measure()
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


class FieldUse(NamedTuple):
    """A column, and how many roles of each kind have its figure."""

    column: Column
    official: int  # official occupations (the all-occupations total aside)
    hand_written: int


class FieldList(NamedTuple):
    """``jobcompare table --fields list``: every figure a table can show, and how many of
    the official occupations and hand-written roles the table sees have it."""

    fields: tuple[FieldUse, ...]
    official: int  # how many official occupations there are
    hand_written: int


def field_list(roles: Sequence[Role]) -> FieldList:
    """Every column, counted over ``roles``: which figures official occupations have is
    read from the figures themselves, so the list cannot claim one they do not publish."""
    every = available()
    official = [r for r in roles if kind_of(r) == OFFICIAL]
    own = [r for r in roles if kind_of(r) == HAND_WRITTEN]
    fields = tuple(
        FieldUse(c, sum(c.value(r) is not None for r in official),
                 sum(c.value(r) is not None for r in own))
        for c in every
    )  # fmt: skip
    return FieldList(fields, len(official), len(own))


class AreaFieldList(NamedTuple):
    """``jobcompare table --area AREA --fields list``: the measures an area table shows."""

    measures: tuple[AreaMeasure, ...]
