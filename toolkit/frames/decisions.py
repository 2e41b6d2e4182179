"""The decisions frame: one row per ADR, as `decide adr list --format json` gives it."""

from __future__ import annotations

import pandas as pd

from toolkit.actions.adrs import decision_row, load_decisions
from toolkit.workspace import Workspace

DECISION_COLUMNS = [
    "number", "key", "title", "status", "status_raw", "date", "path", "form", "superseded_by", "supersedes",
    "links", "decision_makers", "consulted", "informed", "prototypes", "data_change",
]


def decisions_frame(ws: Workspace) -> pd.DataFrame:
    rows = [decision_row(ws, record) for record in load_decisions(ws).records]
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=DECISION_COLUMNS)
