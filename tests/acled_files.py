"""ACLED exports written for the tests of the fast reading (``acled_fast``, ``acled_part``): plain
rows, rows with the cells the ordinary import says something of, and the comparison of two readings."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from hypothesis import strategies as st

from junquito_tui.core.checking import loaded_digest
from junquito_tui.core.chronology import event_order
from junquito_tui.core.loader import Loaded

HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


def _row(number: int, values: dict[str, str | None], header: tuple[str, ...]) -> list[str]:
    cells = dict.fromkeys(HEADER, "")
    cells |= {"event_id_cnty": f"VEN{number}", "year": "2014", "iso": "862", "region": "South America"}
    cells |= {"timestamp": "1700000000", "interaction": "12"}
    cells |= {name: value for name, value in values.items() if value is not None}  # None: as above
    cells["year"] = next(iter(re.findall(r"\d{4}", cells["event_date"] or "")), "")  # as ACLED writes it
    return [cells.get(name, "") for name in header]


def write_export(path: Path, rows: list[dict[str, str | None]], *, header: tuple[str, ...] = tuple(HEADER)) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        for number, values in enumerate(rows, 1):
            out.writerow(_row(number, values, header))
    return path


def same_reading(fast: Loaded, full: Loaded) -> bool:
    """The same dataset, warnings and counts; and events the fast reading says are in order are in
    the order ``event_order`` gives them (the app then sorts nothing again)."""
    events = fast.dataset.events
    in_order = not fast.in_order or event_order(events) == list(range(len(events)))
    return loaded_digest(fast) == loaded_digest(full) and fast.dataset == full.dataset and in_order


# Cells an ACLED export holds, the plain ones first: the 'clean' rows use only those.
PLAIN = {
    "event_date": ["2014-07-01", "2014-07-02", "2015-01-31", "2018-01-15"],
    "time_precision": ["1", "2", "3", "2.0"],
    "disorder_type": ["Political violence", "Demonstrations", ""],
    "event_type": ["Battles", "Protests", ""],
    "sub_event_type": ["Armed clash", "Attack", ""],
    "actor1": ["Police Forces of Venezuela", "Rebels", "  Rebels ", "rebels", ""],
    "assoc_actor_1": ["", "A; B", "B", "Rebels"],
    "inter1": ["", "1", "6", "State forces", "Rioters", "rioters"],
    "actor2": ["", "Rebels", "Civilians (Venezuela)"],
    "assoc_actor_2": ["", "A", "Rebels; Police Forces of Venezuela"],
    "inter2": ["", "7", "Civilians"],
    "civilian_targeting": ["", "Civilian targeting"],
    "country": ["Venezuela", ""],
    "admin1": ["Distrito Capital", "distrito capital", ""],
    "admin2": ["Libertador", ""],
    "location": ["Caracas", "Catia", ""],
    "latitude": ["10.5", ""],
    "longitude": ["-66.9", ""],
    "geo_precision": ["1", "2", "3", "", "4", "2.0", "near"],  # (and codes none of ACLED's)
    "source": ["El Pitazo; Efecto Cocuyo", "Wikipedia", "AP; AP", ""],
    "source_scale": ["National", ""],
    "notes": ["Police dispersed a march.", "Two paragraphs.\n\nThe second.", ""],
    "fatalities": ["0", "3", "2.0", ""],
    "tags": ["", "crowd size=no report", "a;b"],
}
# ... and what the ordinary import says something of (a row skipped, a made id, a cleaned cell, ...)
ODD = {
    "event_id_cnty": ["", "VEN1", "ABC 1", "-x"],
    "event_date": ["", "13/02/2014", "2/3/2014", "15 January 2018", "1850s", "2014", "1-May-20", "2018-01-15 04:00"],
    "time_precision": ["", "4"],
    "actor1": ["A\x07B", "{{actor}}"],
    "source": ["https://x.example/a", "El Pitazo | Wikipedia"],
    "notes": ["x\x1b[31m", "{{text}}", "a\r\nb", "Clash.\n\nFatalities (ACLED count): 99", "source scale: x"],
    "location": ["Line\nbreak", "Tab\there"],
    "fatalities": ["abc", "-1"],
    "longitude": ["", "-66.9"],  # (beside a latitude, or none: one alone)
    "source_scale": ["National\x01x", "Nat\r\nional", "\u3164", "\u202eNational", "\U0001fffe", "\x1b]2;title\x07"],
    "tags": ["!!!"],
}


def plain_rows() -> st.SearchStrategy[list[dict[str, str | None]]]:
    row = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in PLAIN.items()})
    return st.lists(row.map(_paired), min_size=1, max_size=15)  # type: ignore[arg-type]


def _paired(row: dict[str, str]) -> dict[str, str]:
    """Both coordinates or neither: one alone is said (``ODD``)."""
    return row | {"longitude": "-66.9" if row["latitude"] else ""}


@st.composite
def rows_with_odd_cells(draw: st.DrawFn) -> list[dict[str, str | None]]:
    """Plain rows, up to two of whose cells are odd: a file the fast reading may take or leave."""
    rows = draw(plain_rows())
    for _ in range(draw(st.integers(0, 2))):
        name = draw(st.sampled_from(sorted(ODD)))
        rows[draw(st.integers(0, len(rows) - 1))][name] = draw(st.sampled_from(ODD[name]))
    return rows
