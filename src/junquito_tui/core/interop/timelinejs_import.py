"""TimelineJS3 JSON (Knight Lab's format) to a dataset document, with a warning for every guess.

A slide becomes an event: ``unique_id`` its id (else a slug of headline and date),
``text`` its title and summary as plain text, ``group`` a tag, ``display_date`` the
date's note, ``media`` and the links in its text sources. Every event also cites the
file itself. Eras become events tagged ``era`` spanning their dates. Nothing here
raises on a messy file: what cannot be used is skipped with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter
from typing import Any

import msgspec

from ..bounds import bound
from ..dates import ZONE_NOTE, ending, iso_or_era, short_date
from ..problems import json_kind
from ..records import TEXT_MAX, UTC_OFFSET, ZONE_LABEL_MAX, When, ends_before
from ..text import CONTROL, FILE_ID_LINE, SLUG_PATTERN, has_control, one_line, slug_loses, slugify
from . import display_dates
from .builder import ActorBook, Pending, dump_event, has_clock_time, out_of_order
from .csv_provenance import ClaimNote, Provenance, SourceNote, unfit
from .fields import FieldReader, short
from .ids import MAX_ID, IdAllocator, own_id
from .notes import Notes
from .timelinejs_dates import KNOWN_DATE_FIELDS, NO_ZONE, DateReader, date_token, stated_seconds
from .timelinejs_dates import display as display_date
from .timelinejs_media import Media, SourceBook
from .timelinejs_order import ORDER_EXTENSION, restore_order
from .urls import web_address

FILE_SOURCE = "timelinejs-file"
EXTENSION = "junquito"  # our own slide field (ignored by TimelineJS): what TimelineJS cannot say
UNCERTAIN = ("disputed", "alleged", "reported")  # a certainty our export records, for its import to keep
CERTAINTY_RESTORED = (
    "a junquito-tui export's disputed, alleged or reported event keeps its certainty; each account is a claim the "
    "file reports, its claimant and sources named in its words (not restored as actors and sources)"
)
TAGS_NOT_READ = "tags not read (a junquito-tui export writes each as a lowercase slug of up to 120 characters)"
CLAIMS_RESTORED = (
    "a junquito-tui export's disputed, alleged or reported event keeps its certainty and its claims, each as the "
    "file describes it: its claimants made actors by name, its sources known through the file"
)
TIMEZONE = "UTC"
KNOWN_SLIDE_FIELDS = frozenset(
    {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
    | {EXTENSION, "location"}  # location: StoryMapJS's, whose name we keep as the place
)
KNOWN_MEDIA_FIELDS = frozenset({"url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"})
KNOWN_TOP_FIELDS = frozenset({"title", "events", "eras", "scale"})


def is_timelinejs(document: Any) -> bool:
    """By shape: an object, no ``schema_version``, an ``events`` array of slides with ``start_date``."""
    if not isinstance(document, dict) or "schema_version" in document:
        return False
    events = document.get("events")
    if not isinstance(events, list):
        return False
    if isinstance(document.get("title"), dict):  # our title is a string; a TimelineJS title is a slide
        return True
    return any(isinstance(slide, dict) and "start_date" in slide for slide in events)


_Pending = Pending  # the name timelinejs_order knows it by


@dataclass
class TimelineImporter:
    """Slides (from a TimelineJS3 file, or made from a TimelineJS sheet's rows) to dataset events."""

    name: str
    notes: Notes = field(default_factory=Notes)
    file_source: str = FILE_SOURCE  # every event cites the file itself
    file_title: str = ""  # default: 'TimelineJS file NAME'
    no_zone: str = f"{NO_ZONE}, the dataset's time zone"
    item: str = "slide"  # what the file's entries are called in warnings ('row' for spreadsheets)
    dates: DateReader = field(init=False)
    text: FieldReader = field(init=False)
    book: SourceBook = field(init=False)
    event_ids: IdAllocator = field(default_factory=IdAllocator)
    unique_ids: dict[str, str] = field(default_factory=dict)  # unique_id in the file -> our id
    unknown: dict[str, list[str]] = field(default_factory=dict)  # ignored field -> where
    # a group's text as shown, its tag, and whether the tag loses letters: made once
    _group_tags: dict[str, tuple[str, str, bool]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.dates = DateReader(self.notes)
        self.text = FieldReader(self.notes)
        self.book = SourceBook(self.text, reserved=(self.file_source,))
        self.actors = ActorBook(exact=True)  # the claimants our export names, as it wrote their names
        self.file_title = self.file_title or f"TimelineJS file {self.name}"

    # -- slides ----------------------------------------------------------------------------

    def media(self, media: Any, path: str) -> Media:
        if isinstance(media, dict):
            self.note_unknown(media, KNOWN_MEDIA_FIELDS, "media")
        return self.book.media(media, path)

    def note_unknown(self, value: dict[str, Any], known: frozenset[str], where: str) -> None:
        for key in value:
            if key not in known:
                self.unknown.setdefault(f"'{key}' in {where}", []).append(where)

    def slide(
        self,
        slide: Any,
        path: str,
        index: int,
        *,
        era: bool = False,
        zones: tuple[str | None, str | None] = (None, None),
    ) -> _Pending | None:
        """A slide's event; ``zones``: the UTC offsets a sheet states for its start and end times (a
        slide has none), applied before the end is compared with the start."""
        if not isinstance(slide, dict):
            self.notes.add(path, f"a slide should be an object, found {json_kind(slide)}; skipped")
            return None
        self.note_unknown(slide, KNOWN_SLIDE_FIELDS, "an era" if era else "a slide")
        start = slide.get("start_date")
        if start is None:
            self.notes.add(path, f"no start_date, which {'an era' if era else 'an event'} needs; skipped")
            return None
        display = self.display(slide, start, path)
        when = self.dates.read(start, f"{path}.start_date", f"{self.item} skipped", display)
        if when is None:
            return None
        # ('18': the year 18, unsaid, where a sheet's is said; our own export's year is its date's, as written)
        if EXTENSION not in slide and (short := _two_digit_year(start)) is not None:
            self.notes.group(TWO_DIGIT_YEAR, f"{path}.start_date.year")
            when = replace(when, note=_with(when.note, f"the year is written {short!r}: read as the year {int(short)}"))
        if display and (other := display_dates.disagreement(display, when)) is not None:
            self.notes.group(display_dates.DISAGREES, f"{path}.display_date")
            # (its words of doubt are about its own date: 'circa 1999' made this slide's 2018 'around'; not words
            # that place it, 'Early morning of 16 January 2018' on the 15th, which leave the slide's date in doubt)
            approximate = when.approximate and not display_dates.doubted(display)
            note = when.note.replace(display, other, 1) if when.note else other
            when = replace(when, note=note, approximate=approximate)
        zones, borrowed = both_zones(zones)
        if zones[0] is not None and when.precision == "minute":
            when = replace(when, utc_offset=zones[0], note=_with(when.note, borrowed[0]))
        text = slide.get("text")
        if text is not None and not isinstance(text, dict):
            self.notes.add(f"{path}.text", f"should be an object with headline and text, found {json_kind(text)}")
        text = text if isinstance(text, dict) else {}
        headline = self.text.html(text.get("headline"), f"{path}.text.headline", line=True)
        body = self.text.html(text.get("text"), f"{path}.text.text", media=True)  # (an image in it: a source)
        media = self.media(slide.get("media"), f"{path}.media")
        title = headline.text or self.title(body.text, media.caption, path, era)
        fields: dict[str, Any] = {"id": self.event_id(slide.get("unique_id"), title, when, path, era), "title": title}
        if body.text:
            fields["summary"] = body.text
        if (given := slide.get("unique_id")) not in (None, "") and str(given).strip() != fields["id"]:
            fields["summary"] = with_file_id(fields.get("summary", ""), str(given))  # taken, or no slug
        end, when = self.end(slide.get("end_date"), when, path, zones[1])
        fields["when"] = when
        if end is not None:
            fields["end"] = replace(end, note=_with(end.note, borrowed[1])) if end.precision == "minute" else end
        place = slide.get("location")
        if isinstance(place, dict) and isinstance(place.get("name"), str) and place["name"].strip():
            fields["place"] = self.text.line(place["name"], f"{path}.location.name")
        restored, given = self.restored_sources(slide.get(EXTENSION), path)
        sources = [self.file_source, *restored]
        for found in [*headline.links, *body.links]:
            if web_address(found.url).url in given:  # (the extension's source: its link is in the Sources paragraph)
                continue
            source_id = self.book.link(found, f"{path}.text")
            if source_id and source_id not in sources:
                sources.append(source_id)
        fields["sources"] = sources + [s for s in self.book.media_sources(media, fields["id"]) if s not in sources]
        fields["tags"], kept = self.tags(slide.get("group"), f"{path}.group", era)
        if kept:
            fields["summary"] = "\n\n".join(filter(None, (fields.get("summary"), kept)))
        pending = _Pending(fields, when, index, path, zoned=zones[0] is not None and when.precision == "minute")
        if when.precision == "minute":  # events of one minute that all give their seconds: in their order
            pending.second = stated_seconds(start)
        if zones != (None, None):  # a sheet's Time and End Time: each says its own zone, or has none
            pending.end_zoned = zones[1] is not None
        self.extension(slide.get(EXTENSION), pending)
        return pending

    def restored_sources(self, extension: Any, path: str) -> tuple[list[str], set[str]]:
        """The sources our export describes in its extension ('sources'), each made again, known through
        this file (the outermost of each chain cited in it), and their addresses as its text links them:
        before, only their names came back, in the summary, and each import added one more 'Sources:'
        paragraph (a trial)."""
        notes = extension.get("sources") if isinstance(extension, dict) else None
        if not isinstance(notes, list):
            return [], set()
        where = f"{path}.{EXTENSION}.sources"
        try:
            read = msgspec.convert(notes, tuple[SourceNote, ...])
        except msgspec.ValidationError as error:
            self.notes.add(where, f"not read ({error}): the sources are the text's")
            return [], set()
        if (problem := unfit(Provenance(sources=read))) is not None:
            self.notes.add(where, f"not read ({problem.removeprefix('$.sources')}): the sources are the text's")
            return [], set()
        addresses = {url for note in read if note.url and (url := web_address(note.url).url)}
        return list(dict.fromkeys(self._restored(note, where) for note in read)), addresses

    def _restored(self, note: SourceNote, where: str) -> str:
        outer = self._restored(note.cited_in, where) if note.cited_in is not None else self.file_source
        fields = {"title": note.title, "kind": note.kind.value, "publisher": note.publisher, "author": note.author}
        fields |= {"note": note.note, "url": self.book.safe_url(note.url, where) if note.url else None}
        return self.book.described({**{k: v for k, v in fields.items() if v is not None}, "cited_in": outer})

    def display(self, slide: dict[str, Any], start: Any, path: str) -> str | None:
        """The slide's ``display_date``, else its start date's: how the file wants the date shown."""
        shown = self.text.html(slide.get("display_date"), f"{path}.display_date", line=True).text
        if isinstance(start, dict):
            self.note_unknown(start, KNOWN_DATE_FIELDS, "a date")
            if not shown:
                shown = self.text.html(start.get("display_date"), f"{path}.start_date.display_date", line=True).text
        return shown or None

    def event_id(self, unique_id: Any, title: str, when: When, path: str, era: bool) -> str:
        given = self.text.string(unique_id, f"{path}.unique_id")
        given = (CONTROL.sub("", given) if has_control(given) else given).strip() if given else ""
        if given:
            wanted = own_id(given) or slugify(given, MAX_ID - 4)  # ('RAID-1' is its row's own 'raid-1', a re-trial)
            if not wanted:
                self.notes.add(
                    f"{path}.unique_id",
                    f"{short(given)} has no letter or digit an id can hold (a-z, 0-9); a new id is made",
                )
        else:
            wanted = ""
        if not wanted:
            prefix = "era-" if era else ""
            base = slugify(title, 60).removeprefix("era-") or ("era" if era else "event")
            wanted = f"{prefix}{base}-{date_token(when)}"
        earlier = wanted in self.event_ids.used  # else, if not free, a later row's own id (reserved for it)
        final = self.event_ids.take(wanted, own=wanted == own_id(given))
        if given:
            self.unique_ids.setdefault(given, final)
            if final != given:
                taken = f"is used by an earlier {self.item}" if earlier else f"is the id a later {self.item} gives"
                reason = taken if wanted == given else "is not a lowercase slug"
                if wanted != given and final != wanted:  # ('E1' beside an earlier 'e1', or a later one)
                    reason += f", and {wanted!r} {taken}"
                self.notes.add(f"{path}.unique_id", f"{short(given)} {reason}; the event's id is '{final}'")
        return final

    def title(self, body: str, caption: str, path: str, era: bool) -> str:
        first = re.split(r"(?<=[.!?])\s|\n", body, maxsplit=1)[0] if body else ""
        candidate = one_line(first or caption)
        if len(candidate) > 80:
            candidate = candidate[:79].rsplit(" ", 1)[0] + "…"
        titled = candidate or ("Untitled era" if era else f"Untitled {self.item}")
        source = "from its text" if first else "from its media caption" if caption else "as it has no text"
        self.notes.add(f"{path}.text.headline", f"no headline; titled {short(titled)} {source}")
        return titled

    def end(self, value: Any, start: When, path: str, zone: str | None = None) -> tuple[When | None, When]:
        """The end, and the start (its note naming an end the file gives before it, which is not used)."""
        if value is None or (isinstance(value, dict) and _number_free(value)):
            return None, start  # absent, or a template's empty end date
        display = None
        if isinstance(value, dict):
            self.note_unknown(value, KNOWN_DATE_FIELDS, "a date")
            display = self.text.html(value.get("display_date"), f"{path}.end_date.display_date", line=True).text or None
        end = self.dates.read(value, f"{path}.end_date", "end date ignored", display)
        if end is None:  # warned about; in the date's note too, where the event is read (a re-trial: only warned)
            return None, _noted(start, f"{NOT_READ_END} ({_given(value)}): not used")
        if zone is not None and end.precision == "minute":
            end = replace(end, utc_offset=zone)
        if ends_before(end, start):
            said = f"{iso_or_era(end)} is before the start {iso_or_era(start)}; end date ignored"
            self.notes.add(f"{path}.end_date", said)
            return None, unused_end(start, end)
        return end, start

    def tags(self, group: Any, path: str, era: bool) -> tuple[list[str], str | None]:
        tags = ["era"] if era else []
        name = self.text.string(group, path)
        kept = None
        if name and name.strip():
            # as TimelineJS shows it, HTML read as text ('<b>Ops</b> &amp; Intel' is 'ops-intel')
            made = self._group_tags.get(name)
            if made is None:
                shown = self.text.html(name, path, line=True).text
                made = self._group_tags[name] = shown, slugify(shown, 60), slug_loses(shown)
            shown, tag, loses = made
            if tag and tag not in tags:
                tags.append(tag)
            if loses:  # ('Политика', 'Raid 中文': a trial found them dropped, or cut to 'raid')
                self.notes.group(GROUP_KEPT, path)
                kept = f"Group: {shown}"
            elif not tag and shown.strip():  # (one cleaned to nothing, a placeholder, is said as such)
                self.notes.add(path, f"group {short(name)} has no letter or digit to make a tag; ignored")
        return tags, kept

    def extension(self, value: Any, pending: _Pending) -> None:
        """Our own export's ``junquito`` field: the zone of each clock time and each date's note, the
        anchor of an undated event. A file written before the end had its own (no ``end_utc_offset``)
        gives the end the start's zone, as it always did."""
        if not isinstance(value, dict):
            return
        own_end = "end_utc_offset" in value
        if (zone := self.zone(value, "", pending.path)) is not None:
            self.date_zone(pending, ("when",) if own_end else ("when", "end"), zone)
            pending.zoned = True
        if own_end:
            end_zone = self.zone(value, "end_", pending.path)
            if end_zone is not None:
                self.date_zone(pending, ("end",), end_zone)
            pending.end_zoned = end_zone is not None
        for prefix, name in (("", "when"), ("end_", "end")):
            self.date_note(value, prefix, name, pending)
        pending.when = pending.fields["when"]
        if "tags" in value:
            self.restored_tags(value["tags"], pending)
        for name in ORDER_EXTENSION:
            target = value.get(name)
            if name != "order_note" and isinstance(target, str) and target:
                pending.anchors[name] = target
        note = value.get("order_note")
        if isinstance(note, str) and note.strip():
            pending.order_note = self.text.clean(note, f"{pending.path}.{EXTENSION}.order_note") or None
        self.certainty(value, pending)
        self.derived(value, pending)
        pending.undated = value.get("undated") is True and bool(pending.anchors)

    def derived(self, value: dict[str, Any], pending: _Pending) -> None:
        """Our export's paragraphs that say what its extension gives back (the dates' notes, the order, the
        place, the accounts), left out of the summary, where they read as the event's own words (a user
        trial); the place given back to its field. A paragraph edited since is no longer ours: kept."""
        derived = value.get("derived")
        summary = pending.fields.get("summary")
        if not isinstance(derived, list) or not isinstance(summary, str):
            return
        own = value.get("summary_paragraphs")
        own = own if isinstance(own, int) and not isinstance(own, bool) and own >= 0 else 0
        paragraphs = summary.split("\n\n")
        rest = [one_line(one) for one in paragraphs[own:]]
        gone: set[int] = set()  # (a derived text may hold a blank line: its paragraphs, in a row)
        for one in (d for d in derived if isinstance(d, str)):
            run = [one_line(part) for part in one.split("\n\n")]
            for at in range(len(rest) - len(run) + 1):
                if rest[at : at + len(run)] == run and not gone & set(range(at, at + len(run))):
                    gone |= set(range(at, at + len(run)))
                    break
        kept = paragraphs[:own] + [one for at, one in enumerate(paragraphs[own:]) if at not in gone]
        left_out = {rest[at] for at in gone}
        if kept:
            pending.fields["summary"] = "\n\n".join(kept)
        else:
            del pending.fields["summary"]
        place = value.get("place")
        if isinstance(place, str) and one_line(f"Place: {place}") in left_out:
            pending.fields["place"] = self.text.line(place, f"{pending.path}.{EXTENSION}.place")

    def restored_tags(self, given: Any, pending: _Pending) -> None:
        """Every tag our export gives (TimelineJS's group holds the first alone), after the group's; one that is
        no tag as our export writes them is said, not read (dropped unsaid, and one too long refused the file at
        a place it does not have: a security trial)."""
        given = given if isinstance(given, list) else [given]
        listed = [tag for tag in given if isinstance(tag, str) and SLUG_PATTERN.fullmatch(tag) and len(tag) <= MAX_ID]
        if len(listed) < len(given):
            self.notes.group(TAGS_NOT_READ, f"{pending.path}.{EXTENSION}.tags")
        pending.fields["tags"] = list(dict.fromkeys([*pending.fields["tags"], *listed]))

    def certainty(self, value: dict[str, Any], pending: _Pending) -> None:
        """A disputed, alleged or reported event of our own export: that certainty, each account a claim
        the file reports (its claimant and sources named in its words), never read as a fact."""
        certainty, accounts = value.get("certainty"), value.get("accounts")
        if certainty not in UNCERTAIN or not isinstance(accounts, list):
            return
        if (claims := self.claims(value.get("claims"), pending.path)) is not None:
            pending.fields["certainty"], pending.fields["claims"] = certainty, claims
            self.notes.group(CLAIMS_RESTORED, pending.path)
            return
        where = f"{pending.path}.{EXTENSION}.accounts"
        statements = [self.text.line(a, where) for a in accounts if isinstance(a, str) and a.strip()]
        if statements := [statement for statement in statements if statement]:
            pending.fields["certainty"] = certainty
            pending.fields["claims"] = [{"statement": s, "source": self.file_source} for s in statements]
            self.notes.group(CERTAINTY_RESTORED, pending.path)

    def claims(self, notes: Any, path: str) -> list[dict[str, Any]] | None:
        """Our export's claims described whole (``claims``: claimants by name, statement, source, the works
        cited), made again; None where there are none, or they do not read (said): the accounts' words then.
        Read as words, each round trip wrapped a claim in one more attribution (a re-trial)."""
        if not isinstance(notes, list) or not notes:
            return None
        where = f"{path}.{EXTENSION}.claims"
        try:
            read = msgspec.convert(notes, tuple[ClaimNote, ...])
        except msgspec.ValidationError as error:
            self.notes.add(where, f"not read ({error}): the accounts' words are read instead")
            return None
        if (problem := unfit(Provenance(claims=read))) is not None:
            self.notes.add(
                where, f"not read ({problem.removeprefix('$.claims')}): the accounts' words are read instead"
            )
            return None
        return [
            {
                "by": list(dict.fromkeys(map(self.actors.take, claim.by))),
                "statement": claim.statement,
                "source": self._restored(claim.source, where) if claim.source is not None else self.file_source,
                "cited": list(dict.fromkeys(self._restored(note, where) for note in claim.cited)),
            }
            for claim in read
        ]

    def zone(self, value: dict[str, Any], prefix: str, path: str) -> tuple[str, str | None] | None:
        """The UTC offset and zone label the extension records for a date (``prefix``: '' for the
        start, 'end_' for the end), or None where it records no valid offset."""
        offset, label = value.get(f"{prefix}utc_offset"), value.get(f"{prefix}zone_label")
        if not (isinstance(offset, str) and UTC_OFFSET.fullmatch(offset)):
            if offset is not None:
                self.notes.add(f"{path}.{EXTENSION}.{prefix}utc_offset", f"{short(str(offset))} is not a UTC offset")
            return None
        where = f"{path}.{EXTENSION}.{prefix}zone_label"
        zone_label = self.text.line(label, where) if isinstance(label, str) else ""
        if len(zone_label) > ZONE_LABEL_MAX:
            self.notes.add(where, f"{short(zone_label)} is over {ZONE_LABEL_MAX} characters; ignored")
            zone_label = ""
        return offset, zone_label or None

    @staticmethod
    def date_zone(pending: _Pending, names: tuple[str, ...], zone: tuple[str, str | None]) -> None:
        for name in names:
            date = pending.fields.get(name)
            if isinstance(date, When) and date.precision == "minute":
                pending.fields[name] = replace(date, utc_offset=zone[0], zone_label=zone[1])

    def date_note(self, value: dict[str, Any], prefix: str, name: str, pending: _Pending) -> None:
        """The date's note as the extension records it, instead of the ``display_date`` our export
        wrote for that date (its own words for it: nothing of the file is lost); a ``display_date``
        that says anything else stays in the note, before it."""
        note = value.get(f"{prefix}note")
        date = pending.fields.get(name)
        if not isinstance(date, When):
            return
        if value.get(f"{prefix}approximate") is True and not date.approximate:  # a bound (a trial: an open end
            date = pending.fields[name] = replace(date, approximate=True)  # came back exact, its note 'ongoing: ...')
        # our display_date, which says whether the order of day and month is assumed, as the date's note says
        ours = display_date(replace(date, note=note if isinstance(note, str) else None))
        if name == "end":  # (an end given as a bound is said as an end's: 'ongoing: no earlier than ...')
            ours = ending(replace(date, note=note if isinstance(note, str) else None), ours)
        if not isinstance(note, str):  # no note recorded: the date had none, and a display_date as our
            if date.note is not None and date.note == ours:  # export writes it is no note
                pending.fields[name] = replace(date, note=None)
            return
        where = f"{pending.path}.{EXTENSION}.{prefix}note"
        shown = date.note if date.note != ours else None
        note = "; ".join(filter(None, (shown, self.text.without_controls(note, where))))
        pending.fields[name] = replace(date, note=self.text.cut(note, where) or None)

    # -- the whole file --------------------------------------------------------------------

    def convert(self, document: dict[str, Any]) -> dict[str, Any]:
        self.note_unknown(document, KNOWN_TOP_FIELDS, "the top level")
        title, description = self.title_slide(document.get("title"))
        pending: list[_Pending] = []
        slides, eras = document.get("events"), document.get("eras")
        listed = [s for group in (slides, eras) if isinstance(group, list) for s in group if isinstance(s, dict)]
        self.event_ids.reserve(s["unique_id"].strip() for s in listed if isinstance(s.get("unique_id"), str))
        for index, slide in enumerate(slides if isinstance(slides, list) else []):
            made = self.slide(slide, f"events[{index}]", index)
            if made is not None:
                pending.append(made)
        self.check_order(pending)
        if eras is not None and not isinstance(eras, list):
            self.notes.add("eras", f"should be an array, found {json_kind(eras)}; ignored")
        # after every slide's index: an event a slide skipped left a gap, and the first era took the last
        # event's index (a tie the sort then broke by comparing two drafts: a crash, found by hypothesis)
        after = len(slides) if isinstance(slides, list) else 0
        for index, slide in enumerate(eras if isinstance(eras, list) else []):
            made = self.slide(slide, f"eras[{index}]", after + index, era=True)
            if made is not None:
                if "end" not in made.fields:
                    self.notes.add(f"eras[{index}]", "an era without an end_date; kept as a point in time")
                pending.append(made)
        return self.finish(pending, title, description)

    def finish(self, pending: list[_Pending], title: str, description: str) -> dict[str, Any]:
        """The dataset document: events in time order, stated orders restored, what was left out said."""
        keyed = (((p.when.sort_key(), p.index), p) for p in pending)
        pending[:] = by_seconds(sorted(keyed, key=itemgetter(0)))  # (never two drafts compared)
        restore_order(pending, self.unique_ids, self.notes, EXTENSION)
        for item in pending:
            if item.undated or not has_clock_time(item.fields):
                continue
            for key in ("when", "end"):  # said with the time too: the zone is not the file's
                zoned = item.zoned if key == "when" or item.end_zoned is None else item.end_zoned
                if not zoned and isinstance(made := item.fields.get(key), When) and made.precision == "minute":
                    self.notes.group(self.no_zone, item.path)
                    note = f"{made.note}; {ZONE_NOTE}" if made.note else ZONE_NOTE
                    item.fields[key] = replace(made, note=note)
        for name, places in self.unknown.items():
            times = f"{len(places)} times" if len(places) > 1 else "once"
            self.notes.add("", f"field {name} is not part of TimelineJS3 and was ignored ({times})")
        file_source = {"id": self.file_source, "title": self.file_title, "kind": "document"}
        dumped: dict[When, dict[str, Any]] = {}  # this document's dates, each dumped once (then let go)
        return {
            "schema_version": 1,
            "title": title,
            "description": description,
            "timezone": TIMEZONE,
            "sources": [file_source, *self.book.sources],
            **({"actors": self.actors.actors} if self.actors.actors else {}),
            "events": [dump_event(p.fields, in_place=True, memo=dumped) for p in pending],  # pending: done with
        }

    def title_slide(self, value: Any) -> tuple[str, str]:
        """The dataset's title and description; the title slide's media and links become sources."""
        fallback = re.sub(r"\.json$", "", self.name, flags=re.IGNORECASE) or "Imported timeline"
        if value is None:
            return fallback, ""
        if not isinstance(value, dict):
            self.notes.add("title", f"should be a slide object, found {json_kind(value)}; ignored")
            return fallback, ""
        self.note_unknown(value, KNOWN_SLIDE_FIELDS, "the title slide")
        text = value.get("text")
        text = text if isinstance(text, dict) else {}
        headline = self.text.html(text.get("headline"), "title.text.headline", line=True)
        body = self.text.html(text.get("text"), "title.text.text", media=True)
        for link in [*headline.links, *body.links]:
            self.book.link(link, "title.text")
        self.book.media_sources(self.media(value.get("media"), "title.media"), "title")
        if not headline.text:
            self.notes.add("title.text.headline", f"no headline; the dataset is titled {fallback!r} after the file")
        return headline.text or fallback, body.text

    def check_order(self, pending: list[_Pending]) -> None:
        # Out of order only where a slide's whole period lies before the start of the one above it.
        if out_of_order(pending):
            self.notes.add("events", "slides are not in date order; sorted by date, as TimelineJS shows them")


GROUP_KEPT = (
    "groups with letters or symbols a tag cannot hold (a tag is a-z and 0-9: other scripts' letters, emoji) kept in "
    "the event's summary ('Group: ...'), and tagged with what a tag can hold, if anything"
)


def both_zones(
    zones: tuple[str | None, str | None],
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """A sheet's start and end zones, where one time states its zone and the other does not: the other is
    read in the same zone (a row's two times are as a rule in one zone; read as UTC, the end of a 30-minute
    event at 10:30 +02:00 was 2.5 hours later), said in its note. The notes, None where nothing is borrowed."""
    start, end = zones
    if start is not None and end is None:
        return (start, start), (None, f"no zone given: read in its start's, {start}")
    if end is not None and start is None:
        return (end, end), (f"no zone given: read in its end's, {end}", None)
    return zones, (None, None)


def _with(note: str | None, more: str | None) -> str | None:
    return note if more is None else f"{note}; {more}" if note else more


def unused_end(start: When, end: When) -> When:
    """The start, its note naming the end the file gives before it: that end is not used, and its value
    stays in the dataset, not only in a warning."""
    if bound(end) is None and bound(start) is None and not end.approximate:
        said = f"the file gives the end {iso_or_era(end)}, before this start: not used"
    else:  # (not a day it never wrote, and no contradiction of the file's: a review)
        said = f"the file gives the end as {short_date(end)}, which would be listed before this start: not used"
    return _noted(start, said)


TWO_DIGIT_YEAR = (
    "a year written with one or two digits ('18'): read as that year of the first century, as TimelineJS places it "
    "(1918 or 2018 would be written in full)"
)


def _two_digit_year(date: Any) -> str | None:
    """A date object's year as written where it has one or two digits ('18', 18), else None."""
    year = date.get("year") if isinstance(date, dict) else None
    written = str(year).strip() if isinstance(year, (str, int)) and not isinstance(year, bool) else ""
    return written if written.isdigit() and len(written) <= 2 and int(written) > 0 else None


NOT_READ_END = "the file gives an end date not read"


def _noted(start: When, said: str) -> When:
    return replace(start, note=f"{start.note}; {said}" if start.note else said)


def _given(value: Any) -> str:
    """An end date as the file gives it, for a note: its text, or its parts ('year foo, month 3'): only the
    fields TimelineJS knows, each value quoted (a key is the file's text too: a fuzz test's control character)."""
    if isinstance(value, dict):
        parts = [
            f"{key} {short(str(part))}"
            for key, part in value.items()
            if key in KNOWN_DATE_FIELDS and key not in ("format", "format_short") and str(part).strip()
        ]
        return ", ".join(parts[:4])
    return short(str(value))


def _number_free(date: dict[str, Any]) -> bool:
    return not any(str(value).strip() for key, value in date.items() if key != "format" and value is not None)


def from_timelinejs(document: dict[str, Any], name: str) -> tuple[dict[str, Any], list[str]]:
    """A dataset document (to validate as usual) and the warnings, for a TimelineJS3 document."""
    importer = TimelineImporter(one_line(CONTROL.sub("", name)) or "timeline.json")  # a file name may hold anything
    converted = importer.convert(document)
    warnings = importer.notes.lines()
    if not converted.get("events") and not warnings:  # (validate said 'ok: 0 events', import refused it unsaid)
        warnings.append("the file has no slides (its 'events' list is empty or missing): nothing to read")
    return converted, warnings


def with_file_id(summary: str, written: str) -> str:
    """The summary and, after it, the id the file gives an event whose id here is another (an id met
    twice, or not a slug): what a reader needs to find it in the file it came from."""
    line = f"{FILE_ID_LINE}{one_line(CONTROL.sub('', written))[: MAX_ID * 2]}"
    return f"{summary}\n\n{line}" if summary and len(summary) + len(line) + 2 <= TEXT_MAX else summary or line


def by_seconds(keyed: list[tuple[tuple[Any, int], _Pending]]) -> list[_Pending]:
    """The events, sorted by (time, file order), those of one minute that give their seconds in the order
    of their seconds (the file states it), in the places they hold in the file's order; one that does not
    ('10:00' beside '10:00:30') keeps its place. (Only where every one gave its seconds were they put in
    order: '04:00:30', '04:00:10', '04:00' stayed so, against the order the file states.)"""
    ordered: list[_Pending] = []
    for _, group in groupby(keyed, key=lambda pair: pair[0][0]):
        run = [item for _, item in group]
        places = [place for place, item in enumerate(run) if item.second is not None]
        timed = sorted((run[place] for place in places), key=lambda item: item.second or 0.0)  # (stable)
        for place, item in zip(places, timed, strict=True):
            run[place] = item
        ordered += run
    return ordered
