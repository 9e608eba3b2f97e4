"""BLS Current Population Survey 2024 annual averages, ``cpsa2024.xlsx``: who works in an
occupation (table 11, sheet ``cpsaat11``: total employed, percent women, White, Black or
African American, Asian, Hispanic or Latino), their median age (table 11b, ``cpsaat11b``)
and the median weekly earnings of its full-time wage and salary workers, all, men and women
(table 39, ``cpsaat39``).

CPS rows are Census occupation titles, not SOC codes; the three tables list the same
titles (a title one of them lacks stops the import). A row applies to an OEWS occupation
only when its title equals the OEWS title once both are normalised (:func:`normalise`), or
through the committed crosswalk ``cps_crosswalk.csv`` (its header says where each entry comes
from); a CPS row covering several OEWS occupations applies to each, with a note. Every OEWS
occupation gets a row: one no CPS row covers is all missing, with the reason. A "–" (BLS: no
data or base under 50,000) is missing with that reason. openpyxl is needed
(``jobcompare[import]``) and imported only when reading.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text, sheet_rows
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = [
    "CROSSWALK",
    "DASH",
    "NO_ROW",
    "SOURCE",
    "TABLES",
    "load_crosswalk",
    "normalise",
    "rows",
]

SOURCE = SourceInfo(
    key="cps",
    folder="bls-cps-2024",
    name="BLS Current Population Survey, annual averages (tables 11, 11b and 39)",
    release="2024 annual averages",
    year="2024",
    licence="Public domain (U.S. government work)",
    attribution=(
        "U.S. Bureau of Labor Statistics, Current Population Survey, 2024 annual averages, "
        "tables 11, 11b and 39."
    ),
    url="https://www.bls.gov/cps/tables.htm",
)

WORKBOOK = "cpsa2024.xlsx"
YEAR = "2024"
CROSSWALK = Path(__file__).with_name("cps_crosswalk.csv")
#: BLS's note for "–".
DASH = (
    "Dash indicates no data or data that do not meet publication criteria "
    "(values not shown where base is less than 50,000) (BLS, CPS)"
)
NO_ROW = "no CPS row for this occupation"
_TOTAL_TITLES = {
    "cpsaat11": "Total, 16 years and over",
    "cpsaat11b": "Total employed",
    "cpsaat39": "Total, full-time wage and salary workers",
}
_TOTAL_SOC = "00-0000"

TABLES: tuple[Table, ...] = (
    Table(
        "cps_demographics",
        (
            ("soc", "TEXT NOT NULL"),
            ("cps_title", "TEXT"),
            ("match", "TEXT"),
            ("total_employed", "REAL"),
            ("percent_women", "REAL"),
            ("percent_white", "REAL"),
            ("percent_black", "REAL"),
            ("percent_asian", "REAL"),
            ("percent_hispanic", "REAL"),
            ("median_age", "REAL"),
            # Table 39: median weekly earnings of full-time wage and salary workers, whole
            # dollars as BLS prints them.
            ("weekly_earnings", "INTEGER"),
            ("weekly_earnings_men", "INTEGER"),
            ("weekly_earnings_women", "INTEGER"),
            ("note", "TEXT"),
            ("missing_reason", "TEXT"),
        ),
        primary_key=("soc",),
    ),
)

#: (sheet, [(store column, header as BLS writes it, white space collapsed)]). A column under
#: a merged group heading is named by both, "group / label" ("Men / Median weekly earnings").
_SHEETS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "cpsaat11",
        (
            ("total_employed", "Total employed"),
            ("percent_women", "Percent of total employed / Women"),
            ("percent_white", "Percent of total employed / White"),
            ("percent_black", "Percent of total employed / Black or African American"),
            ("percent_asian", "Percent of total employed / Asian"),
            ("percent_hispanic", "Percent of total employed / Hispanic or Latino"),
        ),
    ),
    ("cpsaat11b", (("median_age", "Median age"),)),
    (
        "cpsaat39",
        (
            ("weekly_earnings", "Total / Median weekly earnings"),
            ("weekly_earnings_men", "Men / Median weekly earnings"),
            ("weekly_earnings_women", "Women / Median weekly earnings"),
        ),
    ),
)
_FIGURES = tuple(column for _, labels in _SHEETS for column, _ in labels)
#: Figures BLS prints in whole dollars: stored as integers, anything else is an error.
_DOLLARS = frozenset({"weekly_earnings", "weekly_earnings_men", "weekly_earnings_women"})
#: The range a figure of each kind can take (a share; an age in years; a week's median pay
#: in dollars, far above any BLS publishes): anything else is not a figure (docs/mapping.md).
_RANGES = {
    "total_employed": (0, 1_000_000),  # thousands: all employed are some 161,000
    "median_age": (0, 120),
    **{c: (0, 100_000) for c in _DOLLARS},
}
_SHARE = (0, 100)
_DASHES = ("–", "—", "-")
#: What a sheet's NOTE says of "–"; the reason stored (DASH) quotes it.
_DASH_NOTE = "Dash indicates no data or data that do not meet publication criteria"


def normalise(title: str) -> str:
    """A title for comparison: case, punctuation, "&"/"and" and spacing ignored."""
    text = title.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def load_crosswalk(path: Path = CROSSWALK) -> dict[str, list[str]]:
    """Normalised CPS title -> the OEWS codes it covers, from the committed crosswalk."""
    mapping: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for number, rec in enumerate(csv.DictReader(lines), start=2):
            title, soc = rec.get("cps_title") or "", rec.get("soc") or ""
            if not title or not re.match(r"^[0-9]{2}-[0-9]{4}$", soc):
                raise ImportSourceError("crosswalk row needs cps_title and soc", path, number)
            mapping.setdefault(normalise(title), []).append(soc)
    return mapping


def _headings(rows: Sequence[Sequence[str]]) -> list[str]:
    """Each column's heading from the header rows under the year: its labels top to bottom
    joined by " / ". A label over empty cells to its right that have labels of their own
    further down is a merged group heading ("Men" over "Number of workers" and "Median
    weekly earnings") and heads them too."""
    width = max((len(r) for r in rows), default=0)
    cells = [[r[i] if i < len(r) else "" for i in range(width)] for r in rows]
    parts: list[list[str]] = [[] for _ in range(width)]
    for level, texts in enumerate(cells):
        spread = ""
        for index in range(1, width):
            below = any(r[index] for r in cells[level + 1 :])
            spread = texts[index] or (spread if below else "")
            if spread:
                parts[index].append(spread)
    return [" / ".join(p) for p in parts]


def _figure(
    sheet: str, title: str, column: str, value: object, path: Path, number: int, excel: str
) -> float | int | None:
    """One cell of a data row: a number as BLS printed it, or None for its "–"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = _RANGES.get(column, _SHARE)
        if not (math.isfinite(value) and low <= value <= high):
            raise ImportSourceError(
                f"sheet {sheet!r}: {title!r} has {value!r} (column {excel}), outside what "
                f"the column can hold ({low:,} to {high:,})",
                path,
                number,
            )
        if column not in _DOLLARS:
            return value
        if float(value).is_integer():
            return int(value)
        raise ImportSourceError(
            f"sheet {sheet!r}: {title!r} has {value!r} where BLS prints whole dollars "
            f"(column {excel})",
            path,
            number,
        )
    if cell_text(value) in _DASHES:
        return None
    raise ImportSourceError(
        f"sheet {sheet!r}: {title!r} has {value!r} where a number or '–' belongs (column {excel})",
        path,
        number,
    )


def _read_sheet(
    path: Path, sheet: str, labels: Sequence[tuple[str, str]]
) -> dict[str, tuple[int, dict[str, float | int | None]]]:
    """CPS title -> (Excel row, {column: value or None for "–"}) for one sheet."""
    header: list[list[str]] = []  # the header rows under "Occupation" / the year
    positions: dict[str, int] | None = None
    result: dict[str, tuple[int, dict[str, float | int | None]]] = {}
    ended = False
    for number, values in sheet_rows(path, sheet):
        texts = [" ".join(cell_text(v).split()) for v in values]
        if positions is None:
            # Header rows: merged cells spread the labels over several rows; the first row
            # whose first cell is a title (not "Occupation") starts the data.
            if texts and texts[0] and texts[0] != "Occupation" and header:
                headings = _headings(header[1:])
                found = {}
                for column, label in labels:
                    if headings.count(label) != 1:
                        raise ImportSourceError(
                            f"sheet {sheet!r}: no column headed {label!r} (headings: "
                            f"{', '.join(repr(h) for h in headings if h)})",
                            path,
                            number,
                        )
                    found[column] = headings.index(label)
                positions = found
            elif (texts and texts[0] == "Occupation") or header:
                if not header and (len(texts) < 2 or texts[1] != YEAR):
                    raise ImportSourceError(
                        f"sheet {sheet!r}: expected the year {YEAR} over the figures, "
                        f"found {texts[1] if len(texts) > 1 else ''!r}",
                        path,
                        number,
                    )
                header.append(texts)
                continue
            else:
                continue
        title = texts[0] if texts else ""
        if not title:
            continue
        if title.startswith("NOTE"):
            if _DASH_NOTE not in title:
                raise ImportSourceError(
                    f"sheet {sheet!r}: its NOTE no longer says what '–' means "
                    f"({_DASH_NOTE!r} expected)",
                    path,
                    number,
                )
            ended = True
            break
        figures: dict[str, float | int | None] = {}
        for column, index in positions.items():
            value = values[index] if index < len(values) else None
            excel = chr(ord("A") + index) if index < 26 else str(index + 1)
            figures[column] = _figure(sheet, title, column, value, path, number, excel)
        if title in result:
            raise ImportSourceError(f"sheet {sheet!r}: {title!r} is listed twice", path, number)
        result[title] = (number, figures)
    if positions is None or not ended:
        raise ImportSourceError(
            f"sheet {sheet!r} ends before its NOTE line (truncated?) or has no header", path
        )
    return result


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield one ``cps_demographics`` row per OEWS occupation (missing ones with a reason)."""
    path = require_file(root, WORKBOOK)
    crosswalk = load_crosswalk()
    sheets = []
    for done, (sheet, labels) in enumerate(_SHEETS, start=1):
        sheets.append(_read_sheet(path, sheet, labels))
        if progress is not None:
            progress(done, len(_SHEETS))

    # The tables list the same occupations: a title one lacks would leave its figures
    # missing for no reason BLS gives (never "–"), so it stops the import.
    first_sheet, first = _SHEETS[0][0], sheets[0]
    for (sheet, _), read in zip(_SHEETS[1:], sheets[1:], strict=True):
        for title, (number, _) in read.items():
            if title != _TOTAL_TITLES[sheet] and title not in first:
                raise ImportSourceError(
                    f"sheet {sheet!r}: {title!r} is not a row of {first_sheet!r}", path, number
                )
        for title, (number, _) in first.items():
            if title != _TOTAL_TITLES[first_sheet] and title not in read:
                raise ImportSourceError(
                    f"sheet {first_sheet!r}: {title!r} is not a row of {sheet!r}", path, number
                )

    # Merge the sheets by CPS title (the totals have a different title in each).
    merged: dict[str, dict[str, float | int | None]] = {}
    for (sheet, _), read in zip(_SHEETS, sheets, strict=True):
        for title, (_, figures) in read.items():
            key = _TOTAL_SOC if title == _TOTAL_TITLES[sheet] else title
            merged.setdefault(key, {}).update(figures)

    by_title = {normalise(title): soc for soc, title in spine.occupations.items()}
    assigned: dict[str, tuple[str, str]] = {}  # soc -> (CPS title, how)
    if _TOTAL_SOC in merged and _TOTAL_SOC in spine:
        assigned[_TOTAL_SOC] = (_TOTAL_SOC, "total")
    for title in merged:
        soc = by_title.get(normalise(title))
        if soc is not None and soc != _TOTAL_SOC:
            assigned[soc] = (title, "title")
    for title in merged:
        for soc in crosswalk.get(normalise(title), []):
            if soc in spine and soc not in assigned:
                assigned[soc] = (title, "crosswalk")
    covers: dict[str, list[str]] = {}
    for soc, (title, _) in sorted(assigned.items()):
        covers.setdefault(title, []).append(soc)

    yield source_file_row(SOURCE.key, root, path)
    for soc in sorted(spine.occupations):
        if soc not in assigned:
            yield "cps_demographics", (soc, None, None, *([None] * len(_FIGURES)), None, NO_ROW)
            continue
        title, how = assigned[soc]
        figures = merged[title]
        values = [figures.get(column) for column in _FIGURES]
        dashed = [column for column in _FIGURES if figures.get(column) is None]
        shared = covers[title]
        note = None
        if len(shared) > 1:
            note = (
                f"The CPS row {title!r} covers {len(shared)} OEWS occupations "
                f"({', '.join(shared)}); its figures are for all of them together."
            )
        shown = "Total, 16 years and over" if title == _TOTAL_SOC else title
        yield (
            "cps_demographics",
            (
                soc,
                shown,
                how,
                *values,
                note,
                f"{DASH}: {', '.join(dashed)}" if dashed else None,
            ),
        )
