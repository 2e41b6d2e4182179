"""The base of every format: strict YAML, line-level edits that keep every other byte, atomic writes."""

from __future__ import annotations

import errno
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.errors import DecisionbookError
from toolkit.records import atomic, frontmatter
from toolkit.records.slug import slugify
from toolkit.records.text import visible


def test_yaml_12_scalars_keep_what_people_typed():
    doc = frontmatter.parse(b"---\nstatus: no\nn: 0010\nt: 12:30:00\nok: true\n---\n")
    assert doc.meta == {"status": "no", "n": 10, "t": "12:30:00", "ok": True}


@pytest.mark.parametrize(
    "text,line,words",
    [
        (b"---\ntitle: a\ntitle: b\n---\n", 3, "duplicate key"),
        (b"---\na: &x [1]\nb: *x\n---\n", 3, "aliases"),
        (b"---\nx: !!binary aGk=\n---\n", 2, "binary"),
        (b"---\ntitle: [unclosed\n---\n", 2, "never closed"),
        (b"---\ntitle: \"open\n---\n", 2, "never closed"),
        (b"---\ntitle: a\n", 1, "never closed"),
        (b"---\ntitle: \xff\n---\n", 2, "UTF-8"),
    ],
)
def test_malformed_front_matter_names_the_line(text, line, words):
    with pytest.raises(DecisionbookError) as caught:
        frontmatter.parse(text, "x.md")
    assert caught.value.path == "x.md" and caught.value.line == line
    assert words in caught.value.message


def test_set_key_changes_only_that_key_and_keeps_crlf_bom_comments():
    original = "\ufeff---\r\n# a comment\r\nstatus: proposed  \r\nodd-key: {a: 1}\r\n---\r\nBody\r\n".encode()
    doc = frontmatter.parse(original)
    edited = frontmatter.set_key(doc, "status", "accepted")
    assert edited == original.replace(b"status: proposed  ", b"status: accepted")
    added = frontmatter.set_key(doc, "date", "2026-11-27")
    assert added == original.replace(b"---\r\nBody", b"date: 2026-11-27\r\n---\r\nBody")


def test_set_key_replaces_a_block_value_whole():
    doc = frontmatter.parse(b"---\ntags:\n  - a\n  - b\nnext: 1\n---\n")
    assert frontmatter.set_key(doc, "tags", "[c]") == b"---\ntags: [c]\nnext: 1\n---\n"


@given(st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s))
def test_scalar_reads_back_as_the_same_text(text):
    rendered = frontmatter.scalar(text)
    assert frontmatter.load_yaml(f"k: {rendered}") == {"k": text}


@given(st.text(max_size=200))
def test_slug_is_safe_file_name(title):
    slug = slugify(title)
    assert slug and len(slug) <= 60
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".")
    assert all(part and all(ch.isalnum() for ch in part) for part in slug.split("-"))  # letters, digits, hyphens
    assert slug.isascii() or not any(ch.isascii() and ch.isalnum() for ch in title)  # ASCII where the title has it


@pytest.mark.parametrize(("title", "slug"), [("Wähle Café", "wahle-cafe"), ("使用 Redis 缓存", "redis"),
                                             ("生成图形", "生成图形"), ("Выбор брокера", "выбор-брокера"),
                                             ("Ny løsning", "ny-losning"), ("Große Łódź", "grosse-lodz")])
def test_a_title_in_another_script_keeps_its_letters(title, slug):
    # A title with no ASCII letter was `untitled`: every such record of a folder named by slugs the same name.
    assert slugify(title) == slug


def test_visible_shows_bidi_controls():
    assert visible("abc\u202edef") == "abc<U+202E>def"


@pytest.mark.parametrize("links", [True, False])
def test_create_exclusive_never_overwrites(tmp_path, monkeypatch, links):
    if not links:  # a file system without hard links (FAT, some network shares): created in place
        def refused(*args, **kwargs):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", refused)
    target = tmp_path / "a.md"
    assert atomic.create_exclusive(target, b"first")
    assert not atomic.create_exclusive(target, b"second")
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left either way


def test_replace_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    atomic.replace(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_append_after_torn_line_keeps_both(tmp_path):
    ledger = tmp_path / "l.jsonl"
    ledger.write_bytes(b'{"id": 1}\n{"id": 2, "tor')
    atomic.append_line(ledger, '{"id": 3}')
    assert ledger.read_bytes() == b'{"id": 1}\n{"id": 2, "tor\n{"id": 3}\n'


@pytest.mark.parametrize("value,words", [("1" * 5000, "number too long"), ("2026-13-45", "not a date")])
def test_values_python_cannot_hold_are_errors_with_a_line(value, words):
    with pytest.raises(DecisionbookError) as caught:
        frontmatter.parse(f"---\ntitle: x\nvalue: {value}\n---\n".encode(), "x.md")
    assert caught.value.line == 3 and words in caught.value.message
