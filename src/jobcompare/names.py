"""Finding a role by what a person types: slug, title in any case, or SOC code."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """ "Bill and Account Collectors" -> "bill-and-account-collectors"."""
    return _NOT_ALNUM.sub("-", text.lower()).strip("-")


class AmbiguousRoleError(LookupError):
    """What the user typed is the title or SOC code of more than one role."""

    def __init__(self, query: str, slugs: Sequence[str]) -> None:
        self.query = query
        self.slugs = tuple(slugs)
        listed = ", ".join(f"'{s}'" for s in self.slugs)
        super().__init__(f"'{query}' matches several roles: {listed}. Use a slug.")


class UnknownRoleError(LookupError):
    """No role matches what the user typed; ``suggestions`` are close slugs."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"unknown role '{query}'"
        if self.suggestions:
            message += ". Did you mean " + " or ".join(f"'{s}'" for s in self.suggestions) + "?"
        super().__init__(message)


class RoleNames:
    """The names of a dataset's roles: ``(slug, normalised title, SOC code)`` for each."""

    def __init__(self, names: Iterable[tuple[str, str, str | None]]) -> None:
        self.names = list(names)
        self.slugs = {slug for slug, _, _ in self.names}
        self.others: dict[str, list[str]] = {}
        for slug, title, soc in self.names:
            keys = {title} if soc is None else {title, soc, soc.replace("-", "")}
            for key in keys:
                self.others.setdefault(key, []).append(slug)

    def resolve(self, query: str) -> str:
        """The slug ``query`` names; a slug wins over another role's title.

        Raises UnknownRoleError (with suggestions) or AmbiguousRoleError.
        """
        wanted = query.strip().lower()
        if wanted in self.slugs:
            return wanted
        matches = self.others.get(wanted) or self.others.get(normalise(query)) or []
        if len(matches) > 1:
            raise AmbiguousRoleError(query, matches)
        if not matches:
            raise UnknownRoleError(query, self.suggest(query))
        return matches[0]

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Slugs of the roles closest to ``query`` (by slug or title), best first.

        Only near-best matches are offered: one good suggestion beats three doubtful ones.
        """
        import difflib  # only on the way to an error message

        wanted = normalise(query)
        if not wanted:
            return []
        scores: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(b=wanted)
        for slug, title, _ in self.names:
            for key in (slug, title):
                matcher.set_seq1(key)
                if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                    scores[slug] = max(scores.get(slug, 0.0), matcher.ratio())
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if ranked and ranked[0][1] >= 0.6:
            best = ranked[0][1]
            return [slug for slug, score in ranked if score >= max(0.6, best - 0.1)][:limit]
        return [slug for slug, title, _ in self.names if wanted in title][:limit]
