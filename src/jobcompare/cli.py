"""The command line: parse, call the library, print, and map errors to exit codes.

Everything that computes lives in dataset.py and compare.py; everything that draws lives
in render/. Rich is imported only by the commands that draw, so ``--json`` never pays for
it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
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
    from jobcompare.store import Roles


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
    """Console-script entry point."""
    try:
        app(prog_name="jobcompare")
    except OSError as exc:
        # Standard output is full or gone (a closed pipe is handled by Typer already).
        sys.stderr.write(f"jobcompare: error: cannot write the output: {exc.strerror or exc}\n")
        sys.exit(ExitCode.DATA_ERROR)


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


def _catalogue(data: Path | None) -> Catalogue | Roles:
    """The roles of --data, or the bundled ones (data/roles.toml and the official store)."""
    if data is None:
        from jobcompare.store import open_roles

        return open_roles()
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


for _key in ("oews", "rpp"):
    _import_one(_key)


@app.command("sources")
def sources_command(json: JsonOption = False) -> None:
    """List the official sources of the bundled data: release, year, licence, attribution
    and how many occupations (and areas) each covers.

    Example: jobcompare sources --json
    """
    from jobcompare.commands.importing import sources_document, sources_text
    from jobcompare.errors import DatasetError

    try:
        document = sources_document()
    except DatasetError as exc:
        for problem in exc.problems:
            typer.echo(f"jobcompare: error: {safe(str(problem))}", err=True)
        raise typer.Exit(ExitCode.DATA_ERROR) from None
    if json:
        _write_json(document)
    else:
        _write_text(sources_text(document))
