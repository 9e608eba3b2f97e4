"""The search view: ``jobcompare search`` (and ``list --search``), the roles found, best
first, with what matched. Slugs are what people copy into the next command: never
wrapped."""

from __future__ import annotations

from jobcompare.engine.search import SearchResults
from jobcompare.output.blocks import Document, Listing
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.shape import JSONValue


def document(result: SearchResults, options: Options) -> Document:
    rows: tuple[tuple[str | None, ...], ...] = tuple(
        (h.slug, h.soc, h.title, "title" if h.how == "title" else h.reason) for h in result.hits
    )
    found = Listing(("Slug", "SOC", "Title", "Matched"), rows)
    return Document(f"Roles matching '{result.text}'", (found,) if rows else ())


def data(result: SearchResults) -> JSONValue:
    """A bare array (``$defs/search_results``): scripts read it so."""
    return [
        {"slug": h.slug, "title": h.title, "soc": h.soc, "matched": h.matched,
         "how": h.how, "score": round(h.score, 4), "titles": h.titles}
        for h in result.hits
    ]  # fmt: skip


def records(result: SearchResults) -> Records:
    return Records(
        ("slug", "title", "soc", "matched", "how", "score"),
        tuple((h.slug, h.title, h.soc, h.matched, h.how, round(h.score, 4))
              for h in result.hits),
    )  # fmt: skip
