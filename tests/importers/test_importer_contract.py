"""Every source module keeps the importer contract (base.py) the store writer relies on."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from jobcompare.importers import (
    ai_applicability,
    ai_gpts,
    cps,
    ep,
    ep_education,
    ep_factors,
    ep_separations,
    onet,
    onet_excel,
)
from jobcompare.importers.base import SourceInfo, Spine, Table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MODULES = (
    onet,
    onet_excel,
    ep,
    ep_education,
    ep_separations,
    ep_factors,
    cps,
    ai_gpts,
    ai_applicability,
)
#: Sources read from other sheets of one workbook share its folder (BLS EP's
#: occupation.xlsx: tables 1.2, 1.10, 1.12), each with its own key and citation.
SAME_WORKBOOK = {ep_separations: ep, ep_factors: ep}
#: The AI exposure folder holds both papers' files (each importer reads only its own:
#: ai_gpts.FILE, ai_applicability.FILE).
SAME_FOLDER = {ai_applicability: ai_gpts}
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "29-1141": "Registered Nurses",
        "29-2010": "Clinical Laboratory Technologists and Technicians",
        "33-3051": "Police and Sheriff's Patrol Officers",
        "33-3052": "Transit and Railroad Police",
        "43-3021": "Billing and Posting Clerks",
    }
)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_module_keeps_the_contract(module: ModuleType) -> None:
    assert isinstance(module.SOURCE, SourceInfo)
    assert all(isinstance(t, Table) for t in module.TABLES)
    root = FIXTURES / module.SOURCE.folder
    first = list(module.rows(root, SPINE))
    # Same input, same rows in the same order: the store can be byte-identical.
    assert first == list(module.rows(root, SPINE))
    widths = {t.name: len(t.columns) for t in module.TABLES}
    for table, row in first:
        if table == "source_file":
            key, path, sha = row
            assert key == module.SOURCE.key and (root / str(path)).is_file()
            assert isinstance(sha, str) and len(sha) == 64
        else:
            assert len(row) == widths[table], (table, row)
    # Per-occupation rows are keyed by spine codes only.
    for table, row in first:
        if table in ("source_file", "onet_occupation") or "soc" not in dict(
            next(t for t in module.TABLES if t.name == table).columns
        ):
            continue
        names = [name for name, _ in next(t for t in module.TABLES if t.name == table).columns]
        assert row[names.index("soc")] in SPINE, (table, row)


def test_source_keys_and_folders_are_distinct() -> None:
    assert len({m.SOURCE.key for m in MODULES}) == len(MODULES)
    own = [m for m in MODULES if m not in SAME_WORKBOOK and m not in SAME_FOLDER]
    assert len({m.SOURCE.folder for m in own}) == len(own)
    for module, sharing in SAME_WORKBOOK.items():
        assert module.SOURCE.folder == sharing.SOURCE.folder
        assert module.WORKBOOK == sharing.WORKBOOK and module.SHEET != sharing.SHEET
    for module, sharing in SAME_FOLDER.items():
        assert module.SOURCE.folder == sharing.SOURCE.folder and module.FILE != sharing.FILE
    assert {onet.SOURCE.licence, onet_excel.SOURCE.licence} == {"CC BY 4.0"}
    assert "CC BY 4.0" in onet.SOURCE.attribution and "O*NET 30.3" in onet.SOURCE.attribution
