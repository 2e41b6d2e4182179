"""`decide demo`: the bundled sample workspace, its git history replayed with fixed dates, and its report."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import DecisionbookError
from toolkit.history.replay import added_since_replay, replay

# The demo's "today": inside its data, so the report reads the same whatever day it is built.
AS_OF = dt.date(2026, 10, 29)
MARKER = ".decisionbook-demo"
REPORTS = "reports"  # where the demo's weekly report is written: made again, never someone's work
LEDGERS = ("effort", "evidence", "verdicts", "meetings")
TZ = "+0200"

PEOPLE = {
    "ana": "Ana Alves",
    "ben": "Ben Becker",
    "chen": "Chen Li",
    "dara": "Dara Okafor",
    "eli": "Eli Novak",
}

# When each ADR changed status: (date, status, author). The file as shipped is the last state.
ADR_HISTORY = {
    1: (("2026-06-29", "proposed", "ana"), ("2026-07-01", "accepted", "ben")),
    2: (("2026-07-01", "proposed", "eli"), ("2026-07-03", "accepted", "ben")),
    3: (("2026-07-06", "proposed", "chen"), ("2026-07-08", "accepted", "chen"), ("2026-08-24", None, "chen")),
    4: (("2026-07-06", "proposed", "ben"), ("2026-08-14", "accepted", "eli")),
    5: (("2026-08-20", "proposed", "chen"), ("2026-08-24", "accepted", "ana")),
    6: (("2026-10-26", "proposed", "eli"),),
}

# Work on prototype branches: (branch, day, author, path, line added, message).
BRANCH_WORK = (
    ("proto/streaming-ingest", "2026-07-09", "ben", "ingest/consumer.py", "PARTITIONS = 12", "Kafka consumer spike"),
    ("proto/streaming-ingest", "2026-07-27", "ben", "ingest/consumer.py", "BATCH = 500", "Tune batch size"),
    ("proto/graphql-gateway", "2026-07-16", "chen", "gateway/schema.graphql", "type Basket { id: ID! }", "Basket schema"),
    ("proto/graphql-gateway", "2026-08-06", "chen", "gateway/resolvers.py", "def basket(id): ...", "Basket resolvers"),
    ("proto/rust-pricing", "2026-07-24", "ben", "pricing/src/lib.rs", "pub fn price() {}", "Pricing engine skeleton"),
    ("proto/rust-pricing", "2026-08-25", "ben", "pricing/src/discounts.rs", "pub fn stack() {}", "Discount rules"),
    ("proto/rust-pricing", "2026-09-15", "ben", "pricing/src/rounding.rs", "pub fn round() {}", "Match rounding modes"),
    ("proto/rust-pricing", "2026-10-13", "ben", "pricing/src/discounts.rs", "pub fn stack_v2() {}", "Discount stacking, again"),
    ("proto/edge-cache", "2026-09-16", "eli", "edge/cache.vcl", "set beresp.ttl = 60s;", "Edge cache rules"),
    ("proto/edge-cache", "2026-10-05", "eli", "edge/purge.py", "def purge(sku): ...", "Purge on price change"),
    ("proto/search-autocomplete", "2026-09-08", "dara", "search/embed.py", "MODEL = 'small'", "Embedding index"),
    ("proto/event-sourced-orders", "2026-09-23", "eli", "orders/events.py", "class OrderPlaced: ...", "Order events"),
    ("proto/event-sourced-orders", "2026-10-06", "eli", "orders/projection.py", "def project(events): ...", "Projection"),
    ("proto/event-sourced-orders", "2026-10-21", "eli", "orders/projection.py", "BATCH_WRITES = True", "Batch writes"),
)
# Cards whose criteria the team changed after evidence: (the line as first written, the line now, the day it
# changed). The card is committed as first written on the day it started, so the goalposts are seen to move.
MOVED = {"prototypes/0008-event-sourced-orders.md": ('target: "<= 40"', 'target: "<= 50"', "2026-10-12")}
ARCHIVED = (("proto/graphql-gateway", "2026-08-20", "ana", "Discarded P2: p95 latency crossed the kill condition"),)


@dataclass(frozen=True)
class Demo:
    root: Path
    html: Path


def source() -> Path:
    from toolkit.bundled import templates_dir

    return templates_dir() / "demo-workspace"


def _is_previous_demo(folder: Path) -> bool:
    marker = folder / MARKER
    return marker.is_file() and marker.read_bytes() == (source() / MARKER).read_bytes()


def _prepare(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise DecisionbookError("exists and is not a folder", folder)
    if folder.is_dir() and any(folder.iterdir()):
        if not _is_previous_demo(folder):
            raise DecisionbookError("folder is not empty and was not made by `decide demo`; choose another DIR", folder)
        # Someone may have tried their own work there: only a demo as it was made (its reports aside) is replaced.
        added = added_since_replay(folder, REPORTS)
        if added is not None:
            raise DecisionbookError(f"holds work that is not the demo's ({added}); choose another DIR, "
                                    "or move that work away first", folder)
        # Empty it rather than remove it: the folder may be someone's current directory.
        for child in folder.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def _stamp(day: str, hour: int) -> str:
    moment = dt.datetime.fromisoformat(f"{day}T{hour:02d}:00:00{TZ[:3]}:{TZ[3:]}")
    return f"{int(moment.timestamp())} {TZ}"


def _who(person: str) -> str:
    return f"{PEOPLE[person]} <{person}@example.com>"


def _with_status(text: str, status: str, day: str) -> str:
    """*text* (an ADR) as it read on *day*: its front-matter status and date lines replaced."""
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines[: lines.index("---\n", 1)]):
        if line.startswith("status:"):
            lines[index] = f"status: {status}\n"
        elif line.startswith("date:"):
            lines[index] = f"date: {day}\n"
    return "".join(lines)


def _main_line(files: dict[str, bytes]) -> list[tuple[str, str, str, dict[str, bytes]]]:
    """The main branch as a list of (day, author, message, files changed), oldest first."""
    events: dict[str, list[tuple[str, str, str, bytes]]] = {}

    def add(day, person, message, path, data):
        events.setdefault(day, []).append((person, message, path, data))

    for name in ("decisionbook.toml", ".gitattributes", "README.md", MARKER):
        add("2026-06-29", "ana", "Start the decision book", name, files[name])
    adrs = {int(p.split("/")[1][:4]): p for p in files if p.startswith("decisions/")}
    for number, steps in ADR_HISTORY.items():
        path = adrs[number]
        text = files[path].decode("utf-8")
        for day, status, person in steps:
            data = text.encode("utf-8") if status is None or steps[-1][0] == day else _with_status(text, status, day).encode("utf-8")
            add(day, person, f"ADR-{number:04d}: {status or 'superseded'}", path, data)
    ledgers = {name: files[f"prototypes/{name}.jsonl"].decode("utf-8").splitlines(keepends=True) for name in LEDGERS}
    finals = {}
    for line in ledgers["verdicts"]:
        entry = json.loads(line)
        if entry["verdict"] in ("keep", "discard"):
            finals[entry["prototype"]] = entry["at"][:10]
    for path in (p for p in files if p.startswith("prototypes/") and p.endswith(".md")):
        text = files[path].decode("utf-8")
        number = int(Path(path).name[:4])
        started = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("started:"))
        owner = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("owner:"))
        if number in finals:
            active = text.replace("\nstatus: kept\n", "\nstatus: active\n").replace("\nstatus: discarded\n", "\nstatus: active\n")
            add(started, owner, f"P{number}: new prototype card", path, active.encode("utf-8"))
            add(finals[number], "ana", f"P{number}: verdict recorded", path, files[path])
        elif path in MOVED:
            first, now, day = MOVED[path]
            add(started, owner, f"P{number}: new prototype card", path, text.replace(now, first, 1).encode("utf-8"))
            add(day, owner, f"P{number}: criteria changed", path, files[path])
        else:
            add(started, owner, f"P{number}: new prototype card", path, files[path])
    for name, lines in ledgers.items():
        for day in sorted({json.loads(line)["at"][:10] for line in lines}):
            upto = "".join(line for line in lines if json.loads(line)["at"][:10] <= day)
            person = json.loads(next(line for line in lines if json.loads(line)["at"][:10] == day)).get("by") or "ana"
            add(day, person if person in PEOPLE else "ana", f"Record {name}", f"prototypes/{name}.jsonl", upto.encode("utf-8"))
    history = []
    for day in sorted(events):
        changes: dict[str, bytes] = {}
        for _, _, path, data in events[day]:
            changes[path] = data
        first = events[day][0]
        messages = list(dict.fromkeys(message for _, message, _, _ in events[day]))
        history.append((day, first[0], "; ".join(messages), changes))
    return history


def _data(text: bytes) -> bytes:
    return b"data %d\n" % len(text) + text + b"\n"


def _commit(ref: str, mark: int, parent: int | None, day: str, person: str, message: str, files: dict[str, bytes]) -> bytes:
    stamp = _stamp(day, 10)
    out = [f"commit {ref}\nmark :{mark}\n".encode(), f"author {_who(person)} {stamp}\n".encode(),
           f"committer {_who(person)} {stamp}\n".encode(), _data(message.encode("utf-8"))]
    if parent is not None:
        out.append(f"from :{parent}\n".encode())
    for path, data in sorted(files.items()):
        out.append(f"M 100644 inline {path}\n".encode("utf-8") + _data(data))
    return b"".join(out)


def fast_import_stream(files: dict[str, bytes]) -> bytes:
    """A `git fast-import` stream: main's history from the workspace files, prototype branches, archive tags."""
    stream, mark, main_marks = [], 0, []
    for day, person, message, changes in _main_line(files):
        mark += 1
        stream.append(_commit("refs/heads/main", mark, mark - 1 if mark > 1 else None, day, person, message, changes))
        main_marks.append((day, mark))
    tips: dict[str, int] = {}
    contents: dict[tuple[str, str], str] = {}
    for branch, day, person, path, line, message in BRANCH_WORK:
        parent = tips.get(branch) or max(m for d, m in main_marks if d < day)
        mark += 1
        text = contents.get((branch, path), "") + line + "\n"
        contents[(branch, path)] = text
        stream.append(_commit(f"refs/heads/{branch}", mark, parent, day, person, message, {path: text.encode("utf-8")}))
        tips[branch] = mark
    for branch, day, person, message in ARCHIVED:
        stream.append(f"tag archive/{branch}\nfrom :{tips[branch]}\n".encode()
                      + f"tagger {_who(person)} {_stamp(day, 16)}\n".encode() + _data(message.encode("utf-8")))
        stream.append(f"reset refs/heads/{branch}\nfrom 0000000000000000000000000000000000000000\n".encode())
    return b"".join(stream)


def build(folder: str | Path) -> Path:
    """Copy the sample workspace into *folder* (empty, absent, or a previous demo) and replay its history."""
    folder = Path(folder).resolve()
    _prepare(folder)
    template = source()
    files = {p.relative_to(template).as_posix(): p.read_bytes() for p in sorted(template.rglob("*")) if p.is_file()}
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    replay(folder, fast_import_stream(files))
    return folder


def demo(folder: str | Path = "decisionbook-demo", progress: bool = True) -> Demo:
    """Build the sample workspace in *folder* and run its weekly report as of the demo's fixed date."""
    from toolkit.reports.make import weekly
    from toolkit.workspace import open_workspace

    root = build(folder)
    report = weekly(open_workspace(root), as_of=AS_OF, reveal=False, progress=progress)
    return Demo(root=root, html=report.html)
