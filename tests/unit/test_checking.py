"""The full check in a second process: every way it can end has an outcome, and only 'ok' trusts the file."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
import xxhash

from junquito_tui.core import quick_load
from junquito_tui.core.checking import Check, Outcome
from junquito_tui.core.fast_json import read_fast

FAST = Path(__file__).resolve().parents[1] / "data" / "fast"


def _check(path: Path, *, limit: float | None = None) -> Check:
    return Check(path, 10**9, xxhash.xxh3_128_hexdigest(path.read_bytes()), limit=limit)


def test_a_valid_file_is_ok() -> None:
    assert _check(FAST / "valid.json").start().wait().kind == "ok"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("line-break-in-title.json", "events[1].title: a title is one line: line break at offset 3"),
        ("duplicate-key.json", "key 'title' given again"),
    ],
)
def test_a_file_the_contract_refuses_fails_with_its_report(name: str, expected: str) -> None:
    outcome = _check(FAST / name).start().wait()
    assert outcome.kind == "failed"
    assert outcome.report is not None and outcome.report.startswith(f"{FAST / name}: 1 problem")
    assert expected in outcome.report


def test_a_file_changed_since_it_was_read_is_not_taken_for_the_one_checked(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    shutil.copy(FAST / "valid.json", path)
    check = _check(path)
    path.write_bytes(path.read_bytes().replace(b"First", b"Frost"))  # still valid: other bytes
    assert check.start().wait().kind == "changed"


def _with_command(path: Path, code: str, *, limit: float | None = None) -> Check:
    check = _check(path, limit=limit)
    check.command = [sys.executable, "-c", code]
    return check


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "ended by SIGKILL"),
        ("raise RuntimeError('boom')", "failed (exit status 1)"),
        ("print('not the answer')", "gave no answer"),
        ('print(\'{"outcome": "failed"}\')', "gave no answer"),  # a failure without its report
        ("", "gave no answer"),
    ],
)
def test_a_child_that_crashes_or_is_killed_ends_in_a_clear_message(code: str, why: str) -> None:
    outcome = _with_command(FAST / "valid.json", code).start().wait()
    assert outcome.kind == "broken"
    assert outcome.report is not None and outcome.report.startswith(f"{FAST / 'valid.json'}: 1 problem")
    assert "could not be checked: " in outcome.report and why in outcome.report
    assert "nothing of it is shown" in outcome.report


def test_a_child_that_hangs_is_stopped_at_the_time_limit() -> None:
    check = _with_command(FAST / "valid.json", "import time; time.sleep(60)", limit=0.5).start()
    started = time.monotonic()
    outcome = check.wait()
    assert outcome.kind == "broken" and "did not finish within 0.5 seconds" in str(outcome.report)
    assert time.monotonic() - started < 10
    assert check._process is not None and check._process.poll() is not None  # and it is gone


def test_stop_ends_a_running_child() -> None:
    check = _with_command(FAST / "valid.json", "import time; time.sleep(60)").start()
    check.stop()
    assert check._process is not None and check._process.poll() is not None


def test_open_dataset_reads_fast_and_leaves_the_cache_to_the_check(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    path = FAST / "line-break-in-title.json"
    loaded, save, quick = quick_load.open_dataset(path, folder=tmp_path / "cache")
    assert save is None and quick is not None  # nothing to write now
    assert loaded.dataset == read_fast(path.read_bytes())
    assert quick.check.wait().kind == "failed"
    assert not (tmp_path / "cache").exists()  # and the app never starts quick.save after a failure


def test_a_cache_hit_never_holds_the_whole_file_in_memory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    path = FAST / "valid.json"
    loaded, save, _ = quick_load.open_dataset(path, folder=tmp_path / "cache", quick=False)
    assert save is not None
    save.start()
    save.join()

    def whole_file(*args: object) -> bytes:
        raise AssertionError("the file was read whole for a cache hit")

    monkeypatch.setattr(quick_load, "read_file", whole_file)
    again, save, quick = quick_load.open_dataset(path, folder=tmp_path / "cache")
    assert save is None and quick is None and again.dataset == loaded.dataset and again.arrangement is not None


def test_a_fast_reading_that_fails_its_checks_is_not_vouched_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A dangling reference: the reading is built (its checks are the child's), the child refuses it,
    and the ordinary way says what is wrong."""
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    from junquito_tui.core.loader import DatasetError

    loaded, save, quick = quick_load.open_dataset(FAST / "dangling-actor.json", folder=tmp_path / "cache")
    assert quick is not None and quick.pending is loaded.dataset and save is None
    assert quick.check.fast_verdict() == "refused"
    assert not quick.vouch() and quick.pending is None
    quick.check.stop()
    with pytest.raises(DatasetError, match="unknown actor 'nobody'"):
        quick_load.open_dataset(FAST / "dangling-actor.json", folder=tmp_path / "cache", quick=False)
    loaded, save, quick = quick_load.open_dataset(FAST / "valid.json", folder=tmp_path / "cache", quick=False)
    assert quick is None and save is not None and len(loaded.dataset.events) == 2  # checked, then cached


def test_the_child_vouches_for_a_valid_reading_then_gives_its_full_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    _, _, quick = quick_load.open_dataset(FAST / "valid.json", folder=tmp_path / "cache")
    assert quick is not None and quick.check.fast_verdict() == "ok"
    assert quick.vouch()
    assert quick.check.wait().kind == "ok"  # the first line read did not take the last one with it


def _say(**answer: str) -> str:
    """The code of a child that prints ``answer`` as a line of JSON."""
    return f"import json; print(json.dumps({answer!r}))"


_VALID = xxhash.xxh3_128_hexdigest((FAST / "valid.json").read_bytes())


@pytest.mark.parametrize(
    ("code", "verdict"),
    [
        (_say(fast="ok", digest=_VALID), "ok"),
        (_say(fast="refused", digest=_VALID), "refused"),
        (_say(fast="changed", digest=""), "changed"),
        (_say(fast="ok", digest="other bytes"), "changed"),  # ok, but of other bytes than these
        (_say(fast="ok"), None),  # of which bytes, it does not say
        (_say(fast="maybe", digest=_VALID), None),
        ("print('not json')", None),
        ("print('[1]')", None),
        ("raise SystemExit(1)", None),  # ended before its verdict
        ("import time; time.sleep(60)", None),  # past the limit: the parent checks on its own
    ],
)
def test_the_fast_verdict_is_taken_only_as_the_child_gives_it(code: str, verdict: str | None) -> None:
    check = _with_command(FAST / "valid.json", code)
    hangs = "sleep" in code
    check.fast_limit = 1.0 if hangs else 30.0  # a child that answers is never cut short on a busy machine
    started = time.monotonic()
    assert check.start().fast_verdict() == verdict
    if hangs:
        assert time.monotonic() - started < 5
    check.stop()


def test_both_lines_printed_at_once_are_both_read() -> None:
    code = f'{_say(fast="ok", digest=_VALID)}; print(\'{{"outcome": "failed", "report": "r"}}\')'
    check = _with_command(FAST / "valid.json", code).start()
    assert check.fast_verdict() == "ok"
    assert check.wait() == Outcome("failed", "r")


@pytest.mark.parametrize(("name", "passes"), [("valid.json", True), ("dangling-actor.json", False)])
def test_without_the_child_s_verdict_the_reading_is_checked_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, passes: bool
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    monkeypatch.setattr(Check, "fast_verdict", lambda self: None)
    _, _, quick = quick_load.open_dataset(FAST / name, folder=tmp_path / "cache")
    assert quick is not None and quick.vouch() is passes
    quick.check.stop()


def test_the_child_never_imports_from_the_current_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `python -m` put the current directory first on sys.path: a json.py beside the dataset ran
    marker = tmp_path / "ran"
    (tmp_path / "json.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\nraise ImportError\n")
    monkeypatch.chdir(tmp_path)
    assert _check(FAST / "valid.json").start().wait().kind == "ok"
    assert not marker.exists()


def test_a_check_started_by_a_thread_that_ends_runs_to_its_end() -> None:
    # the app starts the check in its loading thread and waits for it from another: Linux's
    # parent-death signal, tried first, killed the check when the loading thread ended
    import threading

    started: list[Check] = []
    loading = threading.Thread(target=lambda: started.append(_check(FAST / "valid.json").start()))
    loading.start()
    loading.join()
    time.sleep(0.2)
    assert started[0].wait().kind == "ok"


def test_a_check_started_at_once_is_the_one_the_fast_reading_uses(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    early = quick_load.check_at_once(FAST / "valid.json", 10**9, folder=tmp_path / "cache")
    assert isinstance(early, Check) and early.digest == ""  # started before the file is read here
    _, _, quick = quick_load.open_dataset(FAST / "valid.json", folder=tmp_path / "cache", early=early)
    assert quick is not None and quick.check is early
    assert early.digest == xxhash.xxh3_128_hexdigest((FAST / "valid.json").read_bytes())
    assert quick.vouch() and early.wait().kind == "ok"


def test_a_check_started_at_once_is_stopped_when_the_file_is_not_read_fast(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    early = quick_load.check_at_once(FAST / "valid.json", 10**9, folder=tmp_path / "cache")
    assert isinstance(early, Check)
    _, _, quick = quick_load.open_dataset(FAST / "valid.json", folder=tmp_path / "cache", quick=False, early=early)
    assert quick is None and early._stopped


@pytest.mark.parametrize(
    ("name", "why"),
    [("small", "under QUICK_MIN_BYTES"), ("sheet.csv", "a spreadsheet"), ("cached", "a cache entry for it")],
)
def test_no_check_is_started_at_once_where_no_fast_reading_will_be_made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, why: str
) -> None:
    folder = tmp_path / "cache"
    path = tmp_path / "data.json"
    shutil.copy(FAST / "valid.json", path)
    if name == "sheet.csv":
        path = tmp_path / name
        path.write_text("date,title\n2018-01-15,Raid\n")
    if name != "small":
        monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)
    if name == "cached":
        _, save, _ = quick_load.open_dataset(path, folder=folder, quick=False)
        assert save is not None
        save.start()
        save.join()
    assert quick_load.check_at_once(path, 10**9, folder=folder) is None, why


def test_a_check_started_at_once_on_other_bytes_vouches_for_nothing(tmp_path: Path) -> None:
    """The file changed between the child's reading and this one's: neither of its answers is taken."""
    path = tmp_path / "data.json"
    shutil.copy(FAST / "valid.json", path)
    early = Check(path, 10**9, "").start()
    early.digest = xxhash.xxh3_128_hexdigest(b"other bytes")  # what this process read
    assert early.fast_verdict() == "changed"
    assert early.wait().kind == "changed"


def test_no_check_at_once_where_no_process_can_be_started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Out of file descriptors (or processes): no early check, and no traceback; the load goes on."""
    monkeypatch.setattr(quick_load, "QUICK_MIN_BYTES", 0)

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr("junquito_tui.core.checking.subprocess.Popen", refused)
    assert quick_load.check_at_once(FAST / "valid.json", 10**9, folder=tmp_path / "cache") is None
