"""Pictures (bars, the salary axis), the N-way layout and the HTML/SVG export: their
content at fixed widths, with and without colour."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from jobcompare.engine.compare import compare
from jobcompare.output.terminal.charts import bar
from jobcompare.registry.section import Section
from jobcompare.sources.dataset import Dataset, load_dataset
from tests import drawn
from tests.conftest import SEED, TESTS, run

MIXED = load_dataset(TESTS / "datasets" / "mixed.toml")


def draw(renderables: list, width: int, colour: bool = False) -> str:  # type: ignore[type-arg]
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=colour,
                      color_system="standard" if colour else None, highlight=False,
                      markup=False)  # fmt: skip
    drawn.print_all(console, renderables)
    return buffer.getvalue()


def seed(dataset: Dataset, *sections: Section, charts: bool = True) -> list:  # type: ignore[type-arg]
    roles = [dataset.role(s) for s in SEED]
    return drawn.comparison(compare(roles, sections or tuple(Section)), charts=charts)


@pytest.mark.parametrize(
    ("value", "scale", "width", "expected"),
    [
        (20, 20, 12, "█" * 12),
        (10, 20, 12, "█" * 6),
        (9, 20, 12, "█" * 5 + "▍"),  # 9/20 of 96 eighths = 43.2 -> 43 = 5 cells + 3/8
        (0.5, 100, 10, "▏"),  # a share above zero never vanishes
        (0, 100, 10, ""),
        (150, 100, 4, "████"),  # never past the scale
    ],
)
def test_bar(value: float, scale: float, width: int, expected: str) -> None:
    assert bar(value, scale, width) == expected


def test_skill_bars_share_one_scale_across_roles(dataset: Dataset) -> None:
    lines = [line.rstrip() for line in draw(seed(dataset, Section.SKILLS), 80).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("#"))
    # Shares on a 0-100% scale: a bar of 12 cells is 100%, so 20% is 2.4 cells (██▍),
    # 10% 1.2 (█▎), 4% 0.48 (▌): lengths compare across roles and comparisons alike.
    assert lines[start + 2 : start + 8] == [
        "1   Patients, 20% ◆         ██▍            Customer Service, 15%   █▊",
        "2   Patient Accounts, 10%   █▎             Patients, 12% ◆         █▌",
        "3   Credit Balances, 9%     █▏             Phone Calls, 6%         ▊",
        "4   Appeals, 7% ◆           ▉              Collection Efforts, 4%  ▌",
        "5   Medical Billing, 4%     ▌              Delinquent Accounts, 4% ▌",
        "6   Data Entry, 3%          ▍              Appeals, 4% ◆           ▌",
    ]
    assert "Bars show each share on a scale from 0 to 100%." in lines
    plain = draw(seed(dataset, Section.SKILLS, charts=False), 80)
    assert "Bars show" not in plain


def test_gender_and_race_bars(dataset: Dataset) -> None:
    output = draw(seed(dataset, Section.DEMOGRAPHICS), 80)
    lines = [line.rstrip() for line in output.splitlines()]
    assert "  Male                   12.0%  █▌             26.6%  ███▎            +14.6 pp" in lines
    assert "  Female                 88.0%  ██████████▌    73.4%  ████████▊       -14.6 pp" in lines
    assert "  White                  59.5%  ███████▏       59.0%  ███████▏        -0.5 pp" in lines


def test_salary_ranges_on_one_axis(dataset: Dataset) -> None:
    lines = [line.rstrip() for line in draw(seed(dataset, Section.SALARY), 80).splitlines()]
    start = lines.index("Patient Account Coordinator")
    # Axis $30,000-$47,000 over 64 cells: $41,000 falls on cell 41, $35,695 on cell 21,
    # $37,938 on cell 29, $47,000 on the last.
    # Round figures between the ends are labelled: $35,000 on cell 19, $40,000 on cell 37
    # (each label centred on its tick).
    assert lines[start : start + 7] == [
        "Patient Account Coordinator",
        "  ├" + "─" * 20 + "●" + "─" * 19 + "┤",
        "Collections Coordinator",
        "  ├" + "─" * 28 + "●" + "─" * 33 + "┤",
        "  ┬" + "─" * 18 + "┬" + "─" * 17 + "┬" + "─" * 25 + "┬",
        "  $30,000" + " " * 9 + "$35,000" + " " * 11 + "$40,000" + " " * 16 + "$47,000",
        # The seed page gives a "salary range", not percentiles: named as it does.
        "  ├─┤ salary range   ● average",
    ]


def test_percentile_band_median_and_lower_bound() -> None:
    roles = [MIXED.role("surgeon"), MIXED.role("analyst")]
    output = draw(drawn.comparison(compare(roles, [Section.SALARY])), 80)
    lines = [line.rstrip() for line in output.splitlines()]
    start = lines.index("Surgeons, All Other")
    # Axis from the analyst's $83,000 average to the surgeon's top-coded $239,200 (64
    # cells): the surgeon's range starts at $97,700 (cell 6), the 25th-75th band at
    # $187,000 (cell 42); median, average and the top end are lower bounds on the last
    # cell, so an arrow past the axis says "or more".
    assert lines[start : start + 7] == [
        "Surgeons, All Other",
        "  " + " " * 6 + "├" + "─" * 35 + "━" * 21 + "●▶",
        "Data Analyst",
        "  ●",
        "  ┬──────────────────────────┬───────────────────┬───────────────┬",
        "  $83,000" + " " * 16 + "$150,000" + " " * 12 + "$200,000" + " " * 3 + "≥ $239,200",
        "  ├─┤ 10th–90th percentile   ━ 25th–75th   ● average   ▶ or more",
    ]


def test_pictures_read_without_colour_and_colour_only_adds(dataset: Dataset) -> None:
    plain = draw(seed(dataset), 100)
    coloured = draw(seed(dataset), 100, colour=True)
    assert "\x1b" not in plain
    assert "█" in plain and "├" in plain and "●" in plain
    assert re.search(r"\x1b\[36m█+", coloured)  # bars in cyan on a colour terminal
    unstyled = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert [line.rstrip() for line in unstyled.splitlines()] == plain.splitlines()


def test_no_color_keeps_the_pictures(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    coloured = draw(seed(dataset), 100, colour=True)
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", coloured)
    assert "█" in coloured and "●" in coloured


def test_plain_means_numbers_only(dataset: Dataset) -> None:
    output = draw(seed(dataset, charts=False), 100)
    for glyph in "█▏▎▍▌▋▊▉├┤●┃━":
        assert glyph not in output
    result = run([*SEED, "--plain"], width=100)
    assert result.exit_code == 0 and "█" not in result.stdout
    assert run([*SEED, "--no-charts"], width=100).stdout == result.stdout


@pytest.mark.parametrize("width", [80, 100])
def test_three_and_four_roles_mark_highest_and_lowest(dataset: Dataset, width: int) -> None:
    roles = [*(dataset.role(s) for s in SEED), MIXED.role("analyst"), MIXED.role("tricky")]
    for count in (3, 4):
        output = draw(drawn.comparison(compare(roles[:count])), width)
        assert max(len(line) for line in output.splitlines()) <= width
        assert "…" not in output and "Difference" not in output
        assert "▲ marks a row's highest figure, ▼ its lowest." in output
    output = draw(drawn.comparison(compare(roles[:3]), charts=False), 100)
    assert re.search(r"Yearly salary\s+\$35,695 ▼\s+\$37,938\s+\$83,000 ▲", output)
    assert re.search(r"Number of jobs\s+148,258 ▲\s+40,113 ▼\s+100,000\n", output)


def test_markdown_and_csv_formats_on_the_command_line() -> None:
    markdown = run([*SEED, "--format", "markdown", "-s", "salary"])
    assert markdown.exit_code == 0
    assert "| Average salary | $35,695 | **$37,938** | +$2,243 (+6.3%) |" in markdown.stdout
    csv = run([*SEED, "-f", "csv", "-s", "salary"])
    assert "salary,average_salary,collections-coordinator,37938,USD/year," in csv.stdout
    clash = run([*SEED, "--json", "--format", "csv"])
    assert clash.exit_code == 2


@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_export_is_a_report_of_every_section(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    result = run([*SEED, "--export", str(path)], width=100)
    assert result.exit_code == 0
    assert "Collections Coordinator" in result.stdout  # the terminal still gets the tables
    report = path.read_text(encoding="utf-8")
    if suffix == ".svg":
        assert report.startswith("<svg") and "</svg>" in report
        report = report.replace("&#160;", " ")
    else:
        assert report.lstrip().lower().startswith("<!doctype html>")
        assert "<title>Patient account coordinators vs collections coordinators</title>" in report
    assert not re.search(r"url\((?!#)|<link|<script|<img", report)  # nothing to fetch
    expected = ["Overview", "Salary", "Education", "Demographics", "Duties and responsibilities",
                "Skills", "Sources", "$35,695", "$37,938", "+$2,243 (+6.3%)", "88.0%",
                "Customer Service, 15%"]  # fmt: skip
    for text in expected:
        assert text in report, text


def test_export_needs_an_html_or_svg_name(tmp_path: Path) -> None:
    result = run([*SEED, "--export", str(tmp_path / "report.pdf")])
    assert result.exit_code == 2
    assert not (tmp_path / "report.pdf").exists()


def test_hourly_percentiles_get_their_own_axis() -> None:
    """An hour's pay and a year's never share an axis: hourly percentiles (BLS publishes
    them for occupations paid by the hour) are drawn on a second one, named."""
    from jobcompare.model import Amount, Percentiles, Role, Salary

    hours = Percentiles(Amount(17.5), Amount(19.1), Amount(23.82), Amount(40.0), Amount(66.48))
    actor = Role("actor", "Actor", salary=Salary(hourly=Amount(33.0), hourly_percentiles=hours))
    clerk = Role(
        "clerk",
        "Clerk",
        salary=Salary(average=Amount(40000), hourly=Amount(19.23), range=None,
                      percentiles=Percentiles(Amount(30000), None, None, None, Amount(52000))),
    )  # fmt: skip
    output = draw(drawn.comparison(compare([actor, clerk], [Section.SALARY])), 80)
    lines = [line.rstrip() for line in output.splitlines()]
    assert "Hourly median" in output and "Hourly 10th percentile" in output
    row = next(line for line in lines if line.startswith("Hourly 90th percentile"))
    assert row.split()[-2:] == ["$66.48", "—"]
    hourly = lines.index("Hourly pay")
    assert lines[hourly + 1] == "Actor"
    assert lines[hourly + 3] == "Clerk"
    assert lines[hourly + 4].strip() == ""  # no hourly percentiles: nothing drawn
    assert lines[hourly + 5].lstrip().startswith("┬")  # the ruler, then its labels
    labels = lines[hourly + 6].split()
    assert (labels[0], labels[-1]) == ("$17.50", "$66.48")
    # The yearly axis above it holds only the clerk's yearly figures.
    assert "$30,000" in output and "$52,000" in output


def test_skill_bars_line_up_when_names_hold_control_characters() -> None:
    """Names are measured as printed (control characters removed), so bars start in one
    column whatever the data holds."""
    roles = [MIXED.role("tricky"), MIXED.role("analyst")]
    output = draw(drawn.comparison(compare(roles, [Section.SKILLS])), 90)
    rows = [line for line in output.splitlines() if line[:1] in "12" and "█" in line]
    assert len(rows) == 2
    starts = {line.index("█") for line in rows}
    assert len(starts) == 1, rows
