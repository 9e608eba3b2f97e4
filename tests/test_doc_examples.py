"""Every runnable example command in the README and docs/ does what it is shown doing on
the bundled store: a command in a ``sh`` block, or a ``console`` transcript that shows no
error, exits 0; a transcript that shows an error exits 2. The names the README says are
ambiguous are, with the occupation a person means first."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import run

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# A synopsis or an example that needs a file or folder of the reader's own.
PLACEHOLDER = re.compile(
    r"\b(ROLE|TEXT|COMMAND|PATH|FILE|DATA_ROOT|N)\b|\[|\||>|\.\.\.|"
    r"--data|--export|import |completion|validate"
)


def _examples() -> list[tuple[str, list[str], int]]:
    """(place, arguments, expected exit code) of each runnable example."""
    examples = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").splitlines()
        block = None
        for number, line in enumerate(lines, 1):
            if line.startswith("```"):
                block = line[3:].strip() if block is None else None
                continue
            if block == "console" and line.startswith("$ jobcompare "):
                line = line[2:]
                transcript = "\n".join(lines[number : number + 12]).split("```")[0]
                code = 2 if re.search(r"error|Invalid value", transcript) else 0
            elif block == "sh" and line.startswith("jobcompare "):
                code = 0
            else:
                continue
            command = re.split(r"\s#", line, maxsplit=1)[0].strip()
            if PLACEHOLDER.search(command):
                continue
            examples.append((f"{doc.relative_to(ROOT)}:{number}", shlex.split(command)[1:], code))
    return examples


EXAMPLES = _examples()


def test_examples_are_found() -> None:
    where = {place.split(":")[0] for place, _, _ in EXAMPLES}
    assert {"README.md", "docs/moves.md"} <= where
    assert len(EXAMPLES) >= 15
    assert any(code == 2 for _, _, code in EXAMPLES)


@pytest.mark.parametrize(("place", "args", "code"), EXAMPLES, ids=[p for p, _, _ in EXAMPLES])
def test_example_runs(place: str, args: list[str], code: int) -> None:
    result = run(args, bundled=True, width=100)
    assert result.exit_code == code, f"{place}: {result.stderr}"
    assert (result.stdout.strip() != "") == (code == 0)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("police officer", "33-3051"),
        ("UX designer", "15-1255"),
        ("CNA", "31-1131"),
        ("medical biller", "43-3021"),
        ("high school teacher", "25-2031"),
        ("truck driver", "53-3032"),
        ("programmer", "15-1251"),
        ("teacher", None),
        ("doctor", None),
        ("surgeon", None),
    ],
)
def test_readme_names_several_occupations_go_by_are_read_as_it_says(
    name: str, code: str | None
) -> None:
    readme = re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))
    said = f"`{name}`" if " " not in name else f'`"{name}"`'
    assert said in readme.split("A name several occupations go by", 1)[1][:1400]
    result = run(["show", name, "-s", "salary"], bundled=True, width=200)
    if code is None:  # listed: the candidates after the box, code and slug a line each
        assert result.exit_code == 2 and result.stdout == ""
        after = result.stderr.split("╯\n", 1)[1].splitlines()
        assert after[0] == f"'{name}': SOC code, slug, title"
        assert re.fullmatch(r"  \d\d-\d{4}  [a-z0-9-]+", after[1])
    else:  # picked, and the note says what else it could be
        assert result.exit_code == 0
        assert re.match(rf"'{name}' → .* \({code}\); also: ", result.stderr)
