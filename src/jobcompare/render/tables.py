"""The tables of a comparison drawn with Rich: one column per role (or area), sized for the
width they are drawn at so that no figure is ever cut, with bars of render.charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from jobcompare.display import HIGHEST_MARK, LOWEST_MARK
from jobcompare.fields import Kind
from jobcompare.present import Cell, FigureTable, RankedTable
from jobcompare.render import charts
from jobcompare.text import safe

HIGHER = "bold green"
SHARED = "cyan"
HEADING = "bold"
MUTED = "dim"
#: Labels up to this long keep to one line; longer ones ("American Indian and Alaska
#: Native") wrap, so that the figures keep their room at 80 columns.
LABEL_WIDTH = 22
COMFORTABLE_ROLE_WIDTH = 24
MIN_LABEL_WIDTH = 12
#: Below this, columns are left to Rich (a terminal that narrow wraps everything anyway).
MIN_ROLE_WIDTH = 12


def data_text(value: str, style: str = "") -> Text:
    return Text(safe(value), style=style)


class FitToWidth:
    """A table (or other renderable) built for the width it is drawn at.

    Rich shrinks every column evenly when wrapping alone cannot make a table fit, and that
    can crop a figure. Giving each column its width up front avoids it: the label and
    difference columns get what they need and the roles share the rest.
    """

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)


def _table(
    columns: Sequence[str],
    width: int | None,
    *,
    label: str = "",
    label_width: int = 0,
    differences: int = 0,
) -> tuple[Table, int | None]:
    """A table with a label column, one column per role and, given the width of its
    widest entry, a difference column; and the width of a role's column. Columns fill
    ``width``; None sizes them to fit their content."""
    label_width = max(len(label), label_width)
    count = 1 + len(columns) + bool(differences)
    role_width: int | None = None
    spare = 0
    if width is not None:
        # Between columns: a space of padding on each side and one for the divider.
        room = width - label_width - differences - 3 * (count - 1)
        if room >= MIN_ROLE_WIDTH * len(columns):
            role_width, spare = divmod(room, len(columns))
    table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False, show_edge=False)
    table.add_column(label, overflow="fold", width=label_width if role_width else None)
    for number, title in enumerate(columns):
        # The last column takes what the division leaves, so the table fills the width.
        last = number == len(columns) - 1
        column_width = role_width + spare if role_width and last else role_width
        table.add_column(data_text(title), overflow="fold", width=column_width)
    if differences:
        table.add_column("Difference", no_wrap=True, width=differences)
    return table, role_width


def _longest_word(text: str) -> int:
    # "≥ $239,200" reads as one figure: its space is not a place to break.
    return max((len(word) for word in text.replace("≥ ", "≥_").split()), default=0)


def _marks(block: FigureTable, figure: Cell) -> str:
    """With three or four columns there is no difference column: ▲ and ▼ show which
    figure of a row is the highest and which the lowest, with or without colour."""
    if not block.marks:
        return ""
    if figure.highest:
        return " " + HIGHEST_MARK
    if figure.lowest:
        return " " + LOWEST_MARK
    return ""


#: A share drawn as a bar needs at least this many cells to be worth drawing.
MIN_BAR = 5


def figure_table(block: FigureTable, with_charts: bool = True) -> FitToWidth:
    """The figures of a section: one row per figure, one column per role."""
    columns = block.columns
    shown = block.rows
    widest = max((len(r.label) + (2 if r.group else 0) for r in shown), default=0)
    deltas = [row.difference for row in shown]
    two = block.differences
    texts = [[figure.text + _marks(block, figure) for figure in row.cells] for row in shown]
    # The longest run a cell cannot wrap inside ("Jose-Sunnyvale-Santa", "≥ $239,200").
    longest_word = max((_longest_word(t) for row in texts for t in row), default=0)

    def build(width: int) -> Table:
        differences = max([len("Difference"), *map(len, deltas)]) if two else 0
        separators = 3 * (len(columns) + two)
        spare = width - widest - differences - separators
        # Whole labels when the roles keep a comfortable width; otherwise long ones wrap,
        # down to what keeps every word of every figure on one line.
        label_width = widest if spare >= COMFORTABLE_ROLE_WIDTH * len(columns) else LABEL_WIDTH
        label_width = min(widest, label_width)
        wanted = min(longest_word, COMFORTABLE_ROLE_WIDTH) * len(columns)
        room = width - label_width - differences - separators
        if room < wanted:
            label_width = max(MIN_LABEL_WIDTH, label_width - (wanted - room))
        table, role_width = _table(columns, width, label_width=label_width, differences=differences)
        # Shares get a bar of their scale (100%), one scale for all columns.
        bar_width = (role_width or 0) - len("100.0% ")
        group: str | None = None
        for row, delta, row_texts in zip(shown, deltas, texts, strict=True):
            if row.group != group:
                group = row.group
                if group:
                    table.add_row(Text(group), *[""] * (len(columns) + two))
            label: RenderableType = (
                Padding(Text(row.label), (0, 0, 0, 2)) if row.group else Text(row.label)
            )
            cells = []
            for text, figure in zip(row_texts, row.cells, strict=True):
                if row.kind is Kind.RANGE and role_width and len(text) > role_width:
                    text = text.replace(" – ", " –\n")  # break between the two ends only
                styled = data_text(text, HIGHER if figure.highest else "")
                if with_charts and figure.bar is not None and bar_width >= MIN_BAR:
                    styled.append(" " * (7 - len(text)) + charts.bar(figure.bar, 1, bar_width),
                                  SHARED)  # fmt: skip
                cells.append(styled)
            if two:
                cells.append(Text(delta))
            table.add_row(label, *cells)
        return table

    return FitToWidth(build)


def ranked_table(block: RankedTable, with_charts: bool = True) -> FitToWidth:
    """Lists side by side by rank, numbered. With shares and charts, a bar of each: one
    scale (the largest share of any column) for every bar, so lengths compare."""
    bars = with_charts and block.scale > 0
    # Widths as printed: control characters in the data are removed first.
    texts = [[safe(item.text) for item in row.items] for row in block.rows]
    width_of = max((len(t) for row in texts for t in row), default=0)
    label_width = max((len(r.label) for r in block.rows), default=0)

    def build(width: int) -> RenderableType:
        table, role_width = _table(
            block.columns,
            width if with_charts or block.spaced else None,
            label=block.label,
            label_width=label_width if block.spaced or label_width > 1 else 0,
        )
        bar_width = (role_width or 0) - width_of - 1
        for number, (row, row_texts) in enumerate(zip(block.rows, texts, strict=True)):
            if block.spaced and number:
                table.add_row()
            cells: list[Text] = []
            for item, printed in zip(row.items, row_texts, strict=True):
                text = data_text(item.text, SHARED if item.shared else "")
                if bars and item.share and bar_width >= MIN_BAR:
                    text.append(" " * (width_of + 1 - len(printed)))
                    text.append(charts.bar(item.share, block.scale, bar_width), SHARED)
                cells.append(text)
            table.add_row(Text(row.label), *cells)
        return table

    return FitToWidth(build)
