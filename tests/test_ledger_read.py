"""The JSONL ledgers: one-line appends, refusals that write nothing, tolerant reading, merges."""

from __future__ import annotations

import json

import pytest

from conftest import git
from toolkit.actions import ledgers, prototypes
from toolkit.records import ledger
from toolkit.records.ledger import Effort, Evidence
from toolkit.workspace import open_workspace

CARD = '---\ntitle: Ingest\ncriteria:\n  - id: p99\n    target: "<= 200"\n  - id: works\n    target: "yes"\n---\n'


@pytest.fixture
def ws(repo):
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    return open_workspace(repo)


def lines(path):
    return path.read_text().splitlines()


def test_evidence_line_has_id_time_and_criteria_hash(ws, decide):
    result = decide("evidence", "add", "P1", "p99", "180", "--unit", "ms", "--source", "bench/run-3.txt",
                    "--note", "peak", "--by", "ana", cwd=ws.root)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in lines(ws.evidence_ledger)]
    card = prototypes.load(ws, 1)
    assert record["prototype"] == 1 and record["criterion"] == "p99" and record["value"] == 180
    assert record["unit"] == "ms" and record["source"] == "bench/run-3.txt" and record["by"] == "ana"
    assert record["criteria_hash"] == card.criteria_hash
    assert record["at"][:4].isdigit() and record["at"][-6] in "+-"
    assert len(record["id"]) == 26
    assert result.stdout == f"P1: recorded p99 = 180 ms ({record['id']})\n"  # the value as it was measured
    plain = decide("evidence", "add", "P1", "p99", "175", cwd=ws.root)
    assert plain.stdout == f"P1: recorded p99 = 175 ({json.loads(lines(ws.evidence_ledger)[-1])['id']})\n"


def test_a_source_path_is_taken_from_the_folder_it_was_typed_in(ws, decide):
    # Typed in bench/run7, `--source results.csv` was stored as typed and read from the root: the report
    # linked an unrelated results.csv there.
    run = ws.root / "bench" / "run7"
    run.mkdir(parents=True)
    (run / "results.csv").write_text("p99=180\n")
    (ws.root / "results.csv").write_text("p99=900, an old unrelated run\n")
    for source in ("results.csv", "./../../results.csv", "https://ci.example.com/run/7", "the dashboard",
                   "../../../../etc/passwd"):  # out of the workspace: its path from the root, as every other
        assert decide("evidence", "add", "P1", "p99", "180", "--source", source, cwd=run).exit_code == 0
    assert decide("evidence", "add", "P1", "p99", "180", "--source", "results.csv", cwd=ws.root).exit_code == 0
    stored = [json.loads(line)["source"] for line in lines(ws.evidence_ledger)]
    assert stored == ["bench/run7/results.csv", "results.csv", "https://ci.example.com/run/7", "the dashboard",
                      "../../etc/passwd", "results.csv"]
    # Named from bench, it is no file there: the root's file of that name is not taken for it.
    refused = decide("evidence", "add", "P1", "p99", "180", "--source", "results.csv", cwd=run.parent)
    assert refused.exit_code == 2 and len(lines(ws.evidence_ledger)) == 6
    assert refused.stderr == ("error: --source results.csv names no file in bench; give the path from here "
                              "(../results.csv for the one at the workspace root)\n")
    report = decide("report", "weekly", cwd=run)
    assert report.exit_code == 0, report.output
    html = (run / report.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    assert 'href="../bench/run7/results.csv"' in html


def test_effort_line(ws, decide):
    assert decide("effort", "log", "P-0001", "2.5", "--date", "2026-11-20", "--by", "ben", "--note", "setup", cwd=ws.root).exit_code == 0
    (record,) = [json.loads(line) for line in lines(ws.effort_ledger)]
    assert record["hours"] == 2.5 and record["date"] == "2026-11-20" and record["prototype"] == 1


def test_one_hour_logged_is_said_as_one_hour(ws, decide):
    logged = decide("effort", "log", "P1", "1", "--date", "2026-11-20", cwd=ws.root)
    assert logged.exit_code == 0 and "P1: logged 1 hour on 2026-11-20 (" in logged.stdout, logged.output
    shown = decide("proto", "show", "P1", cwd=ws.root)
    assert "effort logged: 1 hour (not used to judge)" in shown.stdout, shown.output


@pytest.mark.parametrize(
    "args, message",
    [
        (("evidence", "add", "P1", "throughput", "5"), "has no criterion 'throughput' (criteria: p99, works)"),
        (("evidence", "add", "P1", "p99", "fast"), "'fast' is not a finite number"),
        (("evidence", "add", "P1", "p99", "NaN"), "not a finite number"),
        (("evidence", "add", "P1", "p99", "inf"), "not a finite number"),
        (("evidence", "add", "P1", "p99", "1_000"), "not a finite number"),
        (("evidence", "add", "P1", "p99", "١٢٣"), "ASCII"),
        (("evidence", "add", "P1", "works", "maybe"), "must be yes or no"),
        (("effort", "log", "P1", "--", "-3"), "must not be negative"),
        (("effort", "log", "P1", "0"), "more than 0"),
        (("effort", "log", "P1", "nan"), "not a finite number"),
        (("effort", "log", "P1", "inf"), "not a finite number"),
        (("effort", "log", "P1", "3", "--date", "yesterday"), "not a date"),
        (("effort", "log", "P1", "3", "--date", "2026-02-30"), "not a date"),
        (("effort", "log", "P9", "3"), "no prototype P9"),
        (("effort", "log", "P1", "10000.5", "--force"), "more than one entry may hold (10,000 hours), even with"),
        (("effort", "log", "P1", "1.7e308", "--force"), "more than one entry may hold (10,000 hours), even with"),
    ],
)
def test_refused_entries_write_nothing(ws, decide, args, message):
    result = decide(*args, cwd=ws.root)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not ws.evidence_ledger.exists() and not ws.effort_ledger.exists()


def test_append_does_not_read_the_ledger(ws, decide):
    # A ledger full of garbage and a torn tail still takes a new line, and keeps every old byte.
    ws.effort_ledger.write_bytes(b"not json\n\xff\xfe binary\n{\"id\": \"torn")
    before = ws.effort_ledger.read_bytes()
    assert decide("effort", "log", "1", "4", cwd=ws.root).exit_code == 0
    after = ws.effort_ledger.read_bytes()
    assert after.startswith(before + b"\n")
    assert json.loads(after.splitlines()[-1])["hours"] == 4


def _effort_line(**fields):
    record = {"id": "01AAAAAAAAAAAAAAAAAAAAAAAA", "at": "2026-11-20T10:00:00+01:00", "prototype": 1,
              "hours": 1, "date": "2026-11-20"}
    record.update(fields)
    return json.dumps(record)


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "x", "hours": NaN}', "NaN is not a number"),
        ('{"id": "x", "hours": Infinity}', "Infinity is not a number"),
        (_effort_line(hours=1e400).replace("Infinity", "1e400"), "not finite"),
        (_effort_line(hours=-1), "must not be negative"),
        (_effort_line(date="20/11/2026"), "is not YYYY-MM-DD"),
        (_effort_line(date="0001-01-01"), "date '0001-01-01' is outside the days decisionbook takes"),
        (_effort_line(at="0001-01-01T00:00:00+00:00"), "is outside the days decisionbook takes"),
        (_effort_line(hours=1.7e308), "hours 1.7e+308 is more than one entry may hold (10,000 hours)"),
        (_effort_line(at="2026-11-20T10:00:00"), "no UTC offset"),
        (_effort_line(prototype="7"), "prototype must be a whole number"),
        ("[1, 2]", "must be a JSON object"),
        (_effort_line(at=5), "at must be text"),
        (_effort_line(at=None).replace('"at": null, ', ""), "at is missing"),
        (_effort_line(hours=None).replace('"hours": null, ', ""), "hours is missing"),
        (_effort_line(prototype=None).replace('"prototype": null, ', ""), "prototype is missing"),
        (_effort_line(hours=10**400), "is not finite"),
        (_effort_line().replace('"hours": 1', '"hours": ' + "9" * 5000), "not a ledger line"),
        ("[" * 100_000 + "]" * 100_000, "not a ledger line"),
        (_effort_line(hours="3"), "hours must be a number"),
        ("{bad json", "not valid JSON"),
    ],
)
def test_bad_lines_are_reported_with_their_line_and_the_rest_loads(line, message):
    good = [_effort_line(id=f"01AAAAAAAAAAAAAAAAAAAAAAA{i}") for i in range(3)]
    data = "\n".join([good[0], good[1], line, good[2]]) + "\n"
    read = ledger.parse_lines(data.encode(), Effort, "prototypes/effort.jsonl")
    assert [e.id[-1] for e in read.entries] == ["0", "1", "2"]
    (problem,) = read.problems
    assert str(problem).startswith("prototypes/effort.jsonl:3: error: ")
    assert message in problem.message


def test_non_ascii_digits_in_a_line_are_refused():
    line = '{"id": "a", "at": "2026-11-20T10:00:00+00:00", "prototype": 1, "criterion": "p99", "value": ١٢}'
    read = ledger.parse_lines(line.encode() + b"\n", Evidence, "e.jsonl")
    assert read.entries == () and len(read.problems) == 1


def test_torn_last_line_is_named():
    data = (_effort_line() + "\n" + '{"id": "01B", "at": "2026').encode()
    read = ledger.parse_lines(data, Effort, "prototypes/effort.jsonl")
    assert len(read.entries) == 1
    assert read.problems[0].line == 2 and "torn last line" in read.problems[0].message


def test_duplicates_from_union_merges_are_read_once_and_unknown_fields_kept():
    line = _effort_line(mood="tired")
    read = ledger.parse_lines(f"{line}\n{line}\n".encode(), Effort, "e.jsonl")
    assert len(read.entries) == 1 and read.problems == ()
    assert read.entries[0].extra == {"mood": "tired"}
    assert json.loads(read.entries[0].to_json())["mood"] == "tired"
    clash = ledger.parse_lines(f"{line}\n{_effort_line(hours=9)}\n".encode(), Effort, "e.jsonl")
    assert len(clash.entries) == 1 and "already used on line 1" in clash.problems[0].message


def test_ids_sort_by_time_and_are_unique():
    ids = [ledger.new_id() for _ in range(2000)]
    assert len(set(ids)) == 2000
    import time

    first = ledger.new_id()
    time.sleep(0.002)
    assert ledger.new_id() > first


def test_check_names_a_malformed_middle_line_and_loses_nothing(ws, decide, decide_process):
    for value in ("150", "170"):
        decide("evidence", "add", "P1", "p99", value, cwd=ws.root)
    good = lines(ws.evidence_ledger)
    ws.evidence_ledger.write_text(good[0] + "\n" + '{"id": "01C", "value": NaN,\n' + good[1] + "\n")
    before = ws.evidence_ledger.read_bytes()
    result = decide_process("check", cwd=ws.root)
    assert result.exit_code == 1, result.output
    assert "prototypes/evidence.jsonl:2: error:" in result.stdout
    triage = json.loads(decide("triage", "--format", "json", cwd=ws.root).stdout)
    (row,) = triage["prototypes"]
    assert row["states"][0]["evidence"] == 2 and row["states"][0]["value"] == 170
    assert ws.evidence_ledger.read_bytes() == before


def test_prototype_findings_list_every_bad_line(ws):
    from toolkit.actions.prototype_lint import findings

    ws.effort_ledger.write_text("nope\n" + _effort_line() + "\n{}\n")
    shown = [str(f) for f in findings(ws)]
    assert "prototypes/effort.jsonl:1: error: not valid JSON (Expecting value)" in shown
    assert any(s.startswith("prototypes/effort.jsonl:3: error:") for s in shown)


def test_two_branches_append_evidence_and_merge_without_conflict(ws, decide):
    root = ws.root
    assert ".gitattributes" in git(root, "ls-files")
    decide("evidence", "add", "P1", "p99", "250", cwd=root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "card and first evidence")
    git(root, "checkout", "-q", "-b", "other")
    decide("evidence", "add", "P1", "p99", "190", cwd=root)
    git(root, "commit", "-q", "-am", "evidence on other")
    git(root, "checkout", "-q", "main")
    decide("evidence", "add", "P1", "works", "yes", cwd=root)
    git(root, "commit", "-q", "-am", "evidence on main")
    git(root, "merge", "-q", "--no-edit", "other")
    text = ws.evidence_ledger.read_text()
    assert "<<<<<<<" not in text and len(text.splitlines()) == 3
    read = ledgers.read_evidence(ws)
    assert read.problems == ()
    assert sorted((e.criterion, e.value) for e in read.entries) == [("p99", 190.0), ("p99", 250.0), ("works", True)]
    # The same line arriving from both sides is counted once.
    ws.evidence_ledger.write_text(text + text.splitlines()[0] + "\n")
    assert len(ledgers.read_evidence(ws).entries) == 3


def test_lines_as_decide_writes_them_with_days_or_hours_beyond_reason_are_named_and_not_counted(ws, decide):
    """Lines written before such input was refused: the fast reading of written lines checks them too."""
    assert decide("evidence", "add", "P1", "p99", "150", "--measured", "2026-11-02", cwd=ws.root).exit_code == 0
    assert decide("effort", "log", "P1", "2", "--date", "2026-11-02", cwd=ws.root).exit_code == 0
    changes = ((ws.evidence_ledger, '"2026-11-02"', '"0001-01-01"'),
               (ws.effort_ledger, '"hours": 2.0', '"hours": 1.7e308'))
    for path, old, new in changes:
        (line,) = lines(path)
        path.write_text(line + "\n" + line.replace(old, new).replace(line[8:34], "01BBBBBBBBBBBBBBBBBBBBBBBB") + "\n")
    for args in (("evidence", "list"), ("effort", "list")):
        listed = decide(*args, "--format", "json", cwd=ws.root)
        assert len(json.loads(listed.stdout)) == 1, args
    checked = decide("check", cwd=ws.root)
    assert checked.exit_code == 1
    outside = "prototypes/evidence.jsonl:2: error: measured '0001-01-01' is outside the days decisionbook takes"
    assert outside in checked.stdout
    assert "prototypes/effort.jsonl:2: error: hours 1.7e+308 is more than one entry may hold" in checked.stdout
    shown = decide("proto", "show", "1", cwd=ws.root)
    assert shown.exit_code == 0 and "effort logged: 2 hours" in shown.stdout


def test_a_ledger_saved_with_a_bom_keeps_its_first_line(ws, decide):
    """An editor that saves UTF-8 with a byte order mark (Notepad, PowerShell 5) puts it before the first line."""
    for value in ("150", "170"):
        decide("evidence", "add", "P1", "p99", value, cwd=ws.root)
    decide("effort", "log", "P1", "3", cwd=ws.root)
    for path in (ws.evidence_ledger, ws.effort_ledger):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    checked = decide("check", cwd=ws.root)
    assert ".jsonl" not in checked.output and checked.exit_code == 0, checked.output
    listed = json.loads(decide("evidence", "list", "--format", "json", cwd=ws.root).stdout)
    assert [row["value"] for row in listed] == [150, 170]
    assert decide("proto", "show", "P1", cwd=ws.root).stdout.endswith("effort logged: 3 hours (not used to judge)\n")
    assert decide("evidence", "add", "P1", "p99", "160", cwd=ws.root).exit_code == 0
    (row,) = json.loads(decide("triage", "--format", "json", cwd=ws.root).stdout)["prototypes"]
    assert row["states"][0]["evidence"] == 3 and row["states"][0]["value"] == 160
