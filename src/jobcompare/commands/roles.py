"""``jobcompare list``, ``jobcompare search`` and ``jobcompare table``: roles by the name
people use, and chosen figures of many roles at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.errors import ComparisonError
from jobcompare.output.dispatch import Outcome

if TYPE_CHECKING:
    from jobcompare.model import Role
    from jobcompare.sources.catalogue import Catalogue
    from jobcompare.sources.roles import Roles


def list_roles(data: Path | None) -> Outcome:
    """Every role the command sees."""
    from jobcompare.engine.listing import RoleList
    from jobcompare.sources.roles import open_source

    return Outcome(RoleList(tuple(open_source(data).listing)))


def search(text: str, data: Path | None, limit: int | None = 20) -> Outcome:
    """The roles ranked by how well their titles, O*NET alternate and reported titles and
    descriptions match ``text``."""
    from jobcompare.engine.search import SearchResults, search_roles
    from jobcompare.engine.titles import roles_of
    from jobcompare.sources.roles import open_source, store_of

    source = open_source(data)
    store = store_of(source)
    hits = search_roles(text, roles_of(source.listing), None if store is None else store.db,
                        limit=limit)  # fmt: skip
    notes = () if hits else (f"No role matches '{text}'.",)
    return Outcome(SearchResults(text, tuple(hits)), notes)


def _chosen(queries: Sequence[str], every: bool, official: bool) -> None:
    if every and queries:
        raise ComparisonError("give roles or --all, not both")
    if not every and not queries:
        raise ComparisonError("name the roles to put in the table, or give --all for every role")
    if official and not every:
        raise ComparisonError("--official picks from every role: give it with --all")


def _every_role(source: Catalogue | Roles, official: bool) -> list[Role]:
    """Every role the source lists; only the official occupations with ``official`` (no
    hand-written role, and not BLS's total of all occupations)."""
    from jobcompare.engine.table import OFFICIAL, kind_of

    roles = [source.role(r.slug) for r in source.listing]
    return [r for r in roles if kind_of(r) == OFFICIAL] if official else roles


def table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, data: Path | None,
    official: bool = False,
) -> Outcome:  # fmt: skip
    """The figures ``names`` ask for (default: a brief set) of the roles the queries name
    (every name that is not found is reported at once), or of every role (``every``; the
    official occupations alone with ``official``)."""
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.engine.table import BulkTable, columns
    from jobcompare.sources.roles import open_source

    chosen = columns(names)
    _chosen(queries, every, official)
    source = open_source(data)
    if every:
        return Outcome(BulkTable(chosen, tuple(_every_role(source, official))))
    found, notes = resolve_roles_of(queries, source)
    return Outcome(BulkTable(chosen, tuple(found)), notes)


def area_table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None,
    area_queries: Sequence[str], data: Path | None, official: bool = False,
) -> Outcome:  # fmt: skip
    """BLS's figures for each role in each area, one row per role and area, read by
    primary key (every role with a SOC code with --all, the official occupations alone
    with ``official``; a role without a SOC code named is a usage error, as in an area
    comparison). An area named twice (TX, texas) gives its rows once."""
    from jobcompare.commands.areas import find_areas
    from jobcompare.engine.areas import NO_SOC
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.engine.table import AreaTable, area_measures
    from jobcompare.errors import AreaError
    from jobcompare.sources.roles import open_source, the_store

    measures = area_measures(names)
    _chosen(queries, every, official)
    source = open_source(data)
    store = the_store(source)
    found = tuple({a.code: a for a in find_areas(store, area_queries)}.values())
    notes: tuple[str, ...] = ()
    if every:
        roles = [r for r in _every_role(source, official) if r.soc]
    else:
        roles, notes = resolve_roles_of(queries, source)
        for role in roles:
            if not role.soc:
                raise AreaError(f"role '{role.slug}': {NO_SOC}")
    rows = tuple((r, a, store.area_pay(r.soc, a.code) if r.soc else None)
                 for r in roles for a in found)  # fmt: skip
    return Outcome(AreaTable(found, measures, rows), notes)


def fields(data: Path | None) -> Outcome:
    """Every figure a table can show (``table --fields list``), and how many official
    occupations and hand-written roles have it."""
    from jobcompare.engine.table import field_list
    from jobcompare.sources.roles import open_source

    source = open_source(data)
    return Outcome(field_list([source.role(r.slug) for r in source.listing]))


def area_fields(area_queries: Sequence[str]) -> Outcome:
    """The measures an area table can show (``table --area AREA --fields list``), the
    same in every area; an area that is not found is the usage error it is elsewhere."""
    from jobcompare.commands.areas import find_areas
    from jobcompare.engine.table import AreaFieldList, every_measure
    from jobcompare.sources.store import Store

    find_areas(Store(), area_queries)
    return Outcome(AreaFieldList(tuple(every_measure().values())))
