"""The command line: parse, call the library, print, and map errors to exit codes.

Everything that computes lives in dataset.py and compare.py; everything that draws lives
in render/. Rich is imported only by the commands that draw, so ``--json`` never pays for
it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from jobcompare import __version__
from jobcompare.errors import DatasetError
from jobcompare.names import AmbiguousRoleError, UnknownRoleError
from jobcompare.sections import (
    MAX_ROLES,
    MIN_ROLES,
    ComparisonError,
    Section,
    check_role_count,
)
from jobcompare.text import safe

if TYPE_CHECKING:
    from jobcompare.catalogue import Catalogue
    from jobcompare.model import Listed


class ExitCode(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    DATA_ERROR = 1  # the dataset is missing, unreadable or invalid (or output failed)
    USAGE_ERROR = 2  # bad arguments: unknown role, section or option


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
        code = ExitCode.DATA_ERROR
    if isinstance(code, str):  # sys.exit("message"): say it ourselves, safely
        _write_error(f"{code}\n")
        code = ExitCode.DATA_ERROR
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
        roles = _catalogue(data).listing
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
        raise typer.Exit(ExitCode.OK)


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
    """The one place where library errors become messages and exit codes."""
    try:
        yield
    except DatasetError as exc:
        for problem in exc.problems:
            typer.echo(f"jobcompare: error: {safe(str(problem))}", err=True)
        typer.echo("jobcompare: the dataset cannot be used (see above)", err=True)
        raise typer.Exit(ExitCode.DATA_ERROR) from None
    except (UnknownRoleError, AmbiguousRoleError, ComparisonError) as exc:
        raise typer.BadParameter(safe(str(exc)), ctx=ctx, param_hint=role_hint) from None


def _catalogue(data: Path | None) -> Catalogue:
    from jobcompare.catalogue import open_catalogue

    return open_catalogue(data)


def _print(renderables: Sequence[Any]) -> None:
    from jobcompare.render import make_console, print_all

    print_all(make_console(), renderables)
    sys.stdout.flush()  # so that a write error is reported here, not at interpreter exit


def _write_text(text: str) -> None:
    # One write of the finished text, as for JSON.
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_json(document: object) -> None:
    from jobcompare.jsonout import dumps

    # One write of the finished text: an error can never leave half a document on stdout.
    sys.stdout.write(dumps(document))
    sys.stdout.flush()


# -- commands -----------------------------------------------------------------------------


class Format(str, Enum):
    """What ``compare`` prints."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        "--no-charts",
        help="Numbers only: no bars or salary chart (tables and exports).",
    ),
]


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
    output_format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table (the default), markdown (GitHub tables), csv (one row per figure) or json.",
        ),
    ] = Format.TABLE,
    json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    plain: PlainOption = False,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            metavar="FILE",
            help="Also save what the tables show as a self-contained report: FILE.html or "
            "FILE.svg.",
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Compare 2-4 roles side by side (the default command: 'compare' may be left out).

    Example: jobcompare patient-account-coordinator collections-coordinator

    Example: jobcompare "Collections Coordinator" patient-account-coordinator -s salary --json

    Example: jobcompare 43-3011 43-3021 --format markdown > comparison.md

    Example: jobcompare 43-3011 43-3021 --export comparison.html
    """
    from jobcompare.compare import compare

    if json:
        if output_format not in (Format.TABLE, Format.JSON):
            raise typer.BadParameter(
                "--json is --format json: give one or the other", ctx=ctx, param_hint="'--json'"
            )
        output_format = Format.JSON
    if export is not None:
        if output_format is not Format.TABLE:
            raise typer.BadParameter(
                "an export saves the tables: leave out --format/--json", ctx=ctx,
                param_hint="'--export'",
            )  # fmt: skip
        if export.suffix.lower() not in EXPORT_SUFFIXES:
            raise typer.BadParameter(
                f"'{safe(export.name)}': the report is HTML or SVG, so FILE must end in "
                + " or ".join(EXPORT_SUFFIXES), ctx=ctx, param_hint="'--export'",
            )  # fmt: skip
    with _exit_codes(ctx):
        check_role_count(len(roles))
        catalogue = _catalogue(data)
        found = [catalogue.find(query) for query in roles]
        result = compare(found, section or tuple(Section))
    if output_format is Format.JSON:
        from jobcompare.jsonout import comparison_document

        _write_json(comparison_document(result))
    elif output_format is Format.MARKDOWN:
        from jobcompare.exports import to_markdown

        _write_text(to_markdown(result))
    elif output_format is Format.CSV:
        from jobcompare.exports import to_csv

        _write_text(to_csv(result))
    else:
        from jobcompare import render

        renderables = render.comparison(result, charts=not plain)
        if export is not None:
            title = " vs ".join(role.title for role in result.roles)
            try:
                render.export(renderables, export, title=safe(title))
            except OSError as exc:
                typer.echo(
                    f"jobcompare: error: cannot write {safe(str(export))}: {exc.strerror or exc}",
                    err=True,
                )
                raise typer.Exit(ExitCode.DATA_ERROR) from None
        _print(renderables)


EXPORT_SUFFIXES = (".html", ".htm", ".svg")


@app.command("list")
def list_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", "-q", help="Only roles whose slug, title, category or SOC code has this."
        ),
    ] = None,
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, title, category).

    Example: jobcompare list --search coordinator
    """
    with _exit_codes(ctx):
        roles = _matching(_catalogue(data).listing, search)
    if json:
        from jobcompare.jsonout import list_document

        _write_json(list_document(roles))
    elif not roles:
        typer.echo(f"No role matches '{safe(search or '')}'.")
    else:
        import shutil

        from jobcompare.listing import role_lines

        width = shutil.get_terminal_size().columns
        sys.stdout.write("".join(line + "\n" for line in role_lines(roles, width)))
        sys.stdout.flush()


def _matching(roles: Sequence[Listed], search: str | None) -> list[Listed]:
    if not search:
        return list(roles)
    needle = search.casefold()
    return [
        r
        for r in roles
        if any(
            needle in (field or "").casefold()
            for field in (r.slug, r.title, r.category, r.soc, (r.soc or "").replace("-", ""))
        )
    ]


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
    json: JsonOption = False,
    plain: PlainOption = False,
    data: DataOption = None,
) -> None:
    """Show one role's full profile.

    Example: jobcompare show collections-coordinator
    """
    from jobcompare.compare import build_sections

    with _exit_codes(ctx, role_hint="'ROLE'"):
        found = _catalogue(data).find(role)
    sections = build_sections([found], section or tuple(Section))
    if json:
        from jobcompare.jsonout import role_document

        _write_json(role_document(found, sections))
    else:
        from jobcompare import render

        _print(render.profile(found, sections, charts=not plain))


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
    from jobcompare.dataset import check_dataset

    with _exit_codes(ctx):
        dataset, problems = check_dataset(path or data)
    for problem in problems:
        typer.echo(safe(str(problem)), err=True)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if dataset is None:
        typer.echo(
            f"{errors} error(s), {warnings} warning(s): the dataset cannot be used", err=True
        )
        raise typer.Exit(ExitCode.DATA_ERROR)
    names = ", ".join(str(f) for f in dataset.files)
    typer.echo(f"OK: {len(dataset.roles)} role(s) in {safe(names)}, {warnings} warning(s)")


# -- import -------------------------------------------------------------------------------

import_app = typer.Typer(
    name="import",
    help="Build dataset files from official sources (rerun when they publish anew).",
    no_args_is_help=True,
)
app.add_typer(import_app)


@import_app.command("bls-oews")
def import_bls_oews_command(
    ctx: typer.Context,
    oews_dir: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
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
    import shlex

    from jobcompare.importers.bls_oews import OEWSImportError, write_oews_dataset

    words = ["jobcompare", "import", "bls-oews", str(oews_dir)]
    if onet is not None:
        words += ["--onet", str(onet)]
    if onet_version is not None:
        words += ["--onet-version", onet_version]
    words += ["-o", str(output)]
    try:
        with _progress_bar("Reading BLS data") as advance:
            write_oews_dataset(
                oews_dir,
                onet,
                output,
                command=" ".join(shlex.quote(w) for w in words),
                progress=advance,
                onet_version=onet_version,
            )
    except OEWSImportError as exc:
        typer.echo(f"jobcompare: error: {safe(str(exc))}", err=True)
        raise typer.Exit(ExitCode.DATA_ERROR) from None
    except OSError as exc:
        typer.echo(f"jobcompare: error: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(ExitCode.DATA_ERROR) from None
    from jobcompare.dataset import load_dataset

    # Check what was written the way every later run will read it.
    with _exit_codes(ctx):
        dataset = load_dataset(output)
    typer.echo(f"Wrote {len(dataset.roles)} roles to {safe(str(output))}")


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
