"""Forms seen in companies' ADR folders: a record that shows its form in a code block."""

from __future__ import annotations

from pathlib import Path

from conftest import repository_with

BOLD = "# ADR-000{n}: {title}\n\n**Status:** Accepted\n**Datum:** 2026-02-1{n}\n**Entscheider:** Team\n\n" \
       "## Kontext\n\nWhy {n}.\n\n## Entscheidung\n\n{decision}\n\n## Konsequenzen\n\nSo {n}.\n"
SHOWN_FORM = "Every record is written so:\n\n```markdown\n# ADR-NNNN: [Titel]\n\n**Status:** Proposed\n\n" \
             "## Kontext\n\n## Konsequenzen\n```"


def test_headings_a_record_shows_in_a_code_block_are_not_sections_of_a_new_record(decide, tmp_path):
    files = {f"docs/adr/000{n}-r{n}.md": BOLD.format(n=n, title=f"Record {n}", decision=f"Do {n}.")
             for n in (1, 2)}
    files["docs/adr/0003-r3.md"] = BOLD.format(n=3, title="Record 3", decision=SHOWN_FORM)
    root = repository_with(tmp_path / "repo", files)
    result = decide("adr", "new", "Try a thing", "--no-edit", "--date", "2026-03-22", cwd=root)
    assert result.exit_code == 0, result.output
    assert (root / "docs/adr/0004-try-a-thing.md").read_text() == (
        "# ADR-0004: Try a thing\n\n**Status:** Proposed\n**Datum:** 2026-03-22\n**Entscheider:** \n\n"
        "## Kontext\n\n## Entscheidung\n\n## Konsequenzen\n")
