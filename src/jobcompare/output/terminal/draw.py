"""A document's blocks as Rich renderables (the tables are drawn by tables.py, the
pictures by charts.py), laid out for the terminal. Nothing here decides what is shown
(the views do).

All text that comes from a dataset goes through :func:`data_text`: it becomes a plain
``Text`` (never parsed as markup) with terminal control characters removed.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jobcompare.output import blocks as b
from jobcompare.output.terminal.charts import range_chart, trend_chart
from jobcompare.output.terminal.tables import (
    HEADING,
    MUTED,
    FitToWidth,
    data_text,
    figure_table,
    ranked_table,
)


def make_console(file: IO[str] | None = None, *, width: int | None = None) -> Console:
    """The console every page is drawn with. Colour comes only with a terminal (Rich
    detects it and honours NO_COLOR); data is never markup, numbers never auto-coloured.
    Rich draws ASCII borders for an output that cannot encode Unicode (and the stream's
    own error handler, text.use_stand_ins, stands in for the rest)."""
    stream = file if file is not None else sys.stdout
    return Console(file=stream, width=width, highlight=False, markup=False, emoji=False)


def svg(renderables: Sequence[RenderableType], *, title: str) -> str:
    """What the terminal shows as a self-contained SVG picture, in colour whatever the
    terminal is (NO_COLOR still applies), with no web font to fetch."""
    recorder = Console(
        record=True,
        file=io.StringIO(),
        width=min(max(shutil.get_terminal_size().columns, 80), 120),
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        markup=False,
        emoji=False,
    )
    for renderable in renderables:
        recorder.print(renderable, crop=False)
    from rich.terminal_theme import MONOKAI  # a dark page, where the terminal colours read

    picture = recorder.export_svg(title=title, theme=MONOKAI)
    # Rich's SVG asks a web server for its font; a picture must stand alone.
    return re.sub(r"\s*@font-face \{[^}]*\}", "", picture)


def text(console: Console, renderables: Iterable[RenderableType]) -> str:
    """What ``console`` prints of the renderables, as one text: on a terminal with its
    colours; into a file or a pipe without the padding Rich leaves at line ends."""
    # crop=False: everything is laid out for the width already, except a slug longer than
    # the terminal, which must stay whole rather than be cut.
    with console.capture() as capture:
        for renderable in renderables:
            console.print(renderable, crop=False)
    printed = capture.get()
    if console.is_terminal:
        return printed
    return "".join(line.rstrip() + "\n" for line in printed.splitlines())


# -- blocks -------------------------------------------------------------------------------


def document(doc: b.Document, *, charts: bool = True) -> list[RenderableType]:
    """The blocks of ``doc`` as Rich renderables."""
    parts: list[RenderableType] = []
    previous: b.Block | None = None
    for block in doc.flat():
        # A heading inside a section stands apart from what is above it; an indented
        # paragraph already ends with a blank line.
        apart = isinstance(previous, b.Paragraph) and previous.style == "indented"
        if isinstance(block, b.Heading) and block.level == 3 and not apart:
            parts.append(Text())
        drawn = _block(block, charts)
        if isinstance(block, b.Heading) and block.level == 2 and apart:
            drawn = drawn[1:]  # a section's own blank line would make it two
        parts += drawn
        previous = block
    return parts


def _block(block: b.Block, charts: bool) -> list[RenderableType]:
    if isinstance(block, b.Heading):
        if block.level == 1:
            return [data_text(block.text, HEADING)]
        if block.level == 2:
            return [Text(), Rule(data_text(block.text, HEADING), align="left")]
        return [data_text(block.text, HEADING)]
    if isinstance(block, b.Paragraph):
        if block.style == "lead":
            return [Text(), data_text(block.text)]
        if block.style == "indented":
            return [Padding(data_text(block.text), (0, 0, 1, 2), expand=False)]
        return [data_text(block.text, MUTED if block.style in ("muted", "note") else "")]
    if isinstance(block, b.FigureTable):
        return [figure_table(block, charts)]
    if isinstance(block, b.RankedTable):
        return [ranked_table(block, charts)]  # with the bars' note, if it draws bars
    if isinstance(block, b.RangeChart):
        return [FitToWidth(lambda width: _chart(block, width))]
    if isinstance(block, b.TrendChart):
        return [FitToWidth(lambda width: _trend(block, width))]
    if isinstance(block, (b.Listing, b.Fields)):
        from jobcompare.output.terminal import plain

        return [FitToWidth(lambda width: Text("\n".join(plain.block_lines(block, width))))]
    if block.lead:
        return [
            Text(),
            Rule(data_text(block.title, HEADING), align="left"),
            *(bullet(data_text(i)) for i in block.items),
        ]
    return [
        Text(),
        data_text(block.title, HEADING),
        *(
            bullet(data_text(item, MUTED), f"{number}." if block.numbered else "•")
            for number, item in enumerate(block.items, start=1)
        ),
    ]


def _chart(block: b.RangeChart, width: int) -> RenderableType:
    # The yearly axis is the usual one; another is named.
    title = [] if block.per == "year" else [data_text(block.title, HEADING)]
    return Group(Text(), *title, *range_chart(block, width))


def _trend(block: b.TrendChart, width: int) -> RenderableType:
    return Group(Text(), data_text(block.title, HEADING), *trend_chart(block, width))


def bullet(text: Text, mark: str = "•") -> RenderableType:
    """A bullet point (or a footnote's number) whose wrapped lines stay indented under its
    text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(mark, text.style), text)
    return grid
