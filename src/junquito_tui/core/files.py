"""Reading a dataset file: only a regular file, only as much as this machine can hold, never for writing.

Special files are refused before they are opened: opening a FIFO blocks until something
writes to it (forever, from a terminal), ``/dev/zero`` never ends, a directory is not data.
The file is then opened without blocking and checked again, so that a file swapped for a
FIFO between the two checks cannot hang the program either.

The size limit protects memory: a dataset takes several times its size once it is parsed
and ordered, so the default is a fraction of the memory available now, never less than
the 50 MB every machine can afford; ``--max-bytes`` moves it, up to half the memory the
machine has at all (beyond that nothing could load, and a sparse file or a device would
be read until memory ran out).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .problems import DatasetError, Problem

Progress = Callable[[str, float | None], None]  # (what is happening, fraction done or None)

MIN_MAX_BYTES = 50 * 1024 * 1024  # the floor: what every machine can afford (the old fixed default)
LOAD_FACTOR = 8  # memory per byte of file: 451 MB at the peak for an 87 MB file, and room for the search index
# memory per row of a spreadsheet, however short (1.2-1.5 KB measured, each an event): 18 MB of '2018-01-15,T'
# lines took 1.5 GB, a hundred times their size (a security trial)
ROW_BYTES = 2_000
FALLBACK_CEILING = 16 * 1024**3  # when the machine's memory cannot be read
READ_CHUNK = 4 * 1024 * 1024
MEMINFO = Path("/proc/meminfo")  # Linux
CGROUP = Path("/sys/fs/cgroup")  # a container's limits (cgroup v2)
SNIFF_BYTES = 4096  # UTF-16 and binary files are recognised from their first bytes


def _meminfo(field: str) -> int | None:
    try:
        with MEMINFO.open(encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _sysconf(name: str) -> int | None:
    try:
        pages, size = os.sysconf(name), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # not on this system
        return None
    return pages * size if pages > 0 and size > 0 else None


def _cgroup_room() -> int | None:
    """What a container's memory limit (cgroup v2) still allows; None without one."""
    try:
        limit = (CGROUP / "memory.max").read_text(encoding="ascii").strip()
        used = (CGROUP / "memory.current").read_text(encoding="ascii").strip()
        return max(int(limit) - int(used), 0) if limit != "max" else None
    except (OSError, ValueError):
        return None


def available_memory() -> int | None:
    """Memory a new allocation can have now, in bytes (Linux, other Unixes, containers, ``ulimit -v``); None
    if unknown."""
    rooms = (_meminfo("MemAvailable") or _sysconf("SC_AVPHYS_PAGES"), _cgroup_room(), _address_room())
    found = [m for m in rooms if m is not None]
    return min(found) if found else None


def _address_room() -> int | None:
    """What ``ulimit -v`` (RLIMIT_AS) still allows this process; None without one."""
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit == resource.RLIM_INFINITY:
            return None
        status = Path("/proc/self/status").read_text(encoding="ascii")
        size = next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmSize:"))
        return max(limit - size, 0)
    except (ImportError, OSError, ValueError, StopIteration):
        return None


def row_limit(max_bytes: int | None) -> int:
    """The most rows a spreadsheet may have: as many as the memory a file of ``max_bytes`` may take."""
    return (max_bytes if max_bytes is not None else default_max_bytes()) * LOAD_FACTOR // ROW_BYTES


def too_many_rows(limit: int) -> str:
    available = available_memory()
    room = f"{available / 1e9:,.1f} GB of memory is available" if available else "the memory available is unknown"
    return (
        f"has more than {limit:,} rows: each becomes an event of about {ROW_BYTES:,} bytes in memory, and {room} "
        f"(raise the limit with --max-bytes, at most {max_bytes_ceiling():,} on this machine)"
    )


def total_memory() -> int | None:
    return _sysconf("SC_PHYS_PAGES") or _meminfo("MemTotal")


def default_max_bytes() -> int:
    """A fraction (1/LOAD_FACTOR) of the memory available now, at least MIN_MAX_BYTES."""
    available = available_memory()
    return MIN_MAX_BYTES if available is None else max(MIN_MAX_BYTES, available // LOAD_FACTOR)


def max_bytes_ceiling() -> int:
    """The most ``--max-bytes`` may say: half this machine's memory (the file itself is held in memory
    while it is parsed into something larger)."""
    total = total_memory()
    return FALLBACK_CEILING if total is None else max(MIN_MAX_BYTES, total // 2)


def file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words ('a named pipe (FIFO)'); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _refusal(name: str, kind: str) -> DatasetError:
    return DatasetError(name, [Problem("", f"is {kind}, not a dataset file: only regular files are read")])


def _too_large(name: str, size: int, max_bytes: int) -> DatasetError:
    available = available_memory()
    room = f"{available / 1e9:,.1f} GB of memory is available" if available else "the memory available is unknown"
    return DatasetError(
        name,
        [
            Problem(
                "",
                f"is {size:,} bytes, over the limit of {max_bytes:,}: a dataset takes about {LOAD_FACTOR} times "
                f"its size in memory and {room} (raise the limit with --max-bytes, "
                f"at most {max_bytes_ceiling():,} on this machine)",
            )
        ],
    )


def _os_problem(name: str, error: OSError) -> DatasetError:
    if isinstance(error, FileNotFoundError):
        return DatasetError(name, [Problem("", "no such file")])
    if isinstance(error, PermissionError):
        return DatasetError(name, [Problem("", "permission denied: the file cannot be read")])
    if error.errno == errno.ELOOP:
        return DatasetError(name, [Problem("", "is a loop of symbolic links: there is no file to read")])
    return DatasetError(name, [Problem("", f"cannot be read: {error.strerror or error}")])


def preflight(target: Path, max_bytes: int) -> int:
    """The file's size, once it is known to be a regular file within the limit; else ``DatasetError``.

    Nothing is opened here: ``stat`` follows symbolic links (a loop is an error) and tells a FIFO,
    a device, a socket or a directory from a file without waiting on it.
    """
    name = str(target)
    try:
        status = os.stat(target)
    except OSError as error:
        raise _os_problem(name, error) from None
    kind = file_kind(status.st_mode)
    if kind is not None:
        raise _refusal(name, kind)
    if status.st_size > max_bytes:
        raise _too_large(name, status.st_size, max_bytes)
    return status.st_size


def read_file(target: Path, max_bytes: int, report: Progress | None = None) -> bytes:
    """The whole file, checked to be a regular file within ``max_bytes`` before and after opening it."""
    name = str(target)
    with open_regular(target, max_bytes) as handle:
        try:
            return _read_all(handle, name, os.fstat(handle.fileno()).st_size, max_bytes, report)
        except OSError as error:
            raise _os_problem(name, error) from None


def open_regular(target: Path, max_bytes: int) -> BinaryIO:
    """The file opened for reading, checked to be a regular file within ``max_bytes`` before and after
    opening it (a FIFO put in its place is refused, not waited on); else ``DatasetError``."""
    name = str(target)
    preflight(target, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(target, flags)  # read-only: the app never writes a dataset
    except OSError as error:
        raise _os_problem(name, error) from None
    handle = os.fdopen(descriptor, "rb")
    kind = file_kind(os.fstat(descriptor).st_mode)
    if kind is not None:  # swapped for something else since the check above
        handle.close()
        raise _refusal(name, kind)
    return handle


def _read_all(handle: BinaryIO, name: str, size: int, max_bytes: int, report: Progress | None) -> bytes:
    from .json_text import sniff  # the first bytes say whether the rest is worth reading

    read = handle.read
    first = read(min(SNIFF_BYTES, max_bytes + 1))
    sniff(first, name)
    chunks, done = [first], len(first)
    while done <= max_bytes and (chunk := read(min(READ_CHUNK, max_bytes + 1 - done))):
        chunks.append(chunk)
        done += len(chunk)
        if report is not None:
            report(f"Reading {done / 1e6:,.1f} of {size / 1e6:,.1f} MB", done / max(size, 1))
    if done > max_bytes:  # it grew while being read
        raise _too_large(name, done, max_bytes)
    return b"".join(chunks)
