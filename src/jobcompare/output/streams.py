"""The process's own output streams, whatever state they come in: a closed standard
output or error, a full disk, a closed pipe, an encoding without Unicode. Every way the
output can fail ends with a message on stderr (when stderr still works) and exit code 1,
never a traceback or "Exception ignored"."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable
from typing import Any


class _ClosedOutput(io.RawIOBase):
    """Standard output or error that was closed before we started: writing is an error."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        import errno

        raise OSError(errno.EBADF, "Bad file descriptor")


def usable(stream: Any, fd: int) -> Any:
    """``stream``, or when the descriptor was closed (``>&-``), a stream whose writes fail
    (after parking /dev/null on the descriptor, so no file we open takes its number)."""
    if stream is not None:
        return stream
    with contextlib.suppress(OSError):
        opened = os.open(os.devnull, os.O_WRONLY)
        if opened != fd:
            os.close(opened)
    return io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")


def write_error(text: str) -> bool:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):
        return False
    return True


def output_failed(exc: OSError) -> int:
    """Say that the output failed, if stderr can, as the one error map says it; point
    both streams at /dev/null so that the interpreter's own flush at exit cannot fail
    again; return the exit status."""
    import errno

    from jobcompare.errors import OutputError, failure

    said = failure(OutputError("the output", exc))
    assert said is not None  # an OutputError is always mapped
    if exc.errno != errno.EPIPE:  # a reader that went away wants no message
        write_error("".join(line + "\n" for line in said.messages))
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
                os.dup2(devnull, stream.fileno())
        os.close(devnull)
    # What a stream without a descriptor still holds is dropped with it.
    sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    return int(said.status)


def run(command: Callable[[], object]) -> int:
    """Run ``command`` (the command line, which ends by SystemExit) with standard output
    and error made usable first, and return the exit code: an output that cannot encode
    Unicode gets ASCII stand-ins, a failed write exits 1 with a message."""
    from jobcompare.errors import ExitStatus
    from jobcompare.text import use_stand_ins

    sys.stdout = usable(sys.stdout, 1)
    sys.stderr = usable(sys.stderr, 2)
    use_stand_ins(sys.stdout)
    use_stand_ins(sys.stderr)
    code: int | str | None = 0
    try:
        try:
            command()
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError as exc:
        code = output_failed(exc)
    if isinstance(code, str):  # sys.exit("message"): say it ourselves, safely
        write_error(f"{code}\n")
        code = ExitStatus.DATA_ERROR
    return int(code or 0)
