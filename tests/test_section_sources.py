"""Each role's source and the Sources list credit what the sections shown use: the O*NET
description's credit only with the overview, which shows the description; O*NET 30.3 once
for its other figures (duties, technology skills) when shown without it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import run

PAIR = ["registered-nurses", "cashiers"]
OUTPUTS = ([], ["-f", "markdown"], ["-f", "html"], ["-f", "csv"], ["--json"])
DESCRIBED = "description from the O*NET 30.3 Database"
ONET_303 = "O*NET 30.3 Database"


def _text(args: list[str]) -> str:
    result = run(args, bundled=True, width=100)
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.replace("\\*", "*").split())  # Markdown escapes *


def _roles(args: list[str]) -> list[dict[str, Any]]:
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    return list(document["roles"]) if "roles" in document else [document]


@pytest.mark.parametrize("section", ["salary", "demographics", "education"])
@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: " ".join(o) or "table")
def test_no_description_credit_without_the_overview(section: str, output: list[str]) -> None:
    text = _text([*PAIR, "-s", section, *output])
    assert DESCRIBED not in text
    assert "OEWS" in text
    for args in ([*PAIR, "-s", section], ["show", PAIR[0], "-s", section]):
        for role in _roles(args):
            assert DESCRIBED not in role["source"]
            assert role["source"].startswith("U.S. Bureau of Labor Statistics, Occupational")


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: " ".join(o) or "table")
def test_onet_figures_without_the_overview_credit_onet_once(output: list[str]) -> None:
    text = _text([*PAIR, "-s", "duties", *output])
    assert DESCRIBED not in text
    assert "This product includes information from the O*NET 30.3 Database" in text
    for role in _roles([*PAIR, "-s", "duties"]):
        assert role["source"].count(ONET_303) == 1


def test_the_overview_keeps_the_description_credit_and_the_whole_view_is_unchanged() -> None:
    for args in ([*PAIR, "-s", "overview"], PAIR, ["show", PAIR[0]]):
        for role in _roles(args):
            assert DESCRIBED in role["source"]
            assert role["source"].count(ONET_303) == 1  # one credit, not two
    whole = _roles(PAIR)[0]["source"]
    assert whole.index("OEWS") < whole.index(DESCRIBED) < whole.index("Employment Projections")
