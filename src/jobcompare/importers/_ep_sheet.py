"""Reading one sheet of BLS's Employment Projections workbook ``occupation.xlsx`` in the
shape tables 1.10 and 1.12 share: a title row, one header row naming every column (found
by the header of the matrix code column), one row per line, and BLS's "Source:" line last.

Every problem is an :class:`ImportSourceError` naming the file, the sheet's row (1-based,
as Excel numbers it) and, for a cell, its column letter and BLS's header.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._xlsx import cell_text, sheet_rows

__all__ = ["DASHES", "Line", "column_letter", "lines", "number"]

#: How BLS writes a value it does not give ("—"; an en dash or hyphen is read the same).
DASHES = ("—", "–", "-")
_CODE_RE = re.compile(r"^[0-9]{2}-[0-9]{4}$")
#: BLS's closing line under every table of the workbook.
_SOURCE_LINE = "Source:"

Line = tuple[int, tuple[object, ...], dict[str, int]]


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: 0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _plain(header: str) -> str:
    # BLS headers may carry footnote marks such as "[1]": matched without them.
    return re.sub(r"\[[0-9]+\]$", "", header).strip()


def lines(path: Path, sheet: str, code: str, wanted: Sequence[str]) -> Iterator[Line]:
    """Yield ``(row number, cells, columns)`` for each row of ``sheet`` below its header
    whose column ``code`` holds a matrix code ("29-1141"), in the sheet's order;
    ``columns`` maps each header of ``wanted`` (and ``code``) to its 0-based index.

    The header must name every column of ``wanted``; a code that is not a matrix code is an
    error; the sheet must end with BLS's "Source:" line (a sheet without it was cut short).
    """
    columns: dict[str, int] | None = None
    ended = False
    for number, cells in sheet_rows(path, sheet):
        texts = [cell_text(v) for v in cells]
        if columns is None:
            plain = [_plain(t) for t in texts]
            if code in plain:
                absent = [name for name in (code, *wanted) if name not in plain]
                if absent:
                    raise ImportSourceError(
                        f"sheet {sheet!r}: header lacks {', '.join(map(repr, absent))}",
                        path,
                        number,
                    )
                columns = {name: plain.index(name) for name in (code, *wanted)}
            continue
        if ended:
            if any(texts):
                raise ImportSourceError(
                    f"sheet {sheet!r}: a row after BLS's {_SOURCE_LINE!r} line", path, number
                )
            continue
        if texts and texts[0].startswith(_SOURCE_LINE):
            ended = True
            continue
        at = columns[code]
        value = texts[at] if len(texts) > at else ""
        if not value:
            if any(texts):
                raise ImportSourceError(
                    f"sheet {sheet!r}, column {column_letter(at)} ({code!r}): no matrix code "
                    f"in a row of figures",
                    path,
                    number,
                )
            continue
        if not _CODE_RE.match(value):
            raise ImportSourceError(
                f"sheet {sheet!r}, column {column_letter(at)} ({code!r}): {value!r} is not a "
                f"matrix code",
                path,
                number,
            )
        width = max(columns.values()) + 1
        yield number, tuple(cells) + (None,) * (width - len(cells)), columns
    if columns is None:
        raise ImportSourceError(f"sheet {sheet!r} has no header row naming {code!r}", path)
    if not ended:
        raise ImportSourceError(
            f"sheet {sheet!r} ends before BLS's {_SOURCE_LINE!r} line: truncated?", path
        )


def number(
    cells: tuple[object, ...],
    columns: dict[str, int],
    header: str,
    where: tuple[Path, int, str, str],
    within: tuple[float, float] = (0, 1_000_000),
) -> float | int | None:
    """The figure under ``header`` exactly as stored (int or float); None for BLS's "—".
    ``where``: (file, row, sheet, matrix code) for the error a cell of anything else is,
    or a number outside ``within`` (by default: none of BLS's rates or thousands can be
    negative, nor above a million: all occupations' employment is some 170,000 thousand)."""
    path, row, sheet, code = where
    at = columns[header]
    value = cells[at]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if cell_text(value) in DASHES:
            return None
        raise ImportSourceError(
            f"sheet {sheet!r}, column {column_letter(at)} ({header!r}) for {code}: "
            f"{value!r} is not a number",
            path,
            row,
        )
    low, high = within
    if not (math.isfinite(value) and low <= value <= high):
        raise ImportSourceError(
            f"sheet {sheet!r}, column {column_letter(at)} ({header!r}) for {code}: "
            f"{value!r} is outside what the column can hold ({low:,} to {high:,})",
            path,
            row,
        )
    return value
