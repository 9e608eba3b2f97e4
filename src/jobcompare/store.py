"""The bundled official data, read from the store (``data/jobcompare.sqlite``).

The store is written once by ``jobcompare import`` (see ``importers/_write.py`` and
``docs/store.md``) and only read here: opened read-only and immutable, queried by primary
key or index for just what a command needs. No cache: a role is two indexed lookups.

Figures come out exactly as the source printed them: integers scaled back (hourly wages
are stored in cents, parities in thousandths), unpublished values None with the
publisher's reason, top-coded wages as lower bounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobcompare.errors import DatasetError, Problem
from jobcompare.files import bundled_data_dir
from jobcompare.names import RoleNames, normalise

if TYPE_CHECKING:
    from jobcompare.catalogue import Catalogue, Listing
    from jobcompare.model import Amount, Percentiles, Place, Role
    from jobcompare.store_types import Area, AreaPay, Parity, SourceSummary

STORE_NAME = "jobcompare.sqlite"
#: The store format this reader understands (``PRAGMA user_version``; see _write.py).
STORE_FORMAT = 1
NOT_PUBLISHED = "Not published by BLS."
NATION = "0000000"
ALL_OCCUPATIONS = "00-0000"
ONET_ATTRIBUTION = (
    "O*NET 30.3 Database by the U.S. Department of Labor, Employment and Training "
    "Administration (USDOL/ETA), used under the CC BY 4.0 license"
)
NO_ONET = "No O*NET 30.3 description: this store was built without the O*NET importer."
NOT_RATED = "O*NET 30.3 does not describe this occupation (not rated by O*NET)."
NO_RPP_TERRITORY = "BEA publishes no Regional Price Parities for the U.S. territories."
NO_RPP_NONMETRO = (
    "BEA publishes Regional Price Parities for states and metropolitan areas only, not for "
    "BLS's nonmetropolitan areas."
)
NO_RPP = "BEA publishes no Regional Price Parity for this area."

#: The OEWS measures of a pay row, in column order, with their scale (see importers/oews).
MEASURES: tuple[tuple[str, int], ...] = (
    ("employment", 1), ("hourly_mean", 100), ("annual_mean", 1),
    ("hourly_p10", 100), ("hourly_p25", 100), ("hourly_p50", 100), ("hourly_p75", 100),
    ("hourly_p90", 100),
    ("annual_p10", 1), ("annual_p25", 1), ("annual_p50", 1), ("annual_p75", 1),
    ("annual_p90", 1),
    ("jobs_per_1000", 1000), ("location_quotient", 100),
)  # fmt: skip
_COLUMNS = ", ".join(name for name, _ in MEASURES)
_PERCENTILE_KEYS = ("p10", "p25", "p50", "p75", "p90")
#: What ``rank_areas`` may rank by: measure columns (annual ones for "median"/"mean").
RANKABLE = {
    "median": "annual_p50", "mean": "annual_mean", "hourly_median": "hourly_p50",
    "hourly_mean": "hourly_mean", "employment": "employment", "lq": "location_quotient",
    "jobs_per_1000": "jobs_per_1000",
}  # fmt: skip
AREA_KINDS = ("nation", "state", "metro", "nonmetro")
#: Tables that name occupations without giving figures for them: titles (every OEWS
#: occupation has some) and O*NET's own occupation list.
_NOT_COVERAGE = frozenset(("area", "title", "onet_occupation"))
#: Columns that say about a row rather than give a figure: a row with nothing else is not
#: coverage (e.g. CPS's "no CPS row for this occupation", O*NET's unlinked occupations).
_NOT_FIGURES = frozenset(
    ("missing_reason", "reason", "note", "at_least", "cps_title", "match", "matrix_title",
     "matrix_code", "occupation_type", "acs_exact_match", "date", "domain_source", "n",
     "standard_error", "recommend_suppress", "not_relevant")
)  # fmt: skip


class StoreError(DatasetError):
    """The store is missing, unreadable or of another format."""


def bundled_store_path() -> Path:
    return bundled_data_dir() / STORE_NAME


class Figure:
    """One published (or unpublished) OEWS figure, exactly: ``value`` is None when BLS did
    not publish it (``reason`` says why); ``at_least`` marks a top-coded lower bound.
    (A plain class: a dataclass would cost start-up time on every run.)"""

    __slots__ = ("at_least", "reason", "value")

    def __init__(
        self, value: int | float | None, at_least: bool = False, reason: str | None = None
    ) -> None:
        self.value, self.at_least, self.reason = value, at_least, reason

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Figure) and (self.value, self.at_least, self.reason) == (
            other.value, other.at_least, other.reason,
        )  # fmt: skip

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Figure({self.value!r}, at_least={self.at_least!r}, reason={self.reason!r})"


class Store:
    """A read-only connection to the store, with the queries the commands need."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else bundled_store_path()
        if not self.path.is_file():
            raise StoreError([Problem(self.path, "the official-data store is missing")])
        import sqlite3

        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
        try:
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError([Problem(self.path, f"cannot read the store: {exc}")]) from None
        if version != STORE_FORMAT:
            raise StoreError(
                [Problem(self.path, f"store format {version}; this jobcompare reads "
                         f"{STORE_FORMAT} (rebuild it with 'jobcompare import all')")]
            )  # fmt: skip

    def close(self) -> None:
        self.db.close()

    def query(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """The rows of one read-only query; a store that cannot answer it (damaged, or
        built without the table) is a StoreError, a data error."""
        import sqlite3  # imported by __init__ already: a dictionary lookup

        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            raise StoreError([Problem(self.path, f"cannot read the store: {exc}")]) from None

    @cached_property
    def tables(self) -> frozenset[str]:
        rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return frozenset(str(name) for (name,) in rows)

    # -- roles ----------------------------------------------------------------------------

    @cached_property
    def listing(self) -> list[Listing]:
        """Every official role, in SOC order."""
        from jobcompare.catalogue import Listing

        rows = self.query("SELECT slug, title, soc, category FROM occupation ORDER BY soc")
        return [Listing(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    def role(self, slug: str) -> Role:
        """The role ``slug`` with its national OEWS figures, as the model's Role."""
        found = self.role_or_none(slug)
        if found is None:
            raise StoreError([Problem(self.path, "no such role in the store", role=slug)])
        return found

    def role_or_none(self, slug: str) -> Role | None:
        """The role ``slug`` (see :meth:`role`), or None when the store has no such slug."""
        from jobcompare.model import Overview, Role, Salary, SalaryRange

        found = self.query(
            "SELECT soc, title, noun, plural, category, best_state, best_metro, best_industry "
            "FROM occupation WHERE slug = ?",
            (slug,),
        )
        if not found:
            return None
        soc, title, noun, plural, category, state, metro, industry = (
            None if v is None else str(v) for v in found[0]
        )
        assert soc is not None and title is not None
        national = self.query(
            f"SELECT {_COLUMNS}, at_least FROM oews_pay WHERE soc = ? AND area = ?", (soc, NATION)
        )
        figures = self._figures(soc, NATION, national[0]) if national else self._absent(soc, NATION)
        unpublished: dict[str, str] = {}

        def amount(name: str, key: str | None) -> Amount | None:
            from jobcompare.model import Amount

            figure = figures[name]
            if figure.value is None:
                if key is not None:
                    unpublished[key] = figure.reason or NOT_PUBLISHED
                return None
            return Amount(figure.value, figure.at_least)

        jobs = figures["employment"]
        if jobs.value is None:
            unpublished["overview.jobs"] = jobs.reason or NOT_PUBLISHED
        average = amount("annual_mean", "salary.average")
        hourly = amount("hourly_mean", "salary.hourly")
        low, high = figures["annual_p10"], figures["annual_p90"]
        salary_range = None
        if low.value is None or high.value is None:
            reasons: list[str] = []
            for side in (low, high):
                if side.value is None and (side.reason or NOT_PUBLISHED) not in reasons:
                    reasons.append(side.reason or NOT_PUBLISHED)
            unpublished["salary.range"] = " ".join(reasons)
        else:
            minimum, maximum = amount("annual_p10", None), amount("annual_p90", None)
            assert minimum is not None and maximum is not None
            salary_range = SalaryRange(minimum, maximum)
        annual = self._percentiles(
            [amount(f"annual_{k}", f"salary.percentiles.{k}") for k in _PERCENTILE_KEYS]
        )
        # BLS's annual percentiles are its hourly ones x 2,080 wherever both are published;
        # the hourly ones are shown only beside a role that has nothing else (actors, ...):
        # see sections/salary.py.
        hourly_percentiles = self._percentiles(
            [amount(f"hourly_{k}", None) for k in _PERCENTILE_KEYS]
        )
        places = self._best_places(soc, state, metro, industry)
        description, reason, code = self._describe(soc)
        if reason is not None:
            unpublished["description"] = reason
        source = self.oews_attribution()
        if description is not None:
            source += "; description from the " + ONET_ATTRIBUTION
            if code != f"{soc}.00":  # say which O*NET occupation speaks for the SOC code
                source += f" (O*NET-SOC {code})"
        role = Role(
            slug=slug,
            title=title,
            category=category,
            description=description,
            source=source,
            soc=soc,
            noun=noun,
            plural=plural,
            overview=Overview(jobs=int(jobs.value) if jobs.value is not None else None),
            salary=Salary(
                average=average,
                hourly=hourly,
                range=salary_range,
                percentiles=annual,
                # Named as what they are (a metro area is no city), with BLS's figure.
                best_metro=places[0],
                best_state=places[1],
                best_of_50_states=places[2],
                best_industry=places[3],
                hourly_percentiles=hourly_percentiles,
            ),
            unpublished=unpublished,
        )
        from jobcompare.store_profile import fill

        return fill(self, role)

    def _best_places(
        self, soc: str, state: str | None, metro: str | None, industry: str | None
    ) -> tuple[Place | None, Place | None, Place | None, Place | None]:
        """The best-paid metro area, state and industry the import named, each with its
        average annual wage as BLS published it; when the best "state" is the District of
        Columbia or a territory, also the best-paid of the 50 states (by the import's
        rule: mean, then employment, then name)."""
        from jobcompare.model import Amount, Place

        mean_bit = next(i for i, (name, _) in enumerate(MEASURES) if name == "annual_mean")

        def area(name: str | None, kind: str) -> Place | None:
            if name is None:
                return None
            if "area" not in self.tables:  # a store of another build: the name alone
                return Place(name, None, kind)
            rows = self.query(
                "SELECT a.territory, a.district, p.annual_mean, p.at_least FROM oews_pay p "
                "JOIN area a ON a.code = p.area WHERE p.soc = ? AND a.name = ? AND a.type = ?",
                (soc, name, kind),
            )
            if not rows:
                return Place(name, None, kind)
            territory, district, mean, at_least = rows[0]
            pay = None if mean is None else Amount(int(mean), int(at_least) >> mean_bit & 1 == 1)
            named = "territory" if territory else "district" if district else kind
            return Place(name, pay, named)

        best_state = area(state, "state")
        of_50 = None
        if best_state is not None and best_state.kind not in ("state",) and best_state.pay:
            rows = self.query(
                "SELECT a.name, p.annual_mean, p.at_least FROM oews_pay p JOIN area a "
                "ON a.code = p.area WHERE p.soc = ? AND a.type = 'state' AND a.territory = 0 "
                "AND a.district = 0 AND p.annual_mean IS NOT NULL "
                "ORDER BY p.annual_mean DESC, p.employment DESC, lower(a.name), a.name LIMIT 1",
                (soc,),
            )
            if rows:
                name, mean, at_least = rows[0]
                of_50 = Place(str(name), Amount(int(mean), int(at_least) >> mean_bit & 1 == 1),
                              "state")  # fmt: skip
        best_industry = None
        if industry is not None and "oews_industry" not in self.tables:
            best_industry = Place(industry, None, "industry")
        elif industry is not None:
            # The import named the sector of the highest mean (then employment): its row.
            rows = self.query(
                "SELECT annual_mean, at_least FROM oews_industry WHERE soc = ? AND "
                "annual_mean IS NOT NULL ORDER BY annual_mean DESC, employment DESC LIMIT 1",
                (soc,),
            )
            mean, top = rows[0] if rows else (None, 0)
            pay = None if mean is None else Amount(int(mean), bool(top))
            best_industry = Place(industry, pay, "industry")
        return area(metro, "metro"), best_state, of_50, best_industry

    @staticmethod
    def _percentiles(values: list[Amount | None]) -> Percentiles | None:
        from jobcompare.model import Percentiles

        if all(v is None for v in values):
            return None
        return Percentiles(*values)

    @cached_property
    def _sources(self) -> dict[str, tuple[Any, ...]]:
        rows = self.query("SELECT * FROM source")
        return {str(row[0]): tuple(row) for row in rows}

    def oews_attribution(self) -> str:
        row = self._sources.get("oews")
        return str(row[5]) if row is not None else "U.S. Bureau of Labor Statistics, OEWS"

    def description(self, soc: str) -> tuple[str | None, str | None]:
        """(O*NET 30.3 description, None) or (None, why there is none)."""
        text, reason, _ = self._describe(soc)
        return text, reason

    def _describe(self, soc: str) -> tuple[str | None, str | None, str | None]:
        """(description, reason there is none, the O*NET code it comes from).

        The O*NET occupation is the one ``onet_link`` names for the SOC code (written by
        the O*NET importer by its documented rules), else ``SOC.00``: O*NET describes the
        "all other" occupations it does not rate ("All social scientists and related workers
        not listed separately."), and that description is its own. An OEWS code that O*NET
        splits into several occupations gets no single description: picking one would speak
        for the others silently."""
        if "onet_occupation" not in self.tables:
            return None, NO_ONET, None
        codes = [f"{soc}.00"]
        if "onet_link" in self.tables:
            codes = [str(c) for (c,) in self.query(
                "SELECT onet_code FROM onet_link WHERE soc = ? ORDER BY onet_code", (soc,)
            )] or [f"{soc}.00"]  # fmt: skip
            if len(codes) > 1:
                return (
                    None,
                    (
                        f"O*NET 30.3 describes this occupation as {len(codes)} occupations "
                        f"({', '.join(codes)}), not as one."
                    ),
                    None,
                )
        rows = self.query("SELECT description FROM onet_occupation WHERE onet_code = ?", codes)
        if rows and rows[0][0]:
            return str(rows[0][0]), None, codes[0]
        return None, NOT_RATED, None

    def _columns(self, table: str) -> list[str]:
        return [str(row[1]) for row in self.query(f'PRAGMA table_info("{table}")')]

    # -- areas ----------------------------------------------------------------------------

    @cached_property
    def _areas(self) -> dict[str, Area]:
        from jobcompare.store_types import Area

        rows = self.query(
            "SELECT code, name, type, state, territory, district, cbsa FROM area ORDER BY code"
        )
        return {
            str(code): Area(str(code), str(name), str(kind), None if state is None else str(state),
                            bool(territory), bool(district), None if cbsa is None else str(cbsa))
            for code, name, kind, state, territory, district, cbsa in rows
        }  # fmt: skip

    def areas(self) -> list[Area]:
        """Every OEWS area: the nation, states (DC and territories flagged), metropolitan
        and nonmetropolitan areas, by code."""
        return list(self._areas.values())

    def area(self, code: str) -> Area | None:
        return self._areas.get(code)

    def _absent(self, soc: str, area: str) -> dict[str, Figure]:
        return {name: Figure(None, reason=NOT_PUBLISHED) for name, _ in MEASURES}

    def _figures(
        self,
        soc: str,
        area: str,
        row: Sequence[Any],
        known: dict[str, dict[str, str]] | None = None,
    ) -> dict[str, Figure]:
        """The figures of one pay row; ``known``: the notes of every area, when the caller
        read them all at once (area -> measure -> reason)."""
        at_least = int(row[-1])
        notes: dict[str, str] | None = None if known is None else known.get(area, {})
        figures: dict[str, Figure] = {}
        for index, (name, scale) in enumerate(MEASURES):
            raw = row[index]
            if raw is None:
                if notes is None:
                    notes = self._notes(soc, area)[area]
                figures[name] = Figure(None, reason=notes.get(name, NOT_PUBLISHED))
                continue
            # Stored as exact integers (see MEASURES): scaled back, e.g. 5829 cents -> 58.29.
            value: int | float = raw if scale == 1 else raw / scale
            figures[name] = Figure(value, at_least >> index & 1 == 1)
        return figures

    def _notes(self, soc: str, area: str | None) -> dict[str, dict[str, str]]:
        """area -> measure -> the texts of its BLS footnotes (the reason it is not
        published), for one area or (``area`` None) every area of ``soc``."""
        if area is None:
            rows = self.query(
                "SELECT area, measure, footnotes FROM oews_note WHERE soc = ?", (soc,)
            )
        else:
            rows = self.query(
                "SELECT area, measure, footnotes FROM oews_note WHERE soc = ? AND area = ?",
                (soc, area),
            )
        texts = self._footnotes
        notes: dict[str, dict[str, str]] = {} if area is None else {area: {}}
        for where, measure, codes in rows:
            said = [texts[c] for c in str(codes).split() if c in texts]
            reason = " ".join(dict.fromkeys(said)) or NOT_PUBLISHED
            notes.setdefault(str(where), {})[str(measure)] = reason
        return notes

    @cached_property
    def _footnotes(self) -> dict[str, str]:
        return {str(c): str(t) for c, t in self.query("SELECT code, text FROM oews_footnote")}

    def area_pay(self, soc: str, area_code: str) -> AreaPay | None:
        """Every OEWS measure of ``soc`` in one area (one primary-key lookup); None when
        BLS publishes nothing for that occupation there."""
        from jobcompare.store_types import AreaPay

        area = self._areas.get(area_code)
        if area is None:
            return None
        rows = self.query(
            f"SELECT {_COLUMNS}, at_least FROM oews_pay WHERE soc = ? AND area = ?",
            (soc, area_code),
        )
        if not rows:
            return None
        return AreaPay(soc, area, self._figures(soc, area_code, rows[0]))

    def rank_areas(self, soc: str, by: str = "median", kind: str | None = None) -> list[AreaPay]:
        """The areas of one occupation (of ``kind``: state, metro, nonmetro; default all but
        the nation) from best to worst by ``by`` (see RANKABLE). Areas without the figure
        come last; a top-coded wage ranks at its lower bound. Read through the primary key
        (one occupation's rows), never a scan of the table."""
        from jobcompare.store_types import AreaPay

        column = RANKABLE.get(by)
        if column is None:
            raise ValueError(f"cannot rank by {by!r}: one of {', '.join(RANKABLE)}")
        if kind is not None and kind not in AREA_KINDS:
            raise ValueError(f"no area kind {kind!r}: one of {', '.join(AREA_KINDS)}")
        rows = self.query(
            f"SELECT area, {_COLUMNS}, at_least FROM oews_pay WHERE soc = ? "
            f"ORDER BY {column} IS NULL, {column} DESC, employment DESC, area",
            (soc,),
        )
        known = self._notes(soc, None)
        areas = self._areas
        ranked = []
        for row in rows:
            area = areas.get(row[0])
            if area is None or area.type == "nation" or (kind is not None and area.type != kind):
                continue
            ranked.append(AreaPay(soc, area, self._figures(soc, area.code, row[1:], known)))
        return ranked

    def rpp(self, area_code: str) -> Parity:
        """BEA's 2024 price parities for an OEWS area, or the reason there are none."""
        from jobcompare.store_types import Parity

        if "rpp" not in self.tables:
            return Parity(area_code, reason="This store was built without BEA's RPP.")
        rows = self.query(
            "SELECT name, all_items, goods, housing, utilities, other FROM rpp WHERE area = ?",
            (area_code,),
        )
        if rows:
            name, *values = rows[0]
            all_items, goods, housing, utilities, other = (
                None if v is None else int(v) / 1000 for v in values
            )
            return Parity(area_code, str(name), all_items, goods, housing, utilities, other)
        return Parity(area_code, reason=self._no_rpp_reason(area_code))

    def _no_rpp_reason(self, area_code: str) -> str:
        area = self._areas.get(area_code)
        if area is not None and area.territory:
            return NO_RPP_TERRITORY
        if area is not None and area.type == "nonmetro":
            return NO_RPP_NONMETRO
        return NO_RPP

    def parities(self) -> dict[str, Parity]:
        """BEA's 2024 all-items parity of every OEWS area (the reason where there is
        none), from one read of the small ``rpp`` table: for ranking every area."""
        from jobcompare.store_types import Parity

        if "rpp" not in self.tables:
            return {c: self.rpp(c) for c in self._areas}
        found = {
            str(area): (str(name), None if value is None else int(value) / 1000)
            for area, name, value in self.query(
                "SELECT area, name, all_items FROM rpp WHERE area IS NOT NULL"
            )
        }
        parities = {}
        for code in self._areas:
            if code in found:
                name, value = found[code]
                reason = None if value is not None else NO_RPP
                parities[code] = Parity(code, name, value, reason=reason)
            else:
                parities[code] = Parity(code, reason=self._no_rpp_reason(code))
        return parities

    def attribution(self, key: str) -> str | None:
        """The attribution of source ``key`` as the store records it (None: not in it)."""
        row = self._sources.get(key)
        return None if row is None else str(row[5])

    # -- sources --------------------------------------------------------------------------

    def sources(self) -> list[SourceSummary]:
        """Every source in the store with its files and coverage: how many OEWS detailed
        occupations (and areas) the source's tables have rows for."""
        from jobcompare.store_types import SourceSummary

        owned: dict[str, list[str]] = {}
        for name, source in self.query("SELECT name, source FROM store_table ORDER BY name"):
            owned.setdefault(str(source), []).append(str(name))
        files: dict[str, list[tuple[str, str]]] = {}
        for source, path, digest in self.query(
            "SELECT source, path, sha256 FROM source_file ORDER BY source, path"
        ):
            files.setdefault(str(source), []).append((str(path), str(digest)))
        summaries = []
        for key, row in sorted(self._sources.items()):
            tables = owned.get(key, [])
            key_, name, release, year, licence, attribution, url, folder = map(str, row[:8])
            summaries.append(
                SourceSummary(
                    key_,
                    name,
                    release,
                    year,
                    licence,
                    attribution,
                    url,
                    folder,
                    files=tuple(files.get(key, [])),
                    occupations=self._coverage(tables, "soc"),
                    areas=self._coverage(tables, "area"),
                )
            )
        return summaries

    def _coverage(self, tables: list[str], column: str) -> int | None:
        having = [t for t in tables if column in self._columns(t) and t not in _NOT_COVERAGE]
        if not having:
            return None
        selects = [
            f'SELECT "{column}" AS k FROM "{t}" WHERE {where}'
            for t in having
            if (where := self._with_figures(t)) is not None
        ]
        if not selects:
            return 0
        union = " UNION ".join(selects)
        if column == "soc":
            target = "SELECT soc FROM occupation WHERE soc != ?"
        else:
            target = "SELECT code FROM area WHERE code != ?"
        rows = self.query(
            f"SELECT COUNT(DISTINCT k) FROM ({union}) WHERE k IN ({target})",
            (ALL_OCCUPATIONS if column == "soc" else "",),
        )
        return int(rows[0][0])

    def _with_figures(self, table: str) -> str | None:
        """The condition keeping the rows of ``table`` that hold some figure: a row whose
        every figure is NULL (an occupation a source has no row for, with its reason)
        does not count as covered; None for a table with no figures at all (the reasons
        O*NET links no occupation)."""
        info = self.query(f'PRAGMA table_info("{table}")')
        values = [str(r[1]) for r in info if not r[5] and str(r[1]) not in _NOT_FIGURES]
        if not values:
            return None
        return " OR ".join(f'"{c}" IS NOT NULL' for c in values)

    def detailed_count(self) -> int:
        rows = self.query("SELECT COUNT(*) FROM occupation WHERE soc != ?", (ALL_OCCUPATIONS,))
        return int(rows[0][0])


class Roles:
    """The bundled roles behind one interface: the hand-written TOML roles (through the
    existing Catalogue) and the official ones (from the store), with the Catalogue's API
    (``find``, ``role``, ``listing``, ``names``, ``files``). The store is opened only when
    a role is not a TOML one."""

    def __init__(self, catalogue: Catalogue, store_path: Path | None = None) -> None:
        self.catalogue = catalogue
        self._store_path = store_path

    @cached_property
    def store(self) -> Store:
        return Store(self._store_path)

    @property
    def files(self) -> tuple[Path, ...]:
        return (*self.catalogue.files, self.store.path)

    @cached_property
    def listing(self) -> list[Listing]:
        return [*self.store.listing, *self.catalogue.listing]

    @cached_property
    def names(self) -> RoleNames:
        return RoleNames((r.slug, normalise(r.title), r.soc) for r in self.listing)

    @cached_property
    def _toml_slugs(self) -> frozenset[str]:
        return frozenset(entry.slug for entry in self.catalogue.listing)

    def _is_toml(self, slug: str) -> bool:
        return slug in self._toml_slugs

    def find(self, query: str) -> Role:
        """The role named by slug, title or SOC code (see RoleNames.resolve)."""
        wanted = query.strip().lower()
        if self._is_toml(wanted):
            return self.catalogue.role(wanted)
        found = self.store.role_or_none(wanted)
        return found if found is not None else self.role(self.names.resolve(query))

    def role(self, slug: str) -> Role:
        if self._is_toml(slug):
            return self.catalogue.role(slug)
        return self.store.role(slug)


def open_roles(store_path: Path | None = None, data: Path | None = None) -> Roles:
    """The bundled roles: data/roles.toml and the store; with ``data`` (a TOML file or a
    folder of them), the user's roles as well. A slug defined twice is a DatasetError
    naming both places, whether the other is a TOML file or the store."""
    from jobcompare.catalogue import open_catalogue, open_files
    from jobcompare.files import dataset_files

    if data is None:
        return Roles(open_catalogue(None), store_path)
    files = [*dataset_files(bundled_data_dir()), *dataset_files(data)]
    roles = Roles(open_files(files), store_path)
    official = {entry.slug for entry in roles.store.listing}
    clashes = [e.slug for e in roles.catalogue.listing if e.slug in official]
    if clashes:
        problems = []
        for slug in sorted(clashes):
            file, line = roles.catalogue.place(slug)
            message = f"duplicate slug: already defined in {roles.store.path} (an official role)"
            problems.append(Problem(file, message, role=slug, line=line))
        raise DatasetError(problems)
    return roles
