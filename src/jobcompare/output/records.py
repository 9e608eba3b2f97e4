"""What the CSV writer writes: a view's records, one per row of its result."""

from typing import NamedTuple


class Records(NamedTuple):
    """What CSV writes: a header and the records. A value is None (empty), a bool
    (``true``/``false``), a number (as the source wrote it) or text (which the writer
    makes safe)."""

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
