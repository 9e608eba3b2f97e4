"""Progress bars for ``jobcompare import``: one per source, on stderr, on a terminal only
(a log gets none). The command is handed the factory and never draws."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobcompare.importers._write import ProgressFactory
    from jobcompare.importers.base import ProgressCallback, SourceInfo


@contextmanager
def progress_bars() -> Iterator[ProgressFactory]:
    """A factory of bars on stderr when it is a terminal; a factory of none otherwise."""
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
