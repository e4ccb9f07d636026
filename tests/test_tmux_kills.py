"""Twenty SIGKILLs at random moments while typing in a plain question and in a repeat entry, in
a real terminal: after each restart, the text that was on screen 300 ms before the kill is on
disk (issue: trust). The questionnaire is a small file of the test's own (valid/kill.toml)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

from store_fixture import PASSPHRASE, open_encrypted
from support.terminal import needs_tmux, start

from screener.questionnaire.loader import load_questionnaire as load_file
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.store.records import Consent, InterviewInfo

QUESTIONNAIRE = Path(__file__).parent / "questionnaires" / "valid" / "kill.toml"
KILLS = 20
pytestmark = needs_tmux


def _stored(db: Path) -> tuple[str, str]:
    with open_encrypted(db) as repo:
        values = repo.get(1).values()
    jobs = values.get("jobs") or [{}]
    return str(values.get("story", "")), str(jobs[0].get("job_title", ""))


def test_twenty_kills_lose_nothing_that_was_on_screen(
    terminal_env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(QUESTIONNAIRE, folder / "kill.toml")
    db = Path(terminal_env["SCREENER_DB"])
    vault.create(db, PASSPHRASE, KdfParams.FAST)
    terminal_env["SCREENER_PASSPHRASE"] = PASSPHRASE  # unlocks without the screen
    with open_encrypted(db) as repo:
        repo.create_interview(
            InterviewInfo("Kill Testperson"),
            load_file(folder / "kill.toml"),
            consent=Consent(screening=True, handover=True, sensitive=True, cv_postcard=True),
        )
    rng = random.Random(7)
    for kill in range(KILLS):
        repeat = kill % 2 == 1
        token = f"{'r' if repeat else 'p'}{kill:02d}x"
        term = start(terminal_env, "--questionnaires", str(folder))
        try:
            term.wait_text("Kill Testperson")
            term.keys("Enter")
            term.wait_text("Life")
            term.keys("C-p")
            term.type("Jobs held" if repeat else "Your story")
            time.sleep(0.4)
            term.keys("Enter")
            time.sleep(0.6)
            if repeat:
                term.keys("Enter")  # the entry form: the first entry, or a new one
                term.wait_text("Job title")
                time.sleep(0.3)
            term.type(token)
            shown = term.wait_text(token)
            term.type("".join(rng.choice("abcdefgh ") for _ in range(rng.randint(0, 12))))
            time.sleep(0.3 + rng.random() * 0.3)
            os.kill(term.pid(), signal.SIGKILL)
        finally:
            term.close()
        story, title = _stored(db)
        assert token in (title if repeat else story), (kill, shown, story, title)
