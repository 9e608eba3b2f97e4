"""Every command in every format: each case's command line and what jobcompare prints for
it as a table (80 columns), Markdown, CSV, JSON and HTML, without a terminal.

``tests/formats/<case>/args.txt`` holds the command line (one argument a line; a first
line ``--seed`` runs it on the seed roles alone, not the bundled ones); the other files are
the outputs. Regenerate them after a deliberate change of output, then review the diff:

    python -m tests.formats.cases            # all cases
    python -m tests.formats.cases where      # some
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import run

FOLDER = Path(__file__).parent

#: case name -> command line (after ``jobcompare``); "--seed" first: the seed roles alone.
CASES: dict[str, tuple[str, ...]] = {
    "list": ("--seed", "list"),
    "search": ("search", "registered nurse", "--limit", "5"),
    "table": ("table", "43-3011", "registered-nurses", "actors"),
    "table-area": ("table", "43-3011", "registered-nurses", "--area", "ohio"),
    "table-fields": ("table", "--fields", "list"),
    "table-concepts": ("table", "registered-nurses", "collections-coordinator", "--fields",
                       "growth_rate,gender_ratio.female"),
    "table-areas": ("table", "registered-nurses", "--area", "ohio", "--area", "austin",
                    "--fields", "employment,annual_p50"),
    "table-area-fields": ("table", "--area", "ohio", "--fields", "list"),
    "where": ("where", "registered-nurses", "--states", "--top", "5"),
    "where-in": ("where", "registered-nurses", "--in", "OH", "--top", "8"),
    "areas": ("areas", "--search", "austin"),
    "areas-state": ("areas", "--search", "ohio"),
    "show-area": ("show", "registered-nurses", "--area", "columbus oh", "--adjust"),
    "area-comparison": ("compare", "registered-nurses", "--area", "ohio", "--area", "CA",
                        "--adjust"),
    "pay-show": ("show", "registered-nurses", "--pay", "85000"),
    "pay-compare": ("compare", "actors", "registered-nurses", "--pay", "27.50/h"),
    "pay-area": ("compare", "software-developers", "--area", "CA", "--area", "ohio",
                 "--adjust", "--pay", "250000"),
    "moves": ("moves", "billing-and-posting-clerks", "--top", "4"),
    "moves-all": ("moves", "registered-nurses", "--all-occupations", "--top", "6",
                  "--interests"),
    "moves-area": ("moves", "registered-nurses", "--area", "ohio", "--adjust",
                   "--max-education", "master", "--by", "gap", "--top", "5"),
    "history": ("history", "registered-nurses", "software-developers"),
    "sources": ("sources",),
    "validate": ("--seed", "validate", "tests/datasets/warnings.toml"),
}  # fmt: skip

#: file name -> the format's arguments
OUTPUTS = {
    "table-80.txt": ("--format", "table"),
    "markdown.md": ("--format", "markdown"),
    "csv.csv": ("--format", "csv"),
    "json.json": ("--format", "json"),
    "page.html": ("--format", "html"),
}


def outputs(case: str) -> Iterator[tuple[str, str]]:
    """(file name, what jobcompare prints) for every output of ``case``."""
    args = CASES[case]
    seed = args[:1] == ("--seed",)
    args = args[1:] if seed else args
    for name, extra in OUTPUTS.items():
        result = run([*args, *extra], width=80, bundled=not seed)
        if result.exit_code != 0:
            raise RuntimeError(f"{case}: {name}: exit {result.exit_code}: {result.stderr}")
        yield name, result.stdout


def main(names: list[str]) -> None:
    for case in names or list(CASES):
        folder = FOLDER / case
        folder.mkdir(exist_ok=True)
        (folder / "args.txt").write_text("".join(a + "\n" for a in CASES[case]), "utf-8")
        for name, text in outputs(case):
            (folder / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
