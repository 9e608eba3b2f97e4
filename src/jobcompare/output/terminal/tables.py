"""The tables of a comparison drawn with Rich: one column per role (or area), sized for the
width they are drawn at so that no figure is ever cut, with bars of charts.py."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from jobcompare.output.blocks import Cell, FigureTable, RankedTable
from jobcompare.output.cells import HIGHEST_MARK, LOWEST_MARK
from jobcompare.output.terminal import charts
from jobcompare.registry.fields import Kind
from jobcompare.text import safe

HIGHER = "bold green"
SHARED = "cyan"
HEADING = "bold"
MUTED = "dim"
#: Labels up to this long keep to one line; longer ones ("American Indian and Alaska
#: Native") wrap, so that the figures keep their room at 80 columns.
LABEL_WIDTH = 22
COMFORTABLE_ROLE_WIDTH = 24
#: Below this, columns are left to Rich (a terminal that narrow wraps everything anyway).
MIN_ROLE_WIDTH = 12
#: A role's column no wider than this on a wide terminal: at 200 columns figures stay
#: near their labels instead of drifting apart (lists of long sentences may be wider).
MAX_FIGURE_ROLE_WIDTH = 32
MAX_LIST_ROLE_WIDTH = 80


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
    max_role_width: int | None = None,
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
            if max_role_width and role_width >= max_role_width:
                role_width, spare = max_role_width, 0
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
    # "≥ $239,200" and "$1,507 a week" read as one figure: their spaces are not places to
    # break.
    whole = safe(text).replace("≥ ", "≥_").replace(" a week", "_a_week")
    return max((len(word) for word in whole.split()), default=0)


#: Kinds whose cells are names (which may break after a hyphen), not figures.
_NAMES = (Kind.TEXT, Kind.PLACE)


def _units(text: str) -> list[str]:
    """What a text cell may be broken into: its words, and the parts of a hyphenated name
    ("San Jose-Sunnyvale-Santa Clara" breaks after "Jose-"), never inside a part."""
    return textwrap.wrap(safe(text), 1, break_long_words=False, break_on_hyphens=True)


def _wrap_text(text: str, width: int) -> str:
    """A text cell in lines of ``width``: between words, or after a hyphen in a name."""
    if len(text) <= width:
        return text
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True))


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

#: The narrowest a compact table's labels may be before it is listed instead; and the
#: widest, so that on a wide terminal the figures stay near their labels.
MIN_COMPACT_LABEL = 16
MAX_COMPACT_LABEL = 56


def _label_word(label: str) -> int:
    """The width a numbered label ("11. Medical Transcriptionists") needs so that no word
    of it is split: its longest word, after the hanging indent of its number."""
    number, _, rest = label.partition(" ")
    hang = len(number) + 1 if number[:-1].isdigit() and number.endswith(".") else 0
    words = (rest if hang else label).split()
    return hang + max(map(len, words), default=0)


def compact_table(block: FigureTable, texts: Sequence[Sequence[str]]) -> FitToWidth:
    """Short figures in many columns (moves): each column as wide as its figures (its
    title may wrap between words), right-aligned; the labels take the rest of the width.
    Too narrow for labels of ``MIN_COMPACT_LABEL``: one row after another."""
    printed = [[safe(t) for t in row] for row in texts]
    widths = [
        max([_longest_word(title), *(len(row[i]) for row in printed)])
        for i, title in enumerate(block.columns)
    ]
    widest = max((len(r.label) + (2 if r.group else 0) for r in block.rows), default=0)
    # A label's longest word, after its number and indent: narrower, it would be split.
    word = max((_label_word(r.label) + (2 if r.group else 0) for r in block.rows), default=0)
    stacked = stacked_figures(block, texts)

    def build(width: int) -> RenderableType:
        # Each column has a space of padding on its right and one for the divider.
        label_width = min(width - sum(widths) - 2 * len(widths) - 1, widest, MAX_COMPACT_LABEL)
        if label_width < min(max(MIN_COMPACT_LABEL, word), widest):
            return stacked.build(width)
        table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False,
                      show_edge=False, padding=(0, 1, 0, 0))  # fmt: skip
        table.add_column("", overflow="fold", width=label_width)
        for title, column_width in zip(block.columns, widths, strict=True):
            table.add_column(data_text(title), justify="right", width=column_width)
        group: str | None = None
        for row, row_texts in zip(block.rows, printed, strict=True):
            if row.group != group:
                group = row.group
                if group:
                    table.add_row(Text(group), *[""] * len(widths))
            indent = 2 if row.group else 0
            # A numbered label ("2. Licensed Practical and …") wraps under its name.
            number = row.label.split(" ", 1)[0]
            hang = len(number) + 1 if number[:-1].isdigit() and number.endswith(".") else 0
            label = "\n".join(textwrap.wrap(row.label, label_width - indent,
                                             subsequent_indent=" " * hang,
                                             break_long_words=False)) or row.label  # fmt: skip
            cell: RenderableType = Padding(Text(label), (0, 0, 0, indent)) if indent \
                else Text(label)  # fmt: skip
            table.add_row(cell, *(Text(t) for t in row_texts))
        return table

    return FitToWidth(build)


def figure_table(block: FigureTable, with_charts: bool = True) -> FitToWidth:
    """The figures of a section: one row per figure, one column per role."""
    columns = block.columns
    shown = block.rows
    if block.compact:
        return compact_table(block, [[figure.text for figure in row.cells] for row in shown])
    widest = max((len(r.label) + (2 if r.group else 0) for r in shown), default=0)
    deltas = [row.difference for row in shown]
    two = block.differences
    texts = [[figure.text + _marks(block, figure) for figure in row.cells] for row in shown]
    # The longest run a cell cannot wrap inside ("Jose-Sunnyvale-Santa", "≥ $239,200"),
    # of the figures and of the column's title: no word is ever broken.
    longest_word = max(
        (
            max(map(len, _units(t)), default=0) if row.kind in _NAMES else _longest_word(t)
            for row, row_texts in zip(shown, texts, strict=True)
            for t in row_texts
        ),
        default=0,
    )
    longest_word = max([longest_word, *map(_longest_word, columns)])
    label_word = max((_longest_word(r.label) + (2 if r.group else 0) for r in shown), default=0)
    # A column as wide as its longest figure (and its title on one line), when there is room.
    widest_text = max([*(len(safe(t)) for row in texts for t in row), *map(len, columns)])

    def build(width: int) -> RenderableType:
        differences = max([len("Difference"), *map(len, deltas)]) if two else 0
        separators = 3 * (len(columns) + two)
        spare = width - widest - differences - separators
        # Whole labels when the roles keep a comfortable width; otherwise long ones wrap
        # (between words), down to what keeps every word of every figure on one line.
        label_width = widest if spare >= COMFORTABLE_ROLE_WIDTH * len(columns) else LABEL_WIDTH
        label_width = max(label_word, min(widest, label_width))
        needed = max(longest_word, MIN_ROLE_WIDTH)
        wanted = max(min(longest_word, COMFORTABLE_ROLE_WIDTH), needed) * len(columns)
        room = width - label_width - differences - separators
        if room < wanted:
            label_width = max(label_word, label_width - (wanted - room))
            room = width - label_width - differences - separators
        if room < needed * len(columns):
            # Too narrow for columns without breaking words: one figure a line.
            return stacked_figures(block, texts)
        cap = max(MAX_FIGURE_ROLE_WIDTH, widest_text)
        table, role_width = _table(
            columns, width, label_width=label_width, differences=differences, max_role_width=cap
        )
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
            for number, (text, figure) in enumerate(zip(row_texts, row.cells, strict=True)):
                # The last column may be wider: it takes what the division leaves.
                column_width = table.columns[1 + number].width or role_width
                if row.kind is Kind.RANGE and column_width and len(text) > column_width:
                    text = text.replace(" – ", " –\n")  # break between the two ends only
                elif row.kind in _NAMES and column_width:
                    text = _wrap_text(text, column_width)
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


def stacked_figures(block: FigureTable, texts: Sequence[Sequence[str]]) -> FitToWidth:
    """A figure table too wide for the terminal, as a list: each figure's label, then one
    line per column (its title and the figure) and the difference. Words wrap whole (a
    name may break after a hyphen); a figure is never split."""
    titles = [safe(t) for t in block.columns]
    values = [[safe(t) for t in row] for row in texts]
    widest_value = max([*(len(t) for row in values for t in row),
                        *(len(r.difference) for r in block.rows)], default=0)  # fmt: skip
    widest_title = max([*map(len, titles), len("Difference")])

    def lines(text: str, width: int) -> list[str]:
        return textwrap.wrap(text, max(width, 1), break_long_words=False,
                             break_on_hyphens=True) or [""]  # fmt: skip

    def build(width: int) -> RenderableType:
        out = Text()
        group: str | None = None
        for row, row_values in zip(block.rows, values, strict=True):
            indent = 4 if row.group else 2
            room = width - indent - 1
            value_width = min(widest_value, max(room - min(widest_title, 16), room // 2))
            name_width = min(widest_title, room - value_width)
            if row.group != group:
                group = row.group
                if group:
                    out.append(group + "\n", HEADING)
            # A long label's lines after its first stay under it, not at column 0.
            for number, part in enumerate(lines(row.label, width - indent)):
                out.append(" " * (indent - 2 + 2 * bool(number)) + part + "\n", HEADING)
            pairs = [(t, v, c.highest) for t, v, c in zip(titles, row_values, row.cells,
                                                         strict=True)]  # fmt: skip
            if block.differences and row.difference:
                pairs.append(("Difference", row.difference, False))
            for title, value, highest in pairs:
                names, figures = lines(title, name_width), lines(value, value_width)
                for number in range(max(len(names), len(figures))):
                    name = names[number] if number < len(names) else ""
                    out.append(
                        " " * indent + name.ljust(name_width) + " ",
                        MUTED if title == "Difference" and not number else "",
                    )
                    if number < len(figures):
                        out.append(figures[number], HIGHER if highest else "")
                    out.append("\n")
        out.rstrip()
        return out

    return FitToWidth(build)


def ranked_table(block: RankedTable, with_charts: bool = True) -> FitToWidth:
    """Lists side by side by rank, numbered. With shares and charts, a bar of each: one
    scale (the largest share of any column) for every bar, so lengths compare."""
    bars = with_charts and block.scale > 0
    # Widths as printed: control characters in the data are removed first.
    texts = [[safe(item.text) for item in row.items] for row in block.rows]
    width_of = max((len(t) for row in texts for t in row), default=0)
    label_width = max((len(r.label) for r in block.rows), default=0)
    longest_word = max([*(_longest_word(t) for row in texts for t in row),
                        *map(_longest_word, block.columns), MIN_ROLE_WIDTH])  # fmt: skip

    def build(width: int) -> RenderableType:
        room = width - max(label_width, len(block.label)) - 3 * len(block.columns)
        if room < longest_word * len(block.columns):
            # Too narrow for side-by-side columns without breaking words: one after another.
            return stacked_ranked(block, texts)
        table, role_width = _table(
            block.columns,
            width if with_charts or block.spaced else None,
            label=block.label,
            label_width=label_width if block.spaced or label_width > 1 else 0,
            max_role_width=MAX_LIST_ROLE_WIDTH,
        )
        bar_width = (role_width or 0) - width_of - 1
        drawn = False
        for number, (row, row_texts) in enumerate(zip(block.rows, texts, strict=True)):
            if block.spaced and number:
                table.add_row()
            cells: list[Text] = []
            for item, printed in zip(row.items, row_texts, strict=True):
                text = data_text(item.text, SHARED if item.shared else "")
                if bars and item.share and bar_width >= MIN_BAR:
                    text.append(" " * (width_of + 1 - len(printed)))
                    text.append(charts.bar(item.share, block.scale, bar_width), SHARED)
                    drawn = True
                cells.append(text)
            table.add_row(Text(row.label), *cells)
        if drawn and block.scale_note:  # what the bars show, only under bars drawn
            return Group(table, data_text(block.scale_note, MUTED))
        return table

    return FitToWidth(build)


def stacked_ranked(block: RankedTable, texts: Sequence[Sequence[str]]) -> RenderableType:
    """Lists too wide to stand side by side: each column's list under its title."""
    parts: list[RenderableType] = []
    for number, title in enumerate(block.columns):
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for row, row_texts in zip(block.rows, texts, strict=True):
            item = row.items[number]
            if row_texts[number]:
                grid.add_row(Text(row.label), data_text(item.text, SHARED if item.shared else ""))
        parts += [data_text(title, HEADING), Padding(grid, (0, 0, 1 if block.spaced else 0, 2))]
    return Group(*parts)
