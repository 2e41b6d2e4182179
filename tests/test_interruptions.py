"""Ctrl-C and kills between the files one command writes: the exit code, what is left, and what the next
command makes of it."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time

from conftest import DECIDE

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
