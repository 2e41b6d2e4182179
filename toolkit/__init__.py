"""decisionbook: decision records, design reviews and prototype triage kept as plain files in git."""

__version__ = "0.1.0"

from toolkit.errors import CheckFailed, DecisionbookError


def open_workspace(path="."):
    """Open the workspace holding *path* and return its DataFrame API (see toolkit.frames)."""
    from toolkit.frames import Book

    return Book.open(path)


__all__ = ["CheckFailed", "DecisionbookError", "__version__", "open_workspace"]
