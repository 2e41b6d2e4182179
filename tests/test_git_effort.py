"""`decide effort git`: branch activity beside logged hours, never mixed into them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BRANCH_CARD as CARD
from conftest import git

EFFORT_LINE = (
    '{"id": "01JDX0000000000000000000AA", "at": "2026-11-10T10:00:00+00:00", "prototype": 3, '
    '"hours": 12.5, "date": "2026-11-10", "by": "ana", "note": "spike"}\n'
)


def card(repo: Path, number: int, branch: str) -> Path:
    path = repo / "prototypes" / f"{number:04d}-proto-{number}.md"
    path.write_text(CARD.format(branch=branch))
    return path


def work(repo: Path, name: str, text: str, author: str, date: str) -> None:
    (repo / name).write_text(text)
    git(repo, "add", name)
    git(repo, "commit", "-q", "-m", f"work on {name}", f"--author={author} <{author}@example.com>", f"--date={date}")


@pytest.fixture
def branched(repo):
    """P3 on proto/ingest: 4 commits by ana and ben on three days; main moves on separately."""
    card(repo, 3, "proto/ingest")
    (repo / "prototypes" / "effort.jsonl").write_text(EFFORT_LINE)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "checkout", "-q", "-b", "proto/ingest")
    work(repo, "ingest.py", "a\nb\nc\n", "ana", "2026-11-03T10:00:00+00:00")
    work(repo, "ingest.py", "a\nB\nc\nd\n", "ben", "2026-11-03T15:00:00+00:00")
    work(repo, "consumer.py", "x\n", "ana", "2026-11-04T09:00:00+00:00")
    work(repo, "ingest.py", "a\n", "ben", "2026-11-06T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    work(repo, "main.py", "m\n", "carl", "2026-11-05T09:00:00+00:00")
    return repo


def test_two_authors_three_days_and_line_counts(branched, decide):
    before = (branched / "prototypes" / "effort.jsonl").read_bytes()
    result = decide("effort", "git", "P3", "--format", "json", cwd=branched)
    assert result.exit_code == 0, result
    report = json.loads(result.stdout)
    assert report["main_branch"] == "main"
    row = report["prototypes"][0]
    assert row["prototype"] == "P3" and row["branch"] == "proto/ingest" and row["state"] == "branch"
    assert row["commits"] == 4
    assert row["authors"] == ["ana", "ben"]
    assert row["active_days"] == 3
    # +3; +2 -1 (b->B, d); +1; -3 (B, c, d removed)
    assert (row["added"], row["removed"]) == (6, 4)
    assert row["first"].startswith("2026-11-03T10:00") and row["last"].startswith("2026-11-06")
    assert row["hours"] == 12.5
    assert (branched / "prototypes" / "effort.jsonl").read_bytes() == before


def test_table_shows_hours_beside_commits(branched, decide):
    result = decide("effort", "git", cwd=branched)
    assert result.exit_code == 0, result
    header, line = result.stdout.splitlines()[:2]
    assert header.split()[:4] == ["PROTOTYPE", "BRANCH", "STATE", "COMMITS"] and header.split()[-1] == "HOURS"
    assert line.split()[:4] == ["P3", "proto/ingest", "branch", "4"] and line.split()[-1] == "12.50"
    assert "hours come from the effort ledger" in result.stdout


def test_missing_and_archived_branches_are_reported(branched, decide):
    card(branched, 4, "proto/never-made")
    git(branched, "tag", "-a", "-m", "discarded", "archive/proto/ingest", "proto/ingest")
    git(branched, "branch", "-D", "proto/ingest")
    result = decide("effort", "git", "--format", "json", cwd=branched)
    assert result.exit_code == 0, result
    rows = {row["prototype"]: row for row in json.loads(result.stdout)["prototypes"]}
    assert rows["P3"]["state"] == "archived" and rows["P3"]["commits"] == 4
    assert rows["P4"]["state"] == "missing" and rows["P4"]["commits"] == 0


def test_remote_tracking_branch_and_origin_head(branched, decide, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(branched), str(clone))
    result = decide("effort", "git", "P3", "--format", "json", cwd=clone)
    row = json.loads(result.stdout)["prototypes"][0]
    assert json.loads(result.stdout)["main_branch"] == "origin/main"
    assert row["state"] == "remote" and row["ref"] == "refs/remotes/origin/proto/ingest" and row["commits"] == 4


def test_configured_main_branch(branched, decide):
    git(branched, "branch", "trunk", "proto/ingest~2")
    (branched / "decisionbook.toml").write_text('[git]\nmain_branch = "trunk"\n')
    row = json.loads(decide("effort", "git", "P3", "--format", "json", cwd=branched).stdout)["prototypes"][0]
    assert row["commits"] == 2
    (branched / "decisionbook.toml").write_text('[git]\nmain_branch = "--upload-pack=touch pwned.txt"\n')
    result = decide("effort", "git", "P3", cwd=branched)
    assert result.exit_code == 2 and "not a usable branch name" in result.stderr
    assert result.stderr.startswith("decisionbook.toml: error: [git] main_branch '--upload-pack"), result.stderr
    assert not list(branched.parent.rglob("pwned.txt"))
    (branched / "decisionbook.toml").write_text('[git]\nmain_branch = "trnk"\n')
    result = decide("effort", "git", "P3", cwd=branched)
    assert result.exit_code == 2
    assert result.stderr == "decisionbook.toml: error: [git] main_branch 'trnk' is not a branch of this repository\n"


def test_hostile_branch_name_in_a_card_is_reported_not_run(repo, decide):
    card(repo, 5, '"--upload-pack=touch pwned.txt"')
    result = decide("effort", "git", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["prototypes"][0]["state"] == "invalid"
    assert not list(repo.parent.rglob("pwned.txt"))


def test_unknown_prototype_is_exit_2(branched, decide):
    result = decide("effort", "git", "P9", cwd=branched)
    assert result.exit_code == 2 and "no prototype P9" in result.stderr


def test_no_commits_yet(tmp_path, decide):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "prototypes").mkdir()
    card(tmp_path, 1, "proto/x")
    result = decide("effort", "git", cwd=tmp_path)
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and "no commits yet" in result.stderr


def test_git_activity_frame_keeps_hours_apart(branched):
    from toolkit.frames import Book

    frame = Book.open(branched).git_activity()
    row = frame.set_index("prototype").loc["P3"]
    assert (row["commits"], row["active days"], row["authors"]) == (4, 3, 2)
    assert (row["lines added"], row["lines removed"], row["hours logged"]) == (6, 4, 12.5)


def test_shallow_clone_says_counts_are_partial(branched, decide, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", "--no-single-branch", f"file://{branched}", str(clone))
    result = decide("effort", "git", "P3", cwd=clone)
    assert result.exit_code == 0, result
    assert "shallow clone" in result.stdout
    assert json.loads(decide("effort", "git", "P3", "--format", "json", cwd=clone).stdout)["shallow"] is True


def own_log(repo: Path, branch: str) -> tuple[int, int, int]:
    """(commits, lines added, lines removed) of `git log --numstat BRANCH ^main`, as git itself counts them."""
    out = git(repo, "log", "--numstat", "--format=%x01%H", branch, "^main")
    lines = [line.split("\t") for line in out.splitlines() if line.count("\t") >= 2]
    return out.count("\x01"), sum(int(a) for a, *_ in lines if a != "-"), sum(int(r) for _, r, *_ in lines if r != "-")


def test_branches_sharing_commits_merges_renames_and_binaries_count_as_git_log_does(branched, decide):
    """One `git log` for all branches: each branch still gets exactly the commits `git log BRANCH ^main` lists."""
    card(branched, 4, "proto/ingest-v2")
    card(branched, 5, "proto/ingest")  # a second card on the same branch
    card(branched, 6, "proto/behind")
    git(branched, "add", "-A")
    git(branched, "commit", "-q", "-m", "cards")
    git(branched, "branch", "proto/behind", "main~1")
    # proto/ingest-v2 grows out of proto/ingest: the four commits of P3 are its commits too.
    git(branched, "checkout", "-q", "-b", "proto/ingest-v2", "proto/ingest")
    git(branched, "mv", "ingest.py", "pipeline.py")
    (branched / "pipeline.py").write_text("a\nz\n")
    git(branched, "commit", "-q", "-am", "rename with an edit", "--author=dee <dee@example.com>", "--date=2026-11-07T09:00:00+00:00")
    (branched / "blob.bin").write_bytes(b"\x00\x01binary")
    git(branched, "add", "blob.bin")
    git(branched, "commit", "-q", "-m", "binary", "--author=dee <dee@example.com>", "--date=2026-11-08T09:00:00+00:00")
    git(branched, "merge", "-q", "--no-edit", "main")  # main's commits come in; they are not the branch's own
    result = decide("effort", "git", "--format", "json", cwd=branched)
    assert result.exit_code == 0, result
    rows = {row["prototype"]: row for row in json.loads(result.stdout)["prototypes"]}
    for ref, branch in (("P3", "proto/ingest"), ("P4", "proto/ingest-v2"), ("P5", "proto/ingest"), ("P6", "proto/behind")):
        row = rows[ref]
        assert (row["commits"], row["added"], row["removed"]) == own_log(branched, branch), ref
    assert rows["P3"] == {**rows["P5"], "prototype": "P3", "title": rows["P3"]["title"], "hours": 12.5}
    # P3's four commits, the rename (only its added line, +1), the binary (no lines) and the merge (no diff of its own).
    assert (rows["P4"]["commits"], rows["P4"]["added"], rows["P4"]["removed"]) == (7, 7, 4)
    assert rows["P4"]["authors"] == ["Test User", "ana", "ben", "dee"]  # the merge's author is the committer's identity
    assert rows["P4"]["first"] == rows["P3"]["first"]
    assert rows["P6"]["commits"] == 0 and rows["P6"]["first"] is None


def test_not_a_repository_is_exit_2_through_click_and_the_executable(tmp_path, decide, decide_process):
    (tmp_path / "decisionbook.toml").write_text("")
    (tmp_path / "prototypes").mkdir()
    card(tmp_path, 1, "proto/x")
    fast, slow = decide_process("effort", "git", cwd=tmp_path), decide("effort", "git", cwd=tmp_path)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert slow.exit_code == 2 and "not inside a git repository" in slow.stderr


def test_effort_git_does_not_import_gitpython(branched):
    """Its import and its `git version` calls would cost a third of the CPU git's own diffing does."""
    code = (
        "import sys; from toolkit.actions.git_effort import git_effort; from toolkit.workspace import open_workspace; "
        "assert git_effort(open_workspace()).rows[0]['commits'] == 4; print(sorted(m for m in sys.modules if m.split('.')[0] == 'git'))"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=branched, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_missing_object_is_git_s_message_and_exit_2(branched, decide):
    blob = git(branched, "rev-parse", "proto/ingest:consumer.py").strip()
    (branched / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    result = decide("effort", "git", cwd=branched)
    assert result.exit_code == 2 and f"unable to read {blob}" in result.stderr


def test_a_log_longer_than_one_read_is_counted_whole(branched, decide):
    """The log is parsed block by block while git writes it; a commit cut by a block boundary still counts once."""
    stream = []
    for i in range(2500):
        stream.append(
            f"commit refs/heads/proto/long\nauthor ana <ana@example.com> {1767225600 + 3600 * i} +0100\n"
            f"committer ana <ana@example.com> {1767225600 + 3600 * i} +0100\ndata 5\nstep\n"
            + ("from refs/heads/main^0\n" if i == 0 else "")
            + f"M 100644 inline long/file-{i % 7}.txt\ndata {len(str(i)) + 1}\n{i}\n\n"
        )
    subprocess.run(["git", "fast-import", "--quiet"], input="".join(stream), cwd=branched, check=True, text=True)
    card(branched, 8, "proto/long")
    assert len(git(branched, "log", "--numstat", "--format=%x01%H%x02%P%x02%aN%x02%aI", "proto/long", "^main")) > 1 << 18
    row = json.loads(decide("effort", "git", "P8", "--format", "json", cwd=branched).stdout)["prototypes"][0]
    assert (row["commits"], row["added"], row["removed"]) == own_log(branched, "proto/long") == (2500, 2500, 2493)
    assert row["first"] == "2026-01-01T01:00:00+01:00" and row["active_days"] == 105


def test_git_runs_in_the_environment_of_each_call(branched, decide, monkeypatch, tmp_path):
    """A notebook that changes git's environment between two calls gets the second one's answer."""
    def authors():
        return json.loads(decide("effort", "git", "P3", "--format", "json", cwd=branched).stdout)["prototypes"][0]["authors"]

    assert authors() == ["ana", "ben"]
    mailmap = tmp_path / "mailmap"
    mailmap.write_text("Ana Real <ana@example.com>\n")
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "mailmap.file")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", str(mailmap))
    assert authors() == ["Ana Real", "ben"]


@pytest.mark.parametrize("argv", [
    ["effort", "git"], ["effort", "git", "--format", "json"], ["effort", "git", "P3", "--format=table"],
    ["effort", "git", "P9"], ["effort", "git", "P3", "P4"], ["effort", "git", "--format", "csv"],
], ids=" ".join)
def test_the_executable_prints_what_click_prints(branched, decide, decide_process, argv):
    card(branched, 4, "proto/gone")
    fast, slow = decide_process(*argv, cwd=branched), decide(*argv, cwd=branched)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert fast.exit_code != 0 or "proto/ingest" in fast.stdout


def counts(repo: Path, decide, ref: str = "P3") -> tuple[int, int, int]:
    row = json.loads(decide("effort", "git", ref, "--format", "json", cwd=repo).stdout)["prototypes"][0]
    return row["commits"], row["added"], row["removed"]


def test_a_commit_is_diffed_once_and_new_commits_are_counted(branched, decide):
    """The second run asks git for the commits alone: a blob git could no longer diff is not needed."""
    assert counts(branched, decide) == (4, 6, 4)
    git(branched, "checkout", "-q", "proto/ingest")
    work(branched, "ingest.py", "a\nb\nc\n", "ana", "2026-11-09T10:00:00+00:00")
    assert own_log(branched, "proto/ingest") == (5, 8, 4)
    # The new commit leaves consumer.py as it was: diffing it alone never reads that file's content.
    blob = git(branched, "rev-parse", "proto/ingest:consumer.py").strip()
    (branched / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    assert counts(branched, decide) == (5, 8, 4)
    assert counts(branched, decide) == (5, 8, 4)
    shutil.rmtree(branched / ".git" / "decisionbook")
    result = decide("effort", "git", "P3", cwd=branched)
    assert result.exit_code == 2 and f"unable to read {blob}" in result.stderr


def test_a_change_of_attributes_or_diff_settings_counts_every_commit_again(branched, decide):
    assert counts(branched, decide) == (4, 6, 4)
    (branched / ".gitattributes").write_text("ingest.py binary\n")
    git(branched, "add", ".gitattributes")
    git(branched, "commit", "-q", "-m", "ingest.py is binary")
    assert counts(branched, decide) == (4, 1, 0) == own_log(branched, "proto/ingest")
    nested = branched / "docs"
    nested.mkdir()
    (nested / ".gitattributes").write_text("*.md -diff\n")
    git(branched, "add", "docs")
    git(branched, "commit", "-q", "-m", "nested attributes")
    (branched / ".git" / "info").mkdir(exist_ok=True)
    (branched / ".git" / "info" / "attributes").write_text("consumer.py binary\n")
    assert counts(branched, decide) == (4, 0, 0) == own_log(branched, "proto/ingest")
    (branched / ".git" / "info" / "attributes").unlink()
    (branched / ".gitattributes").unlink()
    git(branched, "commit", "-q", "-am", "no attributes")
    assert counts(branched, decide) == (4, 6, 4) == own_log(branched, "proto/ingest")
    git(branched, "config", "diff.ingest.binary", "true")
    (branched / ".gitattributes").write_text("ingest.py diff=ingest\n")
    assert counts(branched, decide) == (4, 1, 0) == own_log(branched, "proto/ingest")


def test_a_boundary_commit_of_a_shallow_clone_is_counted_again_once_unshallowed(branched, decide, tmp_path):
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", "--no-single-branch", f"file://{branched}", str(clone))
    shallow = counts(clone, decide)
    assert shallow == own_log(clone, "origin/proto/ingest") != (4, 6, 4)
    git(clone, "fetch", "-q", "--unshallow")
    assert counts(clone, decide) == (4, 6, 4) == own_log(clone, "origin/proto/ingest")


def test_a_damaged_or_foreign_store_of_counts_changes_no_answer(branched, decide):
    assert counts(branched, decide) == (4, 6, 4)
    store = branched / ".git" / "decisionbook" / "commit-lines.blob"
    kept = store.read_bytes()
    for damaged in (kept[:-7], kept[:32] + b"[1, 2]", b"", kept.replace(b",", b";", 3)):
        store.write_bytes(damaged)
        assert counts(branched, decide) == (4, 6, 4)


def other_prototype(repo: Path) -> None:
    """P4 on proto/other: one commit of its own, adding two lines."""
    card(repo, 4, "proto/other")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card 4")
    git(repo, "checkout", "-q", "-b", "proto/other", "main")
    work(repo, "other.py", "o\np\n", "dee", "2026-11-07T09:00:00+00:00")
    git(repo, "checkout", "-q", "main")


def test_a_run_over_one_prototype_keeps_the_counts_of_the_others(branched, decide):
    other_prototype(branched)
    assert counts(branched, decide, "P4") == (1, 2, 0)
    assert counts(branched, decide) == (4, 6, 4)  # every branch counted and kept
    git(branched, "checkout", "-q", "proto/ingest")
    work(branched, "step.py", "s\n", "ana", "2026-11-09T10:00:00+00:00")
    git(branched, "checkout", "-q", "main")
    assert counts(branched, decide, "P3") == (5, 7, 4)  # counted and kept beside P4's, not in their place
    blob = git(branched, "rev-parse", "proto/other:other.py").strip()
    shutil.move(branched / ".git" / "objects" / blob[:2] / blob[2:], branched / "other-blob")
    assert counts(branched, decide, "P4") == (1, 2, 0)  # P4's commit is not diffed again


def test_an_attribute_file_that_is_a_link_or_a_store_nested_past_reading_changes_no_answer(branched, decide):
    """A tracked `.gitattributes` linked to an endless device is not read (git reads no link either), and a
    kept store nested too deep to decode is read as empty, not a traceback."""
    from conftest import DECIDE

    from toolkit.history import activity, linecounts
    from toolkit.records import parsecache

    (branched / "sub").mkdir()
    (branched / "sub" / ".gitattributes").symlink_to("/dev/zero")
    git(branched, "add", "sub/.gitattributes")
    git(branched, "commit", "-q", "-m", "a linked attribute file")
    proc = subprocess.run([DECIDE, "effort", "git", "P3", "--format", "json"], cwd=branched, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["prototypes"][0]["commits"] == 4, proc.stderr
    key = linecounts.settings(activity._open(branched)[0])
    parsecache.save_blob(branched, linecounts.NAME, key, b'{"saves":1,"commits":{"a":' + b"[" * 100_000 + b"]}}")
    assert counts(branched, decide) == (4, 6, 4)


def test_every_attribute_file_and_a_store_made_by_hand_count_as_git_does(branched, decide, monkeypatch, tmp_path):
    """`info/attributes` alone, a nested `.gitattributes` alone and one not yet added each change what git
    counts, and the kept counts follow; a store whose digest holds but whose body is no store is ignored."""
    from toolkit.records import parsecache

    assert counts(branched, decide) == (4, 6, 4)
    store = branched / ".git" / "decisionbook" / "commit-lines.blob"
    kept = store.read_bytes()
    for body in (b"[1, 2]", b'{"saves": "x", "commits": {}}', b'{"saves": 1, "commits": []}',
                 b'{"saves": 1, "commits": {"x": [1, 2, "", 1]}}'):
        store.write_bytes(kept[:16] + parsecache.digest(body) + body)
        assert counts(branched, decide) == (4, 6, 4)
    (branched / ".git" / "info").mkdir(exist_ok=True)
    (branched / ".git" / "info" / "attributes").write_text("ingest.py binary\n")
    assert counts(branched, decide) == own_log(branched, "proto/ingest") == (4, 1, 0)
    (branched / ".git" / "info" / "attributes").unlink()
    assert counts(branched, decide) == (4, 6, 4)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the user's own attributes file
    (tmp_path / "config" / "git").mkdir(parents=True)
    (tmp_path / "config" / "git" / "attributes").write_text("consumer.py binary\n")
    assert counts(branched, decide) == own_log(branched, "proto/ingest") == (4, 5, 4)
    (tmp_path / "config" / "git" / "attributes").unlink()
    git(branched, "checkout", "-q", "proto/ingest")
    (branched / "src").mkdir()
    work(branched, "src/x.py", "a\nb\n", "ana", "2026-11-09T10:00:00+00:00")
    git(branched, "checkout", "-q", "main")
    assert counts(branched, decide) == own_log(branched, "proto/ingest") == (5, 8, 4)
    (branched / "src").mkdir(exist_ok=True)
    (branched / "src" / ".gitattributes").write_text("x.py binary\n")  # not added: git reads it all the same
    assert counts(branched, decide) == own_log(branched, "proto/ingest") == (5, 6, 4)
    (branched / "src" / ".gitattributes").write_text("x.py -binary\n")
    assert counts(branched, decide) == own_log(branched, "proto/ingest") == (5, 8, 4)


def test_a_count_is_kept_exactly_until_keep_saves_have_not_listed_it(branched, decide):
    from toolkit.history.linecounts import KEEP

    other_prototype(branched)
    assert counts(branched, decide, "P4") == (1, 2, 0)  # save 1 lists P4's commit
    blob = git(branched, "rev-parse", "proto/other:other.py").strip()
    shutil.move(branched / ".git" / "objects" / blob[:2] / blob[2:], branched / "other-blob")
    for save in range(2, KEEP + 2):
        git(branched, "checkout", "-q", "proto/ingest")
        work(branched, f"step-{save}.py", "s\n", "ana", "2026-11-09T10:00:00+00:00")
        git(branched, "checkout", "-q", "main")
        counts(branched, decide, "P3")  # counts new work: save number `save`, which does not list P4
        kept = decide("effort", "git", "P4", cwd=branched).exit_code == 0  # diffing P4 again would fail
        assert kept == (save <= KEEP), save


def test_a_card_that_does_not_load_is_named_not_dropped_in_silence(branched, decide, decide_process):
    card(branched, 4, "[a, b]")
    fast, slow = decide_process("effort", "git", cwd=branched), decide("effort", "git", cwd=branched)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    assert slow.exit_code == 0 and "P3" in slow.stdout
    assert slow.stderr == "prototypes/0004-proto-4.md:7: error: branch must be text, found list\n"


def test_the_revealed_weekly_counts_the_branch_as_it_stood_on_its_day(branched, decide):
    # The commits of the 6th came after the week of the 4th: a report as of the 4th counts three of four,
    # and a branch archived since is still a branch on it.
    import toolkit

    week = toolkit.open_workspace(branched).weekly("2026-11-04", blind=False)
    (row,) = [g for g in week.git if g["prototype"] == "P3"]
    assert (row["commits"], row["active_days"], row["last"][:10]) == (3, 2, "2026-11-04")
    git(branched, "tag", "archive/proto/ingest", "proto/ingest")
    git(branched, "branch", "-q", "-D", "proto/ingest")
    week = toolkit.open_workspace(branched).weekly("2026-11-04", blind=False)
    (row,) = [g for g in week.git if g["prototype"] == "P3"]
    assert (row["state"], row["commits"]) == ("branch", 3)
