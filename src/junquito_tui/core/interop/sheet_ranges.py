"""A date cell that gives a period as two dates ('15/01/2018-16/01/2018', '2018-01-15/2018-01-16',
'15 January 2018 to 16 January 2018', '2018-01'/'2018-03', ISO 8601's '2018-01-15/16'), or as two
days of a month written day first ('14-15/01/2018'): the first date, with the second as its end,
each as precise as written; two written otherwise ('15/01/2018 - 3 February 2018') where a
spaced joint or a word cuts them and each has its year. The first may leave its year to the second
('15 Jan - 3 Feb 2018'); where it then crosses a new year the text does not place ('15 December - 3
January 2018'), the period read covers both readings, approximate and said, as ``sheet_periods`` reads
'November-February 1951'. The second may leave its year to the first ('28 December 2019 - 3 January'):
it is then the first such day after the start, said. Years alone are ``sheet_periods``' (a range of years is approximate
there); a cell that splits into two dates in more than one way, or whose two dates are not as
precise as each other, is not read here."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..date_keys import days_in_month
from ..dates import MONTHS
from .sheet_date_values import Parsed, ordered, time_order

Exact = Callable[[str, int], "Parsed | str | None"]  # ``sheet_dates._exact``: one date, as written

_JOINT = re.compile(
    r"\s*(?:-|–|—|/)\s*|\s+(?:to|until|till|through|thru|al|hasta|au|à|bis|a|ao|até|jusqu'au|tot)\s+", re.IGNORECASE
)
_FROM = re.compile(r"^(?:from|du|del|desde|de|vom|von|dal|dall'|da|van)\s+", re.IGNORECASE)  # 'from 15 January to ...'
_ISO_HEAD = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")  # an ISO 8601 month or day
_ISO_TAIL = re.compile(r"^(?:\d{2}-)?\d{2}$")  # ISO 8601 leaves out of the end what it shares: '2018-01-15/16'
_ORDERS = {"dmy": "day/month", "mdy": "month/day"}
# '14-15/01/2018': two days, then the month and year they share (a form written day first)
_DAYS_BEFORE = re.compile(r"^(\d{1,2})\s*[-–—]\s*(\d{1,2})([/.])(\d{1,2})\3(\d{4})$")
_LEAST_YEAR = 100  # a half read as a year of one or two digits is no date of a period
_YEAR, _LETTER = re.compile(r"\d{3,}"), re.compile(r"[^\W\d_]")
_TAIL_YEAR = re.compile(r"(\d{3,})$")  # the second date's year, lent to a first that has none
_BARE_YEAR = re.compile(r"^\d{3,4}$")
_NUMBERS, _SPACES = re.compile(r"\d{1,2}"), re.compile(r"[\s,]+")
# 'de enero', 'de febrero de', 'sept.': one word's place
_WORDS = re.compile(r"[^\W\d_]+\.?(?:[\s,]+[^\W\d_]+\.?)*")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.\d{2,4}$")  # a date with dots shows its own order, as any does
_COULD_BE_YEARS = re.compile(r"could also be the years (\d+–(\d+))")  # (``sheet_dates._iso``'s note)
_LONGEST = 80  # characters: '15 de septiembre de 2018 al 16 de septiembre de 2018' is 52
BACKWARD = "two dates, the second ({1}) before the first ({0}): which one is wrong, the cell does not say"


def date_range(text: str, exact: Exact) -> Parsed | str | None:
    """The period ``text`` gives as two dates of a month or a day; why not, for two dates that go
    backwards; None for anything else."""
    if (days := _DAYS_BEFORE.match(text)) is not None:
        return _days_of_a_month(*map(int, days.group(1, 2, 4, 5)))
    if len(text) > _LONGEST:  # (each place a cell could be cut is tried: a long one is no two dates)
        return None
    text = _FROM.sub("", text, count=1)  # ('du 28 décembre au 3 janvier 2019': the words of a period's start)
    found = [
        made
        for joint in _JOINT.finditer(text)
        if (made := _two(text[: joint.start()], text[joint.end() :], joint.group(), exact)) is not None
    ]
    return found[0] if len(found) == 1 else None


def _two(head: str, tail: str, joint: str, exact: Exact) -> Parsed | str | None:
    if not head or not tail:
        return None
    if (whole := _iso_end(head, tail, joint)) is not None:
        made = _two(head, whole, joint, exact)
        if isinstance(made, Parsed) and _COULD_BE_YEARS.search(made.note or ""):
            return None  # ('1810-11 - 12': Nov-Dec 1810, or years; its end's reading would speak of '1810-12')
        iso = head[: len(head) - len(tail)] + tail  # (as ISO reads it: the parts it leaves out, the start's)
        if whole != iso and isinstance(made, Parsed) and made.end is not None:  # a new year or month crossed
            parts = "year" if len(tail) > 2 or len(head) < 10 else "month or year"
            made.end_note = "; ".join(filter(None, [made.end_note, _first_after(tail, _shown(made.end), parts)]))
        return made
    if _BARE_YEAR.match(tail) and not _lends_year(head):
        return _to_a_year(head, tail, exact)
    year = _TAIL_YEAR.search(tail)
    borrowed = _lends_year(head) and year is not None
    if borrowed and year is not None:  # '15 Jan - 3 Feb 2018': the first date's year is the second's
        head = f"{head} {year.group(1)}"
    elif year is None and _lends_year(tail) and _YEAR.search(head) is not None:
        return _end_takes_year(head, tail, exact)  # '28 December 2019 - 3 January'
    # two dates written alike: not '2017-03' and '12/2018' cut out of '2017-03-12/2018'; or written otherwise,
    # each with its year, cut where spaces or a word show the cut ('15/01/2018 - 3 February 2018')
    mixed = _shape(head) != _shape(tail)
    if mixed and (borrowed or not _cut_plainly(head, tail, joint)):
        return None
    first, last = exact(head, 0), exact(tail, 0)
    if not isinstance(first, Parsed) or not isinstance(last, Parsed) or not (_plain(first) and _plain(last)):
        return None
    if mixed and (first.dotted or last.dotted or (first.pair and last.pair)):
        return None  # ('01/02/2018 - 3.2.2018': two ways of ordering day and month, no one writer's)
    if mixed and any(_COULD_BE_YEARS.search(one.note or "") for one in (first, last)):
        return None  # ('2010-11 - March 2012' may be from 2010: read as free text, which holds both)
    if set(first.parts) != set(last.parts) or "month" not in first.parts or (borrowed and "day" not in first.parts):
        return None
    if min(first.parts["year"], last.parts["year"]) < _LEAST_YEAR:  # ('1-2-3-2018' is no February of the year 1)
        return None
    # the order a date shows (not 'same': '01/01/2018' shows none); a dotted one's, for this cell alone
    shown = [one.order or _dotted_order(written) for written, one in ((head, first), (tail, last))]
    # (a date written otherwise shows nothing of the other's order: the file's order decides it)
    orders = {order for order in shown if order is not None and order in _ORDERS and not mixed}
    if len(orders) > 1:  # one day/month, the other month/day: not one writer's period
        return None
    if _plain_months(first, last) and (years := _as_years(head, first, tail, last)) is not None:
        return years  # ('2000-01 - 2002-03': or the years 2000-2001 to 2002-2003)
    notes = [_of(written, part) for written, one in ((head, first), (tail, last)) for part in _parts_of(one.note)]
    if orders:  # a date that could be either is read as the cell's other date shows
        (order,) = orders
        for written, one in ((head, first), (tail, last)):
            if one.pair is not None:
                notes.append(f"{written!r} read as {_ORDERS[order]}, as the cell's other date shows")
        first, last = _ordered(first, order), _ordered(last, order)
    if not (_real(first) and _real(last)):  # ('15/01/2018-45/01/2018': no day 45 in either order)
        return None
    note = "; ".join(dict.fromkeys(notes)) or None
    said = list(dict.fromkeys([*first.said, *last.said]))
    keys = [(_key(first, swap), _key(last, swap)) for swap in ((False,) if orders else (False, True))]
    if borrowed and _key(first, False) >= _key(last, False):  # ('20 January - 10 January 2018', and one day)
        return _across_new_year(first, last)
    if all(start == end for start, end in keys):  # the same day twice: that day
        return Parsed(first.parts, note=note, pair=first.pair, order=first.order, dotted=first.dotted, said=said)
    if not any(start < end for start, end in keys):  # an end before its start: which is wrong, the cell does not say
        return None if borrowed else BACKWARD.format(head, tail)
    return Parsed(
        first.parts, note=note, end=last.parts, pair=first.pair, end_pair=last.pair,
        order=first.order or last.order, dotted=first.dotted or last.dotted, said=said,
    )  # fmt: skip


def _iso_end(head: str, tail: str, joint: str) -> str | None:
    """The end of an ISO 8601 month or day written without the leading parts it shares, written whole: ISO's
    '2018-01-15/16' (16 January); with a dash too, '2018-01-15 - 16' and '2018-01-15–16' (read as the year
    2018, 'month not given': a date trial), where an end with its month and no year of its own goes forward
    to the first such after the start ('2019-12-28 - 01-03': 3 January 2020; ISO's '/' keeps the start's year,
    and so goes backwards, said). None for any other two halves."""
    mark = joint.strip()
    spaced = joint[:1].isspace() and joint[-1:].isspace()
    dashed = mark in ("–", "—") or (spaced and (mark == "-" or mark.lower() in _UNTIL))  # ('2018-01-15 to 16' too)
    if not (mark == "/" or dashed) or not _ISO_HEAD.match(head) or not _ISO_TAIL.match(tail):
        return None
    if len(tail) > len(head) - 5:  # (a month's end with a day: no shorthand)
        return None
    whole = head[: len(head) - len(tail)] + tail
    if whole >= head or not dashed:  # (ISO's, backwards: said so by the reading)
        return whole
    # a dash's end before its start: the first such after it ('2018-01-30 - 02': 2 February; '01-03': the next year)
    if len(tail) == len(head) - 5:
        return f"{int(head[:4]) + 1:04d}-{tail}"
    year, month = int(head[:4]) + int(head[5:7]) // 12, int(head[5:7]) % 12 + 1
    return f"{year:04d}-{month:02d}-{tail}"


_UNTIL = ("to", "until", "till", "through", "thru")  # the joints of ``_JOINT`` that say 'to' in English


def _to_a_year(head: str, tail: str, exact: Exact) -> Parsed | str | None:
    """'15/01/2018 - 2019', '2017-03-12/2018', 'Sept. 1939 - 1945', '2000-12 - 2001': from that day or
    month to that year, each as precise as written (read before as the year 2019 alone, 2017 alone, the
    years 1939 to 1945, and 2000 to 2012)."""
    if _YEAR.search(head) is None:  # ('31-12-17-2018': a year of two digits is not written as the end's)
        return None
    first, year = exact(head, 0), int(tail)
    if not isinstance(first, Parsed) or not _plain(first) or "month" not in first.parts or not _real(first):
        return None
    if not _LEAST_YEAR <= first.parts["year"] <= year:
        return BACKWARD.format(head, tail) if first.parts["year"] >= _LEAST_YEAR else None
    if first.parts["year"] == year:  # ('15/01/2018 - 2018': no period the year adds; read as free text)
        return None
    if (years := _COULD_BE_YEARS.search(first.note or "")) is not None and int(years.group(2)) <= year:
        # '1810-11 - 1815' may be November 1810 to 1815, or the years 1810-1811 to 1815: the years, which hold both
        start, month = first.parts["year"], MONTHS[first.parts["month"] - 1]
        reading = (
            f"could be {month} {start} to {year}, or the years {years.group(1)} to {year}: read as {start} to "
            f"{year}, which covers both"
        )
        return Parsed({"year": start}, approximate=True, end_approximate=True, note=reading, end={"year": year})
    note = "; ".join(_of(head, part) for part in _parts_of(first.note)) or None
    return Parsed(
        first.parts, note=note, end={"year": year}, pair=first.pair, order=first.order, dotted=first.dotted,
        said=first.said,
    )  # fmt: skip


def _end_takes_year(head: str, tail: str, exact: Exact) -> Parsed | None:
    """'28 December 2019 - 3 January', 'March 2018 - May': an end with no year of its own after a first
    date with one is the first such day or month after the start (3 January 2020, May 2018), said
    (they were read as the years 2018 to 2020, as if the year could be the end's). None where the first
    date is not a plain day or month of a year, or the end is not read alike with that year."""
    first = exact(head, 0)
    if not isinstance(first, Parsed) or not _plain(first) or first.pair is not None or "month" not in first.parts:
        return None
    year = first.parts["year"]
    if year < _LEAST_YEAR or not _real(first):
        return None
    # the first year from the start's on whose such day is a day of the calendar and after the start (29
    # February: up to eight years on; it was read as the years 2021 to 2029, '29' a year: a date trial)
    same = False
    for later in range(year, year + 9):
        for written in (f"{tail} {later}", f"{tail}, {later}"):  # ('3 January 2019', 'Jan 3, 2019')
            last = exact(written, 0)
            if isinstance(last, Parsed) and _plain(last) and last.pair is None and set(last.parts) == set(first.parts):
                break
        else:
            continue
        same = same or _key(last, False) == _key(first, False)
        if _real(last) and _key(first, False) < _key(last, False):
            break
    else:
        return None
    end = last.parts
    shown = _shown(end)
    notes = [_of(head, part) for part in _parts_of(first.note)]
    start = _shown(first.parts)
    # the end's year inferred: said on the end, as the event page and exports show each date's note with its date
    # ('15 March 2018 - 15 March': that day alone, or to the same day a year on)
    ending = (
        f"{tail!r} could be {start} again, or {shown}: read as {start} to {shown}, which covers both"
        if same
        else _first_after(tail, shown)
    )
    return Parsed(
        first.parts, note="; ".join(notes) or None, end=end, end_approximate=same, order=first.order,
        dotted=first.dotted, said=first.said, end_note=ending,
    )  # fmt: skip


def _shown(parts: dict[str, int]) -> str:
    return f"{_day(parts) if 'day' in parts else MONTHS[parts['month'] - 1]} {parts['year']}"


def _first_after(tail: str, shown: str, parts: str = "year") -> str:
    return f"{tail!r} has no {parts} of its own: read as {shown}, the first after the start"


def _as_years(head: str, first: Parsed, tail: str, last: Parsed) -> Parsed | None:
    """Two year-months of which one or both could be two years, going forward as years too ('2000-01 -
    2002-03': January 2000 to March 2002, or the years 2000-2001 to 2002-2003): a period that holds
    both readings, said. None where the years would not go forward ('1999-12/2000-01': the years
    1999-2012 to 2000-2001), or neither could be years."""
    could = [_COULD_BE_YEARS.search(one.note or "") for one in (first, last)]
    if None in could:  # ('2010-11 - 2011-05': the end can only be a month, and so the start is one too)
        return None
    spans = [
        tuple(map(int, match.group(1).split("–"))) if match else (one.parts["year"],) * 2
        for match, one in zip(could, (first, last), strict=True)
    ]
    if spans[0][1] > spans[1][0]:  # as years, going backwards: the months alone
        return None
    start = {"year": spans[0][0]} if could[0] else first.parts
    end = {"year": spans[1][1]} if could[1] else last.parts
    years = " to ".join(
        match.group(1) if match else written for match, written in zip(could, (head, tail), strict=True)
    )
    reading = f"could be {head} to {tail} as months, or {years} as years: read to cover both"
    return Parsed(start, approximate=True, end_approximate=True, note=reading, end=end)


def _plain_months(first: Parsed, last: Parsed) -> bool:
    return set(first.parts) == set(last.parts) == {"year", "month"}


def _cut_plainly(head: str, tail: str, joint: str) -> bool:
    """Whether two dates written otherwise are cut where the cell plainly cuts them: a joint with spaces
    around it, or a word ('15/01/2018 - 3 February 2018', not '5-Aug-24 - September 2024', whose first
    date has no year of its own), each date with a year of its own."""
    spaced = joint[:1].isspace() and joint[-1:].isspace()
    return spaced and _YEAR.search(head) is not None and _YEAR.search(tail) is not None


def _days_of_a_month(first: int, last: int, month: int, year: int) -> Parsed | None:
    start, end = (
        Parsed({"year": year, "month": month, "day": first}),
        Parsed({"year": year, "month": month, "day": last}),
    )
    return Parsed(start.parts, end=end.parts) if first < last and _real(start) and _real(end) else None


def _real(parsed: Parsed) -> bool:
    """Whether the date is a day of the calendar (its month and day in range, in some order if either)."""
    parts = parsed.parts
    if not 1 <= parts["month"] <= 12:
        return False
    return "day" not in parts or 1 <= parts["day"] <= days_in_month(parts["year"], parts["month"])


def _lends_year(head: str) -> bool:
    """Whether the first date may take the second's year: a day and a month by name, no year of its own."""
    return _YEAR.search(head) is None and _LETTER.search(head) is not None


def _across_new_year(first: Parsed, last: Parsed) -> Parsed | None:
    """'15 December - 3 January 2018': 15 December 2017 to 3 January 2018, or 15 December 2018 to 3
    January 2019; read as 15 December 2017 to 3 January 2019, which covers both, approximate and said.
    A reading that would need a day the calendar lacks (29 February 2017) is no reading."""
    year = last.parts["year"]
    if year - 1 < 1:  # (no year 0 to cross into: left to the readings of free text)
        return None
    one, two = _day(first.parts), _day(last.parts)
    readings = [
        (start, end)
        for start, end in ((year - 1, year), (year, year + 1))
        if _real(Parsed({**first.parts, "year": start})) and _real(Parsed({**last.parts, "year": end}))
    ]
    if not readings:
        return None
    (begins, _), (_, ends) = readings[0], readings[-1]
    shown = [f"{one} {start} to {two} {end}" for start, end in readings]
    if one == two:  # '5 Aug - 5 Aug 2024': that day alone, written twice, is a reading too (and held)
        shown.insert(0, f"{one} {year} alone")
    if len(shown) == 1:  # the other needs a day the calendar lacks
        note = f"could only be {shown[0]} (a day of the other reading is no day of its year)"
    else:
        every = "both" if len(shown) == 2 else f"all {len(shown)}"
        listed = ", ".join(shown[:-1]) + (", or " if len(shown) > 2 else " or ") + shown[-1]
        note = f"could be {listed}: read as {one} {begins} to {two} {ends}, which covers {every}"
    return Parsed(
        {**first.parts, "year": begins}, approximate=True, end_approximate=True, note=note,
        end={**last.parts, "year": ends},
    )  # fmt: skip


def _day(parts: dict[str, int]) -> str:
    return f"{parts['day']} {MONTHS[parts['month'] - 1]}"


def _key(parsed: Parsed, swap: bool) -> tuple[int, ...]:
    """The date's parts in time order (``swap``: its day and month, where it could be either, month first)."""
    return time_order(ordered(parsed.parts, parsed.pair, "mdy" if swap else "dmy"))


def _shape(text: str) -> str:
    """How a date is written: its years (three digits or more), other numbers, words, separators and
    spaces ('9/9/Y', '9 a Y'; a comma as a space): '2017-03' (Y-9) is not written as '12-2018' (9-Y),
    nor '5-Aug 2024' (9-a Y) as '24 - September 2024' (9 - a Y)."""
    return _SPACES.sub(" ", _WORDS.sub("a", _NUMBERS.sub("9", _YEAR.sub("Y", text))))


def _dotted_order(text: str) -> str | None:
    """The order a date with dots shows by a part over 12 ('13.1.2018'), which ``_numeric`` keeps from the
    file's evidence (dots are day first by convention): within one cell, the other date is written so."""
    if (match := _DOTTED.match(text)) is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    return "dmy" if first > 12 >= second else "mdy" if second > 12 >= first else None


def _parts_of(note: str | None) -> list[str]:
    return note.split("; ") if note else []


def _of(written: str, note: str) -> str:
    """A half's note, naming the half where it could be read otherwise ("'2000-01' could also be ...")."""
    return f"{written!r} {note}" if note.startswith("could") else note


def _plain(parsed: Parsed) -> bool:
    """A date of a year, month and maybe day: no time, zone, period or guess of its own (a year-month
    that could also be two years, '2000-01', is read as the month, said: two alike are two months)."""
    return (
        parsed.end is None
        and (not (note := parsed.note or "").startswith("could") or note.startswith("could also be the years"))
        and parsed.offset is None
        and not parsed.approximate
        and not parsed.month_only
        and set(parsed.parts) <= {"year", "month", "day"}
    )


def _ordered(parsed: Parsed, order: str) -> Parsed:
    """The date with its day and month in ``order`` (one that could be either: its ``pair``)."""
    if parsed.pair is None:
        return parsed
    return Parsed(ordered(parsed.parts, parsed.pair, order), note=parsed.note, said=parsed.said)
