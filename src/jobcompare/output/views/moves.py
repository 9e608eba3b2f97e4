"""The moves view: ``jobcompare moves ROLE`` (O*NET's related occupations with their
figures and skill gaps) as a document, its JSON (``$defs/moves``) and one CSV record per
move."""

from __future__ import annotations

from jobcompare import __version__
from jobcompare.engine.moves import Gap, Move, Moves
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
from jobcompare.text import MISSING

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
    if zone is None:
        return MISSING
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


#: Marks a move to an O*NET occupation within an OEWS occupation (its pay is the whole's).
PART_MARK = "*"


def _occupation(move: Move) -> str:
    """A move as the second table names it: with its OEWS code, and, for an O*NET
    occupation within an OEWS occupation, that occupation's title."""
    if move.soc is None:
        return move.title
    if move.part_of:
        return f"{move.title}{PART_MARK} (within {move.part_of}, {move.soc})"
    return f"{move.title} ({move.soc})"


def document(found: Moves, options: Options) -> b.Document:
    """What ``jobcompare moves`` shows: the role's figures, one row per related
    occupation, what the columns mean, and the sources."""
    title = f"Where {found.title} can lead"
    facts = [f"slug: {found.slug}"]
    if found.soc:
        facts.append(f"SOC {found.soc}")
    if found.onet_codes:
        facts.append("O*NET " + ", ".join(found.onet_codes))
    facts.append(f"median pay {_money(found.median)}")
    facts.append(f"growth 2024–34 {cell(Kind.GROWTH, found.growth)}")
    if found.education:
        facts.append(f"entry: {found.education}")
    if found.job_zone is not None:
        facts.append(f"job zone {found.job_zone}")
    blocks: list[b.Block] = [b.Heading(title, 1), b.Paragraph(" · ".join(facts), "muted")]
    if found.parts is not None:
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
        order = {
            "onet": "in O*NET's order (most related first)",
            "pay": "by the rise in median pay, largest first",
            "growth": "by projected growth, largest first",
            "gap": "by skill gap, smallest first",
        }[found.by]
        if found.by == "gap" and all(m.gap.total is None for m in found.moves):
            order = "in O*NET's order (most related first): no move has a skill gap to sort by"
        tiers = found.by == "onet"  # grouped by tier only in O*NET's own order
        # O*NET's index would only repeat the row's number: then left out of the table.
        repeats = tiers and all(m.position == n for n, m in enumerate(found.moves, start=1))
        index = "" if repeats else (
            " O*NET: its index of relatedness (1 = most related)"
            f"{'' if tiers else ' and tier (' + _TIER_LEGEND + ')'}."
        )  # fmt: skip
        blocks.append(
            b.Paragraph(
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
                _signed_money(move.difference),
                cell(Kind.GROWTH, move.growth),
                _zone(move.job_zone, move.job_zone_change),
                MISSING if move.gap.total is None else f"{move.gap.total:.2f}",
            )
            values = (move.position, move.median.value if move.median else None,
                      move.difference, move.growth, move.job_zone, move.gap.total)  # fmt: skip
            # Its SOC code is in the table below; a mark when its pay is its OEWS code's.
            label = f"{number}. {move.title}{PART_MARK if move.part_of else ''}"
            rows.append(
                b.TableRow(
                    move.onet_code,
                    label,
                    Kind.TEXT,
                    tuple(b.Cell(t, v) for t, v in zip(texts, values, strict=True)),
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
        blocks.append(b.FigureTable(columns, tuple(rows), compact=True))
        blocks.append(b.Heading("Entry education and skills to build", 3))
        blocks.append(
            b.RankedTable(
                ("Occupation", "Typical entry education", "Skills that rise most (level rise)"),
                tuple(
                    b.RankedRow(
                        str(number),
                        (
                            b.RankedItem(_occupation(move)),
                            b.RankedItem(move.education or MISSING),
                            b.RankedItem(_named(move.gap)),
                        ),
                    )
                    for number, move in enumerate(found.moves, start=1)
                ),
            )
        )
    notes: list[str] = [r for move in found.moves for r in move.reasons]
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
    if notes:
        blocks.append(b.NoteList("Notes", tuple(notes)))
    blocks.append(b.NoteList("Sources", found.sources))

    return b.Document(title, tuple(blocks))


def data(found: Moves) -> dict[str, object]:
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
        },
        "sort": found.by,
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
                "job_zone": m.job_zone,
                "job_zone_change": m.job_zone_change,
                "skill_gap": gap_json(m.gap),
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
    "part_of",
)  # fmt: skip


def records(found: Moves) -> Records:
    """One record per move (figures as the sources give them, empty when missing), then
    the sources."""
    rows: list[tuple[object, ...]] = []
    for m in found.moves:
        median = m.median.value if m.median is not None else None
        bound = "at_least" if m.median is not None and m.median.at_least else ""
        skills = "; ".join(f"{c.name} {c.level_from:g}->{c.level_to:g}" for c in m.gap.build)
        rows.append((
            m.position, m.tier, m.onet_code, m.title, m.soc, m.slug, median, bound,
            m.difference, m.difference_percent, m.growth, m.education, m.job_zone,
            m.job_zone_change, m.gap.total, skills, m.part_of,
        ))  # fmt: skip
    rows += [("sources", "", "", source, *[""] * 13) for source in found.sources]
    return Records(MOVES_CSV_HEADER, tuple(rows))
