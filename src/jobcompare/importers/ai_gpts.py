"""Eloundou, Manning, Mishkin & Rock, "GPTs are GPTs" (Science, 2024): how exposed an
occupation's tasks are to large language models, rated by GPT-4 and by human annotators.

Reads ``gpts-are-gpts-occ_level.csv`` from the ``ai-exposure`` folder as the authors
publish it (openai/GPTs-are-GPTs, MIT licence): one row per O*NET-SOC occupation of the
2019 taxonomy (923), with ``dv_rating_*`` (GPT-4) and ``human_rating_*`` (human
annotators) for α, β and γ, each a share of the occupation's tasks, 0-1. jobcompare shows
β (E1 + ½·E2: tasks an LLM could do at least twice as fast, counting those that need
software built on top at half weight), the measure the paper leads with, by each rater.

One ``ai_gpts`` row per OEWS occupation (docs/ai-exposure.md):

- its scores are those of its own O*NET-SOC code, ``SOC.00``, and nothing else, each with
  its rank: how many of the file's 923 occupations score strictly lower
  (``_ai_exposure.lower_counts``), and how many it rates;
- when the file rates only occupations within it (more specific codes, 11-9199.01 …, or
  those an OEWS aggregate combines, 29-2011.00 and 29-2012.00 of 29-2010), their scores
  are theirs: the row has none, and its reason names every one of them;
- when the file rates nothing under it, the row has none, and says so.

The licence file's text (``gpts-are-gpts-LICENSE``: the copyright and permission notice
the MIT licence asks to be included with every copy) goes into ``licence_notice``, which
``jobcompare sources`` prints. Standard library only.
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
    key="gpts-are-gpts",
    folder="ai-exposure",
    name='Eloundou, Manning, Mishkin & Rock, "GPTs are GPTs" (AI exposure)',
    release="Science, 2024 (openai/GPTs-are-GPTs, occ_level.csv)",
    year="2024",
    licence="MIT License (Copyright (c) 2024 OpenAI)",
    attribution='Eloundou, T., Manning, S., Mishkin, P. and Rock, D., "GPTs are GPTs", '
    "Science (2024): occupation exposure scores from openai/GPTs-are-GPTs, Copyright (c) "
    "2024 OpenAI, used under the MIT License",
    url="https://github.com/openai/GPTs-are-GPTs",
)

FILE = "gpts-are-gpts-occ_level.csv"
LICENCE_FILE = "gpts-are-gpts-LICENSE"
CODE = "O*NET-SOC Code"
TITLE = "Title"
#: Every rating column is checked; β by each rater is stored.
RATINGS = tuple(
    f"{rater}_rating_{measure}"
    for rater in ("dv", "human")
    for measure in ("alpha", "beta", "gamma")
)
GPT4_BETA, HUMAN_BETA = "dv_rating_beta", "human_rating_beta"
_CODE_RE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}")
ALL_OCCUPATIONS = "00-0000"

TABLES: tuple[Table, ...] = (
    Table(
        "ai_gpts",
        (
            ("soc", "TEXT NOT NULL"),
            ("onet_code", "TEXT"),  # the O*NET-SOC code scored: SOC.00, or NULL
            ("gpt4_beta", "REAL"),  # dv_rating_beta, as published
            ("gpt4_beta_lower", "INTEGER"),  # rated occupations scoring strictly lower
            ("human_beta", "REAL"),  # human_rating_beta, as published
            ("human_beta_lower", "INTEGER"),
            ("rated", "INTEGER"),  # rows of the published file (NULL with no score)
            ("missing_reason", "TEXT"),
        ),
        primary_key=("soc",),
    ),
    # The licence notices to carry with the figures (the MIT licence's), by source.
    Table(
        "licence_notice",
        (("source", "TEXT NOT NULL"), ("notice", "TEXT NOT NULL")),
        primary_key=("source",),
    ),
)


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    """Yield one ``ai_gpts`` row per OEWS occupation and the licence notice."""
    path = require_file(root, FILE)
    licence = require_file(root, LICENCE_FILE)
    notice = licence_text(licence, "MIT License")
    rated = read(path, CODE, _CODE_RE, "an O*NET-SOC code (15-1252.00)", TITLE, RATINGS)
    lower = {
        column: dict(zip((r.code for r in rated), lower_counts([r.scores[column] for r in rated]),
                         strict=True))
        for column in (GPT4_BETA, HUMAN_BETA)
    }  # fmt: skip
    by_code = {r.code: r for r in rated}
    count = len(rated)
    found: list[Row] = []
    for soc in sorted(spine.occupations):
        if soc == ALL_OCCUPATIONS:
            found.append((soc, None, None, None, None, None, None,
                          "the paper rates occupations one by one, not all together"))  # fmt: skip
            continue
        own = f"{soc}.00"
        row = by_code.get(own)
        if row is not None:
            found.append((
                soc, own,
                row.scores[GPT4_BETA], lower[GPT4_BETA][own],
                row.scores[HUMAN_BETA], lower[HUMAN_BETA][own],
                count, None,
            ))  # fmt: skip
            continue
        parts = parts_within(soc, own, rated, spine)
        if parts:
            reason = (
                f"the paper rates only occupations within this one ({named(parts)}), not "
                "this occupation as a whole"
            )
        else:
            reason = (
                f"not rated by the paper (none of its {count:,} O*NET-SOC occupations is "
                "this one or within it)"
            )
        found.append((soc, None, None, None, None, None, None, reason))
    if progress is not None:
        progress(1, 1)
    yield source_file_row(SOURCE.key, root, path)
    yield source_file_row(SOURCE.key, root, licence)
    yield "licence_notice", (SOURCE.key, notice)
    for found_row in found:
        yield "ai_gpts", found_row
