"""A comparison as Markdown (to paste into a document) and as CSV (for spreadsheets and
scripts). No Rich here: Markdown writes the blocks of :mod:`jobcompare.present`, so it
shows what the terminal shows; CSV writes every declared figure of those sections.

Every string that comes from a dataset goes through :func:`jobcompare.text.safe` first;
Markdown then escapes what would be read as markup or HTML, and CSV guards text that a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from typing import Any

from jobcompare.compare import Comparison, Kind, Row, is_shared, unpublished_keys
from jobcompare.display import HIGHEST_MARK, LOWEST_MARK
from jobcompare.model import (
    Amount,
    Degree,
    Place,
    SalaryRange,
    Skill,
    Technology,
    TimeToBecome,
)
from jobcompare.present import (
    Block,
    Document,
    FigureTable,
    Heading,
    Paragraph,
    RangeChart,
    RankedTable,
    comparison_document,
)
from jobcompare.text import safe

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
    return markdown(comparison_document(comparison))


def markdown(document: Document) -> str:
    """The blocks of ``document`` as GitHub-flavoured Markdown."""
    return "\n\n".join(filter(None, map(_md_block, document.flat()))) + "\n"


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md_text(block.text)
    if isinstance(block, Paragraph):
        return f"*{md_text(block.text)}*" if block.style == "note" else md_paragraph(block.text)
    if isinstance(block, FigureTable):
        return _md_figures(block)
    if isinstance(block, RankedTable):
        rows = [[row.label, *(md_text(i.text) for i in row.items)] for row in block.rows]
        return _md_table([block.label, *map(md_text, block.columns)], rows)
    if isinstance(block, RangeChart):
        return ""  # its figures are all in the table above it; Markdown draws no pictures
    lines = "\n".join(f"- {md_paragraph(item)}" for item in block.items)
    return f"## {md_text(block.title)}\n\n{lines}"


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _md_figures(block: FigureTable) -> str:
    """One row per figure, one column per role, then the difference (two roles); the
    highest figure in bold, and with three or four roles ▲ and ▼ as in the terminal."""
    header = ["", *map(md_text, block.columns), *(["Difference"] if block.differences else [])]
    rows: list[list[str]] = []
    for row in block.rows:
        label = f"{row.group}: {row.label}" if row.group else row.label
        cells = [md_text(label)]
        for figure in row.cells:
            text = md_text(figure.text)
            if figure.highest:
                text = f"**{text}**" + (f" {HIGHEST_MARK}" if block.marks else "")
            elif figure.lowest and block.marks:
                text += f" {LOWEST_MARK}"
            cells.append(text)
        if block.differences:
            cells.append(md_text(row.difference))
        rows.append(cells)
    return _md_table(header, rows)


# -- CSV ----------------------------------------------------------------------------------

CSV_HEADER = ("section", "field", "role", "value", "unit", "bound")

#: A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: One CSV record before the section and role are added: field, value, unit, bound.
_Figure = tuple[str, str, str, str]


def to_csv(comparison: Comparison) -> str:
    """One record per figure: section, field (the JSON's dotted key), role slug, the raw
    value as the source wrote it (empty when missing), its unit, and ``at_least`` in
    ``bound`` for a lower bound. Sections, then roles, in the comparison's order."""
    return csv_text(comparison_document(comparison, charts=False))


def csv_text(document: Document) -> str:
    """Every declared figure of ``document``'s sections, one record each; then, as the
    terminal shows them, the differences (two roles), the summary's sentences, why
    figures are not published, and the sources."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    comparison = document.comparison
    shared = comparison.summary.shared_skills if comparison else ()
    for section in document.sections:
        for index, role in enumerate(document.roles):
            for row in section.result.rows:
                for field, value, unit, bound in _csv_figures(row, row.values[index], shared):
                    writer.writerow((section.section.value, field, role.slug, value, unit, bound))
    if comparison is not None:
        for section in document.sections:
            for row in section.result.rows:
                for field, value, unit in _csv_difference(row):
                    writer.writerow((section.section.value, field, "", value, unit, ""))
        for number, sentence in enumerate(comparison.summary.sentences, start=1):
            writer.writerow(("summary", f"sentences.{number}", "", _text(sentence), "", ""))
    for role in document.roles:
        for key, reason in unpublished_keys(role, [s.section for s in document.sections]).items():
            writer.writerow(("unpublished", key, role.slug, _text(reason), "", ""))
        if role.source:
            writer.writerow(("sources", "source", role.slug, _text(role.source), "", ""))
    _csv_section_notes(writer, document)
    return buffer.getvalue()


def _csv_section_notes(writer: Any, document: Document) -> None:
    """Each section's notes (what its figures measure) and source line, as shown under
    it; then, for official roles, the source, release and year of each figure."""
    from jobcompare import fields
    from jobcompare.present import section_sources

    roles = document.roles
    for section in document.sections:
        declared = fields.spec(section.section)
        name = section.section.value
        notes = list(declared.notes(roles)) if declared.notes else []
        for number, note in enumerate(notes, start=1):
            writer.writerow(("notes", f"{name}.{number}", "", _text(note), "", ""))
        cited = section_sources(section.result, roles)
        if cited:
            writer.writerow(("sources", name, "", _text(" · ".join(cited)), "", ""))
    for index, role in enumerate(roles):
        for section in document.sections:
            for row in section.result.rows:
                citation = role.citations.get(row.field.origin or "")
                if citation is not None and row.values[index] is not None:
                    said = f"{citation.name}, {citation.release}, {citation.year}"
                    key = f"{section.section.value}.{row.key}"
                    writer.writerow(("sources", key, role.slug, _text(said), "", ""))


def _csv_difference(row: Row) -> Iterator[tuple[str, str, str]]:
    """The second role minus the first, and in percent of the first where it means
    something (field ``<key>.difference``, ``<key>.difference_percent``)."""
    delta = row.delta
    if delta is None:
        return
    unit = {"points": "pp", "count": row.field.csv_unit}.get(delta.unit, row.field.csv_unit)
    yield f"{row.key}.difference", _figure(_whole(delta.value)), unit
    if delta.percent is not None:
        yield f"{row.key}.difference_percent", _figure(round(delta.percent, 4)), "%"


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _csv_figures(row: Row, value: object, shared: Sequence[str]) -> Iterator[_Figure]:
    key, kind = row.key, row.kind
    if kind in (Kind.MONEY, Kind.RATE):
        yield _amount(key, value, row.field.csv_unit)
    elif kind is Kind.RANGE:
        low, high = (value.min, value.max) if isinstance(value, SalaryRange) else (None, None)
        yield _amount(f"{key}.min", low, row.field.csv_unit)
        yield _amount(f"{key}.max", high, row.field.csv_unit)
    elif kind is Kind.PLACE:
        place = value if isinstance(value, Place) else None
        yield f"{key}.name", _text(place.name if place else None), "", ""
        yield f"{key}.kind", _text(place.kind if place else None), "", ""
        yield _amount(f"{key}.average_salary", place.pay if place else None, "USD/year")
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
            if isinstance(item, Technology):  # its name and O*NET's flags, each a field
                yield f"{key}.{rank}.name", _text(item.name), "", ""
                yield f"{key}.{rank}.hot", "true" if item.hot else "false", "", ""
                yield f"{key}.{rank}.in_demand", "true" if item.in_demand else "false", "", ""
                continue
            yield f"{key}.{rank}", _text(str(item)), "", ""
    elif kind is Kind.SKILLS:
        for rank, skill in enumerate(_skills(value), start=1):
            yield f"{key}.{rank}.name", _text(skill.name), "", ""
            yield f"{key}.{rank}.share", _figure(skill.share), "%", ""
            if skill.importance is not None:  # O*NET's ratings, for official roles
                yield f"{key}.{rank}.importance", _figure(skill.importance), "rating 1-5", ""
                yield f"{key}.{rank}.level", _figure(skill.level), "rating 0-7", ""
            yield f"{key}.{rank}.shared", "true" if is_shared(skill, shared) else "false", "", ""
    elif kind in (Kind.TEXT, Kind.PARAGRAPH):
        yield key, _text(value if isinstance(value, str) else None), "", ""
    else:  # COUNT, PERCENT, GROWTH, NUMBER
        yield key, _figure(value), row.field.csv_unit, ""


def _amount(field: str, value: object, unit: str) -> _Figure:
    if not isinstance(value, Amount):
        return field, "", unit, ""
    return field, _figure(value.value), unit, "at_least" if value.at_least else ""


def _figure(value: object) -> str:
    """A number as the source wrote it (``35695``, ``17.16``, ``12.0``); "" for none."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return repr(value)


def _skills(value: object) -> tuple[Skill, ...]:
    if not isinstance(value, tuple):
        return ()
    return tuple(s for s in value if isinstance(s, Skill))


def _text(value: str | None) -> str:
    """Dataset text for a CSV cell: control characters removed, and never a formula."""
    if value is None:
        return ""
    text = safe(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


#: For other writers of figures (the bulk table, bulk.py): the same encodings.
csv_figures = _csv_figures
csv_cell = _text
