"""`decide adr ...` end to end through the real command, in real git repositories."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import DECIDE, git, repository_with
from toolkit.bundled import templates_dir
from toolkit.records import frontmatter

FIXTURES = Path(__file__).parent / "fixtures" / "adr"


def new(decide, repo, title, *args):
    result = decide("adr", "new", title, "--no-edit", "--date", "2026-11-20", *args, cwd=repo)
    assert result.exit_code == 0, result.output
    return repo / result.stdout.strip()


def rows(decide, repo, *args):
    result = decide("adr", "list", "--format", "json", *args, cwd=repo)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_three_adrs_accept_one_supersede_it_with_a_fourth(decide, repo):
    for title in ("Use PostgreSQL", "Use Kafka for events", "Cache in Redis"):
        new(decide, repo, title)
    assert decide("adr", "status", "1", "accepted", "--date", "2026-11-21", "--force", cwd=repo).exit_code == 0
    fourth = new(decide, repo, "Use CockroachDB", "--supersedes", "1")
    assert fourth.name == "0004-use-cockroachdb.md"

    listed = rows(decide, repo)
    assert [(r["number"], r["status"]) for r in listed] == [
        (1, "superseded"), (2, "proposed"), (3, "proposed"), (4, "proposed")
    ]
    assert listed[0]["superseded_by"] == "4" and listed[3]["supersedes"] == ["1"]
    assert listed[0]["date"] == "2026-11-20"  # MADR's date is the last change's: the new record's day superseded it

    shown = decide("adr", "show", "4", cwd=repo).stdout
    assert "supersedes ADR-0001: Use PostgreSQL (superseded)" in shown
    shown = decide("adr", "show", "ADR-0001", cwd=repo).stdout
    assert "superseded by ADR-0004: Use CockroachDB (proposed)  [recorded both]" in shown
    as_json = json.loads(decide("adr", "show", "1", "--format", "json", cwd=repo).stdout)
    assert as_json["related"] == [
        {"relation": "superseded by", "adr": "4", "title": "Use CockroachDB", "status": "proposed", "recorded": "both"}
    ]

    check = decide("check", cwd=repo)
    assert check.exit_code == 0, check.output

    assert decide("adr", "index", cwd=repo).stdout.startswith("updated")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "adrs")
    again = decide("adr", "index", cwd=repo)
    assert again.exit_code == 0 and again.stdout.startswith("unchanged")
    assert git(repo, "status", "--porcelain") == ""
    assert decide("adr", "index", "--check", cwd=repo).exit_code == 0
    readme = (repo / "decisions" / "README.md").read_text()
    assert "| ADR-0004 | [Use CockroachDB](0004-use-cockroachdb.md) | proposed | 2026-11-20 |" in readme


def test_new_file_content_and_printed_path(decide, repo):
    path = new(decide, repo, "Ship the Ümlaut API: v2 / beta!")
    assert path.name == "0001-ship-the-umlaut-api-v2-beta.md"
    doc = frontmatter.read(path)
    assert doc.meta == {"status": "proposed", "date": __import__("datetime").date(2026, 11, 20),
                        "decision-makers": [], "consulted": [], "informed": []}
    assert "# Ship the Ümlaut API: v2 / beta!\n" in path.read_text()
    assert "Migration plan" not in path.read_text()


def test_new_from_a_subfolder_prints_a_path_that_works_from_there(decide, repo):
    sub = repo / "src" / "deep"
    sub.mkdir(parents=True)
    result = decide("adr", "new", "From below", "--no-edit", cwd=sub)
    assert (sub / result.stdout.strip()).resolve() == repo / "decisions" / "0001-from-below.md"


@pytest.mark.parametrize("name", ["madr.md", "nygard.md"])
def test_bundled_templates_are_valid_yaml_as_shipped_and_as_created(decide, repo, name):
    frontmatter.read(templates_dir() / name)
    path = new(decide, repo, "A: title with {braces} and # hash", "--template", name[:-3])
    frontmatter.read(path)
    assert "A: title with {braces} and # hash" in path.read_text()


def test_nygard_template_and_supersede_in_its_own_form(decide, repo):
    old = new(decide, repo, "Old way", "--template", "nygard")
    assert old.read_text().startswith("# 1. Old way\n\nDate: 2026-11-20\n\n## Status\n\nProposed\n")
    newer = new(decide, repo, "New way", "--template", "nygard", "--supersedes", "1", "--amends", "1")
    assert "## Status\n\nProposed\n\nSupersedes [1. Old way](0001-old-way.md)\n\nAmends [1. Old way](0001-old-way.md)\n" in newer.read_text()
    text = old.read_text()
    assert "## Status\n\nSuperseded by [2. New way](0002-new-way.md)\n\nAmended by [2. New way](0002-new-way.md)\n" in text
    assert decide("check", cwd=repo).exit_code == 0


def test_data_change_and_prototypes(decide, repo):
    for number in (7, 9):
        (repo / "prototypes" / f"{number:04d}-p{number}.md").write_text(f"---\ntitle: P{number}\nstatus: active\n---\n")
    path = new(decide, repo, "Split the orders table", "--data-change", "--prototype", "P7", "--prototype", "P-0009")
    doc = frontmatter.read(path)
    assert doc.meta["data-change"] is True and doc.meta["prototypes"] == [7, 9]
    assert "## Migration plan" in path.read_text()
    for number in (7, 9):
        (repo / "prototypes" / f"{number:04d}-p{number}.md").unlink()
    check = decide("check", cwd=repo)  # the prototypes it cites have no cards any more
    assert check.exit_code == 1
    assert "0001-split-the-orders-table.md:7: error: cites prototype P7, P9, which has no card in prototypes/" in check.stdout
    refused = decide("adr", "new", "X", "--no-edit", "--prototype", "Q1", cwd=repo)
    assert refused.exit_code == 2 and "prototype reference" in refused.stderr
    nygard = decide("adr", "new", "Y", "--no-edit", "--template", "nygard", "--data-change", cwd=repo)
    assert nygard.exit_code == 2 and "front matter" in nygard.stderr
    assert sorted(p.name for p in (repo / "decisions").glob("0*.md")) == ["0001-split-the-orders-table.md"]


def test_team_template_from_a_path(decide, repo, tmp_path):
    template = tmp_path / "ours.md"
    template.write_text("---\nstatus: proposed\ndate: ${date}\nowner: platform\n---\n# ${title}\n\nADR ${number}.\n")
    path = new(decide, repo, "Ours", "--template", template)
    assert path.read_text() == "---\nstatus: proposed\ndate: 2026-11-20\nowner: platform\n---\n# Ours\n\nADR 1.\n"
    missing = decide("adr", "new", "X", "--no-edit", "--template", tmp_path / "nope.md", cwd=repo)
    assert missing.exit_code == 2 and "nope.md" in missing.stderr


TITLES = ["Plain # not comment", "2026-01-01", "no", "&a x", "[list]", "|", 'He said "no"', "It's: 'quoted'", "yes",
          "Use Kafka", "back\\slash", "Café — 100%"]


@pytest.mark.parametrize("title", TITLES)
def test_a_title_filled_into_a_team_template_s_front_matter_reads_back_as_typed(decide, repo, tmp_path, title):
    template = tmp_path / "team.md"
    template.write_text("---\nstatus: proposed\ntitle: ${title}   # as typed\nquoted: \"${title}\"\n"
                        "single: '${title}'\naliases: [${title}, short]\nsummary: ADR ${number}: ${title}\n"
                        "notes: |\n  ${title} ${date}\ndate: ${date}\n---\n# ${title}\n")
    path = new(decide, repo, title, "--template", template)
    meta = frontmatter.read(path).meta
    assert (meta["title"], meta["quoted"], meta["single"]) == (title, title, title)
    assert (meta["aliases"], meta["summary"]) == ([title, "short"], f"ADR 1: {title}")
    assert (meta["notes"], str(meta["date"])) == (f"{title} 2026-11-20\n", "2026-11-20")
    text = path.read_text()
    assert "   # as typed\n" in text and text.endswith(f"\n---\n# {title}\n")
    checked = decide("check", cwd=repo)
    assert checked.exit_code == 0 and "YAML" not in checked.output and "0 error(s)" in checked.stdout


def test_a_title_that_starts_with_a_number_reads_back_as_typed(decide, repo):
    """`2024 roadmap` in 0001-2024-roadmap.md was listed as `roadmap`, with a warning that the title says 2024."""
    titles = ["3 tier architecture", "Publish the 2024 roadmap", "2024 roadmap", "12-factor configuration",
              "5 Use the record's own number"]
    for title in titles:
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    (repo / "decisions/0009-labelled.md").write_text("---\nstatus: proposed\n---\n# 12 - Labelled\n")
    # A zero-padded number is no word of a title: a record copied from another kept its number (CDC's `0003 Title`).
    (repo / "decisions/0010-copied.md").write_text("---\nstatus: proposed\n---\n# 0003 Copied\n")
    rows = json.loads(decide("adr", "list", "--format", "json", cwd=repo).stdout)
    assert [row["title"] for row in rows] == [*titles[:4], "Use the record's own number", "Labelled", "Copied"]
    checked = decide("check", cwd=repo)
    assert [line for line in checked.stdout.splitlines() if "the title says" in line] == [
        "decisions/0009-labelled.md:4: warning: the title says 12, the file name 9",
        "decisions/0010-copied.md:4: warning: the title says 3, the file name 10"]


def test_link_option_and_link_command_record_both_sides(decide, repo):
    new(decide, repo, "One")
    new(decide, repo, "Two", "--link", "1:relates-to")
    assert rows(decide, repo)[0]["links"] == [{"relation": "relates to", "adr": "2"}]
    bad = decide("adr", "new", "Three", "--no-edit", "--link", "1", cwd=repo)
    assert bad.exit_code == 2 and "N:RELATION" in bad.output

    assert decide("adr", "link", "2", "amends", "1", cwd=repo).exit_code == 0
    again = decide("adr", "link", "2", "amends", "1", cwd=repo)
    assert "already recorded" in again.stdout
    listed = rows(decide, repo)
    assert {"relation": "amended by", "adr": "2"} in listed[0]["links"]
    assert {"relation": "amends", "adr": "1"} in listed[1]["links"]

    unknown = decide("adr", "link", "2", "clarifies", "1", cwd=repo)
    assert unknown.exit_code == 2 and "--reverse" in unknown.stderr
    assert decide("adr", "link", "2", "clarifies", "1", "--reverse", "clarified-by", cwd=repo).exit_code == 0
    check = decide("check", cwd=repo)  # both sides named: the team said what its pair means, no warning
    assert check.exit_code == 0 and "is not one decisionbook knows" not in check.stdout
    shown = json.loads(decide("adr", "show", "1", "--format", "json", cwd=repo).stdout)["related"]
    assert [(r["relation"], r["recorded"]) for r in shown if r["relation"].startswith("clarif")] == [
        ("clarified by", "both")]  # one pair, not a relation and a `(reverse)` of it
    drawn = decide("adr", "graph", cwd=repo).stdout
    assert drawn.count("clarifies") + drawn.count("clarified by") == 1
    (repo / "decisions/0002-two.md").write_text(
        (repo / "decisions/0002-two.md").read_text().replace(", {relation: clarifies, adr: 1}", ""))
    one_sided = decide("check", cwd=repo).stdout  # `clarified by` on 1 is no longer answered by 2
    assert "relation 'clarified by' is not one decisionbook knows" in one_sided
    assert decide("adr", "link", "1", "amends", "1", cwd=repo).exit_code == 2
    assert decide("adr", "link", "1", "amends", "9", cwd=repo).exit_code == 2


def test_status_transitions(decide, repo):
    path = new(decide, repo, "Decide things")
    refused = decide("adr", "status", "1", "deprecated", cwd=repo)
    assert refused.exit_code == 2
    assert ("ADR-0001 is proposed; it can become accepted, rejected, superseded (--force to set deprecated anyway)"
            in refused.stderr)
    assert decide("adr", "status", "1", "rejected", "--date", "2026-11-22", cwd=repo).exit_code == 0
    assert decide("adr", "status", "1", "proposed", "--date", "2026-11-23", cwd=repo).exit_code == 0
    assert decide("adr", "status", "1", "accepted", "--date", "2026-11-24", "--force", cwd=repo).exit_code == 0
    assert decide("adr", "status", "1", "proposed", cwd=repo).exit_code == 2
    forced = decide("adr", "status", "1", "proposed", "--force", "--date", "2026-11-25", cwd=repo)
    assert forced.stdout.strip() == "ADR-0001: accepted -> proposed (2026-11-25)"
    assert frontmatter.read(path).meta["status"] == "proposed"
    assert decide("adr", "status", "1", "pondered", cwd=repo).exit_code == 2  # no status in any words
    assert decide("adr", "status", "7", "accepted", cwd=repo).exit_code == 2


def test_a_status_change_that_keeps_the_date_says_so(decide, tmp_path):
    # `**Date:**` says when the decision was taken: deprecating keeps it, yet the change printed today.
    text = "# ADR-002: B\n\n**Status:** Accepted\n**Date:** 2025-07-17\n\n## Context\n\nx\n"
    root = repository_with(tmp_path / "repo", {"docs/adr/ADR-002-b.md": text})
    changed = decide("adr", "status", "2", "deprecated", "--date", "2026-11-30", cwd=root)
    assert changed.stdout.strip() == "ADR-0002: accepted -> deprecated (its date, 2025-07-17, kept)"
    assert (root / "docs/adr/ADR-002-b.md").read_text() == text.replace("Accepted", "Deprecated")


def test_status_superseded_by(decide, repo):
    new(decide, repo, "Old")
    new(decide, repo, "New")
    decide("adr", "status", "1", "accepted", "--force", cwd=repo)
    result = decide("adr", "status", "1", "superseded", "--by", "2", "--date", "2026-11-30", cwd=repo)
    assert result.exit_code == 0, result.output
    old, newer = rows(decide, repo)
    assert (old["status_raw"], old["date"], newer["supersedes"]) == ("superseded by ADR-0002", "2026-11-30", ["1"])
    assert decide("check", cwd=repo).exit_code == 0


def test_a_person_given_to_status_by_is_sent_to_approve(decide, repo):
    # `--by` names the successor here and the approver in `adr approve`: a name given here was looked up as an ADR.
    path = new(decide, repo, "Decide things")
    before = path.read_bytes()
    refused = decide("adr", "status", "1", "accepted", "--by", "ben", cwd=repo)
    assert refused.exit_code == 2
    assert refused.stderr == ("error: --by names a successor, so it goes with the status superseded; "
                              "to record who approved, run `decide adr approve 1 --by NAME`\n")
    assert path.read_bytes() == before


def test_broken_yaml_exit_2_with_path_line_and_file_unchanged(decide, repo):
    new(decide, repo, "Fine")
    broken = repo / "decisions" / "0002-broken.md"
    shutil.copy(FIXTURES / "0008-broken-yaml.md", broken)
    before = broken.read_bytes()
    index = repo / "decisions" / "README.md"
    index_before = index.read_bytes() if index.exists() else None
    # The index and the graph would leave the record out: they name the file and write nothing.
    for args in (("adr", "status", "2", "accepted"), ("adr", "show", "2"), ("adr", "list"),
                 ("adr", "link", "1", "amends", "2"), ("adr", "index"), ("adr", "index", "--check"), ("adr", "graph")):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2, args
        assert "decisions/0002-broken.md:4: error: invalid YAML" in result.stderr
        assert "Traceback" not in result.output
    assert broken.read_bytes() == before
    assert (index.read_bytes() if index.exists() else None) == index_before
    listing = decide("adr", "list", cwd=repo)
    assert "0001-fine.md" in listing.stdout
    assert decide("adr", "status", "1", "accepted", "--force", cwd=repo).exit_code == 0
    check = decide("check", cwd=repo)
    assert check.exit_code == 1 and "decisions/0002-broken.md:4: error: invalid YAML" in check.stdout


@pytest.mark.parametrize("opened, shown", [
    ("decision-makers: [ana, ben", "while parsing a flow sequence that is never closed: expected ',' or ']', "
                                   "but got ':' on line 5"),
    ("decision-makers: {ana: product", "while parsing a flow mapping that is never closed: expected ',' or '}', "
                                       "but got ':' on line 5"),
    ("decision-makers: [ana,\n  ben", "while parsing a flow sequence that is never closed: expected ',' or ']', "
                                     "but got ':' on line 6"),
])
def test_an_unclosed_bracket_is_reported_on_the_line_that_opens_it(decide, repo, opened, shown):
    record = repo / "decisions" / "0001-use-x.md"
    record.write_text(f"---\nstatus: proposed\ndate: 2026-11-27\n{opened}\nconsulted: [chen]\n---\n# Use X\n")
    result = decide("adr", "list", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr == f"decisions/0001-use-x.md:4: error: invalid YAML: {shown}\n"
    record.write_text("---\nstatus: proposed\ndecision-makers: [ana,\n  ben]\nconsulted: [chen]\n---\n# Use X\n")
    assert decide("adr", "list", cwd=repo).exit_code == 0  # a list over two lines that is closed is fine


def test_list_filters_and_formats(decide, repo):
    new(decide, repo, "Alpha, with comma")
    new(decide, repo, "Beta")
    decide("adr", "status", "2", "accepted", "--force", cwd=repo)
    assert [r["title"] for r in rows(decide, repo, "--status", "accepted")] == ["Beta"]
    table = decide("adr", "list", cwd=repo).stdout.splitlines()
    assert table[0].split() == ["NUMBER", "TITLE", "STATUS", "DATE", "PATH"]
    assert table[2].split()[:3] == ["2", "Beta", "accepted"]
    csv_lines = decide("adr", "list", "--format", "csv", cwd=repo).stdout.splitlines()
    assert csv_lines[1] == '1,"Alpha, with comma",proposed,2026-11-20,decisions/0001-alpha-with-comma.md'


def test_bidi_title_is_shown_visibly(decide, repo):
    new(decide, repo, "Pay \u202eevil")
    assert "Pay <U+202E>evil" in decide("adr", "list", cwd=repo).stdout
    assert "<U+202E>" in decide("adr", "show", "1", cwd=repo).stdout
    assert decide("adr", "new", "bad\x00title", "--no-edit", cwd=repo).exit_code == 2


def test_graph_formats(decide, repo):
    new(decide, repo, 'Say "hi"')
    new(decide, repo, "Two", "--supersedes", "1", "--amends", "1")
    dot = decide("adr", "graph", cwd=repo).stdout
    assert 'adr_1 [label="ADR-0001: Say \\"hi\\"\\n(superseded)"];' in dot
    assert 'adr_2 -> adr_1 [label="supersedes"];' in dot and 'adr_2 -> adr_1 [label="amends"];' in dot
    assert dot.count("->") == 2
    mermaid = decide("adr", "graph", "--format", "mermaid", cwd=repo).stdout
    assert mermaid.startswith("graph LR\n") and "adr_2 -->|supersedes| adr_1" in mermaid
    assert '"hi"' not in mermaid and "#34;hi#34;" in mermaid


def test_index_keeps_the_rest_of_the_readme(decide, repo):
    readme = repo / "decisions" / "README.md"
    readme.write_bytes(b"# Our decisions\r\n\r\nIntro text.\r\n\r\n<!-- decisionbook:index:start -->\r\nold\r\n<!-- decisionbook:index:end -->\r\n\r\nFooter.\r\n")
    new(decide, repo, "A | pipe")
    assert decide("adr", "index", "--check", cwd=repo).exit_code == 1
    decide("adr", "index", cwd=repo)
    data = readme.read_bytes()
    assert data.startswith(b"# Our decisions\r\n\r\nIntro text.\r\n\r\n<!-- decisionbook:index:start -->\r\n\r\n| ADR |")
    assert data.endswith(b"<!-- decisionbook:index:end -->\r\n\r\nFooter.\r\n")
    assert b"[A \\| pipe](0001-a-pipe.md)" in data and b"old" not in data
    assert decide("adr", "index", "--check", cwd=repo).exit_code == 0


def test_editor_is_not_opened_without_a_terminal(decide, repo, tmp_path):
    marker = tmp_path / "opened"
    editor = tmp_path / "editor.sh"
    editor.write_text(f"#!/bin/sh\ntouch {marker}\n")
    editor.chmod(0o755)
    os.environ["EDITOR"] = str(editor)
    try:
        assert decide("adr", "new", "No terminal", cwd=repo).exit_code == 0
    finally:
        del os.environ["EDITOR"]
    assert not marker.exists()


def test_commands_outside_a_workspace_fail_cleanly(decide, tmp_path):
    result = decide("adr", "list", cwd=tmp_path)
    assert result.exit_code == 2 and "decide init" in result.stderr


def test_templates_load_as_yaml_without_placeholders_being_mappings():
    for name in ("madr.md", "nygard.md"):
        doc = frontmatter.read(templates_dir() / name)
        assert all(not isinstance(v, (dict, list)) or v == [] for v in (doc.meta or {}).values())
    assert yaml.safe_load("date: ${date}") == {"date": "${date}"}


def test_new_refuses_before_creating_when_a_target_cannot_be_edited(decide, repo):
    (repo / "decisions" / "0001-plain.md").write_text("---\n- a list, not keys\n---\n# Plain\n\nNo status anywhere.\n")
    result = decide("adr", "new", "Next", "--no-edit", "--supersedes", "1", cwd=repo)
    assert result.exit_code == 2 and "cannot edit" in result.stderr
    assert sorted(p.name for p in (repo / "decisions").iterdir()) == ["0001-plain.md"]


def test_index_in_a_readme_that_starts_with_a_rule(decide, repo):
    readme = repo / "decisions" / "README.md"
    readme.write_text("---\nnot: [front matter\n")
    new(decide, repo, "One")
    assert decide("adr", "index", cwd=repo).exit_code == 0
    assert readme.read_text().startswith("---\nnot: [front matter\n\n<!-- decisionbook:index:start -->\n")


def test_index_and_graph_escape_titles(decide, repo):
    new(decide, repo, "Render <script>alert(1)</script> \u202eevil")
    decide("adr", "index", cwd=repo)
    readme = (repo / "decisions" / "README.md").read_text()
    assert "<script>" not in readme and "&lt;script>" in readme and "<U+202E>evil" in readme
    assert "\u202e" not in decide("adr", "graph", cwd=repo).stdout


def test_titles_cannot_make_paths_escape_or_hide(decide, repo):
    names = [new(decide, repo, title).name for title in ("../../etc/passwd", ".hidden", "x" * 300, "日本語")]
    assert names[:2] == ["0001-etc-passwd.md", "0002-hidden.md"]
    assert len(names[2]) <= len("0003-.md") + 60 and names[3] == "0004-日本語.md"  # its own letters, no path
    assert sorted(p.name for p in (repo / "decisions").iterdir()) == sorted(names)


@pytest.mark.parametrize("template", ["madr", "nygard"])
def test_supersede_on_accept_waits_for_the_new_record(decide, repo, template):
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + '\n[adr]\nsupersede-on = "accept"\n')
    old = new(decide, repo, "Use PostgreSQL", "--template", template)
    assert decide("adr", "status", "1", "accepted", "--date", "2026-11-21", "--force", cwd=repo).exit_code == 0
    before = old.read_bytes()
    created = decide("adr", "new", "Use CockroachDB", "--no-edit", "--template", template, "--supersedes", "1", cwd=repo)
    assert created.exit_code == 0, created.output
    assert "ADR-0001 will be marked superseded when ADR-0002 is accepted" in created.stderr
    assert old.read_bytes() == before
    assert [r["status"] for r in rows(decide, repo)] == ["accepted", "proposed"]
    shown = decide("adr", "show", "1", cwd=repo).stdout
    assert "to be superseded by ADR-0002: Use CockroachDB (proposed)  [recorded there]" in shown
    check = decide("check", cwd=repo)
    others = [line for line in check.stdout.splitlines()[:-1] if "is still the template's text" not in line]
    assert check.exit_code == 0 and others == [], check.output

    accepted = decide("adr", "status", "2", "accepted", "--date", "2026-11-22", "--force", cwd=repo)
    assert accepted.exit_code == 0, accepted.output
    listed = rows(decide, repo)
    assert [r["status"] for r in listed] == ["superseded", "accepted"] and listed[0]["superseded_by"] == "2"
    assert "superseded by ADR-0002: Use CockroachDB (accepted)  [recorded both]" in decide("adr", "show", "1", cwd=repo).stdout
    assert decide("check", cwd=repo).exit_code == 0


def test_supersede_on_must_be_create_or_accept(decide, repo):
    config = repo / "decisionbook.toml"
    config.write_text(config.read_text() + '\n[adr]\nsupersede-on = "later"\n')
    result = decide("adr", "list", cwd=repo)
    assert result.exit_code == 2 and '[adr] supersede-on must be "create" or "accept"' in result.stderr


def test_a_new_record_that_supersedes_dates_the_older_one_as_a_status_change_does(decide, repo):
    # MADR's date is the day the record last changed: superseding by a new record changes it, as `status` does.
    old = new(decide, repo, "Use PostgreSQL")
    assert decide("adr", "status", "1", "accepted", "--force", "--date", "2026-11-21", cwd=repo).exit_code == 0
    made = decide("adr", "new", "Use CockroachDB", "--supersedes", "1", "--no-edit", "--date", "2026-11-25", cwd=repo)
    assert made.exit_code == 0, made.output
    meta = frontmatter.read(old).meta
    assert (meta["status"], str(meta["date"])) == ("superseded by ADR-0002", "2026-11-25")


def test_a_day_that_is_no_date_is_refused_in_the_same_words_by_every_command(decide, repo):
    new(decide, repo, "Use PostgreSQL")
    for args in (("adr", "status", "1", "accepted", "--date", "2026-13-01"),
                 ("adr", "approve", "1", "--by", "ana", "--date", "2026-13-01"),
                 ("report", "weekly", "--as-of", "2026-13-01"), ("triage", "--as-of", "2026-13-01")):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2 and "'2026-13-01' is not a date; write YYYY-MM-DD" in result.stderr, args


def test_a_day_outside_1900_to_2999_is_refused_by_every_command_that_takes_one(decide, repo):
    new(decide, repo, "Use PostgreSQL")
    assert decide("proto", "new", "Streaming ingest", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo).exit_code == 0
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}
    for day in ("0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"):
        for args in (("adr", "new", "X", "--no-edit", "--date", day), ("adr", "status", "1", "accepted", "--date", day),
                     ("adr", "approve", "1", "--by", "ana", "--date", day), ("report", "weekly", "--as-of", day),
                     ("report", "weekly", "--since", day), ("report", "log", "--as-of", day),
                     ("triage", "--as-of", day), ("meeting", "close", "--date", day),
                     ("evidence", "add", "P1", "p99", "3", "--measured", day),
                     ("effort", "log", "P1", "1", "--date", day),
                     ("proto", "new", "Y", "--deadline", day), ("proto", "show", "1", "--as-of", day),
                     ("iterate", "P1", "--reason", "r", "--deadline", day)):
            result = decide(*args, cwd=repo)
            assert result.exit_code == 2, (args, result.output)
            assert f"{day!r} is outside the days decisionbook takes (1900-01-01 to 2999-12-31)" in result.stderr, args
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts} == before


def test_what_new_and_list_cannot_use_is_refused_before_anything_is_written(decide, repo):
    new(decide, repo, "Use PostgreSQL")
    for args, message in ((("adr", "new", "X", "--prototype", "P99", "--no-edit"), "no prototype P99"),
                          (("adr", "new", "X", "--link", "1:bogus", "--no-edit"),
                           "`decide adr link N bogus 1 --reverse"),
                          (("adr", "list", "--status", "bogus"), "no status 'bogus'")):
        result = decide(*args, cwd=repo)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)
    assert sorted(p.name for p in (repo / "decisions").glob("0*.md")) == ["0001-use-postgresql.md"]


def test_a_numbered_record_is_named_by_its_slug_alike_by_every_command(decide, tmp_path):
    # `adr show rfc-process` said "no ADR" where `adr status rfc-process` changed 0001, and `status go` changed
    # 0002-use-go, whose slug only ends in the word typed.
    nygard = "# {n}. {title}\n\nDate: 2024-01-02\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "team", {
        "docs/adr/0001-rfc-process.md": nygard.format(n=1, title="RFC process"),
        "docs/adr/0002-use-go.md": nygard.format(n=2, title="Use Go"),
    })
    shown = decide("adr", "show", "rfc-process", "--format", "json", cwd=root)
    assert shown.exit_code == 0 and json.loads(shown.stdout)["title"] == "RFC process", shown.output
    assert json.loads(decide("adr", "show", "use-go", "--format", "json", cwd=root).stdout)["number"] == 2
    for command in (("show", "go"), ("status", "go", "accepted")):
        refused = decide("adr", *command, cwd=root)
        assert refused.exit_code == 2 and "no ADR go" in refused.output, refused.output
    assert "Proposed" in (root / "docs/adr/0002-use-go.md").read_text()


def test_a_slug_two_numbered_records_share_names_neither(decide, tmp_path):
    nygard = "# {n}. Use Postgres\n\nDate: 2024-01-02\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "team", {
        "docs/adr/0001-use-postgres.md": nygard.format(n=1, status="Superseded by [5](0005-use-postgres.md)"),
        "docs/adr/0005-use-postgres.md": nygard.format(n=5, status="Accepted"),
    })
    for command in ("show", "status"):
        refused = decide("adr", command, "use-postgres", *(["rejected"] if command == "status" else []), cwd=root)
        assert refused.exit_code == 2, refused.output
        assert "0001-use-postgres.md, 0005-use-postgres.md share that slug" in refused.output, refused.output


def test_a_word_a_dated_record_s_slug_only_ends_in_names_no_record(decide, tmp_path):
    # `status strategy` changed 2025-06-09_logging-strategy.md, whose slug only ends in the word typed.
    record = "# {title}\n\n- Status: proposed\n- Date: 2025-06-09\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "team", {
        "docs/adr/2025-06-09_logging-strategy.md": record.format(title="Logging strategy"),
        "docs/adr/20201001-adopt-graphql.md": record.format(title="Adopt GraphQL"),
    })
    refused = decide("adr", "status", "strategy", "deprecated", "--force", cwd=root)
    assert refused.exit_code == 2 and "no ADR strategy" in refused.output, refused.output
    assert "- Status: proposed" in (root / "docs/adr/2025-06-09_logging-strategy.md").read_text()
    for slug, title in (("logging-strategy", "Logging strategy"), ("adopt-graphql", "Adopt GraphQL")):
        shown = decide("adr", "show", slug, "--format", "json", cwd=root)
        assert shown.exit_code == 0 and json.loads(shown.stdout)["title"] == title, shown.output


@pytest.mark.parametrize("editor, reason", [("false", "Editing failed"),
                                            ("no-such-editor", "No such file or directory")])
def test_an_editor_that_fails_leaves_the_record_and_is_named_as_bad_input(repo, decide_process, editor, reason):
    """`$EDITOR` naming an editor this machine lacks (`code` on a server), or one that exits non-zero."""
    import pty

    terminal, stdin = pty.openpty()
    try:
        proc = subprocess.run([DECIDE, "adr", "new", "Use a queue"], cwd=repo, stdin=stdin, capture_output=True,
                              text=True, env={**os.environ, "EDITOR": editor})
    finally:
        os.close(stdin)
        os.close(terminal)
    path = "decisions/0001-use-a-queue.md"
    assert "Traceback" not in proc.stderr
    assert (proc.returncode, proc.stdout) == (2, path + "\n")
    assert proc.stderr.startswith(f"{path}: error: the record is written, but the editor ({editor}) failed: ")
    assert reason in proc.stderr
    assert "# Use a queue" in (repo / path).read_text()



def test_a_relation_one_record_lacks_is_named_with_the_command_that_records_it(repo, decide):
    # A command stopped between its two writes (or a hand edit) left `amends` on one side: check named it, not the fix.
    assert decide("adr", "new", "One", "--no-edit", cwd=repo).exit_code == 0
    assert decide("adr", "new", "Two", "--no-edit", "--amends", "1", cwd=repo).exit_code == 0
    (first,) = (repo / "decisions").glob("0001-*.md")
    first.write_text(first.read_text().replace("links: [{relation: amended by, adr: 2}]", "links: []"))
    checked = decide("check", cwd=repo)
    assert ("decisions/0002-two.md:7: error: amends ADR 1, but ADR 1 does not record amended by ADR 2 back; "
            "`decide adr link 2 amends 1` records it there") in checked.stdout, checked
    assert decide("adr", "link", "2", "amends", "1", cwd=repo).exit_code == 0
    assert "does not record" not in decide("check", cwd=repo).stdout


def test_index_cells_escape_markup_but_not_code_or_a_site_s_shortcodes(decide, tmp_path):
    # A status naming its successor by a Hugo reference (`{{< ref "x.md" >}}`) was written `{{&lt; ref`, which
    # breaks the site; `&lt;` inside code shows as the four characters.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-one.md": '# 1. One\n\n## Status\n\nSuperseded by [ADR-0002]({{< ref "0002-two.md" >}})\n',
        "docs/adr/0002-two.md": "# 2. Two\n\n## Status\n\nAccepted, see `IND-<n>` and <b>this</b>\n",
        "docs/adr/0003-three.md": "# 3. Three\n\n## Status\n\nProposed: \\`<i>x</i>\\`\n",
    })
    assert decide("adr", "index", cwd=root).exit_code == 0
    index = (root / "docs/adr/README.md").read_text()
    assert '({{< ref "0002-two.md" >}})' in index, index
    assert "`IND-<n>` and &lt;b>this&lt;/b>" in index, index
    assert "\\`&lt;i>x&lt;/i>\\`" in index, index


def test_a_record_that_adr_link_marks_superseded_is_dated_as_a_change_of_status_dates_it(decide, repo):
    # `adr link 2 supersedes 1` changed 1's status and left its `date:` as it was; `adr status 1 superseded --by 2`
    # stamps it: one change, one result.
    madr = "---\nstatus: accepted\ndate: 2026-01-0{n}\n---\n# Record {n}\n\n## Context and Problem Statement\n\nWhy.\n"
    for n in (1, 2):
        (repo / "decisions" / f"000{n}-record-{n}.md").write_text(madr.format(n=n))
    assert decide("adr", "link", "2", "supersedes", "1", cwd=repo).exit_code == 0
    today = dt.date.today().isoformat()
    assert (repo / "decisions" / "0001-record-1.md").read_text().startswith(
        f"---\nstatus: superseded by ADR-0002\ndate: {today}\n---\n")
    assert (repo / "decisions" / "0002-record-2.md").read_text().startswith(
        "---\nstatus: accepted\ndate: 2026-01-02\nsupersedes: [1]\n---\n")


def test_a_record_set_to_the_status_it_has_is_left_as_it_is(decide, repo):
    # `adr approve N` then `adr status N accepted`, on a record accepted already: it was refused, exit 2.
    path = repo / "decisions" / "0001-record-1.md"
    path.write_text("---\nstatus: accepted\ndate: 2026-01-01\n---\n# Record 1\n\n## Context and Problem Statement\n\nWhy.\n")
    before = path.read_bytes()
    again = decide("adr", "status", "1", "accepted", cwd=repo)
    assert (again.exit_code, again.stdout) == (0, "ADR-0001 is already accepted; nothing changed\n"), again.output
    assert path.read_bytes() == before


def test_index_check_says_an_index_not_written_yet_does_not_exist(decide, repo):
    # "the ADR index is out of date" was said of a README that no one had written.
    new(decide, repo, "First")
    (repo / "decisions" / "README.md").unlink(missing_ok=True)
    result = decide("adr", "index", "--check", cwd=repo)
    assert result.exit_code == 1
    assert "decisions/README.md: error: the ADR index does not exist yet; run `decide adr index`" in result.stderr
