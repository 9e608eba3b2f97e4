from __future__ import annotations

from pathlib import Path

import pytest

from jobcompare.engine.resolve import resolve, resolve_roles_of
from jobcompare.errors import DatasetError, UnknownRoleError
from jobcompare.files import bundled_data_dir
from jobcompare.model import Amount, Degree, Percentiles, Role, SalaryRange, Skill, TimeToBecome
from jobcompare.sources.catalogue import open_catalogue
from jobcompare.sources.dataset import Dataset, check_dataset, load_dataset
from tests.conftest import SEED_FILE, TESTS

MIXED = TESTS / "datasets" / "mixed.toml"


def test_bundled_dataset_holds_the_seed_roles_exactly(dataset: Dataset) -> None:
    role = dataset.role("collections-coordinator")
    assert role.title == "Collections Coordinator"
    assert role.category == "Office and administrative"
    assert role.time_to_become == TimeToBecome(6, 12)
    assert role.salary.average == Amount(37938)
    assert role.salary.hourly == Amount(18.24)
    assert role.salary.range == SalaryRange(Amount(30000), Amount(47000))
    assert role.overview.growth_rate == -8
    assert role.overview.jobs == 40113
    assert role.overview.job_satisfaction is None
    assert role.education.degree == Degree("Bachelor's Degree", 48)
    assert role.education.college is None
    assert role.demographics.gender == {"male": 26.6, "female": 73.4}
    assert role.skills[0] == Skill("Customer Service", 15)
    assert len(role.duties) == 6
    assert dataset.warnings == ()


def test_shares_keep_the_source_precision(dataset: Dataset) -> None:
    gender = dataset.role("patient-account-coordinator").demographics.gender
    assert gender is not None
    assert isinstance(gender["male"], float)  # written 12.0: shown as 12.0%, not 12%
    assert isinstance(dataset.role("patient-account-coordinator").demographics.lgbt, int)


def test_bundled_data_dir_is_found() -> None:
    assert (bundled_data_dir() / "roles.toml").is_file()
    assert (bundled_data_dir() / "jobcompare.sqlite").is_file()


def find(path: Path, query: str) -> Role:
    """The role ``query`` names in the dataset at ``path``, by the real resolver."""
    (role,), _ = resolve_roles_of([query], open_catalogue(path))
    return role


@pytest.mark.parametrize(
    "query",
    ["collections-coordinator", "Collections Coordinator", "COLLECTIONS COORDINATOR",
     "  collections coordinator "],
)  # fmt: skip
def test_find_by_slug_or_title_in_any_case(query: str) -> None:
    assert find(SEED_FILE, query).slug == "collections-coordinator"


def test_find_by_soc_code() -> None:
    assert find(MIXED, "29-1248").slug == "surgeon"
    assert find(MIXED, "291248").slug == "surgeon"


def test_a_close_spelling_is_read_as_the_role_it_spells_and_said() -> None:
    catalogue = open_catalogue(SEED_FILE)
    resolved = resolve(["colections cordinator"], catalogue)
    assert resolved.slugs == ("collections-coordinator",)
    assert resolved.notes == (
        "'colections cordinator' → Collections Coordinator, by closest spelling, "
        "'Collections Coordinator'",
    )


def test_unknown_role_without_anything_close() -> None:
    with pytest.raises(UnknownRoleError) as caught:
        find(SEED_FILE, "zzyzx")
    assert caught.value.suggestions == ()
    assert str(caught.value) == "unknown role 'zzyzx'"


def test_lower_bounds_percentiles_and_unpublished_reasons() -> None:
    surgeon = load_dataset(MIXED).role("surgeon")
    assert surgeon.salary.average == Amount(239200, at_least=True)
    assert surgeon.salary.range == SalaryRange(Amount(97700), Amount(239200, at_least=True))
    assert surgeon.salary.percentiles == Percentiles(
        p10=Amount(97700),
        p25=Amount(187000),
        p50=Amount(239200, at_least=True),
        p75=Amount(239200, at_least=True),
        p90=Amount(239200, at_least=True),
    )
    assert surgeon.salary.hourly is None
    assert surgeon.unpublished == {"salary.hourly": "Estimate not released."}


def test_missing_sections_load_as_empty() -> None:
    role = load_dataset(MIXED).role("empty-role")
    assert role.salary.average is None
    assert role.demographics.gender is None
    assert role.skills == ()


def test_folder_of_files_is_one_dataset(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[roles.a]\ntitle = "A"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[roles.b]\ntitle = "B"\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a dataset", encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert [r.slug for r in dataset.roles] == ["a", "b"]
    assert dataset.files == (tmp_path / "a.toml", tmp_path / "b.toml")


def test_softer_inconsistencies_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text(
        "[roles.a]\n"
        'title = "A"\n'
        'skills = [{ name = "SQL" }, { name = "sql" }]\n'
        "[roles.a.salary]\n"
        "average = 41600\n"
        "hourly = 20.02\n"
        "[roles.a.demographics]\n"
        "gender = { male = 50, female = 40 }\n",
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    assert [str(w) for w in dataset.warnings] == [
        f"{path}:3: role 'a': skills: warning: skill 'sql' is listed twice",
        f"{path}:6: role 'a': salary.hourly: warning: $20.02 an hour is not the yearly "
        "$41,600 / 2,080 hours ($20.00) to the cent",
        f"{path}:8: role 'a': demographics.gender: warning: shares add up to 90%, not 100%",
    ]


def test_hourly_within_a_cent_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(
        '[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = 35695\nhourly = 17.16\n',
        encoding="utf-8",
    )
    assert load_dataset(path).warnings == ()


def test_check_dataset_reports_errors_and_warnings_together(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = 41600\nhourly = 30\n',
        encoding="utf-8",
    )
    (tmp_path / "b.toml").write_text('[roles.b]\ntitel = "B"\n', encoding="utf-8")
    dataset, problems = check_dataset(tmp_path)
    assert dataset is None
    assert [(p.severity, p.field) for p in problems] == [
        ("warning", "salary.hourly"),
        ("error", "title"),  # missing: reported at the role's header, line 1
        ("error", "titel"),  # line 2
    ]


def test_value_and_unpublished_reason_together_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "both.toml"
    path.write_text(
        '[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = 1\n'
        '[roles.a.unpublished]\n"salary.average" = "Estimate not released."\n',
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match="has a value and a reason it is unpublished"):
        load_dataset(path)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
def test_non_finite_numbers_are_errors(tmp_path: Path, value: str) -> None:
    path = tmp_path / "inf.toml"
    path.write_text(f'[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = {value}\n',
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(DatasetError, match=r"salary.average: expected a finite number"):
        load_dataset(path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbf[roles.a]\ntitle = "A"\n')
    assert load_dataset(path).role("a").title == "A"


def test_partial_shares_over_100_are_flagged(tmp_path: Path) -> None:
    path = tmp_path / "race.toml"
    path.write_text('[roles.a]\ntitle = "A"\n[roles.a.demographics]\n'
                    "race = { white = 80, asian = 40 }\n", encoding="utf-8")  # fmt: skip
    [warning] = load_dataset(path).warnings
    assert warning.message == "shares add up to 120%, not 100%"


def test_zero_pay_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "zero.toml"
    path.write_text('[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = 0\n', encoding="utf-8")
    [warning] = load_dataset(path).warnings
    assert warning.message == "is 0: leave the key out if the figure is unknown"


def test_any_figure_may_be_unpublished(tmp_path: Path) -> None:
    path = tmp_path / "u.toml"
    path.write_text('[roles.a]\ntitle = "A"\n[roles.a.unpublished]\n'
                    '"education.college" = "Not surveyed."\n', encoding="utf-8")  # fmt: skip
    assert load_dataset(path).role("a").unpublished == {"education.college": "Not surveyed."}


def test_a_role_the_dataset_lacks_is_a_key_error() -> None:
    dataset = load_dataset(SEED_FILE)
    with pytest.raises(KeyError, match="no-such-role"):
        dataset.role("no-such-role")
