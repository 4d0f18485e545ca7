"""HTML fragments (TimelineJS headlines, texts, captions) to plain text, and the links they hold.

Text is never rendered as markup: tags are dropped, entities decoded, paragraphs
kept as blank-line-separated text and ``<br>`` as a newline. Links are collected
(``<a href>`` always; ``src`` of embedded media when asked) so they can become sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..text import one_line

# Elements that start a new paragraph: their text never runs into the text around them.
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section"}
    | {"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
_HIDDEN = frozenset({"script", "style", "template", "head", "title"})
_MEDIA_SOURCES = frozenset({"iframe", "img", "video", "audio", "source", "embed"})
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")


@dataclass(frozen=True)
class Link:
    url: str
    text: str  # the link's own words ('' for an embedded media source)


@dataclass
class HtmlText:
    text: str
    links: list[Link] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, media_sources: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.media_sources = media_sources
        self.paragraphs: list[list[str]] = [[]]  # paragraphs of lines of fragments
        self.lines: list[str] = []
        self.links: list[Link] = []
        self._open_link: tuple[str, list[str]] | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self._newline()
        elif tag == "li":  # list items: one line each, in the list's paragraph
            self._end_line()
            self.lines.append("- ")
        elif tag in _BLOCKS:
            self._paragraph()
        if tag == "a" and values.get("href", "").strip():
            self._close_link()
            self._open_link = (values["href"].strip(), [])
        if self.media_sources and tag in _MEDIA_SOURCES and values.get("src", "").strip():
            self.links.append(Link(values["src"].strip(), ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self._hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "a":
            self._close_link()
        elif tag == "li":
            self._end_line()
        elif tag in _BLOCKS:
            self._paragraph()

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        first, *others = _BLANK_LINE.split(data)  # plain text written with blank lines between paragraphs
        self.lines.append(first)
        for paragraph in others:
            self._paragraph()
            self.lines.append(paragraph)
        if self._open_link is not None:
            self._open_link[1].append(data)

    def close(self) -> None:
        super().close()
        self._close_link()
        self._paragraph()

    def _close_link(self) -> None:
        if self._open_link is not None:
            url, words = self._open_link
            self.links.append(Link(url, _collapse("".join(words))))
            self._open_link = None

    def _end_line(self) -> None:
        if "".join(self.lines).strip():
            self._newline()

    def _newline(self) -> None:
        self.paragraphs[-1].append("".join(self.lines))
        self.lines = []

    def _paragraph(self) -> None:
        self._newline()
        self.paragraphs.append([])


# Paragraphs and emphasis only, without attributes, entities or anything the parser must resolve.
_SIMPLE = re.compile(
    r"(?:[^<&]++|</?(?:p|div|b|i|em|strong|u|span|small)>)*+", re.IGNORECASE
)  # possessive: no backtracking
# One paragraph of plain text, as TimelineJS sheets' Text cells mostly are: no tag inside, no entity.
_ONE_PARAGRAPH = re.compile(r"<p>([^<&]*+)</p>", re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_TAG = re.compile(r"</?(?:p|div)>", re.IGNORECASE)


def _simple(html: str) -> list[list[str]]:
    """The collector's paragraphs for ``_SIMPLE`` HTML, without its parser: blocks start paragraphs,
    inline tags only separate text (a blank line inside one piece of text is a paragraph break)."""
    paragraphs: list[list[str]] = [[]]
    fragments: list[str] = []
    for index, piece in enumerate(_TAG.split(html)):
        if index % 2:
            if _BLOCK_TAG.fullmatch(piece):
                paragraphs[-1].append("".join(fragments))
                fragments = []
                paragraphs.append([])
            continue
        first, *others = _BLANK_LINE.split(piece)
        fragments.append(first)
        for other in others:
            paragraphs[-1].append("".join(fragments))
            fragments = [other]
            paragraphs.append([])
    paragraphs[-1].append("".join(fragments))
    return paragraphs


def _collapse(text: str) -> str:
    return one_line(text)  # any whitespace: HTML source's newlines are spaces, and so is U+2028


def html_to_text(html: str, *, media_sources: bool = False) -> HtmlText:
    """Plain text with paragraphs separated by a blank line, and every link found, in order."""
    if "<" not in html and "&" not in html:  # plain text, the common case: no parser needed
        blocks = (_collapse(block) for block in _BLANK_LINE.split(html))
        return HtmlText("\n\n".join(block for block in blocks if block))
    if (paragraph := _ONE_PARAGRAPH.fullmatch(html)) is not None:  # what ``_simple`` makes of it, directly
        inner = paragraph.group(1)
        if "\n" not in inner:  # one line: no blank line to split on
            line = _collapse(inner)
            return HtmlText("" if line == "-" else line)
        blocks = (_collapse(block) for block in _BLANK_LINE.split(inner))
        return HtmlText("\n\n".join(block for block in blocks if block and block != "-"))
    if _SIMPLE.fullmatch(html):  # '<p>text with <b>bold</b></p>': the same result, a tenth of the time
        return HtmlText(_joined(_simple(html)))
    collector = _Collector(media_sources)
    collector.feed(html)
    collector.close()
    return HtmlText(_joined(collector.paragraphs), collector.links)


def _joined(found: list[list[str]]) -> str:
    paragraphs: list[list[str]] = []
    for lines in found:
        paragraphs.append([])
        for line in map(_collapse, lines):
            if not line:  # '<br><br>' is how many authors write a paragraph break
                paragraphs.append([])
            elif line != "-":
                paragraphs[-1].append(line)
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def html_to_line(html: str) -> HtmlText:
    """The same, on a single line: for headlines and captions."""
    converted = html_to_text(html)
    return HtmlText(_collapse(converted.text), converted.links)
