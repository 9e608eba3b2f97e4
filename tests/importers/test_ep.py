"""EP 2024–34 table 1.2 and EP 2023–33 table 5.3 importers, on fixtures in BLS's layout."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import ep, ep_education
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EP = FIXTURES / "bls-ep-2024-34"
EDU = FIXTURES / "bls-ep-2023-33"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "11-1011": "Chief Executives",
        "11-3013": "Facilities Managers",
        "29-1141": "Registered Nurses",
        "29-2010": "Clinical Laboratory Technologists and Technicians",
        "43-3021": "Billing and Posting Clerks",
        "53-7199": "Material Moving Workers, All Other",
    }
)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([ep, ep_education], [EP, EDU], SPINE)


def test_projection_figures_as_published(db: sqlite3.Connection) -> None:
    row = rows_of(db, "SELECT * FROM ep_projection WHERE soc = '29-1141'")[0]
    assert row == (
        "29-1141",
        "Registered nurses",
        "Line item",
        3391.0,
        3557.1,
        166.1,
        4.9,
        0.5,
        189.1,
        "Bachelor's degree",
        "None",
        "None",
        None,
    )
    billing = rows_of(db, "SELECT change, percent_change FROM ep_projection WHERE soc = '43-3021'")
    assert billing == [(-1.9, -0.4)]


def test_total_row_is_kept_for_comparison(db: sqlite3.Connection) -> None:
    total = rows_of(
        db,
        "SELECT matrix_title, employment_2024, employment_2034, percent_change, "
        "annual_openings, entry_education, missing_reason FROM ep_projection "
        "WHERE soc = '00-0000'",
    )
    # A summary row has no education/experience/training ("—" by design): not "missing".
    assert total == [("Total, all occupations", 169956.1, 175167.9, 3.1, 18863.3, None, None)]


def test_dash_is_missing_with_bls_reason(db: sqlite3.Connection) -> None:
    (value, reason) = rows_of(
        db,
        "SELECT percent_self_employed, missing_reason FROM ep_projection WHERE soc='11-3013'",
    )[0]
    assert value is None
    assert reason == f"{ep.UNAVAILABLE}: percent_self_employed"


def test_only_spine_codes_are_kept(db: sqlite3.Connection) -> None:
    socs = [r[0] for r in rows_of(db, "SELECT soc FROM ep_projection ORDER BY soc")]
    # 11-0000/29-0000 (summaries) and 11-1031 (Legislators, not an OEWS occupation) go.
    assert socs == ["00-0000", "11-3013", "29-1141", "29-2010", "43-3021"]


def test_attainment_distribution_by_exact_code(db: sqlite3.Connection) -> None:
    rows = {r[0]: r[1:] for r in rows_of(db, "SELECT * FROM ep_attainment")}
    assert set(rows) == {"00-0000", "11-1011", "29-1141", "29-2010", "43-3021"}
    assert rows["29-1141"] == (
        "29-1141",
        "Registered nurses",
        0.5,
        1.1,
        4.1,
        26.4,
        53.8,
        11.5,
        2.5,
        1,
        None,
    )
    assert rows["00-0000"][2:9] == (7.4, 22.6, 18.9, 9.5, 25.1, 11.7, 4.8)


def test_attainment_keeps_bls_not_exact_match_footnote(db: sqlite3.Connection) -> None:
    title, exact, note = rows_of(
        db,
        "SELECT matrix_title, acs_exact_match, note FROM ep_attainment WHERE soc = '11-1011'",
    )[0]
    assert title == "Chief executives"  # the footnote mark is not part of the title
    assert exact == 0 and note == ep_education.NOT_EXACT


def test_source_files_recorded(db: sqlite3.Connection) -> None:
    assert rows_of(db, "SELECT source, path FROM source_file ORDER BY source") == [
        ("ep", "occupation.xlsx"),
        ("ep-education", "education.xlsx"),
    ]


def _edit(tmp_path: Path, source: Path, name: str, sheet: str, cell: str, value: object) -> Path:
    import openpyxl

    root = tmp_path / source.name
    shutil.copytree(source, root)
    wb = openpyxl.load_workbook(root / name)
    wb[sheet][cell] = value
    wb.save(root / name)
    return root


def test_text_where_a_number_belongs_names_file_and_row(tmp_path: Path) -> None:
    root = _edit(tmp_path, EP, "occupation.xlsx", "Table 1.2", "D8", "n/a")
    with pytest.raises(ImportSourceError, match=r"occupation\.xlsx:8: .*Employment, 2024"):
        list(ep.rows(root, SPINE))


def test_truncated_workbook_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / EP.name
    root.mkdir()
    data = (EP / "occupation.xlsx").read_bytes()
    (root / "occupation.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportSourceError, match=r"occupation\.xlsx: not a readable \.xlsx"):
        list(ep.rows(root, SPINE))


def test_missing_total_row_is_an_error(tmp_path: Path) -> None:
    root = _edit(tmp_path, EP, "occupation.xlsx", "Table 1.2", "B3", "00-0001")
    with pytest.raises(ImportSourceError, match="Total, all occupations"):
        list(ep.rows(root, SPINE))


def test_attainment_sheet_cut_before_its_footnotes_is_an_error(tmp_path: Path) -> None:
    root = _edit(tmp_path, EDU, "education.xlsx", "Table 5.3", "A9", "Something else")
    with pytest.raises(ImportSourceError, match="truncated"):
        list(ep_education.rows(root, SPINE))


def test_missing_workbook_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportSourceError, match=r"education\.xlsx"):
        list(ep_education.rows(tmp_path, SPINE))
