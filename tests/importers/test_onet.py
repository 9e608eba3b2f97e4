"""O*NET 30.3 CSV importer, on a subset of O*NET's own rows (tests/fixtures/onet-30.3).

The fixture keeps O*NET's files byte for byte as published (CRLF, quoting, header) for a
handful of occupations chosen to exercise every mapping rule. One case is made by omission:
11-1011.00 (Chief Executives) is left out, so that 11-1011 is rated only through the more
specific 11-1011.03 (Chief Sustainability Officers): the 'specific' rule.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError
from jobcompare.importers import onet
from jobcompare.importers._onet_map import AGGREGATES, rollup
from jobcompare.importers._source import file_sha256
from jobcompare.importers.base import Spine
from tests.importers.store_helper import load, rows_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "onet-30.3"

SPINE = Spine(
    {
        "00-0000": "All Occupations",
        "11-1011": "Chief Executives",
        "11-1021": "General and Operations Managers",
        "11-2033": "Fundraising Managers",
        "11-9199": "Managers, All Other",
        "29-1141": "Registered Nurses",
        "29-2010": "Clinical Laboratory Technologists and Technicians",
        "43-3021": "Billing and Posting Clerks",
        "45-2099": "Agricultural Workers, All Other",
        "47-4090": "Miscellaneous Construction and Related Workers",
    }
)


@pytest.fixture(scope="module")
def db() -> sqlite3.Connection:
    return load([onet], [FIXTURE], SPINE)


def test_links_follow_each_documented_rule(db: sqlite3.Connection) -> None:
    links = rows_of(db, "SELECT soc, onet_code, rule FROM onet_link ORDER BY soc, onet_code")
    assert links == [
        ("11-1011", "11-1011.03", "specific"),  # only a more specific O*NET code is rated
        ("11-2033", "11-2033.00", "same"),
        ("29-1141", "29-1141.00", "same"),  # never the .01 (Acute Care Nurses) as well
        ("29-2010", "29-2011.00", "aggregate"),  # OEWS aggregate O*NET splits
        ("29-2010", "29-2012.00", "aggregate"),
        ("43-3021", "43-3021.00", "same"),
        ("47-4090", "47-4091.00", "aggregate"),  # 47-4099.00 is in O*NET but not rated
    ]


def test_unlinked_occupations_say_why(db: sqlite3.Connection) -> None:
    reasons = dict(rows_of(db, "SELECT soc, reason FROM onet_unlinked"))
    assert set(reasons) == {"11-1021", "11-9199", "45-2099"}
    assert reasons["11-1021"] == "no O*NET-SOC occupation for this SOC code"
    # An "all other" aggregate gets no figures, even where O*NET rates a specific part.
    assert reasons["11-9199"].startswith("not rated by O*NET: a residual 'all other'")
    assert "11-9199.01" in reasons["11-9199"]
    assert reasons["45-2099"] == "not rated by O*NET: a residual 'all other' occupation"
    assert "00-0000" not in reasons


def test_every_onet_code_is_kept_with_the_oews_code_it_rolls_up_to(db: sqlite3.Connection) -> None:
    socs = dict(rows_of(db, "SELECT onet_code, soc FROM onet_occupation"))
    assert len(socs) == 13
    assert socs["29-1141.01"] == "29-1141"
    assert socs["29-2012.00"] == "29-2010"
    assert socs["11-9199.00"] == "11-9199"  # its description is still there
    assert socs["55-1011.00"] is None  # military: OEWS has no such occupation
    (description,) = rows_of(
        db, "SELECT description FROM onet_occupation WHERE onet_code = '43-3021.00'"
    )[0]
    assert description.startswith("Compile, compute, and record billing")


def test_tasks_keep_onet_order_and_type(db: sqlite3.Connection) -> None:
    tasks = rows_of(
        db,
        "SELECT position, task_id, task_type, incumbents_responding FROM onet_task "
        "WHERE onet_code = '11-1011.03' ORDER BY position",
    )
    assert [t[1] for t in tasks] == [15382, 15384, 15379]  # file order, not ID order
    assert tasks[0] == (1, 15382, "Core", 27)
    # Only linked O*NET occupations' tasks are stored; every stored row carries its soc.
    codes = {r[0] for r in rows_of(db, "SELECT DISTINCT onet_code FROM onet_task")}
    assert "29-1141.01" not in codes and "11-9199.01" not in codes
    assert rows_of(db, "SELECT DISTINCT soc FROM onet_task WHERE onet_code='29-2012.00'") == [
        ("29-2010",)
    ]


def test_education_distribution_with_suppressed_values_missing(db: sqlite3.Connection) -> None:
    rows = rows_of(
        db,
        "SELECT category, category_name, percent, n, recommend_suppress, missing_reason "
        "FROM onet_education WHERE onet_code = '11-2033.00' ORDER BY category",
    )
    assert [r[0] for r in rows] == list(range(1, 13))
    assert rows[5][1] == "Bachelor's Degree"
    # "Recommend Suppress = Y" (65.49 in the file) is missing with the reason, never a value.
    assert rows[5][2] is None and rows[5][4] == "Y" and rows[5][5] == onet.SUPPRESSED
    assert rows[3][2] is None
    assert rows[0][2] == 0.0 and rows[0][5] is None  # a published zero stays a zero
    billing = dict(
        rows_of(db, "SELECT category, percent FROM onet_education WHERE soc = '43-3021'")
    )
    assert billing[2] == 20.70 and billing[3] == 16.61
    # Only element 2.D.1, scale RL (the file also holds 2.D.4.a IM rows).
    assert rows_of(db, "SELECT count(*) FROM onet_education WHERE soc = '29-1141'") == [(12,)]


def test_job_zone_and_its_name(db: sqlite3.Connection) -> None:
    zone = rows_of(
        db,
        "SELECT z.job_zone, r.name FROM onet_job_zone z "
        "JOIN onet_job_zone_reference r USING (job_zone) WHERE z.soc = '29-1141' "
        "AND z.onet_code = '29-1141.00'",
    )
    assert zone == [(4, "Job Zone Four: Considerable Preparation Needed")]


def test_every_rated_occupation_has_its_job_zone(db: sqlite3.Connection) -> None:
    # Not only the linked ones: a move to a more specific occupation (29-1141.01, linked
    # to nothing, rolling up to 29-1141) shows its own zone.
    zones = rows_of(db, "SELECT soc, onet_code FROM onet_job_zone ORDER BY onet_code")
    assert ("29-1141", "29-1141.01") in zones
    assert all(soc is not None for soc, _ in zones)


def test_related_occupations_with_tier_index_and_oews_code(db: sqlite3.Connection) -> None:
    related = rows_of(
        db,
        "SELECT soc, related_onet_code, related_soc, tier, position FROM onet_related "
        "ORDER BY soc, onet_code",
    )
    assert related == [
        ("29-1141", "29-1141.01", "29-1141", "Primary-Short", 1),
        ("29-2010", "29-2012.00", "29-2010", "Primary-Short", 1),
        ("29-2010", "29-2011.00", "29-2010", "Primary-Short", 1),
    ]


def test_reported_titles_roll_up_and_skip_codes_outside_oews(db: sqlite3.Connection) -> None:
    titles = rows_of(db, "SELECT title, soc, onet_code FROM title WHERE kind = 'reported'")
    assert ("Charge Nurse", "29-1141", "29-1141.00") in titles
    assert {t[1] for t in titles if t[2] == "29-2011.00"} == {"29-2010"}
    assert all(t[2] != "55-1011.00" for t in titles)


def test_basic_skills_keep_flags(db: sqlite3.Connection) -> None:
    rows = rows_of(
        db,
        "SELECT scale_id, value, not_relevant, missing_reason FROM onet_basic_skill "
        "WHERE onet_code = '43-3021.00' AND element_id = '2.A.1.f'",
    )
    # Not Relevant = Y: O*NET publishes the level (0.12) and flags it; kept as published.
    assert ("LV", 0.12, "Y", None) in rows
    first = rows_of(
        db,
        "SELECT element_name, scale_id, value, n, standard_error FROM onet_basic_skill "
        "WHERE onet_code = '43-3021.00' ORDER BY element_id, scale_id LIMIT 1",
    )
    assert first[0][0] == "Reading Comprehension" and first[0][1] == "IM"


def test_technology_skills_with_hot_and_in_demand_flags(db: sqlite3.Connection) -> None:
    rows = dict(
        (r[0], r[1:])
        for r in rows_of(
            db,
            "SELECT example, hot_technology, in_demand, element_name FROM onet_technology "
            "WHERE soc = '29-1141'",
        )
    )
    assert rows["Apache Spark"] == (1, 0, "Business intelligence and data analysis software")
    assert rows["Allscripts Sunrise"] == (0, 0, "Medical software")


def test_source_files_are_recorded_with_their_hashes(db: sqlite3.Connection) -> None:
    files = dict(rows_of(db, "SELECT path, sha256 FROM source_file WHERE source = 'onet'"))
    assert len(files) == 12
    assert "Read Me.txt" in files
    assert files["career_interest_types.csv"] == file_sha256(FIXTURE / "career_interest_types.csv")
    assert files["education.csv"] == file_sha256(FIXTURE / "education.csv")


def test_interests_one_row_per_occupation_as_published(db: sqlite3.Connection) -> None:
    # The fixture's rows, read with csv here: each code's nine rows become one row.
    with (FIXTURE / "career_interest_types.csv").open(encoding="utf-8", newline="") as handle:
        published: dict[str, dict[str, str]] = {}
        for rec in csv.DictReader(handle):
            published.setdefault(rec["O*NET-SOC Code"], {})[rec["Element Name"]] = rec["Data Value"]
    stored = {
        row[1]: row
        for row in rows_of(
            db,
            "SELECT soc, onet_code, realistic, investigative, artistic, social, enterprising, "
            "conventional, high_point_1, high_point_2, high_point_3, domain_source "
            "FROM onet_interest",
        )
    }
    assert set(stored) == set(published)  # every code rolls up to an OEWS code here
    names = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional")
    for code, values in published.items():
        row = stored[code]
        assert row[0] == rollup(code, SPINE)
        assert row[2:8] == tuple(float(values[name]) for name in names)
        points = ("First", "Second", "Third")
        assert row[8:11] == tuple(int(float(values[f"{p} Interest High-Point"])) for p in points)
    # Registered Nurses: Social, Conventional, Investigative (4, 6, 2), as O*NET writes.
    assert stored["29-1141.00"][8:11] == (4, 6, 2)
    assert stored["29-1141.00"][5] == 5.57
    # A part's rows stay under the aggregate, with their own code (readers never use them
    # as the whole's).
    assert stored["29-2011.00"][0] == "29-2010"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            (3, b",4.71,", b",7.71,"),
            r"career_interest_types\.csv:3: column 'Data Value': '7\.71' "
            r"is outside O\*NET's interest scale \(1-7\)",
        ),
        (
            (9, b",6.00,", b",7.00,"),
            r"career_interest_types\.csv:9: column 'Data Value': '7\.00' "
            r"is not a high point",
        ),
        ((9, b",6.00,", b",2.50,"), r"career_interest_types\.csv:9: .*not a high point"),
        (
            (3, b",4.71,", b",high,"),
            r"career_interest_types\.csv:3: column 'Data Value': 'high' "
            r"is not a number",
        ),
        (
            (4, b"1.B.1.c", b"1.B.1.z"),
            r"career_interest_types\.csv:4: column 'Element ID': "
            r"'1\.B\.1\.z' is not one of O\*NET's interests",
        ),
        (
            (4, b"1.B.1.c,Artistic", b"1.B.1.c,Artsy"),
            r"career_interest_types\.csv:4: column "
            r"'Element Name': 1\.B\.1\.c is 'Artistic', not 'Artsy'",
        ),
        ((2, b",OI,", b",IH,"), r"career_interest_types\.csv:2: column 'Scale ID'"),
        (
            (3, b"1.B.1.b,Investigative", b"1.B.1.a,Realistic"),
            r"career_interest_types\.csv:3: 29-1141\.00 has Realistic \(1\.B\.1\.a\) twice",
        ),
    ],
)
def test_bad_interest_rows_name_file_line_and_column(
    tmp_path: Path, change: tuple[int, bytes, bytes], message: str
) -> None:
    root = _copy(tmp_path)
    path = root / "career_interest_types.csv"
    lines = path.read_bytes().split(b"\n")
    nurses = [i for i, line in enumerate(lines) if line.startswith(b"29-1141.00,")]
    # The line numbers in ``message`` count from the nurses' first row, as line 2.
    path.write_bytes(b"\n".join([lines[0], *(lines[i] for i in nurses), b""]))
    lines = path.read_bytes().split(b"\n")
    line, old, new = change
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(ImportSourceError, match=message):
        list(onet.rows(root, SPINE))


def test_an_occupation_without_all_nine_interest_rows_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "career_interest_types.csv"
    lines = path.read_bytes().split(b"\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(b"29-1141.00,"))
    del lines[first + 5]  # Conventional
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(ImportSourceError) as caught:
        list(onet.rows(root, SPINE))
    assert caught.value.path == path and caught.value.line == first + 1
    assert "29-1141.00 lacks Conventional (1.B.1.f)" in str(caught.value)


def test_aggregate_table_rolls_every_part_up() -> None:
    spine = Spine({"29-2010": "x", "53-1047": "y"})
    assert rollup("29-2011.01", spine) == "29-2010"
    assert rollup("53-1049.00", spine) == "53-1047"
    assert rollup("21-1014.00", spine) is None  # 21-1018 not in this spine
    assert all(len(parts) >= 2 for parts in AGGREGATES.values())


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "onet-30.3"
    shutil.copytree(FIXTURE, root)
    return root


def test_missing_file_is_named(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "job_zones.csv").unlink()
    with pytest.raises(ImportSourceError, match=r"job_zones\.csv"):
        list(onet.rows(root, SPINE))


def test_truncated_file_names_file_and_row(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "task_statements.csv"
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"\r\n", 400) + 30])  # cut inside the next row
    with pytest.raises(ImportSourceError) as caught:
        list(onet.rows(root, SPINE))
    assert caught.value.path == path
    assert caught.value.line is not None and caught.value.line > 1
    assert "task_statements.csv" in str(caught.value)


def test_malformed_value_names_file_and_row(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "job_zones.csv"
    lines = path.read_bytes().split(b"\r\n")
    lines[3] = lines[3].replace(b",4,", b",four,").replace(b",2,", b",two,")
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(ImportSourceError, match=r"job_zones\.csv:4: .*Job Zone"):
        list(onet.rows(root, SPINE))


def test_unknown_code_in_a_figure_file_is_an_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "job_zones.csv"
    path.write_bytes(path.read_bytes() + b"99-9999.00,Nobody,3,08/2023,Analyst\r\n")
    with pytest.raises(ImportSourceError, match=r"99-9999\.00 is not in occupation_data"):
        list(onet.rows(root, SPINE))


def test_another_release_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    readme = root / "Read Me.txt"
    readme.write_bytes(readme.read_bytes().replace(b"30.3", b"31.0", 1))
    with pytest.raises(ImportSourceError, match=r"Read Me\.txt:1: .*O\*NET 30\.3 only"):
        list(onet.rows(root, SPINE))


def test_link_rules_on_made_up_codes() -> None:
    spine = Spine(
        {
            "00-0000": "All Occupations",
            "19-1010": "Agricultural and Food Scientists",  # no O*NET code, not an aggregate
            "19-1011": "Animal Scientists",  # .00 listed but unrated, no specific codes
            "19-1012": "Food Scientists and Technologists",  # .00 unrated, .01 rated
            "19-1029": "Biological Scientists, All Other",  # all other, .01 rated
        }
    )
    titles = {
        "19-1011.00": "Animal Scientists",
        "19-1012.00": "Food Scientists and Technologists",
        "19-1012.01": "Food Technologists",
        "19-1029.00": "Biological Scientists, All Other",
        "19-1029.01": "Bioinformatics Scientists",
    }
    found, unlinked = onet.links(spine, titles, {"19-1012.01", "19-1029.01"})
    assert found == [("19-1012", "19-1012.01", "specific")]
    assert unlinked == {
        "19-1010": "no O*NET-SOC occupation for this SOC code",
        "19-1011": "not rated by O*NET (19-1011.00 has no figures in this release)",
        "19-1029": "not rated by O*NET: a residual 'all other' occupation "
        "(O*NET rates only the more specific 19-1029.01)",
    }
