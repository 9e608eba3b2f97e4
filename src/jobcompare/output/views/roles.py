"""The role list view: ``jobcompare list``, every role (slug, SOC code, title, category);
into a pipe, one tab-separated record a role. Slugs are what people copy into the next
command: never wrapped."""

from __future__ import annotations

from jobcompare.engine.listing import RoleList
from jobcompare.output.blocks import Document, Listing
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.shape import JSONValue


def document(result: RoleList, options: Options) -> Document:
    rows = tuple((r.slug, r.soc, r.title, r.category) for r in result.roles)
    listing = Listing(("Slug", "SOC", "Title", "Category"), rows, records=True, sparse=(1,))
    return Document("Roles", (listing,))


def data(result: RoleList) -> JSONValue:
    """A bare array (``$defs/role_list``): scripts read it so."""
    return [{"slug": r.slug, "title": r.title, "category": r.category, "soc": r.soc}
            for r in result.roles]  # fmt: skip


def records(result: RoleList) -> Records:
    return Records(("slug", "title", "category", "soc"),
                   tuple((r.slug, r.title, r.category, r.soc) for r in result.roles))  # fmt: skip
