"""What the comparison engine returns: plain values that every view reads.

A :class:`Comparison` (``jobcompare A B``) and a :class:`Profile` (``jobcompare show``)
hold their rows by section, each row a declared figure (:mod:`jobcompare.registry`) for
every role, with its difference and highest/lowest marks. Named tuples: immutable, and
cheap to define at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from jobcompare.registry.fields import Field, Kind
from jobcompare.registry.section import Section

if TYPE_CHECKING:
    from jobcompare.engine.moves import Gap, Nearest
    from jobcompare.engine.pay import PayPlaces
    from jobcompare.model import Role


DeltaUnit = Literal["dollars", "points", "count", "number"]


@dataclass(frozen=True)
class Delta:
    """Second role minus first: ``value`` in the row's unit, ``percent`` relative to the
    first role's figure where a ratio means something (money and counts)."""

    value: float
    unit: DeltaUnit
    percent: float | None = None
    #: Decimal places the figures are written with (3,391.0: 1): the difference keeps
    #: them ("-1,697.0", not "-1,697"); None when unknown.
    places: int | None = field(default=None, compare=False)


class Row(NamedTuple):
    """One declared figure (see :mod:`jobcompare.registry.fields`) for every compared role."""

    field: Field
    values: tuple[object, ...]  # one per role, None where the role has no data
    delta: Delta | None = None  # only when exactly two roles are compared
    highest: tuple[int, ...] = ()  # roles with the highest figure, when the figures differ
    lowest: tuple[int, ...] = ()  # and with the lowest
    #: Whether the tables show this row (a field's ``shown_if``; an ``only_if_any`` figure
    #: no role has is hidden); the data writers (JSON,
    #: CSV) carry its values either way, so a role's figures never depend on its company.
    displayed: bool = True
    #: For a figure with a published relative standard error (``Field.rse``): for each
    #: role, whether its figure is within the survey's margin of the first role's (not
    #: significant at 90%; engine/margin.py), None when unknown; the first role's entry
    #: is None. Empty for every other figure.
    margin: tuple[bool | None, ...] = ()

    @property
    def key(self) -> str:
        """Dotted path of this figure inside its section, as in the JSON output."""
        return self.field.key

    @property
    def label(self) -> str:
        return self.field.label

    @property
    def kind(self) -> Kind:
        return self.field.kind

    @property
    def group(self) -> str | None:
        return self.field.group

    @property
    def has_data(self) -> bool:
        """Whether any role has this figure (tables hide a row that none has)."""
        return any(value is not None for value in self.values)


class SectionResult(NamedTuple):
    section: Section
    intro: str | None
    rows: tuple[Row, ...]

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    @property
    def has_data(self) -> bool:
        return any(row.has_data for row in self.rows)


class PayComparison(NamedTuple):
    highest: int  # index of the best-paid role
    lowest: int
    difference: float  # dollars, highest minus lowest, per ``per``
    percent: float | None  # of the lowest; None when the lowest is $0
    #: "year" (average salaries), or "hour" when some role is paid by the hour only (BLS
    #: publishes no yearly figure for it) but every role has an hourly rate.
    per: Literal["year", "hour"] = "year"
    #: "median" when every role has an exact median (per ``per``), else "average".
    measure: Literal["median", "average"] = "average"
    #: Every role paid the most, and every role paid the least (ties share a place).
    top: tuple[int, ...] = ()
    bottom: tuple[int, ...] = ()

    @property
    def equal(self) -> bool:
        """Every role is paid the same."""
        return self.difference == 0


class Summary(NamedTuple):
    sentences: tuple[str, ...]
    pay: PayComparison | None  # None when an average is missing or only a lower bound
    top_skills: tuple[tuple[str, ...], ...]  # per role, up to three
    shared_skills: tuple[str, ...]  # named by every role, in the first role's order


#: What a key difference is about (engine/keydiff.py).
Topic = Literal["pay", "outlook", "entry", "skill_gap", "other", "ai_exposure"]


class KeyFigure(NamedTuple):
    """One figure a line rests on: ``key`` its JSON path in the comparison
    ("salary.percentiles.p50"; "skill_gap.gap"), ``role`` the slug (None for a figure of
    no one role: all occupations, the gap)."""

    key: str
    label: str
    role: str | None
    value: float | int | str | None
    unit: str = ""
    at_least: bool = False
    #: Why the source publishes no value (the role's own reason), when it gives one.
    reason: str | None = None


class KeyDelta(NamedTuple):
    """The difference a two-role line states: highest minus lowest."""

    value: float
    unit: str
    percent: float | None = None
    at_least: bool = False


class KeyDifference(NamedTuple):
    topic: Topic
    #: The heading the line starts with ("Pay"; line 5: what its figure is).
    label: str
    #: The sentence (two roles) or ranking (three or four), figures included.
    text: str
    #: The section the figures are shown in.
    section: Section
    #: The sources of the figures, as a section's source line names them.
    sources: tuple[str, ...]
    figures: tuple[KeyFigure, ...]
    difference: KeyDelta | None = None

    @property
    def line(self) -> str:
        """The line as a document shows it: heading, sources, then the text."""
        return f"{self.label} ({'; '.join(self.sources)}): {self.text}"


class Comparison(NamedTuple):
    """``jobcompare A B``: the roles (narrowed to the sections shown), their sections, the
    summary and the key differences."""

    roles: tuple[Role, ...]
    sections: tuple[SectionResult, ...]
    summary: Summary
    #: The skill gap of two compared roles (engine/moves.py), when either has a SOC code.
    gap: Gap | None = None
    #: The lines that open a comparison of official occupations (engine/keydiff.py).
    key_differences: tuple[KeyDifference, ...] = ()
    #: With --pay: where the amount falls among each role's percentiles (engine/pay.py).
    your_pay: PayPlaces | None = None


class Profile(NamedTuple):
    """``jobcompare show ROLE``: one role and its sections."""

    role: Role
    sections: tuple[SectionResult, ...]
    #: The official occupation a hand-written role's title resolves to (docs/titles.md).
    nearest: Nearest | None = None
    #: With --pay: where the amount falls among the role's percentiles (engine/pay.py).
    your_pay: PayPlaces | None = None
