"""Turning what people type into roles, for every command that takes a role: the title
resolver (titles.py) over the roles a command sees, with the store's O*NET titles when
the roles are the bundled ones. docs/titles.md gives the rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import sqlite3

    from jobcompare.catalogue import Catalogue
    from jobcompare.store import Roles
    from jobcompare.titles import TitleResolver


class Resolved(NamedTuple):
    """The slugs the arguments name, in order, and the one-line notes (for stderr) of the
    arguments that were not named by their slug."""

    slugs: tuple[str, ...]
    notes: tuple[str, ...]


def store_of(catalogue: Catalogue | Roles) -> sqlite3.Connection | None:
    """The store's read-only connection when the roles are the bundled ones (opened once,
    by the Roles object), else None: a --data dataset is TOML only."""
    from jobcompare.store import Roles

    if isinstance(catalogue, Roles):
        return catalogue.store.db
    return None


def resolver_for(catalogue: Catalogue | Roles) -> TitleResolver:
    """A resolver over every role the catalogue lists (seed and official alike)."""
    from jobcompare.titles import TitleResolver, roles_of

    listing = catalogue.listing
    return TitleResolver(roles_of(listing), store_of(catalogue))


def resolve(queries: Sequence[str], catalogue: Catalogue | Roles) -> Resolved:
    """The slugs ``queries`` name. Raises the RoleNameError of the one argument that does
    not name a role, or an UnresolvedRolesError naming every one that does not."""
    from jobcompare.names import RoleNameError
    from jobcompare.titles import notes, resolve_roles

    wanted = tuple(q.strip().lower() for q in queries)
    if all(_is_slug(w, catalogue) for w in wanted):  # the common case needs no resolver
        return Resolved(wanted, ())
    resolver = resolver_for(catalogue)
    try:
        resolutions = resolve_roles(list(queries), resolver)
    except RoleNameError:
        # A role that is named but cannot be loaded is a data error, and that comes first.
        for query in queries:
            picked = resolver.resolve(query).slug
            if picked is not None:
                catalogue.role(picked)
        raise
    slugs = tuple(r.slug for r in resolutions if r.slug is not None)
    return Resolved(slugs, tuple(notes(resolutions)))


def _is_slug(wanted: str, catalogue: Catalogue | Roles) -> bool:
    """Whether ``wanted`` is a role's slug, asked without listing every role: the TOML
    index, then one primary-key lookup in the store."""
    from jobcompare.store import Roles

    if isinstance(catalogue, Roles):
        if wanted in {entry.slug for entry in catalogue.catalogue.listing}:
            return True
        found = catalogue.store.db.execute(
            "SELECT 1 FROM occupation WHERE slug = ?", (wanted,)
        ).fetchone()
        return found is not None
    return any(entry.slug == wanted for entry in catalogue.listing)
