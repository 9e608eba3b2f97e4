"""BLS Employment Projections 2024–34, ``occupation.xlsx`` table 1.2.

One row per National Employment Matrix line whose code is an OEWS occupation (EP codes equal
SOC codes for detailed occupations), plus the all-occupations total (``00-0000``), with the
figures as BLS publishes them: employment in thousands, change in thousands, percents to one
decimal. A "—" (BLS: "Data is unavailable") is ``NULL`` with that reason. openpyxl is needed
(``jobcompare[import]``) and imported only when reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text, sheet_rows
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = ["SOURCE", "TABLES", "UNAVAILABLE", "rows"]

SOURCE = SourceInfo(
    key="ep",
    folder="bls-ep-2024-34",
    name="BLS Employment Projections",
    release="2024–34 (released 2025-08-28)",
    year="2024–34",
    licence="Public domain (U.S. government work)",
    attribution="U.S. Bureau of Labor Statistics, Employment Projections program, 2024–34.",
    url="https://www.bls.gov/emp/tables.htm",
)

WORKBOOK = "occupation.xlsx"
SHEET = "Table 1.2"
#: BLS's note under table 1.2, the reason for every "—".
UNAVAILABLE = 'Data is unavailable for values denoted with a "—" (BLS, table 1.2)'

TABLES: tuple[Table, ...] = (
    Table(
        "ep_projection",
        (
            ("soc", "TEXT NOT NULL"),
            ("matrix_title", "TEXT NOT NULL"),
            ("occupation_type", "TEXT NOT NULL"),
            ("employment_2024", "REAL"),
            ("employment_2034", "REAL"),
            ("change", "REAL"),
            ("percent_change", "REAL"),
            ("percent_self_employed", "REAL"),
            ("annual_openings", "REAL"),
            ("entry_education", "TEXT"),
            ("work_experience", "TEXT"),
            ("job_training", "TEXT"),
            ("missing_reason", "TEXT"),
        ),
        primary_key=("soc",),
    ),
)

_TITLE = "2024 National Employment Matrix title"
_CODE = "2024 National Employment Matrix code"
_TYPE = "Occupation type"
#: (store column, BLS header) of the numeric figures, in TABLES order.
_NUMBERS = (
    ("employment_2024", "Employment, 2024"),
    ("employment_2034", "Employment, 2034"),
    ("change", "Employment change, numeric, 2024–34"),
    ("percent_change", "Employment change, percent, 2024–34"),
    ("percent_self_employed", "Percent self employed, 2024"),
    ("annual_openings", "Occupational openings, 2024–34 annual average"),
)
_TEXTS = (
    ("entry_education", "Typical education needed for entry"),
    ("work_experience", "Work experience in a related occupation"),
    ("job_training", "Typical on-the-job training needed to attain competency in the occupation"),
)
_DASHES = ("—", "–", "-")
_CODE_RE = re.compile(r"^[0-9]{2}-[0-9]{4}$")


def _header_index(header: list[str], path: Path, number: int) -> dict[str, int]:
    # BLS headers carry footnote marks such as "[1]": match without them.
    plain = [re.sub(r"\[[0-9]+\]$", "", name).strip() for name in header]
    wanted = [_TITLE, _CODE, _TYPE] + [h for _, h in _NUMBERS] + [h for _, h in _TEXTS]
    absent = [name for name in wanted if name not in plain]
    if absent:
        raise ImportSourceError(
            f"sheet {SHEET!r}: header lacks {', '.join(map(repr, absent))}", path, number
        )
    return {name: plain.index(name) for name in wanted}


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield ``ep_projection`` rows for OEWS occupations and the all-occupations total."""
    path = require_file(root, WORKBOOK)
    found: list[Row] = []
    columns: dict[str, int] | None = None
    seen: set[str] = set()
    for number, values in sheet_rows(path, SHEET):
        cells = list(values)
        texts = [cell_text(v) for v in cells]
        if columns is None:
            if _CODE in texts:
                columns = _header_index(texts, path, number)
            continue
        code = texts[columns[_CODE]] if len(texts) > columns[_CODE] else ""
        if not code:
            if texts and texts[0].startswith("Footnotes"):
                break
            continue
        if not _CODE_RE.match(code):
            raise ImportSourceError(f"{code!r} is not a matrix code", path, number)
        if code in seen:
            raise ImportSourceError(f"matrix code {code} is listed twice", path, number)
        seen.add(code)
        if code not in spine:
            continue
        missing: list[str] = []
        figures: list[float | int | str | None] = []
        for column, header in _NUMBERS:
            value = cells[columns[header]]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                if cell_text(value) in _DASHES:
                    missing.append(column)
                    figures.append(None)
                    continue
                raise ImportSourceError(
                    f"{header!r} for {code}: {value!r} is not a number", path, number
                )
            figures.append(value)
        for column, header in _TEXTS:
            text = texts[columns[header]]
            if text in _DASHES or not text:
                if cells[columns[_TYPE]] == "Line item":
                    missing.append(column)
                figures.append(None)
            else:
                figures.append(text)
        found.append(
            (
                code,
                texts[columns[_TITLE]],
                texts[columns[_TYPE]],
                *figures,
                f"{UNAVAILABLE}: {', '.join(missing)}" if missing else None,
            )
        )
    if columns is None:
        raise ImportSourceError(f"sheet {SHEET!r} has no header row naming {_CODE!r}", path)
    if "00-0000" not in seen:
        raise ImportSourceError(
            f"sheet {SHEET!r} has no 'Total, all occupations' row (00-0000): truncated?", path
        )
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    for row in found:
        yield "ep_projection", row
