"""What a CSV export gives back incompletely, said when the file is written, so that no one takes the
file read back (``--data``, ``import``) for the whole dataset. Its rows keep the events, their sources
and claims, their quotes, and every actor they name (participants, claimants, speakers) with all the
dataset says of them (``provenance``). Not: a row's provenance cell too long to write (left empty),
two actors of one name apart (the import makes one actor of a name), nor what the dataset says of an
actor named only in the relations of those (read back, it is a name). And a cell longer than Excel
holds does not come back whole once the file is opened and saved in Excel."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..chronology import Chronology
from ..wording import count
from . import selected_events
from .csv_export import EXCEL_CELL_MAX, Written
from .csv_provenance import CELL_MAX, described_beyond_name, named_in_row


def not_carried(
    chronology: Chronology, fmt: str, event_ids: Iterable[str] | None = None, written: Written | None = None
) -> str | None:
    """One sentence naming what the export of these events (all, or ``event_ids``) does not carry, or
    None where it carries all it names (or the format is not CSV); ``written``: what writing its rows
    met (``export_text``'s)."""
    if fmt != "csv":
        return None
    emptied, long = (written.emptied, written.long) if written is not None else ((), ())
    said = []
    if emptied:
        said.append(
            f"the provenance cell of {count(len(emptied), 'row')} is left empty, as it would be longer than "
            f"{CELL_MAX:,} characters: read back, {'its' if len(emptied) == 1 else 'their'} sources, claims, quotes "
            "and actors are what the readable cells say"
        )
    events = selected_events(chronology, event_ids)
    quotes = chronology.quotes_by_event
    named = {actor for event in events for actor in named_in_row(event, quotes.get(event.id, ()))}
    actors = chronology.actors
    related = {relation.target for actor in named for relation in actors[actor].relations} - named
    names = Counter(actors[actor].name for actor in named | related)
    if shared := sum(number > 1 for number in names.values()):
        said.append(
            f"{count(shared, 'name')} {'is' if shared == 1 else 'are'} shared by two actors or more: read back, "
            f"each is one actor"
        )
    if described := sum(described_beyond_name(actors[actor]) for actor in related):
        said.append(
            f"the CSV file names {count(described, 'actor')} only in other actors' relations: read back, "
            f"{'it is a name' if described == 1 else 'they are names'}, without the kind, side, profile and other "
            "details the dataset file keeps"
        )
    if long:
        said.append(
            f"{count(len(long), 'row')} {'has a cell' if len(long) == 1 else 'have cells'} longer than the "
            f"{EXCEL_CELL_MAX:,} characters a cell of Excel can hold (such as {long[0]!r}): opened and saved in "
            "Excel, the file does not come back whole"
        )
    return "; ".join(said) or None
