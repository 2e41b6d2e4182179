"""`decide report|demo|lab`: notebooks executed into HTML reports."""

import click


@click.group()
def report():
    """Run a report notebook and export it to HTML."""


@click.command()
def demo():
    """Build the sample workspace and its weekly triage report."""
    click.echo("decide demo: not yet available")


@click.command()
def lab():
    """Start JupyterLab at the workspace root."""
