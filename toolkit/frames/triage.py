"""The triage, sunk-cost and audit frames: the same numbers `decide triage` and `decide audit` print."""

from __future__ import annotations

import pandas as pd

from toolkit.actions.triage import Triage, prototype_row, warning_rows
from toolkit.frames.prototypes import dates
from toolkit.judge.audit import Audit
from toolkit.workspace import Workspace

TRIAGE_COLUMNS = [
    "prototype", "ref", "title", "status", "owner", "started", "deadline", "branch", "decisions", "criteria",
    "path", "hypothesis", "merit", "coverage", "recommendation", "reason", "met", "unmet", "killed",
    "unmeasured", "criteria_hash",
]
SUNK_COST_COLUMNS = ["prototype", "ref", "title", "kind", "hours", "criteria", "message"]
AUDIT_COLUMNS = ["quartile", "min_hours", "max_hours", "verdicts", "overrides_toward_keep", "rate"]


def triage_frame(ws: Workspace, result: Triage) -> pd.DataFrame:
    frame = pd.DataFrame([prototype_row(ws, row) for row in result.rows], columns=TRIAGE_COLUMNS)
    frame = dates(frame, "started", "deadline")
    frame.attrs["as_of"] = result.as_of.isoformat()
    return frame


def sunk_cost_frame(result: Triage) -> pd.DataFrame:
    frame = pd.DataFrame(warning_rows(result), columns=SUNK_COST_COLUMNS)
    frame.attrs["as_of"] = result.as_of.isoformat()
    return frame


def audit_frame(audit: Audit) -> pd.DataFrame:
    rows = [{c: getattr(r, c) for c in AUDIT_COLUMNS} for r in audit.rows]
    frame = pd.DataFrame(rows, columns=AUDIT_COLUMNS)
    frame.attrs["conclusion"] = audit.conclusion
    return frame
