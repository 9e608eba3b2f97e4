"""Property-based tests over generated and mutated datasets, for every command and format.

For any dataset, however hostile: the exit code is 0, 1 or 2; nothing raises (no
traceback); stdout is empty on failure; no C0/C1 control character reaches either stream;
JSON is strict (no NaN or Infinity); and the catalogue's index and roles are exactly what
a full parse by tomllib and the validator give.

A fixed seed and a few seconds by default. The longer run:

    JOBCOMPARE_FUZZ_EXAMPLES=10000 python -m pytest tests/test_fuzz.py -s

(examples per property; it prints its counts at the end).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from jobcompare.cli.app import app
from jobcompare.errors import DatasetError
from jobcompare.sources._toml import tomllib
from jobcompare.sources.catalogue import open_catalogue
from jobcompare.sources.dataset import load_dataset
from tests.conftest import SEED_FILE

EXAMPLES = int(os.environ.get("JOBCOMPARE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # a fixed seed: the same datasets on every run
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
COUNTS: Counter[str] = Counter()
#: The command built once (Typer would build it again on every run).
COMMAND = typer.main.get_command(app)
#: C0 and C1 control characters, but newline (and tab, which output never holds anyway).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# -- writing TOML ---------------------------------------------------------------------------


def toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def toml_document(roles: dict[str, dict[str, Any]]) -> str:
    """Each role as [roles.<slug>] with its scalars, then a [roles.<slug>.<section>] table
    per section (as jobcompare's own files are written)."""
    lines = []
    for slug, body in roles.items():
        lines.append(f"[roles.{toml_key(slug)}]")
        tables = {k: v for k, v in body.items() if isinstance(v, dict)}
        for key, value in body.items():
            if key not in tables:
                lines.append(f"{toml_key(key)} = {toml_value(value)}")
        for key, value in tables.items():
            lines.append(f"[roles.{toml_key(slug)}.{toml_key(key)}]")
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()]
        lines.append("")
    return "\n".join(lines)


# -- generating datasets --------------------------------------------------------------------

PAYLOADS = [
    "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "<script>alert(1)</script>",
    "[x](javascript:alert(1))", "**bold** _it_", "[red]markup[/red]", "\x1b[31mred\x1b[0m",
    "\x9b31m", "\u202eevil\u202c", "boss@example.com", "http://x.example", "www.evil.com",
    "| pipe |", "&amp; &#169;", "line\r\nbreak", "tab\there", "nul\x00byte", "# heading",
    "> quote", "1. item", "- item", "`code`", "~~strike~~", "\\", '"""', "'''", "é 書 ✓ —",
    " ", "", "x" * 300,
]  # fmt: skip

texts = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.from_regex(r"[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10}){0,3}", fullmatch=True),
)
numbers = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 0.5, 100, 1e-300, 5e-324, 1e9, 1e308, 10**309, 2**63, -1, 35695]),
)
values = st.one_of(numbers, texts, st.booleans(), st.lists(numbers, max_size=3))


def section(keys: list[str], value: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(keys), value, max_size=len(keys))


MONEY = st.one_of(numbers, st.fixed_dictionaries({"at_least": numbers}), texts)
slugs = st.one_of(
    st.from_regex(r"[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True),
    st.sampled_from(["a\n", "A", "a--b", "é", "-a", "a b", "1", "x.y"]),
)
socs = st.one_of(
    st.from_regex(r"[0-9]{2}-[0-9]{4}", fullmatch=True),
    st.sampled_from(["43-3011\n", "٤٣-٣٠١١", "43-30111", "433011", ""]),
)
role_bodies = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(texts, numbers),
        "soc": socs,
        "category": texts,
        "noun": texts,
        "plural": texts,
        "description": texts,
        "source": texts,
        "time_to_become": section(["min_months", "max_months"], numbers),
        "overview": section(
            ["growth_rate", "jobs", "job_satisfaction", "years_of_experience", "oops"], numbers
        ),
        "salary": st.fixed_dictionaries(
            {},
            optional={
                "average": MONEY,
                "hourly": MONEY,
                "range": section(["min", "max"], MONEY),
                "percentiles": section(["p10", "p25", "p50", "p75", "p90"], MONEY),
                "highest_paying_city": texts,
                "best_paying_company": texts,
            },
        ),
        "education": st.fixed_dictionaries(
            {},
            optional={
                "degree": section(["name", "share"], st.one_of(texts, numbers)),
                "major": texts,
                "college": texts,
            },
        ),
        "demographics": st.fixed_dictionaries(
            {},
            optional={
                "average_age": numbers,
                "gender": section(["male", "female"], numbers),
                "race": section(["white", "asian", "unknown", "hispanic_or_latino"], numbers),
                "lgbt": numbers,
            },
        ),
        "duties": st.lists(st.one_of(texts, numbers), max_size=4),
        "skills": st.lists(
            st.one_of(section(["name", "share"], st.one_of(texts, numbers)), texts), max_size=5
        ),
        "unpublished": st.dictionaries(
            st.sampled_from(["salary.average", "overview.jobs", "nope"]), texts, max_size=2
        ),
    },
)
generated = st.dictionaries(slugs, role_bodies, min_size=1, max_size=4).map(toml_document)

SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")
TOKENS = [
    '"""', "'''", '\\"""', "#", "[", "]", "[[", "\n[roles.fake]\ntitle = 'Fake'\n", "\n",
    "\r", "\\", "=", '"', "'", "\ufeff", "\x00", "1" + "0" * 400, "1" + "0" * 4400,
    "[" * 600, "inf", "nan", "1e309", "\n[roles.patient-account-coordinator]\n", "\u2028",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The seed dataset with a few edits: bytes out, tokens in, lines swapped."""
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "payload"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "replace":
            text = text[:at] + draw(st.text(max_size=3)) + text[at + 1 :]
        else:  # a hostile string value in place of a real one
            quoted = [m.start() for m in re.finditer(r'= "', text)]
            if quoted:
                start = draw(st.sampled_from(quoted)) + 2
                end = text.index("\n", start)
                text = text[:start] + toml_string(draw(texts)) + text[end:]
    return text


# -- the properties -------------------------------------------------------------------------

COMMANDS = [
    ["list"], ["list", "--json"], ["list", "--search", "co"], ["show", "{0}"],
    ["show", "{0}", "--json"], ["show", "{0}", "--plain"], ["{0}", "{1}"], ["{0}", "{1}", "--json"],
    ["{0}", "{1}", "-f", "markdown"], ["{0}", "{1}", "-f", "csv"], ["{0}", "{1}", "--plain"],
    ["validate"],
]  # fmt: skip


def slugs_of(text: str) -> list[str]:
    try:
        roles = tomllib.loads(text).get("roles")
    except Exception:
        return ["a", "b"]
    found = list(roles) if isinstance(roles, dict) else []
    return [*found, "a", "b"][:2]


def check_run(args: list[str], data: Path, cache: Path) -> None:
    environment = {
        "COLUMNS": "100",
        "JOBCOMPARE_DATA": str(data),
        "JOBCOMPARE_CACHE_DIR": str(cache),
        "NO_COLOR": None,
        "FORCE_COLOR": None,
    }
    if args == ["validate"]:
        args = ["validate", str(data)]
    from unittest import mock

    with mock.patch.object(typer.testing, "_get_command", lambda _: COMMAND):
        result = CliRunner().invoke(app, args, env=environment, prog_name="jobcompare")
    COUNTS["runs"] += 1
    COUNTS[f"exit {result.exit_code}"] += 1
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        COUNTS["tracebacks"] += 1
        raise result.exception
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert not CONTROL.search(stream), (args, CONTROL.findall(stream))
    if result.exit_code != 0:
        assert result.stdout == "", args
    elif "--json" in args:
        json.loads(result.stdout, parse_constant=_no_constant)
        COUNTS["json documents"] += 1


def _no_constant(name: str) -> None:
    COUNTS["invalid json"] += 1
    raise ValueError(f"not strict JSON: {name}")


def check_index(data: Path, cache: Path) -> None:
    """The catalogue (cold, then from its cache) against the full parse and validation."""
    try:
        full = load_dataset(data)
    except DatasetError:
        full = None
    for _ in range(2):  # the second time from the cache
        try:
            catalogue = open_catalogue(data, cache_dir=cache)
        except DatasetError:
            assert full is None
            COUNTS["refused datasets"] += 1
            return
        document = tomllib.loads(data.read_text(encoding="utf-8-sig"))
        assert [r.slug for r in catalogue.listing] == list(document["roles"])
        if full is not None:
            assert [(r.slug, r.title, r.soc, r.category) for r in catalogue.listing] == [
                (r.slug, r.title, r.soc, r.category) for r in full.roles
            ]
            for role in full.roles:
                if catalogue.role(role.slug) != role:
                    COUNTS["index disagreements"] += 1
                    raise AssertionError(f"catalogue disagrees on {role.slug}")
        COUNTS["index checks"] += 1


def check_dataset_text(text: str, folder: Path, commands: list[list[str]]) -> None:
    COUNTS["datasets"] += 1
    for old in folder.glob("*"):
        if old.is_file():
            old.unlink()
    data = folder / "data.toml"
    data.write_text(text, encoding="utf-8", errors="surrogatepass")
    cache = folder / "cache"
    first, second = slugs_of(text)
    for command in commands:
        check_run([part.format(first, second) for part in command], data, cache)
    check_index(data, cache / "direct")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz")
    if "JOBCOMPARE_FUZZ_EXAMPLES" in os.environ:
        print("\nfuzz counts:", dict(sorted(COUNTS.items())))


commands_subset = st.lists(st.sampled_from(COMMANDS), min_size=2, max_size=4, unique_by=str)


@FUZZ
@given(text=generated, commands=commands_subset)
def test_generated_datasets(folder: Path, text: str, commands: list[list[str]]) -> None:
    check_dataset_text(text, folder, commands)


@FUZZ
@given(text=mutated(), commands=commands_subset)
def test_mutated_datasets(folder: Path, text: str, commands: list[list[str]]) -> None:
    check_dataset_text(text, folder, commands)


def test_every_command_on_a_hostile_dataset(folder: Path) -> None:
    """Every command and format at least once, on one dataset with every payload."""
    words = [p for p in PAYLOADS if p.strip()]
    roles = {
        "first": {"title": PAYLOADS[4], "description": " ".join(PAYLOADS[:16]),
                  "salary": {"average": 1e-300, "hourly": 5e-324},
                  "duties": words, "skills": [{"name": p, "share": 1} for p in words]},
        "second": {"title": PAYLOADS[8], "category": PAYLOADS[10],
                   "salary": {"average": 1e9}, "skills": [{"name": p} for p in words]},
    }  # fmt: skip
    text = toml_document(roles)
    assert load_dataset_text_ok(text, folder)
    check_dataset_text(text, folder, COMMANDS)


def load_dataset_text_ok(text: str, folder: Path) -> bool:
    path = folder / "check.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_dataset(path)
    except DatasetError as error:
        raise AssertionError(str(error)) from None
    finally:
        path.unlink()
    return True
