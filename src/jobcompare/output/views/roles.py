"""The role views: ``jobcompare list`` (every role: slug, SOC code, title, category; into a
pipe, one tab-separated record a role) and ``jobcompare search`` (the roles found, best
first, with what matched). Slugs are what people copy into the next command: never
wrapped."""

from __future__ import annotations

from jobcompare.engine.listing import RoleList
from jobcompare.engine.search import SearchResults
from jobcompare.output.blocks import Document, Listing, Options, Records
from jobcompare.output.views.encode import JSONValue


def document(result: RoleList | SearchResults, options: Options) -> Document:
    if isinstance(result, SearchResults):
        rows: tuple[tuple[str | None, ...], ...] = tuple(
            (h.slug, h.soc, h.title, "title" if h.how == "title" else h.reason) for h in result.hits
        )
        found = Listing(("Slug", "SOC", "Title", "Matched"), rows) if rows else None
        return Document(f"Roles matching '{result.text}'", (found,) if found else ())
    rows = tuple((r.slug, r.soc, r.title, r.category) for r in result.roles)
    listing = Listing(("Slug", "SOC", "Title", "Category"), rows, records=True, sparse=(1,))
    return Document("Roles", (listing,))


def data(result: RoleList | SearchResults) -> JSONValue:
    """A bare array (``$defs/role_list``, ``$defs/search_results``): scripts read it so."""
    if isinstance(result, SearchResults):
        return [
            {"slug": h.slug, "title": h.title, "soc": h.soc, "matched": h.matched,
             "how": h.how, "score": round(h.score, 4), "titles": h.titles}
            for h in result.hits
        ]  # fmt: skip
    return [{"slug": r.slug, "title": r.title, "category": r.category, "soc": r.soc}
            for r in result.roles]  # fmt: skip


def records(result: RoleList | SearchResults) -> Records:
    if isinstance(result, SearchResults):
        return Records(
            ("slug", "title", "soc", "matched", "how", "score"),
            tuple((h.slug, h.title, h.soc, h.matched, h.how, round(h.score, 4))
                  for h in result.hits),
        )  # fmt: skip
    return Records(("slug", "title", "category", "soc"),
                   tuple((r.slug, r.title, r.category, r.soc) for r in result.roles))  # fmt: skip
