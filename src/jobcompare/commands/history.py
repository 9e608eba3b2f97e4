"""``jobcompare history ROLE...``: pay over time."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jobcompare.errors import ComparisonError
from jobcompare.output.dispatch import Outcome
from jobcompare.registry.section import MAX_ROLES

#: How many roles one history shows (one axis, one page).


def history(queries: Sequence[str], data: Path | None) -> Outcome:
    """Each role's national OEWS figures per year, May 2021 to May 2025 (engine/history.py).
    Needs the store: with --data, a role of the dataset that has an official SOC code is
    shown by that occupation's figures."""
    from jobcompare.engine.history import build_history
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.sources.roles import open_source, the_store

    if not 1 <= len(queries) <= MAX_ROLES:
        raise ComparisonError(f"show the history of 1 to {MAX_ROLES} roles ({len(queries)} given)")
    source = open_source(data)
    roles, notes = resolve_roles_of(queries, source)
    slugs = [r.slug for r in roles]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise ComparisonError(f"role '{twice[0]}' is given more than once")
    return Outcome(build_history(the_store(source), roles), notes)
