"""Rich output: one renderer per section, each returning renderables; nothing here prints
except :func:`print_all`, and nothing here computes a figure (the engine does).

All text that comes from a dataset goes through :func:`data_text`: it becomes a plain
``Text`` (never parsed as markup) with terminal control characters removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Callable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jobcompare.compare import Comparison, Kind, Section, SectionResult, is_shared
from jobcompare.model import Role, Skill
from jobcompare.render.cells import cell, difference
from jobcompare.text import casual, join_words, safe, with_article

HIGHER = "bold green"
SHARED = "cyan"
SHARED_MARK = "◆"
HEADING = "bold"
MUTED = "dim"
#: Wide enough for "Years of experience" and the other labels at 80 columns.
LABEL_WIDTH = 19


def make_console(file: IO[str] | None = None, *, width: int | None = None) -> Console:
    """The console every command prints with. Colour comes only with a terminal (Rich
    detects it and honours NO_COLOR); data is never markup, numbers never auto-coloured."""
    return Console(file=file, width=width, highlight=False, markup=False, emoji=False)


def print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    for renderable in renderables:
        console.print(renderable)


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
    if len(roles) == 2:
        parts.append(
            data_text(
                f"Differences are {with_article(casual(roles[1].title))} minus "
                f"{with_article(casual(roles[0].title))}.",
                MUTED,
            )
        )
    for section in result.sections:
        parts += section_block(section, roles, result.summary.shared_skills)
    parts += sources(roles)
    return parts


def section_block(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str] = ()
) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(),
        Rule(Text(section.section.heading, HEADING), align="left"),
    ]
    if section.intro:
        parts.append(data_text(section.intro, MUTED))
    parts.append(SECTION_RENDERERS[section.section](section, roles, shared))
    return parts


def _table(roles: Sequence[Role], *, label: str = "", differences: bool = False) -> Table:
    table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False, show_edge=False)
    table.add_column(label, overflow="fold", min_width=len(label) or LABEL_WIDTH)
    for role in roles:
        table.add_column(data_text(role.title), overflow="fold")
    if differences:
        # Differences are short figures: never split one over two lines.
        table.add_column("Difference", no_wrap=True)
    return table


def rows_table(section: SectionResult, roles: Sequence[Role]) -> Table:
    """The figures of a section: one row per figure, one column per role."""
    two = len(roles) == 2
    table = _table(roles, differences=two)
    group: str | None = None
    for row in section.rows:
        if row.kind in _BELOW_TABLE:
            continue
        if row.group != group:
            group = row.group
            if group:
                table.add_row(Text(group), *[""] * (len(roles) + two))
        label: RenderableType = (
            Padding(Text(row.label), (0, 0, 0, 2)) if row.group else Text(row.label)
        )
        cells = [
            data_text(cell(row.kind, value), HIGHER if i in row.highest else "")
            for i, value in enumerate(row.values)
        ]
        if two:
            cells.append(Text(difference(row.delta, row.kind)))
        table.add_row(label, *cells)
    return table


_BELOW_TABLE = (Kind.PARAGRAPH, Kind.LIST, Kind.SKILLS)


def _overview(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str]
) -> RenderableType:
    parts: list[RenderableType] = [rows_table(section, roles), Text()]
    for row in section.rows:
        if row.kind is Kind.PARAGRAPH:
            for role, value in zip(roles, row.values):
                if isinstance(value, str):
                    name = with_article(casual(role.title))
                    parts.append(data_text(f"What does {name} do?", HEADING))
                    parts.append(Padding(data_text(value), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def _figures(
    section: SectionResult, roles: Sequence[Role], shared: Sequence[str]
) -> RenderableType:
    return rows_table(section, roles)


def _bullets(items: Sequence[Text]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", item)
    return grid


def _list_cell(value: object, empty: str = "—") -> RenderableType:
    if not isinstance(value, tuple) or not value:
        return Text(empty)
    return _bullets([data_text(str(item)) for item in value])


def _duties(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> RenderableType:
    row = section.row("example_responsibilities")
    table = _table(roles)
    table.columns[0].header = ""
    table.add_row(Text("Example\nresponsibilities"), *[_list_cell(value) for value in row.values])
    return table


def _skills(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> RenderableType:
    row = section.row("skills")
    lists: list[tuple[Skill, ...]] = [v if isinstance(v, tuple) else () for v in row.values]
    table = _table(roles, label="#")
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
        who = "all roles" if len(titles) == len(roles) > 1 else join_words(titles)
        parts.append(data_text(f"• {source} ({who})" if len(roles) > 1 else f"• {source}", MUTED))
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


def role_list(roles: Sequence[Role]) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False, show_edge=False)
    table.add_column("Slug", overflow="fold")
    table.add_column("Title", overflow="fold")
    table.add_column("Category", overflow="fold")
    for role in roles:
        table.add_row(data_text(role.slug), data_text(role.title), data_text(role.category or "—"))
    return table
