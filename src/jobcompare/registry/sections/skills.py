"""Skills: each with its share (or, for official roles, O*NET's importance and level);
skills every compared role lists are marked; then O*NET's technology skills."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import INTERESTS, Role
from jobcompare.registry.fields import Field, Kind, SectionSpec
from jobcompare.registry.section import Section

#: How many technology skills a table shows; --all-duties shows all.
TECHNOLOGY_SHOWN = 10
#: How many skills, and technology skills, the concise page shows.
BRIEF = 5
#: How many technology skills the concise page shows: none (--full shows them).
TECHNOLOGY_BRIEF = 0
#: The interests' rows (O*NET 30.3 Interests, scale OI).
INTERESTS_GROUP = "Interests (O*NET, 1-7)"
INTERESTS_NOTE = (
    "Interests: O*NET's ratings of how well each of six kinds of work activity (Holland's "
    "RIASEC types) describes the occupation, from 1 to 7; the interest code names its "
    "highest, first to third (R Realistic, I Investigative, A Artistic, S Social, "
    "E Enterprising, C Conventional)."
)


def _technology(role: Role) -> object:
    # The objects: the tables write each with its flags, JSON and CSV field by field.
    return role.technology or None


def _notes(roles: Sequence[Role]) -> list[str]:
    notes = []
    if any(s.importance is not None for r in roles for s in r.skills):
        notes.append(
            "O*NET's ten skills of highest importance: importance on its 1-5 scale (the "
            "first figure), then level on its 0-7 scale."
        )
    if any(r.interests.high_points or r.interests.social is not None for r in roles):
        notes.append(INTERESTS_NOTE)
    if any(r.technology for r in roles):
        notes.append(
            "Technology skills: O*NET's examples, in-demand and hot ones first (hot and in "
            "demand are O*NET's flags, from employers' job postings)."
        )
    return notes


def _brief(roles: Sequence[Role]) -> list[str]:
    """The concise page's footnote: the skills' two figures."""
    if any(s.importance is not None for r in roles for s in r.skills):
        return ["Skills: O*NET's importance (1-5), then level (0-7)."]
    return []


SECTION = SectionSpec(
    Section.SKILLS,
    (
        Field("skills", "Common skills", Kind.SKILLS, lambda r: r.skills or None,
              source="skills", origin="onet-excel", brief=BRIEF),
        Field("technology", "Technology skills", Kind.TECHNOLOGY, _technology, source="technology",
              name="technology skills", only_if_any=True, origin="onet",
              limit=TECHNOLOGY_SHOWN, brief=TECHNOLOGY_BRIEF),
        # O*NET 30.3 Interests: the six ratings and the high points (--full and show).
        *(
            Field(f"interests.{key}", name, Kind.NUMBER, source=f"interests.{key}",
                  name=f"{name.lower()} interest", unit="rating 1-7", group=INTERESTS_GROUP,
                  bar_scale=7, only_if_any=True, origin="onet", detail=True)
            for key, name, _ in INTERESTS
        ),
        Field("interests.code", "Interest code (high points)", Kind.TEXT,
              lambda r: r.interests.code, source="interests.high_points",
              name="interest code", only_if_any=True, origin="onet", detail=True),
    ),
    notes=_notes,
    brief=_brief,
    together={"interests": "interests (ratings and code)"},
)  # fmt: skip
