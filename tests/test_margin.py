"""How sure: BLS OEWS's relative standard errors (datatypes 02 and 05) as imported and read,
and the mark of a difference between two mean wages within the survey's margin, in the
engine (engine/margin.py) and every format. The figures are the fixture's rows, in BLS's
own format (tests/fixtures/bls-oews-2025)."""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.areas import area_comparison, area_key_differences, mean_margins
from jobcompare.engine.compare import compare
from jobcompare.engine.margin import margins, within_margin
from jobcompare.errors import ImportSourceError
from jobcompare.importers._write import build_store
from jobcompare.model import Amount
from jobcompare.output.cells import MARGIN_MARK
from jobcompare.output.dispatch import render
from jobcompare.output.options import Options
from jobcompare.registry.section import Section
from jobcompare.sources.store import Store
from jobcompare.sources.store_role import official_role
from tests.conftest import flat, validate
from tests.store.test_store import MODULES, ROOT, _copy_root, bls_row

AREAS_SCHEMA = Path(__file__).parent.parent / "src" / "jobcompare" / "schema" / "areas.schema.json"
NATION = "0000000"
COLLECTORS = "bill-and-account-collectors"  # mean $49,060, RSE 0.5%
CLERKS = "billing-and-posting-clerks"  # mean $51,070, RSE 3.0%: within the margin
EVERYONE = "all-occupations"  # mean $69,770, RSE 0.1%: far outside it
FULL = Options(detail=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("margin") / "jobcompare.sqlite"
    build_store(ROOT, out, MODULES)
    return out


@pytest.fixture(scope="module")
def store(built: Path) -> Store:
    return Store(built)


def rse(series: str) -> float:
    """A relative standard error as the fixture file prints it."""
    return float(bls_row(series)[0])


def by_hand(a: float, rse_a: float, b: float, rse_b: float) -> bool:
    """The issue's rule, written out in floats (for figures far from the bound)."""
    se_a, se_b = rse_a / 100 * a, rse_b / 100 * b
    return abs(a - b) <= 1.645 * math.sqrt(se_a**2 + se_b**2)


# -- the rule -------------------------------------------------------------------------------


def test_exactly_on_the_bound_is_within_and_a_dollar_more_is_not() -> None:
    # se_a = 1.0% of 100,000 = 1,000, se_b = 0: the bound is 1.645 x 1,000 = 1,645.
    assert within_margin(Amount(100000), 1.0, Amount(101645), 0.0) is True
    assert within_margin(Amount(100000), 1.0, Amount(98355), 0.0) is True
    assert within_margin(Amount(100000), 1.0, Amount(101646), 0.0) is False
    # In cents too (hourly means): 1.645 x 1% of $50.00 = $0.8225.
    assert within_margin(Amount(50.0), 1.0, Amount(50.82), 0.0) is True
    assert within_margin(Amount(50.0), 1.0, Amount(50.83), 0.0) is False


def test_the_rule_is_symmetric_and_agrees_with_the_formula() -> None:
    cases = [(49060, 0.5, 51070, 3.0), (148100, 0.4, 101420, 0.2), (71490, 0.4, 72170, 0.6),
             (85860, 1.8, 84860, 1.5), (95380, 0.3, 90650, 0.3)]  # fmt: skip
    for a, ra, b, rb in cases:
        assert within_margin(Amount(a), ra, Amount(b), rb) is by_hand(a, ra, b, rb)
        assert within_margin(Amount(b), rb, Amount(a), ra) is by_hand(a, ra, b, rb)
    assert {by_hand(*c) for c in cases} == {True, False}  # both answers are tested


@pytest.mark.parametrize(
    ("a", "rse_a", "b", "rse_b"),
    [
        (Amount(50000), None, Amount(50100), 1.0),  # an error not published
        (Amount(50000), 1.0, Amount(50100), None),
        (None, 1.0, Amount(50100), 1.0),  # a mean not published
        (Amount(50000), 1.0, None, 1.0),
        # BLS's top code is a lower bound, not the mean: never taken as exact, even though
        # its error is published (and the two would be "within" it as exact figures).
        (Amount(239200, at_least=True), 2.5, Amount(239000), 2.5),
        (Amount(239000), 2.5, Amount(239200, at_least=True), 2.5),
        (Amount(50000), -1.0, Amount(50100), 1.0),  # nonsense: no answer rather than one
    ],
)
def test_unknown_without_an_exact_figure_and_its_error(
    a: Amount | None, rse_a: float | None, b: Amount | None, rse_b: float | None
) -> None:
    assert within_margin(a, rse_a, b, rse_b) is None


def test_each_figure_is_against_the_first() -> None:
    values = (Amount(49060), Amount(51070), Amount(69770), None)
    errors = (0.5, 3.0, 0.1, 1.0)
    assert margins(values, errors) == (None, True, False, None)
    assert margins(values[:1], errors[:1]) == ()


# -- the store ------------------------------------------------------------------------------


def test_both_errors_are_stored_for_every_area_in_tenths(built: Path) -> None:
    db = sqlite3.connect(built)
    rows = dict(
        ((soc, area), (jobs, mean))
        for soc, area, jobs, mean in db.execute(
            "SELECT soc, area, employment_rse, mean_rse FROM oews_pay"
        )
    )
    assert rows[("43-3011", NATION)] == (14, 5)  # "1.4" and "0.5"
    assert rows[("43-3011", "0600000")] == (31, 60)
    assert rows[("43-3011", "6600000")] == (99, 20)
    assert rows[("00-0000", NATION)] == (1, 1)
    # "-" is NULL, with BLS's footnote kept as the reason.
    assert rows[("27-2011", NATION)] == (123, None)
    note = db.execute(
        "SELECT footnotes FROM oews_note WHERE soc = '27-2011' AND area = ? AND measure = "
        "'mean_rse'",
        (NATION,),
    ).fetchone()
    assert note == (bls_row("OEUN000000000000027201105")[1],) == ("8",)
    # An area whose file has no error for the occupation: NULL, never 0.
    assert rows[("43-3011", "1100000")] == (None, None)


def test_the_reader_gives_them_as_bls_prints_them(store: Store) -> None:
    collectors = official_role(store, COLLECTORS)
    assert collectors.overview.jobs_rse == rse("OEUN000000000000043301102") == 1.4
    assert collectors.salary.mean_rse == rse("OEUN000000000000043301105") == 0.5
    actors = official_role(store, "actors")
    assert actors.overview.jobs_rse == 12.3
    assert actors.salary.mean_rse is None
    assert actors.unpublished["salary.mean_rse"] == "Estimate not released."
    dancers = official_role(store, "dancers")
    assert dancers.overview.jobs_rse is None
    assert dancers.unpublished["overview.jobs_rse"] == "Estimate not released."
    # A top-coded mean's error is published and read; the mean stays a lower bound.
    anesthesiologists = official_role(store, "anesthesiologists")
    assert anesthesiologists.salary.mean_rse == 2.5
    assert anesthesiologists.salary.average == Amount(239200, at_least=True)
    california = store.area_pay("43-3011", "0600000")
    assert california is not None
    assert california.figures["employment_rse"].value == 3.1
    assert california.figures["mean_rse"].value == 6.0
    dc = store.area_pay("43-3011", "1100000")
    assert dc is not None and dc.figures["mean_rse"].value is None
    assert dc.figures["mean_rse"].reason == "Not published by BLS."


def test_an_error_with_more_decimals_than_bls_prints_names_file_and_line(tmp_path: Path) -> None:
    root = _copy_root(tmp_path)
    path = root / "bls-oews-2025" / "oe.data.0.Current"
    lines = path.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("OEUN000000000000043301105"))
    lines[at] = lines[at].replace("0.5", "0.55")
    path.write_text("".join(lines))
    with pytest.raises(ImportSourceError) as caught:
        build_store(root, tmp_path / "jobcompare.sqlite", MODULES)
    assert caught.value.path == path and caught.value.line == at + 1
    assert "'0.55' has more decimals than this measure's 1" in str(caught.value)


# -- a comparison ---------------------------------------------------------------------------


def _compared(store: Store, *slugs: str, sections: tuple[Section, ...] = tuple(Section)) -> Any:
    return compare([official_role(store, s) for s in slugs], sections)


def test_the_mean_rows_are_marked_against_the_first_role(store: Store) -> None:
    result = _compared(store, COLLECTORS, CLERKS, EVERYONE)
    overview, salary = result.sections[0], result.sections[1]
    expected = (None, by_hand(49060, 0.5, 51070, 3.0), by_hand(49060, 0.5, 69770, 0.1))
    assert expected == (None, True, False)
    assert overview.row("yearly_salary").margin == expected
    assert salary.row("average_salary").margin == expected
    # The hourly means, with the same (wage) error: $23.59 vs $24.55 and $33.54.
    assert salary.row("hourly_rate").margin == (
        None, by_hand(23.59, 0.5, 24.55, 3.0), by_hand(23.59, 0.5, 33.54, 0.1),
    )  # fmt: skip
    # Only the means: the medians and jobs have no published error here.
    assert salary.row("percentiles.p50").margin == ()
    assert overview.row("number_of_jobs").margin == ()
    # The errors themselves are rows with no difference and no highest/lowest.
    two = _compared(store, COLLECTORS, CLERKS)
    row = two.sections[1].row("mean_wage_rse")
    assert row.values == (0.5, 3.0) and row.delta is None and row.highest == ()
    assert two.sections[0].row("number_of_jobs_rse").values == (1.4, 1.0)


def test_a_top_coded_mean_is_never_within_or_outside(store: Store) -> None:
    result = _compared(store, COLLECTORS, "anesthesiologists")
    assert result.sections[1].row("average_salary").margin == (None, None)
    pay = result.key_differences[0]
    assert "survey's margin" not in pay.text


def test_the_key_difference_says_so_only_when_the_means_are_within(store: Store) -> None:
    within = _compared(store, COLLECTORS, CLERKS)
    pay = within.key_differences[0]
    assert pay.topic == "pay"
    # Clerks have the higher median ($48,500 vs $47,030): their means come in that order.
    assert pay.text.endswith(
        "; their mean wages ($51,070 a year for billing and posting clerks, $49,060 for bill "
        "and account collectors) are within the survey's margin of each other (not "
        "significant at 90%: too close for BLS's survey to tell apart)."
    )
    assert [f.key for f in pay.figures][-2:] == ["salary.average_salary"] * 2
    apart = _compared(store, COLLECTORS, EVERYONE)
    assert "margin" not in apart.key_differences[0].text
    assert all(f.key != "salary.average_salary" for f in apart.key_differences[0].figures)


def test_every_format_marks_the_difference(store: Store, schema: dict[str, Any]) -> None:
    result = _compared(store, COLLECTORS, CLERKS)
    legend = f"{MARGIN_MARK} within the survey's margin: not significant at 90%."
    table = flat(render(result, "table", FULL))
    assert f"Average salary $49,060 $51,070 +$2,010 (+4.1%) {MARGIN_MARK}" in table
    assert f"Hourly rate $23.59 $24.55 +$0.96 (+4.1%) {MARGIN_MARK}" in table
    assert legend in table
    assert "Mean wage: relative 0.5% 3.0% standard error" in table
    markdown = render(result, "markdown")
    assert f"| +$2,010 (+4.1%) {MARGIN_MARK} |" in markdown and legend in markdown
    html = render(result, "html", FULL)
    assert f"+$2,010 (+4.1%) {MARGIN_MARK}" in html and "within the survey&#x27;s margin" in html
    document = json.loads(render(result, "json"))
    validate(document, schema)
    assert "within_margin" not in document["differences"]["salary"]["average_salary"]
    assert "percentiles" not in document["within_margin"]["salary"]  # means only
    assert document["within_margin"]["overview"]["yearly_salary"] == {CLERKS: True}
    assert document["roles"][1]["salary"]["mean_wage_rse"] == 3.0
    assert document["roles"][0]["overview"]["number_of_jobs_rse"] == 1.4
    records = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert ["salary", "average_salary.within_margin", CLERKS, "true", "", ""] in records
    assert ["salary", "average_salary.within_margin", COLLECTORS, "", "", ""] in records
    assert not any(r[1].endswith("difference_within_margin") for r in records)  # one shape
    assert ["salary", "mean_wage_rse", CLERKS, "3.0", "%", ""] in records


def test_apart_means_have_no_mark_and_false(store: Store, schema: dict[str, Any]) -> None:
    result = _compared(store, COLLECTORS, EVERYONE)
    table = flat(render(result, "table", FULL))
    assert f"+$20,710 (+42.2%) {MARGIN_MARK}" not in table and "+$20,710 (+42.2%)" in table
    assert "within the survey's margin: not significant" not in table  # no legend
    document = json.loads(render(result, "json"))
    validate(document, schema)
    assert document["within_margin"]["salary"]["average_salary"] == {EVERYONE: False}
    records = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert ["salary", "average_salary.within_margin", EVERYONE, "false", "", ""] in records


def test_the_concise_page_keeps_its_rows_and_says_it_in_the_key_difference(store: Store) -> None:
    result = _compared(store, COLLECTORS, CLERKS)
    page = flat(render(result, "table"))
    assert "relative standard error" not in page  # detail rows: --full's
    assert MARGIN_MARK not in page  # no mean row shown, so no mark and no legend
    assert (
        "their mean wages ($51,070 a year for billing and posting clerks, $49,060 for bill "
        "and account collectors) are within the survey's margin"
    ) in page


def test_three_roles_mark_the_figures_after_the_first(store: Store) -> None:
    result = _compared(store, COLLECTORS, CLERKS, EVERYONE, sections=(Section.SALARY,))
    table = flat(render(result, "table", FULL))
    assert f"$51,070 {MARGIN_MARK}" in table
    assert f"$69,770 {MARGIN_MARK}" not in table
    assert (
        f"{MARGIN_MARK} a figure within the survey's margin of the first column's (Bill and "
        "Account Collectors): not significant at 90%." in table
    )
    document = json.loads(render(result, "json"))
    assert document["differences"] is None
    assert document["within_margin"]["salary"]["average_salary"] == {
        CLERKS: True, EVERYONE: False,
    }  # fmt: skip


# -- areas ----------------------------------------------------------------------------------


def _in_areas(store: Store, slug: str, *codes: str) -> Any:
    areas = [a for a in (store.area(c) for c in codes) if a is not None]
    return area_comparison(store, [official_role(store, slug)], areas)


def test_one_role_in_two_areas(store: Store) -> None:
    # California $60,000 (6.0%) vs New York $65,000 (1.1%): within; Guam $38,000: not.
    assert by_hand(60000, 6.0, 65000, 1.1) and not by_hand(60000, 6.0, 38000, 2.0)
    within = _in_areas(store, COLLECTORS, "0600000", "3600000")
    assert mean_margins(within)["annual_mean"] == (None, True, None)  # the U.S.: a reference
    # The hourly means are read on their own: $28.00 vs $31.00 is outside the margin.
    assert not by_hand(28.00, 6.0, 31.00, 1.1)
    assert mean_margins(within)["hourly_mean"] == (None, False, None)
    table = flat(render(within, "table"))
    assert f"Average salary $60,000 $65,000 {MARGIN_MARK} $49,060" in table  # no ▲ ▼
    assert "Hourly rate $28.00 ▼ $31.00 ▲ $23.59" in table
    # (At 80 columns the labels wrap after "relative".)
    assert "Mean wage: relative 6.0% 1.1% 0.5% standard error" in table
    assert "Employment: relative 3.1% 4.0% 1.4% standard error" in table
    assert "a figure within the survey's margin of the first column's (California)" in table
    (pay,) = area_key_differences(within)
    assert pay.text.endswith(
        "; the mean wages ($60,000 in California and $65,000 in New York) are within the "
        "survey's margin of each other (not significant at 90%: too close for BLS's survey "
        "to tell apart)."
    )
    apart = _in_areas(store, COLLECTORS, "0600000", "6600000")
    assert mean_margins(apart)["annual_mean"] == (None, False, None)
    assert MARGIN_MARK not in render(apart, "table")
    assert "margin" not in area_key_differences(apart)[0].text
    # DC publishes no error for the occupation: unknown, said as nothing.
    unknown = _in_areas(store, COLLECTORS, "0600000", "1100000")
    assert mean_margins(unknown)["annual_mean"] == (None, None, None)


def test_area_json_and_csv_carry_it(store: Store) -> None:
    result = _in_areas(store, COLLECTORS, "0600000", "3600000")
    document = json.loads(render(result, "json"))
    schema = json.loads(AREAS_SCHEMA.read_text(encoding="utf-8"))
    validate(document, schema, "comparison")
    columns = document["columns"]
    assert [c["within_margin"]["figures.annual_mean"] for c in columns] == [None, True, None]
    assert columns[0]["figures"]["mean_rse"] == 6.0
    assert columns[0]["figures"]["employment_rse"] == 3.1
    records = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    marked = {(r["area_code"], r["field"]): r["within_margin"] for r in records}
    assert marked[("3600000", "annual_mean")] == "true"
    assert marked[("0600000", "annual_mean")] == ""
    assert marked[("3600000", "annual_p50")] == ""
    assert {r["unit"] for r in records if r["field"] == "mean_rse"} == {"%"}


def test_two_roles_in_one_area_mark_the_difference_and_the_us_row(store: Store) -> None:
    california = store.area("0600000")
    assert california is not None
    roles = [official_role(store, s) for s in (COLLECTORS, EVERYONE)]
    result = area_comparison(store, roles, [california])
    margins_ = mean_margins(result)
    # No error for all occupations in California in the fixture: unknown there; the
    # national means ($49,060 vs $69,770) are far apart.
    assert margins_["annual_mean"] == (None, None)
    assert margins_["annual_mean_us"] == (None, False)
    document = json.loads(render(result, "json"))
    assert document["columns"][1]["within_margin"]["national.annual_mean"] is False


# -- the documented examples ----------------------------------------------------------------

#: docs/reading.md's worked examples: (SOC, area) of each side, and the verdict it states.
WORKED = (
    (("15-1252", NATION), ("29-1141", NATION), "significant"),
    (("47-2111", NATION), ("47-2152", NATION), "within (≈)"),
    (("47-2111", "0600000"), ("47-2111", "3600000"), "within (≈)"),
    (("29-1141", "3900000"), ("29-1141", "4800000"), "significant"),
)


def test_the_worked_examples_are_the_bundled_stores() -> None:
    """Each example row of docs/reading.md, recomputed from the bundled store: the means,
    their errors, the margin and the verdict are what the document says."""
    doc = (Path(__file__).parent.parent / "docs" / "reading.md").read_text(encoding="utf-8")
    lines = doc.split("## How sure a figure is", 1)[1].splitlines()
    bundled = Store()
    try:
        for (soc_a, area_a), (soc_b, area_b), verdict in WORKED:
            a, b = bundled.area_pay(soc_a, area_a), bundled.area_pay(soc_b, area_b)
            assert a is not None and b is not None
            means = [int(p.figures["annual_mean"].value or 0) for p in (a, b)]
            errors = [float(p.figures["mean_rse"].value or 0) for p in (a, b)]
            assert min(means) > 0 and min(errors) > 0  # all four published
            said = f"${means[0]:,} ({errors[0]}%), ${means[1]:,} ({errors[1]}%)"
            (row,) = [line for line in lines if said in line]
            ses = [e / 100 * m for e, m in zip(errors, means, strict=True)]
            margin = 1.645 * math.sqrt(ses[0] ** 2 + ses[1] ** 2)
            assert f"| ${margin:,.2f} |" in row
            assert f"| ${abs(means[0] - means[1]):,} |" in row
            inside = within_margin(Amount(means[0]), errors[0], Amount(means[1]), errors[1])
            assert row.rstrip(" |").endswith(verdict) and inside is (verdict != "significant")
    finally:
        bundled.close()


def test_the_handouts_appendix_says_what_its_mark_means(store: Store) -> None:
    result = _compared(store, COLLECTORS, CLERKS)
    page = render(result, "html")  # the concise handout: no mean rows, no mark
    assert f"(+4.1%) {MARGIN_MARK}" not in page
    with_appendix = render(result, "html", FULL)
    appendix = with_appendix.split("Appendix: the full comparison", 1)[1]
    assert f"+$2,010 (+4.1%) {MARGIN_MARK}" in appendix
    assert f"{MARGIN_MARK} within the survey&#x27;s margin: not significant at 90%." in appendix


def test_means_the_survey_cannot_tell_apart_get_no_highest_or_lowest_mark() -> None:
    # Electricians' and plumbers' means are within the margin: ▲ and ▼ would say one is
    # higher; the (bundled) four-role page ranks the other rows as before.
    from tests.conftest import run

    two = run(["electricians", "plumbers", "--full", "-s", "salary"], width=120,
              bundled=True).stdout  # fmt: skip
    mean = next(line for line in two.splitlines() if line.startswith("Average salary"))
    assert MARGIN_MARK in mean and "▲" not in mean and "▼" not in mean
    areas = run(["electricians", "--area", "CA", "--area", "NY"], width=120,
                bundled=True).stdout  # fmt: skip
    mean = next(line for line in areas.splitlines() if line.startswith("Average salary"))
    assert MARGIN_MARK in mean and "▲" not in mean and "▼" not in mean
    assert "▲" in areas  # other rows keep their marks
    apart = run(["software-developers", "registered-nurses", "carpenters", "--full", "-s",
                 "salary"], width=140, bundled=True).stdout  # fmt: skip
    mean = next(line for line in apart.splitlines() if line.startswith("Average salary"))
    assert "▲" in mean and "▼" in mean


def test_three_or_four_roles_name_neighbours_whose_means_are_within() -> None:
    from tests.conftest import run

    page = flat(run(["electricians", "plumbers", "carpenters", "sheet-metal-workers"],
                    width=200, bundled=True).stdout)  # fmt: skip
    assert (
        "carpenters $60,580; the mean wages of plumbers, pipefitters, and steamfitters and "
        "electricians are within the survey's margin of each other (not significant at 90%)."
    ) in page
    far = flat(run(["software-developers", "registered-nurses", "carpenters"], width=200,
                   bundled=True).stdout)  # fmt: skip
    assert "within the survey's margin" not in far


def test_the_area_csv_says_of_each_national_row_what_the_json_says() -> None:
    # Two roles in one area: the "(U.S.)" rows have their own margin, never the area's.
    from tests.conftest import run

    args = ["43-3011", "43-3021", "--area", "ohio"]
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    records = list(csv.DictReader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    national = [r["within_margin"] for r in records if r["field"] == "annual_mean_us"]
    expected = [c["within_margin"].get("national.annual_mean") for c in document["columns"]]
    assert national == ["" if v is None else str(v).lower() for v in expected]
    assert "false" in national  # the national means differ; Ohio's are within the margin
