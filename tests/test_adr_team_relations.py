"""Statuses and relations a team writes in its own words: compound status words, its own relation keys,
related-records sections that also link web pages, and a sentence that says what a record supersedes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import listed_adrs, repository_with

# An RFC as PowerShell's committee keeps them: capitalised front-matter keys, `SupercededBy` as it spells it.
RFC = ("---\nRFC: RFC{n:04d}\nAuthor: Ana Lima\nStatus: {status}\nSupercededBy: {by}\nVersion: 0.1\nArea: Engine\n"
       "Comments Due: 6/30/2019\n---\n\n# {title}\n\n## Motivation\n\nWhy {n}.\n\n## Specification\n\nWhat {n}.\n")
CONFIG = '[adr]\ndir = "."\n'


def _rfcs(tmp_path: Path, rfcs: dict[str, tuple[int, str, str]], config: str = CONFIG) -> Path:
    """A folder of RFCs (path -> number, status, SupercededBy value) with its decisionbook.toml."""
    files = {path: RFC.format(n=n, status=status, by=by, title=f"Change {n}") for path, (n, status, by) in rfcs.items()}
    return repository_with(tmp_path / "repo", {"decisionbook.toml": config, **files})


def _by_key(decide, root: Path) -> dict[str, dict]:
    return {row["key"]: row for row in listed_adrs(decide, root)}


def test_a_status_of_two_status_words_in_one_is_kept_as_written_and_warned_about(decide, tmp_path):
    root = _rfcs(tmp_path, {"2-Draft-Accepted/RFC0041-Policy.md": (41, "Draft-Accepted", "N/A"),
                            "Final/RFC0045-Ternary.md": (45, "Experimental-Accepted", "N/A")})
    listed = _by_key(decide, root)
    assert (listed["41"]["status"], listed["41"]["status_raw"]) == ("Draft-Accepted", "Draft-Accepted")
    assert listed["45"]["status"] == "Experimental-Accepted"
    checked = decide("check", cwd=root).stdout
    assert "RFC0041-Policy.md:4: warning: unknown status 'Draft-Accepted'" in checked
    assert '"draft-accepted" = "..."' in checked and '"experimental-accepted" = "..."' in checked


def test_the_mapping_an_unknown_status_warning_suggests_reads_the_status(decide, tmp_path):
    config = CONFIG + '\n[adr.statuses]\n"draft-accepted" = "accepted"\n"Experimental-Accepted" = "accepted"\n'
    root = _rfcs(tmp_path, {"2-Draft-Accepted/RFC0041-Policy.md": (41, "Draft-Accepted", "N/A"),
                            "Final/RFC0045-Ternary.md": (45, "Experimental-Accepted", "N/A")}, config)
    listed = _by_key(decide, root)
    assert [listed[key]["status"] for key in ("41", "45")] == ["accepted", "accepted"]
    assert "unknown status" not in decide("check", cwd=root).stdout
