"""``jobcompare A B`` and ``jobcompare show ROLE``: each takes plain arguments and returns
its result for the output (an Outcome), or raises an error that errors.failure maps to a
message and an exit status."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobcompare.output.dispatch import Outcome
from jobcompare.registry.section import Section, check_role_count

if TYPE_CHECKING:
    from jobcompare.engine.pay import YourPay


def compare(queries: Sequence[str], sections: Sequence[Section] | None, data: Path | None,
            pay: YourPay | None = None) -> Outcome:  # fmt: skip
    """The comparison of the roles the queries name (and the skill gap of two roles when
    either is an official occupation); with ``pay``, where it falls among each role's
    percentiles."""
    from jobcompare.engine.compare import compare as compare_roles
    from jobcompare.engine.compare import with_gap
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.sources.roles import open_source, store_of

    check_role_count(len(queries))
    source = open_source(data)
    found, notes = resolve_roles_of(queries, source)
    sections = sections or tuple(Section)
    comparison = compare_roles(found, sections)
    if (
        len(found) == 2
        and Section.SKILLS in sections
        and any(r.soc for r in found)  # before store_of: seed roles never open the store
    ):
        store = store_of(source)
        if store is not None:
            from jobcompare.engine.moves import role_gap

            comparison = with_gap(comparison, role_gap(store, found[0], found[1]))
    if pay is not None:  # the roles as found: a --section list narrows the comparison's
        from jobcompare.engine.pay import role_places

        comparison = comparison._replace(your_pay=role_places(pay, found))
    return Outcome(comparison, notes)


def show(query: str, sections: Sequence[Section] | None, data: Path | None,
         pay: YourPay | None = None) -> Outcome:  # fmt: skip
    """One role's full profile (a hand-written one with its nearest official occupation);
    with ``pay``, where it falls among the role's percentiles."""
    from jobcompare.engine.compare import build_sections, narrowed
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.engine.results import Profile
    from jobcompare.sources.roles import open_source, store_of

    source = open_source(data)
    (role,), notes = resolve_roles_of([query], source)
    store = store_of(source)
    nearest = None
    if store is not None and role.soc is None:
        from jobcompare.engine.moves import nearest_occupation

        nearest = nearest_occupation(store, role)
    placed = None
    if pay is not None:  # the role as found: a --section list narrows the profile's
        from jobcompare.engine.pay import role_places

        placed = role_places(pay, [role])
    sections = sections or tuple(Section)
    role = narrowed(role, sections)
    return Outcome(Profile(role, build_sections([role], sections), nearest, placed), notes)
