"""Tomlinson, Jaffe, Wang, Counts & Suri, "Working with AI: Measuring the Applicability of
Generative AI to Occupations" (arXiv 2507.07935, 2025): the AI applicability score.

Reads ``working-with-ai-soc_ai_applicability_scores.csv`` from the ``ai-exposure`` folder
as the authors publish it (microsoft/working-with-ai, CC BY 4.0): one row per detailed SOC
2018 occupation (785), ``ai_applicability_score`` 0-1, from observed Bing Copilot
conversations: how often, how successfully and how broadly AI helps with the occupation's
work activities (the average of its user-goal and AI-action scores).

One ``ai_applicability`` row per OEWS occupation (docs/ai-exposure.md): the score of the
same SOC code, exactly, with its rank (how many of the file's occupations score strictly
lower, and how many it rates); none otherwise, with the reason (the detailed codes it
rates within an OEWS aggregate, if any, are named: their scores are theirs). The licence
file must say CC BY 4.0: the attribution it asks for (the paper) is this source's.
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from jobcompare.importers._ai_exposure import (
    licence_text,
    lower_counts,
    named,
    parts_within,
    read,
)
from jobcompare.importers._source import require_file, source_file_row
from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

__all__ = ["FILE", "LICENCE_FILE", "SOURCE", "TABLES", "rows"]

SOURCE = SourceInfo(
    key="working-with-ai",
    folder="ai-exposure",
    name='Tomlinson, Jaffe, Wang, Counts & Suri, "Working with AI" (AI applicability)',
    release="arXiv 2507.07935, 2025 (microsoft/working-with-ai, soc_ai_applicability_scores.csv)",
    year="2025",
    licence="CC BY 4.0",
    attribution="Kiran Tomlinson, Sonia Jaffe, Will Wang, Scott Counts, and Siddharth Suri. "
    "Working with AI: Measuring the Applicability of Generative AI to Occupations. arXiv, "
    "2025. https://arxiv.org/abs/2507.07935. Scores from microsoft/working-with-ai under "
    "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); ranks computed by jobcompare",
    url="https://github.com/microsoft/working-with-ai",
)

FILE = "working-with-ai-soc_ai_applicability_scores.csv"
LICENCE_FILE = "working-with-ai-LICENSE.txt"
CODE = "SOC Code"
TITLE = "title"
SCORE = "ai_applicability_score"
_CODE_RE = re.compile(r"[0-9]{2}-[0-9]{4}")
ALL_OCCUPATIONS = "00-0000"

TABLES: tuple[Table, ...] = (
    Table(
        "ai_applicability",
        (
            ("soc", "TEXT NOT NULL"),
            ("score", "REAL"),  # ai_applicability_score, as published
            ("score_lower", "INTEGER"),  # rated occupations scoring strictly lower
            ("rated", "INTEGER"),  # rows of the published file (NULL with no score)
            ("missing_reason", "TEXT"),
        ),
        primary_key=("soc",),
    ),
)


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield one ``ai_applicability`` row per OEWS occupation."""
    path = require_file(root, FILE)
    licence = require_file(root, LICENCE_FILE)
    licence_text(licence, "CC BY 4.0")
    rated = read(path, CODE, _CODE_RE, "a SOC code (15-1252)", TITLE, (SCORE,))
    lower = dict(zip((r.code for r in rated), lower_counts([r.scores[SCORE] for r in rated]),
                     strict=True))  # fmt: skip
    by_code = {r.code: r for r in rated}
    count = len(rated)
    found: list[Row] = []
    for soc in sorted(spine.occupations):
        if soc == ALL_OCCUPATIONS:
            found.append((soc, None, None, None,
                          "the paper rates occupations one by one, not all together"))  # fmt: skip
            continue
        row = by_code.get(soc)
        if row is not None:
            found.append((soc, row.scores[SCORE], lower[soc], count, None))
            continue
        parts = parts_within(soc, soc, rated, spine)
        if parts:
            reason = (
                f"the paper rates only occupations within this one ({named(parts)}), not "
                "this occupation as a whole"
            )
        else:
            reason = f"not rated by the paper (its {count:,} SOC occupations do not include it)"
        found.append((soc, None, None, None, reason))
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    yield source_file_row(SOURCE.key, root, licence)
    for found_row in found:
        yield "ai_applicability", found_row
