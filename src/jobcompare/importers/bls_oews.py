"""Build a jobcompare dataset (TOML) from BLS OEWS flat files and O*NET occupation data.

Reads the BLS "time.series" flat files of the Occupational Employment and Wage
Statistics (``download.bls.gov/pub/time.series/oe/``): the small lookup tables
(``oe.occupation``, ``oe.area``, ``oe.industry``, ``oe.footnote``, ``oe.release``) and
the data file (``oe.data.0.Current``, plain or gzip'd, or a subset of it). The data file
is streamed: only running per-occupation aggregates are kept, never its rows.

The rules (which figures, how unpublished and top-coded values are written, how the
highest paying state / metro area / industry are chosen) are documented in
``docs/bls-import.md``. Pure standard library; no terminal output.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import re
import tempfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, cast

from jobcompare.text import casual

__all__ = [
    "DATA_FILE_NAMES",
    "OEWSImportError",
    "build_oews_dataset",
    "find_data_file",
    "slugify",
    "write_oews_dataset",
]

#: Accepted names of the data file, in order of preference.
DATA_FILE_NAMES = (
    "oe.data.0.Current",
    "oe.data.0.Current.gz",
    "oe.data.0.Current.subset.gz",
    "oe.data.0.Current.subset",
)

ProgressCallback = Callable[[int, int], None]

_NATION_AREA = "0000000"
_ALL_INDUSTRIES = "000000"
_ALL_OCCUPATIONS = "000000"
_DETAILED_LEVEL = "3"
_SECTOR_LEVEL = "2"

_EMPLOYMENT = "01"
_HOURLY_MEAN = "03"
_ANNUAL_MEAN = "04"
_PERCENTILES = (("p10", "11"), ("p25", "12"), ("p50", "13"), ("p75", "14"), ("p90", "15"))
_NATIONAL_DATATYPES = frozenset(
    [_EMPLOYMENT, _HOURLY_MEAN, _ANNUAL_MEAN] + [dt for _, dt in _PERCENTILES]
)
_RANKING_DATATYPES = frozenset([_EMPLOYMENT, _ANNUAL_MEAN])
_WANTED_DATATYPES = _NATIONAL_DATATYPES | _RANKING_DATATYPES
_HOURLY_DATATYPES = frozenset(["03", "06", "07", "08", "09", "10"])
_ANNUAL_DATATYPES = frozenset(["04", "11", "12", "13", "14", "15"])

_NOT_PUBLISHED = "Not published by BLS."
_ONET_ATTRIBUTION = (
    "O*NET {version} Database by the U.S. Department of Labor, Employment and Training "
    "Administration (USDOL/ETA), used under the CC BY 4.0 license"
)

_VALUE_RE = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_SERIES_RE = re.compile(r"^OE[A-Z][A-Z][0-9]{7}[0-9A-Z-]{6}[0-9]{6}[0-9]{2}$")
_TOP_CODE_RE = re.compile(
    r"equal to or greater than \$(?P<hourly>[0-9][0-9,]*(?:\.[0-9]+)?) per hour"
    r" or \$(?P<annual>[0-9][0-9,]*(?:\.[0-9]+)?) per year",
    re.IGNORECASE,
)
_SECTOR_NAME_RE = re.compile(r"^Sectors?\s+[0-9][0-9, and]*\s+-\s+(?P<name>\S.*)$")
_FOOTNOTE_SPLIT_RE = re.compile(r"[\s,;]+")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_ONET_VERSION_RE = re.compile(r"(?<![0-9])([0-9]{1,3})[._]([0-9]{1,2})(?![0-9])")
_PROGRESS_EVERY = 4096  # lines between two looks at the file position


class OEWSImportError(Exception):
    """A BLS or O*NET input file is missing or malformed; the message names it."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}: " if line is None else f"{path}, line {line}: "
        super().__init__(where + message)
        self.path = path
        self.line = line


# --------------------------------------------------------------------------------------
# Small lookup tables
# --------------------------------------------------------------------------------------


def _shown(header: Sequence[str]) -> str:
    """What a header line held, short enough for an error message (it may be any bytes)."""
    text = ", ".join(header)
    return text if len(text) <= 80 else text[:77] + "..."


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_table(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """Read a small tab-separated BLS/O*NET table into dicts keyed by stripped header names."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise OEWSImportError("file not found", path) from None
    except OSError as exc:
        raise OEWSImportError(f"cannot read file ({exc.strerror or exc})", path) from None
    lines = _decode(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].strip():
        raise OEWSImportError("empty file, expected a header line", path, 1)
    header = [name.strip() for name in lines[0].split("\t")]
    missing = [name for name in required if name not in header]
    if missing:
        raise OEWSImportError(
            f"header lacks column(s) {', '.join(missing)} (found: {_shown(header)})", path, 1
        )
    rows: list[dict[str, str]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise OEWSImportError(
                f"expected {len(header)} tab-separated fields, found {len(fields)}", path, number
            )
        rows.append({name: value.strip() for name, value in zip(header, fields, strict=True)})
    return rows


@dataclass
class _Occupation:
    code: str
    name: str
    level: str


@dataclass
class _Footnote:
    code: str
    text: str
    top_hourly: str | None = None  # thresholds when this footnote marks a top-coded wage
    top_annual: str | None = None


@dataclass
class _Lookups:
    release: str
    release_label: str
    occupations: dict[str, _Occupation]
    states: dict[str, str]  # area code -> name
    metros: dict[str, str]
    sectors: dict[str, str]  # industry code -> display name
    footnotes: dict[str, _Footnote]


def _plain_number(text: str) -> str:
    """'239,200' -> '239200'; '115.00' stays '115.00'; leading zeros dropped."""
    text = text.replace(",", "")
    whole, dot, fraction = text.partition(".")
    return str(int(whole)) + dot + fraction


def _read_lookups(oews_dir: Path) -> _Lookups:
    path = oews_dir / "oe.release"
    release_rows = _read_table(path, ["release_date", "description"])
    if not release_rows:
        raise OEWSImportError("no release row", path)
    release = release_rows[0]["release_date"]
    if not re.match(r"^[0-9]{4}[A-Z][0-9]{2}$", release):
        raise OEWSImportError(f"release_date {release!r} is not like '2025A01'", path, 2)
    release_label = release_rows[0]["description"] or release

    path = oews_dir / "oe.occupation"
    occupations: dict[str, _Occupation] = {}
    for row in _read_table(path, ["occupation_code", "occupation_name", "display_level"]):
        code = row["occupation_code"]
        if not re.match(r"^[0-9]{6}$", code):
            raise OEWSImportError(f"occupation_code {code!r} is not six digits", path)
        occupations[code] = _Occupation(code, row["occupation_name"], row["display_level"])
    if _ALL_OCCUPATIONS not in occupations:
        raise OEWSImportError("no row for occupation 000000 (All Occupations)", path)

    path = oews_dir / "oe.area"
    states: dict[str, str] = {}
    metros: dict[str, str] = {}
    for row in _read_table(path, ["area_code", "areatype_code", "area_name"]):
        if row["areatype_code"] == "S":
            states[row["area_code"]] = row["area_name"]
        elif row["areatype_code"] == "M" and "nonmetropolitan" not in row["area_name"].lower():
            metros[row["area_code"]] = row["area_name"]

    path = oews_dir / "oe.industry"
    sectors: dict[str, str] = {}
    for row in _read_table(path, ["industry_code", "industry_name", "display_level"]):
        match = _SECTOR_NAME_RE.match(row["industry_name"])
        if row["display_level"] == _SECTOR_LEVEL and match:
            sectors[row["industry_code"]] = match.group("name").strip()

    path = oews_dir / "oe.footnote"
    footnotes: dict[str, _Footnote] = {}
    for row in _read_table(path, ["footnote_code", "footnote_text"]):
        note = _Footnote(row["footnote_code"], row["footnote_text"])
        top = _TOP_CODE_RE.search(note.text)
        if top:
            note.top_hourly = _plain_number(top.group("hourly"))
            note.top_annual = _plain_number(top.group("annual"))
        footnotes[note.code] = note

    return _Lookups(release, release_label, occupations, states, metros, sectors, footnotes)


def _read_onet(path: Path) -> dict[str, str]:
    """SOC code ('43-3011') -> description, from the base ('.00') O*NET-SOC codes."""
    descriptions: dict[str, str] = {}
    for row in _read_table(path, ["O*NET-SOC Code", "Description"]):
        code = row["O*NET-SOC Code"]
        if code.endswith(".00") and row["Description"]:
            descriptions[code[:-3]] = row["Description"]
    return descriptions


def _onet_version(onet_file: Path) -> str | None:
    for part in (onet_file.parent.name, onet_file.name):
        match = _ONET_VERSION_RE.search(part)
        if match:
            return f"{match.group(1)}.{match.group(2)}"
    return None


# --------------------------------------------------------------------------------------
# Streaming the data file
# --------------------------------------------------------------------------------------


def find_data_file(oews_dir: Path) -> Path:
    """The data file in ``oews_dir``: the first of :data:`DATA_FILE_NAMES` that exists."""
    for name in DATA_FILE_NAMES:
        candidate = oews_dir / name
        if candidate.is_file():
            return candidate
    raise OEWSImportError(f"no data file found (looked for {', '.join(DATA_FILE_NAMES)})", oews_dir)


@dataclass
class _Value:
    """One printed figure: ``value`` is the number as BLS printed it, None for '-'."""

    value: str | None
    footnotes: tuple[str, ...]


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


@dataclass
class _Aggregates:
    national: dict[str, dict[str, _Value]] = field(default_factory=dict)  # occ -> dt -> value
    best: dict[tuple[str, str], _Candidate] = field(default_factory=dict)  # (level, occ)

    def offer(self, level: str, occupation: str, candidate: _Candidate) -> None:
        key = (level, occupation)
        current = self.best.get(key)
        if current is None or candidate.beats(current):
            self.best[key] = candidate


def _parse_value(text: str, path: Path, number: int) -> str | None:
    text = text.strip()
    if text == "-":
        return None
    if not _VALUE_RE.match(text):
        raise OEWSImportError(f"value {text!r} is neither a number nor '-'", path, number)
    return _plain_number(text)


def _stream_data(
    path: Path,
    lookups: _Lookups,
    occupations: frozenset[str],
    progress: ProgressCallback | None,
) -> _Aggregates:
    """One pass over the data file, keeping only per-occupation aggregates.

    BLS sorts the file by series_id, so the employment (01) and annual mean (04) rows of
    one area/industry/occupation are neighbours: they are held until the next series
    group starts, then offered to the running best for that occupation. A file out of
    series_id order is rejected rather than silently mis-ranked.
    """
    try:
        total = path.stat().st_size
        raw = path.open("rb")
    except OSError as exc:
        raise OEWSImportError(f"cannot read file ({exc.strerror or exc})", path) from None
    year, period = lookups.release[:4], lookups.release[4:]
    top_codes = {code: note for code, note in lookups.footnotes.items() if note.top_annual}
    aggregates = _Aggregates()
    number = 1
    with raw:
        magic = raw.read(2)
        raw.seek(0)
        binary: IO[bytes] = raw
        if magic == b"\x1f\x8b":
            binary = cast("IO[bytes]", gzip.GzipFile(fileobj=raw, mode="rb"))
        text = io.TextIOWrapper(binary, encoding="latin-1", newline=None)
        try:
            if progress is not None:
                progress(0, total)
            header = [name.strip() for name in text.readline().rstrip("\n").split("\t")]
            required = ["series_id", "year", "period", "value", "footnote_codes"]
            missing = [name for name in required if name not in header]
            if missing:
                raise OEWSImportError(
                    f"header lacks column(s) {', '.join(missing)} (found: {_shown(header)})",
                    path,
                    1,
                )
            columns = len(header)
            i_series, i_year, i_period, i_value, i_notes = (header.index(n) for n in required)

            previous = ""
            reported = 0
            group_key = ""
            group_level = group_name = group_occupation = ""
            group_employment = Decimal(-1)
            group_rank: Decimal | None = None

            def flush() -> None:
                if group_key and group_rank is not None:
                    aggregates.offer(
                        group_level,
                        group_occupation,
                        _Candidate(group_rank, group_employment, group_name),
                    )

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
                    raise OEWSImportError(
                        f"expected {columns} tab-separated fields, found {len(fields)}",
                        path,
                        number,
                    )
                series = fields[i_series].strip()
                if len(series) != 25 or series[:2] != "OE":
                    raise OEWSImportError(
                        f"series_id {series!r} is not a 25-character OEWS series id", path, number
                    )
                if series <= previous:
                    raise OEWSImportError(
                        f"series_id {series} is duplicated or out of order (the file must be "
                        "sorted by series_id, as BLS publishes it)",
                        path,
                        number,
                    )
                previous = series
                datatype = series[23:25]
                if datatype not in _WANTED_DATATYPES:
                    continue
                occupation = series[17:23]
                if occupation not in occupations:
                    continue
                if not _SERIES_RE.match(series):
                    raise OEWSImportError(
                        f"series_id {series!r} is not a valid OEWS series id", path, number
                    )
                if fields[i_year].strip() != year or fields[i_period].strip() != period:
                    raise OEWSImportError(
                        f"row is for {fields[i_year].strip()} {fields[i_period].strip()}, but "
                        f"oe.release is {lookups.release}",
                        path,
                        number,
                    )
                value = _parse_value(fields[i_value], path, number)
                notes = tuple(c for c in _FOOTNOTE_SPLIT_RE.split(fields[i_notes].strip()) if c)
                areatype, area, industry = series[3], series[4:11], series[11:17]

                if areatype == "N" and area == _NATION_AREA and industry == _ALL_INDUSTRIES:
                    aggregates.national.setdefault(occupation, {})[datatype] = _Value(value, notes)
                    continue
                if datatype not in _RANKING_DATATYPES:
                    continue
                name: str | None = None
                if industry == _ALL_INDUSTRIES:
                    if areatype == "S":
                        level, name = "state", lookups.states.get(area)
                    elif areatype == "M":
                        level, name = "metro", lookups.metros.get(area)
                elif areatype == "N" and area == _NATION_AREA:
                    level, name = "industry", lookups.sectors.get(industry)
                if name is None:
                    continue

                key = series[:23]
                if key != group_key:
                    flush()
                    group_key, group_level, group_name = key, level, name
                    group_occupation = occupation
                    group_employment, group_rank = Decimal(-1), None
                if datatype == _EMPLOYMENT:
                    if value is not None:
                        group_employment = Decimal(value)
                elif value is not None:
                    group_rank = Decimal(value)
                else:
                    for code in notes:
                        note = top_codes.get(code)
                        if note is not None and note.top_annual is not None:
                            group_rank = Decimal(note.top_annual)
                            break
            flush()
        except (OSError, EOFError, zlib.error) as exc:
            raise OEWSImportError(f"cannot read data ({exc})", path, number) from None
        finally:
            text.detach()
            if binary is not raw:
                binary.close()
    if progress is not None and reported < total:
        progress(total, total)
    return aggregates


# --------------------------------------------------------------------------------------
# Building the roles and writing TOML
# --------------------------------------------------------------------------------------


@dataclass
class _Figure:
    """A figure for the output: kind 'value', 'at_least' or 'unpublished' (text = reason)."""

    kind: str
    text: str


def _figure(
    values: dict[str, _Value], datatype: str, footnotes: dict[str, _Footnote], footnote_path: Path
) -> _Figure:
    found = values.get(datatype)
    if found is None:
        return _Figure("unpublished", _NOT_PUBLISHED)
    if found.value is not None:
        return _Figure("value", found.value)
    texts: list[str] = []
    for code in found.footnotes:
        note = footnotes.get(code)
        if note is None:
            raise OEWSImportError(
                f"footnote code {code!r} is used in the data file but not defined", footnote_path
            )
        if note.top_annual is not None and datatype in _ANNUAL_DATATYPES:
            return _Figure("at_least", note.top_annual)
        if note.top_hourly is not None and datatype in _HOURLY_DATATYPES:
            return _Figure("at_least", note.top_hourly)
        if note.text and note.text not in texts:
            texts.append(note.text)
    return _Figure("unpublished", " ".join(texts) if texts else _NOT_PUBLISHED)


def _render_figure(figure: _Figure) -> str:
    if figure.kind == "at_least":
        return f"{{ at_least = {figure.text} }}"
    return figure.text


_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _comment(text: str) -> str:
    return "# " + re.sub(r"[\x00-\x1f\x7f]+", " ", text).rstrip()


# Words ending in "s" that are not plurals of a job title's head noun.
_NOT_PLURAL = {
    "sales", "series", "species", "news", "physics", "economics", "mathematics", "statistics",
    "logistics", "athletics", "electronics", "gas", "bus", "arts", "goods", "services",
    "operations", "affairs", "relations", "works", "customs", "sports", "sciences",
}  # fmt: skip
#: Words a sentence keeps capitalised (casual() lowers title-case words).
_PROPER = {"english": "English", "spanish": "Spanish", "french": "French"}


def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _NOT_PLURAL or not lower.endswith("s") or lower.endswith(("ss", "us", "is")):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def _singular_item(item: str) -> str:
    """One listed item: "Tax Examiners and Collectors" -> "Tax Examiner and Collector"."""
    words = item.split(" ")
    words[-1] = _singular_word(words[-1])
    for index in range(len(words) - 2):
        if words[index + 1] in ("and", "or", "&"):
            words[index] = _singular_word(words[index])
    return " ".join(words)


def singular_noun(title: str) -> str:
    """How a sentence names one worker, from BLS's plural title:
    "Bill and Account Collectors" -> "bill and account collector".

    A heuristic (documented in docs/bls-import.md), stored as the role's ``noun`` where a
    maintainer can correct it:
    - ", All Other" becomes " (all other)"; ", Except ..." is kept as it is;
    - "X of Y" makes X singular and keeps Y ("supervisor of mechanics, installers, ...");
    - otherwise the title is a list of items, ended by the item that starts with "and";
      each item's last word, and a word before "and", becomes singular, and what follows
      the list ("..., Farm Products") is kept as a qualifier.
    """
    if title == "All Occupations":
        return "worker (all occupations)"
    qualifier = ""
    other = re.search(r", (All Other(?: \w+)?)$", title)
    if other:
        title, qualifier = title[: other.start()], f" ({other.group(1).lower()})"
    except_ = re.search(r", Except\b.*$", title)
    if except_:
        title, qualifier = title[: except_.start()], title[except_.start() :] + qualifier
    helper = re.match(r"Helpers--(.+)$", title)
    if helper:
        return f"helper ({_sentence_case(helper.group(1))}){_sentence_case(qualifier)}"
    if " of " in title:
        workers, _, of_what = title.partition(" of ")
        return _sentence_case(f"{_singular_item(workers)} of {of_what}{qualifier}")
    items = title.split(", ")
    ends = [i for i, item in enumerate(items) if item.split(" ", 1)[0] in ("and", "or", "&")]
    head_end = ends[-1] + 1 if ends else 1
    head = [_singular_item(item) for item in items[:head_end]]
    return _sentence_case(", ".join(head + items[head_end:]) + qualifier)


def _sentence_case(noun: str) -> str:
    words = casual(noun.replace("/", " / ")).replace(" / ", "/").split(" ")
    return " ".join(_PROPER.get(word, word) for word in words)


def slugify(title: str) -> str:
    """Lowercase, runs of anything but a-z/0-9 become '-', trimmed."""
    return _SLUG_RE.sub("-", title.lower()).strip("-")


def _soc(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


def _role_lines(
    slug: str,
    occupation: _Occupation,
    lookups: _Lookups,
    aggregates: _Aggregates,
    descriptions: dict[str, str],
    onet_version: str | None,
    oews_dir: Path,
) -> list[str]:
    code = occupation.code
    soc = _soc(code)
    if code == _ALL_OCCUPATIONS:
        category = occupation.name
    else:
        major = lookups.occupations.get(code[:2] + "0000")
        if major is None:
            raise OEWSImportError(
                f"no major group {code[:2]}0000 for occupation {code}", oews_dir / "oe.occupation"
            )
        category = major.name
        if category.endswith(" Occupations"):
            category = category[: -len(" Occupations")]
    description = descriptions.get(soc)
    source = (
        f"U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
        f"{lookups.release_label} estimates (release {lookups.release})"
    )
    if description is not None:
        source += "; description from the " + _ONET_ATTRIBUTION.format(version=onet_version)

    lines = [f"[roles.{slug}]", f"soc = {_toml_string(soc)}"]
    lines.append(f"title = {_toml_string(occupation.name)}")
    lines.append(f"noun = {_toml_string(singular_noun(occupation.name))}")
    # BLS titles are plural already: the plural needs no guessing.
    lines.append(f"plural = {_toml_string(_sentence_case(occupation.name))}")
    lines.append(f"category = {_toml_string(category)}")
    if description is not None:
        lines.append(f"description = {_toml_string(description)}")
    lines.append(f"source = {_toml_string(source)}")

    values = aggregates.national.get(code, {})
    footnote_path = oews_dir / "oe.footnote"
    unpublished: list[tuple[str, str]] = []

    def figure(datatype: str) -> _Figure:
        return _figure(values, datatype, lookups.footnotes, footnote_path)

    jobs = figure(_EMPLOYMENT)
    if jobs.kind == "value":
        lines += ["", f"[roles.{slug}.overview]", f"jobs = {jobs.text}"]
    else:
        unpublished.append(("overview.jobs", jobs.text))

    salary: list[str] = []
    for key, datatype in (("average", _ANNUAL_MEAN), ("hourly", _HOURLY_MEAN)):
        wage = figure(datatype)
        if wage.kind == "unpublished":
            unpublished.append((f"salary.{key}", wage.text))
        else:
            salary.append(f"{key} = {_render_figure(wage)}")

    percentiles = [(key, figure(datatype)) for key, datatype in _PERCENTILES]
    low, high = percentiles[0][1], percentiles[-1][1]
    if low.kind == "unpublished" or high.kind == "unpublished":
        reasons: list[str] = []
        for side in (low, high):
            if side.kind == "unpublished" and side.text not in reasons:
                reasons.append(side.text)
        unpublished.append(("salary.range", " ".join(reasons)))
    else:
        salary.append(f"range = {{ min = {_render_figure(low)}, max = {_render_figure(high)} }}")
    shown = []
    for key, wage in percentiles:
        if wage.kind == "unpublished":
            unpublished.append((f"salary.percentiles.{key}", wage.text))
        else:
            shown.append(f"{key} = {_render_figure(wage)}")
    if shown:
        salary.append(f"percentiles = {{ {', '.join(shown)} }}")

    for key, level in (
        ("highest_paying_state", "state"),
        ("highest_paying_city", "metro"),
        ("best_paying_industry", "industry"),
    ):
        best = aggregates.best.get((level, code))
        if best is not None:
            salary.append(f"{key} = {_toml_string(best.name)}")
    if salary:
        lines += ["", f"[roles.{slug}.salary]", *salary]

    if unpublished:
        lines += ["", f"[roles.{slug}.unpublished]"]
        lines += [f"{_toml_string(key)} = {_toml_string(reason)}" for key, reason in unpublished]
    return lines


def _assign_slugs(occupations: list[_Occupation]) -> dict[str, str]:
    """Occupation code -> slug; every member of a colliding group gets '-<SOC>' appended."""
    plain = {occ.code: slugify(occ.name) or _soc(occ.code) for occ in occupations}
    plain[_ALL_OCCUPATIONS] = "all-occupations"
    counts: dict[str, int] = {}
    for slug in plain.values():
        counts[slug] = counts.get(slug, 0) + 1
    slugs = {
        code: slug if counts[slug] == 1 else f"{slug}-{_soc(code)}" for code, slug in plain.items()
    }
    if len(set(slugs.values())) != len(slugs):
        raise OEWSImportError("occupation titles give clashing slugs even with SOC codes appended")
    return slugs


def build_oews_dataset(
    oews_dir: Path,
    onet_file: Path | None,
    *,
    command: str,
    progress: ProgressCallback | None = None,
    onet_version: str | None = None,
) -> str:
    """Return the complete TOML dataset built from ``oews_dir`` (and ``onet_file``).

    ``command`` is recorded in the header comment. ``progress(done_bytes, total_bytes)``
    is called while the data file streams (compressed bytes for a gzip file).
    ``onet_version`` defaults to the version in the O*NET file's directory name
    (``onet-29.2``, ``db_29_2_text``). Raises :class:`OEWSImportError` on missing or
    malformed input.
    """
    oews_dir = Path(oews_dir)
    if not oews_dir.is_dir():
        raise OEWSImportError("not a directory (expected the BLS OEWS flat files)", oews_dir)
    lookups = _read_lookups(oews_dir)
    data_file = find_data_file(oews_dir)

    descriptions: dict[str, str] = {}
    if onet_file is not None:
        onet_file = Path(onet_file)
        descriptions = _read_onet(onet_file)
        if onet_version is None:
            onet_version = _onet_version(onet_file)
        if onet_version is None:
            raise OEWSImportError(
                "cannot tell the O*NET version from the file's directory name "
                "(expected e.g. 'onet-29.2' or 'db_29_2_text'); pass it explicitly",
                onet_file,
            )

    roles = [
        occ
        for code, occ in sorted(lookups.occupations.items())
        if occ.level == _DETAILED_LEVEL or code == _ALL_OCCUPATIONS
    ]
    aggregates = _stream_data(data_file, lookups, frozenset(occ.code for occ in roles), progress)
    slugs = _assign_slugs(roles)

    bls_files = ["oe.release", "oe.occupation", "oe.area", "oe.industry", "oe.footnote"]
    lines = [
        _comment("jobcompare dataset generated by the BLS OEWS importer; do not edit by hand,"),
        _comment("rerun the command below instead. Import rules: docs/bls-import.md"),
        _comment(
            f"Wages and employment: BLS Occupational Employment and Wage Statistics (OEWS), "
            f"release {lookups.release} ({lookups.release_label}); public domain."
        ),
        _comment(f"BLS files: {', '.join([*bls_files, data_file.name])}"),
    ]
    if onet_file is not None:
        lines.append(
            _comment(
                f"Descriptions: {_ONET_ATTRIBUTION.format(version=onet_version)}; "
                f"file: {onet_file.name}"
            )
        )
    else:
        lines.append(_comment("Descriptions: none (no O*NET file given)."))
    lines.append(_comment(f"Command: {command}"))
    for occupation in roles:
        lines.append("")
        lines += _role_lines(
            slugs[occupation.code],
            occupation,
            lookups,
            aggregates,
            descriptions,
            onet_version,
            oews_dir,
        )
    return "\n".join(lines) + "\n"


def write_oews_dataset(
    oews_dir: Path,
    onet_file: Path | None,
    out: Path,
    *,
    command: str,
    progress: ProgressCallback | None = None,
    onet_version: str | None = None,
) -> str:
    """Build the dataset and write it to ``out`` atomically; return the TOML text."""
    text = build_oews_dataset(
        oews_dir, onet_file, command=command, progress=progress, onet_version=onet_version
    )
    out = Path(out)
    _write_atomically(out, text.encode("utf-8"))
    return text


def _write_atomically(out: Path, data: bytes) -> None:
    directory = out.parent
    directory.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
