"""The evidence, effort and verdict frames: one row per ledger entry, duplicates already removed."""

from __future__ import annotations

import pandas as pd

from toolkit.actions.triage import Records, shown_value
from toolkit.judge.sunkcost import is_override, toward_keep
from toolkit.records import columns

EVIDENCE_COLUMNS = ["id", "at", "prototype", "criterion", "value", "unit", "source", "note", "by", "criteria_hash", "criterion_hash"]
EFFORT_COLUMNS = ["id", "at", "prototype", "hours", "date", "by", "note"]
VERDICT_COLUMNS = ["id", "at", "prototype", "verdict", "reason", "recommendation", "merit", "override", "toward_keep", "criteria_hash", "by"]


def _columns(entries, names: list[str]) -> dict[str, list]:
    # Column by column: far faster than a dict per row at 20,000 rows.
    return {name: columns.column(entries, name) for name in names}


def _at(frame: pd.DataFrame) -> pd.DataFrame:
    frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
    return frame


def evidence_frame(records: Records) -> pd.DataFrame:
    columns = _columns(records.evidence, EVIDENCE_COLUMNS)
    columns["value"] = list(map(shown_value, columns["value"]))
    return _at(pd.DataFrame(columns, columns=EVIDENCE_COLUMNS))


def effort_frame(records: Records) -> pd.DataFrame:
    frame = pd.DataFrame(_columns(records.effort, EFFORT_COLUMNS), columns=EFFORT_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    frame["hours"] = frame["hours"].astype(float)
    return _at(frame)


def verdicts_frame(records: Records) -> pd.DataFrame:
    plain = [c for c in VERDICT_COLUMNS if c not in ("override", "toward_keep")]
    columns = _columns(records.verdicts, plain)
    columns["override"] = [is_override(v.verdict, v.recommendation) for v in records.verdicts]
    columns["toward_keep"] = [toward_keep(v.verdict, v.recommendation) for v in records.verdicts]
    return _at(pd.DataFrame(columns, columns=VERDICT_COLUMNS))
