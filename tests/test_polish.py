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
    reason = profile["unpublished"]["skills.level.Programming"]
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
        run([NURSES, "software-developers", "-s", "skills"], bundled=True).stdout.split()
    )
    assert "suppresses their rating (Recommend Suppress = Y: low precision): Operations " in text
    moves = " ".join(run(["moves", "web-developers"], bundled=True).stdout.split())
    assert "Software Developers: left out of the gap, as O*NET suppresses" in moves


def test_section_filters_the_not_published_notes_and_sources() -> None:
    args = ["actors", NURSES, "-s", "salary"]
    for output in ([], ["-f", "markdown"], ["-f", "html"], ["-f", "csv"], ["--json"]):
        text = " ".join(run([*args, *output], bundled=True).stdout.split())
        assert "Wages for some occupations" in text  # the salary note stays
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
    assert list(skills["unpublished"]) == ["skills.level.Programming"]
    assert "O*NET 30.1" in skills["source"] and "OEWS" in skills["source"]
    assert "Current Population Survey" not in skills["source"]
    # All sections: the whole source line, as before.
    whole = _json("show", "software-developers")["source"]
    assert "Current Population Survey" in whole and "O*NET 30.1" in whole
