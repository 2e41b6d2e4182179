"""A status change writes what a team's folder writes: its date form, the symbol before its status words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import listed_adrs, repository_with

from toolkit.records.adr_words import written_as

RECORD = "# {n}. {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nWhy {n}.\n"


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "repo", files)


@pytest.mark.parametrize(("example", "written"), [
    ("17/08/2020", "22/03/2026"), ("08/17/2020", "03/22/2026"), ("17/11/2020", "22/03/2026"),
    ("2020.8.17", "2026.3.22"), ("20200817", "20260322"), ("14 March 2024", "22 March 2026"),
    ("Nov 14, 2023", "Mar 22, 2026"), ("03-Nov-2023", "22-Mar-2026"), ("2020-08-17", "2026-03-22"),
    ("28. Juli 2026", "2026-03-22"),  # a month named in another language: written as YYYY-MM-DD
    ("March 5th, 2021", "March 22nd, 2026"), ("May 4, 2021", "March 22, 2026"),
])
def test_a_day_is_written_in_the_form_of_the_date_it_replaces(example, written):
    assert written_as(example, "2026-03-22") == written


def test_accepting_writes_the_folder_s_date_form_and_the_symbol_before_its_word(decide, tmp_path):
    files = {f"adr/{n:03d}-r{n}.md": RECORD.format(n=n, title=f"Record {n}", date=f"1{n}/08/2020",
                                                   status="✅ Accepted") for n in range(1, 4)}
    files["adr/004-r4.md"] = RECORD.format(n=4, title="Record 4", date="17/08/2020", status="🤔 Proposed")
    root = _repo(tmp_path, files)
    result = decide("adr", "status", "4", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "adr/004-r4.md").read_text() == files["adr/004-r4.md"].replace("17/08/2020", "22/03/2026").replace(
        "🤔 Proposed", "✅ Accepted")


def _related_and_check(decide, tmp_path, section: str) -> tuple[list, str]:
    """ADR 2's relations and `check`'s output, where ADR 2 has *section* above its Context and ADR 1 nothing."""
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="Tests", date="2018-08-30", status="Accepted."),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="React tests", date="2020-11-28", status="Accepted.").replace(
            "## Context", section + "\n\n## Context"),
    })
    shown = json.loads(decide("adr", "show", "2", "--format", "json", cwd=root).stdout)
    return [(r["relation"], r["adr"]) for r in shown["related"]], decide("check", cwd=root).stdout


@pytest.mark.parametrize("heading", ["Related ADR(s)", "Verweise", "Relaterte dokumenter", "📎 Tài liệu liên quan",
                                     "Decisioni correlate"])
def test_a_section_of_related_adrs_relates_them(decide, tmp_path, heading):
    related, checked = _related_and_check(decide, tmp_path, f"## {heading}\n- [0001-a](0001-a.md)")
    assert related == [("relates to", "1")] and "not one decisionbook knows" not in checked


@pytest.mark.parametrize(("dated", "status"), [
    ("**Date:** {day}\n", "**Date:** 2026-11-30\n**Status:** Proposed\n"),
    ("**Date: {day}**\n", "**Date: 2026-11-30**\n**Status: Proposed**\n"),
    ("| Date | {day} |\n", "| Date | 2026-11-30 |\n| Status | Proposed |\n"),
    ("## Date\n\n{day}\n", "## Date\n\n2026-11-30\n\n## Status\n\nProposed\n"),
])
def test_a_new_record_in_a_folder_that_says_no_status_is_written_as_its_latest_record(decide, tmp_path, dated, status):
    record = "# {n}. {title}\n\n" + dated + "\n## Context\n\nWhy {n}.\n\n## Decision\n\nWhat {n}.\n"
    root = _repo(tmp_path, {"docs/adr/0001-a.md": record.format(n=1, title="Layout", day="2019-02-01"),
                            "docs/adr/0002-b.md": record.format(n=2, title="Logs", day="2019-03-01")})
    made = decide("adr", "new", "Use a cache", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.exit_code == 0, made.output
    text = (root / "docs/adr/0003-use-a-cache.md").read_text()
    assert text == f"# 3. Use a cache\n\n{status}\n## Context\n\n## Decision\n"
    listed = {r["key"]: r for r in listed_adrs(decide, root)}
    assert (listed["3"]["status"], listed["3"]["date"]) == ("proposed", "2026-11-30")


def test_a_sentence_that_ends_in_a_link_is_no_relation(decide, tmp_path):
    related, checked = _related_and_check(decide, tmp_path,
                                          "## Naming\n\nNaming conventions are defined in [ADR-1](0001-a.md)")
    assert related == [] and checked.strip() == "0 error(s), 0 warning(s)"


@pytest.mark.parametrize(("written", "status"), [("Partially Implemented", "accepted"), ("TBC", "proposed")])
def test_more_status_words_teams_write(decide, tmp_path, written, status):
    root = _repo(tmp_path, {"adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status=written)})
    (listed,) = listed_adrs(decide, root)
    assert listed["status"] == status


def test_a_record_kept_as_a_folder_s_page_holds_its_number(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted"),
        "docs/adr/012-release/index.md": "---\ntitle: Release process\n---\n\nHow we release.\n",
    })
    (root / "docs/adr/2019").mkdir()
    (root / "docs/adr/2019/README.md").write_text("Decisions of 2019.\n")  # a category, numbered by nothing
    made = decide("adr", "new", "Use a cache", "--no-edit", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "docs/adr/013-use-a-cache.md", made.output


@pytest.mark.parametrize("folder", ["Decision-Log", "docs/05_decisions", "docs/arc42/09_architecture_decisions"])
def test_folders_named_as_a_decision_log_or_a_numbered_chapter_are_found(decide, tmp_path, folder):
    root = _repo(tmp_path, {f"{folder}/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted")})
    (listed,) = listed_adrs(decide, root)
    assert listed["path"] == f"{folder}/0001-a.md"


def test_front_matter_written_without_a_space_after_the_colon_is_named_so(decide, tmp_path):
    root = _repo(tmp_path, {"doc/adr/0001-a.md": "---\ntag:Web Client\n---\n\n" + RECORD.format(
        n=1, title="A", date="2018-08-30", status="Accepted.")})
    assert ("doc/adr/0001-a.md:2: warning: front matter is a str, not a mapping of keys; its values are ignored; "
            "a key needs a space after its colon: tag: Web Client") in decide("check", cwd=root).stdout


@pytest.mark.parametrize(("status", "to"), [("Draft", "accepted"), ("Proposed", "superseded"), ("mergé", "deprecated")])
def test_a_draft_may_be_decided_a_proposal_superseded_and_an_unknown_word_changed(decide, tmp_path, status, to):
    written = (RECORD.format(n=1, title="A", date="2021-01-06", status=status)
               + "\n## Decision\n\nA.\n\n## Consequences\n\nB.\n")
    root = _repo(tmp_path, {"adr/0001-a.md": written,
                            "adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07", status="Accepted")})
    more = ("--by", "2") if to == "superseded" else ()
    result = decide("adr", "status", "1", to, *more, "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    (listed,) = [r for r in listed_adrs(decide, root) if r["key"] == "1"]
    assert listed["status"] == to


def test_the_index_links_names_with_hashes_and_titles_in_brackets(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-sdk-as-a-c#-library.md": RECORD.format(n=1, title="SDK as a C# library", date="2021-01-06",
                                                              status="Accepted"),
        "docs/adr/0002-dates.md": RECORD.format(n=2, title="[Gestion des Dates]", date="2021-01-07", status="Accepted"),
        "docs/adr/0003-x.md": RECORD.format(n=3, title="Use [x] and [y]", date="2021-01-08", status="Accepted"),
    })
    assert [r["title"] for r in listed_adrs(decide, root)] == [
        "SDK as a C# library", "Gestion des Dates", "Use [x] and [y]"]
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/adr/README.md").read_text()
    assert "[SDK as a C# library](0001-sdk-as-a-c%23-library.md)" in text
    assert "[Gestion des Dates](0002-dates.md)" in text and "[Use \\[x\\] and \\[y\\]](0003-x.md)" in text


def test_a_number_not_yet_given_in_a_title_is_no_part_of_it(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0010-templates.md": "# n. Django Templates\n\nDate: 2023-01-02\n\n## Status\n\n"
                                                           "Accepted\n"})
    (listed,) = listed_adrs(decide, root)
    assert (listed["number"], listed["title"]) == (10, "Django Templates")


def test_a_day_that_could_be_read_in_either_order_is_written_as_yyyy_mm_dd():
    assert written_as("17/08/2020", "2026-01-09") == "2026-01-09"
    assert written_as("17/08/2020", "2026-01-22") == "22/01/2026"


def test_a_team_s_own_relation_in_a_few_words_is_read_and_written(decide, tmp_path):
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted"),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07",
                                           status="Accepted\n\nDepends on [1. A](0001-a.md)"),
        "doc/adr/0003-c.md": RECORD.format(n=3, title="C", date="2021-01-08", status="Accepted"),
    })
    shown = json.loads(decide("adr", "show", "2", "--format", "json", cwd=root).stdout)
    assert [(r["relation"], r["adr"]) for r in shown["related"]] == [("depends on", "1")]
    linked = decide("adr", "link", "3", "clarifies", "1", "--reverse", "clarified-by", cwd=root)
    assert linked.exit_code == 0, linked.output
    assert "Clarifies [1. A](0001-a.md)" in (root / "doc/adr/0003-c.md").read_text()


@pytest.mark.parametrize("replaced", ["ersetzt durch", "ersetzt von"])
def test_replaced_by_in_a_note_names_no_record_this_one_supersedes(decide, tmp_path, replaced):
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06",
                                           status=f"Veraltet ({replaced} ADR-0002)"),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07",
                                           status="Akzeptiert\n\nErsetzt [1. A](0001-a.md)"),
    })
    assert "supersede cycle" not in decide("check", cwd=root).stdout
    listed = {r["key"]: r for r in listed_adrs(decide, root)}
    assert (listed["1"]["supersedes"], listed["2"]["supersedes"]) == ([], ["1"])


def test_a_status_change_leaves_no_address_of_a_link_behind(decide, tmp_path):
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Superseded by [2. B](0002-b.md)"),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07", status="Accepted"),
    })
    assert decide("adr", "status", "1", "deprecated", "--force", cwd=root).exit_code == 0
    assert "## Status\n\nDeprecated\n" in (root / "doc/adr/0001-a.md").read_text()


def test_a_record_numbered_0_whose_name_has_the_word_for_model_is_a_record(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0000-usar-o-modelo-c4.md": RECORD.format(n=0, title="Usar o modelo C4",
                                                                               date="2021-01-06", status="Aceito")})
    (listed,) = listed_adrs(decide, root)
    assert listed["title"] == "Usar o modelo C4"


def test_superseding_a_record_whose_status_section_names_its_successor_already_names_it_once(decide, tmp_path):
    section = "Accepted\n\nSupersedes [1. A](0001-a.md)\n\nSuperseded by [3. C](0003-c.md)"
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Superseded by [2. B](0002-b.md)"),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07", status=section),
        "doc/adr/0003-c.md": RECORD.format(n=3, title="C", date="2021-01-08",
                                           status="Accepted\n\nSupersedes [2. B](0002-b.md)"),
    })
    assert decide("adr", "status", "2", "superseded", "--by", "3", cwd=root).exit_code == 0
    text = (root / "doc/adr/0002-b.md").read_text()
    assert text == RECORD.format(n=2, title="B", date="2021-01-07", status=section.replace("Accepted", "Superseded", 1))
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_placeholder_where_the_deciders_belong_is_no_one(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/20240101-use-a-cdn.md": "# Use a CDN\n\n- Status: proposed\n"
                            "- Deciders: [list everyone involved in the decision]\n- Date: 2024-01-01\n"})
    (listed,) = listed_adrs(decide, root)
    assert listed["decision_makers"] == []
    assert "is the template's placeholder; name the people" in decide("check", cwd=root).stdout


def test_a_merge_conflict_left_in_a_record_fails_check(decide, tmp_path):
    text = RECORD.format(n=6, title="F", date="2021-01-06", status="Accepted").replace(
        "## Context", "<<<<<<< HEAD\nRelates to [1. A](0001-a.md)\n=======\nRelates to [2. B](0002-b.md)\n"
        ">>>>>>> proto/x\n\n## Context")
    root = _repo(tmp_path, {"doc/adr/0006-f.md": text})
    checked = decide("check", cwd=root)
    assert checked.exit_code == 1 and "doc/adr/0006-f.md:9: error: an unresolved merge conflict" in checked.stdout


def test_a_data_change_from_a_team_template_without_the_section_gets_a_migration_plan(decide, tmp_path):
    template = ("---\nstatus: proposed\ndate: 2020-01-01\ndecision-makers: []\n---\n# Title\n\n"
                "## Context and Problem Statement\n\nDescribe it.\n")
    root = _repo(tmp_path, {"docs/decisions/adr-template.md": template})
    made = decide("adr", "new", "Split the orders table", "--data-change", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text()
    assert "data-change: true" in text
    assert text.endswith("4. Rollback: how to go back at each phase without losing data.\n")
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "needs a 'Migration plan' section" not in checked.stdout
    # A template that has the section already, numbered, keeps the one it has.
    (root / "docs/decisions/adr-template.md").write_text(template + "\n## 2. Migration plan\n\nPhases.\n")
    again = decide("adr", "new", "Split the users table", "--data-change", "--no-edit", cwd=root)
    assert (root / again.stdout.strip()).read_text().lower().count("migration plan") == 1


def test_a_copied_record_keeps_the_sections_the_folder_shares_and_not_its_own(decide, tmp_path):
    bold = "# ADR-00{n:02d}: {title}\n\n**Status:** Accepted\n**Date:** 2024-0{m}-01\n{extra}\n{sections}"
    usual = "## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n"
    files = {f"docs/adr/ADR-00{n:02d}-r{n}.md": bold.format(n=n, m=n, title=f"R{n}", extra="", sections=usual)
             for n in range(1, 5)}
    files["docs/adr/ADR-0005-r5.md"] = bold.format(n=5, m=5, title="R5", extra="**RFC:** [RFC-20](https://x)\n",
                                                  sections="## Context\n\nWhy.\n\n## Authentication\n\nTokens.\n")
    root = _repo(tmp_path, files)
    made = decide("adr", "new", "Use a cache", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == (
        "# ADR-0006: Use a cache\n\n**Status:** Proposed\n**Date:** 2026-11-30\n\n## Context\n\n## Decision\n\n"
        "## Consequences\n")


def test_sections_the_copied_record_lacks_are_written_where_the_folder_s_records_write_them(decide, tmp_path):
    # The newest record copied lacked `## Opciones consideradas` and `## Decisión`: they were added after its last
    # section, `## Enlaces`, not between the sections the folder writes them between.
    record = "# ADR-00{n:02d} — R{n}\n\n- **Estado:** aceptado\n- **Fecha:** 2024-0{n}-01\n\n{sections}"
    sections = ("Contexto y problema", "Opciones consideradas", "Decisión", "Consecuencias", "Enlaces")
    files = {f"docs/adr/00{n:02d}-r{n}.md": record.format(n=n, sections="".join(f"## {s}\n\nTexto.\n\n"
                                                                                 for s in sections))
             for n in range(1, 5)}
    files["docs/adr/0005-r5.md"] = record.format(n=5, sections="## Contexto y problema\n\nTexto.\n\n## Consecuencias"
                                                                "\n\nTexto.\n\n## Enlaces\n\nTexto.\n")
    root = _repo(tmp_path, files)
    made = decide("adr", "new", "Usar una caché", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == (
        "# ADR-0006 — Usar una caché\n\n- **Estado:** propuesto\n- **Fecha:** 2026-11-30\n\n"
        + "\n\n".join(f"## {s}" for s in sections) + "\n")


def test_words_and_a_link_to_a_page_on_the_web_are_no_relation(decide, tmp_path):
    root = _repo(tmp_path, {"doc/adr/0001-a.md": RECORD.format(
        n=1, title="A", date="2021-01-06", status="Accepted in [PR 12](https://github.com/org/repo/pull/12)").replace(
        "## Context", "## Links\n\n* Discussed in [issue 7](https://github.com/org/repo/issues/7)\n\n## Context")})
    (listed,) = listed_adrs(decide, root)
    assert (listed["status"], listed["links"]) == ("accepted", [])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_sections_written_at_level_1_are_copied_and_named_people_in_brackets_are_people(decide, tmp_path):
    record = "# ADR-00{n:02d}: R{n}\n\n**Status:** Accepted\n**Date:** 2024-0{n}-01\n\n"
    files = {f"docs/adr/ADR-00{n:02d}-r{n}.md": record.format(n=n) + "# Context\n\nWhy.\n\n# Decision\n\nWhat.\n"
             for n in range(1, 5)}
    root = _repo(tmp_path, files)
    made = decide("adr", "new", "Use a cache", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert (root / made.stdout.strip()).read_text().endswith("# Context\n\n# Decision\n")
    people = _repo(tmp_path / "people", {"docs/adr/20240101-x.md": "# X\n\n- Status: accepted\n"
                                                                     "- Deciders: [Ana Lima, Ben Ode]\n"})
    (listed,) = json.loads(decide("adr", "list", "--format", "json", cwd=people).stdout)
    assert listed["decision_makers"] == ["Ana Lima", "Ben Ode"]


def test_conflict_marks_shown_in_a_code_block_are_no_conflict(decide, tmp_path):
    shown = "```\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> feature/x\n```\n"
    root = _repo(tmp_path, {"doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted")
                            + "\n" + shown})
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and checked.stdout == "0 error(s), 0 warning(s)\n", checked.stdout


@pytest.mark.parametrize("name", ["0000-plantilla-de-adr.md", "0000-modèle.md", "0000-szablon.md"])
def test_a_template_named_in_another_language_is_the_folder_s_template(decide, tmp_path, name):
    template = "# NNNN. Título\n\nDate: YYYY-MM-DD\n\n## Status\n\nProposed\n\n## Contexto\n\nQué.\n"
    root = _repo(tmp_path, {f"doc/adr/{name}": template,
                            "doc/adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted")})
    assert [r["key"] for r in listed_adrs(decide, root)] == ["1"]
    made = decide("adr", "new", "Usar caché", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert "## Contexto" in (root / made.stdout.strip()).read_text()


def test_a_relation_line_in_the_record_s_language_is_read_and_not_written_twice(decide, tmp_path):
    record = "# {n}. {t}\n\nDatum: 2021-01-0{n}\n\n## Status\n\nAkzeptiert\n\n{rel}\n\n## Kontext\n\nWarum.\n"
    root = _repo(tmp_path, {"doc/adr/0001-a.md": record.format(n=1, t="A", rel="Ersetzt durch [3. C](0003-c.md)"),
                            "doc/adr/0003-c.md": record.format(n=3, t="C", rel="Ersetzt [1. A](0001-a.md)")})
    assert "not one decisionbook knows" not in decide("check", cwd=root).stdout
    assert decide("adr", "status", "1", "superseded", "--by", "3", cwd=root).exit_code == 0
    text = (root / "doc/adr/0001-a.md").read_text()
    assert "## Status\n\nErsetzt\n\nErsetzt durch [3. C](0003-c.md)\n" in text and text.count("0003-c.md") == 1
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_status_since_a_release_is_kept_and_the_mapping_named_covers_every_release(decide, tmp_path):
    keep = "# Context values\n\n* **Type**: Design proposal\n* **Status**: Experimental since 3.1\n\n## Abstract\n"
    root = _repo(tmp_path, {"proposals/KEEP-0400-context-values.md": keep})
    (listed,) = listed_adrs(decide, root)
    assert listed["status"] == "Experimental since 3.1"
    assert ('proposals/KEEP-0400-context-values.md:4: warning: unknown status \'Experimental since 3.1\'; decisionbook '
            'knows draft, proposed, accepted, rejected, deprecated, superseded; map it to the one it means in '
            'decisionbook.toml under [adr.statuses]: "experimental" = "..."') in decide("check", cwd=root).stdout
    (root / "decisionbook.toml").write_text('[adr]\ndir = "proposals"\n\n[adr.statuses]\n"experimental" = "proposed"\n')
    (listed,) = listed_adrs(decide, root)
    assert listed["status"] == "proposed"


STAGES = ("# ADR {n}: {title}\n\n## Status\n\n{above}| Stage    | Status |\n| -------- | ------ |\n"
          "| Approved | {approved} |\n| Adopted  | {adopted} |\n\n## Context\n\nWhy {n}.\n")


def test_a_table_of_stages_ticked_as_reached_says_the_status_and_is_not_edited(decide, tmp_path):
    """Primer's records tick each stage reached in a table under their Status heading: the last one ticked is the
    status, in its words; none ticked yet is proposed. decisionbook does not tick stages: a change is refused at
    the table, the file untouched. A table of fields (`| Status | Proposed ⚠️ |`) is read as before."""
    records = {
        "adr-001-typescript.md": dict(title="TypeScript", approved="✅", adopted="✅", above=""),
        "adr-010-drafts.md": dict(title="Drafts", approved="✅", adopted="🚧 _TODO: add tracking issue_", above=""),
        "adr-017-tests.md": dict(title="Tests", approved="🚧", adopted="<!-- 🚧 -->", above=""),
        "adr-006-track.md": dict(title="Track", approved="✅", adopted="✅",
                                 above="Superseded by [ADR 010](./adr-010-drafts.md)\n\n"),
    }
    files = {f"docs/adr/{name}": STAGES.format(n=int(name[4:7]), **fields) for name, fields in records.items()}
    files["docs/adr/adr-025-merging.md"] = ("# Merging\n\n## Status\n\n| Stage          | State       |\n"
                                            "| -------------- | ----------- |\n| Status         | Proposed ⚠️ |\n"
                                            "| Implementation | Pending ⚠️  |\n\n## Context\n\nWhy.\n")
    root = _repo(tmp_path, files)
    assert [(r["number"], r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [
        (1, "accepted", "Adopted"), (6, "superseded", "Superseded by [ADR 010](./adr-010-drafts.md)"),
        (10, "accepted", "Approved"), (17, "proposed", "Proposed"), (25, "proposed", "Proposed ⚠️")]
    check = decide("check", cwd=root)
    assert "no status" not in check.output
    before = (root / "docs/adr/adr-001-typescript.md").read_bytes()
    refused = decide("adr", "status", "1", "deprecated", cwd=root)
    assert refused.exit_code == 2
    assert refused.stderr == ("docs/adr/adr-001-typescript.md:8: error: cannot edit: the record states its status by "
                              "its table of stages ('| Adopted  | ✅ |'), a form decisionbook does not write; edit the "
                              "file by hand\n")
    assert (root / "docs/adr/adr-001-typescript.md").read_bytes() == before
    assert decide("adr", "status", "25", "rejected", cwd=root).exit_code == 0
    assert "| Status         | Rejected    |\n" in (root / "docs/adr/adr-025-merging.md").read_text()


def test_a_status_told_again_in_brackets_before_the_title_is_no_part_of_it(decide, tmp_path):
    """A team marks a record it supersedes in its heading too (`# [Superseded by [ADR-0019](...)] Push metrics`):
    the title is the words after it. Brackets holding anything but a status stay in the title."""
    record = "# {heading}\n\n- Status: {status}\n- Date: 2020-11-19\n\n## Context and Problem Statement\n\nWhy.\n"
    root = _repo(tmp_path, {
        "docs/adr/0003-push-metrics.md": record.format(
            heading="[Superseded by [ADR-0019](0019-push-metrics-via-thanos.md)] Push Metrics via InfluxDB",
            status="superseded by [ADR-0019](0019-push-metrics-via-thanos.md)"),
        "docs/adr/0004-drop-dex.md": record.format(heading="[DEPRECATED] Drop Dex", status="deprecated"),
        "docs/adr/0005-backend.md": record.format(heading="[Backend] Use Go for the API", status="accepted"),
        "docs/adr/0019-push-metrics-via-thanos.md": record.format(heading="Push Metrics via Thanos",
                                                                  status="accepted"),
    })
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [
        (3, "Push Metrics via InfluxDB"), (4, "Drop Dex"), (5, "[Backend] Use Go for the API"),
        (19, "Push Metrics via Thanos")]


def test_a_day_that_does_not_exist_is_named_so_not_as_a_form_unread(decide, tmp_path):
    root = _repo(tmp_path, {"doc/adr/0002-use-scala.md": RECORD.format(n=2, title="Use Scala", date="31/06/2016",
                                                                       status="Accepted")})
    row = listed_adrs(decide, root)[0]
    assert (row["date"], row["date_raw"]) == (None, "31/06/2016")
    assert ("doc/adr/0002-use-scala.md:3: warning: date '31/06/2016' names a day that does not exist; write the day "
            "it means") in decide("check", cwd=root).stdout.splitlines()


def test_a_status_left_as_the_template_s_blank_is_no_status_and_is_written_in_its_place(decide, tmp_path):
    # `[change when approved]` was listed as the status itself, a status decisionbook did not know.
    root = _repo(tmp_path, {
        "docs/architecture/decisions/0031-adopt-htmx.md": RECORD.format(n=31, title="Adopt htmx", date="2024-05-02",
                                                                        status="[change when approved]"),
        "docs/architecture/decisions/0032-on-hold.md": RECORD.format(n=32, title="Pause", date="2024-05-03",
                                                                     status="[On hold]")})
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [(31, None), (32, "[On hold]")]
    assert ("docs/architecture/decisions/0031-adopt-htmx.md:7: warning: status '[change when approved]' is the "
            "template's placeholder; write the status") in decide("check", cwd=root).stdout.splitlines()
    assert decide("adr", "status", "31", "accepted", "--force", "--date", "2024-06-01", cwd=root).exit_code == 0
    assert "## Status\n\nAccepted\n" in (root / "docs/architecture/decisions/0031-adopt-htmx.md").read_text()


def test_a_status_stated_again_below_that_says_another_is_warned_about(decide, tmp_path):
    # Front matter says `active` (accepted), the Status section below says Proposed: nothing was said.
    root = _repo(tmp_path, {
        "docs/adr/ADR-015-context-flow.md": "---\nstatus: active\nowner: architecture\n---\n\n# ADR-015: Context flow"
                                            "\n\n## Status\nProposed\n\n## Context\nWhy.\n",
        "docs/adr/ADR-016-agreed.md": "---\nstatus: accepted\n---\n\n# ADR-016: Agreed\n\n## Status\nAccepted\n",
    })
    assert decide("check", cwd=root).stdout.splitlines() == [
        "docs/adr/ADR-015-context-flow.md:9: warning: states its status again as 'Proposed', where line 2 says "
        "'active': make them agree", "0 error(s), 1 warning(s)"]


def test_a_record_titled_at_level_two_over_a_table_without_closing_bars_is_dated(decide, tmp_path):
    # pyr/fetch: `## Title`, then `| Author | Date` over `| pyr | 2021-01-08`, as GitHub renders them.
    fetch = "## {title}\n\n| Author | Date\n|--------|----\n| pyr | 2021-01-0{n}\n\nThe API revolves around futures.\n"
    root = _repo(tmp_path, {
        "docs/adrs/adr000.md": fetch.format(title="Building fetch in Clojure", n=8),
        "docs/adrs/adr001.md": fetch.format(title="Synchronous threading model", n=9).replace(
            "| Author | Date\n|--------|----\n| pyr | 2021-01-09\n",
            "| Author | Date |\n|---|---|\n| pyr | 2021-01-09 |\n"),
        "docs/adrs/adr002.md": "# Use Redis\n\n| Status | Proposed\n| --- | ---\n| Date | 2021-01-10\n\n## Context\n",
    })
    assert [(r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        ("Building fetch in Clojure", None, "2021-01-08"), ("Synchronous threading model", None, "2021-01-09"),
        ("Use Redis", "proposed", "2021-01-10")]
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-12-03", cwd=root).exit_code == 0
    assert (root / "docs/adrs/adr002.md").read_text().startswith(
        "# Use Redis\n\n| Status | Accepted\n| --- | ---\n| Date | 2026-12-03\n")
