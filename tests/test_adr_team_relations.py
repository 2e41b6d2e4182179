"""Statuses and relations a team writes in its own words: compound status words, its own relation keys,
related-records sections that also link web pages, and a sentence that says what a record supersedes."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import listed_adrs, repository_with

# An RFC as PowerShell's committee keeps them: capitalised front-matter keys, `SupercededBy` as it spells it.
RFC = ("---\nRFC: RFC{n:04d}\nAuthor: Ana Lima\nStatus: {status}\nSupercededBy: {by}\nVersion: 0.1\nArea: Engine\n"
       "Comments Due: 6/30/2019\n---\n\n# {title}\n\n## Motivation\n\nWhy {n}.\n\n## Specification\n\nWhat {n}.\n")
CONFIG = '[adr]\ndir = "."\n'


def _rfcs(tmp_path: Path, rfcs: dict[str, tuple[int, str, str]], config: str = CONFIG) -> Path:
    """A folder of RFCs (path -> number, status, SupercededBy value) with its decisionbook.toml."""
    files = {path: RFC.format(n=n, status=status, by=by, title=f"Change {n}") for path, (n, status, by) in rfcs.items()}
    return repository_with(tmp_path / "repo", {"decisionbook.toml": config, **files})


def _by_key(decide, root: Path) -> dict[str, dict]:
    return {row["key"]: row for row in listed_adrs(decide, root)}


def test_a_status_of_two_status_words_in_one_is_kept_as_written_and_warned_about(decide, tmp_path):
    root = _rfcs(tmp_path, {"2-Draft-Accepted/RFC0041-Policy.md": (41, "Draft-Accepted", "N/A"),
                            "Final/RFC0045-Ternary.md": (45, "Experimental-Accepted", "N/A")})
    listed = _by_key(decide, root)
    assert (listed["41"]["status"], listed["41"]["status_raw"]) == ("Draft-Accepted", "Draft-Accepted")
    assert listed["45"]["status"] == "Experimental-Accepted"
    checked = decide("check", cwd=root).stdout
    assert "RFC0041-Policy.md:4: warning: unknown status 'Draft-Accepted'" in checked
    assert '"draft-accepted" = "..."' in checked and '"experimental-accepted" = "..."' in checked


def test_the_mapping_an_unknown_status_warning_suggests_reads_the_status(decide, tmp_path):
    config = CONFIG + '\n[adr.statuses]\n"draft-accepted" = "accepted"\n"Experimental-Accepted" = "accepted"\n'
    root = _rfcs(tmp_path, {"2-Draft-Accepted/RFC0041-Policy.md": (41, "Draft-Accepted", "N/A"),
                            "Final/RFC0045-Ternary.md": (45, "Experimental-Accepted", "N/A")}, config)
    listed = _by_key(decide, root)
    assert [listed[key]["status"] for key in ("41", "45")] == ["accepted", "accepted"]
    assert "unknown status" not in decide("check", cwd=root).stdout


def test_superceded_by_as_a_front_matter_key_names_the_successor(decide, tmp_path):
    root = _rfcs(tmp_path, {"Rejected/RFC0022-Test-Connection.md": (22, "Rejected", "RFC0037"),
                            "Final/RFC0037-Test-Connection.md": (37, "Final", "N/A"),
                            "Final/RFC0038-Other.md": (38, "Final", "")})
    (root / "Final/RFC0038-Other.md").write_text(
        (root / "Final/RFC0038-Other.md").read_text().replace("SupercededBy: ", "SupersededBy: RFC0037"))
    listed = _by_key(decide, root)
    assert (listed["22"]["status"], listed["22"]["superseded_by"]) == ("rejected", "37")
    assert listed["38"]["superseded_by"] == "37"
    assert listed["37"]["superseded_by"] is None
    # `N/A` names no record: no warning that it should list ADR numbers.
    checked = decide("check", cwd=root).stdout
    assert "N/A" not in checked and "Final/RFC0037-Test-Connection.md" not in checked


def test_superseding_fills_the_record_s_own_superseded_by_key_with_the_folder_s_id(decide, tmp_path):
    root = _rfcs(tmp_path, {"2-Draft-Accepted/RFC0041-Policy.md": (41, "Final", "N/A"),
                            "Final/RFC0045-Ternary.md": (45, "Final", "N/A")})
    before = (root / "2-Draft-Accepted/RFC0041-Policy.md").read_text().splitlines()
    done = decide("adr", "status", "41", "superseded", "--by", "45", cwd=root)
    assert done.exit_code == 0, done.output
    after = (root / "2-Draft-Accepted/RFC0041-Policy.md").read_text().splitlines()
    assert "Status: Superseded" in after and "SupercededBy: RFC0045" in after
    assert [line for line in after if line in before] == [line for line in before if not line.startswith(
        ("Status:", "SupercededBy:"))]  # every other line kept, in its order
    listed = _by_key(decide, root)
    assert (listed["41"]["status"], listed["41"]["superseded_by"]) == ("superseded", "45")
    assert "41" in listed["45"]["supersedes"]


def _related(decide, root: Path, key: str) -> list[tuple[str, str]]:
    shown = json.loads(decide("adr", "show", key, "--format", "json", cwd=root).stdout)
    return [(related["relation"], related["adr"]) for related in shown["related"]]


NORWEGIAN = ("# {n:04d} - {title}\n\n## Status\n\n- [x] Foreslått (dato: 2026-06-25)\n"
             "- [x] Akseptert (dato: 2026-06-25)\n- [ ] Avvist (dato: ÅÅÅÅ-MM-DD)\n\n"
             "## Kontekst\n\nHvorfor {n}.\n\n## Beslutning\n\nHva {n}.\n")


def test_a_related_section_that_also_links_a_web_page_relates_the_records_it_links(decide, tmp_path):
    related = ("\n## {heading}\n\n- [ADR-0001 - Repo](./adr-0001-repo.md)\n"
               "- [issue #554](https://github.com/example/design/issues/554)\n")
    headings = {2: "Relaterte dokumenter", 3: "Verwandte Dokumente", 4: "Documents liés", 5: "Documentos relacionados",
                6: "Gerelateerde documenten", 7: "Related records"}
    files = {"docs/adr/adr-0001-repo.md": NORWEGIAN.format(n=1, title="Repo")}
    for n, heading in headings.items():
        files[f"docs/adr/adr-{n:04d}-r{n}.md"] = NORWEGIAN.format(n=n, title=f"R{n}") + related.format(heading=heading)
    root = repository_with(tmp_path / "repo", files)
    for n in headings:
        assert _related(decide, root, str(n)) == [("relates to", "1")], headings[n]


def test_a_section_of_prose_with_a_link_is_no_related_section(decide, tmp_path):
    prose = "\n## Alternativer vurdert\n\n- [ADR-0001](./adr-0001-repo.md)\n- Vi kunne bruke noe annet.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-0001-repo.md": NORWEGIAN.format(n=1, title="Repo"),
        "docs/adr/adr-0002-r2.md": NORWEGIAN.format(n=2, title="R2") + prose})
    assert _related(decide, root, "2") == []


DOCUSAURUS = '---\ntitle: "ADR: {title}"\n---\n\n{lead}\n\n## Background\n\nWhy.\n\n## Decision\n\nWhat.\n'


def test_this_document_supersedes_a_linked_record(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "ADRs"\n',
        "ADRs/front-end/old-placement.md": DOCUSAURUS.format(title="old placement", lead="Old."),
        "ADRs/front-end/older-placement.md": DOCUSAURUS.format(title="older placement", lead="Older."),
        "ADRs/back-end/styling-method.md": DOCUSAURUS.format(
            title="styling method",
            lead="This document supersedes [ADR: old placement](../front-end/old-placement.md)"),
        "ADRs/front-end/styles.md": DOCUSAURUS.format(
            title="styles", lead="This ADR supersedes [ADR: older placement](./older-placement.md)"),
        "ADRs/front-end/colours.md": DOCUSAURUS.format(
            title="colours", lead="This decision supersedes [ADR: old placement](old-placement.md)").replace(
            "---\n\n", "status: accepted\n---\n\n", 1),
    })
    listed = _by_key(decide, root)
    assert listed["styling-method"]["supersedes"] == ["old-placement"]
    assert listed["styles"]["supersedes"] == ["older-placement"]
    assert (listed["colours"]["status"], listed["colours"]["supersedes"]) == ("accepted", ["old-placement"])


def test_a_sentence_that_only_mentions_superseding_supersedes_nothing(decide, tmp_path):
    leads = ["This document explains why [ADR: old placement](./old-placement.md) was superseded.",
             "Nothing in this document supersedes [ADR: old placement](./old-placement.md).",
             "This document supersedes nothing; see [ADR: old placement](./old-placement.md)"]
    files = {"ADRs/old-placement.md": DOCUSAURUS.format(title="old placement", lead="Old.")}
    for n, lead in enumerate(leads):
        files[f"ADRs/note-{n}.md"] = DOCUSAURUS.format(title=f"note {n}", lead=lead)
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "ADRs"\n', **files})
    listed = _by_key(decide, root)
    assert [listed[f"note-{n}"]["supersedes"] for n in range(len(leads))] == [[], [], []]


# Records as a small team writes them: `# ADR 010: Title`, bold bullet fields, and links to each other as
# `[ADR 014](./014-x.md)`, three digits and a leading ./, which new links should follow.
BULLETED = ("# ADR {n:03d}: {title}\n\n- **Status:** {status}\n- **Date:** 2026-01-2{n:d}\n- **Author:** Ana Lima\n"
            "{extra}\n## Context and Problem Statement\n\nWhy {n}.\n\n## Decision Outcome\n\nWhat {n}.\n")


def _bulleted(tmp_path: Path) -> Path:
    return repository_with(tmp_path / "repo", {
        "docs/decisions/001-store.md": BULLETED.format(n=1, title="Store", status="Accepted", extra=""),
        "docs/decisions/002-old-helper.md": BULLETED.format(
            n=2, title="Old helper", status="Superseded by [ADR 003](./003-libraries.md)", extra=""),
        "docs/decisions/003-libraries.md": BULLETED.format(
            n=3, title="Libraries", status="Accepted", extra="- **Supersedes:** [ADR 002](./002-old-helper.md)\n"),
        "docs/decisions/004-vault.md": BULLETED.format(n=4, title="Vault", status="Accepted", extra=""),
    })


def test_a_relation_link_is_written_as_the_folder_s_records_write_theirs(decide, tmp_path):
    root = _bulleted(tmp_path)
    done = decide("adr", "status", "4", "superseded", "--by", "3", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert "- **Status:** Superseded by [ADR 003](./003-libraries.md)" in (
        root / "docs/decisions/004-vault.md").read_text().splitlines()
    assert "- **Supersedes:** [ADR 002](./002-old-helper.md), [ADR 004](./004-vault.md)" in (
        root / "docs/decisions/003-libraries.md").read_text().splitlines()
    done = decide("adr", "link", "1", "relates to", "4", cwd=root)
    assert done.exit_code == 0, done.output
    assert "- **Relates to:** [ADR 004](./004-vault.md)" in (root / "docs/decisions/001-store.md").read_text()
    assert "- **Relates to:** [ADR 001](./001-store.md)" in (root / "docs/decisions/004-vault.md").read_text()
    listed = _by_key(decide, root)
    assert (listed["4"]["status"], listed["4"]["superseded_by"]) == ("superseded", "3")
    assert sorted(listed["3"]["supersedes"]) == ["2", "4"]


# A Status section over a bold word, as a team writes it, and a Related section linking by `ADR-001`.
SECTIONED = ("# ADR-{n:03d}: {title}\n\n## Status\n\n**{status}**\n\n## Date\n\n2025-12-0{n:d}\n\n## Context\n\n"
             "Why {n}.\n\n## Related\n\n{related}")


def test_a_link_in_a_status_section_is_written_as_the_folder_s_records_write_theirs(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-core.md": SECTIONED.format(n=1, title="Core", status="Accepted", related="- Issue: #12\n"),
        "docs/adr/002-agents.md": SECTIONED.format(n=2, title="Agents", status="Proposed",
                                                   related="- ADR: [ADR-001](./001-core.md)\n"),
    })
    done = decide("adr", "status", "1", "superseded", "--by", "2", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert "**Superseded by [ADR-002](./002-agents.md)**" in (root / "docs/adr/001-core.md").read_text().splitlines()
    assert "Supersedes [ADR-001](./001-core.md)" in (root / "docs/adr/002-agents.md").read_text().splitlines()
    listed = _by_key(decide, root)
    assert (listed["1"]["superseded_by"], listed["2"]["supersedes"]) == ("2", ["1"])


# Erlang's EEPs and Python's PEPs name the proposals they replace, or that replace them, by number in their header.
EEP = ("    Author: {author}\n    Status: {status}\n    Type: Standards Track\n    Created: 04-Mar-20{n}\n"
       "    Post-History:\n{more}****\nEEP {n}: {title}\n----\n\nAbstract\n========\n\nWhy {n}.\n")
PEP = ("PEP: {n}\nTitle: {title}\nAuthor: {author}\nStatus: {status}\nType: Standards Track\nCreated: 05-Jan-2004\n"
       "{more}\n\nAbstract\n========\n\nWhy {n}.\n")


def test_a_header_naming_what_a_proposal_replaces_by_number_is_a_relation(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "eeps"\n',
        "eeps/eep-0043.md": EEP.format(author="Ola", status="Final", n=43, title="Maps", more=""),
        "eeps/eep-0044.md": EEP.format(author="Ola", status="Final", n=44, title="Sets", more=""),
        "eeps/eep-0058.md": EEP.format(author="Vic", status="Final/26.0 Implemented in OTP release 26", n=58,
                                       title="Comprehensions", more="    Replaces: 43, 44\n"),
    })
    listed = _by_key(decide, root)
    assert listed["58"]["supersedes"] == ["43", "44"]
    assert "supersedes ADR-0043" in decide("adr", "show", "58", cwd=root).output


def test_a_pep_header_s_replaces_and_superseded_by_numbers_are_both_sides_of_one_relation(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "peps"\n',
        "peps/pep-0102.rst": PEP.format(n=102, title="Markers", author="Ivo", status="Superseded",
                                        more="Superseded-By: 104"),
        "peps/pep-0104.rst": PEP.format(n=104, title="Markers again", author="Ivo", status="Accepted",
                                        more="Replaces: 102"),
    })
    listed = _by_key(decide, root)
    assert (listed["102"]["superseded_by"], listed["104"]["supersedes"]) == ("104", ["102"])
    checked = decide("check", cwd=root).stdout
    assert "warning:" not in checked, checked


def test_superseding_adds_the_number_to_a_header_that_names_replaced_proposals_by_number(decide, tmp_path):
    newest = EEP.format(author="Vic", status="Final", n=58, title="Comprehensions", more="    Replaces: 43\n")
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "eeps"\n',
        "eeps/eep-0043.md": EEP.format(author="Ola", status="Final", n=43, title="Maps", more=""),
        "eeps/eep-0044.md": EEP.format(author="Ola", status="Final", n=44, title="Sets", more=""),
        "eeps/eep-0058.md": newest,
    })
    done = decide("adr", "status", "44", "superseded", "--by", "58", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "eeps/eep-0058.md").read_text() == newest.replace("Replaces: 43", "Replaces: 43, 44")
    assert _by_key(decide, root)["58"]["supersedes"] == ["43", "44"]


# adr-tools records in a folder whose file names hold spaces: links escape them (`%20`) or stand in `<...>`.
SPACED = "# {n}. {title}\n\nDate: 2024-03-0{n}\n\n## Status\n\n{status}\n\n## Context\n\nWhy {n}.\n{more}"


def _spaced_link(words: str, name: str, angled: bool) -> str:
    return f"[{words}](<{name}>)" if angled else f"[{words}]({name.replace(' ', '%20')})"


def _spaced(tmp_path: Path, angled: bool) -> Path:
    def link(words: str, name: str) -> str:
        return _spaced_link(words, name, angled)

    return repository_with(tmp_path / "repo", {
        "doc/adr/0001 record decisions.md": SPACED.format(
            n=1, title="Record decisions", status="Accepted",
            more=f"\n## Related\n\n* {link('4. Cache reads', '0004 cache reads.md')}\n"),
        "doc/adr/0002 use mysql.md": SPACED.format(
            n=2, title="Use mysql", status=f"Superseded by {link('3. Use postgres', '0003 use postgres.md')}", more=""),
        "doc/adr/0003 use postgres.md": SPACED.format(
            n=3, title="Use postgres", more="",
            status=f"Accepted\n\nSupersedes:\n* {link('2. Use mysql', '0002 use mysql.md')}"
                   f"\n\nAmended by {link('4. Cache reads', '0004 cache reads.md')}"),
        "doc/adr/0004 cache reads.md": SPACED.format(
            n=4, title="Cache reads", status=f"Accepted\n\nAmends {link('3. Use postgres', './0003 use postgres.md')}",
            more=f"\n## Related\n\n* {link('1. Record decisions', '0001 record decisions.md')}\n"),
    })


def test_links_to_file_names_holding_spaces_resolve_escaped_or_in_angle_brackets(decide, tmp_path):
    for angled in (False, True):
        root = _spaced(tmp_path / str(angled), angled)
        listed = _by_key(decide, root)
        assert (listed["2"]["superseded_by"], listed["3"]["supersedes"]) == ("3", ["2"]), angled
        assert listed["3"]["links"] == [{"relation": "amended by", "adr": "4"}], angled
        assert sorted((link["relation"], link["adr"]) for link in listed["4"]["links"]) == [
            ("amends", "3"), ("relates to", "1")], angled
        assert listed["1"]["links"] == [{"relation": "relates to", "adr": "4"}], angled
        assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"], angled


def test_a_link_to_a_file_name_holding_spaces_is_written_as_the_folder_writes_such_links(decide, tmp_path):
    for angled in (False, True):
        root = _spaced(tmp_path / str(angled), angled)
        folder = root / "doc/adr"
        made = decide("adr", "new", "Use sqlite", "--supersedes", "3", "--no-edit", "--date", "2026-12-02", cwd=root)
        assert made.exit_code == 0, made.output
        (new,) = [path.name for path in folder.glob("0005*")]
        superseded = decide("adr", "status", "1", "superseded", "--by", "3", "--force", cwd=root)
        assert superseded.exit_code == 0, superseded.output

        def link(words: str, name: str) -> str:
            return _spaced_link(words, name, angled)

        assert f"Supersedes {link('3. Use postgres', '0003 use postgres.md')}" in (folder / new).read_text()
        postgres = (folder / "0003 use postgres.md").read_text()
        assert f"Superseded by {link('5. Use sqlite', new)}\n" in postgres, postgres
        listed_items = (f"* {link('2. Use mysql', '0002 use mysql.md')}\n"
                        f"* {link('1. Record decisions', '0001 record decisions.md')}\n")
        assert listed_items in postgres, postgres
        listed = _by_key(decide, root)
        assert (listed["3"]["superseded_by"], sorted(listed["3"]["supersedes"]), listed["5"]["supersedes"]) == (
            "5", ["1", "2"], ["3"])
        assert "does not exist" not in decide("check", cwd=root).stdout


def test_renumbering_a_record_whose_name_holds_spaces_retargets_links_in_their_own_form(decide, tmp_path):
    for angled in (False, True):
        root = _spaced(tmp_path / str(angled), angled)
        folder = root / "doc/adr"
        before = {path.name: path.read_text() for path in folder.iterdir()}
        done = decide("adr", "renumber", "3", "--to", "7", cwd=root)
        assert done.exit_code == 0, done.output
        for name in ("0002 use mysql.md", "0004 cache reads.md"):
            expected = before[name]
            for at in ("", "./"):
                expected = expected.replace(_spaced_link("3. Use postgres", f"{at}0003 use postgres.md", angled),
                                            _spaced_link("7. Use postgres", f"{at}0007 use postgres.md", angled))
            assert expected != before[name]
            assert (folder / name).read_text() == expected, angled
        assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"], angled


def test_the_index_links_the_successor_a_status_names_in_angle_brackets(decide, tmp_path):
    for angled in (False, True):
        root = _spaced(tmp_path / str(angled), angled)
        (root / "doc/adr/data").mkdir()
        (root / "doc/adr/data/0005 use redis.md").write_text(SPACED.format(
            n=5, title="Use redis", status="Superseded by " + _spaced_link("1. Record", "../0001 record decisions.md",
                                                                           angled), more=""))
        done = decide("adr", "index", cwd=root)
        assert done.exit_code == 0, done.output
        rows = (root / "doc/adr/README.md").read_text()
        assert "| Superseded by [3. Use postgres](0003%20use%20postgres.md) |" in rows, rows
        assert "| Superseded by [1. Record](0001%20record%20decisions.md) |" in rows, rows


# A French public service's MADR 2 records: bullets under the title, no front matter, no links section yet.
FRENCH_BULLETS = ("# {title}\n\n* Statut : {status}\n* Décideurs : Léa\n* Date : 2023-02-0{n}\n\n"
                  "## Contexte et Définition du Problème\n\nPourquoi {n}.\n")


def test_a_relation_line_of_a_french_record_goes_under_a_links_heading_in_french(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/ADR-001-suivi.md": FRENCH_BULLETS.format(n=1, title="Suivi des écrans", status="accepté"),
        "docs/decisions/ADR-002-cache.md": FRENCH_BULLETS.format(n=2, title="Cache des offres", status="proposé"),
    })
    done = decide("adr", "status", "1", "superseded", "--by", "2", cwd=root)
    assert done.exit_code == 0, done.output
    text = (root / "docs/decisions/ADR-002-cache.md").read_text()
    assert text.endswith("Pourquoi 2.\n\n## Liens\n\n* Remplace [ADR-001](ADR-001-suivi.md)\n")
    done = decide("adr", "link", "2", "relates to", "1", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/decisions/ADR-002-cache.md").read_text().count("## Liens") == 1
    assert _by_key(decide, root)["2"]["supersedes"] == ["1"]


# A sign-in service's records: bold bullets, a successor named as `ADR-0005` in the status, links only in the text.
SIGN_IN = "# ADR-{n:04d}: {title}\n\n- **Status:** {status}\n- **Date:** 2026-05-1{n}\n\n## Context\n\n{why}\n"


def test_a_relation_is_named_without_a_link_where_the_folder_s_statuses_name_records_so(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-tokens.md": SIGN_IN.format(n=1, title="Tokens", status="Accepted", why="One login path."),
        "docs/adr/0002-registry.md": SIGN_IN.format(n=2, title="Registry", status="Superseded by ADR-0003",
                                                     why="Two sources disagreed."),
        "docs/adr/0003-cache.md": SIGN_IN.format(n=3, title="Cache", status="Accepted",
                                                  why="[ADR-0002](0002-registry.md) was a single point of failure."),
        "docs/adr/0004-bridge.md": SIGN_IN.format(n=4, title="Bridge", status="Proposed", why="Old platform.")})
    checked = decide("check", cwd=root).stdout  # ADR-0003 does not name the record it supersedes: one warning
    result = decide("adr", "status", "1", "superseded", "--by", "4", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert "- **Status:** Superseded by ADR-0004\n" in (root / "docs/adr/0001-tokens.md").read_text()
    assert (root / "docs/adr/0004-bridge.md").read_text() == SIGN_IN.format(
        n=4, title="Bridge", status="Proposed\n- **Supersedes:** ADR-0001", why="Old platform.")
    listed = _by_key(decide, root)
    assert (listed["1"]["superseded_by"], listed["4"]["supersedes"]) == ("4", ["1"])
    assert decide("check", cwd=root).stdout == checked


def test_a_sentence_that_says_what_a_record_supercedes_as_adr_tools_spells_it_is_read(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "doc/adr/0009-use-activerecord.md": "# 9. Use ActiveRecord\n\nDate: 2021-11-18\n\n## Status\n\nAccepted\n",
        "doc/adr/0012-use-a-datamapper.md": "# 12. Use a DataMapper\n\nDate: 2022-01-10\n\nThis decision supercedes "
                                            "[ADR 9](0009-use-activerecord.md).\n\n## Status\n\nAccepted\n",
    })
    assert _by_key(decide, root)["12"]["supersedes"] == ["9"]


def test_a_record_of_a_series_of_its_own_named_in_a_relation_is_never_another_series_record(decide, tmp_path):
    # `supersedes: [ADR-CFR-001]` names a record of the CFR series, not ADR 1, which `adr show` showed as superseded.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-001-monolith.md": "# ADR-001: Keep the monolith\n\n**Status:** Geaccepteerd\n",
        "docs/adr/ADR-016-context-flow.md": "---\nstatus: accepted\nsupersedes: [ADR-CFR-001]\n---\n# Context flow\n",
    })
    shown = json.loads(decide("adr", "show", "16", "--format", "json", cwd=root).stdout)
    assert [(r["relation"], r["adr"], r["title"]) for r in shown["related"]] == [("supersedes", "CFR-001", None)]
    assert [r["related"] for r in [json.loads(decide("adr", "show", "1", "--format", "json", cwd=root).stdout)]] == [[]]


def test_links_written_as_hugo_references_under_madr_s_links_heading_are_read(decide, tmp_path):
    # ownCloud's records, pages of a Hugo site: `[ADR-0001]({{< ref "0001-x.md" >}})` under `## Links <!-- optional -->`
    # was no link, and check said the successor did not record what it supersedes.
    page = '---\ntitle: "{n}. {title}"\n---\n\n* Status: {status}\n* Date: 2020-0{n}-01\n\n## Context\n\nWhy.\n'
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-accounts.md": page.format(n=1, title="Accounts", status='superseded by [ADR-0003]({{< ref '
                                                                              '"0003-external-users.md" >}})'),
        "docs/adr/0003-external-users.md": page.format(n=3, title="External users", status="accepted")
        + '\n## Links <!-- optional -->\n\n* supersedes [ADR-0001]({{< ref "0001-accounts.md" >}})\n',
    })
    rows = _by_key(decide, root)
    assert (rows["1"]["superseded_by"], rows["3"]["supersedes"]) == ("3", ["1"])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    # Renumbered, the references follow, in their own form.
    assert decide("adr", "renumber", "0003-external-users.md", "--to", "2", cwd=root).exit_code == 0
    assert 'superseded by [ADR-0002]({{< ref "0002-external-users.md" >}})' in (
        root / "docs/adr/0001-accounts.md").read_text()
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def _links(row: dict) -> list[tuple[str, str]]:
    return [(link["relation"], link["adr"]) for link in row["links"]]


def test_records_named_by_their_number_alone_under_the_status_are_related(decide, tmp_path):
    # vorlese-board's adr-tools records write the numbers without links (`Amended by 0005, 0006`), and a clause
    # after them (`Amends 0008, builds on 0009 and 0010`).
    nygard = "# {n}. R{n}\n\nDate: 2026-09-19\n\n## Status\n\nAccepted\n\n{line}\n\n## Context\n\nWhy.\n"
    records = {3: "Amended by 0005, 0006", 5: "Amends 0003", 6: "Amends 0003", 8: "Amended by 0011", 9: "", 10: "",
               11: "Amends 0008, builds on 0009 and 0010"}
    root = repository_with(tmp_path / "repo", {f"doc/adr/{n:04d}-r{n}.md": nygard.format(n=n, line=line)
                                               for n, line in records.items()})
    rows = _by_key(decide, root)
    assert _links(rows["3"]) == [("amended by", "5"), ("amended by", "6")]
    assert (_links(rows["5"]), _links(rows["11"])) == ([("amends", "3")], [("amends", "8")])
    assert decide("check", cwd=root).output == "0 error(s), 0 warning(s)\n"  # each side names the other


def test_related_records_named_with_notes_and_a_relation_bullet_without_a_colon_are_read(decide, tmp_path):
    bullets = "# {n}. R{n}\n\n- Status: Accepted\n{more}\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        **{f"adrs/{n:04d}-r{n}.md": bullets.format(n=n, more="") for n in (1, 4, 11, 20)},
        "adrs/0021-table.md": bullets.format(n=21, more="- Amends ADR-0020 (front only: the URL is unchanged)\n"),
        "adrs/0022-checks.md": bullets.format(
            n=22, more="- Related ADRs: ADR-0001, ADR-0011 (testing policy), ADR-0004\n"),
    })
    rows = _by_key(decide, root)
    assert _links(rows["21"]) == [("amends", "20")]
    assert _links(rows["22"]) == [("relates to", "1"), ("relates to", "11"), ("relates to", "4")]


def test_a_relation_in_a_hugo_site_links_as_its_pages_link_each_other(decide, tmp_path):
    # ownCloud's records link each other with Hugo's `{{< ref "0003-x.md" >}}`; a plain path to the file written by
    # `adr link` does not resolve on the site.
    page = '---\ntitle: "{n}. {title}"\n---\n\n* Status: accepted\n* Date: 2020-0{n}-01\n\n## Context\n\nWhy.\n{links}'
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-accounts.md": page.format(n=1, title="Accounts", links=""),
        "docs/adr/0003-external.md": page.format(n=3, title="External", links=(
            '\n## Links <!-- optional -->\n\n* relates to [ADR-0001]({{< ref "0001-accounts.md" >}})\n')),
        "docs/adr/0004-users.md": page.format(n=4, title="Users", links="")})
    assert decide("adr", "link", "4", "relates-to", "3", cwd=root).exit_code == 0
    assert (root / "docs/adr/0004-users.md").read_text().endswith(
        '## Links\n\n* Relates to [ADR-0003]({{< ref "0003-external.md" >}})\n')
    assert '* Relates to [ADR-0004]({{< ref "0004-users.md" >}})\n' in (root / "docs/adr/0003-external.md").read_text()
