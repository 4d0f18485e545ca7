"""The size limit is sized to the machine: a fraction of the memory available, a floor, a ceiling."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

from junquito_tui.cli import build_parser, main
from junquito_tui.core import files

GB = 1024**3


class Machine(Protocol):
    def __call__(self, available_kb: int | None, total_kb: int = 0, cgroup: tuple[str, str] | None = None) -> None: ...


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Machine:
    """A machine whose /proc/meminfo and cgroup files say what the test writes."""

    def make(available_kb: int | None, total_kb: int = 0, cgroup: tuple[str, str] | None = None) -> None:
        lines = [f"MemTotal:       {total_kb} kB"] if total_kb else []
        if available_kb is not None:
            lines.append(f"MemAvailable:   {available_kb} kB")
        (tmp_path / "meminfo").write_text("\n".join(lines) + "\n", encoding="ascii")
        monkeypatch.setattr(files, "MEMINFO", tmp_path / "meminfo")
        group = tmp_path / "cgroup"
        group.mkdir(exist_ok=True)
        if cgroup:
            (group / "memory.max").write_text(cgroup[0], encoding="ascii")
            (group / "memory.current").write_text(cgroup[1], encoding="ascii")
        monkeypatch.setattr(files, "CGROUP", group)
        monkeypatch.setattr(
            files, "_sysconf", lambda name: total_kb * 1024 if name == "SC_PHYS_PAGES" and total_kb else None
        )

    return make


def test_the_default_is_a_fraction_of_available_memory(machine: Machine) -> None:
    machine(available_kb=4 * 1024 * 1024, total_kb=8 * 1024 * 1024)  # 4 GiB available
    assert files.default_max_bytes() == 4 * GB // files.LOAD_FACTOR
    assert files.default_max_bytes() > 87_228_135  # the 100,000-event dataset of the issue opens by default


def test_the_default_never_falls_below_the_floor(machine: Machine) -> None:
    machine(available_kb=100 * 1024)  # 100 MiB available
    assert files.default_max_bytes() == files.MIN_MAX_BYTES == 50 * 1024 * 1024


def test_without_meminfo_sysconf_is_read_then_the_floor(machine: Machine, monkeypatch: pytest.MonkeyPatch) -> None:
    machine(available_kb=None)
    monkeypatch.setattr(files, "_sysconf", lambda name: 16 * GB if name == "SC_AVPHYS_PAGES" else None)
    assert files.default_max_bytes() == 16 * GB // files.LOAD_FACTOR
    monkeypatch.setattr(files, "_sysconf", lambda name: None)
    assert files.default_max_bytes() == files.MIN_MAX_BYTES
    assert files.max_bytes_ceiling() == files.FALLBACK_CEILING


def test_a_container_limit_counts(machine: Machine) -> None:
    machine(available_kb=64 * 1024 * 1024, cgroup=(str(2 * GB), str(GB)))  # 64 GiB host, 1 GiB left in the box
    assert files.default_max_bytes() == GB // files.LOAD_FACTOR


def test_the_sysconf_reader_works_here() -> None:
    total = files.total_memory()
    assert total is None or total > 0
    assert files.default_max_bytes() >= files.MIN_MAX_BYTES


def test_the_option_has_a_ceiling_of_half_the_memory(machine: Machine, capsys: pytest.CaptureFixture[str]) -> None:
    machine(available_kb=2 * 1024 * 1024, total_kb=8 * 1024 * 1024)
    assert files.max_bytes_ceiling() == 4 * GB
    for wrong in (str(4 * GB + 1), "0", "-5", "lots"):
        with pytest.raises(SystemExit) as exit_:
            main(["validate", "--max-bytes", wrong])
        assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "4,294,967,297 is not between 1 and 4,294,967,296 (half this machine's memory" in err
    assert "'lots' is not a whole number of bytes" in err
    assert build_parser().parse_args(["validate", "--max-bytes", str(4 * GB)]).max_bytes == 4 * GB


def test_the_help_says_how_the_default_is_chosen(machine: Machine, capsys: pytest.CaptureFixture[str]) -> None:
    machine(available_kb=8 * 1024 * 1024, total_kb=16 * 1024 * 1024)
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "1/8 of the memory available, at least 50 MB; now 1,073,741,824" in " ".join(capsys.readouterr().out.split())


def test_the_refusal_says_what_the_limit_is_and_why(
    machine: Machine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine(available_kb=1024 * 1024, total_kb=2 * 1024 * 1024)  # 1 GiB available: the limit is 128 MiB
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    assert main(["validate", str(path)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert (
        "is 209,715,200 bytes, over the limit of 134,217,728: a dataset takes about 8 times its size in memory" in err
    )
    assert (
        "and 1.1 GB of memory is available (raise the limit with --max-bytes, at most 1,073,741,824 on this machine)"
        in err
    )
