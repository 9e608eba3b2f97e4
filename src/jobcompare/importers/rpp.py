"""BEA Regional Price Parities 2024 into the store: states and metropolitan areas.

Reads BEA's own CSV downloads, ``SARPP_STATE_2008_2024.csv`` (United States, 50 states
and DC) and ``MARPP_MSA_2008_2024.csv`` (metropolitan statistical areas and the U.S.
nonmetropolitan portion), and keeps the 2024 column of the five parities (line codes 1
all items, 2 goods, 3 housing, 4 utilities, 5 other services; U.S. = 100).

Each row is keyed by BEA's GeoFips and carries the OEWS area it joins: a state by FIPS
(BEA ``06000`` = OEWS ``0600000``), a metro area by CBSA code (BEA ``12420`` = OEWS
``0012420``), the nation (``00000`` = ``0000000``). BEA's "United States (Nonmetropolitan
Portion)" matches no OEWS area and has none. Parities are stored exactly, in thousandths
(BEA prints three decimals: 88.823 -> 88823).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

YEAR = "2024"
SOURCE = SourceInfo(
    key="rpp",
    folder="bea-rpp-2024",
    name="BEA Regional Price Parities (RPP)",
    release="2024 (released 2026-02-19)",
    year=YEAR,
    licence="Public domain (U.S. government work)",
    attribution="U.S. Bureau of Economic Analysis, Regional Price Parities by state and "
    "metropolitan area, 2024 (released February 19, 2026)",
    url="https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area",
)
FILES = (
    ("SARPP_STATE_2008_2024.csv", "SARPP", "state"),
    ("MARPP_MSA_2008_2024.csv", "MARPP", "metro"),
)
#: BEA line code -> column.
LINES = {"1": "all_items", "2": "goods", "3": "housing", "4": "utilities", "5": "other"}
NATION = "00000"

TABLES = (
    Table(
        "rpp",
        (
            ("geofips", "TEXT NOT NULL"),
            ("area", "TEXT"),  # the OEWS area code it joins, None when none
            ("name", "TEXT NOT NULL"),  # BEA's name
            ("level", "TEXT NOT NULL"),  # nation, state, metro
            *((column, "INTEGER") for column in LINES.values()),
        ),
        ("geofips",),
        (("area",),),
    ),
)

_REQUIRED = ("GeoFIPS", "GeoName", "TableName", "LineCode", YEAR)


def _exact(text: str, path: Path, line: int) -> int | None:
    """'88.823' -> 88823 (thousandths); '(NA)' and the like -> None."""
    text = text.strip()
    whole, dot, fraction = text.partition(".")
    if not whole.isdigit() or (dot and not fraction.isdigit()) or len(fraction) > 3:
        if text.startswith("(") and text.endswith(")"):
            return None  # BEA's (NA), (D): not available
        raise ImportSourceError(f"{YEAR} value {text!r} is not a price parity", path, line)
    return int(whole) * 1000 + int(fraction.ljust(3, "0"))


def _oews_area(geofips: str, level: str) -> str | None:
    if geofips == NATION:
        return "0000000"
    if level == "state":
        return geofips[:2] + "00000"
    if geofips.startswith("00"):  # the nonmetropolitan portion: no OEWS area
        return None
    return "00" + geofips


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    from jobcompare.importers._write import file_sha256

    root = Path(root)
    if not root.is_dir():
        raise ImportSourceError("not a folder (expected BEA's RPP CSV files)", root)
    found: dict[str, tuple[str, str, str, dict[str, int | None]]] = {}
    for done, (name, table_name, level) in enumerate(FILES):
        path = root / name
        if progress is not None:
            progress(done, len(FILES))
        yield "source_file", (SOURCE.key, f"{SOURCE.folder}/{name}", file_sha256(path))
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise ImportSourceError(f"cannot read file ({exc.strerror or exc})", path) from None
        except UnicodeDecodeError as exc:
            raise ImportSourceError(f"not UTF-8 text ({exc.reason})", path) from None
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [cell.strip() for cell in next(reader, [])]
        missing = [column for column in _REQUIRED if column not in header]
        if missing:
            raise ImportSourceError(f"header lacks column(s) {', '.join(missing)}", path, 1)
        at = {column: header.index(column) for column in _REQUIRED}
        seen_data = closed = False
        for cells in reader:
            line = reader.line_num
            if len(cells) < len(header):
                # BEA ends its files with a few one-cell notes ("Note: ...", the source);
                # a short row before the data ends is a truncated file.
                if len(cells) <= 1 and seen_data:
                    closed = closed or (bool(cells) and cells[0].startswith("Last updated"))
                    continue
                raise ImportSourceError(
                    f"expected {len(header)} comma-separated fields, found {len(cells)}",
                    path,
                    line,
                )
            if cells[at["TableName"]].strip() != table_name:
                raise ImportSourceError(
                    f"TableName {cells[at['TableName']].strip()!r}, expected {table_name}",
                    path,
                    line,
                )
            seen_data = True
            geofips = cells[at["GeoFIPS"]].strip().strip('"').strip()
            if len(geofips) != 5 or not geofips.isdigit():
                raise ImportSourceError(f"GeoFIPS {geofips!r} is not 5 digits", path, line)
            column = LINES.get(cells[at["LineCode"]].strip())
            if column is None:
                continue
            geo_level = "nation" if geofips == NATION else level
            entry = found.setdefault(geofips, (cells[at["GeoName"]].strip(), geo_level, name, {}))
            if column in entry[3]:
                if geofips == NATION and entry[2] != name:
                    continue  # both files give the nation: the first is kept (they agree)
                raise ImportSourceError(
                    f"line code {cells[at['LineCode']].strip()} for {geofips} twice", path, line
                )
            entry[3][column] = _exact(cells[at[YEAR]], path, line)
        if not seen_data:
            raise ImportSourceError("no data rows", path)
        if not closed:
            raise ImportSourceError(
                "truncated: the closing notes BEA ends the file with ('Last updated: ...') "
                "are missing",
                path,
                reader.line_num,
            )
    for geofips, (geo_name, level, _, values) in sorted(found.items()):
        yield (
            "rpp",
            (
                geofips,
                _oews_area(geofips, level),
                geo_name,
                level,
                *(values.get(column) for column in LINES.values()),
            ),
        )
    if progress is not None:
        progress(len(FILES), len(FILES))
