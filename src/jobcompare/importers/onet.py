"""O*NET 30.3 Database, CSV edition: descriptions, tasks, education, job zones, related
occupations, reported titles, basic skills, technology skills and interests.

Reads the files as O*NET publishes them (comma-separated, CRLF, one header line) from the
``onet-30.3`` folder. Every O*NET-SOC code goes into ``onet_occupation`` with the OEWS code
it rolls up to; ``onet_link`` says which O*NET occupations feed each OEWS occupation's
figures and by which rule (docs/mapping.md); the figure tables hold rows of linked O*NET
occupations only, each carrying both its ``onet_code`` and the OEWS ``soc``; their primary
keys lead with ``soc``, so the lookups by occupation need no extra index. Values are
stored as O*NET writes them; a value O*NET recommends suppressing is ``NULL`` with the
reason. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers import onet_interests
from jobcompare.importers._onet_map import AGGREGATES, is_all_other, rollup, soc_of
from jobcompare.importers._source import csv_rows, number, require_file, source_file_row
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine
from jobcompare.importers.onet_tables import TABLES as TABLES
from jobcompare.importers.onet_tables import TITLE_TABLE as TITLE_TABLE

__all__ = ["SOURCE", "SUPPRESSED", "TABLES", "TITLE_TABLE", "links", "rows"]

ATTRIBUTION_TEMPLATE = (
    "This product includes information from the O*NET {version} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
    "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
)

SOURCE = SourceInfo(
    key="onet",
    folder="onet-30.3",
    name="O*NET Database (CSV edition)",
    release="30.3 (May 2026)",
    year="2026",
    licence="CC BY 4.0",
    attribution=ATTRIBUTION_TEMPLATE.format(version="30.3"),
    url="https://www.onetcenter.org/database.html",
)

#: Why a value is missing when O*NET flags it "Recommend Suppress = Y".
SUPPRESSED = (
    "O*NET recommends suppressing this value (Recommend Suppress = Y: "
    "low precision, e.g. a small sample or a large standard error)"
)

_CODE_RE = re.compile(r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}$")

_FILES = (
    "occupation_data.csv",
    "task_statements.csv",
    "education.csv",
    "education_categories.csv",
    "job_zones.csv",
    "job_zone_reference.csv",
    "related_occupations.csv",
    "sample_of_reported_titles.csv",
    "essential_skills.csv",
    "software_skills.csv",
    onet_interests.FILE,
)
_CODE = "O*NET-SOC Code"
#: O*NET's own read-me names the release; the importer checks it is the one it labels.
README = "Read Me.txt"
RELEASE_LINE = "O*NET 30.3 Database"


def _code(value: str, path: Path, line: int, column: str = _CODE) -> str:
    code = value.strip()
    if not _CODE_RE.match(code):
        raise ImportSourceError(f"{column} {value!r} is not an O*NET-SOC code", path, line)
    return code


def _flag(value: str, path: Path, line: int, column: str) -> str | None:
    flag = value.strip()
    if flag not in ("Y", "N", ""):
        raise ImportSourceError(f"{column} must be Y, N or blank, not {value!r}", path, line)
    return flag or None


def _text(value: str, path: Path, line: int, column: str) -> str:
    text = value.strip()
    if not text:
        raise ImportSourceError(f"column {column!r} is empty", path, line)
    return text


def _int(value: str, path: Path, line: int, column: str, *, blank_ok: bool = False) -> int | None:
    parsed = number(value, path, line, column, blank_ok=blank_ok)
    if parsed is not None and not isinstance(parsed, int):
        raise ImportSourceError(f"column {column!r}: {value!r} is not a whole number", path, line)
    return parsed


def links(
    spine: Spine, titles: dict[str, str], rated: set[str]
) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """Apply the mapping rules: ``(soc, onet_code, rule)`` links and unlinked reasons.

    ``titles`` holds every O*NET-SOC code with its title; ``rated`` the codes that have
    figures (tasks, job zone, ratings) in this release.
    """
    found: list[tuple[str, str, str]] = []
    unlinked: dict[str, str] = {}
    by_soc: dict[str, list[str]] = {}
    for code in sorted(titles):
        by_soc.setdefault(soc_of(code), []).append(code)
    for soc, oews_title in sorted(spine.occupations.items()):
        if soc == "00-0000":
            continue
        same = f"{soc}.00"
        if same in rated:
            found.append((soc, same, "same"))
            continue
        if soc in AGGREGATES:
            parts = [f"{part}.00" for part in AGGREGATES[soc]]
            feeding = [code for code in parts if code in rated]
            for code in feeding:
                found.append((soc, code, "aggregate"))
            if not feeding:
                unlinked[soc] = (
                    "OEWS aggregate whose O*NET occupations ("
                    + ", ".join(parts)
                    + ") O*NET does not rate"
                )
            continue
        specific = [code for code in by_soc.get(soc, []) if code != same and code in rated]
        if is_all_other(oews_title) or is_all_other(titles.get(same, "")):
            unlinked[soc] = "not rated by O*NET: a residual 'all other' occupation" + (
                f" (O*NET rates only the more specific {', '.join(specific)})" if specific else ""
            )
            continue
        if specific:
            for code in specific:
                found.append((soc, code, "specific"))
        elif same in titles:
            unlinked[soc] = f"not rated by O*NET ({same} has no figures in this release)"
        else:
            unlinked[soc] = "no O*NET-SOC occupation for this SOC code"
    return found, unlinked


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield the O*NET 30.3 rows (see :data:`TABLES`) read from the ``onet-30.3`` folder."""
    paths = {name: require_file(root, name) for name in _FILES}
    readme = require_file(root, README)
    first = readme.read_text(encoding="utf-8", errors="replace").strip().splitlines()[:1]
    if first != [RELEASE_LINE]:
        raise ImportSourceError(
            f"expected {RELEASE_LINE!r} as the first line, found {first[0] if first else ''!r}:"
            " this importer reads O*NET 30.3 only",
            readme,
            1,
        )
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(_FILES))

    # occupation_data: every O*NET-SOC code.
    path = paths["occupation_data.csv"]
    occupations: dict[str, tuple[str, str]] = {}
    for line, rec in csv_rows(path, (_CODE, "Title", "Description")):
        code = _code(rec[_CODE], path, line)
        if code in occupations:
            raise ImportSourceError(f"{code} is listed twice", path, line)
        occupations[code] = (
            _text(rec["Title"], path, line, "Title"),
            _text(rec["Description"], path, line, "Description"),
        )
    step()

    def known(rec: dict[str, str], path: Path, line: int, column: str = _CODE) -> str:
        code = _code(rec[column], path, line, column)
        if code not in occupations:
            raise ImportSourceError(f"{code} is not in occupation_data.csv", path, line)
        return code

    # Read every figure file first: which codes are rated decides the links.
    path = paths["task_statements.csv"]
    tasks: list[tuple[str, Row]] = []
    positions: dict[str, int] = {}
    task_cols = (_CODE, "Task ID", "Task", "Task Type", "Incumbents Responding", "Date")
    for line, rec in csv_rows(path, (*task_cols, "Domain Source")):
        code = known(rec, path, line)
        task_type = rec["Task Type"].strip()
        if task_type not in ("Core", "Supplemental", ""):
            raise ImportSourceError(
                f"Task Type must be Core, Supplemental or blank, not {task_type!r}", path, line
            )
        positions[code] = positions.get(code, 0) + 1
        tasks.append(
            (
                code,
                (
                    positions[code],
                    _int(rec["Task ID"], path, line, "Task ID"),
                    _text(rec["Task"], path, line, "Task"),
                    task_type or None,
                    _int(
                        rec["Incumbents Responding"],
                        path,
                        line,
                        "Incumbents Responding",
                        blank_ok=True,
                    ),
                    rec["Date"].strip() or None,
                    rec["Domain Source"].strip() or None,
                ),
            )
        )
    step()

    path = paths["education_categories.csv"]
    categories: dict[int, str] = {}
    for line, rec in csv_rows(path, ("Element ID", "Scale ID", "Category", "Category Description")):
        if rec["Element ID"].strip() == "2.D.1" and rec["Scale ID"].strip() == "RL":
            number_ = _int(rec["Category"], path, line, "Category")
            assert number_ is not None
            categories[number_] = _text(
                rec["Category Description"], path, line, "Category Description"
            )
    if not categories:
        raise ImportSourceError("no categories for element 2.D.1, scale RL", path)
    step()

    path = paths["education.csv"]
    education: list[tuple[str, Row]] = []
    edu_cols = (_CODE, "Element ID", "Scale ID", "Category", "Data Value", "N")
    for line, rec in csv_rows(
        path, (*edu_cols, "Standard Error", "Recommend Suppress", "Date", "Domain Source")
    ):
        if rec["Element ID"].strip() != "2.D.1" or rec["Scale ID"].strip() != "RL":
            continue
        code = known(rec, path, line)
        category = _int(rec["Category"], path, line, "Category")
        if category not in categories:
            raise ImportSourceError(
                f"category {category} is not in education_categories.csv", path, line
            )
        suppress = _flag(rec["Recommend Suppress"], path, line, "Recommend Suppress")
        value = number(rec["Data Value"], path, line, "Data Value")
        education.append(
            (
                code,
                (
                    category,
                    categories[category],
                    None if suppress == "Y" else value,
                    _int(rec["N"], path, line, "N", blank_ok=True),
                    number(rec["Standard Error"], path, line, "Standard Error", blank_ok=True),
                    suppress,
                    SUPPRESSED if suppress == "Y" else None,
                    rec["Date"].strip() or None,
                    rec["Domain Source"].strip() or None,
                ),
            )
        )
    step()

    path = paths["job_zones.csv"]
    zones: list[tuple[str, Row]] = []
    for line, rec in csv_rows(path, (_CODE, "Job Zone", "Date", "Domain Source")):
        code = known(rec, path, line)
        zones.append(
            (
                code,
                (
                    _int(rec["Job Zone"], path, line, "Job Zone"),
                    rec["Date"].strip() or None,
                    rec["Domain Source"].strip() or None,
                ),
            )
        )
    step()

    path = paths["job_zone_reference.csv"]
    zone_names: list[Row] = []
    zone_cols = ("Job Zone", "Name", "Experience", "Education", "Job Training", "Examples")
    for line, rec in csv_rows(path, (*zone_cols, "SVP Range")):
        zone_names.append(
            (
                _int(rec["Job Zone"], path, line, "Job Zone"),
                _text(rec["Name"], path, line, "Name"),
                *(rec[c].strip() or None for c in zone_cols[2:]),
                rec["SVP Range"].strip() or None,
            )
        )
    step()

    path = paths["related_occupations.csv"]
    related: list[tuple[str, tuple[str, str, str, int]]] = []
    rel_code = "Related O*NET-SOC Code"
    for line, rec in csv_rows(
        path, (_CODE, rel_code, "Related Title", "Relatedness Tier", "Index")
    ):
        code = known(rec, path, line)
        other = known(rec, path, line, rel_code)
        index = _int(rec["Index"], path, line, "Index")
        assert index is not None
        related.append(
            (
                code,
                (
                    other,
                    _text(rec["Related Title"], path, line, "Related Title"),
                    _text(rec["Relatedness Tier"], path, line, "Relatedness Tier"),
                    index,
                ),
            )
        )
    step()

    path = paths["sample_of_reported_titles.csv"]
    reported: list[tuple[str, str]] = []
    for line, rec in csv_rows(path, (_CODE, "Reported Job Title")):
        reported.append(
            (known(rec, path, line), _text(rec["Reported Job Title"], path, line, "title"))
        )
    step()

    path = paths["essential_skills.csv"]
    basic = list(_ratings(path, known))
    step()

    path = paths["software_skills.csv"]
    technology: list[tuple[str, Row]] = []
    for line, rec in csv_rows(
        path,
        (_CODE, "Workplace Example", "Element ID", "Element Name", "Hot Technology", "In Demand"),
    ):
        code = known(rec, path, line)
        hot = _flag(rec["Hot Technology"], path, line, "Hot Technology")
        demand = _flag(rec["In Demand"], path, line, "In Demand")
        technology.append(
            (
                code,
                (
                    _text(rec["Workplace Example"], path, line, "Workplace Example"),
                    _text(rec["Element ID"], path, line, "Element ID"),
                    _text(rec["Element Name"], path, line, "Element Name"),
                    int(hot == "Y"),
                    int(demand == "Y"),
                ),
            )
        )
    step()

    # Interests (RIASEC): read like the figure files, but not a sign of a rated
    # occupation (the links stay those of the ratings above).
    interests = list(onet_interests.rows(paths[onet_interests.FILE], known))
    step()

    yield source_file_row(SOURCE.key, root, readme)
    for name in _FILES:
        yield source_file_row(SOURCE.key, root, paths[name])

    rated = {code for group in (tasks, education, zones, basic, technology) for code, _ in group}
    found, unlinked = links(spine, {c: t for c, (t, _) in occupations.items()}, rated)
    feeds = {code: soc for soc, code, _ in found}
    for soc, code, rule in found:
        yield "onet_link", (soc, code, rule)
    for soc, reason in sorted(unlinked.items()):
        yield "onet_unlinked", (soc, reason)

    rolled = {code: rollup(code, spine) for code in occupations}
    for code, (title, description) in sorted(occupations.items()):
        yield "onet_occupation", (code, rolled[code], title, description)
    for number_, name in sorted(categories.items()):
        yield "onet_education_category", (number_, name)
    for zone in zone_names:
        yield "onet_job_zone_reference", zone

    for table, group in (
        ("onet_task", tasks),
        ("onet_education", education),
        ("onet_basic_skill", basic),
        ("onet_technology", technology),
    ):
        for code, values in group:
            target = feeds.get(code)
            if target is not None:
                yield table, (target, code, *values)
    # Every rated occupation's job zone, linked or not, under the OEWS code it rolls up
    # to: a move to a more specific occupation (15-1211.01) shows its own zone.
    for code, values in zones:
        target = rolled.get(code)
        if target is not None:
            yield "onet_job_zone", (target, code, *values)
    # Every occupation's interests, like its job zone: an OEWS occupation's own are its
    # ``.00``'s (the reader's rule); a move to a more specific one shows its own.
    for code, values in interests:
        target = rolled.get(code)
        if target is not None:
            yield "onet_interest", (target, code, *values)
    for code, (other, title, tier, index) in related:
        target = feeds.get(code)
        if target is not None:
            yield "onet_related", (target, code, other, rolled[other], title, tier, index)
    seen: set[tuple[str, str]] = set()
    for code, title in reported:
        target = rolled[code]
        if target is not None and (code, title) not in seen:
            seen.add((code, title))
            yield "title", (title, target, "reported", code, None)


def _ratings(
    path: Path, known: Callable[[dict[str, str], Path, int], str]
) -> Iterator[tuple[str, Row]]:
    """Rows of an O*NET skills file (importance IM, level LV), suppression kept as missing
    (a level flagged "Not Relevant" is kept as published, with its flag)."""
    columns = (
        _CODE,
        "Element ID",
        "Element Name",
        "Scale ID",
        "Data Value",
        "N",
        "Standard Error",
        "Recommend Suppress",
        "Not Relevant",
        "Date",
        "Domain Source",
    )
    for line, rec in csv_rows(path, columns):
        code = known(rec, path, line)
        yield rating_row(code, rec, path, line)


def rating_row(code: str, rec: dict[str, str], path: Path, line: int) -> tuple[str, Row]:
    """One skills row from a record with O*NET's column names (CSV or Excel edition)."""
    scale = _text(rec["Scale ID"], path, line, "Scale ID")
    if scale not in ("IM", "LV"):
        raise ImportSourceError(f"Scale ID must be IM or LV, not {scale!r}", path, line)
    suppress = _flag(rec["Recommend Suppress"], path, line, "Recommend Suppress")
    irrelevant = _flag(rec["Not Relevant"], path, line, "Not Relevant")
    value = number(rec["Data Value"], path, line, "Data Value")
    # Recommend Suppress = Y withholds the value; Not Relevant = Y does not: O*NET
    # publishes the level (0 or a little above) and flags it, and it is kept so.
    reason = SUPPRESSED if suppress == "Y" else None
    return (
        code,
        (
            _text(rec["Element ID"], path, line, "Element ID"),
            _text(rec["Element Name"], path, line, "Element Name"),
            scale,
            None if reason else value,
            _int(rec["N"], path, line, "N", blank_ok=True),
            number(rec["Standard Error"], path, line, "Standard Error", blank_ok=True),
            suppress,
            irrelevant,
            reason,
            rec["Date"].strip() or None,
            rec["Domain Source"].strip() or None,
        ),
    )
