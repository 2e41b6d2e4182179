"""The README documents every command, and CI runs exactly the test command the README shows."""

from __future__ import annotations

import re
from pathlib import Path

import click

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ("decide",)):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path)


def test_every_command_has_help_text():
    missing = [" ".join(p) for p, c in _commands(cli) if not (c.help or "").strip()]
    assert not missing, f"commands without help: {missing}"
    for path, command in _commands(cli):
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"


def test_every_command_is_in_the_readme_reference():
    missing = [" ".join(p) for p, _ in _commands(cli) if f"`{' '.join(p)}" not in README]
    assert not missing, f"commands missing from the README reference: {missing}"


def test_ci_runs_the_readme_test_command():
    match = re.search(r"^(python3 -m venv .*pytest.*)$", README, re.MULTILINE)
    assert match, "README shows no test command"
    assert match.group(1) in (ROOT / ".ci" / "run").read_text().splitlines()


def test_readme_shows_the_demo_command():
    assert re.search(r"^python3 -m venv .*pip install \. && decide demo$", README, re.MULTILINE)


def test_the_ledger_correction_example_records_the_wrong_line_it_then_takes_back(repo, decide):
    """The README's typo must be one decide records: a figure it refuses leaves nothing to retract."""
    section = README[README.index("**Correcting a ledger.**"):README.index("### Python API")]
    typo = re.search(r"`decide (effort log P1 [^`]+)`", section).group(1).split()
    shown = re.search(r"^(\w{26}) +\S+ +P1 +(\S+)", section, re.MULTILINE)
    reason = re.search(r'decide effort retract \w+ --reason "([^"]+)"', section).group(1)
    decide("proto", "new", "Ingest", cwd=repo)
    logged = decide(*typo, cwd=repo)
    assert logged.exit_code == 0, logged.output
    entry = logged.stdout.split("(")[-1].rstrip(")\n")
    assert re.search(rf"^{entry} +\S+ +P1 +{re.escape(shown.group(2))}\s", decide("effort", "list", cwd=repo).stdout,
                     re.MULTILINE)
    assert decide("effort", "retract", entry, "--reason", reason, cwd=repo).exit_code == 0
    assert reason in decide("effort", "list", cwd=repo).stdout
