"""What a comparison may hold: its sections, in the order shown, and how many roles.

Apart from the figures so that the command line can offer these without loading them.
Each section's figures are declared in a module of :mod:`jobcompare.registry.sections`
named as its value (``sections/salary.py``), loaded only when a comparison needs them.
"""

from __future__ import annotations

from enum import Enum

from jobcompare.errors import ComparisonError

MIN_ROLES = 2
MAX_ROLES = 4

#: BLS OEWS's wage percentiles, in order: the Percentiles field and the label a table gives
#: it. Every list of them (the salary rows, history, --pay, area tables) reads this one.
PERCENTILES: tuple[tuple[str, str], ...] = (
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("p50", "Median"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
)


class Section(str, Enum):
    """The sections of a comparison, in the order they are shown."""

    OVERVIEW = "overview"
    SALARY = "salary"
    EDUCATION = "education"
    DEMOGRAPHICS = "demographics"
    DUTIES = "duties"
    SKILLS = "skills"

    @property
    def heading(self) -> str:
        return "Duties and responsibilities" if self is Section.DUTIES else self.value.title()


def check_role_count(count: int) -> None:
    """Raise ComparisonError unless ``count`` roles can be compared."""
    if not MIN_ROLES <= count <= MAX_ROLES:
        raise ComparisonError(f"compare {MIN_ROLES} to {MAX_ROLES} roles at a time ({count} given)")
