"""Records written in reStructuredText (Open edX's `docs/decisions/*.rst`), and Markdown headings written
underlined: read as their teams render them, and edited in their own syntax."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import git, listed_adrs, repository_with
from docutils.core import publish_doctree

# Three title styles teams use: the title underlined as its sections are, `=` over `-`, `#` over `*`;
# statuses as a line, in bold with its day in italics, as a field list; links as Sphinx's :doc:
# and as an embedded link.
RECORDS = {
    "0001-record-architecture-decisions.rst": """1. Record Architecture Decisions
--------------------------------

Status
------

Accepted

Context
-------

We want a history of the choices this service makes.

Decision
--------

We will keep Architecture Decision Records in this folder::

    Status
    ------
    not a heading: a literal block

Consequences
------------

See `Documenting Architecture Decisions`_.

.. _Documenting Architecture Decisions: https://example.com/adr
""",
    "0002-sign-tokens-with-a-shared-secret.rst": """2. Sign tokens with a shared secret
===================================

Status
------

Superseded by :doc:`0004-sign-tokens-with-key-pairs`

Context
-------

Clients need to trust the tokens we hand out.

Decision
--------

Sign them with one secret shared by every client.

Consequences
------------

Any client can forge a token.
""",
    "0003-course-roles.rst": """0003 Course level roles
#######################

Status
******

**Provisional** *2023-09-13*

The status will become *Accepted* once the roles are rebuilt.

Context
*******

Roles are scattered over several services.

Decision
********

One roles service answers for every course.

Consequences
************

Services ask one place.
""",
    "0004-sign-tokens-with-key-pairs.rst": """##################################
4. Sign tokens with key pairs
##################################

:Status: Accepted
:Date: 2024-02-20

Supersedes `2. Sign tokens with a shared secret <0002-sign-tokens-with-a-shared-secret.rst>`_

=======
Context
=======

A shared secret lets any client forge a token.

========
Decision
========

Sign with a private key that only the issuer holds.

Key rotation
------------

Keys carry an id.

============
Consequences
============

Clients verify with the public key alone.
""",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    return repository_with(tmp_path / "repo", {f"docs/decisions/{name}": text for name, text in RECORDS.items()})


def _listed(decide, root: Path) -> dict[int, dict]:
    result = decide("adr", "list", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return {row["number"]: row for row in json.loads(result.stdout)}


def _shown(decide, root: Path, number: int) -> dict:
    result = decide("adr", "show", str(number), "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _checks_clean(decide, root: Path) -> None:
    result = decide("check", cwd=root)
    assert result.exit_code == 0 and "0 error(s), 0 warning(s)" in result.stdout, result.stdout


def _valid_rst(path: Path) -> None:
    """docutils reads the file with no warning: a heading's line long enough, no broken link or markup."""
    warnings = io.StringIO()
    publish_doctree(path.read_text(), settings_overrides={"warning_stream": warnings, "report_level": 2})
    assert warnings.getvalue() == "", warnings.getvalue()


def test_a_folder_of_rst_records_is_found_and_read_as_its_team_renders_it(decide, folder):
    rows = _listed(decide, folder)
    assert {n: (r["title"], r["status"], r["date"]) for n, r in rows.items()} == {
        1: ("Record Architecture Decisions", "accepted", None),
        2: ("Sign tokens with a shared secret", "superseded", None),
        3: ("Course level roles", "proposed", "2023-09-13"),  # Open edX's provisional: accepted once done
        4: ("Sign tokens with key pairs", "accepted", "2024-02-20"),
    }
    assert rows[3]["status_raw"] == "Provisional"
    assert _shown(decide, folder, 2)["superseded_by"] == "4"
    assert _shown(decide, folder, 4)["supersedes"] == ["2"]
    _checks_clean(decide, folder)


def test_a_status_change_keeps_the_emphasis_and_writes_its_day_where_the_day_was(decide, folder):
    assert decide("adr", "status", "3", "accepted", "--date", "2026-11-30", cwd=folder).exit_code == 0
    path = folder / "docs/decisions/0003-course-roles.rst"
    assert "\n**Accepted** *2026-11-30*\n\nThe status will become *Accepted*" in path.read_text()
    _valid_rst(path)
    assert _listed(decide, folder)[3]["status"] == "accepted"


def test_links_are_written_as_rst_and_read_back(decide, folder):
    result = decide("adr", "new", "Use one roles service for every course", "--no-edit", "--supersedes", "3", cwd=folder)
    assert result.exit_code == 0, result.output
    new = folder / "docs/decisions/0005-use-one-roles-service-for-every-course.rst"
    assert result.stdout.strip() == "docs/decisions/0005-use-one-roles-service-for-every-course.rst"
    text = new.read_text()
    assert text.startswith("5. Use one roles service for every course\n=========================================\n")
    assert "\nSupersedes `3. Course level roles <0003-course-roles.rst>`__\n" in text
    old = (folder / "docs/decisions/0003-course-roles.rst").read_text()
    # A link inside bold is no link in reStructuredText: the emphasis goes with the old status. The day beside
    # the status is the status's own: it moves to the day of the change (ADR 0074).
    assert "\nSuperseded by `5. Use one roles service for every course <0005-use-one-roles-service-for-every-course.rst>`__" \
           f" *{dt.date.today().isoformat()}*\n" in old
    assert decide("adr", "link", "1", "relates to", "4", cwd=folder).exit_code == 0
    assert "\nRelates to `4. Sign tokens with key pairs <0004-sign-tokens-with-key-pairs.rst>`__\n" in \
           (folder / "docs/decisions/0001-record-architecture-decisions.rst").read_text()
    assert decide("adr", "status", "1", "superseded", "--by", "4", cwd=folder).exit_code == 0
    field = (folder / "docs/decisions/0004-sign-tokens-with-key-pairs.rst").read_text()
    # Below the relation written there before: relations stay in the order they were added.
    assert ("\n:Status: Accepted\n:Relates to: `ADR-0001 <0001-record-architecture-decisions.rst>`__\n"
            ":Supersedes: `ADR-0001 <0001-record-architecture-decisions.rst>`__\n") in field
    rows = _listed(decide, folder)
    assert (rows[3]["status"], rows[5]["status"], rows[1]["status"]) == ("superseded", "proposed", "superseded")
    assert _shown(decide, folder, 4)["supersedes"] == ["1", "2"]
    assert _shown(decide, folder, 1)["links"] == [{"relation": "relates to", "adr": "4"}]
    for number in (1, 3, 4, 5):  # 2 holds Sphinx's :doc:, which docutils alone does not know
        (path,) = (folder / "docs/decisions").glob(f"000{number}-*.rst")
        _valid_rst(path)
    assert _shown(decide, folder, 1)["status_raw"] == \
        "Superseded by `4. Sign tokens with key pairs <0004-sign-tokens-with-key-pairs.rst>`__"
    # The index is Markdown: its status column holds Markdown links.
    assert decide("adr", "index", cwd=folder).exit_code == 0
    index = (folder / "docs/decisions/README.md").read_text()
    assert "| Superseded by [4. Sign tokens with key pairs](0004-sign-tokens-with-key-pairs.rst) |" in index
    assert "| Superseded by [0004-sign-tokens-with-key-pairs](0004-sign-tokens-with-key-pairs.rst) |" in index
    # The new record is still its template's text, which the rst template's sections show.
    checked = decide("check", cwd=folder)
    assert checked.stdout.count("is still the template's text") == 3, checked.stdout


def test_an_approval_goes_under_the_title_or_into_the_field_list_and_stays_current(decide, folder):
    for number in ("1", "4"):
        assert decide("adr", "approve", number, "--by", "ana", cwd=folder).exit_code == 0
    one = (folder / "docs/decisions/0001-record-architecture-decisions.rst").read_text().splitlines()
    assert one[:3] == ["1. Record Architecture Decisions", "-" * 32, one[2]] and one[2].startswith("Approved by: ana, ")
    four = (folder / "docs/decisions/0004-sign-tokens-with-key-pairs.rst").read_text()
    assert "\n:Date: 2024-02-20\n:Approved by: ana, " in four
    from toolkit.actions.adr_review import review_gate
    from toolkit.workspace import open_workspace

    for number in (1, 4):
        assert [s.state for s in review_gate(open_workspace(folder), number).sign_off] == ["approved"]


def test_the_decision_log_shows_an_rst_record_as_written_escaped(decide, folder):
    (folder / "docs/decisions/0001-record-architecture-decisions.rst").write_text(
        RECORDS["0001-record-architecture-decisions.rst"].replace("this service makes.", "this <script>x</script> makes.")
    )
    result = decide("report", "log", cwd=folder)
    assert result.exit_code == 0, result.output
    page = (folder / "reports/decision-log/0001-record-architecture-decisions.html").read_text()
    assert '<pre class="db-text">1. Record Architecture Decisions\n--------------------------------\n' in page
    assert "this &lt;script&gt;x&lt;/script&gt; makes." in page and "<script>x" not in page


def test_underlined_markdown_headings_are_the_title_and_sections(decide, tmp_path):
    root = tmp_path / "repo"
    (root / "doc" / "adr").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "doc/adr/0001-use-postgres.md").write_text(
        "Use Postgres\n============\n\nDate: 2024-03-01\n\nStatus\n------\n\n**Accepted** on 2024-03-01\n\n"
        "Context\n-------\n\nWe need a database.\n\nA paragraph\nthat ends over a rule\n---\n\n```\nNot\n---\n```\n"
    )
    (row,) = _listed(decide, root).values()
    assert (row["title"], row["status"], row["status_raw"], row["date"]) == ("Use Postgres", "accepted", "Accepted", "2024-03-01")
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    text = (root / "doc/adr/0001-use-postgres.md").read_text()
    assert "\nDate: 2024-03-01\n" in text and "\n**Deprecated** on 2024-03-01\n" in text


def test_renumbering_rewrites_rst_links_and_grows_the_title_s_lines(decide, folder):
    result = decide("adr", "renumber", "2", "--to", "10", cwd=folder)
    assert result.exit_code == 0, result.output
    moved = folder / "docs/decisions/0010-sign-tokens-with-a-shared-secret.rst"
    assert moved.read_text().startswith("10. Sign tokens with a shared secret\n" + "=" * 36 + "\n")
    four = (folder / "docs/decisions/0004-sign-tokens-with-key-pairs.rst").read_text()
    assert "\nSupersedes `10. Sign tokens with a shared secret <0010-sign-tokens-with-a-shared-secret.rst>`_\n" in four
    assert decide("adr", "renumber", "4", "--to", "11", cwd=folder).exit_code == 0
    assert "\nSuperseded by :doc:`0011-sign-tokens-with-key-pairs`\n" in moved.read_text()
    assert (folder / "docs/decisions/0011-sign-tokens-with-key-pairs.rst").read_text().startswith(
        "#" * 34 + "\n11. Sign tokens with key pairs\n" + "#" * 34 + "\n")
    _checks_clean(decide, folder)


# A database's RFCs: the fields shown as a literal block (`::` over indented lines) above an overlined title.
LITERAL_FIELDS = ("::\n\n    Status: {status}\n    Type: Feature\n    Created: {day}\n    Authors: Ana Lima\n\n"
                  "{rule}\nRFC {n}: {title}\n{rule}\n\nWhat it changes.\n")


def _literal_rfcs(tmp_path, first: str):
    """RFC 1013 (*first*) and RFC 1027 (accepted) in the literal-block form, in `text/`."""
    return repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n'} | {
        f"text/{n}-{slug}.rst": LITERAL_FIELDS.format(status=status, day=day, n=n, title=title, rule="=" * 30)
        for n, slug, status, day, title in ((1013, "dates", first, "2022-06-06", "Date arithmetic"),
                                            (1027, "paths", "Accepted", "2024-03-12", "Stop sharing paths"))})


def test_a_new_rfc_keeps_the_literal_block_marker_above_its_fields(decide, tmp_path):
    # The `::` line was left out: the fields that follow it were no longer a literal block but a quotation.
    root = _literal_rfcs(tmp_path, "Draft")
    result = decide("adr", "new", "Cache the catalogue", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / "text/1028-cache-the-catalogue.rst").read_text()
    assert text.startswith("::\n\n    Status: Draft\n"), text
    new = publish_doctree(text, settings_overrides={"report_level": 5}).next_node(
        lambda node: node.tagname == "literal_block")
    assert new is not None and "Created: 2026-12-02" in new.astext()


def test_a_relation_in_fields_shown_as_a_literal_block_names_the_record_by_its_number(decide, tmp_path):
    # A link there shows as written (`` `ADR-1027 <1027-paths.rst>`__ ``): the folder writes `Supersedes: 1009`.
    root = _literal_rfcs(tmp_path, "Accepted")
    result = decide("adr", "status", "1013", "superseded", "--by", "1027", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "text/1013-dates.rst").read_text().splitlines()[2] == "    Status: Superseded by 1027"
    assert (root / "text/1027-paths.rst").read_text().splitlines()[2:4] == [
        "    Status: Accepted", "    Supersedes: 1013"]
    listed = {row["number"]: row for row in json.loads(decide("adr", "list", "--format", "json", cwd=root).stdout)}
    assert (listed[1013]["superseded_by"], listed[1027]["supersedes"]) == ("1027", ["1013"])


# An embedded library's design proposals: their fields are the options of a directive of the docs' own.
SEED = (".. _seed-{n:04d}:\n\n{rule}\n{n:04d}: {title}\n{rule}\n.. seed::\n   :number: {n}\n   :name: {title}\n"
        "   :status: {status}\n   :proposal_date: {day}\n   :cl: 173453\n\n-------\nSummary\n-------\n"
        "What it changes.\n")


def test_a_label_written_with_underscores_is_read_as_its_words(decide, tmp_path):
    # `:proposal_date:` was no date label: the proposals had no day.
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "seed"\n'} | {
        f"seed/{n:04d}.rst": SEED.format(n=n, title=title, status=status, day=day, rule="=" * (len(title) + 6))
        for n, title, status, day in ((113, "Shared compiler flags", "Accepted", "2023-09-12"),
                                      (131, "Lock-free ring buffers", "Open for Comments", "2024-07-15"))})
    assert [(r["number"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (113, "Shared compiler flags", "accepted", "2023-09-12"),
        (131, "Lock-free ring buffers", "proposed", "2024-07-15")]
