"""The command line: Typer wiring only. Each command (comparing.py, places.py, roles.py,
data.py) parses its options, calls its command (jobcompare.commands), and hands the
outcome to the one output dispatch; errors become their message and exit status in one
place (options.exit_codes, errors.failure). The commands are registered here, in the
order --help lists them.

Rich is imported only by the formats that draw, so ``--json``, ``-f csv`` and
``-f markdown`` never pay for it.
"""

import os
import sys
from typing import Annotated

import typer

from jobcompare import __version__
from jobcompare.cli import comparing, data, places, roles
from jobcompare.cli.group import (
    NO_COLOR_FLAG,
    NO_PAGER_FLAG,
    ONLY_DATA_FLAG,
    Command,
    CompareByDefault,
    CompareCommand,
)
from jobcompare.errors import ExitStatus

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

for name, command, kind in (
    ("compare", comparing.compare_command, CompareCommand),
    ("show", comparing.show_command, Command),
    ("areas", places.areas_command, Command),
    ("where", places.where_command, Command),
    ("list", roles.list_command, Command),
    ("search", roles.search_command, Command),
    ("table", roles.table_command, Command),
    ("moves", comparing.moves_command, Command),
    ("history", comparing.history_command, Command),
    ("validate", data.validate_command, Command),
    # One command with a SOURCE argument, not a sub-app of eight: Typer builds every
    # command of the tree on every run, and each costs start-up whatever command is run.
    ("import", data.import_command, Command),
    ("sources", data.sources_command, Command),
):
    app.command(name, cls=kind, epilog=EPILOG)(command)


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
    no_pager: Annotated[
        bool,
        typer.Option(
            NO_PAGER_FLAG,
            help="Print long output straight to the terminal, not through the pager (as "
            "JOBCOMPARE_PAGER=); it may come anywhere.",
        ),
    ] = False,
) -> None:
    """Compare job roles side by side: salary, overview, education, demographics, duties, skills.

    Example: jobcompare patient-account-coordinator collections-coordinator

    Options may come before the command: jobcompare --data my.toml list

    On a terminal, output longer than the screen goes through a pager, as git's does:
    $JOBCOMPARE_PAGER, else $PAGER, else 'less -FRX' (--no-pager: never).
    """
    if no_color:
        # What every colour decision reads (Rich's consoles): as if the user had set it.
        _set_for_this_run(ctx, "NO_COLOR")
    if only_data:
        from jobcompare.sources.roles import ONLY_DATA

        _set_for_this_run(ctx, ONLY_DATA)
    if no_pager:
        from jobcompare.output.pager import PAGER

        _set_for_this_run(ctx, PAGER, "")  # set but empty: no pager, as git's --no-pager


def _set_for_this_run(ctx: typer.Context, name: str, value: str = "1") -> None:
    """Set ``name=value`` in the environment until the command ends, then put back what was
    there: a flag must not outlive its own command (in tests, several run in one process)."""
    previous = os.environ.get(name)
    os.environ[name] = value

    def restore() -> None:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous

    ctx.call_on_close(restore)
