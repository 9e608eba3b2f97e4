"""Education: the most common degree, major and college."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.model import Role
from jobcompare.sections import Section
from jobcompare.text import join_words, with_article


def _intro(roles: Sequence[Role]) -> str:
    return (
        "There are a few differences between "
        f"{join_words([with_article(r.singular) for r in roles])} in terms of educational "
        "background:"
    )


SECTION = SectionSpec(
    Section.EDUCATION,
    (
        Field("most_common_degree", "Most common degree", Kind.DEGREE,
              lambda r: r.education.degree),
        Field("most_common_major", "Most common major", Kind.TEXT, lambda r: r.education.major),
        Field("most_common_college", "Most common college", Kind.TEXT,
              lambda r: r.education.college),
    ),
    intro=_intro,
)  # fmt: skip
