"""The `decide` executable: answers its hottest forms without importing click, hands the rest to click.

`decide adr list` on 1,000 ADRs would spend most of its time importing click, and `decide effort git`
a fifth of what the git it runs costs. For the forms in FAST, spelled exactly as click accepts them,
this module parses the arguments itself, calls the same library function the click command calls and
prints the same bytes; anything else (help, another option, a value click would refuse, an editor to
open) goes to the click group, which stays the one definition of the command line.
tests/test_entry.py holds the two paths to the same output.
"""

from __future__ import annotations

import gc
import os
import sys


class Form:
    """What a fast form may hold: options with a value (-> the values click accepts, None: any), flags,
    required arguments and optional ones after them."""

    # A plain class: typing's NamedTuple would cost `decide --version` more than its own work.
    def __init__(self, options: dict[str, tuple[str, ...] | None], flags: tuple[str, ...] = (), arguments: int = 0,
                 optional: int = 0):
        self.options = options
        self.flags = flags
        self.arguments = arguments
        self.optional = optional


FAST = {
    ("adr", "list"): Form({"--status": None, "--format": ("table", "json", "csv")}),
    ("adr", "new"): Form({"--template": None, "--in": None}, ("--no-edit", "--data-change"), 1),
    ("adr", "index"): Form({}, ("--check",)),
    ("effort", "git"): Form({"--format": ("table", "json")}, optional=1),
}


def parse(argv: list[str]) -> tuple[tuple[str, str], dict[str, str | bool], list[str]] | None:
    """The fast form *argv* spells, its options and its arguments; None when click must handle it."""
    if len(argv) < 2 or (argv[0], argv[1]) not in FAST:
        return None
    form = FAST[(argv[0], argv[1])]
    options: dict[str, str | bool] = {}
    arguments: list[str] = []
    rest = iter(argv[2:])
    for word in rest:
        if not word.startswith("-"):
            arguments.append(word)
            continue
        name, sep, value = word.partition("=")
        if name in options:
            return None
        if name in form.flags and not sep:
            options[name] = True
            continue
        if name not in form.options:
            return None
        if not sep:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
        if form.options[name] is not None and value not in form.options[name]:
            return None
        options[name] = value
    if not form.arguments <= len(arguments) <= form.arguments + form.optional:
        return None
    return (argv[0], argv[1]), options, arguments


def _adr_list(options: dict, arguments: list[str]) -> None:
    from toolkit.actions.adr_list import adr_listing
    from toolkit.workspace import missing_adr_dir, open_workspace

    ws = open_workspace(".")
    text, error = adr_listing(ws, options.get("--status"), options.get("--format", "table"))
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    if (missing := missing_adr_dir(ws)) is not None:
        sys.stderr.write(f"warning: {_visible(missing)}\n")
    if error is not None:
        raise error


def _adr_new(options: dict, arguments: list[str]) -> None:
    from toolkit.actions.adrs import new_decision
    from toolkit.workspace import open_workspace

    result = new_decision(open_workspace("."), arguments[0], template=options.get("--template"),
                          data_change=bool(options.get("--data-change")), folder=options.get("--in"))
    sys.stdout.write(os.path.relpath(result.path) + "\n")
    sys.stdout.flush()
    for path in result.updated:  # the folder's list of records, where it keeps one (ADR 0196)
        sys.stderr.write(f"updated {_visible(os.path.relpath(path))}\n")
    if result.note:
        sys.stderr.write(_visible(result.note) + "\n")


def _adr_index(options: dict, arguments: list[str]) -> None:
    from toolkit.actions.adr_index import index
    from toolkit.workspace import open_workspace

    check = bool(options.get("--check"))
    result = index(open_workspace("."), check=check)
    where = os.path.relpath(result.path)
    sys.stdout.write(f"{where}: index is up to date\n" if check else f"{'updated' if result.changed else 'unchanged'} {where}\n")
    sys.stdout.flush()


def _effort_git(options: dict, arguments: list[str]) -> None:
    from toolkit.actions.git_effort import as_text, git_effort
    from toolkit.workspace import open_workspace

    result = git_effort(open_workspace("."), *arguments)
    sys.stdout.write(as_text(result, options.get("--format", "table")))
    sys.stdout.flush()
    for problem in result.problems:
        sys.stderr.write(_visible(str(problem)) + "\n")


def _opens_an_editor(options: dict) -> bool:
    return not options.get("--no-edit") and bool(os.environ.get("VISUAL") or os.environ.get("EDITOR")) and sys.stdin.isatty()


RUN = {("adr", "list"): _adr_list, ("adr", "new"): _adr_new, ("adr", "index"): _adr_index, ("effort", "git"): _effort_git}


def _visible(text: str) -> str:
    """*text* with a terminal's control characters shown, not obeyed: a file's name may hold them."""
    from toolkit.records.text import visible

    return visible(text)


def _not_utf8(argv: list[str]) -> str | None:
    """The first argument holding bytes that are not UTF-8 (a latin-1 terminal's `é`), shown as `\\xe9`, or None.

    Such bytes reach Python as lone surrogates, which no record can be written with: refused before any work.
    """
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def main(args: list[str] | None = None, prog_name: str = "decide") -> None:
    """Run `decide` with *args* (default: the process's arguments) and exit with its code."""
    try:
        _main(sys.argv[1:] if args is None else list(args), prog_name, own_process=args is None)
    except KeyboardInterrupt:
        # Ctrl-C in a fast form, or before click runs (importing it): the words and code the click path gives
        # (toolkit.cli.INTERRUPTED, not imported here: the fast forms do without click).
        sys.stderr.write("\nAborted!\n")
        sys.exit(130)


def _main(argv: list[str], prog_name: str, own_process: bool = False) -> None:
    for stream in (sys.stdout, sys.stderr):
        # A terminal whose encoding (latin-1, say) cannot show a title gets it escaped, not a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    refused = _not_utf8(argv)
    if refused is not None:
        sys.stderr.write(f"error: argument '{_visible(refused)}' is not UTF-8 text; "
                         "run decide in a UTF-8 locale (LANG=C.UTF-8, say)\n")
        sys.exit(2)
    if argv == ["--version"]:
        from toolkit import __version__

        sys.stdout.write(f"{prog_name}, version {__version__}\n")
        sys.exit(0)
    parsed = parse(argv)
    if parsed is None or (parsed[0] == ("adr", "new") and _opens_an_editor(parsed[1])):
        if own_process and argv[:1] == ["triage"] and "--help" not in argv:
            from toolkit.actions import warming

            warming.start()
        from toolkit.cli import main as click_main

        click_main(argv, prog_name)
        return
    # A fast form builds its modules and a folder's names without reference cycles to free, and ends: the
    # cyclic collector's passes over them would free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run(parsed)
    finally:
        if collecting:  # called in a process that goes on (a test)
            gc.enable()
    if own_process:
        _leave(code)
    sys.exit(code)


def _run(parsed) -> int:
    """Run the fast form *parsed*: its exit code, an error it ends with written as click would write it."""
    from toolkit.errors import DecisionbookError, error_line

    try:
        RUN[parsed[0]](parsed[1], parsed[2])
    except DecisionbookError as exc:
        sys.stderr.write(_visible(error_line(exc)) + "\n")
        return exc.exit_code
    except OSError as exc:
        sys.stderr.write(_visible(error_line(exc)) + "\n")
        return 2
    return 0


def _leave(code: int) -> None:
    """End the process with *code* once what it wrote is flushed, without tearing the interpreter down.

    Clearing every module and collecting what they held costs `decide adr new` a tenth of its time, and
    frees nothing the system does not: a fast form has closed its files, released its locks and ended its
    git processes when it returns.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the interpreter reports it as it always has
        sys.exit(code)
    os._exit(code)
