"""`decide check release`: data-format changes never ship in one range with the code that uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import git
from toolkit.actions.release import glob_match


def commit(repo: Path, message: str, files: dict[str, str]) -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def shipped(repo):
    """main: base, then a migration commit A, then a code commit B."""
    base = commit(repo, "base", {"app/orders.py": "ORDERS = 1\n", "README.md": "hi\n"})
    data = commit(repo, "add column", {"migrations/0003.sql": "ALTER TABLE orders ADD note text;\n"})
    code = commit(repo, "use column", {"app/orders.py": "ORDERS = 2\n", "tests/test_orders.py": "x = 1\n"})
    return repo, base, data, code


def test_range_with_data_and_code_exits_1_and_explains(shipped, decide):
    repo, base, data, code = shipped
    result = decide("check", "release", f"{base}..{code}", cwd=repo)
    assert result.exit_code == 1, result
    assert "data: migrations/0003.sql" in result.stdout
    assert "code: app/orders.py" in result.stdout
    assert "tests/test_orders.py" not in result.stdout.split("ship it")[0].split("error:")[1]
    assert "1. expand" in result.stdout and "2. ship the code" in result.stdout and "3. contract" in result.stdout


def test_split_ranges_pass(shipped, decide):
    repo, base, data, code = shipped
    first = decide("check", "release", f"{base}..{data}", cwd=repo)
    second = decide("check", "release", f"{data}..{code}", cwd=repo)
    assert first.exit_code == 0, first
    assert "only data-format files" in first.stdout
    assert second.exit_code == 0, second


def test_json_lists_both_sets(shipped, decide):
    repo, base, data, code = shipped
    result = decide("check", "release", f"{base}..{code}", "--format", "json", cwd=repo)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["data"] == ["migrations/0003.sql"]
    assert report["code"] == ["app/orders.py"]
    assert report["other"] == ["tests/test_orders.py"]
    assert report["commits"] == 2 and report["ok"] is False
    assert report["conflicts"][0]["data"] == ["migrations/0003.sql"]
    assert len(report["safe_order"]) == 3


def test_per_commit_passes_when_each_commit_is_pure(shipped, decide):
    repo, base, data, code = shipped
    assert decide("check", "release", f"{base}..{code}", "--per-commit", cwd=repo).exit_code == 0
    mixed = commit(repo, "both at once", {"migrations/0004.sql": "x\n", "app/orders.py": "ORDERS = 3\n"})
    result = decide("check", "release", f"{code}..{mixed}", "--per-commit", "--format", "json", cwd=repo)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["conflicts"][0]["commit"] == mixed


def test_pairs_narrow_the_rule(shipped, decide):
    repo, base, data, code = shipped
    (repo / "decisionbook.toml").write_text(
        '[[release.pairs]]\ndata = "migrations/**"\ncode = "billing/**"\n'
    )
    assert decide("check", "release", f"{base}..{code}", cwd=repo).exit_code == 0
    (repo / "decisionbook.toml").write_text(
        '[[release.pairs]]\ndata = "migrations/**"\ncode = "app/**"\n'
    )
    result = decide("check", "release", f"{base}..{code}", cwd=repo)
    assert result.exit_code == 1
    assert "[[release.pairs]] data = 'migrations/**', code = 'app/**'" in result.stdout


def test_configured_globs(shipped, decide):
    repo, base, data, code = shipped
    (repo / "decisionbook.toml").write_text('[release]\ndata = ["db/**"]\ncode = ["src/**"]\n')
    assert decide("check", "release", f"{base}..{code}", cwd=repo).exit_code == 0
    mixed = commit(repo, "both", {"db/schema.sql": "x\n", "src/main.py": "y\n"})
    assert decide("check", "release", f"{code}..{mixed}", cwd=repo).exit_code == 1


def test_names_data_change_adrs(shipped, decide):
    repo, base, data, code = shipped
    (repo / "decisions" / "0004-add-order-notes.md").write_text(
        "---\nstatus: accepted\ndate: 2026-11-27\ndata-change: true\n---\n# Add notes to orders\n"
    )
    (repo / "decisions" / "0003-keep-notes-apart.md").write_text(  # one that no longer stands is not named
        "---\nstatus: superseded by ADR-0004\ndate: 2026-11-27\ndata-change: true\n---\n# Keep notes apart\n"
    )
    result = decide("check", "release", f"{base}..{code}", cwd=repo)
    assert result.exit_code == 1
    assert "0004-add-order-notes.md" in result.stdout and "Add notes to orders" in result.stdout
    assert "0003-keep-notes-apart.md" not in result.stdout


@pytest.mark.parametrize("bad", ["--output=pwned.txt", "-p", "nosuchref..HEAD", "HEAD..nosuchref", ""])
def test_bad_ranges_exit_2_without_side_effects(shipped, decide, bad):
    repo = shipped[0]
    result = decide("check", "release", "--", bad, cwd=repo)
    assert result.exit_code == 2, result
    assert "error:" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not list(repo.parent.rglob("pwned.txt"))


def test_option_injection_through_the_real_executable(shipped, decide_process):
    repo = shipped[0]
    result = decide_process("check", "release", "--", "--output=pwned.txt", cwd=repo)
    assert result.exit_code == 2
    assert "may not be empty or start with '-'" in result.stderr
    result = decide_process("check", "release", "HEAD..--output=pwned.txt", cwd=repo)
    assert result.exit_code == 2
    assert not list(repo.parent.rglob("pwned.txt"))
    assert not (Path.cwd() / "pwned.txt").exists()


def test_unknown_revision_message_is_one_line(shipped, decide):
    repo = shipped[0]
    result = decide("check", "release", "main..nope", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: revision 'nope' does not resolve")  # about no file: no path before it
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_commits_yet(tmp_path, decide):
    git(tmp_path, "init", "-q", "-b", "main")
    result = decide("check", "release", "main..HEAD", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no commits yet" in result.stderr


def test_shallow_clone_explains_missing_history(shipped, decide, tmp_path):
    repo, base, data, code = shipped
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    result = decide("check", "release", f"{base}..HEAD", cwd=clone)
    assert result.exit_code == 2
    assert "shallow clone" in result.stderr
    assert decide("check", "release", "HEAD~1..HEAD", cwd=clone).exit_code == 0
    whole = decide("check", "release", "HEAD", cwd=clone)
    assert whole.exit_code == 2
    assert "reaches the start of this shallow clone" in whole.stderr


@pytest.mark.parametrize(
    "pattern, path, expected",
    [
        ("**/migrations/**", "migrations/0003.sql", True),
        ("**/migrations/**", "svc/db/migrations/1.py", True),
        ("**/*.sql", "a.sql", True),
        ("*.sql", "deep/down/a.sql", True),
        ("app/*.py", "app/sub/x.py", False),
        ("app/**", "app/sub/x.py", True),
        ("docs/**", "app/docs.py", False),
    ],
)
def test_glob_match(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_symmetric_range_uses_the_merge_base(shipped, decide):
    repo, base, data, code = shipped
    git(repo, "checkout", "-q", "-b", "side", data)
    commit(repo, "side work", {"docs/notes.md": "n\n"})
    result = decide("check", "release", "side...main", "--format", "json", cwd=repo)
    report = json.loads(result.stdout)
    assert report["base"] == data and report["code"] == ["app/orders.py"] and report["data"] == []


def test_a_branch_named_like_an_option_is_never_run(shipped, decide, decide_process):
    """git refuses to create such a branch, but a ref file can hold one; it must stay inert."""
    repo, base, data, code = shipped
    evil = "--upload-pack=touch pwned.txt"
    (repo / ".git" / "refs" / "heads" / evil).write_text(code + "\n")
    for args in (("check", "release", f"main..{evil}"), ("check", "release", "--", evil)):
        result = decide_process(*args, cwd=repo)
        assert result.exit_code == 2, result
        assert "may not be empty or start with '-'" in result.stderr
    assert decide_process("adr", "new", "Still numbered", cwd=repo).exit_code == 0
    assert not list(repo.parent.rglob("pwned.txt"))


def test_workspace_setup_files_are_not_code(repo, decide):
    import json

    result = decide("check", "release", "HEAD", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["code"] == []
    assert {".gitattributes", "decisionbook.toml"} <= set(report["other"])
