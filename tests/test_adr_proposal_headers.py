"""Proposal headers that say when a record was written and what it is called, in the forms RFC and
enhancement-proposal folders keep them: an RFC's front matter (GreptimeDB), bold fields (Cilium's CFPs), an
HTML table (conda's CEPs) and reStructuredText directives (GHC's proposals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import listed_adrs, repository_with

CONFIG = '[adr]\ndir = "{folder}"\n'

# GreptimeDB's RFCs: Rust's RFC header kept as front matter, its `Date:` the day the RFC was written; a title
# given by `Feature Name:` alone, or as a setext heading above `# Summary`.
RFCS = {
    "2025-02-06-remote-wal-purge.md": (
        "---\nFeature Name: Remote WAL Purge\nTracking Issue: https://example.com/issues/5474\nDate: 2025-02-06\n"
        'Author: "Yuhan Wang <yw@example.com>"\n---\n\n# Summary\n\nPurge remote WAL.\n\n# Motivation\n\n'
        "Only local entries are purged.\n\n# Details\n\n## Steps\n\nFlush, then purge.\n"
    ),
    "2023-01-03-procedure-framework.md": (
        '---\nFeature Name: "procedure-framework"\nTracking Issue: https://example.com/issues/286\n'
        'Date: 2023-01-03\nAuthor: "Yingwen <yw@example.com>"\n---\n\nProcedure Framework\n----------------------\n\n'
        "# Summary\nA framework for executing operations in a fault-tolerant manner.\n\n# Motivation\nSteps.\n"
    ),
}

# Cilium's CFPs: bold fields under the title, the CFP's start day as `Begin Design Discussion`.
CFPS = {
    "CFP-30984-dns-proxy-ha-v2.md": (
        "# CFP-30984: toFQDN DNS proxy HA\n\n**SIG: SIG-POLICY**\n\n**Begin Design Discussion:** 2024-08-19\n\n"
        "**Cilium Release:** 1.17\n\n**Authors:** Ana <ana@example.com>\n\n## Summary\n\nProxy HA.\n"
    ),
    "CFP-TODO-policy-selector-expressions.md": (
        "# CFP-XXXXX: Policy Selector Expressions\n\n**SIG: SIG-Policy**\n\n**Begin Design Discussion:** 2026-05-04\n\n"
        "**Cilium Release:** TBD\n\n**Authors:** Deepesh\n\n**Status:** Draft\n\n## Summary\n\nSelectors.\n"
    ),
    "CFP-2022-10-28-mutual-authentication.md": (
        "# CFP-2022-10-28: Mutual Authentication\n\n\n## Meta\n\n**SIG: SIG-ServiceMesh**\n\n"
        "**Begin Design Discussion:** October 28, 2022\n\n**End Design Discussion:** November 25, 2022\n\n"
        "## Summary\n\nmTLS.\n"
    ),
}

# conda's CEPs: an HTML table of fields, `Created` written as `Feb 5, 2025`, a Changelog of later days.
CEP_44 = (
    "# CEP 44 - Optional dependency groups\n\n<table>\n<tr><td> Title </td><td> Optional dependency groups </td>\n"
    "<tr><td> Author(s) </td><td>\n  Wolf &lt;w@example.com&gt;,\n  Bas &lt;b@example.com&gt;\n</td></tr>\n"
    "<tr><td> Created </td><td> Feb 5, 2025</td></tr>\n<tr><td> Updated </td><td> Jul 6, 2026</td></tr>\n"
    "<tr><td> Discussion </td><td> https://example.com/pull/111 </td></tr>\n</table>\n\n## Abstract\n\nGroups.\n\n"
    "## Changelog\n\n- 2026-07-02: Clarified the selector syntax.\n- 2026-05-29: Fixed a regex.\n"
)
CEP_4 = (
    "<table>\n<tr><td> Title </td><td> Implement initial conda plugin mechanism </td>\n"
    "<tr><td> Author(s) </td><td> Bianca &lt;b@example.com&gt; </td></tr>\n"
    "<tr><td> Created </td><td> July 5, 2022 </td></tr>\n</table>\n\n# Abstract\n\nPlugins.\n"
)

# GHC's proposals: directives under the title; `date-accepted` holds a day once the proposal is accepted.
GHC_190 = (
    "Allow ``qualified`` to follow module name\n=========================================\n\n"
    ".. author:: Shayne Fletcher\n.. date-accepted:: 2019-05-02\n.. ticket-url:: https://example.com/853\n"
    ".. implemented:: 8.10\n.. highlight:: haskell\n.. contents::\n\nWe propose ``import M qualified``.\n\n"
    "Motivation\n----------\nHanging indents.\n"
)
GHC_DRAFT = (
    "Allow implicit qualified module import\n======================================\n\n"
    ".. author:: Tristan\n.. date-accepted:: Leave blank. This will be filled in when the proposal is accepted.\n"
    ".. implemented:: Leave blank. This will be filled in with the first GHC version which\n"
    "                 implements the described feature.\n.. contents::\n\nImplicit imports.\n\n"
    "Motivation\n----------\nShorter imports.\n"
)


def _folder(tmp_path: Path, folder: str, records: dict[str, str]) -> Path:
    files = {f"{folder}/{name}": text for name, text in records.items()}
    return repository_with(tmp_path / "repo", {"decisionbook.toml": CONFIG.format(folder=folder), **files})


def _rows(decide, root: Path) -> dict[str, tuple]:
    return {row["key"]: (row["title"], row["status"], row["date"]) for row in listed_adrs(decide, root)}


def test_an_rfc_header_s_date_is_the_day_it_was_written_and_a_status_change_keeps_it(decide, tmp_path):
    root = _folder(tmp_path, "docs/rfcs", RFCS)
    path = root / "docs/rfcs/2025-02-06-remote-wal-purge.md"
    result = decide("adr", "status", "2025-02-06-remote-wal-purge", "accepted", "--force", "--date", "2026-12-02",
                    cwd=root)
    assert result.exit_code == 0, result.output
    text = path.read_text()
    assert "\nDate: 2025-02-06\n" in text and "2026-12-02" not in text
    assert text.replace("Status: accepted\n", "") == RFCS["2025-02-06-remote-wal-purge.md"]
    # A second change, with the status now in the front matter, keeps the day too.
    assert decide("adr", "status", "2025-02-06-remote-wal-purge", "deprecated", "--date", "2026-12-03",
                  cwd=root).exit_code == 0
    assert path.read_text() == RFCS["2025-02-06-remote-wal-purge.md"].replace(
        'Date: 2025-02-06\nAuthor: "Yuhan Wang <yw@example.com>"\n',
        'Date: 2025-02-06\nAuthor: "Yuhan Wang <yw@example.com>"\nStatus: deprecated\n')
    assert _rows(decide, root)["2025-02-06-remote-wal-purge"][1:] == ("deprecated", "2025-02-06")


def test_madr_s_date_still_follows_every_status_change(decide, tmp_path):
    madr = ("---\nstatus: proposed\ndate: 2024-06-03\n---\n# Mock the API in tests\n\n"
            "## Context and Problem Statement\n\nX.\n")
    root = _folder(tmp_path, "docs/decisions", {"0001-mock-the-api.md": madr})
    assert decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0001-mock-the-api.md").read_text() == madr.replace(
        "proposed\ndate: 2024-06-03", "accepted\ndate: 2026-12-02")


def test_an_rfc_is_titled_by_its_feature_name_or_its_setext_heading(decide, tmp_path):
    root = _folder(tmp_path, "docs/rfcs", RFCS)
    rows = _rows(decide, root)
    assert rows["2025-02-06-remote-wal-purge"] == ("Remote WAL Purge", None, "2025-02-06")
    assert rows["2023-01-03-procedure-framework"] == ("Procedure Framework", None, "2023-01-03")


def test_a_heading_of_the_record_s_parts_does_not_hide_a_level_two_title_above_it(decide, tmp_path):
    text = "Use Postgres\n------------\n\n# Context\n\nWe need a database.\n\n## Status\n\nAccepted\n"
    root = _folder(tmp_path, "doc/adr", {"0001-use-postgres.md": text})
    assert _rows(decide, root)["1"][0] == "Use Postgres"


def test_a_cfp_s_begin_design_discussion_is_its_start_date_and_kept(decide, tmp_path):
    root = _folder(tmp_path, "cilium", CFPS)
    rows = _rows(decide, root)
    assert rows["30984"][2] == "2024-08-19"
    assert rows["CFP-TODO-policy-selector-expressions"][1:] == ("draft", "2026-05-04")
    assert rows["CFP-2022-10-28-mutual-authentication"][2] == "2022-10-28"
    result = decide("adr", "status", "CFP-TODO-policy-selector-expressions", "accepted", "--force",
                    "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "cilium/CFP-TODO-policy-selector-expressions.md").read_text() == \
        CFPS["CFP-TODO-policy-selector-expressions.md"].replace("**Status:** Draft", "**Status:** Accepted")


def test_a_cep_s_created_row_is_its_date_before_a_changelog_s_days(decide, tmp_path):
    root = _folder(tmp_path, ".", {"cep-0044.md": CEP_44, "cep-0004.md": CEP_4})
    dates = {row["title"]: row["date"] for row in listed_adrs(decide, root)}
    assert dates == {"Optional dependency groups": "2025-02-05",
                     "Implement initial conda plugin mechanism": "2022-07-05"}


def test_a_ghc_proposal_is_accepted_on_the_day_its_directive_holds(decide, tmp_path):
    root = _folder(tmp_path, "proposals", {"0190-module-qualified-syntax.rst": GHC_190,
                                           "0000-implicit-import.rst": GHC_DRAFT})
    rows = _rows(decide, root)
    assert rows["190"][1:] == ("accepted", "2019-05-02")
    assert rows["0"][1:] == (None, None)


@pytest.mark.parametrize(("key", "status", "name", "text"), [
    ("190", "rejected", "0190-module-qualified-syntax.rst", GHC_190),
    ("0", "accepted", "0000-implicit-import.rst", GHC_DRAFT),
])
def test_a_status_change_of_a_ghc_proposal_is_refused_at_its_directive(decide, tmp_path, key, status, name, text):
    root = _folder(tmp_path, "proposals", {"0190-module-qualified-syntax.rst": GHC_190,
                                           "0000-implicit-import.rst": GHC_DRAFT})
    result = decide("adr", "status", key, status, "--force", cwd=root)
    assert result.exit_code == 2
    assert f"proposals/{name}:5:" in result.stderr and ".. date-accepted::" in result.stderr, result.stderr
    assert (root / "proposals" / name).read_text() == text
    shown = json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)
    assert shown["status"] == ("accepted" if key == "190" else None)


def test_accepting_keeps_the_day_an_html_row_says_the_record_was_created(decide, tmp_path):
    text = ("# Use plugins\n\n<table>\n<tr><td> Created </td><td> Feb 5, 2025</td></tr>\n</table>\n\n"
            "## Status\n\nProposed\n\n## Context\n\nPlugins.\n")
    root = _folder(tmp_path, "doc/adr", {"0001-use-plugins.md": text})
    assert _rows(decide, root)["1"] == ("Use plugins", "proposed", "2025-02-05")
    assert decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert (root / "doc/adr/0001-use-plugins.md").read_text() == text.replace("Proposed", "Accepted")


# conda's CEP 1: the status a cell of the HTML table of fields, spaces inside the cell as the team writes them.
CEP_1 = (
    "<table>\n<tr><td> Title </td><td> CEP Purpose and Guidelines </td>\n"
    "<tr><td> Status </td><td>  Proposed </td></tr>\n"
    "<tr><td> Created </td><td> Jun 29, 2021</td></tr>\n</table>\n\n# Abstract\n\nWhat a CEP is.\n"
)


def test_a_cep_s_status_is_the_cell_of_its_status_row(decide, tmp_path):
    root = _folder(tmp_path, ".", {"cep-0001.md": CEP_1, "cep-0004.md": CEP_4})
    assert _rows(decide, root)["1"] == ("CEP Purpose and Guidelines", "proposed", "2021-06-29")
    assert "cep-0001.md" not in decide("check", cwd=root).output


def test_a_status_change_of_a_cep_edits_its_status_cell_alone(decide, tmp_path):
    successor = CEP_4.replace("<tr><td> Created", "<tr><td> Status </td><td> Accepted</td></tr>\n<tr><td> Created")
    root = _folder(tmp_path, ".", {"cep-0001.md": CEP_1, "cep-0004.md": successor})
    result = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "cep-0001.md").read_text() == CEP_1.replace("  Proposed ", "  Accepted ")
    result = decide("adr", "status", "1", "superseded", "--by", "4", "--force", "--date", "2026-12-03", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "cep-0001.md").read_text() == CEP_1.replace("  Proposed ", "  Superseded by CEP-0004 ")
    assert (root / "cep-0004.md").read_text() == successor.replace(
        "</table>\n\n", "</table>\n\nSupersedes: [CEP-0001](cep-0001.md)\n\n")
    assert _rows(decide, root)["1"][1] == "superseded"


def test_a_status_added_to_a_cfp_goes_among_the_bold_fields_under_its_meta_heading(decide, tmp_path):
    # The fields stand under `## Meta`: a change wrote a Nygard `## Status` section above them.
    root = _folder(tmp_path, "cilium", CFPS)
    key = "CFP-2022-10-28-mutual-authentication"
    result = decide("adr", "status", key, "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / f"cilium/{key}.md").read_text() == CFPS[f"{key}.md"].replace(
        "November 25, 2022\n\n", "November 25, 2022\n\n**Status:** Accepted\n\n")
    assert _rows(decide, root)[key][1] == "accepted"


@pytest.mark.parametrize(("other", "written"), [
    ("# B\n\n**SIG:** SIG-Policy\n\n**Status:** Implementable\n\n## Summary\n\nB.\n", "**Status:** Accepted"),
    # MADR 2's bullets date a change of status, as they do in a record that has them.
    ("# B\n\n* Status: implementable\n* Date: 2024-01-02\n\n## Summary\n\nB.\n",
     "* Status: accepted\n* Date: 2026-12-02"),
    ("# B\n\nStatus: Implementable\n\n## Summary\n\nB.\n", "Status: Accepted"),
], ids=["bold", "bullets", "field"])
def test_a_status_added_to_a_record_with_no_fields_follows_the_folder_s_status_form(decide, tmp_path, other, written):
    bare = "# CFP-1: A\n\n## Summary\n\nA.\n"
    root = _folder(tmp_path, "cilium", {"CFP-0001-a.md": bare, "CFP-0002-b.md": other})
    result = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "cilium/CFP-0001-a.md").read_text() == f"# CFP-1: A\n\n{written}\n\n## Summary\n\nA.\n"
    assert _rows(decide, root)["1"][1] == "accepted"


def test_a_ghc_proposal_s_inline_literal_in_its_title_is_a_code_span_as_in_a_markdown_title(decide, tmp_path):
    # ``qualified`` kept rST's double backquotes; a Markdown title keeps its code span (`uv`) as written.
    markdown = "# 1. Use `uv` to lock\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n"
    ghc_193 = ("Make ``forall`` a ``keyword``\n=============================\n\n.. date-accepted:: 2019-02-14\n\n"
               "Motivation\n----------\nWhy.\n")
    root = _folder(tmp_path, "proposals", {"0190-module-qualified-syntax.rst": GHC_190,
                                           "0193-forall-keyword.rst": ghc_193, "0001-use-uv.md": markdown})
    rows = _rows(decide, root)
    assert rows["190"][0] == "Allow `qualified` to follow module name"
    assert rows["193"][0] == "Make `forall` a `keyword`"
    assert rows["1"][0] == "Use `uv` to lock"


def test_a_new_record_in_a_folder_of_html_field_tables_copies_the_table_with_its_cells_empty(decide, tmp_path):
    # A folder with no template whose records state their status in an HTML row: the latest is copied.
    cep = ("# CEP {n} - {title}\n\n<table>\n<tr><td> Title </td><td> {title} </td>\n"
           "<tr><td> Status </td><td> Accepted </td></tr>\n<tr><td> Author(s) </td><td>\n  Ana &lt;a@example.com&gt;\n"
           "</td></tr>\n<tr><td> Created </td><td> Feb 5, 2025</td></tr>\n</table>\n\n## Abstract\n\n{title}.\n")
    root = _folder(tmp_path, ".", {"cep-0001.md": cep.format(n=1, title="Purpose"),
                                   "cep-0044.md": cep.format(n=44, title="Optional groups")})
    created = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert created.stdout.strip() == "cep-0045.md", created.output
    assert (root / "cep-0045.md").read_text() == (
        "# CEP 45 - Try a thing\n\n<table>\n<tr><td> Title </td><td>  </td>\n"
        "<tr><td> Status </td><td> Proposed </td></tr>\n<tr><td> Author(s) </td><td>\n</td></tr>\n"
        "<tr><td> Created </td><td> Dec 2, 2026</td></tr>\n</table>\n\n## Abstract\n")
    assert _rows(decide, root)["45"] == ("Try a thing", "proposed", "2026-12-02")


# Nix's RFCs and Jupyter's JEPs keep the day a proposal was started in its front matter.
STARTED = {
    "0049-flakes.md": "---\nfeature: flakes\nstart-date: 2019-07-09\nauthor: Ana\nco-authors: TBD\n---\n\n# Summary\n"
                      "[summary]: #summary\n\nComposable packages.\n",
    "0062-cell-id.md": '---\ntitle: Cell IDs in notebooks\nauthors: Ben\nissue-number: 61\ndate-started: "2020-08-27"\n'
                       "---\n\n# Cell IDs in notebooks\n\n## Problem\n\nCells need ids.\n",
}


def test_a_proposal_s_start_date_in_front_matter_is_its_date_and_a_status_change_keeps_it(decide, tmp_path):
    root = _folder(tmp_path, "rfcs", STARTED)
    rows = {row["number"]: (row["title"], row["date"], row["date_raw"]) for row in listed_adrs(decide, root)}
    assert rows == {49: ("Flakes", "2019-07-09", "2019-07-09"),
                    62: ("Cell IDs in notebooks", "2020-08-27", "2020-08-27")}
    assert decide("adr", "status", "49", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert (root / "rfcs/0049-flakes.md").read_text() == STARTED["0049-flakes.md"].replace(
        "co-authors: TBD\n", "co-authors: TBD\nstatus: accepted\ndate: 2026-12-02\n")


# Go's design documents: `# Proposal: ` before the title, named by the issue that discusses them.
GO_DESIGN = {
    "12166-subtests.md": "# Proposal: testing: programmatic sub-tests\n\nAuthor: Ana\n\n"
                         "Last updated: September 2, 2015\n\nDiscussion at https://x.test/issue/12166.\n\n"
                         "## Abstract\n\nTables of tests.\n",
    "24543-preemption.md": "# Proposal: Non-cooperative preemption\n\nAuthor(s): Ben\n\nLast updated: 2019-01-18\n\n"
                           "## Abstract\n\nPreempt loops.\n",
}


def test_a_go_design_document_s_proposal_label_is_not_part_of_its_title(decide, tmp_path):
    root = _folder(tmp_path, "design", GO_DESIGN)
    assert _rows(decide, root) == {"12166": ("testing: programmatic sub-tests", None, "2015-09-02"),
                                   "24543": ("Non-cooperative preemption", None, "2019-01-18")}


@pytest.mark.parametrize("cell", ["<td></td>", "<td> </td>", "<td>  </td>"])
def test_a_status_change_fills_an_html_table_s_empty_status_cell(decide, tmp_path, cell):
    # A CEP whose Status row is left blank: the change is written in that cell, padded as the label's cell is,
    # not in a Status section of its own beside the table.
    blank = CEP_4.replace("<tr><td> Created", f"<tr><td> Status </td>{cell}</tr>\n<tr><td> Created")
    root = _folder(tmp_path, "ceps", {"cep-0004.md": blank})
    result = decide("adr", "status", "4", "accepted", "--force", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "ceps/cep-0004.md").read_text() == blank.replace(
        f"<td> Status </td>{cell}", "<td> Status </td><td> Accepted </td>")
    assert _rows(decide, root)["4"][1] == "accepted"


@pytest.mark.parametrize(("day", "warned"), [
    ("2021-02-30", "date '2021-02-30' names a day that does not exist; write the day it means"),
    ("04/07/2021", "date '04/07/2021' could be day or month first"),
])
def test_a_ghc_proposal_accepted_on_a_day_that_cannot_be_read_is_warned_about_at_its_directive(
        decide, tmp_path, day, warned):
    # An impossible day was read as a directive holding no day yet: no status, no date, and nothing said.
    root = _folder(tmp_path, "proposals", {"0190-module-qualified-syntax.rst": GHC_190.replace("2019-05-02", day)})
    # Listed as other records whose date cannot be read are: accepted, the day as written, no date.
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["date"], row["date_raw"]) == ("accepted", None, day)
    checked = decide("check", cwd=root).stdout
    assert f"proposals/0190-module-qualified-syntax.rst:5: warning: {warned}" in checked, checked


# Apache Pulsar's PIPs: older ones named `pip-190.md` in small letters with no zero padding, newer ones
# `PIP-334.md`; each titled `# PIP-N: Title`, some with a `- Status:` bullet.
PIPS = {
    "pip-190.md": "# PIP-190: Simplify documentation releases\n\n- Status: Accepted/Implemented\n- Author: Kim\n\n"
                  "## Motivation\n\nOne set of pages per feature release.\n",
    "pip-7.md": "# PIP-7: Pluggable dispatch\n\n- Status: Discussion\n\n## Motivation\n\nTenants differ.\n",
    "PIP-334.md": "# PIP-334: Failure domains in placement\n\n# Motivation\n\nRacks fail together.\n",
    "step-2-rollout.md": "# Step 2 of the rollout\n\nNotes kept beside the proposals.\n",
}


def test_a_proposal_named_in_small_letters_without_zero_padding_is_numbered(decide, tmp_path):
    root = _folder(tmp_path, "pip", PIPS)
    rows = {row["key"]: (row["number"], row["title"], row["status"]) for row in listed_adrs(decide, root)}
    assert rows["190"] == (190, "Simplify documentation releases", "accepted")
    assert rows["7"] == (7, "Pluggable dispatch", "proposed")
    assert rows["334"] == (334, "Failure domains in placement", None)
    assert "2" not in rows  # other words before a number are still a slug
    assert "pip-190.md" not in decide("check", cwd=root).output
    assert decide("adr", "show", "PIP-190", cwd=root).exit_code == 0


# Matrix's spec proposals: `proposals/NNNN-slug.md` titled `# MSCNNNN: Title`, the letters joined to the number.
MSCS = {
    "1772-groups-as-rooms.md": "# MSC1772: Matrix spaces\n\nRooms that hold rooms.\n\n## Proposal\n\nA room type.\n",
    "3083-restricted-rooms.md": "# MSC1772 follow-up: restricted joins\n\n## Proposal\n\nA join rule.\n",
    "0005-http2.md": "# HTTP2: push for sync\n\n## Proposal\n\nPush instead of polling.\n",
}


def test_a_title_s_own_number_after_a_project_s_letters_is_not_part_of_the_title(decide, tmp_path):
    root = _folder(tmp_path, "proposals", MSCS)
    rows = _rows(decide, root)
    assert rows["1772"][0] == "Matrix spaces"
    assert rows["3083"][0] == "MSC1772 follow-up: restricted joins"  # another record's number is kept
    assert rows["5"][0] == "HTTP2: push for sync"  # letters and a digit that are not the record's number
    assert "the title says" not in decide("check", cwd=root).output


# Erlang's EEPs: an indented header, a `****` rule, then the title underlined with `----`.
EEPS = {
    "eep-0049.md": "    Author: Sam Tull\n    Status: Draft\n    Type: Standards Track\n    Created: 31-Aug-2018\n"
                   "    Post-History:\n****\nEEP 49: Value-based error handling\n----\n\n\nAbstract\n========\n\n"
                   "Chain calls that return ok or error.\n",
    "eep-0000.md": "    Author: Rita\n    Status: Active\n    Type: Process\n    Created: 27-Jan-2009\n"
                   "    Post-History:\n****\nEEP 0: Index of Erlang Enhancement Proposals\n----\n\nIndex\n=====\n\n"
                   "Every EEP.\n",
}


def test_a_title_underlined_below_a_rule_of_stars_is_the_title(decide, tmp_path):
    root = _folder(tmp_path, "eeps", EEPS)
    assert _rows(decide, root) == {"49": ("Value-based error handling", "draft", "2018-08-31"),
                                   "0": ("Index of Erlang Enhancement Proposals", "accepted", "2009-01-27")}
    assert "no title" not in decide("check", cwd=root).output


# A policy language's RFCs, published as an mdBook from `text/`: a Timeline of the stages each reached.
TIMELINE_RFC = ("# {title}\n\n## Related issues and PRs\n\n- Reference Issues:\n- Implementation PR(s):\n\n"
                "## Timeline\n\n- Started: {day}\n- Accepted: TBD\n- Landed: TBD\n- Released: TBD\n\n"
                "## Summary\n\nWhat it changes.\n")


def test_a_proposal_s_started_day_is_its_date_and_marks_its_folder_as_a_proposal_folder(decide, tmp_path):
    # `- Started:` was no date label, and `text/` was not found: nothing was listed without a setting.
    root = repository_with(tmp_path / "repo", {
        "book.toml": '[book]\nsrc = "text"\n', "text/SUMMARY.md": "# RFCs\n\n- [0031](0031-trailing-commas.md)\n",
        "text/0000-template.md": TIMELINE_RFC.format(title="RFC Title", day="(fill in with today's date)"),
        "text/0031-trailing-commas.md": TIMELINE_RFC.format(title="Trailing Commas", day="2024-06-26"),
        "text/0044-placeholders.md": TIMELINE_RFC.format(title="Explicit Placeholders", day="2024-02-27")})
    assert [(r["number"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [
        (31, "Trailing Commas", "2024-06-26"), (44, "Explicit Placeholders", "2024-02-27")]
