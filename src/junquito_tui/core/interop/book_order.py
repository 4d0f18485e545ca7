"""The order of day and month a workbook's date cells are formatted in, as evidence for its dates typed
as text. A spreadsheet cannot store a date before 1900 as a date: a historian's sheet holds them as
text ('05/03/1899') beside date cells formatted 'dd/mm/yyyy'. The text could be either order, and
was read month first, "assumed: no date shows it", while every date cell of the sheet shows day first.

Only formats that write the order out count: a custom format with a day and a month in numbers
('dd/mm/yyyy', 'mm-dd-yy'; not 'd mmm yyyy', whose named month says nothing of how numbers are
written), or an ODS data style with both in numbers. Excel's built-in short date (14, 'm/d/yyyy') is
shown in the order of the computer's language, so it is no evidence. Counted in the probe's child,
where a sheet has such formats (their cells are walked as those of formats that show less are): the
evidence is used only for a text date that could be read either way (``sheet_when.DayOrder``).
"""

from __future__ import annotations

from xml.etree import ElementTree

from .book_formats import BUILT_IN, FoundCells, date_sections, kind_of, parts_in_order

ORDERS = ("dmy", "mdy")


def day_order(format_code: str) -> str | None:
    """'dmy' or 'mdy' where every way the format shows a date has a day and a month in numbers in that
    order, the year (if shown) after them; else None."""
    found = set()
    for section in date_sections(format_code):
        # a day and a month in numbers ('dd', 'm'; not 'mmm', a name), and where the year is
        parts = [
            kind
            for kind, written in parts_in_order(section)
            if kind == "y" or (kind in ("d", "m") and len(written) < 3)
        ]
        found.add(_order(parts, "d", "m", "y"))
    return found.pop() if len(found) == 1 else None


def judged(text: object, number: int, orders: bool) -> str | None:
    """What a numbered format (XLSX, XLS, XLSB) shows of a date (``kind_of``; a built-in one by its
    number), or with ``orders`` the day/month order it writes out: a custom one's only (164 and up)."""
    if orders:
        return day_order(text) if isinstance(text, str) and number >= 164 else None
    return kind_of(text) if isinstance(text, str) else BUILT_IN.get(number)


def ods_day_order(data_style: ElementTree.Element) -> str | None:
    """The same of an ODS date style: its day and month elements in numbers (a month written as its
    name, ``number:textual="true"``, is no evidence)."""
    parts = []
    for child in data_style:
        tag = child.tag.rpartition("}")[2]
        textual = any(key.endswith("}textual") and value == "true" for key, value in child.attrib.items())
        if tag in ("day", "month", "year") and not textual:
            parts.append(tag)
    return _order(parts, "day", "month", "year")


def _order(parts: list[str], day: str, month: str, year: str) -> str | None:
    """'dmy' or 'mdy' of a day and a month in numbers, the year (if shown) after both: ISO's
    'yyyy-mm-dd' says nothing of how a day and a month alone are written."""
    if day not in parts or month not in parts:
        return None
    if year in parts and parts.index(year) < max(parts.index(day), parts.index(month)):
        return None
    return "dmy" if parts.index(day) < parts.index(month) else "mdy"


def seen(found: FoundCells, row: int, order: str) -> None:
    """A date cell formatted in ``order``, at ``row`` (from 0): counted, the first kept."""
    count, first = found.orders.get(order, (0, row))
    found.orders[order] = (count + 1, min(first, row))


def evidence(found: FoundCells) -> tuple[str, str] | None:
    """The order the sheet's date cells are formatted in and how to say it, if they agree."""
    if len(found.orders) != 1:
        return None  # none, or both: no evidence
    ((order, (count, first)),) = found.orders.items()
    shown = "dd/mm" if order == "dmy" else "mm/dd"
    cells = f"{count:,} date cells are" if count > 1 else "one date cell is"  # ('the sheet's its': a trial)
    return order, f"as the sheet's {cells} formatted ({shown}, such as row {first + 1})"
