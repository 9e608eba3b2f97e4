"""``jobcompare moves ROLE``: where a job can lead."""

from __future__ import annotations

from pathlib import Path

from jobcompare.output.dispatch import Outcome


def moves(query: str, data: Path | None, *, by: str = "onet", top: int | None = None) -> Outcome:
    """The role's related occupations (engine/moves.py). Needs the store: with --data, a
    role of the dataset that shares an official SOC code is found there."""
    from jobcompare.engine.moves import find_moves
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.sources.roles import open_source, the_store

    source = open_source(data)
    (role,), notes = resolve_roles_of([query], source)
    return Outcome(find_moves(the_store(source), role, by=by, top=top), notes)
