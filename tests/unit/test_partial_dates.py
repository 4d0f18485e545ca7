"""``parse_partial_date``: a day or a clock time read by the standard library's parser where its
characters are laid out as the format's, everything else by the format's own pattern. The oracle is
the pattern alone, on every string near the format's shapes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from junquito_tui.core.dates import short_date
from junquito_tui.core.records import Precision, When, _by_pattern, parse_partial_date

# The format's own characters, and their neighbours: other separators, signs, spaces, other digits.
_CHARACTERS = st.sampled_from([*"0123456789", *"0129", "-", "T", ":", "+", " ", "t", "W", "Z", "١", "５", "."])
# Strings of the format's lengths (a year, a month, a day, a clock time), and a few around them.
_NEAR = st.sampled_from([4, 7, 10, 16, 5, 8, 9, 11, 15, 17]).flatmap(
    lambda size: st.lists(_CHARACTERS, min_size=size, max_size=size).map("".join)
)
# Strings laid out as the format, holding any digits: every day and time, real or not.
_SHAPED = st.builds(
    "{:04d}-{:02d}-{:02d}{}".format,
    st.integers(0, 9999),
    st.integers(0, 13),
    st.integers(0, 32),
    st.none().map(lambda _: "")
    | st.tuples(st.integers(0, 25), st.integers(0, 61)).map("T{0[0]:02d}:{0[1]:02d}".format),
)


def _read(read: object, date: str) -> tuple[int, ...] | str:
    try:
        return read(date)  # type: ignore[operator, no-any-return]
    except ValueError:
        return "refused"


@settings(max_examples=2000)
@given(_NEAR | _SHAPED)
def test_every_date_is_read_as_the_pattern_reads_it(date: str) -> None:
    assert _read(parse_partial_date.__wrapped__, date) == _read(_by_pattern, date)


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2018-01-15T04:00", (2018, 1, 15, 4, 0)),
        ("2016-02-29", (2016, 2, 29)),
        ("0000-01-01", (0, 1, 1)),  # year 0: the standard library has none, the format has
        ("-0475-03-01", (-475, 3, 1)),
        ("2018", (2018,)),
    ],
)
def test_dates_the_format_gives(date: str, parts: tuple[int, ...]) -> None:
    assert parse_partial_date(date) == parts


@pytest.mark.parametrize("date", ["2017-02-29", "2018-01-15T24:00", "2018-01-15 04:00", "2018-01-1５"])
def test_dates_the_format_refuses(date: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_partial_date(date)


def test_an_hour_of_24_is_refused_whatever_the_standard_library_makes_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python 3.14's parser reads T24:00 as midnight of the next day (3.11 to 3.13 refuse it): the
    format has no hour 24 on any version."""
    import datetime as dt

    from junquito_tui.core import records

    def lenient(text: str) -> dt.datetime:  # 3.14's reading, on the Python the tests run on
        if text[11:16] == "24:00":
            return dt.datetime.fromisoformat(text[:10]) + dt.timedelta(days=1)
        return dt.datetime.fromisoformat(text)

    monkeypatch.setattr(records, "_DATETIME", lenient)
    with pytest.raises(ValueError, match="impossible time 24:00"):
        parse_partial_date.__wrapped__("2018-12-31T24:00")
    assert parse_partial_date.__wrapped__("2018-12-31T23:59") == (2018, 12, 31, 23, 59)


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (When(date="2018-01-16T00:00", precision=Precision.MINUTE, utc_offset="+14:00"), "00:00 UTC+14 16 Jan 2018"),
        (
            When(date="2018-01-15T04:00", precision=Precision.MINUTE, utc_offset="-04:00", zone_label="VST",
                 approximate=True),
            "~04:00 VST 15 Jan 2018",
        ),
        (When(date="2018-01-15", precision=Precision.DAY), "15 Jan 2018"),
    ],
)  # fmt: skip
def test_a_short_date_gives_a_clock_time_with_its_zone(when: When, shown: str) -> None:
    # before (found by a review): the command line's results read '00:00 16 Jan 2018' for a time at +14:00,
    # 10:00 UTC on the 15th, where a reader assumes Caracas's time
    assert short_date(when) == shown
