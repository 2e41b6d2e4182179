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


# The width of the page's viewport and, for each table, its column headers, how far right it reaches and how far
# past the box it is in, whose overflow is cut off; folded sections are opened first, so that their tables are laid
# out too.
TABLES = """<script>
for (const fold of document.querySelectorAll("details")) fold.open = true;
const tables = [...document.querySelectorAll("table")].map(table => ({
  columns: [...table.querySelectorAll("th")].map(th => th.textContent).join(","),
  right: table.getBoundingClientRect().right,
  spills: table.getBoundingClientRect().right - table.parentElement.getBoundingClientRect().right,
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


def test_the_decision_log_notebook_reads_on_a_phone(tmp_path):
    # Its timeline ran past a phone's right edge, the Status column cut off, and a label read `ADR-` over `0001`.
    from report_fixtures import invoke

    from toolkit.reports.demo import build
    from toolkit.reports.make import log
    from toolkit.workspace import open_workspace

    root = build(tmp_path / "demo")
    title = "Serve the product catalogue from the regional edge caches with a five-minute time to live"
    assert invoke(root, "adr", "new", title, "--no-edit", "--date", "2026-11-02").exit_code == 0
    html = log(open_workspace(root), progress=False).html.read_text(encoding="utf-8")
    measured = json.loads(_measured(html, TABLES, tmp_path, 390))
    columns = [table["columns"] for table in measured["tables"]]
    assert "ADR,Title,Date,Status" in columns and "ADR,Title,Proposed on,Accepted on,Days to decide" in columns
    assert any(c.startswith("Effort quartile,Hours") for c in columns)
    assert (measured["viewport"], measured["page"]) == (390, 390)
    assert [table for table in measured["tables"] if table["spills"] > 1] == [], measured["tables"]
    assert json.loads(_measured(html, CUT_DAYS, tmp_path, 390)) == []


# The log site has no folded sections and draws its charts as SVG: besides its tables, everything laid out past
# the viewport's right edge outside a chart's frame (a heading, a link, a word too long for a line), any box other
# than a chart's frame that scrolls sideways, the words of table headers and cells broken across lines outside free
# text, and each chart's shown width against the width it was drawn, once the charts are loaded.
SITE = """<script>
addEventListener("load", () => {  // the charts are drawn by then
  const edge = document.documentElement.clientWidth;
  const where = node => node.tagName.toLowerCase() + "." + node.className + ":" + node.textContent.slice(0, 40);
  const framed = node => node.closest(".db-chart") !== null && node.tagName !== "P";
  const tables = [...document.querySelectorAll("table")].map(table => ({
    columns: [...table.querySelectorAll("th")].map(th => th.textContent).join(","),
    right: table.getBoundingClientRect().right,
    scrolls: table.scrollWidth > table.clientWidth + 1,
    header: table.tHead === null ? "none" : getComputedStyle(table.tHead).display,
    // How far it reaches past the right edge of the column it is in.
    spills: table.getBoundingClientRect().right - table.parentElement.getBoundingClientRect().right
      + parseFloat(getComputedStyle(table.parentElement).paddingRight),
  }));
  const past = [], scrolling = [], cut = [];
  for (const node of document.body.querySelectorAll("*")) {
    if (framed(node)) continue;
    if (node.getBoundingClientRect().right > edge + 1) past.push(where(node));
    if (!node.matches(".db-chart") && node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0)
      scrolling.push(where(node));
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(texts.currentNode);
    const right = Math.max(0, ...[...range.getClientRects()].map(rect => rect.right));
    const node = texts.currentNode;
    if (right > edge + 1 && !framed(node.parentElement)) past.push("text:" + node.data.slice(0, 40));
    if (!node.parentElement.closest("td, th") || node.parentElement.closest(".db-words")) continue;
    let at = 0;  // a word of a header or of a cell without free text (a date, a status) is never broken
    for (const word of node.data.split(/[ -]/)) {
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      if (range.getClientRects().length > 1) cut.push(word);
      at += word.length + 1;
    }
  }
  const charts = [...document.querySelectorAll("img")].map(img => img.getBoundingClientRect().width / img.naturalWidth);
  const page = document.documentElement;
  const measured = {viewport: edge, page: page.scrollWidth, tables, past, scrolling, cut, charts};
  parent.postMessage(JSON.stringify(measured), "*");
});
</script>"""

LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenherstellungsvorschriftenverordnungsentwurf"


@pytest.fixture(scope="module")
def phone_log(tmp_path_factory):
    """A decision log as teams keep one: long titles, every status, relations, non-ASCII text, a word longer
    than a phone's line in a title, a body and a person's name, git history and a prototype; its site."""
    from conftest import git
    from report_fixtures import invoke

    from toolkit.workspace import init

    root = tmp_path_factory.mktemp("phone") / "log"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    init(root)
    titles = [
        "Adopt an event-sourced order history with nightly snapshots for the reporting warehouse",
        "Räumliche Indizes für Lieferzonen: PostGIS statt selbstgebauter Geohash-Tabellen verwenden",
        f"Name the {LONG_WORD} module as the regulator does",
        "Keep REST with a backend-for-frontend for the mobile applications and retire the GraphQL gateway",
        "記録は日本語でも書ける: 決定ログのタイトルは長くても折り返す",
        "Use feature flags for every user-visible change that ships before its documentation is reviewed",
    ]
    for title in titles:
        assert invoke(root, "adr", "new", title, "--no-edit", "--date", "2026-09-01").exit_code == 0
    assert invoke(root, "proto", "new", "Streaming ingest on Kafka with exactly-once delivery guarantees",
                  "--owner", "Zoë Ångström-Kowalczyk", "--deadline", "2099-10-20", "--decision", "1").exit_code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Propose the first decisions of the platform team, all of them at once")
    for number, status in ((1, "accepted"), (2, "rejected"), (3, "deprecated"), (6, "accepted")):
        assert invoke(root, "adr", "status", str(number), status, "--force").exit_code == 0
    made = [invoke(root, "adr", "new", title, "--no-edit", *relation, "--date", "2026-10-01") for title, relation in (
        ("Replace the event-sourced order history with change data capture from the orders database",
         ["--supersedes", "1"]),
        ("Amend the feature-flag rule: flags expire ninety days after the change ships to everyone",
         ["--amends", "6"]),
        ("Relate the PostGIS zones to the Kafka ingest decision", ["--link", "2:relates-to", "--link", "1:relates-to"]),
    )]
    assert all(result.exit_code == 0 for result in made), [result.output for result in made]
    record = next((root / "decisions").glob("0001-*.md"))  # superseded, related, informed by the prototype
    record.write_text(record.read_text(encoding="utf-8").replace(
        "decision-makers: []", f"decision-makers: [Zoë Ångström-Kowalczyk, {LONG_WORD}, Øyvind Þórsson]")
        + f"\n{LONG_WORD} is how the regulator spells it; see "
        "https://example.org/a/very/long/link/that/goes/on/and/on/without/any/space/in/it/at/all/whatsoever.html\n"
        "\n| Option | Throughput per partition | Operational cost | Exactly-once delivery | Verdict |\n"
        "|---|---|---|---|---|\n"
        "| Apache Kafka | 50,000 messages per second | three brokers in KRaft mode | with idempotent producers "
        "| chosen |\n"
        "| RabbitMQ | 20,000 messages per second | low | no | rejected |\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"Decide the first round; {LONG_WORD} included, and propose three more")
    result = invoke(root, "report", "log")
    assert result.exit_code == 0, result.output
    return (root / result.stdout.strip()).parent, record.stem


def _page_kinds(site: Path, record: str) -> dict[str, str]:
    """The pages of *site* to measure, by kind: the index, the graph, and the record page *record* (the one
    with relations, history, a prototype, a graph picture and a long word in its people and body)."""
    return {kind: (site / name).read_text(encoding="utf-8")
            for kind, name in (("index", "index.html"), ("graph", "graph.html"), ("record", f"{record}.html"))}


def _site_page_measured(phone_log, kind: str, tmp_path: Path, width: int) -> dict:
    """The page *kind* of the decision log measured at *width*, beside the style sheet and pictures it uses."""
    site, record = phone_log
    html = _page_kinds(site, record)[kind]
    shutil.copy(site / "style.css", tmp_path / "style.css")
    for picture in site.glob("*.svg"):
        shutil.copy(picture, tmp_path / picture.name)
    return json.loads(_measured(html, SITE, tmp_path, width))


@pytest.mark.parametrize("kind", ["index", "record", "graph"])
def test_every_page_of_the_decision_log_reads_on_a_phone(phone_log, tmp_path, kind):
    measured = _site_page_measured(phone_log, kind, tmp_path, 390)
    assert (measured["viewport"], measured["page"]) == (390, 390), measured
    columns = [table["columns"] for table in measured["tables"]]
    if kind == "index":
        assert sum(c.startswith("ADR,Title,Date") for c in columns) == 5  # a table per status
        assert any(c.startswith("ADR,Title,Proposed on,By") for c in columns)
    if kind == "record":
        assert any(c.startswith("Relation,ADR,Title") for c in columns)
        assert any(c.startswith("Date,Author") for c in columns)
        assert any(c.startswith("Option,Throughput per partition") for c in columns)  # in the record's text
    assert [t for t in measured["tables"] if t["right"] > 390 or t["scrolls"] or t["spills"] > 1] == [], measured
    assert measured["past"] == measured["scrolling"] == measured["cut"] == [], measured
    # A chart keeps the size its labels were drawn to be read at, or near it, and scrolls in its own frame.
    assert measured["charts"] and min(measured["charts"]) >= 0.75, measured["charts"]


@pytest.mark.parametrize("kind", ["index", "record", "graph"])
def test_the_decision_log_keeps_its_columns_on_a_wide_screen(phone_log, tmp_path, kind):
    measured = _site_page_measured(phone_log, kind, tmp_path, 1280)
    assert (measured["viewport"], measured["page"]) == (1280, 1280), measured
    assert all(table["header"] == "table-header-group" for table in measured["tables"]), measured["tables"]
    assert measured["past"] == measured["cut"] == [], measured
    assert [table for table in measured["tables"] if table["spills"] > 1] == [], measured
    # Drawn charts fit the page's column: a wide one is shrunk to it, none is blown up.
    assert measured["charts"] and max(measured["charts"]) <= 1, measured["charts"]


# For each table of the page headed ADR, Title: the two columns' widths and the most lines a title takes.
NAME_AND_TITLE = """<script>
const found = [...document.querySelectorAll("table")].filter(table => table.rows[0].cells[1]?.textContent === "Title")
  .filter(table => table.rows[0].cells[0].textContent === "ADR").map(table => ({
    adr: table.rows[0].cells[0].getBoundingClientRect().width,
    title: table.rows[0].cells[1].getBoundingClientRect().width,
    lines: Math.max(...[...table.tBodies[0].rows].map(row => row.cells[1].firstElementChild.getClientRects().length)),
  }));
parent.postMessage(JSON.stringify(found), "*");
</script>"""


def test_a_long_dated_record_name_leaves_its_title_room_on_a_wide_screen(tmp_path):
    """Records named by day and slug, as some teams name them: at 1280 px the ADR column took half the table and
    squeezed each title to three or four words a line; the name breaks after its hyphens instead."""
    from conftest import git
    from report_fixtures import invoke

    root = tmp_path / "orders"
    (root / "decisions").mkdir(parents=True)
    for name, title, status in (
        ("2026-09-14-move-the-order-service-events-onto-the-shared-kafka-cluster",
         "Move the order service events onto the shared Kafka cluster the platform team runs", "accepted"),
        ("2026-09-21-retire-the-partner-soap-gateway-once-every-partner-calls-the-rest-api",
         "Retire the partner SOAP gateway once every partner calls the REST API", "accepted"),
        ("2026-10-02-keep-feature-flags-in-the-hosted-service-rather-than-our-own",
         "Keep feature flags in the hosted service rather than in the one we wrote ourselves", "proposed"),
        ("2026-10-05-cache", "Cache product pages at the edge", "accepted"),
    ):
        (root / "decisions" / f"{name}.md").write_text(
            f"---\nstatus: {status}\ndate: {name[:10]}\n---\n# {title}\n\n## Context and Problem Statement\n\nWhy.\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Record the order team's decisions")
    result = invoke(root, "report", "log")
    assert result.exit_code == 0, result.output
    site = (root / result.stdout.strip()).parent
    html = (site / "index.html").read_text(encoding="utf-8")
    shutil.copy(site / "style.css", tmp_path / "style.css")
    tables = json.loads(_measured(html, NAME_AND_TITLE, tmp_path, 1280))
    assert len(tables) == 3, tables  # open proposals, accepted, proposed
    for table in tables:
        assert table["title"] > table["adr"] and table["lines"] <= 2, tables
    for picture in site.glob("*.svg"):
        shutil.copy(picture, tmp_path / picture.name)
    phone = json.loads(_measured(html, SITE, tmp_path, 390))
    assert (phone["viewport"], phone["page"]) == (390, 390)
    assert phone["past"] == phone["scrolling"] == [] and [t for t in phone["tables"] if t["spills"] > 1] == [], phone


# Each table, heading and folded summary that reaches past the right edge of the page's column, folds opened.
PAST_COLUMN = """<script>
for (const fold of document.querySelectorAll("details")) fold.open = true;
const body = document.body;
const edge = body.getBoundingClientRect().right - parseFloat(getComputedStyle(body).paddingRight);
const past = [...body.querySelectorAll("table, h1, h2, h3, summary")]
  .filter(node => node.getBoundingClientRect().right > edge + 1)
  .map(node => node.tagName.toLowerCase() + ":" + node.textContent.slice(0, 40));
parent.postMessage(JSON.stringify(past), "*");
</script>"""

LONG_URL = ("https://grafana.example.com/d/abc123/ingest-latency-p99-by-partition?orgId=1&from=1764547200000"
            "&to=1764633600000&var-cluster=prod-eu-west-1&var-topic=orders")


def test_a_long_word_or_link_stays_in_the_page_on_a_wide_screen(decide, repo, tmp_path):
    """A title with a word longer than a line, and a dashboard link as a source, at 1280 px: their cells wrap
    inside the page's column instead of pushing the table, and the columns beside them, out of it."""
    for args in (("proto", "new", f"Name the {LONG_WORD} module", "--deadline", "2099-01-01"),
                 ("criterion", "add", "P1", "p99", "--target", "<= 200"),
                 ("evidence", "add", "P1", "p99", "180", "--unit", "ms", "--source", LONG_URL, "--note", LONG_WORD),
                 ("adr", "new", f"Adopt the {LONG_WORD} module", "--no-edit")):
        assert decide(*args, cwd=repo).exit_code == 0
    record = next((repo / "decisions").glob("0001-*.md"))
    cited = record.read_text(encoding="utf-8").replace("status: proposed", "status: proposed\nprototypes: [1]")
    record.write_text(cited, encoding="utf-8")
    for args in (("report", "weekly"), ("report", "review", "1")):
        made = decide(*args, cwd=repo)
        assert made.exit_code == 0, made.output
        html = (repo / made.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
        assert json.loads(_measured(html, PAST_COLUMN, tmp_path, 1280)) == [], args


# Each day (YYYY-MM-DD) or record label (ADR-0006) written in a table cell or a heading that a line break cuts in two,
# with the text of its row or heading.
CUT_DAYS = """<script>
for (const fold of document.querySelectorAll("details")) fold.open = true;
const cut = [];
const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (texts.nextNode()) {
  const text = texts.currentNode;
  if (!text.parentElement.closest("td, h1, h2, h3")) continue;
  for (const day of text.data.matchAll(/\\d{4}-\\d\\d-\\d\\d|\\b[A-Z]{2,6}-\\d+\\b/g)) {
    const range = document.createRange();
    range.setStart(text, day.index);
    range.setEnd(text, day.index + day[0].length);
    if (range.getClientRects().length > 1) {
      cut.push(day[0] + " in " + text.parentElement.closest("tr, h1, h2, h3").textContent);
    }
  }
}
parent.postMessage(JSON.stringify(cut), "*");
</script>"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_record_label_or_day_in_a_design_review_is_cut_in_two(tmp_path, width):
    # On a phone the title read `Design review — ADR-` over `0006 Event-source the order history`.
    from report_fixtures import invoke

    from toolkit.reports.demo import build

    root = build(tmp_path / "demo")
    result = invoke(root, "report", "review", "6")
    assert result.exit_code == 0, result.output
    html = (root / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    cut = json.loads(_measured(html, CUT_DAYS, tmp_path, width))
    assert cut == [], "\n".join(label[:60] for label in cut)


@pytest.mark.parametrize("width", [390, 1280])
def test_no_day_in_a_weekly_report_s_table_or_heading_is_cut_in_two(tmp_path, width):
    # On a wide screen the agenda's deadlines and the closed prototypes' days read `2026-10-` over `16`: the
    # columns of reasons beside them took the width, and a day breaks after its hyphens like any word. On a
    # phone the title read `Weekly triage — 2026-` over `10-29`.
    from report_fixtures import invoke

    from toolkit.reports.demo import build

    root = build(tmp_path / "demo")
    result = invoke(root, "report", "weekly", "--as-of", "2026-10-29", "--reveal")
    assert result.exit_code == 0, result.output
    html = (root / result.stdout.strip().splitlines()[-1]).read_text(encoding="utf-8")
    cut = json.loads(_measured(html, CUT_DAYS, tmp_path, width))
    assert cut == [], "\n".join(day[:60] for day in cut)


# How each cell of a table in the rendered record is aligned and bordered.
RECORD_CELLS = """<script>
const cells = [...document.querySelectorAll(".db-record td, .db-record th")].map(
  cell => getComputedStyle(cell).textAlign + " " + getComputedStyle(cell).borderLeftStyle);
parent.postMessage(JSON.stringify(cells), "*");
</script>"""


def test_a_table_in_the_reviewed_record_reads_as_the_decision_log_shows_it(decide, repo, tmp_path):
    # The design review right-aligned every cell of a record's table, borderless (the notebook page's default),
    # where the decision log shows the same table as written: text to the left, in ruled cells.
    assert decide("adr", "new", "Replay order events from the outbox", "--no-edit", cwd=repo).exit_code == 0
    record = next((repo / "decisions").glob("0001-*.md"))
    record.write_text(record.read_text(encoding="utf-8").replace("## Considered Options\n", (
        "## Considered Options\n\n| Option | Replay window | Notes |\n|---|---|---|\n"
        "| Longer Kafka retention | 30 days | broker disks grow fourfold |\n"
        "| Replay from the outbox table | forever | a job republishes from the table |\n"), 1), encoding="utf-8")
    shown = {}
    for args in (("report", "review", "1"), ("report", "log")):
        made = decide(*args, cwd=repo)
        assert made.exit_code == 0, made.output
        page = repo / made.stdout.strip().splitlines()[-1]
        if args[1] == "log":
            page = page.parent / f"{record.stem}.html"
        # Measured beside the page, so that the site's page finds its style sheet.
        shown[args[1]] = json.loads(_measured(page.read_text(encoding="utf-8"), RECORD_CELLS, page.parent, 1280))
    assert len(shown["review"]) == 9
    assert shown["review"] == shown["log"]
