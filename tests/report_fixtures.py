"""A workspace for the report tests (hostile titles, distinctive hours, a git history) and an HTML safety scan."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

AS_OF = "2026-10-20"
HOURS = 137.25  # distinctive: must never appear in a blind report
SCRIPT_TITLE = "<script>alert(1)</script>"
IMG_TITLE = "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\">"
QUOTED_TITLE = 'Cache "warm" start \\ path'
BIDI_TITLE = "Report \u202egnp.exe"
JS_SOURCE = "javascript:document.body.setAttribute('data-pwned','yes')"

CONFIG = """\
[triage]
keep_threshold = 0.7
stale_days = 60

[people]
ana = "product"
ben = "engineering"
dara = "design"
"""

CARDS = {
    "0001-script.md": """\
---
title: "<script>alert(1)</script>"
status: active
owner: ben
started: 2026-09-01
deadline: 2026-12-01
branch: proto/script
criteria:
  - id: latency
    metric: p99 latency (ms)
    target: "<= 100"
    kill: "> 500"
    must: true
---
## Hypothesis

<b onmouseover=alert(3)>bold claim</b> latency stays low.
""",
    "0002-img.md": """\
---
title: "<img src=x onerror=\\"document.body.setAttribute('data-pwned','yes')\\">"
status: active
owner: ana
started: 2026-08-01
deadline: 2026-10-01
criteria:
  - id: signups
    target: ">= 100"
    must: true
---
## Hypothesis

More signups.
""",
    "0003-cache.md": """\
---
title: 'Cache "warm" start \\ path'
status: active
owner: dara
started: 2026-09-15
deadline: 2026-12-15
criteria:
  - id: hit-rate
    target: ">= 0.9"
    must: true
  - id: cost
    target: "<= 100"
---
## Hypothesis

Warm starts make the cache useful.
""",
    "0004-bidi.md": """\
---
title: "Report \\u202egnp.exe"
status: active
owner: ben
started: 2026-10-10
deadline: 2026-12-31
criteria:
  - id: works
    target: "yes"
---
""",
    "0005-ranking.md": """\
---
title: Search ranking
status: kept
owner: ana
started: 2026-07-01
deadline: 2026-08-31
criteria:
  - id: ctr
    target: ">= 0.1"
---
""",
}

ADRS = {
    "0001-use-postgresql.md": """\
---
status: superseded by ADR-0003
date: 2026-08-01
decision-makers: [ben]
consulted: [ana, dara]
---
# Use PostgreSQL

## Considered Options

* PostgreSQL
* MySQL

## Decision Outcome

### Consequences

* Good, because it is known.

### Confirmation

The template uses it.
""",
    "0002-event-source-orders.md": """\
---
status: proposed
date: 2026-10-01
decision-makers: [ben]
informed: [ana]
prototypes: [3, 1]
data-change: true
---
# Event-source "orders" <img src=x onerror=alert(2)>

## Considered Options

* Store events

## Decision Outcome

Builds on [ADR-0003](0003-use-cockroachdb.md); see [the trap](javascript:alert(5)).

### Consequences

* Good, because history.

## Migration Plan

### Expand

Add the events table. Rollback: drop it.

### Switch

Read from events. Rollback: read rows again.

### Contract

Drop the old table.
""",
    "0003-use-cockroachdb.md": """\
---
status: accepted
date: 2026-10-05
decision-makers: [ben, ana]
consulted: [dara]
supersedes: [1]
---
# Use CockroachDB

## Considered Options

* CockroachDB
* PostgreSQL with replicas

## Decision Outcome

### Consequences

* Bad, because it is new.

### Confirmation

A failover drill.
""",
}


def _line(**record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _ledgers() -> dict[str, str]:
    def at(day):
        return f"{day}T10:00:00+00:00"

    evidence = [
        ("E01", "2026-10-14", 1, "latency", 900, None, "<b onmouseover=alert(4)>slow</b>"),
        ("E02", "2026-10-15", 2, "signups", 40, JS_SOURCE, None),
        ("E03", "2026-10-16", 3, "hit-rate", 0.8, "https://example.com/run/1", None),
        ("E04", "2026-10-17", 3, "cost", 80, "ftp://example.com/cost", None),
        ("E05", "2026-08-01", 5, "ctr", 0.2, None, None),
    ]
    effort = [
        ("F01", "2026-09-30", 1, HOURS),
        ("F02", "2026-10-01", 2, 6.5),
        ("F03", "2026-10-02", 3, 12.5),
        ("F04", "2026-08-01", 5, 20.75),
    ]
    verdicts = [
        ("V01", "2026-08-02", 5, "keep", "ctr doubled", "keep"),
        ("V02", "2026-10-05", 3, "keep", "looks promising enough", "iterate"),
    ]
    return {
        "evidence.jsonl": "".join(
            _line(id=i, at=at(d), prototype=p, criterion=c, value=v, **({"source": s} if s else {}),
                  **({"note": n} if n else {}), by="ben")
            for i, d, p, c, v, s, n in evidence
        ),
        "effort.jsonl": "".join(
            _line(id=i, at=at(d), prototype=p, hours=h, date=d, by="ben") for i, d, p, h in effort
        ),
        "verdicts.jsonl": "".join(
            _line(id=i, at=at(d), prototype=p, verdict=v, reason=r, recommendation=rec, by="ana")
            for i, d, p, v, r, rec in verdicts
        ),
    }


def git(root: Path, *args: str, day: str = "2026-10-01") -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "Ben", "GIT_AUTHOR_EMAIL": "ben@example.com", "GIT_AUTHOR_DATE": stamp,
           "GIT_COMMITTER_NAME": "Ben", "GIT_COMMITTER_EMAIL": "ben@example.com", "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def build(root: Path) -> Path:
    """The report test workspace at *root*, committed in git: ADR-0003 proposed on 09-28, accepted on 10-05."""
    (root / "decisions").mkdir(parents=True)
    (root / "prototypes").mkdir()
    (root / "decisionbook.toml").write_text(CONFIG)
    for name, text in CARDS.items():
        (root / "prototypes" / name).write_text(text)
    for name, text in _ledgers().items():
        (root / "prototypes" / name).write_text(text)
    for name, text in ADRS.items():
        proposed = text.replace("status: accepted", "status: proposed") if name.startswith("0003") else text
        (root / "decisions" / name).write_text(proposed)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start", day="2026-09-28")
    (root / "decisions" / "0003-use-cockroachdb.md").write_text(ADRS["0003-use-cockroachdb.md"])
    git(root, "commit", "-q", "-am", "Accept ADR-0003", day="2026-10-05")
    git(root, "branch", "proto/script")
    return root


def invoke(cwd: Path, *args: str):
    """Run `decide ARGS` in-process in *cwd* (for fixtures wider than one test); raise on a traceback."""
    from toolkit.cli import cli

    with contextlib.chdir(cwd):
        result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="decide")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "frame", "base", "form", "svg", "math"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.problems.append(f"{name}= attribute on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc") and (
                value.startswith(("javascript:", "vbscript:")) or name == "srcdoc"
            ):
                self.problems.append(f"{name}={value[:40]} on <{tag}>")
            if name == "src" and not value.startswith(("data:image/png;", "data:image/jpeg;", "data:image/svg+xml;")):
                self.problems.append(f"src={value[:40]} on <{tag}> is not an embedded image")
            if name == "http-equiv":
                self.problems.append(f"<{tag} http-equiv>")
        if tag == "img":
            self.images.append(dict(attrs).get("src", "")[:22])
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        self.text.append(data)


def scan(html: str) -> _Scan:
    """Parse *html*: `.problems` lists anything that could run code; `.images`, `.links`, `.text` for asserts."""
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser
