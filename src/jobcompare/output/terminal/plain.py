"""Documents of text and listings drawn as plain text, without Rich: a listing of every
area (~580 rows) or of ten thousand roles draws in milliseconds. Aligned columns come from
string padding; a column of names wraps under itself; when the columns cannot fit, the
bars go first, then each row is stacked. Into a pipe, a listing that asks for it is one
tab-separated record per row.

Only the blocks a listing needs are drawn here (headings, paragraphs, notes, listings,
labelled values); a document with tables of figures or charts is drawn by draw.py.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence

from jobcompare.output.blocks import Block, Document, Fields, Heading, Listing, NoteList, Paragraph
from jobcompare.text import MISSING, safe

#: The blocks this module draws.
PLAIN = (Heading, Paragraph, NoteList, Listing, Fields)
#: The narrowest a wrapping column may be before the rows are stacked instead.
MIN_WRAP = 12
BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"
GAP = "  "


def render(document: Document, width: int, *, charts: bool = True) -> str:
    """The document's lines, spaced as the terminal's tables space them (draw.py): a blank
    line before a section's heading, the lead paragraph, a list of notes and a listing."""
    lines: list[str] = []
    for block in document.flat():
        if lines and _apart(block):
            lines.append("")
        lines += block_lines(block, width, charts=charts)
    return "".join(line + "\n" for line in lines)


def _apart(block: Block) -> bool:
    """Whether a blank line comes before ``block`` (but for the first)."""
    if isinstance(block, Heading):
        return block.level > 1
    if isinstance(block, Paragraph):
        return block.style == "lead"
    return True  # notes, listings, labelled values


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Lines of at most ``width`` broken at spaces only (a slug or a hyphenated name stays
    whole), as Rich breaks them."""
    return textwrap.wrap(safe(text), width, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False)  # fmt: skip


def block_lines(block: Block, width: int, *, charts: bool = True) -> list[str]:
    if isinstance(block, Heading):
        return [safe(block.text)]
    if isinstance(block, Paragraph):
        return _wrap(block.text, width) or [""]
    if isinstance(block, NoteList):
        lines = [safe(block.title)]
        for number, item in enumerate(block.items, start=1):
            mark = f"{number}. " if block.numbered else "• "
            lines += _wrap(item, width, mark, " " * len(mark))
        return lines
    if isinstance(block, Listing):
        if block.records and not sys.stdout.isatty():
            return records(block)
        return listing_lines(block.without_empty_columns(), width, charts=charts)
    if isinstance(block, Fields):
        return field_lines(block, width)
    raise TypeError(f"{type(block).__name__} is not drawn as plain text")


def records(block: Listing) -> list[str]:
    """One row a line, its texts separated by tabs (a missing one is empty), whatever the
    width: for ``grep``, ``cut -f`` and spreadsheets. A tab or a line break inside a text
    would make another field or record, so white space is made single spaces."""
    return ["\t".join(" ".join(safe(text or "").split()) for text in row) for row in block.rows]


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``share`` (0-1) of ``width`` cells, in eighths of a cell; a share above
    zero is never drawn as nothing."""
    if share <= 0:
        return ""
    eighths = max(1, round(min(share, 1.0) * width * 8))
    whole, part = divmod(eighths, 8)
    return "█" * whole + (_EIGHTHS[part] if part else "")


def _one_line(text: str | None) -> str:
    """A cell: data text on one line (a newline in a title must not split its row)."""
    if text is None:
        return MISSING
    return text if text.isprintable() else " ".join(safe(text).split())


def listing_lines(block: Listing, width: int, *, charts: bool = True) -> list[str]:
    """The header, a rule and a line per row (a wrapping column's name on more), the
    columns as wide as their widest text; stacked rows when they cannot fit."""
    header = list(block.columns)
    rows = [[_one_line(text) for text in row] for row in block.rows]
    right, wrap = set(block.right), block.wrap
    bars = charts and any(share is not None for share in block.bars)
    bar_at = block.bar_after + 1 if bars else -1
    if bars:
        header.insert(bar_at, "")
        for row, share in zip(rows, block.bars, strict=True):
            row.insert(bar_at, bar(share) if share is not None else "")
        right = {i + (i >= bar_at) for i in right}
        wrap = None if wrap is None else wrap + (wrap >= bar_at)
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    gaps = len(GAP) * (len(widths) - 1)
    if wrap is not None:
        room = width - sum(w for i, w in enumerate(widths) if i != wrap) - gaps
        fits = room >= MIN_WRAP
        if fits:
            widths[wrap] = max(MIN_WRAP, min(widths[wrap], room))
    else:
        fits = sum(widths) + gaps <= width
    if not fits:
        if bars:  # too narrow for the bars: the figures come first
            return listing_lines(block, width, charts=False)
        return stacked_lines(block, width)

    def lines_of(row: list[str]) -> list[str]:
        names = (textwrap.wrap(row[wrap], widths[wrap]) or [""]) if wrap is not None else [""]
        out = []
        for number, name in enumerate(names):
            parts = []
            for i, text in enumerate(row):
                if i == wrap:
                    parts.append(name.ljust(widths[i]))
                elif number:
                    parts.append(" " * widths[i])
                elif i in right:
                    parts.append(text.rjust(widths[i]))
                else:
                    parts.append(text.ljust(widths[i]))
            out.append(GAP.join(parts).rstrip())
        return out

    lines = lines_of(header)
    lines.append("─" * min(width, sum(widths) + gaps))
    for row in rows:
        lines += lines_of(row)
    return lines


def stacked_lines(block: Listing, width: int) -> list[str]:
    """Each row on lines of its own: its first ``stack_lead`` columns (the first a
    padded prefix, the last wrapping after it), then the rest, indented under them."""
    rows = [[_one_line(text) for text in row] for row in block.rows]
    lead = block.stack_lead
    prefix_width = max((len(row[0]) for row in rows), default=0) + len(GAP)
    lines: list[str] = []
    for raw, row in zip(block.rows, rows, strict=True):
        if lead > 1:
            prefix = row[0].ljust(prefix_width)
            lines += textwrap.wrap(row[lead - 1], width, initial_indent=prefix,
                                   subsequent_indent=" " * len(prefix))  # fmt: skip
            indent = " " * len(prefix)
        else:
            lines.append(row[0])  # whole, never wrapped: what people copy
            indent = GAP
        lines += _rest(block.columns[lead:], raw[lead:], row[lead:], width, indent,
                       labelled=block.labelled)  # fmt: skip
    return lines


def _rest(
    labels: Sequence[str],
    raw: Sequence[str | None],
    texts: Sequence[str],
    width: int,
    indent: str,
    *,
    labelled: bool,
) -> list[str]:
    """A stacked row's other columns in one wrapped paragraph: "Median pay $97,550 · ..."
    (each label kept with its figure), or the texts alone, the missing or empty ones left
    out (no " ·  · " for a role with no category)."""
    if labelled:
        joined = " · ".join(
            f"{label}\u00a0{text}".replace(" ", "\u00a0")
            for label, text in zip(labels, texts, strict=True)
        )
        wrapped = textwrap.wrap(joined, width, initial_indent=indent, subsequent_indent=indent)
        return [line.replace("\u00a0", " ") for line in wrapped]
    joined = " · ".join(text for text, value in zip(texts, raw, strict=True) if value)
    return textwrap.wrap(joined, width, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)  # fmt: skip


def field_lines(block: Fields, width: int) -> list[str]:
    """The title, then each value under its label, wrapped under itself (a URL is never
    broken: it must stay copyable)."""
    width = max(width, 40)
    lines = textwrap.wrap(safe(block.title), width)
    label_width = max((len(label) for label, _ in block.items), default=0) + 2
    for label, value in block.items:
        # An empty label continues the value above it (a notice's next paragraph).
        lead = f"  {label + ':' if label else '':<{label_width}}"
        lines += textwrap.wrap(
            safe(value), width, initial_indent=lead, subsequent_indent=" " * len(lead),
            break_long_words=False, break_on_hyphens=False,
        ) or [lead.rstrip()]  # fmt: skip
    return lines
