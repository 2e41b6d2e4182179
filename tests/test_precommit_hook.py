"""The pre-commit hook decisionbook ships: its entry, run as pre-commit runs it, in a real workspace."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import yaml
from conftest import DECIDE

HOOKS = Path(__file__).parent.parent / ".pre-commit-hooks.yaml"


def run_hook(hook: dict, cwd: Path) -> subprocess.CompletedProcess:
    # pre-commit runs `entry` plus `args` in the repository root, with the hook's environment on PATH.
    command = shlex.split(hook["entry"]) + list(hook.get("args", []))
    env = {**os.environ, "PATH": str(Path(DECIDE).parent) + os.pathsep + os.environ["PATH"]}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)


def test_the_hook_passes_a_clean_workspace_and_fails_a_broken_one(repo):
    (hook,) = yaml.safe_load(HOOKS.read_text())
    assert hook["id"] == "decide-check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the check covers the whole workspace, not the staged files
    (repo / "decisions" / "0001-use-kafka.md").write_text("---\nstatus: accepted\ndate: 2026-11-01\n---\n# Use Kafka\n")
    clean = run_hook(hook, repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.strip() == "0 error(s), 0 warning(s)"
    (repo / "decisions" / "0002-use-redis.md").write_text("---\nstatus: accepted\nprototypes: [P9]\n---\n# Use Redis\n")
    broken = run_hook(hook, repo)
    assert broken.returncode == 1
    assert "decisions/0002-use-redis.md:3: error: cites prototype P9, which has no card in prototypes/" in broken.stdout
    assert "Traceback" not in broken.stderr
