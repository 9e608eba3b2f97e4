"""EP 2024–34 tables 1.10 (separations) and 1.12 (BLS's reasons) importers, on the
fixture workbook in BLS's layout (rows copied from the real one)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import ep_factors, ep_separations
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

EP = Path(__file__).resolve().parent.parent / "fixtures" / "bls-ep-2024-34"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "11-1011": "Chief Executives",
        "27-2011": "Actors",
        "27-2031": "Dancers",
        "29-1141": "Registered Nurses",
        "43-3011": "Bill and Account Collectors",
        "49-3042": "Mobile Heavy Equipment Mechanics, Except Engines",
    }
)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([ep_separations, ep_factors], [EP, EP], SPINE)


def test_separations_as_published(db: sqlite3.Connection) -> None:
    nurses = rows_of(db, "SELECT * FROM ep_separations WHERE soc = '29-1141'")
    assert nurses == [
        ("29-1141", "Registered nurses", "Line item", 2.8, 2.1, 5, 97.9, 74.6, 172.4, None)
    ]
    # The total is kept: the all-occupations baseline of each rate.
    total = rows_of(db, "SELECT * FROM ep_separations WHERE soc = '00-0000'")
    assert total == [
        ("00-0000", "Total, all occupations", "Summary", 4.7, 5.9, 10.6, 8155, 10187.1,
         18342.1, None)
    ]  # fmt: skip


def test_separations_keep_only_spine_codes(db: sqlite3.Connection) -> None:
    # Summary rows (11-0000 ...) and lines OEWS does not publish (11-1031 Legislators) go;
    # spine codes the sheet lacks (49-3042, not in the fixture's table 1.10) have no row.
    socs = [r[0] for r in rows_of(db, "SELECT soc FROM ep_separations ORDER BY soc")]
    assert socs == ["00-0000", "11-1011", "27-2011", "27-2031", "29-1141", "43-3011"]


def test_sentences_exactly_as_bls_wrote_them_in_its_order(db: sqlite3.Connection) -> None:
    nurses = rows_of(
        db,
        "SELECT position, industry, industry_code, text FROM ep_factor "
        "WHERE soc = '29-1141' ORDER BY position",
    )
    assert [(p, code) for p, _, code, _ in nurses] == [(1, "524114"), (2, "561320"), (3, "623300")]
    # BLS's typo stays: the sentence is data, never edited.
    assert nurses[1][3].endswith(
        "to staff some of temporary their positions for registered nurses."
    )
    assert nurses[2][1] == (
        "Continuing care retirement communities and assisted living facilities for the elderly"
    )


def test_prefix_parsed_into_factors_and_direction(db: sqlite3.Connection) -> None:
    parsed = {
        soc: (factors, direction)
        for soc, factors, direction in rows_of(
            db, "SELECT soc, factors, direction FROM ep_factor WHERE position = 1"
        )
    }
    # "Demand change, capital/labor substitution -- share decreases" (BLS's "--").
    assert parsed["27-2011"] == ("Demand change; Capital/labor substitution", "decreases")
    # "Demand change- share increases" (no space before the hyphen).
    assert parsed["49-3042"] == ("Demand change", "increases")
    assert parsed["43-3011"] == ("Productivity change", "decreases")


def test_sentences_of_occupations_oews_does_not_publish_are_left_out(
    db: sqlite3.Connection,
) -> None:
    socs = {r[0] for r in rows_of(db, "SELECT DISTINCT soc FROM ep_factor")}
    assert socs == {"27-2011", "29-1141", "43-3011", "49-3042"}  # not 29-1211, 51-9198 ...
    assert rows_of(db, "SELECT count(*) FROM ep_factor WHERE soc = '43-3011'") == [(2,)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demand change - share increases as x.", (("Demand change",), "increases")),
        ("Demand change- share increases as x.", (("Demand change",), "increases")),
        (
            "Occupational substitution, capital/labor substitution -- share decreases as x.",
            (("Occupational substitution", "Capital/labor substitution"), "decreases"),
        ),
        (
            "Productivity change, demand change - share decreases as x.",
            (("Productivity change", "Demand change"), "decreases"),
        ),
        ("Sourcing change - share decreases as x.", (("Sourcing change",), "decreases")),
        # Not BLS's form: nothing is guessed.
        ("Weather change - share increases as x.", ((), None)),
        ("Demand change - employment increases as x.", ((), None)),
        ("Demand change, - share increases as x.", ((), None)),
        ("Share increases as demand grows.", ((), None)),
        ("", ((), None)),
    ],
)
def test_parse(text: str, expected: tuple[tuple[str, ...], str | None]) -> None:
    assert ep_factors.parse(text) == expected


def test_source_files_recorded(db: sqlite3.Connection) -> None:
    assert rows_of(db, "SELECT source, path FROM source_file ORDER BY source") == [
        ("ep-factors", "occupation.xlsx"),
        ("ep-separations", "occupation.xlsx"),
    ]


# -- bad input ------------------------------------------------------------------------------


def _edited(tmp_path: Path, change: Callable[[Any], None]) -> Path:
    """A copy of the fixture folder whose workbook ``change`` edited."""
    import openpyxl

    root = tmp_path / EP.name
    shutil.copytree(EP, root)
    workbook = openpyxl.load_workbook(root / "occupation.xlsx")
    change(workbook)
    workbook.save(root / "occupation.xlsx")
    return root


def _set(sheet: str, cell: str, value: object) -> Callable[[Any], None]:
    def change(workbook: Any) -> None:
        workbook[sheet][cell] = value

    return change


def test_a_sentence_not_in_bls_form_is_kept_whole_without_factors(tmp_path: Path) -> None:
    odd = "Mostly a matter of demand - share rises as more is bought."
    root = _edited(tmp_path, _set("Table 1.12", "E3", odd))
    db = load([ep_factors], [root], SPINE)
    assert rows_of(db, "SELECT text, factors, direction FROM ep_factor WHERE soc = '27-2011'") == [
        (odd, None, None)
    ]


def test_text_where_a_rate_belongs_names_file_row_and_column(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.10", "H12", "n/a"))  # registered nurses' exit rate
    with pytest.raises(
        ImportSourceError,
        match=r"occupation\.xlsx:12: sheet 'Table 1\.10', column H "
        r"\('Labor force exit rate, 2024–34 annual average'\) for 29-1141: 'n/a' is not a number",
    ):
        list(ep_separations.rows(root, SPINE))


@pytest.mark.parametrize(
    ("cell", "value"),
    [("H12", -1.7), ("H12", 250.0), ("K12", 1e308), ("M12", -3)],  # rates; thousands
)
def test_a_number_that_is_no_figure_names_file_row_and_column(
    tmp_path: Path, cell: str, value: object
) -> None:
    root = _edited(tmp_path, _set("Table 1.10", cell, value))
    with pytest.raises(
        ImportSourceError,
        match=rf"occupation\.xlsx:12: sheet 'Table 1\.10', column {cell[0]} .*for 29-1141: "
        r".* is outside what the column can hold",
    ):
        list(ep_separations.rows(root, SPINE))


def test_a_dash_is_missing_with_bls_reason(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.10", "L12", "—"))
    db = load([ep_separations], [root], SPINE)
    assert rows_of(
        db,
        "SELECT occupational_transfers, missing_reason FROM ep_separations WHERE soc = '29-1141'",
    ) == [(None, f"{ep_separations.UNAVAILABLE}: occupational_transfers")]


def test_a_header_without_a_column_is_an_error(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.10", "J2", "Separations"))
    with pytest.raises(ImportSourceError, match=r":2: sheet 'Table 1\.10': header lacks .*rate"):
        list(ep_separations.rows(root, SPINE))


@pytest.mark.parametrize("module", [ep_separations, ep_factors], ids=["1.10", "1.12"])
def test_a_sheet_cut_before_bls_source_line_is_truncated(tmp_path: Path, module: Any) -> None:
    def cut(workbook: Any) -> None:
        sheet = workbook[module.SHEET]
        sheet.delete_rows(sheet.max_row)

    with pytest.raises(ImportSourceError, match="ends before BLS's 'Source:' line: truncated"):
        list(module.rows(_edited(tmp_path, cut), SPINE))


def test_a_missing_total_row_is_an_error(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.10", "B3", "00-0001"))
    with pytest.raises(ImportSourceError, match=r"no 'Total, all occupations' row"):
        list(ep_separations.rows(root, SPINE))


def test_a_code_that_is_no_matrix_code_names_its_column(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.12", "B4", "29-114"))
    with pytest.raises(ImportSourceError, match=r":4: sheet 'Table 1\.12', column B .*'29-114'"):
        list(ep_factors.rows(root, SPINE))


def test_an_empty_sentence_is_an_error(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.12", "E5", None))
    with pytest.raises(
        ImportSourceError,
        match=r":5: sheet 'Table 1\.12', column E \('Factors affecting occupational "
        r"utilization'\) for 29-1141: empty",
    ):
        list(ep_factors.rows(root, SPINE))


def test_two_sentences_for_one_industry_are_an_error(tmp_path: Path) -> None:
    root = _edited(tmp_path, _set("Table 1.12", "D5", "524114"))
    with pytest.raises(
        ImportSourceError, match=r":5: .*29-1141 has a second sentence for .*524114"
    ):
        list(ep_factors.rows(root, SPINE))


def test_an_occupation_listed_apart_is_an_error(tmp_path: Path) -> None:
    # Row 8, after an anesthesiologists' sentence, said to be registered nurses' again.
    root = _edited(tmp_path, _set("Table 1.12", "B8", "29-1141"))
    with pytest.raises(ImportSourceError, match=r"not listed together"):
        list(ep_factors.rows(root, SPINE))


def test_missing_sheet_is_named(tmp_path: Path) -> None:
    def drop(workbook: Any) -> None:
        del workbook["Table 1.12"]

    with pytest.raises(ImportSourceError, match=r"no sheet 'Table 1\.12'"):
        list(ep_factors.rows(_edited(tmp_path, drop), SPINE))
