"""Time `decide adr list|index|new` and `decide check` on synthetic workspaces; print medians vs budgets."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from adr_generate import generate

DECIDE = str(Path(sys.executable).with_name("decide"))
BUDGETS = {"adr list": 0.15, "adr index": 0.3, "adr new": 0.25, "check": 0.5}  # seconds, 1,000 ADRs
HEAVY = ("pandas", "papermill", "nbconvert", "git")


def median_seconds(args: list[str], cwd: Path, runs: int = 5) -> float:
    times = []
    for run in range(runs):
        extra = [f"Benchmark decision {run}"] if args[:2] == ["adr", "new"] else []
        start = time.perf_counter()
        proc = subprocess.run([DECIDE, *args, *extra], cwd=cwd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"decide {' '.join(args)} failed: {proc.stderr}")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_imports(cwd: Path) -> list[str]:
    """Top-level packages among HEAVY that `decide adr list` imports (from `python -X importtime`)."""
    code = "from toolkit.cli import main; main(['adr', 'list'])"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=cwd, capture_output=True, text=True)
    names = {line.split("|")[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if "|" in line}
    return sorted(names & set(HEAVY))


_SUPERSEDED = ("# 1. Use a queue\n\nDate: 2026-01-12\n\n## Status\n\nSuperseded by [2. Use Kafka](0002-use-kafka.md)\n")


def going_back_seconds(root: Path, lines: int, runs: int = 5) -> float:
    """Median seconds of going back from superseded (`adr status 1 accepted --force`) where the successor, of *lines*
    lines each naming the record's number, says it supersedes the record as `adr status --by` writes it."""
    steps = "".join(f"Step 1 of rollout stage {stage}.\n" for stage in range(lines))
    successor = ("# 2. Use Kafka\n\nDate: 2026-03-02\n\n## Status\n\nAccepted\n\n"
                 f"Supersedes [1. Use a queue](0001-use-a-queue.md)\n\n## Context\n\n{steps}")
    folder = root / "doc" / "adr"
    folder.mkdir(parents=True)
    (root / ".adr-dir").write_text("doc/adr\n")
    times = []
    for _ in range(runs):
        (folder / "0001-use-a-queue.md").write_text(_SUPERSEDED)
        (folder / "0002-use-kafka.md").write_text(successor)
        start = time.perf_counter()
        proc = subprocess.run([DECIDE, "adr", "status", "1", "accepted", "--force"], cwd=root,
                              capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"decide adr status failed: {proc.stderr}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # 10,000 records end at ADR 10000, so the `adr new` runs create 10001 and on: past four digits.
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = Path(tmp) / f"ws{size}"
            generate(root, size, "madr", git=True)
            results[size] = {
                "adr list": median_seconds(["adr", "list"], root),
                "adr index": median_seconds(["adr", "index"], root),
                "adr new": median_seconds(["adr", "new", "--no-edit"], root),
                "check": median_seconds(["check"], root),
            }
            if size == args.sizes[0]:
                print(f"heavy imports in `decide adr list`: {heavy_imports(root) or 'none'}")
                # What every command pays before reading a file: interpreter start and imports.
                print(f"baseline `decide --version`: {median_seconds(['--version'], root):.3f} s")
        one, long = (going_back_seconds(Path(tmp) / f"back{lines}", lines) for lines in (1, 5000))
    print(f"{'command':<10} " + " ".join(f"{size:>8} ADRs" for size in args.sizes) + "   budget (1,000)")
    for command, budget in BUDGETS.items():
        cells = " ".join(f"{results[size][command]:>11.3f} s" for size in args.sizes)
        print(f"{command:<10} {cells}   {budget:.2f} s")
    if len(args.sizes) > 1:
        small, large = args.sizes[0], args.sizes[-1]
        for command in BUDGETS:
            ratio = results[large][command] / results[small][command]
            print(f"{command}: {large} / {small} ADRs = {ratio:.1f}x (linear would be {large / small:.0f}x)")
    # Taking the successor's link out once read the whole record again for each line naming the record's number.
    print(f"adr status back from superseded, successor of 5,000 lines: {long:.3f} s "
          f"({long / one:.1f}x a successor of one line, {one:.3f} s)")


if __name__ == "__main__":
    main()
