"""The rest of an official role's profile, read from the store: BLS Employment Projections
(outlook, entry education, attainment), O*NET (job zone, required education, tasks,
skills, technology) and CPS (age, women, race and ethnicity).

Called by :meth:`jobcompare.store.Store.role_or_none` on the role it built from OEWS.
Every figure is the stored one, unchanged; a figure a source does not give is None with
the source's reason in ``Role.unpublished`` (never zero, never from another source), and
each source that gave figures is named in ``Role.citations`` with its release and year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jobcompare.model import Citation, Degree, Number, Role
    from jobcompare.store import Store

ALL_OCCUPATIONS = "00-0000"

#: How a section's source line names each source (release and year from the store).
LABELS = {
    "oews": "BLS OEWS {release}",
    "ep": "BLS Employment Projections {year}",
    "ep-education": "BLS EP table 5.3 (ACS {year})",
    "onet": "O*NET {release} (CC BY 4.0)",
    "onet-excel": "O*NET {release} (CC BY 4.0)",
    "cps": "CPS {year}",
}
#: Which store tables each source wrote (a store built without one lacks them).
TABLES = {
    "ep": "ep_projection",
    "ep-education": "ep_attainment",
    "onet": "onet_link",
    "onet-excel": "onet_skill",
    "cps": "cps_demographics",
}
#: Store column -> model path, for EP table 1.2 figures.
EP_FIGURES = (
    ("employment_2024", "overview.ep_employment"),
    ("employment_2034", "overview.ep_employment_projected"),
    ("percent_change", "overview.projected_change"),
    ("change", "overview.projected_change_jobs"),
    ("annual_openings", "overview.annual_openings"),
    ("entry_education", "overview.entry_education"),
    ("work_experience", "overview.work_experience"),
    ("job_training", "overview.job_training"),
)
CPS_FIGURES = (
    ("median_age", "demographics.median_age"),
    ("percent_women", "demographics.women"),
    ("percent_white", "demographics.race_ethnicity.white"),
    ("percent_black", "demographics.race_ethnicity.black_or_african_american"),
    ("percent_asian", "demographics.race_ethnicity.asian"),
    ("percent_hispanic", "demographics.race_ethnicity.hispanic_or_latino"),
)
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


#: The ``unpublished`` path of a skill's O*NET level, before the skill's name.
SKILL_LEVEL = "skills.level."


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
        row = self.store._sources.get(key)
        if row is None:
            return key
        release = str(row[2]).split(" (")[0]
        return LABELS.get(key, str(row[1])).format(release=release, year=str(row[3]))

    def cite(self, key: str) -> None:
        """Name ``key`` among the role's sources: it gave some figure."""
        from jobcompare.model import Citation

        row = self.store._sources.get(key)
        if row is not None:
            name, release, year = str(row[1]), str(row[2]), str(row[3])
            self.citations.setdefault(key, Citation(self.name(key), name, release, year))

    def missing(self, path: str, reason: str) -> None:
        self.unpublished[path] = reason

    def has(self, source: str) -> bool:
        return TABLES[source] in self.tables

    # -- BLS Employment Projections -------------------------------------------------------

    def projections(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if not self.has("ep"):
            return values
        label = self.name("ep")
        columns = ", ".join(c for c, _ in EP_FIGURES)
        rows = self.query(
            f"SELECT {columns}, missing_reason FROM ep_projection WHERE soc = ?", (self.soc,)
        )
        if not rows:
            for _, path in EP_FIGURES:
                self.missing(path, f"{label}: no projection for this occupation")
            return values
        self.cite("ep")
        *figures, reason = rows[0]
        for (column, path), value in zip(EP_FIGURES, figures, strict=True):
            if value is None and self.soc == ALL_OCCUPATIONS:
                # BLS's total row: no entry education, experience or training by design.
                self.missing(path, f"{label}: none for the total of all occupations")
            elif value is None:
                why = _reason_for(reason, column, "not published")
                self.missing(path, f"{label}: {why}")
            values[path.split(".", 1)[1]] = value if isinstance(value, str) else _number(value)
        total = self.query(
            "SELECT percent_change FROM ep_projection WHERE soc = ?", (ALL_OCCUPATIONS,)
        )
        values["all_occupations_change"] = _number(total[0][0]) if total else None
        return values

    def attainment_note(self) -> str | None:
        if not self.has("ep-education"):
            return None
        rows = self.query(
            "SELECT acs_exact_match, note FROM ep_attainment WHERE soc = ?", (self.soc,)
        )
        if rows and not rows[0][0]:
            return str(rows[0][1] or "This occupation is not an exact match with ACS")
        return None

    def attainment(self) -> dict[str, Number | None] | None:
        from jobcompare.model import ATTAINMENT_LEVELS

        if not self.has("ep-education"):
            return None
        label = self.name("ep-education")
        columns = ", ".join(k for k, _ in ATTAINMENT_LEVELS)
        rows = self.query(f"SELECT {columns} FROM ep_attainment WHERE soc = ?", (self.soc,))
        if not rows:
            for key, _ in ATTAINMENT_LEVELS:
                self.missing(f"education.attainment.{key}", f"{label}: no row for this occupation")
            return None
        self.cite("ep-education")
        shares = {k: _number(v) for (k, _), v in zip(ATTAINMENT_LEVELS, rows[0], strict=True)}
        for key, value in shares.items():
            if value is None:
                self.missing(f"education.attainment.{key}", f"{label}: not published")
        return shares

    # -- O*NET ------------------------------------------------------------------------------

    def onet_code(self) -> str | None:
        """The one O*NET occupation speaking for the SOC code; None (with the reason for
        every O*NET figure) when there is none or several."""
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
        if len(codes) == 1:
            return codes[0]
        if codes:
            # The description's own reason, word for word: one note says it for both.
            _, said = self.store.description(self.soc)
            self._onet_missing(said or f"{label}: {len(codes)} O*NET occupations, not one")
            return None
        else:
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

        for path in ("overview.job_zone", "education.required", "duties", "skills", "technology"):
            self.missing(path, reason)
        for key, _, _ in REQUIRED_LEVELS:
            self.missing(f"education.required_levels.{key}", reason)

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
        rows = self.query(
            "SELECT onet_code, element_id, element_name, scale_id, value, missing_reason "
            "FROM onet_skill WHERE soc = ? ORDER BY onet_code, element_id, scale_id",
            (self.soc,),
        )
        codes = sorted({str(r[0]) for r in rows})
        if len(codes) != 1:
            why = (
                "no skill ratings for this occupation"
                if not codes
                else f"O*NET describes this occupation as {len(codes)} occupations "
                f"({', '.join(codes)}), not as one"
            )
            self.missing("skills", f"{label}: {why}")
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

    # -- CPS --------------------------------------------------------------------------------

    def demographics(self) -> dict[str, Any]:
        if not self.has("cps"):
            return {}
        label = self.name("cps")
        columns = ", ".join(c for c, _ in CPS_FIGURES)
        rows = self.query(
            f"SELECT {columns}, note, missing_reason FROM cps_demographics WHERE soc = ?",
            (self.soc,),
        )
        if not rows:
            for _, path in CPS_FIGURES:
                self.missing(path, f"{label}: no CPS row for this occupation")
            return {}
        *figures, note, reason = rows[0]
        if any(v is not None for v in figures):
            self.cite("cps")
        values: dict[str, Any] = {"cps_note": None if note is None else str(note)}
        race: dict[str, Number | None] = {}
        for (column, path), value in zip(CPS_FIGURES, figures, strict=True):
            number = _number(value)
            if number is None:
                self.missing(path, f"{label}: {_reason_for(reason, column, 'not published')}")
            if path.startswith("demographics.race_ethnicity."):
                race[path.rsplit(".", 1)[1]] = number
            else:
                values[path.split(".", 1)[1]] = number
        values["race_ethnicity"] = race
        return values


def fill(store: Store, role: Role) -> Role:
    """``role`` (built from OEWS) with every other source's figures for its SOC code."""
    if not role.soc:
        return role
    reader = _Reader(store, role)
    reader.cite("oews")
    if role.description is not None:
        reader.cite("onet")
    outlook = reader.projections()
    zone: tuple[int | None, str | None] = (None, None)
    required: tuple[Degree | None, dict[str, Number | None] | None] = (None, None)
    duties: tuple[str, ...] = ()
    technology: tuple[Any, ...] = ()
    code = reader.onet_code()
    if code is not None:
        zone = reader.job_zone(code)
        required = reader.required(code)
        duties = reader.tasks(code)
        technology = reader.technology(code)
    skills = reader.skills() if code is not None else ()
    attainment = reader.attainment()
    people = reader.demographics()
    return replace(
        role,
        source=_source(store, role, reader.citations),
        source_parts=_source_parts(store, role, reader.citations),
        overview=replace(role.overview, **outlook, job_zone=zone[0], job_zone_name=zone[1]),
        education=replace(
            role.education,
            entry_education=outlook.get("entry_education"),
            required=required[0],
            required_levels=required[1],
            attainment=attainment,
            attainment_note=reader.attainment_note(),
        ),
        demographics=replace(role.demographics, **people),
        duties=duties,
        skills=skills,
        technology=technology,
        unpublished=reader.unpublished,
        citations=reader.citations,
    )


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
        row = store._sources.get(key)
        if row is not None:
            said.append((key, str(row[5]).rstrip(".")))
    return tuple(said)
