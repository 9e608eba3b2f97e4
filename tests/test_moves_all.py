"""Issue 22's moves: every occupation ranked by skills (``--all-occupations``), the step in
entry education each move takes, ``--max-education`` and ``--same-zone``, O*NET's
interests (``--interests``, and in ``show``), and pay in an area (``--area``, ``--adjust``),
over the small store of real rows the moves tests share (tests/fixtures/moves/store.sql)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.areas import adjust
from jobcompare.engine.moves import (
    EDUCATION_COST,
    EDUCATION_LEVELS,
    MATCH_COST,
    education_change,
    education_level,
    find_moves,
    sort_moves,
)
from jobcompare.model import Role
from jobcompare.sources.skill_profiles import Profile, decode, decode_missing, similarity
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.conftest import error_box, flat, run, validate
from tests.htmltext import html_text as visible_text
from tests.test_moves import _raw, bundled_store, store, store_path

__all__ = ["bundled_store", "store", "store_path"]  # the shared fixtures

NURSES = "registered-nurses"
PRACTITIONERS = "29-1171"
PHYSICIANS = "29-1214"
#: The fixture's clinical fields: healthcare practitioners (29) and support (31).
CLINICAL = ("29", "31")


def _education(path: Path, soc: str) -> str:
    return str(_raw(path, "SELECT entry_education FROM ep_projection WHERE soc = ?", soc)[0][0])


def _profile(path: Path, code: str) -> Profile:
    ((soc, blob, missing),) = _raw(
        path, "SELECT soc, vector, suppressed FROM onet_skill_profile WHERE onet_code = ?", code
    )
    return Profile(code, soc, decode(blob), decode_missing(missing))


# -- the measure --------------------------------------------------------------------------


def test_similarity_is_the_cosine_over_the_ratings_both_have() -> None:
    a = Profile("a", "a", (0.6, 0.8, 0.0), frozenset({2}))  # its third rating suppressed
    b_raw = (3.0, 1.0, 2.0)
    length = math.sqrt(sum(v * v for v in b_raw))
    b = Profile("b", "b", tuple(v / length for v in b_raw))
    # The cosine of (0.6, 0.8) and (3, 1): the third rating is left out on both sides.
    expected = (0.6 * 3 + 0.8 * 1) / (1.0 * math.sqrt(10))
    assert similarity(a, b) == pytest.approx(expected)
    assert similarity(b, a) == pytest.approx(expected)
    assert similarity(b, b) == pytest.approx(1.0)
    nothing = Profile("c", "c", (0.0, 0.0, 1.0), frozenset({0, 1}))
    assert similarity(a, nothing) is None  # no rating in common to compare


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("Bachelor's degree", "Bachelor's degree"),
        ("bachelors", "Bachelor's degree"),
        ("BACHELOR", "Bachelor's degree"),
        ("master’s", "Master's degree"),
        ("high school", "High school diploma or equivalent"),
        ("doctoral or professional degree", "Doctoral or professional degree"),
        ("no formal", "No formal educational credential"),
    ],
)
def test_education_levels_are_blss_whatever_the_spelling(typed: str, level: str) -> None:
    assert education_level(typed) == level


@pytest.mark.parametrize("typed", ["phd", "", "degree", "college degree"])
def test_a_level_bls_does_not_use_is_refused_with_the_levels(typed: str) -> None:
    with pytest.raises(ValueError) as caught:
        education_level(typed)
    for level in EDUCATION_LEVELS:
        assert level in str(caught.value)


def test_every_entry_education_in_the_store_is_on_the_scale(store_path: Path) -> None:
    levels = {e for (e,) in _raw(store_path, "SELECT DISTINCT entry_education FROM ep_projection")}
    assert levels - {None} <= set(EDUCATION_LEVELS)
    assert education_change("Bachelor's degree", "Master's degree") == 1
    assert education_change("Bachelor's degree", "Doctoral or professional degree") == 2
    assert education_change("Bachelor's degree", "Postsecondary nondegree award") == -2
    assert education_change(None, "Master's degree") is None


# -- --all-occupations --------------------------------------------------------------------


def test_all_occupations_ranks_by_similarity_less_the_education_step(
    store: Store, store_path: Path
) -> None:
    nurses = official_role(store, NURSES)
    found = find_moves(store, nurses, all_occupations=True)
    mine = _profile(store_path, "29-1141.00")
    others = _raw(
        store_path,
        "SELECT onet_code FROM onet_skill_profile WHERE onet_code = soc || '.00' "
        "AND onet_code != '29-1141.00'",
    )
    assert found.scope == "all" and found.ranked == len(others)
    assert len(found.moves) == len(others)  # fewer than 20 in the fixture: all of them
    own = _education(store_path, "29-1141")
    for move in found.moves:
        assert move.soc is not None and move.tier is None
        expected = similarity(mine, _profile(store_path, move.onet_code))
        assert expected is not None and move.similarity == round(expected, 4)
        change = education_change(own, _education(store_path, move.soc))
        assert move.education_change == change
        assert move.match == round(expected - MATCH_COST * max(change or 0, 0), 4)
    # In its field (healthcare practitioners) first, then the others: each by match.
    inside = [m for m in found.moves if m.soc and m.soc.startswith("29-")]
    assert found.moves[: len(inside)] == tuple(inside)
    for group in (inside, found.moves[len(inside) :]):
        matches = [m.match or 0 for m in group]
        assert matches == sorted(matches, reverse=True)
    # The position is the rank by match over every occupation ranked.
    ranked = sorted(found.moves, key=lambda m: -(m.match or 0))
    assert [m.position for m in ranked] == list(range(1, len(ranked) + 1))


def test_rn_to_physician_ranks_below_rn_to_nurse_practitioner(
    store: Store, store_path: Path
) -> None:
    nurses = official_role(store, NURSES)
    found = find_moves(store, nurses, all_occupations=True)
    moves = {m.soc: m for m in found.moves}
    np_, doctor = moves[PRACTITIONERS], moves[PHYSICIANS]
    # On skills alone the physicians are as close or closer; their step is two levels of
    # entry education (Bachelor's -> Doctoral or professional), the practitioners' one.
    assert _education(store_path, PHYSICIANS) == "Doctoral or professional degree"
    assert _education(store_path, PRACTITIONERS) == "Master's degree"
    assert (np_.education_change, doctor.education_change) == (1, 2)
    assert doctor.similarity is not None and np_.similarity is not None
    assert doctor.similarity >= np_.similarity - MATCH_COST
    assert np_.match is not None and doctor.match is not None and np_.match > doctor.match
    assert found.moves.index(np_) < found.moves.index(doctor)
    # O*NET's related list, by gap: the same skill gap (8.60 each), one more level up.
    related = find_moves(store, nurses, by="gap")
    by_soc = {m.soc: m for m in related.moves}
    np_, doctor = by_soc[PRACTITIONERS], by_soc[PHYSICIANS]
    assert np_.gap.total == doctor.gap.total == 8.6
    assert np_.step == round(8.6 + EDUCATION_COST, 2)
    assert doctor.step == round(8.6 + 2 * EDUCATION_COST, 2)
    assert related.moves.index(np_) < related.moves.index(doctor)


def test_registered_nurses_see_moves_out_of_clinical_work(store: Store) -> None:
    found = find_moves(store, official_role(store, NURSES), all_occupations=True, top=4)
    assert len(found.moves) == 4
    fields = [m.soc[:2] for m in found.moves if m.soc]
    # Half in the role's own field, half out of it: here teaching and management.
    assert fields.count("29") == 2
    outside = [m for m in found.moves if m.soc and m.soc[:2] not in CLINICAL]
    assert {m.soc for m in outside} == {"11-9161", "25-2032"}
    assert {m.category for m in outside} == {"Management", "Educational Instruction and Library"}


def test_a_role_without_ratings_of_its_own_has_no_ranking(store: Store) -> None:
    aggregate = official_role(store, "clinical-laboratory-technologists-and-technicians")
    found = find_moves(store, aggregate, all_occupations=True)
    assert found.moves == ()
    assert found.reason is not None and "29-2011.00" in found.reason
    assert found.reason.startswith(
        "Clinical Laboratory Technologists and Technicians has no skill ratings of its own"
    )
    written = find_moves(store, Role("my-job", "My Job"), all_occupations=True)
    assert written.moves == () and written.reason is not None
    assert written.reason.startswith("My Job: a hand-written role has no SOC code")


# -- the filters --------------------------------------------------------------------------


def test_max_education_and_same_zone_leave_moves_out_and_say_so(
    store: Store, store_path: Path
) -> None:
    nurses = official_role(store, NURSES)
    everything = find_moves(store, nurses)
    capped = find_moves(store, nurses, max_education="Master's degree")
    assert [m.soc for m in capped.moves] == [m.soc for m in everything.moves if m.soc != PHYSICIANS]
    assert capped.left_out == (
        f"1 of O*NET's {len(everything.moves)} related occupations needs more than "
        "a master's degree (--max-education)",
    )
    same = find_moves(store, nurses, same_zone=True)
    zones = dict(_raw(store_path, "SELECT onet_code, job_zone FROM onet_job_zone"))
    kept = [m for m in everything.moves if zones.get(m.onet_code) == zones["29-1141.00"]]
    assert [m.onet_code for m in same.moves] == [m.onet_code for m in kept]
    assert all(m.job_zone_change == 0 for m in same.moves)
    if not kept:
        assert same.reason == "the filters leave none of them"
    wide = find_moves(store, nurses, all_occupations=True, max_education="Bachelor's degree")
    assert wide.moves and all(
        (m.education_change or 0) <= 0 for m in wide.moves
    )  # nurses enter with a bachelor's
    assert any("--max-education" in said for said in wide.left_out)


# -- interests ----------------------------------------------------------------------------


def _code(path: Path, onet_code: str) -> str:
    rows = _raw(
        path,
        "SELECT high_point_1, high_point_2, high_point_3 FROM onet_interest WHERE onet_code = ?",
        onet_code,
    )
    return "".join("RIASEC"[p - 1] for p in rows[0] if p)


def test_interests_keep_the_high_points_first(store: Store, store_path: Path) -> None:
    nurses = official_role(store, NURSES)
    plain = find_moves(store, nurses, all_occupations=True)
    found = find_moves(store, nurses, all_occupations=True, interests=True)
    assert found.role_interests == _code(store_path, "29-1141.00") == "SCI"
    for move in found.moves:
        letters = _code(store_path, move.onet_code)
        assert move.interests == letters
        assert move.interests_kept == len(set(letters) & set("SCI"))
    # Still grouped by field, the same moves in each group; within each, those keeping
    # more high points first, ties in the order by match.
    inside = sum(1 for m in plain.moves if m.in_field(nurses.soc))
    for start, end in ((0, inside), (inside, len(found.moves))):
        group, before = found.moves[start:end], plain.moves[start:end]
        assert {m.onet_code for m in group} == {m.onet_code for m in before}
        kept = [m.interests_kept or 0 for m in group]
        assert kept == sorted(kept, reverse=True)
        order = [m.onet_code for m in before]
        for count in set(kept):
            tied = [m.onet_code for m in group if (m.interests_kept or 0) == count]
            assert tied == [c for c in order if c in tied]
    # Sorted otherwise (not grouped), the preference is over the whole list.
    by_pay = find_moves(store, nurses, all_occupations=True, interests=True, by="pay")
    kept = [m.interests_kept or 0 for m in by_pay.moves]
    assert kept == sorted(kept, reverse=True) and len(set(kept)) > 1
    # An aggregate has none of its own: said, and the order kept.
    aggregate = official_role(store, "clinical-laboratory-technologists-and-technicians")
    parts = find_moves(store, aggregate, interests=True)
    assert parts.role_interests is None
    assert parts.interests_reason is not None and "no interests of its own" in (
        parts.interests_reason
    )


@pytest.mark.usefixtures("bundled_store")
def test_interests_in_show_and_full_comparisons(schema: dict[str, Any], store_path: Path) -> None:
    (row,) = _raw(
        store_path,
        "SELECT realistic, investigative, artistic, social, enterprising, conventional "
        "FROM onet_interest WHERE onet_code = '29-1141.00'",
    )
    document = json.loads(run(["show", NURSES, "--json"], bundled=True).stdout)
    validate(document, schema, "role")
    interests = document["skills"]["interests"]
    names = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
    assert tuple(interests[n] for n in names) == row
    assert interests["code"] == "SCI"
    shown = flat(run(["show", NURSES, "-s", "skills"], bundled=True, width=100).stdout)
    assert "Interests (O*NET, 1-7)" in shown and "Interest code (high points) SCI" in shown
    assert f"Social {row[3]:.2f}" in shown
    pair = [NURSES, "nursing-assistants"]
    concise = run(pair, bundled=True, width=100).stdout
    assert "Interest code" not in concise  # a detail row: --full and show only
    full = flat(run([*pair, "--full", "-s", "skills"], bundled=True, width=100).stdout)
    assert "Interest code (high points) SCI" in full
    records = list(csv.reader(io.StringIO(run([*pair, "-f", "csv"], bundled=True).stdout)))
    assert ["skills", "interests.code", "nursing-assistants", "SRC", "", ""] in records


# -- --area -------------------------------------------------------------------------------


def _ohio(path: Path, soc: str) -> int:
    rows = _raw(path, "SELECT annual_p50 FROM oews_pay WHERE soc = ? AND area = '3900000'", soc)
    return int(rows[0][0])


def test_area_medians_and_their_adjusted_difference(store: Store, store_path: Path) -> None:
    (ohio,) = [a for a in store.areas() if a.code == "3900000"]
    nurses = official_role(store, NURSES)
    found = find_moves(store, nurses, area=ohio, by="pay")
    assert found.area == ("Ohio", "3900000")
    assert found.area_median is not None and found.area_median.value == _ohio(store_path, "29-1141")
    for move in found.moves:
        assert move.soc is not None and move.area_median is not None
        assert move.area_median.value == _ohio(store_path, move.soc)
        assert move.area_difference == _ohio(store_path, move.soc) - _ohio(store_path, "29-1141")
    differences = [m.area_difference or 0 for m in found.moves]
    assert differences == sorted(differences, reverse=True)  # --by pay: the area's rise
    adjusted = find_moves(store, nurses, area=ohio, adjust=adjust)
    ((parity,),) = _raw(store_path, "SELECT all_items FROM rpp WHERE area = '3900000'")
    price = parity / 1000 / 100  # stored in thousandths, U.S. = 100
    own = round(_ohio(store_path, "29-1141") / price)
    assert adjusted.area_adjusted is not None and adjusted.area_adjusted.value == own
    for move in adjusted.moves:
        assert move.soc is not None and move.area_adjusted is not None
        theirs = round(_ohio(store_path, move.soc) / price)
        assert move.area_adjusted.value == theirs
        assert move.area_difference == theirs - own
    assert any("Regional Price Parities" in s for s in adjusted.sources)


# -- the command line, every format -------------------------------------------------------


@pytest.mark.usefixtures("bundled_store")
def test_all_occupations_in_every_format(schema: dict[str, Any]) -> None:
    args = ["moves", NURSES, "--all-occupations", "--top", "4", "--interests"]
    table = run(args, bundled=True, width=250)
    assert table.exit_code == 0, table.stderr
    text = flat(table.stdout)
    for expected in (
        "Match", "In its field: Healthcare Practitioners and Technical", "In other fields",
        "1. Nurse Practitioners", "Emergency Management Directors (11-9161; Management)",
        "Bachelor's degree → Master's degree (+1)", "Education step and skills to build",
        "Interests", "ISC (keeps 3 of 3)", "less 0.05 for each level of typical entry",
    ):  # fmt: skip
        assert expected in text, expected
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    validate(document, schema, "moves")
    assert document["scope"] == "all" and document["role"]["interests"] == "SCI"
    first = document["moves"][0]
    assert (first["soc"], first["tier"], first["education_change"]) == (PRACTITIONERS, None, 1)
    assert first["match"] == round(first["similarity"] - MATCH_COST, 4)
    records = list(csv.reader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    header = records[0]
    for column in ("education_change", "step", "similarity", "match", "interests", "category"):
        assert column in header
    body = [dict(zip(header, r, strict=True)) for r in records[1:] if r[0] != "sources"]
    assert [r["onet_code"] for r in body] == [m["onet_code"] for m in document["moves"]]
    assert body[0]["match"] == str(first["match"]) and body[0]["education_change"] == "1"
    markdown = run([*args, "-f", "markdown"], bundled=True).stdout
    assert "|  | Match | Median pay | Difference | Growth | Job zone | Gap |" in markdown
    assert "| In other fields: 3. Emergency Management Directors |" in markdown
    assert "Bachelor's degree → Master's degree (+1)" in markdown
    html = visible_text(run([*args, "-f", "html"], bundled=True).stdout)
    assert "Match" in html and "In other fields" in html and "ISC (keeps 3 of 3)" in html


@pytest.mark.usefixtures("bundled_store")
def test_by_gap_shows_the_step_in_every_format(schema: dict[str, Any]) -> None:
    args = ["moves", NURSES, "--by", "gap"]
    text = flat(run(args, bundled=True, width=100).stdout)
    assert "Step" in text and "12.60" in text and "16.60" in text
    assert text.index("Nurse Practitioners") < text.index("Emergency Medicine Physicians")
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    validate(document, schema, "moves")
    steps = {m["soc"]: m["step"] for m in document["moves"]}
    assert (steps[PRACTITIONERS], steps[PHYSICIANS]) == (12.6, 16.6)
    assert "12.60" in run([*args, "-f", "markdown"], bundled=True).stdout
    assert "16.60" in visible_text(run([*args, "-f", "html"], bundled=True).stdout)
    records = list(csv.reader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    step = records[0].index("step")
    assert {r[step] for r in records[1:] if r[0] != "sources"} >= {"12.6", "16.6"}


@pytest.mark.usefixtures("bundled_store")
def test_area_and_filters_in_every_format(schema: dict[str, Any], store_path: Path) -> None:
    args = ["moves", NURSES, "--area", "ohio", "--adjust", "--max-education", "master"]
    text = flat(run(args, bundled=True, width=120).stdout)
    assert "in Ohio" in text and "Adjusted" in text
    assert "needs more than a master's degree (--max-education)" in text
    assert "Emergency Medicine Physicians" not in text.split("Notes")[0]
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    validate(document, schema, "moves")
    assert document["filters"]["max_education"] == "Master's degree"
    assert document["area"]["code"] == "3900000"
    assert document["area"]["median_pay"] == _ohio(store_path, "29-1141")
    np_ = next(m for m in document["moves"] if m["soc"] == PRACTITIONERS)
    assert np_["area_median_pay"] == _ohio(store_path, PRACTITIONERS)
    assert np_["area_median_pay_difference"] == (
        np_["area_median_pay_adjusted"] - document["area"]["median_pay_adjusted"]
    )
    records = list(csv.reader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    header = records[0]
    row = next(r for r in records[1:] if r[header.index("soc")] == PRACTITIONERS)
    assert row[header.index("area_median_pay")] == str(_ohio(store_path, PRACTITIONERS))
    assert "Adjusted" in run([*args, "-f", "markdown"], bundled=True).stdout
    assert "Adjusted" in visible_text(run([*args, "-f", "html"], bundled=True).stdout)


@pytest.mark.usefixtures("bundled_store")
def test_bad_max_education_lists_blss_levels() -> None:
    result = run(["moves", NURSES, "--max-education", "phd"], bundled=True, width=200)
    assert result.exit_code == 2 and result.stdout == ""
    said = " ".join(error_box(result.stderr))
    assert "Invalid value for '--max-education': 'phd' is not one of BLS's typical" in said
    for level in EDUCATION_LEVELS:
        assert f"'{level}'" in said
    adjust = run(["moves", NURSES, "--adjust"], bundled=True, width=200)
    assert adjust.exit_code == 2 and "give the area with --area" in adjust.stderr
    unknown = run(["moves", NURSES, "--area", "atlantis"], bundled=True, width=200)
    assert unknown.exit_code == 2 and unknown.stdout == ""


@pytest.mark.usefixtures("bundled_store")
def test_a_parts_interests_are_never_the_wholes(schema: dict[str, Any], store_path: Path) -> None:
    aggregate = "clinical-laboratory-technologists-and-technicians"
    # The store keeps its parts' interests (29-2011.00, 29-2012.00) under 29-2010 ...
    assert _raw(store_path, "SELECT count(*) FROM onet_interest WHERE soc = '29-2010'")[0][0] > 0
    document = json.loads(run(["show", aggregate, "--json"], bundled=True).stdout)
    validate(document, schema, "role")
    # ... and shows none of them as the aggregate's: null, each with O*NET's reason.
    assert set(document["skills"]["interests"].values()) == {None}
    reasons = {k: v for k, v in document["unpublished"].items() if "interests" in k}
    assert len(reasons) == 7
    assert all(
        "29-2011.00" in v and "not this occupation as a whole" in v for v in reasons.values()
    )
    shown = flat(run(["show", aggregate, "-s", "skills"], bundled=True, width=200).stdout)
    assert "Technology skills and interests (ratings and code) — O*NET 30.3 rates only" in shown


@pytest.mark.parametrize("doc", ["README.md", "docs/moves.md"])
def test_the_moves_transcripts_are_real(doc: str) -> None:
    """The README's and docs/moves.md's moves transcripts, run on the bundled store at 80
    columns: every line shown is the command's, in order ("..." stands for lines left
    out)."""
    text = (Path(__file__).parent.parent / doc).read_text(encoding="utf-8")
    blocks = text.split("<!-- transcript:moves -->\n```console\n")[1:]
    assert blocks
    for block in blocks:
        command, shown = block.split("```\n<!-- /transcript:moves", 1)[0].split("\n", 1)
        result = run(command.removeprefix("$ jobcompare ").split(), width=80, bundled=True)
        assert result.exit_code == 0, result.stderr
        printed = result.stdout.splitlines()
        at = 0
        for line in shown.splitlines():
            if line == "...":
                continue
            assert line in printed[at:], (command, line)
            at = printed.index(line, at) + 1


def test_an_area_without_an_estimate_or_a_price_parity_says_so(store: Store) -> None:
    (area,) = [a for a in store.areas() if a.code == "3900001"]
    found = find_moves(store, official_role(store, NURSES), area=area, adjust=adjust)
    assert found.area_median is not None and found.area_median.value is not None
    assert found.parity is not None and found.parity.reason is not None
    assert "nonmetropolitan" in found.parity.reason
    assert found.area_adjusted is None  # never a guess at a parity
    for move in found.moves:
        # BLS has no estimate for the moves there: no figure, no difference, said so.
        assert move.area_median is None and move.area_difference is None
        assert any("BLS publishes no May 2025 estimate" in r for r in move.reasons)
    # By pay in the area: none has a rise there, so O*NET's order stays (never the
    # national rise in its place).
    by_pay = find_moves(store, official_role(store, NURSES), area=area, by="pay")
    assert [m.position for m in by_pay.moves] == sorted(m.position for m in by_pay.moves)
    assert sort_moves(found.moves, "pay", local=True) == list(found.moves)
    national = [m.soc for m in sort_moves(found.moves, "pay")]
    assert national != [m.soc for m in found.moves]  # the national rise orders them


def test_interests_reorder_within_a_tier_and_each_tier_is_said_once() -> None:
    # O*NET's order with --interests: moves keeping more high points come first inside
    # their tier; no tier's heading comes twice.
    from tests.conftest import run

    page = run(["moves", "registered-nurses", "--interests"], width=120, bundled=True).stdout
    tiers = [line.strip() for line in page.splitlines()
             if line.strip() in ("Primary-Short", "Primary-Long", "Supplemental")]  # fmt: skip
    assert tiers == ["Primary-Short", "Primary-Long", "Supplemental"]
    assert "within it those keeping more of the interest high points" in " ".join(page.split())
