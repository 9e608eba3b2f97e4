"""One renderer per section: Rich tables, one column per role, sized for the width they
are drawn at so that no figure is ever cut, with the pictures of render.charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from jobcompare.compare import Kind, Row, Section, SectionResult, is_shared, shared_note
from jobcompare.model import Role, Skill
from jobcompare.render import charts
from jobcompare.render.cells import (
    BELOW_TABLE,
    HIGHEST_MARK,
    LOWEST_MARK,
    SHARED_MARK,
    cell,
    difference,
)
from jobcompare.text import safe, with_article

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


@dataclass(frozen=True)
class View:
    """What every section renderer needs besides its section."""

    roles: tuple[Role, ...]
    shared: tuple[str, ...] = ()  # skills every role lists
    charts: bool = True  # pictures beside the figures (off: numbers only)


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
    roles: Sequence[Role],
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
    columns = 1 + len(roles) + bool(differences)
    role_width: int | None = None
    spare = 0
    if width is not None:
        # Between columns: a space of padding on each side and one for the divider.
        room = width - label_width - differences - 3 * (columns - 1)
        if room >= MIN_ROLE_WIDTH * len(roles):
            role_width, spare = divmod(room, len(roles))
    table = Table(box=box.SIMPLE_HEAD, header_style=HEADING, pad_edge=False, show_edge=False)
    table.add_column(label, overflow="fold", width=label_width if role_width else None)
    for number, role in enumerate(roles):
        # The last role takes what the division leaves, so the table fills the width.
        last = number == len(roles) - 1
        column_width = role_width + spare if role_width and last else role_width
        table.add_column(data_text(role.title), overflow="fold", width=column_width)
    if differences:
        table.add_column("Difference", no_wrap=True, width=differences)
    return table, role_width


def _longest_word(text: str) -> int:
    # "≥ $239,200" reads as one figure: its space is not a place to break.
    return max((len(word) for word in text.replace("≥ ", "≥_").split()), default=0)


def _marks(row: Row, index: int, count: int) -> str:
    """With three or four roles there is no difference column: ▲ and ▼ show which
    figure of a row is the highest and which the lowest, with or without colour."""
    if count < 3:
        return ""
    if index in row.highest:
        return " " + HIGHEST_MARK
    if index in row.lowest:
        return " " + LOWEST_MARK
    return ""


#: A share drawn as a bar needs at least this many cells to be worth drawing.
MIN_BAR = 5


def rows_table(section: SectionResult, view: View) -> FitToWidth:
    """The figures of a section: one row per figure, one column per role."""
    roles = view.roles
    # A row no role has figures for is left out; the JSON still carries it, as null.
    shown = [row for row in section.rows if row.kind not in BELOW_TABLE and row.has_data]
    widest = max((len(r.label) + (2 if r.group else 0) for r in shown), default=0)
    deltas = [difference(row.delta, row.kind) for row in shown]
    # A difference column only when there is a difference to show.
    two = len(roles) == 2 and any(deltas)
    texts = [
        [cell(row.kind, value) + _marks(row, i, len(roles)) for i, value in enumerate(row.values)]
        for row in shown
    ]
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
        table, role_width = _table(roles, width, label_width=label_width, differences=differences)
        # Ratios (gender, race) get a bar of their share of 100%, one scale for all roles.
        bar_width = (role_width or 0) - len("100.0% ")
        group: str | None = None
        for row, delta, row_texts in zip(shown, deltas, texts, strict=True):
            if row.group != group:
                group = row.group
                if group:
                    table.add_row(Text(group), *[""] * (len(roles) + two))
            label: RenderableType = (
                Padding(Text(row.label), (0, 0, 0, 2)) if row.group else Text(row.label)
            )
            cells = []
            for i, (text, value) in enumerate(zip(row_texts, row.values, strict=True)):
                if row.kind is Kind.RANGE and role_width and len(text) > role_width:
                    text = text.replace(" – ", " –\n")  # break between the two ends only
                figure = data_text(text, HIGHER if i in row.highest else "")
                if (
                    view.charts
                    and row.group
                    and isinstance(value, (int, float))
                    and (bar_width >= MIN_BAR)
                ):
                    figure.append(" " * (7 - len(text)) + charts.bar(value, 100, bar_width), SHARED)
                cells.append(figure)
            if two:
                cells.append(Text(delta))
            table.add_row(label, *cells)
        return table

    return FitToWidth(build)


def _overview(section: SectionResult, view: View) -> RenderableType:
    parts: list[RenderableType] = [rows_table(section, view), Text()]
    for row in section.rows:
        if row.kind is Kind.PARAGRAPH:
            for role, value in zip(view.roles, row.values, strict=True):
                if isinstance(value, str):
                    name = with_article(role.singular)
                    parts.append(data_text(f"What does {name} do?", HEADING))
                    parts.append(Padding(data_text(value), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def _figures(section: SectionResult, view: View) -> RenderableType:
    return rows_table(section, view)


def _salary(section: SectionResult, view: View) -> RenderableType:
    table = rows_table(section, view)
    if not view.charts:
        return table

    def build(width: int) -> RenderableType:
        chart = charts.salary_chart(view.roles, width)
        return Group(table, Text(), *chart) if chart else table

    return FitToWidth(build)


def _duties(section: SectionResult, view: View) -> RenderableType:
    """Example responsibilities side by side, numbered, a blank line between them."""
    row = section.row("example_responsibilities")
    lists = [v if isinstance(v, tuple) else () for v in row.values]
    count = max(map(len, lists), default=0)

    def build(width: int) -> Table:
        table, _ = _table(view.roles, width, label="#", label_width=len(str(count)))
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


def _skills(section: SectionResult, view: View) -> RenderableType:
    """Skills by rank, each with its share and, with charts, a bar of it: one scale (the
    largest share of any role) for every bar, so lengths compare across roles."""
    row = section.row("skills")
    lists: list[tuple[Skill, ...]] = [v if isinstance(v, tuple) else () for v in row.values]
    ranks = max((len(skills) for skills in lists), default=0)
    names = [[_skill_text(skill, view.shared) for skill in skills] for skills in lists]
    name_width = max((len(name) for column in names for name in column), default=0)
    scale = max((float(s.share) for skills in lists for s in skills if s.share), default=0.0)

    def build(width: int) -> RenderableType:
        table, role_width = _table(view.roles, width if view.charts else None, label="#")
        bar_width = (role_width or 0) - name_width - 1
        for rank in range(ranks):
            cells: list[Text] = []
            for skills, column in zip(lists, names, strict=True):
                if rank >= len(skills):
                    cells.append(Text(""))
                    continue
                skill = skills[rank]
                text = data_text(column[rank], SHARED if is_shared(skill, view.shared) else "")
                if view.charts and skill.share and bar_width >= MIN_BAR:
                    text.append(" " * (name_width + 1 - len(column[rank])))
                    text.append(charts.bar(float(skill.share), scale, bar_width), SHARED)
                cells.append(text)
            table.add_row(Text(str(rank + 1)), *cells)
        if not any(lists):
            table.add_row(Text(""), *[Text("—") for _ in lists])
        parts: list[RenderableType] = [table]
        if view.shared:
            parts.append(Text(f"{SHARED_MARK} {shared_note(len(view.roles))}", MUTED))
        return Group(*parts)

    return FitToWidth(build)


def _skill_text(skill: Skill, shared: Sequence[str]) -> str:
    text = skill.name if skill.share is None else f"{skill.name}, {cell(Kind.PERCENT, skill.share)}"
    return f"{safe(text)} {SHARED_MARK}" if is_shared(skill, shared) else safe(text)


SectionRenderer = Callable[[SectionResult, View], RenderableType]

#: How each section is drawn; every Section must have an entry (a test checks).
SECTION_RENDERERS: dict[Section, SectionRenderer] = {
    Section.OVERVIEW: _overview,
    Section.SALARY: _salary,
    Section.EDUCATION: _figures,
    Section.DEMOGRAPHICS: _figures,
    Section.DUTIES: _duties,
    Section.SKILLS: _skills,
}
