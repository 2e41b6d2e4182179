"""`decide adr ...`: write, list, show, link and index architecture decision records."""

import click


@click.group()
def adr():
    """Architecture decision records in the workspace's ADR folder."""
