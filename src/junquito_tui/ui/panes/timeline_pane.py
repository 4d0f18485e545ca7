"""Pane 1: the time axis over the timeline. Owns the view a filter leaves, the zoom label and the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var

from ...core.chronology import Chronology
from ...core.records import Event
from ...core.wording import count
from ..messages import TimelineFilter

if TYPE_CHECKING:
    from ...core.notebook import Snapshot
    from ...core.placing import Placing
from ..widgets.time_axis import LEGEND, TimeAxis
from ..widgets.timeline import Timeline

CHECKING = " · being checked…"


class TimelinePane(Vertical):
    # Bound to the explorer screen's filter; a var: a change re-fills the timeline, not a repaint of all.
    timeline_filter: var[TimelineFilter | None] = var(None, init=False)
    annotations: var[Snapshot | None] = var(None, init=False)  # bound too: markers on marked events
    checking: var[bool] = var(False, init=False)  # bound: the dataset's full check is still running

    def __init__(
        self,
        chronology: Chronology,
        placing: Placing | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.chronology = chronology
        self._placing = placing

    def compose(self) -> ComposeResult:
        yield TimeAxis(id="time-axis")
        chronology = self.chronology
        yield Timeline(
            chronology.events,
            position=chronology.position,
            rows=chronology.timeline_rows,
            order=chronology.listed_order,
            id="timeline",
        )

    def on_mount(self) -> None:
        self.query_one(TimeAxis).set_events(self.chronology.events, self._placing)
        self._update_title()

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def current(self) -> Event | None:
        return self.timeline.current

    @property
    def view(self) -> list[Event]:
        """The events shown: all of them, or a filter's matches."""
        return self.timeline.view

    def select(self, event_id: str) -> bool:
        """Select the event; False when the filter hides it."""
        return self.timeline.select(event_id)

    def watch_timeline_filter(self, new: TimelineFilter | None) -> None:
        timeline = self.timeline
        current = timeline.current.id if timeline.current else None
        if new is None:
            # Not when every event is shown already: the binding's first call (0.1-0.2 s at 100,000 events).
            if timeline.view is not (chronology := self.chronology).events:
                timeline.set_view(
                    chronology.events, current, chronology.position, chronology.timeline_rows, chronology.listed_order
                )
            self.query_one(TimeAxis).show(None)
        else:
            view = [e for e in self.chronology.events if e.id in new.event_ids]
            timeline.set_view(view, keep=current)
            self.query_one(TimeAxis).show(view)
        self._update_title()

    def watch_annotations(self, annotations: Snapshot | None) -> None:
        self.timeline.annotations = annotations
        self.timeline.refresh()

    def zoom(self, step: int) -> None:
        self.query_one(TimeAxis).zoom(step)

    @on(TimeAxis.Zoomed)
    def _zoomed(self, message: TimeAxis.Zoomed) -> None:
        """Whatever changed the zoom (a key, the wheel, a resize): the label follows; a note is said."""
        message.stop()
        self._update_subtitle()
        if message.note is not None:  # it may quote an event title: plain text
            self.notify(message.note, markup=False)

    def step_day(self, direction: int) -> None:
        self.timeline.step_day(direction)

    def next_match(self, event_ids: list[str], step: int) -> str | None:
        """The matching event after (1) or before (-1) the selection, wrapping round; None if none."""
        position = self.chronology.position
        positions = sorted(position[i] for i in event_ids)
        if not positions:
            return None
        here = position[self.current.id] if self.current else -1
        if step > 0:
            target = next((p for p in positions if p > here), positions[0])
        else:
            target = next((p for p in reversed(positions) if p < here), positions[-1])
        return self.chronology.events[target].id

    @on(Timeline.Highlighted)
    def _highlighted(self, message: Timeline.Highlighted) -> None:
        self.query_one(TimeAxis).select(message.event)  # and on to the screen: the current event

    def _update_title(self) -> None:
        total = len(self.chronology.events)
        if self.timeline_filter is None:
            title = Content(f"1 Timeline · {count(total, 'event')}")
        else:
            shown = len(self.view)
            query = " ".join(self.timeline_filter.query.split())  # what the user typed, on one line
            title = Content.assemble(
                "1 Timeline · filter: ", query, f" · {shown:,} of {count(total, 'event')} (escape clears)"
            )
        if self.checking:  # plain words: what is shown has not yet been found valid
            title = Content.assemble(title, CHECKING)
        self.border_title = title
        self._update_subtitle()

    def watch_checking(self) -> None:
        if self.query(TimeAxis):  # bound before the pane has composed: on_mount writes the title then
            self._update_title()

    def _update_subtitle(self) -> None:
        self.border_subtitle = Content(f"{self.query_one(TimeAxis).zoom_label} (+-=) · {LEGEND}")
