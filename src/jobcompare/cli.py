"""The command line: Typer wiring only. It parses, calls the commands (commands.py), hands
their results to the writers (outputs.py), and asks status.py what an error means.

Rich is imported only by the commands that draw, so ``--json``, ``-f csv`` and
``-f markdown`` never pay for it.
"""

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


#: Shells whose completion script ``--show-completion SHELL`` prints.
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
#: How to call jobcompare, as the README shows it (the usage line of errors and help).
USAGE = "ROLE ROLE [ROLE [ROLE]] [OPTIONS]"


def _plain_usage(pieces: list[str]) -> list[str]:
    # Click writes a required argument as "{ROLE}"; the README writes ROLE.
    return [piece.replace("{", "").replace("}", "") for piece in pieces]


def _one_line(help_text: str | None) -> str | None:
    """A docstring's first paragraph as one line: the commands list wraps it to the
    terminal, instead of breaking it where the source's line ended."""
    if not help_text:
        return None
    import inspect

    return " ".join(inspect.cleandoc(help_text).split("\n\n")[0].split())


class _Command(TyperCommand):
    """A command whose usage line reads as the README writes it, and whose line in the
    commands list wraps to the terminal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or _one_line(self.help)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


class _CompareCommand(TyperCommand):
    """``compare``, whose name may be left out: its usage line says so."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.short_help = self.short_help or _one_line(self.help)

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


ONLY_DATA_FLAG = "--only-data"
#: The group's flags that may come anywhere on the line: they apply to every command.
GLOBAL_FLAGS = (NO_COLOR_FLAG, ONLY_DATA_FLAG)


def _pull_global_flags(args: list[str]) -> tuple[list[str], list[str]]:
    """(the group's flags that may come anywhere before ``--``, the other arguments)."""
    end = args.index("--") if "--" in args else len(args)
    flags = [f for f in GLOBAL_FLAGS if f in args[:end]]
    return flags, [a for i, a in enumerate(args) if i >= end or a not in GLOBAL_FLAGS]


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
        help="Your own roles, added to the bundled ones: a TOML file, or a folder of them "
        "(--only-data: these alone).",
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
        from jobcompare.commands import ONLY_DATA

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


# -- errors -------------------------------------------------------------------------------


@contextmanager
def _exit_codes(ctx: typer.Context, role_hint: str = "'ROLE...'") -> Iterator[None]:
    """Errors become their message and exit status (status.failure decides both). Every
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
            raise typer.BadParameter(message, ctx=ctx, param_hint=hint) from None
        for message in found.messages:
            typer.echo(message, err=True)
        raise typer.Exit(found.status) from None


def _hint_for(error: Exception, role_hint: str) -> str:
    """The part of a combined hint the error is about: --area for an area that is not
    found, --fields for a field; the roles otherwise."""
    from jobcompare.errors import AreaError, FieldError

    parts = role_hint.split(" / ")
    if len(parts) == 1:
        return role_hint
    wanted = "'--area'" if isinstance(error, AreaError) else \
        "'--fields'" if isinstance(error, FieldError) else None  # fmt: skip
    if wanted in parts:
        return wanted
    rest = [p for p in parts if p not in ("'--area'", "'--fields'")]
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


def _at_least_one(value: int | None) -> int | None:
    """For a count (--top, --limit): checked here, not by an IntRange, whose range the
    help would print as "[x>=1]" beside a plain N."""
    if value is not None and value < 1:
        raise typer.BadParameter(f"{value} is not a count: give 1 or more")
    return value


def _format_option(csv_rows: str) -> Any:
    """The --format option of a command whose CSV has ``csv_rows``."""
    return typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        metavar="FORMAT",
        help=f"table (the default), markdown (GitHub tables), csv ({csv_rows}), json, "
        "or html (a printable page).",
        show_default=False,
    )


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


def _emit(ctx: typer.Context, shown: "Shown", output_format: Format, export: Path | None) -> None:
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


#: One role, as ``show``, ``where`` and ``moves`` take it.
RoleArgument = Annotated[
    str,
    typer.Argument(
        metavar="ROLE",
        click_type=_PLAIN,
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


@app.command("compare", cls=_CompareCommand, epilog=EPILOG)
def compare_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            click_type=_PLAIN,
            help=f"{MIN_ROLES} to {MAX_ROLES} roles (one with 2-4 --area): slug, SOC code, "
            "title (any case) or a name people use (see 'jobcompare search').",
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
        shown = compare_roles(
            roles, _sections(section), data, charts=not plain, all_items=all_duties
        )
    _emit(ctx, shown, output_format, export)


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


@app.command("areas", cls=_Command, epilog=EPILOG)
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
        typer.echo(f"No area matches '{safe(search or '')}'.", err=True)
    else:
        import shutil

        from jobcompare.areas import area_lines

        width = shutil.get_terminal_size().columns
        write_stdout("".join(line + "\n" for line in area_lines(found, width)))


class RankBy(str, Enum):
    MEDIAN = "median"
    MEAN = "mean"
    ADJUSTED = "adjusted"
    EMPLOYMENT = "employment"
    LQ = "lq"


@app.command("where", cls=_Command, epilog=EPILOG)
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
            "--top", "-n", callback=_at_least_one, metavar="N", help="How many areas to show."
        ),
    ] = 20,
    output_format: Annotated[Format, _format_option("one row per area")] = Format.TABLE,
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


@app.command("list", cls=_Command, epilog=EPILOG)
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
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, SOC code, title, category).

    Into a pipe or a file, one role a line, its fields separated by tabs.

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

    if area is not None:
        from jobcompare.commands import area_table

        with _exit_codes(ctx, role_hint="'--fields'"):
            bulk.area_measures(fields)
        with _exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
            in_area = area_table(roles or [], every, fields, area, data)
        area_writers = {Format.CSV: bulk.area_csv, Format.JSON: bulk.area_json,
                        Format.MARKDOWN: bulk.area_markdown}  # fmt: skip
        write_stdout(area_writers[output_format](in_area))
        return
    with _exit_codes(ctx, role_hint="'--fields'"):
        bulk.columns(fields)
    with _exit_codes(ctx, role_hint="'ROLE...'"):
        table = bulk_table(roles or [], every, fields, data)
    writers = {Format.CSV: bulk.table_csv, Format.JSON: bulk.table_json,
               Format.MARKDOWN: bulk.table_markdown}  # fmt: skip
    write_stdout(writers[output_format](table))


LimitOption = Annotated[
    int,
    typer.Option(
        "--limit", "-n", callback=_at_least_one, metavar="N", help="At most N results (default 20)."
    ),
]


@app.command("search", cls=_Command, epilog=EPILOG)
def search_command(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", click_type=_PLAIN, help="Words of a job title, in any order."
        ),
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
        typer.echo(f"No role matches '{safe(text)}'.", err=True)
    else:
        import shutil

        from jobcompare.search import search_lines

        width = shutil.get_terminal_size().columns
        write_stdout("".join(line + "\n" for line in search_lines(hits, width)))


@app.command("show", cls=_Command, epilog=EPILOG)
def show_command(
    ctx: typer.Context,
    role: RoleArgument,
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


class SortBy(str, Enum):
    """What ``moves --by`` sorts on."""

    ONET = "onet"
    PAY = "pay"
    GROWTH = "growth"
    GAP = "gap"


@app.command("moves", cls=_Command, epilog=EPILOG)
def moves_command(
    ctx: typer.Context,
    role: RoleArgument,
    top: Annotated[
        int | None,
        typer.Option(
            "--top", "-n", callback=_at_least_one, metavar="N", help="Only the first N moves."
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
    output_format: Annotated[
        Format, _format_option("one row per related occupation")
    ] = Format.TABLE,
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


# -- import and sources ----------------------------------------------------------------


class ImportSource(str, Enum):
    """What ``jobcompare import`` reads: every source, or one of them."""

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
@app.command("import", cls=_Command, epilog=EPILOG)
def import_command(
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
            click_type=_PATH,
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
    from jobcompare.commands.importing import SOURCE_MODULES, run_import

    if source is ImportSource.ALL:
        from jobcompare.importers._write import ALL_IMPORTERS

        raise typer.Exit(run_import(root, output, ALL_IMPORTERS, keep=False))
    raise typer.Exit(run_import(root, output, [SOURCE_MODULES[source.value]], keep=True))


@app.command("sources", cls=_Command, epilog=EPILOG)
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
        import shutil

        write_stdout(sources_text(document, shutil.get_terminal_size().columns))
