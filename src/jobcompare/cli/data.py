"""The commands about the data itself: ``validate``, ``import`` and ``sources``."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobcompare.cli.options import (
    PATH,
    DataOption,
    JsonOption,
    chosen_format,
    exit_codes,
    format_option,
    hand_over,
)


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
    output_format: Annotated[str | None, format_option("one row per problem")] = None,
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
    hand_over(ctx, outcome, output_format)


class ImportSource(str, Enum):
    """What ``jobcompare import`` reads: every source, or one of them
    (jobcompare.importers.sources.SOURCES)."""

    ALL = "all"
    OEWS = "oews"
    OEWS_HISTORY = "oews-history"
    RPP = "rpp"
    ONET = "onet"
    ONET_EXCEL = "onet-excel"
    EP = "ep"
    EP_EDUCATION = "ep-education"
    EP_SEPARATIONS = "ep-separations"
    EP_FACTORS = "ep-factors"
    CPS = "cps"
    GPTS_ARE_GPTS = "gpts-are-gpts"
    WORKING_WITH_AI = "working-with-ai"


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
    from jobcompare.output.terminal.progress import progress_bars

    every = source is ImportSource.ALL
    modules = list(SOURCES.values()) if every else [SOURCES[source.value]]
    with exit_codes(ctx), progress_bars() as progress:
        outcome = run_import(root, output, modules, keep=not every, progress=progress)
    hand_over(ctx, outcome, "table")


def sources_command(
    ctx: typer.Context,
    output_format: Annotated[str | None, format_option("one row per source")] = None,
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
    hand_over(ctx, outcome, output_format)
