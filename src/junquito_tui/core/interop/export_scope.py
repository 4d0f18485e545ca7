"""What a filtered export is: the search that chose its events, how many of how many, and what the search said
of events it left out. An export of a filtered view said nothing of the filter: a reader of the file could not
tell rows were left out, nor that some might belong in it (a user trial). No Textual here."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import one_line, visible


@dataclass(frozen=True)
class Scope:
    query: str  # as the user typed it
    total: int  # the events of the whole chronology
    hints: tuple[str, ...] = ()  # what the search said (events it left out that may belong, words read leniently)
    # the last word where the interface read it as the start of a word, as typed ('helicop'): a command line
    # search reads it whole, and found nothing for the file's query (a trial could not reproduce an export)
    prefix: str | None = None

    def words(self, shown: int) -> str:
        """'A filtered view: the 6 of 10 events that date:2018-01..2018-02 matches. The search said: ...'"""
        query = one_line(visible(self.query))
        text = f"A filtered view: the {shown:,} of {self.total:,} events that the search '{query}' matches"
        if self.prefix:
            text += (f" (its last word, '{one_line(visible(self.prefix))}', read as the start of a word, as the "
                     "interface reads it while you type; the command line reads it whole)")  # fmt: skip
        text += "."
        if self.hints:
            text += " The search said: " + "; ".join(one_line(visible(hint)) for hint in self.hints) + "."
        return text
