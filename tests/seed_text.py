"""Comparing the bundled dataset's prose with its seed article (dataset rules 3, 4 and 9).

Three checks, kept small so that each can be tested on its own:

- ``quoted_spans``: the passages a text puts in quotation marks ("…", “…” or '…', where an
  apostrophe inside a word, as in Pérez's, does not open or close one);
- ``copied_runs``: runs of ``RUN`` words the text shares with the seed outside quotation marks
  (rule 4: summaries are one's own words). Proper names are left out of the runs on both sides, so
  that a list of the five men shot dead, which can only be copied, is not taken for copied prose;
- ``states_order``: whether an ``order_note`` holds a word that states an order. "While" and "with"
  join two things without saying which came first, so they are not among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

RUN = 8

# Words that put one thing after another. 'responded' is here because a response follows what it
# answers ("President Maduro responded, stating"); 'while', 'with', 'during' and 'as' are not.
ORDER_WORDS = frozenset({"after", "afterwards", "before", "later", "earlier", "then", "responded", "until", "since"})

_WORD = re.compile(r"\w+")
_SINGLE = r"(?<!\w)'((?:[^']|(?<=\w)'(?=\w))+?)'(?!\w)"  # 'Pérez's brother' is one span
_QUOTED = re.compile(rf'"([^"]+)"|“([^”]+)”|{_SINGLE}')
_SENTENCE_END = ".!?"


def normalise(text: str) -> str:
    return " ".join(text.split())


def quoted_spans(text: str) -> list[str]:
    return [normalise(next(g for g in m.groups() if g is not None)) for m in _QUOTED.finditer(text)]


def _is_name(text: str, start: int, word: str) -> bool:
    """A capitalised word that does not open a sentence: a proper name, or part of one."""
    if not word[0].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_END


def word_runs(text: str) -> list[list[str]]:
    """The text's words, lower-cased and without proper names, in stretches that quotation marks
    break: a run of copied words is looked for inside one stretch only."""
    stretches: list[list[str]] = []
    last = 0
    for match in [*_QUOTED.finditer(text), None]:
        end = match.start() if match else len(text)
        stretches.append(
            [m.group().lower() for m in _WORD.finditer(text, last, end) if not _is_name(text, m.start(), m.group())]
        )
        last = match.end() if match else end
    return stretches


def runs_of(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for words in word_runs(text) for i in range(len(words) - size + 1)}


def copied_runs(text: str, seed_runs: set[tuple[str, ...]], size: int = RUN) -> list[str]:
    """Every run of ``size`` words of ``text`` (outside quotation marks) that is also in the seed."""
    return [" ".join(run) for run in sorted(runs_of(text, size) & seed_runs)]


def states_order(note: str) -> bool:
    return any(word.lower() in ORDER_WORDS for word in _WORD.findall(note))


def prose(data: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(JSON path, text) of every string in the dataset written in the dataset's own words: all of
    them but the ids, the quotes' texts and the order notes, which are the article's words by design."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in {"id", "order_note", "$schema", "url"} or (path.startswith("quotes[") and key == "text"):
                continue
            yield from prose(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from prose(value, f"{path}[{index}]")
    elif isinstance(data, str):
        yield path, data
