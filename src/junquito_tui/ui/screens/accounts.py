"""Who says what: every claim by the moment it is about, competing accounts side by side.

A full-terminal page over the explorer. On the left (on top when narrow) every moment that has
claims, in the timeline's order; on the right (below) the accounts of the highlighted moment, as
many side by side as the width allows (one under the other when narrow). Following a link from an
account closes the page and hands the jump to the explorer, which records it in its history: back
returns to where the reader was before opening the page.
"""

from __future__ import annotations

from bisect import bisect_left

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ...core.chronology import Chronology
from ...core.records import Certainty
from ..account_rows import column_rows, columns_for, moment_at, moment_head, moment_rows
from ..messages import Navigate
from ..widgets.footer import KeyFooter
from ..widgets.links import LinkList
from ..widgets.rows import Row, RowList
from .modal import Modal

WIDE = 100  # from this width the moments and the accounts stand side by side (as in the explorer)
MIN_COLUMN = 34  # an account narrower than this wraps into too many short lines to compare
MOST_COLUMNS = 4


class MomentList(RowList):
    """The moments; moving shows a moment's accounts, enter (or a click) goes into them."""

    BINDINGS = [Binding("enter", "select", "Go to its accounts")]


class AccountColumns(Horizontal):
    """The accounts of one moment; says when its width changes, so that the columns are refitted."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class AccountsScreen(Modal[Navigate | None]):
    """Dismissed with the jump the user asked for (the explorer posts it on), or None."""

    HELP = """\
## Accounts: who says what
`w` (or the palette's *Accounts: who says what*) opens every claim in the dataset, grouped by the
moment (event) it is about, in the timeline's order (undated ones where the timeline shows them, not an
order the source states). On the left, each moment with the event's
certainty (`[disputed]` stands out), how many accounts it has and who gives each; on the right, the
accounts of the highlighted moment side by side (one under another in a narrow terminal): the
attribution exactly as the source gives it ("…, as reported by Wikipedia" for a work known only
through the article), the claim, who makes it ("not named in the source" when nobody is), the
source, and the moment. A claim is in the dataset's words, not a quotation (quotes are in the Quotes
pane), and the event's certainty is not the claim's: a confirmed event can be that someone said it.
`enter` on a moment goes into its accounts; `tab` and `left`/`right` move between the columns;
`enter` (or a click) on a `→` line jumps to that claimant, source or event and closes the page
(`backspace` in the explorer then returns to where you were).
"""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # narrow and short: the moment list names the moment
    BINDINGS = [
        Binding("escape,q,w", "dismiss(None)", "Close"),
        # priority: the lists would take these keys for sideways scrolling, which they never need
        Binding("tab,right", "column(1)", "Next column", priority=True),
        Binding("shift+tab,left", "column(-1)", "Previous column", priority=True),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, chronology: Chronology, start: str | None = None) -> None:
        """``start``: an event id; the page opens on its moment, or the first one after it."""
        super().__init__()
        self.chronology = chronology
        self._start = start
        self.moment_index: int | None = None  # the moment whose accounts are shown
        self._shown_columns = 0

    def compose(self) -> ComposeResult:
        claimed = self.chronology.accounts.claimed
        disputed = sum(1 for event in claimed if event.certainty == Certainty.DISPUTED)  # (Moment.disputed)
        moments = MomentList(id="moment-list")
        plural = "" if len(claimed) == 1 else "s"
        moments.border_title = Content(f"Who says what · {len(claimed):,} moment{plural}")
        moments.border_subtitle = Content(f"{disputed:,} disputed · enter: its accounts")
        with Container(id="accounts-body"):
            yield moments
            with Vertical(id="moment-accounts") as accounts:
                accounts.border_title = Content("Accounts")
                accounts.border_subtitle = Content("tab: next column · enter: follow · escape: close")
                yield Static(id="moment-head")
                with AccountColumns(id="account-columns"):
                    for number in range(MOST_COLUMNS):
                        column = LinkList(id=f"account-column-{number}")
                        column.set_classes("account-column -later" if number else "account-column")
                        yield column
        yield KeyFooter(compact=True)

    @property
    def moment_list(self) -> MomentList:
        return self.query_one(MomentList)

    @property
    def columns(self) -> list[LinkList]:
        """The columns in use, left to right (the rest are hidden)."""
        return [column for column in self.query(".account-column").results(LinkList) if column.display]

    def on_mount(self) -> None:
        rows = moment_rows(self.chronology)
        moments = self.moment_list
        if not rows:
            moments.show_rows([Row(Content("No claims in this dataset: every event is given as fact."))])
            self.query_one("#moment-accounts").display = False
        else:
            start = self._start_index()
            moments.show_rows(rows, highlighted=start)
            self._show_moment(start)
        moments.focus()

    def _start_index(self) -> int:
        """The moment of the start event, or the first after it (the last if none is after)."""
        claimed = self.chronology.accounts.claimed
        position = self.chronology.position
        if self._start is None or self._start not in position:
            return 0
        index = bisect_left(claimed, position[self._start], key=lambda event: position[event.id])
        return min(index, len(claimed) - 1)

    # -- the accounts of one moment ------------------------------------------
    def _column_count(self, accounts: int) -> int:
        width = self.query_one(AccountColumns).size.width
        most = MOST_COLUMNS if self.size.width >= WIDE else 1  # narrow: one under another
        return columns_for(accounts, width, MIN_COLUMN, most) if width else 1

    def _show_moment(self, index: int) -> None:
        self.moment_index = index
        moment = moment_at(self.chronology, index)
        head = moment_head(moment, self.chronology.accounts.shared, self.chronology.find)
        self.query_one("#moment-head", Static).update(head)
        self.query_one("#moment-accounts").border_title = Content(f"Accounts ({len(moment.accounts):,})")
        count = self._shown_columns = self._column_count(len(moment.accounts))
        for number, column in enumerate(self.query(".account-column").results(LinkList)):
            column.display = number < count
            if number < count:
                column.show(column_rows(self.chronology, moment, number, count))
        if self.focused is not None and not self.focused.display:  # its column went: the first one
            self.columns[0].focus()

    @on(AccountColumns.Resized)
    def _refit(self) -> None:
        """A new width may hold more or fewer columns; the same number keeps each cursor where it is."""
        if self.moment_index is None:
            return
        accounts = len(self.chronology.accounts.claimed[self.moment_index].claims)
        if self._column_count(accounts) != self._shown_columns:
            self._show_moment(self.moment_index)

    @on(RowList.Highlighted, "#moment-list")
    def _moment_highlighted(self, message: RowList.Highlighted) -> None:
        message.stop()
        self._show_moment(message.index)

    @on(RowList.Selected, "#moment-list")
    def _moment_chosen(self, message: RowList.Selected) -> None:
        message.stop()
        if message.index != self.moment_index:
            self._show_moment(message.index)
        self.columns[0].focus()

    def action_column(self, step: int) -> None:
        """Focus the next (1) or previous (-1) column, the moments first, round and round."""
        ring: list[RowList] = [self.moment_list, *self.columns] if self.moment_index is not None else []
        if not ring:
            return
        at = ring.index(self.focused) if self.focused in ring else 0
        ring[(at + step) % len(ring)].focus()

    # -- leaving ----------------------------------------------------------------
    @on(Navigate)
    def _followed(self, message: Navigate) -> None:
        message.stop()
        self.dismiss(message)

    def action_help(self) -> None:
        from .help import HelpScreen, accounts_help_markdown

        self.app.push_screen(HelpScreen(accounts_help_markdown(self)))
