"""Where a command's result goes: the one format -> writer dispatch, standard output, and
export files.

A writer is one registration in :data:`WRITERS`: its module (imported only when its format
is asked for: Rich only for the terminal and SVG), what it reads of a view (the document
of blocks, the JSON data, or the CSV records) and the file suffixes ``--export`` picks it
by. A result is drawn by its view (:data:`VIEWS`): every view gives all three, so every
command speaks every format. How output is written (encoding, atomic files, a closed pipe)
is decided here, once.
"""

import sys
from importlib import import_module
from pathlib import Path
from typing import Any, Literal, NamedTuple

from jobcompare.errors import ExitStatus, OutputError
from jobcompare.output.options import Options
from jobcompare.text import join_words, safe


class Writer(NamedTuple):
    module: str
    #: What it writes: a view's document (page formats), data (JSON) or records (CSV).
    reads: Literal["document", "data", "records"]
    #: The files ``--export`` writes with it.
    suffixes: tuple[str, ...] = ()
    #: What the format is, in a word, for --help ("GitHub tables").
    says: str = ""
    #: A format of ``--format`` (printed); else only written to files by ``--export``.
    printed: bool = True
    #: A page format that carries every row whatever the options (Markdown, for
    #: documents kept or pasted elsewhere).
    complete: bool = False
    #: A handed-over page (HTML): with --full, every row comes as an appendix after the
    #: concise page, not in its place.
    appendix: bool = False


#: Every output format, in the order --help lists them; the first is the default.
WRITERS = {
    "table": Writer("jobcompare.output.terminal.writer", "document"),
    "markdown": Writer(
        "jobcompare.output.markdown", "document", (".md",), "GitHub tables", complete=True
    ),
    "csv": Writer("jobcompare.output.csv", "records", (".csv",), "one row per figure"),
    "json": Writer("jobcompare.output.json", "data", (".json",)),
    "html": Writer(
        "jobcompare.output.html", "document", (".html", ".htm"), "a printable page", appendix=True
    ),
    "svg": Writer(
        "jobcompare.output.terminal.svg",
        "document",
        (".svg",),
        "a picture of the tables",
        printed=False,
    ),
}

#: The view of each kind of result (its class's name): a module with ``document(result,
#: options)``, ``data(result)`` and ``records(result)``.
VIEWS = {
    "Comparison": "jobcompare.output.views.comparison",
    "Profile": "jobcompare.output.views.comparison",
    "AreaComparison": "jobcompare.output.views.areas",
    "AreaList": "jobcompare.output.views.area_list",
    "Ranking": "jobcompare.output.views.where",
    "Moves": "jobcompare.output.views.moves",
    "History": "jobcompare.output.views.history",
    "BulkTable": "jobcompare.output.views.table",
    "AreaTable": "jobcompare.output.views.table",
    "FieldList": "jobcompare.output.views.table",
    "AreaFieldList": "jobcompare.output.views.table",
    "RoleList": "jobcompare.output.views.roles",
    "SearchResults": "jobcompare.output.views.search",
    "SourceList": "jobcompare.output.views.sources",
    "Validation": "jobcompare.output.views.validation",
}

#: The options of a command that has none: charts drawn, lists cut to their first items.
DEFAULT_OPTIONS = Options()


class Outcome(NamedTuple):
    """What a command hands to the output: its result, the lines for standard error (how
    a name was read, that nothing matched), and how the process exits."""

    result: Any
    notes: tuple[str, ...] = ()
    status: ExitStatus = ExitStatus.OK


def formats() -> list[str]:
    """The choices of ``--format``."""
    return [name for name, writer in WRITERS.items() if writer.printed]


def _says(name: str, rows: str | None) -> str:
    """What a format is, for --help: the command's own ``rows`` for CSV when it has them."""
    return rows if name == "csv" and rows else WRITERS[name].says


def formats_help(rows: str | None = None, default: str = "table") -> str:
    """The formats for --help: "table (the default), markdown (GitHub tables), csv (one
    row per figure), json, or html (a printable page)"; ``rows`` says what a CSV row is
    for the command."""
    said = []
    for name in formats():
        words = [w for w in ("the default" if name == default else "", _says(name, rows)) if w]
        said.append(f"{name} ({', '.join(words)})" if words else name)
    return ", ".join(said[:-1]) + ", or " + said[-1]


def exports_help(rows: str | None = None) -> str:
    """The files --export writes, for --help: ".md (GitHub tables), ..., .html/.htm (a
    printable page) or .svg (a picture of the tables)"; ``rows`` says what a CSV row is
    for the command."""
    said = []
    for name, writer in WRITERS.items():
        if writer.suffixes:
            says = _says(name, rows)
            said.append("/".join(writer.suffixes) + (f" ({says})" if says else ""))
    return join_words(said, conjunction="or")


def export_suffixes() -> tuple[str, ...]:
    return tuple(suffix for writer in WRITERS.values() for suffix in writer.suffixes)


def export_format(path: Path) -> str | None:
    """The format ``--export`` writes ``path`` in, by its suffix; None for no format."""
    suffix = path.suffix.lower()
    return next((name for name, w in WRITERS.items() if suffix in w.suffixes), None)


def _shown(result: object, reads: str, options: Options) -> Any:
    """What the result's view gives a writer that ``reads`` its document, data or records."""
    view = import_module(VIEWS[type(result).__name__])
    if reads == "document":
        return view.document(result, options)
    return view.data(result) if reads == "data" else view.records(result)


def render(
    result: object,
    output_format: str,
    options: Options = DEFAULT_OPTIONS,
    *,
    empty_page: bool = True,
    shown: dict[str, Any] | None = None,
) -> str:
    """``result`` in ``output_format``: its view's document, data or records, written.
    Without ``empty_page``, a document with nothing in it (no search hits, a dataset
    that failed validation: the notes on stderr say so) is written as nothing at all.
    ``shown`` keeps what the view gave, by what it is, for a second format to reuse."""
    writer = WRITERS[output_format]
    shown = {} if shown is None else shown
    if writer.complete:
        options = options._replace(detail=True, full=True)
    appendix = writer.appendix and options.detail
    if appendix:
        options = options._replace(appendix=True)
    reads = (
        writer.reads + (" complete" if writer.complete else "") + (" appendix" if appendix else "")
    )
    if reads not in shown:
        shown[reads] = _shown(result, writer.reads, options)
    value = shown[reads]
    if writer.reads == "document" and not value.blocks and not empty_page:
        return ""
    written: str = import_module(writer.module).render(value, options)
    return written


def dispatch(
    outcome: Outcome,
    output_format: str,
    *,
    export: Path | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> None:
    """Say the notes on standard error, save the export (first: a failure leaves stdout
    clean), then print the result (a terminal's page longer than the screen through the
    pager, output/pager.py). Raises OutputError when the export cannot be saved.
    The view is asked once for each kind of output the two formats read."""
    for note in outcome.notes:
        write_stderr(safe(note) + "\n")
    if outcome.result is None:  # a command that only says what it did (import)
        return
    shown: dict[str, Any] = {}
    if export is not None:
        chosen = export_format(export)
        if chosen is None:  # the command line checks the suffix before anything runs
            raise ValueError(f"no format writes {export.suffix} files")
        write_file(export, render(outcome.result, chosen, options, shown=shown))
    # On stdout an empty page is no page: the terminal, Markdown and HTML agree. (A file
    # asked for by --export is still written, whole.)
    written = render(outcome.result, output_format, options, empty_page=False, shown=shown)
    if output_format == "table":  # drawn for the terminal: a long page may be paged
        from jobcompare.output.pager import page

        if page(written):
            return
    write_stdout(written)


def write_stdout(result: str) -> None:
    # One write of the finished text: an error can never leave half a document on stdout.
    sys.stdout.write(result)
    sys.stdout.flush()


def write_stderr(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def write_file(path: Path, content: str) -> None:
    """Write a whole file, through a temporary file and a rename (an existing report is
    replaced whole or left as it was); OutputError when it cannot be."""
    from jobcompare.files import write_atomically

    try:
        write_atomically(path, content.encode("utf-8"))
    except OSError as error:
        raise OutputError(str(path), error) from None
