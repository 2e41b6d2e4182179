"""Forms of ADR folders teams already keep: days in backticks, status words and sections in two languages,
chapter folders beside dated records, and new records from team templates (ADRs 0148, 0149); a status in
parentheses after a bold label and expired texts beside their revisions, records kept in stage folders, and a
folder's list of its records' fields (ADRs 0161, 0164, 0169)."""

from __future__ import annotations

import json
import os

import pytest

from conftest import listed_adrs, repository_with
from report_fixtures import scan

BACKTICKED = "# Small parts\n\n`2021-07-02`\n\n## Status\n\n`{status}`\n\n## Context\n\nParts were written twice.\n"


def test_a_day_in_backticks_alone_under_the_title_is_the_date_and_a_status_change_sets_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-small-parts.md": BACKTICKED.format(status="Proposed"),
        "docs/adr/002-tabs.md": BACKTICKED.format(status="✅ Accepted").replace("2021-07-02", "2021-07-05"),
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "proposed", "2021-07-02"), (2, "accepted", "2021-07-05")]
    result = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/001-small-parts.md").read_text() == BACKTICKED.format(status="Accepted").replace(
        "2021-07-02", "2026-03-22")


GERMAN = "# ADR-{n:04d}: {title}\n\n## Status\n\n{status}\n\n## Kontext\n\nWarum {n}.\n"


def test_abgeloest_says_superseded_with_or_without_its_english_word_after_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/architecture/adrs/0001-a.md": GERMAN.format(n=1, title="Tokens", status="Akzeptiert"),
        "docs/architecture/adrs/deprecated/0002-b.md": GERMAN.format(n=2, title="Cookies",
                                                                     status="Abgelöst (Superseded)"),
        "docs/architecture/adrs/deprecated/0003-c.md": GERMAN.format(n=3, title="Sitzungen",
                                                                     status="Abgelöst durch [ADR-0004](../0004-d.md)"),
        "docs/architecture/adrs/0004-d.md": GERMAN.format(n=4, title="Links", status="Akzeptiert"),
    })
    listed = {r["number"]: (r["status"], r["superseded_by"]) for r in listed_adrs(decide, root)}
    assert listed == {1: ("accepted", None), 2: ("superseded", None), 3: ("superseded", "4"), 4: ("accepted", None)}
    assert "unknown status" not in decide("check", cwd=root).stdout


KO_TEMPLATE = ("---\ntitle: ADR-0000 템플릿\nversion: 1.0.0\nstatus: Template\ncreated: 2025-11-25\n"
               "updated: 2025-11-25\n---\n\n# ADR-XXXX: [결정 제목]\n\n## 상태 (Status)\n\n{status}\n\n"
               "## 컨텍스트 (Context)\n\n[배경]\n")
KO_RECORD = ("---\ntitle: ADR-0001 기술 스택\nversion: 1.0.0\nstatus: Accepted\ncreated: 2025-11-25\n"
             "updated: 2025-11-26\n---\n\n# ADR-0001: 기술 스택\n\n## 상태 (Status)\n\n**Accepted**\n\n"
             "## 컨텍스트 (Context)\n\n작은 팀입니다.\n")


def test_a_template_s_days_and_numbered_title_in_its_front_matter_are_the_new_record_s(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/specs/ADRs/ADR-0000-template.md": KO_TEMPLATE.format(status="[Proposed | Accepted | Deprecated]"),
        "docs/specs/ADRs/ADR-0001-tech-stack.md": KO_RECORD,
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    made = (root / "docs/specs/ADRs/ADR-0002-try-a-thing.md").read_text()
    assert made.startswith("---\ntitle: ADR-0002 Try a thing\nversion: 1.0.0\nstatus: Proposed\ncreated: 2026-03-22\n"
                           "updated: 2026-03-22\n---\n\n# ADR-0002: Try a thing\n\n## 상태 (Status)\n\nProposed\n")


def test_sections_named_in_two_languages_are_read_by_the_label_decisionbook_knows(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-0001-a.md": "# ADR-0001: 기술\n\n## 상태 (Status)\n\n**Accepted**\n\n## 날짜 / Date\n\n2025-11-26\n",
        "docs/adr/ADR-0002-b.md": "# ADR-0002: 設定\n\n## Status（ステータス）\n\nProposed\n\n## 背景 / Context\n\nなぜ。\n",
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "accepted", "2025-11-26"), (2, "proposed", None)]
    result = decide("adr", "status", "2", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/ADR-0002-b.md").read_text().startswith("# ADR-0002: 設定\n\n## Status（ステータス）\n\nAccepted\n")


def test_two_english_words_of_a_heading_name_one_section_not_two_languages(decide, tmp_path):
    # `Background / History` was read as a History section: its dated bullet became the record's date.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-a.md": "# 1. Use queues\n\n## Status\n\nAccepted\n\n## Background / History\n\n"
                              "- 2024-02-01: the old broker was retired\n",
        "docs/adr/0002-b.md": "# 2. Use caches\n\n## Status\n\nProposed\n\n## Status / 상태\n\nProposed\n",
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "accepted", None), (2, "proposed", None)]


def test_a_status_change_writes_a_status_section_that_says_what_the_front_matter_says(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"docs/specs/ADRs/ADR-0001-tech-stack.md": KO_RECORD})
    result = decide("adr", "status", "1", "deprecated", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/specs/ADRs/ADR-0001-tech-stack.md").read_text() == KO_RECORD.replace(
        "status: Accepted", "status: Deprecated").replace("updated: 2025-11-26", "updated: 2026-03-22").replace(
        "**Accepted**", "**Deprecated**")


JA_RECORD = "# ADR-{n:04d}: {title}\n\n日付: 2025-08-28  \nステータス: Accepted\n\n## 背景 / Context\n- なぜ\n"


def test_a_template_titled_by_its_name_gives_a_new_record_the_numbered_title_the_folder_s_records_have(decide,
                                                                                                      tmp_path):
    template = "# ADR テンプレート\n\n日付: YYYY-MM-DD  \nステータス: Proposed | Accepted\n\n## 背景 / Context\n- 問題\n"
    root = repository_with(tmp_path / "repo", {
        "docs/governance/adr/template.md": template,
        "docs/governance/adr/ADR-0001-a.md": JA_RECORD.format(n=1, title="パッケージ"),
        "docs/governance/adr/ADR-0002-b.md": JA_RECORD.format(n=2, title="設定"),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/governance/adr/ADR-0003-try-a-thing.md").read_text() == (
        "# ADR-0003: Try a thing\n\n日付: 2026-03-22  \nステータス: Proposed\n\n## 背景 / Context\n- 問題\n")


# Records copied from the folder's template with its date bullet left as the template wrote it.
JA_BULLETS = ("# {title}\n\n- 日付: YYYY-MM-DD\n- ステータス: {status}\n- 関連: 要件メモ 02_rules.md\n\n"
              "## 背景 (Context)\n- 二つの案がある。\n\n## 決定 (Decision)\n- 後者を採る。\n")


def test_a_placeholder_date_is_left_to_its_author_by_a_later_change_and_filled_when_the_record_is_decided(
        decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-score-board.md": JA_BULLETS.format(title="得点表の持ち方", status="Accepted"),
        "docs/adr/0002-score-log.md": JA_BULLETS.format(title="得点の記録方式", status="Proposed"),
    })
    done = decide("adr", "status", "1", "superseded", "--by", "2", "--date", "2026-03-22", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0001-score-board.md").read_text() == JA_BULLETS.format(
        title="得点表の持ち方", status="Superseded by [ADR-0002](0002-score-log.md)")
    done = decide("adr", "status", "2", "accepted", "--force", "--date", "2026-03-23", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0002-score-log.md").read_text().startswith(
        "# 得点の記録方式\n\n- 日付: 2026-03-23\n- ステータス: Accepted\n")
    checked = decide("check", cwd=root)
    assert "0001-score-board.md:3: warning: date 'YYYY-MM-DD' is the template's placeholder" in checked.stdout, \
        checked.stdout


DATED = "# {title}\n\n## Status\n\n{status}\n\n## Context\n\n{why}\n\n## Decision\n\nWe do it.\n"


def test_a_folder_of_dated_folders_holding_nygard_sections_gets_a_new_record_in_that_form(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "adr/README.md": "# Architecture Decision Records\n",
        "adr/20240524-pipeline/index.md": DATED.format(title="Pipeline", status="proposed", why="Steps."),
        "adr/20240601-publish-site/index.md": DATED.format(title="Publish Site", status="accepted", why="Pages."),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    made = (root / "adr/20260322-try-a-thing/index.md").read_text()
    # Nygard, as decisionbook writes it for a folder of dated Nygard records (test_adr_folders), not MADR 2 bullets.
    assert made.startswith("# Try a thing\n\nDate: 2026-03-22\n\n## Status\n\nProposed\n\n## Context\n")


def test_a_folder_named_as_a_dated_record_beside_it_holds_its_chapters_not_records(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "rfc"\n',
        "rfc/0001-new-rfc-process/index.md": "# RFC-0001: New RFC process\n\n## Abstract\n\nPull requests.\n",
        "rfc/20240725-exclude-resources.md": "# Exclude flag\n\nIssue: https://example.org/issues/426\n",
        "rfc/20241206-oci-registries.md": "# OCI registries\n\n1. [Primer](20241206-oci-registries/1-oci-primer.md)\n",
        "rfc/20241206-oci-registries/1-oci-primer.md": "# A primer\n\nManifests and blobs.\n",
        "rfc/20241206-oci-registries/2-survey-results.md": "# Survey results\n\nMirrors first.\n",
    })
    assert [(r["key"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [
        ("1", "New RFC process", None), ("20240725-exclude-resources", "Exclude flag", "2024-07-25"),
        ("20241206-oci-registries", "OCI registries", "2024-12-06")]
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "also used by" not in checked.stdout, checked.stdout


# A CDK RFC: a construct's proposal states its status in parentheses after a bold label, among other bold fields.
CDK_RFC = ("# Queue Service L2 Construct\n\n- [Project Information](#project-information)\n\n---\n"
           "## Project Information\n\n**Status** ({status})\n\n**Original Author(s):** @ana, @ben\n\n"
           "**Tracking Issue:** #502\n\n---\n\n## Design\n\nA construct for queues.\n")
# An RFC's older text kept beside its revision under the same number, marked expired in its file name.
CDK_FRONT = "---\nfeature name: Experiments after the first release\nstart date: 2020-09-08\nrfc pr: {pr}\n---\n\n"
CDK_EXPIRED = CDK_FRONT.format(pr="https://example.org/rfcs/pull/250") + (
    "# Summary\n\n**NOTE:** this proposal has expired; its revision is\n"
    "<https://example.org/rfcs/blob/main/text/0249-build-experiments.md>.\n\n# Motivation\n\nReleases mix parts.\n")
CDK_REVISED = CDK_FRONT.format(pr="https://example.org/rfcs/pull/279") + "# Summary\n\nStable parts only.\n"


def test_a_status_in_parentheses_after_a_bold_label_is_read_and_changed_in_place(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0502-queue-service.md": CDK_RFC.format(status="DRAFT")})
    assert [(r["number"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        (502, "draft", "DRAFT")]
    result = decide("adr", "status", "502", "proposed", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "text/0502-queue-service.md").read_text() == CDK_RFC.format(status="PROPOSED")


def test_an_expired_proposal_lists_as_rejected_beside_its_revision_which_its_number_names(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0249-build-experiments.expired.md": CDK_EXPIRED,
                                               "text/0249-build-experiments.md": CDK_REVISED})
    assert [(r["path"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        ("text/0249-build-experiments.expired.md", "rejected", "expired"),
        ("text/0249-build-experiments.md", None, None)]
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "also used by" not in checked.stdout, checked.stdout
    shown = decide("adr", "show", "249", "--format", "json", cwd=root)
    assert shown.exit_code == 0 and json.loads(shown.stdout)["path"] == "text/0249-build-experiments.md", shown.output
    shown = decide("adr", "show", "0249-build-experiments.expired.md", "--format", "json", cwd=root)
    assert json.loads(shown.stdout)["path"] == "text/0249-build-experiments.expired.md", shown.output


def test_an_expired_text_is_named_by_its_file_name_without_extension_and_its_number_names_its_revision(decide,
                                                                                                     tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0249-build-experiments.expired.md": CDK_EXPIRED,
                                               "text/0249-build-experiments.md": CDK_REVISED})
    shown = decide("adr", "show", "0249-build-experiments.expired", "--format", "json", cwd=root)
    assert shown.exit_code == 0 and json.loads(shown.stdout)["path"] == "text/0249-build-experiments.expired.md", \
        shown.output
    done = decide("adr", "status", "249", "proposed", "--date", "2026-03-22", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "text/0249-build-experiments.md").read_text() == CDK_REVISED.replace(
        "279\n", "279\nstatus: proposed\n")
    assert (root / "text/0249-build-experiments.expired.md").read_text() == CDK_EXPIRED
    (root / "text/0249-stable-parts.md").write_text(CDK_REVISED)
    for command in (("show", "249"), ("status", "249", "accepted", "--force")):
        refused = decide("adr", *command, cwd=root)
        assert refused.exit_code == 2, refused.output
        assert ("ADR 249 is ambiguous: 0249-build-experiments.md, 0249-stable-parts.md share its number; name one by "
                "its file, as `0249-build-experiments`") in refused.stderr, refused.stderr
    done = decide("adr", "status", "0249-build-experiments", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert done.exit_code == 0, done.output


def test_an_expired_text_s_name_that_names_no_file_is_refused_not_read_as_its_number(decide, tmp_path):
    # `0249-x.expired` read as 249 showed the revision: a name marked expired names an expired text or none.
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0249-build-experiments.expired.expired.md": CDK_EXPIRED,
                                               "text/0249-build-experiments.md": CDK_REVISED})
    for name in ("0249-build-experiments.expired", "0249-build-experiments.expired.md", "0249-other.expired"):
        for command in (("show", name), ("status", name, "accepted", "--force")):
            refused = decide("adr", *command, cwd=root)
            assert refused.exit_code == 2 and f"no ADR {name}" in refused.stderr, refused.output
            assert "Traceback" not in refused.output
    assert (root / "text/0249-build-experiments.md").read_text() == CDK_REVISED
    shown = decide("adr", "show", "0249-build-experiments.expired.expired", "--format", "json", cwd=root)
    assert json.loads(shown.stdout)["path"] == "text/0249-build-experiments.expired.expired.md", shown.output


def test_a_link_to_an_expired_text_that_names_no_file_is_dangling_not_read_as_its_revision(decide, tmp_path):
    # `0249-x.expired.md` read as 249 made the link name the revision, a record the author did not link.
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "text"\n',
        "text/0249-build-experiments.md": CDK_REVISED,
        "text/0300-stable-parts.md": "# Stable parts\n\n## Status\n\nProposed\n\nAmends "
                                     "[the first text](0249-build-experiments.expired.md)\n",
    })
    checked = decide("check", cwd=root)
    assert checked.exit_code == 1, checked.output
    assert ("text/0300-stable-parts.md:7: error: amends ADR 0249-build-experiments.expired, which does not exist"
            ) in checked.stdout.splitlines(), checked.stdout
    assert json.loads(decide("adr", "show", "300", "--format", "json", cwd=root).stdout)["links"] == [
        {"relation": "amends", "adr": "0249-build-experiments.expired"}]
    (root / "text/0249-build-experiments.expired.md").write_text(CDK_EXPIRED)
    checked = decide("check", cwd=root)
    assert "does not exist" not in checked.stdout, checked.stdout


def test_a_relation_to_a_number_only_an_expired_text_holds_is_checked_for_its_link_back(decide, tmp_path):
    # A link to `RFC 249`, which names the expired text where no revision holds 249, was never checked; the text's
    # own link back was an error, as 300 named it by its number and not by its file name.
    amends = "# Stable parts\n\n## Status\n\nProposed\n\nAmends [RFC 249](0249-build-experiments.md)\n"
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0249-build-experiments.expired.md": CDK_EXPIRED,
                                               "text/0300-stable-parts.md": amends})
    checked = decide("check", cwd=root)
    assert checked.exit_code == 1, checked.output
    assert checked.stdout.splitlines() == [
        "text/0300-stable-parts.md:7: error: amends ADR 249, but ADR 249 does not record amended by ADR 300 back; "
        "`decide adr link 300 amends 249` records it there", "1 error(s), 0 warning(s)"]
    expired = root / "text/0249-build-experiments.expired.md"
    back = "Amended by [RFC 300](0300-stable-parts.md)\n\n# Motivation"
    expired.write_text(CDK_EXPIRED.replace("# Motivation", back))
    checked = decide("check", cwd=root)
    assert checked.stdout.strip() == "0 error(s), 0 warning(s)", checked.stdout
    expired.write_text(CDK_EXPIRED)
    (root / "text/0300-stable-parts.md").write_text(amends.replace("Amends", "Supersedes"))
    checked = decide("check", cwd=root)
    # As for a record holding the number: superseded by 300, its status (rejected, as expired reads) does not say so.
    assert checked.stdout.splitlines() == [
        "text/0249-build-experiments.expired.md: warning: ADR 300 (proposed) supersedes this one, but its status is rejected",
        "0 error(s), 1 warning(s)"]


def test_a_start_date_key_with_a_space_in_front_matter_dates_the_record(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "text/0249-build-experiments.md": CDK_REVISED})
    assert [(r["date"], r["date_raw"]) for r in listed_adrs(decide, root)] == [("2020-09-08", "2020-09-08")]


# linkerd's RFCs: each kept in the folder of its stage (a problem stated, a design proposed, active), stating none.
STAGED = ("- Contribution Name: {name}\n- Implementation Owner: {owner}\n- Start Date: {day}\n- Target Date:\n\n"
          "# Summary\n\n[summary]: #summary\n\n{why}\n")
STAGED_RFCS = {
    "README.md": "# Our RFCs\n\nA problem statement goes in problem/, then its design in design/.\n",
    "0000-rfc-template.md": STAGED.format(name="(a unique name)", owner="", day="(today, YYYY-MM-DD)",
                                          why="One paragraph."),
    "problem/0004-shared-context.md": STAGED.format(name="shared_context", owner="Ana", day="2020-04-21",
                                                    why="Both proxies detect the protocol again."),
    "design/0005-breakers.md": STAGED.format(name="breakers", owner="Ben", day="2020-06-14",
                                             why="Stop sending requests to a failing endpoint for a while."),
    "active/0001-release-train.md": STAGED.format(name="release_train", owner="Dana", day="2019-11-05",
                                                  why="A release every week from the main branch."),
}


def test_records_kept_in_folders_named_by_their_stage_list_with_the_status_it_names(decide, tmp_path):
    root = repository_with(tmp_path / "repo", STAGED_RFCS)
    assert [(r["path"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        ("active/0001-release-train.md", "accepted", "active"), ("problem/0004-shared-context.md", "draft", "problem"),
        ("design/0005-breakers.md", "proposed", "design")]
    checked = decide("check", cwd=root)
    assert checked.stdout.splitlines() == ["0 error(s), 0 warning(s)"], checked.stdout


def test_a_status_change_of_a_record_whose_folder_names_its_stage_writes_the_status_in_the_record(decide, tmp_path):
    root = repository_with(tmp_path / "repo", STAGED_RFCS)
    result = decide("adr", "status", "5", "rejected", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "design/0005-breakers.md").read_text() == "- Status: rejected\n" + STAGED_RFCS[
        "design/0005-breakers.md"]
    assert [(r["status"], r["status_raw"]) for r in listed_adrs(decide, root) if r["number"] == 5] == [
        ("rejected", "rejected")]


def test_a_new_record_of_a_folder_kept_by_stage_is_written_in_its_first_stage_numbered_after_every_stage(decide,
                                                                                                        tmp_path):
    root = repository_with(tmp_path / "repo", STAGED_RFCS)
    result = decide("adr", "new", "Retry budgets", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "problem/0006-retry-budgets.md"
    assert (root / "problem/0006-retry-budgets.md").read_text() == STAGED.format(
        name="(a unique name)", owner="", day="2026-03-22", why="One paragraph.")
    assert sorted(path.name for path in root.glob("*.md")) == ["0000-rfc-template.md", "README.md"]
    assert [(r["path"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root) if r["number"] == 6] == [
        ("problem/0006-retry-budgets.md", "draft", "problem")]


# Fuchsia's RFCs: one YAML file of the folder lists every RFC's title, status and days; each page states none, its
# title a template's expression filled in from that file.
RFCS_FOLDER = "docs/contribute/governance/rfcs"
RFCS_YAML = """# Every RFC, with the fields each RFC's page shows.

- name: 'RFC-0000'
  title: 'RFC template'
  file: 'TEMPLATE.md'
  status: 'Template'
  submitted: ''
  reviewed: ''

- name: 'RFC-0001'
  title: 'A process for project-wide decisions'
  authors: ['ana@example.org']
  file: '0001_rfc_process.md'
  area: ['Governance']
  status: 'Accepted'
  submitted: '2020-02-20'
  reviewed: '2020-02-27'

- name: 'RFC-0002'
  title: 'Snapshots of the blob store'
  file: '0002_blob_snapshots.md'
  status: 'Rejected'
  submitted: '2020-09-06'
  reviewed: '2020-09-21'

- name: 'RFC-0003'
  title: 'Counters'
  file: '0003_counters.md'
  status: 'Accepted'
  submitted: '2024-10-01'
  reviewed: ''
"""
RFC_PAGE = ('<!-- mdformat off(templates not supported) -->\n{{% set rfcid = "RFC-{n}" %}}\n'
            '{{% include "docs/contribute/governance/rfcs/_common/_rfc_header.md" %}}\n'
            "# {{{{ rfc.name }}}}: {{{{ rfc.title }}}}\n<!-- mdformat on -->\n\n{status}## Summary\n\nWhy {n}.\n")


def _rfcs_listed_in_yaml(tmp_path, listed: str = RFCS_YAML):
    return repository_with(tmp_path / "repo", {
        f"{RFCS_FOLDER}/_rfcs.yaml": listed, f"{RFCS_FOLDER}/TEMPLATE.md": RFC_PAGE.format(n="0000", status=""),
        f"{RFCS_FOLDER}/0001_rfc_process.md": RFC_PAGE.format(n="0001", status=""),
        f"{RFCS_FOLDER}/0002_blob_snapshots.md": RFC_PAGE.format(n="0002", status=""),
        f"{RFCS_FOLDER}/0003_counters.md": RFC_PAGE.format(n="0003", status="## Status\n\nProposed\n\n"),
    })


def test_records_a_folder_wide_yaml_lists_take_their_title_status_and_day_from_it_where_they_state_none(decide,
                                                                                                        tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path)
    assert [(r["number"], r["title"], r["status"], r["status_raw"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "A process for project-wide decisions", "accepted", "Accepted", "2020-02-27"),
        (2, "Snapshots of the blob store", "rejected", "Rejected", "2020-09-21"),
        (3, "Counters", "proposed", "Proposed", "2024-10-01")]
    checked = decide("check", cwd=root)
    assert checked.stdout.splitlines() == ["0 error(s), 0 warning(s)"], checked.stdout


@pytest.mark.parametrize("broken, line", [
    (RFCS_YAML.replace("status: 'Rejected'", "status: 'Rejected"), 23),  # a quote never closed, found a line on
    (RFCS_YAML.replace("  file: '0002_blob_snapshots.md'\n", "  file: '0002_blob_snapshots.md'\n  file: 'x.md'\n"),
     22),  # a key twice
    ("- &a ['x', 'y']\n- *a\n", 2),  # an alias
    (RFCS_YAML.replace("Snapshots of", "Snapshots\x1b[31m of"), 20),  # a terminal's escape, which YAML forbids
])
def test_a_folder_wide_yaml_that_cannot_be_read_is_a_warning_at_its_line(decide, tmp_path, broken, line):
    root = _rfcs_listed_in_yaml(tmp_path, broken)
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0, checked.output
    assert f"{RFCS_FOLDER}/_rfcs.yaml:{line}: warning: invalid YAML: " in checked.stdout, checked.stdout
    assert all(": warning: " in said for said in checked.stdout.splitlines()[:-1]), checked.stdout  # one line each
    assert "Traceback" not in checked.output
    assert [r["status"] for r in listed_adrs(decide, root)] == [None, None, "proposed"]


def test_a_folder_wide_yaml_over_the_size_limit_is_a_warning_that_the_records_are_read_without_it(decide, tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path, RFCS_YAML + "# more RFCs to come\n" * 500)  # 10,687 bytes
    (root / "decisionbook.toml").write_text("[limits]\nmax_file_mib = 0.01\n")  # 10,485 bytes
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "Traceback" not in checked.output, checked.output
    assert (f"{RFCS_FOLDER}/_rfcs.yaml: warning: cannot read: larger than the 0.01 MiB limit for one file (at least "
            "0.0102 MiB; raise [limits] max_file_mib in decisionbook.toml): the records it lists are read without it"
            ) in checked.stdout.splitlines(), checked.stdout
    assert [r["status"] for r in listed_adrs(decide, root)] == [None, None, "proposed"]


def test_a_folder_wide_yaml_that_is_a_fifo_is_a_warning_naming_it_and_its_folder_is_still_found(decide, tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path)
    (root / RFCS_FOLDER / "_rfcs.yaml").unlink()
    os.mkfifo(root / RFCS_FOLDER / "_rfcs.yaml")  # opened for reading, it would wait for a writer forever
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "Traceback" not in checked.output, checked.output
    assert (f"{RFCS_FOLDER}/_rfcs.yaml: warning: cannot read: not a regular file (a FIFO): the records it lists are "
            "read without it") in checked.stdout.splitlines(), checked.stdout
    assert [(r["path"], r["status"]) for r in listed_adrs(decide, root)] == [
        (f"{RFCS_FOLDER}/0001_rfc_process.md", None), (f"{RFCS_FOLDER}/0002_blob_snapshots.md", None),
        (f"{RFCS_FOLDER}/0003_counters.md", "proposed")]


def test_a_status_word_of_the_team_s_own_in_the_folder_wide_yaml_is_mapped_as_on_a_page(decide, tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path, RFCS_YAML.replace("status: 'Rejected'", "status: 'Parked'"))
    (root / "decisionbook.toml").write_text(f'[adr]\ndir = "{RFCS_FOLDER}"\n\n[adr.statuses]\n"parked" = "deprecated"\n')
    (root / RFCS_FOLDER / "0004_retries.md").write_text("# Retries\n\n## Status\n\nParked\n")
    assert [(r["number"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        (1, "accepted", "Accepted"), (2, "deprecated", "Parked"), (3, "proposed", "Proposed"),
        (4, "deprecated", "Parked")]


def test_a_status_word_decisionbook_does_not_know_in_the_folder_wide_yaml_is_a_check_warning(decide, tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path, RFCS_YAML.replace("status: 'Rejected'", "status: 'Parked'"))
    checked = decide("check", cwd=root)
    assert checked.stdout.splitlines() == [
        f"{RFCS_FOLDER}/0002_blob_snapshots.md: warning: unknown status 'Parked' (given by the folder's _rfcs.yaml); "
        "decisionbook knows draft, proposed, accepted, rejected, deprecated, superseded; map it to the one it means "
        'in decisionbook.toml under [adr.statuses]: "parked" = "..."', "0 error(s), 1 warning(s)"], checked.stdout


def test_a_status_the_folder_wide_yaml_starts_with_an_angle_bracket_is_shown_as_written(decide, tmp_path):
    # The list is YAML, not a page: `<` is the team's text, not markup; it was dropped (`Parked until Q3>`).
    root = _rfcs_listed_in_yaml(tmp_path, RFCS_YAML.replace("status: 'Rejected'", "status: '<Parked until Q3>'"))
    assert [(r["number"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)][1] == (
        2, "<Parked until Q3>", "<Parked until Q3>")
    assert "<Parked until Q3>  " in decide("adr", "list", cwd=root).stdout
    assert "status: <Parked until Q3>\n" in decide("adr", "show", "2", cwd=root).stdout
    assert "unknown status '<Parked until Q3>' (given by the folder's _rfcs.yaml)" in decide("check", cwd=root).stdout
    assert decide("report", "log", "--out", "site", cwd=root).exit_code == 0
    for page in ("index.html", "0002_blob_snapshots.html"):
        assert "<Parked until Q3>" in "".join(scan((root / "site" / page).read_text()).text), page  # text, no tag


def test_a_status_a_page_or_front_matter_starts_with_a_symbol_is_shown_as_written(decide, tmp_path):
    # `<` and a lone `~` joined to the word are the team's text; `**`, a bullet or an emoji before a space are markup.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-queues.md": "# Queues\n\n## Status\n\n<Parked until Q3>\n\n## Context\n\nWhy.\n",
        "docs/adr/002-tabs.md": "---\nstatus: ~Parked\n---\n# Tabs\n\n## Context\n\nWhy.\n",
        "docs/adr/003-caches.md": "# Caches\n\n## Status\n\n~Draft\n",
        "docs/adr/004-logs.md": "# Logs\n\n## Status\n\n🚧 **Parked**\n",
    })
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [
        (1, "<Parked until Q3>"), (2, "~Parked"), (3, "draft"), (4, "Parked")]
    assert "<Parked until Q3>  " in decide("adr", "list", cwd=root).stdout
    assert "status: ~Parked\n" in decide("adr", "show", "2", cwd=root).stdout
    assert "unknown status '<Parked until Q3>'" in decide("check", cwd=root).stdout
    assert decide("report", "log", "--out", "site", cwd=root).exit_code == 0
    assert "<Parked until Q3>" in "".join(scan((root / "site" / "index.html").read_text()).text)  # text, no tag


def test_a_title_and_status_the_folder_wide_yaml_breaks_over_lines_are_shown_one_field_a_line(decide, tmp_path):
    root = _rfcs_listed_in_yaml(tmp_path, RFCS_YAML.replace(
        "'Snapshots of the blob store'", '"Snapshots\\nstatus: Accepted"').replace(
        "status: 'Rejected'", 'status: "Rejected\\r\\npath: elsewhere.md"'))
    shown = decide("adr", "show", "2", cwd=root)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.splitlines() == [
        "ADR-0002: Snapshots<U+000A>status: Accepted", "status: Rejected<U+000D><U+000A>path: elsewhere.md",
        "date: 2020-09-21", f"path: {RFCS_FOLDER}/0002_blob_snapshots.md", "form: unknown"]


def test_a_status_the_folder_wide_yaml_keeps_is_changed_on_its_line_there_not_on_the_page(decide, tmp_path):
    # The list is the status the site shows: a change of it was refused, and the team edited the list by hand.
    listed = RFCS_YAML.replace("  status: 'Accepted'\n  submitted: '2020-02-20'",
                               "  status: 'Accepted'   # since the first review\n  submitted: '2020-02-20'")
    root = _rfcs_listed_in_yaml(tmp_path, listed)
    page = root / RFCS_FOLDER / "0001_rfc_process.md"
    before = page.read_bytes()
    done = decide("adr", "status", "1", "deprecated", cwd=root)
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines()[1:] == [f"updated {RFCS_FOLDER}/_rfcs.yaml"]  # the file it changed, as adr new
    assert page.read_bytes() == before
    assert (root / RFCS_FOLDER / "_rfcs.yaml").read_text() == listed.replace(
        "  status: 'Accepted'   # since", "  status: 'Deprecated'   # since")
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)][0] == (1, "deprecated",
                                                                                           "2020-02-27")
    # A status the list already writes is written as it writes it.
    assert decide("adr", "status", "2", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / RFCS_FOLDER / "_rfcs.yaml").read_text() == listed.replace(
        "  status: 'Accepted'   # since", "  status: 'Deprecated'   # since").replace(
        "status: 'Rejected'", "status: 'Accepted'")
    done = decide("adr", "status", "3", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert done.exit_code == 0, done.output  # the page states its own: changed there, and the list stays
    assert "## Status\n\nAccepted\n" in (root / RFCS_FOLDER / "0003_counters.md").read_text()
    assert "  file: '0003_counters.md'\n  status: 'Accepted'\n" in (root / RFCS_FOLDER / "_rfcs.yaml").read_text()


def test_a_new_record_gets_an_entry_in_the_folder_wide_yaml_written_as_its_last_entry_is(decide, decide_process,
                                                                                        tmp_path):
    # The list names every RFC the site shows: a record made without an entry there had no status and no page.
    root = _rfcs_listed_in_yaml(tmp_path)
    made = decide("adr", "new", "Don't wait for the disk", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert made.exit_code == 0, made.output
    name = made.stdout.strip().rpartition("/")[2]
    assert name.startswith("0004_")
    assert (root / RFCS_FOLDER / "_rfcs.yaml").read_text() == RFCS_YAML + (
        f"\n- name: 'RFC-0004'\n  title: 'Don''t wait for the disk'\n  file: '{name}'\n  status: 'Proposed'\n"
        "  submitted: '2026-03-22'\n  reviewed: ''\n")
    assert [(r["number"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)][3] == (
        4, "Don't wait for the disk", "proposed", "2026-03-22")
    assert made.stderr == f"updated {RFCS_FOLDER}/_rfcs.yaml\n"
    assert decide("adr", "status", "4", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / RFCS_FOLDER / "_rfcs.yaml").read_text().endswith(
        f"  file: '{name}'\n  status: 'Accepted'\n  submitted: '2026-03-22'\n  reviewed: ''\n")
    # The command's fast start, which makes a record without click, says so too.
    made = decide_process("adr", "new", "Faster boot", "--no-edit", cwd=root)
    assert (made.exit_code, made.stderr) == (0, f"updated {RFCS_FOLDER}/_rfcs.yaml\n"), made.output
    assert "  title: 'Faster boot'\n  file: '0005_faster_boot.md'\n  status: 'Proposed'\n" in (
        root / RFCS_FOLDER / "_rfcs.yaml").read_text()


def test_a_new_page_of_a_folder_wide_yaml_names_its_own_entry_and_keeps_the_heading_the_site_fills_in(decide,
                                                                                                     tmp_path):
    # The site looks the page's entry up by its `rfcid`: the template's `RFC-0000` showed the template's entry, and
    # a plain `# Title` heading stood where the folder's pages all take theirs from the list.
    root = _rfcs_listed_in_yaml(tmp_path)
    made = decide("adr", "new", "Don't wait for the disk", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == RFC_PAGE.format(n="0004", status="").replace(
        "Why 0004.", "Why 0000.")
    assert "- name: 'RFC-0004'\n  title: 'Don''t wait for the disk'\n" in (
        root / RFCS_FOLDER / "_rfcs.yaml").read_text()
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)][3] == (
        4, "Don't wait for the disk", "proposed")
    assert decide("check", cwd=root).stdout.strip().endswith("0 error(s), 1 warning(s)")  # the template's summary


def test_a_new_record_s_entry_takes_the_keys_and_quoting_of_the_list_s_last_entry(decide, tmp_path):
    listed = ("# RFCs\n- file: 0001_rfc_process.md\n  name: RFC-0001\n  title: Process\n  authors: [ana]\n  area:\n"
              '    - Governance\n  status: "Accepted"\n  submitted: 2020-02-20\n')
    root = _rfcs_listed_in_yaml(tmp_path, listed)
    made = decide("adr", "new", "Counters: again", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert made.exit_code == 0, made.output
    name = made.stdout.strip().rpartition("/")[2]
    assert (root / RFCS_FOLDER / "_rfcs.yaml").read_text() == listed + (
        f"- file: {name}\n  name: RFC-0004\n  title: 'Counters: again'\n  authors: []\n  area: []\n"
        '  status: "Proposed"\n  submitted: 2026-03-22\n')
    assert decide("check", cwd=root).exit_code == 0


# The French health agency's records are pages of a just-the-docs site: the front matter's title is the menu's
# label, often the file name's words (`0003-Convergence-des-deux-portails`); the page's heading is its title.
SITE_PAGE = ("---\nparent: Decisions\nnav_order: {n:04d}\ntitle: {label}\n---\n\n{heading}\n\n"
             '* **statut**: "accepté"\n* **date**: "2025-06-26"\n\n'
             "## Contexte et énoncé du problème\n\nPourquoi.\n")


def test_a_page_s_first_heading_titles_it_over_its_front_matter_s_menu_label(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/0003-cms.md": SITE_PAGE.format(
            n=3, label="0003-Convergence-des-deux-portails", heading="# Convergence des deux portails sur un CMS"),
        "docs/decisions/0004-annuaire.md": SITE_PAGE.format(
            n=4, label="Annuaire des services", heading="# Annuaire des services exposés"),
        # No heading of the page's own: the label is all there is. A heading the site fills in names nothing.
        "docs/decisions/0005-journaux.md": SITE_PAGE.format(n=5, label="Journaux centralisés", heading=""),
        "docs/decisions/0006-sauvegardes.md": SITE_PAGE.format(
            n=6, label="Sauvegardes chiffrées", heading="# {{ page.title }}"),
    })
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [
        (3, "Convergence des deux portails sur un CMS"), (4, "Annuaire des services exposés"),
        (5, "Journaux centralisés"), (6, "Sauvegardes chiffrées")]


PREFIXED = ("# {n}. {title}\n\nDate: 2020-03-0{n}\n\n- Décideurs: Léa\n\n## Statut\n\n2020-03-0{n} {status}\n\n"
            "## Contexte et énoncé du problème\n\nPourquoi {n}.\n\n## Résultat de la décision\n\nCeci.\n")


def test_records_named_after_a_project_s_prefix_are_numbered_and_a_new_one_takes_the_prefix(decide, tmp_path):
    # A team's own letters before a zero-padded number (`ccc-jb-001-x.md`): the number the title repeats.
    root = repository_with(tmp_path / "repo", {
        f"doc/adr/ccc-jb-00{n}-{slug}.md": PREFIXED.format(n=n, title=title, status=status)
        for n, slug, title, status in ((1, "adrs", "Documenter par des ADRs", "accepted"),
                                       (2, "base-relationnelle", "Une base relationnelle", "proposed"),
                                       (3, "paramètres-de-tri", "Des paramètres de tri", "accepted"))})
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)] == [
        (1, "Documenter par des ADRs", "accepted"), (2, "Une base relationnelle", "proposed"),
        (3, "Des paramètres de tri", "accepted")]
    result = decide("adr", "status", "2", "accepted", "--force", "--date", "2020-04-01", cwd=root)
    assert result.exit_code == 0, result.output
    assert "## Statut\n\n2020-03-02 proposed\n2020-04-01 accepted\n\n" in (
        root / "doc/adr/ccc-jb-002-base-relationnelle.md").read_text()  # the dated lines are the status's history
    made = decide("adr", "new", "Sécuriser l'administration", "--no-edit", "--date", "2020-04-09", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "doc/adr/ccc-jb-004-sécuriser-l-administration.md"  # accents kept, as in 003
    assert (root / made.stdout.strip()).read_text().startswith(
        "# 4. Sécuriser l'administration\n\nDate: 2020-04-09\n")


# A specification site on Hugo: front matter's status stated again in a Status section, as a sentence with a note.
STATED_AGAIN = ('---\ntitle: "ADR-0002: Protect main"\ndate: 2026-05-06\nstatus: {status}\n---\n\n## Status\n\n'
                "{again}\n\n## Context\n\nWhy.\n")


@pytest.mark.parametrize("again, written", [
    ("Accepted. Backfill: applied 2026-05-06; written 2026-05-08.",
     "Deprecated. Backfill: applied 2026-05-06; written 2026-05-08."),
    ("Accepted.", "Deprecated.")])
def test_a_status_stated_again_as_a_sentence_changes_its_word_and_keeps_the_rest(decide, tmp_path, again, written):
    # The section was left saying Accepted under `status: Deprecated`, or lost its period.
    root = repository_with(tmp_path / "repo", {
        "content/adr/0002-protect-main.md": STATED_AGAIN.format(status="Accepted", again=again)})
    result = decide("adr", "status", "2", "deprecated", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "content/adr/0002-protect-main.md").read_text() == STATED_AGAIN.format(
        status="Deprecated", again=written).replace("date: 2026-05-06", "date: 2026-12-02")


SERIES = "# ADR {key}: {title}\n\n**Date:** 2026-01-2{n}\n**Status:** {status}\n\n## Context\n\nWhy {n}.\n"


def test_records_of_a_series_of_their_own_are_read_by_their_names(decide, tmp_path):
    # A folder numbering its records keeps another series beside them (`VIS-001-x.md`, a vision, numbered apart,
    # or a component's `model-serving/ODH-ADR-MS-0001-x.md`) and a record between two (`0004a-x.md`): each is
    # a record named by its file, not a number the folder's own record already has.
    root = repository_with(tmp_path / "repo", {
        "docs/ADR/001-soft-delete.md": SERIES.format(key="001", n=1, title="Soft delete", status="Accepted"),
        "docs/ADR/004-notes.md": SERIES.format(key="004", n=2, title="Notes", status="Accepted"),
        "docs/ADR/0004a-ancestry.md": SERIES.format(key="004a", n=3, title="Ancestry", status="Rejected"),
        "docs/ADR/004d-notes.md": "# Approval of 004\n\n| Decision | Day |\n|---|---|\n| Accepted | 2026-01-22 |\n",
        "docs/ADR/VIS-001-soft-delete-for-modules.md": SERIES.format(key="VIS-001", n=4, title="Modules",
                                                                     status="Accepted"),
        "docs/ADR/VIS-000-template.md": SERIES.format(key="VIS-XXX", n=5, title="Title", status="Proposed"),
        "docs/ADR/model-serving/ODH-ADR-MS-0001-private-network.md": SERIES.format(
            key="MS-0001", n=6, title="Private network", status="Proposed"),
    })
    listed = {(r["number"], r["key"]): (r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)}
    assert listed == {
        (1, "1"): ("Soft delete", "accepted", "2026-01-21"), (4, "4"): ("Notes", "accepted", "2026-01-22"),
        (None, "0004a-ancestry"): ("Ancestry", "rejected", "2026-01-23"),
        (None, "VIS-001-soft-delete-for-modules"): ("Modules", "accepted", "2026-01-24"),
        (None, "ODH-ADR-MS-0001-private-network"): ("Private network", "proposed", "2026-01-26")}
    check = decide("check", cwd=root)
    assert "not read as records" not in check.stdout and "also used by" not in check.stdout, check.stdout
    result = decide("adr", "status", "ODH-ADR-MS-0001-private-network", "accepted", "--force", "--date", "2026-02-01",
                    cwd=root)
    assert result.exit_code == 0, result.output
    assert "**Status:** Accepted\n" in (root / "docs/ADR/model-serving/ODH-ADR-MS-0001-private-network.md").read_text()
    # Named by its label, never by the number the folder's own record 1 has.
    (root / "docs/ADR/004-notes.md").write_text(SERIES.format(key="004", n=2, title="Notes", status="Accepted")
                                                .replace("**Status:** Accepted\n", "**Status:** Accepted\n"
                                                         "**Supersedes:** VIS-001\n"))
    rows = {r["key"]: r for r in listed_adrs(decide, root)}
    assert rows["4"]["supersedes"] == ["VIS-001-soft-delete-for-modules"] and rows["1"]["superseded_by"] is None
    shown = json.loads(decide("adr", "show", "VIS-001", "--format", "json", cwd=root).stdout)
    assert (shown["path"], [(r["relation"], r["adr"]) for r in shown["related"]]) == (
        "docs/ADR/VIS-001-soft-delete-for-modules.md", [("superseded by", "4")])
    assert json.loads(decide("adr", "show", "1", "--format", "json", cwd=root).stdout)["related"] == []
    assert decide("adr", "link", "VIS-001", "amends", "1", cwd=root).exit_code == 0
    assert "Amends" in (root / "docs/ADR/VIS-001-soft-delete-for-modules.md").read_text()
    assert "Amended by" in (root / "docs/ADR/001-soft-delete.md").read_text()
    made = decide("adr", "new", "Audit log", "--no-edit", cwd=root)
    assert made.stdout.strip() == "docs/ADR/005-audit-log.md", made.output
    # A successor of the series that the status names by its label, no link, is that record, not record 1.
    (root / "docs/ADR/004-notes.md").write_text(
        SERIES.format(key="004", n=2, title="Notes", status="Superseded by VIS-001"))
    rows = {r["key"]: r for r in listed_adrs(decide, root)}
    assert (rows["4"]["superseded_by"], rows["1"]["supersedes"]) == ("VIS-001-soft-delete-for-modules", [])


KOREAN_HINT = ("# 1. Record architecture decisions\n\n> Date: 2025-08-03\n---\n\n## 상태(Status)\n\n"
               "> 상태: 제안됨(Proposed)|승인됨(Accepted)|반려됨(Rejected)|대체됨(Superseded)|사용중단됨(Deprecated)\n\n"
               "{status}\n\n## 상황(Context)\n\n- 기록을 남기길 바란다.\n")


def test_a_quoted_list_of_the_choices_above_the_status_is_the_template_s_hint(decide, tmp_path):
    # The team's template keeps its choices quoted under the heading; the status is the line below them.
    root = repository_with(tmp_path / "repo", {
        "architecture-decision-records/0001-record-architecture-decisions.md": KOREAN_HINT.format(status="Accepted"),
        "architecture-decision-records/0002-use-a-queue.md": KOREAN_HINT.format(status="반려됨").replace(
            "1. Record architecture decisions", "2. Use a queue"),
    })
    assert [(r["number"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        (1, "accepted", "Accepted"), (2, "rejected", "반려됨")]
    result = decide("adr", "status", "1", "deprecated", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "architecture-decision-records/0001-record-architecture-decisions.md").read_text() == \
        KOREAN_HINT.format(status="Deprecated")
    # A template whose status lists the choices in a language decisionbook does not read, each with its English
    # word after it, is no record.
    (root / "architecture-decision-records/0000-tieu-de.md").write_text(
        "# 0. Tiêu đề\n\n## Status\n\nĐề xuất (Proposed) | Chấp nhận (Accepted) | Từ chối (Rejected)\n")
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 2]


ETAT = "# {n}. {title}\n\nDate : 2020-01-18\n\n## État\n\n{state}\n\n## Contexte\n\nPourquoi {n}.\n"


def test_a_french_etat_section_with_relations_in_reference_links_before_the_status(decide, tmp_path):
    # adr-tools in French: `## État`, and `Amende [0018-x.md][0018]` with its definition before the status.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-enregistrer.md": ETAT.format(n=1, title="Enregistrer", state="Accepté"),
        "docs/adr/0018-version.md": ETAT.format(n=18, title="Version", state=(
            "Amendé par [0049-version.md][0049]\n\n[0049]: ./0049-version.md")),
        "docs/adr/0049-version.md": ETAT.format(n=49, title="Version encore", state=(
            "Amende [0018-version.md][0018]\n\n[0018]: ./0018-version.md\n\nEn discussion")),
    })
    rows = {r["number"]: (r["status"], r["links"]) for r in listed_adrs(decide, root)}
    assert rows == {1: ("accepted", []), 18: ("accepted", [{"relation": "amended by", "adr": "49"}]),
                    49: ("proposed", [{"relation": "amends", "adr": "18"}])}
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    result = decide("adr", "status", "49", "accepted", "--force", "--date", "2023-07-10", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0049-version.md").read_text() == ETAT.format(n=49, title="Version encore", state=(
        "Amende [0018-version.md][0018]\n\n[0018]: ./0018-version.md\n\nAccepté")).replace("2020-01-18", "2023-07-10")


DAY_UNDER_TITLE = "# ADR {n}: {title}\n\n{day}\n\n## Context\n\nWhy {n}.\n\n## Status\n\nAccepted\n"


def test_a_day_written_out_alone_under_the_title_is_the_date(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        f"docs/arch/adr-{n}.md": DAY_UNDER_TITLE.format(n=n, title=title, day=day)
        for n, title, day in ((1, "Adopting records", "July 19, 2018"), (2, "Monorepo", "15 November 2021"),
                              (3, "Identity", "*27 July 2022*"), (4, "Pages", "May 2023"))})
    rows = {r["number"]: (r["title"], r["date"]) for r in listed_adrs(decide, root)}
    assert rows == {1: ("Adopting records", "2018-07-19"), 2: ("Monorepo", "2021-11-15"), 3: ("Identity", "2022-07-27"),
                    4: ("Pages", None)}
    # The day it was written, as a Nygard record's `Date:` is: a change of status keeps it.
    result = decide("adr", "status", "2", "deprecated", "--force", "--date", "2026-12-01", cwd=root)
    assert result.stdout.strip() == "ADR-0002: accepted -> deprecated (its date, 2021-11-15, kept)", result.output
    assert (root / "docs/arch/adr-2.md").read_text() == DAY_UNDER_TITLE.format(
        n=2, title="Monorepo", day="15 November 2021").replace("Accepted", "Deprecated")


FRONT_STATUS = "---\nid: {n}\nstatus: accepted\n{more}---\n\n{body}\n## Context\n\nWhy {n}.\n"


def test_a_day_in_the_body_dates_a_record_whose_front_matter_gives_its_status_and_no_decision_day(decide, tmp_path):
    # A site's front matter says the status (and when the page was made or edited); the body says when it was decided.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-008-secrets.md": FRONT_STATUS.format(n="008", more="", body="## Status\nAccepted\n\n"
                                                                                   "## Date\n2026-02-18\n"),
        "docs/adr/adr-009-paseto.md": FRONT_STATUS.format(n="009", more="", body="# ADR-009: PASETO\n\n"
                                                          "**Status:** Accepted\n**Date:** 2026-02-26\n"),
        "docs/adr/adr-034-restrict.md": FRONT_STATUS.format(n="034", more="decided: 2026-08-11\n", body="# Restrict\n"),
        "docs/adr/adr-035-bd.md": FRONT_STATUS.format(n="035", more="created: 2026-01-31\nupdated: 2026-02-09\n",
                                                      body="# BD-ADR-035: 図\n\n## ステータス\n\n- Accepted\n"
                                                           "- 日付: 2026-01-17\n"),
        "docs/adr/adr-036-made.md": FRONT_STATUS.format(n="036", more="date: 2026-03-01\n",
                                                        body="# Made\n\n**Date:** 2026-02-27\n"),
    })
    assert {r["number"]: r["date"] for r in listed_adrs(decide, root)} == {
        8: "2026-02-18", 9: "2026-02-26", 34: "2026-08-11", 35: "2026-01-17", 36: "2026-03-01"}
    result = decide("adr", "status", "9", "deprecated", "--force", "--date", "2026-12-01", cwd=root)
    assert result.exit_code == 0, result.output
    assert {r["number"]: r["date"] for r in listed_adrs(decide, root)}[9] == "2026-12-01"
    # The status stated again under the title is changed with the front matter's.
    assert "status: deprecated\n---\n\n# ADR-009: PASETO\n\n**Status:** Deprecated\n**Date:** 2026-12-01\n" in (
        root / "docs/adr/adr-009-paseto.md").read_text()


RELATED = ("---\nstatus: accepted\ndate: 2026-07-13\n---\n\n# ADR-{n:03d}: Record {n}\n\n{header}## Context\n\n"
           "Why.\n\n{related}")


def test_related_records_listed_with_notes_or_named_by_label_are_related(decide, tmp_path):
    # `- [ADR-027](...) — one authority per value`, `- ADR-003 (API naming): ...` under a Related heading, and a
    # `**Related**:` or `**相关**：` field: each was no relation, and one note after a link dropped the whole section.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-003-naming.md": RELATED.format(n=3, header="", related=""),
        "docs/adr/adr-026-absence.md": RELATED.format(n=26, header="", related=(
            "## Related\n\n- [ADR-027](adr-027-authority.md) — one authority per value\n"
            "- [ADR-028](adr-028-values.md), absence as a signal\n- [Issue 12](https://example.com/issues/12)\n")),
        "docs/adr/adr-027-authority.md": RELATED.format(n=27, header="", related=(
            "### Related ADRs\n\n- ADR-003 (API Parameter Naming): the names it keeps\n- ADR-0026: absence\n")),
        "docs/adr/adr-028-values.md": RELATED.format(n=28, header="**Related**: [ADR-003](adr-003-naming.md)\n\n",
                                                     related=""),
        "docs/adr/adr-029-stock.md": RELATED.format(n=29, header="- **相关**：[ADR-0003](adr-003-naming.md)、"
                                                                "[ADR-0026](adr-026-absence.md)\n\n", related=""),
    })
    links = {r["number"]: sorted(link["adr"] for link in r["links"] if link["relation"] == "relates to")
             for r in listed_adrs(decide, root)}
    assert links == {3: [], 26: ["27", "28"], 27: ["26", "3"], 28: ["3"], 29: ["26", "3"]}
    # Listed one way in the body, also under front matter: no finding (ADR 0252).
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_more_labels_of_who_decided_and_a_misspelt_status(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/20250712-sistem.md": "# ADR: Sistem\n\n**Durum:** Kabul Edildi\n**Karar Veren:** Ayşe (Mimari Ekip)\n"
                                       "**Tarih:** 12 Temmuz 2025\n\n## Bağlam\n\nNeden.\n",
        "docs/adr/20250713-kamer.md": "# Kamer\n\n- Status: Geaccepteerd\n- Beslisser: Sanne\n- Datum: 2025-07-13\n\n"
                                      "## Context\n\nWaarom.\n",
        "docs/adr/20250714-breakpoints.md": "---\nstatus: Depreciated.\ndecision-makers: [Ana]\nconsulted: \"no\"\n"
                                            "---\n# Breakpoints\n",
    })
    rows = {r["key"]: (r["status"], r["decision_makers"], r["consulted"]) for r in listed_adrs(decide, root)}
    assert rows == {"20250712-sistem": ("accepted", ["Ayşe (Mimari Ekip)"], []),
                    "20250713-kamer": ("accepted", ["Sanne"], []),
                    "20250714-breakpoints": ("deprecated", ["Ana"], [])}


NUMBERED_PARTS = ("# ADR-0{n}: {title}\n\n1. Контекст:\n   * Нужно решить.\n2. Решение:\n   * Использовать.\n"
                  "3. Статус:\n   * {status}.\n4. Последствия:\n   * Сложнее.\n")


def test_a_status_in_an_item_below_a_numbered_label_of_its_own(decide, tmp_path):
    # The parts of a record as a numbered list, each value an item below its label (`3. Статус:` / `* Принято.`).
    root = repository_with(tmp_path / "repo", {
        "adr_01.md": NUMBERED_PARTS.format(n=1, title="Микросервисы", status="Принято"),
        "adr_02.md": NUMBERED_PARTS.format(n=2, title="Шина", status="Предложено"),
        "decisionbook.toml": '[adr]\ndir = "."\n'})
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [(1, "accepted"), (2, "proposed")]
    result = decide("adr", "status", "2", "rejected", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "adr_02.md").read_text() == NUMBERED_PARTS.format(n=2, title="Шина", status="Отклонено")


def test_a_template_numbered_0_whose_status_section_lists_the_choices_is_no_record(decide, tmp_path):
    # Its front matter says `status: accepted` (copied along), its Status section the choices to pick from.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-000.md": "---\nid: 000\nstatus: accepted\ntitle: \"ADR-000: [Short Title]\"\n---\n\n## Status\n"
                               "[Proposed | Accepted | Deprecated | Superseded]\n\n## Date\nYYYY-MM-DD\n\n"
                               "## Context\nWhat is the issue we're facing?\n",
        "docs/adr/adr-001-rack.md": "---\nid: 001\nstatus: accepted\ntitle: \"ADR-001: Rack\"\n---\n\n## Status\n"
                                    "Accepted\n\n## Date\n2025-10-08\n\n## Context\nWhy.\n"})
    assert [(r["number"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [(1, "Rack", "2025-10-08")]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_title_field_holding_code_with_angle_brackets_and_running_on_to_a_second_line(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "doc/adr/2019-01-04-error-reporting.md": (
            "**Title**: Functions should report errors using `StatusOr<T>` *instead of*\nthrowing exceptions.\n\n"
            "**Status**: accepted\n\n**Context**: Why.\n"),
        "doc/adr/2019-03-26-binaries.md": "**Title**: We will not distribute binary packages, but we will\n"
                                          "support others doing so.\n\n**Status**: in review\n\n**Context**: Why.\n"})
    assert [r["title"] for r in listed_adrs(decide, root)] == [
        "Functions should report errors using `StatusOr<T>` instead of throwing exceptions.",
        "We will not distribute binary packages, but we will support others doing so."]


def test_a_related_record_that_names_this_one_by_another_relation_answers_it(decide, tmp_path):
    # ADR 5 says it is superseded by 21; 21 lists 5 among its related records: no "does not record relates to back".
    nygard = "# {n}. {title}\n\nDate: 2020-11-28\n\n## Status\n\n{status}\n\n{related}## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "doc/adr/0005-unit-tests.md": nygard.format(n=5, title="Unit tests", related="",
                                                    status="Superseded by [0021-react](0021-react.md)."),
        "doc/adr/0021-react.md": nygard.format(n=21, title="React", status="Accepted.",
                                               related="## Related ADR(s)\n"
                                                       "- [0005-unit-tests](0005-unit-tests.md)\n\n"),
    })
    assert decide("check", cwd=root).stdout.splitlines() == [
        "doc/adr/0005-unit-tests.md:7: warning: superseded by ADR 21, but ADR 21 does not record supersedes ADR 5 "
        "back; `decide adr link 5 superseded-by 21` records it there", "0 error(s), 1 warning(s)"]


def test_a_record_named_twice_by_one_relation_is_checked_once(decide, tmp_path):
    # An `Amends:` field and a Links section name ADR 1 both: one finding, not the same one twice.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-soft-delete.md": "# ADR-001: Soft delete\n\n**Status:** Accepted\n",
        "docs/adr/002-modules.md": "# ADR-002: Modules\n\n**Status:** Accepted\n**Amends:** ADR-001 (Soft delete)\n\n"
                                   "## Context\n\nWhy.\n\n## Links\n\n* Amends [ADR-001](001-soft-delete.md)\n"})
    assert decide("check", cwd=root).stdout.splitlines() == [
        "docs/adr/002-modules.md:4: error: amends ADR 1, but ADR 1 does not record amended by ADR 2 back; "
        "`decide adr link 2 amends 1` records it there", "1 error(s), 0 warning(s)"]
    # So is a record named twice that does not exist.
    (root / "docs/adr/001-soft-delete.md").unlink()
    missing = [line for line in decide("check", cwd=root).stdout.splitlines() if "does not exist" in line]
    assert len(missing) == 1, missing


def test_a_copy_of_a_record_kept_under_its_name_in_a_folder_below_is_not_a_second_record(decide, tmp_path):
    # The team keeps each record's full text in `archive/` under the same name, the short one above: check asked to
    # renumber the record above. A record in `archive/` named as no other is one.
    short = "# ADR-013: Preferences [ACCEPTED]\n\n## Rozhodnutí\n\nLocal storage.\n"
    full = "# ADR-013: Preferences\n\n**Date:** 2026-01-25\n**Status:** Accepted\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/ADR/013-preferences.md": short, "docs/ADR/archive/013-preferences.md": full,
        "docs/ADR/archive/005-old.md": full.replace("013", "005").replace("Preferences", "Old")})
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/ADR/archive/005-old.md",
                                                             "docs/ADR/013-preferences.md"]
    assert "number 13 is also used" not in decide("check", cwd=root).stdout


def test_a_record_under_a_site_s_front_matter_is_given_its_status_in_its_body_as_the_folder_writes_it(decide, tmp_path):
    # JabRef's pages open with Jekyll's menu keys; its records say `* Status:` in their bodies. Superseding a record
    # that said none wrote `status:` and `links:` into the menu's front matter, where no record keeps them.
    page = ("---\nparent: Decision Records\nnav_order: {n}\n---\n# Record {n}\n\n{fields}"
            "## Context and Problem Statement\n\nWhy.\n")
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/0016-mutable.md": page.format(n=16, fields=""),
        "docs/decisions/0054-new.md": page.format(n=54, fields="* Status: accepted\n* Date: 2024-11-16\n\n")})
    assert decide("adr", "link", "54", "supersedes", "16", cwd=root).exit_code == 0
    text = (root / "docs/decisions/0016-mutable.md").read_text()
    assert text.startswith("---\nparent: Decision Records\nnav_order: 16\n---\n# Record 16\n\n"
                           "* Status: superseded by [ADR-0054](0054-new.md)\n"), text
    rows = {r["number"]: (r["status"], r["superseded_by"]) for r in listed_adrs(decide, root)}
    assert rows[16] == ("superseded", "54")


def test_a_title_section_under_a_heading_every_record_shares_titles_the_record(decide, tmp_path):
    generic = ("# Architecture Decision Record (ADR)\n\n## Title\n\n{title}\n\n## Status\n\nAccepted\n\n"
               "## Context\n\nWhy.\n")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/20250214.biome.md": generic.format(title="Biome as formatter and linter"),
        "docs/adr/20250227.handle-errors.md": generic.format(title="Handle errors and exceptions"),
        "docs/adr/20250227.use-libraries.md": generic.format(title="Use libraries in the business layer")})
    rows = [(r["number"], r["key"], r["title"], r["date"]) for r in listed_adrs(decide, root)]
    assert rows == [(None, "20250214.biome", "Biome as formatter and linter", "2025-02-14"),
                    (None, "20250227.handle-errors", "Handle errors and exceptions", "2025-02-27"),
                    (None, "20250227.use-libraries", "Use libraries in the business layer", "2025-02-27")]
    assert "error" not in decide("check", cwd=root).stdout.replace("0 error(s)", "")
    # A new record from the folder's template is titled in its Title section; records named with a point are found.
    (root / "docs/adr/template.md").write_text(generic.format(title="[Short title that describes the decision]")
                                               .replace("Accepted", "[Proposed | Accepted | Superseded]"))
    made = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.stdout.strip() == "docs/adr/20261203.use-a-queue.md", made.output
    assert "## Title\n\nUse a queue\n" in (root / made.stdout.strip()).read_text()
    assert decide("adr", "link", "20261203.use-a-queue", "amends", "20250214.biome", cwd=root).exit_code == 0
    result = decide("adr", "status", "20250227.handle-errors", "superseded", "--by", "20261203.use-a-queue", cwd=root)
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in listed_adrs(decide, root)}
    assert rows["20261203.use-a-queue"]["links"] == [{"relation": "amends", "adr": "20250214.biome"}]
    assert rows["20250227.handle-errors"]["superseded_by"] == "20261203.use-a-queue"
    # An approval goes under the heading every record shares, where approvals are read: approving again changes nothing.
    for _ in range(2):
        assert decide("adr", "approve", "20250214.biome", "--by", "ana", cwd=root).exit_code == 0
    text = (root / "docs/adr/20250214.biome.md").read_text()
    assert text.startswith("# Architecture Decision Record (ADR)\nApproved by: ana, ") and text.count("Approved by") == 1
    # Without that heading, and with an appendix below, the approval goes above the sections too, and is read.
    (root / "docs/adr/20250301.cache.md").write_text(generic.format(title="Cache pages")
                                                     .replace("# Architecture Decision Record (ADR)\n\n", "")
                                                     + "\n# Appendix\n\nNotes.\n")
    for _ in range(2):
        assert decide("adr", "approve", "20250301.cache", "--by", "ana", cwd=root).exit_code == 0
    text = (root / "docs/adr/20250301.cache.md").read_text()
    assert text.startswith("Approved by: ana, ") and text.count("Approved by") == 1, text


def test_more_relation_and_people_forms(decide, tmp_path):
    # A section sign after the record amended; a link to a document in another folder, named by number as records are;
    # a day after a middle dot; people named as handles with no commas.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-0001-storage.md": "# ADR-0001: Storage\n\n**Status**: Accepted\n",
        "docs/adr/ADR-0015-fields.md": "# ADR-0015: Fields\n\n**Status**: Accepted\n",
        "docs/adr/ADR-0017-flow.md": "# ADR-0017: Flow\n\n**Status**: Accepted\n"
                                     "> **Amends**: ADR-0015 §4 (User-Forbidden Fields)\n\n## Context\n\nWhy.\n\n"
                                     "## References\n\n"
                                     "- [01-contracts.md](../design/phases/01-contracts.md) - Interfaces\n",
        "docs/adr/ADR-0018-ui.md": "# ADR-0018: UI\n\n- **Estado:** aceptado · 2026-09-21.\n",
        "docs/adr/ADR-0019-types.md": "---\nstatus: accepted\ndecision-makers: eljobe@ plasmapower@\n---\n# Types\n",
        "docs/adr/ADR-0020-store.md": "# Store\n\n- 日付: 2026-01-01\n- ステータス: Accepted\n"
                                      "- 関連: ADR-0001（ストレージ）, 設計書 01/02/04\n\n## 背景\n\nなぜ。\n",
    })
    rows = {r["number"]: r for r in listed_adrs(decide, root)}
    assert rows[17]["links"] == [{"relation": "amends", "adr": "15"}]
    assert (rows[18]["status"], rows[18]["date"]) == ("accepted", "2026-09-21")
    assert rows[19]["decision_makers"] == ["eljobe@", "plasmapower@"]
    assert rows[20]["links"] == [{"relation": "relates to", "adr": "1"}]  # a record named first, then other documents


def test_examples_of_a_status_in_code_state_none_and_more_labels_are_read(decide, tmp_path):
    # MADR's own records show `Status: Accepted` in code while deciding how to write it: "states its status where
    # decisionbook does not read it" was wrong. `**Decision Maker:**` names who decided; `## Additional Links` relates.
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/0008-add-status-field.md": "# Add status field\n\n## Considered Options\n\n"
                                                   "* Add a line\n  Example: `Status: Accepted`\n",
        "docs/decisions/0013-use-yaml.md": "# Use YAML\n\n## Decision Outcome\n\n```markdown\n---\nstatus: accepted\n"
                                          "---\n```\n",
        "docs/decisions/0016-react.md": "# React\n\n**Status:** Accepted\n**Decision Maker:** MoJ Principal Architect\n\n"
                                        "## Additional Links\n\n- [Create a new React app](0008-add-status-field.md)\n",
        # Related records listed below a label of the Links section; a changelog's day written `Nov, 23, 2021`.
        "docs/decisions/0047-upgrade.md": "# Upgrade\n\n* Status: accepted\n\n## Changelog\n\n* Nov, 23, 2021: Draft\n\n"
                                          "## Links\n\n- Previous ADRs:\n  - [ADR 0016](0016-react.md)\n"
                                          "  - [ADR 0013](0013-use-yaml.md)\n",
    })
    check = decide("check", cwd=root).stdout
    assert "states its status where" not in check and check.count("no status found") == 2, check
    rows = {r["number"]: r for r in listed_adrs(decide, root)}
    assert (rows[16]["decision_makers"], rows[16]["links"]) == (["MoJ Principal Architect"],
                                                                [{"relation": "relates to", "adr": "8"}])
    assert rows[47]["links"] == [{"relation": "relates to", "adr": "16"}, {"relation": "relates to", "adr": "13"}]
    assert rows[47]["date"] == "2021-11-23"


def test_people_named_on_plain_lines_below_the_title_are_read(decide, tmp_path):
    # `Deciders: ...` below `Date: ...`, no bullet and no bold, with front matter naming nobody or no front matter.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0000-use-adrs.md": "---\nname: use-adrs\nstatus: accepted\n---\n# Use ADRs\n\nDate: 2026-01-05\n"
                                     "Deciders: development-skills maintainers\nConsulted: ana, ben\n\n## Context\n\nWhy.\n",
        "docs/adr/0001-thing.md": "# 1. Thing\n\nDate: 2026-01-05\nStatus: accepted\nDeciders: alice, bob\n",
        "docs/adr/0002-other.md": "# 2. Other\n\nDate: 2026-01-06\nStatus: accepted\nDecision makers: carol, dan\n"})
    rows = {r["number"]: (r["decision_makers"], r["consulted"]) for r in listed_adrs(decide, root)}
    assert rows == {0: (["development-skills maintainers"], ["ana", "ben"]), 1: (["alice", "bob"], []),
                    2: (["carol", "dan"], [])}


def test_slugs_that_start_with_a_number_and_a_letter_name_records_of_a_folder_of_slugs(decide, tmp_path):
    # `3d-printing.md` and `5g-rollout.md` are slugs, as `use-postgres.md` is: no series of their own (`0004a-x.md`).
    root = repository_with(tmp_path / "repo", {
        "docs/adr/use-postgres.md": "# Use Postgres\n\nStatus: Accepted\n",
        "docs/adr/3d-printing.md": "# 3D printing of prototypes\n\nStatus: Accepted\n",
        "docs/adr/5g-rollout.md": "# 5G: rollout plan\n\nStatus: Proposed\n"})
    assert sorted((r["key"], r["title"]) for r in listed_adrs(decide, root)) == [
        ("3d-printing", "3D printing of prototypes"), ("5g-rollout", "5G: rollout plan"),
        ("use-postgres", "Use Postgres")]
    assert "not read as records" not in decide("check", cwd=root).stdout


def test_what_a_record_names_beside_a_related_record_is_not_related(decide, tmp_path):
    # An IETF RFC among the references is no record of the folder's; a sentence after the record a field names first
    # names others it does not supersede; an amendment named in Italian with the word's feminine form.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0002-cache.md": "# 2. Cache\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## References\n\n"
                                  "- RFC 7234 - HTTP caching\n- ADR-0003 (auth): what it keeps\n",
        "docs/adr/0003-auth.md": "# ADR-003: Auth\n\n- Status: Accepted\n",
        "docs/adr/0004-keys.md": "# ADR-004: Keys\n\n- Status: Accepted\n",
        "docs/adr/0005-tokens.md": "# ADR-005: Tokens\n\n- Status: Accepted\n"
                                   "- Supersedes: ADR-003 (auth), but not ADR-004, which stays\n\n## Context\n\nWhy.\n",
        "docs/adr/0006-stato.md": "# ADR-006: Stato\n\n- Stato: Accettato\n"
                                  "- Modificata da: [ADR-0007](0007-modifica.md)\n",
        "docs/adr/0007-modifica.md": "# ADR-007: Modifica\n\n- Stato: Accettato\n"
                                     "- Modifica: [ADR-0006](0006-stato.md)\n",
    })
    rows = {r["number"]: r for r in listed_adrs(decide, root)}
    assert rows[2]["links"] == [{"relation": "relates to", "adr": "3"}]
    assert (rows[5]["supersedes"], rows[4]["superseded_by"]) == (["3"], None)
    assert rows[6]["links"] == [{"relation": "amended by", "adr": "7"}]
    check = decide("check", cwd=root).stdout
    assert "7234" not in check and "ADR 4" not in check, check


def test_a_record_without_fields_in_a_folder_of_korean_fields_gets_its_status_field_in_korean(decide, tmp_path):
    record = "# ADR-00{n}: 결정 {n}\n\n**상태**: 승인됨\n**날짜**: 2026-01-0{n}\n\n## 맥락\n\n이유.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-x1.md": record.format(n=1), "docs/adr/0002-x2.md": record.format(n=2),
        "docs/adr/0003-queue.md": "# ADR-003: 큐\n\n## 맥락\n\n이유.\n\n## 결정\n\n큐를 쓴다.\n"})
    assert decide("adr", "status", "3", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / "docs/adr/0003-queue.md").read_text().startswith("# ADR-003: 큐\n\n**상태:** 승인됨\n\n## 맥락\n")


def test_a_link_written_as_the_folder_writes_its_links_drops_the_brackets_of_the_title_it_holds(decide, tmp_path):
    # A bracket in the link's text would end the link (`Soft delete [ACCEPTED]`): the title's words without them.
    record = "# {n}. {title}\n\nDate: 2026-01-0{n}\n\n## Status\n\nAccepted\n{links}\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-soft-delete.md": record.format(n=1, title="Soft delete [ACCEPTED]", links=""),
        "docs/adr/0002-modules.md": record.format(n=2, title="Modules", links=""),
        "docs/adr/0003-audit.md": record.format(n=3, title="Audit",
                                                links="\nAmends [ADR-0002: Modules](0002-modules.md)\n"),
        "docs/adr/0004-log.md": record.format(n=4, title="Log", links="\nAmends [ADR-0003: Audit](0003-audit.md)\n")})
    assert decide("adr", "link", "2", "amends", "1", cwd=root).exit_code == 0
    assert "\nAmends [ADR-0001: Soft delete ACCEPTED](0001-soft-delete.md)\n" in \
        (root / "docs/adr/0002-modules.md").read_text()
