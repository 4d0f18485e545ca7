"""Web addresses from a foreign file, read the way a browser reads them; only http and https kept.

A filter that looks for 'javascript:' in the text as written is bypassed by 'java\\nscript:',
'java&#x09;script:' or ' javascript:': a browser decodes an attribute's character references, then
(WHATWG URL Standard, "basic URL parser") strips leading and trailing C0 controls and spaces and
removes every ASCII tab and newline before it reads the scheme. So we read the scheme after the
same steps, and allow only the listed schemes, rather than refusing a list of known-bad ones.

A scheme-relative address ('//example.org/x', what a page writes to follow its own scheme) is made
https: that is what it becomes on any page served over https, and it never turns into http.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from ..records import URL_MAX

ALLOWED_SCHEMES = ("http", "https")  # a source is read in a browser; mailto:, ftp:, data: are not sources
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SCHEME_RELATIVE = re.compile(r"[/\\]{2}")
# Characters drawn as nothing or as a blank, percent-encoded so that they are seen: spaces and controls (as a browser
# sends them), format characters (every one: a review found U+200B, then U+1D173 and U+1BCA0), private and unassigned
# ones, the Hangul and braille fillers, variation selectors. A security review: 'https://bank.example\u200b.evil
# .example/login' was shown with the break unseen, and 'https://good.example\u200f/x' handed to the browser so.
_UNSEEN = frozenset(["Cc", "Cf", "Co", "Cn", "Cs", "Zs", "Zl", "Zp"])
_BLANKS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0\U00016fe4") | {
    chr(c)
    for c in (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))  # (variation selectors: a third re-trial)
}


def _unseen(char: str) -> bool:
    return char.isspace() or char in _BLANKS or (char > "~" and unicodedata.category(char) in _UNSEEN) or char < " "


def shown_url(url: str) -> str:
    """A source's address as it is shown and cited: its unseen characters percent-encoded (see above)."""
    return "".join(quote(char, safe="") if _unseen(char) else char for char in url)


@dataclass(frozen=True)
class WebAddress:
    url: str | None  # the address to keep, or None when refused
    why: str = ""  # why it was refused, or what was changed ('' when kept as written)


def _browser_form(text: str) -> str:
    return _TAB_OR_NEWLINE.sub("", text.strip(_C0_OR_SPACE))


def _scheme(text: str) -> str | None:
    if _SCHEME_RELATIVE.match(text):
        return "//"
    match = _SCHEME.match(text)
    return match.group()[:-1].lower() if match else None


def web_address(raw: str) -> WebAddress:
    """``raw`` as a browser would read it, if it is an http or https address.

    The scheme is read twice, from ``raw`` as written and with its character references decoded
    (as in an HTML attribute), and both must be allowed: '&#x6a;avascript:' and 'java&#x09;script:'
    are refused whichever way the page uses them. The address kept is the one written, without
    what a browser strips; spaces and other invisible characters inside are percent-encoded.
    """
    written, decoded = _browser_form(raw), _browser_form(html.unescape(raw))
    found = (_scheme(written), _scheme(decoded))
    schemes = {scheme for scheme in found if scheme is not None}
    if not written or len(schemes) < len(set(found)) or not schemes:
        return WebAddress(None, "is not a web address (no http: or https: at its start)")
    refused = sorted(schemes - {*ALLOWED_SCHEMES, "//"})
    if refused:
        return WebAddress(None, f"is not a web address ({refused[0]}:)")
    url = shown_url(written)
    why = ""
    if "//" in schemes:
        url = "https://" + url[2:].lstrip("/\\")
        why = f"has no scheme; read as {url[:60]}"
    if len(url) > URL_MAX:
        return WebAddress(None, f"is longer than {URL_MAX:,} characters")
    return WebAddress(url, why)
