"""Workbook numbers as a spreadsheet shows them (found by a review): a tweet's id stored as a number was
shown with digits the file does not hold (953163853187309569 as ...568), 0.1 + 0.2 as
0.30000000000000004 where the sheet shows 0.3, and a 36-hour duration as '1 day, 12:00:00'."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from junquito_tui.core.interop.book_numbers import shown_numbers
from junquito_tui.core.interop.sheet_events import cell_text
from junquito_tui.core.loader import Loaded, load_with_report
from sheet_files import Cell, write_ods, write_xlsx

HEADER: list[Cell] = ["Date", "Event", "tweet_id", "Amount", "Took"]


def summaries(loaded: Loaded) -> dict[str, str]:
    return {event.title: event.summary for event in loaded.dataset.events}


def test_long_ids_float_noise_and_durations_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [
        HEADER,
        ["2018-01-15", "Posted", 9.531638531873096e17, 0.1 + 0.2, dt.timedelta(hours=36)],
        ["2018-01-16", 1083395462427328513, 123456789012345, 4.440892098500626e-16, None],
    ]
    loaded = load_with_report(write_xlsx(tmp_path / "numbers.xlsx", rows))
    assert summaries(loaded) == {
        "Posted": "tweet_id: 9.5316385318731e+17\n\nAmount: 0.3\n\nTook: 36:00:00",
        # a 15-digit id is whole and exact; a number as a title is its 15 digits too, never made-up ones
        "1.08339546242733e+18": "tweet_id: 123456789012345\n\nAmount: 4.44089209850063e-16",
    }
    (said,) = [w for w in loaded.warnings if "more than 15 digits" in w]
    assert said.startswith("2 cells hold a number of more than 15 digits (such as row 2: 9.5316385318731e+17)")
    assert "953163853187309568" not in repr(loaded.dataset)


def test_an_ods_id_of_19_digits_is_named_and_its_made_up_digits_are_nowhere(tmp_path: Path) -> None:
    # ODS keeps the digits as text (office:value), but every reader, LibreOffice's too, makes it a float
    rows: list[list[Cell]] = [["Id", "Date", "Event"], [1083395462427328513, "2018-01-15", "Thread"]]
    loaded = load_with_report(write_ods(tmp_path / "ids.ods", rows))
    assert "1083395462427328512" not in repr(loaded.dataset)
    assert any("a cell holds a number of more than 15 digits (such as row 2: 1.08339546242733e+18)" in w
               for w in loaded.warnings)  # fmt: skip


def test_a_sheet_of_ordinary_numbers_says_nothing_of_them(tmp_path: Path) -> None:
    rows: list[list[Cell]] = [["Date", "Event", "Dead"], ["2018-01-15", "Raid", 7], ["2018-01-16", "After", 2.5]]
    loaded = load_with_report(write_xlsx(tmp_path / "plain.xlsx", rows))
    assert summaries(loaded) == {"Raid": "Dead: 7", "After": "Dead: 2.5"}
    assert not any("15 digits" in warning for warning in loaded.warnings)


@given(st.floats(-1e307, 1e307) | st.integers(-(10**20), 10**20))  # (a spreadsheet holds no larger number)
def test_a_workbook_number_is_shown_to_the_15_digits_a_spreadsheet_keeps(number: float) -> None:
    # the oracle: a whole number under 10^15 is its digits, exactly; any other is the float rounded to
    # 15 significant digits (what Excel keeps), and never shows more digits than that
    rows: list[list[object]] = [[number]]
    shown_numbers(rows, 0)
    text = cell_text(rows[0][0])
    if abs(number) < 10**15 and float(number).is_integer():
        assert text == str(int(number))
        return
    assert float(text) == float(f"{float(number):.15g}")
    mantissa = text.split("e")[0].lstrip("-").replace(".", "").lstrip("0")
    assert len(mantissa) <= 15
    assert math.isclose(float(text), float(number), rel_tol=1e-14, abs_tol=1e-300)


@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_a_number_from_elsewhere_keeps_every_digit(number: float) -> None:
    # a JSON file's numbers (a Timesketch timestamp of 16 digits) are exact: never rounded to a sheet's 15
    text = cell_text(number)
    assert (int(text) if isinstance(number, int) else float(text)) == number
