"""The presentation's vocabulary: what a document shows, top to bottom, as blocks that
every page writer draws (terminal, Markdown, HTML). A view (output/views/) decides *what*
is shown, as these blocks; a writer decides only *how*.

Headings, paragraphs, tables of figures with their highest/lowest marks and differences,
ranked columns (duties, skills), charts as data, listings (one row per item: areas,
roles, search hits), labelled values, and notes. Columns are plain labels, not roles, so
a table whose columns are areas, or years, is the same block. Blocks are named tuples:
immutable, and several times cheaper to define than dataclasses, which every command
that draws pays at start-up. No Rich here.

A block's ``plain`` (``plain_difference`` of a table row) is its words for a page handed
to a reader, the HTML page, where they differ from the terminal's: no option names, no
database terms. None when the block reads the same everywhere; "" leaves a paragraph
out of the page.
"""

from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from jobcompare.model import Amount
    from jobcompare.registry.fields import Kind


class Heading(NamedTuple):
    """1: the document's title; 2: a section; 3: a heading inside a section; 4: a group
    under a level-3 heading (the factors of BLS's reasons). ``plain``:
    the title as a sentence names the roles ("Registered nurses vs nurse practitioners")."""

    text: str
    level: int
    plain: str | None = None


ParagraphStyle = Literal["lead", "plain", "muted", "note", "indented"]


class Paragraph(NamedTuple):
    """Running text. ``lead``: the summary under the title; ``muted``: a section's
    introduction, or what a mark means; ``note``: how to read the figures below;
    ``indented``: a role's own text under a level-3 heading."""

    text: str
    style: ParagraphStyle = "plain"
    plain: str | None = None  # its words for a handed-over page, when they differ


class Cell(NamedTuple):
    text: str  # the figure as shown ("$35,695", "—")
    value: object  # the figure as the model holds it (None when missing)
    highest: bool = False
    lowest: bool = False
    bar: float | None = None  # drawn as a bar of this fraction (0-1) of the row's scale


class TableRow(NamedTuple):
    key: str
    label: str
    kind: "Kind"
    cells: tuple[Cell, ...]  # one per column
    difference: str = ""  # second column minus first, as shown ("+$2,243 (+6.3%)")
    group: str | None = None  # rows of one distribution share a group label
    #: The difference for a handed-over page, when it differs ("+35.2 points", not "pp").
    plain_difference: str | None = None


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
    low: "Amount | None"
    high: "Amount | None"
    p25: "Amount | None" = None
    median: "Amount | None" = None
    p75: "Amount | None" = None
    average: "Amount | None" = None
    #: What low-to-high is: BLS's 10th to 90th percentile, or a page's "salary range"
    #: (which says nothing about percentiles).
    span: str = PERCENTILE_SPAN

    def amounts(self) -> "list[Amount]":
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


class TrendPoint(NamedTuple):
    """One year's figure on a trend chart: its label ("2021") and the figure (None: not
    published that year)."""

    label: str
    amount: "Amount | None"


class TrendSeries(NamedTuple):
    """One column's figures year by year (a role's series): each year a line of its own."""

    label: str
    points: tuple[TrendPoint, ...]


class TrendChart(NamedTuple):
    """A figure by year (the median pay) for one to four series on one common axis: each
    series its label, then one line per year with a mark at the year's figure."""

    title: str
    per: Literal["year", "hour"]
    series: tuple[TrendSeries, ...]
    #: What a mark is, for the legend: "median".
    what: str = "median"

    def amounts(self) -> "list[Amount]":
        return [p.amount for s in self.series for p in s.points if p.amount is not None]


class NoteList(NamedTuple):
    """A titled list of notes: "Not published", "Sources"; with ``lead``, the list that
    opens a document ("Key differences"): its title a heading, its items in full ink;
    ``numbered``: footnotes."""

    title: str
    items: tuple[str, ...]
    lead: bool = False
    numbered: bool = False
    #: The items for a handed-over page, when some differ (no database terms).
    plain: tuple[str, ...] | None = None


class Listing(NamedTuple):
    """One row per item (areas, roles, search hits): short texts in aligned columns,
    drawn without Rich, so that a listing of thousands of rows is quick. ``None`` is a
    missing value (a table shows "—", a record nothing)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    #: Columns whose texts line up on the right (figures).
    right: tuple[int, ...] = ()
    #: The column that wraps under itself when the rest leave it too little room (a
    #: name); None when no column wraps.
    wrap: int | None = None
    #: Per row, a bar of this fraction (0-1) drawn after column ``bar_after``.
    bars: tuple[float | None, ...] = ()
    bar_after: int = -1
    #: Too narrow for columns, each row is stacked: its first ``stack_lead`` columns on a
    #: line (the last of them wrapping), then the rest, each figure with its column's name
    #: (``labelled``) or the texts alone, missing ones left out.
    stack_lead: int = 1
    labelled: bool = False
    #: Into a pipe or a file: one tab-separated record per row (``list``, for grep).
    records: bool = False
    #: Columns a table leaves out when no row has a value (records keep them).
    sparse: tuple[int, ...] = ()

    def without_empty_columns(self) -> "Listing":
        """The listing without its sparse columns that no row has a value in."""
        gone = {i for i in self.sparse if all(row[i] is None for row in self.rows)}
        if not gone:
            return self
        kept = [i for i in range(len(self.columns)) if i not in gone]
        where = {old: new for new, old in enumerate(kept)}
        return self._replace(
            columns=tuple(self.columns[i] for i in kept),
            rows=tuple(tuple(row[i] for i in kept) for row in self.rows),
            right=tuple(where[i] for i in self.right if i in where),
            wrap=where.get(self.wrap) if self.wrap is not None else None,
            bar_after=where.get(self.bar_after, -1),
            sparse=(),
        )


class Fields(NamedTuple):
    """A titled list of labelled values ("release: May 2025"): one source, one thing."""

    title: str
    items: tuple[tuple[str, str], ...]


Block = (
    Heading | Paragraph | FigureTable | RankedTable | RangeChart | TrendChart | NoteList
    | Listing | Fields
)  # fmt: skip


class SectionBlock(NamedTuple):
    """A section of a document: its name (an HTML page's anchor) and its blocks."""

    name: str
    blocks: tuple[Block, ...]


class Document(NamedTuple):
    """Everything one command shows, top to bottom."""

    title: str
    blocks: tuple[Block | SectionBlock, ...]

    def flat(self) -> list[Block]:
        """Every block, sections opened."""
        out: list[Block] = []
        for block in self.blocks:
            out += block.blocks if isinstance(block, SectionBlock) else [block]
        return out
