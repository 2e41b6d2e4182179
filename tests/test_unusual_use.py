"""Repositories and machines as teams really have them: ledgers that cannot be read, no git on the PATH, a
shallow clone. Each is named, never shown as an empty or a whole history."""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import git, listed_adrs, repository_with

# --- a ledger that cannot be read is not counted as one with nothing in it --------------------------


def _judged_once(repo, decide):
    """P1 on branch proto/a with a commit of its own, 5 hours logged and a keep given; all committed."""
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    card.write_text(re.sub(r"(?m)^branch:.*$", "branch: proto/a", card.read_text(), count=1))
    assert decide("effort", "log", "P1", "5", cwd=repo).exit_code == 0
    assert decide("keep", "P1", "--reason", "promising", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "P1")
    git(repo, "branch", "proto/a")


def _unreadable(repo, tmp_path, name, how):
    """Make ledger *name* unreadable *how*: a folder in its place, or a link to its bytes outside the workspace."""
    path = repo / "prototypes" / f"{name}.jsonl"
    if how == "folder":
        path.unlink()
        path.mkdir()
        return "not a regular file (a folder)"
    outside = tmp_path / f"{name}.jsonl"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    return f"a symbolic link to {outside}, outside the workspace"


@pytest.mark.parametrize("how", ["folder", "link out"])
@pytest.mark.parametrize("name", ["verdicts", "effort"])
def test_an_audit_over_a_ledger_that_cannot_be_read_is_refused_not_an_audit_of_no_verdicts(
        repo, tmp_path, decide, name, how):
    _judged_once(repo, decide)
    why = _unreadable(repo, tmp_path, name, how)
    for fmt in ("table", "json"):
        result = decide("audit", "--format", fmt, cwd=repo)
        assert result.exit_code == 2, result
        assert result.stderr == f"prototypes/{name}.jsonl: error: cannot read: {why}; no audit is made until it can " \
            "be read\n"
        assert "No verdicts are recorded yet" not in result.stdout


@pytest.mark.parametrize("how", ["folder", "link out"])
def test_effort_git_does_not_show_no_hours_for_an_effort_ledger_that_cannot_be_read(repo, tmp_path, decide, how):
    _judged_once(repo, decide)
    shown = decide("effort", "git", "--format", "json", cwd=repo)
    assert [row["hours"] for row in json.loads(shown.stdout)["prototypes"]] == [5.0]
    why = _unreadable(repo, tmp_path, "effort", how)
    result = decide("effort", "git", cwd=repo)
    assert result.exit_code == 2, result
    assert result.stderr == f"prototypes/effort.jsonl: error: cannot read: {why}; no hours are shown until it can " \
        "be read\n"
    assert "0.00" not in result.stdout


# --- no git on the PATH ---------------------------------------------------------------------------

NO_GIT = "error: git is not installed, or not on PATH; this command reads the git repository (git 2.30 or newer)\n"


@pytest.mark.parametrize("args", [
    ("adr", "history", "1"),
    ("effort", "git"),
    ("check", "release", "HEAD~1..HEAD"),
    ("discard", "P1", "--reason", "too slow"),
    ("proto", "restore", "P1"),
])
def test_a_command_that_reads_git_on_a_machine_without_git_says_so_and_records_nothing(
        repo, tmp_path, decide, decide_process, args):
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    _judged_once(repo, decide)
    before = {p: p.read_bytes() for p in (repo / "prototypes").iterdir()}
    (tmp_path / "no-git").mkdir()
    result = decide_process(*args, cwd=repo, env={"PATH": str(tmp_path / "no-git")})
    assert (result.exit_code, result.stderr) == (2, NO_GIT), result
    assert {p: p.read_bytes() for p in (repo / "prototypes").iterdir()} == before


# --- a shallow clone's history of a record ---------------------------------------------------------

def test_the_history_of_a_record_in_a_shallow_clone_says_where_the_fetched_history_starts(repo, tmp_path, decide):
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "propose Kafka")
    for n in range(2):
        (repo / f"notes{n}.txt").write_text("more\n")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"notes {n}")
    full = decide("adr", "history", "1", cwd=repo)
    assert full.exit_code == 0 and full.stderr == "" and "propose Kafka" in full.stdout, full
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    tip = git(clone, "rev-parse", "HEAD").strip()
    result = decide("adr", "history", "1", cwd=clone)
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[1].split()[1:] == [tip[:12], "Test", "User", "proposed", "notes", "1"]
    assert result.stderr == (f"note: this is a shallow clone: its history starts at {tip[:12]}, so the record may be "
                             "older than its first row (`git fetch --unshallow` brings the rest)\n")
    rows = json.loads(decide("adr", "history", "1", "--format", "json", cwd=clone).stdout)
    assert [row["cut"] for row in rows] == [True]
    git(clone, "fetch", "-q", "--unshallow")
    again = decide("adr", "history", "1", cwd=clone)
    assert again.stderr == "" and "propose Kafka" in again.stdout, again


@pytest.mark.parametrize("args, report", [
    (("report", "review", "1"), "design-review-0001"),
    (("report", "weekly", "--reveal"), "weekly-triage-revealed"),
])
def test_a_report_showing_history_on_a_machine_without_git_fails_naming_git_not_showing_no_history(
        repo, tmp_path, decide, decide_process, args, report):
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    _judged_once(repo, decide)
    (tmp_path / "no-git").mkdir()
    result = decide_process(*args, cwd=repo, env={"PATH": str(tmp_path / "no-git")})
    assert result.exit_code == 1, result
    assert f"{report}.ipynb: error: report failed in cell " in result.stderr
    assert result.stderr.endswith(f": GitUnavailable: {NO_GIT.removeprefix('error: ')}")
    assert not list((repo / "reports").glob("*.html"))


# --- settings saved in another encoding ---------------------------------------------------------------

@pytest.mark.parametrize("data, shown", [
    (b'[paths]\ndecisions = "decisions"\n# caf\xe9 (latin-1)\n', "decisionbook.toml:3: error: not valid UTF-8 text"),
    (b'\xef\xbb\xbf[paths]\n\n# caf\xe9\n', "decisionbook.toml:3: error: not valid UTF-8 text"),
    ('[paths]\ndecisions = "decisions"\n'.encode("utf-16"),
     "decisionbook.toml:1: error: UTF-16 text; save it as UTF-8"),
], ids=["latin-1", "latin-1 after a byte order mark", "utf-16"])
@pytest.mark.parametrize("args", [("adr", "list"), ("adr", "new", "Use Kafka", "--no-edit"), ("check",), ("triage",)])
def test_settings_that_are_not_utf8_are_refused_at_their_line_and_left_as_they_are(repo, decide_process, data, shown,
                                                                                   args):
    (repo / "decisionbook.toml").write_bytes(data)
    result = decide_process(*args, cwd=repo)
    assert (result.exit_code, result.stderr) == (2, shown + "\n"), result
    assert (repo / "decisionbook.toml").read_bytes() == data
    assert not list((repo / "decisions").glob("*.md"))


@pytest.mark.parametrize("args, name", [
    (("adr", "list"), "decisions/0001-use-kafka.md"),
    (("adr", "show", "1"), "decisions/0001-use-kafka.md"),
    (("proto", "show", "P1"), "prototypes/0001-streaming-ingest.md"),
    (("check",), "decisions/0001-use-kafka.md"),
])
def test_a_record_saved_as_utf16_is_named_so_and_left_as_it_is(repo, decide, decide_process, args, name):
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    saved = {}
    for path in (repo / "decisions" / "0001-use-kafka.md", repo / "prototypes" / "0001-streaming-ingest.md"):
        saved[path] = path.read_text().encode("utf-16")  # as PowerShell's `>` and Notepad's "Unicode" save it
        path.write_bytes(saved[path])
    result = decide_process(*args, cwd=repo)
    assert result.exit_code == (1 if args == ("check",) else 2), result
    assert f"{name}:1: error: UTF-16 text; save it as UTF-8" in result.output
    assert {path: path.read_bytes() for path in saved} == saved


# --- titles that start with a number -------------------------------------------------------------------

@pytest.mark.parametrize("title", ["1.5x faster builds", "12:30 deploy freeze", "2.0 API only",
                                   "3 replicas per region"])
def test_a_title_starting_with_a_decimal_or_a_time_is_read_back_whole(repo, decide, title):
    """Record 1 titled `1.5x faster builds` was read back as `5x faster builds`; record 2, so titled, was
    warned of as saying it is record 1."""
    for n in range(2):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    assert [(row["number"], row["title"]) for row in listed_adrs(decide, repo)] == [(1, title), (2, title)]
    checked = decide("check", cwd=repo)
    assert "the title says" not in checked.output, checked


# --- a team's notebook that cannot be read ------------------------------------------------------------

@pytest.mark.parametrize("kind", ["fifo", "link out", "dangling link", "folder"])
def test_a_team_notebook_that_cannot_be_read_is_refused_by_name_not_replaced_by_the_bundled_one(
        repo, tmp_path, decide, kind):
    team = repo / "notebooks" / "weekly-triage.ipynb"
    team.parent.mkdir()
    if kind == "fifo":
        os.mkfifo(team)
        why = "not a regular file (a FIFO)"
    elif kind == "link out":
        (tmp_path / "theirs.ipynb").write_text("{}")
        team.symlink_to(tmp_path / "theirs.ipynb")
        why = f"a symbolic link to {tmp_path / 'theirs.ipynb'}, outside the workspace"
    elif kind == "dangling link":
        team.symlink_to("weekly.ipynb")
        why = "a symbolic link to weekly.ipynb, which does not exist"
    else:
        team.mkdir()
        why = "not a regular file (a folder)"
    result = decide("report", "weekly", cwd=repo)
    assert result.exit_code == 2, result
    assert result.stderr == f"notebooks/weekly-triage.ipynb: error: cannot read: {why}\n"
    assert not (repo / "reports").exists() or not list((repo / "reports").iterdir())


# --- a user's git settings that hide the first commit's files ------------------------------------------

SHOW_NO_ROOT = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "log.showRoot", "GIT_CONFIG_VALUE_0": "false"}


def test_the_history_of_a_record_made_in_the_first_commit_is_read_whatever_log_showroot_says(
        tmp_path, decide, decide_process):
    root = tmp_path / "ws"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    assert decide("init", ".", cwd=root).exit_code == 0
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=root).exit_code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first commit")
    plain = decide_process("adr", "history", "1", "--format", "json", cwd=root)
    hidden = decide_process("adr", "history", "1", "--format", "json", cwd=root, env=SHOW_NO_ROOT)
    assert hidden.exit_code == 0, hidden
    assert [row["subject"] for row in json.loads(hidden.stdout)] == ["first commit"]
    assert hidden.stdout == plain.stdout


def test_a_release_check_reaching_the_first_commit_sees_its_files_whatever_log_showroot_says(
        tmp_path, decide_process):
    root = repository_with(tmp_path / "ws", {"migrations/0001_orders.sql": "create table orders;\n",
                                               "app/orders.py": "ORDERS = 1\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "orders with their table")
    plain = decide_process("check", "release", "HEAD", cwd=root)
    hidden = decide_process("check", "release", "HEAD", cwd=root, env=SHOW_NO_ROOT)
    assert plain.exit_code == 1, plain
    assert (hidden.exit_code, hidden.stdout) == (1, plain.stdout)


def test_authors_and_subjects_are_read_as_written_whatever_log_output_encoding_says(repo, decide, decide_process):
    """A user's `i18n.logOutputEncoding = latin1` (for an old terminal) made git write Zoë as latin-1 bytes."""
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    _judged_once(repo, decide)
    git(repo, "checkout", "-q", "proto/a")
    (repo / "ingest.py").write_text("KAFKA = True\n")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Zoë Ñandú", "commit", "-q", "-m", "ingest über Kafka")
    git(repo, "checkout", "-q", "main")
    assert decide("adr", "status", "1", "accepted", "--force", cwd=repo).exit_code == 0
    git(repo, "-c", "user.name=Zoë Ñandú", "commit", "-q", "-am", "accepté")
    latin1 = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "i18n.logOutputEncoding", "GIT_CONFIG_VALUE_0": "latin1"}
    history = json.loads(decide_process("adr", "history", "1", "--format", "json", cwd=repo, env=latin1).stdout)
    assert (history[-1]["author"], history[-1]["subject"]) == ("Zoë Ñandú", "accepté")
    effort = json.loads(decide_process("effort", "git", "--format", "json", cwd=repo, env=latin1).stdout)
    assert [row["authors"] for row in effort["prototypes"]] == [["Zoë Ñandú"]]


def test_a_discard_where_git_cannot_sign_its_tag_keeps_the_branch_and_says_how_to_finish(repo, decide_process, decide):
    """With tags signed by default and no key to sign with, the verdict is recorded and the branch kept: the
    command says so and how to finish, and the user's signing policy is never turned off behind their back."""
    _judged_once(repo, decide)
    tip = git(repo, "rev-parse", "proto/a").strip()
    signing = {"GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "tag.gpgSign", "GIT_CONFIG_VALUE_0": "true",
               "GIT_CONFIG_KEY_1": "gpg.program", "GIT_CONFIG_VALUE_1": "false"}
    result = decide_process("discard", "P1", "--reason", "too slow", cwd=repo, env=signing)
    assert result.exit_code == 2, result
    assert "P1 is discarded, but its branch 'proto/a' is not archived: cannot create tag 'archive/proto/a'" \
        in result.stderr
    assert "run `decide discard P1 --reason ...` again to archive it" in result.stderr
    assert "Traceback" not in result.stderr
    assert git(repo, "tag", "--list", "archive/*") == ""
    assert git(repo, "rev-parse", "proto/a").strip() == tip
    # Until it is, `decide check` says so.
    assert "warning: branch 'proto/a' is still there, with no tag archive/proto/a" in decide("check", cwd=repo).stdout
    verdicts = (repo / "prototypes" / "verdicts.jsonl").read_text().splitlines()
    again = decide_process("discard", "P1", "--reason", "too slow", cwd=repo)
    assert again.exit_code == 0, again
    assert f"archived branch proto/a as tag archive/proto/a (at {tip[:12]})" in again.stdout
    assert git(repo, "branch", "--list", "proto/a") == ""
    assert (repo / "prototypes" / "verdicts.jsonl").read_text().splitlines() == verdicts


# --- a repository git refuses ---------------------------------------------------------------------------

def test_a_repository_git_refuses_is_named_by_git_not_shown_as_one_without_history(repo, decide, decide_process):
    """git refuses a repository of another owner (`safe.directory`) or of a newer format; GitPython opens it
    all the same, and the decision log showed every committed record as having no history."""
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "propose Kafka")
    git(repo, "config", "core.repositoryformatversion", "9")
    refusal = "fatal: Expected git repo version <= 1, found 9"
    for args in (("report", "log"), ("adr", "history", "1")):
        result = decide_process(*args, cwd=repo)
        assert result.exit_code == 2, result
        assert result.stderr.startswith(f".: error: {refusal}"), result
    assert not (repo / "reports" / "decision-log").exists()


def test_a_past_day_s_triage_in_a_repository_git_refuses_is_refused_not_judged_on_today_s_criteria(repo, decide):
    """The criteria a card had on a past day are read from git: where git refuses the repository, a triage as of
    that day judged the cards on today's criteria and said nothing."""
    (repo / "prototypes" / "0001-ingest.md").write_text(
        "---\ntitle: Ingest\nstarted: 2026-01-05\ncriteria:\n  - id: p99\n    target: \"<= 200\"\n---\n")
    assert decide("evidence", "add", "P1", "p99", "150", cwd=repo).exit_code == 0
    assert decide("meeting", "close", "--date", "2026-01-06", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "config", "core.repositoryformatversion", "9")
    past = decide("triage", "--as-of", "2026-01-06", cwd=repo)
    assert past.exit_code == 2, past
    assert past.stderr.startswith(".: error: fatal: Expected git repo version <= 1, found 9"), past
    assert past.stdout == ""
    now = decide("triage", cwd=repo)  # today's criteria are the card's own: no git asked
    assert now.exit_code == 0 and "P1  Ingest  ->" in now.stdout, now
    # The weekly report is drawn, blind, as without git (ADR 0217): "since" on the criteria as they are.
    import toolkit

    week = toolkit.open_workspace(repo).weekly()
    assert week.since.start_words == "the meeting of 2026-01-06"
    assert [(e["ref"], e["value"]) for e in week.since.evidence] == [("P1", 150)]
