"""Dates written in French, German, Italian or Portuguese ('15 août 2018', '3. März 2018'): read as
the dates they are. Was: the year alone, or where a month name is shared with English, the wrong
period ('15 août - 3 sept. 2018' was September alone). A month the reader does not know ('15 augustus
- 3 september 2018', Dutch) leaves the year unnarrowed: never the one month of the words it knows."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import REPO, known
from junquito_tui.core.dates import MONTHS
from junquito_tui.core.interop.month_words import FILLER, LEADING, MONTH_NAMES
from junquito_tui.core.interop.sheet_date_values import Parsed
from junquito_tui.core.interop.sheet_dates import read_date
from junquito_tui.core.loader import load_with_report

FIXTURE = REPO / "tests" / "data" / "sheets" / "dates-other-languages.csv"

# Each language's month names as its writers spell them in full, January first.
_NAMES = {
    "French": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "German": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "Italian": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "Portuguese": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "Spanish": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
_FORMS = {  # how each writes a day
    "French": "{d} {m} {y}",
    "German": "{d}. {m} {y}",
    "Italian": "{d} {m} {y}",
    "Portuguese": "{d} de {m} de {y}",
    "Spanish": "{d} de {m} de {y}",
}


def test_each_row_of_the_fixture() -> None:
    loaded = load_with_report(FIXTURE)
    found = {}
    for event in loaded.dataset.events:
        when = known(event.when)
        found[event.title] = (when.date, when.approximate, event.end.date if event.end else None)
    assert found["French day"] == ("2018-08-15", False, None)
    assert found["French first of the month"] == ("2018-01-01", False, None)
    assert found["French short month"] == ("2017-12", False, None)
    assert found["German day"] == ("2018-03-03", False, None)
    assert found["German period across a new year"] == ("2017-12-15", False, "2018-01-03")
    assert found["German days of a month"] == ("2018-08-15", False, "2018-08-20")
    assert found["Italian day"] == ("2018-07-15", False, None)
    assert found["Italian days of a month"] == ("2018-08-15", False, "2018-08-20")
    assert found["Portuguese day"] == ("2018-08-15", False, None)
    assert found["Portuguese two days"] == ("2018-03-15", False, "2018-03-16")
    assert found["French period"] == ("2018-08-15", False, "2018-09-03")  # (was: September 2018 alone)
    assert found["French days of a month"] == ("2018-08-15", False, "2018-08-20")
    assert found["Dutch period (not read as one)"] == ("2018", True, None)  # (was: September 2018 alone)
    assert loaded.summary == "read 13 rows of data: 13 events, none skipped"


def test_two_days_joined_by_and_are_held_as_a_period_and_said() -> None:
    parsed = read_date("15 e 20 de março de 2018")
    assert isinstance(parsed, Parsed) and parsed.parts["day"] == 15
    assert parsed.end == {"year": 2018, "month": 3, "day": 20}
    assert parsed.note == "names two days: read as the period from the first to the second, which holds both"


@given(st.sampled_from(sorted(_NAMES)), st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31)))
def test_oracle_a_day_in_each_language(language: str, day: dt.date) -> None:
    month = _NAMES[language].split()[day.month - 1]
    text = _FORMS[language].format(d=day.day, m=month, y=day.year)
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and not parsed.approximate, text
    assert parsed.parts == {"year": day.year, "month": day.month, "day": day.day}, text


@given(st.sampled_from(sorted(_NAMES)), st.dates(dt.date(1000, 1, 1), dt.date(2099, 12, 31)), st.integers(1, 300))
def test_oracle_a_period_in_each_language_lending_its_year(language: str, first: dt.date, days: int) -> None:
    second = first + dt.timedelta(days=days)
    assume(second.year == first.year)
    names = _NAMES[language].split()
    form = _FORMS[language]
    head = form.format(d=first.day, m=names[first.month - 1], y="").strip().removesuffix(" de")
    text = f"{head} - {form.format(d=second.day, m=names[second.month - 1], y=second.year)}"
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and not parsed.approximate, text
    assert (parsed.parts, parsed.end) == (
        {"year": first.year, "month": first.month, "day": first.day},
        {"year": second.year, "month": second.month, "day": second.day},
    ), text


_UNKNOWN = st.text(string.ascii_lowercase, min_size=3, max_size=10).filter(
    lambda w: w not in MONTH_NAMES and w not in FILLER and w not in LEADING and len({*w}) > 1
)


@given(_UNKNOWN, st.integers(1, 28), st.integers(1, 28), st.integers(1, 12), st.integers(1000, 2099), st.data())
def test_oracle_a_word_not_read_beside_a_day_never_narrows_the_year_to_the_month_read(
    word: str, day: int, other: int, month: int, year: int, data: st.DataObject
) -> None:
    """Whatever month the unknown word names, the reading holds it: the whole year, approximate."""
    forms = ["{d} {w} - {o} {m} {y}", "{w} {d} - {m} {o}, {y}", "{w}-{m} {y}", "{w} - {m} {y}", "{w} to {m} {y}"]
    form = data.draw(st.sampled_from(forms))
    text = form.format(d=day, w=word, o=other, m=MONTHS[month - 1], y=year)
    parsed = read_date(text)
    if not isinstance(parsed, Parsed):
        return  # skipped, named
    assert parsed.approximate, text
    assert "month" not in parsed.parts, text
    assert parsed.end is None or parsed.end["year"] >= year


@pytest.mark.parametrize(
    ("text", "parts", "end"),
    [("30 April - 2 May 1950", {"year": 1950, "month": 4, "day": 30}, {"year": 1950, "month": 5, "day": 2}),
     ("between 3 and 5 March 2018", {"year": 2018, "month": 3, "day": 3}, {"year": 2018, "month": 3, "day": 5}),
     ("early March 2018", {"year": 2018, "month": 3}, None),
     ("midJanuary-March 1950", {"year": 1950, "month": 1}, {"year": 1950, "month": 3})],
)  # fmt: skip
def test_months_still_narrow_where_every_day_is_placed(text: str, parts: dict[str, int], end: object) -> None:
    """'midJanuary' was March alone once words were read whole (a session before): 'mid' joined to a
    month is read as 'mid-'."""
    parsed = read_date(text)
    assert isinstance(parsed, Parsed) and (parsed.parts, parsed.end) == (parts, end)
