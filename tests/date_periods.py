"""The days a date reading claims, for the tests that check them against a calendar's own days."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from junquito_tui.core.interop.sheet_date_values import Parsed


def period_of(parsed: Parsed) -> tuple[dt.date, dt.date]:
    """The first and last day of the period ``parsed`` claims (a missing month or day: the period's whole)."""
    start, end = parsed.parts, parsed.end or parsed.parts
    month = end.get("month", 12)
    first = dt.date(start["year"], start.get("month", 1), start.get("day", 1))
    return first, dt.date(end["year"], month, end.get("day", monthrange(end["year"], month)[1]))
