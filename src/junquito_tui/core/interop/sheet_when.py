"""Spreadsheet date cells to our ``When`` for one file: warnings located, the day order decided once.

``1/2/1951`` is 1 February in most of the world and 2 January in the United States. The file decides:
a date with a part over 12 (``25/12/1951``) shows its order, and the order most such dates show is
used for the ambiguous ones. When no date shows it, the assumption is stated in a warning. A date with
dots (``1.2.1951``) is read day first, as such dates are written: a convention, said in its note and a
warning, and no evidence of the order of the file's other dates. The date
parts then go through the TimelineJS importer's ``DateReader``, so precision, impossible days and
seconds are handled exactly as there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import bounds
from ..dates import iso_or_era
from ..either_way import ASSUMED, MET_FIRST, MOST
from ..records import When
from .notes import Notes
from .sheet_date_values import Parsed, Parts, ordered, time_order
from .sheet_dates import beyond_read, bound_parts, read_date
from .timelinejs_dates import DateReader

ORDERS = {"dmy": "day/month", "mdy": "month/day"}
DOTTED = "could be day/month or month/day: read as day/month, as dates with dots are usually written"
DOTTED_WARNING = (
    "dates with dots whose day and month could be swapped (such as 1.2.1951) read as day/month, as dates with dots "
    "are usually written (--columns order=mdy says otherwise)"
)
_UNREAD = "\x00unread"  # not a value read_date returns
# Every time a file gives is midnight ('2020-03-21T00:00:00', '1810-11-09 00:00:00+00:00', JavaScript's
# '...T00:00:00.000Z'): a program writing days, not events at 00:00 (a trial found 00:00 drawn for each).
ALL_MIDNIGHT = (
    "every time the file's dates give is midnight (0:00), as programs write a date alone: each is read as its day"
)
ALL_MIDNIGHT_NOTE = "the file gives a time of midnight (0:00), as it does for every date: read as the day"
_CLOCK = ("hour", "minute", "second")
# A day alone in its cell, a time after it at most ('25/02/2018', '25-02-18 10:00'): not '17-10-1234 (docket)'
_NUMERIC_DAY = re.compile(r"\s*\d{1,2}([/.-])\d{1,2}\1(?:\d{2}|\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?\s*")


@dataclass
class DayOrder:
    """Evidence for the order of day and month, gathered row by row, decided at the end."""

    fixed: str | None = None  # from --columns order=dmy|mdy
    default: str = "mdy"
    why_default: str = "as US spreadsheets write them"
    seen: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # order -> (count, where, text)
    ambiguous: tuple[int, str, str] = (0, "", "")
    decided: str | None = None
    formatted: bool = False  # the default is the order the workbook's date cells are formatted in

    def see(self, parsed: Parsed, where: str, value: object) -> None:
        """Count the evidence of one date (``value``: its cell, quoted in the decision's warning)."""
        if parsed.order in ORDERS:
            count, first, example = self.seen.get(parsed.order) or (0, where, _text(value))
            self.seen[parsed.order] = (count + 1, first, example)
        elif parsed.waits() and not parsed.dotted:  # a dotted date waits for nothing: day first
            count, first, example = self.ambiguous
            self.ambiguous = (count + 1, first or where, example or _text(value))

    def decide(self, notes: Notes) -> str:
        if self.decided is not None:
            return self.decided
        count, where, example = self.ambiguous
        if self.fixed is not None:
            self.decided = self.fixed
            other = "mdy" if self.fixed == "dmy" else "dmy"
            if other in self.seen:  # the order given, and dates that can only be the other one
                n, at, text = self.seen[other]
                notes.add(
                    "",
                    f"--columns order={self.fixed}, but {n:,} date{'s' if n > 1 else ''} such as {text!r} ({at}) can "
                    f"only be {ORDERS[other]}: each is read the only way it can be",
                )
        elif len(self.seen) == 2:
            (major, (n1, w1, t1)), (minor, (n2, w2, t2)) = sorted(self.seen.items(), key=lambda kv: -kv[1][0])
            self.decided = major
            either = f"the {count:,} that could be either as {ORDERS[major]}"
            if n1 == n2 and count:
                either += f", the order met first ({w1}): the file's dates show neither more often"
            notes.add(
                "",
                f"dates in both orders: {n1:,} like {t1!r} ({w1}) are {ORDERS[major]}, {n2:,} like {t2!r} ({w2}) "
                f"are {ORDERS[minor]}; each is read the only way it can be" + (f", and {either}" if count else ""),
            )
        elif self.seen:
            ((self.decided, (_, shown_at, shown)),) = self.seen.items()
            if count:  # an inference from other rows: said, so a reader can check it
                notes.add(
                    "",
                    (f"{count:,} dates such as" if count > 1 else "the date")
                    + f" {example!r} ({where}) could be day/month or month/day: read as {ORDERS[self.decided]}, "
                    f"the order {shown!r} ({shown_at}) shows "
                    "(--columns order=dmy or order=mdy says otherwise)",
                )
        else:
            self.decided = self.default
            if count:
                notes.add(
                    "",
                    (f"{count:,} dates such as" if count > 1 else "the date")
                    + f" {example!r} ({where}) could be day/month or month/day and no date the file "
                    f"writes as text settles it: read as {ORDERS[self.default]}, {self.why_default} "
                    "(--columns order=dmy or order=mdy says otherwise)",
                )
        return self.decided


@dataclass
class SheetDates:
    """Reads date cells, then builds their ``When`` once the file's day order is known."""

    notes: Notes
    order: DayOrder = field(default_factory=DayOrder)
    reader: DateReader = field(init=False)
    # Exports repeat the same few thousand dates: each text is read once, each date built once. A
    # Parsed from the cache is shared: callers change a copy (dataclasses.replace), never the cache's.
    _parsed: dict[str, Parsed | str | None] = field(default_factory=dict)
    _built: dict[tuple[object, ...], When] = field(default_factory=dict)
    timed: bool = False  # a date read so far gives a time other than midnight (else, each is its day)

    def __post_init__(self) -> None:
        self.reader = DateReader(self.notes)

    def peek(self, value: object) -> Parsed | str | None:
        """What ``read`` makes of the cell, nothing said yet (the parsed date is not to be changed)."""
        if isinstance(value, str):
            parsed = self._parsed.get(value, _UNREAD)
            if parsed is _UNREAD:
                parsed = self._parsed[value] = read_date(value)
            return parsed
        return read_date(value)

    def read(self, value: object, where: str, consequence: str = "row skipped") -> Parsed | None:
        """The parsed cell; None for an empty one, or (with a warning ending in ``consequence``) one with no date."""
        parsed = self.peek(value)
        if isinstance(parsed, str):
            self.notes.add(where, f"{_shown(value)}: {parsed}; {consequence}")
            return None
        if parsed is not None:
            if isinstance(value, str) and ("\n" in value.strip() or "\r" in value.strip()):
                # a break inside the cell ('2020-01-\n04') is read as a space: what was read is said
                self.notes.add(where, f"the date cell holds a line break; read as {_text(value)!r}")
            self.order.see(parsed, where, value)  # most dates say nothing of the order: no text made
            if not self.timed:  # (a fraction of a second past midnight is a time: '00:00:00.5')
                ends = parsed.end is not None and _shows_time(parsed.end)
                self.timed = _shows_time(parsed.parts) or ends or bool(parsed.seconds)
            for message in parsed.said:
                self.notes.group(message, where)
            if parsed.dotted and parsed.waits() and self.order.fixed is None:
                self.notes.group(DOTTED_WARNING, where)
        return parsed

    def evidence(self, value: object, where: str) -> None:
        """A date in a column not read as one (a 'Published' column's '25/02/2018', a day alone in its cell):
        the order of day and month it shows counts for the file's, as the dates read do (a user trial found it
        left out, and the warning saying no date of the file showed one)."""
        if isinstance(value, str) and _NUMERIC_DAY.fullmatch(value) is not None:
            parsed = self.peek(value)
            if isinstance(parsed, Parsed) and parsed.order in ORDERS:
                self.order.see(parsed, where, value)

    def parts(self, parsed: Parsed, *, end: bool = False) -> Parts:
        """The parsed date's parts (``end``: its end's), its day and month in the file's order (decided on
        first use)."""
        parts, pair = (parsed.end, parsed.end_pair) if end and parsed.end is not None else (parsed.parts, parsed.pair)
        if pair is not None:
            parts = ordered(parts, pair, self._order_of(parsed))
            if parsed.shift and not end:  # 'before 03/02/2018': the day before it, once read
                parts = beyond_read(parts, parsed.shift)[0]
        if parsed.month_only:
            parts = {"year": parts["year"], "month": parts["month"]} if "month" in parts else parts
        if self.as_day(parsed):
            parts = {name: value for name, value in parts.items() if name not in _CLOCK}
        return parts

    def as_day(self, parsed: Parsed) -> bool:
        """Whether the date's time is a midnight read as its day (``ALL_MIDNIGHT``): asked once every
        date is read."""
        return not self.timed and "hour" in parsed.parts

    def _order_of(self, parsed: Parsed) -> str:
        """The order its day and month are read in: the dots' convention, or the file's."""
        return "dmy" if parsed.dotted and self.order.fixed is None else self.order.decide(self.notes)

    def when(self, parsed: Parsed, where: str, consequence: str) -> When | None:
        """Our date for a parsed cell, exactly as precise as it is; None when even the year is unusable."""
        parts = self.parts(parsed)
        note = self.note(parsed)
        if self.as_day(parsed):
            self.notes.group(ALL_MIDNIGHT, where)
        key = (*parts.items(), note, parsed.approximate, parsed.offset)
        if (built := self._built.get(key)) is not None:
            return built
        said = self.notes.said
        when = self.reader.read(_strings(parts), where, consequence, note)
        if when is None:
            return None
        if parsed.approximate != when.approximate:  # (the cell's reading says, not its note read as a display date)
            when = replace(when, approximate=parsed.approximate)
        if parsed.offset is not None and when.precision == "minute":
            when = replace(when, utc_offset=parsed.offset)
        if self.notes.said == said:  # nothing to warn about: the next row with this date needs no reading
            self._built[key] = when
        return when

    def note(self, parsed: Parsed) -> str | None:
        """The date's note; for a date that could be read either way ('1/2/1951'), how its order was
        chosen, on the date itself (the file's warning says it once; a reader looks at the event)."""
        note = self._note(parsed)
        if self.as_day(parsed):
            return f"{note}; {ALL_MIDNIGHT_NOTE}" if note else ALL_MIDNIGHT_NOTE
        return note

    def _note(self, parsed: Parsed) -> str | None:
        if not parsed.waits():
            return parsed.note
        inferred = self._inferred(parsed)
        if parsed.pair is None:  # ('01/01/2018-03/02/2018': only its end could be either)
            inferred = f"its end {inferred}"
        elif parsed.shift:  # 'before 03/02/2018': the day it was moved to, and the bound it is given only as
            pair = ordered(parsed.parts, parsed.pair, self._order_of(parsed))
            written = bound_parts(pair)  # (the year as our dates count it: a fuzz found one a year off)
            listed = beyond_read(pair, parsed.shift)[1]  # '' where the calendar cannot count the day (BCE): then a
            strict = ("before", "after") if listed else ("by", "from")  # bound that may hold it, the day kept
            side = bounds.mark(strict[0] if parsed.shift < 0 else strict[1], written)
            inferred = f"{listed}; {side}; {inferred}" if listed else f"{side}; {inferred}"
        elif parsed.bound is not None:  # 'since 03/02/2018': the bound, in the order read (a review: marked before)
            pair = ordered(parsed.parts, parsed.pair, self._order_of(parsed))
            inferred = f"{bounds.mark(parsed.bound, bound_parts(pair))}; {inferred}"
        return f"{parsed.note}; {inferred}" if parsed.note else inferred

    def _inferred(self, parsed: Parsed) -> str:
        if parsed.dotted and self.order.fixed is None:
            return DOTTED
        return f"could be day/month or month/day: read as {ORDERS[self.order.decide(self.notes)]}, {self._how()}"

    def _how(self) -> str:
        """Why the file's dates that could be either are read in its order, in a date's note."""
        seen = self.order.seen
        if self.order.fixed is not None:
            return f"as --columns order={self.order.fixed} says"
        if not seen:
            return self.order.why_default if self.order.formatted else ASSUMED
        if len(seen) == 1:
            return "shown by other dates in the file"
        if len({count for count, _, _ in seen.values()}) == 1:
            return MET_FIRST
        return MOST

    def end_of(self, parsed: Parsed, where: str) -> When | None:
        """The end a decade, century, range of years or two dates imply (approximate where the doubt is the
        whole period's: ``end_approximate``)."""
        if parsed.end is None:
            return None
        # an end that could be either way round says so itself, as a date of its own cell does: what shows
        # its other reading asks the date alone ('01/02/2018 - 03/04/2018'; not an End column's '5 April 2018')
        inferred = self._inferred(parsed) if parsed.end_pair is not None else None
        note = "; ".join(filter(None, [inferred, parsed.end_note])) or None
        end = self.reader.read(_strings(self.parts(parsed, end=True)), where, "end ignored", note)
        if end is not None and parsed.offset is not None and end.precision == "minute":  # (a timed period's zone)
            end = replace(end, utc_offset=parsed.offset)
        return replace(end, approximate=True) if end is not None and parsed.end_approximate else end

    def backward(self, parsed: Parsed, where: str, consequence: str = "row skipped") -> bool:
        """Whether the cell's own period ends before it starts once its day and month are read in the
        file's order ('01/02/2018-02/01/2018' in a day/month file): said, its row to be skipped (read as
        the cell is, a period that goes backwards either way is skipped already)."""
        if parsed.end is None or not parsed.waits():
            return False
        start, end = self.parts(parsed), self.parts(parsed, end=True)
        if time_order(end) >= time_order(start):
            return False
        if parsed.dotted and self.order.fixed is None:
            how = "day/month, as dates with dots are usually written"
        else:
            how = f"{ORDERS[self.order.decide(self.notes)]}, the order this file's dates are read in"
        self.notes.add(
            where,
            f"two dates, the second ({_iso(end)}) before the first ({_iso(start)}) read as {how}: which one is "
            f"wrong, the cell does not say; {consequence}",
        )
        return True

    def other_end(self, parsed: Parsed, end: When, where: str) -> tuple[When, str | None]:
        """The end to use beside the cell's own period, given ``end`` (an end column's): where one is within
        the other ('1850s' and 1859-12-31, 16 January 2018 and 2018), the finer; else ``end``, with the
        start's note on the cell's own end, said in a warning too."""
        own = self.end_of(parsed, where)
        if own is None:
            return end, None
        if own.date.startswith(end.date) or end.date.startswith(own.date):
            # (an end column's doubt, 'c. January 2018', is kept: its end is given as the file gives it)
            finer = len(own.date) > len(end.date) and not (end.approximate or end.note)
            return (own if finer else end), None
        self.notes.group(OTHER_END, where)
        said = f"the date cell's period ends {iso_or_era(own)}, not {iso_or_era(end)} as the end given beside it says"
        return end, said


OTHER_END = (
    "a date cell gives a period whose end is not the end given beside it: that end is used, the cell's said in "
    "the start's note"
)


def _shows_time(parts: Parts) -> bool:
    return any(parts.get(name) for name in _CLOCK)


def ending(parsed: Parsed) -> Parsed:
    """A cell read as an event's end: a period ends where its text's period ends ('1826-31' in 1831,
    '1950s' in 1959, 'January-March 1950' in March), its note and approximate flag kept."""
    if parsed.end is None:
        return parsed
    return replace(parsed, parts=parsed.end, end=None, pair=parsed.end_pair, end_pair=None, order=None)


def _iso(parts: Parts) -> str:
    return "-".join(f"{number:02d}" for number in time_order(parts))


def _strings(parts: Parts) -> dict[str, object]:
    return dict(parts)


def _text(value: object) -> str:
    return " ".join(str(value).split())


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return str(value).upper()  # as a spreadsheet shows it: TRUE, FALSE
    text = _text(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")
