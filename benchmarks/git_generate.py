"""A synthetic git workspace: 1,001 commits on main, 20 prototype branches (10,000 commits in all), 50 ADR branches.

Built with one `git fast-import` stream, so it takes seconds. Usage:
    python benchmarks/git_generate.py /tmp/gitbench [--branch-commits 450] [--main-commits 1001] [--adr-branches 50]
"""

from __future__ import annotations

import argparse
import io
import subprocess
from pathlib import Path

EPOCH = 1_767_225_600  # 2026-01-01
AUTHORS = ("ana <ana@example.com>", "ben <ben@example.com>", "chen <chen@example.com>", "dee <dee@example.com>")

CARD = """---
title: Prototype {n}
status: active
owner: ana
started: 2026-01-01
deadline: 2026-03-01
branch: proto/p-{n:02d}
criteria:
  - id: latency
    target: "<= 200"
---
## Hypothesis
Prototype {n} is worth keeping.
"""

ADR = """---
status: {status}
date: 2026-01-01
decision-makers: [ana]
---
# Decision {n}

## Context and Problem Statement

Synthetic decision {n}.
"""


class Stream:
    """Writes a fast-import stream; marks number the commits."""

    def __init__(self):
        self.out = io.BytesIO()
        self.mark = 0
        self.clock = EPOCH

    def data(self, text: str) -> None:
        raw = text.encode("utf-8")
        self.out.write(b"data %d\n" % len(raw) + raw + b"\n")

    def commit(self, ref: str, message: str, files: dict[str, str], parent: int | None, author: int) -> int:
        self.mark += 1
        self.clock += 3_600 * 5  # five hours apart: commits fall on many distinct days
        who = AUTHORS[author % len(AUTHORS)]
        self.out.write(f"commit {ref}\nmark :{self.mark}\n".encode())
        self.out.write(f"author {who} {self.clock} +0000\ncommitter {who} {self.clock} +0000\n".encode())
        self.data(message)
        if parent is not None:
            self.out.write(f"from :{parent}\n".encode())
        for path, text in files.items():
            self.out.write(f"M 100644 inline {path}\n".encode())
            self.data(text)
        return self.mark


def lines(seed: int, count: int = 12) -> str:
    return "".join(f"value_{(seed * 31 + i) % 997} = {i}\n" for i in range(count))


def generate(target: Path, main_commits: int, branches: int, branch_commits: int, adr_branches: int) -> None:
    target.mkdir(parents=True, exist_ok=False)
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    s = Stream()
    files = {"decisionbook.toml": '[paths]\ndecisions = "decisions"\n', ".gitattributes": "prototypes/*.jsonl merge=union\n"}
    files.update({f"decisions/{n:04d}-decision-{n}.md": ADR.format(n=n, status="accepted") for n in range(1, 11)})
    files.update({f"prototypes/{n:04d}-prototype-{n}.md": CARD.format(n=n) for n in range(1, branches + 1)})
    tip = s.commit("refs/heads/main", "workspace", files, None, 0)
    for i in range(1, main_commits):
        # Every tenth commit changes a migration: a range over main mixes data and code.
        path = f"migrations/{i:04d}.sql" if i % 10 == 0 else f"app/module_{i % 40}.py"
        tip = s.commit("refs/heads/main", f"main change {i}", {path: lines(i)}, tip, i)
    base = tip
    for b in range(1, branches + 1):
        tip = base
        for i in range(branch_commits):
            tip = s.commit(
                f"refs/heads/proto/p-{b:02d}", f"p{b} step {i}", {f"proto_{b}/part_{i % 15}.py": lines(b * 1000 + i)}, tip, b + i,
            )
    for a in range(adr_branches):
        number = 11 + a
        s.commit(
            f"refs/heads/adr/{number}", f"adr {number}",
            {f"decisions/{number:04d}-branch-decision-{number}.md": ADR.format(n=number, status="proposed")}, base, a,
        )
    s.out.write(b"done\n")
    subprocess.run(["git", "fast-import", "--quiet", "--done"], input=s.out.getvalue(), cwd=target, check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=target, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="Folder to create (must not exist).")
    parser.add_argument("--main-commits", type=int, default=1001)
    parser.add_argument("--branches", type=int, default=20)
    parser.add_argument("--branch-commits", type=int, default=450)
    parser.add_argument("--adr-branches", type=int, default=50)
    args = parser.parse_args()
    generate(args.target, args.main_commits, args.branches, args.branch_commits, args.adr_branches)
    count = subprocess.run(["git", "rev-list", "--all", "--count"], cwd=args.target, capture_output=True, text=True)
    print(f"{args.target}: {count.stdout.strip()} commits")


if __name__ == "__main__":
    main()
