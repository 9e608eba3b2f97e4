"""The small store the title and search tests share (tests/fixtures/titles/store.sql)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jobcompare.importers.search_index import build_search_index
from jobcompare.sources.title_keys import RoleKey

FIXTURE = Path(__file__).parent / "fixtures" / "titles" / "store.sql"

#: The seed page's roles, hand-written and without a SOC code, as the catalogue has them.
SEED_ROLES: list[RoleKey] = [
    ("patient-account-coordinator", "Patient Account Coordinator", None),
    ("collections-coordinator", "Collections Coordinator", None),
]


def make_store(folder: Path, *, index: bool = True, name: str = "store.sqlite") -> Path:
    """The fixture store as a file, with the search tables (``index``) or without."""
    path = folder / name
    conn = sqlite3.connect(path)
    # One transaction: a file store would otherwise sync after every row.
    conn.executescript("BEGIN;\n" + FIXTURE.read_text(encoding="utf-8") + "COMMIT;\n")
    if index:
        build_search_index(conn)
    conn.commit()
    conn.close()
    return path


def open_store(path: Path) -> sqlite3.Connection:
    """Read-only, as the command line opens the store."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def roles_of_store(conn: sqlite3.Connection) -> list[RoleKey]:
    """The store's occupations and the seed roles: what the catalogue will pass."""
    rows = conn.execute("SELECT slug, title, soc FROM occupation ORDER BY soc").fetchall()
    return [*rows, *SEED_ROLES]
