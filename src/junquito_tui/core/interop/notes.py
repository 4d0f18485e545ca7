"""Warnings gathered while reading a foreign file: one line each, located, repeated ones grouped."""

from __future__ import annotations

from ..text import visible

SHOWN_PATHS = 3  # a grouped warning names this many places, then counts the rest


class Notes:
    def __init__(self, columns: dict[str, str] | None = None) -> None:
        # For spreadsheets: 'line 5.text.headline' is said 'line 5 (Headline)', in the file's own words.
        self.columns = columns or {}
        self.said = 0  # how many times anything was added: a step that said nothing can be cached
        self._entries: list[str | list[str]] = []  # a line, or the paths of a grouped message
        self._groups: dict[str, list[str]] = {}
        self._messages: dict[int, str] = {}
        self._seen: dict[int, set[str]] = {}

    def add(self, path: str, message: str) -> None:
        """A warning about one place in the file ('events[3].text: ...')."""
        self.said += 1
        path = self._where(path)
        self._entries.append(f"{path}: {message}" if path else message)

    def group(self, message: str, path: str) -> None:
        """A warning that may repeat: said once, with the places it applies to."""
        self.said += 1
        path = self._where(path)
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

    def _where(self, path: str) -> str:
        head, dot, suffix = path.partition(".")
        if not dot or not self.columns:
            return path
        label = self.columns.get(suffix) or self.columns.get(suffix.split(".")[0])
        return f"{head} ({label})" if label else head

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
