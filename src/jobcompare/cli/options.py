"""The options and arguments several commands share, declared once (as sqlite-utils'
``output_options``), and the one place errors become Typer's usage boxes or exit codes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.types import StringParamType
from typer._types import TyperChoice

from jobcompare.errors import (
    AreaError,
    DatasetError,
    ExitStatus,
    FieldError,
    PayError,
    StateError,
    failure,
)
from jobcompare.output.dispatch import (
    DEFAULT_OPTIONS,
    Outcome,
    dispatch,
    export_suffixes,
    exports_help,
    formats,
    formats_help,
)
from jobcompare.output.options import Options
from jobcompare.registry.section import Section
from jobcompare.text import join_words, safe

if TYPE_CHECKING:
    from jobcompare.engine.pay import YourPay


class _PlainType(StringParamType):
    """Text whose type the help leaves unsaid (Typer would print "<str>")."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return ""


class _PathType(_PlainType):
    """A path, its type unsaid."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        return Path(value)


PLAIN = _PlainType()
PATH = _PathType()


def complete_role(ctx: Any, incomplete: str) -> list[str]:
    """Role slugs for shell completion; silent on any dataset problem."""
    # While completing, parameters may still be the raw strings from the command line.
    data = ctx.params.get("data") if ctx is not None else None
    data = data or os.environ.get("JOBCOMPARE_DATA") or None
    try:
        from jobcompare.sources.roles import open_source

        roles = open_source(None if data is None else Path(data)).listing
    except (DatasetError, OSError):
        return []
    prefix = incomplete.lower()
    return [r.slug for r in roles if r.slug.startswith(prefix)]


def at_least_one(value: int | None) -> int | None:
    """For a count (--top, --limit): checked here, not by an IntRange, whose range the
    help would print as "[x>=1]" beside a plain N."""
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a count: give 1 or more")
    return value


def sections(values: list[str] | None) -> list[Section] | None:
    """``-s salary -s skills`` and ``-s salary,skills`` alike, in any case."""
    if not values:
        return None
    found: list[Section] = []
    for value in values:
        for name in value.split(","):
            try:
                found.append(Section(name.strip().lower()))
            except ValueError:
                valid = ", ".join(f"'{s.value}'" for s in Section)
                raise typer.BadParameter(
                    f"'{safe(name)}' is not one of {valid}.", param_hint="'--section' / '-s'"
                ) from None
    return found


def format_option(rows: str | None = None, *, default: str = "table") -> Any:
    """The --format option of a command whose CSV has ``rows`` ("one row per area"): every
    format the output dispatch knows."""
    return typer.Option(
        "--format",
        "-f",
        click_type=TyperChoice(formats(), case_sensitive=False),
        metavar="FORMAT",
        help=formats_help(rows, default) + ".",
        show_default=False,
    )


def search_option(help: str) -> Any:
    """``--search TEXT`` (``-q``), saying what it searches."""
    return typer.Option("--search", "-q", metavar="TEXT", help=help)


def chosen_format(ctx: typer.Context, output_format: str | None, json: bool,
                  export: Path | None = None, *, default: str = "table") -> str:  # fmt: skip
    """The format asked for (``default`` when none is); a usage error for options that
    contradict each other."""
    if json:
        if output_format not in (None, "json"):
            raise typer.BadParameter(
                "--json is --format json: give one or the other", ctx=ctx, param_hint="'--json'"
            )
        output_format = "json"
    suffixes = export_suffixes()
    if export is not None and export.suffix.lower() not in suffixes:
        raise typer.BadParameter(
            f"'{safe(export.name)}': FILE must end in {join_words(suffixes, conjunction='or')}",
            ctx=ctx,
            param_hint="'--export'",
        )
    return output_format or default


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="JOBCOMPARE_DATA",
        show_envvar=True,
        metavar="PATH",
        help="Your own roles, added to the bundled ones: a TOML file, or a folder of them "
        "(--only-data: these alone).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
FormatOption = Annotated[str | None, format_option()]
SectionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--section",
        "-s",
        metavar="NAME",
        help="Show only these sections (repeat, or separate with commas): "
        + ", ".join(s.value for s in Section)
        + ". Default: all.",
        show_default=False,
    ),
]
PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        "--no-charts",
        help="Numbers only: no bars or salary chart (tables and exports).",
    ),
]


def export_option(rows: str | None = None) -> Any:
    """The --export option of a command whose CSV has ``rows``: every file the output
    dispatch writes, chosen by its suffix."""
    return typer.Option(
        "--export",
        metavar="FILE",
        help="Also save the result, in the format its suffix names: " + exports_help(rows) + ".",
    )


ExportOption = Annotated[Path | None, export_option()]
AllDutiesOption = Annotated[
    bool,
    typer.Option(
        "--all-duties",
        help="Every duty and technology skill in the tables (by default the first 6 "
        "duties and 10 technology skills; JSON and CSV always carry all).",
    ),
]
FullOption = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Everything: every row (distributions, percentiles, the median by year, who "
        "leaves, AI exposure, relative standard errors, weekly pay by sex, BLS's reasons "
        "quoted whole, the "
        "summary and the skill gap block beside the key differences) and every item of "
        "every list. By default a "
        "comparison of official occupations is concise; Markdown, JSON and CSV always carry "
        "everything.",
    ),
]
TitleOption = Annotated[
    str | None,
    typer.Option(
        "--title",
        metavar="TEXT",
        help="The title of the HTML page (by default the roles' names); also the Markdown heading.",
        show_default=False,
    ),
]
ForOption = Annotated[
    str | None,
    typer.Option(
        "--for",
        metavar="NAME",
        help="Whom the HTML page is for, said under its title with the date "
        '("Prepared for NAME · 6 December 2026").',
        show_default=False,
    ),
]


def page_options(*, plain: bool, full: bool, title: str | None, prepared_for: str | None,
                 detail: bool = False) -> Options:  # fmt: skip
    """The options of a command that draws a handed-over page: its title, whom it is
    for and today's date (``SOURCE_DATE_EPOCH``'s, when set, as reproducible builds do)."""
    import datetime

    today = datetime.date.today()
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    # Not a time: today's date, as without it.
    with suppress(ValueError, OverflowError, OSError):
        if epoch:
            today = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return Options(charts=not plain, full=full, detail=detail, title=title or None,
                   prepared_for=prepared_for or None, date=today)  # fmt: skip


#: One role, as ``show``, ``where`` and ``moves`` take it.
RoleArgument = Annotated[
    str,
    typer.Argument(
        metavar="ROLE",
        click_type=PLAIN,
        help="Slug, SOC code, title (any case) or a name people use (see 'jobcompare search').",
        autocompletion=complete_role,
    ),
]
AreaOption = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        "-a",
        metavar="AREA",
        help="Figures for an area: a state (TX, texas), a metro area (any unambiguous part "
        "of its name: austin) or a BLS area code; repeat for 2-4 areas with one role. "
        "See 'jobcompare areas'.",
        show_default=False,
    ),
]
AdjustOption = Annotated[
    bool,
    typer.Option(
        "--adjust",
        help="With --area: also show pay divided by the area's price level (BEA Regional "
        "Price Parity 2024), beside the nominal pay.",
    ),
]
PayOption = Annotated[
    str | None,
    typer.Option(
        "--pay",
        metavar="AMOUNT",
        click_type=PLAIN,
        help="Where this pay falls among BLS's published percentiles (10th, 25th, median, "
        "75th, 90th; never interpolated), nationally and in each --area (with --adjust, "
        "also among the area's price-adjusted ones): a year's pay in dollars (85000, 85,000, "
        "$85,000) or an hour's (27.50/h, 27.50/hr, '27.50 an hour', or --hourly).",
        show_default=False,
    ),
]
HourlyOption = Annotated[
    bool,
    typer.Option(
        "--hourly",
        help="--pay is an hour's pay (as 27.50/h), placed among BLS's hourly percentiles.",
    ),
]


def your_pay(ctx: typer.Context, text: str | None, hourly: bool) -> YourPay | None:
    """--pay's amount (engine.pay.YourPay), or None without it: a usage error under
    --pay for an amount it cannot take, under --hourly without --pay."""
    if text is None:
        if hourly:
            raise typer.BadParameter(
                "--hourly says --pay is an hour's pay: give the amount with --pay "
                "(e.g. --pay 27.50 --hourly)", ctx=ctx, param_hint="'--hourly'",
            )  # fmt: skip
        return None
    from jobcompare.engine.pay import parse_pay

    try:
        return parse_pay(text, hourly)
    except PayError as error:
        raise typer.BadParameter(safe(str(error)), ctx=ctx, param_hint="'--pay'") from None


LimitOption = Annotated[
    int,
    typer.Option(
        "--limit", "-n", callback=at_least_one, metavar="N", help="At most N results (default 20)."
    ),
]


# -- output and errors --------------------------------------------------------------------


def hand_over(
    ctx: typer.Context,
    outcome: Outcome,
    output_format: str,
    *,
    export: Path | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> None:
    """Hand the outcome to the output, then exit with its status."""
    with exit_codes(ctx):
        dispatch(outcome, output_format, export=export, options=options)
    if outcome.status is not ExitStatus.OK:
        raise typer.Exit(outcome.status)


@contextmanager
def exit_codes(ctx: typer.Context, role_hint: str = "'ROLE...'") -> Iterator[None]:
    """Errors become their message and exit status (errors.failure decides both). Every
    usage error is reported the one way, by Typer, under the option or argument it is
    about (of a hint like "'ROLE...' / '--area'", the one the error concerns), its lines
    (candidates for an ambiguous name, one line per argument that failed) kept and
    wrapped to the terminal."""
    try:
        yield
    except Exception as error:
        found = failure(error)
        if found is None:
            raise
        if found.status is ExitStatus.USAGE_ERROR:
            message = _usage_lines(found.messages)
            hint = _hint_for(error, role_hint)
            usage = typer.BadParameter(message, ctx=ctx, param_hint=hint)
            if not found.after:
                raise usage from None
            # Lines a box would wrap mid-word (a candidate's slug) come after it, whole.
            _show(usage)
            for line in found.after:
                typer.echo(line, err=True)
            raise typer.Exit(found.status) from None
        for message in found.messages:
            typer.echo(message, err=True)
        raise typer.Exit(found.status) from None


def _show(usage: typer.BadParameter) -> None:
    """A usage error drawn as Typer draws every other one (its box, or Click's plain
    lines when the command has no Rich markup)."""
    if getattr(usage.ctx.command if usage.ctx else None, "rich_markup_mode", None) is None:
        usage.show()
        return
    from typer import rich_utils

    rich_utils.rich_format_error(usage)


def _hint_for(error: Exception, role_hint: str) -> str:
    """The part of a combined hint the error is about: --area for an area that is not
    found, --fields for a field; the roles otherwise."""
    parts = role_hint.split(" / ")
    if len(parts) == 1:
        return role_hint
    wanted = "'--in'" if isinstance(error, StateError) else \
        "'--area'" if isinstance(error, AreaError) else \
        "'--fields'" if isinstance(error, FieldError) else None  # fmt: skip
    if wanted in parts:
        return wanted
    rest = [p for p in parts if p not in ("'--area'", "'--fields'", "'--in'")]
    return " / ".join(rest) or role_hint


def _usage_lines(messages: tuple[str, ...]) -> str:
    """The messages as the error box's text: one line each (a message's own lines kept),
    an indented line (a candidate) wrapped under itself to fit inside the box."""
    import shutil
    import textwrap

    room = max(shutil.get_terminal_size().columns - 4, 30)  # the box's borders and padding
    out: list[str] = []
    for line in "\n".join(messages).splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not indent:
            out.append(line)  # the box wraps a first line after the hint it follows
            continue
        out += textwrap.wrap(line.lstrip(" "), room, initial_indent=" " * indent,
                             subsequent_indent=" " * (indent + 4),
                             break_on_hyphens=False) or [line]  # fmt: skip
    return "\n".join(out)
