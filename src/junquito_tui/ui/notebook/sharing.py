"""Taking an item out of the app: a citation or a quote to the clipboard, a source to the browser.

The clipboard is the terminal's (OSC 52, through ``App.copy_to_clipboard``): it works over ssh,
where no local clipboard program could. What was copied is shown whole, as text (it is data).
"""

from __future__ import annotations

from textual.app import App

from ...core.chronology import Chronology
from ...core.citation import OpenedAs, cite, quote_text
from ..browser import address_of, find_browser, in_terminal, open_in_background

COPIED = "Copied to the clipboard"


class Sharing:
    def __init__(self, chronology: Chronology, opened: OpenedAs | None = None) -> None:
        self.chronology = chronology
        self.opened = opened or OpenedAs()  # how the user opened the dataset: the citation's Reopen line says it

    def cite(self, app: App[object], kind: str, item_id: str) -> None:
        self._copy(app, cite(self.chronology, kind, item_id, self.opened), f"{COPIED}: the citation")

    def copy_quote(self, app: App[object], quote_id: str) -> None:
        self._copy(app, quote_text(self.chronology, quote_id), f"{COPIED}: the quote")

    @staticmethod
    def _copy(app: App[object], text: str, title: str) -> None:
        app.copy_to_clipboard(text)
        app.notify(text.rstrip("\n"), title=title, markup=False, timeout=10)

    def open_source(self, app: App[object], source_id: str) -> None:
        """Show the source's whole address and ask; open it only on yes, only http and https."""
        from ..screens.confirm import ConfirmOpen

        source = self.chronology.sources[source_id]
        address = address_of(source)
        if address.url is None:
            app.notify(address.why, title="Not opened", severity="warning", markup=False)
            return
        url = address.url

        def answered(yes: bool | None) -> None:
            if yes:
                open_url(app, url)

        app.push_screen(ConfirmOpen(source.title, url), answered)


def open_url(app: App[object], url: str) -> None:
    """Open ``url`` (already checked and confirmed). A browser that runs in this terminal gets the
    terminal while it runs; without any browser, the address goes to the clipboard instead."""
    from textual.app import SuspendNotSupported

    browser = find_browser()
    if browser is not None and in_terminal(browser):
        try:
            with app.suspend():
                browser.open(url)
            return
        except SuspendNotSupported:
            browser = None
    if browser is None:
        app.copy_to_clipboard(url)
        app.notify(
            f"No web browser can be started from here; the address is on the clipboard instead:\n{url}",
            title="Not opened",
            severity="warning",
            markup=False,
            timeout=10,
        )
        return
    open_in_background(browser, url)
    app.notify(url, title="Opening in your browser", markup=False)
