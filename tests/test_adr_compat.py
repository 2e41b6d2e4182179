"""Existing ADR folders (adr-tools, MADR 2/3/4, log4brains) read and edited in place, in their own form."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import git, listed_adrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from adr_generate import generate  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "adr"


def test_adr_tools_folder_from_the_generator_lists_every_record(decide, tmp_path):
    root = tmp_path / "legacy"
    folder = generate(root, 30, "adr-tools", git=True)
    result = decide("adr", "list", "--format", "json", cwd=root / "doc")
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert [r["number"] for r in listed] == list(range(1, 31))
    assert all(r["form"] == "nygard" and r["path"].startswith("doc/adr/") for r in listed)
    assert {r["number"]: r["status"] for r in listed if r["status"] != "accepted"} == {10: "superseded", 20: "superseded"}
    assert listed[9]["superseded_by"] == "11" and listed[10]["supersedes"] == ["10"]
    assert listed[4]["title"] == "Use option 5 for the auth layer (5)"
    assert len(list(folder.iterdir())) == 30
    assert decide("check", cwd=root).exit_code == 0


def test_superseding_in_an_adr_tools_folder_changes_only_its_status_lines(decide, tmp_path):
    root = tmp_path / "legacy"
    generate(root, 5, "adr-tools", git=True)
    result = decide("adr", "new", "Replace option three", "--template", "nygard", "--supersedes", "3",
                    "--no-edit", "--date", "2026-11-27", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "doc/adr/0006-replace-option-three.md"
    diff = git(root, "diff", "--unified=0", "--no-color")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-Accepted", "+Superseded by [6. Replace option three](0006-replace-option-three.md)"]
    assert "doc/adr/0003-" in diff and diff.count("diff --git") == 1
    created = (root / "doc/adr/0006-replace-option-three.md").read_text()
    assert created.startswith("# 6. Replace option three\n\nDate: 2026-11-27\n\n## Status\n\nProposed\n\n"
                              "Supersedes [3. Use option 3 for the search layer (3)](0003-use-option-3-for-the-search-layer-3.md)\n")
    assert decide("check", cwd=root).exit_code == 0


def test_mixed_folder_of_every_generation_is_listed_and_checked(decide, tmp_path):
    root = tmp_path / "mixed"
    folder = root / "docs" / "adr"
    shutil.copytree(FIXTURES, folder)
    git(root, "init", "-q", "-b", "main")
    listed = decide("adr", "list", "--format", "json", cwd=root)
    assert listed.exit_code == 2  # 0008 cannot be read; everything else is still listed
    assert "docs/adr/0008-broken-yaml.md:4: error: invalid YAML" in listed.stderr
    keys = [r["key"] for r in json.loads(listed.stdout)]
    assert keys == ["1", "2", "3", "4", "5", "6", "7", "9", "10", "11", "20200925-use-log4brains"]

    check = decide("check", "--format", "json", cwd=root)
    assert check.exit_code == 1
    report = json.loads(check.stdout)
    found = {(f["path"], f["line"], f["severity"]) for f in report["findings"]}
    assert ("docs/adr/0008-broken-yaml.md", 4, "error") in found
    assert not [f for f in found if f[0] == "docs/adr/0011-no-title.md"]  # titled from its file name
    assert ("docs/adr/0007-upstream-placeholders.md", 2, "warning") in found
    assert ("docs/adr/0006-not-a-mapping.md", 2, "warning") in found
    assert ("docs/adr/0005-nygard-links.md", 13, "warning") in found  # Clarified by
    assert ("docs/adr/0009-consequence-of.md", 11, "warning") in found
    assert ("docs/adr/0010-unknown-status.md", 2, "warning") in found


def test_log4brains_records_are_found_by_slug(decide, tmp_path):
    root = tmp_path / "kb"
    folder = root / "docs" / "adr"
    folder.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copy(FIXTURES / "20200925-use-log4brains.md", folder)
    (folder / "20201001-adopt-graphql.md").write_text(
        "# Adopt GraphQL\n\n- Status: proposed\n- Date: 2020-10-01\n\n## Context and Problem Statement\n\nClients over-fetch.\n"
    )
    (folder / "template.md").write_text("# Title\n\n- Status: draft\n")
    (folder / "README.md").write_text("# Decisions\n")
    listed = listed_adrs(decide, root)
    assert [(r["number"], r["key"]) for r in listed] == [
        (None, "20200925-use-log4brains"), (None, "20201001-adopt-graphql")
    ]
    table = decide("adr", "list", cwd=root).stdout
    assert table.splitlines()[2].split()[:3] == ["20201001-adopt-graphql", "Adopt", "GraphQL"]
    result = decide("adr", "status", "adopt-graphql", "accepted", "--date", "2020-10-05", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (folder / "20201001-adopt-graphql.md").read_text().startswith(
        "# Adopt GraphQL\n\n- Status: accepted\n- Date: 2020-10-05\n\n"
    )
    link = decide("adr", "link", "20201001-adopt-graphql", "relates-to", "use-log4brains", cwd=root)
    assert link.exit_code == 0, link.output
    assert "- Relates to [Adopt GraphQL](20201001-adopt-graphql.md)" in (folder / "20200925-use-log4brains.md").read_text()
    assert "## Links\n\n- Relates to [Use Log4brains to manage the ADRs](20200925-use-log4brains.md)\n" in (
        folder / "20201001-adopt-graphql.md"
    ).read_text()
    check = decide("check", cwd=root)
    assert check.exit_code == 1  # the copied record links to an ADR 3 this folder does not have
    assert check.stdout.splitlines()[0] == "docs/adr/20200925-use-log4brains.md:14: error: relates to ADR 3, which does not exist"


def test_crlf_and_bom_files_keep_their_bytes_through_an_edit(decide, repo):
    folder = repo / "decisions"
    data = (FIXTURES / "0001-madr4-full.md").read_bytes().replace(b"\n", b"\r\n")
    path = folder / "0001-madr4-full.md"
    path.write_bytes(b"\xef\xbb\xbf" + data)
    result = decide("adr", "status", "1", "deprecated", "--date", "2026-11-27", cwd=repo)
    assert result.exit_code == 0, result.output
    expected = data.replace(b"status: accepted   # reviewed in the architecture guild\r\n", b"status: deprecated   # reviewed in the architecture guild\r\n")
    expected = expected.replace(b"date: 2026-10-01\r\n", b"date: 2026-11-27\r\n")
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected


def test_duplicate_number_fails_check_naming_both_files(decide, repo):
    for title in ("First", "Second"):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    shutil.copy(repo / "decisions" / "0002-second.md", repo / "decisions" / "0002-second-from-a-merge.md")
    result = decide("check", cwd=repo)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "number 2" in line] == [
        "decisions/0002-second-from-a-merge.md: error: number 2 is also used by decisions/0002-second.md; give that "
        "one a free number with `decide adr renumber 0002-second.md --to 3`"]
    assert decide("adr", "status", "2", "accepted", cwd=repo).exit_code == 2


def test_twenty_concurrent_new_processes_get_twenty_numbers(repo):
    decide_exe = str(Path(sys.executable).with_name("decide"))
    procs = [
        subprocess.Popen([decide_exe, "adr", "new", f"Parallel decision {i}", "--no-edit"], cwd=repo,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(20)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), outputs
    files = sorted((repo / "decisions").glob("0*.md"))
    assert [int(p.name[:4]) for p in files] == list(range(1, 21))
    titles = {p.read_text().split("\n# ", 1)[1].split("\n", 1)[0] for p in files}
    assert titles == {f"Parallel decision {i}" for i in range(20)}
    assert sorted(out.strip() for out, _ in outputs) == sorted(f"decisions/{p.name}" for p in files)
