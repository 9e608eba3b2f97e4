"""An official role's published AI exposure figures, read from the store: each score as
its authors publish it with its rank (``model.Exposure``), or None with the reason the
importer stored (a residual occupation the paper does not rate; one it rates only as the
occupations within it, named). docs/ai-exposure.md gives the rules.

Called by :func:`jobcompare.sources.store_profile.fill`, which passes how it names a
source (its label starts every reason), cites a source and records a missing figure.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jobcompare.model import Exposure

#: Each store table, the source that writes it, and its figures: (score column, rank
#: column, model path). importers/ai_gpts.py and importers/ai_applicability.py.
TABLES: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("ai_gpts", "gpts-are-gpts", (
        ("gpt4_beta", "gpt4_beta_lower", "overview.ai_gpt4_beta"),
        ("human_beta", "human_beta_lower", "overview.ai_human_beta"),
    )),
    ("ai_applicability", "working-with-ai", (
        ("score", "score_lower", "overview.ai_applicability"),
    )),
)  # fmt: skip


def read(
    tables: Collection[str],
    query: Callable[[str, tuple[object, ...]], list[tuple[Any, ...]]],
    soc: str,
    name: Callable[[str], str],
    cite: Callable[[str], None],
    missing: Callable[[str, str], None],
) -> dict[str, Exposure | None]:
    """Model path -> the figure, for the occupation ``soc``; the source is cited when it
    gives one, and each missing figure's reason recorded (``name(source)``: its start). A
    table the store was built without gives nothing, and no reason."""
    from jobcompare.model import Exposure

    values: dict[str, Exposure | None] = {}
    for table, source, figures in TABLES:
        if table not in tables:
            continue
        columns = [c for score, lower, _ in figures for c in (score, lower)]
        rows = query(
            f"SELECT {', '.join(columns)}, rated, missing_reason FROM {table} WHERE soc = ?",
            (soc,),
        )
        found = rows[0] if rows else None
        for index, (_, _, path) in enumerate(figures):
            score = found[2 * index] if found else None
            lower = found[2 * index + 1] if found else None
            rated = found[-2] if found else None
            if score is None or lower is None or rated is None:
                why = (found[-1] if found else None) or "no row for this occupation"
                missing(path, f"{name(source)}: {why}")
                values[path] = None
                continue
            cite(source)
            number = score if isinstance(score, (int, float)) else float(score)
            values[path] = Exposure(number, int(lower), int(rated))
    return values
