"""The bundled BLS OEWS May 2025 dataset, through the CLI: its figures are BLS's published
ones (checked by hand against the national rows of oe.data.0.Current), and unpublished
values are shown as what they are."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from jobcompare.engine.resolve import resolve
from jobcompare.sources.roles import open_roles
from tests.conftest import SEED, flat, listed_slugs, run, validate
from tests.drawn import role_lines

COLLECTORS = "bill-and-account-collectors"
CLERKS = "billing-and-posting-clerks"


@pytest.fixture(scope="module")
def document(schema: dict[str, Any]) -> dict[str, Any]:
    result = run([COLLECTORS, CLERKS, "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    validate(loaded, schema)
    return loaded


def test_every_detailed_occupation_and_the_baseline() -> None:
    roles = open_roles()
    socs = [r.soc for r in roles.store.listing if r.soc]
    assert len(socs) == len(set(socs)) == 831
    assert roles.role(resolve(["00-0000"], roles).slugs[0]).title == "All Occupations"
    assert roles.role("all-occupations").noun == "worker (all occupations)"


def test_published_figures_exactly(document: dict[str, Any]) -> None:
    collectors, clerks = document["roles"]
    assert collectors["soc"] == "43-3011"
    assert collectors["overview"]["number_of_jobs"] == 158830
    assert collectors["overview"]["hourly_rate"] == 23.59
    assert collectors["salary"]["average_salary"] == 49060
    assert collectors["salary"]["salary_range"] == {"min": 34400, "max": 65580}
    assert collectors["salary"]["percentiles"] == {
        "p10": 34400, "p25": 39010, "p50": 47030, "p75": 56740, "p90": 65580,
    }  # fmt: skip
    assert clerks["overview"]["number_of_jobs"] == 404060
    assert clerks["overview"]["hourly_rate"] == 24.55
    assert clerks["salary"]["percentiles"] == {
        "p10": 37290, "p25": 42840, "p50": 48500, "p75": 58290, "p90": 67710,
    }  # fmt: skip
    # Every role has a median: the summary compares medians (and says so).
    assert document["summary"]["pay"]["difference"] == 48500 - 47030
    assert document["summary"]["pay"]["measure"] == "median"
    # BLS publishes no demographics: null, not zero.
    assert collectors["demographics"]["average_age"] is None
    assert collectors["overview"]["growth_rate"] is None


def test_soc_codes_name_the_same_roles(document: dict[str, Any]) -> None:
    by_soc = run(["43-3011", "433021", "--json"], bundled=True)
    assert json.loads(by_soc.stdout) == document


def test_tables_show_the_figures_and_hide_what_bls_lacks() -> None:
    output = run([COLLECTORS, CLERKS, "--full"], width=100, bundled=True).stdout
    assert re.search(r"Yearly salary\s+\$49,060\s+\$51,070\s+\+\$2,010 \(\+4\.1%\)", output)
    assert re.search(r"Median\s+\$47,030\s+\$48,500", output)
    assert re.search(r"Number of jobs\s+158,830\s+404,060", output)
    assert "Growth rate" not in output
    # CPS 2024 covers both: the demographics section is filled from it, with its source.
    assert re.search(r"Median age\s+\S+\s+43\.7", output)
    assert "Sources: CPS 2024" in output
    assert (
        "Billing and posting clerks earn $48,500 a year at the median, $1,470 (3.1%) more "
        "than bill and account collectors ($47,030)." in flat(output)
    )


def test_sources_and_attribution_under_the_tables() -> None:
    output = flat(run([COLLECTORS, SEED[1]], width=100, bundled=True).stdout)
    assert (
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics (OEWS), "
        "May 2025 estimates (release 2025A01) — Bill and Account Collectors" in output
    )
    assert (
        "Description from the O*NET 30.3 Database by the U.S. Department of Labor, Employment "
        "and Training Administration (USDOL/ETA), used under the CC BY 4.0 license — Bill and "
        "Account Collectors" in output
    )
    # Then every other source its figures come from, cited as its publisher asks.
    assert (
        "U.S. Bureau of Labor Statistics, Current Population Survey, 2024 annual averages, "
        "tables 11, 11b and 39 — Bill and Account Collectors" in output
    )
    assert "O*NET 30.1 Database" in output
    assert (
        'Comparison page "Patient account coordinator vs collections coordinator" (seed data) '
        "— Collections Coordinator" in output
    )


def test_unpublished_values_keep_their_reason() -> None:
    shown = run(["show", "actors"], width=100, bundled=True)
    assert shown.exit_code == 0
    assert re.search(r"Hourly rate\s+\$58\.29", shown.stdout)
    # Hourly-only: never back-filled; the row stays and says so (its reason below).
    assert re.search(r"Yearly salary\s+not published: BLS reports hourly pay only", shown.stdout)
    assert "$121" not in shown.stdout  # $58.29 x 2,080 = $121,243.20: never computed
    # The five percentiles, the range, the average and the median of May 2025 (in the
    # median by year) share one reason: said once.
    assert (
        "Not published Average salary, salary range, median of May 2025 and percentiles — "
        "Wages for some occupations that do not generally work year-round" in flat(shown.stdout)
    )
    compared = flat(run(["actors", COLLECTORS, "-s", "salary", "--full"], bundled=True).stdout)
    assert (
        "Actors: Average salary, salary range, median of May 2025 and percentiles — Wages for "
        "some" in compared
    )
    # The concise page: for the rows it shows, in brief.
    concise = flat(run(["actors", COLLECTORS, "-s", "salary"], bundled=True).stdout)
    assert (
        "Actors: 50th percentile — BLS reports this occupation's pay by the hour or by the "
        "year only" in concise
    )
    document = json.loads(run(["show", "actors", "--json"], bundled=True).stdout)
    assert document["overview"]["yearly_salary"] is None
    assert document["unpublished"]["salary.average_salary"].startswith("Wages for some occupations")


def test_search_and_suggestions_among_all_occupations() -> None:
    found = json.loads(run(["list", "--search", "collector", "--json"], bundled=True).stdout)
    assert COLLECTORS in [r["slug"] for r in found]
    # A clear typo of a title is read as that title, and the note on stderr says so.
    typo = run(["bill and acount colectors", CLERKS, "--json"], bundled=True)
    assert typo.exit_code == 0
    assert typo.stderr == (
        "'bill and acount colectors' → Bill and Account Collectors (43-3011), by closest "
        "spelling, 'Bill and Account Collectors'\n"
    )
    assert [r["slug"] for r in json.loads(typo.stdout)["roles"]] == [COLLECTORS, CLERKS]
    # Words that are no title, nor close to one, get the roles having every word.
    unknown = run(["clerks billing posting", COLLECTORS], bundled=True)
    assert unknown.exit_code == 2
    assert unknown.stdout == ""
    assert "did you mean this one, listed below?" in flat(unknown.stderr)
    assert listed_slugs(unknown.stderr) == ["billing-and-posting-clerks"]


def test_list_keeps_slugs_whole_at_80_columns() -> None:
    from jobcompare.sources.roles import open_source as open_catalogue

    # On a terminal (a pipe gets one role a line: tests/test_cli.py).
    lines = list(role_lines(open_catalogue(None).listing, 80))
    longest = (
        "first-line-supervisors-of-transportation-and-material-moving-workers-except-aircraft-"
        "cargo-handling"
    )
    at = lines.index(longest)
    assert lines[at + 1].startswith("  53-1047 · First-Line Supervisors of Transportation")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("coordinator", ["collections-coordinator", "instructional-coordinators",
                         "patient-account-coordinator"]),
        ("nurse midwife anesthetist", ["nurse-anesthetists"]),
    ],
)  # fmt: skip
def test_suggestions_find_titles_with_every_word(typed: str, suggested: list[str]) -> None:
    result = run([typed, CLERKS], bundled=True)
    assert result.exit_code == 2
    assert f"unknown role '{typed}'; did you mean" in flat(result.stderr)
    assert listed_slugs(result.stderr) == suggested


@pytest.mark.parametrize(
    ("typed", "slug", "note"),
    [
        ("RN", "registered-nurses",
         "'RN' → Registered Nurses (29-1141), by O*NET alternate title 'Registered Nurse (RN)'"),
        ("Billing Clerk", CLERKS, "'Billing Clerk' → Billing and Posting Clerks (43-3021), by "
         "O*NET alternate and reported title 'Billing Clerk'"),
    ],
)  # fmt: skip
def test_names_people_use_are_read_as_their_occupation(typed: str, slug: str, note: str) -> None:
    """Words that once only got suggestions are O*NET titles of one occupation now. ('nurses'
    was one: it now lists Registered Nurses first, and the occupations of the other kinds of
    nurse, such as Licensed Practical Nurses; tests/test_titles.py.)"""
    result = run([typed, COLLECTORS, "--json"], bundled=True)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == note + "\n"
    assert [r["slug"] for r in json.loads(result.stdout)["roles"]] == [slug, COLLECTORS]


def test_onet_codes_and_soc_without_hyphen() -> None:
    by_onet = json.loads(run(["43-3011.00", "43-3021", "--json"], bundled=True).stdout)
    assert [r["slug"] for r in by_onet["roles"]] == [COLLECTORS, CLERKS]
    found = json.loads(run(["list", "--search", "433011", "--json"], bundled=True).stdout)
    assert [r["slug"] for r in found] == [COLLECTORS]


def test_sentences_name_listed_titles_properly() -> None:
    output = flat(
        run(
            [
                "welders-cutters-solderers-and-brazers",
                "transportation-storage-and-distribution-managers",
                "-s",
                "salary",
            ],
            width=120,
            bundled=True,
        ).stdout
    )
    # Official roles: every sentence a fact, no filler, titles in the plural.
    assert "can be seen in a few details" not in output
    assert "Additionally" not in output
    assert (
        "Transportation, storage, and distribution managers earn $107,230 a year at the "
        "median" in output
    )
    assert "more than welders, cutters, solderers, and brazers ($53,750)." in output
    # BLS gives no duties: the page's line about them would not be true here.
    assert "responsibilities and duties" not in output


def test_number_of_jobs_says_it_leaves_out_the_self_employed() -> None:
    from jobcompare.model import Role
    from jobcompare.registry.sections.overview import OEWS_JOBS_NOTE, SECTION

    output = flat(run([COLLECTORS, SEED[1], "-s", "overview", "--full"], width=100,
                      bundled=True).stdout)  # fmt: skip
    # With BLS Employment Projections beside it, the note says which count is which.
    assert "Number of jobs: BLS OEWS wage-and-salary jobs (not the self-employed)." in output
    assert "self-employed" not in run([*SEED, "-s", "overview"]).stdout
    # OEWS figures alone: BLS's own footnote (oe.footnote 1), quoted.
    assert SECTION.notes is not None
    oews_only = Role("x", "X", soc="11-1011", citations=("oews",))
    assert SECTION.notes([oews_only]) == [OEWS_JOBS_NOTE]
    assert '"do not include self-employed workers"' in OEWS_JOBS_NOTE


def test_a_role_without_a_description_says_why() -> None:
    output = flat(
        run(
            [
                "home-health-and-personal-care-aides",
                "registered-nurses",
                "-s",
                "overview",
                "--full",
            ],
            width=100,
            bundled=True,
        ).stdout
    )
    # The store's own reason, in place of the description.
    assert (
        "What does a home health and personal care aide do? No description: O*NET 30.3 "
        "rates only occupations within this one (31-1121.00 Home Health Aides and "
        "31-1122.00 Personal Care Aides), not this occupation as a whole." in output
    )
    assert "What does a registered nurse do? Assess patient health problems" in output


@pytest.mark.parametrize(
    ("slug", "part"),
    [
        # O*NET 30.1 rates only 15-1255.01: its ten skills were shown as the whole's.
        ("web-and-digital-interface-designers", "15-1255.01 Video Game Designers"),
        # OEWS aggregates O*NET rates through one part only.
        ("miscellaneous-construction-and-related-workers", "47-4091.00 Segmental Pavers"),
        ("miscellaneous-assemblers-and-fabricators", "51-2092.00 Team Assemblers"),
    ],
)
def test_a_parts_onet_figures_are_never_the_wholes(slug: str, part: str) -> None:
    from jobcompare.sources.store import Store, bundled_store_path
    from jobcompare.sources.store_role import official_role

    store = Store(bundled_store_path())
    try:
        role = official_role(store, slug)
    finally:
        store.close()
    assert role.skills == ()
    assert part in role.unpublished["skills"]
    assert "not this occupation as a whole" in role.unpublished["skills"]
    if not slug.startswith("web"):
        assert role.description is None and part in role.unpublished["description"]
        assert role.duties == () and role.technology == ()
        assert role.overview.job_zone is None and role.education.required is None
    assert part.split()[0] in [code for code, _ in role.onet_occupations]
    if slug.startswith("miscellaneous-construction"):
        # Every occupation within it O*NET rates is named, not only the linked part.
        reason = role.unpublished["description"]
        assert "47-4099.03 Weatherization Installers and Technicians" in reason


def test_specific_onet_occupations_are_named() -> None:
    shown = json.loads(run(["show", "registered-nurses", "--json"], bundled=True).stdout)
    assert {"code": "29-1141.01", "title": "Acute Care Nurses"} in shown["onet_occupations"]
    assert {"code": "29-1141.03", "title": "Critical Care Nurses"} in shown["onet_occupations"]
    text = flat(run(["show", "registered-nurses"], width=100, bundled=True).stdout)
    assert "O*NET occupations within this one, whose figures are not shown here: " in text
    assert "29-1141.01 Acute Care Nurses" in text
    # 15-2051's old message counted 2 occupations where O*NET 30.1 rates 2 more specific
    # ones and none as the whole: said as it is.
    data = json.loads(run(["show", "data-scientists", "--json"], bundled=True).stdout)
    assert data["unpublished"]["skills.skills"] == (
        "O*NET 30.1 rates only occupations within this one (15-2051.01 Business Intelligence "
        "Analysts and 15-2051.02 Clinical Data Managers), not this occupation as a whole"
    )


def test_a_withheld_share_keeps_its_row() -> None:
    # RNs' bachelor's share is suppressed by O*NET: its row stays and says so, no bar.
    text = run(["show", "registered-nurses", "-s", "education"], width=100, bundled=True).stdout
    line = next(x for x in text.splitlines() if x.strip().startswith("Bachelor's degree"))
    assert "not published: low precision (O*NET)" in line and "█" not in line
    assert re.search(r"Most common required level\s+not published", text)


def test_show_takes_the_all_duties_its_hint_names() -> None:
    # The profile's hint under the technology skills named an option show did not have.
    short = run(["show", "registered-nurses", "-s", "skills"], width=100, bundled=True)
    assert "--all-duties shows all" in short.stdout
    whole = run(["show", "registered-nurses", "-s", "skills", "--all-duties"], width=100,
                bundled=True)  # fmt: skip
    assert whole.exit_code == 0, whole.stderr
    assert "--all-duties shows all" not in whole.stdout
    assert whole.stdout.count("(hot") > short.stdout.count("(hot")
