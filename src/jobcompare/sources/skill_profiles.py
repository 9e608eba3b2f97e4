"""Skill profiles: how alike two occupations' O*NET 30.1 skills are (``moves
--all-occupations``, docs/moves.md).

O*NET 30.1 rates each occupation on 35 skills, for importance (IM, 1-5) and level (LV,
0-7): 70 ratings. An occupation's **profile** is those 70 ratings, each standardised over
the occupations the store ranks (every OEWS occupation's own ``.00``): the rating minus
its mean over them, divided by its standard deviation, so that each rating counts by how
far it sets the occupation apart, whatever its scale. The profile is then scaled to length
1. The **similarity** of two occupations is the cosine of their profiles: 1 for the same
profile, 0 for unrelated ones, below 0 for opposite ones.

A rating O*NET recommends suppressing is never used: it is stored as 0 and listed in the
row's ``suppressed`` (the positions of the ratings left out); a pair with one is compared
over the ratings both have (the cosine of the two profiles cut to those ratings). A level
O*NET flags "Not Relevant" is published, and used as published (as the skill gap does).

The importer (importers/onet_excel.py) computes the profiles once, from the published
ratings, into ``onet_skill_profile``: one row per rated O*NET occupation, with ``vector``
the 70 numbers as little-endian doubles in (element ID, scale) order. They are an index
for ranking, never a figure shown.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Mapping, Sequence
from operator import mul
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from jobcompare.sources.store import Store

TABLE = "onet_skill_profile"


class Profile(NamedTuple):
    """One O*NET occupation's skill profile: unit length over its published ratings,
    0 at the ratings O*NET suppresses (``missing``, their positions)."""

    onet_code: str
    soc: str
    vector: tuple[float, ...]
    missing: frozenset[int] = frozenset()


def encode(vector: Sequence[float]) -> bytes:
    """The stored form: little-endian doubles, whatever the machine (reproducible)."""
    return struct.pack(f"<{len(vector)}d", *vector)


def decode(blob: bytes) -> tuple[float, ...]:
    return struct.unpack(f"<{len(blob) // 8}d", blob)


def encode_missing(positions: Sequence[int]) -> str | None:
    return " ".join(str(p) for p in sorted(positions)) or None


def decode_missing(text: str | None) -> frozenset[int]:
    return frozenset(int(p) for p in text.split()) if text else frozenset()


def build(
    ratings: Mapping[str, Mapping[tuple[str, str], float | None]],
    dimensions: Sequence[tuple[str, str]],
    population: Sequence[str],
) -> dict[str, tuple[tuple[float, ...], frozenset[int]]]:
    """The profile of every code of ``ratings`` (code -> (element ID, scale) -> value,
    None where suppressed): each rating standardised by its mean and standard deviation
    over ``population`` (the codes the store ranks), then the vector scaled to length 1.
    A rating absent or None is left out (0, and its position in the second item). A code
    none of whose ratings differ from the mean gets a vector of zeros."""
    means: list[float] = []
    deviations: list[float] = []
    for dimension in dimensions:
        values = [
            value
            for code in population
            if (value := ratings.get(code, {}).get(dimension)) is not None
        ]
        mean = math.fsum(values) / len(values) if values else 0.0
        spread = (
            math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values)) if values else 0.0
        )
        means.append(mean)
        deviations.append(spread)
    profiles: dict[str, tuple[tuple[float, ...], frozenset[int]]] = {}
    for code, rated in ratings.items():
        vector: list[float] = []
        missing: list[int] = []
        for position, dimension in enumerate(dimensions):
            value = rated.get(dimension)
            if value is None:
                missing.append(position)
                vector.append(0.0)
            elif deviations[position] == 0:
                vector.append(0.0)  # a rating every occupation shares tells nothing apart
            else:
                vector.append((value - means[position]) / deviations[position])
        length = math.sqrt(math.fsum(v * v for v in vector))
        unit = tuple(v / length for v in vector) if length else tuple(vector)
        profiles[code] = (unit, frozenset(missing))
    return profiles


def similarity(a: Profile, b: Profile) -> float | None:
    """The cosine of two profiles over the ratings both have (module doc); None when one
    of them has nothing to compare."""
    dot: float = sum(map(mul, a.vector, b.vector))  # 0 wherever either is suppressed
    if not a.missing and not b.missing:
        length_a = length_b = 1.0
    else:
        # Each profile's length over the ratings the other has too.
        length_a = 1.0 - math.fsum(a.vector[i] ** 2 for i in b.missing)
        length_b = 1.0 - math.fsum(b.vector[i] ** 2 for i in a.missing)
    if length_a <= 1e-12 or length_b <= 1e-12:
        return None
    value = dot / math.sqrt(length_a * length_b)
    return max(-1.0, min(1.0, value))


def read(store: Store, codes: Sequence[str] | None = None) -> dict[str, Profile]:
    """The stored profiles: of ``codes`` (O*NET-SOC codes), or of every OEWS occupation's
    own ``.00`` (the occupations ``moves --all-occupations`` ranks). Empty when the store
    was built without them."""
    if TABLE not in store.tables:
        return {}
    if codes is None:
        rows = store.query(
            f"SELECT onet_code, soc, vector, suppressed FROM {TABLE} "
            "WHERE onet_code = soc || '.00' ORDER BY soc"
        )
    elif not codes:
        return {}
    else:
        marks = ",".join("?" * len(codes))
        rows = store.query(
            f"SELECT p.onet_code, p.soc, p.vector, p.suppressed FROM onet_occupation o "
            f"JOIN {TABLE} p ON p.soc = o.soc AND p.onet_code = o.onet_code "
            f"WHERE o.onet_code IN ({marks})",
            list(codes),
        )
    return {
        str(code): Profile(str(code), str(soc), decode(bytes(blob)), decode_missing(missing))
        for code, soc, blob, missing in rows
    }
