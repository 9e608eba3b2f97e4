"""The moves view: ``jobcompare moves ROLE`` (O*NET's related occupations, or with
``--all-occupations`` the occupations closest in skills, with their figures, education
steps and skill gaps) as a document, its JSON (``$defs/moves``) and one CSV record per
move."""

from __future__ import annotations

from jobcompare import __version__
from jobcompare.engine.moves import EDUCATION_COST, MATCH_COST, Gap, Move, Moves
from jobcompare.engine.results import Delta
from jobcompare.output import blocks as b
from jobcompare.output.cells import cell, difference
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.encode import figure_json
from jobcompare.output.views.gap import gap_json, suppressed_note
from jobcompare.output.views.shape import SCHEMA_VERSION
from jobcompare.registry.fields import Kind
from jobcompare.sources.store_types import Figure
from jobcompare.text import MISSING, with_article

#: Skills named per move in the moves table.
NAMED = 3


def _money(figure: Figure | None) -> str:
    return cell(Kind.MONEY, None if figure is None else figure.amount())


def _signed_money(value: int | None) -> str:
    """A pay difference as a comparison shows one (cells.difference): "-$33,150"."""
    if value is None:
        return MISSING
    return difference(Delta(value, "dollars", None), Kind.MONEY).replace("same", "$0")


def _zone(zone: int | None, change: int | None) -> str:
    """The job zone before → after ("4 → 5"); the zone alone when it stays the same or
    the role has none."""
    if zone is None:
        return MISSING
    if change is None or change == 0:
        return str(zone)
    return f"{zone - change} → {zone}"


def _signed(change: int) -> str:
    """A change of levels as a comparison writes a difference: "+1", "-2"."""
    return f"+{change}" if change > 0 else f"-{-change}"


def education_step(before: str | None, move: Move) -> str:
    """The entry education before → after, with the levels up or down: "Bachelor's
    degree → Master's degree (+1)"; "Bachelor's degree (same)"."""
    after = move.education
    if after is None:
        return MISSING
    if before is None or move.education_change is None:
        return after
    if move.education_change == 0:
        return f"{after} (same)"
    return f"{before} → {after} ({_signed(move.education_change)})"


#: O*NET's relatedness tiers, shortened in a column when moves are sorted otherwise.
_TIERS = {"Primary-Short": "PS", "Primary-Long": "PL", "Supplemental": "S"}

_TIER_LEGEND = "PS Primary-Short, PL Primary-Long, S Supplemental"


def _tier(tier: str | None) -> str:
    return "" if tier is None else _TIERS.get(tier, tier)


def _named(gap: Gap) -> str:
    if gap.reason is not None:
        return "—"
    if not gap.build:
        return "none to build"
    return ", ".join(f"{c.name} (+{c.rise:.2f})" for c in gap.build[:NAMED])


#: Marks a move to an O*NET occupation within an OEWS occupation (its pay is the whole's).
PART_MARK = "*"


def _occupation(move: Move, found: Moves) -> str:
    """A move as the second table names it: with its OEWS code, and, for an O*NET
    occupation within an OEWS occupation, that occupation's title; with
    --all-occupations, a move out of the role's field with its field."""
    if move.soc is None:
        return move.title
    if move.part_of:
        return f"{move.title}{PART_MARK} (within {move.part_of}, {move.soc})"
    if found.scope == "all" and move.category and not move.in_field(found.soc):
        return f"{move.title} ({move.soc}; {move.category})"
    return f"{move.title} ({move.soc})"


def _field_group(move: Move, found: Moves) -> str:
    """The group of a move in --all-occupations' own order: in the role's field, or not."""
    if move.in_field(found.soc):
        return f"In its field: {found.category}" if found.category else "In its field"
    return "In other fields"


def _interests(move: Move, role: str | None) -> str:
    if move.interests is None:
        return MISSING
    if move.interests_kept is None or role is None:
        return move.interests
    return f"{move.interests} (keeps {move.interests_kept} of {len(role)})"


_ORDERS = {
    "pay": "by the rise in median pay, largest first",
    "growth": "by projected growth, largest first",
    "gap": (
        "by step, smallest first. Step: the skill gap plus {cost:g} level points for each "
        "level of typical entry education up"
    ),
}


def _lead(found: Moves) -> str:
    """What the table lists and in what order, and what its columns mean."""
    all_scope = found.scope == "all"
    if found.by == "gap" and all(m.gap.total is None for m in found.moves):
        order = (
            "in O*NET's order (most related first): no move has a skill gap to sort by"
            if not all_scope
            else "by match: no move has a skill gap to sort by"
        )
    elif found.by in _ORDERS:
        order = _ORDERS[found.by].format(cost=EDUCATION_COST)
    else:
        order = (
            "each by match, best first" if all_scope else "in O*NET's order (most related first)"
        )
    if found.interests and found.role_interests and not all_scope and found.by == "onet":
        order = (
            "each tier in O*NET's order (most related first), within it those keeping more "
            f"of the interest high points of {found.title} ({found.role_interests}) first"
        )
    if all_scope:
        inside = sum(m.in_field(found.soc) for m in found.moves)
        field = f" ({found.category})" if found.category else ""
        said = (
            f"Of the {found.ranked} occupations O*NET 30.1 rates{_filtered(found)}, the "
            f"{inside} closest in skills to {found.title} in its own field{field} and the "
            f"{len(found.moves) - inside} closest in other fields, {order}. Match: how alike "
            "the two occupations' 35 O*NET skills are (the cosine of their importance and "
            "level ratings, each standardised over all occupations; 1 is the same profile), "
            f"less {MATCH_COST:g} for each level of typical entry education up."
        )
    else:
        tiers = found.by == "onet"
        repeats = tiers and all(m.position == n for n, m in enumerate(found.moves, start=1))
        index = "" if repeats else (
            " O*NET: its index of relatedness (1 = most related)"
            f"{'' if tiers else ' and tier (' + _TIER_LEGEND + ')'}."
        )  # fmt: skip
        said = (
            f"O*NET's related occupations{_filtered(found)}, {order}"
            f"{', by relatedness tier' if tiers else ''}.{index}"
        )
    which = (
        " national annual median" if found.area is None else f" annual median in {found.area[0]}"
    )
    adjusted = (
        " Adjusted: that median divided by the area's price level (BEA Regional Price Parity "
        "/ 100); the difference is of the adjusted medians."
        if found.adjust
        else ""
    )
    return (
        f"{said} Median pay: OEWS{which}, and its difference from "
        f"{found.title}{' there' if found.area else ''}.{adjusted} Growth: projected change "
        "in employment 2024–34. Job zone: O*NET's preparation level, 1–5 (now → then). "
        "Gap: the O*NET skill levels (0–7) to build for the skills important in the new job "
        "(importance 3 or more of 5), summed; the skills that rise most and the step in "
        "typical entry education are listed below."
    )


def _filtered(found: Moves) -> str:
    """The filters, as the lead names them."""
    said = []
    if found.max_education is not None:
        said.append(f"needing at most {_level(found.max_education)}")
    if found.same_zone:
        said.append("in the same job zone")
    return (" " + " and ".join(said)) if said else ""


def _facts(found: Moves) -> str:
    facts = [f"slug: {found.slug}"]
    if found.soc:
        facts.append(f"SOC {found.soc}")
    if found.onet_codes:
        facts.append("O*NET " + ", ".join(found.onet_codes))
    facts.append(f"median pay {_money(found.median)}")
    if found.area is not None:
        local = f"in {found.area[0]} {_money(found.area_median)}"
        if found.adjust:
            local += f" (adjusted {cell(Kind.MONEY, found.area_adjusted)})"
        facts.append(local)
    facts.append(f"growth 2024–34 {cell(Kind.GROWTH, found.growth)}")
    if found.education:
        facts.append(f"entry: {found.education}")
    if found.job_zone is not None:
        facts.append(f"job zone {found.job_zone}")
    if found.role_interests:
        facts.append(f"interests {found.role_interests}")
    return " · ".join(facts)


def document(found: Moves, options: Options) -> b.Document:
    """What ``jobcompare moves`` shows: the role's figures, one row per move, what the
    columns mean, and the sources."""
    title = f"Where {found.title} can lead"
    blocks: list[b.Block] = [b.Heading(title, 1), b.Paragraph(_facts(found), "muted")]
    if found.parts is not None and found.scope == "related":
        whose = "that part's" if len(found.onet_codes) == 1 else "those parts'"
        blocks.append(
            b.Paragraph(
                f"{found.parts}. The related occupations, job zone changes and skill gaps "
                f"below are {whose}.",
                "plain",
            )
        )
    if found.reason is not None:
        blocks.append(b.Paragraph(f"No moves: {found.reason}.", "plain"))
    if found.moves:
        blocks.append(b.Paragraph(_lead(found), "muted"))
        blocks += _tables(found)
    blocks += _notes(found)
    blocks.append(b.NoteList("Sources", found.sources))
    return b.Document(title, tuple(blocks))


def _tables(found: Moves) -> list[b.Block]:
    all_scope = found.scope == "all"
    tiers = found.by == "onet" and not all_scope  # grouped by tier only in O*NET's order
    fields = found.by == "onet" and all_scope  # by field only in the order by match
    # O*NET's index would only repeat the row's number: then left out of the table.
    repeats = (
        not all_scope and tiers and all(m.position == n for n, m in enumerate(found.moves, start=1))
    )
    local = found.area is not None
    steps = found.by == "gap"  # what --by gap sorts on, beside the gap
    rows = []
    for number, move in enumerate(found.moves, start=1):
        median = move.area_median if local else move.median
        change = move.area_difference if local else move.difference
        first: tuple[str, object]
        if all_scope:
            first = (MISSING if move.match is None else f"{move.match:.2f}", move.match)
        else:
            first = (
                str(move.position) if tiers else f"{move.position} {_tier(move.tier)}",
                move.position,
            )
        cells = [
            first,
            (_money(median), None if median is None else median.value),
            *(
                [(cell(Kind.MONEY, move.area_adjusted),
                  None if move.area_adjusted is None else move.area_adjusted.value)]
                if found.adjust else []
            ),
            (_signed_money(change), change),
            (cell(Kind.GROWTH, move.growth), move.growth),
            (_zone(move.job_zone, move.job_zone_change), move.job_zone),
            (MISSING if move.gap.total is None else f"{move.gap.total:.2f}", move.gap.total),
            *([(MISSING if move.step is None else f"{move.step:.2f}", move.step)]
              if steps else []),
        ]  # fmt: skip
        # Its SOC code is in the table below; a mark when its pay is its OEWS code's.
        label = f"{number}. {move.title}{PART_MARK if move.part_of else ''}"
        rows.append(
            b.TableRow(
                move.onet_code,
                label,
                Kind.TEXT,
                tuple(b.Cell(t, v) for t, v in cells),
                group=move.tier if tiers else _field_group(move, found) if fields else None,
            )
        )
    columns: tuple[str, ...] = (
        "Match" if all_scope else "O*NET",
        "Median pay",
        *(("Adjusted",) if found.adjust else ()),
        "Difference",
        "Growth",
        "Job zone",
        "Gap",
        *(("Step",) if steps else ()),
    )
    if repeats:
        columns = columns[1:]
        rows = [row._replace(cells=row.cells[1:]) for row in rows]
    interests = found.interests and any(m.interests for m in found.moves)
    second: tuple[str, ...] = (
        "Occupation",
        "Entry education (now → then)",
        "Skills that rise most (level rise)",
        *(("Interests",) if interests else ()),
    )
    return [
        b.FigureTable(columns, tuple(rows), compact=True),
        b.Heading("Education step and skills to build", 3),
        b.RankedTable(
            second,
            tuple(
                b.RankedRow(
                    str(number),
                    (
                        b.RankedItem(_occupation(move, found)),
                        b.RankedItem(education_step(found.education, move)),
                        b.RankedItem(_named(move.gap)),
                        *(
                            (b.RankedItem(_interests(move, found.role_interests)),)
                            if interests
                            else ()
                        ),
                    ),
                )
                for number, move in enumerate(found.moves, start=1)
            ),
        ),
    ]


def _notes(found: Moves) -> list[b.Block]:
    from jobcompare.engine.areas import ADJUSTED_NOTE

    notes: list[str] = list(found.left_out)
    notes += [r for move in found.moves for r in move.reasons]
    parts = [m for m in found.moves if m.part_of]
    if parts:
        notes.append(
            f"{PART_MARK} An O*NET occupation within an OEWS occupation: its median pay, "
            "growth and entry education are those of the OEWS occupation named in the "
            "second table, as BLS publishes none for it alone; its job zone and skill gap "
            "are its own."
        )
    gaps = [m.gap.reason for m in found.moves if m.gap.reason is not None]
    if gaps and len(gaps) == len(found.moves) and len(set(gaps)) == 1:
        notes.append(f"No skill gaps: {gaps[0]}")  # the role's own side: said once
    else:
        notes += [
            f"{move.title}: no skill gap — {move.gap.reason}"
            for move in found.moves
            if move.gap.reason is not None
        ]
    notes += [
        f"{move.title}: {note[0].lower()}{note[1:]}"
        for move in found.moves
        if (note := suppressed_note(move.gap)) is not None
    ]
    if found.same_code:
        notes.append(
            f"Left out, as OEWS publishes them under {found.soc} too: {', '.join(found.same_code)}"
        )
    if found.interests and found.moves:
        if found.role_interests:
            notes.append(
                "--interests: the moves keeping more of the interest high points of "
                f"{found.title} ({found.role_interests}, O*NET 30.3) come first, in the order "
                "the lead says otherwise. Interest codes: R Realistic, I Investigative, "
                "A Artistic, S Social, E Enterprising, C Conventional."
            )
        elif found.interests_reason:
            notes.append(f"--interests: {found.interests_reason}; the order is kept.")
    if found.adjust and found.moves:
        parity = found.parity
        if parity is not None and parity.reason:
            notes.append(f"No adjusted figures in {found.area[0] if found.area else ''}: "
                         f"{parity.reason}")  # fmt: skip
        else:
            notes.append(ADJUSTED_NOTE)
    blocks: list[b.Block] = []
    if notes:
        blocks.append(b.NoteList("Notes", tuple(notes)))
    return blocks


def _amount_json(amount: object) -> object:
    from jobcompare.model import Amount

    if not isinstance(amount, Amount):
        return None
    return {"at_least": amount.value} if amount.at_least else amount.value


def data(found: Moves) -> dict[str, object]:
    area = None
    if found.area is not None:
        parity = found.parity
        area = {
            "name": found.area[0],
            "code": found.area[1],
            "median_pay": figure_json(found.area_median),
            "median_pay_adjusted": _amount_json(found.area_adjusted),
            "price_parity": None if parity is None else parity.all_items,
            "price_parity_reason": None if parity is None else parity.reason,
        }
    return {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "role": {
            "slug": found.slug,
            "title": found.title,
            "soc": found.soc,
            "onet_codes": list(found.onet_codes),
            "median_pay": figure_json(found.median),
            "growth_percent": found.growth,
            "entry_education": found.education,
            "job_zone": found.job_zone,
            "category": found.category,
            "interests": found.role_interests,
        },
        "scope": found.scope,
        "sort": found.by,
        "ranked": found.ranked if found.scope == "all" else None,
        "filters": {
            "max_education": found.max_education,
            "same_zone": found.same_zone,
            "interests": found.interests,
        },
        "left_out": list(found.left_out),
        "area": area,
        "reason": found.reason,
        "parts": found.parts,
        "moves": [
            {
                "position": m.position,
                "tier": m.tier,
                "onet_code": m.onet_code,
                "title": m.title,
                "soc": m.soc,
                "slug": m.slug,
                "median_pay": figure_json(m.median),
                "median_pay_difference": m.difference,
                "median_pay_difference_percent": m.difference_percent,
                "growth_percent": m.growth,
                "entry_education": m.education,
                "education_change": m.education_change,
                "job_zone": m.job_zone,
                "job_zone_change": m.job_zone_change,
                "skill_gap": gap_json(m.gap),
                "step": m.step,
                "similarity": m.similarity,
                "match": m.match,
                "interests": m.interests,
                "interests_kept": m.interests_kept,
                "area_median_pay": figure_json(m.area_median) if found.area else None,
                "area_median_pay_adjusted": _amount_json(m.area_adjusted),
                "area_median_pay_difference": m.area_difference,
                "area_median_pay_difference_percent": m.area_difference_percent,
                "category": m.category,
                "part_of": m.part_of,
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
    "part_of", "education_change", "step", "similarity", "match", "interests",
    "interests_kept", "area_median_pay", "area_median_pay_bound", "area_median_pay_adjusted",
    "area_median_pay_difference", "area_median_pay_difference_percent", "category",
)  # fmt: skip


def _value(figure: Figure | None) -> object:
    return None if figure is None else figure.value


def _bound(figure: Figure | None) -> str:
    return "at_least" if figure is not None and figure.at_least else ""


def records(found: Moves) -> Records:
    """One record per move (figures as the sources give them, empty when missing), then
    the sources."""
    rows: list[tuple[object, ...]] = []
    for m in found.moves:
        skills = "; ".join(f"{c.name} {c.level_from:g}->{c.level_to:g}" for c in m.gap.build)
        adjusted = None if m.area_adjusted is None else m.area_adjusted.value
        rows.append((
            m.position, m.tier, m.onet_code, m.title, m.soc, m.slug, _value(m.median),
            _bound(m.median), m.difference, m.difference_percent, m.growth, m.education,
            m.job_zone, m.job_zone_change, m.gap.total, skills, m.part_of, m.education_change,
            m.step, m.similarity, m.match, m.interests, m.interests_kept,
            _value(m.area_median), _bound(m.area_median), adjusted, m.area_difference,
            m.area_difference_percent, m.category,
        ))  # fmt: skip
    width = len(MOVES_CSV_HEADER)
    rows += [("sources", "", "", source, *[""] * (width - 4)) for source in found.sources]
    return Records(MOVES_CSV_HEADER, tuple(rows))


def _level(level: str) -> str:
    """A BLS entry education level as a sentence says it: "a bachelor's degree", "no formal
    educational credential", "some college, no degree"."""
    words = level.lower()
    return words if words.startswith(("no ", "some ")) else with_article(words)
