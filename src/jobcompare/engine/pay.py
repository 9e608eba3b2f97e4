"""Where your pay falls: an amount placed among the wage percentiles BLS publishes
(``--pay AMOUNT`` on ``show``, comparisons and ``--area`` comparisons; docs/pay.md).

The amount is placed between two published percentiles, on one, below the 10th or above
the 90th, and nothing is interpolated: no percentile BLS does not publish is estimated,
and a statement is made only when it is true of every value BLS's figures allow:

- a percentile BLS does not publish is passed over only where the statement stays true
  ("between the 25th percentile and the 75th percentile (the median, between them, is not
  published)"), and named;
- a top-coded percentile ("$239,200 or more") is a lower bound: an amount under it is
  below it, an amount at or over it cannot be placed against it, and the sentence says so
  ("the 90th percentile is at least $239,200 (BLS's top code), so $300,000 may be below
  or above it").

A yearly amount is compared with BLS's annual percentiles and an hourly one with its
hourly percentiles, never converted: where BLS publishes only one of the two (occupations
that do not generally work year-round, full time, are paid by the hour; teachers by the
year), an amount in the other unit is not placed, and the sentence says which unit BLS
publishes.

Pure: no Rich, no Typer, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from jobcompare.errors import PayError
from jobcompare.registry.section import PERCENTILES as BLS_PERCENTILES
from jobcompare.text import join_words

if TYPE_CHECKING:
    from jobcompare.model import Amount, Role

Per = Literal["year", "hour"]
Position = Literal["below", "between", "at", "above", "unplaced", "none", "other_unit"]

#: The percentiles BLS OEWS publishes, in order, with the words a sentence names them by.
PERCENTILES: tuple[tuple[str, str], ...] = tuple(
    (key, f"the {label[:1].lower()}{label[1:]}") for key, label in BLS_PERCENTILES
)
_NAMES = dict(PERCENTILES)

#: The largest amounts taken: beyond any wage BLS publishes (its top code is $239,200 a
#: year, $115.00 an hour), so more is a slip of the keyboard.
MAX_YEARLY = 10_000_000
MAX_HOURLY = 5_000
#: The smallest yearly amount taken: less is an hourly rate given without "/h".
MIN_YEARLY = 1_000
#: Less than a dollar an hour is no wage BLS publishes: a mark typed by mistake.
MIN_HOURLY = 1

#: What --pay accepts, said in every error about its value.
ACCEPTED = (
    "a year's pay in dollars (85000, 85,000 or $85,000) or an hour's (27.50/h, 27.50/hr, "
    "'27.50 an hour', or the amount with --hourly)"
)

_AMOUNT = re.compile(
    r"""\$?\s*
    (?P<dollars>\d{1,3}(?:,\d{3})+|\d+)
    (?:\.(?P<cents>\d+))?
    \s*(?P<per>
        /\s*(?:h|hr|hour)
      | (?:an|per)\s+hour
      | /\s*(?:y|yr|year)
      | (?:a|per)\s+year
    )?""",
    re.VERBOSE | re.IGNORECASE | re.ASCII,  # digits 0-9 only ("٨٥٠٠٠" is no amount)
)


class YourPay(NamedTuple):
    """The amount asked about: dollars as given (``85000``, ``27.5``), a year's or an
    hour's."""

    value: int | float
    per: Per

    @property
    def cents(self) -> int:
        return round(self.value * 100)

    @property
    def said(self) -> str:
        """ "$85,000 a year", "$27.50 an hour"."""
        return f"{_dollars(self.value, self.per)} {'a year' if self.per == 'year' else 'an hour'}"

    @property
    def unit(self) -> str:
        return "USD/year" if self.per == "year" else "USD/hour"


def parse_pay(text: str, hourly: bool = False) -> YourPay:
    """``--pay``'s value: dollars, with thousands commas or none and a ``$`` or none, a
    year's by default; an hour's with ``/h``, ``/hr``, ``/hour``, "an hour" (or ``hourly``,
    ``--hourly``). Raises PayError (a usage error) for anything else: text, a negative or
    zero amount, more than cents, an absurd amount, a yearly amount under $1,000 (an hourly
    rate without its "/h")."""
    given = text.strip()
    shown = given or "''"
    if not given:
        raise PayError(f"give an amount: {ACCEPTED}")
    found = _AMOUNT.fullmatch(given)
    if found is None:
        if given.startswith("-") and _AMOUNT.fullmatch(given[1:].strip()):
            raise PayError(f"'{shown}' is negative: give the pay, more than $0")
        raise PayError(f"'{shown}' is not an amount: give {ACCEPTED}")
    cents = found["cents"]
    if cents is not None and len(cents) > 2:
        raise PayError(f"'{shown}' has more than two decimals: give dollars and cents")
    per_text = (found["per"] or "").lower()
    said_hour = "h" in per_text
    said_year = bool(per_text) and not said_hour
    if hourly and said_year:
        raise PayError(f"'{shown}' says a year and --hourly an hour: give one")
    per: Per = "hour" if hourly or said_hour else "year"
    whole = int(found["dollars"].replace(",", ""))
    hundredths = int((cents or "0").ljust(2, "0"))
    value: int | float = whole if not hundredths else whole + hundredths / 100
    if whole == 0 and hundredths == 0:
        raise PayError(f"'{shown}' is zero: give the pay, more than $0")
    if per == "year" and value > MAX_YEARLY:
        raise PayError(
            f"'{shown}' is more than ${MAX_YEARLY:,} a year, beyond any wage BLS publishes: "
            "check the amount"
        )
    if per == "hour" and value > MAX_HOURLY:
        raise PayError(
            f"'{shown}' is more than ${MAX_HOURLY:,} an hour, beyond any wage BLS publishes: "
            "for a year's pay leave out the hourly mark"
        )
    if per == "year" and value < MIN_YEARLY:
        raise PayError(
            f"'{shown}' a year is less than ${MIN_YEARLY:,}: for an hourly rate write "
            f"{found['dollars']}{'.' + cents if cents else ''}/h (or add --hourly)"
        )
    if per == "hour" and value < MIN_HOURLY:
        raise PayError(
            f"'{shown}' is less than ${MIN_HOURLY:.2f} an hour: check the amount (a year's "
            "pay has no /h)"
        )
    return YourPay(value, per)


def _dollars(value: int | float, per: Per | None) -> str:
    """A year's amount in whole dollars (cents when it has some), an hour's to the cent."""
    if per == "hour":
        return f"${value:,.2f}"
    return f"${value:,.2f}" if isinstance(value, float) and not value.is_integer() else \
        f"${value:,.0f}"  # fmt: skip


# -- the bracket ----------------------------------------------------------------------------


class Published(NamedTuple):
    """One percentile as published: its key ("p25"), the amount (a lower bound when
    top-coded) or None, and then why BLS did not publish it."""

    key: str
    amount: Amount | None
    reason: str | None = None


class Bound(NamedTuple):
    """A percentile a statement names: its key and amount as published."""

    key: str
    amount: Amount


class Bracket(NamedTuple):
    """Where an amount falls among one set of percentiles (the words in ``text``)."""

    position: Position
    lower: Bound | None = None
    upper: Bound | None = None
    #: The upper bound is a top code equal to the amount: the amount is at or below it.
    upper_or_at: bool = False
    #: The percentiles the amount is exactly on.
    at: tuple[Bound, ...] = ()
    #: Top-coded percentiles the amount cannot be placed against (it is at or over their
    #: lower bound), between or beyond the bounds.
    unplaced: tuple[Bound, ...] = ()
    #: Percentiles BLS does not publish, between or beyond the bounds, the statement
    #: passed over: (key, reason).
    skipped: tuple[tuple[str, str], ...] = ()
    text: str = ""


def _cents(amount: Amount) -> int:
    return round(amount.value * 100)


def _figure(amount: Amount, per: Per) -> str:
    """ "$80,330", "which is at least $239,200" (a top code)."""
    shown = _dollars(amount.value, per)
    return f"which is at least {shown}" if amount.at_least else shown


def _named(bound: Bound, per: Per) -> str:
    return f"{_NAMES[bound.key]}, {_figure(bound.amount, per)}"


def _names(keys: Sequence[str]) -> str:
    """ "the median", "the 75th and 90th percentiles", "the 25th percentile, the median and
    the 75th percentile"."""
    if len(keys) > 1 and "p50" not in keys:
        return f"the {join_words([_NAMES[k].split()[1] for k in keys])} percentiles"
    return join_words([_NAMES[k] for k in keys])


def bracket(pay: YourPay, percentiles: Sequence[Published], *, adjusted: bool = False) -> Bracket:
    """Where ``pay`` falls among ``percentiles`` (BLS's p10 ... p90 of the unit of ``pay``),
    never interpolated. ``adjusted``: the percentiles are divided by a price parity (a
    top code's words say so)."""
    per = pay.per
    x = pay.cents
    published = [p for p in percentiles if p.amount is not None]
    if not published:
        return Bracket("none", text="no percentile is published")
    on = tuple(
        Bound(p.key, p.amount) for p in published
        if p.amount is not None and not p.amount.at_least and _cents(p.amount) == x
    )  # fmt: skip
    if on:
        keys = [b.key for b in on]
        both = " both" if len(on) == 2 else " all" if len(on) > 2 else ""
        text = f"at {_names(keys)},{both} {_dollars(on[0].amount.value, per)}"
        return Bracket("at", at=on, text=text)
    order = [p.key for p in percentiles]
    lower = upper = None
    upper_or_at = False
    for p in published:
        assert p.amount is not None
        cents = _cents(p.amount)
        if not p.amount.at_least and cents < x:
            lower = Bound(p.key, p.amount)  # the last one below
        elif cents >= x:  # exact and above, or a top code at or over the amount
            upper = Bound(p.key, p.amount)  # the first one surely not below
            upper_or_at = cents == x  # a top code equal to the amount
            break
    start = order.index(lower.key) + 1 if lower else 0
    end = order.index(upper.key) if upper else len(order)
    inside = percentiles[start:end]
    skipped = tuple((p.key, p.reason or "not published") for p in inside if p.amount is None)
    unplaced = tuple(Bound(p.key, p.amount) for p in inside if p.amount is not None)
    clauses = _clauses(pay, skipped, unplaced, lower, upper, adjusted)
    if lower is None and upper is None:
        return Bracket("unplaced", unplaced=unplaced, skipped=skipped,
                       text=f"cannot be placed: {clauses}")  # fmt: skip
    if lower is None:
        assert upper is not None
        words = "at or below" if upper_or_at else "below"
        text = f"{words} {_named(upper, per)}"
        position: Position = "below"
    elif upper is None:
        text = f"above {_named(lower, per)}"
        position = "above"
    else:
        if upper_or_at:
            text = f"above {_named(lower, per)}, and at or below {_named(upper, per)}"
        else:
            text = f"between {_named(lower, per)}, and {_named(upper, per)}"
        position = "between"
    return Bracket(position, lower, upper, upper_or_at, (), unplaced, skipped,
                   f"{text}{'; ' + clauses if clauses else ''}")  # fmt: skip


def _clauses(pay: YourPay, skipped: Sequence[tuple[str, str]], unplaced: Sequence[Bound],
             lower: Bound | None, upper: Bound | None, adjusted: bool) -> str:  # fmt: skip
    """What the statement passes over: the percentiles not published where they would
    matter, and the top-coded ones the amount may be below or above."""
    said: list[str] = []
    if skipped:
        keys = [k for k, _ in skipped]
        where = (
            ", between them," if lower and upper else ""
        )  # beyond one bound: plainly not published
        verb = "is" if len(keys) == 1 else "are"
        said.append(f"{_names(keys)}{where} {verb} not published")
    if unplaced:
        keys = [b.key for b in unplaced]
        codes = dict.fromkeys(_dollars(b.amount.value, pay.per) for b in unplaced)
        code = "BLS's top code, adjusted" if adjusted else "BLS's top code"
        if len(codes) == 1 and len(keys) == len(PERCENTILES):
            bounds = (
                f"every percentile, the 10th to the 90th, is at least {next(iter(codes))} ({code})"
            )
        elif len(codes) == 1:
            each = "is" if len(keys) == 1 else "are each"
            bounds = f"{_names(keys)} {each} at least {next(iter(codes))} ({code})"
        else:
            bounds = join_words([f"{_NAMES[b.key]} is at least "
                                 f"{_dollars(b.amount.value, pay.per)}" for b in unplaced]
                                ) + f" ({code}s)"  # fmt: skip
        them = "it" if len(keys) == 1 else "any of them" if len(keys) > 2 else "them"
        said.append(f"{bounds}, so {_dollars(pay.value, pay.per)} may be below or above {them}")
    return "; ".join(said)


# -- a role's percentiles, nationally and in areas ------------------------------------------


class Placement(NamedTuple):
    """Where the amount falls for one role in one place: nationally, in an area, or in
    an area with its percentiles adjusted for its prices."""

    #: How the line names it ("Registered nurses", "Ohio", "Ohio, adjusted for prices").
    who: str
    slug: str
    #: The OEWS area code ("0000000": the nation), and the area's name.
    area: str
    where: str
    adjusted: bool
    #: The unit of the percentiles compared with ("annual", "hourly"), None when none is.
    percentiles: Literal["annual", "hourly"] | None
    bracket: Bracket
    #: Every percentile of the set compared with that BLS does not publish: key -> reason.
    unpublished: dict[str, str]
    #: Where the percentiles come from ("BLS OEWS May 2025, national").
    source: str

    @property
    def text(self) -> str:
        return self.bracket.text


class PayPlaces(NamedTuple):
    """The amount and where it falls for each role (and area)."""

    pay: YourPay
    places: tuple[Placement, ...]


#: Why BLS publishes no percentile in the unit asked for, said for an amount in the other.
_HOURLY_ONLY = (
    "BLS publishes only hourly percentiles for {whom}, so a yearly amount is not placed "
    "(never converted)"
)
_YEARLY_ONLY = (
    "BLS publishes only yearly percentiles for {whom}, so an hourly amount is not placed "
    "(never converted)"
)


def placement(
    pay: YourPay, annual: Sequence[Published], hourly: Sequence[Published], *,
    who: str, whom: str, slug: str, area: str, where: str, source: str,
    adjusted: bool = False, none: str | None = None,
) -> Placement:  # fmt: skip
    """The amount among the percentiles of its unit (``annual`` or ``hourly``); when
    those are all missing but the other unit's are not, said so, never converted. ``none``:
    why there is no percentile at all (by default, BLS's reason when it gives one)."""
    ours, theirs = (annual, hourly) if pay.per == "year" else (hourly, annual)
    unit: Literal["annual", "hourly"] = "annual" if pay.per == "year" else "hourly"
    unpublished = {p.key: p.reason or "not published" for p in ours if p.amount is None}
    if all(p.amount is None for p in ours):
        if any(p.amount is not None for p in theirs):
            words = (_HOURLY_ONLY if pay.per == "year" else _YEARLY_ONLY).format(whom=whom)
            found = Bracket("other_unit", text=words)
        else:
            if none is None:
                reasons = set(unpublished.values())
                none = "no percentile is published" + (
                    f" ({next(iter(reasons)).rstrip('.')})" if len(reasons) == 1 else ""
                )
            found = Bracket("none", text=none.rstrip("."))
        return Placement(who, slug, area, where, adjusted, None, found, unpublished, source)
    found = bracket(pay, ours, adjusted=adjusted)
    return Placement(who, slug, area, where, adjusted, unit, found, unpublished, source)


def role_places(pay: YourPay, roles: Sequence[Role]) -> PayPlaces:
    """The amount among each role's national percentiles (BLS OEWS). A hand-written role
    has none."""
    from jobcompare.sources.store import NATION

    places = []
    for role in roles:

        def published(name: str, role: Role = role) -> list[Published]:
            found = getattr(role.salary, name)
            return [
                Published(key, None if found is None else getattr(found, key),
                          role.unpublished.get(f"salary.{name}.{key}"))
                for key, _ in PERCENTILES
            ]  # fmt: skip

        citation = role.citations.get("oews")
        source = f"{citation.label}, national" if citation else ""
        none = (
            None if role.official else "its source publishes no percentiles (a hand-written role)"
        )
        places.append(placement(
            pay, published("percentiles"), published("hourly_percentiles"),
            who=role.title, whom=role.plural_noun, slug=role.slug, area=NATION,
            where="the United States", source=source, none=none,
        ))  # fmt: skip
    return PayPlaces(pay, tuple(places))
