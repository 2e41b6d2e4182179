"""New records from a team's own template: its blanks filled, its examples and another record's words left out."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import listed_adrs, repository_with

# Kubernetes' proposals (cluster-api): KEP-style front matter with a day's blanks and example relations.
PROPOSAL_TEMPLATE = (
    '---\ntitle: proposal Template\nauthors:\n  - "@janedoe"\nreviewers:\n  - "@janedoe"\n'
    "creation-date: yyyy-mm-dd\nlast-updated: yyyy-mm-dd\n"
    "status: provisional|implementable|implemented|deferred|rejected|withdrawn|replaced\n"
    'see-also:\n  - "/docs/proposals/20190101-we-heard-you-like-proposals.md"\n'
    'replaces:\n  - "/docs/proposals/20181231-replaced-proposal.md"\n'
    'superseded-by:\n  - "/docs/proposals/20190104-superceding-proposal.md"\n---\n\n'
    "# Title\n- Keep it simple and descriptive.\n\n## Summary\n\nThe `Summary` section matters most.\n"
)
PROPOSAL = ('---\ntitle: {title}\nauthors:\n- "@ana"\ncreation-date: {day}\nlast-updated: {day}\n'
            "status: implementable\n---\n\n# {title}\n\n## Summary\n\nWhy.\n")
# An ADR 0 kept as the folder's template (konflux-ci/architecture): a decided record, front matter and Nygard below.
ADR_ZERO = (
    '---\ntitle: "0. Record architecture decisions"\nstatus: Implemented\napplies_to:\n  - "*"\n'
    "topics:\n  - process\n  - documentation\n---\n\n# 0. Record architecture decisions\n\nDate: 2022-06-17\n\n"
    "## Status\n\nImplemented\n\n**Amended**, August, 2025: the process moved to the community repository.\n\n"
    "## Context\n\nWe need to record the architectural decisions made on this project.\n\n"
    "## Decision\n\nWe will use Architecture Decision Records.\n\n## Consequences\n\nSee Nygard's article.\n"
)
NYGARD = "# {n}. {title}\n\nDate: 2023-11-17\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
# MADR 4's template in French (zero-logement-vacant), with records named by the second they were made.
FRENCH_TEMPLATE = (
    "---\n# Ce sont des éléments optionnels.\n"
    "statut: {proposé | rejeté | accepté | obsolète | … | remplacé par [ADR-0005](0005-example.md)}\n"
    "date: {AAAA-MM-JJ de la dernière mise à jour de la décision}\n"
    "décideurs: {liste de toutes les personnes impliquées dans la décision}\n"
    "consultés: {liste de toutes les personnes dont les opinions sont sollicitées}\n"
    "informés: {liste de toutes les personnes qui sont tenues informées}\n---\n\n"
    "# {titre court du problème résolu et de la solution}\n\n"
    "## Contexte et problématique\n\n{Décrivez le contexte.}\n"
)
FRENCH = ("---\nstatut: {status}\ndate: {day}\ndécideurs: {makers}\n---\n\n# {title}\n\n"
          "## Contexte et problématique\n\nPourquoi.\n")


def _listed(decide, root: Path) -> list[dict]:
    result = decide("adr", "list", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _errors(decide, root: Path) -> list[str]:
    return [line for line in decide("check", cwd=root).output.splitlines() if ": error: " in line]


def test_a_proposal_template_s_title_days_and_example_relations_are_filled_and_emptied(decide, tmp_path):
    # The new record kept `title: proposal Template`, `# Title`, `creation-date: yyyy-mm-dd` and the template's
    # `replaces:`/`superseded-by:` examples, so `decide check` found two errors in it.
    root = repository_with(tmp_path / "repo", {
        "docs/proposals/YYYYMMDD-template.md": PROPOSAL_TEMPLATE,
        "docs/proposals/20240930-machine-drain-rules.md": PROPOSAL.format(title="MachineDrainRules", day="2024-09-30"),
    })
    result = decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == "docs/proposals/20261130-use-queues.md", result.output
    assert (root / "docs/proposals/20261130-use-queues.md").read_text() == (
        '---\ntitle: Use queues\nauthors:\n  - "@janedoe"\nreviewers:\n  - "@janedoe"\n'
        "creation-date: 2026-11-30\nlast-updated: 2026-11-30\nstatus: proposed\n"
        'see-also:\n  - "/docs/proposals/20190101-we-heard-you-like-proposals.md"\n'
        "replaces: []\nsuperseded-by: []\n---\n\n"
        "# Use queues\n- Keep it simple and descriptive.\n\n## Summary\n\nThe `Summary` section matters most.\n")
    # A title YAML cannot hold bare is quoted in the front matter, and read back as given.
    title = 'Queues: a "second" look'
    assert decide("adr", "new", title, "--no-edit", "--date", "2026-12-01", cwd=root).exit_code == 0
    rows = {row["date"]: row for row in _listed(decide, root)}
    assert [(rows[day]["title"], rows[day]["supersedes"], rows[day]["superseded_by"])
            for day in ("2026-11-30", "2026-12-01")] == [("Use queues", [], None), (title, [], None)]
    assert _errors(decide, root) == []


def test_a_record_kept_as_the_template_is_copied_with_the_new_title_day_and_status_in_both_places(decide, tmp_path):
    # The new record was ADR 0 again: its title, its day, `Implemented` under `status: Proposed`, and its text.
    root = repository_with(tmp_path / "repo", {
        "ADR/0000-adr-template.md": ADR_ZERO,
        "ADR/0001-pipeline-service.md": NYGARD.format(n=1, title="Pipeline Service"),
        "ADR/0032-decoupling-deployment.md": NYGARD.format(n=32, title="Decoupling Deployment"),
    })
    result = decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == "ADR/0033-use-queues.md", result.output
    assert (root / "ADR/0033-use-queues.md").read_text() == (
        '---\ntitle: "33. Use queues"\nstatus: Proposed\napplies_to: []\ntopics: []\n---\n\n'
        "# 33. Use queues\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\n## Decision\n\n"
        "## Consequences\n")
    title = 'Queues: a "second" look'
    assert decide("adr", "new", title, "--no-edit", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "ADR/0034-queues-a-second-look.md").read_text().startswith(
        '---\ntitle: "34. Queues: a \\"second\\" look"\nstatus: Proposed\n')
    rows = [row for row in _listed(decide, root) if row["number"] in (33, 34)]
    assert [(row["title"], row["status"]) for row in rows] == [("Use queues", "proposed"), (title, "proposed")]
    assert _errors(decide, root) == []


def test_a_folder_named_by_the_second_each_record_was_made_names_a_new_one_by_the_time_now(decide, tmp_path):
    # The new record was named by the last name's second plus one, a time long past.
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/TEMPLATE.md": FRENCH_TEMPLATE,
        "docs/decisions/20240516132303-use-madr.md": FRENCH.format(status="accepté", day="2024-05-16",
                                                                    makers="Ana", title="Utiliser MADR"),
        "docs/decisions/20240603162604-msw.md": FRENCH.format(status="proposé", day="2024-06-03",
                                                               makers="Ana, Ben", title="Mocker l'API"),
        # Named by a time to come (a clock set wrong): the next is no "second 60" after it, nor a day not given.
        "docs/decisions/20991231235959-later.md": FRENCH.format(status="proposé", day="2099-12-31",
                                                                 makers="Ana", title="Plus tard"),
    })
    # A day given is the day in the name, at the time now.
    dated = decide("adr", "new", "Use streams", "--no-edit", "--date", "2025-01-31", cwd=root)
    assert re.fullmatch(r"docs/decisions/20250131\d{6}-use-streams\.md", dated.stdout.strip()), dated.output
    before = dt.datetime.now().replace(microsecond=0)
    result = decide("adr", "new", "Use queues", "--no-edit", cwd=root)
    after = dt.datetime.now()
    assert result.exit_code == 0, result.output
    name = re.fullmatch(r"docs/decisions/(\d{14})-use-queues\.md", result.stdout.strip())
    assert name is not None, result.stdout
    assert before <= dt.datetime.strptime(name.group(1), "%Y%m%d%H%M%S") <= after
    assert f"\ndate: {before.date()}\n" in (root / result.stdout.strip()).read_text()


def test_the_people_a_french_template_asks_for_are_empty_lists_in_a_new_record(decide, tmp_path):
    # `décideurs: {liste ...}` was kept as a quoted placeholder, where `decision-makers: {...}` became [].
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/TEMPLATE.md": FRENCH_TEMPLATE,
        "docs/decisions/0001-use-madr.md": FRENCH.format(status="accepté", day="2024-05-16", makers="Ana",
                                                         title="Utiliser MADR"),
    })
    result = decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0 and result.stdout.strip() == "docs/decisions/0002-use-queues.md", result.output
    assert (root / "docs/decisions/0002-use-queues.md").read_text().startswith(
        "---\n# Ce sont des éléments optionnels.\nstatut: proposé\ndate: 2026-11-30\n"
        "décideurs: []\nconsultés: []\ninformés: []\n---\n\n# Use queues\n")
    row = _listed(decide, root)[-1]
    assert (row["decision_makers"], row["consulted"], row["informed"]) == ([], [], [])


@pytest.mark.parametrize(("record", "makers"), [
    pytest.param(FRENCH.format(status="proposé", day="2024-06-03", makers="Andrea GUEUGNAUT, Loïc GUILLOIS",
                               title="X"), ["Andrea GUEUGNAUT", "Loïc GUILLOIS"], id="french"),
    pytest.param("---\nestado: aceptado\ndecisores: [Ana, Ben]\n---\n# X\n", ["Ana", "Ben"], id="spanish"),
    pytest.param("# X\n\n* Estado: aceitado\n* Decisores: Ana, Ben\n\n## Contexto\n", ["Ana", "Ben"],
                 id="portuguese-bullets"),
    pytest.param("# X\n\n**Status:** Akzeptiert\n**Entscheider:** Ana\n\n## Kontext\n", ["Ana"], id="german-bold"),
    pytest.param("---\nstatus: accepted\nentscheidungsträger: [Ana]\n---\n# X\n", ["Ana"], id="german"),
    pytest.param("# X\n\n- Status: geaccepteerd\n- Beslissers: Ana, Ben\n\n## Context\n", ["Ana", "Ben"],
                 id="dutch-bullets"),
])
def test_decision_makers_named_in_the_record_s_language_are_its_decision_makers(decide, tmp_path, record, makers):
    root = repository_with(tmp_path / "repo", {"docs/decisions/0001-x.md": record})
    assert _listed(decide, root)[0]["decision_makers"] == makers


def test_a_status_written_bare_in_a_language_with_accents_stays_bare(decide, tmp_path):
    # `statut: proposé` became `statut: "accepté"`: YAML reads the word bare, as the team writes it.
    record = FRENCH.format(status="proposé", day="2024-06-03", makers="Ana", title="Mocker l'API")
    quoted = record.replace("statut: proposé", 'statut: "proposé"')
    root = repository_with(tmp_path / "repo", {"docs/decisions/0001-bare.md": record,
                                               "docs/decisions/0002-quoted.md": quoted})
    for number in ("1", "2"):
        result = decide("adr", "status", number, "accepted", "--force", "--date", "2026-11-30", cwd=root)
        assert result.exit_code == 0, result.output
    assert (root / "docs/decisions/0001-bare.md").read_text().startswith("---\nstatut: accepté\ndate: 2026-11-30\n")
    assert (root / "docs/decisions/0002-quoted.md").read_text().startswith(
        '---\nstatut: "accepté"\ndate: 2026-11-30\n')


def test_a_template_titled_in_its_front_matter_keeps_its_first_section_s_heading(decide, tmp_path):
    # Read alone, the text below the front matter is titled by its first heading, `## Preamble`: no title.
    template = ('---\ntitle: "{short title}"\nstatus: proposed\ndate: YYYY-MM-DD\n---\n\n## Preamble\n\n{Who.}\n\n'
                "## Context\n\n{Describe it.}\n")
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/adr-template.md": template,
        "docs/decisions/0001-use-madr.md": '---\ntitle: "Use MADR"\nstatus: accepted\n---\n\n## Context\n\nWhy.\n',
    })
    assert decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0002-use-queues.md").read_text() == (
        '---\ntitle: "Use queues"\nstatus: proposed\ndate: 2026-11-30\n---\n\n## Preamble\n\n{Who.}\n\n'
        "## Context\n\n{Describe it.}\n")


def test_the_relations_a_template_gives_as_examples_are_none_in_a_new_record(decide, tmp_path):
    template = ("---\nstatus: proposed\ndate: YYYY-MM-DD\nsupersedes: [3]\nlinks:\n  - {relation: amends, adr: 5}\n"
                "tags: [architecture]\n---\n# {short title}\n\n## Context\n\n{Describe it.}\n")
    root = repository_with(tmp_path / "repo", {"docs/decisions/adr-template.md": template,
                                               "docs/decisions/0001-use-madr.md":
                                                   "---\nstatus: accepted\n---\n# MADR\n"})
    assert decide("adr", "new", "Use queues", "--no-edit", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0002-use-queues.md").read_text() == (
        "---\nstatus: proposed\ndate: 2026-11-30\nsupersedes: []\nlinks: []\ntags: [architecture]\n---\n"
        "# Use queues\n\n## Context\n\n{Describe it.}\n")
    assert _errors(decide, root) == []


# An RFC process keeps its template at the repository's top, beside the folder of its records (React's and Vue's
# `0000-template.md` above `text/` or `active-rfcs/`), with the day it was started as a bullet to fill.
RFC_TEMPLATE = ("- Start Date: (fill me in with today's date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n\n"
                "# Summary\n\nBrief explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n")


@pytest.mark.parametrize("folder", ["text", "active-rfcs"])
def test_a_new_rfc_is_written_from_the_template_kept_beside_its_folder(decide, tmp_path, folder):
    rfc = "- Start Date: 2018-10-2{n}\n- RFC PR: https://x.test/pull/{n}\n\n# Summary\n\nWhat.\n"
    root = repository_with(tmp_path / "repo", {
        "0000-template.md": RFC_TEMPLATE, "README.md": "# RFCs\n", "pull_request_template.md": "## What changed\n",
        f"{folder}/0002-context.md": rfc.format(n=2), f"{folder}/0068-hooks.md": rfc.format(n=8)})
    created = decide("adr", "new", "Use signals", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert created.stdout.strip() == f"{folder}/0069-use-signals.md", created.output
    assert (root / folder / "0069-use-signals.md").read_text() == RFC_TEMPLATE.replace(
        "(fill me in with today's date, YYYY-MM-DD)", "2026-12-02")
    assert (root / "0000-template.md").read_text() == RFC_TEMPLATE


def test_a_new_go_design_document_keeps_the_proposal_label_of_its_template_s_title(decide, tmp_path):
    template = ("[A template for the proposal process.]\n\n# Proposal: [Title]\n\nAuthor(s): [Author Name]\n\n"
                "Last updated: [Date]\n\n## Abstract\n\n[A short summary.]\n")
    design = "# Proposal: Subtests\n\nAuthor: ana\n\nLast updated: 2015-09-02\n\n## Abstract\n\nTables.\n"
    root = repository_with(tmp_path / "repo", {"design/TEMPLATE.md": template, "design/12166-subtests.md": design})
    created = decide("adr", "new", "Use arenas", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert created.stdout.strip() == "design/12167-use-arenas.md", created.output
    assert (root / "design/12167-use-arenas.md").read_text() == template.replace(
        "# Proposal: [Title]", "# Proposal: Use arenas").replace("[Date]", "2026-12-02")


def test_a_template_front_matter_line_of_200_kb_of_spaces_is_read_at_once():
    # Both patterns once tried each run of spaces at every place it could end: minutes on such a line.
    import time

    from toolkit.actions.adr_form import _FRONT_VALUE, _YAML_VALUE, fill_blanks

    line = "title: ${title}" + " " * 200_000 + "x"
    started = time.monotonic()
    assert _FRONT_VALUE.match(line).group(2) == line[len("title: "):]
    assert _FRONT_VALUE.match("k:" + " " * 200_000 + "a#b") is None
    assert _YAML_VALUE.match("k: a" + " \t" * 100_000 + "#").group(2) == "a"
    text = f"---\n{line}\nstatus: proposed   # here\n---\n# ${{title}}\n"
    assert fill_blanks(text, {"title": "Use git", "number": "1", "date": "2026-01-02"}).startswith("---\ntitle: ")
    assert time.monotonic() - started < 2


# A proposal template's title with its number's blank as Pulsar (`PIP-XYZ`) and Wagtail (`RFC <number>:`) write it.
@pytest.mark.parametrize("folder, template, record, heading", [
    ("pip", "# PIP-XYZ: Title\n\n# Motivation\n", "# PIP-190: Docs\n\n- Status: Accepted\n\n# Motivation\n\nWhy.\n",
     "# PIP-191: Try a thing"),
    ("text", "# RFC <number>: <title>\n\n* RFC: <number>\n* Created: <date>\n\n## Abstract\n",
     "# RFC 33: Scripts\n\n* RFC: 33\n* Created: 2019-03-01\n\n## Abstract\n\nWhy.\n", "# RFC 34: Try a thing"),
])
def test_a_template_title_s_number_blank_as_proposals_write_it_takes_the_number(decide, tmp_path, folder, template,
                                                                               record, heading):
    name = "pip-190.md" if folder == "pip" else "033-scripts.md"
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": f'[adr]\ndir = "{folder}"\n',
                                               f"{folder}/TEMPLATE.md": template, f"{folder}/{name}": record})
    result = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().splitlines()[0] == heading


# pandas' PDEPs: `# PDEP-6: Title` over `- Created:` / `- Status:` bullets; no template in the folder.
PDEP = ("# PDEP-{n}: {title}\n\n- Created: {day} May 2024\n- Status: {status}\n"
        "- Discussion: [#58623](https://x.test/58623)\n  [#52711](https://x.test/52711)\n"
        "- Author: [Eli](https://x.test/eli)\n- Revision: 1\n\n## Abstract\n\nWhy.\n")


def test_a_new_record_among_bullets_under_numbered_titles_is_written_as_they_are(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "web/pdeps"\n',
        "web/pdeps/0006-ban-upcasting.md": PDEP.format(n=6, title="Ban upcasting", day=3, status="Accepted"),
        "web/pdeps/0010-pyarrow.md": PDEP.format(n=10, title="Require PyArrow", day=4, status="Rejected"),
        "web/pdeps/0015-no-pyarrow.md": PDEP.format(n=15, title="Do not require PyArrow", day=8,
                                                    status="Accepted. Supersedes [PDEP-10](0010-pyarrow.md)"),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    lines = (root / "web/pdeps/0016-try-a-thing.md").read_text().splitlines()
    assert [line.rstrip() for line in lines] == ["# PDEP-16: Try a thing", "", "- Created: 2 December 2026",
                                                 "- Status: Proposed", "- Discussion:", "- Author:", "- Revision:",
                                                 "", "## Abstract"]
    assert [r["title"] for r in listed_adrs(decide, root)][-1] == "Try a thing"


def test_a_title_written_in_brackets_after_its_number_keeps_them_in_a_new_record(decide, tmp_path):
    record = ("# [ADR-00{n}][{title}]\n\n* Status: accepted\n* Deciders: ana\n* Date: 2023-06-0{n}\n\n"
              "## Context\n\nWhy.\n")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr_001-series.md": record.format(n=1, title="Data series database"),
        "docs/adr/adr_002-broker.md": record.format(n=2, title="Message broker"),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith("# [ADR-003][Try a thing]\n")


# Erlang's EEPs: an indented header, a `****` rule, the title over `----`, sections underlined with `=====`.
EEP = ("    Author: {author}\n    Status: {status}\n    Type: Standards Track\n    Created: {created}\n"
       "    Post-History:\n****\nEEP {n}: {title}\n----\n\n\nAbstract\n========\n\n{text}\n\n"
       "Copyright\n=========\n\nPublic domain.\n")


def test_a_new_record_among_records_titled_under_a_rule_is_written_as_they_are(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "eeps"\n',
        "eeps/eep-0049.md": EEP.format(author="Sam", status="Draft", created="31-Aug-2018", n=49,
                                       title="Value-based error handling", text="Chain ok and error tuples."),
        "eeps/eep-0052.md": EEP.format(author="Ulla", status="Final/24.0 Implemented in OTP release 24",
                                       created="02-Feb-2020", n=52, title="Bound keys in map patterns",
                                       text="Use bound values in the same pattern."),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    lines = (root / "eeps/eep-0053.md").read_text().splitlines()
    assert [line.rstrip() for line in lines] == [
        "    Author:", "    Status: Proposed", "    Type:", "    Created: 02-Dec-2026", "    Post-History:", "****",
        "EEP 53: Try a thing", "----", "", "Abstract", "========", "", "Copyright", "========="]
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)][-1] == (53, "Try a thing")


# Wagtail's RFC template marks the number and both days with blanks in angle brackets; the author is left to fill.
WAGTAIL_TEMPLATE = ("# RFC <number>: <title>\n\n* RFC: <number>\n* Author: <name>\n* Created: <date>\n"
                    "* Last Modified: <date>\n\n## Abstract\n\nWhat it is.\n")
WAGTAIL = "# RFC 33: Scripts\n\n* RFC: 33\n* Author: Ana\n* Created: 2019-03-01\n* Last Modified: 2019-03-02\n"


def test_the_number_and_day_blanks_of_a_bulleted_template_are_filled(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "text"\n',
                                               "000-template.md": WAGTAIL_TEMPLATE, "text/033-scripts.md": WAGTAIL})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "text/034-try-a-thing.md").read_text() == (
        "# RFC 34: Try a thing\n\n* RFC: 34\n* Author: <name>\n* Created: 2026-12-02\n"
        "* Last Modified: 2026-12-02\n\n## Abstract\n\nWhat it is.\n")


# Windows Terminal's spec template: front matter whose days are `<yyyy-mm-dd>` blanks.
SPEC_TEMPLATE = ("---\nauthor: <first-name> <last-name>\ncreated on: <yyyy-mm-dd>\nlast updated: <yyyy-mm-dd>\n"
                 "issue id: <github issue id>\n---\n\n# Spec Title\n\n## Abstract\n")
SPEC = "---\nauthor: Ana\ncreated on: 2020-01-13\nlast updated: 2020-08-12\nissue id: 2046\n---\n\n# Palette\n"


def test_a_front_matter_day_blank_in_angle_brackets_is_the_day_the_record_is_made(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "doc/specs"\n',
                                               "doc/specs/spec-template.md": SPEC_TEMPLATE,
                                               "doc/specs/#2046 - Command Palette.md": SPEC})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text() == SPEC_TEMPLATE.replace(
        "<yyyy-mm-dd>", "2026-12-02").replace("Spec Title", "Try a thing")


def test_a_copied_day_is_padded_as_the_folder_pads_where_the_latest_record_does_not_show_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "eeps"\n',
        "eeps/eep-0052.md": EEP.format(author="Ulla", status="Final", created="02-Feb-2020", n=52, title="Keys",
                                       text="Bound keys."),
        "eeps/eep-0058.md": EEP.format(author="Raj", status="Draft", created="11-Oct-2021", n=58, title="Maps",
                                       text="Map comprehensions."),
    })
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert "    Created: 02-Dec-2026" in (root / "eeps/eep-0059.md").read_text().splitlines()


# Jupyter's JEPs: each proposal a folder named by its number and slug, the template in the guidelines' folder.
JEP_TEMPLATE = ("---\ntitle: <title of the JEP>\nauthors: <list of authors>\n"
                "pr-number: <proposal pull-request number>\ndate-started: <date when proposal work started>\n"
                "---\n\n# Summary\n\nOne paragraph.\n")
JEP = '---\ntitle: Cell ids\nauthors: Ana\npr-number: 62\ndate-started: "2020-08-27"\n---\n\n# Cell ids\n\nWhy.\n'


def test_a_template_kept_in_a_guidelines_folder_beside_records_kept_as_folders_writes_a_new_one(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "."\n', "README.md": "# Proposals\n",
        "proposal-guidelines/JEP-TEMPLATE.md": JEP_TEMPLATE, "62-cell-id/cell-id.md": JEP,
        "08-diff/diff.md": JEP.replace("Cell ids", "Diffs").replace("62", "8"),
        ".github/PULL_REQUEST_TEMPLATE.md": "## What changed\n"})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.stdout.strip() == "63-try-a-thing/try-a-thing.md", result.output
    assert (root / "63-try-a-thing/try-a-thing.md").read_text() == JEP_TEMPLATE.replace(
        "<title of the JEP>", "Try a thing").replace("<date when proposal work started>", "2026-12-02")
    assert (root / "proposal-guidelines/JEP-TEMPLATE.md").read_text() == JEP_TEMPLATE


def test_two_templates_in_folders_beside_records_kept_as_folders_choose_none(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "."\n', "guide/JEP-TEMPLATE.md": JEP_TEMPLATE,
        "other/design-template.md": "# Design\n", "62-cell-id/cell-id.md": JEP,
        "08-diff/diff.md": JEP.replace("Cell ids", "Diffs").replace("62", "8")})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert "<title of the JEP>" not in (root / result.stdout.strip()).read_text()


# Primer's template: a title labelled `[ADR]`, a day after an emoji, and the status's choices each with its mark.
PRIMER_TEMPLATE = ("# [ADR] Title of the decision\n\n📆 Date: YYYY-MM-DD\n\n## Status\n\n"
                   "<!-- One of: Proposed, Accepted, Superseded by [LINK](), Deprecated -->\n\n"
                   "Status: [Proposed ❓ | Accepted ✅ | Superseded by [ADD LINK] ⚠️ | Deprecated ⛔]\n\n"
                   "## Context\n\n<!-- Why the decision is needed. -->\n")


def test_a_new_record_from_primer_s_template_keeps_its_title_label_and_the_proposal_s_mark(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "contributor-docs/adrs"\n',
        "contributor-docs/adrs/adr-000-template.md": PRIMER_TEMPLATE,
        "contributor-docs/adrs/adr-024-slots.md": PRIMER_TEMPLATE.replace("Title of the decision", "Prefer slots")
        .replace("YYYY-MM-DD", "2026-05-17").replace("[Proposed ❓ | Accepted ✅ | Superseded by [ADD LINK] ⚠️ | "
                                                     "Deprecated ⛔]", "Accepted ✅"),
    })
    made = decide("adr", "new", "Merge props in one helper", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / "contributor-docs/adrs/adr-025-merge-props-in-one-helper.md").read_text() == (
        PRIMER_TEMPLATE.replace("Title of the decision", "Merge props in one helper").replace(
            "YYYY-MM-DD", "2026-12-02").replace(
            "[Proposed ❓ | Accepted ✅ | Superseded by [ADD LINK] ⚠️ | Deprecated ⛔]", "Proposed ❓"))
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)] == [
        (24, "Prefer slots", "accepted"), (25, "Merge props in one helper", "proposed")]


def test_a_new_record_copied_from_a_korean_folder_writes_its_status_in_bold_as_the_folder_does(decide, tmp_path):
    record = "# ADR-00{n}: {title}\n\n## 상태\n✅ **승인됨** (2025-12-0{n})\n\n## 컨텍스트\n\n왜.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-001-secrets.md": record.format(n=1, title="시크릿 관리"),
        "docs/adr/ADR-002-replicas.md": record.format(n=2, title="고가용성"),
    })
    made = decide("adr", "new", "캐시 배포", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    # No record marks a proposal: the mark, which says accepted, is not copied; the bold is.
    assert (root / made.stdout.strip()).read_text() == (
        "# ADR-003: 캐시 배포\n\n## 상태\n**제안됨** (2026-12-02)\n\n## 컨텍스트\n")


# Solana's improvement documents: `proposals/NNNN-title.md` under YAML front matter that numbers it (`simd: '0499'`),
# with the template at the repository's top, `XXXX-template.md`, whose proposals start as drafts.
SIMD_TEMPLATE = ("---\nsimd: 'XXXX'\ntitle: Title of SIMD\nauthors:\n  - (the authors' names)\n"
                 "category: Standard/Meta\ntype: Core/Networking/Interface/Meta\nstatus: Draft\ncreated: (today's date, YYYY-MM-DD)\n"
                 "feature: (its tracking issue, once accepted)\n---\n\n## Summary\n\nWhat the feature is.\n\n"
                 "## Motivation\n\nWhy we do it.\n")
SIMD = ("---\nsimd: '{n:04d}'\ntitle: {title}\nauthors:\n  - Ana Ruiz (Anza)\ncategory: Standard\ntype: Core\n"
        "status: {status}\ncreated: {day}\nfeature: TBD\n---\n\n## Summary\n\nWhat {n} does.\n")


def test_a_new_solana_proposal_is_written_from_the_template_at_the_repository_s_top(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "proposals"\n',
        "XXXX-template.md": SIMD_TEMPLATE,
        "proposals/0476-rent-burn.md": SIMD.format(n=476, title="Rent burn", status="Accepted", day="2026-02-10"),
        "proposals/0499-loader-v1-off.md": SIMD.format(n=499, title="Loader v1 off", status="Review", day="2026-03-16"),
    })
    made = decide("adr", "new", "Fee split", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "proposals/0500-fee-split.md"
    # The number as the template's blank is wide, the template's own first status, today as the day it was made.
    assert (root / "proposals/0500-fee-split.md").read_text() == SIMD_TEMPLATE.replace("'XXXX'", "'0500'").replace(
        "Title of SIMD", "Fee split").replace("(today's date, YYYY-MM-DD)", "2026-12-02")
    assert (500, "Fee split", "draft", "2026-12-02") in [
        (r["number"], r["title"], r["status"], r["date"]) for r in listed_adrs(decide, root)]


# Couchbase's SDK RFCs: `rfc/NNNN-title.md` opening with a `# Meta` list of fields, the template at the top listing the
# statuses a record goes through, its first the one a new RFC starts at.
SDK_TEMPLATE = ("# Meta\n\n- RFC Name: [Short name]\n- RFC ID: [number]\n- Start Date: [YYYY-MM-DD]\n- Owner: [who]\n"
                "- Current Status: [DRAFT | REVIEW | ACCEPTED]\n\n# Summary\n\nWhat it changes.\n")
SDK_RFC = ("# Meta\n\n- RFC Name: {title}\n- RFC ID: {n:04d}\n- Start Date: {day}\n- Owner: Ana Ruiz\n"
           "- Current Status: {status}\n\n# Summary\n\nWhat {n} changes.\n")


def test_a_new_couchbase_rfc_starts_at_the_first_status_its_template_lists(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "0000-template.md": SDK_TEMPLATE,
        "rfc/0011-connection-string.md": SDK_RFC.format(n=11, title="Connection String", day="2014-02-12",
                                                        status="Accepted"),
        "rfc/0084-app-telemetry.md": SDK_RFC.format(n=84, title="App Telemetry", day="2024-01-04", status="DRAFT"),
    })
    made = decide("adr", "new", "Retry budgets", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "rfc/0085-retry-budgets.md"
    assert (root / "rfc/0085-retry-budgets.md").read_text() == SDK_TEMPLATE.replace(
        "[Short name]", "Retry budgets").replace("[number]", "85").replace("[YYYY-MM-DD]", "2026-12-02").replace(
        "[DRAFT | REVIEW | ACCEPTED]", "DRAFT")
    assert (85, "Retry budgets", "draft") in [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)]


# OpenTofu's RFCs: `rfc/YYYYMMDD-title.md`, no status or number, and the template the guide says to copy beside them.
TOFU_TEMPLATE = ("# RFC Title\n\nIssue: https://github.com/OpenTofu/{ Repository }/issues/{ issue number }\n\n"
                 "The problem, for a reader new to the code.\n\n## Proposed Solution\n\nAn overview.\n\n"
                 "## Potential Alternatives\n\nOther ways.\n")


def test_a_new_opentofu_rfc_is_named_by_the_day_and_copies_the_template_beside_the_rfcs(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[adr]\ndir = "rfc"\n',
        "rfc/yyyymmdd-template.md": TOFU_TEMPLATE,
        "rfc/20260402-prerelease-constraints.md": TOFU_TEMPLATE.replace("RFC Title", "Prerelease Constraints"),
        "rfc/20260406-linting.md": TOFU_TEMPLATE.replace("RFC Title", "Built-in Linting"),
    })
    made = decide("adr", "new", "Module Version Locking", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "rfc/20261202-module-version-locking.md"
    assert (root / "rfc/20261202-module-version-locking.md").read_text() == TOFU_TEMPLATE.replace(
        "RFC Title", "Module Version Locking")


# The French health agency's template is a page of its just-the-docs site, ordered in the site's menu by the
# number its file name has (`nav_order: 0000` in `0000-modele-adr.md`).
SITE_TEMPLATE = ("---\nparent: Decisions\nnav_order: 0000\ntitle: Modèle ADR\n---\n\n"
                 "# {titre court du problème résolu}\n\n* statut : {proposé | rejeté | accepté}\n"
                 "* date : {AAAA-MM-JJ}\n\n## Contexte et énoncé du problème\n\n{Deux ou trois phrases.}\n")
SITE_RECORD = ("---\nparent: Decisions\nnav_order: 0002\ntitle: Licence des projets\n---\n\n"
               "# Licence des projets\n\n* statut : accepté\n* date : 2025-06-10\n\n"
               "## Contexte et énoncé du problème\n\nPourquoi.\n")


def test_a_template_s_own_number_in_its_front_matter_is_the_new_record_s_number(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"docs/decisions/0000-modele-adr.md": SITE_TEMPLATE,
                                               "docs/decisions/0002-licence.md": SITE_RECORD})
    assert decide("adr", "new", "Journaux centralisés", "--no-edit", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert (root / "docs/decisions/0003-journaux-centralises.md").read_text() == (
        "---\nparent: Decisions\nnav_order: 0003\ntitle: Journaux centralisés\n---\n\n# Journaux centralisés\n\n"
        "* statut : proposé\n* date : 2026-11-30\n\n"
        "## Contexte et énoncé du problème\n\n{Deux ou trois phrases.}\n")


# A health agency's adr-tools folder whose template puts each of adr-tools' blanks in brackets.
BRACKETED_TEMPLATE = ("# [NUMBER] [TITLE]\n\nDate: [DATE PROPOSED]\n\n## Status\n\nProposed\n\n"
                      "## Context and Problem Statement\n\nSay why. Dates as [DATE](dates.md) says.\n")


def test_the_blanks_of_a_template_in_brackets_are_filled_without_their_brackets(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {"docs/decisions/template.md": BRACKETED_TEMPLATE,
                                               "docs/decisions/0012-pick-a-format.md": NYGARD.format(
                                                   n=12, title="Pick a format")})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/decisions/0013-try-a-thing.md").read_text() == (
        "# 13 Try a thing\n\nDate: 2026-12-02\n\n## Status\n\nProposed\n\n"
        # A blank that is a link's text keeps its link.
        "## Context and Problem Statement\n\nSay why. Dates as [2026-12-02](dates.md) says.\n")


# An SDK's RFCs: a `# Meta` list of fields whose name and number are blanks in brackets.
META_TEMPLATE = ("# Meta\n\n- RFC Name: [Short name]\n- RFC ID: [number]\n- Start Date: [YYYY-MM-DD]\n"
                 "- Owner: [who]\n- Current Status: [DRAFT | REVIEW | ACCEPTED]\n\n# Summary\n\nOne paragraph.\n")
META = "# Meta\n\n* RFC Name: Retry Budget\n* RFC ID: 84\n* Start Date: 2024-01-04\n* Current Status: DRAFT\n"
# A quantum library's RFCs: a table header whose number is `####`.
TABLE_TEMPLATE = ("# RFC Title\n\n| **Status**        | **Proposed/Accepted/Deprecated** |\n"
                  "|:------------------|:---------------------------------------------|\n"
                  "| **RFC #**         | ####                                         |\n"
                  "| **Submitted**     | YYYY-MM-DD                                   |\n\n## Summary\n")
TABLE = ("# {title}\n\n| **Status**        | **Accepted** |\n|:------------------|:-------------|\n"
         "| **RFC #**         | {n}         |\n| **Submitted**     | 2023-11-21   |\n\n## Summary\n")


@pytest.mark.parametrize("files, made, lines", [
    ({"0000-template.md": META_TEMPLATE, "rfc/0084-retry-budget.md": META}, "rfc/0085-try-a-thing.md",
     ["- RFC Name: Try a thing", "- RFC ID: 85", "- Start Date: 2026-12-02", "- Owner: [who]"]),
    ({"0000-template.md": TABLE_TEMPLATE, "0014-experiments.md": TABLE.format(title="Experiments", n="0014"),
      "0020-release-cycle.md": TABLE.format(title="Release cycle", n="0020")}, "0021-try-a-thing.md",
     ["# Try a thing", "| **RFC #**         | 0021                                         |"]),
])
def test_a_header_field_s_title_or_number_blank_is_the_new_record_s(decide, tmp_path, files, made, lines):
    root = repository_with(tmp_path / "repo", files)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    written = (root / made).read_text().splitlines()
    assert [line for line in lines if line not in written] == []
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)][-1] == (int(Path(made).name[:4]), "Try a thing")


# A wallet consortium's RFCs: the consortium's name before the RFC's number in each title.
CONSORTIUM = "# EWC RFC{n:03d}: {title} - v1.0\n\n**Authors:**\n\n* Ana Lima\n\n**Status:** {status}\n\n# 1.0\tSummary\n"


def test_a_new_record_keeps_the_project_s_name_before_its_number_in_the_title(decide, tmp_path):
    # It was headed by its words alone: `# Try a thing`.
    root = repository_with(tmp_path / "repo", {"decisionbook.toml": '[adr]\ndir = "rfcs"\n'} | {
        f"rfcs/ewc-rfc{n:03d}-{slug}.md": CONSORTIUM.format(n=n, title=title, status=status)
        for n, slug, title, status in ((4, "attestation", "Wallet Attestation", "Approved"),
                                       (12, "trust", "Trust Mechanism", "Draft"))})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().splitlines()[0] == "# EWC RFC013: Try a thing"
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)][-1] == (13, "Try a thing")


# A chain's docs site (Docusaurus): a template whose Status section quotes its guidance above the choices.
SITE_ADR_TEMPLATE = (
    "---\nsidebar_position: 2\ntitle: ADR Template\n---\n# ADR {ADR-NUMBER}: {TITLE}\n\n## Changelog\n"
    "* {date}: {changelog}\n\n## Status\n\n"
    '> A record is "proposed" while it is discussed and "accepted" once agreed.\n\n'
    "{Deprecated|Proposed|Accepted}\n\n## Context\n\n> What the reader needs to know.\n")
SITE_ADR = ("---\nsidebar_position: {position}\ntitle: {title}\n---\n# ADR {n:03d}: {title}\n\n## Changelog\n"
            "* 2023-08-09: First draft\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n")


def test_a_template_s_status_is_its_choices_not_the_guidance_quoted_above_them(decide, tmp_path):
    # The quote's first line was taken for the status: a new record's `> Proposed` replaced it, the choices stayed.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-template.md": SITE_ADR_TEMPLATE,
        "docs/adr/adr-011-replay-tests.md": SITE_ADR.format(position=12, title="Replay tests", n=11)})
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / result.stdout.strip()).read_text()
    guidance = '> A record is "proposed" while it is discussed and "accepted" once agreed.'
    assert f"## Status\n\n{guidance}\n\nProposed\n" in text
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "proposed"]


def _site_folder(tmp_path: Path) -> Path:
    return repository_with(tmp_path / "repo", {
        "docs/adr/adr-template.md": SITE_ADR_TEMPLATE,
        "docs/adr/adr-009-quiet-hours.md": SITE_ADR.format(position=10, title="Quiet hours", n=9),
        "docs/adr/adr-011-replay-tests.md": SITE_ADR.format(position=12, title="Replay tests", n=11)})


def test_a_template_s_title_number_blank_is_padded_as_the_folder_s_titles_are(decide, tmp_path):
    # `# ADR {ADR-NUMBER}: {TITLE}` gave `# ADR 12:` beside `# ADR 011:`.
    root = _site_folder(tmp_path)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert "\n# ADR 012: Try a thing\n" in (root / result.stdout.strip()).read_text()


def test_a_day_s_blank_in_braces_in_a_template_s_changelog_is_the_new_record_s_day(decide, tmp_path):
    # `* {date}: {changelog}` was left: the new record had no day.
    root = _site_folder(tmp_path)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert "## Changelog\n* 2026-12-02: {changelog}\n" in (root / result.stdout.strip()).read_text()
    assert [r["date"] for r in listed_adrs(decide, root)][-1] == "2026-12-02"


def test_a_new_record_comes_after_the_folder_s_records_in_the_site_s_sidebar(decide, tmp_path):
    # It kept the template's own `sidebar_position: 2`, between the index page and the first record.
    root = _site_folder(tmp_path)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith("---\nsidebar_position: 13\ntitle: Try a thing\n---\n")


def test_a_folder_whose_records_share_one_sidebar_place_gives_a_new_record_the_template_s(decide, tmp_path):
    # A Spanish team's site: every page `sidebar_position: 1`, ordered by name.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/plantilla-adr.md": SITE_ADR_TEMPLATE.replace("sidebar_position: 2", "sidebar_position: 1"),
        "docs/adr/adr-0001-capas.md": SITE_ADR.format(position=1, title="Capas", n=1),
        "docs/adr/adr-0004-base-de-datos.md": SITE_ADR.format(position=1, title="Base de datos", n=4)})
    result = decide("adr", "new", "Caché distribuida", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith("---\nsidebar_position: 1\n")


# A Spanish team's site: every status in brackets, the template's choices too.
BRACKETED_CHOICES = ("# ADR XXXX:  `<Título de la Decisión>`\n\n* **Fecha:** YYYY-MM-DD\n"
                     "* **Estado:** [Propuesta | Aceptada | Obsoleta | Reemplazada por ADR YYYY]\n\n## Contexto\n")
BRACKETED = "# ADR {n:04d}:   {title}\n\n* **Fecha:** 2025-07-29\n* **Estado:** [{status}]\n\n## Contexto\n\nPor qué.\n"


def test_a_new_record_s_status_is_in_brackets_where_the_folder_writes_its_statuses_so(decide, tmp_path):
    # It was written bare, `* **Estado:** Propuesta`, beside `[Aceptada]`.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/plantilla-adr.md": BRACKETED_CHOICES,
        "docs/adr/adr-0001-capas.md": BRACKETED.format(n=1, title="Capas", status="Aceptada"),
        "docs/adr/adr-0004-base-de-datos.md": BRACKETED.format(n=4, title="Base de datos", status="Propuesta"),
        "docs/adr/adr-0006-resultado.md": BRACKETED.format(n=6, title="Resultado", status="Aceptada")})
    result = decide("adr", "new", "Caché distribuida", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert "\n* **Estado:** [Propuesta]\n" in (root / result.stdout.strip()).read_text()
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "proposed", "accepted", "proposed"]


# A just-the-docs site without a template of its own: MADR fields and the site's keys in each record's front matter,
# one key a list, one that differs from record to record.
THEMED = ("---\nlayout: default\ntitle: {title}\nparent: Architecture Decisions\nnav_order: {n}\nstatus: accepted\n"
          "date: 2026-05-0{n}\narea: {area}\nowners:\n  - maintainers\nsupersedes: []\n---\n\n"
          "## Context and Problem Statement\n\nWhy.\n\n## Decision Outcome\n\nChosen.\n")
# A government team's Nygard records, each under the site's parent page and nothing else in its front matter.
PARENTED = ("---\nparent: Architecture decisions\n---\n\n# {n}. {title}\n\nDate: 2022-03-1{n}\n\n## Status\n\n"
            "Accepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n")


def test_a_new_record_takes_the_site_keys_every_record_writes_and_the_next_menu_place(decide, tmp_path):
    # It had only decisionbook's keys: just-the-docs listed it under no parent, in no order, with another layout.
    root = repository_with(tmp_path / "repo", {
        f"docs/decisions/000{n}-{slug}.md": THEMED.format(title=title, n=n, area=area)
        for n, slug, title, area in ((1, "use-nats", "Use NATS", "transport"), (2, "one-daemon", "One daemon",
                                     "runtime"), (3, "signals", "Signals", "transport"))})
    result = decide("adr", "new", "Keep a journal", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / result.stdout.strip()).read_text()
    assert text.startswith("---\ntitle: Keep a journal\nlayout: default\nparent: Architecture Decisions\nnav_order: 4\n"
                           "owners:\n  - maintainers\nstatus: proposed\ndate: 2026-12-02\n"), text
    assert "area:" not in text and "supersedes" not in text  # one record's own; a relation, as decisionbook writes it
    assert [(r["title"], r["status"]) for r in listed_adrs(decide, root)][-1] == ("Keep a journal", "proposed")
    assert decide("check", cwd=root).exit_code == 0


def test_a_nygard_record_gets_the_front_matter_every_record_of_its_folder_has(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "doc/adr\n",
        **{f"doc/adr/000{n}-{slug}.md": PARENTED.format(n=n, title=title)
           for n, slug, title in ((1, "use-wordpress", "Use WordPress"), (2, "use-paas", "Use PaaS"))}})
    result = decide("adr", "new", "Use a CDN", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / result.stdout.strip()).read_text()
    assert text.startswith("---\nparent: Architecture decisions\n---\n\n# 3. Use a CDN\n\nDate: 2026-12-02\n"), text
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)][-1] == (3, "proposed")


@pytest.mark.parametrize("second", [
    PARENTED.replace("Architecture decisions", "Decisions"),  # the records disagree
    PARENTED.split("---\n\n", 1)[1],  # only one record has front matter
])
def test_site_keys_are_copied_only_where_every_record_with_front_matter_writes_them_alike(decide, tmp_path, second):
    root = repository_with(tmp_path / "repo", {
        ".adr-dir": "doc/adr\n",
        "doc/adr/0001-use-wordpress.md": PARENTED.format(n=1, title="Use WordPress"),
        "doc/adr/0002-use-paas.md": second.format(n=2, title="Use PaaS")})
    result = decide("adr", "new", "Use a CDN", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith("# 3. Use a CDN\n\nDate: 2026-12-02\n")


# A Norwegian team's folder: its template is `mal.md` ("template"), which asks for the status in a question above
# the team's choices; its records write their status in Norwegian.
MAL = ("# 1. Tittel\n\nDato: 2024-01-31\n\n## Status\n\nHva er status på denne ADR-en?\n\n* `Akseptert`\n"
       "* `Under arbeid`\n* `Implementert`\n\n## Kontekst\n\nBakgrunn for denne ADR-en.\n\n"
       "## Løsningsalternativer\n\n| Alternativ | Fordeler | Ulemper |\n|---|---|---|\n| ... | ... | ... |\n\n"
       "## Beslutning\n\nBeskriv beslutningen.\n\n## Konsekvenser\n\nHvilke konsekvenser får beslutningen?\n")
NORSK = ("# {n}. {title}\n\nDato: 2024-0{n}-15\n\n## Status\n\n{status}\n\n## Kontekst\n\nBakgrunn.\n\n"
         "## Beslutning\n\nJa.\n")


@pytest.mark.parametrize("name", ["mal.md", "adr-mal.md", "mall.md", "skabelon.md"])
def test_a_template_named_in_a_nordic_language_writes_new_records_with_the_status_in_the_records_language(
        decide, tmp_path, name):
    # `mal.md` was no template: new records had none of its sections; read as one, the status it asks for was
    # written in English, above the choices the template lists for its author to keep one of.
    root = repository_with(tmp_path / "repo", {
        f"docs/adr/{name}": MAL,
        "docs/adr/0001-integrasjon-med-epj.md": NORSK.format(n=1, title="Integrasjon med EPJ", status="Akseptert"),
        "docs/adr/0002-epj-instanser.md": NORSK.format(n=2, title="EPJ-instanser", status="Implementert")})
    result = decide("adr", "new", "Bruk Kafka", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / result.stdout.strip()).read_text()
    assert text.startswith("# 3. Bruk Kafka\n\nDato: 2026-12-02\n\n## Status\n\nForeslått\n\n## Kontekst\n"), text
    assert "## Løsningsalternativer\n" in text
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [(1, "accepted"), (2, "accepted"),
                                                                               (3, "proposed")]


@pytest.mark.parametrize("choices, kept", [
    ("* `Accepted`\n* `Proposed`\n* `Rejected`\n", ""),  # the team's choices: the new record keeps its own
    ("- Write down who asked for it\n- Write down why\n", "- Write down who asked for it\n- Write down why\n\n"),
])
def test_a_template_s_list_of_status_choices_under_its_question_is_left_out_of_a_new_record(decide, tmp_path,
                                                                                            choices, kept):
    template = ("# 1. Title\n\nDate: 2024-01-31\n\n## Status\n\nWhat is the status of this ADR?\n\n"
                f"{choices}\n## Context\n\nWhy.\n")
    root = repository_with(tmp_path / "repo", {
        "docs/adr/template.md": template, "docs/adr/0001-use-git.md": NYGARD.format(n=1, title="Use git")})
    result = decide("adr", "new", "Use Kafka", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / result.stdout.strip()).read_text()
    assert text.startswith(f"# 2. Use Kafka\n\nDate: 2026-12-02\n\n## Status\n\nProposed\n\n{kept}## Context\n"), \
        text


def test_a_relation_of_a_new_record_takes_the_place_of_the_template_s_example_links(decide, tmp_path):
    # log4brains' MADR template heads its section `## Links <!-- optional -->` over example items: a second
    # `## Links` was added below them.
    template = ("# [short title of solved problem and solution]\n\n- Status: [draft | proposed | accepted] "
                "<!-- optional -->\n- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n\n"
                "## Context and Problem "
                "Statement\n\n[Describe the context]\n\n## Links <!-- optional -->\n\n- [Link type](link to adr) <!-- "
                "example: Refined by [xxx](yyyymmdd-xxx.md) -->\n- … <!-- numbers of links can vary -->\n")
    record = "# Use JWT claims\n\n- Status: accepted\n- Date: 2024-01-03\n\n## Context and Problem Statement\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {"docs/decisions/template.md": template,
                                               "docs/decisions/20240103-use-jwt-claims.md": record})
    made = decide("adr", "new", "Use OIDC", "--supersedes", "20240103-use-jwt-claims", "--no-edit",
                  "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text()
    assert text.count("## Links") == 1 and "Link type" not in text and "numbers of links" not in text
    assert text.endswith("## Links <!-- optional -->\n\n- Supersedes [Use JWT claims](20240103-use-jwt-claims.md)\n")


@pytest.mark.parametrize(("titles", "made"), [
    (("ADR 001: TypeScript", "Prop norms", "ADR 16: Styling"), "# Use a queue\n"),  # no form most write
    (("ADR 001: TypeScript", "ADR 002: Prop norms", "ADR 003: Styling"), "# ADR 004: Use a queue\n"),
])
def test_a_template_s_blank_for_the_record_s_label_is_written_as_the_records_write_theirs(decide, tmp_path, titles,
                                                                                          made):
    # Primer's template is titled `# [ADR] Title of the Architectural Decision Record`: new records kept `[ADR]`.
    template = ("# [ADR] Title of the Architectural Decision Record\n\n📆 Date: YYYY-MM-DD\n\n## Status\n\n"
                "Status: [Proposed ❓ | Accepted ✅]\n\n## Context\n\n<!-- Why -->\n")
    files = {"docs/adr/adr-000-template.md": template}
    for n, title in enumerate(titles, start=1):
        files[f"docs/adr/adr-00{n}-r{n}.md"] = f"# {title}\n\n📆 Date: 2024-0{n}-01\n\n## Status\n\nAccepted\n"
    root = repository_with(tmp_path / "repo", files)
    result = decide("adr", "new", "Use a queue", "--no-edit", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / result.stdout.strip()).read_text().startswith(made)


# Backstage's ADRs: a documentation site's front matter naming each record by its number (`id: adrs-adr015`,
# `title: 'ADR015: ...'`), from a template named and numbered `adr000`.
BACKSTAGE_TEMPLATE = ("---\nid: adrs-adr000\ntitle: ADR000: [TITLE]\ndescription: Architecture Decision Record (ADR) "
                      "for [TITLE] [DESCRIPTION]\n---\n\n<!-- These documents have names that are short noun "
                      "phrases. -->\n\n## Context\n\n<!-- The forces at play. -->\n\n## Decision\n\n"
                      "<!-- We will ... -->\n")
BACKSTAGE = ("---\nid: adrs-adr{n:03d}\ntitle: 'ADR{n:03d}: {title}'\ndescription: Architecture Decision Record (ADR) "
             "for {title}\n---\n\n## Context\n\nWhy.\n\n## Decision\n\nWe will.\n")


def test_a_template_s_own_number_in_its_front_matter_is_the_new_record_s(decide, tmp_path):
    folder = "docs/architecture-decisions"
    root = repository_with(tmp_path / "repo", {
        f"{folder}/adr000-template.md": BACKSTAGE_TEMPLATE,
        f"{folder}/adr014-use-fetch.md": BACKSTAGE.format(n=14, title="Use fetch"),
        f"{folder}/adr015-jsx-loader.md": BACKSTAGE.format(n=15, title="Element options"),
    })
    result = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert result.exit_code == 0, result.output
    written = (root / folder / "adr016-use-a-queue.md").read_text()
    assert written.startswith('---\nid: adrs-adr016\ntitle: "ADR016: Use a queue"\n'), written
    assert [row["title"] for row in _listed(decide, root)][-1] == "Use a queue"
    assert "says 0" not in decide("check", cwd=root).output


def test_a_template_s_blanks_between_percent_signs_are_filled(decide, tmp_path):
    # Telestion's template: `# ADR-%%NUMBER%%: %%TITLE%%` became `# ADR-%%0002%%: %%Use a queue%%`.
    template = "# ADR-%%NUMBER%%: %%TITLE%%\n\nDate: %%DATE%%\n\n## Status\n\nProposed\n\n## Context\n\nn/a\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adrs/__template__.md": template,
        "docs/adrs/0001-record-decisions.md": "# ADR-0001: Record decisions\n\nDate: 2023-01-10\n\n## Status\n\n"
                                              "Accepted\n\n## Context\n\nWhy.\n"})
    assert decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root).exit_code == 0
    assert (root / "docs/adrs/0002-use-a-queue.md").read_text() == (
        "# ADR-0002: Use a queue\n\nDate: 2026-12-03\n\n## Status\n\nProposed\n\n## Context\n\nn/a\n")


def test_a_new_record_leaves_out_the_headings_under_a_section_only_the_copied_record_has(decide, tmp_path):
    # beer-log: `### 1. Next.js` over `#### 長所` and `#### 短所`, per option: the options were left out, their
    # pros and cons copied three times over under `## 検討された選択肢`.
    record = ("# {n}. {title}\n\nDate: 2024-03-2{n}\n\n## ステータス\n\n承認\n\n## 文脈\n\n理由。\n\n"
              "## 検討された選択肢\n\n{options}## 決定\n\n決めた。\n\n## 影響\n\n### 良い影響\n\n- 速い\n")
    option = "### {k}. {name}\n\n#### 長所\n\n- 良い\n\n#### 短所\n\n- 悪い\n\n"
    root = repository_with(tmp_path / "repo", {
        f"docs/adrs/000{n}-r{n}.md": record.format(n=n, title=f"選択 {n}", options="".join(
            option.format(k=k, name=name) for k, name in enumerate(names, 1)))
        for n, names in ((5, ("Next.js", "Remix", "Astro")), (6, ("Vite", "Gatsby", "Nuxt")),
                         (7, ("Hono", "Qwik", "Svelte")))})
    result = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adrs/0008-use-a-queue.md").read_text() == (
        "# 8. Use a queue\n\nDate: 2026-12-03\n\n## ステータス\n\n提案\n\n## 文脈\n\n## 検討された選択肢\n\n## 決定\n\n"
        "## 影響\n\n### 良い影響\n")


FIELD_TEMPLATE = """Use this template to create an Architecture Decision Record, look at existing
ones for more detailed information.

The filename should be the date (in YYYY-MM-DD format), followed by a dash.

**Title**: short present tense imperative phrase, less than 50 characters, like
a git commit message.

**Status**: proposed, accepted, rejected, deprecated, superseded, etc.

**Context**: what is the issue that we're seeing that is motivating this
decision or change.
"""


def test_a_template_titled_by_a_field_gives_the_new_title_there_without_its_words_to_the_author(decide, tmp_path):
    # google-cloud-cpp's template: its words to the author above the fields were copied, and the Title field's
    # description was the new record's title, then the link text in every record it superseded.
    root = repository_with(tmp_path / "repo", {
        "doc/adr/adr-template.md": FIELD_TEMPLATE,
        "doc/adr/2019-01-04-error-reporting.md": "**Title**: Functions should report errors using `StatusOr<T>`\n"
                                                 "instead of throwing exceptions.\n\n**Status**: accepted\n\n"
                                                 "**Context**: Why.\n"})
    made = decide("adr", "new", "Use a message queue for billing events", "--no-edit", "--date", "2026-12-03",
                  cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == (
        "**Title**: Use a message queue for billing events\n\n**Status**: proposed\n\n"
        "**Context**: what is the issue that we're seeing that is motivating this\ndecision or change.\n")
    assert [r["title"] for r in listed_adrs(decide, root)][-1] == "Use a message queue for billing events"


@pytest.mark.parametrize("guidance", ["Proposed, Accepted, Rejected, Deprecated, Superseded by ADRzzz",
                                      "What is the status of this decision?"])
def test_a_template_s_quoted_list_of_status_choices_gives_a_new_record_its_status_unquoted(decide, tmp_path, guidance):
    # GOV.UK Forms' template quotes its guidance under each heading (`> Proposed, Accepted, Rejected, ...`), or a
    # question; its records state `Accepted` plainly, and a new one got `> Proposed`.
    template = ("# ADRxxx: Decision Record Title\n\nDate: YYYY-MM-DD\n\n## Status\n\n"
                f"> {guidance}\n\n## Context\n\n> the facts\n")
    root = repository_with(tmp_path / "repo", {
        "ADR/ADRXXX-architecture-decision-record-template.md": template,
        "ADR/ADR001-use-ruby.md": "# ADR001: Use Ruby\n\nDate: 2022-01-01\n\n## Status\n\nAccepted\n\n"
                                  "## Context\n\nWhy.\n",
        "decisionbook.toml": '[adr]\ndir = "ADR"\n'})
    made = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    assert "## Status\n\nProposed\n\n## Context\n" in (root / made.stdout.strip()).read_text()


def test_a_template_whose_status_section_holds_an_alert_alone_gives_a_new_record_its_status_below_it(decide, tmp_path):
    # `#### Status` over GitHub's `> [!TIP]` and the template's advice: the tip was read as the status, and a new
    # record's `> Voorgesteld` put in its place inside the quote.
    tip = ('> [!TIP]\n> A decision may be "proposed" if the project stakeholders have not agreed with it yet.\n')
    record = "### ADR-{n:03d} {title}\n\nDatum: 2025-05-20\n\n#### Status\n\n{status}\n\n#### Context\n\nWaarom.\n"
    root = repository_with(tmp_path / "repo", {
        "decision-log/adr-000 template.md": record.format(n=0, title="TITLE", status=tip.rstrip()),
        "decision-log/adr-009-data-opslag.md": record.format(n=9, title="data opslag", status="Geaccepteerd"),
        "decisionbook.toml": '[adr]\ndir = "decision-log"\n'})
    made = decide("adr", "new", "Berichtenwachtrij", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    assert f"#### Status\n\n{tip}\nVoorgesteld\n\n#### Context\n" in (root / made.stdout.strip()).read_text()
    assert [r["status"] for r in listed_adrs(decide, root)] == ["accepted", "proposed"]


def test_a_template_s_status_key_keeps_its_quotes_and_the_comment_listing_the_choices(decide, tmp_path):
    # `status: "proposed"  # proposed | accepted | ...` became `status: proposed`: the quotes and the comment lost.
    key = 'status: "{}"  # proposed | accepted | deprecated | superseded by ADR-XXXX\n'
    root = repository_with(tmp_path / "repo", {
        "docs/adr/template.md": "---\n" + key.format("proposed") + "date: YYYY-MM-DD\n---\n\n# ADR-XXXX: [Title]\n",
        "docs/adr/ADR-0001-thing.md": "---\n" + key.format("accepted") + "date: 2026-01-01\n---\n\n# ADR-0001: Thing\n"})
    made = decide("adr", "new", "Use a queue", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text().startswith("---\n" + key.format("proposed") + "date: 2026-12-03\n")


def test_a_folder_whose_names_keep_their_titles_capitals_names_a_new_record_so(decide, tmp_path):
    # kyma's `adr-018-Knative_based_Kyma_eventing.md`: a new record was `adr-019-use_a_message_queue.md`.
    record = "# ADR {n:03d}: {title}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-017-Use_ORY_for_sessions.md": record.format(n=17, title="Use ORY for sessions"),
        "docs/adr/adr-018-Knative_based_Kyma_eventing.md": record.format(n=18, title="Knative based Kyma eventing")})
    made = decide("adr", "new", "Use a message queue", "--no-edit", cwd=root)
    assert made.stdout.strip() == "docs/adr/adr-019-Use_a_message_queue.md", made.output
