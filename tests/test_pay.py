"""Where your pay falls (--pay, docs/pay.md): every bracket case on percentiles of our own
making, the amounts --pay takes and refuses, and the statements on the fixture store
(checked against the fixture's rows in BLS's format) and the bundled one, in every
format."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shlex
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.pay import (
    MAX_HOURLY,
    MAX_YEARLY,
    PERCENTILES,
    Published,
    YourPay,
    bracket,
    parse_pay,
)
from jobcompare.errors import PayError
from jobcompare.importers._write import build_store
from jobcompare.model import Amount
from jobcompare.output.schema_pay import PAY_DEFS
from jobcompare.sources import store as store_module
from jobcompare.sources.store import NATION, Store
from tests.conftest import error_box, flat, run, validate
from tests.store.test_store import MODULES, ROOT, bea_2024, bls_row

TESTS = Path(__file__).parent
AREAS_SCHEMA = TESTS.parent / "src" / "jobcompare" / "schema" / "areas.schema.json"
KEYS = [key for key, _ in PERCENTILES]


def percentiles(*values: int | float | tuple[int | float] | None) -> list[Published]:
    """p10 ... p90: a number is exact, a 1-tuple a top code (at least), None unpublished."""
    found = []
    for key, value in zip(KEYS, values, strict=True):
        if value is None:
            found.append(Published(key, None, "Estimate not released."))
        elif isinstance(value, tuple):
            found.append(Published(key, Amount(value[0], at_least=True)))
        else:
            found.append(Published(key, Amount(value)))
    return found


YEARLY = percentiles(68940, 80330, 97550, 112350, 137470)  # registered nurses, May 2025
HOURLY = percentiles(16.5, 20.34, 29.05, 97.95, 143.68)  # actors, May 2025
TOP_CODED_P90 = percentiles(40000, 60000, 79040, 149490, (239200,))
ALL_TOP_CODED = percentiles(*[(239200,)] * 5)


def year(value: int | float) -> YourPay:
    return YourPay(value, "year")


# -- every bracket case ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "position", "lower", "upper", "text"),
    [
        (50000, "below", None, "p10", "below the 10th percentile, $68,940"),
        (70000, "between", "p10", "p25",
         "between the 10th percentile, $68,940, and the 25th percentile, $80,330"),
        (85000, "between", "p25", "p50",
         "between the 25th percentile, $80,330, and the median, $97,550"),
        (100000, "between", "p50", "p75",
         "between the median, $97,550, and the 75th percentile, $112,350"),
        (120000, "between", "p75", "p90",
         "between the 75th percentile, $112,350, and the 90th percentile, $137,470"),
        (200000, "above", "p90", None, "above the 90th percentile, $137,470"),
        # One dollar off a percentile is on its side, never rounded onto it.
        (68939, "below", None, "p10", "below the 10th percentile, $68,940"),
        (137471, "above", "p90", None, "above the 90th percentile, $137,470"),
    ],
)  # fmt: skip
def test_each_interval(amount: int, position: str, lower: str | None, upper: str | None,
                       text: str) -> None:  # fmt: skip
    found = bracket(year(amount), YEARLY)
    assert found.position == position
    assert (found.lower.key if found.lower else None) == lower
    assert (found.upper.key if found.upper else None) == upper
    assert found.text == text
    if found.lower:
        assert found.lower.amount.value < amount
    if found.upper:
        assert found.upper.amount.value > amount


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (68940, "at the 10th percentile, $68,940"),
        (80330, "at the 25th percentile, $80,330"),
        (97550, "at the median, $97,550"),
        (112350, "at the 75th percentile, $112,350"),
        (137470, "at the 90th percentile, $137,470"),
        (97550.0, "at the median, $97,550"),
    ],
)
def test_exactly_on_each_percentile(amount: int, text: str) -> None:
    found = bracket(year(amount), YEARLY)
    assert found.position == "at" and found.text == text
    assert [b.amount.value for b in found.at] == [amount]
    assert found.lower is None and found.upper is None


def test_on_two_equal_percentiles_names_both() -> None:
    tied = percentiles(29120, 29120, 35000, 40000, 50000)
    found = bracket(year(29120), tied)
    assert found.text == "at the 10th and 25th percentiles, both $29,120"
    assert [b.key for b in found.at] == ["p10", "p25"]
    assert bracket(year(30000), tied).text == (
        "between the 25th percentile, $29,120, and the median, $35,000"
    )


def test_hourly_amounts_compare_to_the_cent() -> None:
    hour = YourPay(25, "hour")
    assert bracket(hour, HOURLY).text == (
        "between the 25th percentile, $20.34, and the median, $29.05"
    )
    assert bracket(YourPay(20.34, "hour"), HOURLY).text == "at the 25th percentile, $20.34"
    assert bracket(YourPay(20.35, "hour"), HOURLY).lower == (
        bracket(YourPay(25, "hour"), HOURLY).lower
    )
    assert bracket(YourPay(16.49, "hour"), HOURLY).text == "below the 10th percentile, $16.50"
    assert bracket(YourPay(150, "hour"), HOURLY).text == "above the 90th percentile, $143.68"


def test_a_top_coded_90th_percentile_is_a_lower_bound() -> None:
    below = bracket(year(200000), TOP_CODED_P90)
    assert below.position == "between" and (below.lower, below.upper) == (
        (("p75", Amount(149490))),
        ("p90", Amount(239200, True)),
    )
    assert below.text == (
        "between the 75th percentile, $149,490, and the 90th percentile, which is at least $239,200"
    )
    # Over the top code: the 90th percentile may be below or above it.
    above = bracket(year(300000), TOP_CODED_P90)
    assert above.position == "above" and above.upper is None
    assert [b.key for b in above.unplaced] == ["p90"]
    assert above.text == (
        "above the 75th percentile, $149,490; the 90th percentile is at least $239,200 "
        "(BLS's top code), so $300,000 may be below or above it"
    )
    # On the top code: at or below it, never "at".
    on = bracket(year(239200), TOP_CODED_P90)
    assert on.position == "between" and on.upper_or_at and not on.at
    assert on.text == (
        "above the 75th percentile, $149,490, and at or below the 90th percentile, which "
        "is at least $239,200"
    )


def test_every_percentile_top_coded() -> None:
    assert bracket(year(200000), ALL_TOP_CODED).text == (
        "below the 10th percentile, which is at least $239,200"
    )
    assert bracket(year(239200), ALL_TOP_CODED).text == (
        "at or below the 10th percentile, which is at least $239,200"
    )
    found = bracket(year(250000), ALL_TOP_CODED)
    assert found.position == "unplaced" and len(found.unplaced) == 5
    assert found.text == (
        "cannot be placed: every percentile, the 10th to the 90th, is at least $239,200 "
        "(BLS's top code), so $250,000 may be below or above any of them"
    )


def test_top_codes_above_the_median() -> None:
    upper = percentiles(100000, 150000, 200000, (239200,), (239200,))
    assert bracket(year(250000), upper).text == (
        "above the median, $200,000; the 75th and 90th percentiles are each at least "
        "$239,200 (BLS's top code), so $250,000 may be below or above them"
    )
    # BLS's own file has a 75th percentile over the 90th's top code (chief executives in
    # eastern Ohio): the exact figure bounds the amount, the top code is never consulted.
    odd = percentiles(50000, 100000, 165290, 374190, (239200,))
    assert bracket(year(300000), odd).text == (
        "between the median, $165,290, and the 75th percentile, $374,190"
    )
    adjusted = bracket(year(300000), upper, adjusted=True)
    assert "(BLS's top code, adjusted)" in adjusted.text


@pytest.mark.parametrize(
    ("values", "amount", "position", "text"),
    [
        ((None, 80330, None, 112350, None), 85000, "between",
         "between the 25th percentile, $80,330, and the 75th percentile, $112,350; the "
         "median, between them, is not published"),
        ((None, 80330, None, 112350, None), 50000, "below",
         "below the 25th percentile, $80,330; the 10th percentile is not published"),
        ((None, 80330, None, 112350, None), 120000, "above",
         "above the 75th percentile, $112,350; the 90th percentile is not published"),
        ((None, 80330, None, 112350, None), 80330, "at", "at the 25th percentile, $80,330"),
        ((None, None, None, 60000, 70000), 50000, "below",
         "below the 75th percentile, $60,000; the 10th percentile, the 25th percentile and "
         "the median are not published"),
        ((68940, None, None, None, 137470), 100000, "between",
         "between the 10th percentile, $68,940, and the 90th percentile, $137,470; the 25th "
         "percentile, the median and the 75th percentile, between them, are not published"),
        ((None, None, None, None, None), 85000, "none", "no percentile is published"),
    ],
)  # fmt: skip
def test_missing_percentiles_are_passed_over_only_where_the_statement_stays_true(
    values: tuple[int | None, ...], amount: int, position: str, text: str
) -> None:
    found = bracket(year(amount), percentiles(*values))
    assert (found.position, found.text) == (position, text)
    # Every percentile passed over is named, with BLS's reason.
    for key, reason in found.skipped:
        assert values[KEYS.index(key)] is None and reason == "Estimate not released."


# -- what --pay takes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hourly", "value", "per"),
    [
        ("85000", False, 85000, "year"),
        ("85,000", False, 85000, "year"),
        ("$85,000", False, 85000, "year"),
        (" $85,000.50 ", False, 85000.5, "year"),
        ("1,234,567", False, 1234567, "year"),
        ("85000/yr", False, 85000, "year"),
        ("85000 a year", False, 85000, "year"),
        ("27.50/h", False, 27.5, "hour"),
        ("27.50/hr", False, 27.5, "hour"),
        ("$27.50/hour", False, 27.5, "hour"),
        ("27.50 an hour", False, 27.5, "hour"),
        ("27.5 per hour", False, 27.5, "hour"),
        ("27.50", True, 27.5, "hour"),
        ("27.50/H", True, 27.5, "hour"),
        ("10000000", False, 10_000_000, "year"),
        ("5000/h", False, 5000, "hour"),
        ("1000", False, 1000, "year"),
    ],
)
def test_the_amounts_pay_takes(text: str, hourly: bool, value: float, per: str) -> None:
    assert parse_pay(text, hourly) == YourPay(value, per)  # type: ignore[arg-type]


#: Every amount --pay refuses, the words its error must say, and whether --hourly is given.
BAD_AMOUNTS: list[tuple[list[str], str]] = [
    (["--pay", ""], "give an amount: a year's pay in dollars"),
    (["--pay", "-85000"], "'-85000' is negative: give the pay, more than $0"),
    (["--pay=-27.50/h"], "'-27.50/h' is negative"),
    (["--pay", "0"], "'0' is zero: give the pay, more than $0"),
    (["--pay", "$0.00/h"], "'$0.00/h' is zero"),
    (["--pay", "eighty thousand"], "'eighty thousand' is not an amount: give a year's pay in "
     "dollars (85000, 85,000 or $85,000) or an hour's (27.50/h, 27.50/hr, '27.50 an hour', or "
     "the amount with --hourly)"),
    (["--pay", "nan"], "'nan' is not an amount"),
    (["--pay", "inf"], "'inf' is not an amount"),
    (["--pay", "1e5"], "'1e5' is not an amount"),
    (["--pay", "85k"], "'85k' is not an amount"),
    (["--pay", "8,5000"], "'8,5000' is not an amount"),
    (["--pay", "85000/week"], "'85000/week' is not an amount"),
    (["--pay", "--hourly"], "'--hourly' is not an amount"),
    (["--pay", "27.505/h"], "'27.505/h' has more than two decimals"),
    (["--pay", "10000001"], "'10000001' is more than $10,000,000 a year, beyond any wage BLS "
     "publishes"),
    (["--pay", "5000.01/h"], "'5000.01/h' is more than $5,000 an hour"),
    (["--pay", "85000", "--hourly"], "'85000' is more than $5,000 an hour"),
    (["--pay", "27.50"], "'27.50' a year is less than $1,000: for an hourly rate write "
     "27.50/h (or add --hourly)"),
    (["--pay", "85000/yr", "--hourly"], "'85000/yr' says a year and --hourly an hour"),
    (["--hourly"], "--hourly says --pay is an hour's pay"),
    (["--pay", "0.01/h"], "'0.01/h' is less than $1.00 an hour"),
    (["--pay", "٨٥٠٠٠"], "'٨٥٠٠٠' is not an amount"),  # digits of another script
    (["--pay", "８５０００"], "'８５０００' is not an amount"),
]  # fmt: skip


@pytest.mark.parametrize(("extra", "message"), BAD_AMOUNTS)
@pytest.mark.parametrize(
    "command",
    [
        ["show", "registered-nurses"],
        ["registered-nurses", "nurse-practitioners"],
        ["registered-nurses", "--area", "ohio"],
    ],
)
def test_a_bad_amount_is_a_usage_error_naming_the_option(
    command: list[str], extra: list[str], message: str
) -> None:
    result = run([*command, *extra], bundled=True, width=200)
    assert result.exit_code == 2, result.stderr
    box = " ".join(error_box(result.stderr))
    option = "'--hourly'" if extra == ["--hourly"] else "'--pay'"
    assert f"Invalid value for {option}:" in box
    assert message in " ".join(box.split())
    assert "Traceback" not in result.stderr and not result.stdout


def test_the_limits_are_documented() -> None:
    text = (TESTS.parent / "docs" / "pay.md").read_text(encoding="utf-8")
    assert f"${MAX_YEARLY:,}" in text and f"${MAX_HOURLY:,}" in text
    with pytest.raises(PayError):
        parse_pay(f"{MAX_YEARLY + 1}")


# -- on the fixture store, against its rows in BLS's format -------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pay") / "jobcompare.sqlite"
    build_store(ROOT, out, MODULES)
    return out


@pytest.fixture
def fixture_store(built: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(store_module, "bundled_store_path", lambda: built)
    return built


def annual(area: str, soc: str, key: str) -> tuple[str, str]:
    """(value, footnotes) of an annual percentile, straight from the fixture's data file."""
    code = {"p10": "11", "p25": "12", "p50": "13", "p75": "14", "p90": "15"}[key]
    kind = "N" if area == NATION else "S"
    return bls_row(f"OEU{kind}{area}000000{soc.replace('-', '')}{code}")


def pay_json(args: list[str]) -> dict[str, Any]:
    result = run([*args, "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.usefixtures("fixture_store")
def test_top_coded_percentiles_as_bls_publishes_them() -> None:
    """Anesthesiologists: the 10th and 25th percentiles exact, the median, 75th and 90th
    top-coded (footnote 5, "-" in BLS's file)."""
    assert annual(NATION, "29-1211", "p25") == ("200000", "")
    assert [annual(NATION, "29-1211", k) for k in ("p50", "p75", "p90")] == [("-", "5")] * 3
    below = pay_json(["show", "anesthesiologists", "--pay", "220000"])["your_pay"]["places"][0]
    assert below["position"] == "between"
    assert below["lower"] == {"percentile": "p25", "value": 200000}
    assert below["upper"] == {"percentile": "p50", "value": {"at_least": 239200}}
    assert below["text"] == (
        "between the 25th percentile, $200,000, and the median, which is at least $239,200"
    )
    above = pay_json(["show", "anesthesiologists", "--pay", "300000"])["your_pay"]["places"][0]
    assert above["position"] == "above" and above["upper"] is None
    assert [u["percentile"] for u in above["unplaced"]] == ["p50", "p75", "p90"]
    assert above["text"] == (
        "above the 25th percentile, $200,000; the median, the 75th percentile and the 90th "
        "percentile are each at least $239,200 (BLS's top code), so $300,000 may be below or "
        "above any of them"
    )
    shown = run(["show", "anesthesiologists", "--pay", "300000"], bundled=True)
    assert "may be below or above any of them" in flat(shown.stdout)


@pytest.mark.usefixtures("fixture_store")
def test_unpublished_percentiles_say_bls_reason() -> None:
    """Dancers in the fixture: only the 75th and 90th annual percentiles published."""
    assert annual(NATION, "27-2031", "p75")[0] == "60000"
    assert annual(NATION, "27-2031", "p50")[0] == "-"
    place = pay_json(["show", "dancers", "--pay", "50000"])["your_pay"]["places"][0]
    assert place["position"] == "below"
    assert place["upper"] == {"percentile": "p75", "value": 60000}
    assert set(place["unpublished"]) == {"p10", "p25", "p50"}
    assert place["text"].endswith("the 10th percentile, the 25th percentile and the median "
                                  "are not published")  # fmt: skip


@pytest.mark.usefixtures("fixture_store")
def test_an_area_with_its_median_alone_and_adjusted(built: Path) -> None:
    """Bill and account collectors in California: BLS's fixture row has the median only;
    adjusted, it is divided by California's RPP (BEA's 2024 column)."""
    assert annual("0600000", "43-3011", "p50")[0] == "58000"
    parity = float(bea_2024("SARPP_STATE_2008_2024.csv", "06000", "1"))
    data = pay_json(["bill-and-account-collectors", "--area", "CA", "--adjust",
                     "--pay", "60000"])  # fmt: skip
    places = {(p["area"], p["adjusted"]): p for p in data["your_pay"]["places"]}
    nominal = places[("0600000", False)]
    assert nominal["lower"] == {"percentile": "p50", "value": 58000}
    assert nominal["text"] == (
        "above the median, $58,000; the 75th and 90th percentiles are not published"
    )
    adjusted = places[("0600000", True)]
    median = round(58000 / (parity / 100))
    assert adjusted["lower"] == {"percentile": "p50", "value": median}
    assert adjusted["source"] == "BLS OEWS May 2025 ÷ BEA RPP 2024, California"
    assert (NATION, True) not in places  # the nation's parity is 100: the same figures
    national = places[(NATION, False)]
    assert national["lower"]["value"] == int(annual(NATION, "43-3011", "p75")[0])
    validate(data, json.loads(AREAS_SCHEMA.read_text("utf-8")), "comparison")


@pytest.mark.usefixtures("fixture_store")
def test_an_area_without_a_parity_or_an_estimate_says_why() -> None:
    data = pay_json(["bill-and-account-collectors", "--area", "guam", "--adjust",
                     "--pay", "30000"])  # fmt: skip
    places = {(p["area"], p["adjusted"]): p for p in data["your_pay"]["places"]}
    assert places[("6600000", True)]["position"] == "none"
    assert places[("6600000", True)]["text"].startswith("no price parity (BEA publishes no")
    actors = pay_json(["actors", "--area", "guam", "--pay", "30/h"])
    place = actors["your_pay"]["places"][0]
    assert (place["position"], place["text"]) == (
        "none",
        "BLS publishes no May 2025 estimate for this occupation in this area",
    )


@pytest.mark.usefixtures("fixture_store")
def test_hourly_only_occupations_need_an_hourly_amount() -> None:
    """Actors: BLS publishes hourly figures only (footnote 4), never converted."""
    yearly = pay_json(["show", "actors", "--pay", "50000"])["your_pay"]["places"][0]
    assert yearly["position"] == "other_unit" and yearly["percentiles"] is None
    assert yearly["text"] == (
        "BLS publishes only hourly percentiles for actors, so a yearly amount is not placed "
        "(never converted)"
    )
    assert yearly["unpublished"]["p50"].startswith("Wages for some occupations")
    terminal = flat(run(["show", "actors", "--pay", "50000"], bundled=True).stdout)
    assert "give an hourly rate, e.g. --pay 25.00/h" in terminal
    assert bls_row("OEUN000000000000027201106") == ("17.50", "")  # hourly 10th
    assert bls_row("OEUN000000000000027201107") == ("20.00", "")  # hourly 25th
    hourly = pay_json(["show", "actors", "--pay", "19/h"])["your_pay"]["places"][0]
    assert hourly["percentiles"] == "hourly"
    assert (hourly["lower"], hourly["upper"]) == (
        {"percentile": "p10", "value": 17.5},
        {"percentile": "p25", "value": 20.0},
    )
    assert hourly["text"] == "between the 10th percentile, $17.50, and the 25th percentile, $20.00"
    on = pay_json(["show", "actors", "--pay", "20", "--hourly"])["your_pay"]["places"][0]
    assert on["text"] == "at the 25th percentile, $20.00"
    # The hourly 90th percentile is top-coded ($115.00 an hour, footnote 5).
    over = pay_json(["show", "actors", "--pay", "120/h"])["your_pay"]["places"][0]
    assert over["unplaced"] == [{"percentile": "p90", "value": {"at_least": 115.0}}]


# -- the bundled store ------------------------------------------------------------------------


def test_every_occupation_is_bracketed_by_its_own_published_figures() -> None:
    """For every occupation nationally, amounts on, between, below and above its
    percentiles: each bound is the published figure and no published figure lies
    between the bounds (nothing interpolated, nothing skipped that would matter)."""
    from jobcompare.engine.pay import role_places
    from jobcompare.sources.roles import open_source

    store = Store()
    rows = store.query(f"SELECT soc, {', '.join('annual_' + k for k in KEYS)} FROM oews_pay "
                       "WHERE area = ? AND annual_p50 IS NOT NULL", (NATION,))  # fmt: skip
    source = open_source(None)
    slugs = dict(store.query("SELECT soc, slug FROM occupation", ()))
    checked = 0
    for soc, *values in rows:
        role = source.role(slugs[soc])
        exact = [v for v in values if v is not None]
        amounts = {*exact, *(v - 1 for v in exact), *(v + 1 for v in exact)}
        amounts |= {(a + b) // 2 for a, b in itertools.pairwise(exact)}
        for amount in sorted(a for a in amounts if a >= 1000):
            place = role_places(YourPay(amount, "year"), [role]).places[0]
            found = place.bracket
            checked += 1
            if amount in exact:
                assert found.position == "at", (soc, amount)
                continue
            low = found.lower.amount.value if found.lower else None
            high = found.upper.amount.value if found.upper else None
            assert low is None or low < amount, (soc, amount)
            assert high is None or high > amount, (soc, amount)
            between = [v for v in exact if (low is None or v > low) and
                       (high is None or v < high)]  # fmt: skip
            assert between == [], (soc, amount, found.text)
            assert (found.position == "below") == (low is None)
            assert (found.position == "above") == (high is None)
    assert checked > 10000


def test_registered_nurses_at_85000_in_every_format() -> None:
    nurses = Store().pay("29-1141", NATION)
    assert nurses is not None
    p25, p50 = nurses["annual_p25"].value, nurses["annual_p50"].value
    assert p25 is not None and p50 is not None and p25 < 85000 < p50
    words = f"between the 25th percentile, ${p25:,}, and the median, ${p50:,}"
    args = ["show", "registered-nurses", "--pay", "85,000"]
    table = run(args, bundled=True)
    assert table.exit_code == 0
    assert f"Your pay: $85,000 a year Registered Nurses: {words}." in flat(table.stdout)
    assert words in flat(run([*args, "-f", "markdown"], bundled=True).stdout)
    assert words in run([*args, "-f", "html"], bundled=True).stdout
    records = list(csv.reader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    mine = {r[1]: r for r in records if r[0] == "your_pay"}
    assert mine["amount"][3:5] == ["85000", "USD/year"]
    assert mine["lower.p25"][2:5] == ["registered-nurses", str(p25), "USD/year"]
    assert mine["upper.p50"][3] == str(p50) and mine["text"][3] == words
    document = pay_json(args)
    assert document["your_pay"]["places"][0]["text"] == words


def test_a_comparison_shows_each_role_and_validates(schema: dict[str, Any]) -> None:
    document = pay_json(["software-developers", "registered-nurses", "--pay", "250000"])
    validate(document, schema)
    texts = {p["role"]: p["text"] for p in document["your_pay"]["places"]}
    developers = Store().pay("15-1252", NATION)
    assert developers is not None
    assert texts["software-developers"] == (
        f"above the 90th percentile, ${developers['annual_p90'].value:,}"
    )
    # The concise page shows it: asked for.
    page = run(["software-developers", "registered-nurses", "--pay", "250000"], bundled=True)
    assert "Your pay: $250,000 a year" in page.stdout
    assert "Your pay" not in run(["software-developers", "registered-nurses"], bundled=True).stdout


def test_a_profile_validates_and_a_section_list_does_not_hide_it(schema: dict[str, Any]) -> None:
    document = pay_json(["show", "actors", "--pay", "25/h", "-s", "overview"])
    validate(document, schema, "role")
    assert document["your_pay"]["places"][0]["position"] == "between"


def test_an_annual_only_occupation_needs_a_yearly_amount() -> None:
    place = pay_json(["show", "business-teachers-postsecondary", "--pay", "40/h"])
    found = place["your_pay"]["places"][0]
    assert found["position"] == "other_unit"
    assert found["text"].startswith("BLS publishes only yearly percentiles for business")


def test_a_hand_written_role_has_no_percentiles() -> None:
    result = run(["patient-account-coordinator", "collections-coordinator", "--pay", "45000",
                  "--json"])  # fmt: skip
    document = json.loads(result.stdout)
    assert {p["position"] for p in document["your_pay"]["places"]} == {"none"}
    assert all(p["source"] == "" for p in document["your_pay"]["places"])


def test_area_comparisons_with_and_without_adjust() -> None:
    plain = pay_json(["registered-nurses", "--area", "ohio", "--pay", "85000"])
    assert [p["adjusted"] for p in plain["your_pay"]["places"]] == [False, False]
    adjusted = pay_json(["registered-nurses", "--area", "ohio", "--adjust", "--pay", "85000"])
    places = adjusted["your_pay"]["places"]
    assert [(p["area"], p["adjusted"]) for p in places] == [
        ("3900000", False),
        ("3900000", True),
        (NATION, False),
    ]
    ohio = Store().pay("29-1141", "3900000")
    parity = Store().rpp("3900000").all_items
    assert ohio is not None and parity
    p10, p25 = (round(ohio[m].value / (parity / 100)) for m in ("annual_p10", "annual_p25"))
    assert places[1]["lower"] == {"percentile": "p10", "value": p10}
    assert places[1]["upper"] == {"percentile": "p25", "value": p25}
    page = flat(run(["registered-nurses", "--area", "ohio", "--adjust", "--pay", "85000"],
                    bundled=True).stdout)  # fmt: skip
    assert f"Ohio, its pay adjusted to U.S. prices: between the 10th percentile, ${p10:,}" in page
    assert "the amount is read as pay at U.S. average prices" in page
    records = list(csv.DictReader(io.StringIO(run(
        ["registered-nurses", "--area", "ohio", "--adjust", "--pay", "85000", "-f", "csv"],
        bundled=True).stdout)))  # fmt: skip
    fields = {(r["area_code"], r["field"]): r for r in records}
    assert fields[("3900000", "your_pay_adjusted.lower.p10")]["value"] == str(p10)
    assert fields[("3900000", "your_pay.amount")]["unit"] == "USD/year"


def test_roles_in_one_area_have_their_national_place_too() -> None:
    document = pay_json(["registered-nurses", "actors", "--area", "CA", "--pay", "30/h"])
    whos = [p["who"] for p in document["your_pay"]["places"]]
    assert whos == ["Registered Nurses in California", "Registered Nurses (U.S.)",
                    "Actors in California", "Actors (U.S.)"]  # fmt: skip


def test_the_areas_schema_holds_the_same_pay_shapes() -> None:
    areas = json.loads(AREAS_SCHEMA.read_text("utf-8"))
    assert {k: areas["$defs"][k] for k in PAY_DEFS} == json.loads(json.dumps(PAY_DEFS))


def test_the_readme_pay_transcripts_are_real() -> None:
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("<!-- transcript:pay -->\n```console\n")[1:]
    assert blocks
    for block in blocks:
        command, expected = block.split("```\n<!-- /transcript:pay", 1)[0].split("\n", 1)
        args = shlex.split(command.removeprefix("$ jobcompare "))
        result = run(args, width=80, bundled=True)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == expected
