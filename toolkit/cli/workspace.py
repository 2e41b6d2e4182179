"""`decide init`: create or adopt a workspace."""

from __future__ import annotations

import click


@click.command()
@click.argument("path", default=".", type=click.Path(file_okay=False))
@click.option("--adr-dir", metavar="PATH", help="The ADR folder, relative to PATH, when it is not one decisionbook finds.")
@click.option("--nested", is_flag=True, help="Make a workspace inside another one (refused otherwise).")
def init(path, adr_dir, nested):
    """Create a workspace at PATH (default: here), adopting an existing ADR folder; safe to re-run."""
    from toolkit.workspace import init as init_workspace

    result = init_workspace(path, adr_dir=adr_dir, nested=nested)
    ws = result.workspace
    if result.created:
        for item in result.created:
            click.echo(f"created {item}")
    else:
        click.echo("nothing to do: the workspace is already set up")
    click.echo(f"workspace: {ws.root}")
    click.echo(f"decisions: {ws.relative(ws.adr_dir)}")
