"""The reports opened in headless Chromium: no script from user text runs; they read on a phone."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI script installs it)")


class _Body(HTMLParser):
    def __init__(self):
        super().__init__()
        self.body: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "body" and self.body is None:
            self.body = dict(attrs)


def _dom_after_load(page: Path, profile: Path, width: int = 1280) -> tuple[dict, list[str]]:
    """The <body> attributes of *page* after Chromium loaded it, *width* pixels wide, and ran whatever
    scripts it would, and the console messages it logged."""
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
         "--hide-scrollbars", f"--window-size={width},900", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=90,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    parser = _Body()
    parser.feed(proc.stdout)
    assert parser.body is not None, proc.stdout[:500]
    return parser.body, [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]


def test_no_script_from_user_text_runs(weekly_reports, report_workspace, tmp_path):
    result = weekly_reports["blind"]
    assert result.exit_code == 0, result.output
    page = report_workspace / result.stdout.strip().splitlines()[-1]
    html = page.read_text(encoding="utf-8")
    assert "onerror=" in html  # the payload is in the page, as text

    # The same payload, unescaped, does run: the check below can see a script that ran.
    control = tmp_path / "control.html"
    control.write_text(html.replace(
        "</main>", "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes');console.log('ran')\"></main>"))
    body, console = _dom_after_load(control, tmp_path / "profile-control")
    assert body.get("data-pwned") == "yes" and any('"ran"' in line for line in console)

    body, console = _dom_after_load(page, tmp_path / "profile")
    assert "data-pwned" not in body
    assert console == []


def _measured(html: str, script: str, tmp_path: Path, width: int) -> str:
    """What *script*, added to a copy of the report *html*, posts to its parent with the page *width* px wide.

    Headless Chromium lays a window out at least 500 px wide whatever --window-size asks, so the copy is
    opened in a frame of the width, in a window wide enough for it.
    """
    page = tmp_path / "measured.html"
    page.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    frame = tmp_path / "frame.html"
    frame.write_text(
        f'<!DOCTYPE html><body style="margin:0"><iframe src="{page.as_uri()}" style="width:{width}px;height:844px;'
        'border:0"></iframe><script>addEventListener("message", '
        'event => document.body.setAttribute("data-measured", event.data));</script></body>', encoding="utf-8")
    body, _ = _dom_after_load(frame, tmp_path / "profile", max(width, 1280))
    return body["data-measured"]


# For each `decide` command, its length, the lines it takes and the words a line break cuts.
MEASURE = """<script>
const found = [];
for (const code of document.querySelectorAll("code")) {
  if (!code.textContent.startsWith("decide ")) continue;
  const cut = [];
  const texts = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const text = texts.currentNode;
    let at = 0;
    for (const word of text.data.split(" ")) {
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      if (range.getClientRects().length > 1) cut.push(word);
      at += word.length + 1;
    }
  }
  found.push(code.textContent.length + ":" + code.getClientRects().length + ":" + cut.join("|"));
}
parent.postMessage(found.join(" ; "), "*");
</script>"""


@pytest.mark.parametrize("width", [390, 1280])
def test_commands_to_record_read_whole_at_phone_width(weekly_reports, report_workspace, tmp_path, width):
    result = weekly_reports["blind"]
    assert result.exit_code == 0, result.output
    html = (report_workspace / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    commands = [item.split(":", 2) for item in _measured(html, MEASURE, tmp_path, width).split(" ; ")]
    assert len(commands) == 4
    for length, lines, cut in commands:
        # A line holds dozens of characters, not four. At 390 px a line has room for about forty, and a command
        # wraps only at its spaces, so its lines average fewer.
        assert int(length) / int(lines) >= 25, commands
        assert cut == "", commands  # no word is broken in two


# The width of the page's viewport and, for each table, its column headers and how far right it reaches; folded
# sections are opened first, so that their tables are laid out too.
TABLES = """<script>
for (const fold of document.querySelectorAll("details")) fold.open = true;
const tables = [...document.querySelectorAll("table")].map(table => ({
  columns: [...table.querySelectorAll("th")].map(th => th.textContent).join(","),
  right: table.getBoundingClientRect().right,
}));
const charts = [...document.querySelectorAll("img")].map(img => img.getBoundingClientRect().width);
const page = document.documentElement;
parent.postMessage(JSON.stringify({viewport: page.clientWidth, page: page.scrollWidth, tables, charts}), "*");
</script>"""


@pytest.mark.parametrize("kind", ["blind", "revealed"])
def test_no_table_is_wider_than_a_phone(weekly_reports, report_workspace, tmp_path, kind):
    result = weekly_reports[kind]
    assert result.exit_code == 0, result.output
    html = (report_workspace / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    measured = json.loads(_measured(html, TABLES, tmp_path, 390))
    assert measured["viewport"] == 390
    columns = [table["columns"] for table in measured["tables"]]
    assert sum(c.startswith("#,Prototype,Deadline,Now because") for c in columns) == 2  # now, and the folded rest
    assert sum(c.startswith("Criterion,Metric,Target,Kill") for c in columns) == 4  # one per active prototype
    wide = [table for table in measured["tables"] if table["right"] > measured["viewport"]]
    assert wide == [], wide
    # A chart keeps a size its labels can be read at and scrolls in its own frame; the page does not scroll.
    assert measured["charts"] and min(measured["charts"]) >= 700, measured["charts"]
    assert measured["page"] == 390


def test_the_design_review_reads_on_a_phone(decide, tmp_path):
    # Its checklist, migration plan, sign-off, evidence and history tables scrolled sideways at 390 px.
    assert decide("demo", str(tmp_path / "demo")).exit_code == 0
    made = decide("report", "review", "6", cwd=tmp_path / "demo")
    assert made.exit_code == 0, made.output
    html = (tmp_path / "demo" / made.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    measured = json.loads(_measured(html, TABLES, tmp_path, 390))
    columns = [table["columns"] for table in measured["tables"]]
    assert any(c.startswith("Phase,What ships") for c in columns) and any(c.startswith("Item,Result") for c in columns)
    assert (measured["viewport"], measured["page"]) == (390, 390)
    assert [table for table in measured["tables"] if table["right"] > 390] == []
