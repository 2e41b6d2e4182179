"""The effort-blind judgement: the worked example of every recommendation, and effort-blindness as a property."""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import json
import tempfile
from pathlib import Path

import pytest
from conftest import from_today
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toolkit.judge.merit as merit
from toolkit.actions.triage import triage
from toolkit.records import ledger
from toolkit.records.ledger import Effort, Evidence
from toolkit.workspace import init, open_workspace

AS_OF = from_today(30)  # after everything the tests record now, so all of it counts as of it


def _setup(decide, root, title, deadline, criteria, evidence):
    path = decide("proto", "new", title, "--deadline", deadline, cwd=root).stdout.strip()
    number = int(Path(path).name[:4])
    for args in criteria:
        assert decide("criterion", "add", number, *args, cwd=root).exit_code == 0
    for criterion, value in evidence:
        assert decide("evidence", "add", number, criterion, value, cwd=root).exit_code == 0
    return f"P{number}"


def test_worked_example_one_prototype_per_case(repo, decide):
    killed = _setup(decide, repo, "Kafka ingest", from_today(64),
                    [("p99", "--target", "<= 200", "--kill", "> 500", "--must"), ("cost", "--target", "< 100")],
                    [("p99", "612"), ("cost", "40")])
    kept = _setup(decide, repo, "Edge cache", from_today(64),
                  [("hit-rate", "--target", ">= 0.9", "--must", "--weight", "2"), ("simple", "--target", "yes"),
                   ("cost", "--target", "< 100")],
                  [("hit-rate", "0.93"), ("simple", "yes")])
    empty = _setup(decide, repo, "New search", from_today(64), [("recall", "--target", ">= 0.8")], [])
    late = _setup(decide, repo, "Old importer", from_today(23),
                  [("rows-per-s", "--target", ">= 1000", "--must"), ("errors", "--target", "== 0")],
                  [("rows-per-s", "400"), ("errors", "0")])
    partial = _setup(decide, repo, "Dark mode", from_today(64),
                     [("nps", "--target", ">= 30", "--must"), ("a11y", "--target", "yes")], [("a11y", "yes")])
    result = decide("triage", "--as-of", AS_OF, "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    rows = {r["ref"]: r for r in json.loads(result.stdout)["prototypes"]}

    assert rows[killed]["recommendation"] == "discard"
    assert rows[killed]["reason"] == "kill condition crossed: p99 is 612, kill > 500"
    assert [s["state"] for s in rows[killed]["states"]] == ["killed", "met"]

    assert rows[kept]["recommendation"] == "keep"
    assert rows[kept]["merit"] == 0.75 and rows[kept]["coverage"] == 0.75
    assert rows[kept]["reason"] == "all must-haves met (hit-rate), merit 0.75 >= 0.70 (met: hit-rate, simple)"

    assert rows[empty]["recommendation"] == "needs-evidence"
    assert rows[empty]["reason"] == "nothing measured yet: recall"
    assert rows[empty]["coverage"] == 0

    assert rows[late]["recommendation"] == "discard"
    assert rows[late]["reason"] == f"deadline {from_today(23)} passed with must-have not met: rows-per-s"

    assert rows[partial]["recommendation"] == "iterate"
    assert rows[partial]["reason"] == "must-have not yet measured: nps; merit 0.50 < 0.70; unmeasured: nps"
    assert [s["state"] for s in rows[partial]["states"]] == ["unmeasured", "met"]

    # The same late prototype, judged before its deadline, is only iterated.
    before = json.loads(decide("triage", "--as-of", from_today(22), "--format", "json", cwd=repo).stdout)
    assert {r["ref"]: r["recommendation"] for r in before["prototypes"]}[late] == "iterate"


def test_the_reason_names_unmet_and_unmeasured_must_haves_apart_as_the_counts_count_them(repo, decide):
    ref = _setup(decide, repo, "Polling relay", from_today(64),
                 [("lag", "--target", "<= 500", "--kill", "> 2000", "--must", "--weight", "2"),
                  ("db-cpu", "--target", "< 5", "--kill", "> 20"), ("lost", "--target", "== 0", "--must"),
                  ("docs", "--target", "yes")],
                 [("lag", "650"), ("db-cpu", "12")])
    (row,) = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=repo).stdout)["prototypes"]
    assert row["ref"] == ref and row["recommendation"] == "iterate"
    assert row["reason"] == ("must-have not met: lag; must-have not yet measured: lost; merit 0.00 < 0.70; "
                             "unmet: lag, db-cpu; unmeasured: lost, docs")
    listed = dict(part.split(": ", 1) for part in row["reason"].split("; ") if ": " in part)
    for state in ("unmet", "unmeasured"):
        named = listed[state].split(", ")
        assert len(named) == row[state] and named == [s["criterion"] for s in row["states"] if s["state"] == state]
    # Past the deadline the discard says which must-haves were measured and which never were.
    later = json.loads(decide("triage", "--as-of", from_today(69), "--format", "json", cwd=repo).stdout)["prototypes"]
    assert later[0]["reason"] == (f"deadline {from_today(64)} passed with must-have not met: lag; "
                                  "must-have not yet measured: lost")


def test_latest_is_the_value_measured_last_not_the_one_recorded_last(repo, decide):
    """A figure backfilled with --measured for an earlier day does not replace a newer one; values of one
    day count in the order recorded (by id); as of a day, what was recorded after it is not yet known."""
    ref = _setup(decide, repo, "Lag probe", from_today(64), [("lag", "--target", "<= 500", "--kill", "> 2000"),
                                                           ("p50", "--target", "<= 100", "--aggregate", "max")], [])
    ws = open_workspace(repo)

    def add(ident, day, at, value, measured=None, criterion="lag"):
        ledger.append(ws.evidence_ledger, Evidence(ident, f"{from_today(day)}T{at}+00:00", 1, criterion, float(value),
                                                   unit="ms", measured=measured))

    # Recorded 25, 33 and 34 days from today, all after the card was made today.
    add("01H001", 25, "09:00:00", 700)
    add("01H002", 33, "10:00:00", 450)
    add("01H003", 33, "10:05:00", 900, from_today(23))  # recorded last, measured before both
    add("01H004", 33, "11:00:00", 90, criterion="p50")
    add("01H005", 33, "11:00:00", 95, from_today(24), criterion="p50")

    def states(day):
        (row,) = json.loads(decide("triage", "--as-of", day, "--format", "json", cwd=repo).stdout)["prototypes"]
        assert row["ref"] == ref
        return {s["criterion"]: (s["value"], s["evidence"], s["state"]) for s in row["states"]}

    assert states(from_today(33))["lag"] == (450, 3, "met")
    assert states(from_today(33))["p50"] == (95, 2, "met")  # max: the order does not matter
    assert states(from_today(32))["lag"] == (700, 1, "unmet")  # 450 and 900 were recorded on the day after
    add("01H006", 33, "12:00:00", 480)  # the same day as 450, recorded after it
    add("01H007", 34, "08:00:00", 300, from_today(33))  # a later id, measured on that day too
    assert states(from_today(33))["lag"] == (480, 4, "met")
    assert states(from_today(34))["lag"] == (300, 5, "met")
    # The frames and the weekly report take the same order.
    import toolkit

    book = toolkit.open_workspace(repo)
    criteria = book.criteria().set_index("criterion")
    assert criteria.loc["lag", "latest"] == 300 and criteria.loc["lag", "value"] == 300
    (section,) = book.weekly(from_today(34)).sections
    assert {c["criterion"]: c["value"] for c in section["criteria"]}["lag"] == 300


def test_a_value_that_meets_the_target_is_met_even_where_an_overlapping_kill_holds():
    from toolkit.records.criteria import parse_expr
    from toolkit.records.prototype import Criterion

    small = Criterion("small", parse_expr("<= 5"), parse_expr("< 10"))
    assert [merit.state_of(small, [v]).state for v in (3, 5, 7, 12)] == ["met", "met", "killed", "unmet"]
    flag = Criterion("flag", parse_expr("yes"), parse_expr("yes"))
    assert [merit.state_of(flag, [v]).state for v in (True, False)] == ["met", "unmet"]


def test_table_output_shows_states_and_reason(repo, decide):
    _setup(decide, repo, "Kafka ingest", from_today(64), [("p99", "--target", "<= 200", "--kill", "> 500")],
           [("p99", "612")])
    out = decide("triage", "--as-of", AS_OF, cwd=repo).stdout
    assert "P1  Kafka ingest  ->  discard  (merit 0.00, coverage 1.00)" in out
    assert "kill condition crossed: p99 is 612, kill > 500" in out
    assert "killed" in out


def test_keep_threshold_comes_from_config(repo, decide):
    (repo / "decisionbook.toml").write_text("[triage]\nkeep_threshold = 0.5\n")
    ref = _setup(decide, repo, "Half", from_today(64), [("a", "--target", "> 1"), ("b", "--target", "> 1")],
                 [("a", "2"), ("b", "0")])
    rows = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=repo).stdout)["prototypes"]
    assert rows[0]["ref"] == ref and rows[0]["recommendation"] == "keep"


def test_aggregates(repo, decide):
    _setup(decide, repo, "Agg", from_today(64),
           [("last", "--target", "< 10"), ("med", "--target", "< 10", "--aggregate", "median"),
            ("top", "--target", "< 10", "--aggregate", "max"), ("avg", "--target", "< 10", "--aggregate", "mean")],
           [(c, v) for c in ("last", "med", "top", "avg") for v in ("30", "4", "5")])
    (row,) = json.loads(decide("triage", "--as-of", AS_OF, "--format", "json", cwd=repo).stdout)["prototypes"]
    assert {s["criterion"]: s["value"] for s in row["states"]} == {"last": 5, "med": 5, "top": 30, "avg": 13}
    assert {s["criterion"]: s["state"] for s in row["states"]} == {"last": "met", "med": "met", "top": "unmet", "avg": "unmet"}
    # The weekly report says which of the entries' values it judged, beside the value.
    import toolkit

    (card,) = toolkit.open_workspace(repo).weekly(AS_OF).sections
    shown = {c["criterion"]: c["value_shown"] for c in card["criteria"]}
    assert shown == {"last": "5", "med": "5 (median of 3)", "top": "30 (max of 3)", "avg": "13 (mean of 3)"}


def test_the_judging_function_has_no_way_to_see_effort():
    assert list(inspect.signature(merit.judge).parameters) == ["criteria", "evidence", "as_of", "deadline", "keep_threshold"]
    tree = ast.parse(inspect.getsource(merit))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names]
    imported += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [name for name in imported if "effort" in name.lower() or name == "Effort"]
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    names |= {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    assert not [name for name in names if "effort" in name.lower() or "hour" in name.lower()]


# --- effort-blindness as a property -------------------------------------------------------------

OPS = st.sampled_from(["<", "<=", ">", ">=", "=="])
criterion_st = st.fixed_dictionaries({
    "op": OPS,
    "number": st.integers(-5, 5),
    "kill": st.none() | st.tuples(OPS, st.integers(-5, 5)),
    "must": st.booleans(),
    "weight": st.integers(1, 3),
    "aggregate": st.sampled_from(["latest", "median", "min", "max", "mean"]),
    "values": st.lists(st.integers(-6, 6), max_size=3),
})
prototype_st = st.fixed_dictionaries({
    "criteria": st.lists(criterion_st, max_size=3),
    "deadline": st.none() | st.integers(-10, 10),
    "hours": st.lists(st.floats(0.25, 200, allow_nan=False), max_size=4),
})
effort_change_st = st.sampled_from(["add", "remove", "scale", "clear"])


def _write_workspace(root: Path, prototypes, as_of: dt.date):
    ws = open_workspace(init(root).workspace.root)
    evidence_lines, effort_lines = [], []
    week_before = as_of - dt.timedelta(days=7)  # recorded before the day judged, so the evidence counts
    for number, spec in enumerate(prototypes, start=1):
        lines = ["---", f"title: Prototype {number}"]
        if spec["deadline"] is not None:
            lines.append(f"deadline: {as_of + dt.timedelta(days=spec['deadline'])}")
        lines.append("criteria:" if spec["criteria"] else "criteria: []")
        for i, c in enumerate(spec["criteria"]):
            lines += [f"  - id: c{i}", f'    target: "{c["op"]} {c["number"]}"', f"    must: {str(c['must']).lower()}",
                      f"    weight: {c['weight']}", f"    aggregate: {c['aggregate']}"]
            if c["kill"]:
                lines.append(f'    kill: "{c["kill"][0]} {c["kill"][1]}"')
            for k, value in enumerate(c["values"]):
                evidence_lines.append(Evidence(f"01E{number:04d}{i}{k:03d}", f"{week_before}T10:00:00+00:00", number,
                                               f"c{i}", float(value)))
        (ws.proto_dir / f"{number:04d}-p.md").write_text("\n".join(lines + ["---", ""]))
        for k, hours in enumerate(spec["hours"]):
            effort_lines.append(Effort(f"01F{number:04d}{k:03d}", f"{week_before}T10:00:00+00:00", number, hours,
                                       week_before.isoformat()))
    for entry in evidence_lines:
        ledger.append(ws.evidence_ledger, entry)
    return ws, effort_lines


def _judgements(ws, as_of):
    result = triage(ws, as_of)
    assert result.problems == ()
    return [(r.card.number, r.judgement.recommendation, r.judgement.merit, r.judgement.coverage, r.judgement.reason,
             tuple((s.criterion.id, s.state, s.value) for s in r.judgement.states)) for r in result.rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prototypes=st.lists(prototype_st, min_size=1, max_size=4), changes=st.lists(effort_change_st, min_size=1, max_size=3),
       factor=st.floats(0.01, 100, allow_nan=False), extra=st.floats(0.25, 10_000, allow_nan=False))
def test_changing_only_effort_never_changes_a_judgement(prototypes, changes, factor, extra):
    as_of = dt.date(2026, 11, 27)
    with tempfile.TemporaryDirectory() as tmp:
        ws, effort = _write_workspace(Path(tmp), prototypes, as_of)
        for entry in effort:
            ledger.append(ws.effort_ledger, entry)
        before = _judgements(ws, as_of)
        for change in changes:
            if change == "add":
                day = (as_of - dt.timedelta(days=6)).isoformat()
                effort.append(Effort(ledger.new_id(), ledger.now(), 1, extra, day))
            elif change == "remove" and effort:
                effort.pop(0)
            elif change == "scale":
                # At most what one entry may hold: more is a bad line, which triage reports.
                effort = [Effort(e.id, e.at, e.prototype, min(e.hours * factor, ledger.MAX_HOURS), e.date)
                          for e in effort]
            elif change == "clear":
                effort = []
            ws.effort_ledger.write_text("".join(e.to_json() + "\n" for e in effort))
            assert _judgements(ws, as_of) == before


def test_values_near_the_largest_float_aggregate_without_overflow(repo, decide):
    _setup(decide, repo, "Huge", from_today(64),
           [("avg", "--target", "<= 10", "--aggregate", "mean"), ("med", "--target", "<= 10", "--aggregate", "median")],
           [(c, v) for c in ("avg", "med") for v in ("1e308", "1.7e308")])

    def no_constants(name):
        raise AssertionError(f"{name} is not JSON")

    result = decide("triage", "--as-of", AS_OF, "--format", "json", cwd=repo)
    assert result.exit_code == 0, result
    (row,) = json.loads(result.stdout, parse_constant=no_constants)["prototypes"]
    assert {s["criterion"]: s["value"] for s in row["states"]} == {"avg": 1.35e308, "med": 1.35e308}
    assert {s["state"] for s in row["states"]} == {"unmet"}
    assert decide("proto", "show", "P1", "--as-of", AS_OF, cwd=repo).exit_code == 0
    assert "recommendation at this moment: iterate" in decide("keep", "P1", "--reason", "ok", cwd=repo).stdout
    from toolkit.records.criteria import of_sorted

    assert of_sorted([-1.7e308, 1.7e308, 1.7e308], "mean") == pytest.approx(1.7e308 / 3)


@pytest.mark.parametrize("how", ["latest", "min", "max", "mean", "median"])
def test_the_weekly_reports_running_states_are_the_judgements_of_each_prefix(how):
    # The report keeps each aggregate up as entries come (a window of 40,000 took minutes re-aggregated), in the
    # order they were recorded: a value recorded late for an earlier day read as "unmet -> met", then the next
    # as "met -> unmet", where the judgement never saw the criterion met.
    from toolkit.frames.since import _running_states
    from toolkit.judge.merit import state_of, values_by_criterion
    from toolkit.records.criteria import parse_expr
    from toolkit.records.ledger import Evidence
    from toolkit.records.prototype import Criterion

    criterion = Criterion("x", parse_expr(">= 0.5"), kill=parse_expr("< 0.1"), aggregate=how)
    values = [0.6, 0.05, 0.3, 0.9, 0.55, 0.2, 0.7, 0.08, 0.52]
    measured = ["03", "05", "04", "01", "09", "06", "02", "08", "07"]  # in the order recorded: some came late
    entries = [Evidence(f"2026110{i}", f"2026-11-1{i}T09:00:00+00:00", 1, "x", value, measured=f"2026-11-{day}")
               for i, (value, day) in enumerate(zip(values, measured))]
    judged = [state_of(criterion, values_by_criterion([criterion], entries[: i + 1])["x"]).state
              for i in range(len(entries))]
    assert _running_states(criterion, entries) == judged
