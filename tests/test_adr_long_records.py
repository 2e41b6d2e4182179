"""Edits of long records take time in proportion to their length."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from conftest import DECIDE, repository_with

_OLD = ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nSuperseded by [2. Use Kafka](0002-use-kafka.md)\n\n"
        "## Context\n\nOrders pile up.\n")
# The successor's Status section, saying it supersedes ADR 1: as `adr status --by` writes it, or in its own words.
_SAYS = {
    "as decide wrote it": "Accepted\n\nSupersedes [1. Use a queue](0001-use-a-queue.md)\n",
    "in its own words": "Accepted (supersedes ADR-0001 for new orders)\n",
}


def _going_back(root: Path, timeout: float | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    try:
        proc = subprocess.run([DECIDE, "adr", "status", "1", "accepted", "--force", "--date", "2026-12-02"],
                              cwd=root, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"going back took over {timeout:.1f} s")
    return time.perf_counter() - start, proc


@pytest.mark.parametrize("form", _SAYS)
def test_going_back_on_a_successor_of_5000_lines_takes_time_in_proportion_to_its_length(tmp_path, form):
    # Each line naming the record's number (`Step 1`) was cut out in turn and the whole record read again, and then
    # each run of up to four lines around it: 600 lines took 20 s.
    def successor(lines: int) -> str:
        steps = "".join(f"Step 1 of rollout stage {stage}.\n" for stage in range(lines))
        return f"# 2. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\n{_SAYS[form]}\n## Context\n\n{steps}"

    roots = {}
    for lines in (1, 5000):
        roots[lines] = repository_with(tmp_path / f"repo{lines}", {
            ".adr-dir": "doc/adr\n", "doc/adr/0001-use-a-queue.md": _OLD,
            "doc/adr/0002-use-kafka.md": successor(lines)})
    short, _ = _going_back(roots[1])
    _, proc = _going_back(roots[5000], timeout=20 * short)
    assert proc.returncode == 0, proc.stderr
    after = (roots[5000] / "doc/adr/0002-use-kafka.md").read_text()
    if form == "as decide wrote it":
        assert proc.stdout.splitlines()[1:] == [
            "updated doc/adr/0002-use-kafka.md: ADR-0002 no longer supersedes ADR-0001"]
        assert after == successor(5000).replace("Supersedes [1. Use a queue](0001-use-a-queue.md)\n\n", "")
    else:
        assert proc.stderr == ("warning: doc/adr/0002-use-kafka.md:7: ADR-0002 still says it supersedes ADR-0001, "
                               "in words of its own; change them by hand\n")
        assert after == successor(5000)
