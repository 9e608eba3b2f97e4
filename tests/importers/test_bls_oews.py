"""Tests for the BLS OEWS + O*NET importer, on small hand-made fixtures in BLS's format."""

from __future__ import annotations

import gzip
import itertools
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from jobcompare.importers import bls_oews
from jobcompare.importers.bls_oews import (
    OEWSImportError,
    build_oews_dataset,
    find_data_file,
    singular_noun,
    slugify,
    write_oews_dataset,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OEWS = FIXTURES / "bls-oews"
ONET = FIXTURES / "onet-29.2" / "Occupation Data.txt"
LOOKUPS = ("oe.release", "oe.occupation", "oe.area", "oe.industry", "oe.footnote", "oe.datatype")
COMMAND = "jobcompare import bls-oews tests/fixtures/bls-oews --onet x -o out.toml"

FOOTNOTE_4 = (
    "Wages for some occupations that do not generally work year-round, full time, are "
    "reported either as hourly wages or annual salaries depending on how they are "
    "typically paid."
)

BLS_SOURCE = (
    "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
    "May 2025 estimates (release 2025A01)"
)
ONET_SOURCE = (
    "; description from the O*NET 29.2 Database by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license"
)


def copy_oews(target: Path, data_file: str = "oe.data.0.Current") -> Path:
    """A copy of the fixture directory holding only the lookups and one data file."""
    target.mkdir(parents=True, exist_ok=True)
    for name in (*LOOKUPS, data_file):
        shutil.copyfile(OEWS / name, target / name)
    return target


def build(oews: Path = OEWS, onet: Path | None = ONET, **kwargs: Any) -> str:
    return build_oews_dataset(oews, onet, command=COMMAND, **kwargs)


@pytest.fixture(scope="module")
def text() -> str:
    return build()


@pytest.fixture(scope="module")
def roles(text: str) -> dict[str, Any]:
    parsed: dict[str, Any] = tomllib.loads(text)
    assert list(parsed) == ["roles"]
    result: dict[str, Any] = parsed["roles"]
    return result


def test_one_role_per_detailed_occupation_plus_baseline_in_soc_order(
    roles: dict[str, Any],
) -> None:
    assert [role["soc"] for role in roles.values()] == [
        "00-0000",
        "27-2011",
        "27-2031",
        "29-1211",
        "43-3011",
        "43-3021",
        "51-9198",
        "51-9199",
    ]
    assert "bill-and-account-collectors" in roles  # the detailed one, not the broad 433010


def test_published_occupation(roles: dict[str, Any]) -> None:
    assert roles["bill-and-account-collectors"] == {
        "soc": "43-3011",
        "title": "Bill and Account Collectors",
        "category": "Office and Administrative Support",
        "description": (
            "Locate and notify customers of delinquent accounts by mail, telephone, or "
            "personal visit to solicit payment."
        ),
        "noun": "bill and account collector",
        "plural": "bill and account collectors",
        "source": BLS_SOURCE + ONET_SOURCE,
        "overview": {"jobs": 158830},
        "salary": {
            "average": 49060,
            "hourly": 23.59,
            "range": {"min": 34400, "max": 65580},
            "percentiles": {
                "p10": 34400,
                "p25": 39010,
                "p50": 47030,
                "p75": 56740,
                "p90": 65580,
            },
            # DC and New York tie on the mean (65000): New York employs more.
            "highest_paying_state": "New York",
            # Tie on mean and employment: alphabetical. The nonmetropolitan area (90000)
            # is not a city and does not count.
            "highest_paying_city": "New York-Newark-Jersey City, NY-NJ",
            # Only NAICS sectors count: not 000001, the 4-digit 221000, nor 999001/999101.
            "best_paying_industry": "Utilities",
        },
    }


def test_baseline_role(roles: dict[str, Any]) -> None:
    baseline = roles["all-occupations"]
    assert baseline["soc"] == "00-0000"
    assert baseline["title"] == "All Occupations"
    assert baseline["category"] == "All Occupations"
    assert baseline["source"] == BLS_SOURCE
    assert baseline["noun"] == "worker (all occupations)"
    assert "description" not in baseline
    assert baseline["overview"] == {"jobs": 155495730}
    assert baseline["salary"]["average"] == 69770
    assert baseline["salary"]["highest_paying_state"] == "District of Columbia"
    assert "unpublished" not in baseline


def test_numbers_are_written_as_printed(text: str, roles: dict[str, Any]) -> None:
    assert "hourly = 25.10\n" in text  # trailing zero kept, not rounded or reformatted
    assert isinstance(roles["bill-and-account-collectors"]["salary"]["average"], int)
    assert isinstance(roles["bill-and-account-collectors"]["salary"]["hourly"], float)


def test_top_coded_wages_are_lower_bounds(text: str, roles: dict[str, Any]) -> None:
    salary = roles["anesthesiologists"]["salary"]
    assert salary["average"] == {"at_least": 239200}
    assert salary["hourly"] == {"at_least": 115.0}
    assert salary["range"] == {"min": 125000, "max": {"at_least": 239200}}
    assert salary["percentiles"] == {
        "p10": 125000,
        "p25": 200000,
        "p50": {"at_least": 239200},
        "p75": {"at_least": 239200},
        "p90": {"at_least": 239200},
    }
    assert "unpublished" not in roles["anesthesiologists"]
    assert "hourly = { at_least = 115.00 }\n" in text


def test_top_coded_mean_ranks_as_its_threshold(roles: dict[str, Any]) -> None:
    salary = roles["anesthesiologists"]["salary"]
    assert salary["highest_paying_state"] == "California"  # top-coded, beats 230000
    assert salary["highest_paying_city"] == "New York-Newark-Jersey City, NY-NJ"
    assert salary["best_paying_industry"] == "Manufacturing"  # top-coded, beats 238000
    # A top-coded mean ties a published 239200; the higher employment wins.
    assert roles["billing-and-posting-clerks"]["salary"]["highest_paying_state"] == "California"


def test_top_code_thresholds_come_from_the_footnote(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path / "oews")
    footnotes = (oews / "oe.footnote").read_text()
    (oews / "oe.footnote").write_text(
        footnotes.replace(
            "$115.00 per hour or $239,200 per year", "$120.50 per hour or $250,640 per year"
        )
    )
    salary = tomllib.loads(build(oews))["roles"]["anesthesiologists"]["salary"]
    assert salary["average"] == {"at_least": 250640}
    assert salary["hourly"] == {"at_least": 120.5}


def test_footnote_4_hourly_only_is_not_back_filled(roles: dict[str, Any]) -> None:
    actors = roles["actors"]
    assert actors["salary"] == {"hourly": 58.29}  # no annual figure, no ranking by 04
    assert actors["overview"] == {"jobs": 55000}
    assert actors["unpublished"] == {
        "salary.average": FOOTNOTE_4,
        "salary.range": FOOTNOTE_4,
        "salary.percentiles.p10": FOOTNOTE_4,
        "salary.percentiles.p25": FOOTNOTE_4,
        "salary.percentiles.p50": FOOTNOTE_4,
        "salary.percentiles.p75": FOOTNOTE_4,
        "salary.percentiles.p90": FOOTNOTE_4,
    }


def test_not_released_values_are_omitted_with_reason(roles: dict[str, Any]) -> None:
    dancers = roles["dancers"]
    assert "overview" not in dancers
    assert dancers["salary"] == {
        "average": 52210,
        "hourly": 25.1,
        "percentiles": {"p75": 60000, "p90": 70000},
    }
    assert dancers["unpublished"] == {
        "overview.jobs": "Estimate not released.",
        "salary.range": "Estimate not released.",
        "salary.percentiles.p10": "Estimate not released.",
        "salary.percentiles.p25": "Estimate not released.",
        "salary.percentiles.p50": "Not published by BLS.",  # '-' without a footnote code
    }


def test_nothing_published_at_a_level_omits_the_key(roles: dict[str, Any]) -> None:
    salary = roles["billing-and-posting-clerks"]["salary"]
    assert "highest_paying_city" not in salary  # footnote 8 everywhere
    assert "best_paying_industry" not in salary


def test_missing_employment_ranks_below_published(roles: dict[str, Any]) -> None:
    # New York has no employment row, California's is footnote 8: both rank as unknown,
    # so the alphabetical rule decides.
    salary = roles["helpers-production-workers-51-9198"]["salary"]
    assert salary["highest_paying_state"] == "California"


def test_slug_collision_appends_soc_code(roles: dict[str, Any]) -> None:
    assert "helpers-production-workers" not in roles
    assert roles["helpers-production-workers-51-9198"]["title"] == "Helpers--Production Workers"
    assert roles["helpers-production-workers-51-9199"]["title"] == "Helpers: Production Workers"


def test_occupation_without_rows(roles: dict[str, Any]) -> None:
    role = roles["helpers-production-workers-51-9199"]
    assert set(role) == {"soc", "title", "noun", "plural", "category", "source", "unpublished"}
    assert role["unpublished"]["overview.jobs"] == "Not published by BLS."


def test_description_missing_from_onet(roles: dict[str, Any]) -> None:
    role = roles["helpers-production-workers-51-9199"]
    assert "description" not in role
    assert role["source"] == BLS_SOURCE


def test_strings_are_escaped(roles: dict[str, Any]) -> None:
    assert roles["billing-and-posting-clerks"]["description"] == (
        'Compile, compute, and record "billing" data; a backslash \\ here.'
    )


def test_without_onet(tmp_path: Path) -> None:
    text = build(onet=None)
    roles = tomllib.loads(text)["roles"]
    assert all("description" not in role for role in roles.values())
    assert all(role["source"] == BLS_SOURCE for role in roles.values())
    assert "CC BY" not in text


def test_header_comments(text: str) -> None:
    header = text.split("\n\n", 1)[0].splitlines()
    assert all(line.startswith("# ") for line in header)
    joined = "\n".join(header)
    assert "2025A01" in joined and "May 2025" in joined
    assert "oe.occupation" in joined and "oe.data.0.Current" in joined
    assert "Occupation Data.txt" in joined
    assert (
        "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA), used under the CC BY 4.0 license"
    ) in joined
    assert f"# Command: {COMMAND}" in header


def test_key_order(text: str) -> None:
    block = text.split("[roles.bill-and-account-collectors]\n", 1)[1].split("\n[roles.billing", 1)[
        0
    ]
    keys = [line.split(" = ")[0] for line in block.splitlines() if " = " in line]
    assert keys == [
        "soc",
        "title",
        "noun",
        "plural",
        "category",
        "description",
        "source",
        "jobs",
        "average",
        "hourly",
        "range",
        "percentiles",
        "highest_paying_state",
        "highest_paying_city",
        "best_paying_industry",
    ]


def test_gz_and_plain_give_the_same_roles(tmp_path: Path) -> None:
    plain = build(copy_oews(tmp_path / "plain", "oe.data.0.Current"))
    subset = build(copy_oews(tmp_path / "subset", "oe.data.0.Current.subset.gz"))
    full_gz_dir = copy_oews(tmp_path / "gz", "oe.data.0.Current")
    (full_gz_dir / "oe.data.0.Current.gz").write_bytes(
        gzip.compress((full_gz_dir / "oe.data.0.Current").read_bytes(), mtime=0)
    )
    (full_gz_dir / "oe.data.0.Current").unlink()
    full_gz = build(full_gz_dir)
    assert tomllib.loads(plain) == tomllib.loads(subset) == tomllib.loads(full_gz)
    assert "oe.data.0.Current.subset.gz" in subset.split("\n\n", 1)[0]
    body = plain.split("\n\n", 1)[1]
    assert subset.split("\n\n", 1)[1] == body and full_gz.split("\n\n", 1)[1] == body


def test_data_file_preference(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path, "oe.data.0.Current.subset.gz")
    assert find_data_file(oews).name == "oe.data.0.Current.subset.gz"
    shutil.copyfile(OEWS / "oe.data.0.Current", oews / "oe.data.0.Current")
    assert find_data_file(oews).name == "oe.data.0.Current"


def test_crlf_data_file(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    data = oews / "oe.data.0.Current"
    data.write_bytes(data.read_bytes().replace(b"\n", b"\r\n"))
    assert tomllib.loads(build(oews)) == tomllib.loads(build())


def test_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    write_oews_dataset(OEWS, ONET, first, command=COMMAND)
    write_oews_dataset(OEWS, ONET, second, command=COMMAND)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == build().encode("utf-8")


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "data" / "out.toml"
    out.parent.mkdir()
    out.write_text("old")
    with pytest.raises(OEWSImportError):
        write_oews_dataset(tmp_path / "missing", ONET, out, command=COMMAND)
    assert out.read_text() == "old"
    returned = write_oews_dataset(OEWS, ONET, out, command=COMMAND)
    assert out.read_text(encoding="utf-8") == returned
    assert [p.name for p in out.parent.iterdir()] == ["out.toml"]


def test_progress_reports_increasing_bytes_and_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bls_oews, "_PROGRESS_EVERY", 50)
    oews = copy_oews(tmp_path)
    data = oews / "oe.data.0.Current"
    # Pad the file with rows the importer skips (datatype 17 of an unknown occupation),
    # so that it spans many read buffers; keep series_id order.
    lines = data.read_text().splitlines(keepends=True)
    extra = [
        f"{'OEUN0000000000000' + f'{code:06d}' + '17':<30}\t2025\tA01\t{'1.00':>12}\t\n"
        for code in range(900000, 905000)
    ]
    data.write_text(lines[0] + "".join(sorted(lines[1:] + extra)))
    calls: list[tuple[int, int]] = []

    def record(done: int, total: int) -> None:
        calls.append((done, total))

    for name in ("oe.data.0.Current", "oe.data.0.Current.gz"):
        if name.endswith(".gz"):
            (oews / name).write_bytes(gzip.compress(data.read_bytes(), mtime=0))
            data.unlink()
        calls.clear()
        build(oews, progress=record)
        total = (oews / name).stat().st_size
        assert len(calls) >= 3, name
        assert all(t == total for _, t in calls)
        done = [d for d, _ in calls]
        assert done[0] == 0 and done[-1] == total
        assert all(a < b for a, b in itertools.pairwise(done)), done


def test_slugify() -> None:
    assert slugify("Bill and Account Collectors") == "bill-and-account-collectors"
    assert slugify("Helpers--Production Workers") == "helpers-production-workers"
    assert slugify("  Farmworkers, Farm, Ranch, & Aquacultural Animals ") == (
        "farmworkers-farm-ranch-aquacultural-animals"
    )


# --- malformed and missing input ----------------------------------------------------


@pytest.mark.parametrize(
    "name", ["oe.occupation", "oe.area", "oe.industry", "oe.footnote", "oe.release"]
)
def test_missing_lookup_file_is_named(tmp_path: Path, name: str) -> None:
    oews = copy_oews(tmp_path)
    (oews / name).unlink()
    with pytest.raises(OEWSImportError, match=rf"{name}: file not found"):
        build(oews)


def test_missing_data_file(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    (oews / "oe.data.0.Current").unlink()
    with pytest.raises(OEWSImportError, match=r"no data file found .*oe\.data\.0\.Current"):
        build(oews)


def test_missing_directory_and_onet_file(tmp_path: Path) -> None:
    with pytest.raises(OEWSImportError, match="not a directory"):
        build(tmp_path / "nowhere")
    with pytest.raises(OEWSImportError, match=r"Occupation Data\.txt: file not found"):
        build(onet=tmp_path / "onet-29.2" / "Occupation Data.txt")


def test_onet_version_must_be_known(tmp_path: Path) -> None:
    onet = tmp_path / "onet" / "Occupation Data.txt"
    onet.parent.mkdir()
    shutil.copyfile(ONET, onet)
    with pytest.raises(OEWSImportError, match="O\\*NET version"):
        build(onet=onet)
    assert "O*NET 30.0 Database" in build(onet=onet, onet_version="30.0")


def test_bad_header_is_named(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    (oews / "oe.area").write_text("code\tname\n0000000\tNational\n")
    with pytest.raises(OEWSImportError, match=r"oe\.area, line 1: header lacks column\(s\)"):
        build(oews)


def test_short_lookup_row_is_named_with_line(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    path = oews / "oe.occupation"
    path.write_text(path.read_text() + "999999\tBroken\n")
    with pytest.raises(OEWSImportError, match=r"oe\.occupation, line 17: expected 5"):
        build(oews)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      231000", "      23x000", r"value '23x000' is neither a number nor '-'"),
        ("\t2025\t", "\t2025\t\t", r"expected 5 tab-separated fields, found 6"),
        ("OEUM0035620", "XXUM0035620", r"series_id 'XXUM.*' is not a 25-character OEWS series id"),
        ("\t2025\t", "\t2024\t", r"row is for 2024 A01, but oe\.release is 2025A01"),
    ],
)
def test_malformed_data_row_is_named_with_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    oews = copy_oews(tmp_path)
    path = oews / "oe.data.0.Current"
    lines = path.read_text().splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if old in line and i > 0)
    lines[target] = lines[target].replace(old, new, 1)
    path.write_text("".join(lines))
    with pytest.raises(
        OEWSImportError, match=rf"oe\.data\.0\.Current, line {target + 1}: {message}"
    ):
        build(oews)


def test_unsorted_data_file_is_rejected(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    path = oews / "oe.data.0.Current"
    lines = path.read_text().splitlines(keepends=True)
    lines[2], lines[3] = lines[3], lines[2]
    path.write_text("".join(lines))
    with pytest.raises(OEWSImportError, match=r"line 4: series_id .* out of order"):
        build(oews)


def test_data_header_is_checked(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    path = oews / "oe.data.0.Current"
    text = path.read_text()
    path.write_text(text.replace("footnote_codes", "notes", 1))
    with pytest.raises(OEWSImportError, match=r"line 1: header lacks column\(s\) footnote_codes"):
        build(oews)


def test_truncated_gz_is_named(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path, "oe.data.0.Current.subset.gz")
    path = oews / "oe.data.0.Current.subset.gz"
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(
        OEWSImportError, match=r"oe\.data\.0\.Current\.subset\.gz, line \d+: cannot read"
    ):
        build(oews)


def test_unknown_footnote_code(tmp_path: Path) -> None:
    oews = copy_oews(tmp_path)
    path = oews / "oe.footnote"
    path.write_text(
        "".join(line for line in path.read_text().splitlines(True) if line[:2] != "8\t")
    )
    with pytest.raises(OEWSImportError, match=r"oe\.footnote: footnote code '8'"):
        build(oews)


@pytest.mark.parametrize(
    ("title", "noun"),
    [
        ("Bill and Account Collectors", "bill and account collector"),
        ("Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
         "secretary and administrative assistant, except legal, medical, and executive"),
        ("Judges, Magistrate Judges, and Magistrates", "judge, magistrate judge, and magistrate"),
        ("Farmworkers and Laborers, Crop, Nursery, and Greenhouse",
         "farmworker and laborer, crop, nursery, and greenhouse"),
        ("First-Line Supervisors of Office and Administrative Support Workers",
         "first-line supervisor of office and administrative support workers"),
        ("Biological Scientists, All Other", "biological scientist (all other)"),
        ("Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
         "heating, air conditioning, and refrigeration mechanic and installer"),
        ("Coaches and Scouts", "coach and scout"),
        ("Orderlies", "orderly"),
        ("Sales Managers", "sales manager"),
        ("All Occupations", "worker (all occupations)"),
        ("Agents and Business Managers of Artists, Performers, and Athletes",
         "agent and business manager of artists, performers, and athletes"),
        ("Welders, Cutters, Solderers, and Brazers", "welder, cutter, solderer, and brazer"),
        ("Helpers--Production Workers", "helper (production workers)"),
        ("Engineering Technologists and Technicians, Except Drafters, All Other",
         "engineering technologist and technician, except drafters (all other)"),
        ("Entertainers and Performers, Sports and Related Workers, All Other",
         "entertainer and performer, sports and related workers (all other)"),
        ("Dentists, All Other Specialists", "dentist (all other specialists)"),
        ("English Language and Literature Teachers, Postsecondary",
         "English language and literature teacher, postsecondary"),
        ("Career/Technical Education Teachers, Secondary School",
         "career/technical education teacher, secondary school"),
        ("Buyers and Purchasing Agents, Farm Products",
         "buyer and purchasing agent, farm products"),
    ],
)  # fmt: skip
def test_singular_noun(title: str, noun: str) -> None:
    assert singular_noun(title) == noun
