"""Where the templates and notebooks that ship with the package are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _HERE / "_bundled" / name
    return installed if installed.is_dir() else _HERE.parent / name


def templates_dir() -> Path:
    return _find("templates")


def notebooks_dir() -> Path:
    return _find("notebooks")
