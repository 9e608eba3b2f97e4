"""BLS Employment Projections 2024–34, ``occupation.xlsx`` table 1.10: occupational
separations and openings — how many workers BLS projects to leave each occupation a year,
on average over 2024–34, by leaving the labor force ("labor force exits": retiring or
other reasons) or by moving to another occupation ("occupational transfers"), as rates
(percent) and as numbers (thousands).

One row per matrix line whose code is an OEWS occupation (the same rule as table 1.2,
importers/ep.py), plus the all-occupations total (``00-0000``, the baseline). Figures are
kept exactly as BLS publishes them; a "—" would be ``NULL`` with BLS's reason (this
edition has none). openpyxl is needed (``jobcompare[import]``) and imported only when
reading.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._ep_sheet import column_letter, lines, number
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = ["FIGURES", "SHEET", "SOURCE", "TABLES", "UNAVAILABLE", "rows"]

SOURCE = SourceInfo(
    key="ep-separations",
    folder="bls-ep-2024-34",
    name="BLS Employment Projections: occupational separations and openings (table 1.10)",
    release="2024–34 (released 2025-08-28)",
    year="2024–34",
    licence="Public domain (U.S. government work)",
    # The program's credit, as table 1.2's: the table is named by the citation's label
    # and this source's name, so the sources a page lists fold into one line.
    attribution="U.S. Bureau of Labor Statistics, Employment Projections program, 2024–34.",
    url="https://www.bls.gov/emp/tables.htm",
)

WORKBOOK = "occupation.xlsx"
SHEET = "Table 1.10"
#: Why a "—" figure is missing (BLS's words under its other tables of the workbook).
UNAVAILABLE = 'Data is unavailable for values denoted with a "—" (BLS, table 1.10)'

_TITLE = "2024 National Employment Matrix title"
_CODE = "2024 National Employment Matrix code"
_TYPE = "Occupation type"
#: (store column, BLS header) of the figures, in TABLES order: rates in percent a year,
#: numbers in thousands a year, each BLS's 2024–34 annual average.
FIGURES = (
    ("exit_rate", "Labor force exit rate, 2024–34 annual average"),
    ("transfer_rate", "Occupational transfer rate, 2024–34 annual average"),
    ("separation_rate", "Total occupational separations rate, 2024–34 annual average"),
    ("labor_force_exits", "Labor force exits, 2024–34 annual average"),
    ("occupational_transfers", "Occupational transfers, 2024–34 annual average"),
    ("separations", "Total occupational separations, 2024–34 annual average"),
)

#: A rate is a percent of the occupation's employment a year.
_RANGE = {"exit_rate": (0, 100), "transfer_rate": (0, 100), "separation_rate": (0, 100)}
_ANY = (0, 1_000_000)

TABLES: tuple[Table, ...] = (
    Table(
        "ep_separations",
        (
            ("soc", "TEXT NOT NULL"),
            ("matrix_title", "TEXT NOT NULL"),
            ("occupation_type", "TEXT NOT NULL"),
            *((column, "REAL") for column, _ in FIGURES),
            ("missing_reason", "TEXT"),
        ),
        primary_key=("soc",),
    ),
)


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield ``ep_separations`` rows for OEWS occupations and the all-occupations total."""
    path = require_file(root, WORKBOOK)
    found: list[Row] = []
    seen: set[str] = set()
    wanted = (_TITLE, _TYPE, *(header for _, header in FIGURES))
    for line, cells, columns in lines(path, SHEET, _CODE, wanted):
        code = cell_text(cells[columns[_CODE]])
        if code in seen:
            raise ImportSourceError(
                f"sheet {SHEET!r}, column {column_letter(columns[_CODE])}: matrix code {code} "
                f"is listed twice",
                path,
                line,
            )
        seen.add(code)
        if code not in spine:  # summary rows, and lines OEWS does not publish
            continue
        title = cell_text(cells[columns[_TITLE]])
        kind = cell_text(cells[columns[_TYPE]])
        if not title or kind not in ("Summary", "Line item"):
            raise ImportSourceError(
                f"sheet {SHEET!r}: row of {code} lacks its title or its occupation type "
                f"('Summary' or 'Line item'; found {kind!r})",
                path,
                line,
            )
        figures = [
            number(cells, columns, header, (path, line, SHEET, code), _RANGE.get(column, _ANY))
            for column, header in FIGURES
        ]
        missing = [
            column for (column, _), value in zip(FIGURES, figures, strict=True) if value is None
        ]
        reason = f"{UNAVAILABLE}: {', '.join(missing)}" if missing else None
        found.append((code, title, kind, *figures, reason))
    if "00-0000" not in seen:
        raise ImportSourceError(
            f"sheet {SHEET!r} has no 'Total, all occupations' row (00-0000)", path
        )
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    for row in found:
        yield "ep_separations", row
