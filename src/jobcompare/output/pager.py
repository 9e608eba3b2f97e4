"""Long output on a terminal goes through a pager, as git's does.

A page drawn for the terminal that is longer than the terminal is high is handed to
``JOBCOMPARE_PAGER``, else ``$PAGER``, else ``less -FRX``; ``LESS`` is ``FRX`` when the
user has not set it (as git sets it, so that ``PAGER=less`` shows colours); a variable
set but empty, or ``cat``, means no pager (``--no-pager`` sets ``JOBCOMPARE_PAGER``
empty for its command). Never into a pipe or a file: only when
standard output is a terminal. The pager runs through the shell, as git runs it, so
``less -S`` or ``bat --paging=always`` work as they are written.

A pager that cannot be started leaves the page printed as it would be without one. Quitting
the pager before the end, or Ctrl-C while it runs (the pager's to handle, as ``less``
does), ends the output quietly: no BrokenPipeError, no traceback.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys

#: The variable that names jobcompare's own pager, read before ``$PAGER``.
PAGER = "JOBCOMPARE_PAGER"

#: The pager when neither variable is set: quit at once when the page fits the screen
#: (-F), let colours through (-R), leave the page on the screen when it quits (-X).
DEFAULT = "less -FRX"

#: What the shell exits with when it cannot find the command it is given.
_NOT_FOUND = 127

_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def command() -> str | None:
    """The pager's command line, or None for no pager."""
    for name in (PAGER, "PAGER"):
        value = os.environ.get(name)
        if value is not None:  # set, even empty, it decides
            break
    else:
        value = DEFAULT
    value = value.strip()
    return None if value in ("", "cat") else value


def _on_terminal() -> bool:
    try:
        return bool(sys.stdout.isatty())
    except (AttributeError, ValueError, OSError):  # no stream, or a closed one
        return False


def _rows(text: str, width: int) -> int:
    """How many rows of the terminal ``text`` takes: a line wider than it wraps."""
    rows = 0
    for line in text.splitlines():
        shown = len(_ESCAPES.sub("", line))
        rows += max(1, -(-shown // width))
    return rows


def _too_long(text: str) -> bool:
    """True when ``text`` and the prompt after it do not fit the terminal's height."""
    size = shutil.get_terminal_size()
    return _rows(text, max(size.columns, 1)) >= size.lines


def _program(line: str) -> str | None:
    """The program a pager's command line runs (after any ``NAME=value`` settings), or
    None when the line cannot be read as words."""
    import shlex

    try:
        words = shlex.split(line)
    except ValueError:  # an unbalanced quote
        return None
    words = [w for w in words if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", w)]
    return words[0] if words else None


def page(text: str) -> bool:
    """Show ``text`` through the pager when standard output is a terminal, a pager is
    wanted and the text does not fit the screen. True when the pager showed it; False
    when the caller is to print it as usual (no terminal, no pager, a short page, or a
    pager that cannot be started: that one says so on stderr when the user named it)."""
    if not text or not _on_terminal():
        return False
    pager = command()
    if pager is None or not _too_long(text):
        return False
    program = _program(pager)
    if program is None or shutil.which(program) is None:
        if pager != DEFAULT:  # no less on this system is no news; a named pager is
            _cannot_start(pager)
        return False
    return _run(pager, text)


def _cannot_start(pager: str) -> None:
    from jobcompare.text import safe

    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(
            f"jobcompare: cannot start the pager '{safe(pager)}'; printing without it\n"
        )
        sys.stderr.flush()


def _run(pager: str, text: str) -> bool:
    import subprocess

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    errors = getattr(sys.stdout, "errors", None) or "strict"
    data = text.encode(encoding, errors)
    sys.stdout.flush()  # nothing of ours may come after the pager's screen
    try:
        # As git does: when LESS is unset, less is told to pass colours through (R), to
        # quit when the page fits (F) and not to clear the screen (X).
        env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
        process = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        _cannot_start(pager)
        return False
    assert process.stdin is not None
    # A pager quit before the end (a broken pipe), or Ctrl-C: stop writing, quietly.
    with contextlib.suppress(OSError, KeyboardInterrupt):
        process.stdin.write(data)
    with contextlib.suppress(OSError, KeyboardInterrupt):
        process.stdin.close()
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager while it runs, as with less
    # The shell could not find the program (a race with the check above, or a shell
    # function): nothing was shown, so the page is printed after all.
    return process.returncode != _NOT_FOUND
