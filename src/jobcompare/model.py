"""The dataset as frozen dataclasses: what a role is, independent of TOML and of output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

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
    min_months: int
    max_months: int


@dataclass(frozen=True)
class Degree:
    name: str
    share: Number | None = None


@dataclass(frozen=True)
class Skill:
    name: str
    share: Number | None = None


@dataclass(frozen=True)
class Overview:
    growth_rate: Number | None = None
    jobs: int | None = None
    job_satisfaction: Number | None = None
    years_of_experience: Number | None = None


@dataclass(frozen=True)
class Salary:
    average: Amount | None = None
    hourly: Amount | None = None
    range: SalaryRange | None = None
    percentiles: Percentiles | None = None
    #: Hourly wage percentiles (BLS OEWS), the spread BLS gives for hourly-only occupations.
    hourly_percentiles: Percentiles | None = None
    highest_paying_city: str | None = None
    highest_paying_state: str | None = None
    best_paying_company: str | None = None
    best_paying_industry: str | None = None


@dataclass(frozen=True)
class Education:
    degree: Degree | None = None
    major: str | None = None
    college: str | None = None


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
    average_age: Number | None = None
    #: group key (see GENDER_GROUPS) -> share in percent; None when the source has no ratio.
    gender: dict[str, Number] | None = None
    #: group key (see RACE_GROUPS) -> share in percent.
    race: dict[str, Number] | None = None
    lgbt: Number | None = None


@dataclass(frozen=True)
class Role:
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

    @property
    def singular(self) -> str:
        """The role as a sentence names it: "patient account coordinator"."""
        return self.noun or casual(self.title)

    @property
    def plural_noun(self) -> str:
        """The role as a sentence names several: "patient account coordinators"."""
        return self.plural or plural(self.singular)


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
