"""Areas: finding them, a role's figures in them (with prices adjusted), and ranking them,
checked against the fixture rows in BLS's and BEA's own formats (tests/fixtures/)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.areas import NO_ESTIMATE, area_comparison, find_area, search_areas
from jobcompare.engine.where import rank
from jobcompare.errors import AreaError
from jobcompare.importers._write import build_store
from jobcompare.model import Amount
from jobcompare.output.blocks import FigureTable
from jobcompare.output.dispatch import render
from jobcompare.output.options import Options
from jobcompare.output.views import areas as area_view
from jobcompare.output.views import where as where_view
from jobcompare.sources import store as store_module
from jobcompare.sources.store import NO_RPP_NONMETRO, NO_RPP_TERRITORY, Store
from jobcompare.sources.store_role import official_role
from tests.conftest import flat, run
from tests.store.test_store import MODULES, ROOT, bea_2024, bls_row

SCHEMA = Path(__file__).parent.parent / "src" / "jobcompare" / "schema" / "areas.schema.json"
STATES = "SARPP_STATE_2008_2024.csv"
METROS = "MARPP_MSA_2008_2024.csv"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("areas") / "jobcompare.sqlite"
    build_store(ROOT, out, MODULES)
    return out


@pytest.fixture(scope="module")
def store(built: Path) -> Store:
    return Store(built)


@pytest.fixture
def fixture_store(built: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line reads the fixture store as if it were the bundled one."""
    monkeypatch.setattr(store_module, "bundled_store_path", lambda: built)
    return built


def value(series: str) -> str:
    found, _ = bls_row(series)
    return found


def rpp(file: str, geofips: str) -> float:
    return float(bea_2024(file, geofips, "1"))


# -- finding an area ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("CA", "0600000"),
        ("ca", "0600000"),
        ("california", "0600000"),
        ("  California ", "0600000"),
        ("DC", "1100000"),
        ("guam", "6600000"),
        ("san jose", "0041940"),
        ("Sunnyvale", "0041940"),
        ("0041940", "0041940"),
        ("41940", "0041940"),
        ("new york", "3600000"),  # the state's whole name, not part of the metro's
        ("new york-newark", "0035620"),
        ("eastern sierra", "0600001"),
    ],
)
def test_find_area(store: Store, query: str, code: str) -> None:
    assert find_area(store.areas(), query).code == code


def test_ambiguous_area_lists_the_candidates(store: Store) -> None:
    with pytest.raises(AreaError) as error:
        find_area(store.areas(), "york")
    message = str(error.value)
    assert "'york' matches 2 areas" in message
    # One candidate a line, its code first: whole lines to copy.
    assert "\n  0035620  New York-Newark-Jersey City, NY-NJ\n" in message
    assert message.endswith("\n  3600000  New York")


def test_typo_suggests_the_closest_area(store: Store) -> None:
    with pytest.raises(AreaError, match=r"no area matches 'californa'; did you mean "
                       r"California \(0600000\)\?"):  # fmt: skip
        find_area(store.areas(), "californa")
    with pytest.raises(AreaError, match="no area has the code '12345'"):
        find_area(store.areas(), "12345")
    with pytest.raises(AreaError, match="an area is needed"):
        find_area(store.areas(), " ")


def test_search_areas(store: Store) -> None:
    assert [a.code for a in search_areas(store.areas(), "new york")] == ["0035620", "3600000"]
    assert [a.code for a in search_areas(store.areas(), "GU")] == ["6600000"]
    assert len(search_areas(store.areas(), None)) == len(store.areas())


# -- a role in areas ----------------------------------------------------------------------


def test_figures_in_areas_are_bls_and_bea_figures(store: Store) -> None:
    collectors = official_role(store, "bill-and-account-collectors")
    areas = [store.area("0600000"), store.area("0041940"), store.area("6600000"),
             store.area("0600001")]  # fmt: skip
    result = area_comparison(store, [collectors], [a for a in areas if a], adjust=True)
    california, san_jose, guam, nonmetro, nation = result.columns
    assert nation.label == "United States"
    assert california.figure("employment").value == int(value("OEUS060000000000043301101"))
    assert california.figure("hourly_mean").value == float(value("OEUS060000000000043301103"))
    assert california.figure("annual_mean").value == int(value("OEUS060000000000043301104"))
    assert california.figure("jobs_per_1000").value == float(value("OEUS060000000000043301116"))
    assert california.figure("location_quotient").value == float(value("OEUS060000000000043301117"))
    assert nation.figure("annual_mean").value == int(value("OEUN000000000000043301104"))
    # Adjusted: the annual mean / (RPP / 100), whole dollars, beside the nominal figure.
    parity = rpp(STATES, "06000")
    assert california.parity is not None and california.parity.all_items == parity
    expected = round(int(value("OEUS060000000000043301104")) / (parity / 100))
    assert california.adjusted("annual_mean") == Amount(expected)
    assert san_jose.adjusted("annual_mean") == Amount(
        round(int(value("OEUM004194000000043301104")) / (rpp(METROS, "41940") / 100))
    )
    # A territory and a nonmetropolitan area: figures, but no parity, with BEA's reason.
    assert guam.figure("annual_mean").value == int(value("OEUS660000000000043301104"))
    assert guam.area.territory
    assert guam.adjusted("annual_mean") is None
    assert guam.parity is not None and guam.parity.reason == NO_RPP_TERRITORY
    assert nonmetro.parity is not None and nonmetro.parity.reason == NO_RPP_NONMETRO
    assert nonmetro.figure("annual_mean").value == int(value("OEUM060000100000043301104"))

    document = area_view.document(result, Options())
    table = next(b for b in document.flat() if isinstance(b, FigureTable))
    assert table.columns == (
        "California", "San Jose-Sunnyvale-Santa Clara, CA", "Guam",
        "Eastern Sierra-Mother Lode Region of California nonmetropolitan area",
        "United States",
    )  # fmt: skip
    rows = {row.label: [c.text for c in row.cells] for row in table.rows}
    assert rows["Average salary"] == ["$60,000", "$70,000", "$38,000", "$90,000", "$49,060"]
    assert rows["Average salary, adjusted"][0] == f"${expected:,}"
    assert rows["Average salary, adjusted"][2:4] == ["—", "—"]
    assert rows["Price level (RPP, U.S. = 100)"] == [
        "110.720", "110.423", "—", "—", "100.000"
    ]  # fmt: skip
    # Marks compare the areas only: never the national reference column.
    average = next(r for r in table.rows if r.label == "Average salary")
    assert average.cells[3].highest and not average.cells[4].highest
    notes = flat(" ".join(str(b) for b in document.flat()))
    assert f"Guam: adjusted pay — {NO_RPP_TERRITORY}" in notes
    assert "OEWS May 2025 ÷ BEA RPP 2024" in notes


def test_top_coded_not_published_and_hourly_only_cells(store: Store) -> None:
    clerks = official_role(store, "billing-and-posting-clerks")
    california, san_jose = store.area("0600000"), store.area("0041940")
    assert california is not None and san_jose is not None
    result = area_comparison(store, [clerks], [california, san_jose], adjust=True)
    top_coded = result.columns[0].figure("annual_mean")
    assert bls_row("OEUS060000000000043302104") == ("-", "5")
    assert top_coded is not None and (top_coded.value, top_coded.at_least) == (239200, True)
    adjusted = result.columns[0].adjusted("annual_mean")
    assert adjusted == Amount(round(239200 / (rpp(STATES, "06000") / 100)), at_least=True)
    suppressed = result.columns[1].figure("employment")
    assert bls_row("OEUM004194000000043302101") == ("-", "8")
    assert suppressed is not None and suppressed.value is None
    assert suppressed.reason == "Estimate not released."
    table = next(
        b for b in area_view.document(result, Options()).flat() if isinstance(b, FigureTable)
    )
    rows = {row.label: [c.text for c in row.cells] for row in table.rows}
    assert rows["Average salary"][:2] == ["≥ $239,200", "—"]
    assert rows["Employment"][1] == "—"

    actors = official_role(store, "actors")
    hourly = area_comparison(store, [actors], [california])
    column = hourly.columns[0]
    assert bls_row("OEUS060000000000027201104") == ("-", "4")
    annual = column.figure("annual_mean")
    assert annual is not None and annual.value is None
    assert annual.reason is not None and annual.reason.startswith("Wages for some occupations")
    assert column.figure("hourly_mean").value == float(value("OEUS060000000000027201103"))
    notes = flat(" ".join(str(b) for b in area_view.document(hourly, Options()).flat()))
    assert "California: average salary — Wages for some occupations" in notes


def test_a_role_without_figures_in_an_area_says_so(store: Store) -> None:
    guam = store.area("6600000")
    assert guam is not None
    result = area_comparison(store, [official_role(store, "actors")], [guam])
    assert result.columns[0].pay is None
    document = area_view.document(result, Options())
    table = next(b for b in document.flat() if isinstance(b, FigureTable))
    assert all(row.cells[0].text == "—" for row in table.rows)
    # Never the national figure in its place: the nation's is in its own column.
    assert table.columns[-1] == "United States"
    assert f"Guam: every figure — {NO_ESTIMATE}" in flat(str(document.flat()))
    data = area_view.data(result)
    assert data["columns"][0]["published"] is False
    # Every figure is null, each with BLS's reason in the sibling map keyed like it.
    guam_column = data["columns"][0]
    assert set(guam_column["figures"].values()) == {None}
    assert guam_column["unpublished"]["figures.employment"] == NO_ESTIMATE
    assert {k for k in guam_column["unpublished"] if k.startswith("figures.")} == {
        f"figures.{m}" for m in guam_column["figures"]
    }  # fmt: skip


def test_roles_in_one_area_with_the_national_figure_below(store: Store) -> None:
    new_york = store.area("3600000")
    assert new_york is not None
    roles = [
        official_role(store, "bill-and-account-collectors"),
        official_role(store, "anesthesiologists"),
    ]
    result = area_comparison(store, roles, [new_york])
    table = next(
        b for b in area_view.document(result, Options()).flat() if isinstance(b, FigureTable)
    )
    assert table.columns == ("Bill and Account Collectors", "Anesthesiologists")
    rows = {row.label: row for row in table.rows}
    assert [c.text for c in rows["Average salary"].cells] == ["$65,000", "$230,000"]
    assert [c.text for c in rows["Average salary (U.S.)"].cells] == ["$49,060", "≥ $239,200"]
    assert rows["Average salary"].difference == "+$165,000 (+253.8%)"
    assert result.title == "Bill and Account Collectors vs Anesthesiologists in New York"


def test_several_roles_in_several_areas_is_refused(store: Store) -> None:
    roles = [official_role(store, "actors"), official_role(store, "dancers")]
    areas = [a for a in (store.area("0600000"), store.area("3600000")) if a]
    with pytest.raises(AreaError, match="not both"):
        area_comparison(store, roles, areas)


def test_json_and_csv_carry_every_figure(store: Store) -> None:
    import jsonschema

    california = store.area("0600000")
    assert california is not None
    clerks = official_role(store, "billing-and-posting-clerks")
    result = area_comparison(store, [clerks], [california], adjust=True)
    data = area_view.data(result)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(
        {"$defs": schema["$defs"], "$ref": "#/$defs/comparison"}
    ).validate(data)
    column = data["columns"][0]
    figures, missing = column["figures"], column["unpublished"]
    # One shape for amounts, as in the comparison JSON: a top-coded wage is a lower bound,
    # a published figure a plain number, an unpublished one null with its reason beside it.
    assert figures["annual_mean"] == {"at_least": 239200}
    employment = int(value("OEUS060000000000043302101"))
    assert figures["employment"] == employment and type(figures["employment"]) is int
    assert figures["annual_p50"] is None
    assert missing["figures.annual_p50"] == "Not published by BLS."
    assert "figures.annual_mean" not in missing and "figures.employment" not in missing
    assert all(figures[k.split(".", 1)[1]] is None for k in missing if k.startswith("figures."))
    assert column["rpp"]["all_items"] == rpp(STATES, "06000")
    adjusted = column["adjusted"]
    assert adjusted["annual_mean"] == {"at_least": round(239200 / (rpp(STATES, "06000") / 100))}
    assert adjusted["annual_p50"] is None
    records = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    mean = next(r for r in records if r["area_code"] == "0600000" and r["field"] == "annual_mean")
    assert (mean["value"], mean["bound"], mean["unit"]) == ("239200", "at_least", "USD/year")
    parity = next(r for r in records if r["field"] == "rpp" and r["area_code"] == "0600000")
    assert float(parity["value"]) == rpp(STATES, "06000")


# -- where --------------------------------------------------------------------------------


def test_where_ranks_top_coded_as_lower_bounds(store: Store) -> None:
    ranking = rank(store, official_role(store, "billing-and-posting-clerks"), "mean", "state")
    assert [(r.rank, r.pay.area.code) for r in ranking.areas] == [
        (1, "0600000"), (2, "1100000")
    ]  # fmt: skip
    first = ranking.areas[0].figure("annual_mean")
    assert first.at_least
    # In JSON the same 239200: a lower bound for California (top-coded, footnote 5), a
    # plain number for D.C., where BLS publishes it exactly.
    california, district = where_view.data(ranking)["areas"]
    assert california["mean"] == {"at_least": 239200} and district["mean"] == 239200
    assert california["median"] is None and california["adjusted"] is None
    assert california["unpublished"]["median"] == "Not published by BLS."
    assert "mean" not in california["unpublished"]
    text = render(ranking, "markdown")
    assert "| 1 | California |" in text and "≥ $239,200" in text


def test_where_by_adjusted_puts_areas_without_parity_last(store: Store) -> None:
    ranking = rank(store, official_role(store, "bill-and-account-collectors"), "adjusted", "state")
    codes = [r.pay.area.code for r in ranking.areas]
    assert codes[-1] == "6600000"  # Guam: no RPP
    assert ranking.areas[-1].rank is None
    adjusted = [r.adjusted() for r in ranking.areas[:-1]]
    numbers = [a.value for a in adjusted if a is not None]
    assert numbers == sorted(numbers, reverse=True)
    new_york = next(r for r in ranking.areas if r.pay.area.code == "3600000")
    median = int(value("OEUS360000000000043301113"))
    assert new_york.adjusted() == Amount(round(median / (rpp(STATES, "36000") / 100)))
    data = where_view.data(ranking)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    import jsonschema

    jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/ranking"}).validate(
        data
    )
    assert data["areas"][-1]["rpp"] == {"all_items": None, "reason": NO_RPP_TERRITORY}
    assert data["areas"][-1]["adjusted"] is None
    ny = next(a for a in data["areas"] if a["area"]["code"] == "3600000")
    assert ny["median"] == median and ny["adjusted"] == new_york.adjusted().value
    assert ny["location_quotient"] is None
    assert ny["unpublished"] == {
        "location_quotient": "Not published by BLS.", "jobs_per_1000": "Not published by BLS."
    }  # fmt: skip
    records = list(csv.DictReader(io.StringIO(render(ranking, "csv"))))
    assert records[-1]["rank"] == "" and records[-1]["area"] == "Guam"
    assert records[-1]["missing"].endswith(f"adjusted pay: {NO_RPP_TERRITORY}")


def test_where_hourly_only_ranks_hourly_pay(store: Store) -> None:
    ranking = rank(store, official_role(store, "actors"), "median", None)
    assert ranking.hourly
    assert "its hourly pay is shown and ranked" in where_view.lead(ranking)


# -- the command line ---------------------------------------------------------------------


def test_cli_area_comparison(fixture_store: Path) -> None:
    result = run(["bill-and-account-collectors", "--area", "CA", "--area", "guam",
                  "--adjust"], bundled=True, width=120)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "Bill and Account Collectors in California and Guam" in text
    assert "Average salary $60,000 ▲ $38,000 ▼ $49,060" in text
    assert "OEWS May 2025 ÷ BEA RPP 2024" in text
    assert "U.S. Bureau of Economic Analysis, Regional Price Parities" in text


@pytest.mark.parametrize("output", ["json", "csv", "markdown"])
def test_cli_area_formats(fixture_store: Path, output: str) -> None:
    result = run(["actors", "--area", "CA", "-f", output], bundled=True)
    assert result.exit_code == 0, result.stderr
    assert "70" in result.stdout
    if output == "json":
        assert json.loads(result.stdout)["columns"][0]["area"]["code"] == "0600000"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["actors", "--area", "californa"], "did you mean California (0600000)?"),
        (["actors", "--area", "york"], "'york' matches 2 areas"),
        (["actors", "dancers", "--adjust"], "--adjust divides an area's pay by its price"),
        (["actors", "dancers", "--area", "CA", "--area", "NY"], "not both"),
        (["actors", "--area", "CA", "--area", "CA"], "given more than once"),
        (["where", "actors", "--states", "--metros"], "not both"),
        (["actors", "--area", "CA", "-s", "skills"], "leave out --section with --area"),
        (
            [
                "actors",
                "--area",
                "CA",
                "--area",
                "NY",
                "--area",
                "DC",
                "--area",
                "GU",
                "--area",
                "0041940",
            ],
            "1 to 4 areas",
        ),
        (["where", "actors", "--by", "shoe"], "shoe"),
        (["where", "nobody-at-all"], "nobody-at-all"),
    ],
)
def test_cli_area_usage_errors(fixture_store: Path, args: list[str], message: str) -> None:
    result = run(args, bundled=True, width=200)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in flat(result.stderr)


def test_cli_a_role_without_figures_there(fixture_store: Path) -> None:
    result = run(["actors", "--area", "guam"], bundled=True, width=120)
    assert result.exit_code == 0
    assert f"Guam: every figure — {NO_ESTIMATE}" in flat(result.stdout)


def test_cli_where_and_areas(fixture_store: Path) -> None:
    result = run(["where", "bill-and-account-collectors", "--states", "--top", "2"],
                 bundled=True, width=120)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "The top 2 of 4 areas" in text
    # By median (the fixture's datatype 13 rows): DC, then New York; California is third.
    assert "1 District of Columbia $63,000" in text
    assert "2 New York $61,000" in text
    assert "California" not in text.split("Sources")[0]
    listed = run(["areas", "--search", "new york"], bundled=True, width=120)
    assert listed.exit_code == 0
    assert "0035620 metro NY New York-Newark-Jersey City, NY-NJ" in flat(listed.stdout)
    data: dict[str, Any] = json.loads(run(["areas", "--json"], bundled=True).stdout)
    kinds = {a["code"]: a["kind"] for a in data["areas"]}
    assert kinds["6600000"] == "territory" and kinds["1100000"] == "district"


def test_the_readme_area_transcripts_are_real() -> None:
    """The README's --area and where transcripts, run on the bundled store."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("<!-- transcript:store -->\n```console\n")[1:]
    assert len(blocks) == 3
    for block in blocks:
        command, expected = block.split("```\n<!-- /transcript:store", 1)[0].split("\n", 1)
        args = command.removeprefix("$ jobcompare ").split()
        result = run(args, width=80, bundled=True)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == expected


def test_area_queries_read_through_indexes(built: Path) -> None:
    """Every statement an area comparison and a ranking of every area run is answered
    from a primary key or an index: no scan of the OEWS tables."""
    store = Store(built)
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    roles = [official_role(store, "bill-and-account-collectors")]
    areas = [a for a in (store.area("0600000"), store.area("0041940")) if a]
    area_comparison(store, roles, areas, adjust=True)
    rank(store, roles[0], "adjusted", None, 600)
    store.db.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert any("oews_pay" in s for s in reads) and any("rpp" in s for s in reads)
    for statement in reads:
        plan = " ".join(str(r[3]) for r in store.db.execute("EXPLAIN QUERY PLAN " + statement))
        for table in ("oews_pay", "oews_note"):
            assert f"SCAN {table}" not in plan, (statement, plan)
        # (The parities of every area are read once, whole: rpp is 440 rows, all needed.)
        if "FROM rpp WHERE area =" in statement:
            assert "USING INDEX rpp_by_area" in plan


def test_areas_list_json_matches_the_schema(fixture_store: Path) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = json.loads(run(["areas", "--json"], bundled=True).stdout)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert len(data["areas"]) == 8


def test_area_commands_read_names_as_compare_does() -> None:
    # An everyday name works with --area and where, and says on stderr how it was read.
    compared = run(["registered nurse", "software-developers", "--area", "ohio"], bundled=True)
    assert compared.exit_code == 0, compared.stderr
    assert compared.stderr == "'registered nurse' → Registered Nurses (29-1141)\n"
    assert compared.stdout.startswith("Registered Nurses vs Software Developers in Ohio")
    ranked = run(["where", "RN", "--states", "--top", "2"], bundled=True)
    assert ranked.exit_code == 0, ranked.stderr
    assert ranked.stderr.startswith("'RN' → Registered Nurses (29-1141)")
    assert "registered nurses" in ranked.stdout


def test_a_store_figure_is_pay_only_when_published() -> None:
    from jobcompare.model import Amount
    from jobcompare.sources.store_types import Figure
    from jobcompare.text import whole

    top_coded = Figure(239200, at_least=True)
    assert top_coded.amount() == Amount(239200, True)
    assert top_coded.shown("MONEY") == Amount(239200, True)
    assert Figure(1.25).shown("NUMBER") == 1.25  # a location quotient stays a number
    unpublished = Figure(None, reason="Estimate not released.")
    assert unpublished.amount() is None and unpublished.shown("RATE") is None
    assert whole(12.0) == 12 and isinstance(whole(12.0), int) and whole(12.5) == 12.5


def test_an_area_comparison_says_differences_as_a_comparison_does() -> None:
    """Official titles read plainly ("a dentist, general" does not): one sentence for both."""
    from tests.conftest import run

    args = ["dentists-general", "orthodontists"]
    plain = run([*args, "-s", "salary"], width=100, bundled=True).stdout
    in_area = run([*args, "--area", "California"], width=100, bundled=True).stdout
    sentence = "Differences are Orthodontists minus Dentists, General."
    assert sentence in " ".join(plain.split())
    assert sentence in " ".join(in_area.split())
