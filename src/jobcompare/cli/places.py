"""The area commands: ``areas`` and ``where``."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobcompare.cli.options import (
    DataOption,
    JsonOption,
    PlainOption,
    RoleArgument,
    at_least_one,
    chosen_format,
    exit_codes,
    export_option,
    format_option,
    hand_over,
    search_option,
)
from jobcompare.output.options import Options


def areas_command(
    ctx: typer.Context,
    search: Annotated[
        str | None, search_option("Only areas whose name, BLS code or postal code has this.")
    ] = None,
    output_format: Annotated[str | None, format_option("one row per area")] = None,
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
    hand_over(ctx, outcome, output_format)


class RankBy(str, Enum):
    """What ``where --by`` ranks on (jobcompare.engine.where.BY)."""

    MEDIAN = "median"
    MEAN = "mean"
    ADJUSTED = "adjusted"
    EMPLOYMENT = "employment"
    LQ = "lq"


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
    state: Annotated[
        str | None,
        typer.Option(
            "--in",
            metavar="STATE",
            help="Only the metropolitan and nonmetropolitan areas of one state (postal code "
            "or name: OH, ohio); a metro area crossing state lines counts in each of its "
            "states.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            "-n",
            callback=at_least_one,
            metavar="N",
            help="How many areas to show (default 20; with --in, every area of the state).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[str | None, format_option("one row per area")] = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: Annotated[Path | None, export_option("one row per area")] = None,
    data: DataOption = None,
) -> None:
    """Rank the areas where one role pays best (or employs most), with employment and pay
    adjusted for prices.

    Example: jobcompare where registered-nurses --metros --top 10

    Example: jobcompare where software-developers --by adjusted --states --json

    Example: jobcompare where registered-nurses --in ohio
    """
    from jobcompare.commands.areas import where

    output_format = chosen_format(ctx, output_format, json, export)
    if states and metros:
        raise typer.BadParameter(
            "give --states or --metros, not both (neither: every area)", ctx=ctx,
            param_hint="'--states' / '--metros'",
        )  # fmt: skip
    if states and state is not None:
        raise typer.BadParameter(
            "--in ranks the metro and nonmetro areas of one state: leave out --states",
            ctx=ctx, param_hint="'--in' / '--states'",
        )  # fmt: skip
    kind = "state" if states else "metro" if metros else None
    with exit_codes(ctx, role_hint="'ROLE' / '--in'"):
        outcome = where(role, by.value, kind, top, data, state)
    hand_over(ctx, outcome, output_format, export=export, options=Options(charts=not plain))
