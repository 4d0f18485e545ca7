"""Command line for the notebook and citations: ``cite ID`` and ``notebook show|export|import|new``.

Exit status: 0 done, 1 nothing to do, 2 for anything wrong with the input or the notebook (a
message naming the file and the problem, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.chronology import Chronology, exists
from .core.citation import CITABLE, OpenedAs, cite, kinds_of
from .core.files import file_kind, open_regular
from .core.integrity import closest
from .core.problems import DatasetError
from .core.terminal_output import terminal
from .core.text import terminal_safe, typed_id, visible
from .core.wording import count

if TYPE_CHECKING:  # the notebook (sqlite3, platformdirs) is imported by the commands that use it, not at start-up
    from .core.notebook import Opened, Snapshot
    from .core.notebook.exchange import Document

EXIT_USAGE = 2
MAX_IMPORT_BYTES = 50 * 1024 * 1024


def add_commands(commands: Any, data_options: Any) -> None:
    """Register ``cite`` and ``notebook`` on the main parser's subcommands."""
    cite_ = commands.add_parser("cite", help="print a citation of an event, actor, quote or source")
    cite_.add_argument("id", type=typed_id, help="the id of an event, actor, quote or source (any case)")
    cite_.add_argument("--kind", choices=CITABLE, help="which, when several kinds of item share the id")
    cite_.add_argument("--data", metavar="FILE", help="a dataset instead of the bundled one")
    data_options(cite_)

    notebook = commands.add_parser("notebook", help="your notes on a dataset: show, export, import, new")
    actions = notebook.add_subparsers(dest="action", metavar="ACTION", required=True)
    parsers = {
        "show": actions.add_parser("show", help="where the notebook is, and everything in it"),
        "export": actions.add_parser("export", help="write the notebook as JSON, to move or share it"),
        "import": actions.add_parser("import", help="merge a notebook exported as JSON (conflicts reported)"),
        "new": actions.add_parser("new", help="start a new notebook when the current one cannot be read"),
    }
    parsers["export"].add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parsers["import"].add_argument("file", help="a notebook exported with 'notebook export'")
    parsers["import"].add_argument(
        "--any-dataset", action="store_true", help="import a notebook exported from another dataset (matched by id)"
    )
    for parser in parsers.values():
        add_notebook_options(parser)
        data_options(parser)


def add_notebook_options(parser: argparse.ArgumentParser, *, data: bool = True) -> None:
    if data:
        parser.add_argument("--data", metavar="FILE", help="a dataset instead of the bundled one")
    parser.add_argument("--notebook", metavar="FILE", help="use this notebook file instead of the dataset's own")


def open_for(args: argparse.Namespace, chronology: Chronology, *, record: bool) -> Opened:
    from .core.notebook import open_for_dataset

    return open_for_dataset(args.data, chronology.dataset, notebook_file=args.notebook, record=record)


def annotations_for(args: argparse.Namespace, chronology: Chronology) -> Snapshot | None:
    """The notebook as it is now, read only (nothing is created); None, with a warning, when off (a search's
    'is:starred' then says it matches nothing for want of a notebook)."""
    return read_annotations(args, chronology)[0]


def read_annotations(args: argparse.Namespace, chronology: Chronology) -> tuple[Snapshot | None, Path]:
    """``annotations_for``, and the notebook file in use (given or found; existing or not): a file
    no output may replace."""
    opened = open_for(args, chronology, record=False)
    if opened.notebook is None:
        print(visible(f"warning: {opened.reason}"), file=sys.stderr)
        return None, opened.path
    if args.notebook and not opened.path.exists():  # (a mistyped path gave a case file without notes, unsaid)
        print(visible(f"note: there is no notebook at {opened.path}: nothing is marked"), file=sys.stderr)
    return opened.notebook.snapshot(), opened.path


def run_cite(args: argparse.Namespace, chronology: Chronology) -> int:
    kinds = [args.kind] if args.kind else kinds_of(chronology, args.id)
    kinds = [kind for kind in kinds if kind in kinds_of(chronology, args.id)]
    if len(kinds) == 1:
        _print(cite(chronology, kinds[0], args.id, OpenedAs(args.data, str(args.columns) if args.columns else None)))
        return 0
    if len(kinds) > 1:
        options = " or ".join(f"--kind {kind}" for kind in kinds)
        which = " and of ".join(f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}" for kind in kinds)
        print(f"junquito-tui: cite: '{args.id}' is the id of {which}: add {options}", file=sys.stderr)
        return EXIT_USAGE
    wanted = [args.kind] if args.kind else list(CITABLE)
    known = [item_id for kind in wanted for item_id in _ids(chronology, kind)]
    guesses = closest(args.id, known, limit=5)
    hint = f"; closest: {', '.join(guesses)}" if guesses else ""
    what = args.kind or "event, actor, quote or source"
    print(visible(f"junquito-tui: cite: no {what} with id '{args.id}'{hint}"), file=sys.stderr)
    return EXIT_USAGE


def _ids(chronology: Chronology, kind: str) -> list[str]:
    if kind == "event":
        return list(chronology.position)
    if kind == "actor":
        return list(chronology.actors)
    return list(chronology.quotes if kind == "quote" else chronology.sources)


def run_notebook(args: argparse.Namespace, chronology: Chronology) -> int:
    if args.action == "new":
        return _new(args, chronology)
    opened = open_for(args, chronology, record=args.action == "import")
    if opened.notebook is None:
        print(visible(f"junquito-tui: notebook: {opened.reason}"), file=sys.stderr)
        return EXIT_USAGE
    if args.action == "show":
        return _show(opened, chronology)
    if args.action == "export":
        return _export(args, opened, chronology)
    return _import(args, opened, chronology)


def _show(opened: Opened, chronology: Chronology) -> int:
    from .core.notebook import orphaned

    assert opened.notebook is not None
    notebook = opened.notebook
    exists = notebook.path.exists()
    state = opened.access.value if exists else "none yet: made at your first star, tag or note"
    print(visible(f"notebook: {notebook.path} ({state})"))
    if opened.found:
        print(visible(f"found by: {opened.found}"))
    if opened.reason:
        print(visible(opened.reason))
    items, searches = notebook.items(), notebook.searches()
    lost = {item.key for item in orphaned(items, chronology)}
    print(f"{len(items)} items ({len(lost)} orphaned), {len(searches)} saved searches")
    for item in items:
        star = "\u2605" if item.starred else " "
        tags = f"  [{', '.join(item.tags)}]" if item.tags else ""
        where = "  (orphaned: no longer in the dataset)" if item.key in lost else ""
        print(f"{star} {item.kind} {item.id}{tags}{where}")
        for line in item.note.splitlines():  # every line: a note is shown whole (a later line may retract the first)
            print(f"    {visible(line.replace(chr(9), '    '))}")  # a code from a file never reaches the terminal
    for saved in searches:
        print(visible(f"search '{saved.name}': {saved.query}"))  # (bidirectional marks went out raw: a re-trial)
    return 0


def _export(args: argparse.Namespace, opened: Opened, chronology: Chronology) -> int:
    from .cli import dataset_kept, refused_output, write_output
    from .core.notebook.exchange import export_document
    from .core.output_guard import notebook_files

    assert opened.notebook is not None
    kept = [dataset_kept(args.data), *notebook_files(opened.path)]
    if refused_output(args.output, kept):
        return EXIT_USAGE
    items, searches = opened.notebook.items(), opened.notebook.searches()
    identity = opened.notebook.identity
    text = export_document(items, searches, chronology.dataset.title, identity.sha256 if identity else "")
    return write_output(
        text,
        "json",
        args.output,
        kept,
        f"{count(len(items), 'item')} and {count(len(searches), 'search', 'searches')}",
    )


def _import(args: argparse.Namespace, opened: Opened, chronology: Chronology) -> int:
    from .core.notebook import Access, NotebookError

    assert opened.notebook is not None
    if opened.access is not Access.WRITABLE:
        print(visible(f"junquito-tui: notebook import: {opened.reason}"), file=sys.stderr)
        return EXIT_USAGE
    document = _read_import(args.file)
    if document is None or not _same_dataset(args, document, opened, chronology):
        return EXIT_USAGE
    label = f"imported from {Path(args.file).name}"
    try:
        report = opened.notebook.merge(document, label)
    except NotebookError as error:  # (nothing of it kept: the transaction is rolled back; it was a traceback)
        print(visible(f"junquito-tui: notebook import: {args.file}: {error}"), file=sys.stderr)
        return EXIT_USAGE
    for line in report.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    if report.removed_controls:
        print(f"note: removed {report.removed_controls} control characters from notes", file=sys.stderr)
    absent = [r for r in document.items if not exists(chronology, r.kind, r.id)]
    if absent:
        print(f"note: {len(absent)} imported items are not in this dataset: kept, listed as orphaned", file=sys.stderr)
    print(visible(f"{opened.notebook.path}: {report.summary()}"))
    return 0


def _same_dataset(args: argparse.Namespace, document: Document, opened: Opened, chronology: Chronology) -> bool:
    """Whether to merge ``document``: a notebook exported from another dataset (another title and content) would
    put its notes on whatever items here share their ids (a trial: 'e1' to 'e4', unrelated events), so it is
    refused unless ``--any-dataset`` says so; another version of this one is said."""
    theirs, identity = document.dataset, opened.notebook.identity if opened.notebook else None
    if not theirs.sha256:  # (an export without its dataset's fingerprint: said, not refused; a re-trial)
        print(visible(f"note: {args.file} names no dataset's content: items matched by id"), file=sys.stderr)
        return True
    if identity is None or theirs.sha256.lower() == identity.sha256:
        return True
    ours = chronology.dataset.title
    if theirs.title == ours:
        print(visible(f"note: {args.file} was exported from another version of {ours!r}: items matched by id"),
              file=sys.stderr)  # fmt: skip
        return True
    where = f"{args.file}: exported from another dataset ({theirs.title!r}, not {ours!r})"
    if args.any_dataset:
        print(visible(f"note: {where}: items matched by id, as --any-dataset asks"), file=sys.stderr)
        return True
    print(
        visible(f"{where}: its notes would go to whatever items here share their ids; nothing imported "
                "(--any-dataset imports it anyway)"),
        file=sys.stderr,
    )  # fmt: skip
    return False


def _read_import(name: str) -> Document | None:
    from .core.notebook.exchange import ExchangeError, read_document

    path = Path(name)
    try:
        status = path.stat()
        # a FIFO was waited on forever, /dev/zero read until memory ran out (a notebook trial): refused unopened
        if (kind := file_kind(status.st_mode)) is not None:
            print(visible(f"{name}: is {kind}, not a notebook export: only regular files are read"), file=sys.stderr)
            return None
        if status.st_size > MAX_IMPORT_BYTES:
            print(visible(f"{name}: larger than {MAX_IMPORT_BYTES:,} bytes; not a notebook export"), file=sys.stderr)
            return None
        with open_regular(path, MAX_IMPORT_BYTES) as handle:  # (checked again once open, without blocking)
            text = handle.read(MAX_IMPORT_BYTES + 1).decode("utf-8-sig")
    except DatasetError as error:  # swapped for something else since the check above
        print(error.report(), file=sys.stderr)
        return None
    except OSError as error:
        print(visible(f"{name}: cannot be read: {error.strerror or error}"), file=sys.stderr)
        return None
    except UnicodeDecodeError:
        print(visible(f"{name}: not UTF-8 text; not a notebook export"), file=sys.stderr)
        return None
    try:
        return read_document(text)
    except ExchangeError as error:
        noun = "problem" if len(error.problems) == 1 else "problems"
        print(visible(f"{name}: {len(error.problems)} {noun}"), file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem.render(name)}", file=sys.stderr)
        return None


def _new(args: argparse.Namespace, chronology: Chronology) -> int:
    from .core.notebook import Access, NotebookError, start_new

    opened = open_for(args, chronology, record=False)
    if not opened.damaged:
        state = "off" if opened.access is Access.OFF else opened.access.value
        print(
            visible(f"junquito-tui: notebook new: {opened.path} is {state}, not damaged: nothing done"), file=sys.stderr
        )
        if opened.reason:
            print(visible(opened.reason), file=sys.stderr)
        return 2 if opened.access is Access.OFF else 1  # (refused: a problem with the input, not 'nothing matched')
    try:
        aside = start_new(opened.path)
    except NotebookError as error:
        print(visible(f"junquito-tui: notebook new: {error}"), file=sys.stderr)
        return EXIT_USAGE
    print(visible(f"moved the unreadable notebook to {aside} (kept, not deleted)"))
    print(visible(f"a new notebook starts at {opened.path} with your next star, tag or note"))
    return 0


def _print(text: str) -> None:
    # (bytes to the stream's own buffer, as UTF-8 whatever the locale; guarded as any output: ``terminal_output``)
    sys.stdout.flush()
    sys.stdout.buffer.write(terminal_safe(text, terminal(sys.stdout)).encode("utf-8"))
    sys.stdout.buffer.flush()
