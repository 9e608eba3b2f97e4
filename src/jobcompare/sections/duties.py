"""Duties: example responsibilities, in the source's order."""

from __future__ import annotations

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.sections import Section

SECTION = SectionSpec(
    Section.DUTIES,
    (
        Field("example_responsibilities", "Example responsibilities", Kind.LIST,
              lambda r: r.duties or None),
    ),
)  # fmt: skip
