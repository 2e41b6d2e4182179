"""The weekly report opened in headless Chromium: no script from user text runs; commands read whole on a phone."""

from __future__ import annotations

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
         f"--window-size={width},900", "--dump-dom", page.as_uri()],
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


# Added to a copy of the page only: for each `decide` command, its length, the lines it takes and the words a
# line break cuts.
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
document.body.setAttribute("data-commands", found.join(" ; "));
</script>"""


@pytest.mark.parametrize("width", [390, 1280])
def test_commands_to_record_read_whole_at_phone_width(weekly_reports, report_workspace, tmp_path, width):
    result = weekly_reports["blind"]
    assert result.exit_code == 0, result.output
    html = (report_workspace / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    page = tmp_path / "measured.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    body, _ = _dom_after_load(page, tmp_path / "profile", width)
    commands = [item.split(":", 2) for item in body["data-commands"].split(" ; ")]
    assert len(commands) == 4
    for length, lines, cut in commands:
        assert int(length) / int(lines) >= 30, commands  # a line holds dozens of characters, not four
        assert cut == "", commands  # no word is broken in two
