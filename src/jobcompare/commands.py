"""What each command does, apart from the command line: each takes plain arguments and
returns its result (a document, a list, a report of problems), or raises one of the
errors :func:`jobcompare.status.failure` maps to a message and an exit status.

The command line (cli.py) only parses, calls these, and hands results to the writers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.sections import Section, check_role_count

if TYPE_CHECKING:
    from jobcompare.bulk import BulkTable
    from jobcompare.catalogue import Catalogue
    from jobcompare.compare import Comparison, SectionResult
    from jobcompare.dataset import Dataset
    from jobcompare.errors import Problem
    from jobcompare.model import Listed, Role
    from jobcompare.present import Document


class Shown(NamedTuple):
    """What ``compare`` or ``show`` found: a comparison, or one role and its sections.
    Its :meth:`document` is what every output but JSON draws; JSON reads the figures
    directly, so it never loads the presentation."""

    comparison: Comparison | None
    role: Role | None = None
    sections: tuple[SectionResult, ...] = ()
    charts: bool = True

    def document(self) -> Document:
        from jobcompare.present import comparison_document, profile_document

        if self.comparison is not None:
            return comparison_document(self.comparison, charts=self.charts)
        assert self.role is not None
        return profile_document(self.role, self.sections, charts=self.charts)


def open_catalogue(data: Path | None) -> Catalogue:
    from jobcompare.catalogue import open_catalogue as open_

    return open_(data)


def compare_roles(
    queries: Sequence[str],
    sections: Sequence[Section] | None,
    data: Path | None,
    *,
    charts: bool = True,
) -> Shown:
    """``jobcompare A B``: the comparison of the roles the queries name."""
    from jobcompare.compare import compare

    check_role_count(len(queries))
    found = find_roles(open_catalogue(data), queries)
    return Shown(compare(found, sections or tuple(Section)), charts=charts)


def find_roles(catalogue: Catalogue, queries: Sequence[str]) -> list[Role]:
    """The role each query names, in order. Every query that names no role (or several)
    is reported at once: one error for one, :class:`~jobcompare.status.RoleErrors` for
    more. The one place a command turns what the user typed into roles."""
    from jobcompare.names import AmbiguousRoleError, UnknownRoleError
    from jobcompare.status import RoleErrors

    found: list[Role] = []
    errors: list[LookupError] = []
    for query in queries:
        try:
            found.append(catalogue.find(query))
        except (UnknownRoleError, AmbiguousRoleError) as error:
            errors.append(error)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise RoleErrors(errors)
    return found


def show_role(
    query: str, sections: Sequence[Section] | None, data: Path | None, *, charts: bool = True
) -> Shown:
    """``jobcompare show ROLE``: one role's full profile."""
    from jobcompare.compare import build_sections

    (role,) = find_roles(open_catalogue(data), [query])
    return Shown(None, role, build_sections([role], sections or tuple(Section)), charts)


def list_roles(search: str | None, data: Path | None) -> list[Listed]:
    """``jobcompare list``: the roles, or those matching ``search``."""
    from jobcompare.listing import search_roles

    return search_roles(open_catalogue(data).listing, search)


def bulk_table(
    queries: Sequence[str], every: bool, names: Sequence[str] | None, data: Path | None
) -> BulkTable:
    """``jobcompare table``: the figures ``names`` ask for (default: a brief set) of the
    roles the queries name, or of every role (``every``), one row each."""
    from jobcompare.bulk import BulkTable, columns
    from jobcompare.sections import ComparisonError

    if every and queries:
        raise ComparisonError("give roles or --all, not both")
    if not every and not queries:
        raise ComparisonError("name the roles to put in the table, or give --all for every role")
    chosen = columns(names)
    catalogue = open_catalogue(data)
    if every:
        roles = [catalogue.role(listed.slug) for listed in catalogue.listing]
    else:
        roles = find_roles(catalogue, queries)
    return BulkTable(chosen, tuple(roles))


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


class Imported(NamedTuple):
    output: Path
    roles: int


def import_bls_oews(
    oews_dir: Path,
    output: Path,
    onet: Path | None,
    onet_version: str | None,
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """``jobcompare import bls-oews``: write a dataset of every occupation of a BLS OEWS
    release, then read it back the way every later run will."""
    import shlex

    from jobcompare.dataset import load_dataset
    from jobcompare.importers.bls_oews import OEWSImportError, write_oews_dataset
    from jobcompare.status import OutputError, SourceError

    words = ["jobcompare", "import", "bls-oews", str(oews_dir)]
    if onet is not None:
        words += ["--onet", str(onet)]
    if onet_version is not None:
        words += ["--onet-version", onet_version]
    words += ["-o", str(output)]
    try:
        write_oews_dataset(
            oews_dir,
            onet,
            output,
            command=" ".join(shlex.quote(w) for w in words),
            progress=progress,
            onet_version=onet_version,
        )
    except OEWSImportError as error:
        raise SourceError(str(error)) from None
    except OSError as error:
        raise OutputError(str(output), error) from None
    return Imported(output, len(load_dataset(output).roles))
