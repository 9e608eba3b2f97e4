"""``jobcompare where ROLE``: the areas where one occupation pays best (or employs most).

The store ranks the occupation's rows (read through the primary key, one occupation's
rows only); a top-coded wage ranks at its lower bound ("≥ $239,200"). Ranking by
``adjusted`` divides each area's median by its BEA Regional Price Parity / 100; areas
without a parity (territories, nonmetropolitan areas) come last, with BEA's reason.
``--in STATE`` ranks the metropolitan and nonmetropolitan areas of one state only (a metro
area that crosses state lines counts for each state it lies in: engine.areas.areas_in).
The where view (output/views/where.py) draws the ranking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from jobcompare.engine.areas import NO_SOC, adjust, areas_in, states_of
from jobcompare.errors import AreaError, StateError

if TYPE_CHECKING:
    from jobcompare.model import Amount, Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Area, AreaPay, Figure, Parity


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
    total: int  # how many areas have a row for the role (of that kind, in that state)
    oews: str
    rpp: str | None
    within: Area | None = None  # --in: the state whose areas are ranked

    @property
    def title(self) -> str:
        where = {"state": "states", "metro": "metro areas", "nonmetro": "nonmetro areas"}.get(
            self.kind or "", "areas"
        )
        if self.within is not None:
            where = f"{where} of {self.within.name}"
        return f"Where {self.role.plural_noun} {_by_phrase(self.by)}: {where}"

    @property
    def crosses(self) -> bool:
        """Whether a shown area lies in more states than the one ranked (--in)."""
        return self.within is not None and any(
            len(states_of(item.pay.area)) > 1 for item in self.areas
        )

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
    store: Store,
    role: Role,
    by: str = "median",
    kind: str | None = None,
    top: int | None = DEFAULT_TOP,
    within: Area | None = None,
) -> Ranking:
    """The areas of ``kind`` ranked by ``by`` for ``role`` (which needs a SOC code); with
    ``within`` (a state), only the metropolitan and nonmetropolitan areas in that state.
    ``top`` None: every area."""
    if by not in BY:
        raise AreaError(f"cannot rank by '{by}': one of {', '.join(BY)}")
    if top is not None and top < 1:
        raise AreaError("--top must be 1 or more")
    if not role.soc:
        raise AreaError(f"role '{role.slug}': {NO_SOC}")
    if within is not None and (within.type != "state" or kind == "state"):
        raise AreaError(
            "--in takes a state and ranks its metro and nonmetro areas: leave out --states"
            if within.type == "state"
            else f"--in takes a state, not {within.name}"
        )
    if within is not None and not areas_in(store.areas(), within):
        raise StateError(
            f"BLS's OEWS has no metropolitan or nonmetropolitan areas in {within.name}: its "
            f"figures are for {within.name} as a whole (--area {within.state})"
        )
    key = BY[by][1]
    rows = _inside(store.rank_areas(role.soc, key, kind), within)
    # An occupation BLS reports by the hour only has no annual pay anywhere: its hourly
    # pay is shown (and ranked, when ranking by pay) instead.
    hourly = all(r.figures["annual_p50"].value is None for r in rows) and any(
        r.figures["hourly_p50"].value is not None for r in rows
    )
    if hourly and key in _HOURLY_KEYS:
        rows = _inside(store.rank_areas(role.soc, _HOURLY_KEYS[key], kind), within)
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
                   store.oews_attribution(), store.attribution("rpp"), within)  # fmt: skip


def _inside(rows: list[AreaPay], state: Area | None) -> list[AreaPay]:
    """The rows of the metro and nonmetro areas in ``state`` (all rows without one), in
    their order: a metro area crossing state lines is in each of its states."""
    if state is None:
        return rows
    code = state.state
    return [r for r in rows if r.area.type != "state" and code in states_of(r.area)]
