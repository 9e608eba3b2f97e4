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

from jobcompare.errors import Problem, StoreError
from jobcompare.files import bundled_data_dir

if TYPE_CHECKING:
    from jobcompare.sources.catalogue import Listing
    from jobcompare.sources.store_types import Area, AreaPay, Figure, Parity, SourceSummary

STORE_NAME = "jobcompare.sqlite"
#: The store format this reader understands (``PRAGMA user_version``; see _write.py).
STORE_FORMAT = 1
NOT_PUBLISHED = "Not published by BLS."
#: Why an occupation has no figures in an area: BLS has no row for it there.
NO_ESTIMATE = "BLS publishes no May 2025 estimate for this occupation in this area."
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
    # BLS's percent relative standard errors of the employment and of the mean wage.
    ("employment_rse", 10), ("mean_rse", 10),
)  # fmt: skip
_COLUMNS = ", ".join(name for name, _ in MEASURES)
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


def bundled_store_path() -> Path:
    return bundled_data_dir() / STORE_NAME


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

    @cached_property
    def listing(self) -> list[Listing]:
        """Every official role, in SOC order."""
        from jobcompare.sources.catalogue import Listing

        rows = self.query("SELECT slug, title, soc, category FROM occupation ORDER BY soc")
        return [Listing(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    @cached_property
    def source_rows(self) -> dict[str, tuple[Any, ...]]:
        rows = self.query("SELECT * FROM source")
        return {str(row[0]): tuple(row) for row in rows}

    def oews_attribution(self) -> str:
        return self.attribution("oews") or "U.S. Bureau of Labor Statistics, OEWS"

    @cached_property
    def _table_infos(self) -> dict[str, list[tuple[Any, ...]]]:
        return {}

    def _table_info(self, table: str) -> list[tuple[Any, ...]]:
        """``PRAGMA table_info`` of ``table``, asked once."""
        if table not in self._table_infos:
            self._table_infos[table] = self.query(f'PRAGMA table_info("{table}")')
        return self._table_infos[table]

    def _columns(self, table: str) -> list[str]:
        return [str(row[1]) for row in self._table_info(table)]

    # -- areas ----------------------------------------------------------------------------

    @cached_property
    def _areas(self) -> dict[str, Area]:
        from jobcompare.sources.store_types import Area

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

    def _figures(
        self,
        soc: str,
        area: str,
        row: Sequence[Any],
        known: dict[str, dict[str, str]] | None = None,
    ) -> dict[str, Figure]:
        """The figures of one pay row; ``known``: the notes of every area, when the caller
        read them all at once (area -> measure -> reason)."""
        from jobcompare.sources.store_types import Figure

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

    def pay(self, soc: str, area_code: str) -> dict[str, Figure] | None:
        """Every OEWS measure of ``soc`` in one area, by name (one primary-key lookup);
        None when BLS publishes nothing for that occupation there."""
        rows = self.query(
            f"SELECT {_COLUMNS}, at_least FROM oews_pay WHERE soc = ? AND area = ?",
            (soc, area_code),
        )
        return self._figures(soc, area_code, rows[0]) if rows else None

    def area_pay(self, soc: str, area_code: str) -> AreaPay | None:
        """:meth:`pay` with its area; None for an unknown area too."""
        from jobcompare.sources.store_types import AreaPay

        area = self._areas.get(area_code)
        figures = None if area is None else self.pay(soc, area_code)
        return None if area is None or figures is None else AreaPay(soc, area, figures)

    def rank_areas(self, soc: str, by: str = "median", kind: str | None = None) -> list[AreaPay]:
        """The areas of one occupation (of ``kind``: state, metro, nonmetro; default all but
        the nation) from best to worst by ``by`` (see RANKABLE). Areas without the figure
        come last; a top-coded wage ranks at its lower bound. Read through the primary key
        (one occupation's rows), never a scan of the table."""
        from jobcompare.sources.store_types import AreaPay

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
        from jobcompare.sources.store_types import Parity

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
        from jobcompare.sources.store_types import Parity

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
        row = self.source_rows.get(key)
        return None if row is None else str(row[5])

    # -- sources --------------------------------------------------------------------------

    def sources(self) -> list[SourceSummary]:
        """Every source in the store with its files and coverage: how many OEWS detailed
        occupations (and areas) the source's tables have rows for."""
        from jobcompare.sources.store_types import SourceSummary

        owned: dict[str, list[str]] = {}
        for name, source in self.query("SELECT name, source FROM store_table ORDER BY name"):
            owned.setdefault(str(source), []).append(str(name))
        files: dict[str, list[tuple[str, str]]] = {}
        for source, path, digest in self.query(
            "SELECT source, path, sha256 FROM source_file ORDER BY source, path"
        ):
            files.setdefault(str(source), []).append((str(path), str(digest)))
        notices: dict[str, str] = {}
        if "licence_notice" in self.tables:  # importers/ai_gpts.py: the MIT notice
            notices = {
                str(source): str(notice)
                for source, notice in self.query("SELECT source, notice FROM licence_notice")
            }
        summaries = []
        for key, row in sorted(self.source_rows.items()):
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
                    notice=notices.get(key),
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
        values = [
            str(r[1]) for r in self._table_info(table) if not r[5] and str(r[1]) not in _NOT_FIGURES
        ]
        if not values:
            return None
        held = " OR ".join(f'"{c}" IS NOT NULL' for c in values)
        if "onet_code" in self._columns(table):
            # O*NET's figures cover an occupation when they are its own (its ``.00``),
            # not a part's (docs/mapping.md, "Whose figures").
            return f"({held}) AND onet_code = soc || '.00'"
        return held

    def detailed_count(self) -> int:
        rows = self.query("SELECT COUNT(*) FROM occupation WHERE soc != ?", (ALL_OCCUPATIONS,))
        return int(rows[0][0])
