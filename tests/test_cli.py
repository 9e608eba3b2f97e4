"""The command line through CliRunner: exit codes, streams, every section alone, JSON."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from jobcompare import __version__
from jobcompare.cli.options import complete_role
from jobcompare.errors import ExitStatus
from jobcompare.files import bundled_data_dir
from jobcompare.registry.section import Section
from tests.conftest import SEED, SEED_FILE, TESTS, error_box, flat, listed_slugs, run, validate
from tests.drawn import role_lines

MIXED = TESTS / "datasets" / "mixed.toml"


def test_version() -> None:
    result = run(["--version"])
    assert (result.exit_code, result.stdout) == (0, f"jobcompare {__version__}\n")


def test_help_has_examples_and_exit_codes() -> None:
    result = run(["--help"], width=100)
    assert result.exit_code == 0
    assert "jobcompare patient-account-coordinator collections-coordinator" in result.stdout
    assert "Exit codes: 0 ok, 1 data error" in result.stdout
    compare_help = flat(run(["compare", "--help"], width=100).stdout)
    assert "-s salary --json" in compare_help
    assert "JOBCOMPARE_DATA" in compare_help


def test_compare_is_the_default_command() -> None:
    assert run(SEED).stdout == run(["compare", *SEED]).stdout != ""


def test_roles_by_title_in_any_case() -> None:
    by_title = run(["Patient Account Coordinator", "COLLECTIONS COORDINATOR", "--json"])
    assert by_title.exit_code == 0
    assert by_title.stdout == run([*SEED, "--json"]).stdout


def test_unknown_role_is_a_usage_error_with_a_suggestion() -> None:
    result = run(["patient-account-coordinator", "coordinator", "--json"])
    assert result.exit_code == ExitStatus.USAGE_ERROR == 2
    assert result.stdout == ""
    message = flat(result.stderr)
    assert "unknown role 'coordinator'; did you mean one of these, listed below?" in message
    # The roles suggested follow the box, each slug whole on a line of its own.
    assert listed_slugs(result.stderr) == ["collections-coordinator", "patient-account-coordinator"]
    assert "Traceback" not in result.stderr


def test_a_clear_typo_is_read_as_the_title_it_is_closest_to() -> None:
    result = run(["patient-account-coordinator", "colections-coordinator", "--json"])
    assert result.exit_code == 0
    assert result.stderr == (
        "'colections-coordinator' → Collections Coordinator, by closest spelling, "
        "'Collections Coordinator'\n"
    )
    assert result.stdout == run([*SEED, "--json"]).stdout


def test_every_unresolved_argument_is_reported_at_once() -> None:
    result = run(["zzyzx", "coordinator", "qqqq"], width=200)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = error_box(result.stderr)
    assert lines[0] == "Invalid value for 'ROLE...': unknown role 'zzyzx'"
    assert lines[1].startswith("unknown role 'coordinator'; did you mean")
    assert lines[2] == "unknown role 'qqqq'"
    assert len(lines) == 3


def test_unknown_section_lists_the_valid_ones() -> None:
    result = run([*SEED, "--section", "salry"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        "'salry' is not one of 'overview', 'salary', 'education', 'demographics', 'duties', "
        "'skills'." in flat(result.stderr)
    )


@pytest.mark.parametrize("roles", [SEED[:1], [*SEED, "a", "b", "c"]])
def test_two_to_four_roles(roles: list[str]) -> None:
    result = run(roles)
    assert result.exit_code == 2
    assert "compare 2 to 4 roles at a time" in flat(result.stderr)


def test_same_role_twice() -> None:
    result = run([SEED[0], "Patient Account Coordinator"])
    assert result.exit_code == 2
    assert "given more than once" in flat(result.stderr)


HEADINGS = {s: s.heading for s in Section}


@pytest.mark.parametrize("section", list(Section), ids=[s.value for s in Section])
def test_each_section_alone_in_tables(section: Section) -> None:
    result = run([*SEED, "-s", section.value])
    assert result.exit_code == 0
    shown = [h for s, h in HEADINGS.items() if f"\n{h} ─" in result.stdout]
    assert shown == [section.heading]
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("section", list(Section), ids=[s.value for s in Section])
def test_each_section_alone_in_json(section: Section, schema: dict[str, Any]) -> None:
    result = run([*SEED, "--section", section.value, "--json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    validate(document, schema)
    assert document["sections"] == [section.value]
    for role in document["roles"]:
        assert set(role) == {"slug", "title", "soc", "category", "source", "unpublished",
                             "onet_occupations", "sources", "notes", section.value}  # fmt: skip
    assert set(document["differences"]) == {section.value}


def test_sections_repeatable_and_case_insensitive(schema: dict[str, Any]) -> None:
    result = run([*SEED, "-s", "SKILLS", "-s", "salary", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sections"] == ["salary", "skills"]


def test_full_json_matches_schema(schema: dict[str, Any]) -> None:
    document = json.loads(run([*SEED, "--json"]).stdout)
    validate(document, schema)
    assert document["sections"] == [s.value for s in Section]
    assert document["summary"]["pay"] == {
        "highest": "collections-coordinator",
        "lowest": "patient-account-coordinator",
        "equal": False,
        "difference": 2243,
        "difference_percent": 6.2838,
        "per": "year",
        # The seed page gives averages only: the summary compares averages.
        "measure": "average",
    }
    assert document["differences"]["overview"]["number_of_jobs"] == {
        "value": -108145, "unit": "count", "percent": -72.9438,
    }  # fmt: skip
    assert document["differences"]["demographics"]["gender_ratio"]["male"] == {
        "value": 14.6, "unit": "points", "percent": None,
    }  # fmt: skip


def test_json_with_lower_bounds_and_four_roles(schema: dict[str, Any]) -> None:
    result = run(["surgeon", "analyst", "tricky", "empty-role", "--json", "--data", str(MIXED)])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    validate(document, schema)
    surgeon = document["roles"][0]
    assert surgeon["overview"]["yearly_salary"] == {"at_least": 239200}
    assert surgeon["salary"]["percentiles"]["p25"] == 187000
    assert surgeon["salary"]["percentiles"]["p90"] == {"at_least": 239200}
    # Keyed as the figures it explains are in this document.
    assert surgeon["unpublished"] == {
        "overview.hourly_rate": "Estimate not released.",
        "salary.hourly_rate": "Estimate not released.",
    }
    assert surgeon["overview"]["hourly_rate"] is None
    assert document["differences"] is None
    assert document["summary"]["pay"] is None
    assert "\x1b" not in result.stdout  # control characters leave as \u001b escapes
    assert document["roles"][2]["overview"]["description"].startswith("Line one \x1b[31mred")


def test_data_option_and_environment_variable() -> None:
    by_option = run(["surgeon", "analyst", "--data", str(MIXED)])
    by_env = run(["surgeon", "analyst"], env={"JOBCOMPARE_DATA": str(MIXED)})
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_option.stdout == by_env.stdout
    assert "Surgeons, All Other" in by_option.stdout
    assert run(list(SEED), env={"JOBCOMPARE_DATA": str(MIXED)}).exit_code == 2


def test_list(schema: dict[str, Any]) -> None:
    result = run(["list"])
    assert result.exit_code == 0
    assert "patient-account-coordinator" in result.stdout
    assert "Collections Coordinator" in result.stdout
    listed = json.loads(run(["list", "--json"]).stdout)
    validate(listed, schema, "role_list")
    assert listed == [
        {"slug": "patient-account-coordinator", "title": "Patient Account Coordinator",
         "category": "Office and administrative", "soc": None},
        {"slug": "collections-coordinator", "title": "Collections Coordinator",
         "category": "Office and administrative", "soc": None},
    ]  # fmt: skip


def test_list_search() -> None:
    found = json.loads(run(["list", "--search", "COLLECT", "--json"]).stdout)
    assert [r["slug"] for r in found] == ["collections-coordinator"]
    by_soc = json.loads(run(["list", "-q", "29-12", "--json", "--data", str(MIXED)]).stdout)
    assert [r["slug"] for r in by_soc] == ["surgeon"]
    nothing = run(["list", "--search", "astronaut"])
    # A message, not a result: stdout stays empty for a script.
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    assert nothing.stderr == "No role matches 'astronaut'.\n"


def test_show(schema: dict[str, Any]) -> None:
    result = run(["show", "Collections Coordinator"])
    assert result.exit_code == 0
    assert "University of California, Berkeley" in result.stdout
    assert "Difference" not in result.stdout
    document = json.loads(run(["show", "collections-coordinator", "--json"]).stdout)
    validate(document, schema, "role")
    assert document["salary"]["average_salary"] == 37938
    assert document["skills"]["skills"][0] == {
        "name": "Customer Service", "share": 15, "shared": False,
    }  # fmt: skip
    assert run(["show", "astronaut"]).exit_code == 2


def test_validate_bundled_dataset() -> None:
    result = run(["validate"], bundled=True)
    assert result.exit_code == 0
    # validate checks hand-written TOML; the official roles come from the store, which
    # the import checks as it writes it.
    files = f"{bundled_data_dir() / 'roles.toml'}"
    assert result.stdout == f"OK: 2 role(s) in {files}, 0 warning(s)\n"
    assert result.stderr == ""


def test_validate_reports_warnings_but_passes(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[roles.a]\ntitle = "A"\n[roles.a.salary]\naverage = 41600\nhourly = 30\n',
                    encoding="utf-8")  # fmt: skip
    result = run(["validate", str(path)])
    assert result.exit_code == 0
    assert "salary.hourly: warning: $30.00 an hour" in result.stderr
    # The verdict, wrapped to the terminal like every page (the path kept whole).
    assert " ".join(result.stdout.split()) == f"OK: 1 role(s) in {path}, 1 warning(s)"
    assert any(str(path) in line for line in result.stdout.splitlines())


def test_validate_reports_every_error() -> None:
    result = run(["validate", str(TESTS / "bad_datasets" / "several_problems.toml")])
    assert result.exit_code == 1
    assert result.stderr.count("several_problems.toml:") == 3
    assert "3 error(s), 0 warning(s): the dataset cannot be used" in result.stderr


def test_completion_of_role_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBCOMPARE_ONLY_DATA", "1")
    seed = SimpleNamespace(params={"data": SEED_FILE})
    assert complete_role(seed, "coll") == ["collections-coordinator"]
    assert complete_role(seed, "") == list(SEED)
    assert complete_role(seed, "zzz") == []
    everything = complete_role(None, "bill")
    assert "bill-and-account-collectors" in everything


def test_python_dash_m_runs_outside_the_checkout(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jobcompare", *SEED, "-s", "salary", "--json"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["roles"][1]["salary"]["average_salary"] == 37938


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("jobcompare coll", "collections-coordinator"),
        ("jobcompare patient-account-coordinator coll", "collections-coordinator"),
        ("jobcompare show pat", "patient-account-coordinator"),
        ("jobcompare li", "list"),
    ],
)
def test_shell_completion(words: str, expected: str) -> None:
    from typer.testing import CliRunner

    from jobcompare.cli.app import app

    env = {
        "_JOBCOMPARE_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
        "JOBCOMPARE_DATA": str(SEED_FILE),
        "JOBCOMPARE_ONLY_DATA": "1",
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="jobcompare")
    assert result.stdout.split() == [expected]


def test_options_may_come_before_the_subcommand() -> None:
    listed = run(["--data", str(MIXED), "list", "--json"])
    assert listed.exit_code == 0
    assert json.loads(listed.stdout)[0]["slug"] == "surgeon"
    shown = run(["--data", str(MIXED), "--json", "show", "analyst"])
    assert json.loads(shown.stdout)["title"] == "Data Analyst"
    compared = run(["-s", "salary", "--json", *SEED])
    assert json.loads(compared.stdout)["sections"] == ["salary"]


def test_no_arguments_shows_help_and_succeeds() -> None:
    result = run([])
    assert result.exit_code == 0
    assert "Usage: jobcompare" in result.stdout


def test_role_count_is_checked_before_the_dataset_is_read() -> None:
    result = run(["only-one", "--data", str(TESTS / "bad_datasets" / "empty.toml")])
    assert result.exit_code == 2


def test_ambiguous_title_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "twins.toml"
    path.write_text(
        '[roles.analyst-a]\ntitle = "Analyst"\n[roles.analyst-b]\ntitle = "analyst"\n'
        '[roles.clerk]\ntitle = "Clerk"\n',
        encoding="utf-8",
    )
    result = run(["Analyst", "clerk", "--data", str(path)])
    assert result.exit_code == 2
    assert "'Analyst' matches several roles: 'analyst-a', 'analyst-b'. Use a slug." in flat(
        result.stderr
    )
    assert run(["analyst-a", "clerk", "--data", str(path)]).exit_code == 0
    checked = run(["validate", str(path)])
    assert "role 'analyst-b': warning: same title as 'analyst-a'" in checked.stderr


def test_a_failed_write_is_an_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    from jobcompare.cli import app as cli

    class Full:
        encoding = "utf-8"

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "argv", ["jobcompare", *SEED, "--json"])
    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    assert "cannot write the output: No space left on device" in capsys.readouterr().err


def test_list_as_aligned_columns_on_a_terminal_when_they_fit() -> None:
    from jobcompare.sources.catalogue import open_catalogue

    assert list(role_lines(open_catalogue(SEED_FILE).listing, 100)) == [
        "Slug                         Title                        Category",
        "─" * 83,
        "patient-account-coordinator  Patient Account Coordinator  Office and administrative",
        "collections-coordinator      Collections Coordinator      Office and administrative",
    ]


def test_the_readme_transcript_is_real() -> None:
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- transcript -->\n```console\n", 1)[1].split(
        "```\n<!-- /transcript", 1
    )[0]
    command, expected = block.split("\n", 1)
    args = command.removeprefix("$ jobcompare ").split()
    assert run(args, width=80, bundled=True).stdout == expected


# -- issue 13: what a new user tripped over ------------------------------------------------


@pytest.mark.parametrize("width", [40, 80, 200])
def test_piped_list_is_one_record_a_line_in_one_layout(width: int) -> None:
    result = run(["list"], width=width, bundled=True)
    lines = result.stdout.splitlines()
    assert len(lines) == 833  # every bundled role, and nothing else
    assert all(line.count("\t") == 3 for line in lines)
    assert "bill-and-account-collectors\t43-3011\tBill and Account Collectors\t" in (result.stdout)
    assert "patient-account-coordinator\t\tPatient Account Coordinator\t" in result.stdout


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (["lst"], "did you mean 'list'?"),
        (["shw", "registered-nurses"], "did you mean 'show'?"),
        (["valdate", "x.toml"], "did you mean 'validate'?"),
        (["help", "lsit"], "Did you mean 'list'?"),
    ],
)
def test_a_mistyped_command_is_not_read_as_a_role(args: list[str], suggested: str) -> None:
    result = run(args, bundled=True)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = flat(result.stderr)
    assert suggested in message
    assert "unknown role" not in message and "roles at a time" not in message


def test_help_command() -> None:
    assert run(["help"]).stdout == run(["--help"]).stdout != ""
    compare_help = run(["help", "compare"])
    assert compare_help.exit_code == 0
    assert compare_help.stdout == run(["compare", "--help"]).stdout


def test_unknown_top_level_option_is_not_answered_as_compare() -> None:
    result = run(["--bogus"])
    assert result.exit_code == 2
    assert "No such option: --bogus" in flat(result.stderr)
    assert "jobcompare compare" not in result.stderr
    assert "Usage: jobcompare ROLE ROLE [ROLE [ROLE]] [OPTIONS]" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["compare"],
        ["list"],
        ["show"],
        ["validate"],
        ["import"],
        ["import", "all"],
        ["table"],
        ["search"],
        ["where"],
        ["areas"],
        ["moves"],
        ["sources"],
    ],
)
def test_help_reads_cleanly_and_says_where_to_read_more(args: list[str]) -> None:
    text = run([*args, "--help"], width=80).stdout
    for unclean in ("{", "<bool>", "<str>", "<path>", "<integer>", "js on", "jobcompare compare"):
        assert unclean not in text, (args, unclean)
    assert "README" in text and "docs/" in text
    if args in ([], ["compare"]):
        assert "Usage: jobcompare ROLE ROLE [ROLE [ROLE]] [OPTIONS]" in text


def test_short_version_option() -> None:
    assert run(["-V"]).stdout == run(["--version"]).stdout == f"jobcompare {__version__}\n"


@pytest.mark.parametrize("where", ["first", "last"])
def test_no_color_option(where: str) -> None:
    colour = re.compile(r"\x1b\[[0-9;]*3[0-9][;m]")  # a foreground colour (bold is no colour)
    args = [*SEED, "-s", "salary"]
    plain = run(
        ["--no-color", *args] if where == "first" else [*args, "--no-color"],
        env={"FORCE_COLOR": "1"},
    )
    assert plain.exit_code == 0
    assert not colour.search(plain.stdout)
    assert colour.search(run(args, env={"FORCE_COLOR": "1"}).stdout)
    assert plain.stdout == run(args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


def test_sections_as_a_comma_list() -> None:
    by_commas = run([*SEED, "-s", "salary,Skills", "--json"])
    assert by_commas.exit_code == 0
    assert by_commas.stdout == run([*SEED, "-s", "salary", "-s", "skills", "--json"]).stdout
    assert json.loads(by_commas.stdout)["sections"] == ["salary", "skills"]
    bad = run([*SEED, "-s", "salary,salry"])
    assert bad.exit_code == 2 and bad.stdout == ""
    assert "'salry' is not one of 'overview'" in flat(bad.stderr)


@pytest.mark.parametrize("args", [["--show-completion", "zsh"], ["--show-completion=zsh"]])
def test_show_completion_for_a_named_shell(args: list[str]) -> None:
    result = run(args)
    assert result.exit_code == 0
    assert result.stdout.startswith("#compdef jobcompare")
    fish = run(["--show-completion=fish"])
    assert "complete --command jobcompare" in fish.stdout
    unknown = run(["--show-completion", "tcsh"])
    assert unknown.exit_code == 2 and "tcsh" in flat(unknown.stderr)


def test_every_bad_role_is_reported_at_once() -> None:
    result = run(["zzz-nothing", "patient-account-coordinator", "qqq-other"])
    assert result.exit_code == 2
    assert result.stdout == ""
    message = flat(result.stderr)
    assert "unknown role 'zzz-nothing'" in message
    assert "unknown role 'qqq-other'" in message


def test_import_reports_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "store.sqlite"
    result = run(["import", "all", str(TESTS / "fixtures"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # progress and messages never go to stdout
    assert out.exists()


def test_show_completion_help_names_the_shells() -> None:
    text = flat(run(["--help"], width=100).stdout)
    assert "or for SHELL given after it (bash, zsh, fish, powershell, pwsh)" in text


def test_global_flags_do_not_outlive_their_command(monkeypatch: pytest.MonkeyPatch) -> None:
    # --only-data and --no-color act through the environment for the run they are given
    # to; the next command in the same process must not inherit them.
    import os

    from typer.testing import CliRunner

    from jobcompare.cli.app import app
    from jobcompare.sources.roles import ONLY_DATA

    monkeypatch.delenv(ONLY_DATA, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(app, ["--only-data", "--no-color", "list", "--json"])
    assert result.exit_code == 0
    assert ONLY_DATA not in os.environ
    assert "NO_COLOR" not in os.environ


def test_a_store_error_outside_the_stores_own_mapping_is_a_data_error() -> None:
    # Title resolution and search query the store's connection directly; a damaged store
    # must still end as a data error with a message, never a traceback.
    import sqlite3

    from jobcompare.errors import ExitStatus, failure

    found = failure(sqlite3.OperationalError("no such table: title_key"))
    assert found is not None
    assert found.status is ExitStatus.DATA_ERROR
    assert found.messages == (
        "jobcompare: error: cannot read the official-data store: no such table: title_key",
    )


def test_option_choices_are_the_engines_own() -> None:
    """The Typer enums are spelled out for --help; they must name exactly what the engine
    and the importers accept, so a new ranking, sort or source cannot be left off."""
    from jobcompare.cli.comparing import SortBy
    from jobcompare.cli.data import ImportSource
    from jobcompare.cli.places import RankBy
    from jobcompare.engine.moves import SORT_KEYS
    from jobcompare.engine.where import BY
    from jobcompare.importers.sources import SOURCES

    assert [m.value for m in RankBy] == list(BY)
    assert [m.value for m in SortBy] == list(SORT_KEYS)
    assert [m.value for m in ImportSource] == ["all", *SOURCES]
