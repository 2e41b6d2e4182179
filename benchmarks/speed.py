"""Every row of the speed budget, each measured against its baseline in the same run, in one table.

Each figure pairs the command with its baseline, alternating A B A B after one warm-up of each,
and compares medians, so a machine loaded by other work slows both sides alike. Wall-clock ratios
are shown; for `effort git` the CPU ratio too. Prints a Markdown table (the README's speed section).

Run: python benchmarks/speed.py [--runs 5] [--only adr triage git report]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from adr_generate import generate as adr_workspace  # noqa: E402
from paired import DECIDE, ENV, PYTHON, Table, paired, peak_rss_mib, run  # noqa: E402

AS_OF = "2026-11-27"
FRAMES = """
import sys, time
import pandas, toolkit
start = time.perf_counter()
book = toolkit.open_workspace(sys.argv[1])
for name in ("prototypes", "criteria", "evidence", "effort", "verdicts", "triage", "sunk_cost"):
    getattr(book, name)()
print(time.perf_counter() - start)
"""


def python_start():
    return run([PYTHON, "-c", "pass"])


def adr_rows(table: Table, tmp: Path, runs: int) -> None:
    in_git = adr_workspace(tmp / "adr-git", 1000, "madr", git=True).parent
    plain = adr_workspace(tmp / "adr-plain", 1000, "madr", git=False).parent
    version = paired(lambda: run([DECIDE, "--version"]), python_start, runs)
    table.add("`decide --version`", f"{version.ratio:.1f}x", "`python -c pass`", "(reference)", True)
    for where, root, budget in (("in git", in_git, 5.0), ("outside git", plain, 7.0)):
        pair = paired(lambda: run([DECIDE, "adr", "list"], root), python_start, runs)
        table.add(f"`decide adr list`, 1,000 ADRs, {where}", f"{pair.ratio:.1f}x", "`python -c pass`",
                  f"<= {budget:g}x", pair.ratio <= budget)

    def adr_new():
        before = set((in_git / "decisions").iterdir())
        timing = run([DECIDE, "adr", "new", "Benchmark decision", "--no-edit"], in_git)
        for path in set((in_git / "decisions").iterdir()) - before:
            path.unlink()
        return timing

    pair = paired(adr_new, python_start, runs)
    table.add("`decide adr new X`, 1,000 ADRs, in git", f"{pair.ratio:.1f}x", "`python -c pass`", "<= 6x", pair.ratio <= 6)
    fastest = fastest_peer(tmp, plain / "decisions", runs)
    for where, root in (("outside git", plain), ("in git", in_git)):
        # The README changes on the first run only; every timed run rewrites nothing, on both sides.
        pair = paired(lambda: run([DECIDE, "adr", "index"], root),
                      lambda: run([PYTHON, str(HERE / "floor_index.py"), str(root / "decisions")]), runs)
        table.add(f"`decide adr index`, 1,000 MADR 4 ADRs, {where}", f"{pair.ratio:.2f}x",
                  "stdlib floor script (`floor_index.py`)", "(reference)", True)
        if fastest is None:
            table.add(f"`decide adr index`, 1,000 MADR 4 ADRs, {where}", "not measured",
                      "the fastest peer (needs Node.js and npm)", "<= 1.2x", False)
            continue
        name, peer = fastest
        # One ADR changed before each run, so decide builds the table again, as the peers always do.
        extra = root / "decisions" / "2000-benchmark-change.md"

        def changed(root=root, extra=extra):
            extra.write_text(f"---\nstatus: proposed\ndate: 2026-11-01\n---\n# Change {os.urandom(4).hex()}\n")
            return run([DECIDE, "adr", "index"], root)

        for form, measure in (("unchanged", lambda: run([DECIDE, "adr", "index"], root)), ("one ADR changed", changed)):
            pair = paired(measure, peer, runs)
            table.add(f"`decide adr index`, 1,000 MADR 4 ADRs, {where}, {form}", f"{pair.ratio:.2f}x",
                      f"the fastest peer, {name} ({pair.base_wall * 1000:.0f} ms)", "<= 1.2x", pair.ratio <= 1.2)
        extra.unlink()
        run([DECIDE, "adr", "index"], root)


PEERS = ("adr-log@2.2.0", "madr-tools@1.2.7")


def fastest_peer(tmp: Path, decisions: Path, runs: int):
    """(name, measure) of the faster of adr-log and madr-tools building the index of a copy of
    *decisions*, installed with npm into *tmp*; None without Node.js and npm."""
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    tools = tmp / "peers"
    subprocess.run(["npm", "install", "--prefix", str(tools), "--no-audit", "--no-fund", *PEERS], check=True,
                   capture_output=True)
    bin_ = tools / "node_modules" / ".bin"
    folder = tmp / "peer-workspace"
    shutil.copytree(decisions, folder / "decisions", ignore=shutil.ignore_patterns("README.md"))
    (folder / "decisions" / "README.md").write_text("# Decisions\n\n<!-- adrlog -->\n")
    (folder / ".madrrc.json").write_text('{"madrDirectory": "decisions", "indexFileName": "index.md"}\n')
    measures = {
        "adr-log": lambda: run([str(bin_ / "adr-log"), "-d", "decisions", "-i", "decisions/README.md"], folder),
        "madr-tools (`madr index`)": lambda: run([str(bin_ / "madr"), "index"], folder),
    }
    times = {name: statistics.median(measure()[0] for _ in range(runs + 1)) for name, measure in measures.items()}
    name = min(times, key=times.get)
    return name, measures[name]


def _kept(path: Path) -> None:
    """Wait until *path* is kept: a first run's child keeps the cards after the command has read them, and a
    warm run reads them kept."""
    deadline = time.monotonic() + 30
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def triage_rows(table: Table, tmp: Path, runs: int) -> None:
    from proto_generate import generate

    def workspace(name, count, git):
        return generate(tmp / name, count, 5, 20 * count, 20 * count, 3 * count // 10, git=git)

    small, large = workspace("p1000", 1000, False), workspace("p9999", 9999, False)
    triage = [DECIDE, "triage", "--as-of", AS_OF]
    pair = paired(lambda: run(triage, large), lambda: run([PYTHON, str(HERE / "plain_triage.py"), str(large), AS_OF]), runs)
    table.add("`decide triage`, 9,999 prototypes, outside git", f"{pair.ratio:.2f}x ({pair.wall:.1f} s)",
              f"plain pandas script ({pair.base_wall:.1f} s)", "<= 0.8x", pair.ratio <= 0.8)
    rss = peak_rss_mib(triage, large)
    table.add("`decide triage`, 9,999 prototypes: peak memory", f"{rss:.0f} MiB", "", "<= 150 MiB", rss <= 150)
    growth = paired(lambda: run(triage, large), lambda: run(triage, small), runs)
    table.add("`decide triage`, 10x data", f"{growth.ratio:.1f}x the time", "1,000 prototypes", "<= 10x", growth.ratio <= 10)
    in_git = workspace("p1000-git", 1000, True)
    cache = in_git / ".git" / "decisionbook"
    cold = paired(lambda: run(triage, in_git, before=lambda: shutil.rmtree(cache, ignore_errors=True)),
                  lambda: run(triage, in_git, before=lambda: _kept(cache / "cards.pickle")), runs)
    table.add("`decide triage` in git, cache cold", f"{cold.ratio:.2f}x", "a warm run, 1,000 prototypes", "<= 1.3x",
              cold.ratio <= 1.3)
    seconds = []
    for _ in range(runs):
        out = subprocess.run([PYTHON, "-c", FRAMES, str(small)], env=ENV, capture_output=True, text=True, check=True)
        seconds.append(float(out.stdout))
    frames = statistics.median(seconds)
    table.add("all frames, 1,000 prototypes, outside git", f"{frames:.2f} s", "(own budget)", "<= 0.5 s", frames <= 0.5)


def git_rows(table: Table, tmp: Path, runs: int) -> None:
    repo = tmp / "gitbench"
    subprocess.run([PYTHON, str(HERE / "git_generate.py"), str(repo)], check=True, capture_output=True)
    branches = subprocess.run(["git", "for-each-ref", "--format=%(refname:short)", "refs/heads/proto/"], cwd=repo,
                              capture_output=True, text=True, check=True).stdout.split()

    def per_branch():
        wall = cpu = 0.0
        for branch in branches:
            w, c = run(["git", "log", "--numstat", branch, "^main"], repo)
            wall, cpu = wall + w, cpu + c
        return wall, cpu

    effort = [DECIDE, "effort", "git", "--format", "json"]
    each_branch = f"one `git log --numstat` per branch ({len(branches)})"
    for name, baseline in (("`git log --all --numstat`", lambda: run(["git", "log", "--all", "--numstat"], repo)),
                           (each_branch, per_branch)):
        pair = paired(lambda: run(effort, repo), baseline, runs)
        ok = pair.ratio <= 1.3 and pair.cpu_ratio <= 1.3
        table.add("`decide effort git`, 10,000 commits", f"{pair.ratio:.2f}x wall, {pair.cpu_ratio:.2f}x CPU", name,
                  "<= 1.3x both", ok)
    # The runs above find the line counts of earlier runs kept (ADR 0036); the first run in a clone has none.
    kept = repo / ".git" / "decisionbook" / "commit-lines.blob"
    first = paired(lambda: run(effort, repo, before=lambda: kept.unlink(missing_ok=True)), per_branch, runs)
    table.add("`decide effort git`, 10,000 commits, first run (no line counts kept)",
              f"{first.ratio:.2f}x wall, {first.cpu_ratio:.2f}x CPU", each_branch, "(reference)", True)


def report_rows(table: Table, tmp: Path, runs: int) -> None:
    from proto_generate import generate
    from report_bench import KERNEL, PLAIN

    root = generate(tmp / "report", 1000, 5, 20_000, 20_000, 300)

    def baseline():
        (w1, c1), (w2, c2) = run([PYTHON, "-c", PLAIN, str(root), AS_OF]), run([PYTHON, "-c", KERNEL])
        return w1 + w2, c1 + c2

    pair = paired(lambda: run([DECIDE, "report", "weekly", "--as-of", AS_OF], root), baseline, runs)
    table.add("weekly report, 1,000 prototypes", f"{pair.wall:.1f} s, {pair.ratio:.2f}x",
              f"library calls + one kernel start ({pair.base_wall:.1f} s)", "<= 6 s and <= 1.3x",
              pair.wall <= 6 and pair.ratio <= 1.3)


GROUPS = {"adr": adr_rows, "triage": triage_rows, "git": git_rows, "report": report_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="+", choices=sorted(GROUPS), default=list(GROUPS))
    args = parser.parse_args()
    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        # Outside git the parse cache goes to the user's cache folder: one that goes away with the workspaces.
        ENV["XDG_CACHE_HOME"] = str(Path(tmp, "cache"))
        for name in args.only:
            GROUPS[name](table, Path(tmp), args.runs)
    print(table.markdown())
    sys.exit(0 if all(ok for *_, ok in table.rows) else 1)


if __name__ == "__main__":
    main()
