"""Markdown and CSV exports: exact content, escaping of hostile data, CSV injection."""

from __future__ import annotations

import csv
import io
import os
from collections import Counter

import pytest
from markdown_it import MarkdownIt  # a dependency of Rich, so always installed

from jobcompare.engine.compare import compare
from jobcompare.engine.results import Comparison
from jobcompare.model import Amount, Overview, Role, Salary, Skill, TimeToBecome
from jobcompare.output.markdown import md_paragraph, md_text
from jobcompare.output.views.comparison import CSV_HEADER
from jobcompare.registry.section import Section
from jobcompare.sources.dataset import Dataset, load_dataset
from tests.conftest import SEED, SEED_FILE, TESTS
from tests.drawn import to_csv, to_markdown

MIXED = load_dataset(TESTS / "datasets" / "mixed.toml")
PATIENT, COLLECTIONS = SEED


def seed(dataset: Dataset, sections: tuple[Section, ...] = tuple(Section)) -> Comparison:
    return compare([dataset.role(s) for s in SEED], sections)


def records(comparison: Comparison) -> list[list[str]]:
    text = to_csv(comparison)
    return list(csv.reader(io.StringIO(text, newline="")))


#: CSV records after the figures, that are not one role's figure in a section.
NOTES = ("summary", "unpublished", "sources")


def figure_rows(comparison: Comparison) -> list[list[str]]:
    """The records of the roles' figures (no header, differences, summary or notes)."""
    return [r for r in records(comparison)[1:] if r[0] not in NOTES and r[2]]


# -- Markdown -----------------------------------------------------------------------------


def test_salary_markdown_exactly(dataset: Dataset) -> None:
    assert to_markdown(seed(dataset, (Section.SALARY,))) == (
        "# Patient Account Coordinator vs Collections Coordinator\n"
        "\n"
        "The differences between patient account coordinators and collections coordinators "
        "can be seen in a few details. Each job has different responsibilities and duties. "
        "It typically takes 6-12 months to become both a patient account coordinator and a "
        "collections coordinator. Additionally, a collections coordinator has an average "
        "salary of $37,938, which is higher than the $35,695 average annual salary of a "
        "patient account coordinator. That is $2,243 (6.3%) more a year. The top three "
        "skills for a patient account coordinator include patients, patient accounts and "
        "credit balances. The most important skills for a collections coordinator are "
        "customer service, patients, and phone calls. Both roles list patients and appeals "
        "among their skills.\n"
        "\n"
        "*Differences are a collections coordinator minus a patient account coordinator.*\n"
        "\n"
        "## Salary\n"
        "\n"
        "Patient account coordinators and collections coordinators have different pay "
        "scales, as shown below.\n"
        "\n"
        "|  | Patient Account Coordinator | Collections Coordinator | Difference |\n"
        "| --- | --- | --- | --- |\n"
        "| Average salary | $35,695 | **$37,938** | +$2,243 (+6.3%) |\n"
        "| Hourly rate | $17.16 | **$18.24** | +$1.08 (+6.3%) |\n"
        "| Salary range | $30,000 – $41,000 | $30,000 – $47,000 |  |\n"
        "| Highest paying city | — | New York, NY |  |\n"
        "| Highest paying state | — | Connecticut |  |\n"
        "| Best paying company | — | University of California, Berkeley |  |\n"
        "| Best paying industry | — | Professional |  |\n"
        "\n"
        "## Sources\n"
        "\n"
        '- Comparison page "Patient account coordinator vs collections coordinator" '
        "(seed data) — both roles\n"
    )


def test_full_seed_markdown_lines(dataset: Dataset) -> None:
    lines = to_markdown(seed(dataset)).splitlines()
    assert "| Gender ratio: Male | 12.0% | 26.6% | +14.6 pp |" in lines
    assert "| Race ratio: American Indian and Alaska Native | 0.5% | 0.5% | same |" in lines
    assert "| Number of jobs | **148,258** | 40,113 | -108,145 (-72.9%) |" in lines
    assert "| Growth rate | -8% | -8% | same |" in lines
    assert "### What does a patient account coordinator do?" in lines
    assert "### What does a collections coordinator do?" in lines
    assert (
        "| 6 | See that records are store securely and handle in compliance with HIPAA "
        "privacy and security regulations | Submit insurance appeals and provider disputes "
        "when necessary. |"
    ) in lines
    start = lines.index("## Skills")
    assert lines[start : start + 12] == [
        "## Skills",
        "",
        "| # | Patient Account Coordinator | Collections Coordinator |",
        "| --- | --- | --- |",
        "| 1 | Patients, 20% ◆ | Customer Service, 15% |",
        "| 2 | Patient Accounts, 10% | Patients, 12% ◆ |",
        "| 3 | Credit Balances, 9% | Phone Calls, 6% |",
        "| 4 | Appeals, 7% ◆ | Collection Efforts, 4% |",
        "| 5 | Medical Billing, 4% | Delinquent Accounts, 4% |",
        "| 6 | Data Entry, 3% | Appeals, 4% ◆ |",
        "",
        "◆ listed for both roles",
    ]
    headings = [line for line in lines if line.startswith("#")]
    assert headings == [
        "# Patient Account Coordinator vs Collections Coordinator",
        "## Overview",
        "### What does a patient account coordinator do?",
        "### What does a collections coordinator do?",
        "## Salary",
        "## Education",
        "## Demographics",
        "## Duties and responsibilities",
        "## Skills",
        "## Sources",
    ]
    # The description follows its heading as one paragraph.
    heading = lines.index("### What does a collections coordinator do?")
    assert lines[heading + 2].startswith("Usually working alongside a company's account")
    assert lines[heading + 2].endswith("enforcing the company's policies and regulations.")


def test_every_seed_figure_is_in_the_markdown(dataset: Dataset) -> None:
    output = to_markdown(seed(dataset))
    for figure in ["$35,695", "$37,938", "$17.16", "$18.24", "148,258", "40,113", "-8%",
                   "$30,000 – $41,000", "$30,000 – $47,000", "+$2,243 (+6.3%)",
                   "+$1.08 (+6.3%)", "-108,145 (-72.9%)", "+14.6 pp", "+14 pp", "12.0%",
                   "88.0%", "26.6%", "73.4%", "12.7%", "4.2%", "19.1%", "4.0%", "59.5%",
                   "0.5%", "12.1%", "4.1%", "20.8%", "3.6%", "59.0%", "Bachelor's Degree, 34%",
                   "Bachelor's Degree, 48%", "6-12 months", "Business", "New York, NY",
                   "Connecticut", "University of California, Berkeley", "Professional",
                   "Patients, 20% ◆", "Appeals, 4% ◆"]:  # fmt: skip
        assert figure in output, figure


def test_hostile_text_is_escaped_and_stripped() -> None:
    output = to_markdown(compare([MIXED.role("tricky"), MIXED.role("analyst")]))
    for hostile in ["\x1b", "\x07", "\x9b"]:
        assert hostile not in output
    lines = output.splitlines()
    assert lines[0] == r"# \[bold red\]Tricky\[/\] Role vs Data Analyst"
    assert r"### What does a \[bold red\]Tricky\[/\] role do?" in lines
    assert (
        r"Line one \[31mred\[0m and a bell and a link \[link=https\://x.invalid\]here\[/link\]."
    ) in lines
    assert r"| 1 | Escape \]0;title attempts | — |" in lines
    assert r"| 2 | \[blink\]Not markup\[/blink\] |  |" in lines
    assert r"| 1 | Shell \[2J, 50% | SQL, 30% |" in lines
    assert "| 2 | Patients, 10.5% ◆ | Patients, 1% ◆ |" in lines
    assert r"| Yearly salary | $52,000.50 | **$83,000** | +$30,999.50 (+59.6%) |" in lines


@pytest.mark.parametrize(
    ("text", "inline", "paragraph"),
    [
        ("a | b", r"a \| b", r"a \| b"),
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`", r"\*bold\* \_it\_ \`code\`"),
        ("<script>x</script>", r"\<script>x\</script>", r"\<script>x\</script>"),
        ("[a](b) ![i](j)", r"\[a\](b) !\[i\](j)", r"\[a\](b) !\[i\](j)"),
        ("back\\slash", r"back\\slash", r"back\\slash"),
        ("C# ~~gone~~", r"C\# \~\~gone\~\~", r"C\# \~\~gone\~\~"),
        ("AT&T &amp; &#169;", r"AT&T \&amp; \&\#169;", r"AT&T \&amp; \&\#169;"),
        ("one\n\n  two\nthree ", "one two three", "one two three"),
        ("- item", "- item", r"\- item"),
        ("> quote", "> quote", r"\> quote"),
        ("1. first", "1. first", r"1\. first"),
        ("2) second", "2) second", r"2\) second"),
        ("tab\there\x1b[0m", r"tab here\[0m", r"tab here\[0m"),
    ],
)
def test_markdown_escaping(text: str, inline: str, paragraph: str) -> None:
    assert md_text(text) == inline
    assert md_paragraph(text) == paragraph


HOSTILE = "<b>x</b> *y* _z_ [l](http://z) ![i](j) `c` ~~d~~ | a \\ &amp; #"


def test_hostile_text_reads_as_text_in_a_markdown_renderer() -> None:
    """Rendered by a CommonMark parser with GFM tables, dataset text comes out as the same
    text: no tags, links, emphasis, code or broken tables."""
    role = Role(
        slug="hostile",
        title=HOSTILE,
        noun="hostile",
        category=HOSTILE,
        description=f"# Heading\n\n- item\n> quote {HOSTILE}",
        time_to_become=TimeToBecome(6, 12),
        source=f"1. {HOSTILE}",
        duties=(HOSTILE, "- not a list"),
        skills=(Skill(HOSTILE, 5), Skill("Patients", 1)),
        salary=Salary(average=Amount(1), best_paying_company=f"+ {HOSTILE}"),
    )
    output = to_markdown(compare([role, MIXED.role("analyst")]))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(output)
    shown = "&lt;b&gt;x&lt;/b&gt; *y* _z_ [l](http://z) ![i](j) `c` ~~d~~ | a \\ &amp;amp; #"
    assert f"<h1>{shown} vs Data Analyst</h1>" in html
    assert f"<th>{shown}</th>" in html
    assert f"<td>{shown}</td>" in html  # category, and the first duty
    assert f"<td>+ {shown}</td>" in html
    assert f"<td>{shown}, 5%</td>" in html
    assert f"<p># Heading - item &gt; quote {shown}</p>" in html
    assert f"<li>1. {shown} — {shown}</li>" in html  # only the hostile role names it
    assert "<td>- not a list</td>" in html
    for tag in ["<a ", "<b>", "<code>", "<del>", "<s>", "<img", "<blockquote>", "<h1># "]:
        assert tag not in html, tag
    assert html.count("<em>") == 1  # the "Differences are" line
    assert html.count("<strong>") == 2  # the higher pay, yearly and average
    assert html.count("<li>") == 1  # the source
    # Every table row keeps its cells: no "|" in the data split one.
    for table in html.split("<table>")[1:]:
        rows = table.split("</table>")[0].split("<tr>")[1:]
        assert len({row.count("<td>") + row.count("<th>") for row in rows}) == 1


def test_four_roles_mark_highest_and_lowest_and_have_no_difference() -> None:
    output = to_markdown(compare(MIXED.roles))
    lines = output.splitlines()
    assert "Difference" not in output
    assert (
        r"|  | Surgeons, All Other | \[bold red\]Tricky\[/\] Role | Empty Role | Data Analyst |"
    ) in lines
    assert "*▲ marks a row's highest figure, ▼ its lowest.*" in lines
    assert "| Number of jobs | 26,350 ▼ | — | — | **100,000** ▲ |" in lines
    assert "| Yearly salary | **≥ $239,200** ▲ | $52,000.50 ▼ | — | $83,000 |" in lines
    assert "| Job satisfaction | — | — | — | 3.5 |" in lines
    assert "| Median | ≥ $239,200 | — | — | — |" in lines
    assert "Growth rate" in output  # the analyst has it
    assert "LGBT percentage" not in output  # nobody has it
    # Duties: a role without any says so once.
    assert r"| 1 | — | Escape \]0;title attempts | — | — |" in lines
    assert "listed for" not in output  # no skill is named by all four
    assert "- BLS OEWS, May 2025 — Surgeons, All Other" in lines
    assert "*Differences are" not in output


def test_sections_without_figures_say_so() -> None:
    output = to_markdown(compare([MIXED.role("surgeon"), MIXED.role("empty-role")]))
    assert "## Demographics\n\nThe dataset has no demographics figures for these roles.\n" in (
        output
    )
    assert "The dataset has no duties figures for these roles." in output
    assert "The dataset has no skills figures for these roles." in output
    # No difference to show, so no Difference column: the same rule as the terminal's.
    assert "| Average salary | ≥ $239,200 | — |" in output.splitlines()
    assert "Difference" not in output


def test_three_roles_mark_highest_and_lowest(dataset: Dataset) -> None:
    roles = [*(dataset.role(s) for s in SEED), MIXED.role("tricky")]
    lines = to_markdown(compare(roles, [Section.DEMOGRAPHICS, Section.OVERVIEW])).splitlines()
    assert "| Hourly rate | $17.16 ▼ | $18.24 | **$25.00** ▲ |" in lines
    # Equal figures: nobody is highest when all known ones agree.
    assert "| Growth rate | -8% | -8% | — |" in lines


def test_a_tie_marks_both_roles() -> None:
    def role(slug: str, pay: int) -> Role:
        return Role(slug=slug, title=slug.title(), salary=Salary(average=Amount(pay)))

    result = compare([role("a", 10), role("b", 30), role("c", 30)], [Section.SALARY])
    assert "| Average salary | $10 ▼ | **$30** ▲ | **$30** ▲ |" in to_markdown(result)


# -- CSV ----------------------------------------------------------------------------------


def test_csv_header_and_line_ends(dataset: Dataset) -> None:
    text = to_csv(seed(dataset))
    assert text.startswith("section,field,role,value,unit,bound\r\n")
    assert text.endswith("\r\n")
    assert records(seed(dataset))[0] == list(CSV_HEADER)


def test_csv_seed_rows(dataset: Dataset) -> None:
    rows = records(seed(dataset))
    for expected in [
        ["salary", "average_salary", COLLECTIONS, "37938", "USD/year", ""],
        ["salary", "salary_range.min", PATIENT, "30000", "USD/year", ""],
        ["salary", "salary_range.max", COLLECTIONS, "47000", "USD/year", ""],
        ["salary", "percentiles.p90", PATIENT, "", "USD/year", ""],
        ["salary", "highest_paying_city", PATIENT, "", "", ""],
        ["salary", "best_paying_company", COLLECTIONS, "University of California, Berkeley",
         "", ""],
        ["overview", "hourly_rate", PATIENT, "17.16", "USD/hour", ""],
        ["overview", "growth_rate", PATIENT, "-8", "%", ""],
        ["overview", "number_of_jobs", COLLECTIONS, "40113", "jobs", ""],
        ["overview", "job_satisfaction", PATIENT, "", "rating 0-5", ""],
        ["overview", "years_of_experience", PATIENT, "12", "years", ""],
        ["overview", "time_to_become.min_months", PATIENT, "6", "months", ""],
        ["overview", "time_to_become.max_months", PATIENT, "12", "months", ""],
        ["overview", "most_common_degree.name", PATIENT, "Bachelor's Degree", "", ""],
        ["education", "most_common_degree.share", COLLECTIONS, "48", "%", ""],
        ["education", "most_common_college", PATIENT, "", "", ""],
        ["demographics", "average_age", PATIENT, "46", "years", ""],
        ["demographics", "gender_ratio.male", PATIENT, "12.0", "%", ""],
        ["demographics", "gender_ratio.female", COLLECTIONS, "73.4", "%", ""],
        ["demographics", "race_ratio.hispanic_or_latino", COLLECTIONS, "20.8", "%", ""],
        ["demographics", "lgbt_percentage", PATIENT, "8", "%", ""],
        ["duties", "example_responsibilities.6", COLLECTIONS,
         "Submit insurance appeals and provider disputes when necessary.", "", ""],
        ["skills", "skills.1.name", PATIENT, "Patients", "", ""],
        ["skills", "skills.1.share", PATIENT, "20", "%", ""],
        ["skills", "skills.1.shared", PATIENT, "true", "", ""],
        ["skills", "skills.2.shared", PATIENT, "false", "", ""],
        ["skills", "skills.6.name", COLLECTIONS, "Appeals", "", ""],
    ]:  # fmt: skip
        assert expected in rows, expected
    description = next(r for r in rows if r[1] == "description" and r[2] == PATIENT)
    assert description[3].startswith("A patient account coordinator ensures that")


def test_csv_order_and_whole_salary_section(dataset: Dataset) -> None:
    rows = figure_rows(seed(dataset, (Section.SALARY, Section.OVERVIEW)))
    # Sections in the standard order, then roles in the comparison's order.
    order = list(dict.fromkeys((r[0], r[2]) for r in rows))
    assert order == [
        ("overview", PATIENT),
        ("overview", COLLECTIONS),
        ("salary", PATIENT),
        ("salary", COLLECTIONS),
    ]
    assert [r for r in rows if r[0] == "salary" and r[2] == PATIENT] == [
        ["salary", "average_salary", PATIENT, "35695", "USD/year", ""],
        # Within the survey's margin of the first role's mean: empty (a page gives no error).
        ["salary", "average_salary.within_margin", PATIENT, "", "", ""],
        ["salary", "hourly_rate", PATIENT, "17.16", "USD/hour", ""],
        ["salary", "hourly_rate.within_margin", PATIENT, "", "", ""],
        ["salary", "mean_wage_rse", PATIENT, "", "%", ""],
        ["salary", "salary_range.min", PATIENT, "30000", "USD/year", ""],
        ["salary", "salary_range.max", PATIENT, "41000", "USD/year", ""],
        ["salary", "percentiles.p10", PATIENT, "", "USD/year", ""],
        ["salary", "percentiles.p25", PATIENT, "", "USD/year", ""],
        ["salary", "percentiles.p50", PATIENT, "", "USD/year", ""],
        ["salary", "percentiles.p75", PATIENT, "", "USD/year", ""],
        ["salary", "percentiles.p90", PATIENT, "", "USD/year", ""],
        *(
            ["salary", f"hourly_percentiles.p{n}", PATIENT, "", "USD/hour", ""]
            for n in (10, 25, 50, 75, 90)
        ),
        # Official roles' median each May (docs/history.md): empty for a page's role.
        *(
            ["salary", f"{kind}median_by_year.{year}", PATIENT, "", unit, ""]
            for kind, unit in (("", "USD/year"), ("hourly_", "USD/hour"))
            for year in (2021, 2022, 2023, 2024, 2025)
        ),
        ["salary", "highest_paying_city", PATIENT, "", "", ""],
        ["salary", "highest_paying_state", PATIENT, "", "", ""],
        ["salary", "best_paying_company", PATIENT, "", "", ""],
        ["salary", "best_paying_industry", PATIENT, "", "", ""],
        # Official roles' best-paid places: every declared figure is a record, empty here.
        *(
            ["salary", f"{place}.{part}", PATIENT, "", unit, ""]
            for place in (
                "highest_paying_metro",
                "highest_paying_state_or_area",
                "highest_paying_of_50_states",
                "highest_paying_industry",
            )
            for part, unit in (("name", ""), ("kind", ""), ("average_salary", "USD/year"))
        ),
    ]


def test_csv_differences_summary_and_notes(dataset: Dataset) -> None:
    """After the figures, what the terminal shows besides them: differences (second
    role minus first), the summary's sentences, unpublished reasons and sources."""
    rows = records(seed(dataset, (Section.SALARY,)))[1:]
    assert ["salary", "average_salary.difference", "", "2243", "USD/year", ""] in rows
    assert ["salary", "average_salary.difference_percent", "", "6.2838", "%", ""] in rows
    assert ["salary", "hourly_rate.difference", "", "1.08", "USD/hour", ""] in rows
    sentences = [r[3] for r in rows if r[0] == "summary"]
    assert "That is $2,243 (6.3%) more a year." in sentences
    sources = [r for r in rows if r[0] == "sources"]
    assert [r[2] for r in sources] == [PATIENT, COLLECTIONS]
    assert sources[0][3].startswith("Comparison page")
    surgeon = records(compare([MIXED.role("surgeon"), MIXED.role("analyst")]))
    assert ["unpublished", "salary.hourly_rate", "surgeon", "Estimate not released.", "", ""] in (
        surgeon
    )


def test_csv_lower_bounds_and_missing_values() -> None:
    rows = records(compare([MIXED.role("surgeon"), MIXED.role("analyst")]))
    for expected in [
        ["salary", "average_salary", "surgeon", "239200", "USD/year", "at_least"],
        ["overview", "yearly_salary", "surgeon", "239200", "USD/year", "at_least"],
        ["salary", "salary_range.min", "surgeon", "97700", "USD/year", ""],
        ["salary", "salary_range.max", "surgeon", "239200", "USD/year", "at_least"],
        ["salary", "percentiles.p25", "surgeon", "187000", "USD/year", ""],
        ["salary", "percentiles.p50", "surgeon", "239200", "USD/year", "at_least"],
        ["salary", "salary_range.min", "analyst", "", "USD/year", ""],
        ["overview", "hourly_rate", "surgeon", "", "USD/hour", ""],
        ["overview", "hourly_rate", "analyst", "39.9", "USD/hour", ""],
        ["overview", "soc", "surgeon", "29-1248", "", ""],
        ["overview", "soc", "analyst", "", "", ""],
        ["overview", "most_common_degree.name", "surgeon", "", "", ""],
        ["overview", "most_common_degree.share", "surgeon", "", "%", ""],
        ["skills", "skills.3.name", "analyst", "Excel", "", ""],
        ["skills", "skills.3.share", "analyst", "", "%", ""],
    ]:
        assert expected in rows, expected
    # A role without duties or skills has no rows for them (O*NET's interests are
    # figures, not skills: each has its row, empty).
    assert not [
        r
        for r in rows
        if r[0] in ("duties", "skills") and r[2] == "surgeon" and not r[1].startswith("interests.")
    ]
    assert ["skills", "interests.social", "surgeon", "", "rating 1-7", ""] in rows


def test_csv_text_is_safe_and_never_a_formula() -> None:
    role = Role(
        slug="hostile",
        title='=HYPERLINK("x")',
        category="=1+1",
        description="line one\nline two \x1b[31m\x07",
        duties=("-2+3", "+cmd", "@SUM(A1)", "\tTabbed", "\rReturn", "fine - really"),
        skills=(Skill("=cmd|' /C calc'!A0", 5),),
        overview=Overview(growth_rate=-8, years_of_experience=-0.5),
        salary=Salary(best_paying_company="@evil", highest_paying_city='A, B "C"'),
    )
    rows = records(compare([role, MIXED.role("analyst")]))
    values = {r[1]: r[3] for r in rows if r[2] == "hostile"}
    assert values["category"] == "'=1+1"
    assert values["description"] == "line one\nline two [31m"
    assert values["example_responsibilities.1"] == "'-2+3"
    assert values["example_responsibilities.2"] == "'+cmd"
    assert values["example_responsibilities.3"] == "'@SUM(A1)"
    assert values["example_responsibilities.4"] == " Tabbed"  # safe() made the tab a space
    assert values["example_responsibilities.5"] == "Return"  # and removed the CR
    assert values["example_responsibilities.6"] == "fine - really"
    assert values["skills.1.name"] == "'=cmd|' /C calc'!A0"
    assert values["best_paying_company"] == "'@evil"
    assert values["highest_paying_city"] == 'A, B "C"'
    # Numbers are never prefixed.
    assert values["growth_rate"] == "-8"
    assert values["years_of_experience"] == "-0.5"
    assert not [c for r in rows for c in r if c.startswith(("=", "+", "@", "\t", "\r"))]
    text = to_csv(compare([role, MIXED.role("analyst")]))
    assert "\x1b" not in text and "\x07" not in text


def test_csv_tricky_role_text_is_stripped_not_escaped() -> None:
    rows = figure_rows(compare([MIXED.role("tricky"), MIXED.role("analyst")], [Section.DUTIES]))
    assert rows == [
        ["duties", "example_responsibilities.1", "tricky", "Escape ]0;title attempts", "", ""],
        ["duties", "example_responsibilities.2", "tricky", "[blink]Not markup[/blink]", "", ""],
    ]


@pytest.mark.parametrize(
    "sections",
    [
        (Section.OVERVIEW,),
        (Section.SALARY, Section.DEMOGRAPHICS),
        (Section.OVERVIEW, Section.SALARY, Section.EDUCATION, Section.DEMOGRAPHICS),
    ],
)
def test_csv_every_role_has_the_same_fields(sections: tuple[Section, ...]) -> None:
    result = compare(MIXED.roles, sections)
    rows = figure_rows(result)
    fields = {
        slug: [r[:2] for r in rows if r[2] == slug] for slug in (r.slug for r in result.roles)
    }
    first, *others = fields.values()
    assert first
    assert all(other == first for other in others)


def test_csv_seed_roles_have_the_same_number_of_rows(dataset: Dataset) -> None:
    counts = Counter(r[2] for r in figure_rows(seed(dataset)))
    # Every declared figure, official roles' ones empty: overview 35 (BLS's reasons, a
    # list, none; the jobs' relative standard error) and the 3 AI exposure measures x 4
    # (score, lower, rated, higher_than_percent), salary 41 (the median by year, annual and
    # hourly, May 2021-2025), education 28 (the most common level held is a name and a
    # share), demographics 19 (CPS's three weekly medians included), duties 6, skills
    # 6 x 3 and O*NET's 6 interests and interest code; and whether each of the four means
    # is within the survey's margin.
    assert counts == {PATIENT: 170, COLLECTIONS: 170}


def test_bare_addresses_do_not_become_links() -> None:
    from jobcompare.output.markdown import md_text

    assert md_text("see https://example.org or www.example.org") == (
        r"see https\://example.org or www\.example.org"
    )


@pytest.mark.parametrize("output_format", ["csv", "markdown", "json"])
def test_text_formats_never_import_rich(output_format: str) -> None:
    """Markdown, CSV and JSON never draw, so they never pay for Rich: checked in a fresh
    interpreter, where nothing else can have imported it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from jobcompare.cli.app import app\n"
        f"sys.argv = ['jobcompare', *{list(SEED)!r}, '-f', {output_format!r}]\n"
        "try:\n    app(prog_name='jobcompare')\nexcept SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "loaded = sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.'))\n"
        "sys.stderr.write('RICH:' + ','.join(loaded))\n"
    )
    env = {**os.environ, "JOBCOMPARE_DATA": str(SEED_FILE), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "Collections Coordinator" in done.stdout or "collections-coordinator" in done.stdout
    assert done.stderr.endswith("RICH:"), done.stderr
