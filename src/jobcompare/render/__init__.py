"""Rich output: one renderer per section, each returning renderables; nothing here prints
except :func:`print_all`, and nothing here computes a figure (the engine does).

All text that comes from a dataset goes through :func:`data_text`: it becomes a plain
``Text`` (never parsed as markup) with terminal control characters removed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jobcompare.compare import Comparison, Kind, Section, SectionResult, is_shared
from jobcompare.model import Role, Skill
from jobcompare.render.cells import cell, difference
from jobcompare.text import join_words, safe, with_article

HIGHER = "bold green"
SHARED = "cyan"
SHARED_MARK = "◆"
HEADING = "bold"
MUTED = "dim"
#: Labels up to this long keep to one line; longer ones ("American Indian and Alaska
#: Native") wrap, so that the figures keep their room at 80 columns.
LABEL_WIDTH = 22


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

    STAND_INS = str.maketrans({"—": "-", "–": "-", "≥": ">=", "◆": "*", "•": "*", "…": "..."})

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


def data_text(value: str, style: str = "") -> Text:
    return Text(safe(value), style=style)


# -- a comparison -------------------------------------------------------------------------


def comparison(result: Comparison) -> list[RenderableType]:
    """Everything ``jobcompare A B`` shows, top to bottom."""
    roles = result.roles
    parts: list[RenderableType] = [
        data_text(" vs ".join(r.title for r in roles), HEADING),
        Text(),
        data_text(" ".join(result.summary.sentences)),
    ]
    if len(roles) == 2 and any(s.section in _DIFFERENCE_SECTIONS for s in result.sections):
        parts.append(
            data_text(
                f"Differences are {with_article(roles[1].singular)} minus "
                f"{with_article(roles[0].singular)}.",
                MUTED,
            )
        )
    for section in result.sections:
        parts += section_block(section, roles, result.summary.shared_skills)
    parts += sources(roles)
    return parts


_DIFFERENCE_SECTIONS = (Section.OVERVIEW, Section.SALARY, Section.EDUCATION, Section.DEMOGRAPHICS)


def section_block(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str] = ()
) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(),
        Rule(Text(section.section.heading, HEADING), align="left"),
    ]
    if not section.has_data:
        who = "this role" if len(roles) == 1 else "these roles"
        parts.append(Text(f"The dataset has no {section.section.value} figures for {who}.", MUTED))
        return parts
    if section.intro:
        parts.append(data_text(section.intro, MUTED))
    parts.append(SECTION_RENDERERS[section.section](section, roles, shared))
    return parts


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
    roles: Sequence[Role],
    width: int | None,
    *,
    label: str = "",
    label_width: int = 0,
    differences: int = 0,
) -> Table:
    """A table with a label column, one column per role and, given the width of its
    widest entry, a difference column. Columns fill ``width``; None sizes them to fit
    their content."""
    label_width = max(len(label), label_width)
    columns = 1 + len(roles) + bool(differences)
    role_width: int | None = None
    if width is not None:
        # Between columns: a space of padding on each side and one for the divider.
        room = width - label_width - differences - 3 * (columns - 1)
        if room >= MIN_ROLE_WIDTH * len(roles):
            role_width = room // len(roles)
    table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False, show_edge=False)
    table.add_column(label, overflow="fold", width=label_width if role_width else None)
    for role in roles:
        table.add_column(data_text(role.title), overflow="fold", width=role_width)
    if differences:
        table.add_column("Difference", no_wrap=True, width=differences)
    return table


COMFORTABLE_ROLE_WIDTH = 24
MIN_LABEL_WIDTH = 12


def _longest_word(text: str) -> int:
    # "≥ $239,200" reads as one figure: its space is not a place to break.
    return max((len(word) for word in text.replace("≥ ", "≥_").split()), default=0)


#: Below this, columns are left to Rich (a terminal that narrow wraps everything anyway).
MIN_ROLE_WIDTH = 12


def rows_table(section: SectionResult, roles: Sequence[Role]) -> FitToWidth:
    """The figures of a section: one row per figure, one column per role."""
    two = len(roles) == 2
    # A row no role has figures for is left out; the JSON still carries it, as null.
    shown = [row for row in section.rows if row.kind not in _BELOW_TABLE and row.has_data]
    widest = max((len(r.label) + (2 if r.group else 0) for r in shown), default=0)
    deltas = [difference(row.delta, row.kind) for row in shown]
    texts = [[cell(row.kind, value) for value in row.values] for row in shown]
    # The longest run a cell cannot wrap inside ("Jose-Sunnyvale-Santa", "≥ $239,200").
    longest_word = max((_longest_word(t) for row in texts for t in row), default=0)

    def build(width: int) -> Table:
        differences = max([len("Difference"), *map(len, deltas)]) if two else 0
        separators = 3 * (len(roles) + two)
        spare = width - widest - differences - separators
        # Whole labels when the roles keep a comfortable width; otherwise long ones wrap,
        # down to what keeps every word of every figure on one line.
        label_width = widest if spare >= COMFORTABLE_ROLE_WIDTH * len(roles) else LABEL_WIDTH
        label_width = min(widest, label_width)
        wanted = min(longest_word, COMFORTABLE_ROLE_WIDTH) * len(roles)
        room = width - label_width - differences - separators
        if room < wanted:
            label_width = max(MIN_LABEL_WIDTH, label_width - (wanted - room))
        table = _table(roles, width, label_width=label_width, differences=differences)
        group: str | None = None
        for row, delta, row_texts in zip(shown, deltas, texts, strict=True):
            if row.group != group:
                group = row.group
                if group:
                    table.add_row(Text(group), *[""] * (len(roles) + two))
            label: RenderableType = (
                Padding(Text(row.label), (0, 0, 0, 2)) if row.group else Text(row.label)
            )
            cells = [
                data_text(text, HIGHER if i in row.highest else "")
                for i, text in enumerate(row_texts)
            ]
            if two:
                cells.append(Text(delta))
            table.add_row(label, *cells)
        return table

    return FitToWidth(build)


_BELOW_TABLE = (Kind.PARAGRAPH, Kind.LIST, Kind.SKILLS)


def _overview(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str]
) -> RenderableType:
    parts: list[RenderableType] = [rows_table(section, roles), Text()]
    for row in section.rows:
        if row.kind is Kind.PARAGRAPH:
            for role, value in zip(roles, row.values, strict=True):
                if isinstance(value, str):
                    name = with_article(role.singular)
                    parts.append(data_text(f"What does {name} do?", HEADING))
                    parts.append(Padding(data_text(value), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def _figures(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str]
) -> RenderableType:
    return rows_table(section, roles)


def _duties(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> RenderableType:
    """Example responsibilities side by side, numbered, a blank line between them."""
    row = section.row("example_responsibilities")
    lists = [v if isinstance(v, tuple) else () for v in row.values]
    count = max(map(len, lists), default=0)

    def build(width: int) -> Table:
        table = _table(roles, width, label="#", label_width=len(str(count)))
        for rank in range(count):
            if rank:
                table.add_row()
            table.add_row(Text(str(rank + 1)), *[_duty(duties, rank) for duties in lists])
        return table

    return FitToWidth(build)


def _duty(duties: tuple[object, ...], rank: int) -> Text:
    if rank < len(duties):
        return data_text(str(duties[rank]))
    return Text("—" if rank == 0 else "")  # a role without duties says so once


def _skills(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> RenderableType:
    row = section.row("skills")
    lists: list[tuple[Skill, ...]] = [v if isinstance(v, tuple) else () for v in row.values]
    table = _table(roles, None, label="#")
    for rank in range(max((len(skills) for skills in lists), default=0)):
        cells: list[Text] = []
        for skills in lists:
            if rank >= len(skills):
                cells.append(Text(""))
                continue
            skill = skills[rank]
            text = (
                skill.name
                if skill.share is None
                else f"{skill.name}, {cell(Kind.PERCENT, skill.share)}"
            )
            if is_shared(skill, shared):
                cells.append(data_text(f"{text} {SHARED_MARK}", SHARED))
            else:
                cells.append(data_text(text))
        table.add_row(Text(str(rank + 1)), *cells)
    if not any(lists):
        table.add_row(Text(""), *[Text("—") for _ in lists])
    parts: list[RenderableType] = [table]
    if shared:
        who = "both roles" if len(roles) == 2 else f"all {len(roles)} roles"
        parts.append(Text(f"{SHARED_MARK} listed for {who}", MUTED))
    return Group(*parts)


SectionRenderer = Callable[[SectionResult, Sequence[Role], Sequence[str]], RenderableType]

#: How each section is drawn; every Section must have an entry (a test checks).
SECTION_RENDERERS: dict[Section, SectionRenderer] = {
    Section.OVERVIEW: _overview,
    Section.SALARY: _figures,
    Section.EDUCATION: _figures,
    Section.DEMOGRAPHICS: _figures,
    Section.DUTIES: _duties,
    Section.SKILLS: _skills,
}


def sources(roles: Sequence[Role]) -> list[RenderableType]:
    """Where the figures come from, one line per distinct source."""
    by_source: dict[str, list[str]] = {}
    for role in roles:
        if role.source:
            by_source.setdefault(role.source, []).append(role.title)
    if not by_source:
        return []
    parts: list[RenderableType] = [Text(), Text("Sources", HEADING)]
    for source, titles in by_source.items():
        if len(roles) == 1:
            line = f"• {source}"
        elif len(titles) == len(roles):
            line = f"• {source} — {'both' if len(roles) == 2 else 'all'} roles"
        else:
            line = f"• {source} — {join_words(titles)}"
        parts.append(data_text(line, MUTED))
    return parts


# -- one role, and the role list ----------------------------------------------------------


def profile(role: Role, sections: Sequence[SectionResult]) -> list[RenderableType]:
    parts: list[RenderableType] = [data_text(role.title, HEADING)]
    facts = [f"slug: {role.slug}"]
    if role.soc:
        facts.append(f"SOC {role.soc}")
    if role.category:
        facts.append(role.category)
    parts.append(data_text(" · ".join(facts), MUTED))
    for section in sections:
        parts += section_block(section, [role])
    if role.unpublished:
        parts += [Text(), Text("Not published", HEADING)]
        for path, reason in sorted(role.unpublished.items()):
            parts.append(data_text(f"• {path}: {reason}", MUTED))
    parts += sources([role])
    return parts
