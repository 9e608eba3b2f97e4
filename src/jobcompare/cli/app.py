"""The command line: Typer wiring only. Each command parses its options, calls its command
(jobcompare.commands), and hands the outcome to the one output dispatch; errors become
their message and exit status in one place (options.exit_codes, errors.failure).

Rich is imported only by the formats that draw, so ``--json``, ``-f csv`` and
``-f markdown`` never pay for it.
"""

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobcompare import __version__
from jobcompare.cli.group import (
    NO_COLOR_FLAG,
    ONLY_DATA_FLAG,
    Command,
    CompareByDefault,
    CompareCommand,
)
from jobcompare.cli.options import (
    PATH,
    PLAIN,
    AdjustOption,
    AreaOption,
    DataOption,
    ExportOption,
    FormatOption,
    JsonOption,
    LimitOption,
    PlainOption,
    RoleArgument,
    SectionOption,
    at_least_one,
    chosen_format,
    complete_role,
    exit_codes,
    format_option,
    sections,
)
from jobcompare.errors import ExitStatus
from jobcompare.output.blocks import Options
from jobcompare.output.dispatch import DEFAULT_OPTIONS, Outcome, dispatch
from jobcompare.registry.section import MAX_ROLES, MIN_ROLES

#: The end of every help page: exit codes, and where to read more.
EPILOG = (
    "Exit codes: 0 ok, 1 data error (dataset missing or invalid), 2 usage error (unknown "
    "role, section or option). More: the README (jobcompare's project page; 'pip show -f "
    "jobcompare' says where it is installed) and docs/dataset.md for your own roles."
)

app = typer.Typer(
    cls=CompareByDefault,
    name="jobcompare",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EPILOG,
)


def main() -> None:
    """Console-script entry point: the command line, its output streams guarded."""
    from jobcompare.output.streams import run

    sys.exit(run(lambda: app(prog_name="jobcompare")))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jobcompare {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
    no_color: Annotated[
        bool,
        typer.Option(NO_COLOR_FLAG, help="No colour (as NO_COLOR=1); it may come anywhere."),
    ] = False,
    only_data: Annotated[
        bool,
        typer.Option(
            ONLY_DATA_FLAG,
            help="Use only the roles of --data (or $JOBCOMPARE_DATA), not the bundled ones "
            "as well; it may come anywhere.",
        ),
    ] = False,
) -> None:
    """Compare job roles side by side: salary, overview, education, demographics, duties, skills.

    Example: jobcompare patient-account-coordinator collections-coordinator

    Options may come before the command: jobcompare --data my.toml list
    """
    if no_color:
        # What every colour decision reads (Rich's consoles): as if the user had set it.
        _set_for_this_run(ctx, "NO_COLOR")
    if only_data:
        from jobcompare.sources.roles import ONLY_DATA

        _set_for_this_run(ctx, ONLY_DATA)


def _set_for_this_run(ctx: typer.Context, name: str) -> None:
    """Set ``name=1`` in the environment until the command ends, then put back what was
    there: a flag must not outlive its own command (in tests, several run in one process)."""
    previous = os.environ.get(name)
    os.environ[name] = "1"

    def restore() -> None:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous

    ctx.call_on_close(restore)


def _output(
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


# -- comparing ----------------------------------------------------------------------------


@app.command("compare", cls=CompareCommand, epilog=EPILOG)
def compare_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            click_type=PLAIN,
            help=f"{MIN_ROLES} to {MAX_ROLES} roles (one with 2-4 --area): slug, SOC code, "
            "title (any case) or a name people use (see 'jobcompare search').",
            autocompletion=complete_role,
            show_default=False,
        ),
    ],
    section: SectionOption = None,
    output_format: FormatOption = "table",
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
    area: AreaOption = None,
    adjust: AdjustOption = False,
    all_duties: Annotated[
        bool,
        typer.Option(
            "--all-duties",
            help="Every duty and technology skill in the tables (by default the first 6 "
            "duties and 10 technology skills; JSON and CSV always carry all).",
        ),
    ] = False,
) -> None:
    """Compare 2-4 roles side by side (the default command: 'compare' may be left out).

    Example: jobcompare patient-account-coordinator collections-coordinator

    Example: jobcompare "Collections Coordinator" patient-account-coordinator -s salary --json

    Example: jobcompare 43-3011 43-3021 --format markdown > comparison.md

    Example: jobcompare 43-3011 43-3021 --export comparison.html

    Example: jobcompare registered-nurses --area ohio --area CA --area austin --adjust
    """
    output_format = chosen_format(ctx, output_format, json, export)
    if adjust and not area:
        raise typer.BadParameter(
            "--adjust divides an area's pay by its price level: give the area with --area "
            "(e.g. --area ohio --adjust)", ctx=ctx, param_hint="'--adjust'",
        )  # fmt: skip
    if area and section:
        raise typer.BadParameter(
            "an area comparison shows pay and jobs only: leave out --section with --area",
            ctx=ctx, param_hint="'--section'",
        )  # fmt: skip
    options = Options(charts=not plain, full=all_duties)
    if area:
        from jobcompare.commands.areas import compare_in_areas

        with exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
            outcome = compare_in_areas(roles, area, data, adjust=adjust)
    else:
        from jobcompare.commands.compare import compare

        with exit_codes(ctx):
            outcome = compare(roles, sections(section), data)
    _output(ctx, outcome, output_format, export=export, options=options)


@app.command("show", cls=Command, epilog=EPILOG)
def show_command(
    ctx: typer.Context,
    role: RoleArgument,
    section: SectionOption = None,
    output_format: FormatOption = "table",
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
) -> None:
    """Show one role's full profile.

    Example: jobcompare show collections-coordinator

    Example: jobcompare show registered-nurses --export nurses.html
    """
    from jobcompare.commands.compare import show

    output_format = chosen_format(ctx, output_format, json, export)
    with exit_codes(ctx, role_hint="'ROLE'"):
        outcome = show(role, sections(section), data)
    _output(ctx, outcome, output_format, export=export, options=Options(charts=not plain))


# -- areas --------------------------------------------------------------------------------


@app.command("areas", cls=Command, epilog=EPILOG)
def areas_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            metavar="TEXT",
            help="Only areas whose name, BLS code or postal code has this.",
        ),
    ] = None,
    output_format: Annotated[str, format_option("one row per area")] = "table",
    json: JsonOption = False,
) -> None:
    """List the areas BLS publishes figures for (states, DC, territories, metropolitan and
    nonmetropolitan areas), with the codes --area accepts.

    Example: jobcompare areas --search austin
    """
    from jobcompare.commands.areas import areas

    output_format = chosen_format(ctx, output_format, json)
    with exit_codes(ctx, role_hint="'--search'"):
        outcome = areas(search)
    _output(ctx, outcome, output_format)


class RankBy(str, Enum):
    """What ``where --by`` ranks on (jobcompare.engine.where.BY)."""

    MEDIAN = "median"
    MEAN = "mean"
    ADJUSTED = "adjusted"
    EMPLOYMENT = "employment"
    LQ = "lq"


@app.command("where", cls=Command, epilog=EPILOG)
def where_command(
    ctx: typer.Context,
    role: RoleArgument,
    by: Annotated[
        RankBy,
        typer.Option(
            "--by",
            case_sensitive=False,
            help="Rank by median pay, mean pay, median adjusted for prices (BEA "
            "RPP), employment, or location quotient (lq).",
        ),
    ] = RankBy.MEDIAN,
    states: Annotated[
        bool, typer.Option("--states", help="States, DC and territories only.")
    ] = False,
    metros: Annotated[bool, typer.Option("--metros", help="Metropolitan areas only.")] = False,
    top: Annotated[
        int,
        typer.Option(
            "--top", "-n", callback=at_least_one, metavar="N", help="How many areas to show."
        ),
    ] = 20,
    output_format: Annotated[str, format_option("one row per area")] = "table",
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
) -> None:
    """Rank the areas where one role pays best (or employs most), with employment and pay
    adjusted for prices.

    Example: jobcompare where registered-nurses --metros --top 10

    Example: jobcompare where software-developers --by adjusted --states --json
    """
    from jobcompare.commands.areas import where

    output_format = chosen_format(ctx, output_format, json, export)
    if states and metros:
        raise typer.BadParameter(
            "give --states or --metros, not both (neither: every area)", ctx=ctx,
            param_hint="'--states' / '--metros'",
        )  # fmt: skip
    kind = "state" if states else "metro" if metros else None
    with exit_codes(ctx, role_hint="'ROLE'"):
        outcome = where(role, by.value, kind, top, data)
    _output(ctx, outcome, output_format, export=export, options=Options(charts=not plain))


# -- roles --------------------------------------------------------------------------------


@app.command("list", cls=Command, epilog=EPILOG)
def list_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            metavar="TEXT",
            help="Search instead of listing: the same as 'jobcompare search TEXT'.",
        ),
    ] = None,
    output_format: Annotated[str, format_option("one row per role")] = "table",
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, SOC code, title, category).

    Into a pipe or a file, one role a line, its fields separated by tabs.

    Example: jobcompare list --search coordinator
    """
    output_format = chosen_format(ctx, output_format, json)
    if search is not None:
        _search(ctx, search, output_format, 20, data)
        return
    from jobcompare.commands.roles import list_roles

    with exit_codes(ctx):
        outcome = list_roles(data)
    _output(ctx, outcome, output_format)


@app.command("search", cls=Command, epilog=EPILOG)
def search_command(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", click_type=PLAIN, help="Words of a job title, in any order."
        ),
    ],
    output_format: Annotated[str, format_option("one row per role found")] = "table",
    json: JsonOption = False,
    limit: LimitOption = 20,
    data: DataOption = None,
) -> None:
    """Find roles by the name people use: titles, O*NET alternate and reported titles and
    descriptions, words in any order, singular or plural, or their beginnings.

    Example: jobcompare search "software engineer"

    Example: jobcompare search "nurs reg" --json
    """
    _search(ctx, text, chosen_format(ctx, output_format, json), limit, data)


def _search(
    ctx: typer.Context, text: str, output_format: str, limit: int, data: Path | None
) -> None:
    from jobcompare.commands.roles import search

    with exit_codes(ctx, role_hint="'TEXT'"):
        outcome = search(text, data, limit)
    _output(ctx, outcome, output_format)


@app.command("table", cls=Command, epilog=EPILOG)
def table_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ROLE]...",
            click_type=PLAIN,
            help="Roles (slug, title or SOC code), one row each; or give --all.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every role in the dataset.")] = False,
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--fields",
            metavar="FIELDS",
            help="Figures to show, by JSON key (overview.yearly_salary, "
            "salary.percentiles.p50, or a key only one section has: number_of_jobs); "
            "separate with commas or repeat. 'list' lists them all. Default: category, pay "
            "and jobs.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[str | None, format_option("one row per role", default="csv")] = None,
    json: JsonOption = False,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            metavar="AREA",
            help="BLS's figures in one area instead (a state, a metro area or a BLS area "
            "code; see 'jobcompare areas'). --fields are then its measures: employment, "
            "jobs_per_1000, location_quotient, annual_mean, hourly_mean, annual_p10 ... "
            "annual_p90, hourly_p10 ... hourly_p90.",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """One row per role with the figures asked for: for spreadsheets and scripts.

    Example: jobcompare table --all --fields number_of_jobs,salary.percentiles.p50 > jobs.csv

    Example: jobcompare table 43-3011 43-3021 registered-nurses -f markdown

    Example: jobcompare table --all --area ohio --fields employment,annual_p50
    """
    from jobcompare.commands import roles as commands

    listing = bool(fields) and [f.strip().lower() for f in fields or []] == ["list"]
    # A table is CSV unless asked otherwise; the list of fields is one name a line.
    output_format = chosen_format(ctx, output_format or ("table" if listing else "csv"), json)
    if listing:
        _output(ctx, commands.fields(), output_format)
        return
    if area is not None:
        from jobcompare.engine.table import area_measures

        with exit_codes(ctx, role_hint="'--fields'"):
            area_measures(fields)
        with exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
            outcome = commands.area_table(roles or [], every, fields, area, data)
    else:
        from jobcompare.engine.table import columns

        with exit_codes(ctx, role_hint="'--fields'"):
            columns(fields)
        with exit_codes(ctx, role_hint="'ROLE...'"):
            outcome = commands.table(roles or [], every, fields, data)
    _output(ctx, outcome, output_format)


# -- moves --------------------------------------------------------------------------------


class SortBy(str, Enum):
    """What ``moves --by`` sorts on (jobcompare.engine.moves.SORT_KEYS)."""

    ONET = "onet"
    PAY = "pay"
    GROWTH = "growth"
    GAP = "gap"


@app.command("moves", cls=Command, epilog=EPILOG)
def moves_command(
    ctx: typer.Context,
    role: RoleArgument,
    top: Annotated[
        int | None,
        typer.Option(
            "--top", "-n", callback=at_least_one, metavar="N", help="Only the first N moves."
        ),
    ] = None,
    by: Annotated[
        SortBy,
        typer.Option(
            "--by",
            case_sensitive=False,
            help="onet (O*NET's order, the default), pay (largest rise first), growth "
            "(largest first) or gap (smallest skill gap first).",
        ),
    ] = SortBy.ONET,
    output_format: Annotated[str, format_option("one row per related occupation")] = "table",
    json: JsonOption = False,
    export: ExportOption = None,
    data: DataOption = None,
) -> None:
    """Where a job can lead: O*NET's related occupations, each with its median pay and the
    difference, projected growth, entry education, job zone and the skills to build.

    Example: jobcompare moves billing-and-posting-clerks

    Example: jobcompare moves "medical biller" --by pay --top 5
    """
    from jobcompare.commands.moves import moves

    output_format = chosen_format(ctx, output_format, json, export)
    with exit_codes(ctx, role_hint="'ROLE'"):
        outcome = moves(role, data, by=by.value, top=top)
    # The moves table has no bars: drawn as numbers only.
    _output(ctx, outcome, output_format, export=export, options=Options(charts=False))


# -- the data -----------------------------------------------------------------------------


@app.command("validate", cls=Command, epilog=EPILOG)
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            click_type=PATH,
            help="Dataset file or folder to check (default: --data, $JOBCOMPARE_DATA or the "
            "bundled dataset).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[str, format_option("one row per problem")] = "table",
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """Check a dataset and report every problem, not only the first.

    Exits 1 if there is any error; warnings alone exit 0.

    Example: jobcompare validate my-roles.toml
    """
    from jobcompare.commands.validate import validate

    output_format = chosen_format(ctx, output_format, json)
    with exit_codes(ctx):
        outcome = validate(path or data)
    _output(ctx, outcome, output_format)


class ImportSource(str, Enum):
    """What ``jobcompare import`` reads: every source, or one of them
    (jobcompare.importers.sources.SOURCES)."""

    ALL = "all"
    OEWS = "oews"
    RPP = "rpp"
    ONET = "onet"
    ONET_EXCEL = "onet-excel"
    EP = "ep"
    EP_EDUCATION = "ep-education"
    CPS = "cps"


# One command with a SOURCE argument, not a sub-app of eight: Typer builds every command of
# the tree on every run, and each costs start-up whatever command is run.
@app.command("import", cls=Command, epilog=EPILOG)
def import_command(
    ctx: typer.Context,
    source: Annotated[
        ImportSource,
        typer.Argument(
            metavar="SOURCE",
            help="all, or one source: the store at --output is rebuilt with that source's "
            "tables replaced and every other source's kept.",
            show_default=False,
        ),
    ],
    root: Annotated[
        Path,
        typer.Argument(
            metavar="DATA_ROOT",
            click_type=PATH,
            help="Folder holding each source's folder (bls-oews-2025/, bea-rpp-2024/, ...).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The store to write.")
    ],
) -> None:
    """Build the official-data store from the publishers' files (rerun when they publish
    anew); the same inputs always give the same bytes. See docs/store.md.

    Example: jobcompare import all ../shared/data -o data/jobcompare.sqlite
    """
    from jobcompare.commands.importing import run_import
    from jobcompare.importers.sources import SOURCES

    every = source is ImportSource.ALL
    modules = list(SOURCES.values()) if every else [SOURCES[source.value]]
    with exit_codes(ctx):
        outcome = run_import(root, output, modules, keep=not every)
    _output(ctx, outcome, "table")


@app.command("sources", cls=Command, epilog=EPILOG)
def sources_command(
    ctx: typer.Context,
    output_format: Annotated[str, format_option("one row per source")] = "table",
    json: JsonOption = False,
) -> None:
    """List the official sources of the bundled data: release, year, licence, attribution
    and how many occupations (and areas) each covers.

    Example: jobcompare sources --json
    """
    from jobcompare.commands.importing import sources

    output_format = chosen_format(ctx, output_format, json)
    with exit_codes(ctx):
        outcome = sources()
    _output(ctx, outcome, output_format)
