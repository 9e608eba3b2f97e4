"""Overview: what the role is, what it pays, how it grows, and what its people do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from jobcompare.model import Exposure, Factor, Role
from jobcompare.registry.fields import Field, Kind, SectionSpec, StoreTable, at_path
from jobcompare.registry.section import Section
from jobcompare.registry.sections._official import cited, mean_rse, per_role
from jobcompare.text import join_words

#: What the OEWS pay rows measure: the rows keep the seed page's labels ("Hourly rate"),
#: and this says they are means, where the summary and the percentiles speak of medians.
MEANS_NOTE = "{rows}: BLS OEWS {means}; the median is the Salary section's 50th percentile."


def means_note(roles: Sequence[Role], yearly: str) -> str | None:
    """The note saying the OEWS pay rows shown are means (``yearly``: that row's label);
    None for hand-written roles, or when no role has either figure."""
    if not cited(roles, "oews"):
        return None
    rows = [label for label, shown in (
        (yearly, any(r.salary.average for r in roles)),
        ("hourly rate", any(r.salary.hourly for r in roles)),
    ) if shown]  # fmt: skip
    if not rows:
        return None
    named = " and ".join(rows)
    return MEANS_NOTE.format(
        rows=named[0].upper() + named[1:],
        means="means (averages), not medians"
        if len(rows) > 1
        else "mean (an average), not a median",
    )


def _notes(roles: Sequence[Role]) -> list[str]:
    notes = []
    means = means_note(roles, "yearly salary")
    if means is not None:
        notes.append(means)
    if cited(roles, "oews") and cited(roles, "ep"):
        notes.append(
            "Number of jobs: BLS OEWS wage-and-salary jobs (not the self-employed). All "
            "jobs: BLS Employment Projections' total employment in 2024, and its projection "
            "for 2034, self-employed included, in thousands. Projected changes are BLS's for "
            "2024-34 and are shown against its figure for all occupations."
        )
    elif cited(roles, "oews"):
        notes.append(OEWS_JOBS_NOTE)
    if any(r.overview.jobs_rse is not None for r in roles):
        notes.append(RSE_NOTE)
    if cited(roles, "ep-separations"):
        notes.append(SEPARATIONS_NOTE)
    if any(r.outlook_factors for r in roles):
        notes.append(REASONS_NOTE)
    notes += per_role(roles, [within_note(r) for r in roles])
    notes += exposure_notes(roles)
    return notes


#: The store sources of the AI exposure measures (importers/ai_gpts.py, ai_applicability.py).
GPTS, WORKING_WITH_AI = "gpts-are-gpts", "working-with-ai"


class Measure(NamedTuple):
    """One published AI exposure figure: its row and how sentences name it."""

    key: str  # the overview's JSON key
    path: str  # the model path
    label: str  # the row's label
    said: str  # how a sentence names it
    measure: str  # the measure it is of
    rates: str  # what the measure rates
    origin: str  # its source
    paper: str  # its paper, as a sentence cites it


#: The AI exposure figures, in the order shown: their rows and every sentence naming them
#: (the notes, the key difference) read this.
EXPOSURE_MEASURES: tuple[Measure, ...] = (
    Measure("ai_exposure.gpt4_beta", "overview.ai_gpt4_beta", "GPT-4-rated β",
            "GPT-4-rated β", "β", "O*NET-SOC occupations", GPTS, "Eloundou et al."),
    Measure("ai_exposure.human_beta", "overview.ai_human_beta", "Human-rated β",
            "human-rated β", "β", "O*NET-SOC occupations", GPTS, "Eloundou et al."),
    Measure("ai_exposure.applicability", "overview.ai_applicability", "AI applicability",
            "AI applicability", "AI applicability", "SOC occupations", WORKING_WITH_AI,
            "Tomlinson et al."),
)  # fmt: skip
#: One line per measure: what it is, its scale and its citation (docs/ai-exposure.md).
GPTS_NOTE = (
    "GPT-4-rated and human-rated β (AI exposure): the share of the occupation's O*NET tasks "
    "a large language model could do in half the time or less at the same quality, tasks "
    "that would need software built on top of it counted at half weight (β = E1 + ½·E2); "
    "0-1, rated by GPT-4 and by human annotators for the occupation's own O*NET-SOC code. "
    'Eloundou, Manning, Mishkin & Rock, "GPTs are GPTs", Science 2024 (scores: MIT License).'
)
APPLICABILITY_NOTE = (
    "AI applicability: how often, how successfully and how broadly AI helps with the "
    "occupation's work activities in people's Bing Copilot conversations; 0-1. Tomlinson, "
    'Jaffe, Wang, Counts & Suri, "Working with AI: Measuring the Applicability of '
    'Generative AI to Occupations", arXiv 2507.07935, 2025 (scores: CC BY 4.0).'
)


def exposures(role: Role) -> list[Exposure | None]:
    """The role's AI exposure figures, in :data:`EXPOSURE_MEASURES` order."""
    found: list[Exposure | None] = []
    for measure in EXPOSURE_MEASURES:
        value = at_path(role, measure.path)
        found.append(value if isinstance(value, Exposure) else None)
    return found


def exposure_notes(roles: Sequence[Role]) -> list[str]:
    """What the AI exposure rows are: a line per measure some role has, and the rank's
    rule with how many occupations each measure rates (from the figures themselves)."""
    notes = []
    if cited(roles, GPTS):
        notes.append(GPTS_NOTE)
    if cited(roles, WORKING_WITH_AI):
        notes.append(APPLICABILITY_NOTE)
    counts: dict[str, str] = {}
    for role in roles:
        for measure, figure in zip(EXPOSURE_MEASURES, exposures(role), strict=True):
            if figure is not None:
                counts.setdefault(
                    measure.measure, f"{measure.measure}: {figure.rated:,} {measure.rates}"
                )
    if counts:
        rated = "; ".join(counts.values())
        notes.append(
            f"Higher than N%: the share of the occupations the measure rates ({rated}) that "
            "score lower (scores the file writes alike to 12 decimals, such as 0.2 and "
            "0.19999999999999998, are equal), rounded down. Neither measure is a forecast of "
            "jobs lost or gained, and the two are never combined."
        )
        notes += bls_on_ai(roles)
    return notes


def bls_on_ai(roles: Sequence[Role]) -> list[str]:
    """BLS's own words on AI beside the measures: each of a role's sentences of EP table
    1.12 that speaks of AI (``Factor.mentions_ai``), quoted whole with its industry; a role
    with reasons none of which does, said so."""
    notes = []
    for role in roles:
        said = [f for f in role.outlook_factors if f.mentions_ai]
        who = role.plural_noun if len(roles) > 1 else "this occupation"
        for factor in said:
            where = "all industries" if factor.all_industries else factor.industry
            notes.append(f'BLS on AI for {who} ({where}, EP table 1.12): "{factor.text}"')
        if not said and role.outlook_factors:
            notes.append(f"BLS's reasons for {who} (EP table 1.12) do not mention AI.")
    return notes


#: What BLS EP table 1.10's figures are (BLS's documentation of occupational separations).
SEPARATIONS_NOTE = (
    "Separations (BLS Employment Projections, table 1.10): workers BLS projects to leave "
    "the occupation each year, on average over 2024-34, by leaving the labor force "
    "(retiring or for other reasons: labor force exits) or by moving to another occupation "
    "(occupational transfers); rates are percents of the occupation's employment. BLS's "
    "openings combine these separations with the change in jobs; a worker who changes jobs "
    "within the occupation is not counted."
)
#: What BLS EP table 1.12's sentences are.
REASONS_NOTE = (
    "Why BLS expects the change: BLS's own sentences (table 1.12, \"Factors affecting "
    "occupational utilization\"), quoted exactly, on why it expects the occupation's share "
    "of an industry's employment, or of all industries' (\"All industries\"), to rise or "
    "fall, grouped by the factors each names. A share is not a number of jobs: it can fall "
    "while the industry, and the occupation's jobs in it, grow."
)


def _brief(roles: Sequence[Role]) -> list[str]:
    """The concise page's footnotes: what its overview rows measure, in short."""
    notes = []
    if cited(roles, "oews") and cited(roles, "ep"):
        notes.append("Number of jobs: BLS OEWS wage-and-salary jobs, not the self-employed.")
    elif cited(roles, "oews"):
        notes.append(OEWS_JOBS_NOTE)
    if any(r.outlook_factors for r in roles):
        notes.append(REASONS_BRIEF)
    notes += per_role(roles, [_within_brief(r) for r in roles])
    return notes


#: The concise page's footnote to its line on BLS's reasons.
REASONS_BRIEF = "Why: BLS's reasons the job's share of an industry's jobs changes (not a count)."
#: The concise page's footnote when a key difference gives the AI exposure measures.
AI_BRIEF = (
    "AI exposure: β is the share of the job's tasks a large language model could speed up "
    "(Eloundou et al.), rated by GPT-4 and by people; AI applicability, how much AI helps "
    "with its work in Copilot conversations (Tomlinson et al.); both 0-1, ranked among the "
    "occupations each rates. Neither is a forecast of jobs lost or gained."
)


def _within_brief(role: Role) -> str | None:
    count = len(role.onet_occupations)
    if not count:
        return None
    if role.description is None and "rates only occupations within" in (
        role.unpublished.get("description") or ""
    ):  # an aggregate, or a code O*NET rates only in parts: none of its figures are its own
        return f"O*NET rates only the {count} occupations within it, not it as a whole."
    return f"O*NET also rates {count} occupation{'s' if count > 1 else ''} within it (not shown)."


def within_note(role: Role) -> str | None:
    """The O*NET occupations under the role's SOC code other than its own: more specific
    ones (29-1141.01 Acute Care Nurses), or those an aggregate combines. Named, since
    their figures are theirs and never shown as the role's (docs/mapping.md)."""
    if not role.onet_occupations:
        return None
    named = join_words([f"{code} {title}" for code, title in role.onet_occupations])
    return f"O*NET occupations within this one, whose figures are not shown here: {named}."


#: What a relative standard error is, with BLS OEWS's footnote 3 (oe.footnote).
RSE_NOTE = (
    "Number of jobs' relative standard error: the standard error of BLS OEWS's estimate in "
    'percent of it; "the smaller the relative standard error, the more precise the '
    'estimate" (BLS footnote).'
)

#: BLS OEWS footnote 1 (oe.footnote), on its employment figures.
OEWS_JOBS_NOTE = (
    'Number of jobs: BLS OEWS estimates, which "do not include self-employed workers" '
    "(BLS footnote)."
)


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


#: Said in the place of BLS's reasons (EP table 1.12) for an occupation it gives none for.
NO_REASONS = "BLS gives no reasons for this occupation in table 1.12."


def _reasons(role: Role) -> tuple[Factor, ...] | None:
    """BLS's reasons (EP table 1.12): the role's, or none (an empty tuple: JSON ``[]``)
    for an official occupation the table has none for; None where the table was not read
    (a hand-written role, a store built without it)."""
    if role.outlook_factors or "ep-factors" in role.citations:
        return role.outlook_factors
    return None


def _no_reasons(role: Role) -> str | None:
    """What an official occupation BLS gives no reasons for says in their place (not the
    all-occupations total, which table 1.12 has no rows for by design)."""
    return NO_REASONS if "ep-factors" in role.citations and role.soc != "00-0000" else None


SECTION = SectionSpec(
    Section.OVERVIEW,
    (
        Field("soc", "SOC code", Kind.TEXT, lambda r: r.soc, only_if_any=True, detail=True),
        Field("category", "Category", Kind.TEXT, lambda r: r.category, detail=True),
        Field("time_to_become", "Time to become", Kind.DURATION, lambda r: r.time_to_become),
        Field("yearly_salary", "Yearly salary", Kind.MONEY, source="salary.average",
              name="average salary", ranked=True, origin="oews", detail=True, rse=mean_rse),
        Field("hourly_rate", "Hourly rate", Kind.RATE, source="salary.hourly", ranked=True,
              origin="oews", detail=True, rse=mean_rse),
        # Hand-written roles' growth rate; official occupations give it as BLS's projected
        # change (the one column of a table: Field.official).
        Field("growth_rate", "Growth rate", Kind.GROWTH, source="overview.growth_rate",
              ranked=True, official="overview.projected_change"),
        Field("number_of_jobs", "Number of jobs", Kind.COUNT, source="overview.jobs",
              ranked=True, origin="oews"),
        # How sure BLS is of it: its percent relative standard error (OEWS datatype 02).
        Field("number_of_jobs_rse", "Number of jobs: relative standard error", Kind.PERCENT,
              source="overview.jobs_rse", name="relative standard error of the number of jobs",
              unit="%", only_if_any=True, origin="oews", detail=True, compared=False),
        Field("jobs_with_self_employed", "All jobs, 2024 (thousands)", Kind.NUMBER,
              source="overview.ep_employment", column="ep_projection.employment_2024",
              name="jobs including the self-employed", unit="thousand jobs", ranked=True,
              only_if_any=True, origin="ep", detail=True),
        Field("jobs_with_self_employed_2034", "All jobs, 2034 projected (thousands)",
              Kind.NUMBER, source="overview.ep_employment_2034",
              column="ep_projection.employment_2034",
              name="projected jobs including the self-employed, 2034", unit="thousand jobs",
              ranked=True, only_if_any=True, origin="ep", detail=True),
        Field("projected_change", "Projected change, 2024-34", Kind.GROWTH,
              source="overview.projected_change", column="ep_projection.percent_change",
              ranked=True, only_if_any=True, origin="ep"),
        Field("projected_change_all_occupations", "All occupations, 2024-34", Kind.GROWTH,
              source="overview.all_occupations_change", column="ep_projection.percent_change",
              total=True, only_if_any=True, origin="ep", detail=True),
        Field("projected_change_jobs", "Projected change in jobs (thousands)", Kind.NUMBER,
              source="overview.projected_change_jobs", column="ep_projection.change",
              unit="thousand jobs", ranked=True, only_if_any=True, origin="ep", detail=True),
        Field("annual_openings", "Openings a year, 2024-34 (thousands)", Kind.NUMBER,
              source="overview.annual_openings", column="ep_projection.annual_openings",
              unit="thousand jobs a year", ranked=True, only_if_any=True, origin="ep",
              detail=True),  # the concise page's key differences give the openings
        # BLS Employment Projections 2024-34, table 1.10 (importers/ep_separations.py):
        # who leaves the occupation a year, each rate beside all occupations'.
        Field("exit_rate", "Labor force exit rate a year, 2024-34", Kind.PERCENT,
              source="overview.exit_rate", column="ep_separations.exit_rate",
              name="labor force exit rate", unit="% a year", only_if_any=True,
              origin="ep-separations", detail=True),
        Field("exit_rate_all_occupations", "All occupations, exit rate", Kind.PERCENT,
              source="overview.all_occupations_exit_rate", column="ep_separations.exit_rate",
              name="all occupations' labor force exit rate", unit="% a year", total=True,
              only_if_any=True, origin="ep-separations", detail=True),
        Field("transfer_rate", "Occupational transfer rate a year, 2024-34", Kind.PERCENT,
              source="overview.transfer_rate", column="ep_separations.transfer_rate",
              name="occupational transfer rate", unit="% a year", only_if_any=True,
              origin="ep-separations", detail=True),
        Field("transfer_rate_all_occupations", "All occupations, transfer rate", Kind.PERCENT,
              source="overview.all_occupations_transfer_rate",
              column="ep_separations.transfer_rate",
              name="all occupations' occupational transfer rate", unit="% a year",
              total=True, only_if_any=True, origin="ep-separations", detail=True),
        Field("separation_rate", "Separations rate a year, 2024-34", Kind.PERCENT,
              source="overview.separation_rate", column="ep_separations.separation_rate",
              name="total occupational separations rate", unit="% a year",
              only_if_any=True, origin="ep-separations", detail=True),
        Field("separation_rate_all_occupations", "All occupations, separations rate",
              Kind.PERCENT, source="overview.all_occupations_separation_rate",
              column="ep_separations.separation_rate",
              name="all occupations' total occupational separations rate", unit="% a year",
              total=True, only_if_any=True, origin="ep-separations", detail=True),
        Field("labor_force_exits", "Labor force exits a year, 2024-34 (thousands)",
              Kind.NUMBER, source="overview.labor_force_exits",
              column="ep_separations.labor_force_exits", name="labor force exits",
              unit="thousand workers a year", only_if_any=True, origin="ep-separations",
              detail=True),
        Field("occupational_transfers", "Occupational transfers a year, 2024-34 (thousands)",
              Kind.NUMBER, source="overview.occupational_transfers",
              column="ep_separations.occupational_transfers", name="occupational transfers",
              unit="thousand workers a year", only_if_any=True, origin="ep-separations",
              detail=True),
        Field("separations", "Separations a year, 2024-34 (thousands)", Kind.NUMBER,
              source="overview.separations", column="ep_separations.separations",
              name="total occupational separations", unit="thousand workers a year",
              only_if_any=True, origin="ep-separations", detail=True),
        Field("entry_education", "Typical entry education", Kind.TEXT,
              source="overview.entry_education", column="ep_projection.entry_education",
              name="typical entry education", only_if_any=True, origin="ep", detail=True),
        Field("work_experience", "Work experience", Kind.TEXT,
              source="overview.work_experience", column="ep_projection.work_experience",
              only_if_any=True, origin="ep", differs=True),
        Field("job_training", "On-the-job training", Kind.TEXT,
              source="overview.job_training", column="ep_projection.job_training",
              only_if_any=True, origin="ep", differs=True),
        Field("job_zone", "Job zone", Kind.TEXT, lambda r: r.overview.job_zone_name,
              source="overview.job_zone", only_if_any=True, origin="onet", detail=True),
        Field("median_age", "Median age", Kind.NUMBER, source="demographics.median_age",
              unit="years", only_if_any=True, origin="cps", detail=True),
        Field("job_satisfaction", "Job satisfaction", Kind.NUMBER,
              source="overview.job_satisfaction",
              unit="rating 0-5", ranked=True),
        Field("most_common_degree", "Most common degree", Kind.DEGREE,
              lambda r: r.education.degree),
        Field("average_age", "Average age", Kind.NUMBER, lambda r: r.demographics.average_age,
              unit="years"),
        Field("years_of_experience", "Years of experience", Kind.NUMBER,
              source="overview.years_of_experience",
              unit="years"),
        # Published AI exposure measures, each as published with its rank (Kind.EXPOSURE):
        # not ranked (higher is neither better nor worse) and no difference (a cell holds a
        # score and a rank: docs/ai-exposure.md).
        *(
            Field(m.key, m.label, Kind.EXPOSURE, source=m.path,
                  name=m.said if m.measure != "β" else f"AI exposure ({m.said})",
                  group="AI exposure", only_if_any=True, origin=m.origin, detail=True)
            for m in EXPOSURE_MEASURES
        ),
        Field("description", "What they do", Kind.PARAGRAPH, lambda r: r.description,
              source="description", name="description", heading="What does {a} do?",
              origin="onet", missing=_no_description),
        # BLS Employment Projections 2024-34, table 1.12 (importers/ep_factors.py): its
        # sentences on why it expects the change, grouped by factor under the table.
        Field("outlook_factors", "Why BLS expects the change, 2024-34", Kind.REASONS,
              _reasons, source="outlook_factors", name="BLS's reasons for the change",
              origin="ep-factors", missing=_no_reasons),
    ),
    notes=_notes,
    brief=_brief,
    tables=(
        # BLS Employment Projections 2024-34, table 1.2 (importers/ep.py).
        StoreTable("ep_projection", "ep", no_row="no projection for this occupation",
                   total_missing="none for the total of all occupations",
                   reason="missing_reason"),
        # BLS Employment Projections 2024-34, table 1.10 (importers/ep_separations.py).
        StoreTable("ep_separations", "ep-separations",
                   no_row="no separations figures for this occupation",
                   reason="missing_reason"),
    ),
)  # fmt: skip
