"""Every command speaks every format through the one output dispatch: each case of
tests/formats/ is exactly what was reviewed, and each format is well formed (the CSV one
row shape, the JSON valid against its schema, the page self-contained).

Regenerate after a deliberate change, then review the diff: python -m tests.formats.cases
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run, validate
from tests.formats.cases import CASES, FOLDER, outputs

AREAS_SCHEMA = Path(__file__).parent.parent / "src" / "jobcompare" / "schema" / "areas.schema.json"
#: The schema and its $defs that each case's JSON follows ("": the whole schema).
SCHEMAS: dict[str, tuple[str, str]] = {
    "list": ("comparison", "role_list"),
    "search": ("comparison", "search_results"),
    "table": ("comparison", "table"),
    "moves": ("comparison", "moves"),
    "moves-all": ("comparison", "moves"),
    "moves-area": ("comparison", "moves"),
    "history": ("comparison", "history"),
    "where": ("areas", "ranking"),
    "where-in": ("areas", "ranking"),
    "areas": ("areas", "list"),
    "areas-state": ("areas", "list"),
    "show-area": ("areas", "comparison"),
    "area-comparison": ("areas", "comparison"),
    "pay-show": ("comparison", "role"),
    "pay-compare": ("comparison", ""),
    "pay-area": ("areas", "comparison"),
    "table-area": ("areas", "table"),
    "table-fields": ("comparison", "field_list"),
    "table-concepts": ("comparison", "table"),
    "table-areas": ("areas", "table"),
    "table-area-fields": ("areas", "field_list"),
    "sources": ("comparison", "source_list"),
    "validate": ("comparison", "validation"),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    name: str = request.param
    return name, dict(outputs(name))


def test_every_case_has_a_schema_rule() -> None:
    assert set(SCHEMAS) == set(CASES)


def test_outputs_match_their_files(case: tuple[str, dict[str, str]]) -> None:
    name, produced = case
    folder = FOLDER / name
    assert (folder / "args.txt").read_text("utf-8").split("\n")[:-1] == list(CASES[name])
    for file, text in produced.items():
        expected = (folder / file).read_text(encoding="utf-8")
        assert text == expected, f"{name}/{file} differs: run python -m tests.formats.cases"


def test_csv_is_one_shape_of_row(case: tuple[str, dict[str, str]]) -> None:
    name, produced = case
    rows = list(csv.reader(io.StringIO(produced["csv.csv"])))
    assert rows, name
    assert all(len(row) == len(rows[0]) for row in rows), name
    assert len(rows) > 1, name


def test_json_is_strict_and_follows_its_schema(
    case: tuple[str, dict[str, str]], schema: dict[str, Any]
) -> None:
    name, produced = case
    document = json.loads(produced["json.json"])  # strict: no NaN, no trailing data
    which, ref = SCHEMAS[name]
    target = schema if which == "comparison" else json.loads(AREAS_SCHEMA.read_text("utf-8"))
    validate(document, target, ref or None)  # "": the whole schema (a comparison)


def test_pages_and_markdown_carry_the_table(case: tuple[str, dict[str, str]]) -> None:
    """The terminal's words are in the Markdown and the HTML page, which stands alone."""
    name, produced = case
    page = produced["page.html"]
    assert page.startswith("<!DOCTYPE html>") and "<title>" in page, name
    assert "<script" not in page and "src=" not in page, name
    markdown = produced["markdown.md"]
    assert markdown.strip(), name
    if "\t" in produced["table-80.txt"]:  # a listing into a pipe: one record a line
        first = produced["table-80.txt"].splitlines()[0].split("\t")[0]
        assert first in markdown.replace("\\", ""), name


def test_a_table_fits_80_columns(case: tuple[str, dict[str, str]]) -> None:
    """Only what must stay whole to be copied (an address) may run past the edge."""
    name, produced = case
    for line in produced["table-80.txt"].splitlines():
        if "\t" not in line and len(line) > 80:
            assert len(line.split()[-1]) > 40, (name, line)


@pytest.mark.parametrize(
    ("args", "suffix", "output_format"),
    [
        (["where", "registered-nurses", "--top", "3"], ".md", "markdown"),
        (["moves", "billing-and-posting-clerks", "--top", "2"], ".json", "json"),
        (["show", "actors", "-s", "salary"], ".csv", "csv"),
        (["registered-nurses", "--area", "ohio"], ".htm", "html"),
    ],
)
def test_export_writes_the_format_its_suffix_names(
    tmp_path: Path, args: list[str], suffix: str, output_format: str
) -> None:
    from tests.conftest import run

    target = tmp_path / f"out{suffix}"
    exported = run([*args, "--export", str(target)], bundled=True)
    assert exported.exit_code == 0, exported.stderr
    printed = run([*args, "--format", output_format], bundled=True)
    assert target.read_text(encoding="utf-8") == printed.stdout


def test_export_names_the_suffixes_it_knows(tmp_path: Path) -> None:
    from tests.conftest import error_box, run

    result = run(["show", "actors", "--export", str(tmp_path / "out.pdf")], bundled=True)
    assert result.exit_code == 2 and result.stdout == ""
    said = " ".join(error_box(result.stderr))
    assert "FILE must end in .md, .csv, .json, .html, .htm or .svg" in said
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("name", sorted(CASES))
def test_json_flag_is_format_json(name: str) -> None:
    """``--json`` is ``-f json`` for every command: one JSON shape, one path."""
    args = CASES[name]
    seed = args[:1] == ("--seed",)
    result = run([*(args[1:] if seed else args), "--json"], width=80, bundled=not seed)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (FOLDER / name / "json.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("output_format", ["table", "markdown", "html"])
def test_an_empty_page_is_no_page(output_format: str) -> None:
    """Nothing found, or a dataset that fails: stderr says so, stdout stays empty in every
    page format (the data formats still give their empty list or report)."""
    found = run(["search", "zzzqqq", "-f", output_format], bundled=True)
    assert (found.exit_code, found.stdout) == (0, "")
    assert "No role matches 'zzzqqq'" in found.stderr
    bad = run(["validate", "tests/bad_datasets/bad_slug.toml", "-f", output_format])
    assert (bad.exit_code, bad.stdout) == (1, "")
    assert "a slug is lowercase letters" in bad.stderr
    assert run(["search", "zzzqqq", "-f", "csv"], bundled=True).stdout.startswith("slug,")


def test_an_export_and_the_page_ask_the_view_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--export x.html and the terminal both draw the view's one document."""
    from jobcompare.output.views import comparison

    calls: list[str] = []
    real = comparison.document

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append("document")
        return real(*args, **kwargs)

    monkeypatch.setattr(comparison, "document", counted)
    out = tmp_path / "x.html"
    done = run(["registered-nurses", "actors", "--export", str(out)], bundled=True)
    assert done.exit_code == 0, done.stderr
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>") and "Actors" in done.stdout
    assert calls == ["document"]
