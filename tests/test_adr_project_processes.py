"""Records of large open-source projects' proposal processes, read and edited in their own forms: Cedar's RFCs,
whose Timeline section says how far each has come, Cilium's CFPs, whose status names the release, and records
named by their day alone and numbered by their titles, or by the year and month they were written (Thanos'); and the
folders such projects keep them in, found without
a setting (Pigweed's `seed/`, ESLint's `designs/`)."""

from __future__ import annotations

import json

from conftest import listed_adrs, repository_with

# A policy language's RFCs: the days each stage was reached, one a line; a stage not reached yet is blank.
TIMELINE = ("# {title}\n\n## Related issues and PRs\n\n- Reference Issues:\n- Implementation PR(s):\n\n"
            "## Timeline\n\n{stages}\n## Summary\n\nWhat it changes.\n")
RFCS = {
    "text/0003-range-operators.md": TIMELINE.format(title="Range operators", stages=(
        "- Started: 2023-06-01\n- Entered FCP (intent to accept): 2023-07-10\n- Accepted: 2023-07-24\n"
        "- Landed: 2023-09-02 on `main`\n- Released: 2023-10-01 in v3.0\n")),
    "text/0007-optional-context.md": TIMELINE.format(title="Optional context", stages="- Started: 2023-11-14\n"),
    "text/0012-strict-names.md": TIMELINE.format(title="Strict entity names", stages=(
        "- Started: 2024-01-08\n- Entered FCP (intent to reject): 2024-02-01\n- Rejected: 2024-02-12\n")),
    "text/0015-typed-tags.md": TIMELINE.format(title="Typed tags", stages=(
        "- Started: 2024-03-03\n- Accepted: TBD\n- Landed:\n")),
}


def _cedar(tmp_path):
    return repository_with(tmp_path / "rfcs", {"decisionbook.toml": '[adr]\ndir = "text"\n', **RFCS})


def test_a_timeline_s_last_stage_reached_is_the_status_dated_by_the_day_it_was_reached(decide, tmp_path):
    root = _cedar(tmp_path)
    rows = {r["number"]: (r["status"], r["date"]) for r in listed_adrs(decide, root)}
    # Landed and released after it was accepted: accepted still, on the day it was; a blank stage is not reached.
    assert rows == {3: ("accepted", "2023-07-24"), 7: ("proposed", "2023-11-14"), 12: ("rejected", "2024-02-12"),
                    15: ("proposed", "2024-03-03")}


def test_accepting_a_timeline_record_gives_its_stage_the_day_and_keeps_the_stages_before(decide, tmp_path):
    root = _cedar(tmp_path)
    assert decide("adr", "status", "7", "accepted", "--force", cwd=root).exit_code == 0
    assert decide("adr", "status", "15", "accepted", "--force", cwd=root).exit_code == 0
    day = json.loads(decide("adr", "show", "7", "--format", "json", cwd=root).stdout)["date"]
    assert (root / "text/0007-optional-context.md").read_text() == RFCS["text/0007-optional-context.md"].replace(
        "- Started: 2023-11-14\n", f"- Started: 2023-11-14\n- Accepted: {day}\n")
    assert (root / "text/0015-typed-tags.md").read_text() == RFCS["text/0015-typed-tags.md"].replace(
        "- Accepted: TBD", f"- Accepted: {day}")
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)][1:] == [
        (7, "accepted"), (12, "rejected"), (15, "accepted")]


def test_a_status_no_stage_means_is_refused_at_the_timeline_s_line(decide, tmp_path):
    root = _cedar(tmp_path)
    result = decide("adr", "status", "12", "proposed", "--force", cwd=root)
    assert result.exit_code == 2
    assert "text/0012-strict-names.md:12:" in result.stderr and "Timeline" in result.stderr, result.stderr
    assert (root / "text/0012-strict-names.md").read_text() == RFCS["text/0012-strict-names.md"]


def test_a_status_change_of_a_timeline_under_underlined_headings_alone_is_refused(decide, tmp_path):
    text = ("Optional context\n================\n\nTimeline\n--------\n\n- Started: 2023-11-14\n\n"
            "Summary\n-------\n\nWhy.\n")
    root = repository_with(tmp_path / "rfcs", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                                "text/0007-optional-context.md": text})
    assert [(r["status"], r["date"]) for r in listed_adrs(decide, root)] == [("proposed", "2023-11-14")]
    result = decide("adr", "status", "7", "accepted", "--force", cwd=root)
    assert result.exit_code == 2 and "text/0007-optional-context.md:7:" in result.stderr, result.output
    assert (root / "text/0007-optional-context.md").read_text() == text


# Cilium's CFPs: bold fields under the title; one built and shipped names the release it shipped in.
CFP = ("# CFP-{number}: {title}\n\n**SIG: [sig-datapath]**\n\n**Begin Design Discussion:** {day}\n\n"
       "**Authors:** Ana Lima\n\n**Status:** {status}\n\n## Summary\n\nWhat it changes.\n")


def test_a_cfp_released_in_a_release_is_accepted(decide, tmp_path):
    root = repository_with(tmp_path / "cfps", {
        "decisionbook.toml": '[adr]\ndir = "cilium"\n',
        "cilium/CFP-25694-move-the-cli.md": CFP.format(number=25694, title="Move the CLI", day="2023-05-25",
                                                       status="Released Cilium 1.15"),
        "cilium/CFP-30984-dns-proxy-ha.md": CFP.format(number=30984, title="DNS proxy HA", day="2024-02-09",
                                                       status="Implementable")})
    assert [(r["number"], r["title"], r["status"], r["status_raw"], r["date"]) for r in listed_adrs(decide, root)] == [
        (25694, "Move the CLI", "accepted", "Released Cilium 1.15", "2023-05-25"),
        (30984, "DNS proxy HA", "accepted", "Implementable", "2024-02-09")]
    assert "Released" not in decide("check", cwd=root).output


# Records named by the day they were written, numbered in their titles alone.
DATED = {
    "docs/adr/2024-02-11-use-postgres.md": (
        "# ADR-001: Use Postgres\n\nDate: 2024-02-11\n\n## Status\n\n"
        "Superseded by [ADR-003](2024-05-01-use-managed-postgres.md)\n\n## Context\n\nWe need a database.\n"),
    "docs/adr/2024-03-20-log-in-json.md": (
        "# ADR-002: Log in JSON\n\nDate: 2024-03-20\n\n## Status\n\nAccepted\n\n## Context\n\nSearch.\n"),
    "docs/adr/2024-05-01-use-managed-postgres.md": (
        "# ADR-003: Use managed Postgres\n\nDate: 2024-05-01\n\n## Status\n\nAccepted\n\n"
        "Supersedes [ADR-001](2024-02-11-use-postgres.md)\n\n## Context\n\nCost.\n"),
}


def test_a_record_named_by_its_day_is_numbered_by_its_title(decide, tmp_path):
    root = repository_with(tmp_path / "repo", DATED)
    rows = listed_adrs(decide, root)
    assert [(r["number"], r["title"], r["status"]) for r in rows] == [
        (1, "Use Postgres", "superseded"), (2, "Log in JSON", "accepted"), (3, "Use managed Postgres", "accepted")]
    assert rows[0]["superseded_by"] == rows[2]["key"] and rows[2]["supersedes"] == [rows[0]["key"]]
    shown = json.loads(decide("adr", "show", "3", "--format", "json", cwd=root).stdout)
    assert shown["path"] == "docs/adr/2024-05-01-use-managed-postgres.md"
    assert decide("adr", "status", "2", "deprecated", cwd=root).exit_code == 0
    assert "Deprecated" in (root / "docs/adr/2024-03-20-log-in-json.md").read_text()


def test_a_new_record_beside_them_is_named_by_its_day_and_numbered_next_in_its_title(decide, tmp_path):
    root = repository_with(tmp_path / "repo", DATED)
    result = decide("adr", "new", "Cache search results", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    day = json.loads(decide("adr", "show", "4", "--format", "json", cwd=root).stdout)["date"]
    text = (root / f"docs/adr/{day}-cache-search-results.md").read_text()
    assert text.startswith(f"# ADR-004: Cache search results\n\nDate: {day}\n\n## Status\n\nProposed\n"), text


# An embedded-systems project's proposals in reStructuredText: a directive's fields under the title, an index
# numbered 0 beside them.
SEED = (".. _seed-{number:04d}:\n\n{rule}\n{number:04d}: {title}\n{rule}\n.. seed::\n   :number: {number}\n"
        "   :name: {title}\n   :status: {status}\n   :proposal_date: {day}\n\n-------\nSummary\n-------\nWhy.\n")


def _seed(number, title, status, day):
    return SEED.format(number=number, title=title, status=status, day=day, rule="=" * (len(title) + 6))


def test_a_top_folder_of_seeds_is_the_adr_folder(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "README.md": "# An embedded toolkit\n",
        "seed/0000-index.rst": (".. _seed-0000:\n\n==========\nSEED Index\n==========\n\n.. toctree::\n\n"
                                "  0001-the-process\n"),
        "seed/0001-the-process.rst": _seed(1, "The Process", "Accepted", "2022-10-31"),
        "seed/0101-tokenized-logs.rst": _seed(101, "Tokenized logs", "Open for Comments", "2023-02-14")})
    assert [(r["number"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "The Process", "accepted", "2022-10-31"), (101, "Tokenized logs", "proposed", "2023-02-14")]


def test_a_top_folder_of_designs_kept_as_folders_is_the_adr_folder(decide, tmp_path):
    design = ("- Start Date: {day}\n- RFC PR: https://example.org/pull/{pr}\n- Authors: Ana\n\n# {title}\n\n"
              "## Summary\n\nWhy.\n")
    root = repository_with(tmp_path / "repo", {
        "README.md": "# A linter's RFCs\n",
        "designs/2019-cache-results/README.md": design.format(day="2019-04-02", pr=11, title="Cache results"),
        "designs/2020-flat-settings/README.md": design.format(day="2020-09-15", pr=42, title="Flat settings")})
    assert [(r["path"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [
        ("designs/2019-cache-results/README.md", "Cache results", "2019-04-02"),
        ("designs/2020-flat-settings/README.md", "Flat settings", "2020-09-15")]


# A metrics project's proposals, named by the year and month each was written, their status in front matter.
PROPOSAL = "---\ntype: proposal\ntitle: {title}\nstatus: {status}\nowner: ana\n---\n\n## Summary\n\nWhy.\n"


def test_a_proposal_named_by_its_year_and_month_has_no_number(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "proposals"\n',
        "proposals/201909-query-logging.md": PROPOSAL.format(title="Query logging", status="complete"),
        "proposals/202301-shard-the-store.md": PROPOSAL.format(title="Shard the store", status="accepted"),
        "proposals/20221129-avoid-global-sort.md": PROPOSAL.format(title="Avoid a global sort", status="approved")})
    assert [(r["number"], r["key"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (None, "201909-query-logging", "accepted", None),
        (None, "20221129-avoid-global-sort", "accepted", "2022-11-29"),
        (None, "202301-shard-the-store", "accepted", None)]
    shown = json.loads(decide("adr", "show", "202301-shard-the-store", "--format", "json", cwd=root).stdout)
    assert shown["title"] == "Shard the store"
    assert "202301" not in decide("check", cwd=root).output


def test_a_new_proposal_beside_them_is_named_by_this_year_and_month(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "proposals"\n',
        "proposals/201909-query-logging.md": PROPOSAL.format(title="Query logging", status="complete"),
        "proposals/202301-shard-the-store.md": PROPOSAL.format(title="Shard the store", status="accepted")})
    result = decide("adr", "new", "Cache index headers", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    made = [r for r in listed_adrs(decide, root) if r["title"] == "Cache index headers"]
    month = made[0]["date"][:7].replace("-", "")
    assert made[0]["path"] == f"proposals/{month}-cache-index-headers.md" and made[0]["number"] is None
