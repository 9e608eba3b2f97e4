"""The terminal writer: the blocks of :mod:`jobcompare.present` as Rich renderables (the
tables are drawn by render.tables, the pictures by render.charts). Nothing here prints
except :func:`print_all`, and nothing here decides what is shown (present.py does).

All text that comes from a dataset goes through :func:`data_text`: it becomes a plain
``Text`` (never parsed as markup) with terminal control characters removed.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jobcompare.compare import Comparison, SectionResult
from jobcompare.model import Role
from jobcompare.present import (
    Block,
    Document,
    FigureTable,
    Heading,
    Paragraph,
    RangeChart,
    RankedTable,
    comparison_document,
    profile_document,
)
from jobcompare.render.charts import range_chart
from jobcompare.render.tables import (
    HEADING,
    MUTED,
    FitToWidth,
    data_text,
    figure_table,
    ranked_table,
)

__all__ = ["comparison", "document", "export", "make_console", "print_all", "profile"]


def make_console(file: IO[str] | None = None, *, width: int | None = None) -> Console:
    """The console every command prints with. Colour comes only with a terminal (Rich
    detects it and honours NO_COLOR); data is never markup, numbers never auto-coloured.
    An output that cannot encode Unicode gets ASCII stand-ins instead of a crash."""
    stream = file if file is not None else sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    if not encoding.startswith("utf"):
        stream = _AsciiFallback(stream)
    return Console(file=stream, width=width, highlight=False, markup=False, emoji=False)


class _AsciiFallback:
    """Writes through to ``stream``, replacing the characters our output uses that a
    non-Unicode encoding lacks (Rich itself switches to ASCII table borders)."""

    STAND_INS = str.maketrans({
        "—": "-", "–": "-", "≥": ">=", "◆": "*", "•": "*", "…": "...", "▲": "^", "▼": "v",
        "█": "#", "▏": "#", "▎": "#", "▍": "#", "▌": "#", "▋": "#", "▊": "#", "▉": "#",
        "─": "-", "├": "|", "┤": "|", "━": "=", "┃": "|", "●": "o", "▶": ">",
    })  # fmt: skip

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding: str = getattr(stream, "encoding", None) or "ascii"

    def write(self, text: str) -> int:
        text = text.translate(self.STAND_INS)
        encoded = text.encode(self.encoding, errors="replace").decode(self.encoding)
        return self.stream.write(encoded)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def export(renderables: Sequence[RenderableType], path: Path, *, title: str) -> None:
    """Save what the terminal shows as a self-contained HTML page or SVG picture (by
    ``path``'s suffix), in colour whatever the terminal is (NO_COLOR still applies)."""
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
    print_all(recorder, renderables)
    from rich.terminal_theme import MONOKAI  # a dark page, where the terminal colours read

    if path.suffix.lower() == ".svg":
        report = recorder.export_svg(title=title, theme=MONOKAI)
        # Rich's SVG asks a web server for its font; a report must stand alone.
        report = re.sub(r"\s*@font-face \{[^}]*\}", "", report)
    else:
        report = recorder.export_html(theme=MONOKAI)
        report = report.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
    from jobcompare.files import write_atomically

    # Beside the report, then renamed over it: a full disk never leaves half a report.
    write_atomically(path, report)


def print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    # crop=False: everything is laid out for the width already, except a slug longer than
    # the terminal, which must stay whole rather than be cut.
    if console.is_terminal:
        for renderable in renderables:
            console.print(renderable, crop=False)
        return
    # Into a file or a pipe: the same text without the padding Rich leaves at line ends.
    with console.capture() as capture:
        for renderable in renderables:
            console.print(renderable, crop=False)
    console.file.write("".join(line.rstrip() + "\n" for line in capture.get().splitlines()))


# -- blocks -------------------------------------------------------------------------------


def comparison(result: Comparison, *, charts: bool = True) -> list[RenderableType]:
    """Everything ``jobcompare A B`` shows, top to bottom (``charts``: with pictures)."""
    return document(comparison_document(result, charts=charts), charts=charts)


def profile(
    role: Role, sections: Sequence[SectionResult], *, charts: bool = True
) -> list[RenderableType]:
    return document(profile_document(role, sections, charts=charts), charts=charts)


def document(doc: Document, *, charts: bool = True) -> list[RenderableType]:
    """The blocks of ``doc`` as Rich renderables."""
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in doc.flat():
        # A heading inside a section stands apart from what is above it; an indented
        # paragraph already ends with a blank line.
        apart = isinstance(previous, Paragraph) and previous.style == "indented"
        if isinstance(block, Heading) and block.level == 3 and not apart:
            parts.append(Text())
        drawn = _block(block, charts)
        if isinstance(block, Heading) and block.level == 2 and apart:
            drawn = drawn[1:]  # a section's own blank line would make it two
        parts += drawn
        previous = block
    return parts


def _block(block: Block, charts: bool) -> list[RenderableType]:
    if isinstance(block, Heading):
        if block.level == 1:
            return [data_text(block.text, HEADING)]
        if block.level == 2:
            return [Text(), Rule(data_text(block.text, HEADING), align="left")]
        return [data_text(block.text, HEADING)]
    if isinstance(block, Paragraph):
        if block.style == "lead":
            return [Text(), data_text(block.text)]
        if block.style == "indented":
            return [Padding(data_text(block.text), (0, 0, 1, 2), expand=False)]
        return [data_text(block.text, MUTED if block.style in ("muted", "note") else "")]
    if isinstance(block, FigureTable):
        return [figure_table(block, charts)]
    if isinstance(block, RankedTable):
        return [ranked_table(block, charts)]  # with the bars' note, if it draws bars
    if isinstance(block, RangeChart):
        return [FitToWidth(lambda width: _chart(block, width))]
    return [
        Text(),
        data_text(block.title, HEADING),
        *(bullet(data_text(i, MUTED)) for i in block.items),
    ]


def _chart(block: RangeChart, width: int) -> RenderableType:
    # The yearly axis is the usual one; another is named.
    title = [] if block.per == "year" else [data_text(block.title, HEADING)]
    return Group(Text(), *title, *range_chart(block, width))


def bullet(text: Text) -> RenderableType:
    """A bullet point whose wrapped lines stay indented under its text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text("•", text.style), text)
    return grid
