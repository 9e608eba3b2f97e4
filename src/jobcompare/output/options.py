"""How much a page shows: what a command's options ask of every view."""

from typing import NamedTuple


class Options(NamedTuple):
    """How much a document shows: ``charts`` (bars and salary charts; ``--plain`` turns
    them off) and ``full`` (every item of every list, ``--all-duties``)."""

    charts: bool = True
    full: bool = False
