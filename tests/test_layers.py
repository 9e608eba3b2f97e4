"""The house's one rule (docs/architecture.md): every module imports only the layers below
its own, so no import runs back up and there is no circle; Rich and Typer stay where
they are drawn and parsed; package faces stay empty so that importing one part never
loads another."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "jobcompare"

#: The layers, top to bottom; a module imports only from its own layer or those below.
LAYERS = (
    ("cli",),
    ("commands",),
    ("output",),
    ("engine",),
    ("importers",),
    ("sources",),
    ("registry",),
    ("model", "errors", "text", "files"),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """Every jobcompare module ``path`` imports, at the top, inside a function or only for
    the type checker alike: each is an arrow of the house."""
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module)
            imported |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in imported if name in MODULES}


def _layer(module: str) -> int:
    """The layer's index, 0 at the top; the package itself (its version) is the ground."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return 0 if parts[1:] == ["__main__"] else len(LAYERS) - 1
    for index, names in enumerate(LAYERS):
        if parts[1] in names:
            return index
    raise AssertionError(f"{module} is in no layer")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_runs_back_up(module: str) -> None:
    for imported in _imports(MODULES[module]):
        if imported == "jobcompare":
            continue  # the version
        assert _layer(imported) >= _layer(module), f"{module} imports {imported}, a layer up"


def test_no_circle() -> None:
    graph = {module: _imports(path) - {module} for module, path in MODULES.items()}
    state: dict[str, int] = {}  # 1: being walked, 2: done

    def walk(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                raise AssertionError(" -> ".join([*trail, module, imported]))
            if imported not in state:
                walk(imported, [*trail, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [])


def _third_party(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rich_only_draws_and_typer_only_parses(module: str) -> None:
    used = _third_party(MODULES[module])
    if "rich" in used:
        allowed = ("jobcompare.output.terminal.",)
        assert module.startswith(allowed), f"{module} imports Rich"
    if "typer" in used:
        assert module.startswith("jobcompare.cli."), f"{module} imports Typer"


def test_package_faces_are_empty() -> None:
    faces = [p for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE]
    assert faces
    for face in faces:
        assert face.read_text(encoding="utf-8").strip() == "", face


_FIGURES = ("jobcompare.model", "jobcompare.registry.fields", "jobcompare.engine.compare")


@pytest.mark.parametrize(
    ("args", "heavy"),
    [
        (["list"], ("rich", *_FIGURES)),
        (["search", "nurse"], ("rich", *_FIGURES)),
        (["areas", "--search", "austin"], ("rich", *_FIGURES)),
        (["billing-and-posting-clerks", "registered-nurses", "--json"],
         ("rich", "jobcompare.output.blocks", "jobcompare.output.pager")),
    ],
    ids=str,
)  # fmt: skip
def test_a_listing_or_json_loads_only_what_it_writes(
    args: list[str], heavy: tuple[str, ...]
) -> None:
    """A listing into a pipe is plain text: it never pays for Rich, the model or the
    figures' declarations; JSON never pays for Rich, the page blocks or the pager. Checked
    in a fresh interpreter, where nothing else loaded them, once the datasets' index is
    cached (the first run reads the TOML into the model)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from jobcompare.cli.app import app\n"
        f"sys.argv = ['jobcompare', *{args!r}]\n"
        "try:\n    app(prog_name='jobcompare')\nexcept SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        f"heavy = {heavy!r}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "sys.stderr.write('LOADED:' + ','.join(loaded))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "JOBCOMPARE_DATA"}
    for _ in range(2):  # the first run may fill the index cache
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
    assert done.stdout.strip()
    assert done.stderr.endswith("LOADED:"), done.stderr


def test_command_signatures_are_evaluated_once() -> None:
    """Typer reads every command's signature on every run. With postponed annotations it
    would evaluate each Annotated[...] string again (every option's help built twice), which
    cost about 8 ms of each start-up; so the modules of commands keep real annotations."""
    commands = [
        name
        for name, path in MODULES.items()
        if name.startswith("jobcompare.cli.")
        and name != "jobcompare.cli.options"  # declares the options; registers no command
        and "Annotated[" in path.read_text("utf-8")
    ]
    assert len(commands) >= 4
    for module in commands:
        text = MODULES[module].read_text("utf-8")
        assert "from __future__ import annotations" not in text, module
