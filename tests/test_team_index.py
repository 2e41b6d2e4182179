"""`decide adr index` on the index a team already keeps: found by its name, updated in place, or refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, repository_with

BOLD = "# ADR-{n:03d}: {title}\n\n**Status:** {status}\n**Date:** 2020-01-0{n}\n\n## Context\n\nWhy.\n"
NYGARD = "# {n}. {title}\n\nDate: 2020-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
MADR = "---\nstatus: {status}\ndate: 2020-01-0{n}\n---\n# {title}\n\n## Context and Problem Statement\n\nWhy.\n"
TABLE = ("# Decisions\n\nOne file per decision.\n\n| # | Decision | Status |\n|---|---|---|\n"
         "| [ADR-001](ADR-001-use-git.md) | Use Git | Proposed |\n\nAsk ana before adding one.\n")
WRITTEN = ("| [ADR-001](ADR-001-use-git.md) | Use Git | Accepted |\n"
           "| [ADR-002](ADR-002-use-rust.md) | Use Rust | Proposed |\n")


def _folder(tmp_path: Path, index: dict[str, str]) -> Path:
    records = {"docs/adr/ADR-001-use-git.md": BOLD.format(n=1, title="Use Git", status="Accepted"),
               "docs/adr/ADR-002-use-rust.md": BOLD.format(n=2, title="Use Rust", status="Proposed")}
    return repository_with(tmp_path / "repo", records | {f"docs/adr/{name}": text for name, text in index.items()})


def _index_after_new(decide, root: Path, title: str, index: str) -> str:
    """The text of the folder's *index* file after `adr new TITLE` and `adr index`, each of which must succeed."""
    assert decide("adr", "new", title, "--no-edit", cwd=root).exit_code == 0
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    return (root / index).read_text()


def _names(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "docs/adr").iterdir())


@pytest.mark.parametrize("name", ["index.md", "index.es.md", "00-index.md", "0000-index.md", "ADR-000-索引.md",
                                  "toc.md", "Readme.md"])
def test_the_index_the_folder_keeps_is_updated_in_place_and_no_readme_is_written_beside_it(decide, tmp_path, name):
    root = _folder(tmp_path, {name: TABLE})
    assert decide("adr", "index", "--check", cwd=root).exit_code == 1
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"updated docs/adr/{name}\n"
    assert _names(root) == sorted(["ADR-001-use-git.md", "ADR-002-use-rust.md", name])
    # The team's own table, in its own columns: only its rows change, and nothing else of the file.
    assert (root / "docs/adr" / name).read_text() == TABLE.replace(
        "| [ADR-001](ADR-001-use-git.md) | Use Git | Proposed |\n", WRITTEN)
    assert decide("adr", "index", cwd=root).stdout == f"unchanged docs/adr/{name}\n"
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_of_several_index_files_the_one_that_lists_the_records_is_kept(decide, tmp_path):
    readme = "# ADRs\n\nSee the index.\n"
    root = _folder(tmp_path, {"README.md": readme, "index.md": TABLE})
    assert decide("adr", "index", cwd=root).stdout == "updated docs/adr/index.md\n"
    assert (root / "docs/adr/README.md").read_text() == readme
    assert WRITTEN in (root / "docs/adr/index.md").read_text()


def test_decisionbook_s_markers_in_an_index_not_named_readme_hold_its_table(decide, tmp_path):
    marked = ("# Index\r\n\r\n<!-- decisionbook:index:start -->\r\nold\r\n<!-- decisionbook:index:end -->\r\n"
              "\r\nEnd.\r\n")
    root = _folder(tmp_path, {"00-index.md": marked})
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/adr/00-index.md").read_bytes().decode()
    assert text.startswith("# Index\r\n\r\n<!-- decisionbook:index:start -->\r\n\r\n"
                           "| ADR | Title | Status | Date |\r\n")
    assert text.endswith("<!-- decisionbook:index:end -->\r\n\r\nEnd.\r\n") and "old" not in text
    assert _names(root) == ["00-index.md", "ADR-001-use-git.md", "ADR-002-use-rust.md"]


@pytest.mark.parametrize("name", ["README.rst", "index.rst"])
def test_an_index_in_restructuredtext_is_named_and_left_as_it_is(decide, tmp_path, name):
    index = "Decisions\n=========\n\n.. toctree::\n   :glob:\n\n   *\n"
    beside = {"README.md": "# ADRs\n\nThe records, for GitHub.\n"} if name == "index.rst" else {}
    root = _folder(tmp_path, {name: index, **beside})
    for args in (("adr", "index"), ("adr", "index", "--check")):
        result = decide(*args, cwd=root)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"docs/adr/{name}: error: this index of the ADR folder is reStructuredText")
    assert (root / "docs/adr" / name).read_text() == index
    if name == "index.rst":  # the README beside it is GitHub's page of the folder, not its index
        assert (root / "docs/adr/README.md").read_text() == "# ADRs\n\nThe records, for GitHub.\n"
    else:
        assert "README.md" not in _names(root)
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


@pytest.mark.parametrize(("items", "written"), [
    # adr-tools' `adr generate toc`, as its first record leaves it
    ("* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n",
     "* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n"
     "* [2. Use Go for the services](0002-use-go.md)\n* [3. Use gRPC](0003-use-grpc.md)\n"),
    # adr-log's list, without its markers; loose, with `./`, and a title shortened by hand, which stays
    ("- [ADR-0001](./0001-record-architecture-decisions.md) - Records\n\n- [ADR-0002](./0002-use-go.md) - Use Go\n",
     "- [ADR-0001](./0001-record-architecture-decisions.md) - Records\n\n"
     "- [ADR-0002](./0002-use-go.md) - Use Go for the services\n\n- [ADR-0003](./0003-use-grpc.md) - Use gRPC\n"),
    # and between its markers, where adr-log wrote it and the team then shortened a title
    ("<!-- adrlog -->\n\n* [ADR-0001](0001-record-architecture-decisions.md) - Records\n"
     "* [ADR-0002](0002-use-go.md) - Use Go\n\n<!-- adrlogstop -->\n",
     "<!-- adrlog -->\n\n* [ADR-0001](0001-record-architecture-decisions.md) - Records\n"
     "* [ADR-0002](0002-use-go.md) - Use Go for the services\n* [ADR-0003](0003-use-grpc.md) - Use gRPC\n\n"
     "<!-- adrlogstop -->\n"),
    # a README's list of file names, each with the team's own words after a dash
    ("- [0001-record-architecture-decisions.md](0001-record-architecture-decisions.md) \u2014 why we keep them\n"
     "- [0002-use-go.md](0002-use-go.md) \u2014 Go for every service\n",
     "- [0001-record-architecture-decisions.md](0001-record-architecture-decisions.md) \u2014 why we keep them\n"
     "- [0002-use-go.md](0002-use-go.md) \u2014 Go for every service\n"
     "- [0003-use-grpc.md](0003-use-grpc.md) \u2014 Use gRPC\n"),
    # each link in bold, as a Korean team's README sets them
    ("- **[ADR-001: Records](./0001-record-architecture-decisions.md)**\n- **[ADR-002: Use Go](./0002-use-go.md)**\n",
     "- **[ADR-001: Records](./0001-record-architecture-decisions.md)**\n"
     "- **[ADR-002: Use Go for the services](./0002-use-go.md)**\n- **[ADR-003: Use gRPC](./0003-use-grpc.md)**\n"),
    # numbered, the newest first
    ("1. [Use Go](0002-use-go.md)\n2. [Record architecture decisions](0001-record-architecture-decisions.md)\n",
     "1. [Use gRPC](0003-use-grpc.md)\n2. [Use Go for the services](0002-use-go.md)\n"
     "3. [Record architecture decisions](0001-record-architecture-decisions.md)\n"),
])
def test_a_list_of_the_records_keeps_its_items_and_gains_the_new_ones_in_its_own_form(decide, tmp_path, items,
                                                                                      written):
    toc = f"# Architecture Decision Records\n\n{items}\nWritten by hand.\n"
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "doc/adr", "doc/adr/toc.md": toc,
        **{f"doc/adr/000{n}-{slug}.md": NYGARD.format(n=n, title=title) for n, slug, title in (
            (1, "record-architecture-decisions", "Record architecture decisions"), (2, "use-go", "Use Go"))}})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Two records")
    record = root / "doc/adr/0002-use-go.md"
    record.write_text(record.read_text().replace("# 2. Use Go\n", "# 2. Use Go for the services\n"))
    assert _index_after_new(decide, root, "Use gRPC", "doc/adr/toc.md") == (
        f"# Architecture Decision Records\n\n{written}\nWritten by hand.\n")
    assert not (root / "doc/adr/README.md").exists()
    assert decide("adr", "index", cwd=root).stdout == "unchanged doc/adr/toc.md\n"


@pytest.mark.parametrize(("items", "written"), [
    # A title that ends in a number is a title: the new item took `Use Python 3` as its label.
    ("* [Use Python 3](0001-use-python-3.md)\n* [Adopt Kafka](0002-adopt-kafka.md)\n",
     "* [Use Python 3](0001-use-python-3.md)\n* [Adopt Kafka](0002-adopt-kafka.md)\n"
     "* [Drop Redis](0003-drop-redis.md)\n"),
    # Numbered down, the newest first: the numbers went up from the first item's.
    ("2. [Adopt Kafka](0002-adopt-kafka.md)\n1. [Use Python 3](0001-use-python-3.md)\n",
     "3. [Drop Redis](0003-drop-redis.md)\n2. [Adopt Kafka](0002-adopt-kafka.md)\n"
     "1. [Use Python 3](0001-use-python-3.md)\n"),
])
def test_a_new_item_follows_the_list_s_titles_and_numbers(decide, tmp_path, items, written):
    root = repository_with(tmp_path / "repo", {".adr-dir": "doc/adr", "doc/adr/README.md": f"# Decisions\n\n{items}",
                                               **{f"doc/adr/000{n}-{slug}.md": NYGARD.format(n=n, title=title)
                                                  for n, slug, title in ((1, "use-python-3", "Use Python 3"),
                                                                         (2, "adopt-kafka", "Adopt Kafka"))}})
    assert _index_after_new(decide, root, "Drop Redis", "doc/adr/README.md") == f"# Decisions\n\n{written}"
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0


@pytest.mark.parametrize(("index", "line", "why"), [
    (TABLE.replace("| Status |", "| Owner |"), 5, 'has a column decisionbook does not fill ("Owner")'),
    (TABLE + "\n## Superseded\n\n| ADR | Title |\n| --- | --- |\n| [ADR-002](ADR-002-use-rust.md) | Use Rust |\n", 13,
     "more than one table or list of the ADRs here (lines 5 and 13)"),
    (TABLE.replace("Proposed |\n", "Proposed |\n| (next) | Caching | Draft |\n"), 8, "links no record"),
    ("# ADRs\n\n* [ADR-001](ADR-001-use-git.md) by ana, 2020\n* [ADR-002](ADR-002-use-rust.md) by ben, 2020\n", 3,
     "is not a link to a record in a form decisionbook writes"),
])
def test_an_index_it_cannot_rewrite_safely_is_left_untouched_and_says_what_to_do(decide, tmp_path, index, line, why):
    root = _folder(tmp_path, {"index.md": index})
    for args in (("adr", "index"), ("adr", "index", "--check")):
        result = decide(*args, cwd=root)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"docs/adr/index.md:{line}: error: "), result.stderr
        assert why in result.stderr and "<!-- decisionbook:index:start -->" in result.stderr
    assert (root / "docs/adr/index.md").read_text() == index
    assert "README.md" not in _names(root)


def test_a_readme_that_names_a_record_in_passing_gets_decisionbook_s_table_below_its_text(decide, tmp_path):
    readme = "# ADRs\n\n- Start with [ADR-001](ADR-001-use-git.md), which says why.\n- Ask ana.\n"
    root = _folder(tmp_path, {"README.md": readme})
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/adr/README.md").read_text()
    assert text.startswith(readme + "\n<!-- decisionbook:index:start -->\n") and text.count("| ADR-002 |") == 1


def test_records_are_named_as_the_folder_writes_their_numbers(decide, tmp_path):
    root = _folder(tmp_path, {})
    assert decide("adr", "link", "2", "amends", "1", cwd=root).exit_code == 0
    assert "**Amends:** [ADR-001](ADR-001-use-git.md)\n" in (root / "docs/adr/ADR-002-use-rust.md").read_text()
    assert "**Amended by:** [ADR-002](ADR-002-use-rust.md)\n" in (root / "docs/adr/ADR-001-use-git.md").read_text()
    created = decide("adr", "new", "Use Zig", "--supersedes", "2", "--no-edit", cwd=root)
    assert created.exit_code == 0, created.output
    assert "[ADR-002](ADR-002-use-rust.md)" in (root / "docs/adr/ADR-003-use-zig.md").read_text()
    assert "**Status:** Superseded by [ADR-003](ADR-003-use-zig.md)\n" in (
        root / "docs/adr/ADR-002-use-rust.md").read_text()
    assert decide("adr", "index", cwd=root).exit_code == 0
    readme = (root / "docs/adr/README.md").read_text()
    assert "| ADR-001 | [Use Git](ADR-001-use-git.md) |" in readme and "ADR-0001" not in readme
    assert decide("check", cwd=root).exit_code == 0


def test_a_madr_status_names_its_successor_as_the_folder_s_three_digit_names_do(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/001-use-git.md": MADR.format(n=1, title="Use Git", status="accepted"),
        "docs/decisions/002-use-rust.md": MADR.format(n=2, title="Use Rust", status="proposed")})
    assert decide("adr", "status", "1", "superseded", "--by", "2", "--force", cwd=root).exit_code == 0
    assert "status: superseded by ADR-002\n" in (root / "docs/decisions/001-use-git.md").read_text()
    assert json.loads(decide("adr", "show", "1", "--format", "json", cwd=root).stdout)["superseded_by"] == "2"
    assert decide("check", cwd=root).exit_code == 0


SHOWN = ("# Decisions\n\nTo index another folder, paste these lines:\n\n```markdown\n"
         "<!-- decisionbook:index:start -->\n(the table appears here)\n<!-- decisionbook:index:end -->\n```\n\n"
         "~~~~\nA fence of tildes, with backticks inside:\n```\n<!-- decisionbook:index:start -->\n~~~\n~~~~\n\n"
         "Or, indented:\n\n    <!-- decisionbook:index:start -->\n    <!-- decisionbook:index:end -->\n")


def test_markers_shown_in_code_are_an_example_and_the_real_ones_hold_the_table(decide, tmp_path):
    readme = SHOWN + "\n## Index\n\n<!-- decisionbook:index:start -->\n<!-- decisionbook:index:end -->\n"
    root = _folder(tmp_path, {"README.md": readme})
    assert decide("adr", "index", "--check", cwd=root).exit_code == 1
    assert decide("adr", "index", cwd=root).stdout == "updated docs/adr/README.md\n"
    text = (root / "docs/adr/README.md").read_text()
    assert text.startswith(SHOWN + "\n## Index\n\n<!-- decisionbook:index:start -->\n\n| ADR | Title |")
    assert text.endswith("| Proposed | 2020-01-02 |\n\n<!-- decisionbook:index:end -->\n")
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_markers_shown_only_in_code_leave_the_example_and_the_table_goes_below(decide, tmp_path):
    root = _folder(tmp_path, {"README.md": SHOWN})
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/adr/README.md").read_text()
    assert text.startswith(SHOWN + "\n<!-- decisionbook:index:start -->\n\n| ADR | Title | Status | Date |\n")
    assert text.count("| ADR-001 |") == 1 and text.endswith("<!-- decisionbook:index:end -->\n")


def test_a_status_the_team_s_table_gives_a_record_that_states_none_is_kept(decide, tmp_path):
    # Jupyter's JEPs and RFC processes keep a proposal's state in the index (and in its pull request), not in
    # the record: rewriting the table must not empty the cells only the team wrote.
    proposal = "- Start Date: 2020-01-0{n}\n\n# Summary\n\nWhat.\n"
    index = ("# Proposals\n\n| Number | Title | Status |\n| --- | --- | --- |\n"
             "| [1](0001-cells.md) | Cell ids | Implemented |\n| [2](0002-diff.md) | Diffs | Withdrawn |\n")
    root = repository_with(tmp_path / "repo", {
        "rfcs/README.md": index, "rfcs/0001-cells.md": proposal.format(n=1), "rfcs/0002-diff.md": proposal.format(n=2),
        "rfcs/0003-kernels.md": "- Start Date: 2020-01-03\n- Status: Accepted\n\n# Summary\n\nWhat.\n"})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "rfcs/README.md").read_text() == index + "| [3](0003-kernels.md) | Kernels | Accepted |\n"


def test_a_team_s_row_linking_from_another_column_is_kept_without_a_traceback(decide, tmp_path):
    # The second row links from the number, the first from the title: reading what the team's rows say of their
    # records ended in an AttributeError.
    index = ("# Decisions\n\n| ADR | Title | Status |\n| --- | --- | --- |\n| 1 | [Use x](0001-use-x.md) | Accepted |\n"
             "| [2](0002-use-y.md) | Use y | Accepted |\n")
    root = repository_with(tmp_path / "repo", {"docs/adr/README.md": index} | {
        f"docs/adr/000{n}-use-{c}.md": NYGARD.format(n=n, title=f"Use {c}") for n, c in ((1, "x"), (2, "y"))})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/README.md").read_text() == index


def test_a_table_shown_in_a_longer_fence_with_backticks_inside_is_an_example_not_the_index(decide, tmp_path):
    proposal = "- Start Date: 2020-01-0{n}\n- Status: Accepted\n\n# Summary\n\nWhat.\n"
    example = ("# Proposals\n\nAdd yours as a row:\n\n````markdown\n```\n| Number | Title | Status |\n"
               "| --- | --- | --- |\n| [9](0009-x.md) | X | Draft |\n````\n\n")
    index = example + "| Number | Title | Status |\n| --- | --- | --- |\n| [1](0001-cells.md) | Cells | Accepted |\n"
    root = repository_with(tmp_path / "repo", {
        "rfcs/README.md": index, "rfcs/0001-cells.md": proposal.format(n=1), "rfcs/0002-diff.md": proposal.format(n=2)})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "rfcs/README.md").read_text() == index + "| [2](0002-diff.md) | Diff | Accepted |\n"


def test_a_table_linking_each_record_by_its_padded_number_and_title_keeps_both_in_new_rows(decide, tmp_path):
    # A quantum library's RFC list: `[0004 Noise mitigation](...)` in its RFC column was rewritten `[ADR-0004](...)`.
    index = "# RFCs\n\n| RFC | Status |\n| --- | --- |\n| [0004 Noise mitigation](0004-noise.md) | Implemented |\n"
    rfc = "# {title}\n\n| **Status**        | **{status}** |\n|:---|:---|\n| **RFC #** | {n:04d} |\n\n## Summary\n"
    root = repository_with(tmp_path / "repo", {
        "README.md": index, "0004-noise.md": rfc.format(title="Noise mitigation", status="Implemented", n=4),
        "0020-release.md": rfc.format(title="Release cycle", status="Accepted", n=20)})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "README.md").read_text() == index + "| [0020 Release cycle](0020-release.md) | Accepted |\n"


def test_a_table_linking_each_record_by_its_file_name_keeps_file_names_in_new_rows(decide, tmp_path):
    # A German council app's index: `[20260909-ci.md](20260909-ci.md)` was rewritten `[20260909-ci](...)`.
    record = "# {title}\n\n- Status: {status}\n- Datum: {day}\n\n## Kontext\n\nWarum.\n"
    index = ("# Entscheidungen\n\n| ADR | Titel | Status |\n|-----|-------|--------|\n"
             "| [20260909-ci.md](20260909-ci.md) | Prüfungen in der CI | angenommen |\n")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/README.md": index,
        "docs/adr/20260909-ci.md": record.format(title="Prüfungen in der CI", status="angenommen", day="2026-09-09"),
        "docs/adr/20260917-portal.md": record.format(title="Portal", status="vorgeschlagen", day="2026-09-17")})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/README.md").read_text() == (
        index + "| [20260917-portal.md](20260917-portal.md) | Portal | vorgeschlagen |\n")


def test_a_team_s_rows_keep_their_words_and_only_a_changed_status_cell_changes(decide, tmp_path):
    # A consortium's RFCs at the repository's top: its index names `[RFC001]` with a short title of its own, and was
    # rewritten `[EWC-RFC001]` with the record's full title.
    rfc = "# EWC RFC{n:03d}: {title} - v1.0\n\n**Authors:**\n\n* Ana Ruiz\n\n**Status:** {status}\n\n# 1.0\tSummary\n"
    index = ("# Consortium RFCs\n\n| RFC | Title | Status |\n| --- | --- | --- |\n"
             "| [RFC001](ewc-rfc001-issue.md) | Issue a credential | Approved |\n"
             "| [RFC004](ewc-rfc004-attest.md)  | Attest the wallet  | Approved |\n\nAsk before adding one.\n")
    root = repository_with(tmp_path / "repo", {
        "README.md": index,
        "ewc-rfc001-issue.md": rfc.format(n=1, title="Issue Verifiable Credential", status="Approved"),
        "ewc-rfc004-attest.md": rfc.format(n=4, title="Individual Wallet Unit Attestation", status="Approved")})
    assert decide("adr", "index", cwd=root).stdout == "unchanged README.md\n"
    assert (root / "README.md").read_text() == index
    assert decide("adr", "new", "Cache the catalogue", "--no-edit", cwd=root).exit_code == 0
    assert decide("adr", "status", "4", "deprecated", "--force", cwd=root).exit_code == 0
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "README.md").read_text() == index.replace(
        "| Attest the wallet  | Approved |\n", "| Attest the wallet  | Deprecated |\n"
        "| [RFC005](ewc-rfc005-cache-the-catalogue.md) | Cache the catalogue | Proposed |\n")


@pytest.mark.parametrize(("head", "rows", "written"), [
    ("| # | Decision | Status | Date |\n|---|---|---|---|\n",
     "| [ADR-001](ADR-001-use-git.md) | Use Git | Accepted | 2020-01-01 |\n"
     "| [ADR-002](ADR-002-use-rust.md) | Rust, not C |  Proposed  | 2020-01-02 |\n",
     "| [ADR-001](ADR-001-use-git.md) | Use Git for every repository | Accepted | 2020-01-01 |\n"
     "| [ADR-002](ADR-002-use-rust.md) | Rust, not C |  Accepted  | 2020-03-04 |\n"),
    # the title in the link, after the padded number
    ("| RFC | Updated |\n| :-- | :-- |\n",
     "| [001 Use Git](ADR-001-use-git.md) | 2020-01-01 |\n| [002 Rust, not C](ADR-002-use-rust.md) | 2020-01-02 |\n",
     "| [001 Use Git for every repository](ADR-001-use-git.md) | 2020-01-01 |\n"
     "| [002 Rust, not C](ADR-002-use-rust.md) | 2020-03-04 |\n"),
])
def test_a_team_s_row_takes_its_record_s_new_title_and_date_where_it_said_the_old_ones(decide, tmp_path, head, rows,
                                                                                      written):
    # A row that says what its record once said follows the record; words the record never said are the team's.
    index = f"# Decisions\n\n{head}{rows}\nAsk ana before adding one.\n"
    root = _folder(tmp_path, {"index.md": index})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Two records")
    record = root / "docs/adr/ADR-001-use-git.md"
    record.write_text(record.read_text().replace("# ADR-001: Use Git\n", "# ADR-001: Use Git for every repository\n"))
    record = root / "docs/adr/ADR-002-use-rust.md"
    record.write_text(record.read_text().replace("# ADR-002: Use Rust\n", "# ADR-002: Use Rust everywhere\n"))
    changed = decide("adr", "status", "2", "accepted", "--date", "2020-03-04", "--force", cwd=root)
    assert changed.exit_code == 0, changed.output
    assert "**Date:** 2020-03-04\n" in record.read_text()
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/index.md").read_text() == index.replace(rows, written)
    assert decide("adr", "index", cwd=root).stdout == "unchanged docs/adr/index.md\n"


def test_a_team_s_rows_in_their_own_order_stay_and_a_new_record_s_row_goes_where_it_sorts(decide, tmp_path):
    # A council app's index lists two records of one day in the order they were decided, with shorter titles than
    # the records': every row was rewritten in file-name order with the records' titles.
    record = "# {title}\n\nStatus: {status} · Datum: {day}\n\n## Kontext\n\nWarum.\n"
    rows = ("| [20260909-ci.md](20260909-ci.md) | Prüfungen in der CI | angenommen |\n"
            "| [20260929-schichten.md](20260929-schichten.md) | Vier Schichten | angenommen |\n"
            "| [20260929-portal.md](20260929-portal.md) | Portal als Modul | vorgeschlagen |\n")
    index = "# Entscheidungen\n\n| ADR | Titel | Status |\n|-----|-------|--------|\n" + rows
    root = repository_with(tmp_path / "repo", {
        "docs/adr/README.md": index,
        "docs/adr/20260909-ci.md": record.format(title="Prüfungen in der CI und Ratchet", status="angenommen",
                                                 day="2026-09-09"),
        "docs/adr/20260929-schichten.md": record.format(title="Vier Schichten mit Regeln", status="angenommen",
                                                        day="2026-09-29"),
        "docs/adr/20260929-portal.md": record.format(title="Bürgerportal als eigenes Fachmodul",
                                                     status="vorgeschlagen", day="2026-09-29"),
        "docs/adr/20261001-suche.md": record.format(title="Suche im Portal", status="vorgeschlagen", day="2026-10-01")})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/README.md").read_text() == (
        index + "| [20261001-suche.md](20261001-suche.md) | Suche im Portal | vorgeschlagen |\n")


def test_a_new_record_s_row_goes_on_top_of_a_table_listing_the_newest_first(decide, tmp_path):
    index = ("# Decisions\n\n| ADR | Title | Status |\n| --- | --- | --- |\n"
             "| [2](0002-use-y.md) | Y | Accepted |\n| [1](0001-use-x.md) | X | Accepted |\n")
    root = repository_with(tmp_path / "repo", {"docs/adr/README.md": index} | {
        f"docs/adr/000{n}-use-{c}.md": NYGARD.format(n=n, title=f"Use {c}") for n, c in ((1, "x"), (2, "y"))})
    assert _index_after_new(decide, root, "Use z", "docs/adr/README.md") == index.replace(
        "| [2]", "| [3](0003-use-z.md) | Use z | Proposed |\n| [2]")


def test_a_new_row_s_number_cell_is_a_number_alone_where_the_table_writes_its_numbers_so(decide, tmp_path):
    # Strimzi's proposals: `| 14 | [Title](./014-x.md) |`; the new row's cell was `ADR-015`.
    index = ("# Proposals\n\n| #  | Title |\n|:--:|:------|\n| 14 | [Node groups](./014-node-groups.md) |\n"
             "| 9  | [Drop the exporter](./009-drop-exporter.md) |\n")
    root = repository_with(tmp_path / "repo", {"docs/adr/README.md": index} | {
        f"docs/adr/{n:03d}-{slug}.md": NYGARD.format(n=n, title=title)
        for n, slug, title in ((9, "drop-exporter", "Drop the exporter"), (14, "node-groups", "Node groups"))})
    assert _index_after_new(decide, root, "Cache the catalogue", "docs/adr/README.md") == index.replace(
        "| 14 |", "| 15 | [Cache the catalogue](./015-cache-the-catalogue.md) |\n| 14 |")


def test_a_list_naming_each_record_by_its_file_s_stem_keeps_its_items_and_names_a_new_one_so(decide, tmp_path):
    # An mdBook's SUMMARY.md of RFCs (`- [0031-trailing-commas](0031-trailing-commas.md)`): every item was
    # rewritten with the record's title.
    summary = ("[Introduction](./intro.md)\n\n# RFCs\n\n- [0009-drop-exporter](0009-drop-exporter.md)\n"
               "- [0014-node-groups](0014-node-groups.md)\n")
    root = repository_with(tmp_path / "repo", {"docs/adr/SUMMARY.md": summary, "docs/adr/intro.md": "# Intro\n"} | {
        f"docs/adr/{n:04d}-{slug}.md": NYGARD.format(n=n, title=title)
        for n, slug, title in ((9, "drop-exporter", "Drop the exporter"), (14, "node-groups", "Node groups"))})
    assert _index_after_new(decide, root, "Cache the catalogue", "docs/adr/SUMMARY.md") == summary + (
        "- [0015-cache-the-catalogue](0015-cache-the-catalogue.md)\n")


def test_a_page_that_lists_most_of_the_records_is_the_index_whatever_its_name(decide, tmp_path):
    # A Docusaurus site's `intro.md` lists the records: a new README.md beside it became the category's page.
    intro = ("---\nsidebar_position: 1\ntitle: Decisions\n---\n\n# Decision records\n\n## Table of Contents\n\n"
             "- [ADR 001: Use Git](./ADR-001-use-git.md)\n- [ADR 002: Use Rust](./ADR-002-use-rust.md)\n")
    root = _folder(tmp_path, {"intro.md": intro, "adr-template.md": "# ADR {ADR-NUMBER}: {TITLE}\n"})
    assert decide("adr", "new", "Use Zig", "--no-edit", cwd=root).exit_code == 0
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0 and result.stdout == "updated docs/adr/intro.md\n", result.output
    assert "README.md" not in _names(root)
    assert (root / "docs/adr/intro.md").read_text() == intro + "- [ADR 003: Use Zig](./ADR-003-use-zig.md)\n"


def test_a_page_of_notes_that_names_records_in_its_prose_is_not_taken_for_the_index(decide, tmp_path):
    # Its sentences linked most of the records, and the table was written below them.
    notes = "# Migration notes\n\nWe moved as [the queue record](0001-use-x.md) and [the next](0002-use-y.md) say.\n"
    root = repository_with(tmp_path / "repo", {"decisions/migration-notes.md": notes} | {
        f"decisions/000{n}-use-{c}.md": NYGARD.format(n=n, title=f"Use {c}")
        for n, c in ((1, "x"), (2, "y"), (3, "z"))})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0 and result.stdout == "updated decisions/README.md\n", result.output
    assert (root / "decisions/migration-notes.md").read_text() == notes


# A French team's records, written as adr-tools writes them in French.
FRENCH = "# {n}. {title}\n\nDate : 2024-01-0{n}\n\n## Statut\n\n{status}\n\n## Contexte\n\nPourquoi.\n"


@pytest.mark.parametrize("records, heading, header", [
    ({1: ("Utiliser Git", "Accepté"), 2: ("Utiliser Rust", "Proposé")}, "# Décisions d'architecture",
     "| ADR | Titre | Statut | Date |"),
    ({1: ("Git nutzen", "Akzeptiert"), 2: ("Rust nutzen", "Vorgeschlagen")}, "# Architekturentscheidungen",
     "| ADR | Titel | Status | Datum |"),
    ({1: ("Bruk Git", "Akseptert"), 2: ("Bruk Rust", "Foreslått")}, "# Arkitekturbeslutninger",
     "| ADR | Tittel | Status | Dato |"),
    ({1: ("Use Git", "Accepted"), 2: ("Utiliser Rust", "Proposé")}, "# Architecture decision records",
     "| ADR | Title | Status | Date |"),  # half the records in English: English
    ({1: ("使用 Git", "已接受"), 2: ("使用 Rust", "提议中")}, "# 架构决策记录", "| ADR | 标题 | 状态 | 日期 |"),
    ({1: ("Git を使う", "承認"), 2: ("Rust を使う", "提案")}, "# アーキテクチャ決定記録",
     "| ADR | タイトル | ステータス | 日付 |"),
])
def test_a_new_index_is_written_in_the_language_of_the_folder_s_records(decide, tmp_path, records, heading, header):
    # A French folder got `# Architecture decision records` over `| ADR | Title | Status | Date |`.
    root = repository_with(tmp_path / "repo", {".adr-dir": "doc/adr\n", **{
        f"doc/adr/000{n}-x{n}.md": FRENCH.format(n=n, title=title, status=status)
        for n, (title, status) in records.items()}})
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "doc/adr/README.md").read_text()
    assert text.startswith(f"{heading}\n\n<!-- decisionbook:index:start -->\n\n{header}\n| --- | --- | --- | --- |\n")
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0


def test_an_index_written_with_english_column_names_keeps_them(decide, tmp_path):
    # An index written before the columns were named in the records' language stays up to date, its rows kept current.
    root = repository_with(tmp_path / "repo", {".adr-dir": "doc/adr\n", **{
        f"doc/adr/000{n}-x{n}.md": FRENCH.format(n=n, title=title, status="Accepté")
        for n, title in ((1, "Utiliser Git"), (2, "Utiliser Rust"))}})
    index = root / "doc/adr/README.md"
    index.write_text("# Décisions\n\n<!-- decisionbook:index:start -->\n\n| ADR | Title | Status | Date |\n"
                     "| --- | --- | --- | --- |\n| ADR-0001 | [Utiliser Git](0001-x1.md) | Accepté | 2024-01-01 |\n"
                     "| ADR-0002 | [Utiliser Rust](0002-x2.md) | Accepté | 2024-01-02 |\n\n<!-- decisionbook:index:end -->\n")
    before = index.read_text()
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0
    (root / "doc/adr/0003-x3.md").write_text(FRENCH.format(n=3, title="Utiliser Kafka", status="Proposé"))
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert index.read_text() == before.replace(
        "<!-- decisionbook:index:end -->", "").rstrip("\n") + "\n| ADR-0003 | [Utiliser Kafka](0003-x3.md) | Proposé | " \
        "2024-01-03 |\n\n<!-- decisionbook:index:end -->\n"


@pytest.mark.parametrize("index", [
    "## Seznam ADR\n\n| ID | Název | Status | Datum |\n|----|----|----|----|\n"
    "| 001 | Use Git | Přijato | 2020-01-01 |\n"
    "| 002 | Use Rust | Navrženo | 2020-01-02 |\n",
    "## Lista\n\n- 0001 Use Git\n- 0002 Use Rust\n",
])
def test_an_index_naming_the_records_without_links_is_named_and_left_as_it_is(decide, tmp_path, index):
    # A second table, in English, was added below the team's own, which named the records by number alone.
    root = _folder(tmp_path, {"README.md": f"# Decyzje\n\n{index}\nNapisane ręcznie.\n"})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 2
    assert result.stderr.startswith("docs/adr/README.md:5: error: this table or list names the ADRs without links to "
                                    "them, in a form decisionbook does not keep: nothing was written."), result.stderr
    assert (root / "docs/adr/README.md").read_text() == f"# Decyzje\n\n{index}\nNapisane ręcznie.\n"


@pytest.mark.parametrize("text", [
    "## Getting started\n\n| Step | What |\n|---|---|\n| 1 | Install the tools |\n| 2 | Run `adr new` |\n",
    "## Plan\n\n- Phase 1: a pilot team\n- Phase 2: every team\n",
])
def test_a_table_of_steps_or_a_list_of_phases_is_no_index_by_number(decide, tmp_path, text):
    # Numbers that happen to be the records' (1, 2) at the start of rows or items: the index is added below them.
    root = _folder(tmp_path, {"README.md": f"# Decisions\n\n{text}\nBy hand.\n"})
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    written = (root / "docs/adr/README.md").read_text()
    assert written.startswith(f"# Decisions\n\n{text}\nBy hand.\n") and "ADR-001-use-git.md" in written


@pytest.mark.parametrize("items, written", [
    ("- [ADR-0001](0001-use-git.md) - Use Git (Accepted)\n- [ADR-0002](0002-use-rust.md) - Use Rust (Accepted)\n",
     "- [ADR-0001](0001-use-git.md) - Use Git (Accepted)\n- [ADR-0002](0002-use-rust.md) - Use Rust (Deprecated)\n"
     "- [ADR-0003](0003-use-grpc.md) - Use gRPC (Proposed)\n"),
    # the title in the link, the status after it in bold: refused as a form decisionbook could not write
    ("* [1. Use Git](0001-use-git.md) (**Accepted**)\n* [2. Use Rust](0002-use-rust.md) (**Accepted**)\n",
     "* [1. Use Git](0001-use-git.md) (**Accepted**)\n* [2. Use Rust](0002-use-rust.md) (**Deprecated**)\n"
     "* [3. Use gRPC](0003-use-grpc.md) (**Proposed**)\n"),
])
def test_a_list_noting_each_record_s_status_notes_it_as_it_is_now(decide, tmp_path, items, written):
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "doc/adr", "doc/adr/README.md": f"# Decisions\n\n{items}\nBy hand.\n",
        **{f"doc/adr/000{n}-{slug}.md": NYGARD.format(n=n, title=title)
           for n, slug, title in ((1, "use-git", "Use Git"), (2, "use-rust", "Use Rust"))}})
    assert decide("adr", "status", "2", "deprecated", "--force", cwd=root).exit_code == 0
    assert _index_after_new(decide, root, "Use gRPC", "doc/adr/README.md") == f"# Decisions\n\n{written}\nBy hand.\n"
    # A status that names its successor by a link is noted by its word, and the note follows the next change.
    for args, word in ((("superseded", "--by", "3"), "Superseded"), (("deprecated", "--force"), "Deprecated")):
        assert decide("adr", "status", "1", *args, cwd=root).exit_code == 0
        assert decide("adr", "index", cwd=root).exit_code == 0
        first = (root / "doc/adr/README.md").read_text().splitlines()[2]
        assert first.endswith(f" ({word})") or first.endswith(f" (**{word}**)"), first
    # A title written before the note follows the record's, as committed before; the note stays after it.
    git(root, "add", "-A")
    git(root, "commit", "-qm", "records")
    record = root / "doc/adr/0002-use-rust.md"
    record.write_text(record.read_text().replace("Use Rust", "Use Rust at the edge", 1))
    assert decide("adr", "index", cwd=root).exit_code == 0
    second = (root / "doc/adr/README.md").read_text().splitlines()[3]
    assert second == written.splitlines()[1].replace("Use Rust", "Use Rust at the edge"), second


def test_a_team_s_own_table_with_columns_named_in_japanese_is_kept(decide, tmp_path):
    # `| ID | タイトル | ステータス | 日付 |` was refused: "a column decisionbook does not fill (タイトル)".
    table = ("# 決定\n\n| ID | タイトル | ステータス | 日付 |\n|----|----|----|----|\n"
             "| [0001](0001-use-git.md) | Use Git | Accepted | 2020-01-01 |\n"
             "| [0002](0002-use-rust.md) | Use Rust | Accepted | 2020-01-02 |\n")
    root = repository_with(tmp_path / "repo", {".adr-dir": "doc/adr", "doc/adr/README.md": table, **{
        f"doc/adr/000{n}-{slug}.md": NYGARD.format(n=n, title=title)
        for n, slug, title in ((1, "use-git", "Use Git"), (2, "use-rust", "Use Rust"))}})
    assert _index_after_new(decide, root, "Use gRPC", "doc/adr/README.md").startswith(
        table + "| [0003](0003-use-grpc.md) | Use gRPC |")
