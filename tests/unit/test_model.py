"""One test per rule of the data contract."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from junquito_tui.core.loader import DatasetError, load_dataset
from junquito_tui.core.model import DATASET, Event, Precision, When
from junquito_tui.core.problems import Problem
from junquito_tui.core.query import parse_query
from junquito_tui.core.text import NO_CONTROL, control_character

EVENT = TypeAdapter(Event)
WHEN = TypeAdapter(When)


def test_minimal_dataset_is_valid(minimal: dict[str, Any]) -> None:
    dataset = DATASET.validate_python(minimal)
    assert [e.id for e in dataset.events] == ["first", "second"]


def test_unknown_field_is_rejected(minimal: dict[str, Any]) -> None:
    minimal["actors"][0]["nickname"] = "x"
    with pytest.raises(ValidationError, match="unexpected_keyword_argument"):
        DATASET.validate_python(minimal)


@pytest.mark.parametrize("bad", ["Oscar", "oscar_perez", "-oscar", "oscar--perez", "óscar", "a b"])
def test_ids_must_be_lowercase_slugs(minimal: dict[str, Any], bad: str) -> None:
    minimal["actors"][0]["id"] = bad
    with pytest.raises(ValidationError):
        DATASET.validate_python(minimal)


def test_schema_version_must_be_known(minimal: dict[str, Any]) -> None:
    minimal["schema_version"] = 2
    with pytest.raises(ValidationError):
        DATASET.validate_python(minimal)


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2018-01-15", "month"), ("2018-01", "day"), ("2018", "minute"), ("2018-01-15T04:00", "day")],
)
def test_precision_must_match_the_date(date: str, precision: str) -> None:
    with pytest.raises(ValidationError, match="contradicts"):
        WHEN.validate_python(
            {"date": date, "precision": precision, "utc_offset": "-04:00"}
            if precision == "minute"
            else {"date": date, "precision": precision}
        )


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2018-02-30", "has no day 30"),
        ("2018-13", "no month 13"),
        ("2018-01-15T24:61", "impossible time"),
        ("15/01/2018", "is not of the form"),
    ],
)
def test_impossible_dates_are_rejected(date: str, message: str) -> None:
    precision = "minute" if "T" in date else ("month" if date.count("-") == 1 else "day")
    with pytest.raises(ValidationError, match=message):
        WHEN.validate_python({"date": date, "precision": precision, "utc_offset": "-04:00"})


def test_leap_day_exists_only_in_leap_years() -> None:
    assert When(date="2016-02-29", precision=Precision.DAY).parts() == (2016, 2, 29)
    with pytest.raises(ValidationError):
        When(date="2017-02-29", precision=Precision.DAY)


def test_clock_time_needs_an_offset() -> None:
    with pytest.raises(ValidationError, match="needs utc_offset"):
        When(date="2018-01-15T04:00", precision=Precision.MINUTE)


def test_offset_only_on_clock_times() -> None:
    with pytest.raises(ValidationError, match="only to clock times"):
        When(date="2018-01-15", precision=Precision.DAY, utc_offset="-04:00")


def test_offset_format_is_checked() -> None:
    with pytest.raises(ValidationError, match="utc_offset"):
        When(date="2018-01-15T04:00", precision=Precision.MINUTE, utc_offset="-4")


@pytest.mark.parametrize(("offset", "valid"), [("+14:00", True), ("-14:00", True), ("+13:45", True), ("+14:30", False)])
def test_offsets_go_no_further_than_fourteen_hours(offset: str, valid: bool) -> None:
    # '+14:30' and '-14:45' were accepted, and their minutes then spilled into the next day's keys:
    # 2018-01-16T00:00+14:30 was found by date:2018-01-15 and missing from date:2018-01-16
    when = {"date": "2018-01-16T00:00", "precision": "minute", "utc_offset": offset}
    if valid:
        assert WHEN.validate_python(when).sort_key()[:3] == (2018, 1, 16)
        assert (
            WHEN.validate_python(when).sort_key() < WHEN.validate_python(when | {"date": "2018-01-17T00:00"}).sort_key()
        )
    else:
        with pytest.raises(ValidationError, match="from -14:00 to \\+14:00"):
            WHEN.validate_python(when)


def _event(**extra: Any) -> dict[str, Any]:
    return {"id": "e", "title": "E", "when": {"date": "2018-01-15", "precision": "day"}, **extra}


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(ValidationError, match="before start"):
        EVENT.validate_python(_event(end={"date": "2018-01-14", "precision": "day"}))


def test_end_within_a_coarser_start_is_allowed() -> None:
    event = EVENT.validate_python(
        _event(when={"date": "2018-01", "precision": "month"}, end={"date": "2018-01-10", "precision": "day"})
    )
    assert event.end is not None


def test_unconfirmed_event_needs_a_claim() -> None:
    with pytest.raises(ValidationError, match="needs at least one claim"):
        EVENT.validate_python(_event(certainty="reported"))


def test_undated_event_needs_an_anchor() -> None:
    with pytest.raises(ValidationError, match="undated event needs"):
        EVENT.validate_python({"id": "e", "title": "E"})
    assert EVENT.validate_python({"id": "e", "title": "E", "after": "other"}).when is None


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x00", "\x7f", "\x9b", "\x85"])
def test_control_characters_are_rejected(char: str) -> None:
    text = f"before{char}[31mafter"
    with pytest.raises(ValidationError) as caught:
        EVENT.validate_python(_event(summary=text))
    assert caught.value.errors()[0]["ctx"]["pattern"] == NO_CONTROL  # the loader words it with:
    assert control_character(text) == f"control character U+{ord(char):04X} at offset 6 is not allowed in text"


def test_tab_and_newline_are_allowed() -> None:
    assert EVENT.validate_python(_event(summary="a\tb\nc")).summary == "a\tb\nc"


def test_bce_years_are_valid_and_sort_first() -> None:
    early, late = When(date="-500", precision=Precision.YEAR), When(date="2018", precision=Precision.YEAR)
    assert early.sort_key() < late.sort_key()


# -- loose validation, tightened -------------------------------------------------------------------


@pytest.mark.parametrize("version", [True, 1.0, "1", 2, None])
def test_schema_version_is_exactly_the_integer_1(minimal: dict[str, Any], version: Any) -> None:
    minimal["schema_version"] = version
    with pytest.raises(ValidationError):
        DATASET.validate_python(minimal)
    with pytest.raises(ValidationError):
        DATASET.validate_json(json.dumps(minimal))
    minimal["schema_version"] = 1
    assert DATASET.validate_json(json.dumps(minimal)).schema_version == 1


def test_a_wrong_schema_version_is_worded(write: Any, minimal: dict[str, Any]) -> None:
    minimal["schema_version"] = True
    with pytest.raises(DatasetError) as caught:
        load_dataset(write(minimal))
    assert caught.value.problems == [Problem("schema_version", "schema_version must be the integer 1, not True")]


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        ("2018\n", "year"),  # '$' matched before a final newline
        ("2018-01-15\n", "day"),
        ("2018-01-15T04:00\n", "minute"),
        ("٢٠١٨", "year"),  # Arabic-Indic digits: '\d' matched them and int() read them
        ("२०१८-०१", "month"),  # Devanagari
        ("２０１８", "year"),  # full-width
        ("2018-01-1５", "day"),
    ],
)
def test_dates_are_ascii_digits_and_nothing_after(date: str, precision: str) -> None:
    when = {"date": date, "precision": precision} | ({"utc_offset": "-04:00"} if precision == "minute" else {})
    with pytest.raises(ValidationError, match="is not of the form"):
        WHEN.validate_python(when)
    with pytest.raises(ValidationError, match="is not of the form"):
        WHEN.validate_json(json.dumps(when))


@pytest.mark.parametrize("offset", ["-04:00\n", "-٠٤:٠٠", "+05:3０"])
def test_utc_offsets_are_ascii_digits_and_nothing_after(offset: str) -> None:
    with pytest.raises(ValidationError, match="utc_offset"):
        When(date="2018-01-15T04:00", precision=Precision.MINUTE, utc_offset=offset)


def test_a_date_query_in_other_digits_is_not_a_date() -> None:
    query = parse_query("date:٢٠١٨")
    assert query.dates == [] and any("is not a date" in problem for problem in query.unusable)  # matches nothing
    assert parse_query("date:2018").dates


@pytest.mark.parametrize(
    "schema", ["\x1b[2J../schema.json", "../schema.json\nFAKE", "x" * 8_001], ids=["escape", "newline", "too-long"]
)
def test_dollar_schema_is_text_like_any_other(minimal: dict[str, Any], schema: str) -> None:
    minimal["$schema"] = schema
    with pytest.raises(ValidationError):
        DATASET.validate_json(json.dumps(minimal))
