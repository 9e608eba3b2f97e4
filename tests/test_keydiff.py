"""Key differences (engine/keydiff.py): each kind of line, from figures as the store gives
them, and the block, JSON and CSV that open a comparison of official occupations."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any

import pytest

from jobcompare.engine.compare import compare, with_gap
from jobcompare.engine.moves import Gap, SkillChange
from jobcompare.engine.results import KeyDifference
from jobcompare.model import (
    Amount,
    Citation,
    Demographics,
    Education,
    Overview,
    Percentiles,
    Role,
    Salary,
)
from jobcompare.output.views.comparison import data, records
from jobcompare.registry.section import Section
from tests.conftest import SEED, run, validate

OEWS = Citation("BLS OEWS May 2025", "BLS OEWS", "May 2025", "2025")
EP = Citation("BLS Employment Projections 2024–34", "BLS EP", "2024–34", "2024–34")
ONET = Citation("O*NET 30.3 (CC BY 4.0)", "O*NET", "30.3", "2026")
CPS = Citation("CPS 2024", "CPS", "2024", "2024")
CITED = {"oews": OEWS, "ep": EP, "onet": ONET, "cps": CPS}


def official(
    slug: str,
    *,
    median: Amount | None = None,
    hourly_median: Amount | None = None,
    change: float | None = None,
    openings: float | None = None,
    entry: str | None = None,
    zone: int | None = None,
    women: float | None = None,
    unpublished: dict[str, str] | None = None,
) -> Role:
    return Role(
        slug=slug,
        title=slug.replace("-", " ").title(),
        plural=slug.replace("-", " "),
        soc="00-0001",
        salary=Salary(
            percentiles=Percentiles(p50=median) if median else None,
            hourly_percentiles=Percentiles(p50=hourly_median) if hourly_median else None,
        ),
        overview=Overview(
            projected_change=change,
            annual_openings=openings,
            all_occupations_change=3.1 if change is not None else None,
            entry_education=entry,
            job_zone=zone,
            job_zone_name=f"Job Zone {zone}" if zone else None,
        ),
        demographics=Demographics(women=women),
        citations=CITED,
        unpublished=unpublished or {},
    )


def lines(*roles: Role, sections: tuple[Section, ...] = tuple(Section)) -> dict[str, KeyDifference]:
    return {k.topic: k for k in compare(roles, sections).key_differences}


RN = official("registered-nurses", median=Amount(97550), change=4.9, openings=189.1,
              entry="Bachelor's degree", zone=4, women=86.8)  # fmt: skip
NP = official("nurse-practitioners", median=Amount(132300), change=40.1, openings=29.5,
              entry="Master's degree", zone=5, women=88.0)  # fmt: skip


# -- 1. pay --------------------------------------------------------------------------------


def test_pay_of_two_roles_says_the_medians_and_their_difference() -> None:
    pay = lines(RN, NP)["pay"]
    assert pay.text == (
        "Nurse practitioners earn $132,300 a year at the median, $34,750 (+35.6%) more than "
        "registered nurses ($97,550)."
    )
    assert pay.sources == ("BLS OEWS May 2025",)
    assert pay.line.startswith("Pay (BLS OEWS May 2025): Nurse practitioners earn")
    assert [(f.key, f.role, f.value) for f in pay.figures] == [
        ("salary.percentiles.p50", "registered-nurses", 97550),
        ("salary.percentiles.p50", "nurse-practitioners", 132300),
    ]
    assert pay.difference is not None
    assert (pay.difference.value, pay.difference.at_least) == (34750, False)
    assert pay.difference.percent == pytest.approx(35.6228, abs=1e-4)


def test_pay_of_hourly_only_occupations_uses_the_hourly_median_and_says_so() -> None:
    actors = official("actors", hourly_median=Amount(29.05),
                      unpublished={"salary.percentiles.p50": "hourly wages only"})  # fmt: skip
    nurses = replace(RN, salary=replace(RN.salary, hourly_percentiles=Percentiles(
        p50=Amount(46.9))))  # fmt: skip
    pay = lines(actors, nurses)["pay"]
    assert pay.text == (
        "Registered nurses earn $46.90 an hour at the median, $17.85 (+61.4%) more than actors "
        "($29.05) (hourly medians: BLS publishes no yearly median for actors)."
    )
    assert {f.key for f in pay.figures} == {"salary.hourly_percentiles.p50"}


def test_a_top_coded_median_is_at_least_and_so_is_the_difference() -> None:
    surgeons = official("surgeons", median=Amount(239200, at_least=True))
    pay = lines(RN, surgeons)["pay"]
    assert pay.text == (
        "Surgeons earn at least $239,200 a year at the median (BLS top-codes it), at least "
        "$141,650 (at least +145.2%) more than registered nurses ($97,550)."
    )
    assert pay.difference is not None and pay.difference.at_least
    assert [f.at_least for f in pay.figures] == [False, True]


def test_two_top_coded_medians_have_no_known_difference() -> None:
    a = official("surgeons", median=Amount(239200, at_least=True))
    b = official("cardiologists", median=Amount(239200, at_least=True))
    pay = lines(a, b)["pay"]
    assert "not published" in pay.text and "at least $239,200" in pay.text
    assert pay.difference is None


def test_a_missing_median_is_said_missing_and_nothing_is_computed() -> None:
    unknown = official(
        "unknown-role", unpublished={"salary.percentiles.p50": "Estimate not released."}
    )
    pay = lines(RN, unknown)["pay"]
    assert pay.text == (
        "Median pay: registered nurses $97,550 a year; unknown role: BLS publishes no "
        "median; no difference is given across these."
    )
    assert pay.difference is None
    missing = next(f for f in pay.figures if f.role == "unknown-role")
    assert (missing.value, missing.reason) == (None, "Estimate not released.")


def test_pay_of_three_and_four_roles_is_a_ranking() -> None:
    aides = official("aides", median=Amount(35800))
    assert lines(RN, NP, aides)["pay"].text == (
        "Median pay a year: nurse practitioners $132,300; registered nurses $97,550; aides $35,800."
    )
    surgeons = official("surgeons", median=Amount(239200, at_least=True))
    four = lines(RN, NP, aides, surgeons)["pay"]
    assert four.text.startswith("Median pay a year: surgeons at least $239,200; nurse")
    assert four.difference is None


# -- 2. growth and openings ----------------------------------------------------------------


def test_outlook_of_two_roles() -> None:
    outlook = lines(RN, NP)["outlook"]
    assert outlook.text == (
        "Projected change 2024-34: +40.1% for nurse practitioners and +4.9% for registered nurses "
        "(all occupations: +3.1%); openings a year: 29.5 thousand for nurse practitioners and "
        "189.1 thousand for registered nurses."
    )
    assert outlook.sources == ("BLS Employment Projections 2024–34",)


def test_outlook_says_a_missing_projection_missing() -> None:
    outlook = lines(RN, official("no-projection"))["outlook"]
    assert outlook.text == (
        "Projected change 2024-34: +4.9% for registered nurses (all occupations: "
        "+3.1%); openings a year: 189.1 thousand for registered nurses; BLS publishes no "
        "projected change for no projection; BLS publishes no openings for no projection."
    )
    assert [f.value for f in outlook.figures if f.key == "overview.projected_change"] == [4.9, None]


def test_outlook_of_four_roles_ranks_each_figure() -> None:
    aides = official("aides", change=17.0, openings=765.8)
    clerks = official("clerks", change=-0.4, openings=42.2)
    text = lines(RN, NP, aides, clerks)["outlook"].text
    assert text == (
        "Projected change in employment: nurse practitioners +40.1%; aides +17.0%; registered "
        "nurses +4.9%; clerks -0.4% (all occupations: +3.1%). Openings a year: aides 765.8 "
        "thousand; registered nurses 189.1 thousand; clerks 42.2 thousand; nurse practitioners "
        "29.5 thousand."
    )


# -- 3. entry education and job zone -------------------------------------------------------


def test_entry_of_two_roles() -> None:
    entry = lines(RN, NP)["entry"]
    assert entry.text == (
        "Registered nurses need a bachelor's degree; nurse practitioners a master's degree "
        "(BLS: typical entry education); job zone 4 vs 5 (O*NET)."
    )
    assert entry.sources == ("BLS Employment Projections 2024–34", "O*NET 30.3 (CC BY 4.0)")
    assert [f.value for f in entry.figures if f.key == "overview.job_zone"] == [4, 5]


def test_entry_says_a_missing_job_zone_and_education_missing() -> None:
    bare = official("bare-role", entry="Master's degree")
    entry = lines(RN, bare)["entry"]
    assert entry.text == (
        "Registered nurses need a bachelor's degree; bare role a master's degree (BLS: "
        "typical entry education); job zone 4 for registered nurses (O*NET; none published "
        "for bare role)."
    )
    assert "not published" in lines(RN, NP, official("x"))["entry"].text


# -- 4. skill gap --------------------------------------------------------------------------


def test_the_skill_gap_line_says_its_size_and_top_skills() -> None:
    gap = Gap("RN", "NP", "29-1141.00", "29-1171.00",
              build=(SkillChange("Science", 4.0, 3.0, 4.5), SkillChange("Writing", 3.5, 3.0, 3.5)),
              carry=(SkillChange("Speaking", 4.0, 4.0, 4.0),))  # fmt: skip
    found = with_gap(compare((RN, NP)), gap)
    line = next(k for k in found.key_differences if k.topic == "skill_gap")
    assert line.text == (
        "From registered nurses to nurse practitioners: 2.00 level points to build (O*NET's "
        "0-7 scale) in 2 of the 3 skills important there (3+ of 5), most in Science (+1.50) "
        "and Writing (+0.50)."
    )
    assert line.figures[0].key == "skill_gap.gap" and line.figures[0].value == 2.0
    no_gap = with_gap(compare((RN, NP)), Gap("RN", "NP", None, None, reason="no ratings"))
    assert "skill_gap" not in {k.topic for k in no_gap.key_differences}


# -- 5. the share that differs most --------------------------------------------------------


def test_the_other_line_is_the_widest_share_spread() -> None:
    rn = replace(RN, education=Education(required_levels={"master": 1.43, "bachelor": 60.0}))
    np_ = replace(NP, education=Education(required_levels={"master": 65.22, "bachelor": 20.0}))
    other = lines(rn, np_)["other"]
    assert other.label == "Education required"
    assert other.text == (
        "Master's degree required: 65.22% of O*NET respondents for nurse practitioners say so, "
        "1.43% for registered nurses (63.79 percentage points apart)."
    )
    # Without the education shares, the share of women is the one left.
    women = lines(RN, NP)["other"]
    assert women.text == (
        "Women are 88.0% of nurse practitioners and 86.8% of registered nurses (1.2 "
        "percentage points apart)."
    )


def test_a_share_some_role_lacks_is_not_a_candidate() -> None:
    assert "other" not in lines(RN, replace(NP, demographics=Demographics()))


# -- which comparisons, which sections -----------------------------------------------------


def test_lines_follow_the_sections_compared() -> None:
    assert set(lines(RN, NP, sections=(Section.SALARY,))) == {"pay"}
    assert set(lines(RN, NP, sections=(Section.DUTIES,))) == set()


def test_a_hand_written_role_has_no_key_differences() -> None:
    own = Role(slug="own", title="Own", salary=Salary(percentiles=Percentiles(p50=Amount(1))))
    assert compare((RN, own)).key_differences == ()
    # A SOC code does not make a page's role official: its figures are its page's.
    assert compare((RN, replace(own, soc="29-1248"))).key_differences == ()


def test_never_advice() -> None:
    for line in compare((RN, NP, official("aides", median=Amount(35800)))).key_differences:
        for word in ("better", "worse", "should"):
            assert word not in line.text


# -- formats -------------------------------------------------------------------------------


def test_json_and_csv_carry_every_line(schema: dict[str, Any]) -> None:
    result = compare((RN, replace(NP, salary=Salary(percentiles=Percentiles(
        p50=Amount(239200, at_least=True))))))  # fmt: skip
    document = data(result)
    validate(json.loads(json.dumps(document)), schema)
    pay = document["key_differences"][0]
    assert pay["topic"] == "pay" and pay["figures"][1]["value"] == {"at_least": 239200}
    assert pay["difference"]["value"] == {"at_least": 141650}
    rows = list(csv.reader(io.StringIO(
        "\n".join(",".join(map(str, r)) for r in records(result).rows))))  # fmt: skip
    keyed = [r for r in records(result).rows if r[0] == "key_differences"]
    assert ("key_differences", "1.topic", "", "pay", "", "") in keyed
    assert ("key_differences", "1.salary.percentiles.p50", "nurse-practitioners", 239200,
            "USD/year", "at_least") in keyed  # fmt: skip
    assert rows


def test_cli_opens_with_key_differences() -> None:
    shown = run(["registered-nurses", "nurse-practitioners", "--section", "salary"],
                bundled=True, width=100)  # fmt: skip
    assert shown.exit_code == 0
    top = shown.stdout.splitlines()
    assert top[2].startswith("Key differences")
    # The concise page names the sources in its sections; --full and Markdown in the line.
    assert top[3].startswith("• Pay: Nurse practitioners earn $132,300 a")
    markdown = run(["registered-nurses", "nurse-practitioners", "-f", "markdown"], bundled=True)
    assert "\n## Key differences\n\n- Pay (BLS OEWS May 2025): " in markdown.stdout
    assert markdown.stdout.index("## Key differences") < markdown.stdout.index("## Overview")


def test_the_seed_comparison_has_none() -> None:
    shown = run(list(SEED))
    assert "Key differences" not in shown.stdout
    assert json.loads(run([*SEED, "--json"]).stdout)["key_differences"] == []
