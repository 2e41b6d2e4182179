"""Synthetic ADR workspaces: N records in MADR form, or N in adr-tools form with supersede links."""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
from pathlib import Path

WORDS = ("cache", "queue", "schema", "search", "billing", "auth", "events", "storage", "api", "metrics")
BODY = """
## Context and Problem Statement

The {word} layer handles traffic for {count} services. We need to decide how it evolves over the
next two quarters without a rewrite. Latency budgets and the on-call load both matter here.

## Considered Options

* Keep the current {word} design
* Replace it with a managed service
* Split it per team

## Decision Outcome

Chosen option: "Replace it with a managed service", because it removes a pager rotation.

### Consequences

* Good, because fewer moving parts are ours to run.
* Bad, because the vendor sets the upgrade schedule.
"""


def _title(number: int) -> str:
    return f"Use option {number % 7} for the {WORDS[number % len(WORDS)]} layer ({number})"


def _date(number: int) -> str:
    return (dt.date(2020, 1, 1) + dt.timedelta(days=number % 2000)).isoformat()


def _slug(number: int) -> str:
    return f"use-option-{number % 7}-for-the-{WORDS[number % len(WORDS)]}-layer-{number}"


def _madr(number: int, count: int) -> str:
    superseded = number % 10 == 0 and number < count
    status = f"superseded by ADR-{number + 1:04d}" if superseded else ("accepted" if number % 3 else "proposed")
    supersedes = f"supersedes: [{number - 1}]\n" if number % 10 == 1 and number > 1 else ""
    return (
        f"---\nstatus: {status}\ndate: {_date(number)}\ndecision-makers: [ana, ben]\n"
        f"consulted: [chen]\ninformed: [dev-team]\n{supersedes}team-tag: platform  # unknown key, kept\n---\n"
        f"# {_title(number)}\n" + BODY.format(word=WORDS[number % len(WORDS)], count=number)
    )


def _nygard(number: int, count: int) -> str:
    lines = [f"# {number}. {_title(number)}", "", f"Date: {_date(number)}", "", "## Status", ""]
    if number % 10 == 0 and number < count:
        lines.append(f"Superseded by [{number + 1}. {_title(number + 1)}]({number + 1:04d}-{_slug(number + 1)}.md)")
    else:
        lines.append("Accepted")
    if number % 10 == 1 and number > 1:
        lines += ["", f"Supersedes [{number - 1}. {_title(number - 1)}]({number - 1:04d}-{_slug(number - 1)}.md)"]
    lines += ["", "## Context", "", f"The {WORDS[number % len(WORDS)]} layer needs a decision.", "",
              "## Decision", "", "We will replace it with a managed service.", "",
              "## Consequences", "", "Fewer moving parts are ours to run."]
    return "\n".join(lines) + "\n"


def generate(root: Path, count: int, form: str = "madr", git: bool = False) -> Path:
    """Fill *root* with *count* ADRs in *form* ("madr" or "adr-tools"); return the ADR folder.

    The MADR workspace has decisionbook.toml and `decisions/`; the adr-tools one has `.adr-dir`
    naming `doc/adr`. Every tenth record is superseded by the next one, in the form's own way.
    """
    root.mkdir(parents=True, exist_ok=True)
    if form == "madr":
        folder = root / "decisions"
        (root / "decisionbook.toml").write_text('[paths]\ndecisions = "decisions"\n')
        render = _madr
    elif form == "adr-tools":
        folder = root / "doc" / "adr"
        (root / ".adr-dir").write_text("doc/adr\n")
        render = _nygard
    else:
        raise ValueError(f"unknown form {form!r}")
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        (folder / f"{number:04d}-{_slug(number)}.md").write_text(render(number, count))
    if git:
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "ADRs"]):
            subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--form", choices=("madr", "adr-tools"), default="madr")
    parser.add_argument("--git", action="store_true", help="commit the files in a new git repository")
    args = parser.parse_args()
    print(generate(args.root, args.count, args.form, args.git))


if __name__ == "__main__":
    main()
