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


def _education(value: str | None) -> str | None:
    """--max-education's level, as BLS names it (engine/moves.py:education_level)."""
    if value is None:
        return None
    from jobcompare.engine.moves import education_level

    try:
        return education_level(value)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


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
            help="onet (O*NET's order, or the match with --all-occupations; the default), "
            "pay (largest rise first), growth (largest first) or gap (smallest skill gap "
            "first, each level of entry education up counting 4 level points).",
        ),
    ] = SortBy.ONET,
    all_occupations: Annotated[
        bool,
        typer.Option(
            "--all-occupations",
            help="Rank every occupation O*NET rates by how alike its 35 skills are (less "
            "a little for each level of entry education up), not only O*NET's related "
            "occupations: the closest 20 (or --top's N), half in the role's own field and "
            "half in others.",
        ),
    ] = False,
    max_education: Annotated[
        str | None,
        typer.Option(
            "--max-education",
            metavar="LEVEL",
            callback=_education,
            help="Only moves whose typical entry education (BLS) is at most LEVEL: e.g. "
            '"bachelor\'s degree", master, "high school".',
        ),
    ] = None,
    same_zone: Annotated[
        bool,
        typer.Option("--same-zone", help="Only moves in the role's O*NET job zone."),
    ] = False,
    interests: Annotated[
        bool,
        typer.Option(
            "--interests",
            help="Put first the moves that keep more of the role's O*NET interest high "
            "points (its interest code, e.g. SCI).",
        ),
    ] = False,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            metavar="AREA",
            help="Median pay and its change in this area: a state (TX, texas), a metro "
            "area (austin) or a BLS area code. See 'jobcompare areas'.",
            show_default=False,
        ),
    ] = None,
    adjust: AdjustOption = False,
    output_format: Annotated[str | None, format_option("one row per move")] = None,
    json: JsonOption = False,
    export: Annotated[Path | None, export_option("one row per move")] = None,
    data: DataOption = None,
) -> None:
    """Where a job can lead: O*NET's related occupations (or, with --all-occupations, the
    occupations closest in skills), each with its median pay and the difference, projected
    growth, the step in entry education and job zone, and the skills to build.

    Example: jobcompare moves billing-and-posting-clerks

    Example: jobcompare moves "medical biller" --by pay --top 5

    Example: jobcompare moves registered-nurses --all-occupations --top 8

    Example: jobcompare moves registered-nurses --max-education "bachelor's degree" --area ohio
    """
    from jobcompare.commands.moves import moves

    output_format = chosen_format(ctx, output_format, json, export)
    if adjust and not area:
        raise typer.BadParameter(
            "--adjust divides an area's pay by its price level: give the area with --area "
            "(e.g. --area ohio --adjust)", ctx=ctx, param_hint="'--adjust'",
        )  # fmt: skip
    with exit_codes(ctx, role_hint="'ROLE' / '--area'"):
        outcome = moves(
            role, data, by=by.value, top=top, all_occupations=all_occupations,
            max_education=max_education, same_zone=same_zone, interests=interests,
            area=area, adjust=adjust,
        )  # fmt: skip
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
