"""Load and validate TOML datasets into the model.

A dataset is one TOML file or a folder of them. Validation (checker.py) collects every
problem it finds (not only the first) so that ``jobcompare validate`` can report them
all; loading raises one :class:`DatasetError` carrying that list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from jobcompare.errors import DatasetError, Problem
from jobcompare.files import bundled_data_dir, dataset_files, read_dataset_file
from jobcompare.model import Role
from jobcompare.sources.checker import MAX_DEPTH, Checker
from jobcompare.sources.locator import Locator
from jobcompare.text import normalise


@dataclass(frozen=True)
class Dataset:
    roles: tuple[Role, ...]
    files: tuple[Path, ...] = ()
    warnings: tuple[Problem, ...] = ()

    def role(self, slug: str) -> Role:
        """The role ``slug`` (a KeyError when there is none)."""
        for role in self.roles:
            if role.slug == slug:
                return role
        raise KeyError(slug)


# -- loading ------------------------------------------------------------------------------


def load_dataset(path: Path | None = None) -> Dataset:
    """Load and validate the dataset at ``path`` (default: the bundled one).

    Raises :class:`DatasetError` listing every error; warnings are kept on the result.
    """
    files = dataset_files(path if path is not None else bundled_data_dir())
    roles, problems = _load_files(files)
    if not roles and not any(p.severity == "error" for p in problems):
        problems.append(Problem(files[0], "the dataset holds no roles"))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DatasetError(errors)
    warnings = [p for p in problems if p.severity == "warning"]
    first_seen = {role.slug: file for file, role in roles}
    warnings += _shared_names([role for _, role in roles], first_seen)
    return Dataset(
        roles=tuple(role for _, role in roles), files=tuple(files), warnings=tuple(warnings)
    )


def _load_files(files: Sequence[Path]) -> tuple[list[tuple[Path, Role]], list[Problem]]:
    """Every valid role of ``files`` with its file, and every problem, each file read once."""
    roles: list[tuple[Path, Role]] = []
    problems: list[Problem] = []
    first_seen: dict[str, Path] = {}
    for file in files:
        checker = _load(file)
        problems.extend(checker.problems)
        for role in checker.roles:
            if role.slug in first_seen:
                problems.append(
                    Problem(
                        file,
                        f"duplicate slug: already defined in {first_seen[role.slug]}",
                        role=role.slug,
                        line=checker.locator.line(role.slug, ()),
                    )
                )
                continue
            first_seen[role.slug] = file
            roles.append((file, role))
    return roles, problems


def _shared_names(roles: Sequence[Role], files: dict[str, Path]) -> list[Problem]:
    """Warnings for titles or SOC codes that several roles share: only their slugs can
    name those roles on the command line."""
    groups: dict[tuple[str, str], list[Role]] = {}
    for role in roles:
        groups.setdefault(("title", normalise(role.title)), []).append(role)
        if role.soc:
            groups.setdefault(("SOC code", role.soc), []).append(role)
    problems = []
    for (what, _), group in groups.items():
        if len(group) > 1:
            first, *others = group
            for other in others:
                problems.append(
                    Problem(
                        files[other.slug],
                        f"same {what} as '{first.slug}': use the slug to name either",
                        role=other.slug,
                        severity="warning",
                    )
                )
    return problems


class Validation(NamedTuple):
    """What ``jobcompare validate`` found: the dataset (None when it cannot be used) and
    every problem, errors and warnings."""

    dataset: Dataset | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check_dataset(path: Path | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Every problem (errors and warnings) in the dataset at ``path``, for ``validate``.
    Each file is read, parsed and checked once."""
    files = dataset_files(path if path is not None else bundled_data_dir())
    roles, problems = _load_files(files)
    if not roles and not any(p.severity == "error" for p in problems):
        problems.append(Problem(files[0], "the dataset holds no roles"))
    if any(p.severity == "error" for p in problems):
        problems.sort(key=lambda p: (str(p.file), p.line or 0))
        return None, problems
    first_seen = {role.slug: file for file, role in roles}
    problems += _shared_names([role for _, role in roles], first_seen)
    dataset = Dataset(
        roles=tuple(role for _, role in roles),
        files=tuple(files),
        warnings=tuple(problems),
    )
    return dataset, problems


def decode(file: Path, data: bytes) -> str:
    """The text of a dataset file's bytes; a DatasetError (with the line) if not UTF-8."""
    try:
        # utf-8-sig: a byte-order mark, as some Windows editors write, is not an error.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DatasetError(
            [Problem(file, f"not valid UTF-8 (byte {exc.start + 1})", line=line)]
        ) from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def parse(file: Path, text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The TOML document of ``text`` (None if it is not valid TOML, or beyond the bounds
    of docs/dataset.md), and the problems that say why not."""
    from jobcompare.sources._toml import tomllib  # not needed by a run that finds its cache

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        position = _TOML_POSITION.search(message)
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = _TOML_POSITION.sub("", message)
        return None, [Problem(file, f"invalid TOML: {message}", line=line, column=column)]
    except ValueError:
        # Python refuses to convert an integer literal of more than 4,300 digits.
        line = _line_of(text, r"[0-9_]{4301}")
        message = "invalid TOML: an integer literal is too long (at most 4,300 digits)"
        return None, [Problem(file, message, line=line)]
    except RecursionError:
        line = _line_of(text, r"(?:[\[{][ \t\r\n]*){" + str(MAX_DEPTH + 1) + "}")
        return None, [Problem(file, f"nested more than {MAX_DEPTH} levels deep", line=line)]
    deep = _too_deep(document)
    if deep is not None:
        locator = Locator(text)
        role = deep[1] if len(deep) > 1 and deep[0] == "roles" else None
        field = ".".join(deep[2:]) if role is not None else ".".join(deep)
        line = locator.line(role, tuple(deep[2:])) if role is not None else None
        return None, [
            Problem(
                file,
                f"nested more than {MAX_DEPTH} levels deep",
                line=line,
                role=role,
                field=field or None,
            )
        ]
    return document, []


def _line_of(text: str, pattern: str) -> int | None:
    """The line of the first match of ``pattern`` (for errors tomllib gives no place for)."""
    match = re.search(pattern, text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def _too_deep(document: dict[str, Any]) -> list[str] | None:
    """The key path to the first value nested deeper than MAX_DEPTH, if any (iterative: a
    deep document cannot exhaust the stack here)."""
    stack: list[tuple[Any, list[str]]] = [(document, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return [p for p in path if not p.startswith("[")]
        if isinstance(value, dict):
            stack.extend((v, [*path, str(k)]) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, [*path, f"[{i}]"]) for i, v in enumerate(value))
    return None


def _load(file: Path) -> Checker:
    """One file read once, parsed and checked: its checker holds roles and problems."""
    try:
        text = decode(file, read_dataset_file(file))
    except DatasetError as exc:
        checker = Checker(file, "")
        checker.problems.extend(exc.problems)
        return checker
    return _check_text(file, text)


def _check_text(file: Path, text: str) -> Checker:
    checker = Checker(file, text)
    document, problems = parse(file, text)
    checker.problems.extend(problems)
    if document is not None:
        checker.roles = checker.document(document)
    # In file order, as someone fixing them would read the file.
    checker.problems.sort(key=lambda p: p.line or 0)
    return checker
