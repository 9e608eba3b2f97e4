"""BLS Employment Projections 2024–34, ``occupation.xlsx`` table 1.12: factors affecting
occupational utilization — BLS's own sentence on why it expects an occupation's share of
an industry's employment to change, for each occupation and industry it wrote one for
("Total, all industries", code ``TE1000``, or one industry).

One row per sentence, in BLS's order (``position`` counts an occupation's sentences from
1), for occupations whose matrix code is an OEWS occupation. The sentence is kept exactly
as BLS wrote it (white space around it removed); its prefix is parsed by
:func:`parse` into the factors BLS names and the direction of the share, and a prefix
that does not read as one leaves both empty — the sentence itself is never dropped or
changed. openpyxl is needed (``jobcompare[import]``) and imported only when reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jobcompare.errors import ImportSourceError
from jobcompare.importers._ep_sheet import column_letter, lines
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers._xlsx import cell_text
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table
from jobcompare.model import ALL_INDUSTRIES

__all__ = ["ALL_INDUSTRIES", "FACTORS", "SEPARATOR", "SHEET", "SOURCE", "TABLES", "parse", "rows"]

SOURCE = SourceInfo(
    key="ep-factors",
    folder="bls-ep-2024-34",
    name="BLS Employment Projections: factors affecting occupational utilization (table 1.12)",
    release="2024–34 (released 2025-08-28)",
    year="2024–34",
    licence="Public domain (U.S. government work)",
    # The program's credit, as table 1.2's: the table is named by the citation's label
    # and this source's name, so the sources a page lists fold into one line.
    attribution="U.S. Bureau of Labor Statistics, Employment Projections program, 2024–34.",
    url="https://www.bls.gov/emp/tables.htm",
)

WORKBOOK = "occupation.xlsx"
SHEET = "Table 1.12"
#: The industry code of BLS's "Total, all industries" rows.
#: The factors BLS's sentences name, as BLS writes them first in a sentence.
FACTORS = (
    "Demand change",
    "Productivity change",
    "Capital/labor substitution",
    "Sourcing change",
    "Occupational substitution",
)
#: Between the factors of one sentence in the store's ``factors`` column.
SEPARATOR = "; "

_TITLE = "2024 National Employment Matrix occupation title"
_CODE = "2024 National Employment Matrix occupation code"
_INDUSTRY = "2024 National Employment Matrix industry title"
_INDUSTRY_CODE = "2024 National Employment Matrix industry code"
_TEXT = "Factors affecting occupational utilization"

#: "Demand change, productivity change - share increases as ...": the factors, a hyphen
#: (BLS also writes "--", or none before it: "Demand change- share"), then the share's
#: direction.
_PREFIX = re.compile(r"^(?P<factors>[^-]+?)\s*-{1,2}\s*share (?P<direction>increases|decreases)\b")
_KNOWN = {name.lower(): name for name in FACTORS}

TABLES: tuple[Table, ...] = (
    Table(
        "ep_factor",
        (
            ("soc", "TEXT NOT NULL"),
            ("position", "INTEGER NOT NULL"),
            ("matrix_title", "TEXT NOT NULL"),
            ("industry", "TEXT NOT NULL"),
            ("industry_code", "TEXT NOT NULL"),
            ("text", "TEXT NOT NULL"),
            ("factors", "TEXT"),
            ("direction", "TEXT"),
        ),
        primary_key=("soc", "position"),
    ),
)


def parse(text: str) -> tuple[tuple[str, ...], str | None]:
    """The factors a sentence of table 1.12 names and the direction of the share it speaks
    of: "Productivity change, demand change - share decreases as ..." -> (("Productivity
    change", "Demand change"), "decreases"). Each factor must be one of :data:`FACTORS`
    (any case); otherwise, or without "share increases"/"share decreases" after the
    prefix, ((), None): the sentence does not say them in the form BLS uses."""
    found = _PREFIX.match(text)
    if found is None:
        return (), None
    names = [part.strip().lower() for part in found.group("factors").split(",")]
    if not names or any(name not in _KNOWN for name in names):
        return (), None
    return tuple(_KNOWN[name] for name in names), found.group("direction")


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield ``ep_factor`` rows, one per sentence, for OEWS occupations."""
    path = require_file(root, WORKBOOK)
    found: list[Row] = []
    positions: dict[str, int] = {}
    pairs: set[tuple[str, str]] = set()
    previous = ""
    wanted = (_TITLE, _INDUSTRY, _INDUSTRY_CODE, _TEXT)
    for line, cells, columns in lines(path, SHEET, _CODE, wanted):
        code = cell_text(cells[columns[_CODE]])
        values = {name: cell_text(cells[columns[name]]) for name in wanted}
        for name in wanted:
            if not values[name]:
                raise ImportSourceError(
                    f"sheet {SHEET!r}, column {column_letter(columns[name])} ({name!r}) for "
                    f"{code}: empty",
                    path,
                    line,
                )
        industry_code = values[_INDUSTRY_CODE]
        if (code, industry_code) in pairs:
            raise ImportSourceError(
                f"sheet {SHEET!r}, column {column_letter(columns[_INDUSTRY_CODE])}: "
                f"{code} has a second sentence for industry {industry_code}",
                path,
                line,
            )
        if code != previous and code in positions:
            # BLS lists an occupation's sentences together: its order is theirs.
            raise ImportSourceError(
                f"sheet {SHEET!r}, column {column_letter(columns[_CODE])}: the sentences of "
                f"{code} are not listed together",
                path,
                line,
            )
        pairs.add((code, industry_code))
        previous = code
        positions[code] = positions.get(code, 0) + 1
        if code not in spine:
            continue
        text = values[_TEXT]
        factors, direction = parse(text)
        found.append(
            (
                code,
                positions[code],
                values[_TITLE],
                values[_INDUSTRY],
                industry_code,
                text,
                SEPARATOR.join(factors) or None,
                direction,
            )
        )
    if not positions:
        raise ImportSourceError(f"sheet {SHEET!r} lists no sentences", path)
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    for row in found:
        yield "ep_factor", row
