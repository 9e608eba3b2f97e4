"""Where a job can lead: O*NET's related occupations of a role, or with
``--all-occupations`` the occupations closest to it in skills, each with its pay, outlook,
step in entry education and job zone, and the skills a move asks to build (``jobcompare
moves``), and the skill gap between two compared roles (``jobcompare ROLE ROLE``).

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
  rises.

A rating O*NET recommends suppressing (``Recommend Suppress`` = Y) is not used: a skill
without both of its ratings on both sides is left out of the gap.

**The education step** of a move: BLS's typical entry education before and after, counted
in levels of ``EDUCATION_LEVELS`` (+1: one level up). ``--by gap`` sorts by the **step**:
the gap plus ``EDUCATION_COST`` level points for each level up. ``--all-occupations`` ranks
by the **match**: the skill similarity (sources/skill_profiles.py) less ``MATCH_COST`` for
each level up, and lists the closest half in the role's own field (SOC major group) and
half in the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from jobcompare.text import with_article

if TYPE_CHECKING:
    from jobcompare.model import Amount, Role
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_types import Area, Figure, Parity


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

    found: dict[str, Ratings] = {}

    def rated(code: str) -> Ratings:
        if code not in found:
            found[code] = _ratings(rows(code))
        return found[code]

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


#: How pay in an area is adjusted for its price level (engine/areas.py:adjust): a figure,
#: the area's parity and the measure -> the adjusted amount, or None.
Adjuster = Callable[["Figure | None", "Parity | None", str], "Amount | None"]
#: The OEWS measure a move's pay is: the annual median.
ANNUAL = "annual_p50"

#: BLS's typical entry education levels (Employment Projections' education categories,
#: 8 to 1), lowest first: the scale the education step of a move is counted on.
EDUCATION_LEVELS: tuple[str, ...] = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
#: What a level of entry education up costs a move, in the skill gap's level points
#: (``--by gap``): as much as raising one skill from O*NET's "basic" to its "advanced"
#: anchors (docs/moves.md).
EDUCATION_COST = 4.0
#: What a level of entry education up costs a move in the similarity ranking
#: (``--all-occupations``).
MATCH_COST = 0.05
#: How many occupations ``--all-occupations`` lists unless ``--top`` says: the closest
#: half in the role's own field (SOC major group), half in the others; ``--by`` orders them.
CLOSEST = 20


def _words(text: str) -> str:
    """Lower case, apostrophes dropped, every other run of non-alphanumerics one space."""
    import re

    return " ".join(
        re.sub(r"[^0-9a-z]+", " ", text.casefold().replace("'", "").replace("’", "")).split()
    )


def education_level(text: str) -> str:
    """The BLS entry education level ``text`` names: the level itself in any case, or the
    start of one ("bachelor", "master's", "high school"). ValueError listing the levels
    otherwise."""
    wanted = _words(text)
    levels = {_words(level): level for level in EDUCATION_LEVELS}
    if wanted in levels:
        return levels[wanted]
    found = [level for words, level in levels.items() if wanted and words.startswith(wanted)]
    if len(found) == 1:
        return found[0]
    listed = "; ".join(f"'{level}'" for level in EDUCATION_LEVELS)
    raise ValueError(
        f"{text!r} is not one of BLS's typical entry education levels, lowest first: {listed}"
    )


def education_rank(level: str | None) -> int | None:
    """The level's place on BLS's scale, 0 (no formal credential) to 7 (doctoral)."""
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else None


def education_change(before: str | None, after: str | None) -> int | None:
    """Levels of entry education from ``before`` to ``after`` (+1: one level up), or None
    when either is missing."""
    first, second = education_rank(before), education_rank(after)
    return None if first is None or second is None else second - first


class Move(NamedTuple):
    """One move: an O*NET related occupation (or, with ``--all-occupations``, one of the
    occupations closest in skills), with its figures and the gap from the role to it."""

    position: int  # O*NET's index (1 = most related), or the rank by match
    tier: str | None  # Primary-Short, Primary-Long, Supplemental; None when ranked by match
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
    #: Levels of BLS entry education up (+) or down (-) from the role's.
    education_change: int | None = None
    #: How alike the two occupations' skills are (sources/skill_profiles.py), -1 to 1.
    similarity: float | None = None
    #: With --all-occupations: the similarity less MATCH_COST a level of education up.
    match: float | None = None
    #: O*NET's interest code of the occupation ("SCI"), and how many of the role's high
    #: points it keeps.
    interests: str | None = None
    interests_kept: int | None = None
    #: With --area: its annual median there, that median BEA-adjusted (--adjust), and the
    #: differences from the role's there (of the adjusted medians with --adjust).
    area_median: Figure | None = None
    area_adjusted: Amount | None = None
    area_difference: int | None = None
    area_difference_percent: float | None = None
    #: Its field: the OEWS category (SOC major group) of its occupation.
    category: str | None = None

    @property
    def step(self) -> float | None:
        """What ``--by gap`` sorts on: the skill gap plus EDUCATION_COST a level of entry
        education up (nothing for a level down, or when either level is unknown)."""
        if self.gap.total is None:
            return None
        up = max(self.education_change or 0, 0)
        return round(self.gap.total + EDUCATION_COST * up, 2)

    def in_field(self, soc: str | None) -> bool:
        """Whether the move stays in the field (SOC major group) of the role ``soc``."""
        return soc is not None and self.soc is not None and self.soc[:2] == soc[:2]


class Moves(NamedTuple):
    """``jobcompare moves ROLE``: the role's own figures and its moves."""

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
    #: "related" (O*NET's related occupations) or "all" (every occupation, by skills).
    scope: str = "related"
    #: How many occupations were ranked by skills (--all-occupations).
    ranked: int = 0
    #: The filters asked for: the highest entry education, the same job zone only.
    max_education: str | None = None
    same_zone: bool = False
    #: What the filters left out, one sentence each.
    left_out: tuple[str, ...] = ()
    #: With --interests: the role's interest code, or why it has none.
    interests: bool = False
    role_interests: str | None = None
    interests_reason: str | None = None
    #: With --area: the area (name, code), the role's median there, adjusted (--adjust),
    #: BEA's price parity (or why there is none) and the attributions it adds.
    area: tuple[str, str] | None = None
    adjust: bool = False
    area_median: Figure | None = None
    area_adjusted: Amount | None = None
    parity: Parity | None = None
    #: The role's field: its OEWS category (SOC major group).
    category: str | None = None


def _median(store: Store, soc: str | None, area: str | None = None) -> Figure | None:
    from jobcompare.sources.store import NATION

    if soc is None:
        return None
    pay = store.area_pay(soc, area or NATION)
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


def _interest_codes(store: Store, codes: Sequence[str]) -> dict[str, str]:
    """O*NET's interest code ("SCI") of each O*NET occupation it gives interests for."""
    from jobcompare.model import interest_code

    if not codes or "onet_interest" not in store.tables:
        return {}
    marks = ",".join("?" * len(codes))
    rows = store.query(
        "SELECT o.onet_code, i.high_point_1, i.high_point_2, i.high_point_3 "
        "FROM onet_occupation o JOIN onet_interest i "
        f"ON i.soc = o.soc AND i.onet_code = o.onet_code WHERE o.onet_code IN ({marks})",
        list(codes),
    )
    found = {str(code): interest_code(tuple(int(p) for p in points)) for code, *points in rows}
    return {code: letters for code, letters in found.items() if letters}


def kept(role: str | None, other: str | None) -> int | None:
    """How many of the role's high points (letters of its interest code) the other
    occupation's interest code has too, in any place; None when either has none."""
    if not role or not other:
        return None
    return len(set(role) & set(other))


class _Filters(NamedTuple):
    max_education: str | None = None
    same_zone: bool = False

    def keep(self, education: str | None, zone_change: int | None) -> str | None:
        """Why a move is left out (a key of :func:`_left_out`), None to keep it."""
        if self.max_education is not None:
            rank = education_rank(education)
            if rank is None:
                return "education unknown"
            if rank > EDUCATION_LEVELS.index(self.max_education):
                return "education"
        if self.same_zone:
            if zone_change is None:
                return "zone unknown"
            if zone_change != 0:
                return "zone"
        return None


def _left_out(counts: dict[str, int], filters: _Filters, what: str) -> tuple[str, ...]:
    """The sentences saying what the filters left out of ``what``."""
    level = (filters.max_education or "").lower()
    if level and not level.startswith(("no ", "some ")):
        level = with_article(level)  # "needs more than a bachelor's degree"
    # Why, for one move and for several.
    texts = {
        "education": (f"needs more than {level}", f"need more than {level}", "--max-education"),
        "education unknown": (
            "has no typical entry education from BLS",
            "have no typical entry education from BLS",
            "--max-education",
        ),
        "zone": ("is in another job zone", "are in another job zone", "--same-zone"),
        "zone unknown": ("has no job zone to compare", "have no job zone to compare",
                         "--same-zone"),
    }  # fmt: skip
    said = []
    for key, (one, several, option) in texts.items():
        n = counts.get(key, 0)
        if n:
            said.append(f"{n} of {what} {one if n == 1 else several} ({option})")
    return tuple(said)


def find_moves(
    store: Store,
    role: Role,
    *,
    by: str = "onet",
    top: int | None = None,
    all_occupations: bool = False,
    max_education: str | None = None,
    same_zone: bool = False,
    interests: bool = False,
    area: Area | None = None,
    adjust: Adjuster | None = None,
) -> Moves:
    """The moves from ``role``: O*NET's related occupations with their figures (a role
    whose SOC code O*NET describes as several occupations gets the related occupations of
    each, once each, at its best index), or with ``all_occupations`` the CLOSEST
    occupations by skills, ranked by match (docs/moves.md). ``max_education`` and
    ``same_zone`` leave moves out; ``by`` sorts them by O*NET's order (or the match),
    pay (the median's rise, largest first), growth (largest first) or gap (the step:
    gap plus the education cost, smallest first); ``interests`` then puts first the moves
    keeping more of the role's interest high points; ``top`` keeps the first N. With
    ``area``, each median and difference is also the area's, divided by the area's price
    parity with ``adjust``: the rule of area comparisons, engine/areas.py:adjust, handed
    in by the command (so that this module never imports the comparison's)."""
    from jobcompare.sources.onet_parts import parts_reason, speaks_for_itself

    if by not in SORT_KEYS:
        raise ValueError(f"cannot sort by {by!r}: one of {', '.join(SORT_KEYS)}")
    if max_education is not None and max_education not in EDUCATION_LEVELS:
        raise ValueError(f"unknown education level {max_education!r}")
    codes = onet_codes(store, role.soc)
    median = _median(store, role.soc)
    growth, education, _ = _projection(store, role.soc)
    sources = _sources(store, area is not None and adjust is not None)
    parts = (
        parts_reason(store, "onet", role.soc, codes)
        if role.soc is not None and codes and not speaks_for_itself(role.soc, codes)
        else None
    )
    base = Moves(role.slug, role.title, role.soc, tuple(codes), median, growth, education,
                 None, (), by=by, sources=sources, parts=parts,
                 scope="all" if all_occupations else "related", max_education=max_education,
                 same_zone=same_zone, interests=interests, category=role.category)  # fmt: skip
    if area is not None:
        parity = store.rpp(area.code) if adjust is not None else None
        local = _median(store, role.soc, area.code)
        base = base._replace(
            area=(area.name, area.code), adjust=adjust is not None, area_median=local,
            parity=parity, area_adjusted=adjust(local, parity, ANNUAL) if adjust else None,
        )  # fmt: skip
    if role.soc is None:
        reason = f"{role.title}: {NO_SOC}, nor related occupations"
        nearest = nearest_occupation(store, role)
        if nearest is not None:
            reason += (
                f"; its nearest official occupation is {nearest.title} ({nearest.soc}): "
                f"jobcompare moves {nearest.slug}"
            )
        return base._replace(reason=reason)
    own = speaks_for_itself(role.soc, codes)
    # The role's interest code: its own .00's only, never a part's (docs/mapping.md).
    if interests:
        if own:
            letters = _interest_codes(store, codes).get(codes[0])
            base = base._replace(
                role_interests=letters,
                interests_reason=None if letters else (
                    f"O*NET 30.3 gives no interests for {role.title}"
                ),
            )  # fmt: skip
        else:
            base = base._replace(
                interests_reason=f"{role.title} has no interests of its own: "
                f"{parts or 'O*NET 30.3 does not rate it'}"
            )
    if all_occupations:
        return _closest(store, role, base, codes, own, top, adjust)
    return _related(store, role, base, codes, own, top, adjust)


def _named(store: Store) -> dict[str, tuple[str, str, str]]:
    """Each OEWS occupation's slug, title and category (its SOC major group)."""
    return {str(soc): (str(slug), str(title), str(category)) for soc, slug, title, category
            in store.query("SELECT soc, slug, title, category FROM occupation")}  # fmt: skip


def _move(
    store: Store,
    base: Moves,
    named: dict[str, tuple[str, str, str]],
    cache: dict[str, SkillRows],
    source: str,
    related: str,
    soc: str | None,
    title: str,
    position: int,
    tier: str | None,
    zones: dict[str, int],
    projection: tuple[float | None, str | None, str | None] | None = None,
    adjust: Adjuster | None = None,
) -> Move:
    """One move from the role's O*NET occupation ``source`` to ``related`` (under the
    OEWS code ``soc``), with its figures."""
    from jobcompare.sources.onet_parts import own_code

    figure = _median(store, soc)
    reasons = []
    if soc is None:
        reasons.append(f"{title}: OEWS publishes no figures for O*NET {related}")
    elif figure is not None and figure.value is None and figure.reason:
        reasons.append(f"{title}: median pay — {figure.reason}")
    difference, percent = _difference(base.median, figure)
    change, entry, why = projection if projection is not None else _projection(store, soc)
    if change is None and why and soc is not None:
        reasons.append(f"{title}: projections — {why}")
    zone = zones.get(related)
    from_zone = zones.get(source)
    gap = gap_between(store, source, related, base.title, title, cache=cache)
    move = Move(
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
        education_change(base.education, entry),
        category=named[soc][2] if soc in named else None,
    )
    if base.area is not None and soc is not None:
        move = _in_area(store, base, move, soc, adjust)
    return move


def _in_area(store: Store, base: Moves, move: Move, soc: str, adjust: Adjuster | None) -> Move:
    """``move`` with its median in the area, adjusted with --adjust, and the difference
    from the role's there (of the adjusted medians with --adjust)."""
    assert base.area is not None
    local = _median(store, soc, base.area[1])
    reasons = list(move.reasons)
    if local is None:
        from jobcompare.sources.store import NO_ESTIMATE

        reasons.append(f"{move.title}: median pay in {base.area[0]} — {NO_ESTIMATE}")
    elif local.value is None and local.reason:
        reasons.append(f"{move.title}: median pay in {base.area[0]} — {local.reason}")
    difference, percent = _difference(base.area_median, local)
    shown = None
    if adjust is not None:
        shown = adjust(local, base.parity, ANNUAL)
        ours = base.area_adjusted
        exact = shown is not None and ours is not None and not shown.at_least and not ours.at_least
        difference = int(shown.value - ours.value) if exact else None  # type: ignore[union-attr]
        if not exact:  # no adjusted difference (no parity, or a bound): no percent of it
            percent = None
    return move._replace(
        area_median=local, area_adjusted=shown, area_difference=difference,
        area_difference_percent=percent, reasons=tuple(reasons),
    )  # fmt: skip


def _related(
    store: Store,
    role: Role,
    base: Moves,
    codes: list[str],
    own: bool,
    top: int | None,
    adjust: Adjuster | None,
) -> Moves:
    """O*NET's related occupations of the role (find_moves)."""
    from jobcompare.sources import skill_profiles

    assert role.soc is not None
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
    own_zone = zones.get(codes[0]) if own else None
    named = _named(store)
    profiles = skill_profiles.read(store, [*codes, *seen])
    letters = _interest_codes(store, list(seen)) if base.interests else {}
    cache: dict[str, SkillRows] = {}
    filters = _Filters(base.max_education, base.same_zone)
    counts: dict[str, int] = {}
    moves = []
    for related, (source, soc, title, tier, position) in seen.items():
        move = _move(store, base, named, cache, source, related, soc, title, position, tier,
                     zones, adjust=adjust)  # fmt: skip
        why = filters.keep(move.education, move.job_zone_change)
        if why is not None:
            counts[why] = counts.get(why, 0) + 1
            continue
        a, b = profiles.get(source), profiles.get(related)
        similarity = skill_profiles.similarity(a, b) if a and b else None
        moves.append(
            move._replace(
                similarity=None if similarity is None else round(similarity, 4),
                interests=letters.get(related),
                interests_kept=kept(base.role_interests, letters.get(related)),
            )
        )
    moves = _ordered(moves, base)
    if top is not None:
        moves = moves[:top]
    left = _left_out(counts, filters, f"O*NET's {len(seen)} related occupations")
    return base._replace(
        job_zone=own_zone, moves=tuple(moves), same_code=tuple(same), left_out=left,
        reason=None if moves or not left else "the filters leave none of them",
    )  # fmt: skip


def _closest(
    store: Store,
    role: Role,
    base: Moves,
    codes: list[str],
    own: bool,
    top: int | None,
    adjust: Adjuster | None,
) -> Moves:
    """The occupations closest to the role in skills (find_moves, ``all_occupations``):
    every OEWS occupation with a skill profile of its own, ranked by match."""
    from jobcompare.sources import skill_profiles
    from jobcompare.sources.onet_parts import own_code, parts_reason, source_name

    assert role.soc is not None
    label = source_name(store, "onet-excel")
    if not own:
        why = parts_reason(store, "onet-excel", role.soc) or base.parts
        return base._replace(
            reason=f"{role.title} has no skill ratings of its own to compare: "
            f"{why or f'{label} does not rate it'}"
        )
    profiles = skill_profiles.read(store)
    mine = profiles.get(codes[0])
    if mine is None:
        return base._replace(
            reason=f"{label} has no skill ratings for {role.title} ({codes[0]}) to compare"
        )
    zones = _job_zones(store, codes)
    own_zone = zones.get(codes[0])
    if "onet_job_zone" in store.tables:
        zones.update({str(c): int(z) for c, z in store.query(
            "SELECT onet_code, job_zone FROM onet_job_zone WHERE onet_code = soc || '.00'"
        )})  # fmt: skip
    projections: dict[str, tuple[float | None, str | None, str | None]] = {}
    if "ep_projection" in store.tables:
        projections = {
            str(soc): (
                None if change is None else float(change),
                None if entry is None else str(entry),
                None if why is None else str(why),
            )
            for soc, change, entry, why in store.query(
                "SELECT soc, percent_change, entry_education, missing_reason FROM ep_projection"
            )
        }
    filters = _Filters(base.max_education, base.same_zone)
    counts: dict[str, int] = {}
    scored: list[tuple[float, str, float]] = []
    for code, profile in profiles.items():
        if code == mine.onet_code:
            continue
        similarity = skill_profiles.similarity(mine, profile)
        if similarity is None:
            continue
        entry = projections.get(profile.soc, (None, None, None))[1]
        zone, from_zone = zones.get(code), zones.get(mine.onet_code)
        why = filters.keep(entry, None if zone is None or from_zone is None else zone - from_zone)
        if why is not None:
            counts[why] = counts.get(why, 0) + 1
            continue
        up = max(education_change(base.education, entry) or 0, 0)
        scored.append((round(similarity - MATCH_COST * up, 4), code, round(similarity, 4)))
    scored.sort(key=lambda item: (-item[0], item[1]))
    # The list: the closest in the role's own field (SOC major group) and the closest in
    # the others, half each (the rest from one when the other has too few).
    wanted = top or CLOSEST
    field = role.soc[:2]
    mine_first = [item for item in scored if item[1][:2] == field]
    others = [item for item in scored if item[1][:2] != field]
    half = min(len(mine_first), (wanted + 1) // 2)
    rest = min(len(others), wanted - half)
    half = min(len(mine_first), wanted - rest)
    chosen = {item[1] for item in (*mine_first[:half], *others[:rest])}
    pool = [(rank, item) for rank, item in enumerate(scored, start=1) if item[1] in chosen]
    named = _named(store)
    cache: dict[str, SkillRows] = {}
    letters = _interest_codes(store, sorted(chosen)) if base.interests else {}
    moves = []
    for rank, (match, code, similarity) in pool:
        soc = profiles[code].soc
        title = named[soc][1] if soc in named else code
        move = _move(store, base, named, cache, mine.onet_code, code, soc, title, rank, None,
                     zones, projections.get(soc, (None, None, None)), adjust)  # fmt: skip
        assert code == own_code(soc)
        moves.append(
            move._replace(
                similarity=similarity, match=match, interests=letters.get(code),
                interests_kept=kept(base.role_interests, letters.get(code)),
            )
        )  # fmt: skip
    moves = _ordered(moves, base)
    what = f"the {len(profiles) - 1} occupations {label} rates"
    left = _left_out(counts, filters, what)
    return base._replace(
        job_zone=own_zone, moves=tuple(moves), ranked=len(scored), left_out=left,
        reason=None if moves or not left else "the filters leave none of them",
    )  # fmt: skip


def _ordered(moves: list[Move], base: Moves) -> list[Move]:
    """``moves`` sorted ``base.by``; with --interests, those keeping more of the role's
    high points first (ties in that order); by match (--all-occupations' own order),
    those in the role's own field first, each group in that order."""
    moves = sort_moves(moves, base.by, local=base.area is not None)
    if base.interests and base.role_interests:
        moves.sort(key=lambda m: (m.interests_kept is None, -(m.interests_kept or 0)))
        if base.scope != "all" and base.by == "onet":
            # Within O*NET's tiers (each said once, in O*NET's order): interests reorder
            # the moves of a tier, never one tier's before another's.
            first: dict[str | None, int] = {}
            for move in sorted(moves, key=lambda m: m.position):
                first.setdefault(move.tier, move.position)
            moves.sort(key=lambda m: first[m.tier])
    if base.scope == "all" and base.by == "onet":
        # Grouped by field (sorts are stable: within each, the order above).
        moves.sort(key=lambda m: not m.in_field(base.soc))
    return moves


def _difference(own: Figure | None, other: Figure | None) -> tuple[int | None, float | None]:
    """Other minus own, and in percent of own, when both are exact published figures (a
    top-coded wage is only a lower bound: no difference is exact)."""
    if own is None or other is None or own.value is None or other.value is None:
        return None, None
    if own.at_least or other.at_least:
        return None, None
    difference = int(other.value - own.value)
    return difference, round(100 * difference / own.value, 4) if own.value else None


def sort_moves(moves: Sequence[Move], by: str, *, local: bool = False) -> list[Move]:
    """O*NET's order (or the rank by match); or by pay rise (in the area, when ``local``)
    or growth, largest first; or by the step (gap plus the education cost), smallest
    first. A move without the figure goes last; ties keep the first order."""
    if by == "pay":

        def rise(move: Move) -> int | None:
            return move.area_difference if local else move.difference

        return sorted(moves, key=lambda m: (rise(m) is None, -(rise(m) or 0), m.position))
    if by == "growth":
        return sorted(moves, key=lambda m: (m.growth is None, -(m.growth or 0), m.position))
    if by == "gap":
        return sorted(moves, key=lambda m: (m.step is None, m.step or 0, m.position))
    return sorted(moves, key=lambda m: m.position)


def _sources(store: Store, rpp: bool = False) -> tuple[str, ...]:
    """The attributions behind a moves table: OEWS, EP, O*NET 30.3 and 30.1 (and BEA's
    price parities with --adjust)."""
    rows = store.source_rows
    keys = ("oews", "ep", "onet", "onet-excel", *(("rpp",) if rpp else ()))
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
