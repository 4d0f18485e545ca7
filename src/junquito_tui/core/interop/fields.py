"""Reading text out of a foreign file's fields: any JSON type, HTML, control characters, placeholders,
line breaks where our format wants one line, and lengths over our limits.

Each problem becomes a located warning; what cannot be used becomes empty text. Nothing here
refuses a file: what our format would refuse is mended, and the warning says how.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from ..lookalike import skeleton
from ..problems import json_kind
from ..records import LINE_MAX, TEXT_MAX
from ..text import CONTROL, FILE_ID_LINE, has_control, one_line
from .html_text import HtmlText, html_to_text
from .notes import Notes

# A whole field that is one template's token ('{{headline}}', '[[Text]]', '${title}'; not '{{cite}} Troops entered
# ... {{/cite}}' or '[[Óscar Pérez]] killed in [[El Junquito]]', text between tokens) or its sample words ('Lorem
# ipsum dolor sit amet...'; not 'Lorem ipsum, a report on filler text')
_PLACEHOLDER = re.compile(
    r"(?:(?:\{\{[^{}]*\}\}|\[\[[^\[\]]*\]\]|<%(?:(?!%>).)*%>|\$\{[^{}]*\})\s*)+|lorem ipsum(?:[\s.…]*|\s+dolor\b.*)",
    re.IGNORECASE | re.DOTALL,
)
_LINE_BREAK = re.compile(r"[\r\n\t\u2028\u2029]")  # \r: a classic Mac file's line break in a cell
FOLDED = "line breaks or tabs in a one-line field (a title, a name, a place) replaced by spaces"
# The placeholder words of each field of a TimelineJS slide (a sheet's row read as one) whose template shows one
_FIELD_WORDS = {
    ".headline": {"headline", "title", "tbd", "todo", "your headline here", "headline goes here"},
    ".text": {"text", "tbd", "todo", "your text here", "text goes here", "add your text here"},
    ".caption": {"caption", "media caption"},
    ".credit": {"credit", "media credit"},
    ".url": {"media"},
}
_PLACEHOLDER_WORDS = frozenset().union(*_FIELD_WORDS.values())  # (in any field: ACLED's notes, the fast tests)
_LONGEST_WORD = max(map(len, _PLACEHOLDER_WORDS))

_PREFIX = slice(0, _LONGEST_WORD + 1)  # as long as a word, and one more: a longer text is no word


# Printable to str.isprintable, yet refused as a control by our format: the Hangul fillers (letters).
_FILLER_CHARACTERS = ("\u115f", "\u1160", "\u3164", "\uffa0")


def plain_lines(texts: list[str], limit: int = LINE_MAX) -> list[bool]:
    """Whether ``FieldReader.line`` would give each text back as it is, saying nothing: a fast test for
    the text of a row's own (a place with its coordinates), a column at a time, each test one ``map``
    run by C. ``isprintable`` refuses every control, line break, tab, noncharacter and bidirectional
    control, and every space but ' ' (so ' ' is the only character ``one_line`` would fold); the
    fillers it takes for letters are asked apart."""
    tests = (
        map(operator.le, map(len, texts), repeat(limit)),
        map(str.isprintable, texts),
        map(operator.not_, map(operator.contains, texts, repeat("  "))),
        map(operator.not_, map(str.startswith, texts, repeat(" "))),
        map(operator.not_, map(str.endswith, texts, repeat(" "))),
        without_fillers(texts),
        not_placeholders(texts),
    )
    return list(map(all, zip(*tests, strict=True)))


def without_fillers(texts: list[str]) -> Iterator[bool]:
    """Whether each text is free of the fillers (``in``: no time at all for text without a character
    beyond U+00FF, which cannot hold one)."""
    found = [map(operator.contains, texts, repeat(filler)) for filler in _FILLER_CHARACTERS]
    return map(operator.not_, map(any, zip(*found, strict=True)))


def not_placeholders(texts: list[str]) -> Iterator[bool]:
    """``not _placeholder(text)`` for each (stripped) text: the placeholder words are at most
    ``_LONGEST_WORD`` long, so only so many characters of each need lowercasing to know."""
    heads: Iterator[str] = map(operator.getitem, texts, repeat(_PREFIX))
    words = map(_PLACEHOLDER_WORDS.__contains__, map(str.lower, heads))
    return map(operator.not_, map(operator.or_, map(bool, map(_PLACEHOLDER.fullmatch, texts)), words))


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is a template's unfilled placeholder ('{{text}}', 'Lorem ipsum ...', 'Headline')."""
    return _placeholder(text.strip())


def _placeholder(stripped: str) -> bool:
    # A long text is no placeholder word: it is not lowercased to find that out (a summary each row).
    placeholder = len(stripped) <= _LONGEST_WORD and stripped.lower() in _PLACEHOLDER_WORDS
    return placeholder or _PLACEHOLDER.fullmatch(stripped) is not None


_FILE_ID = skeleton(FILE_ID_LINE)
FROM_FILE = "(in the file's text) "
FILE_ID_SAID = (
    f"text with a line written as the importer's own {FILE_ID_LINE.strip()!r} line: marked {FROM_FILE.strip()!r}, so "
    "that no citation or id: search takes it for the id the file gives"
)


def short(text: str) -> str:
    """A value quoted in a warning: on one line, at most 50 characters."""
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")


@dataclass
class FieldReader:
    notes: Notes

    def string(self, value: Any, path: str) -> str | None:
        """Text from a field that should hold text: numbers are accepted, other types ignored."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.notes.add(path, f"expected text, found {json_kind(value)}; ignored")
            return None
        return str(value)

    def clean(self, text: str, path: str) -> str:
        """Without control characters; '' for an unfilled template placeholder: a token ('{{text}}') or
        sample words anywhere, a word ('Headline', 'Media') only in the field of the template that shows it
        (a trial: a Group of 'Media', 62 rows, and a headline 'Media' were dropped as placeholders)."""
        text = self.without_controls(text, path)
        stripped = text.strip()
        words = _FIELD_WORDS.get(path[path.rfind(".") :], ())
        if _PLACEHOLDER.fullmatch(stripped) or (len(stripped) <= _LONGEST_WORD and stripped.lower() in words):
            self.notes.add(path, f"{short(text)} looks like an unfilled template placeholder; ignored")
            return ""
        maybe = not text.isascii() or "file" in text.lower()  # (a cheap test first: most text is neither)
        if maybe and any(skeleton(line).startswith(_FILE_ID) for line in text.split("\n")):
            # a line as the importer writes of an id it changed, which search's id: and citations read (a re-trial:
            # 'cite' gave an 'Id in the file' a cell wrote): marked as the file's words
            self.notes.group(FILE_ID_SAID, path)
            text = "\n".join(
                FROM_FILE + line.lstrip(" \t") if skeleton(line).startswith(_FILE_ID) else line
                for line in text.split("\n")
            )
        return text

    def without_controls(self, text: str, path: str) -> str:
        """``text`` with its line ends made newlines and control characters removed (said), nothing else changed."""
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if has_control(text):
            self.notes.group(
                "control characters, noncharacters and bidirectional overrides removed (they would reach the "
                "terminal as escape codes, or reorder the text)",
                path,
            )
            text = CONTROL.sub("", text)
        return text

    def line(self, text: str, path: str, limit: int = LINE_MAX) -> str:
        """Clean text on one line (line breaks and tabs folded to spaces), at most ``limit`` characters."""
        if _LINE_BREAK.search(text):
            self.notes.group(FOLDED, path)
        return self.cut(one_line(self.clean(text, path)), path, limit)

    def cut(self, text: str, path: str, limit: int = TEXT_MAX) -> str:
        """At most ``limit`` characters (our format's limit for the field), with a warning when cut."""
        if len(text) <= limit:
            return text
        self.notes.add(path, f"{len(text):,} characters, over the limit of {limit:,}; cut to {limit:,}")
        return text[: limit - 1].rstrip() + "…"

    def html(self, value: Any, path: str, *, line: bool = False, media: bool = False) -> HtmlText:
        """A field holding HTML as clean plain text (on one line if ``line``), with its links."""
        raw = self.string(value, path)
        if not raw:
            return HtmlText("")
        converted = html_to_text(raw, media_sources=media and not line)
        if line:  # a '<br>' or a paragraph in a headline: its own words, on one line
            return HtmlText(self.line(converted.text, path), converted.links)
        return HtmlText(self.cut(self.clean(converted.text, path), path), converted.links)
