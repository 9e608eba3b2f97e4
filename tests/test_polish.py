"""Fixes from a new user's trial of the integrated tool: figures that must not depend on
the company a role keeps, reasons for every missing figure, filtered notes, readable
moves, and the same formatting everywhere."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests.conftest import run, validate

NURSES = "registered-nurses"


def _json(*args: str) -> Any:
    result = run([*args, "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_hourly_percentiles_do_not_depend_on_the_company() -> None:
    alone = _json("show", NURSES)["salary"]["hourly_percentiles"]
    beside = next(r for r in _json("actors", NURSES)["roles"] if r["slug"] == NURSES)["salary"][
        "hourly_percentiles"
    ]
    assert alone == beside
    assert alone["p10"] == 33.14 and alone["p90"] == 66.09
    beside_salaried = next(
        r for r in _json("software-developers", NURSES)["roles"] if r["slug"] == NURSES
    )["salary"]["hourly_percentiles"]
    assert beside_salaried == alone
    # The CSV carries them too; the terminal table still shows hourly rows only beside
    # an hourly-only role.
    result = run(["software-developers", NURSES, "-f", "csv"], bundled=True)
    records = list(csv.reader(io.StringIO(result.stdout)))
    assert ["salary", "hourly_percentiles.p50", NURSES, "46.9", "USD/hour", ""] in [
        r[:6] for r in records
    ]
    table = run(["software-developers", NURSES, "-s", "salary"], bundled=True).stdout
    assert "Hourly median" not in table
    assert "Hourly median" in run(["actors", NURSES, "-s", "salary"], bundled=True).stdout


def test_a_suppressed_skill_level_says_why(schema: dict[str, Any]) -> None:
    profile = _json("show", "software-developers")
    programming = next(s for s in profile["skills"]["skills"] if s["name"] == "Programming")
    assert programming["level"] is None
    # Keyed by the level's path in the document: the Programming item of the skills list.
    index = profile["skills"]["skills"].index(programming)
    reason = profile["unpublished"][f"skills.skills[{index}].level"]
    assert "Recommend Suppress = Y" in reason and reason.startswith("O*NET 30.1")
    text = run(["show", "software-developers", "-s", "skills"], bundled=True).stdout
    assert "Programming level — O*NET 30.1" in " ".join(text.split())


def test_the_skill_gap_names_skills_left_out_for_suppression(schema: dict[str, Any]) -> None:
    document = _json(NURSES, "software-developers", "-s", "skills")
    gap = document["skill_gap"]
    validate(gap, schema, "skill_gap")
    # Important for software developers (3.25, 4.0) but their level is suppressed.
    assert gap["suppressed"] == ["Operations Analysis", "Programming"]
    named = {c["skill"] for c in gap["build"] + gap["carry_over"]}
    assert not named & set(gap["suppressed"])
    text = " ".join(
        run([NURSES, "software-developers", "-s", "skills", "--full"], bundled=True).stdout.split()
    )
    assert "suppresses their rating (Recommend Suppress = Y: low precision): Operations " in text
    moves = " ".join(run(["moves", "web-developers"], bundled=True).stdout.split())
    assert "Software Developers: left out of the gap, as O*NET suppresses" in moves


def test_section_filters_the_not_published_notes_and_sources() -> None:
    args = ["actors", NURSES, "-s", "salary"]
    for output in ([], ["-f", "markdown"], ["-f", "html"], ["-f", "csv"], ["--json"]):
        text = " ".join(run([*args, *output], bundled=True).stdout.split())
        # The salary note stays (in brief on the concise terminal and HTML pages).
        assert "Wages for some occupations" in text or "by the hour or by the year only" in text
        assert "Recommend Suppress" not in text  # education's notes go
        assert "most common level cannot be named" not in text
        assert "O*NET 30.1" not in text and "Employment Projections" not in text
        assert "Current Population Survey" not in text
    document = _json(*args)
    for role in document["roles"]:
        assert all(k.startswith("salary.") for k in role["unpublished"])
        assert "O*NET 30.1" not in role["source"]
    # The skills section keeps its own: O*NET 30.1 and the suppressed level's reason.
    skills = _json("show", "software-developers", "-s", "skills")
    assert list(skills["unpublished"]) == ["skills.skills[0].level"]
    assert skills["skills"]["skills"][0]["name"] == "Programming"
    assert "O*NET 30.1" in skills["source"] and "OEWS" in skills["source"]
    assert "Current Population Survey" not in skills["source"]
    # All sections: the whole source line, as before.
    whole = _json("show", "software-developers")["source"]
    assert "Current Population Survey" in whole and "O*NET 30.1" in whole


def _table_labels(args: list[str]) -> list[str]:
    from jobcompare.commands.moves import moves
    from jobcompare.output.blocks import FigureTable, RankedTable
    from jobcompare.output.options import Options
    from jobcompare.output.views.moves import document

    found = moves(args[0], None, by=args[1] if len(args) > 1 else "onet").result
    blocks = document(found, Options()).flat()
    table = next(b for b in blocks if isinstance(b, FigureTable))
    ranked = next(b for b in blocks if isinstance(b, RankedTable))
    assert [r.label for r in ranked.rows] == [str(n) for n in range(1, len(table.rows) + 1)]
    for row, move, second in zip(table.rows, found.moves, ranked.rows, strict=True):
        assert row.cells[0].value == move.position  # O*NET's index, in its own column
        assert second.items[0].text.startswith(move.title)  # the second table names it
    return [f"{r.group}|{r.label}|{r.cells[0].text}" for r in table.rows]


def test_moves_are_numbered_as_shown_and_grouped_only_in_onets_order() -> None:
    ordered = _table_labels([NURSES])
    assert [line.split("|")[1].split(".")[0] for line in ordered] == [
        str(n) for n in range(1, len(ordered) + 1)
    ]
    groups = [line.split("|")[0] for line in ordered]
    # In O*NET's order each tier is one run of rows.
    runs = [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g]
    assert len(runs) == len(set(runs)) and "Primary-Short" in runs
    by_pay = _table_labels([NURSES, "pay"])
    assert all(line.startswith("None|") for line in by_pay)  # no tier headings
    assert any(line.endswith((" PS", " PL", " S")) for line in by_pay)  # the tier column
    text = run(["moves", NURSES, "--by", "pay"], bundled=True).stdout
    assert "\u2212" not in text and "-$33,150" in text  # a comparison's minus sign
    assert text.count("Primary-Short") == 1  # only in the legend


def test_where_writes_html_csv_sources_schema_version_and_a_lead_that_fits() -> None:
    from importlib import resources

    html = run(["where", NURSES, "-n", "3", "-f", "html"], bundled=True)
    assert html.exit_code == 0, html.stderr
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert "San Jose-Sunnyvale-Santa Clara, CA" in html.stdout
    assert "$216,740" in html.stdout and "<h2>Sources</h2>" in html.stdout
    records = list(csv.reader(io.StringIO(run(["where", NURSES, "-n", "3", "-f", "csv"],
                                              bundled=True).stdout)))  # fmt: skip
    assert len(records) == 4  # the header and one row per area: the sources are in --json
    assert all(len(r) == len(records[0]) for r in records)
    areas_schema = json.loads(
        resources.files("jobcompare").joinpath("schema/areas.schema.json").read_text()
    )
    for args, ref in (
        (["where", NURSES, "-n", "3"], "ranking"),
        ([NURSES, "--area", "CA"], "comparison"),
        (["areas", "--search", "Texas"], "list"),
    ):
        document = _json(*args)
        assert document["schema_version"] == 1
        validate(document, areas_schema, ref)
    # Top-coding is mentioned only when a shown figure is top-coded.
    nurses = " ".join(run(["where", NURSES, "-n", "3"], bundled=True).stdout.split())
    assert "top-coded" not in nurses
    cardiologists = " ".join(
        run(["where", "cardiologists", "-n", "600"], bundled=True).stdout.split()
    )
    assert "≥" in cardiologists and "top-coded by BLS" in cardiologists
    # Its JSON has the comparison JSON's one shape for an amount: a top-coded wage is
    # {"at_least": 239200}, a published one a number, a missing one null with its reason.
    ranked = _json("where", "cardiologists", "-n", "600")["areas"]
    shapes = set()
    for area in ranked:
        for key in ("median", "mean", "employment", "location_quotient", "jobs_per_1000"):
            figure = area[key]
            if figure is None:
                assert area["unpublished"][key], (area["area"]["name"], key)
                shapes.add("null")
            elif isinstance(figure, dict):
                assert key in ("median", "mean") and figure == {"at_least": 239200}
                assert key not in area["unpublished"]
                shapes.add("at_least")
            else:
                assert isinstance(figure, (int, float)) and key not in area["unpublished"]
                shapes.add("number")
    assert shapes == {"null", "at_least", "number"}


def test_technology_skills_are_objects_in_json_and_fields_in_csv(
    schema: dict[str, Any],
) -> None:
    document = _json("show", "software-developers", "-s", "skills")
    technology = document["skills"]["technology"]
    assert technology[0] == {"name": "Docker", "hot": True, "in_demand": True}
    assert all(set(t) == {"name", "hot", "in_demand"} for t in technology)
    assert any(not t["hot"] for t in technology)  # the flags are O*NET's, not constant
    pair = _json("software-developers", NURSES, "-s", "skills")
    validate(pair, schema)
    result = run(["show", "software-developers", "-s", "skills", "-f", "csv"], bundled=True)
    records = {(r[1], r[3]) for r in csv.reader(io.StringIO(result.stdout)) if r[0] == "skills"}
    assert {("technology.1.name", "Docker"), ("technology.1.hot", "true"),
            ("technology.1.in_demand", "true")} <= records  # fmt: skip
    assert not any(v.endswith("(hot, in demand)") for _, v in records)
    table = run(["show", "software-developers", "-s", "skills"], bundled=True).stdout
    assert "Docker (hot, in demand)" in table  # the terminal keeps its text


def test_differences_keep_the_figures_precision() -> None:
    from jobcompare.engine.deltas import delta
    from jobcompare.output.cells import difference
    from jobcompare.registry.fields import Kind

    def shown(kind: Kind, first: object, second: object) -> str:
        return difference(delta(kind, (first, second)), kind)

    assert shown(Kind.NUMBER, 3391.0, 6725.0) == "+3,334.0"  # thousands, one decimal
    assert shown(Kind.NUMBER, 38.3, 42.3) == "+4.0"  # median age
    assert shown(Kind.NUMBER, 42.3, 38.8) == "-3.5"
    assert shown(Kind.GROWTH, 4.0, 5.0) == "+1.0 pp"
    assert shown(Kind.NUMBER, 12, 14) == "+2"  # whole figures stay whole
    assert shown(Kind.COUNT, 3379720, 1687890) == "-1,691,830 (-50.1%)"
    assert shown(Kind.NUMBER, 3.5, 3.5) == "same"
    text = run([NURSES, "software-developers", "-s", "overview", "--full"], bundled=True).stdout
    assert "-1,697.2" in text


def test_the_oews_pay_rows_say_they_are_means() -> None:
    official = " ".join(run([NURSES, "software-developers", "--full"], bundled=True).stdout.split())
    assert "Yearly salary and hourly rate: BLS OEWS means (averages), not medians" in official
    assert (
        "Average salary and hourly rate: BLS OEWS means (averages), not medians; the "
        "median is the 50th percentile." in official
    )
    actors = " ".join(run(["show", "actors"], bundled=True).stdout.split())
    assert "Hourly rate: BLS OEWS mean (an average), not a median" in actors
    seed = run(["patient-account-coordinator", "collections-coordinator"]).stdout
    assert "OEWS means" not in seed and "Hourly rate" in seed


def test_an_annual_only_occupations_hourly_percentiles_say_why() -> None:
    """BLS publishes only annual wages for postsecondary teachers (25-1062): every hourly
    figure is null with BLS's footnote, the hourly percentiles as the hourly mean."""
    profile = _json("show", "area-ethnic-and-cultural-studies-teachers-postsecondary")
    assert profile["salary"]["percentiles"]["p50"] == 85020
    footnote = profile["unpublished"]["salary.hourly_rate"]
    assert footnote.startswith("Wages for some occupations that do not generally work")
    for key in ("p10", "p25", "p50", "p75", "p90"):
        assert profile["salary"]["hourly_percentiles"][key] is None
        assert profile["unpublished"][f"salary.hourly_percentiles.{key}"] == footnote
    text = " ".join(run(["show", "area-ethnic-and-cultural-studies-teachers-postsecondary",
                         "-s", "salary"], width=100, bundled=True).stdout.split())  # fmt: skip
    assert (
        "Hourly rate, hourly median of May 2025 and hourly percentiles — Wages for some "
        "occupations" in text
    )


def test_gambling_cashiers_take_the_cps_cashiers_row_with_its_note() -> None:
    """CPS "Cashiers" is OEWS's broad group 41-2010: it covers 41-2012, which has no CPS row
    of its own, as the documented crosswalk rule says (docs/mapping.md)."""
    profile = _json("show", "gambling-change-persons-and-booth-cashiers", "-s", "demographics")
    assert profile["demographics"]["women"] == 68.9
    assert profile["demographics"]["median_age"] == 25.8
    assert not any(key.startswith("demographics.") for key in profile["unpublished"])
    assert profile["notes"]["demographics"][-1] == (
        "The CPS row 'Cashiers' covers 2 OEWS occupations (41-2011, 41-2012); its figures "
        "are for all of them together."
    )
