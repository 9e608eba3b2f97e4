"""The store, built from fixture files in BLS's and BEA's own formats
(tests/fixtures/): what the importers write, what the reader gives back, and that
the same inputs always give the same bytes."""

from __future__ import annotations

import csv
import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from jobcompare.errors import ImportSourceError, StoreWriteError
from jobcompare.importers._write import STORE_FORMAT, build_store
from jobcompare.importers.sources import SOURCES
from jobcompare.model import Amount, Percentiles
from jobcompare.sources.roles import Roles
from jobcompare.sources.store import (
    NO_ONET,
    NO_RPP_NONMETRO,
    NO_RPP_TERRITORY,
    NOT_PUBLISHED,
    NOT_RATED,
    Store,
)
from jobcompare.sources.store_role import official_role
from tests.conftest import run
from tests.store.fake_onet import DESCRIPTION

ROOT = Path(__file__).parent.parent / "fixtures"
OEWS_DATA = ROOT / "bls-oews-2025" / "oe.data.0.Current"
MODULES = ("oews", "rpp")
NATION = "0000000"


def bls_row(series: str) -> tuple[str, str]:
    """(value, footnote codes) of one series, read straight from the fixture data file."""
    for line in OEWS_DATA.read_text().splitlines()[1:]:
        fields = [f.strip() for f in line.split("\t")]
        if fields[0] == series:
            return fields[3], fields[4]
    raise AssertionError(f"{series} not in the fixture")


def bea_2024(file: str, geofips: str, line_code: str) -> str:
    with (ROOT / "bea-rpp-2024" / file).open(newline="") as stream:
        for cells in csv.DictReader(stream):
            if (cells.get("GeoFIPS") or "").strip(' "') == geofips and cells[
                "LineCode"
            ] == line_code:
                return str(cells["2024"])
    raise AssertionError(f"{geofips} line {line_code} not in {file}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("store") / "jobcompare.sqlite"
    build_store(ROOT, out, MODULES)
    return out


@pytest.fixture(scope="module")
def store(built: Path) -> Store:
    return Store(built)


def test_national_figures_exactly_as_bls_prints_them(store: Store) -> None:
    pay = store.area_pay("43-3011", NATION)
    assert pay is not None
    figures = pay.figures
    assert figures["employment"].value == int(bls_row("OEUN000000000000043301101")[0])
    assert figures["hourly_mean"].value == float(bls_row("OEUN000000000000043301103")[0])
    assert figures["annual_mean"].value == int(bls_row("OEUN000000000000043301104")[0])
    for number, percentile in zip(range(11, 16), ("p10", "p25", "p50", "p75", "p90"), strict=True):
        expected = int(bls_row(f"OEUN0000000000000433011{number}")[0])
        assert figures[f"annual_{percentile}"].value == expected
    role = official_role(store, "bill-and-account-collectors")
    assert role.salary.average == Amount(49060)
    assert role.salary.hourly == Amount(23.59)
    assert role.overview.jobs == 158830
    assert role.source is not None and "OEWS), May 2025 estimates (release 2025A01)" in role.source


def test_hourly_only_occupation_has_hourly_percentiles(store: Store) -> None:
    actors = official_role(store, "actors")
    assert actors.salary.average is None  # never back-filled from the hourly figure
    assert actors.salary.percentiles is None
    reason = bls_row("OEUN000000000000027201104")[1]
    assert reason == "4"
    assert actors.unpublished["salary.average"].startswith("Wages for some occupations")
    assert actors.unpublished["salary.range"] == actors.unpublished["salary.average"]
    assert actors.salary.hourly_percentiles == Percentiles(
        p10=Amount(float(bls_row("OEUN000000000000027201106")[0])),
        p25=Amount(20.0),
        p50=Amount(28.40),
        p75=Amount(52.00),
        p90=Amount(115.0, at_least=True),  # footnote 5: "$115.00 per hour or more"
    )
    pay = store.area_pay("27-2011", NATION)
    assert pay is not None
    assert pay.figures["jobs_per_1000"].value == 0.354
    assert pay.figures["location_quotient"].value == 1.0


def test_top_coded_wages_are_lower_bounds(store: Store) -> None:
    anesthesiologists = official_role(store, "anesthesiologists")
    assert anesthesiologists.salary.average == Amount(239200, at_least=True)
    assert anesthesiologists.salary.hourly == Amount(115.0, at_least=True)
    assert anesthesiologists.salary.percentiles == Percentiles(
        p10=Amount(125000), p25=Amount(200000), p50=Amount(239200, at_least=True),
        p75=Amount(239200, at_least=True), p90=Amount(239200, at_least=True),
    )  # fmt: skip
    assert anesthesiologists.salary.range is not None
    assert anesthesiologists.salary.range.max == Amount(239200, at_least=True)


def test_suppressed_values_are_missing_with_bls_reason(store: Store) -> None:
    dancers = official_role(store, "dancers")
    assert bls_row("OEUN000000000000027203101") == ("-", "8")
    assert dancers.overview.jobs is None
    assert dancers.unpublished["overview.jobs"] == "Estimate not released."
    assert bls_row("OEUN000000000000027203113") == ("-", "")
    assert dancers.unpublished["salary.percentiles.p50"] == NOT_PUBLISHED
    assert dancers.salary.percentiles is not None
    assert dancers.salary.percentiles.p50 is None
    assert dancers.salary.percentiles.p75 == Amount(60000)
    # The range needs the 10th percentile: not released.
    assert dancers.unpublished["salary.range"] == "Estimate not released."
    pay = store.area_pay("43-3021", "0041940")
    assert pay is not None
    assert pay.figures["employment"].value is None
    assert pay.figures["employment"].reason == "Estimate not released."


def test_areas_flag_territories_dc_and_nonmetro_areas(store: Store) -> None:
    areas = {area.code: area for area in store.areas()}
    guam = areas["6600000"]
    assert (guam.type, guam.state, guam.territory, guam.district) == ("state", "GU", True, False)
    assert areas["1100000"].district and not areas["1100000"].territory
    assert areas["0600001"].type == "nonmetro"
    assert areas["0041940"].type == "metro" and areas["0041940"].cbsa == "41940"
    assert areas[NATION].type == "nation"
    pay = store.area_pay("43-3011", "6600000")
    assert pay is not None
    assert pay.figures["employment"].value == int(bls_row("OEUS660000000000043301101")[0])
    nonmetro = store.area_pay("43-3011", "0600001")
    assert nonmetro is not None and nonmetro.figures["annual_mean"].value == 90000
    assert store.area_pay("43-3011", "9999999") is None


def test_price_parities_join_by_fips_and_cbsa(store: Store) -> None:
    california = store.rpp("0600000")
    assert california.all_items == float(bea_2024("SARPP_STATE_2008_2024.csv", "06000", "1"))
    assert california.housing == float(bea_2024("SARPP_STATE_2008_2024.csv", "06000", "3"))
    san_jose = store.rpp("0041940")
    assert san_jose.name is not None and san_jose.name.startswith("San Jose")
    assert san_jose.all_items == float(bea_2024("MARPP_MSA_2008_2024.csv", "41940", "1"))
    assert san_jose.goods == float(bea_2024("MARPP_MSA_2008_2024.csv", "41940", "2"))
    assert store.rpp(NATION).all_items == 100.0
    # Areas without an RPP have none, with the reason.
    assert store.rpp("6600000") == type(san_jose)("6600000", reason=NO_RPP_TERRITORY)
    assert store.rpp("0600001").reason == NO_RPP_NONMETRO
    assert store.rpp("0600001").all_items is None


def test_rank_areas_ranks_top_coded_as_lower_bounds(store: Store) -> None:
    states = store.rank_areas("43-3011", by="mean", kind="state")
    # DC and New York tie at $65,000: more employment first.
    assert [p.area.name for p in states] == [
        "New York", "District of Columbia", "California", "Guam"
    ]  # fmt: skip
    clerks = store.rank_areas("43-3021", by="mean", kind="state")
    assert [(p.area.code, p.figures["annual_mean"].at_least) for p in clerks][:2] == [
        ("0600000", True),  # $239,200 or more (top-coded), 100 jobs
        ("1100000", False),  # $239,200 exactly, 50 jobs
    ]
    metros = store.rank_areas("43-3021", by="employment", kind="metro")
    assert [p.area.code for p in metros] == ["0041940"]  # its employment is not released
    with pytest.raises(ValueError, match="cannot rank by"):
        store.rank_areas("43-3011", by="shoe size")


def test_best_paid_state_metro_and_industry_as_before(store: Store) -> None:
    from jobcompare.model import Amount, Place

    collectors = official_role(store, "bill-and-account-collectors").salary
    # Named as what they are, each with BLS's average annual wage there (fixture rows).
    assert collectors.best_state is not None and collectors.best_state.name == "New York"
    assert collectors.best_state.kind == "state" and collectors.best_of_50_states is None
    assert collectors.best_metro is not None
    assert collectors.best_metro.name == "New York-Newark-Jersey City, NY-NJ"
    assert collectors.best_metro.kind == "metro" and collectors.best_metro.pay is not None
    assert collectors.best_industry == Place("Utilities", Amount(62000), "industry")
    # The seed page's fields (a city, a state) are left to the seed roles.
    assert collectors.highest_paying_city is None and collectors.highest_paying_state is None
    clerks = official_role(store, "billing-and-posting-clerks").salary
    assert clerks.best_state is not None and clerks.best_state.name == "California"
    anesthesiologists = official_role(store, "anesthesiologists").salary
    # A top-coded mean stays a lower bound.
    assert anesthesiologists.best_industry == Place(
        "Manufacturing", Amount(239200, at_least=True), "industry"
    )
    # The sector figures behind it are kept, a top-coded mean as a lower bound.
    sectors = dict(
        (row[0], row[1:])
        for row in store.db.execute(
            "SELECT industry, employment, annual_mean, at_least FROM oews_industry "
            "WHERE soc = '29-1211' ORDER BY industry"
        )
    )
    assert sectors == {"31--34": (None, 239200, 1), "54--55": (400, 238000, 0)}
    assert bls_row("OEUN000000031--3429121104") == ("-", "5")


def test_slugs_nouns_and_listing(store: Store) -> None:
    slugs = [entry.slug for entry in store.listing]
    assert "helpers-production-workers-51-9198" in slugs
    assert "helpers-production-workers-51-9199" in slugs
    assert "all-occupations" in slugs
    assert official_role(store, "bill-and-account-collectors").noun == "bill and account collector"
    assert (
        official_role(store, "bill-and-account-collectors").category
        == "Office and Administrative Support"
    )


def test_description_reason_without_onet(store: Store) -> None:
    role = official_role(store, "actors")
    assert role.description is None
    assert role.unpublished["description"] == NO_ONET


def test_other_importers_tables_and_onet_descriptions(tmp_path: Path) -> None:
    out = tmp_path / "store.sqlite"
    made: list[str] = []

    def hook(db: sqlite3.Connection) -> None:
        made.append("called")
        db.execute("CREATE TABLE extra (k TEXT PRIMARY KEY) WITHOUT ROWID")

    build_store(ROOT, out, (*MODULES, "tests.store.fake_onet"), post_build=[hook])
    assert made == ["called"]
    store = Store(out)
    collectors = official_role(store, "bill-and-account-collectors")
    assert collectors.description == DESCRIPTION
    assert collectors.source is not None
    assert "description from the O*NET 30.3 Database" in collectors.source
    assert "CC BY 4.0" in collectors.source
    assert official_role(store, "actors").unpublished["description"] == NOT_RATED
    # Never one of several O*NET occupations silently standing for the whole.
    clerks = official_role(store, "billing-and-posting-clerks")
    assert clerks.description is None
    assert clerks.unpublished["description"] == (
        "O*NET 30.3 rates only occupations within this one (43-3021.01 Billing clerk, part "
        "and 43-3021.02 Billing clerk, part), not this occupation as a whole."
    )
    # Nor one part standing for the whole: a part's description is its own (docs/mapping.md).
    dancers = official_role(store, "dancers")
    assert dancers.description is None
    assert dancers.source is not None and "description" not in dancers.source
    assert dancers.unpublished["description"] == (
        "O*NET 30.3 rates only occupations within this one (27-2031.01 Dancers, specific), "
        "not this occupation as a whole."
    )
    assert dancers.onet_occupations == (("27-2031.01", "Dancers, specific"),)
    # Coverage counts occupations with O*NET figures of their own: 43-3011 only.
    coverage = {s.key: s.occupations for s in store.sources()}
    assert coverage["onet"] == 1
    assert "extra" in store.tables


def test_sources_record_files_and_coverage(store: Store) -> None:
    sources = {s.key: s for s in store.sources()}
    assert set(sources) == {"oews", "rpp"}
    oews = sources["oews"]
    assert oews.release == "May 2025 (2025A01)"
    assert oews.licence.startswith("Public domain")
    assert len(oews.files) == 6
    data = dict(oews.files)["bls-oews-2025/oe.data.0.Current"]
    import hashlib

    assert data == hashlib.sha256(OEWS_DATA.read_bytes()).hexdigest()
    detailed = [e.soc for e in store.listing if e.soc != "00-0000"]
    assert oews.occupations == len(detailed) == store.detailed_count()
    assert sources["rpp"].occupations is None
    assert sources["rpp"].areas == 6  # nation, CA, DC, NY, New York and San Jose metros


def test_same_input_same_bytes(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build_store(ROOT, again, MODULES)
    assert again.read_bytes() == built.read_bytes()
    db = sqlite3.connect(again)
    assert db.execute("PRAGMA user_version").fetchone()[0] == STORE_FORMAT
    assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
    db.close()


def test_one_source_reimported_keeps_the_others(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "store.sqlite"
    shutil.copy(built, out)
    build_store(ROOT, out, ["rpp"], keep_from=out)
    old, new = sqlite3.connect(built), sqlite3.connect(out)
    for table in ("oews_pay", "oews_note", "occupation", "area", "rpp", "source", "source_file"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert old.execute(query).fetchall() == new.execute(query).fetchall(), table
    with pytest.raises(StoreWriteError, match="no such store"):
        build_store(ROOT, tmp_path / "none.sqlite", ["rpp"], keep_from=tmp_path / "none.sqlite")


def _copy_root(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(ROOT, root)
    return root


def test_truncated_gzip_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    oews = root / "bls-oews-2025"
    data = (oews / "oe.data.0.Current").read_bytes()
    (oews / "oe.data.0.Current").unlink()
    packed = gzip.compress(data, mtime=0)
    (oews / "oe.data.0.Current.gz").write_bytes(packed[: len(packed) // 2])
    out = tmp_path / "out" / "jobcompare.sqlite"
    result = run(["import", "all", str(root), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{oews / 'oe.data.0.Current.gz'}:" in result.stderr
    assert "cannot read data" in result.stderr
    assert result.stdout == ""
    assert not out.exists()
    assert list(out.parent.iterdir()) == []  # no temporary file left behind


def test_malformed_row_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    path = root / "bls-oews-2025" / "oe.data.0.Current"
    lines = path.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("OEUN000000000000043301103"))
    lines[at] = lines[at].replace("23.59", "23.5x")
    path.write_text("".join(lines))
    out = tmp_path / "jobcompare.sqlite"
    out.write_bytes(b"the previous store")
    with pytest.raises(ImportSourceError) as caught:
        build_store(root, out, MODULES)
    assert caught.value.path == path and caught.value.line == at + 1
    assert "'23.5x' is neither a number nor '-'" in str(caught.value)
    assert out.read_bytes() == b"the previous store"  # left as it was


def test_truncated_bea_file_is_an_error(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    path = root / "bea-rpp-2024" / "SARPP_STATE_2008_2024.csv"
    text = path.read_text()
    cut = text.index("\n", 400) - 30
    path.write_text(text[:cut] + "\n")
    with pytest.raises(ImportSourceError) as caught:
        build_store(root, tmp_path / "s.sqlite", MODULES)
    assert caught.value.path == path and caught.value.line == text[:cut].count("\n") + 1
    # Cut at the end of a line: the closing notes BEA ends every file with are missing.
    path.write_text(text[: text.index("\n", 400) + 1])
    with pytest.raises(ImportSourceError, match="truncated"):
        build_store(root, tmp_path / "s.sqlite", MODULES)


def test_missing_source_folder(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    shutil.rmtree(root / "bea-rpp-2024")
    result = run(["import", "all", str(root), "-o", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 1
    assert "bea-rpp-2024: not a folder" in result.stderr


def test_roles_combine_toml_and_store(built: Path) -> None:
    from jobcompare.engine.resolve import resolve
    from jobcompare.sources.catalogue import open_catalogue

    roles = Roles(open_catalogue(None), built)
    assert roles.role("patient-account-coordinator").source is not None
    assert roles.has("actors") and roles.has("patient-account-coordinator")
    assert resolve(["43-3011", "Actors"], roles).slugs == ("bill-and-account-collectors", "actors")
    slugs = [entry.slug for entry in roles.listing]
    assert "patient-account-coordinator" in slugs and "actors" in slugs


def test_sources_command_json() -> None:
    result = run(["sources", "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    keys = [source["key"] for source in document]
    assert "oews" in keys and "rpp" in keys
    oews = document[keys.index("oews")]
    assert oews["coverage"]["occupations"] == oews["coverage"]["of"] == 830
    text = run(["sources"], bundled=True).stdout
    assert "830 of 830 occupations" in text


def test_import_command_quiet_off_a_terminal_and_progress_reported(tmp_path: Path) -> None:
    out = tmp_path / "cli.sqlite"
    result = run(["import", "all", str(ROOT), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    # No progress bar without a terminal; the one message goes to stderr, stdout stays
    # for results (issue 13).
    assert result.stdout == ""
    # Every source, in import order (importers/sources.py).
    assert result.stderr.startswith(f"Wrote {out}: {', '.join(SOURCES)} (")
    assert ", cps, gpts-are-gpts, working-with-ai (" in result.stderr
    assert result.stderr.count("\n") == 1
    again = run(["import", "rpp", str(ROOT), "-o", str(out)])
    assert again.exit_code == 0 and again.stderr.startswith(f"Wrote {out}: rpp (")
    calls: dict[str, list[tuple[int, int]]] = {}

    def factory(info: object) -> object:
        key = getattr(info, "key", "")
        calls[key] = []
        return lambda done, total: calls[key].append((done, total))

    build_store(ROOT, tmp_path / "p.sqlite", MODULES, progress=factory)  # type: ignore[arg-type]
    size = OEWS_DATA.stat().st_size
    assert calls["oews"][0] == (0, size) and calls["oews"][-1] == (size, size)
    assert calls["rpp"][-1] == (2, 2)


def test_missing_or_foreign_store_is_a_data_error(tmp_path: Path) -> None:
    from jobcompare.sources.store import StoreError

    with pytest.raises(StoreError, match="missing"):
        Store(tmp_path / "none.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("PRAGMA user_version = 99").connection.close()
    with pytest.raises(StoreError, match="store format 99"):
        Store(other)
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot read the store"):
        Store(garbage)
