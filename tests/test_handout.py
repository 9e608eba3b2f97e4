"""The handout: the HTML page a counsellor hands over (``--export FILE.html``, ``-f html``
of ``compare`` and ``show``): its title line, whom it is for and the date, plain words
(no option names, no database terms), and that it prints on few pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run
from tests.htmltext import html_text

TWO = ("registered-nurses", "nurse-practitioners")
FOUR = ("actors", "registered-nurses", "nurse-practitioners", "pediatric-surgeons")

#: What a client does not read: option names, O*NET's column, "pp", the command's names.
TOOL_WORDS = re.compile(r"--[a-z]|Recommend Suppress|\bpp\b|\bslug\b|jobcompare (show|compare)")


def page(*args: str) -> str:
    result = run([*args, "--format", "html"], bundled=True)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    "args", [TWO, FOUR, ("show", "registered-nurses"), ("compare", "actors", "registered-nurses")]
)
def test_the_page_says_no_option_names_and_no_database_terms(args: tuple[str, ...]) -> None:
    text = html_text(page(*args))
    assert not TOOL_WORDS.search(text), TOOL_WORDS.search(text)
    # ... while the terminal keeps them, for the person at the command line.
    terminal = run([*args, "--format", "table"], width=120, bundled=True).stdout
    assert re.search(r"--(all-duties|full) (shows all|lists them)", terminal)


def test_the_page_keeps_its_sources_and_the_onet_attribution() -> None:
    text = " ".join(html_text(page(*TWO)).split())
    assert "Sources" in text
    assert "used under the CC BY 4.0 license" in text
    assert "O*NET® is a trademark of USDOL/ETA" in text
    assert "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics" in text


def test_a_difference_of_percentages_is_in_points_on_the_page_pp_in_the_terminal() -> None:
    text = html_text(page(*TWO))
    assert "+35.2 points" in text  # projected change, 4.9% -> 40.1%
    assert "+35.2 pp" in run(list(TWO), width=120, bundled=True).stdout


def test_the_title_names_the_roles_as_a_sentence_does_and_the_date_is_today() -> None:
    text = html_text(page(*TWO)).splitlines()
    assert text[:2] == ["Registered nurses vs nurse practitioners", "6 December 2026"]
    assert "<title>Registered nurses vs nurse practitioners</title>" in page(*TWO)
    shown = html_text(page("show", "registered-nurses")).splitlines()
    assert shown[:3] == [
        "Registered nurses",
        "6 December 2026",
        "SOC 29-1141 · Healthcare Practitioners and Technical",
    ]


def test_title_and_for_make_the_title_line() -> None:
    args = ("--title", "Nursing <two> paths", "--for", "Maria & José")
    made = page(*TWO, *args)
    assert "<h1>Nursing &lt;two&gt; paths</h1>" in made
    assert html_text(made).splitlines()[1] == "Prepared for Maria & José · 6 December 2026"
    shown = page("show", "actors", "--for", "Sam")
    assert html_text(shown).splitlines()[:2] == ["Actors", "Prepared for Sam · 6 December 2026"]
    # JSON and CSV are data: the same with and without them.
    for output in ("json", "csv"):
        with_them = run([*TWO, *args, "--format", output], bundled=True).stdout
        assert with_them == run([*TWO, "--format", output], bundled=True).stdout


def test_title_and_for_head_the_markdown_only_when_given() -> None:
    plain = run([*TWO, "--format", "markdown"], bundled=True).stdout
    assert plain.startswith("# Registered Nurses vs Nurse Practitioners\n\n## Key differences")
    made = run([*TWO, "--format", "markdown", "--title", "Two paths", "--for", "Maria"],
               bundled=True).stdout  # fmt: skip
    assert made.startswith(
        "# Two paths\n\n*Prepared for Maria · 6 December 2026*\n\n## Key differences"
    )


def test_the_date_is_today_without_source_date_epoch() -> None:
    import datetime

    from jobcompare.text import long_date

    made = run([*TWO, "--format", "html"], bundled=True, env={"SOURCE_DATE_EPOCH": None})
    assert html_text(made.stdout).splitlines()[1] == long_date(datetime.date.today())


# -- printing ---------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def printed_pages(report: Path, paper: str, folder: Path) -> int:
    """How many pages headless Chromium prints ``report`` on, on ``paper`` (Letter, A4)."""
    sized = folder / f"{report.stem}-{paper}.html"
    # The page leaves the paper to the printer; here it is set as a reader's printer would.
    sized.write_text(
        report.read_text("utf-8").replace("</style>", f"@page {{ size: {paper}; }}</style>", 1),
        "utf-8",
    )
    pdf = folder / f"{sized.stem}.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer",
         f"--user-data-dir={folder / 'profile'}", "--virtual-time-budget=2000",
         f"--print-to-pdf={pdf}", sized.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


#: The pages a handout of two and of four official roles may print on (issue 19), on
#: Letter and on A4 alike.
ASKED = {2: 2, 4: 3}


def _printed(roles: tuple[str, ...], paper: str, folder: Path) -> int:
    report = folder / "handout.html"
    result = run([*roles, "--export", str(report)], bundled=True)
    assert result.exit_code == 0, result.stderr
    return printed_pages(report, paper, folder)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("roles", [TWO, FOUR])
@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_handout_prints_on_the_pages_asked(
    roles: tuple[str, ...], paper: str, tmp_path: Path
) -> None:
    pages = _printed(roles, paper, tmp_path)
    assert 1 <= pages <= ASKED[len(roles)], f"{len(roles)} roles: {pages} pages of {paper}"


# -- charts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("roles", [TWO, FOUR, ("patient-account-coordinator",
                                                "collections-coordinator")])  # fmt: skip
def test_the_salary_chart_labels_a_round_figure_between_its_ends_at_every_width(
    roles: tuple[str, ...], width: int
) -> None:
    lines = run([*roles, "-s", "salary"], width=width, bundled=True).stdout.splitlines()
    rulers = [i for i, line in enumerate(lines) if line.lstrip().startswith("┬")]
    assert rulers
    for ruler in rulers:
        labels = lines[ruler + 1].split()
        assert len(labels) >= 3, (width, lines[ruler + 1])  # the ends and one between
        assert lines[ruler].count("┬") == len(labels)
        assert max(map(len, lines[ruler : ruler + 2])) <= width


def test_the_html_chart_names_every_role_whole_and_labels_ticks() -> None:
    long = "first-line-supervisors-of-office-and-administrative-support-workers"
    made = page("actors", long, "nurse-practitioners", "pediatric-surgeons", "-s", "salary")
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", made, flags=re.S)
    assert len(charts) == 2  # yearly and hourly
    for chart in charts:
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
        assert "First-Line Supervisors of Office and Administrative Support Workers" in texts
        assert not any("…" in t for t in texts)
        # The ends and at least one round figure between, each with its tick.
        figures = [t for t in texts if t.startswith("$")]
        assert len(figures) >= 3, figures
        assert chart.count('class="rule"') == len(figures) + 1  # ticks, and the axis line


def test_full_adds_every_figure_as_an_appendix_after_the_handout() -> None:
    concise = html_text(page(*TWO))
    full = html_text(page(*TWO, "--full"))
    # The concise page first, whole; then every row, after its sources, as an appendix.
    assert full.startswith(concise.split("Made with jobcompare")[0].rstrip())
    appendix = full.split("Appendix: the full comparison", 1)[1]
    assert "Less than high school" in appendix and "Skill gap" in appendix
    # The appendix says why its own gaps are gaps (RNs' suppressed bachelor's share).
    assert "Required bachelor's degree" in appendix.split("Not published", 1)[1]
    assert "Less than high school" not in concise
