"""Helpers the section modules share for official roles' figures (the store's sources)."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import Role


def cited(roles: Sequence[Role], origin: str) -> bool:
    """Whether some role has figures from the source ``origin``."""
    return any(origin in r.citations for r in roles)


def per_role(roles: Sequence[Role], notes: Sequence[str | None]) -> list[str]:
    """Each role's own note, prefixed with its title when several roles are shown."""
    return [
        note if len(roles) == 1 else f"{role.title}: {note}"
        for role, note in zip(roles, notes, strict=True)
        if note
    ]


def mean_rse(role: Role) -> object:
    """BLS OEWS's percent relative standard error of the role's mean wage: of the yearly
    and the hourly mean alike (the one is the other x 2,080)."""
    return role.salary.mean_rse
