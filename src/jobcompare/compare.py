"""The comparison engine: roles in, section rows and summary facts out. No Rich here.

A :class:`Comparison` is what every output is made from: the Rich tables, the summary
paragraph and the JSON document all read it, so they cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from jobcompare import fields
from jobcompare import formatting as fmt
from jobcompare.fields import Field, SectionSpec, spec
from jobcompare.fields import Kind as Kind
from jobcompare.model import Amount, Degree, Number, Percentiles, Role, Skill, TimeToBecome
from jobcompare.sections import MAX_ROLES as MAX_ROLES
from jobcompare.sections import MIN_ROLES as MIN_ROLES
from jobcompare.sections import ComparisonError as ComparisonError
from jobcompare.sections import Section as Section
from jobcompare.sections import check_role_count
from jobcompare.text import capitalise, casual, join_words, title_cased, with_article

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
    """One declared figure (see :mod:`jobcompare.fields`) for every compared role."""

    field: Field
    values: tuple[object, ...]  # one per role, None where the role has no data
    delta: Delta | None = None  # only when exactly two roles are compared
    highest: tuple[int, ...] = ()  # roles with the highest figure, when the figures differ
    lowest: tuple[int, ...] = ()  # and with the lowest
    #: Whether the tables show this row (a field's ``shown_if``); the data writers (JSON,
    #: CSV) carry its values either way, so a role's figures never depend on its company.
    displayed: bool = True

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


class Comparison(NamedTuple):
    roles: tuple[Role, ...]
    sections: tuple[SectionResult, ...]
    summary: Summary


def compare(roles: Sequence[Role], sections: Sequence[Section] = tuple(Section)) -> Comparison:
    """Compare 2-4 roles in the given sections (shown in the standard order, once each)."""
    check_role_count(len(roles))
    slugs = [r.slug for r in roles]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise ComparisonError(f"role '{twice[0]}' is given more than once")
    roles = tuple(narrowed(r, sections) for r in roles)
    return Comparison(roles, build_sections(roles, sections), summarise(roles))


def path_sections(path: str) -> frozenset[Section] | None:
    """The sections that show the figure at a model path ("salary.average": overview and
    salary; "skills.level.Programming": skills); None when no section does."""
    declared = fields.by_source()
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        shown = declared.get(".".join(parts[:end]))
        if shown:
            return frozenset(section for section, _ in shown)
    if path == "description":
        return frozenset({Section.OVERVIEW})
    known = {s.value: s for s in Section}
    return frozenset({known[parts[0]]}) if parts[0] in known else None


def narrowed(role: Role, sections: Sequence[Section]) -> Role:
    """``role`` with only the notes of the ``sections`` shown: why their figures are not
    published, and (official roles) the sources of their figures. The one place where
    --section narrows the notes every output writes."""
    from dataclasses import replace

    shown = set(sections)
    if shown >= set(Section):
        return role
    unpublished = {
        path: reason
        for path, reason in role.unpublished.items()
        if (where := path_sections(path)) is None or where & shown
    }
    source = role.source
    if role.source_parts:
        used = {f.origin for s in shown for f in spec(s).fields if f.origin}
        known = {f.origin for s in Section for f in spec(s).fields if f.origin}
        # The description's O*NET credit goes with the overview, which shows it; O*NET's
        # own line only for other O*NET figures shown without it (one credit, not two).
        described = Section.OVERVIEW in shown
        kept = [
            text
            for key, text in role.source_parts
            if key == "oews"
            or (key == "description" and described)
            or (key == "onet" and "onet" in used and not described)
            or (key not in ("description", "onet") and (key in used or key not in known))
        ]
        source = "; ".join(kept) or None
    if unpublished == role.unpublished and source == role.source:
        return role
    return replace(role, unpublished=unpublished, source=source)


def build_sections(
    roles: Sequence[Role], sections: Sequence[Section] = tuple(Section)
) -> tuple[SectionResult, ...]:
    """The section rows for any number of roles (one, for a role's full profile)."""
    roles = tuple(roles)
    return tuple(build_section(spec(s), roles) for s in Section if s in sections)


def build_section(declared: SectionSpec, roles: Sequence[Role]) -> SectionResult:
    """A section's declared figures for ``roles``, with differences and extremes."""
    rows = []
    for figure in declared.fields:
        values = tuple(figure.get(role) for role in roles)
        displayed = figure.shown_if is None or figure.shown_if(roles)
        if figure.only_if_any and all(v is None for v in values):
            continue
        highest, lowest = _extremes(figure.kind, values) if figure.ranked else ((), ())
        delta = _delta(figure.kind, values) if len(values) == 2 else None
        rows.append(Row(figure, values, delta, highest, lowest, displayed))
    # The source's sentence above a table speaks of differences: a profile has none.
    intro = declared.intro(roles) if declared.intro and len(roles) > 1 else None
    return SectionResult(declared.section, intro, tuple(rows))


# -- rows ---------------------------------------------------------------------------------


def _comparable(kind: Kind, value: object) -> float | None:
    """The figure to compare, or None when there is none or it is not exact."""
    if value is None:
        return None
    if isinstance(value, Amount):
        return None if value.at_least else float(value.value)
    if kind in (Kind.COUNT, Kind.PERCENT, Kind.GROWTH, Kind.NUMBER) and isinstance(
        value, (int, float)
    ):
        return float(value)
    return None


def _delta(kind: Kind, values: tuple[object, ...]) -> Delta | None:
    first, second = values
    if kind is Kind.DEGREE:
        # A share difference means something only for the same degree.
        if (
            isinstance(first, Degree)
            and isinstance(second, Degree)
            and first.name == second.name
            and first.share is not None
            and second.share is not None
        ):
            return Delta(_clean(second.share - first.share), "points")
        return None
    a, b = _comparable(kind, first), _comparable(kind, second)
    if a is None or b is None:
        return None
    unit: DeltaUnit = {
        Kind.MONEY: "dollars",
        Kind.RATE: "dollars",
        Kind.COUNT: "count",
        Kind.PERCENT: "points",
        Kind.GROWTH: "points",
    }.get(kind, "number")  # type: ignore[assignment]
    ratio = relative_percent(b, a) if unit in ("dollars", "count") else None
    difference = finite(b - a)
    if difference is None:
        return None
    return Delta(_clean(difference), unit, ratio, max(_places(first), _places(second)))


def _places(value: object) -> int:
    """How many decimals a figure is written with: 0 for 12, 1 for 3,391.0 and 42.3."""
    if isinstance(value, Amount):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, float):
        return 0
    text = repr(value)
    if "e" in text or "." not in text:
        return 0
    return min(len(text.split(".")[1]), 6)


#: A relative difference beyond this many percent (ten thousand times) says nothing a
#: reader can use, and only a near-zero base gives one: it is left out as not meaningful.
MAX_PERCENT = 1_000_000.0


def finite(value: float) -> float | None:
    """``value`` when it is a finite figure; None (not meaningful) when arithmetic on
    extreme figures overflowed."""
    return value if math.isfinite(value) else None


def relative_percent(new: float, base: float) -> float | None:
    """How much ``new`` is above (or below) ``base``, in percent of ``base``; None when
    that is not meaningful: a zero base, an overflow, or beyond MAX_PERCENT."""
    if not base:
        return None
    try:
        ratio = (new - base) / base * 100
    except (OverflowError, ZeroDivisionError):
        return None
    return ratio if math.isfinite(ratio) and abs(ratio) <= MAX_PERCENT else None


def _clean(value: float) -> float:
    """Undo binary noise: 73.4 - 88.0 is -14.6, not -14.599999999999994."""
    return round(value, 6)


def _extremes(kind: Kind, values: tuple[object, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(roles with the highest figure, roles with the lowest), when the figures differ and
    the order is certain: a lower bound ("≥ $239,200") is above every exact figure it
    exceeds, but two bounds, or a bound below an exact figure, cannot be ordered."""
    exact = [_comparable(kind, v) for v in values]
    bounds = [float(v.value) if isinstance(v, Amount) and v.at_least else None for v in values]
    known = [f for f in exact if f is not None]
    bound = [b for b in bounds if b is not None]
    if len(known) + len(bound) < 2:
        return (), ()
    if bound:
        if len(bound) > 1 or (known and max(known) >= bound[0]):
            return (), ()
        highest = tuple(i for i, b in enumerate(bounds) if b is not None)
        lowest = tuple(i for i, f in enumerate(exact) if known and f == min(known))
        return highest, lowest
    if len(set(known)) == 1:
        return (), ()
    top, bottom = max(known), min(known)
    return (
        tuple(i for i, f in enumerate(exact) if f == top),
        tuple(i for i, f in enumerate(exact) if f == bottom),
    )


# -- notes every output words the same way ---------------------------------------------


def source_notes(roles: Sequence[Role]) -> list[tuple[str, str | None]]:
    """Each distinct source, with the roles it covers ("both roles", "all roles", their
    titles; None when a single role is shown)."""
    by_source: dict[str, list[str]] = {}
    for role in roles:
        for source in _sources_of(role):
            by_source.setdefault(source, []).append(role.title)
    notes: list[tuple[str, str | None]] = []
    for source, titles in by_source.items():
        if len(roles) == 1:
            notes.append((source, None))
        elif len(titles) == len(roles):
            notes.append((source, f"{'both' if len(roles) == 2 else 'all'} roles"))
        else:
            notes.append((source, join_words(titles)))
    return notes


def _sources_of(role: Role) -> list[str]:
    """The role's source line as its separate sources, each its own note: an official
    role's line joins several publishers' attributions with "; " (kept whole when it is
    not exactly such a join)."""
    if not role.source:
        return []
    parts = [text for _, text in role.source_parts if text in role.source]
    if parts and "; ".join(parts) == role.source:
        # A part that continues the line ("description from the O*NET 30.3 Database ...")
        # starts a bullet of its own with a capital.
        return list(dict.fromkeys(text[:1].upper() + text[1:] for text in parts))
    return [role.source]


def unpublished_notes(role: Role) -> list[tuple[str, str]]:
    """(the fields, why) for each reason the source gave for leaving figures out:
    "average salary, salary range and percentiles", "Wages for some occupations ..."."""
    by_reason: dict[str, list[str]] = {}
    for path, reason in role.unpublished.items():
        by_reason.setdefault(reason, []).append(path)
    notes = []
    for reason, paths in by_reason.items():
        for whole in fields.together():  # all five percentiles read better as one
            parts = [s for s in fields.by_source() if s.startswith(whole + ".")]
            if parts and all(p in paths for p in parts):
                paths = [p for p in paths if p not in parts] + [whole]
        notes.append((join_words([fields.note_name(p) for p in paths]), reason))
    return notes


def unpublished_keys(role: Role, sections: Sequence[Section] | None = None) -> dict[str, str]:
    """The role's unpublished figures by their JSON keys ("salary.average_salary"), with
    the source's reason; with ``sections``, only the keys of those sections."""
    shown = None if sections is None else {s.value for s in sections}
    return {
        key: reason
        for path, reason in sorted(role.unpublished.items())
        for key in fields.json_keys(path)
        if shown is None
        or "." not in key
        or key.split(".")[0] in shown
        or key.split(".")[0] not in {s.value for s in Section}
    }


def no_data_note(section: Section, role_count: int) -> str:
    who = "this role" if role_count == 1 else "these roles"
    return f"The dataset has no {section.value} figures for {who}."


def shared_note(role_count: int) -> str:
    """What the shared-skill mark means."""
    return "listed for both roles" if role_count == 2 else f"listed for all {role_count} roles"


# -- summary ------------------------------------------------------------------------------


def shared_skills(roles: Sequence[Role]) -> tuple[str, ...]:
    """Skills every role names (case-insensitive), in the first role's order and spelling."""
    if not roles:
        return ()
    others = [{s.name.casefold() for s in r.skills} for r in roles[1:]]
    return tuple(s.name for s in roles[0].skills if all(s.name.casefold() in o for o in others))


def is_shared(skill: Skill, shared: Sequence[str]) -> bool:
    """Whether ``skill`` is one of the ``shared`` names (case-insensitive). Marking every
    skill of a role tests the same ``shared`` many times: its set of names is made once
    (for the last tuple seen, which is kept alive here, so the identity test is sound)."""
    global _last_shared
    if isinstance(shared, tuple):
        if _last_shared is None or _last_shared[0] is not shared:
            _last_shared = (shared, frozenset(s.casefold() for s in shared))
        names = _last_shared[1]
    else:
        names = frozenset(s.casefold() for s in shared)
    return skill.name.casefold() in names


_last_shared: tuple[tuple[str, ...], frozenset[str]] | None = None


def pay_comparison(roles: Sequence[Role]) -> PayComparison | None:
    """Who is paid more and by how much: by median when every role has one (yearly, else
    hourly: BLS's median of an hourly-only occupation), else by average salary, else by
    hourly rate; None when some role has none of them as an exact figure."""
    measures: list[
        tuple[Literal["year", "hour"], Literal["median", "average"], list[Amount | None]]
    ] = [
        ("year", "median", [_median(r.salary.percentiles) for r in roles]),
        ("hour", "median", [_median(r.salary.hourly_percentiles) for r in roles]),
        ("year", "average", [r.salary.average for r in roles]),
        ("hour", "average", [r.salary.hourly for r in roles]),
    ]
    for per, measure, amounts in measures:
        figures = [a.value for a in amounts if a is not None and not a.at_least]
        if len(figures) == len(roles):
            highest = max(range(len(roles)), key=lambda i: figures[i])
            lowest = min(range(len(roles)), key=lambda i: figures[i])
            difference = finite(figures[highest] - figures[lowest])
            if difference is None:
                return None
            percent = relative_percent(figures[highest], figures[lowest])
            top = tuple(i for i, f in enumerate(figures) if f == figures[highest])
            bottom = tuple(i for i, f in enumerate(figures) if f == figures[lowest])
            return PayComparison(
                highest, lowest, _clean(difference), percent, per, measure, top, bottom
            )
    return None


def _median(percentiles: Percentiles | None) -> Amount | None:
    return percentiles.p50 if percentiles is not None else None


def pay_figure(role: Role, pay: PayComparison) -> Amount | None:
    """The figure ``pay`` compares for ``role``."""
    if pay.measure == "median":
        return _median(
            role.salary.percentiles if pay.per == "year" else role.salary.hourly_percentiles
        )
    return role.salary.average if pay.per == "year" else role.salary.hourly


def official(roles: Sequence[Role]) -> bool:
    """Whether a comparison speaks of official occupations (some role has a SOC code):
    their summary states facts, where the seed page's roles keep the page's wording."""
    return any(r.soc for r in roles)


def skill_words(role: Role, names: Sequence[str]) -> list[str]:
    """Skill names of ``role`` as a sentence says them: in lower case when the role's whole
    list is in Title Case (the seed page's and O*NET's style: "patient accounts"), else
    as the data spells them ("SQL", "Excel")."""
    if title_cased([s.name for s in role.skills]):
        return [casual(n) for n in names]
    return list(names)


def summarise(roles: Sequence[Role]) -> Summary:
    if official(roles):
        return _official_summary(roles)
    names = [r.singular for r in roles]
    opening = (
        f"The differences between {join_words([r.plural_noun for r in roles])} can be seen in a "
        "few details."
    )
    if any(r.duties for r in roles):  # only then is it something the comparison shows
        opening += " Each job has different responsibilities and duties."
    sentences = [opening]
    sentences += _time_sentences(roles, names)
    pay = pay_comparison(roles)
    sentences += _pay_sentences(roles, names, pay)
    sentences += outlook_sentences(roles, names)
    sentences += education_sentences(roles, names)
    top = tuple(tuple(s.name for s in r.skills[:3]) for r in roles)
    for index, (name, skills) in enumerate(zip(names, top, strict=True)):
        if not skills:
            continue
        listed = skill_words(roles[index], skills)
        # The source words the first role's list one way and the others another.
        if index == 0:
            top_n = (
                "top three skills" if len(listed) == 3 else _count_noun(len(listed), "top skill")
            )
            sentences.append(f"The {top_n} for {with_article(name)} include "
                             f"{join_words(listed)}.")  # fmt: skip
        elif len(listed) == 1:
            sentences.append(f"The most important skill for {with_article(name)} is "
                             f"{listed[0]}.")  # fmt: skip
        else:
            sentences.append(f"The most important skills for {with_article(name)} are "
                             f"{join_words(listed, oxford=True)}.")  # fmt: skip
    shared = shared_skills(roles)
    if shared:
        who = "Both roles" if len(roles) == 2 else f"All {len(roles)} roles"
        rated = all(s.importance is not None for r in roles for s in r.skills)
        among = "their ten most important skills (O*NET)" if rated else "their skills"
        sentences.append(f"{who} list {join_words(skill_words(roles[0], shared))} among {among}.")
    return Summary(tuple(sentences), pay, top, shared)


def _official_summary(roles: Sequence[Role]) -> Summary:
    """Every sentence a fact, each role named in the plural ("dentists, general" reads
    right where "a dentist, general" does not)."""
    people = [r.plural_noun for r in roles]
    pay = pay_comparison(roles)
    sentences = _official_pay(roles, people, pay)
    jobs = [(p, r.overview.jobs) for p, r in zip(people, roles, strict=True)
            if r.overview.jobs is not None]  # fmt: skip
    if jobs:
        counted = [f"{fmt.count(n)} for {p}" for p, n in jobs]
        first, *rest = counted
        sentences.append(
            f"The source counts {join_words([first.replace(' for ', ' jobs for ', 1), *rest])}."
        )
    known = [(r, r.time_to_become) for r in roles if r.time_to_become]
    for role, time in known:
        # "a dentist, general" reads wrong: a name with a comma is said in the plural.
        who = (f"work as one of the {role.plural_noun}" if "," in role.singular
               else f"become {with_article(role.singular)}")  # fmt: skip
        sentences.append(f"It typically takes {fmt.duration(time)} to {who}.")
    # BLS's projections and entry education: facts, said of the roles in the plural.
    names = [r.singular for r in roles]
    sentences += outlook_sentences(roles, names)
    sentences += education_sentences(roles, names)
    top = tuple(tuple(s.name for s in r.skills[:3]) for r in roles)
    for p, role, skills in zip(people, roles, top, strict=True):
        if skills:
            sentences.append(f"The top skills of {p}: {join_words(skill_words(role, skills))}.")
    shared = shared_skills(roles)
    if shared:
        who = "Both roles" if len(roles) == 2 else f"All {len(roles)} roles"
        rated = all(s.importance is not None for r in roles for s in r.skills)
        among = "their ten most important skills (O*NET)" if rated else "their skills"
        sentences.append(f"{who} list {join_words(skill_words(roles[0], shared))} among {among}.")
    return Summary(tuple(sentences), pay, top, shared)


def _official_pay(roles: Sequence[Role], people: list[str], pay: PayComparison | None) -> list[str]:
    if pay is None:
        bounds = [
            f"{p} earn at least {fmt.money(Amount(r.salary.average.value))} a year on average"
            for p, r in zip(people, roles, strict=True)
            if r.salary.average and r.salary.average.at_least
        ]
        if not bounds:
            return []
        return [capitalise(join_words(bounds)) + " (the source publishes no exact figure "
                "above that)."]  # fmt: skip
    per = "a year" if pay.per == "year" else "an hour"
    show = fmt.money if pay.per == "year" else fmt.rate
    figure = [pay_figure(r, pay) for r in roles]
    # What the figures are: BLS's median where every role has one, else the average.
    at = "at the median" if pay.measure == "median" else "on average"
    what = {("year", "median"): "median salary", ("hour", "median"): "median hourly wage",
            ("year", "average"): "average salary",
            ("hour", "average"): "average hourly rate"}[(pay.per, pay.measure)]  # fmt: skip
    if pay.equal:
        return [f"{capitalise(join_words(people))} earn the same {what}, "
                f"{show(figure[0])} {per}."]  # fmt: skip
    top = join_words([people[i] for i in pay.top])
    bottom = join_words([people[i] for i in pay.bottom])
    difference = show(Amount(_whole(pay.difference)))
    ratio = f" ({pay.percent:,.1f}%)" if pay.percent is not None else ""
    high, low = show(figure[pay.highest]), show(figure[pay.lowest])
    if len(roles) == 2:
        sentences = [f"{capitalise(top)} earn {high} {per} {at}, {difference}{ratio} more "
                     f"than {bottom} ({low})."]  # fmt: skip
    else:
        sentences = [
            f"{capitalise(top)} earn the most, {high} {per} {at}: "
            f"{difference}{ratio} more than {bottom}, who earn the least ({low})."
        ]
    if pay.per == "hour":
        yearly = (lambda r: _median(r.salary.percentiles)) if pay.measure == "median" else (
            lambda r: r.salary.average)  # fmt: skip
        missing = [p for p, r in zip(people, roles, strict=True) if yearly(r) is None]
        if missing:
            kind = "median" if pay.measure == "median" else "average"
            sentences.append(f"The source publishes no yearly {kind} for {join_words(missing)}.")
    return sentences


def _count_noun(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def _time_sentences(roles: Sequence[Role], names: list[str]) -> list[str]:
    known = [(n, r.time_to_become) for n, r in zip(names, roles, strict=True) if r.time_to_become]
    if not known:
        return []
    durations = {_duration_key(t) for _, t in known}
    if len(durations) == 1 and len(known) == len(roles):
        both = "both " if len(roles) == 2 else ""
        who = join_words([with_article(n) for n in names])
        return [f"It typically takes {fmt.duration(known[0][1])} to become {both}{who}."]
    # Roles that take as long share a clause: "6-12 months to become a ... or a ...".
    groups: dict[tuple[int, int], list[str]] = {}
    for name, value in known:
        groups.setdefault(_duration_key(value), []).append(with_article(name))
    parts = [
        f"{fmt.duration(TimeToBecome(*key))} to become {join_words(names, conjunction='or')}"
        for key, names in groups.items()
    ]
    return [f"It typically takes {join_words(parts)}."]


def _duration_key(value: TimeToBecome) -> tuple[int, int]:
    return (value.min_months, value.max_months)


def _pay_sentences(roles: Sequence[Role], names: list[str], pay: PayComparison | None) -> list[str]:
    if pay is None:
        bounds = [
            f"{with_article(n)} earns at least {fmt.money(Amount(r.salary.average.value))} a "
            "year on average (the source publishes no exact figure above that)"
            for n, r in zip(names, roles, strict=True)
            if r.salary.average and r.salary.average.at_least
        ]
        return [capitalise(join_words(bounds)) + "."] if bounds else []
    high, low = roles[pay.highest], roles[pay.lowest]
    if pay.measure == "median":
        return _median_sentences(roles, names, pay)
    if pay.per == "hour":
        show, high_pay, low_pay = (
            fmt.rate,
            fmt.rate(high.salary.hourly),
            fmt.rate(low.salary.hourly),
        )
    else:
        show, high_pay, low_pay = (
            fmt.money,
            fmt.money(high.salary.average),
            fmt.money(low.salary.average),
        )
    if pay.difference == 0:
        what = "average salary" if pay.per == "year" else "hourly rate"
        return [f"{capitalise(join_words([with_article(n) for n in names]))} earn the same "
                f"{what}, {high_pay} a{'n' if pay.per == 'hour' else ''} {pay.per}."]  # fmt: skip
    if pay.per == "year":
        sentence = (
            f"Additionally, {with_article(names[pay.highest])} has an average salary of "
            f"{high_pay}, which is higher than the {low_pay} average annual salary of "
            f"{with_article(names[pay.lowest])}."
        )
    else:
        sentence = (
            f"{capitalise(with_article(names[pay.highest]))} earns {high_pay} an hour on "
            f"average, which is higher than the {low_pay} hourly rate of "
            f"{with_article(names[pay.lowest])} (a yearly average is not published for every role)."
        )
    difference = show(Amount(_whole(pay.difference)))
    ratio = f" ({pay.percent:,.1f}%)" if pay.percent is not None else ""
    more = f"That is {difference}{ratio} more a{'n' if pay.per == 'hour' else ''} {pay.per}"
    if len(roles) > 2:
        more += f" than the lowest-paid of the {len(roles)} roles"
    return [sentence, more + "."]


def _whole(value: float) -> Number:
    return int(value) if float(value).is_integer() else value


def _median_sentences(roles: Sequence[Role], names: list[str], pay: PayComparison) -> list[str]:
    """The pay sentences when every role has a median: they say "median"."""
    show = fmt.money if pay.per == "year" else fmt.rate
    high_pay = show(pay_figure(roles[pay.highest], pay))
    low_pay = show(pay_figure(roles[pay.lowest], pay))
    unit = "salary" if pay.per == "year" else "hourly wage"
    a = "an" if pay.per == "hour" else "a"
    if pay.difference == 0:
        return [f"{capitalise(join_words([with_article(n) for n in names]))} have the same "
                f"median {unit}, {high_pay} {a} {pay.per}."]  # fmt: skip
    sentences = [
        f"Additionally, {with_article(names[pay.highest])} has a median {unit} of {high_pay}, "
        f"which is higher than the {low_pay} median {unit} of {with_article(names[pay.lowest])}."
    ]
    if pay.per == "hour":
        sentences[0] = sentences[0][:-1] + " (a yearly median is not published for every role)."
    difference = show(Amount(_whole(pay.difference)))
    ratio = f" ({pay.percent:,.1f}%)" if pay.percent is not None else ""
    more = f"That is {difference}{ratio} more {a} {pay.per} at the median"
    if len(roles) > 2:
        more += f" than the lowest-paid of the {len(roles)} roles"
    return [*sentences, more + "."]


def outlook_sentences(roles: Sequence[Role], names: list[str]) -> list[str]:
    """BLS's projected change of each role's employment, against all occupations."""
    known = [(n, r.overview) for n, r in zip(names, roles, strict=True)
             if r.overview.projected_change is not None]  # fmt: skip
    if not known:
        return []
    parts = [f"{fmt.percent(o.projected_change)} for {n}" for n, o in
             ((plural_of(roles, n), o) for n, o in known)]  # fmt: skip
    total = next((o.all_occupations_change for _, o in known
                  if o.all_occupations_change is not None), None)  # fmt: skip
    against = f" (all occupations: {fmt.percent(total)})" if total is not None else ""
    return [f"BLS projects employment to change by {join_words(parts)} from 2024 to "
            f"2034{against}."]  # fmt: skip


def plural_of(roles: Sequence[Role], name: str) -> str:
    return next(r.plural_noun for r in roles if r.singular == name)


def education_sentences(roles: Sequence[Role], names: list[str]) -> list[str]:
    """BLS's typical entry education of each role, grouped by level."""
    groups: dict[str, list[str]] = {}
    for name, role in zip(names, roles, strict=True):
        if role.education.entry_education:
            groups.setdefault(role.education.entry_education, []).append(plural_of(roles, name))
    if not groups:
        return []
    parts = [f"{casual(level)} for {join_words(who)}" for level, who in groups.items()]
    return [f"The typical education needed to enter the job is {join_words(parts)} (BLS)."]
