"""Command line: open the explorer, or validate, search, import, export and print the schema without any UI.

Exit status: 0 ok, 2 for anything wrong with the input (never a traceback); from the console
entry point (``launch``) also 130 after Ctrl-C and 141 when the reader of a pipe closed it.
A TimelineJS3 file is accepted wherever a dataset is; its warnings go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .core.cached_load import Opened, load_cached, ordered, placing
from .core.chronology import Chronology, missing_link
from .core.files import LOAD_FACTOR, default_max_bytes, max_bytes_ceiling
from .core.interop import FORMATS, encode_export, export_text, write_atomically
from .core.loader import DatasetError, bundled_path, load_timelinejs, load_with_report, preflight, read_nothing
from .core.output_guard import Kept, notebook_files
from .core.quick_load import check_at_once
from .core.terminal_output import guarded
from .core.text import typed_id, visible
from .core.wording import count
from .notebook_cli import add_commands, add_notebook_options, annotations_for, read_annotations, run_cite, run_notebook

if TYPE_CHECKING:
    from .core.cache import Save
    from .core.interop.sheet_layouts import ColumnSpec

EXIT_USAGE = 2
BACKGROUND_LOAD_BYTES = 8 * 1024 * 1024  # larger files load behind a progress bar; smaller ones before the UI


def _max_bytes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of bytes") from None
    ceiling = max_bytes_ceiling()
    if not 1 <= value <= ceiling:
        raise argparse.ArgumentTypeError(
            f"{value:,} is not between 1 and {ceiling:,} (half this machine's memory: a dataset is held in memory)"
        )
    return value


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    default = default_max_bytes()  # read from the machine each time: cheap, and always current
    parser.add_argument(
        "--max-bytes",
        type=_max_bytes,
        default=default,
        metavar="N",
        help=f"refuse dataset files larger than N bytes (default: 1/{LOAD_FACTOR} of the memory available, "
        f"at least 50 MB; now {default:,})",
    )
    parser.add_argument(
        "--columns",
        type=_columns,
        metavar="SPEC",
        help="for a spreadsheet: which column is which, e.g. date=Fecha,title=Evento "
        "(fields: date, time, zone, end, title, summary, place, actors, tags, source, id; order=dmy|mdy)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        default=argparse.SUPPRESS,  # given before or after the command, either counts
        help="neither read nor write the cache of checked datasets (validate never uses it)",
    )


def _columns(text: str) -> ColumnSpec:
    from .core.interop.sheet_layouts import parse_columns  # only when given: start-up

    try:
        return parse_columns(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _count(text: str) -> int:
    """A number of results: 0 or more (a negative limit is a mistake, not 'all')."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse's, saying how to give a query that starts with '-' ('search -raid' said only that a query is
    required: a search trial)."""

    def error(self, message: str) -> NoReturn:
        if "required: query" in message or "ignored explicit argument" in message or "arguments: -" in message:
            # ('-raid', '-helicopter' read as -h, or '-raid perez' as an option beside the query)
            message += " (a query that starts with '-' goes after '--': search -- -raid)"
        elif message.startswith("argument --query: expected one argument"):
            message += " (a query that starts with '-' is given so: --query=-raid)"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="junquito-tui",
        description="Explore a chronology (by default: the El Junquito raid, 15 January 2018) in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"junquito-tui {__version__}")
    parser.add_argument("--data", metavar="FILE", help="open this dataset instead of the bundled one")
    start = parser.add_mutually_exclusive_group()
    start.add_argument("--event", metavar="ID", type=typed_id, help="start with this event selected")
    start.add_argument("--actor", metavar="ID", type=typed_id, help="start with this actor's profile open")
    start.add_argument("--quote", metavar="ID", type=typed_id, help="start with this quote's page open")
    add_notebook_options(parser, data=False)
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
    search.add_argument(
        "--limit", type=_count, metavar="N", help="print at most N results of each kind (0: counts only)"
    )
    add_notebook_options(search, data=False)
    _add_data_options(search)

    export = commands.add_parser("export", help="write the chronology as TimelineJS3 JSON, Markdown or CSV")
    export.add_argument("--format", required=True, choices=FORMATS, help="the output format")
    export.add_argument("--data", metavar="FILE", help="export this dataset instead of the bundled one")
    export.add_argument("--query", metavar="Q", help="export only the events this search matches")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_notebook_options(export, data=False)
    export.add_argument(
        "--no-notebook", action="store_true", help="leave your stars, tags and notes out of a Markdown export"
    )
    _add_data_options(export)

    import_ = commands.add_parser(
        "import", help="convert a TimelineJS3 file or a spreadsheet (CSV, XLSX, ODS, ACLED, ...) to a dataset"
    )
    import_.add_argument("file", help="a TimelineJS3 JSON file, a spreadsheet or a Timesketch export")
    import_.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    _add_data_options(import_)
    add_commands(commands, _add_data_options)
    _inherit_options(parser, {action.dest for action in parser._actions if action.option_strings})
    return parser


def _inherit_options(parser: argparse.ArgumentParser, shared: set[str]) -> None:
    """An option given before the command (``junquito-tui --data F search x``) applies to it.
    argparse would reset it to the command's own default (for --data: the bundled dataset), and
    the answer would silently be about another dataset."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                for option in command._actions:
                    if option.dest in shared and option.option_strings and option.dest != "help":
                        option.default = argparse.SUPPRESS
                _inherit_options(command, shared)


def main(argv: Sequence[str] | None = None, *, require_terminal: bool = False) -> int:
    """Run the command; ``require_terminal`` (the console entry point's) refuses to start the
    explorer unless standard input and output are a terminal."""
    with guarded():  # (Textual draws through sys.__stderr__: never this)
        parser = build_parser()
        given = list(sys.argv[1:] if argv is None else argv)
        if twice := _given_twice(given):
            parser.error(f"{twice} is given twice: give it once (the last would silently replace the first)")
        args = parser.parse_args(given)
        given_names = (getattr(args, name, None) for name in ("data", "file", "notebook"))
        if "" in given_names:  # (the bundled dataset was read, unsaid; a notebook of '' was the working folder)
            parser.error("an empty file name: give a file, or none for the bundled dataset")
        args.use_cache = not getattr(args, "no_cache", False)
        try:
            return _run(args, require_terminal)
        finally:
            for save in _SAVES:  # a search or an export leaves the dataset cached for next time
                save.join()
            _SAVES.clear()


_SAVES: list[Save] = []  # cache writes started by this command, finished before it exits
_ONCE = ("--data", "--columns", "--max-bytes")  # options whose second use would silently win


def _given_twice(argv: list[str]) -> str | None:
    """The first of ``_ONCE`` given more than once (before and after the command count alike)."""
    words = argv[: argv.index("--")] if "--" in argv else argv
    for option in _ONCE:
        if sum(word == option or word.startswith(f"{option}=") for word in words) > 1:
            return option
    return None


def _run(args: argparse.Namespace, require_terminal: bool) -> int:
    if args.command == "schema":
        import json  # not imported to open the explorer

        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command == "validate":
        return _validate(args.file or args.data, args.max_bytes, args.columns)
    if args.command == "search":
        return _search(args)
    if args.command == "export":
        return _export(args)
    if args.command == "import":
        return _import(args)
    if args.command in ("cite", "notebook"):
        chronology = _chronology(args)
        if chronology is None:
            return EXIT_USAGE
        return (run_cite if args.command == "cite" else run_notebook)(args, chronology)
    return _explore(args, require_terminal)


def json_schema() -> dict[str, object]:
    from .core.model import DATASET  # pydantic: only for a command that needs it

    schema = DATASET.json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "junquito-tui chronology dataset"
    return schema


def _load(args: argparse.Namespace) -> tuple[Opened, Save | None] | None:
    """The --data (or bundled) dataset and the write that would cache it (not started: the caller
    says when), or None after printing every problem."""
    try:
        loaded = load_cached(args.data, max_bytes=args.max_bytes, columns=args.columns, use_cache=args.use_cache)
        if (nothing := read_nothing(loaded[0], str(args.data))) is not None:  # (not 'wrote 0 events', exit 0)
            raise nothing
    except DatasetError as error:
        print(error.report(), file=sys.stderr)
        return None
    return loaded


def _chronology(args: argparse.Namespace) -> Chronology | None:
    """The --data (or bundled) dataset in order, its warnings printed; None after printing its problems."""
    loaded = _load(args)
    if loaded is None:
        return None
    found, save = loaded
    chronology = ordered(found)
    if save is not None:
        save.arrange(chronology)  # the writer places the events on the time axis itself
        save.start()  # written while the command works; waited for before it exits
        _SAVES.append(save)
    _print_warnings(found.warnings)
    return chronology


def _print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _validate(path: str | None, max_bytes: int, columns: ColumnSpec | None = None) -> int:
    """Always the file itself, checked in full: never the cache."""
    try:
        loaded = load_with_report(path, max_bytes=max_bytes, columns=columns, thorough=True)
    except DatasetError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_USAGE
    dataset, warnings = loaded.dataset, loaded.warnings
    _print_warnings(warnings)
    if loaded.summary:
        print(loaded.summary)
    if not dataset.events and (loaded.summary is not None or warnings):  # no 'ok' (a trial's 'ok: 0 events')
        why = "see the warnings above" if warnings else "the file has no rows of data"
        print(visible(f"{path}: not one event was read ({why})"), file=sys.stderr)
        return EXIT_USAGE
    print(
        f"ok: {count(len(dataset.events), 'event')}, {count(len(dataset.actors), 'actor')}, "
        f"{count(len(dataset.quotes), 'quote')}, {count(len(dataset.sources), 'source')}"
        + (f" ({count(len(warnings), 'warning')})" if warnings else "")
    )
    return 0


def _search(args: argparse.Namespace) -> int:
    """Exit 0 with results, 1 without, 2 for an unusable dataset or a filter that cannot be resolved."""
    chronology = _chronology(args)
    if chronology is None:
        return EXIT_USAGE
    from .core.search import SearchIndex
    from .core.search_output import print_results

    annotations = annotations_for(args, chronology)
    results = SearchIndex(chronology).search(args.query, typing=False, limit=args.limit, annotations=annotations)
    print_results(results, as_json=args.json)
    if results.unresolved:
        return EXIT_USAGE
    return 0 if results.total else 1


def _export(args: argparse.Namespace) -> int:
    """Exit 0 when written, 1 when the query matches no event, 2 for unusable input, output or query."""
    chronology = _chronology(args)
    if chronology is None:
        return EXIT_USAGE
    annotations, notebook = read_annotations(args, chronology)
    kept = [dataset_kept(args.data), *notebook_files(notebook)]
    if refused_output(args.output, kept):  # before the work: the notebook and the dataset are never written over
        return EXIT_USAGE
    event_ids, scope = None, None
    if args.query is not None:
        from .core.search import SearchIndex
        from .core.search_output import print_hints
        from .core.text import one_line

        results = SearchIndex(chronology).search(args.query, typing=False, limit=0, annotations=annotations)
        for problem in results.unresolved:
            print(f"junquito-tui: export: {one_line(visible(problem))}; nothing written", file=sys.stderr)
        print_hints(results)
        if results.unresolved:
            return EXIT_USAGE
        event_ids = results.matched_events
        from .core.interop.export_scope import Scope

        scope = Scope(args.query, len(chronology.events), tuple(results.hints))  # said in the file too
        if not event_ids:
            shown = one_line(visible(args.query))
            print(f"junquito-tui: export: no event matches {shown!r}; nothing written", file=sys.stderr)
            return 1
    with_notes = args.format == "markdown" and not args.no_notebook and bool(annotations)
    if with_notes and annotations is not None:
        from .core.interop import selected_events
        from .core.interop.markdown_export import notebook_words

        marked = notebook_words(chronology, selected_events(chronology, event_ids), annotations)
        print(f"with your notebook: {marked} (--no-notebook leaves them out)", file=sys.stderr)
    from .core.interop.csv_export import Written

    written_rows = Written()
    text = export_text(chronology, args.format, event_ids, annotations if with_notes else None, written_rows, scope)
    number = len(event_ids) if event_ids is not None else len(chronology.events)
    written = write_output(text, args.format, args.output, kept, count(number, "event"))
    from .core.interop.export_gaps import not_carried  # (msgspec: not for start-up)

    if written == 0 and (gaps := not_carried(chronology, args.format, event_ids, written_rows)) is not None:
        print(f"note: {gaps}", file=sys.stderr)
    return written


def _import(args: argparse.Namespace) -> int:
    kept = [Kept(Path(args.file), "the input file")]
    if getattr(args, "data", None) is not None:
        kept.append(dataset_kept(args.data))
    if getattr(args, "notebook", None):
        kept.extend(notebook_files(Path(args.notebook)))
    if refused_output(args.output, kept):  # before reading: a notebook is never written over
        return EXIT_USAGE
    try:
        dataset, warnings = load_timelinejs(args.file, max_bytes=args.max_bytes, columns=args.columns)
    except DatasetError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_USAGE
    _print_warnings(warnings)
    if not dataset.events:  # (a re-trial: 'wrote 0 events', exit 0, for a file of which no row was read)
        print(
            visible(f"{args.file}: not one event was read (see the warnings above); nothing written"), file=sys.stderr
        )
        return EXIT_USAGE
    import json

    from .core.model import DATASET

    document = {"schema_version": 1, **DATASET.dump_python(dataset, mode="json", by_alias=True, exclude_defaults=True)}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return write_output(text, "json", args.output, kept, count(len(dataset.events), "event"))


def write_output(text: str, fmt: str, output: str | None, kept: Sequence[Kept], what: str) -> int:
    """Standard output (no byte order mark), or a file written atomically: never over a file of
    ``kept`` (the dataset read, the notebook in use), nor any notebook (see ``output_guard``),
    never a device, a FIFO or a symbolic link."""
    if output is None or output == "-":
        sys.stdout.flush()  # bytes, so a non-UTF-8 locale cannot fail and CRLF in CSV stays CRLF
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    if refused_output(output, kept):
        return EXIT_USAGE
    try:
        written = write_atomically(Path(output), encode_export(text, fmt))
    except OSError as error:
        print(visible(f"junquito-tui: {output}: cannot be written: {error.strerror or error}"), file=sys.stderr)
        return EXIT_USAGE
    print(visible(f"wrote {what} to {written}"), file=sys.stderr)  # (a path's line break or tab: one line)
    return 0


def refused_output(output: str | None, kept: Sequence[Kept]) -> bool:
    """True (after saying which file it would destroy) when ``output`` must not be written: checked
    before the work is done, and again just before writing."""
    if output is None or output == "-":
        return False
    from .core.notebook.locating import notebooks_folder
    from .core.output_guard import refusal

    why = refusal(Path(output), kept, notebooks_folder())
    if why is None:
        return False
    print(visible(f"junquito-tui: {output}: {why}; nothing written, choose another output"), file=sys.stderr)
    return True


def dataset_kept(data: str | Path | None) -> Kept:
    """The dataset read (None: the bundled one), as a file no output may replace."""
    return Kept(Path(data) if data is not None else bundled_path(), "the input file")


def _size_if_loadable(path: Path, max_bytes: int) -> int:
    """0 when the file cannot be loaded at all: the ordinary path then reports why, before any UI."""
    try:
        return preflight(path, max_bytes)
    except DatasetError:
        return 0


def _no_terminal() -> bool:
    """True (after saying why) when standard input or output is not a terminal: the explorer would
    wait on a closed input at full CPU and write escape codes into a file."""
    streams = (sys.stdin, sys.stdout)
    if all(stream is not None and stream.isatty() for stream in streams):
        return False
    print(
        "junquito-tui: the explorer needs a terminal (standard input and output are not one); "
        "in scripts and pipes use validate, search or export",
        file=sys.stderr,
    )
    return True


def _explore(args: argparse.Namespace, require_terminal: bool) -> int:
    path = Path(args.data) if args.data else None
    large = path is not None and _size_if_loadable(path, args.max_bytes) > BACKGROUND_LOAD_BYTES
    if large and path is not None:
        if require_terminal and _no_terminal():
            return EXIT_USAGE
        # Large: open the interface at once and load behind a progress bar. Problems found
        # then are printed when the interface has closed, with the same exit status 2. The file's
        # check starts first, on the other core, while the interface starts on this one.
        early = check_at_once(path, args.max_bytes, use_cache=args.use_cache) if args.columns is None else None
        from .ui.app import JunquitoApp  # imported late: validate and schema never load Textual

        app = JunquitoApp(
            load=(path, args.max_bytes, args.columns),
            event_id=args.event,
            actor_id=args.actor,
            quote_id=args.quote,
            notebook_file=args.notebook,
            use_cache=args.use_cache,
            early_check=early,
        )
        app.run()
        if app.load_error:
            print(app.load_error, file=sys.stderr)
        return app.return_code or 0
    loaded = _load(args)
    if loaded is None:
        return EXIT_USAGE
    found, save = loaded
    chronology = ordered(found)
    # The cached placement, or one computed once: by the axis (after the first frame, for a large
    # dataset) or by the cache writer, whichever asks first
    placement = placing(found, chronology, save)
    problem = missing_link(chronology, args.event, args.actor, args.quote)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if require_terminal and _no_terminal():
        return EXIT_USAGE
    from .ui.app import JunquitoApp  # imported late: validate and schema never load Textual

    app = JunquitoApp(
        chronology,
        event_id=args.event,
        actor_id=args.actor,
        quote_id=args.quote,
        warnings=found.warnings,
        data_path=args.data,
        columns=args.columns,
        notebook_file=args.notebook,
        save=save,  # started once the first frame is on screen
        placing=placement,
    )
    app.run()
    return app.return_code or 0  # (a crash's traceback ended with status 0: a security review)
