"""Printing rows as a table, JSON or CSV: the one place the CLI decides how output looks."""

from __future__ import annotations

import click

from toolkit.records.table import FORMATS, render


def format_option(choices=FORMATS, default="table"):
    machines = " and ".join(c for c in choices if c in ("json", "csv"))
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=f"Output format; {machines} {'are' if ' and ' in machines else 'is'} for machines.",
    )


def here(path) -> str:
    """*path* as the user may type it from the current folder, as every command prints a file it wrote."""
    import os

    from toolkit.records.text import visible

    return visible(os.path.relpath(path))


def emit(rows: list[dict], columns: list[str], fmt: str) -> None:
    click.echo(render(rows, columns, fmt))


def workspace_here():
    """The workspace of the current folder; with `decide -v`, say which ADR folder it reads."""
    from toolkit.workspace import open_workspace

    ws = open_workspace(".")
    if click.get_current_context().find_root().params.get("verbose"):
        mode = " (read only: no git repository or decisionbook.toml)" if ws.read_only else ""
        from toolkit.records.text import visible

        click.echo(f"ADR folder: {visible(ws.relative(ws.adr_dir))}{mode}", err=True)
    return ws
