"""The layer rules of DESIGN.md, checked on the source: no upward imports, heavy libraries where allowed."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit"
LAYERS = ["records", "workspace", "history", "judge", "actions", "frames", "reports", "cli", "entry"]
BASE = {"errors", "bundled"}  # importable from every layer
ONLY_IN = {"git": {"history"}, "pandas": {"frames", "reports", "judge"}, "papermill": {"reports"},
           "nbconvert": {"reports"}, "click": {"cli"}}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "toolkit" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYERS else None


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        if name in ("toolkit", "toolkit.__main__"):
            continue
        yield name, path


def _imports(path: Path, module: str):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module


@pytest.mark.parametrize("module,path", list(_modules()), ids=lambda v: str(v) if isinstance(v, str) else "")
def test_module_imports_respect_layers(module, path):
    own = _layer(module)
    assert own is not None or module.split(".")[1] in BASE, f"{module} is in no layer"
    for imported in _imports(path, module):
        top = imported.split(".")[0]
        if top in ONLY_IN:
            assert own in ONLY_IN[top], f"{module} imports {imported}; only {ONLY_IN[top]} may"
        target = _layer(imported)
        if target is None:
            continue
        assert own is not None, f"{module} (base module) imports {imported}"
        assert LAYERS.index(target) <= LAYERS.index(own), f"{module} imports upward: {imported}"


def test_every_module_says_what_it_owns():
    missing = [name for name, path in _modules() if ast.get_docstring(ast.parse(path.read_text())) is None]
    assert not missing, f"modules without a docstring: {missing}"


def test_adr_list_does_not_import_heavy_libraries(repo):
    code = (
        "import sys\n"
        "from toolkit.cli import main\n"
        "try:\n    main(['adr', 'list'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('pandas', 'papermill', 'nbconvert', 'git', 'matplotlib') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr
