"""BLS OEWS May 2025 into the store: every occupation in the nation, every state and every
metropolitan and nonmetropolitan area (all industries combined), and the national figures
by industry sector.

Reads the BLS "time.series" flat files (``download.bls.gov/pub/time.series/oe/``): the
lookup tables ``oe.occupation``, ``oe.area``, ``oe.industry``, ``oe.footnote``,
``oe.release`` and the data file ``oe.data.0.Current`` (plain or gzip'd, or BLS's subset
of it). The data file is streamed in one pass: BLS sorts it by series id, so the measures
of one area and occupation are neighbours and leave as one row when the next begins.
Memory stays flat whatever the file's size.

The rules (which figures, exact integer units, unpublished and top-coded values, slugs,
the best-paid state, metro area and industry) are in ``docs/store.md``.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, cast

from jobcompare.errors import ImportSourceError
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table
from jobcompare.importers.oews_lookups import (
    ALL_OCCUPATIONS,
    NATION,
    RELEASE,
    Lookups,
    Occupation,
    exact,
    find_data_file,
    read_lookups,
    shown,
    spine_occupations,
)
from jobcompare.importers.oews_lookups import read_spine as read_spine  # the writer asks for it
from jobcompare.importers.oews_names import sentence_case, singular_noun, slugify, soc_code

SOURCE = SourceInfo(
    key="oews",
    folder="bls-oews-2025",
    name="BLS Occupational Employment and Wage Statistics (OEWS)",
    release=f"May 2025 ({RELEASE})",
    year="2025",
    licence="Public domain (U.S. government work)",
    attribution=(
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics "
        f"(OEWS), May 2025 estimates (release {RELEASE})"
    ),
    url="https://www.bls.gov/oes/",
)

LOOKUP_FILES = ("oe.release", "oe.occupation", "oe.area", "oe.industry", "oe.footnote")

ALL_INDUSTRIES = "000000"

#: The measures kept: (OEWS datatype, column, scale). A value is stored as an exact
#: integer: the figure times ``scale``, so that no digit BLS prints is lost or invented
#: (hourly wages in cents, annual wages in dollars, jobs per 1,000 in thousandths, the
#: location quotient in hundredths, relative standard errors in tenths of a percent). A
#: figure with more decimals than that is an error. The relative standard errors (02, 05)
#: come last, so that the ``at_least`` bits of the others keep their place.
MEASURES: tuple[tuple[str, str, int], ...] = (
    ("01", "employment", 1),
    ("03", "hourly_mean", 100),
    ("04", "annual_mean", 1),
    ("06", "hourly_p10", 100),
    ("07", "hourly_p25", 100),
    ("08", "hourly_p50", 100),
    ("09", "hourly_p75", 100),
    ("10", "hourly_p90", 100),
    ("11", "annual_p10", 1),
    ("12", "annual_p25", 1),
    ("13", "annual_p50", 1),
    ("14", "annual_p75", 1),
    ("15", "annual_p90", 1),
    ("16", "jobs_per_1000", 1000),
    ("17", "location_quotient", 100),
    # BLS's percent relative standard errors: of the employment (02) and of the mean wage
    # (05), the hourly and the annual mean alike (BLS prints one decimal: 0.4, 12.3).
    ("02", "employment_rse", 10),
    ("05", "mean_rse", 10),
)
_MEASURE_INDEX = {datatype: i for i, (datatype, _, _) in enumerate(MEASURES)}
_HOURLY = frozenset(["03", "06", "07", "08", "09", "10"])
_ANNUAL = frozenset(["04", "11", "12", "13", "14", "15"])
_EMPLOYMENT, _ANNUAL_MEAN = "01", "04"
#: By industry (nation only) the subset has employment and the annual mean.
_INDUSTRY_MEASURES = frozenset([_EMPLOYMENT, _ANNUAL_MEAN])

#: State FIPS code -> postal code (50 states, DC and the territories OEWS covers).
POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip
TERRITORIES = frozenset(["60", "66", "69", "72", "78"])
DISTRICT = "11"

_PAY_COLUMNS = tuple((column, "INTEGER") for _, column, _ in MEASURES)
TABLES = (
    Table(
        "occupation",
        (
            ("soc", "TEXT NOT NULL"),
            ("slug", "TEXT NOT NULL UNIQUE"),
            ("title", "TEXT NOT NULL"),
            ("noun", "TEXT NOT NULL"),
            ("plural", "TEXT NOT NULL"),
            ("category", "TEXT NOT NULL"),
            ("best_state", "TEXT"),
            ("best_metro", "TEXT"),
            ("best_industry", "TEXT"),
        ),
        ("soc",),
    ),
    Table(
        "area",
        (
            ("code", "TEXT NOT NULL"),
            ("name", "TEXT NOT NULL"),
            ("type", "TEXT NOT NULL"),  # nation, state, metro, nonmetro
            ("state", "TEXT"),  # postal code of the (main) state
            ("state_fips", "TEXT"),
            ("territory", "INTEGER NOT NULL"),  # 1: in a U.S. territory (PR, GU, VI)
            ("district", "INTEGER NOT NULL"),  # 1: the District of Columbia
            ("cbsa", "TEXT"),  # metro areas: the CBSA code BEA uses too
        ),
        ("code",),
        (("type",), ("cbsa",)),
    ),
    Table(
        "oews_pay",
        (
            ("soc", "TEXT NOT NULL"),
            ("area", "TEXT NOT NULL"),
            *_PAY_COLUMNS,
            ("at_least", "INTEGER NOT NULL"),
        ),
        ("soc", "area"),
        (("area",),),
    ),
    Table(
        "oews_note",
        (
            ("soc", "TEXT NOT NULL"),
            ("area", "TEXT NOT NULL"),
            ("measure", "TEXT NOT NULL"),
            ("footnotes", "TEXT NOT NULL"),
        ),
        ("soc", "area", "measure"),
    ),
    Table("oews_footnote", (("code", "TEXT NOT NULL"), ("text", "TEXT NOT NULL")), ("code",)),
    Table(
        "industry",
        (("code", "TEXT NOT NULL"), ("name", "TEXT NOT NULL"), ("level", "INTEGER NOT NULL")),
        ("code",),
    ),
    Table(
        "oews_industry",
        (
            ("soc", "TEXT NOT NULL"),
            ("industry", "TEXT NOT NULL"),
            ("employment", "INTEGER"),
            ("annual_mean", "INTEGER"),
            ("at_least", "INTEGER NOT NULL"),
        ),
        ("soc", "industry"),
    ),
)

_SERIES_RE = re.compile(r"^OE[A-Z][A-Z][0-9]{7}[0-9A-Z-]{6}[0-9]{6}[0-9]{2}$")
_FOOTNOTE_SPLIT_RE = re.compile(r"[\s,;]+")
_PROGRESS_EVERY = 4096  # lines between two looks at the file position


def assign_slugs(occupations: Sequence[Occupation]) -> dict[str, str]:
    """Occupation code -> slug; every member of a colliding group gets '-<SOC>' appended."""
    plain = {occ.code: slugify(occ.name) or soc_code(occ.code) for occ in occupations}
    plain[ALL_OCCUPATIONS] = "all-occupations"
    counts: dict[str, int] = {}
    for slug in plain.values():
        counts[slug] = counts.get(slug, 0) + 1
    slugs = {
        code: slug if counts[slug] == 1 else f"{slug}-{soc_code(code)}"
        for code, slug in plain.items()
    }
    if len(set(slugs.values())) != len(slugs):
        raise ImportSourceError("occupation titles give clashing slugs even with SOC codes")
    return slugs


# -- the best-paid state, metro area and industry ------------------------------------------


@dataclass
class _Candidate:
    rank: Decimal
    employment: Decimal
    name: str

    def beats(self, other: _Candidate) -> bool:
        if self.rank != other.rank:
            return self.rank > other.rank
        if self.employment != other.employment:
            return self.employment > other.employment
        return (self.name.casefold(), self.name) < (other.name.casefold(), other.name)


# -- streaming the data file --------------------------------------------------------------


@dataclass
class _Group:
    """The measures read so far of one series group (area, industry, occupation)."""

    areatype: str
    area: str
    industry: str
    occupation: str
    values: list[int | None]
    at_least: int
    notes: dict[str, str]  # column -> footnote codes, for values with footnotes


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Every row of the OEWS tables, read from the folder ``root``."""
    from jobcompare.importers._write import file_sha256

    root = Path(root)
    if not root.is_dir():
        raise ImportSourceError("not a folder (expected the BLS OEWS flat files)", root)
    lookups = read_lookups(root)
    data_file = find_data_file(root)
    for name in (*LOOKUP_FILES, data_file.name):
        yield "source_file", (SOURCE.key, f"{SOURCE.folder}/{name}", file_sha256(root / name))

    for code, note in sorted(lookups.footnotes.items()):
        yield "oews_footnote", (code, note.text)
    for code, (name, level) in sorted(lookups.industries.items()):
        yield "industry", (code, name, level)
    for area in lookups.areas.values():
        fips = area.fips
        yield (
            "area",
            (
                area.code,
                area.name,
                area.type,
                POSTAL.get(fips) if area.type != "nation" else None,
                fips if area.type != "nation" else None,
                int(fips in TERRITORIES),
                int(fips == DISTRICT and area.type == "state"),
                area.code[2:] if area.type == "metro" else None,
            ),
        )

    occupations = spine_occupations(lookups)
    wanted = frozenset(occ.code for occ in occupations)
    best: dict[tuple[str, str], _Candidate] = {}
    yield from _stream(data_file, lookups, wanted, best, progress)

    slugs = assign_slugs(occupations)
    for occ in occupations:
        yield "occupation", _occupation_row(occ, lookups, slugs[occ.code], best, root)


def _occupation_row(
    occ: Occupation,
    lookups: Lookups,
    slug: str,
    best: dict[tuple[str, str], _Candidate],
    root: Path,
) -> Row:
    code = occ.code
    if code == ALL_OCCUPATIONS:
        category = occ.name
    else:
        major = lookups.occupations.get(code[:2] + "0000")
        if major is None:
            raise ImportSourceError(
                f"no major group {code[:2]}0000 for occupation {code}", root / "oe.occupation"
            )
        category = major.name.removesuffix(" Occupations")

    def name(level: str) -> str | None:
        found = best.get((level, code))
        return found.name if found is not None else None

    return (
        soc_code(code),
        slug,
        occ.name,
        singular_noun(occ.name),
        # BLS titles are plural already: the plural needs no guessing.
        sentence_case(occ.name),
        category,
        name("state"),
        name("metro"),
        name("industry"),
    )


def _open_text(path: Path) -> tuple[IO[bytes], IO[bytes], io.TextIOWrapper]:
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ImportSourceError(f"cannot read file ({exc.strerror or exc})", path) from None
    magic = raw.read(2)
    raw.seek(0)
    binary: IO[bytes] = raw
    if magic == b"\x1f\x8b":
        binary = cast("IO[bytes]", gzip.GzipFile(fileobj=raw, mode="rb"))
    return raw, binary, io.TextIOWrapper(binary, encoding="latin-1", newline=None)


def _stream(
    path: Path,
    lookups: Lookups,
    wanted: frozenset[str],
    best: dict[tuple[str, str], _Candidate],
    progress: ProgressCallback | None,
) -> Iterator[tuple[str, Row]]:
    """One pass over the data file, yielding one wide row per area and occupation (all
    industries) and per industry sector and occupation (nation). A file out of series_id
    order is rejected rather than silently mis-read."""
    total = path.stat().st_size
    year, period = RELEASE[:4], RELEASE[4:]
    footnotes = lookups.footnotes
    states, metros, sectors = lookups.states, lookups.metros, lookups.sectors
    raw, binary, text = _open_text(path)
    number = 1
    reported = 0
    group: _Group | None = None

    def finish(done: _Group) -> Iterator[tuple[str, Row]]:
        soc = soc_code(done.occupation)
        values = done.values
        if done.industry == ALL_INDUSTRIES:
            yield "oews_pay", (soc, done.area, *values, done.at_least)
            for column, codes in sorted(done.notes.items()):
                yield "oews_note", (soc, done.area, column, codes)
        elif done.industry in sectors:
            i_emp, i_mean = _MEASURE_INDEX[_EMPLOYMENT], _MEASURE_INDEX[_ANNUAL_MEAN]
            mean_top = done.at_least >> i_mean & 1
            yield "oews_industry", (soc, done.industry, values[i_emp], values[i_mean], mean_top)
        # The best-paid state, metro area and industry: by annual mean (a top-coded mean
        # ranks at its lower bound), then employment, then name.
        level: str | None = None
        if done.industry == ALL_INDUSTRIES:
            if done.areatype == "S":
                level, place = "state", states.get(done.area)
            elif done.areatype == "M":
                level, place = "metro", metros.get(done.area)
        elif done.areatype == "N" and done.area == NATION:
            level, place = "industry", sectors.get(done.industry)
        mean = values[_MEASURE_INDEX[_ANNUAL_MEAN]]
        if level is not None and place is not None and mean is not None:
            employment = values[_MEASURE_INDEX[_EMPLOYMENT]]
            candidate = _Candidate(
                Decimal(mean), Decimal(-1 if employment is None else employment), place
            )
            key = (level, done.occupation)
            current = best.get(key)
            if current is None or candidate.beats(current):
                best[key] = candidate

    try:
        if progress is not None:
            progress(0, total)
        header = [name.strip() for name in text.readline().rstrip("\n").split("\t")]
        required = ["series_id", "year", "period", "value", "footnote_codes"]
        missing = [name for name in required if name not in header]
        if missing:
            raise ImportSourceError(
                f"header lacks column(s) {', '.join(missing)} (found: {shown(header)})", path, 1
            )
        columns = len(header)
        i_series, i_year, i_period, i_value, i_notes = (header.index(n) for n in required)
        previous = ""
        for number, line in enumerate(text, start=2):
            if progress is not None and number % _PROGRESS_EVERY == 0:
                position = raw.tell()
                if position > reported:
                    reported = position
                    progress(position, total)
            fields = line.rstrip("\n").split("\t")
            if len(fields) != columns:
                if not line.strip():
                    continue
                raise ImportSourceError(
                    f"expected {columns} tab-separated fields, found {len(fields)}", path, number
                )
            series = fields[i_series].strip()
            if len(series) != 25 or series[:2] != "OE":
                raise ImportSourceError(
                    f"series_id {series!r} is not a 25-character OEWS series id", path, number
                )
            if series <= previous:
                raise ImportSourceError(
                    f"series_id {series} is duplicated or out of order (the file must be "
                    "sorted by series_id, as BLS publishes it)",
                    path,
                    number,
                )
            previous = series
            datatype = series[23:25]
            index = _MEASURE_INDEX.get(datatype)
            occupation = series[17:23]
            if index is None or occupation not in wanted:
                continue
            if not _SERIES_RE.match(series):
                raise ImportSourceError(
                    f"series_id {series!r} is not a valid OEWS series id", path, number
                )
            if fields[i_year].strip() != year or fields[i_period].strip() != period:
                raise ImportSourceError(
                    f"row is for {fields[i_year].strip()} {fields[i_period].strip()}, but "
                    f"this is release {RELEASE}",
                    path,
                    number,
                )
            areatype, area, industry = series[3], series[4:11], series[11:17]
            if industry != ALL_INDUSTRIES and (
                areatype != "N" or datatype not in _INDUSTRY_MEASURES
            ):
                continue
            if area not in lookups.areas:
                raise ImportSourceError(f"area {area} is not in oe.area", path, number)
            if (
                group is None
                or group.area != area
                or group.industry != industry
                or group.occupation != occupation
                or group.areatype != areatype
            ):
                if group is not None:
                    yield from finish(group)
                group = _Group(areatype, area, industry, occupation,
                               [None] * len(MEASURES), 0, {})  # fmt: skip
            value_text = fields[i_value].strip()
            codes = [c for c in _FOOTNOTE_SPLIT_RE.split(fields[i_notes].strip()) if c]
            for code in codes:
                if code not in footnotes:
                    raise ImportSourceError(
                        f"footnote code {code!r} is not defined in oe.footnote", path, number
                    )
            column = MEASURES[index][1]
            if codes:
                group.notes[column] = " ".join(codes)
            if value_text != "-":
                group.values[index] = exact(value_text, MEASURES[index][2], path, number)
                continue
            # Not published: a top-coded wage is a lower bound; anything else stays None
            # with its footnotes as the reason.
            for code in codes:
                note = footnotes[code]
                bound = None
                if datatype in _ANNUAL:
                    bound = note.top_annual
                elif datatype in _HOURLY:
                    bound = note.top_hourly
                if bound is not None:
                    group.values[index] = bound
                    group.at_least |= 1 << index
                    break
        if group is not None:
            yield from finish(group)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ImportSourceError(f"cannot read data ({exc})", path, number) from None
    finally:
        text.detach()
        if binary is not raw:
            binary.close()
        raw.close()
    if progress is not None and reported < total:
        progress(total, total)
