"""Paired timing on a shared machine: a command and its baseline alternate (A B A B), medians compared."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
DECIDE = str(Path(sys.executable).with_name("decide"))
# Child processes may write .pyc files, as an installed package has them (some shells forbid it).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def run(args: list[str], cwd: Path | None = None, ok=(0,), before=None) -> tuple[float, float]:
    """Wall and CPU seconds of one process running *args*; *before* runs first, untimed."""
    if before is not None:
        before()
    start, (cpu, _) = time.perf_counter(), _children()
    proc = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True)
    wall = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(map(str, args))} exited {proc.returncode}: {proc.stderr.decode()[-600:]}")
    return wall, _children()[0] - cpu


def peak_rss_mib(args: list[str], cwd: Path | None = None) -> float:
    """Peak resident memory of one process running *args*, in MiB (Linux reports KiB)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", code, *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


@dataclass
class Pair:
    a: list[tuple[float, float]]
    b: list[tuple[float, float]]

    @property
    def wall(self) -> float:
        return statistics.median(w for w, _ in self.a)

    @property
    def base_wall(self) -> float:
        return statistics.median(w for w, _ in self.b)

    @property
    def ratio(self) -> float:
        """Median of A over median of B, wall clock."""
        return self.wall / self.base_wall

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(c for _, c in self.a) / statistics.median(c for _, c in self.b)


def paired(measure_a, measure_b, runs: int = 5, warm: bool = True) -> Pair:
    """Run A and B alternately *runs* times each (after one untimed warm-up of each when *warm*)."""
    if warm:
        measure_a()
        measure_b()
    a, b = [], []
    for _ in range(runs):
        a.append(measure_a())
        b.append(measure_b())
    return Pair(a, b)


class Table:
    """One line per row of the budget table: the work, the figure, what it is measured against, the budget."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str, bool]] = []

    def add(self, work: str, figure: str, against: str, budget: str, ok: bool) -> None:
        self.rows.append((work, figure, against, budget, ok))
        print(f"  {work}: {figure} ({against}; budget {budget}) {'ok' if ok else 'OVER'}", file=sys.stderr, flush=True)

    def markdown(self) -> str:
        lines = ["| work | measured | against | budget | |", "|---|---|---|---|---|"]
        lines += [f"| {w} | {f} | {a} | {b} | {'ok' if ok else 'over'} |" for w, f, a, b, ok in self.rows]
        return "\n".join(lines)
