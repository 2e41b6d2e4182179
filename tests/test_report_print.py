"""The weekly report printed by headless Chromium: a page budget for the demo and for 200 prototypes, sections
that start their own page, and no heading left alone at the bottom of a page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import invoke

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI script installs it)")

# The budgets the report keeps on A4/Letter: the demo's 6 prototypes, one page per section at most,
# and 200 prototypes, where long lists show their first rows and fold the rest.
DEMO_PAGES = 12
PROTOTYPES_200_PAGES = 40

# What the print CSS adds after a folded <summary> (a ::after pseudo-element, so it is in the PDF's text).
FOLDED_NOTE = "(folded: open it in the browser)"


def _print(html: Path, tmp_path: Path) -> Path:
    pdf = tmp_path / f"{html.stem}.pdf"
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr[-2000:]
    return pdf


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


class _Headings(HTMLParser):
    """The text of every h1-h4 and of every <summary> of an open <details>, and of the headings that start a
    printed page (class db-page). A folded <details> prints as its summary alone: a whole block, not a heading."""

    TAGS = ("h1", "h2", "h3", "h4", "summary")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.page_starts: list[str] = []
        self._open: list[tuple[str, bool, list[str]]] = []
        self._details: list[bool] = []  # open or folded, innermost last

    def handle_starttag(self, tag, attrs):
        if tag == "details":
            self._details.append("open" in dict(attrs))
        if tag in self.TAGS:
            classes = (dict(attrs).get("class") or "").split()
            self._open.append((tag, "db-page" in classes, []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _, page, parts = self._open.pop()
            text = _norm("".join(parts))
            if text and (tag != "summary" or not self._details or self._details[-1]):
                self.headings.append(text)
                if page:
                    self.page_starts.append(text)
        if tag == "details" and self._details:
            self._details.pop()

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _headings(html: Path) -> _Headings:
    parser = _Headings()
    parser.feed(html.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _page_lines(pdf: Path) -> list[tuple[list[str], bool]]:
    """Each page's non-empty text lines, and whether an image (a chart) is drawn below its lowest text."""
    from pypdf import PdfReader, mult

    pages = []
    for page in PdfReader(pdf).pages:
        text_y: list[float] = []
        image_y: list[float] = []

        def on_text(text, cm, tm, font, size, text_y=text_y):
            if text.strip():
                text_y.append(mult(tm, cm)[5])

        def on_operator(operator, args, cm, tm, image_y=image_y):
            if operator == b"Do":  # an XObject drawn with its bottom-left corner at (cm[4], cm[5])
                image_y.append(cm[5])

        text = page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator) or ""
        lines = [line for line in map(_norm, text.splitlines()) if line]
        pages.append((lines, bool(text_y) and any(y < min(text_y) for y in image_y)))
    return pages


def _heading_at_end(lines: list[str], headings: set[str]) -> str | None:
    """The heading that the last lines of a page spell out (a long heading wraps onto 2 or 3 lines), if any."""
    for count in (1, 2, 3):
        if count > len(lines):
            break
        tail = _norm(" ".join(lines[-count:]))
        for text in (tail, _norm(tail.removesuffix(FOLDED_NOTE))):
            if text in headings:
                return text
    return None


def _check_breaks(html: Path, pdf: Path) -> None:
    found = _headings(html)
    pages = _page_lines(pdf)
    assert len(pages) >= 2 and found.page_starts, (len(pages), found.page_starts)
    headings = set(found.headings)
    lonely = [(number, heading) for number, (lines, image_last) in enumerate(pages[:-1], 1)
              if not image_last and (heading := _heading_at_end(lines, headings))]
    assert not lonely, "; ".join(f"page {n} of {len(pages)} ends with the heading {h!r}" for n, h in lonely)
    # The CSS gives `.db-page` headings `break-before: page`: each such section starts a page, in order.
    firsts = [lines[0] if lines else "" for lines, _ in pages]
    page = 0
    for heading in found.page_starts:
        while page < len(firsts) and firsts[page] != heading:
            page += 1
        assert page < len(firsts), (f"section {heading!r} does not start a page; the first lines of the pages are "
                                    f"{firsts}")
        page += 1


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("demo")
    result = invoke(tmp_path, "demo", "demo")
    assert result.exit_code == 0, result.output
    html = Path(result.stdout.strip().splitlines()[-1])
    return html, _print(html, tmp_path)


@pytest.fixture(scope="module")
def prototypes_200(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("p200")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from proto_generate import generate

    root = generate(tmp_path / "ws", 200, 5, 4000, 4000, 60, git=False)
    result = invoke(root, "report", "weekly", "--as-of", "2026-11-27")
    assert result.exit_code == 0, result.output
    html = root / result.stdout.strip().splitlines()[-1]
    return html, _print(html, tmp_path)


def test_demo_prints_within_its_page_budget(demo):
    _, pdf = demo
    assert 3 <= _pages(pdf) <= DEMO_PAGES  # sections start pages: never everything on one


def test_200_prototypes_print_within_the_page_budget(prototypes_200):
    html, pdf = prototypes_200
    text = html.read_text(encoding="utf-8")
    assert text.count("<details") > 150  # per-prototype detail (158 active) and long lists are folded
    assert "<script" not in text
    assert _pages(pdf) <= PROTOTYPES_200_PAGES


def test_demo_breaks_pages_between_sections_never_after_a_heading(demo):
    _check_breaks(*demo)


def test_200_prototypes_break_pages_between_sections_never_after_a_heading(prototypes_200):
    _check_breaks(*prototypes_200)
