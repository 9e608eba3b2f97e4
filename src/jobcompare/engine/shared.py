"""Which skills the roles share: named by every role, matched without regard to case."""

from __future__ import annotations

from collections.abc import Sequence

from jobcompare.model import Role, Skill


def shared_skills(roles: Sequence[Role]) -> tuple[str, ...]:
    """Skills every role names (case-insensitive), in the first role's order and spelling."""
    if not roles:
        return ()
    others = [{s.name.casefold() for s in r.skills} for r in roles[1:]]
    return tuple(s.name for s in roles[0].skills if all(s.name.casefold() in o for o in others))


def is_shared(skill: Skill, shared: Sequence[str]) -> bool:
    """Whether ``skill`` is one of the ``shared`` names (case-insensitive). Marking every
    skill of a role tests the same ``shared`` many times: its set of names is made once
    (for the last tuple seen, which is kept alive here, so the identity test is sound)."""
    global _last_shared
    if isinstance(shared, tuple):
        if _last_shared is None or _last_shared[0] is not shared:
            _last_shared = (shared, frozenset(s.casefold() for s in shared))
        names = _last_shared[1]
    else:
        names = frozenset(s.casefold() for s in shared)
    return skill.name.casefold() in names


_last_shared: tuple[tuple[str, ...], frozenset[str]] | None = None
