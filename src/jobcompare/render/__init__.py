"""Rich output: a comparison or a profile as a list of renderables (the section renderers
are in render.tables, the pictures in render.charts). Nothing here prints except
:func:`print_all`, and nothing here computes a figure (the engine does).

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

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jobcompare.compare import (
    Comparison,
    SectionResult,
    no_data_note,
    source_notes,
    unpublished_notes,
)
from jobcompare.model import Role
from jobcompare.render.cells import reading_note
from jobcompare.render.tables import (
    HEADING,
    MUTED,
    SECTION_RENDERERS,
    View,
    data_text,
)
from jobcompare.text import capitalise

__all__ = ["SECTION_RENDERERS", "comparison", "export", "make_console", "print_all", "profile"]


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


# -- a comparison -------------------------------------------------------------------------


def comparison(result: Comparison, *, charts: bool = True) -> list[RenderableType]:
    """Everything ``jobcompare A B`` shows, top to bottom (``charts``: with pictures)."""
    roles = result.roles
    view = View(roles, result.summary.shared_skills, charts)
    parts: list[RenderableType] = [
        data_text(" vs ".join(r.title for r in roles), HEADING),
        Text(),
        data_text(" ".join(result.summary.sentences)),
    ]
    note = reading_note(result)
    if note:
        parts.append(data_text(note, MUTED))
    for section in result.sections:
        parts += section_block(section, view)
    parts += unpublished(roles)
    parts += sources(roles)
    return parts


def section_block(section: SectionResult, view: View) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(),
        Rule(Text(section.section.heading, HEADING), align="left"),
    ]
    if not section.has_data:
        parts.append(Text(no_data_note(section.section, len(view.roles)), MUTED))
        return parts
    if section.intro:
        parts.append(data_text(section.intro, MUTED))
    parts.append(SECTION_RENDERERS[section.section](section, view))
    return parts


def bullet(text: Text) -> RenderableType:
    """A bullet point whose wrapped lines stay indented under its text."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text("•", text.style), text)
    return grid


def unpublished(roles: Sequence[Role]) -> list[RenderableType]:
    """Why figures shown as — are missing, where the source said."""
    lines: list[RenderableType] = []
    for role in roles:
        for fields, reason in unpublished_notes(role):
            who = "" if len(roles) == 1 else f"{role.title}: "
            lines.append(bullet(data_text(f"{who}{capitalise(fields)} — {reason}", MUTED)))
    return [Text(), Text("Not published", HEADING), *lines] if lines else []


def sources(roles: Sequence[Role]) -> list[RenderableType]:
    """Where the figures come from, one line per distinct source."""
    notes = source_notes(roles)
    if not notes:
        return []
    parts: list[RenderableType] = [Text(), Text("Sources", HEADING)]
    for source, who in notes:
        parts.append(bullet(data_text(source if who is None else f"{source} — {who}", MUTED)))
    return parts


# -- one role, and the role list ----------------------------------------------------------


def profile(
    role: Role, sections: Sequence[SectionResult], *, charts: bool = True
) -> list[RenderableType]:
    parts: list[RenderableType] = [data_text(role.title, HEADING)]
    facts = [f"slug: {role.slug}"]
    if role.soc:
        facts.append(f"SOC {role.soc}")
    if role.category:
        facts.append(role.category)
    parts.append(data_text(" · ".join(facts), MUTED))
    view = View((role,), (), charts)
    for section in sections:
        parts += section_block(section, view)
    parts += unpublished([role])
    parts += sources([role])
    return parts
