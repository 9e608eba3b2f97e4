"""The bodies of ``jobcompare import ...`` and ``jobcompare sources`` (cli.py wires them).

``import all DATA_ROOT -o STORE`` builds the store from every importer in
:data:`jobcompare.importers._write.ALL_IMPORTERS`; ``import SOURCE DATA_ROOT -o STORE``
re-imports one source and keeps every other source's tables from the store already at
``STORE`` (see docs/store.md). Progress goes to stderr, on a terminal only; results to
stdout; a bad input exits 1 naming the file and row, leaving the store as it was.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.text import safe

if TYPE_CHECKING:
    from jobcompare.importers.base import ProgressCallback, SourceInfo

DATA_ERROR = 1

#: ``import <name>``: the source keys and the importer module of each.
SOURCE_MODULES = {
    "oews": "jobcompare.importers.oews",
    "rpp": "jobcompare.importers.rpp",
    "onet": "jobcompare.importers.onet",
    "onet-excel": "jobcompare.importers.onet_excel",
    "ep": "jobcompare.importers.ep",
    "ep-education": "jobcompare.importers.ep_education",
    "cps": "jobcompare.importers.cps",
}


def _fail(message: str) -> int:
    sys.stderr.write(f"jobcompare: error: {safe(message)}\n")
    return DATA_ERROR


def run_import(root: Path, output: Path, modules: Sequence[str], *, keep: bool) -> int:
    """Build the store; return the exit code. ``keep``: copy the other sources' tables
    from the store already at ``output``."""
    from jobcompare.importers._write import StoreWriteError, build_store
    from jobcompare.importers.base import ImportSourceError

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
    except ImportSourceError as exc:
        return _fail(str(exc))
    except StoreWriteError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror or exc}")
    total = sum(report.rows.values())
    # A message, not a result: stdout stays for results (issue 13).
    sys.stderr.write(
        f"Wrote {safe(str(output))}: {', '.join(report.sources)} ({total:,} rows in "
        f"{len(report.rows)} tables)\n"
    )
    return 0


def _search_tables(db: sqlite3.Connection) -> None:
    """The title lookup and full-text tables, built from the store's titles (when the
    store has them: a rebuild without O*NET has nothing to search but OEWS titles)."""
    from jobcompare.search import build_search_index

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


def sources_document(store_path: Path | None = None) -> list[dict[str, object]]:
    from jobcompare.store import Store

    store = Store(store_path)
    of = store.detailed_count()
    return [
        {
            "key": s.key,
            "name": s.name,
            "release": s.release,
            "year": s.year,
            "licence": s.licence,
            "attribution": s.attribution,
            "url": s.url,
            "folder": s.folder,
            "coverage": {"occupations": s.occupations, "of": of, "areas": s.areas},
            "files": [{"path": path, "sha256": digest} for path, digest in s.files],
        }
        for s in store.sources()
    ]


def sources_text(document: list[dict[str, object]], width: int = 80) -> str:
    """The sources as labelled lines, long values wrapped under their label to ``width``
    (a URL is never broken: it must stay copyable)."""
    import textwrap

    lines = []
    for source in document:
        coverage = source["coverage"]
        assert isinstance(coverage, dict)
        covered = []
        if coverage["occupations"] is not None:
            covered.append(f"{coverage['occupations']} of {coverage['of']} occupations")
        if coverage["areas"] is not None:
            covered.append(f"{coverage['areas']} areas")
        fields = (
            ("release", f"{source['release']}, year {source['year']}"),
            ("licence", str(source["licence"])),
            ("attribution", str(source["attribution"])),
            ("coverage", ", ".join(covered) or "not per occupation or area"),
            ("from", str(source["url"])),
        )
        lines += textwrap.wrap(f"{source['name']} ({source['key']})", max(width, 40))
        for label, value in fields:
            lead = f"  {label + ':':<13}"
            lines += textwrap.wrap(
                safe(value), max(width, 40), initial_indent=lead,
                subsequent_indent=" " * len(lead), break_long_words=False,
                break_on_hyphens=False,
            ) or [lead.rstrip()]  # fmt: skip
        lines.append("")
    return "".join(safe(line) + "\n" for line in lines)
