"""Forms of ADR folders teams already keep: days in backticks, status words and sections in two languages,
chapter folders beside dated records, and new records from team templates (ADRs 0148, 0149)."""

from __future__ import annotations

from conftest import listed_adrs, repository_with

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
