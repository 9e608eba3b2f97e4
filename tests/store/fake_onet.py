"""A stand-in for the O*NET importer (written on another branch): one module that keeps the
importer contract, to show the writer builds any module's tables and the reader finds an
O*NET description where the table has one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jobcompare.importers.base import ProgressCallback, Row, SourceInfo, Spine, Table

SOURCE = SourceInfo(
    key="onet",
    folder="onet-30.3",
    name="O*NET 30.3 Database (test stand-in)",
    release="30.3",
    year="2026",
    licence="CC BY 4.0",
    attribution="O*NET 30.3 Database by USDOL/ETA, used under the CC BY 4.0 license",
    url="https://www.onetcenter.org/database.html",
)
TABLES = (
    Table(
        "onet_occupation",
        (("onet_code", "TEXT NOT NULL"), ("soc", "TEXT"), ("title", "TEXT"),
         ("description", "TEXT")),
        ("onet_code",),
        (("soc",),),
    ),
    Table(
        "onet_link",
        (("soc", "TEXT NOT NULL"), ("onet_code", "TEXT NOT NULL"), ("rule", "TEXT NOT NULL")),
        ("soc", "onet_code"),
    ),
)  # fmt: skip
DESCRIPTION = "Locate and notify customers of delinquent accounts by mail, telephone, or visit."


def rows(
    root: Path, spine: Spine, progress: ProgressCallback | None = None
) -> Iterator[tuple[str, Row]]:
    assert "43-3011" in spine
    yield "onet_occupation", ("43-3011.00", "43-3011", "Bill and Account Collectors", DESCRIPTION)
    yield "onet_occupation", ("99-9999.00", None, "Not an OEWS occupation", "Nothing.")
    yield "onet_link", ("43-3011", "43-3011.00", "same")
    # A SOC code O*NET rates only in a more specific occupation.
    yield "onet_occupation", ("27-2031.01", "27-2031", "Dancers, specific", "Dance, specifically.")
    yield "onet_link", ("27-2031", "27-2031.01", "specific")
    # An OEWS code O*NET splits in two (as O*NET does 29-2010 into 29-2011 and 29-2012).
    for code in ("43-3021.01", "43-3021.02"):
        yield "onet_occupation", (code, "43-3021", "Billing clerk, part", "One part of it.")
        yield "onet_link", ("43-3021", code, "aggregate")
