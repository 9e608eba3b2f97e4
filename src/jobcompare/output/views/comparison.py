"""The comparison view (``jobcompare A B``) and the profile view (``jobcompare show``):
the document every page format draws, the JSON document (its shape pinned by the schema
the registry generates) and the CSV records (one per figure).

The JSON and CSV carry every declared figure of the sections asked for, whatever the
tables show; the tables hide rows no role has.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from jobcompare import __version__
from jobcompare.engine.results import Comparison, Profile, Row, SectionResult
from jobcompare.model import Role
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.encode import csv_fields, json_value, put
from jobcompare.output.views.notes import (
    differences_note,
    figure_citations,
    margin_note,
    section_notes,
    section_sources,
    unpublished_keys,
)
from jobcompare.output.views.shape import SCHEMA_VERSION, JSONValue
from jobcompare.registry.section import Section
from jobcompare.text import capitalise, whole

if TYPE_CHECKING:
    from jobcompare.engine.results import KeyDifference
    from jobcompare.output.blocks import Block, Document, SectionBlock

#: The comparison's CSV columns: every figure is one record.
CSV_HEADER = ("section", "field", "role", "value", "unit", "bound")

#: The heading of the lines that open a comparison of official occupations.
KEY_DIFFERENCES = "Key differences"


# -- the document ---------------------------------------------------------------------------


def document(result: Comparison | Profile, options: Options) -> Document:
    from jobcompare.output.blocks import Document, Heading, Paragraph
    from jobcompare.output.views import gap as gaps
    from jobcompare.output.views.sections import concise_notes, notes, section_block, with_words

    if isinstance(result, Profile):
        return _profile_document(result, options)
    roles = result.roles
    if options.appendix and is_concise(roles, options._replace(detail=False)):
        return _with_appendix(result, options)
    title = " vs ".join(r.title for r in roles)
    blocks: list[Block | SectionBlock] = [Heading(title, 1, plain=page_title(roles))]
    concise = is_concise(roles, options)
    if result.key_differences:
        from jobcompare.output.blocks import NoteList

        # The concise page names each line's sources in its sections' source lines.
        lines = tuple(f"{k.label}: {k.text}" if concise else k.line for k in result.key_differences)
        blocks.append(NoteList(KEY_DIFFERENCES, lines, lead=True))
    if not (concise and result.key_differences):
        # The concise page's key differences say what the summary's sentences said.
        blocks.append(Paragraph(" ".join(result.summary.sentences), "lead"))
    blocks += [Paragraph(note, "note") for note in reading_notes(result, concise=concise)]
    if result.your_pay is not None:  # asked for (--pay): on the concise page too
        from jobcompare.output.views import pay

        blocks += pay.blocks(result.your_pay)
    # A section asked for by --section shows its lists (the page is short already).
    counted = concise and len(result.sections) == len(Section)
    # The concise page names each key difference's sources in its section's sources line.
    cited: dict[Section, list[str]] = {s.section: [] for s in result.sections}
    for line in result.key_differences if concise else ():
        cited.setdefault(line.section, []).extend(line.sources)
    blocks += [section_block(s, roles, result.summary.shared_skills, options.charts,
                             options.full, concise=concise, counted=counted,
                             cited=cited.get(s.section, []))
               for s in result.sections]  # fmt: skip
    if concise:
        blocks += concise_notes(result.sections, roles, key_notes(result))
    blocks += notes(roles, concise=concise, shown=result.sections,
                    cited=[label for labels in cited.values() for label in labels])  # fmt: skip
    found = Document(title, tuple(blocks))
    if result.gap is None or (concise and result.key_differences):
        # The concise page's key differences give the gap's size and skills.
        return with_words(found) if concise else found
    return gaps.with_gap(found, result.gap)


def _with_appendix(result: Comparison, options: Options) -> Document:
    """A handed-over page with --full: the concise page, then every section in full (the
    skill gap block too) as an appendix, after the sources."""
    from jobcompare.output.blocks import Document, Heading, NoteList, Paragraph, SectionBlock
    from jobcompare.output.views.sections import margin_shown, uncited_detail_sources

    page = document(result, options._replace(detail=False, full=False, appendix=False))
    full = document(result, options._replace(appendix=False)).blocks
    # Its sections and the skill gap block: from the first section to the notes after.
    first = next(i for i, b in enumerate(full) if isinstance(b, SectionBlock))
    end = next((i for i in range(first, len(full)) if isinstance(full[i], NoteList)), len(full))
    sections = full[first:end]
    # With its own "Not published": the reasons of the rows only the appendix shows.
    missing = [b for b in full[end:] if isinstance(b, NoteList) and b.title == "Not published"]
    # And the sources only its rows cite, which the page leaves out (sections.notes).
    cited = [label for line in result.key_differences for label in line.sources]
    hidden = uncited_detail_sources(result.roles, cited)
    texts = {
        text[:1].upper() + text[1:]
        for role in result.roles
        for key, text in role.source_parts
        if key in hidden
    }
    more = tuple(
        item
        for b in full[end:]
        if isinstance(b, NoteList) and b.title.startswith("Sources")
        for item in b.items
        if item.split(" — ")[0] in texts
    )
    if more:
        missing.append(NoteList("Also cited in the appendix", more))
    heading = Heading("Appendix: the full comparison", 2)
    # The mark of a mean within the survey's margin is only on the appendix's rows: its
    # legend with them.
    legend: list[Block] = []
    if margin_shown(result.sections) and not margin_shown(result.sections, concise=True):
        against = None if len(result.roles) == 2 else result.roles[0].title
        legend.append(Paragraph(margin_note(against), "note"))
    return Document(page.title, (*page.blocks, heading, *legend, *sections, *missing))


def _profile_document(result: Profile, options: Options) -> Document:
    """What ``jobcompare show ROLE`` shows: every duty (and, with ``full``, every item of
    every list)."""
    from jobcompare.output.blocks import Document, Heading, Paragraph
    from jobcompare.output.views import gap as gaps
    from jobcompare.output.views.sections import notes, section_block

    role = result.role
    facts = [f"slug: {role.slug}"]
    if role.soc:
        facts.append(f"SOC {role.soc}")
    if role.category:
        facts.append(role.category)
    blocks: list[Block | SectionBlock] = [
        Heading(role.title, 1, plain=page_title((role,))),
        # A handed-over page leaves out the slug: a name for the command line only.
        Paragraph(" · ".join(facts), "muted", plain=" · ".join(facts[1:])),
    ]
    if result.your_pay is not None:
        from jobcompare.output.views import pay

        blocks += pay.blocks(result.your_pay)
    # A profile is the role's whole page ("show one role's full profile"): never concise.
    blocks += [section_block(s, (role,), (), options.charts, options.full, profile=True)
               for s in result.sections]  # fmt: skip
    blocks += notes((role,))
    found = Document(role.title, tuple(blocks))
    return gaps.with_nearest(found, result.nearest) if result.nearest is not None else found


def is_concise(roles: Sequence[Role], options: Options) -> bool:
    """Whether a comparison's page is the concise one: every role is an official
    occupation (its figures cite their sources, the store's), and --full (or a format
    that carries everything, Markdown) did not ask for every row. A page with a
    hand-written role stays as its page has it (the seed page; beside an official
    occupation too, whose concise rows would hide the page's own figures), and a profile
    (``show``) is always whole."""
    return not options.detail and bool(roles) and all(role.official for role in roles)


def page_title(roles: Sequence[Role]) -> str:
    """The title of a handed-over page: the roles as a sentence names them ("Registered
    nurses vs nurse practitioners")."""
    return capitalise(" vs ".join(r.plural_noun for r in roles))


#: Sections whose table is of figures (the reading note speaks of them).
_FIGURE_SECTIONS = (Section.OVERVIEW, Section.SALARY, Section.EDUCATION, Section.DEMOGRAPHICS)


def key_notes(result: Comparison) -> tuple[str, ...]:
    """The concise page's footnotes its key differences need: what the AI exposure
    measures are, and that neither forecasts jobs (the rows defining them are --full's)."""
    from jobcompare.registry.sections.overview import AI_BRIEF

    return (AI_BRIEF,) if any(k.topic == "ai_exposure" for k in result.key_differences) else ()


def reading_notes(comparison: Comparison, *, concise: bool = False) -> tuple[str, ...]:
    """How to read the figures, said once above them: what a difference is (two roles),
    or what ▲ and ▼ mean (three or four), and, a line of its own, what ≈ means when a row
    shown (``concise``: on the concise page) has it; none when no figure table is shown."""
    from jobcompare.output.cells import HIGHEST_MARK, LOWEST_MARK
    from jobcompare.output.views.sections import margin_shown

    roles = comparison.roles
    if not any(s.section in _FIGURE_SECTIONS for s in comparison.sections):
        return ()
    marked = margin_shown(comparison.sections, concise=concise)
    if len(roles) == 2:
        if not any(row.delta for s in comparison.sections for row in s.rows):
            return ()
        note = differences_note(roles)
        return (note, margin_note()) if marked else (note,)
    if len(roles) > 2:
        note = f"{HIGHEST_MARK} marks a row's highest figure, {LOWEST_MARK} its lowest."
        return (note, margin_note(roles[0].title)) if marked else (note,)
    return ()


# -- JSON -------------------------------------------------------------------------------------


def data(result: Comparison | Profile) -> JSONValue:
    if isinstance(result, Profile):
        profile = role_json(result.role, result.sections)
        if result.nearest is not None:
            from jobcompare.output.views.gap import nearest_json

            profile["nearest_occupation"] = nearest_json(result.nearest)
        if result.your_pay is not None:
            from jobcompare.output.views import pay as pays

            profile["your_pay"] = pays.data(result.your_pay)
        return profile
    roles = result.roles
    summary = result.summary
    pay = summary.pay
    document: dict[str, JSONValue] = {
        "jobcompare": __version__,
        "schema_version": SCHEMA_VERSION,
        "sections": [s.section.value for s in result.sections],
        "roles": [
            role_json(r, result.sections, i, summary.shared_skills) for i, r in enumerate(roles)
        ],
        "summary": {
            "sentences": list(summary.sentences),
            "pay": None
            if pay is None
            else {
                # Equal pay has no highest or lowest: null, and "equal" says why.
                "highest": None if pay.equal else roles[pay.highest].slug,
                "lowest": None if pay.equal else roles[pay.lowest].slug,
                "equal": pay.equal,
                "difference": whole(pay.difference),
                "difference_percent": None if pay.percent is None else round(pay.percent, 4),
                "per": pay.per,
                "measure": pay.measure,
            },
            "top_skills": {
                r.slug: list(top) for r, top in zip(roles, summary.top_skills, strict=True)
            },
            "shared_skills": list(summary.shared_skills),
        },
        "differences": _differences(result) if len(roles) == 2 else None,
        "within_margin": _margins(result),
        "key_differences": [_key_json(k) for k in result.key_differences],
    }
    if result.gap is not None:
        from jobcompare.output.views.gap import gap_json

        document["skill_gap"] = gap_json(result.gap)
    if result.your_pay is not None:
        from jobcompare.output.views import pay as pays

        document["your_pay"] = pays.data(result.your_pay)
    return document


def role_json(
    role: Role, sections: Sequence[SectionResult], index: int = 0, shared: Sequence[str] = ()
) -> dict[str, JSONValue]:
    """One role: identity, then its values in each section, keyed as the section's rows."""
    document: dict[str, JSONValue] = {
        "slug": role.slug,
        "title": role.title,
        "soc": role.soc,
        "category": role.category,
        "source": role.source,
        "unpublished": unpublished_keys(role, [s.section for s in sections]),
        "onet_occupations": [
            {"code": code, "title": title} for code, title in role.onet_occupations
        ],
    }
    for result in sections:
        values: dict[str, JSONValue] = {}
        for row in result.rows:
            put(values, row.key, json_value(row.kind, row.values[index], shared))
        document[result.section.value] = values
    # Official roles: where each figure they have comes from (empty for a hand-written
    # role: every role object has the same keys).
    document["sources"] = {
        key: {"source": citation.name, "release": citation.release, "year": citation.year}
        for key, citation in figure_citations(role, index, sections)
    }
    said: dict[str, JSONValue] = {}
    for result in sections:
        notes = section_notes(result.section, [role])
        if notes:
            said[result.section.value] = notes
    # What the notes under each section say of this role, as the tables print them.
    document["notes"] = said
    return document


def _bounded(value: JSONValue, at_least: bool) -> JSONValue:
    """A lower bound as every figure writes one: ``{"at_least": N}``."""
    return {"at_least": value} if at_least and value is not None else value


def _key_json(line: KeyDifference) -> dict[str, JSONValue]:
    delta = line.difference
    percent = None if delta is None or delta.percent is None else round(delta.percent, 4)
    return {
        "topic": line.topic,
        "label": line.label,
        "text": line.text,
        "section": line.section.value,
        "sources": list(line.sources),
        "figures": [
            {
                "key": f.key,
                "label": f.label,
                "role": f.role,
                "value": _bounded(f.value, f.at_least),
                "unit": f.unit,
                "reason": f.reason,
            }
            for f in line.figures
        ],
        "difference": None
        if delta is None
        else {
            "value": _bounded(whole(delta.value), delta.at_least),
            "unit": delta.unit,
            "percent": _bounded(percent, delta.at_least),
        },
    }


def _key_records(comparison: Comparison) -> Iterator[tuple[object, ...]]:
    """The key differences as records: per line ``N.topic``, ``N.text``, ``N.sources``,
    then each figure (``N.<its JSON path>``, under its role, "at least" in ``bound``) and
    the difference (``N.difference``, ``N.difference_percent``)."""
    for number, line in enumerate(comparison.key_differences, start=1):
        yield ("key_differences", f"{number}.topic", "", line.topic, "", "")
        yield ("key_differences", f"{number}.text", "", line.text, "", "")
        yield ("key_differences", f"{number}.sources", "", "; ".join(line.sources), "", "")
        for f in line.figures:
            yield ("key_differences", f"{number}.{f.key}", f.role or "", f.value, f.unit,
                   "at_least" if f.at_least else "")  # fmt: skip
            if f.role is None:  # a figure of no one role (a skill's rise): named
                yield ("key_differences", f"{number}.{f.key}.label", "", f.label, "", "")
        delta = line.difference
        if delta is not None:
            bound = "at_least" if delta.at_least else ""
            yield ("key_differences", f"{number}.difference", "", whole(delta.value),
                   delta.unit, bound)  # fmt: skip
            if delta.percent is not None:
                yield ("key_differences", f"{number}.difference_percent", "",
                       round(delta.percent, 4), "%", bound)  # fmt: skip


def _differences(comparison: Comparison) -> dict[str, JSONValue]:
    differences: dict[str, JSONValue] = {}
    for result in comparison.sections:
        section: dict[str, JSONValue] = {}
        for row in result.rows:
            if row.delta is not None:
                delta = row.delta
                put(section, row.key, {
                    "value": whole(delta.value),
                    "unit": delta.unit,
                    "percent": None if delta.percent is None else round(delta.percent, 4),
                })  # fmt: skip
        differences[result.section.value] = section
    return differences


def _within(row: Row, index: int) -> bool | None:
    """Whether role ``index``'s figure of ``row`` is within the survey's margin of the first
    role's; None when unknown, or the figure has no published error."""
    return row.margin[index] if index < len(row.margin) else None


def _margins(comparison: Comparison) -> dict[str, JSONValue]:
    """For each figure with a published relative standard error (the mean wages), per
    section: each role after the first (by slug) -> whether its figure is within the
    survey's margin of the first role's (null: unknown)."""
    found: dict[str, JSONValue] = {}
    for result in comparison.sections:
        section: dict[str, JSONValue] = {}
        for row in result.rows:
            if row.margin:
                put(section, row.key, {
                    role.slug: _within(row, i)
                    for i, role in enumerate(comparison.roles) if i
                })  # fmt: skip
        if section:
            found[result.section.value] = section
    return found


# -- CSV --------------------------------------------------------------------------------------


def records(result: Comparison | Profile) -> Records:
    return Records(CSV_HEADER, tuple(_records(result)))


def _records(result: Comparison | Profile) -> Iterator[tuple[object, ...]]:
    """Every declared figure of the sections, one record each; then, as the terminal shows
    them, the differences (two roles), the summary's sentences, why figures are not
    published, the notes and the sources; then the skill gap or the nearest occupation."""
    if isinstance(result, Profile):
        roles: tuple[Role, ...] = (result.role,)
        shared: Sequence[str] = ()
    else:
        roles, shared = result.roles, result.summary.shared_skills
    sections = result.sections
    for section in sections:
        for index, role in enumerate(roles):
            for row in section.rows:
                for key, value, unit, bound in csv_fields(row.field, row.values[index], shared):
                    yield (section.section.value, key, role.slug, value, unit, bound)
                if row.margin:  # against the first role's: true, false or empty (unknown,
                    # or the first role itself), so that every role has the same fields
                    yield (section.section.value, f"{row.key}.within_margin", role.slug,
                           _within(row, index) if index else None, "", "")  # fmt: skip
    if isinstance(result, Comparison):
        for section in sections:
            for row in section.rows:
                for key, value, unit in _difference(row):
                    yield (section.section.value, key, "", value, unit, "")
        yield from _key_records(result)
        for number, sentence in enumerate(result.summary.sentences, start=1):
            yield ("summary", f"sentences.{number}", "", sentence, "", "")
    for role in roles:
        for key, reason in unpublished_keys(role, [s.section for s in sections]).items():
            yield ("unpublished", key, role.slug, reason, "", "")
        if role.source:
            yield ("sources", "source", role.slug, role.source, "", "")
    for section in sections:
        name = section.section.value
        for number, note in enumerate(section_notes(section.section, roles), start=1):
            yield ("notes", f"{name}.{number}", "", note, "", "")
        cited = section_sources(section, roles)
        if cited:
            yield ("sources", name, "", " · ".join(cited), "", "")
    for index, role in enumerate(roles):
        for key, citation in figure_citations(role, index, sections):
            said_source = f"{citation.name}, {citation.release}, {citation.year}"
            yield ("sources", key, role.slug, said_source, "", "")
    if isinstance(result, Comparison) and result.gap is not None:
        from jobcompare.output.views.gap import gap_records

        yield from gap_records(result.gap)
    if isinstance(result, Profile) and result.nearest is not None:
        from jobcompare.output.views.gap import nearest_records

        yield from nearest_records(result.nearest, result.role.slug)
    if result.your_pay is not None:
        from jobcompare.output.views import pay as pays

        yield from pays.records(result.your_pay)


def _difference(row: Row) -> Iterator[tuple[str, object, str]]:
    """The second role minus the first, and in percent of the first where it means
    something (field ``<key>.difference``, ``<key>.difference_percent``); whether a mean
    is within the survey's margin is its own record (``<key>.within_margin``)."""
    delta = row.delta
    if delta is None:
        return
    unit = {"points": "pp", "count": row.field.csv_unit}.get(delta.unit, row.field.csv_unit)
    yield f"{row.key}.difference", whole(delta.value), unit
    if delta.percent is not None:
        yield f"{row.key}.difference_percent", round(delta.percent, 4), "%"
