"""The first `decide triage` in git reads the ledgers in a second process while it starts (ADR 0237)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DECIDE, from_today

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="a child reads the ledgers only where the system forks and a second core can run it",
)

CARD = (
    f"---\ntitle: Ingest\nstatus: active\nstarted: {from_today(-10)}\ncriteria:\n"
    '  - id: p99\n    target: "<= 200"\n  - id: works\n    target: "yes"\n---\n## Hypothesis\n\nFast.\n'
)


@pytest.fixture
def measured(repo, decide) -> Path:
    """The workspace with one card, three p99 values and a yes, and effort logged."""
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    for value in ("240", "180", "150"):
        assert decide("evidence", "add", "P1", "p99", value, cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "works", "yes", cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "3", cwd=repo).exit_code == 0
    return repo


def kept(repo: Path) -> list[str]:
    """The names of what the parse cache keeps (without the hash that ends a ledger's)."""
    folder = repo / ".git" / "decisionbook"
    return sorted(name.rsplit("-", 1)[0] for name in os.listdir(folder)) if folder.is_dir() else []


def forget(repo: Path) -> None:
    for path in (repo / ".git" / "decisionbook").glob("*"):
        path.unlink()


def python(code: str, cwd: Path) -> str:
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def triage(repo: Path, *args: str, alone: bool = False) -> subprocess.CompletedProcess:
    """`decide triage` as its own process; *alone*: on one core, where no child is forked."""
    return subprocess.run([DECIDE, "triage", "--as-of", from_today(30), *args], cwd=repo, capture_output=True,
                          text=True, preexec_fn=one_core if alone else None)


# Prints whether this process has a child to wait for.
CHILDREN = ("import os\ntry:\n    os.waitpid(-1, os.WNOHANG)\n    print('a child')\n"
            "except ChildProcessError:\n    print('no child')\n")


def test_the_child_keeps_the_ledgers_then_the_cards_only_where_no_ledger_is_kept(measured):
    forget(measured)
    start = "from toolkit.actions import warming\nwarming.start()\n"
    # This process never reads a ledger or a card: what the cache holds, the child kept. Every ledger is
    # kept once the wait ends; the cards, which the command reads meanwhile, once the child has ended.
    ledgers = ("import os\nprint(warming.keeps_cards(), *sorted(name.rsplit('-', 1)[0] for name in "
               "os.listdir('.git/decisionbook')))\nos.wait()\n")
    assert python(start + "warming.wait()\n" + ledgers, measured) == "True ledger-effort ledger-evidence\n"
    assert kept(measured) == ["cards.pickle", "ledger-effort", "ledger-evidence"]
    # The ledgers are kept now: a second start forks nothing.
    assert python(start + CHILDREN, measured) == "no child\n"
    forget(measured)
    assert python(start + CHILDREN + "warming.wait()\n", measured) == "a child\n"


def test_no_child_is_forked_where_no_ledger_holds_a_line(repo):
    """Nothing would be kept in the cache, so each run would fork again: a workspace with cards and
    no ledger yet, then with ledgers that are empty, forks no child."""
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    start = "from toolkit.actions import warming\nwarming.start()\n"
    assert python(start + CHILDREN, repo) == "no child\n"
    for name in ("evidence", "effort", "verdicts"):
        (repo / f"prototypes/{name}.jsonl").write_bytes(b"")
    assert python(start + CHILDREN, repo) == "no child\n"
    assert kept(repo) == []
    assert triage(repo).returncode == 0
    assert python(start + CHILDREN, repo) == "no child\n"


def test_a_first_triage_with_the_child_prints_what_one_without_it_and_a_warm_one_print(measured):
    forget(measured)
    alone = triage(measured, "--format", "json", alone=True)
    forget(measured)
    forked = triage(measured, "--format", "json")
    warm = triage(measured, "--format", "json")
    assert alone.returncode == forked.returncode == warm.returncode == 0, forked.stderr
    assert alone.stdout == forked.stdout == warm.stdout
    (row,) = json.loads(forked.stdout)["prototypes"]
    states = {state["criterion"]: (state["value"], state["evidence"]) for state in row["states"]}
    assert states == {"p99": (150, 3), "works": ("yes", 1)}


def test_a_bad_ledger_line_is_named_once_and_exits_as_without_the_child(measured):
    ledger = measured / "prototypes/evidence.jsonl"
    ledger.write_bytes(ledger.read_bytes() + b'{"id": "x", "at": "yesterday"}\n')
    forget(measured)
    alone = triage(measured, alone=True)
    forget(measured)
    forked = triage(measured)
    assert (forked.returncode, forked.stdout, forked.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    assert forked.stderr.count("prototypes/evidence.jsonl:5:") == 1, forked.stderr


def test_triage_called_in_a_process_that_goes_on_forks_no_child(measured):
    forget(measured)
    code = ("import os\nforks = []\nos.register_at_fork(after_in_parent=lambda: forks.append(1))\n"
            f"from toolkit.entry import main\ntry:\n    main(['triage', '--as-of', '{from_today(30)}'])\n"
            "except SystemExit:\n    pass\nprint(len(forks), 'forks')\n")
    assert python(code, measured).endswith("\n0 forks\n")


def _child_alive(repo: Path) -> bool:
    """Whether a `decide triage` process still runs in *repo*."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.readlink(entry / "cwd") == str(repo) and \
                    b"triage" in (entry / "cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


def test_a_command_that_ends_before_its_child_does_not_wait_for_it(measured):
    # Lines that are not as `decide` writes them are read one by one: a ledger the child takes seconds over.
    line = json.loads((measured / "prototypes/evidence.jsonl").read_text().splitlines()[0])
    lines = (json.dumps({**dict(reversed(line.items())), "id": f"{n:026d}"}) for n in range(60_000))
    (measured / "prototypes/evidence.jsonl").write_text("\n".join(lines) + "\n")
    forget(measured)
    # A date click refuses: the command ends at once; its output ends with it, not with the child.
    proc = subprocess.run([DECIDE, "triage", "--as-of", "someday"], cwd=measured, capture_output=True, text=True)
    assert proc.returncode == 2 and "someday" in proc.stderr
    assert _child_alive(measured)
    deadline = time.monotonic() + 60
    while _child_alive(measured) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert kept(measured) == ["cards.pickle", "ledger-effort", "ledger-evidence"]


def test_judging_waits_for_the_evidence_not_for_the_effort(measured):
    # Effort lines not as `decide` writes them are read one by one: the child takes a while over them.
    line = json.loads((measured / "prototypes/effort.jsonl").read_text().splitlines()[0])
    lines = (json.dumps({**dict(reversed(line.items())), "id": f"{n:026d}"}) for n in range(60_000))
    (measured / "prototypes/effort.jsonl").write_text("\n".join(lines) + "\n")
    forget(measured)
    ledgers = "print(*sorted(name.rsplit('-', 1)[0] for name in os.listdir('.git/decisionbook')))\n"
    code = ("import os\nfrom toolkit.actions import warming\nwarming.start()\nwarming.wait_for_judging()\n" + ledgers
            + "warming.wait()\n" + ledgers)
    assert python(code, measured) == "ledger-evidence\nledger-effort ledger-evidence\n"


def test_the_command_keeps_no_card_a_child_keeps(measured):
    from toolkit.actions.prototypes import read_cards
    from toolkit.workspace import open_workspace

    forget(measured)
    ws = open_workspace(measured)
    assert [card.ref for card in read_cards(ws, keep=False).cards] == ["P1"]
    assert kept(measured) == []
    assert [card.ref for card in read_cards(ws).cards] == ["P1"]
    assert kept(measured) == ["cards.pickle"]
