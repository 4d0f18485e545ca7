"""Bytes to text to a JSON document, every problem located: encoding, syntax, numbers too long to read,
and duplicate keys.

A key given twice in one object is not an error to JSON parsers, which keep the last value:
the earlier one is silently lost. Here it is a problem, with its JSON path and line. Parsing
notices duplicates cheaply (a hook per object); only a file that has some is scanned again,
token by token, to say where each one is.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from .problems import DatasetError, Problem, json_path

UTF8_BOM = b"\xef\xbb\xbf"
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING_OR = r'"[^"\\]*(?:\\.[^"\\]*)*"|'  # a JSON string, or (after it in a pattern) the token looked for


def sniff(head: bytes, name: str) -> None:
    """Refuse UTF-16 and binary files from their first bytes, before the rest is read."""
    sample = head[:64]
    # UTF-16 text is ASCII interleaved with zero bytes: zeros in every other byte, and only there.
    even, odd = sample[0::2], sample[1::2]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(sample) >= 4 and ((any(even) and not any(odd)) or (any(odd) and not any(even)))
    ):
        raise DatasetError(name, [Problem("", "looks like UTF-16; save the file as UTF-8")])
    if b"\x00" in head[:4096]:
        raise DatasetError(name, [Problem("", "holds binary data (zero bytes), not JSON text")])


def decode(raw: bytes, name: str) -> str:
    sniff(raw[:4096], name)
    raw = raw.removeprefix(UTF8_BOM)  # a UTF-8 byte order mark is harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"byte 0x{raw[error.start]:02X} is not valid UTF-8 (is it Latin-1 or another legacy encoding?); "
            "save the file as UTF-8"
        )
        raise DatasetError(name, [Problem("", message, line=line, column=column)]) from None
    if not text.strip():
        raise DatasetError(name, [Problem("", "is empty; a dataset is a JSON object")])
    return text


class _Constant(ValueError):
    """NaN or Infinity: Python reads them, JSON has no such values."""


def _reject_constant(value: str) -> Any:
    raise _Constant(value)


class _Pairs:
    """Builds each object as ``json`` does, noting whether any had a key twice."""

    def __init__(self) -> None:
        self.duplicated = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        if len(made) != len(pairs):
            self.duplicated = True
        return made


def parse_json(text: str, name: str) -> tuple[Any, list[Problem]]:
    """The document, and a problem for each duplicate key; ``DatasetError`` if it is not JSON."""
    pairs = _Pairs()
    try:
        document = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        message = _json_message(error.msg)
        if error.msg == "Extra data" and text.lstrip().startswith("{") and text[error.pos :].lstrip().startswith("{"):
            message += " (one JSON object a line is JSON lines, as Timesketch writes them: name the file .jsonl)"
        raise DatasetError(name, [Problem("", message, line=error.lineno, column=error.colno)]) from None
    except _Constant as error:
        _, line, column = _find(text, re.escape(str(error)))
        raise DatasetError(name, [Problem("", f"{error} is not valid JSON", line, column)]) from None
    except ValueError as error:  # an integer longer than Python converts
        limit = sys.get_int_max_str_digits()
        if not limit or "digits" not in str(error):
            raise
        number, line, column = _find(text, rf"(?<![\d.eE+-])-?\d{{{limit + 1},}}(?![\d.eE])")
        digits = f"{sum(c.isdigit() for c in number):,}" if number else "too many"
        message = f"a number of {digits} digits is too long to read (at most {limit:,})"
        raise DatasetError(name, [Problem("", message, line, column)]) from None
    except RecursionError:  # (said where: a security trial's chain of sources 1,000 deep named no place)
        line, column = _too_deep(text)
        message = (
            f"is nested too deeply to be a dataset (past {NESTED_SAID} levels here)"
            if line
            else "is nested too deeply to be a dataset"
        )
        raise DatasetError(name, [Problem("", message, line, column)]) from None
    return document, duplicate_keys(text) if pairs.duplicated else []


NESTED_SAID = 100  # levels: no dataset nests past a few dozen; the parser's own limit is its recursion's


def _too_deep(text: str) -> tuple[int | None, int | None]:
    """The line and column where brackets outside strings first open past ``NESTED_SAID`` levels."""
    depth = 0
    for match in re.finditer(_STRING_OR + r"([\[{])|([\]}])", text):
        if match.group(1) is not None:
            depth += 1
            if depth > NESTED_SAID:
                return line_column(text, match.start(1))
        elif match.group(2) is not None:
            depth -= 1
    return None, None


def _find(text: str, token: str) -> tuple[str | None, int | None, int | None]:
    """The first match of the pattern ``token`` outside any string, with its line and column."""
    for match in re.finditer(_STRING_OR + f"({token})", text):
        if match.group(1) is not None:
            return match.group(1), *line_column(text, match.start(1))
    return None, None, None


def line_column(text: str, position: int) -> tuple[int, int]:
    return text.count("\n", 0, position) + 1, position - (text.rfind("\n", 0, position) + 1) + 1


def _json_message(message: str) -> str:
    if message.startswith("Expecting property name enclosed in double quotes"):
        return "invalid JSON: expected a quoted key (a trailing comma before '}'?)"
    if message == "Expecting value":
        return "invalid JSON: expected a value (a trailing comma, or the file is cut short?)"
    return f"invalid JSON: {message[0].lower()}{message[1:]}"


def has_duplicate_keys(raw: bytes) -> bool:
    """Whether any object in ``raw`` (valid JSON) has a key twice: jiter's parser, in Rust, about
    four times faster than ``json`` with a hook."""
    import jiter  # here: only a load that asks for the check needs it

    try:
        jiter.from_json(raw.removeprefix(UTF8_BOM), catch_duplicate_keys=True, cache_mode="keys")
    except ValueError as error:
        return "duplicate key" in str(error)
    return False


_SCALARS = json.JSONDecoder(parse_int=lambda _: 0, parse_float=lambda _: 0, parse_constant=lambda _: 0).scan_once  # type: ignore[attr-defined]


def duplicate_keys(text: str) -> list[Problem]:
    """Every key given a second (third, ...) time in its object, with its path and line, in file order.

    ``text`` is known to be valid JSON. Objects and arrays are walked here, with a stack rather than
    recursion (as deep as ``json`` accepts); strings, numbers and literals are skipped by ``json``'s
    own scanner, in C.
    """
    found: list[Problem] = []
    stack: list[tuple[tuple[str | int, ...], dict[str, int] | None, int]] = []  # (path, keys seen, index)
    path: tuple[str | int, ...] = ()
    i = _skip(text, 0)
    while True:
        opening = text[i]
        if opening in "{[":
            i = _skip(text, i + 1)
            if text[i] in "}]":
                i += 1
            else:
                keys: dict[str, int] | None = {} if opening == "{" else None
                stack.append((path, keys, 0))
                path, i = _member(text, i, path, keys, 0, found)
                continue
        else:
            i = _SCALARS(text, i)[1]
        while stack:  # a value is complete: the next member, or close containers
            i = _skip(text, i)
            if text[i] == ",":
                parent, keys, index = stack[-1]
                stack[-1] = (parent, keys, index + 1)
                path, i = _member(text, _skip(text, i + 1), parent, keys, index + 1, found)
                break
            i += 1  # '}' or ']'
            stack.pop()
        else:
            return found


def _member(
    text: str, i: int, parent: tuple[str | int, ...], keys: dict[str, int] | None, index: int, found: list[Problem]
) -> tuple[tuple[str | int, ...], int]:
    """The path of the next member and where its value starts; a key seen before is a problem."""
    if keys is None:
        return (*parent, index), i
    key, end = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
    if key in keys:
        line, column = line_column(text, i)
        first_line, first_column = line_column(text, keys[key])
        message = (
            f"key '{key}' given again (first at line {first_line}, column {first_column}): "
            "the earlier value would be silently lost"
        )
        found.append(Problem(json_path((*parent, key)), message, line, column))
    else:
        keys[key] = i
    return (*parent, key), _skip(text, _skip(text, end) + 1)  # past the ':'


def _skip(text: str, i: int) -> int:
    match = _WHITESPACE.match(text, i)
    return match.end() if match else i


_SURROGATE = re.compile(r"[\ud800-\udfff]")  # (a JSON escape's lone half of a pair: no character, no UTF-8)
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # in JSON text: where one may be (a pair's halves too)
SURROGATE_SAID = "a lone surrogate escape (\\ud800-\\udfff, half of a character) is no text"


def with_surrogates(document: Any, replace: bool = False) -> tuple[Any, list[str]]:
    """The JSON paths of the strings (keys too) holding a lone surrogate escape; ``replace``: the document with
    each replaced by U+FFFD, as other unreadable text is (a security review: TimelineJS and Timesketch files were
    refused at places the file does not have, 'events[1].title'; a notebook import ended in a traceback)."""
    found: list[str] = []

    def fixed(text: str, path: list[str | int]) -> str:
        if _SURROGATE.search(text) is None:
            return text
        found.append(json_path(tuple(path)) or "(the top)")
        return _SURROGATE.sub("\ufffd", text) if replace else text

    def walk(value: Any, path: list[str | int]) -> Any:
        if isinstance(value, str):
            return fixed(value, path)
        if isinstance(value, dict):
            return {fixed(key, path): walk(item, [*path, key]) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, [*path, index]) for index, item in enumerate(value)]
        return value

    walked = walk(document, [])
    return (walked if replace else document), found
