"""Overview: what the role is, what it pays, how it grows, and what its people do."""

from __future__ import annotations

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.model import Role
from jobcompare.sections import Section

#: How the BLS OEWS program is named in a role's source.
OEWS = "Occupational Employment and Wage Statistics (OEWS)"
#: BLS OEWS footnote 1 (oe.footnote), on its employment figures.
OEWS_JOBS_NOTE = "Estimates do not include self-employed workers (BLS OEWS footnote)."


def _jobs_note(role: Role) -> str | None:
    return OEWS_JOBS_NOTE if role.source and OEWS in role.source else None


def _no_description(role: Role) -> str | None:
    """Why a role has no description: the source's reason when it gives one; for an
    official occupation, that O*NET, where descriptions come from, has no occupation under
    its SOC code. A role of one's own without one is simply left without."""
    reason = role.unpublished.get("description")
    if reason:  # the source's own words
        return f"No description: {reason}"
    if role.soc is None:
        return None
    return (
        f"No description: O*NET, where the descriptions come from, has no occupation under "
        f"SOC code {role.soc}."
    )


SECTION = SectionSpec(
    Section.OVERVIEW,
    (
        Field("soc", "SOC code", Kind.TEXT, lambda r: r.soc, only_if_any=True),
        Field("category", "Category", Kind.TEXT, lambda r: r.category),
        Field("time_to_become", "Time to become", Kind.DURATION, lambda r: r.time_to_become),
        Field("yearly_salary", "Yearly salary", Kind.MONEY, lambda r: r.salary.average,
              source="salary.average", name="average salary", ranked=True),
        Field("hourly_rate", "Hourly rate", Kind.RATE, lambda r: r.salary.hourly,
              source="salary.hourly", ranked=True),
        Field("growth_rate", "Growth rate", Kind.GROWTH, lambda r: r.overview.growth_rate,
              source="overview.growth_rate", ranked=True),
        Field("number_of_jobs", "Number of jobs", Kind.COUNT, lambda r: r.overview.jobs,
              source="overview.jobs", ranked=True, note=_jobs_note),
        Field("job_satisfaction", "Job satisfaction", Kind.NUMBER,
              lambda r: r.overview.job_satisfaction, source="overview.job_satisfaction",
              unit="rating 0-5", ranked=True),
        Field("most_common_degree", "Most common degree", Kind.DEGREE,
              lambda r: r.education.degree),
        Field("average_age", "Average age", Kind.NUMBER, lambda r: r.demographics.average_age,
              unit="years"),
        Field("years_of_experience", "Years of experience", Kind.NUMBER,
              lambda r: r.overview.years_of_experience, source="overview.years_of_experience",
              unit="years"),
        Field("description", "What they do", Kind.PARAGRAPH, lambda r: r.description,
              heading="What does {a} do?", missing=_no_description),
    ),
)  # fmt: skip
