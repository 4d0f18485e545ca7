"""The user's own notebook in a Markdown report (a "case file"): stars, personal tags and notes.

A note is the user's Markdown and is kept as Markdown, inside a blockquote so that its headings
and lists stay inside the note instead of breaking the report's outline. A note may come from a
colleague's notebook, so ``escape_note`` escapes what would reach beyond it: raw HTML (except
``<https://...>`` autolinks), an image (fetched when the report is viewed), a link to anything but
the web, mail or a relative address ('javascript:'), and the '[' of a link reference definition ('[1]: https://...'),
which Markdown applies to the whole document: it would turn every "[1]" of the report's citations
into a link to its address, and its own line would vanish.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ..notebook.items import Item
from ..notebook.snapshot import Snapshot

_HTML = re.compile(r"<(?!https?://[^\s<>]*>)")
# A line's container markers (blockquote '>', list item '-', '+', '*', '1.', '1)') and indentation,
# then '[': where a paragraph, and so a link reference definition, could start with a label.
_OPENING = re.compile(r"(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*\[")
_BRACKETS = re.compile(r"\\.|[\[\]]", re.DOTALL)  # a backslash escape (skipped), or a bracket
_LINE_END = re.compile(r"\r\n|\r|\n")  # every line end Markdown knows
# A received note's links and images (a security trial): an image is fetched wherever the report is viewed,
# so its '!' is escaped (a link to it stays); a link whose address is not plainly the web's, mail's or a
# relative one ('javascript:', 'file:', 'jav&#x61;script:') has its '(' escaped: the text stays, no link.
_IMAGE = re.compile(r"\\.|!\[", re.DOTALL)  # an escape, kept ('\\![': a backslash, then an image), or an image
_DESTINATION = re.compile(r"\]\(([ \t]*\n?[ \t]*<?)([^\s)>]*)")
_SAFE = re.compile(r"(?:https?://|mailto:)\S*|[A-Za-z0-9._~/#?=%+-]*", re.IGNORECASE)


def _link(match: re.Match[str]) -> str:
    return match.group() if _SAFE.fullmatch(match.group(2)) else "]\\(" + match.group()[2:]


def escape_note(note: str) -> list[str]:
    """A note's Markdown as lines, kept as written but for raw HTML ('<' written '&lt;') and the '['
    that would start a link reference definition (written '\\['): nothing in a note can change the
    rest of the report."""
    text = _HTML.sub("&lt;", _LINE_END.sub("\n", note))
    text = _IMAGE.sub(lambda m: "\\![" if m.group() == "![" else m.group(), _DESTINATION.sub(_link, text))
    starts = _definitions(text)
    if starts:
        text = "".join(text[i:j] + "\\" for i, j in pairwise([0, *starts])) + text[starts[-1] :]
    return text.split("\n")


def _definitions(text: str) -> list[int]:
    """Where ``text`` has a '[' that opens a line (after its container markers) and whose label closes
    with ']:' (a label holds no bracket that is not escaped, and may run over lines): a link reference
    definition's, or a footnote's ('[^1]:'). In one pass, however many lines open with '['."""
    openings = set()
    position = 0
    for line in text.split("\n"):
        if (opening := _OPENING.match(line)) is not None:
            openings.add(position + opening.end() - 1)
        position += len(line) + 1
    brackets = [m.start() for m in _BRACKETS.finditer(text) if len(m.group()) == 1]
    # From the last: a '[' escaped is no longer a bracket, so the '[' before it may now close its
    # label at the same ']:' ('[' over '[1]: x' is a definition once the second is escaped).
    starts, following = [], None
    for at in reversed(brackets):
        if at in openings and following is not None and text[following : following + 2] == "]:":
            starts.append(at)
        else:
            following = at
    return starts[::-1]


def item_lines(item: Item | None) -> list[str]:
    """Lines to append under an item: a list of the star and tags, then the note; [] for none."""
    if item is None or item.empty:
        return []
    marks = []
    if item.starred:
        marks.append("- **Starred** in my notebook")
    if item.tags:
        marks.append(f"- **My tags:** {', '.join(f'`{tag}`' for tag in item.tags)}")
    lines = [*marks, ""] if marks else []
    if item.note.strip():
        lines += ["**My note:**", ""] + [f"> {row}".rstrip() for row in escape_note(item.note)]
        lines.append("")
    return lines


def others_section(annotations: Snapshot, name_of: Callable[[tuple[str, str]], str | None]) -> list[str]:
    """Marked actors and sources, and marked items the dataset no longer has (orphaned), which a
    report of events does not show otherwise; ``names`` gives each item in the dataset its
    name or title, already escaped (None: orphaned). Events and quotes outside the report are not
    listed: the report's query left them out."""
    names = {item.key: name_of(item.key) for item in annotations}
    rest = [i for i in annotations if not i.empty and (i.kind in ("actor", "source") or names[i.key] is None)]
    if not rest:
        return []
    lines = ["## Also in my notebook", ""]
    for item in sorted(rest, key=lambda i: (i.kind, i.id)):
        label = names.get(item.key)
        title = f"{item.kind} `{item.id}`" + (f": {label}" if label else " (no longer in the dataset)")
        lines += [f"### {title}", "", *item_lines(item)]
    return lines
