"""``jobcompare import ...`` and ``jobcompare sources``.

``import all DATA_ROOT -o STORE`` builds the store from every importer in
:data:`jobcompare.importers._write.ALL_IMPORTERS`; ``import SOURCE DATA_ROOT -o STORE``
re-imports one source and keeps every other source's tables from the store already at
``STORE`` (see docs/store.md). The caller may pass a progress callback factory; a bad input
raises the error naming the file and row (exit 1), leaving the store as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.errors import OutputError
from jobcompare.output.dispatch import Outcome

if TYPE_CHECKING:
    from jobcompare.importers._write import ProgressFactory


def run_import(
    root: Path,
    output: Path,
    modules: Sequence[str],
    *,
    keep: bool,
    progress: ProgressFactory | None = None,
) -> Outcome:
    """Build the store; the outcome's note says what was written. ``keep``: copy the other
    sources' tables from the store already at ``output``; ``progress``: given a source,
    the callback told of its rows read (the caller draws; this never does)."""
    from jobcompare.importers._write import build_store

    keep_from = output if keep and output.is_file() else None
    try:
        report = build_store(
            root,
            output,
            modules,
            keep_from=keep_from,
            progress=progress,
            post_build=[_search_tables],
        )
    except OSError as exc:
        raise OutputError(str(output), exc) from None
    total = sum(report.rows.values())
    # A message, not a result: stdout stays for results.
    note = (
        f"Wrote {output}: {', '.join(report.sources)} ({total:,} rows in {len(report.rows)} tables)"
    )
    return Outcome(None, (note,))


def _search_tables(db: sqlite3.Connection) -> None:
    """The title lookup and full-text tables, built from the store's titles (when the
    store has them: a rebuild without O*NET has nothing to search but OEWS titles)."""
    from jobcompare.importers.search_index import build_search_index

    have = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if {"title", "onet_occupation", "occupation"} <= have:
        build_search_index(db)


def sources(store_path: Path | None = None) -> Outcome:
    """Every source of the bundled store, with its coverage."""
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import SourceList

    store = Store(store_path)
    return Outcome(SourceList(tuple(store.sources()), store.detailed_count()))
