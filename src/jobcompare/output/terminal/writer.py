"""The terminal writer: a document as the terminal shows it. Text and listings are drawn
as plain text (plain.py, no Rich: quick for thousands of rows); tables of figures, ranked
lists and charts with Rich (draw.py), in colour on a terminal only."""

from __future__ import annotations

import shutil

from jobcompare.output.blocks import Document
from jobcompare.output.options import Options


def render(document: Document, options: Options) -> str:
    from jobcompare.output.terminal.plain import PLAIN

    if all(isinstance(block, PLAIN) for block in document.flat()):
        from jobcompare.output.terminal import plain

        width = shutil.get_terminal_size().columns
        return plain.render(document, width, charts=options.charts)
    from jobcompare.output.terminal import draw

    return draw.text(draw.make_console(), draw.document(document, charts=options.charts))
