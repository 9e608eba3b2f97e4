"""BLS OEWS national files May 2021–2024 (importers/oews_history.py), on fixture workbooks
in BLS's layout (tests/fixtures/bls-oews-history/, rows copied from the real files)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import oews_history
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "bls-oews-history"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "25-1011": "Business Teachers, Postsecondary",  # annual only
        "27-2011": "Actors",  # hourly only
        "29-1211": "Anesthesiologists",  # top-coded
        "41-9012": "Models",  # every wage unavailable in 2021
        "43-3011": "Bill and Account Collectors",
        "51-9198": "Helpers--Production Workers",  # left out of the 2022 fixture
    }
)
#: The fixture sheet's rows of May 2021 (header = row 1), as make_xlsx_fixtures writes them.
ROW_2021 = {"00-0000": 2, "11-1031": 3, "43-3011": 11, "43-3021": 12}


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([oews_history], [FOLDER], SPINE)


def figures(db: sqlite3.Connection, soc: str, year: int, *columns: str) -> tuple[Any, ...]:
    return rows_of(
        db, f"SELECT {', '.join(columns)} FROM oews_history WHERE soc = ? AND year = ?", soc, year
    )[0]


def test_figures_exactly_as_published_in_the_stores_units(db: sqlite3.Connection) -> None:
    # Bill and Account Collectors, May 2021: 212,900 jobs (PRSE 1.5), $19.85 an hour,
    # $41,280 a year (PRSE 0.6), median $18.13 / $37,700: cents, dollars, tenths.
    found = figures(
        db, "43-3011", 2021, "title", "employment", "employment_rse", "hourly_mean",
        "annual_mean", "mean_rse", "hourly_p50", "annual_p50", "annual_p90", "at_least",
    )  # fmt: skip
    assert found == ("Bill and Account Collectors", 212900, 15, 1985, 41280, 6, 1813, 37700,
                     59360, 0)  # fmt: skip
    # All Occupations is BLS's "total" row; a PRSE of 0 is 0, not missing.
    assert figures(db, "00-0000", 2024, "employment", "employment_rse") == (154187380, 0)


def test_each_years_top_code_is_read_from_its_own_file(db: sqlite3.Connection) -> None:
    assert rows_of(db, "SELECT year, top_hourly, top_annual FROM oews_history_year") == [
        (2021, 10000, 208000),
        (2022, 11500, 239200),
        (2023, 11500, 239200),
        (2024, 11500, 239200),
    ]
    assert rows_of(db, "SELECT text FROM oews_history_mark WHERE year = 2021 AND mark = '#'") == [
        ("indicates a wage equal to or greater than $100.00 per hour or $208,000 per year",)
    ]


def test_a_top_coded_wage_is_the_years_top_code_with_its_bit(db: sqlite3.Connection) -> None:
    columns = [c for c, _, _, _ in oews_history.FIGURES]
    bit = {c: 1 << i for i, c in enumerate(columns)}
    # Anesthesiologists, 2021: hourly p25-p90 and annual p25-p90 are "#" ($100 / $208,000),
    # the means are published (BLS does not top-code a national mean in these files).
    found = figures(db, "29-1211", 2021, "hourly_p25", "annual_p90", "annual_mean", "at_least")
    assert found[:3] == (10000, 208000, 331190)
    top = ("hourly_p25", "hourly_p50", "hourly_p75", "hourly_p90", "annual_p25", "annual_p50",
           "annual_p75", "annual_p90")  # fmt: skip
    assert found[3] == sum(bit[c] for c in top)
    # 2022's "#" is $239,200: each year its own.
    assert figures(db, "29-1211", 2022, "annual_p50", "annual_p25") == (239200, 140980)


def test_hourly_and_annual_only_occupations_keep_blss_flags_and_marks(
    db: sqlite3.Connection,
) -> None:
    actors = figures(db, "27-2011", 2023, "hourly_mean", "annual_mean", "annual_only",
                     "hourly_only")  # fmt: skip
    assert actors == (4101, None, 0, 1)  # never hourly x 2,080
    teachers = figures(db, "25-1011", 2022, "hourly_mean", "annual_mean", "annual_only",
                       "hourly_only")  # fmt: skip
    assert teachers == (None, 108060, 1, 0)
    assert rows_of(
        db, "SELECT measure, mark FROM oews_history_note WHERE soc = '27-2011' AND year = 2023"
    ) == [(m, "*") for m in ("annual_mean", "annual_p10", "annual_p25", "annual_p50",
                             "annual_p75", "annual_p90")]  # fmt: skip


def test_a_wage_bls_did_not_estimate_is_null_with_its_mark(db: sqlite3.Connection) -> None:
    models = figures(db, "41-9012", 2021, "employment", "annual_mean", "hourly_p50", "mean_rse")
    assert models == (2000, None, None, None)
    marks = rows_of(db, "SELECT DISTINCT mark FROM oews_history_note WHERE soc = '41-9012'")
    assert marks == [("*",)]


def test_only_the_spines_detailed_occupations_are_kept(db: sqlite3.Connection) -> None:
    kept = rows_of(db, "SELECT DISTINCT soc FROM oews_history ORDER BY soc")
    # Not Legislators (11-1031: not a May 2025 occupation), the major group 27-0000, the
    # broad group 27-2010, nor 43-3021 (in the files, not in this spine).
    assert [s for (s,) in kept] == sorted(SPINE.occupations)
    # The fixture leaves Helpers out of May 2022, as BLS leaves out Prosthodontists.
    years = rows_of(db, "SELECT year FROM oews_history WHERE soc = '51-9198' ORDER BY year")
    assert years == [(2021,), (2023,), (2024,)]


def test_source_files_recorded(db: sqlite3.Connection) -> None:
    assert [p for (p,) in rows_of(db, "SELECT path FROM source_file ORDER BY path")] == [
        f"national_M{y}_dl.xlsx" for y in oews_history.YEARS
    ]


# -- bad input ------------------------------------------------------------------------------


def _edited(tmp_path: Path, change: Callable[[Any], None], year: int = 2021) -> Path:
    """A copy of the fixture folder whose ``year`` workbook ``change`` edited."""
    import openpyxl

    root = tmp_path / FOLDER.name
    shutil.copytree(FOLDER, root)
    path = root / oews_history.file_name(year)
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)
    return root


def _set(cell: str, value: object, sheet: str = "national_M2021_dl") -> Callable[[Any], None]:
    def change(workbook: Any) -> None:
        workbook[sheet][cell] = value

    return change


def _fails(root: Path, pattern: str) -> None:
    with pytest.raises(ImportSourceError, match=pattern):
        list(oews_history.rows(root, SPINE))


ROW = ROW_2021["43-3011"]


@pytest.mark.parametrize(
    ("cell", "value", "said"),
    [
        (f"S{ROW}", "n/a", r"column S \(A_MEAN\): 'n/a' is neither a number nor '\*' or '#'"),
        (f"S{ROW}", "**", r"column S \(A_MEAN\): '\*\*' is neither a number nor '\*' or '#'"),
        (f"L{ROW}", "#", r"column L \(TOT_EMP\): '#' is neither a number nor '\*\*'"),
        (f"S{ROW}", None, r"column S \(A_MEAN\): an empty cell is neither a number"),
        (f"L{ROW}", -5, r"column L \(TOT_EMP\): -5 is outside what the column can hold"),
        (f"S{ROW}", 1e12, r"column S \(A_MEAN\): 1000000000000 is outside what the column"),
        (f"R{ROW}", 19.855, r"column R \(H_MEAN\): 19.855 has more decimals than BLS prints"),
        (f"S{ROW}", 41280.5, r"column S \(A_MEAN\): 41280.5 has more decimals"),
        (f"M{ROW}", 1.55, r"column M \(EMP_PRSE\): 1.55 has more decimals"),
        (f"AE{ROW}", "yes", r"column AE \(ANNUAL\): 'yes' is neither 'TRUE' nor empty"),
        (f"I{ROW}", "433011", r"column I \(OCC_CODE\): '433011' is not an SOC code"),
        (f"K{ROW}", "detail", r"column K \(O_GROUP\): 'detail' is not one of total, major"),
        (f"A{ROW}", "06", r"column A \(AREA\): a row for area '06', industry '000000'"),
        (f"I{ROW_2021['43-3021']}", "43-3011",
         r"column I \(OCC_CODE\): 43-3011 is listed twice as a detailed occupation"),
    ],
)  # fmt: skip
def test_a_bad_cell_names_file_row_and_column(
    tmp_path: Path, cell: str, value: object, said: str
) -> None:
    root = _edited(tmp_path, _set(cell, value))
    row = int("".join(ch for ch in cell if ch.isdigit()))
    _fails(root, rf"national_M2021_dl\.xlsx:{row}: sheet 'national_M2021_dl', {said}")


def test_a_header_without_a_column_is_named(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("AB1", "A_MED"))
    _fails(root, r"national_M2021_dl\.xlsx:1: sheet 'national_M2021_dl': the header lacks A_MEDIAN")


def test_a_file_without_its_all_occupations_row_is_cut_short(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("K2", "major"))
    _fails(root, r"national_M2021_dl\.xlsx: sheet 'national_M2021_dl' has no All Occupations")


def test_a_file_of_another_year_is_refused(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("A1", "May 2020 OEWS Estimates", "Field Descriptions"))
    _fails(root, r"national_M2021_dl\.xlsx:1: sheet 'Field Descriptions', column A: the title "
                 r"'May 2020 OEWS Estimates' is not 'May 2021 OEWS Estimates'")  # fmt: skip


def test_the_top_code_is_never_assumed(tmp_path: Path) -> None:
    def drop_note(workbook: Any) -> None:
        sheet = workbook["Field Descriptions"]
        for row in sheet.iter_rows():
            if str(row[0].value or "").startswith("#"):
                row[0].value = None

    _fails(_edited(tmp_path, drop_note), r"has no note saying what '#' stand for")


def test_a_top_code_note_without_a_figure_is_named(tmp_path: Path) -> None:
    def vague(workbook: Any) -> None:
        sheet = workbook["Field Descriptions"]
        for row in sheet.iter_rows():
            if str(row[0].value or "").startswith("#"):
                row[0].value = "#  = indicates a wage at the top code"

    _fails(_edited(tmp_path, vague), r"xlsx:\d+: sheet 'Field Descriptions', column A: the note "
                                      r"on '#' names no top code")  # fmt: skip


def test_a_missing_or_unreadable_file_is_named(tmp_path: Path) -> None:
    root = tmp_path / FOLDER.name
    shutil.copytree(FOLDER, root)
    (root / oews_history.file_name(2023)).unlink()
    _fails(root, r"missing input file 'national_M2023_dl\.xlsx'")
    (root / oews_history.file_name(2023)).write_bytes(b"PK\x03\x04 cut short")
    _fails(root, r"national_M2023_dl\.xlsx: not a readable \.xlsx workbook")
