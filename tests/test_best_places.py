"""Where an occupation is paid best: named as what it is, with BLS's figure (issue 13)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

from jobcompare.sources.store import bundled_store_path
from tests.conftest import SEED, flat, run, validate


def _sql(query: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{bundled_store_path()}?mode=ro", uri=True) as db:
        return db.execute(query, args).fetchall()


def test_the_best_paid_places_carry_their_average_wage(schema: dict[str, Any]) -> None:
    result = run(["all-occupations", "registered-nurses", "--json", "-s", "salary"],
                 bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    validate(document, schema)
    everyone, nurses = (r["salary"] for r in document["roles"])
    # The District of Columbia pays all occupations best: said to be no state, with its
    # figure as the store holds it (BLS OEWS), and the best of the 50 states beside it.
    ((dc_mean,),) = _sql(
        "SELECT p.annual_mean FROM oews_pay p JOIN area a ON a.code = p.area "
        "WHERE p.soc = '00-0000' AND a.district = 1"
    )
    assert everyone["highest_paying_state_or_area"] == {
        "name": "District of Columbia", "kind": "district", "average_salary": dc_mean,
    }  # fmt: skip
    ((state, state_mean),) = _sql(
        "SELECT a.name, p.annual_mean FROM oews_pay p JOIN area a ON a.code = p.area "
        "WHERE p.soc = '00-0000' AND a.type = 'state' AND a.district = 0 AND a.territory = 0 "
        "ORDER BY p.annual_mean DESC LIMIT 1"
    )
    assert everyone["highest_paying_of_50_states"] == {
        "name": state, "kind": "state", "average_salary": state_mean,
    }  # fmt: skip
    # A metro area is called a metro area; its figure is that area's mean.
    metro = nurses["highest_paying_metro"]
    ((metro_mean,),) = _sql(
        "SELECT p.annual_mean FROM oews_pay p JOIN area a ON a.code = p.area "
        "WHERE p.soc = '29-1141' AND a.name = ? AND a.type = 'metro'",
        metro["name"],
    )
    assert (metro["kind"], metro["average_salary"]) == ("metro", metro_mean)
    assert nurses["highest_paying_of_50_states"] is None  # the top state is a state
    assert nurses["highest_paying_city"] is None  # no "city" for an official role


def test_tables_name_the_place_and_show_the_figure() -> None:
    output = flat(run(["all-occupations", "registered-nurses", "-s", "salary", "--full"],
                      width=120, bundled=True).stdout)  # fmt: skip
    assert "Highest paying metro area" in output
    assert "Highest paying city" not in output
    profile = run(["show", "all-occupations", "-s", "salary"], width=120, bundled=True).stdout
    assert "District of Columbia (not a state): $" in profile
    assert "Highest paying of the 50 states" in output
    assert "Highest paying: where BLS's average (mean) annual wage" in output
    rows = list(csv.reader(io.StringIO(run(["all-occupations", "registered-nurses", "-f",
                                            "csv"], bundled=True).stdout)))  # fmt: skip
    fields = {(r[1], r[2]): r[3] for r in rows[1:] if r[0] == "salary"}
    assert fields[("highest_paying_state_or_area.kind", "all-occupations")] == "district"
    assert fields[("highest_paying_metro.average_salary", "registered-nurses")].isdigit()


def test_seed_roles_keep_their_pages_city_and_state() -> None:
    output = run([*SEED, "-s", "salary"]).stdout
    assert "Highest paying city" in output and "New York, NY" in output
    assert "Highest paying metro area" not in output
