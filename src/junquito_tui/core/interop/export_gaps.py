"""What a CSV export has no column for, said when the file is written: the file read back (``--data``,
``import``) is not the whole dataset, and no one should take it for it. Its rows keep the events, their
actors by name and role, their sources and claims; a dataset's quotes and the actors' own records
(kind, side, profile, aliases, fate, relations) have no place in them."""

from __future__ import annotations

from collections.abc import Iterable

from ..chronology import Chronology
from ..records import Actor, ActorKind
from ..wording import count
from . import selected_events


def not_carried(chronology: Chronology, fmt: str, event_ids: Iterable[str] | None = None) -> str | None:
    """One sentence naming what the export of these events (all, or ``event_ids``) leaves out, or
    None where it leaves out nothing of theirs (or the format is not CSV)."""
    if fmt != "csv":
        return None
    events = selected_events(chronology, event_ids)
    quotes = sum(len(chronology.quotes_by_event.get(event.id, ())) for event in events)
    named = {participant.actor for event in events for participant in event.actors}
    described = sum(_described(chronology.actors[actor]) for actor in named)
    left = [count(quotes, "quote")] if quotes else []
    if described:
        actors = count(described, "actor")
        left.append(f"the kinds, sides, profiles and other details of {actors} (the file has their names and roles)")
    if not left:
        return None
    return f"left out of the CSV file, which has no column for them: {' and '.join(left)}; the dataset file keeps them"


def _described(actor: Actor) -> bool:
    """Whether the actor's record holds more than a name a CSV row gives back (there: kind 'other')."""
    details = (actor.side, actor.profile, actor.aliases, actor.fate, actor.relations)
    return actor.kind is not ActorKind.OTHER or any(details)
