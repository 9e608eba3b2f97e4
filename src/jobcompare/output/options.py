"""How much a page shows: what a command's options ask of every view, and what a handed-
over page (the HTML writer) says above its title."""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import date


class Options(NamedTuple):
    """How much a document shows: ``charts`` (bars and salary charts; ``--plain`` turns
    them off), ``full`` (every item of every list, ``--all-duties``) and ``detail``
    (every row: the distributions, the percentiles, the rows another section repeats;
    ``--full``, and always in Markdown; without it, a page with an official occupation is
    concise). For a handed-over page (HTML, and a Markdown heading): ``title``
    (``--title``, instead of the roles' names), ``prepared_for`` (``--for``) and the
    ``date`` it was made, said under the title ("Prepared for Maria · 6 December 2026");
    None where a command has none."""

    charts: bool = True
    full: bool = False
    detail: bool = False
    #: With ``detail``, on a handed-over page (HTML): the concise page first, then every
    #: row as an appendix.
    appendix: bool = False
    title: str | None = None
    prepared_for: str | None = None
    date: "date | None" = None
