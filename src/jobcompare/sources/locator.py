"""Best-effort line numbers of a TOML file's fields, for error messages."""

from __future__ import annotations


class Locator:
    """Best-effort line numbers of a file's fields: tomllib reports positions only for
    syntax errors, and a line number is what makes an error quick to fix.

    The table headers are found once per file, the first time a line is asked for; each
    problem then looks only at its own table's lines.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] = []
        self._tables: dict[tuple[str, ...], tuple[int, int]] | None = None

    def _index(self) -> dict[tuple[str, ...], tuple[int, int]]:
        """Dotted key parts (quotes removed) -> (header's line index, end of its table)."""
        if self._tables is None:
            self._lines = self._text.splitlines()
            headers: list[tuple[int, tuple[str, ...]]] = []
            for number, line in enumerate(self._lines):
                stripped = line.strip()
                if stripped.startswith("[") and not stripped.startswith("[["):
                    inside = stripped[1:].split("]", 1)[0]
                    headers.append(
                        (number, tuple(p.strip().strip("\"'") for p in inside.split(".")))
                    )
            self._tables = {}
            for index, (number, parts) in enumerate(headers):
                end = headers[index + 1][0] if index + 1 < len(headers) else len(self._lines)
                self._tables.setdefault(parts, (number, end))
        return self._tables

    def line(self, slug: str | None, path: tuple[str, ...]) -> int | None:
        """The line of ``path`` within role ``slug``: the deepest table header that is a
        prefix of the path, then the key inside it."""
        if slug is None:
            return None
        tables = self._index()
        # "skills[2]" is in the table of "skills".
        path = tuple(part.split("[", 1)[0] for part in path if part)
        for depth in range(len(path), -1, -1):
            found = tables.get(("roles", slug, *path[:depth]))
            if found is None:
                continue
            number, end = found
            if depth < len(path):
                key = path[depth]
                for offset in range(number + 1, end):
                    if _is_key_line(self._lines[offset], key):
                        return offset + 1
            return number + 1
        return None


def _is_key_line(line: str, key: str) -> bool:
    """Whether ``line`` sets ``key`` (bare or quoted) or a dotted key under it."""
    line = line.lstrip(" \t")
    if line[:1] in ('"', "'"):
        line = line[1:]
    if not line.startswith(key):
        return False
    rest = line[len(key) :]
    if rest[:1] in ('"', "'"):
        rest = rest[1:]
    return rest.lstrip(" \t")[:1] in ("=", ".")
