"""One file of a folder that lists its records' fields, which their pages do not state: Fuchsia keeps every RFC's
title, status and days in `_rfcs.yaml` beside the pages (ADR 0164)."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.records import files
from toolkit.records.finding import Finding
from toolkit.records.named import named

NAME = "_rfcs.yaml"
_WITHOUT = "the records it lists are read without it"


@named
class Listed:
    """A record's fields as the folder's list gives them; "" where it gives none."""

    file: str  # the page, from the folder: `0001_rfc_process.md`
    title: str
    status: str
    date: str  # the day it was reviewed, else the day it was submitted, as written


def read(folder: Path, limit: int | None, root: Path, shown: str) -> tuple[tuple[Listed, ...], Finding | None]:
    """The records *folder*'s list names, and a warning (the list shown as *shown*) where it cannot be read: then
    none, and each record is read from its page alone."""
    try:
        data = files.read_bytes(folder / NAME, limit, root, shown)
    except FileNotFoundError:
        return (), None
    except OSError as exc:
        return (), Finding(shown, None, "warning", f"cannot read: {exc.strerror}: {_WITHOUT}")
    except DecisionbookError as exc:  # too big, or not a regular file (a FIFO)
        return (), Finding(shown, exc.line, "warning", f"{exc.message}: {_WITHOUT}")
    from toolkit.records.strictyaml import load_yaml  # only a folder that keeps such a list pays for PyYAML

    try:
        entries = load_yaml(data.decode("utf-8-sig"), shown)
    except UnicodeDecodeError:
        return (), Finding(shown, None, "warning", f"not UTF-8 text: {_WITHOUT}")
    except DecisionbookError as exc:
        return (), Finding(shown, exc.line, "warning", f"{exc.message}: {_WITHOUT}")
    if not isinstance(entries, list):
        return (), Finding(shown, None, "warning", "not a list of records (`- file: 0001_x.md`, `status: ...`): "
                                                   "the records are read without it")
    listed: dict[str, Listed] = {}
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            fields = [_text(entry.get(key)) for key in ("title", "status", "reviewed", "submitted")]
            listed.setdefault(entry["file"], Listed(entry["file"], fields[0], fields[1], fields[2] or fields[3]))
    return tuple(listed.values()), None


def _text(value: object) -> str:
    """A field's value as text: a day YAML read as a date is written back as YAML wrote it (`2020-02-27`)."""
    return "" if value is None or isinstance(value, (list, dict)) else str(value).strip()
