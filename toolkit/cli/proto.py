"""`decide proto|criterion|effort|evidence|triage|keep|iterate|discard|audit`: prototype triage."""

import click


@click.group()
def proto():
    """Prototype cards."""


@click.group()
def criterion():
    """Success and kill criteria on a prototype card, fixed before evidence."""


@click.group()
def effort():
    """The effort ledger (shown beside verdicts, never used to judge)."""


@click.group()
def evidence():
    """The evidence ledger."""


@click.command()
def triage():
    """Recommend keep / iterate / discard for every active prototype, on evidence alone."""


@click.command()
def keep():
    """Record a keep verdict."""


@click.command()
def iterate():
    """Record an iterate verdict."""


@click.command()
def discard():
    """Record a discard verdict."""


@click.command()
def audit():
    """Sunk-cost audit over all verdicts."""
