"""How much a page shows: what a command's options ask of every view."""

from typing import NamedTuple


class Options(NamedTuple):
    """How much a document shows: ``charts`` (bars and salary charts; ``--plain`` turns
    them off), ``full`` (every item of every list, ``--all-duties``) and ``detail``
    (every row: the distributions, the percentiles, the rows another section repeats;
    ``--full``, and always in Markdown). Without ``detail``, a page with an official
    occupation is concise (docs/reading.md)."""

    charts: bool = True
    full: bool = False
    detail: bool = False
