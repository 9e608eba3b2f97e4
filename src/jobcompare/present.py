"""What a comparison shows, as a list of blocks: the one presentation every output shares.

The engine (compare.py) computes; this module decides *what* is shown and in what order:
headings, paragraphs, tables of figures with their highest/lowest marks and differences,
ranked columns (duties, skills), charts as data, and notes (not published, sources).
The writers decide only *how*: the terminal (render/, with Rich), Markdown and CSV
(exports.py), HTML (html.py) and JSON (jsonout.py). No Rich here.

Columns are plain labels, not roles, so a table whose columns are areas, or years, is the
same block. Blocks are named tuples: immutable like the model's dataclasses, and several
times cheaper to define, which every command that draws pays at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from jobcompare import fields
from jobcompare.compare import (
    Comparison,
    Kind,
    Row,
    SectionResult,
    is_shared,
    no_data_note,
    official,
    shared_note,
    source_notes,
    unpublished_notes,
)
from jobcompare.display import HIGHEST_MARK, LOWEST_MARK, SHARED_MARK, cell, difference
from jobcompare.fields import BELOW_TABLE
from jobcompare.model import Amount, Role, Skill, Technology
from jobcompare.sections import Section
from jobcompare.text import capitalise, with_article

# -- blocks -------------------------------------------------------------------------------


class Heading(NamedTuple):
    """1: the document's title; 2: a section; 3: a heading inside a section."""

    text: str
    level: int


ParagraphStyle = Literal["lead", "plain", "muted", "note", "indented"]


class Paragraph(NamedTuple):
    """Running text. ``lead``: the summary under the title; ``muted``: a section's
    introduction, or what a mark means; ``note``: how to read the figures below;
    ``indented``: a role's own text under a level-3 heading."""

    text: str
    style: ParagraphStyle = "plain"


class Cell(NamedTuple):
    text: str  # the figure as shown ("$35,695", "—")
    value: object  # the figure as the model holds it (None when missing)
    highest: bool = False
    lowest: bool = False
    bar: float | None = None  # drawn as a bar of this fraction (0-1) of the row's scale


class TableRow(NamedTuple):
    key: str
    label: str
    kind: Kind
    cells: tuple[Cell, ...]  # one per column
    difference: str = ""  # second column minus first, as shown ("+$2,243 (+6.3%)")
    group: str | None = None  # rows of one distribution share a group label


class FigureTable(NamedTuple):
    """One row per figure, one column per role (or area): the section's figures."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    #: A Difference column (two columns, and some row has a difference).
    differences: bool = False
    #: ▲/▼ after a row's highest and lowest figure (three or four columns).
    marks: bool = False
    #: Many short columns of figures (not roles): each as wide as its figures, the
    #: labels take the rest (jobcompare moves).
    compact: bool = False


class RankedItem(NamedTuple):
    text: str  # "" for nothing at this rank
    share: float | None = None  # drawn as a bar on the table's scale
    shared: bool = False  # listed by every compared role


class RankedRow(NamedTuple):
    label: str  # the rank ("1"), or "" for a row saying a column has none
    items: tuple[RankedItem, ...]


class RankedTable(NamedTuple):
    """Lists side by side by rank: duties, skills."""

    columns: tuple[str, ...]
    rows: tuple[RankedRow, ...]
    label: str = "#"
    spaced: bool = False  # long items: a blank line between ranks
    scale: float = 0.0  # what a full bar stands for (100: a share of 100%), 0 for no bars
    #: Said under the bars, by the writers that draw them.
    scale_note: str = ""


#: Shares (skills) are drawn on a scale from 0 to 100%.
SHARE_SCALE = 100.0
SHARE_BARS_NOTE = "Bars show each share on a scale from 0 to 100%."
IMPORTANCE_BARS_NOTE = "Bars show O*NET's importance on its scale, up to 5."

#: What a range chart's line from ``low`` to ``high`` is, as its source says it.
PERCENTILE_SPAN = "10th–90th percentile"
RANGE_SPAN = "salary range"


class RangeSeries(NamedTuple):
    """One column's figures on a range chart; None where it has none."""

    label: str
    low: Amount | None
    high: Amount | None
    p25: Amount | None = None
    median: Amount | None = None
    p75: Amount | None = None
    average: Amount | None = None
    #: What low-to-high is: BLS's 10th to 90th percentile, or a page's "salary range"
    #: (which says nothing about percentiles).
    span: str = PERCENTILE_SPAN

    def amounts(self) -> list[Amount]:
        return [a for a in (self.low, self.high, self.p25, self.median, self.p75,
                            self.average) if a is not None]  # fmt: skip


class RangeChart(NamedTuple):
    """Ranges on one common axis (10th-90th percentile, middle half, median, average)."""

    title: str
    per: Literal["year", "hour"]
    series: tuple[RangeSeries, ...]

    @property
    def span(self) -> str:
        """What the legend calls the low-to-high line: each series' own words, once."""
        spans = dict.fromkeys(s.span for s in self.series if s.low and s.high)
        return " or ".join(spans) or PERCENTILE_SPAN


class NoteList(NamedTuple):
    """A titled list of notes: "Not published", "Sources"."""

    title: str
    items: tuple[str, ...]


Block = Heading | Paragraph | FigureTable | RankedTable | RangeChart | NoteList


class SectionBlock(NamedTuple):
    """A section: its blocks for display, and all its declared figures (``result``) for
    the data writers (CSV, JSON), which also carry the figures no role has."""

    section: Section
    result: SectionResult
    blocks: tuple[Block, ...]


class Document(NamedTuple):
    """Everything one command shows, top to bottom."""

    title: str
    roles: tuple[Role, ...]
    blocks: tuple[Block | SectionBlock, ...]
    comparison: Comparison | None = None  # None for a single role's profile

    @property
    def sections(self) -> tuple[SectionBlock, ...]:
        return tuple(b for b in self.blocks if isinstance(b, SectionBlock))

    def flat(self) -> list[Block]:
        """Every block, sections opened."""
        out: list[Block] = []
        for block in self.blocks:
            out += block.blocks if isinstance(block, SectionBlock) else [block]
        return out


# -- building them ------------------------------------------------------------------------


def comparison_document(result: Comparison, *, charts: bool = True, full: bool = False) -> Document:
    """What ``jobcompare A B`` shows (``charts``: with pictures; ``full``: every duty and
    technology skill, not the first few)."""
    roles = result.roles
    title = " vs ".join(r.title for r in roles)
    blocks: list[Block | SectionBlock] = [
        Heading(title, 1),
        Paragraph(" ".join(result.summary.sentences), "lead"),
    ]
    note = reading_note(result)
    if note:
        blocks.append(Paragraph(note, "note"))
    blocks += [section_block(s, roles, result.summary.shared_skills, charts, full)
               for s in result.sections]  # fmt: skip
    blocks += notes(roles)
    return Document(title, roles, tuple(blocks), result)


def profile_document(
    role: Role, sections: Sequence[SectionResult], *, charts: bool = True, full: bool = False
) -> Document:
    """What ``jobcompare show ROLE`` shows: every duty (and, with ``full``, every item of
    every list)."""
    facts = [f"slug: {role.slug}"]
    if role.soc:
        facts.append(f"SOC {role.soc}")
    if role.category:
        facts.append(role.category)
    blocks: list[Block | SectionBlock] = [
        Heading(role.title, 1),
        Paragraph(" · ".join(facts), "muted"),
    ]
    blocks += [section_block(s, (role,), (), charts, full, profile=True) for s in sections]
    blocks += notes((role,))
    return Document(role.title, (role,), tuple(blocks))


#: Sections whose table is of figures (the reading note speaks of them).
_FIGURE_SECTIONS = (Section.OVERVIEW, Section.SALARY, Section.EDUCATION, Section.DEMOGRAPHICS)


def reading_note(comparison: Comparison) -> str | None:
    """How to read the figures, said once above them: what a difference is (two roles),
    or what ▲ and ▼ mean (three or four); None when no figure table is shown."""
    roles = comparison.roles
    if not any(s.section in _FIGURE_SECTIONS for s in comparison.sections):
        return None
    if len(roles) == 2:
        if not any(row.delta for s in comparison.sections for row in s.rows):
            return None
        if official(roles):  # "a dentist, general" reads wrong: titles say it plainly
            return f"Differences are {roles[1].title} minus {roles[0].title}."
        first, second = (with_article(r.singular) for r in roles)
        return f"Differences are {second} minus {first}."
    if len(roles) > 2:
        return f"{HIGHEST_MARK} marks a row's highest figure, {LOWEST_MARK} its lowest."
    return None


def section_block(
    result: SectionResult,
    roles: Sequence[Role],
    shared: Sequence[str],
    charts: bool = True,
    full: bool = False,
    *,
    profile: bool = False,
) -> SectionBlock:
    blocks: list[Block] = [Heading(result.section.heading, 2)]
    if not result.has_data:
        blocks.append(Paragraph(no_data_note(result.section, len(roles)), "muted"))
        return SectionBlock(result.section, result, tuple(blocks))
    if result.intro:
        blocks.append(Paragraph(result.intro, "muted"))
    columns = tuple(r.title for r in roles)
    table = figure_table(result.rows, columns, roles)
    if table.rows:
        blocks.append(table)
    declared = fields.spec(result.section)
    if charts and declared.charts:
        blocks += declared.charts(roles)
    for row in result.rows:
        if row.kind is Kind.PARAGRAPH:
            blocks += _paragraphs(row, roles)
        elif row.kind is Kind.LIST:
            whole = full or (profile and row.field.whole_in_profile)
            if any(isinstance(b, (FigureTable, RankedTable)) for b in blocks):
                # After another table of the section: its own heading says what it lists.
                blocks.append(Heading(row.field.label, 3))
            blocks += _list_blocks(row, columns, None if whole else row.field.limit)
        elif row.kind is Kind.SKILLS:
            blocks += _skills_table(row, columns, shared)
    if declared.notes:
        blocks += [Paragraph(note, "muted") for note in declared.notes(roles)]
    cited = section_sources(result, roles)
    if cited:
        blocks.append(Paragraph("Sources: " + " · ".join(cited), "muted"))
    return SectionBlock(result.section, result, tuple(blocks))


def section_sources(result: SectionResult, roles: Sequence[Role]) -> list[str]:
    """The sources of the section's figures some role has, as official roles cite them
    ("BLS OEWS May 2025", "O*NET 30.3 (CC BY 4.0)"), once each, in the order shown."""
    labels: list[str] = []
    for row in result.rows:
        origin = row.field.origin
        if origin is None:
            continue
        for role, value in zip(roles, row.values, strict=True):
            citation = role.citations.get(origin)
            if value is not None and citation is not None and citation.label not in labels:
                labels.append(citation.label)
    return labels


def _list_blocks(row: Row, columns: tuple[str, ...], limit: int | None) -> list[Block]:
    """A list table, cut to ``limit`` items with a line saying how many more there are."""
    table = _list_table(row, columns)
    if limit is None or len(table.rows) <= limit:
        return [table]
    blocks: list[Block] = [table._replace(rows=table.rows[:limit])]
    blocks.append(
        Paragraph(
            f"The first {limit} {row.field.note_name} of each role are shown; "
            "--all-duties shows all.",
            "muted",
        )
    )
    return blocks


def figure_table(
    rows: Sequence[Row], columns: tuple[str, ...], roles: Sequence[Role] = ()
) -> FigureTable:
    """The rows some column has a figure for (the JSON and CSV keep the others). Given
    the ``roles``, a figure that does not apply to a role says so instead of "—"."""
    shown = [row for row in rows if row.kind not in BELOW_TABLE and row.has_data and row.displayed]
    table_rows = []
    for row in shown:
        scale = row.field.bar_scale
        absent = row.field.not_applicable
        cells = tuple(
            Cell(
                (absent(roles[i]) if absent and roles and value is None else None)
                or cell(row.kind, value),
                value,
                highest=i in row.highest,
                lowest=i in row.lowest,
                bar=float(value) / scale
                if scale and isinstance(value, (int, float)) and not isinstance(value, bool)
                else None,
            )
            for i, value in enumerate(row.values)
        )
        table_rows.append(
            TableRow(
                row.key, row.label, row.kind, cells, difference(row.delta, row.kind), row.group
            )
        )
    two = len(columns) == 2
    return FigureTable(
        columns,
        tuple(table_rows),
        differences=two and any(r.difference for r in table_rows),
        marks=len(columns) > 2,
    )


def _paragraphs(row: Row, roles: Sequence[Role]) -> list[Block]:
    blocks: list[Block] = []
    for role, value in zip(roles, row.values, strict=True):
        heading = (row.field.heading or "{a}").format(a=with_article(role.singular))
        if isinstance(value, str):
            blocks += [Heading(heading, 3), Paragraph(value, "indented")]
            continue
        why = row.field.missing(role) if row.field.missing else None
        if why:
            blocks += [Heading(heading, 3), Paragraph(why, "indented")]
    return blocks


def _list_table(row: Row, columns: tuple[str, ...]) -> RankedTable:
    """Items side by side, numbered; a column without any says so once."""
    lists = [v if isinstance(v, tuple) else () for v in row.values]
    ranks = []
    for rank in range(max(map(len, lists), default=0)):
        items = tuple(
            RankedItem(_item_text(items[rank]) if rank < len(items) else "—" if rank == 0 else "")
            for items in lists
        )
        ranks.append(RankedRow(str(rank + 1), items))
    # Sentences (duties) get a blank line between ranks; short names (technology) don't.
    spaced = not all(isinstance(item, Technology) for items in lists for item in items)
    return RankedTable(columns, tuple(ranks), spaced=spaced)


def _item_text(item: object) -> str:
    """A list item as a table shows it: a technology skill with its O*NET flags."""
    if isinstance(item, Technology):
        from jobcompare.sections.skills import technology_text

        return technology_text(item)
    return str(item)


def _skills_table(row: Row, columns: tuple[str, ...], shared: Sequence[str]) -> list[Block]:
    """Skills by rank with their shares, every bar on the 0-100% scale; skills every role
    lists are marked."""
    lists = [
        tuple(s for s in v if isinstance(s, Skill)) if isinstance(v, tuple) else ()
        for v in row.values
    ]
    # O*NET's importance (1-5) and a page's shares (percent) never share an axis: with
    # any rated skill, only rated skills get a bar.
    rated = any(s.importance is not None for skills in lists for s in skills)
    ranks = []
    for rank in range(max(map(len, lists), default=0)):
        items = []
        for skills in lists:
            if rank >= len(skills):
                items.append(RankedItem(""))
                continue
            skill = skills[rank]
            text = skill.name
            if skill.share is not None:
                text += f", {cell(Kind.PERCENT, skill.share)}"
            if skill.importance is not None:
                level = cell(Kind.NUMBER, skill.level)
                text += f" {cell(Kind.NUMBER, skill.importance)} · {level}"
            mark = is_shared(skill, shared)
            if mark:
                text += f" {SHARED_MARK}"
            share = float(skill.share) if skill.share is not None and not rated else None
            if skill.importance is not None:
                share = float(skill.importance)
            items.append(RankedItem(text, share, mark))
        ranks.append(RankedRow(str(rank + 1), tuple(items)))
    if not ranks:
        ranks.append(RankedRow("", tuple(RankedItem("—") for _ in columns)))
    if rated:
        scale, note = 5.0, IMPORTANCE_BARS_NOTE  # O*NET's importance scale, 1-5
    else:
        # Shares of a whole: bars on a 0-100% scale, so a bar's length is the share itself.
        scale = SHARE_SCALE if any(s.share for skills in lists for s in skills) else 0.0
        note = SHARE_BARS_NOTE if scale else ""
    blocks: list[Block] = [RankedTable(columns, tuple(ranks), scale=scale, scale_note=note)]
    if shared:
        blocks.append(Paragraph(f"{SHARED_MARK} {shared_note(len(columns))}", "muted"))
    return blocks


def drawable(series: Sequence[RangeSeries]) -> bool:
    """Whether some series has a range and the axis has a length."""
    amounts = [a.value for s in series for a in s.amounts()]
    return any(s.low and s.high for s in series) and min(amounts) != max(amounts)


def notes(roles: Sequence[Role]) -> list[Block]:
    """Why figures shown as — are missing (where the source said), and the sources."""
    blocks: list[Block] = []
    missing = [
        f"{'' if len(roles) == 1 else f'{role.title}: '}{capitalise(fields)} — {reason}"
        for role in roles
        for fields, reason in unpublished_notes(role)
    ]
    if missing:
        blocks.append(NoteList("Not published", tuple(missing)))
    sources = [source if who is None else f"{source} — {who}"
               for source, who in source_notes(roles)]  # fmt: skip
    if sources:
        blocks.append(NoteList("Sources", tuple(sources)))
    return blocks
