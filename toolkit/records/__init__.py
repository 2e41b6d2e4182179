"""File formats: ADRs, prototype cards and JSONL ledgers, read tolerantly and written atomically."""
