"""The review gate through the real `decide`: template text is not content, required sections, sign-off."""

from __future__ import annotations

import re

import pytest

from conftest import git
from toolkit.actions.adr_review import review_gate
from toolkit.workspace import open_workspace

FILLED = """\
# Move orders to an event log

## Context and Problem Statement

Orders are updated in place, so support cannot tell how an order reached its state.

## Decision Drivers

* Support needs the history of every order

## Considered Options

* An append-only event log per order
* An audit table written by triggers

## Decision Outcome

Chosen option: "event log", because it keeps every change and replays into any read model.

### Consequences

* Good, because support sees each step.
* Bad, because reads go through a projection.

### Confirmation

The replay test rebuilds every order of last month from the log.

## Migration plan

1. Expand: add the events table next to the orders table, in its own release before the code change.
   Verify: the nightly job compares row counts. Rollback: drop the events table.
2. Switch: ship the code that writes events and reads the projection. Rollback: flip the flag back to rows.
3. Contract: drop the old columns once nothing reads them, as a separate release.
   Rollback: restore the columns from the last backup.
"""


def _new(decide, repo, *args) -> str:
    result = decide("adr", "new", "Move orders to an event log", "--no-edit", "--date", "2026-11-20", *args, cwd=repo)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def _fill(path, makers="[ana, ben]") -> None:
    text = path.read_text(encoding="utf-8")
    front = text[: text.index("\n---\n") + 5].replace("decision-makers: []", f"decision-makers: {makers}")
    path.write_text(front + FILLED, encoding="utf-8")


def _items(repo, ref="1") -> dict:
    return {item.item: item for item in review_gate(open_workspace(repo), ref).checklist}


def test_untouched_data_change_adr_fails_every_section_it_did_not_fill(decide, repo):
    shown = _new(decide, repo, "--data-change")
    items = _items(repo)
    for section in ("Context and Problem Statement", "Decision Drivers", "Considered Options", "Decision Outcome",
                    "Consequences", "Confirmation", "Migration plan"):
        assert (items[f'section "{section}"'].result, items[f'section "{section}"'].detail) == (
            "fail", "still the template's text"), section
    for phase in ("expand", "switch", "contract"):
        assert items[f"migration plan: {phase}"].detail == "still the template's text"
    assert items["migration plan: rollback"].detail == "no rollback for: expand, switch, contract"
    assert items["expand, switch and contract ship separately"].result == "warn"  # template phases are no phases
    assert "at least two considered options" not in items  # template options are not options

    check = decide("check", cwd=repo)
    assert check.exit_code == 0  # warnings only
    assert f'{shown}:20: warning: section "Considered Options" is still the template\'s text' in check.stdout
    assert check.stdout.count("is still the template's text") == 7

    refused = decide("adr", "status", "1", "accepted", cwd=repo)
    assert refused.exit_code == 1
    assert "ADR-0001 cannot be accepted yet (--force accepts it anyway)" in refused.stderr
    assert 'section "Considered Options": still the template\'s text' in refused.stderr
    assert "migration plan: contract: still the template's text" in refused.stderr
    assert "status: proposed" in (repo / shown).read_text()  # nothing written

    forced = decide("adr", "status", "1", "accepted", "--force", "--date", "2026-11-22", cwd=repo)
    assert forced.exit_code == 0, forced.output
    assert "status: accepted" in (repo / shown).read_text()


def test_the_same_adr_filled_in_and_approved_passes(decide, repo):
    path = repo / _new(decide, repo, "--data-change")
    _fill(path)
    items = _items(repo)
    failing = {name: (i.result, i.detail) for name, i in items.items() if i.result != "pass"}
    assert failing == {"sign-off": ("fail", "0 of 2 approval(s) needed; waiting for ana (outstanding), ben (outstanding)")}
    assert decide("check", cwd=repo).stdout.strip() == "0 error(s), 0 warning(s)"

    refused = decide("adr", "status", "1", "accepted", cwd=repo)
    assert refused.exit_code == 1 and "sign-off: 0 of 2 approval(s) needed" in refused.stderr
    for name in ("ana", "ben"):
        assert decide("adr", "approve", "1", "--by", name, "--date", "2026-11-21", cwd=repo).exit_code == 0
    assert all(i.result == "pass" for i in _items(repo).values())
    accepted = decide("adr", "status", "1", "accepted", "--date", "2026-11-22", cwd=repo)
    assert accepted.exit_code == 0, accepted.output
    # Accepting edits status and date only: the approvals stay current.
    assert [s.state for s in review_gate(open_workspace(repo), "1").sign_off] == ["approved", "approved"]


def test_an_approval_goes_outdated_when_the_text_changes(decide, repo):
    path = repo / _new(decide, repo)
    _fill(path, makers="[ana]")
    result = decide("adr", "approve", "1", "--by", "ana", "--date", "2026-11-21", cwd=repo)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"ADR-0001: approved by ana on 2026-11-21 \(sha256:[0-9a-f]{12}\)\n", result.stdout)
    text = path.read_text()
    assert re.search(r"\napprovals:\n  - \{by: ana, date: 2026-11-21, content: \"sha256:[0-9a-f]{12}\"\}\n---\n", text)
    assert [(s.person, s.state) for s in review_gate(open_workspace(repo), "1").sign_off] == [("ana", "approved")]

    path.write_text(text.replace("by triggers", "by database triggers"))
    gate = review_gate(open_workspace(repo), "1")
    assert [(s.person, s.state, s.date) for s in gate.sign_off] == [("ana", "approval outdated", "2026-11-21")]
    assert decide("adr", "status", "1", "accepted", cwd=repo).exit_code == 1

    # Approving again replaces the old approval: one line per person.
    assert decide("adr", "approve", "1", "--by", "ANA", "--date", "2026-11-23", cwd=repo).exit_code == 0
    assert path.read_text().count("{by:") == 1
    assert [s.state for s in review_gate(open_workspace(repo), "1").sign_off] == ["approved"]


def test_approve_defaults_to_git_user_name_and_keeps_every_other_byte(decide, repo):
    git(repo, "config", "user.name", "Test User")  # the repository's own setting, whatever HOME says
    path = repo / _new(decide, repo)
    before = path.read_bytes().replace(b"\n", b"\r\n").replace(b"informed: []", b"informed: []  # nobody yet")
    path.write_bytes(before)
    result = decide("adr", "approve", "1", "--date", "2026-11-21", cwd=repo)
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    added = re.search(rb"approvals:\r\n  - \{by: Test User, date: 2026-11-21, content: \"sha256:[0-9a-f]{12}\"\}\r\n", after)
    assert added and after.replace(added.group(0), b"") == before


NYGARD = """\
# 3. Use Kafka

Date: 2026-11-01

## Status

Proposed

## Context

Events pile up.

## Decision

We will use Kafka.

## Consequences

One more system to run.
"""

BULLETS = """\
# Use Kafka

* Status: proposed
* Deciders: ana, ben
* Date: 2026-11-01

## Context and Problem Statement

Events pile up.

## Considered Options

* Kafka
* RabbitMQ

## Decision Outcome

Chosen option: "Kafka", because it keeps events.
"""


@pytest.mark.parametrize("name, text, line", [
    ("0003-use-kafka.md", NYGARD, "Approved by: ana, 2026-11-21, sha256:"),
    ("0003-use-kafka.md", BULLETS, "* Approved by: ana, 2026-11-21, sha256:"),
])
def test_approvals_in_the_files_own_form(decide, repo, name, text, line):
    path = repo / "decisions" / name
    path.write_text(text)
    assert decide("adr", "approve", "3", "--by", "ana", "--date", "2026-11-21", cwd=repo).exit_code == 0
    after = path.read_text()
    added = next(row for row in after.splitlines() if row.startswith(line))
    assert after.replace(added + "\n", "", 1) == text
    assert after.index(added) < after.index("## ")  # in the header, with Date and Status
    gate = review_gate(open_workspace(repo), "3")
    assert [(s.person, s.state) for s in gate.sign_off if s.person == "ana"] == [("ana", "approved")]
    # Accepting changes the status line; the approval stays current.
    assert decide("adr", "status", "3", "accepted", "--date", "2026-11-22", "--force", cwd=repo).exit_code == 0
    assert [s.state for s in review_gate(open_workspace(repo), "3").sign_off if s.person == "ana"] == ["approved"]
    path.write_text(path.read_text().replace("Events pile up.", "Events pile up fast."))
    assert [s.state for s in review_gate(open_workspace(repo), "3").sign_off if s.person == "ana"] == ["approval outdated"]


def test_approve_outside_git_names_the_global_git_user(decide, tmp_path):
    (tmp_path / "decisionbook.toml").write_text("")
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "0003-use-kafka.md").write_text(NYGARD)
    result = decide("adr", "approve", "3", "--date", "2026-11-21", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "Approved by: Test User, 2026-11-21, sha256:" in (tmp_path / "decisions" / "0003-use-kafka.md").read_text()


def test_required_sections_and_approvals_needed_are_configurable(decide, repo):
    (repo / "decisionbook.toml").write_text(
        '[review]\nrequired = ["Context", "Decision"]\napprovals-needed = 1\n'
    )
    (repo / "decisions" / "0003-use-kafka.md").write_text(
        NYGARD.replace("One more system to run.", "What becomes easier and what becomes harder once this decision "
                       "is in effect, including the risks\nwe accept.").replace("## Status\n\nProposed\n",
                                                                                "## Status\n\nProposed\n\n## Deciders\n\nana, ben\n")
    )
    items = _items(repo, "3")
    assert items['section "Consequences"'].result == "fail" and not items['section "Consequences"'].required
    assert items['section "Context"'].required and items['section "Decision"'].required
    assert decide("adr", "approve", "3", "--by", "ana", cwd=repo).exit_code == 0
    assert _items(repo, "3")["sign-off"].result == "pass"  # nobody is named, one approval is enough
    assert decide("adr", "status", "3", "accepted", cwd=repo).exit_code == 0

    (repo / "decisionbook.toml").write_text('[review]\n[review.required]\nnygard = ["Context", "Alternatives"]\n')
    items = _items(repo, "3")
    assert (items['section "Alternatives"'].result, items['section "Alternatives"'].detail) == ("fail", "missing")

    (repo / "decisionbook.toml").write_text('[review]\napprovals-needed = "some"\n')
    bad = decide("adr", "status", "3", "proposed", "--force", cwd=repo)
    assert bad.exit_code == 2 and "approvals-needed" in bad.stderr


TEAM_TEMPLATE = """\
# ${title}

Date: ${date}

## Status

Proposed

## Problem

Describe the problem in a paragraph our architecture guild can read in a minute.

## Decision

Say what we do, in the active voice.
"""


@pytest.mark.parametrize("where", ["review", "adr", "folder"])
def test_a_teams_own_template_is_recognised(decide, repo, where):
    if where != "folder":
        (repo / "guild").mkdir()
        template = repo / "guild" / "adr.md"
        setting = '[review]\ntemplates = ["guild/adr.md"]\n' if where == "review" else '[adr]\ntemplate = "guild/adr.md"\n'
        (repo / "decisionbook.toml").write_text(setting)
    else:
        template = repo / "decisions" / "template.md"
    template.write_text(TEAM_TEMPLATE)
    made = decide("adr", "new", "Adopt the outbox", "--no-edit", "--template", str(template), cwd=repo)
    assert made.exit_code == 0, made.output
    check = decide("check", cwd=repo).stdout
    assert f'{made.stdout.strip()}:9: warning: section "Problem" is still the template\'s text' in check
    assert 'section "Decision" is still' in check


def test_a_section_the_teams_template_does_not_have_is_not_asked_for(decide, repo):
    # The guild's template has a Problem and a Decision, no Consequences: a record made from it and
    # written through is accepted; a section the template has is still required.
    (repo / "decisions" / "template.md").write_text(TEAM_TEMPLATE + "\n## Summary\n\nOne line for the changelog.\n")
    made = decide("adr", "new", "Adopt the outbox", "--no-edit", cwd=repo).stdout.strip()
    path = repo / made
    text = path.read_text()
    assert "## Problem" in text and "## Consequences" not in text
    path.write_text(text.replace("Describe the problem in a paragraph our architecture guild can read in a minute.",
                                 "Orders and their events are written in two transactions, so a crash loses events.")
                    .replace("Say what we do, in the active voice.", "We write events to an outbox table."))
    items = _items(repo)
    assert (items['section "Problem"'].result, items['section "Problem"'].required) == ("pass", True)
    assert 'section "Consequences"' not in items and 'section "Context"' not in items
    assert (items['section "Summary"'].result, items['section "Summary"'].required) == ("fail", False)
    accepted = decide("adr", "status", "1", "accepted", cwd=repo)
    assert accepted.exit_code == 0, accepted.output

    path.write_text(path.read_text().replace("We write events to an outbox table.",
                                             "Say what we do, in the active voice."))
    decision = _items(repo)['section "Decision"']
    assert (decision.detail, decision.required) == ("still the template's text", True)


@pytest.mark.parametrize(("heading", "section"), [
    ("Problem", "Context"), ("Alternatives Considered", "Considered Options"), ("Solution", "Decision"),
    ("Implications", "Consequences"), ("Contexto y problema", "Context"),
    ("Contexto y planteamiento del problema", "Context"), ("Resultado de la decisión", "Decision"),
])
def test_headings_teams_write_for_the_required_sections(decide, repo, heading, section):
    names = {"Context": "Context and Problem Statement", "Considered Options": "Considered Options",
             "Decision": "Decision Outcome", "Consequences": "Consequences"}
    body = "".join(f"## {heading if name == section else names[name]}\n\nWritten by the team for {name}.\n\n"
                   for name in names)
    (repo / "decisions" / "0004-upstream.md").write_text(f"---\nstatus: proposed\n---\n# Upstream\n\n{body}")
    items = _items(repo, "4")
    assert (items[f'section "{heading}"'].result, items[f'section "{heading}"'].required) == ("pass", True)
    assert not [item for item in items.values() if item.detail == "missing"]


def test_madr_placeholders_count_as_not_written(decide, repo):
    (repo / "decisions" / "0004-upstream.md").write_text(
        "---\nstatus: proposed\n---\n# Upstream\n\n## Context and Problem Statement\n\n"
        "{Describe the context and problem statement, e.g., in free form using two to three sentences}\n\n"
        "## Considered Options\n\n* {title of option 1}\n* {title of option 2}\n\n"
        "## Decision Outcome\n\nWe expose `GET /orders/{id}` and keep {relation: amends} links as they are.\n"
    )
    items = _items(repo, "4")
    assert items['section "Considered Options"'].detail == "still the template's text"
    assert items['section "Context and Problem Statement"'].detail == "still the template's text"
    assert items['section "Decision Outcome"'].result == "pass"
    assert items['section "Consequences"'].detail == "missing"


def test_migration_rows_one_per_phase(decide, repo):
    path = repo / _new(decide, repo, "--data-change")
    _fill(path)
    rows = review_gate(open_workspace(repo), "1").migration
    assert [r["phase"] for r in rows] == ["expand", "switch", "contract"]
    expand, switch, contract = rows
    assert expand["ships"] == "add the events table next to the orders table, in its own release before the code change."
    assert expand["verified"] == "the nightly job compares row counts."
    assert expand["rollback"] == "drop the events table."
    assert (expand["separate"], switch["separate"], contract["separate"]) == (True, False, True)
    assert switch["rollback"] == "flip the flag back to rows." and switch["verified"] == ""


def test_a_phase_without_rollback_or_what_ships_fails(decide, repo):
    path = repo / _new(decide, repo, "--data-change")
    _fill(path)
    text = path.read_text()
    path.write_text(text.replace(" Rollback: flip the flag back to rows.", "").replace(
        "3. Contract: drop the old columns once nothing reads them, as a separate release.\n", "3. Contract:\n"))
    items = _items(repo)
    assert items["migration plan: switch"].detail == "does not say how it rolls back"
    assert items["migration plan: contract"].detail == "does not say what ships"
    assert items["migration plan: rollback"].detail == "no rollback for: switch"


def test_design_review_report_shows_the_gate(decide, repo):
    from report_fixtures import scan

    (repo / "decisionbook.toml").write_text('[people]\nana = "product"\nben = "engineering"\ndara = "design"\n')
    assert decide("proto", "new", "Event log spike", "--owner", "ben", "--deadline", "2099-12-31", cwd=repo).exit_code == 0
    assert decide("criterion", "add", "P1", "replay", "--target", "<= 60", "--must", cwd=repo).exit_code == 0
    assert decide("evidence", "add", "P1", "replay", "95", cwd=repo).exit_code == 0
    kept = decide("keep", "P1", "--reason", "we like it", "--by", "ben", cwd=repo)
    assert kept.exit_code == 0, kept.output
    path = repo / _new(decide, repo, "--data-change", "--prototype", "P1")
    _fill(path)
    path.write_text(path.read_text().replace("add the events table next", "add the `events` table next"))
    assert decide("adr", "approve", "1", "--by", "ana", "--date", "2026-11-21", cwd=repo).exit_code == 0
    path.write_text(path.read_text().replace("by triggers", "by database triggers"))
    assert decide("adr", "approve", "1", "--by", "ben", "--date", "2026-11-22", cwd=repo).exit_code == 0

    result = decide("report", "review", "1", "--as-of", "2099-01-01", cwd=repo)  # after the real-time ledger entries
    assert result.exit_code == 0, result.output
    html = (repo / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    page = scan(html)
    assert page.problems == []
    text = re.sub(r"\s+", " ", " ".join(page.text))
    assert "Not ready to accept: 1 required item(s) fail" in text
    assert "1 of 2 approval(s) needed; waiting for ana (approval outdated)" in text
    assert re.search(r"ana\s*decision-maker\s*approval outdated\s*2026-11-21", text)
    assert re.search(r"ben\s*decision-maker\s*approved\s*2026-11-22", text)
    assert re.search(r"expand\s*add the events table next to the orders table, in its own release before the code "
                     r"change\.\s*the nightly job compares row counts\.\s*drop the events table\.\s*yes", text)
    assert re.search(r"switch\s*ship the code that writes events and reads the projection\.\s*not said\s*"
                     r"flip the flag back to rows\.\s*no", text)
    assert "Override: P1 Event log spike was kept against its recommendation (iterate)." in text
    assert "add the <code>events</code> table" in html and "`events`" not in html  # a code span, not backticks
    assert "so <code>decide adr status</code> refuses" in html
    assert "Roles not involved: design (dara could fill it)." in text


def test_an_unreadable_approval_is_a_warning_and_counts_as_none(decide, repo):
    path = repo / _new(decide, repo)
    _fill(path, makers="[ana]")
    text = path.read_text().replace("informed: []\n", "informed: []\napprovals:\n  - {by: ana, date: soon}\n")
    path.write_text(text)
    check = decide("check", cwd=repo)
    assert check.exit_code == 0
    assert f"{path.relative_to(repo)}:8: warning: cannot read approval {{'by': 'ana', 'date': 'soon'}}" in check.stdout
    assert [s.state for s in review_gate(open_workspace(repo), "1").sign_off] == ["outstanding"]
    assert decide("adr", "approve", "1", "--by", "ben", "--date", "2026-11-21", cwd=repo).exit_code == 0
    assert path.read_text().count("  - {") == 2  # the unreadable entry is kept as written


def test_approvals_refuse_what_they_cannot_write_and_keep_odd_names_exact(decide, repo):
    folder = repo / "decisions"
    (folder / "0005-no-status.md").write_text("# No status\n\nJust text.\n")
    refused = decide("adr", "approve", "5", "--by", "ana", cwd=repo)
    assert refused.exit_code == 2 and "cannot edit" in refused.stderr
    assert (folder / "0005-no-status.md").read_text() == "# No status\n\nJust text.\n"

    (folder / "0003-use-kafka.md").write_text(BULLETS)
    comma = decide("adr", "approve", "3", "--by", "Lima, Ana", cwd=repo)
    assert comma.exit_code == 2 and "may not hold a comma" in comma.stderr
    assert (folder / "0003-use-kafka.md").read_text() == BULLETS

    path = repo / _new(decide, repo)
    name = '<script>alert("x")</script>: {by: eve}'
    assert decide("adr", "approve", "6", "--by", name, "--date", "2026-11-21", cwd=repo).exit_code == 0
    assert [s.person for s in review_gate(open_workspace(repo), "6").sign_off] == [name]
    assert decide("adr", "approve", "6", "--by", "two\nlines", cwd=repo).exit_code == 2
    assert "two" not in path.read_text()


def test_approvals_written_as_one_mapping_are_refused_not_broken(decide, repo):
    path = repo / _new(decide, repo)
    text = path.read_text().replace("informed: []\n", "informed: []\napprovals: {by: ana, date: 2026-11-20, content: x}\n")
    path.write_text(text)
    result = decide("adr", "approve", "1", "--by", "ben", cwd=repo)
    assert result.exit_code == 2 and "write it as a list of one-line" in result.stderr
    assert path.read_text() == text
    path.write_text(text.replace("approvals: {by: ana, date: 2026-11-20, content: x}", "approvals: []  # none yet"))
    assert decide("adr", "approve", "1", "--by", "ben", "--date", "2026-11-21", cwd=repo).exit_code == 0
    assert "approvals:\n  - {by: ben, date: 2026-11-21, content: \"sha256:" in path.read_text()


@pytest.mark.parametrize(("name", "text"), [
    # Sections named in the record's language, numbered as the team numbers them.
    ("0005-quellen.md", "# 5. Quellen abrufen\n\nDatum: 2026-02-10\n\n## Status\n\nVorgeschlagen\n\n"
                        "## Kontext\n\nDie Quellen ändern sich täglich.\n\n## Entscheidung\n\nWir rufen sie "
                        "nachts ab.\n\n## Konsequenzen\n\nDie Daten sind einen Tag alt.\n"),
    ("0006-colas.md", "# ADR-006: Colas\n\n**Estado:** Propuesto\n\n## 1. Contexto\n\nLos correos tardan.\n\n"
                      "## 2. Decisión\n\nUsamos una cola.\n\n## 7. Consecuencias\n\nUn servicio más.\n"),
    # Front matter over a Nygard body, and a MADR body without front matter: the body says which sections.
    ("0007-use-go.md", "---\nstatus: proposed\nowning-stage: platform\n---\n# Use Go\n\n## Context\n\nWe need "
                       "a compiled language.\n\n## Decision\n\nWe use Go.\n\n## Consequences\n\nOne toolchain.\n"),
    ("0009-drivers.md", "# 9. Drivers\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n\n## Decision Drivers\n\n"
                        "* Speed\n\n## Decision\n\nThis.\n\n## Consequences\n\nThat.\n"),
    # A heading with a note in brackets: the note or the words before it name the section.
    ("0010-realtime.md", "# 10. Realtime\n\n## Status\n\nProposed\n\n## 背景 (Context)\n\nPolling is slow.\n\n"
                         "## Decision (recommended default)\n\nWebSockets.\n\n## 影響（Consequences）\n\nA server.\n"),
    # Polish, Turkish (an emoji and bold around the words, the English name in brackets) and Russian (`... и
    # проблема`: context and problem) headings.
    ("0011-kolejka.md", "# ADR 0011: Kolejka zadań\n\n- Status: Proposed\n- Data: 2026-01-08\n\n## Kontekst\n"
                        "Raporty blokują API.\n\n## Decyzja\nOsobny worker.\n\n## Alternatywy\n1. Wątki\n\n"
                        "## Konsekwencje\nPozytywne:\n- API odpowiada szybko\n"),
    ("0012-onbellek.md", "# ADR-012: Önbellek\n\n**Tarih:** 14 Temmuz 2025  \n**Durum:** 🔄 **Proposed**\n\n---\n\n"
                         "## 🎯 **Bağlam (Context)**\nSayfalar yavaş.\n\n## 🔧 **Alınan Karar (Decision)**\nRedis.\n\n"
                         "## 📊 **Sonuçlar (Consequences)**\n### ✅ **Pozitif Sonuçlar**\n- Hızlı sayfalar.\n"),
    ("0013-filtr.md", "# ADR-013: Фильтр документа\n\n**Статус:** Предложено\n**Дата:** 2026-08-03\n\n---\n\n"
                      "## 1. Контекст и проблема\n\nОчистка ломает ссылки.\n\n## 3. Решение\n\nОдин проход в конце."
                      "\n\n## 5. Последствия\n\nБольше кода.\n"),
    # govuk-aws writes its decision as a proposal; dnd's Korean records gloss a heading in the singular.
    ("0015-domains.md", "# 15. Domains\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n\n## Proposal\n\nThis.\n\n"
                        "## 영향(Consequence)\n\nThat.\n"),
    # beer-log's Japanese records: `文脈` (context), `決定`, `影響`.
    ("0014-beer.md", "# 14. ビールの記録\n\n## ステータス\n\n提案\n\n## 文脈\n\n記録が散らばる。\n\n"
                     "## 決定\n\n一つにまとめる。\n\n## 影響\n\n探しやすい。\n"),
    ("0008-cache.md", "# 8. Cache pages\n\nStatus: proposed\n\n## Context and Problem Statement\n\nPages are "
                      "slow.\n\n## Considered Options\n\n* A CDN\n* An in-process cache\n\n## Decision Outcome\n\n"
                      "Chosen option: \"A CDN\", because it is the cheapest.\n"),
])
def test_required_sections_are_found_by_what_the_headings_name(decide, repo, name, text):
    (repo / "decisions" / name).write_text(text)
    number = str(int(name[:4]))
    result = decide("adr", "status", number, "accepted", cwd=repo)
    assert result.exit_code == 0, result.output
    # The same record without its last section fails the gate, naming the section as the gate calls it.
    (repo / "decisions" / name).write_text("\n\n## ".join(text.split("\n\n## ")[:-1]) + "\n")
    items = _items(repo, number)
    assert [item for item, check in items.items() if check.required and check.result == "fail"] in (
        ['section "Consequences"'], ['section "Decision Outcome"'])


def test_madr_2_consequences_split_into_positive_and_negative_are_the_consequences(decide, repo):
    path = repo / _new(decide, repo)
    _fill(path)
    path.write_text(path.read_text().replace(
        "### Consequences\n\n* Good, because support sees each step.\n* Bad, because reads go through a projection.\n",
        "### Positive Consequences\n\n* Support sees each step.\n\n### Negative Consequences\n\n"
        "* Reads go through a projection.\n"))
    items = _items(repo)
    assert 'section "Consequences"' not in items
    assert items['section "Positive Consequences"'].result == "pass"
    assert decide("adr", "approve", "1", "--by", "ana", cwd=repo).exit_code == 0
    assert decide("adr", "approve", "1", "--by", "ben", cwd=repo).exit_code == 0
    accepted = decide("adr", "status", "1", "accepted", cwd=repo)
    assert accepted.exit_code == 0, accepted.output


def test_an_approval_by_someone_who_is_not_a_decision_maker_says_it_does_not_count(decide, repo):
    path = repo / _new(decide, repo)
    _fill(path, makers="[ana]")
    result = decide("adr", "approve", "1", "--by", "Ana Lima", cwd=repo)
    assert result.exit_code == 0 and "approved by Ana Lima" in result.stdout
    assert ("Ana Lima is not one of its decision-makers (ana): the approval is recorded but does not count"
            in result.stderr)
    assert "warning" not in decide("adr", "approve", "1", "--by", "ana", cwd=repo).stderr
