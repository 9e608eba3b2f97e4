"""Every section for official occupations, on the bundled store: the issue's four-way
comparison in every format, the median rule, hourly ranges, and --all-duties."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.conftest import flat, run, validate

FOUR = ["billing-and-posting-clerks", "registered-nurses", "physician-assistants",
        "software-developers"]  # fmt: skip


def test_four_way_json_is_schema_valid_and_traceable(schema: dict[str, Any]) -> None:
    document = json.loads(run([*FOUR, "--json"], bundled=True).stdout)
    validate(document, schema)
    clerks, nurses, assistants, developers = document["roles"]
    assert clerks["overview"]["projected_change"] == -0.4
    assert assistants["education"]["most_common_required"] == {
        "name": "Master's degree", "share": 81.08,
    }  # fmt: skip
    assert developers["demographics"]["women"] == 20.3
    # RN's bachelor's share is suppressed by O*NET: null with the reason, never 0.
    assert nurses["education"]["required_levels"]["bachelor"] is None
    assert "Recommend Suppress = Y" in nurses["unpublished"]["education.required_levels.bachelor"]
    assert nurses["education"]["most_common_required"] is None
    # Every figure a role has names its source, release and year.
    assert nurses["sources"]["demographics.women"] == {
        "source": "BLS Current Population Survey, annual averages (tables 11, 11b and 39)",
        "release": "2024 annual averages",
        "year": "2024",
    }
    # Table 39's weekly medians likewise, as printed (whole dollars a week).
    assert nurses["demographics"]["weekly_earnings"] == {"all": 1507, "men": 1761, "women": 1476}
    assert (
        nurses["sources"]["demographics.weekly_earnings.men"]
        == nurses["sources"]["demographics.women"]
    )
    assert nurses["sources"]["overview.projected_change"]["year"] == "2024–34"
    assert "education.required_levels.bachelor" not in nurses["sources"]
    # Duties: all of O*NET's tasks in JSON, not the table's first six.
    assert len(nurses["duties"]["example_responsibilities"]) == 27
    skill = developers["skills"]["skills"][0]
    assert skill["name"] == "Programming" and skill["importance"] == 4.0
    assert document["summary"]["pay"]["measure"] == "median"


def test_four_way_table_has_sources_under_each_section() -> None:
    output = run([*FOUR, "--full"], width=80, bundled=True).stdout
    assert all(len(line) <= 80 for line in output.splitlines())
    text = flat(output)
    for line in (
        "Sources: BLS OEWS May 2025 · BLS Employment Projections 2024–34 · BLS EP 2024–34, "
        "table 1.10 · O*NET 30.3 (CC BY 4.0) · CPS 2024 · GPTs are GPTs (Eloundou et al., "
        "2024; MIT) · Working with AI (Tomlinson et al., 2025; CC BY 4.0) · BLS EP 2024–34, "
        "table 1.12",
        "Sources: CPS 2024",
        "Sources: O*NET 30.1 (CC BY 4.0) · O*NET 30.3 (CC BY 4.0)",
        "so the race and ethnicity shares do not sum to one hundred percent",
    ):
        assert line in text
    assert "The first 6 tasks" not in text  # --full: every task
    # BLS's projected change against its all-occupations figure; no words of our own.
    assert "(all occupations: 3.1%)" in text
    assert "faster than average" not in text


def test_all_duties_shows_every_task() -> None:
    asked = run([*FOUR[:2], "-s", "duties"], width=120, bundled=True).stdout
    concise = run(FOUR[:2], width=120, bundled=True).stdout
    full = run([*FOUR[:2], "-s", "duties", "--all-duties"], width=120, bundled=True).stdout
    ranks = lambda out: [int(m) for m in re.findall(r"^(\d+) ", out, re.M)]  # noqa: E731
    # Asked for by --section, the duties show their first 6; the whole concise page says
    # how many there are; --all-duties and --full list them all.
    assert max(ranks(asked)) == 6
    assert "Tasks: 28 for" in flat(concise)
    assert "Tasks: 28 for billing and posting clerks and 27 for registered nurses (O*NET)" in (
        flat(concise)
    )
    assert max(ranks(full)) == 28  # the registered nurses' 27 and the clerks' 28
    everything = run([*FOUR[:2], "-s", "duties", "--full"], width=120, bundled=True).stdout
    assert max(ranks(everything)) == 28


def test_medians_and_both_hourly_ranges() -> None:
    document = json.loads(run(["actors", "registered-nurses", "--json"], bundled=True).stdout)
    pay = document["summary"]["pay"]
    assert (pay["measure"], pay["per"]) == ("median", "hour")
    assert (pay["highest"], pay["difference"]) == ("registered-nurses", 17.85)
    nurses = document["roles"][1]["salary"]["hourly_percentiles"]
    assert nurses["p50"] == 46.9
    text = flat(run(["actors", "registered-nurses", "--full"], width=100, bundled=True).stdout)
    assert (
        "Registered nurses earn $46.90 an hour at the median, $17.85 (61.4%) more than actors"
        in text
    )
    assert "Hourly pay Actors" in text and "Registered Nurses ├" in text
    # Beside roles paid by the year only, the tables do not repeat the hourly
    # percentiles, but the JSON carries them whatever the company.
    pair = json.loads(run([*FOUR[:2], "--json"], bundled=True).stdout)
    assert pair["roles"][1]["salary"]["hourly_percentiles"]["p50"] is not None
    assert "Hourly median" not in run([*FOUR[:2], "-s", "salary"], bundled=True).stdout


def test_sources_count_occupations_with_figures() -> None:
    listed = json.loads(run(["sources", "--json"], bundled=True).stdout)
    coverage = {s["key"]: s["coverage"]["occupations"] for s in listed}
    # CPS has a row of NULLs (with the reason) for the 176 occupations it does not cover;
    # O*NET lists the 70 "all other" occupations it does not rate: neither is coverage;
    # nor are the 12 aggregates O*NET rates only as parts, nor the 2 occupations O*NET 30.1
    # rates only as more specific ones (15-1255, 15-2051): a part's figures are not the
    # whole's (docs/mapping.md).
    assert coverage["cps"] == 654
    assert coverage["onet"] == 748
    assert coverage["onet-excel"] == 725
    assert coverage["ep"] == coverage["oews"] == 830


def test_page_shares_and_onet_importance_never_share_an_axis() -> None:
    from jobcompare.engine.compare import compare
    from jobcompare.output.blocks import RankedTable, SectionBlock
    from jobcompare.sources.roles import open_roles
    from tests.drawn import comparison_document

    roles = open_roles()
    shown = comparison_document(
        compare([roles.role("patient-account-coordinator"), roles.role("registered-nurses")])
    )
    skills = next(b for s in shown.blocks if isinstance(s, SectionBlock) and s.name == "skills"
                  for b in s.blocks if isinstance(b, RankedTable))  # fmt: skip
    assert skills.scale == 5.0  # O*NET's importance scale
    page, rated = zip(*(row.items for row in skills.rows), strict=True)
    assert page[0].text == "Patients, 20%" and page[0].share is None
    assert rated[0].share == 4.12


def test_an_all_other_occupation_keeps_onets_own_description() -> None:
    # O*NET rates none of the "all other" occupations but describes each at its .00 code;
    # that description is O*NET's own, so it is shown, while the ratings stay missing.
    document = json.loads(run(["show", "19-3099", "--json"], bundled=True).stdout)
    assert document["overview"]["description"] == (
        "All social scientists and related workers not listed separately."
    )
    assert "overview.description" not in document["unpublished"]
    assert "education.most_common_required" in document["unpublished"]


def test_json_carries_each_sections_notes_with_the_sources_caveats(
    schema: dict[str, Any],
) -> None:
    # A script reading JSON must see the caveats the tables print: a CPS row standing for
    # several occupations, an EP 5.3 row that is not an exact match with the ACS.
    document = json.loads(
        run(["show", "police-and-sheriff-s-patrol-officers", "--json"], bundled=True).stdout
    )
    notes = document["notes"]
    assert (
        "The CPS row 'Police officers' covers 2 OEWS occupations (33-3051, 33-3052); its "
        "figures are for all of them together." in notes["demographics"]
    )
    assert "This occupation is not an exact match with ACS" in notes["education"]
    validate(document, schema, "role")


def test_eps_2034_employment_is_shown_beside_2024s(schema: dict[str, Any]) -> None:
    """BLS EP's projected employment for 2034 (table 1.2), in thousands as BLS gives it,
    wherever its 2024 figure is: the table, JSON (schema-valid), CSV."""
    table = flat(run(["show", "registered-nurses", "--section", "overview"], width=100,
                     bundled=True).stdout)  # fmt: skip
    assert re.search(r"All jobs, 2024 \(thousands\) +3,391\.0", table)
    assert re.search(r"All jobs, 2034 projected \(thousands\) +3,557\.1", table)
    document = json.loads(run(["show", "registered-nurses", "--json"], bundled=True).stdout)
    validate(document, schema, "role")
    assert document["overview"]["jobs_with_self_employed"] == 3391.0
    assert document["overview"]["jobs_with_self_employed_2034"] == 3557.1
    assert document["sources"]["overview.jobs_with_self_employed_2034"]["year"] == "2024–34"
    described = schema["$defs"]["role"]["properties"]["overview"]["properties"]
    assert described["jobs_with_self_employed_2034"]["description"] == (
        "All jobs, 2034 projected (thousands)"
    )
    rows = run(["show", "registered-nurses", "--format", "csv"], bundled=True).stdout
    assert "overview,jobs_with_self_employed_2034,registered-nurses,3557.1,thousand jobs," in rows


# -- issue 20: pay by sex, CPS table 39 ----------------------------------------------------


def test_weekly_pay_is_declared_as_a_weeks_pay_never_a_years() -> None:
    from jobcompare.output.cells import cell
    from jobcompare.registry.fields import Kind, all_fields

    weekly = [f for _, f in all_fields() if f.kind is Kind.WEEKLY]
    assert [f.key for f in weekly] == [
        "weekly_earnings.all", "weekly_earnings.men", "weekly_earnings.women",
    ]  # fmt: skip
    # Rows of --full and show only (the concise page is unchanged), from CPS, in USD/week.
    assert all(f.detail and f.only_if_any and f.origin == "cps" for f in weekly)
    assert {f.csv_unit for f in weekly} == {"USD/week"}
    # No yearly or hourly figure reads the same model path.
    paid = {f.source for _, f in all_fields() if f.kind in (Kind.MONEY, Kind.RATE, Kind.RANGE)}
    assert not paid & {f.source for f in weekly}
    assert (cell(Kind.WEEKLY, 1507), cell(Kind.WEEKLY, None)) == ("$1,507 a week", "—")


def test_pay_by_sex_where_bls_publishes_both() -> None:
    pair = ["software-developers", "registered-nurses"]
    full = flat(run([*pair, "--full", "-s", "demographics"], width=100, bundled=True).stdout)
    # Table 39 as printed: all, men, women; the difference is between the roles' medians.
    assert re.search(
        r"All full-time workers \$2,475 a week \$1,507 a week -\$968 \(-39\.1%\)", full
    )
    assert re.search(r"Men \$2,495 a week \$1,761 a week -\$734 \(-29\.4%\)", full)
    assert re.search(r"Women \$2,238 a week \$1,476 a week -\$762 \(-34\.0%\)", full)
    assert "full-time wage and salary workers" in full
    # Never a computed gap between men and women, and nothing of it on the concise page.
    assert "gap" not in full.lower()
    concise = run(pair, width=100, bundled=True).stdout
    assert "a week" not in concise and "weekly" not in concise.lower()
    document = json.loads(run([*pair, "--json"], bundled=True).stdout)
    assert "week" not in json.dumps(document["key_differences"])


def test_pay_by_sex_where_bls_publishes_one_and_where_the_row_is_broader() -> None:
    clerks = flat(run(["show", "billing-and-posting-clerks"], width=100, bundled=True).stdout)
    # 36,000 men: under BLS's base of 50,000, a dash; said so, never zero.
    assert "Men not published: too few in the survey (CPS)" in clerks
    assert "Women $873 a week" in clerks
    assert "Men's median weekly earnings — CPS 2024: Dash indicates no data" in clerks
    police = flat(run(["show", "transit-and-railroad-police"], width=100, bundled=True).stdout)
    assert "Men $1,494 a week" in police
    assert "The CPS row 'Police officers' covers 2 OEWS occupations (33-3051, 33-3052)" in police
    csv = run(["show", "transit-and-railroad-police", "-f", "csv"], bundled=True).stdout
    assert "demographics,weekly_earnings.women,transit-and-railroad-police,1221,USD/week," in csv
