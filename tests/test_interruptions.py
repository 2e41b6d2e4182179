"""Ctrl-C and kills between the files one command writes: the exit code, what is left, and what the next
command makes of it."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time

import pytest
from conftest import BRANCH_CARD, DECIDE, from_today, git

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it


def _whole_folder(decide, root, folder: str) -> None:
    """No temporary file or lock left in *folder*, and `decide check` finds no error."""
    assert not [p.name for p in (root / folder).iterdir() if p.name.endswith((".tmp", ".lock"))]
    check = decide("check", cwd=root)
    assert check.stdout.splitlines()[-1].startswith("0 error(s)"), check.output


def test_ctrl_c_while_the_editor_is_open_exits_130_and_leaves_the_record_whole(repo, decide, tmp_path):
    made = tmp_path / "made"
    # The editor opens the record only once it is written; it stands for a user who never closes it.
    editor = f"sh -c 'touch {made}; exec sleep 60 >/dev/null 2>&1' --"
    parent, child = pty.openpty()  # the editor opens only for a terminal
    proc = subprocess.Popen([DECIDE, "adr", "new", "Interrupted while edited"], cwd=repo, stdin=child,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "VISUAL": editor})
    os.close(child)
    try:
        for _ in range(600):
            if made.exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert made.exists(), proc.communicate()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the editor, which the Ctrl-C of a terminal would have stopped too
        os.close(parent)
    assert (proc.returncode, out, err) == (INTERRUPTED, "decisions/0001-interrupted-while-edited.md\n", "\nAborted!\n")
    record = (repo / "decisions" / "0001-interrupted-while-edited.md").read_text()
    assert record.startswith("---\nstatus: proposed\n") and "# Interrupted while edited\n" in record
    _whole_folder(decide, repo, "decisions")


# Runs `decide ARGS` as the installed script does and presses Ctrl-C (SIGINT to itself) right after its first
# file in FOLDER is created: inside the fast form of `adr new`, which click never sees.
_CTRL_C_AFTER_CREATE = """
import os, signal, sys
from toolkit.entry import main

folder = os.path.realpath(sys.argv[1])
real_open = os.open

def opened(path, flags, *args, **kwargs):
    fd = real_open(path, flags, *args, **kwargs)
    name = os.fsdecode(path)
    if flags & os.O_CREAT and not name.endswith(".lock") and os.path.realpath(os.path.dirname(name)) == folder:
        os.open = real_open
        os.kill(os.getpid(), signal.SIGINT)
    return fd

os.open = opened
sys.argv = ["decide", *sys.argv[2:]]
main()
"""


def test_ctrl_c_in_a_fast_form_exits_as_click_does(repo, decide):
    folder = repo / "decisions"
    proc = subprocess.run([sys.executable, "-c", _CTRL_C_AFTER_CREATE, str(folder), "adr", "new", "Cut short",
                           "--no-edit"], cwd=repo, capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (INTERRUPTED, "", "\nAborted!\n")
    # The Ctrl-C waits until the record is whole: it is there, as --no-edit writes it, and nothing else is.
    (record,) = folder.glob("0*.md")
    assert record.name == "0001-cut-short.md" and "# Cut short\n" in record.read_text()
    _whole_folder(decide, repo, "decisions")


# Runs `decide ARGS` and sends itself SIGNAL just before it replaces a prototype card, the write a verdict makes
# after its line in the verdict ledger: SIGKILL stands for a machine that dies there, SIGINT for a Ctrl-C.
_SIGNAL_BEFORE_CARD = """
import os, signal, sys
from toolkit.entry import main

sent = getattr(signal, sys.argv[1])
real_replace = os.replace

def replacing(source, target, *args, **kwargs):
    name = os.fsdecode(target)
    if os.path.basename(os.path.dirname(name)) == "prototypes" and name.endswith(".md"):
        os.replace = real_replace
        os.kill(os.getpid(), sent)
    return real_replace(source, target, *args, **kwargs)

os.replace = replacing
sys.argv = ["decide", *sys.argv[2:]]
main()
"""


def _signalled_before_card(root, sent: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _SIGNAL_BEFORE_CARD, sent, *args], cwd=root, capture_output=True,
                          text=True, timeout=120)


def _verdicts(root) -> list[dict]:
    return [json.loads(line) for line in (root / "prototypes" / "verdicts.jsonl").read_text().splitlines()]


def _card(root) -> str:
    return (root / "prototypes" / "0001-idea.md").read_text()


@pytest.fixture
def card(repo, decide):
    assert decide("proto", "new", "Idea", "--deadline", from_today(30), "--owner", "ana", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "p99", "150", cwd=repo).exit_code == 0
    return repo


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_a_keep_killed_before_its_card_is_read_from_the_ledger_named_by_check_and_finished_by_keep(card, decide):
    killed = _signalled_before_card(card, "SIGKILL", "keep", "P1", "--reason", "met its target")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert [v["verdict"] for v in _verdicts(card)] == ["keep"]
    assert "\nstatus: active " in _card(card)  # the card as the kill left it
    day = _verdicts(card)[0]["at"][:10]
    gap = (f"prototypes/0001-idea.md:{_line_of(_card(card), 'status:')}: warning: says status active, but its keep "
           f"of {day} (prototypes/verdicts.jsonl:1) made it kept: the card was not written after it (the "
           "command was cut short, or the card edited back); run `decide keep P1 "
           "--reason ...` again to finish it (no second verdict is recorded), or `decide iterate P1 --reason ...` "
           "to reopen it")

    check = decide("check", cwd=card)
    assert check.exit_code == 0 and gap in check.stdout.splitlines(), check.output
    triage = decide("triage", "--format", "json", cwd=card)
    assert triage.exit_code == 0 and json.loads(triage.stdout)["prototypes"] == [], triage.output  # kept: not judged
    assert gap in triage.stderr.splitlines()

    again = decide("keep", "P1", "--reason", "met its target", cwd=card)
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith(f"P1: the keep recorded on {day} is finished; card status is now kept. "
                                   "No second verdict recorded.\n")
    assert [v["verdict"] for v in _verdicts(card)] == ["keep"]
    assert "\nstatus: kept " in _card(card)
    check = decide("check", cwd=card)
    assert check.stdout.splitlines()[-1] == "0 error(s), 0 warning(s)", check.output
    assert decide("keep", "P1", "--reason", "once more", cwd=card).exit_code == 2  # a second keep, as ever


def test_an_iterate_killed_before_its_card_gets_its_deadline_when_given_again(card, decide):
    first, later = from_today(30), from_today(60)
    killed = _signalled_before_card(card, "SIGKILL", "iterate", "P1", "--reason", "more data", "--deadline", later)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert f"\ndeadline: {first} " in _card(card)
    check = decide("check", cwd=card)
    line = _line_of(_card(card), "deadline:")
    assert (f"prototypes/0001-idea.md:{line}: warning: says deadline {first}, but its iterate of ") in check.stdout
    assert (f"made it {later}: the card was not written after it (the command was cut short, or the card edited "
            f"back); run `decide iterate P1 --deadline {later} --reason ...` again to finish it") in check.stdout
    again = decide("iterate", "P1", "--reason", "more data", "--deadline", later, cwd=card)
    assert again.exit_code == 0 and "is finished" in again.stdout, again.output
    assert [v["deadline"] for v in _verdicts(card)] == [later]
    assert f"\ndeadline: {later} " in _card(card)


def test_another_verdict_after_a_killed_keep_follows_the_keep(card, decide):
    assert _signalled_before_card(card, "SIGKILL", "keep", "P1", "--reason", "good").returncode == -signal.SIGKILL
    discard = decide("discard", "P1", "--reason", "the market moved", cwd=card)
    assert discard.exit_code == 0, discard.output
    assert [(v["verdict"], v["previous_status"]) for v in _verdicts(card)] == [("keep", "active"),
                                                                             ("discard", "kept")]
    assert "\nstatus: discarded " in _card(card)
    assert decide("check", cwd=card).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"


def test_ctrl_c_before_the_card_is_written_waits_for_it(card, decide):
    proc = _signalled_before_card(card, "SIGINT", "keep", "P1", "--reason", "met its target")
    assert (proc.returncode, proc.stderr) == (INTERRUPTED, "\nAborted!\n")
    assert [v["verdict"] for v in _verdicts(card)] == ["keep"]
    assert "\nstatus: kept " in _card(card)
    _whole_folder(decide, card, "prototypes")
    assert decide("check", cwd=card).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"


# Runs `decide ARGS` and kills itself with SIGKILL just before it asks git to make the archive tag of a discard:
# the verdict and the card are written, the branch is not yet archived.
_KILLED_BEFORE_TAG = """
import os, signal, subprocess, sys
from toolkit.entry import main

real_init = subprocess.Popen.__init__

def starting(self, args, *rest, **kwargs):
    if isinstance(args, (list, tuple)) and "tag" in args and "-a" in args:
        os.kill(os.getpid(), signal.SIGKILL)
    real_init(self, args, *rest, **kwargs)

subprocess.Popen.__init__ = starting
sys.argv = ["decide", *sys.argv[1:]]
main()
"""


def test_a_discard_killed_before_its_branch_is_archived_archives_it_when_given_again(repo, decide):
    (repo / "prototypes" / "0003-ingest.md").write_text(BRANCH_CARD.format(branch="proto/ingest"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "branch", "proto/ingest")
    tip = git(repo, "rev-parse", "proto/ingest").strip()
    killed = subprocess.run([sys.executable, "-c", _KILLED_BEFORE_TAG, "discard", "P3", "--reason", "too slow"],
                            cwd=repo, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "\nstatus: discarded\n" in (repo / "prototypes" / "0003-ingest.md").read_text()
    assert git(repo, "branch", "--list", "proto/ingest").strip() and not git(repo, "tag", "--list", "archive/*")
    card = repo / "prototypes" / "0003-ingest.md"
    day = _verdicts(repo)[0]["at"][:10]
    left = (f"prototypes/0003-ingest.md:{_line_of(card.read_text(), 'branch:')}: warning: branch 'proto/ingest' is "
            f"still there, with no tag archive/proto/ingest, though the discard of {day} (prototypes/verdicts.jsonl:1) "
            "archives it: the command was cut short, or git refused the tag; run `decide discard P3 --reason ...` "
            "again to archive it (no second verdict is recorded)")
    check = decide("check", cwd=repo)
    assert left in check.stdout.splitlines(), check.output

    again = decide("discard", "P3", "--reason", "too slow", cwd=repo)
    assert again.exit_code == 0, again.output
    day = _verdicts(repo)[0]["at"][:10]
    assert again.stdout == (f"P3: the discard recorded on {day} is finished; card status is now discarded. No second "
                            f"verdict recorded.\narchived branch proto/ingest as tag archive/proto/ingest (at "
                            f"{tip[:12]}); deleted branch proto/ingest\n")
    assert [v["verdict"] for v in _verdicts(repo)] == ["discard"]
    assert git(repo, "rev-parse", "archive/proto/ingest^{commit}").strip() == tip
    assert not git(repo, "branch", "--list", "proto/ingest").strip()
    assert "too slow" in git(repo, "tag", "-l", "--format=%(contents)", "archive/proto/ingest")
    once_more = decide("discard", "P3", "--reason", "too slow", cwd=repo)
    assert once_more.exit_code == 2 and "a second discard would count twice" in once_more.stderr
    assert "proto/ingest" not in decide("check", cwd=repo).stdout
    # Brought back on purpose, the branch has its tag beside it: not one a discard left.
    assert decide("proto", "restore", "P3", cwd=repo).exit_code == 0
    assert "proto/ingest" not in decide("check", cwd=repo).stdout


def test_a_branch_kept_on_discard_is_not_named_by_check(repo, decide):
    (repo / "prototypes" / "0003-ingest.md").write_text(BRANCH_CARD.format(branch="proto/ingest"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "branch", "proto/ingest")
    kept = decide("discard", "P3", "--reason", "too slow", "--keep-branch", cwd=repo)
    assert kept.exit_code == 0, kept.output
    assert _verdicts(repo)[0]["archives"] is None
    assert git(repo, "branch", "--list", "proto/ingest").strip()
    check = decide("check", cwd=repo)
    assert check.stdout.splitlines()[-1].startswith("0 error(s)") and "proto/ingest" not in check.stdout, check.output
