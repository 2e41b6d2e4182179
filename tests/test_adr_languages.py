"""ADR folders written in languages whose words decisionbook reads, and notes that relate records."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from conftest import listed_adrs, repository_with

POLISH = ("# ADR-{n:04d}: {title}\n\n- **Status:** {status}\n- **Data:** {date}\n- **Decydenci:** zespół\n\n"
          "## Kontekst\n\nDlaczego.\n")


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    return repository_with(tmp_path / "repo", files)


def _listed(decide, root: Path) -> dict:
    result = decide("adr", "list", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.output
    return {r["key"]: r for r in json.loads(result.stdout)}


def _polish(tmp_path: Path) -> Path:
    return _repo(tmp_path, {
        "docs/adr/0000-szablon.md": POLISH.format(n=0, title="Tytuł decyzji", date="RRRR-MM-DD",
                                                  status="Proponowany | Zaakceptowany | Odrzucony").replace(
                                                      "Dlaczego.", "Jaki problem rozwiązujemy?"),
        "docs/adr/0001-kolejka.md": POLISH.format(n=1, title="Kolejka w Redisie", date="2026-03-02",
                                                  status="Zastąpiony przez ADR-0002 (2026-05-04: koszty)"),
        "docs/adr/0002-kolejka-w-bazie.md": POLISH.format(n=2, title="Kolejka w bazie", date="2026-05-04",
                                                          status="Zaakceptowany (zastępuje ADR-0001)"),
        "docs/adr/0003-logi.md": POLISH.format(n=3, title="Logi w JSON", date="3 września 2026",
                                               status="Proponowana (doprecyzowuje ADR-0002; czeka na zespół)"),
        "docs/adr/0004-cache.md": POLISH.format(n=4, title="Cache", date="2026-10-01", status="Zaakceptowany"),
    })


def test_a_polish_folder_reads_its_statuses_dates_relations_and_template(decide, tmp_path):
    root = _polish(tmp_path)
    listed = _listed(decide, root)
    assert sorted(listed) == ["1", "2", "3", "4"]  # the template, `0000-szablon.md`, is no record
    assert {k: (r["status"], r["date"], r["superseded_by"], r["supersedes"]) for k, r in listed.items()} == {
        "1": ("superseded", "2026-03-02", "2", []),
        "2": ("accepted", "2026-05-04", None, ["1"]),
        "3": ("proposed", "2026-09-03", None, []),
        "4": ("accepted", "2026-10-01", None, []),
    }
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    made = decide("adr", "new", "Limity zapytań", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.exit_code == 0, made.output
    text = (root / "docs/adr/0005-limity-zapytan.md").read_text()
    assert text.startswith("# ADR-0005: Limity zapytań\n\n- **Status:** Proponowany\n- **Data:** 2026-11-30\n")


def test_a_polish_status_change_writes_the_folder_s_words_and_keeps_the_notes_that_name_records(decide, tmp_path):
    root = _polish(tmp_path)
    assert decide("adr", "status", "3", "accepted", "--force", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert "- **Status:** Zaakceptowana (doprecyzowuje ADR-0002; czeka na zespół)\n" in (
        root / "docs/adr/0003-logi.md").read_text()
    result = decide("adr", "status", "2", "superseded", "--by", "4", "--date", "2026-11-30", cwd=root)
    assert result.exit_code == 0, result.output
    assert ("- **Status:** Zastąpiony przez [ADR-0004](0004-cache.md) (zastępuje ADR-0001)\n"
            in (root / "docs/adr/0002-kolejka-w-bazie.md").read_text())
    assert "- **Zastępuje:** [ADR-0002](0002-kolejka-w-bazie.md)\n" in (root / "docs/adr/0004-cache.md").read_text()
    listed = _listed(decide, root)
    assert (listed["2"]["status"], listed["2"]["superseded_by"], listed["2"]["supersedes"]) == (
        "superseded", "4", ["1"])
    assert listed["4"]["supersedes"] == ["2"]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_turkish_fields_and_month_names_are_read(decide, tmp_path):
    record = "# ADR-000{n}: {title}\n\n- Durum: {status}\n- Tarih: {date}\n\n## Bağlam\n\nNeden.\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-servisler.md": record.format(n=1, title="Servisler", status="Kabul edildi",
                                                    date="14 Temmuz 2026"),
        "docs/adr/0002-kuyruk.md": record.format(n=2, title="Kuyruk", status="Önerildi", date="2026-08-01"),
    })
    listed = _listed(decide, root)
    assert [(r["status"], r["date"]) for r in listed.values()] == [
        ("accepted", "2026-07-14"), ("proposed", "2026-08-01")]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_month_named_in_capitals_with_a_dotless_i_is_read(decide, tmp_path):
    # `KASIM` is `Kasım` in capitals: lowered, it is `kasim`, which no month is named; it stopped every command.
    record = "# ADR-000{n}: {title}\n\n- Durum: Kabul edildi\n- Tarih: {date}\n\n## Bağlam\n\nNeden.\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-servisler.md": record.format(n=1, title="Servisler", date="5 KASIM 2025"),
        "docs/adr/0002-kuyruk.md": record.format(n=2, title="Kuyruk", date="MAYIS 3, 2026"),
        "docs/adr/0003-nisan.md": record.format(n=3, title="Nisan", date="2026 NİSAN 7"),
    })
    listed = _listed(decide, root)
    assert [r["date"] for r in listed.values()] == ["2025-11-05", "2026-05-03", "2026-04-07"]
    # Changed, the day is written as it was: the month in Turkish, in capitals.
    assert decide("adr", "status", "1", "deprecated", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert "- Tarih: 2 ARALIK 2026\n" in (root / "docs/adr/0001-servisler.md").read_text()


def test_a_turkish_date_is_read_in_march_too_and_changed_with_its_month_named_in_turkish(decide, tmp_path):
    # `Mart` (March) was no month, and a change wrote YYYY-MM-DD over `14 Temmuz 2025`.
    record = "# ADR-000{n}: {title}\n\n**Tarih:** {date}  \n**Durum:** {status}\n\n## Bağlam\n\nNeden.\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-servisler.md": record.format(n=1, title="Servisler", status="Accepted", date="3 Mart 2025"),
        "docs/adr/0002-kuyruk.md": record.format(n=2, title="Kuyruk", status="Proposed", date="14 Temmuz 2025"),
    })
    assert [r["date"] for r in _listed(decide, root).values()] == ["2025-03-03", "2025-07-14"]
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-08-22", cwd=root).exit_code == 0
    assert (root / "docs/adr/0002-kuyruk.md").read_text() == record.format(
        n=2, title="Kuyruk", status="Accepted", date="22 Ağustos 2026")
    # A template dated by an example day written so gives a new record its day in that form.
    (root / "docs/adr/template.md").write_text(record.format(n="X", title="[Karar Başlığı]", status="Proposed",
                                                             date="12 Temmuz 2025").replace("ADR-000X", "ADR-XXX"))
    made = decide("adr", "new", "Önbellek", "--no-edit", "--date", "2026-09-01", cwd=root)
    assert made.exit_code == 0, made.output
    assert "**Tarih:** 1 Eylül 2026  \n" in (root / made.stdout.strip()).read_text()


@pytest.mark.parametrize("accepted", [("Accettata; completa", "Accettata (con riserva)"), ("Accettata",) * 4])
def test_a_word_of_two_languages_moves_on_in_the_language_of_the_folder(decide, tmp_path, accepted):
    # `Proposta` is Italian and Portuguese: accepted is written as the Italian folder writes it, however many
    # proposals there are (they do not say which language they are in).
    record = "# ADR-000{n}: {title}\n\n- **Stato:** {status}\n- **Data:** 2026-0{n}-01\n\n## Contesto\n\nPerché.\n"
    statuses = [*accepted, "Proposta", "Proposta", "Proposta", "Proposta"]
    root = _repo(tmp_path, {f"docs/adr/000{n}-r.md": record.format(n=n, title=f"R{n}", status=status)
                            for n, status in enumerate(statuses, start=1)})
    last = len(statuses)
    assert decide("adr", "status", str(last), "accepted", "--force", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert "- **Stato:** Accettata\n" in (root / f"docs/adr/000{last}-r.md").read_text()


def test_a_note_after_the_status_names_the_records_this_one_supersedes(decide, tmp_path):
    record = "# ADR-000{n}: {title}\n\n**Status:** {status}\n**Date:** 2026-01-0{n}\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-a.md": record.format(n=1, title="Old", status="Superseded by ADR-0002"),
        "docs/adr/0002-b.md": record.format(n=2, title="New", status="Accepted (supersedes ADR-0001)"),
    })
    assert _listed(decide, root)["2"]["supersedes"] == ["1"]
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    assert decide("adr", "status", "2", "deprecated", "--date", "2026-11-30", cwd=root).exit_code == 0
    assert "**Status:** Deprecated (supersedes ADR-0001)\n" in (root / "docs/adr/0002-b.md").read_text()


def test_a_sentence_under_the_title_says_which_records_this_one_supersedes(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-a.md": "# 1. Layout\n\n**Date:** 2019-02-01\n\n## Context\n\nWhy.\n",
        "docs/adr/0002-b.md": "# 2. Logging\n\n**Date:** 2019-03-01\n\n## Context\n\nWhy.\n",
        "docs/adr/0003-c.md": "# 3. Layout again\n\n**Date:** 2020-06-01\n\n**NOTE:** This ADR updates and supersedes "
                              "[ADR0001 Layout](./0001-a.md).\n\n## Context\n\nWhy.\n",
        "docs/adr/0004-d.md": "# 4. Logging again\n\n**Date:** 2021-06-01\n\nThis decision supersedes decision: "
                              "[0002 Logging](0002-b.md)\n\n## Context\n\nWhy.\n",
    })
    listed = _listed(decide, root)
    assert (listed["3"]["supersedes"], listed["4"]["supersedes"]) == (["1"], ["2"])


def test_superseding_a_record_that_says_no_status_gives_it_one(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-a.md": "# 1. Layout\n\n**Date:** 2019-02-01\n\n## Context\n\nWhy.\n",
        "docs/adr/0002-b.md": "# 2. Layout again\n\n**Date:** 2020-06-01\n\nThis ADR supersedes [ADR 1](0001-a.md).\n\n"
                              "## Context\n\nWhy.\n",
    })
    before = (root / "docs/adr/0002-b.md").read_bytes()
    result = decide("adr", "status", "1", "superseded", "--by", "2", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0001-a.md").read_text() == (
        "# 1. Layout\n\n**Date:** 2019-02-01\n**Status:** Superseded by [ADR 2](0002-b.md)\n\n"
        "## Context\n\nWhy.\n")  # a bold field beside its other one, linking as the folder's records link
    assert (root / "docs/adr/0002-b.md").read_bytes() == before  # it says so already
    assert _listed(decide, root)["1"]["superseded_by"] == "2"


def test_a_status_labelled_as_the_records_kind_is_read_and_changed_in_place(decide, tmp_path):
    # Sentry's RFCs: `* RFC Status: draft` was no status, and a change added `* Status: accepted` above it.
    root = _repo(tmp_path, {"text/0042-gocd.md": "* Start Date: 2022-09-20\n* RFC Type: feature\n"
                                                 "* RFC Status: draft\n\n# Summary\n\nUse gocd.\n",
                            "decisionbook.toml": '[paths]\ndecisions = "text"\n'})
    assert _listed(decide, root)["42"]["status"] == "draft"
    assert decide("adr", "status", "42", "accepted", "--force", cwd=root).exit_code == 0
    assert (root / "text/0042-gocd.md").read_text().splitlines()[:3] == [
        "* Start Date: 2022-09-20", "* RFC Type: feature", "* RFC Status: accepted"]


@pytest.mark.parametrize("head, line", [
    # An HTML table labelled by header cells; an HTML definition list; a field in a code block below the record's parts.
    ("<table>\n<tr><th> Title </th><td> Purpose </td>\n<tr><th> Status </th><td> Proposed </td></tr>\n</table>\n",
     3),
    ("# A\n\n<dl><dt>Status</dt><dd>Draft</dd></dl>\n", 3),
    ("# A\n\n## Motivation\n\nWhy.\n\n```\nStatus: Draft\n```\n", 8),
], ids=["html-table", "html-definition-list", "code-block"])
def test_a_status_stated_where_it_is_not_read_is_named_and_never_contradicted(decide, tmp_path, head, line):
    # A change gave such a record a second status, a Status section beside the one it had.
    text = head + "\n## Summary\n\nWhy.\n"
    root = _repo(tmp_path, {"docs/adr/0004-a.md": text, "docs/adr/0005-b.md": "# 5. B\n\nStatus: Accepted\n"})
    check = decide("check", cwd=root)
    assert check.stdout.splitlines()[0].startswith(f"docs/adr/0004-a.md:{line}: warning: states its status where or "
                                                   "as decisionbook does not read it")
    result = decide("adr", "status", "4", "accepted", "--force", cwd=root)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"docs/adr/0004-a.md:{line}: error: cannot change the status")
    assert (root / "docs/adr/0004-a.md").read_text() == text


def test_a_record_of_bold_fields_that_says_no_status_gets_a_bold_status_field(decide, tmp_path):
    # Cilium's CFPs keep their fields in bold, a blank line apart: a change wrote a Nygard `## Status` section.
    head = "# CFP-30984: DNS proxy HA\n\n**SIG: SIG-POLICY**\n\n**Begin Design Discussion:** 2024-08-19\n\n" \
           "**Authors:** Ana\n"
    root = _repo(tmp_path, {"docs/adr/0001-a.md": head + "\n## Summary\n\nWhy.\n"})
    assert decide("adr", "status", "1", "proposed", cwd=root).exit_code == 0
    assert (root / "docs/adr/0001-a.md").read_text() == head + "\n**Status:** Proposed\n\n## Summary\n\nWhy.\n"


def test_relations_listed_under_their_label_are_read_and_added_to(decide, tmp_path):
    # Konflux: `Supercedes:` over a list of links to the pages the records are published as (`.html`) was no
    # relation, so `check` warned that ADR 32 did not record superseding 28, and a new one went on a line below.
    record = "# {n}. {title}\n\nDate: 2023-11-17\n\n## Status\n\n{status}\n\n## Context\n\nWhy.\n"
    status = ("Draft\n\nRelates to:\n* [ADR 14. Proceed](0014-proceed.html)\n\nSupercedes:\n"
              "* [ADR 08. Provisioning](0008-provisioning.html)\n* [ADR 28. Errors](0028-errors.html)")
    root = _repo(tmp_path, {
        "ADR/0008-provisioning.md": record.format(n=8, title="Provisioning",
                                                  status="Superseded by [ADR 32](0032-x.md)"),
        "ADR/0009-operator.md": record.format(n=9, title="Operator", status="Proposed"),
        "ADR/0014-proceed.md": record.format(n=14, title="Proceed",
                                             status="Accepted\n\nRelates to [ADR 32](0032-x.md)"),
        "ADR/0028-errors.md": record.format(n=28, title="Errors", status="Superceded by [ADR 32](0032-x.html)"),
        "ADR/0032-x.md": record.format(n=32, title="X", status=status),
    })
    listed = _listed(decide, root)
    assert (listed["32"]["supersedes"], listed["32"]["links"]) == (
        ["8", "28"], [{"relation": "relates to", "adr": "14"}])
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    assert decide("adr", "link", "32", "supersedes", "9", cwd=root).exit_code == 0
    assert (root / "ADR/0032-x.md").read_text() == record.format(n=32, title="X", status=status.replace(
        "(0028-errors.html)", "(0028-errors.html)\n* [ADR 09. Operator](0009-operator.html)"))


def test_a_new_record_supersedes_one_that_says_no_status(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0001-a.md": "# 1. Layout\n\n**Date:** 2019-02-01\n\n## Context\n\nWhy.\n"})
    made = decide("adr", "new", "Layout again", "--supersedes", "1", "--no-edit", "--date", "2026-11-30", cwd=root)
    assert made.exit_code == 0, made.output
    listed = _listed(decide, root)
    assert (listed["1"]["status"], listed["1"]["superseded_by"], listed["2"]["supersedes"]) == (
        "superseded", "2", ["1"])


def test_a_long_or_wide_title_does_not_pad_every_row_of_a_listing(decide, tmp_path):
    record = "# {n}. {title}\n\nDate: 2020-01-0{n}\n\n## Status\n\nAccepted\n"
    long_title = "Keep " + "every request and its answer " * 10
    root = _repo(tmp_path, {"doc/adr/0001-a.md": record.format(n=1, title=long_title.strip()),
                            "doc/adr/0002-b.md": record.format(n=2, title="決定記録を日本語で書く"),
                            "doc/adr/0003-c.md": record.format(n=3, title="Short")})
    lines = decide("adr", "list", cwd=root).stdout.splitlines()

    def columns(text):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    assert max(map(columns, lines)) <= 120
    starts = {line.index("accepted") + columns(line[: line.index("accepted")]) - len(line[: line.index("accepted")])
              for line in lines[1:]}
    assert len(starts) == 1  # the status column starts at one terminal column on every row
    assert "…" in lines[1] and long_title.strip() in _listed(decide, root)["1"]["title"]  # JSON keeps it whole


BILINGUAL = ("# 001 - Offline first / Primeiro offline\n\n## Offline first\n### Status: {en}\n\n### Context\n\nWhy.\n\n"
             "## Primeiro offline\n### Status: {pt}\n\n### Contexto\n\nPor quê.\n")


def test_a_record_in_two_languages_changes_the_status_in_both(decide, tmp_path):
    text = BILINGUAL.format(en="Accepted", pt="Aceito")
    root = _repo(tmp_path, {"adrs/001 - Offline first.md": text, "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    assert "Aceito" not in decide("check", cwd=root).stdout
    result = decide("adr", "status", "1", "deprecated", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "adrs/001 - Offline first.md").read_text() == BILINGUAL.format(en="Deprecated", pt="Obsoleto")


def test_a_status_stated_again_in_words_not_read_is_named_by_check(decide, tmp_path):
    text = BILINGUAL.format(en="Accepted", pt="Valendo")
    root = _repo(tmp_path, {"adrs/001 - Offline first.md": text, "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    assert ("adrs/001 - Offline first.md:11: warning: states its status again ('Valendo'), in words a change of "
            "status does not write: change them by hand with the status on line 4") in decide("check", cwd=root).stdout


def test_a_record_written_first_in_another_language_changes_its_english_half_too(decide, tmp_path):
    root = _repo(tmp_path, {"adrs/001 - Offline first.md": BILINGUAL.format(en="Aceito", pt="Accepted"),
                            "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    result = decide("adr", "status", "1", "rejected", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "adrs/001 - Offline first.md").read_text() == BILINGUAL.format(en="Rejeitado", pt="Rejected")


# A record in two languages whose halves each state the status in a heading, and a relation line below it.
TWO_HALVES = ("# {n} - {en} / {pt}\n\n## {en}\n### Status: {status_en}\n{rel_en}\n### Context\n\nWhy.\n\n"
              "## {pt}\n### Status: {status_pt}\n{rel_pt}\n### Contexto\n\nPor quê.\n")


def _halves(n: str, en: str, pt: str, status_en="Accepted", status_pt="Aceito", rel_en="", rel_pt="") -> str:
    return TWO_HALVES.format(n=n, en=en, pt=pt, status_en=status_en, status_pt=status_pt, rel_en=rel_en, rel_pt=rel_pt)


def test_a_relation_line_below_a_status_heading_is_read(decide, tmp_path):
    old = "[1. Offline first](001%20-%20Offline%20first.md)"
    new = "[2. Sync engine](002%20-%20Sync%20engine.md)"
    root = _repo(tmp_path, {
        "adrs/001 - Offline first.md": _halves("001", "Offline first", "Primeiro offline",
                                               f"Superseded by {new}", f"Substituído por {new}"),
        "adrs/002 - Sync engine.md": _halves("002", "Sync engine", "Sincronia", rel_en=f"\nSupersedes {old}\n",
                                             rel_pt=f"\nSubstitui {old}\n"),
        "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    listed = _listed(decide, root)
    assert (listed["1"]["superseded_by"], listed["2"]["supersedes"]) == ("2", ["1"])
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]


def test_a_record_stating_its_status_in_headings_is_superseded_in_that_form(decide, tmp_path):
    root = _repo(tmp_path, {
        "adrs/001 - Offline first.md": _halves("001", "Offline first", "Primeiro offline"),
        "adrs/002 - Sync engine.md": _halves("002", "Sync engine", "Sincronia"),
        "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    made = decide("adr", "new", "Online first", "--supersedes", "1", "--no-edit", "--date", "2026-12-02", cwd=root)
    assert made.exit_code == 0, made.output
    successor = "[3. Online first](003%20-%20Online%20first.md)"
    assert (root / "adrs/001 - Offline first.md").read_text() == _halves(
        "001", "Offline first", "Primeiro offline", f"Superseded by {successor}", f"Substituído por {successor}")
    listed = _listed(decide, root)
    assert (listed["1"]["status"], listed["1"]["superseded_by"]) == ("superseded", "3")
    assert (listed["3"]["status"], listed["3"]["supersedes"]) == ("proposed", ["1"])
    done = decide("adr", "status", "2", "superseded", "--by", "3", "--force", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert _listed(decide, root)["3"]["supersedes"] == ["1", "2"]
    assert "adrs/00" not in decide("check", cwd=root).stdout.replace("adrs/003 - Online first.md", "")


@pytest.mark.parametrize("status", ["## Status\n\n### {words}\n", "## Status\n## {words}\n"])
def test_a_status_heading_under_a_status_section_is_read_and_kept_a_heading(decide, tmp_path, status):
    record = "# {n}. {title}\n\n" + status + "{more}\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {
        "doc/adr/0001-cache.md": record.format(n=1, title="Cache", words="Accepted", more=""),
        "doc/adr/0002-cache-v2.md": record.format(n=2, title="Cache v2", words="Accepted", more=""),
    })
    assert [row["status"] for row in _listed(decide, root).values()] == ["accepted", "accepted"]
    done = decide("adr", "status", "1", "superseded", "--by", "2", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "doc/adr/0001-cache.md").read_text() == record.format(
        n=1, title="Cache", words="Superseded by [2. Cache v2](0002-cache-v2.md)", more="")
    assert (root / "doc/adr/0002-cache-v2.md").read_text() == record.format(
        n=2, title="Cache v2", words="Accepted", more="\nSupersedes [1. Cache](0001-cache.md)\n")
    listed = _listed(decide, root)
    assert (listed["1"]["superseded_by"], listed["2"]["supersedes"]) == ("2", ["1"])


@pytest.mark.parametrize("heading", ["## Proposed Solution", "## Accepted Risks"])
def test_a_section_named_as_a_status_begins_under_an_empty_status_section_is_not_its_status(decide, tmp_path, heading):
    # The empty `## Status` of a template over `## Proposed Solution` read "proposed", and a status change wrote
    # over that heading.
    text = f"# 1. Queue\n\nDate: 2021-03-01\n\n## Status\n\n{heading}\n\nA queue in front.\n\n## Context\n\nLoad.\n"
    root = _repo(tmp_path, {"doc/adr/0001-queue.md": text})
    assert (_listed(decide, root)["1"]["status"], _listed(decide, root)["1"]["status_raw"]) == (None, None)
    done = decide("adr", "status", "1", "accepted", "--force", "--date", "2021-04-01", cwd=root)
    assert done.exit_code == 0, done.output
    assert heading in (root / "doc/adr/0001-queue.md").read_text()
    assert _listed(decide, root)["1"]["status"] == "accepted"


SPANISH = "# ADR-{n:04d}: {title}\n\n- Estado: {status}\n- Fecha: 2026-08-24\n\n## Contexto\n\nPor qué.\n"


def test_setting_a_spanish_record_s_status_again_keeps_the_note_after_it(decide, tmp_path):
    noted = SPANISH.format(n=1, title="Colas", status="Aceptado (con deudas documentadas)")
    dated = SPANISH.format(n=2, title="Caché", status="Aceptado (2026-09-02, tras el piloto; decisión del equipo)")
    root = _repo(tmp_path, {"docs/adr/0001-colas.md": noted, "docs/adr/0002-cache.md": dated})
    for n in (1, 2):
        result = decide("adr", "status", str(n), "accepted", "--force", "--date", "2026-11-30", cwd=root)
        assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0001-colas.md").read_text() == noted.replace("2026-08-24", "2026-11-30")
    assert (root / "docs/adr/0002-cache.md").read_text() == dated.replace("2026-08-24", "2026-11-30")


# Ugrow's records close with their notes: who wrote them, and when they were registered and last updated.
NOTES = ("# 00{n} - {title}\n\n## {title}\n### Status: {status}\n\n### Contexto\nO aplicativo roda sem rede.\n\n"
         "### Notas\n\nAutor Original: Ana Lima.\n\nData do Registro: {registered}\n\n"
         "Última Atualização: 28/01/2026 ás 14:13.\n")
NOTES_EN = ("# 003 - Local storage\n\n## Local storage\n### Status: Accepted\n\n### Context\n\nNo network.\n\n"
            "### Notes\n\nOriginal Author: Ana Lima.\n\nRegistration Date: March 9, 2026 at 22:59.\n\n"
            "Last Update: March 10, 2026 at 08:15.\n")


def test_a_record_dated_only_in_its_closing_notes_is_dated_by_them_and_a_status_change_keeps_them(decide, tmp_path):
    root = _repo(tmp_path, {
        "adrs/001 - Camadas.md": NOTES.format(n=1, title="Camadas", status="Aceito",
                                              registered="09/01/2026 ás 12:20."),
        "adrs/002 - Filas.md": NOTES.format(n=2, title="Filas", status="Proposto",
                                            registered="02/02/2026 ás 09:00.").replace(
            "### Status: Proposto\n", "### Status: Proposto\n\nData: 2026-02-05\n"),
        "adrs/003 - Local storage.md": NOTES_EN,
        "decisionbook.toml": '[paths]\ndecisions = "adrs"\n'})
    listed = _listed(decide, root)
    assert [(listed[key]["date"], listed[key]["date_raw"]) for key in ("1", "2", "3")] == [
        ("2026-01-09", "09/01/2026 ás 12:20."), ("2026-02-05", "2026-02-05"),
        ("2026-03-09", "March 9, 2026 at 22:59.")]
    assert decide("check", cwd=root).stdout.splitlines() == ["0 error(s), 0 warning(s)"]
    before = (root / "adrs/001 - Camadas.md").read_text()
    done = decide("adr", "status", "1", "deprecated", "--date", "2026-12-02", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "adrs/001 - Camadas.md").read_text() == before.replace("Status: Aceito", "Status: Obsoleto")


# A Brazilian team's adr-tools records dated in words (`Data: 28 de Dezembro de 2024`).
NYGARD_PT = "# {n}. {title}\n\nData: {date}\n\n## Status\n\n{status}\n\n## Contexto\n\nPor quê.\n"


@pytest.mark.parametrize(("written", "changed"), [
    ("05 de outubro de 2024", "01 de dezembro de 2026"), ("28 de Dezembro de 2024", "1 de Dezembro de 2026"),
    ("12 mars 2021", "1 décembre 2026"), ("28. März 2026", "1. Dezember 2026"),
    ("3 de marzo de 2022", "1 de diciembre de 2026"),
    # `agosto` is Spanish, Portuguese and Italian, whose Decembers differ: the record's Portuguese (`Aceito`) tells
    # which. `Juli`, German and Dutch, is no Portuguese month: the day is written as YYYY-MM-DD.
    ("9 de agosto de 2023", "1 de dezembro de 2026"), ("28. Juli 2026", "2026-12-01"),
])
def test_a_date_written_with_a_month_s_name_in_another_language_is_changed_in_that_language(
        decide, tmp_path, written, changed):
    root = _repo(tmp_path, {"docs/adr/0006-observabilidade.md": NYGARD_PT.format(
        n=6, title="Observabilidade", date=written, status="Proposto")})
    done = decide("adr", "status", "6", "accepted", "--date", "2026-12-01", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0006-observabilidade.md").read_text() == NYGARD_PT.format(
        n=6, title="Observabilidade", date=changed, status="Aceito")
    assert _listed(decide, root)["6"]["date"] == "2026-12-01"


# A Chinese team's bold bullets, a note after the status in full-width brackets.
CHINESE = ("# ADR-{n:04d}：{title}\n\n- **状态**：{status}\n- **日期**：2026-09-01\n- **决策者**：Pride Leong\n\n"
           "---\n\n## 背景\n\n为什么。\n")


def test_a_note_in_full_width_brackets_naming_another_record_stays_through_a_status_change(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0024-op.md": CHINESE.format(n=24, title="自定义算子", status="已接受（v0 范围见「分期」）"),
        "docs/adr/0026-slices.md": CHINESE.format(n=26, title="切片输入", status="已接受"),
        "docs/adr/0028-records.md": CHINESE.format(n=28, title="记录格式", status="已接受（取代 ADR-0026 的 v0 格式）"),
    })
    for number in ("24", "28"):
        done = decide("adr", "status", number, "deprecated", "--date", "2026-12-01", "--force", cwd=root)
        assert done.exit_code == 0, done.output
    # As `Accepted (supersedes ADR-0010)` keeps its note and `Accepted (see phases)` does not.
    assert (root / "docs/adr/0028-records.md").read_text() == CHINESE.format(
        n=28, title="记录格式", status="已废弃（取代 ADR-0026 的 v0 格式）")
    assert (root / "docs/adr/0024-op.md").read_text() == CHINESE.format(n=24, title="自定义算子", status="已废弃")


def test_a_relation_field_beside_a_status_label_in_kana_is_capitalised_as_english_words_start(decide, tmp_path):
    # A label in a script without case (`ステータス:`) was taken for lower-case: `supersedes: [ADR-0001](...)`.
    record = "# ADR-000{n}: {title}\n\n日付: 2025-08-2{n}\nステータス: {status}\n\n## 背景 / Context\n- 理由\n"
    root = repository_with(tmp_path / "repo", {
        "docs/adr/ADR-0001-packages.md": record.format(n=1, title="パッケージ構成", status="Accepted"),
        "docs/adr/ADR-0002-features.md": record.format(n=2, title="特徴量の保存", status="Proposed")})
    result = decide("adr", "status", "1", "superseded", "--by", "2", cwd=root)
    assert result.exit_code == 0, result.output
    lines = (root / "docs/adr/ADR-0002-features.md").read_text().splitlines()
    assert lines[3:5] == ["ステータス: Proposed", "Supersedes: [ADR-0001](ADR-0001-packages.md)"]


@pytest.mark.parametrize(("proposals", "written"), [
    (["提议中"], "提议中"), (["提议", "提议中"], "提议中"), (["提议中", "提议", "提议"], "提议")])
def test_a_new_record_writes_proposed_in_the_word_most_of_the_folder_s_proposals_use(
        decide, tmp_path, proposals, written):
    # Of as many records writing one word as another, the newest's is taken.
    statuses = ["已接受", "已接受（取代 ADR-0001 的格式）", *proposals]
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": CHINESE.format(n=n, title=f"决定{n}", status=status)
                            for n, status in enumerate(statuses, start=1)})
    made = decide("adr", "new", "日志采样", "--no-edit", "--date", "2026-12-01", cwd=root)
    assert made.exit_code == 0, made.output
    number = len(statuses) + 1
    text = (root / made.stdout.strip()).read_text()
    assert text.startswith(f"# ADR-{number:04d}：日志采样\n\n- **状态**：{written}\n- **日期**：2026-12-01\n"), text


def test_a_new_record_keeps_the_rule_the_folder_s_records_draw_under_their_header_fields(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": CHINESE.format(n=n, title=f"决定{n}", status=status)
                            for n, status in ((1, "已接受"), (2, "已接受"), (3, "提议中"))})
    made = decide("adr", "new", "日志采样", "--no-edit", "--date", "2026-12-01", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == (
        "# ADR-0004：日志采样\n\n- **状态**：提议中\n- **日期**：2026-12-01\n- **决策者**：\n\n---\n\n## 背景\n")


def test_a_note_in_full_width_brackets_names_the_record_this_one_supersedes_or_is_replaced_by(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0026-slices.md": CHINESE.format(n=26, title="切片输入", status="已废弃（被 ADR-0028 取代）"),
        "docs/adr/0027-v0.md": CHINESE.format(n=27, title="v0 格式", status="已废弃(被ADR-0029取代)"),
        "docs/adr/0028-records.md": CHINESE.format(n=28, title="记录格式", status="已废弃（取代 ADR-0026 的 v0 格式）"),
        "docs/adr/0029-rules.md": CHINESE.format(n=29, title="规则", status="已接受（取代ADR-0027）"),
        "docs/adr/0030-part.md": CHINESE.format(n=30, title="部分", status="已接受（部分被 ADR-0029 取代）"),
        # Set apart by a dash, the day after it.
        "docs/adr/0031-scope.md": CHINESE.format(
            n=31, title="范围", status="⛔ **已废弃 —— 被 [ADR-0032](0032-scope.md) 取代（2026-07-30）**"),
        "docs/adr/0032-scope.md": CHINESE.format(n=32, title="新范围", status="已接受（取代 ADR-0031）"),
    })
    listed = _listed(decide, root)
    assert {k: (r["status"], r["superseded_by"], r["supersedes"]) for k, r in listed.items()} == {
        "26": ("deprecated", "28", []), "27": ("deprecated", "29", []), "28": ("deprecated", None, ["26"]),
        "29": ("accepted", None, ["27"]), "30": ("accepted", None, []),  # replaced in part: no successor
        "31": ("deprecated", "32", []), "32": ("accepted", None, ["31"])}
    # A record deprecated in favour of the one it names is not told that one supersedes it.
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


# adr-tools records in German (or Dutch), dated with a month named as in another language too.
NYGARD_DE = "# {n}. Schichten\n\nDatum: {date}\n\n## Status\n\n{status}\n\n## {context}\n\nWarum.\n"


@pytest.mark.parametrize(("status", "context", "written", "changed"), [
    ("Vorgeschlagen", "Kontext", "1. Juli 2026", "1. Dezember 2026"),  # Juli is Dutch too
    ("Vorgeschlagen", "Kontext", "3. April 2026", "1. Dezember 2026"),  # April is English too
    ("Proposed", "Kontext", "1. Juli 2026", "1. Dezember 2026"),  # German by its headings alone
    ("Voorgesteld", "Achtergrond", "1 juli 2026", "1 december 2026"),
    ("Proposed", "Context", "1 April 2026", "1 December 2026"),
])
def test_a_month_named_in_two_languages_is_changed_in_the_language_the_record_is_written_in(
        decide, tmp_path, status, context, written, changed):
    root = _repo(tmp_path, {"docs/adr/0004-schichten.md": NYGARD_DE.format(n=4, date=written, status=status,
                                                                          context=context)})
    done = decide("adr", "status", "4", "accepted", "--date", "2026-12-01", "--force", cwd=root)
    assert done.exit_code == 0, done.output
    assert f"\nDatum: {changed}\n" in (root / "docs/adr/0004-schichten.md").read_text()
    assert _listed(decide, root)["4"]["date"] == "2026-12-01"


def test_a_new_record_of_a_german_folder_is_dated_with_its_month_in_german(decide, tmp_path):
    root = _repo(tmp_path, {"docs/adr/0004-schichten.md": NYGARD_DE.format(n=4, date="1. Juli 2026",
                                                                          status="Angenommen", context="Kontext")})
    made = decide("adr", "new", "Kein Cache", "--no-edit", "--date", "2026-12-01", cwd=root)
    assert made.exit_code == 0, made.output
    assert "\nDatum: 1. Dezember 2026\n" in (root / made.stdout.strip()).read_text()


def test_a_chinese_record_superseded_names_its_successor_in_chinese(decide, tmp_path):
    # `- **状态**：superseded by [adr/0032](...)`: English words in a Chinese field.
    related = "- **关联**：[adr/0001](./0001-dsl.md)\n"
    root = _repo(tmp_path, {
        "docs/adr/0001-dsl.md": CHINESE.format(n=1, title="DSL 形式", status="已接受").replace("---", related + "---"),
        "docs/adr/0017-license.md": CHINESE.format(n=17, title="许可证", status="已接受"),
        "docs/adr/0032-cache.md": CHINESE.format(n=32, title="缓存目录", status="提议中")})
    done = decide("adr", "status", "17", "superseded", "--by", "32", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0017-license.md").read_text() == CHINESE.format(
        n=17, title="许可证", status="被 [adr/0032](./0032-cache.md) 取代")
    listed = _listed(decide, root)
    assert (listed["17"]["status"], listed["17"]["superseded_by"]) == ("superseded", "32")
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_chinese_folder_whose_status_notes_name_records_without_a_link_names_both_sides_of_a_supersede_so(
        decide, tmp_path):
    # `已废弃（被 ADR-0026 取代）`, `已接受（取代 ADR-0026 的 v0 格式）`: the folder names records in its statuses' notes
    # without a link, as ADR 0185 follows in English statuses; superseding wrote `[ADR-0032](0032-cache.md)`.
    root = _repo(tmp_path, {
        "docs/adr/0024-slices.md": CHINESE.format(n=24, title="切片输入", status="已废弃（被 ADR-0026 取代）"),
        "docs/adr/0026-records.md": CHINESE.format(n=26, title="记录格式", status="已接受（取代 ADR-0024 的切片输入）"),
        "docs/adr/0027-license.md": CHINESE.format(n=27, title="许可证", status="已接受"),
        "docs/adr/0032-cache.md": CHINESE.format(n=32, title="缓存目录", status="提议中")})
    done = decide("adr", "status", "27", "superseded", "--by", "32", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0027-license.md").read_text() == CHINESE.format(n=27, title="许可证",
                                                                             status="被 ADR-0032 取代")
    assert (root / "docs/adr/0032-cache.md").read_text().splitlines()[2:4] == ["- **状态**：提议中", "- **取代**：ADR-0027"]
    listed = _listed(decide, root)
    assert (listed["27"]["superseded_by"], listed["32"]["supersedes"]) == ("32", ["27"])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_link_whose_words_are_code_is_written_so_whole_on_both_sides_of_a_supersede(decide, tmp_path):
    # Links written `` [`adr-0002`](./adr-0002-x.md) ``, as some Chinese folders do, were followed without the closing
    # backtick: `` [`adr-0003](...) `` opens a code span it never closes.
    related = "- **相关**：[`adr-0002`](./adr-0002-license.md)\n"
    root = _repo(tmp_path, {
        "docs/adr/adr-0001-layout.md": CHINESE.format(n=1, title="布局", status="已接受").replace("---", related + "---"),
        "docs/adr/adr-0002-license.md": CHINESE.format(n=2, title="许可证", status="已接受"),
        "docs/adr/adr-0003-cache.md": CHINESE.format(n=3, title="缓存目录", status="提议中")})
    done = decide("adr", "status", "2", "superseded", "--by", "3", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/adr-0002-license.md").read_text() == CHINESE.format(
        n=2, title="许可证", status="被 [`adr-0003`](./adr-0003-cache.md) 取代")
    assert (root / "docs/adr/adr-0003-cache.md").read_text().splitlines()[2:4] == [
        "- **状态**：提议中", "- **取代**：[`adr-0002`](./adr-0002-license.md)"]
    listed = _listed(decide, root)
    assert (listed["2"]["superseded_by"], listed["3"]["supersedes"]) == ("3", ["2"])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_chinese_record_gaining_a_supersedes_relation_names_it_in_chinese(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0017-license.md": CHINESE.format(n=17, title="许可证", status="已接受"),
        "docs/adr/0032-cache.md": CHINESE.format(n=32, title="缓存目录", status="提议中")})
    done = decide("adr", "status", "17", "superseded", "--by", "32", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    lines = (root / "docs/adr/0032-cache.md").read_text().splitlines()
    assert lines[2:4] == ["- **状态**：提议中", "- **取代**：[ADR-0017](0017-license.md)"]
    listed = _listed(decide, root)
    assert (listed["32"]["status"], listed["32"]["supersedes"], listed["17"]["superseded_by"]) == (
        "proposed", ["17"], "32")
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_chinese_successor_s_supersedes_field_gains_the_record_it_now_also_replaces(decide, tmp_path):
    # `- **取代**：[...]` is a field with a full-width colon: a second `**取代**` line was written below the status.
    replaces = "- **取代**：[ADR-0011](0011-queue.md)\n"
    root = _repo(tmp_path, {
        "docs/adr/0011-queue.md": CHINESE.format(n=11, title="队列", status="被 [ADR-0032](0032-cache.md) 取代"),
        "docs/adr/0017-license.md": CHINESE.format(n=17, title="许可证", status="已接受"),
        "docs/adr/0032-cache.md": CHINESE.format(n=32, title="缓存目录", status="提议中").replace(
            "- **日期**", replaces + "- **日期**")})
    done = decide("adr", "status", "17", "superseded", "--by", "32", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    lines = (root / "docs/adr/0032-cache.md").read_text().splitlines()
    assert lines[2:5] == ["- **状态**：提议中", "- **取代**：[ADR-0011](0011-queue.md)、[ADR-0017](0017-license.md)",
                          "- **日期**：2026-09-01"]
    listed = _listed(decide, root)
    assert (listed["32"]["supersedes"], listed["17"]["superseded_by"]) == (["11", "17"], "32")
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


# A Japanese team's bullets under the title: a relation is a field of its own, its label naming which side the
# linked record is on (`置き換え先`: the one replacing this, `置き換え元`: the one this replaced, `後継`: the successor),
# or not (`置換`: the replacement, either way round); `関連` names records related to this one.
JAPANESE = "# ADR-{n:04d}: {title}\n\n- ステータス: {status}\n- 日付: 2026-0{n}-01\n{fields}\n## 背景\n\n理由を書く。\n"


def test_a_japanese_folder_s_relation_fields_are_read(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": JAPANESE.format(n=n, title=f"決定{n}", status=status,
                                                                       fields=fields) for n, status, fields in (
        (1, "置き換え済み", "- 置き換え先: [ADR-0003](0003-r3.md)\n"),
        (2, "承認", "- 関連: [ADR-0003](0003-r3.md)、[ADR-0004](0004-r4.md)\n"),
        (3, "承認", "- 置き換え元: [ADR-0001](0001-r1.md)\n- 関連: [ADR-0002](0002-r2.md)\n"),
        (4, "置き換え済み", "- 後継: [ADR-0005](0005-r5.md)\n- 関連: [ADR-0002](0002-r2.md)\n"),
        (5, "採用", "- 置き換え: [ADR-0004](0004-r4.md)\n"),
        (6, "置き換え済み", "- 置換: [ADR-0007](0007-r7.md)\n"),
        (7, "承認", "- 置換: [ADR-0006](0006-r6.md)\n"))})
    listed = _listed(decide, root)
    assert {k: (r["status"], r["superseded_by"], r["supersedes"], [(x["relation"], x["adr"]) for x in r["links"]])
            for k, r in listed.items()} == {
        "1": ("superseded", "3", [], []), "2": ("accepted", None, [], [("relates to", "3"), ("relates to", "4")]),
        "3": ("accepted", None, ["1"], [("relates to", "2")]), "4": ("superseded", "5", [], [("relates to", "2")]),
        "5": ("accepted", None, ["4"], []), "6": ("superseded", "7", [], []), "7": ("accepted", None, ["6"], [])}
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    assert "adr_2 -> adr_3" in decide("adr", "graph", cwd=root).stdout


# A Korean team's: `대체함` names the record this one replaced, `대체됨` the one replacing it, `대체` either.
KOREAN = "# ADR-{n:04d}: {title}\n\n- 상태: {status}\n- 날짜: 2026-0{n}-01\n{fields}\n## 배경\n\n이유.\n"


def test_a_korean_folder_s_relation_fields_are_read(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": KOREAN.format(n=n, title=f"결정{n}", status=status,
                                                                     fields=fields) for n, status, fields in (
        (1, "대체됨", "- 대체됨: [ADR-0002](0002-r2.md)\n"),
        (2, "승인됨", "- 대체함: [ADR-0001](0001-r1.md)\n- 관련: [ADR-0003](0003-r3.md)\n"),
        (3, "채택", "- 대체: [ADR-0004](0004-r4.md)\n- 관련 ADR: [ADR-0002](0002-r2.md)\n"),
        (4, "대체됨", "- 대체: [ADR-0003](0003-r3.md)\n"))})
    listed = _listed(decide, root)
    assert {k: (r["status"], r["superseded_by"], r["supersedes"], [(x["relation"], x["adr"]) for x in r["links"]])
            for k, r in listed.items()} == {
        "1": ("superseded", "2", [], []), "2": ("accepted", None, ["1"], [("relates to", "3")]),
        "3": ("accepted", None, ["4"], [("relates to", "2")]), "4": ("superseded", "3", [], [])}
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_japanese_record_superseded_or_linked_names_the_relation_in_a_japanese_field(decide, tmp_path):
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": JAPANESE.format(n=n, title=f"決定{n}", status="承認",
                                                                       fields="") for n in (1, 2, 3)})
    done = decide("adr", "status", "1", "superseded", "--by", "3", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    linked = decide("adr", "link", "2", "relates to", "3", cwd=root)
    assert linked.exit_code == 0, linked.output
    header = {n: (root / f"docs/adr/{n:04d}-r{n}.md").read_text().split("\n## ")[0].splitlines()[2:] for n in (1, 2, 3)}
    assert header == {
        1: ["- ステータス: 置き換え済み", "- 置き換え先: [ADR-0003](0003-r3.md)", "- 日付: 2026-12-01"],
        2: ["- ステータス: 承認", "- 関連: [ADR-0003](0003-r3.md)", "- 日付: 2026-02-01"],
        3: ["- ステータス: 承認", "- 置き換え元: [ADR-0001](0001-r1.md)", "- 関連: [ADR-0002](0002-r2.md)",
            "- 日付: 2026-03-01"]}
    listed = _listed(decide, root)
    assert (listed["1"]["superseded_by"], listed["3"]["supersedes"], listed["2"]["links"]) == (
        "3", ["1"], [{"relation": "relates to", "adr": "3"}])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_korean_record_superseded_or_linked_names_the_relation_in_a_korean_field(decide, tmp_path):
    record = "# ADR-{n:04d}: 결정{n}\n\n**상태**: 승인됨\n**날짜**: 2026-0{n}-01\n\n## 배경\n\n이유.\n"
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": record.format(n=n) for n in (1, 2)})
    done = decide("adr", "status", "1", "superseded", "--by", "2", "--date", "2026-12-01", cwd=root)
    assert done.exit_code == 0, done.output
    linked = decide("adr", "link", "1", "relates to", "2", cwd=root)
    assert linked.exit_code == 0, linked.output
    assert (root / "docs/adr/0001-r1.md").read_text().startswith(
        "# ADR-0001: 결정1\n\n**상태**: 대체됨\n**대체됨**: [ADR-0002](0002-r2.md)\n**관련**: [ADR-0002](0002-r2.md)\n"
        "**날짜**: 2026-01-01\n")
    assert (root / "docs/adr/0002-r2.md").read_text().startswith(
        "# ADR-0002: 결정2\n\n**상태**: 승인됨\n**대체함**: [ADR-0001](0001-r1.md)\n**관련**: [ADR-0001](0001-r1.md)\n")
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_record_joins_a_field_s_links_as_the_field_joins_them(decide, tmp_path):
    related = "- 関連: [ADR-0002](0002-r2.md)、[ADR-0003](0003-r3.md)\n"
    root = _repo(tmp_path, {f"docs/adr/{n:04d}-r{n}.md": JAPANESE.format(
        n=n, title=f"決定{n}", status="承認", fields=related if n == 1 else "") for n in (1, 2, 3, 4)})
    linked = decide("adr", "link", "1", "relates to", "4", cwd=root)
    assert linked.exit_code == 0, linked.output
    assert (root / "docs/adr/0001-r1.md").read_text().splitlines()[4] == (
        "- 関連: [ADR-0002](0002-r2.md)、[ADR-0003](0003-r3.md)、[ADR-0004](0004-r4.md)")


COSMERE = "# {n:04d} - {title}\n\n- Estado: {status}\n- Fecha: {date}\n\n## Contexto\n\nPor qué.\n"


def test_a_day_first_date_with_a_two_digit_year_is_read_and_written_in_that_form(decide, tmp_path):
    # `12/02/26` as the template's `dd/mm/aa` says: the folder's `16/02/26` proves the day comes first.
    root = _repo(tmp_path, {
        "docs/adr/PLANTILLA.md": COSMERE.format(n=0, title="Plantilla ADR", status="propuesto",
                                                date="dd/mm/aa").replace("# 0000 - ", "# ").replace(
                                                    "Por qué.", "Qué problema hay."),
        "docs/adr/0001-registro.md": COSMERE.format(n=1, title="Registro", status="aceptado", date="12/02/26"),
        "docs/adr/0002-cache.md": COSMERE.format(n=2, title="Cache", status="aceptado", date="16/02/26"),
        "docs/adr/0003-editor.md": COSMERE.format(n=3, title="Editor", status="propuesto", date="27/02/26"),
    })
    assert {k: r["date"] for k, r in _listed(decide, root).items()} == {
        "1": "2026-02-12", "2": "2026-02-16", "3": "2026-02-27"}
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"
    assert decide("adr", "status", "3", "accepted", "--force", "--date", "2026-03-14", cwd=root).exit_code == 0
    assert (root / "docs/adr/0003-editor.md").read_text() == COSMERE.format(
        n=3, title="Editor", status="aceptado", date="14/03/26")
    made = decide("adr", "new", "Índice global", "--no-edit", "--date", "2026-03-20", cwd=root)
    assert made.exit_code == 0, made.output
    assert "- Estado: propuesto\n- Fecha: 20/03/26\n" in (root / made.stdout.strip()).read_text()


ZH = "# {n:04d} {title}\n\n## 背景\n{n} 的背景。\n\n## 决策\n- 决定 {n}。\n\n## 备选方案\n- 方案 {n}。\n\n## 影响\n- 影响 {n}。\n"


def test_a_new_record_of_a_folder_whose_records_state_no_status_or_date_is_written_as_they_are(decide, tmp_path):
    # `# 0001 编辑器选型` over 背景, 决策, 备选方案, 影响 and nothing else: a new record was MADR, in English.
    root = _repo(tmp_path, {f"doc/architecture/adr/000{n}-r{n}.md": ZH.format(n=n, title=title)
                            for n, title in ((1, "编辑器选型"), (2, "内容存储策略"), (3, "权限校验"))})
    made = decide("adr", "new", "搜索索引缓存", "--no-edit", "--date", "2026-03-20", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == "# 0004 搜索索引缓存\n\n## 背景\n\n## 决策\n\n## 备选方案\n\n## 影响\n"


@pytest.mark.parametrize("old", ["27/02/26", "12/02/26"])  # day first by itself, or by the folder's other dates
def test_a_day_that_could_be_either_order_is_written_in_the_order_the_folder_writes(decide, tmp_path, old):
    # On the first twelve days of a month, a change wrote YYYY-MM-DD into a folder of `16/02/26` dates.
    root = _repo(tmp_path, {
        "docs/adr/0001-registro.md": COSMERE.format(n=1, title="Registro", status="aceptado", date="16/02/26"),
        "docs/adr/0002-editor.md": COSMERE.format(n=2, title="Editor", status="propuesto", date=old),
    })
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2026-12-02", cwd=root).exit_code == 0
    assert "- Fecha: 02/12/26\n" in (root / "docs/adr/0002-editor.md").read_text()
    assert {k: r["date"] for k, r in _listed(decide, root).items()} == {"1": "2026-02-16", "2": "2026-12-02"}


def test_a_record_written_in_chinese_that_states_no_status_is_given_one_in_chinese(decide, tmp_path):
    # A status change wrote `## Status` and `Accepted` into a record whose every heading is Chinese.
    root = _repo(tmp_path, {"doc/architecture/adr/0001-r1.md": ZH.format(n=1, title="编辑器选型")})
    result = decide("adr", "status", "1", "accepted", "--force", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "doc/architecture/adr/0001-r1.md").read_text() == ZH.format(n=1, title="编辑器选型").replace(
        "\n\n## 背景", "\n\n## 状态\n\n已接受\n\n## 背景", 1)
    assert [(r["status"], r["status_raw"]) for r in _listed(decide, root).values()] == [("accepted", "已接受")]


def test_a_chinese_record_s_supersedes_line_written_by_adr_new_is_read_back(decide, tmp_path):
    # `取代 [1. 旧](0001-old.md)` was written, but only Latin and Cyrillic labels were read: check then found the
    # relation one-sided, straight after decisionbook's own edit.
    old = "# 1. 旧方案\n\n日期: 2024-01-02\n\n## 状态\n\n已接受\n\n## 背景\n\n原因。\n"
    root = _repo(tmp_path, {"docs/adr/0001-old.md": old})
    made = decide("adr", "new", "新方案", "--supersedes", "1", "--no-edit", cwd=root)
    assert made.exit_code == 0, made.output
    assert "取代 [1. 旧方案](0001-old.md)" in (root / made.stdout.strip()).read_text()
    listed = _listed(decide, root)
    assert (listed["1"]["superseded_by"], listed["2"]["supersedes"]) == ("2", ["1"])
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_new_record_s_name_keeps_its_title_s_accents_where_the_folder_s_names_keep_theirs(decide, tmp_path):
    record = "# {n}. {title}\n\nData: 2019-04-12\n\n## Status\n\nAceito\n\n## Contexto\n\nPor quê.\n"
    for names, made in (({1: "registrar-decisões-arquiteturais", 2: "usar-python"}, "0003-decisão-sobre-força.md"),
                        ({1: "registrar-decisoes-arquiteturais", 2: "usar-python"}, "0003-decisao-sobre-forca.md")):
        root = _repo(tmp_path / made, {f"docs/adr/000{n}-{name}.md": record.format(n=n, title=name)
                                       for n, name in names.items()})
        result = decide("adr", "new", "Decisão sobre força", "--no-edit", cwd=root)
        assert (result.exit_code, result.stdout) == (0, f"docs/adr/{made}\n")
        assert listed_adrs(decide, root)[-1]["title"] == "Decisão sobre força"


def test_a_new_record_is_not_copied_from_the_newest_where_it_lost_the_title_heading_the_others_have(decide, tmp_path):
    # SciELO's newest record starts with its `Data:` line: the new record copied from it had no title at all.
    record = "# {n}. Registro {n}\n\nData: 2019-0{n}-12\n\n## Status\n\nAceito\n\n## Contexto\n\nPor quê.\n\n" \
             "## Decisão\n\nIsto.\n\n## Consequências\n\nAssim.\n"
    files = {f"docs/adr/000{n}-registro-{n}.md": record.format(n=n) for n in range(1, 4)}
    files["docs/adr/0004-container.md"] = ("Data: 2019-08-09\n\n## Status\n\nProposto\n\n## Contexto\n\nPor quê.\n\n"
                                           "# Consequências\n\nAssim.\n")
    root = _repo(tmp_path, files)
    made = decide("adr", "new", "Usar uma fila", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    assert (root / made.stdout.strip()).read_text() == (
        "# 5. Usar uma fila\n\nData: 2026-12-03\n\n## Status\n\nProposto\n\n## Contexto\n\n## Decisão\n\n"
        "## Consequências\n")


def test_a_new_record_writes_its_day_as_the_copied_record_writes_its_own_beside_a_note(decide, tmp_path):
    # `DATE: 2025.12.30 (PR [#66](...) 참고)`: the note after the day hid its form, and the new record wrote ISO.
    record = ("# ADR 00{n}: 결정 {n}\n\nDATE: 2025.0{n}.29{note}\n\n## 상태 (Status)\n\nAccepted\n\n"
              "## 맥락 (Context)\n\n왜.\n")
    root = _repo(tmp_path, {f"docs/adr/00{n}-r{n}.md": record.format(n=n, note=" (PR [#6{n}](https://x/6{n}) 참고)"
                                                                       if n == 3 else "") for n in (1, 2, 3)})
    made = decide("adr", "new", "큐 사용", "--no-edit", "--date", "2026-12-03", cwd=root)
    assert made.exit_code == 0, made.output
    assert "\nDATE: 2026.12.03\n" in (root / made.stdout.strip()).read_text()


@pytest.mark.parametrize(("record", "people"), [
    # ansforge's MADR in French: labels with accents, and a space before the colon as French sets it.
    pytest.param("# Choisir\n\n* statut : accepté\n* décisionnaires : CTO, Ana\n* consultés : CTO\n"
                 "* informés : équipe intégration\n* date : 2024-03-05\n\n## Contexte\n\nPourquoi.\n",
                 (["CTO", "Ana"], ["CTO"], ["équipe intégration"]), id="french-bullets"),
    pytest.param('# Le portail\n\n* **statut**: "accepté"\n* **décisionnaires**: "Equipe Portail"\n'
                 "* **date**: 2024-03-06\n\n## Contexte\n", (["Equipe Portail"], [], []), id="french-bold-quoted"),
    pytest.param("# Выбор\n\n* Статус: принято\n* Решающие: Илья Бородулин, Родион Костюченко\n* Дата: 2021-10-12\n\n"
                 "## Контекст\n", (["Илья Бородулин", "Родион Костюченко"], [], []), id="russian-bullets"),
    pytest.param("# 4. Hot migration\n\n* Status: accepted\n* Deciders: [@butonic](https://github.com/butonic), "
                 "[@ana](https://github.com/ana)\n* Date: 2021-03-16\n\n## Context\n", (["@butonic", "@ana"], [], []),
                 id="linked-people"),
])
def test_people_named_under_labels_of_other_languages_or_as_links_are_read(decide, tmp_path, record, people):
    root = _repo(tmp_path, {"docs/decisions/0001-x.md": record})
    row = _listed(decide, root)["1"]
    assert (row["status"], row["status_raw"][:1]) in (("accepted", "a"), ("accepted", "п"))
    assert (row["decision_makers"], row["consulted"], row["informed"]) == people


def test_a_status_written_in_quotes_or_as_code_is_read_and_changed_inside_them(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/decisions/0001-portail.md": '# Le portail\n\n* **statut**: "proposé"\n\n## Contexte\n\nPourquoi.\n',
        "docs/decisions/0002-adopt.md": "# ⚖️ ADR-0002: Adopt Crystalline\n\n**Status:** `PROPOSED`\n\n## Context\n",
    })
    rows = _listed(decide, root)
    assert [(rows[k]["title"], rows[k]["status_raw"]) for k in ("1", "2")] == [
        ("Le portail", "proposé"), ("Adopt Crystalline", "PROPOSED")]
    for number in ("1", "2"):
        assert decide("adr", "status", number, "accepted", "--force", cwd=root).exit_code == 0
    assert '* **statut**: "accepté"\n' in (root / "docs/decisions/0001-portail.md").read_text()
    assert "**Status:** `ACCEPTED`\n" in (root / "docs/decisions/0002-adopt.md").read_text()


def test_a_chinese_table_of_fields_with_wide_colons_says_the_status_and_day(decide, tmp_path):
    # Bitwarden's contributing docs in Chinese: `| 状态： | 进行中 |`, published on a day.
    record = ("# 0013 - 避免分层文件夹结构\n\n| 状态：  | 已接受 |\n| ------- | ------ |\n| 发表于： | 2023-02-06 |\n\n"
              "## 背景\n\n为什么。\n")
    root = _repo(tmp_path, {"docs/adr/0013-avoid-layers.md": record})
    row = _listed(decide, root)["13"]
    assert (row["title"], row["status"], row["date"]) == ("避免分层文件夹结构", "accepted", "2023-02-06")


# MADR 3's template in Russian (lubimovka): its Links section, `## Ссылки`, holds the example item
# `* [Тип ссылки] [Ссылка на ADR]`.
RUSSIAN_MADR = ("# {title}\n\n* Статус: {status} <!-- необязательно -->\n* Дата: 2021-10-12 <!-- необязательно -->\n\n"
                "## Контекст и постановка проблемы\n\nПочему.\n\n## Ссылки <!-- необязательно -->\n\n{links}")


def test_a_relation_goes_into_a_links_section_headed_in_the_record_s_language_and_is_read_there(decide, tmp_path):
    root = _repo(tmp_path, {
        "docs/adr/0001-slider.md": RUSSIAN_MADR.format(title="Слайдер", status="принято",
                                                       links="* [Тип ссылки] [Ссылка на ADR]\n* …\n"),
        "docs/adr/0002-second.md": RUSSIAN_MADR.format(title="Второй", status="предложено",
                                                       links="* [Тип ссылки] [Ссылка на ADR]\n* …\n"),
        "docs/adr/0003-third.md": RUSSIAN_MADR.format(title="Третий", status="принято",
                                                      links="* [Тип ссылки] [Ссылка на ADR]\n* Заменяет [ADR-0001]"
                                                            "(0001-slider.md)\n"),
    })
    assert _listed(decide, root)["3"]["supersedes"] == ["1"]  # below the example item left in place
    done = decide("adr", "link", "2", "supersedes", "1", cwd=root)
    assert done.exit_code == 0, done.output
    assert (root / "docs/adr/0002-second.md").read_text().endswith(
        "## Ссылки <!-- необязательно -->\n\n* Заменяет [ADR-0001](0001-slider.md)\n")
    assert _listed(decide, root)["2"]["supersedes"] == ["1"]
    # As MADR's Russian template words it: `заменено на [ADR-0005](0005-example.md)`.
    assert "* Статус: заменено на [ADR-0002](0002-second.md) <!--" in (root / "docs/adr/0001-slider.md").read_text()


GERMAN_NYGARD = "# {n}. Titel {n}\n\nDatum: 2026-01-0{n}\n\n## Status\n\nAkzeptiert\n\n{links}## Kontext\n\nWarum.\n"


@pytest.mark.parametrize("relation, here, there", [
    ("amends", "Ändert [1. Titel 1](0001-titel-1.md)", "Geändert durch [3. Titel 3](0003-titel-3.md)"),
    ("relates-to", "Verwandt mit [1. Titel 1](0001-titel-1.md)", "Verwandt mit [3. Titel 3](0003-titel-3.md)"),
])
def test_amends_and_relates_to_are_written_in_the_record_s_language(decide, tmp_path, relation, here, there):
    # They were written in English in a German folder (`Amends [...]` under `Akzeptiert`).
    root = _repo(tmp_path, {f"doc/adr/000{n}-titel-{n}.md": GERMAN_NYGARD.format(n=n, links="") for n in (1, 3)})
    assert decide("adr", "link", "3", relation, "1", cwd=root).exit_code == 0
    assert (root / "doc/adr/0003-titel-3.md").read_text() == GERMAN_NYGARD.format(n=3, links=here + "\n\n")
    assert (root / "doc/adr/0001-titel-1.md").read_text() == GERMAN_NYGARD.format(n=1, links=there + "\n\n")
    assert decide("check", cwd=root).stdout.strip() == "0 error(s), 0 warning(s)"


def test_a_status_change_marks_the_choice_that_says_the_status_in_the_team_s_word(decide, tmp_path):
    # EvolutionHub: `Vorgeschlagen | **Akzeptiert** | Abgelehnt | Überholt | Ersetzt`; deprecated replaced the list
    # with decisionbook's `Veraltet`, where the team's word is `Überholt`.
    choices = "# ADR-0005: Auth\n\n**Status:** {}\n\n## Kontext\n\nWarum.\n"
    root = _repo(tmp_path, {"docs/adr/0005-auth.md": choices.format(
        "Vorgeschlagen | **Akzeptiert** | Abgelehnt | Überholt | Ersetzt")})
    assert decide("adr", "status", "5", "deprecated", "--force", cwd=root).exit_code == 0
    assert (root / "docs/adr/0005-auth.md").read_text() == choices.format(
        "Vorgeschlagen | Akzeptiert | Abgelehnt | **Überholt** | Ersetzt")


@pytest.mark.parametrize(("line", "relation"), [
    ("- **Modifica:** [ADR 0002](0002-x.md), que aplazó el cambio", "amends"),  # Spanish
    ("- Gerelateerd aan [ADR-0002](0002-x.md)", "relates to"),  # Dutch
    ("* Geändert durch [ADR-0002](0002-x.md)", "amended by"),  # German
    ("* Modifié par [ADR-0002](0002-x.md)", "amended by"),  # French
])
def test_relations_named_in_the_record_s_language_are_read(decide, tmp_path, line, relation):
    root = _repo(tmp_path, {"docs/adr/0001-uno.md": f"# 1. Uno\n\n- Estado: aceptado\n{line}\n\n## Contexto\n\nX.\n",
                            "docs/adr/0002-x.md": "# 2. Dos\n\n- Estado: aceptado\n\n## Contexto\n\nY.\n"})
    assert [(link["relation"], link["adr"]) for link in _listed(decide, root)["1"]["links"]] == [(relation, "2")]


@pytest.mark.parametrize("header, written", [
    ("**날짜**: 2025-09-30\n", "**날짜**: 2025-09-30\n**관련**: [ADR-005](005-tf.md)\n"),
    ("- Date: 2025-09-30\n", "- Date: 2025-09-30\n- 관련: [ADR-005](005-tf.md)\n"),
    ("", "관련: [ADR-005](005-tf.md)\n\n"),
])
def test_a_record_that_states_no_status_is_linked_below_its_fields(decide, tmp_path, header, written):
    # `adr link 5 relates-to 2` refused, "the file has no status to change": a relation needs none.
    record = "# ADR-002: 데이터베이스\n\n{header}\n## 상황 (Context)\n\n이유.\n"
    root = _repo(tmp_path, {
        "docs/adr/002-db.md": record.format(header=header),
        "docs/adr/005-tf.md": "# ADR-005: 테라폼\n\n**날짜**: 2025-10-01\n**상태**: 승인됨\n\n## 상황 (Context)\n\n이유.\n"})
    assert decide("adr", "link", "5", "relates-to", "2", cwd=root).exit_code == 0
    assert (root / "docs/adr/002-db.md").read_text() == record.format(header=written)
    assert _listed(decide, root)["2"]["links"] == [{"relation": "relates to", "adr": "5"}]


def test_a_relation_field_modelled_on_an_emphasized_status_opens_no_emphasis(decide, tmp_path):
    # `* **Status**: _Akzeptiert_` gave `* **Ändert**: _[ADR-002](...)`, an underscore never closed.
    record = "# Nr. 00{n}: Titel\n\n* **Status**: _Akzeptiert_\n* **Kontext**: Warum.\n"
    root = _repo(tmp_path, {f"docs/adr/nr.-00{n}-titel.md": record.format(n=n) for n in (2, 3)})
    assert decide("adr", "link", "3", "amends", "2", cwd=root).exit_code == 0
    assert (root / "docs/adr/nr.-003-titel.md").read_text() == record.format(n=3).replace(
        "_Akzeptiert_\n", "_Akzeptiert_\n* **Ändert**: [ADR-002](nr.-002-titel.md)\n")


def test_a_title_holding_brackets_makes_a_link_that_stays_one(decide, tmp_path):
    # `[ADR-048: Orphan Detection [ACCEPTED]](...)` lost its `]` only: the link text opened a second link.
    record = "# {n}. {title}\n\nDate: 2026-01-0{n}\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n"
    root = _repo(tmp_path, {"doc/adr/0001-orphans.md": record.format(n=1, title="Orphan detection [ACCEPTED]"),
                            "doc/adr/0002-parts.md": record.format(n=2, title="Parts")})
    assert decide("adr", "link", "2", "supersedes", "1", cwd=root).exit_code == 0
    linked = (root / "doc/adr/0002-parts.md").read_text()
    assert "Supersedes [1. Orphan detection ACCEPTED](0001-orphans.md)\n" in linked
    assert _listed(decide, root)["2"]["supersedes"] == ["1"]


def test_a_relation_beside_a_status_that_is_a_paragraph_of_its_own_is_one_too(decide, tmp_path):
    # google-cloud-cpp writes each field as a paragraph: `**Amends**:` right under `**Status**:` joined them in one.
    record = "**Title**: Record {n}.\n\n**Status**: accepted\n\n**Context**: Why.\n"
    root = _repo(tmp_path, {f"doc/adr/2019-0{n}-01-{word}.md": record.format(n=word)
                            for n, word in ((1, "one"), (2, "two"))})
    assert decide("adr", "link", "2019-02-01-two", "amends", "2019-01-01-one", cwd=root).exit_code == 0
    assert (root / "doc/adr/2019-02-01-two.md").read_text() == record.format(n="two").replace(
        "accepted\n\n", "accepted\n\n**Amends**: [Record one.](2019-01-01-one.md)\n\n")
    # A second relation is a paragraph after the first, as added, not one above it.
    (root / "doc/adr/2019-03-01-three.md").write_text(record.format(n="three"))
    assert decide("adr", "link", "2019-02-01-two", "relates-to", "2019-03-01-three", cwd=root).exit_code == 0
    assert (root / "doc/adr/2019-02-01-two.md").read_text() == record.format(n="two").replace(
        "accepted\n\n", "accepted\n\n**Amends**: [Record one.](2019-01-01-one.md)\n\n"
                          "**Relates to**: [Record three.](2019-03-01-three.md)\n\n")


def test_a_field_whose_links_are_joined_after_words_of_the_team_s_is_joined_so(decide, tmp_path):
    # `- **相关**：[GOALS.md](../GOALS.md) G1、[ADR-0003](...)`: the next link joined with `, `, the list with `、`.
    record = "# ADR-000{n}：标题\n\n- **状态**：已接受\n{related}\n## 背景\n\n为什么。\n"
    root = _repo(tmp_path, {
        "docs/adr/0003-facts.md": record.format(n=3, related=""),
        "docs/adr/0006-path.md": record.format(
            n=6, related="- **相关**：[GOALS.md](../GOALS.md) G1、[ADR-0003](0003-facts.md)\n"),
        "docs/adr/0009-ai.md": record.format(n=9, related="")})
    assert decide("adr", "link", "6", "relates-to", "9", cwd=root).exit_code == 0
    assert "- **相关**：[GOALS.md](../GOALS.md) G1、[ADR-0003](0003-facts.md)、[ADR-0009](0009-ai.md)\n" in (
        root / "docs/adr/0006-path.md").read_text()


def test_a_status_given_to_a_record_headed_in_korean_is_a_korean_field(decide, tmp_path):
    # `**Status**: Accepted` below `**날짜**:`, where the folder writes `**상태**: 승인됨`.
    record = "# ADR-002: 데이터베이스\n\n**날짜**: 2025-09-30\n{status}\n---\n\n## 상황 (Context)\n\n이유.\n"
    root = _repo(tmp_path, {"docs/adr/002-db.md": record.format(status="")})
    assert decide("adr", "status", "2", "accepted", "--force", "--date", "2025-10-02", cwd=root).exit_code == 0
    assert (root / "docs/adr/002-db.md").read_text() == record.format(status="**상태**: 승인됨\n").replace(
        "2025-09-30", "2025-10-02")
    assert _listed(decide, root)["2"]["status"] == "accepted"


@pytest.mark.parametrize("before, status, after", [
    ("採用 (Accepted)", "deprecated", "非推奨 (Deprecated)"),
    ("提案 (Proposed)", "accepted", "採用 (Accepted)"),
])
def test_a_status_written_with_its_english_word_in_brackets_keeps_them(decide, tmp_path, before, status, after):
    # `提案 (Proposed)` became `採用`: the English word the team writes beside its own was dropped.
    record = "# 1. DB\n\n## ステータス\n\n{}\n\n## 背景\n\nなぜ。\n"
    root = _repo(tmp_path, {"docs/adr/0001-db.md": record.format(before)})
    assert decide("adr", "status", "1", status, "--force", cwd=root).exit_code == 0
    assert (root / "docs/adr/0001-db.md").read_text() == record.format(after)
    assert _listed(decide, root)["1"]["status"] == status


def test_a_record_superseded_names_its_successor_in_the_words_of_the_team_s_template(decide, tmp_path):
    # The template lists `abgelöst durch ADR-YYYY`; a superseded record was written `ersetzt durch [...]`.
    record = "# ADR-000{n}: Titel {n}\n\n- **Status:** {status}\n- **Datum:** 2026-01-0{n}\n\n## Kontext\n\nWarum.\n"
    root = _repo(tmp_path, {
        "docs/adr/0000-vorlage.md": record.format(n=0, status="vorgeschlagen | angenommen | abgelöst durch ADR-YYYY"),
        **{f"docs/adr/000{n}-titel-{n}.md": record.format(n=n, status="angenommen") for n in (1, 2)}})
    assert decide("adr", "status", "1", "superseded", "--by", "2", cwd=root).exit_code == 0
    assert "- **Status:** abgelöst durch [ADR-0002](0002-titel-2.md)\n" in (root / "docs/adr/0001-titel-1.md").read_text()
    assert (_listed(decide, root)["1"]["status"], _listed(decide, root)["1"]["superseded_by"]) == ("superseded", "2")
    # The template's capital is the template's: a record written in lower case is superseded in lower case too.
    template = root / "docs/adr/0000-vorlage.md"
    template.write_text(template.read_text().replace("abgelöst durch", "Abgelöst durch"))
    (root / "docs/adr/0003-titel-3.md").write_text(record.format(n=3, status="angenommen"))
    assert decide("adr", "status", "2", "superseded", "--by", "3", cwd=root).exit_code == 0
    assert "- **Status:** abgelöst durch [ADR-0003](0003-titel-3.md)\n" in (root / "docs/adr/0002-titel-2.md").read_text()
