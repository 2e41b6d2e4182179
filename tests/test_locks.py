"""Concurrent edits of one file by real `decide` processes: each is kept; a killed holder's lock is taken over."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import DECIDE, git, repository_with

from toolkit.records import adr, files, prototype


def _run_all(commands, cwd):
    procs = [subprocess.Popen([DECIDE, *command], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for command in commands]
    outputs = [proc.communicate(timeout=180) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * len(procs), outputs
    assert not any("Traceback" in err for _, err in outputs), outputs


def test_twenty_concurrent_criterion_adds_keep_twenty_criteria(repo, decide):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    _run_all([["criterion", "add", "P1", f"c{i}", "--target", ">= 1"] for i in range(1, 21)], repo)
    card = prototype.read(repo / "prototypes" / "0001-streaming-ingest.md")
    assert sorted(c.id for c in card.criteria) == sorted(f"c{i}" for i in range(1, 21))
    assert not list((repo / "prototypes").glob("*.lock")) and not list((repo / "prototypes").glob(".*.tmp"))


def test_twenty_concurrent_links_are_recorded_both_ways(repo, decide):
    for i in range(21):
        assert decide("adr", "new", f"Decision {i}", "--no-edit", cwd=repo).exit_code == 0
    _run_all([["adr", "link", str(k), "relates-to", "1"] for k in range(2, 22)], repo)
    files = {int(p.name[:4]): p for p in (repo / "decisions").glob("0*.md")}
    first = adr.read(files[1])[1]
    assert sorted(int(link.target) for link in first.links if link.relation == "relates to") == list(range(2, 22))
    for k in range(2, 22):
        assert [(link.relation, link.target) for link in adr.read(files[k])[1].links] == [("relates to", "1")]


_HOLD = """
import sys, time
from pathlib import Path
from toolkit.records import files
with files.locked(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _holder(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_lock_left_by_a_killed_process_is_taken_over(repo, decide, decide_process):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    holder = _holder(card, 600)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    lock = card.with_name(card.name + ".lock")
    assert json.loads(lock.read_text())["pid"] == holder.pid  # the killed process's lock is still there
    started = time.monotonic()
    result = decide_process("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 0, result
    assert time.monotonic() - started < 8  # taken over at once, not after the wait runs out
    assert [c.id for c in prototype.read(card).criteria] == ["latency"]
    assert not lock.exists()


def test_an_empty_lock_is_taken_over_once_it_is_old(repo, decide):
    # A writer killed between creating its lock and writing its name into it leaves an empty lock.
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    lock = card.with_name(card.name + ".lock")
    lock.write_bytes(b"")
    old = time.time() - 60
    os.utime(lock, (old, old))
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    assert [c.id for c in prototype.read(card).criteria] == ["latency"]
    assert not lock.exists()


def test_an_edit_waits_for_a_live_holder_and_then_keeps_both(repo, decide, decide_process):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    holder = _holder(card, 1.5)
    started = time.monotonic()
    result = decide_process("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 0, result
    assert time.monotonic() - started >= 1.0
    assert holder.wait(timeout=30) == 0
    assert [c.id for c in prototype.read(card).criteria] == ["latency"]


def test_a_renumber_waits_for_the_lock_of_a_card_it_rewrites(repo, decide, decide_process):
    assert decide("adr", "new", "Use a queue", "--no-edit", cwd=repo).exit_code == 0
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    card.write_text(card.read_text().replace("decisions: []", "decisions: [1]"))
    holder = _holder(card, 1.5)
    started = time.monotonic()
    result = decide_process("adr", "renumber", "1", "--to", "7", cwd=repo)
    assert result.exit_code == 0, result
    assert time.monotonic() - started >= 1.0
    assert holder.wait(timeout=30) == 0
    assert prototype.read(card).decisions == (7,)


# A `socket` that takes 1.5 s to import, then is the real one: the first lock a process takes asks
# socket for its host name, so a writer whose imports are slow (a cold disk, a loaded machine) is shown.
_SLOW_SOCKET = """
import importlib.machinery, importlib.util, os, sys, time
time.sleep(1.5)
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.machinery.PathFinder.find_spec("socket", [p for p in sys.path if os.path.abspath(p or ".") != here])
module = importlib.util.module_from_spec(spec)
sys.modules["socket"] = module
spec.loader.exec_module(module)
"""


def test_a_lock_holds_its_holder_from_the_moment_it_exists(tmp_path):
    # A lock seen empty for long reads as left by a writer killed at once, and is taken over.
    shim = tmp_path / "slow"
    shim.mkdir()
    (shim / "socket.py").write_text(_SLOW_SOCKET)
    target = tmp_path / "card.md"
    target.write_text("x\n")
    lock = target.with_name(target.name + ".lock")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(shim), *filter(None, [os.environ.get("PYTHONPATH")])])}
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(target), "0.5"], stdout=subprocess.PIPE, text=True, env=env)
    empty_since, longest = None, 0.0
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            empty = lock.read_bytes() == b""
        except FileNotFoundError:
            empty = False
        now = time.monotonic()
        empty_since = (empty_since or now) if empty else None
        longest = max(longest, now - empty_since) if empty_since else longest
        time.sleep(0.002)
    assert proc.wait(timeout=30) == 0 and proc.stdout.read().strip() == "locked"
    assert longest < 0.5, f"the lock stayed empty for {longest:.2f} s"


_HOLD_UNTIL_TOLD = """
import sys
from pathlib import Path
from toolkit.records import files
with files.locked(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_a_put_back_of_several_records_keeps_an_edit_made_meanwhile(repo, decide):
    # `adr status 1 superseded --by 2` waits for the lock of 2, which breaks meanwhile, so 1 is put back
    # as it was. An edit of 1 made while it waited must survive that: it has to wait its turn.
    for title in ("Use REST", "Use gRPC", "Log as JSON"):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    first, second = (next((repo / "decisions").glob(f"000{n}-*.md")) for n in (1, 2))
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_UNTIL_TOLD, str(second)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    status = subprocess.Popen([DECIDE, "adr", "status", "1", "superseded", "--by", "2", "--force"], cwd=repo,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = first.with_name(first.name + ".lock")

    def holds_first():
        try:
            return json.loads(lock.read_text())["pid"] == status.pid
        except (FileNotFoundError, ValueError):
            return False

    deadline = time.monotonic() + 30
    while not (adr.read(first)[1].status == "superseded" or holds_first()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert status.poll() is None  # 1 written, or locked for writing, and now waiting for the lock of 2
    linking = subprocess.Popen([DECIDE, "adr", "link", "1", "relates-to", "3"], cwd=repo,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        linking.wait(timeout=3)  # before the put-back it would be done by now; it must wait instead
    except subprocess.TimeoutExpired:
        pass
    second.write_text("---\nstatus: [accepted\n---\n# 2. Use gRPC\n")  # no longer parses: the group fails
    holder.communicate("go\n", timeout=30)
    _, err = status.communicate(timeout=30)
    assert status.returncode == 2 and "Traceback" not in err, err
    assert linking.wait(timeout=30) == 0, linking.communicate()
    record = adr.read(first)[1]
    assert record.status == "proposed"  # put back
    assert [(link.relation, link.target) for link in record.links] == [("relates to", "3")]  # and the link kept
    assert not list((repo / "decisions").glob("*.lock"))


def test_links_made_both_ways_at_once_do_not_wait_on_each_other(repo, decide):
    # Each link holds the locks of both ends until both are written, taken in one order whichever end
    # is named first, so `link 1 ... 2` and `link 2 ... 1` never hold one lock each and wait for the other.
    for i in range(1, 7):
        assert decide("adr", "new", f"Decision {i}", "--no-edit", cwd=repo).exit_code == 0
    pairs = [(a, b) for a in range(1, 7) for b in range(1, 7) if a != b]
    started = time.monotonic()
    _run_all([["adr", "link", str(a), "relates-to", str(b)] for a, b in pairs], repo)
    assert time.monotonic() - started < 60
    files = {int(p.name[:4]): p for p in (repo / "decisions").glob("0*.md")}
    for k in range(1, 7):
        targets = [int(link.target) for link in adr.read(files[k])[1].links]
        assert sorted(set(targets)) == [n for n in range(1, 7) if n != k]


_HOLD_FOLDER = """
import shutil, sys
from pathlib import Path
from toolkit.records import atomic
with atomic.folder_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.readline()
    for made in sys.argv[2:]:  # what a record made meanwhile by another process leaves
        shutil.copy(made, Path(sys.argv[1]) / Path(made).name)
"""


def _hold_folder(folder, *made):
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_FOLDER, str(folder), *map(str, made)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _queued_on_folder(proc):
    """Wait until *proc* waits for a folder lock (`->` in /proc/locks marks a waiter); False if it ended first."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        with open("/proc/locks") as locks:
            if any(line.split()[1:2] == ["->"] and line.split()[5] == str(proc.pid) for line in locks):
                return True
        time.sleep(0.01)
    return False


def _decide(*args, cwd):
    return subprocess.Popen([DECIDE, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _records(repo, count):
    for i in range(1, count + 1):
        assert subprocess.run([DECIDE, "adr", "new", f"Rec {i}", "--no-edit"], cwd=repo).returncode == 0
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "records"], cwd=repo, check=True)


def test_a_renumber_sees_a_record_made_while_it_waited_for_the_folder(repo, decide, tmp_path):
    # The record is made elsewhere as `adr new --amends 2` makes it, and copied in by the folder lock's holder.
    _records(repo, 3)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(repo, elsewhere)
    assert decide("adr", "new", "Amender", "--no-edit", "--amends", "2", cwd=elsewhere).exit_code == 0
    made = (elsewhere / "decisions" / name for name in ("0002-rec-2.md", "0004-amender.md"))
    holder = _hold_folder(repo / "decisions", *made)
    renumber = _decide("adr", "renumber", "2", "--to", "30", cwd=repo)
    assert _queued_on_folder(renumber), renumber.communicate()
    holder.communicate("go\n", timeout=30)
    assert renumber.wait(timeout=60) == 0, renumber.communicate()
    amender = adr.read(repo / "decisions" / "0004-amender.md")[1]
    assert [(link.relation, link.target) for link in amender.links] == [("amends", "30")]
    check = decide("check", cwd=repo)
    assert check.exit_code == 0 and check.stdout.splitlines()[-1].startswith("0 error(s)"), check


def test_a_renumber_and_a_record_amending_it_queued_together_end_as_one_after_the_other(repo, decide):
    # Both wait for the folder lock; whichever gets it first, neither waits on the other's record locks. The
    # renumber queues first: `adr new` took ADR 2's lock before the folder's, so the renumber, woken first,
    # waited on ADR 2 while `adr new` waited on the folder, and gave up after ten seconds.
    _records(repo, 3)
    holder = _hold_folder(repo / "decisions")
    renumber = _decide("adr", "renumber", "2", "--to", "30", cwd=repo)
    assert _queued_on_folder(renumber), renumber.communicate()
    amend = _decide("adr", "new", "Amender", "--no-edit", "--amends", "2", cwd=repo)
    assert _queued_on_folder(amend), amend.communicate()
    holder.communicate("go\n", timeout=30)
    _, renumber_err = renumber.communicate(timeout=60)
    _, amend_err = amend.communicate(timeout=60)
    assert renumber.returncode == 0, renumber_err  # not given up waiting for a record lock the other holds
    if amend.returncode == 0:  # made first, and renumbered with the rest
        amender = adr.read(repo / "decisions" / "0004-amender.md")[1]
        assert [(link.relation, link.target) for link in amender.links] == [("amends", "30")]
    else:  # made after: ADR 2 is ADR 30 by then
        assert amend.returncode == 2 and "no ADR 2" in amend_err, amend_err
    check = decide("check", cwd=repo)
    assert check.exit_code == 0 and check.stdout.splitlines()[-1].startswith("0 error(s)"), check
    assert not list((repo / "decisions").glob("*.lock"))


def test_a_renumber_at_the_top_waits_for_a_record_made_in_the_team_s_folder_and_keeps_its_number(tmp_path, decide):
    # Run at the top, renumber took the lock of `decisions/`, `adr new` run in the team's folder that folder's:
    # the record made meanwhile and the renumbered one both took number 5.
    status = "# {n}. {title}\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n"
    root = repository_with(tmp_path / "ws", {
        "decisions/global/.adr-dir": ".\n",
        "decisions/websre/.adr-dir": ".\n",
        "decisions/global/0001-record.md": status.format(n=1, title="Record"),
        "decisions/websre/0003-use-terraform.md": status.format(n=3, title="Use Terraform"),
        "decisions/websre/0004-pin-versions.md": status.format(n=4, title="Pin versions"),
    })
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "two teams")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(root, elsewhere)
    made = decide("adr", "new", "Cache the pages", "--no-edit", cwd=elsewhere / "decisions/websre")
    assert made.exit_code == 0 and made.stdout.strip() == "0005-cache-the-pages.md", made.output
    team = root / "decisions/websre"
    holder = _hold_folder(team, elsewhere / "decisions/websre/0005-cache-the-pages.md")
    renumber = _decide("adr", "renumber", "decisions/websre/0003-use-terraform.md", "--to", "5", cwd=root)
    assert _queued_on_folder(renumber), renumber.communicate()
    holder.communicate("go\n", timeout=30)
    _, err = renumber.communicate(timeout=60)
    assert renumber.returncode == 2 and "number 5 is already used" in err, err
    assert sorted(p.name for p in team.glob("0*.md")) == ["0003-use-terraform.md", "0004-pin-versions.md",
                                                         "0005-cache-the-pages.md"]
    assert not list(team.glob("*.lock")) and not list((root / "decisions").glob("*.lock"))


def test_a_stale_lock_naming_a_task_to_finish_stays_until_that_task_runs_again(tmp_path):
    from toolkit.records import files

    # Written by this process as it was before a restart: its start time differs, so the holder has ended.
    ended = {**files._me(), "start": -1}
    for name in ("0002-a.md", "0003-b.md"):
        (tmp_path / name).write_text("# A\n")
    (tmp_path / "0002-a.md.lock").write_text(json.dumps({**ended, "task": "decide adr renumber 0002-a.md --to 9"}))
    (tmp_path / "0003-b.md.lock").write_text(json.dumps(ended))
    (tmp_path / "0004-gone.md.lock").write_text(json.dumps({**ended, "task": "decide adr renumber 0004-gone.md"}))
    assert [lock.name for lock, _ in files.stale_locks(tmp_path)] == ["0002-a.md.lock", "0003-b.md.lock",
                                                                     "0004-gone.md.lock"]
    files.remove_stale_locks(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.lock")) == ["0002-a.md.lock"]


def test_evidence_waits_for_an_edit_of_its_card_and_is_stamped_with_the_criteria_it_leaves(repo, decide):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    ledger = repo / "prototypes" / "evidence.jsonl"
    # An edit of the card in progress, holding its lock as `decide criterion` commands do, moves the target.
    with files.locked(card):
        adding = subprocess.Popen([DECIDE, "evidence", "add", "P1", "latency", "180"], cwd=repo,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert adding.poll() is None and not ledger.exists()  # the measurement waits for the edit to end
        text = card.read_text()
        assert text.count("<= 200") == 1
        card.write_text(text.replace("<= 200", "<= 150"))
    out, err = adding.communicate(timeout=60)
    assert adding.returncode == 0, err
    (line,) = [json.loads(text) for text in ledger.read_text().splitlines()]
    edited = prototype.read(card)
    assert (line["criteria_hash"], line["criterion_hash"]) == (edited.criteria_hash, edited.criteria[0].hash)
