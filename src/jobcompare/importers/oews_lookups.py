"""BLS OEWS's lookup files (``oe.occupation``, ``oe.area``, ``oe.industry``,
``oe.footnote``, ``oe.release``): read whole and checked, with the occupations that make
the store's spine (the detailed ones and the aggregates OEWS publishes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers.base import Spine
from jobcompare.importers.oews_names import soc_code

RELEASE = "2025A01"
#: Accepted names of the data file, in order of preference.
DATA_FILE_NAMES = (
    "oe.data.0.Current",
    "oe.data.0.Current.gz",
    "oe.data.0.Current.subset.gz",
    "oe.data.0.Current.subset",
)
NATION = "0000000"
ALL_OCCUPATIONS = "000000"
_DETAILED_LEVEL = "3"
_SECTOR_LEVEL = "2"
_VALUE_RE = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_TOP_CODE_RE = re.compile(
    r"equal to or greater than \$(?P<hourly>[0-9][0-9,]*(?:\.[0-9]+)?) per hour"
    r" or \$(?P<annual>[0-9][0-9,]*(?:\.[0-9]+)?) per year",
    re.IGNORECASE,
)
_SECTOR_NAME_RE = re.compile(r"^Sectors?\s+[0-9][0-9, and]*\s+-\s+(?P<name>\S.*)$")


def shown(header: Sequence[str]) -> str:
    text = ", ".join(header)
    return text if len(text) <= 80 else text[:77] + "..."


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """A small tab-separated BLS table as dicts keyed by stripped header names."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportSourceError("file not found", path) from None
    except OSError as exc:
        raise ImportSourceError(f"cannot read file ({exc.strerror or exc})", path) from None
    lines = _decode(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].strip():
        raise ImportSourceError("empty file, expected a header line", path, 1)
    header = [name.strip() for name in lines[0].split("\t")]
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportSourceError(
            f"header lacks column(s) {', '.join(missing)} (found: {shown(header)})", path, 1
        )
    rows: list[dict[str, str]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise ImportSourceError(
                f"expected {len(header)} tab-separated fields, found {len(fields)}", path, number
            )
        rows.append({name: value.strip() for name, value in zip(header, fields, strict=True)})
    return rows


@dataclass
class Occupation:
    code: str
    name: str
    level: str


@dataclass
class _Footnote:
    code: str
    text: str
    top_hourly: int | None = None  # thresholds (cents, dollars) of a top-coded wage
    top_annual: int | None = None


@dataclass
class _Area:
    code: str
    name: str
    type: str
    fips: str


@dataclass
class Lookups:
    release: str
    occupations: dict[str, Occupation]
    areas: dict[str, _Area]
    sectors: dict[str, str]  # industry code -> display name (sector level)
    industries: dict[str, tuple[str, int]]  # every industry: code -> (name, level)
    footnotes: dict[str, _Footnote]

    @property
    def states(self) -> dict[str, str]:
        return {a.code: a.name for a in self.areas.values() if a.type == "state"}

    @property
    def metros(self) -> dict[str, str]:
        return {a.code: a.name for a in self.areas.values() if a.type == "metro"}


def exact(text: str, scale: int, path: Path, number: int | None) -> int:
    """'26.13' at scale 100 -> 2613; '239,200' at scale 1 -> 239200; exactly, or an error."""
    text = text.replace(",", "")
    if not _VALUE_RE.match(text):
        raise ImportSourceError(f"value {text!r} is neither a number nor '-'", path, number)
    whole, _, fraction = text.partition(".")
    digits = len(str(scale)) - 1
    if len(fraction) > digits and int(fraction[digits:] or "0") != 0:
        raise ImportSourceError(
            f"value {text!r} has more decimals than this measure's {digits}", path, number
        )
    fraction = (fraction[:digits]).ljust(digits, "0")
    return int(whole) * scale + (int(fraction) if digits else 0)


def read_lookups(folder: Path) -> Lookups:
    path = folder / "oe.release"
    release_rows = read_table(path, ["release_date", "description"])
    if not release_rows:
        raise ImportSourceError("no release row", path)
    release = release_rows[0]["release_date"]
    if release != RELEASE:
        raise ImportSourceError(
            f"release_date {release!r}: this importer reads release {RELEASE} (May 2025)",
            path,
            2,
        )

    path = folder / "oe.occupation"
    occupations: dict[str, Occupation] = {}
    for row in read_table(path, ["occupation_code", "occupation_name", "display_level"]):
        code = row["occupation_code"]
        if not re.match(r"^[0-9]{6}$", code):
            raise ImportSourceError(f"occupation_code {code!r} is not six digits", path)
        occupations[code] = Occupation(code, row["occupation_name"], row["display_level"])
    if ALL_OCCUPATIONS not in occupations:
        raise ImportSourceError("no row for occupation 000000 (All Occupations)", path)

    path = folder / "oe.area"
    areas: dict[str, _Area] = {}
    types = {"N": "nation", "S": "state", "M": "metro"}
    for row in read_table(path, ["state_code", "area_code", "areatype_code", "area_name"]):
        code, kind, name = row["area_code"], row["areatype_code"], row["area_name"]
        if not re.match(r"^[0-9]{7}$", code) or kind not in types:
            raise ImportSourceError(
                f"area {code!r} of type {kind!r}: expected a 7-digit code of type N, S or M", path
            )
        area_type = types[kind]
        if area_type == "metro" and "nonmetropolitan" in name.lower():
            area_type = "nonmetro"
        areas[code] = _Area(code, name, area_type, row["state_code"])
    if NATION not in areas:
        raise ImportSourceError(f"no row for the nation ({NATION})", path)

    path = folder / "oe.industry"
    sectors: dict[str, str] = {}
    industries: dict[str, tuple[str, int]] = {}
    for row in read_table(path, ["industry_code", "industry_name", "display_level"]):
        match = _SECTOR_NAME_RE.match(row["industry_name"])
        if row["display_level"] == _SECTOR_LEVEL and match:
            sectors[row["industry_code"]] = match.group("name").strip()
        level = int(row["display_level"]) if row["display_level"].isdigit() else -1
        industries[row["industry_code"]] = (row["industry_name"], level)

    path = folder / "oe.footnote"
    footnotes: dict[str, _Footnote] = {}
    for row in read_table(path, ["footnote_code", "footnote_text"]):
        note = _Footnote(row["footnote_code"], row["footnote_text"])
        top = _TOP_CODE_RE.search(note.text)
        if top:
            note.top_hourly = exact(top.group("hourly"), 100, path, None)
            note.top_annual = exact(top.group("annual"), 1, path, None)
        footnotes[note.code] = note
    return Lookups(release, occupations, areas, sectors, industries, footnotes)


def spine_occupations(lookups: Lookups) -> list[Occupation]:
    """The detailed occupations (display level 3) and the all-occupations baseline."""
    return [
        occ
        for code, occ in sorted(lookups.occupations.items())
        if occ.level == _DETAILED_LEVEL or code == ALL_OCCUPATIONS
    ]


def read_spine(folder: Path) -> Spine:
    """The occupations every source maps onto, from ``oe.occupation``."""
    path = folder / "oe.occupation"
    occupations = {}
    for row in read_table(path, ["occupation_code", "occupation_name", "display_level"]):
        code = row["occupation_code"]
        if row["display_level"] == _DETAILED_LEVEL or code == ALL_OCCUPATIONS:
            occupations[soc_code(code)] = row["occupation_name"]
    return Spine(occupations)


def find_data_file(folder: Path) -> Path:
    for name in DATA_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise ImportSourceError(f"no data file found (looked for {', '.join(DATA_FILE_NAMES)})", folder)
