"""What the two AI exposure importers share (``ai_gpts.py``, ``ai_applicability.py``):
reading a file of scores as its authors publish it, checked; the rank of each score among
all the file's rows; and which of the file's codes lie within an OEWS occupation.

A rank is the number of the file's rated occupations (every row of the published file,
whether or not OEWS publishes the occupation) whose score is strictly lower, with how
many the file rates; a share of them ("higher than 72% of occupations") is the model's
business (``model.Exposure``). The files write one fraction in more than one way (1/5 is
``0.2`` in one row and ``0.19999999999999998`` in another: floating-point noise), so two
scores that agree to :data:`TIE_DECIMALS` decimals are the same score, and neither ranks
above the other. The scores themselves are stored exactly as written.

Standard library only. Every problem is an :class:`ImportSourceError` naming the file,
the line (header = line 1) and the column.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from jobcompare.errors import ImportSourceError
from jobcompare.importers._onet_map import rollup
from jobcompare.importers._source import csv_rows, number
from jobcompare.importers.base import Spine
from jobcompare.text import join_words

__all__ = ["TIE_DECIMALS", "Scored", "licence_text", "lower_counts", "parts_within", "read"]

#: Scores equal to this many decimals are one score (the files' floating-point noise is
#: around the 17th significant digit; distinct fractions of a few hundred tasks differ
#: from the 5th decimal on).
TIE_DECIMALS = 12

#: Every file's scores are on this scale (both papers: 0-1).
LOWEST, HIGHEST = 0, 1


class Scored(NamedTuple):
    """One row of a published file: its line, code, title and scores (column -> value)."""

    line: int
    code: str
    title: str
    scores: dict[str, int | float]


def read(
    path: Path,
    code_column: str,
    code_pattern: re.Pattern[str],
    what: str,
    title_column: str,
    score_columns: Sequence[str],
) -> list[Scored]:
    """Every row of a published scores file, checked: the header names every column;
    each code has the form of ``code_pattern`` (``what`` names it: "O*NET-SOC code") and
    is listed once; each score is a finite number on the 0-1 scale, never blank."""
    found: list[Scored] = []
    first: dict[str, int] = {}
    for line, row in csv_rows(path, (code_column, title_column, *score_columns)):
        code = row[code_column].strip()
        if not code_pattern.fullmatch(code):
            raise ImportSourceError(f"column {code_column!r}: {code!r} is not {what}", path, line)
        if code in first:
            raise ImportSourceError(
                f"column {code_column!r}: {code} is listed twice (first on line {first[code]})",
                path,
                line,
            )
        first[code] = line
        title = row[title_column].strip()
        if not title:
            raise ImportSourceError(f"column {title_column!r} is empty for {code}", path, line)
        scores: dict[str, int | float] = {}
        for column in score_columns:
            value = number(row[column], path, line, column)
            if value is None or not LOWEST <= value <= HIGHEST:
                raise ImportSourceError(
                    f"column {column!r}: {row[column].strip()!r} for {code} is outside the "
                    f"published scale {LOWEST}-{HIGHEST}",
                    path,
                    line,
                )
            scores[column] = value
        found.append(Scored(line, code, title, scores))
    if not found:
        raise ImportSourceError("no rows of scores after the header", path, 1)
    return found


def tie_key(value: float) -> float:
    """The score as ranks compare it: to :data:`TIE_DECIMALS` decimals."""
    return round(value, TIE_DECIMALS)


def lower_counts(values: Sequence[float]) -> list[int]:
    """For each value, how many of ``values`` are strictly lower (ties: not lower)."""
    ordered = sorted(tie_key(v) for v in values)
    return [bisect_left(ordered, tie_key(v)) for v in values]


def parts_within(soc: str, own: str, rated: Iterable[Scored], spine: Spine) -> list[Scored]:
    """The file's rows for occupations within the OEWS occupation ``soc`` other than its
    ``own`` code: more specific ones (29-1141.01 under 29-1141), or those an OEWS
    aggregate combines (29-2011.00 and 29-2012.00 under 29-2010); in code order."""
    return sorted(
        (r for r in rated if r.code != own and rollup(r.code, spine) == soc),
        key=lambda r: r.code,
    )


def named(parts: Sequence[Scored]) -> str:
    """The parts as a reason names them: "29-2011.00 Medical and Clinical Laboratory
    Technologists and 29-2012.00 Medical and Clinical Laboratory Technicians"."""
    return join_words([f"{p.code} {p.title}" for p in parts])


def licence_text(path: Path, must_say: str) -> str:
    """The text of a licence file as published (line breaks kept, outer blank lines
    dropped), which must say ``must_say`` ("MIT License", "CC BY 4.0"): the licence
    the source is declared under is the one its authors give."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ImportSourceError(f"cannot read: {error.strerror or error}", path) from None
    except UnicodeDecodeError:
        raise ImportSourceError("not UTF-8 text", path) from None
    text = text.replace("\r\n", "\n").strip()
    if must_say not in text:
        raise ImportSourceError(
            f"the licence file does not say {must_say!r}: the licence may have changed", path
        )
    return text
