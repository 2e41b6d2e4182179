"""`decide adr renumber`: give an ADR a free number and rewrite every link to it, line by line."""

from __future__ import annotations

import contextlib
import os
import re
import shlex
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from toolkit.actions.adrs import adr_files, team_folder
from toolkit.actions.numbering import number_of, taken_numbers
from toolkit.errors import DecisionbookError
from toolkit.records import adr, atomic, frontmatter, prototype
from toolkit.records.adr import file_key
from toolkit.records.adr_edit import link_target
from toolkit.records.adr_words import adornment, is_rst, record_name, renumbered_name, title_number_span
from toolkit.records.files import locked, remove_stale_locks, require_writable
from toolkit.workspace import Workspace

# Markdown's `[text](target)`, reStructuredText's `` `text <target>`_ ``, Sphinx's :doc:`target` or
# :doc:`text <target>` and a wiki's `[[target|text]]`, whose targets have no extension.
_LINK = re.compile(r"\[(?P<md>[^\[\]]*)\]\((?P<md_to><[^<>\n]+>|\{\{[<%][^{}\n]*?[>%]\}\}|[^()\s]+)\)"
                   r"|`(?P<rst>[^`<]*)<(?P<rst_to>[^<>\s`]+)>`(?P<end>__?)"
                   r"|:doc:`(?:(?P<doc>[^`<]*)<(?P<doc_to>[^<>\s`]+)>|(?P<doc_only>[^`<]+))`"
                   r"|\[\[(?P<wiki_to>[^\[\]|#\n]+)(?P<wiki_rest>[^\[\]\n]*)\]\]"
                   r"|^(?P<def>[ ]{0,3}\[[^\[\]]+\]:[ \t]*<?)(?P<def_to>[^\s<>]+)")  # `[ADR-001]: 001-x.md`
_REF_KEYS = ("supersedes", "links", "status")
_HUGO_REF = re.compile(r'(\{\{[<%]\s*(?:rel)?ref\s+")([^"\n]+)("\s*[>%]\}\})')  # `{{< ref "0003-x.md" >}}`


@dataclass(frozen=True)
class Renumbered:
    old: str
    new: str
    rewritten: tuple[str, ...]
    warnings: tuple[str, ...]
    cards: tuple[str, ...] = ()  # prototype cards whose `decisions:` now list the new number


def _target(workspace: Workspace, which: str, files: list[Path]) -> Path:
    """The file *which* names: a number (`7`, `0007`, `ADR-0007`) or, for a shared number, a file name."""
    name = which.rsplit("/", 1)[-1]
    if name.endswith((".md", ".markdown", ".qmd", ".rst")):
        named = [path for path in files if path.name == name]
        if len(named) > 1 and "/" in which:  # one name in two folders: the folders given tell them apart
            tail = "/" + which.strip().removeprefix("./")
            named = [path for path in named if path.as_posix().endswith(tail)]
        if len(named) > 1:
            shown = ", ".join(workspace.relative(path) for path in named)
            raise DecisionbookError(f"{name} names {shown}; name the file to renumber with its folder, "
                                    f"e.g. {workspace.relative(named[-1])}")
        if named:
            return named[0]
        raise DecisionbookError(f"no ADR file {name} in {workspace.relative(workspace.adr_dir)}/")
    key = adr.ref_key(which)
    if key is None or not key.isdigit():
        raise DecisionbookError(f"{which!r} is not an ADR number or file name")
    matches = [p for p in files if number_of(p.name) == int(key)]
    if not matches:
        raise DecisionbookError(f"no ADR {key} in {workspace.relative(workspace.adr_dir)}/")
    if len(matches) > 1:
        names = ", ".join(p.name for p in matches)
        raise DecisionbookError(f"ADR {key} is shared by {names}; name the file to renumber, e.g. {matches[-1].name}")
    return matches[0]


def _as_wide(number: int, digits: str) -> str:
    """*number* written as wide as *digits* were (`007` -> `012`, `7` -> `12`)."""
    return str(number).zfill(len(digits))


def _retarget_links(line: str, old_name: str, new_name: str, old: int, new: int,
                    across: tuple[Path, Path, bool] | None = None) -> str:
    """*line* with links to *old_name* pointing at *new_name*, their `N.`/`ADR-N` text too; with *across*, (the
    folder of the page *line* is in, the folder of the renamed file, whether the page is of another series), not
    those whose relative path leads elsewhere, and from another series only those whose path leads there."""
    old_stem, new_stem = old_name.rsplit(".", 1)[0], new_name.rsplit(".", 1)[0]

    def renumbered(text: str) -> str:
        text = re.sub(rf"^0*{old}$", lambda m: _as_wide(new, m.group(0)), text)  # an index's `[0002](...)`
        text = re.sub(rf"^{old}\.(?=\s)", f"{new}.", text)
        return re.sub(rf"(?i)\b(ADR[-_ ]?)(0*{old})\b", lambda m: m.group(1) + _as_wide(new, m.group(2)), text)

    def swap(match: re.Match) -> str:
        found = match.groupdict()
        target = (found["md_to"] or found["rst_to"] or found["doc_to"] or found["doc_only"] or found["wiki_to"]
                  or found["def_to"])
        # A name that holds spaces is linked between angle brackets or escaped (`0003%20x.md`), and stays so.
        angled = found["md_to"] is not None and target.startswith("<")
        hugo = _HUGO_REF.fullmatch(target) if found["md_to"] is not None else None
        path, hash_, anchor = (hugo.group(2) if hugo else target[1:-1] if angled else target.strip()).partition("#")
        folder, _, name = path.rpartition("/")
        escaped = found["md_to"] is not None and not angled and "%" in name
        if escaped:
            name = unquote(name)
        if name == old_name:
            name = link_target(new_name) if escaped else new_name
        elif name == old_stem and found["md_to"] is None and found["rst_to"] is None:
            name = new_stem  # Sphinx and wikis name the page without its extension
        else:
            return match.group(0)
        if across is not None and os.path.normpath(across[0] / folder) != os.path.normpath(across[1]):
            # `../global/0003-x.md` from a team's record is another team's record of the moved one's name.
            if across[2] or folder and not folder.startswith("/") and "://" not in folder:
                return match.group(0)
        target = (folder + "/" if folder else "") + name + hash_ + anchor
        if found["def_to"]:
            return found["def"] + target  # the label stays: the text refers to the link by it
        if found["wiki_to"]:
            heading, bar, text = found["wiki_rest"].partition("|")
            return f"[[{target}{heading}{bar}{renumbered(text)}]]"
        text = found["md"] if found["md_to"] else found["rst"] if found["rst_to"] else found["doc"]
        if text is not None:
            text = renumbered(text)
        if hugo:
            return f"[{text}]({hugo.group(1)}{target}{hugo.group(3)})"
        if found["md_to"]:
            return f"[{text}](<{target}>)" if angled else f"[{text}]({target})"
        if found["rst_to"]:
            return f"`{text}<{target}>`{found['end']}"
        return f":doc:`{text}<{target}>`" if text is not None else f":doc:`{target}`"

    return _LINK.sub(swap, line)


def _retarget_number(line: str, old: int, new: int) -> str:
    """A front-matter line with numeric references to ADR *old* (`7`, `0007`, `ADR-0007`, `#7`) made *new*."""
    name, colon, value = line.partition(":")
    if not colon:
        name, value = "", line

    def swap(match: re.Match) -> str:
        return (match.group(1) or "") + _as_wide(new, match.group(2))

    value = re.sub(rf"(?<![\w.-])((?:ADR[-_ ]?|#)?)(0*{old})(?![\w.])", swap, value, flags=re.IGNORECASE)
    return f"{name}{colon}{value}" if colon else value


def _references(decision: adr.Decision) -> list[tuple[str, str]]:
    refs = [("supersedes", k) for k in decision.supersedes]
    refs += [(link.relation, link.target) for link in decision.links]
    if decision.superseded_by:
        refs.append(("superseded by", decision.superseded_by))
    return sorted(refs)


def _rewrite(path: Path, old_name: str, new_name: str, old: int, new: int, numeric: bool,
             across: tuple[Path, Path, bool] | None = None) -> bytes | None:
    """The new bytes of ADR *path* with its references to the renumbered ADR updated, or None if unchanged.

    Numeric front-matter references are rewritten only when *numeric* (the old number was not
    shared); links only as *across* says (see _retarget_links); every edit is checked by reading the file back.
    """
    doc, before = adr.read(path)
    lines = list(doc.lines)
    spans = []
    if numeric and doc.has_front_matter and isinstance(doc.meta, dict):
        spans = [frontmatter.key_span(doc, key) for key in _REF_KEYS]
    in_front = {i for span in spans if span for i in range(*span)}
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        edited = _retarget_links(body, old_name, new_name, old, new, across)
        if index in in_front:
            edited = _retarget_number(edited, old, new)
        lines[index] = edited + ending
    if lines == list(doc.lines):
        return None
    data = doc.to_bytes(lines)
    after = _references(adr.parse(data, path))
    if numeric:
        expected = sorted((rel, str(new) if key == str(old) else key) for rel, key in _references(before))
    else:
        # Only links by file name changed: each reference gone was to the old number and came back as the new.
        # Compared as changes, not whole lists: another team's records may rightly refer to their own number new.
        kept, now = Counter(_references(before)), Counter(after)
        after = sorted((now - kept).elements())
        expected = sorted((rel, str(new) if key == str(old) else key) for rel, key in (kept - now).elements())
    if after != expected:
        raise DecisionbookError(
            f"cannot rewrite the references to {old_name} safely; nothing was changed. Edit them by hand", path
        )
    return data


def _rewrite_page(path: Path, old_name: str, new_name: str, old: int, new: int,
                  across: tuple[Path, Path, bool]) -> bytes | None:
    """A page that is not an ADR (the folder's README index, a Sphinx index) with its links retargeted."""
    doc = frontmatter.read(path)
    lines = list(doc.lines)
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        lines[index] = _retarget_links(body, old_name, new_name, old, new, across) + line[len(body) :]
    return None if lines == list(doc.lines) else doc.to_bytes(lines)


def _other_pages(workspace: Workspace, files: list[Path], team: Path | None) -> list[Path]:
    """The pages beside the records that are not records: the ADR folder's, and the moved record's *team* folder's."""
    folders = (workspace.adr_dir, team) if team is not None else (workspace.adr_dir,)
    return sorted(p for folder in folders for pattern in ("*.md", "*.qmd", "*.rst") for p in folder.glob(pattern)
                  if p not in files and p.is_file())


def _card_edits(workspace: Workspace, old: int, new: int, shared: bool,
                held: contextlib.ExitStack) -> tuple[dict[Path, bytes], list[str]]:
    """The prototype cards that list ADR *old* in `decisions:`, each with its new bytes listing *new* instead, read
    and kept under its lock in *held*; and a warning for each card left as it was: where the number is *shared* by
    another record, which of them the card means only its owner can tell."""
    from toolkit.actions.prototypes import read_cards

    listing = sorted((card.path for card in read_cards(workspace).cards if old in card.decisions))
    if shared:
        return {}, [f"{workspace.relative(path)} lists ADR {old} in decisions:; update it if it means the "
                    "renumbered ADR" for path in listing]
    edits, warnings = {}, []
    for path in listing:
        held.enter_context(locked(path, workspace.relative(path)))
        doc = frontmatter.read(path, workspace.config.max_file_bytes, workspace.root)
        data = prototype.with_decision_renumbered(doc, old, new)
        if data is not None:
            edits[path] = data
        elif old in prototype.from_document(doc).decisions:
            warnings.append(f"{workspace.relative(path)} lists ADR {old} in decisions: in a form this cannot "
                            f"rewrite; change it to {new} by hand")
    return edits, warnings


def _answered(path: Path, siblings: list[Path]) -> dict[str, bool]:
    """For each ADR key the moved record or its number-sharing *siblings* relate to: whether only the moved one does.

    A bare number shared by two files is read as the one that records the relation back.
    """
    def keys(file: Path) -> set[str]:
        try:
            return {key for _, key in _references(adr.read(file)[1])}
        except DecisionbookError:
            return set()

    mine = keys(path)
    theirs = set().union(*map(keys, siblings)) if siblings else set()
    return {key: key not in theirs for key in mine | theirs}


def _listed(workspace: Workspace, which: str) -> tuple[list[Path], Path]:
    """The ADR files of the workspace and the one *which* names, refused when it is kept as a folder."""
    files = adr_files(workspace.adr_dir)
    key = adr.ref_key(which)
    for page in files:
        if page.name != record_name(page) and key == str(number_of(record_name(page))):
            raise DecisionbookError(f"ADR {key} is kept as a folder ({workspace.relative(page.parent)}/); "
                                    "renumbering renames record files, so rename the folder and the links to "
                                    "it by hand")
    return files, _target(workspace, which, [p for p in files if number_of(p.name) is not None])


def renumber_adr(workspace: Workspace, which: str, new: int) -> Renumbered:
    """Rename ADR *which* to number *new* and rewrite the links to it in every other ADR.

    Refuses a number used in the working tree or on any branch. When two files share the old
    number (after a merge), a bare number is rewritten only in an ADR that the moved record
    relates back to (and its namesake does not); markdown links by file name are always
    rewritten, and every other bare reference is reported instead. A record of a team folder (ADR 0129)
    is counted, and referred to by name or number, in its team's series alone: other teams' records
    and pages are rewritten only where a link's path leads to it.
    """
    folder = workspace.adr_dir
    with atomic.folder_lock(folder) if folder.is_dir() else contextlib.nullcontext(), contextlib.ExitStack() as held:
        # Listed under the folder's lock, which `adr new` holds until its links are written: a record
        # made meanwhile is listed and its links rewritten too.
        files, path = _listed(workspace, which)
        team = team_folder(workspace, path)
        if team is not None:
            # `adr new` run in a team's folder, its workspace, locks that folder alone: it is locked here too,
            # after the ADR folder and before any record, as they are taken everywhere, and the records listed
            # again, so a number taken meanwhile in the team's series is seen.
            held.enter_context(atomic.folder_lock(team))
            files, listed = _listed(workspace, which)
            if listed != path:
                raise DecisionbookError(f"{workspace.relative(path)} was renamed while this waited for its folder; "
                                        "run the command again")
        old = number_of(path.name)
        if old == new:
            raise DecisionbookError(f"{path.name} already has number {new}")
        new_path = path.with_name(renumbered_name(path.name, new))
        remove_stale_locks(folder)
        pages = _other_pages(workspace, files, team)
        # Every file this may rewrite stays locked until done, taken in one order so two never deadlock.
        # The record's own lock names the command that finishes the work, should this process end first: by
        # the file's path where another folder holds its name, as `decide check` names it.
        named = workspace.relative(path) if [p.name for p in files].count(path.name) > 1 else path.name
        again = f"decide adr renumber {shlex.quote(named)} --to {new}"
        for page in sorted({*files, *pages}):
            held.enter_context(locked(page, task=again if page == path else None))
        # A team folder's records are numbered apart from the others' (ADR 0129), as `decide check` counts them.
        if new in taken_numbers(workspace.root, team or folder):
            raise DecisionbookError(f"number {new} is already used (here or on a branch); pick a free one")

        def across(page: Path) -> tuple[Path, Path, bool]:
            """Where *page*'s links must lead, and whether it is of another series than the moved record's: another
            team names the record by its path into the team's folder (ADR 0129)."""
            return page.parent, path.parent, team_folder(workspace, page) != team

        siblings = [p for p in files if number_of(p.name) == old and p != path and not across(p)[2]]
        answered = _answered(path, siblings)
        edits: dict[Path, bytes] = {}
        warnings = []
        for other in files:
            if other == path:
                continue
            if (leads := across(other))[2]:
                data = _rewrite(other, path.name, new_path.name, old, new, numeric=False, across=leads)
                if data is not None:
                    edits[other] = data
                continue
            means_moved = not siblings or answered.get(file_key(other.name)) is True
            data = _rewrite(other, path.name, new_path.name, old, new, numeric=means_moved, across=leads)
            if data is not None:
                edits[other] = data
            if not means_moved:
                decision = adr.read(other)[1] if data is None else adr.parse(data, other)
                if any(key == str(old) for _, key in _references(decision)):
                    warnings.append(
                        f"{workspace.relative(other)} refers to ADR {old} by number, which two files shared; "
                        "check which one it means"
                    )
        for page in pages:
            data = _rewrite_page(page, path.name, new_path.name, old, new, across(page))
            if data is not None:
                edits[page] = data
                warnings.append(f"{workspace.relative(page)}: links updated; run `decide adr index` if it holds the index table")
        # Cards are locked after every record: no command takes a record's lock while it holds a card's.
        shared = any(number_of(record_name(p)) == old for p in files if p != path)
        cards, card_warnings = _card_edits(workspace, old, new, shared, held)
        warnings += card_warnings
        own = _renumber_title(path, old, new)
        if new_path.exists():
            raise DecisionbookError("already exists", workspace.relative(new_path))
        for target in (path, *edits, *cards):  # refused now, not halfway through the renaming
            require_writable(target)
        # The links first, the rename last: until the rename, running the same command again finishes the work.
        for other, data in (*edits.items(), *cards.items()):
            atomic.replace(other, data)
        if own is not None:
            atomic.replace(path, own)
        os.rename(path, new_path)
    return Renumbered(
        workspace.relative(path), workspace.relative(new_path),
        tuple(workspace.relative(p) for p in edits), tuple(warnings), tuple(workspace.relative(p) for p in cards),
    )


def _renumber_title(path: Path, old: int, new: int) -> bytes | None:
    """The file with its numbered title (`# 7. Title`, `# ADR-007: Title`, `title: "ADR 7: Title"` in
    front matter, `0007 Title` over `=====`) given *new*, as wide as it was written; None when the
    title holds no number. A reStructuredText title's lines grow with it."""
    doc, decision = adr.read(path)
    if decision.title_line is None:
        return None
    index = decision.title_line - 1
    lines = list(doc.lines)
    line = lines[index]
    start = _TITLE_START.match(line).end()
    span = title_number_span(line[start:])
    if span is None or int(line[start + span[0] : start + span[1]]) != old:
        return None
    begin, end = start + span[0], start + span[1]
    edited = line[:begin] + _as_wide(new, line[begin:end]) + line[end:]
    lines[index] = edited
    text = edited.rstrip("\r\n")
    rule = lines[index + 1] if index + 1 < len(lines) else ""
    if is_rst(path) and adornment(rule) and len(rule.rstrip("\r\n")) < len(text):
        widened = rule[0] * len(text) + rule[len(rule.rstrip("\r\n")) :]
        if index > 0 and lines[index - 1] == rule:  # the same line over the title
            lines[index - 1] = widened
        lines[index + 1] = widened
    return doc.to_bytes(lines)


# What comes before a title's own words on its line: a Markdown heading's marks, a front-matter key.
_TITLE_START = re.compile(r"""[ \t]*(?:#+[ \t]+|title[ \t]*[:=][ \t]*["']?)?""")
