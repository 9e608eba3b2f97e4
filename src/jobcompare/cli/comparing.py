"""The commands that compare: ``compare`` (``jobcompare A B``, also by area), ``show``,
``moves`` and ``history``."""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from jobcompare.cli.options import (
    PLAIN,
    AdjustOption,
    AllDutiesOption,
    AreaOption,
    DataOption,
    ExportOption,
    FormatOption,
    ForOption,
    FullOption,
    HourlyOption,
    JsonOption,
    PayOption,
    PlainOption,
    RoleArgument,
    SectionOption,
    TitleOption,
    at_least_one,
    chosen_format,
    complete_role,
    exit_codes,
    export_option,
    format_option,
    hand_over,
    page_options,
    sections,
    your_pay,
)
from jobcompare.output.options import Options
from jobcompare.registry.section import MAX_ROLES, MIN_ROLES


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
    output_format: FormatOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
    area: AreaOption = None,
    adjust: AdjustOption = False,
    pay: PayOption = None,
    hourly: HourlyOption = False,
    all_duties: AllDutiesOption = False,
    full: FullOption = False,
    title: TitleOption = None,
    prepared_for: ForOption = None,
) -> None:
    """Compare 2-4 roles side by side (the default command: 'compare' may be left out).

    Example: jobcompare patient-account-coordinator collections-coordinator

    Example: jobcompare "Collections Coordinator" patient-account-coordinator -s salary --json

    Example: jobcompare 43-3011 43-3021 --format markdown > comparison.md

    Example: jobcompare 43-3011 43-3021 --export comparison.html --for Maria

    Example: jobcompare registered-nurses --area ohio --area CA --area austin --adjust

    Example: jobcompare registered-nurses nurse-practitioners --pay 85000
    """
    output_format = chosen_format(ctx, output_format, json, export)
    amount = your_pay(ctx, pay, hourly)
    _check_area_options(ctx, area, adjust, section)
    options = page_options(
        plain=plain, full=all_duties or full, title=title, prepared_for=prepared_for, detail=full
    )
    if area:
        from jobcompare.commands.areas import compare_in_areas

        with exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
            outcome = compare_in_areas(roles, area, data, adjust=adjust, pay=amount)
    else:
        from jobcompare.commands.compare import compare

        with exit_codes(ctx):
            outcome = compare(roles, sections(section), data, amount)
    hand_over(ctx, outcome, output_format, export=export, options=options)


def _check_area_options(
    ctx: typer.Context, area: list[str] | None, adjust: bool, section: list[str] | None
) -> None:
    """What --area allows (compare and show): --adjust needs it, --section cannot go with it."""
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


def show_command(
    ctx: typer.Context,
    role: RoleArgument,
    section: SectionOption = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
    area: AreaOption = None,
    adjust: AdjustOption = False,
    pay: PayOption = None,
    hourly: HourlyOption = False,
    all_duties: AllDutiesOption = False,
    full: FullOption = False,
    title: TitleOption = None,
    prepared_for: ForOption = None,
) -> None:
    """Show one role's full profile; with --area, its pay and jobs in 1-4 areas beside the
    nation's (as 'jobcompare ROLE --area AREA').

    Example: jobcompare show collections-coordinator

    Example: jobcompare show registered-nurses --export nurses.html

    Example: jobcompare show registered-nurses --pay 85000

    Example: jobcompare show registered-nurses --area ohio --adjust
    """
    output_format = chosen_format(ctx, output_format, json, export)
    amount = your_pay(ctx, pay, hourly)
    _check_area_options(ctx, area, adjust, section)
    if area:
        # One role in its areas: the area comparison, drawn by the area view.
        from jobcompare.commands.areas import compare_in_areas

        with exit_codes(ctx, role_hint="'ROLE' / '--area'"):
            outcome = compare_in_areas([role], area, data, adjust=adjust, pay=amount)
    else:
        from jobcompare.commands.compare import show

        with exit_codes(ctx, role_hint="'ROLE'"):
            outcome = show(role, sections(section), data, amount)
    options = page_options(
        plain=plain, full=all_duties or full, title=title, prepared_for=prepared_for, detail=full
    )
    hand_over(ctx, outcome, output_format, export=export, options=options)


class SortBy(str, Enum):
    """What ``moves --by`` sorts on (jobcompare.engine.moves.SORT_KEYS)."""

    ONET = "onet"
    PAY = "pay"
    GROWTH = "growth"
    GAP = "gap"


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
    output_format: Annotated[str | None, format_option("one row per related occupation")] = None,
    json: JsonOption = False,
    export: Annotated[Path | None, export_option("one row per related occupation")] = None,
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
    hand_over(ctx, outcome, output_format, export=export, options=Options(charts=False))


def history_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            metavar="ROLE",
            click_type=PLAIN,
            help="1 to 4 roles: slug, SOC code, title (any case) or a name people use (see "
            "'jobcompare search').",
            autocompletion=complete_role,
            show_default=False,
        ),
    ],
    output_format: Annotated[str | None, format_option("one row per figure, year and role")] = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: Annotated[Path | None, export_option("one row per figure, year and role")] = None,
    data: DataOption = None,
) -> None:
    """Pay over time: each role's national employment, mean and percentiles per year as
    BLS OEWS published them, May 2021 to May 2025 (hourly for occupations paid by the
    hour only), the change from the first to the last year, and the median on one axis.
    Nominal dollars; a series never joins years across a change of code or title
    (docs/history.md).

    Example: jobcompare history registered-nurses software-developers

    Example: jobcompare history actors --format csv
    """
    from jobcompare.commands.history import history

    output_format = chosen_format(ctx, output_format, json, export)
    with exit_codes(ctx):
        outcome = history(roles, data)
    hand_over(ctx, outcome, output_format, export=export, options=Options(charts=not plain))
