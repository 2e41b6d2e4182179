"""Where a report links to: workspace files (or their page under `[links] base-url`) and evidence sources."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

from toolkit.workspace import Workspace, reads_as_path


def file_links(ws: Workspace, page_dir: Path | None = None):
    """A function giving, for a path inside the workspace, its link from a page in *page_dir* (default: a report in
    reports/), or into the repository's web view under `[links] base-url`."""
    base = ws.config.links_base
    up = None if base else PurePosixPath(*Path(os.path.relpath(ws.root, page_dir or ws.reports_dir)).parts).as_posix()

    def href(path: Path) -> str:
        relative = path.relative_to(ws.root).as_posix() if path.is_absolute() else PurePosixPath(path).as_posix()
        if base:
            return base + quote(relative, safe="/")
        return quote(relative if up == "." else f"{up}/{relative}", safe="/")

    return href


def source_href(ws: Workspace, source: str | None) -> str | None:
    """A link for an evidence source: an http(s) URL as it is, a file of the workspace as a file link, else None."""
    if not source:
        return None
    text = source.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return text
    if not reads_as_path(text):
        return None
    target = Path(os.path.realpath(ws.root / text))  # not resolve(): a looping link raises there
    if ws.root not in target.parents or not target.exists():
        return None
    return file_links(ws)(target.relative_to(ws.root))
