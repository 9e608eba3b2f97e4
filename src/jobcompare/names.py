"""Finding a role by what a person types: slug, title in any case, or SOC code."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_ONET_SUFFIX = re.compile(r"\.[0-9][0-9]\Z")


def _stem(word: str) -> str:
    """Enough of a word to match its plural or singular: "nurses", "nurse" -> "nurse"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def normalise(text: str) -> str:
    """ "Bill and Account Collectors" -> "bill-and-account-collectors"."""
    return _NOT_ALNUM.sub("-", text.lower()).strip("-")


class RoleNameError(LookupError):
    """What the user typed does not name exactly one role (the base of the errors below)."""


class AmbiguousRoleError(RoleNameError):
    """What the user typed names more than one role.

    ``reasons`` (optional) says, one line per candidate, best first, which role and why it
    matched, and ``more`` how many candidates were left out of them; ``read_as`` is the
    spelling a mistyped query was taken for. Without reasons the message is the short one
    for a title or SOC code that several roles share.
    """

    def __init__(
        self,
        query: str,
        slugs: Sequence[str],
        reasons: Sequence[str] = (),
        more: int = 0,
        read_as: str | None = None,
    ) -> None:
        self.query = query
        self.slugs = tuple(slugs)
        self.reasons = tuple(reasons)
        self.read_as = read_as
        if self.reasons:
            typed = f"'{query}'" + (f" (read as '{read_as}')" if read_as else "")
            lines = [f"{typed} could be several occupations; name one by its slug or SOC code:"]
            lines += [f"  {reason}" for reason in self.reasons]
            if more:
                lines.append(f"  ... and {more} more")
            message = "\n".join(lines)
        else:
            listed = ", ".join(f"'{s}'" for s in self.slugs)
            message = f"'{query}' matches several roles: {listed}. Use a slug."
        super().__init__(message)


class UnknownRoleError(RoleNameError):
    """No role matches what the user typed; ``suggestions`` are close slugs."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"unknown role '{query}'"
        if self.suggestions:
            quoted = [f"'{s}'" for s in self.suggestions]
            message += ". Did you mean " + ", ".join(quoted[:-1]) + (" or " if quoted[1:] else "")
            message += quoted[-1] + "?"
        super().__init__(message)


class UnresolvedRolesError(RoleNameError):
    """Several arguments failed to name a role: every one of them, in the order typed."""

    def __init__(self, errors: Sequence[AmbiguousRoleError | UnknownRoleError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


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
        # An O*NET-SOC code names its base occupation: "43-3011.00" is 43-3011.
        wanted = _ONET_SUFFIX.sub("", wanted)
        matches = self.others.get(wanted) or self.others.get(normalise(query)) or []
        if len(matches) > 1:
            raise AmbiguousRoleError(query, matches)
        if not matches:
            raise UnknownRoleError(query, self.suggest(query))
        return matches[0]

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Slugs of the roles closest to ``query``, best first: first the roles whose title
        has every word of it ("billing clerks" -> billing-and-posting-clerks), shortest
        title first; else the closest spellings, near-best only (one good suggestion beats
        three doubtful ones)."""
        import difflib  # only on the way to an error message

        wanted = normalise(query)
        if not wanted:
            return []
        words = [_stem(w) for w in wanted.split("-")]
        having = [
            (len(title), slug)
            for slug, title, _ in self.names
            if all(any(t.startswith(w) for t in map(_stem, title.split("-"))) for w in words)
        ]
        if having:
            return [slug for _, slug in sorted(having)[:limit]]
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
