"""ADR folders of public-sector teams and teams writing in their own language, in the shapes they keep."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import repository_with

DUTCH = "### ADR-00{n} {title}\n\nDatum: 2025-0{n}-10\n\n#### Status\n\n{status}\n\n#### Context\n\nWaarom.\n"


def _listed(decide, root: Path) -> dict:
    result = decide("adr", "list", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return {r["key"]: r for r in json.loads(result.stdout)}


def test_a_line_naming_the_replaced_record_without_a_link_under_the_status_is_read(decide, tmp_path):
    # `Vervangt ADR-002` under `Geaccepteerd` was no relation, and check found ADR 2's successor one-sided.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-001-bus.md": DUTCH.format(n=1, title="Berichtenbus", status="Vervangen door ADR-002"),
        "docs/adr/adr-002-direct.md": DUTCH.format(n=2, title="Directe verbindingen",
                                                   status="Geaccepteerd\n\nVervangt ADR-001"),
        "docs/adr/adr-003-kaart.md": DUTCH.format(n=3, title="Kaarten", status="Accepted\n\n* Supersedes: ADR 2."),
    })
    listed = _listed(decide, root)
    assert (listed["1"]["superseded_by"], listed["2"]["supersedes"], listed["3"]["supersedes"]) == ("2", ["1"], ["2"])
    assert (listed["2"]["status"], listed["3"]["status"]) == ("accepted", "accepted")
    assert decide("check", cwd=root).stdout.strip().splitlines()[-1] == "0 error(s), 1 warning(s)"  # 3 over 2, alone


QUARTO = ('---\ntitle: "ADR 00{n}: {title}"\ndate: 2025-02-1{n}\nstatus: {status}\n---\n\n'
          "## Status\n\n{status}\n\n## Context\n\nWhy.\n")


def test_records_written_in_quarto_are_read_edited_and_written_as_quarto(decide, tmp_path):
    # A state government's records rendered with Quarto (`security/001-isolation.qmd`) were no records at all.
    root = repository_with(tmp_path / "repo", {
        "decisionbook.toml": '[paths]\ndecisions = "adr"\n',
        "adr/security/001-isolation.qmd": QUARTO.format(n=1, title="Application isolation", status="Accepted"),
        "adr/operations/002-workloads.qmd": QUARTO.format(n=2, title="One cluster", status="Proposed"),
    })
    listed = _listed(decide, root)
    assert {k: (r["title"], r["status"], r["date"]) for k, r in listed.items()} == {
        "1": ("Application isolation", "accepted", "2025-02-11"), "2": ("One cluster", "proposed", "2025-02-12")}
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert "status: Accepted\n---\n\n## Status\n\nAccepted\n" in (root / "adr/operations/002-workloads.qmd").read_text()
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    made = decide("adr", "new", "Shared logs", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "adr/003-shared-logs.qmd"
    assert _listed(decide, root)["3"]["title"] == "Shared logs"


APPROVAL = ("---\nnav_order: ADR.{n}D\n---\n\n# Decision Approval Record List\n\n| Name | Value |\n|------|-------|\n"
            "| Decision | Accepted |\n| Decision date | 2025-04-09 |\n")
MADR = '---\nstatus: "{status}"\ndate: 09-04-2025\n---\n\n# {title}\n\n## Context and Problem Statement\n\nWhy.\n'


def test_a_record_s_approval_record_named_by_its_number_and_a_letter_is_part_of_it(decide, tmp_path):
    # A grid operator keeps who approved each record beside it (`0012D-x.md` by `0012-x.md`): check said such files
    # state a status but are named by no number.
    root = repository_with(tmp_path / "repo", {
        "docs/decisions/0012-one-language.md": MADR.format(status="accepted", title="One language"),
        "docs/decisions/0012D-one-language.md": APPROVAL.format(n=12),
        "docs/decisions/0013-signs.md": MADR.format(status="proposed", title="Signs"),
        "docs/decisions/0014D-orphan.md": APPROVAL.format(n=14),
    })
    assert sorted(_listed(decide, root)) == ["12", "13"]
    check = decide("check", cwd=root).stdout
    assert "0012D" not in check
    assert "0014D-orphan.md" in check  # with no record beside it, it is named still


PORTUGUESE = "# ADR {n:04d} — {title}\n\n- Estado: {status}\n- Data: {date}\n\n## Contexto\n\nPorquê.\n"


def test_a_european_portuguese_folder_reads_aceite_and_keeps_its_word(decide, tmp_path):
    # `aceite`, accepted as Portugal writes it, was an unknown status on every record of the folder.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-registar.md": PORTUGUESE.format(n=1, title="Registar", status="aceite", date="2026-09-01"),
        "docs/adr/0002-mapa.md": PORTUGUESE.format(n=2, title="Mapa", status="aceite", date="2026-09-03"),
        "docs/adr/0003-sons.md": PORTUGUESE.format(n=3, title="Sons", status="proposta", date="2026-09-05"),
    })
    assert [r["status"] for r in _listed(decide, root).values()] == ["accepted", "accepted", "proposed"]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    assert decide("adr", "status", "3", "accepted", "--force", "--date", "2026-10-01", cwd=root).exit_code == 0
    assert "- Estado: aceite\n- Data: 2026-10-01\n" in (root / "docs/adr/0003-sons.md").read_text()


def test_a_day_written_with_a_space_after_each_dot_is_read_and_changed_so(decide, tmp_path):
    # Czech and Slovak write `1. 10. 2026`: the record had no date, and a change wrote 2026-12-02 over it.
    record = "# ADR-00{n}: {title}\n\n- Stav: {status}\n- Datum: {date}\n\n## Kontext\n\nProč.\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/0001-fronta.md": record.format(n=1, title="Fronta", status="Přijato", date="1. 10. 2026"),
        "docs/adr/0002-cache.md": record.format(n=2, title="Cache", status="Navrženo", date="14. 11. 2026"),
    })
    assert [r["date"] for r in _listed(decide, root).values()] == ["2026-10-01", "2026-11-14"]
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert "- Datum: 2. 12. 2026\n" in (root / "docs/adr/0002-cache.md").read_text()


def test_a_record_titled_at_level_three_over_deeper_sections_gives_a_new_record_its_title(decide, tmp_path):
    # A guidebook's chapter holds the records (`### ADR-002 Title` over `#### Status`): a new one was written with no
    # title at all, as the heading was taken for a section that record alone had.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/adr-001-bus.md": DUTCH.format(n=1, title="Berichtenbus", status="Geaccepteerd"),
        "docs/adr/adr-002-kaart.md": DUTCH.format(n=2, title="Kaarten", status="Voorgesteld"),
        "docs/adr/adr-003-logs.md": DUTCH.format(n=3, title="Logboek", status="Geaccepteerd"),
    })
    made = decide("adr", "new", "Directe verbindingen", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text().startswith(
        "### ADR-004 Directe verbindingen\n\nDatum: 2026-12-02\n\n#### Status\n\nVoorgesteld\n")
    assert _listed(decide, root)["4"]["title"] == "Directe verbindingen"


MARKED = "# {n}. {title}\n\nDate: 2021-0{n}-01\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"


def test_a_new_record_of_a_folder_marking_its_statuses_is_proposed_with_the_folder_s_mark(decide, tmp_path):
    # A ministry's platform team writes `🤔 Proposed`, `✅ Accepted`: a new record said `Proposed` alone, though a
    # change of status writes the mark.
    root = repository_with(tmp_path / "repo", {
        "architecture-decision-record/0001-record.md": MARKED.format(n=1, title="Record", status="✅ Accepted"),
        "architecture-decision-record/0002-dns.md": MARKED.format(n=2, title="DNS", status="🤔 Proposed"),
        "architecture-decision-record/0003-ci.md": MARKED.format(n=3, title="CI", status="❌ Rejected"),
    })
    made = decide("adr", "new", "Pick a CDN", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert "## Status\n\n🤔 Proposed\n" in (root / made.stdout.strip()).read_text()


ELEVENTY = ("---\nlayout: page.njk\nstatus: {status}\ndate: 2024-01-0{n}\ntags:\n  - adr\norder: {n}\n"
            "title: 00{n} - {title}\n---\n\n**Status: {{{{ status }}}}**\n\n## Context\n\nWhy.\n")


def test_a_new_record_writes_its_status_capitalised_where_the_folder_s_records_do(decide, tmp_path):
    # A site lists records by `status: Accepted`, `status: Proposed`: a new record's `status: proposed` was in no list.
    root = repository_with(tmp_path / "repo", {
        "docs/adr/001-landing-zone.md": ELEVENTY.format(n=1, title="Landing zone", status="Accepted"),
        "docs/adr/002-oidc.md": ELEVENTY.format(n=2, title="Trust OIDC", status="Proposed"),
    })
    made = decide("adr", "new", "Shared logs", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    assert "\nstatus: Proposed\n" in (root / made.stdout.strip()).read_text()
