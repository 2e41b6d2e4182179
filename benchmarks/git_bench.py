"""Medians for the git-aware commands against their budgets, on a repository from git_generate.py.

Usage: python benchmarks/git_bench.py [/tmp/gitbench] [--runs 5]
Budgets: `decide effort git` <= 1.5x the raw `git log --numstat` commands it replaces;
`decide adr new` with 50 branches <= 0.5 s; `decide check release` over 1,000 commits <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DECIDE = str(Path(sys.executable).with_name("decide"))


def timed(command: list[str], cwd: Path, ok=(0,)) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} exited {proc.returncode}: {proc.stderr.decode()[:400]}")
    return elapsed


def median(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def raw_logs(repo: Path, branches: list[str]) -> float:
    start = time.perf_counter()
    for branch in branches:
        subprocess.run(["git", "log", "--numstat", branch, "^main"], cwd=repo, capture_output=True, check=True)
    return time.perf_counter() - start


def library_effort(repo: Path) -> float:
    from toolkit.actions.git_effort import git_effort
    from toolkit.workspace import open_workspace

    start = time.perf_counter()
    git_effort(open_workspace(repo))
    return time.perf_counter() - start


def adr_new(repo: Path) -> float:
    before = set((repo / "decisions").iterdir())
    elapsed = timed([DECIDE, "adr", "new", "Benchmark decision"], repo)
    for path in set((repo / "decisions").iterdir()) - before:
        path.unlink()
    return elapsed


def report(name: str, value: float, budget: float, unit: str = "s") -> bool:
    ok = value <= budget
    print(f"{name:<52} {value:8.3f} {unit}   budget {budget:.2f} {unit}   {'ok' if ok else 'OVER'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", nargs="?", type=Path, default=Path("/tmp/gitbench"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    repo = args.repo
    if not repo.exists():
        subprocess.run([sys.executable, str(HERE / "git_generate.py"), str(repo)], check=True)
    branches = subprocess.run(
        ["git", "for-each-ref", "--format=%(refname:short)", "refs/heads/proto/"], cwd=repo,
        capture_output=True, text=True, check=True,
    ).stdout.split()
    first = subprocess.run(["git", "rev-list", "--max-parents=0", "main"], cwd=repo, capture_output=True, text=True).stdout.strip()
    commits = subprocess.run(["git", "rev-list", "--count", f"{first}..main"], cwd=repo, capture_output=True, text=True).stdout.strip()
    total = subprocess.run(["git", "rev-list", "--all", "--count"], cwd=repo, capture_output=True, text=True).stdout.strip()
    print(f"repository {repo}: {total} commits, {len(branches)} prototype branches, release range of {commits} commits")

    raw = median(args.runs, lambda: raw_logs(repo, branches))
    cli = median(args.runs, lambda: timed([DECIDE, "effort", "git", "--format", "json"], repo))
    lib = median(args.runs, lambda: library_effort(repo))
    print(f"{'raw git log --numstat, one per branch':<52} {raw:8.3f} s")
    results = [
        report("decide effort git (command) / raw", cli / raw, 1.5, "x"),
        report("git_effort() library call / raw", lib / raw, 1.5, "x"),
        report("decide adr new with 50 branches", median(args.runs, lambda: adr_new(repo)), 0.5),
        report(
            f"decide check release over {commits} commits",
            median(args.runs, lambda: timed([DECIDE, "check", "release", f"{first}..main"], repo, ok=(0, 1))),
            1.0,
        ),
    ]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
