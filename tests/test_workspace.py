"""`decide init` and workspace discovery from any subfolder."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import git

from toolkit.workspace import open_workspace


def _snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_creates_workspace_and_second_run_changes_nothing(tmp_path, decide):
    first = decide("init", tmp_path / "team")
    assert first.exit_code == 0, first.output
    root = tmp_path / "team"
    assert (root / "decisionbook.toml").is_file()
    assert (root / "decisions").is_dir() and (root / "prototypes").is_dir()
    assert "prototypes/*.jsonl merge=union" in (root / ".gitattributes").read_text().splitlines()
    before = _snapshot(root)
    second = decide("init", root)
    assert second.exit_code == 0
    assert "nothing to do" in second.stdout
    assert _snapshot(root) == before


def test_init_adopts_existing_adr_folder_and_keeps_gitattributes(tmp_path, decide):
    root = tmp_path / "legacy"
    (root / "doc" / "adr").mkdir(parents=True)
    (root / ".gitattributes").write_text("*.png binary")  # no final newline: must be kept intact
    result = decide("init", root)
    assert result.exit_code == 0, result.output
    assert "decisions: doc/adr" in result.stdout
    assert not (root / "decisions").exists()
    assert (root / ".gitattributes").read_text() == "*.png binary\nprototypes/*.jsonl merge=union\n"
    assert open_workspace(root).adr_dir == (root / "doc" / "adr").resolve()


@pytest.mark.parametrize("name", ['docs/"core" adrs', "docs\\adr", "doc/a\x7fb"])
def test_init_writes_an_adr_folder_named_with_a_quote_or_backslash_as_settings_it_reads(tmp_path, decide, name):
    root = tmp_path / "team"
    result = decide("init", root, "--adr-dir", name)
    assert result.exit_code == 0, result.output
    assert f"decisions: {name}" in result.stdout
    made = decide("adr", "new", "Use X", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    shown = name.replace("\x7f", "<U+007F>")  # DEL: a name TOML takes escaped, and a terminal is shown so
    assert made.stdout == f"{shown}/0001-use-x.md\n" and (root / name / "0001-use-x.md").is_file()


@pytest.mark.parametrize("name, setting", [("decisions", "--adr-dir"), ("prototypes", "[paths] prototypes")])
def test_init_refuses_a_file_where_a_folder_goes_before_creating_anything(tmp_path, decide, name, setting):
    root = tmp_path / "team"
    root.mkdir()
    (root / name).write_text("notes\n")
    result = decide("init", cwd=root)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{name}: error: a file, where the folder of the ") and setting in result.stderr
    assert [p.name for p in root.iterdir()] == [name] and (root / name).read_text() == "notes\n"


def test_init_refuses_a_linked_gitattributes_before_creating_anything(tmp_path, decide):
    root = tmp_path / "team"
    root.mkdir()
    outside = tmp_path / "attributes"
    outside.write_text("*.png binary\n")
    (root / ".gitattributes").symlink_to(outside)
    result = decide("init", root)
    assert result.exit_code == 2
    assert ".gitattributes: error: refusing to write through a symbolic link" in result.stderr
    assert [p.name for p in root.iterdir()] == [".gitattributes"]
    assert outside.read_text() == "*.png binary\n"
    outside.write_text("prototypes/*.jsonl merge=union\n")  # nothing to write: the link is left alone
    assert decide("init", root).exit_code == 0
    assert (root / "decisionbook.toml").is_file() and outside.read_text() == "prototypes/*.jsonl merge=union\n"


def test_adr_dir_marker_names_the_folder(tmp_path):
    root = tmp_path / "tools"
    (root / "architecture" / "records").mkdir(parents=True)
    (root / ".adr-dir").write_text("architecture/records\n")
    sub = root / "src" / "deep"
    sub.mkdir(parents=True)
    ws = open_workspace(sub)
    assert ws.root == root.resolve()
    assert ws.adr_dir == (root / "architecture" / "records").resolve()


def test_an_adr_dir_marker_saved_on_windows_names_its_folder_or_is_refused_by_name(tmp_path, decide, decide_process):
    """PowerShell 5 writes "UTF-8" with a byte order mark (Set-Content) and UTF-16 with `>`."""
    root = tmp_path / "tools"
    (root / "doc" / "adr").mkdir(parents=True)
    (root / "doc" / "adr" / "0001-use-x.md").write_text("# 1. Use X\n\nDate: 2026-11-02\n\n## Status\n\nAccepted\n")
    marker = root / ".adr-dir"
    marker.write_bytes("\ufeffdoc/adr\r\n".encode())
    assert open_workspace(root).adr_dir == (root / "doc" / "adr").resolve()
    marker.write_bytes("doc/adr\r\n".encode("utf-16"))
    for run, args in ((decide_process, ("adr", "list")), (decide, ("check",))):
        refused = run(*args, cwd=root)
        assert refused.exit_code == 2, refused
        assert refused.stderr.startswith(".adr-dir:1: error: UTF-16 text; save it as UTF-8"), refused
    assert marker.read_bytes() == "doc/adr\r\n".encode("utf-16")


def test_workspace_found_from_subfolder_of_git_repo(tmp_path):
    root = tmp_path / "plain"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "docs" / "adr").mkdir(parents=True)
    (root / "pkg" / "mod").mkdir(parents=True)
    ws = open_workspace(root / "pkg" / "mod")
    assert ws.root == root.resolve()
    assert ws.adr_dir == root.resolve() / "docs" / "adr"


def test_no_workspace_is_a_clear_input_error(tmp_path, decide):
    lonely = tmp_path / "nowhere"
    lonely.mkdir()
    result = decide("adr", "list", cwd=lonely)
    assert result.exit_code == 2
    assert "decide init" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "config,expected",
    [
        ('[triage]\nkeep_threshold = 0.7\nstale_days = "x\n', "decisionbook.toml:3: error: invalid TOML"),
        ('[paths]\ndecisions = "../../etc"\n', "leaves the workspace"),
        ("[triage]\nkeep_threshold = 7\n", "keep_threshold must be between 0 and 1"),
        ("[triage]\n\nkeep_threshold = nan\n", "decisionbook.toml:3: error: [triage] keep_threshold must be between"),
        *((f"[triage]\nstale_days = 7\nsunk_cost_hours = {hours}\n",
           "decisionbook.toml:3: error: [triage] sunk_cost_hours must be a finite number above 0")
          for hours in ("nan", "inf", "-inf", "-1", "0")),
        ("[paths]\n[triage]\nstale_days = -5\n", "decisionbook.toml:3: error: [triage] stale_days must not be"),
        ("[paths]\n[triage]\nkeep_threshold = true\n", "decisionbook.toml:3: error: [triage] keep_threshold must be a"),
        ('[effort]\n\nmax_hours_per_entry = "8"\n', "decisionbook.toml:3: error: [effort] max_hours_per_entry must be"),
        # Each setting refused for its value is named at its line, as the ones above.
        *((f"[{table}]\n\n{line}\n", f"decisionbook.toml:3: error: {message}") for table, line, message in (
            ("adr", 'supersede-on = "later"', '[adr] supersede-on must be "create" or "accept"'),
            ("adr", 'date-order = "middle"', "[adr] date-order must be"),
            ("adr.statuses", '"parked" = "frozen"', "[adr.statuses] 'parked' must map to one of"),
            # A phrase or a name with spaces or accents is a quoted key.
            ("adr.statuses", '"on hold" = "paused"', "[adr.statuses] 'on hold' must map to one of"),
            ("people", '"Ana María" = 3', '[people] Ana María must be a role name'),
            ("effort", "max_hours_per_entry = 0", "[effort] max_hours_per_entry must be a number above 0"),
            ("people", "ana = 3", '[people] ana must be a role name such as "engineering"'),
            ("limits", "max_file_mib = 0", "[limits] max_file_mib must be more than 0"),
            ("review", 'approvals-needed = "none"', '[review] approvals-needed must be "all" or a number'),
            ("review", 'templates = "team.md"', "[review] templates must be a list"),
            ("review", 'required = "Context"', "[review] required must be a list of section names"),
            ("links", 'base-url = "ftp://example.com"', "[links] base-url must be an http(s) URL"),
            ("release", "data = [1]", "[release] data must be a list of glob strings"),
        )),
        ("x = " + "[" * 1000 + "]" * 1000 + "\n", "decisionbook.toml: error: invalid TOML: nested too deep"),
        ("x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n", "decisionbook.toml: error: invalid TOML: nested too deep"),
    ],
)
def test_bad_config_is_an_input_error_naming_the_file(tmp_path, decide, config, expected):
    root = tmp_path / "bad"
    root.mkdir()
    (root / "decisionbook.toml").write_text(config)
    result = decide("adr", "list", cwd=root)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert (root / "decisionbook.toml").read_text() == config


def test_settings_saved_with_a_bom_are_read_and_named_by_their_lines(tmp_path, decide, decide_process):
    """Notepad and PowerShell 5 save "UTF-8" with a byte order mark before the first line, and CRLF."""
    root = tmp_path / "team"
    (root / "records").mkdir(parents=True)
    (root / "records" / "0001-use-x.md").write_text("---\nstatus: accepted\n---\n# Use X\n")
    config = root / "decisionbook.toml"
    config.write_bytes('\ufeff[paths]\r\ndecisions = "records"\r\n'.encode())
    for run in (decide, decide_process):
        listed = run("adr", "list", "--format", "json", cwd=root)
        assert listed.exit_code == 0, listed.output
        assert [row["path"] for row in json.loads(listed.stdout)] == ["records/0001-use-x.md"]
    config.write_bytes("\ufeff[triage]\r\nkeep_threshold = 7\r\n".encode())
    refused = decide("triage", cwd=root)
    assert refused.exit_code == 2
    assert "decisionbook.toml:2: error: [triage] keep_threshold must be between 0 and 1" in refused.stderr


@pytest.mark.parametrize("target, message", [
    ("shared.toml", "cannot read: a symbolic link to shared.toml, which does not exist"),
    ("decisionbook.toml", "cannot read: Too many levels of symbolic links"),
])
@pytest.mark.parametrize("in_git", [True, False])
def test_a_config_link_that_leads_nowhere_is_an_input_error(tmp_path, decide, target, message, in_git):
    root = tmp_path / "team"
    (root / "arch").mkdir(parents=True)
    if in_git:
        git(root, "init", "-q")
    (root / "shared.toml").write_text('[paths]\ndecisions = "arch"\n')
    (root / "decisionbook.toml").symlink_to(target)
    if target == "shared.toml":
        assert decide("adr", "new", "A", "--no-edit", cwd=root).exit_code == 0
        assert (root / "arch" / "0001-a.md").is_file()
        (root / "shared.toml").unlink()
    result = decide("adr", "new", "B", "--no-edit", cwd=root)
    assert result.exit_code == 2
    assert f"decisionbook.toml: error: {message}" in result.stderr
    assert not (root / "decisions").exists() and not (root / "arch" / "0002-b.md").exists()


def test_init_in_git_repo_then_subfolder_commands(repo):
    (repo / "src").mkdir()
    assert open_workspace(repo / "src").root == repo
    assert git(repo, "status", "--porcelain") == ""


def test_error_names_the_file_as_typed_from_here(repo, decide):
    card = repo / "prototypes" / "0001-broken.md"
    card.write_text("---\ntitle: Broken\nowner: [ana\n---\n")
    before = card.read_bytes()
    result = decide("criterion", "add", "P1", "p99", "--target", "<= 200", cwd=repo)
    assert result.exit_code == 2
    assert result.stderr.startswith("prototypes/0001-broken.md:3: error: invalid YAML: while parsing a flow sequence that is never closed"), result.stderr
    assert card.read_bytes() == before


def test_init_inside_a_workspace_is_refused_unless_nested(tmp_path, decide):
    assert decide("init", cwd=tmp_path).exit_code == 0
    inner = tmp_path / "app"
    inner.mkdir()
    refused = decide("init", cwd=inner)
    assert refused.exit_code == 2 and f"inside the workspace at {tmp_path}" in refused.stderr
    assert list(inner.iterdir()) == []  # nothing made
    assert open_workspace(inner).root == tmp_path  # commands run there still reach the outer workspace
    assert decide("init", "sub/new", cwd=inner).exit_code == 2 and not (inner / "sub").exists()  # nothing made
    assert decide("init", "--nested", cwd=inner).exit_code == 0
    assert open_workspace(inner).root == inner


def test_paths_printed_from_a_subfolder_open_from_there(repo, decide):
    sub = repo / "app" / "src"
    sub.mkdir(parents=True)
    for args in (("proto", "new", "Edge cache"), ("adr", "new", "Use a cache", "--no-edit")):
        printed = decide(*args, cwd=sub).stdout.strip()
        assert printed.startswith("../../") and (sub / printed).is_file(), (args, printed)
    added = decide("criterion", "add", "P1", "hit-rate", "--target", ">= 0.9", cwd=sub).stdout
    assert "(../../prototypes/0001-edge-cache.md)" in added


@pytest.mark.parametrize("vendored, marker, folder", [
    ("vendor/acme/seo-kit", ".adr-dir", "docs/project-decisions"),
    ("third_party/printf", ".adr-dir", "extras/docs/adr"),
    ("node_modules/@acme/charts", "decisionbook.toml", "docs/decisions"),
    ("third_party/zstd", ".git", "doc/adr"),
])
@pytest.mark.parametrize("own_config", [False, True])
def test_a_root_marker_a_dependency_ships_is_passed_for_the_projects_own(tmp_path, decide, vendored, marker, folder,
                                                                        own_config):
    """A package installed or vendored into a project may ship its own `.adr-dir` or settings (ADR 0165)."""
    root = tmp_path / "shop"
    (root / "doc/adr").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    if own_config:
        (root / "decisionbook.toml").write_text('[paths]\ndecisions = "doc/adr"\n')
    (root / "doc/adr/0001-record-architecture-decisions.md").write_text(
        "# 1. Record architecture decisions\n\nDate: 2025-04-07\n\n## Status\n\nAccepted\n")
    package = root / vendored
    (package / folder).mkdir(parents=True)
    (package / folder / "0001-keep-the-api-small.md").write_text("# 1. Keep the API small\n\n## Status\n\nAccepted\n"
                                                                  "\n## Context\n\nCallers pin old versions.\n")
    if marker == ".git":  # a library cloned into the project
        git(package, "init", "-q")
    else:
        (package / marker).write_text(f"{folder}\n" if marker == ".adr-dir" else f'[paths]\ndecisions = "{folder}"\n')
    inside = package / "src"
    inside.mkdir()
    listed = decide("adr", "list", cwd=inside)
    assert "Record architecture decisions" in listed.stdout and "Keep the API small" not in listed.stdout
    created = decide("adr", "new", "Cache product pages", "--no-edit", "--date", "2026-03-22", cwd=inside)
    assert created.exit_code == 0, created.output
    assert (root / "doc/adr/0002-cache-product-pages.md").read_text().startswith("# 2. Cache product pages\n")
    assert [p.name for p in (package / folder).iterdir()] == ["0001-keep-the-api-small.md"]
    # Outside any project, the package is a workspace of its own again.
    alone = tmp_path / "cache" / vendored
    alone.parent.mkdir(parents=True)
    package.rename(alone)
    assert open_workspace(alone / "src").root == alone.resolve()
