"""Numbers that do not collide across branches, duplicates a merge brings in, and `decide adr renumber`."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git, repository_with
from toolkit.history.numbers import BranchNames

MADR = """---
status: {status}
date: 2026-11-20
decision-makers: [ana]
{extra}---
# {title}

## Context and Problem Statement

Some context.
"""

NYGARD = """# {number}. {title}

Date: 2026-11-20

## Status

{status}

## Context

Text.
"""


def names_on_branches(root: Path, folder: Path) -> set[str]:
    with BranchNames(root, folder) as branches:
        return branches.names()


def write(repo: Path, name: str, text: str) -> Path:
    path = repo / "decisions" / name
    path.write_text(text)
    return path


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def branched(repo) -> Path:
    """ADR 1 committed on main, ADR 2 on the branch `feature` only; main checked out."""
    write(repo, "0001-first.md", MADR.format(status="accepted", extra="", title="First"))
    commit_all(repo, "adr 1")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "0002-second.md", MADR.format(status="proposed", extra="", title="Second"))
    commit_all(repo, "adr 2")
    git(repo, "checkout", "-q", "main")
    return repo


def test_names_on_branches_reads_every_branch_without_checkout(branched):
    repo = branched
    assert not (repo / "decisions" / "0002-second.md").exists()
    assert names_on_branches(repo, repo / "decisions") == {"0001-first.md", "0002-second.md"}
    assert names_on_branches(repo, repo / "nothing-here") == set()


def test_a_folder_with_spaces_that_a_branch_lacks_is_no_number_there(repo, decide):
    git(repo, "branch", "older")  # made before the folder: git answers "<commit>:./my adrs missing" for it
    (repo / "decisionbook.toml").write_text('[paths]\ndecisions = "my adrs"\n')
    (repo / "my adrs").mkdir()
    (repo / "my adrs" / "0001-first.md").write_text(MADR.format(status="accepted", extra="", title="First"))
    commit_all(repo, "adr 1 in a folder with a space")
    assert names_on_branches(repo, repo / "my adrs") == {"0001-first.md"}
    result = decide("adr", "new", "Second", "--no-edit", cwd=repo)
    assert result.exit_code == 0 and result.stdout.strip() == "my adrs/0002-second.md", result.output


def test_a_folder_whose_name_holds_a_newline_still_counts_the_numbers_on_other_branches(repo, decide):
    # git reads one question a line: a name holding a newline is asked NUL-separated, and a branch lacking the
    # folder answers "<question> missing" with the newline in it.
    git(repo, "branch", "older")
    (repo / "decisionbook.toml").write_text('[paths]\ndecisions = "my\\nadrs"\n')
    folder = repo / "my\nadrs"
    folder.mkdir()
    (folder / "0001-first.md").write_text(MADR.format(status="accepted", extra="", title="First"))
    commit_all(repo, "adr 1")
    git(repo, "checkout", "-q", "-b", "feature")
    (folder / "0002-second.md").write_text(MADR.format(status="accepted", extra="", title="Second"))
    commit_all(repo, "adr 2")
    git(repo, "checkout", "-q", "main")
    assert names_on_branches(repo, folder) == {"0001-first.md", "0002-second.md"}
    result = decide("adr", "new", "Third", "--no-edit", cwd=repo)
    assert result.exit_code == 0 and sorted(p.name for p in folder.iterdir()) == ["0001-first.md", "0003-third.md"]


def test_names_on_branches_outside_git_or_without_commits(tmp_path):
    assert names_on_branches(tmp_path, tmp_path / "decisions") == set()
    git(tmp_path, "init", "-q", "-b", "main")
    assert names_on_branches(tmp_path, tmp_path / "decisions") == set()


def test_names_on_branches_from_more_branches_than_a_pipe_holds(repo):
    # 1,500 branch tips are more than git's input pipe holds, and their trees more than its output pipe:
    # git waits for its answers to be read before it reads more questions.
    shared = "".join(f"M 100644 :1 decisions/{n:04d}-shared.md\n" for n in range(1, 41))
    stream = "blob\nmark :1\ndata 4\ntext\n" + "".join(
        f"commit refs/heads/b{n}\ncommitter A <a@example.com> 0 +0000\ndata 1\nx\n{shared}"
        f"M 100644 :1 decisions/{1000 + n}-b{n}.md\n\n" for n in range(1500))
    proc = subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=stream, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    names = names_on_branches(repo, repo / "decisions")
    assert len(names) == 40 + 1500 and f"{1000 + 1499}-b1499.md" in names and "0040-shared.md" in names


def test_names_on_branches_without_git_installed(repo, monkeypatch):
    write(repo, "0001-first.md", MADR.format(status="accepted", extra="", title="First"))
    commit_all(repo, "adr 1")
    monkeypatch.setenv("PATH", str(repo / "decisions"))
    assert names_on_branches(repo, repo / "decisions") == set()


def test_adr_new_reads_other_branches_with_git_alone(branched):
    # Importing subprocess costs `adr new` more than git's answer: the numbers are asked of git without it.
    repo = branched
    code = ("import sys\nfrom toolkit.entry import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print('SUBPROCESS', 'subprocess' in sys.modules, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, "adr", "new", "Third", "--no-edit"], cwd=repo,
                          capture_output=True, text=True)
    assert proc.stdout.strip() == "decisions/0003-third.md" and "SUBPROCESS False" in proc.stderr, proc


def test_adr_new_skips_a_number_taken_on_a_fetched_branch(repo, tmp_path, decide):
    """Two clones each write an ADR from the same base; after a fetch the second takes another number."""
    other = tmp_path / "other"
    git(tmp_path, "clone", "-q", str(repo), str(other))
    first = decide("adr", "new", "Use Kafka", cwd=repo)
    assert first.exit_code == 0, first
    git(repo, "checkout", "-q", "-b", "adr-kafka")
    commit_all(repo, "kafka")
    git(other, "fetch", "-q", "origin")
    second = decide("adr", "new", "Use Postgres", cwd=other)
    assert second.exit_code == 0, second
    assert sorted(p.name for p in (repo / "decisions").glob("*.md")) == ["0001-use-kafka.md"]
    assert sorted(p.name for p in (other / "decisions").glob("*.md")) == ["0002-use-postgres.md"]


@pytest.fixture
def merged(repo):
    """Two branches from one base each add ADR 0007; both are merged into main."""
    for n in range(1, 7):
        write(repo, f"{n:04d}-adr-{n}.md", MADR.format(status="accepted", extra="", title=f"ADR {n}"))
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "cache")
    write(repo, "0007-use-redis.md", MADR.format(status="proposed", extra="", title="Use Redis"))
    commit_all(repo, "redis")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "queue")
    write(repo, "0007-use-rabbitmq.md", MADR.format(status="proposed", extra="", title="Use RabbitMQ"))
    write(repo, "0002-adr-2.md", MADR.format(
        status="superseded by ADR-0007", extra="", title="ADR 2",
    ) + "\nSee [the queue decision](0007-use-rabbitmq.md#decision).\n")
    commit_all(repo, "rabbit")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-edit", "cache")
    git(repo, "merge", "-q", "--no-edit", "queue")
    return repo


def test_check_names_both_duplicates_and_renumber_fixes_links(merged, decide):
    result = decide("check", cwd=merged)
    assert result.exit_code == 1, result
    assert "0007-use-redis.md" in result.output and "0007-use-rabbitmq.md" in result.output
    shared = decide("adr", "renumber", "7", "--to", "8", cwd=merged)
    assert shared.exit_code == 2 and "name the file" in shared.stderr
    fixed = decide("adr", "renumber", "0007-use-rabbitmq.md", "--to", "8", cwd=merged)
    assert fixed.exit_code == 0, fixed
    assert "renamed decisions/0007-use-rabbitmq.md -> decisions/0008-use-rabbitmq.md" in fixed.stdout
    assert "warning: decisions/0002-adr-2.md refers to ADR 7 by number" in fixed.stderr
    text = (merged / "decisions" / "0002-adr-2.md").read_text()
    assert "[the queue decision](0008-use-rabbitmq.md#decision)" in text
    assert (merged / "decisions" / "0008-use-rabbitmq.md").exists()
    assert not (merged / "decisions" / "0007-use-rabbitmq.md").exists()
    # "superseded by ADR-0007" was never answered by either 7, so it stays for a person to settle: a
    # warning, as no record of the folder keeps `supersedes` (MADR names a successor on one side).
    check = decide("check", cwd=merged)
    assert check.exit_code == 0
    assert ("decisions/0002-adr-2.md:2: warning: superseded by ADR 7, but ADR 7 does not record supersedes "
            "ADR 2 back") in check.stdout


def test_renumber_rewrites_both_forms_with_minimal_diff(repo, decide):
    nygard_old = write(repo, "0003-use-nygard.md", NYGARD.format(number=3, title="Use Nygard", status="Accepted"))
    nygard_ref = write(repo, "0004-later.md", NYGARD.format(
        number=4, title="Later", status="Accepted\n\nAmends [3. Use Nygard](0003-use-nygard.md)",
    ))
    madr_ref = write(repo, "0005-madr.md", MADR.format(
        status="superseded by ADR-0003", title="Madr",
        extra="supersedes: [3, 13]  # keep this comment\nlinks:\n  - {relation: amends, adr: 3}\n  - {relation: amends, adr: 33}\n",
    ))
    before = {p: p.read_text() for p in (nygard_ref, madr_ref)}
    result = decide("adr", "renumber", "3", "--to", "9", cwd=repo)
    assert result.exit_code == 0, result
    moved = repo / "decisions" / "0009-use-nygard.md"
    assert moved.read_text() == nygard_old.parent.joinpath("0009-use-nygard.md").read_text()
    assert moved.read_text().startswith("# 9. Use Nygard\n")
    assert not nygard_old.exists()
    assert nygard_ref.read_text() == before[nygard_ref].replace(
        "Amends [3. Use Nygard](0003-use-nygard.md)", "Amends [9. Use Nygard](0009-use-nygard.md)"
    )
    assert madr_ref.read_text() == (
        before[madr_ref]
        .replace("superseded by ADR-0003", "superseded by ADR-0009")
        .replace("supersedes: [3, 13]", "supersedes: [9, 13]")
        .replace("{relation: amends, adr: 3}", "{relation: amends, adr: 9}")
    )


def test_renumber_refuses_a_number_in_use_here_or_on_a_branch(repo, decide):
    write(repo, "0001-a.md", MADR.format(status="accepted", extra="", title="A"))
    write(repo, "0002-b.md", MADR.format(status="accepted", extra="", title="B"))
    commit_all(repo, "two")
    git(repo, "checkout", "-q", "-b", "elsewhere")
    write(repo, "0005-e.md", MADR.format(status="accepted", extra="", title="E"))
    commit_all(repo, "e")
    git(repo, "checkout", "-q", "main")
    here = decide("adr", "renumber", "1", "--to", "2", cwd=repo)
    assert here.exit_code == 2 and "already used" in here.stderr
    branch = decide("adr", "renumber", "1", "--to", "5", cwd=repo)
    assert branch.exit_code == 2 and "already used" in branch.stderr
    assert (repo / "decisions" / "0001-a.md").exists()
    assert decide("adr", "renumber", "9", "--to", "10", cwd=repo).exit_code == 2


def test_renumber_updates_the_index_page_and_the_cards_that_list_the_number(repo, decide):
    write(repo, "0001-a.md", MADR.format(status="accepted", extra="", title="A"))
    write(repo, "0002-b.md", MADR.format(status="accepted", extra="", title="B"))
    write(repo, "README.md", "# Decisions\n\n- [A](0001-a.md)\n- [B](0002-b.md)\n")
    flow = ("---\ntitle: P\nstatus: active\ndecisions: [2, 1, 0001]   # 1: the queue, see ADR 1\ncriteria:\n"
            "  - id: x\n    target: yes\n---\n## Hypothesis\nADR 1 holds.\n")
    block = ("---\r\ntitle: Q\r\nowner: ana # since ADR 1\r\ndecisions:\r\n  # 1 first\r\n  - 1  # the queue\r\n"
             "  - 2\r\ncriteria: []\r\n---\r\n")
    other = "---\ntitle: R\ndecisions: [2, 11]\ncriteria: []\n---\n"
    cards = {name: repo / "prototypes" / name for name in ("0003-p.md", "0005-q.md", "0006-r.md")}
    for name, text in zip(cards, (flow, block, other)):
        cards[name].write_bytes(text.encode())
    result = decide("adr", "renumber", "1", "--to", "4", cwd=repo)
    assert result.exit_code == 0, result
    assert (repo / "decisions" / "README.md").read_text() == "# Decisions\n\n- [A](0004-a.md)\n- [B](0002-b.md)\n"
    # No other record has number 1: the cards can only mean the renumbered one, and say its new number.
    assert cards["0003-p.md"].read_bytes() == flow.replace("[2, 1, 0001]", "[2, 4, 0004]").encode()
    assert cards["0005-q.md"].read_bytes() == block.replace("- 1  #", "- 4  #").encode()
    assert cards["0006-r.md"].read_bytes() == other.encode()
    assert "updated decisions: in prototypes/0003-p.md\n" in result.stdout
    assert "updated decisions: in prototypes/0005-q.md\n" in result.stdout and "0006-r" not in result.output
    assert "lists ADR" not in result.stderr and not list((repo / "prototypes").glob("*.lock"))
    assert decide("proto", "show", "P5", "--format", "json", cwd=repo).exit_code == 0


def test_renumber_leaves_a_card_whose_number_it_cannot_rewrite_and_says_so(repo, decide):
    write(repo, "0001-a.md", MADR.format(status="accepted", extra="", title="A"))
    card = "---\ntitle: P\ndecisions: [0x1]\ncriteria: []\n---\n"  # YAML reads it as 1
    (repo / "prototypes" / "0003-p.md").write_text(card)
    result = decide("adr", "renumber", "1", "--to", "4", cwd=repo)
    assert result.exit_code == 0, result
    assert (repo / "prototypes" / "0003-p.md").read_text() == card
    assert ("prototypes/0003-p.md lists ADR 1 in decisions: in a form this cannot rewrite; change it to 4 by hand"
            in result.stderr), result.stderr


def test_renumber_leaves_a_card_that_lists_a_shared_number_and_warns(repo, decide):
    write(repo, "0001-a.md", MADR.format(status="accepted", extra="", title="A"))
    write(repo, "0001-b.md", MADR.format(status="accepted", extra="", title="B"))
    card = "---\ntitle: P\nstatus: active\ndecisions: [1]\ncriteria:\n  - id: x\n    target: yes\n---\n"
    (repo / "prototypes" / "0003-p.md").write_text(card)
    result = decide("adr", "renumber", "0001-b.md", "--to", "4", cwd=repo)
    assert result.exit_code == 0, result
    assert (repo / "prototypes" / "0003-p.md").read_text() == card
    assert "prototypes/0003-p.md lists ADR 1 in decisions:" in result.stderr


def test_renumber_rewrites_a_relation_to_a_shared_number_that_the_moved_record_returns(repo, decide):
    """After a merge, 0011-x and 0011-y share 11; ADR 10 relates to x (x says it back), so it follows x to 12."""
    for n in range(1, 10):
        write(repo, f"{n:04d}-adr-{n}.md", MADR.format(status="accepted", extra="", title=f"ADR {n}"))
    write(repo, "0010-ten.md", MADR.format(status="accepted", extra="links: [{relation: relates to, adr: 11}]\n", title="Ten"))
    write(repo, "0011-x.md", MADR.format(status="proposed", extra="links: [{relation: relates to, adr: 10}]\n", title="X"))
    write(repo, "0011-y.md", MADR.format(status="proposed", extra="", title="Y"))
    result = decide("adr", "renumber", "0011-x.md", "--to", "12", cwd=repo)
    assert result.exit_code == 0, result
    assert "links: [{relation: relates to, adr: 12}]" in (repo / "decisions" / "0010-ten.md").read_text()
    assert "refers to ADR 11" not in result.stderr
    check = decide("check", cwd=repo)
    assert check.exit_code == 0, check


def test_check_reports_a_relation_the_other_side_does_not_return(repo, decide):
    write(repo, "0010-ten.md", MADR.format(status="accepted", extra="links: [{relation: relates to, adr: 11}]\n", title="Ten"))
    write(repo, "0011-y.md", MADR.format(status="proposed", extra="", title="Y"))
    write(repo, "0012-amends.md", MADR.format(status="accepted", extra="links: [{relation: amends, adr: 11}]\n", title="Amends"))
    write(repo, "0013-old.md", MADR.format(status="superseded by ADR-0014", extra="", title="Old"))
    # The folder keeps `supersedes` keys, as `decide` writes them: a successor that leaves one out fails.
    write(repo, "0014-new.md", MADR.format(status="accepted", extra="supersedes: [11]\n", title="New"))
    write(repo, "0015-both.md", MADR.format(status="accepted", extra="links: [{relation: relates to, adr: 16}]\n", title="Both"))
    write(repo, "0016-both.md", MADR.format(status="accepted", extra="links: [{relation: relates to, adr: 15}]\n", title="Both"))
    result = decide("check", cwd=repo)
    assert result.exit_code == 1, result
    lines = result.stdout.splitlines()
    assert ("decisions/0010-ten.md:5: error: relates to ADR 11, but ADR 11 does not record "
            "relates to ADR 10 back; `decide adr link 10 relates-to 11` records it there") in lines
    assert ("decisions/0012-amends.md:5: error: amends ADR 11, but ADR 11 does not record "
            "amended by ADR 12 back; `decide adr link 12 amends 11` records it there") in lines
    assert ("decisions/0013-old.md:2: error: superseded by ADR 14, but ADR 14 does not record "
            "supersedes ADR 13 back; `decide adr link 13 superseded-by 14` records it there") in lines
    assert not any("0015" in line or "0016" in line for line in lines)
    assert decide("adr", "link", "11", "relates-to", "10", cwd=repo).exit_code == 0
    assert "0010-ten.md" not in decide("check", cwd=repo).stdout


_STATUS = "\n## Status\n\nAccepted\n"


@pytest.mark.parametrize(
    ("name", "title", "moved", "new_title", "link", "new_link"),
    [
        ("ADR-001-use-rest.md", "# ADR-001: Use REST\n", "ADR-003-use-rest.md", "# ADR-003: Use REST\n",
         "[ADR-001](ADR-001-use-rest.md)", "[ADR-003](ADR-003-use-rest.md)"),
        ("adr_1_use_rest.md", "# ADR 1 - Use REST\n", "adr_3_use_rest.md", "# ADR 3 - Use REST\n",
         "[ADR 1](adr_1_use_rest.md)", "[ADR 3](adr_3_use_rest.md)"),
        ("001-use-rest.md", "# 1. Use REST\n", "003-use-rest.md", "# 3. Use REST\n",
         "[1. Use REST](001-use-rest.md)", "[3. Use REST](003-use-rest.md)"),
        ("0001-use-rest.md", '---\ntitle: "ADR 1: Use REST"\n---\n', "0003-use-rest.md",
         '---\ntitle: "ADR 3: Use REST"\n---\n', "[ADR-0001](0001-use-rest.md)", "[ADR-0003](0003-use-rest.md)"),
        ("0001-use-rest.md", '+++\ntitle = "ADR-0001: Use REST"\n+++\n', "0003-use-rest.md",
         '+++\ntitle = "ADR-0003: Use REST"\n+++\n', "[ADR-0001](0001-use-rest.md)", "[ADR-0003](0003-use-rest.md)"),
    ],
)
def test_renumber_keeps_the_folder_s_names_and_renumbers_the_title_wherever_it_is(tmp_path, decide, name, title, moved,
                                                                                   new_title, link, new_link):
    # A name with a prefix or another width became `0003001-x.md`; a title not written `# N.` kept its number.
    root = repository_with(tmp_path / "ws", {f"docs/adr/{name}": title + _STATUS,
                                             "docs/adr/later.md": f"# Later\n\nSee {link}.\n"})
    result = decide("adr", "renumber", "1", "--to", "3", cwd=root)
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (root / "docs" / "adr").iterdir()) == sorted([moved, "later.md"])
    assert (root / "docs" / "adr" / moved).read_text() == new_title + _STATUS
    assert (root / "docs" / "adr" / "later.md").read_text() == f"# Later\n\nSee {new_link}.\n"
    check = decide("check", cwd=root)
    assert check.exit_code == 0 and "0 warning(s)" in check.output, check


def test_renumber_rewrites_reference_definitions_and_a_link_text_that_is_the_number(tmp_path, decide):
    # `[ADR-001]: 001-x.md` kept pointing at a file renumbering had renamed; an index's `[0002](...)` kept 0002.
    root = repository_with(tmp_path / "ws", {
        "docs/adr/001-drop-the-broker.md": "# 1. Drop the broker\n\n## Status\n\nAccepted\n",
        "docs/adr/002-use-workflows.md": "# 2. Use workflows\n\n## Status\n\nAccepted\n\nAs [ADR-001] says.\n\n"
                                         "[ADR-001]: 001-drop-the-broker.md\n",
        "docs/adr/README.md": "# Decisions\n\n| ADR | Title |\n|---|---|\n| [001](001-drop-the-broker.md) | Drop |\n",
    })
    assert decide("adr", "renumber", "1", "--to", "7", cwd=root).exit_code == 0
    assert (root / "docs/adr/002-use-workflows.md").read_text().endswith("As [ADR-001] says.\n\n"
                                                                        "[ADR-001]: 007-drop-the-broker.md\n")
    assert "| [007](007-drop-the-broker.md) | Drop |" in (root / "docs/adr/README.md").read_text()


def _printed_renumbers(decide, root: Path) -> list[str]:
    """The `decide adr renumber` commands `decide check` prints at *root*, each run there exactly as printed."""
    check = decide("check", cwd=root)
    commands = re.findall(r"`(decide adr renumber [^`]+)`", check.stdout)
    assert commands, check.output
    for command in commands:
        result = decide(*shlex.split(command)[1:], cwd=root)
        assert result.exit_code == 0, (command, result)
    return commands


def _shared_numbers(decide, root: Path) -> list[str]:
    return [line for line in decide("check", cwd=root).stdout.splitlines() if "is also used by" in line]


def test_the_number_check_suggests_is_free_on_every_branch_as_renumber_and_adr_new_count(repo, decide):
    # Check offered 4, held by a branch: renumber refused it, and merging the branch would share it again.
    for n, slug in ((1, "use-rest"), (2, "use-postgres"), (3, "use-rabbitmq")):
        write(repo, f"{n:04d}-{slug}.md", MADR.format(status="accepted", extra="", title=slug))
    commit_all(repo, "three")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "0004-use-queues.md", MADR.format(status="proposed", extra="", title="Use queues"))
    commit_all(repo, "queues")
    git(repo, "checkout", "-q", "main")
    write(repo, "0003-use-redis.md", MADR.format(status="proposed", extra="", title="Use Redis"))
    commit_all(repo, "a second 3")
    assert _printed_renumbers(decide, repo) == ["decide adr renumber 0003-use-redis.md --to 5"]
    made = decide("adr", "new", "Use gRPC", "--no-edit", cwd=repo)
    assert made.exit_code == 0 and made.stdout.strip() == "decisions/0006-use-grpc.md", made.output
    commit_all(repo, "renumbered, and one more")
    git(repo, "merge", "-q", "--no-edit", "feature")
    assert sorted(p.name for p in (repo / "decisions").glob("0*.md")) == [
        "0001-use-rest.md", "0002-use-postgres.md", "0003-use-rabbitmq.md", "0004-use-queues.md",
        "0005-use-redis.md", "0006-use-grpc.md"]
    assert _shared_numbers(decide, repo) == []


def test_the_renumber_check_prints_past_9999_is_one_renumber_runs(repo, decide):
    """Numbers have no ceiling: `adr new` goes on from 9999, and so must the command that parts two of them."""
    for name, title in (("9999-use-rest.md", "Use REST"), ("10000-use-grpc.md", "Use gRPC"),
                        ("10000-use-queues.md", "Use queues")):
        write(repo, name, MADR.format(status="accepted", extra="", title=title))
    assert _printed_renumbers(decide, repo) == ["decide adr renumber 10000-use-queues.md --to 10001"]
    assert (repo / "decisions" / "10001-use-queues.md").is_file()
    assert _shared_numbers(decide, repo) == []


@pytest.mark.parametrize(("moved", "printed"), [
    ("0003-use-vault.md", "decide adr renumber 0003-use-vault.md --to 5"),
    # The other team has a record of this name: the name alone is refused as naming two files.
    ("0003-use-terraform.md", "decide adr renumber decisions/websre/0003-use-terraform.md --to 5"),
])
def test_a_team_folder_s_shared_number_is_parted_by_the_command_check_prints_at_the_top(tmp_path, decide, moved,
                                                                                       printed):
    # Renumber counted every team's numbers from the top (global's 4 and 5), check its team's alone, and
    # neither the team's numbers on other branches.
    slugs = ["record-architecture-decisions", "use-helm", "use-terraform", "pin-versions", "tag-costs"]
    files = {f"decisions/global/{n:04d}-{slug}.md": NYGARD.format(number=n, title=slug, status="Accepted")
             for n, slug in enumerate(slugs, 1)}
    files |= {
        "decisions/global/.adr-dir": ".\n",
        "decisions/websre/.adr-dir": ".\n",
        "decisions/websre/0001-record-architecture-decisions.md": NYGARD.format(number=1, title="Record",
                                                                                 status="Accepted"),
        "decisions/websre/0002-page-the-on-call.md": NYGARD.format(number=2, title="Page", status="Accepted"),
        "decisions/websre/0003-move-to-k8s.md": NYGARD.format(number=3, title="Move to k8s", status="Accepted"),
    }
    root = repository_with(tmp_path / "ws", files)
    commit_all(root, "two teams")
    git(root, "checkout", "-q", "-b", "feature")
    (root / "decisions/websre/0004-rotate-keys.md").write_text(NYGARD.format(number=4, title="Rotate keys",
                                                                             status="Proposed"))
    commit_all(root, "websre 4")
    git(root, "checkout", "-q", "main")
    (root / "decisions/websre" / moved).write_text(NYGARD.format(number=3, title="Later", status="Proposed"))
    commit_all(root, "a second websre 3")
    assert _printed_renumbers(decide, root) == [printed]
    assert sorted(p.name for p in (root / "decisions/websre").glob("0*.md")) == [
        "0001-record-architecture-decisions.md", "0002-page-the-on-call.md", "0003-move-to-k8s.md",
        moved.replace("0003", "0005")]
    assert (root / "decisions/websre" / moved.replace("0003", "0005")).read_text().startswith("# 5. Later\n")
    assert len(list((root / "decisions/global").glob("0*.md"))) == 5
    commit_all(root, "renumbered")
    git(root, "merge", "-q", "--no-edit", "feature")
    assert _shared_numbers(decide, root) == []


def test_adr_new_in_a_team_folder_skips_a_number_a_branch_holds_there(tmp_path, decide):
    # Run where the team's `.adr-dir` makes its folder the workspace, git was asked for the repository's top
    # folder on each branch, not the team's: ADR 3 of a branch was taken again.
    root = repository_with(tmp_path / "ws", {
        "decisions/websre/.adr-dir": ".\n",
        "decisions/websre/0001-record-architecture-decisions.md": NYGARD.format(number=1, title="Record",
                                                                                 status="Accepted"),
        "decisions/websre/0002-page-the-on-call.md": NYGARD.format(number=2, title="Page", status="Accepted"),
    })
    commit_all(root, "websre")
    git(root, "checkout", "-q", "-b", "feature")
    (root / "decisions/websre/0003-rotate-keys.md").write_text(NYGARD.format(number=3, title="Rotate keys",
                                                                             status="Proposed"))
    commit_all(root, "websre 3")
    git(root, "checkout", "-q", "main")
    team = root / "decisions/websre"
    assert names_on_branches(team, team) == {".adr-dir", "0001-record-architecture-decisions.md",
                                             "0002-page-the-on-call.md", "0003-rotate-keys.md"}
    made = decide("adr", "new", "Cache the pages", "--no-edit", cwd=team)
    assert made.exit_code == 0 and made.stdout.strip() == "0004-cache-the-pages.md", made.output


def _two_teams(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository whose ADR folder holds two teams' folders, each with its own `.adr-dir` and series (ADR 0129)."""
    return repository_with(tmp_path / "ws", {
        "decisions/global/.adr-dir": ".\n",
        "decisions/websre/.adr-dir": ".\n",
        "decisions/global/0001-record-decisions.md": NYGARD.format(number=1, title="Record", status="Accepted"),
        "decisions/global/0003-use-terraform.md": NYGARD.format(number=3, title="Use Terraform", status="Accepted"),
        "decisions/websre/0001-record-decisions.md": NYGARD.format(number=1, title="Record", status="Accepted"),
        "decisions/websre/0003-use-terraform.md": NYGARD.format(number=3, title="Use Terraform", status="Accepted"),
        **files,
    })


def test_renumbering_a_team_s_record_at_the_top_leaves_the_other_teams_numbers_alone(tmp_path, decide):
    # Every team's links to a record of the moved one's name, and its bare numbers, were rewritten too.
    amends = "Accepted\n\nAmends [3. Use Terraform](0003-use-terraform.md)"
    # Another team's record links to the moved one by its path, beside a link to a record of its own numbered 5.
    across = (amends + "\n\nAmends [5. Tag costs](0005-tag-costs.md)"
              "\n\nAmends [WebSRE 3](../websre/0003-use-terraform.md)")
    root = _two_teams(tmp_path, {
        "decisions/global/0002-use-helm.md": MADR.format(status="accepted", extra="supersedes: [3]\n",
                                                         title="Use Helm"),
        "decisions/global/0004-pin-versions.md": NYGARD.format(number=4, title="Pin versions", status=across),
        "decisions/global/0005-tag-costs.md": NYGARD.format(number=5, title="Tag costs", status="Accepted")
                                              + "\nAs [websre's choice](../websre/0003-use-terraform.md#why) says.\n",
        "decisions/websre/0002-use-helm.md": MADR.format(status="accepted", extra="supersedes: [3]\n",
                                                         title="Use Helm"),
        "decisions/websre/0004-pin-versions.md": NYGARD.format(number=4, title="Pin versions", status=amends),
        "decisions/README.md": "# Decisions\n\n* [global 3](global/0003-use-terraform.md)\n"
                               "* [websre 3](websre/0003-use-terraform.md)\n",
        "decisions/websre/README.md": "# Web SRE\n\n* [3](0003-use-terraform.md)\n",
    })
    global_before = {p.name: p.read_text() for p in (root / "decisions/global").iterdir()}
    result = decide("adr", "renumber", "decisions/websre/0003-use-terraform.md", "--to", "5", cwd=root)
    assert result.exit_code == 0, result.output
    assert "warning: decisions/global" not in result.output, result.output
    websre = root / "decisions/websre"
    assert sorted(p.name for p in websre.glob("0*.md")) == [
        "0001-record-decisions.md", "0002-use-helm.md", "0004-pin-versions.md", "0005-use-terraform.md"]
    assert "supersedes: [5]\n" in (websre / "0002-use-helm.md").read_text()
    assert (websre / "README.md").read_text() == "# Web SRE\n\n* [5](0005-use-terraform.md)\n"
    assert "Amends [5. Use Terraform](0005-use-terraform.md)\n" in (websre / "0004-pin-versions.md").read_text()
    # Paths from another team's folder into the moved record's follow it; nothing else there changes.
    for name in ("0004-pin-versions.md", "0005-tag-costs.md"):
        global_before[name] = global_before[name].replace("../websre/0003-", "../websre/0005-")
    assert {p.name: p.read_text() for p in (root / "decisions/global").iterdir()} == global_before
    assert (root / "decisions/README.md").read_text() == ("# Decisions\n\n* [global 3](global/0003-use-terraform.md)\n"
                                                          "* [websre 3](websre/0005-use-terraform.md)\n")


def test_renumbering_a_team_s_record_leaves_its_links_to_another_team_s_record_of_that_name(tmp_path, decide):
    root = _two_teams(tmp_path, {
        "decisions/websre/0004-pin-versions.md": NYGARD.format(number=4, title="Pin versions", status="Accepted")
        + "\nAs [global's choice](../global/0003-use-terraform.md) and [ours](0003-use-terraform.md) say.\n",
    })
    result = decide("adr", "renumber", "decisions/websre/0003-use-terraform.md", "--to", "5", cwd=root)
    assert result.exit_code == 0, result.output
    assert ("As [global's choice](../global/0003-use-terraform.md) and [ours](0005-use-terraform.md) say.\n"
            in (root / "decisions/websre/0004-pin-versions.md").read_text())
