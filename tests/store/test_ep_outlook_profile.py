"""BLS EP tables 1.10 (who leaves) and 1.12 (BLS's reasons) in an official role, read
from a store built from the fixture files (tests/fixtures/), and how every output shows
them: rows for --full and the profile, the reasons grouped by factor under the overview,
none on the concise page, and the sentences as data in every format."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from jobcompare.engine.compare import build_sections, compare
from jobcompare.engine.results import Profile
from jobcompare.importers._write import ALL_IMPORTERS, build_store
from jobcompare.model import Factor, Role
from jobcompare.output.blocks import Heading, Paragraph
from jobcompare.output.dispatch import render
from jobcompare.output.options import Options
from jobcompare.output.views import comparison as view
from jobcompare.registry.sections.overview import NO_REASONS
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.drawn import comparison_document

ROOT = Path(__file__).parent.parent / "fixtures"
CLERKS = "billing-and-posting-clerks"  # 43-3021: one sentence, for all industries
COLLECTORS = "bill-and-account-collectors"  # 43-3011: all industries, then one industry
ACTORS = "actors"  # 27-2011: two factors, and AI
DANCERS = "dancers"  # 27-2031: table 1.10 only, no sentence in table 1.12
TABLE_10 = "BLS EP 2024–34, table 1.10"
TABLE_12 = "BLS EP 2024–34, table 1.12"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outlook") / "jobcompare.sqlite"
    build_store(ROOT, out, ALL_IMPORTERS)
    return out


def changed(built: Path, tmp_path: Path, *statements: str) -> Store:
    copy = tmp_path / "changed.sqlite"
    shutil.copyfile(built, copy)
    with sqlite3.connect(copy) as db:
        for sql in statements:
            db.execute(sql)
    return Store(copy)


def texts(document: object) -> list[str]:
    """Every text of a document's blocks (headings, paragraphs, list items)."""
    return [
        t
        for b in document.flat()  # type: ignore[attr-defined]
        for t in (getattr(b, "text", ""), getattr(b, "title", ""), *getattr(b, "items", ()))
        if t
    ]


def test_separations_and_their_baselines_as_published(built: Path) -> None:
    clerks = official_role(Store(built), CLERKS).overview
    assert (clerks.exit_rate, clerks.transfer_rate, clerks.separation_rate) == (4.5, 5.4, 9.9)
    assert (clerks.labor_force_exits, clerks.occupational_transfers) == (19.3, 23.0)
    assert clerks.separations == 42.4
    # "Total, all occupations": the same baseline for every role.
    baselines = (
        clerks.all_occupations_exit_rate,
        clerks.all_occupations_transfer_rate,
        clerks.all_occupations_separation_rate,
    )
    assert baselines == (4.7, 5.9, 10.6)
    role = official_role(Store(built), CLERKS)
    assert role.citations["ep-separations"].label == "BLS EP 2024–34, table 1.10"
    assert role.citations["ep-factors"].label == "BLS EP 2024–34, table 1.12"


def test_reasons_in_bls_order_with_all_industries_first(built: Path, tmp_path: Path) -> None:
    collectors = official_role(Store(built), COLLECTORS).outlook_factors
    assert [f.industry_code for f in collectors] == ["TE1000", "5220A1"]
    first = collectors[0]
    assert first.all_industries and first.factors == ("Productivity change",)
    assert first.direction == "decreases"
    assert first.text == (
        "Productivity change - share decreases as automated collections software allows the "
        "same amount of collections work to be done with fewer human collectors."
    )
    # Whatever the stored order, the sentence for all industries comes first.
    store = changed(
        built,
        tmp_path,
        "UPDATE ep_factor SET position = 3 WHERE soc = '43-3011' AND industry_code = 'TE1000'",
    )
    again = official_role(store, COLLECTORS).outlook_factors
    assert [f.industry_code for f in again] == ["TE1000", "5220A1"]


def test_factors_and_ai(built: Path) -> None:
    (actors,) = official_role(Store(built), ACTORS).outlook_factors
    assert actors.factors == ("Demand change", "Capital/labor substitution")
    assert actors.mentions_ai  # "... and as AI affects some subsets of the occupation."
    collectors = official_role(Store(built), COLLECTORS).outlook_factors
    assert not any(f.mentions_ai for f in collectors)
    for words, said in (
        ("AI-driven tools", True),
        ("artificial intelligence", True),
        ("Artificial Intelligence", True),
        ("financial aid offices", False),
        ("AIDS research", False),
        ("PAIN", False),
    ):
        assert (
            Factor("x", "000000", f"Demand change - share increases as {words}.").mentions_ai
            == said
        )


def test_an_occupation_bls_gives_no_reasons_for_says_so(built: Path) -> None:
    dancers = official_role(Store(built), DANCERS)
    assert dancers.outlook_factors == () and "ep-factors" in dancers.citations
    assert dancers.overview.exit_rate == 5.7  # table 1.10 has them all
    said = texts(view.document(Profile(dancers, build_sections([dancers])), Options()))
    assert "Why BLS expects the change, 2024-34" in said and NO_REASONS in said
    data = json.loads(render(Profile(dancers, build_sections([dancers])), "json"))
    assert data["overview"]["outlook_factors"] == []
    # The all-occupations total is no occupation table 1.12 could give reasons for.
    total = official_role(Store(built), "all-occupations")
    said = texts(view.document(Profile(total, build_sections([total])), Options()))
    assert NO_REASONS not in said and total.overview.separation_rate == 10.6


def test_a_store_without_table_1_12_shows_nothing_of_it(built: Path, tmp_path: Path) -> None:
    store = changed(built, tmp_path, "DROP TABLE ep_factor")
    actors = official_role(store, ACTORS)
    assert actors.outlook_factors == () and "ep-factors" not in actors.citations
    said = texts(comparison_document(compare([actors, official_role(store, CLERKS)]), full=True))
    assert not any("why BLS expects" in t or t == NO_REASONS for t in said)


def test_the_concise_page_says_the_reasons_in_brief_and_leaves_the_rest_to_full(
    built: Path,
) -> None:
    store = Store(built)
    result = compare([official_role(store, ACTORS), official_role(store, COLLECTORS)])
    concise = comparison_document(result)
    said = texts(concise)
    # BLS's factors for all industries, in BLS's words, and how many single industries.
    brief = [t for t in said if t.startswith("Why BLS expects the change: ")]
    assert brief == [
        "Why BLS expects the change: actors — demand change, capital/labor substitution in "
        "all industries (share decreases; one mentions AI); bill and account collectors — "
        "productivity change in all industries (share decreases), and reasons for 1 single "
        "industry. --full quotes BLS."
    ], brief
    assert not any("exit rate" in t.lower() for t in said)  # table 1.10: --full's
    lines = [t for t in said if t.startswith("Sources: ")]
    assert any(TABLE_12 in t for t in lines) and not any(TABLE_10 in t for t in lines)
    full = comparison_document(result, full=True)
    blocks = full.flat()
    headings = [(b.text, b.level) for b in blocks if isinstance(b, Heading)]
    assert ("Actors: why BLS expects the change, 2024-34", 3) in headings
    # Grouped by the factors as BLS writes them, each sentence whole after its industry.
    assert ("Demand change, capital/labor substitution", 4) in headings
    assert ("Productivity change", 4) in headings
    items = [b.text for b in blocks if isinstance(b, Paragraph) and b.style == "indented"]
    assert (
        'All industries: "Demand change, capital/labor substitution -- share decreases as '
        "fewer domestic television, movies, and live theater are produced and as AI affects "
        'some subsets of the occupation."'
    ) in items
    assert any(
        i.startswith('Credit intermediation and related activities (5221,3): "') for i in items
    )
    said = texts(full)
    assert any(TABLE_10 in t for t in said) and any(TABLE_12 in t for t in said)
    assert any(t.startswith("Sources: ") and "BLS EP 2024–34, table 1.12" in t for t in said)
    assert "Labor force exit rate a year, 2024-34" in {
        r.label for b in blocks for r in getattr(b, "rows", ()) if hasattr(r, "label")
    }


def test_a_hand_written_role_shows_no_reasons(built: Path) -> None:
    mine = Role(slug="my-job", title="My Job")
    result = compare([mine, official_role(Store(built), CLERKS)])
    said = texts(comparison_document(result, full=True))
    assert "Billing and Posting Clerks: why BLS expects the change, 2024-34" in said
    assert not any(t.startswith("My Job: why") for t in said)
    data = json.loads(render(result, "json"))
    assert [r["overview"]["outlook_factors"] for r in data["roles"]] == [
        None,
        [
            {
                "industry": "Total, all industries",
                "industry_code": "TE1000",
                "factors": ["Productivity change"],
                "direction": "decreases",
                "text": "Productivity change - share decreases as automated billing software "
                "will allow more billing work to be done by fewer employees.",
                "mentions_ai": False,
            }
        ],
    ]


def test_a_sentence_is_data_in_every_format(built: Path) -> None:
    odd = 'Demand change - share increases as [bold]x[/bold] <b>y</b> *z* _w_ "q", a, b.'
    clerks = official_role(Store(built), CLERKS)
    role = replace(clerks, outlook_factors=(Factor("A & B <i>", "123456", odd),))
    profile = Profile(role, build_sections([role]))
    terminal = render(profile, "table", Options(charts=False))
    assert f'A & B <i>: "{odd}"' in " ".join(terminal.split())
    page = render(profile, "html")
    assert "&lt;b&gt;y&lt;/b&gt;" in page and "<b>y</b>" not in page
    assert "A &amp; B &lt;i&gt;" in page
    markdown = render(profile, "markdown")
    assert r"\*z\* \_w\_" in markdown and r"\<b>y\</b>" in markdown
    records = render(profile, "csv")
    assert f'"{odd.replace(chr(34), chr(34) * 2)}"' in records
    assert json.loads(render(profile, "json"))["overview"]["outlook_factors"][0]["text"] == odd


def test_an_all_industries_sentence_without_named_factors_is_still_all_industries(
    built: Path,
) -> None:
    # Its prefix names no factor BLS uses: the brief line says there is a reason for all
    # industries, never counts it among the single industries.
    store = Store(built)
    odd = Factor("Total, all industries", "TE1000", "Fewer are needed as work moves online.")
    actors = replace(official_role(store, ACTORS), outlook_factors=(odd,))
    said = texts(comparison_document(compare([actors, official_role(store, COLLECTORS)])))
    brief = next(t for t in said if t.startswith("Why BLS expects the change: "))
    assert brief.startswith("Why BLS expects the change: actors — a reason in all industries;")
