"""The Markdown writer: a document's blocks as GitHub-flavoured Markdown, to paste into a
document. No Rich here.

Every string that comes from data goes through :func:`jobcompare.text.safe` first, then
is escaped so that nothing in it is read as markup or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobcompare.output import blocks as b
from jobcompare.output.cells import HIGHEST_MARK, LOWEST_MARK
from jobcompare.output.options import Options
from jobcompare.text import MISSING, prepared_line, safe

#: Characters that mean something inline (emphasis, code, links, HTML, tables, GFM
#: strikethrough, heading closers), and an "&" that would start a character reference
#: ("&amp;", "&#169;"); each is a valid CommonMark backslash escape.
_INLINE_SPECIAL = re.compile(r"([\\`*_<\[\]|~#]|&(?=#?[0-9A-Za-z]+;))")

#: What starts a block when it opens a line: a quote, a list item, a thematic break.
_BLOCK_START = re.compile(r"^(\d*)([>+=-]|(?<=\d)[.)])")

_LINE_BREAKS = re.compile(r"\s*\n\s*")


def md_text(value: str) -> str:
    """Dataset text for inline Markdown (a table cell, a heading): control characters
    removed, on one line, with nothing in it read as markup or HTML."""
    text = _LINE_BREAKS.sub(" ", safe(value)).strip()
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    # GitHub links bare addresses; an escaped colon or dot still reads the same.
    text = text.replace("://", "\\://").replace("www.", "www\\.")
    # ... and an e-mail address (a@b.c) becomes a mailto: link: escape its "@".
    return text.replace("@", "\\@")


def md_paragraph(value: str) -> str:
    """Dataset text as a paragraph (or list item): as :func:`md_text`, and a leading
    ``>``, ``-``, ``+``, ``=`` or ``1.`` does not start a quote, list or rule."""
    return _BLOCK_START.sub(r"\1\\\2", md_text(value), count=1)


def markdown(document: b.Document) -> str:
    """The blocks of ``document`` as GitHub-flavoured Markdown."""
    return "\n\n".join(filter(None, map(_md_block, document.flat()))) + "\n"


def _md_block(block: b.Block) -> str:
    if isinstance(block, b.Heading):
        return "#" * block.level + " " + md_text(block.text)
    if isinstance(block, b.Paragraph):
        return f"*{md_text(block.text)}*" if block.style == "note" else md_paragraph(block.text)
    if isinstance(block, b.FigureTable):
        return _md_figures(block)
    if isinstance(block, b.RankedTable):
        rows = [[row.label, *(md_text(i.text) for i in row.items)] for row in block.rows]
        return _md_table([block.label, *map(md_text, block.columns)], rows)
    if isinstance(block, (b.RangeChart, b.TrendChart)):
        return ""  # its figures are all in the table above it; Markdown draws no pictures
    if isinstance(block, b.Listing):
        block = block.without_empty_columns()
        rows = [[md_text(MISSING if c is None else c) for c in row] for row in block.rows]
        return _md_table([md_text(c) for c in block.columns], rows)
    if isinstance(block, b.Fields):
        items = "\n".join(
            f"- {md_text(label)}: {md_text(value)}" if label else f"  {md_text(value)}"
            for label, value in block.items
        )  # an empty label continues the item above it (a notice's next paragraph)
        return f"### {md_text(block.title)}\n\n{items}"
    marks = [f"{n}." if block.numbered else "-" for n in range(1, len(block.items) + 1)]
    lines = "\n".join(
        f"{m} {md_paragraph(item)}" for m, item in zip(marks, block.items, strict=True)
    )
    return f"## {md_text(block.title)}\n\n{lines}"


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _md_figures(block: b.FigureTable) -> str:
    """One row per figure, one column per role, then the difference (two roles); the
    highest figure in bold, and with three or four roles ▲ and ▼ as in the terminal."""
    header = ["", *map(md_text, block.columns), *(["Difference"] if block.differences else [])]
    rows: list[list[str]] = []
    for row in block.rows:
        label = f"{row.group}: {row.label}" if row.group else row.label
        cells = [md_text(label)]
        for figure in row.cells:
            text = md_text(figure.text)
            if figure.highest:
                text = f"**{text}**" + (f" {HIGHEST_MARK}" if block.marks else "")
            elif figure.lowest and block.marks:
                text += f" {LOWEST_MARK}"
            cells.append(text)
        if block.differences:
            cells.append(md_text(row.difference))
        rows.append(cells)
    return _md_table(header, rows)


def render(document: b.Document, options: Options) -> str:
    return markdown(_headed(document, options))


def _headed(document: b.Document, options: Options) -> b.Document:
    """The document under ``--title`` and, with ``--for``, the line saying whom it is for
    and when it was made; as it is without them (a Markdown file is not dated unasked)."""
    if not options.title and not options.prepared_for:
        return document
    blocks: list[b.Block | b.SectionBlock] = []
    for block in document.blocks:
        if isinstance(block, b.Heading) and block.level == 1:
            blocks.append(block._replace(text=options.title or block.text))
            if options.prepared_for:
                line = prepared_line(options.prepared_for, options.date)
                blocks.append(b.Paragraph(line, "note"))
        else:
            blocks.append(block)
    return document._replace(blocks=tuple(blocks))
