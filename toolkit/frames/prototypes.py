"""The prototypes and criteria frames: one row per card, one row per criterion on a card."""

from __future__ import annotations

import pandas as pd

from toolkit.actions.prototypes import summary
from toolkit.actions.triage import Records, shown_value
from toolkit.judge.merit import state_of
from toolkit.workspace import Workspace

PROTOTYPE_COLUMNS = [
    "prototype", "ref", "title", "status", "owner", "started", "deadline", "branch", "decisions",
    "criteria", "path", "hypothesis", "criteria_hash",
]
CRITERIA_COLUMNS = [
    "prototype", "ref", "title", "status", "criterion", "metric", "target", "kill", "must", "weight",
    "aggregate", "evidence", "latest", "value", "state",
]


def dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def prototypes_frame(ws: Workspace, records: Records) -> pd.DataFrame:
    rows = [
        {**summary(ws, card), "hypothesis": card.hypothesis, "criteria_hash": card.criteria_hash}
        for card in records.cards
    ]
    return dates(pd.DataFrame(rows, columns=PROTOTYPE_COLUMNS), "started", "deadline")


def criteria_frame(records: Records) -> pd.DataFrame:
    evidence = records.evidence_by_prototype()
    rows = []
    for card in records.cards:
        mine = sorted(evidence.get(card.number, []), key=lambda e: e.id)
        for criterion in card.criteria:
            values = [e.value for e in mine if e.criterion == criterion.id]
            state = state_of(criterion, values)
            rows.append({
                "prototype": card.number,
                "ref": card.ref,
                "title": card.title,
                "status": card.status,
                "criterion": criterion.id,
                "metric": criterion.metric,
                "target": str(criterion.target),
                "kill": str(criterion.kill) if criterion.kill is not None else None,
                "must": criterion.must,
                "weight": criterion.weight,
                "aggregate": criterion.aggregate,
                "evidence": len(values),
                "latest": shown_value(values[-1]) if values else None,
                "value": shown_value(state.value),
                "state": state.state,
            })
    return pd.DataFrame(rows, columns=CRITERIA_COLUMNS)
