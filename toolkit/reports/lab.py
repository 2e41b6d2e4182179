"""`decide lab`: JupyterLab at the workspace root, with the report notebooks copied in on first use."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import atomic
from toolkit.workspace import Workspace

NOTEBOOKS = ("weekly-triage", "design-review", "decision-log")


def require_jupyterlab() -> None:
    """Refuse, naming the install command, when JupyterLab (the `lab` extra) is not installed."""
    if importlib.util.find_spec("jupyterlab") is None:
        raise DecisionbookError("JupyterLab is not installed; install it with: pip install 'decisionbook[lab]'")


def copy_notebooks(ws: Workspace) -> list[Path]:
    """Copy each bundled notebook the team does not have yet into notebooks/; never overwrite one."""
    from toolkit.bundled import notebooks_dir

    ws.notebooks_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in NOTEBOOKS:
        target = ws.notebooks_dir / f"{name}.ipynb"
        if atomic.create_exclusive(target, (notebooks_dir() / f"{name}.ipynb").read_bytes()):
            copied.append(target)
    return copied


def command(ws: Workspace, port: int | None = None, browser: bool = True) -> list[str]:
    """The JupyterLab command line for *ws*: this interpreter, served from the workspace root."""
    args = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={ws.root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers often run as root; JupyterLab refuses that unless told, and it still binds to localhost.
        args.append("--allow-root")
    if port is not None:
        args += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not browser:
        args.append("--no-browser")
    return args


def lab(ws: Workspace, port: int | None = None, browser: bool = True) -> int:
    """Run JupyterLab for *ws* until it is stopped; its exit status."""
    return subprocess.run(command(ws, port, browser), cwd=ws.root).returncode
