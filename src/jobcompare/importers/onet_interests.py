"""O*NET 30.3 Interests (``career_interest_types.csv``): the six RIASEC interest ratings of
each occupation (scale OI, 1-7) and its interest high points (scale IH: the number of
the first, second and third highest interest, 1-6 for Realistic ... Conventional, 0 for
none), read for the O*NET 30.3 importer (importers/onet.py), which stores one row per
O*NET occupation in ``onet_interest``.

Values are kept as O*NET publishes them: a rating with its two decimals, a high point as
the whole number O*NET writes ("4.00" is 4, Social). A row that does not read as such (an
element O*NET's Interests do not have, a rating outside 1-7, a high point that is not 0-6,
a repeated row) or an occupation without all nine rows stops the import, naming the file,
the line and the column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._source import csv_rows, number
from jobcompare.importers.base import Row

__all__ = ["ELEMENTS", "FILE", "HIGH_POINTS", "INTERESTS", "rows"]

FILE = "career_interest_types.csv"

#: The six interests (RIASEC), in O*NET's element order: (element ID, name, store column).
INTERESTS: tuple[tuple[str, str, str], ...] = (
    ("1.B.1.a", "Realistic", "realistic"),
    ("1.B.1.b", "Investigative", "investigative"),
    ("1.B.1.c", "Artistic", "artistic"),
    ("1.B.1.d", "Social", "social"),
    ("1.B.1.e", "Enterprising", "enterprising"),
    ("1.B.1.f", "Conventional", "conventional"),
)
#: The three high points (scale IH): (element ID, name, store column).
HIGH_POINTS: tuple[tuple[str, str, str], ...] = (
    ("1.B.1.g", "First Interest High-Point", "high_point_1"),
    ("1.B.1.h", "Second Interest High-Point", "high_point_2"),
    ("1.B.1.i", "Third Interest High-Point", "high_point_3"),
)
#: Element ID -> (name, scale, column), every row an occupation has.
ELEMENTS = {
    **{e: (name, "OI", column) for e, name, column in INTERESTS},
    **{e: (name, "IH", column) for e, name, column in HIGH_POINTS},
}
#: O*NET's rating scale of the interests (OI) and the numbers of the high points (IH).
RATING_RANGE = (1.0, 7.0)
HIGH_POINT_RANGE = (0, len(INTERESTS))

_CODE = "O*NET-SOC Code"
_COLUMNS = (
    _CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Data Value",
    "Date", "Domain Source",
)  # fmt: skip


def rows(
    path: Path, known: Callable[[dict[str, str], Path, int], str]
) -> Iterator[tuple[str, Row]]:
    """One ``(onet_code, row)`` per O*NET occupation, in file order: the six ratings, the
    three high points, the date and domain source (those of the occupation's rows; O*NET
    gives all nine the same). ``known`` checks the code is one of occupation_data.csv's."""
    found: dict[str, dict[str, float | int]] = {}
    first_line: dict[str, int] = {}
    dated: dict[str, tuple[str | None, str | None]] = {}
    for line, rec in csv_rows(path, _COLUMNS):
        code = known(rec, path, line)
        element = rec["Element ID"].strip()
        if element not in ELEMENTS:
            raise ImportSourceError(
                f"column 'Element ID': {element!r} is not one of O*NET's interests "
                f"({', '.join(ELEMENTS)})",
                path,
                line,
            )
        name, scale, column = ELEMENTS[element]
        if rec["Element Name"].strip() != name:
            raise ImportSourceError(
                f"column 'Element Name': {element} is {name!r}, not "
                f"{rec['Element Name'].strip()!r}",
                path,
                line,
            )
        if rec["Scale ID"].strip() != scale:
            raise ImportSourceError(
                f"column 'Scale ID': {element} ({name}) is on scale {scale}, not "
                f"{rec['Scale ID'].strip()!r}",
                path,
                line,
            )
        value = number(rec["Data Value"], path, line, "Data Value")
        assert value is not None
        if scale == "OI":
            low, high = RATING_RANGE
            if not low <= value <= high:
                raise ImportSourceError(
                    f"column 'Data Value': {rec['Data Value'].strip()!r} is outside O*NET's "
                    f"interest scale ({low:g}-{high:g})",
                    path,
                    line,
                )
            kept: float | int = value
        else:
            first, last = HIGH_POINT_RANGE
            if value != int(value) or not first <= value <= last:
                raise ImportSourceError(
                    f"column 'Data Value': {rec['Data Value'].strip()!r} is not a high point "
                    f"({first} for none, or {first + 1}-{last}: the number of an interest)",
                    path,
                    line,
                )
            kept = int(value)
        ratings = found.setdefault(code, {})
        first_line.setdefault(code, line)
        if column in ratings:
            raise ImportSourceError(f"{code} has {name} ({element}) twice", path, line)
        ratings[column] = kept
        dated.setdefault(code, (rec["Date"].strip() or None, rec["Domain Source"].strip() or None))
    wanted = [column for _, (_, _, column) in ELEMENTS.items()]
    for code, ratings in found.items():
        lacking = [
            f"{name} ({element})"
            for element, (name, _, column) in ELEMENTS.items()
            if column not in ratings
        ]
        if lacking:
            raise ImportSourceError(
                f"{code} lacks {', '.join(lacking)}: O*NET gives every occupation all nine",
                path,
                first_line[code],
            )
        yield code, (*(ratings[column] for column in wanted), *dated[code])
