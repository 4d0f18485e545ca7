"""Looking at a tmux pane while the app in it starts: one tmux control-mode client for the whole run.

Earlier rounds ran ``tmux capture-pane`` as a new process every ~10 ms. Each look cost ~2 ms of CPU
(fork, exec, connect), about a sixth of a core, taken from a machine whose two cores the app uses
both of while it reads a large file: the look slowed what it timed. A control-mode client
(``tmux -C attach -r``, read-only) takes the same ``capture-pane`` command on its standard input and
answers between ``%begin`` and ``%end`` lines: ~0.07 ms a look, no process. ``refresh-client -f
no-output`` spares it (and the server) the pane's output as notifications, which it would only skip.
A control client without a size of its own leaves the window's size as it is (120x40 here).
"""

from __future__ import annotations

import os
import select
import subprocess
import time


class Observer:
    """``capture()``: the pane's text now; None once the session is gone."""

    def __init__(self, socket: str, session: str, answer_within: float = 5.0) -> None:
        self.session, self.answer_within = session, answer_within
        command = ["tmux", "-L", socket, "-C", "attach-session", "-r", "-t", session]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
        self.pending = b""
        self.gone = False
        # tmux may run what comes on standard input before the attach itself (a review saw it in 8 of
        # 40 starts: the refresh then failed, 'no current client', and the first capture read ''):
        # wait for the attach's answer, the one whose flags are 0, before anything is sent.
        deadline = time.perf_counter() + answer_within
        while (line := self._line(deadline)) is not None:
            words = line.split(b" ")
            if words[0] in (b"%end", b"%error") and words[3:4] == [b"0"]:
                self.gone = words[0] == b"%error"
                break
        else:
            self.gone = True
        self.unread = 1  # the answer to this, before the first capture's
        self._send("refresh-client -f no-output")

    def capture(self) -> str | None:
        if self.gone or not self._send(f"capture-pane -p -t {self.session}"):
            return None
        lines: list[bytes] = []
        guard: list[bytes] | None = None  # the %begin line's time and number, which its %end repeats
        deadline = time.perf_counter() + self.answer_within
        while (line := self._line(deadline)) is not None:
            words = line.split(b" ")
            if guard is None and words[0] == b"%begin":
                guard, lines = words[1:3], []
            elif guard is not None and words[0] in (b"%end", b"%error") and words[1:3] == guard:
                guard = None
                if self.unread > 0:
                    self.unread -= 1
                    continue
                if line.startswith(b"%error"):  # (the session is gone)
                    break
                return b"\n".join(lines).decode("utf-8", errors="replace")
            elif guard is not None:  # (a line of the pane's own, though it may read '%end')
                lines.append(line)
            elif words[0] == b"%exit":
                break
        self.gone = True
        return None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def _send(self, command: str) -> bool:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(command.encode() + b"\n")
            return True
        except (BrokenPipeError, OSError):
            self.gone = True
            return False

    def _line(self, deadline: float) -> bytes | None:
        """The next line the client writes; None at its end or after ``deadline``."""
        assert self.process.stdout is not None
        while b"\n" not in self.pending:
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            if not (data := os.read(self.process.stdout.fileno(), 1 << 16)):
                return None
            self.pending += data
        line, self.pending = self.pending.split(b"\n", 1)
        return line.removesuffix(b"\r")
