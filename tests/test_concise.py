"""The concise page (issue 19): a comparison of official occupations read in a minute, and
everything with --full; JSON, CSV and Markdown carry everything whatever the page."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED, flat, run

TWO = ["registered-nurses", "nurse-practitioners"]
FOUR = ["billing-and-posting-clerks", "registered-nurses", "physician-assistants",
        "software-developers"]  # fmt: skip


@pytest.mark.parametrize(("roles", "most"), [(TWO, 120), (FOUR, 180)])
def test_a_comparison_of_official_roles_fits_its_lines(roles: list[str], most: int) -> None:
    concise = run(roles, width=80, bundled=True).stdout.splitlines()
    full = run([*roles, "--full"], width=80, bundled=True).stdout.splitlines()
    assert len(concise) <= most, len(concise)
    assert len(full) > 2 * len(concise)  # the rest is there, with --full
    assert any(line.startswith("Key differences") for line in concise[:5])


def test_full_shows_every_row_the_page_leaves_out() -> None:
    concise = run([*TWO, "-s", "education"], width=120, bundled=True).stdout
    full = run([*TWO, "-s", "education", "--full"], width=120, bundled=True).stdout
    # The distributions collapse to their most common level, with its share ...
    assert "Most common education held   Bachelor's degree, 53.8%" in concise
    assert "Less than high school" not in concise
    # ... and --full shows every share, as the page did before.
    for label in ("Less than high school", "Certificate after bachelor's", "Master's degree"):
        assert label in full


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_data_formats_carry_everything_whatever_the_page(fmt: str) -> None:
    default = run([*TWO, "-f", fmt], bundled=True).stdout
    assert default == run([*TWO, "-f", fmt, "--full"], bundled=True).stdout
    if fmt == "json":
        role = json.loads(default)["roles"][0]
        assert role["education"]["attainment"]["bachelor"] == 53.8
    if fmt == "markdown":
        assert "Less than high school" in default and "## Skill gap" in default


def test_the_seed_comparison_is_the_seed_page_with_or_without_full() -> None:
    page = run(SEED, width=80).stdout
    assert "Key differences" not in page
    assert "Notes\n1." not in page  # its notes stay under their sections
    assert run([*SEED, "--full"], width=80).stdout.count("\n") >= page.count("\n")


def test_a_page_with_a_hand_written_role_stays_whole() -> None:
    # The concise rows would hide the page's own figures (its average salary, beside an
    # official occupation's median): a comparison with a hand-written role is drawn whole.
    page = run(["registered-nurses", "collections-coordinator", "-s", "salary"], width=100,
               bundled=True).stdout  # fmt: skip
    assert "Average salary" in page and "$37,938" in page
    assert "Key differences" not in page


def test_an_area_comparison_opens_with_its_median_pay_adjusted() -> None:
    page = flat(run(["registered-nurses", "nurse-practitioners", "--area", "ohio", "--adjust"],
                    width=100, bundled=True).stdout)  # fmt: skip
    assert (
        "Pay: Median pay a year in Ohio: nurse practitioners $124,870; registered nurses "
        "$82,510; adjusted for Ohio's prices (BEA RPP): nurse practitioners $134,596; "
        "registered nurses $88,937." in page
    )
    # Each median in its own unit, a top code said once, a missing one said missing.
    mixed = flat(run(["pediatric-surgeons", "actors", "--area", "dallas", "--adjust"],
                     width=100, bundled=True).stdout)  # fmt: skip
    assert "pediatric surgeons at least $239,200 a year; actors $25.28 an hour" in mixed
    assert "at least ≥" not in mixed
    areas = flat(run(["actors", "--area", "dallas", "--area", "CA"], width=100,
                     bundled=True).stdout)  # fmt: skip
    assert "Median pay an hour of actors, by area:" in areas and "California not published" in areas


def test_the_concise_pages_words_keep_their_caveats() -> None:
    page = flat(run(["actors", "pediatric-surgeons"], width=100, bundled=True).stdout)
    # O*NET names zone 2 "Job Zone 1-2"; the ACS shares of a broader group say so.
    assert "job zone 1-2 vs 5 (O*NET)" in page
    assert "for pediatric surgeons, BLS's shares are a broader ACS group's" in page
    # A row shown as "—" keeps its reason, though the overview's copy of it is hidden.
    assert "Pediatric Surgeons: Median age and share of women — CPS 2024: Dash" in page
    aggregate = flat(run(["clinical-laboratory-technologists-and-technicians",
                          "registered-nurses"], width=100, bundled=True).stdout)  # fmt: skip
    assert "O*NET rates only the 6 occupations within it, not it as a whole" in aggregate


def test_a_row_that_says_the_same_of_every_role_is_left_to_full() -> None:
    # Field.differs: both need no work experience and no on-the-job training, so the
    # concise page leaves those rows out; where the roles differ it shows them.
    same = run([*TWO, "-s", "overview"], width=120, bundled=True).stdout
    assert "Work experience" not in same and "On-the-job training" not in same
    assert "Work experience" in run([*TWO, "-s", "overview", "--full"], width=120,
                                    bundled=True).stdout  # fmt: skip
    apart = run(["registered-nurses", "construction-managers", "-s", "overview"], width=120,
                bundled=True).stdout  # fmt: skip
    assert "On-the-job training" in apart and "Moderate-term on-the-job" in apart
    assert "Work experience" not in apart  # still the same for both


def test_a_baseline_row_has_no_difference() -> None:
    # All occupations' projected change is the same for every role: no "same" beside it.
    page = run([*TWO, "--full", "-s", "overview"], width=120, bundled=True).stdout
    row = next(line for line in page.splitlines() if line.startswith("All occupations,"))
    assert row.split()[-1] == "3.1%" and "same" not in row  # "All occupations, / 2024-34"


def test_the_skill_gap_line_names_the_skills_it_cannot_count() -> None:
    page = flat(run(["registered-nurses", "software-developers"], width=200,
                    bundled=True).stdout)  # fmt: skip
    assert (
        "Not counted, as O*NET suppresses a rating of them: Operations Analysis and Programming."
    ) in page


def test_the_ai_line_comes_with_what_the_measures_are() -> None:
    page = flat(run(["software-developers", "registered-nurses"], width=200,
                    bundled=True).stdout)  # fmt: skip
    assert "AI exposure: Both published measures" in page
    assert "Neither is a forecast of jobs lost or gained." in page
    close = flat(run(TWO, width=200, bundled=True).stdout)
    assert "AI exposure" not in close  # no line: no note
