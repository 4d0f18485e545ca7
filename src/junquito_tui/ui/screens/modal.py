"""A modal screen that can be dismissed twice harmlessly.

Textual's ``dismiss`` pops whatever screen is on top: two keys that both dismiss (``enter enter``
sent together) reached the same modal, and the second popped the explorer beneath it, or raised
``ScreenStackError`` when nothing was left to pop.
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
