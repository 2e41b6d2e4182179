"""The weekly report printed by headless Chromium: a page budget for the demo and for 200 prototypes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_fixtures import invoke

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI script installs it)")

# The budgets the report keeps on A4/Letter: the demo's 6 prototypes, one page per section at most,
# and 200 prototypes, where long lists show their first rows and fold the rest.
DEMO_PAGES = 12
PROTOTYPES_200_PAGES = 40


def _pages(html: Path, tmp_path: Path) -> int:
    pdf = tmp_path / f"{html.stem}.pdf"
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr[-2000:]
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def test_demo_prints_within_its_page_budget(tmp_path):
    result = invoke(tmp_path, "demo", "demo")
    assert result.exit_code == 0, result.output
    pages = _pages(Path(result.stdout.strip().splitlines()[-1]), tmp_path)
    assert 3 <= pages <= DEMO_PAGES  # sections start pages: never everything on one


def test_200_prototypes_print_within_the_page_budget(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from proto_generate import generate

    root = generate(tmp_path / "ws", 200, 5, 4000, 4000, 60, git=False)
    result = invoke(root, "report", "weekly", "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    html = root / result.stdout.strip().splitlines()[-1]
    text = html.read_text(encoding="utf-8")
    assert text.count("<details") > 150  # per-prototype detail (158 active) and long lists are folded
    assert "<script" not in text
    assert _pages(html, tmp_path) <= PROTOTYPES_200_PAGES
