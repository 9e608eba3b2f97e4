"""Golden files: each case's arguments and the expected output in every format.

``tests/golden/<case>/args.txt`` holds the command line (one argument a line); the other
files are what jobcompare prints for it, on the bundled dataset, without a terminal:

- ``table-40.txt``, ``table-80.txt`` and ``table-120.txt``: the terminal output at 40, 80
  and 120 columns; ``table-full-80.txt``: with ``--full`` (every row), at 80;
- ``markdown.md``, ``csv.csv``, ``json.json``: ``--format markdown|csv|json``;
- ``report.html``: the HTML report (``--export``), and ``report.txt``, its text.

Regenerate them after a deliberate change of output, then review the diff:

    python -m tests.golden.cases            # all cases
    python -m tests.golden.cases seed-pair  # some
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import run

GOLDEN = Path(__file__).parent

#: case name -> command line (after ``jobcompare``)
CASES: dict[str, tuple[str, ...]] = {
    "seed-pair": ("compare", "patient-account-coordinator", "collections-coordinator"),
    # The README's first example: the concise comparison of two official occupations.
    "two-official": ("compare", "registered-nurses", "nurse-practitioners"),
    "bls-four-way": (
        "compare",
        "billing-and-posting-clerks",
        "registered-nurses",
        "physician-assistants",
        "software-developers",
    ),
    "profile": ("show", "collections-coordinator"),
    "official-profile": ("show", "registered-nurses"),
    "hourly-medians": ("compare", "actors", "registered-nurses"),
    "hourly-only": ("compare", "actors", "bill-and-account-collectors"),
    "not-published": ("compare", "business-teachers-postsecondary", "chief-executives"),
    # Pay over time (docs/history.md): a break (Prosthodontists), top codes
    # (Anesthesiologists), an hourly-only occupation (Actors) and a missing year's wages
    # (Models) on one page.
    "history": ("history", "prosthodontists", "anesthesiologists", "actors", "models"),
}
#: Commands without --full (every row is theirs already): no table-full-80.txt.
WHOLE = ("history",)

#: file name -> (extra arguments, terminal width)
OUTPUTS: dict[str, tuple[tuple[str, ...], int]] = {
    "table-40.txt": ((), 40),
    "table-80.txt": ((), 80),
    "table-120.txt": ((), 120),
    "table-full-80.txt": (("--full",), 80),
    "markdown.md": (("--format", "markdown"), 80),
    "csv.csv": (("--format", "csv"), 80),
    "json.json": (("--format", "json"), 80),
}


def outputs(case: str) -> Iterator[tuple[str, str]]:
    """(file name, what jobcompare prints) for every output of ``case``."""
    args = CASES[case]
    for name, (extra, width) in OUTPUTS.items():
        if "--full" in extra and args[0] in WHOLE:
            continue
        result = run([*args, *extra], width=width, bundled=True)
        if result.exit_code != 0:
            raise RuntimeError(f"{case}: {name}: exit {result.exit_code}: {result.stderr}")
        yield name, result.stdout
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        result = run([*args, "--export", str(report)], bundled=True)
        if result.exit_code != 0:
            raise RuntimeError(f"{case}: report: exit {result.exit_code}: {result.stderr}")
        html = report.read_text(encoding="utf-8")
    yield "report.html", html
    from tests.htmltext import html_text

    yield "report.txt", html_text(html)


def main(names: list[str]) -> None:
    for case in names or list(CASES):
        folder = GOLDEN / case
        folder.mkdir(exist_ok=True)
        (folder / "args.txt").write_text("".join(a + "\n" for a in CASES[case]), "utf-8")
        for name, text in outputs(case):
            (folder / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
