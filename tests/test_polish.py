"""Fixes from a new user's trial of the integrated tool: figures that must not depend on
the company a role keeps, reasons for every missing figure, filtered notes, readable
moves, and the same formatting everywhere."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from tests.conftest import run

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
