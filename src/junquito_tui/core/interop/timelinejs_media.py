"""Where a TimelineJS file's events come from: their media and the links in their text, as sources.

A slide's media becomes a source of its own (caption as title, credit as author,
url as address). Links become one source per address, shared by every event
citing it. Only web addresses (http, https) are kept, read as a browser reads them (``urls``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..problems import json_kind
from ..records import LINE_MAX
from ..text import one_line, slugify
from .builder import respelt_item, respelt_words
from .fields import FieldReader, short
from .html_text import HtmlText, Link
from .ids import IdAllocator
from .urls import web_address

SOURCE_TITLE_MAX = 300  # a caption or a link's words made a source's title: kept short, as before
_KINDS = (
    ("encyclopedia-article", ("wikipedia.org", "britannica.com")),
    ("video", ("youtube.com", "youtu.be", "vimeo.com", "dailymotion.com", "wistia.com")),
    ("social-media", ("twitter.com", "x.com/", "bsky.app", "instagram.com", "tiktok.com", "facebook.com")),
    ("document", ("documentcloud.org", "docs.google.com")),
)
_SUFFIX_KINDS = ((".mp4", "video"), (".webm", "video"), (".mov", "video"), (".pdf", "document"))


def source_kind(url: str) -> str:
    """A best guess from the address: 'video' for YouTube, 'encyclopedia-article' for Wikipedia, else 'other'."""
    lower = url.lower()
    path = lower.split("?")[0]
    for suffix, kind in _SUFFIX_KINDS:
        if path.endswith(suffix):
            return kind
    for kind, hosts in _KINDS:
        if any(host in lower for host in hosts):
            return kind
    return "other"


@dataclass
class Media:
    url: str | None = None
    caption: str = ""
    credit: str = ""
    links: list[Link] = field(default_factory=list)
    path: str = ""


@dataclass
class SourceBook:
    """The sources made so far, with ids unique among them (``reserved`` ids are never handed out)."""

    text: FieldReader
    reserved: tuple[str, ...] = ()
    sources: list[dict[str, Any]] = field(default_factory=list)
    _ids: IdAllocator = field(default_factory=IdAllocator)
    _by_url: dict[str, str] = field(default_factory=dict)
    _by_title: dict[str, str] = field(default_factory=dict)
    _respelt: dict[str, dict[str, None]] = field(default_factory=dict)  # source id -> its other spellings met
    _as_written: dict[tuple[str, str | None], str] = field(default_factory=dict)
    _described: dict[tuple[tuple[str, Any], ...], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for reserved in self.reserved:
            self._ids.take(reserved)

    def safe_url(self, url: str, path: str) -> str | None:
        """The address if it is a web address (http or https, as a browser reads it), else None with a warning."""
        if not url.strip() or url.strip().lower() in {"http://", "https://"}:  # a template's empty address
            return None
        address = web_address(url)
        if address.url is None:
            self.text.notes.add(path, f"link {short(url)} {address.why}; ignored")
        elif address.why:
            self.text.notes.add(path, f"link {short(url)} {address.why}")
        return address.url

    def link(self, link: Link, path: str) -> str | None:
        """The id of the source for a link's address (made the first time), or None for no usable address."""
        url = self.safe_url(link.url, path)
        if url is None:
            return None
        if url not in self._by_url:
            source_id = self._ids.take("link-" + (slugify(re.sub(r"^[a-z]+://|^//", "", url.lower()), 50) or "web"))
            title = one_line(self.text.clean(link.text, path), SOURCE_TITLE_MAX) or url[:SOURCE_TITLE_MAX]
            self.sources.append({"id": source_id, "title": title, "kind": source_kind(url), "url": url})
            self._by_url[url] = source_id
        return self._by_url[url]

    def named(self, title: str, kind: str = "other", prefix: str = "source") -> str:
        """The id of the source called ``title`` (a name, not an address), made the first time."""
        spaced = " ".join(title.split())
        key = unicodedata.normalize("NFC", spaced).casefold()  # ('Cafe\u0301' and 'Café' were two, shown alike)
        if key not in self._by_title:
            source_id = self._ids.take(f"{prefix}-{slugify(title, 50) or 'unnamed'}")
            # one line, whole up to our format's limit for a title (a claim names the source in full)
            self.sources.append({"id": source_id, "title": spaced[:LINE_MAX], "kind": kind})
            self._by_title[key] = source_id
            self._respelt[source_id] = {spaced: None}  # the first spelling, to tell the others from
        elif spaced not in (spellings := self._respelt[self._by_title[key]]):
            spellings[spaced] = None  # ('Reuters', then 'reuters': one source, said once every row is read)
        return self._by_title[key]

    def respelt_note(self) -> str | None:
        """The file-wide warning naming the sources met under other spellings (case), or None."""
        listed = []
        for shown, *others in map(list, self._respelt.values()):
            composed = unicodedata.normalize("NFC", shown)  # (composed otherwise: the same name, as for actors)
            if other := [spelt for spelt in others if unicodedata.normalize("NFC", spelt) != composed]:
                listed.append(respelt_item(shown[:LINE_MAX], other))
        return respelt_words("source", listed) if listed else None

    def as_written(self, title: str, url: str | None) -> str:
        """The id of the source of this title and address exactly (our own CSV export's, one line each;
        ``url`` a kept web address or None), made the first time: one source per title and address."""
        key = (title, url)
        if key not in self._as_written:
            stem = "link-" + slugify(re.sub(r"^[a-z]+://|^//", "", url.lower()), 50) if url else ""
            source_id = self._ids.take(stem or f"source-{slugify(title, 50) or 'unnamed'}")
            source: dict[str, Any] = {"id": source_id, "title": title, "kind": source_kind(url) if url else "other"}
            if url:
                source["url"] = url
            self.sources.append(source)
            self._as_written[key] = source_id
        return self._as_written[key]

    def described(self, source: dict[str, Any]) -> str:
        """The id of the source of exactly these fields (our own CSV export's provenance cell, its
        ``cited_in`` an id made here before), made the first time."""
        key = tuple(sorted(source.items()))
        if key not in self._described:
            url = source.get("url")
            stem = "link-" + slugify(re.sub(r"^[a-z]+://|^//", "", url.lower()), 50) if url else ""
            source_id = self._ids.take(stem or f"source-{slugify(source['title'], 50) or 'unnamed'}")
            self.sources.append({"id": source_id, **source})
            self._described[key] = source_id
        return self._described[key]

    def written_ids(self) -> list[str]:
        """The sources made ``as_written``."""
        return list(self._as_written.values())

    def drop(self, ids: Collection[str]) -> None:
        """These sources are no longer cited: gone."""
        self.sources = [source for source in self.sources if source["id"] not in ids]

    def media(self, media: Any, path: str) -> Media:
        """A slide's media: its URL (or the first link of embed code), caption, credit and links."""
        if media is None:
            return Media()
        if not isinstance(media, dict):
            self.text.notes.add(path, f"media should be an object, found {json_kind(media)}; ignored")
            return Media()
        caption = self.text.html(media.get("caption"), f"{path}.caption", line=True)
        credit = self.text.html(media.get("credit"), f"{path}.credit", line=True)
        raw_url = self.text.string(media.get("url"), f"{path}.url") or ""
        url = None
        links = [*caption.links, *credit.links]
        if raw_url.lstrip().startswith("<"):  # embed code (an iframe, a blockquote) instead of a URL
            embedded = self.text.html(raw_url, f"{path}.url", media=True)
            if embedded.links:
                url = self.safe_url(embedded.links[0].url, f"{path}.url")
                links += embedded.links[1:]
            caption = caption if caption.text else HtmlText(one_line(embedded.text, SOURCE_TITLE_MAX))
            self.text.notes.group("media given as embed code instead of a URL: kept its link and text", f"{path}.url")
        elif raw_url:
            url = self.safe_url(raw_url, f"{path}.url")
        link = self.text.string(media.get("link"), f"{path}.link")
        if link:
            links.append(Link(link, ""))
        return Media(url, caption.text, credit.text, links, path)

    def media_sources(self, media: Media, owner: str) -> list[str]:
        """The media's own source (id ``<owner>-media``), then the sources of the links in it."""
        ids = []
        if media.url or media.caption or media.credit:
            source: dict[str, Any] = {
                "id": self._ids.take(f"{owner}-media"),
                "title": (media.caption or media.credit or media.url or "")[:SOURCE_TITLE_MAX],
                "kind": source_kind(media.url or ""),
            }
            if media.credit:
                source["author"] = media.credit
            if media.url:
                source["url"] = media.url
            self.sources.append(source)
            ids.append(source["id"])
        for found in media.links:
            source_id = self.link(found, media.path)
            if source_id and source_id not in ids:
                ids.append(source_id)
        return ids
