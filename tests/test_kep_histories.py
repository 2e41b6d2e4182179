"""A KEP changes status in its kep.yaml (`provisional` -> `implementable` -> `implemented`), mostly in commits that
leave its page alone: its history is the commits that changed either file, its status after each read from both
as they stood then. The fixtures follow Kubernetes' enhancements layout; their text is our own."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from test_adr_record_folders import _keps
from test_git_team_histories import _commit, _text

from toolkit.workspace import open_workspace

SWAP = "keps/sig-node/2200-node-swap"


def _set(root: Path, name: str, old: str, new: str) -> None:
    path = root / SWAP / name
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))


@pytest.fixture
def keps(tmp_path) -> Path:
    """KEP 2200 proposed with its page on 2021-01-07 (by ana), its design written on its page on 2021-01-20 (by
    ben), made implementable on 2021-02-01 and implemented on 2021-06-01 by kep.yaml alone (by cho)."""
    root = _keps(tmp_path)
    _commit(root, "ana", "2021-01-07", "Propose node swap")
    _set(root, "README.md", "## Motivation", "## Design\n\nSwap on demand.\n\n## Motivation")
    _commit(root, "ben", "2021-01-20", "Design node swap")
    _set(root, "kep.yaml", "status: provisional", "status: implementable")
    _commit(root, "cho", "2021-02-01", "Node swap is implementable")
    _set(root, "kep.yaml", "status: implementable", "status: implemented\nlast-updated: 2021-06-01")
    _commit(root, "cho", "2021-06-01", "Node swap is implemented")
    return root


def test_a_kep_s_history_holds_the_commits_that_changed_its_kep_yaml(keps, decide):
    shown = decide("adr", "history", "2200", "--format", "json", cwd=keps)
    assert shown.exit_code == 0, shown.output
    assert [(row["author"], row["before"], row["after"], row["subject"], row["path"])
            for row in json.loads(shown.stdout)] == [
        ("ana", None, "proposed", "Propose node swap", f"{SWAP}/README.md"),
        ("ben", "proposed", "proposed", "Design node swap", f"{SWAP}/README.md"),
        ("cho", "proposed", "accepted", "Node swap is implementable", f"{SWAP}/README.md"),
        ("cho", "accepted", "accepted", "Node swap is implemented", f"{SWAP}/README.md")]


def test_a_kep_accepted_in_its_kep_yaml_is_dated_by_that_commit(keps, decide):
    from toolkit.actions.adrs import load_decisions
    from toolkit.frames import Book
    from toolkit.frames.review import status_history

    frame = Book.open(keps).decision_history()
    swap = frame[frame["adr"] == "ADR-2200"].iloc[0]
    assert (str(swap["proposed on"].date()), str(swap["accepted on"].date()), swap["days to decide"]) == (
        "2021-01-07", "2021-02-01", 25)
    assert [(wait["label"], wait["accepted_on"], wait["days"]) for wait in Book.open(keps).log().time_to_decide
            if wait["label"] == "ADR-2200"] == [("ADR-2200", "2021-02-01", 25)]
    ws = open_workspace(keps)
    record = next(record for record in load_decisions(ws).records if record.number == 2200)
    assert [(row["date"], row["author"], row["status"]) for row in status_history(ws, record)] == [
        ("2021-01-07", "ana", "proposed"), ("2021-01-20", "ben", "proposed"), ("2021-02-01", "cho", "accepted"),
        ("2021-06-01", "cho", "accepted")]


def test_the_decision_log_shows_a_kep_s_status_of_each_day_from_its_kep_yaml(keps, decide):
    assert decide("report", "log", "--out", "site", cwd=keps).exit_code == 0
    page = _text(keps / "site/2200-node-swap.html")
    assert "Proposed on 2021-01-07 by ana; accepted on 2021-02-01 by cho (25 days later)." in page, page
    assert "Node swap is implementable" in page and "Node swap is implemented" in page
    assert re.search(r"ADR-2200 Node swap 2021-06-01 2021-01-07 2021-02-01 ", _text(keps / "site/index.html"))
    # On a day between its proposal and its acceptance it was proposed, and dated as its kep.yaml was then.
    assert decide("report", "log", "--out", "site", "--as-of", "2021-01-25", cwd=keps).exit_code == 0
    index = _text(keps / "site/index.html")
    assert "Open proposals ADR Title Proposed on By Days waiting ADR-2200 Node swap 2021-01-07 ana 18 " in index
    assert re.search(r"Proposed \(1\) ADR Title Date Proposed on Decided on ADR-2200 Node swap 2021-01-07 2021-01-07 "
                     r"Accepted \(2\)", index), index
    page = _text(keps / "site/2200-node-swap.html")
    assert "Design node swap" in page and "implementable" not in page


def test_a_renamed_kep_folder_keeps_its_history_and_its_kep_yaml_s(keps, decide):
    subprocess.run(["git", "mv", SWAP, "keps/sig-node/2200-swap-memory"], cwd=keps, check=True)
    _commit(keps, "ana", "2021-07-01", "Rename node swap")
    fields = keps / "keps/sig-node/2200-swap-memory/kep.yaml"
    fields.write_text(fields.read_text().replace("status: implemented", "status: withdrawn"))
    _commit(keps, "ana", "2021-08-01", "Withdraw swap memory")
    shown = decide("adr", "history", "2200", "--format", "json", cwd=keps)
    assert [(row["after"], row["subject"], row["path"]) for row in json.loads(shown.stdout)] == [
        ("proposed", "Propose node swap", f"{SWAP}/README.md"),
        ("proposed", "Design node swap", f"{SWAP}/README.md"),
        ("accepted", "Node swap is implementable", f"{SWAP}/README.md"),
        ("accepted", "Node swap is implemented", f"{SWAP}/README.md"),
        ("accepted", "Rename node swap", "keps/sig-node/2200-swap-memory/README.md"),
        ("rejected", "Withdraw swap memory", "keps/sig-node/2200-swap-memory/README.md")]
    from toolkit.frames import Book

    frame = Book.open(keps).decision_history()
    swap = frame[frame["adr"] == "ADR-2200"].iloc[0]
    assert (str(swap["accepted on"].date()), swap["days to decide"]) == ("2021-02-01", 25)


def test_commits_of_one_second_keep_git_s_order(tmp_path, decide):
    # Commits a script makes in one second cannot be ordered by their times; git's order of them is kept.
    root = _keps(tmp_path)
    _commit(root, "ana", "2021-01-07", "Propose node swap")
    _set(root, "kep.yaml", "status: provisional", "status: implementable")
    _commit(root, "ana", "2021-01-07", "Node swap is implementable")
    _set(root, "README.md", "## Motivation", "## Design\n\nSwap on demand.\n\n## Motivation")
    _commit(root, "ana", "2021-01-07", "Design node swap")
    _set(root, "kep.yaml", "status: implementable", "status: withdrawn")
    _commit(root, "ana", "2021-01-07", "Withdraw node swap")
    shown = decide("adr", "history", "2200", "--format", "json", cwd=root)
    assert [(row["subject"], row["after"]) for row in json.loads(shown.stdout)] == [
        ("Propose node swap", "proposed"), ("Node swap is implementable", "accepted"),
        ("Design node swap", "accepted"), ("Withdraw node swap", "rejected")]


def test_a_kep_yaml_that_could_not_be_read_then_is_named_so_in_its_history(keps, decide):
    _set(keps, "kep.yaml", "status: implemented", "---\nstatus: implemented")
    _commit(keps, "ana", "2021-07-01", "Split the fields")
    _set(keps, "kep.yaml", "---\nstatus: implemented", "status: implemented")
    _commit(keps, "ana", "2021-07-02", "Join the fields")
    shown = decide("adr", "history", "2200", "--format", "json", cwd=keps)
    assert [(row["subject"], row["after"]) for row in json.loads(shown.stdout)][-3:] == [
        ("Node swap is implemented", "accepted"), ("Split the fields", "unreadable"), ("Join the fields", "accepted")]


def test_a_past_day_s_log_shows_a_kep_titled_as_its_kep_yaml_was_that_day(keps, decide):
    # Its page and the index of 2021-01-25 showed the title its kep.yaml was given in July.
    _set(keps, "kep.yaml", "title: Node swap", "title: Swap memory on nodes")
    _commit(keps, "ana", "2021-07-01", "Retitle node swap")
    assert decide("report", "log", "--out", "site", "--as-of", "2021-01-25", cwd=keps).exit_code == 0
    page = _text(keps / "site/2200-node-swap.html")
    assert "ADR-2200: Node swap proposed" in page and "Swap on demand." in page and "kep-number" not in page
    assert "Swap memory on nodes" not in page + _text(keps / "site/index.html")
    assert decide("report", "log", "--out", "site", cwd=keps).exit_code == 0
    assert "ADR-2200: Swap memory on nodes" in _text(keps / "site/2200-node-swap.html")


def test_a_kep_s_review_reads_its_approvals_from_its_kep_yaml(keps, decide):
    # Its review showed no sign-off at all: the approval `decide adr approve` wrote to its kep.yaml was not read.
    import datetime as dt

    from toolkit.frames.review import review

    assert decide("adr", "approve", "2200", "--by", "ana", cwd=keps).exit_code == 0
    _commit(keps, "ana", "2021-07-01", "Approve node swap")
    now = review(open_workspace(keps), "2200", dt.date.today())
    assert [(s.person, s.state) for s in now.sign_off] == [("ana", "approved")]
    assert "Swap on demand." in now.body and "kep-number" not in now.body


def test_a_past_day_s_review_shows_a_kep_as_its_page_and_kep_yaml_were_that_day(keps, decide):
    import datetime as dt

    from toolkit.frames.review import review

    _set(keps, "kep.yaml", "title: Node swap", "title: Swap memory on nodes")
    assert decide("adr", "approve", "2200", "--by", "ana", cwd=keps).exit_code == 0
    _commit(keps, "ana", "2021-07-01", "Retitle and approve node swap")
    then = review(open_workspace(keps), "2200", dt.date(2021, 1, 25))
    assert (then.shown, then.decision.title, then.decision.status) == ("then", "Node swap", "proposed")
    assert [row["subject"] for row in then.history] == ["Propose node swap", "Design node swap"]
    assert then.sign_off == () and "Swap on demand." in then.body and "kep-number" not in then.body
    made = decide("report", "review", "2200", "--as-of", "2021-01-25", cwd=keps)
    assert made.exit_code == 0, made.output
    page = _text(keps / made.stdout.strip().splitlines()[-1])
    assert "Design review — ADR-2200 Node swap" in page and "Swap memory on nodes" not in page
