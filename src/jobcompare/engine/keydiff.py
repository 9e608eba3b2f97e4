"""The key differences of a comparison of official occupations: 4-8 lines of trade-offs in
plain words, each with its figures and their source, that open the comparison.

Lines, each only when its figures exist (a missing one is said as missing, never
guessed), and only when its section is among those compared:

1. **pay** (Salary): BLS OEWS's median (the Salary section's 50th percentile), yearly
   when every role has one, else hourly when every role has that (said so); a top-coded
   median is "at least", and a difference above an exact figure is then a lower bound;
   two top-coded medians have no known difference.
2. **outlook** (Overview): BLS Employment Projections' projected change and openings a
   year, against all occupations.
3. **entry** (Overview or Education; the job zone Overview only): BLS's typical entry
   education and O*NET's job zone.
4. **skill_gap** (Skills, two roles): the total of the existing skill gap and its three
   largest rises.
5. **other** (Demographics or Education): the share that differs most, by one rule: of
   CPS's share of women, O*NET's required-level shares and the ACS attainment shares,
   the figure every role has whose spread (highest minus lowest) is widest, in
   percentage points; ties go to the first declared; none when every spread is 0. Race
   and ethnicity shares are left out: a key difference is about the work.
6. **ai_exposure** (Overview): the published AI exposure measures (docs/ai-exposure.md),
   only where the roles differ markedly: on every figure the roles all have (GPT-4-rated
   and human-rated β of Eloundou et al., Tomlinson et al.'s AI applicability), the same
   role ranks highest (and, for three or four, the same role lowest), strictly; and each
   paper with such figures puts those two roles at least :data:`MARKED_POINTS` points
   apart on at least one of its figures (ranks as shares of the occupations the measure
   rates, exact, not the rounded-down percents shown). Each figure is said with its score
   and rank; none is blended with another.

Facts, not advice: figures and their order, never "better". Two roles are said in
sentences; three or four in a compact form, ranked by the figure. A comparison with a
hand-written role has none (its figures are its page's, not these sources'): every role
must have a SOC code. Figures are read from the comparison's rows (the registry's
declarations), never declared here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from jobcompare import text as fmt
from jobcompare.engine.deltas import clean, relative_percent
from jobcompare.engine.results import KeyDelta, KeyDifference, KeyFigure, Row, SectionResult
from jobcompare.model import Amount, Degree, Exposure
from jobcompare.registry.fields import at_path
from jobcompare.registry.section import Section
from jobcompare.registry.sections.overview import EXPOSURE_MEASURES
from jobcompare.text import capitalise, join_words

if TYPE_CHECKING:
    from jobcompare.engine.moves import Gap
    from jobcompare.model import Role

#: The heading each line starts with, by topic ("other": the figure's own).
TOPIC_LABELS: dict[str, str] = {
    "pay": "Pay",
    "outlook": "Outlook",
    "entry": "Entry",
    "skill_gap": "Skill gap",
    "ai_exposure": "AI exposure",
}

#: How many of the skills to build the skill-gap line names.
GAP_SKILLS = 3

#: Line 5's candidates, in the order a tie goes by: (section, row key or key prefix).
OTHER_CANDIDATES: tuple[tuple[Section, str], ...] = (
    (Section.DEMOGRAPHICS, "women"),
    (Section.EDUCATION, "required_levels."),
    (Section.EDUCATION, "attainment."),
)


def key_differences(
    roles: Sequence[Role], sections: Sequence[SectionResult], gap: Gap | None = None
) -> tuple[KeyDifference, ...]:
    """The key differences of ``roles`` from their ``sections`` rows (module doc); none
    unless every role is an official occupation."""
    if len(roles) < 2 or not all(r.official for r in roles):
        return ()
    rows = _Rows(roles, sections)
    lines = [_pay(rows), _outlook(rows), _entry(rows)]
    if gap is not None and len(roles) == 2 and Section.SKILLS in rows.shown:
        lines.append(_skill_gap(rows, gap))
    lines.append(_other(rows))
    lines.append(_ai_exposure(rows))
    return tuple(line for line in lines if line is not None)


# -- reading the rows -------------------------------------------------------------------------


class _Rows:
    """The compared roles' rows, by section and key."""

    def __init__(self, roles: Sequence[Role], sections: Sequence[SectionResult]) -> None:
        self.roles = tuple(roles)
        self.people = [r.plural_noun for r in roles]
        self.by_section = {s.section: s for s in sections}
        self.shown = frozenset(self.by_section)

    def row(self, section: Section, key: str) -> Row | None:
        found = self.by_section.get(section)
        if found is None:
            return None
        return next((r for r in found.rows if r.key == key), None)

    def rows(self, section: Section, prefix: str) -> list[Row]:
        found = self.by_section.get(section)
        return [r for r in found.rows if r.key.startswith(prefix)] if found else []

    def sources(self, *rows: Row) -> tuple[str, ...]:
        """The citation labels of the rows' figures, once each, in order."""
        labels: dict[str, None] = {}
        for row in rows:
            for role in self.roles:
                citation = role.citations.get(row.field.origin or "")
                if citation is not None:
                    labels[citation.label] = None
        return tuple(labels)

    def figure(self, section: Section, row: Row, index: int | None,
               value: float | int | str | None = None) -> KeyFigure:  # fmt: skip
        """Role ``index``'s figure of ``row`` (``value``: a number read from the row's
        model path instead of the shown value); None-valued with the role's reason."""
        shown = row.values[0 if index is None else index] if value is None else value
        at_least = isinstance(shown, Amount) and shown.at_least
        if isinstance(shown, Amount):
            shown = shown.value
        elif isinstance(shown, Degree):
            shown = shown.name
        role = None if index is None else self.roles[index]
        reason = None
        if shown is None and role is not None and row.field.source:
            reason = role.unpublished.get(row.field.source)
        return KeyFigure(
            f"{section.value}.{row.key}",
            row.field.label,
            role.slug if role is not None else None,
            shown if isinstance(shown, (int, float, str)) else None,
            row.field.csv_unit,
            at_least,
            reason,
        )


def _signed(value: float) -> str:
    """A change with its sign: +40.1%, -3.2%, 0%."""
    return ("+" if value > 0 else "") + fmt.percent(value)


def ranking(people: Sequence[str], values: Sequence[float | None], shown: Sequence[str]) -> str:
    """ "a $x; b $y; c not published", highest first (``shown``: each figure as text),
    missing ones last."""
    order = sorted(range(len(people)), key=lambda i: (values[i] is None, -(values[i] or 0)))
    return "; ".join(
        f"{people[i]} {shown[i] if values[i] is not None else 'not published'}" for i in order
    )


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


# -- 1. pay -----------------------------------------------------------------------------------


def _pay(rows: _Rows) -> KeyDifference | None:
    yearly = rows.row(Section.SALARY, "percentiles.p50")
    hourly = rows.row(Section.SALARY, "hourly_percentiles.p50")
    if yearly is None or hourly is None:
        return None
    people, n = rows.people, len(rows.roles)
    if all(v is not None for v in yearly.values):
        row, per = yearly, "a year"
    elif all(v is not None for v in hourly.values):
        row, per = hourly, "an hour"
    else:
        return _pay_apart(rows, yearly, hourly)
    amounts: list[Amount] = [v for v in row.values if isinstance(v, Amount)]
    show = fmt.money if row is yearly else fmt.rate
    figures = tuple(rows.figure(Section.SALARY, row, i) for i in range(n))
    no_yearly = [p for p, v in zip(people, yearly.values, strict=True) if v is None]
    hourly_note = (
        f" (hourly medians: BLS publishes no yearly median for {join_words(no_yearly)})"
        if row is hourly
        else ""
    )
    sources = rows.sources(row)
    if n > 2:
        ranked = ranking(people, [float(a.value) for a in amounts],
                          [_at_least(show, a) for a in amounts])  # fmt: skip
        order = sorted(range(n), key=lambda i: -float(amounts[i].value))
        text = f"Median pay {per}: {ranked}{hourly_note}{_neighbours_within(rows, order)}."
        return KeyDifference("pay", "Pay", text, Section.SALARY, sources, figures)
    high, low = (0, 1) if amounts[0].value >= amounts[1].value else (1, 0)
    a_high, a_low = amounts[high], amounts[low]
    means = _means_within(rows, (high, low))
    if means is not None:  # the medians' line, and what the means' errors say
        clause, mean_figures = means
        figures = (*figures, *mean_figures)
    if a_low.at_least:  # two lower bounds (BLS's top code): no known difference
        text = (
            f"{capitalise(join_words(people))} both earn at least {show(Amount(a_high.value))} "
            f"{per} at the median (BLS's top code), so how much they differ is not "
            f"published{hourly_note}."
        )
        return KeyDifference("pay", "Pay", text, Section.SALARY, sources, figures)
    if a_high.value == a_low.value:
        text = (
            f"{capitalise(join_words(people))} earn the same median, {show(a_high)} "
            f"{per}{hourly_note}{clause if means else ''}."
        )
        delta = KeyDelta(0, row.field.csv_unit, 0.0)
        return KeyDifference("pay", "Pay", text, Section.SALARY, sources, figures, delta)
    gap = clean(float(a_high.value) - float(a_low.value))
    percent = relative_percent(float(a_high.value), float(a_low.value))
    bound = "at least " if a_high.at_least else ""
    ratio = "" if percent is None else f" ({bound}+{percent:,.1f}%)"
    text = (
        f"{capitalise(people[high])} earn {bound}{show(Amount(a_high.value))} {per} at the "
        f"median{' (BLS top-codes it)' if bound else ''}, {bound}"
        f"{show(Amount(fmt.whole(gap)))}{ratio} more than {people[low]} "
        f"({show(a_low)}){hourly_note}{clause if means else ''}."
    )
    delta = KeyDelta(fmt.whole(gap), row.field.csv_unit, percent, a_high.at_least)
    return KeyDifference("pay", "Pay", text, Section.SALARY, sources, figures, delta)


#: The clause the pay line adds when the two roles' mean wages are within the survey's
#: margin (engine/margin.py): the medians it speaks of have no published error.
MEANS_WITHIN = (
    "; {whose} mean wages ({means}) are within the survey's margin of each other (not "
    "significant at 90%: too close for BLS's survey to tell apart)"
)


def _means_within(rows: _Rows, order: tuple[int, int]) -> tuple[str, tuple[KeyFigure, ...]] | None:
    """When two roles' mean wages are within the survey's margin of each other: the pay
    line's clause saying so (the means in ``order``) and the means as its figures; None
    when they differ significantly, or that is unknown. The yearly means, else (a role
    paid by the hour only) the hourly ones."""
    for key, show in (("average_salary", fmt.money), ("hourly_rate", fmt.rate)):
        row = rows.row(Section.SALARY, key)  # the pay line is the Salary section's
        if row is None or len(row.margin) != 2 or row.margin[1] is None:
            continue
        if not row.margin[1]:
            return None
        per = " a year" if show is fmt.money else " an hour"
        said = ", ".join(
            f"{show(v)}{per if n == 0 else ''} for {rows.people[i]}"
            for n, i in enumerate(order)
            if isinstance(v := row.values[i], Amount)
        )
        figures = tuple(rows.figure(Section.SALARY, row, i) for i in order)
        return MEANS_WITHIN.format(whose="their", means=said), figures
    return None


def _neighbours_within(rows: _Rows, order: Sequence[int]) -> str:
    """For three or four roles ranked by median (``order``): the clause naming each pair
    of neighbours whose mean wages are within the survey's margin of each other, or ""."""
    from itertools import pairwise

    from jobcompare.engine.margin import within_margin

    for key in ("average_salary", "hourly_rate"):
        row = rows.row(Section.SALARY, key)
        if row is None or row.field.rse is None or not row.margin:
            continue
        errors = [row.field.rse(role) for role in rows.roles]
        pairs = [
            f"{rows.people[a]} and {rows.people[b]}"
            for a, b in pairwise(order)
            if within_margin(row.values[a], errors[a], row.values[b], errors[b])
        ]
        if not pairs:
            return ""
        return (
            f"; the mean wages of {', and of '.join(pairs)} are within the survey's margin "
            "of each other (not significant at 90%)"
        )
    return ""


def _at_least(show: Callable[[Amount], str], amount: Amount) -> str:
    """A median, "at least" when it is a top-coded bound."""
    return ("at least " if amount.at_least else "") + show(Amount(amount.value))


def _pay_apart(rows: _Rows, yearly: Row, hourly: Row) -> KeyDifference | None:
    """Medians in different units (a yearly-only and an hourly-only occupation), or some
    role without one: each as published, no difference."""
    parts, figures, used = [], [], []
    for i, person in enumerate(rows.people):
        year, hour = yearly.values[i], hourly.values[i]
        if isinstance(year, Amount):
            bound = "at least " if year.at_least else ""
            parts.append(f"{person} {bound}{fmt.money(Amount(year.value))} a year")
            figures.append(rows.figure(Section.SALARY, yearly, i))
            used.append(yearly)
        elif isinstance(hour, Amount):
            bound = "at least " if hour.at_least else ""
            parts.append(f"{person} {bound}{fmt.rate(Amount(hour.value))} an hour "
                         "(BLS publishes no yearly median)")  # fmt: skip
            figures.append(rows.figure(Section.SALARY, hourly, i))
            used.append(hourly)
        else:
            parts.append(f"{person}: BLS publishes no median")
            figures.append(rows.figure(Section.SALARY, yearly, i))
    if not used:
        return None
    text = f"Median pay: {'; '.join(parts)}; no difference is given across these."
    return KeyDifference("pay", "Pay", text, Section.SALARY, rows.sources(*used), tuple(figures))


# -- 2. growth and openings -------------------------------------------------------------------


def _outlook(rows: _Rows) -> KeyDifference | None:
    change = rows.row(Section.OVERVIEW, "projected_change")
    openings = rows.row(Section.OVERVIEW, "annual_openings")
    total = rows.row(Section.OVERVIEW, "projected_change_all_occupations")
    if change is None or openings is None or total is None:
        return None
    changes = [_number(v) for v in change.values]
    opened = [_number(v) for v in openings.values]
    if all(v is None for v in changes + opened):
        return None
    people, n = rows.people, len(rows.roles)
    overall = next((t for v in total.values if (t := _number(v)) is not None), None)
    against = f" (all occupations: {_signed(overall)})" if overall is not None else ""

    def thousands(value: object) -> str:
        return f"{fmt.number(value)} thousand" if isinstance(value, (int, float)) else ""

    if n > 2:
        shown = [_signed(v) if v is not None else "" for v in changes]
        text = (
            f"Projected change in employment: {ranking(people, changes, shown)}{against}. "
            "Openings a year: "
            f"{ranking(people, opened, [thousands(v) for v in openings.values])}."
        )
    else:
        order = sorted(range(n), key=lambda i: (changes[i] is None, -(changes[i] or 0)))
        said = [f"{_signed(v)} for {people[i]}" for i in order if (v := changes[i]) is not None]
        open_said = [f"{thousands(openings.values[i])} for {people[i]}" for i in order
                     if opened[i] is not None]  # fmt: skip
        parts = []
        if said:
            parts.append(f"projected change 2024-34: {join_words(said)}{against}")
        if open_said:
            parts.append(f"openings a year: {join_words(open_said)}")
        for what, values in (("projected change", changes), ("openings", opened)):
            missing = [people[i] for i in order if values[i] is None]
            if missing:
                parts.append(f"BLS publishes no {what} for {join_words(missing)}")
        text = "; ".join(parts)
        text = capitalise(text) + "."
    figures = (
        *(rows.figure(Section.OVERVIEW, change, i) for i in range(n)),
        rows.figure(Section.OVERVIEW, total, None, overall),
        *(rows.figure(Section.OVERVIEW, openings, i) for i in range(n)),
    )
    return KeyDifference("outlook", TOPIC_LABELS["outlook"], text, Section.OVERVIEW,
                         rows.sources(change, openings), figures)  # fmt: skip


# -- 3. entry education and job zone -----------------------------------------------------------


def _education_words(level: str) -> str:
    """BLS's level as a sentence says it: "a master's degree", "no formal educational
    credential", "some college, no degree"."""
    words = fmt.casual(level)
    words = words[:1].lower() + words[1:]
    return words if words.startswith(("no ", "some ")) else fmt.with_article(words)


def _zone_name(role: Role, zone: int | None) -> str:
    """A job zone as O*NET names it ("Job Zone 1-2: ..." is "1-2"), else its number."""
    name = role.overview.job_zone_name or ""
    head = name.split(":", 1)[0].removeprefix("Job Zone ").strip()
    return head if head and any(c.isdigit() for c in head) else str(zone)


def _entry(rows: _Rows) -> KeyDifference | None:
    entry = rows.row(Section.OVERVIEW, "entry_education")
    section = Section.OVERVIEW
    if entry is None:
        entry, section = rows.row(Section.EDUCATION, "entry_education"), Section.EDUCATION
    zone = rows.row(Section.OVERVIEW, "job_zone")
    levels = [v if isinstance(v, str) else None for v in entry.values] if entry else []
    zones: list[int | None] = []
    if zone is not None and zone.field.source:
        zones = [z if isinstance(z := at_path(r, zone.field.source), int) else None
                 for r in rows.roles]  # fmt: skip
    if not any(levels) and not any(z is not None for z in zones):
        return None
    people, n = rows.people, len(rows.roles)
    parts: list[str] = []
    if any(levels):
        if n > 2:
            parts.append("Typical entry education (BLS): " + "; ".join(
                f"{p} {_education_words(lv) if lv else 'not published'}"
                for p, lv in zip(people, levels, strict=True)))  # fmt: skip
        elif levels[0] and levels[0] == levels[1]:
            parts.append(f"Both need {_education_words(levels[0])} (BLS: typical entry "
                         "education)")  # fmt: skip
        else:
            said = [(p, lv) for p, lv in zip(people, levels, strict=True) if lv]
            first = f"{capitalise(said[0][0])} need {_education_words(said[0][1])}"
            rest = [f"{p} {_education_words(lv)}" for p, lv in said[1:]]
            missing = [p for p, lv in zip(people, levels, strict=True) if not lv]
            # "; ": BLS's levels and official names may hold a comma of their own.
            text = "; ".join([first, *rest]) + " (BLS: typical entry education)"
            if missing:
                text += f"; BLS publishes none for {join_words(missing)}"
            parts.append(text)
    if any(z is not None for z in zones):
        # As O*NET names them: 30.3 has no zone 1, and names zone 2 "Job Zone 1-2".
        zone_names = [_zone_name(r, z) for r, z in zip(rows.roles, zones, strict=True)]
        if n > 2:
            numbers = [float(z) if z is not None else None for z in zones]
            parts.append("job zone (O*NET, 1-5): " + ranking(people, numbers, zone_names))
        elif zones[0] is not None and zones[0] == zones[1]:
            parts.append(f"job zone {zone_names[0]} for both (O*NET)")
        elif all(z is not None for z in zones):
            parts.append(f"job zone {zone_names[0]} vs {zone_names[1]} (O*NET)")
        else:
            known = next(i for i, z in enumerate(zones) if z is not None)
            parts.append(f"job zone {zone_names[known]} for {people[known]} (O*NET; none "
                         f"published for {people[1 - known]})")  # fmt: skip
    text = capitalise("; ".join(parts)) + "."
    figures: list[KeyFigure] = []
    used: list[Row] = []
    if entry is not None and any(levels):
        figures += [rows.figure(section, entry, i) for i in range(n)]
        used.append(entry)
    if zone is not None and any(z is not None for z in zones):
        figures += [rows.figure(Section.OVERVIEW, zone, i, zones[i]) for i in range(n)]
        figures = [f._replace(unit="job zone 1-5") if f.key.endswith("job_zone") else f
                   for f in figures]  # fmt: skip
        used.append(zone)
    return KeyDifference("entry", TOPIC_LABELS["entry"], text, section,
                         rows.sources(*used), tuple(figures))  # fmt: skip


# -- 4. the skill gap ---------------------------------------------------------------------------


def _skill_gap(rows: _Rows, gap: Gap) -> KeyDifference | None:
    if gap.total is None:
        return None
    skills = rows.row(Section.SKILLS, "skills")
    sources = rows.sources(skills) if skills is not None else ()
    start, end = rows.people
    top = gap.build[:GAP_SKILLS]
    important = len(gap.build) + len(gap.carry)
    over = f"all {important}" if len(gap.build) == important else (
        f"{len(gap.build)} of the {important}")  # fmt: skip
    if top:
        named = join_words([f"{c.name} (+{c.rise:.2f})" for c in top])
        text = (
            f"From {start} to {end}: {gap.total:.2f} level points to build (O*NET's 0-7 "
            f"scale) in {over} skills important there (3+ of 5), most in {named}."
        )
    else:
        text = (
            f"From {start} to {end}: no level to build; {start} are at or above the level of "
            f"each of the {important} skills important to {end} (O*NET's 0-7 scale)."
        )
    if gap.suppressed:  # a skill the gap cannot count is never read as one not needed
        text += (
            f" Not counted, as O*NET suppresses a rating of "
            f"{'it' if len(gap.suppressed) == 1 else 'them'}: {join_words(gap.suppressed)}."
        )
    figures = (
        KeyFigure("skill_gap.gap", "Gap", None, gap.total, "level"),
        *(KeyFigure(f"skill_gap.build.{i}.rise", c.name, None, c.rise, "level")
          for i, c in enumerate(top, start=1)),
    )  # fmt: skip
    return KeyDifference("skill_gap", TOPIC_LABELS["skill_gap"], text, Section.SKILLS, sources,
                         figures, KeyDelta(gap.total, "level"))  # fmt: skip


# -- 5. the share that differs most --------------------------------------------------------------


def _other(rows: _Rows) -> KeyDifference | None:
    best: tuple[float, Section, Row] | None = None
    for section, key in OTHER_CANDIDATES:
        candidates = rows.rows(section, key) if key.endswith(".") else [
            r for r in [rows.row(section, key)] if r is not None]  # fmt: skip
        for row in candidates:
            numbers = [_number(v) for v in row.values]
            known = [v for v in numbers if v is not None]
            if len(known) != len(numbers):
                continue
            spread = clean(max(known) - min(known))
            if spread > 0 and (best is None or spread > best[0]):
                best = (spread, section, row)
    if best is None:
        return None
    spread, section, row = best
    values = [float(v) if (v := _number(x)) is not None else 0.0 for x in row.values]
    shares = [fmt.percent(x) if isinstance(x, (int, float)) else "" for x in row.values]
    people = rows.people
    label, title, sentence = _share_words(row)
    apart = f"{fmt.number(fmt.whole(spread))} percentage points apart"
    if len(people) > 2:
        text = f"{title}: {ranking(people, values, shares)} ({apart})."
    else:
        order = sorted(range(2), key=lambda i: -values[i])
        text = f"{sentence([shares[i] for i in order], [people[i] for i in order])} ({apart})."
    if row.key.startswith("attainment."):
        # BLS's caveat goes with its figure: some shares are a broader ACS group's.
        broader = [
            p for p, r in zip(people, rows.roles, strict=True) if r.education.attainment_note
        ]
        if broader:
            text = text[:-1] + (
                f"; for {join_words(broader)}, BLS's shares are a broader ACS group's."
            )
    figures = tuple(rows.figure(section, row, i) for i in range(len(people)))
    delta = KeyDelta(fmt.whole(spread), "percentage points")
    return KeyDifference("other", label, text, section, rows.sources(row), figures, delta)


def _share_words(
    row: Row,
) -> tuple[str, str, Callable[[list[str], list[str]], str]]:
    """A line-5 figure's heading, its title in the compact form, and its two-role
    sentence (shares and people, highest first)."""
    level = row.field.label
    if row.key == "women":
        return ("Women", "Share of women among the employed",
                lambda s, p: f"Women are {s[0]} of {p[0]} and {s[1]} of {p[1]}")  # fmt: skip
    words = fmt.casual(level)
    if row.key.startswith("required_levels."):
        return ("Education required",
                f"Share of O*NET respondents saying the job requires {words}",
                lambda s, p: f"{level} required: {s[0]} of O*NET respondents for {p[0]} say "
                f"so, {s[1]} for {p[1]}")  # fmt: skip
    return ("Education held", f"Share of workers whose highest education is {words}",
            lambda s, p: f"{level} is the highest education of {s[0]} of {p[0]} and {s[1]} "
            f"of {p[1]}")  # fmt: skip


# -- 6. AI exposure -------------------------------------------------------------------------------

#: How far apart (in points of the share of rated occupations scoring lower) a paper must
#: put two roles, on at least one of its figures, for the line to be said.
MARKED_POINTS = 20


def _rank_apart(high: Exposure, low: Exposure) -> bool:
    """Whether ``high`` ranks at least MARKED_POINTS points above ``low`` (exactly:
    lower / rated, not the rounded-down percents)."""
    return 100 * (high.lower * low.rated - low.lower * high.rated) >= (
        MARKED_POINTS * high.rated * low.rated
    )


def _exposure_text(value: Exposure, *, first: bool) -> str:
    """ "0.87 (higher than 97% of the occupations it rates)" the first time, "0.33 (46%)"
    after: the score to two decimals, the rank rounded down (model.Exposure)."""
    rank = (
        f"higher than {value.higher_than}% of the occupations it rates"
        if first
        else f"{value.higher_than}%"
    )
    return f"{value.score:.2f} ({rank})"


def _only_paper(papers: set[str]) -> str:
    """The one paper whose measure every compared role has: "Tomlinson et al.'s"."""
    (paper,) = papers
    return f"{paper}'s"


def _ai_exposure(rows: _Rows) -> KeyDifference | None:
    found = [(row, m.paper, m.said) for m in EXPOSURE_MEASURES
             if (row := rows.row(Section.OVERVIEW, m.key)) is not None]  # fmt: skip
    shared = [
        (row, paper, values)
        for row, paper, _ in found
        if len(values := [v for v in row.values if isinstance(v, Exposure)]) == len(row.values)
    ]
    names = {row.key: name for row, _, name in found}
    if not shared:
        return None
    n = len(rows.roles)

    def order(values: list[Exposure]) -> list[int]:
        return sorted(range(n), key=lambda i: -values[i].lower)

    first = order(shared[0][2])
    top, bottom = first[0], first[-1]
    for _, _, values in shared:
        lowers = [v.lower for v in values]
        if lowers.count(lowers[top]) > 1 or lowers[top] != max(lowers):
            return None
        if lowers.count(lowers[bottom]) > 1 or lowers[bottom] != min(lowers):
            return None
    papers = {paper for _, paper, _ in shared}
    for paper in papers:
        if not any(_rank_apart(values[top], values[bottom])
                   for _, said, values in shared if said == paper):  # fmt: skip
            return None
    people = rows.people
    named = [(names[row.key], paper, values) for row, paper, values in shared]
    if n > 2:
        every = "Both published measures rate" if len(papers) > 1 else (
            f"{_only_paper(papers)} measure (the only one they all have) rates")  # fmt: skip
        sentences = [
            f"{every} the work of {people[top]} as the most exposed to generative AI and "
            f"that of {people[bottom]} as the least (each score 0-1, with the share of the "
            "occupations its measure rates that score lower)."
        ]
        for name, paper, values in named:
            ranked = "; ".join(
                f"{people[i]} {_exposure_text(values[i], first=False)}" for i in order(values)
            )
            sentences.append(f"{capitalise(name)} ({paper}): {ranked}.")
        text = " ".join(sentences)
    else:
        said: dict[str, list[str]] = {}
        for index, (name, paper, values) in enumerate(named):
            high = _exposure_text(values[top], first=index == 0)
            low = _exposure_text(values[bottom], first=False)
            said.setdefault(paper, []).append(f"{name} {high} vs {low}")
        both = "Both published measures rate" if len(papers) > 1 else (
            f"{_only_paper(papers)} measure (the only one both have) rates")  # fmt: skip
        by_paper = "; ".join(f"{', '.join(parts)} ({paper})" for paper, parts in said.items())
        text = (
            f"{both} the work of {people[top]} as more exposed to generative AI than that of "
            f"{people[bottom]}: {by_paper}."
        )
    figures: list[KeyFigure] = []
    for row, _, values in shared:
        for i, value in enumerate(values):
            base = rows.figure(Section.OVERVIEW, row, i)
            figures.append(base._replace(key=f"{base.key}.score", value=value.score,
                                         unit="score 0-1"))  # fmt: skip
            figures.append(base._replace(key=f"{base.key}.higher_than_percent",
                                         value=value.higher_than, unit="%"))  # fmt: skip
    used = [row for row, _, _ in shared]
    return KeyDifference("ai_exposure", TOPIC_LABELS["ai_exposure"], text, Section.OVERVIEW,
                         rows.sources(*used), tuple(figures))  # fmt: skip
