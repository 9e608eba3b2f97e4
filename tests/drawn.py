"""Drawing a comparison or a profile with Rich at a fixed width, for the terminal tests:
the comparison view's document, drawn by the terminal writer's renderables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, RenderableType

from jobcompare.engine.results import Comparison, Profile, SectionResult
from jobcompare.model import Role
from jobcompare.output.blocks import Document
from jobcompare.output.options import Options
from jobcompare.output.terminal import draw
from jobcompare.output.views import comparison as view


def comparison(result: Comparison, *, charts: bool = True, full: bool = False) -> list[Any]:
    """Everything ``jobcompare A B`` shows, as Rich renderables."""
    options = Options(charts=charts, full=full)
    return draw.document(view.document(result, options), charts=charts)


def profile(
    role: Role, sections: Sequence[SectionResult], *, charts: bool = True
) -> list[RenderableType]:
    options = Options(charts=charts)
    return draw.document(view.document(Profile(role, tuple(sections)), options), charts=charts)


def print_all(console: Console, renderables: list[RenderableType]) -> None:
    console.file.write(draw.text(console, renderables))


def comparison_document(result: Comparison, *, charts: bool = True, full: bool = False) -> Document:
    """The comparison view's document (``full``: as --full draws it, every row and item)."""
    return view.document(result, Options(charts=charts, full=full, detail=full))


def to_markdown(result: object) -> str:
    from jobcompare.output.dispatch import render

    return render(result, "markdown")


def to_csv(result: object) -> str:
    from jobcompare.output.dispatch import render

    return render(result, "csv")


def listing_lines(result: object, width: int) -> list[str]:
    """A listing's lines on a terminal ``width`` wide (a pipe would get records)."""
    from importlib import import_module

    from jobcompare.output.blocks import Listing
    from jobcompare.output.dispatch import VIEWS
    from jobcompare.output.terminal import plain

    document = import_module(VIEWS[type(result).__name__]).document(result, Options())
    block = next(b for b in document.flat() if isinstance(b, Listing))
    return plain.listing_lines(block.without_empty_columns(), width)


def role_lines(roles: Sequence[Any], width: int) -> list[str]:
    from jobcompare.engine.listing import RoleList

    return listing_lines(RoleList(tuple(roles)), width)
