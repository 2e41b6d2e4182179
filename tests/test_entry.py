"""The `decide` executable's fast path: the same bytes and exit codes as click, without importing click."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest

from conftest import git
from toolkit.cli import cli
from toolkit.entry import FAST, parse
from toolkit.records import parsecache

ADR = "---\nstatus: {status}\ndate: 2026-11-0{n}\n---\n# Decision {n}\n"


@pytest.fixture
def adrs(repo):
    for n, status in ((1, "accepted"), (2, "proposed"), (3, "accepted")):
        (repo / "decisions" / f"000{n}-decision-{n}.md").write_text(ADR.format(n=n, status=status))
    (repo / "decisions" / "20240101-dated.md").write_text("# Dated \u202e one\n")
    return repo


FORMS = [
    ["adr", "list"],
    ["adr", "list", "--format", "json"],
    ["adr", "list", "--format=csv"],
    ["adr", "list", "--status", "accepted", "--format", "json"],
    ["adr", "list", "--format", "table", "--status=proposed"],
    ["adr", "list", "--status", ""],
    ["--version"],
    # Not fast forms: click answers them through the same executable.
    ["adr", "list", "--format", "xml"],
    ["adr", "list", "--status"],
    ["adr", "list", "--status", "accepted", "--status", "proposed"],
    ["adr", "list", "--help"],
    ["adr", "list", "extra"],
]


@pytest.mark.parametrize("argv", FORMS, ids=" ".join)
def test_the_executable_prints_what_click_prints(adrs, decide, decide_process, argv):
    for _ in range(2):  # a cold and a warm cache
        fast = decide_process(*argv, cwd=adrs)
        slow = decide(*argv, cwd=adrs)
        assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_an_unreadable_adr_is_the_same_error_both_ways_and_never_cached(adrs, decide, decide_process):
    (adrs / "decisions" / "0004-broken.md").write_text("---\nstatus: [unclosed\n---\n# Broken\n")
    for _ in range(2):
        fast = decide_process("adr", "list", cwd=adrs / "decisions")
        slow = decide("adr", "list", cwd=adrs / "decisions")
        assert fast.exit_code == slow.exit_code == 2
        assert (fast.stdout, fast.stderr) == (slow.stdout, slow.stderr)
        assert fast.stderr.startswith("decisions/0004-broken.md:2: error:")
    assert not list((adrs / ".git" / parsecache.FOLDER).glob("*.blob"))


def test_the_fast_forms_import_neither_click_nor_gitpython(adrs):
    # Nor, once the cache is warm, typing, tomllib or OpenSSL's hashlib: each costs a tenth of `decide --version`.
    code = ("import sys\nfrom toolkit.entry import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('CLICK', 'click' in sys.modules, 'GIT', 'git' in sys.modules, file=sys.stderr)\n"
            "print('LIGHT', not {'typing', 'tomllib', '_hashlib'} & sys.modules.keys(), file=sys.stderr)\n")
    assert (adrs / "decisionbook.toml").is_file()
    for argv in (["adr", "list"], ["adr", "list", "--format", "json"], ["--version"], ["adr", "new", "Z", "--no-edit"],
                 ["adr", "index"], ["adr", "index", "--check"], ["effort", "git"], ["effort", "git", "--format=json"]):
        for warm in (False, True):
            proc = subprocess.run([sys.executable, "-c", code, *argv], cwd=adrs, capture_output=True, text=True)
            assert proc.returncode == 0 and "CLICK False GIT False" in proc.stderr, proc.stderr
            assert not warm or "LIGHT True" in proc.stderr, (argv, proc.stderr)
    proc = subprocess.run([sys.executable, "-c", code, "adr", "show", "1"], cwd=adrs, capture_output=True, text=True)
    assert "CLICK True" in proc.stderr


def test_fast_forms_agree_with_the_click_commands():
    ctx = click.Context(cli)
    for (group, name), form in FAST.items():
        command = cli.get_command(ctx, group).get_command(ctx, name)
        params = {opt: param for param in command.params for opt in param.opts}
        for option, choices in form.options.items():
            param = params[option]
            assert not param.is_flag and not param.multiple and param.nargs == 1
            assert choices == (tuple(param.type.choices) if isinstance(param.type, click.Choice) else None)
            assert param.type.name in ("text", "choice")
        for flag in form.flags:
            assert params[flag].is_flag and not params[flag].secondary_opts
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        assert all(p.nargs == 1 and p.type.name == "text" for p in arguments)
        assert [p.required for p in arguments] == [True] * form.arguments + [False] * form.optional


def twin_repos(tmp_path, adrs: int) -> list:
    """Two identical repositories, one for the executable and one for click, holding *adrs* accepted ADRs."""
    roots = []
    for name in ("fast", "click"):
        root = tmp_path / name
        (root / "decisions").mkdir(parents=True)
        git(root, "init", "-q", "-b", "main")
        for n in range(1, adrs + 1):
            (root / "decisions" / f"000{n}-decision-{n}.md").write_text(ADR.format(n=n, status="accepted"))
        roots.append(root)
    return roots


NEW_FORMS = [
    ["adr", "new", "Use queues", "--no-edit"],
    ["adr", "new", "--no-edit", "Use queues", "--data-change"],
    ["adr", "new", "Use queues", "--template", "nygard", "--no-edit"],
    ["adr", "new", "Use queues", "--template=missing.md", "--no-edit"],
    ["adr", "new", "", "--no-edit"],
    ["adr", "new", "Two\nlines", "--no-edit"],
    ["adr", "new", "Use queues"],  # no editor is set: nothing to open
    ["adr", "new", "--no-edit"],
    ["adr", "new", "A", "B", "--no-edit"],
]


@pytest.mark.parametrize("argv", NEW_FORMS, ids=" ".join)
def test_adr_new_through_the_executable_is_what_click_does(tmp_path, decide, decide_process, argv):
    roots = twin_repos(tmp_path, 1)
    fast = decide_process(*argv, cwd=roots[0])
    slow = decide(*argv, cwd=roots[1])
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
    made = [sorted((p.name, p.read_bytes()) for p in (root / "decisions").iterdir()) for root in roots]
    assert made[0] == made[1]


INDEX_FORMS = [["adr", "index"], ["adr", "index", "--check"]]


@pytest.mark.parametrize("argv", INDEX_FORMS, ids=" ".join)
def test_adr_index_through_the_executable_is_what_click_does_and_follows_edits(tmp_path, decide, decide_process, argv):
    roots = twin_repos(tmp_path, 2)
    for root in roots:
        (root / "decisions" / "README.md").write_text(
            "# Decisions\n\n<!-- decisionbook:index:start -->\n<!-- decisionbook:index:end -->\n\nKept.\n")

    def both():
        fast = decide_process(*argv, cwd=roots[0])
        slow = decide(*argv, cwd=roots[1])
        assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)
        readmes = [(root / "decisions" / "README.md").read_bytes() for root in roots]
        assert readmes[0] == readmes[1]
        return fast, readmes[0].decode()

    for _ in range(2):  # a cold and a warm cache
        result, readme = both()
    assert result.exit_code == (1 if "--check" in argv else 0)
    assert ("[Decision 2](0002-decision-2.md)" in readme) != ("--check" in argv) and readme.endswith("\n\nKept.\n")
    for root in roots:  # the same size and modification time: only the bytes tell
        path = root / "decisions" / "0002-decision-2.md"
        stat = path.stat()
        path.write_text(path.read_text().replace("# Decision 2", "# Decisive 2"))
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result, readme = both()
    assert ("[Decisive 2](0002-decision-2.md)" in readme) != ("--check" in argv)


@pytest.mark.parametrize("argv", [["adr"], ["adr", "new", "-x"], ["adr", "index", "x"], ["adr", "index", "--check=1"], ["adr", "list", "-h"], ["adr", "list", "--format"],
                                  ["adr", "new", "x", "--supersedes", "1"], ["adr", "new", "x", "--no-edit=1"],
                                  ["adr", "list", "--status", "--format"], ["adr", "list", "--sta", "x"]])
def test_everything_else_goes_to_click(argv):
    assert parse(argv) is None


def test_a_kept_listing_follows_every_edit_and_ignores_a_damaged_or_foreign_file(adrs, decide_process, tmp_path):
    def listing():
        result = decide_process("adr", "list", "--format", "csv", cwd=adrs)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    first = listing()
    (blob,) = (adrs / ".git" / parsecache.FOLDER).glob("adr-list-csv.blob")
    assert listing() == first
    # The same size and modification time: only the bytes tell.
    path = adrs / "decisions" / "0002-decision-2.md"
    stat = path.stat()
    path.write_text(path.read_text().replace("# Decision 2", "# Decisive 2"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Decisive 2" in listing()
    edited = listing()
    for damage in (b"", blob.read_bytes()[:40], blob.read_bytes().replace(b"Decisive", b"Decoyive")):
        blob.write_bytes(damage)
        assert listing() == edited
    # A listing kept for another workspace is not this one's.
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q", "-b", "main")
    (other / "decisions").mkdir()
    (other / "decisions" / "0001-elsewhere.md").write_text(ADR.format(n=1, status="rejected"))
    decide_process("adr", "list", "--format", "csv", cwd=other)
    blob.write_bytes((other / ".git" / parsecache.FOLDER / "adr-list-csv.blob").read_bytes())
    assert listing() == edited
    # A sub-folder could hold what a future reader lists: no kept listing is used then.
    (adrs / "decisions" / "assets").mkdir()
    blob.unlink()
    assert listing() == edited
    assert not blob.exists()


def test_a_kept_listing_follows_the_settings(adrs, decide_process):
    (adrs / "decisions" / "0005-custom.md").write_text("# 5. Custom\n\nDate: 2026-11-05\n\n## Status\n\nUmgesetzt\n")
    first = decide_process("adr", "list", "--format", "csv", cwd=adrs)
    assert "Custom,Umgesetzt," in first.stdout
    config = adrs / "decisionbook.toml"
    config.write_text(config.read_text() + '\n[adr.statuses]\n"umgesetzt" = "accepted"\n')
    second = decide_process("adr", "list", "--format", "csv", cwd=adrs)
    assert "Custom,accepted," in second.stdout


# Runs `decide ARGS` and presses Ctrl-C (SIGINT to itself) as it opens a record, or as it imports click.
_INTERRUPTED = """
import os, signal, sys
from toolkit.entry import main

opened = os.open

def interrupted(path, *args, **kwargs):
    if os.fsdecode(path).endswith(".md"):
        os.kill(os.getpid(), signal.SIGINT)
    return opened(path, *args, **kwargs)

class ClickImport:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            os.kill(os.getpid(), signal.SIGINT)
        return None

if sys.argv[1] == "open":
    os.open = interrupted
else:
    sys.meta_path.insert(0, ClickImport())
main(sys.argv[2:])
"""


@pytest.mark.parametrize("when, argv", [("open", ["adr", "list"]), ("open", ["adr", "index"]),
                                        ("open", ["adr", "show", "1"]), ("import", ["triage"])])
def test_ctrl_c_stops_every_command_as_click_does_without_a_traceback(adrs, when, argv):
    proc = subprocess.run([sys.executable, "-c", _INTERRUPTED, when, *argv], cwd=adrs, capture_output=True,
                          text=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (130, "", "\nAborted!\n")  # 128 + SIGINT (ADR 0214)


def test_the_executable_ends_at_once_with_all_it_wrote_and_a_caller_goes_on(tmp_path, decide_process):
    # The executable leaves without tearing the interpreter down: what it wrote must still reach a pipe whole,
    # far more than the pipe holds, and its exit code must be the one the command ends with.
    root = tmp_path / "many"
    (root / "decisions").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for n in range(1, 1201):
        (root / "decisions" / f"{n:04d}-decision-{n}.md").write_text(ADR.format(n=n % 9 + 1, status="accepted"))
    listed = decide_process("adr", "list", "--format", "json", cwd=root)
    assert listed.exit_code == 0 and len(listed.stdout) > 1 << 17
    assert [row["number"] for row in json.loads(listed.stdout)] == list(range(1, 1201))
    checked = decide_process("adr", "index", "--check", cwd=root)
    assert checked.exit_code == 1 and "README.md" in checked.stderr
    # Called in a process that goes on, a fast form returns through SystemExit with the collector as it was; and
    # none registers anything to run at exit, which the executable's early end would skip (ADR 0236).
    code = ("import atexit, gc, sys\nregistered = []\natexit.register = lambda *a, **k: registered.append(a)\n"
            "from toolkit.entry import main\n"
            "for argv in (['adr', 'list'], ['adr', 'index', '--check'], ['adr', 'new', 'Z', '--no-edit'],\n"
            "             ['effort', 'git']):\n"
            "    try:\n        main(argv)\n    except SystemExit as end:\n"
            "        print('ENDED', end.code, gc.isenabled(), file=sys.stderr)\n"
            "print('WENT ON', 'AT EXIT', len(registered), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    ends = [line for line in proc.stderr.splitlines() if line.startswith("ENDED")]
    assert ends == ["ENDED 0 True", "ENDED 1 True", "ENDED 0 True", "ENDED 2 True"], proc.stderr  # git: no commits
    assert "WENT ON AT EXIT 0" in proc.stderr, proc.stderr
