"""The handout: the HTML page a counsellor hands over (``--export FILE.html``, ``-f html``
of ``compare`` and ``show``): its title line, whom it is for and the date, plain words
(no option names, no database terms), and that it prints on few pages."""

from __future__ import annotations

import re

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
    assert "--all-duties shows all" in terminal


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
    assert plain.startswith("# Registered Nurses vs Nurse Practitioners\n\nNurse")
    made = run([*TWO, "--format", "markdown", "--title", "Two paths", "--for", "Maria"],
               bundled=True).stdout  # fmt: skip
    assert made.startswith("# Two paths\n\n*Prepared for Maria · 6 December 2026*\n\nNurse")


def test_the_date_is_today_without_source_date_epoch() -> None:
    import datetime

    from jobcompare.text import long_date

    made = run([*TWO, "--format", "html"], bundled=True, env={"SOURCE_DATE_EPOCH": None})
    assert html_text(made.stdout).splitlines()[1] == long_date(datetime.date.today())
