"""Stream the rows of one sheet of an .xlsx workbook (openpyxl, read-only, cached values).

openpyxl is imported only when a workbook is read: it is in the ``import`` extra
(``pip install 'jobcompare[import]'``), never a run-time dependency of jobcompare.
Any problem reading the workbook is an :class:`ImportSourceError` naming the file, the sheet
and (where known) the row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jobcompare.errors import ImportSourceError

__all__ = ["MISSING_OPENPYXL", "cell_text", "sheet_rows"]

MISSING_OPENPYXL = (
    "reading .xlsx sources needs openpyxl, which jobcompare does not install by default: "
    "pip install 'jobcompare[import]'"
)


def _load(path: Path) -> Any:
    try:
        import openpyxl  # type: ignore[import-untyped, unused-ignore]
    except ImportError as error:
        raise ImportSourceError(MISSING_OPENPYXL, path) from error
    if not path.is_file():
        raise ImportSourceError("missing input file", path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # zipfile.BadZipFile, KeyError, XML errors, ...
        raise ImportSourceError(
            f"not a readable .xlsx workbook (truncated or corrupt?): {error}", path
        ) from error


def sheet_rows(path: Path, sheet: str) -> Iterator[tuple[int, tuple[object, ...]]]:
    """Yield ``(row number, cell values)`` for every row of ``sheet``, 1-based as in Excel.

    Empty rows are yielded as empty or all-``None`` tuples, so row numbers stay Excel's.
    """
    workbook = _load(path)
    try:
        if sheet not in workbook.sheetnames:
            raise ImportSourceError(
                f"no sheet {sheet!r} (sheets: {', '.join(workbook.sheetnames)})", path
            )
        number = 0
        try:
            for number, values in enumerate(
                workbook[sheet].iter_rows(min_row=1, values_only=True), start=1
            ):
                yield number, tuple(values)
        except ImportSourceError:
            raise
        except Exception as error:
            raise ImportSourceError(
                f"sheet {sheet!r} cannot be read past this row (truncated or corrupt?): {error}",
                path,
                number + 1,
            ) from error
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell as text with surrounding white space removed ("" for an empty cell)."""
    if value is None:
        return ""
    return str(value).strip()
