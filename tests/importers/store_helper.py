"""A throwaway in-memory store for the importer tests: tables from TABLES, rows inserted.

Deliberately minimal (the real writer is ``importers/_write.py``): enough to query what an
importer yields with SQL, and to prove its rows fit its declared tables and keys.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

from jobcompare.importers.base import Row, Spine, Table

SOURCE_FILE = Table(
    "source_file",
    (("source", "TEXT"), ("path", "TEXT"), ("sha256", "TEXT")),
    primary_key=("source", "path"),
)


def create(tables: Iterable[Table], db: sqlite3.Connection | None = None) -> sqlite3.Connection:
    db = db or sqlite3.connect(":memory:")
    existing = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in (*tables, SOURCE_FILE):
        if table.name in existing:
            continue
        existing.add(table.name)
        columns = ", ".join(f'"{name}" {kind}' for name, kind in table.columns)
        key = ", ".join(f'"{name}"' for name in table.primary_key)
        db.execute(f'CREATE TABLE "{table.name}" ({columns}, PRIMARY KEY ({key}))')
    return db


def load(modules: Sequence[ModuleType], roots: Sequence[Path], spine: Spine) -> sqlite3.Connection:
    """Run each importer over its fixture folder and insert every row it yields."""
    db = sqlite3.connect(":memory:")
    for module, root in zip(modules, roots, strict=True):
        create(module.TABLES, db)
        widths = {t.name: len(t.columns) for t in (*module.TABLES, SOURCE_FILE)}
        for table, row in module.rows(root, spine):
            assert len(row) == widths[table], (table, row)
            marks = ", ".join("?" * len(row))
            db.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
    return db


def rows_of(db: sqlite3.Connection, sql: str, *args: object) -> list[Row]:
    return [tuple(r) for r in db.execute(sql, args)]
