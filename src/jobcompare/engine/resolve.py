"""Turning what people type into roles, for every command that takes a role: the title
resolver (titles.py) over the roles a command sees, with the store's O*NET titles when
the roles are the bundled ones. docs/titles.md gives the rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.errors import RoleNameError
from jobcompare.sources.roles import store_of

if TYPE_CHECKING:
    from jobcompare.engine.titles import TitleResolver
    from jobcompare.model import Role
    from jobcompare.sources.catalogue import Catalogue
    from jobcompare.sources.roles import Roles


class Resolved(NamedTuple):
    """The slugs the arguments name, in order, and the one-line notes (for stderr) of the
    arguments that were not named by their slug."""

    slugs: tuple[str, ...]
    notes: tuple[str, ...]


def resolver_for(source: Catalogue | Roles) -> TitleResolver:
    """A resolver over every role the source lists (seed and official alike)."""
    from jobcompare.engine.titles import TitleResolver, roles_of

    store = store_of(source)
    return TitleResolver(roles_of(source.listing), None if store is None else store.db)


def resolve(queries: Sequence[str], source: Catalogue | Roles) -> Resolved:
    """The slugs ``queries`` name. Raises the RoleNameError of the one argument that does
    not name a role, or an UnresolvedRolesError naming every one that does not."""
    wanted = tuple(q.strip().lower() for q in queries)
    if all(source.has(w) for w in wanted):  # the common case needs no resolver
        return Resolved(wanted, ())
    from jobcompare.engine.titles import notes, resolve_roles

    resolver = resolver_for(source)
    try:
        resolutions = resolve_roles(list(queries), resolver)
    except RoleNameError:
        # A role that is named but cannot be loaded is a data error, and that comes first.
        for query in queries:
            picked = resolver.resolve(query).slug
            if picked is not None:
                source.role(picked)
        raise
    slugs = tuple(r.slug for r in resolutions if r.slug is not None)
    return Resolved(slugs, tuple(notes(resolutions)))


def resolve_roles_of(
    queries: Sequence[str], source: Catalogue | Roles
) -> tuple[list[Role], tuple[str, ...]]:
    """The roles ``queries`` name, loaded, and the notes of how names were read."""
    resolved = resolve(queries, source)
    return [source.role(slug) for slug in resolved.slugs], resolved.notes
