"""Concurrent edits of one file by real `decide` processes: each is kept; a killed holder's lock is taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from conftest import DECIDE

from toolkit.records import adr, prototype


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
