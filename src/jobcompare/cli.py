"""The command line: Typer wiring only. It parses, calls the commands (commands.py), hands
their results to the writers (outputs.py), and asks status.py what an error means.

Rich is imported only by the commands that draw, so ``--json``, ``-f csv`` and
``-f markdown`` never pay for it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from jobcompare import __version__
from jobcompare.errors import DatasetError
from jobcompare.outputs import EXPORT_SUFFIXES, Format
from jobcompare.sections import MAX_ROLES, MIN_ROLES, Section
from jobcompare.status import ExitStatus, failure
from jobcompare.text import safe

if TYPE_CHECKING:
    from jobcompare.commands import Shown

#: The exit statuses under their former name.
ExitCode = ExitStatus


class _CompareByDefault(TyperGroup):
    """``jobcompare A B`` means ``jobcompare compare A B``.

    Options may also come before the subcommand (``jobcompare --data my.toml list``): they
    belong to the subcommand, so they are moved after its name.
    """

    default_command = "compare"

    def _options(self, ctx: Any) -> tuple[set[str], set[str]]:
        """(the group's own options, the subcommands' options that take a value)."""
        own = {opt for p in self.get_params(ctx) for opt in (*p.opts, *p.secondary_opts)}
        valued = {
            opt
            for command in self.commands.values()
            for p in command.params
            if p.param_type_name == "option" and not getattr(p, "is_flag", False)
            for opt in p.opts
        }
        return own, valued

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args:
            args = ["--help"]  # asking for nothing is asking for help: exit 0
        own, valued = self._options(ctx)
        if args[0] not in self.commands and args[0] not in own:
            leading: list[str] = []
            rest = list(args)
            while rest and rest[0].startswith("-") and rest[0] not in own:
                option = rest.pop(0)
                leading.append(option)
                if option in valued and rest:
                    leading.append(rest.pop(0))
            if rest and rest[0] in self.commands:
                args = [rest[0], *leading, *rest[1:]]
            else:
                args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        return items + [CompletionItem(slug) for slug in complete_role(ctx, incomplete)]


app = typer.Typer(
    cls=_CompareByDefault,
    name="jobcompare",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 ok, 1 data error (dataset missing or invalid), "
    "2 usage error (unknown role, section or option).",
)


def main() -> None:
    """Console-script entry point.

    Every way the output can fail ends with a message on stderr (when stderr still
    works) and exit code 1, never a traceback or "Exception ignored": a closed stdout or
    stderr, a full disk, a closed pipe. An output that cannot encode Unicode gets ASCII
    stand-ins.
    """
    from jobcompare.text import use_stand_ins

    sys.stdout = _usable(sys.stdout, 1)
    sys.stderr = _usable(sys.stderr, 2)
    use_stand_ins(sys.stdout)
    use_stand_ins(sys.stderr)
    code: int | str | None = 0
    try:
        try:
            app(prog_name="jobcompare")
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError as exc:
        _output_failed(exc)
        code = ExitStatus.DATA_ERROR
    if isinstance(code, str):  # sys.exit("message"): say it ourselves, safely
        _write_error(f"{code}\n")
        code = ExitStatus.DATA_ERROR
    sys.exit(code)


class _ClosedOutput(io.RawIOBase):
    """Standard output or error that was closed before we started: writing is an error."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        import errno

        raise OSError(errno.EBADF, "Bad file descriptor")


def _usable(stream: Any, fd: int) -> Any:
    """``stream``, or when the descriptor was closed (``>&-``), a stream whose writes fail
    (after parking /dev/null on the descriptor, so no file we open takes its number)."""
    if stream is not None:
        return stream
    with contextlib.suppress(OSError):
        opened = os.open(os.devnull, os.O_WRONLY)
        if opened != fd:
            os.close(opened)
    return io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")


def _write_error(text: str) -> bool:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True


def _output_failed(exc: OSError) -> None:
    """Say that the output failed, if stderr can; then point both streams at /dev/null
    so that the interpreter's own flush at exit cannot fail again."""
    import errno

    if exc.errno != errno.EPIPE:  # a reader that went away wants no message
        _write_error(f"jobcompare: error: cannot write the output: {exc.strerror or exc}\n")
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
                os.dup2(devnull, stream.fileno())
        os.close(devnull)
    # What a stream without a descriptor still holds is dropped with it.
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")


# -- shared options -----------------------------------------------------------------------


def complete_role(ctx: Any, incomplete: str) -> list[str]:
    """Role slugs for shell completion; silent on any dataset problem."""
    # While completing, parameters may still be the raw strings from the command line.
    data = ctx.params.get("data") if ctx is not None else None
    data = data or os.environ.get("JOBCOMPARE_DATA") or None
    if data is not None:
        data = Path(data)
    try:
        from jobcompare.commands import open_catalogue

        roles = open_catalogue(data).listing
    except (DatasetError, OSError):
        return []
    prefix = incomplete.lower()
    return [r.slug for r in roles if r.slug.startswith(prefix)]


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="JOBCOMPARE_DATA",
        show_envvar=True,
        metavar="PATH",
        help="Dataset to use instead of the bundled one: a TOML file, or a folder of them.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
SectionOption = Annotated[
    list[Section] | None,
    typer.Option(
        "--section",
        "-s",
        case_sensitive=False,
        metavar="NAME",
        help="Show only this section; repeat for several: "
        + ", ".join(s.value for s in Section)
        + ". Default: all.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jobcompare {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """Compare job roles side by side: salary, overview, education, demographics, duties
    and skills.

    Example: jobcompare patient-account-coordinator collections-coordinator
    """


# -- errors -------------------------------------------------------------------------------


@contextmanager
def _exit_codes(ctx: typer.Context, role_hint: str = "'ROLE...'") -> Iterator[None]:
    """Errors become their message and exit status (status.failure decides both); a
    usage error is reported by Typer, under the argument it is about."""
    try:
        yield
    except Exception as error:
        found = failure(error)
        if found is None:
            raise
        if found.status is ExitStatus.USAGE_ERROR and (
            len(found.messages) > 1 or "\n" in found.messages[0]
        ):
            # A list of candidates, or several arguments that failed, keep their lines.
            for message in found.messages:
                typer.echo(f"jobcompare: error: {message}", err=True)
            raise typer.Exit(found.status) from None
        if found.status is ExitStatus.USAGE_ERROR:
            raise typer.BadParameter(found.messages[0], ctx=ctx, param_hint=role_hint) from None
        for message in found.messages:
            typer.echo(message, err=True)
        raise typer.Exit(found.status) from None


# -- commands -----------------------------------------------------------------------------


PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        "--no-charts",
        help="Numbers only: no bars or salary chart (tables and exports).",
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table (the default), markdown (GitHub tables), csv (one row per figure), json, "
        "or html (a printable page).",
    ),
]
ExportOption = Annotated[
    Path | None,
    typer.Option(
        "--export",
        metavar="FILE",
        help="Also save a report: FILE.html (a printable page) or FILE.svg (a picture of the "
        "tables).",
    ),
]


def _check_options(ctx: typer.Context, output_format: Format, json: bool,
                   export: Path | None) -> Format:  # fmt: skip
    """The format asked for; a usage error for options that contradict each other."""
    if json:
        if output_format not in (Format.TABLE, Format.JSON):
            raise typer.BadParameter(
                "--json is --format json: give one or the other", ctx=ctx, param_hint="'--json'"
            )
        output_format = Format.JSON
    if export is not None and export.suffix.lower() not in EXPORT_SUFFIXES:
        raise typer.BadParameter(
            f"'{safe(export.name)}': the report is HTML or SVG, so FILE must end in "
            + " or ".join(EXPORT_SUFFIXES), ctx=ctx, param_hint="'--export'",
        )  # fmt: skip
    return output_format


def _emit(ctx: typer.Context, shown: Shown, output_format: Format, export: Path | None) -> None:
    """Save the report (first: a failure leaves stdout clean), then print the result."""
    from jobcompare import outputs

    for note in shown.notes:  # what a name was read as: on stderr, so stdout stays data
        typer.echo(safe(note), err=True)
    with _exit_codes(ctx):
        if export is not None:
            outputs.export(shown, export)
    if output_format is Format.TABLE:
        outputs.print_tables(shown)
    else:
        outputs.write_stdout(outputs.text(shown, output_format))


@app.command("compare")
def compare_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            help=f"{MIN_ROLES} to {MAX_ROLES} roles: slug, title (any case) or SOC code.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ],
    section: SectionOption = None,
    output_format: FormatOption = Format.TABLE,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
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
    from jobcompare.commands import compare_roles

    output_format = _check_options(ctx, output_format, json, export)
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
    if area:
        _compare_in_areas(ctx, roles, area, data, adjust, output_format, export, plain)
        return
    with _exit_codes(ctx):
        shown = compare_roles(roles, section, data, charts=not plain, all_items=all_duties)
    _emit(ctx, shown, output_format, export)


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


def _compare_in_areas(ctx: typer.Context, roles: list[str], areas: list[str],
                      data: Path | None, adjust: bool, output_format: Format,
                      export: Path | None, plain: bool) -> None:  # fmt: skip
    """``jobcompare ROLE ... --area AREA ...``: the figures of areas side by side."""
    from jobcompare import outputs
    from jobcompare.commands.areas import compare_in_areas

    with _exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
        result, notes = compare_in_areas(roles, areas, data, adjust=adjust)
    for note in notes:  # what a name was read as: on stderr, so stdout stays data
        typer.echo(safe(note), err=True)
    if output_format is Format.JSON:
        from jobcompare.areas import comparison_json
        from jobcompare.jsonout import dumps

        outputs.write_stdout(dumps(comparison_json(result)))
        return
    if output_format is Format.CSV:
        from jobcompare.areas import comparison_csv

        outputs.write_stdout(comparison_csv(result))
        return
    from jobcompare.areas import area_document

    document = area_document(result, charts=not plain)
    if export is not None:
        with _exit_codes(ctx):
            outputs.export_document(document, export, charts=not plain)
    if output_format is Format.TABLE:
        outputs.print_document(document, charts=not plain)
    else:
        outputs.write_stdout(outputs.document_text(document, output_format))


@app.command("areas")
def areas_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", "-q", help="Only areas whose name, BLS code or postal code has this."
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """List the areas BLS publishes figures for (states, DC, territories, metropolitan and
    nonmetropolitan areas), with the codes --area accepts.

    Example: jobcompare areas --search austin
    """
    from jobcompare.commands.areas import list_areas
    from jobcompare.outputs import write_stdout

    with _exit_codes(ctx, role_hint="'--search'"):
        found = list_areas(search)
    if json:
        from jobcompare.jsonout import dumps
        from jobcompare.where import area_list_json

        write_stdout(dumps(area_list_json(found)))
    elif not found:
        typer.echo(f"No area matches '{safe(search or '')}'.")
    else:
        from jobcompare.areas import area_lines

        write_stdout("".join(line + "\n" for line in area_lines(found)))


class RankBy(str, Enum):
    MEDIAN = "median"
    MEAN = "mean"
    ADJUSTED = "adjusted"
    EMPLOYMENT = "employment"
    LQ = "lq"


@app.command("where")
def where_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="Slug, title or SOC code.", autocompletion=complete_role
        ),
    ],
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
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many areas to show.")] = 20,
    output_format: FormatOption = Format.TABLE,
    json: JsonOption = False,
    plain: PlainOption = False,
    data: DataOption = None,
) -> None:
    """Rank the areas where one role pays best (or employs most), with employment and pay
    adjusted for prices.

    Example: jobcompare where registered-nurses --metros --top 10

    Example: jobcompare where software-developers --by adjusted --states --json
    """
    from jobcompare import where as ranking
    from jobcompare.commands.areas import where
    from jobcompare.outputs import write_stdout

    output_format = _check_options(ctx, output_format, json, None)
    if states and metros:
        raise typer.BadParameter(
            "give --states or --metros, not both (neither: every area)", ctx=ctx,
            param_hint="'--states' / '--metros'",
        )  # fmt: skip
    kind = "state" if states else "metro" if metros else None
    with _exit_codes(ctx, role_hint="'ROLE'"):
        found, notes = where(role, by.value, kind, top, data)
    for note in notes:
        typer.echo(safe(note), err=True)
    if output_format is Format.JSON:
        from jobcompare.jsonout import dumps

        write_stdout(dumps(ranking.ranking_json(found)))
    elif output_format is Format.CSV:
        write_stdout(ranking.csv_text(found))
    elif output_format is Format.MARKDOWN:
        write_stdout(ranking.markdown(found))
    elif output_format is Format.HTML:
        from jobcompare.report import html_report

        write_stdout(html_report(ranking.ranking_document(found)))
    else:
        ranking.print_table(found, charts=not plain)


@app.command("list")
def list_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            help="Search instead of listing: the same as 'jobcompare search TEXT'.",
        ),
    ] = None,
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, title, category).

    Example: jobcompare list --search coordinator
    """
    if search is not None:
        _search(ctx, search, json, 20, data)
        return
    from jobcompare.commands import list_roles
    from jobcompare.outputs import write_stdout

    with _exit_codes(ctx):
        roles = list_roles(None, data)
    if json:
        from jobcompare.jsonout import dumps, list_document

        write_stdout(dumps(list_document(roles)))
    else:
        import shutil

        from jobcompare.listing import role_lines

        width = shutil.get_terminal_size().columns
        write_stdout("".join(line + "\n" for line in role_lines(roles, width)))


LimitOption = Annotated[
    int,
    typer.Option("--limit", "-n", min=1, metavar="N", help="At most N results (default 20)."),
]


@app.command("search")
def search_command(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(metavar="TEXT", help="Words of a job title, in any order.")
    ],
    json: JsonOption = False,
    limit: LimitOption = 20,
    data: DataOption = None,
) -> None:
    """Find roles by the name people use: titles, O*NET alternate and reported titles and
    descriptions, words in any order, singular or plural, or their beginnings.

    Example: jobcompare search "software engineer"

    Example: jobcompare search "nurs reg" --json
    """
    _search(ctx, text, json, limit, data)


def _search(ctx: typer.Context, text: str, json: bool, limit: int, data: Path | None) -> None:
    from jobcompare.commands import search
    from jobcompare.outputs import write_stdout

    with _exit_codes(ctx, role_hint="'TEXT'"):
        hits = search(text, data, limit)
    if json:
        from jobcompare.jsonout import dumps
        from jobcompare.search import search_document

        write_stdout(dumps(search_document(hits)))
    elif not hits:
        typer.echo(f"No role matches '{safe(text)}'.")
    else:
        import shutil

        from jobcompare.search import search_lines

        width = shutil.get_terminal_size().columns
        write_stdout("".join(line + "\n" for line in search_lines(hits, width)))


@app.command("show")
def show_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="Slug, title or SOC code.", autocompletion=complete_role
        ),
    ],
    section: SectionOption = None,
    output_format: FormatOption = Format.TABLE,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
) -> None:
    """Show one role's full profile.

    Example: jobcompare show collections-coordinator

    Example: jobcompare show registered-nurses --export nurses.html
    """
    from jobcompare.commands import show_role

    output_format = _check_options(ctx, output_format, json, export)
    with _exit_codes(ctx, role_hint="'ROLE'"):
        shown = show_role(role, section, data, charts=not plain)
    _emit(ctx, shown, output_format, export)


class SortBy(str, Enum):
    """What ``moves --by`` sorts on."""

    ONET = "onet"
    PAY = "pay"
    GROWTH = "growth"
    GAP = "gap"


@app.command("moves")
def moves_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="Slug, title or SOC code.", autocompletion=complete_role
        ),
    ],
    top: Annotated[
        int | None,
        typer.Option("--top", "-n", min=1, metavar="N", help="Only the first N moves."),
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
    output_format: FormatOption = Format.TABLE,
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """Where a job can lead: O*NET's related occupations, each with its median pay and the
    difference, projected growth, entry education, job zone and the skills to build.

    Example: jobcompare moves billing-and-posting-clerks

    Example: jobcompare moves "medical biller" --by pay --top 5
    """
    from jobcompare.commands import find_moves

    output_format = _check_options(ctx, output_format, json, None)
    with _exit_codes(ctx, role_hint="'ROLE'"):
        found, notes = find_moves(role, data, by=by.value, top=top)
    for note in notes:
        typer.echo(safe(note), err=True)
    from jobcompare import moves, outputs

    if output_format is Format.JSON:
        from jobcompare.jsonout import dumps

        outputs.write_stdout(dumps(moves.moves_json(found)))
    elif output_format is Format.CSV:
        outputs.write_stdout(moves.moves_csv(found))
    elif output_format is Format.MARKDOWN:
        from jobcompare.exports import markdown

        outputs.write_stdout(markdown(moves.moves_document(found)))
    elif output_format is Format.HTML:
        from jobcompare.report import html_report

        outputs.write_stdout(html_report(moves.moves_document(found)))
    else:
        from jobcompare import render

        renderables = render.document(moves.moves_document(found), charts=False)
        render.print_all(render.make_console(), renderables)


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="Dataset file or folder to check (default: --data, $JOBCOMPARE_DATA or the "
            "bundled dataset).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Check a dataset and report every problem, not only the first.

    Exits 1 if there is any error; warnings alone exit 0.

    Example: jobcompare validate my-roles.toml
    """
    from jobcompare.commands import validate

    with _exit_codes(ctx):
        found = validate(path or data)
    for problem in found.problems:
        typer.echo(safe(str(problem)), err=True)
    if found.dataset is None:
        typer.echo(
            f"{found.errors} error(s), {found.warnings} warning(s): the dataset cannot be used",
            err=True,
        )
        raise typer.Exit(ExitStatus.DATA_ERROR)
    names = ", ".join(str(f) for f in found.dataset.files)
    typer.echo(
        f"OK: {len(found.dataset.roles)} role(s) in {safe(names)}, {found.warnings} warning(s)"
    )


# -- import and sources ----------------------------------------------------------------

import_app = typer.Typer(
    name="import",
    help="Build the official-data store from the publishers' files (rerun when they publish "
    "anew). See docs/store.md.",
    no_args_is_help=True,
)
app.add_typer(import_app)

DataRootArgument = Annotated[
    Path,
    typer.Argument(
        metavar="DATA_ROOT",
        help="Folder holding each source's folder (bls-oews-2025/, bea-rpp-2024/, ...).",
        show_default=False,
    ),
]
StoreOption = Annotated[
    Path, typer.Option("--output", "-o", metavar="FILE", help="The store to write.")
]


@import_app.command("all")
def import_all_command(root: DataRootArgument, output: StoreOption) -> None:
    """Import every source into a new store; the same inputs always give the same bytes.

    Example: jobcompare import all ../shared/data -o data/jobcompare.sqlite
    """
    from jobcompare.commands.importing import run_import
    from jobcompare.importers._write import ALL_IMPORTERS

    raise typer.Exit(run_import(root, output, ALL_IMPORTERS, keep=False))


def _import_one(key: str) -> None:
    def command(root: DataRootArgument, output: StoreOption) -> None:
        from jobcompare.commands.importing import SOURCE_MODULES, run_import

        raise typer.Exit(run_import(root, output, [SOURCE_MODULES[key]], keep=True))

    command.__doc__ = (
        f"Re-import {key} only: the store at --output is rebuilt with {key}'s tables replaced "
        "and every other source's kept."
        f"\n\nExample: jobcompare import {key} ../shared/data -o data/jobcompare.sqlite"
    )
    import_app.command(key)(command)


for _key in ("oews", "rpp", "onet", "onet-excel", "ep", "ep-education", "cps"):
    _import_one(_key)


@app.command("sources")
def sources_command(ctx: typer.Context, json: JsonOption = False) -> None:
    """List the official sources of the bundled data: release, year, licence, attribution
    and how many occupations (and areas) each covers.

    Example: jobcompare sources --json
    """
    from jobcompare.commands.importing import sources_document, sources_text
    from jobcompare.outputs import write_stdout

    with _exit_codes(ctx):
        document = sources_document()
    if json:
        from jobcompare.jsonout import dumps

        write_stdout(dumps(document))
    else:
        write_stdout(sources_text(document))
