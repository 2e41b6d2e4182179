"""The `decide` executable: answers its hottest forms without importing click, hands the rest to click.

`decide adr list` on 1,000 ADRs would spend most of its time importing click. For the forms in
FAST, spelled exactly as click accepts them, this module parses the arguments itself, calls the same
library function the click command calls and prints the same bytes; anything else (help, another
option, a value click would refuse) goes to the click group, which stays the one definition of the
command line. tests/test_entry.py holds the two paths to the same output.
"""

from __future__ import annotations

import sys

# (group, command): options that take a value -> the values click accepts (None: any text).
FAST = {
    ("adr", "list"): {"--status": None, "--format": ("table", "json", "csv")},
}


def parse(argv: list[str]) -> tuple[tuple[str, str], dict[str, str]] | None:
    """The fast form *argv* spells and its options, or None when click must handle it."""
    if len(argv) < 2 or (argv[0], argv[1]) not in FAST:
        return None
    spec = FAST[(argv[0], argv[1])]
    options: dict[str, str] = {}
    rest = iter(argv[2:])
    for word in rest:
        name, sep, value = word.partition("=")
        if name not in spec or name in options:
            return None
        if not sep:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
        if spec[name] is not None and value not in spec[name]:
            return None
        options[name] = value
    return (argv[0], argv[1]), options


def _adr_list(options: dict[str, str]) -> int:
    from toolkit.actions.adr_list import adr_listing
    from toolkit.errors import DecisionbookError, error_line
    from toolkit.workspace import open_workspace

    try:
        text, error = adr_listing(open_workspace("."), options.get("--status"), options.get("--format", "table"))
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        if error is not None:
            raise error
    except DecisionbookError as exc:
        sys.stderr.write(error_line(exc) + "\n")
        return exc.exit_code
    except OSError as exc:
        sys.stderr.write(error_line(exc) + "\n")
        return 2
    return 0


def main(args: list[str] | None = None, prog_name: str = "decide") -> None:
    """Run `decide` with *args* (default: the process's arguments) and exit with its code."""
    argv = sys.argv[1:] if args is None else list(args)
    if argv == ["--version"]:
        from toolkit import __version__

        sys.stdout.write(f"{prog_name}, version {__version__}\n")
        sys.exit(0)
    parsed = parse(argv)
    if parsed is None:
        from toolkit.cli import main as click_main

        click_main(argv, prog_name)
        return
    sys.exit(_adr_list(parsed[1]))
