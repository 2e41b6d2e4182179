"""What a careless or hostile team can put in a workspace: each is refused by name, nothing is recorded from it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import BRANCH_CARD, git

# --- a card that links out of the workspace is read by no command --------------------------------


def _card_linked_out(repo, tmp_path, decide):
    """P1, whose card is a symbolic link to a file outside the workspace; the evidence ledger's bytes before."""
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    card = repo / "prototypes" / "0001-streaming-ingest.md"
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(card.read_bytes())
    card.unlink()
    card.symlink_to(outside)
    return outside


@pytest.mark.parametrize("command", [
    ["proto", "show", "P1"],
    ["evidence", "add", "P1", "latency", "150"],
    ["iterate", "P1", "--reason", "more data"],
])
def test_a_card_linking_out_of_the_workspace_is_refused_by_commands_naming_one_card(repo, tmp_path, decide, command):
    outside = _card_linked_out(repo, tmp_path, decide)
    result = decide(*command, cwd=repo)
    assert result.exit_code == 2, result
    assert (f"prototypes/0001-streaming-ingest.md: error: cannot read: a symbolic link to {outside}, "
            "outside the workspace") in result.stderr
    for ledger in ("evidence.jsonl", "verdicts.jsonl"):
        assert not (repo / "prototypes" / ledger).exists()


# --- a discard never deletes the main branch --------------------------------------------------------

@pytest.mark.parametrize("config", ["", '\n[git]\nmain_branch = "trunk"\n'])
def test_discarding_a_card_that_names_the_main_branch_is_refused_before_the_verdict(repo, decide, config):
    """A card whose `branch:` is the main branch (a slip of the pen): discard would tag and delete it."""
    main = "trunk" if config else "main"
    if config:
        git(repo, "branch", "-m", "main", "trunk")
        with (repo / "decisionbook.toml").open("a") as settings:
            settings.write(config)
    (repo / "prototypes" / "0003-ingest.md").write_text(BRANCH_CARD.format(branch=main))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "card")
    git(repo, "checkout", "-q", "-b", "work")  # the main branch is not checked out: nothing else stops it
    tip = git(repo, "rev-parse", main).strip()
    result = decide("discard", "P3", "--reason", "too slow", cwd=repo)
    assert result.exit_code == 2, result
    assert f"prototypes/0003-ingest.md:7: error: branch {main!r} is the main branch; a discard never archives it" \
        in result.stderr
    assert git(repo, "rev-parse", main).strip() == tip and not git(repo, "tag", "-l")
    assert not (repo / "prototypes" / "verdicts.jsonl").exists()
    kept = decide("discard", "P3", "--reason", "too slow", "--keep-branch", cwd=repo)
    assert kept.exit_code == 0, kept
    assert git(repo, "rev-parse", main).strip() == tip


# --- a ledger that cannot be read at all is not listed as an empty one ------------------------------

@pytest.mark.parametrize("name", ["evidence", "effort"])
def test_listing_a_ledger_that_cannot_be_read_exits_2_not_as_an_empty_ledger(repo, decide, name):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "latency", "150", cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "2", cwd=repo).exit_code == 0
    path = repo / "prototypes" / f"{name}.jsonl"
    path.unlink()
    path.mkdir()  # e.g. a merge that left a folder where the ledger was
    listed = decide(name, "list", "--format", "json", cwd=repo)
    assert listed.exit_code == 2, listed
    assert f"prototypes/{name}.jsonl: error: cannot read: not a regular file (a folder)" in listed.stderr
    assert listed.stdout == "[]\n"


def test_a_card_linking_out_is_named_by_its_path_in_the_workspace_in_check_and_proto_list(repo, tmp_path, decide):
    outside = _card_linked_out(repo, tmp_path, decide)
    refused = f"cannot read: a symbolic link to {outside}, outside the workspace"
    checked = decide("check", cwd=repo)
    assert f"\nprototypes/0001-streaming-ingest.md: error: {refused}\n" in f"\n{checked.stdout}"
    listed = decide("proto", "list", "--format", "json", cwd=repo)
    assert [row["path"] for row in json.loads(listed.stdout)] == ["prototypes/0001-streaming-ingest.md"]


# --- settings that would flag every prototype ---------------------------------------------------------

@pytest.mark.parametrize("key", ["max_extensions", "stale_days"])
def test_a_negative_count_in_the_triage_settings_is_refused_naming_its_line(repo, decide, key):
    (repo / "decisionbook.toml").write_text(f"[triage]\n{key} = -1\n")
    for args in (("check",), ("triage",)):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2, (args, result)
        assert f"decisionbook.toml:2: error: [triage] {key} must not be negative" in result.stderr


# --- the card after P9999 ---------------------------------------------------------------------------

def test_the_card_proto_new_makes_after_p9999_is_listed_and_judged(repo, decide):
    """A hand-made `9999-scratch.md` makes the next card `10000-...`: it must not drop out of every list."""
    assert decide("proto", "new", "Scratch", cwd=repo).exit_code == 0
    (repo / "prototypes" / "0001-scratch.md").rename(repo / "prototypes" / "9999-scratch.md")
    made = decide("proto", "new", "Streaming ingest", cwd=repo)
    assert made.exit_code == 0 and made.stdout == "prototypes/10000-streaming-ingest.md\n", made
    listed = decide("proto", "list", "--format", "json", cwd=repo)
    assert [row["ref"] for row in json.loads(listed.stdout)] == ["P9999", "P10000"], listed  # in number order
    triaged = decide("triage", cwd=repo)
    assert triaged.stdout.index("P9999 ") < triaged.stdout.index("P10000 "), triaged


# --- the union merge line for a prototypes folder with a space or a glob character ----------------

@pytest.mark.parametrize("folder", ["my protos", "protos[1]", "#notes", "a*b", 'say "hi"', "!x"])
def test_init_marks_the_ledgers_of_any_prototypes_folder_for_union_merges(tmp_path, decide, folder):
    root = tmp_path / "ws"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "decisionbook.toml").write_text(f"[paths]\nprototypes = {json.dumps(folder)}\n")
    assert decide("init", ".", cwd=root).exit_code == 0
    asked = subprocess.run(["git", "check-attr", "-z", "merge", "--", f"{folder}/evidence.jsonl", "a-b/evidence.jsonl"],
                           cwd=root, capture_output=True, text=True)
    assert asked.stderr == ""  # a line git cannot read is warned about by every git command
    assert asked.stdout.split("\0")[:-1] == [f"{folder}/evidence.jsonl", "merge", "union",
                                             "a-b/evidence.jsonl", "merge", "unspecified"]


# --- a terminal whose encoding cannot show a title -----------------------------------------------

@pytest.mark.parametrize("args", [("adr", "list"), ("proto", "list"), ("proto", "show", "1")])
def test_output_a_latin_1_terminal_cannot_encode_is_escaped_not_a_traceback(repo, decide, decide_process, args):
    assert decide("adr", "new", "Cache the ☃ pages", "--no-edit", cwd=repo).exit_code == 0
    assert decide("proto", "new", "Cache the ☃ pages", cwd=repo).exit_code == 0
    result = decide_process(*args, cwd=repo, env={"PYTHONIOENCODING": "latin-1"})
    assert result.exit_code == 0, result
    assert "Cache the \\u2603 pages" in result.stdout


# --- arguments typed in a terminal that does not send UTF-8 ---------------------------------------

@pytest.mark.parametrize("args, shown", [
    (("adr", "new", "Caf\udce9 menu", "--no-edit"), "Caf\\xe9 menu"),  # "Café" from a latin-1 terminal: 0xE9 alone
    (("proto", "new", "Caf\udce9 menu"), "Caf\\xe9 menu"),
    (("evidence", "add", "P1", "latency", "150", "--note", "caf\udce9"), "caf\\xe9"),
    (("iterate", "P1", "--reason", "caf\udce9"), "caf\\xe9"),
])
def test_an_argument_that_is_not_utf8_is_refused_before_anything_is_written(repo, decide, decide_process, args, shown):
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "latency", "--target", "<= 200", cwd=repo).exit_code == 0
    before = {p: p.read_bytes() for folder in ("prototypes", "decisions") for p in (repo / folder).iterdir()}
    result = decide_process(*args, cwd=repo)
    assert result.exit_code == 2, result
    assert result.stderr == (f"error: argument '{shown}' is not UTF-8 text; "
                             "run decide in a UTF-8 locale (LANG=C.UTF-8, say)\n")
    assert {p: p.read_bytes() for folder in ("prototypes", "decisions") for p in (repo / folder).iterdir()} == before


# --- a settings file that links out of the workspace is not read ------------------------------------

@pytest.mark.parametrize("name, text", [
    ("decisionbook.toml", '[paths]\ndecisions = "elsewhere"\n'),
    (".adr-dir", "elsewhere\n"),
    (".log4brains.yml", "project:\n  adrFolder: elsewhere\n"),
])
def test_a_settings_file_linking_out_of_the_workspace_is_refused_by_name(repo, tmp_path, decide, name, text):
    outside = tmp_path / "outside" / name
    outside.parent.mkdir()
    outside.write_text(text)
    (repo / "decisionbook.toml").unlink()
    (repo / name).symlink_to(outside)
    for args in (("check",), ("adr", "list"), ("triage",)):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2, (args, result)
        assert f"{name}: error: cannot read: a symbolic link to {outside}, outside the workspace" in result.stderr
        assert "elsewhere" not in result.output.replace(str(outside), "")


def test_a_settings_file_linking_inside_the_workspace_is_read(repo, decide):
    (repo / "config").mkdir()
    (repo / "config" / "decisionbook.toml").write_text('[paths]\ndecisions = "docs/adr"\n')
    (repo / "decisionbook.toml").unlink()
    (repo / "decisionbook.toml").symlink_to(Path("config") / "decisionbook.toml")
    (repo / "docs" / "adr").mkdir(parents=True)
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=repo).exit_code == 0
    assert [p.name for p in (repo / "docs" / "adr").iterdir()] == ["0001-use-kafka.md"]
