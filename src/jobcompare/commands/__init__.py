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
    from jobcompare.catalogue import Catalogue
    from jobcompare.compare import Comparison, SectionResult
    from jobcompare.dataset import Dataset
    from jobcompare.errors import Problem
    from jobcompare.model import Listed, Role
    from jobcompare.present import Document
    from jobcompare.store import Roles


class Shown(NamedTuple):
    """What ``compare`` or ``show`` found: a comparison, or one role and its sections.
    Its :meth:`document` is what every output but JSON draws; JSON reads the figures
    directly, so it never loads the presentation."""

    comparison: Comparison | None
    role: Role | None = None
    sections: tuple[SectionResult, ...] = ()
    charts: bool = True
    #: Every duty and technology skill in the tables, not the first few (a profile
    #: always shows all).
    all_items: bool = False

    def document(self) -> Document:
        from jobcompare.present import comparison_document, profile_document

        if self.comparison is not None:
            return comparison_document(self.comparison, charts=self.charts, full=self.all_items)
        assert self.role is not None
        return profile_document(self.role, self.sections, charts=self.charts)


def open_catalogue(data: Path | None) -> Catalogue | Roles:
    """The roles of --data, or the bundled ones (data/roles.toml and the official store)."""
    if data is None:
        from jobcompare.store import open_roles

        return open_roles()
    from jobcompare.catalogue import open_catalogue as open_

    return open_(data)


def compare_roles(
    queries: Sequence[str],
    sections: Sequence[Section] | None,
    data: Path | None,
    *,
    charts: bool = True,
    all_items: bool = False,
) -> Shown:
    """``jobcompare A B``: the comparison of the roles the queries name."""
    from jobcompare.compare import compare

    check_role_count(len(queries))
    catalogue = open_catalogue(data)
    found = [catalogue.find(query) for query in queries]
    return Shown(compare(found, sections or tuple(Section)), charts=charts, all_items=all_items)


def show_role(
    query: str, sections: Sequence[Section] | None, data: Path | None, *, charts: bool = True
) -> Shown:
    """``jobcompare show ROLE``: one role's full profile."""
    from jobcompare.compare import build_sections

    role = open_catalogue(data).find(query)
    return Shown(None, role, build_sections([role], sections or tuple(Section)), charts)


def list_roles(search: str | None, data: Path | None) -> list[Listed]:
    """``jobcompare list``: the roles, or those matching ``search``."""
    from jobcompare.listing import search_roles

    return search_roles(open_catalogue(data).listing, search)


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
