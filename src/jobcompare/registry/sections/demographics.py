"""Demographics: age, and the gender and race ratios of the people in the job; for
official roles, CPS's median age, share of women, race and ethnicity, and the median weekly
earnings of full-time workers, all, men and women (table 39)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jobcompare.model import CPS_GROUPS, GENDER_GROUPS, RACE_GROUPS, WEEKLY_GROUPS, Role
from jobcompare.registry.fields import Field, Kind, SectionSpec, StoreTable
from jobcompare.registry.section import Section
from jobcompare.registry.sections._official import per_role
from jobcompare.text import join_words, possessive

#: The store's column of each CPS_GROUPS share (importers/cps.py), in its order.
CPS_COLUMNS = ("percent_white", "percent_black", "percent_asian", "percent_hispanic")
#: The store's column of each WEEKLY_GROUPS median (table 39), in its order.
WEEKLY_COLUMNS = ("weekly_earnings", "weekly_earnings_men", "weekly_earnings_women")
#: How a note names each median ("men's median weekly earnings: not published ...").
WEEKLY_NAMES = {
    "all": "median weekly earnings",
    "men": "men's median weekly earnings",
    "women": "women's median weekly earnings",
}
#: What the weekly figures are, said under the table whenever a role has one.
WEEKLY_NOTE = (
    "Median weekly earnings: CPS table 39, full-time wage and salary workers (not the "
    "self-employed), in dollars a week; a survey of people, not comparable with OEWS's "
    "yearly or hourly pay of jobs."
)


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


def _ratio(
    attribute: str, group: str, groups: tuple[tuple[str, str], ...],
    official: dict[str, str] | None = None,
) -> list[Field]:  # fmt: skip
    return [
        Field(f"{attribute}_ratio.{key}", label, Kind.PERCENT, _share(attribute, key),
              group=group, bar_scale=100, official=(official or {}).get(key))
        for key, label in groups
    ]  # fmt: skip


def _notes(roles: Sequence[Role]) -> list[str]:
    notes = []
    if any(r.demographics.women is not None for r in roles):
        # CPS publishes the share of women only: men are the rest of the employed, a
        # figure CPS does not print, so it is said rather than shown as if published.
        notes.append("Women: percent of the employed (CPS); men are the rest.")
    if any(r.demographics.race_ethnicity for r in roles):
        notes.append(
            "Hispanic or Latino is an ethnicity: its people may be of any race, so the "
            "race and ethnicity shares do not sum to one hundred percent."
        )
    if any(r.demographics.weekly_earnings for r in roles):
        notes.append(WEEKLY_NOTE)
    notes += per_role(roles, [r.demographics.cps_note for r in roles])
    return notes


def _brief(roles: Sequence[Role]) -> list[str]:
    """The concise page's footnote (its race and ethnicity rows are --full's)."""
    notes = []
    if any(r.demographics.women is not None for r in roles):
        notes.append("Women: percent of the employed (CPS); men are the rest.")
    # A CPS row covering several occupations is said on every page: a part's figures
    # are never read as the whole's.
    return notes + per_role(roles, [r.demographics.cps_note for r in roles])


SECTION = SectionSpec(
    Section.DEMOGRAPHICS,
    (
        Field("average_age", "Average age", Kind.NUMBER, lambda r: r.demographics.average_age,
              unit="years"),
        # CPS's share of women is official occupations' share of the female (Field.official);
        # it has no share of men.
        *_ratio("gender", "Gender ratio", GENDER_GROUPS, {"female": "demographics.women"}),
        *_ratio("race", "Race ratio", RACE_GROUPS),
        Field("lgbt_percentage", "LGBT percentage", Kind.PERCENT, lambda r: r.demographics.lgbt),
        Field("median_age", "Median age", Kind.NUMBER, source="demographics.median_age",
              column="cps_demographics.median_age", unit="years", only_if_any=True,
              origin="cps"),
        Field("women", "Women", Kind.PERCENT, source="demographics.women",
              column="cps_demographics.percent_women", name="share of women", bar_scale=100,
              only_if_any=True, origin="cps"),
        *(
            Field(f"race_ethnicity.{key}", label, Kind.PERCENT,
                  source=f"demographics.race_ethnicity.{key}",
                  column=f"cps_demographics.{column}",
                  group="Race and ethnicity", bar_scale=100, only_if_any=True, origin="cps",
                  detail=True)
            for (key, label), column in zip(CPS_GROUPS, CPS_COLUMNS, strict=True)
        ),
        # Table 39: dollars a WEEK (Kind.WEEKLY), never shown or differenced with a year's
        # pay; women minus men is not a figure BLS publishes, so there is no gap row.
        *(
            Field(f"weekly_earnings.{key}", label, Kind.WEEKLY,
                  source=f"demographics.weekly_earnings.{key}",
                  column=f"cps_demographics.{column}", name=WEEKLY_NAMES[key],
                  group="Median weekly earnings", ranked=True, only_if_any=True,
                  origin="cps", detail=True)
            for (key, label), column in zip(WEEKLY_GROUPS, WEEKLY_COLUMNS, strict=True)
        ),
    ),
    intro=_intro,
    notes=_notes,
    brief=_brief,
    together={
        "demographics.race_ethnicity": "race and ethnicity",
        "demographics.weekly_earnings": "median weekly earnings",
    },
    tables=(
        # BLS CPS 2024, tables 11, 11b and 39 (importers/cps.py); a row may stand for a
        # broader CPS occupation, which its note names.
        StoreTable("cps_demographics", "cps", no_row="no CPS row for this occupation",
                   cite="figure", reason="missing_reason",
                   notes=(("note", "demographics.cps_note"),)),
    ),
)  # fmt: skip
