"""The real program in a real terminal (tmux): type an answer, SIGKILL the process, start again
and find the answer where it was left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from screener.security import vault
from screener.store.repository import Repository

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or sys.platform == "win32", reason="needs tmux"
)

ANSWER = "Testcenter Nordlys"
PASS = "tmux test passphrase 1"


class Terminal:
    """One tmux session running one command; keys in, screen text out."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"screener-test-{uuid.uuid4().hex[:8]}"
        self.env = env
        self._tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", *command)

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

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], env=self.env, check=False)


@pytest.fixture
def terminal_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        SCREENER_DB=str(tmp_path / "tmux.sqlite3"),
        TMUX_TMPDIR=str(tmp_path),
        TERM="xterm-256color",
    )
    env.pop("TMUX", None)
    yield env
    subprocess.run(["tmux", "kill-server"], env=env, check=False, capture_output=True)


def start(env: dict[str, str]) -> Terminal:
    return Terminal([sys.executable, "-m", "screener", "--lang", "en"], env)


def test_answer_survives_sigkill(terminal_env: dict[str, str]) -> None:
    term = start(terminal_env)
    try:
        term.wait_text("Welcome to Screener")  # first start: choose a passphrase
        time.sleep(0.3)
        term.type(PASS)
        term.keys("Enter")
        time.sleep(0.3)  # the focus moves to the second field
        term.type(PASS)
        term.keys("Enter")
        term.wait_text("Your recovery key")
        term.keys("Enter")
        term.wait_text("Screening interviews on this computer")
        term.keys("n")
        term.wait_text("New interview")
        term.type("Testa Testesen")
        term.keys("C-s")
        term.wait_text("Testa Testesen")
        term.keys("C-PageDown")
        term.wait_text("2. The candidate and the situation")
        time.sleep(0.5)  # the section is drawn before its first question takes the focus
        term.keys("1")  # status: asylum seeker
        term.wait_text("(•) Asylum seeker")
        term.keys("Enter")  # on to the asylum centre
        time.sleep(0.3)
        term.type(ANSWER)
        term.wait_for(lambda s: ANSWER in s and "✓ Saved" in s, "the answer saved")
        os.kill(term.pid(), signal.SIGKILL)
        time.sleep(0.5)
    finally:
        term.close()

    term = start(terminal_env)
    try:
        term.wait_text("Screener is locked")
        time.sleep(0.3)
        term.type(PASS)
        term.keys("Enter")
        term.wait_text("Testa Testesen")
        term.keys("Down", "Enter")
        screen = term.wait_text(ANSWER)
        assert "2. The candidate and the situation" in screen
    finally:
        term.close()

    db = Path(terminal_env["SCREENER_DB"])
    repo = Repository(db, key=vault.unlock(db, PASS))
    try:
        (summary,) = repo.list_interviews()
        assert repo.get(summary.id).values()["asylum_centre"] == ANSWER
    finally:
        repo.close()
