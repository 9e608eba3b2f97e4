"""The sources view: ``jobcompare sources``, each official source with its release, year,
licence, attribution (as the publisher asks to be credited), coverage and address."""

from __future__ import annotations

from jobcompare.output.blocks import Document, Fields
from jobcompare.output.options import Options
from jobcompare.output.records import Records
from jobcompare.output.views.shape import JSONValue
from jobcompare.sources.store_types import SourceList, SourceSummary


def _coverage(source: SourceSummary, of: int) -> str:
    covered = []
    if source.occupations is not None:
        covered.append(f"{source.occupations} of {of} occupations")
    if source.areas is not None:
        covered.append(f"{source.areas} areas")
    return ", ".join(covered) or "not per occupation or area"


def _notice(source: SourceSummary) -> tuple[tuple[str, str], ...]:
    """The licence notice its licence asks to be carried (the MIT licence's), a value a
    paragraph (the first labelled, the rest continuing it), each wrapped: the publisher's
    line breaks within a paragraph are layout, not words."""
    if not source.notice:
        return ()
    paragraphs = [" ".join(p.split()) for p in source.notice.split("\n\n") if p.strip()]
    return tuple(("notice" if i == 0 else "", text) for i, text in enumerate(paragraphs))


def document(result: SourceList, options: Options) -> Document:
    return Document("Sources", tuple(
        Fields(f"{s.name} ({s.key})", (
            ("release", f"{s.release}, year {s.year}"),
            ("licence", s.licence),
            ("attribution", s.attribution),
            ("coverage", _coverage(s, result.of)),
            ("from", s.url),
            *_notice(s),
        ))
        for s in result.sources
    ))  # fmt: skip


def data(result: SourceList) -> JSONValue:
    """A bare array, one object per source (scripts read it so)."""
    return [
        {
            "key": s.key,
            "name": s.name,
            "release": s.release,
            "year": s.year,
            "licence": s.licence,
            "attribution": s.attribution,
            "url": s.url,
            "folder": s.folder,
            "coverage": {"occupations": s.occupations, "of": result.of, "areas": s.areas},
            "files": [{"path": path, "sha256": digest} for path, digest in s.files],
            "notice": s.notice,
        }
        for s in result.sources
    ]


def records(result: SourceList) -> Records:
    header = ("key", "name", "release", "year", "licence", "attribution", "url", "folder",
              "occupations", "of", "areas", "notice")  # fmt: skip
    return Records(header, tuple(
        (s.key, s.name, s.release, s.year, s.licence, s.attribution, s.url, s.folder,
         s.occupations, result.of, s.areas, s.notice)
        for s in result.sources
    ))  # fmt: skip
