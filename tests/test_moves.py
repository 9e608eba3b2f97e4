"""``jobcompare moves``, the skill gap block, and the command line's name resolution, over
a small store of real rows (tests/fixtures/moves/store.sql) put in place of the bundled
one."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.moves import (
    EDUCATION_COST,
    IMPORTANT,
    find_moves,
    role_gap,
    sort_moves,
)
from jobcompare.importers.search_index import build_search_index
from jobcompare.sources import store as store_module
from jobcompare.sources import title_keys
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.conftest import SEED, flat, run, validate

FIXTURE = Path(__file__).parent / "fixtures" / "moves" / "store.sql"
CLERKS = "billing-and-posting-clerks"
COLLECTORS = "bill-and-account-collectors"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("moves") / "store.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript("BEGIN;\n" + FIXTURE.read_text(encoding="utf-8") + "COMMIT;\n")
    build_search_index(conn)
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def bundled_store(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fixture store as the bundled one, for the command line."""
    monkeypatch.setattr(store_module, "bundled_store_path", lambda: store_path)
    yield store_path


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    opened = Store(store_path)
    yield opened
    opened.close()


def _raw(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Straight from the fixture, to check what the engine computed."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _median(path: Path, soc: str) -> int:
    rows = _raw(path, "SELECT annual_p50 FROM oews_pay WHERE soc = ? AND area = '0000000'", soc)
    return int(rows[0][0])


def _levels(path: Path, code: str) -> dict[str, tuple[float, float]]:
    rows = _raw(
        path, "SELECT element_name, scale_id, value FROM onet_skill WHERE onet_code = ?", code
    )
    out: dict[str, dict[str, float]] = {}
    for name, scale, value in rows:
        out.setdefault(name, {})[scale] = value
    return {name: (s["IM"], s["LV"]) for name, s in out.items()}


# -- the engine ---------------------------------------------------------------------------


def test_moves_follow_onets_order_with_the_figures_of_each(store: Store, store_path: Path) -> None:
    role = official_role(store, CLERKS)
    found = find_moves(store, role)
    related = _raw(
        store_path,
        "SELECT related_onet_code, tier, position FROM onet_related WHERE soc = '43-3021' "
        "ORDER BY position",
    )
    assert [(m.onet_code, m.tier, m.position) for m in found.moves] == related
    own = _median(store_path, "43-3021")
    for move in found.moves:
        assert move.soc is not None
        assert move.median is not None and move.median.value == _median(store_path, move.soc)
        assert move.difference == _median(store_path, move.soc) - own
        (growth, education), *_ = _raw(
            store_path,
            "SELECT percent_change, entry_education FROM ep_projection WHERE soc = ?",
            move.soc,
        )
        assert (move.growth, move.education) == (growth, education)
    accountants = next(m for m in found.moves if m.soc == "13-2011")
    zones = dict(_raw(store_path, "SELECT onet_code, job_zone FROM onet_job_zone"))
    assert accountants.job_zone == zones["13-2011.00"]
    assert accountants.job_zone_change == zones["13-2011.00"] - zones["43-3021.00"] != 0


def test_the_skill_gap_rises_on_the_skills_important_in_the_new_job(
    store: Store, store_path: Path
) -> None:
    found = find_moves(store, official_role(store, CLERKS))
    accountants = next(m for m in found.moves if m.soc == "13-2011")
    gap = accountants.gap
    have, want = _levels(store_path, "43-3021.00"), _levels(store_path, "13-2011.00")
    important = {name for name, (im, _) in want.items() if im >= IMPORTANT}
    assert {c.name for c in (*gap.build, *gap.carry)} == important
    for change in (*gap.build, *gap.carry):
        assert change.level_from == have[change.name][1]
        assert change.level_to == want[change.name][1]
        assert change.importance == want[change.name][0]
    assert gap.build and all(c.rise > 0 for c in gap.build)
    assert all(c.rise <= 0 for c in gap.carry)
    rises = [c.rise for c in gap.build]
    assert rises == sorted(rises, reverse=True)
    assert gap.total == round(sum(rises), 2)


def test_a_move_without_skill_ratings_says_why(store: Store) -> None:
    found = find_moves(store, official_role(store, CLERKS))
    sales = next(m for m in found.moves if m.soc == "41-3091")
    assert sales.gap.total is None
    assert sales.gap.reason == (
        "O*NET 30.1 has no skill ratings for Sales Representatives of Services, Except "
        "Advertising, Insurance, Financial Services, and Travel (41-3091.00)"
    )


def test_sorting_and_top(store: Store) -> None:
    moves = find_moves(store, official_role(store, CLERKS)).moves
    by_pay = [m.difference for m in sort_moves(moves, "pay")]
    assert by_pay == sorted(by_pay, key=lambda d: -(d or 0))
    by_gap = sort_moves(moves, "gap")
    # The step: the gap plus EDUCATION_COST a level of entry education up.
    steps = [m.step for m in by_gap if m.step is not None]
    assert steps == sorted(steps) and by_gap[-1].gap.total is None  # no ratings: last
    for move in by_gap[:-1]:
        assert move.gap.total is not None and move.education_change is not None
        up = max(move.education_change, 0)
        assert move.step == round(move.gap.total + EDUCATION_COST * up, 2)
    assert any(m.education_change for m in by_gap)  # the step counts somewhere here
    by_growth = [m.growth or 0 for m in sort_moves(moves, "growth")]
    assert by_growth == sorted(by_growth, reverse=True)
    top = find_moves(store, official_role(store, CLERKS), by="pay", top=2).moves
    assert [m.onet_code for m in top] == [m.onet_code for m in sort_moves(moves, "pay")[:2]]
    with pytest.raises(ValueError, match="cannot sort by"):
        find_moves(store, official_role(store, CLERKS), by="fame")


def test_related_occupations_under_the_roles_own_code_are_left_out(store: Store) -> None:
    found = find_moves(store, official_role(store, "registered-nurses"))
    # The fixture has three of its related occupations under other codes, in O*NET's order.
    assert [m.soc for m in found.moves] == ["29-1171", "31-1131", "29-1214"]
    assert found.same_code[0] == "Acute Care Nurses (29-1141.01)"
    assert len(found.same_code) == 4


def test_the_gap_between_two_roles(store: Store) -> None:
    clerks, collectors = official_role(store, CLERKS), official_role(store, COLLECTORS)
    gap = role_gap(store, clerks, collectors)
    assert (gap.from_code, gap.to_code) == ("43-3021.00", "43-3011.00")
    assert gap.reason is None and gap.build
    aggregate = official_role(store, "clinical-laboratory-technologists-and-technicians")
    assert role_gap(store, clerks, aggregate).reason == (
        "Clinical Laboratory Technologists and Technicians: O*NET 30.3 rates only "
        "occupations within this one (29-2011.00 Medical and Clinical Laboratory "
        "Technologists and 29-2012.00 Medical and Clinical Laboratory Technicians), not this "
        "occupation as a whole"
    )


def test_a_level_flagged_not_relevant_counts_as_published(store: Store, store_path: Path) -> None:
    # docs/moves.md: a level O*NET flags "Not Relevant" is used as published (the store
    # keeps it). Accountants' Operation and Control (0.5) and Troubleshooting (0.0) levels
    # are such; both are important (3 or more) for truck drivers.
    flagged = dict(
        _raw(
            store_path,
            "SELECT element_name, value FROM onet_skill WHERE onet_code = '13-2011.00' "
            "AND scale_id = 'LV' AND not_relevant = 'Y'",
        )
    )
    assert flagged["Operation and Control"] == 0.5 and flagged["Troubleshooting"] == 0.0
    accountants = official_role(store, "accountants-and-auditors")
    drivers = official_role(store, "heavy-and-tractor-trailer-truck-drivers")
    gap = role_gap(store, accountants, drivers)
    changes = {c.name: c for c in (*gap.build, *gap.carry)}
    for name in ("Operation and Control", "Troubleshooting"):
        assert changes[name].level_from == flagged[name]
        assert name not in gap.suppressed
    assert gap.total == round(sum(c.rise for c in gap.build), 2)


def test_a_move_to_a_more_specific_occupation_has_its_own_zone_and_skills(
    store: Store, store_path: Path
) -> None:
    found = find_moves(store, official_role(store, "nursing-assistants"))
    acute = next(m for m in found.moves if m.onet_code == "29-1141.01")
    zone = _raw(store_path, "SELECT job_zone FROM onet_job_zone WHERE onet_code = '29-1141.01'")
    assert acute.job_zone == zone[0][0]
    assert acute.job_zone_change is not None
    assert acute.gap.reason is None and acute.gap.total is not None
    assert acute.gap.to_code == "29-1141.01"
    # Its pay is Registered Nurses' (OEWS publishes none for Acute Care Nurses): said so.
    assert acute.part_of == "Registered Nurses" and acute.soc == "29-1141"
    assert all(m.part_of is None for m in found.moves if m.onet_code.endswith(".00"))


@pytest.mark.usefixtures("bundled_store")
def test_a_parts_pay_is_marked_and_a_shared_reason_said_once() -> None:
    text = flat(run(["moves", "nursing-assistants"], width=200, bundled=True).stdout)
    assert "1. Acute Care Nurses* " in text and "(within Registered" in text
    assert "* An O*NET occupation within an OEWS occupation: its median pay" in text
    document = json.loads(run(["moves", "nursing-assistants", "--json"], bundled=True).stdout)
    parts = {m["onet_code"]: m["part_of"] for m in document["moves"]}
    assert parts["29-1141.01"] == "Registered Nurses"


def test_a_role_rated_only_as_parts_has_no_zone_of_its_own(store: Store) -> None:
    aggregate = official_role(store, "clinical-laboratory-technologists-and-technicians")
    found = find_moves(store, aggregate)
    assert found.job_zone is None
    assert found.parts is not None and "29-2011.00" in found.parts
    # Each related occupation named once, though both parts relate to it.
    assert len(found.same_code) == len(set(found.same_code))


# -- the command line ---------------------------------------------------------------------


@pytest.mark.usefixtures("bundled_store")
def test_moves_in_every_format(schema: dict[str, Any]) -> None:
    table = run(["moves", CLERKS], bundled=True, width=100)
    assert table.exit_code == 0, table.stderr
    text = flat(table.stdout)
    expected_texts = (
        "Where Billing and Posting Clerks can lead", "Bookkeeping,", "Primary-Short",
        "Supplemental", "Skills that rise most", "O*NET 30.1 Database", "O*NET 30.3 Database",
        "Employment Projections",
    )  # fmt: skip
    for expected in expected_texts:
        assert expected in text, expected
    document = json.loads(run(["moves", CLERKS, "--json"], bundled=True).stdout)
    validate(document, schema, "moves")
    assert [m["position"] for m in document["moves"]] == [1, 8, 12, 20]
    records = list(
        csv.reader(io.StringIO(run(["moves", CLERKS, "-f", "csv"], bundled=True).stdout))
    )
    assert records[0][:3] == ["position", "tier", "onet_code"]
    assert [r[2] for r in records[1:5]] == [m["onet_code"] for m in document["moves"]]
    assert records[1][6] == str(document["moves"][0]["median_pay"])
    markdown = run(["moves", CLERKS, "-f", "markdown", "--by", "pay", "--top", "2"], bundled=True)
    assert markdown.stdout.startswith("# Where Billing and Posting Clerks can lead")
    assert markdown.stdout.count("| 1") + markdown.stdout.count("| 8") >= 1
    by_pay = json.loads(
        run(["moves", CLERKS, "--json", "--by", "pay", "-n", "2"], bundled=True).stdout
    )
    assert len(by_pay["moves"]) == 2 and by_pay["sort"] == "pay"
    assert by_pay["moves"][0]["soc"] == "13-2011"  # the largest rise in median pay


@pytest.mark.usefixtures("bundled_store")
def test_moves_of_a_seed_role_says_why_there_are_none(schema: dict[str, Any]) -> None:
    result = run(["moves", "patient-account-coordinator", "--json"], bundled=True)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    validate(document, schema, "moves")
    assert document["moves"] == []
    assert document["reason"] == (
        "Patient Account Coordinator: a hand-written role has no SOC code, so O*NET has no "
        "skill ratings for it, nor related occupations; its nearest official occupation is "
        "Bill and Account Collectors (43-3011): jobcompare moves bill-and-account-collectors"
    )


@pytest.mark.usefixtures("bundled_store")
def test_two_official_roles_get_a_skill_gap_block(schema: dict[str, Any]) -> None:
    shown = run([CLERKS, COLLECTORS, "--full"], bundled=True, width=100)
    assert shown.exit_code == 0, shown.stderr
    text = flat(shown.stdout)
    assert "Skill gap From Billing and Posting Clerks to Bill and Account Collectors" in text
    assert "Skills to build Skills that carry over" in text
    assert "O*NET 30.1 Database" in text
    document = json.loads(run([CLERKS, COLLECTORS, "--json"], bundled=True).stdout)
    validate(document, schema)
    assert document["skill_gap"]["from"] == "43-3021.00"
    assert document["skill_gap"]["build"]
    rows = list(
        csv.reader(io.StringIO(run([CLERKS, COLLECTORS, "-f", "csv"], bundled=True).stdout))
    )
    gap_rows = [r for r in rows if r[0] == "skill_gap"]
    assert ["skill_gap", "gap", "", f"{document['skill_gap']['gap']:g}", "level", ""] in gap_rows
    # Only with the skills section.
    salary = json.loads(run([CLERKS, COLLECTORS, "--json", "-s", "salary"], bundled=True).stdout)
    assert "skill_gap" not in salary


@pytest.mark.usefixtures("bundled_store")
def test_the_seed_pair_gets_no_skill_gap_and_a_mixed_pair_says_why() -> None:
    seed = run([*SEED], bundled=True)
    assert seed.exit_code == 0
    assert "Skill gap" not in seed.stdout
    assert "skill_gap" not in json.loads(run([*SEED, "--json"], bundled=True).stdout)
    mixed = flat(run([SEED[0], COLLECTORS, "-s", "skills"], bundled=True).stdout)
    assert (
        "No skill gap: Patient Account Coordinator: a hand-written role has no SOC code, so "
        "O*NET has no skill ratings for it." in mixed
    )


@pytest.mark.usefixtures("bundled_store")
def test_names_people_use_with_the_note_on_stderr() -> None:
    cases = {
        "registered nurse": "'registered nurse' → Registered Nurses (29-1141)",
        "RN": "'RN' → Registered Nurses (29-1141), by O*NET alternate title "
        "'Registered Nurse (RN)'",
        "CEO": "'CEO' → Chief Executives (11-1011), by O*NET alternate and reported title "
        "'CEO (Chief Executive Officer)'",
        "medical biller": "'medical biller' → Billing and Posting Clerks (43-3021), by O*NET "
        "alternate and reported title 'Medical Biller'",
    }
    for typed, note in cases.items():
        result = run(["show", typed, "-s", "salary"], bundled=True)
        assert result.exit_code == 0, (typed, result.stderr)
        assert result.stderr == note + "\n"
    by_slug = run(["show", CLERKS, "-s", "salary"], bundled=True)
    assert by_slug.stderr == ""


@pytest.mark.usefixtures("bundled_store")
def test_a_seed_profile_names_its_nearest_official_occupation(schema: dict[str, Any]) -> None:
    shown = flat(run(["show", "collections-coordinator", "-s", "salary"], bundled=True).stdout)
    assert (
        "Nearest official occupation: Bill and Account Collectors (43-3011), its title is the "
        "O*NET alternate title 'Collections Coordinator'. Its official figures: jobcompare "
        "show bill-and-account-collectors" in shown
    )
    document = json.loads(
        run(["show", "patient-account-coordinator", "--json"], bundled=True).stdout
    )
    validate(document, schema, "role")
    assert document["nearest_occupation"] == {
        "slug": COLLECTORS,
        "title": "Bill and Account Collectors",
        "soc": "43-3011",
        "how": "first search hit for 'Patient Account', by O*NET alternate title "
        "'Patient Account Representative'",
    }
    # The seed page's own figures are untouched.
    assert document["salary"]["average_salary"] == 35695


@pytest.mark.usefixtures("bundled_store")
def test_search_and_list_search_are_one_command(schema: dict[str, Any]) -> None:
    found = run(["search", "medical biller", "--json"], bundled=True)
    assert found.exit_code == 0
    hits = json.loads(found.stdout)
    validate(hits, schema, "search_results")
    assert hits[0]["slug"] == CLERKS and hits[0]["matched"] == "Medical Biller"
    assert (
        run(["list", "--search", "medical biller", "--json"], bundled=True).stdout == found.stdout
    )
    text = run(["search", "medical biller"], bundled=True, width=120).stdout
    assert text.splitlines()[0].split() == ["Slug", "SOC", "Title", "Matched"]
    nothing = run(["search", "zzyzx"], bundled=True)
    # A message, not a result: on stderr, so stdout holds results only (issue 13).
    assert (nothing.stdout, nothing.stderr) == ("", "No role matches 'zzyzx'.\n")
    limited = json.loads(run(["search", "clerk", "--json", "--limit", "1"], bundled=True).stdout)
    assert len(limited) == 1


@pytest.mark.usefixtures("bundled_store")
def test_search_without_fts5_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:

    queries = ["medical biller", "nurs reg", "truck", "43-30", "chief exec"]
    with_fts = [run(["search", q, "--json"], bundled=True).stdout for q in queries]
    monkeypatch.setattr(title_keys, "fts5_available", lambda conn: False)
    without = [run(["search", q, "--json"], bundled=True).stdout for q in queries]
    assert without == with_fts
    assert all(json.loads(found) for found in with_fts)
