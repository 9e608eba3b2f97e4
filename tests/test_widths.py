"""Tables at any width: words wrap whole, a figure is never split, wide terminals keep
columns near their labels (issue 13)."""

from __future__ import annotations

import textwrap

import pytest

from jobcompare.engine.compare import compare
from jobcompare.engine.resolve import resolve_roles_of
from jobcompare.output.blocks import FigureTable, RankedTable
from jobcompare.registry.fields import Kind
from jobcompare.sources.roles import open_source
from tests.conftest import SEED, run
from tests.drawn import comparison_document

CASES = [
    SEED,
    ("registered-nurses", "billing-and-posting-clerks"),
    ("billing-and-posting-clerks", "registered-nurses", "physician-assistants",
     "software-developers"),
    ("actors", "bill-and-account-collectors", "patient-account-coordinator"),
]  # fmt: skip
WIDTHS = (40, 60, 80, 120, 200)

#: Kinds whose cells are figures: each must be on one line, whole.
FIGURES = (Kind.MONEY, Kind.RATE, Kind.COUNT, Kind.PERCENT, Kind.GROWTH, Kind.NUMBER)


def _document(roles: tuple[str, ...]):  # type: ignore[no-untyped-def]
    found, _ = resolve_roles_of(roles, open_source(None))  # the bundled roles: seed and official
    return comparison_document(compare(found))


def _expectations(roles: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """(figures that must each be whole on a line, words that must never be broken)."""
    figures: set[str] = set()
    words: set[str] = set()
    for block in _document(roles).flat():
        if isinstance(block, FigureTable):
            for title in block.columns:
                words.update(title.split())
            for row in block.rows:
                words.update(row.label.split())
                figures.update(part for part in row.difference.split(" (") if part)
                for cell in row.cells:
                    if row.kind in FIGURES and cell.value is not None:
                        figures.add(cell.text)
                    elif row.kind is Kind.RANGE:
                        figures.update(cell.text.split(" – "))
                    else:  # a name may break after a hyphen, never inside a word
                        words.update(textwrap.wrap(cell.text, 1, break_long_words=False))
        elif isinstance(block, RankedTable):
            for row in block.rows:
                for item in row.items:
                    words.update(item.text.split())
    return {f.rstrip(")") for f in figures}, {w for w in words if w}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("roles", CASES, ids=lambda r: "+".join(r)[:40])
def test_words_and_figures_stay_whole(roles: tuple[str, ...], width: int) -> None:
    output = run(list(roles), width=width, bundled=True).stdout
    lines = output.splitlines()
    figures, words = _expectations(roles)
    for figure in figures:
        assert any(figure in line for line in lines), f"{figure!r} split at {width}"
    for word in words:
        assert any(word in line for line in lines), f"{word!r} broken at {width}"
    # Nothing wider than the terminal (but a rule of its full width).
    assert max(map(len, lines)) <= width


def test_wide_terminals_keep_figures_near_their_labels() -> None:
    output = run([*SEED, "-s", "overview"], width=200).stdout
    line = next(line for line in output.splitlines() if line.startswith("Yearly salary"))
    # Label, two figures and the difference within a readable span, not spread over 200.
    assert len(line.rstrip()) <= 110
    assert "$35,695" in line and "$37,938" in line and "+$2,243 (+6.3%)" in line


@pytest.mark.parametrize("width", [80, 200])
def test_salary_chart_uses_the_width_and_labels_a_few_ticks(width: int) -> None:
    output = run([*SEED, "-s", "salary"], width=width).stdout
    lines = output.splitlines()
    ruler = next(i for i, line in enumerate(lines) if line.lstrip().startswith("┬"))
    # At 200 the axis is far longer than the 64 cells it had at any width.
    assert len(lines[ruler].strip()) == (64 if width == 80 else 184)
    labels = lines[ruler + 1].split()
    assert labels[0] == "$30,000" and labels[-1] == "$47,000"
    inner = labels[1:-1]
    assert 1 <= len(inner) <= 4
    # Round figures, each under a tick of the ruler.
    assert all(label.endswith(",000") for label in inner)
    assert lines[ruler].count("┬") == len(labels)


#: CPS's weekly medians: police officers' row stands for two occupations, the clerks' men
#: are not published, chief executives' are the highest (a mark beside the figure).
WEEKLY_CASE = ("billing-and-posting-clerks", "police-and-sheriff-s-patrol-officers",
               "registered-nurses", "chief-executives")  # fmt: skip


@pytest.mark.parametrize("width", WIDTHS)
def test_a_weekly_figure_keeps_its_unit_on_its_line(width: int) -> None:
    """ "$1,458 a week" is one figure: its unit never wraps away from it (the yearly and
    hourly figures have theirs in the row's label), however narrow the table."""
    found, _ = resolve_roles_of(WEEKLY_CASE, open_source(None))
    document = comparison_document(compare(found), full=True)
    weekly = {
        cell.text
        for block in document.flat()
        if isinstance(block, FigureTable)
        for row in block.rows
        if row.kind is Kind.WEEKLY
        for cell in row.cells
        if cell.value is not None
    }
    assert len(weekly) == 11  # 4 roles x 3, less the clerks' men (not published)
    assert all(text.endswith(" a week") for text in weekly)
    lines = run([*WEEKLY_CASE, "--full", "-s", "demographics"], width=width, bundled=True)
    for text in weekly:
        assert any(text in line for line in lines.stdout.splitlines()), f"{text!r} at {width}"


@pytest.mark.parametrize("width", range(60, 101, 2))
def test_a_compact_tables_labels_never_split_a_word(width: int) -> None:
    """The moves table: its labels take what the figures leave, but never less than their
    longest word after the row's number (else "Transcriptionists" would be cut); narrower,
    each row is listed with one figure a line."""
    import io

    from rich.console import Console

    from jobcompare.output.blocks import Cell, TableRow
    from jobcompare.output.terminal.tables import compact_table

    labels = ("1. Medical Records Specialists", "11. Medical Transcriptionists")
    figures = ("13 S", "$109,780", "$118,331", "+$63,369", "-15.9%", "3 → 4", "12.60", "16.60")
    columns = ("O*NET", "Median pay", "Adjusted", "Difference", "Growth", "Job zone", "Gap", "Step")
    rows = tuple(
        TableRow(label, label, Kind.TEXT, tuple(Cell(f, None) for f in figures)) for label in labels
    )
    block = FigureTable(columns, rows, compact=True)
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(compact_table(block, [list(figures) for _ in rows]))
    drawn = console.file.getvalue()  # type: ignore[attr-defined]
    words = drawn.split()
    for label in labels:
        for word in label.split():
            assert word in words, (width, word, drawn)
