"""The area commands, apart from the command line: ``jobcompare ROLE ... --area ...``,
``jobcompare where ROLE`` and ``jobcompare areas``. Each takes plain arguments and returns
its result, or raises an error :func:`jobcompare.status.failure` maps to an exit status
(AreaError, UnknownRoleError: usage errors, exit 2; a missing store: exit 1)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobcompare.areas import AreaComparison
    from jobcompare.model import Role
    from jobcompare.store import Store
    from jobcompare.store_types import Area
    from jobcompare.where import Ranking


def _roles_and_store(
    queries: Sequence[str], data: Path | None
) -> tuple[list[Role], Store, tuple[str, ...]]:
    """The roles the queries name (in --data, or the bundled ones; resolved as compare
    resolves them), the bundled store, which holds every area's figures, and the notes
    saying how names that are not slugs were read."""
    from jobcompare.commands import open_catalogue
    from jobcompare.commands.resolving import resolve
    from jobcompare.store import Roles, Store

    catalogue = open_catalogue(data)
    resolved = resolve(queries, catalogue)
    roles = [catalogue.role(slug) for slug in resolved.slugs]
    store = catalogue.store if isinstance(catalogue, Roles) else Store()
    return roles, store, resolved.notes


def find_areas(store: Store, queries: Sequence[str]) -> list[Area]:
    from jobcompare.areas import find_area

    areas = store.areas()
    return [find_area(areas, query) for query in queries]


def compare_in_areas(
    queries: Sequence[str], area_queries: Sequence[str], data: Path | None, *, adjust: bool
) -> tuple[AreaComparison, tuple[str, ...]]:
    """``jobcompare ROLE ... --area AREA ...``: 2-4 roles in one area, or one role in 1-4
    areas."""
    from jobcompare.areas import AreaError, area_comparison
    from jobcompare.sections import MAX_ROLES, check_role_count

    if len(queries) > 1:
        check_role_count(len(queries))
    if not 1 <= len(area_queries) <= MAX_ROLES:
        raise AreaError(f"give 1 to {MAX_ROLES} areas ({len(area_queries)} given)")
    if len(queries) > 1 and len(area_queries) > 1:
        raise AreaError("compare several roles in one area, or one role in several areas, not both")
    roles, store, notes = _roles_and_store(queries, data)
    areas = find_areas(store, area_queries)
    return area_comparison(store, roles, areas, adjust=adjust), notes


def where(
    query: str, by: str, kind: str | None, top: int, data: Path | None
) -> tuple[Ranking, tuple[str, ...]]:
    """``jobcompare where ROLE``: the areas ranked for one role (and the name's note)."""
    from jobcompare.where import rank

    roles, store, notes = _roles_and_store([query], data)
    return rank(store, roles[0], by, kind, top), notes


def list_areas(search: str | None) -> list[Area]:
    """``jobcompare areas``: every area of the bundled store, or those matching."""
    from jobcompare.areas import search_areas
    from jobcompare.store import Store

    return search_areas(Store().areas(), search)
