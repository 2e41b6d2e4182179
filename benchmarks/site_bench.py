"""Time `decide report log` (the decision-log site) on 1,000 and 10,000 ADRs and prototypes; print medians vs budgets.

Each workspace holds N ADRs with a git history (every ADR proposed in one commit, two thirds accepted
in a later one) and N prototypes with their ledgers. `decide check`, which reads the same records, is
timed in the same rounds (A B A B) as the baseline, so a loaded machine shows in both.

Run: python benchmarks/site_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adr_generate import generate as generate_adrs  # noqa: E402
from proto_generate import generate as generate_prototypes  # noqa: E402

DECIDE = str(Path(sys.executable).with_name("decide"))
AS_OF = "2026-11-27"
BUDGET_SECONDS, BUDGET_MB = 10.0, 300.0  # 1,000 ADRs and 1,000 prototypes
PEAK = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); " \
       "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def _git(root: Path, *args: str, day: str) -> None:
    stamp = f"{day}T10:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Ana",
           "GIT_AUTHOR_EMAIL": "ana@example.com", "GIT_COMMITTER_NAME": "Ana", "GIT_COMMITTER_EMAIL": "ana@example.com"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def workspace(root: Path, count: int) -> Path:
    """*count* ADRs (proposed, then mostly accepted, in git) and up to *count* prototypes with 20 ledger lines each."""
    cards = min(count, 9999)  # card numbers have four digits
    generate_prototypes(root, cards, 5, 20 * count, 20 * count, 300 * count // 1000, git=False)
    folder = generate_adrs(root, count)
    finals = {path: path.read_text() for path in folder.glob("*.md")}
    for path, text in finals.items():
        path.write_text(re.sub(r"^status: .*$", "status: proposed", text, count=1, flags=re.M))
    _git(root, "init", "-q", "-b", "main", day="2026-01-05")
    _git(root, "add", "-A", day="2026-01-05")
    _git(root, "commit", "-q", "-m", "Propose every decision", day="2026-01-05")
    for path, text in finals.items():
        path.write_text(text)
    _git(root, "commit", "-q", "-am", "Decide", day="2026-02-16")
    return root


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _seconds(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU, git included, is what a loaded machine changes least)."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, _cpu() - cpu


def _check(args: list[str], cwd: Path) -> float:
    # `decide check` exits 1 when it finds problems; the synthetic records may have some. Both are a full run.
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, capture_output=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.decode()[-2000:])
    return time.perf_counter() - start


def _peak_mb(args: list[str], cwd: Path) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK, *args], cwd=cwd, check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    site = [DECIDE, "report", "log", "--as-of", AS_OF]
    check = [DECIDE, "check"]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1000, 10_000):
            root = workspace(Path(tmp) / f"w{count}", count)
            subprocess.run(check, cwd=root, capture_output=True)  # warm the parse cache, as a team's would be
            peak = _peak_mb(site, root)  # the first build also warms the disk cache for the timed ones
            site_runs, check_runs = [], []
            for _ in range(runs):  # A B A B: a change in the machine's load shows in both
                site_runs.append(_seconds(site, root))
                check_runs.append(_check(check, root))
            pages = len(list((root / "reports" / "decision-log").glob("*.html")))
            results[count] = (statistics.median(w for w, _ in site_runs), statistics.median(c for _, c in site_runs),
                              statistics.median(check_runs), peak, pages)
    print(f"{'workspace':34} {'site':>8} {'site CPU':>9} {'check':>8} {'ratio':>7} {'peak MB':>8} {'pages':>6}")
    for count, (seconds, cpu, baseline, peak, pages) in results.items():
        print(f"{f'{count:,} ADRs, {min(count, 9999):,} prototypes':34} {seconds:7.2f}s {cpu:8.2f}s {baseline:7.2f}s "
              f"{seconds / baseline:6.2f}x {peak:8.0f} {pages:6}")
    seconds, cpu, baseline, peak, _ = results[1000]
    print(f"budget, 1,000: {BUDGET_SECONDS:.0f}s and {BUDGET_MB:.0f} MB -> "
          f"{'ok' if seconds <= BUDGET_SECONDS and peak <= BUDGET_MB else 'OVER'}")
    big = results[10_000]
    growth, cpu_growth, check_growth = big[0] / seconds, big[1] / cpu, big[2] / baseline
    print(f"10x the records: {growth:.2f}x the time, {cpu_growth:.2f}x the CPU (budget 10x; `decide check` grew "
          f"{check_growth:.2f}x) -> {'ok' if growth <= 10 else 'OVER'}")


if __name__ == "__main__":
    main()
