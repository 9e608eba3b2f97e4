"""The values the store's area and source queries return (see store.py). Kept apart so
that a plain comparison, which needs none of them, does not pay for defining them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobcompare.store import Figure


@dataclass(frozen=True)
class Area:
    code: str  # OEWS area code: "0000000", "3900000", "0012420", "3900001"
    name: str
    type: str  # nation, state, metro, nonmetro
    state: str | None  # postal code (of the main state, for a metro area)
    territory: bool
    district: bool
    cbsa: str | None


@dataclass(frozen=True)
class AreaPay:
    """Every OEWS measure of one occupation in one area (see MEASURES for the names)."""

    soc: str
    area: Area
    figures: dict[str, Figure]


@dataclass(frozen=True)
class Parity:
    """BEA's Regional Price Parities for an area (U.S. = 100), or the reason there is none."""

    area: str
    name: str | None = None  # BEA's name
    all_items: float | None = None
    goods: float | None = None
    housing: float | None = None
    utilities: float | None = None
    other: float | None = None
    reason: str | None = None


@dataclass(frozen=True)
class SourceSummary:
    key: str
    name: str
    release: str
    year: str
    licence: str
    attribution: str
    url: str
    folder: str
    files: tuple[tuple[str, str], ...]  # (path, sha256)
    #: How many of the OEWS detailed occupations its tables cover (None: not per occupation).
    occupations: int | None
    areas: int | None  # how many OEWS areas it covers (None: not per area)
