"""The role list as plain text. Rich would lay out ten thousand rows in seconds; aligned
columns need no more than string padding, so this module does not import it."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from jobcompare.text import safe

if TYPE_CHECKING:
    from jobcompare.model import Listed

GAP = "  "


def role_lines(roles: Sequence[Listed], width: int) -> Iterator[str]:
    """Slug, SOC code (when any role has one), title and category, one role a line when
    that fits in ``width``; otherwise each role on two lines, its slug alone on the first.
    Slugs are what people copy into the next command, so they are never wrapped."""
    rows = [
        [safe(r.slug), _line(r.soc or "—"), _line(r.title), _line(r.category or "—")] for r in roles
    ]
    with_soc = any(r.soc for r in roles)
    if not with_soc:
        rows = [[slug, title, category] for slug, _, title, category in rows]
    header = ["Slug", "SOC", "Title", "Category"] if with_soc else ["Slug", "Title", "Category"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    if sum(widths) + len(GAP) * (len(widths) - 1) <= width:
        yield GAP.join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
        yield "─" * min(width, sum(widths) + len(GAP) * (len(widths) - 1))
        for row in rows:
            yield GAP.join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        return
    for slug, *facts in rows:
        yield slug
        details = "  " + " · ".join(f for f in facts if f != "—")
        if len(details) <= width:
            yield details
        else:
            yield from textwrap.wrap(
                details, width, initial_indent="", subsequent_indent="  ", break_long_words=False
            )


def role_records(roles: Sequence[Listed]) -> Iterator[str]:
    """One role a line, whatever the width: slug, SOC code, title and category separated
    by tabs (a missing one is empty), for ``grep``, ``cut -f`` and spreadsheets. What
    ``jobcompare list`` writes when its output is not a terminal."""
    for r in roles:
        fields = (r.slug, r.soc, r.title, r.category)
        # A tab or a line break inside a field would make another field or record.
        yield "\t".join(" ".join(safe(f or "").split()) for f in fields)


def search_roles(roles: Sequence[Listed], search: str | None) -> list[Listed]:
    """The roles whose slug, title, category or SOC code (with or without its hyphen)
    contains ``search``, in any case; all of them without one."""
    if not search:
        return list(roles)
    needle = search.casefold()
    return [
        r
        for r in roles
        if any(
            needle in (field or "").casefold()
            for field in (r.slug, r.title, r.category, r.soc, (r.soc or "").replace("-", ""))
        )
    ]


def _line(text: str) -> str:
    """Data text on one line: a newline in a title must not split its row."""
    if text.isprintable():  # the common case, checked in C
        return text
    return " ".join(safe(text).split())
