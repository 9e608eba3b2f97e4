"""The summary of a comparison: who is paid more and by how much, how long each role
takes, BLS's outlook and entry education, the top and shared skills. Official
occupations get facts only; the seed page's roles keep its wording."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from jobcompare import text as fmt
from jobcompare.engine.deltas import clean, finite, relative_percent
from jobcompare.engine.results import PayComparison, Summary
from jobcompare.engine.shared import shared_skills
from jobcompare.model import Amount, Percentiles, Role, TimeToBecome
from jobcompare.text import capitalise, casual, join_words, title_cased, with_article


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
                highest, lowest, clean(difference), percent, per, measure, top, bottom
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
    sentences += _shared_sentence(roles, shared)
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
    sentences += _shared_sentence(roles, shared)
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
    difference = show(Amount(fmt.whole(pay.difference)))
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
    difference = show(Amount(fmt.whole(pay.difference)))
    ratio = f" ({pay.percent:,.1f}%)" if pay.percent is not None else ""
    more = f"That is {difference}{ratio} more a{'n' if pay.per == 'hour' else ''} {pay.per}"
    if len(roles) > 2:
        more += f" than the lowest-paid of the {len(roles)} roles"
    return [sentence, more + "."]


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
    difference = show(Amount(fmt.whole(pay.difference)))
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
        if role.overview.entry_education:
            groups.setdefault(role.overview.entry_education, []).append(plural_of(roles, name))
    if not groups:
        return []
    parts = [f"{casual(level)} for {join_words(who)}" for level, who in groups.items()]
    return [f"The typical education needed to enter the job is {join_words(parts)} (BLS)."]


def _shared_sentence(roles: Sequence[Role], shared: Sequence[str]) -> list[str]:
    """ "Both roles list X and Y among their skills.", when some skill is shared."""
    if not shared:
        return []
    who = "Both roles" if len(roles) == 2 else f"All {len(roles)} roles"
    rated = all(s.importance is not None for r in roles for s in r.skills)
    among = "their ten most important skills (O*NET)" if rated else "their skills"
    return [f"{who} list {join_words(skill_words(roles[0], shared))} among {among}."]
