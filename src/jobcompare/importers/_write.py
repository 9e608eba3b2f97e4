"""The one writer of the store: every importer's rows into one reproducible SQLite file.

An importer module (see :mod:`jobcompare.importers.base`) declares its tables and yields
rows; this module creates the tables, stages the rows (on disk, so memory stays flat
whatever a source's size), inserts them sorted by primary key, builds the indexes, records
each source and the sha256 of every input file, runs the post-build hooks and compacts the
file with ``VACUUM``. The file is built beside the output under a temporary name and
renamed into place only when everything succeeded: a failed import leaves no partial
output and the previous store untouched.

Same inputs and the same SQLite library give the same bytes: the page size is fixed, rows
go in sorted by primary key, nothing records a time, and ``VACUUM`` rewrites the file in
one deterministic pass.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import cast

from jobcompare.errors import ImportSourceError, StoreWriteError
from jobcompare.importers.base import Importer, ProgressCallback, Row, SourceInfo, Spine, Table
from jobcompare.importers.sources import SOURCES

#: ``PRAGMA user_version`` of the files this writer makes; the reader refuses others.
STORE_FORMAT = 1
PAGE_SIZE = 4096
_BATCH = 5000

#: Importer modules that are part of ``import all``, in the order they run. OEWS first:
#: its occupations are the spine the others map onto.
ALL_IMPORTERS: tuple[str, ...] = tuple(SOURCES.values())
SPINE_IMPORTER = SOURCES["oews"]

#: The writer's own tables: which sources the store holds and what they were built from.
SOURCE_TABLE = Table(
    "source",
    (
        ("key", "TEXT NOT NULL"),
        ("name", "TEXT NOT NULL"),
        ("release", "TEXT NOT NULL"),
        ("year", "TEXT NOT NULL"),
        ("licence", "TEXT NOT NULL"),
        ("attribution", "TEXT NOT NULL"),
        ("url", "TEXT NOT NULL"),
        ("folder", "TEXT NOT NULL"),
    ),
    ("key",),
)
SOURCE_FILE_TABLE = Table(
    "source_file",
    (("source", "TEXT NOT NULL"), ("path", "TEXT NOT NULL"), ("sha256", "TEXT NOT NULL")),
    ("source", "path"),
)
#: Which source wrote which table: what a per-source rebuild replaces, and what the
#: coverage counts of ``jobcompare sources`` look at.
STORE_TABLE = Table(
    "store_table",
    (("name", "TEXT NOT NULL"), ("source", "TEXT NOT NULL")),
    ("name", "source"),
)
_OWN_TABLES = (SOURCE_TABLE, SOURCE_FILE_TABLE, STORE_TABLE)

PostBuild = Callable[[sqlite3.Connection], None]
#: Makes the progress callback of one source (or None for no progress).
ProgressFactory = Callable[[SourceInfo], "ProgressCallback | None"]


@dataclass
class BuildReport:
    """What a build wrote: rows per table, for the command's summary."""

    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


def load_importer(name: str) -> Importer:
    """The importer module ``name`` (``"oews"`` or ``"jobcompare.importers.oews"``)."""
    full = name if "." in name else f"jobcompare.importers.{name}"
    module: ModuleType = importlib.import_module(full)
    for attribute in ("SOURCE", "TABLES", "rows"):
        if not hasattr(module, attribute):
            raise StoreWriteError(f"importer {full} has no {attribute}")
    return cast("Importer", module)


def build_store(
    root: Path,
    out: Path,
    modules: Sequence[str] = ALL_IMPORTERS,
    *,
    keep_from: Path | None = None,
    progress: ProgressFactory | None = None,
    post_build: Sequence[PostBuild] = (),
) -> BuildReport:
    """Import ``modules`` from the data root ``root`` (each reads its ``SOURCE.folder``)
    into a new store at ``out``.

    With ``keep_from`` (an existing store, usually ``out`` itself), the tables of every
    source not in ``modules`` are copied from it unchanged: that is how one source is
    re-imported. Raises :class:`ImportSourceError` for bad input (file and row) and
    :class:`StoreWriteError` otherwise; in both cases ``out`` is left as it was.
    """
    root = Path(root)
    out = Path(out)
    if not root.is_dir():
        raise ImportSourceError("not a folder (expected the data root, e.g. ../shared/data)", root)
    importers = [load_importer(name) for name in modules]
    _check_declarations(importers)
    directory = out.parent if str(out.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    temp = Path(temp_name)
    try:
        report = _build(root, temp, importers, keep_from, progress, post_build)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    report.path = out
    return report


def _check_declarations(importers: Sequence[Importer]) -> None:
    """Each table is declared once, or identically by every source that fills it (O*NET
    30.3's reported titles and 30.1's alternate titles share the ``title`` table)."""
    seen: dict[str, tuple[str, Table | None]] = {t.name: ("the writer", None) for t in _OWN_TABLES}
    keys: set[str] = set()
    for importer in importers:
        key = importer.SOURCE.key
        if key in keys:
            raise StoreWriteError(f"two importers have the source key {key!r}")
        keys.add(key)
        for table in importer.TABLES:
            if table.name in seen and seen[table.name][1] != table:
                raise StoreWriteError(
                    f"table {table.name!r} of {key!r} is already written by "
                    f"{seen[table.name][0]}, declared differently"
                )
            seen.setdefault(table.name, (key, table))
            names = [name for name, _ in table.columns]
            unknown = [c for c in (*table.primary_key, *sum(table.indexes, ())) if c not in names]
            if unknown or not table.primary_key:
                raise StoreWriteError(
                    f"table {table.name!r} of {key!r}: primary key or index names unknown "
                    f"column(s) {', '.join(unknown) or '(no primary key)'}"
                )


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: Table, schema: str = "main") -> str:
    columns = ", ".join(f"{_quote(name)} {kind}" for name, kind in table.columns)
    key = ", ".join(_quote(c) for c in table.primary_key)
    return (
        f"CREATE TABLE {schema}.{_quote(table.name)} ({columns}, PRIMARY KEY ({key})) WITHOUT ROWID"
    )


def index_sql(table: Table) -> list[str]:
    statements = []
    for columns in table.indexes:
        name = f"{table.name}_by_{'_'.join(columns)}"
        listed = ", ".join(_quote(c) for c in columns)
        statements.append(f"CREATE INDEX {_quote(name)} ON {_quote(table.name)} ({listed})")
    return statements


class _Stage:
    """Rows of one table on their way in: batched into an unordered temporary table."""

    def __init__(self, db: sqlite3.Connection, table: Table, owner: str) -> None:
        self.db, self.table, self.owner = db, table, owner
        self.stage = f"stage_{table.name}"
        self.width = len(table.columns)
        self.batch: list[Row] = []
        self.count = 0
        columns = ", ".join(f"{_quote(name)}" for name, _ in table.columns)
        db.execute(f"CREATE TEMP TABLE {_quote(self.stage)} ({columns})")
        marks = ", ".join("?" * self.width)
        self.insert = f"INSERT INTO temp.{_quote(self.stage)} VALUES ({marks})"

    def add(self, row: Row) -> None:
        if len(row) != self.width:
            raise StoreWriteError(
                f"importer {self.owner!r} gave a row of {len(row)} values for table "
                f"{self.table.name!r}, which has {self.width} columns"
            )
        self.batch.append(row)
        if len(self.batch) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.db.executemany(self.insert, self.batch)
            self.count += len(self.batch)
            self.batch = []

    def finish(self) -> int:
        """Move the staged rows into the real table in primary-key order."""
        self.flush()
        table = self.table
        self.db.execute(create_sql(table))
        key = ", ".join(_quote(c) for c in table.primary_key)
        try:
            self.db.execute(
                f"INSERT INTO main.{_quote(table.name)} "
                f"SELECT * FROM temp.{_quote(self.stage)} ORDER BY {key}"
            )
        except sqlite3.IntegrityError as exc:
            raise StoreWriteError(
                f"importer {self.owner!r}, table {table.name!r}: {exc}{self._duplicate()}"
            ) from None
        for statement in index_sql(table):
            self.db.execute(statement)
        self.db.execute(f"DROP TABLE temp.{_quote(self.stage)}")
        return self.count

    def _duplicate(self) -> str:
        key = ", ".join(_quote(c) for c in self.table.primary_key)
        found = self.db.execute(
            f"SELECT {key} FROM temp.{_quote(self.stage)} GROUP BY {key} "
            "HAVING COUNT(*) > 1 ORDER BY " + key + " LIMIT 1"
        ).fetchone()
        return f" (key {tuple(found)!r} occurs more than once)" if found else ""


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise ImportSourceError(f"cannot read file ({exc.strerror or exc})", path) from None
    return digest.hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA temp_store = FILE")
    db.execute("PRAGMA cache_size = -16000")  # 16 MB: memory stays flat for any source
    db.execute("PRAGMA auto_vacuum = NONE")
    return db


def read_spine(store: Path) -> Spine:
    """The spine recorded in an existing store (its ``occupation`` table)."""
    db = open_existing(store)
    try:
        rows = db.execute("SELECT soc, title FROM occupation ORDER BY soc").fetchall()
    except sqlite3.Error as exc:
        raise StoreWriteError(f"{store}: no occupations to map onto ({exc})") from None
    finally:
        db.close()
    return Spine({soc: title for soc, title in rows})


def open_existing(store: Path) -> sqlite3.Connection:
    if not Path(store).is_file():
        raise StoreWriteError(
            f"{store}: no such store to keep the other sources from (run 'import all' first)"
        )
    db = sqlite3.connect(f"{Path(store).resolve().as_uri()}?mode=ro", uri=True)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != STORE_FORMAT:
        db.close()
        raise StoreWriteError(f"{store}: store format {version}, expected {STORE_FORMAT}")
    return db


def _spine_for(root: Path, importers: Sequence[Importer], keep_from: Path | None) -> Spine | None:
    spine_module = [i for i in importers if getattr(i, "__name__", "") == SPINE_IMPORTER]
    if spine_module:
        reader = getattr(spine_module[0], "read_spine", None)
        if reader is not None:
            return cast("Spine", reader(root / spine_module[0].SOURCE.folder))
    if keep_from is not None:
        return read_spine(keep_from)
    return None


def _build(
    root: Path,
    temp: Path,
    importers: Sequence[Importer],
    keep_from: Path | None,
    progress: ProgressFactory | None,
    post_build: Sequence[PostBuild],
) -> BuildReport:
    spine = _spine_for(root, importers, keep_from)
    if spine is None:
        raise StoreWriteError(
            "the OEWS importer gives the occupations every source maps onto: import it too, "
            "or keep the other sources from an existing store"
        )
    report = BuildReport(temp)
    db = _connect(temp)
    try:
        replaced = {importer.SOURCE.key for importer in importers}
        kept = _keep_tables(db, keep_from, replaced) if keep_from is not None else []
        owners: list[tuple[str, str]] = [(name, source) for name, source, _ in kept]
        source_rows: list[Row] = [row for _, _, row in kept if row is not None]
        file_rows: list[Row] = []
        # Tables are finished after every source ran: a shared table holds all its rows.
        stages: dict[str, _Stage] = {}
        for importer in importers:
            info = importer.SOURCE
            own = {t.name for t in importer.TABLES}
            for table in importer.TABLES:
                if table.name not in stages:
                    stages[table.name] = _Stage(db, table, info.key)
                owners.append((table.name, info.key))
            callback = progress(info) if progress is not None else None
            for table_name, row in importer.rows(root / info.folder, spine, callback):
                if table_name == "source_file":
                    file_rows.append(row)
                    continue
                if table_name not in own:
                    raise StoreWriteError(
                        f"importer {info.key!r} gave a row for table {table_name!r}, "
                        "which it does not declare"
                    )
                stages[table_name].add(row)
            source_rows.append(
                (info.key, info.name, info.release, info.year, info.licence,
                 info.attribution, info.url, info.folder)
            )  # fmt: skip
            report.sources.append(info.key)
        for name in sorted(stages):
            report.rows[name] = stages[name].finish()
        if keep_from is not None:
            file_rows += _kept_files(keep_from, replaced)
        _write_own(db, SOURCE_TABLE, source_rows)
        _write_own(db, SOURCE_FILE_TABLE, file_rows)
        _write_own(db, STORE_TABLE, owners)
        for hook in post_build:
            hook(db)
        db.execute(f"PRAGMA user_version = {STORE_FORMAT}")
        db.execute("VACUUM")
    except sqlite3.Error as exc:
        raise StoreWriteError(f"cannot write the store: {exc}") from None
    finally:
        db.close()
    return report


def _write_own(db: sqlite3.Connection, table: Table, rows: Iterable[Row]) -> None:
    ordered = sorted(set(rows), key=lambda r: tuple(str(v) for v in r))
    keys = [r[: len(table.primary_key)] for r in ordered]
    if len(set(keys)) != len(keys):
        raise StoreWriteError(f"duplicate rows for the store's {table.name!r} table")
    db.execute(create_sql(table))
    marks = ", ".join("?" * len(table.columns))
    db.executemany(f"INSERT INTO {_quote(table.name)} VALUES ({marks})", ordered)


def _keep_tables(
    db: sqlite3.Connection, store: Path, replaced: set[str]
) -> list[tuple[str, str, Row | None]]:
    """Copy the tables of the sources not being re-imported from ``store``; return
    (table, source, that source's ``source`` row) for each."""
    old = open_existing(store)
    try:
        owners = old.execute("SELECT name, source FROM store_table ORDER BY name").fetchall()
        sources = {row[0]: tuple(row) for row in old.execute("SELECT * FROM source")}
        schema = {
            name: sql
            for name, sql in old.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        }
        indexes: dict[str, list[str]] = {}
        for table, sql in old.execute(
            "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "ORDER BY name"
        ):
            indexes.setdefault(table, []).append(sql)
    finally:
        old.close()
    kept: list[tuple[str, str, Row | None]] = []
    db.execute("ATTACH DATABASE ? AS old", (str(Path(store).resolve()),))
    try:
        sources_of: dict[str, set[str]] = {}
        for name, source in owners:
            sources_of.setdefault(name, set()).add(source)
        for name, source in owners:
            if source in replaced:
                continue
            if sources_of[name] & replaced:
                shared = " and ".join(sorted(sources_of[name]))
                raise StoreWriteError(
                    f"table {name!r} is filled by {shared}: re-import them together"
                )
            kept.append((name, source, sources.get(source)))
            if sum(1 for n, _, _ in kept if n == name) > 1:
                continue  # a shared table is copied once
            db.execute(schema[name])
            db.execute(f"INSERT INTO main.{_quote(name)} SELECT * FROM old.{_quote(name)}")
            for sql in indexes.get(name, []):
                db.execute(sql)
    finally:
        db.execute("DETACH DATABASE old")
    return kept


def _kept_files(store: Path, replaced: set[str]) -> list[Row]:
    old = open_existing(store)
    try:
        return [
            tuple(row)
            for row in old.execute("SELECT source, path, sha256 FROM source_file")
            if row[0] not in replaced
        ]
    finally:
        old.close()
