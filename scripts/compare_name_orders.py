"""How often an ambiguous name's candidates and ``jobcompare search`` order the same
occupations differently, over every alternate title the bundled store gives several
occupations (docs/titles.md: they share one ranking, so this should print 0 and 0).

    PYTHONPATH=src python scripts/compare_name_orders.py [STORE] [LIMIT]
"""

from __future__ import annotations

import sqlite3
import sys

from jobcompare.engine.search import search_roles
from jobcompare.engine.titles import TitleResolver
from jobcompare.sources.store import bundled_store_path


def main(argv: list[str]) -> None:
    path = argv[0] if argv else str(bundled_store_path())
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    roles = conn.execute("SELECT slug, title, soc FROM occupation").fetchall()
    resolver = TitleResolver(roles, conn)
    keys = [k for (k,) in conn.execute(
        "SELECT key FROM title_key WHERE via = 'title' GROUP BY key "
        "HAVING count(DISTINCT soc) > 1 ORDER BY count(DISTINCT soc) DESC, key")]  # fmt: skip
    if len(argv) > 1:
        keys = keys[: int(argv[1])]
    names = differ = first = 0
    for key in keys:
        resolution = resolver.resolve(key)
        if resolution.picked is not None or resolution.message_only:
            continue
        names += 1
        listed = [c.slug for c in resolution.candidates]
        hits = search_roles(key, roles, conn, limit=None)
        order = [h.slug for h in hits if h.slug in listed]
        if order != listed:
            differ += 1
            first += order[:1] != listed[:1]
            if first <= 15 and order[:1] != listed[:1]:
                print(f"{key!r}: error lists {listed[:3]}, search {order[:3]}")
    print(f"{names} names with candidates; {differ} in another order; {first} another first")


if __name__ == "__main__":
    main(sys.argv[1:])
