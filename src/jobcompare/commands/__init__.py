"""What each command does, apart from the command line: each takes plain arguments and
returns its result (a document, a list, a report of problems), or raises one of the
errors :func:`jobcompare.status.failure` maps to a message and an exit status.

The command line (cli.py) only parses, calls these, and hands results to the writers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.sections import Section, check_role_count

if TYPE_CHECKING:
    from jobcompare.bulk import AreaTable, BulkTable
    from jobcompare.catalogue import Catalogue
    from jobcompare.compare import Comparison, SectionResult
    from jobcompare.dataset import Dataset
    from jobcompare.errors import Problem
    from jobcompare.model import Listed, Role
    from jobcompare.moves import Gap, Moves, Nearest
    from jobcompare.present import Document
    from jobcompare.search import SearchHit
    from jobcompare.store import Roles


class Shown(NamedTuple):
    """What ``compare`` or ``show`` found: a comparison, or one role and its sections.
    Its :meth:`document` is what every output but JSON draws; JSON reads the figures
    directly, so it never loads the presentation."""

    comparison: Comparison | None
    role: Role | None = None
    sections: tuple[SectionResult, ...] = ()
    charts: bool = True
    #: One line for stderr per argument not named by its slug ("'RN' → Registered ...").
    notes: tuple[str, ...] = ()
    #: The skill gap of two compared roles (moves.py), when either has a SOC code.
    gap: Gap | None = None
    #: The official occupation a hand-written role's title resolves to (docs/titles.md).
    nearest: Nearest | None = None
    #: Every duty and technology skill in the tables, not the first few (a profile
    #: always shows all).
    all_items: bool = False

    def document(self) -> Document:
        from jobcompare.present import comparison_document, profile_document

        if self.comparison is not None:
            document = comparison_document(self.comparison, charts=self.charts, full=self.all_items)
            if self.gap is not None:
                from jobcompare.moves import with_gap

                document = with_gap(document, self.gap)
            return document
        assert self.role is not None
        document = profile_document(self.role, self.sections, charts=self.charts)
        if self.nearest is not None:
            from jobcompare.moves import with_nearest

            document = with_nearest(document, self.nearest)
        return document


#: Set (to "1") by ``--only-data``: --data replaces the bundled roles instead of adding.
ONLY_DATA = "JOBCOMPARE_ONLY_DATA"


def open_catalogue(data: Path | None) -> Catalogue | Roles:
    """The bundled roles (data/roles.toml and the official store), with the roles of
    --data added; only the roles of --data when ``JOBCOMPARE_ONLY_DATA=1`` (--only-data)."""
    import os

    from jobcompare.store import open_roles

    if data is None:
        return open_roles()
    if os.environ.get(ONLY_DATA) == "1":
        from jobcompare.catalogue import open_catalogue as open_

        return open_(data)
    return open_roles(data=data)


def compare_roles(
    queries: Sequence[str],
    sections: Sequence[Section] | None,
    data: Path | None,
    *,
    charts: bool = True,
    all_items: bool = False,
) -> Shown:
    """``jobcompare A B``: the comparison of the roles the queries name."""
    from jobcompare.commands.resolving import resolve, store_of
    from jobcompare.compare import compare

    check_role_count(len(queries))
    catalogue = open_catalogue(data)
    resolved = resolve(queries, catalogue)
    found = [catalogue.role(slug) for slug in resolved.slugs]
    gap = None
    sections = sections or tuple(Section)
    if (
        len(found) == 2
        and Section.SKILLS in sections
        and any(r.soc for r in found)  # before store_of: seed roles never open the store
        and store_of(catalogue) is not None
    ):
        from jobcompare.moves import role_gap
        from jobcompare.store import Roles

        assert isinstance(catalogue, Roles)
        gap = role_gap(catalogue.store, found[0], found[1])
    comparison = compare(found, sections)
    return Shown(comparison, charts=charts, notes=resolved.notes, gap=gap, all_items=all_items)


def show_role(
    query: str, sections: Sequence[Section] | None, data: Path | None, *, charts: bool = True
) -> Shown:
    """``jobcompare show ROLE``: one role's full profile."""
    from jobcompare.commands.resolving import resolve, store_of
    from jobcompare.compare import build_sections

    catalogue = open_catalogue(data)
    resolved = resolve([query], catalogue)
    role = catalogue.role(resolved.slugs[0])
    nearest = None
    if store_of(catalogue) is not None and role.soc is None:
        from jobcompare.moves import nearest_occupation
        from jobcompare.store import Roles

        assert isinstance(catalogue, Roles)
        nearest = nearest_occupation(catalogue.store, role)
    from jobcompare.compare import narrowed

    role = narrowed(role, sections or tuple(Section))
    built = build_sections([role], sections or tuple(Section))
    return Shown(None, role, built, charts, notes=resolved.notes, nearest=nearest)


def bulk_table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, data: Path | None
) -> BulkTable:
    """``jobcompare table``: the figures ``names`` ask for (default: a brief set) of the
    roles the queries name (every name that is not found is reported at once), or of
    every role (``every``), one row each."""
    from jobcompare.bulk import BulkTable, columns
    from jobcompare.commands.resolving import resolve
    from jobcompare.sections import ComparisonError

    if every and queries:
        raise ComparisonError("give roles or --all, not both")
    if not every and not queries:
        raise ComparisonError("name the roles to put in the table, or give --all for every role")
    chosen = columns(names)
    catalogue = open_catalogue(data)
    slugs = [r.slug for r in catalogue.listing] if every else resolve(queries, catalogue).slugs
    return BulkTable(chosen, tuple(catalogue.role(slug) for slug in slugs))


def area_table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, area: str,
    data: Path | None,
) -> AreaTable:  # fmt: skip
    """``jobcompare table --area AREA``: BLS's figures for each role in one area, read by
    primary key (every official occupation with --all; a role without a SOC code named
    is a usage error, as in an area comparison)."""
    from jobcompare.areas import NO_SOC, AreaError
    from jobcompare.bulk import AreaTable, area_measures
    from jobcompare.commands.areas import find_areas
    from jobcompare.commands.resolving import resolve
    from jobcompare.sections import ComparisonError
    from jobcompare.store import Roles, Store

    if every and queries:
        raise ComparisonError("give roles or --all, not both")
    if not every and not queries:
        raise ComparisonError("name the roles to put in the table, or give --all for every role")
    measures = area_measures(names)
    catalogue = open_catalogue(data)
    store = catalogue.store if isinstance(catalogue, Roles) else Store()
    (found,) = find_areas(store, [area])
    if every:
        roles = [catalogue.role(r.slug) for r in catalogue.listing if r.soc]
    else:
        roles = [catalogue.role(slug) for slug in resolve(queries, catalogue).slugs]
        for role in roles:
            if not role.soc:
                raise AreaError(f"role '{role.slug}': {NO_SOC}")
    rows = tuple((r, store.area_pay(r.soc, found.code) if r.soc else None) for r in roles)
    return AreaTable(found, measures, rows)


def list_roles(search: str | None, data: Path | None) -> list[Listed]:
    """``jobcompare list``: the roles (``list --search`` is :func:`search`)."""
    from jobcompare.listing import search_roles

    return search_roles(open_catalogue(data).listing, search)


def search(text: str, data: Path | None, limit: int | None = 20) -> list[SearchHit]:
    """``jobcompare search TEXT`` (and ``list --search TEXT``): the roles ranked by how well
    their titles, O*NET alternate and reported titles and descriptions match."""
    from jobcompare.commands.resolving import store_of
    from jobcompare.search import search_roles
    from jobcompare.titles import roles_of

    catalogue = open_catalogue(data)
    return search_roles(text, roles_of(catalogue.listing), store_of(catalogue), limit=limit)


def find_moves(
    query: str, data: Path | None, *, by: str = "onet", top: int | None = None
) -> tuple[Moves, tuple[str, ...]]:
    """``jobcompare moves ROLE``: the role's related occupations (moves.py), and the
    stderr note of how ROLE was read. Needs the store: with --data, a role of the dataset
    that shares an official SOC code is found there."""
    from jobcompare.commands.resolving import resolve
    from jobcompare.moves import find_moves as find
    from jobcompare.store import Roles, Store

    catalogue = open_catalogue(data)
    resolved = resolve([query], catalogue)
    role = catalogue.role(resolved.slugs[0])
    store = catalogue.store if isinstance(catalogue, Roles) else Store()
    return find(store, role, by=by, top=top), resolved.notes


class Validation(NamedTuple):
    """What ``jobcompare validate`` found: the dataset (None when it cannot be used) and
    every problem, errors and warnings."""

    dataset: Dataset | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def validate(path: Path | None) -> Validation:
    from jobcompare.dataset import check_dataset

    dataset, problems = check_dataset(path)
    return Validation(dataset, tuple(problems))
