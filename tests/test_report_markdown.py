"""ADR Markdown rendered as HTML: structure kept, links resolved or made plain, nothing that can run."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import scan

from toolkit.reports.markdown import file_links, to_html
from toolkit.reports.sanitize import safe_url

html5lib = pytest.importorskip("bleach._vendor.html5lib", reason="html5lib (vendored by bleach) parses like a browser")

ADR_LINKS = {"0003-use-x.md": "0003-use-x.html"}


def _resolve(target):
    return ADR_LINKS.get(target)


def _live(fragment: str) -> list[str]:
    """What a browser's parse of *fragment* holds that could run code or load something."""
    found = []
    for element in html5lib.parseFragment(fragment, namespaceHTMLElements=False).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "img", "base", "style", "form"):
            found.append(tag)
        for name, value in element.attrib.items():
            if name.startswith("on") or name in ("src", "style", "srcdoc"):
                found.append(f"{tag} {name}")
            if name == "href" and not safe_url(value, relative=True):
                found.append(f"{tag} href={value}")
    return found


def test_structure_survives():
    out = to_html("# Title\n\n## Options\n\n* one\n* two\n\n1. first\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                  "```python\nx = 1 < 2\n```\n\nSome `code`, **bold**, _em_, ~~gone~~.\n")
    for piece in ("<h1>Title</h1>", "<h2>Options</h2>", "<li>one</li>", "<ol>", "<table>", "<th>a</th>",
                  '<td data-label="b">2</td>', '<pre><code class="language-python">x = 1 &lt; 2', "<code>code</code>",
                  "<strong>bold</strong>", "<em>em</em>", "<del>gone</del>"):
        assert piece in out, piece


def test_a_table_s_cells_carry_their_column_s_header_for_a_phone():
    out = to_html("| Option | Cost `low` | & more |\n|---|---|---|\n| Kafka | high | x |\n| Rabbit | | y |\n\n"
                  "| Other | Only |\n|---|---|\n| a | b |\n")
    # The first column heads a stacked row; the labels are the headers' text, escaped; a table starts afresh.
    assert "<td>Kafka</td>" in out and "<td>Rabbit</td>" in out and "<td>a</td>" in out
    assert out.count('<td data-label="Cost low">') == 2 and out.count('<td data-label="&amp; more">') == 2
    assert '<td data-label="Only">b</td>' in out


def test_links_to_adrs_resolve_and_others_become_text():
    out = to_html("[three](0003-use-x.md#why) [nine](0009-gone.md) [web](https://example.com/a?b=1&c=2) "
                  "[mail](mailto:a@example.com) [top](#top) ![pic](https://tracker.example/p.png)", _resolve)
    assert scan(out).links == ["0003-use-x.html#why", "https://example.com/a?b=1&c=2", "mailto:a@example.com",
                               "#top", "https://tracker.example/p.png"]
    assert "nine" in out and "[image: pic]" in out and "<img" not in out


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](<java script:alert(1)>)",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "[x]: javascript:alert(1)\n\n[y][x]",
    "<a href=javascript:alert(1)>x</a>",
    "<div onclick=alert(1)>\n\n*x*\n\n</div>",
    "[x](0003-use-x.md\"onmouseover=\"alert(1))",
    "[x](https://e.com \"t\" onmouseover=\"alert(1)\")",
    "| a |\n|---|\n| <svg onload=alert(1)> |",
    "| a | b\" onmouseover=\"alert(1) | <svg onload=alert(1)> `\"><script>` |\n|---|---|---|\n| 1 | 2 | 3 |",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "<!-- x --><iframe src=javascript:alert(1)>",
])
def test_attacks_come_out_inert(attack):
    out = to_html(attack, _resolve)
    assert _live(out) == [], out
    assert scan(out).problems == [], out


PIECES = st.sampled_from([
    "<", ">", "[", "]", "(", ")", "!", "`", "```", "\n", "\n\n", " ", "|", "---", "#", "*", "_", "\"", "'", "&#",
    "x;", "javascript:", "java\tscript:", "alert(1)", "<script>", "onerror=", "<img src=x ", "https://e.x",
    "0003-use-x.md", "<a href=", "<", "data:", "<!--", "-->", "\\", "<svg", "mailto:",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_markdown_comes_out_inert(text):
    out = to_html(text, _resolve)
    assert _live(out) == [], (text, out)


def test_file_links_stay_inside_the_workspace(tmp_path):
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "0003-use-x.md").write_text("x")
    (tmp_path / "reports").mkdir()
    resolve = file_links(tmp_path, tmp_path / "decisions", tmp_path / "reports")
    assert resolve("0003-use-x.md") == "../decisions/0003-use-x.md"
    assert resolve("0004-missing.md") is None
    assert resolve("../../etc/passwd") is None
