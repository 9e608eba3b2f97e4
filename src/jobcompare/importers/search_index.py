"""The search tables of the store, built once the importers have written the titles:
the title keys the resolver looks alternate titles up by, and (where this SQLite has
FTS5) the full-text index search ranks titles and descriptions with."""

from __future__ import annotations

import sqlite3

from jobcompare.sources import title_keys
from jobcompare.sources.title_keys import (
    FTS_PREFIX,
    FTS_TABLE,
    FTS_TOKENIZE,
    KEY_TABLE,
    keys_of,
)


def build_search_index(conn: sqlite3.Connection) -> dict[str, int]:
    """Add the search tables to a store being built (call it after every importer has
    written ``title``, ``onet_occupation`` and ``occupation``; idempotent). Returns the
    row count of each table made.

    - ``title_key(key, via, title, soc, kind)``: every alternate/reported title under its
      exact-title key (and its short title's key), for the resolver; always built.
    - ``title_fts``: FTS5 over titles, short titles and descriptions; built only when this
      SQLite has FTS5 (a store without it falls back to the plain scan).
    """
    counts = {}
    conn.execute(f"DROP TABLE IF EXISTS {KEY_TABLE}")
    conn.execute(
        f"CREATE TABLE {KEY_TABLE} (key TEXT NOT NULL, via TEXT NOT NULL, title TEXT NOT NULL, "
        "soc TEXT NOT NULL, kind TEXT NOT NULL, "
        "PRIMARY KEY (key, soc, kind, title, via)) WITHOUT ROWID"
    )
    rows = conn.execute(
        "SELECT title, soc, kind, short_title FROM title WHERE soc IS NOT NULL "
        "ORDER BY soc, kind, title"
    ).fetchall()
    keyed = sorted(
        {
            (key, via, title, soc, kind)
            for title, soc, kind, short in rows
            for key, via in keys_of(title, short)
        }
    )
    conn.executemany(f"INSERT INTO {KEY_TABLE} VALUES (?, ?, ?, ?, ?)", keyed)
    counts[KEY_TABLE] = len(keyed)
    conn.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    if title_keys.fts5_available(conn):
        conn.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, short, kind UNINDEXED, "
            f"soc UNINDEXED, tokenize = '{FTS_TOKENIZE}', prefix = '{FTS_PREFIX}', "
            "detail = none, columnsize = 0)"
        )
        conn.execute(
            f"INSERT INTO {FTS_TABLE} (text, short, kind, soc) "
            "SELECT title, short_title, kind, soc FROM title WHERE soc IS NOT NULL "
            "ORDER BY soc, kind, title"
        )
        conn.execute(
            f"INSERT INTO {FTS_TABLE} (text, short, kind, soc) "
            "SELECT description, NULL, 'description', soc FROM onet_occupation "
            "WHERE soc IS NOT NULL AND description IS NOT NULL ORDER BY onet_code"
        )
        conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
        counts[FTS_TABLE] = conn.execute(f"SELECT count(*) FROM {FTS_TABLE}").fetchone()[0]
    return counts
