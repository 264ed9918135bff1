"""The house rules, checked on the source: layers, one-way imports, no cycles, small files.

A newcomer reads the layers from the folder names; these tests keep the folders honest.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "samenwerk_cli"
# A layer may import from its own and from lower layers only (session and render are siblings).
LAYER = {
    "errors": 0,
    "files": 0,
    "formats": 1,
    "scoring": 2,
    "forms": 2,  # online forms in and out: pure, beside scoring
    "session": 3,
    "render": 3,
    "terminal": 4,
    "cli": 5,
    "__init__": 0,
    "__main__": 6,
}
ONLY_IN = {"typer": "cli", "click": "cli", "rich": "terminal"}
# questionary in one module; prompt_toolkit also where signals must reach a running prompt.
PROMPT_LIBRARIES = {
    "questionary": {"samenwerk_cli.terminal.prompts"},
    "prompt_toolkit": {"samenwerk_cli.terminal.prompts", "samenwerk_cli.terminal.signals"},
}
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(("samenwerk_cli", *parts))] = path
    return found


MODULES = modules()


def imports(path: Path) -> set[str]:
    """Every module imported anywhere in the file, also inside functions."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # "from pkg import module" imports the module
                sub = f"{node.module}.{alias.name}"
                names.add(sub if sub in MODULES else node.module)
    return names


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_few_modules_at_the_top_the_layers_are_packages() -> None:
    top = [p.name for p in PACKAGE.glob("*.py")]
    assert len(top) <= 6, top
    for layer in ("formats", "scoring", "session", "render", "terminal", "cli"):
        assert (PACKAGE / layer / "__init__.py").is_file()


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down(module: str) -> None:
    own = LAYER[layer_of(module)]
    for name in imports(MODULES[module]):
        root = name.split(".")[0]
        if root in ONLY_IN:
            assert layer_of(module) == ONLY_IN[root], f"{module} imports {name}"
        if root in PROMPT_LIBRARIES:
            assert module in PROMPT_LIBRARIES[root], f"{module} imports {name}"
        if root == "samenwerk_cli" and name in MODULES and name != "samenwerk_cli":
            target = layer_of(name)
            assert LAYER[target] <= own, f"{module} imports {name} from a higher layer"
            if {layer_of(module), target} == {"session", "render"}:
                pytest.fail(f"{module} imports {name}: session and render are siblings")


def test_no_import_cycles() -> None:
    graph = {
        m: {n for n in imports(p) if n in MODULES and n != m and n != "samenwerk_cli"}
        for m, p in MODULES.items()
    }
    # a package's __init__ is imported with any of its modules: not an edge of its own
    done: set[str] = set()
    path: list[str] = []

    def visit(m: str) -> None:
        if m in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(m) :], m]))
        if m in done:
            return
        path.append(m)
        for n in sorted(graph[m]):
            visit(n)
        path.pop()
        done.add(m)

    for m in sorted(graph):
        visit(m)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_file_over_400_lines(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


@pytest.mark.parametrize(
    ("argv", "never"),
    [
        (["--version"], ("rich", "yaml", "msgspec", "questionary", "prompt_toolkit")),
        (["questions", "list", "--json"], ("samenwerk_cli.scoring", "rich", "questionary")),
        (["template"], ("samenwerk_cli.scoring", "rich", "questionary", "jinja2", "openpyxl")),
        (["score", "examples"], ("questionary", "prompt_toolkit", "jinja2", "openpyxl")),
        # JSON needs neither the screen nor the report model; result records are msgspec Structs
        # (a frozen dataclass costs ~0.3 ms to define), and nothing that reads imports tempfile.
        (
            ["score", "--json", "examples"],
            (
                "rich",
                "samenwerk_cli.render.view_model",
                "samenwerk_cli.terminal.report",
                "dataclasses",
                "importlib.resources",
                "tempfile",
                "questionary",
            ),
        ),
    ],
)
def test_commands_load_only_what_they_need(argv: list[str], never: tuple[str, ...]) -> None:
    """Start-up is felt (shell completion runs the program on every Tab): a command imports
    only what its output needs. Measured in a fresh process, as a user runs it."""
    import subprocess
    import sys

    root = PACKAGE.parents[1]
    code = (
        "import sys\n"
        f"sys.argv = ['samenwerk', *{argv!r}]\n"
        "from samenwerk_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=60
    )
    loaded = set(done.stderr.splitlines())
    wrong = sorted(m for m in loaded if any(m == n or m.startswith(n + ".") for n in never))
    assert not wrong, wrong


def test_program_collects_garbage_again_once_started(monkeypatch, capsys) -> None:
    """The entry point holds the collector off only while the app imports."""
    import gc

    from samenwerk_cli.cli import start

    monkeypatch.setattr("sys.argv", ["samenwerk", "--version"])
    gc.disable()  # as if the import were still under way; start must switch it back on
    try:
        start.main()
        assert gc.isenabled()
    finally:
        gc.unfreeze()  # start froze this test process's objects; let them be collected again
        gc.enable()
    assert capsys.readouterr().out.startswith("samenwerk ")
