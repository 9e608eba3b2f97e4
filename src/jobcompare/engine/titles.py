"""Finding a role by the name a person uses for it.

What a person types is tried in this order (docs/titles.md gives the rule in full):

1. a role's **slug** ("registered-nurses");
2. a **SOC code** ("29-1141", "291141"), or an O*NET-SOC code ("29-2011.00"), which names
   the OEWS occupation its figures roll up to;
3. a role's **exact title**, singular or plural, in any case, with punctuation and
   "and"/"&" ignored ("registered nurse" is Registered Nurses);
4. an **O*NET alternate or reported title**, or a short title ("RN", "CNA", "CEO"), from
   the store's ``title`` table;
5. the **closest spelling** of any of those.

The first rule that matches decides. It yields one clear winner, several candidates
ranked best first, or nothing (with suggestions). The roles are plain
``(slug, title, soc)`` tuples, so hand-written roles and the store's occupations are
resolved alike; the store connection, when given, adds the titles of step 4.

No Rich and no Typer here: the command line prints what :class:`Resolution` says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

from jobcompare.engine.search import (
    _EXCEPTING,
    SHORT_FORMS,
    Query,
    SearchHit,
    dominant,
    held,
    is_title_word,
    search_roles,
    titles_headed_by,
    writes_short,
)
from jobcompare.errors import (
    AmbiguousRoleError,
    Listed,
    UnknownRoleError,
    UnresolvedRolesError,
)
from jobcompare.sources.title_keys import (
    RoleKey,
    folded,
    keys_of,
    singular,
    title_key,
    words,
)
from jobcompare.text import normalise

if TYPE_CHECKING:
    import sqlite3

#: How a query matched its role.
How = Literal["slug", "soc", "onet", "title", "shortened", "alternate", "reported", "fuzzy"]

#: An alternate title's row: (title, OEWS SOC code, kind 'alternate'/'reported', matched via
#: 'title' or 'short').
TitleRow = tuple[str, str, str, str]

#: At most this many candidates are listed in an error; the rest are counted.
MAX_LISTED = 8
#: At most this many other meanings are named in the note of a name picked among several.
MAX_ALSO = 2
#: The closest spelling is taken only at this similarity (difflib ratio) or above, and only
#: when no other role comes within FUZZY_MARGIN of it.
FUZZY_PICK = 0.9
FUZZY_MARGIN = 0.05
#: Spellings at least this close are offered as suggestions.
FUZZY_SUGGEST = 0.75
#: A typed word is a small edit of a title's word when their edit distance
#: (:func:`edit_distance`) is at most this, by the typed word's length: one for a word of
#: up to four letters, two for a longer one.
SMALL_EDIT_SHORT, SMALL_EDIT_LONG, SHORT_WORD = 1, 2, 4
#: A typed word of at least this many letters that is itself a word of some title is
#: meant, not mistyped ("roof" is no typo of "room"); shorter ones ("an", "nd") may be.
REAL_WORD = 4

_SOC = re.compile(r"(\d\d)-?(\d{4})(?:\.(\d\d))?")


# -- results ------------------------------------------------------------------------------


class Candidate(NamedTuple):
    """A role that what was typed may name, and why."""

    slug: str
    title: str
    soc: str | None
    how: How
    #: What matched: the slug, code, role title or alternate titles (best first).
    matched: tuple[str, ...]
    #: Kinds of the alternate titles that matched ("alternate", "reported"), if any.
    kinds: tuple[str, ...] = ()
    #: Similarity of the spelling, for fuzzy matches (1.0 otherwise).
    score: float = 1.0

    @property
    def label(self) -> str:
        """ "Registered Nurses (29-1141)"."""
        return f"{self.title} ({self.soc})" if self.soc else self.title

    @property
    def reason(self) -> str:
        """Why this role matched, for a person: "O*NET alternate title 'Nurse'"."""
        if self.how == "slug":
            return "slug"
        if self.how == "soc":
            return "SOC code"
        if self.how == "onet":
            return f"O*NET-SOC code {self.matched[0]}, published by OEWS as {self.soc}"
        if self.how == "title":
            return "title"
        if self.how == "shortened":
            return "its title, each word shortened"
        if self.how == "fuzzy":
            return f"closest spelling, '{self.matched[0]}'"
        kinds = " and ".join(self.kinds) if self.kinds else self.how
        plural = "s" if len(self.matched) > 1 else ""
        quoted = ", ".join(f"'{m}'" for m in self.matched[:2])
        if len(self.matched) > 2:
            quoted += f" (+{len(self.matched) - 2} more)"
        return f"O*NET {kinds} title{plural} {quoted}"

    def line(self) -> str:
        """One line of a candidate list: "29-1141  Registered Nurses (registered-nurses):
        O*NET alternate title 'Nurse'"."""
        return f"{self.soc or '—':<7}  {self.title} ({self.slug}): {self.reason}"

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "title": self.title,
            "soc": self.soc,
            "how": self.how,
            "matched": list(self.matched),
            "kinds": list(self.kinds),
            "score": round(self.score, 4),
            "reason": self.reason,
        }


class Resolution(NamedTuple):
    """What one argument resolved to: a clear winner (``picked``), several ranked
    ``candidates`` (and how many more were left out), or nothing but ``suggestions``."""

    query: str
    picked: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()
    more: int = 0
    #: What to type instead: role slugs, or a title that names several occupations.
    suggestions: tuple[str, ...] = ()
    #: The spelling a mistyped query was read as (the fuzzy rule), else None.
    read_as: str | None = None
    #: Several roles share a title or SOC code: the short message of before.
    message_only: bool = False
    #: The candidates are close spellings, none of them sure enough to be taken.
    spellings: bool = False
    #: What else the name could mean, best first, when ``picked`` was preferred among
    #: several occupations that have it (docs/titles.md); ``more`` is not counted here.
    others: tuple[Candidate, ...] = ()
    #: The step of the preference (1-4, docs/titles.md) that picked it among them, or 0.
    preferred_by: int = 0
    #: The roles of ``suggestions`` that are a role's slug, in their order.
    suggested: tuple[Candidate, ...] = ()

    @property
    def slug(self) -> str | None:
        return self.picked.slug if self.picked else None

    @property
    def note(self) -> str | None:
        """The one line to print on stderr when the winner was not named by its slug:
        "'registered nurse' → Registered Nurses (29-1141)", with how it matched unless that
        was the title or SOC code itself; for a winner preferred among several, what else
        the name could mean instead: "'police officer' → Police and Sheriff's Patrol
        Officers (33-3051); also: Detectives and Criminal Investigators (33-3021)"."""
        if self.picked is None or self.picked.how == "slug":
            return None
        note = f"'{self.query.strip()}' → {self.picked.label}"
        # Picked among several, it says what else the name could mean rather than how it
        # matched (a misspelling still says how it was read).
        if self.picked.how not in ("title", "soc") and (
            not self.others or self.picked.how == "fuzzy"
        ):
            note += f", by {self.picked.reason}"
        if self.others:
            also = [c.label for c in self.others[:MAX_ALSO]]
            rest = len(self.others) - len(also)
            note += "; also: " + ", ".join(also) + (f" and {rest} more" if rest else "")
        return note

    def error(self) -> AmbiguousRoleError | UnknownRoleError | None:
        """The usage error this resolution means, or None for a clear winner."""
        if self.picked is not None:
            return None
        if self.candidates:
            slugs = [c.slug for c in self.candidates]
            if self.message_only:  # several roles share a title or code: today's message
                return AmbiguousRoleError(self.query, slugs)
            reasons = [c.line() for c in self.candidates]
            listed = [Listed(c.soc, c.slug, c.title, c.reason) for c in self.candidates]
            return AmbiguousRoleError(
                self.query,
                slugs,
                reasons,
                self.more,
                self.read_as,
                spellings=self.spellings,
                listed=listed,
            )
        listed = [Listed(c.soc, c.slug, c.title, "") for c in self.suggested]
        return UnknownRoleError(self.query, self.suggestions, listed)


# -- the resolver -------------------------------------------------------------------------


class TitleResolver:
    """Resolves what people type to one of ``roles``; ``store`` (an open connection to the
    SQLite store, read-only is enough) adds O*NET's alternate and reported titles and its
    code roll-up. ``pick_fuzzy=False`` turns the closest spelling into a suggestion only."""

    def __init__(
        self,
        roles: Iterable[RoleKey],
        store: sqlite3.Connection | None = None,
        *,
        pick_fuzzy: bool = True,
    ) -> None:
        self.roles: list[RoleKey] = list(roles)
        self.store = store
        self.pick_fuzzy = pick_fuzzy

    # Built only when a query gets that far: a slug needs none of them but the first.
    @cached_property
    def _by_slug(self) -> dict[str, RoleKey]:
        return {role[0]: role for role in self.roles}

    @cached_property
    def _by_soc(self) -> dict[str, list[str]]:
        socs: dict[str, list[str]] = {}
        for slug, _, soc in self.roles:
            if soc:
                socs.setdefault(soc, []).append(slug)
        return socs

    @cached_property
    def _by_key(self) -> dict[str, list[str]]:
        keys: dict[str, list[str]] = {}
        for slug, title, _ in self.roles:
            keys.setdefault(title_key(title), []).append(slug)
        return keys

    @cached_property
    def _tables(self) -> frozenset[str]:
        if self.store is None:
            return frozenset()
        rows = self.store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return frozenset(name for (name,) in rows)

    @cached_property
    def _official_slug(self) -> dict[str, str]:
        """SOC code -> the store's own slug for it (``occupation.slug``)."""
        if "occupation" not in self._tables:
            return {}
        assert self.store is not None
        return dict(self.store.execute("SELECT soc, slug FROM occupation"))

    def _candidate(
        self, slug: str, how: How, matched: Sequence[str] = (), **more: object
    ) -> Candidate:
        _, title, soc = self._by_slug[slug]
        return Candidate(slug, title, soc, how, tuple(matched) or (title,), **more)  # type: ignore[arg-type]

    def _role_of_soc(self, soc: str) -> str | None:
        """The one role an OEWS code stands for: the only role with it, else the store's own
        occupation when it is among the roles (a hand-written role that shares the code
        never takes its titles)."""
        slugs = self._by_soc.get(soc, [])
        if len(slugs) == 1:
            return slugs[0]
        official = self._official_slug.get(soc)
        if official in slugs:
            return official
        return slugs[0] if slugs else None

    # -- the rules, in order --

    def resolve(self, query: str) -> Resolution:
        """What ``query`` names, by the first rule that matches (see the module doc)."""
        wanted = query.strip().lower()
        if wanted in self._by_slug:
            return Resolution(query, self._candidate(wanted, "slug", (wanted,)))
        return (
            self._by_code(query)
            or self._by_title(query)
            or self._by_alternate(query)
            or self._by_spelling(query)
        )

    def _by_code(self, query: str) -> Resolution | None:
        code = _SOC.fullmatch(query.strip())
        if code is None:
            return None
        major, minor, detail = code.groups()
        soc = f"{major}-{minor}"
        if soc not in self._by_soc and "onet_occupation" in self._tables:
            # An O*NET code OEWS publishes within an aggregate: 29-2011(.00) is in 29-2010.
            assert self.store is not None
            onet = f"{soc}.{detail or '00'}"
            row = self.store.execute(
                "SELECT soc FROM onet_occupation WHERE onet_code = ?", (onet,)
            ).fetchone()
            if row is None or row[0] is None or row[0] not in self._by_soc:
                return Resolution(query)  # a well-formed code that names nothing
            role = self._role_of_soc(row[0])
            assert role is not None  # row[0] is in _by_soc
            return Resolution(query, self._candidate(role, "onet", (onet,)))
        slugs = self._by_soc.get(soc, [])
        if len(slugs) > 1 and self._official_slug.get(soc) in slugs:
            slugs = [self._official_slug[soc]]
        if not slugs:
            return Resolution(query)
        return self._one_or_several(query, slugs, "soc")

    def _by_title(self, query: str) -> Resolution | None:
        """Rule 3: the roles whose title has the query's key; else those whose title has
        it without what the title excepts ("kindergarten teacher": Kindergarten Teachers,
        Except Special Education)."""
        key = title_key(query)
        if not key:
            return None
        slugs = self._titled(key) or self._without_exception.get(key, [])
        return self._one_or_several(query, slugs, "title") if slugs else None

    def _titled(self, key: str) -> list[str]:
        """The slugs of the roles whose title has the key ``key``."""
        if "_by_key" in self.__dict__:
            return self._by_key.get(key, [])
        # Key only the titles that hold every word (as the LIKE fallback does).
        parts = [w[: max(3, len(w) - 2)] for w in key.split()]
        return [
            slug
            for slug, title, _ in self.roles
            if all(p in folded(title) for p in parts) and title_key(title) == key
        ]

    @cached_property
    def _without_exception(self) -> dict[str, list[str]]:
        """Key of a title without what it excepts -> the slugs of the roles (a few dozen
        titles say "Except")."""
        keys: dict[str, list[str]] = {}
        for slug, title, _ in self.roles:
            if "xcept" in title:
                key = key_without_exception(title)
                if key:
                    keys.setdefault(key, []).append(slug)
        return keys

    def _one_or_several(self, query: str, slugs: Sequence[str], how: How) -> Resolution:
        candidates = tuple(self._candidate(slug, how) for slug in slugs)
        if len(candidates) == 1:
            return Resolution(query, candidates[0])
        return Resolution(query, candidates=candidates, message_only=True)

    def _by_alternate(self, query: str) -> Resolution | None:
        if "title" not in self._tables:
            return None
        key = title_key(query)
        if not key:
            return None
        rows = self._title_rows(key)
        if len(key.split()) == 1 and any(via == "title" for _, _, _, via in rows):
            # A one-word name written out also names its kinds in another line of work
            # (a longer name, "traffic manager", says which line itself): "Computer
            # Language Coder" is a coder, so "coder" may be a computer programmer as well as
            # a medical coder; "Tax Accountant" is an accountant of the same major group as
            # Accountants and Auditors, so "accountant" stays theirs (docs/titles.md). Not
            # an abbreviation.
            # An occupation whose own title holds the name ("Accountants and Auditors")
            # is what the name means, whatever its kinds.
            assert self.store is not None
            groups = {str(soc)[:2] for _, soc, _, _ in rows if soc}
            if not self._own_title_holds(key, {str(soc) for _, soc, _, _ in rows if soc}):
                rows += [
                    (t, soc, kind, "head")
                    for t, soc, kind in titles_headed_by(query, self.store)
                    if soc and str(soc)[:2] not in groups
                ]
        grouped: dict[str, list[TitleRow]] = {}
        for row in rows:
            slug = self._role_of_soc(row[1])
            if slug is not None:
                grouped.setdefault(slug, []).append(row)
        if not grouped:
            shortened = self._own_title_shortened(key, "")
            return None if shortened is None else Resolution(query, shortened)
        candidates = []
        kinds_only: set[str] = set()  # occupations that have only kinds of the name
        for slug, found in grouped.items():
            # An occupation that has the name itself is said to by it alone.
            if all(r[3] == "head" for r in found):
                kinds_only.add(slug)
            found = [r for r in found if r[3] != "head"] or found
            matched = tuple(dict.fromkeys(title for title, _, _, _ in found))
            kinds = tuple(k for k in ("alternate", "reported") if any(r[2] == k for r in found))
            how: How = "reported" if kinds == ("reported",) else "alternate"
            candidates.append(self._candidate(slug, how, matched, kinds=kinds))
        if len(candidates) == 1:
            shortened = self._own_title_shortened(key, candidates[0].slug)
            if shortened is not None:  # "customer service rep": Customer Service Representatives
                return Resolution(query, shortened, others=(candidates[0],), preferred_by=1)
            return Resolution(query, candidates[0])
        ranked = self._ranked(query, candidates)
        chosen = self._preferred(query, ranked, kinds_only)
        if chosen is not None:
            others = tuple(c for c, _ in ranked if c is not chosen[0])
            return Resolution(query, chosen[0], others=others, preferred_by=chosen[1])
        listed = tuple(c for c, _ in ranked[:MAX_LISTED])
        return Resolution(query, candidates=listed, more=len(ranked) - len(listed))

    def _own_title_shortened(self, key: str, other: str) -> Candidate | None:
        """The one occupation, other than ``other`` (found by an O*NET title), whose own
        title the name writes with a common short form (:data:`SHORT_FORMS`), word by
        word ("customer service rep" of Customer Service Representatives, "pharmacy tech"
        of Pharmacy Technicians): what a person means, before an alternate title of
        another occupation with the same words (docs/titles.md). None when there is not
        exactly one, or the name has no short form ("park attendant" is not Parking
        Attendants)."""
        if not any(word in SHORT_FORMS for word in key.split()):
            return None  # most names: no title to look at
        found = [
            slug for slug, title, _ in self.roles if slug != other and writes_short(key, title)
        ]
        return self._candidate(found[0], "shortened") if len(found) == 1 else None

    def _own_title_holds(self, key: str, socs: set[str]) -> bool:
        """Whether one occupation has the name (its key, ``key``) as a title and its own
        title holds each of the name's words ("accountant" in "Accountants and Auditors")."""
        if len(socs) != 1:
            return False
        (soc,) = socs
        own = [title for _, title, code in self.roles if code == soc]
        return bool(own) and set(key.split()) <= set(title_key(own[0]).split())

    def _preferred(
        self,
        query: str,
        ranked: Sequence[tuple[Candidate, SearchHit | None]],
        kinds_only: set[str],
    ) -> tuple[Candidate, int] | None:
        """The one of several occupations sharing a name that a person means and the step
        that found it, if the preference of docs/titles.md finds one; else None (they are
        listed). Each step keeps the candidates it prefers, when it prefers some, and
        picks when one is left (never a specialisation while a general occupation of its
        line of work, SOC major group, is a candidate: "english teacher" is listed):

        1. those whose own title has the most of the typed words (for an abbreviation, of
           the words it stands for), when one of them has a typed word itself (not only
           a word of its root): "police officer" is Police and Sheriff's Patrol Officers,
           "CNA" ("Certified Nursing Assistant") Nursing Assistants;
        2. unless a candidate left has only kinds of the name in another line of work (the
           name is then several things: "coder"), those with it as an O*NET reported
           title, not only an alternate one;
        3. the general occupations, not their specialisations (special education,
           postsecondary, "All Other") in the same line of work (SOC major group), when
           their own titles have typed words: "high school teacher" is not special
           education, "teacher's assistant" not postsecondary;
        4. the :func:`~jobcompare.engine.search.dominant` one of those left: when their
           own titles have every typed word (the words themselves) and no occupation the
           name does not name has them all, the one that employs DOMINANT times as many
           as the others left together (OEWS, national; each one's published): "truck
           driver" is heavy, not light, truck drivers; "surgeon" stays a list, as
           Surgeons, All Other have the word but not the O*NET title.
        """
        left = [(c, hit) for c, hit in ranked if hit is not None]
        if len(left) != len(ranked):  # one the search does not find: keep the list
            return None
        # Never a specialisation while a general occupation of its line of work could be
        # meant: "english teacher" is listed, not taken for postsecondary teachers. Only a
        # general occupation whose own title has typed words counts: "periodontist" is no
        # more Dentists, General than Dentists, All Other Specialists.
        general = {c.soc[:2] for c, hit in left if c.soc and not hit.special and hit.own}

        def pick(candidate: Candidate, hit: SearchHit, step: int) -> tuple[Candidate, int] | None:
            if hit.special and candidate.soc and candidate.soc[:2] in general:
                return None
            return candidate, step

        def keep(wanted: Sequence[bool]) -> bool:
            nonlocal left
            if any(wanted) and not all(wanted):
                left = [pair for pair, want in zip(left, wanted, strict=True) if want]
            return len(left) == 1

        most = max(hit.own for _, hit in left)
        # A word of the same root counts beside a word itself ("medical biller": Billing
        # and Posting Clerks), but never alone ("builder": "Manufactured Building").
        if any(hit.own == most and hit.own_words for _, hit in left) and keep(
            [hit.own == most for _, hit in left]
        ):
            return pick(*left[0], 1)
        if any(c.slug in kinds_only for c, _ in left):
            return None
        if keep(["reported" in c.kinds for c, _ in left]):
            return pick(*left[0], 2)
        # A specialisation gives way to a general occupation of its own line of work (SOC
        # major group, as for kinds), not to one of another.
        if keep([not (hit.special and c.soc and c.soc[:2] in general) for c, hit in left]):
            return pick(*left[0], 3)
        # Step 4: the one that employs DOMINANT times as many as the others together.
        named = {c.slug for c, _ in ranked}
        outside = (title for slug, title, _ in self.roles if slug not in named)
        top = dominant(Query.of(query), [hit for _, hit in left], outside)
        return None if top is None else pick(*next(p for p in left if p[1] is top), 4)

    def _ranked(
        self, query: str, candidates: Sequence[Candidate]
    ) -> list[tuple[Candidate, SearchHit | None]]:
        """``candidates`` in the one order of roles found by a name: the order
        :func:`~jobcompare.engine.search.search_roles` gives them for ``query``, each with
        its search hit (what the preference of :func:`_preferred` reads)."""
        roles = [self._by_slug[c.slug] for c in candidates]
        hits = search_roles(query, roles, self.store, limit=None, dominant_first=False)
        at = {hit.slug: n for n, hit in enumerate(hits)}
        by_slug = {hit.slug: hit for hit in hits}
        ordered = sorted(candidates, key=lambda c: (at.get(c.slug, len(at)), c.title))
        return [(c, by_slug.get(c.slug)) for c in ordered]

    def _title_rows(self, key: str) -> list[TitleRow]:
        """The store's alternate/reported titles whose key (or short title's key) is ``key``:
        from the ``title_key`` table when the store has it (built with the search index),
        else from the ``title`` table, narrowed by LIKE and checked here."""
        assert self.store is not None
        if "title_key" in self._tables:
            return list(
                self.store.execute(
                    "SELECT title, soc, kind, via FROM title_key WHERE key = ?", (key,)
                )
            )
        # Every word of the key, less its last letters (a plural may spell them otherwise),
        # is in the title or the short title.
        parts = [w[: max(3, len(w) - 2)] for w in key.split()]
        where = " AND ".join(["(title LIKE ? OR short_title LIKE ?)"] * len(parts))
        params = [f"%{p}%" for p in parts for _ in (0, 1)]
        found: list[TitleRow] = []
        sql = f"SELECT title, soc, kind, short_title FROM title WHERE {where}"
        for title, soc, kind, short in self.store.execute(sql, params):
            for row_key, via in keys_of(title, short):
                if row_key == key:
                    found.append((title, soc, kind, via))
                    break
        return sorted(set(found))  # as the key table has them: once each

    def _by_spelling(self, query: str) -> Resolution:
        """The closest spelling among role titles and (with the store) alternate titles.
        When one spelling is clearly the closest, the query is read as it: its role, or
        what the alternate-title rule makes of it. Otherwise the close ones are suggested.
        """
        import difflib  # only for a query no rule found

        key = title_key(query)
        scores: dict[str, tuple[float, str]] = {}  # spelling (a key) -> (ratio, title)
        owners: dict[str, set[str]] = {}  # spelling -> the roles it names
        if key:
            matcher = difflib.SequenceMatcher(b=key, autojunk=False)

            def consider(candidate: str, text: str, slug: str) -> None:
                if candidate in scores:
                    owners[candidate].add(slug)
                    return
                matcher.set_seq1(candidate)
                if (
                    matcher.real_quick_ratio() >= FUZZY_SUGGEST
                    and matcher.quick_ratio() >= FUZZY_SUGGEST
                ):
                    scores[candidate] = (matcher.ratio(), text)
                    owners[candidate] = {slug}

            for slug, title, _ in self.roles:
                consider(title_key(title), title, slug)
            for title, soc, candidate in self._alternate_keys(key):
                role = self._role_of_soc(soc)
                if role is not None:
                    consider(candidate, title, role)
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[0]))
        ranked = [item for item in ranked if item[1][0] >= FUZZY_SUGGEST]
        if ranked and self.pick_fuzzy:
            _, (best, text) = ranked[0]
            runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
            if best >= FUZZY_PICK and runner_up < best - FUZZY_MARGIN:
                if not self._small_edits(key, title_key(text)):
                    return self._spellings(query, ranked, owners)
                read = self._by_title(text) or self._by_alternate(text)
                if read is not None and read.picked is not None:
                    picked = read.picked._replace(how="fuzzy", matched=(text,), score=best)
                    return read._replace(query=query, picked=picked, read_as=text)
                if read is not None:
                    return read._replace(query=query, read_as=text)
        suggestions = tuple(self._suggest(query, ranked, owners))
        suggested = tuple(
            self._candidate(s, "fuzzy", score=0.0) for s in suggestions if s in self._by_slug
        )
        return Resolution(query, suggestions=suggestions, suggested=suggested)

    def _small_edits(self, typed: str, spelling: str) -> bool:
        """Whether the typed key reads as the spelling's key word for word, in order: each
        typed word is its word, or a typo of it (a SMALL_EDIT of it that is no word of any
        title, if it has REAL_WORD letters or more: a word typed as such is meant, not
        mistyped, so "roof" is no typo of "room"). Slips of the keyboard between words are
        typos too: a space left out ("crematoryoperators", "andengravers": keys drop the
        "and") and a stray word of one or two letters ("an", "nd": a mistyped "and")."""
        have, want = typed.split(), spelling.split()
        i = j = 0
        while i < len(have):
            word = have[i]
            if j < len(want) and self._typo_of(word, want[j]):
                i, j = i + 1, j + 1
                continue
            # Run together: with the next word, or with the "and" the keys leave out.
            joined = [(want[j] + "and", 1), ("and" + want[j], 1)] if j < len(want) else []
            if j + 1 < len(want):
                joined += [(want[j] + want[j + 1], 2), (want[j] + "and" + want[j + 1], 2)]
            step = next((n for text, n in joined if self._typo_of(word, text)), None)
            if step is not None:
                i, j = i + 1, j + step
            elif len(word) <= 2:  # a stray "an", "nd": a mistyped "and"
                i += 1
            else:
                return False
        return j == len(want)

    def _typo_of(self, word: str, meant: str) -> bool:
        """Whether the typed ``word`` is ``meant`` or a typo of it (:meth:`_small_edits`)."""
        if word == meant:
            return True
        # A key drops a final "s" ("glas" -> "gla"): the word may have had it, as typed.
        distance = min(edit_distance(word, meant), edit_distance(word + "s", meant))
        return distance <= small_edit(word) and (len(word) < REAL_WORD or not self._is_word(word))

    def _is_word(self, word: str) -> bool:
        """Whether ``word`` (a key's word: lower case, singular) is a word of a role's title
        or of one of the store's alternate, reported or short titles."""
        if word in self._title_words:
            return True
        if "title" not in self._tables:
            return False
        assert self.store is not None
        return is_title_word(word, self.store)

    @cached_property
    def _title_words(self) -> frozenset[str]:
        return frozenset(w for _, title, _ in self.roles for w in title_key(title).split())

    def _spellings(
        self,
        query: str,
        ranked: Sequence[tuple[str, tuple[float, str]]],
        owners: Mapping[str, set[str]],
    ) -> Resolution:
        """The roles of the close spellings (near-best only, closest first), none taken."""
        best = ranked[0][1][0]
        found: dict[str, Candidate] = {}
        for spelling, (score, text) in ranked:
            if score < best - 0.1:
                break
            for slug in sorted(owners[spelling]):
                if slug not in found:
                    found[slug] = self._candidate(slug, "fuzzy", (text,), score=score)
        listed = tuple(found.values())[:MAX_LISTED]
        more = len(found) - len(listed)
        return Resolution(query, candidates=listed, more=more, spellings=True)

    def _alternate_keys(self, key: str) -> list[tuple[str, str, str]]:
        """(title, soc, key) of the alternate titles that could be FUZZY_SUGGEST close to
        ``key``: of a length that allows it, and with a word that begins as one of its
        words does (a typo is seldom in the first two letters)."""
        if "title" not in self._tables:
            return []
        assert self.store is not None
        low = int(len(key) * FUZZY_SUGGEST / (2 - FUZZY_SUGGEST))
        high = int(len(key) * (2 - FUZZY_SUGGEST) / FUZZY_SUGGEST) + 1
        starts = sorted({w[:2] for w in key.split() if len(w) >= 3})
        if not starts:
            return []
        if "title_key" in self._tables:
            column, table, extra = "key", "title_key", " AND via = 'title'"
        else:  # the titles themselves, keyed here; a little longer than their keys
            column, table, extra = "lower(title)", "title", ""
            high += 10
        where = " OR ".join([f"{column} LIKE ? OR {column} LIKE ?"] * len(starts))
        params: list[object] = [p for s in starts for p in (f"{s}%", f"% {s}%")]
        sql = (
            f"SELECT DISTINCT title, soc, {column} FROM {table} "
            f"WHERE length({column}) BETWEEN ? AND ?{extra} AND ({where})"
        )
        rows = self.store.execute(sql, [low, high, *params])
        if table == "title_key":
            return list(rows)
        return [(title, soc, title_key(title)) for title, soc, _ in rows]

    def _suggest(
        self,
        query: str,
        ranked: Sequence[tuple[str, tuple[float, str]]],
        owners: Mapping[str, set[str]],
    ) -> list[str]:
        """What to type instead, at most three: the roles whose title has every word typed
        (as before); else the close spellings, near-best only, each as the slug of the one
        role it names or, naming several, as the title itself; else today's closest slugs.
        """
        names = [(slug, normalise(title)) for slug, title, _ in self.roles]
        typed = [singular(w) for w in words(query) if w != "and"]
        if typed and any(
            all(any(w.startswith(t) for w in map(singular, words(title))) for t in typed)
            for _, title, _ in self.roles
        ):
            return closest_slugs(names, query)  # the roles having every word, shortest first
        if self.store is not None:
            # A title holding every typed word itself (not a spelling close to the name):
            # what the search finds first, the one order of roles found by a name ("hvac
            # technician": HVAC mechanics, by 'HVAC Service Technician').
            terms = Query.of(query)
            hits = search_roles(query, self.roles, self.store, limit=3)
            if (
                hits
                and hits[0].how != "description"
                and terms.terms
                and (held(terms, hits[0].matched, derived=False) == len(terms.terms))
            ):
                return [h.slug for h in hits if h.how != "description"]
        if ranked:
            best = ranked[0][1][0]
            suggested: list[str] = []
            for spelling, (score, text) in ranked:
                if score < best - 0.1:
                    break
                # A role's title names that role (the title rule comes first).
                slugs = self._by_key.get(spelling) or sorted(owners[spelling])
                suggested.append(slugs[0] if len(slugs) == 1 else text)
            return list(dict.fromkeys(suggested))[:3]
        return closest_slugs(names, query)


def key_without_exception(title: str) -> str:
    """The key of a title without what it excepts, from ", Except" on ("Dispatchers,
    Except Police, Fire, and Ambulance" -> "dispatcher"); "" for a title that excepts
    nothing, or that is an "All Other" (the rest of its group, not the general one)."""
    found = _EXCEPTING.search(title)
    if found is None or title.rstrip().lower().endswith("all other"):
        return ""
    return title_key(title[: found.start()])


def small_edit(word: str) -> int:
    """The largest edit distance at which a typed ``word`` may be a typo of another."""
    return SMALL_EDIT_SHORT if len(word) <= SHORT_WORD else SMALL_EDIT_LONG


def edit_distance(a: str, b: str) -> int:
    """The Damerau-Levenshtein distance of ``a`` and ``b`` (optimal string alignment): the
    fewest letters inserted, deleted, replaced, or swapped with the next one, each once."""
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def resolve_roles(queries: Sequence[str], resolver: TitleResolver) -> list[Resolution]:
    """Every argument's resolution, in order; raises UnresolvedRolesError naming every
    argument that did not resolve (a lone failure raises its own error)."""
    resolutions = [resolver.resolve(q) for q in queries]
    errors = [e for e in (r.error() for r in resolutions) if e is not None]
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise UnresolvedRolesError(errors)
    return resolutions


def notes(resolutions: Iterable[Resolution]) -> list[str]:
    """The stderr lines for the arguments that were not named by their slug."""
    return [r.note for r in resolutions if r.note is not None]


def roles_of(rows: Iterable[Sequence[object]]) -> list[RoleKey]:
    """``(slug, title, soc)`` tuples from any rows that start with those three columns
    (catalogue listings, store rows)."""
    return [(str(r[0]), str(r[1]), None if r[2] is None else str(r[2])) for r in rows]


def _stem(word: str) -> str:
    """Enough of a word to match its plural or singular: "nurses", "nurse" -> "nurse"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def closest_slugs(names: Sequence[tuple[str, str]], query: str, limit: int = 3) -> list[str]:
    """Of the roles' ``(slug, normalised title)``, the slugs closest to ``query``, best
    first: first the roles whose title has every word of it ("billing clerks" ->
    billing-and-posting-clerks), shortest title first; else the closest spellings,
    near-best only (one good suggestion beats three doubtful ones)."""
    import difflib  # only on the way to an error message

    wanted = normalise(query)
    if not wanted:
        return []
    stems = [_stem(w) for w in wanted.split("-")]
    having = [
        (len(title), slug)
        for slug, title in names
        if all(any(t.startswith(w) for t in map(_stem, title.split("-"))) for w in stems)
    ]
    if having:
        return [slug for _, slug in sorted(having)[:limit]]
    scores: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(b=wanted)
    for slug, title in names:
        for key in (slug, title):
            matcher.set_seq1(key)
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
                scores[slug] = max(scores.get(slug, 0.0), matcher.ratio())
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if ranked and ranked[0][1] >= 0.6:
        best = ranked[0][1]
        return [slug for slug, score in ranked if score >= max(0.6, best - 0.1)][:limit]
    return [slug for slug, title in names if wanted in title][:limit]
