"""A real terminal for tests: the program in tmux, keys in with send-keys, the screen out with
capture-pane."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or sys.platform == "win32", reason="needs tmux"
)


class Terminal:
    """One tmux session running one command; keys in, screen text out."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"screener-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        # A server whose last session just ended (the program was killed) may still be going
        # away: a new session then fails once; the next one starts a new server.
        for attempt in range(5):
            try:
                self._tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", *command)
                return
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
                time.sleep(0.2)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", *args], env=self.env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.2)
        raise AssertionError(f"waited for {what}; the screen shows:\n{text}")

    def wait_text(self, needle: str, timeout: float = 30.0) -> str:
        return self.wait_for(lambda text: needle in text, repr(needle), timeout)

    def pid(self) -> int:
        return int(self._tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").split()[0])

    def kill(self, timeout: float = 10.0) -> None:
        """SIGKILL the program, and wait until it has gone: a process inside a slow fsync dies
        only when the call returns, and holds its database locks until then."""
        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        status = Path(f"/proc/{pid}/status")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if "\nState:\tZ" in status.read_text():
                    return  # dead; its parent has not collected it yet
            except OSError:
                return  # gone
            time.sleep(0.02)

    def close(self) -> None:
        subprocess.run(
            ["tmux", "kill-session", "-t", self.name],
            env=self.env,
            check=False,
            capture_output=True,
        )
        # The server goes away with its last session, and a session started while it is going
        # goes with it: wait until it has gone (or other sessions keep it).
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            listed = subprocess.run(
                ["tmux", "list-sessions"], env=self.env, capture_output=True, text=True
            )
            if listed.returncode != 0 or listed.stdout.strip():
                break
            time.sleep(0.05)


def start(env: dict[str, str], *args: str) -> Terminal:
    return Terminal([sys.executable, "-m", "screener", "--lang", "en", *args], env)
