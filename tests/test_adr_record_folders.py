"""Records kept as folders of their own, each named by its number and holding its page: Cardano's CIPs
(`CIP-0001/README.md`), Kubernetes' KEPs (`keps/sig-cli/1441-x/README.md` beside its `kep.yaml`), and
`docs/adr/0001-use-x/README.md` or `docs/decisions/001-use-x/index.md`. The fixtures follow those
repositories' layouts; their text is our own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import git, listed_adrs, repository_with

CIP = ("---\nCIP: {n}\nTitle: {title}\nCategory: Tools\nStatus: {status}\nAuthors:\n    - Ana Lima <ana@example.org>\n"
       "Implementors: []\nDiscussions:\n    - Original pull request: https://example.org/pull/{n}\nCreated: {created}\n"
       "License: CC-BY-4.0\n---\n{lines}\n## Abstract\n\n{abstract}\n\n## Motivation: why is this CIP necessary?\n\n"
       "Wallets disagree.\n")
KEP_FIELDS = ('title: {title}\nkep-number: {n}\nauthors:\n  - "@ana"\nowning-sig: {sig}\nstatus: {status}\n'
              'creation-date: {created}\n{more}\n# The stage this KEP aims for in the coming release.\nstage: alpha\n')
KEP_PAGE = ("# KEP-{n}: {title}\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n\n{summary}\n\n"
            "## Motivation\n\nOperators asked for it.\n")
NYGARD = "# {n}. {title}\n\nDate: 2024-0{n}-01\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n"
MADR = "---\nstatus: {status}\ndate: 2024-0{n}-01\n---\n# {title}\n\n## Context and Problem Statement\n\nWhy.\n"


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "repo", files)


def _rows(decide, root: Path) -> list[tuple]:
    keys = ("number", "title", "status", "status_raw", "date", "path")
    return [tuple(row[key] for key in keys) for row in listed_adrs(decide, root)]


def _cips(tmp_path: Path) -> Path:
    root = _repo(tmp_path, {
        "CIPs/README.md": "# Proposals\n\nOne folder per proposal, named by its number.\n",
        "CIPs/CIP-0001/README.md": CIP.format(n=1, title="Proposal process", status="Active", created="2020-03-21",
                                              lines="", abstract="How a proposal is written and reviewed."),
        "CIPs/CIP-0001/README.fr.md": "---\nCIP: 1\nTitle: Processus\nLanguage: fr\n---\n\n## Résumé\n\nComment.\n",
        "CIPs/CIP-0001/process.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
        "CIPs/CIP-0002/README.md": CIP.format(n=2, title="Coin selection", status="Proposed", created="2020-05-04",
                                              lines="", abstract="Which coins a wallet spends."),
        "CIPs/CIP-0002/notes.md": "# Call notes\n\nStatus: proposed at the call, accepted a week later.\n",
        "CIPs/CIP-0002/test-vectors.json": "[]\n",
        "CIPs/CIP-0005/README.md": CIP.format(n=5, title="Common prefixes", status="Inactive (superseded by CIP-0002)",
                                              created="2020-06-10", lines="", abstract="Prefixes for keys."),
    })
    (root / "decisionbook.toml").write_text('[adr]\ndir = "CIPs"\n')
    return root


def _keps(tmp_path: Path) -> Path:
    root = _repo(tmp_path, {
        "keps/README.md": "# Enhancement proposals\n",
        "keps/NNNN-kep-template/README.md": "# KEP-NNNN: Your short, descriptive title\n\n## Summary\n",
        "keps/NNNN-kep-template/kep.yaml": "title: KEP Template\nkep-number: NNNN\n"
                                           "status: provisional|implementable|implemented|deferred|rejected|withdrawn\n"
                                           "creation-date: yyyy-mm-dd\n",
        "keps/sig-cli/1441-shell-debug/README.md": KEP_PAGE.format(n=1441, title="shell debug",
                                                                   summary="A shell in a running pod."),
        "keps/sig-cli/1441-shell-debug/kep.yaml": KEP_FIELDS.format(
            title="shell debug", n=1441, sig="sig-cli", status="implementable", created="2019-08-05",
            more='see-also:\n  - "/keps/sig-node/277-side-containers"\n'
                 'replaces:\n  - "/keps/sig-node/277-side-containers"'),
        "keps/sig-cli/1441-shell-debug/flow.png": "not really a picture\n",
        "keps/sig-node/277-side-containers/README.md": KEP_PAGE.format(n=277, title="Side containers",
                                                                       summary="Containers beside the main one."),
        "keps/sig-node/277-side-containers/kep.yaml": KEP_FIELDS.format(
            title="Side containers", n=277, sig="sig-node", status="replaced", created="2019-02-12",
            more='last-updated: 2020-01-10\nsuperseded-by:\n  - "/keps/sig-cli/1441-shell-debug"'),
        "keps/sig-node/2200-node-swap/README.md": KEP_PAGE.format(n=2200, title="Node swap", summary="Swap memory."),
        "keps/sig-node/2200-node-swap/kep.yaml": KEP_FIELDS.format(
            title="Node swap", n=2200, sig="sig-node", status="provisional", created="2021-01-07", more=""),
        "keps/sig-node/2300-pod-quotas/README.md": KEP_PAGE.format(n=2300, title="Pod quotas", summary="Quotas."),
        "keps/sig-node/2300-pod-quotas/kep.yaml": KEP_FIELDS.format(
            title="Pod quotas", n=2300, sig="sig-node", status="withdrawn", created="2021-03-01", more=""),
        # A KEP from before folders, and its notes in a folder named as it is.
        "keps/sig-node/0031-node-labels.md": "---\ntitle: Node labels\nstatus: implemented\ncreation-date: 2018-04-02\n"
                                             "---\n\n# Node labels\n\n## Summary\n\nLabels.\n",
        "keps/sig-node/0031-node-labels/README.md": "# Notes on node labels\n\nStatus: implementable, then done.\n",
    })
    (root / "decisionbook.toml").write_text('[adr]\ndir = "keps"\n')
    return root


def test_numbered_proposal_folders_are_records_named_by_the_folder(decide, tmp_path):
    # `CIP-0001/README.md` listed no record, and check warned "holds 6 Markdown file(s) but no record".
    root = _cips(tmp_path)
    assert _rows(decide, root) == [
        (1, "Proposal process", "accepted", "Active", "2020-03-21", "CIPs/CIP-0001/README.md"),
        (2, "Coin selection", "proposed", "Proposed", "2020-05-04", "CIPs/CIP-0002/README.md"),
        (5, "Common prefixes", "deprecated", "Inactive (superseded by CIP-0002)", "2020-06-10",
         "CIPs/CIP-0005/README.md"),
    ]
    # The translation, the picture and the notes in a record's folder are not records, nor records unnamed.
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    shown = decide("adr", "show", "CIP-0002", cwd=root)
    assert shown.exit_code == 0 and shown.stdout.splitlines()[:4] == [
        "ADR-0002: Coin selection", "status: Proposed", "date: 2020-05-04", "path: CIPs/CIP-0002/README.md"]


def test_a_kep_is_read_from_its_page_and_the_kep_yaml_beside_it(decide, tmp_path):
    root = _keps(tmp_path)
    assert _rows(decide, root) == [
        (31, "Node labels", "accepted", "implemented", "2018-04-02", "keps/sig-node/0031-node-labels.md"),
        (277, "Side containers", "superseded", "replaced", "2020-01-10", "keps/sig-node/277-side-containers/README.md"),
        (1441, "shell debug", "accepted", "implementable", "2019-08-05", "keps/sig-cli/1441-shell-debug/README.md"),
        (2200, "Node swap", "proposed", "provisional", "2021-01-07", "keps/sig-node/2200-node-swap/README.md"),
        (2300, "Pod quotas", "rejected", "withdrawn", "2021-03-01", "keps/sig-node/2300-pod-quotas/README.md"),
    ]
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    # `replaces` and `superseded-by` name a KEP by its folder's path from the repository's root.
    shown = decide("adr", "show", "1441", cwd=root)
    assert shown.stdout.splitlines() == [
        "ADR-1441: shell debug", "status: implementable", "date: 2019-08-05",
        "path: keps/sig-cli/1441-shell-debug/README.md", "form: madr", "links:",
        "  supersedes ADR-0277: Side containers (superseded)  [recorded both]"]


@pytest.mark.parametrize(("files", "rows"), [
    ({"docs/adr/0001-use-postgres/README.md": NYGARD.format(n=1, title="Use Postgres", status="Accepted"),
      "docs/adr/0001-use-postgres/schema.png": "not really a picture\n",
      "docs/adr/0002-use-queues/readme.md": NYGARD.format(n=2, title="Use queues", status="Proposed"),
      "docs/adr/0002-use-queues/index.md": "# Attachments\n",  # beside a README, an index is no record's page
      "docs/adr/2019/README.md": "# What we decided in 2019\n",  # a folder named by a number alone: a category
      # A folder where teams keep records, before docs/adr/ in that order, that holds none.
      "docs/decisions/README.md": "# Decisions\n\nThey are kept in docs/adr.\n"},
     [(1, "Use Postgres", "accepted", "2024-01-01", "docs/adr/0001-use-postgres/README.md"),
      (2, "Use queues", "proposed", "2024-02-01", "docs/adr/0002-use-queues/readme.md")]),
    ({"docs/decisions/001-use-postgres/index.md": MADR.format(n=1, title="Use Postgres", status="accepted"),
      "docs/decisions/002-use-queues/index.md": MADR.format(n=2, title="Use queues", status="rejected")},
     [(1, "Use Postgres", "accepted", "2024-01-01", "docs/decisions/001-use-postgres/index.md"),
      (2, "Use queues", "rejected", "2024-02-01", "docs/decisions/002-use-queues/index.md")]),
])
def test_a_folder_per_record_is_found_and_read_without_a_config(decide, tmp_path, files, rows):
    root = _repo(tmp_path, {"docs/guide.md": "# Guide\n", **files})
    assert [(r["number"], r["title"], r["status"], r["date"], r["path"]) for r in listed_adrs(decide, root)] == rows
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]


def test_a_status_change_edits_only_the_status_line_of_the_file_that_holds_it(decide, tmp_path):
    cips = _cips(tmp_path / "cip")
    page = cips / "CIPs/CIP-0002/README.md"
    before = page.read_text()
    changed = decide("adr", "status", "2", "accepted", "--force", "--date", "2026-11-30", cwd=cips)
    assert changed.exit_code == 0, changed.output
    # The preamble admits no field of its own: the day it was created stays, and no date is added.
    assert page.read_text() == before.replace("Status: Proposed", "Status: Accepted")
    keps = _keps(tmp_path / "kep")
    fields, page = keps / "keps/sig-node/2200-node-swap/kep.yaml", keps / "keps/sig-node/2200-node-swap/README.md"
    before, text = fields.read_text(), page.read_text()
    changed = decide("adr", "status", "2200", "accepted", "--force", "--date", "2026-11-30", cwd=keps)
    assert changed.exit_code == 0, changed.output
    assert fields.read_text() == before.replace("status: provisional", "status: implementable")
    assert page.read_text() == text
    # A KEP that keeps the day it was last updated has that day set.
    fields = keps / "keps/sig-node/277-side-containers/kep.yaml"
    before = fields.read_text()
    assert decide("adr", "status", "277", "deprecated", "--force", "--date", "2026-11-30", cwd=keps).exit_code == 0
    assert fields.read_text() == before.replace("status: replaced", "status: deprecated").replace(
        "last-updated: 2020-01-10", "last-updated: 2026-11-30")
    # A kep.yaml whose lines end in CRLF keeps them; one whose last line has no line end keeps it so.
    fields = keps / "keps/sig-cli/1441-shell-debug/kep.yaml"
    before = fields.read_text().replace("\n", "\r\n")
    fields.write_bytes(before.encode())
    assert decide("adr", "status", "1441", "deprecated", "--date", "2026-11-30", cwd=keps).exit_code == 0
    assert fields.read_bytes().decode() == before.replace("status: implementable", "status: deprecated")
    assert decide("adr", "approve", "1441", "--by", "ana", "--date", "2026-11-30", cwd=keps).exit_code == 0
    assert b"\r\napprovals:\r\n" in fields.read_bytes() and b"\n" not in fields.read_bytes().replace(b"\r\n", b"")
    fields = keps / "keps/sig-node/2300-pod-quotas/kep.yaml"
    before = fields.read_text().rstrip("\n")
    fields.write_text(before)
    assert decide("adr", "status", "2300", "proposed", "--date", "2026-11-30", cwd=keps).exit_code == 0
    assert fields.read_text() == before.replace("status: withdrawn", "status: provisional")
    plain = _repo(tmp_path / "plain", {"docs/adr/0001-use-postgres/README.md": NYGARD.format(
        n=1, title="Use Postgres", status="Accepted")})
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", cwd=plain).exit_code == 0
    assert (plain / "docs/adr/0001-use-postgres/README.md").read_text() == NYGARD.format(
        n=1, title="Use Postgres", status="Deprecated")


def test_a_kep_yaml_that_cannot_be_read_is_named_at_its_own_line(decide, tmp_path):
    root = _keps(tmp_path)
    fields = root / "keps/sig-node/2200-node-swap/kep.yaml"
    fields.write_text(fields.read_text().replace("status: provisional", "status: [provisional"))
    error = ("keps/sig-node/2200-node-swap/kep.yaml:6: error: invalid YAML: while parsing a flow sequence that is "
             "never closed: expected ',' or ']', but got ':' on line 7")
    check = decide("check", cwd=root)
    assert check.exit_code == 1 and check.stdout.splitlines() == [error, "1 error(s), 0 warning(s)"]
    status = decide("adr", "status", "2200", "accepted", cwd=root)
    assert status.exit_code == 2 and status.stderr.strip() == error
    assert decide("adr", "show", "2200", cwd=root).stderr.strip() == error
    # What reading its fields or checking its approvals finds is named at the kep.yaml's line too.
    fields.write_text(fields.read_text().replace("status: [provisional", "status: provisional")
                      + "prototypes: soon\napprovals:\n  - {by: ana}\n")
    assert [line.split(": warning: ")[0] for line in decide("check", cwd=root).stdout.splitlines()[:-1]] == [
        "keps/sig-node/2200-node-swap/kep.yaml:11", "keps/sig-node/2200-node-swap/kep.yaml:13"]


def test_a_kep_yaml_with_a_document_marker_is_named_and_never_split(decide, tmp_path):
    # Its `---` ended the fields joined as front matter: a status change moved every field into README.md
    # and left kep.yaml empty.
    root = _keps(tmp_path)
    folder = root / "keps/sig-node/2200-node-swap"
    (folder / "kep.yaml").write_text("---\n" + (folder / "kep.yaml").read_text())
    before = {name: (folder / name).read_bytes() for name in ("kep.yaml", "README.md")}
    status = decide("adr", "status", "2200", "accepted", "--force", cwd=root)
    assert status.exit_code == 2
    assert status.stderr.startswith("keps/sig-node/2200-node-swap/kep.yaml:1: error: a document marker")
    assert {name: (folder / name).read_bytes() for name in before} == before
    # Listing, checking and showing name it at the kep.yaml's line too, not at the page.
    for command in (("check",), ("adr", "list"), ("adr", "show", "2200")):
        assert "keps/sig-node/2200-node-swap/kep.yaml:1: error: a document marker" in decide(*command, cwd=root).output


@pytest.mark.parametrize(("make", "created"), [
    (_cips, "CIPs/CIP-0006/README.md"),
    (_keps, "keps/2301-try-a-thing/README.md"),
    (lambda tmp_path: _repo(tmp_path, {"docs/adr/0001-use-postgres/README.md": NYGARD.format(
        n=1, title="Use Postgres", status="Accepted")}), "docs/adr/0002-try-a-thing/README.md"),
    (lambda tmp_path: _repo(tmp_path, {"docs/decisions/001-use-postgres/index.md": MADR.format(
        n=1, title="Use Postgres", status="accepted")}), "docs/decisions/002-try-a-thing/index.md"),
])
def test_a_new_record_is_a_folder_named_as_the_others_holding_its_page(decide, tmp_path, make, created):
    # A new record in such a folder was `CIPs/0001-try-a-thing.md`: a number taken, and another form.
    root = make(tmp_path)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == created, result.output
    row = next(r for r in listed_adrs(decide, root) if r["path"] == created)
    assert (row["title"], row["status"], row["date"]) == ("Try a thing", "proposed", "2026-11-30")


def test_a_record_folder_on_another_branch_holds_its_number(decide, tmp_path):
    root = _cips(tmp_path)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "proposals")
    git(root, "checkout", "-q", "-b", "cip-6")
    (root / "CIPs/CIP-0006").mkdir()
    (root / "CIPs/CIP-0006/README.md").write_text(CIP.format(n=6, title="Pools", status="Proposed",
                                                             created="2021-01-01", lines="", abstract="Pools."))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "CIP 6")
    git(root, "checkout", "-q", "main")
    made = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "CIPs/CIP-0007/README.md", made.output


def test_links_to_a_record_folder_name_it_with_its_page_or_without(decide, tmp_path):
    relation = "\n{words} [{label}]({target})\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-use-postgres/README.md": NYGARD.format(n=1, title="Use Postgres", status=(
            "Superseded by [2. Use Cockroach](../0002-use-cockroach/README.md)")),
        "docs/adr/0002-use-cockroach/README.md": NYGARD.format(n=2, title="Use Cockroach", status=(
            "Accepted\n\nSupersedes [1. Use Postgres](../0001-use-postgres)\n\n"
            "Amended by [3. Shard by tenant](../0003-shard-by-tenant/)")),
        "docs/adr/0003-shard-by-tenant/index.md": NYGARD.format(n=3, title="Shard by tenant", status=(
            "Accepted\n\nAmends [2. Use Cockroach](../0002-use-cockroach/README.md)")),
    })
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    assert decide("adr", "show", "2", cwd=root).stdout.splitlines()[5:] == [
        "links:", "  supersedes ADR-0001: Use Postgres (superseded)  [recorded both]",
        "  amended by ADR-0003: Shard by tenant (accepted)  [recorded both]"]
    # Written by decide: from one folder to the other's page, and read back.
    assert decide("adr", "link", "3", "relates-to", "1", cwd=root).exit_code == 0
    assert "Relates to [1. Use Postgres](../0001-use-postgres/README.md)" in (
        root / "docs/adr/0003-shard-by-tenant/index.md").read_text()
    assert "Relates to [3. Shard by tenant](../0003-shard-by-tenant/index.md)" in (
        root / "docs/adr/0001-use-postgres/README.md").read_text()
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    # A CIP names another in a line under its preamble, by the folder alone or by its page.
    cips = _cips(tmp_path / "cip")
    page = cips / "CIPs/CIP-0001/README.md"
    page.write_text(page.read_text().replace("---\n\n## Abstract", "---\n" + relation.format(
        words="Extended by", label="CIP-0002", target="../CIP-0002/README.md") + "\n## Abstract", 1))
    page = cips / "CIPs/CIP-0002/README.md"
    page.write_text(page.read_text().replace("---\n\n## Abstract", "---\n" + relation.format(
        words="Extends", label="CIP-0001", target="../CIP-0001") + "\n## Abstract", 1))
    assert decide("adr", "show", "2", cwd=cips).stdout.splitlines()[5:] == [
        "links:", "  extends ADR-0001: Proposal process (accepted)  [recorded both]"]
    assert decide("check", cwd=cips).stdout.splitlines() == ["0 error(s), 0 warning(s)"]


def test_a_record_kept_as_a_folder_has_its_own_history_and_page_in_the_decision_log(decide, tmp_path):
    # Every record's page was `README.html`, each written over the one before, all with one history; and
    # moving `CIP-0010/CIP-0010.md` to `CIP-0010/README.md`, as the CIPs did, cut the record's history.
    root = _cips(tmp_path)
    page = root / "CIPs/CIP-0010/CIP-0010.md"
    page.parent.mkdir()
    page.write_text(CIP.format(n=10, title="Labels", status="Proposed", created="2020-01-01", lines="",
                               abstract="Labels for metadata."))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose labels")
    git(root, "mv", "CIPs/CIP-0010/CIP-0010.md", "CIPs/CIP-0010/README.md")
    git(root, "commit", "-q", "-m", "Move CIP 10 to its folder's README")
    page = root / "CIPs/CIP-0010/README.md"
    page.write_text(page.read_text().replace("Status: Proposed", "Status: Active"))
    git(root, "commit", "-q", "-a", "-m", "Activate labels")
    history = decide("adr", "history", "10", "--format", "json", cwd=root)
    assert [(row["subject"], row["after"]) for row in json.loads(history.stdout)] == [
        ("Propose labels", "proposed"), ("Move CIP 10 to its folder's README", "proposed"),
        ("Activate labels", "accepted")]
    assert decide("report", "log", "--out", "site", cwd=root).exit_code == 0  # today's: every commit is in it
    pages = sorted(path.name for path in (root / "site").glob("*.html"))
    assert pages == ["CIP-0001.html", "CIP-0002.html", "CIP-0005.html", "CIP-0010.html", "graph.html", "index.html"]
    assert "Activate labels" in (root / "site/CIP-0010.html").read_text()
    assert "Activate labels" not in (root / "site/CIP-0002.html").read_text()
    from toolkit.frames import Book

    decided = Book.open(root).decision_history().set_index("adr")["accepted on"].isna()
    assert (decided["ADR-0010"], decided["ADR-0002"]) == (False, True)


def test_renumbering_a_record_kept_as_a_folder_is_refused_naming_the_folder(decide, tmp_path):
    root = _cips(tmp_path)
    refused = decide("adr", "renumber", "2", "--to", "9", cwd=root)
    assert refused.exit_code == 2 and refused.stderr.strip() == (
        "error: ADR 2 is kept as a folder (CIPs/CIP-0002/); renumbering renames record files, so rename the folder "
        "and the links to it by hand")
    assert (root / "CIPs/CIP-0002/README.md").is_file()


def test_a_new_record_s_folder_is_not_left_behind_when_the_record_is_refused(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0001-use-go/README.md": '+++\ntitle = "Use Go"\nstatus = "accepted"\n'
                                                              'date = 2024-01-01\n+++\n\nWhy.\n'})
    # Refused while its page is written, and after, when the record it amends cannot take the link.
    made = decide("adr", "new", "Use Zig", "--no-edit", "--data-change", "--template", "nygard", cwd=root)
    assert made.exit_code == 2
    refused = decide("adr", "new", "Use Zig", "--no-edit", "--amends", "1", cwd=root)
    assert refused.exit_code == 2 and "add `links` by hand" in refused.stderr
    assert sorted(path.name for path in (root / "docs/adr").iterdir()) == ["0001-use-go"]


def test_drafts_kept_as_folders_numbered_zero_are_known_by_their_folders(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-use-go/README.md": NYGARD.format(n=1, title="Use Go", status="Accepted").replace(
            "Accepted", "Accepted\n\nRelates to [a draft](../0000-use-zig/README.md)"),
        "docs/adr/0000-use-zig/README.md": "# Use Zig\n\n## Status\n\nProposed\n",
        "docs/adr/0000-use-nim/README.md": "# Use Nim\n\n## Status\n\nProposed\n",
    })
    assert [(r["key"], r["title"]) for r in listed_adrs(decide, root)] == [
        ("1", "Use Go"), ("0000-use-nim", "Use Nim"), ("0000-use-zig", "Use Zig")]
    assert decide("adr", "status", "0000-use-zig", "rejected", cwd=root).exit_code == 0
    assert "## Status\n\nRejected\n" in (root / "docs/adr/0000-use-zig/README.md").read_text()
    assert decide("check", cwd=root).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"


def test_records_kept_as_folders_that_share_a_number_are_named_with_their_folders(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0002-use-queues/README.md":
                                NYGARD.format(n=2, title="Use queues", status="Proposed"),
                            "docs/adr/0002-use-streams/README.md": NYGARD.format(n=2, title="Use streams",
                                                                                 status="Proposed")})
    shared = ("ADR 2 is ambiguous: 0002-use-queues/README.md, 0002-use-streams/README.md share its number; "
              "name one by its file, as `0002-use-queues`")
    assert decide("adr", "show", "2", cwd=root).stderr.strip() == f"error: {shared}"
    assert decide("adr", "status", "2", "rejected", cwd=root).stderr.strip() == f"docs/adr: error: {shared}"
    assert decide("check", cwd=root).stdout.splitlines()[0] == (
        "docs/adr/0002-use-queues/README.md: error: number 2 is also used by docs/adr/0002-use-streams/README.md; "
        "give that one a free number with a rename of docs/adr/0002-use-streams/ to number 3")
    shown = decide("adr", "show", "0002-use-streams", cwd=root)
    assert shown.exit_code == 0 and "Use streams" in shown.stdout, shown.output


def test_a_page_with_front_matter_of_its_own_is_read_without_the_kep_yaml_beside_it(decide, tmp_path):
    root = _keps(tmp_path)
    page = root / "keps/sig-node/2200-node-swap/README.md"
    page.write_text("---\nstatus: accepted\ndate: 2021-02-02\n---\n" + page.read_text())
    row = next(r for r in listed_adrs(decide, root) if r["number"] == 2200)
    assert (row["status"], row["date"]) == ("accepted", "2021-02-02")


def test_records_kept_in_folders_named_by_their_day_are_read_from_their_page(decide, tmp_path):
    """Eclipse EDC's `decision-records/2022-02-10-code-coverage/README.md` beside the notes it links, and
    GreptimeDB's `rfcs/2022-12-20-promql-in-rust/rfc.md` beside RFCs kept as files."""
    root = _repo(tmp_path, {
        "docs/developer/decision-records/README.md": "# Decision Records\n\n"
            "- [2022-02-10 Code Coverage](2022-02-10-code-coverage/)\n- [2023-03-02 Store](2023-03-02_entity_store/)\n",
        "docs/developer/decision-records/2022-02-10-code-coverage/README.md":
            "# Code coverage\n\n## Decision\n\nMeasure it, as [JaCoCo](jacoco.md) does.\n",
        "docs/developer/decision-records/2022-02-10-code-coverage/jacoco.md": "# JaCoCo with aggregation\n\nNotes.\n",
        "docs/developer/decision-records/2023-03-02_entity_store/README.md": "# Entity store refactoring\n\n"
            "## Decision\n\nOne store per entity.\n",
    })
    rows = _rows(decide, root)
    assert rows == [
        (None, "Code coverage", None, None, "2022-02-10",
         "docs/developer/decision-records/2022-02-10-code-coverage/README.md"),
        (None, "Entity store refactoring", None, None, "2023-03-02",
         "docs/developer/decision-records/2023-03-02_entity_store/README.md"),
    ]
    made = decide("adr", "new", "Keep the cache warm", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    page = f"docs/developer/decision-records/{dt.date.today()}-keep-the-cache-warm/README.md"
    assert made.stdout.splitlines()[0] == page and "# Keep the cache warm" in (root / page).read_text()
    rfcs = _repo(tmp_path / "greptime", {
        "docs/rfcs/2022-12-20-promql-in-rust/rfc.md": "---\nFeature Name: \"promql-in-rust\"\nDate: 2022-12-20\n---\n"
                                                      "\nRewrite PromQL in Rust\n----------------------\n",
        "docs/rfcs/2022-12-20-promql-in-rust/example.png": "",
        "docs/rfcs/2023-01-03-procedure-framework.md":
            "---\nFeature Name: Procedure Framework\nDate: 2023-01-03\n---\n",
        "decisionbook.toml": '[adr]\ndir = "docs/rfcs"\n',
    })
    assert [(row[1], row[4], row[5]) for row in _rows(decide, rfcs)] == [
        ("Rewrite PromQL in Rust", "2022-12-20", "docs/rfcs/2022-12-20-promql-in-rust/rfc.md"),
        ("Procedure Framework", "2023-01-03", "docs/rfcs/2023-01-03-procedure-framework.md"),
    ]


def test_a_record_folder_named_by_its_day_beside_numbered_records_takes_no_number(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-use-kafka.md": NYGARD.format(n=1, title="Use Kafka", status="Accepted"),
        "docs/adr/0002-use-rust.md": NYGARD.format(n=2, title="Use Rust", status="Proposed"),
        "docs/adr/2022-02-10-code-coverage/README.md": "# Code coverage\n\n## Status\n\nAccepted\n",
        "docs/adr/archive/2021-05-01-old-build/README.md": "# Old build\n\n## Status\n\nDeprecated\n",
    })
    made = decide("adr", "new", "Use Go", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.splitlines()[0] == "docs/adr/0003-use-go.md"


def _enhancement_proposals(tmp_path: Path) -> Path:
    """Jupyter's enhancement proposals: at the repository's top, a folder per proposal named by its number and
    slug, holding a page named by the slug (a metadata table, or front matter), pictures beside some."""
    return _repo(tmp_path, {
        "README.md": "# Enhancement proposals\n\n| Number | Title | Status |\n| --- | --- | --- |\n"
                     "| [12](12-kernel-handshake/kernel-handshake.md) | Kernel handshake | Implemented |\n"
                     "| [05](05-output-widgets/output-widgets.md) | Output widgets | Implemented |\n",
        "05-output-widgets/output-widgets.md": "# Output widgets\n\n## Problem\n\nOutputs cannot be updated.\n",
        "12-kernel-handshake/kernel-handshake.md": (
            "| Item     | Value                       |\n| -------- | --------------------------- |\n"
            "| Number   | 12                          |\n| Title    | Kernel handshake at startup |\n"
            "| Status   | Accepted                    |\n| Created  | 14-Mar-2021                 |\n\n"
            "### Background\n\nKernels start in silence.\n"),
        "12-kernel-handshake/sequence.png": "not really a picture\n",
        "12-kernel-handshake/notes.md": "# Call notes\n\nStatus: discussed twice.\n",
        "40-cell-tags/cell-tags.md": ('---\ntitle: Tags on notebook cells\nauthors: Ana Lima\npr-number: 40\n'
                                      'date-started: "2022-05-03"\n---\n\n# Tags on notebook cells\n\n'
                                      '## Problem\n\nCells cannot be grouped.\n'),
        "proposal-guidelines/proposal-guidelines.md": "# How to propose\n\nOpen a pull request.\n",
        "proposal-guidelines/PROPOSAL-TEMPLATE.md": "---\ntitle: <title>\ndate-started: <date>\n---\n\n# Summary\n",
    })


def test_proposal_folders_whose_page_is_named_by_their_slug_are_read_from_the_top(decide, tmp_path):
    # Each page was read as an unnumbered record keyed `kernel-handshake`, and only once the top folder was named.
    root = _enhancement_proposals(tmp_path)
    assert [(r["number"], r["title"], r["status"], r["date"], r["path"]) for r in listed_adrs(decide, root)] == [
        (5, "Output widgets", None, None, "05-output-widgets/output-widgets.md"),
        (12, "Kernel handshake at startup", "accepted", "2021-03-14", "12-kernel-handshake/kernel-handshake.md"),
        (40, "Tags on notebook cells", None, "2022-05-03", "40-cell-tags/cell-tags.md"),
    ]
    shown = decide("adr", "show", "12", cwd=root)
    assert shown.exit_code == 0 and "Kernel handshake at startup" in shown.stdout, shown.output
    changed = decide("adr", "status", "40", "accepted", "--force", "--date", "2026-12-01", cwd=root)
    assert changed.exit_code == 0, changed.output
    assert "status: accepted\n" in (root / "40-cell-tags/cell-tags.md").read_text()
    made = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "41-try-a-thing/try-a-thing.md", made.output
    row = next(r for r in listed_adrs(decide, root) if r["number"] == 41)
    assert (row["title"], row["path"]) == ("Try a thing", "41-try-a-thing/try-a-thing.md")


def test_a_folder_of_pages_named_otherwise_is_no_record(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-use-postgres.md": NYGARD.format(n=1, title="Use Postgres", status="Accepted"),
        # notes of a record beside it, and a folder whose page is named by neither its slug nor README
        "docs/adr/0001-use-postgres/use-postgres.md": "# Benchmarks\n",
        "docs/adr/0002-use-queues/notes.md": "# Notes\n",
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/adr/0001-use-postgres.md"]


def test_an_index_of_proposal_folders_keeps_the_zero_padding_of_its_number_links(decide, tmp_path):
    # Its first row's `[12]` says no width: `[05]` below it was rewritten `[5]`. The rows list the newest first:
    # the new one goes on top.
    root = _enhancement_proposals(tmp_path)
    assert decide("adr", "index", cwd=root).exit_code == 0
    rows = [line for line in (root / "README.md").read_text().splitlines() if line.startswith("| [")]
    assert [row.split(")")[0] for row in rows] == [
        "| [40](40-cell-tags/cell-tags.md", "| [12](12-kernel-handshake/kernel-handshake.md",
        "| [05](05-output-widgets/output-widgets.md"]


@pytest.mark.parametrize("last", ["\r", ""])
def test_a_kep_yaml_whose_lines_end_in_cr_alone_keeps_them_through_every_edit(decide, tmp_path, last):
    # Classic Mac line ends: a status change, an approval and a link added kept them, but for a `\n` after the last.
    root = _keps(tmp_path)
    fields = root / "keps/sig-node/2200-node-swap/kep.yaml"
    before = fields.read_text().rstrip("\n").replace("\n", "\r") + last
    fields.write_bytes(before.encode())
    assert decide("adr", "status", "2200", "accepted", "--force", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert fields.read_bytes().decode() == before.replace("status: provisional", "status: implementable")
    assert decide("adr", "approve", "2200", "--by", "ana", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert decide("adr", "link", "2200", "relates to", "1441", cwd=root).exit_code == 0
    written = fields.read_bytes()
    assert b"\n" not in written and written.endswith(b"]" + last.encode())
    assert written.count(b"\r") == before.count("\r") + 3  # `approvals:`, its item and `links:`
    assert b"\rapprovals:\r  - {by: ana, date: 2026-11-30" in written
    # Read back: the approval is there, and a problem in the file is named at its own line.
    fields.write_bytes(written.replace(b"status: implementable", b"status: [implementable"))
    assert decide("check", cwd=root).stdout.startswith("keps/sig-node/2200-node-swap/kep.yaml:6: error:")


# scikit-learn's SLEPs: `slepNNN/proposal.rst`, an rST title and field list; scripts beside the page.
SLEP = ("{over}\n{title}\n{over}\n\n:Author: {author}\n:Status: {status}\n:Type: Standards Track\n"
        ":Created: {created}\n\nAbstract\n--------\n\n{abstract}\n")


def test_a_proposal_folder_s_page_may_be_its_proposal(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisionbook.toml": '[adr]\ndir = "."\n',
        "index.rst": ".. toctree::\n\n   slep006/proposal\n",
        "slep006/proposal.rst": SLEP.format(over="=" * 16, title="Metadata routing", author="Ida", status="Accepted",
                                            created="2019-03-07", abstract="Weights travel through pipelines."),
        "slep006/cases.py": "print('a case')\n",
        "slep017/proposal.rst": SLEP.format(over="=" * 14, title="Clone override", author="Joel", status="Draft",
                                            created="2022-03-19", abstract="An estimator decides how it is copied."),
    })
    assert _rows(decide, root) == [
        (6, "Metadata routing", "accepted", "Accepted", "2019-03-07", "slep006/proposal.rst"),
        (17, "Clone override", "draft", "Draft", "2022-03-19", "slep017/proposal.rst"),
    ]
    assert "0 error(s)" in decide("check", cwd=root).output
    assert decide("adr", "show", "SLEP017", cwd=root).exit_code == 0


def test_a_new_proposal_is_written_as_the_folder_s_proposals_are(decide, tmp_path):
    # It was a Nygard record in reStructuredText (`18. Try a thing` over a `Status` section): no other SLEP's form.
    slep = "{label}{over}\n{title}\n{over}\n\n:Author: {author}\n:Status: {status}\n:Type: {kind}\n" \
           ":Created: {created}\n:Resolution: {resolution}\n\n{sections}"
    root = _repo(tmp_path, {
        "decisionbook.toml": '[adr]\ndir = "."\n',
        "slep000/proposal.rst": slep.format(
            label=".. _slep_000:\n\n", over="=" * 30, title="SLEP000: SLEP and its workflow", author="Gita Hale",
            status="Accepted", kind="Process", created="2020-02-13", resolution="https://example.org/vote/0",
            sections="Abstract\n--------\n\nHow proposals are voted on.\n"),
        "slep006/proposal.rst": slep.format(
            label=".. _slep_006:\n\n", over="=" * 25, title="SLEP006: Metadata routing", author="Ida Jun",
            status="Accepted", kind="Standards Track", created="2019-03-07", resolution="https://example.org/vote/6",
            sections="Abstract\n--------\n\nWeights travel.\n\nMotivation\n----------\n\nPipelines drop them.\n\n"
                     "Backward compatibility\n----------------------\n\nNone broken.\n"),
        "slep006/cases_opt1.py": "print('a case')\n",
        "slep017/proposal.rst": slep.format(
            label="", over="=" * 14, title="Clone Override", author="Joel Kane", status="Draft",
            kind="Standards Track", created="2022-03-19", resolution="(required for Accepted | Rejected)",
            sections="Abstract\n--------\n\nAn estimator decides how it is copied.\n"),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "slep018/proposal.rst"
    # The title as most proposals write theirs, with its number; the field list without the model's values; a
    # draft, as the folder's proposals start; the model's sections without their text.
    assert (root / "slep018/proposal.rst").read_text() == (
        "=========================\nSLEP018: Try a thing\n=========================\n\n:Author: \n:Status: Draft\n"
        ":Type: \n:Created: 2026-12-02\n:Resolution: \n\nAbstract\n--------\n\nMotivation\n----------\n\n"
        "Backward compatibility\n----------------------\n")
    assert (18, "Try a thing", "draft", "Draft", "2026-12-02", "slep018/proposal.rst") in _rows(decide, root)
    assert "0 error(s)" in decide("check", cwd=root).output


# Windows Terminal's specs: `doc/specs/#NNNN - Title.md`, or a folder so named holding `spec.md` and pictures;
# front matter with `created on:` and `last updated:`.
SPEC = ("---\nauthor: {author}\ncreated on: {created}\nlast updated: {updated}\nissue id: \"#{n}\"\n---\n\n"
        "# {title}\n\n## Abstract\n{abstract}\n")


def test_specs_named_by_their_issue_after_a_hash_are_numbered_and_dated(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisionbook.toml": '[adr]\ndir = "doc/specs"\n',
        "doc/specs/#12424 - Auto-Save.md": SPEC.format(author="Lee", created="2025-12-23", updated="2026-01-05",
                                                      n=12424, title="Auto-Save", abstract="Save on every change."),
        "doc/specs/#1043 - Initial position/spec.md": SPEC.format(
            author="Max", created="2019-09-26", updated="2019-11-04", n=1043, title="Initial position",
            abstract="Choose where the window opens."),
        "doc/specs/#1043 - Initial position/images/one.png": "",
    })
    assert _rows(decide, root) == [
        (1043, "Initial position", None, None, "2019-11-04", "doc/specs/#1043 - Initial position/spec.md"),
        (12424, "Auto-Save", None, None, "2026-01-05", "doc/specs/#12424 - Auto-Save.md"),
    ]
    result = decide("adr", "status", "12424", "accepted", "--date", "2026-02-01", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / "doc/specs/#12424 - Auto-Save.md").read_text()
    assert "created on: 2025-12-23\nlast updated: 2026-02-01\n" in text


def test_a_tutorial_s_numbered_chapter_folders_are_no_proposal_folders(decide, tmp_path):
    # Chapters named as Jupyter names its proposals, pages named by their slugs: `init` took the top folder for the
    # ADR folder, and `adr list` showed the chapters as ADRs 1 and 2.
    root = _repo(tmp_path, {"01-getting-started/getting-started.md": "# Getting started\n\nInstall it.\n",
                            "02-installation/installation.md": "# Installation\n\nRun the installer.\n"})
    assert decide("init", cwd=root).exit_code == 0
    assert 'decisions = "."' not in (root / "decisionbook.toml").read_text()
    assert listed_adrs(decide, root) == []


def test_a_proposal_superseded_in_a_slep_folder_names_its_successor_as_the_sleps_do(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisionbook.toml": '[adr]\ndir = "."\n',
        "slep012/proposal.rst": SLEP.format(over="=" * 19, title="SLEP012: InputArray", author="Ana Ruiz",
                                            status="Draft", created="2019-12-20", abstract="An array with names."),
        "slep018/proposal.rst": SLEP.format(over="=" * 22, title="SLEP018: Pandas output", author="Tom Fan",
                                            status="Accepted", created="2022-06-22", abstract="Frames out."),
    })
    result = decide("adr", "status", "12", "superseded", "--by", "18", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    superseded = (root / "slep012/proposal.rst").read_text()
    assert ":Status: Superseded by `SLEP018 <../slep018/proposal.rst>`__\n" in superseded
    assert ":Supersedes: `SLEP012 <../slep012/proposal.rst>`__\n" in (root / "slep018/proposal.rst").read_text()
    assert [(r["number"], r["status"], r["superseded_by"], r["supersedes"]) for r in listed_adrs(decide, root)] == [
        (12, "superseded", "18", []), (18, "accepted", None, ["12"])]


GITBOOK = "# Nr. 00{n}: {title}\n\n* **Status**: _{status}_\n* **Kontext**: Warum {n}.\n* **Entscheidung**: Dies.\n"


def test_a_gitbook_export_of_numbered_records_is_found_and_read(decide, tmp_path):
    # GitBook names a page `Architecture Decision Record - ADRs` as the folder `architecture-decision-record-adrs`
    # and `Nr. 001: Title` as `nr.-001-title.md`: no folder was found, and titles kept `Nr. 001: `.
    folder = "docs/dokumentationen/architecture-decision-record-adrs"
    root = repository_with(tmp_path / "repo", {f"{folder}/README.md": "# Architecture Decision Record - ADRs\n"} | {
        f"{folder}/nr.-00{n}-{slug}.md": GITBOOK.format(n=n, title=title, status=status)
        for n, slug, title, status in ((1, "react-native", "React Native für die App", "Akzeptiert"),
                                       (2, "schichten", "Schichtenmodell", "Akzeptiert"),
                                       (3, "changelogs", "Changelogs und Tags", "Vorgeschlagen"))})
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)] == [
        (1, "React Native für die App", "accepted"), (2, "Schichtenmodell", "accepted"),
        (3, "Changelogs und Tags", "proposed")]
    made = decide("adr", "new", "Push-Benachrichtigungen", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == f"{folder}/nr.-004-push-benachrichtigungen.md"
    assert (root / made.stdout.strip()).read_text().startswith("# Nr. 004: Push-Benachrichtigungen\n")


# A CI system's RFCs: a folder per RFC at the repository's top, `NNN-name/proposal.md`, copied from `000-example`.
PROPOSAL = "# Summary\n\n{summary}\n\n# Motivation\n\nWhy.\n\n# Proposal\n\nWhat.\n"


def test_a_folder_numbered_0_and_named_example_is_the_template_not_a_record(decide, tmp_path):
    # `000-example/proposal.md` was listed as record 0, "Example".
    root = _repo(tmp_path, {
        "decisionbook.toml": '[paths]\ndecisions = "."\n',
        "000-example/proposal.md": PROPOSAL.format(summary="> Summarize your change."),
        "012-build-caches/proposal.md": PROPOSAL.format(summary="Steps keep a cache."),
        "031-pause-step/proposal.md": PROPOSAL.format(summary="A step waits for a person.")})
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [(12, "Build caches"), (31, "Pause step")]


def test_a_new_record_kept_as_a_folder_is_copied_from_the_example_numbered_0(decide, tmp_path):
    # It was decisionbook's MADR template: the process says to copy `000-example`.
    example = "> An open template: drop what you cannot fill in yet.\n\n" + PROPOSAL.format(summary="> Say it.")
    root = _repo(tmp_path, {
        "decisionbook.toml": '[paths]\ndecisions = "."\n', "000-example/proposal.md": example,
        "012-build-caches/proposal.md": PROPOSAL.format(summary="Steps keep a cache."),
        "031-pause-step/proposal.md": PROPOSAL.format(summary="A step waits for a person.")})
    result = decide("adr", "new", "Cache the catalogue", "--no-edit", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == "032-cache-the-catalogue/proposal.md", result.output
    assert (root / "032-cache-the-catalogue/proposal.md").read_text() == example
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)][-1] == (32, "Cache the catalogue")
