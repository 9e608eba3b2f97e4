"""Where your pay falls in areas (``--pay`` with ``--area``): the amount among each
column's percentiles in its area, BLS OEWS's, and with ``--adjust`` among the same
divided by the area's price parity (engine/pay.py has the rule; docs/pay.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobcompare.engine.pay import PERCENTILES, PayPlaces, Placement, Published, placement

if TYPE_CHECKING:
    from jobcompare.engine.areas import AreaColumn, AreaComparison
    from jobcompare.engine.pay import YourPay


def area_places(pay: YourPay, result: AreaComparison) -> PayPlaces:
    """The amount among each column's percentiles in its area (BLS OEWS), and for roles
    in one area each role's national ones too; with --adjust, also among the area's
    percentiles divided by its price parity (engine/areas.adjust, the one rule), except
    the nation's (its parity is 100: the same figures)."""
    from jobcompare.engine.areas import adjust
    from jobcompare.sources.store import NATION, NO_ESTIMATE

    places: list[Placement] = []
    seen_national: set[str] = set()

    def published(column: AreaColumn, unit: str, national: bool = False,
                  adjusted: bool = False) -> list[Published]:  # fmt: skip
        found = []
        for key, _ in PERCENTILES:
            measure = f"{unit}_{key}"
            figure = column.reference(measure) if national else column.figure(measure)
            if figure is None:
                found.append(Published(key, None, NO_ESTIMATE))
            elif adjusted:
                parity = column.parity
                reason = figure.reason if figure.value is None else (
                    None if parity is not None and parity.all_items else
                    (parity.reason if parity is not None else None) or "no price parity"
                )  # fmt: skip
                found.append(Published(key, adjust(figure, parity, measure), reason))
            else:
                found.append(Published(key, figure.amount(), figure.reason))
        return found

    for column in result.columns:
        role = column.role
        citation = role.citations.get("oews")
        label = citation.label if citation else "BLS OEWS"
        nation = column.area.code == NATION
        where = "the United States" if nation else column.area.name
        if result.by_area:
            who = "United States" if nation else column.area.name
        else:
            who = f"{role.title} in {column.area.name}"
        none = NO_ESTIMATE if column.pay is None else None
        places.append(placement(
            pay, published(column, "annual"), published(column, "hourly"),
            who=who, whom=role.plural_noun, slug=role.slug, area=column.area.code,
            where=where, source=f"{label}, {'national' if nation else where}", none=none,
        ))  # fmt: skip
        if result.adjust and not nation:
            parity = column.parity
            none_adjusted: str | None = None
            if column.pay is None:
                none_adjusted = NO_ESTIMATE
            elif parity is None or not parity.all_items:
                reason = parity.reason if parity is not None else None
                none_adjusted = (
                    f"no price parity ({reason.rstrip('.')})" if reason else "no price parity"
                )
            else:
                none_adjusted = None
            places.append(placement(
                pay, published(column, "annual", adjusted=True),
                published(column, "hourly", adjusted=True),
                who=f"{who}, its pay adjusted to U.S. prices", whom=role.plural_noun,
                slug=role.slug,
                area=column.area.code, where=where, adjusted=True,
                source=f"{label} ÷ BEA RPP 2024, {where}", none=none_adjusted,
            ))  # fmt: skip
        if not result.by_area and role.slug not in seen_national:
            seen_national.add(role.slug)
            places.append(placement(
                pay, published(column, "annual", national=True),
                published(column, "hourly", national=True),
                who=f"{role.title} (U.S.)", whom=role.plural_noun, slug=role.slug,
                area=NATION, where="the United States", source=f"{label}, national",
                none=NO_ESTIMATE if column.national is None else None,
            ))  # fmt: skip
    return PayPlaces(pay, tuple(places))
