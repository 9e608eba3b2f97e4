"""How O*NET-SOC codes map onto OEWS's occupations (the rules in ``docs/mapping.md``).

Shared by the O*NET 30.3 CSV and 30.1 Excel importers, so that every O*NET code rolls up
to the same OEWS occupation in both.
"""

from __future__ import annotations

from collections.abc import Mapping

from jobcompare.importers.base import Spine

__all__ = ["AGGREGATES", "is_all_other", "rollup", "soc_of"]

#: OEWS publishes these codes as one occupation where O*NET (on the 2019 O*NET-SOC
#: taxonomy) rates the detailed SOC occupations inside it. Each OEWS code's O*NET figures
#: come from the listed O*NET SOC codes' ``.00`` occupations, each kept separately (never
#: averaged). The groupings are the 2018 SOC's: the OEWS code's title and SOC definition
#: name exactly these detailed occupations (see docs/mapping.md).
AGGREGATES: Mapping[str, tuple[str, ...]] = {
    "13-1020": ("13-1021", "13-1022", "13-1023"),
    "13-2020": ("13-2022", "13-2023"),
    "21-1018": ("21-1011", "21-1014"),
    "25-2052": ("25-2055", "25-2056"),
    "25-9045": ("25-9042", "25-9043", "25-9049"),
    "29-2010": ("29-2011", "29-2012"),
    "31-1120": ("31-1121", "31-1122"),
    "39-7010": ("39-7011", "39-7012"),
    "47-4090": ("47-4091", "47-4099"),
    "51-2028": ("51-2022", "51-2023"),
    "51-2090": ("51-2092", "51-2099"),
    "53-1047": ("53-1042", "53-1043", "53-1044", "53-1049"),
}

_PART_OF = {part: whole for whole, parts in AGGREGATES.items() for part in parts}


def soc_of(onet_code: str) -> str:
    """The SOC code an O*NET-SOC code belongs to: ``"29-2011.01"`` → ``"29-2011"``."""
    return onet_code.split(".", 1)[0]


def rollup(onet_code: str, spine: Spine) -> str | None:
    """The OEWS occupation an O*NET-SOC occupation is counted in, or ``None``.

    The same SOC code when OEWS publishes it; else the OEWS aggregate that contains it
    (:data:`AGGREGATES`); else none (e.g. military occupations, which OEWS does not cover).
    """
    soc = soc_of(onet_code)
    if soc in spine:
        return soc
    whole = _PART_OF.get(soc)
    if whole is not None and whole in spine:
        return whole
    return None


def is_all_other(title: str) -> bool:
    """Whether an occupation title names a residual "… all other" group."""
    return "all other" in title.casefold()
