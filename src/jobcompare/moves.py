"""Where a job can lead: O*NET's related occupations of a role, each with its pay, outlook,
entry education, job zone and the skills a move asks to build (``jobcompare moves``), and
the skill gap between two compared roles (``jobcompare ROLE ROLE``).

The engine reads the store (store.py) and returns named tuples; ``*_document`` turn them
into the presentation's blocks (present.py) that every writer draws, and ``*_json`` /
:func:`moves_csv` into data. No Rich here. docs/moves.md gives every rule.

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
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from jobcompare.model import Role
    from jobcompare.present import Block, Document
    from jobcompare.store import Figure, Store

#: B's importance at or above which a skill counts in a move (O*NET's "important").
IMPORTANT = 3.0
#: Skills named per move in the moves table.
NAMED = 3
#: Skills listed per column in the skill gap block.
LISTED = 8
SortKey = Literal["onet", "pay", "growth", "gap"]
SORT_KEYS: tuple[str, ...] = ("onet", "pay", "growth", "gap")

SKILLS_SOURCE = (
    "Skills (importance and level): O*NET 30.1 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license"
)
RELATED_SOURCE = (
    "Related occupations and job zones: O*NET 30.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license"
)
NO_SOC = "a hand-written role has no SOC code, so O*NET has no skill ratings for it"


# -- the skill gap ------------------------------------------------------------------------


class SkillChange(NamedTuple):
    """One skill from A to B: B's importance, A's and B's level, and the rise."""

    name: str
    importance: float  # B's
    level_from: float
    level_to: float

    @property
    def rise(self) -> float:
        return round(self.level_to - self.level_from, 2)

    def as_dict(self) -> dict[str, object]:
        return {
            "skill": self.name,
            "importance": self.importance,
            "level_from": self.level_from,
            "level_to": self.level_to,
            "rise": self.rise,
        }


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

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.from_code,
            "to": self.to_code,
            "gap": self.total,
            "build": [c.as_dict() for c in self.build],
            "carry_over": [c.as_dict() for c in self.carry],
            "reason": self.reason,
            "source": SKILLS_SOURCE if self.reason is None else None,
            "suppressed": list(self.suppressed),
        }

    def suppressed_note(self) -> str | None:
        """Which important skills the gap leaves out, and why; None when none."""
        if not self.suppressed:
            return None
        return (
            f"Left out of the gap, as O*NET suppresses their rating (Recommend Suppress = "
            f"Y: low precision): {', '.join(self.suppressed)}"
        )


Ratings = dict[str, tuple[float, float]]  # skill name -> (importance, level)


def ratings(store: Store, onet_code: str) -> Ratings:
    """O*NET 30.1's skill ratings of one O*NET occupation: skill -> (IM, LV), for the
    skills with both ratings published and not recommended for suppression. Empty when
    O*NET has none (or the store was built without O*NET 30.1). Read through the primary
    key: the occupation's OEWS code, then its O*NET code."""
    if "onet_skill" not in store.tables or "onet_occupation" not in store.tables:
        return {}
    rows = store.query(
        "SELECT element_name, scale_id, value, recommend_suppress FROM onet_skill "
        "WHERE soc = (SELECT soc FROM onet_occupation WHERE onet_code = ?) AND onet_code = ?",
        (onet_code, onet_code),
    )
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


def suppressed_ratings(store: Store, onet_code: str) -> dict[str, float | None]:
    """The skills of one O*NET occupation with a rating O*NET recommends suppressing:
    skill -> its published importance (None when that is the suppressed one)."""
    if "onet_skill" not in store.tables or "onet_occupation" not in store.tables:
        return {}
    rows = store.query(
        "SELECT element_name, scale_id, value, recommend_suppress FROM onet_skill "
        "WHERE soc = (SELECT soc FROM onet_occupation WHERE onet_code = ?) AND onet_code = ?",
        (onet_code, onet_code),
    )
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
    cache: dict[str, Ratings] | None = None,
) -> Gap:
    """The skill gap from O*NET occupation ``from_code`` to ``to_code`` (module doc)."""
    cache = {} if cache is None else cache

    def rated(code: str) -> Ratings:
        if code not in cache:
            cache[code] = ratings(store, code)
        return cache[code]

    for code, label in ((from_code, from_label), (to_code, to_label)):
        if code is None:
            return Gap(from_label, to_label, from_code, to_code, reason=f"{label}: {NO_SOC}")
        if not rated(code):
            return Gap(
                from_label, to_label, from_code, to_code,
                reason=f"O*NET 30.1 has no skill ratings for {label} ({code})",
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
    target = suppressed_ratings(store, to_code)
    source = suppressed_ratings(store, from_code)
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


def onet_codes(store: Store, soc: str | None) -> list[str]:
    """The O*NET occupations that speak for an OEWS code (``onet_link``), in code order."""
    if soc is None or "onet_link" not in store.tables:
        return []
    rows = store.query("SELECT onet_code FROM onet_link WHERE soc = ? ORDER BY onet_code", (soc,))
    return [str(code) for (code,) in rows]


def role_gap(store: Store, first: Role, second: Role) -> Gap:
    """The skill gap from the first compared role to the second. A role speaks through
    the one O*NET occupation linked to its SOC code; a code O*NET splits into several has
    no single rating, and a hand-written role none at all (the reason says which)."""
    codes = []
    for role in (first, second):
        linked = onet_codes(store, role.soc)
        if role.soc is None:
            return Gap(first.title, second.title, None, None, reason=f"{role.title}: {NO_SOC}")
        if len(linked) != 1:
            why = (
                f"O*NET rates {role.title} as {len(linked)} occupations "
                f"({', '.join(linked)}), not as one"
                if linked
                else f"O*NET does not rate {role.title} ({role.soc})"
            )
            return Gap(first.title, second.title, None, None, reason=why)
        codes.append(linked[0])
    return gap_between(store, codes[0], codes[1], first.title, second.title)


# -- moves --------------------------------------------------------------------------------


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
    sources: tuple[str, ...] = ()


def _median(store: Store, soc: str | None) -> Figure | None:
    from jobcompare.store import NATION

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
    if by not in SORT_KEYS:
        raise ValueError(f"cannot sort by {by!r}: one of {', '.join(SORT_KEYS)}")
    codes = onet_codes(store, role.soc)
    median = _median(store, role.soc)
    growth, education, _ = _projection(store, role.soc)
    sources = _sources(store)
    base = Moves(role.slug, role.title, role.soc, tuple(codes), median, growth, education,
                 None, (), by=by, sources=sources)  # fmt: skip
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
            same.append(f"{title} ({related})")
            continue
        seen[related] = (str(source), related_soc, str(title), str(tier), int(position))
    zones = _job_zones(store, [*codes, *seen])
    own_zone = zones.get(codes[0]) if len(codes) == 1 else None
    slugs = dict(store.query("SELECT soc, slug FROM occupation"))
    cache: dict[str, Ratings] = {}
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
                slugs.get(soc),
                figure,
                difference,
                percent,
                change,
                entry,
                zone,
                None if zone is None or from_zone is None else zone - from_zone,
                gap,
                tuple(reasons),
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
    rows = store._sources
    keys = ("oews", "ep", "onet", "onet-excel")
    return tuple(str(rows[key][5]) for key in keys if key in rows)


# -- presenting ---------------------------------------------------------------------------


def _money(figure: Figure | None) -> str:
    from jobcompare.display import cell
    from jobcompare.fields import Kind
    from jobcompare.model import Amount

    if figure is None or figure.value is None:
        return "—"
    return cell(Kind.MONEY, Amount(figure.value, figure.at_least))


def _signed_money(value: int | None, percent: float | None) -> str:
    """A pay difference as a comparison shows one (display.difference): "-$33,150"."""
    from jobcompare.compare import Delta
    from jobcompare.display import difference
    from jobcompare.fields import Kind

    if value is None:
        return "—"
    return difference(Delta(value, "dollars", percent), Kind.MONEY).replace("same", "$0")


def _percent(value: float | None) -> str:
    """A projected change as a comparison shows one: "4.9%", "-0.4%"."""
    from jobcompare.display import cell
    from jobcompare.fields import Kind

    return cell(Kind.GROWTH, value)


def _zone(zone: int | None, change: int | None) -> str:
    from jobcompare.compare import Delta
    from jobcompare.display import difference
    from jobcompare.fields import Kind

    if zone is None:
        return "—"
    if change is None or change == 0:
        return str(zone)
    return f"{zone} ({difference(Delta(change, 'number'), Kind.NUMBER)})"


#: O*NET's relatedness tiers, shortened in a column when moves are sorted otherwise.
_TIERS = {"Primary-Short": "PS", "Primary-Long": "PL", "Supplemental": "S"}
_TIER_LEGEND = "PS Primary-Short, PL Primary-Long, S Supplemental"


def _tier(tier: str) -> str:
    return _TIERS.get(tier, tier)


def _named(gap: Gap) -> str:
    if gap.reason is not None:
        return "—"
    if not gap.build:
        return "none to build"
    return ", ".join(f"{c.name} (+{c.rise:.2f})" for c in gap.build[:NAMED])


def moves_document(found: Moves) -> Document:
    """What ``jobcompare moves`` shows: the role's figures, one row per related
    occupation, what the columns mean, and the sources."""
    from jobcompare.fields import Kind
    from jobcompare.present import (
        Cell,
        FigureTable,
        Heading,
        NoteList,
        Paragraph,
        RankedItem,
        RankedRow,
        RankedTable,
        TableRow,
    )

    title = f"Where {found.title} can lead"
    facts = [f"slug: {found.slug}"]
    if found.soc:
        facts.append(f"SOC {found.soc}")
    if found.onet_codes:
        facts.append("O*NET " + ", ".join(found.onet_codes))
    facts.append(f"median pay {_money(found.median)}")
    facts.append(f"growth 2024–34 {_percent(found.growth)}")
    if found.education:
        facts.append(f"entry: {found.education}")
    if found.job_zone is not None:
        facts.append(f"job zone {found.job_zone}")
    blocks: list[Block] = [Heading(title, 1), Paragraph(" · ".join(facts), "muted")]
    if found.reason is not None:
        blocks.append(Paragraph(f"No moves: {found.reason}.", "plain"))
    if found.moves:
        order = {
            "onet": "in O*NET's order (most related first)",
            "pay": "by the rise in median pay, largest first",
            "growth": "by projected growth, largest first",
            "gap": "by skill gap, smallest first",
        }[found.by]
        tiers = found.by == "onet"  # grouped by tier only in O*NET's own order
        # O*NET's index would only repeat the row's number: then left out of the table.
        repeats = tiers and all(m.position == n for n, m in enumerate(found.moves, start=1))
        index = "" if repeats else (
            " O*NET: its index of relatedness (1 = most related)"
            f"{'' if tiers else ' and tier (' + _TIER_LEGEND + ')'}."
        )  # fmt: skip
        blocks.append(
            Paragraph(
                f"O*NET's related occupations, {order}"
                f"{', by relatedness tier' if tiers else ''}.{index} Median pay: "
                f"OEWS national annual median, and its difference from {found.title}. "
                "Growth: projected change in employment 2024–34. Job zone: O*NET's "
                "preparation level, 1–5 (change from now). Gap: the O*NET skill levels "
                "(0–7) to build for the skills important in the new job (importance 3 or "
                "more of 5), summed; the skills that rise most are listed below.",
                "muted",
            )
        )
        rows = []
        for number, move in enumerate(found.moves, start=1):
            texts = (
                str(move.position) if tiers else f"{move.position} {_tier(move.tier)}",
                _money(move.median),
                _signed_money(move.difference, None),
                _percent(move.growth),
                _zone(move.job_zone, move.job_zone_change),
                "—" if move.gap.total is None else f"{move.gap.total:.2f}",
            )
            values = (move.position, move.median.value if move.median else None,
                      move.difference, move.growth, move.job_zone, move.gap.total)  # fmt: skip
            label = f"{number}. {move.title}"  # its SOC code is in the table below
            rows.append(
                TableRow(
                    move.onet_code,
                    label,
                    Kind.TEXT,
                    tuple(Cell(t, v) for t, v in zip(texts, values, strict=True)),
                    group=move.tier if tiers else None,
                )
            )
        columns: tuple[str, ...] = (
            "O*NET",
            "Median pay",
            "Difference",
            "Growth",
            "Job zone",
            "Gap",
        )
        if repeats:
            columns = columns[1:]
            rows = [row._replace(cells=row.cells[1:]) for row in rows]
        blocks.append(FigureTable(columns, tuple(rows), compact=True))
        blocks.append(Heading("Entry education and skills to build", 3))
        blocks.append(
            RankedTable(
                ("Occupation", "Typical entry education", "Skills that rise most (level rise)"),
                tuple(
                    RankedRow(
                        str(number),
                        (
                            RankedItem(f"{move.title} ({move.soc})" if move.soc else move.title),
                            RankedItem(move.education or "—"),
                            RankedItem(_named(move.gap)),
                        ),
                    )
                    for number, move in enumerate(found.moves, start=1)
                ),
            )
        )
    notes: list[str] = [r for move in found.moves for r in move.reasons]
    notes += [
        f"{move.title}: no skill gap — {move.gap.reason}"
        for move in found.moves
        if move.gap.reason is not None
    ]
    notes += [
        f"{move.title}: {note[0].lower()}{note[1:]}"
        for move in found.moves
        if (note := move.gap.suppressed_note()) is not None
    ]
    if found.same_code:
        notes.append(
            f"Left out, as OEWS publishes them under {found.soc} too: {', '.join(found.same_code)}"
        )
    if notes:
        blocks.append(NoteList("Notes", tuple(notes)))
    blocks.append(NoteList("Sources", found.sources))
    from jobcompare.present import Document as Document_

    return Document_(title, (), tuple(blocks))


def moves_json(found: Moves) -> dict[str, object]:
    from jobcompare import __version__
    from jobcompare.jsonout import SCHEMA_VERSION, amount

    def money(figure: Figure | None) -> object:
        from jobcompare.model import Amount

        if figure is None or figure.value is None:
            return None
        return amount(Amount(figure.value, figure.at_least))

    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "role": {
            "slug": found.slug,
            "title": found.title,
            "soc": found.soc,
            "onet_codes": list(found.onet_codes),
            "median_pay": money(found.median),
            "growth_percent": found.growth,
            "entry_education": found.education,
            "job_zone": found.job_zone,
        },
        "sort": found.by,
        "reason": found.reason,
        "moves": [
            {
                "position": m.position,
                "tier": m.tier,
                "onet_code": m.onet_code,
                "title": m.title,
                "soc": m.soc,
                "slug": m.slug,
                "median_pay": money(m.median),
                "median_pay_difference": m.difference,
                "median_pay_difference_percent": m.difference_percent,
                "growth_percent": m.growth,
                "entry_education": m.education,
                "job_zone": m.job_zone,
                "job_zone_change": m.job_zone_change,
                "skill_gap": m.gap.as_dict(),
                "notes": list(m.reasons),
            }
            for m in found.moves
        ],
        "same_code": list(found.same_code),
        "sources": list(found.sources),
    }


MOVES_CSV_HEADER = (
    "position", "tier", "onet_code", "title", "soc", "slug", "median_pay", "median_pay_bound",
    "median_pay_difference", "median_pay_difference_percent", "growth_percent",
    "entry_education", "job_zone", "job_zone_change", "skill_gap", "skills_to_build",
)  # fmt: skip


def moves_csv(found: Moves) -> str:
    """One record per move (figures as the sources give them, empty when missing), then
    the sources."""
    import csv
    import io

    from jobcompare.exports import _text

    def figure(value: object) -> str:
        return "" if value is None else str(value)

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(MOVES_CSV_HEADER)
    for m in found.moves:
        median = m.median.value if m.median is not None else None
        bound = "at_least" if m.median is not None and m.median.at_least else ""
        skills = "; ".join(f"{c.name} {c.level_from:g}->{c.level_to:g}" for c in m.gap.build)
        writer.writerow(
            (
                m.position,
                _text(m.tier),
                m.onet_code,
                _text(m.title),
                figure(m.soc),
                figure(m.slug),
                figure(median),
                bound,
                figure(m.difference),
                figure(m.difference_percent),
                figure(m.growth),
                _text(m.education),
                figure(m.job_zone),
                figure(m.job_zone_change),
                figure(m.gap.total),
                _text(skills),
            )
        )
    for source in found.sources:
        writer.writerow(("sources", "", "", _text(source), *[""] * 12))
    return buffer.getvalue()


# -- the skill gap block of a comparison ---------------------------------------------------


def gap_blocks(gap: Gap) -> list[Block]:
    """The **Skill gap** block of two compared roles: skills to build and skills that
    carry over, side by side, or why there is none."""
    from jobcompare.present import Heading, Paragraph, RankedItem, RankedRow, RankedTable

    blocks: list[Block] = [Heading("Skill gap", 2)]
    if gap.reason is not None:
        blocks.append(Paragraph(f"No skill gap: {gap.reason}.", "muted"))
        return blocks
    blocks.append(
        Paragraph(
            f"From {gap.from_label} to {gap.to_label}, on O*NET's skills important in "
            f"{gap.to_label} (importance 3 or more of 5): to build, those whose level (0–7) "
            "rises, most first; carrying over, those already at the level needed. "
            f"Gap: {gap.total:.2f} level points.",
            "muted",
        )
    )
    # O*NET gives levels to two decimals: shown so, every one alike ("3.00 → 4.12").
    build = [f"{c.name}: {c.level_from:.2f} → {c.level_to:.2f} (+{c.rise:.2f})"
             for c in gap.build]  # fmt: skip
    carry = [f"{c.name}: {c.level_from:.2f} → {c.level_to:.2f}" for c in gap.carry]
    rows = []
    for rank in range(max(min(len(build), LISTED), min(len(carry), LISTED), 1)):
        items = tuple(
            RankedItem(column[rank] if rank < len(column) else ("—" if rank == 0 else ""))
            for column in (build, carry)
        )
        rows.append(RankedRow(str(rank + 1), items))
    if len(build) > LISTED or len(carry) > LISTED:  # the JSON and CSV have them all
        more = tuple(
            RankedItem(f"… and {len(column) - LISTED} more" if len(column) > LISTED else "")
            for column in (build, carry)
        )
        rows.append(RankedRow("", more))
    blocks.append(RankedTable(("Skills to build", "Skills that carry over"), tuple(rows)))
    note = gap.suppressed_note()
    if note is not None:
        blocks.append(Paragraph(note + ".", "muted"))
    return blocks


def gap_csv(gap: Gap) -> str:
    """The skill gap as CSV records after a comparison's (same columns: section
    ``skill_gap``, field ``build.N.skill`` / ``.level_from`` / ``.level_to`` / ``.rise``,
    ``carry_over.N...``, ``gap``, ``reason``)."""
    import csv
    import io

    from jobcompare.exports import _text

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if gap.reason is not None:
        writer.writerow(("skill_gap", "reason", "", _text(gap.reason), "", ""))
        return buffer.getvalue()
    writer.writerow(("skill_gap", "gap", "", f"{gap.total:g}", "level", ""))
    for part, changes in (("build", gap.build), ("carry_over", gap.carry)):
        for number, change in enumerate(changes, start=1):
            key = f"{part}.{number}"
            writer.writerow(("skill_gap", f"{key}.skill", "", _text(change.name), "", ""))
            writer.writerow(("skill_gap", f"{key}.importance", "", f"{change.importance:g}",
                             "importance", ""))  # fmt: skip
            for name in ("level_from", "level_to", "rise"):
                value = getattr(change, name)
                writer.writerow(("skill_gap", f"{key}.{name}", "", f"{value:g}", "level", ""))
    for number, name in enumerate(gap.suppressed, start=1):
        writer.writerow(("skill_gap", f"suppressed.{number}", "", _text(name), "", ""))
    writer.writerow(("sources", "source", "", _text(SKILLS_SOURCE), "", ""))
    return buffer.getvalue()


def with_gap(document: Document, gap: Gap) -> Document:
    """``document`` with the skill gap block after its sections (before the notes), and
    O*NET 30.1 among its sources."""
    from jobcompare.present import NoteList, SectionBlock

    blocks = list(document.blocks)
    at = max((i for i, b in enumerate(blocks) if isinstance(b, SectionBlock)), default=-1) + 1
    blocks[at:at] = gap_blocks(gap)
    if gap.reason is None:
        for i, block in enumerate(blocks):
            if isinstance(block, NoteList) and block.title == "Sources":
                blocks[i] = block._replace(items=(*block.items, f"{SKILLS_SOURCE} — skill gap"))
    return document._replace(blocks=tuple(blocks))


# -- a hand-written role's nearest official occupation ------------------------------------


class Nearest(NamedTuple):
    """The official occupation a hand-written role's title resolves to, and how."""

    slug: str
    title: str
    soc: str
    how: str

    def as_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "title": self.title, "soc": self.soc, "how": self.how}

    def csv(self, role: str) -> str:
        """CSV records (a role's profile columns) naming the nearest occupation."""
        import csv
        import io

        from jobcompare.exports import _text

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for key in ("slug", "title", "soc", "how"):
            value = _text(getattr(self, key))
            writer.writerow(("nearest_occupation", key, role, value, "", ""))
        return buffer.getvalue()


def nearest_occupation(store: Store, role: Role) -> Nearest | None:
    """The official occupation ``role``'s title names, by docs/titles.md's rules over the
    store's occupations alone: the resolver's clear winner, else the first of its ranked
    candidates; when the title names none, the first hit of a search for it, else for it
    without its last word, then its last two (the head noun of a title, "coordinator",
    says least about the field). None when nothing is found."""
    from jobcompare.search import search_roles
    from jobcompare.titles import TitleResolver

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


def with_nearest(document: Document, nearest: Nearest) -> Document:
    """A hand-written role's profile with a line naming its nearest official occupation
    and the command that shows its official figures (after the facts line)."""
    from jobcompare.present import Paragraph

    line = (
        f"Nearest official occupation: {nearest.title} ({nearest.soc}), {nearest.how}. "
        "Its official figures:"
    )
    blocks = list(document.blocks)
    # The command on a line of its own, so that no wrapping splits it.
    blocks[2:2] = [Paragraph(line, "muted"), Paragraph(f"jobcompare show {nearest.slug}",
                                                       "plain")]  # fmt: skip
    return document._replace(blocks=tuple(blocks))
