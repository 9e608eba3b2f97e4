"""Duties: example responsibilities, in the source's order (for official roles, O*NET's
core tasks, then its supplemental ones)."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import Role
from jobcompare.registry.fields import Field, Kind, SectionSpec
from jobcompare.registry.section import Section
from jobcompare.registry.sections._official import cited

#: How many duties a table shows (as the source page does); --all-duties shows all.
SHOWN = 6
#: How many the concise page shows (a comparison with an official occupation, without
#: --full): none; it says how many there are (the description says what the job is).
BRIEF = 0


def _notes(roles: Sequence[Role]) -> list[str]:
    if cited(roles, "onet") and any(r.duties for r in roles):
        return ["O*NET tasks: core tasks first, then supplemental ones, in O*NET's order."]
    return []


SECTION = SectionSpec(
    Section.DUTIES,
    (
        Field("example_responsibilities", "Example responsibilities", Kind.LIST,
              lambda r: r.duties or None, source="duties", name="tasks", origin="onet",
              limit=SHOWN, brief=BRIEF, whole_in_profile=True),
    ),
    notes=_notes,
    brief=lambda roles: [],  # the concise page: the tasks say what they are
)  # fmt: skip
