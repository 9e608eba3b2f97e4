"""The validation view: ``jobcompare validate``. Every problem goes to standard error (the
command's notes); a page shows the verdict when the dataset can be used (standard output
stays empty when it cannot), and JSON and CSV carry the whole report: every problem with
its file, line, role and field."""

from __future__ import annotations

from jobcompare import __version__
from jobcompare.output.blocks import Document, Heading
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.shape import SCHEMA_VERSION, JSONValue
from jobcompare.sources.dataset import Validation

_COLUMNS = ("file", "line", "column", "role", "field", "severity", "message")


def verdict(result: Validation) -> str:
    if result.dataset is None:
        return f"{result.errors} error(s), {result.warnings} warning(s): the dataset cannot be used"
    names = ", ".join(str(f) for f in result.dataset.files)
    return f"OK: {len(result.dataset.roles)} role(s) in {names}, {result.warnings} warning(s)"


def document(result: Validation, options: Options) -> Document:
    """The verdict when the dataset can be used (stdout stays empty when it cannot: the
    problems and the verdict are on standard error)."""
    if result.dataset is None:
        return Document("Validation", ())
    said = verdict(result)
    return Document(said, (Heading(said, 1),))


def data(result: Validation) -> JSONValue:
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "kind": "validation",
        "usable": result.dataset is not None,
        "roles": None if result.dataset is None else len(result.dataset.roles),
        "files": [] if result.dataset is None else [str(f) for f in result.dataset.files],
        "errors": result.errors,
        "warnings": result.warnings,
        "problems": [
            {"file": str(p.file), "line": p.line, "column": p.column, "role": p.role,
             "field": p.field, "severity": p.severity, "message": p.message}
            for p in result.problems
        ],
    }  # fmt: skip


def records(result: Validation) -> Records:
    return Records(_COLUMNS, tuple(
        (str(p.file), p.line, p.column, p.role, p.field, p.severity, p.message)
        for p in result.problems
    ))  # fmt: skip
