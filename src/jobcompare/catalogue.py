"""Large datasets, fast: an index of every role, and each role read only when it is needed.

Parsing and validating ten thousand roles takes seconds; a comparison needs two. So each
dataset file is split at its table headers (``[roles.<slug>...]``) into one piece of text
per role, and an index records every role's slug, title, SOC code and category and where
its text lies. A role is parsed and validated when it is asked for. The index, and each
role once parsed, is cached per file, keyed by the file's path, size, modification and
change times and inode, and by the jobcompare version, so that an edited, replaced or
touched file, or a new jobcompare, is always read afresh. A cache that cannot be read or
written is ignored.

A file that does not have this simple shape (other top-level tables, a byte-order mark, a
role with only sub-tables, ...) is read whole, as ``load_dataset`` does. Only
``jobcompare validate`` checks every role of a dataset; commands that show roles check the
roles they show.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import pickle
import re
import sys
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from jobcompare import __version__
from jobcompare.errors import DatasetError, Problem
from jobcompare.files import bundled_data_dir, dataset_files
from jobcompare.names import RoleNames, normalise

if TYPE_CHECKING:  # the model's classes load only with a role: a list needs none
    from jobcompare.model import Role

CACHE_FORMAT = 2
#: What a cache file was made for: the dataset file's path, size, mtime, ctime and inode,
#: jobcompare's version and the cache format.
CacheKey = tuple[str, int, int, int, int, str, int]

# The patterns below are compiled when a file is indexed (re keeps them), not when the
# module is imported: a run that finds its index in the cache never needs them.
# A table header of one role: [roles.<slug>], [roles.<slug>.<more>] or [[roles.<slug>.<more>]].
_ROLE_HEADER = (
    rb"""[ \t]*(\[\[?)[ \t]*roles[ \t]*\.[ \t]*(?:"([a-z0-9-]+)"|'([a-z0-9-]+)'|([a-z0-9-]+))"""
    rb"""[ \t]*((?:\.[^\]\n]*)?)\]\]?[ \t]*(?:\#[^\n]*)?\r?"""
)
# The same, as every file jobcompare writes has it: [roles.<slug>] or [roles.<slug>.<key>].
_PLAIN_HEADER = rb"\[roles\.([a-z0-9-]+)(\.[A-Za-z0-9_.-]+)?\]\r?"
_PREAMBLE = rb"(?:[ \t]*(?:#[^\n]*)?\r?\n)*"
_STRING_KEY = rb"""^[ \t]*%s[ \t]*=[ \t]*"((?:[^"\\\n]|\\.)*)"[ \t]*(?:\#[^\n]*)?\r?$"""
_NAMED_KEYS = ("title", "soc", "category")


class Entry(NamedTuple):
    """One role in the index."""

    slug: str
    title: str  # the slug, if the title could not be read (loading the role says why)
    soc: str | None
    category: str | None
    file: Path
    spans: tuple[tuple[int, int], ...]  # byte ranges of the role's tables, its own first


class Listing(NamedTuple):
    """What a role list shows of a role (see model.Listed)."""

    slug: str
    title: str
    soc: str | None
    category: str | None


class _Index:
    """One file's roles, column by column: compact to cache and quick to load, since a
    comparison looks at two rows of ten thousand.

    ``starts``/``ends`` hold every role's table spans in a row; role ``i`` has spans
    ``first[i]`` to ``first[i + 1]``.
    """

    def __init__(
        self,
        slugs: list[str],
        titles: list[str],
        socs: list[str | None],
        categories: list[str | None],
        keys: list[str],
        starts: array[int],
        ends: array[int],
        first: array[int],
    ) -> None:
        self.slugs, self.titles, self.socs, self.categories, self.keys = (
            slugs, titles, socs, categories, keys,
        )  # fmt: skip
        self.starts, self.ends, self.first = starts, ends, first

    def spans(self, row: int) -> tuple[tuple[int, int], ...]:
        low, high = self.first[row], self.first[row + 1]
        return tuple(zip(self.starts[low:high], self.ends[low:high], strict=True))

    def dump(self, key: CacheKey) -> bytes:
        return marshal.dumps((
            key, self.slugs, self.titles, self.socs, self.categories, self.keys,
            self.starts.tobytes(), self.ends.tobytes(), self.first.tobytes(),
        ))  # fmt: skip

    @classmethod
    def load(cls, blob: bytes, key: CacheKey) -> _Index | None:
        stored, slugs, titles, socs, categories, keys, starts, ends, first = marshal.loads(blob)
        if stored != key:
            return None
        index = cls(slugs, titles, socs, categories, keys,
                    _longs(starts), _longs(ends), _longs(first))  # fmt: skip
        count = len(slugs)
        if not (len(titles) == len(socs) == len(categories) == len(keys) == count
                and len(index.first) == count + 1 and len(index.starts) == len(index.ends)
                and index.first[-1] == len(index.starts)):  # fmt: skip
            return None
        return index

    @classmethod
    def build(cls, rows: Sequence[tuple[str, str | None, str | None, str | None,
                                        Sequence[tuple[int, int]]]]) -> _Index:  # fmt: skip
        first = array("q", [0])
        starts, ends = array("q"), array("q")
        titles = []
        for slug, title, _, _, spans in rows:
            titles.append(title or slug)
            for start, end in spans:
                starts.append(start)
                ends.append(end)
            first.append(len(starts))
        return cls([r[0] for r in rows], titles, [r[2] for r in rows], [r[3] for r in rows],
                   [normalise(t) for t in titles], starts, ends, first)  # fmt: skip


def _longs(blob: bytes) -> array[int]:
    values = array("q")
    values.frombytes(blob)
    return values


class Catalogue:
    """The roles of a dataset, found through the index and loaded one by one."""

    def __init__(
        self,
        files: Sequence[Path],
        indexes: Sequence[tuple[Path, _Index, _FileCache | None]],
        loaded: dict[str, Role],
    ) -> None:
        self.files = tuple(files)
        self._indexes = list(indexes)
        self._loaded = dict(loaded)  # roles of files that were read whole
        problems = []
        self._where: dict[str, tuple[int, int]] = {}  # slug -> (which index, which row)
        for number, (file, index, _) in enumerate(self._indexes):
            for row, slug in enumerate(index.slugs):
                if slug in self._where:
                    other = self._indexes[self._where[slug][0]][0]
                    message = f"duplicate slug: already defined in {other}"
                    problems.append(
                        Problem(file, message, role=slug, line=_line_of(file, index, row))
                    )
                else:
                    self._where[slug] = (number, row)
        if problems:
            raise DatasetError(problems)
        if not self._where:
            raise DatasetError([Problem(self.files[0], "the dataset holds no roles")])

    @cached_property
    def listing(self) -> list[Listing]:
        """Every role's slug, title, SOC code and category, in dataset order (straight from
        the index columns: listing ten thousand roles loads none of them)."""
        listed: list[Listing] = []
        for _, index, _ in self._indexes:
            listed += map(Listing._make, zip(index.slugs, index.titles, index.socs,
                                             index.categories, strict=True))  # fmt: skip
        return listed

    def _entry(self, slug: str) -> Entry:
        number, row = self._where[slug]
        file, index, _ = self._indexes[number]
        return Entry(slug, index.titles[row], index.socs[row], index.categories[row], file,
                     index.spans(row))  # fmt: skip

    @cached_property
    def names(self) -> RoleNames:
        return RoleNames(
            name
            for _, index, _ in self._indexes
            for name in zip(index.slugs, index.keys, index.socs, strict=True)
        )

    def find(self, query: str) -> Role:
        """The role named by slug, title or SOC code (see RoleNames.resolve), validated."""
        wanted = query.strip().lower()
        return self.role(wanted if wanted in self._where else self.names.resolve(query))

    def role(self, slug: str) -> Role:
        if slug not in self._loaded:
            cache = self._indexes[self._where[slug][0]][2]
            role = cache.role(slug) if cache is not None else None
            if role is None:
                role = _load_entry(self._entry(slug))
                if cache is not None:
                    cache.keep_role(role)
            self._loaded[slug] = role
        return self._loaded[slug]


def open_catalogue(path: Path | None = None, cache_dir: Path | None = None) -> Catalogue:
    """The catalogue of the dataset at ``path`` (default: the bundled one).

    ``cache_dir`` defaults to :func:`default_cache_dir`; None there means no cache.
    """
    files = dataset_files(path if path is not None else bundled_data_dir())
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    indexes: list[tuple[Path, _Index, _FileCache | None]] = []
    loaded: dict[str, Role] = {}
    for file in files:
        cache = _FileCache(folder, file) if folder is not None else None
        index = cache.index() if cache is not None else None
        if index is None:
            index = _build_index(file)
            if index is not None and cache is not None:
                cache.keep_index(index)
        if index is None:
            from jobcompare.dataset import load_file

            roles, problems = load_file(file)
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise DatasetError(errors)
            loaded.update((r.slug, r) for r in roles)
            index = _Index.build([(r.slug, r.title, r.soc, r.category, ()) for r in roles])
            cache = None  # nothing to read back: the roles are loaded
        indexes.append((file, index, cache))
    return Catalogue(files, indexes, loaded)


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


# -- the cache ----------------------------------------------------------------------------


class _FileCache:
    """The cache of one dataset file: its index, and each role parsed so far.

    Every cache file starts with the key it was made for; one made for another state of
    the dataset file (or another jobcompare) is ignored and replaced.
    """

    def __init__(self, folder: Path, file: Path) -> None:
        try:
            stat = file.stat()
        except OSError as exc:
            raise DatasetError(
                [Problem(file, f"cannot read file: {exc.strerror or exc}")]
            ) from None
        self.key = (str(file.resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns,
                    stat.st_ino, __version__, CACHE_FORMAT)  # fmt: skip
        # A checksum of the path names the files; the key inside tells them apart for sure.
        tag = f"{zlib.crc32(self.key[0].encode()):08x}-py{sys.version_info[0]}{sys.version_info[1]}"
        self.folder = folder
        self.index_file = folder / f"index-{tag}.marshal"
        self.role_prefix = f"role-{tag}-"

    def index(self) -> _Index | None:
        if not _trusted(self.folder) or not _trusted(self.index_file):
            return None
        try:
            return _Index.load(self.index_file.read_bytes(), self.key)
        except Exception:
            # Missing, unreadable, truncated or not ours: rebuild it. Nothing in a cache is
            # worth an error message.
            return None

    def keep_index(self, index: _Index) -> None:
        # A new index means the file changed: the roles cached for it are stale.
        for stale in self.folder.glob(f"{self.role_prefix}*"):
            _remove(stale)
        _write_atomically(self.index_file, index.dump(self.key))

    def role(self, slug: str) -> Role | None:
        where = self.folder / f"{self.role_prefix}{slug}.pickle"
        # Unpickling runs code the file names, so only a file nobody else can have
        # written is read: ours, in a folder of ours, writable by no one else.
        if not _trusted(self.folder) or not _trusted(where):
            return None
        try:
            blob = where.read_bytes()
            key, role = pickle.loads(blob)
        except Exception:
            return None
        from jobcompare.model import Role

        return role if key == self.key and isinstance(role, Role) and role.slug == slug else None

    def keep_role(self, role: Role) -> None:
        blob = pickle.dumps((self.key, role), protocol=pickle.HIGHEST_PROTOCOL)
        _write_atomically(self.folder / f"{self.role_prefix}{role.slug}.pickle", blob)


def _trusted(path: Path) -> bool:
    """Whether ``path`` is the user's own and no one else may write to it (not a link)."""
    if not hasattr(os, "getuid"):  # Windows: the user's profile folders are private
        return True
    try:
        stat = path.lstat()
    except OSError:
        return False
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022 and not _is_link(stat)


def _is_link(stat: os.stat_result) -> bool:
    import stat as modes

    return modes.S_ISLNK(stat.st_mode)


def _write_atomically(where: Path, blob: bytes) -> None:
    import tempfile

    try:
        where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where.parent):
            return  # a folder others may write to is no place for what we read back
        # Write beside, then rename: a reader never sees half a cache file.
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(blob)
            os.replace(temporary, where)
        except BaseException:
            _remove(Path(temporary))
            raise
    except OSError:
        pass  # an unwritable cache only costs speed


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# -- building an index --------------------------------------------------------------------


def _build_index(file: Path) -> _Index | None:
    """The index of ``file``; None when the file does not have the simple shape."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise DatasetError([Problem(file, f"cannot read file: {exc.strerror or exc}")]) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DatasetError(
            [Problem(file, f"not valid UTF-8 (byte {exc.start + 1})", line=line)]
        ) from None
    rows = _plain_rows(data)
    if rows is None:
        tables = _split(data)
        if tables is None:
            return None
        rows = [(slug, None, None, None, spans) for slug, spans in tables.items()]
    complete = []
    for slug, title, soc, category, spans in rows:
        if title is None:  # not read on the quick way: look again, more carefully
            start, end = spans[0]
            title, soc, category = (_string_value(data, start, end, k) for k in _NAMED_KEYS)
        complete.append((slug, title, soc, category, spans))
    return _Index.build(complete)


Row = tuple[str, "str | None", "str | None", "str | None", list[tuple[int, int]]]


_PLAIN_HEADER_LINE = rb"\n\[roles\.[a-z0-9-]+(?:\.[A-Za-z0-9_-]+)*\]\r?(?=\n|$)"
_PLAIN_LINE = (
    rb"\n(?:\[roles\.([a-z0-9-]+)((?:\.[A-Za-z0-9_-]+)*)\]"
    rb"""|(title|soc|category) = "([^"\\\n]*)")\r?(?=\n|$)"""
)


def _plain_rows(data: bytes) -> list[Row] | None:
    """The common case, quickly: every table header alone on its line in the plain form
    jobcompare itself writes, and nothing that could hide or imitate one (multi-line
    strings, indented brackets). Pattern scans of the whole file find the headers and the
    title, soc and category lines; the rest is bookkeeping. None for any other file:
    _split handles those."""
    text = b"\n" + data  # so that the first line starts after a newline too
    # Separate searches: one pattern with alternatives would scan many times slower.
    if b'"""' in data or b"'''" in data or re.search(rb"\n[ \t]+\[", text):
        return None
    # A match starts at the newline before its line: its offset in ``text`` is the line's
    # offset in ``data``.
    starts = [m.start() for m in re.finditer(_PLAIN_HEADER_LINE, text)]
    if not starts or len(starts) != text.count(b"\n["):
        return None  # some other table, or a header written another way
    if re.compile(_PREAMBLE).fullmatch(data, 0, starts[0]) is None:
        return None
    starts.append(len(data))
    field_of = {b"title": 1, b"soc": 2, b"category": 3}
    rows: dict[bytes, list[Any]] = {}
    number = -1
    own: list[Any] | None = None  # the row whose own table the lines are in
    for slug, sub, key, value in re.findall(_PLAIN_LINE, text):
        if key:  # a title, soc or category line
            if own is not None and own[field_of[key]] is None:
                own[field_of[key]] = value
            continue
        number += 1
        span = (starts[number], starts[number + 1])
        if sub:  # a sub-table: only its place matters
            if slug not in rows:
                return None  # a role with only sub-tables, or one before its own table
            rows[slug][4].append(span)
            own = None
        elif slug in rows:
            return None  # defined twice: let the TOML parser say so
        else:
            own = rows[slug] = [slug, None, None, None, [span]]
    return [
        (slug.decode(), *(None if v is None else v.decode("utf-8") for v in values), spans)
        for slug, *values, spans in rows.values()
    ]


def _split(data: bytes) -> dict[str, list[tuple[int, int]]] | None:
    """Each role's tables as (start, end), the role's own [roles.<slug>] table first, for
    any layout of headers; None when the file has any other top-level content."""
    return _tables(data, list(_table_lines(data)), re.compile(_ROLE_HEADER), plain=False)


def _tables(
    data: bytes, starts: list[int], header: re.Pattern[bytes], *, plain: bool
) -> dict[str, list[tuple[int, int]]] | None:
    if not starts or re.compile(_PREAMBLE).fullmatch(data, 0, starts[0]) is None:
        return None
    tables: dict[str, list[tuple[int, int]]] = {}
    mains: set[str] = set()
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(data)
        line_end = data.find(b"\n", start, end)
        match = header.fullmatch(data, start, end if line_end < 0 else line_end)
        if match is None:
            return None
        if plain:
            slug, is_main = match.group(1).decode(), match.group(2) is None
        else:
            slug = (match.group(2) or match.group(3) or match.group(4)).decode()
            is_main = match.group(1) == b"[" and not match.group(5)
        if is_main:
            if slug in mains:
                return None  # defined twice: let the TOML parser say so
            mains.add(slug)
            tables.setdefault(slug, []).insert(0, (start, end))
        else:
            tables.setdefault(slug, []).append((start, end))
    if len(mains) != len(tables):
        return None  # a role with only sub-tables: unusual, read whole
    return tables


def _table_lines(data: bytes) -> Iterator[int]:
    """Offsets of lines starting with "[", skipping those inside multi-line strings."""
    inside: bytes | None = None
    offset = 0
    for raw in data.splitlines(keepends=True):
        if inside is None and raw.lstrip(b" \t").startswith(b"["):
            yield offset
        for quote in re.findall(rb'"""|\'\'\'', raw):
            if inside is None:
                inside = quote
            elif quote == inside:
                inside = None
        offset += len(raw)


def _string_value(data: bytes, start: int, end: int, name: str) -> str | None:
    """A key's basic-string value in a role's own table, read without a TOML parser;
    None when it is absent or written another way (the role's loading then reads it)."""
    # Usually the line is exactly 'name = "value"': find it and slice it, far quicker than
    # a pattern search over ten thousand roles. Anything else goes to the pattern.
    prefix = b"\n" + name.encode() + b' = "'
    at = data.find(prefix, start, end)
    if at >= 0:
        line_end = data.find(b"\n", at + 1, end)
        value = data[at + len(prefix) : end if line_end < 0 else line_end].rstrip(b"\r")
        if value.endswith(b'"') and b'"' not in value[:-1] and b"\\" not in value:
            return value[:-1].decode("utf-8")
    match = re.compile(_STRING_KEY % name.encode(), re.M).search(data, start, end)
    if match is None:
        return None
    raw = match.group(1).decode("utf-8")
    if "\\" not in raw:
        return raw
    from jobcompare._toml import tomllib

    try:
        escaped = tomllib.loads(f'v = "{raw}"')["v"]
    except tomllib.TOMLDecodeError:
        return None
    return escaped if isinstance(escaped, str) else None


# -- loading one role ---------------------------------------------------------------------


def _load_entry(entry: Entry) -> Role:
    """Parse and validate one role's tables; problems carry the file's line numbers."""
    try:
        with entry.file.open("rb") as stream:
            pieces = []
            for start, end in entry.spans:
                stream.seek(start)
                pieces.append(stream.read(end - start))
    except OSError as exc:
        raise DatasetError(
            [Problem(entry.file, f"cannot read file: {exc.strerror or exc}")]
        ) from None
    from jobcompare.dataset import load_text

    roles, problems = load_text(entry.file, b"".join(pieces).decode("utf-8", errors="replace"))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DatasetError(_in_file_lines(entry, pieces, errors))
    for role in roles:
        if role.slug == entry.slug:
            return role
    raise DatasetError(
        [Problem(entry.file, "role not found where the index says", role=entry.slug)]
    )


def _in_file_lines(entry: Entry, pieces: Sequence[bytes], problems: list[Problem]) -> list[Problem]:
    """Problems found in the joined pieces, renumbered as lines of the file. (Counted only
    here, on the way to an error: line numbers are not worth keeping in the index.)"""
    with entry.file.open("rb") as stream:
        head = stream.read(entry.spans[-1][0] if entry.spans else 0)
    bounds = []  # (first line in the pieces, line count, first line in the file)
    first = 1
    for piece, (start, _) in zip(pieces, entry.spans, strict=True):
        count = piece.count(b"\n") or 1
        bounds.append((first, count, head.count(b"\n", 0, start) + 1))
        first += count

    def to_file(line: int) -> int:
        for low, count, file_line in bounds:
            if low <= line < low + count:
                return file_line + line - low
        return line

    return [replace(p, line=to_file(p.line)) if p.line else p for p in problems]


def _line_of(file: Path, index: _Index, row: int) -> int | None:
    spans = index.spans(row)
    if not spans:
        return None
    with file.open("rb") as stream:
        return stream.read(spans[0][0]).count(b"\n") + 1
