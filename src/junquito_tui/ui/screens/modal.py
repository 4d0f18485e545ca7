"""A modal screen that can be dismissed twice harmlessly.

Textual's ``dismiss`` pops whatever screen is on top: two keys that both dismiss (``enter enter``
sent together) reached the same modal, and the second popped the explorer beneath it, or raised
``ScreenStackError`` when nothing was left to pop. Its ``dismiss`` action first waits for the
screen's pending callbacks, which a screen on its way out never runs: the second key then held
up every later key until the app closed. (A key already queued for a modal that is gone reaches
the app only as it closes: ``JunquitoApp.on_event`` drops it.)
"""

from __future__ import annotations

from typing import TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

Result = TypeVar("Result")


class Modal(ModalScreen[Result]):
    _dismissed = False

    def dismiss(self, result: Result | None = None) -> AwaitComplete:
        if self._dismissed or self.app.screen is not self:
            return cast(AwaitComplete, AwaitComplete.nothing())  # type: ignore[no-untyped-call]
        self._dismissed = True
        return super().dismiss(result)

    async def action_dismiss(self, result: Result | None = None) -> None:
        if self._dismissed or self.app.screen is not self:
            return
        await super().action_dismiss(result)
