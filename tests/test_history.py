"""Pay over time (``jobcompare history``, docs/history.md): the break rule, the change
rule, on a store built from the fixture files, on every occupation of the bundled store,
and the command in every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.history import build_history, changes, role_history, unit_of
from jobcompare.importers import oews_history
from jobcompare.importers._write import build_store
from jobcompare.model import Amount, Role
from jobcompare.output.blocks import TrendChart, TrendPoint, TrendSeries
from jobcompare.registry.sections.salary import HISTORY_YEARS
from jobcompare.sources.store import Store
from jobcompare.sources.store_history import (
    LATEST,
    LEFT_OUT,
    YearPay,
    history,
    medians,
    same_title,
    split,
    years,
)
from jobcompare.sources.store_role import official_role
from jobcompare.sources.store_types import Figure
from tests.conftest import error_box, run, validate

ROOT = Path(__file__).parent / "fixtures"
RELEASES = {y: f"May {y}" for y in (2021, 2022, 2023, 2024, 2025)}
NAMES = ("employment", "hourly_mean", "annual_mean", "hourly_p10", "hourly_p25", "hourly_p50",
         "hourly_p75", "hourly_p90", "annual_p10", "annual_p25", "annual_p50", "annual_p75",
         "annual_p90", "employment_rse", "mean_rse")  # fmt: skip


def point(year: int, title: str = "Nurses", **values: Figure | float | None) -> YearPay:
    """A year's figures: every measure None unless given (a number is an exact figure)."""
    figures = {name: Figure(None, reason="not published") for name in NAMES}
    for name, value in values.items():
        figures[name] = value if isinstance(value, Figure) else Figure(value)
    return YearPay(year, title, figures, None, None)


# -- the break rule -------------------------------------------------------------------------


def test_titles_name_the_same_occupation_only_as_written() -> None:
    assert same_title("Registered Nurses", "Registered Nurses")
    # "&" is "and" (May 2025's oe.occupation abbreviates), spacing and case aside.
    assert same_title(
        "Grinding, Lapping, Polishing, and Buffing Machine Tool Setters, Operators, and "
        "Tenders, Metal and Plastic",
        "Grinding, Lapping, Polishing, & Buffing Machine Tool Setters, Operators, & Tenders, "
        "Metal & Plastic",
    )
    # May 2025's title cut at oe.occupation's 100 characters (53-1047).
    whole = ("First-Line Supervisors of Transportation and Material Moving Workers, Except "
             "Aircraft Cargo Handling Supervisors")  # fmt: skip
    cut = whole[: whole.rindex(" ")]
    assert len(cut) == 100 and same_title(whole, cut)
    # A shorter beginning is another title (not a cut), and so is any other change.
    assert not same_title(whole, "First-Line Supervisors of Transportation")
    assert not same_title("Software Developers", "Software Developers and Testers")
    assert not same_title("Dancers", "Dancers and Choreographers")


def test_a_missing_year_breaks_the_series_and_is_never_joined() -> None:
    points = [point(2021), point(2023), point(2024), point(2025)]
    runs, breaks = split(points, "29-1024", RELEASES)
    assert [[p.year for p in run] for run in runs] == [[2021], [2023, 2024, 2025]]
    assert [(b.before, b.after) for b in breaks] == [(2021, 2023)]
    assert "May 2022 national file has no detailed row for 29-1024" in breaks[0].reason


def test_a_changed_title_breaks_the_series() -> None:
    points = [point(2021, "Dancers and Choreographers"), point(2022, "Dancers"),
              point(2023, "Dancers"), point(2024, "Dancers"), point(2025, "Dancers")]  # fmt: skip
    runs, breaks = split(points, "27-2031", RELEASES)
    assert [[p.year for p in run] for run in runs] == [[2021], [2022, 2023, 2024, 2025]]
    assert breaks[0].reason.startswith(
        "BLS's title changed between May 2021 (Dancers and Choreographers) and May 2022 (Dancers)"
    )


# -- the change rule ------------------------------------------------------------------------


def test_a_change_is_the_difference_percent_and_compound_rate_of_its_ends() -> None:
    series = [point(2021, annual_p50=77600, employment=3047530), point(2022, annual_p50=81220),
              point(2025, annual_p50=97550, employment=3379720)]  # fmt: skip
    found = {c.measure: c for c in changes(series, "year")}
    median = found["p50"]
    assert (median.first, median.last, median.start, median.end) == (2021, 2025, 77600, 97550)
    assert median.difference == 19950
    assert median.percent == round((97550 - 77600) / 77600 * 100, 1) == 25.7
    assert median.per_year == round(((97550 / 77600) ** (1 / 4) - 1) * 100, 1) == 5.9
    assert found["employment"].difference == 332190
    # A year in between that is missing does not matter: only the ends do.
    assert found["mean"].reason == "May 2021's figure is not published"


def test_a_lower_bound_is_never_used_in_a_change() -> None:
    for ends in ((Figure(208000, at_least=True), Figure(391490)),
                 (Figure(160000), Figure(239200, at_least=True))):  # fmt: skip
        series = [point(2021, annual_p50=ends[0]), point(2025, annual_p50=ends[1])]
        median = next(c for c in changes(series, "year") if c.measure == "p50")
        assert (median.difference, median.percent, median.per_year) == (None, None, None)
        assert "top-coded (a lower bound, never used as if exact)" in str(median.reason)


def test_a_single_year_has_no_change() -> None:
    (only,) = [c for c in changes([point(2025, annual_p50=90000)], "year") if c.measure == "p50"]
    assert only.reason == "a single year: nothing to compare" and only.difference is None


def test_hourly_only_occupations_change_by_the_hour() -> None:
    series = [point(2021, hourly_p50=23.48), point(2025, hourly_p50=29.05, hourly_mean=58.29)]
    assert unit_of(series) == "hour"
    median = next(c for c in changes(series, "hour") if c.measure == "p50")
    assert median.difference == 5.57 and median.percent == 23.7
    both = [point(2025, annual_mean=101420, hourly_mean=48.76)]
    assert unit_of(both) == "year"


# -- on a store built from the fixture files ------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    out = tmp_path_factory.mktemp("history") / "jobcompare.sqlite"
    build_store(ROOT, out, ("jobcompare.importers.oews", "jobcompare.importers.oews_history"))
    return Store(out)


def test_the_store_holds_every_year_with_its_own_top_code(store: Store) -> None:
    held = years(store)
    assert [y.year for y in held] == [*oews_history.YEARS, LATEST] == list(HISTORY_YEARS)
    assert [(y.top_hourly, y.top_annual) for y in held] == [
        (100.0, 208000), (115.0, 239200), (115.0, 239200), (115.0, 239200), (115.0, 239200)
    ]  # fmt: skip
    assert held[0].top_words == (
        "# = indicates a wage equal to or greater than $100.00 per hour or $208,000 per year"
    )


def test_a_fixture_occupation_left_out_of_a_year_is_two_series(store: Store) -> None:
    helpers = official_role(store, "helpers-production-workers-51-9198")
    found = role_history(store, helpers, {y.year: y.release for y in years(store)})
    assert [(s.first, s.last, s.current) for s in found.series] == [
        (2021, 2021, False), (2023, 2025, True)
    ]  # fmt: skip
    assert found.series[0].changes == ()  # never a change across the break
    median = next(c for c in found.series[1].changes if c.measure == "p50")
    assert (median.first, median.start) == (2023, 36700)
    # The median by year of show and --full: 2021 left out (published, before the
    # break), 2022 not in its file.
    annual, _ = medians(store, "51-9198")
    assert annual[2021].value is None and str(annual[2021].reason).startswith(LEFT_OUT)
    assert "May 2022 national file has no detailed row" in str(annual[2022].reason)
    assert annual[2023].value == 36700
    role = official_role(store, "helpers-production-workers-51-9198")
    assert role.salary.median_by_year is not None
    assert role.salary.median_by_year["2023"] == Amount(36700)
    assert role.unpublished["salary.median_by_year.2021"].startswith(LEFT_OUT)


def test_each_year_is_as_its_file_published_it(store: Store) -> None:
    points = {p.year: p for p in history(store, "29-1211")}
    # 2021's "#" is $208,000, 2022's $239,200: each year's own top code, a lower bound.
    assert points[2021].figures["annual_p50"] == Figure(208000, at_least=True)
    assert points[2022].figures["annual_p50"] == Figure(239200, at_least=True)
    assert points[2021].figures["hourly_p25"] == Figure(100.0, at_least=True)
    assert points[2021].figures["annual_mean"] == Figure(331190)
    actors = {p.year: p for p in history(store, "27-2011")}
    assert actors[2023].hourly_only is True and actors[2023].figures["hourly_mean"].value == 41.01
    reason = str(actors[2023].figures["annual_mean"].reason)
    assert reason.startswith("BLS releases only hourly wages for this occupation")
    assert "indicates that a wage estimate is not available" in reason


# -- on every occupation of the bundled store -----------------------------------------------


@pytest.fixture(scope="module")
def everyone() -> Any:
    store = Store()
    roles = [Role(slug, title, soc=soc) for slug, title, soc, _ in store.listing]
    return build_history(store, roles)


def test_no_series_of_any_occupation_is_joined_across_a_break(everyone: Any) -> None:
    held = [y.year for y in everyone.years]
    for role in everyone.roles:
        assert role.series and role.series[-1].current, role.slug
        for series in role.series:
            run = [p.year for p in series.years]
            # Neighbouring years of the store, one title (as the rule reads it).
            assert run == held[held.index(run[0]) : held.index(run[0]) + len(run)], role.slug
            pairs = zip(series.years, series.years[1:], strict=False)
            assert all(same_title(a.title, b.title) for a, b in pairs), role.slug
        assert len(role.breaks) == len(role.series) - 1, role.slug
    broken = {r.soc: [(b.before, b.after) for b in r.breaks] for r in everyone.roles if r.breaks}
    assert broken == {"29-1024": [(2021, 2023)]}  # Prosthodontists: none in May 2022


def test_no_change_of_any_occupation_rests_on_a_lower_bound(everyone: Any) -> None:
    counted = 0
    for role in everyone.roles:
        series = role.current
        first, last = series.years[0], series.years[-1]
        for change in series.changes:
            measure = change.measure
            prefix = "" if measure == "employment" else (
                "annual_" if role.unit == "year" else "hourly_")  # fmt: skip
            name = measure if measure == "employment" else prefix + measure
            start, end = first.figures[name], last.figures[name]
            published = start.value is not None and end.value is not None
            exact = published and not start.at_least and not end.at_least
            exact = exact and first.year < last.year
            assert (change.difference is not None) == exact, (role.slug, measure)
            if exact:
                counted += 1
                assert change.percent == round((end.value - start.value) / start.value * 100, 1)
    assert counted > 5000


def test_registered_nurses_median_as_bls_published_it(everyone: Any) -> None:
    nurses = next(r for r in everyone.roles if r.soc == "29-1141")
    medians_by_year = {p.year: p.figures["annual_p50"].value for p in nurses.current.years}
    # The data README's checks (2021, 2023, 2024) and May 2025's time series.
    assert medians_by_year == {2021: 77600, 2022: 81220, 2023: 86070, 2024: 93600, 2025: 97550}


# -- the command -----------------------------------------------------------------------------


def test_every_format_carries_the_series(schema: dict[str, Any]) -> None:
    args = ["history", "registered-nurses", "actors"]
    page = run(args, bundled=True)
    assert page.exit_code == 0, page.stderr
    assert "Pay over time: Registered Nurses and Actors" in page.stdout
    assert "Median pay by year" in page.stdout and "Median hourly pay by year" in page.stdout
    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    validate(document, schema, "history")
    nurses = document["roles"][0]["series"][-1]
    assert nurses["changes"]["p50"]["difference"] == 19950
    assert document["roles"][1]["unit"] == "hour"
    records = list(csv.DictReader(io.StringIO(run([*args, "-f", "csv"], bundled=True).stdout)))
    median = [r for r in records if r["role"] == "registered-nurses"
              and r["measure"] == "annual_p50"]  # fmt: skip
    first = (median[0]["year"], median[0]["value"], median[0]["unit"])
    assert first == ("2021", "77600", "USD/year")
    markdown = run([*args, "-f", "markdown"], bundled=True).stdout
    assert "| Median | $77,600 | $81,220 | $86,070 | $93,600 | $97,550 |" in markdown
    html = run([*args, "-f", "html"], bundled=True).stdout
    assert "Median pay by year" in html and "<svg" in html


@pytest.mark.parametrize("width", [40, 80, 120])
def test_the_page_fits_its_width(width: int) -> None:
    page = run(["history", "prosthodontists", "actors"], width=width, bundled=True).stdout
    assert all(len(line) <= width for line in page.splitlines()), width
    assert "$234,000" in page and "$29.05" in page


def test_plain_leaves_the_chart_out() -> None:
    page = run(["history", "registered-nurses", "--plain"], bundled=True).stdout
    assert "Median pay by year" not in page and "$97,550" in page


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["history"], "Missing argument 'ROLE'"),
        (["history", "actors", "dancers", "models", "chefs-and-head-cooks", "judges"],
         "show the history of 1 to 4 roles (5 given)"),
        (["history", "actors", "27-2011"], "role 'actors' is given more than once"),
    ],
)  # fmt: skip
def test_a_wrong_request_is_a_usage_error(args: list[str], said: str) -> None:
    result = run(args, bundled=True)
    assert result.exit_code == 2 and result.stdout == ""
    assert said in " ".join(" ".join(error_box(result.stderr)).split())


def test_a_hand_written_role_has_no_series_and_says_why() -> None:
    result = run(["history", "collections-coordinator"])  # the seed roles alone
    assert result.exit_code == 0, result.stderr
    assert "No series: a hand-written role has no SOC code" in result.stdout


def test_a_chart_says_a_lower_bound_and_escapes_its_labels() -> None:
    from jobcompare.output.html import _trend
    from jobcompare.output.terminal.charts import trend_chart

    chart = TrendChart("Median pay by year", "year", (TrendSeries("<b>A & B</b>", (
        TrendPoint("2021", Amount(208000, at_least=True)), TrendPoint("2022", None),
        TrendPoint("2025", Amount(391490)))),))  # fmt: skip
    drawn = "\n".join(line.plain for line in trend_chart(chart, 60))
    assert "●▶" in drawn and "▶ or more (top-coded)" in drawn and "2022 —" in drawn
    page = _trend(chart)
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in page and "<b>" not in page


def test_the_concise_comparison_leaves_the_median_by_year_to_full() -> None:
    concise = run(["registered-nurses", "nurse-practitioners"], bundled=True).stdout
    assert "Median by year" not in concise and len(concise.splitlines()) <= 120
    full = run(["registered-nurses", "nurse-practitioners", "--full"], bundled=True).stdout
    assert "Median by year" in full and "$77,600" in full
    shown = run(["show", "prosthodontists", "-s", "salary"], bundled=True).stdout
    assert "left out (before a break)" in shown


def test_an_annual_only_occupation_keeps_its_yearly_series(everyone: Any) -> None:
    teachers = next(r for r in everyone.roles if r.soc == "25-1011")
    assert teachers.unit == "year"
    latest = teachers.current.years[0]
    assert latest.annual_only is True and latest.figures["hourly_p50"].value is None
    assert "ANNUAL = TRUE" in str(latest.figures["hourly_p50"].reason)
    assert next(c for c in teachers.current.changes if c.measure == "p50").difference is not None


def test_the_left_out_mark_is_one_text() -> None:
    from jobcompare.output import cells

    assert cells.LEFT_OUT == LEFT_OUT


def test_the_readme_history_transcript_is_real() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("<!-- transcript:history -->\n```console\n")[1:]
    assert len(blocks) == 1
    command, expected = blocks[0].split("```\n<!-- /transcript:history", 1)[0].split("\n", 1)
    result = run(command.removeprefix("$ jobcompare ").split(), width=80, bundled=True)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
