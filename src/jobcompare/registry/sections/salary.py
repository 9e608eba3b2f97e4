"""Salary: yearly and hourly pay, its spread, and where it is highest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from jobcompare.model import Role
from jobcompare.registry.fields import Field, Kind, SectionSpec
from jobcompare.registry.section import PERCENTILES, Section
from jobcompare.registry.sections._official import cited, mean_rse
from jobcompare.text import capitalise, join_words

#: The years of the pay-over-time series: BLS OEWS's national files of May 2021-2024
#: (importers/oews_history.py) and May 2025 (importers/oews.py); docs/history.md.
HISTORY_YEARS = (2021, 2022, 2023, 2024, 2025)


def hourly_shown(roles: Sequence[Role]) -> bool:
    """Hourly percentiles are shown (for every role that has them) only when some role is
    paid by the hour only: elsewhere they are the yearly ones / 2,080."""
    return any(
        r.salary.percentiles is None and r.salary.hourly_percentiles is not None for r in roles
    )


def _notes(roles: Sequence[Role]) -> list[str]:
    from jobcompare.registry.sections.overview import means_note

    notes = []
    if any(r.salary.median_by_year for r in roles):
        notes.append(MEDIANS_NOTE)
    means = means_note(roles, "average salary")
    if means is not None:
        notes.append(means.replace(" the Salary section's", " the"))
    if any(r.salary.mean_rse is not None for r in roles):
        notes.append(MARGIN_NOTE)
    salaries = [r.salary for r in roles]
    if not any(s.best_metro or s.best_state or s.best_industry for s in salaries):
        return notes
    notes.append(
        "Highest paying: where BLS's average (mean) annual wage for the occupation is "
        "highest, with that average (BLS OEWS May 2025; industries are BLS's sectors)."
    )
    if any(s.best_of_50_states for s in salaries):
        notes.append(
            "BLS counts the District of Columbia and the U.S. territories among its states; "
            "when one of them pays best, the best-paid of the 50 states is given too."
        )
    return notes


#: What the median by year is (docs/history.md).
MEDIANS_NOTE = (
    "Median by year: BLS OEWS's national median each May as published that year, in "
    "nominal dollars (not adjusted for inflation); BLS cautions that OEWS estimates are not "
    "designed for comparisons over time. Years before a break in the series (a year whose "
    "file has no row for the occupation, or a change of its code or title) are left out; "
    "'jobcompare history' shows the whole series and its change."
)

#: How the mean wages' relative standard error is read (engine/margin.py).
MARGIN_NOTE = (
    "Mean wage's relative standard error: the standard error of BLS OEWS's mean wage "
    "(hourly and yearly alike) in percent of it; the smaller, the more precise. Two means "
    "are within the survey's margin of each other (≈) when they differ by at most "
    "1.645 × √(se₁² + se₂²), se being the relative standard error × the mean: the "
    "difference is not significant at 90%."
)


def _brief(roles: Sequence[Role]) -> list[str]:
    """The concise page's footnotes: means are not medians; what "highest paying" is."""
    notes = []
    if cited(roles, "oews") and any(r.salary.percentiles for r in roles):
        notes.append("Median: the 50th percentile of BLS OEWS wages, not the mean (average).")
    if any(r.salary.best_state for r in roles):
        notes.append("Highest paying state: where BLS's mean annual wage for the job is highest.")
    return notes


def _intro(roles: Sequence[Role]) -> str:
    return (
        f"{capitalise(join_words([r.plural_noun for r in roles]))} have different pay scales, "
        "as shown below."
    )


def _state_above(role: Role) -> str | None:
    """The best-paid of the 50 states is given only when the best-paid "state" is DC or
    a territory; when it is a state, that row says so rather than "—"."""
    return "the state above" if role.salary.best_state is not None else None


SECTION = SectionSpec(
    Section.SALARY,
    (
        # The concise page shows the median (and an hourly-only job's hourly median):
        # means are --full's, beside the percentiles they are easily taken for.
        Field("average_salary", "Average salary", Kind.MONEY, source="salary.average",
              ranked=True, detail=True, rse=mean_rse),
        # Not on the source's page here, but the only pay BLS gives for hourly-only jobs.
        Field("hourly_rate", "Hourly rate", Kind.RATE, source="salary.hourly", ranked=True,
              detail=True, rse=mean_rse),
        # How sure BLS is of both means: its percent relative standard error (datatype 05).
        Field("mean_wage_rse", "Mean wage: relative standard error", Kind.PERCENT,
              source="salary.mean_rse", name="relative standard error of the mean wage",
              unit="%", only_if_any=True, detail=True, compared=False),
        # The chart draws the range; the concise page's table leaves it out for official
        # roles (detail) — the seed page keeps it, being shown whole.
        Field("salary_range", "Salary range", Kind.RANGE, source="salary.range", detail=True),
        # Always present (the JSON keeps one shape); tables hide rows nobody has.
        *(
            Field(f"percentiles.{name}", label, Kind.MONEY, source=f"salary.percentiles.{name}",
                  name=f"{name[1:]}th percentile", ranked=True, detail=name != "p50")
            for name, label in PERCENTILES
        ),
        # BLS's hourly percentiles: all it publishes for occupations paid by the hour only.
        *(
            Field(f"hourly_percentiles.{name}", f"Hourly {label.lower()}", Kind.RATE,
                  source=f"salary.hourly_percentiles.{name}",
                  name=f"hourly {name[1:]}th percentile", ranked=True, shown_if=hourly_shown,
                  detail=name != "p50")
            for name, label in PERCENTILES
        ),
        # The median each May (jobcompare history has the whole series): --full's and a
        # profile's, never the concise page's; years before a break are left out.
        *(
            Field(f"median_by_year.{year}", f"May {year}", Kind.MONEY,
                  source=f"salary.median_by_year.{year}", name=f"median of May {year}",
                  group="Median by year", ranked=True, only_if_any=True, detail=True,
                  origin="oews" if year == HISTORY_YEARS[-1] else "oews-history")
            for year in HISTORY_YEARS
        ),
        *(
            Field(f"hourly_median_by_year.{year}", f"May {year}", Kind.RATE,
                  source=f"salary.hourly_median_by_year.{year}",
                  name=f"hourly median of May {year}", group="Hourly median by year",
                  ranked=True, only_if_any=True, detail=True, shown_if=hourly_shown,
                  origin="oews" if year == HISTORY_YEARS[-1] else "oews-history")
            for year in HISTORY_YEARS
        ),
        Field("highest_paying_city", "Highest paying city", Kind.TEXT,
              source="salary.highest_paying_city"),
        Field("highest_paying_state", "Highest paying state", Kind.TEXT,
              source="salary.highest_paying_state"),
        Field("best_paying_company", "Best paying company", Kind.TEXT,
              source="salary.best_paying_company"),
        Field("best_paying_industry", "Best paying industry", Kind.TEXT,
              source="salary.best_paying_industry"),
        # Official occupations: where BLS's average wage is highest, with that average.
        Field("highest_paying_metro", "Highest paying metro area", Kind.PLACE,
              lambda r: r.salary.best_metro, source="salary.best_metro", only_if_any=True,
              detail=True),
        Field("highest_paying_state_or_area", "Highest paying state", Kind.PLACE,
              lambda r: r.salary.best_state, source="salary.best_state", only_if_any=True),
        Field("highest_paying_of_50_states", "Highest paying of the 50 states", Kind.PLACE,
              lambda r: r.salary.best_of_50_states, source="salary.best_of_50_states",
              only_if_any=True,
              not_applicable=_state_above, detail=True),
        Field("highest_paying_industry", "Highest paying industry", Kind.PLACE,
              lambda r: r.salary.best_industry, source="salary.best_industry",
              only_if_any=True, detail=True),
    ),
    intro=_intro,
    notes=_notes,
    brief=_brief,
    together={"salary.percentiles": "percentiles",
              "salary.hourly_percentiles": "hourly percentiles"},
)  # fmt: skip

#: The comparison page's own figures, which no official role has.
PAGE_ONLY = ("highest_paying_city", "highest_paying_state", "best_paying_company",
             "best_paying_industry")  # fmt: skip

# Every other salary figure of an official role is BLS OEWS's (the best-paid state, metro
# area and industry are read from OEWS's area and industry estimates).
SECTION = replace(SECTION, fields=tuple(
    f if f.key in PAGE_ONLY or f.origin else replace(f, origin="oews") for f in SECTION.fields
))  # fmt: skip
