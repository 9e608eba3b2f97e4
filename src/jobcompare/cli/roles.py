"""The role commands: ``list``, ``search`` and ``table``."""

from pathlib import Path
from typing import Annotated

import typer

from jobcompare.cli.options import (
    PLAIN,
    DataOption,
    JsonOption,
    LimitOption,
    chosen_format,
    complete_role,
    exit_codes,
    format_option,
    hand_over,
    search_option,
)


def list_command(
    ctx: typer.Context,
    search: Annotated[
        str | None,
        search_option("Search instead of listing: the same as 'jobcompare search TEXT'."),
    ] = None,
    output_format: Annotated[str | None, format_option("one row per role")] = None,
    json: JsonOption = False,
    data: DataOption = None,
) -> None:
    """List the roles in the dataset (slug, SOC code, title, category).

    Into a pipe or a file, one role a line, its fields separated by tabs.

    Example: jobcompare list --search coordinator
    """
    output_format = chosen_format(ctx, output_format, json)
    if search is not None:
        _search(ctx, search, output_format, 20, data)
        return
    from jobcompare.commands.roles import list_roles

    with exit_codes(ctx):
        outcome = list_roles(data)
    hand_over(ctx, outcome, output_format)


def search_command(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", click_type=PLAIN, help="Words of a job title, in any order."
        ),
    ],
    output_format: Annotated[str | None, format_option("one row per role found")] = None,
    json: JsonOption = False,
    limit: LimitOption = 20,
    data: DataOption = None,
) -> None:
    """Find roles by the name people use: titles, O*NET alternate and reported titles and
    descriptions, words in any order, singular or plural, or their beginnings.

    Example: jobcompare search "software engineer"

    Example: jobcompare search "nurs reg" --json
    """
    _search(ctx, text, chosen_format(ctx, output_format, json), limit, data)


def _search(
    ctx: typer.Context, text: str, output_format: str, limit: int, data: Path | None
) -> None:
    from jobcompare.commands.roles import search

    with exit_codes(ctx, role_hint="'TEXT'"):
        outcome = search(text, data, limit)
    hand_over(ctx, outcome, output_format)


def table_command(
    ctx: typer.Context,
    roles: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ROLE]...",
            click_type=PLAIN,
            help="Roles (slug, title or SOC code), one row each; or give --all.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Every role in the dataset.")] = False,
    official: Annotated[
        bool,
        typer.Option(
            "--official",
            help="With --all: official occupations only (no hand-written role, and not "
            "BLS's total of all occupations, 00-0000).",
        ),
    ] = False,
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--fields",
            metavar="FIELDS",
            help="Figures to show, by JSON key (overview.yearly_salary, "
            "salary.percentiles.p50, or a key only one section has: number_of_jobs); "
            "separate with commas or repeat. 'list' lists them all (with --area, the "
            "area's measures). Default: category, pay and jobs.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None, format_option("one row per role (and area)", default="csv")
    ] = None,
    json: JsonOption = False,
    area: Annotated[
        list[str] | None,
        typer.Option(
            "--area",
            "-a",
            metavar="AREA",
            help="BLS's figures in an area instead (a state, a metro area or a BLS area "
            "code; see 'jobcompare areas'); repeat for several areas: one row per role and "
            "area. --fields are then its measures: employment, jobs_per_1000, "
            "location_quotient, annual_mean, hourly_mean, annual_p10 ... annual_p90, "
            "hourly_p10 ... hourly_p90.",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """One row per role with the figures asked for: for spreadsheets and scripts.

    Example: jobcompare table --all --official --fields number_of_jobs,growth_rate > jobs.csv

    Example: jobcompare table 43-3011 43-3021 registered-nurses -f markdown

    Example: jobcompare table --all --area ohio --area texas --fields employment,annual_p50
    """
    from jobcompare.commands import roles as commands

    listing = bool(fields) and [f.strip().lower() for f in fields or []] == ["list"]
    # A table is CSV unless asked otherwise; the list of fields is one name a line.
    output_format = chosen_format(ctx, output_format, json, default="table" if listing else "csv")
    # The commands check --fields first; an error names the option it is about.
    if area:
        with exit_codes(ctx, role_hint="'ROLE...' / '--area' / '--fields'"):
            if listing:
                outcome = commands.area_fields(area)
            else:
                outcome = commands.area_table(roles or [], every, fields, area, data, official)
    else:
        with exit_codes(ctx, role_hint="'ROLE...' / '--fields'"):
            if listing:
                outcome = commands.fields(data)
            else:
                outcome = commands.table(roles or [], every, fields, data, official)
    hand_over(ctx, outcome, output_format)
