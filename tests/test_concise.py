"""The concise page (issue 19): a comparison of official occupations read in a minute, and
everything with --full; JSON, CSV and Markdown carry everything whatever the page."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEED, run

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
