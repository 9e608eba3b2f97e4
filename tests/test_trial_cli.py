"""Findings of the second new-user trial: every listing fits the terminal, errors share
one format, help says what the commands do, and script outputs stay regular."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.conftest import error_box, flat, run

URL = re.compile(r"https?://\S+")


def _fits(text: str, width: int) -> list[str]:
    """The lines wider than ``width`` (a URL, which must stay copyable, is let through)."""
    return [line for line in text.splitlines() if len(line) > width and not URL.search(line)]


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize(
    "args",
    [
        ["where", "registered-nurses", "--top", "5"],
        ["where", "registered-nurses", "--top", "5", "--by", "mean"],
        ["areas", "--search", "san"],
        ["sources"],
    ],
)
def test_listings_fit_the_terminal(args: list[str], width: int) -> None:
    result = run(args, width=width, bundled=True)
    assert result.exit_code == 0, result.stderr
    assert _fits(result.stdout, width) == []


def test_narrow_where_keeps_every_figure_and_drops_only_the_bars() -> None:
    wide = run(["where", "registered-nurses", "--top", "5"], width=120, bundled=True).stdout
    narrow = run(["where", "registered-nurses", "--top", "5"], width=60, bundled=True).stdout
    assert "█" in wide and "█" not in narrow
    for figure in ("$216,740", "$196,282", "22,930", "0.93"):
        assert figure in wide and figure in narrow


def test_sources_wrap_under_their_label() -> None:
    out = run(["sources"], width=60, bundled=True).stdout
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if "attribution:" in line)
    assert lines[first + 1].startswith(" " * 15) and lines[first + 1].strip()


def test_where_too_narrow_for_columns_lists_each_area_with_labelled_figures() -> None:
    out = run(["where", "registered-nurses", "--top", "3", "--by", "mean"], width=60,
              bundled=True).stdout  # fmt: skip
    assert "1  San Jose-Sunnyvale-Santa Clara, CA" in out
    for pair in ("Median pay $216,740", "Employment 22,930", "LQ 0.93", "Average pay $194,950"):
        assert any(pair in line for line in out.splitlines()), pair


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["table", "nosuch", "zzyzx"], "'ROLE...'"),
        (["table", "--fields", "foo,bar"], "'--fields'"),
        (["table", "--all", "--area", "ohio", "--fields", "foo"], "'--fields'"),
        (["show", "teacher"], "'ROLE'"),
        (["nosuch", "zzyzx"], "'ROLE...'"),
        (["registered-nurses", "--area", "narnia"], "'--area'"),
        (["table", "registered-nurses", "--area", "narnia"], "'--area'"),
        (["where", "zzyzx"], "'ROLE'"),
    ],
)
@pytest.mark.parametrize("width", [60, 100])
def test_every_usage_error_is_one_box_under_what_it_is_about(
    args: list[str], hint: str, width: int
) -> None:
    result = run(args, width=width, bundled=True)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "jobcompare: error" not in result.stderr
    box = error_box(result.stderr)
    assert box[0].startswith(f"Invalid value for {hint}: ")
    # The box fits; a name's candidates come after it, whole lines however long.
    drawn = [line for line in result.stderr.splitlines() if not line.startswith(("  ", "'"))]
    assert all(len(line) <= width for line in drawn)


def test_every_failed_field_and_the_hint_stay_inside_the_box() -> None:
    box = error_box(run(["table", "--fields", "foo,bar"], width=80, bundled=True).stderr)
    assert box == [
        "Invalid value for '--fields': unknown field 'foo'",
        "unknown field 'bar'",
        "(jobcompare table --fields list: every field)",
    ]


@pytest.mark.parametrize("width", [60, 80])
def test_ambiguous_name_candidates_are_whole_lines_after_the_box(width: int) -> None:
    # A slug longer than the box is never broken: each candidate's SOC code and slug are
    # one line after the box, its title and why it matched the next; either pastes back.
    stderr = run(["show", "teacher"], width=width, bundled=True).stderr
    box = error_box(stderr)
    assert flat(" ".join(box)).endswith("name one by its slug or SOC code, as listed below.")
    after = stderr.split("╯\n", 1)[1].splitlines()
    assert after[0] == "'teacher': SOC code, slug, title"
    found = [re.fullmatch(r"  (\d\d-\d{4})  ([a-z0-9-]+)", line) for line in after[1:]]
    codes = [(m[1], m[2]) for m in found if m]
    assert len(codes) == 8 and after[-1].startswith("  ... and ")
    assert max(len(slug) for _, slug in codes) > width - 12  # longer than the box holds
    for code, slug in codes[:2]:
        by_slug = run(["show", slug, "-s", "salary"], width=width, bundled=True)
        assert by_slug.exit_code == 0 and by_slug.stderr == ""  # a slug needs no note
        by_code = run(["show", code, "-s", "salary"], width=width, bundled=True)
        assert by_code.exit_code == 0 and by_code.stderr.startswith(f"'{code}' → ")
        assert by_code.stderr.rstrip().endswith(f"({code})")


@pytest.mark.parametrize("width", [60, 80, 100, 120])
def test_command_list_descriptions_wrap_to_the_terminal_not_the_source(width: int) -> None:
    out = run(["--help"], width=width).stdout
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("│ sources "))
    text = flat("\n".join(lines[at : at + 4]))
    assert "licence, attribution and how many" in text
    # the first line is filled to the box's edge, not broken after "attribution"
    assert not lines[at].rstrip("│ ").endswith("attribution")


def test_help_describes_what_each_option_really_takes() -> None:
    where = flat(run(["where", "--help"], width=200).stdout)
    assert "x>=1" not in where and "<int range>" not in where
    assert "csv (one row per area)" in where
    moves = flat(run(["moves", "--help"], width=200).stdout)
    assert "csv (one row per move)" in moves
    compare = flat(run(["compare", "--help"], width=200).stdout)
    assert "one with 2-4 --area" in compare and "a name people use" in compare
    top = flat(run(["--help"], width=200).stdout)
    assert "jobcompare --data my.toml list" in top


@pytest.mark.parametrize("by", ["median", "mean", "lq"])
def test_where_csv_is_one_typed_row_per_area(by: str) -> None:
    out = run(["where", "registered-nurses", "--by", by, "-f", "csv"], bundled=True).stdout
    records = list(csv.DictReader(io.StringIO(out)))
    assert len(records) == 20
    for record in records:
        assert re.fullmatch(r"\d+", record["rank"]), record
        assert re.fullmatch(r"\d{7}", record["area_code"]), record
        for column in ("median", "employment", "location_quotient", "rpp"):
            assert record[column] == "" or float(record[column]) >= 0
        # a figure is empty only where the row says why
        if record["rpp"] == "":
            assert record["missing"].startswith("adjusted pay: ")


@pytest.mark.parametrize(
    "args",
    [["list", "--json"], ["search", "nurse", "--json"], ["sources", "--json"],
     ["table", "registered-nurses", "-f", "json"]],
)  # fmt: skip
def test_listings_stay_bare_arrays_as_documented(args: list[str]) -> None:
    """README: wrapping them would break scripts reading them as arrays."""
    import json

    document = json.loads(run(args, bundled=True).stdout)
    assert isinstance(document, list) and document
    assert all(isinstance(item, dict) for item in document)


PAIR = ["registered-nurses", "software-developers", "-s", "skills"]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_the_bars_note_is_said_only_under_bars_drawn(width: int) -> None:
    out = run(PAIR, width=width, bundled=True).stdout
    assert ("█" in out) == ("Bars show O*NET's importance" in out)
    assert "(the bar)" not in out


def test_narrow_skills_draw_no_bars_and_say_none() -> None:
    out = run(PAIR, width=80, bundled=True).stdout
    assert "█" not in out and "Bars show" not in out


@pytest.mark.parametrize("args", [["-f", "html"], []])
def test_technology_skills_have_a_heading_and_no_blank_rows(args: list[str]) -> None:
    out = run([*PAIR, *args, "--full"], width=100, bundled=True).stdout
    if args:
        assert "<h3>Technology skills</h3>" in out
        return
    lines = out.splitlines()
    at = lines.index("Technology skills")
    first = next(i for i in range(at, len(lines)) if lines[i].startswith("1 "))
    assert lines[first + 1].startswith("2 ")  # no blank line between ranks


@pytest.mark.parametrize("width", [80, 120])
def test_moves_is_one_row_per_occupation_at_80_columns_and_up(width: int) -> None:
    result = run(["moves", "registered-nurses"], width=width, bundled=True)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not any(line.strip().startswith("Median pay $") for line in lines)  # not stacked
    row = next(line for line in lines if line.lstrip().startswith("1. Nurse Practitioners"))
    for figure in ("$132,300", "+$34,750", "40.1%", "4 → 5"):
        assert figure in row
    assert all(len(line) <= width for line in lines if not line.startswith("•"))


def test_moves_columns_are_as_wide_as_their_figures_and_names_get_the_rest() -> None:
    lines = run(["moves", "registered-nurses", "--by", "pay"], width=120, bundled=True)
    row = next(line for line in lines.stdout.splitlines()
               if line.startswith("4. Emergency Medicine Physicians"))  # fmt: skip
    # the name whole on its line; the figures close together after it
    assert re.search(r"Physicians +12 S +\$335,550 {1,4}\+\$238,000 {1,4}2\.7%", row), row


def test_moves_wrapped_names_stay_under_themselves() -> None:
    lines = run(["moves", "registered-nurses"], width=80, bundled=True).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "2. Licensed Practical" in line)
    assert lines[at + 1].startswith("     Licensed")  # under "Licensed", past "2. "
    stacked = run(["moves", "registered-nurses"], width=40, bundled=True).stdout.splitlines()
    for number, line in enumerate(stacked):
        if line.startswith("  2. Licensed Practical") and len(line) >= 38:
            assert stacked[number + 1].startswith("    ")


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_suggested_command_is_never_split(width: int) -> None:
    out = run(["show", "patient-account-coordinator"], width=width, bundled=True).stdout
    assert "jobcompare show bill-and-account-collectors" in out.splitlines()


def test_skill_gap_levels_all_have_two_decimals() -> None:
    out = run(["registered-nurses", "software-developers", "-s", "skills", "--full"], width=200,
              bundled=True).stdout  # fmt: skip
    assert "Systems Evaluation: 3.00 → 4.12 (+1.12)" in out
    assert "Technology Design: 1.12 → 3.62 (+2.50)" in out
    arrows = re.findall(r"(\S+) → (\S+)", out)
    assert arrows and all(re.fullmatch(r"\d\.\d\d", a) and re.fullmatch(r"\d\.\d\d", b)
                          for a, b in arrows)  # fmt: skip


def test_best_of_50_states_says_the_state_above_where_it_does_not_apply() -> None:
    args = ["registered-nurses", "bill-and-account-collectors", "-s", "salary", "--full"]
    out = flat(run(args, width=120, bundled=True).stdout)
    assert "Highest paying of the 50 states the state above Massachusetts: $59,710" in out
    import json

    document = json.loads(run([*args, "--json"], bundled=True).stdout)
    assert document["roles"][0]["salary"]["highest_paying_of_50_states"] is None  # still null


def test_each_source_is_its_own_bullet() -> None:
    out = run(
        ["registered-nurses", "software-developers", "--full"], width=200, bundled=True
    ).stdout
    ending = out[out.rindex("\nSources\n") :]
    bullets = [line for line in ending.splitlines() if line.startswith("• ")]
    assert any(
        b.startswith("• U.S. Bureau of Labor Statistics, Current Population") for b in bullets
    )
    assert any(
        b.startswith("• This product includes information from the O*NET 30.1") for b in bullets
    )
    assert not any("USDOL/ETA; " in b for b in bullets)  # no run-on of several sources


def test_html_sources_are_separate_items_that_can_flow_across_pages() -> None:
    page = run(["registered-nurses", "software-developers", "-f", "html", "--full"],
               bundled=True).stdout  # fmt: skip
    sources = page[page.rindex("<h2>Sources") :]
    items = re.findall(r"<li>(.*?)</li>", sources)
    assert len(items) >= 5
    assert not any("USDOL/ETA; " in item for item in items)
    # Small, in two columns, each item free to flow to the next column or page.
    assert "ul.notes { columns: 2;" in page


@pytest.mark.parametrize("width", [80, 120])
def test_the_seed_comparison_has_no_double_blank_line(width: int) -> None:
    out = run(["patient-account-coordinator", "collections-coordinator"], width=width).stdout
    assert "\n\n\n" not in out
    assert "company's policies and regulations.\n\nSalary ─" in out


def test_moves_leaves_out_an_index_that_only_repeats_the_row_number() -> None:
    same = run(["moves", "bill-and-account-collectors", "--top", "3"], width=100, bundled=True)
    assert "O*NET  " not in same.stdout and "index of relatedness" not in same.stdout
    assert re.search(r"1\. Credit Authorizers, Checkers, and Clerks +\$50,080", same.stdout)
    differs = run(["moves", "registered-nurses", "--top", "3"], width=100, bundled=True).stdout
    assert "index of relatedness" in differs
    assert re.search(r"1\. Nurse Practitioners +2 +\$132,300", differs)
