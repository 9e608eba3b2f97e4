"""What a section shows, as blocks: its heading and sentence, the table of its figures
(highest and lowest marked, differences beside), its charts, its lists (duties, skills),
the roles' own texts, its notes and its sources line; and, under a document, why figures
are missing and every source. Shared by the comparison, profile and area views."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from jobcompare.engine.results import Row, SectionResult
from jobcompare.engine.shared import is_shared
from jobcompare.model import Factor, Role, Skill, Technology
from jobcompare.output.blocks import (
    IMPORTANCE_BARS_NOTE,
    PERCENTILE_SPAN,
    RANGE_SPAN,
    SHARE_BARS_NOTE,
    SHARE_SCALE,
    Block,
    Cell,
    Document,
    FigureTable,
    Heading,
    NoteList,
    Paragraph,
    RangeChart,
    RangeSeries,
    RankedItem,
    RankedRow,
    RankedTable,
    SectionBlock,
    TableRow,
)
from jobcompare.output.cells import (
    LEFT_OUT,
    MARGIN_MARK,
    SHARED_MARK,
    brief_reason,
    cell,
    difference,
    plain_reason,
    technology_text,
    withheld_text,
)
from jobcompare.output.views.notes import (
    no_data_note,
    section_notes,
    section_sources,
    shared_note,
    source_notes,
    unpublished_notes,
)
from jobcompare.registry.fields import BELOW_TABLE, LISTS, Kind
from jobcompare.registry.section import Section
from jobcompare.registry.sections.salary import hourly_shown
from jobcompare.text import MISSING, capitalise, join_words, plural, with_article


def section_block(
    result: SectionResult,
    roles: Sequence[Role],
    shared: Sequence[str],
    charts: bool = True,
    full: bool = False,
    *,
    profile: bool = False,
    concise: bool = False,
    counted: bool = False,
    cited: Sequence[str] = (),
) -> SectionBlock:
    """A section's blocks. ``concise`` (an official occupation's page without --full):
    the rows a reader uses, without the ``detail`` ones, and lists cut to their
    ``brief`` (docs/reading.md); ``cited``: the sources of the key differences said of
    this section, which its sources line names too (a line may rest on rows the concise
    page leaves to --full: the AI exposure measures)."""
    if concise:
        rows = tuple(r for r in result.rows if in_brief(r))
        result = result._replace(rows=rows)
    blocks: list[Block] = [Heading(result.section.heading, 2)]
    if not result.has_data:
        blocks.append(Paragraph(no_data_note(result.section, len(roles)), "muted"))
        return SectionBlock(result.section.value, tuple(blocks))
    if result.intro and not concise:  # the source page's sentence above its table
        blocks.append(Paragraph(result.intro, "muted"))
    columns = tuple(r.title for r in roles)
    table = figure_table(result.rows, columns, roles, bars=charts)
    if table.rows:
        blocks.append(table)
    if charts and result.section in CHARTS:
        blocks += CHARTS[result.section](roles)
    for row in result.rows:
        if not row.displayed:  # the JSON and CSV carry it; the tables do not
            continue
        if row.kind is Kind.PARAGRAPH:
            blocks += _paragraphs(row, roles, first_sentence=concise)
        elif row.kind in LISTS:
            if counted and row.field.brief == 0 and not full:
                # A list the concise page leaves to --full: how long each is, said.
                counts = [len(v) if isinstance(v, tuple) else None for v in row.values]
                if any(counts):
                    each = join_words([
                        f"{n or 'none'} for {role.plural_noun}"
                        for n, role in zip(counts, roles, strict=True)
                    ])  # fmt: skip
                    said = f"{capitalise(row.field.note_name)}: {each} (O*NET)"
                    blocks.append(Paragraph(f"{said}; --full lists them.", "muted",
                                            plain=f"{said}."))  # fmt: skip
                continue
            whole = full or (profile and row.field.whole_in_profile)
            if any(isinstance(b, (FigureTable, RankedTable)) for b in blocks):
                # After another table of the section: its own heading says what it lists.
                blocks.append(Heading(row.field.label, 3))
            limit = (row.field.brief if counted else None) or row.field.limit
            blocks += _list_blocks(row, columns, None if whole else limit)
        elif row.kind is Kind.SKILLS:
            brief = None if full or not concise else row.field.brief
            blocks += _skills_table(row, columns, shared, bars=charts, limit=brief)
        elif row.kind is Kind.REASONS:
            blocks += _reasons_in_brief(row, roles) if concise else _reasons(row, roles)
    if not concise:  # the concise page numbers its notes once, at the end (concise_notes)
        blocks += [Paragraph(note, "muted") for note in section_notes(result.section, roles)]
    named = section_sources(result, roles)
    named += [label for label in dict.fromkeys(cited) if label not in named]
    if named:
        blocks.append(Paragraph("Sources: " + " · ".join(named), "muted"))
    return SectionBlock(result.section.value, tuple(blocks))


def in_brief(row: Row) -> bool:
    """Whether the concise page shows the row: not one of --full's (``Field.detail``),
    and, for a row shown only where roles differ (``Field.differs``), not the same for
    every role."""
    if row.field.detail:
        return False
    return not row.field.differs or len({repr(v) for v in row.values}) > 1


def _list_blocks(row: Row, columns: tuple[str, ...], limit: int | None) -> list[Block]:
    """A list table, cut to ``limit`` items with a line saying how many more there are."""
    table = _list_table(row, columns)
    if limit is None or len(table.rows) <= limit:
        return [table]
    blocks: list[Block] = [table._replace(rows=table.rows[:limit])]
    blocks.append(
        Paragraph(
            f"The first {limit} {row.field.note_name} of each role are shown; "
            "--all-duties shows all.",
            "muted",
            plain=f"The first {limit} {row.field.note_name} of each role are shown.",
        )
    )
    return blocks


def figure_table(
    rows: Sequence[Row],
    columns: tuple[str, ...],
    roles: Sequence[Role] = (),
    *,
    bars: bool = True,
) -> FigureTable:
    """The rows some column has a figure for, or says why it has not (the JSON and CSV
    keep the others). Given the ``roles``, a figure that does not apply to a role says so
    instead of "—", and one its source did not publish says that in its own row
    (:func:`_withheld`), without a bar. With ``bars`` (not --plain), a share is drawn as a
    bar too."""
    said = {
        row.key: [_withheld(row, rows, roles, i) for i in range(len(row.values))]
        for row in rows
    } if roles else {}  # fmt: skip
    shown = [
        row
        for row in rows
        if row.kind not in BELOW_TABLE
        and row.displayed
        and (row.has_data or any(said.get(row.key, ())))
    ]
    table_rows = []
    two = len(columns) == 2
    for row in shown:
        scale = row.field.bar_scale if bars else None
        absent = row.field.not_applicable
        # Within the survey's margin of the first column's figure: two columns mark their
        # difference, more columns (no difference column) each figure after the first.
        within = [i for i, inside in enumerate(row.margin) if inside]
        cells = tuple(
            Cell(
                (absent(roles[i]) if absent and roles and value is None else None)
                or (said[row.key][i] if value is None and roles else None)
                or _marked(cell(row.kind, value), not two and i in within),
                value,
                highest=i in row.highest,
                lowest=i in row.lowest,
                bar=float(value) / scale
                if scale and isinstance(value, (int, float)) and not isinstance(value, bool)
                else None,
            )
            for i, value in enumerate(row.values)
        )
        marked = two and 1 in within and row.delta is not None
        table_rows.append(
            TableRow(
                row.key,
                row.label,
                row.kind,
                cells,
                _marked(difference(row.delta, row.kind), marked),
                row.group,
                plain_difference=_marked(difference(row.delta, row.kind, plain=True), marked),
            )
        )
    return FigureTable(
        columns,
        tuple(table_rows),
        differences=two and any(r.difference for r in table_rows),
        marks=len(columns) > 2,
    )


def _marked(text: str, within: bool) -> str:
    """A figure or a difference, with the mark of one within the survey's margin."""
    return f"{text} {MARGIN_MARK}" if within else text


def margin_shown(results: Sequence[SectionResult], *, concise: bool = False) -> bool:
    """Whether a table of ``results`` marks some figure or difference within the survey's
    margin (``concise``: among the rows the concise page shows): its legend is then said."""
    return any(
        True in row.margin
        for result in results
        for row in result.rows
        if row.displayed and not (concise and row.field.detail)
    )


def _withheld(row: Row, rows: Sequence[Row], roles: Sequence[Role], index: int) -> str | None:
    """What the cell of a figure its source did not publish says ("not published: …"),
    where the row belongs among the role's figures: a share of a distribution whose
    other shares the role has (RNs' suppressed bachelor's share among O*NET's required
    levels), or a figure of a source that gave the role other figures. None otherwise:
    a source that gave the role nothing is said once, under the document."""
    role = roles[index]
    if row.values[index] is not None or row.kind in BELOW_TABLE:
        return None
    reason = role.unpublished.get(row.field.source or "")
    if reason is None:
        return None
    if row.group is not None:
        siblings = [r for r in rows if r.group == row.group and r is not row]
        if not any(r.values[index] is not None for r in siblings):
            return None
    elif row.field.origin is None or row.field.origin not in role.citations:
        return None
    # Beside other roles' figures a column is narrow: the reason is in the notes below
    # (but a year left out of a pay series was published: never "not published").
    said = reason if len(roles) == 1 or reason.startswith(LEFT_OUT) else None
    return withheld_text(said, row.kind)


def _paragraphs(row: Row, roles: Sequence[Role], *, first_sentence: bool = False) -> list[Block]:
    """Each role's text under its heading; with ``first_sentence`` (the concise page), its
    first sentence and "…" when there is more (--full: all of it)."""
    blocks: list[Block] = []
    for role, value in zip(roles, row.values, strict=True):
        heading = (row.field.heading or "{a}").format(a=with_article(role.singular))
        if isinstance(value, str) and first_sentence:
            # The concise page: one short paragraph a role, named by the role.
            blocks.append(Paragraph(f"{capitalise(role.plural_noun)}: {first_of(value)}"))
            continue
        if isinstance(value, str):
            blocks += [Heading(heading, 3), Paragraph(value, "indented")]
            continue
        why = row.field.missing(role) if row.field.missing else None
        if why:
            blocks += [Heading(heading, 3), Paragraph(why, "indented")]
    return blocks


def _reasons(row: Row, roles: Sequence[Role]) -> list[Block]:
    """BLS's reasons for the change it projects (EP table 1.12), each role's under a
    heading of its own: grouped by the factors each sentence names (a group a heading, in
    the order BLS first names it), each sentence quoted whole after its industry ("All
    industries" for BLS's "Total, all industries"). A role BLS gives none for says so
    (``Field.missing``); a hand-written role shows nothing."""
    blocks: list[Block] = []
    label = row.field.label
    for role, value in zip(roles, row.values, strict=True):
        heading = label if len(roles) == 1 else f"{role.title}: {label[:1].lower()}{label[1:]}"
        reasons = [f for f in value if isinstance(f, Factor)] if isinstance(value, tuple) else []
        if not reasons:
            why = row.field.missing(role) if row.field.missing else None
            if why:
                blocks += [Heading(heading, 3), Paragraph(why, "indented")]
            continue
        blocks.append(Heading(heading, 3))
        groups: dict[tuple[str, ...], list[Factor]] = {}
        for factor in reasons:
            groups.setdefault(factor.factors, []).append(factor)
        for factors, said in groups.items():
            blocks.append(Heading(factor_heading(factors), 4))
            blocks += [Paragraph(f'{industry_name(f)}: "{f.text}"', "indented") for f in said]
    return blocks


def _reasons_in_brief(row: Row, roles: Sequence[Role]) -> list[Block]:
    """The concise page's line on BLS's reasons: for each role, the factors BLS names for
    all industries together and the way they move its share, in BLS's words, and how many
    single industries it gives reasons for, and whether one speaks of AI; --full quotes
    every sentence."""
    parts = []
    for role, value in zip(roles, row.values, strict=True):
        reasons = [f for f in value if isinstance(f, Factor)] if isinstance(value, tuple) else []
        overall = next((f for f in reasons if f.all_industries), None)
        single = len(reasons) - (overall is not None)
        if overall is not None:  # its factors in BLS's words, if its prefix names them
            way = f"share {overall.direction}" if overall.direction else ""
            named = factor_heading(overall.factors).lower() if overall.factors else "a reason"
            said = f"{named} in all industries"
            if single:
                said += f", and reasons for {_industries(single)}"
        elif reasons:
            said, way = f"reasons for {_industries(single)} only", ""
        elif value is None:  # a role whose source has no such table
            continue
        else:
            said, way = "none given", ""
        ai = sum(f.mentions_ai for f in reasons)
        aside = [way] if way else []
        if ai:
            aside.append(f"{'one mentions' if ai == 1 else f'{ai} mention'} AI")
        # "(share increases)" right after the factors, whose share it is.
        if way and single:
            said = said.replace(" in all industries", f" in all industries ({way})")
            aside.remove(way)
        parts.append(f"{role.plural_noun} — {said}" + (f" ({'; '.join(aside)})" if aside else ""))
    if not parts:
        return []
    line = f"Why BLS expects the change: {'; '.join(parts)}"
    return [Paragraph(f"{line}. --full quotes BLS.", "muted", plain=f"{line}.")]


def _industries(count: int) -> str:
    return f"{count} {'single industry' if count == 1 else plural('single industry')}"


#: The group of BLS's sentences whose prefix names no factor BLS uses.
NO_FACTOR = "Factor not named"


def factor_heading(factors: tuple[str, ...]) -> str:
    """The factors as BLS writes them at the start of a sentence: "Demand change,
    productivity change"."""
    if not factors:
        return NO_FACTOR
    first, *rest = factors
    return ", ".join([first, *(f[:1].lower() + f[1:] for f in rest)])


def industry_name(factor: Factor) -> str:
    """The industry a sentence is for: BLS's name, "All industries" for its total."""
    return "All industries" if factor.all_industries else factor.industry


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?]) (?=[A-Z])")


def first_of(text: str) -> str:
    """The first sentence of ``text``, with "…" when more follows."""
    head = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return head[0] + " …" if len(head) > 1 else text


def _list_table(row: Row, columns: tuple[str, ...]) -> RankedTable:
    """Items side by side, numbered; a column without any says so once."""
    lists = [v if isinstance(v, tuple) else () for v in row.values]
    ranks = []
    for rank in range(max(map(len, lists), default=0)):
        items = tuple(
            RankedItem(
                _item_text(items[rank]) if rank < len(items) else MISSING if rank == 0 else ""
            )
            for items in lists
        )
        ranks.append(RankedRow(str(rank + 1), items))
    # Sentences (duties) get a blank line between ranks; short names (technology) don't.
    spaced = not all(isinstance(item, Technology) for items in lists for item in items)
    return RankedTable(columns, tuple(ranks), spaced=spaced)


def _item_text(item: object) -> str:
    """A list item as a table shows it: a technology skill with its O*NET flags."""
    if isinstance(item, Technology):
        return technology_text(item)
    return str(item)


def _skills_table(
    row: Row,
    columns: tuple[str, ...],
    shared: Sequence[str],
    *,
    bars: bool = True,
    limit: int | None = None,
) -> list[Block]:
    """Skills by rank with their shares, every bar on the 0-100% scale (``bars``: not
    --plain); skills every role lists are marked."""
    lists = [
        tuple(s for s in v if isinstance(s, Skill)) if isinstance(v, tuple) else ()
        for v in row.values
    ]
    # O*NET's importance (1-5) and a page's shares (percent) never share an axis: with
    # any rated skill, only rated skills get a bar.
    rated = any(s.importance is not None for skills in lists for s in skills)
    if limit is not None:  # the concise page: the first few, said so below the table
        cut = any(len(skills) > limit for skills in lists)
        lists = [skills[:limit] for skills in lists]
    ranks = []
    for rank in range(max(map(len, lists), default=0)):
        items = []
        for skills in lists:
            if rank >= len(skills):
                items.append(RankedItem(""))
                continue
            skill = skills[rank]
            text = skill.name
            if skill.share is not None:
                text += f", {cell(Kind.PERCENT, skill.share)}"
            if skill.importance is not None:
                level = cell(Kind.NUMBER, skill.level)
                text += f" {cell(Kind.NUMBER, skill.importance)} · {level}"
            mark = is_shared(skill, shared)
            if mark:
                text += f" {SHARED_MARK}"
            share = float(skill.share) if skill.share is not None and not rated else None
            if skill.importance is not None:
                share = float(skill.importance)
            items.append(RankedItem(text, share, mark))
        ranks.append(RankedRow(str(rank + 1), tuple(items)))
    if not ranks:
        ranks.append(RankedRow("", tuple(RankedItem(MISSING) for _ in columns)))
    if rated:
        scale, note = 5.0, IMPORTANCE_BARS_NOTE  # O*NET's importance scale, 1-5
    else:
        # Shares of a whole: bars on a 0-100% scale, so a bar's length is the share itself.
        scale = SHARE_SCALE if any(s.share for skills in lists for s in skills) else 0.0
        note = SHARE_BARS_NOTE if scale else ""
    if not bars:
        scale, note = 0.0, ""
    blocks: list[Block] = [RankedTable(columns, tuple(ranks), scale=scale, scale_note=note)]
    both = f"{SHARED_MARK} {shared_note(len(columns))}" if shared else ""
    if limit is not None and cut:  # the concise page: one line says both
        first = f"Each role's {limit} skills of highest importance are shown"
        said = f"{first}; --full shows O*NET's ten." + (f" {both}." if both else "")
        plain = f"{first}." + (f" {both}." if both else "")
        blocks.append(Paragraph(said, "muted", plain=plain))
    elif both:
        blocks.append(Paragraph(both, "muted"))
    return blocks


def concise_notes(
    results: Sequence[SectionResult], roles: Sequence[Role], more: Sequence[str] = ()
) -> list[Block]:
    """The concise page's notes: every section's short footnotes (``SectionSpec.brief``,
    written for the rows that page shows), and ``more`` (what its key differences need),
    each said once, numbered, at the end."""
    said: list[str] = list(more)
    for result in results:
        for note in section_notes(result.section, roles, brief=True):
            if note not in said:
                said.append(note)
    if not said:
        return []
    return [NoteList("Notes", tuple(said), numbered=True)]


#: The words of a handed-over page a client may not know: the word as the page writes it,
#: and what it is.
WORDS = (
    ("BLS", "the U.S. Bureau of Labor Statistics"),
    ("OEWS", "BLS's survey of employers' wages and jobs"),
    ("Employment Projections", "BLS's outlook for each occupation, 2024-34"),
    ("CPS", "the Current Population Survey of households"),
    ("ACS", "the Census Bureau's American Community Survey"),
    ("RPP", "the Bureau of Economic Analysis's regional price parities"),
    ("O*NET", "the U.S. Department of Labor's database of occupations"),
    ("job zone", "O*NET's scale of the preparation a job needs, 1 (little) to 5 (extensive)"),
    ("level points", "rises on O*NET's 0-7 scale of a skill's level, summed"),
)


def with_words(document: Document) -> Document:
    """``document`` with a note, for the handed-over page only (a block's ``plain``),
    saying what the words of ``WORDS`` it uses are: appended to its "Notes"."""
    texts = " ".join(
        t for b in document.flat()
        for t in (getattr(b, "text", None) or "", *(getattr(b, "items", ()) or ()))
        if isinstance(t, str)
    )  # fmt: skip
    used = [f"{word}: {meaning}" for word, meaning in WORDS if word in texts]
    if not used:
        return document
    words = "Words: " + "; ".join(used) + "."
    blocks = list(document.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, NoteList) and block.title == "Notes":
            blocks[i] = block._replace(plain=(*(block.plain or block.items), words))
    return document._replace(blocks=tuple(blocks))


def drawable(series: Sequence[RangeSeries]) -> bool:
    """Whether some series has a range and the axis has a length."""
    amounts = [a.value for s in series for a in s.amounts()]
    return any(s.low and s.high for s in series) and min(amounts) != max(amounts)


def notes(
    roles: Sequence[Role],
    *,
    concise: bool = False,
    shown: Sequence[SectionResult] = (),
    cited: Sequence[str] = (),
) -> list[Block]:
    """Why figures shown as — are missing (where the source said), and the sources. On
    the concise page (its ``shown`` sections), only for the rows it shows, and in brief
    where a brief is known: --full and the JSON keep every word. The concise page credits
    a source whose every figure is left to --full (the AI exposure measures) only when a
    key difference rests on it (``cited``: the key differences' source labels)."""
    blocks: list[Block] = []
    # The figures only the rows the page leaves to --full show (a figure another shown
    # row shows, median age in Demographics, keeps its reason).
    hidden = (
        {r.field.source for s in shown for r in s.rows if not in_brief(r)}
        - {r.field.source for s in shown for r in s.rows if in_brief(r)}
        if concise
        else set()
    )
    missing = [
        f"{'' if len(roles) == 1 else f'{role.title}: '}{capitalise(fields)} — "
        f"{brief_reason(reason) if concise else reason}"
        for role in roles
        for fields, reason in unpublished_notes(role, leave_out=hidden)
    ]
    if missing:
        plain = tuple(plain_reason(item) for item in missing)
        blocks.append(NoteList("Not published", tuple(missing), plain=plain))
    if concise:  # not the sources of rows only --full shows (BLS EP tables 1.10, 1.12)
        uncited = uncited_detail_sources(roles, cited)
        roles = [_without_sources(role, uncited) for role in roles]
    said = source_notes(roles)
    every = {who for _, who in said}
    if concise and len(every) == 1 and None not in every:  # each covers every role: once
        (who,) = every
        blocks.append(NoteList(f"Sources ({who})", tuple(source for source, _ in said)))
        return blocks
    sources = [source if who is None else f"{source} — {who}" for source, who in said]
    if sources:
        blocks.append(NoteList("Sources", tuple(sources)))
    return blocks


@cache
def detail_sources() -> frozenset[str]:
    """The sources (``Field.origin``) whose every declared figure is a row the concise page
    leaves to --full (BLS EP tables 1.10 and 1.12): it shows none of their figures, so
    does not cite them."""
    from jobcompare.registry.fields import all_fields

    origins = [(f.origin, f.detail) for _, f in all_fields() if f.origin]
    return frozenset({o for o, d in origins if d} - {o for o, d in origins if not d})


def uncited_detail_sources(roles: Sequence[Role], cited: Sequence[str]) -> frozenset[str]:
    """The sources the concise page does not credit: those whose every figure it leaves to
    --full (:func:`detail_sources`), unless a key difference it shows rests on one (the AI
    exposure measures; ``cited``: the key differences' source labels)."""
    keys = detail_sources()
    used = {
        key for role in roles for key, citation in role.citations.items()
        if key in keys and citation.label in cited
    }  # fmt: skip
    return keys - used


def _without_sources(role: Role, keys: frozenset[str]) -> Role:
    """``role`` with the sources ``keys`` left out of its source line."""
    from dataclasses import replace

    parts = tuple((key, text) for key, text in role.source_parts if key not in keys)
    if not role.source or len(parts) == len(role.source_parts):
        return role
    line = "; ".join(text for _, text in parts if text in role.source)
    return replace(role, source=line or None, source_parts=parts)


# -- charts -------------------------------------------------------------------------------


def salary_charts(roles: Sequence[Role]) -> Sequence[Block]:
    """Yearly pay ranges on one axis and, when BLS publishes hourly percentiles for some
    role, hourly ranges on another (an hour's and a year's pay never share an axis)."""
    charts: list[Block] = []
    yearly = []
    for role in roles:
        salary, percentiles = role.salary, role.salary.percentiles
        # A range that is not the 10th to 90th percentile is what its source calls it.
        tenth_to_ninetieth = salary.range is None or (
            percentiles is not None
            and (salary.range.min, salary.range.max) == (percentiles.p10, percentiles.p90)
        )
        yearly.append(
            RangeSeries(
                role.title,
                low=salary.range.min if salary.range else percentiles.p10 if percentiles else None,
                high=salary.range.max if salary.range else percentiles.p90 if percentiles else None,
                p25=percentiles.p25 if percentiles else None,
                median=percentiles.p50 if percentiles else None,
                p75=percentiles.p75 if percentiles else None,
                average=salary.average,
                span=PERCENTILE_SPAN if tenth_to_ninetieth else RANGE_SPAN,
            )
        )
    if drawable(yearly):
        charts.append(RangeChart("Yearly pay", "year", tuple(yearly)))
    hourly = []
    for role in roles if hourly_shown(roles) else ():
        hours = role.salary.hourly_percentiles
        hourly.append(
            RangeSeries(
                role.title,
                low=hours.p10 if hours else None,
                high=hours.p90 if hours else None,
                p25=hours.p25 if hours else None,
                median=hours.p50 if hours else None,
                p75=hours.p75 if hours else None,
                average=role.salary.hourly if hours else None,
            )
        )
    if hourly and drawable(hourly):
        charts.append(RangeChart("Hourly pay", "hour", tuple(hourly)))
    return charts


#: The pictures drawn under a section's table, by section.
CHARTS = {Section.SALARY: salary_charts}
