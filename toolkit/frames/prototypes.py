"""The prototypes and criteria frames: one row per card, one row per criterion on a card."""

from __future__ import annotations

import pandas as pd

from toolkit.actions.prototypes import summary
from toolkit.actions.triage import Records, shown_value
from toolkit.judge.merit import state_of, values_by_criterion
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
    evidence = records.evidence_by_prototype()  # grouped once, shared with triage
    rows = []
    for card in records.cards:
        # In the order triage takes them (the day measured, then id): `latest` is the value measured last.
        values_of = values_by_criterion(card.criteria, evidence.get(card.number, ()))
        for criterion in card.criteria:
            values = values_of[criterion.id]
            state = state_of(criterion, values)
            rows.append((
                card.number,
                card.ref,
                card.title,
                card.status,
                criterion.id,
                criterion.metric,
                str(criterion.target),
                str(criterion.kill) if criterion.kill is not None else None,
                criterion.must,
                criterion.weight,
                criterion.aggregate,
                len(values),
                shown_value(values[-1]) if values else None,
                shown_value(state.value),
                state.state,
            ))
    return pd.DataFrame.from_records(rows, columns=CRITERIA_COLUMNS)
