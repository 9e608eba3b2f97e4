from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jobcompare.engine.compare import build_sections, compare
from jobcompare.engine.results import Delta
from jobcompare.engine.summary import pay_comparison
from jobcompare.errors import ComparisonError
from jobcompare.registry.section import Section
from jobcompare.sources.dataset import Dataset, load_dataset
from tests.conftest import SEED, TESTS, flat, run, validate

MIXED = load_dataset(TESTS / "datasets" / "mixed.toml")


def seed(dataset: Dataset) -> tuple:  # type: ignore[type-arg]
    return tuple(dataset.role(s) for s in SEED)


def test_money_differences_are_second_minus_first(dataset: Dataset) -> None:
    result = compare(seed(dataset))
    overview = result.sections[0]
    assert overview.row("yearly_salary").delta == Delta(
        2243, "dollars", pytest.approx(6.2838, abs=1e-4)
    )
    assert overview.row("hourly_rate").delta == Delta(
        1.08, "dollars", pytest.approx(6.2937, abs=1e-4)
    )
    assert overview.row("number_of_jobs").delta == Delta(
        -108145, "count", pytest.approx(-72.9437, abs=1e-4)
    )
    assert overview.row("growth_rate").delta == Delta(0, "points")
    assert overview.row("most_common_degree").delta == Delta(14, "points")


def test_share_differences_are_percentage_points(dataset: Dataset) -> None:
    demographics = compare(seed(dataset), [Section.DEMOGRAPHICS]).sections[0]
    assert demographics.row("gender_ratio.male").delta == Delta(14.6, "points")
    assert demographics.row("race_ratio.hispanic_or_latino").delta == Delta(1.7, "points")
    assert demographics.row("lgbt_percentage").delta == Delta(0, "points")


def test_highest_marks_only_differing_figures(dataset: Dataset) -> None:
    overview = compare(seed(dataset)).sections[0]
    assert overview.row("yearly_salary").highest == (1,)
    assert overview.row("number_of_jobs").highest == (0,)
    assert overview.row("average_age").highest == ()
    assert overview.row("job_satisfaction").highest == ()


def test_missing_values_have_no_difference(dataset: Dataset) -> None:
    salary = compare(seed(dataset), [Section.SALARY]).sections[0]
    city = salary.row("highest_paying_city")
    assert city.values == (None, "New York, NY")
    assert city.delta is None


def test_sections_come_in_standard_order_once(dataset: Dataset) -> None:
    result = compare(seed(dataset), [Section.SKILLS, Section.SALARY, Section.SKILLS])
    assert [s.section for s in result.sections] == [Section.SALARY, Section.SKILLS]


def test_summary_facts(dataset: Dataset) -> None:
    summary = compare(seed(dataset)).summary
    assert summary.pay is not None
    assert (summary.pay.highest, summary.pay.lowest, summary.pay.difference) == (1, 0, 2243)
    assert summary.top_skills == (
        ("Patients", "Patient Accounts", "Credit Balances"),
        ("Customer Service", "Patients", "Phone Calls"),
    )
    assert summary.shared_skills == ("Patients", "Appeals")


@pytest.mark.parametrize("count", [0, 1, 5])
def test_two_to_four_roles(dataset: Dataset, count: int) -> None:
    roles = [*MIXED.roles, *seed(dataset)][:count]
    with pytest.raises(ComparisonError, match="compare 2 to 4 roles"):
        compare(roles)


def test_a_role_only_once(dataset: Dataset) -> None:
    role = dataset.role(SEED[0])
    with pytest.raises(ComparisonError, match="given more than once"):
        compare([role, role])


def test_four_roles_mark_highest_without_differences() -> None:
    result = compare(MIXED.roles)
    row = result.sections[0].row("yearly_salary")
    assert row.delta is None
    # The surgeon's "at least $239,200" is above every exact figure: certainly the highest.
    assert (row.highest, row.lowest) == ((0,), (1,))
    assert result.summary.pay is None


def test_lower_bounds_give_no_difference_and_no_pay_sentence() -> None:
    surgeon, analyst = MIXED.role("surgeon"), MIXED.role("analyst")
    result = compare([surgeon, analyst])
    assert result.sections[0].row("yearly_salary").delta is None
    assert pay_comparison([surgeon, analyst]) is None
    assert (
        "Surgeons (all other) earn at least $239,200 a year on average (the source publishes "
        "no exact figure above that)." in result.summary.sentences
    )
    salary = result.sections[1]
    assert salary.row("percentiles.p10").values[1] is None
    assert salary.row("percentiles.p10").delta is None


def test_different_times_to_become(dataset: Dataset) -> None:
    sentences = compare([dataset.role(SEED[0]), MIXED.role("analyst")]).summary.sentences
    assert (
        "It typically takes 6-12 months to become a patient account coordinator and 1-2 years "
        "to become a data analyst." in sentences
    )


def test_three_roles_summary(dataset: Dataset) -> None:
    sentences = compare([*seed(dataset), MIXED.role("analyst")]).summary.sentences
    assert (
        "Additionally, a data analyst has an average salary of $83,000, which is higher than the "
        "$35,695 average annual salary of a patient account coordinator." in sentences
    )
    assert "That is $47,305 (132.5%) more a year than the lowest-paid of the 3 roles." in sentences
    assert "All 3 roles list patients among their skills." in sentences


def test_one_role_profile_sections(dataset: Dataset) -> None:
    sections = build_sections([dataset.role(SEED[1])])
    assert [s.section for s in sections] == list(Section)
    assert sections[1].row("average_salary").delta is None


def test_neutral_figures_are_not_ranked(dataset: Dataset) -> None:
    demographics = compare(seed(dataset), [Section.DEMOGRAPHICS]).sections[0]
    assert all(row.highest == () for row in demographics.rows)


def test_pay_ratio_is_unknown_when_the_lowest_pay_is_zero() -> None:
    from jobcompare.model import Amount, Role, Salary

    free = Role(slug="volunteer", title="Volunteer", salary=Salary(average=Amount(0)))
    paid = Role(slug="clerk", title="Clerk", salary=Salary(average=Amount(1000)))
    summary = compare([free, paid]).summary
    assert summary.pay is not None and summary.pay.percent is None
    assert "That is $1,000 more a year." in summary.sentences


def test_single_role_profile_has_no_comparison_sentences(dataset: Dataset) -> None:
    assert all(s.intro is None for s in build_sections([dataset.role(SEED[0])]))


@pytest.mark.parametrize(
    ("noun", "article", "plural"),
    [
        ("analyst", "an analyst", "analysts"),
        ("HR analyst", "an HR analyst", "HR analysts"),
        ("UX designer", "a UX designer", "UX designers"),
        ("secretary", "a secretary", "secretaries"),
        ("coach", "a coach", "coaches"),
        ("surgeon (all other)", "a surgeon (all other)", "surgeons (all other)"),
        ("clerk, except legal", "a clerk, except legal", "clerks, except legal"),
    ],
)
def test_english(noun: str, article: str, plural: str) -> None:
    from jobcompare import text

    assert text.with_article(noun) == article
    assert text.plural(noun) == plural


def test_a_lower_bound_that_does_not_clear_every_figure_orders_nothing() -> None:
    from jobcompare.model import Amount, Role, Salary

    def paid(slug: str, amount: Amount) -> Role:
        return Role(slug=slug, title=slug.title(), salary=Salary(average=amount))

    bound, exact = paid("top", Amount(239200, at_least=True)), paid("star", Amount(300000))
    row = compare([bound, exact, paid("clerk", Amount(40000))]).sections[0].row("yearly_salary")
    assert (row.highest, row.lowest) == ((), ())
    two_bounds = compare([bound, paid("other", Amount(239200, at_least=True))])
    assert two_bounds.sections[0].row("yearly_salary").highest == ()


def test_hourly_only_roles_compare_by_the_hour() -> None:
    from jobcompare.model import Amount, Role, Salary

    actor = Role(slug="actor", title="Actor", salary=Salary(hourly=Amount(58.29)))
    clerk = Role(slug="clerk", title="Clerk", salary=Salary(average=Amount(40000),
                                                             hourly=Amount(19.23)))  # fmt: skip
    result = compare([clerk, actor])
    assert result.summary.pay is not None and result.summary.pay.per == "hour"
    assert (
        "An actor earns $58.29 an hour on average, which is higher than the $19.23 hourly rate "
        "of a clerk (a yearly average is not published for every role)." in result.summary.sentences
    )
    assert "That is $39.06 (203.1%) more an hour." in result.summary.sentences
    salary = result.sections[1]
    assert salary.row("hourly_rate").values == (Amount(19.23), Amount(58.29))


# -- issue 13: ties, and the prose of official roles ----------------------------------------


def _tie_dataset(tmp_path: Path, soc: bool) -> Path:
    lines = []
    for number, slug in enumerate(("alpha", "beta")):
        lines += [f"[roles.{slug}]", f'title = "{slug.title()}"']
        if soc:
            lines.append(f'soc = "11-100{number}"')
        lines += [f"[roles.{slug}.salary]", "average = 50000", "hourly = 24.04", ""]
    path = tmp_path / "tie.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("soc", [False, True])
def test_equal_pay_is_said_to_be_equal(tmp_path: Path, soc: bool, schema: dict[str, Any]) -> None:
    path = _tie_dataset(tmp_path, soc)
    result = run(["alpha", "beta", "--json", "--data", str(path)])
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    validate(document, schema)
    pay = document["summary"]["pay"]
    assert (pay["highest"], pay["lowest"], pay["equal"], pay["difference"]) == (
        None, None, True, 0,
    )  # fmt: skip
    text = " ".join(document["summary"]["sentences"])
    assert "the same average salary, $50,000 a year" in text
    assert "higher" not in text and "more than" not in text


def test_official_summary_states_facts_in_plurals() -> None:
    output = flat(
        run(
            ["dentists-general", "physicians-pathologists", "waiters-and-waitresses", "--full"],
            bundled=True,
        ).stdout
    )
    summary = output.split("Overview", 1)[0]
    for filler in ("can be seen in a few details", "Additionally", "a dentist, general",
                   "a physician, pathologists", "a waiter and waitress"):  # fmt: skip
        assert filler not in summary, filler
    # A three-way list of names with commas is separated by semicolons.
    assert (
        "for dentists, general; 11,110 for physicians, pathologists; and 2,270,910 for waiters "
        "and waitresses." in summary
    )
    assert "Physicians, pathologists earn the most" in summary


def test_seed_pair_keeps_the_pages_sentences() -> None:
    sentences = json.loads(run([*SEED, "--json"]).stdout)["summary"]["sentences"]
    assert sentences[0] == (
        "The differences between patient account coordinators and collections coordinators "
        "can be seen in a few details. Each job has different responsibilities and duties."
    )
    assert sentences[2].startswith("Additionally, a collections coordinator has an average")


def test_skill_names_keep_their_case_unless_the_list_is_in_title_case(dataset: Dataset) -> None:
    """The seed page (and O*NET) write every skill in Title Case and the summary lowers
    them; a list that spells some name its own way (SQL) is spelled on purpose: its brand
    names keep their capitals."""
    sentences = compare([dataset.role(SEED[0]), MIXED.role("analyst")]).summary.sentences
    assert "The most important skills for a data analyst are SQL, Patients, and Excel." in (
        sentences
    )
    assert (
        "The top three skills for a patient account coordinator include patients, patient "
        "accounts and credit balances."
    ) in sentences
    assert "Both roles list patients among their skills." in sentences
    # The analyst first: the shared names are spelled, and cased, as its list has them.
    first = compare([MIXED.role("analyst"), dataset.role(SEED[0])]).summary.sentences
    assert "Both roles list Patients among their skills." in first


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Patients", "Patient Accounts", "Credit Balances"], True),
        (["Operation and Control", "Judgment and Decision Making"], True),
        (["First-Line Supervision"], True),
        (["SQL", "Patients"], False),
        (["iOS"], False),
        (["data entry", "Patients"], False),
        (["C++"], False),
    ],
)
def test_title_cased(names: list[str], expected: bool) -> None:
    from jobcompare.text import title_cased

    assert title_cased(names) is expected
