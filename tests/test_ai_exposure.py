"""The published AI exposure measures end to end (docs/ai-exposure.md): read from a store
built from the fixture files, shown as "score · higher than N%" (rounded down), carried
whole by JSON and CSV, explained in the notes, credited, and said as a key difference
only where the roles differ markedly."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from jobcompare.engine.compare import compare
from jobcompare.engine.keydiff import key_differences
from jobcompare.importers._write import ALL_IMPORTERS, build_store
from jobcompare.model import Citation, Exposure, Overview, Role
from jobcompare.output.blocks import Document
from jobcompare.output.cells import cell
from jobcompare.output.options import Options
from jobcompare.output.terminal import draw
from jobcompare.output.views.comparison import data, document, records
from jobcompare.registry.fields import Kind
from jobcompare.registry.section import Section
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.conftest import flat, run, validate

ROOT = Path(__file__).parent / "fixtures"
GPTS = "GPTs are GPTs (Eloundou et al., 2024; MIT)"
WWAI = "Working with AI (Tomlinson et al., 2025; CC BY 4.0)"


def plain(document: Document) -> str:
    """The page as a terminal 100 wide shows it, its white space single (conftest.flat)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, highlight=False, markup=False, color_system=None)
    console.file.write(draw.text(console, draw.document(document)))
    return flat(buffer.getvalue())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    out = tmp_path_factory.mktemp("ai") / "jobcompare.sqlite"
    build_store(ROOT, out, ALL_IMPORTERS)
    return Store(out)


# -- the figure ------------------------------------------------------------------------------


def test_the_rank_is_rounded_down_never_past_the_truth() -> None:
    assert Exposure(0.5, 660, 923).higher_than == 71  # 71.5%
    assert Exposure(0.87, 904, 923).higher_than == 97  # 97.9%
    assert Exposure(0.0, 0, 923).higher_than == 0
    assert Exposure(0.99, 922, 923).higher_than == 99  # the highest is never "100%"


def test_a_cell_shows_two_decimals_and_the_rank() -> None:
    assert cell(Kind.EXPOSURE, Exposure(0.8684210526315789, 904, 923)) == "0.87 · higher than 97%"
    assert cell(Kind.EXPOSURE, Exposure(0.19999999999999998, 2, 14)) == "0.20 · higher than 14%"
    assert cell(Kind.EXPOSURE, None) == "—"


# -- read from the store --------------------------------------------------------------------


def test_a_role_has_each_measure_with_its_rank_and_source(store: Store) -> None:
    clerks = official_role(store, "billing-and-posting-clerks")
    overview = clerks.overview
    assert overview.ai_gpt4_beta == Exposure(0.7738095238095237, 12, 14)
    assert overview.ai_human_beta == Exposure(0.41666666666666663, 11, 14)
    assert overview.ai_applicability == Exposure(0.22938334807061106, 6, 10)
    labels = {c.label for c in clerks.citations.values()}
    assert {GPTS, WWAI} <= labels
    assert not [p for p in clerks.unpublished if "ai_" in p]


def test_a_missing_measure_says_why(store: Store) -> None:
    actors = official_role(store, "actors")
    assert actors.overview.ai_gpt4_beta is None and actors.overview.ai_applicability is None
    assert actors.unpublished["overview.ai_gpt4_beta"] == (
        f"{GPTS}: not rated by the paper (none of its 14 O*NET-SOC occupations is this one "
        "or within it)"
    )
    assert actors.unpublished["overview.ai_applicability"].startswith(f"{WWAI}: not rated")
    assert "gpts-are-gpts" not in actors.citations  # no figure of it, no credit
    # Rated only as a more specific occupation: withheld, the part named.
    helpers = official_role(store, "helpers-production-workers-51-9199")
    assert helpers.soc == "51-9199"
    assert helpers.overview.ai_human_beta is None
    assert (
        "rates only occupations within this one (51-9199.01 "
        in (helpers.unpublished["overview.ai_human_beta"])
    )


def test_sources_lists_both_papers_and_prints_the_mit_notice(store: Store) -> None:
    found = {s.key: s for s in store.sources()}
    gpts, wwai = found["gpts-are-gpts"], found["working-with-ai"]
    assert gpts.notice is not None and gpts.notice.startswith("MIT License")
    assert "Copyright (c) 2024 OpenAI" in gpts.notice
    assert wwai.notice is None and wwai.licence == "CC BY 4.0"
    # Coverage: the occupations with a score of their own (the fixture's OEWS spine).
    assert (gpts.occupations, wwai.occupations) == (4, 5)


def test_the_bundled_sources_command_prints_the_notice() -> None:
    text = run(["sources"], bundled=True).stdout
    assert "notice:" in text and "Copyright (c) 2024 OpenAI" in text
    assert "Permission is hereby granted, free of charge" in text
    listed = json.loads(run(["sources", "--json"], bundled=True).stdout)
    by_key = {s["key"]: s for s in listed}
    assert by_key["gpts-are-gpts"]["notice"].startswith("MIT License")
    assert by_key["working-with-ai"]["notice"] is None


# -- shown -------------------------------------------------------------------------------------


def test_a_profile_shows_the_group_the_notes_and_the_reasons(store: Store) -> None:
    from jobcompare.engine.compare import build_sections
    from jobcompare.engine.results import Profile

    clerks = official_role(store, "billing-and-posting-clerks")
    page = plain(document(Profile(clerks, build_sections([clerks])), Options()))
    assert "AI exposure" in page
    assert "0.77 · higher than 85%" in page  # 12 of 14, rounded down
    assert "0.42 · higher than 78%" in page and "0.23 · higher than 60%" in page
    assert "β = E1 + ½·E2" in page and "Bing Copilot" in page
    assert "β: 14 O*NET-SOC occupations; AI applicability: 10 SOC occupations" in page
    actors = official_role(store, "actors")
    page = plain(document(Profile(actors, build_sections([actors])), Options()))
    assert "not rated by the paper" in page


def test_json_and_csv_carry_the_published_score_and_the_rank(
    store: Store, schema: dict[str, Any]
) -> None:
    roles = [official_role(store, s) for s in ("billing-and-posting-clerks", "actors")]
    result = compare(roles)
    document_json = data(result)
    validate(document_json, schema)
    first = document_json["roles"][0]["overview"]["ai_exposure"]  # type: ignore[index]
    assert first["gpt4_beta"] == {
        "score": 0.7738095238095237, "lower": 12, "rated": 14, "higher_than_percent": 85,
    }  # fmt: skip
    second = document_json["roles"][1]  # type: ignore[index]
    assert second["overview"]["ai_exposure"]["applicability"] is None
    assert "overview.ai_exposure.applicability" in second["unpublished"]
    assert second["sources"].get("overview.ai_exposure.gpt4_beta") is None
    rows = [r for r in records(result).rows if str(r[1]).startswith("ai_exposure.gpt4_beta")]
    assert ("overview", "ai_exposure.gpt4_beta.score", "billing-and-posting-clerks",
            0.7738095238095237, "score 0-1", "") in rows  # fmt: skip
    assert ("overview", "ai_exposure.gpt4_beta.higher_than_percent",
            "billing-and-posting-clerks", 85, "%", "") in rows  # fmt: skip


def test_rows_are_neither_ranked_nor_differenced(store: Store) -> None:
    roles = [official_role(store, s) for s in ("billing-and-posting-clerks", "dancers")]
    overview = next(s for s in compare(roles).sections if s.section is Section.OVERVIEW)
    for key in ("ai_exposure.gpt4_beta", "ai_exposure.human_beta", "ai_exposure.applicability"):
        row = overview.row(key)
        assert row.delta is None and row.highest == () and row.lowest == ()
        assert row.field.detail and row.field.group == "AI exposure"


# -- the key difference ----------------------------------------------------------------------

CITED = {
    "oews": Citation("BLS OEWS May 2025", "BLS OEWS", "May 2025", "2025"),
    "gpts-are-gpts": Citation(GPTS, "GPTs are GPTs", "Science, 2024", "2024"),
    "working-with-ai": Citation(WWAI, "Working with AI", "arXiv 2507.07935, 2025", "2025"),
}


def role(slug: str, gpt4: int | None, human: int | None, applicability: int | None) -> Role:
    """An official role whose measures rank ``gpt4`` and ``human`` of 923 lower, and
    ``applicability`` of 785 (None: no score)."""

    def of(lower: int | None, rated: int) -> Exposure | None:
        return None if lower is None else Exposure(round(lower / rated, 4), lower, rated)

    return Role(
        slug=slug, title=slug.title(), plural=slug, soc="00-0001", citations=CITED,
        overview=Overview(jobs=1000, ai_gpt4_beta=of(gpt4, 923), ai_human_beta=of(human, 923),
                          ai_applicability=of(applicability, 785)),
    )  # fmt: skip


def ai_line(*roles: Role) -> str | None:
    built = compare(roles).sections
    found = [k for k in key_differences(roles, built) if k.topic == "ai_exposure"]
    return found[0].text if found else None


def test_a_marked_difference_on_every_paper_is_said_with_every_figure() -> None:
    text = ai_line(role("nurses", 428, 570, 309), role("developers", 904, 660, 652))
    assert text == (
        "Both published measures rate the work of developers as more exposed to generative AI "
        "than that of nurses: GPT-4-rated β 0.98 (higher than 97% of the occupations it rates) vs "
        "0.46 (46%), human-rated β 0.72 (71%) vs 0.62 (61%) (Eloundou et al.); AI "
        "applicability 0.83 (83%) vs 0.39 (39%) (Tomlinson et al.)."
    )


def test_no_line_when_a_measure_disagrees_or_a_paper_puts_them_close() -> None:
    # Working with AI ranks the nurses higher: the measures disagree.
    assert ai_line(role("nurses", 428, 570, 700), role("developers", 904, 660, 652)) is None
    # Both of Eloundou et al.'s figures under 20 points apart (exactly: 184.6 of 923).
    assert ai_line(role("a", 428, 570, 309), role("b", 612, 660, 652)) is None
    assert ai_line(role("a", 428, 570, 309), role("b", 613, 660, 652)) is not None
    # A tie on a figure: neither ranks higher.
    assert ai_line(role("a", 428, 660, 309), role("b", 904, 660, 652)) is None


def test_only_the_figures_both_roles_have_count() -> None:
    text = ai_line(role("a", None, None, 100), role("b", 904, 660, 600))
    assert text is not None and text.startswith(
        "Tomlinson et al.'s measure (the only one both have) rates the work of b as more exposed"
    )
    assert "β" not in text
    assert ai_line(role("a", None, None, None), role("b", 904, 660, 600)) is None


def test_three_roles_rank_each_figure() -> None:
    text = ai_line(role("a", 100, 100, 100), role("b", 500, 500, 500), role("c", 900, 900, 700))
    assert text is not None
    assert text.startswith("Both published measures rate the work of c as the most exposed")
    assert "GPT-4-rated β (Eloundou et al.): c 0.98 (97%); b 0.54 (54%); a 0.11 (10%)." in text
    # The middle role may fall anywhere; the top and bottom must hold on every figure.
    assert ai_line(role("a", 100, 100, 100), role("b", 950, 500, 500),
                   role("c", 900, 900, 700)) is None  # fmt: skip


def test_the_line_cites_its_sources_and_figures(schema: dict[str, Any]) -> None:
    roles = (role("nurses", 428, 570, 309), role("developers", 904, 660, 652))
    result = compare(roles)
    line = next(k for k in result.key_differences if k.topic == "ai_exposure")
    assert line.sources == (GPTS, WWAI) and line.section is Section.OVERVIEW
    keys = {(f.key, f.role) for f in line.figures}
    assert ("overview.ai_exposure.gpt4_beta.score", "developers") in keys
    assert ("overview.ai_exposure.applicability.higher_than_percent", "nurses") in keys
    document_json = data(result)
    validate(document_json, schema)
    said = [k for k in document_json["key_differences"] if k["topic"] == "ai_exposure"]  # type: ignore[index, union-attr]
    assert said and said[0]["sources"] == [GPTS, WWAI]


def test_a_hand_written_role_has_no_ai_line() -> None:
    seed = Role("page-role", "Page Role")
    assert ai_line(seed, role("b", 904, 660, 600)) is None


def test_the_concise_page_credits_the_papers_only_with_the_line() -> None:
    marked = compare([role("nurses", 428, 570, 309), role("developers", 904, 660, 652)])
    page = plain(document(marked, Options()))
    assert "AI exposure: Both published measures" in page
    # The overview's sources line names them, though it shows no row of theirs.
    assert f"Sources: BLS OEWS May 2025 · {GPTS} · {WWAI}" in page
    close = compare([role("a", 428, 570, 309), role("b", 430, 571, 310)])
    page = plain(document(close, Options()))
    assert "AI exposure" not in page and GPTS not in page


def test_bls_own_words_on_ai_stand_beside_the_measures() -> None:
    # EP table 1.12's sentences that speak of AI, quoted whole with their industry, in the
    # notes under the AI exposure rows; a role whose reasons do not mention AI says so.
    page = flat(run(["software-developers", "registered-nurses", "--full", "-s", "overview"],
                    width=200, bundled=True).stdout)  # fmt: skip
    assert (
        "BLS on AI for software developers (Research and development in the physical, "
        'engineering, and life sciences, EP table 1.12): "Demand change - share increases as '
        "research and development of technologies such as artificial intelligence (AI)"
    ) in page
    assert "BLS's reasons for registered nurses (EP table 1.12) do not mention AI." in page
    document = json.loads(run(["show", "software-developers", "--json"], bundled=True).stdout)
    said = document["overview"]["outlook_factors"]
    assert [f["mentions_ai"] for f in said] == [False, True]
