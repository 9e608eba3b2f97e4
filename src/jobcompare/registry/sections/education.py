"""Education: the most common degree, major and college; for official roles, BLS's typical
entry education, O*NET's required level of education and the attainment of workers."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import ATTAINMENT_LEVELS, REQUIRED_LEVELS, Role
from jobcompare.registry.fields import Field, Kind, SectionSpec, StoreTable
from jobcompare.registry.section import Section
from jobcompare.registry.sections._official import cited, per_role
from jobcompare.text import join_words, with_article

REQUIRED_GROUP = "Education the job requires (O*NET, % of respondents)"
ATTAINMENT_GROUP = "Education workers hold (ACS, % of workers)"


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
              source="overview.entry_education", only_if_any=True, origin="ep"),
        Field("most_common_required", "Most common required level", Kind.DEGREE,
              source="education.required",
              name="most common required level", only_if_any=True, origin="onet"),
        *(
            Field(f"required_levels.{key}", label, Kind.PERCENT,
                  source=f"education.required_levels.{key}",
                  name=f"required {label[0].lower()}{label[1:]}", group=REQUIRED_GROUP,
                  bar_scale=100, only_if_any=True, origin="onet")
            for key, _, label in REQUIRED_LEVELS
        ),
        *(
            Field(f"attainment.{key}", label, Kind.PERCENT,
                  source=f"education.attainment.{key}", column=f"ep_attainment.{key}",
                  name=f"workers with {label[0].lower()}{label[1:]}", group=ATTAINMENT_GROUP,
                  bar_scale=100, only_if_any=True, origin="ep-education")
            for key, label in ATTAINMENT_LEVELS
        ),
    ),
    intro=_intro,
    notes=_notes,
    together={"education.required_levels": "required-education shares",
              "education.attainment": "attainment shares"},
    tables=(
        # BLS Employment Projections table 5.3, from the ACS (importers/ep_education.py):
        # its note says when the row is that of a broader ACS group.
        StoreTable("ep_attainment", "ep-education",
                   notes=(("note", "education.attainment_note"),)),
    ),
)  # fmt: skip
