"""A chronology as a Markdown report: day headings, events, actors, quotes and numbered sources.

Dataset text is escaped so that it reads as the words it is and can never become
Markdown structure (a title starting with '#', a summary line starting with '>' or
'1.', a stray '|', '*' or '<tag>', a '[' that would make a link or define one): ``escape_inline``.
The user's notes stay Markdown, escaped only where they would reach beyond themselves
(``markdown_notes.escape_note``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..chronology import Chronology, exists
from ..dates import clock, date_words, until
from ..notebook.snapshot import Snapshot
from ..placement import READING_WHY, order_facts
from ..provenance import ACCOUNTS_ARE, NO_SPEAKER, certainty_label, certainty_text, event_accounts, known_through
from ..records import Event, Precision, When
from ..timeline_rows import heading_label, spans
from ..wording import count
from .export_order import Listed, clock_order
from .export_scope import Scope
from .markdown_notes import item_lines, others_section
from .urls import shown_url

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def escape_inline(text: str, *, verbatim: bool = False) -> str:
    """One line of text, safe anywhere in a Markdown line; ``verbatim`` (a line of a quote): its runs
    of spaces kept as written, those at its ends too, as character references (written plainly they
    would indent it, or be dropped: a trial found a quote's leading spaces lost)."""
    body = text.strip() if verbatim else " ".join(text.split())
    body = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", body))
    body = _LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), body)
    if not verbatim or not body:
        return body
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return _references(lead) + body + _references(trail)


def _references(blanks: str) -> str:
    """Blanks as numeric character references ('&#32;'): Markdown shows them, and reads no indent in them."""
    return "".join(f"&#{ord(blank)};" for blank in blanks)


def _escape_start(marker: str) -> str:
    return "\\" + marker if not marker[0].isdigit() else marker[:-1] + "\\" + marker[-1]


def escape_block(text: str, *, verbatim: bool = False) -> list[str]:
    """Paragraphs of text as escaped Markdown lines; a single newline stays a line break (``verbatim``:
    each line's blanks kept as written, the first's and the last's too)."""
    lines: list[str] = []
    for paragraph in (p for p in re.split(r"\n\s*\n", text) if p.strip()):
        if lines:
            lines.append("")
        rows = [escape_inline(row, verbatim=verbatim) for row in paragraph.split("\n") if row.strip()]
        lines += [row + "\\" for row in rows[:-1]] + rows[-1:]
    return lines


class _Citations:
    """Sources numbered in the order the report first cites them."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, source_id: str | None) -> str:
        if source_id is None:
            return ""
        number = self.numbers.setdefault(source_id, len(self.numbers) + 1)
        return f"[{number}]"


def to_markdown(
    chronology: Chronology, events: list[Event], annotations: Snapshot | None = None, scope: Scope | None = None
) -> str:
    """``annotations`` (the user's notebook) adds each item's star, tags and note: a case file; ``scope``: the
    search that chose the events, said first."""
    dataset = chronology.dataset
    citations = _Citations()
    lines = [f"# {escape_inline(dataset.title)}", ""]
    if scope is not None:
        lines += [f"> {escape_inline(scope.words(len(events)))}", ""]
    if dataset.description:
        lines += [*escape_block(dataset.description), ""]
    listed = Listed.of(events)
    for span in spans(events):
        lines += [f"## {escape_inline(heading_label(span))}", ""]
        for position, event in enumerate(span.events):
            if position == 0 and span.untimed:  # their order among themselves is no claim: say so
                lines += [f"*{escape_inline(span.untimed)}*", ""]
            lines += _event(chronology, event, citations, annotations, listed)
    if annotations is not None:
        lines += others_section(annotations, _names(chronology))
    if citations.numbers:
        lines += ["## Sources", ""]
        for source_id, number in citations.numbers.items():
            lines.append(f"{number}. {_source(chronology, source_id)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def notebook_words(chronology: Chronology, events: list[Event], annotations: Snapshot) -> str:
    """'4 of your 13 marked items (the rest are on events this export leaves out)', or '13 marked items':
    what a Markdown export of ``events`` carries of the notebook, as the message after it says."""
    carried, marked = notes_carried(chronology, events, annotations), sum(not item.empty for item in annotations)
    if carried == marked:
        return count(carried, "marked item")
    return f"{carried:,} of your {count(marked, 'marked item')} (the rest are on events this export leaves out)"


def notes_carried(chronology: Chronology, events: list[Event], annotations: Snapshot) -> int:
    """How many of the notebook's marked items ``to_markdown`` writes for ``events``: those on them and their
    quotes, marked actors and sources, and orphaned items (a trial: an export of 4 events said '13 marked
    items', counting those on events it left out)."""
    shown = {("event", event.id) for event in events}
    shown |= {("quote", quote.id) for event in events for quote in chronology.quotes_by_event.get(event.id, [])}
    return sum(
        1
        for item in annotations
        if not item.empty
        and (item.key in shown or item.kind in ("actor", "source") or not exists(chronology, item.kind, item.id))
    )


def _event(
    chronology: Chronology,
    event: Event,
    citations: _Citations,
    annotations: Snapshot | None = None,
    listed: Listed | None = None,
) -> list[str]:
    marked = annotations or Snapshot()
    # a clock time in the heading; a date without one is said by the day/month heading and the details
    time = clock(event.when) if event.when is not None and event.when.precision == Precision.MINUTE else ""
    title = escape_inline(event.title)
    lines = [f"### {escape_inline(time)} \u00b7 {title}" if time else f"### {title}", ""]
    facts = []
    if event.when is None:
        facts.append("**Date:** not given in the source")
    else:  # always, though the heading gives the day: a block copied out keeps its date (a trial found one without)
        facts.append(f"**Date:** {escape_inline(_date(event.when, event.end))}")
    if event.place:
        facts.append(f"**Place:** {escape_inline(event.place)}")
    if event.actors:
        people = "; ".join(
            f"{escape_inline(_name(chronology, p.actor))} ({escape_inline(p.role)})" for p in event.actors
        )
        facts.append(f"**Actors:** {people}")
    if event.tags:
        facts.append(f"**Tags:** {', '.join(escape_inline(tag) for tag in event.tags)}")
    facts += _order(chronology, event, listed)
    facts.append(f"**{certainty_label(event)}:** {certainty_text(event)}")
    if event.summary:
        lines += [*escape_block(event.summary), ""]
    lines += [f"- {fact}" for fact in facts] + [""]
    lines += _accounts(chronology, event, citations)
    lines += item_lines(marked.get("event", event.id))
    for quote in chronology.quotes_by_event.get(event.id, []):
        lines += [f"> {row}" if row else ">" for row in escape_block(quote.text, verbatim=True)]
        speaker = _name(chronology, quote.speaker) if quote.speaker else NO_SPEAKER
        context = f", {escape_inline(quote.context)}" if quote.context else ""
        lines += [">", f"> \u2014 {escape_inline(speaker)}{context} {citations.cite(quote.source)}", ""]
        lines += item_lines(marked.get("quote", quote.id))
    cited = " ".join(citations.cite(source) for source in event.sources)
    if cited:
        lines += [f"Sources: {cited}", ""]
    return lines


def _date(when: When, end: When | None) -> str:
    """'around 04:00 (VST, UTC-04:00), Monday 15 January 2018, until ...', a clock time with its zone's
    label and offset; then the notes, each said as the start's or the end's when there is an end
    (' — start: ...; end: ...'), as the event page shows each under its own date."""
    date = date_words(when) + (f", {until(end, short=False)}" if end is not None else "")
    if end is None:
        return f"{date} — {when.note}" if when.note else date
    notes = [f"{which}: {w.note}" for which, w in (("start", when), ("end", end)) if w.note]
    return f"{date} — {'; '.join(notes)}" if notes else date


def _names(chronology: Chronology) -> Callable[[tuple[str, str]], str | None]:
    """An item's escaped name or title (None when the dataset no longer has it), for the notebook."""

    def name(key: tuple[str, str]) -> str | None:
        kind, item_id = key
        if not exists(chronology, kind, item_id):
            return None
        if kind == "event":
            return escape_inline(chronology.event(item_id).title)
        if kind == "actor":
            return escape_inline(chronology.actors[item_id].name)
        if kind == "source":
            return escape_inline(chronology.sources[item_id].title)
        return escape_inline(chronology.quotes[item_id].text[:80])

    return name


def _order(chronology: Chronology, event: Event, listed: Listed | None) -> list[str]:
    """Where the event stands and why: the source's order, with its words, or a reading position."""
    facts = []
    for fact in order_facts(event):
        anchor = f"\u201c{_title(chronology, fact.anchor)}\u201d" + (listed.named(fact.anchor) if listed else "")
        if not fact.stated:
            reading = f"not stated by the source; shown {fact.direction} {anchor} in reading order ({READING_WHY})"
            facts.append(f"**Order:** {reading}")
            continue
        words = f"**Order:** {fact.direction} {anchor}"
        facts.append(words + (f" \u2014 the source: \u201c{escape_inline(fact.quote)}\u201d" if fact.quote else ""))
    # what the event page says of a clock time's place, said here too (``export_order``)
    facts += [f"**Order:** {said}" for said in clock_order(chronology, event, _quoted, listed)]
    return facts


def _quoted(event: Event) -> str:
    return f"\u201c{escape_inline(event.title)}\u201d"


def _accounts(chronology: Chronology, event: Event, citations: _Citations) -> list[str]:
    """'**Accounts**', then each claim with who makes it, where it was read and whom that cites."""
    if not event.claims:
        return []
    lines = [f"**Accounts** ({ACCOUNTS_ARE}):", ""]
    for found in event_accounts(chronology, event):
        cite = citations.cite(found.claim.source)
        cited = "; ".join(f"{escape_inline(c.title)} {citations.cite(c.id)}" for c in found.cited)
        line = f"- **{escape_inline(found.attribution)}** {cite}".rstrip() + f": {escape_inline(found.claim.statement)}"
        lines.append(line + (f" (citing: {cited})" if cited else ""))
    return [*lines, ""]


def _source(chronology: Chronology, source_id: str) -> str:
    source = chronology.sources.get(source_id)
    if source is None:
        return escape_inline(source_id)
    text = escape_inline(source.title)
    extra = ", ".join(escape_inline(x) for x in (source.author, source.publisher) if x)
    if extra:
        text += f" \u2014 {extra}"
    outer = chronology.sources.get(source.cited_in) if source.cited_in else None
    if outer is not None:  # known only through another source: never as if read
        text += f"; known only as cited in {escape_inline(known_through(chronology.sources, outer.id))}"
        text += f" ({escape_inline(outer.publisher)})" if outer.publisher and outer.cited_in is None else ""
    if source.url:
        url = shown_url(source.url)  # (its unseen characters seen)
        safe = re.fullmatch(r"https?://[^\s<>]+", url)
        if source.title.strip() != url:
            text += f". <{url}>" if safe else f". {escape_inline(url)}"
        elif safe:  # an address alone, its own title: once, as a link ('https://x. <https://x>' had it twice)
            text = f"<{url}>" + text.removeprefix(escape_inline(source.title))
    if source.note:
        text += f". {escape_inline(source.note)}"
    return text


def _name(chronology: Chronology, actor_id: str) -> str:
    actor = chronology.actors.get(actor_id)
    return actor.name if actor else actor_id


def _title(chronology: Chronology, event_id: str | None) -> str:
    if event_id is None or event_id not in chronology.position:
        return escape_inline(event_id or "")
    return escape_inline(chronology.event(event_id).title)
