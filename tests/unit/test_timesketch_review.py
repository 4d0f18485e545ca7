"""Timesketch files as a review found them read: no field lost to another of the same name (repeated, or
differing in case), headers as people spell them, and nothing made up for a row without a message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from junquito_tui.core.interop.timesketch import NOT_TAGS, ODD_TIMESTAMP, ROUNDED, TIMESTAMP_FOR_TIME, TWICE
from junquito_tui.core.loader import DatasetError, load_with_report


def _events(path: Path, text: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    path.write_text(text, encoding="utf-8")
    loaded = load_with_report(path)
    events = {
        e.title: {
            "date": e.when.date if e.when else None,
            "approximate": e.when.approximate if e.when else None,
            "note": e.when.note if e.when else None,
            "summary": e.summary,
            "tags": e.tags,
        }
        for e in loaded.dataset.events
    }
    return events, loaded.warnings


def test_a_second_datetime_column_neither_replaces_the_first_nor_is_lost(tmp_path: Path) -> None:
    # before: the later, empty 'Datetime' replaced the row's datetime ('no datetime and no timestamp;
    # row skipped'), and on the next row it gave the event its date
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,Datetime\n"
        "2020-03-21T10:00:00+00:00,Created,Hello,\n"
        "2020-03-21T11:00:00+00:00,Created,World,2021-01-01T00:00:00+00:00\n",
    )
    assert events["Hello"]["date"] == "2020-03-21T10:00"
    assert events["World"]["date"] == "2020-03-21T11:00"
    assert events["World"]["summary"] == "Datetime: 2021-01-01T00:00:00+00:00"
    assert f"{TWICE.format('datetime', 'Datetime')} (line 3)" in warnings


def test_repeated_extra_columns_are_all_kept(tmp_path: Path) -> None:
    events, _ = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,host,host,HOST,\n2020-03-21T10:00:00+00:00,Created,Hi,pc1,pc2,pc3,unnamed\n",
    )
    assert events["Hi"]["summary"] == "host: pc1\n\nhost: pc2\n\nHOST: pc3\n\nColumn 7: unnamed"  # before: pc1 lost


def test_json_keys_that_differ_in_case_or_repeat_are_all_kept(tmp_path: Path) -> None:
    line = (
        '{"datetime":"2020-03-21T10:00:00Z","message":"Zulu","Message":"dup case","tag":"a","TAG":"b",'
        '"timestamp_desc":"x","Timestamp_Desc":"y","host":"one","host":"two"}\n'
    )
    events, warnings = _events(tmp_path / "timeline.jsonl", line)
    # before: titled 'dup case', tags y and b; 'Zulu', 'a', 'x' and host 'one' lost without a word
    assert events["Zulu"]["tags"] == ("x", "a")
    assert events["Zulu"]["summary"] == "Message: dup case\n\nTAG: b\n\nTimestamp_Desc: y\n\nhost: one\n\nhost: two"
    assert f"{TWICE.format('message', 'Message')} (line 1)" in warnings


@pytest.mark.parametrize("datetime_name", ["DateTime", "Date Time", "DATETIME"])
def test_a_datetime_header_spelt_as_people_do_is_timesketch(tmp_path: Path, datetime_name: str) -> None:
    events, _ = _events(
        tmp_path / "timeline.csv", f"{datetime_name},timestampDesc,Message\n2020-03-21T10:00:00Z,Created,Hi\n"
    )  # before: 'DateTime' and 'Date Time' were refused as an unknown layout
    assert events["Hi"]["date"] == "2020-03-21T10:00" and events["Hi"]["tags"] == ("created",)


def test_timesketch_s_three_fields_without_a_datetime_column_are_timesketch(tmp_path: Path) -> None:
    # (a trial: refused as an unknown layout, and the --columns line it offered skipped every row)
    text = "timestamp,timestamp_desc,message\n1584799200000000,Written,First\n1584799260000000,Written,Second\n"
    events, warnings = _events(tmp_path / "timeline.csv", text)
    assert events["First"]["date"] == "2020-03-21T14:00" and events["Second"]["date"] == "2020-03-21T14:01"
    assert any(w.startswith("no datetime: the timestamp is used") for w in warnings)


def test_a_timestamp_s_seconds_and_their_fraction_are_said_as_the_timestamp_s(tmp_path: Path) -> None:
    # (a trial: 1584799245500000 was 'the file gives 14:00:45', its .5 lost, and no file gives 14:00:45)
    text = (
        "datetime,timestamp_desc,message,timestamp\n,E,half,1584799245500000\n,E,whole,1584799245000000\n"
        ",E,micro,1584799200123456\n,E,millis,1584799245123\n"
    )
    events, warnings = _events(tmp_path / "timeline.csv", text)
    assert events["half"]["note"] == "the timestamp 1584799245500000 gives 14:00:45.5"
    assert events["whole"]["note"] == "the timestamp 1584799245000000 gives 14:00:45"
    assert events["micro"]["note"] == "the timestamp 1584799200123456 gives 14:00:00.123456"
    assert str(events["millis"]["note"]).startswith("the timestamp 1584799245123 gives 14:00:45.123; ")
    assert any(w.startswith("seconds are finer than minute precision") and "line 3" in w for w in warnings)
    # every digit counted (Decimal's 28 rounded this one up to 14:01, unsaid: a security trial)
    rolled, _ = _events(tmp_path / "roll.csv", "datetime,timestamp,message\n,1584799259.99999999999999999999e6,r\n")
    assert rolled["r"]["date"] == "2020-03-21T14:00"
    assert rolled["r"]["note"] == "the timestamp 1584799259.99999999999999999999e6 gives 14:00:59.999999999"


def test_a_timestamp_a_tenth_of_a_second_from_the_datetime_agrees_with_it(tmp_path: Path) -> None:
    # (a re-trial: 14:00:59.9 and a timestamp of 14:01:00 were said '0 h 01 min' apart)
    text = "datetime,timestamp,message\n2020-03-21T14:00:59.900000Z,1584799260000000,close\n"
    events, warnings = _events(tmp_path / "close.csv", text)
    assert "apart" not in str(events["close"]["note"]) and "after the datetime" not in str(events["close"]["note"])
    assert not any(w.startswith("datetime and timestamp give different times") for w in warnings)


def test_a_row_without_a_message_is_titled_and_said(tmp_path: Path) -> None:
    lines = [{"datetime": f"2020-03-2{n}T10:00:00Z", **extra} for n, extra in enumerate(({}, {"message": None}))]
    path = tmp_path / "timeline.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["Untitled row", "Untitled row"]
    assert "no message: titled 'Untitled row' (line 1, line 2)" in loaded.warnings  # before: not a word


def test_json_values_are_written_as_json_and_odd_tag_lists_are_kept_whole(tmp_path: Path) -> None:
    lines = [
        {"datetime": "2020-01-01T00:00:00Z", "message": "odd tags", "tag": [None, True, 1.0, {"a": 1}, "ok"]},
        {"datetime": "2020-01-01T00:01:00Z", "message": "flags", "tag": ["ok", 2], "extra": False},
    ]
    events, warnings = _events(tmp_path / "timeline.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    # before: tags 'none', 'true', '1-0', 'a-1', 'ok'; 'extra: False' (Python's spelling)
    assert events["odd tags"]["tags"] == ()
    assert events["odd tags"]["summary"] == 'tag: [null, true, 1.0, {"a": 1}, "ok"]'
    assert events["flags"]["tags"] == ("ok", "2") and events["flags"]["summary"] == "extra: false"
    assert f"{NOT_TAGS} (line 1)" in warnings


def test_a_datetime_whose_time_cannot_be_read_gives_way_to_the_timestamp(tmp_path: Path) -> None:
    lines = [
        {"datetime": "2020-03-21T10:00:00+02:00[Europe/Madrid]", "timestamp": 1584777600000000, "message": "madrid"},
        {"datetime": "2020-03-21 10:00 EST", "timestamp": 1584802800000000, "message": "est"},
        {"datetime": "2020-03-21 10:00 EST", "message": "est alone"},
    ]
    path = tmp_path / "timeline.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    loaded = load_with_report(path)
    when = {e.title: e.when for e in loaded.dataset.events}
    # before: the year 2020 alone (Madrid), the exact timestamp on the same row passed over
    assert when["madrid"] is not None and (when["madrid"].date, when["madrid"].utc_offset) == (
        "2020-03-21T08:00",
        "+00:00",
    )
    assert when["est"] is not None and when["est"].date == "2020-03-21T15:00"
    assert when["est"].note == "the datetime '2020-03-21 10:00 EST' has a time not read here: the timestamp is used"
    assert when["est alone"] is not None and when["est alone"].date == "2020-03-21"
    assert f"{TIMESTAMP_FOR_TIME} (line 1, line 2)" in loaded.warnings


def test_timestamps_are_counted_exactly_and_rounded_ones_said(tmp_path: Path) -> None:
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp,timestamp_desc,message\n"
        ",1584784859999999999,x,nanoseconds\n"  # before: 10:01, a float's rounding
        ",1.58478E+15,x,as excel writes it\n"  # before: 08:40 exactly, unsaid
        ",1.584784800000000E+15,x,all digits\n",
    )
    assert events["nanoseconds"]["date"] == "2020-03-21T10:00"
    assert events["all digits"]["date"] == "2020-03-21T10:00" and not events["all digits"]["approximate"]
    rounded = events["as excel writes it"]
    assert rounded["approximate"] and "has 6 significant digits: it gives the time only to within ±83 min" in str(
        rounded["note"]
    )
    assert f"{ROUNDED} (line 3)" in warnings


def test_the_epoch_with_a_timestamp_of_zero_is_a_time_not_known(tmp_path: Path) -> None:
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp,timestamp_desc,message\n"
        "1970-01-01T00:00:00+00:00,0,Creation Time,epoch zero\n"
        "2020-03-21T10:00:00+00:00,1584784800000000,Creation Time,real\n",
    )
    assert list(events) == ["real"]  # before: an event on 1 January 1970 at 00:00, unsaid
    assert any(w.startswith("line 2: datetime 1970-01-01T00:00:00+00:00 and timestamp 0") for w in warnings)


def test_events_of_one_minute_are_in_the_order_of_their_seconds(tmp_path: Path) -> None:
    # before: B, A, C, the file's order, though each date's note gives its seconds (the order is stated)
    path = tmp_path / "timeline.csv"
    path.write_text(
        "datetime,timestamp_desc,message\n"
        "2020-03-21T10:00:59+00:00,x,B second 59\n"
        "2020-03-21T10:00:01+00:00,x,A second 01\n"
        "2020-03-21T10:00:30.5+00:00,x,C second 30.5\n"
        "2020-03-21T09:59:59+00:00,x,Z the minute before\n",
        encoding="utf-8",
    )
    titles = [e.title for e in load_with_report(path).dataset.events]
    assert titles == ["Z the minute before", "A second 01", "C second 30.5", "B second 59"]


def test_json_lines_named_json_are_refused_with_the_way_to_read_them(tmp_path: Path) -> None:
    # before: 'invalid JSON: extra data' alone (a blank second line kept the file from being seen as JSON lines)
    path = tmp_path / "timeline.json"
    path.write_text('{"datetime":"2020-03-21T10:00:00Z","message":"a"}\n\n{"datetime":"2020-03-21T10:01:00Z"}\n')
    with pytest.raises(DatasetError) as raised:
        load_with_report(path)
    assert "name the file .jsonl" in raised.value.report()
    renamed = path.rename(tmp_path / "timeline.jsonl")
    assert len(load_with_report(renamed).dataset.events) == 2


def test_a_time_given_to_the_minute_only_keeps_the_file_s_order_in_its_minute(tmp_path: Path) -> None:
    # before (this round's first fix): '10:00' was taken as 10:00:00 and put before 10:00:30, an order no one stated
    path = tmp_path / "sheet.csv"
    path.write_text(
        "date,title\n2018-01-15 10:00:30,Shot fired\n2018-01-15 10:00,Police arrive\n2018-01-15 10:00:59,Second shot\n"
    )
    assert [e.title for e in load_with_report(path).dataset.events] == ["Shot fired", "Police arrive", "Second shot"]


def test_a_field_only_spelt_like_timesketch_s_gives_way_to_the_one_so_named(tmp_path: Path) -> None:
    # before (this round's first fix): plaso's 'date_time' object, before 'datetime' in sorted keys, was
    # read as the date: every row skipped; a 'Date Time' column re-dated the event
    lines = [
        {
            "date_time": {"__class_name__": "PosixTimeInMicroseconds", "timestamp": 1262304000000000},
            "datetime": "2020-03-21T10:00:00+00:00",
            "message": "File created",
            "timestamp_desc": "Creation Time",
        },
        {"Date Time": "2019-05-01T08:00:00+00:00", "datetime": "2020-03-21T11:00:00+00:00", "message": "Modified"},
    ]
    events, warnings = _events(tmp_path / "timeline.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    assert events["File created"]["date"] == "2020-03-21T10:00"
    assert events["Modified"]["date"] == "2020-03-21T11:00"
    assert events["Modified"]["summary"] == "Date Time: 2019-05-01T08:00:00+00:00"
    assert not any(w.startswith("two fields named alike") for w in warnings)  # not the same name


def test_json_lines_files_joined_together_keep_every_record(tmp_path: Path) -> None:
    # before: the second file's byte order mark made its first line 'not a JSON object': skipped
    path = tmp_path / "joined.jsonl"
    path.write_bytes(
        b'{"datetime":"2020-03-21T10:00:00Z","message":"a"}\n\xef\xbb\xbf{"datetime":"2020-03-21T10:01:00Z","message":"b"}\n'
    )
    loaded = load_with_report(path)
    assert [e.title for e in loaded.dataset.events] == ["a", "b"]
    assert any("byte order mark at the start of a line" in w and "(line 2)" in w for w in loaded.warnings)


def test_a_sheet_of_one_column_says_what_is_missing(tmp_path: Path) -> None:
    # before: 'remove the lines above them', though the one line is the column names
    path = tmp_path / "one.csv"
    path.write_text("date\n2020\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=r"the file has one column .*; a date column and a title column are needed"):
        load_with_report(path)


@pytest.mark.parametrize("stamp", ["abc", "1", "12345678901234567890123", "1584792000000000"])
def test_a_timestamp_not_compared_with_the_datetime_is_kept(tmp_path: Path, stamp: str) -> None:
    # before: a timestamp beside a usable datetime was compared when both give a minute, else dropped
    # unsaid (an edited export's odd timestamp is what a forensic reader looks for)
    events, warnings = _events(
        tmp_path / "timeline.csv",
        f"datetime,timestamp_desc,message,timestamp\n2020-03-21T12:00:00Z,Write,minute,{stamp}\n"
        f"2020-03-21,Write,day,{stamp}\n",
    )
    odd = stamp != "1584792000000000"
    assert events["day"]["summary"] == f"timestamp: {stamp}"  # (a day's datetime: nothing to compare)
    assert events["minute"]["summary"] == (f"timestamp: {stamp}" if odd else "")  # (the same minute: nothing lost)
    assert any(ODD_TIMESTAMP in warning for warning in warnings) is odd


def test_a_json_null_is_kept_as_json_writes_it(tmp_path: Path) -> None:
    events, _ = _events(
        tmp_path / "timeline.jsonl",
        '{"datetime": "2020-03-21T12:00:00Z", "timestamp_desc": "W", "message": "m", "user": null, "x": false}\n'
        '{"datetime": null, "timestamp_desc": "W", "message": "n", "timestamp": 1584792000000000}\n',
    )
    assert events["m"]["summary"] == "user: null\n\nx: false"  # (before: the null left out)
    assert events["n"]["date"] == "2020-03-21T12:00"  # a null datetime is none: the timestamp is used


def test_a_datetime_in_scientific_notation_is_no_date_the_timestamp_is(tmp_path: Path) -> None:
    # before: '-1e300' was the year 300, approximate: an event 1,700 years off, its note the only clue
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,timestamp\n"
        "-1e300,Event,With a timestamp,1516010400000000\n"
        "1e300,Event,Without one,\n",
    )
    assert list(events) == ["With a timestamp"]
    assert events["With a timestamp"]["date"] == "2018-01-15T10:00"  # (UTC, 1516010400 s)
    text = "\n".join(warnings)
    assert "the timestamp is used (line 2)" in text
    assert "line 3: datetime is the number 1e300" in text and "row skipped" in text


def test_numbers_in_json_lines_are_kept_as_the_file_writes_them(tmp_path: Path) -> None:
    # before (a trial): 1e309 was 'Infinity', -1e400 '-Infinity', 12345678901234567890.5 '12345678901234567168'
    line = (
        '{"datetime": "2020-03-21T14:00:00Z", "timestamp_desc": "x", "message": "ok", "a": 1e309, "b": -1e400, '
        '"e": 12345678901234567890.5, "f": 1.50, "g": [1e309, 2.50, {"k": 1E5, "n": null}]}\n'
    )
    path = tmp_path / "numbers.jsonl"
    path.write_text(line, encoding="utf-8")
    (event,) = load_with_report(path).dataset.events
    assert event.summary == (
        'a: 1e309\n\nb: -1e400\n\ne: 12345678901234567890.5\n\nf: 1.50\n\ng: [1e309, 2.50, {"k": 1E5, "n": null}]'
    )


def test_numbers_in_a_tag_list_or_timestamp_desc_are_tags_as_the_file_writes_them(tmp_path: Path) -> None:
    # before (a re-trial): 1.50 became the tag '1-5', 1e309 'infinity' and 'inf'
    lines = [
        '{"datetime": "2020-03-21T14:00:00Z", "timestamp_desc": 1.50, "message": "desc"}',
        '{"datetime": "2020-03-21T14:01:00Z", "timestamp_desc": "W", "message": "list", "tag": [1.50, 1e309]}',
    ]
    found, _ = _events(tmp_path / "tags.jsonl", "\n".join(lines) + "\n")
    assert found["desc"]["tags"] == ("1-50",) and found["list"]["tags"] == ("w", "1-50", "1e309")


def test_a_csv_datetime_of_true_gives_way_to_the_timestamp(tmp_path: Path) -> None:
    # before (a trial): 'true' in a CSV was read as a date, no year in it: the row skipped, the timestamp unused
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,timestamp\ntrue,E,stamped,1584799200000000\nFalse,E,nothing,\n",
    )
    assert events["stamped"]["date"] == "2020-03-21T14:00"
    assert any(w.startswith("line 3: datetime is False, not a date and time") for w in warnings)


def test_times_tools_write_for_none_are_not_events(tmp_path: Path) -> None:
    # before (a trial): the epoch with no timestamp, and the year 1's first second, were exact events, unsaid
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,timestamp\n"
        "1970-01-01T00:00:00Z,E,epoch alone,\n"
        "0001-01-01T00:00:00Z,E,year one alone,\n"
        "0001-01-01T00:00:00,E,year one stamped,1584799200000000\n"
        "2020-03-21T14:00:00Z,E,real,\n",
    )
    assert sorted(events) == ["real", "year one stamped"]
    assert events["year one stamped"]["date"] == "2020-03-21T14:00"
    assert any(w.startswith("line 2: datetime 1970-01-01T00:00:00Z and no timestamp: what tools") for w in warnings)
    assert any(w.startswith("line 3: datetime 0001-01-01T00:00:00Z and no timestamp") for w in warnings)
    assert any("the timestamp is used (line 4)" in w for w in warnings)


@pytest.mark.parametrize(
    ("datetime", "stamp", "outside"),
    [
        ("2020-03-21", "1585000000000000", "day"),  # 23 March, 21:46 UTC: two days off
        ("2020-03-21", "1584799200000000", None),  # the same day
        ("2020-03-21", "1584835200000000", None),  # 22 March 00:00 UTC: the 21st in a zone west of UTC
        ("2020-03", "1585800000000000", "month"),  # 2 April
        ("2020", "1610000000000000", "year"),  # 7 January 2021
    ],
)
def test_a_timestamp_outside_the_datetime_s_day_is_said(
    tmp_path: Path, datetime: str, stamp: str, outside: str | None
) -> None:
    # before (a trial): a timestamp two days from the row's day was kept in the summary, unsaid
    events, warnings = _events(
        tmp_path / "timeline.csv", f"datetime,timestamp_desc,message,timestamp\n{datetime},E,row,{stamp}\n"
    )
    note = events["row"]["note"]
    if outside is None:
        assert events["row"]["summary"] == f"timestamp: {stamp}" and not note
    else:
        assert note is not None and f"the timestamp {stamp} gives" in note and f"datetime's {outside}" in note
        assert any(f"give different {outside}s" in w for w in warnings)


def test_a_timestamp_in_microseconds_at_the_datetime_s_minute_is_not_odd(tmp_path: Path) -> None:
    # before (a trial): 1000000 beside 1970-01-01T00:00:01Z was 'a timestamp that gives no date in any unit'
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,timestamp\n1970-01-01T00:00:01Z,E,one second,1000000\n"
        "2020-03-21T12:00:00Z,E,odd,1000000\n",
    )
    assert events["one second"]["summary"] == ""
    assert events["odd"]["summary"] == "timestamp: 1000000"
    assert [w for w in warnings if ODD_TIMESTAMP in w] == [f"{ODD_TIMESTAMP} (line 3)"]


def test_a_json_tag_list_in_a_csv_is_read_as_json_lines_read_it(tmp_path: Path) -> None:
    # before (a trial): '[1, null]' in a CSV became the tags '1' and 'null'
    events, warnings = _events(
        tmp_path / "timeline.csv",
        'datetime,timestamp_desc,message,tag\n2020-03-21T10:00:00Z,E,nulls,"[1, null]"\n'
        "2020-03-21T10:00:00Z,E,plain,\"['a', 'b']\"\n",
    )
    assert events["nulls"]["tags"] == ("e",) and events["nulls"]["summary"] == "tag: [1, null]"
    assert events["plain"]["tags"] == ("e", "a", "b")
    assert f"{NOT_TAGS} (line 2)" in warnings


def test_words_for_no_value_and_placeholder_days_give_way_to_the_timestamp(tmp_path: Path) -> None:
    # (a re-trial: 'null', 'NaT', '0', '-' skipped their rows beside a usable timestamp; '0001-01-01' and '1970-01-01'
    # alone were exact events; the epoch 50 years before its timestamp stayed at the epoch; FILETIME's zero, 1601)
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp,timestamp_desc,message\n"
        "null,1584799200000000,t,null\nNaT,1584799200000000,t,nat\n0,1584799200000000,t,zero\n"
        "-,1584799200000000,t,dash\n0001-01-01,,t,year one day\n1970-01-01,,t,epoch day\n"
        "1970-01-01T00:00:00Z,1584799200000000,t,epoch stamped\n1601-01-01T00:00:00Z,,t,filetime\n",
    )
    assert sorted(events) == ["dash", "epoch stamped", "nat", "null", "zero"]
    assert {event["date"] for event in events.values()} == {"2020-03-21T14:00"}
    skipped = [w for w in warnings if w.endswith("what tools write for a time not known; row skipped")]
    assert [w.split(":")[0] for w in skipped] == ["line 6", "line 7", "line 9"]


def test_a_timestamp_within_a_solar_hijri_year_agrees_and_it_stays_approximate(tmp_path: Path) -> None:
    # (a re-trial: '1397 SH' beside a timestamp of 26 June 2018 was 'outside the datetime's month', exact)
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp,timestamp_desc,message\n1397 SH,1530000000000000,t,inside\n"
        "2020-03-21,1584882000000000,t,thirteen hours\n",
    )
    assert events["inside"]["approximate"] and events["inside"]["summary"] == "timestamp: 1530000000000000"
    assert not any("different months" in w for w in warnings)
    # 22 March 13:00 UTC: after the 21st ends in every zone (UTC-12's ends at 12:00), said (it was not)
    assert "outside the datetime's day in any time zone" in (events["thirteen hours"]["note"] or "")


def test_a_python_list_holding_none_or_nan_is_kept_whole_not_made_tags(tmp_path: Path) -> None:
    # (a re-trial: "['a', None]" made the tag 'none', '[NaN]' the tag 'nan')
    events, warnings = _events(
        tmp_path / "timeline.csv",
        "datetime,timestamp_desc,message,tag\n2020-03-21T10:00:00Z,E,py,\"['a', None]\"\n"
        '2020-03-21T10:00:00Z,E,nan,"[NaN]"\n',
    )
    assert events["py"]["tags"] == ("e",) and events["py"]["summary"] == "tag: ['a', None]"
    assert events["nan"]["tags"] == ("e",) and events["nan"]["summary"] == "tag: [NaN]"
    assert f"{NOT_TAGS} (line 2, line 3)" in warnings


def test_a_timestamp_rounded_to_hours_is_the_days_it_may_fall_on(tmp_path: Path) -> None:
    # (a re-trial: '1.5848E+15', good to ±14 h, was an approximate 14:13 on 21 March: date:2020-03-22 missed it)
    events, _ = _events(
        tmp_path / "timeline.csv",
        "timestamp,timestamp_desc,message\n1.5848E+15,E,hours\n1.584799E+15,E,minutes\n1.58478E+15,E,83 minutes\n",
    )
    assert events["83 minutes"]["date"].startswith("2020-03-21T") and events["83 minutes"]["approximate"]
    assert (events["hours"]["date"], events["hours"]["approximate"]) == ("2020-03-21", True)
    assert "±14 h" in (events["hours"]["note"] or "")
    assert (events["minutes"]["date"], events["minutes"]["approximate"]) == ("2020-03-21T13:56", True)  # (±8 min)
    loaded = load_with_report(tmp_path / "timeline.csv")
    hours = next(e for e in loaded.dataset.events if e.title == "hours")
    assert hours.end is not None and hours.end.date == "2020-03-22"
