"""O*NET 30.1 Database, Excel edition: all 35 skills and the 56,505 alternate titles.

Reads ``Skills.xlsx`` (importance IM and level LV of every skill, with N, standard error and
O*NET's suppression / not-relevant flags) and ``Alternate Titles.xlsx`` (titles with short
titles such as "CNA") from the ``onet-30.1`` folder. Every rated O*NET occupation's skills are
stored under the OEWS code it rolls up to (docs/mapping.md); an OEWS occupation's own skills
are those of its ``.00`` code, never a part's. Each rated occupation's skill profile
(``onet_skill_profile``: its 70 ratings standardised, for ``moves --all-occupations``;
sources/skill_profiles.py) is computed here, once. openpyxl is needed
(``jobcompare[import]``) and imported only when reading.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._onet_map import rollup, soc_of
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text, sheet_rows
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table
from jobcompare.importers.onet import ATTRIBUTION_TEMPLATE, rating_row
from jobcompare.importers.onet_tables import TITLE_TABLE
from jobcompare.importers.onet_tables import rating_table as _rating_table
from jobcompare.sources import skill_profiles

__all__ = ["SOURCE", "TABLES", "rows"]

SOURCE = SourceInfo(
    key="onet-excel",
    folder="onet-30.1",
    name="O*NET Database (Excel edition): Skills, Alternate Titles",
    release="30.1",
    year="2025",
    licence="CC BY 4.0",
    attribution=ATTRIBUTION_TEMPLATE.format(version="30.1"),
    url="https://www.onetcenter.org/database.html",
)

#: Each rated O*NET occupation's skill profile (sources/skill_profiles.py): an index for
#: ranking occupations by how alike their skills are, derived from ``onet_skill``.
PROFILE_TABLE = Table(
    skill_profiles.TABLE,
    (
        ("soc", "TEXT NOT NULL"),
        ("onet_code", "TEXT NOT NULL"),
        ("vector", "BLOB NOT NULL"),
        ("suppressed", "TEXT"),
    ),
    primary_key=("soc", "onet_code"),
)

TABLES: tuple[Table, ...] = (_rating_table("onet_skill"), TITLE_TABLE, PROFILE_TABLE)

SKILLS = "Skills.xlsx"
TITLES = "Alternate Titles.xlsx"
_CODE = "O*NET-SOC Code"
_SKILL_COLUMNS = (
    _CODE,
    "Title",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Scale Name",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
)
_TITLE_COLUMNS = (_CODE, "Title", "Alternate Title", "Short Title", "Source(s)")


def _records(
    path: Path, sheet: str, columns: Sequence[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Data rows of a one-table O*NET sheet whose first row is the header ``columns``."""
    header: list[str] | None = None
    for number, values in sheet_rows(path, sheet):
        cells = [cell_text(v) for v in values]
        if header is None:
            header = cells[: len(columns)]
            if header != list(columns):
                raise ImportSourceError(
                    f"sheet {sheet!r}: expected the header {list(columns)}, found {header}",
                    path,
                    number,
                )
            continue
        if not any(cells):
            continue
        if len(cells) < len(columns) or not cells[0]:
            raise ImportSourceError(f"sheet {sheet!r}: incomplete row", path, number)
        yield number, dict(zip(columns, cells[: len(columns)], strict=True))
    if header is None:
        raise ImportSourceError(f"sheet {sheet!r} is empty", path)


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield ``onet_skill`` and alternate ``title`` rows read from the ``onet-30.1`` folder."""
    skills_path = require_file(root, SKILLS)
    titles_path = require_file(root, TITLES)

    titles: dict[str, str] = {}
    skills: list[tuple[str, Row]] = []
    for number, rec in _records(skills_path, "Skills", _SKILL_COLUMNS):
        code, values = rating_row(rec[_CODE], rec, skills_path, number)
        _check_code(code, skills_path, number)
        titles.setdefault(code, rec["Title"])
        skills.append((code, values))
    if progress is not None:
        progress(1, 2)

    alternates: list[tuple[str, str, str | None]] = []
    for number, rec in _records(titles_path, "Alternate Titles", _TITLE_COLUMNS):
        code = rec[_CODE]
        _check_code(code, titles_path, number)
        titles.setdefault(code, rec["Title"])
        alternate = rec["Alternate Title"]
        if not alternate:
            raise ImportSourceError("Alternate Title is empty", titles_path, number)
        alternates.append((code, alternate, rec["Short Title"] or None))
    if progress is not None:
        progress(2, 2)

    yield source_file_row(SOURCE.key, root, skills_path)
    yield source_file_row(SOURCE.key, root, titles_path)

    # Every rated occupation's skills under the OEWS code it rolls up to (docs/mapping.md):
    # a role's own are its ``.00`` code's; a move to a more specific occupation (15-1211.01)
    # has its own ratings for the skill gap.
    for code, values in skills:
        soc = rollup(code, spine)
        if soc is not None:
            yield "onet_skill", (soc, code, *values)
    yield from _profiles(skills, spine)
    seen: set[tuple[str, str]] = set()
    for code, alternate, short in alternates:
        target = rollup(code, spine)
        if target is not None and (code, alternate) not in seen:
            seen.add((code, alternate))
            yield "title", (alternate, target, "alternate", code, short)


def _profiles(skills: Sequence[tuple[str, Row]], spine: Spine) -> Iterator[tuple[str, Row]]:
    """Every rated occupation's skill profile (under the OEWS code it rolls up to),
    standardised over the OEWS occupations' own ``.00`` codes: the occupations ``moves
    --all-occupations`` ranks (sources/skill_profiles.py)."""
    ratings: dict[str, dict[tuple[str, str], float | None]] = {}
    for code, (element, _, scale, value, *_) in skills:
        if rollup(code, spine) is None:
            continue
        number = None if value is None else float(value)
        ratings.setdefault(code, {})[(str(element), str(scale))] = number
    dimensions = sorted({dimension for rated in ratings.values() for dimension in rated})
    own = [c for c in sorted(ratings) if c.endswith(".00") and rollup(c, spine) == soc_of(c)]
    built = skill_profiles.build(ratings, dimensions, own)
    for code in sorted(built):
        vector, missing = built[code]
        soc = rollup(code, spine)
        yield (
            skill_profiles.TABLE,
            (
                soc,
                code,
                skill_profiles.encode(vector),
                skill_profiles.encode_missing(sorted(missing)),
            ),
        )


def _check_code(code: str, path: Path, number: int) -> None:
    head, _, tail = code.partition(".")
    if len(head) != 7 or head[2] != "-" or len(tail) != 2 or not tail.isdigit():
        raise ImportSourceError(f"{code!r} is not an O*NET-SOC code", path, number)
