"""Execute a report notebook with papermill and write the executed notebook and its HTML to reports/."""

from __future__ import annotations

import ast
import json
import keyword
import math
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import CheckFailed, DecisionbookError
from toolkit.records import atomic, files
from toolkit.workspace import Workspace

# papermill renders these safely as Python literals; other types (bytes, tuples) can smuggle code.
PLAIN_TYPES = (str, int, float, bool)


@dataclass(frozen=True)
class Report:
    notebook: Path
    html: Path


def notebook_path(workspace: Workspace, name: str) -> Path:
    """The notebook *name* (e.g. "weekly-triage"): the team's copy in notebooks/ wins over the bundled one."""
    from toolkit.bundled import notebooks_dir

    team = workspace.notebooks_dir / f"{name}.ipynb"
    if os.path.lexists(team):
        # The team's copy, even one that cannot be read: the bundled notebook run in its place would give a
        # report the team did not ask for, in silence.
        shown = workspace.relative(team)
        try:
            os.close(files.open_regular(team, workspace.root, shown))
        except FileNotFoundError:
            raise DecisionbookError(f"cannot read: a symbolic link to {os.readlink(team)}, which does not exist",
                                    shown) from None
        return team
    bundled = notebooks_dir() / f"{name}.ipynb"
    if not bundled.is_file():
        raise DecisionbookError(f"no notebook named {name!r}", workspace.notebooks_dir)
    return bundled


def require_parameter(workspace: Workspace, name: str, parameter: str, option: str) -> None:
    """Refuse *option* when notebook *name* has no *parameter* in its `parameters` cell: a team's copy older than
    the parameter would run without it, in silence, and the report would not be the one asked for."""
    source = notebook_path(workspace, name)
    declared = _declared(source)
    if declared is not None and parameter not in declared:
        raise DecisionbookError(f"{option} needs a parameter {parameter!r} in the parameters cell of this notebook; "
                                f"add it, or copy the bundled {name}.ipynb again", workspace.relative(source))


def _declared(source: Path) -> set[str] | None:
    """The names assigned in *source*'s cell tagged `parameters`; None when that cannot be told (papermill
    reports such a notebook's problem when it runs it)."""
    try:
        book = json.loads(source.read_text(encoding="utf-8"))
        cell = next(c for c in book["cells"] if "parameters" in c.get("metadata", {}).get("tags", ()))
        text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        tree = ast.parse(text)
    except (OSError, ValueError, KeyError, TypeError, StopIteration, SyntaxError, AttributeError):
        return None
    return {target.id for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)}


def require_notebook(workspace: Workspace, source: Path) -> None:
    """Refuse, naming the file and line, a notebook that cannot be read as one: a team's copy left half-saved or
    with a merge conflict's markers in it would otherwise stop the report with a traceback."""
    import nbformat

    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise DecisionbookError(f"cannot read the notebook: {reason}", workspace.relative(source)) from None
    wrong = _misshapen(text)
    if wrong is not None:
        raise DecisionbookError(f"not a notebook: {wrong[0]}", workspace.relative(source), wrong[1])
    try:
        nbformat.validate(nbformat.reads(text, as_version=4))
    except Exception as exc:  # nbformat reports a bad notebook as one of several errors, jsonschema's among them
        cause = exc.__cause__ if isinstance(exc.__cause__, json.JSONDecodeError) else exc
        raise DecisionbookError(f"not a notebook: {_first_line(getattr(cause, 'msg', None) or cause)}",
                                workspace.relative(source), getattr(cause, "lineno", None)) from None


_KINDS = {dict: "an object", list: "a list", str: "a text", int: "a number", float: "a number", bool: "true or false",
          type(None): "null"}


def _misshapen(text: str) -> tuple[str, int] | None:
    """What makes the JSON *text* no notebook, and its line, when it is JSON of another shape (`{"cells": 3}`,
    `"metadata": []`): nbformat tells that only in the words of the Python error it meets (`'int' object is not
    iterable`), or with an empty message (`"nbformat_minor": "5"`). None when it has a notebook's shape, or is no
    JSON at all (nbformat names that line itself)."""
    try:
        book = json.loads(text)
    except ValueError:
        return None
    if not isinstance(book, dict):
        return f"the file holds {_KINDS[type(book)]}, not an object with cells", 1
    if "cells" not in book:
        return 'it has no "cells"', 1
    if not isinstance(book.get("metadata", {}), dict):
        return f'its "metadata" is {_KINDS[type(book["metadata"])]}, not an object', _key_line(text, "metadata")
    cells, line = book["cells"], _key_line(text, "cells")
    if not isinstance(cells, list):
        return f'its "cells" is {_KINDS[type(cells)]}, not a list of cells', line
    for number, cell in enumerate(cells, 1):
        if not (isinstance(cell, dict) and isinstance(cell.get("cell_type"), str)):
            return f'cell {number} of its "cells" is {_KINDS[type(cell)]}, not a cell with a "cell_type"', line
        for key, kind in _CELL_PARTS:
            if key in cell and not isinstance(cell[key], kind):
                return (f'the "{key}" of cell {number} is {_KINDS[type(cell[key])]}, not {_KINDS[kind]}',
                        _key_line(text, "cells", number - 1, key))
    # nbformat reads a notebook without "nbformat" as one of format 1, and a version of another kind fails its
    # checks with an empty message.
    for key in ("nbformat", "nbformat_minor"):
        if key not in book:
            return f'it has no "{key}"', 1
        if type(book[key]) is not int:
            return f'its "{key}" is {_KINDS[type(book[key])]}, not a whole number', _key_line(text, key)
    return None


# The parts of a cell that nbformat walks as an object or a list before it validates them.
_CELL_PARTS = (("metadata", dict), ("attachments", dict), ("outputs", list))
_COLON = re.compile(r"\s*:")


def _key_line(text: str, *path: str | int) -> int:
    """The line of the key at *path* in the JSON *text* (valid JSON), its steps the keys of objects and the
    indexes of lists from the outermost object (`"cells", 1, "metadata"`); 1 when not found."""
    steps = []  # per container open at the point read: [is a list, the index or key read last in it]
    at = 0
    while at < len(text):
        char = text[at]
        if char == '"':
            end = at + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if steps and not steps[-1][0] and _COLON.match(text, end + 1):
                steps[-1][1] = json.loads(text[at:end + 1])
                if tuple(step[1] for step in steps) == path:
                    return text.count("\n", 0, at) + 1
            at = end
        elif char in "{[":
            steps.append([char == "[", 0 if char == "[" else None])
        elif char in "}]":
            steps.pop()
        elif char == "," and steps and steps[-1][0]:
            steps[-1][1] += 1
        at += 1
    return 1


def check_parameters(parameters: dict) -> dict:
    """*parameters* unchanged if every name is an identifier and every value a plain finite scalar."""
    for name, value in parameters.items():
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            raise DecisionbookError(f"report parameter name {name!r} is not a Python identifier")
        if type(value) not in PLAIN_TYPES:
            raise DecisionbookError(f"report parameter {name} must be str, int, float or bool, not {type(value).__name__}")
        if type(value) is float and not math.isfinite(value):
            raise DecisionbookError(f"report parameter {name} must be a finite number")
        if type(value) is str and "\x00" in value:
            raise DecisionbookError(f"report parameter {name} contains a NUL character")
    return parameters


def _first_line(text: str) -> str:
    lines = [line for line in str(text).splitlines() if line.strip()]
    return lines[0].strip() if lines else ""


def run(workspace: Workspace, name: str, stem: str, parameters: dict, progress: bool = True) -> Report:
    """Run notebook *name* with *parameters*, write reports/<stem>.ipynb and .html, return both paths.

    On a failing cell the executed notebook (with the error) is kept and CheckFailed names the cell.
    """
    parameters = check_parameters(dict(parameters))
    source = notebook_path(workspace, name)
    folder = workspace.reports_dir
    folder.mkdir(parents=True, exist_ok=True)
    executed = folder / f"{stem}.ipynb"
    html = folder / f"{stem}.html"
    for target in (executed, html):  # papermill opens its output by name, so refuse a link before it runs
        files.require_writable(target)

    from toolkit.reports.kernel import Kernel

    # The kernel boots (a second and more) in its own process while this one imports papermill and
    # nbconvert; while the notebook runs, a worker here prepares the HTML page (see Page).
    kernel = Kernel(cwd=str(workspace.root))
    page = None
    try:
        # jsonschema checks the "iri" format with rfc3987_syntax when it is installed (jupyterlab brings
        # it), and that module builds a grammar on import: a second of every report for a format that no
        # notebook field uses. Marking it absent makes jsonschema skip that one check.
        sys.modules.setdefault("rfc3987_syntax", None)
        require_notebook(workspace, source)  # while the kernel boots: nbformat is papermill's to import anyway
        import papermill
        from papermill.exceptions import PapermillExecutionError

        from toolkit.reports.export import Page

        page = Page()
        try:
            nb = papermill.execute_notebook(
                str(source),
                str(executed),
                parameters=parameters,
                kernel_name="python3",
                language="python",  # a team's copy stripped of its kernel metadata (nbstripout) runs all the same
                km=kernel.manager,
                on_cell_executed=page.cell_executed,
                progress_bar=progress,
                # One write at the end (papermill writes the notebook then, failed or not), not one per cell.
                request_save_on_cell_execute=False,
                cwd=str(workspace.root),
                log_output=False,
            )
        except PapermillExecutionError as exc:
            cell = f"cell {exc.exec_count}" if exc.exec_count else f"cell {exc.cell_index + 1}"
            raise CheckFailed(
                f"report failed in {cell}: {exc.ename}: {_first_line(exc.evalue)}", workspace.relative(executed)
            ) from None
        kernel.stop_soon()  # killed while the page renders
        body = page.html(nb, stem).encode("utf-8")
    finally:
        if page is not None:
            page.close()
        kernel.stop()
    if not atomic.create_exclusive(html, body):
        atomic.replace(html, body)
    return Report(notebook=executed, html=html)
