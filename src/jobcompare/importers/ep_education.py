"""BLS Employment Projections 2023–33, ``education.xlsx`` table 5.3: educational attainment
of workers 25 and older by occupation (American Community Survey 2021–22), in percent.

Rows are keyed by 2023 National Employment Matrix codes; a row is kept only where its code
equals an OEWS code exactly (docs/mapping.md), plus the all-occupations total (``00-0000``).
BLS marks occupations that are "not an exact match with ACS" with footnote [1]: those rows
keep the flag and BLS's note (their figures are those of the ACS group they belong to).
openpyxl is needed (``jobcompare[import]``) and imported only when reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text, sheet_rows
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = ["LEVELS", "NOT_EXACT", "SOURCE", "TABLES", "rows"]

SOURCE = SourceInfo(
    key="ep-education",
    folder="bls-ep-2023-33",
    name="BLS Employment Projections: educational attainment (table 5.3)",
    release="2023–33 (ACS 2021–22)",
    year="2021–22",
    licence="Public domain (U.S. government work)",
    attribution=(
        "U.S. Bureau of Labor Statistics, Employment Projections program, table 5.3, from "
        "the 2021 and 2022 American Community Survey (U.S. Census Bureau)."
    ),
    url="https://www.bls.gov/emp/tables/educational-attainment.htm",
)

WORKBOOK = "education.xlsx"
SHEET = "Table 5.3"
_TITLE = "2023 National Employment Matrix title"
_CODE = "2023 National Employment Matrix code"
#: (store column, BLS header), lowest level first.
LEVELS = (
    ("less_than_high_school", "Less than high school diploma"),
    ("high_school", "High school diploma or equivalent"),
    ("some_college", "Some college, no degree"),
    ("associate", "Associate's degree"),
    ("bachelor", "Bachelor's degree"),
    ("master", "Master's degree"),
    ("doctoral_or_professional", "Doctoral or professional degree"),
)
#: BLS's footnote [1].
NOT_EXACT = "This occupation is not an exact match with ACS"

TABLES: tuple[Table, ...] = (
    Table(
        "ep_attainment",
        (
            ("soc", "TEXT NOT NULL"),
            ("matrix_code", "TEXT NOT NULL"),
            ("matrix_title", "TEXT NOT NULL"),
            *((column, "REAL") for column, _ in LEVELS),
            ("acs_exact_match", "INTEGER NOT NULL"),
            ("note", "TEXT"),
        ),
        primary_key=("soc",),
    ),
)

_CODE_RE = re.compile(r"^[0-9]{2}-[0-9]{4}$")
_MARK_RE = re.compile(r"\[([0-9]+)\]$")


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield ``ep_attainment`` rows for OEWS occupations and the all-occupations total."""
    path = require_file(root, WORKBOOK)
    columns: dict[str, int] | None = None
    found: list[Row] = []
    seen: set[str] = set()
    footnote_seen = False
    for number, values in sheet_rows(path, SHEET):
        texts = [cell_text(v) for v in values]
        if columns is None:
            if _CODE in texts:
                wanted = [_TITLE, _CODE] + [header for _, header in LEVELS]
                absent = [name for name in wanted if name not in texts]
                if absent:
                    raise ImportSourceError(
                        f"sheet {SHEET!r}: header lacks {', '.join(map(repr, absent))}",
                        path,
                        number,
                    )
                columns = {name: texts.index(name) for name in wanted}
            continue
        code = texts[columns[_CODE]] if len(texts) > columns[_CODE] else ""
        if not code:
            if texts and texts[0].startswith("Footnotes"):
                footnote_seen = True
                break
            continue
        if not _CODE_RE.match(code):
            raise ImportSourceError(f"{code!r} is not a matrix code", path, number)
        if code in seen:
            raise ImportSourceError(f"matrix code {code} is listed twice", path, number)
        seen.add(code)
        if code not in spine:
            continue
        title = texts[columns[_TITLE]]
        mark = _MARK_RE.search(title)
        if mark and mark.group(1) != "1":
            raise ImportSourceError(f"unknown footnote mark [{mark.group(1)}]", path, number)
        shares: list[float | int] = []
        for _, header in LEVELS:
            value = values[columns[header]]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ImportSourceError(
                    f"{header!r} for {code}: {value!r} is not a number", path, number
                )
            shares.append(value)
        found.append(
            (
                code,
                code,
                _MARK_RE.sub("", title).strip(),
                *shares,
                0 if mark else 1,
                NOT_EXACT if mark else None,
            )
        )
    if columns is None:
        raise ImportSourceError(f"sheet {SHEET!r} has no header row naming {_CODE!r}", path)
    if not footnote_seen or "00-0000" not in seen:
        raise ImportSourceError(
            f"sheet {SHEET!r} ends before its footnotes (or lacks the total row): truncated?",
            path,
        )
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    for row in found:
        yield "ep_attainment", row
