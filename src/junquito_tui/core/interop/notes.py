"""Warnings gathered while reading a foreign file: one line each, located, repeated ones grouped."""

from __future__ import annotations

from ..text import visible

SHOWN_PATHS = 3  # a grouped warning names this many places, then counts the rest


class Notes:
    def __init__(self) -> None:
        self._entries: list[str | list[str]] = []  # a line, or the paths of a grouped message
        self._groups: dict[str, list[str]] = {}
        self._messages: dict[int, str] = {}
        self._seen: dict[int, set[str]] = {}

    def add(self, path: str, message: str) -> None:
        """A warning about one place in the file ('events[3].text: ...')."""
        self._entries.append(f"{path}: {message}" if path else message)

    def group(self, message: str, path: str) -> None:
        """A warning that may repeat: said once, with the places it applies to."""
        paths = self._groups.get(message)
        if paths is None:
            paths = self._groups[message] = []
            self._messages[id(paths)] = message
            self._seen[id(paths)] = set()
            self._entries.append(paths)
        seen = self._seen[id(paths)]
        if path not in seen:
            seen.add(path)
            paths.append(path)

    def lines(self) -> list[str]:
        """One line per warning, in the order first met, control characters shown as '\\x1b'."""
        out = []
        for entry in self._entries:
            if isinstance(entry, str):
                out.append(entry)
                continue
            message = self._messages[id(entry)]
            shown = ", ".join(entry[:SHOWN_PATHS])
            more = len(entry) - SHOWN_PATHS
            where = f"{shown} and {more} more" if more > 0 else shown
            out.append(f"{message} ({where})" if where else message)
        return [visible(line) for line in out]  # they quote the file
