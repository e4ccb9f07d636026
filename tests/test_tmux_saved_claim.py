"""In a real terminal, while a burst of keys pours into a field, the screen is read every few
milliseconds and the app is killed the moment the new text shows. If the header said "Saved"
in that moment, the text must be on disk (issue: trust). The field test caught the new text
beside "Saved" for some 30 ms of every burst, and lost it to a kill."""

from __future__ import annotations

import os
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
ROUNDS = 4
pytestmark = needs_tmux


def test_saved_is_never_shown_beside_text_that_is_not_on_disk(
    terminal_env: dict[str, str], tmp_path: Path
) -> None:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(QUESTIONNAIRE, folder / "kill.toml")
    db = Path(terminal_env["SCREENER_DB"])
    vault.create(db, PASSPHRASE, KdfParams.FAST)
    terminal_env["SCREENER_PASSPHRASE"] = PASSPHRASE
    with open_encrypted(db) as repo:
        repo.create_interview(
            InterviewInfo("Claim Testperson"),
            load_file(folder / "kill.toml"),
            consent=Consent(screening=True, handover=True, sensitive=True, cv_postcard=True),
        )
    for round_ in range(ROUNDS):
        token = f"zq{round_}x"
        term = start(terminal_env, "--questionnaires", str(folder))
        try:
            term.wait_text("Claim Testperson")
            term.keys("Enter")
            term.wait_text("Life")
            term.keys("C-p")
            term.type("Your story")
            time.sleep(0.4)
            term.keys("Enter")
            time.sleep(0.6)
            term.type(" " + token)
            screen, deadline = "", time.monotonic() + 10
            while token not in screen:  # as often as tmux answers: the window was ~30 ms
                assert time.monotonic() < deadline, screen
                screen = term.screen()
            os.kill(term.pid(), signal.SIGKILL)
        finally:
            term.close()
        header = screen.splitlines()[0]
        if "✓ Saved" in header:  # may be true: the disk was quicker than the screen
            with open_encrypted(db) as repo:
                story = str(repo.get(1).values().get("story", ""))
            assert token in story, (round_, header, story)
