"""``jobcompare where ROLE``: the areas where one occupation pays best (or employs most).

The store ranks the occupation's rows (read through the primary key, one occupation's
rows only); a top-coded wage ranks at its lower bound ("≥ $239,200"). Ranking by
``adjusted`` divides each area's median by its BEA Regional Price Parity / 100; areas
without a parity (territories, nonmetropolitan areas) come last, with BEA's reason. The
where view (output/views/where.py) draws the ranking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from jobcompare.engine.areas import NO_SOC, adjust
from jobcompare.errors import AreaError

if TYPE_CHECKING:
    from jobcompare.model import Amount, Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import AreaPay, Figure, Parity


#: --by choices: (label, store ranking key, annual measure, hourly measure).
BY = {
    "median": ("Median", "median", "annual_p50", "hourly_p50"),
    "mean": ("Average salary", "mean", "annual_mean", "hourly_mean"),
    "adjusted": ("Median, adjusted", "median", "annual_p50", "hourly_p50"),
    "employment": ("Employment", "employment", "employment", "employment"),
    "lq": ("Location quotient", "lq", "location_quotient", "location_quotient"),
}

DEFAULT_TOP = 20

_HOURLY_KEYS = {"median": "hourly_median", "mean": "hourly_mean"}


class Ranked(NamedTuple):
    """One area's place: its OEWS figures and its price parity."""

    rank: int | None  # None: no figure to rank by
    pay: AreaPay
    parity: Parity
    median: str  # the measure shown as "Median": annual_p50, or hourly_p50

    def figure(self, measure: str) -> Figure:
        return self.pay.figures[measure]

    def adjusted(self) -> Amount | None:
        return adjust(self.figure(self.median), self.parity, self.median)

    def key_value(self, by: str) -> Amount | float | None:
        """The figure ranked by (an Amount for pay, a number otherwise)."""
        if by == "adjusted":
            return self.adjusted()
        figure = self.figure(self.measure(by))
        if figure.value is None:
            return None
        if by in ("median", "mean"):
            return figure.amount()
        return float(figure.value)

    def measure(self, by: str) -> str:
        _, _, annual, hourly = BY[by]
        return hourly if self.median.startswith("hourly") else annual


class Ranking(NamedTuple):
    role: Role
    by: str
    kind: str | None  # state, metro, nonmetro, or None for all three
    hourly: bool  # ranked by hourly pay: BLS publishes no annual figure for the role
    areas: tuple[Ranked, ...]  # the first --top
    total: int  # how many areas have a row for the role (of that kind)
    oews: str
    rpp: str | None

    @property
    def title(self) -> str:
        where = {"state": "states", "metro": "metro areas", "nonmetro": "nonmetro areas"}.get(
            self.kind or "", "areas"
        )
        return f"Where {self.role.plural_noun} {_by_phrase(self.by)}: {where}"

    @property
    def top_coded(self) -> bool:
        """Whether some shown pay figure is a lower bound (BLS's top code)."""
        return any(
            item.figure(measure).at_least
            for item in self.areas
            for measure in (item.median, item.measure("mean"))
        )


def _by_phrase(by: str) -> str:
    return {
        "median": "are paid best",
        "mean": "are paid best on average",
        "adjusted": "are paid best for what money buys",
        "employment": "work most",
        "lq": "are most concentrated",
    }[by]


def rank(
    store: Store, role: Role, by: str = "median", kind: str | None = None, top: int = DEFAULT_TOP
) -> Ranking:
    """The areas of ``kind`` ranked by ``by`` for ``role`` (which needs a SOC code)."""
    if by not in BY:
        raise AreaError(f"cannot rank by '{by}': one of {', '.join(BY)}")
    if top < 1:
        raise AreaError("--top must be 1 or more")
    if not role.soc:
        raise AreaError(f"role '{role.slug}': {NO_SOC}")
    key = BY[by][1]
    rows = store.rank_areas(role.soc, key, kind)
    # An occupation BLS reports by the hour only has no annual pay anywhere: its hourly
    # pay is shown (and ranked, when ranking by pay) instead.
    hourly = all(r.figures["annual_p50"].value is None for r in rows) and any(
        r.figures["hourly_p50"].value is not None for r in rows
    )
    if hourly and key in _HOURLY_KEYS:
        rows = store.rank_areas(role.soc, _HOURLY_KEYS[key], kind)
    parities = store.parities()
    median = "hourly_p50" if hourly else "annual_p50"
    ranked = [Ranked(None, row, parities[row.area.code], median) for row in rows]
    if by == "adjusted":

        def order(item: Ranked) -> tuple[bool, float, int, str]:
            amount = item.adjusted()
            jobs = item.figure("employment").value
            return (
                amount is None,
                -float(amount.value) if amount is not None else 0.0,
                -int(jobs) if jobs is not None else 1,
                item.pay.area.code,
            )

        ranked.sort(key=order)
    numbered = []
    place = 0
    for item in ranked:
        value = item.key_value(by)
        if value is not None:
            place += 1
        numbered.append(Ranked(place if value is not None else None, item.pay, item.parity,
                               median))  # fmt: skip
    return Ranking(role, by, kind, hourly, tuple(numbered[:top]), len(numbered),
                   store.oews_attribution(), store.attribution("rpp"))  # fmt: skip
