"""Renderers at fixed widths, with and without colour, and with hostile data."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from jobcompare.engine.compare import build_sections, compare
from jobcompare.output.terminal import draw as terminal
from jobcompare.registry.section import Section
from jobcompare.sources.dataset import Dataset, load_dataset
from jobcompare.text import use_stand_ins
from tests import drawn
from tests.conftest import SEED, TESTS

MIXED = load_dataset(TESTS / "datasets" / "mixed.toml")


def draw(renderables: list, width: int, **console: object) -> str:  # type: ignore[type-arg]
    buffer = io.StringIO()
    options: dict[str, object] = {"force_terminal": False, "color_system": None, **console}
    target = Console(file=buffer, width=width, highlight=False, markup=False, **options)  # type: ignore[arg-type]
    drawn.print_all(target, renderables)
    return buffer.getvalue()


def seed_output(dataset: Dataset, width: int, **console: object) -> str:
    roles = [dataset.role(s) for s in SEED]
    return draw(drawn.comparison(compare(roles)), width, **console)


def test_every_section_is_drawn_under_its_heading(dataset: Dataset) -> None:
    output = seed_output(dataset, 80)
    headings = [line.split(" ─")[0] for line in output.splitlines() if " ───" in line]
    assert headings == [s.heading for s in Section]


@pytest.mark.parametrize("width", [80, 120])
def test_nothing_is_cut_at_fixed_widths(dataset: Dataset, width: int) -> None:
    output = seed_output(dataset, width)
    assert max(len(line) for line in output.splitlines()) <= width
    assert "…" not in output
    # Every figure stands whole on one line, however the columns wrap.
    for figure in ["$35,695", "$37,938", "$17.16", "$18.24", "148,258", "40,113", "-8%",
                   "$30,000 – $41,000", "$30,000 – $47,000", "+$2,243 (+6.3%)",
                   "-108,145 (-72.9%)", "+14.6 pp", "12.0%", "88.0%", "26.6%", "73.4%",
                   "12.7%", "4.2%", "19.1%", "4.0%", "59.5%", "0.5%", "12.1%", "4.1%",
                   "20.8%", "3.6%", "59.0%", "Patients, 20%", "Appeals, 4% ◆"]:  # fmt: skip
        assert figure in output, figure


def test_salary_section_exact_output_at_80_columns(dataset: Dataset) -> None:
    roles = [dataset.role(s) for s in SEED]
    output = draw(drawn.comparison(compare(roles, [Section.SALARY]), charts=False), 80)
    section = output[output.index("Salary ─") :]
    section = section[: section.index("Sources")]
    assert [line.rstrip() for line in section.splitlines()] == [
        "Salary " + "─" * 73,
        "Patient account coordinators and collections coordinators have different pay",
        "scales, as shown below.",
        "                       Patient Account      Collections",
        "                       Coordinator          Coordinator          Difference",
        "─" * 80,
        "Average salary         $35,695              $37,938              +$2,243 (+6.3%)",
        "Hourly rate            $17.16               $18.24               +$1.08 (+6.3%)",
        "Salary range           $30,000 – $41,000    $30,000 – $47,000",
        "Highest paying city    —                    New York, NY",
        "Highest paying state   —                    Connecticut",
        "Best paying company    —                    University of",
        "                                            California,",
        "                                            Berkeley",
        "Best paying industry   —                    Professional",
        "",
    ]


def test_skills_mark_the_shared_ones(dataset: Dataset) -> None:
    roles = [dataset.role(s) for s in SEED]
    output = draw(drawn.comparison(compare(roles, [Section.SKILLS]), charts=False), 80)
    lines = [line.rstrip() for line in output.splitlines()]
    start = lines.index(next(line for line in lines if line.startswith("#")))
    assert lines[start + 2 : start + 8] == [
        "1   Patients, 20% ◆               Customer Service, 15%",
        "2   Patient Accounts, 10%         Patients, 12% ◆",
        "3   Credit Balances, 9%           Phone Calls, 6%",
        "4   Appeals, 7% ◆                 Collection Efforts, 4%",
        "5   Medical Billing, 4%           Delinquent Accounts, 4%",
        "6   Data Entry, 3%                Appeals, 4% ◆",
    ]
    assert "◆ listed for both roles" in output


def test_tables_fill_the_width_exactly(dataset: Dataset) -> None:
    rules = [line for line in seed_output(dataset, 80).splitlines() if set(line) == {"─"}]
    assert rules and all(len(line) == 80 for line in rules)


def test_plain_output_has_no_escape_codes_nor_trailing_blanks(dataset: Dataset) -> None:
    output = seed_output(dataset, 80)
    assert "\x1b" not in output
    assert all(line == line.rstrip() for line in output.splitlines())


def test_an_output_without_unicode_gets_ascii_stand_ins(dataset: Dataset) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    use_stand_ins(stream)  # as the command line does to its standard output
    roles = [dataset.role(s) for s in SEED]
    drawn.print_all(terminal.make_console(stream, width=80), drawn.comparison(compare(roles)))
    stream.flush()
    output = raw.getvalue().decode("ascii")
    assert re.search(r"Salary range[\s|]+\$30,000 - \$41,000[\s|]+\$30,000 - \$47,000", output)
    assert re.search(r"Highest paying city[\s|]+-[\s|]+New York, NY", output)
    assert "Appeals, 4% *" in output


def test_colour_on_a_terminal_highlights_the_higher_figure(dataset: Dataset) -> None:
    output = seed_output(dataset, 120, force_terminal=True, color_system="standard")
    assert re.search(r"\x1b\[1;32m\$37,938 *\x1b\[0m", output)  # bold green: the higher pay
    assert not re.search(r"\x1b\[[0-9;]*m\$35,695", output)


def test_no_color_removes_colour_but_keeps_layout(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    output = seed_output(dataset, 120, force_terminal=True, color_system="standard")
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", output)  # no foreground colour at all
    plain = seed_output(dataset, 120)
    unstyled = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert [line.rstrip() for line in unstyled.splitlines()] == plain.splitlines()


def test_data_is_never_markup_and_control_characters_never_print() -> None:
    roles = [MIXED.role("tricky"), MIXED.role("analyst")]
    output = draw(drawn.comparison(compare(roles)), 200, force_terminal=True)
    for hostile in ["\x1b[31m", "\x1b[0mred", "\x07", "\x1b]0;", "\x1b[2J"]:
        assert hostile not in output
    assert "[bold red]Tricky[/] Role" in output
    assert "[link=https://x.invalid]here[/link]" in output
    assert "[blink]Not markup[/blink]" in output
    assert "Line one [31mred[0m and a bell and a link" in output


def test_lower_bounds_show_as_such() -> None:
    roles = [MIXED.role("surgeon"), MIXED.role("analyst")]
    output = draw(drawn.comparison(compare(roles, [Section.SALARY])), 120)
    assert re.search(r"Average salary\s+≥ \$239,200\s+\$83,000\s*$", output, re.M)
    assert re.search(r"Salary range\s+\$97,700 – ≥ \$239,200\s+—\s*$", output, re.M)
    assert re.search(r"Median\s+≥ \$239,200\s+—\s*$", output, re.M)


def test_four_roles_at_100_columns_stay_whole() -> None:
    output = draw(drawn.comparison(compare(MIXED.roles)), 100)
    assert max(len(line) for line in output.splitlines()) <= 100
    assert "…" not in output
    assert "Difference" not in output


def test_profile_lists_unpublished_reasons() -> None:
    surgeon = MIXED.role("surgeon")
    output = draw(drawn.profile(surgeon, build_sections([surgeon])), 80)
    assert "SOC 29-1248" in output
    assert "• Hourly rate — Estimate not released." in output
    assert "• BLS OEWS, May 2025" in output


def test_rows_and_sections_without_any_figure_are_left_out() -> None:
    roles = [MIXED.role("surgeon"), MIXED.role("empty-role")]
    output = draw(drawn.comparison(compare(roles)), 100)
    assert "The dataset has no demographics figures for these roles." in output
    assert "The dataset has no duties figures for these roles." in output
    assert "Number of jobs" in output  # the surgeon has it: shown, with — for the other
    assert re.search(r"Number of jobs\s+26,350\s+—", output)
    assert "Growth rate" not in output  # neither has it


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_import_progress_bars_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from jobcompare.output.terminal.progress import progress_bars

    monkeypatch.setattr("sys.stderr", io.StringIO())
    with progress_bars() as factory:
        assert factory(SimpleNamespace(key="oews")) is None  # type: ignore[arg-type]
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with progress_bars() as factory:
        advance = factory(SimpleNamespace(key="oews"))  # type: ignore[arg-type]
        assert advance is not None
        advance(5, 10)
    assert "Importing oews" in terminal.getvalue()


def test_a_stacked_row_leaves_out_empty_texts() -> None:
    from jobcompare.output.blocks import Listing
    from jobcompare.output.terminal.plain import stacked_lines

    rows = (("my-role", "", None, "My Role"), ("nurse", "29-1141", "", "RN"))
    listing = Listing(("Slug", "Code", "Category", "Title"), rows)
    assert stacked_lines(listing, 30) == ["my-role", "  My Role", "nurse", "  29-1141 · RN"]
