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
        "slug", "title", "soc", "kind", "overview.number_of_jobs", "salary.salary_range.min",
        "salary.salary_range.min.bound", "salary.salary_range.max",
        "salary.salary_range.max.bound", "demographics.average_age", "not_published",
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
    assert lines[0] == "| Slug | Title | SOC | Kind | Yearly salary |"
    assert lines[2] == (
        "| patient-account-coordinator | Patient Account Coordinator | — | hand-written | $35,695 |"
    )


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


def _areas_store_rows(soc: str, areas: tuple[str, ...]) -> dict[str, object]:
    import sqlite3

    from jobcompare.sources.store import bundled_store_path

    with sqlite3.connect(f"file:{bundled_store_path()}?mode=ro", uri=True) as db:
        marks = ",".join("?" * len(areas))
        rows = db.execute(f"SELECT area, annual_p50 FROM oews_pay WHERE soc = ? "
                          f"AND area IN ({marks})", (soc, *areas)).fetchall()  # fmt: skip
    return dict(rows)


def test_repeated_area_gives_a_row_per_role_and_area() -> None:
    """Issue #18 item 10: a second --area was silently dropped (Ohio only)."""
    result = run(["table", "--all", "--area", "texas", "--area", "ohio", "--area", "TX",
                  "--fields", "annual_p50"], bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = _csv(result.stdout)
    # Every occupation in both areas (TX is Texas again: its rows once), a role's together.
    assert len(rows) == 2 * 831
    nurses = [r for r in rows if r["slug"] == "registered-nurses"]
    assert [(r["area"], r["area_code"]) for r in nurses] == [
        ("Texas", "4800000"), ("Ohio", "3900000"),
    ]  # fmt: skip
    store = _areas_store_rows("29-1141", ("4800000", "3900000"))
    assert [r["annual_p50"] for r in nurses] == [str(store["4800000"]), str(store["3900000"])]
    # The area is a column in every format.
    args = ["table", "registered-nurses", "--area", "texas", "--area", "ohio"]
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    assert [row["area"]["name"] for row in document] == ["Texas", "Ohio"]
    markdown = run([*args, "-f", "markdown"], bundled=True).stdout.splitlines()
    assert markdown[2].startswith("| Slug | Title | SOC | Kind | Area | Employment |")
    assert "| Texas |" in markdown[4] and "| Ohio |" in markdown[5]


def test_area_fields_list_lists_the_area_measures() -> None:
    """Issue #18 item 13: with --area, --fields list listed the comparison's fields."""
    from jobcompare.engine.areas import JOB_MEASURES, PAY_MEASURES

    result = run(["table", "--area", "ohio", "--fields", "list"], bundled=True)
    assert result.exit_code == 0, result.stderr
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert names == [m for m, _, _ in (*JOB_MEASURES, *PAY_MEASURES)]
    # Each is accepted by --fields with that --area.
    table = run(["table", "registered-nurses", "--area", "ohio", "--fields", ",".join(names)],
                bundled=True)  # fmt: skip
    assert table.exit_code == 0 and _csv(table.stdout)[0]["location_quotient"] != ""
    listed = json.loads(run(["table", "-a", "ohio", "--fields", "list", "--json"],
                            bundled=True).stdout)  # fmt: skip
    areas_schema = json.loads((TESTS.parent / "src" / "jobcompare" / "schema" /
                               "areas.schema.json").read_text("utf-8"))  # fmt: skip
    validate(listed, areas_schema, "field_list")
    assert listed[0] == {"field": "employment", "label": "Employment", "unit": "jobs"}
    nowhere = run(["table", "--area", "atlantis", "--fields", "list"], bundled=True)
    assert nowhere.exit_code == 2 and nowhere.stdout == ""


def _ep_change(soc: str) -> float:
    import sqlite3

    from jobcompare.sources.store import bundled_store_path

    with sqlite3.connect(f"file:{bundled_store_path()}?mode=ro", uri=True) as db:
        (change,) = db.execute(
            "SELECT percent_change FROM ep_projection WHERE soc = ?", (soc,)
        ).fetchone()
    return float(change)


def test_growth_is_one_column_whatever_the_source() -> None:
    """Issue #18 item 11: overview.growth_rate was empty for every official occupation,
    whose growth is BLS's projected change."""
    result = run(["table", "registered-nurses", "collections-coordinator", "--fields",
                  "growth_rate"], bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    nurses, seed = _csv(result.stdout)
    assert float(nurses["overview.growth_rate"]) == _ep_change("29-1141")
    assert nurses["overview.growth_rate.source"] == "BLS Employment Projections 2024–34"
    assert nurses["kind"] == "official"
    # The seed role's own figure (data/roles.toml), with its own source.
    assert (seed["overview.growth_rate"], seed["kind"]) == ("-8", "hand-written")
    assert seed["overview.growth_rate.source"].startswith("Comparison page")
    # Official occupations' own name of the concept is that one column too, named as
    # it was first asked for: never a figure under a key the user did not ask for.
    same = run(["table", "registered-nurses", "--fields", "projected_change,growth_rate"],
               bundled=True)  # fmt: skip
    assert same.stdout.splitlines() == [
        "slug,title,soc,kind,overview.projected_change,overview.projected_change.source,"
        "not_published",
        f"registered-nurses,Registered Nurses,29-1141,official,{_ep_change('29-1141')},"
        "BLS Employment Projections 2024–34,",
    ]
    document = json.loads(run(["table", "registered-nurses", "--json", "--fields",
                               "growth_rate"], bundled=True).stdout)  # fmt: skip
    assert document[0]["overview"] == {"growth_rate": _ep_change("29-1141")}
    assert document[0]["sources"] == {"overview.growth_rate": "BLS Employment Projections 2024–34"}


def test_fields_list_says_which_fields_official_occupations_have(
    schema: dict[str, Any],
) -> None:
    """Issue #18 item 11: the list mixed in fields only the seed roles have, unmarked."""
    listed = json.loads(run(["table", "--fields", "list", "-f", "json"], bundled=True).stdout)
    validate(listed, schema, "field_list")
    by_name = {row["field"]: row for row in listed}
    assert "overview.projected_change" not in by_name  # it is growth_rate's column
    growth = by_name["overview.growth_rate"]
    assert growth["official_field"] == "overview.projected_change"
    assert growth["official"] == 830 and growth["hand_written"] == 2
    # Only the seed roles have a time to become; only official occupations BLS's openings.
    assert (by_name["overview.time_to_become"]["official"],
            by_name["overview.time_to_become"]["hand_written"]) == (0, 2)  # fmt: skip
    assert (by_name["overview.annual_openings"]["official"],
            by_name["overview.annual_openings"]["hand_written"]) == (830, 0)  # fmt: skip
    terminal = run(["table", "--fields", "list", "-f", "markdown"], bundled=True).stdout
    assert terminal.splitlines()[0] == (
        "| Field | Label | Unit | Official (of 830) | Hand-written (of 2) | Official field |"
    )


def test_table_json_flag_is_format_json() -> None:
    args = ["table", "registered-nurses", "collections-coordinator", "--fields",
            "growth_rate,yearly_salary"]  # fmt: skip
    flag = run([*args, "--json"], bundled=True)
    assert flag.exit_code == 0, flag.stderr
    assert flag.stdout == run([*args, "-f", "json"], bundled=True).stdout
    assert json.loads(flag.stdout)[1]["kind"] == "hand-written"


def test_every_row_says_its_kind_and_official_leaves_out_the_rest() -> None:
    """Issue #18 item 11: --all mixed the all-occupations total and hand-written roles in
    with the occupations, unmarked."""
    every = _csv(run(["table", "--all", "--fields", "number_of_jobs"], bundled=True).stdout)
    kinds = {r["slug"]: r["kind"] for r in every}
    assert kinds["all-occupations"] == "total"
    assert kinds["collections-coordinator"] == "hand-written"
    assert kinds["registered-nurses"] == "official"
    official = run(["table", "--all", "--official", "--fields", "number_of_jobs"], bundled=True)
    assert official.exit_code == 0, official.stderr
    rows = _csv(official.stdout)
    assert len(rows) == 830 and {r["kind"] for r in rows} == {"official"}
    assert "all-occupations" not in {r["slug"] for r in rows}
    # A hand-written role with a SOC code is still hand-written (tests/datasets/mixed.toml).
    mixed = _csv(run(["table", "--all", "--data", str(MIXED)]).stdout)
    assert {r["slug"]: r["kind"] for r in mixed}["surgeon"] == "hand-written"
    area = _csv(run(["table", "--all", "--official", "--area", "ohio", "--fields",
                     "employment"], bundled=True).stdout)  # fmt: skip
    assert len(area) == 830 and "all-occupations" not in {r["slug"] for r in area}
    named = run(["table", "--official", "registered-nurses"], bundled=True)
    assert named.exit_code == 2 and "give it with --all" in flat(named.stderr)


def test_table_area_errors() -> None:
    seed = run(["table", "patient-account-coordinator", "--area", "ohio"], bundled=True)
    assert seed.exit_code == 2 and "no SOC code" in flat(seed.stderr)
    bad = run(["table", "--all", "--area", "ohio", "--fields", "annual_p5"], bundled=True)
    assert bad.exit_code == 2 and "unknown area field 'annual_p5'" in flat(bad.stderr)
    nowhere = run(["table", "--all", "--area", "atlantis"], bundled=True)
    assert nowhere.exit_code == 2 and nowhere.stdout == ""


def test_a_missing_figure_says_why_in_the_national_table_too() -> None:
    # Issue 18 review: the --area table said why a figure was missing, the national one not.
    result = run(["table", "actors", "registered-nurses", "--fields",
                  "yearly_salary,overview.hourly_rate"], bundled=True)  # fmt: skip
    actors, nurses = _csv(result.stdout)
    assert actors["overview.yearly_salary"] == ""
    assert actors["not_published"].startswith(
        "overview.yearly_salary: Wages for some occupations that do not generally work"
    )
    assert nurses["not_published"] == ""
    document = json.loads(run(["table", "actors", "--json", "--fields", "yearly_salary"],
                              bundled=True).stdout)  # fmt: skip
    assert list(document[0]["not_published"]) == ["overview.yearly_salary"]
