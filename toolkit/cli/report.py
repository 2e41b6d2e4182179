"""`decide report|demo|lab`: notebooks executed into HTML reports, the sample workspace, JupyterLab."""

from __future__ import annotations

import click

from toolkit.cli.output import here
from toolkit.cli.types import Day
from toolkit.workspace import open_workspace

DATE = Day()


@click.group()
def report():
    """Run a report notebook and export it to HTML in reports/ (code hidden, user text escaped)."""


@report.command("weekly")
@click.option("--as-of", type=DATE, metavar="DATE", help="Judge as of this date, YYYY-MM-DD (default: today).")
@click.option("--reveal", is_flag=True, help="Add the Sunk-cost check: hours, effort chart, high-effort warnings, git activity.")
@click.option("--since", type=DATE, metavar="DATE",
              help="Where 'since' starts, YYYY-MM-DD, in place of the last meeting (default: the last meeting, "
                   "else 7 days back).")
def report_weekly(as_of, reveal, since):
    """The weekly keep-or-discard report, as the workspace stood on DATE; blind to effort unless --reveal.
    Prints the HTML path."""
    from toolkit.reports.make import weekly

    ws = open_workspace()
    click.echo(here(weekly(ws, as_of, reveal, since=since).html))


@report.command("review")
@click.argument("adr")
@click.option("--as-of", type=DATE, metavar="DATE", help="Judge the cited prototypes as of this date (default: today).")
def report_review(adr, as_of):
    """The design review of ADR (a number or slug): checklist, roles, evidence, lint. Prints the HTML path."""
    from toolkit.reports.make import review

    ws = open_workspace()
    click.echo(here(review(ws, adr, as_of).html))


@report.command("log")
@click.option("--out", type=click.Path(file_okay=False), metavar="DIR",
              help="Folder to write the site to (default: reports/decision-log); an earlier site there is replaced.")
@click.option("--as-of", type=DATE, metavar="DATE", help="Count waiting days and judge prototypes as of this date (default: today).")
def report_log(out, as_of):
    """The decision log as a static site: an index, a page per ADR, a timeline and a graph. Prints the index path."""
    from toolkit.reports.site import build_site

    ws = open_workspace()
    click.echo(here(build_site(ws, out, as_of)))


@click.command()
@click.argument("directory", metavar="[DIR]", default="decisionbook-demo", type=click.Path(file_okay=False))
def demo(directory):
    """Build the sample workspace in DIR (default ./decisionbook-demo) and its weekly report; print its path.

    DIR must be empty, absent, or an earlier demo (which is replaced).
    """
    from toolkit.reports.demo import AS_OF, demo as build_demo

    result = build_demo(directory)
    click.echo(f"sample workspace: {result.root}", err=True)
    click.echo(f"weekly report as of {AS_OF.isoformat()}:", err=True)
    click.echo(result.html)


@click.command()
@click.argument("path", default=".", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(1, 65535), help="Port to serve on (default: JupyterLab's choice).")
@click.option("--no-browser", is_flag=True, help="Do not open a browser; print the URL instead.")
def lab(path, port, no_browser):
    """Start JupyterLab at the workspace root holding PATH; copies the report notebooks into notebooks/ first."""
    from toolkit.reports.lab import copy_notebooks, lab as run_lab, require_jupyterlab

    ws = open_workspace(path)
    require_jupyterlab()
    for copied in copy_notebooks(ws):
        click.echo(f"copied {ws.relative(copied)}", err=True)
    click.get_current_context().exit(run_lab(ws, port, not no_browser))
