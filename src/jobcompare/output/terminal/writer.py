"""The terminal writer: a document as the terminal shows it. A listing (rows of areas,
roles, search hits, sources) and the text around it are drawn as plain text (plain.py, no
Rich: quick for thousands of rows); every other page with Rich (draw.py), in colour on a
terminal only."""

from __future__ import annotations

import shutil

from jobcompare.output.blocks import Document
from jobcompare.output.options import Options


def render(document: Document, options: Options) -> str:
    from jobcompare.output.blocks import Fields, Listing
    from jobcompare.output.terminal.plain import PLAIN

    blocks = document.flat()
    listing = any(isinstance(block, (Listing, Fields)) for block in blocks)
    if listing and all(isinstance(block, PLAIN) for block in blocks):
        from jobcompare.output.terminal import plain

        width = shutil.get_terminal_size().columns
        return plain.render(document, width, charts=options.charts)
    from jobcompare.output.terminal import draw

    return draw.text(draw.make_console(), draw.document(document, charts=options.charts))
