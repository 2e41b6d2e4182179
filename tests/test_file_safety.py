"""What decisionbook opens and writes: regular files only, bounded, never through a link, no leftovers."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import time

import pytest
from conftest import DECIDE, git, repository_with

from toolkit.records import prototype

ADR = """---
status: proposed
date: 2026-11-02
---
# {title}
"""


def _adr(repo, number, title, extra=""):
    path = repo / "decisions" / f"{number:04d}-{title.lower().replace(' ', '-')}.md"
    path.write_text(ADR.format(title=title).replace("---\n#", f"{extra}---\n#", 1))
    return path


# --- writes never follow a symbolic link ---------------------------------------------------------


@pytest.mark.parametrize("suffix", ["ipynb", "html"])
def test_a_report_is_not_written_through_a_symbolic_link(repo, tmp_path, decide, suffix):
    outside = tmp_path / f"victim.{suffix}"
    outside.write_text("someone else's file")
    reports = repo / "reports"
    reports.mkdir()
    (reports / f"2026-W49-weekly-triage.{suffix}").symlink_to(outside)
    result = decide("report", "weekly", "--as-of", "2026-12-01", cwd=repo)
    assert result.exit_code == 2
    assert f"reports/2026-W49-weekly-triage.{suffix}: error: refusing to write through a symbolic link" in result.stderr
    assert outside.read_text() == "someone else's file"
    assert sorted(p.name for p in reports.iterdir()) == [f"2026-W49-weekly-triage.{suffix}"]


@pytest.mark.parametrize("ledger, command, inside", [
    ("effort.jsonl", ["effort", "log", "P1", "2"], False),
    ("evidence.jsonl", ["evidence", "add", "P1", "latency", "150"], False),
    # A verdict reads its ledger first, and a link leaving the workspace stops it there; one inside is read.
    ("verdicts.jsonl", ["keep", "P1", "--reason", "fast enough"], True),
])
def test_a_ledger_append_does_not_follow_a_symbolic_link(repo, tmp_path, decide, ledger, command, inside):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    outside = (repo if inside else tmp_path) / "outside.jsonl"
    outside.write_text("")
    (repo / "prototypes" / ledger).symlink_to(outside)
    result = decide(*command, cwd=repo)
    assert result.exit_code == 2
    assert f"prototypes/{ledger}: error: refusing to write through a symbolic link" in result.stderr
    assert outside.read_text() == ""
    assert prototype.read(repo / "prototypes" / "0001-streaming-ingest.md").status == "active"


@pytest.mark.parametrize("ledger, command", [
    ("evidence.jsonl", ["evidence", "add", "P1", "latency", "150"]),
    ("effort.jsonl", ["effort", "log", "P1", "2"]),
    ("meetings.jsonl", ["meeting", "close"]),
])
def test_a_ledger_that_is_a_fifo_is_refused_not_waited_on(repo, decide, ledger, command):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    os.mkfifo(repo / "prototypes" / ledger)
    result = _bounded(*command, cwd=repo)
    assert result.returncode == 2, result
    assert f"prototypes/{ledger}: error: cannot write: not a regular file (a FIFO)" in result.stderr
    assert stat.S_ISFIFO(os.lstat(repo / "prototypes" / ledger).st_mode)


def _file_size_limited(limit: int, *args, cwd):
    """`decide ARGS` as a process whose files may not grow past *limit* bytes: a write beyond it is cut
    short and then fails (EFBIG), as on a full disk."""
    def limit_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run([DECIDE, *args], cwd=cwd, capture_output=True, text=True, timeout=60, preexec_fn=limit_size)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.mark.parametrize("ledger, first, command", [
    ("evidence.jsonl", ["evidence", "add", "P1", "latency", "150"],
     ["evidence", "add", "P1", "latency", "160", "--note", "n" * 500]),
    ("effort.jsonl", ["effort", "log", "P1", "2"], ["effort", "log", "P1", "3"]),
    ("verdicts.jsonl", ["iterate", "P1", "--reason", "more runs"], ["keep", "P1", "--reason", "fast enough"]),
])
def test_an_append_the_disk_cannot_hold_records_nothing_and_says_so(repo, decide, ledger, first, command):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    assert decide(*first, cwd=repo).exit_code == 0
    path = repo / "prototypes" / ledger
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    before, card_before = path.read_bytes(), card.read_bytes()
    result = _file_size_limited(len(before) + 40, *command, cwd=repo)  # room for the start of the line only
    assert result.returncode == 2, result
    assert f"prototypes/{ledger}: error: cannot write: File too large; nothing was recorded" in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before and card.read_bytes() == card_before
    # With room, the same command records its line after the others, and nothing is torn.
    assert decide(*command, cwd=repo).exit_code == 0
    assert path.read_bytes().startswith(before) and len(path.read_text().splitlines()) == 2
    assert "prototypes/" not in decide("check", cwd=repo).stdout


def test_an_edit_does_not_replace_a_symbolic_link(repo, tmp_path, decide):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    outside = tmp_path / "card.md"
    outside.write_bytes(card.read_bytes())
    card.unlink()
    card.symlink_to(outside)
    before = outside.read_bytes()
    result = decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 2
    # A link out of the workspace is not even read; one inside it is read, and refused for the write.
    assert f"prototypes/0001-streaming-ingest.md: error: cannot read: a symbolic link to {outside}" in result.stderr
    assert card.is_symlink() and outside.read_bytes() == before
    inside = repo / "card.md"
    inside.write_bytes(before)
    card.unlink()
    card.symlink_to(inside)
    result = decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 2
    assert "prototypes/0001-streaming-ingest.md: error: refusing to write through a symbolic link" in result.stderr
    assert card.is_symlink() and inside.read_bytes() == before


def test_the_index_is_not_written_through_a_symbolic_link(repo, tmp_path, decide):
    _adr(repo, 1, "First")
    outside = tmp_path / "README.md"
    outside.write_text("# Not yours\n")
    (repo / "decisions" / "README.md").symlink_to(outside)
    result = decide("adr", "index", cwd=repo)
    assert result.exit_code == 2
    assert "error: " in result.stderr
    assert outside.read_text() == "# Not yours\n"


# --- reads: regular files only, bounded ----------------------------------------------------------


def _bounded(*args, cwd):
    """`decide ARGS` as a process that must finish within a minute: reading a FIFO or /dev/zero would not."""
    proc = subprocess.run([DECIDE, *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def _special_records(repo):
    """An ADR and a card that are symbolic links to /dev/zero, and an ADR and a card that are FIFOs."""
    (repo / "decisions" / "0002-zero.md").symlink_to("/dev/zero")
    os.mkfifo(repo / "decisions" / "0003-fifo.md")
    (repo / "prototypes" / "0002-zero.md").symlink_to("/dev/zero")
    os.mkfifo(repo / "prototypes" / "0003-fifo.md")


def test_links_to_devices_and_fifos_are_reported_not_read(repo, decide):
    _adr(repo, 1, "First")
    _adr(repo, 4, "Fourth")
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    _special_records(repo)
    listed = _bounded("adr", "list", cwd=repo)
    assert "First" in listed.stdout and "Fourth" in listed.stdout
    assert "decisions/0002-zero.md: error: cannot read:" in listed.stderr
    checked = _bounded("check", cwd=repo)
    assert checked.returncode == 1
    assert "decisions/0002-zero.md: error: cannot read: a symbolic link to /dev/zero, outside the workspace" in checked.stdout
    assert "decisions/0003-fifo.md: error: cannot read: not a regular file (a FIFO)" in checked.stdout
    assert "prototypes/0003-fifo.md: error: cannot read: not a regular file (a FIFO)" in checked.stdout
    assert "prototypes/0002-zero.md: error: cannot read:" in checked.stdout
    assert "Streaming ingest" in _bounded("proto", "list", cwd=repo).stdout
    triaged = _bounded("triage", "--as-of", "2026-12-01", cwd=repo)
    assert triaged.returncode == 2 and "prototypes/0003-fifo.md: error: cannot read" in triaged.stdout


def test_a_looping_link_in_the_adr_folder_is_that_files_error_as_a_broken_one_is(repo):
    _adr(repo, 1, "First")
    (repo / "decisions" / "0009-loop.md").symlink_to("0009-loop.md")
    (repo / "decisions" / "0010-gone.md").symlink_to("nowhere.md")
    (repo / "decisions" / "notes").symlink_to("notes")
    (repo / "docs").symlink_to("docs")
    listed = _bounded("adr", "list", cwd=repo)
    assert listed.returncode == 2 and "First" in listed.stdout
    loop = "decisions/0009-loop.md: error: cannot read: Too many levels of symbolic links (and 1 more"
    assert listed.stderr.startswith(loop)
    checked = _bounded("check", cwd=repo)
    assert "decisions/0009-loop.md: error: cannot read: Too many levels of symbolic links" in checked.stdout
    assert "decisions/0010-gone.md: error: cannot read: No such file or directory" in checked.stdout
    made = _bounded("adr", "new", "Second", "--no-edit", cwd=repo)
    assert made.returncode == 0 and made.stdout == "decisions/0011-second.md\n"


def test_a_device_inside_the_workspace_is_refused_too(repo):
    os.mkfifo(repo / "fifo")
    (repo / "decisions" / "0001-fifo.md").symlink_to("../fifo")
    result = _bounded("check", cwd=repo)
    assert "decisions/0001-fifo.md: error: cannot read: not a regular file (a FIFO)" in result.stdout


def test_a_link_to_a_file_outside_the_workspace_is_refused_inside_is_read(repo, tmp_path, decide):
    outside = tmp_path / "secret.md"
    outside.write_text(ADR.format(title="Private notes"))
    (repo / "decisions" / "0001-outside.md").symlink_to(outside)
    shared = repo / "docs"
    shared.mkdir()
    (shared / "adr.md").write_text(ADR.format(title="Shared record"))
    (repo / "decisions" / "0002-inside.md").symlink_to("../docs/adr.md")
    listed = decide("adr", "list", "--format", "json", cwd=repo)
    assert [row["title"] for row in json.loads(listed.stdout)] == ["Shared record"]
    assert f"decisions/0001-outside.md: error: cannot read: a symbolic link to {outside}, outside the workspace" in listed.stderr


def test_a_file_above_the_size_limit_is_refused_and_the_limit_is_configurable(repo, decide):
    _adr(repo, 1, "First")
    big = _adr(repo, 2, "Big")
    big.write_text(big.read_text() + ("x" * 99 + "\n") * 50_000)  # 5 MB
    result = decide("check", cwd=repo)
    assert "decisions/0002-big.md: error: cannot read: larger than the 4 MiB limit" in result.stdout
    assert "[limits] max_file_mib" in result.stdout
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + "\n[limits]\nmax_file_mib = 8\n")
    assert "0002-big.md" not in decide("check", cwd=repo).stdout
    assert "Big" in decide("adr", "list", cwd=repo).stdout


@pytest.mark.parametrize(("written", "size"), [("0.001", "0.00191"), ("0.0001", "0.00191"), ("0.3", "0.477")])
def test_a_size_limit_is_named_as_written_in_decisionbook_toml(repo, decide, written, size):
    # 0.001 MiB is 1,048 bytes, which `check` named `0.000999 MiB`: a figure no one wrote.
    big = _adr(repo, 1, "Big")
    big.write_text(big.read_text() + "x" * (int(float(size) * 1048576) - len(big.read_text())))
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + f"\n[limits]\nmax_file_mib = {written}\n")
    result = decide("check", cwd=repo)
    assert (f"decisions/0001-big.md: error: cannot read: larger than the {written} MiB limit for one file "
            f"(at least {size} MiB; raise [limits] max_file_mib in decisionbook.toml)") in result.stdout, result.stdout


def test_a_bad_size_limit_is_a_config_error(repo, decide):
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + "\n[limits]\nmax_file_mib = 0\n")
    result = decide("adr", "list", cwd=repo)
    assert result.exit_code == 2
    line = config.read_text().splitlines().index("max_file_mib = 0") + 1
    assert f"decisionbook.toml:{line}: error: [limits] max_file_mib must be more than 0" in result.stderr


# --- files that decisionbook.toml names stay inside the workspace ------------------------------------


def _with_config(repo, text):
    """decisionbook.toml with *text* added at its end, and the number of the last line added."""
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + text)
    return len(config.read_text().splitlines())


@pytest.mark.parametrize("name", ["/etc/passwd", "tpl.md", "../outside.md"])
def test_an_adr_template_that_leaves_the_workspace_is_refused_naming_its_line(repo, tmp_path, decide, name):
    outside = tmp_path / "outside.md"
    outside.write_text("---\nstatus: proposed\n---\n# Private ${title}\n")
    (repo / "tpl.md").symlink_to(outside)
    line = _with_config(repo, f'\n[adr]\ntemplate = "{name}"\n')
    made = decide("adr", "new", "Leak", "--no-edit", cwd=repo)
    assert made.exit_code == 2
    assert f"decisionbook.toml:{line}: error: [adr] template path '{name}' leaves the workspace" in made.stderr
    assert list((repo / "decisions").iterdir()) == []
    checked = decide("check", cwd=repo)
    assert f"decisionbook.toml:{line}: error: [adr] template path '{name}' leaves the workspace" in checked.stderr


def test_an_adr_template_inside_the_workspace_is_read_from_the_root_wherever_decide_runs(repo, decide):
    (repo / "docs").mkdir()
    (repo / "docs" / "template.md").write_text("---\nstatus: proposed\ndate: ${date}\n---\n# ${title}\n\nOurs.\n")
    (repo / "tpl.md").symlink_to("docs/template.md")
    _with_config(repo, '\n[adr]\ntemplate = "tpl.md"\n')
    made = decide("adr", "new", "Inside", "--no-edit", cwd=repo / "docs")
    assert made.exit_code == 0, made.output
    assert (repo / "decisions" / "0001-inside.md").read_text().endswith("# Inside\n\nOurs.\n")


def test_symbolic_links_that_loop_are_each_that_files_error(repo, decide):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    prototypes = repo / "prototypes"
    (prototypes / "0009-loop.md").symlink_to("0009-loop.md")
    (prototypes / "evidence.jsonl").symlink_to("evidence.jsonl")
    (repo / "tpl.md").symlink_to("tpl.md")
    loop = "cannot read: Too many levels of symbolic links"
    listed = decide("proto", "list", cwd=repo)
    assert "Streaming ingest" in listed.stdout and f"prototypes/0009-loop.md: error: {loop}" in listed.stderr
    for args in (("evidence", "list"), ("proto", "show", "1"), ("triage", "--as-of", "2026-12-01")):
        result = decide(*args, cwd=repo)
        assert f"prototypes/evidence.jsonl: error: {loop}" in result.output, args
    checked = decide("check", cwd=repo)
    assert f"prototypes/0009-loop.md: error: {loop}" in checked.stdout
    assert f"prototypes/evidence.jsonl: error: {loop}" in checked.stdout
    line = _with_config(repo, '\n[adr]\ntemplate = "tpl.md"\n')
    checked = decide("check", cwd=repo)
    assert checked.exit_code == 2
    assert f"decisionbook.toml:{line}: error: template 'tpl.md' is not a file" in checked.stderr


# --- folders found without a setting stay inside the workspace too ----------------------------------


@pytest.mark.parametrize("link, below", [("docs/adr", ""), ("decisions", ""), ("docs", "adr")])
def test_an_adr_folder_found_through_a_link_out_of_the_repository_is_refused_naming_the_link(
        tmp_path, decide, link, below):
    outside = tmp_path / "outside"
    records = outside / below
    records.mkdir(parents=True)
    record = ADR.format(title="Private notes") + "\nsecret body\n"
    (records / "0001-notes.md").write_text(record)
    root = repository_with(tmp_path / "repo", {})
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(outside)
    refused = f"{link}: error: a symbolic link to {outside}, outside the workspace\n"
    for args in (("adr", "list"), ("adr", "status", "1", "deprecated", "--force"), ("adr", "new", "Lands", "--no-edit"),
                 ("check",), ("proto", "new", "Elsewhere")):
        result = decide(*args, cwd=root)
        assert result.exit_code == 2 and result.stderr == refused, (args, result.output)
    assert [p.name for p in records.iterdir()] == ["0001-notes.md"]
    assert (records / "0001-notes.md").read_text() == record
    assert sorted(p.name for p in root.iterdir()) == [".git", link.split("/")[0]]


def test_an_adr_folder_found_through_a_link_inside_the_repository_is_read(tmp_path, decide):
    root = repository_with(tmp_path / "repo", {"records/0001-notes.md": ADR.format(title="Shared notes")})
    (root / "docs").mkdir()
    (root / "docs" / "adr").symlink_to("../records")
    assert "Shared notes" in decide("adr", "list", cwd=root).stdout


def test_a_prototypes_folder_found_through_a_link_out_is_named_not_a_settings_file_that_is_not_there(
        tmp_path, decide):
    outside = tmp_path / "out"
    outside.mkdir()
    root = repository_with(tmp_path / "repo", {})
    (root / "prototypes").symlink_to("../out")
    result = decide("proto", "new", "X", "--owner", "a", cwd=root)
    assert result.exit_code == 2
    assert result.stderr == f"prototypes: error: a symbolic link to {outside}, outside the workspace\n"
    assert list(outside.iterdir()) == []
# --- one bad file never takes down a listing -----------------------------------------------------


@pytest.mark.parametrize("nested, depth_line", [
    ("deep: " + "[" * 500 + "]" * 500 + "\n", 1),
    ("deep: " + "{a: " * 500 + "1" + "}" * 500 + "\n", 1),
    ("deep:\n" + "".join("  " * i + "- \n" for i in range(1, 500)), 65),  # the line 64 levels down
])
def test_yaml_nested_500_levels_is_that_files_error(repo, nested, depth_line):
    _adr(repo, 1, "First")
    _adr(repo, 2, "Deep", nested)
    _adr(repo, 3, "Third")
    card = repo / "prototypes" / "0001-deep.md"
    card.write_text(f"---\ntitle: Deep card\n{nested}---\n")
    listed = _bounded("adr", "list", cwd=repo)
    assert "First" in listed.stdout and "Third" in listed.stdout
    message = "error: invalid YAML: nested more than 64 levels deep"
    assert f"decisions/0002-deep.md:{3 + depth_line}: {message}" in listed.stderr
    checked = _bounded("check", cwd=repo)
    assert f"decisions/0002-deep.md:{3 + depth_line}: {message}" in checked.stdout
    assert f"prototypes/0001-deep.md:{2 + depth_line}: {message}" in checked.stdout
    assert checked.stdout.count("error:") == 2


def test_a_broken_adr_causes_no_follow_on_errors(repo, decide):
    _adr(repo, 1, "First")
    _adr(repo, 2, "Broken", "title: [unclosed\n")
    _adr(repo, 3, "Amends two", "links: [{relation: amends, adr: 2}]\n")
    result = decide("check", cwd=repo)
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith("decisions/0002-broken.md:"), result.stdout


# --- leftover temporary files --------------------------------------------------------------------


def test_leftover_temporary_files_are_reported_and_removed_by_the_next_write(repo, decide):
    record = _adr(repo, 1, "First")
    assert decide("adr", "list", cwd=repo).exit_code == 0  # builds the parse cache
    cache = repo / ".git" / "decisionbook"
    left = [repo / "decisions" / ".0001-first.md.k2j4h1x9.tmp", cache / ".adrs.pickle.a8f0c2z1.tmp",
            repo / "decisions" / ".0001-first.md.0123456789ab.tmp"]
    for path in left:
        path.write_bytes(b"half a wri")
    (repo / ".notes.backup.tmp").write_text("a file of the team's own")
    result = decide("check", cwd=repo)
    assert result.exit_code == 0
    assert "decisions/.0001-first.md.0123456789ab.tmp: warning" in result.stdout
    assert ".notes.backup.tmp" not in result.stdout
    assert "decisions/.0001-first.md.k2j4h1x9.tmp: warning: temporary file left by an interrupted write" in result.stdout
    assert ".git/decisionbook/.adrs.pickle.a8f0c2z1.tmp: warning: temporary file left" in result.stdout
    assert decide("adr", "status", "1", "accepted", "--force", cwd=repo).exit_code == 0
    assert not left[0].exists() and not left[2].exists()
    assert decide("adr", "list", cwd=repo).exit_code == 0  # the changed record is cached anew
    assert not left[1].exists()
    assert decide("check", cwd=repo).stdout == "0 error(s), 0 warning(s)\n"
    assert record.exists()


def test_leftovers_in_category_folders_of_records_are_reported_and_cleared_by_the_next_edit(repo, tmp_path, decide):
    from toolkit.records import files

    backend, payments = repo / "decisions" / "backend", repo / "decisions" / "backend" / "payments"
    payments.mkdir(parents=True)
    (backend / "0004-split-the-api.md").write_text(ADR.format(title="Split the API"))
    (payments / "0005-use-stripe.md").write_text(ADR.format(title="Use Stripe"))
    (backend / ".0004-split-the-api.md.k2j4h1x9.tmp").write_bytes(b"half a wri")
    # Written by this process as it was before a restart: its start time differs, so the holder has ended.
    (payments / "0005-use-stripe.md.lock").write_text(json.dumps({**files._me(), "start": -1}))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / ".0009-x.md.a8f0c2z1.tmp").write_bytes(b"not ours to name")
    (repo / "decisions" / "linked").symlink_to(outside)
    result = decide("check", cwd=repo)
    assert result.exit_code == 0, result.output
    assert ("decisions/backend/.0004-split-the-api.md.k2j4h1x9.tmp: warning: temporary file left by an interrupted "
            "write; the next write of 0004-split-the-api.md removes it, or delete it") in result.stdout, result.stdout
    assert ("decisions/backend/payments/0005-use-stripe.md.lock: warning: left by process "
            in result.stdout), result.stdout
    assert "0009-x.md" not in result.stdout
    for number in ("4", "5"):
        assert decide("adr", "status", number, "accepted", "--force", cwd=repo).exit_code == 0
    assert not list(backend.glob(".*.tmp")) and not list(payments.glob("*.lock"))
    # What is left is the link out of the workspace, named once (ADR 0157).
    assert [line.partition(":")[0] for line in decide("check", cwd=repo).stdout.splitlines() if "warning:" in line] == [
        "decisions/linked"]


def test_a_linked_folder_holding_an_adr_dir_is_no_team_folder_whose_leftovers_check_names(repo, tmp_path, decide):
    # Records are not read through a link to a folder, so no command writes there: what it holds is not ours.
    outside = tmp_path / "other-team"
    outside.mkdir()
    (outside / ".adr-dir").write_text(".\n")
    (outside / ".0009-x.md.a8f0c2z1.tmp").write_bytes(b"not ours to name")
    (repo / "decisions" / "linked").symlink_to(outside)
    team = repo / "decisions" / "websre"
    team.mkdir()
    (team / ".adr-dir").write_text(".\n")
    (team / "0001-page-the-on-call.md").write_text(ADR.format(title="Page the on-call"))
    (team / ".0001-page-the-on-call.md.k2j4h1x9.tmp").write_bytes(b"half a wri")
    result = decide("check", cwd=repo)
    assert "decisions/websre/.0001-page-the-on-call.md.k2j4h1x9.tmp: warning" in result.stdout, result.stdout
    assert "0009-x.md" not in result.stdout, result.stdout


# --- modes, line endings, digits -----------------------------------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_files_get_the_users_umask(repo, decide, umask_022):
    _adr(repo, 1, "First")
    assert decide("adr", "index", cwd=repo).exit_code == 0
    assert stat.S_IMODE((repo / "decisions" / "README.md").stat().st_mode) == 0o644
    assert decide("adr", "new", "Second", "--no-edit", cwd=repo).exit_code == 0
    assert stat.S_IMODE((repo / "decisions" / "0002-second.md").stat().st_mode) == 0o644


def test_an_edit_keeps_the_edited_lines_own_ending(repo, decide):
    path = repo / "decisions" / "0001-mixed.md"
    path.write_bytes(b"---\r\nstatus: proposed\ndate: 2026-11-02\r\n---\r\n# Mixed\r\n\r\nBody.\n")
    assert decide("adr", "status", "1", "accepted", "--date", "2026-11-30", "--force", cwd=repo).exit_code == 0
    assert path.read_bytes() == b"---\r\nstatus: accepted\ndate: 2026-11-30\r\n---\r\n# Mixed\r\n\r\nBody.\n"


@pytest.mark.parametrize("ref", ["P\u0661", "\u0661", "P\uff11"])
def test_prototype_numbers_are_ascii_digits_only(repo, decide, ref):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    result = decide("criterion", "add", ref, "latency", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 2
    assert f"error: '{ref}' is not a prototype reference; write P7, P-0007 or 7 (numbers are written with the digits 0-9 only)" in result.stderr


def test_adr_numbers_are_ascii_digits_only(repo, decide):
    _adr(repo, 1, "First")
    (repo / "decisions" / "\u0660\u0660\u0660\u0662-arabic.md").write_text(ADR.format(title="Arabic digits"))
    listed = decide("adr", "list", "--format", "json", cwd=repo)
    assert [row["title"] for row in json.loads(listed.stdout)] == ["First"]
    shown = decide("adr", "show", "\uff11", cwd=repo)
    assert shown.exit_code == 2 and "(numbers are written with the digits 0-9 only)" in shown.stderr
    moved = decide("adr", "renumber", "1", "--to", "\uff11\uff12", cwd=repo)
    assert moved.exit_code == 2 and "is not a whole number (numbers are written with the digits 0-9 only)" in moved.stderr
    assert decide("proto", "new", "Card", "--decision", "\u0661", cwd=repo).exit_code == 2


def test_renumber_refuses_before_renaming_when_a_file_it_must_edit_is_a_link(repo, tmp_path, decide):
    _adr(repo, 1, "First")
    outside = tmp_path / "0002-second.md"
    outside.write_text(ADR.format(title="Second").replace("---\n#", "links: [{relation: amends, adr: 1}]\n---\n#", 1))
    shared = repo / "shared"
    shared.mkdir()
    (shared / "second.md").write_bytes(outside.read_bytes())
    (repo / "decisions" / "0002-second.md").symlink_to("../shared/second.md")
    result = decide("adr", "renumber", "1", "--to", "7", cwd=repo)
    assert result.exit_code == 2
    assert "decisions/0002-second.md: error: refusing to write through a symbolic link" in result.stderr
    assert sorted(p.name for p in (repo / "decisions").iterdir()) == ["0001-first.md", "0002-second.md"]


# --- a file's name is shown, never obeyed ----------------------------------------------------------


def test_control_characters_in_file_names_are_shown_not_sent_to_the_terminal(repo):
    # Someone else's file names in a shared repository: an escape sequence would retitle the
    # terminal or clear it; a line break would split a table row in two.
    folder = repo / "decisions"
    (folder / "0001-\x1b]0;owned\x07.md").write_bytes(b"\xff not text")
    (folder / "0002-new\nline.md").write_text(ADR.format(title="Two"))
    for argv in (["adr", "status", "1", "accepted"], ["adr", "list"], ["adr", "list", "--format", "csv"], ["check"]):
        # The executable's own fast path for `adr list`, and click for the others.
        proc = subprocess.run([DECIDE, *argv], cwd=repo, capture_output=True, text=True)
        shown = proc.stdout + proc.stderr
        assert "\x1b" not in shown and "\x07" not in shown, (argv, shown)
        assert "0001-<U+001B>]0;owned<U+0007>.md" in shown, (argv, shown)
    listed = subprocess.run([DECIDE, "adr", "list"], cwd=repo, capture_output=True, text=True).stdout.splitlines()
    assert [line.split()[0] for line in listed] == ["NUMBER", "2"]  # one row per record
    assert listed[1].endswith("decisions/0002-new<U+000A>line.md")
    shown = subprocess.run([DECIDE, "adr", "show", "2"], cwd=repo, capture_output=True, text=True).stdout.splitlines()
    assert "path: decisions/0002-new<U+000A>line.md" in shown  # one field a line


def test_a_last_updated_field_and_a_related_list_of_a_whole_megabyte_are_edited_in_linear_time(repo):
    """A status change looks through the header for a last-updated field, and a link models its item on the
    related-records list's: a run of brackets or digits in them is passed once."""
    head = ("# 1. Long\n\nDate: 2021-01-01\n\nLast Updated: 2021-01-01 " + "(" * 600_000
            + "\n| Updated | " + "| " * 300_000)
    head += "\n\n"
    related = "\n## Related\n\n- [ADR " + "1" * 600_000 + " " + ". " * 200_000 + "x](0003-c.md)\n"
    (repo / "decisions" / "0001-long.md").write_text(head + "## Status\n\nProposed\n" + related)
    (repo / "decisions" / "0002-short.md").write_text("# 2. Short\n\n## Status\n\nAccepted\n")
    assert _bounded("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=repo).returncode == 0
    assert _bounded("adr", "link", "1", "relates to", "2", cwd=repo).returncode == 0
    text = (repo / "decisions" / "0001-long.md").read_text()
    # The date and the last-updated field say the day of the change; nothing else of the header changes.
    assert text == head.replace("2021-01-01", "2026-12-02") + "## Status\n\nAccepted\n" + related + (
        "- [ADR 2 " + ". " * 200_000 + "Short](0002-short.md)\n")


def test_a_field_added_below_a_status_line_of_a_whole_megabyte_ends_as_it_does_in_linear_time(repo):
    """A field added below a bold status line ends in the hard break that line ends in: a run of tags
    before its end is not looked through."""
    tail = "<br" * 300_000 + "<br>"
    (repo / "decisions" / "0001-old.md").write_text("# 1. Old\n\n**Status**: Accepted  \n**Tags**: x\n")
    (repo / "decisions" / "0002-new.md").write_text(f"# 2. New\n\n**Status**: Proposed{tail}\n**Tags**: x\n")
    assert _bounded("adr", "status", "1", "superseded", "--by", "2", cwd=repo).returncode == 0
    assert (repo / "decisions" / "0002-new.md").read_text() == (
        f"# 2. New\n\n**Status**: Proposed{tail}\n**Supersedes**: [ADR-0001](0001-old.md)<br>\n**Tags**: x\n")


def test_a_status_line_or_headings_of_a_whole_megabyte_are_read_in_linear_time(repo):
    """Each leading run of a status's words was looked up, and each section's end looked for among all the
    headings after it: 190,000 words, or 190,000 headings, took minutes."""
    (repo / "decisions" / "0001-long.md").write_text("# 1. Long\n\n## Status\n\n" + "word " * 190_000 + "\n")
    (repo / "decisions" / "0002-links.rst").write_text("2. Links\n========\n\nStatus\n------\n\n" + ":doc:`" * 150_000 + "\n")
    (repo / "decisions" / "0003-headings.md").write_text("# 3. Headings\n\n## Status\n\nAccepted\n" + "## a\n" * 190_000)
    # Runs that a pattern scanning from each of their characters to the end of the line took minutes on.
    runs = ["[[" * 300_000, "[a](" * 150_000, "(" * 600_000, "a" * 600_000, "** " * 200_000 + "x", "`a <" * 150_000,
            "accepted" + " " * 600_000 + "x", "| **" + "a" * 600_000]
    for number, run in enumerate(runs, start=4):
        (repo / "decisions" / f"{number:04d}-run.md").write_text(
            f"# {number}. Run\n\n## Status\n\nSuperseded by {run}\n\nStatus: {run}\n")
    # A successor named by what looks like a reference link (`[words][label]`) that a run of brackets opens.
    refs = "# 22. Refs\n\n## Status\n\nSuperseded by " + "[" * 600_000 + "][\n"
    (repo / "decisions" / "0022-refs.md").write_text(refs)
    (repo / "decisions" / "0021-dates.md").write_text("# 21. Dates\n\n* Status: proposed\n* Dates: " + "2021-01-01, " * 80_000)
    # A record that says no status, looked through for a status stated where it is not read: a tag per label.
    (repo / "decisions" / "0023-unread.md").write_text("# 23. Unread\n\n" + "status <" * 125_000 + "\n")
    # A title field where no heading gives one, its value a run of spaces before its end.
    (repo / "decisions" / "0024-title.md").write_text("Status: Accepted\nTitle: a" + " " * 600_000 + "x\n")
    # A title after Go's `Proposal:` label, the label's colon followed by a run of spaces.
    (repo / "decisions" / "0028-proposal.md").write_text("# Proposal:" + " :" * 300_000 + "x\n\nStatus: Accepted\n")
    # An HTML table's rows (conda's CEPs) and a GHC proposal's directive, their values a run of days or spaces.
    (repo / "decisions" / "0025-rows.md").write_text(
        "# 25. Rows\n\n<tr><td>" + " " * 600_000 + "x\n<tr><td> Created </td><td> " + "Feb 5, " * 90_000 + "\n"
        "<tr><td> Status </td><td> " + "Proposed " * 70_000 + "\n")
    (repo / "decisions" / "0027-literals.rst").write_text(  # rST inline literals in a title, none of them closed
        "``a " * 200_000 + "\n" + "=" * 800_000 + "\n\n:Status: Accepted\n")
    (repo / "decisions" / "0026-directive.rst").write_text(
        "26. Directive\n=============\n\n.. date-accepted:: " + "2019 " * 120_000 + "\n")
    # A link to a record of a series of its own whose number is a run of digits, which a pattern split every way.
    (repo / "decisions" / "0031-series.md").write_text(
        "# 31. Series\n\n## Status\n\nAccepted\n\n## Links\n\n* Amends [x](A-0" + "1" * 200_000 + "x.md)\n")
    # A metadata table's Title row never closed, and a title's own number after a project's letters: runs of spaces
    # and zeros that the title's patterns split every way.
    (repo / "decisions" / "0029-title-row.md").write_text("| Title | " + " " * 600_000 + "x\n\nStatus: Accepted\n")
    (repo / "decisions" / "0030-letters.md").write_text("# AB-" + "0" * 600_000 + "x\n\nStatus: Accepted\n")
    (repo / "decisions" / "0020-loose.md").write_text(  # front matter that is not YAML, read line by line
        "---\n" + "".join(f"k{i}: a: b\n" for i in range(60_000)) + "status: [accepted\n---\n# 20. Loose\n")
    (repo / "prototypes" / "0001-wide.md").write_text(
        "---\ntitle: Wide\nstatus: active\n---\n# a" + " " * 900_000 + ":\n## Hypothesis\n\nIt holds.\n")
    proc = _bounded("check", cwd=repo)
    assert not [line for line in proc.stdout.splitlines() if "0001-wide.md" in line and "error" in line]
    warnings = [line for line in proc.stdout.splitlines() if "unknown status" in line]
    assert len(warnings) >= 2 and all(len(line) < 300 for line in warnings), warnings
    assert all(len(line) < 1000 for line in proc.stdout.splitlines())
    assert "decisions/0001-long.md:5: warning: unknown status 'word word" in warnings[0]


def test_a_record_named_by_thousands_of_digits_is_no_crash(tmp_path):
    """Python refuses to make a number of more than 4,300 digits: a reference to one stopped every command."""
    digits = "1" * 5_000
    root = repository_with(tmp_path / "repo", {
        "docs/adr/VIS-001-vision.md": "# VIS-001: Vision\n\n**Status:** Accepted\n",
        "docs/adr/001-first.md": f"# ADR 001: First\n\n* Status: Accepted\n* Supersedes: VIS-{digits}\n",
        "docs/adr/002-second.md": f"# ADR 002: Second\n\n* Status: Accepted\n\n## Related\n\n- ADR-{digits}\n"})
    listed = _bounded("adr", "list", "--format", "json", cwd=root)
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 3, listed.stderr
    assert _bounded("check", cwd=root).returncode in (0, 1)


def test_status_statements_in_code_on_one_long_line_are_looked_through_in_linear_time():
    """Each statement's place was told in or out of code by counting the backticks before it again."""
    from toolkit.records.adr import status_statement

    def seconds(count: int) -> float:
        start = time.perf_counter()
        assert status_statement(["`Status: accepted` " * count]) is None
        return time.perf_counter() - start

    seconds(1_000)
    assert seconds(200_000) / seconds(20_000) < 40


def _listing_time(decide, root, count: int) -> float:
    """Seconds `decide adr list` takes on a new folder of *count* pages whose fields a `_rfcs.yaml` of as many
    entries gives (ADR 0164)."""
    folder = root / "rfcs"
    folder.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (folder / "_rfcs.yaml").write_text("".join(f"- file: {n}_r.md\n  status: Accepted\n" for n in range(1, count + 1)))
    for number in range(1, count + 1):
        (folder / f"{number}_r.md").write_text("# {{ rfc.title }}\n")
    start = time.perf_counter()
    listed = decide("adr", "list", "--format", "json", cwd=root)
    seconds = time.perf_counter() - start
    assert listed.exit_code == 0 and json.loads(listed.stdout)[-1]["status"] == "accepted", listed.output
    return seconds


def test_a_folder_list_of_ten_thousand_entries_is_read_in_linear_time(tmp_path, decide):
    """Each page looked its entry up in a cache keyed by the whole list, hashed again for every page."""
    _listing_time(decide, tmp_path / "warm", 10)  # the first listing of the run imports what the others reuse
    small = _listing_time(decide, tmp_path / "small", 1_000)
    large = _listing_time(decide, tmp_path / "large", 10_000)
    assert large / small < 20, (small, large)


@pytest.mark.parametrize("word", ["accepted", "approved"])
def test_a_status_change_that_cannot_mark_what_it_supersedes_leaves_the_record_as_it_was(repo, tmp_path, word):
    # Accepting 2 marks 1 superseded; 1 leads out of the workspace, so 2 is put back, in a team's word too.
    outside = tmp_path / "outside.md"
    outside.write_text("---\nstatus: accepted\ndate: 2026-01-01\n---\n# Use a queue\n")
    (repo / "decisions" / "0001-use-a-queue.md").symlink_to(outside)
    record = repo / "decisions" / "0002-use-a-log.md"
    record.write_text("---\nstatus: proposed\ndate: 2026-01-02\nsupersedes: [1]\n---\n# Use a log\n")
    before = record.read_bytes()
    result = _bounded("adr", "status", "2", word, "--force", cwd=repo)
    assert result.returncode == 2 and "outside the workspace" in result.stderr, result.stderr
    assert record.read_bytes() == before and "status: accepted" in outside.read_text()
