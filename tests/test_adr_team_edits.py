"""Status and relation edits write in the team's own form and change only the lines they must: no date key
added to a header that keeps none, keys added in the header's case, last-updated fields kept up to date, and
links added to a list of the relation as its items are written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import listed_adrs, repository_with

CONFIG = '[adr]\ndir = "{folder}"\n'

# PowerShell's RFCs: capitalised front-matter keys, no date key, `SupercededBy` as the committee spells it.
RFC = ("---\nRFC: {rfc}\nAuthor: Kirk Munro\nStatus: {status}\nSupercededBy: {by}\nVersion: 1.0\nArea: Engine\n"
       "Comments Due: July 15, 2019\nPlan to implement: Yes\n---\n\n# {title}\n\n## Motivation\n\nWhy.\n")

# GreptimeDB's RFCs: Rust's RFC header as front matter, capitalised, and no status key.
GREPTIME = ("---\nFeature Name: Remote WAL Purge\nTracking Issue: https://example.com/issues/5474\nDate: 2025-02-06\n"
            'Author: "Yuhan Wang <yw@example.com>"\n---\n\n# Summary\n\nPurge remote WAL.\n')

# TensorFlow's RFCs: a header table whose `Updated` row says when the RFC last changed; `Created` when it began.
TF_WHILE = ("# Functional while_loop\n| Status        | Proposed                                             |\n"
            ":---------------|:-----------------------------------------------------|\n"
            "| **Author(s)** | Saurabh Saxena (Google) |\n"
            "| **Updated**   | 2018-08-21                                           |\n"
            "\n## Objective\n\nA While op.\n")
TF_COND = ("# Functional cond\n\n| Status        | Approved       |\n:-------------- |:------------------ |\n"
           "| **Author(s)** | Skye (skye@example.com)  |\n| **Created**   | 2018-05-07                          |\n"
           "| **Updated**   | 2019-02-26                          |\n\n## Objective\n\nAn If op.\n")
TF_NEXT = ("# Distribution Strategy\n\n| Status        | Proposed      |\n| :------------ | :------------ |\n"
           "| **Author(s)** | cjfj@example.com |\n| **Updated**   | 2018-10-31    |\n\n## Objective\n\nAn API.\n")

# konflux's ADRs: `Created:` and `Last Updated:` lines above the Status section; related records listed under
# `Relates to:` and `Supercedes:`, linked by their rendered `.html` pages.
KONFLUX_9 = ("# 0009 Pipeline Service via Operator\n\nCreated: 2023-09-29\nLast Updated: 2023-09-29\n\n## Status\n\n"
             "Proposed\n\n## Context\n\nkcp is gone.\n")
KONFLUX_32 = ("# 32. Decoupling Deployment\n\nDate: 2023-11-17\n\n## Status\n\nDraft\n\nRelates to:\n"
              "* [ADR 14. Let Pipelines Proceed](0014-let-pipelines-proceed.html)\n\nSupercedes:\n"
              "* [ADR 08. Environment Provisioning](0008-environment-provisioning.html)\n"
              "* [ADR 28. Handling Errors](0028-handling-errors.html)\n\n## Context\n\nDecouple.\n")
KONFLUX_14 = "# 14. Let Pipelines Proceed\n\nDate: 2022-11-01\n\n## Status\n\nAccepted\n\n## Context\n\nGo on.\n"

# Arbeidstilsynet's ADRs: a dated task list of status choices, and `## Relaterte dokumenter` listing related
# records as `- [ADR-0003 - Title](./adr-0003-slug.md)` beside links to web pages.
NORSK = ("# {n:04d} - {title}\n\n## Status\n\n- [x] Foreslått (dato: 2025-06-02)\n"
         "- [ ] Akseptert (dato: ÅÅÅÅ-MM-DD)\n- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)\n"
         "- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD) _lenke til ADR som erstatter denne_\n\n"
         "## Kontekst\n\nHvorfor {n}.\n{related}")
# Record 2 links the records it relates to by their file names, and a file that is no record after them.
BY_NAME = ("\n## Relaterte dokumenter\n\n- [adr-0001-repo-init.md](adr-0001-repo-init.md)\n"
           "- [RELEASE.md](../../RELEASE.md)\n")
RELATED = ("\n## Relaterte dokumenter\n\n- [ADR-0001 - Repostruktur](./adr-0001-repo-init.md)\n"
           "- [issue #554](https://github.com/example/design/issues/554)\n")


def _folder(tmp_path: Path, folder: str, records: dict[str, str]) -> Path:
    files = {f"{folder}/{name}": text for name, text in records.items()}
    return repository_with(tmp_path / "repo", {"decisionbook.toml": CONFIG.format(folder=folder), **files})


def _rfc(n: str, status: str, by: str = "", title: str = "Optional features") -> str:
    return RFC.format(rfc=n, status=status, by=by, title=title)


def test_a_status_change_adds_no_date_key_to_a_capitalised_header_that_keeps_none(decide, tmp_path):
    draft, policy, ternary = _rfc("RFCnnnn", "Draft"), _rfc("RFC0041", "Final", " N/A", "Policy"), _rfc(
        "RFC0045", "Final", " N/A", "Ternary operator")
    root = _folder(tmp_path, ".", {"1-Draft/RFCNNNN-Optional-Features.md": draft,
                                   "Final/RFC0041-Policy.md": policy, "Final/RFC0045-Ternary.md": ternary})
    done = decide("adr", "status", "RFCNNNN-Optional-Features", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "1-Draft/RFCNNNN-Optional-Features.md").read_text() == draft.replace(
        "Status: Draft", "Status: Accepted")
    done = decide("adr", "status", "41", "superseded", "--by", "45", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "Final/RFC0041-Policy.md").read_text() == policy.replace(
        "Status: Final", "Status: Superseded").replace("SupercededBy:  N/A", "SupercededBy:  RFC0045")


def test_madr_front_matter_without_a_date_is_still_given_one(decide, tmp_path):
    madr = "---\nstatus: proposed\n---\n# Mock the API\n\n## Context and Problem Statement\n\nX.\n"
    root = _folder(tmp_path, "docs/decisions", {"0001-mock-the-api.md": madr})
    assert decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0001-mock-the-api.md").read_text() == madr.replace(
        "status: proposed\n", "status: accepted\ndate: 2026-12-02\n")


def test_a_key_added_to_a_capitalised_header_is_capitalised(decide, tmp_path):
    root = _folder(tmp_path, "docs/rfcs", {"2025-02-06-remote-wal-purge.md": GREPTIME})
    path = root / "docs/rfcs/2025-02-06-remote-wal-purge.md"
    done = decide("adr", "status", "2025-02-06-remote-wal-purge", "accepted", "--force", "--date", "2026-12-02",
                  cwd=root)
    assert done.exit_code == 0, done.output
    assert path.read_text() == GREPTIME.replace('yw@example.com>"\n', 'yw@example.com>"\nStatus: accepted\n')


def test_superseding_adds_supersedes_to_a_capitalised_header_in_its_case(decide, tmp_path):
    policy, ternary = _rfc("RFC0041", "Final", " N/A", "Policy"), _rfc("RFC0045", "Final", " N/A", "Ternary operator")
    root = _folder(tmp_path, ".", {"Final/RFC0041-Policy.md": policy, "Final/RFC0045-Ternary.md": ternary})
    done = decide("adr", "status", "41", "superseded", "--by", "45", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "Final/RFC0045-Ternary.md").read_text() == ternary.replace(
        "Plan to implement: Yes\n", "Plan to implement: Yes\nSupersedes: [41]\n")
    shown = decide("adr", "show", "45", cwd=root).output
    assert "supersedes ADR-0041" in shown, shown


def test_a_status_change_sets_an_updated_row_and_keeps_a_created_one(decide, tmp_path):
    root = _folder(tmp_path, "rfcs", {"20180821-functional-while.md": TF_WHILE, "20180507-cond-v2.md": TF_COND,
                                      "20181016-replicator.md": TF_NEXT})
    done = decide("adr", "status", "20180821-functional-while", "superseded", "--by", "20181016-replicator",
                  "--date", "2026-12-02", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "rfcs/20180821-functional-while.md").read_text() == TF_WHILE.replace(
        "Proposed                                             |",
        "Superseded by [Distribution Strategy](20181016-replicator.md) |"
    ).replace("2018-08-21", "2026-12-02")
    done = decide("adr", "status", "20180507-cond-v2", "superseded", "--by", "20181016-replicator",
                  "--date", "2026-12-03", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "rfcs/20180507-cond-v2.md").read_text() == TF_COND.replace(
        "Approved       |", "Superseded by [Distribution Strategy](20181016-replicator.md) |").replace(
        "2019-02-26", "2026-12-03")


# Qiskit's RFCs: the status is the header row of a key-value table, both cells in bold.
QISKIT = ("# Backend interface\n\n| **Status**        | **{status}** |\n|:------------------|:-------------|\n"
          "| **RFC #**         | 0023         |\n| **Submitted**     | 2024-06-02   |\n\n## Summary\n\nWhy.\n")


def test_a_status_in_bold_in_a_table_s_header_row_changes_in_bold(decide, tmp_path):
    # It was read as `**Proposed`, and written back `| Accepted** |`.
    root = repository_with(tmp_path / "repo", {"rfcs/0023-backend.md": QISKIT.format(status="Proposed")})
    shown = decide("adr", "list", "--format", "json", cwd=root)
    assert '"status_raw": "Proposed"' in shown.stdout, shown.output
    done = decide("adr", "status", "23", "accepted", "--date", "2026-12-02", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "rfcs/0023-backend.md").read_text() == QISKIT.format(status="Accepted")


def test_a_relation_row_below_a_bold_table_header_is_a_row_of_its_own_cells(decide, tmp_path):
    # It was written `| **Supersedes**        | **[0023](0023-backend.md) |`: bold never closed, its label cell wider.
    root = repository_with(tmp_path / "repo", {"rfcs/0023-backend.md": QISKIT.format(status="Accepted"),
                                               "rfcs/0024-backend-v3.md": QISKIT.format(status="Proposed")})
    done = decide("adr", "status", "23", "superseded", "--by", "24", cwd=root)
    assert done.exit_code == 0, done.output
    lines = (root / "rfcs/0024-backend-v3.md").read_text().splitlines()
    assert lines[2:4] == ["| **Status**        | **Proposed** |", "|:------------------|:-------------|"]
    assert lines[4].startswith("| **Supersedes**    | [") and lines[4].endswith("](0023-backend.md) |"), lines[4]
    assert {row["key"]: row["supersedes"] for row in listed_adrs(decide, root)}["24"] == ["23"]


def test_accepting_and_superseding_set_a_last_updated_line_and_keep_created(decide, tmp_path):
    records = {"0009-pipeline-service-via-operator.md": KONFLUX_9, "0014-let-pipelines-proceed.md": KONFLUX_14}
    root = _folder(tmp_path, "ADR", records)
    path = root / "ADR/0009-pipeline-service-via-operator.md"
    assert decide("adr", "status", "9", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    accepted = KONFLUX_9.replace("Last Updated: 2023-09-29", "Last Updated: 2026-12-02").replace(
        "Proposed", "Accepted")
    assert path.read_text() == accepted
    assert decide("adr", "status", "9", "superseded", "--by", "14", "--date", "2026-12-03", cwd=root).exit_code == 0
    assert path.read_text() == accepted.replace("2026-12-02", "2026-12-03").replace(
        "Accepted", "Superseded by [14. Let Pipelines Proceed](0014-let-pipelines-proceed.md)")


def test_a_link_joins_the_list_of_its_relation_written_as_its_items(decide, tmp_path):
    records = {"0009-pipeline-service-via-operator.md": KONFLUX_9, "0032-decoupling-deployment.md": KONFLUX_32}
    root = _folder(tmp_path, "ADR", records)
    path = root / "ADR/0032-decoupling-deployment.md"
    done = decide("adr", "link", "32", "relates to", "9", cwd=root)
    assert done.exit_code == 0, done.output
    related = KONFLUX_32.replace("proceed.html)\n", "proceed.html)\n"
                                 "* [ADR 9. Pipeline Service via Operator](0009-pipeline-service-via-operator.html)\n")
    assert path.read_text() == related
    done = decide("adr", "status", "9", "superseded", "--by", "32", "--force", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert path.read_text() == related.replace("errors.html)\n", "errors.html)\n"
                                               "* [ADR 09. Pipeline Service via Operator]"
                                               "(0009-pipeline-service-via-operator.html)\n")


def test_a_related_record_joins_the_related_documents_list_as_its_items_are_written(decide, tmp_path):
    records = {"adr-0001-repo-init.md": NORSK.format(n=1, title="Repostruktur", related=""),
               "adr-0002-pakkeversjonering.md": NORSK.format(n=2, title="Pakkeversjonering", related=BY_NAME),
               "adr-0004-docgen.md": NORSK.format(n=4, title="Docgen-wrappere", related=RELATED)}
    root = _folder(tmp_path, "docs/adr", records)
    done = decide("adr", "link", "4", "relates to", "2", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/adr-0004-docgen.md").read_text() == records["adr-0004-docgen.md"].replace(
        "repo-init.md)\n", "repo-init.md)\n- [ADR-0002 - Pakkeversjonering](./adr-0002-pakkeversjonering.md)\n")
    assert (root / "docs/adr/adr-0002-pakkeversjonering.md").read_text() == records[
        "adr-0002-pakkeversjonering.md"].replace("init.md)\n", "init.md)\n- [adr-0004-docgen.md](adr-0004-docgen.md)\n")


# A team's template whose Status section lists the choices, the first in bold, and records that keep the
# chosen word in bold under the section (`**Accepted**`).
BOLD_TEMPLATE = ("# ADR-XXX: [Title]\n\n## Status\n\n**Proposed** | Accepted | Deprecated | Superseded by "
                 "[ADR-XXX](./xxx.md)\n\n## Date\n\nYYYY-MM-DD\n\n## Context\n\n<!-- why -->\n")
BOLD_RECORD = "# ADR-{n:03d}: {title}\n\n## Status\n\n**{status}**\n\n## Date\n\n2025-12-0{n}\n\n## Context\n\nWhy.\n"
# MADR 2 bullets as a team writes them: the status value in bold (`* Status: **accepted**`).
BOLD_BULLETS = "# {title}\n\n* Status: **{status}**\n* Date: 2023-06-0{n}\n\n## Context and Problem Statement\n\nWhy.\n"


def test_a_new_record_writes_its_status_in_bold_where_the_folder_s_records_do(decide, tmp_path):
    root = _folder(tmp_path, "docs/adr", {
        "000-template.md": BOLD_TEMPLATE,
        "001-core.md": BOLD_RECORD.format(n=1, title="Core", status="Accepted"),
        "002-agents.md": BOLD_RECORD.format(n=2, title="Agents", status="Proposed")})
    made = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / "docs/adr/003-try-a-thing.md").read_text().splitlines()[:5] == [
        "# ADR-003: Try a thing", "", "## Status", "", "**Proposed**"]
    assert decide("adr", "status", "3", "accepted", "--force", cwd=root).exit_code == 0
    assert "**Accepted**" in (root / "docs/adr/003-try-a-thing.md").read_text().splitlines()
    root = _folder(tmp_path / "bullets", "docs/decisions", {
        f"adr_00{n}-{title.lower()}.md": BOLD_BULLETS.format(n=n, title=title, status=status)
        for n, title, status in ((1, "Series", "accepted"), (2, "Broker", "accepted"), (3, "Api", "proposed"))})
    made = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert "* Status: **proposed**" in (root / "docs/decisions/adr_004-try-a-thing.md").read_text().splitlines()


def test_a_new_record_writes_its_status_plain_where_the_folder_s_records_do(decide, tmp_path):
    # The template marks its first choice in bold, as EvolutionHub's does; the records write the word plain.
    root = _folder(tmp_path, "docs/adr", {
        "000-template.md": BOLD_TEMPLATE,
        "001-core.md": BOLD_RECORD.format(n=1, title="Core", status="Accepted").replace("**", ""),
        "002-agents.md": BOLD_RECORD.format(n=2, title="Agents", status="Proposed").replace("**", "")})
    made = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / "docs/adr/003-try-a-thing.md").read_text().splitlines()[4] == "Proposed"


def test_an_approval_is_recorded_under_a_key_in_the_header_s_case(decide, tmp_path):
    policy = _rfc("RFC0041", "Draft", " N/A", "Policy")
    root = _folder(tmp_path, ".", {"Final/RFC0041-Policy.md": policy})
    path = root / "Final/RFC0041-Policy.md"
    for by in ("Ana Lima", "Ben Ode", "Ana Lima"):
        done = decide("adr", "approve", "41", "--by", by, "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
    lines = path.read_text().splitlines()
    at = lines.index("Plan to implement: Yes") + 1
    assert lines[at] == "Approvals:" and "approvals:" not in lines
    # Read back: a second approver is added beside the first, and the first approving again is recorded once.
    assert [line.split(",")[0] for line in lines[at + 1 : at + 3]] == ["  - {by: Ana Lima", "  - {by: Ben Ode"]
    assert lines[at + 3] == "---"
    assert lines[: at] == policy.splitlines()[: at]
    assert "approval" not in decide("check", cwd=root).stdout


# Wagtail's RFCs: bullets under the title, no status among them, `Created` when it began, `Last Modified` when last
# changed.
WAGTAIL = ("# RFC 12: Queue mail\n\n* RFC: 12\n* Author: Ina Ott\n* Created: 2021-04-09\n* Last Modified: 2021-05-01\n"
           "\n## Abstract\n\nSend later.\n")


def test_a_status_given_to_a_record_that_says_none_sets_its_last_modified_line(decide, tmp_path):
    root = _folder(tmp_path, "text", {"012-queue-mail.md": WAGTAIL, "013-other.md": WAGTAIL.replace("12", "13")})
    done = decide("adr", "status", "12", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "text/012-queue-mail.md").read_text() == WAGTAIL.replace(
        "* RFC: 12", "* Status: accepted\n* RFC: 12").replace("Last Modified: 2021-05-01", "Last Modified: 2026-12-02")


# observability-hub's records: bold field bullets, `- **Supersedes:**` below the fields when it replaces one.
BOLD_FIELDS = ("# ADR {n:03d}: {title}\n\n- **Status:** Accepted\n- **Date:** 2026-01-{n:02d}\n- **Author:** Lee Moss\n"
                "{more}\n## Context and Problem Statement\n\nWhy {n}.\n")


def test_a_second_superseded_record_joins_the_supersedes_field_already_there(decide, tmp_path):
    newest = BOLD_FIELDS.format(n=14, title="Libraries", more="- **Supersedes:** [ADR 009](./009-helpers.md)\n")
    records = {"009-helpers.md": BOLD_FIELDS.format(n=9, title="Helpers", more="").replace(
                   "Accepted", "Superseded by [ADR 014](./014-libraries.md)"),
               "010-vault.md": BOLD_FIELDS.format(n=10, title="Vault", more=""), "014-libraries.md": newest}
    root = _folder(tmp_path, "docs/decisions", records)
    done = decide("adr", "status", "10", "superseded", "--by", "14", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/decisions/014-libraries.md").read_text() == newest.replace(
        "(./009-helpers.md)", "(./009-helpers.md), [ADR 010](./010-vault.md)")
    shown = decide("adr", "show", "14", cwd=root).output
    assert "supersedes ADR-0010" in shown and "supersedes ADR-0009" in shown, shown


# Old MADR and log4brains records: `* Status:` bullets under the title, and a Status section saying it once more.
MADR_TWICE = ("# {title}\n\n* Status: {status}\n* Deciders: Ana Ruiz, Ben Ode\n* Date: 2021-03-04\n\n## Status\n\n"
              "{again}\n\n## Context and Problem Statement\n\nWhy.\n")


def test_a_status_section_repeating_the_bullet_s_status_changes_with_it(decide, tmp_path):
    plain = MADR_TWICE.format(title="Keep audit logs", status="accepted", again="Accepted")
    quoted = MADR_TWICE.format(title="Queue exports", status="proposed", again="> Proposed")
    root = _folder(tmp_path, "docs/adr", {"0001-keep-audit-logs.md": plain, "0002-queue-exports.md": quoted})
    for key, status in (("1", "deprecated"), ("2", "accepted")):
        done = decide("adr", "status", key, status, "--force", "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0001-keep-audit-logs.md").read_text() == MADR_TWICE.format(
        title="Keep audit logs", status="deprecated", again="Deprecated").replace("2021-03-04", "2026-12-02")
    assert (root / "docs/adr/0002-queue-exports.md").read_text() == MADR_TWICE.format(
        title="Queue exports", status="accepted", again="> Accepted").replace("2021-03-04", "2026-12-02")


def test_a_superseded_bullet_record_names_its_successor_in_its_status_section_too(decide, tmp_path):
    old = MADR_TWICE.format(title="Keep audit logs", status="accepted", again="Accepted")
    root = _folder(tmp_path, "docs/adr", {"0001-keep-audit-logs.md": old})
    made = decide("adr", "new", "Ship audit logs", "--supersedes", "1", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    successor = "superseded by [ADR-0002](0002-ship-audit-logs.md)"
    assert (root / "docs/adr/0001-keep-audit-logs.md").read_text() == MADR_TWICE.format(
        title="Keep audit logs", status=successor, again=successor[0].upper() + successor[1:]).replace(
        "2021-03-04", "2026-12-02")
    assert "0001-keep-audit-logs.md" not in decide("check", cwd=root).stdout


def test_a_status_section_that_says_more_than_a_status_is_left_as_written(decide, tmp_path):
    text = MADR_TWICE.format(title="Keep audit logs", status="accepted",
                             again="We accepted this after the March review, pending a load test.")
    root = _folder(tmp_path, "docs/adr", {"0001-keep-audit-logs.md": text})
    done = decide("adr", "status", "1", "deprecated", "--force", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0001-keep-audit-logs.md").read_text() == text.replace(
        "Status: accepted", "Status: deprecated").replace("2021-03-04", "2026-12-02")


# Korean teams' records: `## 상태` over the status in bold, after a mark that says which status it is, and its day.
KOREAN = "# ADR-{n:03d}: {title}\n\n## 상태\n{status} ({day})\n\n## 컨텍스트\n\n왜 {n}.\n"


def test_a_korean_status_in_bold_after_a_mark_stays_bold_and_takes_the_folder_s_mark(decide, tmp_path):
    records = {"ADR-001-secrets.md": ("시크릿 관리", "✅ **승인됨**", "2025-11-03"),
               "ADR-002-replicas.md": ("고가용성", "✅ **승인됨**", "2025-12-01"),
               "ADR-003-cache.md": ("캐시 배포", "⏳ **제안됨**", "2026-01-15")}
    root = _folder(tmp_path, "docs/adr", {name: KOREAN.format(n=n, title=title, status=status, day=day)
                                          for n, (name, (title, status, day)) in enumerate(records.items(), 1)})
    for key, status in (("3", "accepted"), ("1", "deprecated")):
        done = decide("adr", "status", key, status, "--force", "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
    # Accepted is marked as the folder marks it; no record marks a deprecated one, so its mark goes with the old status.
    assert (root / "docs/adr/ADR-003-cache.md").read_text() == KOREAN.format(
        n=3, title="캐시 배포", status="✅ **승인됨**", day="2026-12-02")
    assert (root / "docs/adr/ADR-001-secrets.md").read_text() == KOREAN.format(
        n=1, title="시크릿 관리", status="**폐기됨**", day="2026-12-02")
    listed = {row["number"]: (row["status"], row["date"]) for row in listed_adrs(decide, root)}
    assert listed == {1: ("deprecated", "2026-12-02"), 2: ("accepted", "2025-12-01"), 3: ("accepted", "2026-12-02")}


# Primer's ADRs: `📆 Date:`, a Status table whose state carries a mark, and a template that lists each status's mark.
PRIMER_TEMPLATE = ("# [ADR] Title of the decision\n\n📆 Date: YYYY-MM-DD\n\n## Status\n\n"
                   "<!-- One of: Proposed, Accepted, Superseded by [LINK](), Deprecated -->\n\n"
                   "Status: [Proposed ❓ | Accepted ✅ | Superseded by [ADD LINK] ⚠️ | Deprecated ⛔]\n\n"
                   "## Context\n\n<!-- Why the decision is needed. -->\n\n## Decision\n\n<!-- What was decided. -->\n")
PRIMER = ("# {title}\n\n📆 Date: {day}\n\n## Status\n\n| Stage          | State       |\n"
          "| -------------- | ----------- |\n| Status         | {status} |\n| Implementation | Pending ⚠️  |\n\n"
          "## Context\n\nWhy.\n")


def test_a_primer_status_change_writes_the_mark_the_folder_s_template_gives_the_new_status(decide, tmp_path):
    root = _folder(tmp_path, "contributor-docs/adrs", {
        "adr-000-template.md": PRIMER_TEMPLATE,
        "adr-024-slots.md": PRIMER.format(title="Prefer slots over props", day="2026-05-17", status="Proposed ❓"),
        "adr-025-merging.md": PRIMER.format(title="Merge props in one helper", day="2026-07-28", status="Accepted ✅"),
    })
    for key, status in (("24", "accepted"), ("25", "deprecated")):
        done = decide("adr", "status", key, status, "--force", "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
    assert (root / "contributor-docs/adrs/adr-024-slots.md").read_text() == PRIMER.format(
        title="Prefer slots over props", day="2026-12-02", status="Accepted ✅")
    assert (root / "contributor-docs/adrs/adr-025-merging.md").read_text() == PRIMER.format(
        title="Merge props in one helper", day="2026-07-28", status="Deprecated ⛔")


def test_a_primer_record_superseded_gets_the_mark_the_folder_s_template_gives_superseded(decide, tmp_path):
    root = _folder(tmp_path, "contributor-docs/adrs", {
        "adr-000-template.md": PRIMER_TEMPLATE,
        "adr-023-tokens.md": PRIMER.format(title="Name colours by role", day="2026-04-02", status="Accepted ✅"),
        "adr-024-slots.md": PRIMER.format(title="Prefer slots over props", day="2026-05-17", status="Accepted ✅"),
        "adr-025-merging.md": PRIMER.format(title="Merge props in one helper", day="2026-07-28", status="Accepted ✅"),
    })
    done = decide("adr", "status", "24", "superseded", "--by", "25", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "contributor-docs/adrs/adr-024-slots.md").read_text() == PRIMER.format(
        title="Prefer slots over props", day="2026-05-17",
        status="Superseded by [25. Merge props in one helper](adr-025-merging.md) ⚠️")
    made = decide("adr", "new", "Use one slot", "--supersedes", "25", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert "| Status         | Superseded by [26. Use one slot](adr-026-use-one-slot.md) ⚠️ |\n" in (
        root / "contributor-docs/adrs/adr-025-merging.md").read_text()
    linked = decide("adr", "link", "23", "superseded-by", "24", cwd=root)
    assert linked.exit_code == 0, linked.output
    assert "| Status         | Superseded by [24. Prefer slots over props](adr-024-slots.md) ⚠️ |\n" in (
        root / "contributor-docs/adrs/adr-023-tokens.md").read_text()
    assert {row["number"]: (row["status"], row["superseded_by"]) for row in listed_adrs(decide, root)} == {
        23: ("superseded", "24"), 24: ("superseded", "25"), 25: ("superseded", "26"), 26: ("proposed", None)}


# Adyen's commercetools integration writes each status in brackets (`[Proposed]`); the French health agency's
# records quote theirs in a bold bullet (`* **statut**: "proposé"`).
BRACKETED = "# {n}. {title}\n\nDate: 2023-04-2{n}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"
QUOTED = ('# Annuaire des services\n\n* **statut**: "{status}"\n* **date**: "{date}"\n\n'
          "## Contexte et énoncé du problème\n\nPourquoi.\n")


def test_a_status_change_keeps_the_brackets_or_quotes_the_status_is_written_in(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-drop-a-call.md": BRACKETED.format(n=1, title="Drop a call", status="[Proposed]"),
        "docs/adr/0002-retry-key.md": BRACKETED.format(n=2, title="Retry key", status="[Proposed]"),
    })
    assert decide("adr", "status", "1", "accepted", "--date", "2026-12-02", "--force", cwd=root).exit_code == 0
    assert (root / "docs/adr/0001-drop-a-call.md").read_text() == BRACKETED.format(
        n=1, title="Drop a call", status="[Accepted]").replace("2023-04-21", "2026-12-02")
    done = decide("adr", "status", "2", "superseded", "--by", "1", "--date", "2026-12-02", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    superseded = (root / "docs/adr/0002-retry-key.md").read_text()
    assert "\n[Superseded] by [1. Drop a call](0001-drop-a-call.md)\n" in superseded
    listed = {r["number"]: (r["status"], r["superseded_by"]) for r in listed_adrs(decide, root)}
    assert listed == {1: ("accepted", None), 2: ("superseded", "1")}

    french = repository_with(tmp_path / "ans", {"docs/decisions/0004-annuaire.md": QUOTED.format(
        status="proposé", date="2025-09-02")})
    assert decide("adr", "status", "4", "accepted", "--date", "2026-12-02", "--force", cwd=french).exit_code == 0
    written = (french / "docs/decisions/0004-annuaire.md").read_text()
    assert written == QUOTED.format(status="accepté", date="2026-12-02")


def test_a_primer_record_superseded_again_without_a_successor_keeps_its_link_and_mark(decide, tmp_path):
    # `--force` named no successor, yet the status was rewritten `Superseded ⚠️`, the link to ADR 25 gone.
    superseded = PRIMER.format(title="Prefer slots over props", day="2026-05-17",
                               status="Superseded by [25. Merge props in one helper](adr-025-merging.md) ⚠️")
    root = _folder(tmp_path, "contributor-docs/adrs", {
        "adr-000-template.md": PRIMER_TEMPLATE, "adr-024-slots.md": superseded,
        "adr-025-merging.md": PRIMER.format(title="Merge props in one helper", day="2026-07-28", status="Accepted ✅"),
    })
    for forced in ((), ("--force",)):
        done = decide("adr", "status", "24", "superseded", *forced, "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
        assert done.stdout == "ADR-0024 is already superseded by ADR 25; nothing changed\n"
        assert (root / "contributor-docs/adrs/adr-024-slots.md").read_text() == superseded


# Record 1 superseded by record 5, in each form a team writes it; the folder holds both.
_NEXT = "# 5. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\nAccepted\n\n## Context\n\nThroughput.\n"
_SUPERSEDED = {
    "madr front matter": ("decisions/0001-use-a-queue.md",
                          "---\nstatus: superseded by ADR-0005   # see the load test\ndate: 2026-01-12\n"
                          "decision-makers: [ines, tom]\n---\n# Use a queue\n\n## Context and Problem Statement\n\n"
                          "Orders pile up.\n"),
    "madr front matter link": ("decisions/0001-use-a-queue.md",
                               "---\nstatus: \"superseded by [ADR-0005](0005-use-kafka.md)\"\ndate: 2026-01-12\n---\n"
                               "# Use a queue\n\nOrders pile up.\n"),
    "madr 2 bullets": ("decisions/0001-use-a-queue.md",
                       "# Use a queue\n\n* Status: superseded by [ADR-0005](0005-use-kafka.md)\n* Deciders: ines, tom\n"
                       "* Date: 2026-01-12\n\n## Context and Problem Statement\n\nOrders pile up.\n"),
    "nygard": ("decisions/0001-use-a-queue.md",
               "# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\n"
               "Superseded by [5. Use Kafka](0005-use-kafka.md)\n\n## Context\n\nOrders pile up.\n"),
    "adr-tools": ("doc/adr/0001-use-a-queue.md",
                  "# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\n"
                  "Superceded by [5. Use Kafka](0005-use-kafka.md)\n\n"
                  "Amends [3. Keep orders](0003-keep-orders.md)\n\n## Context\n\nOrders pile up.\n"),
    "sentence": ("decisions/0001-use-a-queue.md",
                 "# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\n"
                 "Accepted. Superseded by [5. Use Kafka](0005-use-kafka.md)\n\n## Context\n\nOrders pile up.\n"),
    "note": ("decisions/0001-use-a-queue.md",
             "# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\n"
             "Superseded by [5. Use Kafka](0005-use-kafka.md) (supersedes [ADR-0002](0002-poll-orders.md))\n\n"
             "## Context\n\nOrders pile up.\n"),
    "bold": ("decisions/0001-use-a-queue.md",
             "# ADR 1: Use a queue\n\n**Status:** Superseded by [ADR-0005](0005-use-kafka.md)  \n"
             "**Date:** 2026-01-12\n\n## Context\n\nOrders pile up.\n"),
    "table": ("decisions/0001-use-a-queue.md",
              "# Use a queue\n\n| Field  | Value |\n| ------ | ----- |\n"
              "| Status | Superseded by [ADR-0005](0005-use-kafka.md) |\n| Date   | 2026-01-12 |\n\n"
              "## Context\n\nOrders pile up.\n"),
    "german": ("decisions/0001-use-a-queue.md",
               "# 1. Eine Warteschlange nutzen\n\nDatum: 2026-01-12\n\n## Status\n\n"
               "Ersetzt durch [5. Kafka nutzen](0005-use-kafka.md)\n\n## Kontext\n\nBestellungen stauen sich.\n"),
    "spanish": ("decisions/0001-use-a-queue.md",
                "# 1. Usar una cola\n\nFecha: 2026-01-12\n\n## Estado\n\n"
                "Reemplazado por [5. Usar Kafka](0005-use-kafka.md)\n\n## Contexto\n\nLos pedidos se acumulan.\n"),
    "french": ("decisions/0001-use-a-queue.md",
               "# 1. Utiliser une file\n\nDate : 2026-01-12\n\n## Statut\n\n"
               "Remplacé par [5. Utiliser Kafka](0005-use-kafka.md)\n\n## Contexte\n\nLes commandes s'accumulent.\n"),
    "successor key": ("decisions/0001-use-a-queue.md",
                      "---\nstatus: superseded\nsuperseded-by: 5\ndate: 2026-01-12\n---\n"
                      "# Use a queue\n\nOrders pile up.\n"),
}


@pytest.mark.parametrize("form", _SUPERSEDED)
def test_superseded_again_without_a_successor_changes_nothing_in_any_form(decide, tmp_path, form):
    name, text = _SUPERSEDED[form]
    folder = name.rpartition("/")[0]
    extra = {".adr-dir": f"{folder}\n"} if folder != "decisions" else {}
    root = repository_with(tmp_path / "repo", {name: text, f"{folder}/0005-use-kafka.md": _NEXT, **extra})
    for forced in ((), ("--force",)):
        done = decide("adr", "status", "1", "superseded", *forced, "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
        assert done.stdout == "ADR-0001 is already superseded by ADR 5; nothing changed\n"
        assert (root / name).read_text() == text
    assert [(row["status"], row["superseded_by"]) for row in listed_adrs(decide, root)][0] == ("superseded", "5")


@pytest.mark.parametrize("form", ["madr front matter", "nygard", "sentence", "table", "german", "successor key"])
def test_superseded_again_by_the_successor_it_names_changes_nothing(decide, tmp_path, form):
    # It was refused as "superseded by ADR 5; no status follows it": the successor asked for is the one it names.
    name, text = _SUPERSEDED[form]
    root = repository_with(tmp_path / "repo", {name: text, "decisions/0005-use-kafka.md": _NEXT})
    for forced in ((), ("--force",)):
        done = decide("adr", "status", "1", "superseded", "--by", "5", *forced, "--date", "2026-12-02", cwd=root)
        assert done.exit_code == 0, done.output
        assert done.stdout == "ADR-0001 is already superseded by ADR 5; nothing changed\n"
        assert (root / name).read_text() == text
        assert (root / "decisions/0005-use-kafka.md").read_text() == _NEXT


def test_superseded_without_a_successor_takes_the_one_the_record_names_on_a_line_of_its_own(decide, tmp_path):
    # It was refused as "already superseded by ADR 5": no other successor was named.
    accepted = ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nAccepted\n\n"
                "Superseded by [5. Use Kafka](0005-use-kafka.md)\n\n## Context\n\nOrders pile up.\n")
    root = repository_with(tmp_path / "repo", {"decisions/0001-use-a-queue.md": accepted,
                                               "decisions/0005-use-kafka.md": _NEXT})
    done = decide("adr", "status", "1", "superseded", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "decisions/0001-use-a-queue.md").read_text() == accepted.replace(
        "\nAccepted\n", "\nSuperseded\n")
    assert [(row["status"], row["superseded_by"]) for row in listed_adrs(decide, root)][0] == ("superseded", "5")


@pytest.mark.parametrize(("form", "dropped"), [
    ("madr front matter", "its successor, ADR 5"), ("nygard", "[5. Use Kafka](0005-use-kafka.md)"),
    ("german", "[5. Kafka nutzen](0005-use-kafka.md)"), ("table", "[ADR-0005](0005-use-kafka.md)"),
    # `Accepted. Superseded by [...]` said `superseded -> accepted` and wrote nothing, its line reading as accepted.
    ("sentence", "[5. Use Kafka](0005-use-kafka.md)"), ("successor key", "its successor, ADR 5")])
def test_going_back_from_superseded_names_the_successor_and_a_forced_change_says_it_is_dropped(
        decide, tmp_path, form, dropped):
    name, text = _SUPERSEDED[form]
    root = repository_with(tmp_path / "repo", {name: text, "decisions/0005-use-kafka.md": _NEXT})
    refused = decide("adr", "status", "1", "accepted", cwd=root)
    assert refused.exit_code == 2
    assert refused.stderr == (f"{name}: error: ADR-0001 is superseded by ADR 5; no status follows it "
                              "(--force to set accepted anyway)\n")
    assert (root / name).read_text() == text
    forced = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert forced.exit_code == 0, forced.output
    # The status phrase is replaced whole (ADR 0052); where the successor went with it, the user is told.
    assert forced.stderr == f"warning: {name}: ADR-0001 no longer names {dropped}; its old status did\n"
    assert [(row["status"], row["superseded_by"]) for row in listed_adrs(decide, root)][0] == ("accepted", None)


# Records whose status line names another record beside a status other than superseded.
_NAMING = {
    "deprecated in favour": ("Deprecated in favour of [5. Use Kafka](0005-use-kafka.md)", "deprecated"),
    "deprecated, see": ("Deprecated, see [ADR-0005](0005-use-kafka.md)", "deprecated"),
    "deprecated by": ("Deprecated by [5. Use Kafka](0005-use-kafka.md)", "deprecated"),
    "amended": ("Accepted. Amended by [5. Use Kafka](0005-use-kafka.md)", "accepted"),
}


@pytest.mark.parametrize("form", _NAMING)
def test_a_status_set_again_keeps_the_record_its_line_names_and_a_forced_change_says_what_it_leaves_out(
        decide, tmp_path, form):
    line, status = _NAMING[form]
    text = f"# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\n{line}\n\n## Context\n\nOrders pile up.\n"
    root = repository_with(tmp_path / "repo", {"decisions/0001-use-a-queue.md": text,
                                               "decisions/0005-use-kafka.md": _NEXT})
    again = decide("adr", "status", "1", status, "--force", "--date", "2026-12-02", cwd=root)
    assert again.exit_code == 0, again.output
    assert again.stdout == f"ADR-0001 is already {status}; nothing changed\n"
    assert (root / "decisions/0001-use-a-queue.md").read_text() == text
    forced = decide("adr", "status", "1", "superseded", "--force", "--date", "2026-12-02", cwd=root)
    assert forced.exit_code == 0, forced.output
    after = (root / "decisions/0001-use-a-queue.md").read_text()
    link = line[line.index("["):]
    assert (link in after) == (form == "amended")
    assert forced.stderr == ("" if link in after else
                             f"warning: decisions/0001-use-a-queue.md: ADR-0001 no longer names {link}; "
                             "its old status did\n")


def test_a_record_deprecated_by_another_is_deprecated_and_its_line_changes_in_place(decide, tmp_path):
    # It read as having no status, and a status change wrote a second status line above it.
    text = ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nDeprecated by [5. Use Kafka](0005-use-kafka.md)\n\n"
            "## Context\n\nOrders pile up.\n")
    root = repository_with(tmp_path / "repo", {"decisions/0001-use-a-queue.md": text,
                                               "decisions/0005-use-kafka.md": _NEXT})
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["links"]) == ("deprecated", [{"relation": "deprecated by", "adr": "5"}])
    forced = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert forced.exit_code == 0, forced.output
    assert forced.stdout == "ADR-0001: deprecated -> accepted (its date, 2026-01-12, kept)\n"
    assert forced.stderr == ("warning: decisions/0001-use-a-queue.md: ADR-0001 no longer names "
                             "[5. Use Kafka](0005-use-kafka.md); its old status did\n")
    assert (root / "decisions/0001-use-a-queue.md").read_text() == text.replace(
        "Deprecated by [5. Use Kafka](0005-use-kafka.md)", "Accepted")


# A key of the record's own naming its successor: MADR's `superseded-by`, PowerShell's `SupercededBy`,
# mkdocs-material-adr's `superseded_by` under `adr:`. Each: folder, record, its successor, and the key's line after.
_KEYED = {
    "madr": ("decisions", "0001-use-a-queue.md", "0005-use-kafka.md",
             "---\nstatus: superseded\nsuperseded-by: 5  # after the load test\ndate: 2026-01-12\n---\n"
             "# Use a queue\n\nOrders pile up.\n", "superseded-by:  # after the load test"),
    "madr list": ("decisions", "0001-use-a-queue.md", "0005-use-kafka.md",
                  "---\nstatus: superseded\nsuperseded-by: [5]\ndate: 2026-01-12\n---\n"
                  "# Use a queue\n\nOrders pile up.\n",
                  "superseded-by: []"),
    "madr toml": ("decisions", "0001-use-a-queue.md", "0005-use-kafka.md",
                  '+++\nstatus = "superseded"\nsuperseded-by = 5\ndate = "2026-01-12"\n+++\n# Use a queue\n\n'
                  "Orders pile up.\n", 'superseded-by = ""'),
    "powershell": ("Final", "RFC0001-Policy.md", "RFC0005-Ternary.md",
                   _rfc("RFC0001", "Superseded", " RFC0005", "Policy"), "SupercededBy:"),
    "mkdocs": ("docs/adr", "0001-use-a-queue.md", "0005-use-kafka.md",
               "---\nadr:\n  status: superseded\n  superseded_by: 0005-use-kafka\n  created: 2026-01-12\n---\n"
               "# Use a queue\n\nOrders pile up.\n", "  superseded_by:"),
}


@pytest.mark.parametrize("form", _KEYED)
def test_going_back_from_superseded_empties_the_key_that_names_the_successor_and_says_so(decide, tmp_path, form):
    # The key stayed: the record read accepted and superseded by ADR 5 at once, and nothing was said.
    folder, name, successor, text, emptied = _KEYED[form]
    root = _folder(tmp_path, folder, {name: text, successor: _NEXT})
    forced = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert forced.exit_code == 0, forced.output
    assert forced.stderr == (f"warning: {folder}/{name}: ADR-0001 no longer names its successor, ADR 5; "
                             "its old status did\n")
    after = (root / folder / name).read_text().splitlines()
    assert emptied in after
    # Only the status, the successor's key and MADR's date change.
    assert {re.split("[:=]", line)[0].strip().lower() for line in text.splitlines() if line not in after} == (
        {"status", re.split("[:=]", emptied)[0].strip().lower()} | ({"date"} if form.startswith("madr") else set()))
    row = next(row for row in listed_adrs(decide, root) if row["key"] == "1")
    assert (row["status"], row["superseded_by"]) == ("accepted", None)


# Two records in a folder's own form, the first to be superseded by the second: folder, their file names, texts.
_PAIRS = {
    "adr-tools": ("doc/adr", "0001-use-a-queue.md", "0002-use-kafka.md",
                  "# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nAccepted\n\n## Context\n\nOrders pile up.\n",
                  "# 2. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\nAccepted\n\n## Context\n\nThroughput.\n"),
    "madr": ("docs/decisions", "0001-use-a-queue.md", "0002-use-kafka.md",
             "---\nstatus: accepted\ndate: 2026-01-12\ndecision-makers: [ines]\n---\n# Use a queue\n\n"
             "Orders pile up.\n",
             "---\nstatus: accepted  # after the load test\ndate: 2026-03-02\ndecision-makers: [ines, tom]\n---\n"
             "# Use Kafka\n\nThroughput.\n"),
    "bold fields": ("docs/adr", "0001-use-a-queue.md", "0002-use-kafka.md",
                    "# ADR-0001: Use a queue\n\n- **Status:** Accepted\n- **Date:** 2026-01-12\n\n"
                    "## Context\n\nOrders pile up.\n",
                    "# ADR-0002: Use Kafka\n\n- **Status:** Accepted\n- **Supersedes:** [ADR-0000](0000-x.md)\n"
                    "- **Date:** 2026-03-02\n\n## Context\n\nThroughput.\n"),
}


def _pair(tmp_path: Path, form: str) -> tuple[Path, Path, Path]:
    folder, first, second, old, new = _PAIRS[form]
    files = {f"{folder}/{first}": old, f"{folder}/{second}": new}
    if form == "adr-tools":
        files[".adr-dir"] = f"{folder}\n"
    if form == "bold fields":  # the record the successor superseded before
        files[f"{folder}/0000-x.md"] = "# ADR-0000: X\n\n- **Status:** Superseded by [ADR-0002](0002-use-kafka.md)\n"
    root = repository_with(tmp_path / "repo", files)
    return root, root / folder / first, root / folder / second


@pytest.mark.parametrize("form", _PAIRS)
def test_going_back_from_superseded_takes_the_link_the_successor_was_given_out_of_it(decide, tmp_path, form):
    # The successor kept `Supersedes [1. Use a queue](...)`: it said it replaced a record in force, and check said so.
    root, first, second = _pair(tmp_path, form)
    before = second.read_text()
    done = decide("adr", "status", "1", "superseded", "--by", "2", "--date", "2026-03-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert second.read_text() != before
    back = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert back.exit_code == 0, back.output
    folder = _PAIRS[form][0]
    assert back.stdout.splitlines()[1:] == [
        f"updated {folder}/0002-use-kafka.md: ADR-0002 no longer supersedes ADR-0001"]
    assert back.stderr == ""  # the successor it no longer names is the change, not a loss to warn of
    # Only the lines, or the item, the link was written in go; a front-matter list stays, empty.
    assert second.read_text() == before.replace("---\n#", "supersedes: []\n---\n#" if form == "madr" else "---\n#")
    rows = {row["key"]: row for row in listed_adrs(decide, root)}
    assert (rows["1"]["status"], rows["1"]["superseded_by"], rows["2"]["supersedes"]) == (
        "accepted", None, ["0"] if form == "bold fields" else [])
    assert "supersede" not in decide("check", cwd=root).stdout


@pytest.mark.parametrize("form", ["adr-tools", "madr"])
def test_going_back_from_a_successor_made_by_adr_new_takes_its_link_out_of_it(decide, tmp_path, form):
    root, first, second = _pair(tmp_path, form)
    second.unlink()
    made = decide("adr", "new", "Use Kafka", "--supersedes", "1", "--no-edit", "--date", "2026-03-02", cwd=root)
    assert made.exit_code == 0, made.output
    new = root / made.stdout.strip()
    written = new.read_text()
    back = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert back.exit_code == 0, back.output
    assert back.stdout.splitlines()[1:] == [f"updated {made.stdout.strip()}: ADR-0002 no longer supersedes ADR-0001"]
    after = new.read_text()
    # The line the link was written on goes, with the blank line above it; a front-matter list stays, empty.
    gone = [line for line in written.splitlines() if line not in after.splitlines()]
    assert gone == (["supersedes: [1]"] if form == "madr" else ["Supersedes [1. Use a queue](0001-use-a-queue.md)"])
    assert {row["key"]: row["supersedes"] for row in listed_adrs(decide, root)}["2"] == []


def test_a_successor_replaced_by_another_loses_its_supersedes_link(decide, tmp_path):
    root, first, second = _pair(tmp_path, "adr-tools")
    before = second.read_text()
    (root / "doc/adr/0003-use-files.md").write_text(before.replace("2. Use Kafka", "3. Use files"))
    assert decide("adr", "status", "1", "superseded", "--by", "2", cwd=root).exit_code == 0
    again = decide("adr", "status", "1", "superseded", "--by", "3", "--force", "--date", "2026-12-02", cwd=root)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[1:] == [
        "updated doc/adr/0002-use-kafka.md: ADR-0002 no longer supersedes ADR-0001"]
    assert second.read_text() == before
    rows = {row["key"]: row for row in listed_adrs(decide, root)}
    assert (rows["1"]["superseded_by"], rows["2"]["supersedes"], rows["3"]["supersedes"]) == ("3", [], ["1"])
    assert decide("check", cwd=root).stdout == "0 error(s), 0 warning(s)\n"


def test_a_successor_that_says_in_its_own_words_that_it_supersedes_the_record_keeps_them_and_a_warning_says_so(
        decide, tmp_path):
    # A note the team wrote after the successor's status is theirs: going back leaves it, and says where it is.
    old = ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nSuperseded by [2. Use Kafka](0002-use-kafka.md)\n\n"
           "## Context\n\nOrders pile up.\n")
    new = ("# 2. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\nAccepted (supersedes ADR-0001 for new orders)\n\n"
           "## Context\n\nThroughput.\n")
    root = repository_with(tmp_path / "repo", {"doc/adr/0001-use-a-queue.md": old, "doc/adr/0002-use-kafka.md": new,
                                               ".adr-dir": "doc/adr\n"})
    back = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert back.exit_code == 0, back.output
    assert back.stdout == "ADR-0001: superseded -> accepted (its date, 2026-01-12, kept)\n"
    assert back.stderr.splitlines() == [
        "warning: doc/adr/0002-use-kafka.md:7: ADR-0002 still says it supersedes ADR-0001, in words of its own; "
        "change them by hand"]
    assert (root / "doc/adr/0002-use-kafka.md").read_text() == new


# A status that is only the record's amendment: it is in force, and a status change writes its word before it.
_AMENDED = {
    "nygard": ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nAmended by [5. Use Kafka](0005-use-kafka.md)\n\n"
               "## Context\n\nOrders pile up.\n", "Amended by [5. Use Kafka](0005-use-kafka.md)",
               "Deprecated. Amended by [5. Use Kafka](0005-use-kafka.md)"),
    "front matter": ("---\nstatus: amended by ADR-0005\ndate: 2026-01-12\n---\n# Use a queue\n\nOrders pile up.\n",
                     "status: amended by ADR-0005", "status: deprecated. amended by ADR-0005"),
}


@pytest.mark.parametrize("form", _AMENDED)
def test_an_amended_record_takes_a_new_status_before_the_record_that_amends_it(decide, tmp_path, form):
    # Every status change was refused: "the file's layout defeats this edit".
    text, line, written = _AMENDED[form]
    root = repository_with(tmp_path / "repo", {"decisions/0001-use-a-queue.md": text,
                                               "decisions/0005-use-kafka.md": _NEXT})
    again = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert again.exit_code == 0, again.output
    assert f"\n{line}\n" in (root / "decisions/0001-use-a-queue.md").read_text()  # accepted already: it stays
    done = decide("adr", "status", "1", "deprecated", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert done.stderr == ""
    after = (root / "decisions/0001-use-a-queue.md").read_text()
    assert after == text.replace(line, written).replace("date: 2026-01-12", "date: 2026-12-02")
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["links"]) == ("deprecated", [{"relation": "amended by", "adr": "5"}])


def test_a_link_named_in_a_sentence_is_not_the_model_of_the_links_a_relation_writes(decide, tmp_path):
    # `[major refactor (ADR-002)](...)` in a record's prose was taken for the folder's way of linking records:
    # a link wrote `Amends [major refactor (ADR-003](...)`, its bracket lost.
    record = "# {n}. {title}\n\nDate: 2021-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\n{text}\n"
    root = repository_with(tmp_path / "repo", {
        "adr/adr-002-refactor.md": record.format(n=2, title="Major refactor", text="Why."),
        "adr/adr-003-token-auth.md": record.format(n=3, title="Use token auth", text=(
            "As the API undergoes a [major refactor (ADR-002)](adr-002-refactor.md), tokens.")),
        "adr/adr-004-restql.md": record.format(n=4, title="Use RESTQL", text="Why."),
    })
    assert decide("adr", "link", "4", "amends", "3", cwd=root).exit_code == 0
    assert "\nAmends [3. Use token auth](adr-003-token-auth.md)\n" in (root / "adr/adr-004-restql.md").read_text()
    assert "\nAmended by [4. Use RESTQL](adr-004-restql.md)\n" in (root / "adr/adr-003-token-auth.md").read_text()


def test_a_relation_joins_the_links_list_above_the_link_definitions_that_end_the_section(decide, tmp_path):
    # island.is ends a record with `[Git Flow]: https://...` definitions below its Links list: the new item was
    # written after them, with no blank line between.
    madr2 = "# {title}\n\n* Status: accepted\n* Date: 2020-05-2{n}\n\n## Context and Problem Statement\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0004-branching.md": madr2.format(title="Branching", n=4) + (
            "\n## Links\n\n* [Branching patterns](https://martinfowler.com/articles/branching-patterns.html)\n\n"
            "[Git Flow]: https://nvie.com/posts/a-successful-git-branching-model/\n"),
        "docs/adr/0009-naming.md": madr2.format(title="Naming", n=9),
    })
    assert decide("adr", "link", "9", "amends", "4", cwd=root).exit_code == 0
    assert (root / "docs/adr/0004-branching.md").read_text().endswith(
        "* [Branching patterns](https://martinfowler.com/articles/branching-patterns.html)\n"
        "* Amended by [ADR-0009](0009-naming.md)\n\n"
        "[Git Flow]: https://nvie.com/posts/a-successful-git-branching-model/\n")


# Backstage's ADRs: a table of the day the record was created and its status above the title, and the status
# stated again in a Status section.
BACKSTAGE = ("---\nid: adrs-adr{n:03d}\ntitle: 'ADR{n:03d}: {title}'\n---\n\n| Created    | Status |\n"
             "| ---------- | ------ |\n| 2021-01-16 | {status} |\n\n# ADR{n:03d}: {title}\n\n## Status\n\n{again}\n\n"
             "## Context\n\nWhy.\n")


def test_a_status_change_keeps_a_created_column_and_sets_the_status_section_too(decide, tmp_path):
    record = BACKSTAGE.format(n=10, title="Luxon Date Library", status="Open  ", again="Proposed")
    root = _folder(tmp_path, "docs/architecture-decisions", {"adr010-luxon-date-library.md": record})
    done = decide("adr", "status", "10", "accepted", "--date", "2026-12-03", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    # The cell keeps its column as wide as the row allows; the day it was created stays.
    assert (root / "docs/architecture-decisions/adr010-luxon-date-library.md").read_text() == record.replace(
        "| Open   |", "| Accepted |").replace("\nProposed\n", "\nAccepted\n")
    assert "make them agree" not in decide("check", cwd=root).output


def test_a_shorter_status_keeps_the_table_s_column_aligned(decide, tmp_path):
    record = BACKSTAGE.format(n=10, title="Luxon", status="Proposed", again="Proposed")
    root = _folder(tmp_path, "docs/adr", {"adr010-luxon.md": record})
    done = decide("adr", "status", "10", "rejected", "--date", "2026-12-03", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert "| 2021-01-16 | Rejected |\n" in (root / "docs/adr/adr010-luxon.md").read_text()
    done = decide("adr", "status", "10", "draft", "--date", "2026-12-03", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert "| 2021-01-16 | Draft    |\n" in (root / "docs/adr/adr010-luxon.md").read_text()


# ownCloud's ADRs: a Hugo page's front matter dates the page to the minute; the record's `* Date:` bullet dates
# the decision.
OCIS = ('---\ntitle: "{n}. {title}"\nweight: {n}\ndate: 2022-02-08T10:53:00+01:00\n---\n\n* Status: proposed\n'
        "* Deciders: @butonic, @micbar\n* Date: 2022-03-16\n\n## Context and Problem Statement\n\nWhy.\n")


def test_a_record_s_date_bullet_wins_over_its_site_page_s_timestamp_and_is_the_one_a_status_change_sets(
        decide, tmp_path):
    record = OCIS.format(n=17, title="Read only user management")
    root = _folder(tmp_path, "docs/ocis/adr", {"0017-read-only.md": record})
    assert [row["date"] for row in listed_adrs(decide, root)] == ["2022-03-16"]
    done = decide("adr", "status", "17", "accepted", "--date", "2026-12-03", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/ocis/adr/0017-read-only.md").read_text() == record.replace(
        "* Status: proposed", "* Status: accepted").replace("* Date: 2022-03-16", "* Date: 2026-12-03")


def test_superseding_a_status_written_as_code_keeps_the_link_outside_the_code(decide, tmp_path):
    # Crystalline's records: `` **Status:** `ACCEPTED` ``. The link was written inside the code, where it shows as
    # text, and the new record's relation field opened a code span it never closed.
    record = "# ⚖️ ADR-000{n}: {title}\n\n**Status:** `{status}`\n**Date:** 2025-01-0{n}\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-adopt-x.md": record.format(n=1, title="Adopt X", status="ACCEPTED"),
        "docs/adr/0002-adopt-y.md": record.format(n=2, title="Adopt Y", status="PROPOSED")})
    assert decide("adr", "link", "2", "supersedes", "1", cwd=root).exit_code == 0
    old = (root / "docs/adr/0001-adopt-x.md").read_text()
    assert "**Status:** `SUPERSEDED BY` [ADR-0002](0002-adopt-y.md)\n" in old
    assert "**Supersedes:** [ADR-0001](0001-adopt-x.md)\n" in (root / "docs/adr/0002-adopt-y.md").read_text()
    rows = listed_adrs(decide, root)
    assert [(r["status"], r["superseded_by"], r["supersedes"]) for r in rows] == [
        ("superseded", "2", []), ("proposed", None, ["1"])]


def test_a_status_named_by_the_team_s_word_is_set_in_that_word(decide, tmp_path):
    # kyma's template: "Accepted, Proposed, or Declined; one of these three words only". `declined` was refused as
    # an unknown status, though the reader takes it for rejected.
    record = "# ADR 014: Use Kubeless\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {"docs/adr/adr-014-kubeless.md": record.format(status="Proposed")})
    done = decide("adr", "status", "14", "declined", "--date", "2026-12-03", cwd=root)
    assert done.exit_code == 0, done.output
    assert done.output.startswith("ADR-0014: proposed -> rejected")
    assert (root / "docs/adr/adr-014-kubeless.md").read_text() == record.format(status="Declined")
    refused = decide("adr", "status", "14", "pondered", cwd=root)
    assert refused.exit_code == 2 and "unknown status 'pondered'" in refused.output
    # A phrase naming another record is no status alone; the word the record says, or another for its status, is.
    for phrase in ("deprecated by", "superseded by", "geändert durch"):
        refused = decide("adr", "status", "14", phrase, "--force", cwd=root)
        assert refused.exit_code == 2 and f"unknown status '{phrase}'" in refused.output, refused.output
    assert (root / "docs/adr/adr-014-kubeless.md").read_text() == record.format(status="Declined")
    assert decide("adr", "status", "14", "declined", cwd=root).output.startswith("ADR-0014 is already rejected")
    assert decide("adr", "status", "14", "proposed", "--force", cwd=root).exit_code == 0
    for _ in range(2):
        assert decide("adr", "status", "14", "approved", "--force", cwd=root).exit_code == 0
    for word in ("accepted", "agreed"):  # the status it has, in any word for it
        assert decide("adr", "status", "14", word, cwd=root).output.startswith("ADR-0014 is already accepted")
    assert (root / "docs/adr/adr-014-kubeless.md").read_text() == record.format(status="Approved")
