"""CPS 2024 tables 11, 11b and 39 importer, on a fixture in BLS's layout (merged headers)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import cps
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "bls-cps-2024"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "11-1011": "Chief Executives",
        "11-3111": "Compensation and Benefits Managers",
        "29-1141": "Registered Nurses",
        "31-1120": "Home Health and Personal Care Aides",
        "33-3051": "Police and Sheriff's Patrol Officers",
        "33-3052": "Transit and Railroad Police",
        "43-3021": "Billing and Posting Clerks",
    }
)
COLUMNS = (
    "cps_title, match, total_employed, percent_women, percent_white, percent_black, "
    "percent_asian, percent_hispanic, median_age, note, missing_reason"
)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([cps], [FIXTURE], SPINE)


def _row(db: sqlite3.Connection, soc: str) -> tuple[object, ...]:
    return rows_of(db, f"SELECT {COLUMNS} FROM cps_demographics WHERE soc = ?", soc)[0]


def test_exact_title_match_with_both_tables(db: sqlite3.Connection) -> None:
    assert _row(db, "29-1141") == (
        "Registered nurses", "title", 3571, 86.8, 72, 15.8, 9.8, 9.8, 42.3, None, None
    )  # fmt: skip
    # Normalised: "Billing and Posting Clerks" == "Billing and posting clerks".
    assert _row(db, "43-3021")[:2] == ("Billing and posting clerks", "title")


def test_total_row_is_the_all_occupations_baseline(db: sqlite3.Connection) -> None:
    assert _row(db, "00-0000") == (
        "Total, 16 years and over", "total", 161346, 47.1, 76.3, 12.8, 7, 19.4, 42.2, None,
        None,
    )  # fmt: skip


def test_row_covering_two_soc_codes_applies_to_each_with_a_note(
    db: sqlite3.Connection,
) -> None:
    police = _row(db, "33-3051")
    transit = _row(db, "33-3052")
    assert police[:9] == transit[:9]
    assert police[:3] == ("Police officers", "crosswalk", 678)
    assert police[8] == 40.6
    assert police[9] == (
        "The CPS row 'Police officers' covers 2 OEWS occupations (33-3051, 33-3052); "
        "its figures are for all of them together."
    )


def test_dash_is_missing_with_bls_reason(db: sqlite3.Connection) -> None:
    row = _row(db, "11-3111")
    assert row[:3] == ("Compensation and benefits managers", "title", 13)
    assert row[3:9] == (None,) * 6  # never zero
    assert row[10] == (
        f"{cps.DASH}: percent_women, percent_white, percent_black, percent_asian, "
        "percent_hispanic, median_age, weekly_earnings, weekly_earnings_men, "
        "weekly_earnings_women"
    )


WEEKLY = (
    "SELECT weekly_earnings, weekly_earnings_men, weekly_earnings_women, missing_reason "
    "FROM cps_demographics WHERE soc = ?"
)


def test_weekly_earnings_of_all_men_and_women_from_table_39(db: sqlite3.Connection) -> None:
    # Table 39: median weekly earnings of full-time wage and salary workers, whole dollars.
    assert rows_of(db, WEEKLY, "29-1141") == [(1507, 1761, 1476, None)]
    assert all(type(v) is int for v in rows_of(db, WEEKLY, "29-1141")[0][:3])
    # The all-occupations baseline is table 39's "Total, full-time wage and salary workers".
    assert rows_of(db, WEEKLY, "00-0000") == [(1159, 1261, 1043, None)]


def test_one_sex_published_the_other_missing_with_bls_reason(db: sqlite3.Connection) -> None:
    # Billing and posting clerks: 36,000 men, under BLS's 50,000 base: "–", never zero.
    assert rows_of(db, WEEKLY, "43-3021") == [(870, None, 873, f"{cps.DASH}: weekly_earnings_men")]


def test_weekly_earnings_of_a_broader_cps_row_carry_its_note(db: sqlite3.Connection) -> None:
    police = rows_of(db, WEEKLY, "33-3051")
    assert police == rows_of(db, WEEKLY, "33-3052") == [(1458, 1494, 1221, None)]
    assert "covers 2 OEWS occupations" in str(_row(db, "33-3052")[9])


def test_unmatched_occupation_is_missing_with_reason(db: sqlite3.Connection) -> None:
    # CPS has "Home health aides" and "Personal care aides" separately; OEWS publishes one
    # aggregate. Nothing is combined: no CPS row for this occupation.
    assert _row(db, "31-1120") == (None,) * 10 + (cps.NO_ROW,)


def test_every_spine_occupation_has_a_row(db: sqlite3.Connection) -> None:
    assert rows_of(db, "SELECT count(*) FROM cps_demographics") == [(len(SPINE.occupations),)]


def test_normalise_ignores_case_punctuation_and_ampersand() -> None:
    assert cps.normalise("Police & Sheriff's  Patrol Officers") == cps.normalise(
        "police and sheriff s patrol officers"
    )


def test_committed_crosswalk_names_its_source_and_only_valid_codes() -> None:
    text = cps.CROSSWALK.read_text(encoding="utf-8")
    assert text.startswith("# CPS 2024")
    assert "scripts/make_cps_crosswalk.py" in text
    mapping = cps.load_crosswalk()
    assert mapping[cps.normalise("Police officers")] == ["33-3051", "33-3052"]


def _edit(tmp_path: Path, sheet: str, cell: str, value: object) -> Path:
    import openpyxl

    root = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / cps.WORKBOOK)
    wb[sheet][cell] = value
    wb.save(root / cps.WORKBOOK)
    return root


def test_bad_value_names_file_and_row(tmp_path: Path) -> None:
    root = _edit(tmp_path, "cpsaat11", "C16", "n/a")
    with pytest.raises(ImportSourceError, match=r"cpsa2024\.xlsx:16: .*'Registered nurses'"):
        list(cps.rows(root, SPINE))


def test_weekly_earnings_in_cents_name_file_row_and_column(tmp_path: Path) -> None:
    # BLS prints whole dollars: 1761.5 would be a figure it never published.
    root = _edit(tmp_path, "cpsaat39", "E16", 1761.5)
    with pytest.raises(
        ImportSourceError, match=r"cpsa2024\.xlsx:16: .*'Registered nurses'.*whole dollars.*E"
    ):
        list(cps.rows(root, SPINE))


def test_text_in_a_weekly_cell_names_file_row_and_column(tmp_path: Path) -> None:
    root = _edit(tmp_path, "cpsaat39", "G16", "n/a")
    with pytest.raises(ImportSourceError, match=r"cpsa2024\.xlsx:16: .*'n/a'.*column G"):
        list(cps.rows(root, SPINE))


@pytest.mark.parametrize(
    ("cell", "value"),
    [("D5", "Male"), ("E6", "Mean weekly earnings"), ("F5", None)],
)
def test_table_39_header_is_checked(tmp_path: Path, cell: str, value: object) -> None:
    # Each median is found under its group ("Men") and label; a changed header stops the
    # import rather than reading another column.
    root = _edit(tmp_path, "cpsaat39", cell, value)
    with pytest.raises(ImportSourceError, match=r"cpsa2024\.xlsx:8: .*cpsaat39.*no column headed"):
        list(cps.rows(root, SPINE))


def test_a_title_table_39_lacks_stops_the_import(tmp_path: Path) -> None:
    root = _edit(tmp_path, "cpsaat39", "A16", "Registered nurses and midwives")
    with pytest.raises(
        ImportSourceError,
        match=r"cpsa2024\.xlsx:16: .*'Registered nurses and midwives' is "
        "not a row of 'cpsaat11'",
    ):
        list(cps.rows(root, SPINE))


def test_a_note_that_no_longer_defines_the_dash_is_refused(tmp_path: Path) -> None:
    import openpyxl

    root = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / cps.WORKBOOK)
    ws = wb["cpsaat39"]
    ws.cell(ws.max_row, 1).value = "NOTE: Updated population controls are introduced annually."
    wb.save(root / cps.WORKBOOK)
    with pytest.raises(ImportSourceError, match=r"cpsaat39.*NOTE no longer says"):
        list(cps.rows(root, SPINE))


def test_sheet_without_its_note_is_truncated(tmp_path: Path) -> None:
    import openpyxl

    root = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / cps.WORKBOOK)
    ws = wb["cpsaat11b"]
    ws.unmerge_cells(f"A{ws.max_row}:J{ws.max_row}")
    ws.delete_rows(ws.max_row)
    wb.save(root / cps.WORKBOOK)
    with pytest.raises(ImportSourceError, match=r"cpsaat11b.*truncated"):
        list(cps.rows(root, SPINE))


def test_missing_sheet_is_named(tmp_path: Path) -> None:
    import openpyxl

    root = tmp_path / FIXTURE.name
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / cps.WORKBOOK)
    del wb["cpsaat11b"]
    wb.save(root / cps.WORKBOOK)
    with pytest.raises(ImportSourceError, match="no sheet 'cpsaat11b'"):
        list(cps.rows(root, SPINE))


def test_another_year_is_refused(tmp_path: Path) -> None:
    root = _edit(tmp_path, "cpsaat11", "B4", "2023")
    with pytest.raises(ImportSourceError, match=r"cpsa2024\.xlsx:4: .*year 2024"):
        list(cps.rows(root, SPINE))


def _generator() -> Any:
    """scripts/make_cps_crosswalk.py, which writes the committed crosswalk."""
    import importlib.util

    path = Path(__file__).parents[2] / "scripts" / "make_cps_crosswalk.py"
    spec = importlib.util.spec_from_file_location("make_cps_crosswalk", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_broad_title_that_is_a_detailed_one_too_covers_the_rest_of_its_group(
    tmp_path: Path,
) -> None:
    """CPS "Cashiers" is OEWS's broad group 41-2010 and its detailed 41-2011: 41-2011 matches
    by title, and the broad title covers 41-2012, which has no CPS row of its own (the
    generator used to skip every CPS title equal to some detailed title)."""
    import openpyxl

    (tmp_path / "bls-oews-2025").mkdir()
    (tmp_path / "bls-oews-2025" / "oe.occupation").write_text(
        "occupation_code\toccupation_name\tdisplay_level\tselectable\tsort_sequence\n"
        "412010\tCashiers\t2\tT\t1\n"
        "412011\tCashiers\t3\tT\t2\n"
        "412012\tGambling Change Persons and Booth Cashiers\t3\tT\t3\n"
        "333050\tPolice Officers\t2\tT\t4\n"
        "333051\tPolice and Sheriff's Patrol Officers\t3\tT\t5\n"
        "333052\tTransit and Railroad Police\t3\tT\t6\n",
        encoding="utf-8",
    )
    (tmp_path / "bls-cps-2024").mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "cpsaat11"
    for _ in range(7):  # the table's title and header rows
        sheet.append(("",))
    for title in ("Cashiers", "Police officers"):
        sheet.append((title, 100))
    workbook.save(tmp_path / "bls-cps-2024" / "cpsa2024.xlsx")
    assert _generator().entries(tmp_path) == [
        ("Cashiers", "41-2012", "41-2010"),
        ("Police officers", "33-3051", "33-3050"),
        ("Police officers", "33-3052", "33-3050"),
    ]


def test_the_committed_crosswalk_gives_cashiers_to_gambling_cashiers() -> None:
    assert cps.load_crosswalk()[cps.normalise("Cashiers")] == ["41-2012"]


@pytest.mark.parametrize(
    ("sheet", "cell", "value"),
    [
        ("cpsaat39", "E16", 1e300),  # once an OverflowError traceback from SQLite
        ("cpsaat39", "C16", -5),
        ("cpsaat11", "C16", 250.0),  # a share of women over 100%
        ("cpsaat11", "D16", 101.5),
        ("cpsaat11b", "J16", 999),  # a median age
    ],
)
def test_a_number_that_is_no_figure_names_file_row_and_column(
    tmp_path: Path, sheet: str, cell: str, value: object
) -> None:
    root = _edit(tmp_path, sheet, cell, value)
    with pytest.raises(ImportSourceError, match=r"cpsa2024\.xlsx:16: .*outside what the column"):
        list(cps.rows(root, SPINE))
