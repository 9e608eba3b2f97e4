"""Where roles come from: the hand-written TOML roles (a :class:`Catalogue`) and the
official ones (the store), behind one interface, and the choice a command makes between
them (``--data``, ``--only-data``)."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.errors import DatasetError, Problem
from jobcompare.files import bundled_data_dir

if TYPE_CHECKING:
    from jobcompare.model import Role
    from jobcompare.sources.catalogue import Catalogue, Listing
    from jobcompare.sources.store import Store

#: Set (to "1") by ``--only-data``: --data replaces the bundled roles instead of adding.
ONLY_DATA = "JOBCOMPARE_ONLY_DATA"


class Roles:
    """The bundled roles: the hand-written TOML ones (through a Catalogue) and the official
    ones (from the store), with the Catalogue's interface (``role``, ``listing``,
    ``files``). The store is opened only when a role is not a TOML one."""

    def __init__(self, catalogue: Catalogue, store_path: Path | None = None) -> None:
        self.catalogue = catalogue
        self._store_path = store_path

    @cached_property
    def store(self) -> Store:
        from jobcompare.sources.store import Store

        return Store(self._store_path)

    @property
    def files(self) -> tuple[Path, ...]:
        return (*self.catalogue.files, self.store.path)

    @cached_property
    def listing(self) -> list[Listing]:
        return [*self.store.listing, *self.catalogue.listing]

    @cached_property
    def _toml_slugs(self) -> frozenset[str]:
        return frozenset(entry.slug for entry in self.catalogue.listing)

    def has(self, slug: str) -> bool:
        """Whether ``slug`` is a role's, asked without listing every role: the TOML index,
        then one primary-key lookup in the store."""
        if slug in self._toml_slugs:
            return True
        return bool(self.store.query("SELECT 1 FROM occupation WHERE slug = ?", (slug,)))

    def role(self, slug: str) -> Role:
        if slug in self._toml_slugs:
            return self.catalogue.role(slug)
        from jobcompare.sources.store_role import official_role

        return official_role(self.store, slug)


def open_roles(store_path: Path | None = None, data: Path | None = None) -> Roles:
    """The bundled roles: data/roles.toml and the store; with ``data`` (a TOML file or a
    folder of them), the user's roles as well. A slug defined twice is a DatasetError
    naming both places, whether the other is a TOML file or the store."""
    from jobcompare.files import dataset_files
    from jobcompare.sources.catalogue import open_catalogue, open_files

    if data is None:
        return Roles(open_catalogue(None), store_path)
    files = [*dataset_files(bundled_data_dir()), *dataset_files(data)]
    roles = Roles(open_files(files), store_path)
    official = {entry.slug for entry in roles.store.listing}
    clashes = [e.slug for e in roles.catalogue.listing if e.slug in official]
    if clashes:
        problems = []
        for slug in sorted(clashes):
            file, line = roles.catalogue.place(slug)
            message = f"duplicate slug: already defined in {roles.store.path} (an official role)"
            problems.append(Problem(file, message, role=slug, line=line))
        raise DatasetError(problems)
    return roles


def open_source(data: Path | None) -> Catalogue | Roles:
    """The roles a command sees: the bundled ones (data/roles.toml and the official store)
    with the roles of --data added; only the roles of --data when
    ``JOBCOMPARE_ONLY_DATA=1`` (--only-data)."""
    if data is None:
        return open_roles()
    if os.environ.get(ONLY_DATA) == "1":
        from jobcompare.sources.catalogue import open_catalogue

        return open_catalogue(data)
    return open_roles(data=data)


def store_of(source: Catalogue | Roles) -> Store | None:
    """The store, when the roles are the bundled ones (opened once, by the Roles object);
    None for a --only-data dataset, which is TOML only."""
    return source.store if isinstance(source, Roles) else None


def the_store(source: Catalogue | Roles) -> Store:
    """The bundled store, which holds every official figure (areas, related occupations),
    even when the roles are those of --only-data."""
    from jobcompare.sources.store import Store

    store = store_of(source)
    return store if store is not None else Store()
