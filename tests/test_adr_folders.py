"""ADR folders where teams keep them, and new records named and written in each folder's own form."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from pathlib import Path

import pytest
from conftest import listed_adrs, repository_with

NYGARD = "# {n}. {title}\n\nDate: 2020-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
BOLD = "# ADR-{n:03d}: {title}\n\n**Status:** Accepted\n**Date:** 2020-01-0{n}\n\n## Context\n\nWhy.\n"
BULLETS = "# {title}\n\n- Status: accepted\n- Date: 2020-01-0{n}\n\n## Context and Problem Statement\n\nWhy.\n"


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "repo", files)


@pytest.mark.parametrize(
    "folder",
    ["adr", "adrs", "architecture-decision-records", "architecture-decision-record", "docs/architecture/adr",
     "docs/engineering/platform/decisions", "docs/handbook/adr", "ADRs", "architecture-decisions",
     "docs/architecture-decisions", "docs/Decision-Records", "documentation/adr", "rfcs", "docs/proposals",
     "design", "docs/architectuur/beslissingen", "docs/arch", "docs/entscheidungen", "doc/decisoes"],
)
def test_folders_teams_use_are_found(decide, tmp_path, folder):
    root = _repo(tmp_path, {f"{folder}/0001-first.md": NYGARD.format(n=1, title="First"), "docs/guide.md": "# Guide\n"})
    assert [r["path"] for r in listed_adrs(decide, root)] == [f"{folder}/0001-first.md"]


@pytest.mark.parametrize("folder", ["00_nucleo/adr", "交易所项目文档/ADR", "platform/decisions", "data/docs/adr",
                                    "基本設計/11.アーキテクチャ決定記録(ADR)"])
def test_an_adr_folder_inside_a_top_folder_of_the_team_s_own_name_is_found(decide, tmp_path, folder):
    # Crystalline's `00_nucleo/adr/`, an exchange's docs folder named in Chinese: no docs/ above them. A service's own
    # docs folder at the top (`data/docs/adr/`), and a folder named in Japanese with what it is in brackets.
    files = {f"{folder}/000{n}-record-{n}.md": NYGARD.format(n=n, title=f"Record {n}") for n in (1, 2)}
    root = _repo(tmp_path, {**files, "00_nucleo/src/main.rs": "fn main() {}\n"})
    assert [r["path"] for r in listed_adrs(decide, root)] == sorted(files)
    assert decide("init", cwd=root).exit_code == 0
    assert f'decisions = "{folder}"' in (root / "decisionbook.toml").read_text()
    assert not (root / "decisions").exists()


def test_a_folder_named_as_adr_folders_inside_a_top_folder_needs_numbered_records(decide, tmp_path):
    # A package of code named so (`src/adr/`) is no ADR folder, whatever Markdown it holds; nor is a folder named as
    # proposals are (`app/design/`), which a project's code holds as often.
    root = _repo(tmp_path, {"src/adr/parser.py": "x = 1\n", "src/adr/README.md": "# The adr package\n",
                            "app/design/0001-colours.md": "# 1. Colours\n\n## Status\n\nAccepted\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


def test_a_deep_docs_folder_is_found_only_when_it_holds_records_and_depth_is_bounded(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/a/decisions/notes.md": "# Notes\n",
        "docs/a/b/c/d/e/adr/0001-too-deep.md": NYGARD.format(n=1, title="Too deep"),
        "docs/b/adr/0002-here.md": NYGARD.format(n=2, title="Here"),
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/b/adr/0002-here.md"]


def test_a_dependency_s_adr_folder_installed_under_docs_is_not_the_adr_folder(decide, tmp_path):
    # A docs site with its own package.json: a plugin installed there ships its ADRs; new records are not its.
    root = _repo(tmp_path, {"docs/package.json": "{}\n", "docs/guide.md": "# Guide\n",
                            "docs/node_modules/site-search/docs/adr/0001-index-at-build.md": NYGARD.format(
                                n=1, title="Index at build")})
    made = decide("adr", "new", "Publish the guide", "--no-edit", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "decisions/0001-publish-the-guide.md", made.output
    assert [p.name for p in (root / "docs/node_modules/site-search/docs/adr").iterdir()] == ["0001-index-at-build.md"]


# Unleash keeps its ADRs in a Docusaurus site's docs, by category, each named by its slug alone.
DOCUSAURUS_ADR = '---\ntitle: "ADR: {title}"\n---\n\n## Background\n\nWhy.\n\n## Decision\n\nWhat.\n'


@pytest.mark.parametrize("index", [True, False], ids=["with-overview-page", "categories-only"])
def test_an_adr_folder_in_a_docusaurus_site_s_docs_is_found_with_its_categories(decide, tmp_path, index):
    files = {
        "website/docs/contributing/ADRs/back-end/breaking-db-changes.md": DOCUSAURUS_ADR.format(title="Breaking DB"),
        "website/docs/contributing/ADRs/front-end/preferred-styling.md": DOCUSAURUS_ADR.format(title="Styling"),
        "website/docs/contributing/guide.md": "# Contributing\n",
        "website/docs/reference/api.md": "# API\n",
        "src/lib/index.md": "# Lib\n",
    }
    if index:
        files["website/docs/contributing/ADRs/ADRs.md"] = (
            "---\ntitle: ADR Overview\n---\n\n## Back-end ADRs\n\n"
            "* [Breaking DB](./back-end/breaking-db-changes.md)\n\n"
            "## Front-end ADRs\n\n* [Styling](./front-end/preferred-styling.md)\n")
    root = _repo(tmp_path, files)
    assert [r["path"] for r in listed_adrs(decide, root)] == [
        "website/docs/contributing/ADRs/back-end/breaking-db-changes.md",
        "website/docs/contributing/ADRs/front-end/preferred-styling.md",
    ]


# A Hugo site keeps its pages in `content/`: a handbook's ADRs named by their slugs (`content/adr/cms-upgrade.md`), a
# specification site's numbered (`content/adr/0002-x.md`), each beside the section's `_index.md`.
HUGO_ADR = '---\ntitle: "{title}"\ndate: "{date}"\nstatus: "{status}"\n---\n\n# {title}\n\n## Context\n\nWhy.\n'


@pytest.mark.parametrize("names", [("cms-upgrade.md", "spa-framework.md"), ("0000-record.md", "0002-protect-main.md")],
                         ids=["slugs", "numbered"])
def test_an_adr_folder_in_a_hugo_site_s_content_is_found(decide, tmp_path, names):
    root = _repo(tmp_path, {
        "hugo.toml": 'title = "Handbook"\n',
        "content/adr/_index.md": "---\ntitle: Decision records\nweight: 11\n---\n\n{{< adr-list >}}\n",
        f"content/adr/{names[0]}": HUGO_ADR.format(title="Upgrade the CMS", date="2024-07-05", status="accepted"),
        f"content/adr/{names[1]}": HUGO_ADR.format(title="One SPA framework", date="2023-02-20", status="proposed"),
        "content/blog/first-post.md": "---\ntitle: First post\n---\n\nHello.\n",
    })
    assert [(r["path"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (f"content/adr/{names[0]}", "Upgrade the CMS", "accepted", "2024-07-05"),
        (f"content/adr/{names[1]}", "One SPA framework", "proposed", "2023-02-20"),
    ]


# A specification site's numbered records (Hugo): each page's title names its record, `"ADR-0002: ..."`.
SPEC_ADR = ('---\ntitle: "ADR-{n:04d}: {title}"\nlinkTitle: ADR-{n:04d}\ndate: 2026-05-06\nstatus: Accepted\n---\n\n'
            "## Status\n\nAccepted.\n\n## Context\n\nWhy.\n")


@pytest.mark.parametrize("records, title, status", [
    ({"0000-record.md": SPEC_ADR.format(n=0, title="Record decisions"),
      "0002-protect-main.md": SPEC_ADR.format(n=2, title="Protect main")}, 'title: "ADR-0003: Try a thing"',
     "Proposed"),  # capitalised as the site's records write theirs (ADR 0231)
    ({"cms-upgrade.md": HUGO_ADR.format(title="Upgrade the CMS", date="2024-07-05", status="accepted"),
      "spa-framework.md": HUGO_ADR.format(title="One SPA framework", date="2023-02-20", status="proposed")},
     'title: "Try a thing"', "proposed"),
], ids=["numbered", "slugs"])
def test_a_new_record_in_a_site_whose_pages_have_titles_has_one_written_as_theirs(decide, tmp_path, records, title,
                                                                                 status):
    # Made from decisionbook's own template, it had none: the site's menu showed an empty link.
    root = _repo(tmp_path, {"hugo.toml": 'title = "Spec"\n'} | {f"content/adr/{n}": t for n, t in records.items()})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith(f"---\n{title}\nstatus: {status}\n")
    assert [r["title"] for r in listed_adrs(decide, root)][-1] == "Try a thing"


def test_a_folder_named_as_adr_folders_is_not_taken_for_markdown_two_folders_below_it(decide, tmp_path):
    # Only its categories' records count: notes kept deeper (`adrs/assets/drafts/x.md`) make no ADR folder.
    root = _repo(tmp_path, {"docs/handbook/adrs/assets/drafts/notes.md": "# Notes\n", "docs/guide.md": "# Guide\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


def test_records_in_a_tooling_folder_below_a_folder_named_as_adr_folders_make_no_adr_folder(decide, tmp_path):
    # They are never read (`assets/` holds a site's files): the folder of records that are is found instead.
    root = _repo(tmp_path, {"docs/handbook/adrs/assets/0001-diagram.md": "# 1. Diagram\n\n## Status\n\nAccepted\n",
                            "docs/design/0001-real.md": "# 1. Real\n\n## Status\n\nAccepted\n"})
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/design/0001-real.md"]


def test_a_folder_at_the_top_named_as_adr_folders_is_not_taken_for_records_in_its_subfolders(decide, tmp_path):
    # At the top such a folder may be code (a `decisionlog` package): its test data is no category of records.
    root = _repo(tmp_path, {"decisionlog/log.go": "package decisionlog\n", "docs/guide.md": "# Guide\n",
                            "decisionlog/testdata/0001-input.md": "# 1. Input\n\n## Status\n\nAccepted\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


def test_a_folder_of_proposals_is_the_adr_folder_only_when_its_records_speak_of_a_status(decide, tmp_path):
    root = _repo(tmp_path, {"design/0001-logo.md": "# Logo\n\nColours and shapes.\n", "docs/guide.md": "# Guide\n",
                            "docs/design/01-api.md": "# API\n\nErrors use HTTP status codes.\n"})
    listed = decide("adr", "list", cwd=root)
    assert "design/" not in listed.stdout and "no ADR folder" in listed.output


TOP_RFC = ("# {title}\n\n| **Status**        | **{status}** |\n|:------------------|:---------|\n"
           "| **RFC #**         | {n:04d}     |\n\n## Summary\n\nWhy.\n")


def test_numbered_proposals_kept_at_the_top_of_their_repository_are_found_there(decide, tmp_path):
    # Qiskit's RFCs and the wallet consortium's (`ewc-rfc004-x.md`) sit beside the README: nothing was listed.
    root = _repo(tmp_path, {
        "README.md": "# RFCs\n\n| RFC | Status |\n| --- | --- |\n| [0004](0004-noise.md) | Accepted |\n",
        "0004-noise.md": TOP_RFC.format(title="Noise mitigation", status="Accepted", n=4),
        "0014-experiments.md": TOP_RFC.format(title="Experiments library", status="Proposed", n=14),
        "tools/check_links.py": "print('ok')\n",
    })
    assert [(r["number"], r["title"], r["status"], r["path"]) for r in listed_adrs(decide, root)] == [
        (4, "Noise mitigation", "accepted", "0004-noise.md"),
        (14, "Experiments library", "proposed", "0014-experiments.md")]
    made = decide("adr", "new", "Sparse observables", "--no-edit", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "0015-sparse-observables.md", made.output


def test_numbered_folders_at_the_top_each_holding_a_proposal_md_are_found_there(decide, tmp_path):
    # Concourse's RFCs say no status or day (those live in the pull request): nothing was listed.
    proposal = "# Summary\n\n{summary}\n\n# Motivation\n\nWhy.\n"
    root = _repo(tmp_path, {
        "README.md": "# RFCs\n\nCopy `000-example` to `123-my-idea` and write `proposal.md`.\n",
        "000-example/proposal.md": proposal.format(summary="> Say what changes."),
        "012-build-caches/proposal.md": proposal.format(summary="Steps keep a cache."),
        "031-pause-step/proposal.md": proposal.format(summary="A step waits for a person."),
        "031-pause-step/flow.png": ""})
    assert [(r["number"], r["title"], r["path"]) for r in listed_adrs(decide, root)] == [
        (12, "Build caches", "012-build-caches/proposal.md"), (31, "Pause step", "031-pause-step/proposal.md")]


def test_numbered_files_at_the_top_beside_a_template_numbered_0_are_found_there(decide, tmp_path):
    # Strimzi's proposals say no status or day: nothing was listed without a setting.
    root = _repo(tmp_path, {
        "README.md": "# Proposals\n\n| # | Title |\n|:--:|:--|\n| 3 | [Public registry](./003-public-registry.md) |\n",
        "000-template.md": "# <Title>\n\n## Current situation\n\n## Proposal\n",
        "001-java-17.md": "# Build on Java 17\n\n## Proposal\n\nMove.\n",
        "003-public-registry.md": "# Move images to a public registry\n\n## Proposal\n\nPush there.\n"})
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [
        (1, "Build on Java 17"), (3, "Move images to a public registry")]


def test_numbered_chapter_folders_at_the_top_are_no_records(decide, tmp_path):
    root = _repo(tmp_path, {"01-intro/README.md": "# Intro\n\nStart here.\n", "02-setup/README.md": "# Setup\n",
                            "03-usage/usage.md": "# Usage\n\nRun it.\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


def test_numbered_files_at_the_top_that_speak_of_no_status_are_no_records(decide, tmp_path):
    root = _repo(tmp_path, {"01-intro.md": "# Intro\n\nErrors use HTTP status codes.\n",
                            "02-setup.md": "# Setup\n\nInstall it.\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


def test_category_subfolders_are_listed_together_with_their_subfolder(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-first.md": NYGARD.format(n=1, title="First"),
        "docs/adr/security/0002-rotate.md": NYGARD.format(n=2, title="Rotate"),
        "docs/adr/operations/0003-on-call.md": NYGARD.format(n=3, title="On call"),
        "docs/adr/images/diagram.md": "# Not a record\n",
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == [
        "docs/adr/0001-first.md", "docs/adr/security/0002-rotate.md", "docs/adr/operations/0003-on-call.md",
    ]
    created = decide("adr", "new", "Next one", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert created.stdout.strip() == "docs/adr/0004-next-one.md"


RFC = "---\nRFC: RFC{n:04d}\nStatus: {status}\n---\n\n# {title}\n\n## Motivation\n\nWhy.\n"


def test_records_folders_below_a_category_are_listed_numbered_around_and_linked(decide, tmp_path):
    # PowerShell keeps rejected RFCs in `Archive/Rejected/`, two folders down: they were left out in silence,
    # their numbers free for a new record and links to them broken.
    root = _repo(tmp_path, {
        "rfcs/Final/RFC0037-test-connection.md": RFC.format(n=37, status="Accepted", title="Test-Connection"),
        "rfcs/Archive/Rejected/RFC0015-startup-config.md": RFC.format(n=15, status="Rejected", title="Startup"),
        "rfcs/Archive/Rejected/RFC0052-cross-platform.md": RFC.format(n=52, status="Rejected", title="Cross"),
        "rfcs/Archive/Old/2019/Rejected/RFC0090-four-down.md": RFC.format(n=90, status="Rejected", title="Deep"),
        "rfcs/Final/RFC0045-ternary.md": "# 45. Ternary operator\n\n## Status\n\nAccepted\n\n"
                                         "Amends [15. Startup](../Archive/Rejected/RFC0015-startup-config.md)\n",
        "decisionbook.toml": '[adr]\ndir = "rfcs"\n'})
    rows = [(r["number"], r["title"], r["path"]) for r in listed_adrs(decide, root)]
    assert rows == [(15, "Startup", "rfcs/Archive/Rejected/RFC0015-startup-config.md"),
                    (37, "Test-Connection", "rfcs/Final/RFC0037-test-connection.md"),
                    (45, "Ternary operator", "rfcs/Final/RFC0045-ternary.md"),
                    (52, "Cross", "rfcs/Archive/Rejected/RFC0052-cross-platform.md")]
    shown = json.loads(decide("adr", "show", "45", "--format", "json", cwd=root).stdout)
    assert shown["links"] == [{"relation": "amends", "adr": "15"}]
    checked = decide("check", cwd=root).stdout.splitlines()
    assert not [line for line in checked if "link" in line and "does not record" not in line]  # no link broken
    created = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert created.stdout.strip() == "rfcs/RFC0053-try-a-thing.md"
    moved = decide("adr", "renumber", "37", "--to", "52", cwd=root)
    assert moved.exit_code == 2 and "number 52 is already used" in moved.stderr
    assert (root / "rfcs/Final/RFC0037-test-connection.md").is_file()


def test_records_below_a_category_skip_hidden_linked_and_tooling_folders(decide, tmp_path):
    # Unleash's ADRs are named by their slugs in `front-end/deprecated/`; tools and links leave the folder.
    page = '---\ntitle: "ADR: {title}"\n---\n\n## Background\n\nWhy.\n'
    outside = _repo(tmp_path / "outside", {"0007-private.md": "# Private\n"})
    old = "./deprecated/preferred-styles-import-placement.md"
    root = _repo(tmp_path, {
        "adrs/front-end/preferred-styling-method.md": page.format(title="preferred styling method").replace(
            "## Background", f"This document supersedes [ADR: styles]({old})\n\n## Background"),
        "adrs/front-end/deprecated/preferred-styles-import-placement.md": page.format(title="styles placement"),
        "adrs/front-end/node_modules/left-pad/changelog.md": "# Changelog\n",
        "adrs/front-end/.cache/old/notes.md": "# Notes\n",
        "adrs/front-end/templates/adr-form.md": page.format(title="title"),
        "decisionbook.toml": '[adr]\ndir = "adrs"\n'})
    (root / "adrs/front-end/shared").symlink_to(outside)
    rows = [(r["title"], r["path"], r["supersedes"]) for r in listed_adrs(decide, root)]
    assert rows == [("styles placement", "adrs/front-end/deprecated/preferred-styles-import-placement.md", []),
                    ("preferred styling method", "adrs/front-end/preferred-styling-method.md",
                     ["preferred-styles-import-placement"])]


def test_init_adr_dir_and_adr_dir_key_name_any_folder(decide, tmp_path):
    root = _repo(tmp_path, {"engineering/records/0001-first.md": NYGARD.format(n=1, title="First"),
                            "docs/adr/0001-other.md": NYGARD.format(n=1, title="Other")})
    result = decide("init", "--adr-dir", "engineering/records", cwd=root)
    assert result.exit_code == 0, result.output
    assert 'decisions = "engineering/records"' in (root / "decisionbook.toml").read_text()
    assert [r["title"] for r in listed_adrs(decide, root)] == ["First"]
    (root / "decisionbook.toml").write_text('[adr]\ndir = "docs/adr"\n')
    assert [r["title"] for r in listed_adrs(decide, root)] == ["Other"]
    outside = decide("init", "--adr-dir", "../elsewhere", cwd=root)
    assert outside.exit_code == 2 and "leaves the workspace" in outside.stderr


def test_new_in_an_adr_tools_folder_writes_a_nygard_record(decide, tmp_path):
    root = _repo(tmp_path, {".adr-dir": "doc/arch\n", "doc/arch/0001-record-decisions.md": NYGARD.format(n=1, title="Record")})
    result = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "doc/arch/0002-use-a-queue.md"
    text = (root / "doc/arch/0002-use-a-queue.md").read_text()
    assert text.startswith("# 2. Use a queue\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n")


def test_a_status_change_keeps_the_day_a_decision_was_taken_and_dates_a_madr_record(decide, tmp_path):
    proposed = NYGARD.format(n=3, title="Use Redis").replace("Accepted", "Proposed")
    madr = "---\nstatus: accepted\ndate: 2020-01-04\n---\n# Use Go\n"
    root = _repo(tmp_path, {".adr-dir": "doc/adr\n", "doc/adr/0001-use-kafka.md": NYGARD.format(n=1, title="Use Kafka"),
                            "doc/adr/0002-use-pulsar.md": NYGARD.format(n=2, title="Use Pulsar"),
                            "doc/adr/0003-use-redis.md": proposed, "doc/adr/0004-use-go.md": madr,
                            "doc/adr/0005-use-rust.md": BULLETS.format(n=5, title="Use Rust")})
    for edit in (("1", "superseded", "--by", "2"), ("3", "accepted"), ("4", "deprecated"), ("5", "deprecated")):
        result = decide("adr", "status", *edit, "--date", "2026-11-30", "--force", cwd=root)
        assert result.exit_code == 0, result.output
    # adr-tools keeps a record's Date when it is superseded: it says when the decision was taken.
    assert "Date: 2020-01-01\n\n## Status\n\nSuperseded by [2. Use Pulsar](0002-use-pulsar.md)\n" in (
        root / "doc/adr/0001-use-kafka.md").read_text()
    assert "Date: 2020-01-02\n" in (root / "doc/adr/0002-use-pulsar.md").read_text()
    assert "Date: 2026-11-30\n\n## Status\n\nAccepted\n" in (root / "doc/adr/0003-use-redis.md").read_text()
    # MADR's date says when the record last changed.
    assert "status: deprecated\ndate: 2026-11-30\n" in (root / "doc/adr/0004-use-go.md").read_text()
    assert "- Status: deprecated\n- Date: 2026-11-30\n" in (root / "doc/adr/0005-use-rust.md").read_text()


def test_new_in_a_log4brains_folder_writes_a_dated_madr2_record(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/20200925-use-log4brains.md": BULLETS.format(n=1, title="Use Log4brains")})
    result = decide("adr", "new", "Adopt GraphQL", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/adr/20261130-adopt-graphql.md"
    text = (root / "docs/adr/20261130-adopt-graphql.md").read_text()
    assert text.startswith("# Adopt GraphQL\n\n* Status: proposed\n* Date: 2026-11-30\n\n## Context and Problem Statement\n")
    again = decide("adr", "new", "Adopt GraphQL", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_records_named_by_an_iso_date_are_dated_not_numbered_by_their_year(decide, tmp_path):
    nygard = "# {title}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"docs/decisions/2025-10-09-use-postgres.md": nygard.format(title="Use Postgres"),
                            "docs/decisions/2025-11-02-use-kafka.md": nygard.format(title="Use Kafka")})
    rows = listed_adrs(decide, root)
    assert [(r["number"], r["key"], r["title"]) for r in rows] == [
        (None, "2025-10-09-use-postgres", "Use Postgres"), (None, "2025-11-02-use-kafka", "Use Kafka")]
    assert decide("check", cwd=root).exit_code == 0  # not two records numbered 2025
    result = decide("adr", "new", "Use Redis", "--supersedes", "use-kafka", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/decisions/2026-11-30-use-redis.md"
    # The folder's own form, without the number a numbered record's title carries.
    assert (root / "docs/decisions/2026-11-30-use-redis.md").read_text().startswith(
        "# Use Redis\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n")
    kafka = (root / "docs/decisions/2025-11-02-use-kafka.md").read_text()
    assert "Superseded by [Use Redis](2026-11-30-use-redis.md)" in kafka
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "superseded", "proposed"]
    assert decide("check", cwd=root).exit_code == 0


def test_a_folder_of_records_named_by_their_slug_alone(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/README.md": "# Decisions\n\nOne file per decision.\n",
        "docs/decisions/SUMMARY.md": "# Summary\n\n- [Use Postgres](use-postgres.md)\n",
        "docs/decisions/_template.md": "# Title\n\n## Status\n\nProposed\n",
        "docs/decisions/choose-a-database.md":
            "# Choose a database\n\n## Status\n\nSuperseded by [Use Postgres](use-postgres.md)\n\n## Context\n\nWhy.\n",
        "docs/decisions/use-postgres.md":
            "# Use Postgres\n\n## Status\n\nAccepted\n\nSupersedes [Choose a database](choose-a-database.md)\n",
    })
    rows = listed_adrs(decide, root)
    assert [(r["number"], r["key"], r["status"], r["superseded_by"], r["supersedes"]) for r in rows] == [
        (None, "choose-a-database", "superseded", "use-postgres", []),
        (None, "use-postgres", "accepted", None, ["choose-a-database"]),
    ]
    assert decide("check", cwd=root).exit_code == 0
    result = decide("adr", "new", "Cache reads", "--amends", "use-postgres", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/decisions/cache-reads.md"
    # Written from the folder's own `_template.md`, which has no date.
    assert (root / "docs/decisions/cache-reads.md").read_text() == (
        "# Cache reads\n\n## Status\n\nProposed\n\nAmends [Use Postgres](use-postgres.md)\n")
    shown = json.loads(decide("adr", "show", "use-postgres", "--format", "json", cwd=root).stdout)
    assert [(link["relation"], link["adr"]) for link in shown["links"]] == [("amended by", "cache-reads")]
    assert decide("check", cwd=root).exit_code == 0


def test_every_record_is_found_by_the_key_it_is_listed_by(decide, tmp_path):
    # A Mac names a file `café.md` in NFD (e and a combining accent), a keyboard types NFC; brackets are text.
    nfd, nfc = unicodedata.normalize("NFD", "café"), unicodedata.normalize("NFC", "café")
    record = "---\nstatus: proposed\ndate: 2026-01-02\n---\n# {}\n"
    root = _repo(tmp_path, {f"decisions/{nfd}.md": record.format("Written on a Mac"),
                            "decisions/use-[k]afka.md": record.format("Bracketed"),
                            "decisions/other.md": record.format("Other")})
    keys = [row["key"] for row in listed_adrs(decide, root)]
    assert sorted(keys) == sorted([nfd, "other", "use-[k]afka"])
    for key in keys:
        shown = decide("adr", "show", key, "--format", "json", cwd=root)
        assert shown.exit_code == 0 and json.loads(shown.stdout)["key"] == key, (key, shown.output)
    assert json.loads(decide("adr", "show", nfc, "--format", "json", cwd=root).stdout)["title"] == "Written on a Mac"
    assert decide("adr", "status", nfc, "accepted", "--force", cwd=root).exit_code == 0
    assert "status: accepted" in (root / "decisions" / f"{nfd}.md").read_text()
    # A twin named in NFC beside it: each is found by its own key.
    (root / "decisions" / f"{nfc}.md").write_text(record.format("Twin"))
    for key, title in ((nfd, "Written on a Mac"), (nfc, "Twin")):
        assert json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)["title"] == title
    assert decide("adr", "status", nfc, "rejected", cwd=root).exit_code == 0
    assert "status: rejected" in (root / "decisions" / f"{nfc}.md").read_text()
    assert "status: accepted" in (root / "decisions" / f"{nfd}.md").read_text()


def test_a_number_at_the_end_of_a_slug_is_part_of_the_slug(decide, tmp_path):
    # Hugo sites name records `drupal-9.md`: read as record 9, it made the folder a numbered one, and
    # every record named by its slug alone vanished from the list without a word.
    records = {"cms-10.md": "Move to CMS 10", "adopt-calendar-versioning.md": "Adopt calendar versioning",
               "use-python-3-12.md": "Use Python 3.12"}
    root = _repo(tmp_path, {f"content/adr/{name}": f"# {title}\n\n## Status\n\nAccepted\n"
                            for name, title in records.items()})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "content/adr"\n')
    assert [(r["number"], r["key"], r["title"]) for r in listed_adrs(decide, root)] == [
        (None, "adopt-calendar-versioning", "Adopt calendar versioning"), (None, "cms-10", "Move to CMS 10"),
        (None, "use-python-3-12", "Use Python 3.12")]


def test_notes_beside_records_are_not_records_because_their_names_hold_a_number(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-token-theming.md": NYGARD.format(n=1, title="Token theming"),
        "docs/adr/0001/comparison-with-pr-3160.md": "# Comparison with PR 3160\n",
        "docs/adr/0001/phase-0-1-audit-findings.md": "# Audit\n\n**Status:** Complete\n",
        "docs/adr/TEAM-ADR-002-queues.md": NYGARD.format(n=2, title="Queues"),
        "docs/adr/RFC-003-tracing.md": NYGARD.format(n=3, title="Tracing"),
    })
    assert [(r["number"], r["path"]) for r in listed_adrs(decide, root)] == [
        (1, "docs/adr/0001-token-theming.md"), (2, "docs/adr/TEAM-ADR-002-queues.md"), (3, "docs/adr/RFC-003-tracing.md")]
    assert decide("check", cwd=root).exit_code == 0


def test_names_alone_count_only_where_no_record_has_a_number_or_date(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/meeting-notes.md": "# Notes\n\nStatus: Accepted\n",
        "docs/adr/0001-record.md": NYGARD.format(n=1, title="Record"),
        "docs/adr/glossary.md": "# Glossary\n",
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/adr/0001-record.md"]
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "shopping.md").write_text("# Shopping\n\nStatus: Accepted\n")
    outside = decide("adr", "list", cwd=notes)  # a folder of Markdown files is not an ADR folder by itself
    assert outside.exit_code == 2 and "no workspace here" in outside.stderr


def test_new_in_a_prefixed_three_digit_folder_keeps_prefix_width_and_form(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/ADR-{n:03d}-record-{n}.md": BOLD.format(n=n, title=f"Record {n}") for n in (1, 2)})
    result = decide("adr", "new", "Third one", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/adr/ADR-003-third-one.md"
    rows = listed_adrs(decide, root)
    assert [r["number"] for r in rows] == [1, 2, 3]


@pytest.mark.parametrize(("names", "created"), [
    (("ADR-001_Use_git_hooks.md", "ADR-002_Scan_for_secrets.md"), "ADR-003_Third_one.md"),  # the title's capital kept, as theirs
    (("001_allow_direct_connections.md", "002_use_a_proxy.md"), "003_third_one.md"),
    (("0001--use-rails.md", "0002--host-on-azure.md"), "0003--third-one.md"),
])
def test_new_joins_the_words_of_its_name_as_the_folder_does(decide, tmp_path, names, created):
    root = _repo(tmp_path, {f"docs/adr/{name}": NYGARD.format(n=n, title=f"Record {n}")
                            for n, name in enumerate(names, 1)})
    result = decide("adr", "new", "Third one", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == f"docs/adr/{created}"
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 2, 3]


def test_new_in_a_folder_of_adr001_names_keeps_the_attached_prefix(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/architecture-decisions/adr000-template.md": "# Title\n\n## Status\n\n[Proposed, Accepted]\n",
        **{f"docs/architecture-decisions/adr{n:03d}-record-{n}.md": NYGARD.format(n=n, title=f"Record {n}") for n in (1, 2)},
    })
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [(1, "Record 1"), (2, "Record 2")]
    result = decide("adr", "new", "Third one", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/architecture-decisions/adr003-third-one.md"
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 2, 3]


def test_new_in_an_unpadded_markdown_folder_and_template_override(decide, tmp_path):
    root = _repo(tmp_path, {f"adr/{n}-record-{n}.markdown": NYGARD.format(n=n, title=f"Record {n}") for n in (1, 2)})
    result = decide("adr", "new", "Third", "--no-edit", "--template", "madr", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "adr/3-third.markdown"
    assert (root / "adr/3-third.markdown").read_text().startswith("---\nstatus: proposed\ndate: 2026-11-30\n")
    (root / "decisionbook.toml").write_text('[adr]\ndir = "adr"\ntemplate = "log4brains"\n')
    result = decide("adr", "new", "Fourth", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert (root / "adr/4-fourth.markdown").read_text().startswith("# Fourth\n\n* Status: proposed\n")


def test_an_empty_folder_keeps_madr4(decide, tmp_path):
    root = _repo(tmp_path, {})
    (root / "decisions").mkdir()
    result = decide("adr", "new", "First", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "decisions/0001-first.md"
    assert (root / "decisions/0001-first.md").read_text().startswith("---\nstatus: proposed\n")


def test_numbers_past_9999_are_listed_and_created(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisions/9999-last-four-digit.md": "---\nstatus: accepted\n---\n# Last four digit\n",
        "decisions/10000-first-five-digit.md": "---\nstatus: accepted\n---\n# First five digit\n",
    })
    assert [r["number"] for r in listed_adrs(decide, root)] == [9999, 10000]
    result = decide("adr", "new", "Next", "--no-edit", "--supersedes", "10000", cwd=root)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "decisions/10001-next.md"
    assert decide("adr", "show", "10001", cwd=root).exit_code == 0
    shown = json.loads(decide("adr", "show", "10000", "--format", "json", cwd=root).stdout)
    assert shown["status"] == "superseded" and shown["superseded_by"] == "10001"


def test_a_relation_in_the_sentence_after_the_status_is_read_and_kept_on_a_status_change(decide, tmp_path):
    root = _repo(tmp_path, {
        ".adr-dir": "doc/adr\n",
        "doc/adr/0001-one.md": "# 1. One\n\n## Status\n\nAccepted\n\nAmends [2. Two](0002-two.md)\n",
        "doc/adr/0002-two.md": "# 2. Two\n\nDate: 2026-08-21\n\n## Status\n\nAccepted. Amended by [ADR-0001](0001-one.md).\n",
    })
    two = listed_adrs(decide, root)[1]
    assert (two["status"], two["status_raw"]) == ("accepted", "Accepted")
    assert two["links"] == [{"relation": "amended by", "adr": "1"}]
    assert decide("check", cwd=root).exit_code == 0
    assert decide("adr", "status", "2", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    text = (root / "doc/adr/0002-two.md").read_text()
    assert "\nDeprecated. Amended by [ADR-0001](0001-one.md).\n" in text and "Date: 2026-08-21" in text
    assert decide("check", cwd=root).exit_code == 0


def test_a_successor_in_the_sentence_after_the_status_makes_the_record_superseded(decide, tmp_path):
    line = "Accepted. Superseded by [2. Use Postgres](0002-use-postgres.md)"
    root = _repo(tmp_path, {
        ".adr-dir": "doc/adr\n",
        "doc/adr/0001-use-mysql.md": f"# 1. Use MySQL\n\nDate: 2024-01-10\n\n## Status\n\n{line}\n",
        "doc/adr/0002-use-postgres.md": "# 2. Use Postgres\n\nDate: 2024-02-10\n\n## Status\n\nAccepted\n\n"
                                        "Supersedes [1. Use MySQL](0001-use-mysql.md)\n",
    })
    one = listed_adrs(decide, root)[0]
    assert (one["status"], one["status_raw"], one["superseded_by"]) == ("superseded", line, "2")
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout
    # The successor is the status: an ordinary change is refused, and the file stays as it was.
    before = (root / "doc/adr/0001-use-mysql.md").read_bytes()
    refused = decide("adr", "status", "1", "deprecated", cwd=root)
    assert refused.exit_code != 0 and "superseded" in refused.output
    assert (root / "doc/adr/0001-use-mysql.md").read_bytes() == before


@pytest.mark.parametrize(("line", "after"), [
    ("**Accepted** on 2024-06-01", "**Deprecated** on 2026-11-30"),
    ("Accepted (2024-08-01)", "Deprecated (2026-11-30)"),
    ("> Accepted", "> Deprecated"),
    ("**Accepted** by the architecture board", "**Deprecated** by the architecture board"),
    ("🟢 **Agreed** (2021-01-04)", "**Deprecated** (2026-11-30)"),  # the mark says agreed; the bold stays
    ("Approved (ARB 2021-04-09)", "Deprecated (ARB 2026-11-30)"),  # the words were `Approved (ARB`
    ("`Accepted`", "`Deprecated`"),  # in a code span, which stays
])
def test_a_status_change_rewrites_the_status_words_and_their_day_only(decide, tmp_path, line, after):
    root = _repo(tmp_path, {"doc/adr/0001-use-rust.md": f"# 1. Use Rust\n\n## Status\n\n{line}\n\n## Context\n\nWhy.\n"})
    path = root / "doc/adr/0001-use-rust.md"
    result = decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert path.read_text() == f"# 1. Use Rust\n\n## Status\n\n{after}\n\n## Context\n\nWhy.\n"


def test_an_approval_of_a_record_with_status_lines_is_written_as_they_are_and_survives_acceptance(decide, tmp_path):
    root = _repo(tmp_path, {"doc/adr/0001-use-go.md": "# 1. Use Go\n\nStatus: Proposed  \nDate: 2024-07-01  \n\n## Context\n\n"
                                                      "Why.\n\n## Decision\n\nGo.\n\n## Consequences\n\nFast builds.\n"})
    path = root / "doc/adr/0001-use-go.md"
    assert decide("adr", "approve", "1", "--by", "ana", cwd=root).exit_code == 0
    lines = path.read_text().splitlines()
    assert lines[4].startswith("Approved by: ana, ") and lines[4].endswith("  "), lines
    assert decide("adr", "status", "1", "accepted", cwd=root).exit_code == 0
    from toolkit.actions.adr_review import review_gate
    from toolkit.workspace import open_workspace

    assert [s.state for s in review_gate(open_workspace(root), 1).sign_off] == ["approved"]


def test_an_approval_an_earlier_version_hashed_with_the_status_line_still_counts(decide, tmp_path):
    # Versions before ADR 0055 kept a `Status:` line under the title in the hash of the approved text.
    earlier = hashlib.sha256(b"# Use Go\n\nStatus: Proposed\n\n## Context\n\nWhy.").hexdigest()[:12]
    root = _repo(tmp_path, {"doc/adr/0001-use-go.md": "# 1. Use Go\n\nStatus: Proposed\nDate: 2024-07-01\n"
                                                      f"Approved by: ana, 2024-07-02, sha256:{earlier}\n\n## Context\n\nWhy.\n"})
    from toolkit.actions.adr_review import review_gate
    from toolkit.workspace import open_workspace

    assert [s.state for s in review_gate(open_workspace(root), 1).sign_off] == ["approved"]
    (root / "doc/adr/0001-use-go.md").write_text((root / "doc/adr/0001-use-go.md").read_text().replace("Why.", "Why not."))
    assert [s.state for s in review_gate(open_workspace(root), 1).sign_off] == ["approval outdated"]


def test_wiki_links_are_relations_and_renumbering_rewrites_them(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0004-use-micronaut.md": '---\nstatus: superseded\nsuperseded_by: "[[0005-use-spring]]"\n---\n# Use Micronaut\n',
        "docs/adr/0005-use-spring.md": "---\nstatus: accepted\n---\n# Use Spring\n\n"
                                       "Supersedes [[0004-use-micronaut|ADR-0004, Micronaut]]\n",
    })
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout
    shown = json.loads(decide("adr", "show", "5", "--format", "json", cwd=root).stdout)
    assert shown["supersedes"] == ["4"]
    assert decide("adr", "renumber", "4", "--to", "9", cwd=root).exit_code == 0
    assert "\nSupersedes [[0009-use-micronaut|ADR-0009, Micronaut]]\n" in (root / "docs/adr/0005-use-spring.md").read_text()
    assert decide("adr", "renumber", "5", "--to", "10", cwd=root).exit_code == 0
    assert 'superseded_by: "[[0010-use-spring]]"' in (root / "docs/adr/0009-use-micronaut.md").read_text()
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout


def test_a_wiki_link_names_a_record_of_a_folder_named_by_slugs(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisions/choose-a-database.md": '---\nstatus: superseded\nsuperseded_by: "[[use-postgres]]"\n---\n# Choose a database\n',
        "decisions/use-postgres.md": "# Use Postgres\n\nStatus: Accepted\n\nSupersedes [[choose-a-database]]\n",
    })
    shown = json.loads(decide("adr", "show", "use-postgres", "--format", "json", cwd=root).stdout)
    assert shown["supersedes"] == ["choose-a-database"]
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout


def test_a_name_dated_with_no_such_day_is_a_dated_record_and_a_warning(decide, tmp_path):
    dated = {f"docs/adr/{day}-use-{slug}.md": f"---\nstatus: accepted\ndate: {day}\n---\n# Use {slug}\n"
             for day, slug in (("2025-01-10", "a"), ("2025-02-11", "b"))}
    root = _repo(tmp_path, {**dated, "docs/adr/2025-13-40-use-d.md": "---\nstatus: accepted\n---\n# Use d\n"})
    assert [r["key"] for r in listed_adrs(decide, root)] == ["2025-01-10-use-a", "2025-02-11-use-b", "2025-13-40-use-d"]
    checked = decide("check", cwd=root)
    assert "docs/adr/2025-13-40-use-d.md: warning: the file name's date 2025-13-40 is no day" in checked.stdout
    created = decide("adr", "new", "Use e", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert created.exit_code == 0 and created.stdout.strip() == "docs/adr/2026-11-30-use-e.md", created.output


@pytest.mark.parametrize("head", [
    "| Status | Proposed |\n| --- | --- |\n| Date | 2024-01-01 |\n",  # a table, with no blank line before the next heading
    "## Status\n\nProposed\n\n## Date\n\n2024-01-01\n\n",
])
def test_approvals_go_below_a_table_and_outlive_a_status_change_that_dates_the_record(decide, tmp_path, head):
    root = _repo(tmp_path, {"doc/adr/0001-use-x.md": f"# 1. Use X\n\n{head}## Context\n\nWhy.\n\n## Decision\n\nX.\n\n"
                                                     "## Consequences\n\nY.\n"})
    for person in ("ana", "ben"):
        assert decide("adr", "approve", "1", "--by", person, cwd=root).exit_code == 0
    text = (root / "doc/adr/0001-use-x.md").read_text()
    if head.startswith("|"):
        assert "| Date | 2024-01-01 |\n\nApproved by: ana, " in text and "\nApproved by: ben, " in text
    assert decide("adr", "status", "1", "accepted", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert "2026-11-30" in (root / "doc/adr/0001-use-x.md").read_text()
    from toolkit.actions.adr_review import review_gate
    from toolkit.workspace import open_workspace

    assert [s.state for s in review_gate(open_workspace(root), 1).sign_off] == ["approved", "approved"]


def test_toml_front_matter_is_read_and_its_status_and_date_edited_in_place(decide, tmp_path):
    zola = ('+++\ntitle = "ADR-006: Review site with Zola"\ndate = 2026-02-01  # first draft\nweight = 6\n\n'
            '[extra]\nstatus = "accepted"\n+++\n\nWe publish the plan as a static site.\n')
    hugo = '+++\ntitle = "ADR 0024: Intake contract"\nstatus = "proposed"\n+++\n\n## Context\n\nText.\n'
    root = _repo(tmp_path, {"content/adr/0006-review-site-with-zola.md": zola, "content/adr/0024-intake-contract.md": hugo,
                            "decisionbook.toml": '[paths]\ndecisions = "content/adr"\n'})
    rows = {r["number"]: (r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)}
    assert rows == {6: ("Review site with Zola", "accepted", "2026-02-01"), 24: ("Intake contract", "proposed", None)}
    assert decide("adr", "status", "6", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "content/adr/0006-review-site-with-zola.md").read_text() == zola.replace(
        "date = 2026-02-01", "date = 2026-11-30").replace('status = "accepted"', 'status = "deprecated"')
    result = decide("adr", "new", "Intake contract, second take", "--no-edit", "--supersedes", "24", cwd=root)
    assert result.exit_code == 0, result.output
    assert 'status = "superseded by ADR-0025"\n' in (root / "content/adr/0024-intake-contract.md").read_text()
    checked = decide("check", cwd=root)
    assert "error" not in checked.stdout.replace("0 error(s)", ""), checked.stdout
    # What decisionbook writes only as YAML is refused, naming the file, and the file stays as it was.
    before = (root / "content/adr/0006-review-site-with-zola.md").read_bytes()
    refused = decide("adr", "approve", "6", "--by", "ana", cwd=root)
    assert refused.exit_code == 2 and "content/adr/0006-review-site-with-zola.md:1: error: the front matter is TOML" \
        in refused.stderr
    assert (root / "content/adr/0006-review-site-with-zola.md").read_bytes() == before
    # An approval written by hand in TOML is read, and judged against the text.
    (root / "content/adr/0024-intake-contract.md").write_text(hugo.replace(
        '+++\n\n', 'approvals = [{by = "ana", date = 2026-12-01, content = "sha256:000000000000"}]\n+++\n\n'))
    from toolkit.actions.adr_review import review_gate
    from toolkit.workspace import open_workspace

    assert [(s.person, s.state) for s in review_gate(open_workspace(root), 24).sign_off] == [("ana", "approval outdated")]


def test_front_matter_that_is_not_valid_toml_is_an_error_at_its_line(decide, tmp_path):
    root = _repo(tmp_path, {"content/adr/0001-x.md": '+++\ntitle = "X"\nstatus = accepted\n+++\n',
                            "content/adr/0002-deep.md": "+++\na = " + "[" * 100_000 + "]" * 100_000 + "\n+++\n# Deep\n",
                            "decisionbook.toml": '[paths]\ndecisions = "content/adr"\n'})
    checked = decide("check", cwd=root)
    assert checked.exit_code != 0 and "content/adr/0001-x.md:3: error: front matter is not valid TOML" in checked.stdout
    assert "content/adr/0002-deep.md:2: error: front matter nests too deep to read" in checked.stdout


@pytest.mark.parametrize(("head", "after"), [
    ("**Status.** Accepted\n\n**Date.** 2026-04-08", "**Status.** Deprecated\n\n**Date.** 2026-04-08"),
    ("**Date.** 2026-08-02. **Status.** Accepted.", "**Date.** 2026-08-02. **Status.** Deprecated."),
    ("- **Status.** Accepted\n- **Date.** 2026-04-26 (hotfix)",
     "- **Status.** Deprecated\n- **Date.** 2026-04-26 (hotfix)"),
])
def test_run_in_labels_ending_in_a_period_are_fields(decide, tmp_path, head, after):
    root = _repo(tmp_path, {"doc/adr/0001-use-x.md": f"# ADR-0001 — Use X\n\n{head}\n\n**Context.** Why.\n"})
    (row,) = listed_adrs(decide, root)
    assert (row["status"], row["status_raw"], row["date"]) == ("accepted", "Accepted", head.split("**Date.** ")[1][:10])
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "doc/adr/0001-use-x.md").read_text() == f"# ADR-0001 — Use X\n\n{after}\n\n**Context.** Why.\n"


@pytest.mark.parametrize(("heading", "title"), [
    ("Amend ADR-0003: allow queues", "Amend ADR-0003: allow queues"),
    ("Follow-up to ADR 0002 for retries", "Follow-up to ADR 0002 for retries"),
    ("ADR-0004: Use queues", "Use queues"),
    ("TEAM-ADR-4: Use queues", "Use queues"),
    ("Architecture Decision Record 4: Use queues", "Use queues"),
])
def test_a_title_that_names_another_record_is_not_numbered_by_it(decide, tmp_path, heading, title):
    # A MADR title naming the record it amends was cut at that name and warned of as misnumbered.
    root = _repo(tmp_path, {"docs/adr/0004-queues.md": f"# {heading}\n\n## Status\n\nAccepted\n"})
    assert [r["title"] for r in listed_adrs(decide, root)] == [title]
    check = decide("check", cwd=root)
    assert check.exit_code == 0 and "0 warning(s)" in check.output, check.output


@pytest.mark.parametrize(("line", "status", "after"), [
    ("Proposed | **Accepted** | Deprecated", "accepted", "Proposed | Accepted | **Deprecated**"),
    ("**Proposed** | Accepted | Deprecated", "proposed", "Proposed | Accepted | **Deprecated**"),
    ("[Proposed | Accepted | __Rejected__ | Superseded]", "rejected", "[Proposed | Accepted | Rejected | __Superseded__]"),
])
def test_the_emphasized_one_of_a_template_s_choices_is_the_status_and_an_edit_moves_the_emphasis(
        decide, tmp_path, line, status, after):
    # Teams keep the template's list and mark the choice: it read as the first choice, or as a placeholder.
    text = f"# ADR-003: CLI parser\n\n## Status\n{line}\n\n## Context\n\nParse commands.\n"
    root = _repo(tmp_path, {"docs/adr/0003-cli-parser.md": text})
    assert [r["status"] for r in listed_adrs(decide, root)] == [status]
    new = "superseded" if status == "rejected" else "deprecated"
    assert decide("adr", "status", "3", new, "--force", cwd=root).exit_code == 0
    assert (root / "docs/adr/0003-cli-parser.md").read_text() == text.replace(line, after)
    assert [r["status"] for r in listed_adrs(decide, root)] == [new]


_OEP = """OEP-5: Containerize the dev environment
#######################################

+---------------+-----------------------------------------+
| OEP           | :doc:`oep-0005-arch-containerize`       |
+---------------+-----------------------------------------+
| Last-Modified | 2017-01-05                              |
+---------------+-----------------------------------------+
| Status        | Replaced                                |
+---------------+-----------------------------------------+
| `Replaced-By` | :doc:`oep-0012-arch-new-devenv`         |
+---------------+-----------------------------------------+
| Created       | 2016-07-01                              |
+---------------+-----------------------------------------+
"""


def test_other_words_for_statuses_relations_and_labels(decide, tmp_path):
    # Open edX's OEPs, the IETF's `Obsoleted by`, Cosmos SDK's `LAST CALL`: read as the words they stand for.
    nygard = "# {n}. {title}\n\nDate: 2021-04-0{n}\n\n## Status\n\n{status}\n"
    root = _repo(tmp_path, {
        "docs/decisions/oep-0005-arch-containerize.rst": _OEP,
        "docs/decisions/oep-0012-arch-new-devenv.rst": "OEP-12: New dev environment\n###########################\n\n"
                                                       ":Status: Accepted\n:Replaces: :doc:`oep-0005-arch-containerize`\n",
        "docs/decisions/0007-partly.md": nygard.format(n=7, title="Partly", status=(
            "Accepted, partially superseded by [ADR-0012](oep-0012-arch-new-devenv.rst)")),
        "docs/decisions/0008-obsoleted.md": nygard.format(n=8, title="Obsoleted", status="Obsoleted by ADR-0012"),
        "docs/decisions/0009-replaced.md": nygard.format(
            n=9, title="Replaced", status="Replaced by [ADR 12](oep-0012-arch-new-devenv.rst)"),
        "docs/decisions/0010-last-call.md": "# 10. Last call\n\nDate: 2021-04-01\n\n## Status\n\nLAST CALL\n",
    })
    rows = {r["number"]: r for r in listed_adrs(decide, root)}
    assert [(n, r["title"], r["status"], r["date"], r["superseded_by"]) for n, r in rows.items()] == [
        (5, "Containerize the dev environment", "superseded", "2017-01-05", "12"),
        (7, "Partly", "accepted", "2021-04-07", None),
        (8, "Obsoleted", "superseded", "2021-04-08", "12"),
        (9, "Replaced", "superseded", "2021-04-09", "12"),
        (10, "Last call", "proposed", "2021-04-01", None),
        (12, "New dev environment", "accepted", None, None),
    ]
    assert rows[7]["links"] == [{"relation": "partly superseded by", "adr": "12"}]
    check = decide("check", cwd=root)
    assert check.stdout.splitlines() == [
        f"docs/decisions/{name}:7: warning: superseded by ADR 12, but ADR 12 does not record supersedes ADR {n} back; "
        f"`decide adr link {n} superseded-by 12` records it there" for n, name in ((8, "0008-obsoleted.md"), (9, "0009-replaced.md"))] + ["0 error(s), 2 warning(s)"], check.stdout


@pytest.mark.parametrize(("history", "status", "superseded_by", "after"), [
    ("* Proposed (2021-06-16)\n* Rejected partially (2022-09-26)\n", "rejected", None,
     "* Proposed (2021-06-16)\n* Rejected partially (2022-09-26)\n* Deprecated (2026-11-30)\n"),
    ("- 2022-09-26: Accepted\n- 2021-06-16: Proposed\n", "accepted", None,
     "- 2026-11-30: Deprecated\n- 2022-09-26: Accepted\n- 2021-06-16: Proposed\n"),
    ("* Accepted (2021-06-16)\n* Superseded by [2. Use Kafka](0002-use-kafka.md) (2024-02-01)\n", "superseded", "2", None),
    ("* Proposed (2023-04-13)\n", "proposed", None, "* Proposed (2023-04-13)\n* Deprecated (2026-11-30)\n"),
])
def test_a_dated_status_list_is_a_history_read_by_its_latest_entry_and_added_to(decide, tmp_path, history, status,
                                                                                superseded_by, after):
    # The first entry was read as the status now, and a status change rewrote it, losing the history.
    text = f"# 1. Collect usage data\n\nDate: 2021-09-06\n\n## Status\n\n{history}\nNotes.\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"doc/adr/0001-collect-usage-data.md": text,
                            "doc/adr/0002-use-kafka.md": "# 2. Use Kafka\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n"})
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["superseded_by"], row["date"]) == (status, superseded_by, "2021-09-06")
    if after is None:
        return
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", "--force", cwd=root).exit_code == 0
    path = root / "doc/adr/0001-collect-usage-data.md"
    assert path.read_text() == text.replace(history, after).replace("Date: 2021-09-06", "Date: 2026-11-30")
    assert listed_adrs(decide, root)[0]["status"] == "deprecated"


def test_records_in_docs_architecture_are_found_but_numbered_chapters_are_not(decide, tmp_path):
    # Cosmos SDK keeps `docs/architecture/adr-020-x.md`; arc42 numbers its chapters in the same folder.
    record = "# ADR 020: Wire encoding\n\n## Status\n\nACCEPTED Implemented\n"
    found = _repo(tmp_path / "a", {"docs/architecture/adr-020-wire-encoding.md": record,
                                   "docs/architecture/PROCESS.md": "# Process\n"})
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, found)] == [(20, "accepted")]
    chapters = _repo(tmp_path / "b", {"docs/architecture/01_introduction_and_goals.md": "# Introduction\n",
                                      "docs/architecture/02_constraints.md": "# Constraints\n"})
    listed = decide("adr", "list", cwd=chapters)
    assert listed.exit_code == 0 and listed.stdout.splitlines() == ["NUMBER  TITLE  STATUS  DATE  PATH"]
    hint = ('warning: no ADR folder: decisions/ does not exist, and no folder where teams keep them '
            '(docs/adr/, doc/adr/, docs/decisions/...) holds records; name yours in decisionbook.toml: '
            '[paths] decisions = "its/path"')
    assert listed.stderr.strip() == hint
    check = decide("check", cwd=chapters)
    assert check.exit_code == 0 and check.stdout.splitlines()[0] == "decisions: " + hint
    # A record that is a link to a file outside the repository is not read to find the folder.
    outside = tmp_path / "outside.md"
    outside.write_text(record)
    linked = _repo(tmp_path / "c", {"docs/architecture/README.md": "# Architecture\n"})
    (linked / "docs/architecture/adr-020-wire-encoding.md").symlink_to(outside)
    assert decide("adr", "list", cwd=linked).stderr.strip() == hint


def test_a_subfolder_named_by_a_record_holds_its_notes_not_records(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0009-use-a-url-standard.md": NYGARD.format(n=9, title="Use a URL standard"),
        "docs/adr/009-use-a-url-standard/0009-supporting-package-urls.md": "# Package URLs\n\n## Status\n\nAccepted\n",
        "docs/adr/0009/comparison.md": "# Comparison\n",
        "docs/adr/0012/0012-schedule-jobs.md": NYGARD.format(n=2, title="Schedule jobs").replace("# 2.", "# 12."),
    })
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/adr/0009-use-a-url-standard.md",
                                                          "docs/adr/0012/0012-schedule-jobs.md"]
    check = decide("check", cwd=root)
    assert check.exit_code == 0 and "0 error(s), 0 warning(s)" in check.stdout, check.stdout


def test_front_matter_text_that_yaml_refuses_unquoted_is_read_as_site_generators_read_it(decide, tmp_path):
    # Backstage's `title: ADR002: ...`, SSVC's `deciders: @ana @ben` and Cluster API's `reviewers:` over
    # `  - @detiber` ended the listing in an error.
    text = ("---\nid: adrs-adr002\ntitle: ADR002: Default catalog file format\nstatus: proposed\n"
            "deciders: @ana @ben\ntags:\n  - catalog\nreviewers:\n  - @detiber\n  - \"@vincepri\"\n---\n\nWhy.\n")
    root = _repo(tmp_path, {"docs/adr/adr002-default-catalog-file-format.md": text,
                            "docs/adr/adr003-broken.md": "---\ntitle: ADR003: Broken\nstatus: [accepted\n---\n"})
    listed = decide("adr", "list", "--format", "json", cwd=root)
    assert listed.exit_code == 2 and "adr003-broken.md:3: error: invalid YAML: while parsing a flow" in listed.stderr
    (root / "docs/adr/adr003-broken.md").unlink()
    row = listed_adrs(decide, root)[0]
    assert (row["number"], row["title"], row["status"], row["decision_makers"]) == (
        2, "Default catalog file format", "proposed", ["@ana", "@ben"])  # two handles, no comma between them
    check = decide("check", cwd=root)
    assert check.stdout.splitlines()[:-1] == [
        "docs/adr/adr002-default-catalog-file-format.md:3: warning: not valid YAML (and lines 5, 9): a `: ` or a "
        "leading `@` in unquoted text; read as the text written, as site generators do; quote it"]
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = (root / "docs/adr/adr002-default-catalog-file-format.md").read_text()
    assert after == text.replace("status: proposed", "status: accepted").replace("---\n\n", "date: 2026-11-30\n---\n\n")


def test_a_list_holding_a_hash_yaml_takes_for_a_comment_is_read_as_the_list_written(decide, tmp_path):
    # A MADR 4 record naming who was consulted with the pull request (`PR #2389`): YAML reads a comment from ` #`,
    # the list never closes, and the record was left out of the listing, which exited 2.
    text = ("---\nstatus: proposed\ndate: \"2026-05-06\"\ndecision-makers: [Jonas Hagberg]\n"
            "consulted: [Karl (author of feature/database_interface PR #2389), Ana]\ninformed: [SDA team]\n---\n\n"
            "# Stay on lib/pq for the postgres driver\n\n## Context and Problem Statement\n\nWhy.\n")
    root = _repo(tmp_path, {"docs/decisions/0006-stay-on-libpq.md": text})
    row = listed_adrs(decide, root)[0]
    assert (row["number"], row["title"], row["status"], row["date"], row["consulted"], row["informed"]) == (
        6, "Stay on lib/pq for the postgres driver", "proposed", "2026-05-06",
        ["Karl (author of feature/database_interface PR #2389)", "Ana"], ["SDA team"])
    assert decide("check", cwd=root).stdout.splitlines()[:-1] == [
        "docs/decisions/0006-stay-on-libpq.md:5: warning: not valid YAML: a ` #` in a `[...]` list, which YAML takes "
        "for a comment; read as the list written; quote it"]
    assert decide("adr", "status", "6", "rejected", "--date", "2026-06-01", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0006-stay-on-libpq.md").read_text() == text.replace("proposed", "rejected").replace(
        "2026-05-06", "2026-06-01")


def test_a_folder_of_asciidoc_proposal_pages_is_named_by_check_not_passed_in_silence(decide, tmp_path):
    # Jenkins' JEPs: `jep/<number>/README.adoc`, a metadata table in AsciiDoc; none is read.
    page = "= JEP-{n}: {title}\n\n.Metadata\n[cols=\"1h,1\"]\n|===\n| Status\n| Final\n|===\n\n== Abstract\n\nWhy.\n"
    root = _repo(tmp_path, {
        "decisionbook.toml": '[adr]\ndir = "jep"\n',
        "jep/1/README.adoc": page.format(n=1, title="Proposal format"),
        "jep/229/README.adoc": page.format(n=229, title="Continuous delivery"),
        "jep/229/chart.png": "",
    })
    check = decide("check", cwd=root)
    assert check.exit_code == 0
    assert check.stdout.splitlines() == [
        "jep: warning: holds 2 AsciiDoc file(s) but no record (jep/1/README.adoc, jep/229/README.adoc): decisionbook "
        "reads records in Markdown (`.md`) and reStructuredText (`.rst`)",
        "0 error(s), 1 warning(s)",
    ]


def test_records_in_a_form_not_read_are_named_by_check_not_left_out_in_silence(decide, tmp_path):
    root = _repo(tmp_path, {
        "doc/adr/0001-record-decisions.md": NYGARD.format(n=1, title="Record decisions"),
        "doc/adr/0009-transactions.adoc": "= 9. Transactions\n\nDate: 2021-09-09\n\n== Status\n\nProposed\n",
        "doc/adr/0010-writes.adoc": "= 10. Writes\n",
        "doc/adr/0011-kernel.mdx": "# 11. Kernel\n",
        "doc/adr/diagram.adoc": "= Diagram\n",
        "doc/adr/ADR0012-use-notify": "# ADR0012: Use Notify\n",  # the extension forgotten
        "doc/adr/notes": "Meeting notes\n",
        "doc/adr/2019/0002-old.md": NYGARD.format(n=2, title="Old"),  # a folder named by a year holds records
    })
    check = decide("check", cwd=root)
    assert check.exit_code == 0
    read = "decisionbook reads records in Markdown (`.md`) and reStructuredText (`.rst`)"
    assert check.stdout.splitlines() == [
        f"doc/adr: warning: 2 AsciiDoc file(s) named as records are not read (0009-transactions.adoc, "
        f"0010-writes.adoc): {read}",
        f"doc/adr: warning: 1 MDX file(s) named as records are not read (0011-kernel.mdx): {read}",
        f"doc/adr: warning: 1 extension-less file(s) named as records are not read (ADR0012-use-notify): {read}",
        "0 error(s), 3 warning(s)",
    ]
    # Their numbers are taken; a folder named by a year is no record numbered 2019.
    assert decide("adr", "new", "Next", "--no-edit", cwd=root).stdout.strip() == "doc/adr/0013-next.md"


def test_records_named_by_no_number_beside_numbered_ones_are_named_by_check(decide, tmp_path):
    # A misspelt prefix (`ard-6.md`): left out of the list in silence. A series of its own beside the numbered
    # records (`ADR-CFR-001`) is read by its name (ADR 0251); `supersedes: [ADR-CFR-001]` was read as ADR 1.
    root = _repo(tmp_path, {
        "docs/adr/ADR-001-modular-monolith.md": "# ADR-001: Modular monolith\n\n**Status:** Accepted\n",
        "docs/adr/ADR-016-one-context-flow.md": "---\nsupersedes: [ADR-CFR-001]\n---\n# ADR-016: One context flow\n\n"
                                                "**Status:** Accepted\n",
        "docs/adr/ADR-CFR-001-context-flow.md": "# ADR-CFR-001: Context flow\n\n**Status:** PROPOSED\n",
        "docs/adr/ard-6.md": "# ADR 6: Drawing tools\n\n## Status\n\nAccepted\n",
        "docs/adr/ADR-nnn_Decision_Record_Template.md": "# ADR-nnn: Title\n\n**Status:** Proposed\n",
        "docs/adr/PROCESS.md": "# How we decide\n\n## ADR status\n\n`{CONSENSUS STATUS} {IMPLEMENTATION STATUS}`\n",
        "docs/adr/notes.md": "# Notes from the workshop\n",
    })
    assert [r["number"] for r in listed_adrs(decide, root)] == [1, 16, None]
    check = decide("check", cwd=root)
    assert check.stdout.splitlines() == [
        "docs/adr: warning: 1 file(s) state a status but are not read as records, as their names hold no record "
        "number (docs/adr/ard-6.md): name a record by its number, `0017-use-kafka.md`",
        # Not on ADR 1: on the record ADR 16 names.
        "docs/adr/ADR-CFR-001-context-flow.md:3: warning: ADR 16 supersedes this one, but its status is proposed",
        "0 error(s), 2 warning(s)",
    ]
    assert listed_adrs(decide, root)[1]["supersedes"] == ["ADR-CFR-001-context-flow"]


def test_a_records_translation_beside_it_is_not_a_second_record(decide, tmp_path):
    # mkdocs-static-i18n keeps `0001-x.en.md` beside `0001-x.md`: four "number 1 is also used" errors,
    # and `adr show 1` refused as ambiguous.
    es = "# Registrar decisiones\n\n## Estado\n\nAceptado\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-registrar-decisiones.md": es,
        "docs/adr/0001-registrar-decisiones.en.md": "# Record decisions\n\n## Status\n\nAccepted\n",
        "docs/adr/0002-cola.pt-BR.md": "# Fila\n\n## Status\n\nProposto\n",  # no original beside it: a record
        "docs/adr/index.es.md": "# Decisiones\n",
    })
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [(1, "Registrar decisiones"), (2, "Fila")]
    assert decide("check", cwd=root).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"
    assert decide("adr", "show", "1", cwd=root).exit_code == 0


def test_a_records_translation_named_with_its_language_after_a_dash_shares_its_number_by_right(decide, tmp_path):
    # Meldestelle keeps `0001-x-de.md` beside `0001-x.md`: check failed, telling the team to renumber the German one.
    # Each stays a record of its own, changed by its file name.
    root = _repo(tmp_path, {
        "docs/architecture/adr/0001-modular-architecture.md": "# ADR-001: Modular\n\n## Status\n\nAccepted\n",
        "docs/architecture/adr/0001-modular-architecture-de.md": "# ADR-001: Modular\n\n## Status\n\nAkzeptiert\n",
        "docs/architecture/adr/0002-use-go.md": "# ADR-002: Use Go\n\n## Status\n\nAccepted\n",
        "docs/architecture/adr/0002-use.md": "# ADR-002: Use\n\n## Status\n\nAccepted\n",  # `go` is no language
    })
    check = decide("check", cwd=root).output
    assert "number 1 is also used" not in check and "number 2 is also used by" in check, check


def test_an_addendum_beside_its_record_is_not_a_second_record(decide, tmp_path):
    # `ADR-003-ADDENDUM-approccio-duale.md` beside `ADR-003-...md` read as a second ADR 3: two "number 3 is
    # also used" errors, and `adr show 3` refused as ambiguous.
    record = "# ADR-{n}: {title}\n\n## Stato\n\nAccettato\n\n## Contesto\n\nPerché.\n"
    root = _repo(tmp_path, {
        "docs/adr/ADR-003-architettura-plugin.md": record.format(n="003", title="Architettura a plugin"),
        "docs/adr/ADR-003-ADDENDUM-approccio-duale.md": record.format(n="003", title="Addendum: approccio duale"),
        "docs/adr/ADR-004-amendment-process.md": record.format(n="004", title="Amendment process"),  # alone: a record
    })
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [
        (3, "Architettura a plugin"), (4, "Amendment process")]
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    shown = decide("adr", "show", "3", cwd=root).stdout.splitlines()
    assert shown[2] == "path: docs/adr/ADR-003-architettura-plugin.md"


def test_names_that_start_with_their_day_then_a_record_number_are_numbered_records(decide, tmp_path):
    # `2026-02-26_adr-0001_auth-library.md` read as a dated record keyed by its whole name: `ADR-0001` named
    # nothing, and a new record was `2026-12-02_try-a-thing.md`, with no number.
    record = "# ADR-{n}: {title}\n\n- Status: {status}\n\n## Context\n\n{text}\n"
    root = _repo(tmp_path, {
        "docs/decisions/2026-02-26_adr-0001_auth-library.md": record.format(
            n="0001", title="Auth library", status="Accepted", text="Cookies."),
        "docs/decisions/2026-02-27_adr-0002_session-strategy.md": record.format(
            n="0002", title="Session strategy", status="Proposed", text="Supersedes ADR-0001."),
        "docs/decisions/2026-02-20_research-notes.md": "# Research notes\n\nWhat we read.\n",
        "decisionbook.toml": '[paths]\ndecisions = "docs/decisions"\n',
    })
    listed = listed_adrs(decide, root)
    assert [(r["number"], r["title"], r["date"]) for r in listed if r["number"] is not None] == [
        (1, "Auth library", "2026-02-26"), (2, "Session strategy", "2026-02-27")]
    made = decide("adr", "new", "Rate limit storage", "--no-edit", cwd=root)
    assert made.stdout.splitlines()[0] == f"docs/decisions/{dt.date.today()}_adr-0003_rate-limit-storage.md"
    assert decide("adr", "show", "3", cwd=root).stdout.splitlines()[0] == "ADR-0003: Rate limit storage"


def test_names_that_start_with_their_day_then_a_zero_padded_number_are_records_of_that_number(decide, tmp_path):
    # `20250714-001-decision-log.md` titled `# ADR-001: ...` listed keyed by its whole name: `adr status 3` named
    # no record, and a new one was `20261202-warm-the-cache.md`, out of the series.
    record = "# ADR-{n}: {title}\n\n## Status\n\n{status}\n\n## Context\n\n{text}\n"
    root = _repo(tmp_path, {
        "docs/adr/20250714-001-decision-log.md": record.format(
            n="001", title="Keep a log of decisions", status="Accepted", text="We forget why."),
        "docs/adr/20250802-002-page-cache.md": record.format(
            n="002", title="Cache the parsed pages", status="Accepted", text="Listing is slow."),
        "docs/adr/20250915-003-no-disk-cache.md": record.format(
            n="003", title="Drop the disk cache", status="Proposed", text="Memory is enough."),
    })
    assert [(r["number"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [
        (1, "Keep a log of decisions", "2025-07-14"), (2, "Cache the parsed pages", "2025-08-02"),
        (3, "Drop the disk cache", "2025-09-15")]
    done = decide("adr", "status", "3", "accepted", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert "## Status\n\nAccepted\n" in (root / "docs/adr/20250915-003-no-disk-cache.md").read_text()
    made = decide("adr", "new", "Warm the cache", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.stdout.splitlines()[0] == "docs/adr/20261202-004-warm-the-cache.md"
    assert (root / "docs/adr/20261202-004-warm-the-cache.md").read_text().startswith("# ADR-004: Warm the cache\n")
    assert decide("check", cwd=root).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"


def test_a_number_after_a_day_that_is_not_zero_padded_to_three_digits_stays_the_slug_s(decide, tmp_path):
    # A sequence number after the day is zero-padded as a series is (`2022-12-05_003-x.md`); `100-percent` and a
    # two-digit day's count (`20250714-01-x.md`) are words of the slug, as before.
    root = _repo(tmp_path, {
        "docs/adr/2022-12-05_003-keep-deposits.md": "---\nslug: 3\ntitle: |\n  3. Keep deposits\n---\n\n"
                                                    "## Status\n\nAccepted\n",
        "docs/adr/2023-01-09-100-percent-coverage.md": "# Full coverage\n\n## Status\n\nAccepted\n",
        "docs/adr/20250714-01-morning-build.md": "# Morning build\n\n## Status\n\nAccepted\n",
    })
    assert sorted(((r["number"] or 0), r["key"], r["title"]) for r in listed_adrs(decide, root)) == [
        (0, "2023-01-09-100-percent-coverage", "Full coverage"), (0, "20250714-01-morning-build", "Morning build"),
        (3, "3", "Keep deposits")]


def test_a_folder_that_names_records_by_their_titles_gets_a_name_and_links_that_work(decide, tmp_path):
    # `001 - Layered Desktop App.md`: a new record was `003 try-a-thing.md`, and the links written to such
    # names held raw spaces, which Markdown does not read as a link (nor did decisionbook, or `%20`, or `<...>`).
    record = "# {n} - {title}\n\n### Status: Accepted\n{links}\n### Context\n\nWhy.\n"
    root = _repo(tmp_path, {
        "adrs/001 - Layered Desktop App.md": record.format(n="001", title="Layered Desktop App", links=""),
        "adrs/002 -  Local Persistence.md": record.format(n="002", title="Local Persistence", links=(
            "\nRelates to [1](<001 - Layered Desktop App.md>)\n\n"
            "Amends [the app](001%20-%20Layered%20Desktop%20App.md)\n")),
        "decisionbook.toml": '[paths]\ndecisions = "adrs"\n',
    })
    made = decide("adr", "new", "Use a web app: v2/beta", "--supersedes", "1", "--no-edit", cwd=root)
    assert made.stdout.splitlines()[0] == "adrs/003 - Use a web app v2 beta.md"
    old = (root / "adrs/001 - Layered Desktop App.md").read_text()
    # Written as the folder's one link to a record by its number is (ADR 0130), in its angle brackets (ADR 0143).
    assert "### Status: Superseded by [3](<003 - Use a web app v2 beta.md>)" in old
    rows = {r["number"]: r for r in listed_adrs(decide, root)}
    assert (rows[1]["superseded_by"], rows[3]["supersedes"]) == ("3", ["1"])
    links = sorted((link["relation"], link["adr"]) for link in rows[2]["links"])
    assert links == [("amends", "1"), ("relates to", "1")]


def test_a_label_in_bold_inside_an_emphasis_never_closed_is_a_field(decide, tmp_path):
    # A template writes `_**Status:** Accepted  `: the opening underscore is never closed.
    text = "## Store records in git\n\n_**Authors:** Some Architect  \n\n_**Status:** Proposed  \n\n### Context\n\nWhy.\n"
    root = _repo(tmp_path, {"adr/ADR-0001-store-records-in-git.md": text})
    assert [(r["status"], r["form"]) for r in listed_adrs(decide, root)] == [("proposed", "bold")]
    assert decide("adr", "status", "1", "rejected", cwd=root).exit_code == 0
    assert (root / "adr/ADR-0001-store-records-in-git.md").read_text() == text.replace("Proposed", "Rejected")


def test_a_draft_waiting_for_its_number_is_listed_by_its_name_and_edited(decide, tmp_path):
    # pyadr and CERT/CC name a proposal `XXXX-slug.md` until it is accepted; it was left out in silence.
    root = _repo(tmp_path, {
        "docs/adr/0001-record-decisions.md": NYGARD.format(n=1, title="Record decisions"),
        "docs/adr/XXXX-points-have-owners.md": "---\nstatus: proposed\ndate: 2023-10-18\n---\n# Points have owners\n",
        "docs/adr/00xx-python-helpers.md": "# xx. Organise helper code\n\nDate: 2025-11-28\n\n## Status\n\nProposed\n",
        "docs/adr/XXXX-template.md": "# Title\n\n## Status\n\nProposed\n",
        "docs/adr/nnnn-utf8-span.md": "# UTF-8 span\n\n* Status: **Active review**\n",
        "docs/adr/ADR-XX.md": "# Stream mirrors\n\n|Metadata|Value|\n|---|---|\n|Status|Proposed|\n",
        "docs/adr/000X-kotlin.md": "# ADR-000X - Kotlin for services\n\n## Status\n\nWIP\n",
        "docs/adr/####-slsa-provenance.md": "# ####. SLSA Provenance\n\n## Status\n\nProposed\n",  # Konflux
    })
    rows = [(r["number"], r["key"], r["title"], r["status"]) for r in listed_adrs(decide, root)]
    assert rows == [(1, "1", "Record decisions", "accepted"),
                    (None, "####-slsa-provenance", "SLSA Provenance", "proposed"),
                    (None, "000X-kotlin", "Kotlin for services", "draft"),
                    (None, "00xx-python-helpers", "Organise helper code", "proposed"),
                    (None, "ADR-XX", "Stream mirrors", "proposed"),
                    (None, "XXXX-points-have-owners", "Points have owners", "proposed"),
                    (None, "nnnn-utf8-span", "UTF-8 span", "proposed")]
    assert decide("check", cwd=root).exit_code == 0
    changed = decide("adr", "status", "XXXX-points-have-owners", "rejected", "--date", "2026-11-30", cwd=root)
    assert changed.exit_code == 0
    assert "status: rejected\ndate: 2026-11-30\n" in (root / "docs/adr/XXXX-points-have-owners.md").read_text()
    assert decide("adr", "show", "####-slsa-provenance", cwd=root).stdout.startswith("####-slsa-provenance: SLSA")
    created = decide("adr", "new", "Use queues", "--no-edit", cwd=root)
    assert created.stdout.strip() == "docs/adr/0002-use-queues.md"


def test_a_proposal_process_s_name_in_capitals_prefixes_a_record_number(decide, tmp_path):
    keep = "# {title}\n\n* **Status**: {status}\n"
    root = _repo(tmp_path, {"proposals/KEEP-0371-guards.md": keep.format(title="Guards", status="Stable in 2.2"),
                            "proposals/KEEP-0367-context.md": keep.format(title="Context", status="Public discussion"),
                            "notes/step-2-deploy.md": "# Deploy\n\nStatus: done\n"})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "proposals"\n')
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [(367, "proposed"), (371, "accepted")]
    assert decide("adr", "show", "371", cwd=root).stdout.startswith("ADR-0371: Guards")
    (root / "decisionbook.toml").write_text('[adr]\ndir = "notes"\n')
    assert [(r["number"], r["key"]) for r in listed_adrs(decide, root)] == [(None, "step-2-deploy")]


def test_a_feature_proposal_s_name_numbers_its_record_and_its_own_label_leaves_the_title(decide, tmp_path):
    # Cilium's CFPs (`CFP-22215-x.md`, `# CFP-22215: Title`) were numbered None and titled with the label; a draft
    # waiting for its issue (`CFP-TODO-x.md`, `# CFP-XXXXX: Title`) and an early CFP named by its day have no number.
    cfp = "# {label}: {title}\n\n**SIG: SIG-Policy**\n\n**Cilium Release:** 1.17\n\n## Summary\n\nWhy.\n"
    root = _repo(tmp_path, {
        "cilium/CFP-22215-mutual-auth.md": cfp.format(label="CFP-22215", title="Mutual Authentication"),
        "cilium/CFP-30984-dns-proxy-ha-v2.md": cfp.format(label="CFP-30984", title="toFQDN DNS proxy HA"),
        "cilium/CFP-TODO-policy-expressions.md": cfp.format(label="CFP-XXXXX", title="Policy Expressions"),
        "cilium/CFP-2022-10-28-mutual-auth.md": cfp.format(label="CFP-2022-10-28", title="Mutual Auth for Mesh"),
        "decisionbook.toml": '[adr]\ndir = "cilium"\n'})
    rows = [(r["number"], r["key"], r["title"]) for r in listed_adrs(decide, root)]
    assert rows == [(22215, "22215", "Mutual Authentication"), (30984, "30984", "toFQDN DNS proxy HA"),
                    (None, "CFP-2022-10-28-mutual-auth", "Mutual Auth for Mesh"),
                    (None, "CFP-TODO-policy-expressions", "Policy Expressions")]
    assert "the title says" not in decide("check", cwd=root).output
    created = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert created.stdout.strip() == "cilium/CFP-30985-try-a-thing.md"


def test_proposals_named_in_small_letters_with_their_title_in_a_preamble_or_an_html_row(decide, tmp_path):
    # Stellar's SEPs (`sep-0004.md`, a preamble in a code block under `## Preamble`) were titled "Preamble",
    # with no number; conda's CEPs (`cep-0001.md`, an HTML table of fields) were titled "Cep 0001".
    sep = ("## Preamble\n\n```\nSEP: 0004\nTitle: Tx Status Endpoint\nAuthor: stellar.org\nStatus: Approved\n"
           "Created: 2017-10-30\n```\n\n## Simple Summary\n\nA way to get a payment's status.\n")
    cep = ("<table>\n<tr><td> Title </td><td> CEP Purpose and Guidelines </td>\n"
           "<tr><td> Status </td><td> Proposed </td></tr>\n</table>\n\n# Abstract\n\nWhat a CEP is.\n")
    root = _repo(tmp_path, {"ecosystem/sep-0004.md": sep, "ecosystem/cep-0001.md": cep,
                            "ecosystem/step-2-deploy.md": "# Deploy\n\nStatus: done\n",  # not zero-padded: a slug
                            "decisionbook.toml": '[adr]\ndir = "ecosystem"\n'})
    rows = [(r["number"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)]
    assert rows == [(1, "CEP Purpose and Guidelines", "proposed", None),
                    (4, "Tx Status Endpoint", "accepted", "2017-10-30")]


def test_a_page_that_lists_the_records_under_an_overview_title_is_the_folder_s_index(decide, tmp_path):
    # Unleash's `ADRs.md` (`title: ADR Overview`, lists of links to the ADRs) was listed as a record with no status.
    page = '---\ntitle: "ADR: {title}"\n---\n\n## Background\n\nWhy.\n{links}'
    both = "\n* [Breaking DB changes](../back-end/breaking-db-changes.md)\n* [Styling](../front-end/styling.md)\n"
    overview = ("---\ntitle: ADR Overview\n---\n\n## Introduction {#introduction}\n\nRecords of design decisions.\n\n"
                "## Back-end ADRs\n\n* [Breaking DB changes](./back-end/breaking-db-changes.md)\n\n"
                "## Front-end ADRs\n\n* [Styles placement](./front-end/styles-placement.md)\n"
                "|ADR|\n|---|\n|[Preferred styling method](./front-end/styling.md)|\n")
    root = _repo(tmp_path, {
        "adrs/ADRs.md": overview,
        "adrs/back-end/breaking-db-changes.md": page.format(title="breaking DB changes", links=""),
        "adrs/front-end/styling.md": page.format(title="preferred styling method", links=""),
        "adrs/overarching/logging-levels.md": page.format(title="logging levels", links=both),  # a record's links
        # A record titled as a list is, that links one record, lists none: it stays a record.
        "adrs/overarching/audit-log.md": page.format(title="audit log",
                                                     links="\n* [Styling](../front-end/styling.md)\n"),
        "decisionbook.toml": '[adr]\ndir = "adrs"\n'})
    rows = [(r["key"], r["title"]) for r in listed_adrs(decide, root)]
    assert rows == [("audit-log", "audit log"), ("breaking-db-changes", "breaking DB changes"),
                    ("logging-levels", "logging levels"), ("styling", "preferred styling method")]
    assert "ADRs.md" not in decide("check", cwd=root).output


@pytest.mark.parametrize("template", [
    # conda's CEP template: its fields in an HTML table, the status the list of choices.
    "# CEP 0 - A short title of the proposal\n\n<table>\n<tr><td> Title </td><td> A short title </td>\n"
    "<tr><td> Status </td><td> Draft | Proposed | Accepted | Rejected | Deferred | Implemented </td></tr>\n"
    "</table>\n\n## Abstract\n\nA short description of the change being addressed.\n",
    "# CEP 0 - A short title of the proposal\n\n* Status: proposed | rejected | accepted | deprecated\n",
    # The table on one line, where no status is read: the choices are found where the line states them.
    "# CEP 0 - A short title\n\n<table><tr><td> Status </td><td> Draft | Proposed | Accepted </td></tr></table>\n",
])
def test_a_page_numbered_zero_whose_status_is_the_list_of_choices_is_the_template(decide, tmp_path, template):
    root = _repo(tmp_path, {
        "ceps/cep-0000.md": template,
        "ceps/cep-0001.md": "# CEP 1 - CEP Purpose and Guidelines\n\n* Status: accepted\n",
        "ceps/cep-0044.md": "# CEP 44 - Optional dependency groups\n\n* Status: proposed\n",
        "decisionbook.toml": '[adr]\ndir = "ceps"\n'})
    rows = [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)]
    assert rows == [(1, "CEP Purpose and Guidelines", "accepted"), (44, "Optional dependency groups", "proposed")]
    checked = decide("check", cwd=root)
    assert "cep-0000" not in checked.output and "0 error(s), 0 warning(s)" in checked.stdout


def test_a_record_numbered_zero_that_chose_its_status_stays_a_record(decide, tmp_path):
    # MADR's first record, `0000-use-markdown-architectural-decision-records.md`, is a decision, not a template.
    root = _repo(tmp_path, {
        "docs/decisions/0000-use-markdown-architectural-decision-records.md":
            "---\nstatus: accepted\n---\n# Use Markdown Architectural Decision Records\n\n"
            "Chosen option: MADR, because it lists [the options](0001-use-go.md).\n",
        "docs/decisions/0001-use-go.md": "---\nstatus: accepted\n---\n# Use Go\n"})
    rows = [(r["number"], r["title"]) for r in listed_adrs(decide, root)]
    assert rows == [(0, "Use Markdown Architectural Decision Records"), (1, "Use Go")]


def test_several_records_numbered_zero_are_drafts_known_by_their_names(decide, tmp_path):
    # Rust's, Ember's and OpenTelemetry's RFCs are `0000-x.md` until merged: they were one number used twice.
    rfc = "# {title}\n\n- Start Date: 2020-01-0{n}\n\n## Status\n\nProposed\n"
    root = _repo(tmp_path, {"text/0000-feature-a.md": rfc.format(title="Feature A", n=1),
                            "text/0000-feature-b.md": rfc.format(title="Feature B", n=2),
                            "text/0001-old.md": rfc.format(title="Old", n=3).replace("Proposed", "Accepted")})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "text"\n')
    rows = [(r["number"], r["key"], r["title"]) for r in listed_adrs(decide, root)]
    assert rows == [(1, "1", "Old"), (None, "0000-feature-a", "Feature A"), (None, "0000-feature-b", "Feature B")]
    assert decide("check", cwd=root).exit_code == 0
    assert decide("adr", "status", "feature-b", "rejected", cwd=root).exit_code == 0
    assert "## Status\n\nRejected\n" in (root / "text/0000-feature-b.md").read_text()
    assert decide("adr", "status", "0000-feature-a", "rejected", cwd=root).exit_code == 0  # the key it is listed by
    assert decide("adr", "link", "feature-a", "relates-to", "1", cwd=root).exit_code == 0
    assert decide("check", cwd=root).exit_code == 0
    # One record numbered 0 is record 0, as MADR numbers its first.
    (root / "text/0000-feature-b.md").unlink()
    assert [r["number"] for r in listed_adrs(decide, root)] == [0, 1]


def test_a_new_record_does_not_take_the_number_of_a_record_in_a_form_not_read(decide, tmp_path):
    # Quarkus keeps `adr/0001-x.adoc`: the first Markdown record was numbered 1 beside it.
    root = _repo(tmp_path, {"adr/0001-community-channels.adoc": "= Community channels\n\n* Status: accepted\n",
                            "adr/0002-reactive-rename.adoc": "= Reactive rename\n\n* Status: proposed\n"})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "adr"\n')
    created = decide("adr", "new", "Use queues", "--no-edit", cwd=root)
    assert created.exit_code == 0 and created.stdout.strip() == "adr/0003-use-queues.md", created.output


def test_a_status_in_backticks_in_a_table_keeps_them_when_changed(decide, tmp_path):
    # NATS writes `|Status  | `Implemented`   |`; a status change dropped the backticks.
    text = ("# Stream mirrors\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2021-07-04|\n"
            "|Status  |`Proposed`|\n\n## Context\n")
    root = _repo(tmp_path, {"adr/ADR-12.md": text})
    assert [(r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [("proposed", "Proposed")]
    assert decide("adr", "status", "12", "rejected", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = text.replace("`Proposed`", "`Rejected`").replace("2021-07-04", "2026-11-30")
    assert (root / "adr/ADR-12.md").read_text() == after


def test_names_dated_with_an_underscore_or_spaces_are_dated_and_date_their_record(decide, tmp_path):
    # CockroachDB's `20160720_backup.md` was record 20160720, and a new record took 20160721.
    root = _repo(tmp_path, {
        "docs/RFCS/20160720_snapshot_export.md": "# Snapshot export\n\n- Status: draft\n",
        "docs/RFCS/20170117_paid_features.md": "# Paid features\n\n- Status: completed\n",
        "docs/RFCS/00000000_cascade_deletes.md": "# Cascade deletes\n\n- Status: draft\n",
        "docs/RFCS/20200707 - Branch aware API.md": "# Branch aware API\n\n- Status: accepted\n",
        "docs/RFCS/2021-10-xx-accept-traces.md": "# Accept traces\n\n- Status: draft\n",
    })
    (root / "decisionbook.toml").write_text('[adr]\ndir = "docs/RFCS"\n')
    rows = [(r["number"], r["key"], r["date"]) for r in listed_adrs(decide, root)]
    assert rows == [(0, "0", None), (None, "20160720_snapshot_export", "2016-07-20"),
                    (None, "20170117_paid_features", "2017-01-17"), (None, "20200707 - Branch aware API", "2020-07-07"),
                    (None, "2021-10-xx-accept-traces", None)]
    check = decide("check", cwd=root)
    assert check.exit_code == 0 and "0 warning(s)" in check.stdout, check.stdout
    created = decide("adr", "new", "Adopt a cache", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert created.stdout.strip() == "docs/RFCS/20261130_adopt-a-cache.md"


def test_a_status_shown_by_a_badge_is_changed_in_the_badge(decide, tmp_path):
    # A status change wrote plain `Accepted` over the team's badge.
    badge = "[![Generic badge](https://badgen.net/badge/ADR/proposed/orange/)](../README.md)"
    text = f"# ADR-003: Use token auth\n\n## Status\n\n{badge}\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"adr/adr-003-use-token-auth.md": text})
    assert [r["status"] for r in listed_adrs(decide, root)] == ["proposed"]
    assert decide("adr", "status", "3", "rejected", cwd=root).exit_code == 0
    after = text.replace("/ADR/proposed/", "/ADR/rejected/")
    assert (root / "adr/adr-003-use-token-auth.md").read_text() == after
    assert [r["status"] for r in listed_adrs(decide, root)] == ["rejected"]


BADGES = {status: f"[![Generic badge](https://badgen.net/badge/ADR/{status}/{colour}/)](README.md)"
          for status, colour in (("proposed", "orange"), ("approved", "green"), ("rejected", "red"))}
BADGED = "# ADR-00{n}: Record {n}\n\n## Status\n\n{badge}\n\n## Context\n\nWhy {n}.\n"


def test_a_status_change_and_a_new_record_show_the_badge_the_folder_s_records_show_for_that_status(decide, tmp_path):
    # The team's records show accepted as a green `approved` badge: a change showed an orange `accepted` one,
    # and a new record wrote plain `Proposed` where the folder's proposals show their badge.
    root = _repo(tmp_path, {f"adr/adr-00{n}-r{n}.md": BADGED.format(n=n, badge=BADGES[status])
                            for n, status in ((1, "approved"), (2, "proposed"), (3, "approved"), (4, "proposed"))})
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "proposed", "accepted", "proposed"]
    made = decide("adr", "new", "Record 5", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert f"## Status\n\n{BADGES['proposed']}\n" in (root / made.stdout.strip()).read_text()
    assert decide("adr", "status", "4", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / "adr/adr-004-r4.md").read_text() == BADGED.format(n=4, badge=BADGES["approved"])
    assert decide("adr", "status", "2", "rejected", "--force", cwd=root).exit_code == 0  # no record shows it yet
    assert BADGES["proposed"].replace("proposed", "rejected") in (root / "adr/adr-002-r2.md").read_text()


def test_a_new_record_from_a_template_showing_proposed_by_a_badge_shows_that_badge(decide, tmp_path):
    # It wrote plain `Proposed` over the template's badge, above the template's list of the badges to choose from.
    template = BADGED.format(n="n", badge=BADGES["proposed"]).replace("Record n", "ADR Title") + (
        "\nCan be one of:\n\n" + "\n".join(BADGES.values()) + "\n")
    root = _repo(tmp_path, {"adr/template.md": template,
                            "adr/adr-001-r1.md": BADGED.format(n=1, badge=BADGES["approved"])})
    made = decide("adr", "new", "Record 2", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text().startswith(
        f"# ADR-002: Record 2\n\n## Status\n\n{BADGES['proposed']}\n")
    # Rejected, which no record shows yet: the template's red badge, not the proposal's orange one reworded.
    assert decide("adr", "status", "2", "rejected", "--force", cwd=root).exit_code == 0
    assert f"## Status\n\n{BADGES['rejected']}\n" in (root / made.stdout.strip()).read_text()


def test_a_folder_of_documents_but_no_record_is_named_by_check(decide, tmp_path):
    # Proposals waiting for their numbers (`CIP-my-feature/README.md`) are no records yet: check passed on
    # nothing, and a translation, `README.fr.md`, was the one record found. Numbered ones are records
    # (tests/test_adr_record_folders.py).
    root = _repo(tmp_path, {"CIPs/CIP-my-feature/README.md": "---\nCIP: ?\nStatus: Proposed\n---\n\n## Abstract\n",
                            "CIPs/CIP-my-feature/README.fr.md": "---\nCIP: ?\n---\n\n## Résumé\n",
                            "CIPs/CIP-other/README.md": "---\nCIP: ?\nStatus: Proposed\n---\n\n## Abstract\n"})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "CIPs"\n')
    check = decide("check", cwd=root)
    assert check.exit_code == 0 and check.stdout.splitlines() == [
        "CIPs: warning: holds 3 Markdown or reStructuredText file(s) but no record: records are named by their "
        "number (`0001-use-kafka.md`), their date or, in a folder of no others, their slug",
        "0 error(s), 1 warning(s)"]


@pytest.mark.parametrize(("files", "created", "text"), [
    ({"docs/adr/ADR-001-use-go.md": "# ADR-001: Use Go\n\n**Status:** Accepted\n**Date:** 2024-07-01\n"
                                    "**Authors:** ana\n\n## Context\n\nWhy.\n\n## Decision\n\nGo.\n\n"
                                    "Supersedes [ADR-000](ADR-000-x.md)\n\n## Consequences\n\nFast.\n"},
     "docs/adr/ADR-002-use-zig.md",
     "# ADR-002: Use Zig\n\n**Status:** Proposed\n**Date:** 2026-11-30\n**Authors:** \n\n## Context\n\n"
     "## Decision\n\n## Consequences\n"),
    ({"adr/ADR-12.md": "# Stream mirrors\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2021-07-04|\n"
                       "|Author  |@ana|\n|Status  |`Implemented`|\n\n## Context\n\nWhy.\n\n## Design\n\nHow.\n"},
     "adr/ADR-13.md",
     "# Use Zig\n\n|Metadata|Value|\n|--------|-----|\n|Date    |2026-11-30|\n|Author  ||\n|Status  |`Proposed`|\n\n"
     "## Context\n\n## Design\n"),
    ({"doc/adr/0007-use-go.md": "# 7. Use Go\n\nStatus: Accepted · Date: 2024-07-01 · Owner: ana\n\n## Context\n\nWhy.\n"},
     "doc/adr/0008-use-zig.md",
     "# 8. Use Zig\n\nStatus: Proposed · Date: 2026-11-30 · Owner: \n\n## Context\n"),
    # The record's line endings, its status's case, and no relation of its own (18F's identity-pki).
    ({"doc/adr/0004-aws-regions.md": "# 4. AWS regions\r\n\r\n__Status__: accepted\r\n"
                                     "__Supersedes__: [3. Old](0003-old.md)\r\n\r\n## Context\r\n\r\nWhy.\r\n"},
     "doc/adr/0005-use-zig.md",
     "# 5. Use Zig\r\n\r\n__Status__: proposed\r\n\r\n## Context\r\n"),
])
def test_a_new_record_in_a_folder_of_a_form_no_template_writes_copies_the_latest_record(decide, tmp_path, files,
                                                                                         created, text):
    # Bold labels, a metadata table, `Status:` lines: a new record came out in MADR front matter.
    root = _repo(tmp_path, files)
    result = decide("adr", "new", "Use Zig", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == created, result.output
    assert (root / created).read_bytes().decode() == text
    row = listed_adrs(decide, root)[-1]
    assert (row["title"], row["status"], row["date"]) == ("Use Zig", "proposed", "2026-11-30" if "2026" in text else None)
    # A data change needs front matter: the MADR template writes it.
    other = decide("adr", "new", "Move data", "--no-edit", "--data-change", cwd=root)
    assert other.exit_code == 0 and (root / other.stdout.strip()).read_text().startswith("---\nstatus: proposed\n")


@pytest.mark.parametrize(("files", "created", "text"), [
    ({"docs/decisions/2026-02-10_excel-import.md": "# ADR: Excel-Import\n\n- Datum: 2026-02-10\n- Status: angenommen\n"
                                                   "- Ersetzt: 2026-01-23_pdf.md\n\n## Kontext\n\nExcel.\n",
      "docs/decisions/2026-01-23_pdf.md":
          "# ADR: PDF\n\n- Datum: 2026-01-23\n- Status: ersetzt\n\n## Kontext\n\nPDF.\n"},
     "docs/decisions/2026-11-30_use-zig.md",
     "# ADR: Use Zig\n\n- Datum: 2026-11-30\n- Status: vorgeschlagen\n\n## Kontext\n"),
    ({"docs/adr/0007-java.md": "# ADR-0007 - Support several Java versions\n\n## Status\n\n"
                                             "- ACCEPTED on 2024-12-20\n\n## Context\n\nWhy.\n"},
     "docs/adr/0008-use-zig.md",
     "# ADR-0008 - Use Zig\n\n## Status\n\n- PROPOSED on 2026-11-30\n\n## Context\n"),
    ({"docs/adr/015-routing.md": "# ADR-015：路由\n\n## 状态\n\n已接受（2026-09-02），2026-09-03 修订\n\n## 决策\n\n直连。\n"},
     "docs/adr/016-use-zig.md", "# ADR-016：Use Zig\n\n## 状态\n\n提议（2026-11-30）\n\n## 决策\n"),
])
def test_a_new_record_in_a_folder_written_in_another_language_copies_the_latest_record(decide, tmp_path, files,
                                                                                        created, text):
    # adr-tools' and log4brains' templates are English: a German or Chinese folder got English records, and
    # a folder titling its records `# ADR-0007 - Title` got `# 8. Title`. The latest is copied, without its
    # relations or the note after a Status section's status.
    root = _repo(tmp_path, files)
    result = decide("adr", "new", "Use Zig", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == created, result.output
    assert (root / created).read_text() == text
    row = next(r for r in listed_adrs(decide, root) if r["path"] == created)
    assert (row["title"], row["status"], row["date"]) == ("Use Zig", "proposed", "2026-11-30")


def test_links_to_and_from_a_category_subfolder_are_written_by_their_path(decide, tmp_path):
    # A link written in `deprecated/0002-x.md` named `0003-y.md`, which is not beside it; the index too.
    root = _repo(tmp_path, {"docs/adr/0001-use-go.md": NYGARD.format(n=1, title="Use Go"),
                            "docs/adr/deprecated/0002-use-jwt.md": NYGARD.format(n=2, title="Use JWT")})
    assert decide("adr", "new", "Use sessions", "--supersedes", "2", "--no-edit", "--template", "nygard",
                  cwd=root).exit_code == 0
    assert decide("adr", "link", "1", "relates-to", "2", cwd=root).exit_code == 0
    old = (root / "docs/adr/deprecated/0002-use-jwt.md").read_text()
    assert "Superseded by [3. Use sessions](../0003-use-sessions.md)" in old
    assert "Relates to [1. Use Go](../0001-use-go.md)" in old
    assert "Supersedes [2. Use JWT](deprecated/0002-use-jwt.md)" in (root / "docs/adr/0003-use-sessions.md").read_text()
    assert "Relates to [2. Use JWT](deprecated/0002-use-jwt.md)" in (root / "docs/adr/0001-use-go.md").read_text()
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert ("| ADR-0002 | [Use JWT](deprecated/0002-use-jwt.md) | Superseded by [3. Use sessions](0003-use-sessions.md) |"
            in (root / "docs/adr/README.md").read_text())
    assert decide("check", cwd=root).exit_code == 0


@pytest.mark.parametrize(("text", "after"), [
    ("# 1. Use Go\n\nSome text.\n\n## Context\n\nWhy.\n",
     "# 1. Use Go\n\nSome text.\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n"),
    ("# Use Go\n\n- Deciders: ana\n- Date: 2024-01-02\n\n## Context\n\nWhy.\n",
     "# Use Go\n\n- Status: proposed\n- Deciders: ana\n- Date: 2026-11-30\n\n## Context\n\nWhy.\n"),
    ("---\nparent: Decisions\n---\n# Use Go\n\nWhy.\n",
     "---\nparent: Decisions\nstatus: proposed\ndate: 2026-11-30\n---\n# Use Go\n\nWhy.\n"),
])
def test_a_record_that_says_no_status_is_given_one_in_its_own_form(decide, tmp_path, text, after):
    # `decide adr status` refused a record with no status at all: "no status to change".
    root = _repo(tmp_path, {"docs/adr/0001-use-go.md": text})
    result = decide("adr", "status", "1", "proposed", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0001-use-go.md").read_text() == after
    assert [r["status"] for r in listed_adrs(decide, root)] == ["proposed"]


_LOG4BRAINS_TEMPLATE = (
    "# [short title of solved problem and solution]\n\n"
    "- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)]"
    " <!-- optional -->\n- Deciders: [list everyone involved in the decision] <!-- optional -->\n"
    "- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n\n"
    "## Context and Problem Statement\n\n[Describe the context.]\n")


@pytest.mark.parametrize(("files", "created", "text"), [
    ({"doc/adr/templates/template.md": "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nWhy.\n",
      "doc/adr/0001-record-decisions.md": NYGARD.format(n=1, title="Record decisions")},
     "doc/adr/0002-use-queues.md", "# 2. Use queues\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n"),
    ({"docs/adr/template.md": _LOG4BRAINS_TEMPLATE,
      "docs/adr/20200925-use-log4brains.md": "# Use log4brains\n\n- Status: accepted\n- Date: 2020-09-25\n"},
     "docs/adr/20261130-use-queues.md",
     _LOG4BRAINS_TEMPLATE.replace("[short title of solved problem and solution]", "Use queues")
     .replace("[draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)]",
              "draft")
     .replace("[YYYY-MM-DD when the decision was last updated]", "2026-11-30")),
    ({"docs/decisions/adr-template.md": "---\nstatus: \"{proposed | rejected | accepted}\"\n"
                                        "date: {YYYY-MM-DD when the decision was last updated}\n---\n\n"
                                        "# {short title of solved problem}\n\n## Context\n\n{Describe it.}\n",
      "docs/decisions/0000-use-madr.md": "---\nstatus: accepted\ndate: 2020-01-01\n---\n# Use MADR\n"},
     "docs/decisions/0001-use-queues.md",
     "---\nstatus: proposed\ndate: 2026-11-30\n---\n\n# Use queues\n\n## Context\n\n{Describe it.}\n"),
    # Templates named as the team names them: the title keeps its label, its number blank says the width.
    ({"ADR/ADRXXX-architecture-decision-record-template.md":
      "# ADRxxx: Decision Record Title (what was decided)\n\nDate: YYYY-MM-DD\n\n## Status\n\n"
      "> Proposed, Accepted, Rejected, Superseded by ADRzzz\n\n## Decision\n\n> what we decided\n",
      "ADR/ADR004-use-notify.md": "# ADR004: Use Notify\n\nDate: 2022-02-18\n\n## Status\n\nAccepted\n"},
     "ADR/ADR005-use-queues.md",
     # (the quote marked the template's choices; the records state their status plainly)
     "# ADR005: Use queues\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Decision\n\n> what we decided\n"),
    ({"docs/adr/NNNN-adr-template.md": "# NNNN) Title (short noun phrase) {#adr_nnnn}\n\nDate: YYYY-MM-DD\n\n"
                                       "## Status\n\nproposed\n\n## Context\n\n...\n",
      "docs/adr/0035-use-lua.md": "# 35) Use Lua {#adr_0035}\n\nDate: 2021-04-28\n\n## Status\n\naccepted\n"},
     "docs/adr/0036-use-queues.md",
     "# 0036) Use queues {#adr_0036}\n\nDate: 2026-11-30\n\n## Status\n\nproposed\n\n## Context\n\n...\n"),
    ({"docs/architecture/adr-template.md": "# ADR {ADR-NUMBER}: {TITLE}\n\n## Status\n\n{Proposed}\n",
      "docs/architecture/adr-114-peering.md": "# ADR 114: Peering\n\n## Status\n\nAccepted\n"},
     "docs/architecture/adr-115-use-queues.md", "# ADR 115: Use queues\n\n## Status\n\nProposed\n"),
    # In a `template/` folder of its own (bbc/tams: `docs/adr/template/adr-template.md`).
    ({"docs/adr/template/adr-template.md": "---\nstatus: \"{proposed | rejected | accepted}\"\n---\n"
                                           "# {short title of solved problem}\n\n## Context\n\n{Describe it.}\n",
      "docs/adr/0002-add-sources.md": "---\nstatus: accepted\n---\n# Add sources\n\n## Context\n\nWhy.\n"},
     "docs/adr/0003-use-queues.md", "---\nstatus: proposed\n---\n# Use queues\n\n## Context\n\n{Describe it.}\n"),
    # A title that is all blanks already keeps their places.
    ({"doc/adr/templates/template.md": "# NUMBER TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n",
      "doc/adr/0001-record-decisions.md": NYGARD.format(n=1, title="Record decisions")},
     "doc/adr/0002-use-queues.md", "# 2 Use queues\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n"),
    ({"docs/decisions/0000--template.md": "# (CHANGE ME) DECISION TEMPLATE TITLE\n\n"
                                          "## Context and Problem Statement\n\n"
                                          "- Situation:\n",
      "docs/decisions/0001--use-rails.md": "# Use Rails\n\n## Context and Problem Statement\n\nWe need one.\n"},
     "docs/decisions/0002--use-queues.md", "# Use queues\n\n## Context and Problem Statement\n\n- Situation:\n"),
])
def test_a_new_record_is_written_from_the_team_s_own_template_in_the_folder(decide, tmp_path, files, created, text):
    # adr-tools, log4brains and MADR keep the team's template in the folder; decide wrote its own instead.
    root = _repo(tmp_path, files)
    result = decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == created, result.output
    assert (root / created).read_text() == text
    row = next(r for r in listed_adrs(decide, root) if r["path"] == created)
    starts = "draft" if "- Status: draft" in text else "proposed"  # log4brains' template lists draft first
    assert (row["title"], row["status"] or "proposed", row["date"] or "2026-11-30") == (
        "Use queues", starts, "2026-11-30")  # a template without a status or date gives none


def test_a_record_whose_front_matter_is_a_list_is_not_given_a_status(decide, tmp_path):
    # The key it would add is no YAML: the error named a line of the user's file as broken.
    text = "---\n- a\n- b\n---\n# 6. List\n"
    root = _repo(tmp_path, {"docs/adr/0006-list.md": text})
    result = decide("adr", "status", "6", "proposed", cwd=root)
    assert result.exit_code == 2 and result.stderr.strip() == (
        "docs/adr/0006-list.md:2: error: cannot edit: the front matter is not a mapping of keys")
    assert (root / "docs/adr/0006-list.md").read_text() == text


def test_titles_statuses_and_dates_as_proposal_processes_and_site_generators_write_them(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-flashback.md":
            "# RFC: Flashback a cluster\n\n- Start Date: 2017-12-22\n\n## Status\n\nComplete\n",
        "docs/adr/0002-thing.md": "# 2) Use the thing {#adr_0002}\n\nDate: 2021-01-02\n\n## Status\n\nDefunct\n",
        "docs/adr/0003-direct.md": "# AI Gateway ADR 003: Allow direct connections\n\n## Status\n\nSpeculative\n",
        "docs/adr/0004-routing.md": "# ADR-004：分层路由\n\n## 状态\n\n已接受\n",
        "docs/adr/0005-feast.md": "# Use **Feast** for *daily_synthetic* features\n\n* Status: Public discussion\n",
        "docs/adr/0006-proxy.md": "---\ntitle: Proxy\nstatus: Ready for Implementation\ncreation-date: 2021-03-04\n"
                                  "---\n# Proxy\n",
        "docs/adr/0007-init.md": "# 7. Amend ADR-0003: allow `__init__` files\n\n## Status\n\nDrafting\n",
    })
    rows = {r["number"]: (r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)}
    assert rows == {
        1: ("Flashback a cluster", "accepted", "2017-12-22"), 2: ("Use the thing", "deprecated", "2021-01-02"),
        3: ("Allow direct connections", "draft", None), 4: ("分层路由", "accepted", None),
        5: ("Use Feast for daily_synthetic features", "proposed", None), 6: ("Proxy", "accepted", "2021-03-04"),
        7: ("Amend ADR-0003: allow `__init__` files", "draft", None),
    }
    checked = decide("check", cwd=root)
    assert "unknown status" not in checked.stdout, checked.stdout


def test_a_successor_named_once_anywhere_in_a_superseded_status_is_the_successor(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/2026-01-05_fotos-lokal.md": "# ADR: Fotos lokal\n\n- Datum: 2026-01-05\n"
                                                    "- Status: ersetzt (siehe 2026-02-10_fotos-cloud.md)\n",
        "docs/decisions/2026-02-10_fotos-cloud.md": "# ADR: Fotos in der Cloud\n\n- Datum: 2026-02-10\n"
                                                    "- Status: angenommen\n- Ersetzt: 2026-01-05_fotos-lokal.md\n",
        "docs/adr/0022-gates.md": "# 22. 게이트\n\n## 상태\n\n대체됨 (Superseded by ADR-0024)\n",
        "docs/adr/0024-new-gates.md": "# 24. 새 게이트\n\n## 상태\n\n승인됨\n\n**Relacionado con:** [ADR-0022](0022-gates.md)\n",
        "docs/adr/0015-routing.md": "# ADR-015：路由\n\n状态：已取代（2026-09-02），由 [ADR-016](0016-smart.md) 取代\n",
        "docs/adr/0016-smart.md": "# ADR-016：智能路由\n\n状态：已接受\n",
    })
    (root / "decisionbook.toml").write_text('[adr]\ndir = "docs/adr"\n')
    rows = {r["number"]: (r["status"], r["superseded_by"], r["links"]) for r in listed_adrs(decide, root)}
    assert rows[22][:2] == ("superseded", "24") and rows[15][:2] == ("superseded", "16")
    assert rows[24][2] == [{"relation": "relates to", "adr": "22"}]
    assert "no successor" not in decide("check", cwd=root).stdout
    (root / "decisionbook.toml").write_text('[adr]\ndir = "docs/decisions"\n')
    rows = {r["key"]: (r["status"], r["superseded_by"]) for r in listed_adrs(decide, root)}
    assert rows["2026-01-05_fotos-lokal"] == ("superseded", "2026-02-10_fotos-cloud")


def test_a_metadata_table_inside_a_blockquote_is_read_and_edited_in_place(decide, tmp_path):
    quoted = ("# ADR-002: Scan for secrets\n\n>|              | |\n>| ------------ | --- |\n"
              ">| Date         | `2023-06-05` |\n>| Status       | `RFC` |\n>| Deciders     | `Engineering` |\n\n"
              "## Context\n\nKeys leak.\n")
    root = _repo(tmp_path, {"docs/adr/ADR-002_Scan_for_secrets.md": quoted})
    (row,) = listed_adrs(decide, root)
    assert (row["status"], row["status_raw"], row["date"], row["form"]) == ("proposed", "RFC", "2023-06-05", "table")
    result = decide("adr", "status", "2", "accepted", "--date", "2026-11-30", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    # `RFC` is an abbreviation, not a status written in capitals: the new one is written as a word.
    assert (root / "docs/adr/ADR-002_Scan_for_secrets.md").read_text() == quoted.replace(
        "`2023-06-05`", "`2026-11-30`").replace("`RFC`", "`Accepted`")


def test_a_section_of_related_records_relates_them_and_one_way_is_no_finding(decide, tmp_path):
    nygard = "# {n}. {title}\n\n## Status\n\n{status}\n\n## {heading}\n\n- [ADR-{other}](000{other}-x.md)\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-x.md": nygard.format(n=1, title="Cache", status="Accepted", heading="See also", other=2),
        "docs/adr/0002-x.md":
            nygard.format(n=2, title="Queue", status="Accepted", heading="Related decisions", other=1),
        "docs/adr/0003-x.md": nygard.format(n=3, title="路由", status="已取代（2026-09-02），由 [ADR-004](0004-x.md) 取代",
                                            heading="相关文档", other=1),
        "docs/adr/0004-x.md": "# 4. 新路由\n\n## 状态\n\n已接受\n",
    })
    rows = {r["number"]: (r["status"], r["superseded_by"], [link["adr"] for link in r["links"]])
            for r in listed_adrs(decide, root)}
    assert rows[1] == ("accepted", None, ["2"]) and rows[2] == ("accepted", None, ["1"])
    assert rows[3] == ("superseded", "4", ["1"])
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0, checked.output
    assert "does not record relates to" not in checked.stdout, checked.stdout  # teams list them one way (ADR 0252)
    assert "is not one decisionbook knows" not in checked.stdout


def test_a_record_named_with_spaces_is_addressed_by_the_key_it_is_listed_with(decide, tmp_path):
    name = "2022-06-15 - Keycloak configuration managed by Terraform"
    root = _repo(tmp_path, {f"rfc/{name}.md": "# RFC: Keycloak by Terraform\n\nStatus: Accepted\n"})
    (root / "decisionbook.toml").write_text('[adr]\ndir = "rfc"\n')
    assert [(r["key"], r["title"]) for r in listed_adrs(decide, root)] == [(name, "Keycloak by Terraform")]
    assert decide("adr", "show", name, cwd=root).stdout.startswith(f"{name}: Keycloak by Terraform")
    assert decide("adr", "status", name, "deprecated", cwd=root).exit_code == 0
    assert "Status: Deprecated" in (root / f"rfc/{name}.md").read_text()


def test_the_index_goes_into_the_readme_as_the_folder_spells_its_name(decide, tmp_path):
    root = _repo(tmp_path, {"docs/decisions/readme.md": "# Decisions\n\nOne file per decision.\n",
                            "docs/decisions/0001-use-rails.md": NYGARD.format(n=1, title="Use Rails")})
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert sorted(p.name for p in (root / "docs/decisions").iterdir()) == ["0001-use-rails.md", "readme.md"]
    text = (root / "docs/decisions/readme.md").read_text()
    assert text.startswith("# Decisions\n\nOne file per decision.\n") and "Use Rails" in text
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0


def test_the_index_of_a_hugo_section_goes_into_its_index_page(decide, tmp_path):
    # A new README.md was written beside `_index.md`: Hugo published it as a page of its own.
    index = "---\ntitle: Decision records\nweight: 11\n---\n\n{{< adr-list >}}\n"
    root = _repo(tmp_path, {"content/adr/_index.md": index,
                            "content/adr/cms-upgrade.md": HUGO_ADR.format(title="Upgrade the CMS", date="2024-07-05",
                                                                          status="accepted")})
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert sorted(p.name for p in (root / "content/adr").iterdir()) == ["_index.md", "cms-upgrade.md"]
    text = (root / "content/adr/_index.md").read_text()
    assert text.startswith(index) and "[Upgrade the CMS](cms-upgrade.md)" in text
    assert [r["path"] for r in listed_adrs(decide, root)] == ["content/adr/cms-upgrade.md"]


@pytest.mark.parametrize(("accepted", "superseded_by", "supersedes"), [
    ("Принято", "Заменено на", "Заменяет"), ("Akzeptiert", "Ersetzt durch", "Ersetzt"),
    ("Godkänd", "Ersatt av", "Ersätter"), ("Accepté", "Remplacé par", "Remplace"),
])
def test_supersession_is_written_on_both_records_in_their_language_and_read_back(decide, tmp_path, accepted,
                                                                                  superseded_by, supersedes):
    record = "# {n}. {title}\n\nDate: 2020-01-0{n}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"doc/adr/0001-old.md": record.format(n=1, title="Old", status=accepted),
                            "doc/adr/0002-new.md": record.format(n=2, title="New", status=accepted)})
    result = decide("adr", "status", "1", "superseded", "--by", "2", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert f"## Status\n\n{superseded_by} [2. New](0002-new.md)\n" in (root / "doc/adr/0001-old.md").read_text()
    assert f"{accepted}\n\n{supersedes} [1. Old](0001-old.md)\n" in (root / "doc/adr/0002-new.md").read_text()
    rows = {r["number"]: (r["status"], r["superseded_by"], r["supersedes"]) for r in listed_adrs(decide, root)}
    assert rows == {1: ("superseded", "2", []), 2: ("accepted", None, ["1"])}
    assert decide("check", cwd=root).exit_code == 0


def test_a_status_change_keeps_a_date_the_site_generator_computes(decide, tmp_path):
    text = "---\nstatus: proposed\ndate: git Created\n---\n# Use Terraform\n"
    root = _repo(tmp_path, {"documentation/adr/002-terraform.md": text})
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    assert decide("adr", "status", "2", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / "documentation/adr/002-terraform.md").read_text() == text.replace("proposed", "accepted")


def test_a_date_that_could_be_day_or_month_first_is_read_as_the_folder_s_other_dates_prove(decide, tmp_path):
    table = "# ADR-00{n}: {title}\n\n| | |\n|---|---|\n| Date | {date} |\n| Status | Accepted |\n"
    root = _repo(tmp_path, {"docs/adr/ADR-001_Hooks.md": table.format(n=1, title="Hooks", date="04/07/2023"),
                            "docs/adr/ADR-002_Secrets.md": table.format(n=2, title="Secrets", date="20/08/2023")})
    assert [r["date"] for r in listed_adrs(decide, root)] == ["2023-07-04", "2023-08-20"]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    # Dates that prove both orders prove none: the folder names its order in decisionbook.toml.
    (root / "docs/adr/ADR-003_Keys.md").write_text(table.format(n=3, title="Keys", date="08/20/2023"))
    assert [r["date"] for r in listed_adrs(decide, root)] == [None, "2023-08-20", "2023-08-20"]
    assert "could be day or month first" in decide("check", cwd=root).stdout


def test_a_new_record_is_written_from_madr_3_s_template_whose_placeholders_yaml_cannot_read(decide, tmp_path):
    # MADR 3 writes `status: {proposed | ... | superseded by [ADR-0005](0005-example.md)}` bare: `adr new` failed.
    template = ("---\n# These are optional elements. Feel free to remove any of them.\n"
                "status: {proposed | rejected | accepted | deprecated | … "
                "| superseded by [ADR-0005](0005-example.md)}\n"
                "date: {YYYY-MM-DD when the decision was last updated}\ntags:\n  - architecture\n"
                "deciders: {list everyone involved}\n"
                "consulted: {list everyone whose opinions are sought}\nproject: {the project's name}\n---\n"
                "# {short title of solved problem and solution}\n\n"
                "## Context and Problem Statement\n\n{Describe it.}\n")
    root = _repo(tmp_path, {"docs/decisions/adr-template.md": template,
                            "docs/decisions/0000-use-madr.md":
                                "---\nstatus: accepted\ndate: 2022-01-01\n---\n# Use MADR\n"})
    result = decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/decisions/0001-use-queues.md").read_text() == (
        "---\n# These are optional elements. Feel free to remove any of them.\nstatus: proposed\ndate: 2026-11-30\n"
        "tags:\n  - architecture\ndeciders: []\nconsulted: []\nproject: \"{the project's name}\"\n---\n# Use queues\n\n"
        "## Context and Problem Statement\n\n{Describe it.}\n")
    row = listed_adrs(decide, root)[-1]
    assert (row["title"], row["status"], row["date"], row["decision_makers"]) == (
        "Use queues", "proposed", "2026-11-30", [])


def test_a_status_key_in_another_language_is_the_status_and_is_edited_there(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/0001-x.md": "---\nstatut: accepté\ndate: 2024-03-01\n---\n# Utiliser X\n",
        "docs/decisions/0002-y.md": "---\nestado: propuesto\n---\n# Usar Y\n",
    })
    assert [(r["status"], r["status_raw"]) for r in listed_adrs(decide, root)] == [("accepted", "accepté"),
                                                                                ("proposed", "propuesto")]
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0001-x.md").read_text() == (
        '---\nstatut: obsolète\ndate: 2026-11-30\n---\n# Utiliser X\n')


def test_a_record_whose_name_speaks_of_a_template_is_no_template(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/choose-database.md":
            "# Choose a database\n\n## Status\n\nAccepted\n\n## Considered Options\n\n* A\n",
        "docs/decisions/use-a-template-engine.md":
            "# Use a template engine\n\n## Status\n\nAccepted\n\nWe discussed it.\n",
        "docs/decisions/ADRXXX-decision-record-template.md": "# ADRxxx: Title\n\n## Status\n\nProposed\n",
    })
    assert [r["key"] for r in listed_adrs(decide, root)] == ["choose-database", "use-a-template-engine"]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    result = decide("adr", "new", "Use Redis", "--no-edit", cwd=root)
    assert result.stdout.strip() == "docs/decisions/use-redis.md"
    assert "We discussed it" not in (root / "docs/decisions/use-redis.md").read_text()


def test_the_index_of_a_folder_kept_by_adr_log_is_its_list_between_adr_log_s_markers(decide, tmp_path):
    readme = ("# Decision log\n\n<!-- adrlog -- Regenerate with adr-log -->\n\n"
              "- [ADR-0000](0000-use-madr.md) - Use MADR\n\n<!-- adrlogstop -->\n\nSee template.md.\n")
    madr = "---\nstatus: accepted\n---\n# {title}\n"
    root = _repo(tmp_path, {"docs/decisions/README.md": readme,
                            "docs/decisions/0000-use-madr.md": madr.format(title="Use MADR"),
                            "docs/decisions/0001-use-rust.md": madr.format(title="Use Rust | and C")})
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"  # adr-log's list is adr-log's
    assert decide("adr", "index", "--check", cwd=root).exit_code == 1
    assert decide("adr", "index", cwd=root).exit_code == 0
    assert (root / "docs/decisions/README.md").read_text() == readme.replace(
        "- Use MADR\n", "- Use MADR\n- [ADR-0001](0001-use-rust.md) - Use Rust | and C\n")  # as adr-log writes it
    assert decide("adr", "index", "--check", cwd=root).exit_code == 0


@pytest.mark.parametrize(("written", "proposed"),
                         [("承認済み", "提案"), ("angenommen", "vorgeschlagen"), ("Approved", "Proposed")])
def test_a_status_change_writes_the_word_the_folder_uses_for_that_status(decide, tmp_path, written, proposed):
    # decisionbook wrote its own word (`採用`, `akzeptiert`, `Accepted`) among records that all say another.
    record = ("# {n}. {title}\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nThis.\n\n"
              "## Consequences\n\nThat.\n")
    root = _repo(tmp_path, {f"docs/adr/000{n}-r{n}.md": record.format(n=n, title=f"R{n}", status=written)
                            for n in (1, 2)} | {"docs/adr/0003-r3.md": record.format(n=3, title="R3", status=proposed)})
    result = decide("adr", "status", "3", "accepted", cwd=root)
    assert result.exit_code == 0, result.output
    assert f"## Status\n\n{written}\n" in (root / "docs/adr/0003-r3.md").read_text()


def test_adr_log_s_markers_in_a_code_block_are_an_example_and_one_never_closed_is_an_error(decide, tmp_path):
    example = "# Decisions\n\n```\n<!-- adrlog -->\n* [ADR-0001](x.md) - X\n<!-- adrlogstop -->\n```\n"
    root = _repo(tmp_path, {"docs/decisions/README.md": example,
                            "docs/decisions/0001-use-rust.md": "---\nstatus: accepted\n---\n# Use Rust\n"})
    assert decide("adr", "index", cwd=root).exit_code == 0
    text = (root / "docs/decisions/README.md").read_text()
    assert text.startswith(example) and "decisionbook:index:start" in text
    (root / "docs/decisions/README.md").write_text("# Decisions\n\n<!-- adrlog -->\n\n* [ADR-0001](x.md) - X\n")
    result = decide("adr", "index", cwd=root)
    assert result.exit_code == 2
    assert "docs/decisions/README.md:3: error: <!-- adrlog --> is never closed" in result.stderr


def test_a_status_change_takes_the_folder_s_word_only_where_it_means_that_status_alone(decide, tmp_path):
    record = "# {n}. R{n}\n\n## Status\n\n{status}\n"
    root = _repo(tmp_path, {f"docs/adr/000{n}-r{n}.md": record.format(n=n, status=status)
                            for n, status in ((1, "Accepted"), (2, "Implemented"), (3, "Implemented"),
                                              (4, "Proposed"))})
    assert decide("adr", "status", "4", "accepted", "--force", cwd=root).exit_code == 0
    assert "## Status\n\nAccepted\n" in (root / "docs/adr/0004-r4.md").read_text()


@pytest.mark.parametrize("record", ["# X\r\n\r\n## Status\r\n\r\nAccepted\r\n", "X\n=\n\n:Status: Accepted\n",
                                    "# X\n\n| Author | Status |\n|---|---|\n| ana | Accepted |\n"])
def test_a_folder_of_proposals_is_found_by_a_status_in_any_form(decide, tmp_path, record):
    name = "rfcs/0001-x.rst" if record.startswith("X\n") else "rfcs/0001-x.md"
    root = _repo(tmp_path, {name: record})
    assert [r["path"] for r in listed_adrs(decide, root)] == [name]


# Proposal processes whose records state no status (it lives in the pull request) head each with the day it was
# started or last updated: front matter as Nix writes it, bullets as Rust, React, Vue and Wagtail do, a line as Go
# does, a table row as Polkadot's Fellowship RFCs do (its first column naming the fields in bold, the day as the
# author wrote it). Each form: its folder, its header, and the days its records 1 and 7 are read as.
START_DATE_HEADERS = {
    "nix": ("rfcs", "---\nfeature: {slug}\nstart-date: 2019-07-0{n}\nauthor: ana\n---\n\n# Summary\n"
                    "[summary]: #summary\n", "2019-07-0{n}"),
    "rust": ("text", "- Start Date: 2018-10-2{n}\n- RFC PR: (leave this empty)\n\n# Summary\n\nWhat.\n",
             "2018-10-2{n}"),
    "vue": ("active-rfcs", "- Start Date: 2020-10-2{n}\n- Target Major Version: 3.x\n\n# Summary\n\nWhat.\n",
            "2020-10-2{n}"),
    "go": ("design", "# Proposal: {slug}\n\nAuthor: ana\n\nLast updated: 2015-09-0{n}\n\n"
                     "Discussion at https://x.test/{n}.\n", "2015-09-0{n}"),
    "wagtail": ("text", "# RFC {n}: {slug}\n\n* RFC: {n}\n* Author: Ana\n* Created: 2019-03-0{n}\n"
                        "* Last Modified: 2019-04-01\n\n## Abstract\n\nWhat.\n", "2019-03-0{n}"),
    "polkadot": ("text", "# RFC-{n:04d}: {slug}\n\n|                 |                |\n"
                         "| --------------- | -------------- |\n| **Start Date**  | 0{n}.07.2023     |\n"
                         "| **Authors**     | Ana            |\n\n## Summary\n\nWhat.\n", "2023-07-0{n}"),
}


@pytest.mark.parametrize("form", sorted(START_DATE_HEADERS))
def test_a_folder_of_proposals_headed_by_their_start_date_is_found(decide, tmp_path, form):
    folder, header, day = START_DATE_HEADERS[form]
    root = _repo(tmp_path, {f"{folder}/{n:04d}-{slug}.md": header.format(n=n, slug=slug)
                            for n, slug in ((1, "hooks"), (7, "flakes"))} | {"docs/guide.md": "# Guide\n"})
    rows = [(r["number"], r["path"], r["date"], r["title"]) for r in listed_adrs(decide, root)]
    # A title from a heading is as written, without its label and number (`Proposal:`, `RFC-0001:`); a `Summary`
    # heading is no title, and one from the file's slug is capitalised.
    titled = form in ("go", "wagtail", "polkadot")
    assert rows == [(n, f"{folder}/{n:04d}-{slug}.md", day.format(n=n), slug if titled else slug.capitalize())
                    for n, slug in ((1, "hooks"), (7, "flakes"))]


@pytest.mark.parametrize("folder", ["text", "active-rfcs"])
def test_a_folder_of_text_is_no_adr_folder_without_a_proposal_header(decide, tmp_path, folder):
    root = _repo(tmp_path, {f"{folder}/0001-chapter.md": "# Chapter one\n\nIt started on a Monday.\n"})
    assert "no ADR folder" in decide("adr", "list", cwd=root).output


@pytest.mark.parametrize("name", ["adr-template-minimal.md", "template-adr.md", "decision-record-template.md"])
def test_a_template_named_as_madr_and_teams_name_theirs_writes_new_records(decide, tmp_path, name):
    template = "---\nstatus: proposed\ndate: {YYYY-MM-DD}\n---\n# {short title}\n\n## Our context\n\nWhy.\n"
    root = _repo(tmp_path, {f"docs/decisions/{name}": template,
                            "docs/decisions/0001-use-rust.md": "---\nstatus: accepted\n---\n# Use Rust\n"})
    assert decide("adr", "new", "Use Go", "--no-edit", cwd=root).exit_code == 0
    assert "## Our context" in (root / "docs/decisions/0002-use-go.md").read_text()


def test_a_slug_with_an_x_in_it_is_no_draft(decide, tmp_path):
    record = "# {title}\n\n## Status\n\nAccepted\n"
    root = _repo(tmp_path, {"docs/adr/adr-use-postgres.md": record.format(title="Use Postgres"),
                            "docs/adr/adr-x-ray-tracing.md": record.format(title="X-Ray tracing")})
    assert [(r["key"], r["title"]) for r in listed_adrs(decide, root)] == [
        ("adr-use-postgres", "Use Postgres"), ("adr-x-ray-tracing", "X-Ray tracing")]


def test_a_folder_whose_records_never_say_a_status_gets_one_warning_not_one_per_record(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/000{n}-r{n}.md": f"# ADR-00{n} R{n}\n\n## Context\n\nWhy.\n" for n in (1, 2, 3)})
    assert decide("check", cwd=root).stdout.splitlines() == [
        "docs/adr: warning: none of its 3 records says its status; `decide adr status N STATUS` gives one its "
        "status in its own form", "0 error(s), 1 warning(s)"]
    (root / "docs/adr/0004-r4.md").write_text("# ADR-004 R4\n\n## Status\n\nAccepted\n")
    assert decide("check", cwd=root).stdout.count("no status found") == 3


def test_a_folder_of_front_matter_that_never_says_a_status_gets_one_warning(decide, tmp_path):
    # Nix's RFCs: front matter of the proposal's feature and start day, its state kept in its pull request.
    rfc = "---\nfeature: r{n}\nstart-date: 2019-07-0{n}\nauthor: ana\n---\n\n# Summary\n[summary]: #summary\n"
    root = _repo(tmp_path, {f"rfcs/000{n}-r{n}.md": rfc.format(n=n) for n in (1, 2, 3)})
    assert decide("check", cwd=root).stdout.splitlines() == [
        "rfcs: warning: none of its 3 records says its status; `decide adr status N STATUS` gives one its "
        "status in its own form", "0 error(s), 1 warning(s)"]


def test_names_dated_with_underscores_are_dated_and_new_ones_named_so(decide, tmp_path):
    record = "# {title}\n\n## Status\n\n{status}\n"
    root = _repo(tmp_path, {
        "docs/adr/2021_12_12_dedicated-search.md": record.format(title="Dedicated search", status="- [x] Decided"),
        "docs/adr/2022_02_03_comparison.md": record.format(title="Comparison", status="- [x] Decided Against"),
    })
    rows = [(r["number"], r["key"], r["date"], r["status"]) for r in listed_adrs(decide, root)]
    assert rows == [(None, "2021_12_12_dedicated-search", "2021-12-12", "accepted"),
                    (None, "2022_02_03_comparison", "2022-02-03", "rejected")]
    assert decide("check", cwd=root).exit_code == 0
    result = decide("adr", "new", "Use Zig", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.stdout.strip() == "docs/adr/2026_11_30_use-zig.md"


# An RFC folder numbered by the pull requests that proposed each RFC: two merged at once took one number, and the
# number is cited elsewhere, so both keep it.
NIX_RFC = "---\nfeature: {slug}\nstart-date: 2019-0{month}-01\nauthor: Ana Lima\n---\n\n# Summary\n\n{summary}\n"


def _rfcs_sharing_numbers(tmp_path: Path) -> Path:
    return _repo(tmp_path, {
        "rfcs/0001-rfc-process.md": NIX_RFC.format(slug="rfc-process", month=1, summary="How RFCs are made."),
        "rfcs/0050-pinned-mirrors.md": NIX_RFC.format(slug="pinned-mirrors", month=2, summary="Pin the mirrors."),
        "rfcs/0050-review-rota.md": NIX_RFC.format(slug="review-rota", month=3, summary="Who reviews when."),
        "rfcs/0061-sandboxed-builds.md": NIX_RFC.format(slug="sandboxed-builds", month=4, summary="Build in a box."),
        "rfcs/0061-shared-caches.md": NIX_RFC.format(slug="shared-caches", month=5, summary="One cache for all."),
        "rfcs/0061-signed-caches.md": NIX_RFC.format(slug="signed-caches", month=6, summary="Sign what is cached."),
    })


def test_records_sharing_a_number_are_listed_and_check_names_each_number_once_with_the_way_out(decide, tmp_path):
    root = _rfcs_sharing_numbers(tmp_path)
    assert [(r["number"], r["path"]) for r in listed_adrs(decide, root)] == [
        (1, "rfcs/0001-rfc-process.md"), (50, "rfcs/0050-pinned-mirrors.md"), (50, "rfcs/0050-review-rota.md"),
        (61, "rfcs/0061-sandboxed-builds.md"), (61, "rfcs/0061-shared-caches.md"), (61, "rfcs/0061-signed-caches.md"),
    ]
    result = decide("check", cwd=root)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "number" in line] == [
        "rfcs/0050-pinned-mirrors.md: error: number 50 is also used by rfcs/0050-review-rota.md; give that one a free "
        "number with `decide adr renumber 0050-review-rota.md --to 62`",
        "rfcs/0061-sandboxed-builds.md: error: number 61 is also used by rfcs/0061-shared-caches.md and "
        "rfcs/0061-signed-caches.md; give those free numbers with `decide adr renumber 0061-shared-caches.md --to 63` "
        "and `decide adr renumber 0061-signed-caches.md --to 64`",
    ]
    assert result.stdout.splitlines()[-1] == "2 error(s), 1 warning(s)"


def test_a_record_sharing_its_number_is_shown_by_its_file_and_the_number_alone_says_how(decide, tmp_path):
    root = _rfcs_sharing_numbers(tmp_path)
    for ref in ("0050-review-rota", "0050-review-rota.md"):
        shown = decide("adr", "show", ref, cwd=root)
        assert shown.exit_code == 0 and "path: rfcs/0050-review-rota.md" in shown.stdout, (ref, shown.output)
    ambiguous = decide("adr", "show", "50", cwd=root)
    assert ambiguous.exit_code == 2 and ambiguous.stderr.strip() == (
        "error: ADR 50 is ambiguous: 0050-pinned-mirrors.md, 0050-review-rota.md share its number; "
        "name one by its file, as `0050-pinned-mirrors`")
    changed = decide("adr", "status", "0050-review-rota", "accepted", "--force", cwd=root)
    assert changed.exit_code == 0, changed.output
    assert [r["status"] for r in listed_adrs(decide, root) if r["number"] == 50] == [None, "accepted"]
    moved = decide("adr", "renumber", "0050-review-rota.md", "--to", "62", cwd=root)
    assert moved.exit_code == 0, moved.output
    assert [line for line in decide("check", cwd=root).stdout.splitlines() if "number 50" in line] == []


def test_records_of_one_name_in_two_folders_sharing_a_number_are_named_by_their_folders(decide, tmp_path):
    root = _repo(tmp_path, {
        "decisions/payments/0001-record-architecture-decisions.md": NYGARD.format(n=1, title="Record decisions"),
        "decisions/search/0001-record-architecture-decisions.md": NYGARD.format(n=2, title="Record decisions"),
        "decisions/search/0002-use-one-index.md": NYGARD.format(n=3, title="Use one index"),
    })
    checked = decide("check", cwd=root)
    assert checked.stdout.splitlines()[0] == (
        "decisions/payments/0001-record-architecture-decisions.md: error: number 1 is also used by "
        "decisions/search/0001-record-architecture-decisions.md; give that one a free number with "
        "`decide adr renumber decisions/search/0001-record-architecture-decisions.md --to 3`, or, where each of "
        "decisions/payments/ and decisions/search/ numbers its own records, put an `.adr-dir` holding `.` in each")
    assert decide("adr", "show", "1", cwd=root).stderr.strip() == (
        "error: ADR 1 is ambiguous: payments/0001-record-architecture-decisions.md, "
        "search/0001-record-architecture-decisions.md share its number; name one by its file, as "
        "`payments/0001-record-architecture-decisions`")
    shown = decide("adr", "show", "search/0001-record-architecture-decisions", cwd=root)
    assert shown.exit_code == 0 and "date: 2020-01-02" in shown.stdout, shown.output
    alike = decide("adr", "renumber", "0001-record-architecture-decisions.md", "--to", "3", cwd=root)
    assert alike.exit_code == 2 and "name the file to renumber with its folder" in alike.stderr, alike.output
    moved = decide("adr", "renumber", "decisions/search/0001-record-architecture-decisions.md", "--to", "3", cwd=root)
    assert moved.exit_code == 0, moved.output
    assert sorted(p.relative_to(root).as_posix() for p in (root / "decisions").rglob("*.md")) == [
        "decisions/payments/0001-record-architecture-decisions.md",
        "decisions/search/0002-use-one-index.md", "decisions/search/0003-record-architecture-decisions.md"]


def _team_series(tmp_path: Path) -> Path:
    """Mozilla's SRE folders: a folder per team under `decisions/`, each numbering its records from 1 with
    adr-tools, which its `.adr-dir` (`.`) points at, and keeping its own template."""
    team = "# {n}. {title}\n\nDate: 2021-0{n}-01\nScope: {scope}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    return _repo(tmp_path, {
        "TOC.md": "# Architecture Decision Records\n",
        "decisions/payments/.adr-dir": ".\n",
        "decisions/payments/0001-record-architecture-decisions.md": team.format(n=1, title="Record decisions",
                                                                               scope="Payments"),
        "decisions/payments/0002-settle-nightly.md": team.format(n=2, title="Settle nightly", scope="Payments"),
        "decisions/search/.adr-dir": ".\n",
        "decisions/search/0001-record-architecture-decisions.md": team.format(n=1, title="Record decisions",
                                                                             scope="Search"),
        "decisions/search/templates/template.md": "# NUMBER. TITLE\n\nDate: DATE\nScope: Search\n\n## Status\n\n"
                                                  "STATUS\n\n## Context\n\nWhat moves us.\n",
    })


def test_team_folders_with_their_own_adr_dir_number_their_own_records(decide, tmp_path):
    root = _team_series(tmp_path)
    # From the top the teams' records are listed together; each team's first record is no duplicate of another's.
    assert [r["path"] for r in listed_adrs(decide, root)] == [
        "decisions/payments/0001-record-architecture-decisions.md",
        "decisions/search/0001-record-architecture-decisions.md", "decisions/payments/0002-settle-nightly.md"]
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    # A new record made there was `decisions/0003-x.md`, in no team's folder nor series.
    refused = decide("adr", "new", "Cache the index", "--no-edit", cwd=root)
    assert refused.exit_code == 2 and refused.stderr.strip() == (
        "decisions: error: records here are numbered per team folder, each with its own .adr-dir "
        "(decisions/payments/, decisions/search/): run `decide adr new` in the folder of the team the record "
        "belongs to")
    assert sorted(p.name for p in (root / "decisions").iterdir()) == ["payments", "search"]
    made = decide("adr", "new", "Cache the index", "--no-edit", "--date", "2026-12-02", cwd=root / "decisions/search")
    assert made.exit_code == 0 and made.stdout.strip() == "0002-cache-the-index.md", made.output
    assert (root / "decisions/search/0002-cache-the-index.md").read_text().startswith(
        "# 2. Cache the index\n\nDate: 2026-12-02\nScope: Search\n")


@pytest.mark.parametrize("kept", ["another checkout", "the repository, outside the workspace"])
def test_a_team_folder_linked_in_from_outside_the_workspace_is_no_team_folder_of_it(decide, tmp_path, kept):
    """A platform team's records kept elsewhere, linked into `decisions/` for reading: ids and paths would leave the
    workspace, so the link is no team folder of it; the top numbers its own records and `check` names the link."""
    team = "# 1. Record architecture decisions\n\nDate: 2021-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    if kept == "another checkout":
        platform = repository_with(tmp_path / "platform", {".adr-dir": ".\n", "0001-record-decisions.md": team})
        root = _repo(tmp_path, {"README.md": "# Shop\n"})
    else:
        top = _repo(tmp_path, {"teams/platform/.adr-dir": ".\n", "teams/platform/0001-record-decisions.md": team,
                               "shop/decisionbook.toml": ""})
        platform, root = top / "teams/platform", top / "shop"
    (root / "decisions").mkdir()
    (root / "decisions/platform").symlink_to(platform)
    made = decide("adr", "new", "Cache the catalogue", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "decisions/0001-cache-the-catalogue.md", made.output
    assert sorted(p.name for p in (root / "decisions").iterdir()) == ["0001-cache-the-catalogue.md", "platform"]
    assert [p.name for p in platform.iterdir() if p.suffix == ".md"] == ["0001-record-decisions.md"]
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and [line for line in checked.stdout.splitlines() if "platform" in line] == [
        f"decisions/platform: warning: a symbolic link to {platform}, outside the workspace: the records there are "
        "not read here; run decide in that folder for them"]


def test_a_team_folder_linked_in_from_inside_the_workspace_is_no_team_folder_of_the_adr_folder(decide, tmp_path):
    """The platform team's records kept in `teams/platform/`, linked into `decisions/`: records behind a link are not
    read, so the link is no team folder either; the top numbers its own records and the team's are left as they are."""
    team = "# 1. Record architecture decisions\n\nDate: 2021-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"teams/platform/.adr-dir": ".\n", "teams/platform/0001-record-decisions.md": team})
    (root / "decisions").mkdir()
    (root / "decisions/platform").symlink_to("../teams/platform")
    made = decide("adr", "new", "Cache the catalogue", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0 and made.stdout.strip() == "decisions/0001-cache-the-catalogue.md", made.output
    assert made.stderr == ""
    assert sorted(p.name for p in (root / "decisions").iterdir()) == ["0001-cache-the-catalogue.md", "platform"]
    assert sorted(p.name for p in (root / "teams/platform").iterdir()) == [".adr-dir", "0001-record-decisions.md"]
    assert [(r["number"], r["path"]) for r in listed_adrs(decide, root)] == [
        (1, "decisions/0001-cache-the-catalogue.md")]


def test_a_number_shared_by_sibling_folders_is_reported_with_the_file_that_numbers_them_apart(decide, tmp_path):
    """Camunda's domain folders each number from 1 without an `.adr-dir`: numbers alone cannot tell that from a
    merge's duplicate (ADR 0129), so it stays an error, which names the other way out besides renumbering."""
    root = _repo(tmp_path, {
        "docs/adr/0001-trace-namespaces.md": NYGARD.format(n=1, title="Trace namespaces"),
        "docs/adr/clients/0001-one-config-path.md": NYGARD.format(n=2, title="One config path").replace("# 2.", "# 1."),
        "docs/adr/clients/0002-light-threads.md": NYGARD.format(n=3, title="Light threads").replace("# 3.", "# 2."),
        "docs/adr/security/001-map-permissions.md": NYGARD.format(n=4, title="Map permissions").replace("# 4.", "# 1."),
    })
    (finding, summary) = decide("check", cwd=root).stdout.splitlines()
    assert finding == (
        "docs/adr/0001-trace-namespaces.md: error: number 1 is also used by docs/adr/clients/0001-one-config-path.md "
        "and docs/adr/security/001-map-permissions.md; give those free numbers with `decide adr renumber "
        "0001-one-config-path.md --to 3` and `decide adr renumber 001-map-permissions.md --to 4`, or, where each "
        "of docs/adr/clients/ and docs/adr/security/ numbers its own records, put an `.adr-dir` holding `.` in each")
    for folder in ("clients", "security"):
        (root / "docs/adr" / folder / ".adr-dir").write_text(".\n")
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]


# A German team's records named by their day, beside the older folder it wrote its first record in.
GERMAN_DAYS = "# {title}\n\n- Status: angenommen\n- Datum: {day}\n\n## Kontext\n\nWarum.\n\n## Entscheidung\n\nDas.\n"


def test_of_two_folders_holding_records_the_one_holding_more_is_read_and_check_names_the_other(decide, tmp_path):
    days = {"qualitaetsgates-ci": "2026-09-09", "kein-scraping": "2026-09-17", "schichtenmodell": "2026-09-29"}
    root = _repo(tmp_path, {
        "docs/decisions/001-modulgrenzen.md": GERMAN_DAYS.format(title="Modulgrenzen", day="2025-11-02"),
        **{f"docs/adr/{day.replace('-', '')}-{slug}.md": GERMAN_DAYS.format(title=slug, day=day)
           for slug, day in days.items()}})
    assert [r["path"] for r in listed_adrs(decide, root)] == [
        "docs/adr/20260909-qualitaetsgates-ci.md", "docs/adr/20260917-kein-scraping.md",
        "docs/adr/20260929-schichtenmodell.md"]
    assert decide("check", cwd=root).stdout.splitlines() == [
        "docs/decisions: warning: holds 1 record(s) too, not read: decisionbook reads docs/adr, which holds more "
        '(3); to read this folder instead, name it in decisionbook.toml: [paths] decisions = "docs/decisions"',
        "0 error(s), 1 warning(s)"]
    made = decide("adr", "new", "Kein Cache", "--no-edit", "--date", "2026-12-01", cwd=root)
    assert made.stdout.strip() == "docs/adr/20261201-kein-cache.md", made.output
    (root / "decisionbook.toml").write_text('[paths]\ndecisions = "docs/decisions"\n')
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/decisions/001-modulgrenzen.md"]
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]


def test_of_two_folders_holding_as_many_records_the_one_looked_in_first_is_read(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0001-a.md": NYGARD.format(n=1, title="A"),
                            "docs/decisions/0001-b.md": NYGARD.format(n=1, title="B")})
    assert [r["path"] for r in listed_adrs(decide, root)] == ["docs/decisions/0001-b.md"]
    assert decide("check", cwd=root).stdout.splitlines()[0] == (
        "docs/adr: warning: holds 1 record(s) too, not read: decisionbook reads docs/decisions, looked in first (1); "
        'to read this folder instead, name it in decisionbook.toml: [paths] decisions = "docs/adr"')


def test_architecture_decisions_at_the_top_is_found_as_adr_tools_teams_keep_it(decide, tmp_path):
    # NERC-CEH's datalab keeps `architecture/decisions/`, adr-tools' records in a folder of architecture notes:
    # `adr list` found no folder there and listed nothing.
    record = "# {n}. {title}\n\nDate: 2017-11-04\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    for folder in ("architecture/decisions", "architecture/adr"):
        root = _repo(tmp_path / folder.replace("/", "-"), {
            f"{folder}/0001-record-architecture-decisions.md": record.format(n=1, title="Record decisions"),
            f"{folder}/0002-use-redbird.md": record.format(n=2, title="Use Redbird"),
            "architecture/overview.md": "# Overview\n\nThe parts.\n",
        })
        assert [(r["number"], r["path"]) for r in listed_adrs(decide, root)] == [
            (1, f"{folder}/0001-record-architecture-decisions.md"), (2, f"{folder}/0002-use-redbird.md")]


# ownCloud's records: pages of a Hugo site titled by their front matter, with no title heading, each naming its
# own file for the site's edit link.
OCIS = ('---\ntitle: "{n}. {title}"\ndate: 2024-03-{n}T15:30:00+01:00\nweight: {n}\n'
        "geekdocRepo: https://github.com/owncloud/ocis\ngeekdocEditPath: edit/master/docs/ocis/adr\n"
        "geekdocFilePath: {name}\n---\n\n* Status: accepted\n* Deciders: @butonic\n* Date: 2024-03-{n}\n\n"
        "## Context and Problem Statement\n\nWhy.\n")


def test_a_new_record_in_a_site_titled_by_front_matter_is_titled_there_and_names_its_own_file(decide, tmp_path):
    names = {n: f"00{n}-record-{n}.md" for n in (28, 29, 30)}
    root = _repo(tmp_path, {f"docs/ocis/adr/{name}": OCIS.format(n=n, title=f"Record {n}", name=name)
                            for n, name in names.items()})
    assert decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root).exit_code == 0
    written = (root / "docs/ocis/adr/0031-use-a-queue.md").read_text()
    assert written.startswith(
        '---\ntitle: "31. Use a queue"\nweight: 31\ngeekdocRepo: https://github.com/owncloud/ocis\n'
        "geekdocEditPath: edit/master/docs/ocis/adr\ngeekdocFilePath: 0031-use-a-queue.md\n---\n\n"
        "* Status: proposed\n"), written
    assert "\n# " not in written  # the site shows the front matter's title: a heading would show it twice
    assert [r["title"] for r in listed_adrs(decide, root)][-1] == "Use a queue"
