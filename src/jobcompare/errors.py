"""Every error jobcompare raises, the exit statuses, and the one function that maps an
error to what the user is told and how the process exits.

Library code raises these; the command line asks :func:`failure` what to say and how to
exit, so that the codes the README documents are decided in one place (as httpie's
``ExitStatus`` and its one error handler do).
"""

import sys
from collections.abc import Sequence
from enum import IntEnum, unique
from pathlib import Path
from typing import Literal, NamedTuple

from jobcompare.text import safe


@unique
class ExitStatus(IntEnum):
    """Documented in the README; scripts may rely on them."""

    OK = 0
    DATA_ERROR = 1  # the dataset, the store or an import's input is unusable, or output failed
    USAGE_ERROR = 2  # bad arguments: unknown role, section or option


# -- data errors (exit 1) -------------------------------------------------------------------


class Problem(NamedTuple):
    """One thing wrong (or suspicious, for a warning) in a dataset file."""

    file: Path
    message: str
    line: int | None = None
    column: int | None = None
    role: str | None = None
    field: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.role is not None:
            parts.append(f"role '{self.role}'")
        if self.field:
            parts.append(self.field)
        prefix = "warning: " if self.severity == "warning" else ""
        return ": ".join(parts) + f": {prefix}{self.message}"


class DatasetError(Exception):
    """The dataset cannot be used; ``problems`` lists every error found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StoreError(DatasetError):
    """The official-data store is missing, unreadable or of another format."""


class OutputError(Exception):
    """An output could not be written (a full disk, a closed pipe, a bad folder)."""

    def __init__(self, target: str, error: OSError) -> None:
        self.target = target
        super().__init__(f"cannot write {target}: {error.strerror or error}")


class ImportSourceError(Exception):
    """An input an importer cannot use: missing, truncated or malformed (file and row)."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None):
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class StoreWriteError(Exception):
    """The store cannot be written (bad importer declaration, duplicate key, disk error)."""


# -- usage errors (exit 2) ------------------------------------------------------------------


class ComparisonError(ValueError):
    """The request cannot be compared (wrong number of roles, a role twice)."""


class FieldError(LookupError):
    """A figure asked for by name (``jobcompare table --fields``) that is no figure, or
    that several sections have; the message names every such name."""


class AreaError(ValueError):
    """An area that cannot be found, or a request about areas that cannot be answered."""


class StateError(AreaError):
    """What ``--in`` was given is not a state (DC, territory)."""


class PayError(ValueError):
    """An amount ``--pay`` cannot take: text, negative, zero, more than cents, absurd."""


class RoleNameError(LookupError):
    """What the user typed does not name exactly one role (the base of the errors below)."""


class Listed(NamedTuple):
    """A role an error lists as what a name may mean, and why."""

    soc: str | None
    slug: str
    title: str
    reason: str


class AmbiguousRoleError(RoleNameError):
    """What the user typed names more than one role.

    ``reasons`` says, one line per candidate, best first, which role and why it matched,
    and ``more`` how many candidates were left out of them; ``read_as`` is the spelling a
    mistyped query was taken for; ``spellings`` says the candidates are close spellings, none
    sure enough to be taken. Without reasons the message is the short one for a
    title or SOC code that several roles share. ``listed`` gives the same candidates as
    data, for the command line's list of whole lines under its error box (:meth:`listing`).
    """

    def __init__(
        self,
        query: str,
        slugs: Sequence[str],
        reasons: Sequence[str] = (),
        more: int = 0,
        read_as: str | None = None,
        *,
        spellings: bool = False,
        listed: Sequence[Listed] = (),
    ) -> None:
        self.query = query
        self.slugs = tuple(slugs)
        self.reasons = tuple(reasons)
        self.read_as = read_as
        self.more = more
        self.listed = tuple(listed)
        self.heading = ""
        if self.reasons:
            typed = f"'{query}'" + (f" (read as '{read_as}')" if read_as else "")
            name = "name one by its slug or SOC code"
            if spellings and len(self.reasons) + more == 1:
                heading = f"{typed} is no title; it may be a misspelling of this one"
                name = "name it by its slug or SOC code"
            elif spellings:
                heading = f"{typed} is no title; it may be a misspelling of one of these"
            else:
                heading = f"{typed} could be several occupations"
            self.heading = f"{heading}; {name}"
            lines = [f"{self.heading}:"]
            lines += [f"  {reason}" for reason in self.reasons]
            if more:
                lines.append(f"  ... and {more} more")
            message = "\n".join(lines)
        else:
            listed_slugs = ", ".join(f"'{s}'" for s in self.slugs)
            message = f"'{query}' matches several roles: {listed_slugs}. Use a slug."
        super().__init__(message)

    def listing(self) -> list[str]:
        """The candidates as whole lines that copy and paste, for under an error box (which
        would wrap a long slug mid-word): a caption, then for each its SOC code and slug on
        one line and its title and why it matched on the next; empty without ``listed``."""
        if not self.listed or not self.heading:
            return []
        return _listing(self.query, self.listed, self.more)


def _listing(query: str, listed: Sequence[Listed], more: int) -> list[str]:
    """Roles as whole lines: a caption, then for each its SOC code and slug on one line and
    its title (and why it matched) on the next, and how many more there are."""
    lines = [f"'{query}': SOC code, slug, title"]
    for entry in listed:
        lines.append(f"  {entry.soc or '—':<7}  {entry.slug}")
        lines.append(f"           {entry.title}" + (f": {entry.reason}" if entry.reason else ""))
    if more:
        lines.append(f"  ... and {more} more")
    return lines


class UnknownRoleError(RoleNameError):
    """No role matches what the user typed; ``suggestions`` are close slugs (or a title
    several occupations share). ``listed`` gives the roles of the slugs among them as data,
    for the command line's list of whole lines under its error box (:meth:`listing`)."""

    def __init__(
        self, query: str, suggestions: Sequence[str], listed: Sequence[Listed] = ()
    ) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.listed = tuple(listed)
        message = f"unknown role '{query}'"
        if self.suggestions:
            quoted = [f"'{s}'" for s in self.suggestions]
            message += ". Did you mean " + ", ".join(quoted[:-1]) + (" or " if quoted[1:] else "")
            message += quoted[-1] + "?"
        super().__init__(message)
        # The heading over a listing: a title several occupations share stays in it.
        slugs = {entry.slug for entry in self.listed}
        titles = [f"'{s}', or " for s in self.suggestions if s not in slugs]
        these = "this one" if len(self.listed) == 1 else "one of these"
        self.heading = (
            f"unknown role '{query}'; did you mean {''.join(titles)}{these}, listed below?"
        )

    def listing(self) -> list[str]:
        """The suggested roles as whole lines, as :meth:`AmbiguousRoleError.listing` lists
        candidates; empty when no suggestion is a role's slug."""
        return _listing(self.query, self.listed, 0) if self.listed else []


class UnresolvedRolesError(RoleNameError):
    """Several arguments failed to name a role: every one of them, in the order typed."""

    def __init__(self, errors: Sequence[AmbiguousRoleError | UnknownRoleError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


#: Errors in what the user asked for (reported as usage errors, exit 2).
USAGE_ERRORS = (RoleNameError, ComparisonError, AreaError, FieldError, PayError)
#: Errors in the data or the output (exit 1), said as one line each.
DATA_ERRORS = (OutputError, ImportSourceError, StoreWriteError)


class Failure(NamedTuple):
    """What to tell the user (each line goes to stderr) and how to exit; ``after``: lines
    to print as they are after the messages (a usage error's box), never wrapped."""

    status: ExitStatus
    messages: tuple[str, ...]
    after: tuple[str, ...] = ()


def failure(error: BaseException) -> Failure | None:
    """The message and exit status for ``error``; None for an error nobody expects (a
    bug, which must not be disguised as a user's mistake)."""
    if isinstance(error, DatasetError):
        lines = [f"jobcompare: error: {safe(str(p))}" for p in error.problems]
        return Failure(
            ExitStatus.DATA_ERROR,
            (*lines, "jobcompare: the dataset cannot be used (see above)"),
        )
    if isinstance(error, (UnresolvedRolesError, AmbiguousRoleError, UnknownRoleError)):
        # One message per argument that failed; the candidates of a name, whole lines
        # after them.
        errors = error.errors if isinstance(error, UnresolvedRolesError) else (error,)
        messages: list[str] = []
        after: list[str] = []
        for one in errors:
            listing = one.listing()
            if listing and isinstance(one, AmbiguousRoleError):
                messages.append(safe(f"{one.heading}, as listed below."))
            elif listing:
                messages.append(safe(one.heading))
            else:
                messages.append(safe(str(one)))
            after += [safe(line) for line in listing]
        return Failure(ExitStatus.USAGE_ERROR, tuple(messages), tuple(after))
    if isinstance(error, USAGE_ERRORS):
        return Failure(ExitStatus.USAGE_ERROR, (safe(str(error)),))
    if isinstance(error, DATA_ERRORS):
        return Failure(ExitStatus.DATA_ERROR, (f"jobcompare: error: {safe(str(error))}",))
    sqlite3 = sys.modules.get("sqlite3")  # loaded only if the store was opened
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        # A damaged or partial store (one built by re-importing a single source) read by a
        # query outside Store's own error mapping: still the store's fault, not a bug.
        message = f"jobcompare: error: cannot read the official-data store: {safe(str(error))}"
        return Failure(ExitStatus.DATA_ERROR, (message,))
    return None
