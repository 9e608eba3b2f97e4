"""The skill gap of two compared roles (and of each move), and a hand-written role's
nearest official occupation: their blocks, JSON and CSV records, for the comparison,
profile and moves views."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from jobcompare.engine.moves import SKILLS_SOURCE, Gap, Nearest, SkillChange
from jobcompare.output.views.shape import JSONValue
from jobcompare.text import MISSING, whole

if TYPE_CHECKING:  # the JSON and CSV of a gap never load the page blocks
    from jobcompare.output import blocks as b

#: Skills listed per column in the skill gap block (JSON and CSV have them all).
LISTED = 8


def suppressed_note(gap: Gap) -> str | None:
    """Which important skills the gap leaves out, and why; None when none."""
    if not gap.suppressed:
        return None
    return (
        f"Left out of the gap, as O*NET suppresses their rating (Recommend Suppress = "
        f"Y: low precision): {', '.join(gap.suppressed)}"
    )


def gap_blocks(gap: Gap) -> list[b.Block]:
    """The **Skill gap** block of two compared roles: skills to build and skills that
    carry over, side by side, or why there is none."""
    from jobcompare.output import blocks as b

    blocks: list[b.Block] = [b.Heading("Skill gap", 2)]
    if gap.reason is not None:
        blocks.append(b.Paragraph(f"No skill gap: {gap.reason}.", "muted"))
        return blocks
    blocks.append(
        b.Paragraph(
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
            b.RankedItem(column[rank] if rank < len(column) else (MISSING if rank == 0 else ""))
            for column in (build, carry)
        )
        rows.append(b.RankedRow(str(rank + 1), items))
    if len(build) > LISTED or len(carry) > LISTED:  # the JSON and CSV have them all
        more = tuple(
            b.RankedItem(f"… and {len(column) - LISTED} more" if len(column) > LISTED else "")
            for column in (build, carry)
        )
        rows.append(b.RankedRow("", more))
    blocks.append(b.RankedTable(("Skills to build", "Skills that carry over"), tuple(rows)))
    note = suppressed_note(gap)
    if note is not None:
        from jobcompare.output.cells import plain_reason

        blocks.append(b.Paragraph(note + ".", "muted", plain=plain_reason(note) + "."))
    return blocks


def with_gap(document: b.Document, gap: Gap) -> b.Document:
    """``document`` with the skill gap block after its sections (before the notes), and
    O*NET 30.1 among its sources."""
    from jobcompare.output import blocks as b

    blocks = list(document.blocks)
    at = max((i for i, one in enumerate(blocks) if isinstance(one, b.SectionBlock)), default=-1) + 1
    blocks[at:at] = gap_blocks(gap)
    if gap.reason is None:
        for i, block in enumerate(blocks):
            if isinstance(block, b.NoteList) and block.title == "Sources":
                blocks[i] = block._replace(items=(*block.items, f"{SKILLS_SOURCE} — skill gap"))
    return document._replace(blocks=tuple(blocks))


def _change_json(change: SkillChange) -> dict[str, JSONValue]:
    return {
        "skill": change.name,
        "importance": change.importance,
        "level_from": change.level_from,
        "level_to": change.level_to,
        "rise": change.rise,
    }


def gap_json(gap: Gap) -> dict[str, JSONValue]:
    return {
        "from": gap.from_code,
        "to": gap.to_code,
        "gap": gap.total,
        "build": [_change_json(c) for c in gap.build],
        "carry_over": [_change_json(c) for c in gap.carry],
        "reason": gap.reason,
        "source": SKILLS_SOURCE if gap.reason is None else None,
        "suppressed": list(gap.suppressed),
    }


def gap_records(gap: Gap) -> Iterator[tuple[object, ...]]:
    """The skill gap as records after a comparison's (same columns: section
    ``skill_gap``, field ``build.N.skill`` / ``.level_from`` / ``.level_to`` / ``.rise``,
    ``carry_over.N...``, ``gap``, ``reason``)."""
    if gap.reason is not None:
        yield ("skill_gap", "reason", "", gap.reason, "", "")
        return
    assert gap.total is not None
    yield ("skill_gap", "gap", "", whole(gap.total), "level", "")
    for part, changes in (("build", gap.build), ("carry_over", gap.carry)):
        for number, change in enumerate(changes, start=1):
            key = f"{part}.{number}"
            yield ("skill_gap", f"{key}.skill", "", change.name, "", "")
            yield ("skill_gap", f"{key}.importance", "", whole(change.importance), "importance",
                   "")  # fmt: skip
            for name in ("level_from", "level_to", "rise"):
                value = whole(getattr(change, name))
                yield ("skill_gap", f"{key}.{name}", "", value, "level", "")
    for number, name in enumerate(gap.suppressed, start=1):
        yield ("skill_gap", f"suppressed.{number}", "", name, "", "")
    yield ("sources", "source", "", SKILLS_SOURCE, "", "")


def with_nearest(document: b.Document, nearest: Nearest) -> b.Document:
    """A hand-written role's profile with a line naming its nearest official occupation
    and the command that shows its official figures (after the facts line)."""
    from jobcompare.output import blocks as b

    line = (
        f"Nearest official occupation: {nearest.title} ({nearest.soc}), {nearest.how}. "
        "Its official figures:"
    )
    blocks = list(document.blocks)
    # The command on a line of its own, so that no wrapping splits it.
    blocks[2:2] = [b.Paragraph(line, "muted"), b.Paragraph(f"jobcompare show {nearest.slug}",
                                                       "plain")]  # fmt: skip
    return document._replace(blocks=tuple(blocks))


def nearest_json(nearest: Nearest) -> dict[str, JSONValue]:
    return {"slug": nearest.slug, "title": nearest.title, "soc": nearest.soc, "how": nearest.how}


def nearest_records(nearest: Nearest, role: str) -> Iterator[tuple[object, ...]]:
    """Records (a role's profile columns) naming the nearest occupation."""
    for key in ("slug", "title", "soc", "how"):
        yield ("nearest_occupation", key, role, getattr(nearest, key), "", "")
