"""The HTML report: semantic, self-contained, printable, escaped; and the command-line
options that make it (--export, -f html, on compare and show)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from jobcompare.engine.compare import compare
from jobcompare.errors import ExitStatus, OutputError, failure
from jobcompare.model import Amount, Percentiles, Role, Salary
from jobcompare.output.blocks import RangeChart
from jobcompare.output.html import html_report
from jobcompare.registry.section import Section
from tests.conftest import SEED, TESTS, run
from tests.drawn import comparison_document
from tests.htmltext import html_text

HOSTILE = Role(
    "hostile",
    '<script>alert("x")</script> & Co',
    category='"><img src=x onerror=alert(1)>',
    description="Line with \x1b[31mescape\x1b[0m and </p><iframe src=//evil>",
    source="<a href=http://evil.invalid>source</a>",
    salary=Salary(average=Amount(50000), hourly=Amount(24.04)),
)
PLAIN = Role("plain", "Plain Role", salary=Salary(average=Amount(40000)))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_every_data_string_is_escaped() -> None:
    page = html_report(comparison_document(compare([HOSTILE, PLAIN])))
    names = {tag for tag, _ in tags(page)}
    assert not names & {"script", "img", "iframe", "a"}
    assert "\x1b" not in page
    text = html_text(page)
    # Escaped, the text reads exactly as the data has it (control characters removed).
    # The title names the roles as a sentence does, in the plural.
    assert '<script>alert("x")</script> & cos vs plain roles' in text
    assert "Line with [31mescape[0m and </p><iframe src=//evil>" in text


def test_the_page_asks_for_nothing_from_anywhere() -> None:
    page = html_report(comparison_document(compare([HOSTILE, PLAIN])))
    for tag, attrs in tags(page):
        assert not {"src", "href"} & set(attrs), tag
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page


def test_semantic_tables_print_and_dark_styles(dataset_roles: list[Role]) -> None:
    page = html_report(comparison_document(compare(dataset_roles)))
    found = tags(page)
    headers = [a for t, a in found if t == "th" and a.get("scope") == "col"]
    assert len(headers) >= 3 * 4  # label, two roles and a difference in each figure table
    assert sum(t == "th" and a.get("scope") == "row" for t, a in found) > 20
    assert "@media print" in page and "break-inside: avoid" in page
    assert "prefers-color-scheme: dark" in page
    assert sum(t == "svg" and a.get("role") == "img" for t, a in found) == 1  # the pay chart


def test_hourly_percentiles_are_shown_with_their_own_chart() -> None:
    hours = Percentiles(Amount(17.5), Amount(19.1), Amount(23.82), Amount(40.0), Amount(66.48))
    actor = Role("actor", "Actor", salary=Salary(hourly=Amount(33.0), hourly_percentiles=hours))
    result = compare([actor, PLAIN], [Section.SALARY])
    document = comparison_document(result)
    charts = [b for b in document.flat() if isinstance(b, RangeChart)]
    assert [c.per for c in charts] == ["hour"]  # PLAIN has no yearly range to draw
    text = html_text(html_report(document))
    assert "Hourly median | $23.82 | —" in text
    assert "Hourly 90th percentile | $66.48 | —" in text
    assert "Hourly pay" in text


def test_export_html_and_format_html_are_the_same_page(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    exported = run([*SEED, "--export", str(report)])
    assert exported.exit_code == 0
    assert "Patient Account Coordinator vs Collections Coordinator" in exported.stdout
    printed = run([*SEED, "-f", "html"])
    assert printed.exit_code == 0
    assert printed.stdout == report.read_text(encoding="utf-8")
    assert printed.stdout.startswith("<!DOCTYPE html>")


def test_show_has_formats_and_exports(tmp_path: Path) -> None:
    report = tmp_path / "profile.html"
    shown = run(["show", SEED[1], "--export", str(report), "-f", "markdown"])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("# Collections Coordinator\n")
    assert "Collections Coordinator" in html_text(report.read_text(encoding="utf-8"))
    csv_text = run(["show", SEED[1], "-f", "csv"]).stdout
    assert f"salary,average_salary,{SEED[1]},37938,USD/year," in csv_text
    document = json.loads(run(["show", SEED[1], "-f", "json"]).stdout)
    assert document["slug"] == SEED[1]


def test_an_export_that_cannot_be_written_leaves_stdout_clean(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "report.html"
    result = run([*SEED, "--export", str(target)])
    assert result.exit_code == ExitStatus.DATA_ERROR
    assert result.stdout == ""
    assert re.search(r"cannot write .*report\.html", result.stderr)


def test_errors_map_to_one_status_each() -> None:
    from jobcompare.errors import ComparisonError, DatasetError, Problem

    data = failure(DatasetError([Problem(TESTS / "x.toml", "bad", line=3)]))
    assert data is not None and data.status is ExitStatus.DATA_ERROR
    assert data.messages[0].endswith("x.toml:3: bad")
    usage = failure(ComparisonError("compare 2 to 4 roles at a time (1 given)"))
    assert usage is not None and usage.status is ExitStatus.USAGE_ERROR
    written = failure(OutputError("out.html", OSError(28, "No space left on device")))
    assert written is not None and written.status is ExitStatus.DATA_ERROR
    assert failure(RuntimeError("a bug")) is None  # never disguised as the user's mistake


def test_plain_drops_the_bars_in_every_format() -> None:
    """--plain is decided by the view, so the page and the terminal lose the same bars."""
    from tests.conftest import run

    for args in (["where", "registered-nurses", "--top", "3"],
                 ["compare", "registered-nurses", "software-developers"]):  # fmt: skip
        page = run([*args, "-f", "html"], bundled=True).stdout
        plain = run([*args, "--plain", "-f", "html"], bundled=True).stdout
        assert 'class="bar"' in page or "<svg" in page, args
        assert 'class="bar"' not in plain and "<svg" not in plain, args
        drawn = run(args, width=80, bundled=True).stdout
        assert "█" in drawn or "▇" in drawn or "■" in drawn, args
        assert not {"█", "▇", "■"} & set(run([*args, "--plain"], width=80, bundled=True).stdout)
