"""What every output says the same way about the figures: where they come from, why some
are not published (by the source's own reason), and what the shared-skill mark means."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from jobcompare.engine.results import SectionResult
from jobcompare.model import Citation, Role
from jobcompare.registry import fields
from jobcompare.registry.section import Section
from jobcompare.text import join_words, with_article


def source_notes(roles: Sequence[Role]) -> list[tuple[str, str | None]]:
    """Each distinct source, with the roles it covers ("both roles", "all roles", their
    titles; None when a single role is shown)."""
    by_source: dict[str, list[str]] = {}
    for role in roles:
        for source in _sources_of(role):
            by_source.setdefault(source, []).append(role.title)
    notes: list[tuple[str, str | None]] = []
    for source, titles in by_source.items():
        if len(roles) == 1:
            notes.append((source, None))
        elif len(titles) == len(roles):
            notes.append((source, f"{'both' if len(roles) == 2 else 'all'} roles"))
        else:
            notes.append((source, join_words(titles)))
    return notes


def _sources_of(role: Role) -> list[str]:
    """The role's source line as its separate sources, each its own note: an official
    role's line joins several publishers' attributions with "; " (kept whole when it is
    not exactly such a join)."""
    if not role.source:
        return []
    parts = [text for _, text in role.source_parts if text in role.source]
    if parts and "; ".join(parts) == role.source:
        # A part that continues the line ("description from the O*NET 30.3 Database ...")
        # starts a bullet of its own with a capital.
        return list(dict.fromkeys(text[:1].upper() + text[1:] for text in parts))
    return [role.source]


def unpublished_notes(role: Role, leave_out: Collection[str | None] = ()) -> list[tuple[str, str]]:
    """(the fields, why) for each reason the source gave for leaving figures out:
    "average salary, salary range and percentiles", "Wages for some occupations ...";
    without the figures at the model paths ``leave_out`` (rows a page does not show)."""
    by_reason: dict[str, list[str]] = {}
    for path, reason in role.unpublished.items():
        if path not in leave_out:
            by_reason.setdefault(reason, []).append(path)
    notes = []
    for reason, paths in by_reason.items():
        for whole in fields.together():  # all five percentiles read better as one
            parts = [s for s in fields.by_source() if s.startswith(whole + ".")]
            if parts and all(p in paths for p in parts):
                paths = [p for p in paths if p not in parts] + [whole]
        notes.append((join_words([fields.note_name(p) for p in paths]), reason))
    return notes


def unpublished_keys(role: Role, sections: Sequence[Section] | None = None) -> dict[str, str]:
    """The role's unpublished figures by their JSON paths ("salary.average_salary",
    "skills.skills[2].level"), each a path of the role's object, with the source's reason;
    with ``sections``, only the keys of those sections."""
    shown = None if sections is None else {s.value for s in sections}
    return {
        key: reason
        for path, reason in sorted(role.unpublished.items())
        for key in fields.json_keys(path, role)
        if shown is None
        or "." not in key
        or key.split(".")[0] in shown
        or key.split(".")[0] not in {s.value for s in Section}
    }


def no_data_note(section: Section, role_count: int) -> str:
    who = "this role" if role_count == 1 else "these roles"
    return f"The dataset has no {section.value} figures for {who}."


def shared_note(role_count: int) -> str:
    """What the shared-skill mark means."""
    return "listed for both roles" if role_count == 2 else f"listed for all {role_count} roles"


def section_sources(result: SectionResult, roles: Sequence[Role]) -> list[str]:
    """The sources of the section's figures some role has, as official roles cite them
    ("BLS OEWS May 2025", "O*NET 30.3 (CC BY 4.0)"), once each, in the order shown."""
    labels: list[str] = []
    for row in result.rows:
        origin = row.field.origin
        if origin is None:
            continue
        for role, value in zip(roles, row.values, strict=True):
            citation = role.citations.get(origin)
            if value is not None and citation is not None and citation.label not in labels:
                labels.append(citation.label)
    return labels


def differences_note(roles: Sequence[Role]) -> str:
    """What a difference between two roles is: the second's figure minus the first's."""
    from jobcompare.engine.summary import official

    if official(roles):  # "a dentist, general" reads wrong: titles say it plainly
        return f"Differences are {roles[1].title} minus {roles[0].title}."
    first, second = (with_article(r.singular) for r in roles)
    return f"Differences are {second} minus {first}."


def margin_note(first: str | None = None) -> str:
    """The legend of the mark of a difference within the survey's margin; ``first``: the
    first column's name, when the figures after it are marked (no difference column)."""
    from jobcompare.output.cells import MARGIN_MARK

    if first is None:
        return f"{MARGIN_MARK} within the survey's margin: not significant at 90%."
    return (
        f"{MARGIN_MARK} a figure within the survey's margin of the first column's ({first}): "
        "not significant at 90%."
    )


def section_notes(section: Section, roles: Sequence[Role], *, brief: bool = False) -> list[str]:
    """What the section's declaration says under its table of these roles (``brief``:
    its short footnotes for the concise page, where it declares them)."""
    declared = fields.spec(section)
    said = declared.brief if brief and declared.brief else declared.notes
    return list(said(roles)) if said else []


def figure_citations(
    role: Role, index: int, sections: Sequence[SectionResult]
) -> Iterator[tuple[str, Citation]]:
    """("section.key", citation) for each figure the role (column ``index``) has from a
    cited source, in the order shown."""
    for result in sections:
        for row in result.rows:
            citation = role.citations.get(row.field.origin or "")
            if citation is not None and row.values[index] is not None:
                yield f"{result.section.value}.{row.key}", citation
