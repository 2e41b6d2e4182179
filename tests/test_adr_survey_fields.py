"""Header fields of ADR folders teams already keep: a day after a calendar emoji, a day labelled with its time
zone, a Spanish replacement field, more proposal words and labels, and records kept in one service of a monorepo
(ADRs 0153, 0154, 0165)."""

from __future__ import annotations

import pytest
from conftest import listed_adrs, repository_with

TABLED = ("# [ADR] {title}\n\n{emoji} Date: {day}\n\n## Status\n\n| Stage | State |\n| ----- | ----- |\n"
          "| Status | {status} <!-- Proposed ❓ OR Accepted ✅ OR Deprecated ⛔ --> |\n\n## Context\n\nWhy.\n")


def test_a_day_after_a_calendar_emoji_is_the_date_and_a_status_change_sets_it(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "decisions/adr-016-css.md": TABLED.format(title="Styles", emoji="📆", day="2023-08-10",
                                                  status="Accepted ✅"),
        "decisions/adr-024-parts.md": TABLED.format(title="Parts", emoji="🗓️", day="2025-11-20",
                                                    status="Proposed ❓"),
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (16, "accepted", "2023-08-10"), (24, "proposed", "2025-11-20")]
    result = decide("adr", "status", "24", "accepted", "--force", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    text = (root / "decisions/adr-024-parts.md").read_text()
    assert text.startswith("# [ADR] Parts\n\n🗓️ Date: 2026-03-22\n\n")
    assert "| Status | Accepted ✅ <!-- Proposed ❓ OR Accepted ✅ OR Deprecated ⛔ --> |" in text


SPANISH = "# ADR-{n:04d} — {title}\n\n{fields}\n\n## Contexto\n\nPor qué.\n"


def test_a_day_labelled_with_its_time_zone_and_a_spanish_replacement_field_are_read(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-estructura.md": SPANISH.format(n=1, title="Estructura",
                                                      fields="- Fecha UTC: 2026-09-23\n- Estado: Aceptado"),
        "docs/adr/0002-esquema.md": SPANISH.format(n=2, title="Esquema",
                                                   fields="- Estado: Aceptado\n- Fecha: 2026-10-07"),
        "docs/adr/0004-config.md": SPANISH.format(n=4, title="Configuración",
                                                  fields="- Estado: ACEPTADO\n- Fecha: 2026-07-23\n"
                                                         "- Reemplaza a: ADR-0002"),
    })
    listed = {r["number"]: (r["date"], r["supersedes"]) for r in listed_adrs(decide, root)}
    assert listed == {1: ("2026-09-23", []), 2: ("2026-10-07", []), 4: ("2026-07-23", ["2"])}


NYGARD_FR = "# {n}. {title}\n\nDate: 2021-12-22\n\n## Statut\n\nAccepté\n\n## Contexte\n\nPourquoi.\n"


def test_records_kept_in_one_service_of_a_monorepo_are_found_from_inside_that_service(decide, tmp_path):
    folder = "src/catalogue/doc/architecture/decisions/"
    root = repository_with(tmp_path / "repo", {
        "src/catalogue/index.ts": "export {};\n",
        folder + "0001-consigner.md": NYGARD_FR.format(n=1, title="Consigner les décisions"),
        folder + "0002-separer.md": NYGARD_FR.format(n=2, title="Séparer lecture et écriture"),
    })
    inside = root / "src/catalogue"
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, inside)] == [
        (1, "Consigner les décisions", "accepted"), (2, "Séparer lecture et écriture", "accepted")]
    result = decide("adr", "new", "Un essai", "--no-edit", "--date", "2026-03-22", cwd=inside)
    assert result.exit_code == 0, result.output
    assert (root / folder / "0003-un-essai.md").read_text().startswith("# 3. Un essai\n\nDate: 2026-03-22\n")
    # From the top of the repository, which of its services is meant is not known: as before, a folder to name.
    assert "no ADR folder" in decide("check", cwd=root).output


@pytest.mark.parametrize("vendored", ["node_modules/date-kit", "node_modules/@acme/ui",
                                      "vendor/github.com/acme/retry", "third_party/zstd",
                                      ".venv/lib/python3.12/site-packages/wirefmt"])
def test_records_a_vendored_package_ships_are_not_its_monorepo_service_s(decide, tmp_path, vendored):
    """A dependency installed in a service ships its own ADR folder; run inside it, discovery goes on up to the
    service's own records, and none is written into the dependency."""
    own = "services/web/docs/adr/"
    shipped = f"services/web/{vendored}/docs/adr/"
    root = repository_with(tmp_path / "repo", {
        "services/web/package.json": "{}\n",
        f"services/web/{vendored}/lib/index.js": "export {};\n",
        own + "0001-render-on-the-server.md": NYGARD_FR.format(n=1, title="Rendre côté serveur"),
        shipped + "0001-record-architecture-decisions.md": "# 1. Record architecture decisions\n\nDate: 2019-05-02"
                                                           "\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n",
        shipped + "0002-drop-moment.md": "---\nstatus: accepted\ndate: 2020-01-10\n---\n# Drop moment\n",
    })
    inside = root / "services/web" / vendored / "lib"
    assert [(r["title"], r["path"]) for r in listed_adrs(decide, inside)] == [
        ("Rendre côté serveur", own + "0001-render-on-the-server.md")]
    result = decide("adr", "new", "Cache pages", "--no-edit", "--date", "2026-03-22", cwd=inside)
    assert result.exit_code == 0, result.output
    assert (root / own / "0002-cache-pages.md").read_text().startswith("# 2. Cache pages\n\nDate: 2026-03-22\n")
    assert sorted(p.name for p in (root / shipped).iterdir()) == [
        "0001-record-architecture-decisions.md", "0002-drop-moment.md"]


SIMD = ("---\nsimd: '{n:04d}'\ntitle: {title}\nauthors:\n  - A. Writer\ncategory: Standard\nstatus: {status}\n"
        "created: 2023-01-30\n---\n\n## Summary\n\nWhat.\n")


def test_living_and_activated_proposals_are_accepted_and_a_bracketed_label_is_no_part_of_a_title(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "proposals/0001-process.md": SIMD.format(n=1, title="Process", status="Living"),
        "proposals/0015-rewards.md": SIMD.format(n=15, title="Rewards", status="Activated"),
        "docs/adr/adr-016-css.md": "# [ADR] Styles in CSS files\n\n## Status\n\nAccepted\n",
    })
    (root / "decisionbook.toml").write_text('[paths]\ndecisions = "proposals"\n')
    assert [(r["number"], r["status"]) for r in listed_adrs(decide, root)] == [(1, "accepted"), (15, "accepted")]
    assert "unknown status" not in decide("check", cwd=root).output
    (root / "decisionbook.toml").unlink()
    assert [(r["number"], r["title"]) for r in listed_adrs(decide, root)] == [(16, "Styles in CSS files")]


def test_a_relation_field_whose_sentence_names_a_record_is_no_relation(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0004-b.md": "# ADR-004: B\n\n**Status:** Accepted\n\n## Context\n\nWhy.\n",
        "docs/adr/0005-c.md": "# ADR-005: C\n\n**Status:** Accepted\n**Supersedes:** Partial exception to ADR-004 "
                              "for one component\n\n## Context\n\nWhy.\n",
    })
    assert [(r["number"], r["supersedes"]) for r in listed_adrs(decide, root)] == [(4, []), (5, [])]


SDK_RFC = ("# Meta\n\n{bullet} RFC Name: {name}\n{bullet} RFC ID: {n}\n{bullet} Start Date: 2014-02-12\n"
           "{bullet} Current Status: {status}\n\n# Summary\n\nWhy.\n")


def test_an_rfc_name_field_under_a_meta_heading_is_the_title(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "rfc/0011-connection-string.md": SDK_RFC.format(bullet=" -", name="Connection String", n="0011",
                                                        status="Accepted"),
        "rfc/0084-telemetry.md": SDK_RFC.format(bullet="*", name="Application Telemetry", n="84", status="DRAFT"),
    })
    assert [(r["number"], r["title"], r["status"]) for r in listed_adrs(decide, root)] == [
        (11, "Connection String", "accepted"), (84, "Application Telemetry", "draft")]


QISKIT = ("# {title}\n\n| **Status**        | **{status}** |\n|:------------------|:-------------|\n"
          "| **RFC #**         | {n:04d}         |\n| **Submitted**     | {day}   |\n\n## Summary\n\nWhy.\n")


def test_the_day_a_proposal_was_submitted_is_its_date(decide, tmp_path):
    root = repository_with(tmp_path / "repo", {
        "rfcs/0020-release-cycle.md": QISKIT.format(title="Release cycle", status="Accepted", n=20, day="2023-11-21"),
        "rfcs/0023-backend.md": QISKIT.format(title="Backend interface", status="Proposed", n=23, day="2024-06-02"),
    })
    assert [(r["number"], r["status"], r["date"]) for r in listed_adrs(decide, root)] == [
        (20, "accepted", "2023-11-21"), (23, "proposed", "2024-06-02")]


# A chain's Docusaurus ADRs dated by their Changelog, one written month first with a two-digit year.
CHANGELOG = "---\nsidebar_position: {n}\ntitle: {title}\n---\n## ADR {n:03d}: {title}\n\n## Changelog\n\n{log}\n\n" \
            "## Status\n\nAccepted\n\n## Context\n\nWhy.\n"


@pytest.mark.parametrize("log, date", [("* 6/13/23: First draft. Already running.", "2023-06-13"),
                                       ("* 13/06/23: First draft.", "2023-06-13"),
                                       ("* 2023-06-13: First draft.", "2023-06-13")])
def test_a_day_written_with_a_two_digit_year_is_read(decide, tmp_path, log, date):
    # `6/13/23` was no day: the record had none.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-009-quiet-hours.md": CHANGELOG.format(n=9, title="Quiet hours", log=log)})
    assert [(r["number"], r["title"], r["date"]) for r in listed_adrs(decide, root)] == [(9, "Quiet hours", date)]
