"""The user's own notebook in a Markdown report (a "case file"): stars, personal tags and notes.

A note is the user's Markdown and is kept as Markdown, inside a blockquote so that its headings
and lists stay inside the note instead of breaking the report's outline. Raw HTML is escaped
(a note may come from a colleague's notebook), except ``<https://...>`` autolinks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..notebook.items import Item
from ..notebook.snapshot import Snapshot

_HTML = re.compile(r"<(?!https?://[^\s<>]*>)")


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
        lines += ["**My note:**", ""] + [f"> {row}".rstrip() for row in _HTML.sub("&lt;", item.note).split("\n")]
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
