"""Exit statuses, and the one function that maps an error to its message and status.

Commands raise library errors; the command line asks :func:`failure` what to say and how
to exit, so that the codes the README documents are decided in one place.
"""

from __future__ import annotations

import sys
from enum import IntEnum, unique
from typing import NamedTuple

from jobcompare.errors import AreaError, DatasetError, FieldError
from jobcompare.names import AmbiguousRoleError, UnknownRoleError, UnresolvedRolesError
from jobcompare.sections import ComparisonError
from jobcompare.text import safe


@unique
class ExitStatus(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    DATA_ERROR = 1  # the dataset is missing, unreadable or invalid (or output failed)
    USAGE_ERROR = 2  # bad arguments: unknown role, section or option


class OutputError(Exception):
    """An output could not be written (a full disk, a closed pipe, a bad folder)."""

    def __init__(self, target: str, error: OSError) -> None:
        self.target = target
        super().__init__(f"cannot write {target}: {error.strerror or error}")


class SourceError(Exception):
    """Source files (to import) cannot be used; the message says which and why."""


class Failure(NamedTuple):
    """What to tell the user (each line goes to stderr) and how to exit."""

    status: ExitStatus
    messages: tuple[str, ...]


#: Errors in what the user asked for (reported as usage errors, exit 2).
USAGE_ERRORS = (
    UnknownRoleError,
    AmbiguousRoleError,
    UnresolvedRolesError,
    ComparisonError,
    AreaError,
    FieldError,
)


def failure(error: Exception) -> Failure | None:
    """The message and exit status for ``error``; None for an error nobody expects (a
    bug, which must not be disguised as a user's mistake)."""
    if isinstance(error, DatasetError):
        lines = [f"jobcompare: error: {safe(str(p))}" for p in error.problems]
        return Failure(
            ExitStatus.DATA_ERROR,
            (*lines, "jobcompare: the dataset cannot be used (see above)"),
        )
    if isinstance(error, UnresolvedRolesError):  # one message per argument that failed
        return Failure(ExitStatus.USAGE_ERROR, tuple(safe(str(e)) for e in error.errors))
    if isinstance(error, USAGE_ERRORS):
        return Failure(ExitStatus.USAGE_ERROR, (safe(str(error)),))
    if isinstance(error, (OutputError, SourceError)):
        return Failure(ExitStatus.DATA_ERROR, (f"jobcompare: error: {safe(str(error))}",))
    sqlite3 = sys.modules.get("sqlite3")  # loaded only if the store was opened
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        # A damaged or partial store (one built by re-importing a single source) read by a
        # query outside Store's own error mapping: still the store's fault, not a bug.
        message = f"jobcompare: error: cannot read the official-data store: {safe(str(error))}"
        return Failure(ExitStatus.DATA_ERROR, (message,))
    return None
