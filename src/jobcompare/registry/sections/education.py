"""Education: the most common degree, major and college; for official roles, BLS's typical
entry education, O*NET's required level of education and the attainment of workers."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import ATTAINMENT_LEVELS, REQUIRED_LEVELS, Degree, Role
from jobcompare.registry.fields import Field, Kind, SectionSpec, StoreTable
from jobcompare.registry.section import Section
from jobcompare.registry.sections._official import cited, per_role
from jobcompare.text import join_words, with_article

REQUIRED_GROUP = "Education the job requires (O*NET, % of respondents)"
ATTAINMENT_GROUP = "Education workers hold (ACS, % of workers)"


def most_held(role: Role) -> Degree | None:
    """The level of education most of the role's workers hold (BLS EP table 5.3), with its
    share as published: the largest share, ties named together. None without shares, or
    when a missing share could be the largest (naming one would be a guess)."""
    shares = role.education.attainment
    if not shares:
        return None
    published = {k: v for k, v in shares.items() if v is not None}
    if not published:
        return None
    top = max(published.values())
    if len(published) < len(shares) and 100 - sum(published.values()) >= top:
        return None
    names = [label for key, label in ATTAINMENT_LEVELS if published.get(key) == top]
    return Degree(" / ".join(names), top)


def _brief(roles: Sequence[Role]) -> list[str]:
    """The concise page's footnotes: required is not held."""
    notes = []
    if any(r.education.required_levels for r in roles):
        notes.append("Required level: the share of O*NET's respondents naming it as needed.")
    if any(r.education.attainment for r in roles):
        notes.append(
            "Education held: of people now in the job (ACS 2021-22), not what it requires."
        )
    notes += per_role(roles, [r.education.attainment_note for r in roles])
    return notes


def _intro(roles: Sequence[Role]) -> str:
    # Official occupations are named in the plural: "a dentist, general" reads wrong.
    names = (
        [r.plural_noun for r in roles]
        if any(r.soc for r in roles)
        else [with_article(r.singular) for r in roles]
    )
    return (
        f"There are a few differences between {join_words(names)} in terms of educational "
        "background:"
    )


def _notes(roles: Sequence[Role]) -> list[str]:
    notes = []
    if any(r.education.required_levels for r in roles):
        notes.append(
            "Required: O*NET's required level of education, the share of respondents "
            "saying each level is needed to do the job; the most common is the level with "
            "the largest share."
        )
    if any(r.education.attainment for r in roles):
        notes.append(
            "Held: the highest level of education of people now in the job (BLS "
            "Employment Projections table 5.3, from the 2021-22 American Community Survey), "
            "not what the job requires."
        )
    if cited(roles, "ep"):
        notes.append("Typical entry education: BLS Employment Projections 2024-34.")
    notes += per_role(roles, [r.education.attainment_note for r in roles])
    return notes


SECTION = SectionSpec(
    Section.EDUCATION,
    (
        Field("most_common_degree", "Most common degree", Kind.DEGREE,
              lambda r: r.education.degree),
        Field("most_common_major", "Most common major", Kind.TEXT, lambda r: r.education.major),
        Field("most_common_college", "Most common college", Kind.TEXT,
              lambda r: r.education.college),
        Field("entry_education", "Typical entry education", Kind.TEXT,
              source="overview.entry_education", only_if_any=True, origin="ep",
              differs=True),
        Field("most_common_required", "Most common required level", Kind.DEGREE,
              source="education.required",
              name="most common required level", only_if_any=True, origin="onet"),
        *(
            Field(f"required_levels.{key}", label, Kind.PERCENT,
                  source=f"education.required_levels.{key}",
                  name=f"required {label[0].lower()}{label[1:]}", group=REQUIRED_GROUP,
                  bar_scale=100, only_if_any=True, origin="onet", detail=True)
            for key, _, label in REQUIRED_LEVELS
        ),
        Field("most_common_held", "Most common education held", Kind.DEGREE, most_held,
              name="most common education held", only_if_any=True, origin="ep-education"),
        *(
            Field(f"attainment.{key}", label, Kind.PERCENT,
                  source=f"education.attainment.{key}", column=f"ep_attainment.{key}",
                  name=f"workers with {label[0].lower()}{label[1:]}", group=ATTAINMENT_GROUP,
                  bar_scale=100, only_if_any=True, origin="ep-education", detail=True)
            for key, label in ATTAINMENT_LEVELS
        ),
    ),
    intro=_intro,
    notes=_notes,
    brief=_brief,
    together={"education.required_levels": "required-education shares",
              "education.attainment": "attainment shares"},
    tables=(
        # BLS Employment Projections table 5.3, from the ACS (importers/ep_education.py):
        # its note says when the row is that of a broader ACS group.
        StoreTable("ep_attainment", "ep-education",
                   notes=(("note", "education.attainment_note"),)),
    ),
)  # fmt: skip
