"""Time prototype triage on synthetic workspaces and print medians against the budgets.

Run: python benchmarks/proto_bench.py [--runs 5] [--scale 1 --scale 10]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from proto_generate import generate  # noqa: E402

DECIDE = str(Path(sys.executable).with_name("decide"))
BUDGETS = {"decide triage": 1.0, "decide evidence add": 0.25, "decide effort log": 0.25, "load all frames": 0.5}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _command(root: Path, *args: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `decide` run (CPU time is what a busy machine cannot inflate)."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([DECIDE, *args], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def _frames(root: Path) -> tuple[float, float]:
    import toolkit

    start, cpu = time.perf_counter(), time.process_time()
    book = toolkit.open_workspace(root)
    for name in ("prototypes", "criteria", "evidence", "effort", "verdicts", "triage", "sunk_cost"):
        getattr(book, name)()
    return time.perf_counter() - start, time.process_time() - cpu


def measure(root: Path, runs: int) -> dict[str, tuple[float, float]]:
    import pandas  # noqa: F401  - imported once, outside the timing, as a notebook would have it

    timings = {
        "decide triage": [_command(root, "triage", "--as-of", "2026-11-27") for _ in range(runs)],
        "decide evidence add": [_command(root, "evidence", "add", "P17", "c0", "42") for _ in range(runs)],
        "decide effort log": [_command(root, "effort", "log", "P17", "1.5") for _ in range(runs)],
        "load all frames": [_frames(root) for _ in range(runs)],
    }
    return {
        name: (statistics.median(wall for wall, _ in values), statistics.median(cpu for _, cpu in values))
        for name, values in timings.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, action="append", help="Data multiplier; repeatable (default 1 and 10).")
    parser.add_argument("--no-git", action="store_true",
                        help="Workspaces outside git, whose parse cache lives in the user's cache folder.")
    args = parser.parse_args()
    failed = False
    for scale in args.scale or [1, 10]:
        with tempfile.TemporaryDirectory() as tmp:
            root = generate(Path(tmp) / "ws", min(1000 * scale, 9999), 5, 20_000 * scale, 20_000 * scale, 300 * scale,
                            git=not args.no_git)
            print(f"scale {scale}x: {min(1000 * scale, 9999)} prototypes, {20_000 * scale} evidence, {20_000 * scale} effort lines")
            for name, (wall, cpu) in measure(root, args.runs).items():
                budget = BUDGETS[name]
                verdict = "ok" if wall <= budget else ("over budget" if scale == 1 else "growth")
                failed |= scale == 1 and wall > budget
                print(f"  {name:22s} median {wall:6.3f} s wall, {cpu:6.3f} s cpu   (budget at 1x: {budget:.2f} s) {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
