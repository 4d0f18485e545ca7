"""A TimelineJS slide's display date that gives another date than the slide's own ('March 3, 1999' on a
slide dated 16 January 2018): the slide's date is used, as TimelineJS places the slide by it, and the
display date is kept in the date's note, said there as another date, not shown as a gloss on this one."""

from __future__ import annotations

import re

from ..records import When
from .timelinejs_dates import timelinejs_year

DISAGREES = "a display date that gives another date than the slide's: the slide's date is used, the display date noted"


def disagreement(display: str, when: When) -> str | None:
    """The note for ``display`` where it reads as a date (no approximation, no doubt about the order of
    day and month) whose period does not meet ``when``'s; None where they meet or it is no such date."""
    from .sheet_dates import read_date  # (the date reader of spreadsheets: only for a slide with a display date)

    # a word of doubt before a plain date ('circa 1999', 'around March 2018': a date trial found them unsaid on a
    # slide of 2018) is that date, a unit either side; any other approximate text is not set against the date
    rest, doubted = _without_doubt(display)
    parsed = read_date(rest)
    if isinstance(parsed, str) or parsed is None or parsed.pair is not None or parsed.approximate:
        return None
    if parsed.end_pair is not None or "hour" in parsed.parts or parsed.offset is not None:  # (a time: its zone)
        return None
    if str(abs(parsed.parts["year"])) not in display:  # a year the reader completed ('1/16/18'): no year written
        return None
    year, *finer = when.parts()[:3]  # (astronomical: -499 is 500 BCE, -500 in the reader's count)
    written = dict(zip(("year", "month", "day"), [timelinejs_year(year), *finer], strict=False))
    shown, given = _bounds(parsed.parts, parsed.end or parsed.parts), _bounds(written, written)
    unit = "day" if "day" in parsed.parts else "month" if "month" in parsed.parts else "year"
    if doubted:
        margin = _MARGIN[unit]
        shown = (shown[0] - margin, shown[1] + margin)
    if shown[0] <= given[1] and given[0] <= shown[1]:
        return None
    more = f" (more than a {unit} from it, approximate as the display date is)" if doubted else ""
    return f"the file's display date, {display!r}, gives another date than this one{more}"


def doubted(display: str) -> bool:
    """Whether ``display`` is a date with a word of doubt ('circa 1999', '1999?'): where that date is another than
    the slide's, the doubt is its own, not the slide's."""
    return _without_doubt(display)[1]


def _without_doubt(display: str) -> tuple[str, bool]:
    """The date with its word of doubt taken off ('circa 1999', 'vers 1999', '(c. 1999)', '1999?', '1999
    (approx.)': a re-trial found these unsaid), and whether there was one."""
    text = display.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    rest = text
    if (before := _DOUBT.match(rest)) is not None:
        rest = rest[before.end() :]
    if (after := _DOUBT_AFTER.search(rest)) is not None and after.start() > 0:
        rest = rest[: after.start()]
    return (rest, True) if rest != text else (display, False)


_DOUBT = re.compile(
    r"^(?:c\.?|ca\.?|circa\.?|circ\.|about|around|approx\.?|approximately|aprox\.?|aproximadamente|~|"
    r"early|mid-?|late|some\s*time\s+in|in\s+about|probably|perhaps|vers|environ|um|etwa|gegen|hacia|"
    r"alrededor\s+de|cerca\s+de)(?:(?<=[.\-~])|(?![^\W\d_]))\s*(?=\d|[^\W\d_])",
    re.IGNORECASE,
)
_DOUBT_AFTER = re.compile(r"\s*(?:\?|\(\?\)|\(?(?:approx\.?|ca\.|c\.|circa)\)?)$", re.IGNORECASE)
# Days counted as if every month had 31 (only compared, never shown): a unit's margin, a week for a day
_MARGIN = {"year": 372, "month": 31, "day": 7}


def _bounds(first: dict[str, int], last: dict[str, int]) -> tuple[int, int]:
    return _count(first["year"], first.get("month", 1), first.get("day", 1)), _count(
        last["year"], last.get("month", 12), last.get("day", 31)
    )


def _count(year: int, month: int, day: int) -> int:
    return year * 372 + (month - 1) * 31 + day
