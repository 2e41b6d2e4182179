"""ADR files in every form: what is read from them, and edits that change only the lines they must."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from toolkit.errors import DecisionbookError
from toolkit.records import adr, adr_edit, frontmatter
from toolkit.records.adr import BULLETS, MADR, NYGARD

FIXTURES = Path(__file__).parent / "fixtures" / "adr"
READABLE = sorted(p for p in FIXTURES.glob("*.md") if p.name != "0008-broken-yaml.md")


def load(name: str, data: bytes | None = None) -> tuple[frontmatter.Document, adr.Decision]:
    path = FIXTURES / name
    doc = frontmatter.parse(path.read_bytes() if data is None else data, name)
    return doc, adr.from_document(doc, path, name)


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The diff between two versions, as '-old' / '+new' lines (line endings kept)."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    return [
        line
        for line in difflib.unified_diff(old, new, n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_madr4_front_matter_with_comments_and_unknown_keys():
    _, record = load("0001-madr4-full.md")
    assert record.form == MADR and record.key == "1" and record.number == 1
    assert record.title == "Use PostgreSQL for the order store"
    assert (record.status, record.date) == ("accepted", "2026-10-01")
    assert record.decision_makers == ("ana", "ben")
    assert record.consulted == ("chen", "dora") and record.informed == ("dev-team",)
    assert record.links == (adr.Link("amends", "5", 15),)
    assert record.extra == {"team-tag": "platform", "review": {"board": "guild", "quorum": 3}}
    assert record.findings == ()


def test_madr3_deciders_as_comma_text():
    _, record = load("0002-madr3-deciders.md")
    assert record.decision_makers == ("ana", "ben") and record.consulted == ("chen",)
    assert record.extra == {"tags": ["storage"]}


@pytest.mark.parametrize("name", ["0003-madr2-bullets.md", "0004-madr-dash-bullets.md"])
def test_madr2_bullet_lines(name):
    _, record = load(name)
    assert record.form == BULLETS
    assert record.status in ("accepted", "proposed") and record.date and record.decision_makers


def test_madr2_links_section_is_read_and_its_own_relation_warned():
    _, record = load("0003-madr2-bullets.md")
    assert record.links == (adr.Link("refined by", "5", 15),)
    assert [f.severity for f in record.findings] == ["warning"]
    assert "refined by" in record.findings[0].message


def test_nygard_status_section_relations():
    _, record = load("0005-nygard-links.md")
    assert record.form == NYGARD and record.title == "Split the billing service"
    assert (record.status, record.status_raw, record.date) == ("accepted", "Accepted", "2026-08-01")
    assert record.supersedes == ("2",)
    assert [(link.relation, link.target) for link in record.links] == [("amends", "1"), ("clarified by", "4")]
    assert any("clarified by" in f.message and f.line == 13 for f in record.findings)


def test_consequence_of_section_is_a_relation_with_a_warning():
    _, record = load("0009-consequence-of.md")
    assert [(link.relation, link.target) for link in record.links] == [("consequence of", "5")]
    assert any(f.severity == "warning" and "consequence of" in f.message for f in record.findings)


def test_front_matter_that_is_a_list_is_listed_with_a_warning():
    _, record = load("0006-not-a-mapping.md")
    assert record.title == "A front matter that is a list" and record.status is None
    assert any("not a mapping" in f.message and f.line == 2 for f in record.findings)


def test_upstream_placeholders_are_warnings_not_crashes():
    _, record = load("0007-upstream-placeholders.md")
    assert record.status is None and record.date is None and record.decision_makers == ()
    messages = {(f.line, f.severity) for f in record.findings}
    assert {(2, "warning"), (3, "warning"), (4, "warning")} <= messages


def test_broken_yaml_names_path_and_line():
    path = FIXTURES / "0008-broken-yaml.md"
    with pytest.raises(DecisionbookError) as caught:
        adr.parse(path.read_bytes(), path, "0008-broken-yaml.md")
    assert caught.value.path == "0008-broken-yaml.md" and caught.value.line in (4, 5)


def test_unknown_status_and_missing_title():
    _, record = load("0010-unknown-status.md")
    assert record.status == "On hold" and record.status_raw == "On hold"
    assert [f.severity for f in record.findings] == ["warning"] and "[adr.statuses]" in record.findings[0].message
    _, record = load("0011-no-title.md")
    assert record.title == "No title" and record.findings == ()


def test_log4brains_file_is_identified_by_slug():
    _, record = load("20200925-use-log4brains.md")
    assert record.number is None and record.key == "20200925-use-log4brains"
    assert record.form == BULLETS and record.status == "accepted"
    assert record.links == (adr.Link("relates to", "3", 14),)
    assert record.extra == {"Tags": "doc"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("superseded by ADR-0012", ("superseded", "12")),
        ("Superseded by [13. Foo](0013-foo.md)", ("superseded", "13")),
        ("superseded by [ADR-0005](0005-example.md)", ("superseded", "5")),
        ("Accepted", ("accepted", None)),
        ("rejected <!-- optional -->", ("rejected", None)),
    ],
)
def test_status_normalisation(text, expected):
    data = f"# 7. Use queues\n\nDate: 2026-11-02\n\n## Status\n\n{text}\n\n## Context\n\nWhy.\n".encode()
    record = adr.parse(data, Path("0007-use-queues.md"))
    assert (record.status, record.superseded_by) == expected


@pytest.mark.parametrize(
    "value, key",
    [(12, "12"), ("0012", "12"), ("ADR-0012", "12"), ("#12", "12"), ("0012-x.md", "12"),
     ("docs/adr/0003-y.md#top", "3"), ("20200925-use-log4brains.md", "20200925-use-log4brains"),
     (True, None), (0, "0"), ("ADR-0000", "0"), (-1, None), ("[Graph API](#graph-api)", None),  # MADR's first is 0000
     ("../etc/passwd", None), ({"a": 1}, None)],
)
def test_references(value, key):
    assert adr.ref_key(value) == key


@pytest.mark.parametrize("value, number", [(7, 7), ("7", 7), ("P7", 7), ("P-0007", 7), ("p12", 12), ("Q7", None), ("P0", None)])
def test_prototype_references(value, number):
    assert adr.prototype_ref(value) == number


def _successor() -> adr.Decision:
    return adr.Decision(key="13", number=13, title="Use CockroachDB", status="proposed", status_raw="proposed",
                        superseded_by=None, date=None, path=Path("0013-use-cockroachdb.md"), form=MADR)


def _variants(name: str) -> list[bytes]:
    """The fixture as written, with CRLF line endings, and with a BOM and no final newline."""
    data = (FIXTURES / name).read_bytes()
    return [data, data.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + data.rstrip(b"\n")]


@pytest.mark.parametrize("variant", range(3))
def test_status_edit_on_madr_changes_only_status_and_date_lines(variant):
    before = _variants("0001-madr4-full.md")[variant]
    doc, record = load("0001-madr4-full.md", before)
    after = adr_edit.set_status(doc, record, "deprecated", "2026-11-27")
    eol = "\r\n" if variant == 1 else "\n"
    assert changed_lines(before, after) == [
        f"-status: accepted   # reviewed in the architecture guild{eol}",
        f"-date: 2026-10-01{eol}",
        f"+status: deprecated   # reviewed in the architecture guild{eol}",
        f"+date: 2026-11-27{eol}",
    ]
    assert after.startswith(b"\xef\xbb\xbf") == (variant == 2)
    assert after.endswith(b"Chosen option: \"PostgreSQL\", because the team runs it already." + (b"" if variant == 2 else eol.encode()))
    reread = adr.from_document(frontmatter.parse(after, "x.md"), record.path)
    assert (reread.status, reread.date, reread.extra) == ("deprecated", "2026-11-27", record.extra)


@pytest.mark.parametrize("variant", range(3))
def test_supersede_on_nygard_changes_only_the_status_line(variant):
    before = _variants("0005-nygard-links.md")[variant]
    doc, record = load("0005-nygard-links.md", before)
    after = adr_edit.mark_superseded(doc, record, _successor())
    eol = "\r\n" if variant == 1 else "\n"
    assert changed_lines(before, after) == [
        f"-Accepted{eol}",
        f"+Superseded by [13. Use CockroachDB](0013-use-cockroachdb.md){eol}",
    ]


def test_supersede_on_bullets_keeps_the_bullet_and_its_comment():
    before = (FIXTURES / "0003-madr2-bullets.md").read_bytes()
    doc, record = load("0003-madr2-bullets.md")
    after = adr_edit.mark_superseded(doc, record, _successor())
    assert changed_lines(before, after) == [
        "-* Status: accepted <!-- optional -->\n",
        "+* Status: superseded by [ADR-0013](0013-use-cockroachdb.md) <!-- optional -->\n",
    ]


def test_status_with_date_on_dash_bullets_and_nygard():
    before = (FIXTURES / "0004-madr-dash-bullets.md").read_bytes()
    doc, record = load("0004-madr-dash-bullets.md")
    assert changed_lines(before, adr_edit.set_status(doc, record, "accepted", "2026-11-27")) == [
        "-- Status: proposed\n", "+- Status: accepted\n", "-- Date: 2026-09-30\n", "+- Date: 2026-11-27\n",
    ]
    before = (FIXTURES / "0009-consequence-of.md").read_bytes()
    doc, record = load("0009-consequence-of.md")
    assert changed_lines(before, adr_edit.set_status(doc, record, "deprecated", "2026-11-27")) == [
        "-Accepted\n", "+Deprecated\n",
    ]


def test_links_are_added_in_each_form_and_only_once():
    target = _successor()
    doc, record = load("0001-madr4-full.md")
    before = doc.to_bytes()
    after = adr_edit.add_link(doc, record, "amended by", target)
    assert changed_lines(before, after) == [
        "-links: [{relation: amends, adr: 5}]\n",
        "+links: [{relation: amends, adr: 5}, {relation: amended by, adr: 13}]\n",
    ]
    doc2 = frontmatter.parse(after, "x")
    assert adr_edit.add_link(doc2, adr.from_document(doc2, record.path), "amended by", target) == after

    doc, record = load("0002-madr3-deciders.md")
    after = adr_edit.add_link(doc, record, "supersedes", target)
    assert changed_lines(doc.to_bytes(), after) == ["+supersedes: [13]\n"]

    doc, record = load("0005-nygard-links.md")
    after = adr_edit.add_link(doc, record, "relates to", target)
    assert after == doc.to_bytes().replace(
        b"(0004-madr-dash-bullets.md)\n",
        b"(0004-madr-dash-bullets.md)\n\nRelates to [13. Use CockroachDB](0013-use-cockroachdb.md)\n",
    )

    doc, record = load("0003-madr2-bullets.md")
    after = adr_edit.add_link(doc, record, "amended by", target)
    assert changed_lines(doc.to_bytes(), after) == ["+* Amended by [ADR-0013](0013-use-cockroachdb.md)\n"]


def test_block_list_gets_one_more_item_line():
    data = b"---\nstatus: proposed\nsupersedes:\n    - 3   # the old one\n# trailing comment\n---\n# T\n"
    doc = frontmatter.parse(data, "x.md")
    after = adr_edit.add_link(doc, adr.from_document(doc, Path("0009-t.md")), "supersedes", _successor())
    assert changed_lines(data, after) == ["+    - 13\n"]
    assert frontmatter.parse(after, "x.md").meta["supersedes"] == [3, 13]


@pytest.mark.parametrize("name", ["0006-not-a-mapping.md"])
def test_edits_refuse_what_they_cannot_edit_in_place(name):
    doc, record = load(name)
    with pytest.raises(DecisionbookError):
        adr_edit.set_status(doc, record, "accepted", None)


@pytest.mark.parametrize("path", READABLE, ids=lambda p: p.name)
def test_every_readable_fixture_reads_without_raising(path):
    record = adr.parse(path.read_bytes(), path, path.name)
    assert record.path == path and all(f.path == path.name for f in record.findings)


EDITABLE = [p.name for p in READABLE if p.name not in ("0006-not-a-mapping.md", "0011-no-title.md")]


@pytest.mark.parametrize("name", EDITABLE)
@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("edit", ["status", "supersede", "link"])
def test_every_edit_on_every_form_touches_at_most_its_own_lines(name, variant, edit):
    before = _variants(name)[variant]
    doc, record = load(name, before)
    if edit == "status":
        after = adr_edit.set_status(doc, record, "deprecated", "2026-11-27")
    elif edit == "supersede":
        after = adr_edit.mark_superseded(doc, record, _successor())
    else:
        after = adr_edit.add_link(doc, record, "amends", _successor())
    added = [line for line in changed_lines(before, after) if line.startswith("+")]
    # A last line without a line ending gains one when a line is appended after it; its text stays.
    kept = {line[1:].rstrip("\r\n") for line in added}
    removed = [line for line in changed_lines(before, after) if line.startswith("-") and line[1:] not in kept]
    assert len(removed) <= 2 and len(added) <= 5
    assert all(("tatus" in line or "Date" in line or "date" in line or "links" in line or line[1:].strip() in
                ("Accepted", "Proposed")) for line in removed)
    assert after.startswith(b"\xef\xbb\xbf") == (variant == 2)
    if variant == 1:
        assert b"\n" not in after.replace(b"\r\n", b"")
    reread = adr.from_document(frontmatter.parse(after, name), record.path, name)
    assert reread.title == record.title and reread.extra == record.extra
    if edit == "status":
        assert reread.status == "deprecated"
    elif edit == "supersede":
        assert (reread.status, reread.superseded_by) == ("superseded", "13")
    else:
        assert adr.Link("amends", "13", None) in [adr.Link(k.relation, k.target, None) for k in reread.links]


def test_a_multi_line_flow_list_is_refused_not_broken():
    data = b"---\nstatus: proposed\nsupersedes: [\n  3,\n]\n---\n# T\n"
    doc = frontmatter.parse(data, "x.md")
    with pytest.raises(DecisionbookError) as caught:
        adr_edit.add_link(doc, adr.from_document(doc, Path("0009-t.md")), "supersedes", _successor())
    assert caught.value.line == 3 and "by hand" in caught.value.message


@pytest.mark.parametrize("written", ["{YYYY-MM-DD when the decision was last updated}", "`dd/mm/YYYY`"])
def test_a_date_left_as_the_template_s_placeholder_is_named_so(written):
    record = adr.parse(f"# X\n\n- Status: proposed\n- Date: {written}\n".encode(), Path("0003-x.md"), "0003-x.md")
    assert record.date is None
    # A value written as code is named without its backticks, as it is read.
    assert [f.message for f in record.findings] == [
        f"date {written.strip('`')!r} is the template's placeholder; write the day"]


@pytest.mark.parametrize(("written", "status"), [
    ("> Accepted or Rejected", None), ("proposed/accepted/rejected", None), ("Proposed | Accepted | Rejected", None),
    ("Proposed, Accepted, Rejected, Deprecated, Superseded by ADRzzz", None),
    ("options: proposed, accepted, rejected, deprecated, superseded, ...", None),
    # One status, said with others of its meaning or a relation, and a history, are statuses.
    ("Accepted / Implemented", "accepted"), ("Proposed, Accepted", "proposed"),
    ("Accepted, amended by [ADR-3](0003-x.md)", "accepted"), ("Proposed | **Accepted** | Rejected", "accepted"),
    ("Deprecated / Superseded by [ADR-7](0007-seven.md)", "deprecated"), ("Accepted | Superseded by ADR-7", "accepted"),
    ("Superseded / Deprecated", "superseded"), ("Draft/Proposed", "draft"),
    ("proposed | rejected | accepted | deprecated | superseded by [ADR-0005](0005-example.md)", None),
])
def test_a_template_s_list_of_statuses_to_choose_from_is_no_status(written, status):
    record = adr.parse(f"# 2. X\n\n## Status\n\n{written}\n".encode(), Path("0002-x.md"), "0002-x.md")
    assert record.status == status
    assert any("is the template's list of choices" in f.message for f in record.findings) == (status is None)


def test_a_date_eleventy_computes_is_no_date_and_no_warning():
    record = adr.parse(b"---\nstatus: accepted\ndate: git Created\ntitle: 002 - Use Terraform\n---\n# X\n",
                       Path("002-terraform.md"), "002-terraform.md")
    assert (record.status, record.date, record.date_raw, record.findings) == ("accepted", None, "git Created", ())


@pytest.mark.parametrize("head", [
    "| Status | Date | Supersedes |\n|---|---|---|\n| Superseded | 2020-02-01 | [ADR-0001](0001-one.md) |\n",
    "**Status:** Superseded · **Supersedes:** [ADR-0001](0001-one.md)\n",
])
def test_a_superseded_status_beside_other_fields_takes_no_successor_from_them(head):
    record = adr.parse(f"# 2. Two\n\n{head}".encode(), Path("0002-two.md"), "0002-two.md")
    assert (record.status, record.superseded_by, record.supersedes) == ("superseded", None, ("1",))


@pytest.mark.parametrize("table", ["| Status | Meaning |\n|---|---|\n| Accepted | in force |\n",
                                   "| Date | Milestone |\n|---|---|\n| 2021-01-01 | go |\n"])
def test_a_table_of_columns_in_the_body_names_no_field(table):
    text = f"# 1. X\n\n## Context\n\n{table}\n## Status\n\nAccepted\n"
    record = adr.parse(text.encode(), Path("0001-x.md"), "0001-x.md")
    assert (record.status, record.status_line, record.date, record.findings) == ("accepted", 11, None, ())


def test_a_key_value_table_in_the_body_whose_first_pair_is_its_header_is_read():
    text = "# 1. X\n\n## Context\n\nWhy.\n\n## Metadata\n\n| Status | Accepted |\n|---|---|\n| Date | 2021-05-05 |\n"
    record = adr.parse(text.encode(), Path("0001-x.md"), "0001-x.md")
    assert (record.status, record.date) == ("accepted", "2021-05-05")
    history = ("# 1. X\n\n## Status\n\nAccepted\n\n## History\n\n| Date | Author | Change |\n|---|---|---|\n"
               "| 2025-06-11 | ana | First |\n")
    record = adr.parse(history.encode(), Path("0001-x.md"), "0001-x.md")
    assert (record.status, record.date, record.findings) == ("accepted", None, ())


def test_a_task_list_of_statuses_keeps_its_own_words_for_the_choice_checked():
    text = "# 1. X\n\n## Status\n\n- [x] Proposed\n- [ ] Approved\n- [ ] Obsolete\n"
    doc = frontmatter.parse(text.encode(), "0001-x.md")
    record = adr.from_document(doc, Path("0001-x.md"))
    after = adr_edit.set_status(doc, record, "accepted", None).decode()
    assert after == "# 1. X\n\n## Status\n\n- [ ] Proposed\n- [x] Approved\n- [ ] Obsolete\n"


def test_front_matter_that_says_superseded_takes_the_successor_its_status_section_names():
    text = ("---\ndate: 2026-05-01\nstatus: 대체됨\n---\n\n# ADR-0022: 게이트\n\n## 상태\n\n"
            "대체됨 (Superseded by ADR-0024) — 2026-05-04.\n\n## 맥락\n\nWhy.\n")
    record = adr.parse(text.encode(), Path("0022-gates.md"), "0022-gates.md")
    assert (record.status, record.superseded_by, record.findings) == ("superseded", "24", ())


@pytest.mark.parametrize(("text", "status", "date"), [
    ("---\nlast revised: 2022-05-16\n---\n# X\n\n## Status\n\nFinal\n", "accepted", "2022-05-16"),
    ("# X\n\n| Last revised | 2022-05-16 |\n|---|---|\n| Status | Undecided |\n", "proposed", "2022-05-16"),
])
def test_a_last_revised_date_and_more_status_words(text, status, date):
    record = adr.parse(text.encode(), Path("0012-x.md"), "0012-x.md")
    assert (record.status, record.date, record.findings) == (status, date, ())


def test_a_day_alone_on_its_line_under_the_title_is_the_date():
    text = "# 00003. Use gRPC\n\n2025-05-02\n\n## Status\n\nProposed\n\n## Context\n\nOn 2024-01-01 we met.\n"
    doc = frontmatter.parse(text.encode(), "00003-use-grpc.md")
    record = adr.from_document(doc, Path("00003-use-grpc.md"))
    assert (record.date, record.date_line) == ("2025-05-02", 3)
    after = adr_edit.set_status(doc, record, "accepted", "2026-11-30").decode()
    assert after == text.replace("2025-05-02", "2026-11-30").replace("Proposed", "Accepted")


def test_a_link_written_as_a_windows_path_without_its_extension_names_the_record():
    # adr-cli for .NET writes `[00004.Use gRPC](.\00004-use-grpc)`.
    text = "# 3. Use REST\n\n## Status\n\nSuperseded by [00004.Use gRPC](.\\00004-use-grpc)\n"
    record = adr.parse(text.encode(), Path("00003-use-rest.md"), "00003-use-rest.md")
    assert (record.status, record.superseded_by, record.findings) == ("superseded", "4", ())
