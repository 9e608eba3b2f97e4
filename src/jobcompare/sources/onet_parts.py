"""Whose O*NET figures an OEWS occupation shows: its own, never a part's.

O*NET rates occupations by O*NET-SOC code. An OEWS occupation's own O*NET figures are
those of its ``SOC.00`` code (``onet_link`` rule ``same``; :func:`speaks_for_itself`).
When a release rates only occupations within it — those an OEWS aggregate combines
(47-4090: 47-4091.00 Segmental Pavers, and 47-4099.03 Weatherization Installers inside
the unrated 47-4099) or more specific ones (O*NET 30.1 rates 15-2051.01 and 15-2051.02,
not 15-2051.00) — those figures are theirs, not the whole's: they are withheld from the
occupation, and the reason names every one of them (:func:`parts_reason`).
docs/mapping.md, "Whose figures", gives the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobcompare.text import join_words

if TYPE_CHECKING:
    from jobcompare.sources.store import Store

#: The store table that says which O*NET occupations each O*NET source rates: every
#: rated occupation under the OEWS code it rolls up to (importers/onet*.py).
RATED_IN = {"onet": "onet_job_zone", "onet-excel": "onet_skill"}


def own_code(soc: str) -> str:
    """The O*NET-SOC code of the SOC occupation itself: ``29-1141`` -> ``29-1141.00``."""
    return f"{soc}.00"


def speaks_for_itself(soc: str, codes: Sequence[str]) -> bool:
    """Whether the O*NET occupations linked to ``soc`` are its own ``.00`` alone."""
    return list(codes) == [own_code(soc)]


def source_name(store: Store, key: str) -> str:
    """How a reason names the O*NET source ``key``: "O*NET 30.3"."""
    row = store.source_rows.get(key)
    return f"O*NET {str(row[2]).split(' (')[0]}" if row is not None else "O*NET"


def rated_within(store: Store, key: str, soc: str) -> list[str]:
    """The O*NET occupations under ``soc`` other than its own ``.00`` that the O*NET
    source ``key`` rates, in code order."""
    table = RATED_IN[key]
    if table not in store.tables:
        return []
    rows = store.query(
        f"SELECT DISTINCT onet_code FROM {table} WHERE soc = ? AND onet_code != ? "
        "ORDER BY onet_code",
        (soc, own_code(soc)),
    )
    return [str(code) for (code,) in rows]


def titles(store: Store, codes: Sequence[str]) -> dict[str, str]:
    """O*NET's title of each code (a code O*NET 30.3 does not list is left out)."""
    if not codes or "onet_occupation" not in store.tables:
        return {}
    marks = ",".join("?" * len(codes))
    rows = store.query(
        f"SELECT onet_code, title FROM onet_occupation WHERE onet_code IN ({marks})",
        list(codes),
    )
    return {str(code): str(title) for code, title in rows}


def parts_reason(store: Store, key: str, soc: str, linked: Sequence[str] = ()) -> str | None:
    """Why the occupation ``soc`` has none of the O*NET source ``key``'s figures although
    that source rates occupations within it (and ``linked``, the ones ``onet_link`` names):
    a sentence naming each. None when it rates none within it."""
    codes = sorted(set(rated_within(store, key, soc)) | set(linked))
    if not codes:
        return None
    named = titles(store, codes)
    parts = [f"{code} {named[code]}" if code in named else code for code in codes]
    return (
        f"{source_name(store, key)} rates only occupations within this one "
        f"({join_words(parts)}), not this occupation as a whole"
    )


def within(store: Store, soc: str) -> tuple[tuple[str, str], ...]:
    """The O*NET occupations under the OEWS code ``soc`` other than its own ``.00``: the
    more specific occupations O*NET describes within it (29-1141.01 Acute Care Nurses …),
    and for an aggregate, the occupations it combines. (code, title), in code order."""
    if "onet_occupation" not in store.tables:
        return ()
    rows = store.query(
        "SELECT onet_code, title FROM onet_occupation WHERE soc = ? AND onet_code != ? "
        "ORDER BY onet_code",
        (soc, own_code(soc)),
    )
    return tuple((str(code), str(title)) for code, title in rows)
