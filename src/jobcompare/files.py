"""Where a dataset's files are, reading them once and bounded, and writing a file so that
no reader (and no full disk) ever sees half of it."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from jobcompare.errors import DatasetError, Problem

#: The largest dataset file read (a 100,000-role file is about 100 MB).
MAX_FILE_BYTES = 256 * 1024 * 1024


def bundled_data_dir() -> Path:
    """The dataset shipped with jobcompare.

    An installed wheel carries it as ``jobcompare/data``; a checkout or an editable install
    reads ``data/`` at the top of the repository.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def dataset_files(path: Path) -> list[Path]:
    """The TOML files that make up the dataset at ``path`` (a file or a folder)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if p.is_file())
        if not files:
            raise DatasetError([Problem(path, "folder holds no *.toml dataset files")])
        return files
    if not path.exists():
        raise DatasetError([Problem(path, "no such file or folder")])
    return [path]


def read_dataset_file(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Every byte of ``file``, read once: a regular file, or a pipe (``--data /dev/stdin``
    fed by a pipe), of at most ``limit`` bytes. A device (``/dev/zero``), a folder or
    anything larger is a DatasetError, never a read without end."""

    def fail(message: str) -> DatasetError:
        return DatasetError([Problem(file, message)])

    try:
        # Non-blocking, so that opening a FIFO without a writer cannot hang.
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise fail(f"file too large: {info.st_size:,} bytes (at most {limit:,})")
        elif stat.S_ISFIFO(info.st_mode):
            with contextlib.suppress(OSError):  # a pipe: wait for what its writer sends
                os.set_blocking(handle, True)
        else:
            raise fail("not a regular file (nor a pipe)")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise fail(f"file too large: more than {limit:,} bytes")
        return b"".join(chunks)
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(handle)


def write_atomically(
    where: Path, data: bytes | str, *, mode: int | None = None, durable: bool = True
) -> None:
    """Write ``data`` to ``where`` through a temporary file in the same folder and a
    rename: an existing file is replaced whole or left as it was (a full disk leaves no
    fragment). ``mode`` defaults to what a new file gets (0o666 less the umask);
    ``durable`` syncs the data to disk before the rename (a cache need not wait for that).
    Raises OSError."""
    import tempfile

    blob = data.encode("utf-8") if isinstance(data, str) else data
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    folder = where.parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{where.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(blob)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, where)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
