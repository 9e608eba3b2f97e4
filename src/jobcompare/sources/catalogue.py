"""Large datasets, fast: an index of every role, and each role validated only when needed.

Each dataset file is read once, whole and bounded (files.read_dataset_file), and parsed by
tomllib: the index (every role's slug, title, SOC code and category) is taken from that
parse, so it can never disagree with what ``validate`` checks. A role is validated when it
is asked for; ``jobcompare validate`` checks every role.

Parsing ten thousand roles takes seconds, so the parse is cached, keyed by a SHA-256 of
the very bytes read (never by a file's name or times): an edited, replaced or swapped file
is a different key. A cache file is JSON (reading it runs no code), opened non-blocking,
read only if it is a regular file of the user's that no one else may write, and checked
on load: a checksum over its index and one per role. Any entry that fails a check is
rebuilt from the file's text, never served. A cache that cannot be read or written only
costs speed.
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from jobcompare import __version__
from jobcompare.errors import DatasetError, Problem
from jobcompare.files import MAX_FILE_BYTES, bundled_data_dir, dataset_files, read_dataset_file

if TYPE_CHECKING:  # the model's classes load only with a role: a list needs none
    from jobcompare.model import Role
    from jobcompare.sources.locator import Locator

# SHA-256 of what was read. Small inputs (the seed roles, one cached role) go through
# CPython's built-in implementation (``_sha256``, ``_sha2`` from 3.12), since hashlib would
# first load OpenSSL, about 2 ms of every run's start-up; large ones through OpenSSL's, which
# is several times faster per byte. The same digest either way.
try:
    from _sha256 import sha256 as _small_sha256  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the Python
    try:
        from _sha2 import sha256 as _small_sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:
        from hashlib import sha256 as _small_sha256  # type: ignore[assignment,unused-ignore]

_LARGE = 256 * 1024


def _digest(data: bytes) -> str:
    if len(data) < _LARGE:
        return str(_small_sha256(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()


CACHE_FORMAT = 3
#: Cache files kept at most; the oldest go first.
CACHE_ENTRIES = 16
_SLUG = r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z"  # as dataset.SLUG_RE, without importing it
_SOC = r"\A[0-9]{2}-[0-9]{4}\Z"


class Listing(NamedTuple):
    """A role as a list shows it, without loading it (see model.Listed): an index entry,
    or a store row of an official role."""

    slug: str
    title: str
    soc: str | None
    category: str | None


class _Stale(Exception):
    """A cache entry failed its check."""


class _Source:
    """One dataset file as read by this run: its text (for line numbers), its index
    columns, and its roles' parsed bodies (from the parse itself, or from the cache)."""

    def __init__(self, file: Path, data: bytes, digest: str) -> None:
        self.file = file
        self.data = data
        self.digest = digest
        self.slugs: list[str] = []
        self.titles: list[str] = []
        self.socs: list[str | None] = []
        self.categories: list[str | None] = []
        self._bodies: list[Any] | None = None  # parsed now
        self._cached: _CacheFile | None = None  # or the cache file's role lines ...
        self._places: list[Any] = []  # ... with [offset, length, checksum] of each

    @cached_property
    def text(self) -> str:
        """The file's text (decoded only when needed: bytes that match a cache entry were
        decoded and parsed when it was made)."""
        from jobcompare.sources.dataset import decode

        return decode(self.file, self.data)

    @cached_property
    def locator(self) -> Locator:
        from jobcompare.sources.locator import Locator

        return Locator(self.text)

    def parse(self) -> dict[str, Any]:
        """Parse the text: the index and the bodies, checked outside the roles."""
        from jobcompare.sources.checker import check_top
        from jobcompare.sources.dataset import parse

        document, problems = parse(self.file, self.text)
        if document is None:
            raise DatasetError(problems)
        errors = [p for p in check_top(self.file, self.locator, document) if p.severity == "error"]
        if errors:
            raise DatasetError(errors)
        roles: dict[str, Any] = document["roles"]
        import re

        slug_re, soc_re = re.compile(_SLUG), re.compile(_SOC)
        bad = [
            Problem(
                self.file,
                "a slug is lowercase letters, digits and single hyphens (e.g. 'data-analyst')",
                line=self.locator.line(slug, ()),
                role=slug,
            )
            for slug in roles
            if not slug_re.match(slug)
        ]
        if bad:  # a role that cannot be named cannot be listed or completed either
            raise DatasetError(bad)
        self.slugs = list(roles)
        self.titles, self.socs, self.categories = [], [], []
        for slug, body in roles.items():
            table = body if isinstance(body, dict) else {}
            self.titles.append(_text(table.get("title")) or slug)
            soc = _text(table.get("soc"))
            self.socs.append(soc if soc is not None and soc_re.match(soc) else None)
            self.categories.append(_text(table.get("category")))
        self._bodies = list(roles.values())
        self._cached = None
        return roles

    def body(self, row: int) -> Any:
        if self._bodies is not None:
            return self._bodies[row]
        assert self._cached is not None
        try:  # the index's checksum vouches for these places; a bad one is still no crash
            offset, length, checksum = self._places[row]
            piece = self._cached.piece(offset, length)
            if len(piece) != length or _digest(piece) != checksum:
                raise _Stale
            return json.loads(bytes(piece))
        except (ValueError, TypeError, IndexError, OverflowError, OSError):
            raise _Stale from None

    # -- the cache form: a header line, an index line, then one line per role's body --

    def dump(self) -> bytes | None:
        """This source as a cache file; None if its parse holds what JSON cannot."""
        assert self._bodies is not None
        lines: list[bytes] = []
        places: list[tuple[int, int, str]] = []
        offset = 0
        try:
            for body in self._bodies:
                line = json.dumps(body, separators=(",", ":")).encode("ascii")
                lines.append(line + b"\n")
                places.append((offset, len(line), _digest(line)))
                offset += len(line) + 1
        except (TypeError, ValueError, RecursionError):  # a date, a time: not cached
            return None
        index = json.dumps(
            {"slugs": self.slugs, "titles": self.titles, "socs": self.socs,
             "categories": self.categories, "places": places},
            separators=(",", ":"),
        ).encode("ascii")  # fmt: skip
        header = json.dumps(
            {"format": CACHE_FORMAT, "version": __version__, "source": self.digest,
             "index": _digest(index)},
        ).encode("ascii")  # fmt: skip
        return b"".join([header, b"\n", index, b"\n", *lines])

    def load(self, cached: _CacheFile) -> bool:
        """Take the index from a cache file (its role lines are read when asked for);
        False if it fails any check."""
        blob = cached.head()
        if blob is None:
            return False
        try:
            head_end = blob.index(b"\n")
            header = json.loads(blob[:head_end])
            if header != {
                "format": CACHE_FORMAT,
                "version": __version__,
                "source": self.digest,
                "index": header.get("index"),
            }:
                return False
            index_end = blob.index(b"\n", head_end + 1)
            raw = blob[head_end + 1 : index_end]
            if _digest(raw) != header["index"]:
                return False
            index = json.loads(raw)
            slugs, titles = index["slugs"], index["titles"]
            socs, categories, places = index["socs"], index["categories"], index["places"]
            count = len(slugs)
            if not (
                len(titles) == len(socs) == len(categories) == len(places) == count
                and all(isinstance(s, str) for s in [*slugs, *titles])
                and all(s is None or isinstance(s, str) for s in [*socs, *categories])
            ):
                return False
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        self.slugs, self.titles, self.socs, self.categories = slugs, titles, socs, categories
        self._places = places
        cached.base = index_end + 1
        self._cached = cached
        self._bodies = None
        return True


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class Catalogue:
    """The roles of a dataset, found through the index and validated one by one."""

    def __init__(self, files: Sequence[Path], sources: Sequence[_Source], cache: Path | None):
        self.files = tuple(files)
        self._sources = list(sources)
        self._cache = cache
        self._loaded: dict[str, Role] = {}
        problems = []
        self._where: dict[str, tuple[int, int]] = {}  # slug -> (which source, which row)
        for number, source in enumerate(self._sources):
            for row, slug in enumerate(source.slugs):
                if slug in self._where:
                    other = self._sources[self._where[slug][0]].file
                    message = f"duplicate slug: already defined in {other}"
                    line = source.locator.line(slug, ())
                    problems.append(Problem(source.file, message, role=slug, line=line))
                else:
                    self._where[slug] = (number, row)
        if problems:
            raise DatasetError(problems)
        if not self._where:
            raise DatasetError([Problem(self.files[0], "the dataset holds no roles")])

    def place(self, slug: str) -> tuple[Path, int | None]:
        """The file and line where ``slug`` is defined."""
        number, _ = self._where[slug]
        source = self._sources[number]
        return source.file, source.locator.line(slug, ())

    @cached_property
    def listing(self) -> list[Listing]:
        """Every role's slug, title, SOC code and category, in dataset order (straight from
        the index columns: listing ten thousand roles validates none of them)."""
        listed: list[Listing] = []
        for source in self._sources:
            listed += map(Listing._make, zip(source.slugs, source.titles, source.socs,
                                             source.categories, strict=True))  # fmt: skip
        return listed

    def has(self, slug: str) -> bool:
        """Whether ``slug`` is a role's (from the index: nothing is validated)."""
        return slug in self._where

    def role(self, slug: str) -> Role:
        if slug not in self._loaded:
            from jobcompare.sources.checker import check_role

            number, row = self._where[slug]
            source = self._sources[number]
            try:
                body = source.body(row)
            except _Stale:  # a damaged cache entry: parse the text we read, and cache anew
                source.parse()
                _store(self._cache, source)
                body = source.body(row)
            role, problems = check_role(source.file, source.locator, slug, body)
            errors = [p for p in problems if p.severity == "error"]
            if errors or role is None:
                raise DatasetError(errors)
            self._loaded[slug] = role
        return self._loaded[slug]


def open_catalogue(path: Path | None = None, cache_dir: Path | None = None) -> Catalogue:
    """The catalogue of the dataset at ``path`` (default: the bundled one).

    ``cache_dir`` defaults to :func:`default_cache_dir`; None there means no cache.
    """
    return open_files(dataset_files(path if path is not None else bundled_data_dir()), cache_dir)


def open_files(files: Sequence[Path], cache_dir: Path | None = None) -> Catalogue:
    """The catalogue of these dataset files, read together (a slug must be unique across
    them: a duplicate is an error naming both files). A file named twice is read once."""
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    files = unique
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    sources = []
    for file in files:
        data = read_dataset_file(file)
        # The key is the bytes themselves: what is parsed is exactly what was hashed.
        digest = _digest(data)
        source = _Source(file, data, digest)
        cached = _CacheFile.open(folder / f"{digest}.json") if folder is not None else None
        if cached is None or not source.load(cached):
            source.parse()
            _store(folder, source)
        sources.append(source)
    return Catalogue(files, sources, folder)


def default_cache_dir() -> Path | None:
    """$JOBCOMPARE_CACHE_DIR (empty: no cache), else the user's cache folder."""
    configured = os.environ.get("JOBCOMPARE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return None
    return root / "jobcompare"


# -- the cache files ----------------------------------------------------------------------


class _CacheFile:
    """A cache file, open for this run: its first two lines (header and index) read at
    once, each role's line read when that role is asked for, always through the same
    descriptor (a file swapped in meanwhile is never read)."""

    def __init__(self, handle: int, size: int) -> None:
        self.handle = handle
        self.size = size
        self.base = 0  # where the role lines start
        weakref.finalize(self, os.close, handle)

    @classmethod
    def open(cls, where: Path) -> _CacheFile | None:
        """The cache file at ``where``, or None: never blocks (non-blocking open, regular
        files only), never follows a link, and opens only a file of the user's that no
        one else may write."""
        import stat

        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            handle = os.open(where, flags)
        except OSError:
            return None
        try:
            info = os.fstat(handle)
            private = not hasattr(os, "getuid") or (
                info.st_uid == os.getuid() and not info.st_mode & 0o022
            )
            if stat.S_ISREG(info.st_mode) and private and info.st_size <= 4 * MAX_FILE_BYTES:
                return cls(handle, info.st_size)
        except OSError:
            pass
        os.close(handle)
        return None

    def head(self) -> bytes | None:
        """The header and index lines, with their newlines; None if there are not two."""
        chunks: list[bytes] = []
        read = newlines = 0
        try:
            while newlines < 2 and read < self.size:
                chunk = _pread(self.handle, min(1 << 20, self.size - read), read)
                if not chunk:
                    break
                chunks.append(chunk)
                read += len(chunk)
                newlines += chunk.count(b"\n")
        except OSError:
            return None
        return b"".join(chunks) if newlines >= 2 else None

    def piece(self, offset: int, length: int) -> bytes:
        if offset < 0 or length < 0 or self.base + offset + length > self.size:
            raise ValueError("outside the file")
        return _pread(self.handle, length, self.base + offset)


def _pread(handle: int, length: int, offset: int) -> bytes:
    """``length`` bytes at ``offset`` (os.pread where there is one: not on Windows)."""
    if hasattr(os, "pread"):
        return os.pread(handle, length, offset)
    os.lseek(handle, offset, os.SEEK_SET)
    return os.read(handle, length)


def _store(folder: Path | None, source: _Source) -> None:
    """Cache ``source`` (atomically: a reader never sees half a file); the oldest entries
    beyond CACHE_ENTRIES go."""
    if folder is None:
        return
    blob = source.dump()
    if blob is None:
        return
    from jobcompare.files import write_atomically

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return  # a folder others may write to is no place for what we read back
        write_atomically(folder / f"{source.digest}.json", blob, mode=0o600, durable=False)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-CACHE_ENTRIES]:
            old.unlink()
    except OSError:
        pass  # an unwritable cache only costs speed


def _private(folder: Path) -> bool:
    """Whether ``folder`` is the user's own, not a link, and no one else may write to it."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile folders are private
        return True
    import stat

    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        info.st_uid == os.getuid() and not info.st_mode & 0o022 and not stat.S_ISLNK(info.st_mode)
    )
