"""The comparison engine: roles in, section rows and summary facts out. No Rich here.

A :class:`Comparison` is what every output is made from: the tables, the summary
paragraph and the JSON document all read it, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobcompare.engine import deltas
from jobcompare.engine.keydiff import key_differences
from jobcompare.engine.margin import apart, margins
from jobcompare.engine.results import Comparison, Row, SectionResult
from jobcompare.engine.summary import summarise
from jobcompare.errors import ComparisonError
from jobcompare.model import Role
from jobcompare.registry import fields
from jobcompare.registry.fields import SectionSpec, spec
from jobcompare.registry.section import Section, check_role_count

if TYPE_CHECKING:
    from jobcompare.engine.moves import Gap


def compare(roles: Sequence[Role], sections: Sequence[Section] = tuple(Section)) -> Comparison:
    """Compare 2-4 roles in the given sections (shown in the standard order, once each)."""
    check_role_count(len(roles))
    slugs = [r.slug for r in roles]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise ComparisonError(f"role '{twice[0]}' is given more than once")
    roles = tuple(narrowed(r, sections) for r in roles)
    built = build_sections(roles, sections)
    return Comparison(roles, built, summarise(roles), key_differences=key_differences(roles, built))


def with_gap(comparison: Comparison, gap: Gap) -> Comparison:
    """``comparison`` with the skill gap of its two roles, and its key differences saying
    the gap's size."""
    found = key_differences(comparison.roles, comparison.sections, gap)
    return comparison._replace(gap=gap, key_differences=found)


def path_sections(path: str) -> frozenset[Section] | None:
    """The sections that show the figure at a model path ("salary.average": overview and
    salary; "skills.level.Programming": skills); None when no section does."""
    declared = fields.by_source()
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        shown = declared.get(".".join(parts[:end]))
        if shown:
            return frozenset(section for section, _ in shown)
    known = {s.value: s for s in Section}
    return frozenset({known[parts[0]]}) if parts[0] in known else None


def narrowed(role: Role, sections: Sequence[Section]) -> Role:
    """``role`` with only the notes of the ``sections`` shown: why their figures are not
    published, and (official roles) the sources of their figures. The one place where
    --section narrows the notes every output writes."""
    from dataclasses import replace

    shown = set(sections)
    if shown >= set(Section):
        return role
    unpublished = {
        path: reason
        for path, reason in role.unpublished.items()
        if (where := path_sections(path)) is None or where & shown
    }
    source = role.source
    if role.source_parts:
        used = {f.origin for s in shown for f in spec(s).fields if f.origin}
        known = {f.origin for s in Section for f in spec(s).fields if f.origin}
        # The description's O*NET credit goes with the overview, which shows it; O*NET's
        # own line only for other O*NET figures shown without it (one credit, not two).
        described = Section.OVERVIEW in shown
        kept = [
            text
            for key, text in role.source_parts
            if key == "oews"
            or (key == "description" and described)
            or (key == "onet" and "onet" in used and not described)
            or (key not in ("description", "onet") and (key in used or key not in known))
        ]
        source = "; ".join(kept) or None
    if unpublished == role.unpublished and source == role.source:
        return role
    return replace(role, unpublished=unpublished, source=source)


def build_sections(
    roles: Sequence[Role], sections: Sequence[Section] = tuple(Section)
) -> tuple[SectionResult, ...]:
    """The section rows for any number of roles (one, for a role's full profile)."""
    roles = tuple(roles)
    return tuple(build_section(spec(s), roles) for s in Section if s in sections)


def build_section(declared: SectionSpec, roles: Sequence[Role]) -> SectionResult:
    """A section's declared figures for ``roles``, with differences and extremes."""
    rows = []
    for figure in declared.fields:
        values = tuple(figure.value(role) for role in roles)
        # A figure no role has is kept (JSON and CSV carry every declared figure, null),
        # and hidden from the tables when it is shown only if some role has it, unless a
        # role says why it lacks it (the table's row then says so: views/sections.py).
        displayed = (figure.shown_if is None or figure.shown_if(roles)) and not (
            figure.only_if_any
            and all(v is None for v in values)
            and not any((figure.source or "") in role.unpublished for role in roles)
        )
        highest, lowest = deltas.extremes(figure.kind, values) if figure.ranked else ((), ())
        # A baseline (all occupations' figure, the same for every role) has no difference.
        compared = figure.compared and not figure.total
        change = deltas.delta(figure.kind, values) if len(values) == 2 and compared else None
        rse = figure.rse
        margin: tuple[bool | None, ...] = ()
        if rse is not None:
            errors = [rse(role) for role in roles]
            margin = margins(values, errors)
            if highest and lowest and apart(values, errors, highest[0], lowest[0]) is False:
                # The survey cannot tell the highest mean from the lowest: no ▲ or ▼.
                highest, lowest = (), ()
        rows.append(Row(figure, values, change, highest, lowest, displayed, margin))
    # The source's sentence above a table speaks of differences: a profile has none.
    intro = declared.intro(roles) if declared.intro and len(roles) > 1 else None
    return SectionResult(declared.section, intro, tuple(rows))
