"""``jobcompare table``: many roles, one row each, figures from the registry."""

from __future__ import annotations

import csv
import io
import json
import time
from typing import Any

import pytest

from jobcompare.engine.table import available
from tests.conftest import SEED, TESTS, flat, run, validate

MIXED = TESTS / "datasets" / "mixed.toml"


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_table_of_named_roles_as_csv() -> None:
    result = run(["table", "chief-executives", "collections-coordinator"], bundled=True)
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    assert [r["slug"] for r in rows] == ["chief-executives", "collections-coordinator"]
    chief, seed = rows
    # As the source gives them (data/bls-oews-2025.toml, data/roles.toml).
    assert chief["overview.yearly_salary"] == "269630"
    assert chief["salary.percentiles.p90"] == "507730"
    assert chief["soc"] == "11-1011"
    assert seed["overview.yearly_salary"] == "37938"
    assert seed["salary.percentiles.p50"] == ""  # the seed page has none: empty, never 0


def test_a_top_coded_wage_is_marked_as_a_bound() -> None:
    result = run(["table", "--all", "--data", str(MIXED), "--fields",
                  "yearly_salary,salary.percentiles.p10,salary.percentiles.p90"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    surgeon = next(r for r in _csv(result.stdout) if r["slug"] == "surgeon")
    # tests/datasets/mixed.toml: average = { at_least = 239200 }, p10 = 97700.
    assert surgeon["overview.yearly_salary"] == "239200"
    assert surgeon["overview.yearly_salary.bound"] == "at_least"
    assert surgeon["salary.percentiles.p90.bound"] == "at_least"
    assert (surgeon["salary.percentiles.p10"], surgeon["salary.percentiles.p10.bound"]) == (
        "97700",
        "",
    )
    document = json.loads(run(["table", "surgeon", "--data", str(MIXED), "-f", "json",
                               "--fields", "yearly_salary"]).stdout)  # fmt: skip
    assert document[0]["overview"]["yearly_salary"] == {"at_least": 239200}


def test_table_fields_by_key_and_commas() -> None:
    result = run(["table", *SEED, "--fields", "number_of_jobs,salary.salary_range", "--fields",
                  "demographics.average_age"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert header == [
        "slug", "title", "soc", "overview.number_of_jobs", "salary.salary_range.min",
        "salary.salary_range.min.bound", "salary.salary_range.max",
        "salary.salary_range.max.bound", "demographics.average_age",
    ]  # fmt: skip


def test_table_json(schema: dict[str, Any]) -> None:
    result = run(["table", *SEED, "-f", "json", "--fields", "yearly_salary,salary_range"])
    document = json.loads(result.stdout)
    validate(document, schema, "table")
    role_schema = schema["$defs"]["role"]["properties"]
    for row in document:
        for section in ("overview", "salary"):
            # Each value has the shape it has in a comparison's JSON.
            partial = {k: v for k, v in role_schema[section].items() if k != "required"}
            validate(row[section], {"$defs": schema["$defs"], **partial})
    assert document[1]["salary"]["salary_range"] == {"min": 30000, "max": 47000}
    assert document[1]["overview"]["yearly_salary"] == 37938


def test_table_markdown_escapes_and_shows_figures() -> None:
    result = run(["table", *SEED, "-f", "markdown", "--fields", "yearly_salary"])
    lines = result.stdout.splitlines()
    assert lines[0] == "| Slug | Title | SOC | Yearly salary |"
    assert lines[2] == "| patient-account-coordinator | Patient Account Coordinator | — | $35,695 |"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["table"], "or give --all"),
        (["table", "--all", SEED[0]], "not both"),
        (["table", "--all", "--fields", "yearly_salry"], "Did you mean 'overview.yearly_salary'"),
        (["table", "--all", "--fields", "average_age"], "in several sections"),
        (["table", "--all", "-f", "pdf"], "'pdf' is not one of 'table', 'markdown'"),
        (["table", "zzz", "colections-coordinator"], "unknown role 'zzz'"),
    ],
)
def test_table_usage_errors(args: list[str], message: str) -> None:
    result = run(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in flat(result.stderr)


def test_every_field_listed_is_accepted() -> None:
    listed = run(["table", "--fields", "list"]).stdout.splitlines()
    names = [line.split("\t")[0] for line in listed]
    assert names == [c.name for c in available()]
    assert "overview.number_of_jobs" in names and "skills.skills" not in names
    result = run(["table", *SEED, "--fields", ",".join(names)])
    assert result.exit_code == 0, result.stderr


def test_every_occupation_at_once_is_fast() -> None:
    started = time.perf_counter()
    result = run(["table", "--all", "--fields", "number_of_jobs"], bundled=True)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 833
    assert elapsed < 5, elapsed  # measured: about 0.25 s for the whole command


def _store_row(soc: str, area: str) -> tuple[object, ...]:
    import sqlite3

    from jobcompare.sources.store import bundled_store_path

    with sqlite3.connect(f"file:{bundled_store_path()}?mode=ro", uri=True) as db:
        row: tuple[object, ...] = db.execute(
            "SELECT employment, annual_mean, annual_p50 FROM oews_pay WHERE soc = ? AND area = ?",
            (soc, area),
        ).fetchone()
    return row


def test_table_of_one_area() -> None:
    result = run(["table", "registered-nurses", "actors", "--area", "ohio", "--fields",
                  "employment,annual_mean,annual_p50"], bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    nurses, actors = _csv(result.stdout)
    # BLS's Ohio figures as the store holds them (area 3900000).
    employment, mean, median = _store_row("29-1141", "3900000")
    assert (nurses["area"], nurses["area_code"]) == ("Ohio", "3900000")
    assert (nurses["employment"], nurses["annual_mean"], nurses["annual_p50"]) == (
        str(employment), str(mean), str(median),
    )  # fmt: skip
    # Actors are paid by the hour: no annual figure, and BLS's reason says why.
    assert actors["annual_mean"] == ""
    assert "annual_mean: Wages for some occupations" in actors["not_published"]
    document = json.loads(run(["table", "registered-nurses", "--area", "OH", "-f", "json"],
                              bundled=True).stdout)  # fmt: skip
    assert document[0]["figures"]["annual_mean"] == mean


def test_table_of_every_occupation_in_an_area_is_fast() -> None:
    started = time.perf_counter()
    result = run(["table", "--all", "--area", "texas"], bundled=True)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0
    rows = _csv(result.stdout)
    assert len(rows) == 831  # every official occupation and the all-occupations total (no seed)
    assert elapsed < 5, elapsed  # measured: under a second for the whole command


def test_table_area_errors() -> None:
    seed = run(["table", "patient-account-coordinator", "--area", "ohio"], bundled=True)
    assert seed.exit_code == 2 and "no SOC code" in flat(seed.stderr)
    bad = run(["table", "--all", "--area", "ohio", "--fields", "annual_p5"], bundled=True)
    assert bad.exit_code == 2 and "unknown area field 'annual_p5'" in flat(bad.stderr)
    nowhere = run(["table", "--all", "--area", "atlantis"], bundled=True)
    assert nowhere.exit_code == 2 and nowhere.stdout == ""
