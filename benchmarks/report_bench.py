"""Time the weekly report and `decide demo` and print medians against the budgets.

The weekly report runs on the 1,000-prototype workspace of proto_generate.py; it is compared with the
same library calls in a plain Python process plus one kernel start (budget 1.3x), and timed on 10x
the data (9,999 prototypes, the most four-digit numbers allow, and ten times the ledgers) to check it grows no faster than the data.

Run: python benchmarks/report_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from proto_generate import generate  # noqa: E402

DECIDE = str(Path(sys.executable).with_name("decide"))
AS_OF = "2026-11-27"
BUDGETS = {"weekly report, 1,000 prototypes": 6.0, "decide demo": 15.0}
RATIO = 1.3  # the report against its library calls plus one kernel start
LARGE = 9_999  # 10x the data: prototype numbers have four digits

# What the weekly notebook computes and draws, without a kernel, papermill or nbconvert.
PLAIN = """
import sys
from toolkit.frames import Book
from toolkit.reports import charts, present
week = Book.open(sys.argv[1]).weekly(sys.argv[2], blind=True)
charts.criteria_heatmap(week.heatmap).savefig("/dev/null", format="png", dpi=96)
charts.evidence_timeline(week.timeline, week.as_of, list(week.charted)).savefig("/dev/null", format="png", dpi=96)
parts = [present.table(week.agenda, [("ref", "#"), ("title", "Prototype"), ("reason", "Why"), ("verdict", "Last")]),
         present.table(week.decisions, [("ref", "#"), ("command", "Command", present.code)]),
         present.long_table(week.since.evidence, [("ref", "#"), ("value_shown", "Value")], "entries"),
         present.table(week.warnings, [("ref", "#"), ("message", "Warning")])]
for s in week.sections:
    parts.append(present.fold(s["ref"], present.table(s["criteria"], [("criterion", "Criterion"),
                                                                      ("target_shown", "Target"), ("state", "State")])))
"""

KERNEL = """
from jupyter_client.manager import start_new_kernel
manager, client = start_new_kernel(kernel_name="python3")
client.stop_channels()
manager.shutdown_kernel(now=True)
"""


def _timed(args, cwd=None) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def _median(args, runs, cwd=None) -> float:
    return statistics.median(_timed(args, cwd) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {}
        roots = {count: generate(Path(tmp) / f"w{count}", count, 5, 20 * count, 20 * count, 300 * count // 1000)
                 for count in (1000, LARGE)}
        _timed([DECIDE, "report", "weekly", "--as-of", AS_OF], cwd=roots[1000])  # warm caches (fonts, bytecode)
        for count, root in roots.items():
            sizes[count] = _median([DECIDE, "report", "weekly", "--as-of", AS_OF], runs, cwd=root)
        results["weekly report, 1,000 prototypes"] = sizes[1000]
        plain = _median([sys.executable, "-c", PLAIN, str(Path(tmp) / "w1000"), AS_OF], runs)
        kernel = _median([sys.executable, "-c", KERNEL], runs)
        demo_dir = Path(tmp) / "demo"
        results["decide demo"] = _median([DECIDE, "demo", str(demo_dir)], runs)

    print(f"{'benchmark':40} {'median':>8} {'budget':>8}")
    for name, seconds in results.items():
        verdict = "ok" if seconds <= BUDGETS[name] else "OVER"
        print(f"{name:40} {seconds:7.2f}s {BUDGETS[name]:7.2f}s  {verdict}")
    baseline = plain + kernel
    ratio = sizes[1000] / baseline
    print(f"{'plain library calls + one kernel start':40} {baseline:7.2f}s  ({plain:.2f}s + {kernel:.2f}s)")
    print(f"{'report / baseline':40} {ratio:7.2f}x {RATIO:7.2f}x  {'ok' if ratio <= RATIO else 'OVER'}")
    for count, seconds in sizes.items():
        print(f"{'weekly report, ' + format(count, ',') + ' prototypes':40} {seconds:7.2f}s")
    growth = sizes[LARGE] / sizes[1000]
    print(f"{'9,999 vs 1,000 prototypes':40} {growth:7.2f}x {10.0:7.2f}x  {'ok' if growth <= 10.0 else 'OVER'}"
          "  (10x the data: linear growth is at most 10x)")


if __name__ == "__main__":
    main()
