"""BLS OEWS national estimates of May 2021 to May 2024 (BLS's yearly ``national_M20YY_dl.xlsx``
files) into the store, beside the May 2025 figures of importers/oews.py: a pay-over-time
series per occupation (``jobcompare history``, docs/history.md).

One row per OEWS occupation of the spine (May 2025's detailed occupations and All
Occupations) and year in whose file BLS publishes it as a detailed occupation (``O_GROUP``
``detailed``; All Occupations is ``total``): its title that year, employment and its
relative standard error, hourly and annual mean and the mean's relative standard error,
the hourly and annual 10th, 25th, 50th, 75th and 90th percentiles, and BLS's
``ANNUAL``/``HOURLY`` flags (only annual, or only hourly, wages released). Figures are
exact integers in the unit of the last digit BLS prints, as the May 2025 ones are (hourly
wages in cents, annual wages and employment in dollars and jobs, relative standard errors
in tenths of a percent): a value with more digits is an error, never rounded.

BLS's marks: ``*`` (a wage estimate is not available), ``**`` (an employment estimate is
not available) are NULL, the mark kept in ``oews_history_note`` so that the reader gives
BLS's own words for it (each file's "Field Descriptions" sheet); ``#`` (a wage at or above
the year's top code) is stored as that year's top code with its ``at_least`` bit set (bit
*i* = the *i*-th figure of :data:`FIGURES`). Each year's top code is read from its file's
note ("#  = indicates a wage equal to or greater than $100.00 per hour or $208,000 per
year"), never assumed: May 2021's is $100.00 / $208,000, the later files' $115.00 /
$239,200.

Anything else is an :class:`ImportSourceError` naming the file, the sheet's row and the
column (letter and BLS's header). openpyxl is needed (``jobcompare[import]``) and imported
only when reading.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._ep_sheet import column_letter
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text, sheet_rows
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = [
    "FIGURES",
    "NOTES_SHEET",
    "SOURCE",
    "TABLES",
    "YEARS",
    "file_name",
    "rows",
    "sheet_name",
]

#: The years read, each from its own file.
YEARS = (2021, 2022, 2023, 2024)

SOURCE = SourceInfo(
    key="oews-history",
    folder="bls-oews-history",
    name="BLS Occupational Employment and Wage Statistics (OEWS), national estimates",
    release="May 2021–May 2024 national files",
    year="2021–2024",
    licence="Public domain (U.S. government work)",
    attribution=(
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics "
        "(OEWS), national estimates for May 2021, May 2022, May 2023 and May 2024"
    ),
    url="https://www.bls.gov/oes/tables.htm",
)

#: BLS's caution, said wherever the series is shown (its words on the OEWS pages: the
#: survey is not designed for comparisons over time).

NOTES_SHEET = "Field Descriptions"

#: (store column, BLS header, scale, kind): the figures kept, in store order. ``scale``
#: turns BLS's printed figure into the stored integer; ``kind`` is what BLS's marks may
#: stand for in the column ("wage": ``*`` and ``#``; "employment": ``**``; "error": a
#: relative standard error, ``*`` or ``**``).
FIGURES: tuple[tuple[str, str, int, str], ...] = (
    ("employment", "TOT_EMP", 1, "employment"),
    ("hourly_mean", "H_MEAN", 100, "hourly"),
    ("annual_mean", "A_MEAN", 1, "annual"),
    ("hourly_p10", "H_PCT10", 100, "hourly"),
    ("hourly_p25", "H_PCT25", 100, "hourly"),
    ("hourly_p50", "H_MEDIAN", 100, "hourly"),
    ("hourly_p75", "H_PCT75", 100, "hourly"),
    ("hourly_p90", "H_PCT90", 100, "hourly"),
    ("annual_p10", "A_PCT10", 1, "annual"),
    ("annual_p25", "A_PCT25", 1, "annual"),
    ("annual_p50", "A_MEDIAN", 1, "annual"),
    ("annual_p75", "A_PCT75", 1, "annual"),
    ("annual_p90", "A_PCT90", 1, "annual"),
    ("employment_rse", "EMP_PRSE", 10, "error"),
    ("mean_rse", "MEAN_PRSE", 10, "error"),
)
#: What each mark may stand in for, by the column's kind.
_MARKS = {
    "employment": ("**",),
    "hourly": ("*", "#"),
    "annual": ("*", "#"),
    "error": ("*", "**"),
}
#: The largest figure a column can hold, by kind, in the stored unit: no occupation
#: employs a billion people, nor is paid $10,000 an hour or $20 million a year.
_MOST = {
    "employment": 1_000_000_000,
    "hourly": 1_000_000,
    "annual": 20_000_000,
    "error": 10_000,
}

#: The other columns read: where the row is, what it is, and BLS's flags.
_AREA, _NAICS, _CODE, _TITLE, _GROUP = "AREA", "NAICS", "OCC_CODE", "OCC_TITLE", "O_GROUP"
_ANNUAL, _HOURLY = "ANNUAL", "HOURLY"
_HEADERS = (_AREA, _NAICS, _CODE, _TITLE, _GROUP, *(h for _, h, _, _ in FIGURES),
            _ANNUAL, _HOURLY)  # fmt: skip
#: The national, cross-industry estimates: BLS's U.S. area code and all industries.
_NATION, _ALL_INDUSTRIES = "99", "000000"
_GROUPS = ("total", "major", "minor", "broad", "detailed")
#: The rows kept: detailed occupations and the all-occupations total.
_KEPT_GROUPS = ("detailed", "total")
_CODE_RE = re.compile(r"^[0-9]{2}-[0-9]{4}$")
_TRUE = "TRUE"

#: BLS's notes under "Notes:" on the Field Descriptions sheet: "*  = indicates that ...".
_NOTE_RE = re.compile(r"^(?P<mark>\*\*|\*|#)\s*=\s*(?P<text>\S.*?)\s*$")
_TOP_RE = re.compile(
    r"equal to or greater than \$(?P<hourly>[0-9][0-9,]*\.[0-9]{2}) per hour"
    r" or \$(?P<annual>[0-9][0-9,]*) per year",
    re.IGNORECASE,
)

_FIGURE_COLUMNS = tuple((column, "INTEGER") for column, _, _, _ in FIGURES)
TABLES: tuple[Table, ...] = (
    Table(
        "oews_history",
        (
            ("soc", "TEXT NOT NULL"),
            ("year", "INTEGER NOT NULL"),
            ("title", "TEXT NOT NULL"),  # BLS's title of the occupation that year
            *_FIGURE_COLUMNS,
            ("annual_only", "INTEGER NOT NULL"),  # 1: BLS's ANNUAL flag is TRUE
            ("hourly_only", "INTEGER NOT NULL"),  # 1: BLS's HOURLY flag is TRUE
            ("at_least", "INTEGER NOT NULL"),
        ),
        ("soc", "year"),
    ),
    Table(
        "oews_history_note",
        (
            ("soc", "TEXT NOT NULL"),
            ("year", "INTEGER NOT NULL"),
            ("measure", "TEXT NOT NULL"),
            ("mark", "TEXT NOT NULL"),  # BLS's "*" or "**" where the figure would be
        ),
        ("soc", "year", "measure"),
    ),
    Table(
        "oews_history_year",
        (
            ("year", "INTEGER NOT NULL"),
            ("release", "TEXT NOT NULL"),  # "May 2021"
            ("file", "TEXT NOT NULL"),
            ("top_hourly", "INTEGER NOT NULL"),  # cents
            ("top_annual", "INTEGER NOT NULL"),  # dollars
        ),
        ("year",),
    ),
    Table(
        "oews_history_mark",
        (
            ("year", "INTEGER NOT NULL"),
            ("mark", "TEXT NOT NULL"),
            ("text", "TEXT NOT NULL"),  # BLS's words: "indicates that a wage estimate ..."
        ),
        ("year", "mark"),
    ),
)


def file_name(year: int) -> str:
    return f"national_M{year}_dl.xlsx"


def sheet_name(year: int) -> str:
    return f"national_M{year}_dl"


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """The rows of every year's file, read from the folder ``root``."""
    found: list[tuple[str, Row]] = []
    for done, year in enumerate(YEARS):
        path = require_file(root, file_name(year))
        marks, top_hourly, top_annual = _notes(path, year)
        found.append(("oews_history_year", (year, f"May {year}", path.name, top_hourly,
                                            top_annual)))  # fmt: skip
        found += [("oews_history_mark", (year, mark, text)) for mark, text in sorted(marks.items())]
        found += _figures(path, year, spine, (top_hourly, top_annual), marks)
        found.append(source_file_row(SOURCE.key, root, path))
        if progress is not None:
            progress(done + 1, len(YEARS))
    yield from found


def _notes(path: Path, year: int) -> tuple[dict[str, str], int, int]:
    """BLS's marks and the top code, from the file's "Field Descriptions" sheet: its title
    must name the year ("May 2021 OEWS Estimates"), and its notes say what ``*``, ``**``
    and ``#`` stand for (the top code in ``#``'s words)."""
    marks: dict[str, tuple[str, int]] = {}
    title: str | None = None
    for number, cells in sheet_rows(path, NOTES_SHEET):
        text = cell_text(cells[0]) if cells else ""
        if title is None and text:
            title = text
            if text != f"May {year} OEWS Estimates":
                raise ImportSourceError(
                    f"sheet {NOTES_SHEET!r}, column A: the title {text!r} is not "
                    f"'May {year} OEWS Estimates' (the file of another year?)",
                    path,
                    number,
                )
        found = _NOTE_RE.match(text)
        if found:
            mark = found.group("mark")
            if mark in marks:
                raise ImportSourceError(
                    f"sheet {NOTES_SHEET!r}, column A: a second note for {mark!r}", path, number
                )
            marks[mark] = (found.group("text"), number)
    absent = [m for m in ("*", "**", "#") if m not in marks]
    if absent:
        raise ImportSourceError(
            f"sheet {NOTES_SHEET!r} has no note saying what {' and '.join(map(repr, absent))} "
            "stand for (e.g. '#  = indicates a wage equal to or greater than ...')",
            path,
        )
    top_text, top_row = marks["#"]
    top = _TOP_RE.search(top_text)
    if top is None:
        raise ImportSourceError(
            f"sheet {NOTES_SHEET!r}, column A: the note on '#' names no top code ('equal to or "
            f"greater than $N.NN per hour or $N per year'): {top_text!r}",
            path,
            top_row,
        )
    hourly = int(Decimal(top.group("hourly").replace(",", "")) * 100)
    annual = int(top.group("annual").replace(",", ""))
    return {mark: text for mark, (text, _) in marks.items()}, hourly, annual


def _figures(
    path: Path,
    year: int,
    spine: Spine,
    top: tuple[int, int],
    marks: dict[str, str],
) -> list[tuple[str, Row]]:
    sheet = sheet_name(year)
    columns: dict[str, int] | None = None
    found: list[tuple[str, Row]] = []
    seen: set[str] = set()
    total = False
    for number, cells in sheet_rows(path, sheet):
        texts = [cell_text(v) for v in cells]
        if columns is None:
            columns = _header(texts, path, sheet, number)
            continue
        if not any(texts):
            continue
        width = max(columns.values()) + 1
        cells = tuple(cells) + (None,) * (width - len(cells))
        said = {header: cell_text(cells[at]) for header, at in columns.items()}
        where = (path, number, sheet)
        code = said[_CODE]
        if not _CODE_RE.match(code):
            raise _error(where, columns, _CODE, f"{code!r} is not an SOC code (NN-NNNN)")
        group = said[_GROUP]
        if group not in _GROUPS:
            raise _error(where, columns, _GROUP, f"{group!r} is not one of {', '.join(_GROUPS)}")
        if said[_AREA] != _NATION or said[_NAICS] != _ALL_INDUSTRIES:
            raise _error(
                where, columns, _AREA, f"a row for area {said[_AREA]!r}, industry "
                f"{said[_NAICS]!r}: this file must hold the national estimates for all "
                f"industries (area {_NATION}, NAICS {_ALL_INDUSTRIES})",
            )  # fmt: skip
        title = said[_TITLE]
        if not title:
            raise _error(where, columns, _TITLE, f"no title for {code}")
        total = total or group == "total"
        if group not in _KEPT_GROUPS:
            continue
        if code in seen:
            raise _error(where, columns, _CODE, f"{code} is listed twice as a detailed occupation")
        seen.add(code)
        if code not in spine:  # occupations May 2025 does not publish (Legislators, 11-1031)
            continue
        flags = [_flag(said[header], where, columns, header) for header in (_ANNUAL, _HOURLY)]
        values: list[int | None] = []
        at_least = 0
        for index, (column, header, scale, kind) in enumerate(FIGURES):
            value, mark = _value(cells[columns[header]], scale, kind, top, where, columns, header)
            if mark == "#":
                at_least |= 1 << index
            elif mark is not None:
                if mark not in marks:  # pragma: no cover - _notes requires every mark
                    raise _error(where, columns, header, f"mark {mark!r} is not explained")
                found.append(("oews_history_note", (code, year, column, mark)))
            values.append(value)
        found.append(("oews_history", (code, year, title, *values, *flags, at_least)))
    if columns is None:
        raise ImportSourceError(
            f"sheet {sheet!r} has no header row naming {', '.join(_HEADERS)}", path
        )
    if not total:
        raise ImportSourceError(
            f"sheet {sheet!r} has no All Occupations row (00-0000, O_GROUP 'total'): truncated?",
            path,
        )
    return found


def _header(texts: list[str], path: Path, sheet: str, number: int) -> dict[str, int]:
    absent = [name for name in _HEADERS if name not in texts]
    if absent:
        raise ImportSourceError(
            f"sheet {sheet!r}: the header lacks {', '.join(absent)} (BLS's national file "
            "names its columns in the first row)",
            path,
            number,
        )
    return {name: texts.index(name) for name in _HEADERS}


def _error(
    where: tuple[Path, int, str], columns: dict[str, int], header: str, message: str
) -> ImportSourceError:
    path, number, sheet = where
    return ImportSourceError(
        f"sheet {sheet!r}, column {column_letter(columns[header])} ({header}): {message}",
        path,
        number,
    )


def _flag(value: str, where: tuple[Path, int, str], columns: dict[str, int], header: str) -> int:
    """BLS's ANNUAL/HOURLY flag: "TRUE", or empty."""
    if value == _TRUE:
        return 1
    if value == "":
        return 0
    raise _error(where, columns, header, f"{value!r} is neither 'TRUE' nor empty")


def _value(
    cell: object,
    scale: int,
    kind: str,
    top: tuple[int, int],
    where: tuple[Path, int, str],
    columns: dict[str, int],
    header: str,
) -> tuple[int | None, str | None]:
    """(the stored integer, BLS's mark): the figure times ``scale``; a top-coded wage
    (``#``) as the year's top code; None with its mark for ``*`` and ``**``."""
    if isinstance(cell, str):
        mark = cell.strip()
        if mark in _MARKS[kind]:
            if mark == "#":
                return (top[0] if kind == "hourly" else top[1]), mark
            return None, mark
        allowed = " or ".join(repr(m) for m in _MARKS[kind])
        said = "an empty cell" if not mark else repr(mark)
        raise _error(where, columns, header, f"{said} is neither a number nor {allowed}")
    if cell is None:
        allowed = " or ".join(repr(m) for m in _MARKS[kind])
        raise _error(where, columns, header, f"an empty cell is neither a number nor {allowed}")
    if isinstance(cell, bool) or not isinstance(cell, (int, float)) or not math.isfinite(cell):
        raise _error(where, columns, header, f"{cell!r} is not a number")
    exact = Decimal(repr(cell)) * scale
    if exact != exact.to_integral_value():
        digits = len(str(scale)) - 1
        raise _error(
            where, columns, header,
            f"{cell!r} has more decimals than BLS prints for this figure ({digits})",
        )  # fmt: skip
    stored = int(exact)
    if not 0 <= stored <= _MOST[kind]:
        most = _MOST[kind] / scale
        raise _error(
            where, columns, header,
            f"{cell!r} is outside what the column can hold (0 to {most:,.0f})",
        )  # fmt: skip
    return stored, None
