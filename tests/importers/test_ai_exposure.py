"""The AI exposure importers (GPTs are GPTs, Working with AI) on fixtures in the authors'
layout: scores exactly as published, ranks among every row of the file, the .00 rule,
parts named, and every malformed input an ImportSourceError naming file, line and
column."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import ai_applicability, ai_gpts
from jobcompare.importers._ai_exposure import lower_counts
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FOLDER = FIXTURES / "ai-exposure"
SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "15-1252": "Software Developers",
        "27-1023": "Floral Designers",
        "27-2011": "Actors",
        "29-1141": "Registered Nurses",
        "29-2010": "Clinical Laboratory Technologists and Technicians",
        "29-2092": "Hearing Aid Specialists",
        "43-3021": "Billing and Posting Clerks",
        "51-9199": "Production Workers, All Other",
    }
)
#: Rows of the fixture files: every one is rated, whether or not OEWS publishes it.
GPTS_ROWS, APPLICABILITY_ROWS = 14, 10


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([ai_gpts, ai_applicability], [FOLDER, FOLDER], SPINE)


def test_scores_are_as_published_with_their_ranks(db: sqlite3.Connection) -> None:
    clerks = rows_of(db, "SELECT * FROM ai_gpts WHERE soc = '43-3021'")
    # 12 of the 14 rows' GPT-4 beta are lower (only software developers' is higher); 11
    # of their human-rated beta (software developers' and bill collectors' are higher).
    assert clerks == [("43-3021", "43-3021.00", 0.7738095238095237, 12,
                       0.41666666666666663, 11, GPTS_ROWS, None)]  # fmt: skip
    applicability = rows_of(db, "SELECT * FROM ai_applicability WHERE soc = '43-3021'")
    # Legislators (11-1031, not an OEWS occupation) count among the rated: 6 of 10 lower.
    assert applicability == [("43-3021", 0.22938334807061106, 6, APPLICABILITY_ROWS, None)]
    developers = rows_of(db, "SELECT gpt4_beta_lower FROM ai_gpts WHERE soc = '15-1252'")
    assert developers == [(GPTS_ROWS - 1,)]  # the highest: every other row is lower


def test_scores_equal_but_for_floating_point_noise_tie() -> None:
    # 1/5 written two ways (Floral Designers and Hearing Aid Specialists in the file).
    assert lower_counts([0.2, 0.19999999999999998, 0.1, 0.2000001]) == [1, 1, 0, 3]


def test_tied_scores_rank_alike(db: sqlite3.Connection) -> None:
    found = rows_of(
        db, "SELECT soc, gpt4_beta, gpt4_beta_lower FROM ai_gpts WHERE soc IN (?, ?) ORDER BY soc",
        "27-1023", "29-2092",
    )  # fmt: skip
    # Below both: Dancers (0.02) and the stand-in (0.1).
    assert found == [("27-1023", 0.19999999999999998, 2), ("29-2092", 0.2, 2)]


def test_an_occupation_scores_its_own_dot_00_only(db: sqlite3.Connection) -> None:
    nurses = rows_of(db, "SELECT onet_code, gpt4_beta FROM ai_gpts WHERE soc = '29-1141'")
    # 29-1141.01 Acute Care Nurses (0.306) is in the file too: its score is its own.
    assert nurses == [("29-1141.00", 0.3333333333333333)]


def test_parts_are_withheld_and_named(db: sqlite3.Connection) -> None:
    aggregate = rows_of(db, "SELECT gpt4_beta, rated, missing_reason FROM ai_gpts "
                            "WHERE soc = '29-2010'")  # fmt: skip
    assert aggregate == [(None, None,
        "the paper rates only occupations within this one (29-2011.00 Medical and Clinical "
        "Laboratory Technologists and 29-2012.00 Medical and Clinical Laboratory "
        "Technicians), not this occupation as a whole")]  # fmt: skip
    specific = rows_of(db, "SELECT human_beta, missing_reason FROM ai_gpts WHERE soc = '51-9199'")
    assert specific[0][0] is None
    assert "(51-9199.01 Production Helpers in One Specialty (fixture stand-in))" in specific[0][1]
    # Working with AI rates the aggregate's own code: exactly that, nothing blended.
    assert rows_of(db, "SELECT score FROM ai_applicability WHERE soc = '29-2010'") == [
        (0.11845740487203779,)
    ]


def test_an_occupation_a_paper_does_not_rate_is_missing_with_the_reason(
    db: sqlite3.Connection,
) -> None:
    actors = rows_of(db, "SELECT gpt4_beta, missing_reason FROM ai_gpts WHERE soc = '27-2011'")
    assert actors == [(None, "not rated by the paper (none of its 14 O*NET-SOC occupations "
                             "is this one or within it)")]  # fmt: skip
    assert rows_of(db, "SELECT score, missing_reason FROM ai_applicability WHERE soc = ?",
                   "27-2011") == [(None, "not rated by the paper (its 10 SOC occupations do "
                                         "not include it)")]  # fmt: skip
    total = rows_of(db, "SELECT gpt4_beta, missing_reason FROM ai_gpts WHERE soc = '00-0000'")
    assert total == [(None, "the paper rates occupations one by one, not all together")]


def test_every_oews_occupation_has_a_row(db: sqlite3.Connection) -> None:
    for table in ("ai_gpts", "ai_applicability"):
        socs = {r[0] for r in rows_of(db, f"SELECT soc FROM {table}")}
        assert socs == set(SPINE.occupations), table


def test_the_mit_notice_is_the_licence_files_text(db: sqlite3.Connection) -> None:
    ((source, notice),) = rows_of(db, "SELECT source, notice FROM licence_notice")
    assert source == "gpts-are-gpts"
    assert notice == (FOLDER / "gpts-are-gpts-LICENSE").read_text(encoding="utf-8").strip()
    assert notice.startswith("MIT License\n\nCopyright (c) 2024 OpenAI\n\nPermission is hereby")
    assert "copies or substantial portions of the Software." in notice


def test_two_sources_each_with_its_licence_and_attribution() -> None:
    assert ai_gpts.SOURCE.folder == ai_applicability.SOURCE.folder == "ai-exposure"
    assert "MIT" in ai_gpts.SOURCE.licence and "OpenAI" in ai_gpts.SOURCE.attribution
    assert ai_applicability.SOURCE.licence == "CC BY 4.0"
    # Cited as the authors' README asks: the paper.
    assert ai_applicability.SOURCE.attribution.startswith(
        "Kiran Tomlinson, Sonia Jaffe, Will Wang, Scott Counts, and Siddharth Suri. Working "
        "with AI: Measuring the Applicability of Generative AI to Occupations. arXiv, 2025."
    )


# -- bad input ------------------------------------------------------------------------------

GPTS_FILE = ai_gpts.FILE
HEADER = (FOLDER / GPTS_FILE).read_text(encoding="utf-8").splitlines()[0]
GOOD = "15-1252.00,Software Developers,0.78,0.86,0.94,0.05,0.44,0.84"


def _folder(tmp_path: Path, body: str, name: str = GPTS_FILE) -> Path:
    folder = tmp_path / "ai-exposure"
    shutil.copytree(FOLDER, folder)
    (folder / name).write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("body", "line", "said"),
    [
        (HEADER.replace("dv_rating_beta", "dv_beta") + "\n" + GOOD + "\n", 1,
         "header lacks column(s) 'dv_rating_beta'"),
        (f"{HEADER}\n{GOOD.replace('0.86', '1.2')}\n", 2,
         "column 'dv_rating_beta': '1.2' for 15-1252.00 is outside the published scale 0-1"),
        (f"{HEADER}\n{GOOD.replace('0.44', '-0.1')}\n", 2, "column 'human_rating_beta'"),
        (f"{HEADER}\n{GOOD.replace('0.86', 'nan')}\n", 2,
         "column 'dv_rating_beta': 'nan' is not a number"),
        (f"{HEADER}\n{GOOD.replace('0.86', 'inf')}\n", 2, "'inf' is not a number"),
        (f"{HEADER}\n{GOOD.replace('0.86', '')}\n", 2, "column 'dv_rating_beta' is empty"),
        (f"{HEADER}\n{GOOD.replace('0.86', 'n/a')}\n", 2, "'n/a' is not a number"),
        (f"{HEADER}\n{GOOD}\n{GOOD}\n", 3,
         "column 'O*NET-SOC Code': 15-1252.00 is listed twice (first on line 2)"),
        (f"{HEADER}\n{GOOD.replace('15-1252.00', '15-1252')}\n", 2,
         "column 'O*NET-SOC Code': '15-1252' is not an O*NET-SOC code"),
        (f"{HEADER}\n{GOOD.replace('Software Developers', ' ')}\n", 2,
         "column 'Title' is empty for 15-1252.00"),
        (f"{HEADER}\n{GOOD}", 2, "truncated"),
        (f"{HEADER}\n", 1, "no rows of scores"),
    ],
    ids=["header", "above-1", "below-0", "nan", "inf", "blank", "text", "duplicate", "code",
         "title", "truncated", "no-rows"],
)  # fmt: skip
def test_a_malformed_gpts_file_names_file_line_and_column(
    tmp_path: Path, body: str, line: int, said: str
) -> None:
    folder = _folder(tmp_path, body)
    with pytest.raises(ImportSourceError) as caught:
        list(ai_gpts.rows(folder, SPINE))
    assert caught.value.path == folder / GPTS_FILE
    assert caught.value.line == line
    assert said in str(caught.value)
    assert str(caught.value).startswith(f"{folder / GPTS_FILE}:{line}: ")


def test_a_malformed_applicability_file_names_file_line_and_column(tmp_path: Path) -> None:
    name = ai_applicability.FILE
    body = "SOC Code,title,ai_applicability_score\n15-1252,Software Developers,0.28\n" \
           "29-1141,Registered Nurses,1.5\n"  # fmt: skip
    folder = _folder(tmp_path, body, name)
    with pytest.raises(ImportSourceError, match=r":3: column 'ai_applicability_score': '1.5'"):
        list(ai_applicability.rows(folder, SPINE))
    (folder / name).write_text(body.replace("29-1141,", "29-1141.00,"), encoding="utf-8")
    with pytest.raises(ImportSourceError, match=r":3: column 'SOC Code': '29-1141.00' is not"):
        list(ai_applicability.rows(folder, SPINE))


@pytest.mark.parametrize("module", [ai_gpts, ai_applicability], ids=["gpts", "applicability"])
def test_the_licence_must_be_there_and_the_declared_one(tmp_path: Path, module: object) -> None:
    folder = tmp_path / "ai-exposure"
    shutil.copytree(FOLDER, folder)
    licence = folder / module.LICENCE_FILE  # type: ignore[attr-defined]
    licence.write_text("All rights reserved.\n", encoding="utf-8")
    with pytest.raises(ImportSourceError, match="licence file does not say"):
        list(module.rows(folder, SPINE))  # type: ignore[attr-defined]
    licence.unlink()
    with pytest.raises(ImportSourceError, match="missing input file"):
        list(module.rows(folder, SPINE))  # type: ignore[attr-defined]
