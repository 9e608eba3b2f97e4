"""The command line: Typer wiring only. It parses, calls the commands (commands.py), hands
their results to the writers (outputs.py), and asks status.py what an error means.

Rich is imported only by the commands that draw, so ``--json``, ``-f csv`` and
``-f markdown`` never pay for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import NoSuchOption, UsageError
from typer._click.types import StringParamType
from typer.core import TyperCommand, TyperGroup

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


#: Shells whose completion script ``--show-completion SHELL`` prints.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
#: How to call jobcompare, as the README shows it (the usage line of errors and help).
USAGE = "ROLE ROLE [ROLE [ROLE]] [OPTIONS]"


def _plain_usage(pieces: list[str]) -> list[str]:
    # Click writes a required argument as "{ROLE}"; the README writes ROLE.
    return [piece.replace("{", "").replace("}", "") for piece in pieces]


class _Command(TyperCommand):
    """A command whose usage line reads as the README writes it."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


class _CompareCommand(TyperCommand):
    """``compare``, whose name may be left out: its usage line says so."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(f"Usage: jobcompare {USAGE}\n")


class _CompareByDefault(TyperGroup):
    """``jobcompare A B`` means ``jobcompare compare A B``.

    Options may also come before the subcommand (``jobcompare --data my.toml list``): they
    belong to the subcommand, so they are moved after its name. A first word that is
    ``help`` or close to a command's name is taken for a command, not a role.
    """

    default_command = "compare"

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(f"Usage: jobcompare {USAGE}\n       jobcompare COMMAND [ARGS]...\n")

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name == "show_completion":  # its shell may be named (_show_completion)
                param.help = (
                    "Print the completion script for the current shell, or for SHELL given "
                    f"after it ({', '.join(SHELLS)})."
                )
        return params

    def _options(self, ctx: Any) -> tuple[set[str], set[str], set[str]]:
        """(the group's own options, the subcommands' options, those that take a value)."""
        own = {opt for p in self.get_params(ctx) for opt in (*p.opts, *p.secondary_opts)}
        theirs = {
            opt
            for command in self.commands.values()
            for p in command.get_params(ctx)
            for opt in (*p.opts, *p.secondary_opts)
        }
        valued = {
            opt
            for command in self.commands.values()
            for p in command.params
            if p.param_type_name == "option" and not getattr(p, "is_flag", False)
            for opt in p.opts
        }
        return own, theirs, valued

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        flags, args = _pull_global_flags(list(args))
        if not args:
            args = ["--help"]  # asking for nothing is asking for help: exit 0
        _show_completion(ctx, args)
        args = self._help(ctx, args)
        own, theirs, valued = self._options(ctx)
        first = args[0]
        if first not in self.commands and first not in own:
            leading: list[str] = []
            rest = list(args)
            while rest and rest[0].startswith("-") and rest[0] not in own:
                option = rest.pop(0)
                leading.append(option)
                if option.split("=", 1)[0] not in theirs:
                    raise NoSuchOption(option.split("=", 1)[0], ctx=ctx)
                if option in valued and rest:
                    leading.append(rest.pop(0))
            if rest and rest[0] in self.commands:
                args = [rest[0], *leading, *rest[1:]]
            else:
                if rest:
                    self._not_a_command(ctx, rest[0])
                args = [self.default_command, *args]
        return super().parse_args(ctx, [*flags, *args])

    def _help(self, ctx: Any, args: list[str]) -> list[str]:
        """``jobcompare help [COMMAND]`` is ``jobcompare [COMMAND] --help``."""
        if args[0] != "help":
            return args
        wanted = args[1:]
        if wanted and wanted[0] not in self.commands:
            self._not_a_command(ctx, wanted[0], help_for=True)
        return [*wanted[:1], "--help"]

    def _not_a_command(self, ctx: Any, word: str, *, help_for: bool = False) -> None:
        """A usage error when ``word`` is (close to) a command's name rather than a role."""
        import difflib

        names = [*self.commands, "help"]
        close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.7)
        if help_for:
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise UsageError(
                f"no command '{safe(word)}'.{hint} Commands: {', '.join(self.commands)}.", ctx
            )
        if word.lower() in names or close:
            name = word.lower() if word.lower() in names else close[0]
            raise UsageError(
                f"'{safe(word)}' is not a command: did you mean '{name}'? (To compare a role "
                f"of that name, write: jobcompare compare {safe(word)} ROLE)",
                ctx,
            )

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        return items + [CompletionItem(slug) for slug in complete_role(ctx, incomplete)]


NO_COLOR_FLAG = "--no-color"


def _pull_global_flags(args: list[str]) -> tuple[list[str], list[str]]:
    """(the group's flags that may come anywhere before ``--``, the other arguments)."""
    end = args.index("--") if "--" in args else len(args)
    flags = [NO_COLOR_FLAG] if NO_COLOR_FLAG in args[:end] else []
    return flags, [a for i, a in enumerate(args) if i >= end or a != NO_COLOR_FLAG]


def _show_completion(ctx: Any, args: list[str]) -> None:
    """``--show-completion SHELL`` and ``--show-completion=SHELL`` print that shell's
    script (Typer's own flag only detects the shell it runs in)."""
    for number, arg in enumerate(args):
        if arg == "--show-completion" and args[number + 1 : number + 2]:
            shell = args[number + 1]
        elif arg.startswith("--show-completion="):
            shell = arg.split("=", 1)[1]
        else:
            continue
        if shell.startswith("-"):
            return
        if shell not in SHELLS:
            raise UsageError(
                f"no completion for shell '{safe(shell)}': use one of {', '.join(SHELLS)}", ctx
            )
        from typer._completion_shared import get_completion_script

        typer.echo(
            get_completion_script(
                prog_name="jobcompare", complete_var="_JOBCOMPARE_COMPLETE", shell=shell
            )
        )
        raise typer.Exit(ExitStatus.OK)


#: The end of every help page: exit codes, and where to read more.
EPILOG = (
    "Exit codes: 0 ok, 1 data error (dataset missing or invalid), 2 usage error (unknown "
    "role, section or option). More: the README (jobcompare's project page; 'pip show -f "
    "jobcompare' says where it is installed) and docs/dataset.md for your own roles."
)

app = typer.Typer(
    cls=_CompareByDefault,
    name="jobcompare",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EPILOG,
)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="jobcompare")
    except OSError as exc:
        # Standard output is full or gone (a closed pipe is handled by Typer already).
        sys.stderr.write(f"jobcompare: error: cannot write the output: {exc.strerror or exc}\n")
        sys.exit(ExitStatus.DATA_ERROR)


class _PlainType(StringParamType):
    """Text whose type the help leaves unsaid (Typer would print "<str>")."""

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return ""


class _PathType(_PlainType):
    """A path, its type unsaid."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        return Path(value)


_PLAIN = _PlainType()
_PATH = _PathType()


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


def _sections(values: list[str] | None) -> list[Section] | None:
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jobcompare {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _root(
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
) -> None:
    """Compare job roles side by side: salary, overview, education, demographics, duties
    and skills.

    Example: jobcompare patient-account-coordinator collections-coordinator
    """
    if no_color:
        # What every colour decision reads (Rich's consoles): as if the user had set it.
        os.environ["NO_COLOR"] = "1"


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
        if found.status is ExitStatus.USAGE_ERROR:
            message = "\n".join(found.messages)
            raise typer.BadParameter(message, ctx=ctx, param_hint=role_hint) from None
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
        metavar="FORMAT",
        help="table (the default), markdown (GitHub tables), csv (one row per figure), json, "
        "or html (a printable page).",
        show_default=False,
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

    with _exit_codes(ctx):
        if export is not None:
            outputs.export(shown, export)
    if output_format is Format.TABLE:
        outputs.print_tables(shown)
    else:
        outputs.write_stdout(outputs.text(shown, output_format))


@app.command("compare", cls=_CompareCommand, epilog=EPILOG)
def compare_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            click_type=_PLAIN,
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
) -> None:
    """Compare 2-4 roles side by side (the default command: 'compare' may be left out).

    Example: jobcompare patient-account-coordinator collections-coordinator

    Example: jobcompare "Collections Coordinator" patient-account-coordinator -s salary --json

    Example: jobcompare 43-3011 43-3021 --format markdown > comparison.md

    Example: jobcompare 43-3011 43-3021 --export comparison.html
    """
    from jobcompare.commands import compare_roles

    output_format = _check_options(ctx, output_format, json, export)
    with _exit_codes(ctx):
        shown = compare_roles(roles, _sections(section), data, charts=not plain)
    _emit(ctx, shown, output_format, export)


@app.command("list", cls=_Command, epilog=EPILOG)
def list_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            metavar="TEXT",
            help="Only roles whose slug, title, category or SOC code has this.",
        ),
    ] = None,
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, SOC code, title, category).

    Into a pipe or a file, one role a line, its fields separated by tabs.

    Example: jobcompare list --search coordinator
    """
    from jobcompare.commands import list_roles
    from jobcompare.outputs import write_stdout

    with _exit_codes(ctx):
        roles = list_roles(search, data)
    if json:
        from jobcompare.jsonout import dumps, list_document

        write_stdout(dumps(list_document(roles)))
    elif not roles:
        typer.echo(f"No role matches '{safe(search or '')}'.", err=True)
    elif not sys.stdout.isatty():
        from jobcompare.listing import role_records

        write_stdout("".join(line + "\n" for line in role_records(roles)))
    else:
        import shutil

        from jobcompare.listing import role_lines

        width = shutil.get_terminal_size().columns
        write_stdout("".join(line + "\n" for line in role_lines(roles, width)))


@app.command("table", cls=_Command, epilog=EPILOG)
def table_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ROLE]...",
            click_type=_PLAIN,
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
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            metavar="FORMAT",
            help="csv (the default), json or markdown.",
            show_default=False,
        ),
    ] = Format.CSV,
    data: DataOption = None,
) -> None:
    """One row per role with the figures asked for: for spreadsheets and scripts.

    Example: jobcompare table --all --fields number_of_jobs,salary.percentiles.p50 > jobs.csv

    Example: jobcompare table 43-3011 43-3021 registered-nurses -f markdown
    """
    from jobcompare import bulk
    from jobcompare.outputs import write_stdout

    if fields and [f.strip().lower() for f in fields] == ["list"]:
        write_stdout(bulk.fields_text())
        return
    if output_format not in (Format.CSV, Format.JSON, Format.MARKDOWN):
        raise typer.BadParameter(
            f"a table is csv, json or markdown, not {output_format.value}",
            ctx=ctx,
            param_hint="'--format' / '-f'",
        )
    from jobcompare.commands import bulk_table

    with _exit_codes(ctx, role_hint="'--fields'"):
        bulk.columns(fields)
    with _exit_codes(ctx, role_hint="'ROLE...'"):
        table = bulk_table(roles or [], every, fields, data)
    writers = {Format.CSV: bulk.table_csv, Format.JSON: bulk.table_json,
               Format.MARKDOWN: bulk.table_markdown}  # fmt: skip
    write_stdout(writers[output_format](table))


@app.command("show", cls=_Command, epilog=EPILOG)
def show_command(
    ctx: typer.Context,
    role: Annotated[
        str,
        typer.Argument(
            metavar="ROLE",
            click_type=_PLAIN,
            help="Slug, title or SOC code.",
            autocompletion=complete_role,
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
        shown = show_role(role, _sections(section), data, charts=not plain)
    _emit(ctx, shown, output_format, export)


@app.command("validate", cls=_Command, epilog=EPILOG)
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            click_type=_PATH,
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


# -- import -------------------------------------------------------------------------------

import_app = typer.Typer(
    name="import",
    help="Build dataset files from official sources (rerun when they publish anew).",
    no_args_is_help=True,
    epilog=EPILOG,
)
app.add_typer(import_app)


@import_app.command("bls-oews", cls=_Command, epilog=EPILOG)
def import_bls_oews_command(
    ctx: typer.Context,
    oews_dir: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            click_type=_PATH,
            help="Folder of BLS OEWS time.series files (oe.occupation, oe.area, oe.industry, "
            "oe.footnote, oe.release and oe.data.0.Current, plain or .gz).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="Dataset file to write.")
    ],
    onet: Annotated[
        Path | None,
        typer.Option(
            "--onet", metavar="FILE", help="O*NET 'Occupation Data.txt', for descriptions."
        ),
    ] = None,
    onet_version: Annotated[
        str | None,
        typer.Option(
            "--onet-version",
            metavar="VERSION",
            help="O*NET release (e.g. 29.2) when the file's folder name does not say it.",
        ),
    ] = None,
) -> None:
    """Import every occupation of a BLS OEWS release, with O*NET descriptions.

    The file written is a dataset like data/roles.toml; the same inputs always give the
    same bytes. Put it in a --data folder, or in data/ to bundle it.

    Example: jobcompare import bls-oews oews/ --onet "Occupation Data.txt" -o bls-oews.toml
    """
    from jobcompare.commands import import_bls_oews

    with _exit_codes(ctx), _progress_bar("Reading BLS data") as advance:
        imported = import_bls_oews(oews_dir, output, onet, onet_version, advance)
    typer.echo(f"Wrote {imported.roles} roles to {safe(str(imported.output))}", err=True)


@contextmanager
def _progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on stderr (stdout stays for results), driven by byte counts.
    It appears with the first byte read (an early error shows no empty bar), and only on
    a terminal (a log gets no bar at all)."""
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=console,
    )
    task = progress.add_task(description, total=None)

    def advance(done: int, total: int) -> None:
        if console.is_terminal:
            if not progress.live.is_started:
                progress.start()
            progress.update(task, completed=done, total=total)

    try:
        yield advance
    finally:
        if progress.live.is_started:
            progress.stop()
