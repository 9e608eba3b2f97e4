"""The contract every source importer keeps, so that one writer builds the store.

An importer module describes its source (:class:`SourceInfo`), declares the store tables it
fills (:class:`Table`), and yields rows for them. It never opens the database: the one
writer (``importers/_write.py``) creates every table, inserts the rows sorted by primary
key, builds the indexes and writes the file reproducibly. An importer raises
:class:`jobcompare.errors.ImportSourceError` naming the file and row for input it
cannot read; nothing is written then.

Rows are keyed by the OEWS SOC code (``"43-3011"``): OEWS's detailed occupations are the
spine (:class:`Spine`). An importer whose source uses other codes (O*NET-SOC ``.00``/``.01``,
EP matrix codes, CPS titles) maps them to the spine by a documented rule and records where
a figure came from in the row itself (e.g. an ``onet_codes`` column).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

#: SQL values a row may hold: what ``sqlite3`` stores without adapters.
Value = str | int | float | bytes | None
Row = tuple[Value, ...]

#: Progress of a long read: (done, total) in whatever unit the importer counts.
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class SourceInfo:
    """One row of the store's ``source`` table: what ``jobcompare sources`` lists."""

    key: str  # "oews", "onet", "onet-excel", "ep", "ep-education", "cps", "rpp"
    #: The source's folder under the data root (``import all ../shared/data``): "onet-30.3".
    folder: str
    name: str  # "BLS Occupational Employment and Wage Statistics"
    release: str  # "May 2025 (2025A01)"
    year: str  # "2025", "2024–34"
    licence: str  # "Public domain (U.S. government work)", "CC BY 4.0"
    attribution: str  # the sentence to print wherever its figures are shown
    url: str  # where the publisher offers it


@dataclass(frozen=True)
class Table:
    """A store table an importer fills. ``columns`` are ``(name, SQL type)`` in row order."""

    name: str
    columns: tuple[tuple[str, str], ...]
    primary_key: tuple[str, ...]
    #: Each index is the tuple of its columns; the writer names and creates it.
    indexes: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Spine:
    """OEWS's occupations: the codes every other source's figures are mapped onto."""

    #: SOC code ("43-3011") -> OEWS title, for the detailed occupations and aggregates OEWS
    #: publishes (display level 3 or the lowest level it publishes), plus "00-0000".
    occupations: Mapping[str, str]

    def __contains__(self, soc: object) -> bool:
        return soc in self.occupations


class Importer(Protocol):
    """What the writer needs of a source module (a module satisfies it structurally)."""

    SOURCE: SourceInfo
    TABLES: tuple[Table, ...]

    def rows(
        self, root: Path, spine: Spine, progress: ProgressCallback | None = None
    ) -> Iterator[tuple[str, Row]]:
        """Yield ``(table name, row)`` read from the source's own folder ``root``.

        Also yields ``("source_file", (source key, relative path, sha256))`` for each input
        file it read, so that the store records exactly what it was built from.
        """
        ...
