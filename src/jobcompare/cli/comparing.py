"""The commands that compare: ``compare`` (``jobcompare A B``, also by area), ``show``
and ``moves``."""

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
    JsonOption,
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
    """
    output_format = chosen_format(ctx, output_format, json, export)
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
    options = page_options(
        plain=plain, full=all_duties or full, title=title, prepared_for=prepared_for, detail=full
    )
    if area:
        from jobcompare.commands.areas import compare_in_areas

        with exit_codes(ctx, role_hint="'ROLE...' / '--area'"):
            outcome = compare_in_areas(roles, area, data, adjust=adjust)
    else:
        from jobcompare.commands.compare import compare

        with exit_codes(ctx):
            outcome = compare(roles, sections(section), data)
    hand_over(ctx, outcome, output_format, export=export, options=options)


def show_command(
    ctx: typer.Context,
    role: RoleArgument,
    section: SectionOption = None,
    output_format: FormatOption = None,
    json: JsonOption = False,
    plain: PlainOption = False,
    export: ExportOption = None,
    data: DataOption = None,
    all_duties: AllDutiesOption = False,
    full: FullOption = False,
    title: TitleOption = None,
    prepared_for: ForOption = None,
) -> None:
    """Show one role's full profile.

    Example: jobcompare show collections-coordinator

    Example: jobcompare show registered-nurses --export nurses.html
    """
    from jobcompare.commands.compare import show

    output_format = chosen_format(ctx, output_format, json, export)
    with exit_codes(ctx, role_hint="'ROLE'"):
        outcome = show(role, sections(section), data)
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
            "occupations: the 20 closest (or --top's N).",
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
    with exit_codes(ctx, role_hint="'ROLE'"):
        outcome = moves(
            role, data, by=by.value, top=top, all_occupations=all_occupations,
            max_education=max_education, same_zone=same_zone, interests=interests,
            area=area, adjust=adjust,
        )  # fmt: skip
    # The moves table has no bars: drawn as numbers only.
    hand_over(ctx, outcome, output_format, export=export, options=Options(charts=False))
