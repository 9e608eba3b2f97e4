"""Whose O*NET figures an OEWS occupation shows: its own, never a part's.

O*NET rates occupations by O*NET-SOC code. An OEWS occupation's own O*NET figures are
those of its ``SOC.00`` code (``onet_link`` rule ``same``). When O*NET rates only parts
of it — the occupations an OEWS aggregate combines (47-4090 is 47-4091 Segmental Pavers
and 47-4099 "all other"), or more specific occupations within it (O*NET 30.1 rates
15-2051.01 and 15-2051.02, not 15-2051.00) — those figures are the parts', not the
whole's: they are withheld from the occupation, and the reason names the parts
(:func:`parts_reason`). docs/mapping.md, "Whose figures", gives the rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobcompare.text import join_words

if TYPE_CHECKING:
    from jobcompare.sources.store import Store


def own_code(soc: str) -> str:
    """The O*NET-SOC code of the SOC occupation itself: ``29-1141`` -> ``29-1141.00``."""
    return f"{soc}.00"


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


def parts_reason(store: Store, source: str, soc: str, codes: Sequence[str]) -> str:
    """Why the occupation ``soc`` has none of ``source``'s figures although ``source``
    ("O*NET 30.3") rates ``codes``, parts of it: a sentence naming each part."""
    named = titles(store, codes)
    parts = [f"{code} {named[code]}" if code in named else code for code in codes]
    combined = all(code.endswith(".00") and code[:7] != soc for code in codes)
    if combined and len(codes) == 1:
        return (
            f"{source} rates only {parts[0]}, one of the occupations this one combines, "
            "not this occupation as a whole"
        )
    if combined:
        return (
            f"{source} rates only the occupations this one combines, {join_words(parts)}, "
            "not this occupation as a whole"
        )
    return (
        f"{source} rates only the more specific {join_words(parts)}, not this occupation as a whole"
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
