"""The streaming .xlsx reader: Excel row numbers, and clear errors without openpyxl."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import _xlsx

EP = Path(__file__).resolve().parent.parent / "fixtures" / "bls-ep-2024-34" / "occupation.xlsx"


def test_rows_are_numbered_as_in_excel() -> None:
    rows = dict(_xlsx.sheet_rows(EP, "Table 1.2"))
    assert rows[3][:2] == ("Total, all occupations", "00-0000")
    assert _xlsx.cell_text(rows[2][1]) == "2024 National Employment Matrix code"


def test_missing_openpyxl_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes "import openpyxl" fail
    with pytest.raises(ImportSourceError) as caught:
        list(_xlsx.sheet_rows(EP, "Table 1.2"))
    assert "pip install 'jobcompare[import]'" in str(caught.value)


def test_importer_modules_do_not_import_openpyxl_until_reading() -> None:
    code = (
        "import sys\n"
        "from jobcompare.importers import cps, ep, ep_education, onet, onet_excel\n"
        "from jobcompare.importers import ep_factors, ep_separations, oews_history\n"
        "print('openpyxl' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
