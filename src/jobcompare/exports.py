"""A comparison as Markdown (to paste into a document) and as CSV (for spreadsheets and
scripts). No Rich here: both read the engine's :class:`Comparison`, and figures are
formatted by :mod:`jobcompare.render.cells`, so they read as the terminal tables do.

Every string that comes from a dataset goes through :func:`jobcompare.text.safe` first;
Markdown then escapes what would be read as markup or HTML, and CSV guards text that a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence

from jobcompare.compare import (
    Comparison,
    Kind,
    Row,
    Section,
    SectionResult,
    is_shared,
    no_data_note,
    shared_note,
    source_notes,
)
from jobcompare.model import Amount, Degree, Role, SalaryRange, Skill, TimeToBecome
from jobcompare.render.cells import (
    BELOW_TABLE,
    HIGHEST_MARK,
    LOWEST_MARK,
    SHARED_MARK,
    cell,
    difference,
    reading_note,
)
from jobcompare.text import safe, with_article

# -- Markdown -----------------------------------------------------------------------------

#: Characters that mean something inline (emphasis, code, links, HTML, tables, GFM
#: strikethrough, heading closers), and an "&" that would start a character reference
#: ("&amp;", "&#169;"); each is a valid CommonMark backslash escape.
_INLINE_SPECIAL = re.compile(r"([\\`*_<\[\]|~#]|&(?=#?[0-9A-Za-z]+;))")
#: What starts a block when it opens a line: a quote, a list item, a thematic break.
_BLOCK_START = re.compile(r"^(\d*)([>+=-]|(?<=\d)[.)])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def md_text(value: str) -> str:
    """Dataset text for inline Markdown (a table cell, a heading): control characters
    removed, on one line, with nothing in it read as markup or HTML."""
    text = _LINE_BREAKS.sub(" ", safe(value)).strip()
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    # GitHub links bare addresses; an escaped colon or dot still reads the same.
    text = text.replace("://", "\\://").replace("www.", "www\\.")
    # ... and an e-mail address (a@b.c) becomes a mailto: link: escape its "@".
    return text.replace("@", "\\@")


def md_paragraph(value: str) -> str:
    """Dataset text as a paragraph (or list item): as :func:`md_text`, and a leading
    ``>``, ``-``, ``+``, ``=`` or ``1.`` does not start a quote, list or rule."""
    return _BLOCK_START.sub(r"\1\\\2", md_text(value), count=1)


def to_markdown(comparison: Comparison) -> str:
    """GitHub-flavoured Markdown of what the terminal shows for ``comparison``."""
    roles = comparison.roles
    blocks: list[str] = [
        "# " + md_text(" vs ".join(r.title for r in roles)),
        md_paragraph(" ".join(comparison.summary.sentences)),
    ]
    note = reading_note(comparison)
    if note:
        blocks.append(f"*{md_text(note)}*")
    shared = comparison.summary.shared_skills
    for section in comparison.sections:
        blocks += _md_section(section, roles, shared)
    blocks += _md_sources(roles)
    return "\n\n".join(blocks) + "\n"


def _md_section(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> list[str]:
    blocks = ["## " + md_text(section.section.heading)]
    if not section.has_data:
        blocks.append(no_data_note(section.section, len(roles)))
        return blocks
    if section.intro:
        blocks.append(md_paragraph(section.intro))
    if section.section is Section.DUTIES:
        blocks.append(_md_duties(section, roles))
    elif section.section is Section.SKILLS:
        blocks.append(_md_skills(section, roles, shared))
        if shared:
            blocks.append(f"{SHARED_MARK} {shared_note(len(roles))}")
    else:
        blocks.append(_md_figures(section, roles))
        if section.section is Section.OVERVIEW:
            blocks += _md_descriptions(section, roles)
    return blocks


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _md_figures(section: SectionResult, roles: Sequence[Role]) -> str:
    """One row per figure some role has, one column per role, then the difference (two
    roles); with three or four roles, ▲ and ▼ mark a row's highest and lowest figure, as
    in the terminal."""
    two = len(roles) == 2
    header = ["", *(md_text(r.title) for r in roles), *(["Difference"] if two else [])]
    rows: list[list[str]] = []
    for row in section.rows:
        if row.kind in BELOW_TABLE or not row.has_data:
            continue
        label = f"{row.group}: {row.label}" if row.group else row.label
        cells = [md_text(label)]
        for index, value in enumerate(row.values):
            text = md_text(cell(row.kind, value))
            if index in row.highest:
                text = f"**{text}**" + ("" if two else f" {HIGHEST_MARK}")
            elif index in row.lowest and not two:
                text += f" {LOWEST_MARK}"
            cells.append(text)
        if two:
            cells.append(md_text(difference(row.delta, row.kind)))
        rows.append(cells)
    return _md_table(header, rows)


def _md_descriptions(section: SectionResult, roles: Sequence[Role]) -> list[str]:
    blocks: list[str] = []
    for row in section.rows:
        if row.kind is Kind.PARAGRAPH:
            for role, value in zip(roles, row.values, strict=True):
                if isinstance(value, str):
                    blocks.append(f"### {md_text(f'What does {with_article(role.singular)} do?')}")
                    blocks.append(md_paragraph(value))
    return blocks


def _md_duties(section: SectionResult, roles: Sequence[Role]) -> str:
    row = section.row("example_responsibilities")
    lists = [v if isinstance(v, tuple) else () for v in row.values]
    rows: list[list[str]] = []
    for rank in range(max(map(len, lists), default=0)):
        cells = [str(rank + 1)]
        for duties in lists:
            if rank < len(duties):
                cells.append(md_text(str(duties[rank])))
            else:
                cells.append("—" if rank == 0 else "")  # a role without duties says so once
        rows.append(cells)
    return _md_table(["#", *(md_text(r.title) for r in roles)], rows)


def _md_skills(section: SectionResult, roles: Sequence[Role], shared: Sequence[str]) -> str:
    row = section.row("skills")
    lists = [_skills(v) for v in row.values]
    rows: list[list[str]] = []
    for rank in range(max(map(len, lists), default=0)):
        cells = [str(rank + 1)]
        for skills in lists:
            if rank >= len(skills):
                cells.append("")
                continue
            skill = skills[rank]
            text = md_text(skill.name)
            if skill.share is not None:
                text += f", {cell(Kind.PERCENT, skill.share)}"
            if is_shared(skill, shared):
                text += f" {SHARED_MARK}"
            cells.append(text)
        rows.append(cells)
    return _md_table(["#", *(md_text(r.title) for r in roles)], rows)


def _md_sources(roles: Sequence[Role]) -> list[str]:
    notes = source_notes(roles)
    if not notes:
        return []
    lines = [
        f"- {md_paragraph(source)}" + ("" if who is None else f" — {md_text(who)}")
        for source, who in notes
    ]
    return ["## Sources", "\n".join(lines)]


def _skills(value: object) -> tuple[Skill, ...]:
    if not isinstance(value, tuple):
        return ()
    return tuple(s for s in value if isinstance(s, Skill))


# -- CSV ----------------------------------------------------------------------------------

CSV_HEADER = ("section", "field", "role", "value", "unit", "bound")

#: A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Units of plain figures (Kind.NUMBER), by the last part of the row's key.
_NUMBER_UNITS = {
    "average_age": "years",
    "years_of_experience": "years",
    "job_satisfaction": "rating 0-5",
}
_KIND_UNITS = {
    Kind.MONEY: "USD/year",
    Kind.RATE: "USD/hour",
    Kind.COUNT: "jobs",
    Kind.PERCENT: "%",
    Kind.GROWTH: "%",
}

#: One CSV record before the section and role are added: field, value, unit, bound.
_Figure = tuple[str, str, str, str]


def to_csv(comparison: Comparison) -> str:
    """One record per figure: section, field (the JSON's dotted key), role slug, the raw
    value as the source wrote it (empty when missing), its unit, and ``at_least`` in
    ``bound`` for a lower bound. Sections, then roles, in the comparison's order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    shared = comparison.summary.shared_skills
    for section in comparison.sections:
        for index, role in enumerate(comparison.roles):
            for row in section.rows:
                for field, value, unit, bound in _csv_figures(row, row.values[index], shared):
                    writer.writerow((section.section.value, field, role.slug, value, unit, bound))
    return buffer.getvalue()


def _csv_figures(row: Row, value: object, shared: Sequence[str]) -> Iterator[_Figure]:
    key, kind = row.key, row.kind
    if kind in (Kind.MONEY, Kind.RATE):
        yield _amount(key, value, _KIND_UNITS[kind])
    elif kind is Kind.RANGE:
        low, high = (value.min, value.max) if isinstance(value, SalaryRange) else (None, None)
        yield _amount(f"{key}.min", low, "USD/year")
        yield _amount(f"{key}.max", high, "USD/year")
    elif kind is Kind.DEGREE:
        name, share = (value.name, value.share) if isinstance(value, Degree) else (None, None)
        yield f"{key}.name", _text(name), "", ""
        yield f"{key}.share", _figure(share), "%", ""
    elif kind is Kind.DURATION:
        time = value if isinstance(value, TimeToBecome) else None
        yield f"{key}.min_months", _figure(time.min_months if time else None), "months", ""
        yield f"{key}.max_months", _figure(time.max_months if time else None), "months", ""
    elif kind is Kind.LIST:
        items = value if isinstance(value, tuple) else ()
        for rank, item in enumerate(items, start=1):
            yield f"{key}.{rank}", _text(str(item)), "", ""
    elif kind is Kind.SKILLS:
        for rank, skill in enumerate(_skills(value), start=1):
            yield f"{key}.{rank}.name", _text(skill.name), "", ""
            yield f"{key}.{rank}.share", _figure(skill.share), "%", ""
            yield f"{key}.{rank}.shared", "true" if is_shared(skill, shared) else "false", "", ""
    elif kind in (Kind.TEXT, Kind.PARAGRAPH):
        yield key, _text(value if isinstance(value, str) else None), "", ""
    else:  # COUNT, PERCENT, GROWTH, NUMBER
        unit = _KIND_UNITS.get(kind) or _NUMBER_UNITS.get(key.rsplit(".", 1)[-1], "")
        yield key, _figure(value), unit, ""


def _amount(field: str, value: object, unit: str) -> _Figure:
    if not isinstance(value, Amount):
        return field, "", unit, ""
    return field, _figure(value.value), unit, "at_least" if value.at_least else ""


def _figure(value: object) -> str:
    """A number as the source wrote it (``35695``, ``17.16``, ``12.0``); "" for none."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return repr(value)


def _text(value: str | None) -> str:
    """Dataset text for a CSV cell: control characters removed, and never a formula."""
    if value is None:
        return ""
    text = safe(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
