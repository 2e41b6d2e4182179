"""The form a folder's ADRs already have, so a new record is named and written the same way."""

from collections import Counter
from collections.abc import Callable

from toolkit.records.adr import BULLETS, NYGARD, Decision
from toolkit.records.adr_words import DATED_FILE, is_slug_record, numbered_file
from toolkit.records.named import named
from toolkit.workspace import Workspace

TEMPLATES = ("madr", "nygard", "log4brains")


@named
class FolderForm:
    """How new records in a folder are named and which template writes them."""

    template: str  # madr | nygard | log4brains | a path; nygard is written in reStructuredText as `.rst`
    prefix: str = ""  # `ADR-` in `ADR-0012-x.md`
    width: int = 4  # digits, zero padded
    separator: str = "-"
    extension: str = "md"
    # Names without a number: "date" (`2021-03-04-slug.md`), "compact date" (log4brains' `20210304-slug.md`)
    # or "slug" (`slug.md`); "" for numbered names.
    unnumbered: str = ""
    joint: str = "-"  # between a dated name's date and its slug: `-`, `_` (`20160720_x.md`) or ` - `

    def name(self, number: int, slug: str) -> str:
        return f"{self.prefix}{number:0{self.width}d}{self.separator}{slug}.{self.extension}"

    def unnumbered_name(self, day: str, slug: str) -> str:
        """The name of a record made on *day* (YYYY-MM-DD) in a folder whose names have no number."""
        dates = {"date": day, "compact date": day.replace("-", "")}
        stem = f"{dates[self.unnumbered]}{self.joint}{slug}" if self.unnumbered in dates else slug
        return f"{stem}.{self.extension}"


def _most(counter: Counter, default):
    return counter.most_common(1)[0][0] if counter else default


def folder_form(ws: Workspace, names: list[str], recent: Callable[[], list[Decision]], template: str | None) -> FolderForm:
    """The form for a new record: *template* when given, else decisionbook.toml's, else the folder's own.

    An adr-tools folder (`.adr-dir`, or Nygard records) gets Nygard records; a log4brains folder
    (`YYYYMMDD-` names, or `.log4brains.yml`) gets dated MADR 2 records; an empty folder gets MADR 4.
    A folder of dated names gets a dated name, written as most of them are; a folder of names that
    are slugs alone, a slug alone.
    Names keep the folder's prefix, number width, separator and extension (*names* are the
    folder's record file names). *recent* reads the last few records, whose forms decide the
    template when nothing else does.
    """
    parsed = [(name, numbered_file(name)) for name in names]
    numbered = [n for _, n in parsed if n]
    matches = [match for match in map(DATED_FILE.match, names) if match]
    dated = [match.group(2) for match in matches]  # the separator in each date
    joint = _most(Counter(match.string[match.end(1) : match.start(3)] for match in matches), "-")
    compact = dated.count("")
    chosen = template or ws.config.adr_template
    extension = _extension(names)
    if chosen is None and extension == "rst":
        chosen = "nygard"  # the one form decisionbook writes in reStructuredText (templates/nygard.rst)
    if chosen is None:
        forms = Counter(r.form for r in recent())
        if (ws.root / ".log4brains.yml").is_file() or (compact and compact >= len(numbered)):
            chosen = "log4brains"
        elif (ws.root / ".adr-dir").is_file() or _most(forms, None) == NYGARD:
            chosen = "nygard"
        elif _most(forms, None) == BULLETS:
            chosen = "log4brains"  # MADR 2 bullets, named like the folder's other records
        else:
            chosen = "madr"
    if chosen.lower().endswith(".rst"):
        extension = "rst"
    elif extension == "rst" and chosen != "nygard":
        extension = "md"  # a Markdown template writes a Markdown file, whatever the folder's others are
    if not numbered or len(dated) > len(numbered):  # a folder of dated names, with a draft `00000000_x.md`
        if dated:
            style = "compact date" if 2 * compact >= len(dated) else "date"
        elif names and all(map(is_slug_record, names)):
            style = "slug"
        else:
            style = "compact date" if chosen == "log4brains" and not names else ""
        return FolderForm(chosen, unnumbered=style, extension=extension, joint=joint)
    # A zero-padded folder writes its padding; an unpadded one (`1-x.md`, `12-x.md`) writes none.
    padded = Counter(
        len(digits) for digits in (_digits(name, n[0]) for name, n in parsed if n) if digits.startswith("0") and len(digits) > 1
    )
    width = _most(padded, 1)
    separators = Counter(sep[:1] or "-" for _, _, sep, _ in numbered)
    return FolderForm(
        chosen,
        prefix=_most(Counter(prefix for prefix, _, _, _ in numbered), ""),
        width=width,
        separator=_most(separators, "-"),
        extension=extension,
    )


def _digits(name: str, prefix: str) -> str:
    """The number of a numbered record's file name as written: `0012` in `ADR-0012-x.md`."""
    rest = name[len(prefix) :]
    return rest[: len(rest) - len(rest.lstrip("0123456789"))]


def _extension(names: list[str]) -> str:
    return _most(Counter(name.rsplit(".", 1)[-1] for name in names), "md")
