"""What a comparison may hold: its sections, and how many roles.

Apart from the engine so that the command line can offer these without loading it. Each
section's figures are declared in a module of this package named as its value
(``sections/salary.py``), loaded only when a comparison needs them (see fields.spec).
"""

from __future__ import annotations

from enum import Enum

MIN_ROLES = 2
MAX_ROLES = 4


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


class ComparisonError(ValueError):
    """The request cannot be compared (wrong number of roles, a role twice)."""


def check_role_count(count: int) -> None:
    """Raise ComparisonError unless ``count`` roles can be compared."""
    if not MIN_ROLES <= count <= MAX_ROLES:
        raise ComparisonError(f"compare {MIN_ROLES} to {MAX_ROLES} roles at a time ({count} given)")
