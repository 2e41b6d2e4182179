"""ADR folders product teams keep: log4brains' settings naming the project's folder and each package's in a
monorepo (ADR 0219)."""

from __future__ import annotations

from conftest import listed_adrs, repository_with

LOG4BRAINS_SETTINGS = """project:
  name: Shop platform
  tz: Europe/London
  adrFolder: ./architecture/decision-log
  packages:
    - name: billing
      path: ./services/billing
      adrFolder: ./services/billing/architecture/adr
"""
LOG4BRAINS_RECORD = "# {title}\n\n- Status: {status}\n- Date: {date}\n\n## Context and Problem Statement\n\nWhy.\n"


def _log4brains_monorepo(root):
    return repository_with(root, {
        ".log4brains.yml": LOG4BRAINS_SETTINGS,
        "architecture/decision-log/20230110-use-log4brains.md": LOG4BRAINS_RECORD.format(
            title="Use Log4brains", status="accepted", date="2023-01-10"),
        "services/billing/architecture/adr/20230415-store-invoices-as-pdf.md": LOG4BRAINS_RECORD.format(
            title="Store invoices as PDF", status="proposed", date="2023-04-15"),
        "services/billing/src/app.py": "print('bill')\n",
    })


def test_log4brains_settings_name_the_project_s_folder_and_each_package_s(decide, tmp_path):
    root = _log4brains_monorepo(tmp_path / "repo")
    assert [(r["title"], r["date"], r["path"]) for r in listed_adrs(decide, root)] == [
        ("Use Log4brains", "2023-01-10", "architecture/decision-log/20230110-use-log4brains.md")]
    for inside in ("services/billing/src", "services/billing/architecture/adr"):
        assert [(r["title"], r["path"]) for r in listed_adrs(decide, root / inside)] == [
            ("Store invoices as PDF", "services/billing/architecture/adr/20230415-store-invoices-as-pdf.md")]


def test_a_new_record_in_a_log4brains_package_goes_to_that_package_s_folder(decide, tmp_path):
    root = _log4brains_monorepo(tmp_path / "repo")
    result = decide("adr", "new", "Bill in euros", "--no-edit", "--date", "2026-12-02", cwd=root / "services/billing")
    assert result.exit_code == 0, result.output
    made = root / "services/billing/architecture/adr/20261202-bill-in-euros.md"
    assert made.read_text().startswith("# Bill in euros\n\n* Status: proposed\n* Date: 2026-12-02\n")
    assert not list((root / "architecture/decision-log").glob("2026*"))


def test_broken_log4brains_settings_are_named_at_their_line(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {".log4brains.yml": "project:\n  adrFolder: [./docs\n",
                                               "docs/adr/0001-x.md": "# 1. X\n\n## Status\n\nAccepted\n"})
    result = decide("adr", "list", cwd=root)
    assert result.exit_code == 2
    assert ".log4brains.yml:2" in result.output and "Traceback" not in result.output


NYGARD_DATED = "# {title}\n\nDate: {date}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"


def test_a_file_named_by_a_day_written_with_one_digit_is_dated_not_numbered_by_its_year(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "contributing/adr\n",
        "contributing/adr/2025-06-17-run-unit-tests-with-vitest.md": NYGARD_DATED.format(
            title="Run unit tests with Vitest", date="2025-06-17"),
        "contributing/adr/2026-08-3-lint-with-one-binary.md": NYGARD_DATED.format(
            title="Lint with one binary", date="2026-08-03"),
        "contributing/adr/2026-9-1-merge-test-runners.md": "# Merge test runners\n\n## Status\n\nProposed\n",
    })
    listed = {r["path"].rpartition("/")[2]: (r["number"], r["date"]) for r in listed_adrs(decide, root)}
    assert listed == {"2025-06-17-run-unit-tests-with-vitest.md": (None, "2025-06-17"),
                      "2026-08-3-lint-with-one-binary.md": (None, "2026-08-03"),
                      "2026-9-1-merge-test-runners.md": (None, "2026-09-01")}
    assert decide("adr", "show", "2026-08-3-lint-with-one-binary", cwd=root).exit_code == 0
    result = decide("check", cwd=root)
    assert "0 error(s), 0 warning(s)" in result.output, result.output


HACKNEY_RECORD = """---
id: {slug}
title: "{title}"
description: ""
tags: [adr]
number: "{n}"
date-issued: "{date}"
status: "{status}"
---

## Context

Why {n}.
"""
HACKNEY_TEMPLATE = ('---\ntitle: "TITLE"\ndescription: ""\ntags: [adr]\nnumber: "NUMBER"\ndate-issued: "DATE"\n'
                    'status: "STATUS"\n---\n\n## Context\n\nWhy.\n')


def _records_in_a_subfolder(root):
    folder = "docs/architecture-decisions"
    return repository_with(root, {
        f"{folder}/index.md": "---\ntitle: Introduction\n---\n\n# Architecture Decision Records\n\nOur decisions.\n",
        f"{folder}/templates/template.md": HACKNEY_TEMPLATE,
        f"{folder}/records/001-keep-a-log.md": HACKNEY_RECORD.format(
            slug="keep-a-log", title="Keep a log", n=1, date="2021-05-04", status="Accepted"),
        f"{folder}/records/002-load-sheets.md": HACKNEY_RECORD.format(
            slug="load-sheets", title="Load sheets", n=2, date="2021-06-10", status="Proposed"),
    })


def test_date_issued_in_front_matter_is_the_record_s_date_and_a_status_change_sets_it(decide, tmp_path):
    root = _records_in_a_subfolder(tmp_path / "repo")
    assert [(r["number"], r["date"]) for r in listed_adrs(decide, root)] == [(1, "2021-05-04"), (2, "2021-06-10")]
    page = root / "docs/architecture-decisions/records/002-load-sheets.md"
    result = decide("adr", "status", "2", "accepted", "--force", "--date", "2026-12-01", cwd=root)
    assert result.exit_code == 0, result.output
    assert page.read_text() == HACKNEY_RECORD.format(
        slug="load-sheets", title="Load sheets", n=2, date="2026-12-01", status="Accepted")


def test_a_new_record_goes_to_the_one_subfolder_that_holds_every_record(decide, tmp_path):
    root = _records_in_a_subfolder(tmp_path / "repo")
    result = decide("adr", "new", "Keep raw data", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    made = root / "docs/architecture-decisions/records/003-keep-raw-data.md"
    assert 'number: "3"\ndate-issued: "2026-12-02"\nstatus: "Proposed"\n' in made.read_text()
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 2, 3]


GOVPAY_RECORD = ("---\nhide_in_navigation: true\n---\n\n# ADR {n}: {title}\n\nDate: {date}\n\n## Status\n\n{status}\n\n"
                 "## Context\n\nWhy {n}.\n")


def test_a_day_with_a_two_digit_year_between_hyphens_is_read_in_the_order_the_folder_proves(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/source/adrs/0010-send-firewall-logs.html.md": GOVPAY_RECORD.format(
            n=10, title="Send firewall logs", date="13-05-20", status="Accepted"),
        "docs/source/adrs/0013-keep-a-test-environment.html.md": GOVPAY_RECORD.format(
            n=13, title="Keep a test environment", date="05-08-20", status="Proposed"),
    })
    assert [(r["number"], r["date"]) for r in listed_adrs(decide, root)] == [(10, "2020-05-13"), (13, "2020-08-05")]
    assert "0 error(s), 0 warning(s)" in decide("check", cwd=root).output
    result = decide("adr", "status", "13", "accepted", "--force", "--date", "2026-12-01", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/source/adrs/0013-keep-a-test-environment.html.md").read_text() == GOVPAY_RECORD.format(
        n=13, title="Keep a test environment", date="01-12-26", status="Accepted")


def test_a_new_record_in_a_folder_of_html_md_pages_is_named_so_too(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        f"docs/source/adrs/000{n}-record-{n}.html.md":
            f"# {n}. Record {n}\n\nDate: 2020-03-0{n}\n\n## Status\n\nAccepted\n"
        for n in (1, 2)})
    result = decide("adr", "new", "Keep one pipeline", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/source/adrs/0003-keep-one-pipeline.html.md").read_text().startswith(
        "# 3. Keep one pipeline\n\nDate: 2026-12-02\n")
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 2, 3]


def test_log4brains_settings_of_another_shape_leave_the_folder_to_be_found(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {".log4brains.yml": "- project\n",
                                               "docs/adr/0001-x.md": "# 1. X\n\n## Status\n\nAccepted\n"})
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/adr/0001-x.md"]


ADR_BOLD = "# ADR-{n:04d}: {title}\n\n## Status\n\n**Accepted**\n\n## Context\n\nWhy.\n"


def test_inside_a_package_of_a_monorepo_its_own_records_are_read_beside_the_top_s(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-record-decisions.md": ADR_BOLD.format(n=1, title="Record Decisions"),
        "apps/web/package.json": '{"name": "web"}\n',
        "apps/web/src/index.ts": "export {};\n",
        "apps/web/docs/adr/0001-render-on-the-server.md": ADR_BOLD.format(n=1, title="Render On The Server"),
        "tests/fixtures/docs/adr/0001-a-fixture.md": ADR_BOLD.format(n=1, title="A Fixture"),
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/adr/0001-record-decisions.md"]
    assert [r["path"] for r in listed_adrs(decide, root / "apps/web/src")] == [
        "apps/web/docs/adr/0001-render-on-the-server.md"]
    # A folder that is no package of its own (test fixtures) reads the top's records, as before.
    assert [r["path"] for r in listed_adrs(decide, root / "tests/fixtures")] == ["docs/adr/0001-record-decisions.md"]
    result = decide("adr", "new", "Stream the first byte", "--no-edit", "--date", "2026-12-02", cwd=root / "apps/web")
    assert result.exit_code == 0, result.output
    assert (root / "apps/web/docs/adr/0002-stream-the-first-byte.md").is_file()


def test_log4brains_settings_not_in_utf8_are_named_at_their_line(decide, tmp_path):
    # Read with replacement characters, a latin-1 folder name named a folder that does not exist.
    root = repository_with(tmp_path / "repo", {"docs/adr/0001-x.md": "# 1. X\n\n## Status\n\nAccepted\n"})
    (root / ".log4brains.yml").write_bytes("project:\n  name: Café\n  adrFolder: ./décisions\n".encode("latin-1"))
    result = decide("adr", "list", cwd=root)
    assert result.exit_code == 2, result.output
    assert ".log4brains.yml:2: error: not valid UTF-8 text" in result.output and "Traceback" not in result.output


def test_a_record_dated_only_by_its_file_name_takes_that_day(decide, tmp_path):
    """log4brains' template leaves `- Date: [YYYY-MM-DD when ...]` for the writer to fill, and a record numbered by
    the second it was made (`20240516132303-x.md`) may say no day: the file's name dates them, and check names
    the placeholder still there. A day written in the record is its date, whatever the name says."""
    blank = "- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->"
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/20230206-use-scala3.md": LOG4BRAINS_RECORD.format(
            title="Use Scala3", status="accepted", date="x").replace("- Date: x", blank),
        "docs/decisions/20240516132303-use-any-decision-records.md": "# Use Any Decision Records\n\nWhy.\n",
        "docs/decisions/20240603162604-mocker-l-api.md": "---\nstatut: proposé\ndate: 2024-06-04\n---\n# Mocker\n",
    })
    assert sorted((r["title"], r["date"]) for r in listed_adrs(decide, root)) == [
        ("Mocker", "2024-06-04"), ("Use Any Decision Records", "2024-05-16"), ("Use Scala3", "2023-02-06")]
    assert ("docs/decisions/20230206-use-scala3.md:4: warning: date '[YYYY-MM-DD when the decision was last "
            "updated]' is the template's placeholder; write the day (read as 2023-02-06, from the file's name)"
            ) in decide("check", cwd=root).stdout.splitlines()


CATEGORY_RECORD = "# {n}. {title}\n\nDate: 2024-0{n}-02\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"


def _categories(tmp_path):
    return repository_with(tmp_path / "repo", {
        "docs/adr/back-end/0001-use-go.md": CATEGORY_RECORD.format(n=1, title="Use Go"),
        "docs/adr/front-end/0002-use-react.md": CATEGORY_RECORD.format(n=2, title="Use React"),
        "docs/adr/front-end/0003-use-vite.md": CATEGORY_RECORD.format(n=3, title="Use Vite"),
    })


def test_a_new_record_goes_in_the_category_folder_in_names_and_is_numbered_with_every_category(decide, tmp_path):
    root = _categories(tmp_path)
    made = decide("adr", "new", "Use Rust", "--no-edit", "--in", "back-end", cwd=root)  # the fast form
    assert (made.exit_code, made.stdout, made.stderr) == (0, "docs/adr/back-end/0004-use-rust.md\n", "")
    linked = decide("adr", "new", "Use Preact", "--no-edit", "--in", "front-end", "--supersedes", "2", cwd=root)
    assert linked.exit_code == 0, linked.output
    assert linked.stdout == "docs/adr/front-end/0005-use-preact.md\n"
    assert (root / "docs/adr/front-end/0005-use-preact.md").read_text().startswith("# 5. Use Preact\n")
    assert [(r["number"], r["path"], r["status"]) for r in listed_adrs(decide, root)][3:] == [
        (4, "docs/adr/back-end/0004-use-rust.md", "proposed"), (5, "docs/adr/front-end/0005-use-preact.md", "proposed")]
    assert decide("check", cwd=root).stdout.splitlines()[-1].startswith("0 error(s)")


def test_a_folder_in_names_outside_the_adr_folder_or_not_there_is_refused_and_nothing_written(decide, tmp_path):
    root = _categories(tmp_path)
    (root / "docs/adr/.drafts").mkdir()
    (root / "elsewhere").mkdir()
    refused = "docs/adr/: error: no folder {!r} in docs/adr/ to write the record in: --in names one of its folders " \
              "by its path there (back-end, front-end)\n"
    for folder in ("../../elsewhere", "/tmp", "design", "."):
        for extra in ((), ("--amends", "1")):  # the fast form, and click's
            result = decide("adr", "new", "Stray", "--no-edit", "--in", folder, *extra, cwd=root)
            assert (result.exit_code, result.stdout, result.stderr) == (2, "", refused.format(folder))
    assert not list(root.rglob("*stray*"))
    (root / "docs/adr/back-end/.adr-dir").write_text(".\n")
    team = decide("adr", "new", "Stray", "--no-edit", "--in", "back-end", cwd=root)
    assert (team.exit_code, team.stderr) == (2, "docs/adr/: error: docs/adr/back-end/ numbers its own records (its "
                                                "`.adr-dir`): run `decide adr new` in it\n")


def test_a_record_written_above_the_category_folders_says_how_to_write_it_in_one(decide, tmp_path):
    root = _categories(tmp_path)
    made = decide("adr", "new", "Share a schema", "--no-edit", cwd=root)
    assert (made.exit_code, made.stdout) == (0, "docs/adr/0004-share-a-schema.md\n")
    assert made.stderr == ("written above the folders every other record is kept in (back-end, front-end); "
                           "`--in FOLDER` writes a record in one\n")
    again = decide("adr", "new", "Share a queue", "--no-edit", cwd=root)  # records are kept above them now too
    assert (again.stdout, again.stderr) == ("docs/adr/0005-share-a-queue.md\n", "")
