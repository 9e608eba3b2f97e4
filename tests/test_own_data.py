"""--data adds the user's roles to the bundled ones; --only-data uses them alone (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import flat, run

MINE = """\
[roles.data-analyst]
title = "Data Analyst"
category = "Computer and mathematical"

[roles.data-analyst.salary]
average = 83000
hourly = 39.90
"""


def _mine(tmp_path: Path, text: str = MINE) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_own_role_beside_an_official_one(tmp_path: Path) -> None:
    mine = _mine(tmp_path)
    result = run(["--data", str(mine), "data-analyst", "data-scientists", "--json", "-s",
                  "salary"], bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    roles = json.loads(result.stdout)["roles"]
    assert [r["slug"] for r in roles] == ["data-analyst", "data-scientists"]
    assert roles[0]["salary"]["average_salary"] == 83000
    assert roles[1]["soc"] == "15-2051"
    # The seed roles are still there, and so is every official one.
    listed = json.loads(run(["list", "--json", "--data", str(mine)], bundled=True).stdout)
    slugs = {r["slug"] for r in listed}
    assert {"data-analyst", "patient-account-coordinator", "registered-nurses"} <= slugs


def test_environment_variable_adds_too(tmp_path: Path) -> None:
    mine = _mine(tmp_path)
    result = run(["data-analyst", "registered-nurses", "-s", "salary"], bundled=True,
                 env={"JOBCOMPARE_DATA": str(mine)})  # fmt: skip
    assert result.exit_code == 0, result.stderr


def test_only_data_uses_the_given_roles_alone(tmp_path: Path) -> None:
    mine = _mine(tmp_path, MINE + MINE.replace("data-analyst", "analyst-two"))
    alone = run(["--only-data", "--data", str(mine), "data-analyst", "data-scientists"],
                bundled=True)  # fmt: skip
    assert alone.exit_code == 2
    assert "data-scientists" in flat(alone.stderr)
    listed = json.loads(
        run(["list", "--json", "--data", str(mine), "--only-data"], bundled=True).stdout
    )
    assert [r["slug"] for r in listed] == ["data-analyst", "analyst-two"]


def test_a_slug_that_clashes_with_an_official_role_names_both_files(tmp_path: Path) -> None:
    mine = _mine(tmp_path, MINE + '\n[roles.registered-nurses]\ntitle = "Nurse"\n')
    result = run(["--data", str(mine), "data-analyst", "actors"], bundled=True)
    assert result.exit_code == 1
    assert result.stdout == ""
    message = flat(result.stderr)
    assert f"{mine}:9: role 'registered-nurses': duplicate slug: already defined in" in message
    assert "jobcompare.sqlite (an official role)" in message


def test_a_slug_that_clashes_with_a_seed_role_names_both_files(tmp_path: Path) -> None:
    mine = _mine(tmp_path, '[roles.collections-coordinator]\ntitle = "Mine"\n')
    result = run(["--data", str(mine), "list"], bundled=True)
    assert result.exit_code == 1
    message = flat(result.stderr)
    assert f"{mine}:1: role 'collections-coordinator': duplicate slug" in message
    assert "roles.toml" in message
