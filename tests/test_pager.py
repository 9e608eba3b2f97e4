"""Long output on a terminal goes through a pager (output/pager.py), as git's does: only
on a terminal, only the terminal's page, only when it does not fit; JOBCOMPARE_PAGER, else
PAGER, else less -FRX; --no-pager; a pager that cannot start, or quits early, or Ctrl-C,
end without a traceback.

No real terminal is needed: the in-process tests tell the pager that standard output is
one (``terminal``), and the pager is a small Python script that keeps what it is given."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from jobcompare.output import pager
from tests.conftest import SEED, run

#: Copies its standard input to the file it is given, bytes as they come.
FAKE_PAGER = "import shutil, sys\nshutil.copyfileobj(sys.stdin.buffer, open(sys.argv[1], 'wb'))\n"

#: The variables that choose the pager, cleared for every test: the user's own must not
#: decide what a test sees.
_CHOOSING = {"JOBCOMPARE_PAGER": None, "PAGER": None}


@pytest.fixture(autouse=True)
def _no_users_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _CHOOSING:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output is a terminal, as far as the pager can tell."""
    monkeypatch.setattr(pager, "_on_terminal", lambda: True)


def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """(a pager's command line, the file where what it was given lands)."""
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER, encoding="utf-8")
    kept = tmp_path / "paged.txt"
    line = " ".join(shlex.quote(str(p)) for p in (sys.executable, script, kept))
    return line, kept


def _env(**chosen: str | None) -> dict[str, str | None]:
    return {**_CHOOSING, "LINES": "40", **chosen}


def test_a_long_page_on_a_terminal_goes_through_the_pager(terminal: None, tmp_path: Path) -> None:
    line, kept = fake_pager(tmp_path)
    plain = run(list(SEED), env=_env(JOBCOMPARE_PAGER=""))
    assert len(plain.stdout.splitlines()) > 40  # longer than the screen
    paged = run(list(SEED), env=_env(JOBCOMPARE_PAGER=line))
    assert paged.exit_code == 0
    assert paged.stdout == ""  # all of it went to the pager ...
    assert kept.read_text(encoding="utf-8") == plain.stdout  # ... exactly as printed
    assert paged.stderr == plain.stderr


def test_never_into_a_pipe(tmp_path: Path) -> None:
    line, kept = fake_pager(tmp_path)
    piped = run(list(SEED), env=_env(JOBCOMPARE_PAGER=line))
    assert piped.exit_code == 0 and len(piped.stdout.splitlines()) > 40
    assert not kept.exists()


@pytest.mark.parametrize("args", [["--json"], ["-f", "csv"], ["-f", "markdown"]], ids=str)
def test_never_data_or_documents_for_other_programs(
    terminal: None, tmp_path: Path, args: list[str]
) -> None:
    line, kept = fake_pager(tmp_path)
    result = run([*SEED, *args], env=_env(JOBCOMPARE_PAGER=line))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 40
    assert not kept.exists()


@pytest.mark.parametrize("where", ["first", "last", "before-a-command"])
def test_no_pager_option_anywhere(terminal: None, tmp_path: Path, where: str) -> None:
    line, kept = fake_pager(tmp_path)
    args = {
        "first": ["--no-pager", *SEED],
        "last": [*SEED, "--no-pager"],
        "before-a-command": ["--no-pager", "compare", *SEED],
    }[where]
    result = run(args, env=_env(JOBCOMPARE_PAGER=line))
    assert result.exit_code == 0
    assert result.stdout == run(list(SEED), env=_env(JOBCOMPARE_PAGER="")).stdout
    assert not kept.exists()
    assert os.environ.get("JOBCOMPARE_PAGER") is None  # the flag does not outlive its run


def test_a_page_that_fits_the_screen_is_printed(terminal: None, tmp_path: Path) -> None:
    line, kept = fake_pager(tmp_path)
    result = run(list(SEED), env=_env(JOBCOMPARE_PAGER=line, LINES="2000"))
    assert result.exit_code == 0 and result.stdout.startswith("Patient Account Coordinator vs")
    short = run(["list"], env=_env(JOBCOMPARE_PAGER=line))  # the two seed roles
    assert short.exit_code == 0 and "patient-account-coordinator" in short.stdout
    assert not kept.exists()


def test_fits_means_the_page_and_the_prompt_after_it(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line, kept = fake_pager(tmp_path)
    monkeypatch.setenv("JOBCOMPARE_PAGER", line)
    monkeypatch.setenv("COLUMNS", "80")
    text = "".join(f"line {n}\n" for n in range(10))
    monkeypatch.setenv("LINES", "11")
    assert pager.page(text) is False and not kept.exists()
    monkeypatch.setenv("LINES", "10")  # ten lines and the prompt: one too many
    assert pager.page(text) is True
    assert kept.read_text(encoding="utf-8") == text


def test_a_line_wider_than_the_terminal_takes_its_rows() -> None:
    assert pager._rows("x" * 80 + "\n", 80) == 1
    assert pager._rows("x" * 161 + "\n" + "\n", 80) == 4  # three rows, then an empty one
    assert pager._rows("\x1b[1;32m" + "x" * 80 + "\x1b[0m\n", 80) == 1  # colour takes none


@pytest.mark.parametrize(
    ("jobcompare_pager", "pager_variable", "chosen"),
    [
        ("most", "more", "most"),  # ours first
        (None, "more -s", "more -s"),  # then $PAGER
        (None, None, "less -FRX"),  # then less
        ("", "more", None),  # set but empty: no pager, $PAGER is not read
        ("cat", "more", None),
        (None, "", None),
        (None, " cat ", None),
    ],
)
def test_which_pager(
    monkeypatch: pytest.MonkeyPatch,
    jobcompare_pager: str | None,
    pager_variable: str | None,
    chosen: str | None,
) -> None:
    for name, value in (("JOBCOMPARE_PAGER", jobcompare_pager), ("PAGER", pager_variable)):
        if value is not None:
            monkeypatch.setenv(name, value)
    assert pager.command() == chosen


def test_pager_variable_is_used_without_ours(terminal: None, tmp_path: Path) -> None:
    line, kept = fake_pager(tmp_path)
    result = run(list(SEED), env=_env(PAGER=line))
    assert result.stdout == ""
    assert kept.read_text(encoding="utf-8").startswith("Patient Account Coordinator vs")


def test_the_default_is_less_as_git_runs_it(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A "less" of our own on the PATH records how it was run and what LESS was.
    seen = tmp_path / "seen.txt"
    less = tmp_path / "less"
    less.write_text(
        f"#!{sys.executable}\nimport os, sys\nsys.stdin.read()\n"
        f"open({str(seen)!r}, 'w').write(repr((sys.argv[1:], os.environ.get('LESS'))))\n",
        encoding="utf-8",
    )
    less.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("LESS", "i")
    monkeypatch.setenv("LINES", "5")
    assert pager.page("a\nb\nc\nd\ne\nf\n") is True
    assert seen.read_text(encoding="utf-8") == repr((["-FRX"], "i"))  # LESS as it was
    # Unset, LESS is FRX, as git sets it: PAGER=less then shows colours, not escapes.
    monkeypatch.delenv("LESS")
    monkeypatch.setenv("PAGER", "less")
    assert pager.page("a\nb\nc\nd\ne\nf\n") is True
    assert seen.read_text(encoding="utf-8") == repr(([], "FRX"))


def test_a_named_pager_that_cannot_start_says_so_and_prints(terminal: None) -> None:
    result = run(list(SEED), env=_env(JOBCOMPARE_PAGER="/no/such/pager --flag"))
    assert result.exit_code == 0
    assert result.stdout == run(list(SEED), env=_env(JOBCOMPARE_PAGER="")).stdout
    assert "jobcompare: cannot start the pager '/no/such/pager --flag'" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_less_is_no_news(
    terminal: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there: no less
    monkeypatch.setenv("LINES", "2")
    assert pager.page("a\nb\nc\n") is False
    assert capsys.readouterr().err == ""


def test_a_pager_line_that_is_not_words_falls_back(
    terminal: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JOBCOMPARE_PAGER", "less 'unbalanced")
    monkeypatch.setenv("LINES", "2")
    assert pager.page("a\nb\nc\n") is False
    assert "cannot start the pager" in capsys.readouterr().err


def test_what_the_shell_cannot_find_is_printed_after_all(
    terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The program is there (sh), but what it runs is not: the shell's 127.
    monkeypatch.setenv("JOBCOMPARE_PAGER", "sh -c 'exit 127'")
    monkeypatch.setenv("LINES", "2")
    assert pager.page("a\nb\nc\n") is False


def test_settings_before_the_program_are_the_shells(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line, kept = fake_pager(tmp_path)
    monkeypatch.setenv("JOBCOMPARE_PAGER", f"LESS=R {line}")
    monkeypatch.setenv("LINES", "2")
    assert pager.page("a\nb\nc\n") is True
    assert kept.read_text(encoding="utf-8") == "a\nb\nc\n"


def test_a_pager_quit_before_the_end_is_no_error(
    terminal: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # It reads one line and goes (q in less): the rest meets a closed pipe.
    quits = f"{shlex.quote(sys.executable)} -c 'import sys; sys.stdin.readline()'"
    monkeypatch.setenv("JOBCOMPARE_PAGER", quits)
    monkeypatch.setenv("LINES", "24")
    assert pager.page("a long line of a long page\n" * 200_000) is True
    assert capsys.readouterr().err == ""


def test_ctrl_c_while_the_pager_runs_is_the_pagers(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line, kept = fake_pager(tmp_path)
    monkeypatch.setenv("JOBCOMPARE_PAGER", line)
    monkeypatch.setenv("LINES", "2")
    waits: list[int] = []
    real_wait = subprocess.Popen.wait

    def interrupted(self: subprocess.Popen[bytes], timeout: float | None = None) -> int:
        waits.append(1)
        if len(waits) == 1:
            raise KeyboardInterrupt  # Ctrl-C reaches us as it reaches less
        return real_wait(self, timeout)

    monkeypatch.setattr(subprocess.Popen, "wait", interrupted)
    assert pager.page("a\nb\nc\n") is True  # no KeyboardInterrupt, and the pager waited for
    assert len(waits) == 2
    assert kept.read_text(encoding="utf-8") == "a\nb\nc\n"


def test_colour_goes_through_as_it_is(
    terminal: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    line, kept = fake_pager(tmp_path)
    monkeypatch.setenv("JOBCOMPARE_PAGER", line)
    monkeypatch.setenv("LINES", "2")
    text = "\x1b[1;32m$61,320\x1b[0m\nb\n— ▲\n"
    assert pager.page(text) is True
    assert kept.read_bytes() == text.encode("utf-8")


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        if self.closed:
            raise ValueError("I/O operation on closed file")
        return self.tty


def test_a_terminal_is_what_standard_output_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", _Stream(True))
    assert pager._on_terminal() is True
    monkeypatch.setattr(sys, "stdout", _Stream(False))
    assert pager._on_terminal() is False
    closed = _Stream(True)
    closed.close()  # isatty on a closed stream raises ValueError
    monkeypatch.setattr(sys, "stdout", closed)
    assert pager._on_terminal() is False


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_on_a_real_pseudo_terminal(tmp_path: Path) -> None:
    """The whole way, in a process of its own whose standard output is a terminal: the
    listing goes to the pager, in the terminal's layout; nothing reaches the screen."""
    import pty
    import select

    line, kept = fake_pager(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PAGER", "JOBCOMPARE_DATA")}
    env.update({"JOBCOMPARE_PAGER": line, "LINES": "20", "COLUMNS": "100"})
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    leader, follower = pty.openpty()
    screen = b""
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "jobcompare", "list"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
        )
        os.close(follower)
        # Read the screen while it runs: a terminal nobody reads would stop the process.
        while process.poll() is None or select.select([leader], [], [], 0)[0]:
            if select.select([leader], [], [], 0.05)[0]:
                try:
                    screen += os.read(leader, 65536)
                except OSError:  # the terminal's other end is gone
                    break
        _, errors = process.communicate(timeout=120)
    finally:
        os.close(leader)
    assert process.returncode == 0, errors
    assert errors == b""
    assert screen == b""
    paged = kept.read_text(encoding="utf-8").splitlines()
    # The terminal's layout (a role and its line under it), not a pipe's tab records.
    assert paged[:2] == ["all-occupations", "  00-0000 · All Occupations · All Occupations"]
    assert len(paged) > 1600 and "\t" not in kept.read_text(encoding="utf-8")


def test_the_groups_help_says_so() -> None:
    from tests.conftest import flat

    text = flat(run(["--help"], width=100).stdout)
    assert "$JOBCOMPARE_PAGER, else $PAGER, else 'less -FRX' (--no-pager: never)" in text
    assert "--no-pager Print long output straight to the terminal" in text
