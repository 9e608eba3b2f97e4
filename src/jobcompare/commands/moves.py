"""``jobcompare moves ROLE``: where a job can lead."""

from __future__ import annotations

from pathlib import Path

from jobcompare.output.dispatch import Outcome


def moves(
    query: str,
    data: Path | None,
    *,
    by: str = "onet",
    top: int | None = None,
    all_occupations: bool = False,
    max_education: str | None = None,
    same_zone: bool = False,
    interests: bool = False,
    area: str | None = None,
    adjust: bool = False,
) -> Outcome:
    """The role's moves (engine/moves.py): O*NET's related occupations, or every
    occupation ranked by skills. Needs the store: with --data, a role of the dataset that
    shares an official SOC code is found there. ``area`` is found as ``--area`` finds it
    everywhere (engine/areas.py); a name it does not find is a usage error."""
    from jobcompare.engine.moves import find_moves
    from jobcompare.engine.resolve import resolve_roles_of
    from jobcompare.sources.roles import open_source, the_store

    source = open_source(data)
    (role,), notes = resolve_roles_of([query], source)
    store = the_store(source)
    found_area = None
    adjuster = None
    if area is not None:
        from jobcompare.commands.areas import find_areas
        from jobcompare.engine.areas import adjust as area_adjust

        (found_area,) = find_areas(store, [area])
        adjuster = area_adjust if adjust else None
    found = find_moves(
        store, role, by=by, top=top, all_occupations=all_occupations,
        max_education=max_education, same_zone=same_zone, interests=interests,
        area=found_area, adjust=adjuster,
    )  # fmt: skip
    return Outcome(found, notes)
