"""An official role's sections beyond pay (store_profile.py), read from a store built
from the fixture files in the publishers' formats (tests/fixtures/), and, for the cases
the fixtures do not hold (a tie, a suppressed share, a CPS row shared by two
occupations), from a copy of that store with the rows changed as the importers would
have written them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from jobcompare.engine.compare import compare
from jobcompare.importers._write import ALL_IMPORTERS, build_store
from jobcompare.model import Degree
from jobcompare.output.views.sections import notes
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.drawn import comparison_document

ROOT = Path(__file__).parent.parent / "fixtures"
CLERKS = "billing-and-posting-clerks"  # 43-3021: in every fixture
ACTORS = "actors"  # 27-2011: in OEWS's fixture only
SUPPRESS = "O*NET recommends suppressing this value (Recommend Suppress = Y: low precision)"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("profile") / "jobcompare.sqlite"
    build_store(ROOT, out, ALL_IMPORTERS)
    return out


def changed(built: Path, tmp_path: Path, *statements: tuple[str, tuple[object, ...]]) -> Store:
    """A copy of the fixture store with ``statements`` run on it."""
    copy = tmp_path / "changed.sqlite"
    shutil.copyfile(built, copy)
    with sqlite3.connect(copy) as db:
        for sql, parameters in statements:
            db.execute(sql, parameters)
    return Store(copy)


def test_every_section_is_filled_from_the_fixture_files(built: Path) -> None:
    role = official_role(Store(built), CLERKS)
    overview = role.overview
    # BLS EP table 1.2 as printed (thousands, percents), and its all-occupations row.
    assert (overview.ep_employment, overview.projected_change) == (429.8, -0.4)
    assert (overview.projected_change_jobs, overview.annual_openings) == (-1.9, 42.2)
    assert overview.all_occupations_change == 3.1
    assert overview.entry_education == "High school diploma or equivalent"
    assert overview.job_zone == 3
    assert overview.job_zone_name == "Job Zone Three: Medium Preparation Needed"
    # O*NET RL: all twelve levels; a published 0.00 stays 0, never missing.
    levels = role.education.required_levels
    assert levels is not None and len(levels) == 12
    assert levels["some_college"] == 51.49 and levels["master"] == 0.0
    assert role.education.required == Degree("Some college courses", 51.49)
    assert role.education.attainment is not None
    assert role.education.attainment["high_school"] == 27.4
    people = role.demographics
    assert (people.median_age, people.women) == (43.7, 86.6)
    assert people.race_ethnicity == {
        "white": 77.1, "black_or_african_american": 15.5, "asian": 3.9,
        "hispanic_or_latino": 17.6,
    }  # fmt: skip
    # CPS table 39: whole dollars a week; BLS dashes the men's (36,000, under its 50,000).
    assert people.weekly_earnings == {"all": 870, "men": None, "women": 873}
    # O*NET's tasks in its order; skills by importance with their level.
    assert role.duties[0] == "Verify accuracy of billing data and revise any errors."
    assert len(role.duties) == 3
    assert role.skills and role.skills[0].importance == 3.62
    assert {c.label for c in role.citations.values()} >= {
        "BLS OEWS May 2025", "BLS Employment Projections 2024–34", "O*NET 30.3 (CC BY 4.0)",
        "CPS 2024",
    }  # fmt: skip
    # The fixture rates one top skill's importance but not its level: shown as — with why.
    # Its OEWS file has no hourly percentiles for the clerks: missing, with the store's
    # reason, as every missing OEWS figure is.
    assert role.unpublished == {
        "skills.level.Reading Comprehension": "O*NET 30.1 (CC BY 4.0): O*NET publishes no "
        "level for this skill",
        **{f"salary.hourly_percentiles.{k}": "Not published by BLS."
           for k in ("p10", "p25", "p50", "p75", "p90")},
        # So May 2025's hourly median is missing from the median by year too (2021-2024's
        # are in their national files).
        "salary.hourly_median_by_year.2025": "Not published by BLS.",
        # Nor has it any metro area's or industry's figures: no best-paid one, and why.
        "salary.best_metro": "BLS publishes no annual mean wage for this occupation in any "
        "metro area.",
        "salary.best_industry": "BLS publishes no annual mean wage for this occupation in any "
        "industry sector.",
        "demographics.weekly_earnings.men": "CPS 2024: Dash indicates no data or data that do "
        "not meet publication criteria (values not shown where base is less than 50,000) "
        "(BLS, CPS)",
    }  # fmt: skip


def test_a_role_a_source_does_not_cover_is_missing_with_the_reason(built: Path) -> None:
    store = Store(built)
    actors = official_role(store, ACTORS)
    assert actors.demographics.women is None and actors.demographics.median_age is None
    assert actors.unpublished["demographics.women"] == "CPS 2024: no CPS row for this occupation"
    assert actors.education.required is None
    assert actors.duties == ()
    # Said once for the role, naming every figure it leaves out, in the notes.
    result = compare([actors, official_role(store, CLERKS)])
    said = [i for b in notes(result.roles) for i in getattr(b, "items", ()) if "no CPS row" in i]
    assert len(said) == 1
    assert said[0].startswith(
        "Actors: Median age, share of women, race and ethnicity and median weekly earnings"
    )


def test_an_unlinked_occupation_gives_o_nets_reason(built: Path, tmp_path: Path) -> None:
    reason = "not rated by O*NET: a residual 'all other' occupation"
    store = changed(
        built, tmp_path, ("UPDATE onet_unlinked SET reason = ? WHERE soc = ?", (reason, "27-2011"))
    )
    assert official_role(Store(built), ACTORS).unpublished["duties"] == (
        "O*NET 30.3 (CC BY 4.0): no O*NET-SOC occupation for this SOC code"
    )
    actors = official_role(store, ACTORS)
    assert actors.unpublished["duties"] == f"O*NET 30.3 (CC BY 4.0): {reason}"
    assert actors.unpublished["education.required_levels.bachelor"].endswith(reason)


def test_a_tie_names_every_level_with_the_share(built: Path, tmp_path: Path) -> None:
    store = changed(
        built,
        tmp_path,
        ("UPDATE onet_education SET percent = 51.49 WHERE soc = ? AND category = 2", ("43-3021",)),
    )
    required = official_role(store, CLERKS).education.required
    assert required == Degree("High school or equivalent / Some college courses", 51.49)


def test_a_suppressed_share_is_missing_not_zero(built: Path, tmp_path: Path) -> None:
    store = changed(
        built,
        tmp_path,
        (
            "UPDATE onet_education SET percent = NULL, recommend_suppress = 'Y', "
            "missing_reason = ? WHERE soc = ? AND category = 4",
            (SUPPRESS, "43-3021"),
        ),
    )
    role = official_role(store, CLERKS)
    assert role.education.required_levels is not None
    assert role.education.required_levels["some_college"] is None
    assert role.unpublished["education.required_levels.some_college"].endswith(SUPPRESS)
    # 51.49% is suppressed: the largest published share (20.7%) may not be the largest.
    assert role.education.required is None
    assert "Some college courses" in role.unpublished["education.required"]


def test_a_small_suppressed_share_leaves_the_most_common_known(built: Path, tmp_path: Path) -> None:
    store = changed(
        built,
        tmp_path,
        (
            "UPDATE onet_education SET percent = NULL, recommend_suppress = 'Y', "
            "missing_reason = ? WHERE soc = ? AND category = 6",
            (SUPPRESS, "43-3021"),
        ),
    )
    # Only 1.96% is unknown: 51.49% is the largest whatever it is.
    assert official_role(store, CLERKS).education.required == Degree("Some college courses", 51.49)


def test_a_cps_row_shared_by_two_occupations_says_so(built: Path, tmp_path: Path) -> None:
    note = (
        "The CPS row 'Billing and posting clerks' covers 2 OEWS occupations (43-3021, "
        "43-3011); its figures are for all of them together."
    )
    store = changed(
        built, tmp_path, ("UPDATE cps_demographics SET note = ? WHERE soc = ?", (note, "43-3021"))
    )
    role = official_role(store, CLERKS)
    assert role.demographics.cps_note == note
    assert role.demographics.women == 86.6  # the shared row's figures, unchanged
    for full in (True, False):  # under its section, and among the concise page's notes
        shown = comparison_document(compare([role, official_role(store, ACTORS)]), full=full)
        texts = [
            t for b in shown.flat() for t in (getattr(b, "text", ""), *getattr(b, "items", ()))
        ]
        assert f"Billing and Posting Clerks: {note}" in texts


def test_coverage_counts_rows_with_figures_only(built: Path) -> None:
    store = Store(built)
    # The CPS importer writes a row for every OEWS occupation, NULLs with the reason where
    # no CPS row covers it: those are not coverage.
    rows = store.query("SELECT COUNT(*) FROM cps_demographics")[0][0]
    assert rows == 8
    coverage = {s.key: s.occupations for s in store.sources()}
    assert coverage["cps"] == 1  # the clerks
    assert coverage["oews"] == 7
