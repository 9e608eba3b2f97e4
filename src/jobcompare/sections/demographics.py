"""Demographics: age, and the gender and race ratios of the people in the job."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jobcompare.fields import Field, Kind, SectionSpec
from jobcompare.model import GENDER_GROUPS, RACE_GROUPS, Role
from jobcompare.sections import Section
from jobcompare.text import join_words, possessive


def _intro(roles: Sequence[Role]) -> str:
    plurals = [r.plural_noun for r in roles]
    # "surgeons (all other)'" reads badly: a qualified name takes the longer wording.
    if any("(" in name or "," in name for name in plurals):
        return f"Here are the differences in demographics between {join_words(plurals)}:"
    return (
        "Here are the differences between "
        f"{join_words([possessive(p) for p in plurals])} demographics:"
    )


def _share(attribute: str, key: str) -> Callable[[Role], object]:
    def get(role: Role) -> object:
        ratio: dict[str, object] | None = getattr(role.demographics, attribute)
        return ratio.get(key) if ratio else None

    return get


def _ratio(attribute: str, group: str, groups: tuple[tuple[str, str], ...]) -> list[Field]:
    return [
        Field(f"{attribute}_ratio.{key}", label, Kind.PERCENT, _share(attribute, key),
              group=group, bar_scale=100)
        for key, label in groups
    ]  # fmt: skip


SECTION = SectionSpec(
    Section.DEMOGRAPHICS,
    (
        Field("average_age", "Average age", Kind.NUMBER, lambda r: r.demographics.average_age,
              unit="years"),
        *_ratio("gender", "Gender ratio", GENDER_GROUPS),
        *_ratio("race", "Race ratio", RACE_GROUPS),
        Field("lgbt_percentage", "LGBT percentage", Kind.PERCENT, lambda r: r.demographics.lgbt),
    ),
    intro=_intro,
)  # fmt: skip
