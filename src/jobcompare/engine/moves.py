"""Where a job can lead: O*NET's related occupations of a role, each with its pay, outlook,
entry education, job zone and the skills a move asks to build (``jobcompare moves``), and
the skill gap between two compared roles (``jobcompare ROLE ROLE``).

The engine reads the store and returns named tuples; the moves view
(output/views/moves.py) turns them into what every format writes. docs/moves.md gives
every rule.

**The skill gap** from occupation A to occupation B, on O*NET 30.1's 35 skills, each rated
for importance (IM, 1-5) and level (LV, 0-7):

- the skills that matter in B are those B rates at importance ``IMPORTANT`` (3, "important")
  or more;
- for each, the **rise** is B's level minus A's level (O*NET's values as published, two
  decimals);
- **skills to build**: a rise above 0, the largest first (then B's importance, then name);
- **skills that carry over**: a rise of 0 or less, A already at or above B's level, by B's
  importance;
- the **gap** of a move is the sum of its rises (level points to build), 0 when nothing
  rises; ``--by gap`` puts the smallest first.

A rating O*NET recommends suppressing (``Recommend Suppress`` = Y) is not used: a skill
without both of its ratings on both sides is left out of the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from jobcompare.model import Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Figure


#: B's importance at or above which a skill counts in a move (O*NET's "important").
IMPORTANT = 3.0

SORT_KEYS: tuple[str, ...] = ("onet", "pay", "growth", "gap")

SKILLS_SOURCE = (
    "Skills (importance and level): O*NET 30.1 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license"
)

NO_SOC = "a hand-written role has no SOC code, so O*NET has no skill ratings for it"


class SkillChange(NamedTuple):
    """One skill from A to B: B's importance, A's and B's level, and the rise."""

    name: str
    importance: float  # B's
    level_from: float
    level_to: float

    @property
    def rise(self) -> float:
        return round(self.level_to - self.level_from, 2)


class Gap(NamedTuple):
    """The skill gap from one O*NET occupation to another, or why there is none."""

    from_label: str
    to_label: str
    from_code: str | None
    to_code: str | None
    build: tuple[SkillChange, ...] = ()
    carry: tuple[SkillChange, ...] = ()
    reason: str | None = None
    #: Skills important in B left out of the gap because O*NET suppresses a rating of
    #: theirs (B's, or A's), by name.
    suppressed: tuple[str, ...] = ()

    @property
    def total(self) -> float | None:
        if self.reason is not None:
            return None
        return round(sum(change.rise for change in self.build), 2)


Ratings = dict[str, tuple[float, float]]  # skill name -> (importance, level)
SkillRows = list[tuple[Any, ...]]  # (name, scale, value, recommend_suppress)


def _skill_rows(store: Store, onet_code: str) -> SkillRows:
    """O*NET 30.1's skill rows of one O*NET occupation (name, scale, value, suppress), read
    through the primary key: the occupation's OEWS code, then its O*NET code. Empty when
    the store was built without O*NET 30.1."""
    if "onet_skill" not in store.tables or "onet_occupation" not in store.tables:
        return []
    return store.query(
        "SELECT element_name, scale_id, value, recommend_suppress FROM onet_skill "
        "WHERE soc = (SELECT soc FROM onet_occupation WHERE onet_code = ?) AND onet_code = ?",
        (onet_code, onet_code),
    )


def _ratings(rows: SkillRows) -> Ratings:
    """An occupation's skill ratings: skill -> (IM, LV), for the skills with both ratings
    published and not recommended for suppression. Empty when O*NET has none."""
    scales: dict[str, dict[str, float]] = {}
    for name, scale, value, suppress in rows:
        if value is None or suppress == "Y":
            continue
        scales.setdefault(str(name), {})[str(scale)] = float(value)
    return {
        name: (scales[name]["IM"], scales[name]["LV"])
        for name in scales
        if "IM" in scales[name] and "LV" in scales[name]
    }


def _suppressed(rows: SkillRows) -> dict[str, float | None]:
    """An occupation's skills with a rating O*NET recommends suppressing: skill -> its
    published importance (None when that is the suppressed one)."""
    flagged = {str(name) for name, _, _, suppress in rows if suppress == "Y"}
    importance: dict[str, float | None] = dict.fromkeys(flagged)
    for name, scale, value, suppress in rows:
        if str(name) in flagged and scale == "IM" and value is not None and suppress != "Y":
            importance[str(name)] = float(value)
    return importance


def gap_between(
    store: Store,
    from_code: str | None,
    to_code: str | None,
    from_label: str,
    to_label: str,
    *,
    cache: dict[str, SkillRows] | None = None,
) -> Gap:
    """The skill gap from O*NET occupation ``from_code`` to ``to_code`` (module doc).
    ``cache`` keeps each occupation's skill rows, read once, for the next gap."""
    cache = {} if cache is None else cache

    def rows(code: str) -> SkillRows:
        if code not in cache:
            cache[code] = _skill_rows(store, code)
        return cache[code]

    def rated(code: str) -> Ratings:
        return _ratings(rows(code))

    for code, label in ((from_code, from_label), (to_code, to_label)):
        if code is None:
            return Gap(from_label, to_label, from_code, to_code, reason=f"{label}: {NO_SOC}")
        if not rated(code):
            return Gap(
                from_label, to_label, from_code, to_code,
                reason=_unrated(store, code, label),
            )  # fmt: skip
    assert from_code is not None and to_code is not None
    have, want = rated(from_code), rated(to_code)
    changes = [
        SkillChange(name, importance, have[name][1], level)
        for name, (importance, level) in want.items()
        if importance >= IMPORTANT and name in have
    ]
    build = sorted(
        (c for c in changes if c.rise > 0), key=lambda c: (-c.rise, -c.importance, c.name)
    )
    carry = sorted((c for c in changes if c.rise <= 0), key=lambda c: (-c.importance, c.name))
    # Important in B, but a rating on either side is suppressed: said, not dropped.
    target = _suppressed(rows(to_code))
    source = _suppressed(rows(from_code))
    left = {
        name for name, importance in target.items()
        if importance is not None and importance >= IMPORTANT
    } | {
        name for name in source
        if name in want and want[name][0] >= IMPORTANT
    }  # fmt: skip
    return Gap(
        from_label, to_label, from_code, to_code, tuple(build), tuple(carry),
        suppressed=tuple(sorted(left)),
    )  # fmt: skip


def _unrated(store: Store, code: str, label: str) -> str:
    """Why O*NET 30.1 gives no skill gap for the O*NET occupation ``code``: it has no
    ratings, or, for an OEWS occupation's own ``.00``, rates only occupations within it
    (15-2051: 15-2051.01 and .02), as the profile says."""
    from jobcompare.sources.onet_parts import own_code, parts_reason, source_name

    soc = code.split(".")[0]
    within = parts_reason(store, "onet-excel", soc) if code == own_code(soc) else None
    if within is not None:
        return f"{label} ({code}): {within}"
    return f"{source_name(store, 'onet-excel')} has no skill ratings for {label} ({code})"


def onet_codes(store: Store, soc: str | None) -> list[str]:
    """The O*NET occupations that speak for an OEWS code (``onet_link``), in code order."""
    if soc is None or "onet_link" not in store.tables:
        return []
    rows = store.query("SELECT onet_code FROM onet_link WHERE soc = ? ORDER BY onet_code", (soc,))
    return [str(code) for (code,) in rows]


def role_gap(store: Store, first: Role, second: Role) -> Gap:
    """The skill gap from the first compared role to the second. A role speaks through
    its SOC code's own O*NET occupation (``SOC.00``); a code O*NET rates only as parts
    has no rating of its own, and a hand-written role none at all (the reason says
    which)."""
    from jobcompare.sources.onet_parts import parts_reason, speaks_for_itself

    codes = []
    for role in (first, second):
        if role.soc is None:
            return Gap(first.title, second.title, None, None, reason=f"{role.title}: {NO_SOC}")
        linked = onet_codes(store, role.soc)
        if not speaks_for_itself(role.soc, linked):
            within = parts_reason(store, "onet", role.soc, linked)
            why = (
                f"{role.title}: {within}"
                if within
                else f"O*NET does not rate {role.title} ({role.soc})"
            )
            return Gap(first.title, second.title, None, None, reason=why)
        codes.append(linked[0])
    return gap_between(store, codes[0], codes[1], first.title, second.title)


class Move(NamedTuple):
    """One related occupation, with its figures and the gap from the role to it."""

    position: int  # O*NET's index (1 = most related)
    tier: str  # Primary-Short, Primary-Long, Supplemental
    onet_code: str
    title: str  # O*NET's title of the related occupation
    soc: str | None  # the OEWS code its figures are published under
    slug: str | None  # the store's role for that code
    median: Figure | None  # OEWS national annual median
    difference: int | None  # median minus the role's (exact figures only)
    difference_percent: float | None
    growth: float | None  # EP projected percent change 2024-34
    education: str | None  # EP typical entry education
    job_zone: int | None
    job_zone_change: int | None
    gap: Gap
    #: Why figures are missing (pay, projections), as the sources say.
    reasons: tuple[str, ...] = ()
    #: For an O*NET occupation within an OEWS occupation (15-1211.01 Health Informatics
    #: Specialists in 15-1211): that OEWS occupation's title. Its pay, growth and entry
    #: education are the OEWS occupation's (BLS publishes none for the part alone).
    part_of: str | None = None


class Moves(NamedTuple):
    """``jobcompare moves ROLE``: the role's own figures and its related occupations."""

    slug: str
    title: str
    soc: str | None
    onet_codes: tuple[str, ...]
    median: Figure | None
    growth: float | None
    education: str | None
    job_zone: int | None
    moves: tuple[Move, ...]
    #: Related O*NET occupations published by OEWS under the role's own code (left out).
    same_code: tuple[str, ...] = ()
    reason: str | None = None  # why there are no moves
    by: str = "onet"
    #: When O*NET rates only parts of the role's code (47-4090): which, so that the
    #: related occupations, job zone changes and gaps read as those parts'.
    parts: str | None = None
    sources: tuple[str, ...] = ()


def _median(store: Store, soc: str | None) -> Figure | None:
    from jobcompare.sources.store import NATION

    if soc is None:
        return None
    pay = store.area_pay(soc, NATION)
    return pay.figures["annual_p50"] if pay is not None else None


def _projection(store: Store, soc: str | None) -> tuple[float | None, str | None, str | None]:
    """(percent change, entry education, why missing) from BLS Employment Projections."""
    if soc is None or "ep_projection" not in store.tables:
        return None, None, None
    rows = store.query(
        "SELECT percent_change, entry_education, missing_reason FROM ep_projection WHERE soc = ?",
        (soc,),
    )
    if not rows:
        return None, None, "BLS Employment Projections 2024-34 do not project this occupation"
    change, education, reason = rows[0]
    return (
        None if change is None else float(change),
        None if education is None else str(education),
        None if reason is None else str(reason),
    )


def _job_zones(store: Store, codes: Sequence[str]) -> dict[str, int]:
    if not codes or "onet_job_zone" not in store.tables:
        return {}
    marks = ",".join("?" * len(codes))
    # Through onet_occupation's key to the job zone's (soc, onet_code) key: two lookups
    # per code, where onet_code alone would scan the table.
    rows = store.query(
        "SELECT o.onet_code, z.job_zone FROM onet_occupation o JOIN onet_job_zone z "
        f"ON z.soc = o.soc AND z.onet_code = o.onet_code WHERE o.onet_code IN ({marks})",
        list(codes),
    )
    return {str(code): int(zone) for code, zone in rows}


def find_moves(store: Store, role: Role, *, by: str = "onet", top: int | None = None) -> Moves:
    """O*NET's related occupations of ``role`` with their figures, sorted ``by`` O*NET's
    order, pay (the median's rise, largest first), growth (largest first) or gap
    (smallest first), at most ``top``. A role whose SOC code O*NET describes as several
    occupations gets the related occupations of each, once each, at its best index."""
    from jobcompare.sources.onet_parts import own_code, parts_reason, speaks_for_itself

    if by not in SORT_KEYS:
        raise ValueError(f"cannot sort by {by!r}: one of {', '.join(SORT_KEYS)}")
    codes = onet_codes(store, role.soc)
    median = _median(store, role.soc)
    growth, education, _ = _projection(store, role.soc)
    sources = _sources(store)
    parts = (
        parts_reason(store, "onet", role.soc, codes)
        if role.soc is not None and codes and not speaks_for_itself(role.soc, codes)
        else None
    )
    base = Moves(role.slug, role.title, role.soc, tuple(codes), median, growth, education,
                 None, (), by=by, sources=sources, parts=parts)  # fmt: skip
    if role.soc is None:
        reason = f"{role.title}: {NO_SOC}, nor related occupations"
        nearest = nearest_occupation(store, role)
        if nearest is not None:
            reason += (
                f"; its nearest official occupation is {nearest.title} ({nearest.soc}): "
                f"jobcompare moves {nearest.slug}"
            )
        return base._replace(reason=reason)
    if "onet_related" not in store.tables:
        return base._replace(reason="this store was built without O*NET 30.3")
    rows = store.query(
        "SELECT onet_code, related_onet_code, related_soc, related_title, tier, position "
        "FROM onet_related WHERE soc = ? ORDER BY position, onet_code, related_onet_code",
        (role.soc,),
    )
    if not rows:
        return base._replace(reason=f"O*NET 30.3 lists no related occupations for {role.title}")
    seen: dict[str, tuple[str, str | None, str, str, int]] = {}
    same: list[str] = []
    for source, related, related_soc, title, tier, position in rows:
        if related in seen or related in codes:
            continue
        if related_soc == role.soc:
            if f"{title} ({related})" not in same:  # once, though several parts name it
                same.append(f"{title} ({related})")
            continue
        seen[related] = (str(source), related_soc, str(title), str(tier), int(position))
    zones = _job_zones(store, [*codes, *seen])
    # The role's own zone is its own O*NET occupation's, never a part's (47-4090).
    own_zone = zones.get(codes[0]) if speaks_for_itself(role.soc, codes) else None
    named = {str(soc): (str(slug), str(title)) for soc, slug, title in store.query(
        "SELECT soc, slug, title FROM occupation"
    )}  # fmt: skip
    cache: dict[str, SkillRows] = {}
    moves = []
    for related, (source, soc, title, tier, position) in seen.items():
        figure = _median(store, soc)
        reasons = []
        if soc is None:
            reasons.append(f"{title}: OEWS publishes no figures for O*NET {related}")
        elif figure is not None and figure.value is None and figure.reason:
            reasons.append(f"{title}: median pay — {figure.reason}")
        difference, percent = _difference(median, figure)
        change, entry, why = _projection(store, soc)
        if change is None and why and soc is not None:
            reasons.append(f"{title}: projections — {why}")
        zone = zones.get(related)
        from_zone = zones.get(source)
        gap = gap_between(store, source, related, role.title, title, cache=cache)
        moves.append(
            Move(
                position,
                tier,
                related,
                title,
                soc,
                named[soc][0] if soc in named else None,
                figure,
                difference,
                percent,
                change,
                entry,
                zone,
                None if zone is None or from_zone is None else zone - from_zone,
                gap,
                tuple(reasons),
                named[soc][1] if soc in named and related != own_code(soc) else None,
            )
        )
    moves = sort_moves(moves, by)
    if top is not None:
        moves = moves[:top]
    return base._replace(job_zone=own_zone, moves=tuple(moves), same_code=tuple(same))


def _difference(own: Figure | None, other: Figure | None) -> tuple[int | None, float | None]:
    """Other minus own, and in percent of own, when both are exact published figures (a
    top-coded wage is only a lower bound: no difference is exact)."""
    if own is None or other is None or own.value is None or other.value is None:
        return None, None
    if own.at_least or other.at_least:
        return None, None
    difference = int(other.value - own.value)
    return difference, round(100 * difference / own.value, 4) if own.value else None


def sort_moves(moves: Sequence[Move], by: str) -> list[Move]:
    """O*NET's order; or by pay rise or growth, largest first; or by gap, smallest first.
    A move without the figure goes last; ties keep O*NET's order."""
    if by == "pay":
        return sorted(moves, key=lambda m: (m.difference is None, -(m.difference or 0), m.position))
    if by == "growth":
        return sorted(moves, key=lambda m: (m.growth is None, -(m.growth or 0), m.position))
    if by == "gap":
        return sorted(moves, key=lambda m: (m.gap.total is None, m.gap.total or 0, m.position))
    return sorted(moves, key=lambda m: m.position)


def _sources(store: Store) -> tuple[str, ...]:
    """The attributions behind a moves table: OEWS, EP, O*NET 30.3 and 30.1."""
    rows = store.source_rows
    keys = ("oews", "ep", "onet", "onet-excel")
    return tuple(str(rows[key][5]) for key in keys if key in rows)


class Nearest(NamedTuple):
    """The official occupation a hand-written role's title resolves to, and how."""

    slug: str
    title: str
    soc: str
    how: str


def nearest_occupation(store: Store, role: Role) -> Nearest | None:
    """The official occupation ``role``'s title names, by docs/titles.md's rules over the
    store's occupations alone: the resolver's clear winner, else the first of its ranked
    candidates; when the title names none, the first hit of a search for it, else for it
    without its last word, then its last two (the head noun of a title, "coordinator",
    says least about the field). None when nothing is found."""
    from jobcompare.engine.search import search_roles
    from jobcompare.engine.titles import TitleResolver

    official = [(e.slug, e.title, e.soc) for e in store.listing]
    resolver = TitleResolver(official, store.db, pick_fuzzy=False)
    resolution = resolver.resolve(role.title)
    if resolution.picked is not None:
        p = resolution.picked
        return Nearest(p.slug, p.title, p.soc or "", f"its title is the {p.reason}")
    if resolution.candidates and not resolution.message_only:
        p = resolution.candidates[0]
        count = len(resolution.candidates) + resolution.more
        return Nearest(p.slug, p.title, p.soc or "", f"first of {count} candidates, by {p.reason}")
    words = role.title.split()
    for end in range(len(words), 0, -1):
        text = " ".join(words[:end])
        hits = search_roles(text, official, store.db, limit=1)
        if hits:
            hit = hits[0]
            return Nearest(
                hit.slug,
                hit.title,
                hit.soc or "",
                f"first search hit for '{text}', by {hit.reason}",
            )
    return None
