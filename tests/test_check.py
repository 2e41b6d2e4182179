"""`decide check`: workspace-wide findings as `path:line: severity: message`, exit 1 on any error."""

from __future__ import annotations

import json

import click
from conftest import git

from toolkit.cli.check import check


def write(repo, name, status, extra="", body=""):
    path = repo / "decisions" / name
    path.write_text(f"---\nstatus: {status}\ndate: 2026-11-01\n{extra}---\n# {name[5:-3].replace('-', ' ')}\n{body}")
    return path


def run(decide, repo):
    result = decide("check", "--format", "json", cwd=repo)
    return result.exit_code, {(f["path"], f["line"], f["severity"], f["message"]) for f in json.loads(result.stdout)["findings"]}


def test_clean_workspace_passes(decide, repo):
    write(repo, "0001-one.md", "accepted")
    result = decide("check", cwd=repo)
    assert result.exit_code == 0 and result.stdout == "0 error(s), 0 warning(s)\n"


def test_supersede_cycle_is_an_error(decide, repo):
    write(repo, "0001-one.md", "superseded by ADR-0002")
    write(repo, "0002-two.md", "superseded by ADR-0001")
    code, found = run(decide, repo)
    assert code == 1
    assert any(f[3] == "supersede cycle: 1 -> 2 -> 1" and f[2] == "error" and f[1] == 2 for f in found)
    assert sum("supersede cycle" in f[3] for f in found) == 1


def test_links_to_missing_adrs(decide, repo):
    write(repo, "0001-one.md", "accepted", "supersedes: [7]\nlinks: [{relation: amends, adr: 9}]\n")
    code, found = run(decide, repo)
    assert code == 1
    assert ("decisions/0001-one.md", None, "error", "supersedes ADR 7, which does not exist") in found
    assert ("decisions/0001-one.md", 5, "error", "amends ADR 9, which does not exist") in found


def test_superseded_without_successor_and_inconsistent_status(decide, repo):
    write(repo, "0001-one.md", "superseded")
    write(repo, "0002-two.md", "accepted")
    write(repo, "0003-three.md", "proposed", "supersedes: [2]\n")
    code, found = run(decide, repo)
    assert code == 0  # a bare `superseded` is how many teams write it: a warning, not a failed check
    assert ("decisions/0001-one.md", 2, "warning", "superseded, but no ADR is named as its successor") in found
    assert ("decisions/0002-two.md", 2, "warning", "ADR 3 (proposed) supersedes this one, but its status is accepted") in found


def test_data_change_needs_a_complete_migration_plan(decide, repo):
    write(repo, "0001-no-plan.md", "proposed", "data-change: true\n")
    write(repo, "0002-half-plan.md", "proposed", "data-change: true\n",
          "\n## Migration plan\n\n1. Expand the table.\n2. Switch readers.\n\n## Other\n\nContract and rollback are not here.\n")
    write(repo, "0003-full-plan.md", "proposed", "data-change: true\n",
          "\n## Migration plan\n\nExpand, then switch, then contract. Rollback: re-enable the old column.\n")
    write(repo, "0004-no-data.md", "proposed", "data-change: false\n")
    code, found = run(decide, repo)
    assert code == 1
    messages = {f[0]: f[3] for f in found}
    assert messages["decisions/0001-no-plan.md"].startswith('data-change: true needs a "Migration plan" section')
    assert messages["decisions/0002-half-plan.md"] == "the migration plan does not name: contract, rollback"
    assert {f[0] for f in found} == {"decisions/0001-no-plan.md", "decisions/0002-half-plan.md"}
    assert ("decisions/0001-no-plan.md", 4, "error") in {f[:3] for f in found}


def test_text_format_lines_and_exit_code(decide, repo):
    write(repo, "0001-one.md", "parked")
    result = decide("check", cwd=repo)
    assert result.exit_code == 0  # warnings only
    assert result.stdout.splitlines() == [
        "decisions/0001-one.md:2: warning: unknown status 'parked'; "
        "decisionbook knows draft, proposed, accepted, rejected, deprecated, superseded; "
        'map it to the one it means in decisionbook.toml under [adr.statuses]: "parked" = "..."',
        "0 error(s), 1 warning(s)",
    ]
    (repo / "decisions" / "0002-broken.md").write_text("---\nstatus: [\n---\n# Broken\n")
    result = decide("check", cwd=repo)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1].startswith("decisions/0002-broken.md:3: error: invalid YAML")
    assert result.stderr == "error: 1 error(s), 1 warning(s)\n"


def test_check_stays_a_group_that_runs_without_a_subcommand():
    assert isinstance(check, click.Group) and check.invoke_without_command


def test_prototype_cards_and_ledgers_are_checked_too(decide, repo):
    write(repo, "0001-one.md", "accepted")
    (repo / "prototypes" / "0001-broken-card.md").write_text("---\ntitle: [unclosed\n---\n## Hypothesis\n")
    result = decide("check", cwd=repo)
    assert result.exit_code == 1
    assert result.stdout.startswith("prototypes/0001-broken-card.md:")
    assert ": error: " in result.stdout.splitlines()[0]


def test_stale_index_uncarded_prototype_and_a_branch_git_refuses(decide, repo):
    from conftest import BRANCH_CARD

    write(repo, "0001-one.md", "accepted", "prototypes: [1, P7]\n")
    (repo / "prototypes" / "0001-streaming-ingest.md").write_text(BRANCH_CARD.format(branch="proto/..kafka"))
    (repo / "prototypes" / "0002-streaming-ingest.md").write_text(BRANCH_CARD.format(branch='"proto/kafka.lock"'))
    (repo / "prototypes" / "0003-streaming-ingest.md").write_text(BRANCH_CARD.format(branch="proto/kafka"))
    assert decide("adr", "index", cwd=repo).exit_code == 0
    write(repo, "0002-two.md", "proposed")
    code, found = run(decide, repo)
    assert code == 1
    assert ("decisions/0001-one.md", 4, "error", "cites prototype P7, which has no card in prototypes/") in found
    assert ("prototypes/0001-streaming-ingest.md", 7, "error",
            "branch 'proto/..kafka' is not a name git accepts: it contains '..'") in found
    assert ("prototypes/0002-streaming-ingest.md", 7, "error",
            "branch 'proto/kafka.lock' is not a name git accepts: part 'kafka.lock' ends with '.lock'") in found
    assert not any(f[0] == "prototypes/0003-streaming-ingest.md" for f in found)
    assert ("decisions/README.md", None, "warning", "the ADR index is out of date; run `decide adr index`") in found


def test_strict_turns_warnings_into_errors(decide, repo):
    write(repo, "0001-one.md", "accepted")
    assert decide("adr", "index", cwd=repo).exit_code == 0
    write(repo, "0002-two.md", "proposed")
    plain = decide("check", cwd=repo)
    assert plain.exit_code == 0 and "0 error(s), 1 warning(s)" in plain.stdout
    strict = decide("check", "--strict", cwd=repo)
    assert strict.exit_code == 1
    assert "decisions/README.md: error: the ADR index is out of date; run `decide adr index`" in strict.stdout
    assert decide("adr", "index", cwd=repo).exit_code == 0
    assert decide("check", "--strict", cwd=repo).exit_code == 0


def test_a_successor_of_a_shared_number_is_not_laid_at_the_other_record_s_door(decide, tmp_path):
    # After a merge two records share 5; the one that names 22 as its successor is the one superseded.
    from conftest import repository_with

    root = repository_with(tmp_path / "repo", {
        "doc/adr/0005-old-monitoring.md": "# 5. Old monitoring\n\n## Status\n\nSuperseded by [22. Kubes](0022-kubes.md)\n",
        "doc/adr/0005-telemetry.md": "# 5. Telemetry\n\n## Status\n\nProposed\n",
        "doc/adr/0022-kubes.md": "# 22. Kubes\n\n## Status\n\nAccepted\n\n"
                                 "Supersedes [5. Old monitoring](0005-old-monitoring.md)\n",
    })
    result = decide("check", cwd=root)
    assert result.stdout.splitlines() == [
        "doc/adr/0005-old-monitoring.md: error: number 5 is also used by doc/adr/0005-telemetry.md; give that one a "
        "free number with `decide adr renumber 0005-telemetry.md --to 23`",
        "1 error(s), 0 warning(s)",
    ], result.stdout


def test_criteria_changed_after_evidence_are_warnings_at_their_line(decide, repo):
    (repo / "prototypes/0003-cache.md").write_text(
        '---\ntitle: Cache\ncriteria:\n  - id: p95\n    target: "<= 200"\n'
        '  - id: hit_rate\n    target: ">= 0.9"\n---\n')
    assert decide("evidence", "add", "P3", "hit_rate", "0.86", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P3", "p95", "180", cwd=repo).exit_code == 0
    assert run(decide, repo) == (0, set())
    decide("criterion", "remove", "P3", "hit_rate", cwd=repo)
    decide("criterion", "add", "P3", "hit_rate", "--target", ">= 0.85", cwd=repo)
    code, first = run(decide, repo)
    assert code == 0 and first == {(
        "prototypes/0003-cache.md", 6, "warning",
        "criterion 'hit_rate' changed after evidence: 1 evidence entry was recorded under another definition; "
        "now target >= 0.85 (goalposts moved)")}
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "hit_rate at 0.85")
    assert decide("evidence", "add", "P3", "hit_rate", "0.87", cwd=repo).exit_code == 0
    decide("criterion", "remove", "P3", "hit_rate", cwd=repo)
    decide("criterion", "add", "P3", "hit_rate", "--target", ">= 0.8", "--must", cwd=repo)
    code, found = run(decide, repo)
    assert found == {(
        "prototypes/0003-cache.md", 6, "warning",
        "criterion 'hit_rate' changed after evidence: 2 evidence entries were recorded under another definition "
        "and under target >= 0.85; now target >= 0.8, must (goalposts moved)")}
    strict = decide("check", "--strict", cwd=repo)
    assert strict.exit_code == 1 and "1 error(s), 0 warning(s)" in strict.stdout
    # A verdict on the criteria as they now are says the team judged with the goalposts where they stand: it
    # failed `check --strict` for ever after, the card closed or not.
    assert decide("iterate", "P3", "--reason", "0.80 is what users notice", cwd=repo).exit_code == 0
    assert run(decide, repo) == (0, set())
    git(repo, "checkout", "-q", "--", "prototypes/0003-cache.md")  # put back to the 0.85 of its last commit
    assert run(decide, repo)[1] == first  # no verdict given on these: the warning is back
    decide("evidence", "retract", json.loads(decide("evidence", "list", "--format", "json", cwd=repo).stdout)[0]["id"],
           "--reason", "measured against the wrong target", cwd=repo)
    assert run(decide, repo) == (0, set())


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))


def test_a_second_keep_of_a_card_or_close_of_a_day_in_a_ledger_is_named_at_its_line(decide, repo):
    # As an older version, a union merge of two branches or a hand edit can leave them.
    write(repo, "0001-one.md", "accepted")
    for title in ("Kafka ingest", "Edge cache"):
        assert decide("proto", "new", title, cwd=repo).exit_code == 0
    at = "2026-11-06T10:00:00+01:00"
    _jsonl(repo / "prototypes" / "verdicts.jsonl", [
        {"id": f"01M8T1P6G1XYF4X0WWGC8D5M{n:02d}", "at": at, "prototype": number, "verdict": verdict, "reason": "r"}
        for n, (number, verdict) in enumerate([(1, "keep"), (2, "discard"), (1, "keep"), (1, "iterate"),
                                               (1, "keep"), (2, "keep"), (2, "discard"), (2, "discard")], start=10)
    ])
    _jsonl(repo / "prototypes" / "meetings.jsonl", [
        {"id": f"01M8T1P6G1XYF4X0WWGC8D5M{n:02d}", "at": at, "date": day}
        for n, day in enumerate(["2026-11-06", "2026-11-13", "2026-11-06", "20261120"], start=10)
    ])
    code, found = run(decide, repo)
    assert code == 1
    assert {f for f in found if f[0].endswith(".jsonl")} == {
        ("prototypes/meetings.jsonl", 4, "error", "date '20261120' is not YYYY-MM-DD"),
        ("prototypes/verdicts.jsonl", 3, "warning", "a second keep of P1 in a row (the first on line 1): "
                                                    "the sunk-cost audit counts each"),
        ("prototypes/verdicts.jsonl", 8, "warning", "a second discard of P2 in a row (the first on line 7): "
                                                    "the sunk-cost audit counts each"),
        ("prototypes/meetings.jsonl", 3, "warning",
         "a second close of the meeting of 2026-11-06 (the first on line 1)"),
    }
    assert run(decide, repo) == (code, found)  # the ledgers' lines read again from the parse cache


def test_a_card_citing_an_adr_the_folder_lacks_or_ending_before_it_started_is_named_at_its_line(decide, repo):
    from conftest import BRANCH_CARD

    write(repo, "0001-one.md", "accepted")
    assert decide("adr", "index", cwd=repo).exit_code == 0
    cites = BRANCH_CARD.format(branch="proto/a").replace("criteria:", "decisions: [1, 12]\ncriteria:")
    (repo / "prototypes" / "0001-streaming-ingest.md").write_text(cites)
    ended = BRANCH_CARD.format(branch="proto/b").replace("deadline: 2026-11-20", "deadline: 2026-10-20")
    (repo / "prototypes" / "0002-streaming-ingest.md").write_text(ended)
    code, found = run(decide, repo)
    assert code == 0
    assert found == {
        ("prototypes/0001-streaming-ingest.md", 8, "warning", "cites ADR 12, which is not in decisions/"),
        ("prototypes/0002-streaming-ingest.md", 6, "warning",
         "deadline 2026-10-20 is before the card started (2026-11-02)"),
    }


def test_a_card_citing_adrs_kept_elsewhere_is_not_warned_about(decide, repo):
    from conftest import BRANCH_CARD

    cites = BRANCH_CARD.format(branch="proto/a").replace("criteria:", "decisions: [12]\ncriteria:")
    (repo / "prototypes" / "0001-streaming-ingest.md").write_text(cites)
    assert run(decide, repo) == (0, set())  # no ADR in the folder: the team keeps them in another repository
