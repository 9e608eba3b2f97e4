"""The figure registry: every figure a comparison shows is declared once, as a Field.

A :class:`Field` says what a figure is (key, label, kind, unit), where it lives in the
model, whether a higher figure is worth pointing out, the path the dataset's
``unpublished`` table uses for it and, for an official figure, the store column it is
read from. A :class:`SectionSpec` groups a section's fields with the sentence above its
table, the notes under it and the store tables its figures come from; each section
declares its own in one module of :mod:`jobcompare.registry.sections`, named as its
``Section`` value.

Everything else derives from these declarations: the store reader (sources/), rows,
differences and highest/lowest marks (engine/), JSON keys and ``unpublished`` keys, CSV
fields and units, the notes naming an unpublished figure (output/), and the JSON Schema
(:mod:`jobcompare.output.schema`). The registry never reads data and never draws.

To add a figure: the model field, one :class:`Field` here, and its importer's column. To
add a section: a ``Section`` value, one module in sections/, the model and the importer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.registry.section import Section

if TYPE_CHECKING:
    from jobcompare.model import Role


class Kind(Enum):
    """What a figure's values are, which decides how they print and how they differ."""

    MONEY = "money"  # Amount, a year's pay
    RATE = "rate"  # Amount, an hour's pay
    WEEKLY = "weekly"  # a week's pay in whole dollars (CPS), a plain number; never a year's
    RANGE = "range"  # SalaryRange
    COUNT = "count"  # int
    PERCENT = "percent"  # a share, 0-100
    GROWTH = "growth"  # a signed percentage
    NUMBER = "number"  # a plain figure: age, years, a rating
    TEXT = "text"  # a short string
    DEGREE = "degree"  # Degree
    DURATION = "duration"  # TimeToBecome
    PARAGRAPH = "paragraph"  # a long string, shown below the table
    LIST = "list"  # tuple[str, ...], shown as ranked columns
    SKILLS = "skills"  # tuple[Skill, ...], shown as ranked columns with shares
    TECHNOLOGY = "technology"  # tuple[Technology, ...]: a LIST whose items carry flags
    PLACE = "place"  # Place: where pay is highest, with the average wage there
    #: tuple[Factor, ...]: BLS's sentences on why it expects the change (EP table 1.12),
    #: shown below the table, grouped by the factors they name
    REASONS = "reasons"
    #: Exposure: a published AI exposure score with its rank among the occupations its
    #: measure rates ("0.46 · higher than 72%"); never ranked or differenced here.
    EXPOSURE = "exposure"


#: Kinds shown as ranked columns, one item a row.
LISTS = (Kind.LIST, Kind.TECHNOLOGY)
#: Kinds of many items a role (no single value a table cell can hold).
MANY = (*LISTS, Kind.SKILLS, Kind.REASONS)
#: Kinds shown apart from a section's table of figures.
BELOW_TABLE = (Kind.PARAGRAPH, *MANY)
#: Kinds whose values are single numbers, set right-aligned in a column.
NUMERIC = (
    Kind.MONEY, Kind.RATE, Kind.WEEKLY, Kind.COUNT, Kind.PERCENT, Kind.GROWTH, Kind.NUMBER
)  # fmt: skip

#: The unit of each kind's figures, in CSV; a field may say better (``Field.unit``).
KIND_UNITS = {
    Kind.MONEY: "USD/year",
    Kind.RATE: "USD/hour",
    Kind.WEEKLY: "USD/week",
    Kind.RANGE: "USD/year",
    Kind.COUNT: "jobs",
    Kind.PERCENT: "%",
    Kind.GROWTH: "%",
    Kind.EXPOSURE: "score 0-1",
}


@dataclass(frozen=True)
class Field:
    """One figure of a section."""

    #: Where the figure is inside its section in JSON and CSV ("percentiles.p10").
    key: str
    label: str
    kind: Kind
    #: The role's value (None when the source has none); by default the value at the
    #: model path ``source``.
    get: Callable[[Role], object] | None = None
    #: The model path the dataset's ``unpublished`` table names it by ("salary.average").
    source: str | None = None
    #: How a note names it ("average salary"); by default the label in lower case.
    name: str | None = None
    #: Its unit in CSV ("years", "rating 0-5"); by default the kind's.
    unit: str | None = None
    #: Mark the highest and lowest figure: pay, jobs, growth, satisfaction, as opposed to
    #: neutral figures such as an age or a race share.
    ranked: bool = False
    #: Rows of one distribution (gender, race) share a group label.
    group: str | None = None
    #: Draw each figure as a bar of this much (100 for a share of everyone).
    bar_scale: float | None = None
    #: Left out of the tables (lists and charts included) unless some role has it; JSON and
    #: CSV always carry it (null), so every role object has the same keys.
    only_if_any: bool = False
    #: For a PARAGRAPH: the heading above each role's text ("What does {a} do?"; {a} is
    #: the role with its article).
    heading: str | None = None
    #: For a PARAGRAPH: why a role has no text, said in its place; None to leave it out.
    missing: Callable[[Role], str | None] | None = None
    #: The source key of official roles' figures ("oews", "ep", "onet", "cps", ...): the
    #: section's source line and the JSON ``sources`` name it (see Role.citations).
    origin: str | None = None
    #: For a LIST: how many items a table shows unless all are asked for (JSON has all).
    limit: int | None = None
    #: For a LIST: a single role's profile shows every item (duties).
    whole_in_profile: bool = False
    #: A row the concise page (an official occupation shown without --full) leaves out:
    #: a distribution's shares, the percentiles, a figure another section shows too.
    #: JSON, CSV and Markdown carry it whatever the page.
    detail: bool = False
    #: A row the concise page shows only where the compared roles' figures differ: one
    #: saying the same of every role ("None" work experience) adds nothing there; --full,
    #: a profile and the data formats always carry it.
    differs: bool = False
    #: For a LIST or the skills: how many items the concise page shows (``limit`` with
    #: --all-duties' opposite, --full: all).
    brief: int | None = None
    #: What a table says in place of a role's missing figure when the figure does not
    #: apply to it (None: it is missing, "—"); JSON and CSV keep null.
    not_applicable: Callable[[Role], str | None] | None = None
    #: Whether the compared roles' figures are shown at all (else None for every role):
    #: figures that only mean something beside another role's.
    shown_if: Callable[[Sequence[Role]], bool] | None = None
    #: For an official figure kept in a store table of one row per occupation (see
    #: :class:`StoreTable`): ``"table.column"``. The store reader puts the column's value
    #: at the model path ``source``, or the table's reason for its absence.
    column: str | None = None
    #: The figure is the table's row for all occupations (SOC 00-0000), the same for every
    #: role: a baseline shown beside each role's own figure.
    total: bool = False
    #: For a figure of hand-written roles: the JSON key of the field official occupations
    #: give the same concept by (``overview.projected_change`` for ``growth_rate``). A
    #: comparison shows both as declared; ``jobcompare table`` shows them in one column,
    #: each role's from its own field, with the row's source.
    official: str | None = None
    #: For a figure its source publishes a relative standard error for (BLS OEWS's mean
    #: wages): the role's error, in percent of the figure. Each role's figure after the
    #: first is then marked when its difference from the first role's is within the
    #: survey's margin (engine/margin.py).
    rse: Callable[[Role], object] | None = None
    #: Whether two roles' figures get a difference: not a figure about a figure (a
    #: relative standard error), whose difference means nothing.
    compared: bool = True

    def value(self, role: Role) -> object:
        """The role's figure (None when the source has none)."""
        if self.get is not None:
            return self.get(role)
        if self.source is None:
            raise TypeError(f"field {self.key!r} has neither get nor source")
        return at_path(role, self.source)

    @property
    def note_name(self) -> str:
        return self.name or self.label.lower()

    @property
    def csv_unit(self) -> str:
        return self.unit if self.unit is not None else KIND_UNITS.get(self.kind, "")


def at_path(target: object, path: str) -> object:
    """The value at a model path ("overview.jobs", "demographics.race_ethnicity.white": an
    attribute of an attribute, or a key of a dict); None where anything on the way is."""
    value: object = target
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
        if value is None:
            return None
    return value


class StoreTable(NamedTuple):
    """A store table of one row per occupation (keyed by ``soc``) whose columns the
    fields name (``Field.column``): how the store reader says a figure is missing."""

    name: str
    #: The source key ("ep", "cps"): its label starts every reason, and it is cited.
    origin: str
    #: Why every figure of the table is missing when it has no row for the occupation.
    no_row: str = "no row for this occupation"
    #: Cite the source when the occupation has a row ("row"), or only when some figure of
    #: it is published ("figure": a row may say only why it has none).
    cite: str = "row"
    #: Why a figure of the all-occupations row (SOC 00-0000) is missing, when the source
    #: leaves it out by design (else the row's own reason).
    total_missing: str | None = None
    #: The column of the row saying why figures are missing ("Dash indicates ...:
    #: percent_women, median_age"), when the table has one.
    reason: str | None = None
    #: A column whose text the reader puts at a model path: (column, model path).
    notes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SectionSpec:
    """A section: its figures in the order shown, and what is said with them."""

    section: Section
    fields: tuple[Field, ...]
    #: The sentence above the table, for two or more roles (it speaks of differences).
    intro: Callable[[Sequence[Role]], str] | None = None
    #: Sources of several fields that a note names as one when all are unpublished:
    #: {"salary.percentiles": "percentiles"}.
    together: dict[str, str] = field(default_factory=dict)
    #: Notes below the section's table and lists: what its figures measure (only those
    #: the compared roles have).
    notes: Callable[[Sequence[Role]], Sequence[str]] | None = None
    #: The concise page's footnotes, short (by default the notes): what a reader needs to
    #: read the rows that page shows.
    brief: Callable[[Sequence[Role]], Sequence[str]] | None = None
    #: The store tables of one row per occupation that its fields' ``column`` name.
    tables: tuple[StoreTable, ...] = ()


@cache
def spec(section: Section) -> SectionSpec:
    """The declaration of ``section``, from the module of this package named after it."""
    module = importlib.import_module(f"jobcompare.registry.sections.{section.value}")
    declared: SectionSpec = module.SECTION
    return declared


def specs() -> tuple[SectionSpec, ...]:
    return tuple(spec(s) for s in Section)


def all_fields() -> tuple[tuple[Section, Field], ...]:
    return tuple((s.section, f) for s in specs() for f in s.fields)


@cache
def by_source() -> dict[str, tuple[tuple[Section, Field], ...]]:
    """Model path -> the figures showing it (``salary.average`` is in two sections)."""
    found: dict[str, list[tuple[Section, Field]]] = {}
    for section, figure in all_fields():
        if figure.source:
            found.setdefault(figure.source, []).append((section, figure))
    return {path: tuple(figures) for path, figures in found.items()}


@cache
def together() -> dict[str, str]:
    names: dict[str, str] = {}
    for declared in specs():
        names.update(declared.together)
    return names


#: The model path of one skill's O*NET level, before the skill's name
#: ("skills.level.Programming": sources/store_profile.py records its reason so).
SKILL_LEVEL = "skills.level."


def json_keys(source: str, role: Role | None = None) -> list[str]:
    """The JSON paths (``section.key``) of the figures a model path is shown as; the path
    itself when no figure shows it. Given the ``role``, one skill's level is the path of
    that item of its skills list, as the JSON has it: ``skills.skills[2].level``."""
    if source.startswith(SKILL_LEVEL) and role is not None:
        name = source.removeprefix(SKILL_LEVEL)
        index = next((i for i, s in enumerate(role.skills) if s.name == name), None)
        if index is not None:
            return [f"{s.value}.{f.key}[{index}].level" for s, f in by_source().get("skills", ())]
    shown = by_source().get(source, ())
    return [f"{s.value}.{f.key}" for s, f in shown] or [source]


def note_name(source: str) -> str:
    """How a note names the figure at a model path."""
    shown = by_source().get(source)
    if shown:
        return shown[0][1].note_name
    if source.startswith(SKILL_LEVEL):  # one skill's O*NET level (store_profile.py)
        return f"{source.removeprefix(SKILL_LEVEL)} level"
    return together().get(source, source)


@cache
def store_tables() -> dict[str, StoreTable]:
    """Every store table a section declares, by name."""
    return {t.name: t for declared in specs() for t in declared.tables}


@cache
def columns() -> dict[str, tuple[Field, ...]]:
    """Store table -> the fields read from its columns, in the registry's order, each
    model path once (a figure shown in two sections is read once)."""
    found: dict[str, dict[str, Field]] = {}
    for _, figure in all_fields():
        if figure.column is not None and figure.source is not None:
            table = figure.column.split(".", 1)[0]
            found.setdefault(table, {}).setdefault(figure.source, figure)
    return {table: tuple(by_path.values()) for table, by_path in found.items()}
