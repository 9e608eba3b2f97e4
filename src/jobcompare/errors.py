"""What goes wrong with a dataset: problems with their place, and the error that carries
them. Kept apart so that commands can catch it without loading the validator."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple


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


class FieldError(LookupError):
    """A figure asked for by name (``jobcompare table --fields``) that is no figure, or
    that several sections have; the message names every such name."""


class AreaError(ValueError):
    """An area that cannot be found, or a request about areas that cannot be answered
    (a usage error, exit 2)."""
