"""Golden files: every case's output in every format is exactly what was reviewed, and
every figure the terminal shows is in the Markdown, the CSV, the HTML report and the JSON.

Regenerate after a deliberate change, then review the diff: python -m tests.golden.cases
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from jobcompare.output.blocks import IMPORTANCE_BARS_NOTE, SHARE_BARS_NOTE
from jobcompare.output.cells import brief_reason, plain_reason
from tests.golden.cases import CASES, GOLDEN, outputs

#: Words of the terminal output that are furniture, not figures.
_RULES = re.compile(r"[─━┃├┤●▶│•◆▲▼█▏▎▍▌▋▊▉]")


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    name: str = request.param
    return name, dict(outputs(name))


def test_outputs_match_their_golden_files(case: tuple[str, dict[str, str]]) -> None:
    name, produced = case
    folder = GOLDEN / name
    assert (folder / "args.txt").read_text("utf-8").split() == list(CASES[name])
    for file, text in produced.items():
        expected = (folder / file).read_text(encoding="utf-8")
        assert text == expected, f"{name}/{file} differs: run python -m tests.golden.cases"


def _figures(table: str) -> set[str]:
    """Every figure the terminal shows: money, rates, counts, shares, differences."""
    # How bars are drawn is no figure of the data, nor are the round figures labelling a
    # chart's axis (the line under its ruler, which starts with ┬).
    for note in (SHARE_BARS_NOTE, IMPORTANCE_BARS_NOTE):
        table = table.replace(note, "")
    lines = table.splitlines()
    lines = [line for i, line in enumerate(lines)
             if not (i and lines[i - 1].lstrip().startswith("┬"))]  # fmt: skip
    text = _RULES.sub(" ", "\n".join(lines))
    # A list's rank numbers (duties, skills) are positions, not figures.
    text = re.sub(r"(?m)^\d+(?= {2,})", " ", text)
    found = set(
        re.findall(r"(?<![\w.])(?:[+-]?\$[\d,]+(?:\.\d+)?|[+-]?\d[\d,]*(?:\.\d+)?(?:%| pp)?)"
                   r"(?![\w])", text)
    )  # fmt: skip
    return {f for f in found if len(f.strip("+-$%p ")) > 0}


def _json_values(value: object) -> list[str]:
    """Every number and string of a JSON document, as text."""
    if isinstance(value, dict):
        return [v for item in value.values() for v in _json_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _json_values(item)]
    if value is None or isinstance(value, bool):
        return []
    return [str(value)]


def _number(text: str) -> float | None:
    try:
        return float(text.replace("$", "").replace("%", "").replace(" pp", "").replace(",", ""))
    except ValueError:
        return None


def _carried(figure: str, values: list[str]) -> bool:
    """Whether a shown figure ("$35,695", "+14 pp", "-8%") is among ``values``: as the
    number (35695, 14, -8), or (sentences, notes) as it is written."""
    wanted = _number(figure)
    # A figure shown to fewer places than the value has ("+6.3%" of 6.2838) rounds to it.
    places = len(figure.rsplit(".", 1)[1].rstrip("% p")) if "." in figure else 0
    numbers = {round(n, places) for n in map(_number, values) if n is not None}
    if wanted is not None and (wanted in numbers or abs(wanted) in numbers):
        return True
    return any(figure.lstrip("+") in v for v in values)


def test_every_figure_of_the_terminal_is_in_every_output(
    case: tuple[str, dict[str, str]],
) -> None:
    name, produced = case
    table = produced["table-120.txt"]
    shown = _figures(table)
    assert shown, name
    markdown, html_text = produced["markdown.md"], produced["report.txt"]
    records = list(csv.reader(io.StringIO(produced["csv.csv"])))
    csv_values = [record[3] for record in records[1:]]
    document = json.loads(produced["json.json"])
    json_values = list(_json_values(document))
    for figure in shown:
        # As shown, in the outputs people read.
        assert figure in markdown, f"{name}: {figure} missing from Markdown"
        # The handed-over page says a difference of percentages in points, not "pp".
        on_page = re.sub(r" pp$", " points", figure)
        assert on_page in html_text, f"{name}: {on_page} missing from the HTML report"
        # As a value, or as written in a sentence or note, in the outputs programs read.
        assert _carried(figure, csv_values), f"{name}: {figure} missing from the CSV"
        assert _carried(figure, json_values), f"{name}: {figure} missing from the JSON"


def test_notes_and_sources_are_in_every_output(case: tuple[str, dict[str, str]]) -> None:
    name, produced = case
    table = " ".join(produced["table-120.txt"].split())
    flat = {k: " ".join(v.split()) for k, v in produced.items()}
    for heading in ("Not published", "Sources"):
        if f" {heading} " not in f" {table} ":
            continue
        assert heading in flat["markdown.md"], (name, heading)
        assert heading in flat["report.txt"], (name, heading)
    document = json.loads(produced["json.json"])
    roles = document.get("roles", [document])
    for role in roles:
        # A history's reasons are each year's (its years' unpublished maps).
        years = [y for s in role.get("series", ()) for y in s["years"]]
        reasons = [*role.get("unpublished", {}).values(),
                   *(r for y in years for r in y["unpublished"].values())]  # fmt: skip
        for reason in reasons:
            # A concise page says a reason in brief where one is known (Markdown in full).
            # A concise page says the reasons of the rows it shows, in brief where a brief
            # is known; the rest are on the --full page (Markdown carries everything).
            brief = brief_reason(reason)[:40]
            full = flat.get("table-full-80.txt", "")
            for output in ("table-120.txt", "markdown.md"):
                said = reason[:40].replace("*", "\\*") if output == "markdown.md" else reason[:40]
                assert said in flat[output] or (
                    output != "markdown.md" and (brief in flat[output] or reason[:40] in full)
                ), (name, output, reason)
            # The handed-over page says the reason in plain words (no database terms).
            plain = plain_reason(reason)[:40]
            report = flat["report.txt"]
            assert plain in report or brief in report or reason[:40] in full, (name, reason)
        if role.get("source"):
            source = role["source"][:60]
            for output in ("table-120.txt", "report.txt"):
                assert source in flat[output], (name, output)
            assert source.replace("*", "\\*") in flat["markdown.md"], name
