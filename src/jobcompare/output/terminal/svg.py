"""The SVG writer: a picture of what the terminal shows (``--export FILE.svg``)."""

from __future__ import annotations

from jobcompare.output.blocks import Document
from jobcompare.output.options import Options


def render(document: Document, options: Options) -> str:
    from jobcompare.output.terminal import draw

    return draw.svg(draw.document(document, charts=options.charts), title=document.title)
