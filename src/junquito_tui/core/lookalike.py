"""Text read as a reader sees it, to tell whether it passes for one of the app's own labels ('Fatalities
(ACLED count): 99' in an ACLED export's notes; 'Account: ...' opening an event's summary in search).

A skeleton keeps only a-z, 0-9, brackets and colons, after what changes nothing on screen or little: control
and invisible characters, case, accents and other marks, compatibility forms (full-width, mathematical),
and letters of other scripts drawn as Latin ones (Cyrillic 'А', Greek 'Α', Armenian 'օ', small capitals).
Two re-trials found look-alikes passing as the app's own lines; each kind they used is here.
"""

from __future__ import annotations

import re

from .folding import fold_uncached
from .text import CONTROL

# Letters drawn as Latin ones (Unicode's confusables among the letters labels use), as folded text has them
_LATIN = str.maketrans(
    {
        look: latin
        for latin, looks in {
            "a": "аαⲁᴀꭺᎪ", "b": "вʙᏼ", "c": "сᴄꮯᏟ", "d": "ԁᴅꭰᎠ", "e": "еεⲉᴇꭼᎬ", "f": "ꜰ", "g": "ցɢ", "h": "һнհʜ",
            "i": "іιⲓɪ", "j": "јᴊ", "k": "кκⲕᴋ", "l": "ӏʟꮮᏞ", "m": "мⲙᴍ", "n": "ոⲛɴ", "o": "оοօⲟᴏ", "p": "рρⲣᴘ",
            "q": "ք", "r": "ʀ", "s": "ѕꜱꮪᏚ", "t": "тτⲧᴛ", "u": "υսᴜ", "v": "νᴠ", "w": "ᴡꮃᎳ", "x": "х", "y": "уʏ",
            "z": "ᴢꮓᏃ",
        }.items()
        for look in looks
    }
)  # fmt: skip
_FILLERS = str.maketrans(dict.fromkeys(map(ord, "\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5\u180e\u00ad"), None))
_NOT_KEPT = re.compile(r"[^a-z0-9():]+")


def skeleton(text: str) -> str:
    """'Fatalities (ACLED count): 99' -> 'fatalities(acledcount):99', whatever look-alikes wrote it."""
    if not text.isascii():
        text = fold_uncached(CONTROL.sub("", text).translate(_FILLERS)).translate(_LATIN)
    else:
        text = CONTROL.sub("", text).lower()  # (BEL, ESC and DEL are ASCII: removed, as the cleaning does)
    return _NOT_KEPT.sub("", text)
