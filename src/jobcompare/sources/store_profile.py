"""The rest of an official role's profile, read from the store: every figure the registry
binds to a store column (BLS Employment Projections' outlook and attainment, CPS's age,
women, race and ethnicity: :func:`columns`), and O*NET's (job zone, required education,
tasks, skills, technology), whose rows need more than one column each.

Called by :func:`jobcompare.sources.store_role.read_role` on the role it built from OEWS.
Every figure is the stored one, unchanged; a figure a source does not give is None with
the source's reason in ``Role.unpublished`` (never zero, never from another source), and
each source that gave figures is named in ``Role.citations`` with its release and year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from jobcompare.registry.fields import SKILL_LEVEL, columns, spec, store_tables
from jobcompare.registry.section import Section
from jobcompare.sources.onet_parts import own_code, parts_reason, speaks_for_itself, within
from jobcompare.sources.store import NO_ONET, NOT_PUBLISHED, NOT_RATED
from jobcompare.sources.store_exposure import read as exposures

if TYPE_CHECKING:
    from jobcompare.model import Citation, Degree, Number, Role
    from jobcompare.registry.fields import Field
    from jobcompare.sources.store import Store

ALL_OCCUPATIONS = "00-0000"

#: How a section's source line names each source (release and year from the store).
LABELS = {
    "oews": "BLS OEWS {release}",
    "ep": "BLS Employment Projections {year}",
    "ep-education": "BLS EP table 5.3 (ACS {year})",
    "ep-separations": "BLS EP {year}, table 1.10",
    "ep-factors": "BLS EP {year}, table 1.12",
    "onet": "O*NET {release} (CC BY 4.0)",
    "onet-excel": "O*NET {release} (CC BY 4.0)",
    "oews-history": "BLS OEWS {release}",
    "cps": "CPS {year}",
    "gpts-are-gpts": "GPTs are GPTs (Eloundou et al., {year}; MIT)",
    "working-with-ai": "Working with AI (Tomlinson et al., {year}; CC BY 4.0)",
}
#: The O*NET tables each O*NET source wrote (a store built without one lacks them).
TABLES = {"onet": "onet_link", "onet-excel": "onet_skill"}

#: Between the factors of one sentence in ``ep_factor.factors`` (importers/ep_factors.py).
FACTOR_SEPARATOR = "; "

#: The model paths of O*NET's interests (registry/sections/skills.py).
INTEREST_PATHS = (
    "interests.realistic", "interests.investigative", "interests.artistic",
    "interests.social", "interests.enterprising", "interests.conventional",
    "interests.high_points",
)  # fmt: skip

#: How many O*NET skills a role carries: its ten of highest importance.
TOP_SKILLS = 10
_COLUMN_LIST = re.compile(r"^(.*\S)\s*:\s*([a-z0-9_]+(?:,\s*[a-z0-9_]+)*)\s*$", re.S)


def _number(value: Any) -> Number | None:
    """A stored REAL as the source printed it: 43.7 stays 43.7, 46.0 stays 46.0."""
    if value is None:
        return None
    return value if isinstance(value, (int, float)) else float(value)


def _reason_for(missing: str | None, column: str, fallback: str) -> str:
    """The store's reason for a NULL column: its text without the list of columns it
    names ("Dash indicates ... : percent_women, median_age" -> "Dash indicates ...")."""
    if not missing:
        return fallback
    found = _COLUMN_LIST.match(missing)
    if found and column in [c.strip() for c in found.group(2).split(",")]:
        return found.group(1)
    return missing


class _Reader:
    def __init__(self, store: Store, role: Role) -> None:
        self.store, self.role = store, role
        self.soc = role.soc or ""
        self.unpublished = dict(role.unpublished)
        self.citations: dict[str, Citation] = {}
        self.tables = store.tables

    def query(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[Any, ...]]:
        return self.store.query(sql, parameters)

    def name(self, key: str) -> str:
        """How the source ``key`` is named: in a section's source line, and at the start
        of the reasons for the figures it does not give."""
        row = self.store.source_rows.get(key)
        if row is None:
            return key
        release = str(row[2]).split(" (")[0]
        return LABELS.get(key, str(row[1])).format(release=release, year=str(row[3]))

    def cite(self, key: str) -> None:
        """Name ``key`` among the role's sources: it gave some figure."""
        from jobcompare.model import Citation

        row = self.store.source_rows.get(key)
        if row is not None:
            name, release, year = str(row[1]), str(row[2]), str(row[3])
            self.citations.setdefault(key, Citation(self.name(key), name, release, year))

    def missing(self, path: str, reason: str) -> None:
        self.unpublished[path] = reason

    def has(self, source: str) -> bool:
        return TABLES[source] in self.tables

    # -- figures in store columns (the registry's Field.column) ---------------------------

    def read_tables(self, tables: Sequence[str]) -> dict[str, Any]:
        """The figures the registry reads from these tables' columns, as model path ->
        value, each table's reasons for the figures it lacks recorded on the way. A table
        the store was built without gives nothing, and no reason (``jobcompare sources``
        says which sources the store holds)."""
        values: dict[str, Any] = {}
        bound = columns()
        for table in tables:
            if table in self.tables and table in bound:
                values.update(self._table(table, bound[table]))
        return values

    def _table(self, table: str, figures: tuple[Field, ...]) -> dict[str, Any]:
        declared = store_tables()[table]
        label = self.name(declared.origin)
        own = [f for f in figures if not f.total]
        names = [_column(f) for f in own]
        notes = [column for column, _ in declared.notes]
        extra = [*notes, *([declared.reason] if declared.reason else [])]
        rows = self.query(
            f"SELECT {', '.join([*names, *extra])} FROM {table} WHERE soc = ?", (self.soc,)
        )
        values: dict[str, Any] = {}
        if not rows:
            for figure in own:
                self.missing(figure.source or "", f"{label}: {declared.no_row}")
            return values
        row = rows[0]
        found = row[: len(names)]
        reason = row[-1] if declared.reason else None
        for (_, path), note in zip(declared.notes, row[len(names) :], strict=False):
            values[path] = None if note is None else str(note)
        if declared.cite == "row" or any(v is not None for v in found):
            self.cite(declared.origin)
        for figure, column, value in zip(own, names, found, strict=True):
            path = figure.source or ""
            if value is None and self.soc == ALL_OCCUPATIONS and declared.total_missing:
                self.missing(path, f"{label}: {declared.total_missing}")
            elif value is None:
                self.missing(path, f"{label}: {_reason_for(reason, column, 'not published')}")
            values[path] = value if isinstance(value, str) else _number(value)
        totals = [f for f in figures if f.total]
        if totals:
            total = self.query(
                f"SELECT {', '.join(_column(f) for f in totals)} FROM {table} WHERE soc = ?",
                (ALL_OCCUPATIONS,),
            )
            for index, figure in enumerate(totals):
                values[figure.source or ""] = _number(total[0][index]) if total else None
        return values

    # -- BLS EP table 1.12 ------------------------------------------------------------------

    def outlook_factors(self) -> tuple[Any, ...]:
        """BLS's reasons for the change it projects (EP table 1.12), in BLS's order with
        the sentence for all industries first; none, and no citation, while the store holds
        no such table. An occupation the table has no sentence for cites it all the same:
        that BLS gives none is the table's word (the profile says so)."""
        from jobcompare.model import ALL_INDUSTRIES, Factor

        if "ep_factor" not in self.tables:
            return ()
        self.cite("ep-factors")
        rows = self.query(
            "SELECT industry, industry_code, text, factors, direction FROM ep_factor "
            "WHERE soc = ? ORDER BY industry_code != ?, position",
            (self.soc, ALL_INDUSTRIES),
        )
        return tuple(
            Factor(
                str(industry),
                str(code),
                str(text),
                tuple(str(factors).split(FACTOR_SEPARATOR)) if factors else (),
                None if direction is None else str(direction),
            )
            for industry, code, text, factors, direction in rows
        )

    # -- O*NET ------------------------------------------------------------------------------

    def onet_code(self) -> str | None:
        """The O*NET occupation whose figures are the SOC code's own: its ``.00``, linked by
        the rule ``same``. None (with the reason for every O*NET figure) when O*NET has no
        occupation for the code, or rates only parts of it (docs/mapping.md, "Whose
        figures": a part's figures are never shown as the whole's)."""
        if not self.has("onet"):
            self._onet_missing("this store was built without O*NET")
            return None
        label = self.name("onet")
        codes = [
            str(c)
            for (c,) in self.query(
                "SELECT onet_code FROM onet_link WHERE soc = ? ORDER BY onet_code", (self.soc,)
            )
        ]
        if speaks_for_itself(self.soc, codes):
            return codes[0]
        if codes:
            # The description's own reason, word for word: one note says it for both.
            _, said = describe(self.store, self.soc)
            self._onet_missing(said or f"{label}: only parts of this occupation are rated")
            return None
        rows = (
            self.query("SELECT reason FROM onet_unlinked WHERE soc = ?", (self.soc,))
            if "onet_unlinked" in self.tables
            else []
        )
        why = str(rows[0][0]) if rows else "no O*NET occupation for this SOC code"
        self._onet_missing(f"{label}: {why}")
        return None

    def _onet_missing(self, reason: str) -> None:
        from jobcompare.model import REQUIRED_LEVELS

        # Not the skills: they are O*NET 30.1's, which says for itself (:meth:`skills`).
        for path in ("overview.job_zone", "education.required", "duties", "technology"):
            self.missing(path, reason)
        for key, _, _ in REQUIRED_LEVELS:
            self.missing(f"education.required_levels.{key}", reason)
        if "onet_interest" in self.tables:
            for path in INTEREST_PATHS:
                self.missing(path, reason)

    def interests(self, code: str) -> Any:
        """O*NET 30.3's interests of the occupation's own O*NET occupation ``code``: the
        six ratings and the high points as published; none (with the reason) when O*NET
        gives none for it, and none without a reason while the store holds no interests."""
        from jobcompare.model import Interests

        if "onet_interest" not in self.tables:
            return Interests()
        rows = self.query(
            "SELECT realistic, investigative, artistic, social, enterprising, conventional, "
            "high_point_1, high_point_2, high_point_3 FROM onet_interest "
            "WHERE soc = ? AND onet_code = ?",
            (self.soc, code),
        )
        if not rows:
            for path in INTEREST_PATHS:
                self.missing(path, f"{self.name('onet')}: no interests for this occupation")
            return Interests()
        self.cite("onet")
        r, i, a, s, e, c, first, second, third = rows[0]
        return Interests(
            _number(r), _number(i), _number(a), _number(s), _number(e), _number(c),
            high_points=tuple(int(p) for p in (first, second, third) if p),
        )  # fmt: skip

    def job_zone(self, code: str) -> tuple[int | None, str | None]:
        label = self.name("onet")
        if "onet_job_zone" not in self.tables:
            return None, None
        rows = self.query(
            "SELECT z.job_zone, r.name FROM onet_job_zone z LEFT JOIN onet_job_zone_reference r "
            "ON r.job_zone = z.job_zone WHERE z.soc = ? AND z.onet_code = ?",
            (self.soc, code),
        )
        if not rows:
            self.missing("overview.job_zone", f"{label}: no job zone for this occupation")
            return None, None
        self.cite("onet")
        zone, name = rows[0]
        return int(zone), None if name is None else str(name)

    def required(self, code: str) -> tuple[Degree | None, dict[str, Number | None] | None]:
        """O*NET's required level of education: (the most common level with its share, or
        None when it cannot be named; the share of every level)."""
        from jobcompare.model import REQUIRED_LEVELS, Degree

        label = self.name("onet")
        if "onet_education" not in self.tables:
            return None, None
        rows = self.query(
            "SELECT category, percent, missing_reason FROM onet_education "
            "WHERE soc = ? AND onet_code = ? ORDER BY category",
            (self.soc, code),
        )
        if not rows:
            why = f"{label}: no required-education ratings for this occupation"
            self.missing("education.required", why)
            for key, _, _ in REQUIRED_LEVELS:
                self.missing(f"education.required_levels.{key}", why)
            return None, None
        self.cite("onet")
        by_category = {int(c): (_number(p), r) for c, p, r in rows}
        shares: dict[str, Number | None] = {}
        suppressed: list[str] = []
        for key, category, name in REQUIRED_LEVELS:
            value, reason = by_category.get(category, (None, None))
            shares[key] = value
            if value is None:
                self.missing(
                    f"education.required_levels.{key}",
                    f"{label}: {reason or 'no rating for this level'}",
                )
                suppressed.append(name)
        published = {k: v for k, v in shares.items() if v is not None}
        if not published:
            self.missing("education.required", f"{label}: every level's share is suppressed")
            return None, shares
        top = max(published.values())
        rest = 100 - sum(published.values())
        if suppressed and rest >= top:
            # A suppressed share could be the largest: naming one would be a guess.
            self.missing(
                "education.required",
                f"{label}: the most common level cannot be named: O*NET suppresses the "
                f"share of {', '.join(suppressed)}, which could be the largest",
            )
            return None, shares
        names = [name for key, _, name in REQUIRED_LEVELS if published.get(key) == top]
        return Degree(" / ".join(names), top), shares

    def tasks(self, code: str) -> tuple[str, ...]:
        label = self.name("onet")
        if "onet_task" not in self.tables:
            return ()
        rows = self.query(
            "SELECT task, task_type FROM onet_task WHERE soc = ? AND onet_code = ? "
            "ORDER BY position",
            (self.soc, code),
        )
        if not rows:
            self.missing("duties", f"{label}: no tasks for this occupation")
        else:
            self.cite("onet")
        order = {"Core": 0, "Supplemental": 1}
        ranked = sorted(enumerate(rows), key=lambda item: (order.get(item[1][1], 2), item[0]))
        return tuple(str(task) for _, (task, _) in ranked)

    def skills(self) -> tuple[Any, ...]:
        """The ten skills of highest importance (O*NET 30.1, all 35 skills), with their
        level: by importance, then level, then O*NET's element order."""
        from jobcompare.model import Skill

        if not self.has("onet-excel"):
            self.missing("skills", "this store was built without O*NET's skills")
            return ()
        label = self.name("onet-excel")
        # Only its own O*NET code's ratings (the parts' are stored under its SOC too).
        rows = self.query(
            "SELECT onet_code, element_id, element_name, scale_id, value, missing_reason "
            "FROM onet_skill WHERE soc = ? AND onet_code = ? ORDER BY element_id, scale_id",
            (self.soc, own_code(self.soc)),
        )
        if not rows:
            # O*NET 30.1 may rate occupations within this one (15-2051.01, .02): theirs.
            parts = parts_reason(self.store, "onet-excel", self.soc)
            self.missing("skills", parts or f"{label}: no skill ratings for this occupation")
            return ()
        self.cite("onet-excel")
        rated: dict[str, dict[str, Any]] = {}
        for _, element, name, scale, value, reason in rows:
            rated.setdefault(str(element), {"name": str(name)})[str(scale)] = _number(value)
            if value is None and reason:
                rated[str(element)][f"{scale}-reason"] = str(reason)
        known = [(e, r) for e, r in rated.items() if r.get("IM") is not None]
        known.sort(key=lambda item: (-item[1]["IM"], -(item[1].get("LV") or 0), item[0]))
        for _, r in known[:TOP_SKILLS]:
            # A level shown as — says why, as every missing figure does.
            if r.get("LV") is None:
                why = r.get("LV-reason", "O*NET publishes no level for this skill")
                self.missing(f"{SKILL_LEVEL}{r['name']}", f"{label}: {why}")
        return tuple(
            Skill(r["name"], importance=r["IM"], level=r.get("LV")) for _, r in known[:TOP_SKILLS]
        )

    def medians(self) -> dict[str, Any]:
        """The median each May of the series ending in May 2025 (annual and hourly), each
        missing one's reason recorded; nothing from a store without the national files."""
        from jobcompare.sources.store_history import LATEST, has_history, medians

        if not has_history(self.store):
            return {}
        values: dict[str, Any] = {}
        for path, figures in zip(
            ("salary.median_by_year", "salary.hourly_median_by_year"),
            medians(self.store, self.soc),
            strict=True,
        ):
            values[path] = {str(year): figure.amount() for year, figure in figures.items()}
            for year, figure in figures.items():
                if figure.value is None:
                    self.missing(f"{path}.{year}", figure.reason or NOT_PUBLISHED)
                elif year != LATEST:
                    self.cite("oews-history")
        return values

    def technology(self, code: str) -> tuple[Any, ...]:
        from jobcompare.model import Technology

        if "onet_technology" not in self.tables:
            return ()
        rows = self.query(
            "SELECT example, element_name, hot_technology, in_demand FROM onet_technology "
            "WHERE soc = ? AND onet_code = ?",
            (self.soc, code),
        )
        if not rows:
            self.missing("technology", f"{self.name('onet')}: no technology skills listed")
        else:
            self.cite("onet")
        found = [Technology(str(e), str(c), bool(h), bool(d)) for e, c, h, d in rows]
        # In demand first, then hot, then the rest; O*NET's order (category, example) within.
        return tuple(sorted(found, key=lambda t: (not t.in_demand, not t.hot)))


def fill(store: Store, role: Role) -> Role:
    """``role`` (built from OEWS) with every other source's figures for its SOC code."""
    if not role.soc:
        return role
    reader = _Reader(store, role)
    reader.cite("oews")
    if role.description is not None:
        reader.cite("onet")
    # The overview's tables, then O*NET, then the other sections': the order in which the
    # reasons for missing figures and the sources are listed.
    first = [t.name for t in spec(Section.OVERVIEW).tables]
    values = reader.read_tables(first)
    values["outlook_factors"] = reader.outlook_factors()  # the overview's, too
    code = reader.onet_code()
    if code is not None:
        values["overview.job_zone"], values["overview.job_zone_name"] = reader.job_zone(code)
        values["education.required"], values["education.required_levels"] = reader.required(code)
        values["duties"] = reader.tasks(code)
        values["technology"] = reader.technology(code)
        values["interests"] = reader.interests(code)
    values["skills"] = reader.skills()
    values.update(reader.medians())
    values.update(reader.read_tables([t for t in columns() if t not in first]))
    # Published AI exposure measures, each with its rank (docs/ai-exposure.md).
    values.update(exposures(reader.tables, reader.query, reader.soc, reader.name,
                            reader.cite, reader.missing))  # fmt: skip
    filled = with_values(role, values)
    return replace(
        filled,
        onet_occupations=within(store, role.soc),
        source=_source(store, role, reader.citations),
        source_parts=_source_parts(store, role, reader.citations),
        unpublished=reader.unpublished,
        citations=reader.citations,
    )


def with_values(role: Role, values: dict[str, Any]) -> Role:
    """``role`` with each model path of ``values`` set ("overview.jobs": an attribute;
    "demographics.race_ethnicity.white": a key of a dict, made when first set)."""
    parts: dict[str, dict[str, Any]] = {}
    shares: dict[tuple[str, str], dict[str, Any]] = {}
    top: dict[str, Any] = {}
    for path, value in values.items():
        names = path.split(".")
        if len(names) == 1:
            top[names[0]] = value
        elif len(names) == 2:
            parts.setdefault(names[0], {})[names[1]] = value
        else:
            shares.setdefault((names[0], names[1]), {})[names[2]] = value
    for (part, attribute), keyed in shares.items():
        parts.setdefault(part, {})[attribute] = keyed
    for part, changes in parts.items():
        top[part] = replace(getattr(role, part), **changes)
    return replace(role, **top)


def _column(figure: Field) -> str:
    return (figure.column or "").split(".", 1)[1]


def _source(store: Store, role: Role, citations: dict[str, Citation]) -> str | None:
    """The role's source line (OEWS, and O*NET for the description) with the attribution
    of every other source its figures come from, as each publisher asks to be cited. O*NET
    30.3 is credited once: by the description's credit when there is a description."""
    parts = dict(_source_parts(store, role, citations))
    if "description" in parts:
        parts.pop("onet", None)
    return "; ".join(parts.values()) or None


DESCRIBED = "; description from the "


def _source_parts(
    store: Store, role: Role, citations: dict[str, Citation]
) -> tuple[tuple[str, str], ...]:
    """:func:`_source`'s parts, each with its key: "oews" first (the role's own line),
    "description" (the O*NET credit of the overview's description, when there is one),
    then each other source cited, "onet" included, so that a view without the overview
    (``compare.narrowed``) credits O*NET 30.3 only when its figures are shown."""
    said: list[tuple[str, str]] = []
    if role.source:
        own, described, credit = role.source.partition(DESCRIBED)
        said.append(("oews", own))
        if described:
            said.append(("description", "description from the " + credit))
    for key in citations:
        if key == "oews":
            continue  # the role's own line
        row = store.source_rows.get(key)
        if row is not None:
            said.append((key, str(row[5]).rstrip(".")))
    return tuple(said)


def describe(store: Store, soc: str) -> tuple[str | None, str | None]:
    """(description, reason there is none).

    The description is that of the SOC code's own O*NET occupation, ``SOC.00``: the one
    ``onet_link`` names by the rule ``same``, or, for an occupation O*NET does not rate,
    its ``.00`` all the same (O*NET describes the "all other" occupations it does not
    rate: "All social scientists and related workers not listed separately.", and that
    description is its own). An OEWS code O*NET rates only as parts (an aggregate's
    occupations, more specific ones) gets none: a part's description is not the whole's,
    and the reason names the parts."""
    if "onet_occupation" not in store.tables:
        return None, NO_ONET
    own = own_code(soc)
    if "onet_link" in store.tables:
        codes = [str(c) for (c,) in store.query(
            "SELECT onet_code FROM onet_link WHERE soc = ? ORDER BY onet_code", (soc,)
        )]  # fmt: skip
        if codes and not speaks_for_itself(soc, codes):
            return None, f"{parts_reason(store, 'onet', soc, codes)}."
    rows = store.query("SELECT description FROM onet_occupation WHERE onet_code = ?", (own,))
    if rows and rows[0][0]:
        return str(rows[0][0]), None
    return None, NOT_RATED
