"""Where your pay falls (``--pay``), as every view shows it: the block near the top of a
profile, a comparison and an area comparison, its JSON (``$defs/your_pay`` of both
schemas) and its CSV records (docs/pay.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from jobcompare.output.views.encode import amount
from jobcompare.sources.store import NATION
from jobcompare.text import join_words

if TYPE_CHECKING:
    from jobcompare.engine.pay import Bound, PayPlaces, Placement
    from jobcompare.output.blocks import Block

#: The heading of the block: "Your pay: $85,000 a year".
HEADING = "Your pay"


def _line(place: Placement, per: str, *, hint: bool) -> str:
    """ "Registered Nurses: between ..."; on the terminal, an amount in a unit BLS does
    not publish for the role says how to give one in the other."""
    text = place.text
    if hint and place.bracket.position == "other_unit":
        text += (": give an hourly rate, e.g. --pay 25.00/h" if per == "year"
                 else ": give a year's pay, e.g. --pay 60000")  # fmt: skip
    return f"{place.who}: {text}."


def blocks(places: PayPlaces) -> list[Block]:
    """The list of where the amount falls, one line per role (and area), then how to read
    it: BLS's percentiles, never interpolated; what "adjusted" is."""
    from jobcompare.output.blocks import NoteList, Paragraph

    pay = places.pay
    title = f"{HEADING}: {pay.said}"
    items = tuple(_line(p, pay.per, hint=True) for p in places.places)
    plain = tuple(_line(p, pay.per, hint=False) for p in places.places)
    unit = "yearly" if pay.per == "year" else "hourly"
    sources = list(dict.fromkeys(p.source.split(", ")[0].split(" ÷ ")[0]
                                 for p in places.places if p.source))  # fmt: skip
    areas = any(p.area != NATION for p in places.places)
    placed = [p for p in places.places if p.bracket.position not in ("none", "other_unit")]
    if not placed and sources:  # each line says why nothing is placed
        return [NoteList(title, items, lead=True, plain=plain if plain != items else None)]
    if sources:
        note = (
            f"Placed among the percentiles of {unit} pay {join_words(sources)} publishes "
            f"{'in each area and nationally' if areas else 'nationally'} (10th, 25th, "
            "median, 75th and 90th), never interpolated: no figure between two of them is "
            "estimated."
        )
    else:  # hand-written roles alone
        note = "Only official occupations have published percentiles (BLS OEWS) to place it among."
    if any(p.adjusted for p in places.places):
        note += (
            " Adjusted for prices: each of the area's percentiles divided by its Regional "
            "Price Parity / 100 (BEA RPP 2024, U.S. = 100), the area's pay in dollars of "
            "U.S. average prices; the amount is read as pay at U.S. average prices."
        )
    return [NoteList(title, items, lead=True, plain=plain if plain != items else None),
            Paragraph(note, "note")]  # fmt: skip


def _bound(bound: Bound | None) -> dict[str, Any] | None:
    if bound is None:
        return None
    return {"percentile": bound.key, "value": amount(bound.amount)}


def place_json(place: Placement) -> dict[str, Any]:
    found = place.bracket
    return {
        "role": place.slug,
        "who": place.who,
        "area": place.area,
        "where": place.where,
        "adjusted": place.adjusted,
        "percentiles": place.percentiles,
        "position": found.position,
        "lower": _bound(found.lower),
        "upper": _bound(found.upper),
        "upper_or_at": found.upper_or_at,
        "at": [_bound(b) for b in found.at],
        "unplaced": [_bound(b) for b in found.unplaced],
        "unpublished": dict(place.unpublished),
        "text": place.text,
        "source": place.source,
    }


def data(places: PayPlaces) -> dict[str, Any]:
    """``your_pay``: the amount, its unit, and where it falls for each role (and area)."""
    pay = places.pay
    return {
        "amount": pay.value,
        "per": pay.per,
        "said": pay.said,
        "places": [place_json(p) for p in places.places],
    }


def _fields(place: Placement, unit: str) -> Iterator[tuple[str, object, str, str, str]]:
    """(field, value, unit, bound, reason) of one placement's records."""
    found = place.bracket
    yield "position", found.position, "", "", ""
    yield "percentiles", place.percentiles, "", "", ""
    named = [("lower", found.lower), ("upper", found.upper)]
    named += [("at", b) for b in found.at] + [("unplaced", b) for b in found.unplaced]
    for name, bound in named:
        if bound is not None:
            yield (f"{name}.{bound.key}", bound.amount.value, unit,
                   "at_least" if bound.amount.at_least else "", "")  # fmt: skip
    for key, reason in place.unpublished.items():
        yield f"unpublished.{key}", None, unit, "", reason
    yield "text", place.text, "", "", ""
    yield "source", place.source, "", "", ""


def records(places: PayPlaces) -> Iterator[tuple[object, ...]]:
    """A comparison's and a profile's records (section, field, role, value, unit, bound):
    ``your_pay`` ``amount``, then for each role ``position``, ``percentiles``,
    ``lower.p25``, ``upper.p50``, ``at.p50``, ``unplaced.p90`` (each a percentile's value,
    "at_least" for a top code), ``unpublished.p50`` (the reason), ``text`` and
    ``source``."""
    pay = places.pay
    yield ("your_pay", "amount", "", pay.value, pay.unit, "")
    for place in places.places:
        for field, value, unit, bound, reason in _fields(place, pay.unit):
            # No reason column: a missing percentile's record holds BLS's reason.
            yield ("your_pay", field, place.slug, reason or value, "" if reason else unit,
                   bound)  # fmt: skip


def area_records(places: PayPlaces, names: dict[str, str]) -> Iterator[tuple[object, ...]]:
    """An area comparison's records (role, area_code, area, field, value, unit, bound,
    reason, within_margin): per role and area ``your_pay.amount``, ``your_pay.position``
    ... as :func:`records`, ``your_pay_adjusted.…`` for the price-adjusted percentiles.
    ``names``: each area's name as the other records give it (BLS's)."""
    pay = places.pay
    for place in places.places:
        base = (place.slug, place.area, names.get(place.area, place.where))
        prefix = "your_pay_adjusted" if place.adjusted else "your_pay"
        yield (*base, f"{prefix}.amount", pay.value, pay.unit, "", "", None)
        for field, value, unit, bound, reason in _fields(place, pay.unit):
            yield (*base, f"{prefix}.{field}", value, unit, bound, reason, None)
