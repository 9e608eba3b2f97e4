"""An official role read from the store: its OEWS figures (national pay, jobs, the best-paid
places), then every other source's (:func:`jobcompare.sources.store_profile.fill`).

Figures come out exactly as the source printed them: integers scaled back (hourly wages
are stored in cents), unpublished values None with the publisher's reason in
``Role.unpublished``, top-coded wages as lower bounds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobcompare.errors import Problem, StoreError
from jobcompare.sources.store import MEASURES, NATION, NOT_PUBLISHED, ONET_ATTRIBUTION
from jobcompare.sources.store_types import Figure

if TYPE_CHECKING:
    from jobcompare.model import Amount, Percentiles, Place, Role
    from jobcompare.sources.store import Store

_PERCENTILE_KEYS = ("p10", "p25", "p50", "p75", "p90")


def official_role(store: Store, slug: str) -> Role:
    """The role ``slug`` with its national OEWS figures, as the model's Role."""
    found = read_role(store, slug)
    if found is None:
        raise StoreError([Problem(store.path, "no such role in the store", role=slug)])
    return found


def read_role(store: Store, slug: str) -> Role | None:
    """The role ``slug`` (see :func:`official_role`), or None when the store has no such slug."""
    from jobcompare.model import Overview, Role, Salary, SalaryRange

    found = store.query(
        "SELECT soc, title, noun, plural, category, best_state, best_metro, best_industry "
        "FROM occupation WHERE slug = ?",
        (slug,),
    )
    if not found:
        return None
    soc, title, noun, plural, category, state, metro, industry = (
        None if v is None else str(v) for v in found[0]
    )
    assert soc is not None and title is not None
    figures = store.pay(soc, NATION) or {
        name: Figure(None, reason=NOT_PUBLISHED) for name, _ in MEASURES
    }
    unpublished: dict[str, str] = {}

    def amount(name: str, key: str | None) -> Amount | None:
        figure = figures[name]
        if figure.value is None and key is not None:
            unpublished[key] = figure.reason or NOT_PUBLISHED
        return figure.amount()

    jobs = figures["employment"]
    if jobs.value is None:
        unpublished["overview.jobs"] = jobs.reason or NOT_PUBLISHED
    average = amount("annual_mean", "salary.average")
    hourly = amount("hourly_mean", "salary.hourly")
    # How sure BLS is of them: its percent relative standard errors, as printed.
    jobs_rse, mean_rse = (_rse(figures, name, path, unpublished) for name, path in (
        ("employment_rse", "overview.jobs_rse"), ("mean_rse", "salary.mean_rse")))  # fmt: skip
    low, high = figures["annual_p10"], figures["annual_p90"]
    salary_range = None
    if low.value is None or high.value is None:
        reasons: list[str] = []
        for side in (low, high):
            if side.value is None and (side.reason or NOT_PUBLISHED) not in reasons:
                reasons.append(side.reason or NOT_PUBLISHED)
        unpublished["salary.range"] = " ".join(reasons)
    else:
        minimum, maximum = amount("annual_p10", None), amount("annual_p90", None)
        assert minimum is not None and maximum is not None
        salary_range = SalaryRange(minimum, maximum)
    annual = _percentiles(
        [amount(f"annual_{k}", f"salary.percentiles.{k}") for k in _PERCENTILE_KEYS]
    )
    # BLS's annual percentiles are its hourly ones x 2,080 wherever both are published;
    # the hourly ones are shown only beside a role that has nothing else (actors, ...):
    # see sections/salary.py. A missing one says why, as the hourly mean does (annual-only
    # occupations: BLS's footnote 4).
    hourly_percentiles = _percentiles(
        [amount(f"hourly_{k}", f"salary.hourly_percentiles.{k}") for k in _PERCENTILE_KEYS]
    )
    places = _best_places(store, soc, state, metro, industry)
    # The import names the place of the highest published annual mean: none, when BLS
    # publishes no annual mean for the occupation at that level (actors: hourly only).
    for path, place, where in (
        ("salary.best_metro", places[0], "any metro area"),
        ("salary.best_state", places[1], "any state, the District of Columbia or a territory"),
        ("salary.best_of_50_states", places[1], "any of the 50 states"),
        ("salary.best_industry", places[3], "any industry sector"),
    ):
        if place is None:
            unpublished[path] = (
                f"BLS publishes no annual mean wage for this occupation in {where}."
            )  # fmt: skip
    from jobcompare.sources.store_profile import describe, fill

    description, reason = describe(store, soc)
    if reason is not None:
        unpublished["description"] = reason
    source = store.oews_attribution()
    if description is not None:
        source += "; description from the " + ONET_ATTRIBUTION
    role = Role(
        slug=slug,
        title=title,
        category=category,
        description=description,
        source=source,
        soc=soc,
        noun=noun,
        plural=plural,
        overview=Overview(
            jobs=int(jobs.value) if jobs.value is not None else None, jobs_rse=jobs_rse
        ),
        salary=Salary(
            average=average,
            hourly=hourly,
            mean_rse=mean_rse,
            range=salary_range,
            percentiles=annual,
            # Named as what they are (a metro area is no city), with BLS's figure.
            best_metro=places[0],
            best_state=places[1],
            best_of_50_states=places[2],
            best_industry=places[3],
            hourly_percentiles=hourly_percentiles,
        ),
        unpublished=unpublished,
    )
    return fill(store, role)


def _best_places(
    store: Store, soc: str, state: str | None, metro: str | None, industry: str | None
) -> tuple[Place | None, Place | None, Place | None, Place | None]:
    """The best-paid metro area, state and industry the import named, each with its
    average annual wage as BLS published it; when the best "state" is the District of
    Columbia or a territory, also the best-paid of the 50 states (by the import's
    rule: mean, then employment, then name)."""
    from jobcompare.model import Amount, Place

    mean_bit = next(i for i, (name, _) in enumerate(MEASURES) if name == "annual_mean")

    def area(name: str | None, kind: str) -> Place | None:
        if name is None:
            return None
        if "area" not in store.tables:  # a store of another build: the name alone
            return Place(name, None, kind)
        rows = store.query(
            "SELECT a.territory, a.district, p.annual_mean, p.at_least FROM oews_pay p "
            "JOIN area a ON a.code = p.area WHERE p.soc = ? AND a.name = ? AND a.type = ?",
            (soc, name, kind),
        )
        if not rows:
            return Place(name, None, kind)
        territory, district, mean, at_least = rows[0]
        pay = None if mean is None else Amount(int(mean), int(at_least) >> mean_bit & 1 == 1)
        named = "territory" if territory else "district" if district else kind
        return Place(name, pay, named)

    best_state = area(state, "state")
    of_50 = None
    if best_state is not None and best_state.kind not in ("state",) and best_state.pay:
        rows = store.query(
            "SELECT a.name, p.annual_mean, p.at_least FROM oews_pay p JOIN area a "
            "ON a.code = p.area WHERE p.soc = ? AND a.type = 'state' AND a.territory = 0 "
            "AND a.district = 0 AND p.annual_mean IS NOT NULL "
            "ORDER BY p.annual_mean DESC, p.employment DESC, lower(a.name), a.name LIMIT 1",
            (soc,),
        )
        if rows:
            name, mean, at_least = rows[0]
            of_50 = Place(str(name), Amount(int(mean), int(at_least) >> mean_bit & 1 == 1),
                          "state")  # fmt: skip
    best_industry = None
    if industry is not None and "oews_industry" not in store.tables:
        best_industry = Place(industry, None, "industry")
    elif industry is not None:
        # The import named the sector of the highest mean (then employment): its row.
        rows = store.query(
            "SELECT annual_mean, at_least FROM oews_industry WHERE soc = ? AND "
            "annual_mean IS NOT NULL ORDER BY annual_mean DESC, employment DESC LIMIT 1",
            (soc,),
        )
        mean, top = rows[0] if rows else (None, 0)
        pay = None if mean is None else Amount(int(mean), bool(top))
        best_industry = Place(industry, pay, "industry")
    return area(metro, "metro"), best_state, of_50, best_industry


def _rse(
    figures: dict[str, Figure], name: str, path: str, unpublished: dict[str, str]
) -> int | float | None:
    """A relative standard error (percent) as BLS prints it; None, with BLS's reason at
    ``path``, where it is not published."""
    figure = figures[name]
    if figure.value is None:
        unpublished[path] = figure.reason or NOT_PUBLISHED
    return figure.value


def _percentiles(values: list[Amount | None]) -> Percentiles | None:
    from jobcompare.model import Percentiles

    if all(v is None for v in values):
        return None
    return Percentiles(*values)
