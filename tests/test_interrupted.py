"""`decide` killed with SIGKILL after each step that changes a folder: what is left is whole, or `check` names it."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest
from conftest import git, repository_with

from toolkit.records import adr

# Runs `decide ARGS` and kills itself with SIGKILL right after the STEP-th call that changes FOLDER: a file
# created (its lock files aside: a lock killed empty is only waited out), linked, renamed, replaced or deleted.
_KILLED_AFTER = """
import os, signal, sys
from toolkit.entry import main

step, folder = int(sys.argv[1]), os.path.realpath(sys.argv[2])
done = 0

def counted(name):
    real = getattr(os, name)

    def call(*args, **kwargs):
        global done
        result = real(*args, **kwargs)
        path = os.fsdecode(args[0]) if isinstance(args[0], (str, bytes, os.PathLike)) else ""
        changes = name != "open" or (args[1] & os.O_CREAT and not path.endswith(".lock"))
        if path and changes and os.path.realpath(os.path.dirname(os.path.abspath(path))) == folder:
            done += 1
            if done == step:
                os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(os, name, call)

for name in ("open", "link", "rename", "replace", "unlink"):
    counted(name)
sys.argv = ["decide", *sys.argv[3:]]
sys.exit(main())
"""


def _killed_after(step: int, folder, *args: str) -> bool:
    """Run `decide ARGS` beside *folder*, killed after its *step*-th change of *folder*; False if it finished."""
    proc = subprocess.run([sys.executable, "-c", _KILLED_AFTER, str(step), str(folder), *args], cwd=folder.parent,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, -signal.SIGKILL), proc.stderr
    return proc.returncode == -signal.SIGKILL


def _each_step(base, tmp_path, folder: str, *args: str):
    """A fresh copy of *base* for each step `decide ARGS` takes in *folder*, killed after that step."""
    step = 0
    while True:
        step += 1
        assert step < 100, "the command never finished"
        work = tmp_path / f"step-{step}"
        shutil.copytree(base, work, symlinks=True)
        if not _killed_after(step, work / folder, *args):
            return
        yield work


def _errors(check) -> int:
    return int(check.stdout.splitlines()[-1].split(" error(s)")[0])


@pytest.mark.parametrize("command, folder", [(("adr", "new", "Killed midway", "--no-edit"), "decisions"),
                                             (("proto", "new", "Killed midway", "--owner", "ana"), "prototypes")])
def test_a_new_record_killed_at_any_step_is_whole_or_absent(repo, decide, tmp_path, command, folder):
    assert decide("adr", "new", "First", "--no-edit", cwd=repo).exit_code == 0
    assert decide("proto", "new", "First", "--owner", "ana", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first records")
    whole = tmp_path / "whole"
    shutil.copytree(repo, whole)
    assert decide(*command, cwd=whole).exit_code == 0
    (made,) = (whole / folder).glob("0002-*.md")
    steps = 0
    for work in _each_step(repo, tmp_path, folder, *command):
        steps += 1
        records = sorted(p.name for p in (work / folder).glob("0*.md"))
        assert records in (["0001-first.md"], ["0001-first.md", made.name]), records
        if made.name in records:
            assert (work / folder / made.name).read_bytes() == made.read_bytes()
        check = decide("check", cwd=work)
        assert check.exit_code == 0 and _errors(check) == 0, check
        assert decide(*command, cwd=work).exit_code == 0  # the number a killed run did not take is taken now
        assert len(list((work / folder).glob("0*.md"))) == len(records) + 1
        assert (work / folder / made.name).read_bytes() == made.read_bytes()
    assert steps


def _renumbered(work):
    names = sorted(p.name for p in (work / "decisions").glob("0*.md"))
    assert names == ["0001-r1.md", "0030-r2.md"], names
    first = adr.read(work / "decisions" / "0001-r1.md")[1]
    assert [(link.relation, link.target) for link in first.links] == [("relates to", "30")]


def test_a_renumber_killed_at_any_step_is_named_by_check_and_finished_by_running_it_again(repo, decide, tmp_path):
    for title in ("R1", "R2"):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    assert decide("adr", "link", "1", "relates-to", "2", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two records")
    steps = 0
    for work in _each_step(repo, tmp_path, "decisions", "adr", "renumber", "2", "--to", "30"):
        steps += 1
        check = decide("check", cwd=work)
        unfinished = (work / "decisions" / "0002-r2.md").exists()
        if unfinished:
            assert ("decisions/0002-r2.md.lock: warning: left by `decide adr renumber 0002-r2.md --to 30` "
                    "(process ") in check.stdout, check
            assert "which ended before it finished; run it again to finish it" in check.stdout
            redone = decide("adr", "renumber", "0002-r2.md", "--to", "30", cwd=work)
            assert redone.exit_code == 0, redone
        else:
            assert _errors(check) == 0, check
            assert all(".lock: warning: left by process" in line for line in check.stdout.splitlines()
                       if ".lock:" in line), check
        _renumbered(work)
        # Every lock the killed process left is taken over: by the renumber run again, else by the next record.
        assert decide("adr", "new", "Next", "--no-edit", cwd=work).exit_code == 0
        assert not list((work / "decisions").glob("*.lock"))
        assert _errors(decide("check", cwd=work)) == 0
    assert steps >= 3


def test_a_team_s_renumber_killed_midway_names_its_record_by_its_path_where_another_team_has_its_name(tmp_path,
                                                                                                     decide):
    # The lock named `decide adr renumber 0003-use-terraform.md --to 5`, which renumber refuses at the top as
    # naming two files, one in each team's folder.
    status = "# {n}. {title}\n\nDate: 2026-11-20\n\n## Status\n\n{status}\n"
    root = repository_with(tmp_path / "ws", {
        "decisions/global/.adr-dir": ".\n",
        "decisions/websre/.adr-dir": ".\n",
        "decisions/global/0003-use-terraform.md": status.format(n=3, title="Use Terraform", status="Accepted"),
        "decisions/websre/0003-use-terraform.md": status.format(n=3, title="Use Terraform", status="Accepted"),
        "decisions/websre/0004-pin-versions.md": status.format(
            n=4, title="Pin versions", status="Accepted\n\nAmends [3. Use Terraform](0003-use-terraform.md)"),
    })
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "two teams")
    command = "decide adr renumber decisions/websre/0003-use-terraform.md --to 5"
    steps = 0
    for work in _each_step(root, tmp_path, "decisions/websre", *command.split()[1:]):
        team = work / "decisions" / "websre"
        if not (team / "0003-use-terraform.md").exists():
            continue
        steps += 1
        check = decide("check", cwd=work)
        assert (f"decisions/websre/0003-use-terraform.md.lock: warning: left by `{command}` (process "
                in check.stdout), check.stdout
        redone = decide(*command.split()[1:], cwd=work)
        assert redone.exit_code == 0, redone.output
        assert sorted(p.name for p in team.glob("0*.md")) == ["0004-pin-versions.md", "0005-use-terraform.md"]
        assert "Amends [5. Use Terraform](0005-use-terraform.md)" in (team / "0004-pin-versions.md").read_text()
        assert (work / "decisions/global/0003-use-terraform.md").exists()
    assert steps


# Runs `decide ARGS` and presses Ctrl-C (SIGINT to itself) right after its first record is replaced.
_INTERRUPTED_AFTER_ONE = """
import os, signal, sys
from toolkit.entry import main

replace = os.replace
done = []

def replaced(source, target, *args, **kwargs):
    replace(source, target, *args, **kwargs)
    if os.fsdecode(target).endswith(".md") and not done:
        done.append(target)
        os.kill(os.getpid(), signal.SIGINT)

os.replace = replaced
main(sys.argv[1:])
"""


@pytest.mark.parametrize("command", [("adr", "link", "1", "amends", "2"),
                                     ("adr", "new", "Use both", "--supersedes", "1", "--amends", "2", "--no-edit"),
                                     ("adr", "status", "2", "superseded", "--by", "1")])
def test_ctrl_c_between_the_records_of_one_edit_puts_back_those_written(repo, decide, command):
    for title in ("Use REST", "Use gRPC"):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    before = {path.name: path.read_bytes() for path in (repo / "decisions").glob("0*.md")}
    proc = subprocess.run([sys.executable, "-c", _INTERRUPTED_AFTER_ONE, *command], cwd=repo, capture_output=True,
                          text=True, timeout=120)
    assert (proc.returncode, proc.stderr) == (130, "\nAborted!\n")
    assert {path.name: path.read_bytes() for path in (repo / "decisions").glob("0*.md")} == before
