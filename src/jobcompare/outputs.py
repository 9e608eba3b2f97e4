"""Where results go: the text formats of a document, standard output, and report files.

One function each, so that how output is written (encoding, atomic files, a closed pipe)
is decided in one place. Writers are imported only when their format is asked for: Rich
only for the terminal and SVG, never for Markdown, CSV, JSON or HTML.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.status import OutputError

if TYPE_CHECKING:
    from jobcompare.commands import Shown
    from jobcompare.present import Document


class Format(str, Enum):
    """What a command prints."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


#: Report files ``--export`` writes, by suffix.
EXPORT_SUFFIXES = (".html", ".htm", ".svg")


def text(shown: Shown, output_format: Format) -> str:
    """What a command found, in a text format (everything but the terminal's tables)."""
    if output_format is Format.JSON:
        from jobcompare import jsonout

        if shown.comparison is not None:
            document = jsonout.comparison_document(shown.comparison)
            if shown.gap is not None:
                document["skill_gap"] = shown.gap.as_dict()
            return jsonout.dumps(document)
        assert shown.role is not None
        profile = jsonout.role_document(shown.role, shown.sections)
        if shown.nearest is not None:
            profile["nearest_occupation"] = shown.nearest.as_dict()
        return jsonout.dumps(profile)
    if output_format is Format.MARKDOWN:
        from jobcompare.exports import markdown

        return markdown(shown.document())
    if output_format is Format.CSV:
        from jobcompare.exports import csv_text

        written = csv_text(shown.document())
        if shown.gap is not None:
            from jobcompare.moves import gap_csv

            written += gap_csv(shown.gap)
        if shown.nearest is not None and shown.role is not None:
            written += shown.nearest.csv(shown.role.slug)
        return written
    if output_format is Format.HTML:
        from jobcompare.report import html_report

        return html_report(shown.document())
    raise ValueError(f"{output_format.value} is drawn, not written as text")


def write_stdout(result: str) -> None:
    # One write of the finished text: an error can never leave half a document on stdout.
    sys.stdout.write(result)
    sys.stdout.flush()


def print_tables(shown: Shown) -> None:
    """What a command found, drawn for the terminal (or whatever standard output is)."""
    from jobcompare import render

    renderables = render.document(shown.document(), charts=shown.charts)
    render.print_all(render.make_console(), renderables)
    sys.stdout.flush()  # so that a write error is reported here, not at interpreter exit


def export(shown: Shown, path: Path) -> None:
    """Save what a command found as a report: a printable HTML page, or (``.svg``) a
    picture of what the terminal shows. Raises OutputError when it cannot be written."""
    document = shown.document()
    if path.suffix.lower() == ".svg":
        from jobcompare import render

        renderables = render.document(document, charts=shown.charts)
        try:
            render.export(renderables, path, title=document.title)
        except OSError as error:
            raise OutputError(str(path), error) from None
        return
    from jobcompare.report import html_report

    write_file(path, html_report(document))


def write_file(path: Path, content: str) -> None:
    """Write a whole file, through a temporary file and a rename (an existing report is
    replaced whole or left as it was); OutputError when it cannot be."""
    from jobcompare.files import write_atomically

    try:
        write_atomically(path, content.encode("utf-8"))
    except OSError as error:
        raise OutputError(str(path), error) from None


def document_text(document: Document, output_format: Format) -> str:
    """A document of blocks (not a comparison: an area table) as Markdown or HTML."""
    if output_format is Format.MARKDOWN:
        from jobcompare.exports import markdown

        return markdown(document)
    if output_format is Format.HTML:
        from jobcompare.report import html_report

        return html_report(document)
    raise ValueError(f"{output_format.value} is not written from blocks")


def print_document(document: Document, *, charts: bool = True) -> None:
    """A document of blocks, drawn for the terminal."""
    from jobcompare import render

    render.print_all(render.make_console(), render.document(document, charts=charts))
    sys.stdout.flush()


def export_document(document: Document, path: Path, *, charts: bool = True) -> None:
    """Save a document of blocks as HTML, or (``.svg``) as the terminal shows it."""
    if path.suffix.lower() == ".svg":
        from jobcompare import render

        try:
            render.export(render.document(document, charts=charts), path, title=document.title)
        except OSError as error:
            raise OutputError(str(path), error) from None
        return
    from jobcompare.report import html_report

    write_file(path, html_report(document))
