"""Shared fixtures: the real `decide` command, real git repositories in temporary folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli

DECIDE = str(Path(sys.executable).with_name("decide"))


def from_today(days: int) -> str:
    """The day *days* after today (before it where negative), as YYYY-MM-DD: `from_today(30)` is a day after
    everything a test records now, without a day decades ahead that the suite would one day overtake."""
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


# A prototype card whose branch is filled in with str.format(branch=...).
BRANCH_CARD = """---
title: Streaming ingest
status: active
owner: ana
started: 2026-11-02
deadline: 2026-11-20
branch: {branch}
criteria:
  - id: p99
    target: "<= 200"
---
## Hypothesis
Kafka is fast enough.
"""


@pytest.fixture(autouse=True)
def _quiet_git_and_editor(monkeypatch, tmp_path_factory):
    """Git with a known identity and no user config; no editor is ever opened; a cache folder of the test's own."""
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Test User\n\temail = test@example.com\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("VISUAL", "EDITOR", "GIT_DIR", "GIT_WORK_TREE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __repr__(self) -> str:
        return f"Result(exit_code={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def decide():
    """Run `decide ARGS...` in-process through click, in folder *cwd*; a traceback fails the test."""

    def run(*args, cwd: Path | str = ".", input: str | None = None) -> Result:
        runner = CliRunner()
        with contextlib.chdir(cwd):
            result = runner.invoke(cli, [str(a) for a in args], input=input, prog_name="decide")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def decide_process():
    """Run the installed `decide` executable as a separate process."""

    def run(*args, cwd: Path | str = ".", input: str | None = None, env=None) -> Result:
        proc = subprocess.run(
            [DECIDE, *map(str, args)], cwd=cwd, input=input, capture_output=True, text=True,
            env={**os.environ, **(env or {})},
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def git(repo: Path, *args: str) -> str:
    """Run git in *repo* and return its output; fail the test on a git error."""
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    assert proc.returncode == 0, f"git {' '.join(args)} failed: {proc.stderr}"
    return proc.stdout


def listed_adrs(decide, root: Path) -> list[dict]:
    """The rows of `decide adr list --format json` in *root*, which must list without an error."""
    result = decide("adr", "list", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def repository_with(root: Path, files: dict[str, str]) -> Path:
    """A new git repository at *root* (branch main, nothing committed) holding *files* (path -> text)."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


@pytest.fixture
def repo(tmp_path) -> Path:
    """An empty git repository (branch main) initialised as a decisionbook workspace, one commit in."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    from toolkit.workspace import init

    init(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "init workspace")
    return root


@pytest.fixture(scope="session")
def report_workspace(tmp_path_factory) -> Path:
    """The report tests' workspace (hostile titles, distinctive hours, git history), built once."""
    from report_fixtures import build

    return build(tmp_path_factory.mktemp("reports") / "ws")


@pytest.fixture(scope="session")
def weekly_reports(report_workspace) -> dict:
    """`decide report weekly` run blind and with --reveal on the report workspace: {"blind"|"revealed": result}."""
    from report_fixtures import AS_OF, invoke

    return {
        "blind": invoke(report_workspace, "report", "weekly", "--as-of", AS_OF),
        "revealed": invoke(report_workspace, "report", "weekly", "--as-of", AS_OF, "--reveal"),
    }
