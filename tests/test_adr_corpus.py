"""A corpus of ADRs in the shapes public collections use: every record found, read and edited in its form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import git, listed_adrs, repository_with

from toolkit.actions.adrs import adr_files
from toolkit.records import adr, adr_words
from toolkit.records.adr_words import status_words

CORPUS = Path(__file__).parent / "fixtures" / "adr_corpus"
TEAM = adr.ReadOptions(statuses=(("umgesetzt", "accepted"),))

# file: (status, status_raw, date, date_raw, title, form)
EXPECTED = {
    "0001-record-architecture-decisions.md":
        ("accepted", "Accepted", "2018-03-12", "2018-03-12", "Record architecture decisions", "nygard"),
    "0002-keep-orders-in-postgres.md":
        ("accepted", "accepted", "2021-10-05", "2021-10-5", "Keep orders in PostgreSQL", "madr"),
    "0003-send-mail-through-a-queue.md":
        ("superseded", "superseded by [ADR-0007](TEAM-ADR-0007-route-mail-through-the-gateway.md)", "2020-11-09",
         "2020-Nov-09", "Send mail through a queue", "madr-bullets"),
    "ADR-0004-cache-product-pages.md":
        ("accepted", "Approved", "2022-08-10", "10 August 2022", "Cache product pages at the edge", "bold"),
    "adr-005-split-the-search-index.md":
        ("proposed", "Under review", "2020-06-01", "01.06.2020", "Split the search index by region", "bold"),
    "ADR_006_retire-the-soap-api.md":
        ("superseded", "Partly superseded by [ADR-0009](0009-publish-events-with-an-outbox.md)", "2022-05-13",
         "20220513", "Retire the SOAP API", "bold"),
    "TEAM-ADR-0007-route-mail-through-the-gateway.md":
        ("accepted", "Accepted ✅", "2024-05-22", "2024-05-22 (back dated)", "Route mail through the gateway", "table"),
    "0008-use-grpc-between-services.md":
        ("rejected", "Declined", "2019-07-01", "2019-07-01", "Use gRPC between services", "nygard"),
    "0009-publish-events-with-an-outbox.md":
        ("accepted", "Accepted", "2025-02-17", "2025-02-17", "Publish events with an outbox table", "bold"),
    "0010-freeze-the-mobile-release-train.md":
        ("On hold", "On hold", "2023-03-04", "2023-03-04", "Freeze the mobile release train", "field"),
    "0011-adopt-feature-flags.md":
        ("proposed", "Proposed", "2022-03-03", "March 3, 2022", "Adopt feature flags", "nygard"),
    "0012-drop-the-legacy-reports.md":
        ("deprecated", "Obsolete", "2017-09-30", "2017-09-30", "Drop the legacy reports", "field"),
    "0013-one-repository-per-team.md":
        ("accepted", "🟢 **Agreed**", "2021-01-04", "2021-01-04", "One repository per team", "nygard"),
    "0014-log-in-json.md":
        ("accepted", "Amended by [17. Keep request ids in every log line](17-keep-request-ids-in-every-log-line.markdown)",
         "2019-02-11", "2019-02-11", "Log in JSON", "nygard"),
    "0015-store-times-in-utc.md":
        ("accepted", "Accepted", None, "05/02/2018", "Store times in UTC", "nygard"),
    "17-keep-request-ids-in-every-log-line.markdown":
        ("accepted", "Accepted", "2019-03-01", "2019-03-01", "Keep request ids in every log line", "nygard"),
    "018-pin-base-images.md":
        ("deprecated", "deprecated", "2022-12-01", "2022-12-01", "Pin base images by digest", "madr-bullets"),
    "security/0019-rotate-keys-every-ninety-days.md":
        ("accepted", "Accepted", "2023-06-30", "2023-06-30", "Rotate keys every ninety days", "nygard"),
    "0020-no-title-heading.md":
        ("rejected", "Rejected", "2020-01-15", "2020-01-15", "No title heading", "nygard"),
    "0021-run-migrations-before-deploys.md":
        ("accepted", "accepted", "2021-05-06", "2021-05-06", "Run migrations before deploys", "madr-bullets"),
    "ADR-0022-build-once-deploy-everywhere.md":
        ("proposed", "Proposed", "2024-11-02", "2024-11-02", "Build once, deploy everywhere", "bold"),
    "0023-keep-secrets-in-the-vault.md":
        ("accepted", "Umgesetzt", "2023-02-02", "02.02.2023", "Keep secrets in the vault", "bold"),
    "0024-write-the-api-first.md":
        ("accepted", "Accepted", "2024-02-29", "2024-02-29", "Write the API first", "nygard"),
    "0025-horizontal-rule-first.md":
        ("accepted", "Implemented in [the platform repository][impl]", None, None,
         "Keep a horizontal rule above the title", "bold"),
    "0026-choose-a-message-broker.md":
        (None, "[ proposed | accepted | rejected ]", None, "[YYYY-MM-DD when the decision was last updated]",
         "Choose a message broker", "madr-bullets"),
    "0027-split-reads-from-writes.md":
        ("accepted", "Accepted", "2024-03-18", "2024-03-18", "Split reads from writes", "table"),
    "0028-build-on-arm-runners.md":
        ("accepted", "[![ADR status](https://badgen.net/badge/ADR/approved/green/)](README.md)", None, None,
         "Build on ARM runners", "nygard"),
    "0029-share-one-schema.md":
        ("accepted", "Accepted", "2024-06-03", "2024-06-03 (open for six weeks)", "Share one schema between the services",
         "bold"),
    "0030-drop-the-nightly-export.md":
        ("rejected", "![status](https://img.shields.io/badge/status-rejected-red)", "2023-09-12", "2023-09-12",
         "Drop the nightly export", "field"),
    "adr031-publish-domain-events.md":
        ("accepted", "Accepted", "2022-04-01", "2022-04-01", "Publish domain events", "nygard"),
    "0032-render-pages-at-the-edge.md":
        ("accepted", "decided", "2025-07-02", "2025-07-02T16:05:00+00:00", "Render pages at the edge", "madr"),
    "0033-cache-search-results.md":
        ("draft", "Draft", "2026-01-20", "2026-01-20", "Cache search results", "madr"),
    "0034-choose-the-job-runner.md":
        ("accepted", "Accepted", "2023-05-09", "2023-05-09", "Choose the job runner", "nygard"),
    "0035-keep-one-log-format.md":
        ("rejected", "Rejected", "2022-03-03", "2022-03-03", "Keep one log format", "nygard"),
    "0036-version-the-public-api.md":
        ("accepted", "Accepted", "2025-10-23", "2025-10-23", "Version the public API", "table"),
    "0037-pin-the-node-version.md":
        ("accepted", "Accepted", "2024-01-08", "2024-01-08", "Pin the Node.js version", "table"),
    "0038-serve-images-from-the-cdn.md":
        ("accepted", "Proposed -> Accepted", "2021-02-03", "2021-02-03", "Serve images from the CDN", "field"),
    "0039-write-changelogs-by-hand.md":
        ("rejected", "~~Proposed~~ Rejected", "2020-08-19", "2020-08-19", "Write changelogs by hand", "nygard"),
    # A table of other records under the title is not this record's metadata.
    "0040-split-the-monolith.md":
        ("proposed", "Proposed", None, None, "Split the monolith", "nygard"),
    "0041-page-the-owner-first.md":
        ("accepted", "Accepted", "2024-03-14", "14 March 2024", "Page the owning team first", "nygard"),
    "0042-render-charts-on-the-server.md":
        ("superseded", "superseded by [ADR-0043](0043-render-charts-in-the-browser.md)", "2022-04-11", "2022-04-11",
         "Render charts on the server", "madr"),
    "0043-render-charts-in-the-browser.md":
        ("accepted", "accepted", "2023-09-28", "2023-09-28", "Render charts in the browser", "madr"),
    "0044-settle-trades-at-fixed-hours.md":
        ("accepted", "Active", "2022-01-20", "20/01/2022", "Settle trades at fixed hours", "field"),
    "0045-queue-jobs-in-redis.md":
        ("superseded", "superseded", "2023-03-03", "03-Mar-2023", "Queue jobs in Redis", "madr"),
    "0046-queue-jobs-in-postgres.md":
        ("accepted", "accepted", "2023-11-14", "14-Nov-2023", "Queue jobs in Postgres", "madr"),
    "0047-sign-webhooks.md":
        ("superseded", "superseded", "2023-02-10", "2023-02-10", "Sign webhooks", "madr"),
    "0048-archive-raw-events.md":
        ("accepted", "Accepted", "2024-06-03", "2024-06-03", "Archive raw events after ninety days", "madr"),
    "0049-keep-secrets-in-the-vault.md":
        ("accepted", "Accepted", "2022-11-08", "2022-11-08", "Keep secrets in the vault", "bold"),
    "0050-keep-secrets-in-ci-variables.md":
        ("superseded", "Superseded by", "2020-05-11", "2020-05-11", "Keep secrets in CI variables", "bold"),
    "0051-expire-sessions-after-a-day.md":
        ("accepted", "Accepted", "2023-04-02", "2023-04-02", "Expire sessions after a day", "nygard"),
    "0052-expire-admin-sessions-sooner.md":
        ("accepted", "Accepted", "2023-09-19", "2023-09-19", "Expire admin sessions sooner", "nygard"),
    # Records written in German, French and Spanish.
    "0053-quellen-taeglich-abrufen.md":
        ("accepted", "akzeptiert", "2025-08-18", "2025-08-18", "Quellen täglich abrufen", "field"),
    "0054-sitzungen-im-cache-halten.md":
        ("superseded", "Ersetzt durch [ADR-0051](0051-expire-sessions-after-a-day.md)", "2022-07-28", "28. Juli 2022",
         "Sitzungen im Cache halten", "bold"),
    "0055-utiliser-postgresql.md":
        ("accepted", "Accepté", "2021-03-12", "12 mars 2021", "Utiliser PostgreSQL", "madr-bullets"),
    "0056-usar-colas-para-los-correos.md":
        ("proposed", "Propuesto", "2022-03-03", "3 de marzo de 2022", "Usar colas para los correos", "madr-bullets"),
    "10000-number-beyond-four-digits.md":
        ("proposed", "proposed", "2026-01-15", "2026-01-15", "Number beyond four digits", "madr"),
    "20210304-use-log4brains-for-the-knowledge-base.md":
        ("accepted", "accepted", "2021-03-04", "2021-03-04", "Use Log4brains for the knowledge base", "madr-bullets"),
}


@pytest.mark.parametrize(
    "name, record",
    [("0039-use-a-template-engine.md", True), ("0000-adr-template.md", False), ("template.md", False),
     ("adr-template.md", False), ("0007-template.md", False), ("xxxx-template.md", False), ("README.md", False),
     ("2-x.markdown", True), ("TEAM-ADR-0002-x.md", True), ("ADR_001_x.md", True), ("notes.txt", False),
     ("000-index.md", False), ("0000-README.md", False), ("0-adr-index.md", False), ("0001-index.md", True),
     ("adr001-x.md", True), ("ADR001_x.md", True), ("adr000-template.md", False),
     ("0012-build-a-search-index.md", True), ("ADR-000-索引.md", False), ("000-inhalt.md", False),
     ("0001-索引.md", True)],
)
def test_record_file_names(name, record):
    from toolkit.records.adr_words import is_record_file

    assert is_record_file(name) is record


def test_every_record_file_is_found_and_nothing_else():
    found = sorted(p.relative_to(CORPUS).as_posix() for p in adr_files(CORPUS))
    assert found == sorted(EXPECTED)  # README.md, index.md, 000-index.md and the templates are not records


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_record_reads_status_date_title_and_form(name):
    path = CORPUS / name
    record = adr.parse(path.read_bytes(), path, name, TEAM)
    got = (record.status, record.status_raw, record.date, record.date_raw, record.title, record.form)
    assert got == EXPECTED[name]


def test_relations_written_as_status_lines_bullets_and_table_rows():
    def read(name):
        return adr.parse((CORPUS / name).read_bytes(), CORPUS / name, name)

    assert read("0003-send-mail-through-a-queue.md").superseded_by == "7"
    assert read("ADR_006_retire-the-soap-api.md").superseded_by == "9"
    assert read("TEAM-ADR-0007-route-mail-through-the-gateway.md").supersedes == ("3",)
    assert [(x.relation, x.target) for x in read("0014-log-in-json.md").links] == [("amended by", "17")]
    assert [(x.relation, x.target) for x in read("17-keep-request-ids-in-every-log-line.markdown").links] == [("amends", "14")]
    # Front matter holds the status; the relations are lines under the title and a Links section.
    browser = read("0043-render-charts-in-the-browser.md")
    assert browser.supersedes == ("42",) and read("0042-render-charts-on-the-server.md").superseded_by == "43"
    assert [(x.relation, x.target) for x in browser.links] == [("relates to", "42")]
    # Fields under an `adr:` key (mkdocs-material-adr), and relation keys other tools write.
    redis, postgres = read("0045-queue-jobs-in-redis.md"), read("0046-queue-jobs-in-postgres.md")
    assert redis.superseded_by == "46" and redis.decision_makers == ("Lena Park",)
    assert [(x.relation, x.target) for x in postgres.links] == [("extends", "45")]
    assert read("0047-sign-webhooks.md").superseded_by == "46"
    # A status whose successor wraps onto the next line of its paragraph.
    assert read("0050-keep-secrets-in-ci-variables.md").superseded_by == "49"
    # A relation line that goes on in words after its link.
    assert [(x.relation, x.target) for x in read("0051-expire-sessions-after-a-day.md").links] == [("amended by", "52")]
    assert [(x.relation, x.target) for x in read("0052-expire-admin-sessions-sooner.md").links] == [("amends", "51")]
    custom = read("0021-run-migrations-before-deploys.md")
    assert [(x.relation, x.target) for x in custom.links] == [("clarified by", "2")]
    assert [f.message for f in custom.findings] == [
        "relation 'clarified by' is not one decisionbook knows; kept as a link",
        "the title says 12, the file name 21",
    ]


def test_unknown_phrase_and_ambiguous_date_each_warn_once_naming_the_key():
    record = adr.parse((CORPUS / "0010-freeze-the-mobile-release-train.md").read_bytes(), CORPUS / "x.md", "x.md")
    assert [(f.line, f.message) for f in record.findings] == [
        (3, "unknown status 'On hold'; decisionbook knows draft, proposed, accepted, rejected, deprecated, "
            'superseded; map it to the one it means in decisionbook.toml under [adr.statuses]: "on hold" = "..."'),
    ]
    record = adr.parse((CORPUS / "0015-store-times-in-utc.md").read_bytes(), CORPUS / "x.md", "x.md")
    assert record.date is None and len(record.findings) == 1
    assert "[adr] date-order" in record.findings[0].message and record.findings[0].line == 3
    day_first = adr.ReadOptions(date_order="day-first")
    month_first = adr.ReadOptions(date_order="month-first")
    data = (CORPUS / "0015-store-times-in-utc.md").read_bytes()
    assert adr.parse(data, CORPUS / "x.md", "x.md", day_first).date == "2018-02-05"
    assert adr.parse(data, CORPUS / "x.md", "x.md", month_first).date == "2018-05-02"


@pytest.mark.parametrize(
    "raw, iso",
    [("2021-10-5", "2021-10-05"), ("01.06.2020", "2020-06-01"), ("10 August 2022", "2022-08-10"),
     ("2020-Nov-09", "2020-11-09"), ("20220513", "2022-05-13"), ("2024-05-22 (back dated)", "2024-05-22"),
     ("August 10th, 2022", "2022-08-10"), ("2022-08-10T09:30:00Z", "2022-08-10"), ("25/12/2019", "2019-12-25"),
     ("12/25/2019", "2019-12-25"), ("2024-14-02", "2024-02-14"), ("unknown", None), ("2019-02-30", None),
     ("28. Juli 2026", "2026-07-28"), ("1er février 2020", "2020-02-01"), ("3 de marzo de 2022", "2022-03-03"),
     ("4 januari 2023", "2023-01-04"), ("5 déc. 2020", "2020-12-05"), ("Periodic 3 2020", None)],
)
def test_date_forms(raw, iso):
    from toolkit.records.adr_words import iso_date

    assert iso_date(raw) == iso


@pytest.mark.parametrize(
    "raw, status",
    [("Partly superseded", "superseded"), ("On hold", "On hold"), ("Under review", "proposed"),
     ("**Accepted**", "accepted"), ("✅ Accepted (2020-01-01)", "accepted"), ("[Accepted](#status)", "accepted"),
     ("Proposed, awaiting the security review", "proposed"), ("pending", "proposed"), ("Declined", "rejected"),
     ("Retired", "deprecated"), ("ACCEPTED", "accepted"), ("Superseded by ADR-0014 (the parts)", "superseded"),
     ("![Proposed](badges/adr.svg)", "proposed"),
     ("![status](https://img.shields.io/badge/status-under_review-blue)", "proposed"),
     ("[![ADR](https://badgen.net/badge/ADR/deprecated/grey)](README.md)", "deprecated"),
     ("![status](rejected.svg)", "rejected"), ("~~Proposed~~ Accepted", "accepted"),
     ("Proposed -> Accepted (2021-02-03)", "accepted"),
     ("Proposed → Accepted → Superseded by [ADR-9](0009-x.md)", "superseded"),
     ("Angenommen", "accepted"), ("In Prüfung", "proposed"), ("Veraltet", "deprecated"), ("Rejetée", "rejected"),
     ("Remplacé par [ADR-9](0009-x.md)", "superseded"), ("Aprobada", "accepted"), ("Substituído por ADR-9", "superseded"),
     ("Voorgesteld", "proposed")],
)
def test_status_phrases_are_read_by_their_words(raw, status):
    from toolkit.records.adr_words import read_status

    assert read_status(raw)[0] == status


@pytest.mark.parametrize(
    "heading, title",
    [("12. Title", "Title"), ("ADR-0012: Title", "Title"), ("ADR 12: Title", "Title"), ("ADR-0012 Title", "Title"),
     ("12 Title", "Title"), ("ADR 0002 — Title", "Title"), ("0010 · Title", "Title"), ("Title", "Title")],
)
def test_numbered_titles(heading, title):
    from toolkit.records.adr_words import split_title

    assert split_title(heading)[1] == title


def _team_folder(tmp_path: Path, inside: str = "docs/adr") -> Path:
    root = tmp_path / "team"
    shutil.copytree(CORPUS, root / inside)
    return root


def test_a_folder_of_adrs_outside_git_is_a_read_only_workspace(decide, tmp_path):
    root = _team_folder(tmp_path)
    listed = decide("-v", "adr", "list", "--format", "json", cwd=root)
    assert listed.exit_code == 0, listed.output
    assert listed.stderr == "ADR folder: docs/adr (read only: no git repository or decisionbook.toml)\n"
    rows = json.loads(listed.stdout)
    assert sorted(r["path"] for r in rows) == sorted(f"docs/adr/{name}" for name in EXPECTED)
    assert [r["number"] for r in rows][-2:] == [10000, None]
    check = decide("check", cwd=root)
    assert check.exit_code == 0, check.output  # warnings only, on a folder as its team keeps it
    refused = decide("adr", "new", "Anything", "--no-edit", cwd=root)
    assert refused.exit_code == 2 and "run `decide init`" in refused.stderr
    assert decide("adr", "list", cwd=root / "docs" / "adr").exit_code == 0


def test_team_statuses_and_date_order_from_decisionbook_toml(decide, tmp_path):
    root = _team_folder(tmp_path, "records")
    (root / "decisionbook.toml").write_text(
        '[adr]\ndir = "records"\ndate-order = "day-first"\n\n[adr.statuses]\n"On hold" = "deprecated"\n'
    )
    rows = {r["key"]: r for r in listed_adrs(decide, root)}
    assert rows["15"]["date"] == "2018-02-05" and rows["15"]["date_raw"] == "05/02/2018"
    assert rows["10"]["status"] == "deprecated" and rows["10"]["status_raw"] == "On hold"
    (root / "decisionbook.toml").write_text('[adr.statuses]\nparked = "shelved"\n')
    bad = decide("adr", "list", cwd=root)
    assert bad.exit_code == 2 and "[adr.statuses] 'parked' must map to one of" in bad.stderr


# One record of each form, superseded by a new ADR: its file changes only in its status words.
FORMS = {
    "nygard": "0001-record-architecture-decisions.md",
    "madr": "0002-keep-orders-in-postgres.md",
    "bold": "ADR-0004-cache-product-pages.md",
    "bold, several fields on one line": "0009-publish-events-with-an-outbox.md",
    "bare line": "0010-freeze-the-mobile-release-train.md",
    "front matter without status over a Status section": "0011-adopt-feature-flags.md",
    "heading level 1": "0008-use-grpc-between-services.md",
    "heading with its value": "0024-write-the-api-first.md",
    "table row": "TEAM-ADR-0007-route-mail-through-the-gateway.md",
    "table with a header row of field names": "0027-split-reads-from-writes.md",
    "badge": "0028-build-on-arm-runners.md",
    "badge on a bare line": "0030-drop-the-nightly-export.md",
    "history with arrows": "0038-serve-images-from-the-cdn.md",
    "history struck through": "0039-write-changelogs-by-hand.md",
    "bold line as a heading": "0041-page-the-owner-first.md",
    "bullets": "018-pin-base-images.md",
    "blockquote bold": "0023-keep-secrets-in-the-vault.md",
    "CRLF bold": "ADR-0022-build-once-deploy-everywhere.md",
    "category subfolder": "security/0019-rotate-keys-every-ninety-days.md",
}


def test_superseding_one_record_of_each_form_changes_only_its_status_words(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "corpus")
    folder = root / "docs" / "adr"
    for form, name in FORMS.items():
        before = (folder / name).read_bytes()
        number = adr.file_key(Path(name).name)
        result = decide("adr", "new", f"Replace {number}", "--supersedes", number, "--template", "madr",
                        "--no-edit", "--date", "2026-11-30", cwd=root)
        assert result.exit_code == 0, (form, result.output)
        after = (folder / name).read_bytes()
        old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
        changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
        record = adr.parse(before, folder / name, name)
        reread = adr.parse(after, folder / name, name)
        # MADR's date is the day of its last change (ADR 0074), as is a `Last updated:` field: they move too;
        # other forms keep theirs.
        assert (reread.date != record.date) == (form in ("madr", "bullets", "bare line")), form
        if reread.date != record.date:
            assert reread.date == "2026-11-30", form
            dated = [pair for pair in changed if record.date_raw.encode() in pair[0]]
            moved = [old.replace(record.date_raw.encode(), b"2026-11-30") for old, _ in dated]
            assert [new for _, new in dated] == moved
            changed = [pair for pair in changed if pair not in dated]
        assert len(changed) == 1, form
        old, new = changed[0]
        assert old.decode().replace(record.status_raw, reread.status_raw, 1) == new.decode(), form
        assert reread.status == "superseded" and reread.superseded_by is not None, form
        assert reread.form == record.form, form
        # Where the record keeps a history of its statuses, every word of it stays.
        if any(mark in record.status_raw for mark in ("->", "→", "~~")):
            assert set(status_words(record.status_raw).split()) <= set(status_words(reread.status_raw).split()), form


def test_superseding_an_already_superseded_adr_is_refused_unless_forced(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    before = (root / "docs/adr/0003-send-mail-through-a-queue.md").read_bytes()
    refused = decide("adr", "new", "Mail again", "--supersedes", "3", "--no-edit", cwd=root)
    assert refused.exit_code == 2
    assert "ADR-0003 is already superseded by ADR 7" in refused.stderr
    assert (root / "docs/adr/0003-send-mail-through-a-queue.md").read_bytes() == before
    assert not list((root / "docs/adr").glob("*mail-again*"))
    again = decide("adr", "status", "3", "superseded", "--by", "9", cwd=root)
    assert again.exit_code == 2 and "already superseded by ADR 7" in again.stderr
    forced = decide("adr", "new", "Mail again", "--supersedes", "3", "--no-edit", "--force", cwd=root)
    assert forced.exit_code == 0, forced.output
    text = (root / "docs/adr/0003-send-mail-through-a-queue.md").read_text()
    assert text.lower().count("superseded by") == 1 and "10001-mail-again.md" in text


@pytest.mark.parametrize(
    "name, status, before, after",
    [
        ("ADR-0004-cache-product-pages.md", "deprecated",
         ["**Status:** Approved"], ["**Status:** Deprecated"]),
        ("0009-publish-events-with-an-outbox.md", "deprecated",
         ["**Status:** Accepted | **Date:** 2025-02-17 | **Deciders:** ana"],
         ["**Status:** Deprecated | **Date:** 2025-02-17 | **Deciders:** ana"]),
        ("TEAM-ADR-0007-route-mail-through-the-gateway.md", "deprecated",
         ["| Status | Accepted ✅ |"], ["| Status | Deprecated |"]),
        ("0008-use-grpc-between-services.md", "proposed", ["Declined"], ["Proposed"]),
        ("0027-split-reads-from-writes.md", "deprecated", ["| Accepted | 2024-03-18 | @ana      |"],
         ["| Deprecated | 2024-03-18 | @ana      |"]),
        # A date the front matter names as other tools do: set where it is, or added beside a creation date.
        ("0033-cache-search-results.md", "proposed", ["status: Draft", 'last_updated: "2026-01-20"'],
         ["status: Proposed", 'last_updated: "2026-11-30"']),
        ("0032-render-pages-at-the-edge.md", "deprecated", ["status: decided"], ["status: deprecated", "date: 2026-11-30"]),
        # A list of choices: the new one is checked, the old one no longer.
        ("0034-choose-the-job-runner.md", "deprecated", ["- [x] Accepted", "- [ ] Deprecated"],
         ["- [ ] Accepted", "- [x] Deprecated"]),
        ("0035-keep-one-log-format.md", "proposed", ["| Rejected | 2022-03-03 |"], ["| Proposed | 2022-03-03 |"]),
        # Fields under the plugin's `adr:` mapping: its own `created` day stays, and no other date is added.
        ("0046-queue-jobs-in-postgres.md", "deprecated", ["    status: accepted  # moved after the outage review"],
         ["    status: deprecated  # moved after the outage review"]),
        # Front-matter keys as the team capitalises them, and labels in italics.
        ("0048-archive-raw-events.md", "deprecated", ["Status: Accepted", "Date: 2024-06-03"],
         ["Status: Deprecated", "Date: 2026-11-30"]),
        ("0049-keep-secrets-in-the-vault.md", "deprecated", ["*Status:* Accepted"], ["*Status:* Deprecated"]),
        # Fields in other languages, in words of the record's language, a day in its month's language; fields
        # parted by a middle dot.
        ("0053-quellen-taeglich-abrufen.md", "deprecated", ["Datum: 2025-08-18 · Status: akzeptiert · Ergänzt ADR-0052"],
         ["Datum: 2025-08-18 · Status: veraltet · Ergänzt ADR-0052"]),
        ("0055-utiliser-postgresql.md", "deprecated", ["- Statut : Accepté", "- Date : 12 mars 2021"],
         ["- Statut : Obsolète", "- Date : 30 novembre 2026"]),
        ("0056-usar-colas-para-los-correos.md", "accepted", ["* Estado: Propuesto", "* Fecha: 3 de marzo de 2022"],
         ["* Estado: Aceptado", "* Fecha: 30 de noviembre de 2026"]),
        # Fields in a code block under the title are edited there; a later block is not theirs.
        ("0044-settle-trades-at-fixed-hours.md", "deprecated", ["Status: Active"], ["Status: Deprecated"]),
        # A status that keeps its history keeps it.
        ("0038-serve-images-from-the-cdn.md", "deprecated", ["Status: Proposed -> Accepted"],
         ["Status: Proposed -> Accepted -> Deprecated"]),
        ("0039-write-changelogs-by-hand.md", "proposed", ["~~Proposed~~ Rejected"],
         ["~~Proposed~~ ~~Rejected~~ Proposed"]),
        # A date field says when the decision was taken: a later change keeps it, accepting sets it.
        ("0029-share-one-schema.md", "deprecated", ["**Status:** Accepted"], ["**Status:** Deprecated"]),
        ("adr-005-split-the-search-index.md", "accepted",
         ["**Status**: Under review", "**Date**: 01.06.2020"], ["**Status**: Accepted", "**Date**: 30.11.2026"]),
    ],
)
def test_status_changes_replace_only_the_status_and_date_words(decide, tmp_path, name, status, before, after):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / name
    old = path.read_text().splitlines()
    result = decide("adr", "status", adr.file_key(name), status, "--date", "2026-11-30", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    new = path.read_text().splitlines()
    assert [line for line in old if line not in new] == before
    assert [line for line in new if line not in old] == after


def test_changing_the_team_settings_changes_a_cached_listing(decide, tmp_path):
    root = tmp_path / "repo"
    (root / "decisions").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "decisions" / "0001-freeze.md").write_text("# 1. Freeze\n\nDate: 05/02/2018\n\n## Status\n\nOn hold\n")

    def row():
        return listed_adrs(decide, root)[0]

    assert (row()["status"], row()["date"]) == ("On hold", None)
    (root / "decisionbook.toml").write_text('[adr]\ndate-order = "day-first"\n\n[adr.statuses]\n"on hold" = "deprecated"\n')
    assert (row()["status"], row()["date"]) == ("deprecated", "2018-02-05")


def test_links_of_a_record_whose_table_has_a_header_row_go_below_the_table(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0027-split-reads-from-writes.md"
    before = path.read_text().splitlines()
    assert decide("adr", "link", "27", "relates-to", "24", cwd=root).exit_code == 0
    assert decide("adr", "link", "27", "amends", "29", cwd=root).exit_code == 0
    after = path.read_text().splitlines()
    assert after[:5] == before[:5]  # title and table as they were: a row in the table would break it
    assert after[5:8] == ["", "Relates to: [ADR-0024](0024-write-the-api-first.md)",
                          "Amends: [ADR-0029](0029-share-one-schema.md)"]
    assert after[8:] == before[5:]
    shown = json.loads(decide("adr", "show", "27", "--format", "json", cwd=root).stdout)
    assert (shown["status"], shown["date"]) == ("accepted", "2024-03-18")
    assert [(link["relation"], link["adr"]) for link in shown["links"]] == [("relates to", "24"), ("amends", "29")]
    other = json.loads(decide("adr", "show", "29", "--format", "json", cwd=root).stdout)
    assert [(link["relation"], link["adr"]) for link in other["links"]] == [("amended by", "27")]
    # `## Status: Accepted`: the reverse link goes under that heading, and is read from there.
    api = json.loads(decide("adr", "show", "24", "--format", "json", cwd=root).stdout)
    assert api["status"] == "accepted"
    assert [(link["relation"], link["adr"]) for link in api["links"]] == [("relates to", "27")]
    assert decide("check", cwd=root).exit_code == 0


def test_a_list_of_choices_says_its_status_by_the_checked_one(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0034-choose-the-job-runner.md"
    text = path.read_text()
    path.write_text(text.replace("- [x] Accepted", "- [ ] Accepted"))
    assert adr.parse(path.read_bytes(), path, path.name).status is None  # no choice made yet: no status
    assert decide("adr", "status", "34", "accepted", "--date", "2026-11-29", "--force", cwd=root).exit_code == 0
    assert path.read_text() == text.replace("2023-05-09", "2026-11-29")  # checked again, nothing else changed
    rejected = decide("adr", "status", "34", "rejected", "--date", "2026-11-30", "--force", cwd=root)
    assert rejected.exit_code == 0, rejected.output
    lines = path.read_text().splitlines()
    assert lines[6:11] == ["- [ ] Proposed", "- [ ] Accepted", "- [ ] Deprecated", "- [ ] Superseded", "- [x] Rejected"]
    replaced = decide("adr", "new", "Run jobs on the queue", "--supersedes", "34", "--no-edit", "--force", cwd=root)
    assert replaced.exit_code == 0, replaced.output
    lines = path.read_text().splitlines()
    # The link is written as most of the folder's links to records are: `[ADR-0043](0043-x.md)`.
    assert lines[6:11] == ["- [ ] Proposed", "- [ ] Accepted", "- [ ] Deprecated",
                           "- [x] Superseded by [ADR-10001](10001-run-jobs-on-the-queue.md)", "- [ ] Rejected"]
    record = adr.parse(path.read_bytes(), path, path.name)
    assert (record.status, record.superseded_by) == ("superseded", "10001")


def test_a_checklist_of_follow_ups_is_not_a_status():
    text = "# 41. Rotate the tokens\n\n## Status\n\nAccepted\n\n- [x] Reviewed by security\n- [ ] Announced\n"
    record = adr.parse(text.encode(), Path("0041-rotate-the-tokens.md"), "0041-rotate-the-tokens.md")
    assert (record.status, record.status_raw, record.status_line) == ("accepted", "Accepted", 5)


def test_links_of_key_value_tables_are_rows_of_the_table(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    folder = root / "docs" / "adr"
    assert decide("adr", "link", "36", "amends", "37", cwd=root).exit_code == 0
    # A `Decision` row whose value is a status word is the status row; the new row follows it.
    assert (folder / "0036-version-the-public-api.md").read_text().splitlines()[11:14] == [
        "| Decision      | Accepted            |",
        "| Amends        | [ADR-0037](0037-pin-the-node-version.md) |",
        "| Decision date | 2025-10-23          |",
    ]
    # The status row is the table's header: the new row goes below the delimiter row, not into the header.
    assert (folder / "0037-pin-the-node-version.md").read_text().splitlines()[2:6] == [
        "| Decision status | Accepted   |",
        "|-----------------|------------|",
        "| Amended by      | [ADR-0036](0036-version-the-public-api.md) |",
        "| Date            | 2024-01-08 |",
    ]
    for key, links in (("36", [("amends", "37")]), ("37", [("amended by", "36")])):
        shown = json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)
        assert shown["status"] == "accepted"
        assert [(link["relation"], link["adr"]) for link in shown["links"]] == links


def test_a_bold_label_line_is_read_and_linked_as_a_heading(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0041-page-the-owner-first.md"
    before = path.read_text().splitlines()
    assert decide("adr", "link", "41", "relates-to", "38", cwd=root).exit_code == 0
    after = path.read_text().splitlines()
    assert after == [*before[:5], "", "Relates to [ADR-0038](0038-serve-images-from-the-cdn.md)", *before[5:]]
    shown = json.loads(decide("adr", "show", "41", "--format", "json", cwd=root).stdout)
    assert (shown["status"], shown["date"]) == ("accepted", "2024-03-14")
    assert [(link["relation"], link["adr"]) for link in shown["links"]] == [("relates to", "38")]


def test_every_link_below_a_status_line_at_the_end_is_read(decide, tmp_path):
    # The status line at the foot of the record: each link goes right under it, and the reader must
    # read the whole run of them, not the first four.
    root = tmp_path / "team"
    (root / "decisions").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "decisions" / "0001-one.md").write_text(
        "# 1. One\n\n## Context\n\nWhy.\n\n## Decision\n\nWe do it.\n\nDate: 2024-01-01\nStatus: Accepted\n")
    for n in range(2, 8):
        (root / "decisions" / f"000{n}-r{n}.md").write_text(f"# {n}. R{n}\n\n## Status\n\nAccepted\n")
        assert decide("adr", "link", "1", "relates-to", str(n), cwd=root).exit_code == 0
    shown = json.loads(decide("adr", "show", "1", "--format", "json", cwd=root).stdout)
    assert sorted(link["adr"] for link in shown["links"]) == ["2", "3", "4", "5", "6", "7"]
    assert decide("check", cwd=root).exit_code == 0


@pytest.mark.parametrize("name, target, at, line", [
    # Fields in a code block under the title: the link goes into the block.
    ("0044-settle-trades-at-fixed-hours.md", "38", 6, "Relates to: [ADR-0038](0038-serve-images-from-the-cdn.md)"),
    # `Superseded by` with its link on the next line: the link goes below both.
    ("0050-keep-secrets-in-ci-variables.md", "48", 4, "**Relates to**: [ADR-0048](0048-archive-raw-events.md)"),
])
def test_a_link_goes_where_the_record_keeps_its_fields_and_changes_nothing_else(decide, tmp_path, name, target, at, line):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / name
    key = adr.file_key(name)
    before = path.read_text().splitlines()
    shown_before = json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)
    assert decide("adr", "link", key, "relates-to", target, cwd=root).exit_code == 0
    assert path.read_text().splitlines() == [*before[:at], line, *before[at:]]
    shown = json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)
    assert [(x["relation"], x["adr"]) for x in shown["links"]] == [("relates to", target)]
    assert {k: v for k, v in shown.items() if k not in ("links", "related")} == {
        k: v for k, v in shown_before.items() if k not in ("links", "related")}


@pytest.mark.parametrize("text, date", [
    ("# 7. Usar filas\n\n* Status: Aceito\n* Data: 3 de março de 2022\n", "2022-03-03"),
    ("# 7. Usare code\n\nStato: Approvato\nData: 12 maggio 2021\n", "2021-05-12"),
    # In English `Data:` says what a record is about: it is no date, and the real one is read.
    ("# 7. Keep data\n\nStatus: Accepted\nData: customer records\nDate: 2021-01-02\n", "2021-01-02"),
])
def test_data_is_the_date_when_it_holds_one(text, date):
    record = adr.parse(text.encode(), Path("0007-x.md"), "0007-x.md")
    assert (record.status, record.date, record.findings) == ("accepted", date, ())


def test_a_record_kept_in_an_adr_mapping_is_superseded_as_its_plugin_writes_it(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0046-queue-jobs-in-postgres.md"
    old = path.read_text().splitlines()
    result = decide("adr", "new", "Queue jobs in Kafka", "--supersedes", "46", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    new = path.read_text().splitlines()
    assert [line for line in old if line not in new] == ["    status: accepted  # moved after the outage review"]
    assert [line for line in new if line not in old] == [
        "    status: superseded  # moved after the outage review", "    superseded_by: 10001-queue-jobs-in-kafka"]
    shown = json.loads(decide("adr", "show", "46", "--format", "json", cwd=root).stdout)
    assert (shown["status"], shown["superseded_by"]) == ("superseded", "10001")


def test_superseding_a_record_written_in_german_writes_german(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0053-quellen-taeglich-abrufen.md"
    result = decide("adr", "new", "Quellen stündlich abrufen", "--supersedes", "53", "--no-edit", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert ("Status: ersetzt durch [ADR-10001](10001-quellen-stundlich-abrufen.md) · Ergänzt ADR-0052"
            in path.read_text())
    shown = json.loads(decide("adr", "show", "53", "--format", "json", cwd=root).stdout)
    assert (shown["status"], shown["superseded_by"]) == ("superseded", "10001")


def test_a_status_under_an_adr_mapping_that_spans_lines_is_changed_by_hand_only(decide, tmp_path):
    root = tmp_path / "team"
    (root / "docs" / "adr").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    path = root / "docs" / "adr" / "0001-use-x.md"
    path.write_text("---\ntitle: 0001 Use x\nadr:\n    status: >\n      accepted\n---\n\nBody.\n")
    before = path.read_bytes()
    result = decide("adr", "status", "1", "deprecated", cwd=root)
    assert result.exit_code == 2 and "docs/adr/0001-use-x.md:4: error: the status under `adr:` spans" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("text, date", [
    # No date field: the date the status names is the record's; a link's address names none.
    ("# 9. Socle\n\nStatut : acceptée, 2 octobre 2026.\n", "2026-10-02"),
    ("# 9. Socle\n\nStatus: Superseded by [Use y](20210304-use-y.md)\n", None),
    # A record in a language that writes the day first reads `05/08/2026` so; one in English asks.
    ("# 9. Un site\n\nDate : 05/08/2026 · Statut : accepté\n", "2026-08-05"),
    ("# 9. A site\n\nDate: 05/08/2026 · Status: accepted\n", None),
])
def test_a_date_from_the_status_and_the_day_first_in_other_languages(text, date):
    assert adr.parse(text.encode(), Path("0009-x.md"), "0009-x.md").date == date


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "team", {f"docs/adr/{name}": text for name, text in files.items()})


def test_edits_keep_a_tabbed_comment_and_set_the_date_key_that_is_read(decide, tmp_path):
    root = _folder(tmp_path, {
        "0001-a.md": "---\ntitle: 0001 A\nadr:\n    status: accepted\t# agreed in March\n---\n\nA.\n",
        "0002-b.md": "---\nstatus: accepted\nDate: 2020-01-01\ndate: 2021-02-02\n---\n# B\n",
    })
    for key in ("1", "2"):
        assert decide("adr", "status", key, "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert "    status: deprecated\t# agreed in March\n" in (root / "docs/adr/0001-a.md").read_text()
    assert (root / "docs/adr/0002-b.md").read_text().startswith(
        "---\nstatus: deprecated\nDate: 2020-01-01\ndate: 2026-11-30\n---\n")


def test_a_link_on_a_line_of_several_fields_is_a_line_of_its_own(decide, tmp_path):
    root = _folder(tmp_path, {
        "0001-eins.md": "# 1. Eins\n\nDatum: 28. Juli 2026 · Status: akzeptiert · Autor: ana\n",
        "0002-two.md": "# 2. Two\n\nDate: 2021-05-12  Status: Accepted  Author: ana\n",
    })
    assert decide("adr", "link", "1", "relates-to", "2", cwd=root).exit_code == 0
    assert (root / "docs/adr/0001-eins.md").read_text().splitlines()[2:4] == [
        "Datum: 28. Juli 2026 · Status: akzeptiert · Autor: ana", "Verwandt mit: [ADR-0002](0002-two.md)"]
    assert (root / "docs/adr/0002-two.md").read_text().splitlines()[2:4] == [
        "Date: 2021-05-12  Status: Accepted  Author: ana", "Relates to: [ADR-0001](0001-eins.md)"]


def test_a_new_record_whose_successor_side_fails_leaves_nothing_behind(decide, tmp_path):
    root = _folder(tmp_path, {"0001-a.md": '---\n"status": accepted\n---\n# A\n'})
    before = (root / "docs/adr/0001-a.md").read_bytes()
    result = decide("adr", "new", "B", "--supersedes", "1", "--no-edit", cwd=root)
    assert result.exit_code == 2 and "0001-a.md: error: the file's layout defeats this edit" in result.stderr
    assert sorted(p.name for p in (root / "docs/adr").iterdir()) == ["0001-a.md"]
    assert (root / "docs/adr/0001-a.md").read_bytes() == before


def test_records_named_by_a_slug_in_any_script_are_found_and_a_new_one_stays_one_of_them(decide, tmp_path):
    root = _folder(tmp_path, {"wähle-café.md": "# Wähle Café\n\nStatus: Accepted\n",
                              "choose-db.md": "# Db\n\nStatus: Accepted\n"})
    shown = decide("adr", "show", "wähle-café", "--format", "json", cwd=root)
    assert shown.exit_code == 0 and json.loads(shown.stdout)["title"] == "Wähle Café"
    assert decide("adr", "status", "wähle-café", "deprecated", cwd=root).exit_code == 0
    for title in ("0007 seven", "README"):  # a numbered name would turn the folder into a numbered one
        refused = decide("adr", "new", title, "--no-edit", cwd=root)
        assert refused.exit_code == 2 and "would not be read as one of this folder's" in refused.stderr
    assert sorted(p.name for p in (root / "docs/adr").iterdir()) == ["choose-db.md", "wähle-café.md"]


@pytest.mark.parametrize("argv", [["adr", "link", "1", "relates-to", "2"],
                                  ["adr", "status", "1", "superseded", "--by", "2"]], ids=["link", "supersede"])
def test_an_edit_of_two_records_refused_on_the_second_leaves_the_first_as_it_was(decide, tmp_path, argv):
    # The second states its status by a table of stages, which decisionbook does not edit.
    root = _folder(tmp_path, {"0001-a.md": "---\nstatus: accepted\ndate: 2026-01-02\n---\n# A\n",
                              "0002-b.md": "# 2. B\n\n## Status\n\n| Stage    | Status |\n| -------- | ------ |\n"
                                           "| Approved | ✅ |\n| Adopted  | ✅ |\n"})
    before = {p.name: p.read_bytes() for p in (root / "docs/adr").iterdir()}
    result = decide(*argv, cwd=root)
    assert result.exit_code == 2 and "0002-b.md" in result.stderr and "table of stages" in result.stderr
    assert {p.name: p.read_bytes() for p in (root / "docs/adr").iterdir()} == before


@pytest.mark.parametrize("text, field, value", [
    ("# 1. X\n\nStatus: Accepted    Date: 2020-01-02\n", "date", "2020-01-02"),  # fields parted by a wide gap
    ("---\nstatus: accepted\namended-by: [2]\n---\n# X\n", "links", (("amended by", "2"),)),
    ("# 1. X\n\n*Status*: Accepted\n", "status", "accepted"),
    ("# 1. X\n\n*Status: Accepted*\n", "status_raw", "Accepted"),
    ("# 1. X\n\n*Status:* Accepted | *Date:* 2020-01-02\n", "date", "2020-01-02"),
    # Words that are no relation decisionbook knows, followed by more words, are prose.
    ("# 1. X\n\n## Status\n\nAccepted\n\nDiscussed in [ADR-0002](0002-y.md) last week.\n", "links", ()),
    # A successor in the sentence after the status word is what the record is now.
    ("# 1. X\n\n## Status\n\nAccepted. Superseded by [ADR-0002](0002-y.md).\n", "superseded_by", "2"),
    ("# 1. X\n\n## Status\n\nAccepted. Superseded by [ADR-0002](0002-y.md).\n", "status", "superseded"),
    # Only the first code block under the title holds fields; one in a later section does not.
    ("# 1. T\n\n## Status\n\nAccepted\n\n## Context\n\n```\nStatus: running\nDate: 2020-01-01\n```\n", "date", None),
])
def test_fields_read_in_the_forms_teams_write(text, field, value):
    record = adr.parse(text.encode(), Path("0001-x.md"), "0001-x.md")
    got = getattr(record, field)
    assert (tuple((x.relation, x.target) for x in got) if field == "links" else got) == value
    assert not [f for f in record.findings if f.severity == "error"]


def test_names_and_words_of_dated_records_and_other_languages():
    from toolkit.records.adr_words import status_word, title_from_name

    assert title_from_name("2025-10-09-use-postgres.md") == "Use postgres"
    # Words Portuguese shares with Italian are taken for Portuguese; a feminine table lends the rest.
    assert (status_word("accepted", "Proposto"), status_word("draft", "Aceptada")) == ("aceito", "borrador")
    assert read_relation("Substituído por [ADR-9](0009-x.md)") == ("superseded", "superseded by", "[ADR-9](0009-x.md)")


def read_relation(raw):
    from toolkit.records.adr_words import read_status

    return read_status(raw)


@pytest.mark.parametrize("files, edit, written", [
    ({"0001-x.md": "---\nstatus: 'accepted'\ndate: '2020-01-01'\n---\n# X\n"}, ["status", "1", "deprecated"],
     ["status: 'deprecated'", "date: '2026-11-30'"]),
    ({"0001-x.md": "---\nStatus: Accepted\ntags: [db]\n---\n# X\n"}, ["status", "1", "deprecated"],
     ["Date: 2026-11-30"]),
    ({"0001-x.md": "# 1. X\n\n* Estado: Proposto\n* Data: 2020-01-01\n"}, ["status", "1", "accepted", "--force"],
     ["* Estado: Aceito"]),
])
def test_a_status_change_writes_as_the_record_writes(decide, tmp_path, files, edit, written):
    root = _folder(tmp_path, files)
    assert decide("adr", *edit, "--date", "2026-11-30", cwd=root).exit_code == 0
    lines = (root / "docs/adr/0001-x.md").read_text().splitlines()
    assert all(line in lines for line in written), lines


def test_a_mapped_record_superseded_again_names_its_new_successor_once(decide, tmp_path):
    root = _team_folder(tmp_path)
    git(root, "init", "-q", "-b", "main")
    result = decide("adr", "new", "Queue jobs in Kafka", "--supersedes", "45", "--no-edit", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    lines = (root / "docs/adr/0045-queue-jobs-in-redis.md").read_text().splitlines()
    assert [line for line in lines if "superseded_by" in line] == ["    superseded_by: 10001-queue-jobs-in-kafka"]


def test_one_sided_relations_of_mapped_and_hand_kept_records_are_warnings_that_name_them(decide, tmp_path):
    check = decide("check", cwd=_team_folder(tmp_path))
    assert check.exit_code == 0
    assert ("docs/adr/0046-queue-jobs-in-postgres.md:7: warning: extends ADR 45, but ADR 45 does not record "
            "extended by ADR 46 back") in check.output, check.output
    assert "docs/adr/0047-sign-webhooks.md:3: warning: superseded by ADR 46, but" in check.output, check.output


def test_records_written_in_japanese_chinese_and_korean_are_read_and_written_in_their_language(decide, tmp_path):
    root = _folder(tmp_path, {
        "0001-postgres.md": "# ADR-0001: PostgreSQL移行\n\n## ステータス\n\n採用 (Accepted)\n\n## 日付\n\n2026-03-29\n\n"
                            "## コンテキスト\n\nSQLiteの限界。\n",
        "0002-flags.md": "# ADR-0002: Feature Flags戦略\n\n## ステータス\n採用済み（v1：DBカラム方式）\n\n## コンテキスト\nテナント。\n",
        "0003-cache.md": "# 3. 使用 Redis 缓存\n\n## 状态\n\n已接受\n\n## 日期\n\n2024年3月5日\n\n## 背景\n\n读多写少。\n",
        "0004-queue.md": "# 4. 메시지 큐\n\n## 상태\n\n제안됨\n\n## 날짜\n\n2025년 11월 2일\n\n## 맥락\n\n처리량.\n",
        "0005-front.md": "---\nstatus: 已废弃\ndate: 2023-01-09\n---\n# 前端框架\n",
    })
    rows = {r["number"]: (r["status"], r["date"]) for r in listed_adrs(decide, root)}
    assert rows == {1: ("accepted", "2026-03-29"), 2: ("accepted", None), 3: ("accepted", "2024-03-05"),
                    4: ("proposed", "2025-11-02"), 5: ("deprecated", "2023-01-09")}
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "warning" not in checked.stdout.replace("0 warning(s)", ""), checked.stdout
    for key, status in (("1", "deprecated"), ("3", "deprecated"), ("4", "accepted")):
        result = decide("adr", "status", key, status, "--date", "2026-11-30", "--force", cwd=root)
        assert result.exit_code == 0, result.output
    assert "## ステータス\n\n非推奨 (Deprecated)\n\n## 日付\n\n2026-03-29\n" in (root / "docs/adr/0001-postgres.md").read_text()
    assert "## 状态\n\n已废弃\n\n## 日期\n\n2024年3月5日\n" in (root / "docs/adr/0003-cache.md").read_text()
    assert "## 상태\n\n승인됨\n" in (root / "docs/adr/0004-queue.md").read_text()


@pytest.mark.parametrize("status", ["ADR-0001 により置き換え", "[ADR-0001](0001-postgres.md) で置き換え済み",
                                    "已被 ADR-0001 取代", "ADR-0001로 대체됨"])
def test_a_successor_named_before_the_words_in_japanese_chinese_and_korean(status):
    record = adr.parse(f"# 6. X\n\n## Status\n\n{status}\n".encode(), Path("0006-x.md"), "0006-x.md")
    assert (record.status, record.superseded_by) == ("superseded", "1")


@pytest.mark.parametrize("status", [
    "[新方式](<0005 new plan.md>) により置き換え", "置き換え済み（[新方式](0005%20new%20plan.md)）",
    "已被 [新方案](<0005 new plan.md>) 取代", "已取代，由 [新方案](0005%20new%20plan.md) 取代",
    "已取代，由 [新方案](<0005 new plan.md>) 取代", "[새 계획](<0005 new plan.md>)로 대체됨",
    "대체됨 ([새 계획](0005%20new%20plan.md))", "已被 [ADR-0005 使用 新 方案](0005-使用%20新%20方案.md) 取代",
])
def test_a_successor_whose_file_name_holds_spaces_is_read_from_a_japanese_chinese_or_korean_status(status):
    # Read by the words of the link's address, these named no record (`plan.md`, `20plan.md`), or were no status.
    record = adr.parse(f"# 6. X\n\n## Status\n\n{status}\n".encode(), Path("0006 x.md"), "0006 x.md")
    assert (record.status, record.superseded_by) == ("superseded", "5")


def test_a_successor_named_with_spaces_and_no_number_is_read_from_a_chinese_status(decide, tmp_path):
    old, new = "2022-06-15 - Old routing", "2022-07-01 - Smart routing"
    root = _folder(tmp_path, {
        f"{old}.md": f"# 旧路由\n\n## 状态\n\n已取代（2022-07-01），由 [智能路由](<{new}.md>) 取代\n",
        f"{new}.md": f"# 智能路由\n\n## 状态\n\n已接受\n\nSupersedes [旧路由]({old.replace(' ', '%20')}.md)\n",
    })
    rows = {r["key"]: (r["status"], r["superseded_by"], r["supersedes"]) for r in listed_adrs(decide, root)}
    assert rows == {old: ("superseded", new, []), new: ("accepted", None, [old])}
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "warning" not in checked.stdout.replace("0 warning(s)", ""), checked.stdout


def test_records_written_in_russian_are_read_and_written_in_russian(decide, tmp_path):
    root = _folder(tmp_path, {
        "0010-layout.md": "# 10. Выбор модели декомпозиции\n\nДата: 2025-10-18\n\n## Статус\n\nПринято\n\n"
                          "## Контекст\n\nНесколько бизнес-функций.\n",
        "0011-old-broker.md": "# 11. Старый брокер\n\n**Дата:** 5 марта 2024 г.\n\n## Статус\n\n"
                              "Заменено [12. Новый брокер](0012-new-broker.md)\n",
        "0012-new-broker.md": "# 12. Новый брокер\n\nДата: 05.03.2024\n\n## Статус\n\nПредложено\n\n"
                              "Заменяет [11. Старый брокер](0011-old-broker.md)\n",
        "0013-queue.md": "# 13. Очередь\n\n- Статус: отклонено\n- Дата: 2025-01-02\n",
    })
    rows = {r["number"]: (r["status"], r["date"], r["superseded_by"])
            for r in listed_adrs(decide, root)}
    assert rows == {10: ("accepted", "2025-10-18", None), 11: ("superseded", "2024-03-05", "12"),
                    12: ("proposed", "2024-03-05", None), 13: ("rejected", "2025-01-02", None)}
    result = decide("adr", "status", "10", "deprecated", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert "Дата: 2025-10-18\n\n## Статус\n\nУстарело\n" in (root / "docs/adr/0010-layout.md").read_text()


@pytest.mark.parametrize(("line", "status"), [("- 状态：已接受", "accepted"), ("**状态**: 已废弃", "deprecated"),
                                              ("ステータス：採用", "accepted"), ("**상태**: 승인됨", "accepted")])
def test_fields_labelled_in_japanese_chinese_and_korean_with_a_wide_colon(line, status):
    record = adr.parse(f"# 3. 缓存\n\n{line}\n- 日期：2024-03-05\n".encode(), Path("0003-x.md"), "0003-x.md")
    assert (record.status, record.date, record.findings) == (status, "2024-03-05", ())


def test_a_changelog_dates_a_record_that_has_no_date_and_a_status_change_leaves_it(decide, tmp_path):
    # Cosmos SDK's records say when only in a Changelog; they listed without a date.
    text = ("# ADR 020: Wire encoding\n\n## Changelog\n\n- 2020 March 06: Initial draft\n- 11/23/2020: Reworded\n"
            "- 2020 Dec 1: Accepted\n\n## Status\n\nPROPOSED\n\n## Context\n\nEncoding.\n")
    root = _folder(tmp_path, {"adr-020-wire-encoding.md": text})
    row = listed_adrs(decide, root)[0]
    assert (row["number"], row["status"], row["date"], row["date_raw"]) == (20, "proposed", "2020-12-01", "2020 Dec 1")
    assert decide("adr", "status", "20", "rejected", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = (root / "docs/adr/adr-020-wire-encoding.md").read_text()
    assert after == text.replace("PROPOSED", "REJECTED")  # in capitals, as written


def test_relations_named_by_a_series_own_letters_and_other_tools_keys(decide, tmp_path):
    # Tekton's TEPs: `superseded-by: [TEP-0004]` was an error naming a record that does not exist.
    root = _folder(tmp_path, {
        "0003-old-catalog.md": "---\nstatus: replaced\nsuperseded-by:\n- TEP-0004\n---\n# Old catalog\n",
        "0004-versioned-catalog.md": "---\nstatus: implementable\nreplaces:\n- TEP-0003\n---\n# Versioned catalog\n",
    })
    rows = {r["number"]: (r["status"], r["superseded_by"], r["supersedes"])
            for r in listed_adrs(decide, root)}
    assert rows == {3: ("superseded", "4", []), 4: ("accepted", None, ["3"])}
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout


def test_records_written_in_norwegian_danish_and_swedish(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "dok/arkitektur/beslutninger/0001-egen-app.md": "# 1. Egen app\n\nDato: 22. desember 2021\n\n## Status\n\n"
                                                        "Akseptert\n\n## Kontekst\n\nHvorfor.\n",
        "dok/arkitektur/beslutninger/0002-byggekjede.md": "# 2. Byggekjede\n\nDato: 2020-03-02\n\n## Status\n\n"
                                                          "Erstattet av [3. Ny byggekjede](0003-ny.md)\n",
        "dok/arkitektur/beslutninger/0003-ny.md": "# 3. Ny byggekjede\n\nDato: 2022-09-14\n\n## Status\n\nForeslått\n",
        "dok/arkitektur/beslutninger/0004-sv.md": "# 4. Kö\n\nDatum: 3 maj 2023\n\n## Status\n\nGodkänd\n",
    })
    rows = {r["number"]: (r["status"], r["date"], r["superseded_by"])
            for r in listed_adrs(decide, root)}
    assert rows == {1: ("accepted", "2021-12-22", None), 2: ("superseded", "2020-03-02", "3"),
                    3: ("proposed", "2022-09-14", None), 4: ("accepted", "2023-05-03", None)}
    assert decide("adr", "status", "3", "rejected", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = (root / "dok/arkitektur/beslutninger/0003-ny.md").read_text()
    assert after == "# 3. Ny byggekjede\n\nDato: 2026-11-30\n\n## Status\n\nAvvist\n"


@pytest.mark.parametrize(("text", "title"), [
    ("# Architecture Decision Record: Use ADRs\n\n## Status\n\nAccepted\n", "Use ADRs"),
    ("**Title:** Architecture Decision Record - Support TDA courses\n**Status:** Accepted\n", "Support TDA courses"),
    ("# Architecture Decision Record-keeping\n\n## Status\n\nAccepted\n", "Architecture Decision Record-keeping"),
    ("## ADR-0006 - Decide on downloads\n\n**Status:** ✅ CONFIRMED 2023/02/11\n", "Decide on downloads"),
    ("# Summary\n\nWhy.\n\n## Status\n\nAccepted\n", "Use kafka"),  # an RFC's first part is no title
    ("# Use Truss' [Golang](https://golang.org/) server\n\n## Status\n\nAccepted\n", "Use Truss' Golang server"),
    ("Relay through a tunnel\n----------------------\n\n* Status: Draft\n", "Relay through a tunnel"),
])
def test_titles_as_teams_write_them(text, title):
    record = adr.parse(text.encode(), Path("0006-use-kafka.md"), "0006-use-kafka.md")
    assert record.title == title and record.status in ("accepted", "draft")
    assert not [f for f in record.findings if "title" in f.message]


@pytest.mark.parametrize("name", ["GRFC-TEMPLATE.md", "adr-template.md", "template.md"])
def test_a_team_s_template_is_no_record(name):
    assert not adr_words.is_slug_record(name) and not adr_words.is_record_file(name)


def test_a_dates_field_is_read_by_its_latest_date_which_a_status_change_updates(decide, tmp_path):
    text = ("# Use REST\n\n* Status: proposed\n* Deciders: ana\n"
            "* Dates: proposed - 2021-03-04, last updated - 2021-05-06\n\n## Context\n\nWhy.\n")
    root = _folder(tmp_path, {"0001-use-rest.md": text})
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["date"]) == ("proposed", "2021-05-06")
    assert decide("adr", "status", "1", "rejected", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = text.replace("Status: proposed", "Status: rejected").replace("updated - 2021-05-06", "updated - 2026-11-30")
    assert (root / "docs/adr/0001-use-rest.md").read_text() == after


def test_record_0000_is_addressed_by_its_number_and_anchor_links_are_no_relations(decide, tmp_path):
    # MADR's own first record is 0000: `show 0` said there was none, `status 0` that 0 is no number.
    root = _folder(tmp_path, {
        "0000-use-markdown-records.md": "---\nstatus: proposed\n---\n# Use Markdown records\n\n"
                                        "## Considered Options\n\n* [MADR](#madr)\n* [Nygard](#nygard)\n",
        "0001-use-kafka.md": "---\nstatus: proposed\n---\n# Use Kafka\n",
    })
    assert decide("adr", "show", "0", cwd=root).exit_code == 0
    assert decide("adr", "status", "0", "accepted", "--force", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert decide("adr", "link", "1", "relates-to", "0", cwd=root).exit_code == 0
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout


def test_adr_tools_own_spelling_superceded_is_the_relation(decide, tmp_path):
    # adr-tools writes `Superceded by` and `Supercedes`: check warned of an unknown relation and a one-sided one.
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "doc/adr\n",
        "doc/adr/0002-use-a-queue.md": "# 2. Use a queue\n\nDate: 2020-01-02\n\n## Status\n\n"
                                       "Superceded by [4. Use Kafka](0004-use-kafka.md)\n",
        "doc/adr/0004-use-kafka.md": "# 4. Use Kafka\n\nDate: 2020-01-04\n\n## Status\n\nAccepted\n\n"
                                     "Supercedes [2. Use a queue](0002-use-a-queue.md)\n",
    })
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stdout
    refused = decide("adr", "new", "Use NATS", "--supersedes", "2", "--no-edit", cwd=root)
    assert refused.exit_code == 2 and "already superseded by ADR 4" in refused.stderr


def test_a_record_named_by_its_file_is_that_file_where_two_share_a_number(decide, tmp_path):
    # Language twins, `0004-x.md` and `0004-x-de.md`: even the exact file name was "ambiguous".
    root = _folder(tmp_path, {"0004-use-kafka.md": "# 4. Use Kafka\n\n## Status\n\nProposed\n",
                              "0004-use-kafka-de.md": "# 4. Kafka nutzen\n\n## Status\n\nVorgeschlagen\n"})
    assert decide("adr", "status", "0004-use-kafka-de.md", "accepted", "--force", cwd=root).exit_code == 0
    assert "## Status\n\nAkzeptiert\n" in (root / "docs/adr/0004-use-kafka-de.md").read_text()
    ambiguous = decide("adr", "status", "4", "accepted", "--force", cwd=root)
    assert ambiguous.exit_code == 2 and "ambiguous" in ambiguous.stderr


def test_a_status_history_of_lines_opened_by_their_day(decide, tmp_path):
    # `## 状态` over `2017-11-22 提议` and `2017-11-24 完成`: the first was read, and a change rewrote it.
    text = "# 3. 图形生成\n\n## 状态\n\n2017-11-22 提议\n\n2017-11-24 完成\n\n## 背景\n\n文字。\n"
    root = _folder(tmp_path, {"0003-graphs.md": text})
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["date"]) == ("accepted", "2017-11-24")
    assert decide("adr", "status", "3", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    after = text.replace("2017-11-24 完成\n", "2017-11-24 完成\n\n2026-11-30 已废弃\n")
    assert (root / "docs/adr/0003-graphs.md").read_text() == after


def test_a_madr_folder_that_names_successors_on_one_side_passes_the_check_with_warnings(decide, tmp_path):
    # MADR writes `status: superseded by ADR-0045` on the old record alone; the check failed such a folder.
    root = _folder(tmp_path, {
        "0041-use-trello.md": "---\nstatus: superseded by [ADR 0045](0045-use-jira.md)\ndate: 2024-01-02\n---\n# Use Trello\n",
        "0045-use-jira.md": "---\nstatus: accepted\ndate: 2024-03-04\n---\n# Use Jira\n",
    })
    checked = decide("check", cwd=root)
    assert checked.exit_code == 0 and checked.stdout.splitlines() == [
        "docs/adr/0041-use-trello.md:2: warning: superseded by ADR 45, but ADR 45 does not record supersedes "
        "ADR 41 back; `decide adr link 41 superseded-by 45` records it there", "0 error(s), 1 warning(s)"
    ], checked.stdout


def test_deciders_written_as_a_bold_label_are_read(decide, tmp_path):
    # `**Deciders:** Ontwikkelteam, Product Owner` under the status line gave no decision makers.
    root = _folder(tmp_path, {
        "ADR-002-features-first.md": "# ADR-002: Features first\n\n**Status:** Geaccepteerd\n**Datum:** 2025-07-17\n"
                                     "**Deciders:** Ontwikkelteam, Product Owner\n\n## Context\n\nWhy.\n",
        "ADR-003-split.md": "# ADR-003: Split\n\n- **Status**: Accepted\n- **Deciders**: Ana Rossi\n"
                            "- **Consulted**: Ben\n\n## Context\n\nWhy.\n",
        # Chinese teams name them 决策人 as well as 决策者.
        "ADR-004-split.md": "# ADR-0004：拆分\n\n- **状态**：已接受\n- **决策人**：董事长\n\n## 背景\n\n为什么。\n",
        # A comma in a person's note is no second person.
        "ADR-005-formats.md": "---\nstatus: accepted\ndecision-makers: Ana, Ben\nconsulted: Claude (format research, "
                              "docs/formats/), Dee\n---\n# Formats\n",
    })
    rows = [(r["decision_makers"], r["consulted"]) for r in json.loads(
        decide("adr", "list", "--format", "json", cwd=root).stdout)]
    assert rows == [(["Ontwikkelteam", "Product Owner"], []), (["Ana Rossi"], ["Ben"]), (["董事长"], []),
                    (["Ana", "Ben"], ["Claude (format research, docs/formats/)", "Dee"])]


NORWEGIAN_CHOICES = ("# {n} - {title}\n\n## Status\n\n{choices}\n\n## Kontekst\n\nHvorfor.\n\n"
                     "## Beslutning\n\nDette.\n\n## Konsekvenser\n\nSå.\n")
BLANK_CHOICES = ("- [ ] Foreslått (dato: ÅÅÅÅ-MM-DD)\n- [ ] Akseptert (dato: ÅÅÅÅ-MM-DD)\n"
                 "- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)\n"
                 "- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD) _lenke til ADR som erstatter denne_")


def test_a_task_list_of_dated_choices_is_the_records_history(decide, tmp_path):
    # Arbeidstilsynet's template checks each status as it comes, with its day: the first one checked was
    # read as the status, a change unchecked the history, and the day stayed a blank.
    accepted = BLANK_CHOICES.replace("[ ] Foreslått (dato: ÅÅÅÅ-MM-DD", "[x] Foreslått (dato: 2025-05-02").replace(
        "[ ] Akseptert (dato: ÅÅÅÅ-MM-DD", "[x] Akseptert (dato: 2025-05-05")
    root = _folder(tmp_path, {
        "adr-0000-template.md": NORWEGIAN_CHOICES.format(n="0000", title="Tittel", choices=BLANK_CHOICES),
        "adr-0001-repo-init.md": NORWEGIAN_CHOICES.format(n="0001", title="Oppsett av repo", choices=accepted),
    })
    row = listed_adrs(decide, root)[0]
    assert (row["status"], row["date"]) == ("accepted", "2025-05-05")
    made = decide("adr", "new", "Ny løsning", "--supersedes", "1", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.stdout.splitlines()[0] == "docs/adr/adr-0002-ny-losning.md"
    new = (root / "docs/adr/adr-0002-ny-losning.md").read_text()
    assert "- [x] Foreslått (dato: 2026-11-30)\n- [ ] Akseptert (dato: ÅÅÅÅ-MM-DD)\n" in new
    old = (root / "docs/adr/adr-0001-repo-init.md").read_text()
    assert old == NORWEGIAN_CHOICES.format(n="0001", title="Oppsett av repo", choices=accepted.replace(
        "- [ ] Erstattet (dato: ÅÅÅÅ-MM-DD) _lenke til ADR som erstatter denne_",
        "- [x] Erstattet av [2. Ny løsning](adr-0002-ny-losning.md) (dato: 2026-11-30)"))
    rows = listed_adrs(decide, root)
    assert [(r["status"], r["date"], r["superseded_by"]) for r in rows] == [
        ("superseded", "2026-11-30", "2"), ("proposed", "2026-11-30", None)]
    # Rejected, then proposed again: the choice checked latest is the status, wherever it stands in the list.
    assert decide("adr", "status", "2", "rejected", "--date", "2026-12-01", cwd=root).exit_code == 0
    again = decide("adr", "status", "2", "proposed", "--date", "2026-12-03", cwd=root)
    assert again.stdout == "ADR-0002: rejected -> proposed (2026-12-03)\n"
    new = (root / "docs/adr/adr-0002-ny-losning.md").read_text()
    assert "- [x] Foreslått (dato: 2026-12-03)\n- [ ] Akseptert (dato: ÅÅÅÅ-MM-DD)\n- [x] Avvist (dato: 2026-12-01)\n" in new


def test_a_checked_successor_named_by_a_reference_link(decide, tmp_path):
    # Letterbook checks `Superseded` under `Decided`, naming the successor by a reference link: the record
    # read as decided, and once read as superseded, as superseded by ADR 2024 (the link's words).
    text = ("# Design patterns\n\n## Status\n\n- [x] Decided (2023-07-04)\n- [ ] Decided Against\n"
            "- [x] Superseded ([2024-02-16][adr-08])\n\n# Decision\n\nPorts.\n\n[adr-08]: ./08-update.md\n")
    root = _folder(tmp_path, {"02-design-patterns.md": text,
                              "08-update.md": "# Update\n\n## Status\n\n- [x] Decided\n"})
    rows = listed_adrs(decide, root)
    assert [(r["number"], r["status"], r["date"], r["superseded_by"]) for r in rows] == [
        (2, "superseded", "2024-02-16", "8"), (8, "accepted", None, None)]


def test_a_date_written_with_non_breaking_hyphens_is_read(decide, tmp_path):
    # Django's DEP 18 writes `2026‑02‑09` with U+2011: an empty date and a warning.
    root = _folder(tmp_path, {"0018-mailers.md": "# 18. Mailers\n\nDate: 2026\u201102\u201109\n\n## Status\n\nAccepted\n"})
    row = listed_adrs(decide, root)[0]
    assert row["date"] == "2026-02-09"
    assert decide("check", cwd=root).stdout.splitlines()[-1] == "0 error(s), 0 warning(s)"


def test_a_record_that_opens_with_meta_is_titled_by_its_name_field(decide, tmp_path):
    # Buildpacks' RFCs: every title read `Meta`.
    text = ("# Meta\n[meta]: #meta\n- Name: Remove Shell Processes\n- Start Date: 2020-06-02\n- Status: Approved\n\n"
            "# Summary\n[summary]: #summary\n\nWhy.\n")
    root = _folder(tmp_path, {"0045-remove-shell.md": text})
    row = listed_adrs(decide, root)[0]
    assert (row["title"], row["date"]) == ("Remove Shell Processes", "2020-06-02")


def test_a_sample_numbered_0_is_the_folder_s_example_not_its_record_0(decide, tmp_path):
    # `000-sample-example.md`, whose title and status are blanks to fill, was listed as record 0 with its status
    # guidance as an unknown status.
    sample = "# ADR 000 - {제목}\nDATE: \n## 상태 (Status)\n현재 이 결정의 상태를 표시한다.\n"
    record = "# ADR 001 - 도메인 주도 설계\nDATE: 2025.04.29\n## 상태 (Status)\nAccepted\n"
    root = _folder(tmp_path, {"000-sample-example.md": sample, "001-adopt-ddd.md": record})
    assert [r["number"] for r in listed_adrs(decide, root)] == [1]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
