"""The list cells of our CSV export (actors, sources): items joined by '; ', each part escaped.

Read back by ``junquito_csv``; ``csv_export`` and ``csv_provenance`` write them.
"""

from __future__ import annotations

# Why a backslash escape rather than, say, id columns: ids would keep the link to the item, but a
# spreadsheet reader would see 'x; s1' instead of who took part and what was read, and an older file
# (and a hand-written one) has names only. The backslash is rare in names and titles, so the cell
# stays as it read before for nearly every item ('Pérez (El Piloto) (leader)'), and it is marked
# only where the text itself holds what the import reads as structure. ESCAPED is what it escapes
# anywhere; a role adds '(' and ')', a source's title or address '<' and '>'.
ESCAPED = "\\;"
ROLE_ESCAPED = ESCAPED + "()"
SOURCE_ESCAPED = ESCAPED + "<>"
ESCAPE = "\\"


def list_part(text: str, escaped: str) -> str:
    """``text`` as a part of an item of a list cell (a name, a role, a title, an address): a backslash
    before each character of ``escaped`` and before a blank at either end (items are trimmed)."""
    last = len(text) - 1
    return "".join(
        ESCAPE + char if char in escaped or (char.isspace() and index in (0, last)) else char
        for index, char in enumerate(text)
    )
