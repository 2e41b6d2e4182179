"""`decide check`: lint the whole workspace."""

import click


@click.group(invoke_without_command=True)
def check():
    """Lint every record in the workspace; exit 1 on any error."""
