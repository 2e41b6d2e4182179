"""Verdicts through `decide keep|iterate|discard`, and triage through the CLI and the Python API alike."""

from __future__ import annotations

import datetime as dt
import json
import types

import pytest
from conftest import from_today

import toolkit
from toolkit.records import frontmatter

TODAY = dt.date.today()
# Verdicts are judged as of today, the latest day they may be: what the tests record now counts as of it.
AS_OF = TODAY.isoformat()
EDGE_STARTED = (TODAY - dt.timedelta(days=30)).isoformat()
EDGE_DEADLINE = (TODAY - dt.timedelta(days=7)).isoformat()  # passed: the edge cache's must-have decides
LATER_DEADLINE = from_today(64)  # after every day the tests judge on


@pytest.fixture
def ws(repo, decide):
    for title in ("Kafka ingest", "Edge cache", "Dark mode"):
        decide("proto", "new", title, "--deadline", LATER_DEADLINE, "--owner", "ana", cwd=repo)
    edge = repo / "prototypes/0002-edge-cache.md"
    edge.write_text(edge.read_text().replace(f"started: {AS_OF}", f"started: {EDGE_STARTED}")
                    .replace(f"deadline: {LATER_DEADLINE}", f"deadline: {EDGE_DEADLINE}"))
    decide("criterion", "add", "P1", "p99", "--target", "<= 200", "--kill", "> 500", cwd=repo)
    decide("criterion", "add", "P1", "cost", "--target", "< 100", "--weight", "2", cwd=repo)
    decide("criterion", "add", "P2", "hit-rate", "--target", ">= 0.9", "--must", cwd=repo)
    decide("criterion", "add", "P3", "nps", "--target", ">= 30", cwd=repo)
    decide("evidence", "add", "P1", "p99", "180", cwd=repo)
    decide("evidence", "add", "P1", "cost", "130", cwd=repo)
    decide("evidence", "add", "P2", "hit-rate", "0.7", cwd=repo)
    decide("effort", "log", "P1", "30", "--force", cwd=repo)
    card = repo / "prototypes/0001-kafka-ingest.md"
    card.write_text(card.read_text().replace("## Hypothesis\n\n<!--", "## Hypothesis\n\nKafka keeps up.\n\n<!--"))
    return repo


def test_discard_without_reason_is_refused(ws, decide):
    card = ws / "prototypes/0002-edge-cache.md"
    before = card.read_bytes()
    result = decide("discard", "P2", cwd=ws)
    assert result.exit_code == 2 and "--reason" in result.stderr
    blank = decide("discard", "P2", "--reason", "  ", cwd=ws)
    assert blank.exit_code == 2 and "reason" in blank.stderr
    assert card.read_bytes() == before
    assert not (ws / "prototypes/verdicts.jsonl").exists()


def test_discard_with_reason_sets_status_and_records_the_verdict(ws, decide):
    result = decide("discard", "P2", "--reason", "hit rate stuck at 0.7", "--by", "ana", "--as-of", AS_OF, cwd=ws)
    assert result.exit_code == 0, result.output
    assert "card status is now discarded" in result.stdout
    assert frontmatter.read(ws / "prototypes/0002-edge-cache.md").meta["status"] == "discarded"
    (verdict,) = [json.loads(line) for line in (ws / "prototypes/verdicts.jsonl").read_text().splitlines()]
    assert verdict["verdict"] == "discard" and verdict["reason"] == "hit rate stuck at 0.7"
    assert verdict["recommendation"] == "discard" and verdict["merit"] == 0 and verdict["by"] == "ana"
    assert verdict["prototype"] == 2 and verdict["criteria_hash"]
    assert "overrides" not in result.stdout
    active = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=ws).stdout)["prototypes"]
    assert [r["ref"] for r in active] == ["P1", "P3"]


def test_a_reason_that_speaks_of_effort_is_recorded_with_a_warning(ws, decide):
    # `keep --reason "we already invested 40 hours"` was taken without a word.
    kept = decide("keep", "P1", "--reason", "we already invested 40 hours", "--as-of", AS_OF, cwd=ws)
    assert kept.exit_code == 0 and "keep recorded" in kept.stdout
    assert kept.stderr.startswith("warning: the reason speaks of effort ('invested'): a verdict rests on the evidence")
    plain = decide("discard", "P2", "--reason", "hit rate stuck at 0.7 after 3 weeks", "--as-of", AS_OF, cwd=ws)
    assert plain.exit_code == 0 and plain.stderr == ""


def test_keep_and_iterate(ws, decide):
    assert decide("keep", "P3", "--reason", "users asked", "--as-of", AS_OF, cwd=ws).exit_code == 0
    assert frontmatter.read(ws / "prototypes/0003-dark-mode.md").meta["status"] == "kept"
    result = decide("iterate", "P1", "--reason", "cost next", "--deadline", from_today(79), "--as-of", AS_OF, cwd=ws)
    assert result.exit_code == 0, result.output
    meta = frontmatter.read(ws / "prototypes/0001-kafka-ingest.md").meta
    assert meta["status"] == "active" and str(meta["deadline"]) == from_today(79)
    verdicts = [json.loads(line) for line in (ws / "prototypes/verdicts.jsonl").read_text().splitlines()]
    assert [(v["verdict"], v["recommendation"]) for v in verdicts] == [("keep", "needs-evidence"), ("iterate", "iterate")]
    book = toolkit.open_workspace(ws)
    frame = book.verdicts()
    assert frame["override"].tolist() == [True, False]
    assert frame["toward_keep"].tolist() == [True, False]


def test_iterate_across_midnight_checks_the_deadline_and_judges_on_one_day(ws, monkeypatch):
    # `decide iterate` read today's date for its deadline check and again for the verdict: run across
    # midnight, a deadline checked as "today" was judged as passed a moment later, the verdict recording a
    # recommendation to discard that nobody could have seen on the day its deadline was checked.
    from toolkit.actions import verdicts
    from toolkit.workspace import open_workspace

    yesterday = TODAY - dt.timedelta(days=1)
    edge = ws / "prototypes/0002-edge-cache.md"
    edge.write_text(edge.read_text().replace(f"deadline: {EDGE_DEADLINE}", f"deadline: {yesterday}"))
    days = iter((yesterday, TODAY))

    class Midnight(dt.date):
        """The clock of a run that starts just before midnight and goes on just after."""

        @classmethod
        def today(cls):
            return next(days, TODAY)

    monkeypatch.setattr(verdicts, "dt", types.SimpleNamespace(date=Midnight))  # this module's clock, no other
    result = verdicts.iterate(open_workspace(ws), "P2", "next round", deadline=yesterday.isoformat())
    # The evidence was recorded today, after the day judged: nothing measured by then, and the deadline not passed.
    assert result.judgement.recommendation == "needs-evidence"
    (verdict,) = [json.loads(line) for line in (ws / "prototypes/verdicts.jsonl").read_text().splitlines()]
    assert verdict["recommendation"] == "needs-evidence" and verdict["deadline"] == yesterday.isoformat()


def test_cli_and_python_api_give_identical_numbers(ws, decide):
    cli_rows = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=ws).stdout)
    book = toolkit.open_workspace(ws)
    frame = book.triage(as_of=AS_OF)
    assert frame.attrs["as_of"] == AS_OF
    columns = ["prototype", "ref", "title", "merit", "coverage", "recommendation", "reason", "met", "unmet", "killed", "unmeasured", "criteria_hash"]
    from_api = frame[columns].to_dict("records")
    from_cli = [{c: row[c] for c in columns} for row in cli_rows["prototypes"]]
    assert from_api == from_cli
    assert frame.loc[frame["ref"] == "P1", "hypothesis"].item() == "Kafka keeps up."
    warnings = book.sunk_cost(as_of=AS_OF)
    assert warnings[["ref", "kind", "hours", "message"]].to_dict("records") == [
        {k: w[k] for k in ("ref", "kind", "hours", "message")} for w in cli_rows["sunk_cost"]
    ]
    criteria = book.criteria()
    p1 = criteria[criteria["ref"] == "P1"].set_index("criterion")
    states = {s["criterion"]: s for s in cli_rows["prototypes"][0]["states"]}
    for criterion in ("p99", "cost"):
        assert p1.loc[criterion, "state"] == states[criterion]["state"]
        assert p1.loc[criterion, "value"] == states[criterion]["value"]


def test_csv_and_table_formats(ws, decide):
    csv_lines = decide("triage", "--as-of", AS_OF, "--format", "csv", cwd=ws).stdout.splitlines()
    assert csv_lines[0] == "ref,title,status,owner,deadline,recommendation,merit,coverage,met,unmet,killed,unmeasured,reason"
    assert csv_lines[1].startswith(f"P1,Kafka ingest,active,ana,{LATER_DEADLINE},iterate,0.33,1.00,1,1,0,0,")
    table = decide("triage", "--as-of", AS_OF, cwd=ws).stdout
    assert "Sunk-cost check" in table and "deadline-passed" in table


def test_tables_and_csv_show_a_recorded_figure_as_recorded_not_rounded_to_two_decimals(ws, decide):
    """A hit rate of 0.9949 against a target of >= 0.995 read as `0.99`; 0.125 hours as `0.12`."""
    decide("criterion", "add", "P2", "uptime", "--target", ">= 0.995", "--weight", "0.125", cwd=ws)
    decide("evidence", "add", "P2", "uptime", "0.9949", cwd=ws)
    decide("effort", "log", "P2", "0.125", cwd=ws)
    for args in (("triage", "--as-of", AS_OF), ("proto", "show", "P2", "--as-of", AS_OF)):
        (row,) = [line.split() for line in decide(*args, cwd=ws).stdout.splitlines() if "uptime" in line]
        assert row[:5] == ["uptime", "unmet", "0.9949", ">=", "0.995"] and "0.125" in row, row
    evidence = decide("evidence", "list", "--format", "csv", cwd=ws).stdout
    assert ",P2,uptime,0.9949,," in evidence and ",P1,p99,180.00,," in evidence
    assert ",P2,0.125," in decide("effort", "list", "--format", "csv", cwd=ws).stdout


def test_show(ws, decide):
    out = decide("proto", "show", "P1", "--as-of", AS_OF, cwd=ws)
    assert out.exit_code == 0
    assert "hypothesis: Kafka keeps up." in out.stdout
    assert "recommendation: iterate (merit 0.33, coverage 1.00)" in out.stdout
    assert "effort logged: 30 hours (not used to judge)" in out.stdout


def test_triage_reports_a_bad_ledger_line_and_goes_on(ws, decide):
    with open(ws / "prototypes/evidence.jsonl", "a") as ledger:
        ledger.write("{oops\n")
    result = decide("triage", "--as-of", AS_OF, "--format", "json", cwd=ws)
    assert result.exit_code == 0
    assert "prototypes/evidence.jsonl:4: error: not valid JSON" in result.stderr
    assert len(json.loads(result.stdout)["prototypes"]) == 3


def test_a_card_that_cannot_be_read_is_shown_and_triage_and_list_exit_2(ws, decide):
    card = ws / "prototypes/0002-edge-cache.md"
    card.write_text(card.read_text().replace('target: ">= 0.9"', 'target: "<== 0.9"'))
    line = card.read_text().splitlines().index('    target: "<== 0.9"') + 1
    error = f"prototypes/0002-edge-cache.md:{line}: error: criterion 'hit-rate': target '<== 0.9' is not understood"
    result = decide("triage", "--as-of", AS_OF, cwd=ws)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"Triage as of {AS_OF}: 2 active prototype(s), judged on evidence alone; "
                                    "1 card(s) could not be read.")
    assert "P1  Kafka ingest" in result.stdout and "P3  Dark mode" in result.stdout
    assert f"Cards that could not be read, so not judged:\n  {error}" in result.stdout
    assert result.stderr.startswith(error) and result.stderr.count("\n") == 1
    shown = decide("triage", "--as-of", AS_OF, "--format", "json", cwd=ws)
    assert shown.exit_code == 2 and shown.stderr.startswith(error)
    data = json.loads(shown.stdout)
    assert [p["ref"] for p in data["prototypes"]] == ["P1", "P3"]
    assert [(u["path"], u["line"], u["severity"]) for u in data["unreadable"]] == [
        ("prototypes/0002-edge-cache.md", line, "error")]
    assert decide("triage", "--as-of", AS_OF, "--format", "csv", cwd=ws).exit_code == 2

    listed = decide("proto", "list", cwd=ws)
    assert listed.exit_code == 2 and listed.stderr.startswith(error)
    rows = [line.split() for line in listed.stdout.splitlines()[1:]]
    assert [row[0] for row in rows] == ["P1", "P2", "P3"]
    assert rows[1] == ["P2", "unreadable", "prototypes/0002-edge-cache.md"]
    for status in (None, "active"):  # its status cannot be told: it is listed under any
        shown = decide("proto", "list", "--format", "json", *(("--status", status) if status else ()), cwd=ws)
        assert shown.exit_code == 2
        (unreadable,) = [row for row in json.loads(shown.stdout) if row["status"] == "unreadable"]
        assert unreadable["ref"] == "P2" and unreadable["path"] == "prototypes/0002-edge-cache.md"
        assert unreadable["line"] == line and "target '<== 0.9' is not understood" in unreadable["problem"]


def test_show_as_of_a_day_judges_what_triage_judges_that_day(ws, decide):
    # A measurement and hours written after AS_OF (a ledger kept by hand, or a clock set wrong) do not count on it.
    after = from_today(34)
    later = ('{"id": "20461201100000000000000001", "at": "' + after + 'T10:00:00+00:00", "prototype": 1, "criterion": '
             '"p99", "value": 600.0, "unit": null, "source": null, "note": null, "by": null, "criteria_hash": null, '
             '"criterion_hash": null, "measured": null}\n')
    with open(ws / "prototypes/evidence.jsonl", "a") as ledger:
        ledger.write(later)
    with open(ws / "prototypes/effort.jsonl", "a") as ledger:
        ledger.write('{"id": "20461201100000000000000002", "at": "' + after + 'T10:00:00+00:00", "prototype": 1, '
                     '"hours": 12.0, "date": "' + after + '", "by": null, "note": null}\n')
    for day, recommendation, hours in ((AS_OF, "iterate", 30), (from_today(35), "discard", 42)):
        shown = json.loads(decide("proto", "show", "P1", "--as-of", day, "--format", "json", cwd=ws).stdout)
        triaged = json.loads(decide("triage", "--as-of", day, "--format", "json", cwd=ws).stdout)["prototypes"]
        row = next(r for r in triaged if r["ref"] == "P1")
        assert (shown["recommendation"], shown["hours_logged"]) == (recommendation, hours)
        assert (shown["recommendation"], shown["merit"]) == (row["recommendation"], row["merit"])
    early = decide("proto", "show", "P1", "--as-of", "2000-01-01", cwd=ws)
    assert early.exit_code == 2 and "P1 was started on" in early.stderr


def test_a_kept_card_is_not_judged_against_the_deadline_its_keep_ended(ws, decide):
    # A kept prototype read "discard: deadline passed" once the day of its old timebox went by, in the design
    # review, the weekly report's closed cards and the decision log, though nothing new was measured.
    def shown(day: str) -> str:
        return json.loads(decide("proto", "show", "P2", "--as-of", day, "--format", "json", cwd=ws).stdout)["reason"]

    assert shown(AS_OF).startswith(f"deadline {EDGE_DEADLINE} passed")
    assert decide("keep", "P2", "--reason", "the cache pays off in production", cwd=ws).exit_code == 0
    assert shown(AS_OF) == "must-have not met: hit-rate; merit 0.00 < 0.70; unmet: hit-rate"


def test_a_second_keep_or_discard_is_refused_and_the_audit_counts_one(ws, decide):
    assert decide("keep", "P3", "--reason", "users asked", "--as-of", AS_OF, cwd=ws).exit_code == 0
    assert decide("discard", "P2", "--reason", "stuck", "--as-of", AS_OF, cwd=ws).exit_code == 0
    ledger = (ws / "prototypes/verdicts.jsonl").read_bytes()
    for verdict, ref, status in (("keep", "P3", "kept"), ("discard", "P2", "discarded")):
        again = decide(verdict, ref, "--reason", "again", "--as-of", AS_OF, cwd=ws)
        assert again.exit_code == 2 and f"{ref} is {status} already" in again.stderr
    assert (ws / "prototypes/verdicts.jsonl").read_bytes() == ledger
    # A card kept may still be discarded later, and one discarded taken up again: a change of mind is a verdict.
    assert decide("discard", "P3", "--reason", "too costly after all", "--as-of", AS_OF, cwd=ws).exit_code == 0
    assert decide("iterate", "P2", "--reason", "new data", "--as-of", AS_OF, cwd=ws).exit_code == 0


def test_days_that_cannot_be_are_refused_and_nothing_is_written(ws, decide):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    ledgers = {name: (ws / "prototypes" / name).read_bytes() for name in ("effort.jsonl", "evidence.jsonl")}
    for args, message in (
        (("effort", "log", "P1", "3", "--date", tomorrow), "in the future"),
        (("iterate", "P1", "--reason", "more", "--deadline", "2020-01-01"), "has passed already"),
        # Recorded late, a verdict still sets a deadline to come: one passed since that day makes the card overdue.
        (("iterate", "P1", "--reason", "more", "--as-of", "2020-01-01", "--deadline", "2020-01-08"),
         "has passed already"),
        (("proto", "new", "Late", "--deadline", "2020-01-01"), "before the card starts"),
        # A verdict judged on a day to come would record a recommendation nobody could have seen.
        (("keep", "P3", "--reason", "users will ask", "--as-of", tomorrow), "as-of " + tomorrow + " is in the future"),
        (("iterate", "P1", "--reason", "more", "--as-of", tomorrow), "is in the future"),
        (("discard", "P2", "--reason", "stuck", "--as-of", tomorrow), "is in the future"),
    ):
        result = decide(*args, cwd=ws)
        assert result.exit_code == 2 and message in result.stderr, args
    assert {name: (ws / "prototypes" / name).read_bytes() for name in ledgers} == ledgers
    assert not (ws / "prototypes/verdicts.jsonl").exists()
    assert not list((ws / "prototypes").glob("0004-*"))
