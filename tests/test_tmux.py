"""The real program in a real terminal (tmux): type an answer, SIGKILL the process, start again
and find the answer where it was left."""

from __future__ import annotations

import time
from pathlib import Path

from support.terminal import needs_tmux, start

from screener.security import vault
from screener.store.repository import Repository

pytestmark = needs_tmux

ANSWER = "Testcenter Nordlys"
PASS = "tmux test passphrase 1"


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
        term.wait_text("Consent: Testa Testesen")
        term.keys("y", "Down", "y", "Down", "y", "Down", "y", "C-s")
        term.wait_text("1. Welcome and purpose")
        term.keys("C-PageDown")
        term.wait_text("2. The candidate and the situation")
        time.sleep(0.5)  # the section is drawn before its first question takes the focus
        term.keys("1")  # status: asylum seeker
        term.wait_text("(•) Asylum seeker")
        term.keys("Enter")  # on to the asylum centre
        time.sleep(0.3)
        term.type(ANSWER)
        term.wait_for(lambda s: ANSWER in s and "✓ Saved" in s, "the answer saved")
        term.kill()
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
