"""Skills: each with its share; skills every compared role lists are marked."""

from __future__ import annotations

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.sections import Section

SECTION = SectionSpec(
    Section.SKILLS,
    (Field("skills", "Common skills", Kind.SKILLS, lambda r: r.skills or None),),
)
