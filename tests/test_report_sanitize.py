"""The report sanitiser: whatever goes in, nothing that can run comes out, as a browser would parse it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import scan

from toolkit.reports.sanitize import clean, safe_url

html5lib = pytest.importorskip("bleach._vendor.html5lib", reason="html5lib (vendored by bleach) parses like a browser")

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<!--<script>alert(1)</script>-->",
    "<!--><script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</script>",
    "<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>",
    "<p title=\"x\" onmouseover=\"alert(1)\">x",
    "<table><tr><td><script>alert(1)</script>",
    "<style>body{background:red}</style><b>x</b>",
    "<a href=x onfocus=alert(1) autofocus>x</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<details open ontoggle=alert(1)>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<object data=\"javascript:alert(1)\">",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=\"x\" alt=\"\\\" onerror=alert(1)//\">",
]


def _browser_problems(fragment: str) -> list[str]:
    """Parse *fragment* as a browser does (HTML5 rules) and list elements or attributes that could run code."""
    problems = []
    root = html5lib.parseFragment(fragment, namespaceHTMLElements=False)
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.split("}")[-1] in ("script", "iframe", "object", "embed", "svg", "math", "img", "base", "meta",
                                  "form", "button", "style", "noscript"):
            problems.append(tag)
        for name, value in element.attrib.items():
            name = name if isinstance(name, str) else name[1]
            if name.startswith("on") or name in ("srcdoc", "formaction", "style", "src"):
                problems.append(f"{tag} {name}")
            if name == "href" and not safe_url(value):
                problems.append(f"{tag} href={value}")
    return problems


@pytest.mark.parametrize("attack", ATTACKS)
def test_known_attacks_come_out_inert(attack):
    out = clean(attack)
    assert _browser_problems(out) == [], out
    assert scan(out).problems == [], out


def test_allowed_markup_survives():
    html = ('<h2 id="a">T</h2><p class="db-muted">x &amp; y</p><table class="db-table"><thead><tr><th scope="col">A</th>'
            '</tr></thead><tbody><tr><td colspan="2"><span class="db-rec db-keep">keep</span></td></tr></tbody></table>'
            '<a href="https://example.com/?a=1&amp;b=2" rel="noopener">s</a><br><ul><li>i</li></ul>')
    assert clean(html) == html


def test_disallowed_tags_show_as_text_and_unclosed_tags_are_closed():
    assert clean("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert clean("<b>bold") == "<b>bold</b>"
    assert clean("</div>x") == "&lt;/div&gt;x"
    assert clean('<a href="javascript:alert(1)" title="t">x</a>') == '<a title="t">x</a>'
    assert clean('<td onclick="x" class="c" class="d">') == '<td class="c"></td>'
    assert clean('<td data-label="a&quot;b" onclick="x">') == '<td data-label="a&quot;b"></td>'
    assert clean('<p data-label="x">') == "<p></p>"


@pytest.mark.parametrize("url, ok", [
    ("https://example.com", True), ("HTTP://example.com", True), ("mailto:a@example.com", True), ("#top", True),
    ("javascript:alert(1)", False), ("java\nscript:alert(1)", False), (" \x01javascript:x", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("relative/path", False), ("//evil.example", False),
])
def test_safe_url(url, ok):
    assert safe_url(url) is ok


@pytest.mark.parametrize("url, ok", [
    ("../prototypes/0001-a.md", True), ("relative/path", True), ("//evil.example", False), ("/etc/passwd", False),
    ("\\\\host\\share", False), ("javascript:alert(1)", False),
])
def test_safe_url_relative(url, ok):
    """Reports link to the workspace's files with relative paths, and only those."""
    assert safe_url(url, relative=True) is ok


PIECES = st.sampled_from([
    "<", ">", "</", "/>", "=", '"', "'", " ", "\t", "\n", "&", "&#", "x;", "!--", "--", "script", "img", "a", "svg",
    "style", "iframe", "p", "td", "href", "src", "onerror", "onload", "title", "class", "javascript:", "java\tscript:",
    "alert(1)", "https://e.x", "<!DOCTYPE html>", "<![CDATA[", "]]>", "?", "noscript", "textarea", "math",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_markup_comes_out_inert(fragment):
    out = clean(fragment)
    assert _browser_problems(out) == [], (fragment, out)


def test_script_content_is_read_as_markup_and_stays_inert():
    assert clean('<script>"<b onclick=x>"</script>') == '&lt;script&gt;"<b>"&lt;/script&gt;</b>'


@pytest.mark.parametrize("piece", ['<a', '<a "', "<a x='", "<!x", "</a", "<!-- "])
def test_unclosed_tags_take_linear_time(piece):
    """Each `<` costs one short scan: 100 KB of unclosed tags is cleaned in well under a second, not hours."""
    import time

    hostile = piece * (100_000 // len(piece))
    started = time.perf_counter()
    out = clean(hostile)
    assert time.perf_counter() - started < 5
    assert "<a" not in out and _browser_problems(out) == []


def _clean_tag_by_tag(text: str) -> str:
    """What `clean` makes of *text* when every tag is scanned where it stands: the oracle for the way
    `clean` recognises a tag it has already seen by its text up to the first `>`."""
    from toolkit.reports import sanitize as s

    out, opened, position = [], [], 0
    while (begin := text.find("<", position)) >= 0:
        pattern = s._COMMENT if text.startswith("<!--", begin) else s._TOKEN
        match = pattern.match(text, begin, begin + s._LONGEST_TAG)
        if match is None:
            out.append(s._text(text[position:begin + 1]))
            position = begin + 1
            continue
        out.append(s._text(text[position:begin]) if begin > position else "")
        position = match.end()
        if match.lastindex is None:
            continue
        end, start, attributes = match.groups()
        if start is not None:
            tag = start.lower()
            if tag in s.ALLOWED_TAGS:
                out.append(s._start_tag(tag, attributes, False))
                opened += [] if tag in s.VOID_TAGS else [tag]
            else:
                out.append(s.escape(match.group()))
        elif opened and opened[-1] == end.lower():
            out.append(f"</{opened.pop()}>")
        elif end.lower() in s.VOID_TAGS:
            continue
        elif end.lower() not in opened:
            out.append(s.escape(f"</{end.lower()}>"))
        else:
            while opened and (current := opened.pop()) != end.lower():
                out.append(f"</{current}>")
            out.append(f"</{end.lower()}>")
    out.append(s._text(text[position:]) if position < len(text) else "")
    return "".join(out) + "".join(f"</{tag}>" for tag in reversed(opened))


TAGS = st.sampled_from([
    "<b>", "</b>", "<B>", "<i>", "</i>", "<p>", "</p>", "<br>", "</br>", "<td>", "</td>", "<x>", "</x>",
    '<a title="x>y" href="javascript:alert(1)">', '<a title="x>', '<a title="x>y">', "<a href='h>t'>", "</a>",
    '<b title="a>b">', "<b title=\"a>", "<!-- c -->", "<!-->", "<!x>", "<img src=x onerror=alert(1)>", "text", " ", ">",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(TAGS, max_size=30).map("".join))
def test_a_tag_seen_before_is_cleaned_as_if_scanned_again(fragment):
    assert clean(fragment) == _clean_tag_by_tag(fragment)
