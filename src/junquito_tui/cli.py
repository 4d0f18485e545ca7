"""Command line: open the explorer, or validate / print the schema without any UI.

Exit status: 0 ok, 2 for anything wrong with the input (never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import __version__
from .chronology import Chronology
from .integrity import closest
from .loader import DEFAULT_MAX_BYTES, DatasetError, load_dataset
from .model import Dataset

EXIT_USAGE = 2


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse dataset files larger than N bytes (default {DEFAULT_MAX_BYTES:,})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="junquito-tui",
        description="Explore a chronology (by default: the El Junquito raid, 15 January 2018) in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"junquito-tui {__version__}")
    parser.add_argument("--data", metavar="FILE", help="open this dataset instead of the bundled one")
    parser.add_argument("--event", metavar="ID", help="start with this event selected")
    parser.add_argument("--actor", metavar="ID", help="start with this actor's profile open")
    _add_data_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check a dataset and report every problem")
    validate.add_argument("file", nargs="?", help="dataset file (default: the bundled dataset)")
    _add_data_options(validate)

    commands.add_parser("schema", help="print the dataset JSON Schema")

    search = commands.add_parser("search", help="search events, actors, quotes and sources")
    search.add_argument("query", help='e.g. perez, "order fulfilled", actor:rubio, date:2017-06..2017-12')
    search.add_argument("--data", metavar="FILE", help="search this dataset instead of the bundled one")
    search.add_argument("--json", action="store_true", help="print one JSON object per line")
    search.add_argument("--limit", type=int, metavar="N", help="print at most N results of each kind")
    _add_data_options(search)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "validate":
        return _validate(args.file, args.max_bytes)
    if args.command == "search":
        return _search(args)
    return _explore(args)


def json_schema() -> dict[str, object]:
    schema = Dataset.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "junquito-tui chronology dataset"
    return schema


def _load(path: str | None, max_bytes: int) -> Dataset | None:
    try:
        return load_dataset(path, max_bytes=max_bytes)
    except DatasetError as error:
        print(error.report(), file=sys.stderr)
        return None


def _validate(path: str | None, max_bytes: int) -> int:
    dataset = _load(path, max_bytes)
    if dataset is None:
        return EXIT_USAGE
    print(
        f"ok: {len(dataset.events)} events, {len(dataset.actors)} actors, "
        f"{len(dataset.quotes)} quotes, {len(dataset.sources)} sources"
    )
    return 0


def _search(args: argparse.Namespace) -> int:
    """Exit 0 with results, 1 without, 2 for an unusable dataset."""
    dataset = _load(args.data, args.max_bytes)
    if dataset is None:
        return EXIT_USAGE
    from .search import SearchIndex
    from .search_output import print_results

    results = SearchIndex(Chronology(dataset)).search(args.query, typing=False, limit=args.limit)
    print_results(results, as_json=args.json)
    return 0 if results.hits else 1


def _explore(args: argparse.Namespace) -> int:
    dataset = _load(args.data, args.max_bytes)
    if dataset is None:
        return EXIT_USAGE
    chronology = Chronology(dataset)
    for option, known in (("event", chronology.position), ("actor", chronology.actors)):
        wanted = getattr(args, option)
        if wanted is not None and wanted not in known:
            guesses = closest(wanted, known, limit=5)
            hint = f"; closest: {', '.join(guesses)}" if guesses else ""
            print(f"junquito-tui: --{option}: no {option} with id '{wanted}'{hint}", file=sys.stderr)
            return EXIT_USAGE
    from .app import JunquitoApp  # imported late: validate and schema never load Textual

    JunquitoApp(chronology, event_id=args.event, actor_id=args.actor).run()
    return 0
