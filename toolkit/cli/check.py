"""`decide check`: lint the whole workspace."""

from __future__ import annotations

import json

import click


@click.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text: one `path:line: severity: message` line per finding; json for machines.")
@click.option("--strict", is_flag=True, help="Report every warning as an error, so it fails the check too (for CI).")
@click.pass_context
def check(ctx, fmt, strict):
    """Lint every record in the workspace; exit 1 on any error."""
    if ctx.invoked_subcommand is not None:
        return
    from toolkit.actions.lint import check as lint
    from toolkit.cli.output import workspace_here
    from toolkit.errors import CheckFailed
    from toolkit.records.text import visible

    report = lint(workspace_here(), strict=strict)
    if fmt == "json":
        payload = {"errors": report.errors, "warnings": report.warnings,
                   "findings": [f.as_dict() for f in report.findings]}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            click.echo(visible(str(finding)))
        click.echo(report.summary())
    if report.errors:
        raise CheckFailed(report.summary())
