"""``jobcompare search TEXT``: roles ranked by how well their titles, O*NET alternate and
reported titles, and descriptions match what a person types.

Words match in any order, singular or plural, and as prefixes ("nurs reg" finds
Registered Nurses). A role's category never takes part. docs/titles.md gives the ranking.

Two ways to find the store's matching titles, with the same ranking on top:

- SQLite full-text search (FTS5), through the ``title_fts`` table that the importer adds
  to the store when it is built (importers/search_index.py; the store is read-only at
  run time);
- a plain scan (``LIKE``) of the ``title`` and ``onet_occupation`` tables, when this
  Python's SQLite has no FTS5 or the store has no ``title_fts``.

Either way the rows found are a superset of those that match, and each is checked and
scored here by the same rule (:func:`score`): both ways give the same results.

No Rich and no Typer here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from jobcompare.sources import title_keys
from jobcompare.sources.title_keys import (
    FTS_TABLE,
    RoleKey,
    folded,
    singular,
    title_key,
    words,
)

if TYPE_CHECKING:
    import sqlite3

#: Words that say nothing about a job; ignored in what is typed and in what is matched.
STOPWORDS = frozenset({"and", "or", "of", "the", "a", "an", "in", "for", "to", "with", "on"})

#: How much a match counts by where it was found.
WEIGHT = {"title": 1.0, "alternate": 0.85, "reported": 0.85, "description": 0.35}

#: A title that is exactly what was typed (singular/plural, any case) gets this on top.
EXACT_BONUS = 0.5

#: Of roles found alike (the same tier and preference), one that employs at least this many
#: times as many people as all the others together comes first, when their own titles
#: have every typed word and no other role's own title has them all (:func:`dominant`).
DOMINANT = 2.0

#: Per matching alternate/reported title of the same occupation, up to COUNT_CAP of them.
COUNT_BONUS = 0.01
COUNT_CAP = 5

#: How a role was found, best first; roles rank by tier, then by score (docs/titles.md).
#: A typed word matches a word "whole" when it is that word (singular or plural) or has
#: its root; else it only begins it ('nurse' in 'Nursemaid', 'Nursery').
TIER_EXACT = 0  # a title, alternate title or SOC code that is what was typed
TIER_TITLE = 1  # the role's own title has every typed word, whole
TIER_ALTERNATE = 2  # an alternate or reported title has every typed word, whole
TIER_TITLE_PREFIX = 3  # the role's own title, some typed word only beginning a word
TIER_ALTERNATE_PREFIX = 4  # an alternate or reported title, the same way
TIER_DESCRIPTION = 5  # an O*NET description only

_SUFFIXES = ("ments", "ment", "ings", "ing", "ers", "er", "ors", "or", "ions", "ion",
             "ists", "ist", "ed", "al")  # fmt: skip

_PARENTHESES = re.compile(r"\(([^)]*)\)")

_SOC_PREFIX = re.compile(r"\d\d(?:-?\d{0,4})?(?:\.\d\d)?")

#: What a title excepts ("Elementary School Teachers, Except Special Education"), up to the
#: next comma: it says what the occupation is not, so it marks no specialisation.
_EXCEPT = re.compile(r"\bexcept\b[^,]*", re.IGNORECASE)
#: Where a title's exception begins: what follows is not of it.
_EXCEPTING = re.compile(r",\s*except\b", re.IGNORECASE)
#: Words of an occupation's own title that make it a specialisation of a more general one
#: (docs/titles.md): special education teachers, postsecondary teachers, "All Other".
_SPECIALISATION = re.compile(r"\b(?:special education|postsecondary|all other)\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def root(word: str) -> str:
    """A word without its plural and one or two common suffixes, so that "developer" and
    "development", "nurse" and "nursing" meet: "develop", "nurs"."""
    word = singular(word)
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


class Query(NamedTuple):
    """What was typed, ready to match: its words (singular), their roots, the letters every
    word matching each of them begins with, and its title key."""

    text: str
    terms: tuple[str, ...]
    roots: tuple[str, ...]
    parts: tuple[str, ...]
    key: str

    def like_parts(self) -> list[str]:
        """Letters that every title matching this query has, one run per typed word."""
        return list(self.parts)

    @classmethod
    def of(cls, text: str) -> Query:
        terms = tuple(dict.fromkeys(singular(w) for w in words(text) if w not in STOPWORDS))
        roots = tuple(root(t) for t in terms)
        parts = tuple(_like_part(t, r) for t, r in zip(terms, roots, strict=True))
        return cls(text, terms, roots, parts, title_key(text))


def _term_matches(term: str, term_root: str, word: str) -> bool:
    """A typed word matches a word of a title when it begins it (singular or not), or when
    both have the same root (typed words of five letters or more)."""
    if word.startswith(term):
        return True
    word = singular(word)
    return word.startswith(term) or (len(term) >= 5 and root(word) == term_root)


def score(query: Query, text: str, kind: str, short: str | None = None) -> float:
    """:func:`assess`'s score alone."""
    return assess(query, text, kind, short)[0]


def assess(query: Query, text: str, kind: str, short: str | None = None) -> tuple[float, int]:
    """The score and the tier (TIER_*) of ``text`` (of ``kind``: title, alternate,
    reported, description). The score is how well it matches: 0 unless every typed word
    matches a word of it; else its weight times how much of it the typed words cover,
    plus EXACT_BONUS when it is what was typed (singular or plural, any case). An
    alternate title is also tried as its parts: "Registered Nurse (RN)" as itself, as
    "Registered Nurse", as "RN" and as its short title, best part counting (lowest tier,
    then highest score). A description only has to hold every typed word: it scores its
    weight."""
    if not query.terms:
        return 0.0, TIER_DESCRIPTION
    if kind == "description":
        tokens = words(text)
        found = _covered(query, tokens) is not None
        return (WEIGHT["description"] if found else 0.0), TIER_DESCRIPTION
    weight = WEIGHT.get(kind, WEIGHT["description"])
    own = kind == "title"
    variants = [text]
    inside = _PARENTHESES.findall(text)
    if inside:
        variants += [_PARENTHESES.sub(" ", text), *inside]
    if short:
        variants.append(short)
    best = (0.0, TIER_DESCRIPTION)
    for variant in variants:
        tokens = [w for w in words(variant) if w not in STOPWORDS]
        covered = _covered(query, tokens)
        if covered is not None:
            # Only a title whose every word was matched can be what was typed.
            exact = covered == 1.0 and title_key(variant) == query.key
            value = weight * (0.5 + 0.5 * covered) + (EXACT_BONUS if exact else 0.0)
            if exact:
                tier = TIER_EXACT
            elif _whole(query, tokens):
                tier = TIER_TITLE if own else TIER_ALTERNATE
            else:
                tier = TIER_TITLE_PREFIX if own else TIER_ALTERNATE_PREFIX
            if (tier, -value) < (best[1], -best[0]):
                best = (value, tier)
    return best


def _whole(query: Query, tokens: Sequence[str]) -> bool:
    """Whether each typed word is a word of ``tokens`` (singular or plural) or has the
    root of one (typed words of five letters or more), not only the beginning of one."""
    return all(
        any(_is_whole(term, term_root, part, w) for w in tokens)
        for term, term_root, part in zip(query.terms, query.roots, query.parts, strict=True)
    )


def _is_whole(term: str, term_root: str, part: str, word: str) -> bool:
    """Whether the typed ``term`` is ``word`` (singular or plural) or has its root."""
    return word.startswith(part) and (
        word == term or singular(word) == term or (len(term) >= 5 and root(word) == term_root)
    )


def held(query: Query, title: str, *, derived: bool = True) -> int:
    """How many of the typed words ``title`` has: the word itself, singular or plural
    ("driver" in "Truck Drivers"), or (unless not ``derived``), for a typed word of five
    letters or more that has a suffix, a word of the same root with a suffix of its own
    ("biller" in "Billing and Posting Clerks", "teacher" in "Teaching Assistants"; not
    "farmer" in "Farm"). What a title excepts is not of it: "Kindergarten Teachers, Except
    Special Education" has no "education"."""
    excepting = _EXCEPTING.search(title)
    have = {singular(w) for w in words(title[: excepting.start()] if excepting else title)}
    roots = {root(w) for w in have if _suffixed(w)} if derived else set()
    return sum(
        term in have or (len(term) >= 5 and _suffixed(term) and term_root in roots)
        for term, term_root in zip(query.terms, query.roots, strict=True)
    )


def _suffixed(word: str) -> bool:
    """Whether a singular word ends in one of the suffixes :func:`root` takes off."""
    return root(word) != word and word.endswith(_SUFFIXES)


def is_specialisation(title: str) -> bool:
    """Whether an occupation's own title makes it a specialisation of a more general one:
    it names special education, postsecondary teaching or "All Other" other than in what
    it excepts ("Teaching Assistants, Except Postsecondary" is the general one)."""
    return _SPECIALISATION.search(_EXCEPT.sub("", title)) is not None


def _covered(query: Query, tokens: Sequence[str]) -> float | None:
    """The share of ``tokens`` the typed words match, or None unless each typed word
    matches one of them."""
    if not tokens:
        return None
    used: set[int] = set()
    for term, term_root, part in zip(query.terms, query.roots, query.parts, strict=True):
        # Every word a term matches begins with its part: test the rest on those only.
        hits = [
            i
            for i, w in enumerate(tokens)
            if w.startswith(part) and _term_matches(term, term_root, w)
        ]
        if not hits:
            return None
        used.update(hits)
    return len(used) / len(tokens)


class SearchHit(NamedTuple):
    """One role found: its names, and the text of its that matched best."""

    slug: str
    title: str
    soc: str | None
    #: The title that matched (the role's own title for a description match).
    matched: str
    #: Where: "title", "soc", "alternate", "reported" or "description".
    how: str
    score: float
    #: How many of the occupation's alternate/reported titles matched.
    titles: int = 0
    #: How it was found (TIER_*): roles rank by tier first, then by score.
    tier: int = TIER_TITLE
    #: National employment (OEWS) when the store gives it: a tie-breaker.
    employment: int | None = None
    #: How many of the typed words the role's own title has whole; for a name found as an
    #: abbreviation or what a title has in parentheses ("CNA"), the most words of the
    #: written-out title ("Certified Nursing Assistant") its own title has, if more.
    own: int = 0
    #: As ``own``, counting only the words themselves, not words of their root.
    own_words: int = 0
    #: Whether an O*NET reported title (not only an alternate one) found it at its tier.
    reported: bool = False
    #: Whether its own title makes it a specialisation (:func:`is_specialisation`).
    special: bool = False

    @property
    def reason(self) -> str:
        if self.how == "title":
            return "title"
        if self.how == "soc":
            return "SOC code"
        if self.how == "description":
            return "O*NET description"
        return f"O*NET {self.how} title '{self.matched}'"


#: Short forms people write for a word of an occupation's title ("pharmacy tech"), and
#: the starts of the words they stand for (docs/titles.md).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "tech": ("technician", "technologist"),
    "rep": ("representative",),
    "asst": ("assistant",),
    "admin": ("administrator", "administrative"),
    "mgr": ("manager",),
    "dev": ("developer",),
    "surg": ("surgical",),
    "spec": ("specialist",),
    "coord": ("coordinator",),
    "maint": ("maintenance",),
}


def same_word(typed: str, word: str) -> bool:
    """A typed word of a title key is the title's word (both singular), or a short form."""
    return typed == word or any(word.startswith(long) for long in SHORT_FORMS.get(typed, ()))


def writes_short(key: str, title: str) -> bool:
    """Whether a name (its title key) writes ``title`` word by word with some short form
    of :data:`SHORT_FORMS`: "customer service rep" of Customer Service Representatives."""
    typed = key.split()
    if len(typed) < 2 or not any(word in SHORT_FORMS for word in typed):
        return False  # most names: no title key computed
    words_ = title_key(title).split()
    return len(typed) == len(words_) and all(
        same_word(t, w) for t, w in zip(typed, words_, strict=True)
    )


def search_roles(
    text: str,
    roles: Iterable[RoleKey],
    store: sqlite3.Connection | None = None,
    *,
    limit: int | None = 20,
    use_fts: bool | None = None,
    dominant_first: bool = True,
) -> list[SearchHit]:
    """The roles ``text`` finds, best first (at most ``limit``; None for all).

    ``roles`` are matched by title (and SOC code, when ``text`` is one); ``store`` adds the
    alternate/reported titles and descriptions of the occupations among them. ``use_fts``
    None takes FTS5 when both the store and this SQLite have it; False forces the plain
    scan (True insists on FTS5 and raises ``sqlite3.OperationalError`` without it).
    ``dominant_first`` False leaves the hits in :func:`rank_key`'s order, without putting
    a :func:`dominant` one first (the resolver, searching a name's candidates alone,
    decides that over every role itself).
    """
    query = Query.of(text)
    roles = list(roles)
    # slug -> (score, matched, how, tier)
    best: dict[str, tuple[float, str, str, int]] = {}
    counts: dict[str, int] = {}
    # slug -> (tier, kind) of every store title that matched; the written-out titles of the
    # exact matches found through an abbreviation or parentheses.
    kinds_at: dict[str, set[tuple[int, str]]] = {}
    spelled: dict[str, set[str]] = {}

    def offer(slug: str, value: float, matched: str, how: str, tier: int) -> None:
        held, held_text, _, held_tier = best.get(slug, (0.0, "", "", TIER_DESCRIPTION + 1))
        # The best tier, then the best score; of equal ones the shortest text, then the
        # first alphabetically, so that the order rows arrive in (which differs by path)
        # never shows.
        if (tier, -value, len(matched), matched) < (
            held_tier,
            -held,
            len(held_text),
            held_text,
        ):
            best[slug] = (value, matched, how, tier)

    code = text.strip()
    if _SOC_PREFIX.fullmatch(code) and any(c.isdigit() for c in code):
        digits = code.split(".")[0].replace("-", "")
        for slug, _, soc in roles:
            if soc and soc.replace("-", "").startswith(digits):
                offer(slug, WEIGHT["title"] + EXACT_BONUS, soc, "soc", TIER_EXACT)
    if query.terms:
        parts = query.like_parts()
        for slug, title, _ in roles:
            if all(part in folded(title) for part in parts):  # as the SQL fallback checks
                value, tier = assess(query, title, "title")
                if value and writes_short(query.key, title):  # its own title, written short
                    tier = TIER_EXACT
                    spelled.setdefault(slug, set()).add(title)  # its words, spelled out
                if value:
                    offer(slug, value, title, "title", tier)
    titles = {slug: (title, soc) for slug, title, soc in roles}
    if store is not None and query.terms:
        owners = _owners(roles, store)
        fts = _has_fts(store) if use_fts is None else use_fts
        rows = _store_rows(store, query, fts=fts, insist=use_fts is True)
        seen: set[tuple[str, str, str]] = set()
        scored: dict[tuple[str, str | None, float], tuple[float, int]] = {}
        for text_, short, kind, soc in rows:
            owner = owners.get(soc)
            if owner is None or (text_, kind, soc) in seen:
                continue
            seen.add((text_, kind, soc))  # an O*NET title listed under two O*NET codes
            # The same title recurs under other occupations and kinds: score it once.
            known = (text_, short, WEIGHT.get(kind, 0.0))
            assessed = scored.get(known)
            if assessed is None:
                assessed = scored[known] = assess(query, text_, kind, short)
            value, tier = assessed
            if not value:
                continue
            if kind == "description":
                offer(owner, value, titles[owner][0], kind, tier)
            else:
                counts[owner] = counts.get(owner, 0) + 1
                offer(owner, value, text_, kind, tier)
                kinds_at.setdefault(owner, set()).add((tier, kind))
                if tier == TIER_EXACT and title_key(text_) != query.key:
                    # What was typed is part of it: the other parts spell it out.
                    parts = [_PARENTHESES.sub(" ", text_), *_PARENTHESES.findall(text_)]
                    spelled.setdefault(owner, set()).update(parts)
    employment = {} if store is None else _employment(store, [titles[s][1] for s in best])
    hits = []
    for slug, (value, matched, how, tier) in best.items():
        count = counts.get(slug, 0)
        total = value + COUNT_BONUS * min(count, COUNT_CAP)
        title, soc = titles[slug]
        people = employment.get(soc or "")
        readings = [query, *(Query.of(t) for t in sorted(spelled.get(slug, ())))]
        own = max(held(q, title) for q in readings)
        own_words = max(held(q, title, derived=False) for q in readings)
        reported = (tier, "reported") in kinds_at.get(slug, ())
        hits.append(
            SearchHit(slug, title, soc, matched, how, total, count, tier, people, own,
                      own_words, reported, is_specialisation(title))
        )  # fmt: skip
    hits.sort(key=rank_key)
    if dominant_first:
        _dominant_first(query, hits, roles)
    return hits if limit is None else hits[:limit]


def rank_key(hit: SearchHit) -> tuple[int, int, bool, bool, int, float, int, int, int, str]:
    """The one order of roles found by a name, best first: by tier; then the preference
    of docs/titles.md (the more typed words the role's own title has, a reported title
    before an alternate one, the general occupation before a specialisation, the more
    typed words its own title has themselves); then score, the number of matching titles,
    employment, the shorter title, the title. It orders the search's hits, and (through
    :func:`search_roles`) the candidates of a name that could be several occupations
    (engine/titles.py), so both list them alike."""
    return (hit.tier, -hit.own, not hit.reported, hit.special, -hit.own_words, -hit.score,
            -hit.titles, -(hit.employment or 0), len(hit.title), hit.title)  # fmt: skip


def preference(hit: SearchHit) -> tuple[int, int, bool, bool, int]:
    """The part of :func:`rank_key` that says which role a name means (docs/titles.md)."""
    return rank_key(hit)[:5]


def dominant(query: Query, hits: Sequence[SearchHit], outside: Iterable[str]) -> SearchHit | None:
    """Of ``hits`` that nothing else tells apart, the one that employs DOMINANT times as
    many people as the others together (OEWS national employment, each one's published),
    when every one's own title has every typed word itself and none of the titles
    ``outside`` (the roles the name does not name) has them all: "truck driver" is heavy,
    not light, truck drivers; "surgeon" is neither orthopaedic nor pediatric surgeons, as
    "Surgeons, All Other" says "surgeon" too."""
    wanted = len(query.terms)
    if not wanted or len(hits) < 2:
        return None
    if any(held(query, hit.title, derived=False) < wanted for hit in hits):
        return None
    people = [hit.employment for hit in hits]
    if any(n is None for n in people):
        return None
    counts = [int(n or 0) for n in people]
    top = max(counts)
    if not top or top < DOMINANT * (sum(counts) - top):
        return None
    # Every word a typed word matches holds its first letters (Query.parts): test those
    # titles only (a plain loop: this runs over every occupation's title).
    parts = query.parts
    for title in outside:
        low = title.lower().replace("'", "")
        for part in parts:
            if part not in low:
                break
        else:
            if held(query, title, derived=False) == wanted:
                return None
    return hits[counts.index(top)]


def _dominant_first(query: Query, hits: list[SearchHit], roles: Sequence[RoleKey]) -> None:
    """Puts first the :func:`dominant` one of the hits that are what was typed and rank
    alike at the top, as the resolver picks it (engine/titles.py)."""
    if len(hits) < 2 or hits[0].tier != TIER_EXACT:
        return
    head = preference(hits[0])
    alike = [hit for hit in hits if hit.tier == TIER_EXACT and preference(hit) == head]
    exact = {hit.slug for hit in hits if hit.tier == TIER_EXACT}
    outside = (title for slug, title, _ in roles if slug not in exact)
    top = dominant(query, alike, outside)
    if top is not None and top is not hits[0]:
        hits.remove(top)
        hits.insert(0, top)


def _employment(store: sqlite3.Connection, socs: Sequence[str | None]) -> dict[str, int]:
    """National employment by SOC code: OEWS's national row (``oews_pay``, area
    '0000000', read through its primary key), or an ``employment`` column of the
    occupation table where a store has one; empty without either."""
    wanted = sorted({soc for soc in socs if soc})
    if not wanted:
        return {}
    tables = _tables(store)
    marks = ",".join("?" * len(wanted))
    if "oews_pay" in tables:
        sql = f"SELECT soc, employment FROM oews_pay WHERE soc IN ({marks}) AND area = '0000000'"
    elif "occupation" in tables:
        columns = {row[1] for row in store.execute("PRAGMA table_info(occupation)")}
        if "employment" not in columns:
            return {}
        sql = f"SELECT soc, employment FROM occupation WHERE soc IN ({marks})"
    else:
        return {}
    return {soc: n for soc, n in store.execute(sql, wanted) if isinstance(n, int)}


def titles_headed_by(
    text: str, store: sqlite3.Connection, *, use_fts: bool | None = None
) -> list[tuple[str, str, str]]:
    """(title, soc, kind) of the store's alternate and reported titles that end in the
    words of ``text`` after other words of their own: the titles of a kind of what ``text``
    names ("Computer Language Coder" for "coder"). Written-out titles only (a title
    without what it has in parentheses counts; a short title does not)."""
    query = Query.of(text)
    if not query.terms or not query.key:
        return []
    tail = " " + query.key
    fts = _has_fts(store) if use_fts is None else use_fts
    found: set[tuple[str, str, str]] = set()
    for title, short, kind, soc in _store_rows(store, query, fts=fts, insist=False):
        if kind == "description":
            continue
        keys = title_keys.keys_of(title, short)
        if any(via == "title" and key.endswith(tail) for key, via in keys):
            found.add((title, soc, kind))
    return sorted(found)


def is_title_word(word: str, store: sqlite3.Connection, *, use_fts: bool | None = None) -> bool:
    """Whether ``word`` (singular or plural) is a word of one of the store's alternate,
    reported or short titles."""
    query = Query.of(word)
    if len(query.terms) != 1:
        return False
    wanted = query.terms[0]
    fts = _has_fts(store) if use_fts is None else use_fts
    for text, short, kind, _ in _store_rows(store, query, fts=fts, insist=False):
        if kind != "description" and any(
            singular(w) == wanted for w in words(f"{text} {short or ''}")
        ):
            return True
    return False


def _owners(roles: Sequence[RoleKey], store: sqlite3.Connection) -> dict[str, str]:
    """SOC code -> the role its store titles belong to: the store's own occupation when it
    is among ``roles``, else the first role with that code."""
    owners: dict[str, str] = {}
    shared = False
    for slug, _, soc in roles:
        if soc:
            shared = shared or soc in owners
            owners.setdefault(soc, slug)
    if shared:  # only then does the store have to say which role is its occupation
        known = {slug for slug, _, _ in roles}
        official = _official_slugs(store).items()
        owners.update((soc, slug) for soc, slug in official if slug in known)
    return owners


def _tables(store: sqlite3.Connection) -> set[str]:
    return {n for (n,) in store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _official_slugs(store: sqlite3.Connection) -> dict[str, str]:
    if "occupation" not in _tables(store):
        return {}
    return dict(store.execute("SELECT soc, slug FROM occupation"))


def _has_fts(store: sqlite3.Connection) -> bool:
    # Asked through the module, so that a test can take FTS5 away.
    return FTS_TABLE in _tables(store) and title_keys.fts5_available(store)


def _store_rows(
    store: sqlite3.Connection, query: Query, *, fts: bool, insist: bool
) -> list[tuple[str, str | None, str, str]]:
    """The store rows to score: through FTS5 when ``fts``, falling back to the plain scan
    if FTS5 fails here (unless ``insist``)."""
    if fts:
        import sqlite3

        try:
            return list(_fts_rows(store, query))
        except sqlite3.OperationalError:
            if insist:
                raise
    return list(_plain_rows(store, query))


def _fts_rows(
    store: sqlite3.Connection, query: Query
) -> Iterator[tuple[str, str | None, str, str]]:
    """(text, short title, kind, soc) of the rows where each typed word's first letters
    (:meth:`Query.like_parts`) begin a word: every row :func:`score` could match, and few
    others."""
    match = " ".join(f'"{part}"*' for part in query.like_parts())
    if not match:
        return
    sql = f"SELECT text, short, kind, soc FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?"
    yield from store.execute(sql, (match,))


def _plain_rows(
    store: sqlite3.Connection, query: Query
) -> Iterator[tuple[str, str | None, str, str]]:
    """The same rows without FTS5: a LIKE scan for each typed word's first letters (its
    root, less a letter or two), checked afterwards by :func:`score`."""
    parts = query.like_parts()
    tables = _tables(store)
    if "title" in tables:
        where = " AND ".join(["(title LIKE ? OR short_title LIKE ?)"] * len(parts))
        params = [f"%{p}%" for p in parts for _ in (0, 1)]
        yield from store.execute(
            f"SELECT title, short_title, kind, soc FROM title WHERE {where}",
            params,
        )
    if "onet_occupation" in tables:
        where = " AND ".join(["description LIKE ?"] * len(parts))
        yield from store.execute(
            "SELECT description, NULL, 'description', soc FROM onet_occupation "
            f"WHERE soc IS NOT NULL AND {where}",
            [f"%{p}%" for p in parts],
        )


def _like_part(term: str, term_root: str) -> str:
    """Letters every word that :func:`_term_matches` ``term`` holds."""
    shortest = min(term, term_root, key=len)
    return shortest[: max(3, len(shortest) - 2)] if len(shortest) > 3 else shortest


class SearchResults(NamedTuple):
    """``jobcompare search TEXT``: what was typed, and the hits, best first."""

    text: str
    hits: tuple[SearchHit, ...]
