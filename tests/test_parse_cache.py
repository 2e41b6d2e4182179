"""The parse cache: every edit is seen, the worktree stays untouched, a bad cache is rebuilt, outside git it is the user's own."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pickle
import subprocess
import time
from pathlib import Path

import pytest

from conftest import DECIDE, from_today, git
from toolkit.records import parsecache, recordpickle
from toolkit.workspace import init

CARD = (
    f"---\ntitle: Ingest\nstatus: active\nstarted: {from_today(4)}\ncriteria:\n"
    '  - id: p99\n    target: "<= 200"\n  - id: works\n    target: "yes"\n---\n## Hypothesis\n\nFast.\n'
)


def cache_files(repo: Path) -> list[str]:
    folder = repo / ".git" / parsecache.FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def rewrite_keeping_stat(path: Path, old: str, new: str) -> None:
    """Change *old* to *new* (same length) in place and put the modification time back to the nanosecond."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    data = path.read_bytes()
    assert data.count(old.encode()) == 1
    with open(path, "r+b") as handle:  # in place: same inode, same size
        handle.write(data.replace(old.encode(), new.encode()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)


def forget_listings(repo: Path) -> None:
    """Remove the kept `adr list` output, so that the next listing reads the record cache."""
    for blob in (repo / ".git" / parsecache.FOLDER).glob("*.blob"):
        blob.unlink()


def titles(decide, repo: Path) -> list[str]:
    result = decide("adr", "list", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.stdout)]


def test_adr_edit_with_same_size_and_time_is_seen(repo, decide):
    for title in ("Use Postgres", "Use Kafka"):
        assert decide("adr", "new", title, "--no-edit", cwd=repo).exit_code == 0
    assert titles(decide, repo) == ["Use Postgres", "Use Kafka"]
    assert "adrs.pickle" in cache_files(repo)
    rewrite_keeping_stat(repo / "decisions/0002-use-kafka.md", "# Use Kafka", "# Use Redis")
    assert titles(decide, repo) == ["Use Postgres", "Use Redis"]


def test_cache_stays_in_the_git_folder(repo, decide):
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=repo).exit_code == 0
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    assert decide("evidence", "add", "P1", "p99", "180", cwd=repo).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "records")
    for args in (("adr", "list"), ("triage", "--as-of", from_today(30)), ("check",)):
        assert decide(*args, cwd=repo).exit_code == 0
    assert git(repo, "status", "--porcelain", "--ignored") == ""
    assert "adrs.pickle" in cache_files(repo) and "cards.pickle" in cache_files(repo)
    assert any(name.startswith("ledger-evidence-") for name in cache_files(repo))


def user_cache() -> Path:
    return Path(os.environ["HOME"], ".cache", parsecache.FOLDER)


def test_outside_git_the_cache_stays_in_the_users_cache_folder(tmp_path, decide):
    root = tmp_path / "plain"
    init(root)
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=root).exit_code == 0
    (root / "prototypes/0001-ingest.md").write_text(CARD)
    (root / "prototypes/evidence.jsonl").write_text(
        f'{{"id": "E1", "at": "{from_today(5)}T10:00:00+00:00", "prototype": 1, "criterion": "works", '
        '"value": true}\n')
    assert titles(decide, root) == ["Use Postgres"]
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert decide("triage", "--as-of", from_today(13), cwd=root).exit_code == 0
    assert not list(tmp_path.rglob("*.pickle")) and not list(tmp_path.rglob(parsecache.FOLDER))
    kept = sorted(path.name for path in user_cache().rglob("*"))
    assert "adr-list-json.blob" in kept and "adr-index.blob" in kept
    assert {"adrs.pickle", "cards.pickle"} <= set(kept) and any(name.startswith("ledger-evidence-") for name in kept)
    assert oct(user_cache().stat().st_mode & 0o777) == "0o700"
    assert {oct(path.stat().st_mode & 0o777) for path in user_cache().iterdir() if path.is_dir()} == {"0o700"}
    # Parsed records come back from there: an edit of the card is seen, the cached evidence still counts.
    shown = json.loads(decide("triage", "--as-of", from_today(13), "--format", "json", cwd=root).stdout)["prototypes"]
    assert [(row["title"], row["met"]) for row in shown] == [("Ingest", 1)]
    rewrite_keeping_stat(root / "prototypes/0001-ingest.md", "title: Ingest", "title: Egress")
    shown = json.loads(decide("triage", "--as-of", from_today(13), "--format", "json", cwd=root).stdout)["prototypes"]
    assert [(row["title"], row["met"]) for row in shown] == [("Egress", 1)]
    # An edit that keeps the file's size and time is seen outside git too.
    rewrite_keeping_stat(root / "decisions/0001-use-postgres.md", "# Use Postgres", "# Use Postgrex")
    assert titles(decide, root) == ["Use Postgrex"]
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert "[Use Postgrex](0001-use-postgres.md)" in (root / "decisions/README.md").read_text()


def test_a_cache_folder_others_can_write_is_never_used(tmp_path, decide):
    root = tmp_path / "plain"
    init(root)
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=root).exit_code == 0
    user_cache().mkdir(parents=True)
    user_cache().chmod(0o777)
    assert titles(decide, root) == ["Use Postgres"]
    assert list(user_cache().iterdir()) == []
    # A listing planted there with the right key and checksum is printed only from a folder of the user's own.
    user_cache().chmod(0o700)
    assert titles(decide, root) == ["Use Postgres"]
    (blob,) = user_cache().rglob("adr-list-json.blob")
    data = blob.read_bytes()
    body = data[32:].replace(b"Use Postgres", b"Use Oracle")
    blob.write_bytes(data[:16] + parsecache.digest(body) + body)
    user_cache().chmod(0o777)
    assert titles(decide, root) == ["Use Postgres"]
    user_cache().chmod(0o700)
    assert titles(decide, root) == ["Use Oracle"]


def _aged(path: Path, days: float) -> None:
    when = time.time() - days * 24 * 60 * 60
    os.utime(path, (when, when), follow_symlinks=False)


def test_the_caches_of_workspace_folders_unused_for_a_month_are_removed(tmp_path, decide):
    root = tmp_path / "plain"
    init(root)
    user_cache().mkdir(parents=True, mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    old, recent, other = (user_cache() / name for name in ("a" * 32, "b" * 32, "notes"))
    for folder in (old, recent, other):
        folder.mkdir()
        (folder / "cards.pickle").write_bytes(b"x")
    link = user_cache() / ("c" * 32)
    link.symlink_to(elsewhere, target_is_directory=True)
    for path, days in ((old, 31), (recent, 29), (other, 90), (link, 90), (elsewhere, 90)):
        _aged(path, days)
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=root).exit_code == 0
    assert titles(decide, root) == ["Use Postgres"]  # writes a cache
    left = sorted(path.name for path in user_cache().iterdir())
    own = parsecache.user_folder(root).name
    assert left == sorted([".pruned", "b" * 32, "c" * 32, "notes", own])
    assert (elsewhere / "keep.txt").read_text() == "mine" and (recent / "cards.pickle").exists()
    # At most once a day: a folder that turns old the same day waits for the next day's look.
    _aged(recent, 31)
    assert decide("adr", "new", "Use Kafka", "--no-edit", cwd=root).exit_code == 0
    assert len(titles(decide, root)) == 2 and recent.exists()
    _aged(user_cache() / ".pruned", 1.1)
    assert decide("adr", "new", "Use Redis", "--no-edit", cwd=root).exit_code == 0
    assert len(titles(decide, root)) == 3 and not recent.exists() and (user_cache() / own).exists()


def test_a_workspace_folder_read_every_day_keeps_its_cache(tmp_path, decide):
    root = tmp_path / "plain"
    init(root)
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=root).exit_code == 0
    assert titles(decide, root) == ["Use Postgres"]  # the listing is kept
    own = parsecache.user_folder(root)
    _aged(own, 40)
    kept = {path.name: path.stat().st_mtime for path in own.iterdir()}
    assert titles(decide, root) == ["Use Postgres"]  # read from the cache, nothing written
    assert {path.name: path.stat().st_mtime for path in own.iterdir()} == kept
    assert time.time() - own.stat().st_mtime < 60 * 60


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05N."])
def test_a_bad_cache_is_ignored_and_rebuilt(repo, decide, garbage):
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=repo).exit_code == 0
    assert titles(decide, repo) == ["Use Postgres"]
    cache = repo / ".git" / parsecache.FOLDER / "adrs.pickle"
    cache.write_bytes(garbage)
    for blob in (repo / ".git" / parsecache.FOLDER).glob("*.blob"):
        blob.write_bytes(garbage)
    assert titles(decide, repo) == ["Use Postgres"]
    assert cache.read_bytes() != garbage


def test_a_changed_card_is_seen(repo, decide):
    card = repo / "prototypes/0001-ingest.md"
    card.write_text(CARD)
    assert decide("evidence", "add", "P1", "p99", "180", cwd=repo).exit_code == 0
    first = json.loads(decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout)
    assert first["prototypes"][0]["met"] == 1
    rewrite_keeping_stat(card, '"<= 200"', '"<= 100"')
    second = json.loads(decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout)
    assert second["prototypes"][0]["met"] == 0 and second["prototypes"][0]["unmet"] == 1


def evidence_values(decide, repo: Path) -> list:
    result = decide("proto", "show", "P1", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    return [state["value"] for state in json.loads(result.stdout)["states"]]


def triage_states(decide, repo: Path) -> dict:
    result = decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    return {s["criterion"]: s["value"] for s in json.loads(result.stdout)["prototypes"][0]["states"]}


def test_ledger_appends_and_edits_are_seen(repo, decide):
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    assert decide("evidence", "add", "P1", "p99", "180", cwd=repo).exit_code == 0
    assert triage_states(decide, repo)["p99"] == 180
    assert decide("evidence", "add", "P1", "works", "yes", cwd=repo).exit_code == 0
    assert triage_states(decide, repo) == {"p99": 180, "works": "yes"}
    # A line of the part already cached changes in place, same size and time: it is read again.
    rewrite_keeping_stat(repo / "prototypes/evidence.jsonl", '"value": 180', '"value": 190')
    assert triage_states(decide, repo)["p99"] == 190


def test_ledger_problems_survive_the_cache_and_a_torn_tail_is_read_again(repo, decide):
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    assert decide("evidence", "add", "P1", "p99", "180", cwd=repo).exit_code == 0
    ledger = repo / "prototypes/evidence.jsonl"
    good = ledger.read_bytes()
    ledger.write_bytes(good + b"not json\n" + good.replace(b"180", b"170").replace(b'"id": "', b'"id": "X', 1)[:-30])
    for _ in range(2):  # the second run takes the first two lines from the cache
        result = decide("check", cwd=repo)
        assert result.exit_code == 1
        assert "prototypes/evidence.jsonl:2: error: not valid JSON" in result.stdout
        assert "prototypes/evidence.jsonl:3: error: torn last line" in result.stdout
    # The torn line is completed by hand: now it counts.
    ledger.write_bytes(good + b"not json\n" + good.replace(b"180", b"170").replace(b'"id": "', b'"id": "X', 1))
    assert triage_states(decide, repo)["p99"] == 170
    result = decide("check", cwd=repo)
    assert "evidence.jsonl:2: error" in result.stdout and ":3:" not in result.stdout


def test_cached_and_fresh_reads_agree(repo, decide):
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    for value in ("180", "220", "150"):
        assert decide("evidence", "add", "P1", "p99", value, cwd=repo).exit_code == 0
    assert decide("effort", "log", "P1", "3", cwd=repo).exit_code == 0
    fresh = decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout
    cached = decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout
    assert fresh == cached


def test_moved_goalposts_are_named_alike_from_a_cached_card(repo, decide):
    card = repo / "prototypes/0001-ingest.md"
    card.write_text(CARD)
    assert decide("evidence", "add", "P1", "p99", "180", cwd=repo).exit_code == 0
    card.write_text(CARD.replace('"<= 200"', '"<= 250"'))
    # The cache keeps a card's criteria hash; a criterion's own is computed from the cached card when asked.
    fresh = decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout
    cached = decide("triage", "--as-of", from_today(30), "--format", "json", cwd=repo).stdout
    assert fresh == cached and "changed after evidence: p99" in fresh


def test_git_dir_of_a_worktree(repo, tmp_path):
    git(repo, "worktree", "add", "-q", str(tmp_path / "other"))
    folder = parsecache.git_dir(tmp_path / "other" / "decisions")
    assert folder is not None and folder.resolve() == (repo / ".git" / "worktrees" / "other").resolve()
    assert parsecache.git_dir(repo / "decisions") == repo / ".git"


def test_resumed_ledger_read_equals_a_full_read(repo):
    from toolkit.records import ledger
    from toolkit.records.ledger import Evidence

    def line(ident, value, extra=""):
        return (f'{{"id": "{ident}", "at": "2046-11-20T10:00:00+00:00", "prototype": 1, "criterion": "p99", '
                f'"value": {value}{extra}}}\n').encode()

    path = repo / "prototypes/evidence.jsonl"
    parts = [
        line("A", 1), b"\n", b"  \t\n", line("B", 2, ', "team": {"x": [1]}'), b"\xff\xfe\n", line("A", 1),
        line("A", 9), b"[1, 2]\n", line("C", 3).replace(b"\n", b"\r\n"), b"\xc2\xa0\n", line("D", 1e400),
    ]
    later = [line("B", 2, ', "team": {"x": [1]}'), line("E", 5), line("F", 6)[:-9]]
    for data in (b"".join(parts), b"".join(parts + later), b"".join(parts + later[:2]), b"".join(parts[:3])):
        path.write_bytes(data)
        expected = ledger.parse_lines(data, Evidence, "ev")
        assert ledger.read(path, Evidence, "ev") == expected  # resumed from what the cache holds
        assert ledger.read(path, Evidence, "ev") == expected  # all from the cache
    assert [e.id for e in ledger.read(path, Evidence, "ev").entries] == ["A"]


class _Planted:
    """Pickles as a call of os.system: what a planted cache file would try."""

    def __reduce__(self):
        return (os.system, ("touch planted-ran",))


def _text(value: str) -> bytes:
    return pickle.SHORT_BINUNICODE + bytes([len(value)]) + value.encode()


def _global_call(module: str, name: str, argument: str) -> bytes:
    """A pickle that looks up *module*.*name* and calls it with *argument*."""
    return (pickle.PROTO + b"\x04" + _text(module) + _text(name) + pickle.STACK_GLOBAL + _text(argument)
            + pickle.TUPLE1 + pickle.REDUCE + pickle.STOP)


def _through_getattr() -> bytes:
    """getattr(toolkit.records.files module's `os`, "system")("touch planted-ran"), spelled by hand."""
    return (pickle.PROTO + b"\x04" + _text("builtins") + _text("getattr") + pickle.STACK_GLOBAL
            + _text("toolkit.records.files") + _text("os") + pickle.STACK_GLOBAL + _text("system") + pickle.TUPLE2
            + pickle.REDUCE + _text("touch planted-ran") + pickle.TUPLE1 + pickle.REDUCE + pickle.STOP)


PLANTED = {
    "reduce": lambda: pickle.dumps((parsecache._stamp(), {"key": _Planted()})),
    "dotted name through a record module": lambda: _global_call("toolkit.records.files", "os.system", "touch planted-ran"),
    "getattr": _through_getattr,
}


@pytest.mark.parametrize("planted", PLANTED)
def test_a_planted_cache_file_cannot_run_code(repo, decide, planted):
    (repo / "decisions" / "0001-a.md").write_text("---\nstatus: proposed\n---\n# A\n")
    assert decide("adr", "list", cwd=repo).exit_code == 0
    (target,) = [repo / ".git" / parsecache.FOLDER / name for name in cache_files(repo) if name.startswith("adrs")]
    target.write_bytes(PLANTED[planted]())
    forget_listings(repo)
    result = decide("adr", "list", cwd=repo)
    assert result.exit_code == 0 and "A" in result.stdout
    assert not (repo / "planted-ran").exists()


def test_paths_come_back_as_the_readers_and_nothing_else_of_the_pickle_module_is_reachable():
    held, other = Path("/w/prototypes/0001-a.md"), Path("/w/prototypes/0002-b.md")
    back = _load(recordpickle.dumps({"card": held, "other": other}), {str(held): held})
    assert back["card"] is held and back["other"] == other
    # The one function a cache file may name there turns text into a Path, and runs nothing.
    planted = _load(_global_call("toolkit.records.recordpickle", "_path", "touch planted-ran"), {})
    assert planted == Path("touch planted-ran")
    for name in ("dumps", "load", "Path", "pickle", "io", "_Unpickler", "_Pickler", "_path.__globals__"):
        with pytest.raises(pickle.UnpicklingError):
            _load(_global_call("toolkit.records.recordpickle", name, "touch planted-ran"), {})


def _load(data: bytes, paths: dict):
    return recordpickle.load(io.BytesIO(data), paths)


def test_a_ledger_of_many_mib_is_read_piece_by_piece_as_a_whole_read_would(repo, tmp_path):
    from toolkit.records import ledger
    from toolkit.records.ledger import Evidence

    def line(n, note=""):
        return (f'{{"id": "{n:08d}", "at": "2046-11-20T10:00:00+00:00", "prototype": {n % 7 + 1}, '
                f'"criterion": "c{n % 3}", "value": {n}, "by": "ana", "note": "{note}"}}\n').encode()

    lines = [line(n, "x" * (n % 50)) for n in range(30_000)]
    lines[9_000] = b"not json\n"
    lines[20_000] = line(20_000, "long " * 300_000)  # one line longer than a piece, across several
    data = b"".join(lines)
    assert len(data) > 4 * ledger._CHUNK
    # Every line on its own is the oracle: the entry it holds, or the one problem on its line.
    good = [ledger.parse_lines(text, Evidence, "ev").entries[0] for n, text in enumerate(lines) if n != 9_000]
    plain = tmp_path / "evidence.jsonl"  # outside git: the user's cache folder
    in_git = repo / "prototypes/evidence.jsonl"
    for cut in (len(data), len(data) - 7, sum(map(len, lines[:20_001])) + 3):
        for path in (plain, in_git):
            path.write_bytes(data[:cut])
            read = ledger.read(path, Evidence, "ev")
            count = data[:cut].count(b"\n") - 1
            assert list(read.entries) == good[:count]
            assert [(p.line, "torn" in p.message) for p in read.problems] == \
                [(9_001, False)] + ([(count + 2, True)] if cut < len(data) else [])
    path = in_git
    path.write_bytes(data[: len(data) // 3])
    ledger.read(path, Evidence, "ev")
    path.write_bytes(data)  # resumed after what the cache holds
    plain.write_bytes(data)
    assert ledger.read(path, Evidence, "ev") == ledger.read(plain, Evidence, "ev")
    entries = ledger.read(path, Evidence, "ev").entries
    held = entries.columns[entries.names.index("criterion")]
    # Repeated text is never an object per entry: one string of short values, or one object per value.
    assert type(held) is not tuple or len({id(text) for text in held}) == 3


def test_planted_ledger_columns_neither_run_code_nor_change_what_is_read(repo):
    from toolkit.records import columns, ledger
    from toolkit.records.ledger import Effort

    path = repo / "prototypes" / "effort.jsonl"
    path.parent.mkdir(exist_ok=True)
    lines = [f'{{"id": "01J{n:023d}", "at": "2026-11-0{1 + n % 9}T10:00:00+00:00", "prototype": {n % 3}, '
             f'"hours": {n}.5, "date": "2026-11-0{1 + n % 9}", "by": null, "note": null}}\n' for n in range(40)]
    path.write_text("".join(lines))
    expected = ledger.read(path, Effort, "ef")
    (name,) = [name for name in cache_files(repo) if name.startswith("ledger-effort")]
    target = repo / ".git" / parsecache.FOLDER / name
    stamp, table = recordpickle.load(io.BytesIO(target.read_bytes()), {})
    (key,) = table
    done = table[key]
    hostile = "0]; __import__('os').system('touch planted-ran'); [0"
    ids = done.columns[0]
    assert type(ids) is columns.Fixed
    plantings = [
        columns.Fixed(ids.text, hostile, ids.count),  # a width that would be code if written into code
        columns.Fixed(ids.text[:-1], ids.width, ids.count),  # text one character short
        columns.Numbers("q", b"\0" * 7),
        columns.Same("x", 39),  # one row fewer than the other columns
    ]
    for planted in plantings:
        table[key] = dataclasses.replace(done, columns=(planted, *done.columns[1:]))
        target.write_bytes(recordpickle.dumps((stamp, table)))
        assert ledger.read(path, Effort, "ef") == expected, planted
        assert recordpickle.load(io.BytesIO(target.read_bytes()), {})[1][key] == done  # read afresh and kept again
        assert not (repo / "planted-ran").exists()


def test_a_cache_file_that_is_not_a_regular_file_is_a_miss_not_a_wait(repo, decide):
    (repo / "prototypes/0001-ingest.md").write_text(CARD)
    assert decide("adr", "new", "Use Postgres", "--no-edit", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "p99", "150", cwd=repo).exit_code == 0
    commands = (["adr", "list"], ["triage", "--as-of", from_today(30), "--format", "json"])

    def run(args):
        proc = subprocess.run([DECIDE, *args], cwd=repo, capture_output=True, text=True, timeout=60)
        return proc.returncode, proc.stdout, proc.stderr

    before = [run(args) for args in commands]
    assert [code for code, _, _ in before] == [0, 0]
    folder = repo / ".git" / parsecache.FOLDER
    names = cache_files(repo)
    assert any(name.endswith(".blob") for name in names) and any(name.startswith("ledger-") for name in names)
    for name in names:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    assert [run(args) for args in commands] == before
