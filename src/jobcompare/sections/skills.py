"""Skills: each with its share (or, for official roles, O*NET's importance and level);
skills every compared role lists are marked; then O*NET's technology skills."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.model import Role, Technology
from jobcompare.sections import Section

#: How many technology skills a table shows; --all-duties shows all.
TECHNOLOGY_SHOWN = 10


def technology_text(item: Technology) -> str:
    flags = [f for f, on in (("hot", item.hot), ("in demand", item.in_demand)) if on]
    return f"{item.name} ({', '.join(flags)})" if flags else item.name


def _technology(role: Role) -> object:
    # The objects: the tables write them as technology_text, JSON and CSV field by field.
    return role.technology or None


def _notes(roles: Sequence[Role]) -> list[str]:
    notes = []
    if any(s.importance is not None for r in roles for s in r.skills):
        notes.append(
            "O*NET's ten skills of highest importance: importance on its 1-5 scale (the "
            "first figure), then level on its 0-7 scale."
        )
    if any(r.technology for r in roles):
        notes.append(
            "Technology skills: O*NET's examples, in-demand and hot ones first (hot and in "
            "demand are O*NET's flags, from employers' job postings)."
        )
    return notes


SECTION = SectionSpec(
    Section.SKILLS,
    (
        Field("skills", "Common skills", Kind.SKILLS, lambda r: r.skills or None,
              source="skills", origin="onet-excel"),
        Field("technology", "Technology skills", Kind.LIST, _technology, source="technology",
              name="technology skills", only_if_any=True, origin="onet",
              limit=TECHNOLOGY_SHOWN),
    ),
    notes=_notes,
)  # fmt: skip
