"""Text from a file, made safe to show: the one place that knows which characters reach the terminal
as commands, what an id looks like, and how to make one from any text (no Textual here).

Textual strips only BEL, BS, VT, FF and CR: ESC and the other C0 and C1 controls go straight to
the terminal as escape sequences. The model rejects them in datasets; importers remove them; messages
that quote a file show them as ``\\x1b``.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, and C1. A character class, so that pydantic-core checks
# the model's pattern in Rust (a Python validator per string was a fifth of the load time).
CONTROLS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
NO_CONTROL = f"^[^{CONTROLS}]*$"
CONTROL = re.compile(f"[{CONTROLS}]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # tab and newline too: a message is one line
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
SLUG_PATTERN = re.compile(SLUG)
_APOSTROPHES = re.compile(r"['’ʼ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def control_character(value: str) -> str | None:
    """Why ``value`` may not be shown, or None when it holds no control character."""
    match = CONTROL.search(value)
    if match is None:
        return None
    return f"control character U+{ord(match.group()):04X} at offset {match.start()} is not allowed in text"


def without_controls(text: str) -> tuple[str, int]:
    """Text typed or pasted by a user, safe to keep and to show: line ends as newlines, terminal
    escape sequences and every other control character removed (tab and newline stay); and how
    many characters were removed (so that the interface can say so)."""
    normal = _LINE_END.sub("\n", text)
    clean = CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", normal))
    return clean, len(normal) - len(clean)


def visible(text: str) -> str:
    """Control characters from a file (in a key, say) shown as \\x1b, never sent to the terminal."""
    return _ANY_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def slugify(text: str, limit: int = 60) -> str:
    """'Euclid's <Optica>, 300 BCE' -> 'euclids-optica-300-bce'; '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", _APOSTROPHES.sub("", ascii_text.lower())).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut  # whole words where possible
    return slug.strip("-")
