"""A status change writes what a team's folder writes: its date form, the symbol before its status words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import repository_with

from toolkit.records.adr_words import written_as

RECORD = "# {n}. {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n## Context\n\nWhy {n}.\n"


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "repo", files)


@pytest.mark.parametrize(("example", "written"), [
    ("17/08/2020", "05/03/2026"), ("08/17/2020", "03/05/2026"), ("17/11/2020", "05/03/2026"),
    ("2020.8.17", "2026.3.5"), ("20200817", "20260305"), ("14 March 2024", "5 March 2026"),
    ("Nov 14, 2023", "Mar 5, 2026"), ("03-Nov-2023", "05-Mar-2026"), ("2020-08-17", "2026-03-05"),
    ("28. Juli 2026", "2026-03-05"),  # a month named in another language: written as YYYY-MM-DD
])
def test_a_day_is_written_in_the_form_of_the_date_it_replaces(example, written):
    assert written_as(example, "2026-03-05") == written


def test_accepting_writes_the_folder_s_date_form_and_the_symbol_before_its_word(decide, tmp_path):
    files = {f"adr/{n:03d}-r{n}.md": RECORD.format(n=n, title=f"Record {n}", date=f"1{n}/08/2020",
                                                   status="✅ Accepted") for n in range(1, 4)}
    files["adr/004-r4.md"] = RECORD.format(n=4, title="Record 4", date="17/08/2020", status="🤔 Proposed")
    root = _repo(tmp_path, files)
    result = decide("adr", "status", "4", "accepted", "--force", "--date", "2026-03-05", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "adr/004-r4.md").read_text() == files["adr/004-r4.md"].replace("17/08/2020", "05/03/2026").replace(
        "🤔 Proposed", "✅ Accepted")


def test_a_section_of_related_adrs_relates_them(decide, tmp_path):
    root = _repo(tmp_path, {
        "doc/adr/0001-a.md": RECORD.format(n=1, title="Tests", date="2018-08-30", status="Accepted."),
        "doc/adr/0002-b.md": RECORD.format(n=2, title="React tests", date="2020-11-28", status="Accepted.").replace(
            "## Context", "## Related ADR(s)\n- [0001-a](0001-a.md)\n\n## Context"),
    })
    shown = json.loads(decide("adr", "show", "2", "--format", "json", cwd=root).stdout)
    assert [(r["relation"], r["adr"]) for r in shown["related"]] == [("relates to", "1")]
    assert "not one decisionbook knows" not in decide("check", cwd=root).stdout


@pytest.mark.parametrize(("dated", "status"), [
    ("**Date:** {day}\n", "**Date:** 2026-11-30\n**Status:** Proposed\n"),
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
    listed = {r["key"]: r for r in json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)}
    assert (listed["3"]["status"], listed["3"]["date"]) == ("proposed", "2026-11-30")


def test_a_sentence_that_ends_in_a_link_is_no_relation(decide, tmp_path):
    root = _repo(tmp_path, {
        "adr/ADR-6.md": RECORD.format(n=6, title="Naming", date="2021-01-06", status="Accepted"),
        "adr/ADR-20.md": RECORD.format(n=20, title="Subjects", date="2021-03-20", status="Accepted").replace(
            "## Context", "## Naming\n\nNaming conventions are defined in [ADR-6](ADR-6.md)\n\n## Context"),
    })
    shown = json.loads(decide("adr", "show", "20", "--format", "json", cwd=root).stdout)
    assert shown["related"] == [] and decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


@pytest.mark.parametrize(("written", "status"), [("Partially Implemented", "accepted"), ("TBC", "proposed")])
def test_more_status_words_teams_write(decide, tmp_path, written, status):
    root = _repo(tmp_path, {"adr/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status=written)})
    (listed,) = json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)
    assert listed["status"] == status


def test_a_record_kept_as_a_folder_s_page_holds_its_number(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted"),
        "docs/adr/012-release/index.md": "---\ntitle: Release process\n---\n\nHow we release.\n",
    })
    made = decide("adr", "new", "Use a cache", "--no-edit", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "docs/adr/013-use-a-cache.md", made.output


@pytest.mark.parametrize("folder", ["Decision-Log", "docs/05_decisions", "docs/arc42/09_architecture_decisions"])
def test_folders_named_as_a_decision_log_or_a_numbered_chapter_are_found(decide, tmp_path, folder):
    root = _repo(tmp_path, {f"{folder}/0001-a.md": RECORD.format(n=1, title="A", date="2021-01-06", status="Accepted")})
    (listed,) = json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)
    assert listed["path"] == f"{folder}/0001-a.md"


def test_front_matter_written_without_a_space_after_the_colon_is_named_so(decide, tmp_path):
    root = _repo(tmp_path, {"doc/adr/0001-a.md": "---\ntag:Web Client\n---\n\n" + RECORD.format(
        n=1, title="A", date="2018-08-30", status="Accepted.")})
    assert ("doc/adr/0001-a.md:2: warning: front matter is a str, not a mapping of keys; its values are ignored; "
            "a key needs a space after its colon: tag: Web Client") in decide("check", cwd=root).stdout


@pytest.mark.parametrize(("status", "to"), [("Draft", "accepted"), ("Proposed", "superseded"), ("mergé", "deprecated")])
def test_a_draft_may_be_decided_a_proposal_superseded_and_an_unknown_word_changed(decide, tmp_path, status, to):
    written = RECORD.format(n=1, title="A", date="2021-01-06", status=status) + "\n## Decision\n\nA.\n\n## Consequences\n\nB.\n"
    root = _repo(tmp_path, {"adr/0001-a.md": written,
                            "adr/0002-b.md": RECORD.format(n=2, title="B", date="2021-01-07", status="Accepted")})
    more = ("--by", "2") if to == "superseded" else ()
    result = decide("adr", "status", "1", to, *more, "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    (listed,) = [r for r in json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout) if r["key"] == "1"]
    assert listed["status"] == to


def test_the_index_links_names_with_hashes_and_titles_in_brackets(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-sdk-as-a-c#-library.md": RECORD.format(n=1, title="SDK as a C# library", date="2021-01-06",
                                                              status="Accepted"),
        "docs/adr/0002-dates.md": RECORD.format(n=2, title="[Gestion des Dates]", date="2021-01-07", status="Accepted"),
        "docs/adr/0003-x.md": RECORD.format(n=3, title="Use [x] and [y]", date="2021-01-08", status="Accepted"),
    })
    assert [r["title"] for r in json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)] == [
        "SDK as a C# library", "Gestion des Dates", "Use [x] and [y]"]
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/adr/README.md").read_text()
    assert "[SDK as a C# library](0001-sdk-as-a-c%23-library.md)" in text
    assert "[Gestion des Dates](0002-dates.md)" in text and "[Use \\[x\\] and \\[y\\]](0003-x.md)" in text


def test_a_number_not_yet_given_in_a_title_is_no_part_of_it(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0010-templates.md": "# n. Django Templates\n\nDate: 2023-01-02\n\n## Status\n\n"
                                                           "Accepted\n"})
    (listed,) = json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)
    assert (listed["number"], listed["title"]) == (10, "Django Templates")
