"""Forms seen in companies' ADR folders: a record that shows its form in a code block, a date section in
Portuguese, a link labelled by its kind in a section of related records, fields that end in hard line breaks."""

from __future__ import annotations

import json

import pytest
from conftest import listed_adrs, repository_with

BOLD = "# ADR-000{n}: {title}\n\n**Status:** Accepted\n**Datum:** 2026-02-1{n}\n**Entscheider:** Team\n\n" \
       "## Kontext\n\nWhy {n}.\n\n## Entscheidung\n\n{decision}\n\n## Konsequenzen\n\nSo {n}.\n"
SHOWN_FORM = "Every record is written so:\n\n```markdown\n# ADR-NNNN: [Titel]\n\n**Status:** Proposed\n\n" \
             "## Kontext\n\n## Konsequenzen\n```"


def _made(decide, tmp_path, files: dict[str, str]):
    """The repository of *files* after `decide adr new "Try a thing"` on 2026-03-22."""
    root = repository_with(tmp_path / "repo", files)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    return root


def test_headings_a_record_shows_in_a_code_block_are_not_sections_of_a_new_record(decide, tmp_path):
    files = {f"docs/adr/000{n}-r{n}.md": BOLD.format(n=n, title=f"Record {n}", decision=f"Do {n}.")
             for n in (1, 2)}
    files["docs/adr/0003-r3.md"] = BOLD.format(n=3, title="Record 3", decision=SHOWN_FORM)
    root = _made(decide, tmp_path, files)
    assert (root / "docs/adr/0004-try-a-thing.md").read_text() == (
        "# ADR-0004: Try a thing\n\n**Status:** Proposed\n**Datum:** 2026-03-22\n**Entscheider:** \n\n"
        "## Kontext\n\n## Entscheidung\n\n## Konsequenzen\n")


PT = "# ADR-0{n}: {title}\n\n## Status\n{status}\n\n{date}## Contexto\n\nPor que {n}.\n"


def test_a_date_section_headed_data_holds_the_record_s_date(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-004-nomes.md": PT.format(n="04", title="Nomes", status="Aceito", date=""),
        "docs/adr/ADR-019-perfis.md": PT.format(n=19, title="Perfis", status="Proposto",
                                                date="## Data\n2026-01-10\n\n"),
        "docs/adr/ADR-024-unificar.md": PT.format(
            n=24, title="Unificar", status="Aceito",
            date="## Data\nOriginal: 2026-02-19  \nÚltima Atualização: 2026-02-20 (v2)\n\n"),
        # In English `## Data` is a section about data, which states no day.
        "docs/adr/ADR-031-orders.md": PT.format(n=31, title="Orders", status="Aceito",
                                               date="## Data\nOrders live in Postgres.\n\n"),
    })
    dates = {row["number"]: row["date"] for row in listed_adrs(decide, root)}
    assert dates == {4: None, 19: "2026-01-10", 24: "2026-02-19", 31: None}
    assert "ADR-031" not in decide("check", cwd=root).stdout
    result = decide("adr", "status", "19", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/ADR-019-perfis.md").read_text() == PT.format(
        n=19, title="Perfis", status="Aceito", date="## Data\n2026-03-22\n\n")


def test_a_link_labelled_by_its_kind_in_a_related_section_relates_the_records(decide, tmp_path):
    record = "# ADR-00{n}: R{n}\n\n## Status\n\n**Accepted**\n\n## Date\n\n2025-11-2{n}\n\n## Related\n\n{related}\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-one.md": record.format(n=1, related="- Issue: Phase 1"),
        "docs/adr/002-two.md": record.format(n=2, related="- Issue: #12\n- ADR: [ADR-001](./001-one.md)"),
    })
    shown = json.loads(decide("adr", "show", "2", "--format", "json", cwd=root).stdout)
    assert [(r["relation"], r["adr"]) for r in shown["related"]] == [("relates to", "1")]
    assert "not one decisionbook knows" not in decide("check", cwd=root).stdout


def test_a_field_added_among_fields_ending_in_hard_breaks_ends_in_one_too(decide, tmp_path):
    header = "# {title}\n\n**Date**: 2025-06-1{n} 14:30  \n**Status**: {status}  \n**Deciders**: Team  \n" \
             "**Tags**: x\n\n## Context\n\nWhy.\n"
    files = {"docs/adr/records/2025-06-10_old-way.md": header.format(title="Old way", n=0, status="Accepted"),
             "docs/adr/records/2025-06-12_new-way.md": header.format(title="New way", n=2, status="Proposed")}
    root = repository_with(tmp_path / "repo", files)
    result = decide("adr", "status", "2025-06-10_old-way", "superseded", "--by", "2025-06-12_new-way", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/records/2025-06-12_new-way.md").read_text() == files[
        "docs/adr/records/2025-06-12_new-way.md"].replace(
        "**Status**: Proposed  \n", "**Status**: Proposed  \n**Supersedes**: [Old way](2025-06-10_old-way.md)  \n")


HEADER_ROW = "| Status   | Date       | Author(s) |\n| :------- | :--------- | :-------- |\n" \
             "| {status} | {date} | @ana |\n\n## Context\n\nWhy {n}.\n\n## Decision\n\nDo {n}.\n{extra}\n" \
             "## Consequences\n\nSo {n}.\n"


def test_a_new_record_in_a_folder_whose_records_have_no_title_heading_is_written_as_theirs(decide, tmp_path):
    files = {f"docs/adr/00{n}-record-{n}.md": HEADER_ROW.format(status="Accepted", date=f"2025-01-0{n}", n=n, extra="")
             for n in (1, 2)}
    files["docs/adr/009-auth.md"] = HEADER_ROW.format(status="Proposed", date="2025-05-14", n=9,
                                                      extra="\n## Data Model\n\nTables.\n")
    root = _made(decide, tmp_path, files)
    assert (root / "docs/adr/010-try-a-thing.md").read_text() == (
        "| Status   | Date       | Author(s) |\n| :------- | :--------- | :-------- |\n| Proposed | 2026-03-22 |  |\n\n"
        "## Context\n\n## Decision\n\n## Consequences\n")
    new = next(row for row in listed_adrs(decide, root) if row["number"] == 10)
    assert (new["title"], new["status"], new["date"], new["form"]) == ("Try a thing", "proposed", "2026-03-22", "table")


@pytest.mark.parametrize(("blank", "written"), [("ADR [Número]: [Título da decisão]", "ADR 025: Try a thing"),
                                                ("ADR-[Number]: [Title]", "ADR-025: Try a thing"),
                                                ("ADR [N]: [short title]", "ADR 025: Try a thing")])
def test_a_template_s_number_written_as_a_word_in_brackets_is_a_blank(decide, tmp_path, blank, written):
    record = "# ADR-0{n}: R{n}\n\n## Status\nAceito\n\n## Contexto\n\nPor que {n}.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/template.md": f"# {blank}\n\n## Status\nAceito | Proposto | Rejeitado\n\n## Contexto\nO quê.\n",
        "docs/adr/ADR-004-a.md": record.format(n="04"), "docs/adr/ADR-024-b.md": record.format(n=24),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/ADR-025-try-a-thing.md").read_text().splitlines()[0] == f"# {written}"


def test_an_index_row_linking_a_record_by_its_number_alone_keeps_that_form_and_its_dot_slash(decide, tmp_path):
    record = "# ADR-00{n}: R{n}\n\n## Status\n\n**{status}**\n\n## Date\n\n2025-11-2{n}\n"
    readme = "# ADRs\n\n| ID | Date | Title | Status |\n|----|------|-------|--------|\n" \
             "| [001](./001-one.md) | 2025-11-21 | R1 | Accepted |\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/README.md": readme, "docs/adr/001-one.md": record.format(n=1, status="Accepted"),
        "docs/adr/002-two.md": record.format(n=2, status="Proposed"),
    })
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 0, result.output
    new_row = "| [002](./002-two.md) | 2025-11-22 | R2 | Proposed |\n"
    assert (root / "docs/adr/README.md").read_text() == readme + new_row


def test_a_status_stated_again_in_a_status_section_below_the_fields_changes_with_them(decide, tmp_path):
    text = "# ADR-011: Unify migrations\n\n- **Date**: 2025-06-20\n- **Status**: Proposed\n- **Authors**: Team\n\n" \
           "## 1. Background\n\nTwo tools.\n\n## 2. Status\n\n**Proposed**\n\n## 4. Proposed Decision\n\nOne tool.\n"
    root = repository_with(tmp_path / "repo", {"docs/adr/011-unify.md": text})
    result = decide("adr", "status", "11", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/011-unify.md").read_text() == text.replace("2025-06-20", "2026-03-22").replace(
        "Proposed\n", "Accepted\n").replace("**Proposed**", "**Accepted**")


def test_a_record_named_by_its_day_joined_to_its_slug_by_an_underscore_is_found_by_its_slug(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/records/2025-06-09_logging-strategy.md": "# Logging\n\n**Status**: Accepted\n",
        "docs/adr/records/2025-06-10_14_30_function-service.md": "# Functions\n\n**Status**: Proposed  \n",
        "docs/adr/20160720_backup.md": "# Backup\n\n**Status**: Accepted\n",
    })
    for slug, title in (("logging-strategy", "Logging"), ("function-service", "Functions"), ("backup", "Backup")):
        shown = decide("adr", "show", slug, "--format", "json", cwd=root)
        assert shown.exit_code == 0, shown.output
        assert json.loads(shown.stdout)["title"] == title


DESIGN = "# Pass properties to the build in `run`\n\n{byline}\n\nThe run command takes properties as build does.\n\n" \
         "## Goals\n\nOne meaning for the flag.\n"


def test_a_status_after_the_author_s_name_on_one_line_is_read_and_changed_in_place(decide, tmp_path):
    text = DESIGN.format(byline="Ada Fenn | Status: Draft")
    root = repository_with(tmp_path / "repo", {"accepted/2021/run-properties.md": text,
                                               "decisionbook.toml": '[adr]\ndir = "accepted"\n'})
    (listed,) = listed_adrs(decide, root)
    assert listed["status"] == "draft"
    assert "Status: Draft" not in decide("check", cwd=root).stdout
    result = decide("adr", "status", "run-properties", "accepted", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "accepted/2021/run-properties.md").read_text() == text.replace("Draft", "Accepted")


def test_a_decided_record_named_as_a_template_is_named_by_check_and_a_template_is_not(decide, tmp_path):
    decided = BOLD.format(n=1, title="Vorlage und Regeln", decision="So schreiben wir.")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-adr-template.md": decided,
        "docs/adr/0002-r2.md": BOLD.format(n=2, title="Record 2", decision="Do 2."),
        "docs/adr/0003-template.md": "# ADR-NNNN: [Titel]\n\n**Status:** [Proposed | Accepted]\n**Datum:** TT.MM.JJ\n",
    })
    assert [r["key"] for r in listed_adrs(decide, root)] == ["2"]
    checked = decide("check", cwd=root).stdout
    assert ("docs/adr/0001-adr-template.md:1: warning: named as a template, but written as a decided record (status "
            "accepted, 2026-02-11): it is not listed; if it is a record, name it without `template`") in checked
    assert "0003-template.md" not in checked


OPTIONS = ("# ADR-00{n}: {title}\n\n**Status:** Accepted\n**Date:** 2026-02-2{n}\n\n---\n\n"
           "## 1. Context and Problem\n\nWhy {n}.\n\n## 2. Options Considered\n\n### Option A: {a} (CHOSEN)\n\nA.\n\n### Option B: {b}\n\nB.\n\n"
           "## 3. Decision: Option A\n\nSo {n}.\n")


@pytest.mark.parametrize("newest_lists_options", [True, False])
def test_a_new_record_takes_the_folder_s_headings_not_the_words_one_record_gives_them(decide, tmp_path,
                                                                                     newest_lists_options):
    # Each record names its options in its heading (`### Option A: A flag, on by default (CHOSEN)`): a new
    # record copied from one, or given the sections most of them have, was given those words.
    files = {f"docs/adr/000{n}-r{n}.md": OPTIONS.format(n=n, title=f"Record {n}", a=a, b=b) for n, a, b in (
        (1, "Keep the nightly job", "A queue"), (2, "A flag, on by default", "A callback"),
        (3, "Rename, then remove", "Reflection"))}
    if not newest_lists_options:  # the newest record, the one copied, has none: the folder's are added
        files["docs/adr/0003-r3.md"] = files["docs/adr/0003-r3.md"].split("## 2.")[0] + "## 3. Decision: Option A\n"
    root = _made(decide, tmp_path, files)
    text = (root / "docs/adr/0004-try-a-thing.md").read_text()
    assert "### Option A\n" in text and "### Option B\n" in text, text
    assert not any(words in text for words in ("nightly", "flag", "Rename", "queue", "callback", "Reflection")), text


def test_a_title_numbered_by_its_day_and_a_sequence_is_titled_by_its_words(decide, tmp_path):
    # `ADR-20250713-001:` named the record by its day and a count within it: the title kept `001: `.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/infrastructure/20250713-editor-ignore.md": "# ADR-20250713-001: Gizli dosyalar indekslenmez\n\n"
                                                             "**Date:** 13 Temmuz 2025  \n**Status:** Accepted\n"})
    assert [(r["title"], r["date"]) for r in listed_adrs(decide, root)] == [
        ("Gizli dosyalar indekslenmez", "2025-07-13")]


@pytest.mark.parametrize(("old", "folder", "new"), [
    # In italics after a bold label, and in bold behind the folder's mark for the status.
    ("* **Status**: _Vorgeschlagen_", "* **Status**: _Akzeptiert_", "* **Status**: _Akzeptiert_"),
    ("**Durum:** 🔄 **Proposed**  ", "**Durum:** ✅ **Accepted**  ", "**Durum:** ✅ **Accepted**  "),
])
def test_a_status_set_in_emphasis_after_its_label_keeps_both_marks_through_a_change(decide, tmp_path, old, folder,
                                                                                     new):
    # The emphasis lost its closing mark (`_Akzeptiert`) or its opening one (`✅ Accepted**`).
    record = ("# ADR-00{n}: R{n}\n\n{status}\n\n## Kontext\n\nWarum.\n\n## Entscheidung\n\nSo.\n\n"
              "## Konsequenzen\n\nGut.\n")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-r1.md": record.format(n=1, status=folder),
        "docs/adr/0002-r2.md": record.format(n=2, status=folder),
        "docs/adr/0003-r3.md": record.format(n=3, status=old)})
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "accepted", "proposed"]
    result = decide("adr", "status", "3", "accepted", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0003-r3.md").read_text() == record.format(n=3, status=new)
