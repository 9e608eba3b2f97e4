"""Hostile data, races and full disks (issue 14): each reproduction F1-F16 of the red-team
report, run as a user would, through a real process where streams and descriptors matter.

Nothing crashes (exit code 0, 1 or 2, never a traceback) and nothing lies (what is listed
and shown is what the TOML parser reads from the file)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from jobcompare.sources.catalogue import open_catalogue

SMALL = """[roles.clerk]
title = "Clerk"
soc = "43-4071"

[roles.clerk.salary]
average = 30000

[roles.analyst]
title = "Data Analyst"
soc = "15-2051"

[roles.analyst.salary]
average = 50000
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def cli(
    args: Sequence[str],
    cache: Path | None = None,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    **options: Any,
) -> subprocess.CompletedProcess[str]:
    """jobcompare in a real process (own streams, own descriptors)."""
    environment = {
        **os.environ,
        "COLUMNS": "100",
        "JOBCOMPARE_CACHE_DIR": str(cache) if cache is not None else "",
        # The data given alone: these tests are about it, not the bundled roles.
        "JOBCOMPARE_ONLY_DATA": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    environment.pop("JOBCOMPARE_DATA", None)
    environment.update(env or {})
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "jobcompare", *args],
        env=environment,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
        **options,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert "Traceback" not in (result.stderr or "")
    assert "Exception ignored" not in (result.stderr or "")
    assert result.returncode == code, result.stderr
    assert not result.stdout


def strict_json(text: str) -> Any:
    """JSON as a strict parser reads it: NaN and Infinity are errors."""

    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


# -- crashes --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["show", "clerk"], ["clerk", "analyst"]])
def test_f1_an_integer_too_big_for_a_float(tmp_path: Path, command: list[str]) -> None:
    data = write(tmp_path / "d.toml", SMALL + "\n[roles.clerk.overview]\njobs = 1" + "0" * 309)
    result = cli([*command, "--data", str(data)] if command != ["validate"] else
                 ["validate", str(data)])  # fmt: skip
    assert_clean_failure(result)
    assert f"{data}:16: role 'clerk': overview.jobs: a 310-digit number is out of range" in (
        result.stderr
    )


@pytest.mark.parametrize("command", [["validate"], ["show", "clerk"], ["list"]])
def test_f2_an_integer_literal_over_4300_digits(tmp_path: Path, command: list[str]) -> None:
    data = write(tmp_path / "d.toml", SMALL + "\n[roles.clerk.whatever]\nx = 1" + "0" * 4400)
    args = ["validate", str(data)] if command == ["validate"] else [*command, "--data", str(data)]
    result = cli(args)
    assert_clean_failure(result)
    assert "integer literal is too long" in result.stderr


@pytest.mark.parametrize("depth", [40, 500, 5000])
def test_f3_deep_nesting(tmp_path: Path, depth: int) -> None:
    data = write(tmp_path / "d.toml", SMALL + "\n[roles.clerk.x]\ny = " + "[" * depth + "]" * depth)
    for args in (["validate", str(data)], ["show", "clerk", "--data", str(data)]):
        result = cli(args)
        assert_clean_failure(result)
        assert "nested more than 16 levels deep" in result.stderr


def extreme(tmp_path: Path, low: str, high: str) -> Path:
    return write(
        tmp_path / "d.toml",
        f'[roles.low]\ntitle = "Low"\n[roles.low.salary]\naverage = {low}\nhourly = {low}\n'
        f'[roles.high]\ntitle = "High"\n[roles.high.salary]\naverage = {high}\n',
    )


def test_f4_extreme_salaries_give_strict_json_and_whole_tables(tmp_path: Path) -> None:
    data = extreme(tmp_path, "1e-300", "1e9")
    result = cli(["low", "high", "--json", "--data", str(data)])
    assert result.returncode == 0, result.stderr
    document = strict_json(result.stdout)
    assert document["summary"]["pay"]["difference_percent"] is None  # not meaningful
    difference = document["differences"]["salary"]["average_salary"]
    # A page's role publishes no relative standard error: within the margin is unknown.
    assert difference == {"value": 1e9, "unit": "dollars", "percent": None}
    table = cli(["low", "high", "-s", "salary", "--data", str(data)])
    assert table.returncode == 0, table.stderr
    assert "inf" not in table.stdout.lower()
    assert "…" not in table.stdout
    assert "+$1,000,000,000" in table.stdout
    for output_format in ("markdown", "csv"):
        other = cli(["low", "high", "-f", output_format, "--data", str(data)])
        assert other.returncode == 0
        assert "inf" not in other.stdout.lower()
        assert "nan" not in other.stdout.lower()


def test_f4_beyond_what_money_can_mean_is_a_data_error(tmp_path: Path) -> None:
    data = extreme(tmp_path, "5e-324", "1e308")
    result = cli(["low", "high", "--data", str(data)])
    assert_clean_failure(result)
    assert "role 'high': salary.average: 1e+308 is above the maximum of 1e+09" in result.stderr


COMMANDS = [
    ["--version"],
    ["list"],
    ["show", "patient-account-coordinator"],
    ["patient-account-coordinator", "collections-coordinator"],
    ["patient-account-coordinator", "collections-coordinator", "--json"],
    ["patient-account-coordinator", "collections-coordinator", "-f", "markdown"],
    ["validate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_f8_a_closed_stdout(command: list[str]) -> None:
    result = cli(command, stdout=None, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "jobcompare: error: cannot write the output: Bad file descriptor" in result.stderr


@pytest.mark.parametrize(
    ("encoding", "command"),
    [
        ("ascii", ["list"]),
        ("ascii", ["show", "collections-coordinator"]),
        ("ascii", ["patient-account-coordinator", "collections-coordinator", "-f", "markdown"]),
        ("cp1252", ["patient-account-coordinator", "collections-coordinator", "-f", "markdown"]),
        ("cp1252", ["list"]),
        ("latin-1", ["patient-account-coordinator", "collections-coordinator", "-f", "csv"]),
    ],
)
def test_f9_a_non_utf8_stdout(tmp_path: Path, encoding: str, command: list[str]) -> None:
    # A title with characters no 8-bit encoding has, and dashes that cp1252 has.
    result = cli(command, env={"PYTHONIOENCODING": encoding}, stdout=subprocess.PIPE)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout


def test_f9_stand_ins_for_data_text(tmp_path: Path) -> None:
    data = write(tmp_path / "d.toml", SMALL.replace('"Clerk"', '"Clerk — 書記 ✓"'))
    result = subprocess.run(
        [sys.executable, "-m", "jobcompare", "list", "--data", str(data)],
        env={**os.environ, "PYTHONIOENCODING": "ascii", "JOBCOMPARE_CACHE_DIR": ""},
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert "Clerk - ?? ?" in result.stdout.decode("ascii")


@pytest.mark.parametrize(
    ("command", "stream"),
    [
        (["--version"], "stdout"),
        (["list"], "stdout"),
        (["patient-account-coordinator", "collections-coordinator", "--json"], "stdout"),
        (["show", "nope"], "stderr"),
        (["validate", "/nonexistent.toml"], "stderr"),
    ],
)
def test_f10_a_full_disk_on_stdout_or_stderr(command: list[str], stream: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = cli(command, **{stream: full})
    assert result.returncode == 1
    other = result.stderr if stream == "stdout" else result.stdout
    assert "Traceback" not in (other or "")
    assert "Exception ignored" not in (other or "")
    if stream == "stdout":
        assert "cannot write the output: No space left on device" in result.stderr


def test_f16_devices_are_refused_and_a_pipe_is_read_once(tmp_path: Path) -> None:
    started = time.monotonic()
    result = cli(["list", "--data", "/dev/zero"], timeout=20)
    assert_clean_failure(result)
    assert "/dev/zero: not a regular file (nor a pipe)" in result.stderr
    assert time.monotonic() - started < 15
    for command in (["show", "clerk"], ["list"], ["clerk", "analyst", "--json"]):
        piped = cli([*command, "--data", "/dev/stdin"], input=SMALL)
        assert piped.returncode == 0, piped.stderr
        assert "Clerk" in piped.stdout


def test_f16_an_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobcompare import files
    from jobcompare.errors import DatasetError

    data = write(tmp_path / "d.toml", SMALL)
    with pytest.raises(DatasetError, match="file too large"):
        files.read_dataset_file(data, limit=100)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError, match="nothing to load"):  # no writer: empty, no hang
        open_catalogue(fifo, cache_dir=None)


# -- figures that lie -------------------------------------------------------------------------

ESCAPED_QUOTES = r'''[roles.b]
title = "B"
description = """Start \"""
[roles.a]
title = "Fake"
[roles.a.salary]
average = 999999
"""

[roles.a]
title = "A"

[roles.a.salary]
average = 50000
'''

QUOTES_IN_A_COMMENT = '''[roles.a]
title = "A"  # say """hello
[roles.b]
title = "B"
'''

ODD_STRINGS = r"""[roles.a]
title = 'Literal Title'
category = "Say \"hi\" \u00e9"
soc = '43-3011'

[roles.b]
title = "B"
category = '''Multi
line'''
"""


@pytest.mark.parametrize(
    "text", [ESCAPED_QUOTES, QUOTES_IN_A_COMMENT, ODD_STRINGS],
    ids=["escaped-quotes", "quotes-in-comment", "odd-strings"],
)  # fmt: skip
def test_f6_the_index_is_what_the_toml_parser_reads(tmp_path: Path, text: str) -> None:
    import tomllib

    data = write(tmp_path / "d.toml", text)
    parsed = tomllib.loads(text)["roles"]
    listed = cli(["list", "--json", "--data", str(data)], tmp_path / "cache")
    assert listed.returncode == 0, listed.stderr
    assert [(r["slug"], r["title"], r["category"]) for r in strict_json(listed.stdout)] == [
        (slug, body["title"], body.get("category")) for slug, body in parsed.items()
    ]
    for slug, body in parsed.items():
        shown = cli(["show", slug, "--json", "--data", str(data)], tmp_path / "cache")
        assert shown.returncode == 0, shown.stderr
        role = strict_json(shown.stdout)
        assert role["title"] == body["title"]
        assert role["salary"]["average_salary"] == body.get("salary", {}).get("average")


def test_f5_the_cache_key_is_the_bytes_read_not_a_stat_of_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A symlink swapped from A to B just before the file is read (after anything that
    looked at the path) must never leave B's roles cached for A."""
    a = write(tmp_path / "a.toml", SMALL)
    b = write(tmp_path / "b.toml", SMALL.replace("Clerk", "Swapped"))
    link = tmp_path / "data.toml"
    link.symlink_to(a)
    cache = tmp_path / "cache"
    swapped: list[bool] = []

    def swap(path: object) -> None:
        if not swapped and os.fspath(path) == os.fspath(link):  # type: ignore[arg-type]
            swapped.append(True)
            link.unlink()
            link.symlink_to(b)  # a deploy's (or an attacker's) swap, right before the read

    original_open, original_read_bytes = os.open, Path.read_bytes

    def open_after_swap(path: Any, *args: Any, **kwargs: Any) -> int:
        swap(path)
        return original_open(path, *args, **kwargs)

    def read_bytes_after_swap(self: Path) -> bytes:
        swap(self)
        return original_read_bytes(self)

    monkeypatch.setattr(os, "open", open_after_swap)
    monkeypatch.setattr(Path, "read_bytes", read_bytes_after_swap)
    first = open_catalogue(link, cache_dir=cache).role("clerk").title
    monkeypatch.undo()
    assert swapped
    assert first == "Swapped"  # what was read, whole
    link.unlink()
    link.symlink_to(a)
    catalogue = open_catalogue(link, cache_dir=cache)
    assert catalogue.role("clerk").title == "Clerk"
    assert next(r.title for r in catalogue.listing) == "Clerk"


def test_f14_a_changed_byte_in_the_cache_is_not_served(tmp_path: Path) -> None:
    data = write(tmp_path / "d.toml", SMALL)
    cache = tmp_path / "cache"
    assert cli(["show", "clerk", "--data", str(data)], cache).returncode == 0
    changed = 0
    for entry in cache.iterdir():
        blob = entry.read_bytes()
        if b"Clerk" in blob:
            entry.write_bytes(blob.replace(b"Clerk", b"Clerq"))
            changed += 1
    assert changed
    for command in (["list"], ["show", "clerk"], ["list", "--json"]):
        result = cli([*command, "--data", str(data)], cache)
        assert result.returncode == 0, result.stderr
        assert "Clerk" in result.stdout
        assert "Clerq" not in result.stdout


def test_f14_a_fifo_in_place_of_a_cache_file_does_not_hang(tmp_path: Path) -> None:
    data = write(tmp_path / "d.toml", SMALL)
    cache = tmp_path / "cache"
    assert cli(["show", "clerk", "--data", str(data)], cache).returncode == 0
    entries = list(cache.iterdir())
    assert entries
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry, 0o600)
    result = cli(["show", "clerk", "--data", str(data)], cache, timeout=20)
    assert result.returncode == 0, result.stderr
    assert "Clerk" in result.stdout


def test_f7_no_pickle_is_ever_loaded_from_the_cache(tmp_path: Path) -> None:
    import pickle

    data = write(tmp_path / "d.toml", SMALL)
    cache = tmp_path / "cache"
    assert cli(["show", "clerk", "--data", str(data)], cache).returncode == 0
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (open, (str(marker), "w"))

    entries = list(cache.iterdir())
    assert entries
    for entry in entries:  # our own files, private: only the format can refuse them
        entry.write_bytes(pickle.dumps(Payload()))
        os.chmod(entry, 0o600)
    result = cli(["show", "clerk", "--data", str(data)], cache)
    assert result.returncode == 0, result.stderr
    assert "Clerk" in result.stdout
    assert not marker.exists()
    source = Path(__file__).parent.parent / "src" / "jobcompare"
    assert not [p for p in source.rglob("*.py") if "pickle" in p.read_text(encoding="utf-8")]


def test_f11_an_export_on_a_full_disk_leaves_the_old_report_whole(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text("<html>the old report</html>\n" * 10, encoding="utf-8")
    before = report.read_bytes()

    def small_disk() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    args = ["patient-account-coordinator", "collections-coordinator", "--export", str(report)]
    result = cli(args, preexec_fn=small_disk)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"cannot write {report}" in result.stderr
    assert report.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary left
    assert cli(args).returncode == 0  # with room, it is replaced
    assert report.read_bytes() != before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[roles."a\\n"]\ntitle = "A"\n', "role 'a\n': a slug is lowercase letters"),
        ('[roles.a]\ntitle = "A"\nsoc = "43-3011\\n"\n', "a SOC code looks like '43-3011'"),
        ('[roles.a]\ntitle = "A"\nsoc = "٤٣-٣٠١١"\n', "a SOC code looks like '43-3011'"),
        ('[roles.a]\ntitle = "A"\nsoc = "４３-３０１１"\n', "a SOC code looks like '43-3011'"),
    ],
    ids=["slug-newline", "soc-newline", "soc-arabic-digits", "soc-fullwidth-digits"],
)
def test_f12_slugs_and_soc_codes_end_at_the_end(tmp_path: Path, body: str, message: str) -> None:
    data = write(tmp_path / "d.toml", body)
    result = cli(["validate", str(data)])
    assert result.returncode == 1
    assert message.replace("\n", "") in result.stderr.replace("\n", "")
    listed = cli(["list", "--data", str(data)])
    if "slug" in message:  # an unnameable role: no list, no completion of it
        assert_clean_failure(listed)
    else:  # the role is listed without the bad code, and refused when shown
        assert listed.returncode == 0
        assert "43-3011" not in listed.stdout
        assert "\n\n" not in listed.stdout
        assert_clean_failure(cli(["show", "a", "--data", str(data)]))


def test_f13_an_email_address_is_no_mailto_link(tmp_path: Path) -> None:
    import re

    data = write(
        tmp_path / "d.toml",
        SMALL.replace('title = "Clerk"', 'title = "Clerk"\ndescription = "To boss@example.com"')
        .replace('soc = "15-2051"', 'soc = "15-2051"\ndescription = "Mail x.y+z@corp.example.org"'),
    )  # fmt: skip
    result = cli(["clerk", "analyst", "-f", "markdown", "--data", str(data)])
    assert result.returncode == 0, result.stderr
    assert "boss\\@example.com" in result.stdout
    # No address left that GitHub's autolinker would take: a bare local@domain.
    assert not re.search(r"[\w.+-]@[\w-]+\.\w", result.stdout)


# -- scale ------------------------------------------------------------------------------------


def many_roles(count: int, *, warning: bool) -> str:
    hourly = "hourly = 1.0\n" if warning else ""  # 1.0 an hour is not average / 2080
    return "".join(
        f'[roles.role-{n}]\ntitle = "Role {n}"\nsoc = "{n % 90 + 10:02d}-{n:04d}"\n'
        f"[roles.role-{n}.salary]\naverage = {40000 + n}\n{hourly}\n"
        for n in range(count)
    )


def test_f15_validate_with_a_warning_per_role_is_linear(tmp_path: Path) -> None:
    from jobcompare.sources.dataset import check_dataset

    times = {}
    for warning in (False, True):
        data = write(tmp_path / f"{warning}.toml", many_roles(1000, warning=warning))
        started = time.perf_counter()
        _, problems = check_dataset(data)
        times[warning] = time.perf_counter() - started
        assert len(problems) == (1000 if warning else 0)
    assert times[True] <= 2 * times[False] + 0.25, times


def test_f15_shared_skills_are_marked_in_linear_time(tmp_path: Path) -> None:
    skills = "".join(f'{{ name = "Skill {n}", share = 1 }},\n' for n in range(8000))
    data = write(
        tmp_path / "d.toml",
        f'[roles.a]\ntitle = "A"\nskills = [\n{skills}]\n[roles.b]\ntitle = "B"\n'
        f"skills = [\n{skills}]\n",
    )
    started = time.perf_counter()
    result = cli(["a", "b", "--json", "-s", "skills", "--data", str(data)])
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    document = strict_json(result.stdout)
    assert len(document["summary"]["shared_skills"]) == 8000
    assert elapsed < 15, elapsed


def test_f15_a_file_with_a_byte_order_mark_is_indexed_and_cached(tmp_path: Path) -> None:
    data = tmp_path / "d.toml"
    data.write_bytes(b"\xef\xbb\xbf" + SMALL.encode())
    cache = tmp_path / "cache"
    assert open_catalogue(data, cache_dir=cache).role("clerk").title == "Clerk"
    assert [p.suffix for p in cache.iterdir()] == [".json"]


def test_f15_a_15_mb_description_is_refused_quickly(tmp_path: Path) -> None:
    data = write(
        tmp_path / "d.toml",
        SMALL.replace('title = "Clerk"', f'title = "Clerk"\ndescription = "{"word " * 3_000_000}"'),
    )  # fmt: skip
    started = time.perf_counter()
    result = cli(["show", "clerk", "--data", str(data)])
    assert_clean_failure(result)
    assert "description: is 15,000,000 characters long (at most 1,000,000)" in result.stderr
    assert time.perf_counter() - started < 15


def test_f15_the_longest_description_renders_whole_and_quickly(tmp_path: Path) -> None:
    text = " ".join(f"w{n % 977}" for n in range(200_000))[:999_990]
    data = write(
        tmp_path / "d.toml",
        SMALL.replace('title = "Clerk"', f'title = "Clerk"\ndescription = "{text}"'),
    )
    started = time.perf_counter()
    result = cli(["show", "clerk", "-s", "overview", "--data", str(data)])
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    assert " ".join(text.split()) in " ".join(result.stdout.split())
    assert elapsed < 15, elapsed


@pytest.mark.parametrize(
    "command",
    [
        ["list", "--json"],
        ["show", "patient-account-coordinator", "--json"],
        ["patient-account-coordinator", "collections-coordinator", "--json"],
        ["43-3011", "43-3021", "all-occupations", "--json"],
        ["show", "43-3011", "--json"],
    ],
)
def test_every_json_output_is_strict(command: list[str]) -> None:
    from tests.conftest import run

    result = run(command, bundled=True)
    assert result.exit_code == 0, result.stderr
    strict_json(result.stdout)


def test_f12_a_newline_in_a_title_does_not_split_its_list_row(tmp_path: Path) -> None:
    data = write(tmp_path / "d.toml", '[roles.a]\ntitle = "Two\\nlines"\n[roles.b]\ntitle = "B"\n')
    result = cli(["list", "--data", str(data)])
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()  # piped: one record a line, no header
    assert [row.split()[0] for row in rows] == ["a", "b"]
    assert "Two lines" in rows[0]


def test_f14_a_changed_byte_in_a_cached_role_is_not_served(tmp_path: Path) -> None:
    data = write(tmp_path / "d.toml", SMALL)
    cache = tmp_path / "cache"
    assert open_catalogue(data, cache_dir=cache).role("clerk").salary.average is not None
    [entry] = cache.iterdir()
    header, index, bodies = entry.read_bytes().split(b"\n", 2)
    assert b"30000" in bodies  # the clerk's pay, in its role's line only
    entry.write_bytes(b"\n".join([header, index, bodies.replace(b"30000", b"99999")]))
    role = open_catalogue(data, cache_dir=cache).role("clerk")
    assert role.salary.average is not None and role.salary.average.value == 30000
    assert b"99999" not in entry.read_bytes()  # and the entry was rebuilt
