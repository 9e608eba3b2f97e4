"""The figure registry: every figure a comparison shows is declared once, as a Field.

A :class:`Field` says what a figure is (key, label, kind, unit), where it lives in the
model, whether a higher figure is worth pointing out, and the path the dataset's
``unpublished`` table uses for it. A :class:`SectionSpec` groups a section's fields with
the sentence above its table and the charts drawn from it; each section declares its own
in one module of :mod:`jobcompare.sections`, named as its ``Section`` value.

Rows, differences, highest/lowest marks (compare.py), JSON keys and ``unpublished`` keys
(jsonout.py), CSV fields and units (exports.py) and the notes naming an unpublished figure
all come from these declarations; tests hold them and the shipped JSON schema together.

To add a figure to a section: add the model field, then one :class:`Field` in the
section's module. To add a section: a ``Section`` value and one module in sections/.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from jobcompare.sections import Section

if TYPE_CHECKING:
    from jobcompare.model import Role
    from jobcompare.present import Block


class Kind(Enum):
    """What a figure's values are, which decides how they print and how they differ."""

    MONEY = "money"  # Amount, a year's pay
    RATE = "rate"  # Amount, an hour's pay
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
    PLACE = "place"  # Place: where pay is highest, with the average wage there


#: Kinds shown apart from a section's table of figures.
BELOW_TABLE = (Kind.PARAGRAPH, Kind.LIST, Kind.SKILLS)

#: The unit of each kind's figures, in CSV; a field may say better (``Field.unit``).
KIND_UNITS = {
    Kind.MONEY: "USD/year",
    Kind.RATE: "USD/hour",
    Kind.RANGE: "USD/year",
    Kind.COUNT: "jobs",
    Kind.PERCENT: "%",
    Kind.GROWTH: "%",
}


@dataclass(frozen=True)
class Field:
    """One figure of a section."""

    #: Where the figure is inside its section in JSON and CSV ("percentiles.p10").
    key: str
    label: str
    kind: Kind
    #: The role's value (None when the source has none).
    get: Callable[[Role], object]
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
    #: Left out of the section (JSON included) unless some role has it.
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
    #: What a table says in place of a role's missing figure when the figure does not
    #: apply to it (None: it is missing, "—"); JSON and CSV keep null.
    not_applicable: Callable[[Role], str | None] | None = None
    #: Whether the compared roles' figures are shown at all (else None for every role):
    #: figures that only mean something beside another role's.
    shown_if: Callable[[Sequence[Role]], bool] | None = None

    @property
    def note_name(self) -> str:
        return self.name or self.label.lower()

    @property
    def csv_unit(self) -> str:
        return self.unit if self.unit is not None else KIND_UNITS.get(self.kind, "")


@dataclass(frozen=True)
class SectionSpec:
    """A section: its figures in the order shown, and what is said and drawn with them."""

    section: Section
    fields: tuple[Field, ...]
    #: The sentence above the table, for two or more roles (it speaks of differences).
    intro: Callable[[Sequence[Role]], str] | None = None
    #: Pictures drawn below the table, as data (see :mod:`jobcompare.present`).
    charts: Callable[[Sequence[Role]], Sequence[Block]] | None = None
    #: Sources of several fields that a note names as one when all are unpublished:
    #: {"salary.percentiles": "percentiles"}.
    together: dict[str, str] = field(default_factory=dict)
    #: Notes below the section's table and lists: what its figures measure (only those
    #: the compared roles have).
    notes: Callable[[Sequence[Role]], Sequence[str]] | None = None


@cache
def spec(section: Section) -> SectionSpec:
    """The declaration of ``section``, from the module of this package named after it."""
    module = importlib.import_module(f"jobcompare.sections.{section.value}")
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


def json_keys(source: str) -> list[str]:
    """The JSON keys (``section.key``) of the figures a model path is shown as; the path
    itself when no figure shows it."""
    shown = by_source().get(source, ())
    return [f"{s.value}.{f.key}" for s, f in shown] or [source]


def note_name(source: str) -> str:
    """How a note names the figure at a model path."""
    shown = by_source().get(source)
    if shown:
        return shown[0][1].note_name
    if source.startswith("skills.level."):  # one skill's O*NET level (store_profile.py)
        return f"{source.removeprefix('skills.level.')} level"
    return together().get(source, source)
