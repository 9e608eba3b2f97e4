"""Small helpers the source importers share: file hashes and checked CSV reading.

Standard library only. Every problem with an input is an :class:`ImportSourceError` naming
the file and the row (1-based line of the file, header = line 1).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers.base import Row

__all__ = [
    "csv_rows",
    "file_sha256",
    "number",
    "require_file",
    "source_file_row",
]


def require_file(root: Path, name: str) -> Path:
    """``root / name``, or a clear error when the source folder lacks it."""
    path = root / name
    if not path.is_file():
        raise ImportSourceError(f"missing input file {name!r} in {root}", path)
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_file_row(key: str, root: Path, path: Path) -> tuple[str, Row]:
    """The ``("source_file", (source key, relative path, sha256))`` row for one input."""
    return ("source_file", (key, path.relative_to(root).as_posix(), file_sha256(path)))


def csv_rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row of a comma-separated file with a header.

    The header must name every column in ``columns``; each row must have as many fields as
    the header. A file that does not end with a line break was cut short: its last row is
    reported as truncated.
    """
    with path.open("rb") as raw:
        raw.seek(0, 2)
        size = raw.tell()
        if size:
            raw.seek(size - 1)
            complete = raw.read(1) in (b"\n", b"\r")
        else:
            complete = False
    if size == 0:
        raise ImportSourceError("empty file (no header line)", path, 1)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:  # pragma: no cover - permissions
        raise ImportSourceError(f"cannot read: {error.strerror}", path) from error
    with handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
            wanted = [name for name in columns if name not in header]
            if wanted:
                raise ImportSourceError(
                    f"header lacks column(s) {', '.join(map(repr, wanted))}", path, 1
                )
            width = len(header)
            previous = 1
            for fields in reader:
                line = previous + 1
                previous = reader.line_num
                if not fields:
                    continue
                if len(fields) != width:
                    what = "truncated row" if not complete else "malformed row"
                    raise ImportSourceError(
                        f"{what}: {len(fields)} fields where the header has {width}", path, line
                    )
                yield line, dict(zip(header, fields, strict=True))
            if not complete:
                raise ImportSourceError(
                    "file is truncated (it does not end with a line break)", path, previous
                )
        except csv.Error as error:
            raise ImportSourceError(f"malformed CSV: {error}", path, reader.line_num) from error
        except UnicodeDecodeError as error:
            raise ImportSourceError("not UTF-8 text", path, reader.line_num + 1) from error


def number(
    text: str, path: Path, line: int, column: str, *, blank_ok: bool = False
) -> float | int | None:
    """A numeric field exactly as written: ``int`` when it has no decimal point.

    A blank is ``None`` only where ``blank_ok``; anything else unreadable is an error.
    """
    value = text.strip()
    if not value:
        if blank_ok:
            return None
        raise ImportSourceError(f"column {column!r} is empty", path, line)
    try:
        exact = Decimal(value)
    except InvalidOperation:
        exact = None
    if exact is None or not exact.is_finite():
        raise ImportSourceError(f"column {column!r}: {value!r} is not a number", path, line)
    if "." not in value and "e" not in value.lower():
        return int(exact)
    return float(value)
