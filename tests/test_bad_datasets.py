"""Each file in bad_datasets/ is a broken dataset whose leading ``# error:`` comments give
the messages it must produce (all of them: validation reports every problem)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobcompare import files
from jobcompare.errors import DatasetError, Problem
from jobcompare.sources.dataset import load_dataset
from tests.conftest import SEED, TESTS, run

CASES = sorted((TESTS / "bad_datasets").glob("*.toml"))


def expected_errors(path: Path) -> list[str]:
    return [
        line.removeprefix("# error: ")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("# error: ")
    ]


def test_there_are_cases() -> None:
    assert len(CASES) >= 15
    assert all(expected_errors(case) for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_loader_reports_every_expected_error(case: Path) -> None:
    with pytest.raises(DatasetError) as caught:
        load_dataset(case)
    messages = [str(p) for p in caught.value.problems]
    for expected in expected_errors(case):
        assert any(message.endswith(expected) for message in messages), (expected, messages)
    assert len(messages) == len(expected_errors(case)), messages


def slugs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return list(dict.fromkeys(re.findall(r"^\[roles\.([A-Za-z0-9_-]+)\]", text, re.M)))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_cli_exits_1_with_the_errors_on_stderr_and_nothing_on_stdout(case: Path) -> None:
    # validate reads everything; showing or comparing a role checks that role.
    runs = [["validate", str(case)]]
    runs += [[command, slug, *json] for slug in slugs(case) for command in ("show",)
             for json in ([], ["--json"])]  # fmt: skip
    runs += [[slug, SEED[0]] for slug in slugs(case)]
    if not slugs(case):
        runs += [[*SEED], ["list"]]
    stderr = ""
    for args in runs:
        result = run([*args, "--data", str(case)])
        assert result.exit_code == 1, (args, result.stderr)
        assert result.stdout == "", args
        assert "Traceback" not in result.stderr
        stderr += result.stderr
    for expected in expected_errors(case):
        assert expected in stderr


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[roles.cafe]\ntitle = "Caf\xe9"\n')
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert str(caught.value) == f"{path}:2: not valid UTF-8 (byte 26)"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text('[roles.a]\ntitle = "A"\n', encoding="utf-8")

    def refuse(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    # Every dataset file is opened once, by files.read_dataset_file.
    monkeypatch.setattr(files.os, "open", refuse)
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert str(caught.value) == f"{path}: cannot read file: Permission denied"


def test_missing_path(tmp_path: Path) -> None:
    result = run([*SEED, "--data", str(tmp_path / "nope.toml")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.toml'}: no such file or folder" in result.stderr
    assert result.stdout == ""


def test_folder_without_toml(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="folder holds no"):
        load_dataset(tmp_path)


def test_duplicate_slug_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[roles.analyst]\ntitle = "Analyst"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('\n[roles.analyst]\ntitle = "Other"\n', encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path)
    assert caught.value.problems == (
        Problem(
            tmp_path / "b.toml",
            f"duplicate slug: already defined in {tmp_path / 'a.toml'}",
            line=2,
            role="analyst",
        ),
    )


def test_control_characters_in_errors_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "evil.toml"
    path.write_text('[roles.a]\ntitle = "A"\n"\\u001b[2Jx" = 1\n', encoding="utf-8")
    result = run(["show", "a", "--data", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "unknown key" in result.stderr
