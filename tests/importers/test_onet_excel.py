"""O*NET 30.1 Excel importer (skills, alternate titles) on fixtures in O*NET's layout."""

from __future__ import annotations

import math
import shutil
import sqlite3
import statistics
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import onet, onet_excel
from jobcompare.importers._onet_map import rollup
from jobcompare.importers.base import Spine
from jobcompare.sources.skill_profiles import decode, decode_missing
from tests.importers.store_helper import load, rows_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "onet-30.1"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "11-3013": "Facilities Managers",
        "11-9199": "Managers, All Other",
        "29-1141": "Registered Nurses",
        "29-2010": "Clinical Laboratory Technologists and Technicians",
        "31-1131": "Nursing Assistants",
        "43-3021": "Billing and Posting Clerks",
    }
)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([onet_excel], [FIXTURE], SPINE)


def test_skills_importance_and_level_as_published(db: sqlite3.Connection) -> None:
    rows = rows_of(
        db,
        "SELECT element_name, scale_id, value, n, standard_error, date FROM onet_skill "
        "WHERE soc = '29-1141' ORDER BY element_id, scale_id",
    )
    assert rows == [
        ("Reading Comprehension", "IM", 3.88, 8, 0.125, "08/2021"),
        ("Reading Comprehension", "LV", 4.25, 8, 0.1637, "08/2021"),
        ("Active Listening", "IM", 4.0, 8, 0.0, "08/2021"),
        ("Active Listening", "LV", 4.25, 8, 0.1637, "08/2021"),
    ]


def test_not_relevant_level_is_kept_as_published(db: sqlite3.Connection) -> None:
    # O*NET publishes a level it flags Not Relevant (here 0.12); docs/moves.md uses it as
    # published, so the store keeps it, with the flag and no "missing" reason.
    rows = rows_of(
        db,
        "SELECT scale_id, value, not_relevant, missing_reason FROM onet_skill "
        "WHERE onet_code = '43-3021.00' AND element_id = '2.A.1.f' ORDER BY scale_id",
    )
    assert ("LV", 0.12, "Y", None) in rows


def test_every_rated_occupation_is_stored_under_its_rollup(db: sqlite3.Connection) -> None:
    socs = rows_of(db, "SELECT DISTINCT soc, onet_code FROM onet_skill ORDER BY 1, 2")
    assert socs == [
        # 11-3013 is rated only as the more specific 11-3013.01 (Security Managers): kept
        # under 11-3013, never shown as 11-3013's own (readers take SOC.00 only).
        ("11-3013", "11-3013.01"),
        # 11-9199 is "all other": its rated .01 (Regulatory Affairs Managers) is its own
        # occupation's, for a move to it; never 11-9199's.
        ("11-9199", "11-9199.01"),
        ("29-1141", "29-1141.00"),
        ("29-2010", "29-2011.00"),  # aggregate: each part kept separately
        ("29-2010", "29-2012.00"),
        ("43-3021", "43-3021.00"),
    ]


def test_suppressed_skill_value_is_missing(db: sqlite3.Connection) -> None:
    rows = rows_of(
        db,
        "SELECT value, recommend_suppress, missing_reason FROM onet_skill "
        "WHERE onet_code = '11-3013.01'",
    )
    assert rows == [(None, "Y", onet.SUPPRESSED)]


def test_alternate_titles_with_short_titles_roll_up(db: sqlite3.Connection) -> None:
    titles = rows_of(
        db, "SELECT title, soc, onet_code, short_title FROM title WHERE kind = 'alternate'"
    )
    assert ("Registered Nurse (RN)", "29-1141", "29-1141.00", "RN") in titles
    assert ("Certified Nursing Assistant (CNA)", "31-1131", "31-1131.00", "CNA") in titles
    assert ("Medical Technologist (MT)", "29-2010", "29-2011.00", "MT") in titles
    # A title of a more specific O*NET occupation points at its SOC occupation.
    assert ("Staff Nurse", "29-1141", "29-1141.01", None) in titles
    # Military titles: OEWS has no such occupation; left out.
    assert all(t[2] != "55-1011.00" for t in titles)
    assert len(titles) == 6


def test_wrong_header_is_an_error(tmp_path: Path) -> None:
    import openpyxl

    root = tmp_path / "onet-30.1"
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / "Alternate Titles.xlsx")
    wb["Alternate Titles"]["C1"] = "Alt Title"
    wb.save(root / "Alternate Titles.xlsx")
    with pytest.raises(ImportSourceError, match=r"Alternate Titles\.xlsx:1: .*header"):
        list(onet_excel.rows(root, SPINE))


def test_incomplete_row_names_file_and_row(tmp_path: Path) -> None:
    import openpyxl

    root = tmp_path / "onet-30.1"
    shutil.copytree(FIXTURE, root)
    wb = openpyxl.load_workbook(root / "Skills.xlsx")
    wb["Skills"]["G4"] = "n/a"
    wb.save(root / "Skills.xlsx")
    with pytest.raises(ImportSourceError, match=r"Skills\.xlsx:4: .*Data Value"):
        list(onet_excel.rows(root, SPINE))


def test_both_onet_editions_fill_one_title_table(tmp_path: Path) -> None:
    assert onet.TITLE_TABLE in onet_excel.TABLES  # one definition, as the writer needs
    both = load([onet, onet_excel], [FIXTURE.parent / "onet-30.3", FIXTURE], SPINE)
    kinds = dict(rows_of(both, "SELECT kind, count(*) FROM title GROUP BY kind"))
    assert kinds["alternate"] == 6 and kinds["reported"] > 0
    sources = {r[0] for r in rows_of(both, "SELECT source FROM source_file")}
    assert sources == {"onet", "onet-excel"}


def test_skill_profiles_standardise_over_the_oews_occupations_own_codes(
    db: sqlite3.Connection,
) -> None:
    """Each rated occupation's profile (sources/skill_profiles.py), recomputed here from
    the published ratings with the standard library: each rating minus its mean over the
    OEWS occupations' own .00 codes, over its standard deviation there, the whole scaled to
    length 1; a suppressed rating left out (0, and named by position)."""
    ratings: dict[str, dict[tuple[str, str], float | None]] = {}
    for code, element, scale, value in rows_of(
        db, "SELECT onet_code, element_id, scale_id, value FROM onet_skill"
    ):
        ratings.setdefault(code, {})[(element, scale)] = value
    dimensions = sorted({d for rated in ratings.values() for d in rated})
    own = [c for c in ratings if c == c.split(".")[0] + ".00" and c.split(".")[0] in SPINE]
    assert "29-2011.00" in ratings and "29-2011.00" not in own  # a part ranks nowhere
    stored = {
        code: (soc, decode(blob), decode_missing(missing))
        for soc, code, blob, missing in rows_of(
            db, "SELECT soc, onet_code, vector, suppressed FROM onet_skill_profile"
        )
    }
    assert set(stored) == set(ratings)
    for code, (soc, vector, missing) in stored.items():
        assert soc == rollup(code, SPINE)
        assert len(vector) == len(dimensions)
        raw = []
        for position, dimension in enumerate(dimensions):
            value = ratings[code].get(dimension)
            published = [
                ratings[c][dimension] for c in own if ratings[c].get(dimension) is not None
            ]
            spread = statistics.pstdev(published) if published else 0.0
            if value is None:
                assert position in missing
                raw.append(0.0)
            else:
                assert position not in missing
                raw.append(0.0 if spread == 0 else (value - statistics.fmean(published)) / spread)
        length = math.sqrt(sum(v * v for v in raw))
        expected = [v / length for v in raw] if length else raw
        assert vector == pytest.approx(expected, abs=1e-12)
        if length:
            assert math.fsum(v * v for v in vector) == pytest.approx(1.0)
    # The fixture's one suppressed rating (11-3013.01's Operations Analysis level) is left
    # out by position, never read as a published 0.
    suppressed = rows_of(db, "SELECT onet_code FROM onet_skill WHERE value IS NULL")
    assert suppressed == [("11-3013.01",)] and stored["11-3013.01"][2]
