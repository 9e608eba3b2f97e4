from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from jobcompare.cli.app import app
from jobcompare.files import bundled_data_dir
from jobcompare.sources.dataset import Dataset, load_dataset

TESTS = Path(__file__).parent
SEED = ("patient-account-coordinator", "collections-coordinator")
#: The two seed roles alone: tests about them do not depend on what else is bundled.
SEED_FILE = bundled_data_dir() / "roles.toml"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Index caches go to a folder of the test session's, never the user's."""
    os.environ["JOBCOMPARE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(SEED_FILE)


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def schema() -> dict[str, Any]:
    text = resources.files("jobcompare").joinpath("schema/comparison.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def validate(document: object, schema: dict[str, Any], ref: str | None = None) -> None:
    """Validate against the whole schema, or against one of its $defs."""
    target = schema if ref is None else {"$defs": schema["$defs"], "$ref": f"#/$defs/{ref}"}
    jsonschema.Draft202012Validator(target).validate(document)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run(
    args: Sequence[str],
    *,
    width: int = 80,
    env: dict[str, str | None] | None = None,
    bundled: bool = False,
) -> Run:
    """Invoke the CLI in-process at a fixed terminal width, without a terminal, on the
    seed roles (or, with ``bundled``, on the whole bundled dataset)."""
    environment: dict[str, str | None] = {
        "COLUMNS": str(width),
        "LINES": "50",
        "TERMINAL_WIDTH": str(width),
        "NO_COLOR": None,
        "FORCE_COLOR": None,
        "JOBCOMPARE_DATA": None if bundled else str(SEED_FILE),
        # The seed roles alone: --data adds to the bundled roles unless --only-data.
        "JOBCOMPARE_ONLY_DATA": None if bundled else "1",
        # A handed-over page says the day it was made: 6 December 2026, every run.
        "SOURCE_DATE_EPOCH": "1796515200",
    }
    environment.update(env or {})
    # Typer reads TERMINAL_WIDTH once, when it first draws help or an error box; each
    # run's boxes must be as wide as its terminal, as in a real process.
    import typer.rich_utils

    typer.rich_utils.MAX_WIDTH = width
    result = CliRunner().invoke(app, list(args), env=environment, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def flat(text: str) -> str:
    """Text with table and panel furniture removed and all white space single: what a
    person reads, however the terminal wrapped it."""
    return re.sub(r"\s+", " ", re.sub(r"[│┃╭╮╰╯─•◆]", " ", text)).strip()


@pytest.fixture(scope="session")
def dataset_roles(dataset: Dataset) -> list[Any]:
    """The two seed roles, in the seed page's order."""
    return [dataset.role(slug) for slug in SEED]


def listed_slugs(stderr: str) -> list[str]:
    """The slugs a usage error lists after its box (a name's candidates, or the roles it
    suggests), in order: each on a line of its own with its SOC code (or "—")."""
    after = stderr.split("╯\n", 1)[1] if "╯\n" in stderr else ""
    return re.findall(r"^  (?:\d\d-\d{4}|—) +([a-z0-9-]+)$", after, flags=re.MULTILINE)


def error_box(stderr: str) -> list[str]:
    """The lines inside a usage error's box (every usage error is one), borders and the
    box's padding removed."""
    lines = [line for line in stderr.splitlines() if line.startswith("│")]
    assert lines, f"no error box in {stderr!r}"
    return [line[2:].rstrip("│").rstrip() for line in lines]
