"""Text from a file, made safe to show: the one place that knows which characters reach the terminal
as commands or at a width nobody can predict, which fields are one line, what an id looks like, and
how to make one from any text (no Textual here).

Textual strips only BEL, BS, VT, FF and CR: ESC and the other C0 and C1 controls go straight to
the terminal as escape sequences. The model rejects them in datasets; importers remove them; messages
that quote a file show them as ``\\x1b``.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from .folding import fold_uncached

# C0 controls except tab and newline, DEL, and C1. A character class, so that pydantic-core checks
# the model's pattern in Rust (a Python validator per string was a fifth of the load time).
CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
# Characters no two terminals draw at the same width, with no use in a chronology: the Hangul
# fillers (blank, drawn 0, 1 or 2 cells wide; a classic way to fake an empty name) and the Unicode
# noncharacters ("never interchanged"; tmux draws U+FFFE in 0 cells, Rich counts 1). Rejected
# with the controls. The 32 noncharacters beyond the first plane need two spellings: \u{1FFFE}
# in the model's patterns (pydantic-core's Rust regex, and editors' JSON Schema: ECMAScript with
# the u flag) and \U0001FFFE in Python's re, which has no braces. And the explicit bidirectional
# formatting characters (embeddings, overrides and isolates, U+202A-U+202E, U+2066-U+2069): a
# terminal that lays out right-to-left text obeys them and shows the text reordered ("Trojan
# Source"); one that does not draws nothing. Right-to-left text needs none of them (the marks
# U+200E, U+200F and U+061C stay allowed).
BIDI_CONTROLS = r"\u202a-\u202e\u2066-\u2069"
_BMP_UNDRAWABLE = r"\u115f\u1160\u3164\uffa0\ufdd0-\ufdef\ufffe\uffff" + BIDI_CONTROLS
UNDRAWABLE = _BMP_UNDRAWABLE + "".join(rf"\u{{{p:X}FFFE}}\u{{{p:X}FFFF}}" for p in range(1, 17))
_UNDRAWABLE_PY = _BMP_UNDRAWABLE + "".join(rf"\U{p:04X}FFFE\U{p:04X}FFFF" for p in range(1, 17))
# Line breaks and tab: allowed in multi-line fields (a summary), refused in one-line fields (a
# title), where they would draw the rest of the text over other panes. CR, NEL (U+0085) and the
# other C0/C1 breaks are controls, refused everywhere.
# Characters drawn as nothing that split a date or a column name to every reader but the eye: the zero-width
# space and joiners, the word joiner, a byte order mark met inside a text (two files joined), the soft
# hyphen. Allowed in a dataset (Persian writes the non-joiner inside words), but not read in a date cell or
# a column's name (search has its own: ``folding``).
INVISIBLE = str.maketrans(dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff"))
LINE_BREAKS = r"\t\n\u2028\u2029"
NO_CONTROL = f"^[^{CONTROLS}{UNDRAWABLE}]*$"  # multi-line text
ONE_LINE = f"^[^{CONTROLS}{LINE_BREAKS}{UNDRAWABLE}]*$"  # one-line text
CONTROL = re.compile(f"[{CONTROLS}{_UNDRAWABLE_PY}]")
# CONTROL's 32 characters beyond the first plane keep re from testing a character against a bitmap:
# it walks a list of ranges per character (22 us for 300 characters, a fifth of a spreadsheet's
# import). These two classes are bitmaps or one range: ``has_control`` asks them first.
_CONTROL_BMP = re.compile(f"[{CONTROLS}{_BMP_UNDRAWABLE}]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
# tab, newline and U+2028/U+2029 too: a message is one line (and a word of a command); and lone surrogates, which a
# file name's bytes that are no UTF-8 become (os.fsdecode's surrogateescape: printed, \udc9b is the byte 0x9B, an
# 8-bit CSI, where it does not end the program: a security review)
_ANY_CONTROL = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_UNDRAWABLE_PY}]")
# ... what no text written out may hold, its own tab, line feed and carriage return aside (a text's lines and a
# CSV's): every control, a lone surrogate, the bidirectional embeddings, overrides and isolates; and to a terminal
# U+2028/U+2029 too (a pipe gets them: a text of the dataset may hold them, and an export is written as it is)
_WRITTEN_UNSAFE = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_UNDRAWABLE_PY}]")
_TERMINAL_UNSAFE = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{_UNDRAWABLE_PY}]")
_BREAK_NAMES = {
    "\t": "tab",
    "\n": "line break",
    "\u2028": "line separator U+2028",
    "\u2029": "paragraph separator U+2029",
}
# Whole escape sequences (CSI such as colours, OSC such as titles or links, two-character escapes),
# so that pasted coloured output loses its codes, not just the ESC that would leave '[31m' behind.
# An OSC never runs past a line end: an unterminated one must not swallow the rest of a note.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
)
_LINE_END = re.compile(r"\r\n?")

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # ids and tags: safe inside our own link actions (no quotes, brackets)
SLUG_PATTERN = re.compile(SLUG)  # use fullmatch: '$' also matches before a final newline


def typed_id(text: str) -> str:
    """An id as a user types or pastes it: ids are lowercase slugs, so 'VEN101' (as an ACLED export and
    its spreadsheet write it) is the event 'ven101' (a trial's paste was refused)."""
    text = text.strip()  # (pasted with the spaces around it: refused, a re-trial)
    return text.lower() if text.isascii() else text


_APOSTROPHES = re.compile(r"['’ʼ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def has_control(text: str) -> bool:
    """``CONTROL.search(text) is not None``, a tenth of the time on text without characters beyond
    the first plane (nearly all text): the full class is only asked when there are some."""
    if _CONTROL_BMP.search(text) is not None:
        return True
    return not text.isascii() and _ASTRAL.search(text) is not None and CONTROL.search(text) is not None


def control_character(value: str) -> str | None:
    """Why ``value`` may not be shown, or None when it holds no control or undrawable character."""
    match = CONTROL.search(value)
    if match is None:
        return None
    char, offset = match.group(), match.start()
    if char <= "\x9f":
        what = "control character"
    elif "HANGUL" in unicodedata.name(char, ""):
        what = "invisible Hangul filler"
    elif unicodedata.bidirectional(char) in {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}:
        what = "bidirectional formatting character (it would reorder the text on screen)"
    else:
        what = "noncharacter"
    return f"{what} U+{ord(char):04X} at offset {offset} is not allowed in text"


def line_break(value: str, noun: str = "value") -> str | None:
    """Why ``value`` may not stand in a one-line field (``noun``: 'title'), or None when it may."""
    match = LINE_BREAK.search(value)
    if match is None:
        return None
    return f"{_article(noun)} is one line: {_BREAK_NAMES[match.group()]} at offset {match.start()}"


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` on one line: every run of whitespace (line breaks and tabs included) one space, none
    at either end. With ``limit``, at most that many characters, the last one '…' when text is cut;
    only a bounded prefix is read, so a single-line place never folds a whole 100,000-character
    summary to show forty characters of it."""
    # str.split() and re's \s both split on exactly the characters of str.isspace(); the split and
    # join is four times as fast as the substitution (a tenth of a spreadsheet's import).
    if limit is None:
        return " ".join(text.split())
    if limit <= 0:
        return ""
    head = text[: 4 * limit]
    folded = " ".join(head.split())
    if len(folded) <= limit and len(head) == len(text):
        return folded
    return folded[: limit - 1].rstrip() + "…"


# Rich 15 measures an emoji ZWJ sequence as its first emoji (2 cells) and a skin-tone modifier as 0
# cells; terminals that draw the parts one by one (xterm, the Linux console, tmux for modifiers) use
# 2 cells for each part, so every border after it shifts. Rich adds a cell for VS16 after a narrow
# symbol ('❤️' is 2), which most terminals draw in 1. Without these, every code point is drawn at the
# width Rich gives it, in any terminal.
# Zero-width spaces and joiners of words (U+200B, U+2060, U+FEFF): Rich counts them 0 cells, tmux 1, so
# a title holding one pushed the pane's right border off its line (a UI trial).
UNSTEADY = re.compile(rf"[\u200b\u200d\u2060\ufeff\ufe0e\ufe0f\U0001f3fb-\U0001f3ff{_UNDRAWABLE_PY}]")


def width_safe(text: str) -> str:
    """``text`` without what makes its width differ between Rich and terminals: zero-width joiners,
    emoji variation selectors and skin-tone modifiers ('👩🏽‍🚒' becomes '👩🚒', 4 cells everywhere),
    Hangul fillers and noncharacters. For display only: the data keeps them."""
    if text.isascii():
        return text
    return UNSTEADY.sub("", text)


def without_controls(text: str) -> tuple[str, int]:
    """Text typed or pasted by a user, safe to keep and to show: line ends as newlines, terminal
    escape sequences and every other control character removed (tab and newline stay); and how
    many characters were removed (so that the interface can say so)."""
    normal = _LINE_END.sub("\n", text)
    clean = CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", normal))
    return clean, len(normal) - len(clean)


def file_name(name: str) -> str:
    """A file's name as text: bytes that are not UTF-8 (a name from another system, which Python keeps
    as lone surrogates) shown as U+FFFD, which a dataset's strings can hold; format characters (a right-to-left
    mark) shown as their escapes, as a name is no text of the dataset's (a re-trial: in the source's title, raw)."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(_shown_char(char) if _format(char) else char for char in text) if not text.isascii() else text


def visible(text: str) -> str:
    """Control characters from a file (in a key, say) shown as \\x1b, never sent to the terminal; and in a message,
    format characters too (a right-to-left mark in a file's name: a re-trial), which are drawn as nothing."""
    text = _ANY_CONTROL.sub(_shown, text)
    return "".join(_shown_char(char) if _format(char) else char for char in text) if not text.isascii() else text


def terminal_safe(text: str, terminal: bool = True) -> str:
    """``text`` with every character a terminal could act on shown as its escape (``visible``), lines kept;
    ``terminal``: False for a file or a pipe, which gets U+2028 and U+2029 as they are."""
    unsafe = _TERMINAL_UNSAFE if terminal else _WRITTEN_UNSAFE
    return unsafe.sub(_shown, text) if unsafe.search(text) else text


def _shown(match: re.Match[str]) -> str:
    return _shown_char(match.group())


def _shown_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a file name's byte that is no UTF-8 (surrogateescape): that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0x9F else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shell_word(word: str) -> str:
    """``word`` as one word of a shell command (``shlex.quote``); one holding a character no terminal should get (a
    control, a line break, a bidirectional control: a file name can) in bash's and zsh's $'...', each such character
    escaped: the command still reopens that file, and only text reaches the screen (a security review: a file name's
    OSC 52 wrote the clipboard through a page's reopen line)."""
    if not _ANY_CONTROL.search(word) and not any(map(_format, word)):
        # ('=ls.json' is left bare by shlex, and zsh expands a word's leading '=' to a command's path: a trial)
        return shlex.quote(word) if not word.startswith("=") else "'" + word.replace("'", "'\"'\"'") + "'"
    return "$'" + "".join(_escaped(char) for char in word) + "'"


def _format(char: str) -> bool:
    """A format character (a right-to-left mark, a zero-width space): drawn as nothing, so a command holding one
    would not be what it looks like."""
    return char > "\x7f" and unicodedata.category(char) == "Cf"


def _escaped(char: str) -> str:
    if char in "\\'":
        return "\\" + char
    if not _ANY_CONTROL.match(char) and not _format(char):
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a file name's byte that is no UTF-8 (surrogateescape): that byte, so it reopens
        return f"\\x{code - 0xDC00:02x}"
    # as its UTF-8 bytes: bash reads \\u2028 as text in the C locale, so the line named another file (a re-trial)
    return "".join(f"\\x{byte:02x}" for byte in char.encode("utf-8", "surrogatepass"))


# Numbers that are no digits ('½', '²', '①'): folded, '½' is '12', a number the text never gives
_OTHER_NUMBERS = re.compile(
    r"[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u2079\u2080-\u2089\u2150-\u218b\u2460-\u24ff\u2776-\u2793]"
)
# Marks a slug may drop: they part words or quote them, and say nothing a reader would miss in a tag
_PARTING = frozenset(" -_.,;:!?'\"()[]/\\\u2018\u2019\u201c\u201d\u2026\u2013\u2014\u00ab\u00bb\u00bf\u00a1")


def slug_loses(text: str) -> bool:
    """Whether ``slugify`` drops a letter, a digit or a symbol of ``text`` ('Политика', 'Raid 中文', '🔥 Fire':
    none has an a-z form; 'C++' and 'C#' would both be 'c', '½' '12'), not only its accents ('Économie' is
    'economie', 'Łódź' 'lodz') or the marks that part words."""
    for char in text:
        if char.isascii():
            if not (char.isalnum() or char.isspace() or char in _PARTING):
                return True
        elif unicodedata.category(char) == "No" or (char not in _PARTING and not char.isspace() and not _ascii(char)):
            return True
    return False


def _ascii(text: str) -> str:
    """``text`` as search folds it ('Łódź' is 'lodz', 'Straße' 'strasse'), what has no a-z form dropped."""
    return fold_uncached(text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str, limit: int = 60) -> str:
    """'Euclid's <Optica>, 300 BCE' -> 'euclids-optica-300-bce'; '' when nothing is left."""
    # as search folds it (a re-trial: 'Łódź' was 'odz', and tag:lodz found nothing)
    ascii_text = text.lower() if text.isascii() else _ascii(_APOSTROPHES.sub("", _OTHER_NUMBERS.sub("", text)))
    slug = _NOT_ALNUM.sub("-", _APOSTROPHES.sub("", ascii_text)).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut  # whole words where possible
    return slug.strip("-")


def text_problem(error: Mapping[str, Any], location: Sequence[str | int]) -> str | None:
    """A pydantic error about a text field's characters or length, worded for people; None for
    other errors. ``location`` names the field: ('events', 3, 'title') is 'a title'."""
    value, context = error.get("input"), error.get("ctx") or {}
    if not isinstance(value, str):
        return None
    noun = field_noun(location)
    if error["type"] == "string_too_long":
        limit = context.get("max_length", 0)
        return f"{_article(noun)} is at most {limit:,} characters; this one has {len(value):,}"
    if error["type"] == "string_pattern_mismatch" and context.get("pattern") in {NO_CONTROL, ONE_LINE}:
        return control_character(value) or line_break(value, noun)
    return None


_NOUNS = {"aliases": "alias", "url": "URL", "zone_label": "zone label", "utc_offset": "UTC offset", "tags": "tag"}
_NOUNS |= {"text": "quote text", "by": "actor id", "actor": "actor id", "target": "actor id", "speaker": "actor id"}
_NOUNS |= {
    "sources": "source id",
    "source": "source id",
    "event": "event id",
    "after": "event id",
    "before": "event id",
}


def field_noun(location: Sequence[str | int]) -> str:
    """The field a location ends in, as a word: ('actors', 0, 'aliases', 2) -> 'alias'."""
    name = next((part for part in reversed(location) if isinstance(part, str)), "")
    return _NOUNS.get(name, name.replace("_", " ")) or "value"


def _article(noun: str) -> str:
    return noun if noun.startswith("$") else ("an " if noun[0] in "aeio" else "a ") + noun


# The line an importer writes in the summary of an item whose id here is another than the file's (an id the file
# gives twice, or no slug), which ``id:`` finds it by too
FILE_ID_LINE = "Id in the file: "
_FILE_IDS = re.compile(rf"^{FILE_ID_LINE}(.+)$", re.MULTILINE)


def file_ids(text: str) -> list[str]:
    """The ids a file gives an item whose id here is another, as its importer wrote them (``FILE_ID_LINE``)."""
    return [given.strip() for given in _FILE_IDS.findall(text)] if FILE_ID_LINE in text else []
