"""``jobcompare import ...`` and ``jobcompare sources``.

``import all DATA_ROOT -o STORE`` builds the store from every importer in
:data:`jobcompare.importers._write.ALL_IMPORTERS`; ``import SOURCE DATA_ROOT -o STORE``
re-imports one source and keeps every other source's tables from the store already at
``STORE`` (see docs/store.md). Progress goes to stderr, on a terminal only; a bad input
raises the error naming the file and row (exit 1), leaving the store as it was.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.errors import OutputError
from jobcompare.output.dispatch import Outcome

if TYPE_CHECKING:
    from jobcompare.importers.base import ProgressCallback, SourceInfo


def run_import(root: Path, output: Path, modules: Sequence[str], *, keep: bool) -> Outcome:
    """Build the store; the outcome's note says what was written. ``keep``: copy the other
    sources' tables from the store already at ``output``."""
    from jobcompare.importers._write import build_store

    keep_from = output if keep and output.is_file() else None
    try:
        with _progress_bars() as progress:
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


@contextmanager
def _progress_bars() -> Iterator[Callable[[SourceInfo], ProgressCallback | None]]:
    """One progress bar per source on stderr, only on a terminal (a log gets none)."""
    if not sys.stderr.isatty():
        yield lambda info: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), console=console
    )

    def factory(info: SourceInfo) -> ProgressCallback:
        task = progress.add_task(f"Importing {info.key}", total=None)

        def advance(done: int, total: int) -> None:
            if not progress.live.is_started:
                progress.start()
            progress.update(task, completed=done, total=total)

        return advance

    try:
        yield factory
    finally:
        if progress.live.is_started:
            progress.stop()


def sources(store_path: Path | None = None) -> Outcome:
    """Every source of the bundled store, with its coverage."""
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import SourceList

    store = Store(store_path)
    return Outcome(SourceList(tuple(store.sources()), store.detailed_count()))
