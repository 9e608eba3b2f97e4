"""The presentation: what every output shows, as blocks, decided once."""

from __future__ import annotations

from jobcompare.engine.compare import build_section, compare
from jobcompare.model import Amount, Role, Salary
from jobcompare.output.blocks import (
    FigureTable,
    Heading,
    NoteList,
    Paragraph,
    RangeChart,
    RankedTable,
)
from jobcompare.output.views.sections import figure_table
from jobcompare.registry import fields
from jobcompare.registry.section import Section
from jobcompare.sources.dataset import Dataset
from tests.conftest import SEED
from tests.drawn import comparison_document


def test_seed_comparison_blocks_in_order(dataset: Dataset) -> None:
    roles = [dataset.role(s) for s in SEED]
    document = comparison_document(compare(roles))
    kinds = [type(b).__name__ for b in document.flat()]
    assert kinds[:3] == ["Heading", "Paragraph", "Paragraph"]  # title, summary, reading note
    headings = [b.text for b in document.flat() if isinstance(b, Heading) and b.level == 2]
    assert headings == [s.heading for s in Section]
    assert [b.title for b in document.flat() if isinstance(b, NoteList)] == ["Sources"]
    assert sum(isinstance(b, RangeChart) for b in document.flat()) == 1
    assert sum(isinstance(b, RankedTable) for b in document.flat()) == 2  # duties, skills
    # Without charts, the same blocks but the pictures.
    plain = comparison_document(compare(roles), charts=False)
    assert not any(isinstance(b, RangeChart) for b in plain.flat())


def test_difference_column_only_with_a_difference() -> None:
    a = Role("a", "A", category="X")
    b = Role("b", "B", category="Y")
    document = comparison_document(compare([a, b], [Section.OVERVIEW]))
    table = next(blk for blk in document.flat() if isinstance(blk, FigureTable))
    assert table.differences is False and table.marks is False
    paid = comparison_document(
        compare([Role("a", "A", salary=Salary(average=Amount(1))),
                 Role("b", "B", salary=Salary(average=Amount(2)))], [Section.SALARY])
    )  # fmt: skip
    table = next(blk for blk in paid.flat() if isinstance(blk, FigureTable))
    assert table.differences is True
    assert table.rows[0].difference == "+$1 (+100.0%)"
    assert [c.highest for c in table.rows[0].cells] == [False, True]


def test_not_published_is_a_block_every_writer_gets() -> None:
    role = Role("x", "X", unpublished={"salary.hourly": "Estimate not released."})
    other = Role("y", "Y")
    document = comparison_document(compare([role, other], [Section.SALARY]))
    notes = [b for b in document.flat() if isinstance(b, NoteList)]
    assert notes[0].title == "Not published"
    assert notes[0].items == ("X: Hourly rate — Estimate not released.",)
    # A section no role has figures for says so, in every output.
    muted = [b.text for b in document.flat() if isinstance(b, Paragraph) and b.style == "muted"]
    assert muted == ["The dataset has no salary figures for these roles."]


def test_columns_may_be_areas() -> None:
    """A table's columns are labels: the same declarations over one model object per
    area give areas side by side."""
    ohio = Role("nurse-oh", "RN", salary=Salary(average=Amount(82000)))
    texas = Role("nurse-tx", "RN", salary=Salary(average=Amount(88000)))
    result = build_section(fields.spec(Section.SALARY), [ohio, texas])
    table = figure_table(result.rows, ("Ohio", "Texas"))
    assert table.columns == ("Ohio", "Texas")
    average = table.rows[0]
    assert average.label == "Average salary"
    assert [c.text for c in average.cells] == ["$82,000", "$88,000"]
    assert average.difference == "+$6,000 (+7.3%)"
