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
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from jobcompare import __version__
from jobcompare.compare import MAX_ROLES, MIN_ROLES, ComparisonError, Section
from jobcompare.dataset import DatasetError, UnknownRoleError
from jobcompare.text import safe

if TYPE_CHECKING:
    from jobcompare.dataset import Dataset
    from jobcompare.model import Role


class ExitCode(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    DATA_ERROR = 1  # the dataset is missing, unreadable or invalid
    USAGE_ERROR = 2  # bad arguments: unknown role, section or option


class _CompareByDefault(TyperGroup):
    """``jobcompare A B`` means ``jobcompare compare A B``: anything that is not a
    subcommand or a top-level option is taken as the start of a comparison."""

    default_command = "compare"

    def _top_level_options(self, ctx: Any) -> set[str]:
        return {
            opt for param in self.get_params(ctx) for opt in (*param.opts, *param.secondary_opts)
        }

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in self._top_level_options(ctx):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        return items + [CompletionItem(slug) for slug in complete_role(ctx, incomplete)]


app = typer.Typer(
    cls=_CompareByDefault,
    name="jobcompare",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 ok, 1 data error (dataset missing or invalid), "
    "2 usage error (unknown role, section or option).",
)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="jobcompare")


# -- shared options -----------------------------------------------------------------------


def complete_role(ctx: Any, incomplete: str) -> list[str]:
    """Role slugs for shell completion; silent on any dataset problem."""
    data = ctx.params.get("data") if ctx is not None else None
    if data is None and os.environ.get("JOBCOMPARE_DATA"):
        data = Path(os.environ["JOBCOMPARE_DATA"])
    try:
        from jobcompare.dataset import load_dataset

        roles = load_dataset(data).roles
    except (DatasetError, OSError):
        return []
    prefix = incomplete.lower()
    return [r.slug for r in roles if r.slug.startswith(prefix)]


DataOption = Annotated[
    Optional[Path],
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
    Optional[list[Section]],
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
        Optional[bool],
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
def _exit_codes(ctx: typer.Context) -> Iterator[None]:
    """The one place where library errors become messages and exit codes."""
    try:
        yield
    except DatasetError as exc:
        for problem in exc.problems:
            typer.echo(f"jobcompare: error: {safe(str(problem))}", err=True)
        typer.echo("jobcompare: the dataset cannot be used (see above)", err=True)
        raise typer.Exit(ExitCode.DATA_ERROR) from None
    except (UnknownRoleError, ComparisonError) as exc:
        raise typer.BadParameter(safe(str(exc)), ctx=ctx, param_hint="'ROLE...'") from None


def _dataset(data: Path | None) -> Dataset:
    from jobcompare.dataset import load_dataset

    return load_dataset(data)


def _print(renderables: Sequence[Any]) -> None:
    from jobcompare.render import make_console, print_all

    print_all(make_console(), renderables)


def _write_json(document: object) -> None:
    from jobcompare.jsonout import dumps

    # One write of the finished text: an error can never leave half a document on stdout.
    sys.stdout.write(dumps(document))


# -- commands -----------------------------------------------------------------------------


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
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """Compare 2-4 roles side by side (the default command: 'compare' may be left out).

    Example: jobcompare patient-account-coordinator collections-coordinator

    Example: jobcompare "Collections Coordinator" patient-account-coordinator -s salary --json
    """
    from jobcompare.compare import compare

    with _exit_codes(ctx):
        dataset = _dataset(data)
        if not MIN_ROLES <= len(roles) <= MAX_ROLES:
            raise ComparisonError(
                f"compare {MIN_ROLES} to {MAX_ROLES} roles at a time ({len(roles)} given)"
            )
        found = [dataset.find(query) for query in roles]
        result = compare(found, section or tuple(Section))
    if json:
        from jobcompare.jsonout import comparison_document

        _write_json(comparison_document(result))
    else:
        from jobcompare import render

        _print(render.comparison(result))


@app.command("list")
def list_command(
    ctx: typer.Context,
    search: Annotated[
        Optional[str],
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
        roles = _matching(_dataset(data).roles, search)
    if json:
        from jobcompare.jsonout import list_document

        _write_json(list_document(roles))
    else:
        from jobcompare import render

        _print([render.role_list(roles)] if roles else [f"No role matches '{safe(search or '')}'."])


def _matching(roles: Sequence[Role], search: str | None) -> list[Role]:
    if not search:
        return list(roles)
    needle = search.casefold()
    return [
        r
        for r in roles
        if any(needle in (field or "").casefold() for field in (r.slug, r.title, r.category, r.soc))
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
    data: DataOption = None,
) -> None:
    """Show one role's full profile.

    Example: jobcompare show collections-coordinator
    """
    from jobcompare.compare import build_sections

    with _exit_codes(ctx):
        found = _dataset(data).find(role)
    sections = build_sections([found], section or tuple(Section))
    if json:
        from jobcompare.jsonout import role_document

        _write_json(role_document(found, sections))
    else:
        from jobcompare import render

        _print(render.profile(found, sections))


@app.command("validate")
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Optional[Path],
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
    files = len(dataset.files)
    typer.echo(f"OK: {len(dataset.roles)} role(s) in {files} file(s), {warnings} warning(s)")
