"""Local everywhere (issue 22): ``show ROLE --area``, ``where ROLE --in STATE`` and
``areas --search`` finding a state's areas. Figures are checked against the fixture rows in
BLS's and BEA's own formats (tests/fixtures/); the rule for metro areas that cross state
lines against the bundled store's real BLS area names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.areas import areas_in, find_state, search_areas, states_of
from jobcompare.engine.where import rank
from jobcompare.errors import AreaError, StateError
from jobcompare.importers._write import build_store
from jobcompare.output.views import where as where_view
from jobcompare.sources import store as store_module
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from jobcompare.sources.store_types import Area
from tests.conftest import error_box, flat, run
from tests.store.test_store import MODULES, ROOT, bls_row

SCHEMA = Path(__file__).parent.parent / "src" / "jobcompare" / "schema" / "areas.schema.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "jobcompare.sqlite"
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


@pytest.fixture(scope="module")
def bundled() -> Store:
    return Store()


def codes(areas: list[Area]) -> list[str]:
    return [a.code for a in areas]


def value(series: str) -> str:
    found, _ = bls_row(series)
    return found


# -- which state an area lies in --------------------------------------------------------


def area(code: str, name: str, kind: str, state: str | None) -> Area:
    return Area(code, name, kind, state, False, False, None)


@pytest.mark.parametrize(
    ("place", "states"),
    [
        (area("0026580", "Huntington-Ashland, WV-KY-OH", "metro", "WV"), ("WV", "KY", "OH")),
        (area("0017140", "Cincinnati, OH-KY-IN", "metro", "OH"), ("OH", "KY", "IN")),
        (area("0018140", "Columbus, OH", "metro", "OH"), ("OH",)),
        # BLS's main state first, even were the name to leave it out.
        (area("0099999", "Somewhere, KY", "metro", "OH"), ("OH", "KY")),
        (area("0099998", "No state part", "metro", "TX"), ("TX",)),
        (area("3900002", "Eastern Ohio nonmetropolitan area", "nonmetro", "OH"), ("OH",)),
        (area("3900000", "Ohio", "state", "OH"), ("OH",)),
        (area("0000000", "National", "nation", None), ()),
    ],
)
def test_the_states_an_area_lies_in(place: Area, states: tuple[str, ...]) -> None:
    assert states_of(place) == states


def test_every_bundled_metro_area_names_its_main_state(bundled: Store) -> None:
    """BLS's main state (the area file's state code) is one of the states its name lists,
    for every metro area: the rule reads nothing that is not in BLS's names."""
    metros = [a for a in bundled.areas() if a.type == "metro"]
    assert len(metros) > 350
    for place in metros:
        named = place.name.rsplit(", ", 1)[1].split("-")
        assert place.state in named, place
        assert set(states_of(place)) == set(named), place
    crossing = [a for a in metros if len(states_of(a)) > 1]
    assert len(crossing) >= 40  # 43 in May 2025


# -- finding a state ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [("NY", "3600000"), ("ny", "3600000"), ("new york", "3600000"), (" California ", "0600000"),
     ("3600000", "3600000"), ("DC", "1100000"), ("district of columbia", "1100000"),
     ("guam", "6600000")],
)  # fmt: skip
def test_find_state(store: Store, query: str, code: str) -> None:
    assert find_state(store.areas(), query).code == code


def test_a_bad_state_says_did_you_mean_and_the_choices(store: Store) -> None:
    with pytest.raises(StateError) as typo:
        find_state(store.areas(), "californa")
    assert str(typo.value) == (
        "'californa' is not a state; did you mean California (CA)? Give a state's postal "
        "code or name: CA, DC, GU, NY"
    )
    # A metro area is not a state; nor is a code that is not a state's.
    with pytest.raises(StateError, match=r"^'san jose' is not a state\. Give .*: CA, DC"):
        find_state(store.areas(), "san jose")
    with pytest.raises(AreaError, match="'0041940' is not a state"):
        find_state(store.areas(), "0041940")


def test_the_areas_in_a_state(store: Store) -> None:
    areas = store.areas()
    by_code = {a.code: a for a in areas}
    assert codes(areas_in(areas, by_code["0600000"])) == ["0041940", "0600001"]
    assert codes(areas_in(areas, by_code["3600000"])) == ["0035620"]
    assert areas_in(areas, by_code["6600000"]) == []


# -- areas --search -----------------------------------------------------------------------


def test_search_by_a_state_finds_its_areas(store: Store) -> None:
    areas = store.areas()
    assert codes(search_areas(areas, "NY")) == ["0035620", "3600000"]
    assert codes(search_areas(areas, "california")) == ["0041940", "0600000", "0600001"]
    assert codes(search_areas(areas, "3600000")) == ["3600000"]  # a code: that area only
    assert codes(search_areas(areas, "sunnyvale")) == ["0041940"]


def test_search_ohio_finds_ohios_metro_areas(bundled: Store) -> None:
    areas = bundled.areas()
    found = search_areas(areas, "ohio")
    names = [a.name for a in found]
    # Named ", OH" (Columbus) or listing OH among its states (Wheeling, WV-OH), the state
    # and its nonmetropolitan areas: nothing else.
    assert "Columbus, OH" in names and "Ohio" in names
    assert {"Huntington-Ashland, WV-KY-OH", "Wheeling, WV-OH", "Cincinnati, OH-KY-IN"} <= set(names)
    assert all(a.name == "Ohio" or "OH" in states_of(a) for a in found), [
        a.name for a in found if "OH" not in states_of(a)
    ]
    ohio_metros = {a.code for a in areas if a.type == "metro" and "OH" in states_of(a)}
    assert ohio_metros <= {a.code for a in found} and len(ohio_metros) == 15
    # The postal code finds the same areas, and no name that merely contains "oh".
    by_code = search_areas(areas, "OH")
    assert codes(by_code) == codes(found)
    assert not [a for a in by_code if "Idaho" in a.name or "Johnstown" in a.name]


def test_cli_areas_search_a_state(fixture_store: Path) -> None:
    listed = run(["areas", "--search", "new york", "-f", "csv"], bundled=True)
    assert listed.exit_code == 0, listed.stderr
    assert [line.split(",")[0] for line in listed.stdout.splitlines()[1:]] == [
        "0035620", "3600000"
    ]  # fmt: skip


# -- where --in ---------------------------------------------------------------------------


def test_where_in_a_state_ranks_its_areas_only(store: Store) -> None:
    collectors = official_role(store, "bill-and-account-collectors")
    california = find_state(store.areas(), "CA")
    everywhere = rank(store, collectors, "mean", None, None)
    ranking = rank(store, collectors, "mean", None, None, within=california)
    # The Eastern Sierra's and San Jose's rows (the fixture's annual means, datatype 04), in
    # the order of the ranking of every area, numbered anew; not the state's own row.
    means = {r.pay.area.code: r.figure("annual_mean").value for r in ranking.areas}
    assert means == {
        "0600001": int(value("OEUM060000100000043301104")),
        "0041940": int(value("OEUM004194000000043301104")),
    }
    assert [r.pay.area.code for r in ranking.areas] == ["0600001", "0041940"]  # 90,000; 70,000
    assert [r.pay.area.code for r in everywhere.areas if r.pay.area.code in means] == [
        "0600001", "0041940"
    ]  # fmt: skip
    assert [r.rank for r in ranking.areas] == [1, 2] and ranking.total == 2
    assert ranking.title == (
        "Where bill and account collectors are paid best on average: areas of California"
    )
    assert where_view.lead(ranking).startswith("All 2 areas of California with an estimate")
    assert not ranking.crosses and "crosses state lines" not in where_view.lead(ranking)
    metros = rank(store, collectors, "mean", "metro", None, within=california)
    assert [r.pay.area.code for r in metros.areas] == ["0041940"]
    assert metros.title.endswith(": metro areas of California")
    assert where_view.lead(metros).startswith("The one area of California with an estimate")


def test_where_in_a_state_a_metro_area_crossing_its_lines(store: Store) -> None:
    collectors = official_role(store, "bill-and-account-collectors")
    ranking = rank(store, collectors, "median", None, None, within=find_state(store.areas(), "NY"))
    assert [r.pay.area.name for r in ranking.areas] == ["New York-Newark-Jersey City, NY-NJ"]
    assert ranking.crosses
    assert "A metro area that crosses state lines" in where_view.lead(ranking)


def test_where_in_json_names_the_state(store: Store) -> None:
    import jsonschema

    collectors = official_role(store, "bill-and-account-collectors")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    within = rank(store, collectors, "median", None, 1, within=find_state(store.areas(), "CA"))
    data: dict[str, Any] = where_view.data(within)
    everywhere = where_view.data(rank(store, collectors, "median", None, 1))
    for document in (data, everywhere):
        jsonschema.Draft202012Validator(schema).validate(document)
    assert data["state"]["code"] == "0600000" and data["state"]["state"] == "CA"
    assert data["total"] == 2 and len(data["areas"]) == 1
    assert everywhere["state"] is None


def test_where_in_refuses_what_it_cannot_answer(store: Store) -> None:
    collectors = official_role(store, "bill-and-account-collectors")
    areas = store.areas()
    guam = find_state(areas, "GU")
    with pytest.raises(StateError, match="no metropolitan or nonmetropolitan areas in Guam"):
        rank(store, collectors, within=guam)
    with pytest.raises(AreaError, match="leave out --states"):
        rank(store, collectors, kind="state", within=find_state(areas, "CA"))
    san_jose = next(a for a in areas if a.code == "0041940")
    with pytest.raises(AreaError, match="--in takes a state"):
        rank(store, collectors, within=san_jose)


def test_cli_where_in(fixture_store: Path) -> None:
    result = run(["where", "bill-and-account-collectors", "--in", "california"], bundled=True,
                 width=120)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    assert "Where bill and account collectors are paid best: areas of California" in text
    assert "San Jose-Sunnyvale-Santa Clara, CA" in text
    assert "Eastern Sierra-Mother Lode Region of California nonmetropolitan area" in text
    assert "New York" not in text.split("Sources")[0]
    csv = run(["where", "bill-and-account-collectors", "--in", "CA", "-f", "csv"], bundled=True)
    assert csv.exit_code == 0, csv.stderr
    assert sorted(line.split(",")[1] for line in csv.stdout.splitlines()[1:]) == [
        "0041940", "0600001"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "hint", "message"),
    [
        (["--in", "californa"], "'--in'",
         "'californa' is not a state; did you mean California (CA)? Give a state's postal "
         "code or name: CA, DC, GU, NY"),
        (["--in", "guam"], "'--in'", "no metropolitan or nonmetropolitan areas in Guam"),
        (["--in", "CA", "--states"], "'--in' / '--states'", "leave out --states"),
    ],
)  # fmt: skip
def test_cli_where_in_usage_errors(
    fixture_store: Path, args: list[str], hint: str, message: str
) -> None:
    result = run(["where", "bill-and-account-collectors", *args], bundled=True, width=200)
    assert result.exit_code == 2 and result.stdout == ""
    said = " ".join(error_box(result.stderr))
    assert f"Invalid value for {hint}:" in said
    assert message in said


def test_where_in_lists_every_area_of_the_state_by_default() -> None:
    """Texas has more areas than the 20 ``where`` shows by default: --in shows them all,
    unless --top says otherwise; a metro area crossing state lines is in each state."""
    every = json.loads(run(["where", "registered-nurses", "--in", "TX", "--json"],
                           bundled=True).stdout)  # fmt: skip
    assert every["total"] > 20 and len(every["areas"]) == every["total"]
    names = [a["area"]["name"] for a in every["areas"]]
    assert "Texarkana, TX-AR" in names and "Austin-Round Rock-San Marcos, TX" in names
    assert all(a["area"]["type"] in ("metro", "nonmetro") for a in every["areas"])
    top = json.loads(run(["where", "registered-nurses", "--in", "TX", "--top", "3", "--json"],
                         bundled=True).stdout)  # fmt: skip
    assert [a["rank"] for a in top["areas"]] == [1, 2, 3]
    assert top["areas"] == every["areas"][:3]
    arkansas = json.loads(run(["where", "registered-nurses", "--in", "arkansas", "--json"],
                              bundled=True).stdout)  # fmt: skip
    texarkana = [a for a in arkansas["areas"] if a["area"]["name"] == "Texarkana, TX-AR"]
    assert texarkana and texarkana[0]["median"] == next(
        a["median"] for a in every["areas"] if a["area"]["name"] == "Texarkana, TX-AR"
    )
    plain = run(["where", "registered-nurses", "--json"], bundled=True).stdout
    assert len(json.loads(plain)["areas"]) == 20


def test_where_in_ohio_ranks_as_the_ranking_of_every_area() -> None:
    """The same figures and the same order as the ranking of every area, cut to Ohio's."""
    ohio = json.loads(run(["where", "registered-nurses", "--in", "OH", "--json"],
                          bundled=True).stdout)  # fmt: skip
    everywhere = json.loads(run(["where", "registered-nurses", "--top", "600", "--json"],
                                bundled=True).stdout)  # fmt: skip

    def in_ohio(place: dict[str, Any]) -> bool:
        if place["type"] == "metro":  # "Wheeling, WV-OH": the states after the last comma
            return "OH" in place["name"].rsplit(", ", 1)[-1].split("-")
        return place["type"] == "nonmetro" and place["state"] == "OH"

    kept = [a for a in everywhere["areas"] if in_ohio(a["area"])]
    strip = [{k: v for k, v in a.items() if k != "rank"} for a in kept]
    assert [{k: v for k, v in a.items() if k != "rank"} for a in ohio["areas"]] == strip
    assert [a["rank"] for a in ohio["areas"]] == list(range(1, len(kept) + 1))
    assert "Wheeling, WV-OH" in [a["area"]["name"] for a in ohio["areas"]]


# -- show ROLE --area ---------------------------------------------------------------------


@pytest.mark.parametrize("output", ["table", "markdown", "csv", "json", "html"])
def test_show_with_areas_is_the_area_comparison(fixture_store: Path, output: str) -> None:
    """``show ROLE --area A`` is ``jobcompare ROLE --area A``: the same result, drawn by
    the same view, in every format."""
    args = ["bill-and-account-collectors", "--area", "CA", "--area", "0041940", "--adjust",
            "-f", output]  # fmt: skip
    shown = run(["show", *args], bundled=True, width=100)
    compared = run(args, bundled=True, width=100)
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == compared.stdout
    assert shown.stdout.strip()


def test_show_with_an_area_shows_bls_figures_beside_the_nation(fixture_store: Path) -> None:
    result = run(["show", "bill-and-account-collectors", "--area", "california", "--json"],
                 bundled=True)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    california, nation = data["columns"]
    assert california["area"]["code"] == "0600000" and nation["area"]["code"] == "0000000"
    figures = california["figures"]
    assert figures["annual_mean"] == int(value("OEUS060000000000043301104"))
    assert figures["employment"] == int(value("OEUS060000000000043301101"))
    assert nation["figures"]["annual_mean"] == int(value("OEUN000000000000043301104"))
    table = flat(run(["show", "bill-and-account-collectors", "--area", "CA"], bundled=True,
                     width=120).stdout)  # fmt: skip
    assert "Bill and Account Collectors in California" in table
    assert "Average salary $60,000 $49,060" in table


@pytest.mark.parametrize(
    ("args", "hint", "message"),
    [
        (["--adjust"], "'--adjust'", "give the area with --area"),
        (["--area", "CA", "-s", "skills"], "'--section'", "leave out --section with --area"),
        (["--area", "californa"], "'--area'", "did you mean California (0600000)?"),
        (["--area", "CA", "--area", "NY", "--area", "DC", "--area", "GU", "--area", "0041940"],
         "'--area'", "give 1 to 4 areas (5 given)"),
    ],
)  # fmt: skip
def test_show_area_usage_errors(
    fixture_store: Path, args: list[str], hint: str, message: str
) -> None:
    result = run(["show", "bill-and-account-collectors", *args], bundled=True, width=200)
    assert result.exit_code == 2 and result.stdout == ""
    said = " ".join(error_box(result.stderr))
    assert f"Invalid value for {hint}:" in said
    assert message in said


def test_ambiguous_area_candidates_are_whole_lines(fixture_store: Path) -> None:
    """Each candidate on a line of its own, code first, never broken inside the box."""
    for width in (60, 80):
        result = run(["show", "actors", "--area", "york"], bundled=True, width=width)
        assert result.exit_code == 2
        lines = error_box(result.stderr)
        assert "  0035620  New York-Newark-Jersey City, NY-NJ" in lines
        assert "  3600000  New York" in lines
