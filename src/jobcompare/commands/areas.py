"""The area commands: ``jobcompare ROLE ... --area ...``, ``jobcompare where ROLE`` and
``jobcompare areas``. Each takes plain arguments and returns its Outcome, or raises an
error errors.failure maps to an exit status (AreaError, a role that is not found: usage
errors, exit 2; a missing store: exit 1)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.output.dispatch import Outcome

if TYPE_CHECKING:
    from jobcompare.engine.pay import YourPay
    from jobcompare.model import Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Area


def _roles_and_store(
    queries: Sequence[str], data: Path | None
) -> tuple[list[Role], Store, tuple[str, ...]]:
    """The roles the queries name (in --data, or the bundled ones; resolved as compare
    resolves them), the bundled store, which holds every area's figures, and the notes
    saying how names that are not slugs were read."""
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.sources.roles import open_source, the_store

    source = open_source(data)
    roles, notes = resolve_roles_of(queries, source)
    return roles, the_store(source), notes


def find_areas(store: Store, queries: Sequence[str]) -> list[Area]:
    from jobcompare.engine.areas import find_area

    areas = store.areas()
    return [find_area(areas, query) for query in queries]


def compare_in_areas(
    queries: Sequence[str], area_queries: Sequence[str], data: Path | None, *, adjust: bool,
    pay: YourPay | None = None,
) -> Outcome:  # fmt: skip
    """2-4 roles in one area, or one role in 1-4 areas; with ``pay``, where it falls in
    each area (and, with ``adjust``, among the area's percentiles adjusted for prices)."""
    from jobcompare.engine.areas import area_comparison
    from jobcompare.errors import AreaError
    from jobcompare.registry.section import MAX_ROLES, check_role_count

    if len(queries) > 1:
        check_role_count(len(queries))
    if not 1 <= len(area_queries) <= MAX_ROLES:
        raise AreaError(f"give 1 to {MAX_ROLES} areas ({len(area_queries)} given)")
    if len(queries) > 1 and len(area_queries) > 1:
        raise AreaError("compare several roles in one area, or one role in several areas, not both")
    roles, store, notes = _roles_and_store(queries, data)
    areas = find_areas(store, area_queries)
    result = area_comparison(store, roles, areas, adjust=adjust)
    if pay is not None:
        from jobcompare.engine.pay_areas import area_places

        result = result._replace(your_pay=area_places(pay, result))
    return Outcome(result, notes)


def where(
    query: str,
    by: str,
    kind: str | None,
    top: int | None,
    data: Path | None,
    state: str | None = None,
) -> Outcome:
    """The areas ranked for one role; with ``state`` (``--in``), the metro and nonmetro
    areas of that state only, every one unless ``top`` says how many (else 20)."""
    from jobcompare.engine.areas import find_state
    from jobcompare.engine.where import DEFAULT_TOP, rank

    roles, store, notes = _roles_and_store([query], data)
    within = None if state is None else find_state(store.areas(), state)
    if top is None and within is None:
        top = DEFAULT_TOP
    return Outcome(rank(store, roles[0], by, kind, top, within), notes)


def areas(search: str | None) -> Outcome:
    """Every area of the bundled store, or those matching ``search``."""
    from jobcompare.engine.areas import AreaList, search_areas
    from jobcompare.sources.store import Store

    found = search_areas(Store().areas(), search)
    notes = () if found else (f"No area matches '{search or ''}'.",)
    return Outcome(AreaList(tuple(found)), notes)
