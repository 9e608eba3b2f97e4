"""The store's title tables, and how titles are keyed in them: the words of a title,
singular, without "and" ("Accountants & Auditors" -> "accountant auditor"). The importer
that builds the search tables (importers/search_index.py) and the resolver and search
that read them (engine/titles.py, engine/search.py) use these very names and functions,
so they always agree."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

#: A role as the title resolver and the search know it: slug, title as written, SOC code
#: (or None).
RoleKey = tuple[str, str, "str | None"]

#: The full-text table and the exact-title table the search index adds to the store.
FTS_TABLE = "title_fts"
KEY_TABLE = "title_key"
#: Unicode words, no stemming (plurals and word forms are matched by the search's score,
#: the same for both ways), prefix indexes for the first letters people type.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_PREFIX = "2 3 4"

_WORD = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"\(([^)]*)\)")


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A lower-case word's singular, as far as job titles need it: "nurses" -> "nurse",
    "secretaries" -> "secretary", "coaches" -> "coach", "salesmen" -> "salesman".
    Applied alike to both sides of a comparison, so an odd stem ("sales" -> "sale") is
    harmless."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zzes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def folded(text: str) -> str:
    """``text`` in lower case without apostrophes: what :func:`words` splits."""
    return text.casefold().replace("'", "").replace("’", "")


def words(text: str) -> list[str]:
    """The lower-case words of ``text``; apostrophes are dropped ("nurses' aide" -> nurses,
    aide) and every other non-letter separates words."""
    return _WORD.findall(folded(text))


def title_key(text: str) -> str:
    """What two titles must share to be the same title: the words, singular, without
    "and" ("&" and punctuation are not words). "Accountants & Auditors" -> "accountant
    auditor"."""
    return " ".join(singular(w) for w in words(text) if w != "and")


def keys_of(title: str, short: str | None) -> list[tuple[str, str]]:
    """The keys an alternate title is found by, with how: "Registered Nurse (RN)" with
    short title "RN" is found as "registered nurse rn" and "registered nurse" (via 'title')
    and "rn" (via 'short': a short title, or what a title has in parentheses)."""
    keys = [(title_key(title), "title")]
    inside = _PARENTHESES.findall(title)
    if inside:
        keys.append((title_key(_PARENTHESES.sub(" ", title)), "title"))
        keys += [(title_key(part), "short") for part in inside]
    if short:
        keys.append((title_key(short), "short"))
    return [(k, via) for k, via in dict.fromkeys(keys) if k]


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite was compiled with FTS5."""
    try:
        rows = conn.execute("PRAGMA compile_options").fetchall()
    except Exception:  # pragma: no cover - every SQLite has the pragma
        return False
    return any(option == "ENABLE_FTS5" for (option,) in rows)
