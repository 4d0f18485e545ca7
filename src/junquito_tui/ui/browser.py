"""Opening a source's web address in the user's browser, and only a web address.

Nothing is opened without the user seeing the whole address and saying yes (``ConfirmOpen``), and
only http and https addresses, read the way a browser reads them (``interop.urls.web_address``):
a dataset is foreign text, and 'javascript:', 'file:' or a local program's scheme are not sources.

Python's ``webbrowser`` picks a browser the way the desktop would. A graphical one is started
in a thread (it may take a second to answer). A text browser (lynx, w3m, elinks, or $BROWSER
set to one) would share the terminal with the app: the app steps aside (``App.suspend``) while
it runs, as for an editor. Textual's own ``App.open_url`` calls ``webbrowser.open`` on the
interface thread, where a text browser would draw over the app and freeze it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.records import Source

if TYPE_CHECKING:  # webbrowser (shlex, subprocess) and the URL checks (html): imported when used, not at start
    import webbrowser


@dataclass(frozen=True)
class Address:
    url: str | None  # what to open, or None
    why: str = ""  # why not (for the user), when url is None


def address_of(source: Source) -> Address:
    if not source.url:
        return Address(None, f"The source '{source.title}' has no web address.")
    from ..core.interop.urls import web_address

    found = web_address(source.url)
    if found.url is None:
        return Address(None, f"Not opened: {source.url} {found.why}. Only http and https addresses are opened.")
    return Address(found.url)


def in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Whether the browser runs in this terminal (and waits): lynx, w3m, links, elinks, or a
    command in $BROWSER. A background one (xdg-open, firefox, chrome) returns at once."""
    import webbrowser

    if isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background and not browser.redirect_stdout
    return isinstance(browser, webbrowser.GenericBrowser)


def find_browser() -> webbrowser.BaseBrowser | None:
    import webbrowser

    try:
        return webbrowser.get()
    except webbrowser.Error:
        return None


def open_in_background(browser: webbrowser.BaseBrowser, url: str) -> threading.Thread:
    thread = threading.Thread(target=browser.open, args=(url,), name="browser", daemon=True)
    thread.start()
    return thread
