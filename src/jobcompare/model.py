"""The dataset as frozen dataclasses: what a role is, independent of TOML and of output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from jobcompare.text import casual, plural

#: A figure as the source wrote it: ``34`` stays an int, ``12.0`` stays a float, so that
#: output can show it with the precision the source used.
Number = int | float


@dataclass(frozen=True)
class Amount:
    """A sum of money (yearly or hourly).

    ``at_least`` marks a lower bound rather than an exact figure (BLS top-codes the highest
    wages: "$239,200 or more"). A lower bound is shown as such and never used as if exact.
    """

    value: Number
    at_least: bool = False


@dataclass(frozen=True)
class SalaryRange:
    """A low and a high salary, as a hand-written role's page gives them."""

    min: Amount
    max: Amount


@dataclass(frozen=True)
class Percentiles:
    """Wage percentiles (BLS OEWS), annual or hourly; any of them may be unpublished."""

    p10: Amount | None = None
    p25: Amount | None = None
    p50: Amount | None = None
    p75: Amount | None = None
    p90: Amount | None = None


@dataclass(frozen=True)
class TimeToBecome:
    """How long it takes to become one, in months (a range)."""

    min_months: int
    max_months: int


@dataclass(frozen=True)
class Degree:
    """A level or field of education, with its share of workers where the source has one."""

    name: str
    share: Number | None = None


@dataclass(frozen=True)
class Skill:
    """A skill, with its share (a hand-written role) or O*NET's ratings (an official one)."""

    name: str
    share: Number | None = None
    #: O*NET's importance rating (scale IM, 1-5), for official roles.
    importance: Number | None = None
    #: O*NET's level rating (scale LV, 0-7), for official roles.
    level: Number | None = None


#: O*NET's six interests (RIASEC, Holland's types), in O*NET's order: (model key, name,
#: letter). A high point is the number of one of them, 1-6 (0: none).
INTERESTS: tuple[tuple[str, str, str], ...] = (
    ("realistic", "Realistic", "R"),
    ("investigative", "Investigative", "I"),
    ("artistic", "Artistic", "A"),
    ("social", "Social", "S"),
    ("enterprising", "Enterprising", "E"),
    ("conventional", "Conventional", "C"),
)


def interest_code(high_points: tuple[int, ...]) -> str | None:
    """O*NET's interest code: the letters of the high points in order ("SCI" for 4, 6, 2),
    0 (none) left out; None when there is no high point at all."""
    letters = "".join(INTERESTS[p - 1][2] for p in high_points if 1 <= p <= len(INTERESTS))
    return letters or None


@dataclass(frozen=True)
class Interests:
    """O*NET 30.3's Interests of an occupation (its own ``.00``): how well each of the six
    RIASEC interests describes the work, on O*NET's scale 1-7 (OI), and its high points
    (IH): the numbers of the highest interests, first to third, as O*NET publishes them."""

    realistic: Number | None = None
    investigative: Number | None = None
    artistic: Number | None = None
    social: Number | None = None
    enterprising: Number | None = None
    conventional: Number | None = None
    high_points: tuple[int, ...] = ()

    @property
    def code(self) -> str | None:
        """The high points as O*NET's letters: "SCI"."""
        return interest_code(self.high_points)


@dataclass(frozen=True)
class Technology:
    """An O*NET technology skill example ("Microsoft Excel") with its O*NET flags."""

    name: str
    category: str
    hot: bool = False
    in_demand: bool = False


@dataclass(frozen=True)
class Citation:
    """Where a group of figures comes from: ``label`` as a section's source line names it
    ("BLS Employment Projections 2024–34"), the source's name, release and year."""

    label: str
    name: str
    release: str
    year: str


@dataclass(frozen=True)
class Exposure:
    """A published AI exposure score and its rank among the occupations its measure rates
    (docs/ai-exposure.md): ``score`` as the authors publish it (0-1), and ``lower`` of the
    ``rated`` occupations of the published file scoring strictly lower (scores equal to
    12 decimals tie). A score of one measure is never blended with another's."""

    score: Number
    lower: int
    rated: int

    @property
    def higher_than(self) -> int:
        """The percent of the rated occupations scoring strictly lower, rounded down, so
        never past the truth: 660 of 923 (71.5%) is "higher than 71%"."""
        return self.lower * 100 // self.rated if self.rated > 0 else 0


@dataclass(frozen=True)
class Overview:
    """The overview section's figures: growth, jobs, pay and what they rest on."""

    growth_rate: Number | None = None
    jobs: int | None = None
    #: BLS OEWS's percent relative standard error of ``jobs`` (datatype 02), as printed.
    jobs_rse: Number | None = None
    job_satisfaction: Number | None = None
    years_of_experience: Number | None = None
    # BLS Employment Projections 2024-34 (table 1.2); employment figures in thousands,
    # as BLS publishes them, including the self-employed (unlike OEWS's ``jobs``).
    entry_education: str | None = None
    work_experience: str | None = None
    job_training: str | None = None
    ep_employment: Number | None = None
    ep_employment_2034: Number | None = None  # thousands, BLS's projection for 2034
    projected_change: Number | None = None  # percent, 2024-34
    projected_change_jobs: Number | None = None  # thousands, 2024-34
    all_occupations_change: Number | None = None  # percent, the "Total, all occupations" row
    annual_openings: Number | None = None  # thousands a year, 2024-34 average
    # BLS Employment Projections 2024-34, table 1.10: workers leaving the occupation a
    # year, 2024-34 average. Rates in percent (of the occupation's employment), numbers in
    # thousands, as BLS publishes them; the all-occupations rates are the baselines.
    exit_rate: Number | None = None  # leaving the labor force (retiring or other reasons)
    transfer_rate: Number | None = None  # moving to another occupation
    separation_rate: Number | None = None  # the two together
    all_occupations_exit_rate: Number | None = None
    all_occupations_transfer_rate: Number | None = None
    all_occupations_separation_rate: Number | None = None
    labor_force_exits: Number | None = None  # thousands a year
    occupational_transfers: Number | None = None  # thousands a year
    separations: Number | None = None  # thousands a year
    # O*NET 30.3 job zone and O*NET's name for it.
    job_zone: int | None = None
    job_zone_name: str | None = None
    # Published AI exposure measures (docs/ai-exposure.md), each side by side, never
    # blended: Eloundou et al.'s beta rated by GPT-4 and by human annotators ("GPTs are
    # GPTs", the occupation's own O*NET-SOC .00 only), and Tomlinson et al.'s AI
    # applicability score ("Working with AI", the same SOC code only).
    ai_gpt4_beta: Exposure | None = None
    ai_human_beta: Exposure | None = None
    ai_applicability: Exposure | None = None


#: BLS EP table 1.12's industry code of its "Total, all industries" rows.
ALL_INDUSTRIES = "TE1000"
#: What :attr:`Factor.mentions_ai` looks for: the word "AI" (capitals, a word of its own)
#: or "artificial intelligence" (any case).
MENTIONS_AI = re.compile(r"\bAI\b|(?i:\bartificial intelligence\b)")


@dataclass(frozen=True)
class Factor:
    """One of BLS's reasons for the change it projects in an occupation's employment (BLS
    Employment Projections 2024-34, table 1.12, "Factors affecting occupational
    utilization"): for one industry ("Total, all industries", code TE1000, or one
    industry), why BLS expects the occupation's share of that industry's employment to
    rise or fall.

    ``text`` is BLS's sentence exactly as published. ``factors`` are the factors its prefix
    names ("Demand change", "Productivity change", "Capital/labor substitution", "Sourcing
    change", "Occupational substitution"), in its order, and ``direction`` the share's
    ("increases" or "decreases"); () and None when the prefix does not read as one."""

    industry: str
    industry_code: str
    text: str
    factors: tuple[str, ...] = ()
    direction: str | None = None

    @property
    def all_industries(self) -> bool:
        """BLS's sentence for the occupation in all industries together."""
        return self.industry_code == ALL_INDUSTRIES

    @property
    def mentions_ai(self) -> bool:
        """Whether BLS's sentence speaks of AI: the word "AI" (as BLS writes it, in
        capitals, on its own: not "aid" or "AIDS") or "artificial intelligence" in any
        case. 49 sentences of 38 occupations in the 2024-34 table."""
        return MENTIONS_AI.search(self.text) is not None


@dataclass(frozen=True)
class Place:
    """Where an occupation is paid best (BLS OEWS): the area or industry, and its average
    (mean) annual wage there, exactly as published (None when BLS published none).
    ``kind``: metro, state, district (DC: not a state), territory, or industry."""

    name: str
    pay: Amount | None
    kind: str


@dataclass(frozen=True)
class Salary:
    """The salary section's figures: average, range, percentiles, where pay is highest."""

    average: Amount | None = None
    hourly: Amount | None = None
    #: BLS OEWS's percent relative standard error of the mean wage (datatype 05): of
    #: ``average`` and ``hourly`` alike (the annual mean is the hourly one x 2,080).
    mean_rse: Number | None = None
    range: SalaryRange | None = None
    percentiles: Percentiles | None = None
    #: Hourly wage percentiles (BLS OEWS), the spread BLS gives for hourly-only occupations.
    hourly_percentiles: Percentiles | None = None
    #: BLS OEWS's national median each May of the series ending in May 2025, annual and
    #: hourly: year ("2021") -> the median as published that year, in nominal dollars;
    #: None where BLS published none or the year is before a break in the series (the
    #: reason in ``Role.unpublished``). Official occupations only (docs/history.md).
    median_by_year: dict[str, Amount | None] | None = None
    hourly_median_by_year: dict[str, Amount | None] | None = None
    highest_paying_city: str | None = None
    highest_paying_state: str | None = None
    best_paying_company: str | None = None
    best_paying_industry: str | None = None
    #: Official occupations (the store): the best-paid metro area, state (DC or a
    #: territory is said to be one), best-paid of the 50 states when the top "state" is
    #: not one, and industry, each with its average annual wage there.
    best_metro: Place | None = None
    best_state: Place | None = None
    best_of_50_states: Place | None = None
    best_industry: Place | None = None


#: O*NET's 12 categories of required level of education (element 2.D.1, scale RL): key,
#: category number and a short label for O*NET's name (its explanations left out).
REQUIRED_LEVELS: tuple[tuple[str, int, str], ...] = (
    ("less_than_high_school", 1, "Less than high school"),
    ("high_school", 2, "High school or equivalent"),
    ("post_secondary_certificate", 3, "Certificate after high school"),
    ("some_college", 4, "Some college courses"),
    ("associate", 5, "Associate's degree"),
    ("bachelor", 6, "Bachelor's degree"),
    ("post_baccalaureate_certificate", 7, "Certificate after bachelor's"),
    ("master", 8, "Master's degree"),
    ("post_master_certificate", 9, "Certificate after master's"),
    ("first_professional", 10, "First professional degree"),
    ("doctoral", 11, "Doctoral degree"),
    ("post_doctoral", 12, "Postdoctoral training"),
)
#: BLS EP table 5.3's attainment levels (ACS), key and BLS's label.
ATTAINMENT_LEVELS: tuple[tuple[str, str], ...] = (
    ("less_than_high_school", "Less than high school diploma"),
    ("high_school", "High school diploma or equivalent"),
    ("some_college", "Some college, no degree"),
    ("associate", "Associate's degree"),
    ("bachelor", "Bachelor's degree"),
    ("master", "Master's degree"),
    ("doctoral_or_professional", "Doctoral or professional degree"),
)


@dataclass(frozen=True)
class Education:
    """The education section: the degree, major and college, and O*NET's levels."""

    degree: Degree | None = None
    major: str | None = None
    college: str | None = None
    #: O*NET's most common required level of education, with its share of respondents.
    required: Degree | None = None
    #: REQUIRED_LEVELS key -> percent of respondents (O*NET RL); None where suppressed.
    required_levels: dict[str, Number | None] | None = None
    #: ATTAINMENT_LEVELS key -> percent of workers aged 25+ (BLS EP table 5.3, ACS).
    attainment: dict[str, Number | None] | None = None
    #: BLS's note when the attainment is that of a broader ACS group.
    attainment_note: str | None = None


#: Gender and race groups in the order the source lists them, with their labels.
GENDER_GROUPS: tuple[tuple[str, str], ...] = (("male", "Male"), ("female", "Female"))
RACE_GROUPS: tuple[tuple[str, str], ...] = (
    ("black_or_african_american", "Black or African American"),
    ("unknown", "Unknown"),
    ("hispanic_or_latino", "Hispanic or Latino"),
    ("asian", "Asian"),
    ("white", "White"),
    ("american_indian_and_alaska_native", "American Indian and Alaska Native"),
)


@dataclass(frozen=True)
class Demographics:
    """Who works in the role: age, gender, race and other shares."""

    average_age: Number | None = None
    #: group key (see GENDER_GROUPS) -> share in percent; None when the source has no ratio.
    gender: dict[str, Number] | None = None
    #: group key (see RACE_GROUPS) -> share in percent.
    race: dict[str, Number] | None = None
    lgbt: Number | None = None
    # BLS CPS 2024 (tables 11 and 11b), for official roles.
    median_age: Number | None = None
    women: Number | None = None  # percent of the employed
    #: CPS_GROUPS key -> percent of the employed (Hispanic or Latino may be of any race).
    race_ethnicity: dict[str, Number | None] | None = None
    #: The CPS occupation title the figures are for, when it covers other occupations too.
    cps_note: str | None = None
    #: BLS CPS 2024 table 39: median weekly earnings of full-time wage and salary workers,
    #: whole dollars a WEEK (never a year's or an hour's pay): WEEKLY_GROUPS key -> dollars.
    weekly_earnings: dict[str, Number | None] | None = None


#: CPS 2024 table 39's medians, in its order: all full-time wage and salary workers, men,
#: women.
WEEKLY_GROUPS: tuple[tuple[str, str], ...] = (
    ("all", "All full-time workers"),
    ("men", "Men"),
    ("women", "Women"),
)


#: CPS 2024 table 11's race and ethnicity columns, in its order.
CPS_GROUPS: tuple[tuple[str, str], ...] = (
    ("white", "White"),
    ("black_or_african_american", "Black or African American"),
    ("asian", "Asian"),
    ("hispanic_or_latino", "Hispanic or Latino"),
)


@dataclass(frozen=True)
class Role:
    """One occupation or hand-written role, with every section's figures and their sources."""

    slug: str
    title: str
    category: str | None = None
    description: str | None = None
    time_to_become: TimeToBecome | None = None
    source: str | None = None
    soc: str | None = None
    #: How a sentence names one person in the role ("bill and account collector"), for
    #: sources whose titles are plural; by default the title in sentence case.
    noun: str | None = None
    #: How a sentence names people in the role ("bill and account collectors"); by default
    #: the regular plural of the noun.
    plural: str | None = None
    overview: Overview = field(default_factory=Overview)
    salary: Salary = field(default_factory=Salary)
    education: Education = field(default_factory=Education)
    demographics: Demographics = field(default_factory=Demographics)
    duties: tuple[str, ...] = ()
    skills: tuple[Skill, ...] = ()
    #: field path ("salary.hourly") -> why the source did not publish that value.
    unpublished: dict[str, str] = field(default_factory=dict)
    #: O*NET technology skills: in-demand and hot ones first, then O*NET's order.
    technology: tuple[Technology, ...] = ()
    #: Source key ("oews", "ep", "onet", ...) -> where that source's figures come from;
    #: empty for hand-written roles (their ``source`` says it).
    citations: dict[str, Citation] = field(default_factory=dict)
    #: ``source`` of an official role in parts: (source key, its attribution), so a
    #: comparison of some sections names only their sources.
    source_parts: tuple[tuple[str, str], ...] = ()
    #: O*NET occupations under the role's SOC code other than its own ``.00``: the more
    #: specific ones O*NET describes within it, or those an OEWS aggregate combines, as
    #: (O*NET-SOC code, title). Their figures are theirs, never shown as the role's.
    onet_occupations: tuple[tuple[str, str], ...] = ()
    #: BLS's reasons for the change it projects (EP table 1.12), in BLS's order, the
    #: sentence for "Total, all industries" first; empty for an occupation BLS gives none
    #: for, and for hand-written roles.
    outlook_factors: tuple[Factor, ...] = ()
    #: O*NET 30.3's interests (RIASEC) of the occupation's own ``.00``; all None for a
    #: hand-written role and where O*NET gives none (with the reason in ``unpublished``).
    interests: Interests = field(default_factory=Interests)

    @property
    def official(self) -> bool:
        """An official occupation: its figures cite their sources (the store's). A
        hand-written role cites none (its ``source`` says it), whatever SOC code it gives."""
        return bool(self.citations)

    @property
    def singular(self) -> str:
        """The role as a sentence names it: "patient account coordinator"."""
        return self.noun or casual(self.title)

    @property
    def plural_noun(self) -> str:
        """The role as a sentence names several: "patient account coordinators"."""
        return self.plural or plural(self.singular)


if TYPE_CHECKING:  # a type only (a Protocol costs start-up)

    class Listed(Protocol):
        """What a role list shows: a Role, or an index entry of a role not yet loaded."""

        @property
        def slug(self) -> str: ...

        @property
        def title(self) -> str: ...

        @property
        def category(self) -> str | None: ...

        @property
        def soc(self) -> str | None: ...
