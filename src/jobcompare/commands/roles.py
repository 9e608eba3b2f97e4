"""``jobcompare list``, ``jobcompare search`` and ``jobcompare table``: roles by the name
people use, and chosen figures of many roles at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jobcompare.errors import ComparisonError
from jobcompare.output.dispatch import Outcome


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


def _chosen(queries: Sequence[str], every: bool) -> None:
    if every and queries:
        raise ComparisonError("give roles or --all, not both")
    if not every and not queries:
        raise ComparisonError("name the roles to put in the table, or give --all for every role")


def table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, data: Path | None
) -> Outcome:
    """The figures ``names`` ask for (default: a brief set) of the roles the queries name
    (every name that is not found is reported at once), or of every role (``every``)."""
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.engine.table import BulkTable, columns
    from jobcompare.sources.roles import open_source

    chosen = columns(names)
    _chosen(queries, every)
    source = open_source(data)
    if every:
        return Outcome(BulkTable(chosen, tuple(source.role(r.slug) for r in source.listing)))
    found, notes = resolve_roles_of(queries, source)
    return Outcome(BulkTable(chosen, tuple(found)), notes)


def area_table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, area: str,
    data: Path | None,
) -> Outcome:  # fmt: skip
    """BLS's figures for each role in one area, read by primary key (every official
    occupation with --all; a role without a SOC code named is a usage error, as in an
    area comparison)."""
    from jobcompare.commands.areas import find_areas
    from jobcompare.engine.areas import NO_SOC
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.engine.table import AreaTable, area_measures
    from jobcompare.errors import AreaError
    from jobcompare.sources.roles import open_source, the_store

    measures = area_measures(names)
    _chosen(queries, every)
    source = open_source(data)
    store = the_store(source)
    (found,) = find_areas(store, [area])
    notes: tuple[str, ...] = ()
    if every:
        roles = [source.role(r.slug) for r in source.listing if r.soc]
    else:
        roles, notes = resolve_roles_of(queries, source)
        for role in roles:
            if not role.soc:
                raise AreaError(f"role '{role.slug}': {NO_SOC}")
    rows = tuple((r, store.area_pay(r.soc, found.code) if r.soc else None) for r in roles)
    return Outcome(AreaTable(found, measures, rows), notes)


def fields() -> Outcome:
    """Every figure a table can show (``table --fields list``)."""
    from jobcompare.engine.table import FieldList, available

    return Outcome(FieldList(tuple(available())))
